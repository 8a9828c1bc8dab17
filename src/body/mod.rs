//! The Markdown body: sections, paragraphs, lists, tables and figures.
//!
//! The body is read as CommonMark with GFM tables into borrowed structures whose spans are
//! offsets into the whole input. Raw HTML is read back as literal text. Lists end where
//! the writer ended them (see [`ListEnd`]): a lazy continuation line of a list item starts
//! a new block.
//!
//! Two readers feed one builder. The fast path (`fast`) is a block scanner for what
//! wtf_wikipedia writes — ATX headings, paragraphs, tight bullet lists, GFM tables, image
//! lines — that reads a line at a time and looks at inline text only where a byte that can
//! start inline syntax occurs. Any block it is not certain of goes to the general path:
//! pulldown-cmark, from that block to the next line that starts a block afresh, in
//! consecutive segments each with a parser of its own (which is how lists end where
//! written, without copying). Both give the same model for every input: a property test
//! and the `body` fuzz target compare them ([`view`]).
//!
//! The model (sections, blocks, inlines) is here; how it is read is in rooms of its own:
//! `fast` (the block scanner), `emphasis` (its matching of `*` and `_` runs, pulldown-cmark's
//! step for step), `segments` (the list-ending pre-scan that cuts the general
//! path's part into segments), `references` (the document-wide reference definitions),
//! `parser_input` (what pulldown-cmark is given: raw HTML masked so that it reads as
//! text), `builder` (the model built from the events of either reader) and `serialize`
//! (the `sections` of the JSON).

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use pulldown_cmark::CowStr;

use crate::document::take_boxed;
use crate::error::{Error, ErrorKind};
use crate::options::{ListEnd, ParseOptions};

mod builder;
mod emphasis;
mod fast;
mod letters;
mod parser_input;
mod references;
mod segments;
#[cfg(feature = "serde")]
mod serialize;

pub(crate) use builder::{parse, Path};

/// A byte span stored as two `u32` (documents are limited to 4 GiB): the model's values
/// are smaller for it, and a document of many small blocks is much smaller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Every piece of an inline, as a range of pieces.
    const ALL: Span = Span {
        start: 0,
        end: u32::MAX,
    };

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span {
            start: range.start as u32,
            end: range.end as u32,
        }
    }
}

/// One piece of inline text.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'a> {
    /// Text (a slice of the input, or decoded from an entity or escape).
    Text(CowStr<'a>),
    /// A line break inside the block: one space in the plain text.
    Break,
    /// The boundary between two blocks of a list item.
    Block,
}

/// How an inline text is kept. Most paragraphs, items and cells are one slice of the input
/// without formatting or links: that case is the slice and the span, and needs no
/// allocation. The rest is behind one pointer, in slices of exactly their length. Either
/// way an inline is three words (the pointer of the second case sits where the first
/// case's slice cannot be null): a table of short cells holds thousands.
#[derive(Debug, Clone)]
enum Repr<'a> {
    Plain { text: &'a str, span: Span },
    Rich(Box<Rich<'a>>),
}

/// An inline text that is more than one borrowed piece.
#[derive(Debug, Clone)]
struct Rich<'a> {
    parts: Parts<'a>,
    span: Span,
}

