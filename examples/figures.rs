//! Every figure of the files given, as tab-separated values: file, section, image file
//! name (empty when the URL is not a Wikipedia file), alt text.
//!
//! ```text
//! cargo run --example figures -- tests/corpus/clean/*.md
//! ```

use std::error::Error;
use std::io::Write;

fn main() -> Result<(), Box<dyn Error>> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "path\tsection\tfile\talt")?;
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let text = wikimd::repair(&raw);
        let doc = wikimd::parse(&text).map_err(|e| format!("{path}:{e}"))?;
        for section in doc.sections() {
            for figure in section.figures() {
                let clean = |s: &str| s.replace(['\t', '\n'], " ");
                let file = figure.file().unwrap_or_default();
                let (title, alt) = (section.title(), figure.alt());
                writeln!(
                    out,
                    "{path}\t{}\t{}\t{}",
                    clean(&title),
                    clean(&file),
                    clean(&alt)
                )?;
            }
        }
    }
    Ok(())
}
