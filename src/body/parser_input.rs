//! The text pulldown-cmark reads: raw HTML as text, as the contract reads it.
//!
//! The contract's body has no raw HTML: a line that starts with a tag or a comment is
//! paragraph text like any other, and inside tag-like text entities are decoded and
//! emphasis is read (`<abbr title="x &amp; y">` gives `<abbr title="x & y">`). pulldown-cmark
//! always recognises HTML and has no option against it. So the text it reads is a copy in
//! which the byte after each `<` that could open HTML (a letter, `/`, `!` or `?`) is
//! [`MASK`], a byte with no meaning in Markdown: no tag, comment or HTML block can start
//! there, and `<` stays the punctuation it is for emphasis. Autolinks (`<https://…>`,
//! `<a@b.org>`) are left as they are. Every string the parser gives back is taken from the
//! input at the same offsets ([`Unmask`]); a string the parser built (an escape removed, a
//! line break in a code span) gets its masked bytes back from the input.
//!
//! Text that already holds [`MASK`] (a control character no article has) is given to the
//! parser with its HTML. The same copy gives tabs in table delimiter rows as spaces
//! ([`masked`]).

use std::ops::Range;

use memchr::{memchr, memchr_iter};
use pulldown_cmark::{BrokenLinkCallback, CodeBlockKind, CowStr, Event, OffsetIter, Tag};

use super::segments::is_atx_heading;

/// The byte that stands for the byte after a `<` in the text the parser reads.
pub(super) const MASK: u8 = 0x01;

/// The copy of `text` that the parser reads, or `None` when `text` needs none.
///
/// Besides raw HTML, one more thing pulldown-cmark 0.13 reads otherwise than GFM: a tab
/// after the start of a table's delimiter row (`| --- | --- |\t`) makes it no table. In
/// delimiter rows, such tabs are given as spaces (a tab is white space there either way).
pub(super) fn masked(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut copy: Option<Vec<u8>> = None;
    // Raw HTML, unless the text already holds the mask.
    if memchr(b'<', bytes).is_some() && memchr(MASK, bytes).is_none() {
        // Where the last `?>` of a line is, for the line of a `<?`: looked for once a line
        // (a `?>` after each `<?` would be looked for again and again).
        let mut line_pi_end: Option<(usize, Option<usize>)> = None;
        let mut pi_end = |at: usize| -> bool {
            let end = match line_pi_end {
                Some((line_end, end)) if at < line_end => end,
                _ => {
                    let line_end = memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
                    let end = memchr::memmem::rfind(&bytes[at..line_end], b"?>").map(|i| at + i);
                    line_pi_end = Some((line_end, end));
                    end
                }
            };
            end.is_some_and(|end| end > at)
        };
        for at in memchr_iter(b'<', bytes) {
            if opens_html(bytes, at, &mut pi_end)
                && !is_autolink(&bytes[at..])
                && !starts_destination(bytes, at)
            {
                copy.get_or_insert_with(|| bytes.to_vec())[at + 1] = MASK;
            }
        }
    }
    // Tabs in delimiter rows.
    if memchr(b'|', bytes).is_some() {
        let mut line_done = 0;
        for tab in memchr_iter(b'\t', bytes) {
            if tab < line_done {
                continue;
            }
            let start = memchr::memrchr(b'\n', &bytes[..tab]).map_or(0, |i| i + 1);
            let end = memchr(b'\n', &bytes[tab..]).map_or(bytes.len(), |i| tab + i);
            line_done = end;
            let line = &bytes[start..end];
            let content = line.iter().position(|b| !matches!(b, b' ' | b'\t'));
            let Some(content) = content else { continue };
            if is_delimiter_row(&line[content..]) {
                let copy = copy.get_or_insert_with(|| bytes.to_vec());
                for byte in &mut copy[start + content..end] {
                    if *byte == b'\t' {
                        *byte = b' ';
                    }
                }
            }
        }
    }
    // Only ASCII bytes were replaced, by ASCII bytes.
    copy.map(|copy| String::from_utf8(copy).expect("UTF-8 stays UTF-8"))
}

