//! Reference definitions: gathered from the whole body before it is read in segments, so
//! that `[x]: url` anywhere resolves `[y][x]` anywhere; and, from the same scan, whether
//! the body may define any, which sends it to the general path whole.

use std::ops::{ControlFlow, Range};

use pulldown_cmark::{BrokenLink, CowStr, Options, Parser};

use super::parser_input;

/// A reference definition of the body: its label (as [`label_key`] gives it), destination
/// and title.
pub(super) type Reference = (String, CowStr<'static>, CowStr<'static>);

/// The body's reference definitions. They are document-wide (`[x]: url` anywhere resolves
/// `[y][x]` anywhere), but the body is read in segments, each by a parser of its own: the
/// definitions of the whole body are gathered first and given to every segment's parser
/// for the references it cannot resolve.
///
/// A definition's `[` starts a line, after at most three spaces, or after the markers of
/// the list items and block quotes it is in; its `]:` may come lines later. At the top
/// level, only the paragraph around it (from the blank line before the `[` to the blank
/// line after the `]:`) is read, by pulldown-cmark's first pass, which says whether it
/// defines anything: each byte is read at most once, and most bodies are not read at
/// all. A possible definition inside a list item or block quote (markers, or four columns
/// of indentation, before its `[`), or in a body with fenced code (which may hold it), can
/// only be told by reading its containers too: then the whole body is read once.
///
/// Also returns whether the body may define any reference at all (what
/// `may_define_references` tells, from the same scan), and whether a label may be defined
/// twice: the first definition is the one that counts, but a segment of the general path
/// that defines the label again would resolve it with its own (so the body is then read
/// in one piece).
pub(super) fn references(body: &str) -> (Vec<Reference>, bool, bool) {
    let bytes = body.as_bytes();
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    let mut nested = false;
    definition_candidates(bytes, |line, at, in_container| {
        if in_container {
            nested = true;
            return ControlFlow::Break(());
        }
        paragraphs.push((line, at));
        ControlFlow::Continue(())
    });
    // A `[x]: /u` line in fenced code (or in an HTML block, in text read with its HTML),
    // with blank lines around it, would define `x` if its paragraph were read alone: a
    // body with something like a fence, or with the mask, is read whole.
    let may_hide_definitions = || {
        memchr::memchr(parser_input::MASK, bytes).is_some()
            || memchr::memmem::find(bytes, b"```").is_some()
            || memchr::memmem::find(bytes, b"~~~").is_some()
    };
    let candidates = nested || !paragraphs.is_empty();
    if nested || (!paragraphs.is_empty() && may_hide_definitions()) {
        // pulldown-cmark keeps only the first definition of a label: whether there was
        // another is not known.
        let found = definitions_in(body, 0..body.len());
        let may_repeat = !found.is_empty();
        return (found, candidates, may_repeat);
    }
    let mut found = Vec::new();
    let mut read_to = 0;
    for (line, at) in paragraphs {
        if at < read_to {
            continue;
        }
        let start = paragraph_start(bytes, line, read_to);
        let end = paragraph_end(bytes, at);
        found.extend(definitions_in(body, start..end));
        read_to = end;
    }
    let mut labels: Vec<&str> = found.iter().map(|r| r.0.as_str()).collect();
    labels.sort_unstable();
    let repeated = labels.windows(2).any(|w| w[0] == w[1]);
    (found, candidates, repeated)
}

/// The reference definitions pulldown-cmark's first pass finds in `body[range]`, read on
/// its own.
fn definitions_in(body: &str, range: Range<usize>) -> Vec<Reference> {
    let input = &body[range];
    let copy = parser_input::masked(input);
    let read = copy.as_deref().unwrap_or(input);
    let unmask = parser_input::Unmask { read, input };
    let parser = Parser::new_ext(read, Options::ENABLE_TABLES);
    parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| {
            // pulldown-cmark lends the definitions for as long as its parser lives: copied.
            let back = |t: &CowStr<'_>| unmask.string(t.clone(), &def.span, true).into_static();
            let title = def.title.as_ref().map_or(CowStr::Borrowed(""), back);
            (label_key(label), back(&def.dest), title)
        })
        .collect()
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
pub(super) fn resolver<'i>(
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

/// Whether `body` may hold a reference definition: a `]:` whose `[` (the last before it)
/// starts a line, after nothing but indentation and the markers of block quotes and list
/// items. (The reference the second result of [`references`] is tested against.)
#[cfg(test)]
fn may_define_references(body: &[u8]) -> bool {
    let mut any = false;
    definition_candidates(body, |_, _, _| {
        any = true;
        ControlFlow::Break(())
    });
    any
}

