//! Reading documents from files: bytes to text ([`decode_bytes`]), and documents that own
//! their text ([`OwnedDocument`], [`load`]).
//!
//! A [`Document`] borrows from its text, so a function that reads a file cannot return
//! one borrowing from the `String` it read (E0515). [`OwnedDocument`] keeps the text and
//! the document that borrows from it together: it is `'static` and `Send`, and no string
//! is copied (where [`Document::into_owned`] copies every one).
//!
//! ```no_run
//! fn titles(paths: &[&str]) -> Result<Vec<String>, wikimd::Error> {
//!     let mut titles = Vec::new();
//!     for path in paths {
//!         let doc = wikimd::load(path)?; // an error names the file
//!         titles.extend(doc.document().title().map(|t| t.decode().into_owned()));
//!     }
//!     Ok(titles)
//! }
//! ```

use std::borrow::Cow;
use std::path::Path;

use crate::repair::{score, tables, Encoding};
use crate::{Document, Error, ParseOptions};

/// How [`decode_bytes`] reads bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Fallback {
    /// They are an error ([`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) at
    /// the first bad byte).
    #[default]
    None,
    /// The whole file is read in this single-byte encoding.
    Encoding(Encoding),
    /// The whole file is read in the single-byte encoding that gives the most plausible
    /// text (by the cost that [`repair`](crate::repair()) uses to judge its readings); on
    /// a tie, the first of [`Encoding::ALL`] (Windows-1252, which stands for Latin-1 too).
    ///
    /// A guess reads a paragraph or more reliably; a short text whose accented letters are
    /// punctuation in another encoding can be misread (Spanish in Mac OS Roman, `frío`,
    /// reads as `fr’o` in Windows-1250): name the encoding when it is known.
    Guess,
}

/// Text decoded by [`decode_bytes`], and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed when the bytes were UTF-8.
    pub text: Cow<'a, str>,
    /// The single-byte encoding the bytes were read in, or `None` for UTF-8.
    pub encoding: Option<Encoding>,
    /// Whether that encoding was guessed ([`Fallback::Guess`]).
    pub guessed: bool,
}

/// Decodes a file's bytes: as UTF-8 when they are UTF-8 (borrowed, no copy), otherwise as
/// `fallback` says. A single-byte encoding reads every byte sequence, so only
/// [`Fallback::None`] gives an error. This is not mojibake repair: it reads a file that
/// was *saved* in a legacy encoding; [`repair`](crate::repair()) undoes UTF-8 that was
/// *read* in one.
///
/// # Errors
///
/// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) at the first bad byte, with
/// [`Fallback::None`].
///
/// ```
/// use wikimd::load::{decode_bytes, Fallback};
/// use wikimd::repair::Encoding;
///
/// // "Привет, мир" saved in Windows-1251.
/// let bytes = b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0";
/// let decoded = decode_bytes(bytes, Fallback::Guess)?;
/// assert_eq!(decoded.text, "Привет, мир");
/// assert_eq!((decoded.encoding, decoded.guessed), (Some(Encoding::Windows1251), true));
///
/// // "café" in Latin-1, named.
/// let decoded = decode_bytes(b"caf\xe9", Fallback::Encoding(Encoding::Windows1252))?;
/// assert_eq!(decoded.text, "café");
///
/// // UTF-8 is borrowed whatever the fallback.
/// let decoded = decode_bytes("café".as_bytes(), Fallback::Guess)?;
/// assert!(matches!(decoded.text, std::borrow::Cow::Borrowed("café")));
///
/// let err = decode_bytes(b"caf\xe9", Fallback::None).unwrap_err();
/// assert_eq!(err.offset(), 3);
/// # Ok::<(), wikimd::Error>(())
/// ```
pub fn decode_bytes(bytes: &[u8], fallback: Fallback) -> Result<Decoded<'_>, Error> {
    let not_utf8 = match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: None,
                guessed: false,
            })
        }
        Err(e) => e,
    };
    let encoding = match fallback {
        Fallback::None => return Err(Error::invalid_utf8(bytes, not_utf8.valid_up_to())),
        Fallback::Encoding(encoding) => encoding,
        Fallback::Guess => {
            let cost = |encoding: &Encoding| implausibility(&decode_as(bytes, *encoding));
            let best = Encoding::ALL.iter().min_by_key(|e| cost(e));
            best.copied().unwrap_or(Encoding::Windows1252)
        }
    };
    Ok(Decoded {
        text: Cow::Owned(decode_as(bytes, encoding)),
        encoding: Some(encoding),
        guessed: fallback == Fallback::Guess,
    })
}

