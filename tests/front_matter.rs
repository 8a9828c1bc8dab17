//! The front matter: concrete facts about the sample, YAML styles, and errors.

use wikimd::{ErrorKind, LinkKind, ScalarKind};

const SAMPLE: &str = include_str!("corpus/sample/operation-serval.clean.md");

#[test]
fn sample_has_two_infoboxes_with_fields_in_order() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let infoboxes = doc.infoboxes();
    assert_eq!(infoboxes.len(), 2);
    let names: Vec<String> = infoboxes[0]
        .fields()
        .map(|(n, _)| n.decode().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "partof",
            "date",
            "image",
            "caption",
            "place",
            "result",
            "combatant1",
            "combatant2",
            "commander1",
            "commander2",
            "strength1",
            "strength2",
            "casualties1",
            "casualties2"
        ]
    );
    assert_eq!(
        infoboxes[1].get("strength2").unwrap().text(),
        "20, 2 pickup trucks"
    );
}

#[test]
fn sample_field_links() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let commander1 = doc.infoboxes()[0].get("commander1").unwrap();
    let links = commander1.links();
    assert_eq!(links.len(), 12);
    assert_eq!(links[0].kind(), LinkKind::Internal);
    assert_eq!(links[0].page().unwrap(), "france");
    assert_eq!(links[0].display_text().unwrap(), "🇫🇷");
    assert_eq!(links[1].page().unwrap(), "François Hollande");
    assert_eq!(links[1].text(), None);
    assert_eq!(links[1].display_text().unwrap(), "François Hollande");
    assert_eq!(
        links[3].anchor().unwrap(),
        "Officiers généraux – Flag officers"
    );
    assert_eq!(links[3].text().unwrap(), "ADM.");
    let partof = doc.infoboxes()[0].get("partof").unwrap();
    let pages: Vec<_> = partof
        .links()
        .iter()
        .map(|l| l.page().unwrap().decode().into_owned())
        .collect();
    assert_eq!(pages, ["Mali War", "Islamist insurgency in the Sahel"]);
}

#[test]
fn sample_block_scalars_decode_exactly() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let infobox = &doc.infoboxes()[0];
    // `|-` literal block: line breaks kept, no final newline.
    assert_eq!(
        infobox.get("image").unwrap().text(),
        "Life-of-a-mission-supporting-french-fighter-aircraft.jpg\n\nFrench troops in Bamako.PNG"
    );
    // `>-` folded block: lines joined with spaces, a blank line kept as one newline.
    assert_eq!(
        infobox.get("caption").unwrap().text(),
        "(Top) A French Dassault Rafale of squadron 2/92 \"Aquitaine\" refuels from a KC-135 \
         Stratotanker over Africa on 17 March 2013.\n(Bottom) French troops arriving in Bamako."
    );
    let italic: Vec<_> = infobox
        .get("caption")
        .unwrap()
        .formatting()
        .unwrap()
        .italic()
        .iter()
        .map(|s| s.decode().into_owned())
        .collect();
    assert_eq!(italic, ["(Top)", "(Bottom)"]);
    // A plain scalar folded over lines.
    assert!(doc.description().unwrap().decode().starts_with(
        "Operation Serval (Opération Serval) was a French military operation in Mali. The aim"
    ));
    assert_eq!(
        doc.short_description().unwrap(),
        "French military operation in Mali"
    );
    assert_eq!(doc.author().unwrap(), "Wikipedia");
}

#[test]
fn sample_spans_slice_back_to_the_raw_values() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    assert_eq!(&SAMPLE[doc.title().unwrap().span()], "Operation Serval");
    let strength = doc.infoboxes()[1].get("strength2").unwrap();
    assert_eq!(
        &SAMPLE[strength.text_value().unwrap().span()],
        "20, 2 pickup trucks"
    );
    let image = doc.infoboxes()[0]
        .get("image")
        .unwrap()
        .text_value()
        .unwrap();
    assert!(SAMPLE[image.span()].starts_with("|-\n        Life-of-a-mission"));
    let link = &doc.infoboxes()[0].get("place").unwrap().links()[0];
    assert_eq!(&SAMPLE[link.page().unwrap().span()], "Mali");
    assert!(SAMPLE[link.span()].starts_with("type: internal"));
    let description = doc.description().unwrap();
    assert!(SAMPLE[description.span()].ends_with("military assistance."));
    // Line and column on demand.
    let position = wikimd::Position::of(SAMPLE, doc.title().unwrap().span().start);
    assert_eq!((position.line, position.column), (355, 8));
    assert_eq!(&SAMPLE[doc.body_span()], doc.body());
    assert!(doc.body().starts_with("\n**Operation Serval**"));
}

