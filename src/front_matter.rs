//! The front matter: finding it, and reading its YAML.
//!
//! A purpose-built scanner reads the YAML the format uses (block mappings and sequences,
//! plain, quoted and block scalars, `[]`, `{}`, comments) without copying: every scalar
//! is a [`Text`] slice of the input. Anything else that is valid YAML (anchors, aliases,
//! tags, flow collections with content) falls back to `yaml_serde`, bounded by
//! [`Limits`], and gives owned values.

use std::ops::Range;

use memchr::{memchr, memchr2};

use crate::error::{Error, ErrorKind};
use crate::options::Limits;
use crate::text::{valid_double_escape, Chomp, Style, Text};
use crate::value::{Mapping, Scalar, ScalarKind, Sequence, Value};

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
    let start = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
    let Some(yaml_start) = delimiter_line(bytes, start) else {
        return Ok(Layout {
            yaml: None,
            body: start..src.len(),
        });
    };
    // The closing line: right after the opening one, or the first `\n---` that is a
    // whole line.
    let lines = std::iter::once(yaml_start).chain(
        memchr::memmem::find_iter(&bytes[yaml_start..], b"\n---").map(|at| yaml_start + at + 1),
    );
    for line in lines {
        if let Some(next) = delimiter_line(bytes, line) {
            return Ok(Layout {
                yaml: Some(yaml_start..line),
                body: next..src.len(),
            });
        }
    }
    Err(Error::new(
        ErrorKind::UnclosedFrontMatter,
        src,
        start..start + 3,
    ))
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
        [b'\r'] => Some(bytes.len()),
        _ => None,
    }
}

/// Why the fast scanner stopped.
enum Stop {
    /// The YAML uses something the scanner does not read: use the general parser.
    Unsupported,
    /// The YAML is wrong, or a limit was hit: report it.
    Error(Error),
}

type Scan<T> = Result<T, Stop>;

/// Reads the front matter `src[range]` into a mapping.
pub(crate) fn read<'a>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
) -> Result<Mapping<'a>, Error> {
    let mut scanner = Scanner {
        src,
        bytes: src.as_bytes(),
        end: range.end,
        pos: range.start,
        depth: 0,
        nodes: 0,
        limits,
        line: std::cell::Cell::new((usize::MAX, 0)),
    };
    match scanner.document() {
        Ok(mapping) => Ok(mapping),
        Err(Stop::Error(e)) => Err(e),
        Err(Stop::Unsupported) => fallback::read(src, range, limits),
    }
}

/// Reads the front matter with the general YAML parser only (for tests and comparisons).
#[doc(hidden)]
pub fn read_with_fallback(src: &str, limits: &Limits) -> Result<Mapping<'static>, Error> {
    fallback::read(src, 0..src.len(), limits)
}