/// How implausible `text` is as writing, to compare the readings of a file in several
/// encodings: the cost [`repair`](crate::repair()) judges its readings by (symbols among
/// letters, C1 controls, two alphabets in one word), plus three for each accented letter
/// that the language explaining most of the text's accented letters does not write. A
/// wrong reading of a file keeps its letters letters, but they stop belonging to one
/// language: Latvian read as Windows-1252 writes French `â`, `î`, `û` beside Icelandic
/// `ð` and `þ`; Russian read as Windows-1252 is all such letters (`Ïðèâåò`).
fn implausibility(text: &str) -> i64 {
    let cost = i64::from(score::cost(None, text, None));
    let mut counts: Vec<(char, u32)> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
        let c = c.to_lowercase().next().unwrap_or(c);
        match counts.iter_mut().find(|(known, _)| *known == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let total: u32 = counts.iter().map(|(_, n)| n).sum();
    let explained = LANGUAGES
        .iter()
        .map(|writes| {
            let covered = counts.iter().filter(|(c, _)| writes.contains(*c));
            covered.map(|(_, n)| n).sum::<u32>()
        })
        .chain(SCRIPTS.iter().map(|script| {
            let covered = counts.iter().filter(|(c, _)| script.contains(c));
            covered.map(|(_, n)| n).sum::<u32>()
        }))
        .max()
        .unwrap_or(0);
    cost + 3 * i64::from(total - explained)
}

/// The accented (non-ASCII) small letters of the languages written in the encodings that
/// [`decode_bytes`] reads, one string per language: French, German, Spanish, Portuguese,
/// Italian, Catalan, Dutch, Danish and Norwegian, Swedish, Finnish and Estonian,
/// Icelandic and Faroese, Polish, Czech, Slovak, Hungarian, Romanian, Croatian and Slovene,
/// Turkish, Latvian and Latgalian, Lithuanian, Albanian.
const LANGUAGES: [&str; 21] = [
    "àâæçéèêëîïôœùûüÿ",
    "äöüß",
    "áéíóúñüªº",
    "áâãàçéêíóôõúªº",
    "àèéìíîòóùú",
    "àçèéíïòóúü",
    "ëïéèöüáó",
    "æøåéóàô",
    "åäöéü",
    "äöåšžõü",
    "áðéíóúýþæöø",
    "ąćęłńóśźż",
    "áčďéěíňóřšťúůýž",
    "áäčďéíĺľňóôŕšťúýž",
    "áéíóöőúüű",
    "ăâîșțşţ",
    "čćđšžé",
    "çğıöşüâîû",
    "āčēģīķļņšūžō",
    "ąčęėįšųūž",
    "çë",
];

/// Whole alphabets: a text in Greek or Cyrillic script is explained by its script.
const SCRIPTS: [std::ops::RangeInclusive<char>; 2] = ['\u{370}'..='\u{3FF}', '\u{400}'..='\u{52F}'];

/// `bytes` read in a single-byte encoding (ASCII as it is, each byte above 0x7F its
/// character).
fn decode_as(bytes: &[u8], encoding: Encoding) -> String {
    let upper = tables::decode_upper_half(encoding);
    bytes
        .iter()
        .map(|&b| match b {
            0..=0x7F => char::from(b),
            _ => upper[usize::from(b - 0x80)],
        })
        .collect()
}

self_cell::self_cell!(
    /// The text and the document that borrows from it.
    struct Cell {
        owner: String,
        #[covariant]
        dependent: Document,
    }
    impl {Debug, PartialEq}
);

/// A document with its own text: `'static`, `Send` and `Sync`, with no string copied.
///
/// Built from a `String` ([`OwnedDocument::parse`], [`OwnedDocument::repair_and_parse`])
/// or a file ([`load`]). [`OwnedDocument::document`] gives the [`Document`], borrowed
/// from `self`; spans are in [`OwnedDocument::text`].
///
/// ```
/// use wikimd::OwnedDocument;
///
/// fn from_network() -> String {
///     "---\ntitle: CafÃ©\n---\n\nA paragraph.".to_string()
/// }
///
/// let owned: OwnedDocument = OwnedDocument::repair_and_parse(from_network())?;
/// let doc = owned.document();
/// assert_eq!(doc.title().unwrap(), "Café");
/// let span = doc.title().unwrap().span();
/// assert_eq!(&owned.text()[span], "Café");
/// // It can outlive the function that read it, and cross threads.
/// std::thread::spawn(move || owned.document().sections().len()).join().unwrap();
/// # Ok::<(), wikimd::Error>(())
/// ```
#[derive(Debug, PartialEq)]
pub struct OwnedDocument(Cell);

impl OwnedDocument {
    /// Parses `text` as it is, keeping it.
    ///
    /// # Errors
    ///
    /// As [`parse`](crate::parse()).
    pub fn parse(text: String) -> Result<OwnedDocument, Error> {
        OwnedDocument::parse_with(text, &ParseOptions::default())
    }

    /// Parses `text` with `options`, keeping it.
    ///
    /// # Errors
    ///
    /// As [`parse`](crate::parse()).
    pub fn parse_with(text: String, options: &ParseOptions) -> Result<OwnedDocument, Error> {
        Cell::try_new(text, |text| crate::parse_with(text, options)).map(OwnedDocument)
    }

    /// Repairs mojibake in `text` ([`repair`](crate::repair())) and parses the result:
    /// clean text is kept as it is, repaired text replaces it.
    ///
    /// # Errors
    ///
    /// As [`parse`](crate::parse()), with the position in `text` as given (when the
    /// repaired text does not parse, `text` itself is parsed to place the error).
    pub fn repair_and_parse(text: String) -> Result<OwnedDocument, Error> {
        OwnedDocument::repair_and_parse_with(text, &ParseOptions::default())
    }

    /// [`OwnedDocument::repair_and_parse`] with `options`.
    ///
    /// # Errors
    ///
    /// As [`OwnedDocument::repair_and_parse`].
    pub fn repair_and_parse_with(
        text: String,
        options: &ParseOptions,
    ) -> Result<OwnedDocument, Error> {
        let repaired = match crate::repair(&text) {
            Cow::Owned(repaired) => repaired,
            Cow::Borrowed(_) => return OwnedDocument::parse_with(text, options),
        };
        OwnedDocument::parse_with(repaired, options)
            .map_err(|error| crate::parse_with(&text, options).err().unwrap_or(error))
    }

    /// The document, borrowing from `self`.
    pub fn document(&self) -> &Document<'_> {
        self.0.borrow_dependent()
    }

    /// The text the document was parsed from (the repaired text, when it was repaired).
    pub fn text(&self) -> &str {
        self.0.borrow_owner()
    }

    /// Gives the text back, dropping the document.
    pub fn into_text(self) -> String {
        self.0.into_owner()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OwnedDocument {
    /// As the [`Document`].
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.document().serialize(s)
    }
}

/// Reads the file at `path`, repairs its mojibake and parses it, as `wikimd parse` does:
/// the common loader, in one call. Every error carries the path ([`Error::path`]); a parse
/// error's position is in the file as read (as [`OwnedDocument::repair_and_parse`]).
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read,
/// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) when it is not UTF-8 (decode
/// it with [`decode_bytes`] and use [`OwnedDocument::repair_and_parse`] for legacy files),
/// or as [`parse`](crate::parse()).
///
/// ```
/// let doc = wikimd::load("tests/corpus/sample/operation-serval.mojibake.md")?;
/// assert_eq!(doc.document().title().unwrap(), "Operation Serval");
///
/// let err = wikimd::load("no/such/file.md").unwrap_err();
/// assert_eq!(err.path(), Some(std::path::Path::new("no/such/file.md")));
/// assert!(err.to_string().starts_with("no/such/file.md: "));
/// # Ok::<(), wikimd::Error>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<OwnedDocument, Error> {
    let path = path.as_ref();
    let text = std::fs::read(path)
        .map_err(Error::io)
        .and_then(crate::string_from_utf8)
        .map_err(|e| e.with_path(path))?;
    OwnedDocument::repair_and_parse(text).map_err(|e| e.with_path(path))
}