#[test]
fn decoding_borrows_when_it_can() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    assert!(doc.title().unwrap().as_str().is_some());
    assert!(doc.description().unwrap().needs_decoding());
}

#[test]
fn yaml_1_2_core_schema() {
    let input = "---\na: yes\nb: No\nc: 1:38.232\nd: Off\ne: 2008\nf: 2.5\ng: ~\nh: null\ni:\nj: true\nk: \"2008\"\nl: 0x1F\nm: .inf\nn: -7\no: 1e3\np: 12abc\nq: 065713\nr: -007\ns: 0\n---\n";
    let doc = wikimd::parse(input).unwrap();
    let kind = |k: &str| {
        doc.front_matter_value(k)
            .unwrap()
            .as_scalar()
            .unwrap()
            .kind()
    };
    // Leading zeros make a code, not a number (as the general YAML parser reads them).
    for key in ["a", "b", "c", "d", "k", "p", "q", "r"] {
        assert_eq!(kind(key), ScalarKind::String, "{key}");
    }
    assert_eq!(kind("s"), ScalarKind::Int(0));
    assert_eq!(kind("e"), ScalarKind::Int(2008));
    assert_eq!(kind("f"), ScalarKind::Float(2.5));
    assert_eq!(kind("g"), ScalarKind::Null);
    assert_eq!(kind("h"), ScalarKind::Null);
    assert_eq!(kind("i"), ScalarKind::Null);
    assert_eq!(kind("j"), ScalarKind::Bool(true));
    assert_eq!(kind("l"), ScalarKind::Int(31));
    assert_eq!(kind("m"), ScalarKind::Float(f64::INFINITY));
    assert_eq!(kind("n"), ScalarKind::Int(-7));
    assert_eq!(kind("o"), ScalarKind::Float(1000.0));
}

#[test]
fn quoted_and_block_scalars() {
    let input = concat!(
        "---\n",
        "single: 'It''s a\n  folded line'\n",
        "double: \"tab\\there \\\"q\\\" \\u00e9\\\n  joined\"\n",
        "literal: |\n  keep\n    indented\n\n",
        "folded: >\n  a\n  b\n\n  c\n",
        "keep: |+\n  x\n\n",
        "empty_list: []\n",
        "empty_map: {}\n",
        "chief town: spaces in keys # and a comment\n",
        "---\n"
    );
    let doc = wikimd::parse(input).unwrap();
    let text = |k: &str| {
        doc.front_matter_value(k)
            .unwrap()
            .as_scalar()
            .unwrap()
            .decode()
            .into_owned()
    };
    assert_eq!(text("single"), "It's a folded line");
    assert_eq!(text("double"), "tab\there \"q\" éjoined");
    assert_eq!(text("literal"), "keep\n  indented\n");
    assert_eq!(text("folded"), "a b\nc\n");
    assert_eq!(text("keep"), "x\n\n");
    assert_eq!(text("chief town"), "spaces in keys");
    assert!(doc
        .front_matter_value("empty_list")
        .unwrap()
        .as_sequence()
        .unwrap()
        .items()
        .is_empty());
    assert!(doc
        .front_matter_value("empty_map")
        .unwrap()
        .as_mapping()
        .unwrap()
        .is_empty());
}

