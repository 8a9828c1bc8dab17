//! Building the model from pulldown-cmark events, segment by segment.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use std::cell::RefCell;

use super::fast::{general_end, room_bytes, FastReader, FastRoom, Plain, Read, Sink, TableEvents};
use super::references::{references, resolver, Reference};
use super::segments::{segments, skip_blanks, Segment};
use super::*;
use crate::document::{push_grown, take_boxed};

/// Which reader reads the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Path {
    /// The fast path where it is certain, the general path elsewhere.
    Fast,
    /// The general path (pulldown-cmark) for everything: the reference the fast path is
    /// checked against.
    General,
}

/// Parses the body `src[range]` into sections.
pub(crate) fn parse<'a>(
    src: &'a str,
    range: Range<usize>,
    options: &ParseOptions,
    path: Path,
) -> Result<Parsed<'a>, Error> {
    // The room the last document's fast path left on this thread (none the first time),
    // used in place. (A parse while the thread's room is in use, or once it is gone as
    // the thread ends, gets a room of its own.)
    ROOM.try_with(|room| match room.try_borrow_mut() {
        Ok(mut room) => parse_with_room(src, range.clone(), options, path, &mut room),
        Err(_) => parse_with_room(src, range.clone(), options, path, &mut Room::default()),
    })
    .unwrap_or_else(|_| parse_with_room(src, range, options, path, &mut Room::default()))
}

/// [`parse`], with the room of the vectors in `room`, given back there after.
fn parse_with_room<'a>(
    src: &'a str,
    range: Range<usize>,
    options: &ParseOptions,
    path: Path,
    room: &mut Room,
) -> Result<Parsed<'a>, Error> {
    // The sections and the blocks are gathered in the room's vectors, then moved into
    // vectors of exactly their number: growing a document's own vector (77 of the corpus's
    // 98 bodies have more sections than the room made for them at first), then shrinking
    // it, were a few `realloc`s a document, 5 % of a short German article's `parse`.
    let mut sections: Vec<Section<'a>> = std::mem::take(&mut room.sections);
    sections.reserve_exact(sections_room(range.len()));
    let mut blocks: Vec<Block<'a>> = std::mem::take(&mut room.blocks);
    blocks.reserve_exact(blocks_room(range.len()));
    sections.push(Section {
        level: 0,
        title: Inline::empty((range.start..range.start).into()),
        heading_span: (range.start..range.start).into(),
        span: range.clone().into(),
        blocks: Box::default(),
    });
    let mut builder = Builder {
        src,
        options,
        fast_blocks: 0,
        body_end: range.end,
        sections,
        blocks,
    };
    let (references, may_define_references, may_repeat) = references(&src[range.clone()]);
    // Text the parser is given otherwise than it is written (carriage returns, NUL, text
    // that holds the mask of `parser_input`) goes to the general path whole; so does a
    // body that may define references, which the general path may read in one segment
    // with the references it resolves.
    let bytes = &src.as_bytes()[range.clone()];
    let fast = path == Path::Fast
        && memchr::memchr3(b'\r', b'\0', parser_input::MASK, bytes).is_none()
        && !may_define_references;
    if fast {
        let lists = options.list_end == ListEnd::WhereWritten;
        let mut reader = FastReader::new(src, range.end, lists, &mut room.reader);
        // One state for every block the fast path reads: its vectors' room is kept.
        let mut st = SegmentState::with_room(&mut builder, range.start, &mut room.inline);
        let mut at = range.start;
        while at < range.end {
            match builder.fast_block(&mut reader, &mut st, at) {
                Read::Next(next) => at = next,
                Read::Unsure => {
                    let end = general_end(src, at, range.end);
                    builder.general(at..end, &references, may_repeat)?;
                    at = end;
                }
            }
        }
        reader.give_back(&mut room.reader);
        st.inline.builder.give_back(&mut room.inline);
    } else {
        builder.general(range.clone(), &references, may_repeat)?;
    }
    builder.close_last_section();
    let end = range.end;
    let mut next_start = end;
    for section in builder.sections.iter_mut().rev() {
        section.span.end = next_start as u32;
        next_start = section.span.start as usize;
    }
    let sections = take_boxed(&mut builder.sections).into_vec();
    room.sections = recycled(builder.sections);
    room.blocks = recycled(builder.blocks);
    if room.bytes() > Room::KEPT {
        *room = Room::default();
    }
    Ok(Parsed {
        sections,
        fast_blocks: builder.fast_blocks,
    })
}

/// Room for the sections of a body of `len` bytes, made at once: the lead and one for
/// every 2 kB (the corpus's articles have one heading for about every kilobyte, half
/// of them one for less than every 1.1 kB). Growing the vector a section at a time from
/// one copied the sections again and again (1.5 % of Vietnamese articles' `parse`; this
/// room takes a third of that away, −0.6 % over the corpus). The thread's room (see
/// [`Room`]) is made this large where it is smaller: a body with more sections grows it,
/// once for the documents after it. (Counting the lines that start with `#` first cost
/// more than the growth: a `memchr` call for each `#`.)
fn sections_room(len: usize) -> usize {
    1 + len / 2048
}

/// Room for a section's blocks at first, for a body of `len` bytes: growing the vector from
/// one block copied the blocks of a document's first long section four or five times
/// (Vietnamese articles' `parse` −2.1 % instructions, German −0.8 %). One block for every
/// 256 bytes, up to eight, where the thread's room (see [`Room`]) is smaller: a small
/// body's peak memory holds this room, and one for every 128 bytes took the corpus's
/// smallest article (1 kB) from 1.81 to 1.94 times its size.
fn blocks_room(len: usize) -> usize {
    (len / 256).clamp(1, 8)
}

/// A body read.
pub(crate) struct Parsed<'a> {
    pub(crate) sections: Vec<Section<'a>>,
    /// How many of its blocks and headings the fast path read.
    pub(crate) fast_blocks: usize,
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
    /// The sections read so far: the last one's blocks are in `blocks` until it ends.
    sections: Vec<Section<'a>>,
    /// The blocks of the last section, while it is read: the vector's room is kept from
    /// one section to the next, and each section gets a vector of exactly its length
    /// (growing and then shrinking one vector a section cost 2 % of English articles'
    /// `parse`).
    blocks: Vec<Block<'a>>,
    /// Blocks and headings read by the fast path.
    fast_blocks: usize,
    /// The end of the body.
    body_end: usize,
}

