//! The Markdown body: sections, paragraphs, lists, tables and figures.
//!
//! The body is read with pulldown-cmark (CommonMark with GFM tables) into borrowed
//! structures whose spans are offsets into the whole input. Raw HTML is read back as
//! literal text. Lists end where the writer ended them (see [`ListEnd`]): a lazy
//! continuation line of a list item starts a new block, which is done without copying by
//! parsing the body in consecutive segments, each with its own pulldown-cmark parser.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::error::{Error, ErrorKind};
use crate::options::{ListEnd, ParseOptions};

mod parser_input;

/// A byte span stored as two `u32` (documents are limited to 4 GiB): the model's values
/// are smaller for it, and a document of many small blocks is much smaller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
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

/// The pieces of an inline text. Most paragraphs, items and cells are one piece of
/// borrowed text: that case needs no allocation. (The vector is boxed so that `Pieces` is
/// the size of one piece: every inline of a document holds one.)
#[derive(Debug, Clone, PartialEq, Default)]
enum Pieces<'a> {
    #[default]
    Empty,
    One(Piece<'a>),
    #[allow(clippy::box_collection)]
    Many(Box<Vec<Piece<'a>>>),
}

impl<'a> Pieces<'a> {
    fn push(&mut self, piece: Piece<'a>) {
        *self = match std::mem::take(self) {
            Pieces::Empty => Pieces::One(piece),
            Pieces::One(first) => {
                let mut v = Vec::with_capacity(4);
                v.push(first);
                v.push(piece);
                Pieces::Many(Box::new(v))
            }
            Pieces::Many(mut v) => {
                v.push(piece);
                Pieces::Many(v)
            }
        }
    }

    /// Gives back the room of eight pieces or more (a smaller room is not worth the copy).
    fn shrink_to_fit(&mut self) {
        if let Pieces::Many(v) = self {
            if v.capacity() - v.len() >= 8 {
                v.shrink_to_fit();
            }
        }
    }

    fn as_slice(&self) -> &[Piece<'a>] {
        match self {
            Pieces::Empty => &[],
            Pieces::One(p) => std::slice::from_ref(p),
            Pieces::Many(v) => v,
        }
    }

    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn iter(&self) -> std::slice::Iter<'_, Piece<'a>> {
        self.as_slice().iter()
    }

    fn last(&self) -> Option<&Piece<'a>> {
        self.as_slice().last()
    }

    fn truncate(&mut self, len: usize) {
        match self {
            Pieces::Many(v) => v.truncate(len),
            Pieces::One(_) if len == 0 => *self = Pieces::Empty,
            _ => {}
        }
    }

    fn pop(&mut self) -> Option<Piece<'a>> {
        match std::mem::take(self) {
            Pieces::Empty => None,
            Pieces::One(p) => Some(p),
            Pieces::Many(mut v) => {
                let p = v.pop();
                *self = Pieces::Many(v);
                p
            }
        }
    }

    /// Removes and returns the pieces from `at` on.
    fn split_off(&mut self, at: usize) -> Pieces<'a> {
        match self {
            Pieces::Many(v) => Pieces::Many(Box::new(v.split_off(at.min(v.len())))),
            Pieces::One(_) if at == 0 => std::mem::take(self),
            _ => Pieces::Empty,
        }
    }

    fn into_owned(self) -> Pieces<'static> {
        let own = |p: Piece<'a>| match p {
            Piece::Text(t) => Piece::Text(t.into_static()),
            Piece::Break => Piece::Break,
            Piece::Block => Piece::Block,
        };
        match self {
            Pieces::Empty => Pieces::Empty,
            Pieces::One(p) => Pieces::One(own(p)),
            Pieces::Many(v) => Pieces::Many(Box::new(v.into_iter().map(own).collect())),
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

/// The formatting and links of an [`Inline`].
#[derive(Debug, Clone, PartialEq, Default)]
struct Extras<'a> {
    styles: Vec<Styled>,
    links: Vec<InlineLink<'a>>,
}

/// Inline rich text: a paragraph, a list item, a table cell or a heading. Its plain text
/// (formatting removed, line breaks as spaces, trimmed) is produced on demand.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inline<'a> {
    pieces: Pieces<'a>,
    /// Bold, italic and links: most text has none, so they live behind one pointer.
    extras: Option<Box<Extras<'a>>>,
    span: Span,
}

