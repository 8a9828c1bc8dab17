//! Parser options and the limits that protect it from hostile input.

/// Limits on what the parser accepts. Every limit, when exceeded, gives an
/// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded) error with a position;
/// none can make the parser overflow its stack, run out of memory or hang.
///
/// The defaults are far above anything a real article needs.
///
/// ```
/// let limits = wikimd::Limits { max_depth: 8, ..wikimd::Limits::default() };
/// let options = wikimd::ParseOptions::new().limits(limits);
/// let deep = "---\na:\n".to_string() + &(1..20).map(|i| format!("{}b:\n", "  ".repeat(i))).collect::<String>() + "---\n";
/// let err = wikimd::parse_with(&deep, &options).unwrap_err();
/// assert!(matches!(err.kind(), wikimd::ErrorKind::LimitExceeded { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, in bytes. Spans are stored as `u32`, so a document can never be
    /// larger than 4 GiB − 1, whatever this is set to.
    pub max_document_bytes: usize,
    /// Deepest nesting of YAML collections in the front matter, and of Markdown containers
    /// (lists, block quotes) in the body.
    pub max_depth: usize,
    /// Most YAML nodes (scalars, sequences, mappings, aliases expanded) in the front matter.
    pub max_yaml_nodes: usize,
    /// Largest front matter handed to the general YAML parser (used for YAML features the
    /// fast scanner does not read: anchors, aliases, tags, flow collections).
    pub max_fallback_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 1 << 30,
            max_depth: 100,
            max_yaml_nodes: 1_000_000,
            max_fallback_bytes: 8 << 20,
        }
    }
}

/// How the body's lists end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ListEnd {
    /// Format-aware (the default): a line that would be a lazy continuation of a list
    /// item's paragraph — indented less than the item's content — starts a new block, as if
    /// a blank line came before it. This is how wtf_wikipedia's Markdown is meant to be read.
    #[default]
    WhereWritten,
    /// Strict CommonMark: such a line continues the item's paragraph.
    CommonMark,
}

/// Options for [`parse_with`](crate::parse_with), built from the defaults with one method
/// per option.
///
/// ```
/// use wikimd::{ListEnd, ParseOptions};
///
/// let options = ParseOptions::new().list_end(ListEnd::CommonMark);
/// let doc = wikimd::parse_with(" * a\nb\n", &options).unwrap();
/// assert_eq!(doc.sections()[0].lists().next().unwrap().items()[0].text(), "a b");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Limits against hostile input.
    pub limits: Limits,
    /// How lists end in the body.
    pub list_end: ListEnd,
}

impl ParseOptions {
    /// The defaults: format-aware lists, default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// How lists end in the body.
    pub fn list_end(mut self, list_end: ListEnd) -> Self {
        self.list_end = list_end;
        self
    }

    /// Limits against hostile input.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}
