//! The functions of the `simd` module without its instructions: what the repair runs on
//! processors other than x86's (ARM's: Apple's, AWS Graviton), and on x86 when built with
//! `--cfg wikimd_no_simd`, as CI does to test this path. The callers then take their
//! one-character-at-a-time paths, which the `simd` module's steps are tested against.

use super::scan::{Candidate, ScanOptions};

/// No step of look-ups here: `None`, and the caller scans with its portable marks.
#[inline]
pub(super) fn candidate(_text: &str, _from: usize, _o: ScanOptions) -> Option<Option<Candidate>> {
    None
}

/// No scan of this module to test.
#[cfg(test)]
pub(super) fn every_candidate(
    _text: &str,
    _from: usize,
    _o: ScanOptions,
) -> Vec<(&'static str, Option<Candidate>)> {
    Vec::new()
}

/// No wide step: ASCII is skipped by the caller's steps, from `from`.
#[inline]
pub(super) fn skip_ascii(_bytes: &[u8], from: usize) -> usize {
    from
}

/// No wide step: the caller's steps look for the bytes, from `from`.
#[inline]
pub(crate) fn skip_bytes_not_in(
    _bytes: &[u8],
    from: usize,
    _end: usize,
    _low: &[u8; 16],
    _high: &[u8; 16],
) -> usize {
    from
}

/// No wide step: the transcode starts one character at a time, at 0.
#[inline]
pub(super) fn transcode_start(
    _bytes: &[u8],
    _table: &[u8; 0x1804],
    _enc: super::Encoding,
    _out: &mut Vec<u8>,
) -> usize {
    0
}

/// No transcode of this module to test.
#[cfg(test)]
pub(super) fn every_transcode_start(
    _bytes: &[u8],
    _table: &[u8; 0x1804],
    _enc: super::Encoding,
) -> Vec<(&'static str, Vec<u8>, usize)> {
    Vec::new()
}

/// No wide step: the code points are taken one at a time, from `from`.
#[inline]
pub(crate) fn code_points_start(_code_points: &[u32], from: usize, _out: &mut Vec<u8>) -> usize {
    from
}

/// No step of this module to test.
#[cfg(test)]
pub(crate) fn every_code_points_start(
    _code_points: &[u32],
    _from: usize,
) -> Vec<(&'static str, Vec<u8>, usize)> {
    Vec::new()
}

/// Never: the code points are taken one at a time.
pub(crate) fn code_points_quick() -> bool {
    false
}

/// Appends the UTF-16 of `text` to `out` and returns `true`, unless `text` is ASCII
/// (`str::encode_utf16`).
#[cfg(feature = "utf16")]
pub(crate) fn push_utf16_unless_ascii(text: &str, out: &mut Vec<u16>) -> bool {
    if text.is_ascii() {
        return false;
    }
    out.extend(text.encode_utf16());
    true
}

/// Never: the characters are taken one at a time.
#[cfg(feature = "utf16")]
pub(crate) fn utf16_quick() -> bool {
    false
}

/// No step of this module to test.
#[cfg(all(feature = "utf16", test))]
pub(crate) fn every_push_utf16(_text: &str) -> Vec<(&'static str, Vec<u16>, bool)> {
    Vec::new()
}

/// `bytes` as a `String`, if they are UTF-8 (`std`'s check).
pub(crate) fn utf8_string(bytes: Vec<u8>) -> Option<String> {
    String::from_utf8(bytes).ok()
}

/// [`utf8_string`], which gives the bytes back if they are not UTF-8.
pub(crate) fn utf8_string_or_back(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    String::from_utf8(bytes).map_err(std::string::FromUtf8Error::into_bytes)
}
