//! Issue #13's body ratios timed in pairs: for each language group given (or `all`),
//! rounds of `parse` of the clean documents, `repair` + `parse` of their mojibake and
//! pulldown-cmark's bare event iteration over the clean bodies, one after the other, each
//! round's ratios taken within the round, then the median and quartiles of the ratios
//! over the rounds. The benchmarks (`cargo bench --bench wikimd -- body_lang`) time each
//! of the three on its own for seconds, so that a machine whose speed drifts between them
//! (a shared host) moves their ratio; here the three share each round's moment.
//!
//! `cargo run --profile dependency --example paired_body_lang -- de ltg all` (the
//! `dependency` profile is cargo's default release profile, as a user's build of the crate
//! as a dependency gets), from the repository's root. `ROUNDS` (default 200) and
//! `ROUND_MS` (the time each of the three takes in a round, about; default 2) set the
//! measurement.

use pulldown_cmark::{Options, Parser};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../benches/common/mod.rs"]
mod common;

/// The documents of one group, clean and mojibake, as the benchmarks read them.
fn documents(lang: &str) -> (Vec<String>, Vec<String>) {
    let read = |kind: &str| {
        common::documents_in(std::path::Path::new(&format!("tests/corpus/{kind}")), lang)
    };
    (read("clean"), read("mojibake"))
}

/// The body after the front matter, as the benchmarks split it.
fn body(doc: &str) -> &str {
    let rest = doc.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("closed");
    &rest[end + 5..]
}

fn parse(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| wikimd::parse(black_box(d)).unwrap().sections().len())
        .sum()
}

fn repair_parse(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| {
            let text = wikimd::repair(black_box(d));
            wikimd::parse(&text).unwrap().sections().len()
        })
        .sum()
}

fn pulldown(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| {
            Parser::new_ext(black_box(body(d)), Options::ENABLE_TABLES)
                .into_offset_iter()
                .count()
        })
        .sum()
}

/// The time of `passes` passes of `f`.
fn timed(passes: usize, f: impl Fn() -> usize) -> Duration {
    let start = Instant::now();
    for _ in 0..passes {
        black_box(f());
    }
    start.elapsed()
}

/// The median and the quartiles of `values`.
fn quartiles(values: &mut [f64]) -> [f64; 3] {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    [at(0.25), at(0.5), at(0.75)]
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let rounds = env("ROUNDS", 200).max(1);
    let round = Duration::from_millis(env("ROUND_MS", 2) as u64);
    let mut langs: Vec<String> = std::env::args().skip(1).collect();
    if langs.is_empty() {
        langs.push("all".into());
    }
    println!("group: parse ÷ pulldown, repair + parse ÷ pulldown (median [quartiles] of {rounds} rounds)");
    for lang in &langs {
        let (clean, bad) = documents(lang);
        assert!(!clean.is_empty(), "no documents for {lang}");
        // Passes of each way for about `round` each, from a first timing after a warm-up.
        let passes = |f: &dyn Fn() -> usize| {
            timed(3, f);
            let once = timed(5, f) / 5;
            (round.as_nanos() / once.as_nanos().max(1)).max(1) as usize
        };
        let ways: [&dyn Fn() -> usize; 3] = [&|| parse(&clean), &|| repair_parse(&bad), &|| {
            pulldown(&clean)
        }];
        let counts = ways.map(passes);
        let (mut parse_ratio, mut repair_ratio) = (Vec::new(), Vec::new());
        let mut times = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..rounds {
            let [p, r, d] =
                [0, 1, 2].map(|i| timed(counts[i], ways[i]).as_secs_f64() / counts[i] as f64);
            parse_ratio.push(p / d);
            repair_ratio.push(r / d);
            for (kept, t) in times.iter_mut().zip([p, r, d]) {
                kept.push(t * 1e6);
            }
        }
        let [p0, p1, p2] = quartiles(&mut parse_ratio);
        let [r0, r1, r2] = quartiles(&mut repair_ratio);
        let [p, r, d] = times.map(|mut t| quartiles(&mut t)[1]);
        println!(
            "{lang}: {p1:.3} [{p0:.3}, {p2:.3}], {r1:.3} [{r0:.3}, {r2:.3}] \
             (medians: parse {p:.1} µs, repair + parse {r:.1} µs, pulldown-cmark {d:.1} µs)"
        );
    }
}