impl<'a> Inline<'a> {
    /// The plain text, trimmed. Borrowed from the input when it is one slice of it.
    pub fn text(&self) -> Cow<'_, str> {
        plain_text(self.pieces.as_slice(), true)
    }

    /// Gives back the room its vectors kept to grow: a document holds many inlines, and
    /// this room was a fifth of a finished document's memory.
    fn finish(mut self) -> Self {
        self.pieces.shrink_to_fit();
        if let Some(extras) = self.extras.as_deref_mut() {
            extras.styles.shrink_to_fit();
            extras.links.shrink_to_fit();
        }
        self
    }

    /// The plain text of a link or a styled stretch.
    fn text_of(&self, pieces: Span) -> Cow<'_, str> {
        let end = (pieces.end as usize).min(self.pieces.len());
        let start = (pieces.start as usize).min(end);
        plain_text(&self.pieces.as_slice()[start..end], true)
    }

    /// Bold and italic stretches, in order.
    pub fn styles(&self) -> &[Styled] {
        self.extras.as_deref().map_or(&[], |e| &e.styles)
    }

    /// The plain text of a styled stretch of this text.
    pub fn styled_text(&self, styled: &Styled) -> Cow<'_, str> {
        self.text_of(styled.pieces)
    }

    /// The bold stretches' plain text.
    pub fn bold(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.styles()
            .iter()
            .filter(|s| s.kind == Emphasis::Bold)
            .map(|s| self.text_of(s.pieces))
    }

    /// The italic stretches' plain text.
    pub fn italic(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.styles()
            .iter()
            .filter(|s| s.kind == Emphasis::Italic)
            .map(|s| self.text_of(s.pieces))
    }

    /// Markdown links, in order.
    pub fn links(&self) -> &[InlineLink<'a>] {
        self.extras.as_deref().map_or(&[], |e| &e.links)
    }

    /// The plain text of a link of this text.
    pub fn link_text(&self, link: &InlineLink<'_>) -> Cow<'_, str> {
        self.text_of(link.pieces)
    }

    /// Byte span of the Markdown in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Inline<'static> {
        Inline {
            pieces: self.pieces.into_owned(),
            extras: self.extras.map(|e| {
                Box::new(Extras {
                    styles: e.styles,
                    links: e.links.into_iter().map(InlineLink::into_owned).collect(),
                })
            }),
            span: self.span,
        }
    }
}

/// Joins pieces into plain text: breaks become one space, blocks are trimmed and joined
/// with one space, the whole is trimmed.
fn plain_text<'s>(pieces: &'s [Piece<'_>], trim: bool) -> Cow<'s, str> {
    let trimmer = |s: &'s str| if trim { s.trim() } else { s };
    match pieces {
        [] => Cow::Borrowed(""),
        [Piece::Text(t)] => Cow::Borrowed(trimmer(t)),
        _ => {
            let mut out = String::new();
            let mut block = String::new();
            for piece in pieces {
                match piece {
                    Piece::Text(t) => block.push_str(t),
                    Piece::Break => block.push(' '),
                    Piece::Block => {
                        let t = block.trim();
                        if !t.is_empty() {
                            if !out.is_empty() {
                                out.push(' ');
                            }
                            out.push_str(t);
                        }
                        block.clear();
                    }
                }
            }
            if out.is_empty() {
                if !trim {
                    return Cow::Owned(block);
                }
                let t = block.trim();
                if t.len() == block.len() {
                    return Cow::Owned(block);
                }
                return Cow::Owned(t.to_string());
            }
            let t = block.trim();
            if !t.is_empty() {
                out.push(' ');
                out.push_str(t);
            }
            Cow::Owned(out)
        }
    }
}

/// A list: its items' texts.
#[derive(Debug, Clone, PartialEq)]
pub struct List<'a> {
    items: Vec<Inline<'a>>,
    start: Option<u64>,
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
        self.start
    }

    /// Byte span of the list in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> List<'static> {
        List {
            items: self.items.into_iter().map(Inline::into_owned).collect(),
            start: self.start,
            span: self.span,
        }
    }
}

/// A GFM table: a header row and body rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    header: Vec<Inline<'a>>,
    /// Every body cell, row after row.
    cells: Vec<Inline<'a>>,
    /// Where each body row starts in `cells`.
    row_starts: Vec<u32>,
    span: Span,
}

impl<'a> Table<'a> {
    /// The header cells.
    pub fn header(&self) -> &[Inline<'a>] {
        &self.header
    }

    /// The body rows, as written (a row may have fewer or more cells than the header;
    /// serialization cuts or pads them to the header's width). `for row in &table` does
    /// the same.
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
            header: self.header.into_iter().map(Inline::into_owned).collect(),
            cells: self.cells.into_iter().map(Inline::into_owned).collect(),
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
        plain_text(self.alt.pieces.as_slice(), false)
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
    blocks: Vec<Block<'a>>,
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
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
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

// ---------------------------------------------------------------------------------------
// Building the model from pulldown-cmark events.

/// Parses the body `src[range]` into sections.
pub(crate) fn parse<'a>(
    src: &'a str,
    range: Range<usize>,
    options: &ParseOptions,
) -> Result<Vec<Section<'a>>, Error> {
    let mut builder = Builder {
        src,
        options,
        sections: vec![Section {
            level: 0,
            title: Inline {
                span: (range.start..range.start).into(),
                ..Inline::default()
            },
            heading_span: (range.start..range.start).into(),
            span: range.clone().into(),
            blocks: Vec::new(),
        }],
    };
    // Segments still to parse, last first (see `segments`).
    let lazy_cuts = options.list_end == ListEnd::WhereWritten;
    let mut todo: Vec<Segment> = segments(src, range.clone(), lazy_cuts);
    todo.reverse();
    let references = references(&src[range.clone()]);
    while let Some(segment) = todo.pop() {
        match builder.segment(segment.range.clone(), segment.cut, &references)? {
            Outcome::Done => {}
            Outcome::Split { block_start, line } => {
                todo.push(Segment {
                    range: line..segment.range.end,
                    cut: segment.cut,
                });
                todo.push(Segment {
                    range: block_start..line,
                    cut: false,
                });
            }
            Outcome::Rejoin => {
                // The cut at the end of this segment was no lazy line: read this segment
                // and the next as one.
                let next = todo.pop().expect("a cut segment has a successor");
                todo.push(Segment {
                    range: segment.range.start..next.range.end,
                    cut: next.cut,
                });
            }
        }
    }
    let end = range.end;
    let mut next_start = end;
    for section in builder.sections.iter_mut().rev() {
        section.blocks.shrink_to_fit();
        section.span.end = next_start as u32;
        next_start = section.span.start as usize;
    }
    Ok(builder.sections)
}

