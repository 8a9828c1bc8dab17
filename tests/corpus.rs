//! Conformance: every corpus document, clean and mojibake, against its reference JSON.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every document name, plus the sample.
fn names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(corpus().join("reference"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            p.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

fn reference(name: &str) -> Json {
    let text = fs::read_to_string(corpus().join("reference").join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn clean(name: &str) -> String {
    fs::read_to_string(corpus().join("clean").join(format!("{name}.md"))).unwrap()
}

/// JSON equality as the contract states it: numbers by value (`2` equals `2.0`).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The first difference between two JSON values, as a path and both sides.
fn diff(a: &Json, b: &Json, path: &str) -> Option<String> {
    match (a, b) {
        (Json::Array(x), Json::Array(y)) => {
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                if let Some(d) = diff(a, b, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: length {} vs {}", x.len(), y.len()))
        }
        (Json::Object(x), Json::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = diff(v, w, &format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{k}: only in ours")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: only in the reference"))
        }
        _ => (!same(a, b)).then(|| format!("{path}: ours {a} vs reference {b}")),
    }
}

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
