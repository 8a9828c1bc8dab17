//! Zero-copy, measured: a counting global allocator proves that parsing copies no string,
//! and that reading text values allocates only for the values that need decoding.
//!
//! Strings are told from structure by alignment: `String` and `Box<str>` allocate with
//! alignment 1, the vectors that hold the document model with alignment 8.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static STRING_ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static STRING_BYTES: Cell<usize> = const { Cell::new(0) };
    static OTHER_BYTES: Cell<usize> = const { Cell::new(0) };
}

fn record(layout: Layout) {
    let _ = COUNTING.try_with(|counting| {
        if counting.get() {
            if layout.align() == 1 {
                STRING_ALLOCATIONS.with(|c| c.set(c.get() + 1));
                STRING_BYTES.with(|c| c.set(c.get() + layout.size()));
            } else {
                OTHER_BYTES.with(|c| c.set(c.get() + layout.size()));
            }
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(Layout::from_size_align(new_size, layout.align()).unwrap());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns (string allocations, string bytes, other bytes) it made.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize, usize) {
    for counter in [&STRING_ALLOCATIONS, &STRING_BYTES, &OTHER_BYTES] {
        counter.with(|c| c.set(0));
    }
    COUNTING.with(|c| c.set(true));
    let value = f();
    COUNTING.with(|c| c.set(false));
    (
        value,
        STRING_ALLOCATIONS.with(Cell::get),
        STRING_BYTES.with(Cell::get),
        OTHER_BYTES.with(Cell::get),
    )
}

/// Every text value of the front matter.
fn texts<'d>(doc: &'d wikimd::Document<'_>) -> Vec<&'d wikimd::Text<'d>> {
    let mut out = Vec::new();
    out.extend(doc.title());
    out.extend(doc.short_description());
    out.extend(doc.description());
    out.extend(doc.author());
    out.extend(doc.img());
    for infobox in doc.infoboxes() {
        for (name, value) in infobox.fields() {
            out.push(name);
            out.extend(value.text_value().map(|s| s.text()));
            out.extend(value.number().map(|s| s.text()));
            for link in value.links() {
                out.extend(link.link_type());
                out.extend(link.page());
                out.extend(link.text());
                out.extend(link.anchor());
                out.extend(link.site());
                out.extend(link.wiki());
            }
            if let Some(formatting) = value.formatting() {
                out.extend(formatting.bold().iter().map(|s| s.text()));
                out.extend(formatting.italic().iter().map(|s| s.text()));
            }
        }
    }
    out
}

#[test]
fn parsing_copies_no_string_and_decoding_allocates_only_where_needed() {
    for name in ["operation-serval.clean.md", "operation-serval.mojibake.md"] {
        let input = std::fs::read_to_string(format!(
            "{}/tests/corpus/sample/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();

        let (doc, string_allocations, string_bytes, structure_bytes) =
            measure(|| wikimd::parse(&input).unwrap());
        assert_eq!(
            (string_allocations, string_bytes),
            (0, 0),
            "{name}: parsing copied strings"
        );
        assert!(structure_bytes > 0);

        let all = texts(&doc);
        let needing = all.iter().filter(|t| t.needs_decoding()).count();
        assert!(
            all.len() > 100 && needing > 0 && needing < all.len() / 4,
            "{name}: {needing} of {}",
            all.len()
        );
        let (total, string_allocations, _, _) =
            measure(|| all.iter().map(|t| t.decode().len()).sum::<usize>());
        assert!(total > 0);
        assert_eq!(
            string_allocations, needing,
            "{name}: one allocation per value that needs decoding"
        );
    }
}

#[test]
fn repairing_clean_text_allocates_nothing() {
    let input = std::fs::read_to_string(format!(
        "{}/tests/corpus/sample/operation-serval.clean.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let _ = wikimd::repair(&input); // builds the encoding tables once
    let (repaired, string_allocations, string_bytes, other_bytes) =
        measure(|| wikimd::repair(&input));
    assert!(matches!(repaired, std::borrow::Cow::Borrowed(_)));
    assert_eq!((string_allocations, string_bytes, other_bytes), (0, 0, 0));
}
