//! The front-matter scanner against `yaml_serde` on generated front matter in the format's
//! shape: both read into the same JSON value.

use proptest::prelude::*;
use serde_json::{json, Value as Json};

/// A string value and how to write it.
#[derive(Debug, Clone)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
    Folded,
}

fn content() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 ,.()'-]{0,30}[A-Za-z0-9.)]",
        "[a-zé–—“”🇫🇷 ]{1,12}",
        "[A-Za-z \"'#:\\\\-]{0,20}",
        "[A-Za-z]{1,8}( [A-Za-z]{1,8}){5,20}",
        "[a-z]{1,6}\n[a-z ]{0,10}\n\n[a-z]{1,6}",
    ]
}

/// Whether `s` can be written as a plain scalar and still read back as this string.
fn plain_safe(s: &str) -> bool {
    let resolves_to_other = serde_json::from_str::<f64>(s).is_ok()
        || [
            "true", "false", "null", "~", "True", "False", "Null", "TRUE", "FALSE", "NULL",
        ]
        .contains(&s)
        || s.starts_with(['.', '-', '+'])
            && s.chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit() || c == '.');
    !s.is_empty()
        && !resolves_to_other
        && !s.starts_with([
            ' ', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"',
            '%', '@', '`',
        ])
        && !s.ends_with(' ')
        && !s.contains(": ")
        && !s.ends_with(':')
        && !s.contains(" #")
        && !s.contains('\n')
        && !s.contains('\\') // fine in plain YAML, but keeps the generator simple
}

fn block_safe(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with([' ', '\n'])
        && !s.ends_with([' ', '\n'])
        && !s.contains(" \n")
        && !s.contains("\n ")
}

fn write_scalar(out: &mut String, s: &str, style: &Style, indent: usize) {
    let pad = " ".repeat(indent);
    match style {
        Style::Plain if plain_safe(s) => {
            // Long plain scalars are folded over lines, as the JavaScript emitter does.
            let words: Vec<&str> = s.split(' ').collect();
            if words.len() > 8 && !s.contains("  ") {
                for (i, chunk) in words.chunks(6).enumerate() {
                    if i > 0 {
                        out.push('\n');
                        out.push_str(&pad);
                    }
                    out.push_str(&chunk.join(" "));
                }
            } else {
                out.push_str(s);
            }
        }
        Style::Single if !s.contains('\n') => {
            out.push('\'');
            out.push_str(&s.replace('\'', "''"));
            out.push('\'');
        }
        Style::Literal | Style::Folded if block_safe(s) => {
            let folded = matches!(style, Style::Folded);
            out.push_str(if folded { ">-" } else { "|-" });
            let lines: Vec<String> = if folded {
                // In a folded block, one line break is a space and two are one newline.
                s.split('\n')
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .join("\n\n")
                    .split('\n')
                    .map(str::to_string)
                    .collect()
            } else {
                s.split('\n').map(str::to_string).collect()
            };
            if folded && s.contains("\n\n") {
                // Keep the generator exact: fall back to double quotes.
                out.truncate(out.len() - 2);
                write_scalar(out, s, &Style::Double, indent);
                return;
            }
            for line in lines {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&pad);
                    out.push_str(&line);
                }
            }
        }
        _ => {
            let quoted = serde_json::to_string(s).unwrap().replace("\\u00", "\\x");
            // Long double-quoted scalars are folded over lines at single spaces, as the
            // JavaScript emitter does: a line break there reads as one space.
            let words: Vec<&str> = quoted.split(' ').collect();
            if words.len() > 8 && words.iter().all(|w| !w.is_empty()) {
                for (i, chunk) in words.chunks(5).enumerate() {
                    if i > 0 {
                        out.push('\n');
                        out.push_str(&pad);
                    }
                    out.push_str(&chunk.join(" "));
                }
            } else {
                out.push_str(&quoted);
            }
        }
    }
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::Plain),
        Just(Style::Single),
        Just(Style::Double),
        Just(Style::Literal),
        Just(Style::Folded)
    ]
}

fn text_value() -> impl Strategy<Value = (String, Style)> {
    (content(), style())
}

#[derive(Debug, Clone)]
struct Link {
    page: (String, Style),
    text: Option<(String, Style)>,
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    text: (String, Style),
    number: Option<i64>,
    links: Vec<Link>,
    italic: Vec<(String, Style)>,
}

fn field() -> impl Strategy<Value = Field> {
    (
        "[a-z]{1,8}( [a-z]{1,6})?",
        text_value(),
        prop::option::of(0i64..100_000),
        prop::collection::vec(
            (text_value(), prop::option::of(text_value()))
                .prop_map(|(page, text)| Link { page, text }),
            0..3,
        ),
        prop::collection::vec(text_value(), 0..2),
    )
        .prop_map(|(name, text, number, links, italic)| Field {
            name,
            text,
            number,
            links,
            italic,
        })
}