/// The room of the vectors the fast path reuses from one block to the next, and of those
/// a body's sections and blocks are gathered in, kept on each thread from one document
/// to the next, so that a document does not grow them again
/// from nothing: their growth was 9 % of the instructions of a small article's parse
/// (Latgalian's, 1–2 kB). Kept while it is at most [`Room::KEPT`] bytes: a thread holds no
/// more than that after a parse.
#[derive(Default)]
struct Room {
    reader: FastRoom,
    inline: InlineBuilder<'static>,
    /// The sections of a body while it is read, moved into a vector of their number at
    /// the end.
    sections: Vec<Section<'static>>,
    /// The blocks of a body's last section while it is read (each section gets a vector
    /// of exactly its blocks).
    blocks: Vec<Block<'static>>,
}

impl Room {
    /// The most room kept on a thread.
    const KEPT: usize = 64 * 1024;

    /// The bytes the vectors hold room for.
    fn bytes(&self) -> usize {
        self.reader.bytes()
            + self.inline.room_bytes()
            + self.sections.capacity() * std::mem::size_of::<Section<'static>>()
            + self.blocks.capacity() * std::mem::size_of::<Block<'static>>()
    }
}

thread_local! {
    /// The room the last parse on this thread left: see [`Room`].
    static ROOM: RefCell<Room> = RefCell::new(Room::default());
}

/// `vec`'s room, emptied, for values of the same type that borrow another input: the
/// allocation is reused in place (a test checks that it is). It gives a parse's vectors
/// back to the room; taking the room's needs no call, its vectors of `'static` values
/// being vectors of values of any shorter lifetime as they are. (Taken through this too,
/// they cost Latgalian's `parse` 1.6 % more instructions once a change to another module
/// moved the crate's code units and the compiler stopped inlining the in-place collect.)
pub(super) fn recycled<T, U>(mut vec: Vec<T>) -> Vec<U> {
    vec.clear();
    vec.into_iter()
        .map(|_| -> U { unreachable!("the vector is empty") })
        .collect()
}

/// An open container or leaf block while walking events.
enum Open<'a> {
    Paragraph {
        start: usize,
    },
    Heading,
    List(ListBuilder<'a>),
    Item {
        content_column: usize,
    },
    BlockQuote,
    /// (What is read of it is in [`SegmentState::table`]: one table is open at a time.)
    Table,
    TableHead,
    TableRow,
    TableCell,
    CodeBlock,
    HtmlBlock,
    Other,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Open<'_>>() == 40);

/// A list being read: its items in a vector that grows, made into the model's [`List`]
/// (a boxed slice) when it ends.
struct ListBuilder<'a> {
    items: Vec<Inline<'a>>,
    start: Option<u32>,
    span: Span,
}

/// A table being read: its cells, the header's first, in a vector that grows, made into
/// the model's [`Table`] (boxed slices, 40 bytes) when it ends.
#[derive(Default)]
struct TableBuilder<'a> {
    /// The header's cells, then every body row's.
    cells: Vec<Inline<'a>>,
    /// Where each body row starts in `cells`.
    row_starts: Vec<u32>,
    span: Span,
}

impl<'a> TableBuilder<'a> {
    /// The table read so far (in place: no copy when the room was exactly its size).
    fn finish(self, end: usize) -> Table<'a> {
        let TableBuilder {
            cells,
            row_starts,
            mut span,
        } = self;
        span.end = end as u32;
        Table {
            cells: cells.into_boxed_slice(),
            row_starts: row_starts.into_boxed_slice(),
            span,
        }
    }
}

/// The inline text being built, and what is open inside it. Its vectors are reused from
/// one inline to the next (see [`InlineSlot`]): a finished inline gets slices of exactly its
/// length.
#[derive(Default)]
struct InlineBuilder<'a> {
    /// The input, which the pieces borrowed from it are slices of.
    src: &'a str,
    pieces: Vec<Piece<'a>>,
    styles: Vec<Styled>,
    links: Vec<InlineLink<'a>>,
    span: Span,
    /// Open styles: kind, span start, pieces start (`u32`, as spans: twelve bytes each).
    open_styles: Vec<(Emphasis, u32, u32)>,
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
    /// The pieces of a figure's alternative text while it is made (kept, as `figures`:
    /// a vector made for each figure was a tenth of English articles' allocations).
    alt: Vec<Piece<'a>>,
}

/// The inline builder of a segment (or of all the blocks the fast path reads), open while
/// inline text is being read. It stays in place from one inline to the next (the builder
/// is large: moving it cost more than building the inline).
#[derive(Default)]
struct InlineSlot<'a> {
    builder: InlineBuilder<'a>,
    open: bool,
}

impl<'a> InlineSlot<'a> {
    /// The open inline builder.
    fn active(&mut self) -> Option<&mut InlineBuilder<'a>> {
        self.open.then_some(&mut self.builder)
    }

    /// Closes the inline builder and gives it for its inline to be finished.
    fn take(&mut self) -> Option<&mut InlineBuilder<'a>> {
        std::mem::replace(&mut self.open, false).then_some(&mut self.builder)
    }

    /// Opens an inline builder for text at `span`.
    fn open(&mut self, span: &Range<usize>) {
        self.builder.reset(span.clone().into());
        self.open = true;
    }

    fn close(&mut self) {
        self.open = false;
    }
}

impl<'a> InlineBuilder<'a> {
    /// The vectors of `room` (emptied there), for their room, for text that borrows
    /// another input.
    #[inline(always)]
    fn from_room(room: &mut InlineBuilder<'static>) -> InlineBuilder<'a> {
        InlineBuilder {
            pieces: std::mem::take(&mut room.pieces),
            styles: std::mem::take(&mut room.styles),
            links: std::mem::take(&mut room.links),
            open_styles: std::mem::take(&mut room.open_styles),
            open_links: std::mem::take(&mut room.open_links),
            images: std::mem::take(&mut room.images),
            figures: std::mem::take(&mut room.figures),
            alt: std::mem::take(&mut room.alt),
            ..InlineBuilder::default()
        }
    }

    /// Gives the vectors, emptied, back to `room` (as `FastReader::give_back`).
    fn give_back(&mut self, room: &mut InlineBuilder<'static>) {
        room.pieces = recycled(std::mem::take(&mut self.pieces));
        self.styles.clear();
        room.styles = std::mem::take(&mut self.styles);
        room.links = recycled(std::mem::take(&mut self.links));
        self.open_styles.clear();
        room.open_styles = std::mem::take(&mut self.open_styles);
        room.open_links = recycled(std::mem::take(&mut self.open_links));
        room.images = recycled(std::mem::take(&mut self.images));
        room.figures = recycled(std::mem::take(&mut self.figures));
        room.alt = recycled(std::mem::take(&mut self.alt));
    }

    /// The bytes its vectors hold room for.
    fn room_bytes(&self) -> usize {
        room_bytes(&self.pieces)
            + room_bytes(&self.styles)
            + room_bytes(&self.links)
            + room_bytes(&self.open_styles)
            + room_bytes(&self.open_links)
            + room_bytes(&self.images)
            + room_bytes(&self.figures)
            + room_bytes(&self.alt)
    }

    #[inline]
    fn push(&mut self, piece: Piece<'a>) {
        push_grown(&mut self.pieces, piece);
    }

    /// The inline read so far; the builder is left empty, its vectors' room kept.
    fn finish(&mut self) -> Inline<'a> {
        Inline {
            repr: Repr::take(
                self.src,
                &mut self.pieces,
                &mut self.styles,
                &mut self.links,
                self.span,
            ),
        }
    }

