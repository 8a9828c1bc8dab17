//! One JSON line per section of every file given: its heading path and its plain text, as
//! a language-model dataset wants them (mojibake repaired first).
//!
//! ```text
//! cargo run --example section_dataset -- tests/corpus/clean/*.md > sections.jsonl
//! ```

use std::error::Error;
use std::io::Write;

fn main() -> Result<(), Box<dyn Error>> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let text = wikimd::repair(&raw);
        let doc = wikimd::parse(&text).map_err(|e| format!("{path}:{e}"))?;
        for (headings, section) in doc.sections_with_paths() {
            let text = section.plain_text();
            if text.is_empty() {
                continue;
            }
            let line = serde_json::json!({
                "path": path,
                "title": doc.title().map(|t| t.decode()),
                "headings": headings,
                "text": text,
            });
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
