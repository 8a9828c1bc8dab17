//! The body contract (`tests/corpus/CONTRACT.md`) on constructs the corpus rarely shows:
//! the reproducers of issue #17, each with the JSON the contract gives.

use serde_json::{json, Value};

/// The lead section's JSON for a body (no front matter), keeping only non-empty keys.
fn lead(body: &str) -> Value {
    let doc = wikimd::parse(body).unwrap();
    let json = serde_json::to_value(&doc).unwrap();
    let mut lead = json["sections"][0].clone();
    let object = lead.as_object_mut().unwrap();
    object.retain(|_, v| v.as_array().is_some_and(|a| !a.is_empty()));
    lead
}

const REDIRECT: &str = "https://wikipedia.org/wiki/Special:Redirect/file/";

/// D. `file` is `null` for a name that does not decode: a bad escape, bytes that are not
/// UTF-8, a `?` in the name, an empty name.
#[test]
fn d_figure_file_is_null_when_the_name_does_not_decode() {
    for name in [
        "A%ZZ.jpg?",
        "Caf%E9.jpg?",
        "C.jpg??",
        "?",
        "A%2.jpg?",
        "A%.jpg?",
    ] {
        let url = format!("{REDIRECT}{name}");
        assert_eq!(
            lead(&format!("![a]({url})\n")),
            json!({"figures": [{"alt": "a", "url": url, "file": null}]}),
            "{name}"
        );
    }
    // What decodes still does, `+` kept.
    let url = format!("{REDIRECT}Caf%C3%A9+1.jpg?");
    assert_eq!(
        lead(&format!("![a]({url})\n")),
        json!({"figures": [{"alt": "a", "url": url, "file": "Café+1.jpg"}]})
    );
}

/// E. Only a line that is exactly one image is a figure: a linked (or emphasised) image is
/// the paragraph's text.
#[test]
fn e_a_linked_image_line_is_not_a_figure() {
    let image = format!("![a]({REDIRECT}A.jpg?)");
    for line in [
        format!("[{image}](https://e.org)"),
        format!("*{image}*"),
        format!("**{image}**"),
    ] {
        assert_eq!(
            lead(&format!("{line}\n")),
            json!({"paragraphs": ["a"]}),
            "{line}"
        );
    }
    // Beside a linked image, a line that is one image is still a figure.
    let body = format!("[{image}](https://e.org)\n{image}\n");
    assert_eq!(
        lead(&body),
        json!({"paragraphs": ["a"], "figures": [{"alt": "a", "url": format!("{REDIRECT}A.jpg?"), "file": "A.jpg"}]})
    );
}

/// A. Code blocks outside list items are dropped: fenced (closed or not), indented by four
/// spaces or a tab, a heading indented into code, a fence after a list item.
#[test]
fn a_top_level_code_blocks_are_dropped() {
    for body in [
        "a\n\n```\nb\n```\n\n    c\n",
        "a\n\n\tc\n",
        "a\n\n```\nb\n",
        "a\n\n~~~ rust\nb\n~~~\n",
        "a\n\n    ## x\n",
        "> a\n>\n>     b\n",
    ] {
        assert_eq!(lead(body), json!({"paragraphs": ["a"]}), "{body:?}");
    }
    assert_eq!(
        lead(" * a\n```\nb\n```\n"),
        json!({"lists": [["a"]]}),
        "a fence after a list item"
    );
    // Inside a list item, code is part of the item's text, as before.
    assert_eq!(
        lead(" * a\n\n   ```\n   code\n   ```\n"),
        json!({"lists": [["a code"]]})
    );
    // The blocks around a code block are unchanged by it.
    let around = "a\n\n b\n\n * c\n";
    let with_code = "a\n\n```\nx\n```\n\n b\n\n * c\n";
    assert_eq!(lead(around), lead(with_code));
}