    /// An emphasis (`strong`: strong emphasis) opens at `start`.
    #[inline]
    fn open_style(&mut self, strong: bool, start: usize) {
        let kind = if strong {
            Emphasis::Bold
        } else {
            Emphasis::Italic
        };
        let at = self.pieces.len() as u32;
        push_grown(&mut self.open_styles, (kind, start as u32, at));
    }

    /// The innermost open emphasis closes at `end`, over the pieces read since it opened.
    #[inline]
    fn close_style(&mut self, end: usize) {
        if let Some((kind, start, at)) = self.open_styles.pop() {
            let pieces = (at as usize..self.pieces.len()).into();
            push_grown(
                &mut self.styles,
                Styled {
                    kind,
                    span: (start as usize..end).into(),
                    pieces,
                },
            );
        }
    }

    /// A link to `url` opens at `start`.
    #[inline]
    fn open_link(&mut self, url: CowStr<'a>, start: usize) {
        let at = self.pieces.len();
        self.open_links.push((url, start, at));
    }

    /// The innermost open link closes at `end`, over the pieces read since it opened.
    #[inline]
    fn close_link(&mut self, end: usize) {
        if let Some((url, start, at)) = self.open_links.pop() {
            let pieces = (at..self.pieces.len()).into();
            self.links.push(InlineLink {
                url,
                span: (start..end).into(),
                pieces,
            });
        }
    }

    /// An image of `url` opens at `start`.
    #[inline]
    fn open_image(&mut self, url: CowStr<'a>, start: usize) {
        let at = self.pieces.len();
        self.images.push((url, start, at));
    }

    /// The innermost open image closes at `end`: the line's image, if it is the only one
    /// and neither linked nor emphasised (a figure, if the line holds nothing else).
    #[inline]
    fn close_image(&mut self, end: usize) {
        if let Some((url, start, at)) = self.images.pop() {
            if !self.open_links.is_empty() || !self.open_styles.is_empty() {
                // A linked or emphasised image: the line is more than exactly one
                // image, no figure.
                self.line_other = true;
            } else if self.images.is_empty() {
                self.line_images += 1;
                self.line_image = Some((url, start..end, at..self.pieces.len()));
            }
        }
    }

    /// Ready for a new inline at `span`, with the room of the vectors kept.
    fn reset(&mut self, span: Span) {
        self.pieces.clear();
        self.styles.clear();
        self.links.clear();
        self.span = span;
        self.open_styles.clear();
        self.open_links.clear();
        self.line_start = 0;
        self.line_images = 0;
        self.line_other = false;
        self.line_image = None;
        self.images.clear();
        self.figures.clear();
    }
}

/// The builder as the fast path's sink: the events of one block. The first event the
/// builder refuses (a limit) makes the block unsure, to be read again by the general path,
/// which gives the error if the block really is over the limit.
struct FastSink<'b, 'a, 'o> {
    builder: &'b mut Builder<'a, 'o>,
    st: &'b mut SegmentState<'a>,
    refused: bool,
}

impl<'a> FastSink<'_, 'a, '_> {
    /// [`Sink::plain`] for a paragraph, a heading or an item.
    fn plain_block(&mut self, block: Plain, text: Range<usize>, span: Range<usize>) {
        if self.refused {
            return;
        }
        let st = &mut *self.st;
        if st.stack.len() >= self.builder.options.limits.max_depth {
            // (The events' way gives the error.)
            self.refused = true;
            return;
        }
        let text_str = &self.builder.src[text.clone()];
        if !text.is_empty() {
            st.last_text_in_item = (block == Plain::Item, text.end);
        }
        let inline = Inline {
            repr: Repr::Plain {
                text: text_str,
                span: span.clone().into(),
            },
        };
        if matches!(block, Plain::Heading(_) | Plain::Paragraph) {
            // (A top-level block starts, as in `start_tag`.)
            st.snapshot = (
                self.builder.sections.len(),
                self.builder.blocks().len(),
                span.start,
            );
        }
        match block {
            Plain::Heading(level) => {
                // (As `start_tag` and `end_tag` for a heading outside lists.)
                let heading_end = without_line_break(self.builder.src, span.start, span.end);
                self.builder.push_section(Section {
                    level: level as u8,
                    title: inline,
                    heading_span: (span.start..heading_end).into(),
                    span: (span.start..span.start).into(),
                    blocks: Box::default(),
                });
            }
            Plain::Paragraph => {
                if has_text(text_str) {
                    push_grown(self.builder.blocks(), Block::Paragraph(inline));
                }
            }
            Plain::Item => {
                if st.items_depth == 0 {
                    if let Some(Open::List(list)) = st.stack.last_mut() {
                        push_item(list, &mut st.items, inline);
                    }
                }
            }
            // (Given by `plain` itself.)
            Plain::Cell => {}
        }
    }

    /// Whether an inline element may start at `start`, as `start_tag` checks it: not once
    /// the sink refused, nor at the nesting limit (the block is then refused: the general
    /// path gives the error).
    #[inline]
    fn may_start(&mut self, start: usize) -> bool {
        if self.refused {
            return false;
        }
        let st = &mut *self.st;
        if st.stack.is_empty() {
            st.snapshot = (
                self.builder.sections.len(),
                self.builder.blocks.len(),
                start,
            );
        }
        if st.stack.len() >= self.builder.options.limits.max_depth {
            self.refused = true;
            return false;
        }
        true
    }
}

