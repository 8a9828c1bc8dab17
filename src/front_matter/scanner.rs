//! The fast scanner: the YAML the format uses, line by line, without copying.

use std::ops::Range;

use memchr::{memchr, memchr2};

use super::visit::{FieldReader, MapAccess, PlainField, PlainItem, SeqAccess, Visit};
use super::{Scan, Stop};
use crate::error::{Error, ErrorKind};
use crate::options::Limits;
use crate::text::{valid_double_escape, Chomp, Style, Text};
use crate::value::Scalar;

/// The fast scanner alone, on the YAML `src[range]`.
pub(super) fn scan<'a, V: Visit<'a>>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Scan<V::Out> {
    Scanner::new(src, range, limits, false).document(visit)
}

/// [`scan`] with every entry read by `next_key` and `next_value`, none a line at a time
/// ([`MapAccess::plain_entries`], [`MapAccess::plain_fields`]): what the tests and the
/// fuzzer hold that reading to.
pub(super) fn scan_entry_by_entry<'a, V: Visit<'a>>(
    src: &'a str,
    range: Range<usize>,
    limits: &Limits,
    visit: V,
) -> Scan<V::Out> {
    let mut scanner = Scanner::new(src, range, limits, false);
    scanner.entries_by_line = false;
    scanner.document(visit)
}

/// The fast scanner on the YAML that starts at `start` and ends at the first `---` line
/// (found as the lines are read, rather than in a pass of its own): the value and where
/// the closing line starts. `Unsupported` when there is no closing line, when nothing but
/// blank lines comes before it, or when a quoted scalar runs over it. On that or any
/// error the caller splits first and reads again, so that errors are those of the split
/// front matter.
pub(super) fn scan_to_closing_line<'a, V: Visit<'a>>(
    src: &'a str,
    start: usize,
    limits: &Limits,
    visit: V,
) -> Scan<(V::Out, usize)> {
    let mut scanner = Scanner::new(src, start..src.len(), limits, true);
    let out = scanner.document(visit)?;
    if !scanner.closed {
        return Err(Stop::Unsupported);
    }
    Ok((out, scanner.bytes.len()))
}

struct Scanner<'a, 'l> {
    src: &'a str,
    /// The YAML's bytes: the input up to the closing `---` line (when the scanner looks
    /// for that line itself, cut there once found).
    bytes: &'a [u8],
    /// Whether the YAML ends at the first `---` line, still to be found.
    until_closing_line: bool,
    /// Whether that line was found.
    closed: bool,
    pos: usize,
    depth: usize,
    /// How many more values `limits` allows.
    nodes_left: usize,
    limits: &'l Limits,
    /// The last line end found: (an offset on the line, its end).
    line: std::cell::Cell<(usize, usize)>,
    /// End of the last value read: a collection ends where its last value does.
    last_end: usize,
    /// The last line with content whose indentation was measured: (start, spaces).
    indented: (usize, usize),
    /// Whether [`MapAccess::plain_entries`] and [`MapAccess::plain_fields`] read entries a
    /// line at a time (always, but where tests and the fuzzer hold them to reading entry
    /// by entry).
    entries_by_line: bool,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// The bytes a plain scalar may start with and [`Scanner::plain_on_its_line`] reads:
/// not white space, not a YAML indicator (`-?:,[]{}#&*!|>'"%@` and the backquote), and
/// not a line break.
static PLAIN_START: [bool; 256] = {
    let mut table = [true; 256];
    let excluded = b" \t\r\n-?:,[]{}#&*!|>'\"%@`";
    let mut i = 0;
    while i < excluded.len() {
        table[excluded[i] as usize] = false;
        i += 1;
    }
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes at `at`, the first in the lowest byte.
#[inline]
pub(super) fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The high bit set in every byte of `word` equal to `byte` (exact for the lowest such
/// byte, which is all the callers use).
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The offset of the first `\n`, `:` or `#` in `bytes[from..]`, or `bytes.len()`: one
/// mask for the three, where [`line_end_or_indicator`] keeps two to tell them apart (which
/// costs keys, the hottest scan, about 1 % more instructions).
#[inline(always)]
fn next_special(bytes: &[u8], mut from: usize) -> usize {
    #[cfg(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(wikimd_no_simd)
    ))]
    while from + 16 <= bytes.len() {
        let (newline, indicator) = specials_16(bytes, from);
        let found = newline | indicator;
        if found != 0 {
            return from + found.trailing_zeros() as usize;
        }
        from += 16;
    }
    while from + 8 <= bytes.len() {
        let word = word_at(bytes, from);
        let found = bytes_equal(word, b'\n') | bytes_equal(word, b':') | bytes_equal(word, b'#');
        if found != 0 {
            return from + (found.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() && !matches!(bytes[from], b'\n' | b':' | b'#') {
        from += 1;
    }
    from
}

/// The end of the line holding `from` (its `\n`, or `bytes.len()`) when no `:` or `#`
/// comes first, else `Err` with the offset of that `:` or `#`. One pass, eight bytes at a
/// time (the lines of a front matter are short, and `memchr` is built for long
/// haystacks); which of the two it found is known from the masks, without reading the
/// byte again.
#[inline(always)]
fn line_end_or_indicator(bytes: &[u8], from: usize) -> Result<usize, usize> {
    let mut i = from;
    #[cfg(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(wikimd_no_simd)
    ))]
    while i + 16 <= bytes.len() {
        let (newline, indicator) = specials_16(bytes, i);
        if newline | indicator != 0 {
            let (n, k) = (newline.trailing_zeros(), indicator.trailing_zeros());
            return if n < k {
                Ok(i + n as usize)
            } else {
                Err(i + k as usize)
            };
        }
        i += 16;
    }
    while i + 8 <= bytes.len() {
        let word = word_at(bytes, i);
        let newline = bytes_equal(word, b'\n');
        let indicator = bytes_equal(word, b':') | bytes_equal(word, b'#');
        if newline | indicator != 0 {
            // Each mask is exact at its lowest byte, so the lower of the two is exact.
            let (n, k) = (newline.trailing_zeros(), indicator.trailing_zeros());
            return if n < k {
                Ok(i + (n / 8) as usize)
            } else {
                Err(i + (k / 8) as usize)
            };
        }
        i += 8;
    }
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return Ok(i),
            b':' | b'#' => return Err(i),
            _ => i += 1,
        }
    }
    Ok(i)
}

/// The sixteen bytes at `at` as two masks, a bit a byte: the line feeds, and the `:` and
/// `#`. SSE2 (every x86-64 processor) through `safe_arch`: a front matter's text values
/// run long in the scripts whose letters take two or three bytes.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
#[inline(always)]
fn specials_16(bytes: &[u8], at: usize) -> (u32, u32) {
    bytes_16(bytes, at, b':', b'#')
}

/// In a scalar quoted with `quote`, from `from` on: the offset of the first `quote` or,
/// in a double-quoted scalar, backslash (`None` if there is none), and whether a line
/// feed comes before it. The first sixteen bytes at once where the processor can (most
/// quoted scalars are short: `"18"`), then `memchr`.
#[inline(always)]
fn quote_or_escape(bytes: &[u8], from: usize, quote: u8) -> (Option<usize>, bool) {
    let escape = if quote == b'"' { b'\\' } else { b'\'' };
    #[cfg(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(wikimd_no_simd)
    ))]
    if from + 16 <= bytes.len() {
        let (newlines, stops) = bytes_16(bytes, from, quote, escape);
        if stops != 0 {
            let k = stops.trailing_zeros();
            return (Some(from + k as usize), newlines & ((1 << k) - 1) != 0);
        }
    }
    let found = memchr2(quote, escape, &bytes[from..]).map(|off| from + off);
    let newline = memchr(b'\n', &bytes[from..found.unwrap_or(bytes.len())]).is_some();
    (found, newline)
}

/// The sixteen bytes at `at` as two masks, a bit a byte: the line feeds, and the bytes
/// equal to `a` or `b`. SSE2 (every x86-64 processor) through `safe_arch`.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
#[inline(always)]
fn bytes_16(bytes: &[u8], at: usize, a: u8, b: u8) -> (u32, u32) {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let block: &[u8; 16] = bytes[at..at + 16].try_into().expect("sixteen bytes");
    let x = load_unaligned_m128i(block);
    let eq = |b: u8| cmp_eq_mask_i8_m128i(x, set_splat_i8_m128i(b as i8));
    let newline = move_mask_i8_m128i(eq(b'\n')) as u32 & 0xFFFF;
    let found = move_mask_i8_m128i(bitor_m128i(eq(a), eq(b))) as u32 & 0xFFFF;
    (newline, found)
}

/// The offset of the first byte from `from` on that is not a space or a tab.
#[inline(always)]
fn skip_spaces_and_tabs(bytes: &[u8], mut from: usize) -> usize {
    while let Some(b' ' | b'\t') = bytes.get(from) {
        from += 1;
    }
    from
}