/// Infoboxes, title, description and an optional float.
type FrontMatter = (
    Vec<Vec<Field>>,
    (String, Style),
    (String, Style),
    Option<f64>,
);

fn front_matter() -> impl Strategy<Value = FrontMatter> {
    (
        prop::collection::vec(prop::collection::vec(field(), 0..5), 0..3),
        text_value(),
        text_value(),
        prop::option::of(-1e6f64..1e6),
    )
}

fn write(fm: &FrontMatter) -> String {
    let (infoboxes, title, description, score) = fm;
    let mut out = String::from("---\ninfoboxes:");
    if infoboxes.is_empty() {
        out.push_str(" []");
    }
    for infobox in infoboxes {
        if infobox.is_empty() {
            out.push_str("\n  - {}");
            continue;
        }
        let mut names = std::collections::HashSet::new();
        let mut first = true;
        for f in infobox.iter().filter(|f| names.insert(f.name.clone())) {
            out.push_str(if first { "\n  - " } else { "\n    " });
            first = false;
            out.push_str(&f.name);
            out.push_str(":\n      text: ");
            write_scalar(&mut out, &f.text.0, &f.text.1, 8);
            if !f.links.is_empty() {
                out.push_str("\n      links:");
                for l in &f.links {
                    if let Some(text) = &l.text {
                        out.push_str("\n        - text: ");
                        write_scalar(&mut out, &text.0, &text.1, 12);
                        out.push_str("\n          type: internal");
                    } else {
                        out.push_str("\n        - type: internal");
                    }
                    out.push_str("\n          page: ");
                    write_scalar(&mut out, &l.page.0, &l.page.1, 12);
                }
            }
            if !f.italic.is_empty() {
                out.push_str("\n      formatting:\n        italic:");
                for i in &f.italic {
                    out.push_str("\n          - ");
                    write_scalar(&mut out, &i.0, &i.1, 12);
                }
            }
            if let Some(n) = f.number {
                out.push_str(&format!("\n      number: {n}"));
            }
        }
    }
    out.push_str("\ntitle: ");
    write_scalar(&mut out, &title.0, &title.1, 2);
    out.push_str("\ndescription: ");
    write_scalar(&mut out, &description.0, &description.1, 2);
    if let Some(score) = score {
        out.push_str(&format!("\nscore: {score:?}"));
    }
    out.push_str("\nauthor: Wikipedia # a comment\n---\n");
    out
}

fn ours(input: &str) -> Json {
    let doc = wikimd::parse(input).unwrap_or_else(|e| panic!("{e}\n{input}"));
    serde_json::to_value(doc.front_matter().unwrap()).unwrap()
}

fn theirs(input: &str) -> Json {
    let yaml = &input[4..input.len() - 4];
    let value: Json = yaml_serde::from_str(yaml).unwrap_or_else(|e| panic!("{e}\n{input}"));
    value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scanner_agrees_with_yaml_serde(fm in front_matter()) {
        let input = write(&fm);
        prop_assert_eq!(ours(&input), theirs(&input), "{}", input);
    }
}

#[test]
fn scanner_agrees_with_yaml_serde_on_every_corpus_front_matter() {
    let dir = format!("{}/tests/corpus/clean", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let end = text[4..].find("\n---\n").unwrap() + 4;
        let yaml = &text[4..end + 1];
        let theirs: Json = yaml_serde::from_str(yaml).unwrap();
        assert_eq!(ours(&text), theirs);
    }
}

/// The fields, links and entries read a line at a time give, on every corpus front
/// matter, the values, spans and errors that reading every entry one by one gives.
#[test]
fn entries_read_a_line_at_a_time_read_as_one_by_one_on_every_corpus_front_matter() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut read = 0;
    for dir in ["clean", "mojibake", "sample"] {
        for entry in std::fs::read_dir(format!("{root}/tests/corpus/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let by_line = wikimd::parse_front_matter(&text);
            let by_entry = wikimd::parse_front_matter_entry_by_entry(&text);
            assert_eq!(
                format!("{by_line:?}"),
                format!("{by_entry:?}"),
                "{}",
                path.display()
            );
            read += usize::from(matches!(by_line, Ok(Some(_))));
        }
    }
    assert!(read > 190, "{read} front matters read");
}

#[test]
fn the_fallback_reads_what_the_scanner_reads() {
    let text = include_str!("corpus/sample/operation-serval.clean.md");
    let end = text[4..].find("\n---\n").unwrap() + 4;
    let fallback =
        wikimd::read_with_fallback(&text[4..end + 1], &wikimd::Limits::default()).unwrap();
    let scanned = ours(text);
    let fallback = serde_json::to_value(&fallback).unwrap();
    assert_eq!(fallback, scanned);
    assert_eq!(fallback["title"], json!("Operation Serval"));
}

#[test]
#[ignore = "prints a generated example"]
fn show_example() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..3 {
        let fm = front_matter().new_tree(&mut runner).unwrap().current();
        println!("{}", write(&fm));
    }
}