/// Whether the `<` at `at` may open raw HTML for pulldown-cmark, so that the byte after it
/// is masked: a tag (`<` and a letter), a closing tag (`</` and a letter), a comment
/// (`<!--`), a declaration (`<!` and a letter), a CDATA section (`<![CDATA[`), or a
/// processing instruction (`<?`, where a `?>` follows on its line, or where a line's text
/// may start: an HTML block that would run to its container's end). `pi_end`: whether a
/// `?>` comes after an offset on its line.
///
/// On its line, not anywhere after: the fast path hands a block it does not read to the
/// general path as a part of the body of its own, and a `?>` in a later block (which no
/// processing instruction reaches) masked a `<?` read whole and not one read in its
/// part; a masked `?` reads as a letter, not as punctuation, to the flanking rules
/// (`_<?__*`, a blank line, `?>`: emphasis in one, none in the other; found by the
/// `body` fuzz target). No part ends inside a line. A processing instruction over
/// several lines of a paragraph is left to the parser (raw HTML, where the contract reads
/// text: none is in the corpus).
///
/// Anything else opens no HTML for either parser and is left as it is. A masked `!`, `/`
/// or `?` (punctuation) reads as a letter would: `<![i](u)` was a link after `<!` where it
/// is `<` and an image, and `<!_b_` and `</_b_` opened no emphasis (found against
/// markdown-it, the contract's reader: `tests/markdown_it/`).
fn opens_html(bytes: &[u8], at: usize, pi_end: &mut impl FnMut(usize) -> bool) -> bool {
    let rest = &bytes[at + 1..];
    match rest.first() {
        Some(b'a'..=b'z' | b'A'..=b'Z') => true,
        Some(b'/') => rest.get(1).is_some_and(u8::is_ascii_alphabetic),
        Some(b'!') => {
            rest[1..].starts_with(b"--")
                || rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                || rest[1..].starts_with(b"[CDATA[")
        }
        Some(b'?') => pi_end(at) || may_start_line(bytes, at),
        _ => false,
    }
}

/// Whether the text of a line may start at `at`: only spaces, tabs, quote markers and
/// what may be list markers come before it on its line (looked at for 64 bytes back, and
/// taken as a yes beyond).
fn may_start_line(bytes: &[u8], at: usize) -> bool {
    bytes[at.saturating_sub(64)..at]
        .iter()
        .rev()
        .find(|&&b| {
            !matches!(
                b,
                b' ' | b'\t' | b'>' | b'-' | b'*' | b'+' | b'.' | b')' | b'0'..=b'9'
            )
        })
        .is_none_or(|&b| b == b'\n' || b == b'\r')
}