/// The offset of the first `\n` in `bytes[from..]`, or `bytes.len()`: eight bytes at a
/// time for the first 32 bytes (most lines are shorter), then `memchr`.
#[inline(always)]
fn find_newline(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let short = bytes.len().min(from + 32);
    while i + 8 <= short {
        let found = bytes_equal(word_at(bytes, i), b'\n');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    if i + 8 > bytes.len() {
        while i < bytes.len() && bytes[i] != b'\n' {
            i += 1;
        }
        return i;
    }
    memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |at| i + at)
}

/// The number of spaces at `bytes[from..end]`'s start, eight bytes at a time.
#[inline(always)]
fn count_spaces(bytes: &[u8], from: usize, end: usize) -> usize {
    let mut i = from;
    while i + 8 <= end {
        let other = word_at(bytes, i) ^ (ONES * u64::from(b' '));
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize - from;
        }
        i += 8;
    }
    while i < end && bytes[i] == b' ' {
        i += 1;
    }
    i - from
}

/// The index of the first of `names` that `rest` starts with, followed by `:` and
/// `after`.
#[inline(always)]
fn entry_name(rest: &[u8], names: &[&str], after: u8) -> Option<usize> {
    names.iter().position(|name| {
        let name = name.as_bytes();
        rest.len() > name.len() + 1
            && rest.starts_with(name)
            && rest[name.len()] == b':'
            && rest[name.len() + 1] == after
    })
}

/// Names matched at a key's start eight bytes at a time (for
/// [`MapAccess::plain_fields`]): each name followed by `:` and a given byte, as the low
/// bytes of a word, and the mask of those bytes.
struct Names<const N: usize> {
    words: [u64; N],
    masks: [u64; N],
    lens: [usize; N],
}

impl<const N: usize> Names<N> {
    /// `names`, each of at most six bytes, each followed by `:` and `after`.
    #[inline(always)]
    fn new(names: [&str; N], after: u8) -> Names<N> {
        let mut words = [0; N];
        let mut masks = [0; N];
        let mut lens = [0; N];
        for (i, name) in names.iter().enumerate() {
            let n = name.len();
            assert!(n <= 6, "a name of at most six bytes");
            let mut bytes = [0u8; 8];
            bytes[..n].copy_from_slice(name.as_bytes());
            bytes[n] = b':';
            bytes[n + 1] = after;
            words[i] = u64::from_le_bytes(bytes);
            masks[i] = u64::MAX >> (8 * (6 - n));
            lens[i] = n;
        }
        Names { words, masks, lens }
    }

