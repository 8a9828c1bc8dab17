//! What a new user reaches for first (issue #14): values that compare by value, collections
//! that iterate with `for`, numbers from scalars, `Display` for text.

use std::collections::HashSet;

const SAMPLE: &str = include_str!("corpus/sample/operation-serval.clean.md");

#[test]
fn texts_compare_and_hash_by_value() {
    let a = wikimd::parse("---\ntitle: Mali\n---\n").unwrap();
    let b = wikimd::parse("---\ntitle:    'Mali'\n---\n").unwrap();
    let c = wikimd::parse("---\ntitle: Niger\n---\n").unwrap();
    assert_eq!(a.title(), b.title());
    assert_ne!(a.title(), c.title());
    let set: HashSet<&wikimd::Text<'_>> = [a.title(), b.title(), c.title()]
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(set.len(), 2);
    // Scalars compare by kind too: a number and a string with the same text differ.
    let numbers = wikimd::parse("---\na: 2008\nb: '2008'\nc: 2008\n---\n").unwrap();
    let value = |k| numbers.front_matter_value(k).unwrap();
    assert_ne!(value("a"), value("b"));
    assert_eq!(value("a"), value("c"));
    let nan = wikimd::parse("---\na: .nan\n---\n").unwrap();
    assert_eq!(nan.front_matter_value("a"), nan.front_matter_value("a"));
}

#[test]
fn scalars_give_numbers_and_booleans() {
    let doc = wikimd::parse("---\nn: 42\nx: -1.5e3\nt: True\ns: \"42\"\nz: ~\n---\n").unwrap();
    let scalar = |k| {
        doc.front_matter_value(k)
            .unwrap()
            .as_scalar()
            .unwrap()
            .clone()
    };
    assert_eq!(scalar("n").as_i64(), Some(42));
    assert_eq!(scalar("n").as_f64(), Some(42.0));
    assert_eq!(scalar("x").as_f64(), Some(-1500.0));
    assert_eq!(scalar("x").as_i64(), None);
    assert_eq!(scalar("t").as_bool(), Some(true));
    assert_eq!(scalar("s").as_i64(), None, "a quoted number is a string");
    assert_eq!(scalar("z").as_bool(), None);
    assert_eq!(scalar("s").to_string(), "42");
}

#[test]
fn collections_iterate_with_for() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let infobox = &doc.infoboxes()[0];
    let mut names = Vec::new();
    for (name, value) in infobox {
        names.push(format!("{name}={value}"));
    }
    let expected: Vec<String> = infobox
        .fields()
        .map(|(n, v)| format!("{}={}", n.decode(), v.text()))
        .collect();
    assert_eq!(names, expected);
    assert!(!names.is_empty());

    let body = wikimd::parse(" * a\n * b\n\n| h | k |\n|---|---|\n| 1 | 2 |\n| 3 |\n").unwrap();
    let lead = &body.sections()[0];
    let list = lead.lists().next().unwrap();
    let items: Vec<String> = list.into_iter().map(ToString::to_string).collect();
    assert_eq!(items, ["a", "b"]);
    let table = lead.tables().next().unwrap();
    let rows: Vec<Vec<String>> = table
        .into_iter()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(rows, [vec!["1", "2"], vec!["3", ""]]);
    assert_eq!(table.rows().len(), 2);

    let yaml = wikimd::parse("---\nm:\n  a: 1\n  b: [x, y]\n---\n").unwrap();
    let m = yaml.front_matter_value("m").unwrap();
    let keys: Vec<String> = m
        .as_mapping()
        .unwrap()
        .into_iter()
        .map(|(k, _)| k.to_string())
        .collect();
    assert_eq!(keys, ["a", "b"]);
    let b = m
        .as_mapping()
        .unwrap()
        .get("b")
        .unwrap()
        .as_sequence()
        .unwrap();
    let items: Vec<String> = b
        .into_iter()
        .map(|v| v.as_scalar().unwrap().to_string())
        .collect();
    assert_eq!(items, ["x", "y"]);
}

#[test]
fn rich_text_and_links_display_their_text() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let infobox = &doc.infoboxes()[0];
    let (_, value) = infobox
        .into_iter()
        .find(|(_, v)| !v.links().is_empty())
        .expect("a field with links");
    assert_eq!(value.to_string(), value.text());
    let link = &value.links()[0];
    assert_eq!(link.to_string(), link.display_text().unwrap().decode());
    let paragraph = doc.sections()[0].paragraphs().next().unwrap();
    assert_eq!(format!("{paragraph}"), paragraph.text());
}

#[test]
fn plain_text_and_heading_paths_for_a_dataset() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let paths: Vec<(Vec<String>, u8)> = doc
        .sections_with_paths()
        .map(|(path, s)| (path.iter().map(|t| t.to_string()).collect(), s.level()))
        .collect();
    assert_eq!(paths.len(), doc.sections().len());
    assert!(paths[0].0.is_empty(), "the lead has no path");
    // Every path ends with its own title and has one title per level above it, the same
    // nesting as the section tree.
    for ((path, level), section) in paths.iter().zip(doc.sections()).skip(1) {
        assert_eq!(path.last().map(String::as_str), Some(&*section.title()));
        assert!(path.len() <= *level as usize, "{path:?}");
    }
    let nested = paths
        .iter()
        .find(|(p, _)| p.len() > 1)
        .expect("a nested section");
    let tree = doc.section_tree();
    let parent = tree
        .iter()
        .find(|n| n.section().title() == nested.0[0])
        .expect("the parent is a root of the tree");
    assert!(!parent.subsections().is_empty());

    let text = doc.plain_text();
    for section in doc.sections() {
        for paragraph in section.paragraphs() {
            assert!(text.contains(&*paragraph.text()));
        }
        for list in section.lists() {
            for item in list {
                assert!(
                    text.contains(&format!("\n{item}\n")) || text.ends_with(&format!("\n{item}"))
                );
            }
        }
    }
    assert!(
        !text.contains("**") && !text.contains("]("),
        "no Markdown left"
    );
    assert!(!text.contains("\n\n\n"), "blocks are one blank line apart");
}