/// The pieces of an inline text, and the formatting and links over them.
#[derive(Debug, Clone)]
enum Parts<'a> {
    /// One piece with at most one style and no link (`*A title*`, an entity): most
    /// formatted cells and items, in one allocation.
    One {
        piece: Piece<'a>,
        style: Option<Styled>,
    },
    /// Two or three pieces of text borrowed from the input, with at most one style and
    /// no link (`*a* b`, `a *b* c`): in the one allocation, as where they are in the
    /// input, where their slice took an allocation of its own (a sixth of a German
    /// article's allocations) and their texts would make every rich inline larger.
    Short {
        /// The input from the first text's start to the last one's end.
        base: &'a str,
        /// Each text's start and end in `base`.
        bounds: [[u16; 2]; 3],
        len: u8,
        style: Option<Styled>,
    },
    /// More pieces with at most one style and no link (a lead paragraph with its title in
    /// bold): two allocations.
    Few {
        pieces: Box<[Piece<'a>]>,
        style: Option<Styled>,
    },
    Many {
        pieces: Box<[Piece<'a>]>,
        styles: Box<[Styled]>,
        links: Box<[InlineLink<'a>]>,
    },
}

impl<'a> Parts<'a> {
    /// Calls `f` with the pieces (a short inline's made on the stack).
    fn with_pieces<R>(&self, f: impl FnOnce(&[Piece<'a>]) -> R) -> R {
        match self {
            Parts::One { piece, .. } => f(std::slice::from_ref(piece)),
            Parts::Short {
                base, bounds, len, ..
            } => {
                let pieces =
                    short_texts(base, bounds).map(|text| Piece::Text(CowStr::Borrowed(text)));
                f(&pieces[..usize::from(*len)])
            }
            Parts::Few { pieces, .. } | Parts::Many { pieces, .. } => f(pieces),
        }
    }

    fn styles(&self) -> &[Styled] {
        match self {
            Parts::One { style, .. } | Parts::Short { style, .. } | Parts::Few { style, .. } => {
                style.as_slice()
            }
            Parts::Many { styles, .. } => styles,
        }
    }

    fn links(&self) -> &[InlineLink<'a>] {
        match self {
            Parts::One { .. } | Parts::Short { .. } | Parts::Few { .. } => &[],
            Parts::Many { links, .. } => links,
        }
    }

    fn into_owned(self) -> Parts<'static> {
        match self {
            Parts::One { piece, style } => Parts::One {
                piece: piece.into_owned(),
                style,
            },
            // (Owned, the texts are pieces of their own.)
            Parts::Short {
                base,
                bounds,
                len,
                style,
            } => Parts::Few {
                pieces: short_texts(base, &bounds)[..usize::from(len)]
                    .iter()
                    .map(|text| Piece::Text(CowStr::Boxed((*text).into())))
                    .collect(),
                style,
            },
            Parts::Few { pieces, style } => Parts::Few {
                pieces: pieces
                    .into_vec()
                    .into_iter()
                    .map(Piece::into_owned)
                    .collect(),
                style,
            },
            Parts::Many {
                pieces,
                styles,
                links,
            } => Parts::Many {
                pieces: pieces
                    .into_vec()
                    .into_iter()
                    .map(Piece::into_owned)
                    .collect(),
                styles,
                links: (links.into_vec().into_iter())
                    .map(InlineLink::into_owned)
                    .collect(),
            },
        }
    }
}

impl<'a> Repr<'a> {
    /// The inline of `pieces` at `span`, with `styles` and `links` over them, each
    /// drained (the vectors keep their room, for the next inline a builder reads).
    fn take(
        src: &'a str,
        pieces: &mut Vec<Piece<'a>>,
        styles: &mut Vec<Styled>,
        links: &mut Vec<InlineLink<'a>>,
        span: Span,
    ) -> Repr<'a> {
        let parts = match (pieces.len(), styles.len(), links.len()) {
            (0, 0, 0) => return Repr::Plain { text: "", span },
            (1, 0, 0) | (1, 1, 0) => {
                let piece = pieces.pop().expect("one piece");
                let style = styles.pop();
                if let (Piece::Text(CowStr::Borrowed(text)), None) = (&piece, &style) {
                    return Repr::Plain { text, span };
                }
                Parts::One { piece, style }
            }
            (2..=3, 0 | 1, 0) => match short_bounds(src, pieces) {
                Some((base, bounds)) => {
                    let len = pieces.len() as u8;
                    pieces.clear();
                    Parts::Short {
                        base,
                        bounds,
                        len,
                        style: styles.pop(),
                    }
                }
                None => Parts::Few {
                    pieces: take_boxed(pieces),
                    style: styles.pop(),
                },
            },
            (_, 0 | 1, 0) => Parts::Few {
                pieces: take_boxed(pieces),
                style: styles.pop(),
            },
            _ => Parts::Many {
                pieces: take_boxed(pieces),
                styles: take_boxed(styles),
                links: take_boxed(links),
            },
        };
        Repr::Rich(Box::new(Rich { parts, span }))
    }

    /// Calls `f` with the pieces (a borrowed text as one piece, made on the stack).
    fn with_pieces<R>(&self, f: impl FnOnce(&[Piece<'a>]) -> R) -> R {
        match self {
            Repr::Plain { text: "", .. } => f(&[]),
            Repr::Plain { text, .. } => f(&[Piece::Text(CowStr::Borrowed(text))]),
            Repr::Rich(rich) => rich.parts.with_pieces(f),
        }
    }

    fn span(&self) -> Span {
        match self {
            Repr::Plain { span, .. } => *span,
            Repr::Rich(rich) => rich.span,
        }
    }

    /// The plain text of the pieces `range` (clamped to the pieces there are), trimmed or
    /// not.
    fn text_of(&self, range: Span, trim: bool) -> Cow<'_, str> {
        let parts = self.parts(range);
        if let Some(text) = parts.slice(trim) {
            return Cow::Borrowed(text);
        }
        let mut out = String::new();
        match parts.join(trim, &mut out) {
            within if within.len() == out.len() => Cow::Owned(out),
            within => Cow::Owned(out[within].to_string()),
        }
    }

    /// What the plain text of the pieces `range` (clamped to the pieces there are) is made
    /// of.
    #[inline]
    fn parts(&self, range: Span) -> TextParts<'_, 'a> {
        match self {
            Repr::Plain { text, .. } => TextParts::Slice(if range.start == 0 && range.end >= 1 {
                text
            } else {
                ""
            }),
            Repr::Rich(rich) => match &rich.parts {
                Parts::One { piece, .. } => TextParts::pieces(std::slice::from_ref(piece), range),
                Parts::Short {
                    base, bounds, len, ..
                } => {
                    let end = (range.end as usize).min(usize::from(*len));
                    let start = (range.start as usize).min(end);
                    TextParts::Short(short_texts(base, bounds), start..end)
                }
                Parts::Few { pieces, .. } | Parts::Many { pieces, .. } => {
                    TextParts::pieces(pieces, range)
                }
            },
        }
    }

    fn styles(&self) -> &[Styled] {
        match self {
            Repr::Rich(rich) => rich.parts.styles(),
            Repr::Plain { .. } => &[],
        }
    }

    fn links(&self) -> &[InlineLink<'a>] {
        match self {
            Repr::Rich(rich) => rich.parts.links(),
            Repr::Plain { .. } => &[],
        }
    }

    /// A copy that no longer borrows the input: text that is not empty becomes one owned
    /// piece.
    fn into_owned(self) -> Repr<'static> {
        match self {
            Repr::Plain { text: "", span } => Repr::Plain { text: "", span },
            Repr::Plain { text, span } => Repr::Rich(Box::new(Rich {
                parts: Parts::One {
                    piece: Piece::Text(CowStr::Boxed(text.into())),
                    style: None,
                },
                span,
            })),
            Repr::Rich(rich) => Repr::Rich(Box::new(Rich {
                parts: rich.parts.into_owned(),
                span: rich.span,
            })),
        }
    }
}

impl Piece<'_> {
    fn into_owned(self) -> Piece<'static> {
        match self {
            Piece::Text(t) => Piece::Text(t.into_static()),
            Piece::Break => Piece::Break,
            Piece::Block => Piece::Block,
        }
    }
}

