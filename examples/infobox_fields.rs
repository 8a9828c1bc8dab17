//! Prints every infobox field of a file with its links, repairing mojibake first.
//!
//! ```text
//! cargo run --example infobox_fields -- tests/corpus/sample/operation-serval.mojibake.md
//! ```

use std::error::Error;
use std::io::Write;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: infobox_fields FILE")?;
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let text = wikimd::repair(&raw);
    let doc = wikimd::parse(&text).map_err(|e| format!("{path}:{e}"))?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        doc.title().map(|t| t.decode()).unwrap_or_default()
    )?;
    for (i, infobox) in doc.infoboxes().iter().enumerate() {
        writeln!(out, "infobox {}:", i + 1)?;
        for (name, value) in infobox.fields() {
            writeln!(out, "  {name}: {}", value.text().replace('\n', " / "))?;
            for link in value.links() {
                let target = link
                    .page()
                    .or(link.site())
                    .map(|t| t.decode())
                    .unwrap_or_default();
                let shown = link.display_text().map(|t| t.decode()).unwrap_or_default();
                let anchor = link.anchor().map(|a| format!("#{a}")).unwrap_or_default();
                writeln!(
                    out,
                    "    -> {target}{anchor} ({:?}, shown as {shown:?})",
                    link.kind()
                )?;
            }
        }
    }
    Ok(())
}