    /// The index of the first name that `bytes[at..]` starts with, followed by `:` and
    /// its byte.
    #[inline(always)]
    fn find(&self, bytes: &[u8], at: usize) -> Option<usize> {
        let word = if at + 8 <= bytes.len() {
            word_at(bytes, at)
        } else {
            // (Zeros past the end: no name's pattern holds one.)
            let mut word = [0u8; 8];
            let rest = &bytes[at.min(bytes.len())..];
            word[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(word)
        };
        (0..N).find(|&i| word & self.masks[i] == self.words[i])
    }
}

/// `src[start..end]`, both offsets on character boundaries: slicing a `str` by a range
/// is a call where this is inlined (about twenty instructions a scalar).
#[inline(always)]
fn slice(src: &str, start: usize, end: usize) -> &str {
    src.split_at(end).0.split_at(start).1
}

/// What [`Scanner::plain_field`] read.
struct FieldRead<'a, const N: usize> {
    key: Scalar<'a>,
    colon: usize,
    /// The value's indentation.
    column: usize,
    span: Range<usize>,
    values: [Option<Scalar<'a>>; N],
    listed: bool,
    /// Whether the value has more entries, from `pos` on (the start of the line of the
    /// first that is not of the names, or a name again).
    rest: bool,
}

impl<'a, 'l> Scanner<'a, 'l> {
    fn new(
        src: &'a str,
        range: Range<usize>,
        limits: &'l Limits,
        until_closing_line: bool,
    ) -> Scanner<'a, 'l> {
        Scanner {
            src,
            bytes: &src.as_bytes()[..range.end],
            until_closing_line,
            closed: false,
            pos: range.start,
            depth: 0,
            nodes_left: limits.max_yaml_nodes,
            limits,
            line: std::cell::Cell::new((usize::MAX, 0)),
            last_end: range.start,
            indented: (usize::MAX, 0),
            entries_by_line: true,
        }
    }
}

impl<'a> Scanner<'a, '_> {
    fn document<V: Visit<'a>>(&mut self, visit: V) -> Scan<V::Out> {
        self.skip_blank_lines();
        if self.until_closing_line && super::delimiter_line(self.bytes, self.pos).is_some() {
            // Nothing but blank lines: the caller's split reads that.
            return Err(Stop::Unsupported);
        }
        if self.pos >= self.bytes.len() {
            let at = self.pos.min(self.bytes.len());
            return visit.mapping(ScanMap::empty(self, at..at));
        }
        let indent = self.indent()?;
        self.pos += indent;
        // What the front matter must be (a mapping) is the visitor's to say.
        let out = self.block_node(indent, -1, visit)?;
        self.skip_blank_lines();
        if self.pos < self.bytes.len() {
            return Err(Stop::Unsupported);
        }
        Ok(out)
    }

    fn error(&self, kind: ErrorKind, span: Range<usize>) -> Stop {
        Stop::Error(Box::new(Error::new(kind, self.src, span)))
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
    #[inline]
    fn line_end(&self, at: usize) -> usize {
        // The same line is asked for several times (key, value, comment, next line):
        // remember the last one.
        let (start, end) = self.line.get();
        if start <= at && at <= end {
            return end;
        }
        let end = find_newline(self.bytes, at);
        self.line.set((at, end));
        end
    }

    /// Start of the line after the one that holds `at`.
    #[inline]
    fn next_line(&self, at: usize) -> usize {
        (self.line_end(at) + 1).min(self.bytes.len())
    }

    /// Skips lines that hold only white space or a comment. `pos` must be at a line start.
    fn skip_blank_lines(&mut self) {
        while self.pos < self.bytes.len() {
            let mut i = self.pos;
            while i < self.bytes.len() && is_blank(self.bytes[i]) {
                i += 1;
            }
            if i < self.bytes.len() && self.bytes[i] != b'\n' && self.bytes[i] != b'#' {
                return;
            }
            self.pos = self.next_line(i);
            if i >= self.bytes.len() {
                self.pos = self.bytes.len();
            }
        }
    }

    /// Skips blank and comment lines from `pos` (a line start) and gives the indentation of
    /// the next line with content, or `None` at the end.
    #[inline(always)]
    fn next_indent(&mut self) -> Scan<Option<usize>> {
        // When collections end, each one asks for the same line: measure it once.
        if self.pos == self.indented.0 {
            return Ok(self.content_line(self.indented.1));
        }
        while self.pos < self.bytes.len() {
            let spaces = count_spaces(self.bytes, self.pos, self.bytes.len());
            let i = self.pos + spaces;
            let mut j = i;
            while j < self.bytes.len() && is_blank(self.bytes[j]) {
                j += 1;
            }
            if j >= self.bytes.len() {
                self.pos = self.bytes.len();
                return Ok(None);
            }
            if self.bytes[j] != b'\n' && self.bytes[j] != b'#' {
                if j > i {
                    // A tab in the indentation: left to the general parser.
                    return Err(Stop::Unsupported);
                }
                self.indented = (self.pos, spaces);
                return Ok(self.content_line(spaces));
            }
            self.pos = self.next_line(j);
        }
        Ok(None)
    }

    /// The line with content at `pos`, indented `spaces`: `Some(spaces)`, or `None` when it
    /// is the closing `---` line the scanner is looking for (the YAML ends there).
    #[inline(always)]
    fn content_line(&mut self, spaces: usize) -> Option<usize> {
        if spaces == 0 && self.until_closing_line && self.bytes[self.pos] == b'-' {
            return self.closing_line_or(spaces);
        }
        Some(spaces)
    }

    #[cold]
    fn closing_line_or(&mut self, spaces: usize) -> Option<usize> {
        if super::delimiter_line(self.bytes, self.pos).is_none() {
            return Some(spaces);
        }
        self.bytes = &self.bytes[..self.pos];
        self.closed = true;
        self.until_closing_line = false;
        // Lines measured before the cut may end after it.
        self.line.set((usize::MAX, 0));
        self.indented = (usize::MAX, 0);
        None
    }

    /// Indentation (spaces) of the line starting at `pos`. A tab in the indentation is
    /// left to the general parser, which reports it.
    #[inline]
    fn indent(&self) -> Scan<usize> {
        let i = self.pos + count_spaces(self.bytes, self.pos, self.bytes.len());
        if i < self.bytes.len() && self.bytes[i] == b'\t' {
            return Err(Stop::Unsupported);
        }
        Ok(i - self.pos)
    }

    #[inline]
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

    /// Before a flow collection starting at `start` goes to the general parser: its
    /// nesting depth, found in one pass that stops at the first level past the limit (the
    /// general parser reads the whole collection before it counts, in quadratic time).
    ///
    /// Inside a flow collection every `[` or `{` outside a quoted scalar or a comment opens
    /// a collection (a plain scalar cannot hold them), so the count is exact for valid
    /// YAML; what is not valid is reported by the general parser.
    #[cold]
    fn flow_depth_within_limit(&self, start: usize) -> Scan<()> {
        // Up to the closing `---` line, which ends the front matter wherever it is.
        let mut end = start;
        let bytes = loop {
            match memchr(b'\n', &self.bytes[end..]) {
                None => break self.bytes,
                Some(n) if super::delimiter_line(self.bytes, end + n + 1).is_some() => {
                    break &self.bytes[..end + n + 1];
                }
                Some(n) => end += n + 1,
            }
        };
        let mut depth = self.depth;
        let mut i = start;
        // Whether a quoted scalar may start here: after an indicator or white space.
        let mut node_start = true;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'[' | b'{' => {
                    depth += 1;
                    if depth > self.limits.max_depth {
                        return Err(self.error(
                            ErrorKind::LimitExceeded {
                                what: "front matter nesting depth",
                                limit: self.limits.max_depth,
                            },
                            i..i,
                        ));
                    }
                }
                b']' | b'}' => {
                    depth -= 1;
                    if depth == self.depth {
                        return Ok(());
                    }
                }
                b'\'' | b'"' if node_start => {
                    i += 1;
                    while i < bytes.len() {
                        match bytes[i] {
                            b'\\' if b == b'"' => i += 1,
                            b'\'' if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
                            c if c == b => break,
                            _ => {}
                        }
                        i += 1;
                    }
                }
                b'#' if i == 0 || is_blank(bytes[i - 1]) || bytes[i - 1] == b'\n' => {
                    i = memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                    continue;
                }
                _ => {}
            }
            node_start = matches!(
                b,
                b'[' | b'{' | b',' | b':' | b'?' | b' ' | b'\t' | b'\n' | b'\r'
            );
            i += 1;
        }
        Ok(())
    }

    #[inline]
    fn count_node(&mut self, at: usize) -> Scan<()> {
        if self.nodes_left == 0 {
            return Err(self.error(
                ErrorKind::LimitExceeded {
                    what: "number of front matter values",
                    limit: self.limits.max_yaml_nodes,
                },
                at..at,
            ));
        }
        self.nodes_left -= 1;
        Ok(())
    }

    /// Whether a `-` sequence entry starts at `at`.
    #[inline]
    fn is_dash(&self, at: usize) -> bool {
        self.bytes.get(at) == Some(&b'-')
            && (at + 1 >= self.bytes.len()
                || matches!(self.bytes[at + 1], b' ' | b'\t' | b'\n' | b'\r'))
    }

    /// A node written in block context starting at `pos`, in column `column`, inside a
    /// parent at indentation `parent` (-1 for the document).
    #[inline(always)]
    fn block_node<V: Visit<'a>>(&mut self, column: usize, parent: isize, visit: V) -> Scan<V::Out> {
        if self.is_dash(self.pos) {
            return visit.sequence(ScanSeq::begin(self, column)?);
        }
        if let Some(colon) = self.key_end(self.pos)? {
            return visit.mapping(ScanMap::begin(self, column, colon)?);
        }
        self.inline_value(parent, visit)
    }

    /// If a mapping key starts at `at`, the offset of its `:`.
    #[inline(always)]
    fn key_end(&self, at: usize) -> Scan<Option<usize>> {
        let Some(&first) = self.bytes.get(at) else {
            return Ok(None);
        };
        match first {
            b'\n' => Ok(None),
            b'"' | b'\'' => {
                let line_end = self.line_end(at);
                let line = &self.bytes[at..line_end];
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
            // `? key` and `: value` (an empty key) are left to the general parser.
            b'?' | b':' if self.ends_token(at + 1) => Err(Stop::Unsupported),
            // `--- ` or `... ` in column 0 marks a document's start or end, not a key.
            b'-' | b'.' if self.is_document_marker(at) => Err(Stop::Unsupported),
            b'[' | b'{' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' | b'#' => Ok(None),
            _ => {
                // `key: `, unless a comment or the line's end comes first.
                let mut i = at;
                loop {
                    i = next_special(self.bytes, i);
                    match self.bytes.get(i) {
                        None | Some(b'\n') => {
                            self.line.set((at, i));
                            return Ok(None);
                        }
                        Some(b'#') if is_blank(self.bytes[i - 1]) => return Ok(None),
                        Some(b':') if self.ends_token(i + 1) => return Ok(Some(i)),
                        Some(_) => i += 1,
                    }
                }
            }
        }
    }

    /// Whether a `---` or `...` document marker starts at `at`: in column 0, followed by
    /// white space, a line end or the YAML's end.
    #[cold]
    fn is_document_marker(&self, at: usize) -> bool {
        let rest = &self.bytes[at..];
        (at == 0 || self.bytes[at - 1] == b'\n')
            && (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && self.ends_token(at + 3)
    }

    /// Whether the byte at `at` ends a token: white space, a line end or the YAML's end.
    #[inline]
    fn ends_token(&self, at: usize) -> bool {
        at >= self.bytes.len() || matches!(self.bytes[at], b' ' | b'\t' | b'\r' | b'\n')
    }

    #[inline(always)]
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
                let raw = slice(self.src, start, end);
                Ok(Scalar::new(Text::unquoted(raw, start, false)))
            }
        }
    }

    /// The value after `key:`; `pos` is just after the colon. Leaves `pos` at a line start.
    #[inline(always)]
    fn value_after_key<V: Visit<'a>>(&mut self, indent: usize, visit: V) -> Scan<V::Out> {
        let here;
        if self.bytes.get(self.pos) == Some(&b'\n') {
            // `key:` ends its line (a nested block follows, most often): on to the next.
            here = self.pos;
            self.pos += 1;
        } else {
            self.pos = skip_spaces_and_tabs(self.bytes, self.pos);
            if let Some(scalar) = self.plain_on_its_line(indent) {
                self.count_node(scalar.span().start)?;
                return self.emit(scalar, visit);
            }
            here = self.pos;
            if !self.at_line_end_or_comment() {
                return self.inline_value(indent as isize, visit);
            }
            self.pos = self.next_line(self.pos);
        }
        if let Some(next) = self.next_indent()? {
            if next > indent || (next == indent && self.is_dash(self.pos + next)) {
                self.pos += next;
                return self.block_node(next, indent as isize, visit);
            }
        }
        self.null(here, visit)
    }

    /// An empty value (null) at `at`.
    fn null<V: Visit<'a>>(&mut self, at: usize, visit: V) -> Scan<V::Out> {
        self.emit(Scalar::new(Text::new("", at..at, Style::Bare)), visit)
    }

    /// Hands a scalar to the visitor.
    #[inline(always)]
    fn emit<V: Visit<'a>>(&mut self, scalar: Scalar<'a>, visit: V) -> Scan<V::Out> {
        self.last_end = scalar.span().end;
        visit.scalar(scalar)
    }

    /// Whether `pos` is at the end of its line, or at a comment.
    #[inline]
    fn at_line_end_or_comment(&self) -> bool {
        match self.bytes.get(self.pos) {
            None | Some(b'\n' | b'#') => true,
            Some(b'\r') => matches!(self.bytes.get(self.pos + 1), None | Some(b'\n')),
            _ => self.pos >= self.bytes.len(),
        }
    }

    /// A scalar, `[]` or `{}` starting at `pos` on a line, in a parent indented `parent`.
    fn inline_value<V: Visit<'a>>(&mut self, parent: isize, visit: V) -> Scan<V::Out> {
        self.count_node(self.pos)?;
        let start = self.pos;
        match self.bytes[start] {
            b'"' | b'\'' => {
                let scalar = self.quoted_on_its_line(self.bytes[start])?;
                self.emit(scalar, visit)
            }
            b'|' | b'>' => {
                let scalar = self.block_scalar(parent)?;
                self.emit(scalar, visit)
            }
            b'[' | b'{' => {
                let close = if self.bytes[start] == b'[' {
                    b']'
                } else {
                    b'}'
                };
                let mut i = start + 1;
                while i < self.bytes.len() && matches!(self.bytes[i], b' ' | b'\t') {
                    i += 1;
                }
                if self.bytes.get(i) != Some(&close) {
                    self.flow_depth_within_limit(start)?;
                    return Err(Stop::Unsupported);
                }
                self.pos = i + 1;
                self.finish_line()?;
                let span = start..i + 1;
                self.last_end = span.end;
                if close == b']' {
                    visit.sequence(ScanSeq::empty(self, span))
                } else {
                    visit.mapping(ScanMap::empty(self, span))
                }
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
            _ => {
                let scalar = self.plain(parent)?;
                self.emit(scalar, visit)
            }
        }
    }

    /// A quoted scalar starting at `pos`, then the end of its line ([`finish_line`]).
    ///
    /// [`finish_line`]: Self::finish_line
    #[inline(always)]
    fn quoted_on_its_line(&mut self, quote: u8) -> Scan<Scalar<'a>> {
        let scalar = self.quoted(quote)?;
        self.finish_line()?;
        Ok(scalar)
    }

    /// After a value on a line: only white space or a comment may follow.
    #[inline]
    fn finish_line(&mut self) -> Scan<()> {
        while self.pos < self.bytes.len() && is_blank(self.bytes[self.pos]) {
            self.pos += 1;
        }
        if self.pos < self.bytes.len() && !matches!(self.bytes[self.pos], b'\n' | b'#') {
            return Err(Stop::Unsupported);
        }
        self.pos = self.next_line(self.pos);
        Ok(())
    }

    /// The content end of a plain scalar's line starting at `from`: before a comment or
    /// trailing white space. `Unsupported` if the line holds `: ` (a nested mapping).
    fn plain_line_end(&self, from: usize) -> Scan<usize> {
        let mut i = from;
        let mut end = loop {
            i = next_special(self.bytes, i);
            match self.bytes.get(i) {
                None | Some(b'\n') => {
                    self.line.set((from, i));
                    break i;
                }
                Some(b'#') if i == from || is_blank(self.bytes[i - 1]) => break i,
                Some(b':') if self.ends_token(i + 1) => return Err(Stop::Unsupported),
                Some(_) => i += 1,
            }
        };
        while end > from && is_blank(self.bytes[end - 1]) {
            end -= 1;
        }
        Ok(end)
    }

    /// The common case in one pass: a plain scalar starting at `pos` that ends on its line
    /// and is followed by a line with content indented at most `parent` (so not
    /// continuing it), or by the end. Anything else (a comment, `: `, an empty or
    /// commented next line, a continuation) is `None`, with nothing consumed, for
    /// [`plain`](Self::plain) to read.
    #[inline(always)]
    fn plain_on_its_line(&mut self, parent: usize) -> Option<Scalar<'a>> {
        let start = self.pos;
        if !PLAIN_START[usize::from(*self.bytes.get(start)?)] {
            return None;
        }
        let mut i = start + 1;
        let line_end = loop {
            match line_end_or_indicator(self.bytes, i) {
                Ok(line_end) => break line_end,
                Err(at) if self.bytes[at] == b':' && !self.ends_token(at + 1) => i = at + 1,
                Err(at) if self.bytes[at] == b'#' && !is_blank(self.bytes[at - 1]) => i = at + 1,
                Err(_) => return None,
            }
        };
        let mut end = line_end;
        while is_blank(self.bytes[end - 1]) {
            end -= 1;
        }
        let next = line_end + 1;
        if next < self.bytes.len() {
            let spaces = count_spaces(self.bytes, next, self.bytes.len());
            if spaces > parent
                || matches!(
                    self.bytes.get(next + spaces),
                    None | Some(b'\t' | b'\r' | b'\n' | b'#')
                )
            {
                return None;
            }
            self.indented = (next, spaces);
            self.pos = next;
        } else {
            self.pos = self.bytes.len();
        }
        let raw = slice(self.src, start, end);
        Some(Scalar::new(Text::unquoted(raw, start, false)))
    }

    /// The value of an entry read a line at a time, at `start` (after `name: `), in a
    /// mapping indented `parent`, as `value_after_key` reads it: a quoted scalar (the rest
    /// of its line blank or a comment), or a plain scalar on its line. A blank or anything
    /// else first is `None`, with `pos` anywhere on the line.
    #[inline(always)]
    fn value_on_its_line(&mut self, start: usize, parent: usize) -> Scan<Option<Scalar<'a>>> {
        self.pos = start;
        match self.bytes.get(start) {
            Some(&quote @ (b'"' | b'\'')) => self.quoted_on_its_line(quote).map(Some),
            _ => Ok(self.plain_on_its_line(parent)),
        }
    }

    /// The value of an entry of a [`plain_field`](Self::plain_field) at `start` (after
    /// `name: `), in a mapping indented `parent`, read as `value_after_key` reads a
    /// scalar: quoted (the rest of its line blank or a comment), plain (on its line, or
    /// continued on the lines below), or a `|` or `>` block scalar. `None` for anything
    /// else (a blank first, a collection, what the general parser reads).
    #[inline(always)]
    fn scalar_value(&mut self, start: usize, parent: usize) -> Scan<Option<Scalar<'a>>> {
        self.pos = start;
        match self.bytes.get(start) {
            Some(&quote @ (b'"' | b'\'')) => self.quoted_on_its_line(quote).map(Some),
            Some(b'|' | b'>') => Ok(Some(self.block_scalar(parent as isize)?)),
            // (What `inline_value` reads as plain: `plain_on_its_line` reads it, or leaves
            // it whole.)
            Some(&b) if PLAIN_START[usize::from(b)] => match self.plain_on_its_line(parent) {
                Some(scalar) => Ok(Some(scalar)),
                None => Ok(Some(self.plain(parent as isize)?)),
            },
            // `-8`, `?x`, `:x`: plain too.
            Some(b'-' | b'?' | b':')
                if self
                    .bytes
                    .get(start + 1)
                    .is_some_and(|&b| !is_blank(b) && b != b'\n') =>
            {
                Ok(Some(self.plain(parent as isize)?))
            }
            _ => Ok(None),
        }
    }

    /// Takes `n` of the values the limits allow, if there are that many left.
    #[inline(always)]
    fn take_nodes(&mut self, n: usize) -> Option<()> {
        self.nodes_left = self.nodes_left.checked_sub(n)?;
        Some(())
    }

    /// An entry of a mapping indented `indent` for [`MapAccess::plain_fields`], from `pos`
    /// (the key's start when `first` is its colon, else the start of its line), read and
    /// counted as `next_key` and `next_value` read and count it, the items of its list in
    /// `items`. `None` for an entry of any other shape or on any error, with `pos`,
    /// `nodes_left` and `last_end` for the caller to restore (nothing else it changes
    /// depends on what the entry holds).
    #[inline(always)]
    fn plain_field<const N: usize, const M: usize>(
        &mut self,
        first: Option<usize>,
        indent: usize,
        names: &Names<N>,
        list: &Names<1>,
        item_names: &Names<M>,
        items: &mut Vec<PlainItem<'a, M>>,
    ) -> Option<FieldRead<'a, N>> {
        let (key_start, colon) = match first {
            Some(colon) => (self.pos, colon),
            None => {
                if self.next_indent().ok()? != Some(indent) {
                    return None;
                }
                let key_start = self.pos + indent;
                if self.is_dash(key_start) {
                    return None;
                }
                (key_start, self.key_end(key_start).ok()??)
            }
        };
        // A plain key that ends its line.
        if self.bytes.get(colon + 1) != Some(&b'\n')
            || matches!(self.bytes[key_start], b'"' | b'\'')
        {
            return None;
        }
        self.take_nodes(1)?;
        let key = self.key(key_start, colon).ok()?;
        // The value: a block mapping on the lines below, indented more. Its keys are
        // matched with the names directly: a name holds no `:`, `#`, blank or `-`, so
        // where one is followed by `: ` (or `:` and the line's end) `key_end` would find
        // the same colon.
        self.pos = colon + 2;
        let column = self.next_indent().ok()??;
        if column <= indent {
            return None;
        }
        let start = self.pos + column;
        let mut end = start;
        let mut values = std::array::from_fn(|_| None);
        let mut listed = false;
        items.clear();
        let mut key_start = start;
        let rest = loop {
            let name = names.find(self.bytes, key_start);
            if let Some(i) = name.filter(|&i| values[i].is_none()) {
                end = end.max(self.named_value(names, i, key_start, column, &mut values)?);
            } else if name.is_none() && !listed && list.find(self.bytes, key_start).is_some() {
                listed = true;
                end = end.max(self.field_list(key_start, column, list, item_names, items)?);
            } else if key_start > start {
                // Another key, or a name again: the rest is read entry by entry, from this
                // line (`pos`, its indentation measured), nothing of it read yet.
                break true;
            } else {
                return None;
            }
            key_start = match self.next_entry(column)? {
                Some(key_start) => key_start,
                None => break false,
            };
        };
        Some(FieldRead {
            key,
            colon,
            column,
            span: start..end,
            values,
            listed,
            rest,
        })
    }

    /// The commonest fields, in one pass, for [`MapAccess::plain_fields`]: a plain key
    /// that ends its line, then on the lines below, indented more, `names[0]: ` and a
    /// scalar on its line, possibly `names[1]: ` and another, possibly the `list`, then a
    /// line indented less (or the end), read and counted as
    /// [`plain_field`](Self::plain_field) reads and counts them. `pos` is the start of the
    /// key's line, indented `indent`. `None` for anything else, with `pos`, `nodes_left`
    /// and `last_end` for the caller to restore, and `unreadable` set where `plain_field`
    /// would give `None` too (the list's items are not of the shape it reads: it would
    /// read the same entries as far as that list, and the list alike).
    #[inline(always)]
    fn short_field<const N: usize, const M: usize>(
        &mut self,
        indent: usize,
        names: &Names<N>,
        list: &Names<1>,
        item_names: &Names<M>,
        items: &mut Vec<PlainItem<'a, M>>,
        unreadable: &mut bool,
    ) -> Option<FieldRead<'a, N>> {
        let bytes = self.bytes;
        let key_start = self.pos + indent;
        if N < 2 || indent == 0 || !PLAIN_START[usize::from(*bytes.get(key_start)?)] {
            return None;
        }
        // (As `key_end` finds the colon, the key's first byte being none it reads
        // otherwise.)
        let colon = next_special(bytes, key_start + 1);
        if bytes.get(colon) != Some(&b':') || bytes.get(colon + 1) != Some(&b'\n') {
            return None;
        }
        let mut key_end = colon;
        while is_blank(bytes[key_end - 1]) {
            key_end -= 1;
        }
        // The value's first line: its indentation and its first name.
        let line = colon + 2;
        let column = count_spaces(bytes, line, bytes.len());
        let start = line + column;
        if column <= indent || names.find(bytes, start) != Some(0) {
            return None;
        }
        self.take_nodes(3)?;
        let raw = slice(self.src, key_start, key_end);
        let key = Scalar::new(Text::unquoted(raw, key_start, false));
        let mut values = std::array::from_fn(|_| None);
        let text = self
            .value_on_its_line(start + names.lens[0] + 2, column)
            .ok()??;
        let mut end = text.span().end;
        values[0] = Some(text);
        let mut next = self.next_indent().ok()?;
        // (The closing line, if it was found, ended the value: `next` is `None`.)
        if next == Some(column) && names.find(self.bytes, self.pos + column) == Some(1) {
            self.take_nodes(2)?;
            let value_start = self.pos + column + names.lens[1] + 2;
            let number = self.value_on_its_line(value_start, column).ok()??;
            end = number.span().end;
            values[1] = Some(number);
            next = self.next_indent().ok()?;
        }
        let mut listed = false;
        if next == Some(column) && list.find(self.bytes, self.pos + column).is_some() {
            let key_start = self.pos + column;
            listed = true;
            items.clear();
            // (Where it reads no list, `plain_field` reads none either.)
            let Some(list_end) = self.field_list(key_start, column, list, item_names, items) else {
                *unreadable = true;
                return None;
            };
            end = end.max(list_end);
            next = self.next_indent().ok()?;
        }
        if next.is_some_and(|next| next >= column) {
            return None;
        }
        self.last_end = end;
        Some(FieldRead {
            key,
            colon,
            column,
            span: start..end,
            values,
            listed,
            rest: false,
        })
    }

    /// The `list` entry of a field's mapping indented `column`, at `key_start`, and its
    /// items (added to `items`), counted: the end of what was read.
    #[inline(always)]
    fn field_list<const M: usize>(
        &mut self,
        key_start: usize,
        column: usize,
        list: &Names<1>,
        item_names: &Names<M>,
        items: &mut Vec<PlainItem<'a, M>>,
    ) -> Option<usize> {
        self.take_nodes(1)?;
        self.pos = key_start + list.lens[0] + 2;
        self.plain_items(column, item_names, items)?;
        Some((key_start + list.lens[0] + 1).max(self.last_end))
    }

    /// The value of the entry `names[i]: ` at `key_start`, in a mapping indented
    /// `parent`, counted and read as [`scalar_value`](Self::scalar_value) reads it into
    /// `values[i]`: its end.
    #[inline(always)]
    fn named_value<const N: usize>(
        &mut self,
        names: &Names<N>,
        i: usize,
        key_start: usize,
        parent: usize,
        values: &mut [Option<Scalar<'a>>; N],
    ) -> Option<usize> {
        self.take_nodes(2)?;
        let value = self
            .scalar_value(key_start + names.lens[i] + 2, parent)
            .ok()??;
        self.last_end = value.span().end;
        values[i] = Some(value);
        Some(self.last_end)
    }

    /// After an entry of a mapping indented `indent`, read as `next_key` reads on: the
    /// start of the next key (`Some(Some(_))`), the mapping's end (`Some(None)`), or
    /// `None` for what `next_key` does not take (a line indented more, a `-`).
    #[inline(always)]
    fn next_entry(&mut self, indent: usize) -> Option<Option<usize>> {
        match self.next_indent().ok()? {
            Some(next) if next >= indent => {
                if next > indent || self.is_dash(self.pos + next) {
                    return None;
                }
                Some(Some(self.pos + next))
            }
            _ => Some(None),
        }
    }

    /// The list of a [`plain_field`](Self::plain_field)'s mapping indented `parent`, from
    /// the line after its key: a block sequence of mappings of `names`, each item added
    /// to `items`.
    #[inline(always)]
    fn plain_items<const M: usize>(
        &mut self,
        parent: usize,
        names: &Names<M>,
        items: &mut Vec<PlainItem<'a, M>>,
    ) -> Option<()> {
        let column = self.next_indent().ok()??;
        if column < parent || !self.is_dash(self.pos + column) {
            return None;
        }
        self.pos += column;
        loop {
            // `- ` and a mapping that starts on the dash's line.
            self.take_nodes(1)?;
            let dash = self.pos;
            self.pos = skip_spaces_and_tabs(self.bytes, dash + 1);
            if self.at_line_end_or_comment() {
                return None;
            }
            let inner = column + (self.pos - dash);
            let start = self.pos;
            let mut end = start;
            let mut values = std::array::from_fn(|_| None);
            let mut key_start = start;
            loop {
                let i = names.find(self.bytes, key_start)?;
                if values[i].is_some() {
                    return None;
                }
                end = end.max(self.named_value(names, i, key_start, inner, &mut values)?);
                key_start = match self.next_entry(inner)? {
                    Some(key_start) => key_start,
                    None => break,
                };
            }
            items.push(PlainItem {
                span: start..end,
                values,
            });
            match self.next_indent().ok()? {
                Some(next) if next >= column => {
                    if next > column {
                        return None;
                    }
                    if !self.is_dash(self.pos + next) {
                        return Some(());
                    }
                    self.pos += next;
                }
                _ => return Some(()),
            }
        }
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
            while probe < self.bytes.len() {
                let spaces = count_spaces(self.bytes, probe, self.bytes.len());
                let mut i = probe + spaces;
                while i < self.bytes.len() && is_blank(self.bytes[i]) {
                    i += 1;
                }
                if i >= self.bytes.len() || self.bytes[i] == b'\n' {
                    probe = self.next_line(i); // an empty line: folded if the scalar goes on
                    if i >= self.bytes.len() {
                        break;
                    }
                    continue;
                }
                if (spaces as isize) <= parent || self.bytes[i] == b'#' {
                    if i == probe + spaces && self.bytes[i] != b'#' {
                        // The next line with content: its indentation is known.
                        self.indented = (probe, spaces);
                    }
                    break;
                }
                let line = &self.bytes[probe..];
                if line.starts_with(b"---") || line.starts_with(b"...") {
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
        let raw = slice(self.src, start, end);
        Ok(Scalar::new(Text::unquoted(raw, start, multi_line)))
    }

    /// A quoted scalar starting at `pos` (on the opening quote); `pos` ends after the
    /// closing quote.
    fn quoted(&mut self, quote: u8) -> Scan<Scalar<'a>> {
        let start = self.pos;
        let mut i = start + 1;
        let mut plain = true;
        loop {
            let (found, newline) = quote_or_escape(self.bytes, i, quote);
            let Some(at) = found else {
                return Err(self.yaml_error(
                    if quote == b'"' {
                        "unterminated double-quoted string"
                    } else {
                        "unterminated single-quoted string"
                    },
                    start,
                ));
            };
            if newline {
                plain = false;
            }
            match self.bytes[at] {
                b'\\' => {
                    if !valid_double_escape(&self.src[at + 1..self.bytes.len()]) {
                        return Err(self.yaml_error("invalid escape in double-quoted string", at));
                    }
                    plain = false;
                    let (consumed, _) =
                        crate::text::double_escape(&self.src[at + 1..self.bytes.len()]);
                    i = at + 1 + consumed;
                }
                b'\'' if self.bytes.get(at + 1) == Some(&b'\'') && at + 1 < self.bytes.len() => {
                    plain = false;
                    i = at + 2;
                }
                _ => {
                    if self.until_closing_line && !plain && self.crosses_closing_line(start, at) {
                        return Err(Stop::Unsupported);
                    }
                    self.pos = at + 1;
                    let style = match (plain, quote) {
                        (true, _) => Style::Verbatim,
                        (false, b'"') => Style::DoubleQuoted,
                        (false, _) => Style::SingleQuoted,
                    };
                    let raw = &self.src[start + 1..at];
                    return Ok(Scalar::new(Text::quoted(raw, start, style)));
                }
            }
        }
    }

    /// Whether a `---` line starts inside `bytes[from..to]` (a quoted scalar over several
    /// lines, whose lines the scanner does not look at one by one). Its line feeds, a few,
    /// are looked at one by one: a `memmem` search made its searcher at each call, which
    /// cost more than the search (Vietnamese front matters −0.25 % instructions).
    fn crosses_closing_line(&self, from: usize, to: usize) -> bool {
        let span = &self.bytes[from..to];
        memchr::memchr_iter(b'\n', span).any(|at| {
            span[at + 1..].starts_with(b"---")
                && super::delimiter_line(self.bytes, from + at + 1).is_some()
        })
    }

    /// A `|` or `>` block scalar; `pos` is on the indicator.
    fn block_scalar(&mut self, parent: isize) -> Scan<Scalar<'a>> {
        let start = self.pos;
        let folded = self.bytes[start] == b'>';
        let mut chomp = Chomp::Clip;
        let mut i = start + 1;
        while i < self.bytes.len() {
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
        while probe < self.bytes.len() {
            let spaces = count_spaces(self.bytes, probe, self.bytes.len());
            let mut j = probe + spaces;
            if self.bytes.get(j) == Some(&b'\t') {
                // A tab after the indentation: content or an error, left to the general
                // parser.
                return Err(Stop::Unsupported);
            }
            while j < self.bytes.len() && is_blank(self.bytes[j]) {
                j += 1;
            }
            if j < self.bytes.len() && self.bytes[j] != b'\n' {
                content_indent = Some(spaces);
                break;
            }
            leading_max = leading_max.max(spaces);
            probe = self.next_line(j);
            if j >= self.bytes.len() {
                break;
            }
        }
        let indent = match content_indent {
            Some(n) if (n as isize) > parent => n,
            // No line with content: the longest empty line sets the indentation (YAML
            // 8.1.1.1), so that all of them are empty.
            _ => leading_max.max((parent + 1).max(0) as usize),
        };
        if leading_max > indent && content_indent.is_some_and(|n| n as isize > parent) {
            return Err(Stop::Unsupported);
        }
        // Consume lines indented at least `indent`, and empty lines.
        let mut last_content_end = i; // end of the last non-empty line
        let mut line = self.pos;
        let mut after = self.pos; // start of the first line not consumed
        while line < self.bytes.len() {
            let spaces = count_spaces(self.bytes, line, self.bytes.len());
            let j = line + spaces;
            // The common lines first: content indented enough, and empty lines.
            match self.bytes.get(j) {
                Some(b'\n') if spaces <= indent => {
                    line = j + 1;
                    if chomp == Chomp::Keep {
                        after = line;
                    }
                    continue;
                }
                Some(&c) if c != b'\r' && c != b'\n' && spaces >= indent => {
                    let end = find_newline(self.bytes, j + 1);
                    last_content_end = end;
                    line = (end + 1).min(self.bytes.len());
                    after = line;
                    continue;
                }
                _ => {}
            }
            let end = find_newline(self.bytes, j);
            // Only spaces make an empty line: a tab after the indentation is content.
            let empty = self.bytes[j..end].iter().all(|&b| b == b'\r');
            if !empty && spaces < indent {
                if self.bytes[j] == b'\t' {
                    return Err(Stop::Unsupported);
                }
                break;
            }
            if !empty || spaces > indent {
                last_content_end = end;
            }
            line = (end + 1).min(self.bytes.len());
            if end >= self.bytes.len() {
                line = self.bytes.len();
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
}

/// Where a mapping being read is.
enum MapState {
    /// The first key ends at this colon.
    First(usize),
    /// A value was read: the next key is still to be found.
    AfterValue,
    /// Every entry was read.
    Done,
}

/// A block mapping, read entry by entry from the scanner.
struct ScanMap<'s, 'a, 'l> {
    scanner: &'s mut Scanner<'a, 'l>,
    indent: usize,
    start: usize,
    end: usize,
    state: MapState,
}

impl<'s, 'a, 'l> ScanMap<'s, 'a, 'l> {
    /// A block mapping whose first key starts at `scanner.pos` and ends at `first_colon`.
    #[inline(always)]
    fn begin(scanner: &'s mut Scanner<'a, 'l>, indent: usize, first_colon: usize) -> Scan<Self> {
        scanner.enter(scanner.pos)?;
        let start = scanner.pos;
        Ok(ScanMap {
            scanner,
            indent,
            start,
            end: start,
            state: MapState::First(first_colon),
        })
    }

    /// `{}`.
    fn empty(scanner: &'s mut Scanner<'a, 'l>, span: Range<usize>) -> Self {
        ScanMap {
            scanner,
            indent: 0,
            start: span.start,
            end: span.end,
            state: MapState::Done,
        }
    }

    fn finish(&mut self) -> Scan<Option<Scalar<'a>>> {
        self.state = MapState::Done;
        self.scanner.depth -= 1;
        Ok(None)
    }
}

impl<'a> MapAccess<'a> for ScanMap<'_, 'a, '_> {
    #[inline(always)]
    fn next_key(&mut self) -> Scan<Option<Scalar<'a>>> {
        let s = &mut *self.scanner;
        let colon = match self.state {
            MapState::Done => return Ok(None),
            MapState::First(colon) => colon,
            MapState::AfterValue => {
                let next = match s.next_indent()? {
                    Some(next) if next >= self.indent => next,
                    _ => return self.finish(),
                };
                if next > self.indent || s.is_dash(s.pos + next) {
                    return Err(Stop::Unsupported);
                }
                s.pos += next;
                match s.key_end(s.pos)? {
                    Some(colon) => colon,
                    None => return Err(Stop::Unsupported),
                }
            }
        };
        s.count_node(s.pos)?;
        let key = s.key(s.pos, colon)?;
        s.pos = colon + 1;
        self.end = self.end.max(colon + 1);
        self.state = MapState::AfterValue;
        Ok(Some(key))
    }

    #[inline(always)]
    fn plain_entries(&mut self, names: &[&str], slots: &mut [&mut Option<Scalar<'a>>]) -> Scan<()> {
        if !self.scanner.entries_by_line {
            return Ok(());
        }
        loop {
            let s = &mut *self.scanner;
            // Where the key starts: the first (its colon already found), or the next line
            // with content when it is indented as the mapping's keys are (measured as
            // `next_key` measures it, which then takes the measure as it is).
            let (key_start, colon) = match self.state {
                MapState::First(colon) => (s.pos, Some(colon)),
                MapState::AfterValue if s.next_indent()? == Some(self.indent) => {
                    (s.pos + self.indent, None)
                }
                _ => return Ok(()),
            };
            // The key and its value are counted.
            if s.nodes_left < 2 {
                return Ok(());
            }
            let Some(i) = entry_name(&s.bytes[key_start..], names, b' ') else {
                return Ok(());
            };
            // (A name holds no `:`, `#` or line feed: its colon is the one `key_end` finds,
            // and no blank comes before it.)
            let value_start = key_start + names[i].len() + 2;
            if slots[i].is_some() || colon.is_some_and(|colon| colon + 2 != value_start) {
                return Ok(());
            }
            let line_start = s.pos;
            // (A plain value that goes on over the lines below too: most descriptions.)
            let Some(value) = s.scalar_value(value_start, self.indent)? else {
                s.pos = line_start;
                return Ok(());
            };
            s.nodes_left -= 2;
            let end = value.span().end;
            s.last_end = end;
            self.end = self.end.max(end);
            self.state = MapState::AfterValue;
            *slots[i] = Some(value);
        }
    }

    #[inline(always)]
    fn plain_fields<const N: usize, const M: usize>(
        &mut self,
        names: [&str; N],
        list: &str,
        item_names: [&str; M],
        each: &mut impl FieldReader<'a, N, M>,
    ) -> Scan<()> {
        // (The field's mapping, its list and the list's mappings are three levels deeper:
        // near the limit, the entries are read one by one, which report it.)
        if !self.scanner.entries_by_line || self.scanner.depth + 3 > self.scanner.limits.max_depth {
            return Ok(());
        }
        // The items of the fields' lists, gathered here one field at a time.
        let mut items = Vec::new();
        let (names, list, item_names) = (
            Names::new(names, b' '),
            Names::new([list], b'\n'),
            Names::new(item_names, b' '),
        );
        loop {
            let first = match self.state {
                MapState::First(colon) => Some(colon),
                MapState::AfterValue => None,
                MapState::Done => return Ok(()),
            };
            let s = &mut *self.scanner;
            let before = (s.pos, s.nodes_left, s.last_end);
            if first.is_none() && s.next_indent().ok() == Some(Some(self.indent)) {
                let indent = self.indent;
                let mut unreadable = false;
                let short = s.short_field(
                    indent,
                    &names,
                    &list,
                    &item_names,
                    &mut items,
                    &mut unreadable,
                );
                if let Some(field) = short {
                    let read = PlainField {
                        key: field.key,
                        span: field.span,
                        values: field.values,
                        items: field.listed.then_some(&mut items),
                    };
                    each.field(read);
                    self.end = self.end.max(field.colon + 1).max(self.scanner.last_end);
                    continue;
                }
                (s.pos, s.nodes_left, s.last_end) = before;
                if unreadable {
                    return Ok(());
                }
            }
            let Some(field) =
                s.plain_field(first, self.indent, &names, &list, &item_names, &mut items)
            else {
                // Nothing of the entry read: the caches of lines and indentation still hold.
                (s.pos, s.nodes_left, s.last_end) = before;
                return Ok(());
            };
            self.state = MapState::AfterValue;
            let read = PlainField {
                key: field.key,
                span: field.span.clone(),
                values: field.values,
                items: field.listed.then_some(&mut items),
            };
            if field.rest {
                // The value's mapping, as `begin` would have made it, its first entries
                // read (the depth was checked above).
                s.depth += 1;
                let rest = ScanMap {
                    scanner: &mut *s,
                    indent: field.column,
                    start: field.span.start,
                    end: field.span.end,
                    state: MapState::AfterValue,
                };
                each.rest(read, rest)?;
            } else {
                each.field(read);
            }
            self.end = self.end.max(field.colon + 1).max(self.scanner.last_end);
        }
    }

    #[inline(always)]
    fn next_value<V: Visit<'a>>(&mut self, visit: V) -> Scan<V::Out> {
        let out = self.scanner.value_after_key(self.indent, visit)?;
        self.end = self.end.max(self.scanner.last_end);
        Ok(out)
    }

    fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A block sequence, read item by item from the scanner.
struct ScanSeq<'s, 'a, 'l> {
    scanner: &'s mut Scanner<'a, 'l>,
    column: usize,
    start: usize,
    end: usize,
    /// `None` before the first item, then whether the last was read.
    done: Option<bool>,
}

