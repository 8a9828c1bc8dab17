//! # wikimd
//!
//! A zero-copy parser for Wikipedia articles written as Markdown with YAML front matter
//! (the shape wtf_wikipedia produces), and a repair layer for the mojibake such files often
//! carry.
//!
//! [`parse`] reads a document into a typed [`Document`] that borrows from the input: every
//! string is a slice of it, or a raw span decoded only when asked ([`Text::decode`]), and
//! every value knows its byte span. Line and column are computed on demand
//! ([`Position::of`]). [`Document::into_owned`] gives a `'static` copy.
//!
//! ## Why this design
//!
//! Corpora of articles are large and most of their text is never looked at: a pipeline
//! that wants the infobox dates of a million articles should not pay for copying every
//! description and paragraph. So the front matter is read by a scanner that records where
//! each value is and how it is written, and decodes a value (escapes, folded lines, block
//! indentation) only when asked; the body is read a line at a time by a block scanner for
//! the Markdown these articles are written in, whose text is slices of the input. What the
//! fast scanners do not read goes to general parsers: anchors, tags and flow collections
//! to a full YAML parser, HTML, code, quotes and other rare blocks to pulldown-cmark, so
//! that any input parses as the general parsers read it, only more slowly.
//! Mojibake repair is separate ([`repair()`]) and returns the input itself when it has
//! nothing to repair, so that calling it on every file costs almost nothing.
//!
//! ```
//! let input = "---
//! infoboxes:
//!   - date:
//!       text: 11 January 2013
//!     place:
//!       text: Mali
//!       links:
//!         - type: internal
//!           page: Mali
//! title: Operation Serval
//! ---
//!
//! Operation Serval was a French military operation in Mali.
//!
//! ## See also
//!
//!  * Operation Barkhane
//! ";
//! let doc = wikimd::parse(input)?;
//! assert_eq!(doc.title().unwrap(), "Operation Serval");
//! let infobox = &doc.infoboxes()[0];
//! let place = infobox.get("place").unwrap();
//! assert_eq!(place.links()[0].page().unwrap(), "Mali");
//! assert_eq!(&input[place.text_value().unwrap().span()], "Mali");
//! let see_also = doc.section("See also").unwrap();
//! assert_eq!(see_also.lists().next().unwrap().items()[0].text(), "Operation Barkhane");
//! # Ok::<(), wikimd::Error>(())
//! ```
//!
//! ## Modules
//!
//! - [`document`]: the document model ([`Document`], [`Infobox`], [`RichText`], [`Link`]).
//! - [`body`]: sections, paragraphs, lists, tables and figures of the Markdown body.
//! - [`value`]: generic YAML values, for keys the model does not know.
//! - [`text`]: [`Text`], a borrowed string decoded on demand.
//! - [`error`]: [`Error`], its [`ErrorKind`] and [`Position`].
//! - [`load`](mod@load): files to documents that own their text ([`load()`],
//!   [`OwnedDocument`]) and legacy bytes to text ([`decode_bytes`]).
//! - [`repair`](mod@repair): mojibake repair ([`repair()`], [`repair::explain`]).
//! - [`options`]: [`ParseOptions`] and [`Limits`].

// `unsafe` is denied everywhere but in one module, `repair::simd` (with its child
// `utf16`, behind the feature of that name), whose documentation says why it needs it and
// what keeps it sound.
#![deny(unsafe_code)]
#![warn(missing_docs)]

// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod body;
pub mod document;
pub mod error;
mod front_matter;
pub mod load;
pub mod options;
pub mod repair;
pub mod text;
pub mod value;

pub use body::{
    Block, Emphasis, Figure, Inline, InlineLink, List, Rows, Section, SectionNode, Styled, Table,
};
pub use document::{Document, Formatting, FrontMatter, Infobox, Link, LinkKind, RichText};
pub use error::{Error, ErrorKind, Position};
pub use load::{decode_bytes, load, OwnedDocument};
#[cfg(feature = "utf16")]
#[doc(hidden)]
pub use load::{push_utf16_is_quick, push_utf16_unless_ascii};
#[doc(hidden)]
pub use load::{string_from_code_points, string_from_code_points_is_quick};
pub use options::{Limits, ListEnd, ParseOptions};
pub use repair::{repair, repair_with, RepairOptions};
pub use text::Text;
pub use value::{Mapping, Scalar, ScalarKind, Sequence, Value};

