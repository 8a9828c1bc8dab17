//! The fast path: a block scanner for the Markdown this format is written in.
//!
//! wtf_wikipedia writes a small part of CommonMark: ATX headings, paragraphs of text with
//! bold, italic, links and images, tight ` * ` lists of one-line items, GFM tables with a
//! pipe at each end of their lines, and blank lines between blocks. This scanner reads
//! those blocks a line at a time (memchr for line ends) and their inline text only where
//! a byte that can start inline syntax occurs ([`INLINE_STOPS`], eight bytes a step), and
//! gives the builder, as it reads, what pulldown-cmark's events for the block would give
//! it, through a [`Sink`] method for each kind of element (not as events): one builder
//! makes the model for both paths. Whatever it is not certain about — a construct
//! it does not read (code, block quotes, loose or nested lists, setext headings, reference
//! links, code spans, autolinks, escaped pipes, entities it does not know, non-ASCII
//! punctuation it does not know next to `*` or `_`, control characters…) — it leaves to
//! the general path (pulldown-cmark), from the start of the block on: [`Read::Unsure`],
//! and the builder drops what it was given of the block. Emphasis is matched as
//! pulldown-cmark matches it (`emphasis`); `<` is text, as the general path reads it. The
//! two paths give the same model for every input; the `body_paths` property tests and the
//! `body` fuzz target hold them to it.
//!
//! Where the general path hands back is [`general_end`]: at a line that starts a block
//! afresh whatever came before (a heading, or a paragraph or table line after a blank
//! line).

use std::cell::Cell;
use std::ops::Range;

use memchr::memchr;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::emphasis::{Emphases, Out};
use super::letters::is_word_character;
use super::parser_input::{
    is_autolink, may_open_html_unmasked, numeric_reference, starts_destination,
};
use super::segments::{is_atx_heading, is_list_marker};
use super::Span;
use crate::repair::simd;

/// The bytes the inline reader stops at: everything that may be inline syntax, a line end,
/// and what it leaves to the general path (every other control character: tabs, carriage
/// returns, NUL, and the vertical tab and form feed, white space to pulldown-cmark).
static INLINE_STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let stops = b"*_`[]!\\&<|";
    let mut i = 0;
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    let mut control = 0;
    while control < 0x20 {
        table[control] = true;
        control += 1;
    }
    table
};

/// Where the fast path's elements go: the builder, the same one the general path feeds.
/// Each method but [`Sink::event`] and [`Sink::src`] says what an event or a few events of
/// pulldown-cmark's would say, and by default gives those events (the tests' recording
/// sink, and the emphasis reader's [`Out`] while an opener waits, take them so); the
/// builder takes each directly. The start of an emphasis carries the right start, not the
/// right end (the builder reads the start).
pub(super) trait Sink<'a> {
    /// One event, with its span in the input.
    fn event(&mut self, event: Event<'a>, span: Range<usize>);

    /// A block whose text is `text`, one slice of the input with no inline syntax (maybe
    /// empty): what the events of `block` around that text would give. The builder makes
    /// it directly; this default gives the events.
    fn plain(&mut self, block: Plain, text: Range<usize>, span: Range<usize>) {
        let (start, end) = match block {
            Plain::Paragraph => (Tag::Paragraph, TagEnd::Paragraph),
            Plain::Heading(level) => {
                let tag = Tag::Heading {
                    level,
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                };
                (tag, TagEnd::Heading(level))
            }
            Plain::Item => (Tag::Item, TagEnd::Item),
            Plain::Cell => (Tag::TableCell, TagEnd::TableCell),
        };
        self.event(Event::Start(start), span.clone());
        if !text.is_empty() {
            self.text(text);
        }
        self.event(Event::End(end), span);
    }

    /// The input's text at `range`: an [`Event::Text`] of it. The builder takes it
    /// directly (text is most of the events).
    #[inline(always)]
    fn text(&mut self, range: Range<usize>) {
        let text = self.src(range.clone());
        self.event(Event::Text(CowStr::Borrowed(text)), range);
    }

    /// A block or inline element starts: an [`Event::Start`] of `tag`. The builder takes
    /// it directly.
    #[inline(always)]
    fn start(&mut self, tag: Tag<'a>, span: Range<usize>) {
        self.event(Event::Start(tag), span);
    }

    /// A block or inline element ends: an [`Event::End`] of `end`. The builder takes it
    /// directly.
    #[inline(always)]
    fn end(&mut self, end: TagEnd, span: Range<usize>) {
        self.event(Event::End(end), span);
    }

    /// Text at `span` that is not the input's own (an escaped character, a decoded
    /// entity): an [`Event::Text`] of it. The builder takes it directly.
    #[inline(always)]
    fn other_text(&mut self, text: CowStr<'a>, span: Range<usize>) {
        self.event(Event::Text(text), span);
    }

    /// An emphasis (`strong`: strong emphasis) opens (`open`) or closes at `span`: an
    /// [`Event::Start`] or [`Event::End`] of [`Tag::Emphasis`] or [`Tag::Strong`]. The
    /// builder takes it directly.
    #[inline(always)]
    fn style(&mut self, strong: bool, open: bool, span: Range<usize>) {
        let event = match (strong, open) {
            (true, true) => Event::Start(Tag::Strong),
            (true, false) => Event::End(TagEnd::Strong),
            (false, true) => Event::Start(Tag::Emphasis),
            (false, false) => Event::End(TagEnd::Emphasis),
        };
        self.event(event, span);
    }

    /// An inline link (`image`: an image) to the input's `url`, at `span`, whose text is
    /// the input's `text` (plain, maybe empty): its start, its text and its end
    /// ([`link_events`]). The builder takes it directly.
    #[inline(always)]
    fn link(&mut self, image: bool, url: Range<usize>, text: Range<usize>, span: Range<usize>)
    where
        Self: Sized,
    {
        link_events(self, image, url, text, span);
    }

    /// A line break (`hard`, or soft) at `span`: [`Event::HardBreak`] or
    /// [`Event::SoftBreak`]. The builder takes it directly.
    #[inline(always)]
    fn line_break(&mut self, hard: bool, span: Range<usize>) {
        let event = if hard {
            Event::HardBreak
        } else {
            Event::SoftBreak
        };
        self.event(event, span);
    }

    /// The input's text at `range`.
    fn src(&self, range: Range<usize>) -> &'a str;

    /// The table just started has this many rows (the head aside) of `width` cells: room
    /// may be made for them.
    fn table_size(&mut self, _rows: usize, _width: usize) {}

    /// A table at `span` starts, and its head at `head`: [`Event::Start`] of
    /// [`Tag::Table`], [`table_size`](Self::table_size) with its `rows` rows of `width`
    /// cells, then the head's start ([`TableEvents::start`]). The builder takes them
    /// directly.
    #[inline(always)]
    fn table_start(&mut self, span: Range<usize>, head: Range<usize>, rows: usize, width: usize)
    where
        Self: Sized,
    {
        TableEvents(self).start(span, head, rows, width);
    }

    /// The table's head (`after_head`) or row at `previous` ends and its row at `row`
    /// starts: [`Event::End`] of [`TagEnd::TableHead`] or [`TagEnd::TableRow`], then
    /// [`Event::Start`] of [`Tag::TableRow`] ([`TableEvents::next_row`]). The builder
    /// takes them directly.
    #[inline(always)]
    fn table_next_row(&mut self, after_head: bool, previous: Range<usize>, row: Range<usize>)
    where
        Self: Sized,
    {
        TableEvents(self).next_row(after_head, previous, row);
    }

    /// The table's last row (or its head, `head_only`) at `last` ends, then the table at
    /// `span` ([`TableEvents::end`]). The builder takes them directly.
    #[inline(always)]
    fn table_end(&mut self, head_only: bool, last: Range<usize>, span: Range<usize>)
    where
        Self: Sized,
    {
        TableEvents(self).end(head_only, last, span);
    }

    /// The list just started has `items` items (each given with [`Plain::Item`] or as
    /// events; a list in one of them is no item of this one): room may be made for them.
    fn list_size(&mut self, _items: usize) {}
}

/// A block [`Sink::plain`] is given.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Plain {
    /// A paragraph (at the top level).
    Paragraph,
    /// An ATX heading (at the top level) of this level.
    Heading(HeadingLevel),
    /// An item of a top-level list.
    Item,
    /// A cell of a table's head or of one of its rows.
    Cell,
}

/// What the fast path made of the block at a line start.
pub(super) enum Read {
    /// A block was read, its events given to the sink (none for blank lines); the next
    /// block starts at this offset.
    Next(usize),
    /// Not certain: the general path reads from this block on (what the sink was given
    /// of it is to be dropped).
    Unsure,
}

/// A [`FastReader`]'s vectors, empty, between two documents: their room, kept so that the
/// next document does not grow them again from nothing.
#[derive(Default)]
pub(super) struct FastRoom {
    items: Vec<Item>,
    cells: Vec<Span>,
    row_ends: Vec<u32>,
    emphases: Emphases<'static>,
}

impl FastRoom {
    /// The bytes the vectors hold room for.
    pub(super) fn bytes(&self) -> usize {
        room_bytes(&self.items)
            + room_bytes(&self.cells)
            + room_bytes(&self.row_ends)
            + self.emphases.room_bytes()
    }
}

/// The bytes `vec` holds room for.
pub(super) fn room_bytes<T>(vec: &Vec<T>) -> usize {
    vec.capacity() * std::mem::size_of::<T>()
}

/// A list item found by the list pre-scan: the item's span and its text's, as `u32` (the
/// body is under 4 GiB): twenty bytes, not forty, for each item of the longest list.
struct Item {
    span: (u32, u32),
    text: (u32, u32),
    /// The column where the item's content starts (its text's, or the marker's of a list
    /// in it): a line indented as far is part of the item.
    column: u32,
}

