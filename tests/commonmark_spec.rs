//! The body's two readers on every example of the CommonMark specification (0.31.2, the
//! version pulldown-cmark follows; `tests/commonmark/spec.txt`, CC-BY-SA 4.0): the fast
//! block scanner must give the model the general path (pulldown-cmark) gives, for the
//! constructs the corpus rarely or never shows (HTML, block quotes, code, setext headings,
//! link reference definitions, emphasis edge cases, tabs, entities, ...). Each example is
//! read as a whole body, after a front matter, and between two paragraphs of ordinary
//! text, with both list rules. Repair leaves the examples as they are and undoes their
//! reading as Windows-1252.

mod common;

use wikimd::ListEnd;

/// The examples of the specification, in order: the Markdown of each (`→` is a tab).
fn examples() -> Vec<String> {
    const FENCE: &str = "````````````````````````````````";
    let spec = include_str!("commonmark/spec.txt");
    let mut examples = Vec::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line != format!("{FENCE} example") {
            continue;
        }
        let mut markdown = String::new();
        for line in lines.by_ref() {
            if line == "." {
                break;
            }
            markdown.push_str(&line.replace('→', "\t"));
            markdown.push('\n');
        }
        // The expected HTML, up to the closing fence: not this test's concern.
        for line in lines.by_ref() {
            if line == FENCE {
                break;
            }
        }
        examples.push(markdown);
    }
    examples
}

#[test]
fn the_specification_has_all_its_examples() {
    // 652 in 0.31.2: a changed file or a broken extraction shows here first.
    let examples = examples();
    assert_eq!(examples.len(), 652);
    assert_eq!(examples[0], "\tfoo\tbaz\t\tbim\n");
    assert!(examples.iter().all(|e| !e.contains('→')));
}

#[test]
fn both_readers_agree_on_every_example_of_the_specification() {
    let mut disagreements = Vec::new();
    for (i, example) in examples().iter().enumerate() {
        let framings = [
            example.clone(),
            format!("---\ntitle: Example {}\n---\n{example}", i + 1),
            format!("Text before.\n\n{example}\nText after.\n"),
        ];
        for input in &framings {
            for list_end in [ListEnd::WhereWritten, ListEnd::CommonMark] {
                let (fast, general) = common::both(input, list_end);
                if fast != general {
                    disagreements.push(format!(
                        "example {} ({list_end:?}) {input:?}\n  fast:    {fast:?}\n  general: {general:?}",
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Each example after a long section of filler, where the general path reads the body in
/// segments cut at headings, gives what it gives after a short one, read whole: reference
/// definitions, fences, HTML blocks and list items that a cut at the heading after them
/// could split.
#[test]
fn every_example_reads_alike_in_segments_and_whole() {
    let mut disagreements = Vec::new();
    for (i, example) in examples().iter().enumerate() {
        // A heading after the example, where a cut may be made: what the example leaves
        // open (a fence, an HTML block, a list item) decides whether it is one.
        let example = format!("{example}# After\n\nText after.\n");
        let (whole, cut) = (
            common::after_filler(&example, 2),
            common::after_filler(&example, 250),
        );
        assert!(cut.len() > 9_000);
        for general in [true, false] {
            let (a, b) = (
                common::sections_past_filler(&whole, general),
                common::sections_past_filler(&cut, general),
            );
            if a != b {
                disagreements.push(format!("example {} (general path: {general})", i + 1));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The examples are mostly constructs the fast path hands to the general path; it still
/// reads a good part of their blocks itself, so the agreement above is not only the
/// general path compared with itself.
#[test]
fn the_fast_path_reads_many_of_the_examples_blocks() {
    let (mut fast, mut all) = (0, 0);
    for example in examples() {
        if let Ok((f, a)) = wikimd::body_fast_share(&example) {
            fast += f;
            all += a;
        }
    }
    println!("fast path: {fast} of {all} blocks of the specification's examples");
    assert!(all > 600, "{all}");
    assert!(fast * 4 > all, "{fast} of {all}");
}

/// Repair leaves the specification's examples as they are: clean text full of
/// punctuation, entities, tabs and a few non-ASCII letters, none of it mojibake.
#[test]
fn repair_leaves_every_example_unchanged() {
    let changed: Vec<String> = examples()
        .into_iter()
        .filter(|example| wikimd::repair(example) != example.as_str())
        .collect();
    assert!(changed.is_empty(), "{changed:#?}");
    let spec = include_str!("commonmark/spec.txt");
    assert_eq!(wikimd::repair(spec), spec);
}

/// The specification read as Windows-1252 (every non-ASCII character of it mojibake:
/// `→` as `â†’`, `ö` as `Ã¶`) is repaired to itself, whole and example by example (the
/// fourteen with non-ASCII characters, a few words each: little evidence).
#[test]
fn the_specification_as_mojibake_is_repaired() {
    let damage = |text: &str| -> String {
        encoding_rs::WINDOWS_1252
            .decode(text.as_bytes())
            .0
            .into_owned()
    };
    let spec = include_str!("commonmark/spec.txt");
    assert_ne!(damage(spec), spec);
    assert_eq!(wikimd::repair(&damage(spec)), spec);
    let non_ascii: Vec<String> = examples().into_iter().filter(|e| !e.is_ascii()).collect();
    assert_eq!(non_ascii.len(), 14);
    for example in &non_ascii {
        assert_eq!(wikimd::repair(&damage(example)), example.as_str());
    }
}