impl<'a> Sink<'a> for FastSink<'_, 'a, '_> {
    #[inline]
    fn event(&mut self, event: Event<'a>, span: Range<usize>) {
        if self.refused {
            return;
        }
        // The fast path reads no lazy line: no line break splits anything.
        let body_end = self.builder.body_end;
        if self.builder.event(self.st, event, span, body_end).is_err() {
            self.refused = true;
        }
    }

    /// As [`Builder::event`] makes an [`Event::Text`] of the input.
    #[inline]
    fn text(&mut self, range: Range<usize>) {
        if self.refused {
            return;
        }
        let text = &self.builder.src[range.clone()];
        self.st.text(CowStr::Borrowed(text), range);
    }

    /// What `start_tag`, `SegmentState::text` and `end_tag` make of the block's events,
    /// made directly. A table's cell (most of these blocks, in the corpus) where it is
    /// given, the other blocks in a call.
    #[inline(always)]
    fn plain(&mut self, block: Plain, text: Range<usize>, span: Range<usize>) {
        if block != Plain::Cell {
            return self.plain_block(block, text, span);
        }
        let st = &mut *self.st;
        if self.refused || st.stack.len() >= self.builder.options.limits.max_depth {
            // (The events' way gives the error.)
            self.refused = true;
            return;
        }
        let text_str = &self.builder.src[text.clone()];
        if !text.is_empty() {
            st.last_text_in_item = (false, text.end);
        }
        if let [.., Open::Table, Open::TableHead | Open::TableRow] = st.stack.as_slice() {
            st.table.cells.push(Inline {
                repr: Repr::Plain {
                    text: text_str,
                    span: span.into(),
                },
            });
        }
    }

    /// As [`Builder::event`] takes an [`Event::Start`].
    #[inline]
    fn start(&mut self, tag: Tag<'a>, span: Range<usize>) {
        if !self.refused && self.builder.start_tag(self.st, tag, span).is_err() {
            self.refused = true;
        }
    }

    /// As [`Builder::event`] takes an [`Event::End`].
    #[inline]
    fn end(&mut self, end: TagEnd, span: Range<usize>) {
        if !self.refused {
            self.builder.end_tag(self.st, end, span);
        }
    }

    /// As [`Builder::event`] takes an [`Event::Text`].
    #[inline]
    fn other_text(&mut self, text: CowStr<'a>, span: Range<usize>) {
        if !self.refused {
            self.st.text(text, span);
        }
    }

    /// As `start_tag` and `end_tag` take an emphasis's events.
    #[inline]
    fn style(&mut self, strong: bool, open: bool, span: Range<usize>) {
        let may = if open {
            self.may_start(span.start)
        } else {
            !self.refused
        };
        if !may {
            return;
        }
        if let Some(b) = self.st.inline.active() {
            if open {
                b.open_style(strong, span.start);
            } else {
                b.close_style(span.end);
            }
        }
    }

    /// As `start_tag`, `SegmentState::text` and `end_tag` take a link's events.
    #[inline]
    fn link(&mut self, image: bool, url: Range<usize>, text: Range<usize>, span: Range<usize>) {
        if !self.may_start(span.start) {
            return;
        }
        let url = CowStr::Borrowed(&self.builder.src[url]);
        if let Some(b) = self.st.inline.active() {
            if image {
                b.open_image(url, span.start);
            } else {
                b.open_link(url, span.start);
            }
        }
        if !text.is_empty() {
            self.text(text);
        }
        if let Some(b) = self.st.inline.active() {
            if image {
                b.close_image(span.end);
            } else {
                b.close_link(span.end);
            }
        }
    }

    /// As [`Builder::event`] takes a line break (the fast path reads no lazy line: no
    /// line break splits anything).
    #[inline]
    fn line_break(&mut self, _hard: bool, span: Range<usize>) {
        if !self.refused {
            let body_end = self.builder.body_end;
            let _split = self.builder.line_break(self.st, span, body_end);
        }
    }

    #[inline]
    fn src(&self, range: Range<usize>) -> &'a str {
        &self.builder.src[range]
    }

    /// As `start_tag` takes a top-level table's start and its head's, and
    /// [`table_size`](Sink::table_size) its size.
    #[inline]
    fn table_start(&mut self, span: Range<usize>, head: Range<usize>, rows: usize, width: usize) {
        let st = &mut *self.st;
        if self.refused
            || !st.stack.is_empty()
            || st.items_depth > 0
            || self.builder.options.limits.max_depth < 2
        {
            // (The events' way, which refuses what is over the limit.)
            return TableEvents(self).start(span, head, rows, width);
        }
        st.snapshot = (
            self.builder.sections.len(),
            self.builder.blocks().len(),
            span.start,
        );
        st.table = TableBuilder {
            cells: Vec::with_capacity(width + rows * width),
            row_starts: Vec::with_capacity(rows),
            span: span.into(),
        };
        st.stack.push(Open::Table);
        st.stack.push(Open::TableHead);
    }

    /// As `end_tag` and `start_tag` take the end of a top-level table's head or row and
    /// the start of its next row.
    #[inline]
    fn table_next_row(&mut self, after_head: bool, previous: Range<usize>, row: Range<usize>) {
        if self.refused {
            return;
        }
        let st = &mut *self.st;
        if let [Open::Table, top @ (Open::TableHead | Open::TableRow)] = st.stack.as_mut_slice() {
            *top = Open::TableRow;
            let t = &mut st.table;
            t.row_starts.push(t.cells.len() as u32);
            return;
        }
        TableEvents(self).next_row(after_head, previous, row);
    }

    /// As `end_tag` takes the end of a top-level table's last row (or head) and of the
    /// table.
    #[inline]
    fn table_end(&mut self, head_only: bool, last: Range<usize>, span: Range<usize>) {
        if self.refused {
            return;
        }
        let st = &mut *self.st;
        if let [Open::Table, Open::TableHead | Open::TableRow] = st.stack.as_slice() {
            st.stack.clear();
            let table = Box::new(std::mem::take(&mut st.table).finish(span.end));
            push_grown(self.builder.blocks(), Block::Table(table));
            return;
        }
        TableEvents(self).end(head_only, last, span);
    }

    /// Room for exactly the table's cells: no growing, and nothing to shrink at its end.
    fn table_size(&mut self, rows: usize, width: usize) {
        if let Some(Open::Table) = self.st.stack.last() {
            let t = &mut self.st.table;
            t.cells.reserve_exact(width + rows * width);
            t.row_starts.reserve_exact(rows);
        }
    }

    /// Room for exactly the list's items, in the list itself: they are not gathered in
    /// [`SegmentState::items`] and copied (a long list's items were held twice).
    fn list_size(&mut self, items: usize) {
        if self.st.items_depth == 0 {
            if let Some(Open::List(list)) = self.st.stack.last_mut() {
                list.items.reserve_exact(items);
            }
        }
    }
}