impl Item {
    fn span(&self) -> Range<usize> {
        self.span.0 as usize..self.span.1 as usize
    }

    fn text(&self) -> Range<usize> {
        self.text.0 as usize..self.text.1 as usize
    }
}

/// The block scanner. Its buffers are kept from block to block.
pub(super) struct FastReader<'a> {
    src: &'a str,
    /// The end of the body.
    end: usize,
    /// Whether lists end where the writer ended them ([`ListEnd::WhereWritten`]): only
    /// then are lists read here.
    ///
    /// [`ListEnd::WhereWritten`]: crate::ListEnd::WhereWritten
    lists: bool,
    items: Vec<Item>,
    /// The cells of a table's row, between its pipes (kept for the next row, in 8 bytes a
    /// cell: a small document's peak holds this room).
    cells: Vec<Span>,
    /// The ends of a table's rows' lines (each next line starts after its `\n`).
    row_ends: Vec<u32>,
    emphases: Emphases<'a>,
    /// Whether the last inline text read held a pipe.
    pipes: bool,
    /// The last line looked for ([`line`](Self::line)): its start, its end and the next
    /// line's start. A block's reader looks at the line after it to see whether it ends
    /// there, and the next block starts with the same line.
    last_line: Cell<(usize, usize, usize)>,
}

/// How the character next to a run of `*` counts for CommonMark's flanking rules.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Space,
    Punctuation,
    Other,
}

impl<'a> FastReader<'a> {
    /// A reader with the vectors of `room` (emptied there), for their room.
    #[inline(always)]
    pub(super) fn new(src: &'a str, end: usize, lists: bool, room: &mut FastRoom) -> Self {
        FastReader {
            src,
            end,
            lists,
            items: std::mem::take(&mut room.items),
            cells: std::mem::take(&mut room.cells),
            row_ends: std::mem::take(&mut room.row_ends),
            emphases: Emphases::from_room(&mut room.emphases),
            pipes: false,
            last_line: Cell::new((usize::MAX, 0, 0)),
        }
    }

    /// Gives the reader's vectors, emptied, back to `room`, for another document's reader.
    /// (Vector by vector, in place: the reader and the room are a few hundred bytes each,
    /// and moving them whole was a call to `memcpy` each time: with the inline builder's,
    /// some 550 instructions a document, 12 % of a document of one title and one line.)
    pub(super) fn give_back(&mut self, room: &mut FastRoom) {
        self.items.clear();
        room.items = std::mem::take(&mut self.items);
        self.cells.clear();
        room.cells = std::mem::take(&mut self.cells);
        self.row_ends.clear();
        room.row_ends = std::mem::take(&mut self.row_ends);
        self.emphases.give_back(&mut room.emphases);
    }

    /// The end of the line at `at` (its `\n` excluded) and the start of the next one.
    #[inline]
    fn line(&self, at: usize) -> (usize, usize) {
        let (start, end, next) = self.last_line.get();
        if start == at {
            return (end, next);
        }
        let (end, next) = match memchr(b'\n', &self.src.as_bytes()[at..self.end]) {
            Some(i) => (at + i, at + i + 1),
            None => (self.end, self.end),
        };
        self.last_line.set((at, end, next));
        (end, next)
    }

    /// Reads the block that starts at the line start `at`.
    pub(super) fn block(&mut self, at: usize, sink: &mut impl Sink<'a>) -> Read {
        let (line_end, next) = self.line(at);
        let line = &self.src.as_bytes()[at..line_end];
        match line.first() {
            None => Read::Next(next),
            Some(b'#') => self.heading(at, line_end, next, sink),
            Some(b' ' | b'\t') if is_blank(line) => Read::Next(next),
            Some(b'|') => self.table(at, sink),
            Some(b' ' | b'*' | b'-' | b'+') if self.lists && starts_item(line) => {
                self.list(at, sink)
            }
            _ => match paragraph_indent(line) {
                Some(indent) => self.paragraph(at + indent, line_end, next, sink),
                None => Read::Unsure,
            },
        }
    }

    /// An ATX heading at column 0, without a closing sequence.
    fn heading(
        &mut self,
        at: usize,
        line_end: usize,
        next: usize,
        sink: &mut impl Sink<'a>,
    ) -> Read {
        let bytes = self.src.as_bytes();
        let line = &bytes[at..line_end];
        let level = line.iter().take_while(|&&b| b == b'#').count();
        let Ok(level_tag) = HeadingLevel::try_from(level) else {
            return Read::Unsure;
        };
        if line.get(level) != Some(&b' ') {
            return Read::Unsure; // an empty heading, a tab, or text (`#hashtag`)
        }
        let text = trim_spaces(bytes, at + level, line_end);
        if text.is_empty() || bytes[text.end - 1] == b'#' {
            return Read::Unsure;
        }
        let span = at..next;
        let stop = next_stop(bytes, text.start, text.end);
        if stop == text.end {
            sink.plain(Plain::Heading(level_tag), text, span);
            return Read::Next(next);
        }
        let tag = Tag::Heading {
            level: level_tag,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        };
        sink.start(tag, span.clone());
        if !self.inline_from(text, stop, sink) {
            return Read::Unsure;
        }
        sink.end(TagEnd::Heading(level_tag), span);
        Read::Next(next)
    }

    /// A paragraph whose first line is `at..line_end`: it goes on until a blank line, a
    /// heading or a bullet list.
    fn paragraph(
        &mut self,
        at: usize,
        line_end: usize,
        next: usize,
        sink: &mut impl Sink<'a>,
    ) -> Read {
        let bytes = self.src.as_bytes();
        let (mut text_end, mut end) = (line_end, next);
        while end < self.end {
            let (line_end, next) = self.line(end);
            match continuation(&bytes[end..line_end]) {
                Continuation::Text => (text_end, end) = (line_end, next),
                Continuation::Ends => break,
                Continuation::Unsure => return Read::Unsure,
            }
        }
        let span = at..end;
        let text = trim_spaces(bytes, at, text_end);
        let stop = next_stop(bytes, text.start, text.end);
        if stop == text.end {
            // (No pipe either: it is a stop.)
            sink.plain(Plain::Paragraph, text, span);
            return Read::Next(end);
        }
        sink.start(Tag::Paragraph, span.clone());
        if !self.inline_from(text, stop, sink) {
            return Read::Unsure;
        }
        // A pipe may make a table of the paragraph's lines, also one inside a link's
        // destination (cells are cut first): only if a line after the first, or the line
        // that ends the paragraph, may be a delimiter row. Otherwise it is text. The
        // inline reader, which passes every byte of the text, tells whether it saw one.
        if self.pipes {
            let after = if end < self.end {
                self.line(end).0
            } else {
                end
            };
            if may_hold_a_delimiter_row(&bytes[line_end..after]) {
                return Read::Unsure;
            }
        }
        sink.end(TagEnd::Paragraph, span);
        Read::Next(end)
    }

    /// A tight bullet list of one-line items (each text, or a bullet or ordered list of
    /// one item with text), all with the same marker and indentation, ended by a blank
    /// line before a line that is no list item and is indented less than the last item's
    /// text, or by a line at column 0 (which, lists ending where written, starts a new
    /// block).
    fn list(&mut self, at: usize, sink: &mut impl Sink<'a>) -> Read {
        let bytes = self.src.as_bytes();
        self.items.clear();
        let Some((marker, indent)) = item_marker(bytes, at) else {
            return Read::Unsure;
        };
        let mut line = at;
        let end = loop {
            let (line_end, next) = self.line(line);
            let Some((text, column)) = item_text(bytes, line, line_end, marker, indent) else {
                return Read::Unsure;
            };
            self.items.push(Item {
                span: (line as u32, next as u32),
                text: (text.start as u32, text.end as u32),
                column: column as u32,
            });
            if next >= self.end {
                break next;
            }
            let (after_end, _) = self.line(next);
            let after = &bytes[next..after_end];
            match after.first() {
                // (Control characters may be white space to pulldown-cmark.)
                Some(&b) if b < b' ' => return Read::Unsure,
                Some(&b) if b == b' ' && !is_blank(after) => {
                    // A sibling at the same indentation, or unsure.
                    if item_marker(bytes, next) != Some((marker, indent)) {
                        return Read::Unsure;
                    }
                }
                Some(&b) if b == marker && indent == 0 => {}
                _ if is_blank(after) => {
                    // The list ends before a line at column 0 that is no list item.
                    let resume = self.skip_blank_lines(next);
                    // (The list ends where the next block's text starts, its last item
                    // where the line does.)
                    let mut list_end = resume;
                    if resume < self.end {
                        let (resume_end, _) = self.line(resume);
                        let first = &bytes[resume..resume_end];
                        // A line indented less than the last item's text is no part of
                        // it. (A reference definition there would be part of the list's
                        // span.)
                        let indent = first.iter().take_while(|&&b| b == b' ').count();
                        let column = self.items.last().expect("one item").column as usize;
                        let rest = &first[indent..];
                        // Indented, only a paragraph: the list's span ends where the
                        // next block's text starts for a paragraph, but not for all blocks.
                        // (Four spaces in, after a blank line, is indented code.)
                        if indent >= column
                            || indent >= 4
                            || rest[0] <= b' '
                            || rest[0] == b'['
                            || starts_item(first)
                            || (indent > 0 && !starts_paragraph(rest))
                        {
                            return Read::Unsure;
                        }
                        list_end += indent;
                    }
                    self.items.last_mut().expect("one item").span.1 = resume as u32;
                    break list_end;
                }
                // A line at column 0: it starts a new block, unless it is an item of
                // another list.
                _ if starts_item(after) => return Read::Unsure,
                _ => break next,
            }
            line = next;
        };
        let span = at..end;
        sink.start(Tag::List(None), span.clone());
        let items = std::mem::take(&mut self.items);
        sink.list_size(items.len());
        for item in &items {
            let (text, span) = (item.text(), item.span());
            let stop = next_stop(bytes, text.start, text.end);
            if stop == text.end {
                sink.plain(Plain::Item, text, span);
                continue;
            }
            sink.start(Tag::Item, span.clone());
            if !self.inline_from(text, stop, sink) {
                self.items = items;
                return Read::Unsure;
            }
            sink.end(TagEnd::Item, span);
        }
        self.items = items;
        sink.end(TagEnd::List(false), span);
        Read::Next(end)
    }