/// Bold or italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Emphasis {
    /// `*italic*`
    Italic,
    /// `**bold**`
    Bold,
}

/// A bold or italic stretch of inline text.
#[derive(Debug, Clone, PartialEq)]
pub struct Styled {
    kind: Emphasis,
    span: Span,
    /// The pieces of the [`Inline`] it covers.
    pieces: Span,
}

impl Styled {
    /// Bold or italic.
    pub fn kind(&self) -> Emphasis {
        self.kind
    }

    /// Byte span of the stretch in the input, markers included.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }
}

/// A Markdown link inside inline text.
#[derive(Debug, Clone, PartialEq)]
pub struct InlineLink<'a> {
    url: CowStr<'a>,
    span: Span,
    /// The pieces of the [`Inline`] it covers.
    pieces: Span,
}

impl<'a> InlineLink<'a> {
    /// The destination, as written.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Byte span of the link in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    fn into_owned(self) -> InlineLink<'static> {
        InlineLink {
            url: self.url.into_static(),
            span: self.span,
            pieces: self.pieces,
        }
    }
}

/// Inline rich text: a paragraph, a list item, a table cell or a heading. Its plain text
/// (formatting removed, line breaks as spaces, trimmed) is produced on demand.
#[derive(Debug, Clone)]
pub struct Inline<'a> {
    repr: Repr<'a>,
}

impl PartialEq for Inline<'_> {
    /// The same pieces of text (borrowed or owned alike), styles, links and span.
    fn eq(&self, other: &Self) -> bool {
        self.repr.span() == other.repr.span()
            && self.styles() == other.styles()
            && self.links() == other.links()
            && self
                .repr
                .with_pieces(|a| other.repr.with_pieces(|b| a == b))
    }
}

impl Default for Inline<'_> {
    /// Empty text at 0..0.
    fn default() -> Self {
        Inline::empty(Span::default())
    }
}

impl<'a> Inline<'a> {
    /// Empty text at `span`.
    fn empty(span: Span) -> Self {
        Inline {
            repr: Repr::Plain { text: "", span },
        }
    }

    /// The plain text, trimmed. Borrowed from the input when it is one slice of it.
    pub fn text(&self) -> Cow<'_, str> {
        self.repr.text_of(Span::ALL, true)
    }

    /// Calls `f` with [`Inline::text`] (or, `trim` false, the text untrimmed); a text of
    /// several parts is joined in a buffer the thread keeps: serializing made a `String`
    /// for each such text and freed it.
    pub(crate) fn with_text<R>(&self, trim: bool, f: impl FnOnce(&str) -> R) -> R {
        /// The most room the buffer keeps between texts.
        const KEPT: usize = 1 << 16;
        thread_local! {
            static JOINED: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
        }
        let parts = self.repr.parts(Span::ALL);
        if let Some(text) = parts.slice(trim) {
            return f(text);
        }
        // The buffer is taken while the text is used (a text serialized inside `f` takes
        // an empty one) and given back after; at a thread's end, a new one.
        let mut out = JOINED.try_with(std::cell::Cell::take).unwrap_or_default();
        out.clear();
        let within = parts.join(trim, &mut out);
        let done = f(&out[within]);
        if out.capacity() <= KEPT {
            let _ = JOINED.try_with(|joined| joined.set(out));
        }
        done
    }

    /// Bold and italic stretches, in order.
    pub fn styles(&self) -> &[Styled] {
        self.repr.styles()
    }

    /// The plain text of a styled stretch of this text.
    pub fn styled_text(&self, styled: &Styled) -> Cow<'_, str> {
        self.repr.text_of(styled.pieces, true)
    }

    /// The bold stretches' plain text.
    pub fn bold(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.styles()
            .iter()
            .filter(|s| s.kind == Emphasis::Bold)
            .map(|s| self.styled_text(s))
    }

    /// The italic stretches' plain text.
    pub fn italic(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.styles()
            .iter()
            .filter(|s| s.kind == Emphasis::Italic)
            .map(|s| self.styled_text(s))
    }

    /// Markdown links, in order.
    pub fn links(&self) -> &[InlineLink<'a>] {
        self.repr.links()
    }

    /// The plain text of a link of this text.
    pub fn link_text(&self, link: &InlineLink<'_>) -> Cow<'_, str> {
        self.repr.text_of(link.pieces, true)
    }

    /// Byte span of the Markdown in the input.
    pub fn span(&self) -> Range<usize> {
        self.repr.span().range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Inline<'static> {
        Inline {
            repr: self.repr.into_owned(),
        }
    }
}

