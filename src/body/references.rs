//! Reference definitions: gathered from the whole body before it is read in segments, so
//! that `[x]: url` anywhere resolves `[y][x]` anywhere.

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
/// A definition starts a line with `[` (after at most three spaces) and holds `]:`. Only
/// the paragraph around such a line (from the blank line before it to the blank line after
/// it) is read, by pulldown-cmark's first pass, which says whether it defines anything:
/// each byte is read at most once, and most bodies are not read at all.
pub(super) fn references(body: &str) -> Vec<Reference> {
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut read_to = 0;
    // The start of the line of the last `]:`, and how far line ends were looked for: each
    // byte is looked at once (a body of `]:` and no line break is no quadratic work).
    let (mut line, mut scanned) = (0, 0);
    for at in memchr::memmem::find_iter(bytes, b"]:") {
        if at < read_to {
            continue;
        }
        let from = scanned.max(line);
        if let Some(i) = memchr::memrchr2(b'\n', b'\r', &bytes[from..at]) {
            line = from + i + 1;
        }
        scanned = at;
        let indent = bytes[line..]
            .iter()
            .take(4)
            .take_while(|&&b| b == b' ')
            .count();
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