    /// A GFM table at column 0 whose every line starts and ends with a pipe, with as many
    /// cells in its header as in its delimiter row (`---`, with colons for alignment), and
    /// a blank line (or the end) after it. Rows are cut or padded to the header's width.
    fn table(&mut self, at: usize, sink: &mut impl Sink<'a>) -> Read {
        let bytes = self.src.as_bytes();
        let (head_end, delimiter) = self.line(at);
        if delimiter >= self.end {
            return Read::Unsure;
        }
        let (delimiter_end, first_row) = self.line(delimiter);
        let mut cells = std::mem::take(&mut self.cells);
        cells.clear();
        let width = match table_cells(bytes, at, head_end, &mut cells) {
            Some(()) => cells.len(),
            None => return self.table_unsure(cells),
        };
        if delimiter_row_width(bytes, delimiter, delimiter_end) != Some(width) {
            return self.table_unsure(cells);
        }
        // The table's end: a blank line or the end of the body. The rows' line ends are
        // kept for reading them.
        let mut row_ends = std::mem::take(&mut self.row_ends);
        row_ends.clear();
        let mut end = first_row;
        while end < self.end {
            let (line_end, next) = self.line(end);
            if is_blank(&bytes[end..line_end]) {
                break;
            }
            row_ends.push(line_end as u32);
            end = next;
        }
        let read = self.table_rows(at, delimiter, first_row, &row_ends, &mut cells, sink);
        self.row_ends = row_ends;
        self.cells = cells;
        if read {
            Read::Next(end)
        } else {
            Read::Unsure
        }
    }

    /// The events of a table whose head's cells are `cells` (then room for each row's),
    /// its delimiter row at `delimiter`, its first row at `first_row`, its rows' lines
    /// ending at `row_ends`. `false` when it is not certain. The table's start gives no
    /// alignments: the model keeps none (a vector made and dropped for each table).
    fn table_rows(
        &mut self,
        at: usize,
        delimiter: usize,
        first_row: usize,
        row_ends: &[u32],
        cells: &mut Vec<Span>,
        sink: &mut impl Sink<'a>,
    ) -> bool {
        let bytes = self.src.as_bytes();
        let width = cells.len();
        // Where the line after the line ending at `end` starts.
        let body_end = self.end;
        let next_line = |end: u32| (end as usize + 1).min(body_end);
        let end = row_ends.last().map_or(first_row, |&end| next_line(end));
        let span = at..end;
        sink.table_start(span.clone(), at..delimiter, row_ends.len(), width);
        if !self.table_row(cells, width, delimiter, sink) {
            return false;
        }
        // The head, then each row, as read.
        let (mut last, mut in_head) = (at..delimiter, true);
        let mut row = first_row;
        for &row_end in row_ends {
            let next = next_line(row_end);
            cells.clear();
            if table_cells(bytes, row, row_end as usize, cells).is_none() {
                return false;
            }
            sink.table_next_row(in_head, last, row..next);
            if !self.table_row(cells, width, next, sink) {
                return false;
            }
            (last, in_head) = (row..next, false);
            row = next;
        }
        sink.table_end(in_head, last, span);
        true
    }

    /// Gives the cells' room back, and the table to the general path.
    fn table_unsure(&mut self, cells: Vec<Span>) -> Read {
        self.cells = cells;
        Read::Unsure
    }

    /// The cells of a row, cut or padded (empty, at `row_end`) to `width`.
    fn table_row(
        &mut self,
        cells: &[Span],
        width: usize,
        row_end: usize,
        sink: &mut impl Sink<'a>,
    ) -> bool {
        let bytes = self.src.as_bytes();
        for &cell in cells.iter().take(width) {
            let cell = cell.range();
            let text = trim_spaces(bytes, cell.start, cell.end);
            let stop = next_stop(bytes, text.start, text.end);
            if stop == text.end {
                sink.plain(Plain::Cell, text, cell.clone());
                continue;
            }
            sink.start(Tag::TableCell, cell.clone());
            if !self.inline_from(text, stop, sink) {
                return false;
            }
            sink.end(TagEnd::TableCell, cell.clone());
        }
        for _ in cells.len()..width {
            let empty = row_end..row_end;
            sink.start(Tag::TableCell, empty.clone());
            sink.end(TagEnd::TableCell, empty);
        }
        true
    }

    /// The start of the first line from `at` on that is not blank (or the end).
    fn skip_blank_lines(&self, mut at: usize) -> usize {
        while at < self.end {
            let (line_end, next) = self.line(at);
            if !is_blank(&self.src.as_bytes()[at..line_end]) {
                return at;
            }
            at = next;
        }
        self.end
    }

    /// Reads inline text (`range`, trimmed) into events: text, line breaks, `*` and `_`
    /// emphasis, links and images with plain text and a plain destination, backslash
    /// escapes and the commonest entities. `false` when it is not certain. Nothing before
    /// `stop` (the first byte [`next_stop`] finds, which the caller has looked for) is
    /// inline syntax. Whether the text holds a pipe is left in `pipes`.
    fn inline_from(&mut self, range: Range<usize>, stop: usize, sink: &mut impl Sink<'a>) -> bool {
        self.pipes = false;
        if stop == range.start {
            if let Some(strong) = whole_emphasis(self.src, range.clone()) {
                let n = if strong { 2 } else { 1 };
                sink.style(strong, true, range.clone());
                sink.text(range.start + n..range.end - n);
                sink.style(strong, false, range);
                return true;
            }
        }
        self.emphases.reset();
        let mut out = Out {
            emphases: &mut self.emphases,
            sink,
        };
        inline_events::<_, true>(self.src, range, stop, &mut out, &mut self.pipes)
    }
}

/// [`FastReader::inline_from`], its events given to `out`; `pipes` set if a byte of the
/// text is a pipe. With `PAIRS`, a run that opens (while nothing waits, or that can only
/// open) and whose closer is the next stop is read with it at once ([`closing_run`]);
/// without, every run goes through the delimiter runs' bookkeeping (the reference the
/// shortcut is tested against).
#[inline(always)]
fn inline_events<'a, S: Sink<'a>, const PAIRS: bool>(
    src: &'a str,
    range: Range<usize>,
    stop: usize,
    out: &mut Out<'_, 'a, S>,
    pipes: &mut bool,
) -> bool {
    let bytes = src.as_bytes();
    let (start, end) = (range.start, range.end);
    let mut text = start; // start of the text not yet given
    let mut i = stop;
    let mut next_close = 0; // where the next `]` is, once looked for
    loop {
        i = next_stop(bytes, i, end);
        if i >= end {
            break;
        }
        match bytes[i] {
            b'\n' => {
                let before = bytes[text..i]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b' ')
                    .count();
                give_text(text, i - before, out);
                if before >= 2 {
                    out.line_break(true, i - before..i + 1);
                } else {
                    out.line_break(false, i..i + 1);
                }
                i += 1;
                while i < end && bytes[i] == b' ' {
                    i += 1;
                }
                text = i;
            }
            c @ (b'*' | b'_') => {
                let run_end = i + bytes[i..end].iter().take_while(|&&b| b == c).count();
                let (Some(before), Some(after)) =
                    (side_before(src, i, start), side_after(src, run_end, end))
                else {
                    return false;
                };
                let (left, right) = flanking(before, after);
                let underscore = c == b'_';
                let (can_open, can_close) = if underscore {
                    (
                        left && (!right || before == Side::Punctuation),
                        right && (!left || after == Side::Punctuation),
                    )
                } else {
                    (left, right)
                };
                let len = run_end - i;
                let idle = out.emphases.is_idle();
                // (While openers wait, a run that could also close might close one of them.)
                if PAIRS && can_open && len <= 2 && (idle || !can_close) {
                    if let Some(close) = closing_run(src, start, end, run_end, len) {
                        if idle {
                            // What the bookkeeping gives for the pair, and it is left as
                            // it was: nothing waits.
                            let Out { sink, .. } = out;
                            give_text(text, i, *sink);
                            let (strong, span) = (len == 2, i..close + len);
                            sink.style(strong, true, span.clone());
                            sink.text(run_end..close);
                            sink.style(strong, false, span);
                        } else {
                            give_text(text, i, out);
                            out.emphases.pair(i, close, len);
                        }
                        i = close + len;
                        text = i;
                        continue;
                    }
                }
                let both = can_open && can_close;
                let matched = if can_close {
                    out.emphases.find(underscore, len, both)
                } else {
                    None
                };
                // A run that opens nothing and closes nothing stays in the text.
                if matched.is_some() || can_open {
                    give_text(text, i, out);
                    let Out { emphases, sink } = out;
                    emphases.run(i, len, underscore, can_open, both, matched, *sink);
                    text = run_end;
                }
                i = run_end;
            }
            b'!' | b'[' => {
                let image = bytes[i] == b'!';
                if image && bytes[..end].get(i + 1) != Some(&b'[') {
                    i += 1;
                    continue;
                }
                match bracket(src, i, end, image, &mut next_close) {
                    Bracket::Link { close, url } => {
                        // (The link's text is plain: no pipe.)
                        *pipes |= memchr(b'|', &bytes[url.clone()]).is_some();
                        give_text(text, i, out);
                        let after = url.end + 1;
                        let text_start = i + 1 + usize::from(image);
                        out.link(image, url, text_start..close, i..after);
                        i = after;
                        text = i;
                    }
                    Bracket::Text(after) => i = after,
                    Bracket::Unsure => return false,
                }
            }
            // A bracket that closes nothing: every `[` before it was read up to the
            // first `]` after it.
            b']' => i += 1,
            b'\\' => match bytes.get(i + 1) {
                Some(&b) if b.is_ascii_punctuation() && b != b'<' && i + 1 < end => {
                    *pipes |= b == b'|';
                    give_text(text, i, out);
                    out.other_text(CowStr::Borrowed(&src[i + 1..i + 2]), i..i + 2);
                    i += 2;
                    text = i;
                }
                // A hard line break; `\<`, after which the general path masks the
                // byte as if HTML began there (see `parser_input`).
                Some(b'\n' | b'<') => return false,
                _ => i += 1,
            },
            b'&' => match entity(&bytes[i..end]) {
                Entity::NotOne => i += 1,
                Entity::Decoded(decoded, len) => {
                    give_text(text, i, out);
                    out.other_text(decoded, i..i + len);
                    i += len;
                    text = i;
                }
                Entity::Unsure => return false,
            },
            // Text: the general path reads a copy in which the letter after it is
            // masked (see `parser_input`), so no HTML starts there; a letter and the
            // mask are alike to the flanking rules, `/`, `!` and `?` not. An autolink
            // is left to the general path.
            b'<' => match bytes[..end].get(i + 1) {
                Some(b'/' | b'!' | b'?') => return false,
                _ if is_autolink(&bytes[i..end]) || starts_destination(bytes, i) => return false,
                _ => i += 1,
            },
            // Text: the blocks read here that a pipe could make a table of (table
            // rows, a paragraph with a possible delimiter row) are cut before their text
            // is read, or left to the general path after it (`pipes`).
            b'|' => {
                *pipes = true;
                i += 1;
            }
            _ => return false,
        }
    }
    give_text(text, end, out);
    let Out { emphases, sink } = out;
    emphases.finish(*sink);
    true
}

