//! Emphasis for the fast path: runs of `*` and `_` matched as pulldown-cmark matches them.
//!
//! CommonMark decides what a delimiter run is only once the runs after it are read: an
//! opener is emphasis if some later run closes it, and text otherwise. The fast path gives
//! the builder its events as it reads, so from the first run that may open until every open
//! run is settled, events wait here ([`Out`]), and the runs' characters get their roles when
//! they are matched. The matching is pulldown-cmark 0.13's (`handle_emphasis_and_hard_break`
//! and its `InlineStack`), step for step: a closer takes the nearest opener of its character
//! above the lower bound kept for its kind, as many characters as both have (strong two at
//! a time from the inside out, emphasis for an odd one), under the rule of three; the
//! openers above the one it takes become text. The general path is the reference: the
//! `body_paths` property tests and the `body` fuzz target compare the two.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::fast::{link_events, Sink};
use crate::document::push_grown;

/// What one character of a delimiter run turned out to be.
#[derive(Clone, Copy)]
enum Role {
    /// Text, as the runs no closer takes.
    Text,
    /// The first character of an opener: emphasis (or strong) starts, until `end`.
    Open { strong: bool, end: u32 },
    /// The other character of a strong opener or closer: no event of its own.
    Inner,
    /// The last character of a closer: the emphasis that started at `start` ends.
    Close { strong: bool, start: u32 },
}

/// One delimiter character: its offset and its role.
#[derive(Clone, Copy)]
struct Delimiter {
    at: u32,
    role: Role,
}

/// An opener waiting for its closer: the delimiters `first..first + count` are still free
/// (an opener gives its characters from the right).
#[derive(Clone, Copy)]
pub(super) struct Opener {
    first: u32,
    count: u32,
    /// The length of the run it came from.
    run_length: u32,
    underscore: bool,
    /// Whether the run could both open and close.
    both: bool,
}

/// What waits to be given to the sink, in order: twelve bytes (an event, sixty-four bytes
/// and more, waits in a vector of its own, made only when an event waits).
#[derive(Clone, Copy)]
enum Pending {
    /// The next of [`Emphases::events`].
    Event,
    /// The input's text at `start..end` ([`Sink::text`]).
    Text { start: u32, end: u32 },
    /// The delimiters `first..first + len`: one run.
    Run { first: u32, len: u32 },
}

const _: () = assert!(std::mem::size_of::<Pending>() == 12);

/// The emphasis state of one inline text. Its vectors are kept from one inline to the next.
#[derive(Default)]
pub(super) struct Emphases<'a> {
    delimiters: Vec<Delimiter>,
    stack: Vec<Opener>,
    /// pulldown-cmark's lower bounds: for each character, the stack index below which no
    /// closer that cannot also open ([`NOT_BOTH`]) or whose run has a given length modulo
    /// three (`1 + length % 3`) finds an opener any more.
    lower_bounds: [[usize; 4]; 2],
    pending: Vec<Pending>,
    /// The events of [`Pending::Event`], in order.
    events: Vec<(Event<'a>, Range<usize>)>,
}

/// The lower bound of closers that cannot also open.
const NOT_BOTH: usize = 0;

