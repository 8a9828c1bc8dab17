//! Text that borrows from the input and is decoded only when asked.
//!
//! A YAML scalar is kept as its raw slice of the input plus how it is written (plain,
//! quoted, block). Nothing is copied while parsing; [`Text::decode`] produces the value,
//! borrowing whenever the raw text already is the value.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU64;
use std::ops::Range;

/// How a scalar is written in the source, which says how to decode it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// A plain scalar on one line: the raw text is the value, and what it means (null,
    /// boolean, number or string) is resolved when asked.
    Bare,
    /// The raw text is the value, a string (a quoted scalar without escapes).
    Verbatim,
    /// A plain scalar folded over several lines.
    Plain,
    /// The inside of a `'…'` scalar that holds `''` or a line break.
    SingleQuoted,
    /// The inside of a `"…"` scalar that holds an escape or a line break.
    DoubleQuoted,
    /// A `|` block: lines after the header, `indent` spaces removed.
    Literal { indent: u32, chomp: Chomp },
    /// A `>` block.
    Folded { indent: u32, chomp: Chomp },
}

/// Block scalar chomping: what happens to the final line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chomp {
    /// `-`: no final line break.
    Strip,
    /// No indicator: one final line break.
    Clip,
    /// `+`: every final line break.
    Keep,
}

/// A string value from the front matter: a slice of the input, decoded on demand.
///
/// `span()` is where the value is written in the input, quotes and block header
/// included, so `&input[text.span()]` is the raw value as written.
///
/// Two texts are equal when their values are, wherever and however they are written (the
/// same holds for `Hash`): `title: Mali` and `title:  'Mali'` give equal titles.
///
/// ```
/// let input = "---\ntitle: \"Caf\\u00e9\"\n---\n";
/// let doc = wikimd::parse(input).unwrap();
/// let title = doc.title().unwrap();
/// assert_eq!(title.decode(), "Café");
/// assert_eq!(&input[title.span()], "\"Caf\\u00e9\"");
///
/// let other = wikimd::parse("---\ntitle:   'Café'\n---\n").unwrap();
/// assert_eq!(other.title().unwrap(), title);
/// ```
#[derive(Clone)]
pub struct Text<'a> {
    raw: Raw<'a>,
    // The span's start, and how its end and the style follow from the raw slice: one word
    // (see `StartAndStyle`), written with one store. A `Text` is moved right after it is
    // built, and a wide load of a field written by several narrow stores stalls the CPU
    // (the store cannot be forwarded), which cost a fifth of the front matter's time.
    start_and_style: StartAndStyle,
}

/// A byte span in one word: the start in the low 32 bits, the end in the high ones
/// (documents are limited to 4 GiB). Written with one store and read back with one load,
/// where a `Range<usize>` is two stores often read back as one wide load, which stalls
/// (see [`Text`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct PackedSpan(u64);

impl PackedSpan {
    /// `0..0`.
    pub(crate) const EMPTY: PackedSpan = PackedSpan(0);

    #[inline]
    pub(crate) fn new(span: Range<usize>) -> PackedSpan {
        PackedSpan(span.start as u64 & 0xffff_ffff | (span.end as u64) << 32)
    }

    #[inline]
    pub(crate) fn get(self) -> Range<usize> {
        (self.0 & 0xffff_ffff) as usize..(self.0 >> 32) as usize
    }
}

impl fmt::Debug for PackedSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// A text's raw slice: borrowed from the input, its span's end and its style told by
/// [`StartAndStyle`] (nearly every text); or, behind a thin box, an owned copy (one that
/// no longer borrows the input, a value of the YAML fallback) or a slice whose span or
/// style the word cannot hold. Two words where a `Cow<str>` is three: a text is three
/// words, and an `Option` of one too, which makes an infobox field 104 bytes (128 when
/// a text was four words, 152 when five).
#[derive(Clone)]
enum Raw<'a> {
    Borrowed(&'a str),
    Spilled(Box<Spilled<'a>>),
}

/// What a text [`StartAndStyle`] cannot describe holds: its raw text, its span's end and
/// its style.
#[derive(Clone)]
struct Spilled<'a> {
    raw: Cow<'a, str>,
    end: u32,
    style: Style,
}