/// Whether `range` is wholly one emphasis (`*text*`, `_text_`; `true`: strong, `**text**`,
/// `__text__`) around text with no stop of [`next_stop`] (the commonest formatted cell or
/// item), read at once: what [`inline_events`] gives for it, without its delimiter runs'
/// bookkeeping (tested against it). At the text's ends the opening run can only open and
/// the closing one only close, so the flanking rules ask only that the text inside starts
/// and ends with no white space.
fn whole_emphasis(src: &str, range: Range<usize>) -> Option<bool> {
    let bytes = src.as_bytes();
    let (start, end) = (range.start, range.end);
    let c = *bytes.get(start)?;
    if c != b'*' && c != b'_' {
        return None;
    }
    let n = if bytes.get(start + 1) == Some(&c) {
        2
    } else {
        1
    };
    if end - start < 2 * n + 1 || bytes[end - n..end].iter().any(|&b| b != c) {
        return None;
    }
    let inner = start + n..end - n;
    if next_stop(bytes, inner.start, inner.end) != inner.end {
        return None;
    }
    let opens = side_after(src, inner.start, end).is_some_and(|s| s != Side::Space);
    let closes = side_before(src, inner.end, start).is_some_and(|s| s != Side::Space);
    (opens && closes).then_some(n == 2)
}

/// Where the run that closes the run of `len` (1 or 2) `*` or `_` ending at `run_end`
/// starts, if the next stop after it is that closer: a run of the same character and
/// length that can close. Reading the opener while no other opener waits (so that
/// `find` has only it to give, and the rule of three, for lengths 1 + 1 or 2 + 2, never
/// refuses), the delimiter runs' bookkeeping would match the two whole, with only text
/// between them (tested against it); and so it would while openers wait, if the opener
/// cannot close (see [`Emphases::pair`]). `start..end` is the inline text.
#[inline(always)]
fn closing_run(src: &str, start: usize, end: usize, run_end: usize, len: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let c = bytes[run_end - 1];
    let close = next_stop(bytes, run_end, end);
    let close_end = close + len;
    if close_end > end
        || bytes[close..close_end].iter().any(|&b| b != c)
        || bytes[..end].get(close_end) == Some(&c)
    {
        return None;
    }
    let before = side_before(src, close, start)?;
    let after = side_after(src, close_end, end)?;
    let (left, right) = flanking(before, after);
    let can_close = if c == b'_' {
        right && (!left || after == Side::Punctuation)
    } else {
        right
    };
    can_close.then_some(close)
}

/// Text `start..end` of the input, if not empty.
#[inline(always)]
fn give_text<'a>(start: usize, end: usize, sink: &mut impl Sink<'a>) {
    if start < end {
        sink.text(start..end);
    }
}

/// What the `[` (or `![`) at `at` starts: an inline link with plain text and a plain
/// destination (`[text](destination)`), brackets that are text (no `]` after it, or
/// `[text]` not followed by `(` or `[`: a body read here defines no references), or
/// something else.
///
/// `next_close` is where the next `]` was found (`end`: none), so that a text of many
/// `[` and no `]` is read once.
fn bracket(src: &str, at: usize, end: usize, image: bool, next_close: &mut usize) -> Bracket {
    let bytes = src.as_bytes();
    let text_start = at + 1 + usize::from(image);
    if *next_close < text_start {
        *next_close = memchr(b']', &bytes[text_start..end]).map_or(end, |i| text_start + i);
    }
    let close = *next_close;
    if close >= end {
        return Bracket::Text(text_start);
    }
    let inner = &bytes[text_start..close];
    if inner.last() == Some(&b'\\') {
        return Bracket::Unsure; // an escaped `]`: the bracket ends further on
    }
    // Plain: nothing in it that starts inline syntax. An `&` that starts no entity is
    // text (`[AT&T](…)`, `![R&A clubhouse](…)`).
    let plain = {
        let mut k = text_start;
        loop {
            k = next_stop(bytes, k, close);
            if k == close {
                break true;
            }
            if bytes[k] != b'&' || !matches!(entity(&bytes[k..close]), Entity::NotOne) {
                break false;
            }
            k += 1;
        }
    };
    match bytes[..end].get(close + 1) {
        Some(b'(') if plain => {}
        Some(b'(' | b'[') => return Bracket::Unsure,
        // Text, and so is what it holds, read on as any text. With a `[` inside, which
        // `]` ends it depends on the brackets inside: text only if no link can follow
        // (no `](` or `][` further on).
        _ if memchr(b'[', inner).is_some() => {
            let rest = &bytes[close..end];
            let link = memchr::memchr_iter(b']', rest)
                .any(|k| matches!(rest.get(k + 1), Some(b'(' | b'[')));
            return if link {
                Bracket::Unsure
            } else {
                Bracket::Text(text_start)
            };
        }
        _ if plain => return Bracket::Text(close + 1),
        _ => return Bracket::Text(text_start),
    }
    // The destination: no white space, escapes, entities or `<`; parentheses balanced.
    let url_start = close + 2;
    let mut depth = 0;
    let mut k = url_start;
    loop {
        // Past the bytes the loop has nothing to do with, a step of 32 at a time where
        // the processor can.
        k = simd::skip_bytes_not_in(
            bytes,
            k,
            end,
            &DESTINATION_LOW_HALVES,
            &DESTINATION_HIGH_HALVES,
        );
        let Some(&b) = bytes[..end].get(k) else {
            return Bracket::Unsure;
        };
        match b {
            b'(' if depth < 8 => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b'(' | b'<' | b'\\' | b'&' | 0x7f | 0..=b' ' => return Bracket::Unsure,
            _ => {}
        }
        k += 1;
    }
    if k == url_start {
        return Bracket::Unsure;
    }
    Bracket::Link {
        close,
        url: url_start..k,
    }
}

/// The bytes a link's destination is read to ([`bracket`]): parentheses, `<`, `\\`, `&`,
/// DEL and white space or other controls, as two tables of bit masks, one for each half of
/// a byte (as [`STOP_LOW_HALVES`]). The bits: controls (high half 0 or 1), a space, `&`,
/// `(`, `)` (high half 2), `<` (3, C), `\\` (5, C), DEL (7, F).
const DESTINATION_LOW_HALVES: [u8; 16] = {
    let mut table = [1u8; 16];
    table[0x0] |= 2;
    table[0x6] |= 2;
    table[0x8] |= 2;
    table[0x9] |= 2;
    table[0xC] |= 4 | 8;
    table[0xF] |= 16;
    table
};
/// See [`DESTINATION_LOW_HALVES`].
const DESTINATION_HIGH_HALVES: [u8; 16] = [1, 1, 2, 4, 0, 8, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0];

/// The events a table's start, rows and end stand for ([`Sink::table_start`],
/// [`Sink::table_next_row`], [`Sink::table_end`]), given to the sink.
pub(super) struct TableEvents<'s, S>(pub(super) &'s mut S);

impl<'a, S: Sink<'a>> TableEvents<'_, S> {
    /// The table's start, its size, its head's start.
    #[inline(always)]
    pub(super) fn start(self, span: Range<usize>, head: Range<usize>, rows: usize, width: usize) {
        self.0.start(Tag::Table(Vec::new()), span);
        self.0.table_size(rows, width);
        self.0.start(Tag::TableHead, head);
    }

    /// The end of the head (`after_head`) or of the row before, the row's start.
    #[inline(always)]
    pub(super) fn next_row(self, after_head: bool, previous: Range<usize>, row: Range<usize>) {
        self.0.end(row_end(after_head), previous);
        self.0.start(Tag::TableRow, row);
    }

    /// The end of the last row (or of the head, `head_only`), the table's end.
    #[inline(always)]
    pub(super) fn end(self, head_only: bool, last: Range<usize>, span: Range<usize>) {
        self.0.end(row_end(head_only), last);
        self.0.end(TagEnd::Table, span);
    }
}