use std::borrow::Cow;

/// Parses a document with the default options.
///
/// A file that does not start with a `---` line is a body-only document.
///
/// # Memory
///
/// The document borrows `input` and holds its model. A thread that parses keeps the room
/// of the body reader's scratch vectors for its next parse (at most 64 kB; about 1 kB
/// after a typical article, 10 kB after the largest of the corpus), so that each document
/// does not grow them again; it is freed when the thread ends.
///
/// # Errors
///
/// An unclosed front matter, malformed YAML, a known key with a value of the wrong type,
/// or an exceeded [`Limits`] value.
pub fn parse(input: &str) -> Result<Document<'_>, Error> {
    parse_with(input, &ParseOptions::default())
}

/// Parses a document with the given options.
///
/// # Errors
///
/// As [`parse`].
pub fn parse_with<'a>(input: &'a str, options: &ParseOptions) -> Result<Document<'a>, Error> {
    parse_on(input, options, body::Path::Fast)
}

/// [`parse_with`] with the body read by the general path (pulldown-cmark) only, never the
/// fast block scanner: for tests and fuzzing, which check that both read the same.
#[doc(hidden)]
pub fn parse_with_general_body<'a>(
    input: &'a str,
    options: &ParseOptions,
) -> Result<Document<'a>, Error> {
    parse_on(input, options, body::Path::General)
}

/// How many of the body's headings and blocks the fast block scanner read, and how many
/// there are: for the benchmarks and tests, which report the share.
#[doc(hidden)]
pub fn body_fast_share(input: &str) -> Result<(usize, usize), Error> {
    let options = ParseOptions::default();
    let (_, layout) = front_matter::read_document(
        input,
        &options.limits,
        document::FrontMatterVisit { src: input },
    )?;
    let parsed = body::parse(input, layout.body, &options, body::Path::Fast)?;
    let all = parsed
        .sections
        .iter()
        .map(|s| s.blocks().len() + usize::from(s.level() > 0))
        .sum();
    Ok((parsed.fast_blocks, all))
}

fn parse_on<'a>(
    input: &'a str,
    options: &ParseOptions,
    path: body::Path,
) -> Result<Document<'a>, Error> {
    let limits = &options.limits;
    check_size(input, limits)?;
    let front_matter = std::cell::RefCell::new(None);
    let layout = read_front_matter(input, limits, &front_matter)?;
    let sections = body::parse(input, layout.body.clone(), options, path)?.sections;
    Ok(Document {
        front_matter: front_matter.into_inner(),
        body: Cow::Borrowed(&input[layout.body.clone()]),
        body_span: layout.body,
        sections,
    })
}

/// Parses only the front matter: `None` for a body-only document. Cheaper than [`parse`]
/// when only the metadata is wanted.
///
/// # Errors
///
/// As [`parse`], for the front matter.
///
/// ```
/// let fm = wikimd::parse_front_matter("---\ntitle: Mali\n---\n\n# A long body")?.unwrap();
/// assert_eq!(serde_json::to_string(&fm).unwrap(), r#"{"title":"Mali"}"#);
/// # Ok::<(), wikimd::Error>(())
/// ```
pub fn parse_front_matter(input: &str) -> Result<Option<FrontMatter<'_>>, Error> {
    parse_front_matter_with(input, &Limits::default())
}

/// [`parse_front_matter`] with the given limits.
///
/// # Errors
///
/// As [`parse`], for the front matter.
pub fn parse_front_matter_with<'a>(
    input: &'a str,
    limits: &Limits,
) -> Result<Option<FrontMatter<'a>>, Error> {
    check_size(input, limits)?;
    let front_matter = std::cell::RefCell::new(None);
    read_front_matter(input, limits, &front_matter)?;
    Ok(front_matter.into_inner())
}