#[test]
fn link_kinds_are_read_from_the_type_as_decoded() {
    let input = "---\ninfoboxes:\n  - f:\n      text: x\n      links:\n\
        \x20       - type: internal\n\
        \x20       - type: \"external\"\n\
        \x20       - type: \"interwik\\x69\"\n\
        \x20       - type: 'inter''wiki'\n\
        \x20       - type: ~\n\
        \x20       - type: 5\n\
        \x20       - page: No type\n---\n";
    let doc = wikimd::parse(input).unwrap();
    let kinds: Vec<LinkKind> = doc.infoboxes()[0]
        .get("f")
        .unwrap()
        .links()
        .iter()
        .map(|l| l.kind())
        .collect();
    use LinkKind::*;
    assert_eq!(
        kinds,
        [Internal, External, Interwiki, Other, Other, Other, Other]
    );
}

#[test]
fn unknown_keys_are_kept_in_order() {
    let input = "---\nzeta: 1\ntitle: T\nalpha:\n  - x\n  - y: 2\n---\n";
    let doc = wikimd::parse(input).unwrap();
    let other: Vec<_> = doc
        .front_matter()
        .unwrap()
        .other()
        .entries()
        .iter()
        .map(|(k, _)| k.decode().into_owned())
        .collect();
    assert_eq!(other, ["zeta", "alpha"]);
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["alpha"], serde_json::json!(["x", {"y": 2}]));
    assert_eq!(json["zeta"], 1);
}

#[test]
fn yaml_the_scanner_does_not_read_falls_back_and_still_parses() {
    let input = "---\nbase: &b\n  text: shared\ninfoboxes:\n  - date: *b\n    place: !!map {text: Mali}\ntitle: !custom T\nlist: [a, b, {c: d}]\n---\n";
    let doc = wikimd::parse(input).unwrap();
    assert_eq!(doc.infoboxes()[0].get("date").unwrap().text(), "shared");
    assert_eq!(doc.infoboxes()[0].get("place").unwrap().text(), "Mali");
    assert_eq!(doc.title().unwrap(), "T");
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["list"], serde_json::json!(["a", "b", {"c": "d"}]));
}

#[test]
fn numbers_read_by_the_fallback_keep_their_kind() {
    // An alias sends the whole front matter to the general parser, which gives owned
    // values; their meaning must be the one the scanner would give.
    use wikimd::ScalarKind;
    let input = "---\nbase: &b x\ncopy: *b\nf: 2.0\ng: 1.0e18\nh: -.inf\ni: .nan\nj: 7\nk: 18446744073709551615\nl: true\nm: ~\nn: '7'\n---\n";
    let doc = wikimd::parse(input).unwrap();
    let kind = |key: &str| {
        doc.front_matter_value(key)
            .unwrap()
            .as_scalar()
            .unwrap()
            .kind()
    };
    assert_eq!(kind("f"), ScalarKind::Float(2.0));
    assert_eq!(kind("g"), ScalarKind::Float(1.0e18));
    assert_eq!(kind("h"), ScalarKind::Float(f64::NEG_INFINITY));
    assert!(matches!(kind("i"), ScalarKind::Float(f) if f.is_nan()));
    assert_eq!(kind("j"), ScalarKind::Int(7));
    assert_eq!(kind("k"), ScalarKind::Float(18446744073709551615.0));
    assert_eq!(kind("l"), ScalarKind::Bool(true));
    assert_eq!(kind("m"), ScalarKind::Null);
    assert_eq!(kind("n"), ScalarKind::String);
}

#[test]
fn c1_controls_are_accepted_in_values() {
    let input = "---\ntitle: \"Å\u{81}Ã³dÅº\"\ndescription: plain Å\u{8d} text\n---\n";
    let doc = wikimd::parse(input).unwrap();
    assert_eq!(doc.title().unwrap(), "Å\u{81}Ã³dÅº");
    assert_eq!(doc.description().unwrap(), "plain Å\u{8d} text");
}

#[test]
fn body_only_document() {
    let doc = wikimd::parse("Just text.\n\n## A\n").unwrap();
    assert!(doc.front_matter().is_none());
    assert!(doc.infoboxes().is_empty());
    assert_eq!(doc.sections().len(), 2);
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 1, "only `sections`");
}

#[test]
fn front_matter_of_only_dashes() {
    let doc = wikimd::parse("---\n---\n").unwrap();
    assert!(doc.front_matter().unwrap().other().is_empty());
    let doc = wikimd::parse("---\n---").unwrap();
    assert!(doc.front_matter().is_some());
}