/// UTF-8 of `code_points`, Unicode scalar values one per `u32` (what CPython's
/// `PyUnicode_AsUCS4` gives of a `str`); `None` if one is not a scalar value (a lone
/// surrogate, or above U+10FFFF). For the Python package: CPython's own UTF-8 encoder
/// takes a character at a time (about 1.3 ns each on Cyrillic or Greek text); this takes
/// sixteen a step with AVX-512, eight with AVX2. Not part of the API.
///
/// ```
/// let code_points: Vec<u32> = "Київ, Ἀθῆναι, 東京 🇫🇷".chars().map(u32::from).collect();
/// assert_eq!(wikimd::string_from_code_points(&code_points).unwrap(), "Київ, Ἀθῆναι, 東京 🇫🇷");
/// assert_eq!(wikimd::string_from_code_points(&[0x41, 0xD800]), None);
/// ```
#[doc(hidden)]
pub fn string_from_code_points(code_points: &[u32]) -> Option<String> {
    let mut out = Vec::with_capacity(code_points.len() + code_points.len() / 2);
    let mut i = 0;
    while i < code_points.len() {
        // Sixteen or eight a step where the processor can; then the next sixteen (or
        // the rest) one at a time, where the step stopped for a character of four bytes
        // or a surrogate, or had too few left.
        i = crate::repair::simd::code_points_start(code_points, i, &mut out);
        let end = code_points.len().min(i + 16);
        push_code_points(&code_points[i..end], &mut out)?;
        i = end;
    }
    crate::repair::simd::utf8_string(out)
}

