//! Every bug found by fuzzing or by a user, as a named test. The inputs that crashed a fuzz
//! target are also in `fuzz/regressions/`, replayed by `tests/fuzz_replay.rs`.

/// Fuzzing (repair target): `Ã` followed by many U+0083 decoded one U+0083 per layer
/// (`Ã\u{83}` is `Ã` read as Latin-1, `Ãƒ` as Windows-1252), so repair stopped at its
/// layer limit halfway and a second repair changed the text again. A run followed by a
/// stray continuation character is now no evidence: its bytes were never UTF-8.
#[test]
fn repair_is_idempotent_on_a_chain_of_c1_controls() {
    for tail in ["\u{83}", "ƒ"] {
        let input = format!("š{}i", "Ã".to_string() + &tail.repeat(12));
        let once = wikimd::repair(&input);
        assert_eq!(wikimd::repair(&once), once, "{input:?}");
        assert_eq!(wikimd::repair::explain(&input).text, once);
    }
    // The real thing still repairs: `Ã` read once, and twice, as Latin-1.
    assert_eq!(wikimd::repair("x Ã\u{83}i"), "x Ãi");
    assert_eq!(wikimd::repair("x Ã\u{83}Â\u{83}i"), "x Ãi");
}

/// Fuzzing (front_matter target, scanner against the general YAML parser): a `\r` on its
/// own is a line break in YAML, but the scanner read lines by `\n` only, so
/// `s:\n 0\r\r\r\n  n` folded to `0 n` instead of `0\n\nn`. A front matter with a lone
/// `\r` now goes to the general parser.
#[test]
fn a_lone_carriage_return_is_a_line_break_in_the_front_matter() {
    let doc = wikimd::parse("---\ns:\n 0\r\r\r\n  n\n---\n").unwrap();
    let value = doc.front_matter_value("s").unwrap();
    assert_eq!(value.as_scalar().unwrap().decode(), "0\n\nn");
    // CRLF line ends stay on the fast path and read as before.
    let doc = wikimd::parse("---\r\ns:\r\n 0\r\n\r\n  n\r\n---\r\n").unwrap();
    let value = doc.front_matter_value("s").unwrap();
    assert_eq!(value.as_scalar().unwrap().decode(), "0\nn");
}

/// The scanner and the general YAML parser must read a front matter alike. Fuzzing the
/// front_matter target with that as the oracle found the cases below; each input is also
/// in `fuzz/regressions/front_matter/`.
fn both_parsers(yaml: &str) -> (serde_json::Value, serde_json::Value) {
    let input = format!("---\n{yaml}\n---\n");
    let fast = wikimd::parse_front_matter(&input).unwrap().unwrap();
    let general = wikimd::parse_front_matter_general(&input).unwrap().unwrap();
    (
        serde_json::to_value(&fast).unwrap(),
        serde_json::to_value(&general).unwrap(),
    )
}

/// A byte order mark inside the front matter (YAML skips it wherever it is) was read as
/// part of a key by the scanner; such front matter now goes to the general parser.
#[test]
fn a_byte_order_mark_inside_the_front_matter() {
    let (fast, general) = both_parsers("gx:\n\u{feff}r   comm: Fs");
    assert_eq!(fast, general);
    assert_eq!(fast, serde_json::json!({"gx": {"r   comm": "Fs"}}));
}

/// `065713` was the integer 65713 for the scanner and a string for the general parser:
/// leading zeros now make a string in both (a code, not a number).
#[test]
fn digits_with_leading_zeros_are_a_string() {
    let (fast, general) = both_parsers("zip: 065713\nn: 0\nm: -012");
    assert_eq!(fast, general);
    assert_eq!(
        fast,
        serde_json::json!({"zip": "065713", "n": 0, "m": "-012"})
    );
}

/// A block scalar with no line of content took its indentation from its parent, so a
/// longer empty line kept its extra spaces (`"  \n"`); the longest empty line now sets the
/// indentation (YAML 8.1.1.1) and the value is empty.
#[test]
fn a_block_scalar_of_empty_lines_is_empty() {
    for yaml in [
        "be): |\ne): |\n   ",
        "a: |\n   \nb: 1",
        "a:\n  b: |+\n     \n\n  c: 1",
    ] {
        let (fast, general) = both_parsers(yaml);
        assert_eq!(fast, general, "{yaml:?}");
    }
    let (fast, _) = both_parsers("a: |\n   \nb: 1");
    assert_eq!(fast, serde_json::json!({"a": "", "b": 1}));
}