/// A reference definition of the body: its label (as [`label_key`] gives it), destination
/// and title.
type Reference = (String, CowStr<'static>, CowStr<'static>);

/// The body's reference definitions. They are document-wide (`[x]: url` anywhere resolves
/// `[y][x]` anywhere), but the body is read in segments, each by a parser of its own: the
/// definitions of the whole body are gathered first and given to every segment's parser
/// for the references it cannot resolve.
///
/// A definition starts a line with `[` (after at most three spaces) and holds `]:`. Only
/// the paragraph around such a line (from the blank line before it to the blank line after
/// it) is read, by pulldown-cmark's first pass, which says whether it defines anything:
/// each byte is read at most once, and most bodies are not read at all.
fn references(body: &str) -> Vec<Reference> {
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut read_to = 0;
    for at in memchr::memmem::find_iter(bytes, b"]:") {
        if at < read_to {
            continue;
        }
        let line = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
        let indent = bytes[line..].iter().take_while(|&&b| b == b' ').count();
        if indent > 3 || bytes[line + indent] != b'[' {
            continue;
        }
        let start = paragraph_start(bytes, line, read_to);
        let end = paragraph_end(bytes, at);
        let input = &body[start..end];
        let copy = parser_input::masked(input);
        let read = copy.as_deref().unwrap_or(input);
        let unmask = parser_input::Unmask { read, input };
        let parser = Parser::new_ext(read, Options::ENABLE_TABLES);
        found.extend(parser.reference_definitions().iter().map(|(label, def)| {
            // pulldown-cmark lends the definitions for as long as its parser lives: copied.
            let back = |t: &CowStr<'_>| unmask.string(t.clone(), &def.span, true).into_static();
            let title = def.title.as_ref().map_or(CowStr::Borrowed(""), back);
            (label_key(label), back(&def.dest), title)
        }));
        read_to = end;
    }
    found
}

/// The start of the paragraph holding the line at `line`: after the last blank line
/// before it, and not before `floor`.
fn paragraph_start(bytes: &[u8], mut line: usize, floor: usize) -> usize {
    while line > floor {
        let previous = memchr::memrchr(b'\n', &bytes[..line - 1]).map_or(0, |i| i + 1);
        if is_blank_line(&bytes[previous..line]) {
            return line;
        }
        line = previous;
    }
    line.max(floor)
}

/// The end of the paragraph holding byte `at`: the start of the next blank line.
fn paragraph_end(bytes: &[u8], at: usize) -> usize {
    let mut line = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
    while line < bytes.len() {
        let next = memchr::memchr(b'\n', &bytes[line..]).map_or(bytes.len(), |i| line + i + 1);
        if is_blank_line(&bytes[line..next]) {
            return line;
        }
        line = next;
    }
    bytes.len()
}