/// F. Reference definitions are document-wide: one defined before or after the list rule
/// splits the body still resolves links and images, whatever the label's case and spaces.
#[test]
fn f_reference_definitions_are_document_global() {
    assert_eq!(
        lead("[x]: https://e.org\n\n * a\nb\n\n[y][x]\n"),
        json!({"paragraphs": ["b", "y"], "lists": [["a"]]})
    );
    assert_eq!(
        lead(" * a\nb\n\n[y][x] ![i][x] [X]\n\n * c\nd\n\n[x]: https://e.org\n"),
        json!({"paragraphs": ["b", "y i X", "d"], "lists": [["a"], ["c"]]})
    );
    assert_eq!(
        lead("[x]: <https://e.org> \"T\"\n * a\nb\n\n[Y][ X ]\n"),
        json!({"paragraphs": ["b", "Y"], "lists": [["a"]]})
    );
    // An undefined reference stays text; a definition cannot interrupt a paragraph.
    assert_eq!(
        lead(" * a\nb\n\n[y][z]\n"),
        json!({"paragraphs": ["b", "[y][z]"], "lists": [["a"]]})
    );
    assert_eq!(
        lead("t\n[x]: https://e.org\n\n * a\nb\n\n[y][x]\n"),
        json!({"paragraphs": ["t [x]: https://e.org", "b", "[y][x]"], "lists": [["a"]]})
    );
    // Nor does a definition-like line in fenced code, with blank lines around it, define
    // anything (it was read on its own paragraph).
    for fence in ["```", "~~~", "  ````"] {
        let body = format!("{fence}\n\n[x]: https://e.org\n\n{fence}\n\n[y][x] [x]\n");
        assert_eq!(
            lead(&body),
            json!({"paragraphs": ["[y][x] [x]"]}),
            "{body:?}"
        );
    }
}

/// B. A line that starts with a tag or a comment is paragraph text: no HTML blocks. A
/// `<div>` line no longer swallows the list after it, nor `<pre>` a blank line.
#[test]
fn b_lines_that_start_with_a_tag_are_text() {
    assert_eq!(
        lead("a\n<div>b</div>\n\n<br/>\n**c**\n\n<!--\nd\n\ne\n-->\n"),
        json!({"paragraphs": ["a <div>b</div>", "<br/> c", "<!-- d", "e -->"]})
    );
    assert_eq!(
        lead("<div>\n * a\n * b\n\n</div>\n"),
        json!({"paragraphs": ["<div>", "</div>"], "lists": [["a", "b"]]})
    );
    assert_eq!(
        lead("<pre>\nx\n\ny\n</pre>\n"),
        json!({"paragraphs": ["<pre> x", "y </pre>"]})
    );
    assert_eq!(
        lead("<?php x ?>\n\n<![CDATA[ y ]]>\n\n<!DOCTYPE html>\n"),
        json!({"paragraphs": ["<?php x ?>", "<![CDATA[ y ]]>", "<!DOCTYPE html>"]})
    );
}

/// C. Inline tags are text like any other: entities decoded and emphasis read inside them.
/// Autolinks, code spans and destinations in angle brackets are what they were.
#[test]
fn c_inline_html_is_text() {
    assert_eq!(
        lead("a <abbr title=\"x &amp; y\">b</abbr> <!-- **c** -->\n"),
        json!({"paragraphs": ["a <abbr title=\"x & y\">b</abbr> <!-- c -->"]})
    );
    assert_eq!(
        lead("see <https://e.org>, <a@b.org>, `<b>`, [l](<u v>) and a*<i>x</i>*\n"),
        json!({"paragraphs": ["see https://e.org, a@b.org, <b>, l and a*<i>x</i>*"]})
    );
    // In a list item and a table cell too.
    assert_eq!(
        lead(" * <b>x</b> &amp; *y*\n"),
        json!({"lists": [["<b>x</b> & y"]]})
    );
    assert_eq!(
        lead("| <b>h</b> |\n|---|\n| x &amp; <i>y</i> |\n"),
        json!({"tables": [{"header": ["<b>h</b>"], "rows": [["x & <i>y</i>"]]}]})
    );
}

/// G. A tab is four columns: it indents a lazy-looking line enough to go on a list item, and
/// `\t* b` is indented code (dropped), not a list item.
#[test]
fn g_a_tab_is_four_columns() {
    assert_eq!(lead(" * a\n\tb\n"), json!({"lists": [["a b"]]}));
    assert_eq!(lead("\t* b\n"), json!({}));
    assert_eq!(
        lead(" * a\n\t* b\n"),
        json!({"lists": [["a b"]]}),
        "a nested item"
    );
    assert_eq!(lead("a\n\n\t* b\n"), json!({"paragraphs": ["a"]}));
    // Two spaces and a tab: still four columns.
    assert_eq!(lead(" * a\n  \tb\n"), json!({"lists": [["a b"]]}));
}

/// H. A line indented for the outer item but not for an inner one goes on the item (the
/// format's own ` * 1) a` form too); the list rule ends the list before a line indented
/// less than the outer item's content.
#[test]
fn h_a_lazy_line_of_a_nested_item() {
    assert_eq!(
        lead(" * 1) a\n   b\n * 2) c\n"),
        json!({"lists": [["a b", "c"]]})
    );
    assert_eq!(
        lead("- a\n  - b\n  c\nd\n"),
        json!({"paragraphs": ["d"], "lists": [["a b c"]]})
    );
}