/// Whether [`string_from_code_points`] takes sixteen or eight code points a step here
/// (the processor has AVX-512 BW and VBMI2, or AVX2): where it does not, it is no quicker
/// than CPython's encoder. Not part of the API.
#[doc(hidden)]
pub fn string_from_code_points_is_quick() -> bool {
    crate::repair::simd::code_points_quick()
}

/// Appends the UTF-16 of `text` to `out` (as `str::encode_utf16` would) and returns
/// `true`, unless `text` is ASCII: then returns `false` and leaves `out` as it was. For
/// the Python package, which makes a `str` that is not ASCII from UTF-16: CPython's UTF-8
/// decoder takes such a string a character at a time, its UTF-16 decoder four units a
/// step. With AVX-512 (BW, VL and VBMI2), thirty-two bytes a step. Not part of the API.
///
/// ```
/// let mut units = vec![0x41];
/// assert!(wikimd::push_utf16_unless_ascii("Київ 🇫🇷", &mut units));
/// assert_eq!(String::from_utf16(&units).unwrap(), "AКиїв 🇫🇷");
/// assert!(!wikimd::push_utf16_unless_ascii("Kyiv", &mut units));
/// assert_eq!(units.len(), 10); // as it was: A, Київ, a space and two surrogate pairs
/// ```
#[cfg(feature = "utf16")]
#[doc(hidden)]
pub fn push_utf16_unless_ascii(text: &str, out: &mut Vec<u16>) -> bool {
    crate::repair::simd::push_utf16_unless_ascii(text, out)
}

/// Whether [`push_utf16_unless_ascii`] takes thirty-two bytes a step here (the
/// processor has AVX-512 BW, VL and VBMI2): where it does not, it is `str::encode_utf16`,
/// and a `str` is made from UTF-8 as quickly. Not part of the API.
#[cfg(feature = "utf16")]
#[doc(hidden)]
pub fn push_utf16_is_quick() -> bool {
    crate::repair::simd::utf16_quick()
}

