//! Replays every committed fuzz corpus file (inputs of at most 512 bytes), every seed and
//! every crash ever found through the checks the fuzz targets make, so that plain
//! `cargo test` guards them without a fuzzer.

use std::fs;
use std::path::Path;

#[path = "../fuzz/oracles.rs"]
mod oracles;

/// Runs `check` on every file under `fuzz/{corpus,seeds,regressions}/<target>/`.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["corpus", "seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{} fails its fuzz checks", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn parse_corpus_and_regressions() {
    assert!(replay("parse", oracles::parse) > 0);
}

#[test]
fn front_matter_corpus_and_regressions() {
    assert!(replay("front_matter", oracles::front_matter) > 0);
}

#[test]
fn body_corpus_and_regressions() {
    assert!(replay("body", oracles::body) > 0);
}

/// The body corpus read in segments too (the `segments` target starts from it).
#[test]
fn body_corpus_and_regressions_in_segments() {
    assert!(replay("body", oracles::segments) > 0);
    replay("segments", oracles::segments);
}

#[test]
fn repair_corpus_and_regressions() {
    assert!(replay("repair", oracles::repair) > 0);
}