impl<'a> Emphases<'a> {
    /// The vectors of `room` (emptied there), for their room, for text that borrows
    /// another input.
    pub(super) fn from_room(room: &mut Emphases<'static>) -> Emphases<'a> {
        Emphases {
            delimiters: std::mem::take(&mut room.delimiters),
            stack: std::mem::take(&mut room.stack),
            lower_bounds: [[0; 4]; 2],
            pending: std::mem::take(&mut room.pending),
            events: std::mem::take(&mut room.events),
        }
    }

    /// Gives the vectors, emptied, back to `room` (see [`FastReader::give_back`]).
    ///
    /// [`FastReader::give_back`]: super::fast::FastReader::give_back
    pub(super) fn give_back(&mut self, room: &mut Emphases<'static>) {
        self.delimiters.clear();
        room.delimiters = std::mem::take(&mut self.delimiters);
        self.stack.clear();
        room.stack = std::mem::take(&mut self.stack);
        self.pending.clear();
        room.pending = std::mem::take(&mut self.pending);
        room.events = super::builder::recycled(std::mem::take(&mut self.events));
    }

    /// The bytes its vectors hold room for.
    pub(super) fn room_bytes(&self) -> usize {
        use super::fast::room_bytes;
        room_bytes(&self.delimiters)
            + room_bytes(&self.stack)
            + room_bytes(&self.pending)
            + room_bytes(&self.events)
    }

    /// Ready for a new inline text.
    ///
    /// Only an inline text the fast path gave up on leaves anything: while no opener waits,
    /// nothing waits, no delimiter is kept, and every lower bound is 0 (a bound is at most
    /// the stack's length, and the stack shrinks by truncation, which lowers the bounds).
    #[inline]
    pub(super) fn reset(&mut self) {
        if !self.pending.is_empty() {
            self.delimiters.clear();
            self.stack.clear();
            self.lower_bounds = [[0; 4]; 2];
            self.pending.clear();
            self.events.clear();
        }
    }

    /// Whether nothing waits: no opener, no event (and so every lower bound is 0).
    #[inline(always)]
    pub(super) fn is_idle(&self) -> bool {
        self.pending.is_empty()
    }

    /// The nearest opener a closing run of `run_length` characters takes, if any, with the
    /// openers above it dropped (their characters stay text); if none, the lower bound for
    /// such runs is raised past every opener now on the stack.
    pub(super) fn find(
        &mut self,
        underscore: bool,
        run_length: usize,
        both: bool,
    ) -> Option<Opener> {
        let bounds = &mut self.lower_bounds[usize::from(underscore)];
        let by_length = 1 + run_length % 3;
        let bound = if both {
            bounds[by_length]
        } else {
            bounds[by_length].min(bounds[NOT_BOTH])
        };
        let lower = bound.min(self.stack.len());
        let found = self.stack[lower..].iter().rposition(|el| {
            el.underscore == underscore
                && (!both && !el.both
                    || (run_length + el.run_length as usize) % 3 != 0
                    || run_length % 3 == 0)
        });
        match found {
            Some(k) => {
                let index = lower + k;
                let opener = self.stack[index];
                self.stack.truncate(index);
                for bound in self.lower_bounds.iter_mut().flatten() {
                    *bound = (*bound).min(index);
                }
                Some(opener)
            }
            None => {
                bounds[by_length] = self.stack.len();
                if !both {
                    bounds[NOT_BOTH] = self.stack.len();
                }
                None
            }
        }
    }

    /// The run `at..at + len` that closes `matched` (found by [`find`](Self::find)) or may
    /// open (`can_open`): its characters are matched with openers, and what is left of it
    /// waits on the stack if it can open. Events wait until no opener is left; then they
    /// are given to `sink`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn run(
        &mut self,
        at: usize,
        len: usize,
        underscore: bool,
        can_open: bool,
        both: bool,
        mut matched: Option<Opener>,
        sink: &mut impl Sink<'a>,
    ) {
        // (Offsets and counts fit in `u32`: the body is under 4 GiB.)
        let (at, len32) = (at as u32, len as u32);
        let first = self.delimiters.len() as u32;
        self.delimiters.extend((at..at + len32).map(|at| Delimiter {
            at,
            role: Role::Text,
        }));
        let (mut count, mut next) = (len32, first);
        while let Some(opener) = matched {
            let used = count.min(opener.count);
            let low = opener.first + opener.count - used;
            // From the inside out: strong two characters at a time, emphasis for one.
            let (mut start, mut end) = (opener.first + opener.count, next);
            while start > low {
                let step = if start > low + 1 { 2 } else { 1 };
                let root = start - step;
                let last = end + step - 1;
                let strong = step == 2;
                let (root, last) = (root as usize, last as usize);
                let (open_at, close_end) = (self.delimiters[root].at, self.delimiters[last].at + 1);
                self.delimiters[root].role = Role::Open {
                    strong,
                    end: close_end,
                };
                self.delimiters[last].role = Role::Close {
                    strong,
                    start: open_at,
                };
                if strong {
                    self.delimiters[root + 1].role = Role::Inner;
                    self.delimiters[end as usize].role = Role::Inner;
                }
                end += step;
                start = root as u32;
            }
            if opener.count > used {
                self.stack.push(Opener {
                    count: opener.count - used,
                    ..opener
                });
            }
            count -= used;
            next += used;
            if count == 0 {
                break;
            }
            matched = self.find(underscore, len, both);
        }
        if count > 0 && can_open {
            push_grown(
                &mut self.stack,
                Opener {
                    first: next,
                    count,
                    run_length: len32,
                    underscore,
                    both,
                },
            );
        }
        push_grown(&mut self.pending, Pending::Run { first, len: len32 });
        if self.stack.is_empty() {
            self.flush(sink);
        }
    }