fn is_blank_line(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Resolves the references a segment does not define from the body's definitions.
fn resolver<'i>(
    references: &[Reference],
) -> impl FnMut(BrokenLink<'i>) -> Option<(CowStr<'i>, CowStr<'i>)> + '_ {
    move |link| {
        if references.is_empty() {
            return None; // most bodies: no allocation for the key
        }
        let key = label_key(&link.reference);
        let (_, url, title) = references.iter().find(|r| r.0 == key)?;
        Some((url.clone(), title.clone()))
    }
}

/// A label as CommonMark matches it: white space collapsed, case ignored.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A part of the body read by a parser of its own.
struct Segment {
    range: Range<usize>,
    /// The segment ends before a line that the pre-scan takes for a lazy line: to be
    /// confirmed by the parse (the line before must be inside a list item).
    cut: bool,
}

/// Splits the body into segments that can be parsed on their own.
///
/// A top-level ATX heading closes every open block, so a parser started at a heading line
/// reads what follows exactly as one started at the top; so does a parser started at a
/// lazy line, which the format-aware reading treats as if a blank line came before it. A
/// line right after a list item (no blank line between) that is indented less than any
/// item's content (less than two spaces) is such a line whenever the list item is really
/// open there, whatever the line holds: a lazy continuation starts a new block, anything
/// else closes the list too. The pre-scan cuts there, and the parse confirms that the line
/// before was inside a list item (or reads the two segments again as one), so that no text
/// is read twice. Runs of sections are cut so that no segment grows much past
/// SEGMENT_BYTES: pulldown-cmark builds its tree for a whole segment at once, so this
/// bounds its memory. Fenced code is tracked so that a `#` line inside it is no cut. Link
/// reference definitions, global to a document, are gathered first (`references`).
fn segments(src: &str, range: Range<usize>, lazy_cuts: bool) -> Vec<Segment> {
    let bytes = src.as_bytes();
    // Offsets where a segment may start, and whether it is a lazy-line cut.
    let mut cuts: Vec<(usize, bool)> = Vec::new();
    let mut line = range.start;
    let mut fence: Option<(u8, usize)> = None;
    let mut after_item = false; // the previous line is a list item or its continuation
    while line < range.end {
        let end = memchr::memchr(b'\n', &bytes[line..range.end]).map_or(range.end, |i| line + i);
        let text = &bytes[line..end];
        // Indentation in columns: a tab goes to the next multiple of four.
        let (content, indent) = skip_blanks(text, 0, 0);
        let rest = &text[content..];
        let blank = rest.iter().all(|b| b.is_ascii_whitespace());
        let marker = rest.first().copied();
        let run = rest.iter().take_while(|&&b| Some(b) == marker).count();
        let is_item = indent <= 3 && is_list_marker(rest);
        if lazy_cuts && fence.is_none() && after_item && !blank && !is_item && indent < 2 {
            cuts.push((line, true));
        }
        if indent <= 3 {
            match (fence, marker) {
                (Some((c, n)), Some(m))
                    if m == c
                        && run >= n
                        && rest[run..].iter().all(|b| b.is_ascii_whitespace()) =>
                {
                    fence = None;
                }
                (Some(_), _) => {}
                (None, Some(m @ (b'`' | b'~')))
                    if run >= 3 && !(m == b'`' && rest[run..].contains(&b'`')) =>
                {
                    fence = Some((m, run));
                }
                (None, Some(b'#'))
                    if run <= 6
                        && rest
                            .get(run)
                            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r')) =>
                {
                    cuts.push((line, false));
                }
                _ => {}
            }
        }
        after_item = fence.is_none() && !blank && (is_item || after_item);
        line = end + 1;
    }
    // Keep every lazy-line cut (it saves reading a list twice) and the heading cuts that
    // keep segments near SEGMENT_BYTES.
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, &(at, lazy)) in cuts.iter().enumerate() {
        if at <= start {
            continue;
        }
        let next = cuts.get(i + 1).map_or(range.end, |c| c.0);
        if lazy || next - start > SEGMENT_BYTES {
            out.push(Segment {
                range: start..at,
                cut: lazy,
            });
            start = at;
        }
    }
    out.push(Segment {
        range: start..range.end,
        cut: false,
    });
    out
}

/// The size past which a run of sections is cut into another segment.
const SEGMENT_BYTES: usize = 8 * 1024;

/// Whether a line (without its indentation) starts with a list marker.
fn is_list_marker(rest: &[u8]) -> bool {
    match rest {
        [b'*' | b'-' | b'+', next, ..] => matches!(next, b' ' | b'\t'),
        [b'*' | b'-' | b'+'] => true,
        _ => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=9).contains(&digits)
                && matches!(rest.get(digits), Some(b'.' | b')'))
                && rest
                    .get(digits + 1)
                    .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r'))
        }
    }
}

enum Outcome {
    Done,
    /// The segment was cut before a line that turned out not to end a list: nothing of it
    /// was kept, it is to be read again together with the next segment.
    Rejoin,
    /// A lazy continuation line at `line` ends the list that began at `block_start`.
    Split {
        block_start: usize,
        line: usize,
    },
}

struct Builder<'a, 'o> {
    src: &'a str,
    options: &'o ParseOptions,
    sections: Vec<Section<'a>>,
}

