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
