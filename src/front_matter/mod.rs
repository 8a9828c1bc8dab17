//! The front matter: finding it, and reading its YAML.
//!
//! A purpose-built scanner reads the YAML the format uses (block mappings and sequences,
//! plain, quoted and block scalars, `[]`, `{}`, comments) without copying: every scalar
//! is a [`Text`](crate::Text) slice of the input. Anything else that is valid YAML (anchors, aliases,
//! tags, flow collections with content) falls back to `yaml_serde`, bounded by
//! [`Limits`], and gives owned values.
//!
//! The scanner also finds where the front matter ends (the first `---` line) as it reads
//! it, so a document's front matter is read in one pass; anything unusual is split first
//! and read again ([`read_document`]).
//!
//! Modules: `scanner` (the fast scanner), `visit` (how the document model reads values
//! from either parser), `fallback` (the general parser).

mod fallback;
mod scanner;
mod visit;

use std::ops::Range;

use crate::error::{Error, ErrorKind};
use crate::options::Limits;
use crate::value::{Mapping, Value};

pub(crate) use visit::{
    check_unique, duplicate_key, Empty, FieldReader, Generic, MapAccess, PlainField, PlainItem,
    SeqAccess, Visit,
};

/// Where the front matter and the body are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The YAML between the `---` lines, if the file has a front matter.
    pub yaml: Option<Range<usize>>,
    /// The body: everything after the closing `---` line.
    pub body: Range<usize>,
}

/// Splits `src` into front matter and body.
pub(crate) fn split(src: &str) -> Result<Layout, Error> {
    let bytes = src.as_bytes();
    let yaml_start = match opening(src) {
        Ok(yaml_start) => yaml_start,
        Err(body_only) => return Ok(body_only),
    };
    // The closing line: right after the opening one, or the first `---` that is a whole
    // line after a line break (`\n`, `\r\n` or `\r`).
    // (A finder made once: making one for each document cost as much as searching a small
    // front matter.)
    static DASHES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"---"));
    let lines = std::iter::once(yaml_start).chain(
        DASHES
            .find_iter(&bytes[yaml_start..])
            .map(|at| yaml_start + at)
            .filter(|&at| at > yaml_start && matches!(bytes[at - 1], b'\n' | b'\r')),
    );
    for line in lines {
        if let Some(next) = delimiter_line(bytes, line) {
            return Ok(Layout {
                yaml: Some(yaml_start..line),
                body: next..src.len(),
            });
        }
    }
    // Pointing at the opening `---` (after a byte order mark, if any).
    let start = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
    Err(Error::new(
        ErrorKind::UnclosedFrontMatter,
        src,
        start..start + 3,
    ))
}

/// Where the YAML starts, after the opening `---` line; or, when there is none, the
/// layout of a body-only document (after a byte order mark, if any).
fn opening(src: &str) -> Result<usize, Layout> {
    let start = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
    delimiter_line(src.as_bytes(), start).ok_or(Layout {
        yaml: None,
        body: start..src.len(),
    })
}

/// If a line exactly `---` starts at `at`, the offset after it.
fn delimiter_line(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    if !rest.starts_with(b"---") {
        return None;
    }
    match &rest[3..] {
        [] => Some(bytes.len()),
        [b'\n', ..] => Some(at + 4),
        [b'\r', b'\n', ..] => Some(at + 5),
        // A carriage return alone ends a line too (old Mac OS files).
        [b'\r', ..] => Some(at + 4),
        _ => None,
    }
}

/// Why the fast scanner stopped.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The YAML uses something the scanner does not read: use the general parser.
    Unsupported,
    /// The YAML is wrong, a value has the wrong type, or a limit was hit: report it.
    /// (Boxed: every value the scanner returns travels in a `Scan`, which stays small.)
    Error(Box<Error>),
}

pub(crate) type Scan<T> = Result<T, Stop>;