#[test]
fn bom_and_crlf() {
    let input =
        "\u{feff}---\r\ntitle: CRLF\r\ndescription: >-\r\n  a\r\n  b\r\n---\r\n\r\nBody\r\n";
    let doc = wikimd::parse(input).unwrap();
    assert_eq!(doc.title().unwrap(), "CRLF");
    assert_eq!(doc.description().unwrap(), "a b");
    assert_eq!(
        doc.sections()[0].paragraphs().next().unwrap().text(),
        "Body"
    );
}

#[test]
fn a_closing_line_inside_the_body_does_not_matter() {
    let doc = wikimd::parse("---\ntitle: A\n---\n\nText\n\n---\n\nMore").unwrap();
    assert_eq!(doc.title().unwrap(), "A");
    assert_eq!(doc.sections()[0].paragraphs().count(), 2);
}

fn error(input: &str) -> wikimd::Error {
    wikimd::parse(input).expect_err(input)
}

#[test]
fn unclosed_front_matter_points_at_line_1() {
    let err = error("---\ntitle: A\n\nbody");
    assert_eq!(err.kind(), &ErrorKind::UnclosedFrontMatter);
    assert_eq!((err.line(), err.column(), err.offset()), (1, 1, 0));
    assert!(err.to_string().contains("never closed"), "{err}");
}

#[test]
fn wrong_types_name_the_key_and_position() {
    let err = error("---\ntitle: A\ninfoboxes: 5\n---\n");
    assert_eq!(
        err.kind(),
        &ErrorKind::WrongType {
            key: "infoboxes".into(),
            expected: "a list of infoboxes",
            found: "a number"
        }
    );
    assert_eq!((err.line(), err.column()), (3, 12));

    let err = error("---\ninfoboxes:\n  - date:\n      text: x\n      links: notalist\n---\n");
    assert_eq!(
        err.kind(),
        &ErrorKind::WrongType {
            key: "infoboxes[0].date.links".into(),
            expected: "a list of links",
            found: "a string"
        }
    );
    assert_eq!((err.line(), err.column()), (5, 14));
    assert_eq!(
        err.to_string(),
        "5:14: `infoboxes[0].date.links`: expected a list of links, found a string (byte 52)"
    );

    let err = error("---\ntitle:\n  - a\n---\n");
    assert!(matches!(err.kind(), ErrorKind::WrongType { key, .. } if key == "title"));
    let err = error("---\ninfoboxes:\n  - date: plain\n---\n");
    assert!(matches!(err.kind(), ErrorKind::WrongType { key, .. } if key == "infoboxes[0].date"));
}

#[test]
fn malformed_yaml_is_an_error_with_a_position() {
    for (input, line) in [
        ("---\ntitle: \"unterminated\n---\n", 2),
        ("---\ntitle: a\n  bad: indentation: here\n---\n", 3),
        ("---\nkey: [unclosed\n---\n", 3),
        ("---\n\tkey: tab\n---\n", 2),
        ("---\nkey: \"bad \\q escape\"\n---\n", 2),
    ] {
        let err = error(input);
        assert!(
            matches!(err.kind(), ErrorKind::Yaml { .. }),
            "{input:?}: {err}"
        );
        assert_eq!(err.line(), line, "{input:?}: {err}");
    }
}

#[test]
fn duplicate_keys_are_an_error() {
    let err = error("---\ntitle: a\ntitle: b\n---\n");
    assert_eq!(
        err.kind(),
        &ErrorKind::DuplicateKey {
            key: "title".into()
        }
    );
    assert_eq!(err.line(), 3);
}

