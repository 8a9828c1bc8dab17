//! The hostile inputs of the hardening issue, shared by the library's and the command's
//! tests.

/// (name, input): the hostile inputs of the hardening issue.
pub fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let nested_sequences: String = (0..3000)
        .map(|i| format!("{}-\n", "  ".repeat(i)))
        .collect();
    let laughs = {
        let mut y = String::from("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (i, c) in "bcdefghi".chars().enumerate() {
            let p = (b'a' + i as u8) as char;
            y += &format!("{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n");
        }
        y + "---\n"
    };
    vec![
        ("brackets_in_body", "[".repeat(100_000).into_bytes()),
        ("brackets_in_front_matter", format!("---\na: {}\n---\n", "[".repeat(100_000)).into_bytes()),
        ("nested_block_sequences", format!("---\na:\n{nested_sequences}---\n").into_bytes()),
        ("nested_compact_sequences", format!("---\na:\n  {}x\n---\n", "- ".repeat(3000)).into_bytes()),
        ("nested_lists_in_body", (0..3000).map(|i| format!("{}- x\n", "  ".repeat(i))).collect::<String>().into_bytes()),
        ("billion_laughs", laughs.into_bytes()),
        ("long_line_body", "word ".repeat(6_000_000).into_bytes()),
        ("long_line_front_matter", format!("---\ntitle: {}\n---\n", "word ".repeat(6_000_000)).into_bytes()),
        ("headings", "## heading\n".repeat(500_000).into_bytes()),
        ("reference_definitions", "[a]: b\n\n [c]: d\n[e][a]: f\n".repeat(100_000).into_bytes()),
        // Each `]:` once looked back to its line's start, and through its indentation.
        ("definition_marks_on_one_line", "]:".repeat(300_000).into_bytes()),
        ("definition_marks_after_spaces", (" ".repeat(300_000) + &"[]:".repeat(30_000)).into_bytes()),
        ("nested_quotes", (">".repeat(100_000) + " deep").into_bytes()),
        ("binary_garbage", (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()),
        ("nul_bytes", b"---\ntitle: a\0b\n---\n\0\0 text \0".to_vec()),
        ("bom", "\u{feff}---\ntitle: A\n---\nbody".as_bytes().to_vec()),
        ("crlf", b"---\r\ntitle: A\r\ninfoboxes:\r\n  - a:\r\n      text: b\r\n---\r\n\r\n## S\r\n\r\n * x\r\ny\r\n".to_vec()),
        ("tabs_in_indentation", b"---\ninfoboxes:\n\t- a:\n\t\ttext: b\n---\n".to_vec()),
        ("duplicate_keys", b"---\ntitle: a\ntitle: b\n---\n".to_vec()),
        ("only_dashes", b"---".to_vec()),
        ("only_dashes_and_newline", b"---\n".to_vec()),
        ("empty", Vec::new()),
        ("many_fields", format!("---\ninfoboxes:\n  - {}\n---\n", (0..100_000).map(|i| format!("f{i}:\n      text: v\n    ")).collect::<String>()).into_bytes()),
    ]
}
