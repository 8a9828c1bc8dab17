//! The Markdown body: concrete facts about the sample and the format's rules.

use wikimd::{Block, ListEnd, ParseOptions};

const SAMPLE: &str = include_str!("corpus/sample/operation-serval.clean.md");

#[test]
fn sections_are_flat_in_document_order_with_the_lead_first() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let sections = doc.sections();
    assert_eq!((sections[0].level(), &*sections[0].title()), (0, ""));
    assert_eq!(
        (sections[1].level(), &*sections[1].title()),
        (2, "Background")
    );
    // Titles repeat; lookup finds the first.
    let external: Vec<_> = sections
        .iter()
        .filter(|s| s.title() == "External links")
        .collect();
    assert_eq!(external.len(), 2);
    assert!(std::ptr::eq(
        doc.section("External links").unwrap(),
        external[0]
    ));
    // Spans: headings slice back to their line.
    let heading = &SAMPLE[sections[1].heading_span()];
    assert_eq!(heading, "## Background");
}

#[test]
fn the_tree_nests_sections_by_level() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let tree = doc.section_tree();
    assert_eq!(tree[0].section().level(), 0);
    assert!(
        tree[0].subsections().is_empty(),
        "the lead is a root of its own"
    );
    let forces = tree
        .iter()
        .find(|n| n.section().title() == "Forces committed")
        .unwrap();
    let children: Vec<_> = forces
        .subsections()
        .iter()
        .map(|n| n.section().title().into_owned())
        .collect();
    assert_eq!(children, ["French Forces", "Allied nations"]);
    let france = forces
        .subsections()
        .iter()
        .find(|n| n.section().title() == "French Forces")
        .unwrap();
    let grandchildren: Vec<_> = france
        .subsections()
        .iter()
        .map(|n| n.section().title().into_owned())
        .collect();
    assert!(
        grandchildren.contains(&"French Army".to_string()),
        "{grandchildren:?}"
    );
    let count = |nodes: &[wikimd::SectionNode<'_, '_>]| -> usize {
        fn walk(nodes: &[wikimd::SectionNode<'_, '_>]) -> usize {
            nodes.iter().map(|n| 1 + walk(n.subsections())).sum()
        }
        walk(nodes)
    };
    assert_eq!(count(&tree), doc.sections().len());
}

#[test]
fn lists_end_where_the_writer_ended_them() {
    let doc = wikimd::parse(SAMPLE).unwrap();
    let gendarmerie = doc.section("National Gendarmerie").unwrap();
    let kinds: Vec<&str> = gendarmerie
        .blocks()
        .iter()
        .map(|b| match b {
            Block::List(_) => "list",
            Block::Paragraph(_) => "paragraph",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["list", "paragraph"]);
    let list = gendarmerie.lists().next().unwrap();
    assert_eq!(
        list.items()[1].text(),
        "21/9 Mobile Gendarmerie Squadron, one platoon"
    );

    // Strict CommonMark appends the paragraph to the last item.
    let mut options = ParseOptions::default();
    options.list_end = ListEnd::CommonMark;
    let strict = wikimd::parse_with(SAMPLE, &options).unwrap();
    let gendarmerie = strict.section("National Gendarmerie").unwrap();
    assert_eq!(gendarmerie.paragraphs().count(), 0);
    let last = gendarmerie.lists().next().unwrap().items()[1]
        .text()
        .into_owned();
    assert!(
        last.starts_with(
            "21/9 Mobile Gendarmerie Squadron, one platoon The French National Gendarmerie"
        ),
        "{last}"
    );
}

#[test]
fn rich_text_keeps_formatting_and_links() {
    let doc = wikimd::parse("Some **bold** and *italic* and a [link](https://example.org/x) here.")
        .unwrap();
    let p = doc.sections()[0].paragraphs().next().unwrap();
    assert_eq!(p.text(), "Some bold and italic and a link here.");
    assert_eq!(p.bold().collect::<Vec<_>>(), ["bold"]);
    assert_eq!(p.italic().collect::<Vec<_>>(), ["italic"]);
    assert_eq!(p.links()[0].url(), "https://example.org/x");
    assert_eq!(p.link_text(&p.links()[0]), "link");
    let input = "Some **bold** and *italic* and a [link](https://example.org/x) here.";
    assert_eq!(&input[p.styles()[0].span()], "**bold**");
    assert_eq!(&input[p.span()], input);
}

#[test]
fn figures_decode_their_file_names() {
    let input = "![Dalí](https://wikipedia.org/wiki/Special:Redirect/file/%D5%8A%D5%A1%D5%BF%D5%AF%D5%A5%D6%80%3ADali_museum.jpg?)\n![x](https://example.org/a.jpg)\nText under the images.";
    let doc = wikimd::parse(input).unwrap();
    let figures: Vec<_> = doc.figures().collect();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].alt(), "Dalí");
    assert_eq!(figures[0].file().unwrap(), "Պատկեր:Dali_museum.jpg");
    assert_eq!(figures[1].file(), None);
    let paragraphs: Vec<_> = doc.sections()[0]
        .paragraphs()
        .map(|p| p.text().into_owned())
        .collect();
    assert_eq!(paragraphs, ["Text under the images."]);
}