/// Finds the front matter of `src` and reads it with `visit`: `None` for a body-only
/// document, and where the front matter and the body are.
///
/// The common case takes one pass: the scanner reads from the opening line and finds the
/// closing one itself. Anything else (no closing line, a front matter the scanner does not
/// read, an error) is done again the long way: split, then [`read`], so that results and
/// errors are exactly those of reading the split front matter.
pub(crate) fn read_document<'a, V: Visit<'a> + Clone>(
    src: &'a str,
    limits: &Limits,
    visit: V,
) -> Result<(Option<V::Out>, Layout), Error> {
    let bytes = src.as_bytes();
    let yaml_start = match opening(src) {
        Ok(yaml_start) => yaml_start,
        Err(body_only) => return Ok((None, body_only)),
    };
    if let Ok((out, yaml_end)) =
        scanner::scan_to_closing_line(src, yaml_start, limits, visit.clone())
    {
        if let Some(body_start) = delimiter_line(bytes, yaml_end) {
            if !needs_general_parser(&bytes[yaml_start..yaml_end]) {
                let layout = Layout {
                    yaml: Some(yaml_start..yaml_end),
                    body: body_start..src.len(),
                };
                return Ok((Some(out), layout));
            }
        }
    }
    let layout = split(src)?;
    let out = match layout.yaml.clone() {
        Some(range) => Some(read(src, range, limits, visit)?),
        None => None,
    };
    Ok((out, layout))
}

/// Reads the front matter `src[range]`, a mapping, with `visit`.
pub(crate) fn read<'a, V: Visit<'a> + Clone>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Result<V::Out, Error> {
    read_by(scanner::scan, src, range, limits, visit)
}

/// [`read`] with the scanner reading every entry by `next_key` and `next_value`, none a
/// line at a time: for the tests and the fuzzer.
pub(crate) fn read_entry_by_entry<'a, V: Visit<'a> + Clone>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Result<V::Out, Error> {
    read_by(scanner::scan_entry_by_entry, src, range, limits, visit)
}

/// A way of the scanner: [`scanner::scan`] or [`scanner::scan_entry_by_entry`].
type ScanWay<'a, V> = fn(&'a str, Range<usize>, &Limits, V) -> Scan<<V as Visit<'a>>::Out>;