/// Reads the document's front matter into `out` (`None` for a body-only document), where
/// it is kept until the caller takes it (see `FrontMatterInto`): where the document's
/// parts are.
#[inline(always)]
fn read_front_matter<'a>(
    input: &'a str,
    limits: &Limits,
    out: &std::cell::RefCell<Option<FrontMatter<'a>>>,
) -> Result<front_matter::Layout, Error> {
    let visit = document::FrontMatterInto { src: input, out };
    let (read, layout) = front_matter::read_document(input, limits, visit)?;
    if read.is_none() {
        // (A reading the scanner gave up on part of the way may have left a front
        // matter there: what counts is what the reading that stood says.)
        *out.borrow_mut() = None;
    }
    Ok(layout)
}

fn check_size(input: &str, limits: &Limits) -> Result<(), Error> {
    // Spans are `u32` inside the model.
    let limit = limits.max_document_bytes.min(u32::MAX as usize);
    if input.len() > limit {
        return Err(Error::new(
            ErrorKind::LimitExceeded {
                what: "document size in bytes",
                limit,
            },
            input,
            limit..limit,
        ));
    }
    Ok(())
}

/// Parses a document given as bytes, which must be UTF-8.
///
/// # Errors
///
/// [`ErrorKind::InvalidUtf8`] at the first bad byte, or as [`parse`].
///
/// ```
/// let err = wikimd::parse_bytes(b"ok\n\xff").unwrap_err();
/// assert_eq!((err.line(), err.column(), err.offset()), (2, 1, 3));
/// ```
pub fn parse_bytes(input: &[u8]) -> Result<Document<'_>, Error> {
    let text = from_utf8(input)?;
    parse(text)
}

/// Checks that `bytes` are UTF-8, with an error at the first bad byte. As
/// `std::str::from_utf8`, at SIMD speed where the processor has it (`simdutf8`): several
/// times faster on text that is not mostly ASCII.
///
/// ```
/// assert_eq!(wikimd::from_utf8("Київ".as_bytes()).unwrap(), "Київ");
/// assert_eq!(wikimd::from_utf8(b"ab\xff").unwrap_err().offset(), 2);
/// ```
pub fn from_utf8(bytes: &[u8]) -> Result<&str, Error> {
    simdutf8::compat::from_utf8(bytes).map_err(|e| Error::invalid_utf8(bytes, e.valid_up_to()))
}

/// `bytes` as a `String` if they are UTF-8: validated as [`from_utf8`] does, then copied,
/// which is quicker than `String::from_utf8` on text that is not mostly ASCII.
pub(crate) fn string_from_utf8(bytes: Vec<u8>) -> Result<String, Error> {
    from_utf8(&bytes).map(str::to_owned)
}

#[doc(hidden)]
pub use front_matter::read_with_fallback;

/// [`parse_front_matter`] with the general YAML parser only, never the fast scanner: for
/// tests and fuzzing, which check that both read the same.
#[doc(hidden)]
pub fn parse_front_matter_general(input: &str) -> Result<Option<FrontMatter<'_>>, Error> {
    front_matter_read_by(input, front_matter::read_general)
}

/// [`parse_front_matter`] with the scanner reading every entry of a mapping one by one,
/// none of the common ones a line at a time: for tests and fuzzing, which check that both
/// readings give the same values, spans and errors.
#[doc(hidden)]
pub fn parse_front_matter_entry_by_entry(input: &str) -> Result<Option<FrontMatter<'_>>, Error> {
    front_matter_read_by(input, front_matter::read_entry_by_entry)
}

/// The front matter of `input`, split first, then read by `read`.
fn front_matter_read_by<'a>(
    input: &'a str,
    read: fn(
        &'a str,
        std::ops::Range<usize>,
        &Limits,
        document::FrontMatterVisit<'a>,
    ) -> Result<FrontMatter<'a>, Error>,
) -> Result<Option<FrontMatter<'a>>, Error> {
    let limits = Limits::default();
    check_size(input, &limits)?;
    let layout = front_matter::split(input)?;
    let Some(range) = layout.yaml else {
        return Ok(None);
    };
    let visit = document::FrontMatterVisit { src: input };
    read(input, range, &limits, visit).map(Some)
}