/// `text.trim()`, at once when the text starts and ends with a printable ASCII character
/// (most texts): `str::trim` reads characters from both ends to find Unicode's
/// whitespace, which cost 50 instructions a text.
fn trim_text(text: &str) -> &str {
    let printable = |b: Option<&u8>| matches!(b, Some(b'!'..=b'~'));
    let bytes = text.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// Two or three pieces, each a text that is a slice of `src`, within 64 kB of one another:
/// the input from the first one's start to the last one's end, and each text's start and
/// end in it (found from where the texts are in memory).
#[inline]
fn short_bounds<'a>(src: &'a str, pieces: &[Piece<'a>]) -> Option<(&'a str, [[u16; 2]; 3])> {
    let origin = src.as_ptr() as usize;
    // Where a piece's text is in `src`, if it is a slice of it.
    let at = |piece: &Piece<'a>| -> Option<(usize, usize)> {
        let Piece::Text(CowStr::Borrowed(text)) = piece else {
            return None;
        };
        let start = (text.as_ptr() as usize).checked_sub(origin)?;
        Some((start, start + text.len()))
    };
    let (start, _) = at(pieces.first()?)?;
    let (_, end) = at(pieces.last()?)?;
    if end > src.len() || end < start || end - start > usize::from(u16::MAX) {
        return None;
    }
    let base = src.get(start..end)?;
    let mut bounds = [[0u16; 2]; 3];
    for (bound, piece) in bounds.iter_mut().zip(pieces) {
        let (from, to) = at(piece)?;
        if from < start || to > end {
            return None;
        }
        *bound = [(from - start) as u16, (to - start) as u16];
    }
    Some((base, bounds))
}

/// The texts of a [`Parts::Short`] (the unused one empty).
fn short_texts<'a>(base: &'a str, bounds: &[[u16; 2]; 3]) -> [&'a str; 3] {
    bounds.map(|[start, end]| base.get(usize::from(start)..usize::from(end)).unwrap_or(""))
}

/// What a plain text is made of: one slice, some of a short inline's texts, or pieces
/// (breaks become one space, blocks are trimmed and joined with one space).
enum TextParts<'s, 'a> {
    Slice(&'s str),
    Short([&'s str; 3], Range<usize>),
    Pieces(&'s [Piece<'a>]),
}

impl<'s, 'a> TextParts<'s, 'a> {
    /// `pieces[range]`, clamped to the pieces there are.
    fn pieces(pieces: &'s [Piece<'a>], range: Span) -> Self {
        let end = (range.end as usize).min(pieces.len());
        let start = (range.start as usize).min(end);
        TextParts::Pieces(&pieces[start..end])
    }

    /// The text, trimmed or not, where it is one slice (nothing to join).
    #[inline]
    fn slice(&self, trim: bool) -> Option<&'s str> {
        let text = match self {
            TextParts::Slice(text) => text,
            TextParts::Short(texts, within) => match &texts[within.clone()] {
                [] => "",
                [text] => text,
                _ => return None,
            },
            TextParts::Pieces([]) => "",
            TextParts::Pieces([Piece::Text(text)]) => text,
            TextParts::Pieces(_) => return None,
        };
        Some(if trim { trim_text(text) } else { text })
    }

    /// Joins the text at the end of `out` and gives where it is there, trimmed or not.
    fn join(&self, trim: bool, out: &mut String) -> Range<usize> {
        let from = out.len();
        match self {
            TextParts::Slice(text) => out.push_str(text),
            TextParts::Short(texts, within) => {
                let texts = &texts[within.clone()];
                out.reserve(texts.iter().map(|t| t.len()).sum());
                texts.iter().for_each(|text| out.push_str(text));
            }
            TextParts::Pieces(pieces) => return join_pieces(pieces, trim, out),
        }
        trimmed_within(out, from, trim)
    }
}

/// Where `out[from..]` is, trimmed or not.
fn trimmed_within(out: &str, from: usize, trim: bool) -> Range<usize> {
    if !trim {
        return from..out.len();
    }
    let text = &out[from..];
    let trimmed = trim_text(text);
    let start = from + (trimmed.as_ptr() as usize - text.as_ptr() as usize);
    start..start + trimmed.len()
}

/// Joins pieces into plain text at the end of `out`: breaks become one space, blocks are
/// trimmed and joined with one space, and a text of one block is trimmed (or not). Gives
/// where the text is in `out`.
fn join_pieces(pieces: &[Piece<'_>], trim: bool, out: &mut String) -> Range<usize> {
    // Room for all of it at once, where the text grown piece by piece was reallocated as
    // it grew.
    let room = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.len(),
            Piece::Break | Piece::Block => 1,
        })
        .sum();
    out.reserve(room);
    let from = out.len();
    // The blocks before the current one, trimmed and joined, end at `joined`, where the
    // current block starts.
    let mut joined = from;
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Break => out.push(' '),
            Piece::Block => joined = join_block(out, from, joined),
        }
    }
    if joined == from {
        // No block before this one had text: this one is the text, trimmed or not.
        return trimmed_within(out, from, trim);
    }
    from..join_block(out, from, joined)
}

/// Moves the block `out[joined..]`, trimmed, to `joined` (after a space where a block
/// before it, from `from`, had text), or drops it where it has none; gives where the
/// joined blocks now end (`out`'s end).
fn join_block(out: &mut String, from: usize, joined: usize) -> usize {
    let text = trimmed_within(out, joined, true);
    if text.is_empty() {
        out.truncate(joined);
        return joined;
    }
    out.truncate(text.end);
    let space = if joined > from { " " } else { "" };
    out.replace_range(joined..text.start, space);
    out.len()
}

/// A list: its items' texts.
#[derive(Debug, Clone, PartialEq)]
pub struct List<'a> {
    /// (A boxed slice, and the start in 32 bits (CommonMark allows nine digits): a list is
    /// 32 bytes, and so is a [`Block`], where they were 48.)
    items: Box<[Inline<'a>]>,
    start: Option<u32>,
    span: Span,
}

/// The body rows of a [`Table`], from [`Table::rows`].
#[derive(Debug, Clone)]
pub struct Rows<'t, 'a> {
    table: &'t Table<'a>,
    next: usize,
}

