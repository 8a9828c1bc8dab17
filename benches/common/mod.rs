//! What the benchmarks of both packages, and the profiling examples, read: the corpus
//! copied into `tests/corpus`.
// (Each user takes what it needs of this module.)
#![allow(dead_code)]

use std::path::Path;

/// Every document of a corpus directory, in name order, one string each.
pub fn documents(dir: &Path) -> Vec<String> {
    documents_in(dir, "all")
}

/// The documents of a corpus directory in one language group, the name's part after its
/// first `_` (`035_de_efcdfce18900.md`), or every one for `all`, in name order.
pub fn documents_in(dir: &Path, lang: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            lang == "all" || name.split('_').nth(1) == Some(lang)
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus file"))
        .collect()
}