/// Adds an item to `list`: into the list itself if room was made for its items
/// ([`Sink::list_size`]), or else to the items gathered while it is read.
#[inline]
fn push_item<'a>(list: &mut ListBuilder<'a>, gathered: &mut Vec<Inline<'a>>, item: Inline<'a>) {
    if list.items.capacity() > list.items.len() {
        list.items.push(item);
    } else {
        gathered.push(item);
    }
}

/// What is open while one segment is read.
struct SegmentState<'a> {
    /// The open blocks, innermost last.
    stack: Vec<Open<'a>>,
    /// Inline text being built: the innermost leaf block, or the top-level list item.
    inline: InlineSlot<'a>,
    /// Open list items.
    items_depth: usize,
    /// The items of the list open outside any item, while it is read: the vector's room is
    /// kept from one list to the next, and each list gets a vector of exactly its length.
    items: Vec<Inline<'a>>,
    /// Open block quotes.
    quotes: usize,
    /// The open table's cells (tables do not nest; one in a list item is skipped): in
    /// place, where a box of them was made for each table.
    table: TableBuilder<'a>,
    /// Rollback point: sections and blocks before the current top-level block, and where
    /// it starts.
    snapshot: (usize, usize, usize),
    /// Whether the last text read so far was inside a list item, and where it ended.
    last_text_in_item: (bool, usize),
}

impl<'a> SegmentState<'a> {
    /// Nothing open, at `start`.
    fn new(builder: &mut Builder<'a, '_>, start: usize) -> Self {
        Self::with_inline(builder, start, InlineBuilder::default())
    }

    /// Nothing open, at `start`, with the vectors of `room` (emptied there) in its inline
    /// builder.
    #[inline(always)]
    fn with_room(
        builder: &mut Builder<'a, '_>,
        start: usize,
        room: &mut InlineBuilder<'static>,
    ) -> Self {
        Self::with_inline(builder, start, InlineBuilder::from_room(room))
    }

    /// Nothing open, at `start`, with `inline` (empty) as the inline builder.
    #[inline(always)]
    fn with_inline(
        builder: &mut Builder<'a, '_>,
        start: usize,
        mut inline: InlineBuilder<'a>,
    ) -> Self {
        inline.src = builder.src;
        SegmentState {
            // (Room for three: a table, its row and a cell, as deep as the fast path goes
            // but for a list in a list's item; the usual four made a small document's
            // peak 40 bytes higher.)
            stack: Vec::with_capacity(3),
            inline: InlineSlot {
                builder: inline,
                open: false,
            },
            items_depth: 0,
            items: Vec::new(),
            quotes: 0,
            table: TableBuilder::default(),
            snapshot: (builder.sections.len(), builder.blocks().len(), start),
            last_text_in_item: (false, start),
        }
    }

    /// Nothing open, at `start`, with the room of the vectors kept.
    fn restart(&mut self, builder: &mut Builder<'a, '_>, start: usize) {
        self.stack.clear();
        self.inline.close();
        self.items_depth = 0;
        self.items.clear();
        self.quotes = 0;
        // (A table that ended left its builder taken: most blocks have nothing to drop.)
        if self.table.cells.capacity() != 0 || self.table.row_starts.capacity() != 0 {
            self.table = TableBuilder::default();
        } else {
            self.table.span = Span::default();
        }
        self.snapshot = (builder.sections.len(), builder.blocks().len(), start);
        self.last_text_in_item = (false, start);
    }

    /// Text, code, math: a piece of the inline being built (code blocks line by line).
    fn text(&mut self, t: CowStr<'a>, span: Range<usize>) {
        self.last_text_in_item = (self.items_depth > 0 && self.quotes == 0, span.end);
        if let Some(b) = self.inline.active() {
            if b.images.is_empty() && has_text(&t) {
                b.line_other = true;
            }
            if matches!(self.stack.last(), Some(Open::CodeBlock)) {
                push_lines(b, t);
            } else {
                b.push(Piece::Text(t));
            }
        }
    }

    /// Raw HTML, read as text.
    fn html(&mut self, t: CowStr<'a>) {
        if let Some(b) = self.inline.active() {
            if b.images.is_empty() && has_text(&t) {
                b.line_other = true;
            }
            push_lines(b, t);
        }
    }

    /// A footnote reference, kept as its text.
    fn footnote(&mut self, t: CowStr<'a>) {
        if let Some(b) = self.inline.active() {
            b.line_other = true;
            b.push(Piece::Text(t));
        }
    }
}