impl std::ops::Deref for Raw<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match self {
            Raw::Borrowed(raw) => raw,
            Raw::Spilled(spilled) => &spilled.raw,
        }
    }
}

/// A text's span start (the low 32 bits) and its style (the high 32): the [`Style`]'s
/// variant in the lowest three bits of those, the chomping in the next two, then 27 bits
/// that are, for a block (`|`, `>`), its indentation, and otherwise how many bytes the
/// span has beyond the raw text (the quotes: 2). A block's raw text is its whole span.
/// Never zero (the variants start at 1): an `Option<Text>` takes no more room than a
/// `Text`. For a spilled text only the variant is kept (to tell quickly whether the raw
/// text is the value), the rest being in [`Spilled`].
#[derive(Clone, Copy, PartialEq, Eq)]
struct StartAndStyle(NonZeroU64);

impl StartAndStyle {
    const BARE: u32 = 1;
    const VERBATIM: u32 = 2;
    const PLAIN: u32 = 3;
    const SINGLE_QUOTED: u32 = 4;
    const DOUBLE_QUOTED: u32 = 5;
    const LITERAL: u32 = 6;
    const FOLDED: u32 = 7;
    /// The bits of the indentation or of the span's bytes beyond the raw text.
    const PAYLOAD_BITS: u32 = 27;

    /// An empty bare text at 0.
    const EMPTY: StartAndStyle = match NonZeroU64::new((Self::BARE as u64) << 32) {
        Some(bits) => StartAndStyle(bits),
        None => panic!("a variant is not zero"),
    };

    #[inline]
    fn word(start: usize, style: u32) -> StartAndStyle {
        let bits = start as u64 & 0xffff_ffff | u64::from(style) << 32;
        // (Every variant is at least 1.)
        StartAndStyle(NonZeroU64::new(bits).unwrap_or(NonZeroU64::MIN))
    }

    /// `span` and `style` for a raw text of `raw_len` bytes, if the word can hold them.
    #[inline]
    fn pack(span: &Range<usize>, raw_len: usize, style: Style) -> Option<StartAndStyle> {
        let beyond = span.end.checked_sub(span.start)?.checked_sub(raw_len)?;
        let fits = |n: usize| n < 1 << Self::PAYLOAD_BITS;
        let style = match style {
            Style::Literal { indent, chomp } | Style::Folded { indent, chomp } => {
                if beyond != 0 || !fits(indent as usize) {
                    return None;
                }
                Self::variant(style) | (chomp as u32) << 3 | indent << 5
            }
            _ if !fits(beyond) => return None,
            _ => Self::variant(style) | (beyond as u32) << 5,
        };
        Some(Self::word(span.start, style))
    }

    /// The word of a spilled text: its start, and its style's variant alone.
    #[inline]
    fn spilled(start: usize, style: Style) -> StartAndStyle {
        Self::word(start, Self::variant(style))
    }

    #[inline]
    fn variant(style: Style) -> u32 {
        match style {
            Style::Bare => Self::BARE,
            Style::Verbatim => Self::VERBATIM,
            Style::Plain => Self::PLAIN,
            Style::SingleQuoted => Self::SINGLE_QUOTED,
            Style::DoubleQuoted => Self::DOUBLE_QUOTED,
            Style::Literal { .. } => Self::LITERAL,
            Style::Folded { .. } => Self::FOLDED,
        }
    }

    #[inline]
    fn start(self) -> usize {
        (self.0.get() & 0xffff_ffff) as usize
    }

    #[inline]
    fn style_bits(self) -> u32 {
        (self.0.get() >> 32) as u32
    }

    /// Whether the raw text is the value (`Bare` or `Verbatim`).
    #[inline]
    fn is_raw(self) -> bool {
        self.style_bits() & 7 <= Self::VERBATIM
    }

    /// The span's end for a raw text of `raw_len` bytes (not for a spilled text).
    #[inline]
    fn end(self, raw_len: usize) -> usize {
        let bits = self.style_bits();
        let beyond = if bits & 7 >= Self::LITERAL {
            0
        } else {
            (bits >> 5) as usize
        };
        self.start() + raw_len + beyond
    }

