//! Reads the corpus documents of one language (or `all`) many times in one way, for a
//! profiler or an instruction count:
//! `valgrind --tool=callgrind target/dependency/examples/profile_body_lang uk parse 20`.
//!
//! Ways: `parse` (clean documents), `general` (clean documents, the body by the general
//! path only), `front_matter` (the clean documents' front matters alone), `yaml_serde`
//! (the same front matters read by the benchmarks' hand-written baseline, `yaml_serde`
//! into typed structs), `pulldown` (pulldown-cmark's bare events over the clean bodies),
//! `repair` (the mojibake repaired) and `repair_parse` (the mojibake repaired, then
//! parsed).

#[path = "../benches/baseline/mod.rs"]
mod baseline;
#[path = "../benches/common/mod.rs"]
mod common;

use pulldown_cmark::{Options, Parser};
use std::hint::black_box;

fn documents(kind: &str, lang: &str) -> Vec<String> {
    common::documents_in(std::path::Path::new(&format!("tests/corpus/{kind}")), lang)
}

fn body(doc: &str) -> &str {
    let end = doc[4..].find("\n---\n").expect("front matter") + 9;
    &doc[end..]
}

fn yaml(doc: &str) -> &str {
    let end = doc[4..].find("\n---\n").expect("front matter") + 5;
    &doc[4..end]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "all".into());
    let way = args.next().unwrap_or_else(|| "parse".into());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let kind = if way == "repair_parse" || way == "repair" {
        "mojibake"
    } else {
        "clean"
    };
    let docs = documents(kind, &lang);
    let options = wikimd::ParseOptions::default();
    let mut total = 0;
    for _ in 0..times {
        for doc in &docs {
            let doc = black_box(doc.as_str());
            total += match way.as_str() {
                "parse" => wikimd::parse(doc).unwrap().sections().len(),
                "general" => wikimd::parse_with_general_body(doc, &options)
                    .unwrap()
                    .sections()
                    .len(),
                "front_matter" => wikimd::parse_front_matter(doc)
                    .unwrap()
                    .map_or(0, |f| f.span().len()),
                "yaml_serde" => baseline::baseline_front_matter(yaml(doc)).infoboxes.len(),
                "pulldown" => Parser::new_ext(body(doc), Options::ENABLE_TABLES)
                    .into_offset_iter()
                    .count(),
                "repair" => wikimd::repair(doc).len(),
                "repair_parse" => {
                    let text = wikimd::repair(doc);
                    wikimd::parse(&text).unwrap().sections().len()
                }
                other => panic!("unknown way {other}"),
            };
        }
    }
    println!("{} documents, {total}", docs.len());
}