/// Appends the UTF-8 of `code_points`, one at a time; `None` at one that is no scalar
/// value.
fn push_code_points(code_points: &[u32], out: &mut Vec<u8>) -> Option<()> {
    for &c in code_points {
        let c = char::from_u32(c)?;
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`string_from_code_points`] one code point at a time, as without AVX2.
    fn by_one(code_points: &[u32]) -> Option<String> {
        let mut out = Vec::new();
        push_code_points(code_points, &mut out)?;
        Some(String::from_utf8(out).expect("UTF-8"))
    }

    /// What each step the processor can run (AVX-512's, AVX2's) writes of `points`, as far
    /// as it goes, against one code point at a time.
    fn check_every_step(points: &[u32], what: &str) {
        for (name, out, stop) in crate::repair::simd::every_code_points_start(points, 0) {
            let expected = by_one(&points[..stop]).map(String::into_bytes);
            assert_eq!(Some(out), expected, "{name}: {what}");
        }
    }

    /// [`push_utf16_unless_ascii`] and each of its ways the processor can run against
    /// `str::encode_utf16`, appended after what `out` held, and the ASCII check.
    #[cfg(feature = "utf16")]
    fn check_utf16(text: &str) {
        let mut units = vec![7, 8, 9];
        let mut expected = vec![7, 8, 9];
        let wide = push_utf16_unless_ascii(text, &mut units);
        assert_eq!(wide, !text.is_ascii(), "{text:?}");
        if wide {
            expected.extend(text.encode_utf16());
        }
        assert_eq!(units, expected, "{text:?}");
        let all: Vec<u16> = text.encode_utf16().collect();
        for (name, units, ascii) in crate::repair::simd::every_push_utf16(text) {
            assert_eq!(units, all, "{name}: {text:?}");
            assert_eq!(ascii, text.is_ascii(), "{name}: {text:?}");
        }
    }

    #[cfg(feature = "utf16")]
    #[test]
    fn utf16_is_what_std_encodes() {
        // Every scalar value, at every place of a step, among characters of each length
        // and ASCII runs that end where steps do.
        let mixed = "aé€a𝄞aaé€aaé€aé€aaaéжжжжжжжжאבגদেশ🇫🇷";
        for c in (0..=0x10_FFFF).step_by(13).filter_map(char::from_u32) {
            for at in [0, 1, 15, 16, 17, 31, 32, 33, 47, 48] {
                for base in [
                    mixed,
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                ] {
                    let mut text: String = base.chars().take(at).collect();
                    text.push(c);
                    text.extend(base.chars().skip(at));
                    check_utf16(&text);
                }
            }
        }
        // Texts of every length to 100, of one-, two-, three- and four-byte characters.
        for c in ['a', 'ж', '—', '🇫'] {
            for len in 0..100 {
                check_utf16(&c.to_string().repeat(len));
                check_utf16(&format!("{}{}", "a".repeat(len), c));
                check_utf16(&format!("{}{}", c, "a".repeat(len)));
            }
        }
    }

    #[cfg(feature = "utf16")]
    proptest! {
        #[test]
        fn utf16_of_any_text_is_what_std_encodes(text in any::<String>()) {
            check_utf16(&text);
        }

        #[test]
        fn utf16_of_mostly_ascii_text_is_what_std_encodes(
            text in "[a-z ]{0,40}([é—жদ🇫][a-z ]{0,40}){0,6}",
        ) {
            check_utf16(&text);
        }
    }

    #[test]
    fn every_scalar_value_is_written_as_std_writes_it() {
        let all: Vec<u32> = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .map(u32::from)
            .collect();
        let expected: String = all.iter().filter_map(|&c| char::from_u32(c)).collect();
        assert_eq!(
            string_from_code_points(&all).as_deref(),
            Some(expected.as_str())
        );
        assert_eq!(by_one(&all).as_deref(), Some(expected.as_str()));
        // The steps stop at the first surrogate, past the first 0xD000 code points.
        check_every_step(&all, "all");
        for (name, _, stop) in crate::repair::simd::every_code_points_start(&all, 0) {
            assert!(stop >= 0xD000, "{name} stopped at {stop:#x}");
        }
        // And each at every place of a step of sixteen or eight, among others of each
        // length.
        for c in (0..=0x10_FFFF).step_by(97).filter_map(char::from_u32) {
            for at in 0..17 {
                let mut points: Vec<u32> = "aé€aaé€aaé€aé€aaaé".chars().map(u32::from).collect();
                points.insert(at, u32::from(c));
                assert_eq!(
                    string_from_code_points(&points),
                    by_one(&points),
                    "{c:?} at {at}"
                );
                check_every_step(&points, &format!("{c:?} at {at}"));
            }
        }
    }

    #[test]
    fn a_surrogate_or_a_value_past_unicode_anywhere_is_none() {
        for bad in [0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x11_0000, u32::MAX] {
            for len in [1, 15, 16, 17, 40] {
                for at in 0..len {
                    let mut points = vec![u32::from('ж'); len];
                    points[at] = bad;
                    assert_eq!(
                        string_from_code_points(&points),
                        None,
                        "{bad:#x} at {at} of {len}"
                    );
                    check_every_step(&points, &format!("{bad:#x} at {at} of {len}"));
                }
            }
        }
        assert_eq!(string_from_code_points(&[]).as_deref(), Some(""));
    }

    proptest! {
        #[test]
        fn code_points_are_written_as_one_at_a_time(
            points in proptest::collection::vec(
                prop_oneof![0u32..0x80, 0x80u32..0x800, 0x800u32..0x1_0000, 0x1_0000u32..0x11_0000],
                0..200,
            )
        ) {
            prop_assert_eq!(string_from_code_points(&points), by_one(&points));
            check_every_step(&points, "generated");
        }
    }
}