impl<'t, 'a> Iterator for Rows<'t, 'a> {
    type Item = &'t [Inline<'a>];

    fn next(&mut self) -> Option<Self::Item> {
        let row = self.table.row(self.next)?;
        self.next += 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.table.row_count() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Rows<'_, '_> {}

impl<'t, 'a> IntoIterator for &'t Table<'a> {
    type Item = &'t [Inline<'a>];
    type IntoIter = Rows<'t, 'a>;

    fn into_iter(self) -> Rows<'t, 'a> {
        self.rows()
    }
}

impl<'t, 'a> IntoIterator for &'t List<'a> {
    type Item = &'t Inline<'a>;
    type IntoIter = std::slice::Iter<'t, Inline<'a>>;

    /// The items.
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for Inline<'_> {
    /// The plain text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl<'a> List<'a> {
    /// The items. An item's text is all its blocks' texts (nested lists included), each
    /// trimmed and joined with one space.
    pub fn items(&self) -> &[Inline<'a>] {
        &self.items
    }

    /// The first number of an ordered list; `None` for a bullet list.
    pub fn start(&self) -> Option<u64> {
        self.start.map(u64::from)
    }

    /// Byte span of the list in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> List<'static> {
        List {
            items: self
                .items
                .into_vec()
                .into_iter()
                .map(Inline::into_owned)
                .collect(),
            start: self.start,
            span: self.span,
        }
    }
}

/// A GFM table: a header row and body rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    /// The header's cells, then every body row's, in one allocation.
    cells: Box<[Inline<'a>]>,
    /// Where each body row starts in `cells` (the first, where the header ends).
    row_starts: Box<[u32]>,
    span: Span,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Table<'_>>() == 40);

impl<'a> Table<'a> {
    /// The header cells.
    pub fn header(&self) -> &[Inline<'a>] {
        &self.cells[..self.header_len()]
    }

    /// How many cells the header has: the first body row starts after them.
    fn header_len(&self) -> usize {
        self.row_starts
            .first()
            .map_or(self.cells.len(), |&start| start as usize)
    }

    /// The body rows. GFM cuts a row longer than the header and pads a shorter one with
    /// empty cells, so each has the header's width (serialization holds them to it too).
    /// `for row in &table` does the same.
    pub fn rows(&self) -> Rows<'_, 'a> {
        Rows {
            table: self,
            next: 0,
        }
    }

    /// Body row `i`.
    pub fn row(&self, i: usize) -> Option<&[Inline<'a>]> {
        let start = *self.row_starts.get(i)? as usize;
        let end = self
            .row_starts
            .get(i + 1)
            .map_or(self.cells.len(), |&e| e as usize);
        Some(&self.cells[start..end])
    }

    /// Number of body rows.
    pub fn row_count(&self) -> usize {
        self.row_starts.len()
    }

    /// Byte span of the table in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Table<'static> {
        Table {
            cells: self
                .cells
                .into_vec()
                .into_iter()
                .map(Inline::into_owned)
                .collect(),
            row_starts: self.row_starts,
            span: self.span,
        }
    }
}

/// An image on a line of its own.
///
/// ```
/// let doc = wikimd::parse("![A cat](https://wikipedia.org/wiki/Special:Redirect/file/Felis%2C_cat.jpg?)").unwrap();
/// let figure = doc.figures().next().unwrap();
/// assert_eq!(figure.alt(), "A cat");
/// assert_eq!(figure.file().unwrap(), "Felis,_cat.jpg");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Figure<'a> {
    alt: Inline<'a>,
    url: CowStr<'a>,
    span: Span,
}

const REDIRECT: &str = "https://wikipedia.org/wiki/Special:Redirect/file/";

impl<'a> Figure<'a> {
    /// The alt text (not trimmed).
    pub fn alt(&self) -> Cow<'_, str> {
        self.alt.repr.text_of(Span::ALL, false)
    }

    /// The image URL, exactly as written.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// For `https://wikipedia.org/wiki/Special:Redirect/file/NAME?`, NAME percent-decoded
    /// as UTF-8 (`+` stays `+`); otherwise `None`, also when NAME is empty, holds a `?`,
    /// has a `%` that two hexadecimal digits do not follow, or does not decode to UTF-8.
    ///
    /// ```
    /// let file = |url: &str| -> Option<String> {
    ///     let text = format!("![x]({url})");
    ///     let doc = wikimd::parse(&text).unwrap();
    ///     let file = doc.figures().next()?.file()?.into_owned();
    ///     Some(file)
    /// };
    /// let redirect = "https://wikipedia.org/wiki/Special:Redirect/file/";
    /// assert_eq!(file(&format!("{redirect}Caf%C3%A9.jpg?")).as_deref(), Some("Café.jpg"));
    /// assert_eq!(file(&format!("{redirect}Caf%E9.jpg?")), None); // not UTF-8
    /// assert_eq!(file(&format!("{redirect}A%ZZ.jpg?")), None);
    /// assert_eq!(file(&format!("{redirect}?")), None);
    /// assert_eq!(file("https://example.org/Cat.jpg"), None);
    /// ```
    pub fn file(&self) -> Option<Cow<'_, str>> {
        let name = self.url.strip_prefix(REDIRECT)?.strip_suffix('?')?;
        if name.is_empty() || name.contains('?') {
            return None;
        }
        percent_decode(name)
    }

    /// Byte span of the image in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Figure<'static> {
        Figure {
            alt: self.alt.into_owned(),
            url: self.url.into_static(),
            span: self.span,
        }
    }
}