    /// The style (not for a spilled text).
    #[inline]
    fn style(self) -> Style {
        let bits = self.style_bits();
        let indent = bits >> 5;
        let chomp = match (bits >> 3) & 3 {
            0 => Chomp::Strip,
            1 => Chomp::Clip,
            _ => Chomp::Keep,
        };
        match bits & 7 {
            Self::BARE => Style::Bare,
            Self::VERBATIM => Style::Verbatim,
            Self::PLAIN => Style::Plain,
            Self::SINGLE_QUOTED => Style::SingleQuoted,
            Self::DOUBLE_QUOTED => Style::DoubleQuoted,
            Self::LITERAL => Style::Literal { indent, chomp },
            _ => Style::Folded { indent, chomp },
        }
    }
}

impl<'a> Text<'a> {
    /// An empty text at offset 0, for values built in place.
    pub(crate) const EMPTY: Text<'static> = Text {
        raw: Raw::Borrowed(""),
        start_and_style: StartAndStyle::EMPTY,
    };

    #[inline]
    pub(crate) fn new(raw: &'a str, span: Range<usize>, style: Style) -> Text<'a> {
        match StartAndStyle::pack(&span, raw.len(), style) {
            Some(start_and_style) => Text {
                raw: Raw::Borrowed(raw),
                start_and_style,
            },
            None => Text::spilled(Cow::Borrowed(raw), span, style),
        }
    }

    /// A plain scalar (`Bare`, or `Plain` when `multi_line`) whose raw slice, from
    /// `start`, is its whole span: [`Text::new`] with nothing to check.
    #[inline]
    pub(crate) fn unquoted(raw: &'a str, start: usize, multi_line: bool) -> Text<'a> {
        let variant = if multi_line {
            StartAndStyle::PLAIN
        } else {
            StartAndStyle::BARE
        };
        Text {
            raw: Raw::Borrowed(raw),
            start_and_style: StartAndStyle::word(start, variant),
        }
    }

    /// A quoted scalar (`Verbatim`, `SingleQuoted` or `DoubleQuoted`) whose raw slice is
    /// the inside of its quotes, the opening one at `start`.
    #[inline]
    pub(crate) fn quoted(raw: &'a str, start: usize, style: Style) -> Text<'a> {
        debug_assert!(matches!(
            style,
            Style::Verbatim | Style::SingleQuoted | Style::DoubleQuoted
        ));
        Text {
            raw: Raw::Borrowed(raw),
            start_and_style: StartAndStyle::word(start, StartAndStyle::variant(style) | 2 << 5),
        }
    }

    #[cold]
    fn spilled(raw: Cow<'a, str>, span: Range<usize>, style: Style) -> Text<'a> {
        Text {
            raw: Raw::Spilled(Box::new(Spilled {
                raw,
                end: span.end as u32,
                style,
            })),
            start_and_style: StartAndStyle::spilled(span.start, style),
        }
    }

    /// A text that owns an already-decoded value (used by the YAML fallback): a string, or
    /// when `bare`, a value whose meaning is resolved from its text.
    pub(crate) fn owned(value: String, span: Range<usize>, bare: bool) -> Text<'static> {
        let style = if bare { Style::Bare } else { Style::Verbatim };
        Text::spilled(Cow::Owned(value), span, style)
    }

    /// The raw text and how it is written.
    pub(crate) fn raw(&self) -> (&str, Style) {
        (&self.raw, self.style())
    }

    fn style(&self) -> Style {
        match &self.raw {
            Raw::Borrowed(_) => self.start_and_style.style(),
            Raw::Spilled(spilled) => spilled.style,
        }
    }

    /// The decoded value: borrowed when the source holds it as is, built otherwise.
    #[inline]
    pub fn decode(&self) -> Cow<'_, str> {
        if self.start_and_style.is_raw() {
            Cow::Borrowed(&self.raw)
        } else {
            self.decode_slow()
        }
    }

    #[cold]
    fn decode_slow(&self) -> Cow<'_, str> {
        let raw: &str = &self.raw;
        match self.style() {
            Style::Bare | Style::Verbatim => Cow::Borrowed(raw),
            Style::Plain => Cow::Owned(fold_flow(raw, Escapes::None)),
            Style::SingleQuoted => Cow::Owned(fold_flow(raw, Escapes::Single)),
            Style::DoubleQuoted => Cow::Owned(fold_flow(raw, Escapes::Double)),
            Style::Literal { indent, chomp } => Cow::Owned(block(raw, indent, chomp, false)),
            Style::Folded { indent, chomp } => Cow::Owned(block(raw, indent, chomp, true)),
        }
    }

    /// The value as a `&str` of the input, when no decoding is needed: the common case
    /// (`None` for quoted scalars with escapes, blocks and multi-line plain scalars, whose
    /// value [`Text::decode`] builds).
    ///
    /// ```
    /// let doc = wikimd::parse("---\ntitle: Mali\ndescription: \"a\\tb\"\n---\n").unwrap();
    /// assert_eq!(doc.title().unwrap().as_str(), Some("Mali"));
    /// assert_eq!(doc.description().unwrap().as_str(), None);
    /// assert_eq!(doc.description().unwrap().decode(), "a\tb");
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        self.start_and_style.is_raw().then_some(&*self.raw)
    }

    /// Whether [`decode`](Text::decode) has to build a new string.
    pub fn needs_decoding(&self) -> bool {
        !self.start_and_style.is_raw()
    }

    /// Byte span of the value as written in the input.
    pub fn span(&self) -> Range<usize> {
        let start = self.start_and_style.start();
        match &self.raw {
            Raw::Borrowed(raw) => start..self.start_and_style.end(raw.len()),
            Raw::Spilled(spilled) => start..spilled.end as usize,
        }
    }

    /// A copy that owns its text and no longer borrows the input.
    pub fn into_owned(self) -> Text<'static> {
        let span = self.span();
        let style = self.style();
        let raw = match self.raw {
            Raw::Borrowed(raw) => raw.to_owned(),
            Raw::Spilled(spilled) => spilled.raw.into_owned(),
        };
        Text::spilled(Cow::Owned(raw), span, style)
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{:?}", self.decode(), self.span())
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.decode())
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.decode() == other.decode()
    }
}

