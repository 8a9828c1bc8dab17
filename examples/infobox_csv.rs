//! Every infobox field of the files given, as CSV: path, title, infobox, field, text, links.
//! `cargo run --example infobox_csv -- tests/corpus/mojibake/*.md > infoboxes.csv`

use std::io::Write;

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        return format!("\"{}\"", field.replace('"', "\"\""));
    }
    field.to_string()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "path,title,infobox,field,text,links")?;
    for path in std::env::args().skip(1) {
        let owned = wikimd::load(&path)?; // read, repair, parse; an error names the file
        let doc = owned.document();
        let title = doc.title().map(|t| t.decode()).unwrap_or_default();
        for (i, infobox) in doc.infoboxes().iter().enumerate() {
            for (field, value) in infobox {
                let pages = value.links().iter().filter_map(|l| l.page());
                let links = pages.map(|p| p.decode()).collect::<Vec<_>>().join("|");
                let row = [
                    &*path,
                    &title,
                    &i.to_string(),
                    &field.decode(),
                    &value.text(),
                    &links,
                ];
                let row: Vec<String> = row.iter().map(|f| csv(f)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
        }
    }
    Ok(out.flush()?)
}