impl<'a> Builder<'a, '_> {
    /// The blocks of the last section.
    fn blocks(&mut self) -> &mut Vec<Block<'a>> {
        &mut self.blocks
    }

    /// Starts a section: the last one's blocks become its own.
    fn push_section(&mut self, section: Section<'a>) {
        self.close_last_section();
        // (Moved into a vector of their number at the end.)
        crate::document::grow_by_half(&mut self.sections);
        self.sections.push(section);
    }

    /// Gives the last section its blocks, in a vector of exactly their number.
    fn close_last_section(&mut self) {
        let last = self.sections.last_mut().expect("the lead is always there");
        debug_assert!(last.blocks.is_empty());
        last.blocks = take_boxed(&mut self.blocks);
    }

    /// Drops what was read after the first `sections` sections and `blocks` blocks of the
    /// last of them.
    fn truncate(&mut self, sections: usize, blocks: usize) {
        if self.sections.len() > sections {
            self.sections.truncate(sections);
            let last = self.sections.last_mut().expect("the lead is always there");
            self.blocks.clear();
            self.blocks
                .extend(std::mem::take(&mut last.blocks).into_vec());
        }
        self.blocks.truncate(blocks);
    }

    /// Reads `src[range]` with the general path: segment by segment (see `segments`), each
    /// with a pulldown-cmark parser of its own; in one piece if a label may be defined
    /// twice (a segment's parser would take its own definition of it, not the first).
    /// (A segment split at a lazy line, [`Outcome::Split`], still reads its rest with a
    /// parser of its own: a label defined again there resolves with that definition.)
    fn general(
        &mut self,
        range: Range<usize>,
        references: &[Reference],
        may_repeat: bool,
    ) -> Result<(), Error> {
        // Segments still to parse, last first.
        let lazy_cuts = self.options.list_end == ListEnd::WhereWritten;
        let mut todo: Vec<Segment> = if may_repeat {
            vec![Segment { range, cut: false }]
        } else {
            segments(self.src, range, lazy_cuts)
        };
        todo.reverse();
        while let Some(segment) = todo.pop() {
            match self.segment(segment.range.clone(), segment.cut, references)? {
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
                    // The cut at the end of this segment was no lazy line: read this
                    // segment and the next as one.
                    let next = todo.pop().expect("a cut segment has a successor");
                    todo.push(Segment {
                        range: segment.range.start..next.range.end,
                        cut: next.cut,
                    });
                }
            }
        }
        Ok(())
    }

    /// Reads the block at `at` with the fast path, building it as it is read; if the
    /// fast path is not certain of it, or the builder refuses it (a limit), whatever was
    /// built of it is dropped: [`Read::Unsure`].
    fn fast_block(
        &mut self,
        reader: &mut FastReader<'a>,
        st: &mut SegmentState<'a>,
        at: usize,
    ) -> Read {
        let (sections, blocks) = (self.sections.len(), self.blocks().len());
        st.restart(self, at);
        let mut sink = FastSink {
            st,
            builder: self,
            refused: false,
        };
        let read = match reader.block(at, &mut sink) {
            _ if sink.refused => Read::Unsure,
            read => read,
        };
        match read {
            Read::Next(_) => {
                self.fast_blocks += if self.sections.len() > sections {
                    1 // a heading
                } else {
                    self.blocks().len() - blocks
                };
            }
            Read::Unsure => {
                self.truncate(sections, blocks);
            }
        }
        read
    }

    /// Reads one segment, `src[range]`, into sections and blocks. A segment `cut` before a
    /// line that may end a list is kept only if that line does end one (else nothing of it
    /// is kept: [`Outcome::Rejoin`]); a lazy continuation line inside a list splits the
    /// segment there ([`Outcome::Split`]).
    fn segment(
        &mut self,
        range: Range<usize>,
        cut: bool,
        references: &[Reference],
    ) -> Result<Outcome, Error> {
        // After blank lines, the parser is given the next line too: whether the blank lines
        // belong to the block before them (an empty list item) depends on it. The line
        // starts a block of its own, whose events are not kept.
        let read_end = self.read_end(range.end);
        let input = &self.src[range.start..read_end];
        let base = range.start;
        let at_start = (self.sections.len(), self.blocks().len());
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
        let mut st = SegmentState::new(self, base);
        for (event, span) in events {
            let span = span.start + base..span.end + base;
            if read_end > range.end && span.start >= range.end {
                break; // the line after the segment starts a block of its own
            }
            if let Some(split) = self.event(&mut st, event, span, range.end)? {
                return Ok(split);
            }
        }
        if cut && !self.cut_confirmed(&st, &range) {
            self.truncate(at_start.0, at_start.1);
            return Ok(Outcome::Rejoin);
        }
        Ok(Outcome::Done)
    }

    /// Where the parser of a segment that ends at `end` stops reading: at the end of the
    /// line at `end` if a blank line comes before it, else at `end`.
    fn read_end(&self, end: usize) -> usize {
        let bytes = self.src.as_bytes();
        if end >= self.body_end || end < 2 || bytes[end - 1] != b'\n' {
            return end;
        }
        if !ends_with_blank_line(&bytes[..end - 1]) {
            return end;
        }
        memchr::memchr(b'\n', &bytes[end..self.body_end]).map_or(self.body_end, |i| end + i + 1)
    }

    /// One event of a segment (or of a block the fast path read). A lazy continuation line
    /// inside a list splits the segment: the outcome returned.
    fn event(
        &mut self,
        st: &mut SegmentState<'a>,
        event: Event<'a>,
        span: Range<usize>,
        segment_end: usize,
    ) -> Result<Option<Outcome>, Error> {
        match event {
            Event::Start(tag) => self.start_tag(st, tag, span)?,
            Event::End(end) => self.end_tag(st, end, span),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                st.text(t, span)
            }
            Event::Html(t) | Event::InlineHtml(t) => st.html(t),
            Event::SoftBreak | Event::HardBreak => {
                return Ok(self.line_break(st, span, segment_end));
            }
            Event::FootnoteReference(t) => st.footnote(t),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
        Ok(None)
    }

    /// A block or inline starts: a section for a heading, an open block on the stack, an
    /// inline builder for text, an open style, link or image.
    fn start_tag(
        &mut self,
        st: &mut SegmentState<'a>,
        tag: Tag<'a>,
        span: Range<usize>,
    ) -> Result<(), Error> {
        if st.stack.is_empty() {
            st.snapshot = (self.sections.len(), self.blocks().len(), span.start);
        }
        let max_depth = self.options.limits.max_depth;
        if st.stack.len() >= max_depth {
            return Err(Error::new(
                ErrorKind::LimitExceeded {
                    what: "body nesting depth",
                    limit: max_depth,
                },
                self.src,
                span.start..span.start,
            ));
        }
        let in_item = st.items_depth > 0;
        match tag {
            Tag::Paragraph => {
                start_leaf(&mut st.inline, in_item, &span);
                st.stack.push(Open::Paragraph { start: span.start });
            }
            Tag::Heading { level, .. } => {
                if in_item {
                    if let Some(b) = st.inline.active() {
                        b.push(Piece::Block);
                    }
                } else {
                    let heading_end = without_line_break(self.src, span.start, span.end);
                    self.push_section(Section {
                        level: level as u8,
                        title: Inline::default(),
                        heading_span: (span.start..heading_end).into(),
                        span: (span.start..span.start).into(),
                        blocks: Box::default(),
                    });
                    st.inline.open(&span);
                }
                st.stack.push(Open::Heading);
            }
            Tag::List(start) => {
                if in_item {
                    if let Some(b) = st.inline.active() {
                        b.push(Piece::Block);
                    }
                } else {
                    debug_assert!(st.items.is_empty(), "one list outside items at a time");
                }
                // CommonMark's start numbers have at most nine digits.
                let start = start.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
                st.stack.push(Open::List(ListBuilder {
                    items: Vec::new(),
                    start,
                    span: span.into(),
                }));
            }
            Tag::Item => {
                if st.items_depth == 0 {
                    st.inline.open(&span);
                } else if let Some(b) = st.inline.active() {
                    b.push(Piece::Block);
                }
                st.items_depth += 1;
                st.stack.push(Open::Item {
                    content_column: content_column(self.src, span.start),
                });
            }
            Tag::BlockQuote(_) => {
                st.quotes += 1;
                st.stack.push(Open::BlockQuote);
            }
            Tag::Table(_) => {
                if in_item {
                    st.stack.push(Open::Other);
                } else {
                    st.table = TableBuilder {
                        cells: Vec::new(),
                        row_starts: Vec::new(),
                        span: span.into(),
                    };
                    st.stack.push(Open::Table);
                }
            }
            Tag::TableHead => st.stack.push(Open::TableHead),
            Tag::TableRow => {
                if let Some(Open::Table) = st.stack.last() {
                    let t = &mut st.table;
                    t.row_starts.push(t.cells.len() as u32);
                }
                st.stack.push(Open::TableRow);
            }
            Tag::TableCell => {
                start_leaf(&mut st.inline, in_item, &span);
                st.stack.push(Open::TableCell);
            }
            Tag::CodeBlock(_) => {
                // Code is dropped, except inside a list item, whose text is all
                // its blocks' texts (the contract).
                if in_item {
                    start_leaf(&mut st.inline, in_item, &span);
                } else {
                    st.inline.close();
                }
                st.stack.push(Open::CodeBlock);
            }
            Tag::HtmlBlock => {
                start_leaf(&mut st.inline, in_item, &span);
                st.stack.push(Open::HtmlBlock);
            }
            Tag::Emphasis | Tag::Strong => {
                if let Some(b) = st.inline.active() {
                    b.open_style(matches!(tag, Tag::Strong), span.start);
                }
            }
            Tag::Link { dest_url, .. } => {
                if let Some(b) = st.inline.active() {
                    b.open_link(dest_url, span.start);
                }
            }
            Tag::Image { dest_url, .. } => {
                if let Some(b) = st.inline.active() {
                    b.open_image(dest_url, span.start);
                }
            }
            _ => {
                // Inline tags without a model (strikethrough …) keep their text;
                // block tags without one are skipped as containers.
                if is_block_tag(&tag) {
                    st.stack.push(Open::Other);
                }
            }
        }
        Ok(())
    }

    /// A block or inline ends: styles, links and images close their pieces; a block leaves
    /// the stack and lands in its section, its list or its table.
    fn end_tag(&mut self, st: &mut SegmentState<'a>, end: TagEnd, span: Range<usize>) {
        match end {
            TagEnd::Emphasis | TagEnd::Strong => {
                if let Some(b) = st.inline.active() {
                    b.close_style(span.end);
                }
                return;
            }
            TagEnd::Link => {
                if let Some(b) = st.inline.active() {
                    b.close_link(span.end);
                }
                return;
            }
            TagEnd::Image => {
                if let Some(b) = st.inline.active() {
                    b.close_image(span.end);
                }
                return;
            }
            _ => {}
        }
        if !is_block_end(&end) {
            return;
        }
        let Some(open) = st.stack.pop() else { return };
        match open {
            Open::Paragraph { start } => {
                if st.items_depth == 0 {
                    if let Some(b) = st.inline.take() {
                        self.finish_paragraph(b, start..span.end);
                    }
                }
            }
            Open::Heading => {
                if st.items_depth == 0 {
                    if let Some(b) = st.inline.take() {
                        if let Some(section) = self.sections.last_mut() {
                            section.title = b.finish();
                        }
                    }
                }
            }
            Open::Item { .. } => {
                st.items_depth -= 1;
                if st.items_depth == 0 {
                    if let Some(b) = st.inline.take() {
                        b.span.end = span.end as u32;
                        let item = b.finish();
                        if let Some(Open::List(list)) = st.stack.last_mut() {
                            push_item(list, &mut st.items, item);
                        }
                    }
                } else if let Some(b) = st.inline.active() {
                    b.push(Piece::Block);
                }
            }
            Open::List(mut list) => {
                if st.items_depth == 0 {
                    list.span.end = span.end as u32;
                    if !st.items.is_empty() {
                        list.items.append(&mut st.items);
                    }
                    push_grown(
                        self.blocks(),
                        Block::List(List {
                            items: list.items.into_boxed_slice(),
                            start: list.start,
                            span: list.span,
                        }),
                    );
                }
            }
            Open::BlockQuote => st.quotes -= 1,
            Open::TableCell => {
                if st.items_depth == 0 {
                    if let Some(b) = st.inline.take() {
                        let cell = b.finish();
                        if let [.., Open::Table, Open::TableHead | Open::TableRow] =
                            st.stack.as_slice()
                        {
                            st.table.cells.push(cell);
                        }
                    }
                }
            }
            Open::Table => {
                let table = Box::new(std::mem::take(&mut st.table).finish(span.end));
                push_grown(self.blocks(), Block::Table(table));
            }
            Open::CodeBlock => {}
            Open::HtmlBlock => {
                if st.items_depth == 0 {
                    if let Some(b) = st.inline.take() {
                        self.finish_paragraph(b, span.clone());
                    }
                }
            }
            Open::TableHead | Open::TableRow | Open::Other => {}
        }
    }

    /// A line break. Inside a list, a lazy continuation line ends the list where the
    /// writer ended it: the top-level block read so far is dropped, and the segment is to
    /// be split at that line (the outcome returned).
    fn line_break(
        &mut self,
        st: &mut SegmentState<'a>,
        span: Range<usize>,
        segment_end: usize,
    ) -> Option<Outcome> {
        let line = span.end;
        if self.options.list_end == ListEnd::WhereWritten
            && st.items_depth > 0
            && line < segment_end
            && is_lazy_in_list(self.src, &st.stack, line)
        {
            let (sections, blocks, block_start) = st.snapshot;
            self.truncate(sections, blocks);
            return Some(Outcome::Split { block_start, line });
        }
        if let Some(b) = st.inline.active() {
            end_line(b);
            b.push(Piece::Break);
            b.line_start = b.pieces.len();
        }
        None
    }

    /// Whether a segment cut before a line that may end a list was cut rightly: its last
    /// line must end inside a list item.
    fn cut_confirmed(&self, st: &SegmentState<'a>, range: &Range<usize>) -> bool {
        let base = range.start;
        let last_line = memchr::memrchr(
            b'\n',
            &self.src.as_bytes()[base..range.end.saturating_sub(1).max(base)],
        )
        .map_or(base, |i| base + i + 1);
        let (in_item, end) = st.last_text_in_item;
        in_item && end > last_line
    }

    /// Ends a paragraph: lines that are one image become figures, the rest a paragraph.
    fn finish_paragraph(&mut self, b: &mut InlineBuilder<'a>, span: Range<usize>) {
        end_line(b);
        let mut figures = std::mem::take(&mut b.figures);
        let has_text = b
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if has_text(t)));
        b.span = span.into();
        let inline = b.finish();
        let blocks = self.blocks();
        let mut paragraph = if has_text { Some(inline) } else { None };
        for (after_text, figure) in figures.drain(..) {
            if after_text {
                if let Some(p) = paragraph.take() {
                    push_grown(blocks, Block::Paragraph(p));
                }
            }
            push_grown(blocks, Block::Figure(Box::new(figure)));
        }
        if let Some(p) = paragraph {
            push_grown(blocks, Block::Paragraph(p));
        }
        // (Its room kept for the next paragraph's figures.)
        b.figures = figures;
    }
}

