//! Repairs the corpus documents of one language many times, for a profiler:
//! `valgrind --tool=callgrind target/dependency/examples/profile_repair_lang uk clean 50`.

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "uk".into());
    let kind = args.next().unwrap_or_else(|| "clean".into());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(format!("tests/corpus/{kind}")).expect("corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.split('_').nth(1) == Some(lang.as_str()) {
            docs.push(std::fs::read_to_string(&path).unwrap());
        }
    }
    let mut total = 0;
    for _ in 0..times {
        for doc in &docs {
            total += std::hint::black_box(wikimd::repair(std::hint::black_box(doc))).len();
        }
    }
    println!("{} documents, {total} bytes out", docs.len());
}
