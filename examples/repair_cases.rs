//! Scores `wikimd::repair` on a file of repair cases (JSON Lines, as
//! `tests/repair/make_dev_cases.py` and its siblings write them: `input`, `expected`,
//! `kind`, `encoding`, `lang`), per reading and per language.
//!
//! ```sh
//! python3 tests/repair/make_locale_cases.py 25 /tmp/locale-cases.jsonl
//! cargo run --release --example repair_cases -- /tmp/locale-cases.jsonl [--misses]
//! ```
//!
//! A case is *exact* when the output is the expected text, *wrong* when it is neither the
//! expected text nor the input (mojibake turned into different text, or clean text
//! changed). `--misses` prints every case that is not exact.

use std::collections::BTreeMap;

#[derive(Default)]
struct Tally {
    cases: usize,
    exact: usize,
    wrong: usize,
}

impl Tally {
    fn add(&mut self, exact: bool, wrong: bool) {
        self.cases += 1;
        self.exact += usize::from(exact);
        self.wrong += usize::from(wrong);
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:12} {:6} {:6.1} % exact {:4} wrong ({:.2} %)",
            self.cases,
            100.0 * self.exact as f64 / self.cases.max(1) as f64,
            self.wrong,
            100.0 * self.wrong as f64 / self.cases.max(1) as f64
        )
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: repair_cases CASES.jsonl [--misses]");
        std::process::exit(2);
    };
    let misses = args.next().as_deref() == Some("--misses");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let (mut by_reading, mut by_language) = (BTreeMap::new(), BTreeMap::new());
    let mut all = Tally::default();
    for (n, line) in text.lines().enumerate() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
            eprintln!("{path}:{}: {e}", n + 1);
            std::process::exit(1);
        });
        let field = |name: &str| case[name].as_str().unwrap_or_default().to_string();
        let (input, expected) = (field("input"), field("expected"));
        let reading = if field("kind") == "negative" {
            "negative".to_string()
        } else {
            field("encoding")
        };
        let output = wikimd::repair(&input);
        let exact = output == expected;
        let wrong = !exact && output != input;
        if misses && !exact {
            let what = if wrong { "WRONG" } else { "miss " };
            println!(
                "{what} {} {reading}: {input:?} -> {output:?} (want {expected:?})",
                field("lang")
            );
        }
        all.add(exact, wrong);
        by_reading
            .entry(reading)
            .or_insert_with(Tally::default)
            .add(exact, wrong);
        by_language
            .entry(field("lang"))
            .or_insert_with(Tally::default)
            .add(exact, wrong);
    }
    for (name, tally) in by_reading.iter().chain(&by_language) {
        println!("{}", tally.line(name));
    }
    println!("{}", all.line("all"));
}