impl Eq for Text<'_> {}

impl std::hash::Hash for Text<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.decode().hash(state);
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.decode() == other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.decode() == *other
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.decode())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    None,
    Single,
    Double,
}

/// Folds a flow scalar (plain or the inside of quotes): white space around each line break
/// is removed, a single line break becomes a space, `n + 1` line breaks become `n`.
///
/// It jumps from one byte that matters to the next (a line feed, and the quote or the
/// backslash that starts an escape) with `memchr`, where a loop over every byte cost
/// about six instructions a byte: the long infobox values the YAML writer wrapped over
/// several lines are the common case. The tests check it against that loop.
fn fold_flow(raw: &str, escapes: Escapes) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    let mut run = 0; // start of the text not yet written
    loop {
        let rest = &bytes[i..];
        let found = match escapes {
            Escapes::None => memchr::memchr(b'\n', rest),
            Escapes::Single => memchr::memchr2(b'\n', b'\'', rest),
            Escapes::Double => memchr::memchr2(b'\n', b'\\', rest),
        };
        let Some(offset) = found else {
            break;
        };
        i += offset;
        match bytes[i] {
            b'\n' => {
                // The line's text without the white space that ends it (the text written
                // before `run`, an escape's or a fold's, stays).
                let line = &raw[run..i];
                out.push_str(line.trim_end_matches([' ', '\t', '\r']));
                let mut breaks = 0;
                i += 1;
                loop {
                    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
                        i += 1;
                    }
                    if i < bytes.len() && bytes[i] == b'\n' {
                        breaks += 1;
                        i += 1;
                    } else {
                        break;
                    }
                }
                if breaks == 0 {
                    out.push(' ');
                } else {
                    out.extend(std::iter::repeat_n('\n', breaks));
                }
                run = i;
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => {
                out.push_str(&raw[run..=i]);
                i += 2;
                run = i;
            }
            b'\\' if i + 1 < bytes.len() => {
                out.push_str(&raw[run..i]);
                let (consumed, decoded) = double_escape(&raw[i + 1..]);
                i += 1 + consumed;
                match decoded {
                    Some(c) => out.push(c),
                    None => {
                        // An escaped line break: nothing, and the next line's indentation
                        // goes; each empty line after it is a line feed (YAML 7.3.1).
                        loop {
                            let mut j = i;
                            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                                j += 1;
                            }
                            if bytes.get(j) == Some(&b'\n') {
                                out.push('\n');
                                i = j + 1;
                            } else {
                                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                                    i += 1;
                                }
                                break;
                            }
                        }
                    }
                }
                run = i;
            }
            // A quote or a backslash that starts no escape: text.
            _ => i += 1,
        }
    }
    out.push_str(&raw[run..]);
    out
}

