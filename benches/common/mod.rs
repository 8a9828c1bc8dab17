//! What the benchmarks of both packages read: the corpus copied into `tests/corpus`.

use std::path::Path;

/// Every document of a corpus directory, in name order, one string each.
pub fn documents(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus file"))
        .collect()
}
