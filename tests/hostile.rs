//! Hostile input: every case gives a result or a clear error with a position, never a
//! panic, a stack overflow, an out-of-memory or a hang (the command's answers to them are
//! tested in `cli/tests/hostile.rs`).

mod common;

use common::hostile::cases;
use wikimd::ErrorKind;

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
