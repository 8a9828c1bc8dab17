//! Shows what `wikimd::repair` would change in a file, and why.
//!
//! ```text
//! cargo run --example explain -- tests/corpus/sample/operation-serval.mojibake.md
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: explain FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let report = wikimd::repair::explain(&text);
    for fix in &report.fixes {
        let kinds: Vec<String> = fix.kinds.iter().map(|k| k.to_string()).collect();
        println!(
            "{}..{}: {:?} -> {:?} ({})",
            fix.span.start,
            fix.span.end,
            fix.before,
            fix.after,
            kinds.join(", then ")
        );
    }
    eprintln!("{} fixes", report.fixes.len());
    Ok(())
}
