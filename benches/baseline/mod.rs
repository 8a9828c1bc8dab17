//! The hand-written front-matter baseline (`yaml_serde` into typed structs with `String`
//! fields): shared by the benchmarks and `examples/profile_body_lang.rs`, which counts its
//! instructions against wikimd's.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct BaselineFrontMatter {
    pub infoboxes: Vec<BTreeMap<String, BaselineRichText>>,
    title: Option<String>,
    #[serde(rename = "shortDescription")]
    short_description: Option<String>,
    description: Option<String>,
    author: Option<String>,
    img: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct BaselineRichText {
    text: Option<String>,
    links: Option<Vec<BaselineLink>>,
    formatting: Option<BTreeMap<String, Vec<String>>>,
    number: Option<f64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct BaselineLink {
    #[serde(rename = "type")]
    kind: String,
    page: Option<String>,
    text: Option<String>,
    anchor: Option<String>,
    site: Option<String>,
    wiki: Option<String>,
}

/// Reads a front matter's YAML as a user would without wikimd.
pub fn baseline_front_matter(yaml: &str) -> BaselineFrontMatter {
    yaml_serde::from_str(yaml).expect("valid YAML")
}