/// `a: >+` with no line after it decoded to `"\n"`: the split of no content at all gave
/// one empty piece, counted as an empty line kept by `+`. It is `""`, as for the general
/// parser; one empty line after it is still `"\n"`.
#[test]
fn a_keep_block_scalar_without_lines_is_empty() {
    for yaml in ["-o#r: >+", "a: |+\nb: 1", "a: >+\n\nb: 1"] {
        let (fast, general) = both_parsers(yaml);
        assert_eq!(fast, general, "{yaml:?}");
    }
    assert_eq!(both_parsers("a: |+").0, serde_json::json!({"a": ""}));
    assert_eq!(both_parsers("a: >+\n\nb: 1").0["a"], "\n");
}

/// In a double-quoted scalar, an escaped line break followed by an empty line decoded to
/// a space: the empty line is a line feed (YAML 7.3.1), as the general parser reads it.
#[test]
fn an_escaped_line_break_keeps_the_empty_lines_after_it() {
    for yaml in [
        "a: \"x\\\n\n\n  y\"",
        "a: \"x\\\n  \n  y\"",
        "a: \"x \\\n\n y\"",
    ] {
        let (fast, general) = both_parsers(yaml);
        assert_eq!(fast, general, "{yaml:?}");
    }
    assert_eq!(both_parsers("a: \"x\\\n\n\n  y\"").0["a"], "x\n\ny");
    assert_eq!(both_parsers("a: \"x\\\n  y\"").0["a"], "xy");
}

/// In a block scalar, a line of indentation then a tab (`    \t  `) was taken for an
/// empty line and dropped; only spaces make an empty line, the tab is content.
#[test]
fn a_tab_after_a_block_scalars_indentation_is_content() {
    for yaml in [
        "s: |-\n    z  -\n    \t  \n",
        "s: |\n  a\n  \t",
        "s: >\n  a\n  \tb\n  c",
    ] {
        let (fast, general) = both_parsers(yaml);
        assert_eq!(fast, general, "{yaml:?}");
    }
    assert_eq!(
        both_parsers("s: |-\n    z  -\n    \t  \n").0["s"],
        "z  -\n\t  "
    );
}

/// Keys that are not strings in YAML (`~`, `0x10`, `true`) kept their text with the scanner
/// but became `""`, `16`, `true` with the general parser; both now keep the key as written.
/// An empty key (`: value`) is an error in both.
#[test]
fn keys_are_kept_as_written() {
    let (fast, general) = both_parsers("~: a\n~~: b\n0x10: c\ntrue: d");
    assert_eq!(fast, general);
    assert_eq!(
        fast,
        serde_json::json!({"~": "a", "~~": "b", "0x10": "c", "true": "d"})
    );
    assert!(wikimd::parse_front_matter("---\n: g\n---\n").is_err());
}

/// `-0xa08` was a string for the scanner (the core schema has no signed hexadecimal) and
/// -2568 for the general parser; the scanner now reads numbers as the general parser
/// does (signed and binary integers too). `tests/front_matter.rs` compares every form.
#[test]
fn signed_hexadecimal_is_a_number_in_both_parsers() {
    let (fast, general) = both_parsers("g: -0xa08\nb: 0b101");
    assert_eq!(fast, general);
    assert_eq!(fast, serde_json::json!({"g": -2568, "b": 5}));
}

/// Fuzzing (front_matter target, scanner against the general YAML parser): after a comment,
/// `---   !0'0':` in column 0 was a key for the scanner, while YAML reads `--- ` as the
/// start of the document (the general parser kept only the keys after it). A line that
/// starts with a `---` or `...` marker now goes to the general parser, whatever follows.
#[test]
fn a_document_marker_in_column_0_is_not_a_key() {
    let (fast, general) = both_parsers("# c\n---   !0'0': \nk: x");
    assert_eq!(fast, general);
    assert_eq!(fast, serde_json::json!({"k": "x"}));
    // A key that only starts with dashes or dots is still a key.
    let (fast, general) = both_parsers("---k: a\n...x: b\n-- : c");
    assert_eq!(fast, general);
    assert_eq!(
        fast,
        serde_json::json!({"---k": "a", "...x": "b", "--": "c"})
    );
}

/// Fuzz corpus replay (repair target), after the repair rewrite: in text damaged in some
/// runs only, `explain` read the runs a second time with a preferred encoding even when
/// all of them had been read in one, and so decoded one more run than `repair` (`Ä‘` in
/// `eÄ‘î»ƒ`). The second pass now runs only when the runs were read in several encodings,
/// for `explain` as for `repair`. The input is in `fuzz/regressions/repair/`.
#[test]
fn explain_agrees_with_repair_on_runs_read_in_one_encoding() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/regressions/repair/explain_reran_runs_read_in_one_encoding"
    );
    let input = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    let repaired = wikimd::repair(&input);
    assert_ne!(repaired, input, "the input has runs to repair");
    assert_eq!(wikimd::repair::explain(&input).text, repaired);
}

