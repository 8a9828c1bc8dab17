//! Prints a document as the `wikimd parse` JSON.
//!
//! ```text
//! cargo run --example to_json -- tests/corpus/sample/operation-serval.clean.md
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: to_json FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let doc = wikimd::parse(&text).map_err(|e| format!("{path}:{e}"))?;
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(&mut out, serde_json::to_string_pretty(&doc)?.as_bytes())?;
    Ok(())
}
