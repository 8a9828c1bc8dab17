//! Repairs the corpus documents of one language many times, for a profiler:
//! `valgrind --tool=callgrind target/dependency/examples/profile_repair_lang uk clean 50`.
//!
//! Kinds: `clean`, `mojibake`, and `half` (each clean document with every other
//! paragraph taken from its mojibake twin: text damaged in places, repaired run by run).

#[path = "../benches/common/mod.rs"]
mod common;

fn documents(kind: &str, lang: &str) -> Vec<String> {
    common::documents_in(std::path::Path::new(&format!("tests/corpus/{kind}")), lang)
}

/// `clean` with every other paragraph (from the second) taken from `bad`, its mojibake.
fn half_damaged(clean: &str, bad: &str) -> String {
    let (clean, bad): (Vec<_>, Vec<_>) =
        (clean.split("\n\n").collect(), bad.split("\n\n").collect());
    assert_eq!(clean.len(), bad.len(), "twins have the same paragraphs");
    let pieces: Vec<&str> = clean
        .iter()
        .zip(&bad)
        .enumerate()
        .map(|(i, (c, b))| if i % 2 == 1 { *b } else { *c })
        .collect();
    pieces.join("\n\n")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "uk".into());
    let kind = args.next().unwrap_or_else(|| "clean".into());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let docs = if kind == "half" {
        let bad = documents("mojibake", &lang);
        documents("clean", &lang)
            .iter()
            .zip(&bad)
            .map(|(clean, bad)| half_damaged(clean, bad))
            .collect()
    } else {
        documents(&kind, &lang)
    };
    let mut total = 0;
    for _ in 0..times {
        for doc in &docs {
            total += std::hint::black_box(wikimd::repair(std::hint::black_box(doc))).len();
        }
    }
    println!("{} documents, {total} bytes out", docs.len());
}