/// Calls `visit(line, at, in_container)` for each `]:` (at `at`) whose `[` (the last
/// before it that is not escaped) starts the line at `line`, after nothing but
/// indentation and the markers of block quotes and list items; `in_container` when
/// markers or four columns of indentation come before the `[`. One pass: the last `[`
/// and its line are followed as the `]:` are found; stops when `visit` breaks.
fn definition_candidates(
    body: &[u8],
    mut visit: impl FnMut(usize, usize, bool) -> ControlFlow<()>,
) {
    let (mut scanned, mut line) = (0, 0);
    // The last `[` seen: the start of its line, and whether it may open a definition,
    // in a container or not.
    let mut open: Option<(usize, bool, bool)> = None;
    // (A finder made once: making one for each body cost as much as searching a small one.)
    static LABEL_ENDS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"]:"));
    for at in LABEL_ENDS.find_iter(body) {
        for i in memchr::memchr2_iter(b'[', b'\n', &body[scanned..at]) {
            let i = scanned + i;
            if body[i] == b'\n' {
                line = i + 1;
            } else if escaped(body, i) {
                // `\[` opens nothing: it may be inside the label of a `[` before it
                // (`[\[]: /u` defines `\[`).
            } else {
                // Of a long line, only the start is looked at (each `[` of the line looks
                // again): markers and white space all through it count as markers, in a
                // container.
                let head = &body[line..i.min(line + 256)];
                let markers = |b: &u8| b" \t>*+-.)0123456789".contains(b);
                open = Some(if i > line + 256 {
                    (line, head.iter().all(markers), true)
                } else {
                    let columns = head.iter().fold(0, |c, &b| match b {
                        b'\t' => c + 4 - c % 4,
                        _ => c + 1,
                    });
                    let in_container =
                        !head.iter().all(|&b| b == b' ' || b == b'\t') || columns > 3;
                    (line, only_container_markers(head), in_container)
                });
            }
        }
        scanned = at;
        if let Some((line, true, in_container)) = open {
            if visit(line, at, in_container).is_break() {
                return;
            }
        }
    }
}

/// Whether the byte at `i` is escaped: after an odd number of backslashes.
fn escaped(bytes: &[u8], i: usize) -> bool {
    bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// Whether `text` is nothing but white space and the markers of block quotes (`>`) and
/// list items (`*`, `-`, `+`, `1.`, `1)` and a blank after them).
fn only_container_markers(mut text: &[u8]) -> bool {
    loop {
        text = text.trim_ascii_start();
        let blank_at = |i: usize| matches!(text.get(i), Some(b' ' | b'\t'));
        text = match text {
            [] => return true,
            [b'>', rest @ ..] => rest,
            [b'*' | b'-' | b'+', _, rest @ ..] if blank_at(1) => rest,
            _ => {
                let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
                let marker = matches!(text.get(digits), Some(b'.' | b')'));
                if !(1..=9).contains(&digits) || !marker || !blank_at(digits + 1) {
                    return false;
                }
                &text[digits + 2..]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The scan `references` makes tells what the reference check tells.
        #[test]
        fn references_tell_whether_a_body_may_define_any(
            text in "[\\[\\]: \n>*1.x`~-]{0,40}"
        ) {
            proptest::prop_assert_eq!(references(&text).1, may_define_references(text.as_bytes()));
        }
    }

    #[test]
    fn what_may_define_references() {
        for yes in [
            "[a]: /u",
            "  [a]: /u",
            "> * [a]: /u",
            "1. [a]: /u",
            "x\n- 2) [a\nb]: /u",
            // Escaped brackets in the label (found by the body fuzz target from the
            // CommonMark examples: `[\[]:/` defines `\[`, the fast path read a paragraph).
            "[\\[]:/",
            "[a\\[b]: /u",
            "[a\n\\[b]: /u",
            "[\\\\\\[]: /u",
        ] {
            assert!(may_define_references(yes.as_bytes()), "{yes:?}");
            assert!(references(yes).1, "{yes:?}");
        }
        for no in [
            "E1: [a]: b",
            "15 [a]: b",
            "*[a]: b",
            "1.[a]: b",
            "a [b]: c",
            "[a] b",
            "\\[a]: b",
            "x \\\\[a]: b",
        ] {
            assert!(!may_define_references(no.as_bytes()), "{no:?}");
            assert!(!references(no).1, "{no:?}");
        }
    }
}