/// Fuzzing (repair target), after the repair rewrite: `explain` of a text damaged as a
/// whole where a lead had lost its byte to U+FFFD and another U+FFFD stood alone
/// (`sÐ��`) stepped one byte, not one character, past the lone one and panicked on a
/// byte that is not a character boundary. The input is in `fuzz/regressions/repair/`.
#[test]
fn explain_steps_over_a_lone_replacement_character() {
    let input = "s\u{D0}\u{FFFD}\u{FFFD}\0\0";
    let report = wikimd::repair::explain(input);
    assert_eq!(report.text, wikimd::repair(input));
    for fix in &report.fixes {
        assert_eq!(&input[fix.span.clone()], fix.before);
    }
}

/// Issue #16: `x: [[[…]]]` nested 100,000 deep went to the general YAML parser, which reads
/// the whole collection (in quadratic time) before it counts levels: no answer in 20 s. The
/// scanner now counts a flow collection's levels before handing it over, and stops at the
/// first level past the limit, where the error points.
#[test]
fn deep_flow_collections_stop_at_the_first_level_past_the_limit() {
    let limit = wikimd::Limits::default().max_depth;
    for (open, close) in [("[", "]"), ("{a: ", "}"), ("[ \"[\", # [\n ", "]")] {
        let deep = 100_000;
        let input = format!(
            "---\nx: {}1{}\n---\nbody\n",
            open.repeat(deep),
            close.repeat(deep)
        );
        let error = wikimd::parse(&input).unwrap_err();
        assert_eq!(
            error.kind(),
            &wikimd::ErrorKind::LimitExceeded {
                what: "front matter nesting depth",
                limit
            },
            "{open}"
        );
        // The opening of level `limit + 1` (the top mapping is level 1).
        let expected = "---\nx: ".len() + open.len() * (limit - 1);
        assert_eq!(error.offset(), expected, "{open}");
        // At the limit, the scanner and the general parser still agree, both ways.
        for levels in [limit - 1, limit] {
            let input = format!(
                "---\nx: {}1{}\n---\n",
                open.repeat(levels),
                close.repeat(levels)
            );
            let fast = wikimd::parse_front_matter(&input).map(|m| m.is_some());
            let general = wikimd::parse_front_matter_general(&input).map(|m| m.is_some());
            assert_eq!(fast.is_ok(), general.is_ok(), "{open} {levels}");
        }
    }
}

/// The count of a flow collection's levels stops at the closing `---` line: brackets in the
/// body are not the front matter's (an unclosed `[` is a YAML error, not a depth error).
#[test]
fn the_flow_depth_count_stops_at_the_closing_line() {
    let input = format!("---\nx: [\n---\n{}\n", "[".repeat(1000));
    let error = wikimd::parse(&input).unwrap_err();
    assert!(
        matches!(error.kind(), wikimd::ErrorKind::Yaml { .. }),
        "{error}"
    );
}

/// Found by fuzzing (repair target): the quick plain-words check took a Cyrillic word with
/// a Latin letter against it (`Всієїs`) for a plain word where the cost says it is not;
/// the debug assertion that keeps the two in step fired. Now no window of two scripts is
/// a plain word; the text is left as it is either way.
#[test]
fn a_window_of_two_scripts_is_no_plain_word() {
    for text in ["*Всієїs(\u{1}\0\0\0\0\0", "*Всієїs(", "(sВсієї*"] {
        let once = wikimd::repair(text);
        assert_eq!(once, text);
        assert_eq!(wikimd::repair(&once), once);
    }
}

/// Found by fuzzing on 2026-12-01 (repair target, five minutes from the corpus): on this
/// input of control characters, NULs and Armenian mojibake, a second repair changed what
/// the first gave. A run read as a lone Armenian letter paid the foreign-script penalty
/// unless Armenian letters stood within 64 bytes of it in the *input*, so each layer
/// mended only the runs next to the ones the layer before had mended, and eight layers
/// were not enough. Now the letters that decoded runs give count as the text's own.
#[test]
fn repair_is_idempotent_on_armenian_mojibake_among_controls() {
    let (text, once) = repaired_twice_alike("regressions/repair/not_idempotent_armenian_controls");
    assert_ne!(once, text, "the Armenian mojibake is mended");
    assert!(!once.contains("Õ¿"), "every run of it: {once:?}");
}