/// The end of a table's head (`head`) or of one of its rows.
fn row_end(head: bool) -> TagEnd {
    if head {
        TagEnd::TableHead
    } else {
        TagEnd::TableRow
    }
}

/// The events of an inline link (`image`: an image) to the input's `url`, at `span`, whose
/// text is the input's `text`.
pub(super) fn link_events<'a>(
    sink: &mut impl Sink<'a>,
    image: bool,
    url: Range<usize>,
    text: Range<usize>,
    span: Range<usize>,
) {
    let dest_url = CowStr::Borrowed(sink.src(url));
    let (title, id) = (CowStr::Borrowed(""), CowStr::Borrowed(""));
    let link_type = LinkType::Inline;
    let (tag, tag_end) = if image {
        let tag = Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        };
        (tag, TagEnd::Image)
    } else {
        let tag = Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        };
        (tag, TagEnd::Link)
    };
    sink.start(tag, span.clone());
    give_text(text.start, text.end, sink);
    sink.end(tag_end, span);
}

/// The character before offset `at` for the flanking rules; the start of the inline
/// text counts as a space. `None` for a character it does not know.
#[inline(always)]
fn side_before(src: &str, at: usize, start: usize) -> Option<Side> {
    if at == start {
        return Some(Side::Space);
    }
    let b = src.as_bytes()[at - 1];
    if b.is_ascii() {
        return Some(ascii_side(b));
    }
    src[..at].chars().next_back().and_then(unicode_side)
}

/// The character at offset `at` for the flanking rules; the end of the inline text
/// counts as a space.
#[inline(always)]
fn side_after(src: &str, at: usize, end: usize) -> Option<Side> {
    if at >= end {
        return Some(Side::Space);
    }
    let b = src.as_bytes()[at];
    if b.is_ascii() {
        return Some(ascii_side(b));
    }
    src[at..].chars().next().and_then(unicode_side)
}

/// Whether a delimiter run between these characters is left-flanking and right-flanking.
fn flanking(before: Side, after: Side) -> (bool, bool) {
    let left = after != Side::Space && (after != Side::Punctuation || before != Side::Other);
    let right = before != Side::Space && (before != Side::Punctuation || after != Side::Other);
    (left, right)
}

/// [`INLINE_STOPS`] as two tables of bit masks, one for each half of a byte: a byte is a
/// stop if the masks of its halves share a bit (for the vector step of [`next_stop`]).
/// The bits: controls (high half 0 or 1, any low half), `!` `&` `*` (high half 2), `<`
/// and `|` (low half C under 3 and 7), `[` `\` `]` `_` (high half 5), `` ` `` (6, 0).
const STOP_LOW_HALVES: [u8; 16] = {
    let mut table = [1u8; 16];
    table[0x1] |= 2;
    table[0x6] |= 2;
    table[0xA] |= 2;
    table[0xC] |= 4 | 8;
    table[0xB] |= 8;
    table[0xD] |= 8;
    table[0xF] |= 8;
    table[0x0] |= 16;
    table
};
/// See [`STOP_LOW_HALVES`].
const STOP_HIGH_HALVES: [u8; 16] = [1, 1, 2, 4, 0, 8, 16, 4, 0, 0, 0, 0, 0, 0, 0, 0];

/// The first byte from `from` on (before `end`) that the inline reader stops at, or `end`.
/// Thirty-two bytes a step where the processor has AVX2 (two table look-ups on the halves
/// of each byte: `repair::simd`; the last, shorter step too, over bytes looked at already
/// or past `end`), then sixteen a step where SSE2 is (every x86-64 processor), eight
/// elsewhere: text runs long between stops. `next_stop_bytewise` (in the tests) is
/// the reference it is tested against.
#[inline]
fn next_stop(bytes: &[u8], from: usize, end: usize) -> usize {
    let from = simd::skip_bytes_not_in(bytes, from, end, &STOP_LOW_HALVES, &STOP_HIGH_HALVES);
    if from < end && INLINE_STOPS[bytes[from] as usize] {
        return from;
    }
    let text = &bytes[from..end];
    let mut at = 0;
    for block in text.chunks_exact(16) {
        let block: &[u8; 16] = block.try_into().expect("sixteen bytes");
        if let Some(i) = first_stop_16(block) {
            return from + at + i;
        }
        at += 16;
    }
    from + at
        + text[at..]
            .iter()
            .position(|&b| INLINE_STOPS[b as usize])
            .unwrap_or(text.len() - at)
}

/// The first of sixteen bytes that is in [`INLINE_STOPS`]: control characters and ten
/// ASCII punctuation characters, found by SSE2 comparisons (through `safe_arch`).
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
#[inline(always)]
fn first_stop_16(block: &[u8; 16]) -> Option<usize> {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
        move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };
    let x = load_unaligned_m128i(block);
    let splat = |b: u8| set_splat_i8_m128i(b as i8);
    let eq = |b: u8| cmp_eq_mask_i8_m128i(x, splat(b));
    // `x - low <= span` unsigned: the bytes of a range.
    let range = |low: u8, span: u8| -> m128i {
        let d = sub_i8_m128i(x, splat(low));
        cmp_eq_mask_i8_m128i(min_u8_m128i(d, splat(span)), d)
    };
    let stops = bitor_m128i(
        bitor_m128i(
            bitor_m128i(range(0, 0x1F), range(b'[', 2)), // controls; `[`, `\`, `]`
            bitor_m128i(range(b'_', 1), eq(b'*')),       // `_`, `` ` ``; `*`
        ),
        bitor_m128i(
            bitor_m128i(eq(b'!'), eq(b'&')),
            bitor_m128i(eq(b'<'), eq(b'|')),
        ),
    );
    let mask = move_mask_i8_m128i(stops) as u32 & 0xFFFF;
    (mask != 0).then(|| mask.trailing_zeros() as usize)
}

/// [`first_stop_16`] on other targets: a table look-up a byte.
#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
)))]
#[inline(always)]
fn first_stop_16(block: &[u8; 16]) -> Option<usize> {
    if !block
        .iter()
        .fold(false, |any, &b| any | INLINE_STOPS[b as usize])
    {
        return None;
    }
    block.iter().position(|&b| INLINE_STOPS[b as usize])
}

/// [`next_stop`] a byte at a time: the reference.
#[cfg(test)]
fn next_stop_bytewise(bytes: &[u8], from: usize, end: usize) -> usize {
    (from..end)
        .find(|&i| INLINE_STOPS[bytes[i] as usize])
        .unwrap_or(end)
}

/// What a `[` starts.
enum Bracket {
    /// An inline link: its text ends at `close`, its destination is `url`.
    Link { close: usize, url: Range<usize> },
    /// Text: reading goes on at this offset.
    Text(usize),
    /// Left to the general path.
    Unsure,
}

fn ascii_side(b: u8) -> Side {
    match b {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Side::Space,
        _ if b.is_ascii_punctuation() => Side::Punctuation,
        _ => Side::Other,
    }
}

/// Letters and digits are neither space nor punctuation; of the rest, the punctuation of
/// running text in the corpus's languages is known; anything else is left unsure.
fn unicode_side(c: char) -> Option<Side> {
    if is_word_character(c) {
        return Some(Side::Other);
    }
    if c.is_alphanumeric() {
        // (Circled and squared letters are symbols: punctuation to CommonMark.)
        return Some(
            if matches!(c, '\u{24b6}'..='\u{24e9}' | '\u{1f130}'..='\u{1f189}') {
                Side::Punctuation
            } else {
                Side::Other
            },
        );
    }
    if c.is_whitespace() {
        return Some(Side::Space); // pulldown-cmark's test: no-break spaces count
    }
    match c {
        '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‚' | '‹' | '›' | '–' | '—' | '…' | '·'
        | '、' | '。' | '，' | '：' | '；' | '「' | '」' | '『' | '』' | '（' | '）' | '《'
        | '》' | '।' | '°' | '±' | '×' | '÷' | '§' | '¶' | '©' | '®' | '™' | '€' | '£' | '¥'
        | '¢' | '′' | '″' | '•' | '†' | '‡' | '→' | '←' | '↑' | '↓' | '↔' | '−' | '≈' | '≠'
        | '≤' | '≥' | '¡' | '¿' | '¬' | '‰' | '№' | '♀' | '♂' | '★' | '☆' | '✓' | '・' | '〜'
        | '！' | '？' | '〈' | '〉' | '【' | '】' | '〔' | '〕' | '¦' => {
            Some(Side::Punctuation)
        }
        _ => None,
    }
}

/// An entity at the start of `text` (which starts with `&`).
enum Entity<'a> {
    /// No entity: the `&` is text.
    NotOne,
    /// The entity's text and its length in bytes.
    Decoded(CowStr<'a>, usize),
    /// An entity this reader does not know.
    Unsure,
}

fn entity(text: &[u8]) -> Entity<'static> {
    let rest = &text[1..];
    if rest.starts_with(b"#") {
        let Some((value, len)) = numeric_reference(text) else {
            return Entity::NotOne;
        };
        return match char::from_u32(value) {
            // (Not NUL, which the general path reads as U+FFFD.)
            Some(c) if c != '\0' => Entity::Decoded(CowStr::from(c), len),
            _ => Entity::Unsure,
        };
    }
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name == 0 || rest.get(name) != Some(&b';') {
        return Entity::NotOne;
    }
    let decoded = match &rest[..name] {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"nbsp" => "\u{a0}",
        _ => return Entity::Unsure,
    };
    Entity::Decoded(CowStr::Borrowed(decoded), name + 2)
}