/// Decodes `%XX` escapes as UTF-8 (`+` stays `+`): `None` for a `%` that two hexadecimal
/// digits do not follow, or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<Cow<'_, str>> {
    if !s.contains('%') {
        return Some(Cow::Borrowed(s));
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |at: usize| b.get(at).and_then(|&c| (c as char).to_digit(16));
            out.push((hex(i + 1)? * 16 + hex(i + 2)?) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

/// A block of a section, in source order.
///
/// Tables and figures are boxed: they are larger than paragraphs and lists and rarer, and
/// every block of a document takes the size of the largest kind.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Block<'a> {
    /// A paragraph.
    Paragraph(Inline<'a>),
    /// A list.
    List(List<'a>),
    /// A table.
    Table(Box<Table<'a>>),
    /// An image on a line of its own.
    Figure(Box<Figure<'a>>),
}

impl Block<'_> {
    fn into_owned(self) -> Block<'static> {
        match self {
            Block::Paragraph(p) => Block::Paragraph(p.into_owned()),
            Block::List(l) => Block::List(l.into_owned()),
            Block::Table(t) => Block::Table(Box::new(t.into_owned())),
            Block::Figure(f) => Block::Figure(Box::new(f.into_owned())),
        }
    }
}

/// A section: a heading and what follows it up to the next heading. The lead (the body
/// before the first heading) is a section of level 0 with an empty title.
#[derive(Debug, Clone, PartialEq)]
pub struct Section<'a> {
    level: u8,
    title: Inline<'a>,
    heading_span: Span,
    span: Span,
    /// (A boxed slice, two words: a section is 64 bytes, not 72.)
    blocks: Box<[Block<'a>]>,
}

impl<'a> Section<'a> {
    /// The section's blocks as plain text, in reading order, without the heading: each
    /// block is separated from the next by a blank line; a paragraph is its text, a list one
    /// line per item, a table one line per row (the header first) with cells separated by
    /// a tab, a figure its alt text (nothing when it has none).
    ///
    /// ```
    /// let doc = wikimd::parse("## A\n\nOne *two*.\n\n * x\n * y\n\n| h | k |\n|---|---|\n| 1 | 2 |\n").unwrap();
    /// assert_eq!(doc.sections()[1].plain_text(), "One two.\n\nx\ny\n\nh\tk\n1\t2");
    /// ```
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            let start = out.len();
            if start > 0 {
                out.push_str("\n\n");
            }
            let lines: Vec<String> = match block {
                Block::Paragraph(p) => vec![p.text().into_owned()],
                Block::List(list) => list.items.iter().map(|i| i.text().into_owned()).collect(),
                Block::Table(table) => std::iter::once(table.header())
                    .chain(table.rows())
                    .map(|row| row.iter().map(|c| c.text()).collect::<Vec<_>>().join("\t"))
                    .collect(),
                Block::Figure(figure) => vec![figure.alt().trim().to_string()],
            };
            let text = lines.join("\n");
            if text.is_empty() {
                out.truncate(start);
            } else {
                out.push_str(&text);
            }
        }
        out
    }

    /// The heading level: 1 to 6, or 0 for the lead.
    pub fn level(&self) -> u8 {
        self.level
    }

    /// The heading's plain text (`""` for the lead).
    pub fn title(&self) -> Cow<'_, str> {
        self.title.text()
    }

    /// The heading as rich text.
    pub fn title_inline(&self) -> &Inline<'a> {
        &self.title
    }

    /// Byte span of the heading line (empty for the lead).
    pub fn heading_span(&self) -> Range<usize> {
        self.heading_span.range()
    }

    /// Byte span of the whole section, heading included.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// The blocks, in source order.
    pub fn blocks(&self) -> &[Block<'a>] {
        &self.blocks
    }

    /// The paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Inline<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
    }

    /// The lists.
    pub fn lists(&self) -> impl Iterator<Item = &List<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
    }

    /// The tables.
    pub fn tables(&self) -> impl Iterator<Item = &Table<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(&**t),
            _ => None,
        })
    }

    /// The figures.
    pub fn figures(&self) -> impl Iterator<Item = &Figure<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(&**f),
            _ => None,
        })
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Section<'static> {
        Section {
            level: self.level,
            title: self.title.into_owned(),
            heading_span: self.heading_span,
            span: self.span,
            blocks: self
                .blocks
                .into_vec()
                .into_iter()
                .map(Block::into_owned)
                .collect(),
        }
    }
}

/// A section in the tree view: the section and the sections nested under it.
#[derive(Debug, Clone)]
pub struct SectionNode<'d, 'a> {
    section: &'d Section<'a>,
    children: Vec<SectionNode<'d, 'a>>,
}

impl<'d, 'a> SectionNode<'d, 'a> {
    /// The section.
    pub fn section(&self) -> &'d Section<'a> {
        self.section
    }

    /// The sections directly under this one.
    pub fn subsections(&self) -> &[SectionNode<'d, 'a>] {
        &self.children
    }
}

