//! Parses the sample's body many times, for a profiler.
//!
//! ```text
//! cargo build --release --example profile_body && perf record target/release/examples/profile_body
//! ```

fn main() {
    let text =
        std::fs::read_to_string("tests/corpus/sample/operation-serval.clean.md").expect("sample");
    let body_start = text[4..].find("\n---\n").expect("front matter") + 9;
    let body = &text[body_start..];
    if std::env::var_os("EXPERIMENT").is_some() {
        experiment(body);
        return;
    }
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let mut n = 0;
    for _ in 0..rounds {
        n += wikimd::parse(std::hint::black_box(body))
            .expect("parses")
            .sections()
            .len();
    }
    println!("{n}");
}

#[allow(dead_code)]
fn experiment(body: &str) {
    use std::time::Instant;
    let chunks: Vec<&str> = {
        let mut v = Vec::new();
        let mut start = 0;
        for (i, _) in body.match_indices("\n#") {
            v.push(&body[start..i + 1]);
            start = i + 1;
        }
        v.push(&body[start..]);
        v
    };
    let t = Instant::now();
    for _ in 0..5000 {
        std::hint::black_box(
            pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES)
                .into_offset_iter()
                .count(),
        );
    }
    println!("whole: {:?}", t.elapsed() / 5000);
    let t = Instant::now();
    for _ in 0..5000 {
        for c in &chunks {
            std::hint::black_box(
                pulldown_cmark::Parser::new_ext(c, pulldown_cmark::Options::ENABLE_TABLES)
                    .into_offset_iter()
                    .count(),
            );
        }
    }
    println!("chunks ({}): {:?}", chunks.len(), t.elapsed() / 5000);
}
