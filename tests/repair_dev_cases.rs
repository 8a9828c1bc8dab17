//! Repair measured on 8,114 development cases made from the corpus's own clean text
//! (`tests/repair/make_dev_cases.py`, copied from the project's shared repair cases): each
//! is a clean phrase or word (a negative, which must come back unchanged) or its mojibake
//! through one of ten legacy readings, one to three layers deep, which must come back as
//! the clean text exactly.
//!
//! The goals are the repair issue's: at least 97 % repaired exactly over all cases, every
//! encoding group at least Python's ftfy 6.3.1 (its `fix_encoding`, measured on the same
//! cases), every negative unchanged, and wrong changes (output that is neither the input
//! nor the expected text) in at most 0.5 % of the cases. `WIKIMD_SHOW=group` prints the
//! failures of one group (`all`: every failure, `wrong`: the wrong changes).

use std::collections::BTreeMap;

use serde_json::Value;

struct Case {
    lang: String,
    group: &'static str,
    input: String,
    expected: String,
}

/// The groups of the table, and ftfy 6.3.1's rate on each (percent).
const GROUPS: [(&str, f64); 9] = [
    ("cp1252, latin-1, cp1254", 95.0),
    ("cp1250", 88.4),
    ("cp1251", 55.1),
    ("cp1253", 69.0),
    ("cp1257", 83.2),
    ("iso-8859-2", 79.6),
    ("mac_roman", 80.8),
    ("cp437", 69.7),
    ("negative", 100.0),
];

fn group(kind: &str, encoding: &str) -> &'static str {
    if kind == "negative" {
        return "negative";
    }
    match encoding {
        "cp1252" | "cp1252x2" | "cp1252x3" | "latin-1" | "cp1254" => GROUPS[0].0,
        other => GROUPS
            .iter()
            .map(|g| g.0)
            .find(|g| *g == other)
            .unwrap_or_else(|| panic!("unknown encoding {other}")),
    }
}

/// The cases of `tests/repair/NAME`.
fn cases(name: &str) -> Vec<Case> {
    let path = format!("{}/tests/repair/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            Case {
                lang: s("lang"),
                group: group(&s("kind"), &s("encoding")),
                input: s("input"),
                expected: s("expected"),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    cases: usize,
    exact: usize,
    wrong: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        100.0 * self.exact as f64 / self.cases as f64
    }
}

/// Repairs every case; prints the rates per group and language and the failures asked
/// for by `WIKIMD_SHOW`.
fn tally(cases: &[Case]) -> (BTreeMap<&'static str, Tally>, Tally) {
    let show = std::env::var("WIKIMD_SHOW").ok();
    let mut groups: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut langs: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for case in cases {
        let out = wikimd::repair(&case.input);
        let exact = out == case.expected;
        let wrong = !exact && out != case.input;
        for t in [
            groups.entry(case.group).or_default(),
            langs.entry(&case.lang).or_default(),
            &mut total,
        ] {
            t.cases += 1;
            t.exact += usize::from(exact);
            t.wrong += usize::from(wrong);
        }
        let shown = show
            .as_deref()
            .is_some_and(|s| s == case.group || s == "all" || s == "wrong" && wrong);
        if !exact && shown {
            println!(
                "{} {}: {:?}\n   got {:?}\n  want {:?}",
                case.group, case.lang, case.input, out, case.expected
            );
        }
    }
    // ftfy's rates were measured on the development cases only.
    let ftfy_measured = cases.len() == 8114;
    println!("group                      cases  exact   ftfy  wrong");
    for (name, ftfy) in GROUPS {
        let Some(t) = groups.get(name) else { continue };
        let ftfy = if ftfy_measured {
            format!("{ftfy:5.1}%")
        } else {
            "     -".to_string()
        };
        println!(
            "{name:26} {:5} {:5.1}% {ftfy} {:5}",
            t.cases,
            t.rate(),
            t.wrong
        );
    }
    for (lang, t) in &langs {
        println!("  {lang:4} {:5} {:5.1}% {:5}", t.cases, t.rate(), t.wrong);
    }
    println!(
        "all                        {:5} {:5.1}%        {:5} ({:.2} %)",
        total.cases,
        total.rate(),
        total.wrong,
        100.0 * total.wrong as f64 / total.cases as f64
    );
    (groups, total)
}

/// The goals every set of cases is held to: no negative changed, at least `min_rate`
/// percent exact, at most 0.5 % wrong changes.
fn assert_goals(groups: &BTreeMap<&str, Tally>, total: &Tally, min_rate: f64) {
    let negatives = &groups["negative"];
    assert_eq!(negatives.exact, negatives.cases, "a negative was changed");
    assert!(
        total.rate() >= min_rate,
        "{:.1} % < {min_rate} %",
        total.rate()
    );
    assert!(
        total.wrong as f64 <= 0.005 * total.cases as f64,
        "{} wrong changes > 0.5 %",
        total.wrong
    );
}

#[test]
fn dev_cases_meet_the_repair_goals() {
    let cases = cases("dev-cases.jsonl");
    assert_eq!(cases.len(), 8114, "the generator writes 8,114 cases");
    let (groups, total) = tally(&cases);
    for (name, ftfy) in GROUPS {
        assert!(
            groups[name].rate() >= ftfy,
            "{name}: {:.1} % < ftfy's {ftfy} %",
            groups[name].rate()
        );
    }
    assert_goals(&groups, &total, 97.0);
}

/// Phrases and paragraphs of 101 languages, most of which the corpus does not have
/// (Polish, Czech, Turkish, Hebrew, Arabic, Hindi, Thai, Korean, Kabyle, Hausa, Welsh,
/// Breton, Syriac, Dhivehi, N'Ko, Cherokee, Inuktitut, Santali, Khmer, Tibetan, Wolof,
/// Guarani, …, and sentences with
/// pronunciations in the IPA, formulas and transliterated Arabic: `tests/repair/other-languages.tsv`, written for this check), made into
/// cases the same way (`make_other_cases.py`): a guard for text the development cases do
/// not show. No wrong change above 0.5 %, no negative changed, and at least 97 % exact
/// (96.7 % when the test was written, 97.5 % since ties are settled by letters, 97.7 %
/// with the paragraphs since they are settled by where letters stand too, 97.8 % with the
/// scripts of Syriac, Thaana, NKo, Cherokee, syllabics, Ol Chiki, Meetei Mayek and Tifinagh
/// read as the writing they are; 97.6 % with the IPA's sentences and formulas, 95.2 %
/// before the IPA's letters, subscript digits and `ʿ` were read as writing).
#[test]
fn phrases_of_other_languages() {
    let cases = cases("other-language-cases.jsonl");
    assert_eq!(cases.len(), 9359, "the generator writes 9,359 cases");
    let (groups, total) = tally(&cases);
    assert_goals(&groups, &total, 97.0);
}