/// Decodes one escape (the text after the `\`): bytes consumed and the character, or
/// `None` for an escaped line break. Invalid escapes were rejected by the scanner; here
/// they decode to U+FFFD so that decoding never fails.
pub(crate) fn double_escape(rest: &str) -> (usize, Option<char>) {
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return (0, Some('\u{FFFD}'));
    };
    let simple = match c {
        '0' => '\0',
        'a' => '\u{07}',
        'b' => '\u{08}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{0B}',
        'f' => '\u{0C}',
        'r' => '\r',
        'e' => '\u{1B}',
        ' ' => ' ',
        '"' => '"',
        '/' => '/',
        '\\' => '\\',
        'N' => '\u{85}',
        '_' => '\u{A0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        '\n' => return (1, None),
        '\r' if rest.as_bytes().get(1) == Some(&b'\n') => return (2, None),
        'x' | 'u' | 'U' => {
            let len = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex = rest.get(1..1 + len).unwrap_or("");
            let value = if hex.len() == len && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else {
                None
            };
            return match value {
                Some(ch) => (1 + len, Some(ch)),
                None => (c.len_utf8(), Some('\u{FFFD}')),
            };
        }
        other => return (other.len_utf8(), Some('\u{FFFD}')),
    };
    (1, Some(simple))
}

/// Whether `rest` (the text after a `\`) starts with a valid double-quoted escape.
pub(crate) fn valid_double_escape(rest: &str) -> bool {
    match rest.as_bytes().first() {
        Some(b'x' | b'u' | b'U') => {
            let (_, c) = double_escape(rest);
            c != Some('\u{FFFD}')
        }
        Some(_) => !matches!(double_escape(rest), (_, Some('\u{FFFD}'))),
        None => false,
    }
}

