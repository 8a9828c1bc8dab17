//! Property tests of the body contract (issue #17): bodies generated from the constructs
//! the contract speaks of — paragraphs with emphasis, links, references, inline tags and
//! entities, lists (the format's ` * ` and numbered ones), tables, figures, headings, code
//! blocks, HTML lines, block quotes, reference definitions — and the invariants it implies.

mod common;

use proptest::prelude::*;
use serde_json::Value;

const REDIRECT: &str = "https://wikipedia.org/wiki/Special:Redirect/file/";

fn json(text: &str) -> Value {
    serde_json::to_value(wikimd::parse(text).unwrap()).unwrap()
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}",
        1 => "[a-z]{1,5}".prop_map(|w| format!("*{w}*")),
        1 => "[a-z]{1,5}".prop_map(|w| format!("**{w}**")),
        1 => "[a-z]{1,5}".prop_map(|w| format!("[{w}](https://e.org/{w})")),
        1 => "[a-z]{1,5}".prop_map(|w| format!("<b>{w}</b>")),
        1 => Just("&amp;".to_string()),
        1 => "[a-z]{1,5}".prop_map(|w| format!("`{w}`")),
        1 => "[a-z]{1,5}".prop_map(|w| format!("[{w}][r]")),
    ]
}

fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

/// A block of the body, as text without its trailing line break.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(line(), 1..3).prop_map(|l| l.join("\n")),
        2 => proptest::collection::vec(line(), 1..4)
            .prop_map(|items| items.iter().map(|i| format!(" * {i}")).collect::<Vec<_>>().join("\n")),
        1 => proptest::collection::vec(line(), 1..3).prop_map(|items| {
            items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")
        }),
        1 => (line(), line()).prop_map(|(a, b)| format!("| h | k |\n| --- | --- |\n| {a} | {b} |")),
        1 => "[A-Za-z]{1,8}".prop_map(|f| format!("![{f}]({REDIRECT}{f}.jpg?)")),
        1 => "[a-z]{1,8}".prop_map(|h| format!("## {h}")),
        1 => line().prop_map(|l| format!("> {l}")),
        1 => line().prop_map(|l| format!("<div>{l}</div>")),
    ]
}

fn body() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(block(), 1..7)
}

fn with_endings(text: &str, ending: &str) -> String {
    text.replace('\n', ending)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A document's JSON is the same with LF, CRLF and CR line endings, front matter
    /// included, and with a byte order mark.
    #[test]
    fn line_endings_do_not_change_the_document(blocks in body(), tight in any::<bool>()) {
        let body = blocks.join(if tight { "\n" } else { "\n\n" });
        let text = format!("---\ntitle: T\ninfoboxes:\n  - a:\n      text: b\n---\n{body}\n");
        let lf = json(&text);
        prop_assert_eq!(&json(&with_endings(&text, "\r\n")), &lf, "CRLF");
        prop_assert_eq!(&json(&with_endings(&text, "\r")), &lf, "CR");
        prop_assert_eq!(&json(&format!("\u{feff}{text}")), &lf, "BOM");
    }

    /// A fenced code block between two blocks is dropped and changes nothing else; an HTML
    /// comment line there is one paragraph more and changes nothing else.
    #[test]
    fn code_and_comment_lines_leave_the_other_blocks_alone(
        blocks in body(),
        at in any::<proptest::sample::Index>(),
        comment in any::<bool>(),
    ) {
        let mut at = at.index(blocks.len() + 1);
        // Between two lists, a blank line alone would join them into one: the block goes
        // at the end instead (a rejected case would count against proptest's limit of
        // rejects, which a run of a million cases reaches).
        let lists = |b: Option<&String>| b.is_some_and(|b| b.starts_with(" * ") || b.starts_with("1. "));
        if lists(blocks.get(at.wrapping_sub(1))) && lists(blocks.get(at)) {
            at = blocks.len();
        }
        let inserted = if comment { "<!-- c -->" } else { "```\ncode\n```" };
        let mut with = blocks.clone();
        with.insert(at, inserted.to_string());
        let before = json(&blocks.join("\n\n"));
        let mut after = json(&with.join("\n\n"));
        if comment {
            // Take the comment's paragraph out: the rest must be as before.
            let sections = after["sections"].as_array_mut().unwrap();
            let found = sections.iter_mut().any(|s| {
                let paragraphs = s["paragraphs"].as_array_mut().unwrap();
                let i = paragraphs.iter().position(|p| p == "<!-- c -->");
                i.map(|i| paragraphs.remove(i)).is_some()
            });
            prop_assert!(found, "the comment is a paragraph");
        }
        prop_assert_eq!(after, before);
    }

    /// A reference definition anywhere (as a block of its own) resolves references anywhere.
    #[test]
    fn a_definition_anywhere_resolves_references_anywhere(
        blocks in body(),
        at in any::<proptest::sample::Index>(),
    ) {
        let at = at.index(blocks.len() + 1);
        let mut with = blocks.clone();
        with.insert(at, "[R]: https://e.org/r".to_string());
        let text = json(&with.join("\n\n")).to_string();
        prop_assert!(!text.contains("][r]"), "{}", text);
    }
}

/// The corpus's own articles: a fenced code block or an HTML comment line inserted at a
/// blank line between two paragraphs changes no other block, and the whole document reads
/// the same with CRLF and CR line endings.
#[test]
fn the_corpus_articles_keep_their_blocks_around_code_and_comments() {
    let mut checked = 0;
    for name in common::names() {
        let text = common::clean(&name);
        let plain = json(&text);
        assert_eq!(json(&with_endings(&text, "\r\n")), plain, "{name}: CRLF");
        assert_eq!(json(&with_endings(&text, "\r")), plain, "{name}: CR");
        let body_start = text[4..].find("\n---\n").map_or(0, |at| at + 9);
        let lines: Vec<&str> = text[body_start..].split_inclusive('\n').collect();
        // Blank lines between two lines of plain words (paragraph text, not a list, table,
        // heading, image or quote), a few per article.
        let is_prose = |line: &str| line.starts_with(|c: char| c.is_alphabetic());
        let places: Vec<usize> = (1..lines.len().saturating_sub(1))
            .filter(|&i| {
                lines[i].trim().is_empty() && is_prose(lines[i - 1]) && is_prose(lines[i + 1])
            })
            .take(3)
            .collect();
        for &at in &places {
            let offset = body_start + lines[..=at].concat().len();
            for (inserted, paragraph) in [
                ("```\ncode\n```\n\n", None),
                ("<!-- c -->\n\n", Some("<!-- c -->")),
            ] {
                let edited = format!("{}{inserted}{}", &text[..offset], &text[offset..]);
                let mut got = json(&edited);
                if let Some(p) = paragraph {
                    let sections = got["sections"].as_array_mut().unwrap();
                    let removed = sections.iter_mut().any(|s| {
                        let ps = s["paragraphs"].as_array_mut().unwrap();
                        ps.iter()
                            .position(|x| x == p)
                            .map(|i| ps.remove(i))
                            .is_some()
                    });
                    assert!(removed, "{name}: the comment is a paragraph");
                }
                assert_eq!(got, plain, "{name}: {inserted:?} at line {at}");
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} insertions");
}