#[test]
fn duplicate_keys_are_found_at_every_level() {
    // The typed model checks its own keys as it reads them; every level must still say
    // which key is written twice, and where.
    for (input, key, line) in [
        ("---\ninfoboxes: []\ninfoboxes: []\n---\n", "infoboxes", 3),
        ("---\ninfoboxes:\ninfoboxes: []\n---\n", "infoboxes", 3),
        ("---\nx: 1\ny: 2\nx: 3\n---\n", "x", 4),
        (
            "---\ninfoboxes:\n  - a:\n      text: x\n    a:\n      text: y\n---\n",
            "a",
            5,
        ),
        (
            "---\ninfoboxes:\n  - a:\n      text: x\n      text: y\n---\n",
            "text",
            5,
        ),
        (
            "---\ninfoboxes:\n  - a:\n      links:\n        - page: P\n          page: Q\n---\n",
            "page",
            6,
        ),
        (
            "---\ninfoboxes:\n  - a:\n      links:\n        - site: s\n          site: t\n---\n",
            "site",
            6,
        ),
        (
            "---\ninfoboxes:\n  - a:\n      links:\n        - k: 1\n          k: 2\n---\n",
            "k",
            6,
        ),
        (
            "---\ninfoboxes:\n  - a:\n      formatting:\n        bold: []\n        bold: []\n---\n",
            "bold",
            6,
        ),
        ("---\nother:\n  deep:\n    k: 1\n    k: 2\n---\n", "k", 5),
    ] {
        let err = error(input);
        assert_eq!(
            err.kind(),
            &ErrorKind::DuplicateKey { key: key.into() },
            "{input:?}"
        );
        assert_eq!(err.line(), line, "{input:?}");
    }
    // Many keys: the check does not grow quadratically and still finds the repeat.
    let mut input = String::from("---\n");
    for i in 0..1000 {
        input.push_str(&format!("k{i}: v\n"));
    }
    input.push_str("k500: again\n---\n");
    assert_eq!(
        error(&input).kind(),
        &ErrorKind::DuplicateKey { key: "k500".into() }
    );
}

#[test]
fn front_matter_that_is_not_a_mapping() {
    let err = error("---\n- a\n- b\n---\n");
    assert_eq!(
        err.kind(),
        &ErrorKind::FrontMatterNotMapping { found: "a list" }
    );
}

#[test]
fn into_owned_outlives_the_input() {
    let owned: wikimd::Document<'static> = {
        let text = SAMPLE.to_string();
        let doc = wikimd::parse(&text).unwrap();
        let expected = serde_json::to_value(&doc).unwrap();
        let owned = doc.into_owned();
        assert_eq!(serde_json::to_value(&owned).unwrap(), expected);
        owned
    };
    assert_eq!(owned.title().unwrap(), "Operation Serval");
    assert_eq!(
        owned.infoboxes()[0].get("date").unwrap().text(),
        "11 January 2013 – 15 July 2014"
    );
}

#[test]
fn scalars_mean_what_the_general_parser_reads() {
    // The scanner resolves plain scalars as yaml_serde does (fuzzing compared them): every
    // form of number, null and boolean, and the near misses that stay strings.
    let values = [
        "-0xa08",
        "0x1F",
        "+0x1F",
        "-0o17",
        "0b101",
        "-0b11",
        "0xFFFFFFFFFFFFFFFF",
        "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
        "-0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
        "-0x80000000000000000000000000000000",
        "++5",
        "+-5",
        "-5",
        "--5",
        "5-3",
        "-0",
        "-00",
        "065",
        "0",
        "1.",
        "1.5",
        ".5",
        "+.5",
        "-.5",
        "1e5",
        "1E-5",
        "inf",
        "infinity",
        "nan",
        "NaN",
        ".inf",
        "+.inf",
        "-.inf",
        ".nan",
        "+.nan",
        "1_000",
        "12345678901234567890",
        "123456789012345678901234567890",
        "1234567890123456789012345678901234567890123",
        "0x",
        "0x+1",
        "+",
        ".",
        "e5",
        "1e",
        "0.0",
        "-0.0",
        "00.5",
        "0.5e3",
        "+0",
        "0o",
        "0o8",
        "1e400",
        "~",
        "null",
        "Null",
        "NULL",
        "nULL",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "yes",
        "no",
        "on",
        "off",
    ];
    let mut input = String::from("---\n");
    for (i, v) in values.iter().enumerate() {
        input.push_str(&format!("k{i}: {v}\n"));
    }
    input.push_str("---\n");
    let fast = serde_json::to_value(wikimd::parse_front_matter(&input).unwrap().unwrap()).unwrap();
    let general =
        serde_json::to_value(wikimd::parse_front_matter_general(&input).unwrap().unwrap()).unwrap();
    for (i, v) in values.iter().enumerate() {
        let key = format!("k{i}");
        // NaN is never equal to itself: compare what it prints.
        assert_eq!(fast[&key].to_string(), general[&key].to_string(), "{v}");
    }
    assert_eq!(fast["k0"], serde_json::json!(-2568));
}