/// I. The list rule applies inside block quotes: a line without the quote's `>`, or with it
/// but indented less than the item's content, ends the list; a proper continuation does not.
#[test]
fn i_the_list_rule_inside_block_quotes() {
    assert_eq!(
        lead("> * a\nb\n"),
        json!({"paragraphs": ["b"], "lists": [["a"]]})
    );
    assert_eq!(
        lead("> * a\n> b\n"),
        json!({"paragraphs": ["b"], "lists": [["a"]]})
    );
    assert_eq!(lead("> * a\n>   b\n"), json!({"lists": [["a b"]]}));
    assert_eq!(lead("> > * a\n> >   b\n"), json!({"lists": [["a b"]]}));
    // A quote inside an item: the item's indentation is what counts.
    assert_eq!(lead(" * > a\n   b\n"), json!({"lists": [["a b"]]}));
    // Strict CommonMark keeps the lazy line in the item.
    let mut options = wikimd::ParseOptions::default();
    options.list_end = wikimd::ListEnd::CommonMark;
    let doc = wikimd::parse_with("> * a\nb\n", &options).unwrap();
    assert_eq!(
        doc.sections()[0].lists().next().unwrap().items()[0].text(),
        "a b"
    );
}

/// J. A tab in a table's delimiter row: GFM reads a table (pulldown-cmark 0.13 does not).
#[test]
fn j_a_tab_in_the_delimiter_row() {
    let table = json!({"tables": [{"header": ["a", "b"], "rows": [["c", "d"]]}]});
    for body in [
        "| a | b |\n| --- | --- |\t\n| c | d |\n",
        "| a | b |\n|\t---\t|\t---\t|\n| c | d |\n",
        "a\t|\tb\n---\t|\t---\nc | d\n",
        "| a | b |\r\n| --- | --- |\t\r\n| c | d |\r\n",
    ] {
        assert_eq!(lead(body), table, "{body:?}");
    }
    // Tabs elsewhere are kept where they matter: indentation makes code.
    assert_eq!(
        lead("x\n\n\t| a |\n\t| --- |\n"),
        json!({"paragraphs": ["x"]})
    );
}

/// K. A `<` that opens no HTML is text, and what follows it is read as it would be after
/// any other punctuation: `<!` before an image, `<!`, `</` and `<?` before an emphasis.
/// (Found against markdown-it, the contract's reader, with `tests/markdown_it/`: the byte
/// after each such `<` was masked from pulldown-cmark as if it opened HTML, and a masked
/// `!` or `/` reads as a letter.) Both paths.
#[test]
fn k_a_less_than_sign_that_opens_no_html() {
    let general = |body: &str| {
        let options = wikimd::ParseOptions::default();
        let doc = wikimd::parse_with_general_body(body, &options).unwrap();
        let json = serde_json::to_value(&doc).unwrap();
        json["sections"][0]["paragraphs"].clone()
    };
    for (body, paragraph) in [
        ("a <![i](u) b\n", "a <i b"),
        ("<![i](u) b\n", "<i b"),
        ("a <!_b_ c\n", "a <!b c"),
        ("a </_b_ c\n", "a </b c"),
        ("a <?_b_ c\n", "a <?b c"),
        ("a <!**b** c\n", "a <!b c"),
        // What opens HTML for pulldown-cmark is masked as before: a comment, a CDATA
        // section, a declaration, a processing instruction with its end, a closing tag.
        ("a <!-- *b* --> c\n", "a <!-- b --> c"),
        ("a <![CDATA[ *b* ]]> c\n", "a <![CDATA[ b ]]> c"),
        ("a <!X *b*> c\n", "a <!X b> c"),
        ("a <?x *b* ?> c\n", "a <?x b ?> c"),
        ("a </x *b*> c\n", "a </x b> c"),
    ] {
        assert_eq!(lead(body), json!({"paragraphs": [paragraph]}), "{body:?}");
        assert_eq!(general(body), json!([paragraph]), "{body:?}");
    }
    // A `<?` where a line's text starts (here, in a quote) would open an HTML block that
    // runs to the quote's end: masked, so that the blank line still ends the paragraph.
    assert_eq!(lead("> <?x\n>\n> b\n"), json!({"paragraphs": ["<?x", "b"]}));
}
