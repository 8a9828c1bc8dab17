//! Times parsing of pathological inputs at n and 10 n, against pulldown-cmark alone.

use std::time::Instant;

fn time(f: &dyn Fn() -> usize) -> f64 {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed().as_secs_f64() * 1e3
}

/// Builds a pathological input of size about `n`.
type MakeInput = fn(usize) -> String;

fn main() {
    let inputs: [(&str, MakeInput); 5] = [
        ("nested_brackets", |n| "[".repeat(n)),
        ("nested_quotes", |n| ">".repeat(n) + " x"),
        ("headings", |n| "## h\n".repeat(n)),
        ("emphasis", |n| "*a **b ".repeat(n)),
        ("deep_lists", |n| {
            (0..n)
                .map(|i| format!("{}- x\n", " ".repeat((i % 40) * 2)))
                .collect()
        }),
    ];
    for (name, make) in inputs {
        for n in [10_000, 100_000, 1_000_000] {
            let text = make(n);
            let ours = time(&|| {
                wikimd::parse(&text)
                    .map(|d| d.sections().len())
                    .unwrap_or(0)
            });
            let theirs = time(&|| {
                pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES)
                    .count()
            });
            println!("{name:>16} {n:>7}: wikimd {ours:8.2} ms, pulldown-cmark {theirs:8.2} ms");
        }
    }
}