impl<'s, 'a, 'l> ScanSeq<'s, 'a, 'l> {
    /// A block sequence whose first `-` is at `scanner.pos`, in column `column`.
    fn begin(scanner: &'s mut Scanner<'a, 'l>, column: usize) -> Scan<Self> {
        scanner.enter(scanner.pos)?;
        let start = scanner.pos;
        Ok(ScanSeq {
            scanner,
            column,
            start,
            end: start + 1,
            done: None,
        })
    }

    /// `[]`.
    fn empty(scanner: &'s mut Scanner<'a, 'l>, span: Range<usize>) -> Self {
        ScanSeq {
            scanner,
            column: 0,
            start: span.start,
            end: span.end,
            done: Some(true),
        }
    }

    fn finish<T>(&mut self) -> Scan<Option<T>> {
        self.done = Some(true);
        self.scanner.depth -= 1;
        Ok(None)
    }
}

impl<'a> SeqAccess<'a> for ScanSeq<'_, 'a, '_> {
    #[inline(always)]
    fn next_item<V: Visit<'a>>(&mut self, visit: V) -> Scan<Option<V::Out>> {
        let column = self.column;
        match self.done {
            Some(true) => return Ok(None),
            None => {}
            Some(false) => {
                let s = &mut *self.scanner;
                let next = match s.next_indent()? {
                    Some(next) if next >= column => next,
                    _ => return self.finish(),
                };
                if next > column {
                    return Err(Stop::Unsupported);
                }
                if !s.is_dash(s.pos + next) {
                    return self.finish();
                }
                s.pos += next;
            }
        }
        self.done = Some(false);
        let s = &mut *self.scanner;
        s.count_node(s.pos)?;
        let dash = s.pos;
        s.pos += 1;
        s.pos = skip_spaces_and_tabs(s.bytes, s.pos);
        let out = if s.at_line_end_or_comment() {
            s.pos = s.next_line(s.pos);
            match s.next_indent()? {
                Some(next) if next > column => {
                    s.pos += next;
                    s.block_node(next, column as isize, visit)?
                }
                _ => s.null(dash + 1, visit)?,
            }
        } else {
            let inner = column + (s.pos - dash);
            s.block_node(inner, column as isize, visit)?
        };
        self.end = self.end.max(s.last_end);
        Ok(Some(out))
    }

    fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[cfg(test)]