struct Scanner<'a, 'l> {
    src: &'a str,
    bytes: &'a [u8],
    /// End of the YAML (start of the closing `---` line).
    end: usize,
    pos: usize,
    depth: usize,
    nodes: usize,
    limits: &'l Limits,
    /// The last line end found: (an offset on the line, its end).
    line: std::cell::Cell<(usize, usize)>,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

impl<'a> Scanner<'a, '_> {
    fn document(&mut self) -> Scan<Mapping<'a>> {
        self.skip_blank_lines();
        if self.pos >= self.end {
            let at = self.pos.min(self.end);
            return Ok(Mapping {
                entries: Vec::new(),
                span: at..at,
            });
        }
        let indent = self.indent()?;
        self.pos += indent;
        let mapping = match self.block_node(indent, -1)? {
            Value::Mapping(m) => m,
            other => {
                let found = other.describe();
                return Err(self.error(ErrorKind::FrontMatterNotMapping { found }, other.span()));
            }
        };
        self.skip_blank_lines();
        if self.pos < self.end {
            return Err(Stop::Unsupported);
        }
        Ok(mapping)
    }

    fn error(&self, kind: ErrorKind, span: Range<usize>) -> Stop {
        Stop::Error(Error::new(kind, self.src, span))
    }

    fn yaml_error(&self, message: &str, at: usize) -> Stop {
        self.error(
            ErrorKind::Yaml {
                message: message.to_string(),
            },
            at..at,
        )
    }

    /// End of the line that holds `at` (the offset of its `\n`, or the YAML's end).
    fn line_end(&self, at: usize) -> usize {
        // The same line is asked for several times (key, value, comment, next line):
        // remember the last one.
        let (start, end) = self.line.get();
        if start <= at && at <= end {
            return end;
        }
        let end = memchr(b'\n', &self.bytes[at..self.end]).map_or(self.end, |i| at + i);
        self.line.set((at, end));
        end
    }

    /// Start of the line after the one that holds `at`.
    fn next_line(&self, at: usize) -> usize {
        (self.line_end(at) + 1).min(self.end)
    }

    /// Skips lines that hold only white space or a comment. `pos` must be at a line start.
    fn skip_blank_lines(&mut self) {
        while self.pos < self.end {
            let mut i = self.pos;
            while i < self.end && is_blank(self.bytes[i]) {
                i += 1;
            }
            if i < self.end && self.bytes[i] != b'\n' && self.bytes[i] != b'#' {
                return;
            }
            self.pos = self.next_line(i);
            if i >= self.end {
                self.pos = self.end;
            }
        }
    }

    /// Skips blank and comment lines from `pos` (a line start) and gives the indentation of
    /// the next line with content, or `None` at the end.
    fn next_indent(&mut self) -> Scan<Option<usize>> {
        while self.pos < self.end {
            let mut i = self.pos;
            while i < self.end && self.bytes[i] == b' ' {
                i += 1;
            }
            let spaces = i - self.pos;
            let mut j = i;
            while j < self.end && is_blank(self.bytes[j]) {
                j += 1;
            }
            if j >= self.end {
                self.pos = self.end;
                return Ok(None);
            }
            if self.bytes[j] != b'\n' && self.bytes[j] != b'#' {
                if j > i {
                    // A tab in the indentation: left to the general parser.
                    return Err(Stop::Unsupported);
                }
                return Ok(Some(spaces));
            }
            self.pos = self.next_line(j);
        }
        Ok(None)
    }

    /// Indentation (spaces) of the line starting at `pos`. A tab in the indentation is
    /// left to the general parser, which reports it.
    fn indent(&self) -> Scan<usize> {
        let mut i = self.pos;
        while i < self.end && self.bytes[i] == b' ' {
            i += 1;
        }
        if i < self.end && self.bytes[i] == b'\t' {
            return Err(Stop::Unsupported);
        }
        Ok(i - self.pos)
    }

    fn enter(&mut self, at: usize) -> Scan<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(self.error(
                ErrorKind::LimitExceeded {
                    what: "front matter nesting depth",
                    limit: self.limits.max_depth,
                },
                at..at,
            ));
        }
        Ok(())
    }

    fn count_node(&mut self, at: usize) -> Scan<()> {
        self.nodes += 1;
        if self.nodes > self.limits.max_yaml_nodes {
            return Err(self.error(
                ErrorKind::LimitExceeded {
                    what: "number of front matter values",
                    limit: self.limits.max_yaml_nodes,
                },
                at..at,
            ));
        }
        Ok(())
    }

    /// Whether a `-` sequence entry starts at `at`.
    fn is_dash(&self, at: usize) -> bool {
        self.bytes.get(at) == Some(&b'-')
            && (at + 1 >= self.end || matches!(self.bytes[at + 1], b' ' | b'\t' | b'\n' | b'\r'))
    }

    /// A node written in block context starting at `pos`, in column `column`, inside a
    /// parent at indentation `parent` (-1 for the document).
    fn block_node(&mut self, column: usize, parent: isize) -> Scan<Value<'a>> {
        if self.is_dash(self.pos) {
            return self.block_sequence(column).map(Value::Sequence);
        }
        if let Some(colon) = self.key_end(self.pos)? {
            return self.block_mapping(column, colon).map(Value::Mapping);
        }
        self.inline_value(parent)
    }

    /// If a mapping key starts at `at`, the offset of its `:`.
    fn key_end(&self, at: usize) -> Scan<Option<usize>> {
        let line_end = self.line_end(at);
        let line = &self.bytes[at..line_end];
        let Some(&first) = line.first() else {
            return Ok(None);
        };
        match first {
            b'"' | b'\'' => {
                // A quoted key on one line: `"a b": value`.
                let mut i = 1;
                loop {
                    match line.get(i) {
                        None => return Ok(None),
                        Some(&b'\\') if first == b'"' => i += 2,
                        Some(&b'\'') if first == b'\'' && line.get(i + 1) == Some(&b'\'') => i += 2,
                        Some(&c) if c == first => break,
                        Some(_) => i += 1,
                    }
                }
                let mut j = i + 1;
                while j < line.len() && is_blank(line[j]) {
                    j += 1;
                }
                if line.get(j) == Some(&b':') && line.get(j + 1).is_none_or(|&b| is_blank(b)) {
                    return Ok(Some(at + j));
                }
                Ok(None)
            }
            b'?' if line.get(1).is_none_or(|&b| is_blank(b)) => Err(Stop::Unsupported),
            b'[' | b'{' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' | b'#' => Ok(None),
            _ => {
                let mut from = 0;
                while let Some(i) = memchr2(b':', b'#', &line[from..]) {
                    let i = from + i;
                    if line[i] == b'#' {
                        if i > 0 && is_blank(line[i - 1]) {
                            return Ok(None);
                        }
                    } else if line.get(i + 1).is_none_or(|&b| is_blank(b)) {
                        return Ok(Some(at + i));
                    }
                    from = i + 1;
                }
                Ok(None)
            }
        }
    }

    /// A block mapping whose first key starts at `pos` and ends at `first_colon`.
    fn block_mapping(&mut self, indent: usize, first_colon: usize) -> Scan<Mapping<'a>> {
        self.enter(self.pos)?;
        let start = self.pos;
        let mut entries: Vec<(Scalar<'a>, Value<'a>)> = Vec::with_capacity(4);
        let mut end = start;
        let mut colon = first_colon;
        loop {
            self.count_node(self.pos)?;
            let key = self.key(self.pos, colon)?;
            self.pos = colon + 1;
            let value = self.value_after_key(indent)?;
            end = end.max(value.span().end).max(colon + 1);
            entries.push((key, value));
            let Some(next) = self.next_indent()? else {
                break;
            };
            if next < indent {
                break;
            }
            if next > indent || self.is_dash(self.pos + next) {
                return Err(Stop::Unsupported);
            }
            self.pos += next;
            colon = match self.key_end(self.pos)? {
                Some(colon) => colon,
                None => return Err(Stop::Unsupported),
            };
        }
        self.check_duplicates(&entries)?;
        self.depth -= 1;
        Ok(Mapping {
            entries,
            span: start..end,
        })
    }

    fn check_duplicates(&self, entries: &[(Scalar<'a>, Value<'a>)]) -> Scan<()> {
        let duplicate = if entries.len() <= 16 {
            entries.iter().enumerate().find_map(|(i, (k, _))| {
                let key = k.decode();
                entries[..i]
                    .iter()
                    .any(|(p, _)| p.decode() == key)
                    .then_some(k)
            })
        } else {
            let mut seen = std::collections::HashSet::with_capacity(entries.len());
            entries
                .iter()
                .find(|(k, _)| !seen.insert(k.decode()))
                .map(|(k, _)| k)
        };
        match duplicate {
            Some(key) => Err(self.error(
                ErrorKind::DuplicateKey {
                    key: key.decode().into_owned(),
                },
                key.span(),
            )),
            None => Ok(()),
        }
    }

    fn key(&mut self, start: usize, colon: usize) -> Scan<Scalar<'a>> {
        match self.bytes[start] {
            b'"' | b'\'' => {
                let saved = self.pos;
                self.pos = start;
                let scalar = self.quoted(self.bytes[start])?;
                self.pos = saved;
                Ok(scalar)
            }
            _ => {
                let mut end = colon;
                while end > start && is_blank(self.bytes[end - 1]) {
                    end -= 1;
                }
                let raw = &self.src[start..end];
                Ok(Scalar::new(Text::new(raw, start..end, Style::Bare)))
            }
        }
    }

    /// The value after `key:`; `pos` is just after the colon. Leaves `pos` at a line start.
    fn value_after_key(&mut self, indent: usize) -> Scan<Value<'a>> {
        while self.pos < self.end && matches!(self.bytes[self.pos], b' ' | b'\t') {
            self.pos += 1;
        }
        let here = self.pos;
        if self.at_line_end_or_comment() {
            self.pos = self.next_line(self.pos);
            self.skip_blank_lines();
            if self.pos < self.end {
                let next = self.indent()?;
                if next > indent || (next == indent && self.is_dash(self.pos + next)) {
                    self.pos += next;
                    return self.block_node(next, indent as isize);
                }
            }
            return Ok(null(here));
        }
        self.inline_value(indent as isize)
    }

    /// Whether `pos` is at the end of its line, or at a comment.
    fn at_line_end_or_comment(&self) -> bool {
        match self.bytes.get(self.pos) {
            None | Some(b'\n' | b'#') => true,
            Some(b'\r') => matches!(self.bytes.get(self.pos + 1), None | Some(b'\n')),
            _ => self.pos >= self.end,
        }
    }

    /// A scalar, `[]` or `{}` starting at `pos` on a line, in a parent indented `parent`.
    fn inline_value(&mut self, parent: isize) -> Scan<Value<'a>> {
        self.count_node(self.pos)?;
        let start = self.pos;
        match self.bytes[start] {
            b'"' | b'\'' => {
                let scalar = self.quoted(self.bytes[start])?;
                self.finish_line()?;
                Ok(Value::Scalar(scalar))
            }
            b'|' | b'>' => self.block_scalar(parent).map(Value::Scalar),
            b'[' | b'{' => {
                let close = if self.bytes[start] == b'[' {
                    b']'
                } else {
                    b'}'
                };
                let mut i = start + 1;
                while i < self.end && matches!(self.bytes[i], b' ' | b'\t') {
                    i += 1;
                }
                if self.bytes.get(i) != Some(&close) {
                    return Err(Stop::Unsupported);
                }
                self.pos = i + 1;
                self.finish_line()?;
                let span = start..i + 1;
                Ok(if close == b']' {
                    Value::Sequence(Sequence {
                        items: Vec::new(),
                        span,
                    })
                } else {
                    Value::Mapping(Mapping {
                        entries: Vec::new(),
                        span,
                    })
                })
            }
            b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b',' | b']' | b'}' => Err(Stop::Unsupported),
            b'-' | b'?' | b':'
                if self
                    .bytes
                    .get(start + 1)
                    .is_none_or(|&b| is_blank(b) || b == b'\n') =>
            {
                Err(Stop::Unsupported)
            }
            _ => self.plain(parent).map(Value::Scalar),
        }
    }

    /// After a value on a line: only white space or a comment may follow.
    fn finish_line(&mut self) -> Scan<()> {
        while self.pos < self.end && is_blank(self.bytes[self.pos]) {
            self.pos += 1;
        }
        if self.pos < self.end && !matches!(self.bytes[self.pos], b'\n' | b'#') {
            return Err(Stop::Unsupported);
        }
        self.pos = self.next_line(self.pos);
        Ok(())
    }

    /// The content end of a plain scalar's line starting at `from`: before a comment or
    /// trailing white space. `Unsupported` if the line holds `: ` (a nested mapping).
    fn plain_line_end(&self, from: usize) -> Scan<usize> {
        let line_end = self.line_end(from);
        let line = &self.bytes[from..line_end];
        let mut end = line.len();
        let mut search = 0;
        while let Some(i) = memchr2(b':', b'#', &line[search..]) {
            let i = search + i;
            if line[i] == b'#' {
                if i == 0 || is_blank(line[i - 1]) {
                    end = i;
                    break;
                }
            } else if line.get(i + 1).is_none_or(|&b| is_blank(b)) {
                return Err(Stop::Unsupported);
            }
            search = i + 1;
        }
        while end > 0 && is_blank(line[end - 1]) {
            end -= 1;
        }
        Ok(from + end)
    }

    /// A plain scalar, possibly continued on lines indented more than `parent`.
    fn plain(&mut self, parent: isize) -> Scan<Scalar<'a>> {
        let start = self.pos;
        let mut end = self.plain_line_end(start)?;
        let mut multi_line = false;
        let line_end = self.line_end(start);
        let commented = end < line_end && self.src[end..line_end].trim_start().starts_with('#');
        self.pos = self.next_line(start);
        if !commented {
            // Continuation lines: indented more than the parent, until a blank-then-less-
            // indented line, a comment or the end.
            let mut probe = self.pos;
            while probe < self.end {
                let mut i = probe;
                while i < self.end && matches!(self.bytes[i], b' ') {
                    i += 1;
                }
                let spaces = i - probe;
                while i < self.end && is_blank(self.bytes[i]) {
                    i += 1;
                }
                if i >= self.end || self.bytes[i] == b'\n' {
                    probe = self.next_line(i); // an empty line: folded if the scalar goes on
                    if i >= self.end {
                        break;
                    }
                    continue;
                }
                if (spaces as isize) <= parent || self.bytes[i] == b'#' {
                    break;
                }
                if self.src[probe..].starts_with("---") || self.src[probe..].starts_with("...") {
                    return Err(Stop::Unsupported);
                }
                let content_end = self.plain_line_end(i)?;
                end = content_end;
                multi_line = true;
                let line_end = self.line_end(i);
                probe = self.next_line(i);
                self.pos = probe;
                if content_end < line_end
                    && self.src[content_end..line_end]
                        .trim_start()
                        .starts_with('#')
                {
                    break;
                }
            }
        }
        let raw = &self.src[start..end];
        Ok(if multi_line {
            Scalar::new(Text::new(raw, start..end, Style::Plain))
        } else {
            Scalar::new(Text::new(raw, start..end, Style::Bare))
        })
    }

    /// A quoted scalar starting at `pos` (on the opening quote); `pos` ends after the
    /// closing quote.
    fn quoted(&mut self, quote: u8) -> Scan<Scalar<'a>> {
        let start = self.pos;
        let mut i = start + 1;
        let mut plain = true;
        loop {
            let found = if quote == b'"' {
                memchr2(b'"', b'\\', &self.bytes[i..self.end])
            } else {
                memchr(b'\'', &self.bytes[i..self.end])
            };
            let Some(off) = found else {
                return Err(self.yaml_error(
                    if quote == b'"' {
                        "unterminated double-quoted string"
                    } else {
                        "unterminated single-quoted string"
                    },
                    start,
                ));
            };
            let at = i + off;
            if plain && memchr(b'\n', &self.bytes[i..at]).is_some() {
                plain = false;
            }
            match self.bytes[at] {
                b'\\' => {
                    if !valid_double_escape(&self.src[at + 1..self.end]) {
                        return Err(self.yaml_error("invalid escape in double-quoted string", at));
                    }
                    plain = false;
                    let (consumed, _) = crate::text::double_escape(&self.src[at + 1..self.end]);
                    i = at + 1 + consumed;
                }
                b'\'' if self.bytes.get(at + 1) == Some(&b'\'') && at + 1 < self.end => {
                    plain = false;
                    i = at + 2;
                }
                _ => {
                    self.pos = at + 1;
                    let span = start..at + 1;
                    let style = match (plain, quote) {
                        (true, _) => Style::Verbatim,
                        (false, b'"') => Style::DoubleQuoted,
                        (false, _) => Style::SingleQuoted,
                    };
                    let raw = &self.src[start + 1..at];
                    return Ok(Scalar::new(Text::new(raw, span, style)));
                }
            }
        }
    }

    /// A `|` or `>` block scalar; `pos` is on the indicator.
    fn block_scalar(&mut self, parent: isize) -> Scan<Scalar<'a>> {
        let start = self.pos;
        let folded = self.bytes[start] == b'>';
        let mut chomp = Chomp::Clip;
        let mut i = start + 1;
        while i < self.end {
            match self.bytes[i] {
                b'-' if chomp == Chomp::Clip => chomp = Chomp::Strip,
                b'+' if chomp == Chomp::Clip => chomp = Chomp::Keep,
                b'1'..=b'9' => return Err(Stop::Unsupported),
                _ => break,
            }
            i += 1;
        }
        self.pos = i;
        self.finish_line()?;
        // Find the content's indentation: the first non-empty line's.
        let mut content_indent = None;
        let mut leading_max = 0;
        let mut probe = self.pos;
        while probe < self.end {
            let mut j = probe;
            while j < self.end && self.bytes[j] == b' ' {
                j += 1;
            }
            let spaces = j - probe;
            while j < self.end && is_blank(self.bytes[j]) {
                j += 1;
            }
            if j < self.end && self.bytes[j] != b'\n' {
                content_indent = Some(spaces);
                break;
            }
            leading_max = leading_max.max(spaces);
            probe = self.next_line(j);
            if j >= self.end {
                break;
            }
        }
        let indent = match content_indent {
            Some(n) if (n as isize) > parent => n,
            _ => (parent + 1).max(0) as usize,
        };
        if leading_max > indent && content_indent.is_some_and(|n| n as isize > parent) {
            return Err(Stop::Unsupported);
        }
        // Consume lines indented at least `indent`, and empty lines.
        let mut last_content_end = i; // end of the last non-empty line
        let mut line = self.pos;
        let mut after = self.pos; // start of the first line not consumed
        while line < self.end {
            let mut j = line;
            while j < self.end && self.bytes[j] == b' ' {
                j += 1;
            }
            let spaces = j - line;
            let end = self.line_end(line);
            let empty = self.bytes[j..end].iter().all(|&b| is_blank(b));
            if !empty && spaces < indent {
                break;
            }
            if !empty || spaces > indent {
                last_content_end = end;
            }
            line = (end + 1).min(self.end);
            if end >= self.end {
                line = self.end;
            }
            // Trailing empty lines belong to the block only when it keeps them.
            if !empty || chomp == Chomp::Keep {
                after = line;
            }
        }
        let raw_end = if chomp == Chomp::Keep {
            after.max(last_content_end)
        } else {
            last_content_end
        };
        // Empty lines after the block are skipped by the caller.
        self.pos = if chomp == Chomp::Keep {
            after
        } else {
            self.next_line(last_content_end.max(start))
        };
        if last_content_end == i {
            // No content line at all: continue after the header.
            self.pos = self.next_line(start);
        }
        let raw = &self.src[start..raw_end];
        let style = if folded {
            Style::Folded {
                indent: indent as u32,
                chomp,
            }
        } else {
            Style::Literal {
                indent: indent as u32,
                chomp,
            }
        };
        Ok(Scalar::new(Text::new(raw, start..raw_end, style)))
    }

    fn block_sequence(&mut self, column: usize) -> Scan<Sequence<'a>> {
        self.enter(self.pos)?;
        let start = self.pos;
        let mut items = Vec::with_capacity(4);
        let mut end = start + 1;
        loop {
            self.count_node(self.pos)?;
            let dash = self.pos;
            self.pos += 1;
            while self.pos < self.end && matches!(self.bytes[self.pos], b' ' | b'\t') {
                self.pos += 1;
            }
            let item = if self.at_line_end_or_comment() {
                self.pos = self.next_line(self.pos);
                self.skip_blank_lines();
                let next = if self.pos < self.end {
                    self.indent()?
                } else {
                    0
                };
                if self.pos < self.end && next > column {
                    self.pos += next;
                    self.block_node(next, column as isize)?
                } else {
                    null(dash + 1)
                }
            } else {
                let inner = column + (self.pos - dash);
                self.block_node(inner, column as isize)?
            };
            end = end.max(item.span().end);
            items.push(item);
            let Some(next) = self.next_indent()? else {
                break;
            };
            if next < column {
                break;
            }
            if next > column {
                return Err(Stop::Unsupported);
            }
            if !self.is_dash(self.pos + next) {
                break;
            }
            self.pos += next;
        }
        self.depth -= 1;
        Ok(Sequence {
            items,
            span: start..end,
        })
    }
}

