//! Property tests for the parser: no input panics; every span lies inside the input, on
//! character boundaries, and slices back to its value; `into_owned()` changes nothing.

mod common;

use proptest::prelude::*;
use wikimd::Document;

const SAMPLE: &str = include_str!("corpus/sample/operation-serval.clean.md");
const DOCS: [&str; 4] = [
    SAMPLE,
    include_str!("corpus/clean/016_en_815b525aafb5.md"),
    include_str!("corpus/clean/240_ja_a14f343fe893.md"),
    include_str!("corpus/mojibake/222_hy_4422c1f56c4a.md"),
];

/// The checks every parsed document must pass.
fn check_document(input: &str, doc: &Document<'_>) -> Result<(), TestCaseError> {
    let in_input = |span: std::ops::Range<usize>| {
        span.start <= span.end
            && span.end <= input.len()
            && input.is_char_boundary(span.start)
            && input.is_char_boundary(span.end)
    };
    let fallback = doc.front_matter().map(|f| f.span());
    for text in common::front_matter_texts(doc) {
        let span = text.span();
        prop_assert!(in_input(span.clone()), "{span:?}");
        if Some(&span) == fallback.as_ref() {
            continue; // values read by the general YAML parser carry the front matter's span
        }
        let raw = &input[span];
        let value = text.decode();
        match text.as_str() {
            Some(_) => prop_assert!(
                raw == value || raw == format!("'{value}'") || raw == format!("\"{value}\""),
                "{raw:?} vs {value:?}"
            ),
            None => prop_assert!(
                raw.starts_with(['"', '\'', '|', '>']) || raw.contains('\n'),
                "{raw:?}"
            ),
        }
    }
    prop_assert!(in_input(doc.body_span()));
    prop_assert_eq!(&input[doc.body_span()], doc.body());
    let mut previous_end = doc.body_span().start;
    for section in doc.sections() {
        prop_assert!(in_input(section.span()));
        prop_assert_eq!(section.span().start, previous_end);
        previous_end = section.span().end;
        prop_assert!(in_input(section.heading_span()));
        for p in section.paragraphs() {
            prop_assert!(in_input(p.span()));
        }
        for list in section.lists() {
            prop_assert!(in_input(list.span()));
            for item in list.items() {
                prop_assert!(in_input(item.span()));
            }
        }
        for figure in section.figures() {
            prop_assert!(in_input(figure.span()));
            // The URL is pulldown-cmark's destination: escapes and entities decoded, NUL as
            // U+FFFD; the span is the image as written.
            let raw = &input[figure.span()];
            prop_assert!(raw.starts_with("![") && raw.contains("]("), "{raw:?}");
        }
        for table in section.tables() {
            prop_assert!(in_input(table.span()));
        }
    }
    prop_assert_eq!(previous_end, doc.body_span().end);
    let owned = doc.clone().into_owned();
    prop_assert_eq!(&owned, doc);
    Ok(())
}

/// A random edit of a document.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Swap(usize, usize),
    DuplicateLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..64usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop::sample::select(b"-:|>'\"# \n\t*[]{}&!\\a\x00\xc3\xa9".to_vec()),
                1..8
            )
        )
            .prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(doc: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = doc.to_vec();
    for e in edits {
        if bytes.is_empty() {
            break;
        }
        let len = bytes.len();
        match e {
            Edit::Delete(at, n) => {
                let at = at % len;
                bytes.drain(at..(at + n).min(len));
            }
            Edit::Insert(at, new) => {
                let at = at % len;
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Swap(a, b) => bytes.swap(a % len, b % len),
            Edit::DuplicateLine(at) => {
                let at = at % len;
                let start = bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(len, |i| at + i + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(start..start, line);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `Position::advance`, counted on from a position, agrees with `Position::of`, counted
    /// from the start (the reference), for offsets in any order.
    #[test]
    fn advancing_a_position_counts_as_from_the_start(
        s in "[a\n\réあ🇫]{0,60}",
        offsets in proptest::collection::vec(0usize..80, 1..8),
    ) {
        let mut at = wikimd::Position::of(&s, 0);
        for offset in offsets {
            at = at.advance(&s, offset);
            prop_assert_eq!(at, wikimd::Position::of(&s, offset));
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,400}") {
        if let Ok(doc) = wikimd::parse(&s) {
            check_document(&s, &doc)?;
        }
    }

    #[test]
    fn arbitrary_front_matter_never_panics(s in "[-:|>'\"# \n\ta-z0-9\\[\\]{}&*!?,.]{0,300}") {
        let input = format!("---\n{s}\n---\nbody");
        if let Ok(doc) = wikimd::parse(&input) {
            check_document(&input, &doc)?;
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match wikimd::parse_bytes(&bytes) {
            Ok(doc) => check_document(std::str::from_utf8(&bytes).unwrap(), &doc)?,
            Err(e) => {
                if let wikimd::ErrorKind::InvalidUtf8 = e.kind() {
                    let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                    prop_assert_eq!(e.offset(), valid);
                }
            }
        }
    }

    #[test]
    fn edited_documents_never_panic(doc in prop::sample::select(DOCS.to_vec()), edits in prop::collection::vec(edit(), 1..6)) {
        let bytes = apply(doc.as_bytes(), &edits);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            match wikimd::parse(text) {
                Ok(doc) => check_document(text, &doc)?,
                Err(e) => prop_assert!(e.offset() <= text.len()),
            }
        }
    }
}

#[test]
fn corpus_documents_pass_the_checks() {
    for doc in DOCS {
        let parsed = wikimd::parse(doc).unwrap();
        check_document(doc, &parsed).unwrap();
    }
}
