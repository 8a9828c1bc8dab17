//! Conformance: every corpus document against its reference JSON.

mod common;

use std::fs;

use common::{clean, corpus, diff, names, reference};
use serde_json::Value as Json;

fn front_matter_part(json: &Json) -> Json {
    let mut json = json.clone();
    json.as_object_mut().unwrap().remove("sections");
    json
}

fn check_all(select: impl Fn(&Json) -> Json) {
    let mut failures = Vec::new();
    let names = names();
    for name in &names {
        let text = clean(name);
        let doc = match wikimd::parse(&text) {
            Ok(doc) => doc,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let ours = select(&serde_json::to_value(&doc).unwrap());
        let expected = select(&reference(name));
        if let Some(d) = diff(&ours, &expected, "") {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} documents differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn front_matter_matches_reference_for_every_document() {
    check_all(front_matter_part);
}

#[test]
fn sections_match_reference_for_every_document() {
    check_all(|j| j["sections"].clone());
}

#[test]
fn sample_matches_reference() {
    let dir = corpus().join("sample");
    let text = fs::read_to_string(dir.join("operation-serval.clean.md")).unwrap();
    let expected: Json = serde_json::from_str(
        &fs::read_to_string(dir.join("operation-serval.reference.json")).unwrap(),
    )
    .unwrap();
    let doc = wikimd::parse(&text).unwrap();
    let ours = serde_json::to_value(&doc).unwrap();
    assert_eq!(diff(&ours, &expected, ""), None);
}