/// Starts the inline text of a leaf block (paragraph, cell, code, HTML): inside a list item
/// the item's text goes on after a block boundary; elsewhere the block gets its own text.
fn start_leaf(inline: &mut InlineSlot<'_>, in_item: bool, span: &Range<usize>) {
    if in_item {
        if let Some(b) = inline.active() {
            b.push(Piece::Block);
        }
    } else {
        inline.open(span);
    }
}

/// At the end of a line of a paragraph: if the line is exactly one image, it becomes a
/// figure and its pieces leave the paragraph.
fn end_line(b: &mut InlineBuilder<'_>) {
    let is_figure = b.line_images == 1 && !b.line_other && b.images.is_empty();
    if let (true, Some((url, span, pieces))) = (is_figure, b.line_image.take()) {
        b.alt.clear();
        b.alt.extend(b.pieces.drain(pieces.start..));
        b.pieces.truncate(b.line_start);
        let line_start = b.line_start;
        b.styles.retain(|s| s.pieces.end as usize <= line_start);
        b.links.retain(|l| l.pieces.end as usize <= line_start);
        let had_text = b
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if has_text(t)));
        b.figures.push((
            had_text,
            Figure {
                alt: Inline {
                    repr: Repr::take(
                        b.src,
                        &mut b.alt,
                        &mut Vec::new(),
                        &mut Vec::new(),
                        span.clone().into(),
                    ),
                },
                url,
                span: span.into(),
            },
        ));
        // The break before this line is no longer needed.
        if matches!(b.pieces.last(), Some(Piece::Break)) {
            b.pieces.pop();
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

/// Whether the last line of `text` (which ends before a line break) is blank as
/// pulldown-cmark reads it: its lines end at `\n`, `\r\n` or a lone `\r`, and a blank one
/// holds only spaces, tabs, line tabulations and form feeds.
fn ends_with_blank_line(text: &[u8]) -> bool {
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    let start = text
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    text[start..]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | 0x0b | 0x0c))
}

