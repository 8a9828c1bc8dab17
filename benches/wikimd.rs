//! The benchmark suite: every stage of wikimd against its baseline, in the same run.
//!
//! ```text
//! cargo bench --bench wikimd
//! ```
//!
//! Inputs: the sample (mojibake and clean), and the corpus documents parsed one by one.
//! Baselines: the hand-written pipeline a user would otherwise write (`yaml_serde` into
//! typed structs with `String` fields, pulldown-cmark for the body), pulldown-cmark's bare
//! event iteration, and copying the input.

mod baseline;
mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use baseline::baseline_front_matter;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};

// ---------------------------------------------------------------------------------------
// The baseline: yaml_serde into typed structs with String fields (`baseline`), and
// pulldown-cmark's events.

/// Splits a document into its YAML and its body, as a user's own code would.
fn split(doc: &str) -> (&str, &str) {
    let rest = doc.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("closed");
    (&rest[..end + 1], &rest[end + 5..])
}

fn bare_events(body: &str) -> usize {
    Parser::new_ext(body, Options::ENABLE_TABLES)
        .into_offset_iter()
        .count()
}

/// The baseline pipeline: typed front matter, then every body event.
fn baseline_pipeline(doc: &str) -> usize {
    let (yaml, body) = split(doc);
    let fm = baseline_front_matter(yaml);
    fm.infoboxes.len() + bare_events(body)
}

/// wikimd: repair, parse, and walk every section, figure and infobox value.
fn wikimd_full(raw: &str) -> usize {
    let text = wikimd::repair(raw);
    let doc = wikimd::parse(&text).expect("parses");
    let mut n = 0;
    for infobox in doc.infoboxes() {
        for (name, value) in infobox.fields() {
            n += name.decode().len() + value.text().len() + value.links().len();
        }
    }
    for section in doc.sections() {
        n += section.title().len();
        n += section.paragraphs().map(|p| p.text().len()).sum::<usize>();
        n += section.lists().map(|l| l.items().len()).sum::<usize>();
        n += section.tables().map(|t| t.rows().len()).sum::<usize>();
        n += section.figures().map(|f| f.url().len()).sum::<usize>();
    }
    n
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("fixture")
}

fn sample(kind: &str) -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/corpus/sample/operation-serval.{kind}.md")),
    )
}

/// A few megabytes of corpus documents (clean and mojibake), one string each.
fn corpus(kind: &str) -> Vec<String> {
    common::documents(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(kind),
    )
}