/// Whether `line` (from its first character on) is a GFM table delimiter row: cells of
/// `:?-+:?` between pipes and white space, with a pipe.
fn is_delimiter_row(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.contains(&b'|')
        && line.contains(&b'-')
        && line
            .iter()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// Whether the `<` at `at` opens a link destination in angle brackets: after `](` or after
/// a reference definition's `]:`, with spaces and at most one line break between, on a line
/// that can go on (not an ATX heading).
pub(super) fn starts_destination(bytes: &[u8], at: usize) -> bool {
    fn without_blanks(text: &[u8]) -> &[u8] {
        let blanks = text.iter().rev().take_while(|&&b| b == b' ' || b == b'\t');
        &text[..text.len() - blanks.count()]
    }
    let before = without_blanks(&bytes[..at]);
    let (before, crossed) = match before {
        [rest @ .., b'\r', b'\n'] | [rest @ .., b'\n' | b'\r'] => (without_blanks(rest), true),
        _ => (before, false),
    };
    if !(before.ends_with(b"](") || before.ends_with(b"]:")) {
        return false;
    }
    if !crossed {
        return true;
    }
    // A heading is one line: a destination cannot be on the next. (Only the line before
    // is looked through, once for the first `<` of a line.)
    let line = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let text = &before[line..];
    let indent = text.iter().take_while(|&&b| b == b' ').count();
    !(indent <= 3 && is_atx_heading(&text[indent..]))
}

/// Whether the `<` at `at`, at a line's start, is one the parser reads unmasked (see
/// [`masked`]) where it may open an HTML block, whose end (a later line, past blank lines
/// and headings) is the parser's to say: any `<` that starts a link destination, and an
/// autolink that starts as a comment, a processing instruction or a declaration
/// (`<!--a@b>`, `<?a@b>`, `<!A@b>` are e-mail autolinks too). Found by the `body` fuzz
/// target: `<!--@z>`, a blank line and a paragraph are one HTML block to the parser.
pub(super) fn may_open_html_unmasked(bytes: &[u8], at: usize) -> bool {
    starts_destination(bytes, at)
        || (matches!(bytes.get(at + 1), Some(b'!' | b'?')) && is_autolink(&bytes[at..]))
}

/// Whether `text` (starting with `<`) starts with a CommonMark autolink: `<scheme:…>` or
/// `<local@domain>`.
pub(super) fn is_autolink(text: &[u8]) -> bool {
    let Some(end) = memchr(b'>', text) else {
        return false;
    };
    let inner = &text[1..end];
    let scheme = inner.iter().position(|&b| b == b':');
    if let Some(colon) = scheme {
        let name = &inner[..colon];
        return (2..=32).contains(&name.len())
            && name[0].is_ascii_alphabetic()
            && name[1..]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
            && inner[colon + 1..].iter().all(|&b| b > b' ' && b != b'<');
    }
    let Some(at) = inner.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&inner[..at], &inner[at + 1..]);
    !local.is_empty()
        && local
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"..!#$%&'*+/=?^_`{|}~-".contains(&b))
        && domain.split(|&b| b == b'.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.first().is_some_and(u8::is_ascii_alphanumeric)
                && label.last().is_some_and(u8::is_ascii_alphanumeric)
                && label
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The events of a segment with their spans: straight from the parser when it reads the
/// input itself (no copy was needed), or taken back to the input from the copy it reads.
pub(super) enum Events<'m, 'a, F, G> {
    /// The parser reads the input.
    Input(OffsetIter<'a, F>),
    /// The parser reads a masked copy.
    Masked(OffsetIter<'m, G>, Unmask<'m, 'a>),
}

impl<'m, 'a, F, G> Iterator for Events<'m, 'a, F, G>
where
    F: BrokenLinkCallback<'a>,
    G: BrokenLinkCallback<'m>,
{
    type Item = (Event<'a>, Range<usize>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Events::Input(events) => events.next(),
            Events::Masked(events, unmask) => {
                let (event, span) = events.next()?;
                Some((unmask.event(event, &span), span))
            }
        }
    }
}

/// The code point and length of the numeric character reference at the start of `bytes`
/// (`&#65;`, `&#x41;`), as pulldown-cmark reads one: up to seven decimal or six
/// hexadecimal digits and a `;`. (The code point may be no character, or NUL, which it
/// reads as U+FFFD.)
pub(super) fn numeric_reference(bytes: &[u8]) -> Option<(u32, usize)> {
    let rest = bytes.strip_prefix(b"&#")?;
    let hex = matches!(rest.first(), Some(b'x' | b'X'));
    let digits = &rest[usize::from(hex)..];
    let count = digits
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    let max = if hex { 6 } else { 7 };
    if count == 0 || count > max || digits.get(count) != Some(&b';') {
        return None;
    }
    let digits = std::str::from_utf8(&digits[..count]).expect("ASCII digits");
    let value = u32::from_str_radix(digits, if hex { 16 } else { 10 }).expect("few digits");
    Some((value, 2 + usize::from(hex) + count + 1))
}

/// The length of the numeric character reference at the start of `bytes` if it is one
/// that pulldown-cmark decodes into [`MASK`] (`&#1;`, `&#x01;`).
fn entity_of_mask(bytes: &[u8]) -> Option<usize> {
    numeric_reference(bytes)
        .filter(|&(value, _)| value == u32::from(MASK))
        .map(|(_, len)| len)
}

/// Takes the parser's strings back to the input: `read` is the text the parser read (the
/// input itself, or its masked copy), `input` the input, at the same offsets.
pub(super) struct Unmask<'m, 'a> {
    pub(super) read: &'m str,
    pub(super) input: &'a str,
}

impl<'m, 'a> Unmask<'m, 'a> {
    /// `text`, a string the parser gave for the event at `span` (offsets in `read`), in
    /// which it decoded entities. `from_end`: the string comes from the end of the span
    /// (a link's destination), not its start.
    pub(super) fn string(
        &self,
        text: CowStr<'m>,
        span: &Range<usize>,
        from_end: bool,
    ) -> CowStr<'a> {
        self.taken_back(text, span, from_end, true)
    }

    /// [`Unmask::string`] for a string in which the parser decodes no entity (code,
    /// HTML): `&#1;` in it is text, not the mask.
    fn verbatim(&self, text: CowStr<'m>, span: &Range<usize>) -> CowStr<'a> {
        self.taken_back(text, span, false, false)
    }

    fn taken_back(
        &self,
        text: CowStr<'m>,
        span: &Range<usize>,
        from_end: bool,
        entities: bool,
    ) -> CowStr<'a> {
        match text {
            CowStr::Borrowed("") => CowStr::Borrowed(""),
            CowStr::Borrowed(s) => {
                let start = (s.as_ptr() as usize).wrapping_sub(self.read.as_ptr() as usize);
                match self.input.get(start..start + s.len()) {
                    Some(original) if start <= self.read.len() => CowStr::Borrowed(original),
                    // Not a slice of the text read (a string of the parser's own).
                    _ => CowStr::from(self.restored(s, span, from_end, entities)),
                }
            }
            owned if !owned.as_bytes().contains(&MASK) => owned.into_static(),
            owned => CowStr::from(self.restored(&owned, span, from_end, entities)),
        }
    }

    /// `s` with each [`MASK`] replaced by what it stands for in the input: a masked byte
    /// of the span, or (where the parser decodes `entities`) the mask itself where it
    /// decoded an entity (`&#1;`) into it, in order (the last ones when `from_end`).
    fn restored(&self, s: &str, span: &Range<usize>, from_end: bool, entities: bool) -> String {
        let span = span.start.min(self.read.len())..span.end.min(self.read.len());
        let read = &self.read.as_bytes()[span.clone()];
        let input = &self.input.as_bytes()[span];
        let mut originals: Vec<u8> = Vec::new();
        if entities {
            let mut i = 0;
            while let Some(k) = memchr::memchr2(MASK, b'&', &read[i..]) {
                let at = i + k;
                i = at + 1;
                if read[at] == MASK {
                    originals.push(input[at]);
                } else if let Some(len) = entity_of_mask(&read[at..]) {
                    originals.push(MASK);
                    i = at + len;
                }
            }
        } else {
            originals.extend(memchr_iter(MASK, read).map(|i| input[i]));
        }
        let masks = memchr_iter(MASK, s.as_bytes()).count();
        if from_end {
            originals.drain(..originals.len().saturating_sub(masks));
        }
        let mut originals = originals.into_iter();
        let bytes: Vec<u8> = s
            .bytes()
            .map(|b| {
                if b == MASK {
                    originals.next().unwrap_or(MASK)
                } else {
                    b
                }
            })
            .collect();
        String::from_utf8(bytes).expect("ASCII bytes for ASCII bytes")
    }

    /// The event with every string taken back to the input.
    pub(super) fn event(&self, event: Event<'m>, span: &Range<usize>) -> Event<'a> {
        let s = |t: CowStr<'m>| self.string(t, span, false);
        match event {
            Event::Start(tag) => Event::Start(self.tag(tag, span)),
            Event::End(end) => Event::End(end),
            Event::Text(t) => Event::Text(s(t)),
            Event::Code(t) => Event::Code(self.verbatim(t, span)),
            Event::InlineMath(t) => Event::InlineMath(self.verbatim(t, span)),
            Event::DisplayMath(t) => Event::DisplayMath(self.verbatim(t, span)),
            Event::Html(t) => Event::Html(self.verbatim(t, span)),
            Event::InlineHtml(t) => Event::InlineHtml(self.verbatim(t, span)),
            Event::FootnoteReference(t) => Event::FootnoteReference(s(t)),
            Event::SoftBreak => Event::SoftBreak,
            Event::HardBreak => Event::HardBreak,
            Event::Rule => Event::Rule,
            Event::TaskListMarker(checked) => Event::TaskListMarker(checked),
        }
    }

    fn tag(&self, tag: Tag<'m>, span: &Range<usize>) -> Tag<'a> {
        let s = |t: CowStr<'m>| self.string(t, span, false);
        let end = |t: CowStr<'m>| self.string(t, span, true);
        match tag {
            Tag::Paragraph => Tag::Paragraph,
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => Tag::Heading {
                level,
                id: id.map(s),
                classes: classes.into_iter().map(s).collect(),
                attrs: attrs.into_iter().map(|(k, v)| (s(k), v.map(s))).collect(),
            },
            Tag::BlockQuote(kind) => Tag::BlockQuote(kind),
            Tag::CodeBlock(CodeBlockKind::Indented) => Tag::CodeBlock(CodeBlockKind::Indented),
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                Tag::CodeBlock(CodeBlockKind::Fenced(s(info)))
            }
            Tag::HtmlBlock => Tag::HtmlBlock,
            Tag::List(start) => Tag::List(start),
            Tag::Item => Tag::Item,
            Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(s(label)),
            Tag::DefinitionList => Tag::DefinitionList,
            Tag::DefinitionListTitle => Tag::DefinitionListTitle,
            Tag::DefinitionListDefinition => Tag::DefinitionListDefinition,
            Tag::Table(alignments) => Tag::Table(alignments),
            Tag::TableHead => Tag::TableHead,
            Tag::TableRow => Tag::TableRow,
            Tag::TableCell => Tag::TableCell,
            Tag::Emphasis => Tag::Emphasis,
            Tag::Strong => Tag::Strong,
            Tag::Strikethrough => Tag::Strikethrough,
            Tag::Superscript => Tag::Superscript,
            Tag::Subscript => Tag::Subscript,
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Link {
                link_type,
                dest_url: end(dest_url),
                title: end(title),
                id: s(id),
            },
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Image {
                link_type,
                dest_url: end(dest_url),
                title: end(title),
                id: s(id),
            },
            Tag::MetadataBlock(kind) => Tag::MetadataBlock(kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_of_the_mask() {
        for yes in ["&#1;", "&#0000001;", "&#x1;", "&#X000001;", "&#01;x"] {
            assert_eq!(
                entity_of_mask(yes.as_bytes()),
                Some(yes.find(';').unwrap() + 1),
                "{yes}"
            );
        }
        for no in [
            "&#;",
            "&#00000001;",
            "&#x0000001;",
            "&#10;",
            "&#11;",
            "&#x;",
            "&#1",
            "&amp;",
        ] {
            assert_eq!(entity_of_mask(no.as_bytes()), None, "{no}");
        }
    }

    #[test]
    fn what_is_masked() {
        let copy =
            masked("a <div>b</div> <!-- c --> <?x?> <https://e.org> <a@b.org> < d <3").unwrap();
        assert_eq!(
            copy,
            "a <\u{1}iv>b<\u{1}div> <\u{1}-- c --> <\u{1}x?> <https://e.org> <a@b.org> < d <3"
        );
        assert_eq!(masked("no tags < here <3"), None);
        assert_eq!(
            masked("no HTML: <![i](u) <!_b_ <!-x </1 </_c_ <?_d_"),
            None,
            "a `<` before what opens no HTML"
        );
        assert_eq!(
            masked("<!X> <![CDATA[x]]> </y\n> <?z").as_deref(),
            Some("<\u{1}X> <\u{1}[CDATA[x]]> <\u{1}y\n> <\u{1}z"),
            "a declaration, CDATA, a closing tag, `<?` where a line's text starts"
        );
        assert_eq!(
            masked("a <?b c ?> <?d").as_deref(),
            Some("a <\u{1}b c ?> <?d"),
            "`<?` before a `?>` only, within a line"
        );
        assert_eq!(
            masked("_<?__*\n\nF\n?> a <?b\nc ?>"),
            None,
            "`<?` before a `?>` on a later line: the fast path's parts end between lines"
        );
        assert_eq!(
            masked("| a |\n| --- |\t\n\t| x\t|").as_deref(),
            Some("| a |\n| --- | \n\t| x\t|"),
            "tabs in delimiter rows only, indentation kept"
        );
        assert_eq!(
            masked("[a](<b c>) [d]: <e>"),
            None,
            "destinations in angle brackets"
        );
        assert_eq!(
            masked("\u{1}<div>"),
            None,
            "text that holds the mask is read as it is"
        );
    }

    #[test]
    fn autolinks() {
        for yes in [
            "<https://e.org>",
            "<mailto:a@b.c>",
            "<a+b.c-d:x>",
            "<a.b@c-d.org>",
        ] {
            assert!(is_autolink(yes.as_bytes()), "{yes}");
        }
        for no in [
            "<a:b>",
            "<https://e.org",
            "<https://a b>",
            "<div>",
            "<a@-b.org>",
            "<@b.org>",
        ] {
            assert!(!is_autolink(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn built_strings_get_their_bytes_back() {
        let input = "`a\n<b>` [x](y\\<z)";
        let read = masked(input).unwrap();
        let unmask = Unmask { read: &read, input };
        let code = read[1..6].replace('\n', " ");
        assert_eq!(&*unmask.string(CowStr::from(code), &(0..8), false), "a <b>");
        let dest = "<z".replace('z', "\u{1}");
        // Only the last masked byte of the span belongs to the destination.
        assert_eq!(
            &*unmask.string(CowStr::from(dest), &(9..input.len()), true),
            "<z"
        );
    }
}