    /// A pair of runs of `len` (1 or 2) characters at `open` and `close`, only text
    /// between them, read while openers wait: what [`run`](Self::run) makes of the two
    /// (the opener can only open), made at once. The opener would be pushed on the stack
    /// above every lower bound (a bound is at most the stack's length), so the closer
    /// finds it first, and the rule of three, for lengths 1 + 1 or 2 + 2, never refuses:
    /// the two are matched whole, from the inside out, and the stack and the bounds are
    /// left as they were. The pair waits with the rest; the fast path's tests hold it to
    /// `run`.
    pub(super) fn pair(&mut self, open: usize, close: usize, len: usize) {
        // (Offsets fit in `u32`: the body is under 4 GiB.)
        let (open, close, len) = (open as u32, close as u32, len as u32);
        let strong = len == 2;
        let first = self.delimiters.len() as u32;
        self.delimiters.push(Delimiter {
            at: open,
            role: Role::Open {
                strong,
                end: close + len,
            },
        });
        if strong {
            self.delimiters.push(Delimiter {
                at: open + 1,
                role: Role::Inner,
            });
            self.delimiters.push(Delimiter {
                at: close,
                role: Role::Inner,
            });
        }
        self.delimiters.push(Delimiter {
            at: close + len - 1,
            role: Role::Close {
                strong,
                start: open,
            },
        });
        push_grown(&mut self.pending, Pending::Run { first, len });
        if open + len < close {
            push_grown(
                &mut self.pending,
                Pending::Text {
                    start: open + len,
                    end: close,
                },
            );
        }
        push_grown(
            &mut self.pending,
            Pending::Run {
                first: first + len,
                len,
            },
        );
    }

    /// The end of the inline text: openers left are text; every waiting event is given.
    #[inline]
    pub(super) fn finish(&mut self, sink: &mut impl Sink<'a>) {
        // (An opener waits only with events.)
        if !self.pending.is_empty() {
            self.stack.clear();
            self.lower_bounds = [[0; 4]; 2];
            self.flush(sink);
        }
    }

    /// Gives the waiting events to `sink`, the runs' characters by their roles.
    fn flush(&mut self, sink: &mut impl Sink<'a>) {
        let mut events = self.events.drain(..);
        for pending in self.pending.drain(..) {
            let (first, len) = match pending {
                Pending::Event => {
                    let (event, span) = events.next().expect("an event waits for each");
                    sink.event(event, span);
                    continue;
                }
                Pending::Text { start, end } => {
                    sink.text(start as usize..end as usize);
                    continue;
                }
                Pending::Run { first, len } => (first as usize, len as usize),
            };
            let mut text: Option<Range<usize>> = None;
            for delimiter in &self.delimiters[first..first + len] {
                let at = delimiter.at as usize;
                if let Role::Text = delimiter.role {
                    text = Some(text.map_or(at..at + 1, |t| t.start..at + 1));
                    continue;
                }
                if let Some(t) = text.take() {
                    sink.text(t);
                }
                match delimiter.role {
                    Role::Open { strong, end } => sink.style(strong, true, at..end as usize),
                    Role::Close { strong, start } => {
                        sink.style(strong, false, start as usize..at + 1)
                    }
                    Role::Inner | Role::Text => {}
                }
            }
            if let Some(t) = text {
                sink.text(t);
            }
        }
        self.delimiters.clear();
    }
}

/// The sink of an inline text's reader: events go straight to the builder while no opener
/// waits, and wait with the runs otherwise.
pub(super) struct Out<'s, 'a, S> {
    pub(super) emphases: &'s mut Emphases<'a>,
    pub(super) sink: &'s mut S,
}

impl<'a, S: Sink<'a>> Sink<'a> for Out<'_, 'a, S> {
    #[inline(always)]
    fn event(&mut self, event: Event<'a>, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.event(event, span);
        } else {
            self.emphases.events.push((event, span));
            self.emphases.pending.push(Pending::Event);
        }
    }

    #[inline(always)]
    fn text(&mut self, range: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.text(range);
        } else {
            self.emphases.pending.push(Pending::Text {
                start: range.start as u32,
                end: range.end as u32,
            });
        }
    }

    #[inline(always)]
    fn start(&mut self, tag: Tag<'a>, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.start(tag, span);
        } else {
            self.event(Event::Start(tag), span);
        }
    }

    #[inline(always)]
    fn end(&mut self, end: TagEnd, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.end(end, span);
        } else {
            self.event(Event::End(end), span);
        }
    }

    #[inline(always)]
    fn other_text(&mut self, text: CowStr<'a>, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.other_text(text, span);
        } else {
            self.event(Event::Text(text), span);
        }
    }

    #[inline(always)]
    fn link(&mut self, image: bool, url: Range<usize>, text: Range<usize>, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.link(image, url, text, span);
        } else {
            link_events(self, image, url, text, span);
        }
    }

    #[inline(always)]
    fn line_break(&mut self, hard: bool, span: Range<usize>) {
        if self.emphases.pending.is_empty() {
            self.sink.line_break(hard, span);
        } else {
            let event = if hard {
                Event::HardBreak
            } else {
                Event::SoftBreak
            };
            self.event(event, span);
        }
    }

    #[inline(always)]
    fn src(&self, range: Range<usize>) -> &'a str {
        self.sink.src(range)
    }
}