fn front_matter(c: &mut Criterion) {
    let doc = sample("clean");
    let (yaml, _) = split(&doc);
    let mut group = c.benchmark_group("front_matter");
    group.throughput(Throughput::Bytes(yaml.len() as u64));
    group.bench_function("wikimd", |b| {
        b.iter(|| {
            wikimd::parse_front_matter(black_box(&doc))
                .unwrap()
                .unwrap()
        })
    });
    group.bench_function("yaml_serde_typed", |b| {
        b.iter(|| baseline_front_matter(black_box(yaml)))
    });
    // The corpus documents' front matters, one by one.
    let docs = corpus("clean");
    let yamls: Vec<&str> = docs.iter().map(|d| split(d).0).collect();
    group.throughput(Throughput::Bytes(
        yamls.iter().map(|y| y.len()).sum::<usize>() as u64,
    ));
    group.bench_function(BenchmarkId::new("wikimd", "corpus"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| wikimd::parse_front_matter(black_box(d)).unwrap().is_some() as usize)
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("yaml_serde_typed", "corpus"), |b| {
        b.iter(|| {
            yamls
                .iter()
                .map(|y| baseline_front_matter(black_box(y)).infoboxes.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn body(c: &mut Criterion) {
    let doc = sample("clean");
    let (_, body) = split(&doc);
    let mut group = c.benchmark_group("body");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("wikimd", |b| {
        b.iter(|| wikimd::parse(black_box(body)).unwrap())
    });
    group.bench_function("pulldown_cmark_events", |b| {
        b.iter(|| bare_events(black_box(body)))
    });
    // The corpus documents' bodies, one by one.
    let docs = corpus("clean");
    let bodies: Vec<&str> = docs.iter().map(|d| split(d).1).collect();
    group.throughput(Throughput::Bytes(
        bodies.iter().map(|b| b.len()).sum::<usize>() as u64,
    ));
    group.bench_function(BenchmarkId::new("wikimd", "corpus"), |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|body| wikimd::parse(black_box(body)).unwrap().sections().len())
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("pulldown_cmark_events", "corpus"), |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|body| bare_events(black_box(body)))
                .sum::<usize>()
        })
    });
    group.finish();
}

fn repair(c: &mut Criterion) {
    let mut group = c.benchmark_group("repair");
    for kind in ["mojibake", "clean"] {
        let text = sample(kind);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("wikimd", kind), &text, |b, t| {
            b.iter(|| wikimd::repair(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("copy", kind), &text, |b, t| {
            b.iter(|| black_box(t).to_owned())
        });
    }
    // The corpus: 11 languages, many of them written in other scripts than Latin, where
    // every character of the mojibake is a sequence and clean text is full of candidates.
    for kind in ["mojibake", "clean"] {
        let docs = corpus(kind);
        let bytes: usize = docs.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("wikimd_corpus", kind), &docs, |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|d| wikimd::repair(black_box(d)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// The corpus documents of each language, mojibake and clean, by language code.
fn corpus_by_language() -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut langs: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("clean"))
        .expect("corpus")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    for name in names {
        let lang = name
            .to_string_lossy()
            .split('_')
            .nth(1)
            .expect("lang")
            .to_string();
        let entry = langs.entry(lang).or_default();
        entry.0.push(read(&root.join("mojibake").join(&name)));
        entry.1.push(read(&root.join("clean").join(&name)));
    }
    langs
}

/// `clean` with every other paragraph (from the second) taken from `bad`, its mojibake:
/// a document damaged in places.
fn half_damaged(clean: &str, bad: &str) -> String {
    let bad: Vec<&str> = bad.split("\n\n").collect();
    clean
        .split("\n\n")
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 1 {
                bad.get(i).copied().unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Repair over the corpus documents of each language: the mojibake (throughput in its
/// bytes), the clean twins, and documents damaged in places (every other paragraph
/// taken from the mojibake), with a UTF-8 validation of the same clean bytes as the
/// yardstick a clean pass is measured against.
///
/// The speed goals are met as a dependency builds the crate:
/// `cargo bench --profile dependency --bench wikimd -- repair_lang`.
fn repair_by_language(c: &mut Criterion) {
    let mut group = c.benchmark_group("repair_lang");
    for (lang, (bad, clean)) in corpus_by_language() {
        let half: Vec<String> = clean
            .iter()
            .zip(&bad)
            .map(|(c, b)| half_damaged(c, b))
            .collect();
        for (kind, docs) in [("mojibake", &bad), ("clean", &clean), ("half", &half)] {
            let bytes: usize = docs.iter().map(String::len).sum();
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(BenchmarkId::new(kind, &lang), docs, |b, docs| {
                b.iter(|| {
                    docs.iter()
                        .map(|d| wikimd::repair(black_box(d)).len())
                        .sum::<usize>()
                })
            });
        }
        let bytes: usize = clean.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::new("utf8_validation", &lang),
            &clean,
            |b, docs| {
                b.iter(|| {
                    docs.iter()
                        .map(|d| std::str::from_utf8(black_box(d.as_bytes())).map_or(0, str::len))
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

/// The body's goals, per language and over the whole corpus (`all`), as a dependency
/// builds the crate (`cargo bench --profile dependency --bench wikimd -- body_lang`):
/// `parse` of the clean documents, and `repair` + `parse` of their mojibake, each against
/// pulldown-cmark's bare event iteration over the same clean bodies (`pulldown_bodies`).
/// Throughput is in the bytes of those bodies throughout, so that ratios of times are
/// ratios of throughputs.
fn body_by_language(c: &mut Criterion) {
    let mut group = c.benchmark_group("body_lang");
    let mut languages: Vec<(String, Vec<String>, Vec<String>)> = corpus_by_language()
        .into_iter()
        .map(|(lang, (bad, clean))| (lang, bad, clean))
        .collect();
    let all_bad = languages.iter().flat_map(|l| l.1.clone()).collect();
    let all_clean = languages.iter().flat_map(|l| l.2.clone()).collect();
    languages.push(("all".to_string(), all_bad, all_clean));
    for (lang, bad, clean) in &languages {
        let bodies: usize = clean.iter().map(|d| split(d).1.len()).sum();
        group.throughput(Throughput::Bytes(bodies as u64));
        group.bench_with_input(BenchmarkId::new("parse", lang), clean, |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|d| wikimd::parse(black_box(d)).unwrap().sections().len())
                    .sum::<usize>()
            })
        });
        group.bench_with_input(BenchmarkId::new("repair_parse", lang), bad, |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|d| {
                        let text = wikimd::repair(black_box(d));
                        wikimd::parse(&text).unwrap().sections().len()
                    })
                    .sum::<usize>()
            })
        });
        group.bench_with_input(
            BenchmarkId::new("pulldown_bodies", lang),
            clean,
            |b, docs| {
                b.iter(|| {
                    docs.iter()
                        .map(|d| bare_events(black_box(split(d).1)))
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

fn full(c: &mut Criterion) {
    let mut group = c.benchmark_group("full");
    let raw = sample("mojibake");
    let clean = sample("clean");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function(BenchmarkId::new("wikimd", "sample"), |b| {
        b.iter(|| wikimd_full(black_box(&raw)))
    });
    group.bench_function(BenchmarkId::new("baseline", "sample"), |b| {
        b.iter(|| baseline_pipeline(black_box(&clean)))
    });

    let docs = corpus("mojibake");
    let clean_docs = corpus("clean");
    let bytes: usize = docs.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::new("wikimd", "corpus"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| wikimd_full(black_box(d)))
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("baseline", "corpus"), |b| {
        b.iter(|| {
            clean_docs
                .iter()
                .map(|d| baseline_pipeline(black_box(d)))
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("pulldown_cmark_bodies", "corpus"), |b| {
        b.iter(|| {
            clean_docs
                .iter()
                .map(|d| bare_events(black_box(split(d).1)))
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("copy", "corpus"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(d).to_owned().len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Builds a pathological input of size about `n`.
type MakeInput = fn(usize) -> String;

/// Time must grow linearly with input size on pathological inputs: each is measured at
/// n, 10 n and 100 n, with pulldown-cmark alone on the same input for comparison.
fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let inputs: [(&str, MakeInput); 7] = [
        ("nested_brackets", |n| "[".repeat(n)),
        ("definition_marks", |n| "]:".repeat(n / 2)),
        ("indented_definition_marks", |n| {
            " ".repeat(n / 2) + &"[]:".repeat(n / 6)
        }),
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
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |b, t| {
                b.iter(|| wikimd::parse(black_box(t)).map(|d| d.sections().len()))
            });
            let bare = format!("{name}_pulldown_cmark");
            group.bench_with_input(BenchmarkId::new(bare, n), &text, |b, t| {
                b.iter(|| bare_events(black_box(t)))
            });
        }
    }
    group.finish();
}

/// The hostile inputs of the hardening issue at their size and a tenth of it: time must
/// grow about tenfold.
fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let inputs: [(&str, MakeInput, usize); 4] = [
        ("nested_brackets", |n| "[".repeat(n), 100_000),
        ("nested_quotes", |n| ">".repeat(n) + " x", 100_000),
        ("headings", |n| "## heading\n".repeat(n), 500_000),
        ("single_line", |n| "word ".repeat(n / 5), 30_000_000),
    ];
    for (name, make, size) in inputs {
        for n in [size / 10, size] {
            let text = make(n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |b, t| {
                b.iter(|| wikimd::parse(black_box(t)).map(|d| d.sections().len()))
            });
        }
    }
    group.finish();
}

criterion_group!(
    benches,
    front_matter,
    body,
    repair,
    repair_by_language,
    body_by_language,
    full,
    pathological,
    hostile
);
criterion_main!(benches);