/// What a line after a paragraph line is to the paragraph.
enum Continuation {
    /// More of its text.
    Text,
    /// The paragraph ends before it: a blank line, an ATX heading, a bullet list item.
    Ends,
    /// Something else: left to the general path.
    Unsure,
}

fn continuation(line: &[u8]) -> Continuation {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    let rest = &line[indent..];
    let Some(&first) = rest.first() else {
        return Continuation::Ends; // blank
    };
    if first == b'\t' || first == b'\r' {
        return Continuation::Unsure;
    }
    if indent >= 4 {
        return Continuation::Text; // no code block can interrupt a paragraph
    }
    let only = |set: &[u8]| rest.iter().all(|b| set.contains(b));
    match first {
        b'#' if is_atx_heading(rest) => Continuation::Ends,
        // A bullet list item interrupts it (one with text, that is no thematic break).
        // (Control characters may be white space to pulldown-cmark: unsure.)
        b'*' | b'-' | b'+' if only(b"*-+ ") || rest.iter().any(|&b| b < b' ') => {
            Continuation::Unsure
        }
        b'*' | b'-' | b'+' if rest.get(1) == Some(&b' ') => Continuation::Ends,
        b'=' if only(b"= ") => Continuation::Unsure,
        b'`' | b'~' if rest.starts_with(&[first; 3]) => Continuation::Unsure,
        b'>' | b'_' | b'|' => Continuation::Unsure,
        b'0'..=b'9' if is_list_marker(rest) => Continuation::Unsure,
        _ => Continuation::Text,
    }
}

/// Whether a line at column 0 starts a paragraph this reader reads: not a line any other
/// block could start with.
fn starts_paragraph(line: &[u8]) -> bool {
    match line[0] {
        b'0'..=b'9' => !is_list_marker(line),
        // Emphasis, not a list item or a thematic break.
        b'*' => !is_list_marker(line) && !line.iter().all(|b| matches!(b, b'*' | b' ' | b'\t')),
        b'a'..=b'z' | b'A'..=b'Z' | 0x80..=0xff => true,
        b'!' | b'"' | b'\'' | b'(' | b')' | b',' | b'.' | b'/' | b':' | b';' | b'?' | b'@'
        | b'$' | b'%' | b'^' | b'{' | b'}' | b'&' | b'\\' | b'[' | b'<' => true,
        _ => false,
    }
}

/// Where on a line a paragraph this reader reads starts: at column 0 or after one to three
/// spaces (which are no part of it); `None` if the line starts no such paragraph.
fn paragraph_indent(line: &[u8]) -> Option<usize> {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    (indent <= 3 && indent < line.len() && starts_paragraph(&line[indent..])).then_some(indent)
}

/// Whether some line of `lines` (each ended by a line feed, the last maybe not) may be
/// the delimiter row of a table: only pipes, dashes, colons and white space, with a dash.
fn may_hold_a_delimiter_row(lines: &[u8]) -> bool {
    lines.split(|&b| b == b'\n').any(|line| {
        line.contains(&b'-')
            && line
                .iter()
                .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r' | 0x0b | 0x0c))
    })
}

/// Calls `cell(start, end)` for each cell of the table row `at..line_end` (which must
/// start at column 0 with a pipe and end with one, spaces after it aside, and hold no
/// backslash or tab): the spans between its pipes. `None` where the row is not such a row
/// or `cell` gives `None`.
#[inline]
fn for_each_cell(
    bytes: &[u8],
    at: usize,
    line_end: usize,
    mut cell: impl FnMut(usize, usize) -> Option<()>,
) -> Option<()> {
    let line = trim_spaces(bytes, at, line_end);
    let text = &bytes[line.clone()];
    if line.start != at || text.len() < 2 || text[0] != b'|' || text[text.len() - 1] != b'|' {
        return None;
    }
    // One pass for the pipes and the bytes that make the row unsure: 32 bytes a step
    // where the processor can, else memchr's search.
    let mut start = line.start + 1;
    let mut i = start;
    loop {
        i = simd::skip_bytes_not_in(bytes, i, line.end, &CELL_LOW_HALVES, &CELL_HIGH_HALVES);
        if i < line.end && !matches!(bytes[i], b'|' | b'\\' | b'\t') {
            i = memchr::memchr3(b'|', b'\\', b'\t', &bytes[i..line.end])
                .map_or(line.end, |k| i + k);
        }
        if i >= line.end {
            return Some(());
        }
        if bytes[i] != b'|' {
            return None;
        }
        cell(start, i)?;
        start = i + 1;
        i = start;
    }
}

/// The bytes a table row's cells are read to ([`for_each_cell`]): `|`, and `\\` and a
/// tab, which make the row unsure, as two tables of bit masks, one for each half of a
/// byte (as [`STOP_LOW_HALVES`]). The bits: `|` (high half 7, low C), `\\` (5, C), a
/// tab (0, 9).
const CELL_LOW_HALVES: [u8; 16] = {
    let mut table = [0u8; 16];
    table[0xC] = 1 | 2;
    table[0x9] = 4;
    table
};
/// See [`CELL_LOW_HALVES`].
const CELL_HIGH_HALVES: [u8; 16] = [4, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];

/// The cells of the table row `at..line_end`, as [`for_each_cell`] finds them, pushed on
/// `cells`.
fn table_cells(bytes: &[u8], at: usize, line_end: usize, cells: &mut Vec<Span>) -> Option<()> {
    for_each_cell(bytes, at, line_end, |start, end| {
        cells.push((start..end).into());
        Some(())
    })
}

/// How many cells the delimiter row `at..line_end` has (each `---`, a colon at either end
/// or both allowed), read as [`table_cells`] reads a row; `None` where a cell is no
/// delimiter or the row is not certain.
fn delimiter_row_width(bytes: &[u8], at: usize, line_end: usize) -> Option<usize> {
    let mut width = 0;
    for_each_cell(bytes, at, line_end, |start, end| {
        let cell = &bytes[trim_spaces(bytes, start, end)];
        let dashes = cell.strip_prefix(b":").unwrap_or(cell);
        let dashes = dashes.strip_suffix(b":").unwrap_or(dashes);
        if dashes.len() < 3 || dashes.iter().any(|&b| b != b'-') {
            return None;
        }
        width += 1;
        Some(())
    })?;
    Some(width)
}

/// Whether a line starts with a list item (bullet or ordered), at most three spaces in.
fn starts_item(line: &[u8]) -> bool {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    indent <= 3 && is_list_marker(&line[indent..])
}

/// The bullet marker of the item line at `at` and its indentation (at most three spaces).
fn item_marker(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    let indent = bytes[at..].iter().take_while(|&&b| b == b' ').count();
    match bytes.get(at + indent) {
        Some(&m @ (b'*' | b'-' | b'+')) if indent <= 3 => Some((m, indent)),
        _ => None,
    }
}

/// The text of an item line `at..line_end` with this marker and indentation: one to four
/// spaces after the marker, then text that starts no other block; and the column where the
/// item's content starts. `None` otherwise.
///
/// The content may be a list of one item (` * - text`): the model gives such an item the
/// text of the list's one item, and so does this reader.
fn item_text(
    bytes: &[u8],
    at: usize,
    line_end: usize,
    marker: u8,
    indent: usize,
) -> Option<(Range<usize>, usize)> {
    let marker_at = at + indent;
    if bytes[at..marker_at].iter().any(|&b| b != b' ') || bytes.get(marker_at) != Some(&marker) {
        return None;
    }
    let content = after_marker(bytes, marker_at, line_end)?;
    let mut text = trim_spaces(bytes, content, line_end);
    // A list in the item (`* - text`, `* 1) text`): of one item, with text, which the
    // model gives the outer item. (The ordered list may start at any number: it
    // interrupts no paragraph.)
    let digits = bytes[text.clone()]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let nested_marker = match bytes.get(text.start) {
        Some(b'*' | b'-' | b'+') => Some(text.start),
        _ if (1..=9).contains(&digits)
            && matches!(bytes.get(text.start + digits), Some(b'.' | b')')) =>
        {
            Some(text.start + digits)
        }
        _ => None,
    };
    if let Some(nested) = nested_marker.and_then(|at| after_marker(bytes, at, line_end)) {
        text = trim_spaces(bytes, nested, line_end);
    }
    if text.is_empty() || !starts_paragraph(&bytes[text.clone()]) {
        return None;
    }
    Some((text, content - at))
}

/// Where the content of the item whose marker is at `marker_at` starts: past the one to
/// four spaces after it (more would make it code).
fn after_marker(bytes: &[u8], marker_at: usize, line_end: usize) -> Option<usize> {
    let spaces = bytes[marker_at + 1..line_end]
        .iter()
        .take_while(|&&b| b == b' ')
        .count();
    (1..=4).contains(&spaces).then_some(marker_at + 1 + spaces)
}

/// `start..end` without the spaces at either end, eight bytes a step where there are
/// eight (wtf_wikipedia pads table cells with spaces to sixteen columns).
/// `trim_spaces_bytewise` (in the tests) is the reference it is tested against.
#[inline]
fn trim_spaces(bytes: &[u8], mut start: usize, mut end: usize) -> Range<usize> {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    // The bytes of a word that are not spaces: their bits set.
    let others =
        |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes")) ^ SPACES;
    while end - start >= 8 {
        match others(start) {
            0 => start += 8,
            x => {
                start += x.trailing_zeros() as usize / 8;
                while end - start >= 8 {
                    match others(end - 8) {
                        0 => end -= 8,
                        x => return start..end - x.leading_zeros() as usize / 8,
                    }
                }
                break;
            }
        }
    }
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    start..end
}