fn null(at: usize) -> Value<'static> {
    Value::Scalar(Scalar::new(Text::new("", at..at, Style::Bare)))
}

/// What a plain scalar means under the YAML 1.2 core schema.
pub(crate) fn resolve(s: &str) -> ScalarKind {
    let Some(&first) = s.as_bytes().first() else {
        return ScalarKind::Null;
    };
    match first {
        b'0'..=b'9' | b'-' | b'+' | b'.' => resolve_number(s),
        b'~' if s.len() == 1 => ScalarKind::Null,
        b'n' | b'N' if matches!(s, "null" | "Null" | "NULL") => ScalarKind::Null,
        b't' | b'T' if matches!(s, "true" | "True" | "TRUE") => ScalarKind::Bool(true),
        b'f' | b'F' if matches!(s, "false" | "False" | "FALSE") => ScalarKind::Bool(false),
        _ => ScalarKind::String,
    }
}

fn resolve_number(s: &str) -> ScalarKind {
    let b = s.as_bytes();
    let (sign, digits) = match b[0] {
        b'-' | b'+' => (b[0], &s[1..]),
        _ => (b'+', s),
    };
    if !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) {
        return match s.parse::<i64>() {
            Ok(i) => ScalarKind::Int(i),
            Err(_) => s
                .parse::<f64>()
                .map_or(ScalarKind::String, ScalarKind::Float),
        };
    }
    if sign == b'+' && b[0] != b'+' {
        for (prefix, radix) in [("0x", 16), ("0o", 8)] {
            if let Some(rest) = s.strip_prefix(prefix) {
                if !rest.is_empty() && rest.bytes().all(|c| (c as char).is_digit(radix)) {
                    return i64::from_str_radix(rest, radix)
                        .map_or(ScalarKind::String, ScalarKind::Int);
                }
            }
        }
    }
    match digits {
        ".inf" | ".Inf" | ".INF" => {
            return ScalarKind::Float(if sign == b'-' {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        ".nan" | ".NaN" | ".NAN" if b[0] == b'.' => return ScalarKind::Float(f64::NAN),
        _ => {}
    }
    if is_core_float(digits) {
        if let Ok(f) = s.parse::<f64>() {
            return ScalarKind::Float(f);
        }
    }
    ScalarKind::String
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_core_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

mod fallback {
    //! The general YAML parser, for what the fast scanner does not read.

    use std::fmt;
    use std::ops::Range;

    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

    use crate::error::{Error, ErrorKind, Position};
    use crate::options::Limits;
    use crate::text::Text;
    use crate::value::{Mapping, Scalar, ScalarKind, Sequence, Value};

    pub(super) fn read(
        src: &str,
        range: Range<usize>,
        limits: &Limits,
    ) -> Result<Mapping<'static>, Error> {
        let yaml = &src[range.clone()];
        if yaml.len() > limits.max_fallback_bytes {
            return Err(Error::new(
                ErrorKind::LimitExceeded {
                    what: "front matter size for the general YAML parser",
                    limit: limits.max_fallback_bytes,
                },
                src,
                range.start..range.start,
            ));
        }
        let mut budget = Budget {
            nodes: 0,
            depth: 0,
            limits,
            span: range.clone(),
            exceeded: None,
        };
        let value = {
            let deserializer = yaml_serde::Deserializer::from_str(yaml);
            (&mut budget).deserialize(deserializer)
        };
        let value = match value {
            Ok(v) => v,
            Err(e) => {
                if let Some((what, limit)) = budget.exceeded {
                    return Err(Error::new(
                        ErrorKind::LimitExceeded { what, limit },
                        src,
                        range.start..range.start,
                    ));
                }
                let position = match e.location() {
                    Some(loc) => {
                        let at = range.start + loc.index().min(yaml.len());
                        Position::of(src, at)
                    }
                    None => Position::of(src, range.start),
                };
                let message = e.to_string();
                let message = match message.find(" at line ") {
                    Some(i) => message[..i].to_string(),
                    None => message,
                };
                // yaml_serde's own guards against alias bombs and deep nesting.
                let kind = if message.starts_with("repetition limit exceeded") {
                    ErrorKind::LimitExceeded {
                        what: "alias expansion (the general YAML parser's repetition limit)",
                        limit: limits.max_yaml_nodes,
                    }
                } else if message.starts_with("recursion limit exceeded") {
                    ErrorKind::LimitExceeded {
                        what:
                            "front matter nesting depth (the general YAML parser's recursion limit)",
                        limit: 128,
                    }
                } else {
                    ErrorKind::Yaml { message }
                };
                return Err(Error::with_position(kind, position));
            }
        };
        match value {
            Value::Mapping(m) => Ok(m),
            Value::Scalar(s) if s.is_null() => Ok(Mapping {
                entries: Vec::new(),
                span: range,
            }),
            other => Err(Error::new(
                ErrorKind::FrontMatterNotMapping {
                    found: other.describe(),
                },
                src,
                range.start..range.start,
            )),
        }
    }

    /// A float written so that it resolves back to the same float.
    fn float_text(v: f64) -> String {
        if v.is_nan() {
            return ".nan".to_string();
        }
        if v.is_infinite() {
            return if v > 0.0 { ".inf" } else { "-.inf" }.to_string();
        }
        let mut text = v.to_string();
        if !matches!(super::resolve(&text), ScalarKind::Float(_)) {
            // `2.0` is written `2`, which would read back as an integer.
            text.push_str(".0");
        }
        text
    }

    struct Budget<'l> {
        nodes: usize,
        depth: usize,
        limits: &'l Limits,
        span: Range<usize>,
        exceeded: Option<(&'static str, usize)>,
    }

    impl Budget<'_> {
        /// A scalar: a string, or when `bare`, a value resolved from its text (null,
        /// boolean, number), written so that it resolves back to what the parser read.
        fn scalar(&self, bare: bool, text: String) -> Value<'static> {
            Value::Scalar(Scalar::new(Text::owned(text, self.span.clone(), bare)))
        }

        fn count<E: de::Error>(&mut self) -> Result<(), E> {
            self.nodes += 1;
            if self.nodes > self.limits.max_yaml_nodes {
                self.exceeded = Some(("number of front matter values", self.limits.max_yaml_nodes));
                return Err(E::custom("too many values"));
            }
            Ok(())
        }

        fn enter<E: de::Error>(&mut self) -> Result<(), E> {
            self.depth += 1;
            if self.depth > self.limits.max_depth {
                self.exceeded = Some(("front matter nesting depth", self.limits.max_depth));
                return Err(E::custom("too deep"));
            }
            Ok(())
        }
    }

    impl<'de> DeserializeSeed<'de> for &mut Budget<'_> {
        type Value = Value<'static>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for &mut Budget<'_> {
        type Value = Value<'static>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any YAML value")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(true, v.to_string()))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(true, v.to_string()))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            self.count()?;
            // Too large for an `i64`, the digits resolve to a float, as in the scanner.
            Ok(self.scalar(true, v.to_string()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(true, float_text(v)))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(false, v.to_string()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(false, v))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.count()?;
            Ok(self.scalar(true, String::new()))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.visit_unit()
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            self.count()?;
            self.enter()?;
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(&mut *self)? {
                items.push(item);
            }
            self.depth -= 1;
            Ok(Value::Sequence(Sequence {
                items,
                span: self.span.clone(),
            }))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            self.count()?;
            self.enter()?;
            let mut entries: Vec<(Scalar<'static>, Value<'static>)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key_seed(&mut *self)? {
                let key = match key {
                    Value::Scalar(s) => Scalar::new(Text::owned(
                        s.decode().into_owned(),
                        self.span.clone(),
                        false,
                    )),
                    _ => return Err(de::Error::custom("a mapping key must be a scalar")),
                };
                if !seen.insert(key.decode().into_owned()) {
                    return Err(de::Error::custom(format!(
                        "duplicate key `{}`",
                        key.decode()
                    )));
                }
                let value = map.next_value_seed(&mut *self)?;
                entries.push((key, value));
            }
            self.depth -= 1;
            Ok(Value::Mapping(Mapping {
                entries,
                span: self.span.clone(),
            }))
        }

        fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
            // A tagged value (`!tag value`): keep the value, drop the tag.
            use de::VariantAccess;
            let (_tag, variant): (String, _) = data.variant()?;
            variant.newtype_variant_seed(self)
        }
    }
}