/// An open container or leaf block while walking events.
enum Open<'a> {
    Paragraph { start: usize },
    Heading,
    List(List<'a>),
    Item { content_column: usize },
    BlockQuote,
    Table(Table<'a>),
    TableHead,
    TableRow,
    TableCell,
    CodeBlock,
    HtmlBlock,
    Other,
}

/// The inline text being built, and what is open inside it.
#[derive(Default)]
struct InlineBuilder<'a> {
    inline: Inline<'a>,
    open_styles: Vec<(Emphasis, usize, usize)>,
    open_links: Vec<(CowStr<'a>, usize, usize)>,
    /// Where the current line began in `inline.pieces`, and what it holds so far.
    line_start: usize,
    line_images: usize,
    line_other: bool,
    line_image: Option<(CowStr<'a>, Range<usize>, Range<usize>)>,
    /// Open images: url, span start, pieces start.
    images: Vec<(CowStr<'a>, usize, usize)>,
    /// Figures taken from lines of this paragraph, with whether text came before them.
    figures: Vec<(bool, Figure<'a>)>,
}

impl<'a> InlineBuilder<'a> {
    fn push(&mut self, piece: Piece<'a>) {
        self.inline.pieces.push(piece);
    }
}

impl<'a> Builder<'a, '_> {
    fn blocks(&mut self) -> &mut Vec<Block<'a>> {
        &mut self
            .sections
            .last_mut()
            .expect("the lead is always there")
            .blocks
    }

    fn segment(
        &mut self,
        range: Range<usize>,
        cut: bool,
        references: &[Reference],
    ) -> Result<Outcome, Error> {
        let input = &self.src[range.clone()];
        let base = range.start;
        let at_start = (self.sections.len(), self.blocks().len());
        // Whether the last text read so far was inside a list item, and where it ended.
        let mut last_text_in_item = (false, base);
        // The parser reads raw HTML as text only from a masked copy (see `parser_input`).
        let copy = parser_input::masked(input);
        let options = Options::ENABLE_TABLES;
        let events = match copy.as_deref() {
            None => parser_input::Events::Input(
                Parser::new_with_broken_link_callback(input, options, Some(resolver(references)))
                    .into_offset_iter(),
            ),
            Some(read) => parser_input::Events::Masked(
                Parser::new_with_broken_link_callback(read, options, Some(resolver(references)))
                    .into_offset_iter(),
                parser_input::Unmask { read, input },
            ),
        };
        let mut stack: Vec<Open<'a>> = Vec::new();
        // Inline text being built: the innermost leaf block, or the top-level list item.
        let mut inline: Option<InlineBuilder<'a>> = None;
        let mut items_depth = 0usize; // open list items
        let mut quotes = 0usize;
        // Rollback point: sections and blocks before the current top-level block.
        let mut snapshot = (self.sections.len(), self.blocks().len(), base);
        let max_depth = self.options.limits.max_depth;
        for (event, span) in events {
            let span = span.start + base..span.end + base;
            match event {
                Event::Start(tag) => {
                    if stack.is_empty() {
                        snapshot = (self.sections.len(), self.blocks().len(), span.start);
                    }
                    if stack.len() >= max_depth {
                        return Err(Error::new(
                            ErrorKind::LimitExceeded {
                                what: "body nesting depth",
                                limit: max_depth,
                            },
                            self.src,
                            span.start..span.start,
                        ));
                    }
                    let in_item = items_depth > 0;
                    match tag {
                        Tag::Paragraph => {
                            start_leaf(&mut inline, in_item, &span);
                            stack.push(Open::Paragraph { start: span.start });
                        }
                        Tag::Heading { level, .. } => {
                            if in_item {
                                if let Some(b) = inline.as_mut() {
                                    b.push(Piece::Block);
                                }
                            } else {
                                let heading_end =
                                    without_line_break(self.src, span.start, span.end);
                                self.sections.push(Section {
                                    level: level as u8,
                                    title: Inline::default(),
                                    heading_span: (span.start..heading_end).into(),
                                    span: (span.start..span.start).into(),
                                    blocks: Vec::new(),
                                });
                                let mut b = InlineBuilder::default();
                                b.inline.span = span.clone().into();
                                inline = Some(b);
                            }
                            stack.push(Open::Heading);
                        }
                        Tag::List(start) => {
                            if in_item {
                                if let Some(b) = inline.as_mut() {
                                    b.push(Piece::Block);
                                }
                            }
                            stack.push(Open::List(List {
                                items: Vec::new(),
                                start,
                                span: span.into(),
                            }));
                        }
                        Tag::Item => {
                            if items_depth == 0 {
                                let mut b = InlineBuilder::default();
                                b.inline.span = span.clone().into();
                                inline = Some(b);
                            } else if let Some(b) = inline.as_mut() {
                                b.push(Piece::Block);
                            }
                            items_depth += 1;
                            stack.push(Open::Item {
                                content_column: content_column(self.src, span.start),
                            });
                        }
                        Tag::BlockQuote(_) => {
                            quotes += 1;
                            stack.push(Open::BlockQuote);
                        }
                        Tag::Table(_) => {
                            if in_item {
                                stack.push(Open::Other);
                            } else {
                                stack.push(Open::Table(Table {
                                    header: Vec::new(),
                                    cells: Vec::new(),
                                    row_starts: Vec::new(),
                                    span: span.into(),
                                }));
                            }
                        }
                        Tag::TableHead => stack.push(Open::TableHead),
                        Tag::TableRow => {
                            if let Some(Open::Table(t)) = stack.last_mut() {
                                t.row_starts.push(t.cells.len() as u32);
                            }
                            stack.push(Open::TableRow);
                        }
                        Tag::TableCell => {
                            start_leaf(&mut inline, in_item, &span);
                            stack.push(Open::TableCell);
                        }
                        Tag::CodeBlock(_) => {
                            // Code is dropped, except inside a list item, whose text is all
                            // its blocks' texts (the contract).
                            if in_item {
                                start_leaf(&mut inline, in_item, &span);
                            } else {
                                inline = None;
                            }
                            stack.push(Open::CodeBlock);
                        }
                        Tag::HtmlBlock => {
                            start_leaf(&mut inline, in_item, &span);
                            stack.push(Open::HtmlBlock);
                        }
                        Tag::Emphasis | Tag::Strong => {
                            if let Some(b) = inline.as_mut() {
                                let kind = if matches!(tag, Tag::Strong) {
                                    Emphasis::Bold
                                } else {
                                    Emphasis::Italic
                                };
                                let at = b.inline.pieces.len();
                                b.open_styles.push((kind, span.start, at));
                            }
                        }
                        Tag::Link { dest_url, .. } => {
                            if let Some(b) = inline.as_mut() {
                                let at = b.inline.pieces.len();
                                b.open_links.push((dest_url, span.start, at));
                            }
                        }
                        Tag::Image { dest_url, .. } => {
                            if let Some(b) = inline.as_mut() {
                                let at = b.inline.pieces.len();
                                b.images.push((dest_url, span.start, at));
                            }
                        }
                        _ => {
                            // Inline tags without a model (strikethrough …) keep their text;
                            // block tags without one are skipped as containers.
                            if is_block_tag(&tag) {
                                stack.push(Open::Other);
                            }
                        }
                    }
                }
                Event::End(end) => {
                    match end {
                        TagEnd::Emphasis | TagEnd::Strong => {
                            if let Some(b) = inline.as_mut() {
                                if let Some((kind, start, at)) = b.open_styles.pop() {
                                    let pieces = (at..b.inline.pieces.len()).into();
                                    b.inline.extras.get_or_insert_default().styles.push(Styled {
                                        kind,
                                        span: (start..span.end).into(),
                                        pieces,
                                    });
                                }
                            }
                            continue;
                        }
                        TagEnd::Link => {
                            if let Some(b) = inline.as_mut() {
                                if let Some((url, start, at)) = b.open_links.pop() {
                                    let pieces = (at..b.inline.pieces.len()).into();
                                    b.inline.extras.get_or_insert_default().links.push(
                                        InlineLink {
                                            url,
                                            span: (start..span.end).into(),
                                            pieces,
                                        },
                                    );
                                }
                            }
                            continue;
                        }
                        TagEnd::Image => {
                            if let Some(b) = inline.as_mut() {
                                if let Some((url, start, at)) = b.images.pop() {
                                    if !b.open_links.is_empty() || !b.open_styles.is_empty() {
                                        // A linked or emphasised image: the line is more
                                        // than exactly one image, no figure.
                                        b.line_other = true;
                                    } else if b.images.is_empty() {
                                        b.line_images += 1;
                                        b.line_image =
                                            Some((url, start..span.end, at..b.inline.pieces.len()));
                                    }
                                }
                            }
                            continue;
                        }
                        _ => {}
                    }
                    if !is_block_end(&end) {
                        continue;
                    }
                    let Some(open) = stack.pop() else { continue };
                    match open {
                        Open::Paragraph { start } => {
                            if items_depth == 0 {
                                if let Some(mut b) = inline.take() {
                                    self.finish_paragraph(&mut b, start..span.end);
                                }
                            }
                        }
                        Open::Heading => {
                            if items_depth == 0 {
                                if let Some(b) = inline.take() {
                                    if let Some(section) = self.sections.last_mut() {
                                        section.title = b.inline.finish();
                                    }
                                }
                            }
                        }
                        Open::Item { .. } => {
                            items_depth -= 1;
                            if items_depth == 0 {
                                if let Some(b) = inline.take() {
                                    let mut item = b.inline.finish();
                                    item.span.end = span.end as u32;
                                    if let Some(Open::List(list)) = stack.last_mut() {
                                        list.items.push(item);
                                    }
                                }
                            } else if let Some(b) = inline.as_mut() {
                                b.push(Piece::Block);
                            }
                        }
                        Open::List(mut list) => {
                            if items_depth == 0 {
                                list.span.end = span.end as u32;
                                list.items.shrink_to_fit();
                                self.blocks().push(Block::List(list));
                            }
                        }
                        Open::BlockQuote => quotes -= 1,
                        Open::TableCell => {
                            if items_depth == 0 {
                                if let Some(b) = inline.take() {
                                    let cell = b.inline.finish();
                                    match stack.last_mut() {
                                        Some(Open::TableHead) => {
                                            if let Some(Open::Table(t)) =
                                                stack.iter_mut().rev().nth(1)
                                            {
                                                t.header.push(cell);
                                            }
                                        }
                                        Some(Open::TableRow) => {
                                            if let Some(Open::Table(t)) =
                                                stack.iter_mut().rev().nth(1)
                                            {
                                                t.cells.push(cell);
                                            }
                                        }
                                        _ => {}
                                    }
                                }
                            }
                        }
                        Open::Table(mut table) => {
                            table.span.end = span.end as u32;
                            table.header.shrink_to_fit();
                            table.cells.shrink_to_fit();
                            table.row_starts.shrink_to_fit();
                            self.blocks().push(Block::Table(Box::new(table)));
                        }
                        Open::CodeBlock => {}
                        Open::HtmlBlock => {
                            if items_depth == 0 {
                                if let Some(mut b) = inline.take() {
                                    self.finish_paragraph(&mut b, span.clone());
                                }
                            }
                        }
                        Open::TableHead | Open::TableRow | Open::Other => {}
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    last_text_in_item = (items_depth > 0 && quotes == 0, span.end);
                    if let Some(b) = inline.as_mut() {
                        if b.images.is_empty() && !t.trim().is_empty() {
                            b.line_other = true;
                        }
                        if matches!(stack.last(), Some(Open::CodeBlock)) {
                            push_lines(b, t);
                        } else {
                            b.push(Piece::Text(t));
                        }
                    }
                }
                Event::Html(t) | Event::InlineHtml(t) => {
                    if let Some(b) = inline.as_mut() {
                        if b.images.is_empty() && !t.trim().is_empty() {
                            b.line_other = true;
                        }
                        push_lines(b, t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    let line = span.end;
                    if self.options.list_end == ListEnd::WhereWritten
                        && items_depth > 0
                        && line < range.end
                        && is_lazy_in_list(self.src, &stack, line)
                    {
                        self.sections.truncate(snapshot.0);
                        let (_, blocks, block_start) = snapshot;
                        self.blocks().truncate(blocks);
                        return Ok(Outcome::Split { block_start, line });
                    }
                    if let Some(b) = inline.as_mut() {
                        end_line(b);
                        b.push(Piece::Break);
                        b.line_start = b.inline.pieces.len();
                    }
                }
                Event::FootnoteReference(t) => {
                    if let Some(b) = inline.as_mut() {
                        b.line_other = true;
                        b.push(Piece::Text(t));
                    }
                }
                Event::Rule | Event::TaskListMarker(_) => {}
            }
        }
        if cut {
            // Confirm the cut: the segment's last line must end inside a list item.
            let last_line = memchr::memrchr(
                b'\n',
                &self.src.as_bytes()[base..range.end.saturating_sub(1).max(base)],
            )
            .map_or(base, |i| base + i + 1);
            let (in_item, end) = last_text_in_item;
            if !(in_item && end > last_line) {
                self.sections.truncate(at_start.0);
                self.blocks().truncate(at_start.1);
                return Ok(Outcome::Rejoin);
            }
        }
        Ok(Outcome::Done)
    }

    /// Ends a paragraph: lines that are one image become figures, the rest a paragraph.
    fn finish_paragraph(&mut self, b: &mut InlineBuilder<'a>, span: Range<usize>) {
        end_line(b);
        let figures = std::mem::take(&mut b.figures);
        let mut inline = std::mem::take(&mut b.inline).finish();
        inline.span = span.into();
        let has_text = inline
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if !t.trim().is_empty()));
        let blocks = self.blocks();
        let mut paragraph = if has_text { Some(inline) } else { None };
        for (after_text, figure) in figures {
            if after_text {
                if let Some(p) = paragraph.take() {
                    blocks.push(Block::Paragraph(p));
                }
            }
            blocks.push(Block::Figure(Box::new(figure)));
        }
        if let Some(p) = paragraph {
            blocks.push(Block::Paragraph(p));
        }
    }
}

/// Starts the inline text of a leaf block (paragraph, cell, code, HTML): inside a list item
/// the item's text goes on after a block boundary; elsewhere the block gets its own text.
fn start_leaf(inline: &mut Option<InlineBuilder<'_>>, in_item: bool, span: &Range<usize>) {
    if in_item {
        if let Some(b) = inline.as_mut() {
            b.push(Piece::Block);
        }
    } else {
        let mut b = InlineBuilder::default();
        b.inline.span = span.clone().into();
        *inline = Some(b);
    }
}

/// At the end of a line of a paragraph: if the line is exactly one image, it becomes a
/// figure and its pieces leave the paragraph.
fn end_line(b: &mut InlineBuilder<'_>) {
    let is_figure = b.line_images == 1 && !b.line_other && b.images.is_empty();
    if let (true, Some((url, span, pieces))) = (is_figure, b.line_image.take()) {
        let alt_pieces = b.inline.pieces.split_off(pieces.start);
        b.inline.pieces.truncate(b.line_start);
        if let Some(extras) = b.inline.extras.as_deref_mut() {
            extras
                .styles
                .retain(|s| s.pieces.end as usize <= b.line_start);
            extras
                .links
                .retain(|l| l.pieces.end as usize <= b.line_start);
        }
        let had_text = b
            .inline
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if !t.trim().is_empty()));
        b.figures.push((
            had_text,
            Figure {
                alt: Inline {
                    pieces: alt_pieces,
                    span: span.clone().into(),
                    ..Inline::default()
                },
                url,
                span: span.into(),
            },
        ));
        // The break before this line is no longer needed.
        if matches!(b.inline.pieces.last(), Some(Piece::Break)) {
            b.inline.pieces.pop();
        }
    }
    b.line_images = 0;
    b.line_other = false;
    b.line_image = None;
}

/// Pushes text that may hold line breaks (raw HTML, code): each break is a space.
fn push_lines<'a>(b: &mut InlineBuilder<'a>, t: CowStr<'a>) {
    if !t.contains('\n') {
        b.push(Piece::Text(t));
        return;
    }
    match t {
        CowStr::Borrowed(s) => {
            let mut lines = s.split('\n').peekable();
            while let Some(line) = lines.next() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if !line.is_empty() {
                    b.push(Piece::Text(CowStr::Borrowed(line)));
                }
                if lines.peek().is_some() {
                    b.push(Piece::Break);
                }
            }
        }
        other => {
            let s = other.replace("\r\n", " ").replace('\n', " ");
            b.push(Piece::Text(CowStr::from(s)));
        }
    }
}

fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// `end` without a final line break.
fn without_line_break(src: &str, start: usize, end: usize) -> usize {
    let t = src[start..end].trim_end_matches(['\n', '\r']);
    start + t.len()
}

/// Past the spaces and tabs from byte `i`, at column `column`: the byte and the column
/// after them (a tab advances to the next multiple of 4).
fn skip_blanks(bytes: &[u8], mut i: usize, mut column: usize) -> (usize, usize) {
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' => column += 1,
            b'\t' => column += 4 - column % 4,
            _ => break,
        }
        i += 1;
    }
    (i, column)
}

/// Whether the line at `line`, which goes on a paragraph, is a line the list rule ends the
/// list before: the paragraph is in a list item, and the line is indented less than the
/// outermost open item's content column, or lacks a `>` of a block quote around the list.
/// (A line indented for the outer item but not for an inner one stays in the item, as the
/// reference reads it.)
fn is_lazy_in_list(src: &str, stack: &[Open<'_>], line: usize) -> bool {
    let innermost = stack
        .iter()
        .rev()
        .find(|o| !matches!(o, Open::Paragraph { .. }));
    if !matches!(innermost, Some(Open::Item { .. })) {
        return false;
    }
    let Some(first_item) = stack.iter().position(|o| matches!(o, Open::Item { .. })) else {
        return false;
    };
    let Open::Item { content_column } = stack[first_item] else {
        return false;
    };
    let quotes = stack[..first_item]
        .iter()
        .filter(|o| matches!(o, Open::BlockQuote))
        .count();
    match after_quote_markers(src, line, quotes) {
        None => true,
        Some(column) => column < content_column,
    }
}

/// The column of the first character after `quotes` block-quote markers (`>`, after at most
/// three spaces of indentation each) at the start of the line at `at`; `None` if the line
/// has fewer markers.
fn after_quote_markers(src: &str, at: usize, quotes: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let (mut i, mut column) = (at, 0);
    for _ in 0..quotes {
        (i, column) = skip_blanks(bytes, i, column);
        if bytes.get(i) != Some(&b'>') {
            return None;
        }
        i += 1;
        column += 1;
    }
    Some(skip_blanks(bytes, i, column).1)
}

/// The content column of the list item whose marker starts at `at`.
fn content_column(src: &str, at: usize) -> usize {
    let bytes = src.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let mut i = at;
    // Skip any indentation pulldown-cmark included in the item's span.
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    match bytes.get(i) {
        Some(b'*' | b'-' | b'+') => i += 1,
        Some(b'0'..=b'9') => {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            i += 1; // `.` or `)`
        }
        _ => return 0,
    }
    let marker_end = i - line_start;
    let mut spaces = 0;
    while i + spaces < bytes.len() && bytes[i + spaces] == b' ' {
        spaces += 1;
    }
    let rest_empty = matches!(bytes.get(i + spaces), None | Some(b'\n' | b'\r'));
    if rest_empty || spaces == 0 || spaces > 4 {
        marker_end + 1
    } else {
        marker_end + spaces
    }
}

#[cfg(feature = "serde")]
mod serialize {
    use super::*;
    use serde::ser::{SerializeMap, SerializeSeq, Serializer};
    use serde::Serialize;

    struct Texts<'s, 'a>(&'s [Inline<'a>], Option<usize>);

    impl Serialize for Texts<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let width = self.1.unwrap_or(self.0.len());
            let mut seq = s.serialize_seq(Some(width))?;
            for i in 0..width {
                match self.0.get(i) {
                    Some(inline) => seq.serialize_element(&*inline.text())?,
                    None => seq.serialize_element("")?,
                }
            }
            seq.end()
        }
    }

    impl Serialize for Inline<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&self.text())
        }
    }

    impl Serialize for List<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Texts(&self.items, None).serialize(s)
        }
    }

    impl Serialize for Table<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            struct Rows<'s, 'a>(&'s Table<'a>);
            impl Serialize for Rows<'_, '_> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    let mut seq = s.serialize_seq(Some(self.0.row_count()))?;
                    for row in self.0.rows() {
                        seq.serialize_element(&Texts(row, Some(self.0.header.len())))?;
                    }
                    seq.end()
                }
            }
            let mut map = s.serialize_map(Some(2))?;
            map.serialize_entry("header", &Texts(&self.header, None))?;
            map.serialize_entry("rows", &Rows(self))?;
            map.end()
        }
    }

    impl Serialize for Figure<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(3))?;
            map.serialize_entry("alt", &*self.alt())?;
            map.serialize_entry("url", self.url())?;
            map.serialize_entry("file", &self.file())?;
            map.end()
        }
    }

    /// A section as the `wikimd parse` JSON: level, title, paragraphs, lists, tables,
    /// figures.
    impl Serialize for Section<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(6))?;
            map.serialize_entry("level", &self.level)?;
            map.serialize_entry("title", &*self.title())?;
            map.serialize_entry("paragraphs", &self.paragraphs().collect::<Vec<_>>())?;
            map.serialize_entry("lists", &self.lists().collect::<Vec<_>>())?;
            map.serialize_entry("tables", &self.tables().collect::<Vec<_>>())?;
            map.serialize_entry("figures", &self.figures().collect::<Vec<_>>())?;
            map.end()
        }
    }
}
