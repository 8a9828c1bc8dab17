//! Repair throughput over the corpus documents grouped by language, mojibake and clean,
//! with a UTF-8 validation pass over the same bytes as the yardstick. A quick look between
//! criterion runs (`cargo bench --profile dependency -- repair_lang` is the measurement).
//!
//! ```text
//! cargo run --profile dependency --example profile_repair [milliseconds per measurement]
//! ```

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Bytes per second of `f` over `docs`, the median of the rounds that fit in `budget`.
fn throughput(docs: &[String], budget: Duration, f: impl Fn(&str) -> usize) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut rounds = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || rounds.len() < 5 {
        let t = Instant::now();
        for d in docs {
            black_box(f(black_box(d)));
        }
        rounds.push(t.elapsed().as_secs_f64());
    }
    rounds.sort_by(f64::total_cmp);
    bytes as f64 / rounds[rounds.len() / 2]
}

fn main() {
    let ms: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let budget = Duration::from_millis(ms);
    let mut langs: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for entry in std::fs::read_dir("tests/corpus/clean").expect("corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let lang = name.split('_').nth(1).unwrap().to_string();
        let clean = std::fs::read_to_string(&path).unwrap();
        let bad = std::fs::read_to_string(format!("tests/corpus/mojibake/{name}")).unwrap();
        let e = langs.entry(lang).or_default();
        e.0.push(bad);
        e.1.push(clean);
    }
    println!("lang  mojibake MB/s  clean MB/s  validate MB/s");
    for (lang, (bad, clean)) in &langs {
        let m = throughput(bad, budget, |t| wikimd::repair(t).len());
        let c = throughput(clean, budget, |t| wikimd::repair(t).len());
        let v = throughput(clean, budget, |t| {
            std::str::from_utf8(t.as_bytes()).map_or(0, str::len)
        });
        println!(
            "{lang:4} {:10.0} {:12.0} {:13.0}",
            m / 1e6,
            c / 1e6,
            v / 1e6
        );
    }
}
