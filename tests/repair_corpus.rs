//! Repair over the corpus: every mojibake document becomes its clean twin byte for byte,
//! and every clean twin comes back unchanged and borrowed.

mod common;

use std::borrow::Cow;
use std::fs;

use common::{clean, corpus, mojibake, names};

/// (name, clean, mojibake) for every corpus document and the sample.
fn pairs() -> Vec<(String, String, String)> {
    let mut pairs: Vec<(String, String, String)> = names()
        .into_iter()
        .map(|n| {
            let (good, bad) = (clean(&n), mojibake(&n));
            (n, good, bad)
        })
        .collect();
    let sample = corpus().join("sample");
    pairs.push((
        "operation-serval".into(),
        fs::read_to_string(sample.join("operation-serval.clean.md")).unwrap(),
        fs::read_to_string(sample.join("operation-serval.mojibake.md")).unwrap(),
    ));
    pairs
}

#[test]
fn every_mojibake_document_repairs_to_its_clean_twin() {
    let pairs = pairs();
    let failures: Vec<&str> = pairs
        .iter()
        .filter(|(_, clean, bad)| wikimd::repair(bad) != clean.as_str())
        .map(|(n, _, _)| n.as_str())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} differ: {failures:?}",
        failures.len(),
        pairs.len()
    );
}

#[test]
fn every_clean_twin_comes_back_unchanged_and_borrowed() {
    let pairs = pairs();
    let failures: Vec<&str> = pairs
        .iter()
        .filter(|(_, clean, _)| !matches!(wikimd::repair(clean), Cow::Borrowed(s) if s == clean))
        .map(|(n, _, _)| n.as_str())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} changed: {failures:?}",
        failures.len(),
        pairs.len()
    );
}

#[test]
fn parsing_repaired_mojibake_gives_the_reference() {
    for (name, clean, bad) in pairs() {
        let repaired = wikimd::repair(&bad);
        let a = serde_json::to_value(wikimd::parse(&repaired).unwrap()).unwrap();
        let b = serde_json::to_value(wikimd::parse(&clean).unwrap()).unwrap();
        assert_eq!(a, b, "{name}");
    }
}
