//! Times each stage over a directory of documents (a quick profile, not a benchmark).
//!
//! ```text
//! cargo run --release --example profile_stages -- tests/corpus/mojibake 20
//! ```

use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/corpus/mojibake".into());
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let docs: Vec<String> = std::fs::read_dir(&dir)
        .expect("directory")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let repaired: Vec<String> = docs
        .iter()
        .map(|d| wikimd::repair(d).into_owned())
        .collect();
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            n += f();
        }
        let secs = start.elapsed().as_secs_f64() / rounds as f64;
        println!(
            "{name:>14}: {:8.3} ms  {:8.1} MB/s  ({n})",
            secs * 1e3,
            bytes as f64 / secs / 1e6
        );
    };
    if std::env::var_os("PER_DOCUMENT").is_some() {
        per_document(&dir);
        return;
    }
    time("repair", &|| {
        docs.iter().map(|d| wikimd::repair(d).len()).sum()
    });
    time("repair clean", &|| {
        repaired.iter().map(|d| wikimd::repair(d).len()).sum()
    });
    time("front matter", &|| {
        repaired
            .iter()
            .map(|d| wikimd::parse_front_matter(d).unwrap().is_some() as usize)
            .sum()
    });
    time("parse", &|| {
        repaired
            .iter()
            .map(|d| wikimd::parse(d).unwrap().sections().len())
            .sum()
    });
}

fn per_document(dir: &str) {
    let mut rows: Vec<(f64, String)> = Vec::new();
    for entry in std::fs::read_dir(dir).expect("directory") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("text");
        let start = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(wikimd::repair(&text));
        }
        let secs = start.elapsed().as_secs_f64() / 20.0;
        rows.push((text.len() as f64 / secs / 1e6, path.display().to_string()));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (mbs, path) in rows.iter().take(8) {
        println!("{mbs:8.1} MB/s {path}");
    }
}
