//! Parses every clean corpus document many times, for a profiler.
//!
//! ```text
//! cargo build --profile bench --example profile_corpus && perf record target/release/examples/profile_corpus
//! ```

fn main() {
    let docs: Vec<String> = std::fs::read_dir("tests/corpus/clean")
        .expect("corpus")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
        .collect();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let bodies_only = std::env::var_os("PULLDOWN").is_some();
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for doc in &docs {
            n += if bodies_only {
                let body = &doc[doc[4..].find("\n---\n").expect("front matter") + 9..];
                pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES)
                    .into_offset_iter()
                    .count()
            } else {
                let mut options = wikimd::ParseOptions::default();
                if std::env::var_os("STRICT").is_some() {
                    options.list_end = wikimd::ListEnd::CommonMark;
                }
                wikimd::parse_with(doc, &options)
                    .expect("parses")
                    .sections()
                    .len()
            };
        }
    }
    println!("{:?} per round ({n})", start.elapsed() / rounds as u32);
}