#[test]
fn tables_have_a_header_and_rows_cut_or_padded_to_its_width() {
    let input = "| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n| 4 |\n";
    let doc = wikimd::parse(input).unwrap();
    let table = doc.sections()[0].tables().next().unwrap();
    assert_eq!(
        table
            .header()
            .iter()
            .map(|c| c.text().into_owned())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(table.row_count(), 2);
    let json = serde_json::to_value(table).unwrap();
    assert_eq!(json["rows"], serde_json::json!([["1", "2"], ["4", ""]]));
}

/// A table's header and rows share one slice of cells, the rows' starts saying where
/// each begins (the first, where the header ends): a table without body rows, one with
/// empty rows and one with rows longer and shorter than the header (cut and padded to its
/// width, as GFM reads them), through both body paths.
#[test]
fn a_tables_header_and_rows_come_from_one_slice_of_cells() {
    let texts = |cells: &[wikimd::Inline<'_>]| -> Vec<String> {
        cells.iter().map(|c| c.text().into_owned()).collect()
    };
    let options = wikimd::ParseOptions::default();
    for (input, header, rows) in [
        ("| a | b |\n| --- | --- |\n", vec!["a", "b"], vec![]),
        (
            "| a |\n| --- |\n|  |\n| x |\n",
            vec!["a"],
            vec![vec![""], vec!["x"]],
        ),
        (
            "| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n| 4 |\n",
            vec!["a", "b"],
            vec![vec!["1", "2"], vec!["4", ""]],
        ),
    ] {
        for doc in [
            wikimd::parse_with(input, &options).unwrap(),
            wikimd::parse_with_general_body(input, &options).unwrap(),
        ] {
            let table = doc.sections()[0].tables().next().unwrap();
            assert_eq!(texts(table.header()), header, "{input:?}");
            assert_eq!(table.row_count(), rows.len(), "{input:?}");
            let read: Vec<Vec<String>> = table.rows().map(texts).collect();
            assert_eq!(read, rows, "{input:?}");
            assert_eq!(table.row(rows.len()), None);
            let owned = table.clone().into_owned();
            assert_eq!(texts(owned.header()), header);
            assert_eq!(owned.rows().map(texts).collect::<Vec<_>>(), rows);
        }
    }
}

/// A list's items are one boxed slice and its start number 32 bits (CommonMark allows
/// nine digits, and a tenth makes no list): the largest start, bullets, and a list read
/// item by item (its items gathered, then moved), through both body paths, borrowed and
/// owned.
#[test]
fn a_lists_items_and_start_survive_their_smaller_form() {
    let options = wikimd::ParseOptions::default();
    for (input, start, items) in [
        (
            "999999999. a\n999999999. b\n",
            Some(999_999_999),
            vec!["a", "b"],
        ),
        (" * a\n * b\n * c\n", None, vec!["a", "b", "c"]),
        ("1. a\n\n   b\n2. c\n", Some(1), vec!["a b", "c"]),
    ] {
        for doc in [
            wikimd::parse_with(input, &options).unwrap(),
            wikimd::parse_with_general_body(input, &options).unwrap(),
        ] {
            let list = doc.sections()[0].lists().next().unwrap();
            let owned = list.clone().into_owned();
            for list in [list, &owned] {
                assert_eq!(list.start(), start, "{input:?}");
                let texts: Vec<String> =
                    list.items().iter().map(|i| i.text().into_owned()).collect();
                assert_eq!(texts, items, "{input:?}");
                assert_eq!(list.span(), 0..input.len(), "{input:?}");
            }
        }
    }
    let ten_digits = wikimd::parse("1000000000. a\n").unwrap();
    assert_eq!(ten_digits.sections()[0].lists().count(), 0);
}

#[test]
fn raw_html_is_text() {
    let doc =
        wikimd::parse("<div class=\"x\">a *b* c</div>\n\nText with <span>inline</span> html.")
            .unwrap();
    let paragraphs: Vec<_> = doc.sections()[0]
        .paragraphs()
        .map(|p| p.text().into_owned())
        .collect();
    assert_eq!(paragraphs[1], "Text with <span>inline</span> html.");
    assert!(
        paragraphs[0].starts_with("<div class=\"x\">"),
        "{paragraphs:?}"
    );
}

#[test]
fn numbered_items_inside_bullets() {
    let doc = wikimd::parse(" * 1) Electroporation\n * - x\n").unwrap();
    let list = doc.sections()[0].lists().next().unwrap();
    let items: Vec<_> = list.items().iter().map(|i| i.text().into_owned()).collect();
    assert_eq!(items, ["Electroporation", "x"]);
}

#[test]
fn a_line_after_a_list_marker_that_is_no_list_item_stays_in_its_paragraph() {
    // `2.` cannot interrupt a paragraph: no list, one paragraph (the pre-scan's cut before
    // `foo` is undone by the parse).
    let doc = wikimd::parse("para\n2. x\nfoo\n").unwrap();
    let section = &doc.sections()[0];
    assert_eq!(section.lists().count(), 0);
    let paragraphs: Vec<_> = section
        .paragraphs()
        .map(|p| p.text().into_owned())
        .collect();
    assert_eq!(paragraphs, ["para 2. x foo"]);
    // Inside fenced code, list markers are code.
    let doc = wikimd::parse("```\n* a\nb\n```\n").unwrap();
    assert_eq!(doc.sections()[0].lists().count(), 0);
}

#[test]
fn every_kind_of_line_after_an_item_ends_the_list() {
    for (line, paragraphs) in [
        ("text", 1),
        ("> quote", 1),
        ("---", 0),
        ("# heading", 0),
        ("<div>x</div>", 1),
    ] {
        let input = format!(" * a\n * b\n{line}\n");
        let doc = wikimd::parse(&input).unwrap();
        let items: usize = doc
            .sections()
            .iter()
            .flat_map(|s| s.lists())
            .map(|l| l.items().len())
            .sum();
        assert_eq!(items, 2, "{line}");
        let last_item = doc.sections()[0].lists().next().unwrap().items()[1]
            .text()
            .into_owned();
        assert_eq!(last_item, "b", "{line}");
        let count: usize = doc.sections().iter().map(|s| s.paragraphs().count()).sum();
        assert_eq!(count, paragraphs, "{line}");
    }
}
