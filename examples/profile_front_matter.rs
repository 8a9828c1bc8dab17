//! Parses the sample's front matter many times, for a profiler.
//!
//! ```text
//! cargo build --profile bench --example profile_front_matter
//! perf record target/release/examples/profile_front_matter
//! ```

fn main() {
    let text =
        std::fs::read_to_string("tests/corpus/sample/operation-serval.clean.md").expect("sample");
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        n += wikimd::parse_front_matter(std::hint::black_box(&text))
            .expect("parses")
            .map_or(0, |f| f.span().len());
    }
    let per = start.elapsed() / rounds as u32;
    println!(
        "{per:?} per front matter, {:.0} MB/s",
        (n / rounds) as f64 / per.as_secs_f64() / 1e6
    );
}