/// [`trim_spaces`] a byte at a time: the reference.
#[cfg(test)]
fn trim_spaces_bytewise(bytes: &[u8], mut start: usize, mut end: usize) -> Range<usize> {
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    start..end
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b' ' || b == b'\t')
}

/// Where the general path, which took over at the line start `at`, can hand back: the
/// first line after `at` that starts a block whatever came before it: an ATX heading at
/// column 0 (it closes every open block), or a line at column 0 that the fast path can
/// start a paragraph or a table with after a blank line (which closes everything but a
/// list, and such a line is no list item and is not indented for one) and that is not a
/// reference definition. After a line that may open fenced code (three backticks or
/// tildes), or an HTML block the general path leaves unmasked, never: whether it does, and
/// where it ends, is the general path's to say.
pub(super) fn general_end(src: &str, at: usize, end: usize) -> usize {
    let bytes = src.as_bytes();
    let mut after_blank = false;
    let mut line = at;
    while line < end {
        let line_end = memchr(b'\n', &bytes[line..end]).map_or(end, |i| line + i);
        let text = &bytes[line..line_end];
        if line > at && !text.is_empty() {
            // (Not before a reference definition: the block before it spans it.)
            // (Nor before a `<`: an HTML block the text left unmasked may go on there.)
            let fresh = after_blank
                && (starts_paragraph(text) || text[0] == b'|')
                && !matches!(text[0], b'[' | b'<');
            if is_atx_heading(text) || fresh {
                return line;
            }
        }
        let indent = text.iter().take_while(|&&b| b == b' ').count();
        let rest = &text[indent..];
        if indent <= 3 && (rest.starts_with(b"```") || rest.starts_with(b"~~~")) {
            return end;
        }
        // Nor after a `<` the general path leaves unmasked at a line's start (after a line
        // ending in `](` or `]:`, or an autolink such as `<!--a@b>`): it may open an HTML
        // block, which no heading ends.
        if indent <= 3
            && rest.first() == Some(&b'<')
            && may_open_html_unmasked(bytes, line + indent)
        {
            return end;
        }
        after_blank = is_blank(text) || text == b"\r";
        line = line_end + 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    /// Records the events it is given.
    struct Events<'a> {
        src: &'a str,
        events: Vec<(Event<'a>, Range<usize>)>,
    }

    impl<'a> Sink<'a> for Events<'a> {
        fn event(&mut self, event: Event<'a>, span: Range<usize>) {
            self.events.push((event, span));
        }
        fn src(&self, range: Range<usize>) -> &'a str {
            &self.src[range]
        }
    }

    /// The shortcut for a text that is wholly one emphasis gives what the delimiter runs'
    /// reading gives, and declines every text where it would not: each text of up to
    /// five characters from `*`, `_`, letters, spaces, punctuation, a no-break space and
    /// a stop, inside a longer input.
    #[test]
    fn whole_emphasis_reads_as_the_delimiter_runs() {
        let alphabet = ["*", "_", "a", " ", ".", "\u{a0}", "[", "é"];
        let mut texts = vec![String::new()];
        let mut taken = 0;
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        texts.sort();
        texts.dedup();
        for text in texts.iter().filter(|t| !t.is_empty()) {
            let src = format!("x{text}y");
            let range = 1..1 + text.len();
            let Some(strong) = whole_emphasis(&src, range.clone()) else {
                continue;
            };
            taken += 1;
            let n = if strong { 2 } else { 1 };
            let (tag, tag_end) = if strong {
                (Tag::Strong, TagEnd::Strong)
            } else {
                (Tag::Emphasis, TagEnd::Emphasis)
            };
            let inner = range.start + n..range.end - n;
            let shortcut = vec![
                (Event::Start(tag), range.clone()),
                (Event::Text(CowStr::Borrowed(&src[inner.clone()])), inner),
                (Event::End(tag_end), range.clone()),
            ];
            assert_eq!(
                inline_read::<false>(&src, range.clone()),
                (true, shortcut),
                "{text:?}"
            );
        }
        // `*a*`, `**a**`, `_a_`, `*a a*`, `*.*`, `*é*` and the like.
        assert!(taken > 100, "{taken} texts taken");
        for declined in [
            "* a*",
            "*a *",
            "***a***",
            "*a**",
            "**a*",
            "*a[*",
            "*",
            "**",
            "*\u{a0}a*",
        ] {
            assert_eq!(
                whole_emphasis(declined, 0..declined.len()),
                None,
                "{declined:?}"
            );
        }
    }

    /// A table read by the fast path gives, through a sink that takes the events (the
    /// sink's defaults), the events pulldown-cmark gives for it, spans included (the
    /// alignments aside: the model keeps none): heads alone, rows cut and padded, cells
    /// plain and with inline syntax.
    #[test]
    fn tables_give_pulldown_cmarks_events() {
        for table in [
            "| a | b |\n|---|---|\n",
            "| a | b |\n|---|---|\n| c | d |\n",
            "| a | *b* |\n|---|---|\n| c |\n| d | e | f |\n| [l](u) | ![i](v) |\n",
            "| h |\n|---|\n|   |\n| **x** y |\n",
        ] {
            let src = format!("{table}\nafter\n");
            let mut sink = Events {
                src: &src,
                events: Vec::new(),
            };
            let mut reader = FastReader::new(&src, src.len(), true, &mut FastRoom::default());
            let end = match reader.block(0, &mut sink) {
                Read::Next(end) => end,
                _ => panic!("{table:?} read by the fast path"),
            };
            let theirs: Vec<_> = Parser::new_ext(&src[..end], Options::ENABLE_TABLES)
                .into_offset_iter()
                .map(|(event, span)| match event {
                    Event::Start(Tag::Table(_)) => (Event::Start(Tag::Table(Vec::new())), span),
                    other => (other, span),
                })
                .collect();
            assert_eq!(sink.events, theirs, "{table:?}");
        }
    }

    /// Events with each run of texts as one text (its span from the first's start to the
    /// last's end): the builder joins them, and the two readers cut texts at different
    /// places (pulldown-cmark at an escape's `\\`, the fast path around the character).
    fn texts_joined<'a>(events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
        let mut joined: Vec<(Event<'a>, Range<usize>)> = Vec::new();
        for (event, span) in events {
            if let (Some((Event::Text(last), last_span)), Event::Text(text)) =
                (joined.last_mut(), &event)
            {
                *last = CowStr::from(format!("{last}{text}"));
                last_span.end = span.end;
                continue;
            }
            joined.push((event, span));
        }
        joined
    }

    /// Whole bodies read block by block by the fast path, through a sink that takes the
    /// events (the sink's defaults for every block: paragraphs, headings, lists and their
    /// items, tables, with and without inline syntax), give the events pulldown-cmark
    /// gives for them, spans included (tables' alignments aside: the model keeps none;
    /// runs of texts joined: [`texts_joined`]). The builder takes these blocks directly;
    /// the defaults are what its fallbacks use.
    #[test]
    fn whole_blocks_give_pulldown_cmarks_events() {
        for body in [
            "plain words\n",
            "a paragraph\nover two lines\n\nand another\n",
            "*a* **b** ***c***\n",
            "e\\*f\n",
            "&amp; &#169; g\n",
            "[a link](/wiki/A) and ![an image](x.png) and [](/c)\n",
            "hard  \nbreak\n",
            "# One\n\n## Two *b*\n\n### Three\ntext\n",
            "#### Four\n\n###### Six *b*\n",
            " * a\n * *b* c\n * [d](/e)\n\nafter\n",
            "- a\n- b\n\n# h\n",
            "| a | b |\n|---|---|\n| *c* | d |\n\nafter\n",
            "Intro.\n\n| h |\n|---|\n| x |\n\n * i\n * j\n\n# End\nlast *line*\n",
            "   three in\n\n![alone](a.png)\n\n*whole*\n",
        ] {
            let mut sink = Events {
                src: body,
                events: Vec::new(),
            };
            let mut reader = FastReader::new(body, body.len(), true, &mut FastRoom::default());
            let mut at = 0;
            while at < body.len() {
                at = match reader.block(at, &mut sink) {
                    Read::Next(next) if next > at => next,
                    _ => panic!("{body:?} read by the fast path at {at}"),
                };
            }
            let theirs: Vec<_> = Parser::new_ext(body, Options::ENABLE_TABLES)
                .into_offset_iter()
                .map(|(event, span)| match event {
                    Event::Start(Tag::Table(_)) => (Event::Start(Tag::Table(Vec::new())), span),
                    other => (other, span),
                })
                .collect();
            assert_eq!(texts_joined(sink.events), texts_joined(theirs), "{body:?}");
        }
    }

    /// Every text of up to `most` characters from `alphabet`, the empty one first.
    fn every_text(alphabet: &[&str], most: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..most {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    /// The events of `src[range]` read with or without the shortcut for pairs, and
    /// whether it was read.
    fn inline_read<const PAIRS: bool>(
        src: &str,
        range: Range<usize>,
    ) -> (bool, Vec<(Event<'_>, Range<usize>)>) {
        let mut sink = Events {
            src,
            events: Vec::new(),
        };
        let mut emphases = Emphases::default();
        let mut out = Out {
            emphases: &mut emphases,
            sink: &mut sink,
        };
        let stop = next_stop(src.as_bytes(), range.start, range.end);
        let read = inline_events::<_, PAIRS>(src, range, stop, &mut out, &mut false);
        (read, sink.events)
    }

    /// The shortcut for a pair of runs gives what the delimiter runs' reading gives: each
    /// text of up to six characters from `*`, `_`, a letter, a space, punctuation, a
    /// letter that is not ASCII and a line break, alone and inside a longer input.
    #[test]
    fn pairs_read_as_the_delimiter_runs() {
        let texts = every_text(&["*", "_", "a", " ", ".", "é", "\n"], 6);
        let mut taken = 0;
        for text in texts.iter().filter(|t| !t.is_empty()) {
            for src in [text.clone(), format!("x{text}y")] {
                let range = if src.len() == text.len() {
                    0..src.len()
                } else {
                    1..1 + text.len()
                };
                let bytes = src.as_bytes();
                taken += (range.start..range.end)
                    .filter(|&i| {
                        let c = bytes[i];
                        (c == b'*' || c == b'_') && (i == range.start || bytes[i - 1] != c) && {
                            let len = bytes[i..range.end].iter().take_while(|&&b| b == c).count();
                            len <= 2
                                && closing_run(&src, range.start, range.end, i + len, len).is_some()
                        }
                    })
                    .count();
                assert_eq!(
                    inline_read::<true>(&src, range.clone()),
                    inline_read::<false>(&src, range),
                    "{src:?}"
                );
            }
        }
        // `*a*`, `a **.** a`, `_a_ *a*`, `*a\n*`…
        assert!(taken > 10_000, "{taken} pairs");
    }

    /// The same while openers wait: each text of up to five characters after an opener
    /// that no later run closes, or that one may (`*a `, `_a `, `**a `, `*_a `), and
    /// before a closer for it (` a*`); and the article that showed the case (a list of
    /// languages in italics whose first opener is never closed).
    #[test]
    fn pairs_read_as_the_delimiter_runs_while_openers_wait() {
        let texts = every_text(&["*", "_", "a", " ", ".", "é", "\n"], 5);
        for text in &texts {
            for (before, after) in [
                ("*a ", ""),
                ("_a ", ""),
                ("**a ", ""),
                ("*_a ", ""),
                ("*a ", " a*"),
                ("**a ", " a**"),
            ] {
                let src = format!("{before}{text}{after}");
                assert_eq!(
                    inline_read::<true>(&src, 0..src.len()),
                    inline_read::<false>(&src, 0..src.len()),
                    "{src:?}"
                );
            }
        }
        let article = "*Afan Oromo *Albania* *Amhara *Anh* (và Special English) *Ả Rập* \
                       *Armenia* **Azerbaijan** _Bangla_ *Bosnia* __Burmese__ *Quảng Đông*";
        assert_eq!(
            inline_read::<true>(article, 0..article.len()),
            inline_read::<false>(article, 0..article.len())
        );
    }

    #[test]
    fn entities() {
        let decoded = |s: &str| match entity(s.as_bytes()) {
            Entity::Decoded(t, len) => Some((t.to_string(), len)),
            _ => None,
        };
        assert_eq!(decoded("&amp;x"), Some(("&".into(), 5)));
        assert_eq!(decoded("&#65;"), Some(("A".into(), 5)));
        assert_eq!(decoded("&#x41;"), Some(("A".into(), 6)));
        assert!(matches!(entity(b"& b"), Entity::NotOne));
        assert!(matches!(entity(b"&amp"), Entity::NotOne));
        assert!(matches!(entity(b"&#;"), Entity::NotOne));
        assert!(matches!(entity(b"&eacute;"), Entity::Unsure));
        assert!(matches!(entity(b"&#0;"), Entity::Unsure));
    }

    /// Every character the flanking rules are given a side for has that side in
    /// pulldown-cmark: a `*` between `a` and it opens only if it is neither space nor
    /// punctuation, and a `*` at the start before it opens unless it is a space.
    #[test]
    fn sides_are_pulldown_cmarks() {
        use pulldown_cmark::{Event, Parser, Tag};
        let emphasis =
            |text: &str| Parser::new(text).any(|e| matches!(e, Event::Start(Tag::Emphasis)));
        let mut wrong = Vec::new();
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_control()) {
            let Some(side) = unicode_side(c) else {
                continue;
            };
            let theirs = if emphasis(&format!("a*{c}b*")) {
                Side::Other
            } else if emphasis(&format!("*{c}b*")) {
                Side::Punctuation
            } else {
                Side::Space
            };
            if side != theirs {
                wrong.push(c);
            }
        }
        assert!(
            wrong.is_empty(),
            "{} characters, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(200)]
        );
    }

    /// Trimming eight bytes a step gives what trimming a byte at a time does.
    #[test]
    fn trim_spaces_is_the_bytewise_trim() {
        // Every split of up to 20 spaces around a text of 0 to 3 letters, inside a longer
        // slice, every range over it.
        for before in 0..20 {
            for text in 0..4 {
                for after in 0..20 {
                    let mut bytes = vec![b'|'];
                    bytes.extend(std::iter::repeat_n(b' ', before));
                    bytes.extend(std::iter::repeat_n(b'x', text));
                    bytes.extend(std::iter::repeat_n(b' ', after));
                    bytes.push(b'|');
                    for start in 0..bytes.len() {
                        for end in start..=bytes.len() {
                            assert_eq!(
                                trim_spaces(&bytes, start, end),
                                trim_spaces_bytewise(&bytes, start, end),
                                "{before} {text} {after}: {start}..{end}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The stops found sixteen bytes at a time are the table's, at every byte value and
    /// every position of a block, and in text of every length.
    #[test]
    fn next_stop_is_the_tables() {
        for b in 0..=255u8 {
            for at in 0..100 {
                let mut text = vec![b'a'; 100];
                text[at] = b;
                for from in [0, 1, 7, 16, 17, 40] {
                    for end in [
                        from,
                        from + 1,
                        from + 3,
                        from + 15,
                        from + 31,
                        from + 32,
                        from + 33,
                        16,
                        33,
                        40,
                        63,
                        64,
                        65,
                        72,
                        84,
                        90,
                        97,
                        100,
                    ] {
                        if end < from || end > text.len() {
                            continue;
                        }
                        assert_eq!(
                            next_stop(&text, from, end),
                            next_stop_bytewise(&text, from, end),
                            "{b:#x} at {at}, {from}..{end}"
                        );
                    }
                }
            }
        }
    }

    /// The destination's halves' tables hold exactly the bytes `bracket` reads a
    /// destination to.
    #[test]
    fn destination_halves_are_the_destination_bytes() {
        for b in 0..=255u8 {
            let shared = DESTINATION_LOW_HALVES[usize::from(b & 0x0F)]
                & DESTINATION_HIGH_HALVES[usize::from(b >> 4)];
            let read_to = matches!(b, b'(' | b')' | b'<' | b'\\' | b'&' | 0x7f | 0..=b' ');
            assert_eq!(shared != 0, read_to, "{b:#x}");
        }
    }

    /// The cells of a row as [`table_cells`] finds them, by memchr's search alone: the
    /// reference.
    fn table_cells_by_memchr(bytes: &[u8], at: usize, line_end: usize) -> Option<Vec<Span>> {
        let line = trim_spaces(bytes, at, line_end);
        let text = &bytes[line.clone()];
        if line.start != at || text.len() < 2 || text[0] != b'|' || text[text.len() - 1] != b'|' {
            return None;
        }
        let (mut cells, mut start) = (Vec::new(), line.start + 1);
        for i in memchr::memchr3_iter(b'|', b'\\', b'\t', &text[1..]) {
            let i = line.start + 1 + i;
            if bytes[i] != b'|' {
                return None;
            }
            cells.push((start..i).into());
            start = i + 1;
        }
        Some(cells)
    }

    /// A row's cells found 32 bytes a step are memchr's: every row of up to six
    /// characters from pipes, spaces, a letter, a backslash, a tab and a letter that is
    /// not ASCII between two pipes, alone, followed by a longer line, and with cells
    /// long enough for several steps.
    #[test]
    fn table_cells_are_memchrs() {
        let rows = every_text(&["|", " ", "a", "\\", "\t", "é"], 6);
        let long = "x".repeat(40);
        for row in &rows {
            for inner in [row.clone(), format!("{long}{row}{long}|{long}")] {
                let line = format!("|{inner}|");
                for src in [line.clone(), format!("{line}\n{}", "y".repeat(70))] {
                    let bytes = src.as_bytes();
                    let mut cells = Vec::new();
                    let found = table_cells(bytes, 0, line.len(), &mut cells).map(|()| cells);
                    assert_eq!(
                        found,
                        table_cells_by_memchr(bytes, 0, line.len()),
                        "{src:?}"
                    );
                }
            }
        }
    }

    /// The cells' halves' tables hold exactly the bytes a row's cells are read to.
    #[test]
    fn cell_halves_are_the_cell_bytes() {
        for b in 0..=255u8 {
            let shared =
                CELL_LOW_HALVES[usize::from(b & 0x0F)] & CELL_HIGH_HALVES[usize::from(b >> 4)];
            assert_eq!(shared != 0, matches!(b, b'|' | b'\\' | b'\t'), "{b:#x}");
        }
    }

    /// The halves' tables hold exactly the stops.
    #[test]
    fn stop_halves_are_the_stops() {
        for b in 0..=255u8 {
            let shared =
                STOP_LOW_HALVES[usize::from(b & 0x0F)] & STOP_HIGH_HALVES[usize::from(b >> 4)];
            assert_eq!(shared != 0, INLINE_STOPS[usize::from(b)], "{b:#x}");
        }
    }

    #[test]
    fn where_the_general_path_hands_back() {
        let src = "> a\n\n> b\nc\n\nd\n## e\n";
        assert_eq!(general_end(src, 0, src.len()), src.find("d\n").unwrap());
        let fenced = "```\n\nd\n# x\n```\n\ne";
        assert_eq!(general_end(fenced, 0, fenced.len()), fenced.len());
        let list = " * a\n\n * b\n\n c\n\nd";
        assert_eq!(general_end(list, 0, list.len()), list.len() - 1);
    }
}