/// [`read`] with the scanner `scan`: the general parser where it cannot read the YAML.
#[inline(always)]
fn read_by<'a, V: Visit<'a> + Clone>(
    scan: ScanWay<'a, V>,
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Result<V::Out, Error> {
    let stop = if needs_general_parser(&src.as_bytes()[range.clone()]) {
        Stop::Unsupported
    } else {
        match scan(src, range.clone(), limits, visit.clone()) {
            Ok(out) => return Ok(out),
            Err(stop) => stop,
        }
    };
    if let Stop::Error(e) = stop {
        return Err(*e);
    }
    read_general(src, range, limits, visit)
}

/// Reads the front matter `src[range]` with the general YAML parser, then `visit`.
pub(crate) fn read_general<'a, V: Visit<'a>>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Result<V::Out, Error> {
    let mapping = fallback::read(src, range.clone(), limits)?;
    match visit::visit_value(Value::Mapping(mapping), visit) {
        Ok(out) => Ok(out),
        Err(Stop::Error(e)) => Err(*e),
        // Owned values are always readable; kept as an error rather than a panic.
        Err(Stop::Unsupported) => Err(Error::new(
            ErrorKind::Yaml {
                message: "front matter the parser cannot read".to_string(),
            },
            src,
            range.start..range.start,
        )),
    }
}

/// Whether `yaml` holds what the scanner does not read line by line: a `\r` on its own
/// (a line break in YAML; the scanner reads lines by `\n`), or a byte order mark (which
/// YAML skips wherever it is).
fn needs_general_parser(yaml: &[u8]) -> bool {
    // One pass for both: a `\r`, and the byte order mark's first byte.
    memchr::memchr2_iter(b'\r', 0xEF, yaml).any(|at| {
        if yaml[at] == b'\r' {
            yaml.get(at + 1) != Some(&b'\n')
        } else {
            yaml[at..].starts_with("\u{FEFF}".as_bytes())
        }
    })
}

/// Reads the front matter with the general YAML parser only (for tests and comparisons).
#[doc(hidden)]
pub fn read_with_fallback(src: &str, limits: &Limits) -> Result<Mapping<'static>, Error> {
    fallback::read(src, 0..src.len(), limits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FrontMatterVisit;
    use proptest::prelude::*;

    /// The long way: split, then read the front matter between the lines.
    fn split_then_read(src: &str) -> Result<(Option<crate::FrontMatter<'_>>, Layout), Error> {
        let layout = split(src)?;
        let visit = FrontMatterVisit { src };
        let out = match layout.yaml.clone() {
            Some(range) => Some(read(src, range, &Limits::default(), visit)?),
            None => None,
        };
        Ok((out, layout))
    }

    /// Pieces of a front matter and of what follows it, mostly valid YAML entries (`{}`
    /// is a number that keeps keys different), some running over a `---` line.
    fn piece() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "key{}: value\n",
            "key{}:\n",
            "text{}: |\n  block line\n\n  more\n",
            "keep{}: |+\n  a\n\n",
            "folded{}: >-\n  a\n  b\n",
            "q{}: \"multi\n---\nline\"\n",
            "q{}: \"one line\"\n",
            "s{}: 'a\n\n  b'\n",
            "x{}: a # c\n",
            "plain{}: a\n  continued\n",
            "k{}: [ ]\n",
            "infoboxes:\n  - date{}:\n      text: 2014\n",
            "# comment {}\n",
            "\n",
            "---\n",
            "---\r\n",
            "--- \n",
            "----\n",
            "  ---\n",
            "...\n",
            "- item {}\n",
            "body text {} with: colon\n",
            "\r",
        ]);
        (pieces, 0..1000u32).prop_map(|(piece, n)| piece.replace("{}", &n.to_string()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        // The one-pass reading finds the same closing line, and reads the same values
        // and errors, as splitting first.
        #[test]
        fn reading_in_one_pass_is_splitting_then_reading(
            pieces in proptest::collection::vec(piece(), 0..12),
            bom in any::<bool>(),
        ) {
            let mut src = String::from(if bom { "\u{FEFF}---\n" } else { "---\n" });
            src.push_str(&pieces.concat());
            let visit = FrontMatterVisit { src: &src };
            let one_pass = read_document(&src, &Limits::default(), visit);
            prop_assert_eq!(
                format!("{one_pass:?}"),
                format!("{:?}", split_then_read(&src)),
                "{:?}", src
            );
        }
    }

    proptest! {
        #[test]
        fn needs_general_parser_finds_a_lone_cr_or_a_bom(
            text in proptest::collection::vec(
                prop::sample::select(vec!["a", "\r", "\n", "\r\n", "\u{FEFF}", "\u{FF21}", "é"]),
                0..12,
            ),
        ) {
            let yaml = text.concat();
            let bytes = yaml.as_bytes();
            // The obvious way, in two passes.
            let lone_cr = (0..bytes.len())
                .any(|i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            prop_assert_eq!(needs_general_parser(bytes), lone_cr || yaml.contains('\u{FEFF}'));
        }
    }

    #[test]
    fn a_quoted_scalar_over_the_closing_line_is_read_as_split() {
        // Split first, the quote is never closed: an error, not a value with the body
        // (and the second `---` line is in the body).
        let src = "---\nq: \"a\n---\nbody\"\n---\n";
        let visit = FrontMatterVisit { src };
        let err = read_document(src, &Limits::default(), visit).unwrap_err();
        assert_eq!(err, split_then_read(src).unwrap_err());
        assert_eq!(err.line(), 2);
    }
}
