//! The command's own costs (`cargo bench -p wikimd-cli`); the library's stages are measured
//! by the `wikimd` bench of the library.

#[path = "../../benches/common/mod.rs"]
mod common;

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The corpus documents of `kind`, one string each.
fn corpus(kind: &str) -> Vec<String> {
    common::documents(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/corpus")
            .join(kind),
    )
}

/// The command on one file made of the mojibake corpus once and ten times over: time must
/// grow about tenfold for every command (`repair --explain` used to count each fix's line
/// from the start of the file, in quadratic time). Runs the built `wikimd` binary.
fn commands(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_wikimd");
    let mut group = c.benchmark_group("commands");
    group.sample_size(10);
    let dir = tempfile::tempdir().expect("temporary directory");
    let once: String = corpus("mojibake").concat();
    let deep_flow = |n: usize| format!("---\nx: {}{}\n---\n", "[".repeat(n), "]".repeat(n));
    let inputs = [
        ("corpus", once.clone(), once.repeat(10)),
        ("deep_flow", deep_flow(10_000), deep_flow(100_000)),
    ];
    for (name, small, large) in inputs {
        for (times, text) in [(1, small), (10, large)] {
            let path = dir.path().join(format!("{name}-{times}.md"));
            std::fs::write(&path, &text).expect("written");
            group.throughput(Throughput::Bytes(text.len() as u64));
            for args in [&["repair", "--explain"][..], &["check"], &["parse"]] {
                let id = BenchmarkId::new(format!("{name}/{}", args.join(" ")), times);
                group.bench_function(id, |b| {
                    b.iter(|| {
                        std::process::Command::new(bin)
                            .args(args)
                            .arg(&path)
                            .stdout(std::process::Stdio::null())
                            .stderr(std::process::Stdio::null())
                            .status()
                            .expect("runs")
                    })
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, commands);
criterion_main!(benches);
