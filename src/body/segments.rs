//! The list-ending pre-scan: the body cut into segments at the lines that may end a list
//! (a lazy continuation line), each read by a parser of its own.

use std::ops::Range;

use super::parser_input::{may_open_html_unmasked, MASK};

/// A part of the body read by a parser of its own.
pub(super) struct Segment {
    pub(super) range: Range<usize>,
    /// The segment ends before a line that the pre-scan takes for a lazy line: to be
    /// confirmed by the parse (the line before must be inside a list item).
    pub(super) cut: bool,
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
/// is read twice. Runs of sections are cut (at headings in column 0, which no container
/// holds) so that no segment grows much past
/// SEGMENT_BYTES: pulldown-cmark builds its tree for a whole segment at once, so this
/// bounds its memory. Fenced code is tracked so that a `#` line inside it is no cut; past
/// a fence opened with indentation (which may be in a list item, and end with it), past a
/// `<` left unmasked at a line's start (it may open an HTML block), in text read with its
/// HTML and in text with a lone carriage return, nothing is cut. Link
/// reference definitions, global to a document, are gathered first (`references`).
pub(super) fn segments(src: &str, range: Range<usize>, lazy_cuts: bool) -> Vec<Segment> {
    let bytes = src.as_bytes();
    let text = &bytes[range.clone()];
    // Text read with its HTML (see `parser_input`): an HTML block may hold any line. A
    // lone carriage return ends a line for some of the parser's blocks and not for others
    // (indented code): no line after one is sure to start a block.
    let lone_cr = || memchr::memchr_iter(b'\r', text).any(|i| text.get(i + 1) != Some(&b'\n'));
    if memchr::memchr(MASK, text).is_some() || lone_cr() {
        return vec![Segment { range, cut: false }];
    }
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
        // A list item, at the top or in a block quote (`>- x`: the line after it may be
        // a lazy line of that item as much as of a top-level one).
        let is_item = indent <= 3 && is_list_marker(past_quote_markers(rest));
        if lazy_cuts && fence.is_none() && after_item && !blank && !is_item && indent < 2 {
            cuts.push((line, true));
        }
        // A `<` the general path leaves unmasked at a line's start (after a line ending in
        // `](` or `]:`, or an autolink such as `<!--a@b>`) may open an HTML block, which
        // no heading ends: where it ends is the parser's to say.
        if fence.is_none()
            && indent <= 3
            && marker == Some(b'<')
            && may_open_html_unmasked(bytes, line + content)
        {
            break;
        }
        if indent <= 3 {
            match (fence, marker) {
                (Some((c, n)), Some(m)) if m == c && run >= n && closes_fence(&rest[run..]) => {
                    fence = None;
                }
                (Some(_), _) => {}
                (None, Some(m @ (b'`' | b'~')))
                    if run >= 3 && !(m == b'`' && rest[run..].contains(&b'`')) =>
                {
                    if indent > 0 {
                        // Perhaps in a list item, whose end (a line indented less)
                        // ends it too: where it ends is the parser's to say.
                        break;
                    }
                    fence = Some((m, run));
                }
                // At column 0 only: an indented `#` line may be a heading, or code, inside
                // a list item still open (`- a` then `  # x`), which a cut would take out.
                (None, Some(b'#')) if indent == 0 && is_atx_heading(rest) => {
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

/// Whether a line (without indentation) is an ATX heading: one to six `#` and a space, a
/// tab or the line's end.
pub(super) fn is_atx_heading(rest: &[u8]) -> bool {
    let level = rest.iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&level) && matches!(rest.get(level), None | Some(b' ' | b'\t' | b'\r'))
}

/// Whether what follows a run of fence characters long enough to close a fence closes
/// it, as pulldown-cmark reads it: spaces only (no tab, no form feed), then the line's end.
fn closes_fence(after_run: &[u8]) -> bool {
    let spaces = after_run.iter().take_while(|&&b| b == b' ').count();
    matches!(after_run.get(spaces), None | Some(b'\r'))
}

/// A line (without its indentation) past the markers of the block quotes it is in, and
/// the blanks after them.
fn past_quote_markers(mut rest: &[u8]) -> &[u8] {
    while let [b'>', after @ ..] = rest {
        rest = after.trim_ascii_start();
    }
    rest
}

/// Whether a line (without its indentation) starts with a list marker.
pub(super) fn is_list_marker(rest: &[u8]) -> bool {
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

/// Past the spaces and tabs from byte `i`, at column `column`: the byte and the column
/// after them (a tab advances to the next multiple of 4).
pub(super) fn skip_blanks(bytes: &[u8], mut i: usize, mut column: usize) -> (usize, usize) {
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