#[test]
fn keys_that_end_their_line_read_as_the_general_parser_reads() {
    // `key:` at the end of its line: a nested block, or null (the scanner goes straight
    // to the next line). Each front matter read by the scanner and by the general parser.
    let cases = [
        "empty:\n",
        "empty:",
        "empty:\nnext: x\n",
        "empty:\n\n\nnext: x\n",
        "empty:\n# a comment\nnext: x\n",
        "nested:\n  a: 1\n  b:\n    c: d\n",
        "nested:\n\n  # c\n  a: 1\n",
        "list:\n- a\n- b\n",
        "list:\n  - a\n  -\n  - c:\n",
        "infoboxes:\n  - f:\n      text: x\n      links:\n        - type: internal\n          page: P\n    g:\n      text: y\n",
        "empty: \nnext:\t\nlast:   # c\n",
    ];
    for yaml in cases {
        let input = format!("---\n{yaml}\n---\nbody\n");
        let json = |fm: Option<wikimd::FrontMatter<'_>>| serde_json::to_value(fm.unwrap()).unwrap();
        let fast = wikimd::parse_front_matter(&input).map(json);
        let general = wikimd::parse_front_matter_general(&input).map(json);
        match (fast, general) {
            (Ok(fast), Ok(general)) => assert_eq!(fast, general, "{yaml:?}"),
            // (The general parser's values have no spans of their own.)
            (Err(fast), Err(general)) => assert_eq!(fast.kind(), general.kind(), "{yaml:?}"),
            (fast, general) => panic!("{yaml:?}: {fast:?} against {general:?}"),
        }
    }
    // A field with no value: the error is where the value would be, after `f:`.
    let err = wikimd::parse_front_matter("---\ninfoboxes:\n  - f:\n    g:\n      text: y\n---\n")
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::WrongType { found: "null", .. }),
        "{err:?}"
    );
    assert_eq!((err.line(), err.column(), err.offset()), (3, 7, 21));
}

/// `parse` and `parse_front_matter` read the front matter where the caller keeps it; the
/// entry-by-entry reading, split first, returns it: the same front matter or the same
/// error, for the corpus's documents and for front matters the one-pass scanner gives up
/// on part of the way (read again the long way, into the same place), that are not
/// mappings, or that are wrong.
#[test]
fn a_front_matter_read_in_place_is_the_one_returned() {
    let mut inputs: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/clean"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
    let front_matters = [
        "title: T\ndescription: D\n",
        "title: T\nflow: {a: b, c: [d]}\n",
        "title: &t T\nother: *t\n",
        "title: T\nq: \"a\n---\nbody\"\n",
        "title: !!str T\n",
        "~\n",
        "",
        "- a\n- b\n",
        "just text\n",
        "title: T\ntitle: U\n",
        "infoboxes:\n  - f:\n      text: x\n    f:\n      text: y\n",
        "infoboxes:\n  - f:\n    g:\n      text: y\n",
        "title: T\ndescription: a long\n  folded text\nimg: x.png\nshortDescription: s\n",
    ];
    for yaml in front_matters {
        inputs.push(format!("---\n{yaml}---\n\nA body.\n"));
        inputs.push(format!("\u{FEFF}---\n{yaml}---\n# H\n"));
    }
    inputs.push("No front matter.\n".into());
    inputs.push("---\ntitle: unclosed\n".into());
    for input in &inputs {
        let returned = wikimd::parse_front_matter_entry_by_entry(input);
        let parsed = wikimd::parse(input).map(|d| d.front_matter().cloned());
        assert_eq!(parsed, returned, "{input:?}");
        assert_eq!(wikimd::parse_front_matter(input), returned, "{input:?}");
    }
}