pub(crate) fn section_tree<'d, 'a>(sections: &'d [Section<'a>]) -> Vec<SectionNode<'d, 'a>> {
    // Iterative: a stack of open nodes, each closed into its parent when a section of the
    // same or a lower level arrives.
    let mut roots: Vec<SectionNode<'d, 'a>> = Vec::new();
    let mut stack: Vec<SectionNode<'d, 'a>> = Vec::new();
    fn close<'d, 'a>(stack: &mut Vec<SectionNode<'d, 'a>>, roots: &mut Vec<SectionNode<'d, 'a>>) {
        let node = stack.pop().expect("non-empty");
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => roots.push(node),
        }
    }
    for section in sections {
        // The lead (level 0) is a root of its own, never a parent.
        while stack
            .last()
            .is_some_and(|open| open.section.level >= section.level || open.section.level == 0)
        {
            close(&mut stack, &mut roots);
        }
        stack.push(SectionNode {
            section,
            children: Vec::new(),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// Everything the public API shows of sections, one line per value: spans, plain texts,
/// styles and links of every inline. Two readings of a body are the same to a user when
/// their views are equal; the tests and the fuzz targets compare the fast path with the
/// general path this way (the pieces inside may be cut differently).
#[doc(hidden)]
pub fn view(sections: &[Section<'_>]) -> String {
    use std::fmt::Write;
    fn inline(out: &mut String, what: &str, inline: &Inline<'_>) {
        let _ = writeln!(out, "  {what} {:?} {:?}", inline.span(), inline.text());
        for s in inline.styles() {
            let text = inline.styled_text(s);
            let _ = writeln!(out, "    {:?} {:?} {text:?}", s.kind(), s.span());
        }
        for l in inline.links() {
            let text = inline.link_text(l);
            let _ = writeln!(out, "    link {:?} {:?} {text:?}", l.url(), l.span());
        }
    }
    let mut out = String::new();
    for section in sections {
        let _ = writeln!(
            out,
            "section {} {:?} {:?}",
            section.level(),
            section.span(),
            section.heading_span()
        );
        inline(&mut out, "title", section.title_inline());
        for block in section.blocks() {
            match block {
                Block::Paragraph(p) => inline(&mut out, "paragraph", p),
                Block::List(list) => {
                    let _ = writeln!(out, " list {:?} {:?}", list.start(), list.span());
                    for item in list.items() {
                        inline(&mut out, "item", item);
                    }
                }
                Block::Table(table) => {
                    let _ = writeln!(out, " table {:?}", table.span());
                    for cell in table.header() {
                        inline(&mut out, "header", cell);
                    }
                    for row in table.rows() {
                        let _ = writeln!(out, " row");
                        for cell in row {
                            inline(&mut out, "cell", cell);
                        }
                    }
                }
                Block::Figure(figure) => {
                    let _ = writeln!(
                        out,
                        " figure {:?} {:?} {:?}",
                        figure.span(),
                        figure.url(),
                        figure.alt()
                    );
                    inline(&mut out, "alt", &figure.alt);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short inline's texts are found where they are in the input, and only there: not
    /// for a text of another string, an owned one, or texts further apart than its
    /// offsets reach.
    #[test]
    fn short_inlines_keep_their_texts_where_they_are_in_the_input() {
        let src = "x *ab* cd ef";
        let text = |range: Range<usize>| Piece::Text(CowStr::Borrowed(&src[range]));
        let pieces = [text(3..5), text(6..9), text(10..12)];
        let (base, bounds) = short_bounds(src, &pieces).expect("slices of the input");
        assert_eq!(base, "ab* cd ef");
        assert_eq!(short_texts(base, &bounds), ["ab", " cd", "ef"]);
        let (base, bounds) = short_bounds(src, &pieces[..2]).expect("two");
        assert_eq!(short_texts(base, &bounds), ["ab", " cd", ""]);
        let other = String::from("ab");
        let elsewhere = [text(3..5), Piece::Text(CowStr::Borrowed(&other))];
        assert_eq!(short_bounds(src, &elsewhere), None);
        let owned = [text(3..5), Piece::Text(CowStr::Boxed("cd".into()))];
        assert_eq!(short_bounds(src, &owned), None);
        assert_eq!(short_bounds(src, &[text(3..5), Piece::Break]), None);
        let long = format!("a{}b", " ".repeat(70_000));
        let far = [
            Piece::Text(CowStr::Borrowed(&long[..1])),
            Piece::Text(CowStr::Borrowed(&long[long.len() - 1..])),
        ];
        assert_eq!(short_bounds(&long, &far), None);
        // A paragraph read either way keeps the same texts.
        let input = "x *ab* cd\n\nef **g** &amp;\n";
        let fast = crate::parse(input).unwrap();
        let general = crate::parse_with_general_body(input, &Default::default()).unwrap();
        assert_eq!(fast.sections(), general.sections());
        let texts: Vec<_> = fast.sections()[0].paragraphs().map(|p| p.text()).collect();
        assert_eq!(texts, ["x ab cd", "ef g &"]);
    }

    /// `trim_text` is `str::trim`, quick or not.
    #[test]
    fn trim_text_trims_as_str_trim() {
        for text in [
            "",
            " ",
            "a",
            "ab",
            " a",
            "a ",
            "\u{a0}a",
            "a\u{a0}",
            "\u{3000}x\u{3000}",
            "é",
            "é ",
            "\ta\n",
            "!~",
            "a\u{85}",
            "\u{2028}",
            "x y",
            "(é)",
        ] {
            assert_eq!(trim_text(text), text.trim(), "{text:?}");
        }
    }

    /// Pieces joined as [`join_pieces`] says, simply: the blocks (the texts between
    /// `Block` pieces, a break as a space); where no block before the last has text, the
    /// last, trimmed or not; otherwise those with text, trimmed, joined with one space.
    fn joined_simply(pieces: &[Piece<'_>], trim: bool) -> String {
        let mut blocks = vec![String::new()];
        for piece in pieces {
            match piece {
                Piece::Text(t) => blocks.last_mut().unwrap().push_str(t),
                Piece::Break => blocks.last_mut().unwrap().push(' '),
                Piece::Block => blocks.push(String::new()),
            }
        }
        let (last, earlier) = blocks.split_last().unwrap();
        if earlier.iter().all(|b| b.trim().is_empty()) {
            return if trim { last.trim() } else { last }.to_string();
        }
        let with_text: Vec<&str> = blocks
            .iter()
            .map(|b| b.trim())
            .filter(|b| !b.is_empty())
            .collect();
        with_text.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn trim_text_is_str_trim(text in "[ \t\n\u{a0}\u{85}\u{3000}a!~é]{0,6}") {
            proptest::prop_assert_eq!(trim_text(&text), text.trim());
        }

        /// Pieces joined in a buffer, after what it held, are what the simple join gives,
        /// trimmed or not; so is the text of an inline made of them (of each kind of
        /// parts: the pieces are slices of one input, as the parser's are).
        #[test]
        fn pieces_join_as_the_simple_join(
            parts in proptest::collection::vec((0u8..5, "[ a\u{a0}é]{0,3}"), 0..8),
            trim: bool,
        ) {
            let src: String = parts.iter().map(|(_, t)| format!("{t}|")).collect();
            let mut at = 0;
            let pieces: Vec<Piece<'_>> = parts
                .iter()
                .map(|(kind, t)| {
                    let text = &src[at..at + t.len()];
                    at += t.len() + 1;
                    match kind {
                        0 => Piece::Break,
                        1 => Piece::Block,
                        _ => Piece::Text(CowStr::Borrowed(text)),
                    }
                })
                .collect();
            let expected = joined_simply(&pieces, trim);
            let parts = TextParts::Pieces(&pieces);
            let mut out = String::from("held");
            let within = parts.join(trim, &mut out);
            proptest::prop_assert!(out.starts_with("held") && within.start >= 4);
            proptest::prop_assert_eq!(&out[within], &*expected);
            let text = parts.slice(trim).map_or(expected.clone(), str::to_string);
            proptest::prop_assert_eq!(&text, &expected);
            let span = Span::from(0..src.len());
            let made = Repr::take(&src, &mut pieces.clone(), &mut Vec::new(), &mut Vec::new(), span);
            proptest::prop_assert_eq!(&*made.text_of(Span::ALL, trim), &*expected);
        }
    }

    /// A text serialized inside the serializing of another (a serializer that does so) is
    /// joined anew, not in the buffer the outer one holds.
    #[test]
    fn a_text_joined_inside_another_keeps_both() {
        let doc = crate::parse("a *b* c\n\nd **e** f\n").unwrap();
        let texts: Vec<&Inline<'_>> = doc.sections()[0].paragraphs().collect();
        let (outer, inner) = texts[0].with_text(true, |outer| {
            let inner = texts[1].with_text(true, |inner| inner.to_string());
            (outer.to_string(), inner)
        });
        assert_eq!((outer.as_str(), inner.as_str()), ("a b c", "d e f"));
        assert_eq!(texts[1].with_text(false, |t| t.to_string()), "d e f");
    }

    /// Every inline of a document holds a `Repr`, and a rich one a `Rich`: their sizes are
    /// the model's memory (see BENCHMARKS.md, Memory).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_model_keeps_its_size() {
        assert_eq!(std::mem::size_of::<Inline<'_>>(), 24);
        assert_eq!(std::mem::size_of::<Rich<'_>>(), 64);
        assert_eq!(std::mem::size_of::<Block<'_>>(), 32);
        assert_eq!(std::mem::size_of::<Section<'_>>(), 64);
    }

    /// Text that is one borrowed piece is kept without an allocation; formatting over one
    /// piece, or two or three pieces, takes one; the rest their slices.
    #[test]
    fn an_inline_is_kept_in_the_smallest_form_that_holds_it() {
        let doc = crate::parse(
            "plain\n\n*styled*\n\n&#169;\n\n*a* b\n\n*a* **b**\n\na *b* c\n\na *b* c d&amp;e\n",
        )
        .unwrap();
        let forms: Vec<&str> = doc
            .sections()
            .iter()
            .flat_map(|s| s.paragraphs())
            .map(|p| match &p.repr {
                Repr::Plain { .. } => "plain",
                Repr::Rich(rich) => match rich.parts {
                    Parts::One { .. } => "one",
                    Parts::Short { .. } => "short",
                    Parts::Few { .. } => "few",
                    Parts::Many { .. } => "many",
                },
            })
            .collect();
        assert_eq!(
            forms,
            ["plain", "one", "one", "short", "many", "short", "few"]
        );
        let texts: Vec<String> = doc
            .sections()
            .iter()
            .flat_map(|s| s.paragraphs())
            .map(|p| p.text().into_owned())
            .collect();
        assert_eq!(
            texts,
            ["plain", "styled", "©", "a b", "a b", "a b c", "a b c d&e"]
        );
        let owned: Vec<Inline<'static>> = doc
            .sections()
            .iter()
            .flat_map(|s| s.paragraphs())
            .map(|p| p.clone().into_owned())
            .collect();
        for ((o, t), p) in owned.iter().zip(&texts).zip(doc.sections()[0].paragraphs()) {
            assert_eq!(o.text(), t.as_str());
            assert_eq!(o, p, "a copy equals what it copies, owned or borrowed");
        }
        assert_eq!(owned[1].italic().collect::<Vec<_>>(), ["styled"]);
        assert_eq!(owned[5].italic().collect::<Vec<_>>(), ["b"]);
        assert_eq!(owned[6].italic().collect::<Vec<_>>(), ["b"]);
    }
}