/// Whether `t` holds more than white space. Most text starts or ends with a visible
/// ASCII character (a text after an emphasis starts with a space), which settles it
/// without trimming.
#[inline]
fn has_text(t: &str) -> bool {
    match t.as_bytes() {
        [b'!'..=b'~', ..] | [.., b'!'..=b'~'] => true,
        _ => !t.trim().is_empty(),
    }
}

/// `end` without a final line break.
fn without_line_break(src: &str, start: usize, end: usize) -> usize {
    let t = src[start..end].trim_end_matches(['\n', '\r']);
    start + t.len()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A document parsed as a thread ends, in a thread-local value's destructor that runs
    /// after the thread's room is gone, is read with a room of its own (taking the room
    /// from a thread-local cell that was gone panicked).
    #[test]
    fn a_parse_as_a_thread_ends_reads_with_a_room_of_its_own() {
        struct ParseOnDrop;
        impl Drop for ParseOnDrop {
            fn drop(&mut self) {
                let doc = crate::parse("---\ntitle: T\n---\n\n# A\n\n*b* c\n").unwrap();
                assert_eq!(doc.sections().len(), 2);
            }
        }
        thread_local! {
            static LAST: ParseOnDrop = const { ParseOnDrop };
        }
        std::thread::spawn(|| {
            // Made before the room: destroyed after it.
            LAST.with(|_| {});
            crate::parse("x").unwrap();
        })
        .join()
        .unwrap();
    }

    /// A recycled vector is the same allocation, emptied, whatever its values borrowed.
    #[test]
    fn a_recycled_vector_keeps_its_allocation() {
        let text = String::from("borrowed");
        let mut blocks: Vec<Block<'_>> = Vec::with_capacity(10);
        blocks.push(Block::Paragraph(Inline::empty((0..text.len()).into())));
        let at = blocks.as_ptr() as usize;
        let kept: Vec<Block<'static>> = recycled(blocks);
        assert_eq!((kept.len(), kept.capacity()), (0, 10));
        assert_eq!(kept.as_ptr() as usize, at);
    }

    /// `has_text` is the trimming it shortcuts, on every text of up to four characters
    /// from visible ASCII, ASCII and Unicode white space, and other letters.
    #[test]
    fn has_text_is_whether_trimming_leaves_anything() {
        let alphabet = [
            ' ', '\t', '\n', '\r', '\u{b}', '!', '~', 'a', '\u{7f}', '\u{a0}', 'é', '\u{3000}',
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().unwrap().chars().count())
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        for t in &texts {
            assert_eq!(has_text(t), !t.trim().is_empty(), "{t:?}");
        }
    }

    /// The sections and blocks gathered in the thread's room: a body read after a larger
    /// one (whose room it reuses) and after a smaller one (whose room it grows) gives what
    /// it gives on a thread of its own, in vectors of exactly its sections and blocks.
    #[test]
    fn sections_read_in_the_threads_room_are_those_of_a_fresh_room() {
        let body = |headings: usize, blocks: usize| -> String {
            let mut text = String::new();
            for h in 0..=headings {
                if h > 0 {
                    text.push_str(&format!("## Heading {h}\n\n"));
                }
                for b in 0..blocks {
                    text.push_str(&format!("Paragraph {b} *of* {h}.\n\n * an item\n\n"));
                }
            }
            text
        };
        let read = |src: &str| -> Vec<Section<'static>> {
            let options = ParseOptions::default();
            let parsed = parse(src, 0..src.len(), &options, Path::Fast).unwrap();
            assert_eq!(parsed.sections.capacity(), parsed.sections.len());
            parsed
                .sections
                .into_iter()
                .map(|s| s.into_owned())
                .collect()
        };
        let bodies = [
            body(30, 12),
            body(1, 2),
            body(0, 1),
            body(12, 40),
            body(3, 0),
        ];
        let alone: Vec<_> = bodies
            .iter()
            .map(|b| std::thread::scope(|s| s.spawn(|| read(b)).join().unwrap()))
            .collect();
        std::thread::scope(|s| {
            s.spawn(|| {
                for (b, alone) in bodies.iter().zip(&alone) {
                    assert_eq!(&read(b), alone);
                }
            });
        });
    }
}
