//! Hostile input: every case gives a result or a clear error with a position, never a
//! panic, a stack overflow, an out-of-memory or a hang; the CLI answers with exit code 0
//! or 1.

use assert_cmd::Command;
use wikimd::ErrorKind;

/// (name, input): the hostile inputs of the hardening issue.
fn cases() -> Vec<(&'static str, Vec<u8>)> {
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

#[test]
fn every_hostile_input_gives_a_result_or_a_clear_error() {
    for (name, input) in cases() {
        match wikimd::parse_bytes(&input) {
            Ok(doc) => {
                let _ = serde_json::to_string(&doc).unwrap();
            }
            Err(e) => {
                assert!(e.offset() <= input.len(), "{name}: {e}");
                assert!(e.line() >= 1 && e.column() >= 1, "{name}: {e}");
                let message = e.to_string();
                assert!(
                    message.starts_with(&format!("{}:{}: ", e.line(), e.column())),
                    "{name}: {message}"
                );
            }
        }
    }
}

#[test]
fn limits_give_limit_errors() {
    let expect_limit = |name: &str, input: &str| {
        let err = wikimd::parse(input).expect_err(name);
        assert!(
            matches!(err.kind(), ErrorKind::LimitExceeded { .. }),
            "{name}: {err}"
        );
    };
    let cases = cases();
    let text = |name: &str| {
        String::from_utf8(cases.iter().find(|c| c.0 == name).unwrap().1.clone()).unwrap()
    };
    expect_limit("nested_block_sequences", &text("nested_block_sequences"));
    expect_limit(
        "nested_compact_sequences",
        &text("nested_compact_sequences"),
    );
    expect_limit("nested_quotes", &text("nested_quotes"));
    expect_limit("nested_lists_in_body", &text("nested_lists_in_body"));
    expect_limit("billion_laughs", &text("billion_laughs"));
    let mut options = wikimd::ParseOptions::default();
    options.limits.max_yaml_nodes = 1000;
    let err = wikimd::parse_with(&text("many_fields"), &options).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::LimitExceeded {
            what: "number of front matter values",
            limit: 1000
        }
    );
    options.limits.max_document_bytes = 10;
    let err = wikimd::parse_with("this is more than ten bytes", &options).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::LimitExceeded {
            what: "document size in bytes",
            ..
        }
    ));
}

#[test]
fn other_hostile_inputs_parse() {
    let cases = cases();
    let parse = |name: &str| {
        wikimd::parse_bytes(&cases.iter().find(|c| c.0 == name).unwrap().1).map(|d| d.into_owned())
    };
    assert_eq!(parse("headings").unwrap().sections().len(), 500_001);
    assert_eq!(
        parse("long_line_body").unwrap().sections()[0]
            .paragraphs()
            .count(),
        1
    );
    assert!(parse("long_line_front_matter").unwrap().title().is_some());
    assert_eq!(parse("bom").unwrap().title().unwrap(), "A");
    let crlf = parse("crlf").unwrap();
    assert_eq!(crlf.infoboxes()[0].get("a").unwrap().text(), "b");
    assert_eq!(crlf.sections()[1].lists().count(), 1);
    assert_eq!(crlf.sections()[1].paragraphs().next().unwrap().text(), "y");
    assert_eq!(parse("nul_bytes").unwrap().title().unwrap(), "a\0b");
    assert!(parse("empty").unwrap().front_matter().is_none());
    assert_eq!(parse("many_fields").unwrap().infoboxes()[0].len(), 100_000);
    let err = parse("binary_garbage").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8);
    let err = parse("tabs_in_indentation").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Yaml { .. }), "{err}");
    assert_eq!(err.line(), 3, "{err}");
    let err = parse("duplicate_keys").unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::DuplicateKey {
            key: "title".into()
        }
    );
    for name in ["only_dashes", "only_dashes_and_newline"] {
        let err = parse(name).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::UnclosedFrontMatter, "{name}");
    }
}

#[test]
fn the_command_never_crashes_on_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    for (name, input) in cases() {
        let path = dir.path().join(format!("{name}.md"));
        std::fs::write(&path, &input).unwrap();
        for args in [&["parse"][..], &["check"], &["repair"]] {
            let output = Command::cargo_bin("wikimd")
                .unwrap()
                .args(args)
                .arg(&path)
                .output()
                .unwrap();
            let code = output.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{name} {args:?}: {code:?} {}",
                String::from_utf8_lossy(&output.stderr)
            );
            if code == Some(1) {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let stdout = String::from_utf8_lossy(&output.stdout);
                let report = if args[0] == "check" { stdout } else { stderr };
                assert!(
                    report.contains(&format!("{name}.md:")),
                    "{name} {args:?}: {report}"
                );
            }
        }
    }
}
