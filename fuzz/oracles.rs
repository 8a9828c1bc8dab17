#![allow(dead_code)]

//! What the fuzz targets check, shared with `tests/fuzz_replay.rs`, which runs the same
//! checks over every committed corpus file and every crash ever found.

/// `parse_bytes` on arbitrary bytes: never panics, and what parses serializes, owns and
/// keeps its spans inside the input.
pub fn parse(data: &[u8]) {
    if let Ok(doc) = wikimd::parse_bytes(data) {
        let json = serde_json::to_value(&doc).expect("serializes");
        let owned = doc.clone().into_owned();
        assert_eq!(owned, doc);
        assert_eq!(serde_json::to_value(&owned).expect("serializes"), json);
        let text = std::str::from_utf8(data).expect("parsed, so UTF-8");
        let span = doc.body_span();
        assert!(span.end <= text.len() && text.is_char_boundary(span.start));
        for section in doc.sections() {
            let span = section.span();
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

/// The front-matter scanner alone, on text that always opens a front matter: what it
/// reads, the general YAML parser (when it reads the text too) reads the same.
pub fn front_matter(data: &[u8]) {
    if let Ok(yaml) = std::str::from_utf8(data) {
        let input = format!("---\n{yaml}\n---\n");
        // The front matter ends at the first `---` line: nothing after it changes what is
        // read (the scanner finds that line itself as it reads).
        let cut = first_closing_line_end(&input);
        assert_eq!(
            format!("{:?}", wikimd::parse_front_matter(&input)),
            format!("{:?}", wikimd::parse_front_matter(&input[..cut])),
            "the text after the closing line changed the front matter"
        );
        // The common entries read a line at a time give what reading them one by one
        // gives: values, spans, errors.
        assert_eq!(
            format!("{:?}", wikimd::parse_front_matter(&input)),
            format!("{:?}", wikimd::parse_front_matter_entry_by_entry(&input)),
            "reading entries a line at a time changed the front matter"
        );
        if let Ok(Some(fm)) = wikimd::parse_front_matter(&input) {
            let ours = serde_json::to_value(&fm).expect("serializes");
            // libyaml (under yaml_serde) reads NEL, LS and PS as line breaks, as YAML 1.1
            // did; YAML 1.2 and wikimd keep them as characters (C1 controls are mojibake
            // the repair layer needs intact).
            let yaml_1_1_breaks = ['\u{85}', '\u{2028}', '\u{2029}'];
            if yaml.contains(yaml_1_1_breaks) {
                return;
            }
            if let Ok(Some(general)) = wikimd::parse_front_matter_general(&input) {
                let general = serde_json::to_value(&general).expect("serializes");
                assert_eq!(ours, general, "the scanner and the general parser disagree");
            }
        }
    }
}

/// The end of the first `---` line after the opening one of `input` (which has one). Lines
/// end with `\n`, `\r\n` or a `\r` alone.
fn first_closing_line_end(input: &str) -> usize {
    let mut line = 4;
    loop {
        let rest = &input[line..];
        if let Some(after) = rest.strip_prefix("---") {
            if after.is_empty() || after == "\r" {
                return input.len();
            }
            if after.starts_with("\r\n") {
                return line + 5;
            }
            if after.starts_with(['\n', '\r']) {
                return line + 4;
            }
        }
        match rest.find(['\n', '\r']) {
            Some(at) if rest[at..].starts_with("\r\n") => line += at + 2,
            Some(at) => line += at + 1,
            None => return input.len(),
        }
    }
}

/// The Markdown body alone, in both list modes: any text is a valid body, and the fast
/// path reads it as the general path does.
pub fn body(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let body = format!("\n{text}");
        for list_end in [wikimd::ListEnd::WhereWritten, wikimd::ListEnd::CommonMark] {
            let mut options = wikimd::ParseOptions::default();
            options.list_end = list_end;
            let general = wikimd::parse_with_general_body(&body, &options);
            match wikimd::parse_with(&body, &options) {
                Ok(doc) => {
                    assert_eq!(doc.sections()[0].level(), 0);
                    let _ = serde_json::to_string(&doc).expect("serializes");
                    let _ = doc.section_tree();
                    // The fast path reads as the general path does.
                    let general = general.expect("both paths accept the body");
                    assert_eq!(
                        wikimd::body::view(doc.sections()),
                        wikimd::body::view(general.sections()),
                        "{list_end:?}"
                    );
                }
                // Only a limit may refuse a body.
                Err(e) => assert!(
                    matches!(e.kind(), wikimd::ErrorKind::LimitExceeded { .. }),
                    "{e}"
                ),
            }
        }
    }
}

/// Repair: never panics, is idempotent, and its explanation rebuilds its result; and the
/// UTF-16 of the text and of the result, as `std` writes it.
pub fn repair(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let once = wikimd::repair(text);
        assert_eq!(wikimd::repair(&once), once, "idempotent");
        let report = wikimd::repair::explain(text);
        assert_eq!(report.text, once, "explain agrees");
        let mut rebuilt = String::new();
        let mut copied = 0;
        for fix in &report.fixes {
            assert!(fix.span.start >= copied);
            rebuilt.push_str(&text[copied..fix.span.start]);
            rebuilt.push_str(&fix.after);
            copied = fix.span.end;
        }
        rebuilt.push_str(&text[copied..]);
        assert_eq!(rebuilt, report.text, "fixes rebuild the text");
        // The UTF-16 the Python package makes a string from (thirty-two bytes a step where
        // the processor has AVX-512), of the text and of its repair, as `std` writes it
        // (with the feature `utf16`: the fuzz crate's default, and `cargo test
        // --features utf16` for the replay).
        #[cfg(feature = "utf16")]
        for text in [text, &*once] {
            let mut units = vec![1];
            let wide = wikimd::push_utf16_unless_ascii(text, &mut units);
            assert_eq!(wide, !text.is_ascii(), "UTF-16: whether ASCII");
            let expected = if wide { text.encode_utf16().count() } else { 0 };
            assert_eq!(units.len(), 1 + expected, "UTF-16: length");
            assert!(
                units[1..]
                    .iter()
                    .copied()
                    .eq(text.encode_utf16().take(expected)),
                "UTF-16"
            );
        }
    }
}

/// The body read in segments: after a section of filler paragraphs long enough (past
/// 8 kB) that the general path cuts the body at its headings and reads each part with a
/// parser of its own, any text reads as it does after a short filler, read whole.
pub fn segments(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        for list_end in [wikimd::ListEnd::WhereWritten, wikimd::ListEnd::CommonMark] {
            let options = wikimd::ParseOptions::new().list_end(list_end);
            let read = |paragraphs: usize| {
                let input = after_filler(text, paragraphs);
                let doc = wikimd::parse_with_general_body(&input, &options);
                // (An error's position moves with the filler: its kind is compared.)
                doc.map(|doc| past_filler(serde_json::to_value(&doc).expect("serializes")))
                    .map_err(|e| format!("{:?}", e.kind()))
            };
            assert_eq!(read(2), read(250), "{list_end:?}");
        }
    }
}

/// `text` after a section of `paragraphs` filler paragraphs.
fn after_filler(text: &str, paragraphs: usize) -> String {
    let mut input = String::from("## Start\n\n");
    for i in 0..paragraphs {
        input.push_str(&format!("Filler paragraph {i}, a few words long.\n\n"));
    }
    input.push_str(text);
    input
}

/// A document's JSON without the filler paragraphs (which start with `Filler `).
fn past_filler(mut json: serde_json::Value) -> serde_json::Value {
    for section in json["sections"].as_array_mut().into_iter().flatten() {
        if let Some(paragraphs) = section["paragraphs"].as_array_mut() {
            paragraphs.retain(|p| !p.as_str().is_some_and(|p| p.starts_with("Filler ")));
        }
    }
    json
}