/// Decodes a block scalar. `raw` starts with the header line (`|-`, `>` …).
fn block(raw: &str, indent: u32, chomp: Chomp, folded: bool) -> String {
    let content = raw.find('\n').map_or("", |i| &raw[i + 1..]);
    let indent = indent as usize;
    let mut out = String::with_capacity(content.len());
    let mut empties = 0usize;
    let mut previous: Option<bool> = None; // Some(more_indented) once a line was written
    for line in content.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = if line.len() >= indent && line.is_char_boundary(indent) {
            &line[indent..]
        } else {
            ""
        };
        if line.is_empty() {
            empties += 1;
            continue;
        }
        let more = line.starts_with([' ', '\t']);
        match previous {
            None => out.extend(std::iter::repeat_n('\n', empties)),
            Some(previous_more) => {
                if folded && !previous_more && !more {
                    if empties == 0 {
                        out.push(' ');
                    } else {
                        out.extend(std::iter::repeat_n('\n', empties));
                    }
                } else {
                    out.extend(std::iter::repeat_n('\n', empties + 1));
                }
            }
        }
        out.push_str(line);
        previous = Some(more);
        empties = 0;
    }
    // `content` split leaves one empty piece after a final line break, or for no content
    // at all: not an empty line.
    if content.ends_with('\n') || content.is_empty() {
        empties = empties.saturating_sub(1);
    }
    match (chomp, previous.is_some()) {
        (Chomp::Strip, _) | (Chomp::Clip, false) => {}
        (Chomp::Clip, true) => out.push('\n'),
        (Chomp::Keep, true) => out.extend(std::iter::repeat_n('\n', empties + 1)),
        (Chomp::Keep, false) => out.extend(std::iter::repeat_n('\n', empties)),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every style, with spans the word holds and spans it does not (a span's end before
    /// its start, a raw text longer than its span, an indentation or quotes of 2^27 bytes
    /// or more: spilled), reads back as it was given, owned or not.
    #[test]
    fn texts_give_back_their_span_and_style() {
        let mut styles = vec![
            Style::Bare,
            Style::Verbatim,
            Style::Plain,
            Style::SingleQuoted,
            Style::DoubleQuoted,
        ];
        for chomp in [Chomp::Strip, Chomp::Clip, Chomp::Keep] {
            for indent in [0, 1, 7, (1 << 27) - 1, 1 << 27, u32::MAX] {
                styles.push(Style::Literal { indent, chomp });
                styles.push(Style::Folded { indent, chomp });
            }
        }
        let limit = u32::MAX as usize;
        let big = 1 << 27;
        let spans = [
            0..0,
            3..9,
            3..11,
            0..limit,
            limit..limit,
            #[allow(clippy::reversed_empty_ranges)]
            (9..3),
            0..big - 1 + 6,
            0..big + 6,
        ];
        let mut spilled = 0;
        for style in styles {
            for span in spans.clone() {
                for raw in ["", "a", "abcdef"] {
                    let text = Text::new(raw, span.clone(), style);
                    spilled += usize::from(matches!(text.raw, Raw::Spilled(_)));
                    for text in [text.clone(), text.into_owned()] {
                        assert_eq!(text.span(), span, "{style:?} {raw:?}");
                        assert_eq!(text.raw(), (raw, style), "{span:?}");
                        assert_eq!(
                            text.as_str().is_some(),
                            matches!(style, Style::Bare | Style::Verbatim)
                        );
                    }
                }
            }
        }
        assert!(spilled > 0);
        // The usual texts are not spilled: a bare word, a quoted one, a block.
        for (raw, span, style) in [
            ("Mali", 7..11, Style::Bare),
            ("a\\tb", 7..13, Style::DoubleQuoted),
            (
                "|-\n  a\n",
                7..14,
                Style::Literal {
                    indent: 2,
                    chomp: Chomp::Strip,
                },
            ),
        ] {
            assert!(matches!(Text::new(raw, span, style).raw, Raw::Borrowed(_)));
        }
        // The constructors that check nothing give what `new` gives.
        for (raw, start) in [("", 0), ("Mali", 7), ("a b", u32::MAX as usize - 3)] {
            for multi_line in [false, true] {
                let style = if multi_line {
                    Style::Plain
                } else {
                    Style::Bare
                };
                let text = Text::unquoted(raw, start, multi_line);
                assert_eq!(text.span(), start..start + raw.len());
                assert_eq!(text.raw(), (raw, style));
            }
            for style in [Style::Verbatim, Style::SingleQuoted, Style::DoubleQuoted] {
                let text = Text::quoted(raw, start, style);
                assert_eq!(text.span(), start..start + raw.len() + 2);
                assert_eq!(text.raw(), (raw, style));
            }
        }
        if cfg!(target_pointer_width = "64") {
            assert_eq!(std::mem::size_of::<Text<'_>>(), 24);
            assert_eq!(std::mem::size_of::<Option<Text<'_>>>(), 24);
        }
    }

    /// The first `fold_flow`, a byte at a time: the reference the one that jumps is
    /// checked against.
    fn fold_flow_reference(raw: &str, escapes: Escapes) -> String {
        let bytes = raw.as_bytes();
        let mut out = String::with_capacity(raw.len());
        // Length of `out` up to its last character that is not foldable white space.
        let mut keep = 0;
        let mut i = 0;
        let mut run = 0; // start of the current run of ordinary bytes
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'\n' => {
                    out.push_str(&raw[run..i]);
                    let trimmed = out[keep..].trim_start_matches([' ', '\t', '\r']);
                    if trimmed.is_empty() {
                        out.truncate(keep);
                    }
                    let mut breaks = 0;
                    i += 1;
                    loop {
                        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
                            i += 1;
                        }
                        if i < bytes.len() && bytes[i] == b'\n' {
                            breaks += 1;
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    if breaks == 0 {
                        out.push(' ');
                    } else {
                        out.extend(std::iter::repeat_n('\n', breaks));
                    }
                    keep = out.len();
                    run = i;
                }
                b' ' | b'\t' | b'\r' => i += 1,
                b'\'' if escapes == Escapes::Single && bytes.get(i + 1) == Some(&b'\'') => {
                    out.push_str(&raw[run..=i]);
                    i += 2;
                    keep = out.len();
                    run = i;
                }
                b'\\' if escapes == Escapes::Double && i + 1 < bytes.len() => {
                    out.push_str(&raw[run..i]);
                    let (consumed, decoded) = double_escape(&raw[i + 1..]);
                    i += 1 + consumed;
                    match decoded {
                        Some(c) => out.push(c),
                        None => {
                            // An escaped line break: nothing, and the next line's indentation
                            // goes; each empty line after it is a line feed (YAML 7.3.1).
                            loop {
                                let mut j = i;
                                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                                    j += 1;
                                }
                                if bytes.get(j) == Some(&b'\n') {
                                    out.push('\n');
                                    i = j + 1;
                                } else {
                                    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                                        i += 1;
                                    }
                                    break;
                                }
                            }
                        }
                    }
                    keep = out.len();
                    run = i;
                }
                _ => {
                    i += 1;
                    keep = out.len() + (i - run);
                }
            }
        }
        out.push_str(&raw[run..]);
        out
    }

    proptest::proptest! {
        #[test]
        fn fold_flow_is_the_byte_loop(
            raw in "[ a\t\r\n'\\\\\"xuU0-9Aé]{0,32}",
            escapes in 0..3u8,
        ) {
            let escapes = [Escapes::None, Escapes::Single, Escapes::Double][usize::from(escapes)];
            proptest::prop_assert_eq!(fold_flow(&raw, escapes), fold_flow_reference(&raw, escapes));
        }
    }

    #[test]
    fn fold_flow_is_the_byte_loop_on_lines_the_writer_wraps() {
        for raw in [
            "",
            "\n",
            "a \t\r\n \n\n  b  ",
            "Spēļu ģeņerators\n  un vēl\n\n\n  trīs  \n",
            "It''s\n  ''here'' '\n'",
            "a\\\n   b\\\n\n  c\\",
            "\\x41\\u00e9 \\U0001F1EB\\ \\\r\n x",
            "tail \t",
        ] {
            for escapes in [Escapes::None, Escapes::Single, Escapes::Double] {
                assert_eq!(
                    fold_flow(raw, escapes),
                    fold_flow_reference(raw, escapes),
                    "{raw:?}"
                );
            }
        }
    }

    #[test]
    fn folds_plain_lines() {
        assert_eq!(fold_flow("a\n  b\n\n  c", Escapes::None), "a b\nc");
        assert_eq!(fold_flow("a  \n  b", Escapes::None), "a b");
    }

    #[test]
    fn decodes_double_quoted() {
        assert_eq!(fold_flow(r#"a\"b\u00e9\x41"#, Escapes::Double), "a\"béA");
        assert_eq!(fold_flow("ab\\\n   cd", Escapes::Double), "abcd");
        assert_eq!(fold_flow("a\\t\n b", Escapes::Double), "a\t b");
    }

    #[test]
    fn decodes_single_quoted() {
        assert_eq!(fold_flow("It''s\n  here", Escapes::Single), "It's here");
    }

    #[test]
    fn decodes_blocks() {
        let lit = "|-\n  a\n\n  b\n";
        assert_eq!(block(lit, 2, Chomp::Strip, false), "a\n\nb");
        assert_eq!(block(lit, 2, Chomp::Clip, false), "a\n\nb\n");
        let folded = ">-\n  a\n  b\n\n  c\n   d\n  e";
        assert_eq!(block(folded, 2, Chomp::Strip, true), "a b\nc\n d\ne");
        assert_eq!(block("|+\n  a\n\n\n", 2, Chomp::Keep, false), "a\n\n\n");
    }
}
