//! The one error type of the crate: a kind and a position.

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// Where something is in the input: byte offset, 1-based line and 1-based column (in
/// characters).
///
/// Positions are computed on demand from a byte offset with [`Position::of`]; the parser
/// itself only records byte spans.
///
/// ```
/// let p = wikimd::Position::of("ab\ncdé", 6);
/// assert_eq!((p.offset, p.line, p.column), (6, 2, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub offset: usize,
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    ///
    /// An offset past the end is clamped to the end; an offset inside a character counts
    /// that character's column.
    pub fn of(text: &str, offset: usize) -> Position {
        Self::of_bytes(text.as_bytes(), offset)
    }

    /// Like [`Position::of`], for input that may not be valid UTF-8 (columns count the
    /// bytes that do not continue a UTF-8 sequence).
    pub fn of_bytes(bytes: &[u8], offset: usize) -> Position {
        let offset = offset.min(bytes.len());
        let before = &bytes[..offset];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let column = 1 + count_chars(&before[line_start..]);
        Position {
            offset,
            line,
            column,
        }
    }
}

impl Position {
    /// The position of byte `offset` in `text`, counted on from `self`, a position in the
    /// same text: positions asked in increasing order cost one pass over the text in all,
    /// where [`Position::of`] counts from the start each time. Gives what
    /// [`Position::of`] gives (an offset before `self` is counted from the start).
    ///
    /// ```
    /// use wikimd::Position;
    ///
    /// let text = "é\nab\ncd";
    /// let mut at = Position::of(text, 0);
    /// for offset in [1, 4, 6, 8] {
    ///     at = at.advance(text, offset);
    ///     assert_eq!(at, Position::of(text, offset));
    /// }
    /// ```
    pub fn advance(self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        if offset < self.offset {
            return Position::of(text, offset);
        }
        let between = &text.as_bytes()[self.offset..offset];
        let (line, column) = match memchr::memrchr(b'\n', between) {
            None => (self.line, self.column + count_chars(between)),
            Some(last) => (
                self.line + memchr::memchr_iter(b'\n', between).count(),
                1 + count_chars(&between[last + 1..]),
            ),
        };
        Position {
            offset,
            line,
            column,
        }
    }
}

/// Bytes that start a character (or stand alone in text that is not UTF-8).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// What went wrong. The position is in the [`Error`] that carries the kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8; the position is the first bad byte.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// The file starts with a `---` line but no later line is exactly `---`.
    #[error("front matter opened by `---` on line 1 is never closed by a `---` line")]
    UnclosedFrontMatter,
    /// The front matter is not valid YAML.
    #[error("invalid YAML: {message}")]
    Yaml {
        /// What the YAML reader expected or found.
        message: String,
    },
    /// The front matter is not a mapping of keys to values.
    #[error("front matter must be a mapping of keys to values, found {found}")]
    FrontMatterNotMapping {
        /// What was found instead (`a list`, `a string`, …).
        found: &'static str,
    },
    /// A key the format defines holds a value of the wrong type.
    #[error("`{key}`: expected {expected}, found {found}")]
    WrongType {
        /// The path of the key, e.g. `infoboxes[0].date.links`.
        key: String,
        /// What the format allows there.
        expected: &'static str,
        /// What the file holds.
        found: &'static str,
    },
    /// A mapping holds the same key twice.
    #[error("duplicate key `{key}`")]
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// A file could not be read ([`crate::load()`]); the position is the start of the
    /// file.
    #[error("{message}")]
    Io {
        /// What kind of I/O error.
        kind: std::io::ErrorKind,
        /// The system's message.
        message: String,
    },
    /// A configured limit was exceeded (see [`crate::Limits`]).
    #[error("{what} exceeds the limit of {limit}")]
    LimitExceeded {
        /// Which limit.
        what: &'static str,
        /// Its value.
        limit: usize,
    },
}

/// An error with its position in the input, and the file's path when it came from a
/// file ([`crate::load()`], [`Error::with_path`]).
///
/// ```
/// let err = wikimd::parse("---\ntitle: x\n").unwrap_err();
/// assert_eq!(err.kind(), &wikimd::ErrorKind::UnclosedFrontMatter);
/// assert_eq!((err.line(), err.column(), err.offset()), (1, 1, 0));
/// assert_eq!(err.to_string(), "1:1: front matter opened by `---` on line 1 is never closed by a `---` line (byte 0)");
/// let err = err.with_path("articles/mali.md");
/// assert!(err.to_string().starts_with("articles/mali.md:1:1: front matter opened"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    position: Position,
    span: Range<usize>,
    path: Option<Box<Path>>,
}

impl Error {
    /// An error of `kind` at `span` of `text` (line and column are computed here).
    pub(crate) fn new(kind: ErrorKind, text: &str, span: Range<usize>) -> Error {
        Error {
            kind,
            position: Position::of(text, span.start),
            span,
            path: None,
        }
    }

    pub(crate) fn with_position(kind: ErrorKind, position: Position) -> Error {
        Error {
            kind,
            span: position.offset..position.offset,
            position,
            path: None,
        }
    }

    /// [`ErrorKind::InvalidUtf8`] at the first byte of `bytes` that is not UTF-8,
    /// `valid_up_to` (as `std::str::Utf8Error` gives it).
    pub(crate) fn invalid_utf8(bytes: &[u8], valid_up_to: usize) -> Error {
        Error::with_position(
            ErrorKind::InvalidUtf8,
            Position::of_bytes(bytes, valid_up_to),
        )
    }

    pub(crate) fn io(error: std::io::Error) -> Error {
        let kind = ErrorKind::Io {
            kind: error.kind(),
            message: error.to_string(),
        };
        Error::with_position(kind, Position::of("", 0))
    }

    /// The error, said of the file at `path` (its `Display` starts with the path).
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.path = Some(path.as_ref().into());
        self
    }

    /// The file the error is in, when known.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where it went wrong.
    pub fn position(&self) -> Position {
        self.position
    }

    /// The byte span of the offending text (empty when the error is at a point).
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Byte offset of the error.
    pub fn offset(&self) -> usize {
        self.position.offset
    }

    /// 1-based line of the error.
    pub fn line(&self) -> usize {
        self.position.line
    }

    /// 1-based column (in characters) of the error.
    pub fn column(&self) -> usize {
        self.position.column
    }
}

/// `path:line:column: message (byte offset)`, without `path:` when there is none, and
/// `path: message` for an I/O error.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}:", path.display())?;
        }
        if let ErrorKind::Io { message, .. } = &self.kind {
            return write!(f, " {message}");
        }
        write!(
            f,
            "{}:{}: {} (byte {})",
            self.position.line, self.position.column, self.kind, self.position.offset
        )
    }
}

impl std::error::Error for Error {}