/// Reads the fuzz input at `fuzz/<relative>`, repairs it, checks that a second repair
/// changes nothing, and gives the input and the repaired text.
fn repaired_twice_alike(relative: &str) -> (String, String) {
    let path = format!("{}/fuzz/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    let once = wikimd::repair(&text).into_owned();
    assert!(
        wikimd::repair(&once) == once,
        "a second repair changes the text"
    );
    (text, once)
}

/// Found by fuzzing on 2026-12-01 (repair target, ten minutes): the quick plain-word
/// check passed `[ККі` (two capitals, then a small letter), which the cost charges as a
/// small letter inside an all-caps word; the debug assertion that keeps the two in step
/// fired. The quick checks now follow the cost's letter pairs and triples: two capitals
/// then a small letter, `Ã` before a space, a letter of Windows-1252's 0x80–0x9F after
/// one of Latin-1, two words of one lone letter (` Å Å `, the next fuzz run) — and so a
/// run the quick check used to wave through gets judged.
#[test]
fn the_plain_word_checks_follow_the_cost() {
    for text in [
        "\u{1b}\u{86}~[ККі",
        "[ККі",
        "Ð Ã ",
        "Ãœeu",
        "År  Å Å ",
        " CÆbu",
        " ‚Д",
    ] {
        let once = wikimd::repair(text);
        assert_eq!(wikimd::repair(&once), once, "{text:?}");
    }
    // `Ü` as Windows-1252 in a capitalised word of a text that is not all mojibake.
    assert_eq!(
        wikimd::repair("Das ist GRÃœN und schön"),
        "Das ist GRÜN und schön"
    );
}

/// Found by fuzzing on 2026-12-01 (repair target, fifteen minutes): on this input of
/// Greek, Latin and CJK mojibake among controls, each layer mended only the runs next to
/// those the layer before mended (a run's cost is judged with its undecoded neighbours as
/// context), the eight layers ran out, and a second repair changed what the first gave
/// (`Ä\u{a0}` → `Ġ`). A text still changing after eight layers is now left as it was
/// (`more_layers_than_allowed_are_left_alone` tests that rule). Since an operator or a
/// symbol after an odd character counts as damage (2026-12-01), the first layer left
/// this text alone; since a small Greek letter alone before ASCII costs no more than a
/// letter in a word (2026-12-07), its Greek runs are mended and the text settles (a
/// second repair, and `explain`, give what the first repair gave).
#[test]
fn repair_is_idempotent_on_a_cascade_of_greek_runs() {
    let (text, once) = repaired_twice_alike("regressions/repair/not_idempotent_greek_cascade");
    let report = wikimd::repair::explain(&text);
    assert_eq!(report.text, once);
    // Each layer's text, repaired with one layer at a time, reaches the same end.
    let one = wikimd::RepairOptions::default().max_layers(1);
    let mut layered = text.clone();
    for _ in 0..8 {
        layered = wikimd::repair_with(&layered, &one).into_owned();
    }
    assert_eq!(layered, once);
}

/// A text read as Windows-1252 nine times: eight layers (the default) are undone, and
/// what is left would change again, so the input is returned as it was; with nine layers
/// allowed, the text comes back whole.
#[test]
fn more_layers_than_allowed_are_left_alone() {
    let clean = "café crème";
    let mut layers = vec![clean.to_string()];
    for _ in 0..9 {
        let last = layers.last().expect("one");
        let (read, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(last.as_bytes());
        layers.push(read.into_owned());
    }
    for (n, text) in layers.iter().enumerate().skip(1).take(8) {
        assert_eq!(wikimd::repair(text), clean, "{n} layers");
    }
    let nine = &layers[9];
    assert_eq!(
        wikimd::repair(nine),
        nine.as_str(),
        "nine layers, eight allowed"
    );
    assert!(wikimd::repair::explain(nine).fixes.is_empty());
    let nine_allowed = wikimd::RepairOptions::default().max_layers(9);
    assert_eq!(wikimd::repair_with(nine, &nine_allowed), clean);
}

/// Fuzzing (repair target, `explain` against `repair`): ties settled by the document's
/// own words search the text, at most four times its length; the budget was kept across
/// the run-by-run passes, and `explain` repeats a pass to record its edits, so its pass
/// found the budget spent and left ties its repair had settled (and a document of many
/// ties spent it on the same word again and again, and was left whole). Each pass now
/// searches afresh, each word once. (The fuzzer's input is in `fuzz/regressions/repair/`.)
#[test]
fn explain_settles_ties_by_the_documents_words_as_repair_does() {
    let tie = "Coop Eesti KeskĂĽhistu — a retailer — with stores.\n";
    let input = format!("Coop Eesti Keskühistu.\n\n{}", tie.repeat(200));
    let repaired = wikimd::repair(&input);
    assert!(repaired.starts_with("Coop Eesti Keskühistu.\n\nCoop Eesti Keskühistu —"));
    assert_eq!(wikimd::repair::explain(&input).text, repaired);
    assert_eq!(wikimd::repair(&repaired), repaired);
}