mod tests {
    use super::{count_spaces, find_newline, line_end_or_indicator, next_special, quote_or_escape};
    use super::{scan, scan_entry_by_entry};
    use crate::document::FrontMatterVisit;
    use crate::options::Limits;
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// An entry of a field's rich text (written at indentation 6), most of them near the
    /// entries read a line at a time: each reads the same entry by entry.
    fn rich_text_entry() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "text: Riga",
            "text: Rīga, Latvija",
            "text:  two spaces",
            "text: 'single'",
            "text: 'it''s'",
            "text: \"double\"",
            "text: \"esc\\u00e9\"",
            "text: \"dq\" # comment",
            "text: \"dq\" after",
            "text: \"multi\n        line\"",
            "text: \"open",
            "text: a: b",
            "text: a:b",
            "text: a # comment",
            "text: a#b",
            "text: plain\n        continued",
            "text: plain\n\n        after a blank",
            "text: trailing ",
            "text :v",
            "textual: v",
            "text:\tv",
            "text:",
            "text: []",
            "text: {}",
            "text: |\n        block",
            "text: -1",
            "text: ~",
            "text: &anchor v",
            "text: v\n      # a comment line",
            "text: v\n\n",
            "text: v\n\t",
            "number: 5",
            "number: \"5\"",
            "number: 1.5e3",
            "page: x",
            "other: 1",
            "\"text\": quoted key",
            "text: v\n         text: deeper",
            "formatting:\n        bold:\n          - B",
            "- item",
            // Scalars a field's entries take whole, and near misses.
            "text: |-\n        block\n        lines",
            "text: >\n        folded\n\n        text",
            "text: |2\n          indented",
            "text: |\n      not indented",
            "text: plain\n        continued # c",
            "text: plain\n        continued\n          more",
            "text: plain\n        con: tinued",
            "text: plain\n---\n",
            "number: -8",
            "number: -",
            "number: - 8",
            "text: ?x",
            "text: :x",
            "text: : x",
            "text: 'multi\n        line'",
            "links: []",
            "links:",
            "links: x",
            "links:\n        text: map",
            "links:\n      - type: same indent\n        page: P",
            "links:\n        -   type: wide\n            page: P",
            "links:\n        -\n          type: own line",
            "links:\n        - - nested",
            "links:\n        - type: x\n           page: deeper",
            "links:\n        - type: x\n         page: between",
            "links:\n        - type: x\n          type: twice",
            "links:\n        - type: x # c\n          page: 'p'",
            "links:\n        - site: s\n          type: external",
            "links:\n\n        # c\n        - type: after a blank",
            "deep:\n        a:\n          b:\n            - c:\n                d: 1",
        ])
    }

    /// An entry of a link (the first after `- ` at indentation 8, the others at 10).
    fn link_entry() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "type: internal",
            "type: external",
            "page: P",
            "page: 'Q'",
            "page: \"R\" # c",
            "text: T",
            "text: [ ]",
            "type:  internal",
            "page: a: b",
            "page: P\n            more",
            "page:",
            "anchor: x",
            "wiki: w",
            "pages: x",
        ])
    }

    fn field() -> impl Strategy<Value = String> {
        (
            vec(rich_text_entry(), 0..5),
            vec(vec(link_entry(), 1..4), 0..3),
        )
            .prop_map(|(entries, links)| {
                let mut out = String::new();
                for entry in entries {
                    out += &format!("      {entry}\n");
                }
                if !links.is_empty() {
                    out += "      links:\n";
                    for link in links {
                        for (k, entry) in link.iter().enumerate() {
                            let lead = if k == 0 { "        - " } else { "          " };
                            out += &format!("{lead}{entry}\n");
                        }
                    }
                }
                out
            })
    }

    /// An entry of the front matter itself, after the infoboxes.
    fn top_entry() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "title: T",
            "title: 'T'",
            "title: T # c",
            "title:",
            "description: D",
            "description: D\n  continued",
            "description: D\n  continued\n  and again # c",
            "description: D\n\n  after a blank line",
            "description: D\n  # a comment, then\n  more",
            "description: |\n  a block\n  of two lines",
            "description: >-\n  folded\n\n  twice",
            "description: D\n continued: with a colon",
            "description: D\n x",
            "title: -8",
            "title: ?x\n  y",
            "description: \"D\"",
            "author: Wikipedia",
            "shortDescription: s",
            "img: x.jpg",
            "other: o",
            "title : T",
        ])
    }

    /// A field's key line, most of them what a field read whole starts with.
    fn field_key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "f{i}:",
            "f{i}:",
            "f{i}:",
            "f{i}:",
            "f{i}:",
            "f0:",
            "f{i} :",
            "f{i}:  ",
            "f{i}: # c",
            "f{i}: v",
            "'f{i}':",
            "\"f{i}\":",
            "f #{i}:",
            "f{i}:x:",
            "? f{i}",
            "- f{i}:",
            "f{i}:\n",
            "f{i}:\n  # c",
        ])
    }

    fn infoboxes() -> impl Strategy<Value = String> {
        (
            vec((field_key(), field()), 1..5),
            vec(top_entry(), 0..4),
            0usize..4,
        )
            .prop_map(|(fields, top, end)| {
                let mut out = String::from("infoboxes:\n");
                for (i, (key, field)) in fields.iter().enumerate() {
                    let lead = if i == 0 { "  - " } else { "    " };
                    let key = key.replace("{i}", &i.to_string());
                    out += &format!("{lead}{key}\n{field}");
                }
                // A second infobox, or the end of the list.
                out += [
                    "",
                    "  - g:\n      text: second\n",
                    "  - g: \n      text: second\n",
                    "  -\n",
                ][end];
                for entry in top {
                    out += &format!("{entry}\n");
                }
                out
            })
    }

    // Entries read a line at a time (`plain_entries`) and fields read whole
    // (`plain_fields`) give the model, the error or the hand-over to the general parser
    // that reading them entry by entry gives, under any limit on the number of values
    // or the nesting depth (which each way must count alike).
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]
        #[test]
        fn entries_read_a_line_at_a_time_read_as_entry_by_entry(
            yaml in infoboxes(),
            nodes in prop_oneof![Just(usize::MAX), 1usize..80],
            depth in prop_oneof![Just(Limits::default().max_depth), 1usize..12],
        ) {
            let limits = Limits {
                max_yaml_nodes: nodes,
                max_depth: depth,
                ..Limits::default()
            };
            let visit = FrontMatterVisit { src: &yaml };
            let by_line = scan(&yaml, 0..yaml.len(), &limits, visit);
            let visit = FrontMatterVisit { src: &yaml };
            let by_entry = scan_entry_by_entry(&yaml, 0..yaml.len(), &limits, visit);
            prop_assert_eq!(format!("{by_line:?}"), format!("{by_entry:?}"), "{}", yaml);
        }
    }

    /// The fields read in one pass (a text, a number, links, in that order), and the
    /// shapes next to them that it leaves to the field-by-field reading, early or late
    /// (another entry after the links, links with an entry of another name, a text over
    /// two lines, a block scalar, a line indented more, too few values left): each reads
    /// as entry by entry, and the model holds what was written.
    #[test]
    fn fields_read_in_one_pass_read_as_entry_by_entry() {
        let fields = [
            "      text: Riga\n",
            "      text: \"56\"\n      number: 56\n",
            "      text: Riga\n      links:\n        - type: internal\n          page: Riga\n",
            "      text: a\n      number: 1\n      links:\n        - text: b\n          type: internal\n          page: B\n",
            "      text: Mali\n      links:\n        - type: internal\n          page: Mali\n      formatting:\n        bold:\n          - Mali\n",
            "      text: x\n      links:\n        - type: external\n          site: s\n",
            "      text: long\n        continued\n",
            "      text: |-\n        block\n",
            "      text: x\n      number: 2\n      text: again\n",
            "      text: x\n        number: 2\n",
            "      text: x\n      - y\n",
            "      links:\n        - type: internal\n          page: P\n      text: after\n",
        ];
        for (i, field) in fields.iter().enumerate() {
            for (j, other) in fields.iter().enumerate() {
                let yaml = format!(
                    "infoboxes:\n  - first:\n      text: f\n    k{i}:\n{field}    k{j}b:\n{other}title: T\n"
                );
                for nodes in [usize::MAX, 8, 12, 20] {
                    let limits = Limits {
                        max_yaml_nodes: nodes,
                        ..Limits::default()
                    };
                    let visit = FrontMatterVisit { src: &yaml };
                    let by_line = scan(&yaml, 0..yaml.len(), &limits, visit);
                    let visit = FrontMatterVisit { src: &yaml };
                    let by_entry = scan_entry_by_entry(&yaml, 0..yaml.len(), &limits, visit);
                    assert_eq!(format!("{by_line:?}"), format!("{by_entry:?}"), "{yaml}");
                }
            }
        }
        // And what a field read in one pass holds.
        let input = "---\ninfoboxes:\n  - a: \n      text: x\n    latd:\n      text: \"56\"\n      number: 56\n    place:\n      text: Mali\n      links:\n        - type: internal\n          page: Mali\n---\n";
        let doc = crate::parse(input).expect("parses");
        let infobox = &doc.infoboxes()[0];
        let latd = infobox.get("latd").expect("latd");
        assert_eq!(latd.text(), "56");
        assert_eq!(latd.number().and_then(|n| n.as_f64()), Some(56.0));
        let place = infobox.get("place").expect("place");
        assert_eq!(place.links().len(), 1);
        assert_eq!(
            place.links()[0].page().and_then(|p| p.as_str()),
            Some("Mali")
        );
        assert_eq!(
            &input[place.span()],
            "text: Mali\n      links:\n        - type: internal\n          page: Mali"
        );
    }

    /// Short lines rich in the bytes the scans look for.
    fn line_bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            // (Long runs without the three, for the sixteen-byte steps too.)
            prop_oneof![
                1 => Just(b' '),
                1 => Just(b'\n'),
                1 => Just(b':'),
                1 => Just(b'#'),
                8 => Just(b'a'),
                4 => any::<u8>()
            ],
            0..80,
        )
    }

    // The word-at-a-time scans against the obvious byte loops.
    proptest! {
        #[test]
        fn next_special_is_the_first_newline_colon_or_hash(
            bytes in line_bytes(),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let expected = (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'\n' | b':' | b'#'))
                .unwrap_or(bytes.len());
            prop_assert_eq!(next_special(&bytes, from), expected);
        }

        #[test]
        fn count_spaces_counts_the_leading_spaces(
            bytes in proptest::collection::vec(
                prop_oneof![4 => Just(b' '), 1 => any::<u8>()],
                0..40,
            ),
            from in 0usize..40,
            cut in 0usize..40,
        ) {
            let end = cut.min(bytes.len());
            let from = from.min(end);
            let expected = bytes[from..end].iter().take_while(|&&b| b == b' ').count();
            prop_assert_eq!(count_spaces(&bytes, from, end), expected);
        }

        #[test]
        fn line_end_or_indicator_is_the_first_newline_colon_or_hash(
            bytes in line_bytes(),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let expected = match (from..bytes.len()).find(|&i| matches!(bytes[i], b'\n' | b':' | b'#')) {
                None => Ok(bytes.len()),
                Some(i) if bytes[i] == b'\n' => Ok(i),
                Some(i) => Err(i),
            };
            prop_assert_eq!(line_end_or_indicator(&bytes, from), expected);
        }

        #[test]
        fn find_newline_is_the_first_newline(
            bytes in proptest::collection::vec(
                prop_oneof![8 => any::<u8>(), 1 => Just(b'\n')],
                0..120,
            ),
            from in 0usize..120,
        ) {
            let from = from.min(bytes.len());
            let expected = (from..bytes.len()).find(|&i| bytes[i] == b'\n').unwrap_or(bytes.len());
            prop_assert_eq!(find_newline(&bytes, from), expected);
        }

        #[test]
        fn quote_or_escape_is_the_first_stop_and_sees_the_newlines_before_it(
            bytes in proptest::collection::vec(
                prop_oneof![
                    8 => Just(b'a'),
                    2 => any::<u8>(),
                    1 => Just(b'\n'),
                    1 => Just(b'"'),
                    1 => Just(b'\''),
                    1 => Just(b'\\'),
                ],
                0..60,
            ),
            from in 0usize..60,
            double in any::<bool>(),
        ) {
            let from = from.min(bytes.len());
            let (quote, escape) = if double { (b'"', b'\\') } else { (b'\'', b'\'') };
            let found = (from..bytes.len()).find(|&i| bytes[i] == quote || bytes[i] == escape);
            let newline = bytes[from..found.unwrap_or(bytes.len())].contains(&b'\n');
            prop_assert_eq!(quote_or_escape(&bytes, from, quote), (found, newline));
        }
    }
}
