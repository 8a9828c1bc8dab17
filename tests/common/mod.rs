//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

pub mod hostile;

/// The corpus copied into the repository (`tests/corpus`), from the library's tests and
/// from the command's (`cli/tests`).
pub fn corpus() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = crate_dir.join("tests/corpus");
    if here.is_dir() {
        here
    } else {
        crate_dir.join("../tests/corpus")
    }
}

/// Every corpus document name (without the sample).
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(corpus().join("reference"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

pub fn reference(name: &str) -> Json {
    let text = fs::read_to_string(corpus().join("reference").join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

pub fn mojibake(name: &str) -> String {
    fs::read_to_string(corpus().join("mojibake").join(format!("{name}.md"))).unwrap()
}

/// Every text value of a document's front matter.
pub fn front_matter_texts<'d>(doc: &'d wikimd::Document<'_>) -> Vec<&'d wikimd::Text<'d>> {
    let mut out = Vec::new();
    out.extend(doc.title());
    out.extend(doc.short_description());
    out.extend(doc.description());
    out.extend(doc.author());
    out.extend(doc.img());
    for infobox in doc.infoboxes() {
        for (name, value) in infobox.fields() {
            out.push(name);
            out.extend(value.text_value().map(|s| s.text()));
            out.extend(value.number().map(|s| s.text()));
            for link in value.links() {
                out.extend(link.link_type());
                out.extend(link.page());
                out.extend(link.text());
                out.extend(link.anchor());
                out.extend(link.site());
                out.extend(link.wiki());
            }
            if let Some(formatting) = value.formatting() {
                out.extend(formatting.bold().iter().map(|s| s.text()));
                out.extend(formatting.italic().iter().map(|s| s.text()));
            }
        }
    }
    out
}

pub fn clean(name: &str) -> String {
    fs::read_to_string(corpus().join("clean").join(format!("{name}.md"))).unwrap()
}

/// JSON equality as the contract states it: numbers by value (`2` equals `2.0`).
pub fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The first difference between two JSON values, as a path and both sides.
pub fn diff(a: &Json, b: &Json, path: &str) -> Option<String> {
    match (a, b) {
        (Json::Array(x), Json::Array(y)) => {
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                if let Some(d) = diff(a, b, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: length {} vs {}", x.len(), y.len()))
        }
        (Json::Object(x), Json::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = diff(v, w, &format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{k}: only in ours")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: only in the reference"))
        }
        _ => (!same(a, b)).then(|| format!("{path}: ours {a} vs reference {b}")),
    }
}

/// The body's sections as the JSON contract has them, without the paragraphs of a
/// filler (which start with `Filler `).
pub fn sections_past_filler(input: &str, general: bool) -> Result<serde_json::Value, String> {
    let options = wikimd::ParseOptions::new();
    let doc = if general {
        wikimd::parse_with_general_body(input, &options)
    } else {
        wikimd::parse_with(input, &options)
    }
    .map_err(|e| e.to_string())?;
    let mut json = serde_json::to_value(&doc).map_err(|e| e.to_string())?;
    for section in json["sections"].as_array_mut().into_iter().flatten() {
        if let Some(paragraphs) = section["paragraphs"].as_array_mut() {
            paragraphs.retain(|p| !p.as_str().is_some_and(|p| p.starts_with("Filler ")));
        }
    }
    Ok(json)
}

/// `text` after a section of filler paragraphs: `n` of them. Past 8 kB, the general path
/// reads the body in segments, cut at headings.
pub fn after_filler(text: &str, n: usize) -> String {
    let filler: String = (0..n)
        .map(|i| format!("Filler paragraph {i}, a few words long.\n\n"))
        .collect();
    format!("## Start\n\n{filler}{text}")
}

/// The view of both readings of `input`, with the given list rule.
pub fn both(
    input: &str,
    list_end: wikimd::ListEnd,
) -> (Result<String, String>, Result<String, String>) {
    let options = wikimd::ParseOptions::new().list_end(list_end);
    let view = |doc: Result<wikimd::Document<'_>, wikimd::Error>| {
        doc.map(|d| wikimd::body::view(d.sections()))
            .map_err(|e| e.to_string())
    };
    (
        view(wikimd::parse_with(input, &options)),
        view(wikimd::parse_with_general_body(input, &options)),
    )
}
