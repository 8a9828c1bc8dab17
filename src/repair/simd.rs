//! The scan's steps marked by table look-ups (byte shuffles), on the x86 processors that
//! have them, found out at run time: SSSE3 (all made since about 2008), sixteen lanes at
//! a time, and AVX2 (since about 2013), a whole step of thirty-two at once.
//!
//! This is the only module of the crate with `unsafe` code, and the reason is measured:
//! SSE2, which needs none (through `safe_arch`), can only tell the characters that may
//! play a part in mojibake (`flagged`) by comparing each pair of bytes against some
//! twenty values and ranges, about 63 instructions for sixteen bytes; that was half
//! of what clean Greek, Bulgarian and Ukrainian text cost to scan. Four table look-ups on
//! the halves of each byte and of the byte after it tell the same in about 24, and AVX2
//! does them for a step of thirty-two bytes in about as many again (clean Greek,
//! Bulgarian, Armenian −25 to −35 % instructions). Neither is in the default x86-64
//! target, so the scan is compiled again with each enabled and chosen when the processor
//! reports it; and calling code compiled for an instruction set the processor may lack is
//! `unsafe` in Rust.
//!
//! The AVX2 step also leaves unmarked two kinds of characters the scan would look up only
//! to pass over (see [`wide_marks`]): most of Ukrainian's `і`, `ї`, `є`, which continue
//! Windows-1251 sequences inside every other word. And after a step that holds no lead
//! of a character that may be marked, it strides sixty-four bytes at a time looking for
//! such leads alone ([`wide_skip_unled`]): clean Bengali, Marathi and Armenian text, which
//! has none, is scanned in half the instructions.
//!
//! The transcode that undoes a whole text's reading starts here too ([`transcode_start`]).
//! One character at a time, it runs at about 1.1 GB/s of Ukrainian or Japanese mojibake,
//! whatever its branches are made of: the characters are of one, two or three bytes in
//! no order a predictor can learn. With AVX2, sixteen bytes a step compute the table
//! index a character would have at every lane, gather the bytes, and pack those of the
//! lanes where a character starts (2.7 GB/s; repair of the whole mojibake, criterion:
//! Ukrainian 0.80 → 1.50 GB/s, Japanese 0.92 → 2.0). Gathers and the writes past the
//! vector's length are `unsafe`; the indices are clamped to the table, and the writes
//! reserved for. Where the processor has AVX-512 with VBMI (byte look-ups in tables of
//! 128 bytes) and the encoding's characters lie in at most eight rows of the table
//! (Windows-1252, -1251, -1250, -1253, -1257, ISO-8859-2), sixty-four bytes a step look
//! the bytes up with no gather and pack them with one compress (the repair of non-Latin
//! mojibake 25–40 % faster; see BENCHMARKS.md). Its loads read arrays of their size, its
//! indices are seven bits into tables of 128 bytes, and its one write past the vector's
//! length is reserved for.
//!
//! The transcode's output is checked as UTF-8 by `simdutf8` and then made a `String`
//! without `std`'s check again ([`utf8_string`]): `std`'s check, even on English text's
//! ASCII, was a fifth of English mojibake's repair.
//!
//! Not repair's, but here for being the crate's vector code: [`code_points_start`], the
//! UTF-8 of code points (a Python `str`'s, for the Python package) sixteen a step with
//! AVX-512 (each code point's bytes in its own lane, one compress) or eight with AVX2
//! (each four lanes packed by a shuffle looked up by their lengths); each step tested
//! against `char::encode_utf8` for every scalar value. Its output is checked by
//! [`utf8_string`] like the transcode's. And [`skip_bytes_not_in`], the body's inline
//! reader's search for the bytes that may start inline syntax: with AVX2, two look-ups
//! on the halves of thirty-two bytes at once, where SSE2's comparisons took some
//! twenty-five instructions for sixteen (English `parse` −7.7 % instructions).
//!
//! And, in the child module `utf16` (behind the feature of that name),
//! `push_utf16_unless_ascii`, for the Python package: a string's UTF-16
//! (CPython makes a `str` that is not ASCII from UTF-16 in fewer steps than from UTF-8),
//! thirty-two bytes a step with AVX-512 (each byte's unit worked out as if a character of
//! one, two or three bytes started there, and the units of the bytes that do start one
//! packed by one compress), tested against `str::encode_utf16` at every place of a step.
//! It reads a text's last bytes with masked loads, which read no byte outside the text.
//! (With AVX2 alone, sixteen bytes a step packed eight lanes a look-up, the Python
//! package was no faster than from UTF-8: not kept.)
//!
//! What makes it sound: [`LookupMarks`] and [`WideLookupMarks`] are private to this
//! module, so the only code that runs their look-ups is the scans compiled by
//! [`candidate_ssse3`] and [`candidate_avx2`], which have SSSE3 or AVX2 enabled and are
//! only called (by [`candidate`]) after `is_x86_feature_detected!` said the processor has
//! it. The look-ups are tested against SSE2's comparisons on every pair of bytes at five
//! places in a step: equal, but for the two harmless extras [`tables`] names; and every
//! scan the processor can run is tested against the reference scan. Every transcode the
//! processor can run (AVX-512's, AVX2's) is tested against the loop that takes one
//! character at a time, and that against the plain reading, on generated text and on the
//! corpus in every encoding. [`skip_ascii`] and [`skip_bytes_not_in`] call their AVX2
//! steps only after `is_x86_feature_detected!` said the processor has AVX2; they are
//! tested against the byte at a time searches (the latter in `body::fast`, for every
//! byte at every place of two steps).

#![allow(unsafe_code)]

#[cfg(target_arch = "x86")]
use core::arch::x86::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
    _mm_set1_epi8, _mm_setzero_si128, _mm_shuffle_epi8, _mm_srli_epi16,
};
#[cfg(target_arch = "x86_64")]
use core::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
    _mm_set1_epi8, _mm_setzero_si128, _mm_shuffle_epi8, _mm_srli_epi16,
};

#[cfg(target_arch = "x86_64")]
use super::scan::sparse;
use super::scan::{candidate_with, few_leads, halves, Candidate, MarkStep, ScanOptions, BLOCK};

/// [`super::scan::candidate`] with AVX2's or SSSE3's look-ups, if the processor has them
/// (`None` if not: the caller scans with SSE2).
#[inline]
pub(super) fn candidate(text: &str, from: usize, o: ScanOptions) -> Option<Option<Candidate>> {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (just checked).
        return Some(unsafe { candidate_avx2(text, from, o) });
    }
    if !std::is_x86_feature_detected!("ssse3") {
        return None;
    }
    // SAFETY: the processor has SSSE3 (just checked).
    Some(unsafe { candidate_ssse3(text, from, o) })
}

/// The scan compiled with SSSE3 enabled.
///
/// # Safety
///
/// The processor must have SSSE3.
#[target_feature(enable = "ssse3")]
unsafe fn candidate_ssse3(text: &str, from: usize, o: ScanOptions) -> Option<Candidate> {
    candidate_with::<LookupMarks>(text, from, o)
}

/// The scan compiled with AVX2 enabled: a whole step's look-ups at once.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn candidate_avx2(text: &str, from: usize, o: ScanOptions) -> Option<Candidate> {
    candidate_with::<WideLookupMarks>(text, from, o)
}

/// Marks a step with table look-ups, thirty-two lanes at once. Private: only
/// [`candidate_avx2`] uses it.
#[cfg(target_arch = "x86_64")]
struct WideLookupMarks;

#[cfg(target_arch = "x86_64")]
impl MarkStep for WideLookupMarks {
    #[inline(always)]
    fn marks(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> u32 {
        Self::marks_and_unled(bytes, i, block).0
    }

    #[inline(always)]
    fn marks_and_unled(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> (u32, bool) {
        let next: &[u8; BLOCK] = bytes[i + 1..i + 1 + BLOCK]
            .try_into()
            .expect("a step of bytes");
        // SAFETY: this type is private to the module, and only used where AVX2 is
        // enabled and present (see the module's documentation).
        unsafe { wide_marks(block, next) }
    }

    #[inline(always)]
    fn skip_unled(bytes: &[u8], i: usize) -> usize {
        // SAFETY: as for `marks_and_unled`.
        unsafe { wide_skip_unled(bytes, i) }
    }
}

/// Where the processor has AVX2, the first byte >= 0x80 at or after `from` found sixty-four
/// bytes a step, or where fewer than sixty-four bytes are left to look at; elsewhere
/// `from`. The caller goes on from there with narrower steps ([`next_non_ascii`]'s
/// thirty-two and eight: a stretch of English text or of a front matter's keys is passed
/// over in about half their instructions).
///
/// [`next_non_ascii`]: super::scan::next_non_ascii
#[inline]
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
pub(super) fn skip_ascii(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (just checked).
        return unsafe { skip_ascii_avx2(bytes, from) };
    }
    from
}

/// [`skip_ascii`] with AVX2 enabled.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn skip_ascii_avx2(bytes: &[u8], from: usize) -> usize {
    use core::arch::x86_64::{__m256i, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256};
    let Some(rest) = bytes.get(from..) else {
        return from;
    };
    // (Steps of `chunks_exact`: no `from + 64` to check for overflow in the loop, which
    // some builds of the crate kept there.)
    let steps = rest.chunks_exact(64);
    let whole = rest.len() - steps.remainder().len();
    for (k, step) in steps.enumerate() {
        // SAFETY: AVX2 is enabled here and the caller's promise; the loads are unaligned
        // loads of the two halves of a sixty-four-byte slice.
        let (low, high) = unsafe {
            (
                _mm256_loadu_si256(step.as_ptr().cast::<__m256i>()),
                _mm256_loadu_si256(step[32..].as_ptr().cast::<__m256i>()),
            )
        };
        if _mm256_movemask_epi8(_mm256_or_si256(low, high)) != 0 {
            let low = u64::from(_mm256_movemask_epi8(low) as u32);
            let high = u64::from(_mm256_movemask_epi8(high) as u32);
            return from + 64 * k + (low | high << 32).trailing_zeros() as usize;
        }
    }
    from + whole
}

/// Where the processor has AVX2, the first byte of `bytes[from..end]` in a set of bytes
/// given by two tables of sixteen bit masks, one for each half of a byte (a byte is in
/// the set if the masks of its low half, `low`, and of its high half, `high`, share a bit),
/// found thirty-two bytes a step, or `end` if there is none. The last step, of fewer than
/// thirty-two bytes, looks at the thirty-two that end at `end` (where the text is that
/// long: the bytes before are known not to be in the set) or that start where it starts
/// (where the input has them: a byte past `end` does not count). Only at the very end of
/// the input may it stop short: then at a byte before `end` that the caller is to look at
/// with narrower steps. Without AVX2, `from`.
///
/// Not repair's: the body's inline reader looks for the bytes that may start inline
/// syntax with it (`body::fast::next_stop`), a third of the instructions of SSE2's
/// comparisons (which need no `unsafe`) for each byte of text; and a text shorter than a
/// step (a table's cell, a list's item, what follows a paragraph's last stop) in one
/// step, where it took a step of sixteen bytes and then a byte at a time. A link's
/// destination is read to its end with it too (`body::fast::bracket`).
#[inline]
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
pub(crate) fn skip_bytes_not_in(
    bytes: &[u8],
    from: usize,
    end: usize,
    low: &[u8; 16],
    high: &[u8; 16],
) -> usize {
    #[cfg(target_arch = "x86_64")]
    if from < end && std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (just checked).
        return unsafe { skip_bytes_not_in_avx2(bytes, from, end, low, high) };
    }
    from
}

/// [`skip_bytes_not_in`] with AVX2 enabled (`from < end <= bytes.len()`).
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn skip_bytes_not_in_avx2(
    bytes: &[u8],
    mut i: usize,
    end: usize,
    low: &[u8; 16],
    high: &[u8; 16],
) -> usize {
    use core::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_set1_epi8, _mm256_setr_m128i, _mm256_setzero_si256, _mm256_shuffle_epi8,
        _mm256_srli_epi16,
    };
    let from = i;
    // SAFETY (the intrinsics): AVX2 is enabled here and the caller's promise; the loads
    // are unaligned loads of arrays of their size.
    unsafe {
        let table = |t: &[u8; 16]| {
            let half = _mm_loadu_si128(t.as_ptr().cast::<__m128i>());
            _mm256_setr_m128i(half, half)
        };
        let (low, high) = (table(low), table(high));
        let nibble = _mm256_set1_epi8(0x0F);
        // The bytes in the set among the thirty-two from `at`, as bits.
        let found_at = |at: usize| -> u32 {
            let step: &[u8; 32] = bytes[at..at + 32].try_into().expect("thirty-two bytes");
            let v = _mm256_loadu_si256(step.as_ptr().cast::<__m256i>());
            let low_masks = _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble));
            let high_masks =
                _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
            let none = _mm256_cmpeq_epi8(
                _mm256_and_si256(low_masks, high_masks),
                _mm256_setzero_si256(),
            );
            !(_mm256_movemask_epi8(none) as u32)
        };
        while i + 32 <= end {
            let found = found_at(i);
            if found != 0 {
                return i + found.trailing_zeros() as usize;
            }
            i += 32;
        }
        let left = end - i;
        if left == 0 {
            return end;
        }
        let found = if end - from >= 32 {
            // The step that ends at `end`: its first `32 - left` bytes were looked at.
            found_at(end - 32) >> (32 - left)
        } else if i + 32 <= bytes.len() {
            found_at(i) & ((1 << left) - 1)
        } else {
            return i;
        };
        if found != 0 {
            i + found.trailing_zeros() as usize
        } else {
            end
        }
    }
}

/// The lanes of `v` that lead a character [`wide_marks`] may mark: 0xC2–0xD2 (the first
/// of the pair), and 0xE2 or 0xEF (the second).
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn flagged_leads(
    v: core::arch::x86_64::__m256i,
) -> (core::arch::x86_64::__m256i, core::arch::x86_64::__m256i) {
    use core::arch::x86_64::{
        _mm256_add_epi8, _mm256_cmpeq_epi8, _mm256_min_epu8, _mm256_or_si256, _mm256_set1_epi8,
    };
    // SAFETY (all the intrinsics): AVX2 is the caller's promise.
    unsafe {
        let splat = |b: u8| _mm256_set1_epi8(i8::from_ne_bytes([b]));
        // 0xC2–0xD2: `v - 0xC2` at most 0x10, unsigned.
        let shifted = _mm256_add_epi8(v, splat(0x3E));
        let in_range = _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, splat(0x10)), shifted);
        let e2_or_ef = _mm256_or_si256(
            _mm256_cmpeq_epi8(v, splat(0xE2)),
            _mm256_cmpeq_epi8(v, splat(0xEF)),
        );
        (in_range, e2_or_ef)
    }
}

/// The lanes of `here` (followed by `next`, the same bytes one on) that lead a two-byte
/// character other than a C1 control (0xC2 0x80–0x9F), and those that hold a space.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn two_bytes_and_spaces(
    here: core::arch::x86_64::__m256i,
    next: core::arch::x86_64::__m256i,
) -> (u32, u32) {
    use core::arch::x86_64::{
        _mm256_add_epi8, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    // SAFETY (all the intrinsics): AVX2 is the caller's promise.
    unsafe {
        let splat = |b: u8| _mm256_set1_epi8(i8::from_ne_bytes([b]));
        let in_range = |v, lo: u8, len: u8| {
            let shifted = _mm256_add_epi8(v, splat(lo.wrapping_neg()));
            _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, splat(len - 1)), shifted)
        };
        let two_bytes = _mm256_or_si256(
            in_range(here, 0xC3, 0x1D),
            _mm256_and_si256(
                _mm256_cmpeq_epi8(here, splat(0xC2)),
                in_range(next, 0xA0, 0x20),
            ),
        );
        (
            _mm256_movemask_epi8(two_bytes) as u32,
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(here, splat(b' '))) as u32,
        )
    }
}

/// [`MarkStep::skip_unled`] sixty-four bytes a step: only the leads of characters that
/// [`wide_marks`] may mark are looked for (0xC2–0xD2, 0xE2, 0xEF), as the first thing it
/// does, and a stride that has none is passed over whole (clean Bengali, Marathi or
/// Armenian text: half the instructions of the scan).
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn wide_skip_unled(bytes: &[u8], mut i: usize) -> usize {
    use core::arch::x86_64::{__m256i, _mm256_loadu_si256, _mm256_or_si256, _mm256_testz_si256};
    // SAFETY (all the intrinsics): AVX2 is the caller's promise; the loads are unaligned
    // loads of the two halves of a sixty-four-byte array.
    unsafe {
        let leads = |v: __m256i| {
            let (in_range, e2_or_ef) = flagged_leads(v);
            _mm256_or_si256(in_range, e2_or_ef)
        };
        while i + 64 <= bytes.len() {
            let step: &[u8; 64] = bytes[i..i + 64].try_into().expect("sixty-four bytes");
            let low = _mm256_loadu_si256(step.as_ptr().cast::<__m256i>());
            let high = _mm256_loadu_si256(step[32..].as_ptr().cast::<__m256i>());
            let found = _mm256_or_si256(leads(low), leads(high));
            if _mm256_testz_si256(found, found) == 0 {
                break;
            }
            i += 64;
        }
        i
    }
}

/// [`LookupMarks::marks`] on one register of thirty-two lanes: the leads of characters
/// that may be marked, and when there are more than three, the look-ups, less the
/// characters the scan would only pass over (see the comments inside); and whether the
/// step holds no such lead.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn wide_marks(here: &[u8; BLOCK], next: &[u8; BLOCK]) -> (u32, bool) {
    use core::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256, _mm256_shuffle_epi8,
        _mm256_srli_epi16,
    };
    // SAFETY (all the intrinsics): AVX2 is the caller's promise; the loads are unaligned
    // loads of thirty-two-byte arrays.
    unsafe {
        let here = _mm256_loadu_si256(here.as_ptr().cast::<__m256i>());
        let splat = |b: u8| _mm256_set1_epi8(i8::from_ne_bytes([b]));
        let eq = |v: __m256i, b: u8| _mm256_cmpeq_epi8(v, splat(b));
        let (in_range, e2_or_ef) = flagged_leads(here);
        let leads = _mm256_movemask_epi8(_mm256_or_si256(in_range, e2_or_ef)) as u32;
        if leads == 0 {
            return (0, true);
        }
        let after_ascii = !(_mm256_movemask_epi8(here) as u32) << 1;
        let next = _mm256_loadu_si256(next.as_ptr().cast::<__m256i>());
        if sparse(leads) {
            // A few leads (Latin text's accented letters) are looked up one by one, but
            // for those after an ASCII byte the scan would only pass over (see below):
            // most of Latvian's, Latgalian's or Polish's letters, whose look-ups were
            // most of the scan of such clean text.
            if leads & after_ascii == 0 {
                return (leads, false);
            }
            let (two_bytes, space) = two_bytes_and_spaces(here, next);
            let then_no_space = !(space >> 2) & 0x3FFF_FFFF;
            let three_bytes = _mm256_movemask_epi8(e2_or_ef) as u32;
            let passed_over = after_ascii & (two_bytes & then_no_space | three_bytes);
            return (leads & !passed_over, false);
        }
        let table = |t: &[u8; 32]| _mm256_loadu_si256(t.as_ptr().cast::<__m256i>());
        let low_half = splat(0x0F);
        let high = |v: __m256i| _mm256_and_si256(_mm256_srli_epi16::<4>(v), low_half);
        let low = |v: __m256i| _mm256_and_si256(v, low_half);
        let classes = _mm256_and_si256(
            _mm256_and_si256(
                _mm256_shuffle_epi8(table(&WIDE_TABLES[0]), high(here)),
                _mm256_shuffle_epi8(table(&WIDE_TABLES[1]), low(here)),
            ),
            _mm256_and_si256(
                _mm256_shuffle_epi8(table(&WIDE_TABLES[2]), high(next)),
                _mm256_shuffle_epi8(table(&WIDE_TABLES[3]), low(next)),
            ),
        );
        let unmarked =
            _mm256_cmpeq_epi8(_mm256_or_si256(classes, e2_or_ef), _mm256_setzero_si256());
        let marks = !(_mm256_movemask_epi8(unmarked) as u32);
        // Marks the scan would look up only to pass over them (see `candidate`), in two
        // kinds of places, cheap to tell here:
        //
        // - after an ASCII byte: a character there continues no sequence, so none
        //   completes at it; it only leads one, and the scan reads what it leads from
        //   the next marked character's side. Unless it is a C1 control (a stop), or a
        //   two-byte character before a space (which may stand for a lost 0xA0 after
        //   some leads; no character of the blocks led by 0xE2 and 0xEF leads a byte
        //   that may, which a test checks);
        // - Ukrainian's `і`, `ї`, `є` inside a word: a two-byte character after a
        //   lowercase Cyrillic letter (which leads no two-byte sequence in any
        //   encoding), before an unmarked character that is no space (which ends
        //   whatever longer sequence the two extend); and `і`, `ї`, `є` themselves at
        //   the end of a word, before a space (neither they nor the letter before them
        //   lead a byte that a lost 0xA0 may follow, which a test checks).
        //
        // A two-byte character's next character must be in this step: the lanes of the
        // last two bytes are never passed over.
        let cyrillic_leads = _mm256_or_si256(eq(here, 0xD0), eq(here, 0xD1));
        if marks & (after_ascii | _mm256_movemask_epi8(cyrillic_leads) as u32) == 0 {
            return (marks, false);
        }
        let (two_bytes, space) = two_bytes_and_spaces(here, next);
        let then_no_space = !(space >> 2) & 0x3FFF_FFFF;
        let next_high = _mm256_and_si256(next, splat(0xF0));
        // 0xD0 0xB0–0xBF and 0xD1 0x80–0x8F: `а` to `я`.
        let lowercase_cyrillic = _mm256_or_si256(
            _mm256_and_si256(eq(here, 0xD0), eq(next_high, 0xB0)),
            _mm256_and_si256(eq(here, 0xD1), eq(next_high, 0x80)),
        );
        let lowercase_cyrillic = _mm256_movemask_epi8(lowercase_cyrillic) as u32;
        let three_bytes = _mm256_movemask_epi8(e2_or_ef) as u32;
        // 0xD1 0x94, 0x96, 0x97: `є`, `і`, `ї`.
        let ukrainian = _mm256_and_si256(
            eq(here, 0xD1),
            _mm256_or_si256(
                _mm256_or_si256(eq(next, 0x94), eq(next, 0x96)),
                eq(next, 0x97),
            ),
        );
        let ukrainian = _mm256_movemask_epi8(ukrainian) as u32;
        let then_space = space >> 2;
        let in_a_word = two_bytes
            & lowercase_cyrillic << 2
            & (!(marks >> 2) & then_no_space | ukrainian & then_space);
        let after_ascii = after_ascii & (two_bytes & then_no_space | three_bytes);
        (marks & !(in_a_word | after_ascii), false)
    }
}

/// [`TABLES`] twice over: AVX2's shuffle looks up each half of a register in its own
/// sixteen bytes.
#[cfg(target_arch = "x86_64")]
const WIDE_TABLES: [[u8; 32]; 4] = {
    let mut wide = [[0u8; 32]; 4];
    let mut t = 0;
    while t < 4 {
        let mut k = 0;
        while k < 32 {
            wide[t][k] = TABLES[t][k % 16];
            k += 1;
        }
        t += 1;
    }
    wide
};

/// Marks a step with table look-ups. Private: only [`candidate_ssse3`] uses it.
///
/// A step with few leads (Latin text's accented letters, a dash in Armenian or Hindi
/// text) is marked by its leads, as with SSE2: that takes fewer instructions than the
/// look-ups. Only a step with many (every letter of Cyrillic or Greek text) is looked up.
struct LookupMarks;

impl MarkStep for LookupMarks {
    #[inline(always)]
    fn marks(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> u32 {
        if let Some(leads) = few_leads(block) {
            return leads;
        }
        let [(here, next), (here_high, next_high)] = halves(bytes, i);
        // SAFETY: this type is private to the module, and only used where SSSE3 is
        // enabled and present (see the module's documentation).
        unsafe { flagged_by_lookup(here, next) | flagged_by_lookup(here_high, next_high) << 16 }
    }
}

/// A table of sixteen bytes, one per value of a half byte.
type Table = [u8; 16];

/// The classes of pairs of bytes (`here`, `next`) the look-ups tell, one bit each: a pair
/// is in a class when its four halves all are (the high and low half of `here`, of
/// `next`). Each class is a rectangle of those halves:
///
/// | bit | `here` | `next` |
/// |---|---|---|
/// | 0 | 0xC2–0xC5 | any |
/// | 1 | 0xC6, 0xCB | 0x80–0x9F |
/// | 2 | 0xCE | 0x84–0x8F |
/// | 3 | 0xCE, 0xD0 (and 0xC0, 0xDE) | 0x93 |
/// | 4 | 0xCE | 0xA9 |
/// | 5 | 0xCF | 0x80 |
/// | 6 | 0xD0 | 0x81–0x8F |
/// | 7 | 0xD1, 0xD2 | 0x90–0x9F |
///
/// Two are wider than `flagged`, so that eight classes hold it all: bit 3 also holds
/// 0xC0 0x93 (never in UTF-8) and 0xDE 0x93 (`ޓ`, U+0793, Thaana), bit 7 also 0xD2
/// 0x92–0x9F (`Ғ` to `ҟ`, U+0492–U+049F, Cyrillic letters of Kazakh, Tatar and others,
/// where `flagged` has only `Ґ` and `ґ`). A character marked more is only looked up for
/// nothing. The leads 0xE2 and 0xEF are compared directly.
const fn tables() -> [Table; 4] {
    let mut here_high = [0u8; 16];
    let mut here_low = [0u8; 16];
    let mut next_high = [0u8; 16];
    let mut next_low = [0u8; 16];
    // (class bit, here's high halves, here's low halves, next's high halves, next's low
    // halves), each set of halves as a bit set.
    let classes: [(u8, u16, u16, u16, u16); 8] = [
        (0, 1 << 0xC, 0b0000_0000_0011_1100, 0xFFFF, 0xFFFF),
        (1, 1 << 0xC, 1 << 6 | 1 << 0xB, 1 << 8 | 1 << 9, 0xFFFF),
        (2, 1 << 0xC, 1 << 0xE, 1 << 8, 0xFFF0),
        (3, 1 << 0xC | 1 << 0xD, 1 << 0xE | 1 << 0, 1 << 9, 1 << 3),
        (4, 1 << 0xC, 1 << 0xE, 1 << 0xA, 1 << 9),
        (5, 1 << 0xC, 1 << 0xF, 1 << 8, 1 << 0),
        (6, 1 << 0xD, 1 << 0, 1 << 8, 0xFFFE),
        (7, 1 << 0xD, 1 << 1 | 1 << 2, 1 << 9, 0xFFFF),
    ];
    let mut c = 0;
    while c < classes.len() {
        let (bit, highs, lows, next_highs, next_lows) = classes[c];
        let mut h = 0;
        while h < 16 {
            if highs >> h & 1 != 0 {
                here_high[h] |= 1 << bit;
            }
            if lows >> h & 1 != 0 {
                here_low[h] |= 1 << bit;
            }
            if next_highs >> h & 1 != 0 {
                next_high[h] |= 1 << bit;
            }
            if next_lows >> h & 1 != 0 {
                next_low[h] |= 1 << bit;
            }
            h += 1;
        }
        c += 1;
    }
    [here_high, here_low, next_high, next_low]
}

const TABLES: [Table; 4] = tables();

/// What `flagged` marks for the sixteen bytes of `here` (`next` being the same one byte
/// on), and the few more pairs the classes hold (see [`tables`]).
///
/// # Safety
///
/// The processor must have SSSE3.
#[inline(always)]
unsafe fn flagged_by_lookup(here: &[u8; 16], next: &[u8; 16]) -> u32 {
    // SAFETY (all the intrinsics): SSE2 is part of x86-64 (and enabled on the 32-bit
    // targets this compiles for), SSSE3 is the caller's promise; the loads are unaligned
    // loads of sixteen-byte arrays.
    unsafe {
        let table = |t: &Table| _mm_loadu_si128(t.as_ptr().cast::<__m128i>());
        let here = _mm_loadu_si128(here.as_ptr().cast::<__m128i>());
        let next = _mm_loadu_si128(next.as_ptr().cast::<__m128i>());
        let low_half = _mm_set1_epi8(0x0F);
        let high = |v: __m128i| _mm_and_si128(_mm_srli_epi16::<4>(v), low_half);
        let low = |v: __m128i| _mm_and_si128(v, low_half);
        let classes = _mm_and_si128(
            _mm_and_si128(
                _mm_shuffle_epi8(table(&TABLES[0]), high(here)),
                _mm_shuffle_epi8(table(&TABLES[1]), low(here)),
            ),
            _mm_and_si128(
                _mm_shuffle_epi8(table(&TABLES[2]), high(next)),
                _mm_shuffle_epi8(table(&TABLES[3]), low(next)),
            ),
        );
        let eq = |v: __m128i, b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(i8::from_ne_bytes([b])));
        // 0xFF where the pair is in no class and `here` is neither 0xE2 nor 0xEF.
        let unmarked = _mm_cmpeq_epi8(
            _mm_or_si128(classes, _mm_or_si128(eq(here, 0xE2), eq(here, 0xEF))),
            _mm_setzero_si128(),
        );
        !(_mm_movemask_epi8(unmarked) as u32) & 0xFFFF
    }
}

/// Every scan of this module that the processor can run, by name: the tests hold each to
/// the reference, whichever [`candidate`] chooses.
#[cfg(test)]
pub(super) fn every_candidate(
    text: &str,
    from: usize,
    o: ScanOptions,
) -> Vec<(&'static str, Option<Candidate>)> {
    let mut found = Vec::new();
    if std::is_x86_feature_detected!("ssse3") {
        // SAFETY: the processor has SSSE3 (just checked).
        found.push(("SSSE3", unsafe { candidate_ssse3(text, from, o) }));
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (just checked).
        found.push(("AVX2", unsafe { candidate_avx2(text, from, o) }));
    }
    found
}

/// The start of [`super::decode::transcode_with_room`] with the widest steps the processor
/// has: sixty-four bytes with AVX-512 (VBMI and VBMI2) when the encoding's characters lie in
/// at most eight rows of the table (see [`Rows`]), else sixteen with AVX2. Each
/// character's byte is looked up in `table` (the joined table of
/// [`super::tables::Tables::transcode_joined`]) at every lane where one may start, and
/// the bytes of the lanes where one does are packed together. Stops before a step with a
/// character of three bytes not led by 0xE2 or of four, and a step's length before the
/// end; returns where it stopped (possibly inside a character it read).
#[inline]
pub(super) fn transcode_start(
    bytes: &[u8],
    table: &[u8; 0x1804],
    enc: super::Encoding,
    out: &mut Vec<u8>,
) -> usize {
    #[cfg(target_arch = "x86_64")]
    if let Some(done) = transcode_avx512_if_able(bytes, enc, out) {
        return done;
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has AVX2 and POPCNT (just checked).
        return unsafe { transcode_avx2(bytes, table, out) };
    }
    let _ = (bytes, table, enc, out);
    0
}

/// Each transcode the processor can run, by name, with how far it went: the tests hold
/// each to the loop that takes one character at a time, whichever
/// [`transcode_start`] chooses.
#[cfg(test)]
pub(super) fn every_transcode_start(
    bytes: &[u8],
    table: &[u8; 0x1804],
    enc: super::Encoding,
) -> Vec<(&'static str, Vec<u8>, usize)> {
    let mut done = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        let mut out = Vec::new();
        if let Some(step) = transcode_avx512_if_able(bytes, enc, &mut out) {
            done.push(("AVX-512", out, step));
        }
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
            let mut out = Vec::new();
            // SAFETY: the processor has AVX2 and POPCNT (just checked).
            let step = unsafe { transcode_avx2(bytes, table, &mut out) };
            done.push(("AVX2", out, step));
        }
    }
    let _ = (bytes, table, enc);
    done
}

/// An encoding's part of the joined table as AVX-512 looks it up: the rows of 64 bytes
/// (a character of two bytes: its lead's row, its last byte's column; of three led by
/// 0xE2: its second byte's row) that hold a byte, if there are at most eight. Windows-1252
/// (with Latin-1's controls) has eight: 0xC2, 0xC3, 0xC5, 0xC6, 0xCB, and 0xE2 then 0x80,
/// 0x82 or 0x84; Windows-1251, -1250, -1253, -1257 and ISO-8859-2 at most as many.
/// Windows-1254, Mac OS Roman and CP437 have more, and use AVX2's gathers.
#[cfg(target_arch = "x86_64")]
#[rustversion::attr(before(1.89), allow(dead_code))]
struct Rows {
    /// By row (the lead's low five bits for two bytes; 64 + the second byte's low six
    /// for three led by 0xE2): where in `bytes` the row is, 0xFF for a row with no byte.
    slots: [u8; 128],
    /// The rows, 0xFF for a character with no byte (as in the joined table).
    bytes: [[u8; 64]; 8],
}

#[cfg(target_arch = "x86_64")]
#[rustversion::attr(before(1.89), allow(dead_code))]
impl Rows {
    fn of(table: &[u8; 0x1804]) -> Option<Rows> {
        let mut rows = Rows {
            slots: [0xFF; 128],
            bytes: [[0xFF; 64]; 8],
        };
        let mut used = 0;
        // Rows 2–31 of the two-byte characters (U+0080–U+07FF; 0 and 1 would be
        // overlong), then the 64 rows of U+2000–U+2FFF.
        let starts = (2..32)
            .map(|row| (row, row * 64))
            .chain((0..64).map(|row| (64 + row, 0x800 + row * 64)));
        for (slot_index, start) in starts {
            let row: &[u8; 64] = table[start..start + 64].try_into().expect("a row");
            if row.iter().all(|&b| b == 0xFF) {
                continue;
            }
            if used == rows.bytes.len() {
                return None;
            }
            rows.slots[slot_index] = used as u8;
            rows.bytes[used] = *row;
            used += 1;
        }
        Some(rows)
    }
}

/// [`transcode_avx512`], if the processor has AVX-512 (F, BW, VBMI and VBMI2) and `enc`'s
/// characters fit [`Rows`]; compiled only by a Rust that has these instructions (1.89 and
/// later).
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[inline]
fn transcode_avx512_if_able(
    bytes: &[u8],
    enc: super::Encoding,
    out: &mut Vec<u8>,
) -> Option<usize> {
    static ROWS: std::sync::OnceLock<Vec<Option<Rows>>> = std::sync::OnceLock::new();
    let able = std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vbmi")
        && std::is_x86_feature_detected!("avx512vbmi2");
    if !able {
        return None;
    }
    let all = ROWS.get_or_init(|| {
        let tables = super::tables::tables();
        super::Encoding::ALL
            .iter()
            .map(|&enc| Rows::of(tables.transcode_joined(enc)))
            .collect()
    });
    let rows = all[enc.index()].as_ref()?;
    // SAFETY: the processor has AVX-512 F, BW, VBMI and VBMI2 (just checked).
    Some(unsafe { transcode_avx512(bytes, rows, out) })
}

/// Without AVX-512 in the compiler: never.
#[cfg(target_arch = "x86_64")]
#[rustversion::before(1.89)]
#[inline]
fn transcode_avx512_if_able(
    _bytes: &[u8],
    _enc: super::Encoding,
    _out: &mut Vec<u8>,
) -> Option<usize> {
    None
}

/// [`transcode_start`] compiled with AVX-512: sixty-four bytes a step, no gather. At every
/// lane, as if a character started there: its row's slot (one look-up in
/// [`Rows::slots`] by its lead, or its second byte after 0xE2), its column (its last
/// byte), and its byte, looked up in the four pairs of rows and chosen by the slot; the
/// bytes of the lanes where a character starts (ASCII as itself) are then packed by one
/// compress. AVX2's sixteen-byte step spent nearly half its time on its two gathers of
/// eight lanes; what this step gave, per language: see BENCHMARKS.md.
///
/// # Safety
///
/// The processor must have AVX-512 F, BW, VBMI and VBMI2.
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,popcnt")]
unsafe fn transcode_avx512(bytes: &[u8], rows: &Rows, out: &mut Vec<u8>) -> usize {
    use core::arch::x86_64::{
        __m512i, _mm512_and_si512, _mm512_cmpeq_epi8_mask, _mm512_cmpge_epu8_mask,
        _mm512_loadu_si512, _mm512_mask_blend_epi8, _mm512_movepi8_mask, _mm512_or_si512,
        _mm512_permutex2var_epi8, _mm512_set1_epi8, _mm512_test_epi8_mask,
    };
    let splat = |b: u8| _mm512_set1_epi8(i8::from_ne_bytes([b]));
    // SAFETY (each load here): an unaligned load of sixty-four bytes from an array of at
    // least as many.
    let load = |from: &[u8]| unsafe { _mm512_loadu_si512(from.as_ptr().cast::<__m512i>()) };
    let slots = (load(&rows.slots[..64]), load(&rows.slots[64..]));
    let pairs = [
        (load(&rows.bytes[0]), load(&rows.bytes[1])),
        (load(&rows.bytes[2]), load(&rows.bytes[3])),
        (load(&rows.bytes[4]), load(&rows.bytes[5])),
        (load(&rows.bytes[6]), load(&rows.bytes[7])),
    ];
    let mut i = 0;
    // Every step reads two bytes past its sixty-four (a character may end there).
    while i + 66 <= bytes.len() {
        let step: &[u8; 66] = bytes[i..i + 66].try_into().expect("a step of bytes");
        let (v0, v1, v2) = (load(&step[..64]), load(&step[1..65]), load(&step[2..]));
        let high = _mm512_movepi8_mask(v0);
        if high == 0 {
            i = copy_ascii(bytes, i, i + 64, out);
            continue;
        }
        let three_or_four = _mm512_cmpge_epu8_mask(v0, splat(0xE0));
        let e2 = _mm512_cmpeq_epi8_mask(v0, splat(0xE2));
        if three_or_four & !e2 != 0 {
            break;
        }
        let top = _mm512_and_si512(v0, splat(0xC0));
        let continuing = _mm512_cmpeq_epi8_mask(top, splat(0x80));
        // The row of a character starting at each lane: its lead's low five bits (two
        // bytes), or 64 + its second byte's low six (three, led by 0xE2).
        let row = _mm512_mask_blend_epi8(
            e2,
            _mm512_and_si512(v0, splat(0x1F)),
            _mm512_or_si512(_mm512_and_si512(v1, splat(0x3F)), splat(0x40)),
        );
        let slot = _mm512_permutex2var_epi8(slots.0, row, slots.1);
        // The column: the last byte's low six bits, the slot's lowest bit above them.
        let last = _mm512_mask_blend_epi8(e2, v1, v2);
        let column = _mm512_and_si512(last, splat(0x3F));
        let column = _mm512_mask_blend_epi8(
            _mm512_test_epi8_mask(slot, splat(1)),
            column,
            _mm512_or_si512(column, splat(0x40)),
        );
        let look = |(a, b): (__m512i, __m512i)| _mm512_permutex2var_epi8(a, column, b);
        let second = _mm512_test_epi8_mask(slot, splat(2));
        let low = _mm512_mask_blend_epi8(second, look(pairs[0]), look(pairs[1]));
        let high_pairs = _mm512_mask_blend_epi8(second, look(pairs[2]), look(pairs[3]));
        let byte = _mm512_mask_blend_epi8(_mm512_test_epi8_mask(slot, splat(4)), low, high_pairs);
        // A row with no byte: 0xFF, as the joined table has it; ASCII as itself.
        let byte =
            _mm512_mask_blend_epi8(_mm512_cmpeq_epi8_mask(slot, splat(0xFF)), byte, splat(0xFF));
        let byte = _mm512_mask_blend_epi8(!high, byte, v0);
        let starts = !continuing;
        // SAFETY: the processor has AVX-512 F, BW and VBMI2 (this function's promise).
        unsafe { push_compressed(out, starts, byte) };
        i += 64;
    }
    i
}

/// Appends the bytes of `v` whose lanes `keep` marks, in order (one compress, one store
/// of sixty-four bytes): the last step of [`transcode_avx512`] and [`code_points_avx512`].
///
/// # Safety
///
/// The processor must have AVX-512 F, BW and VBMI2.
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
#[inline]
unsafe fn push_compressed(out: &mut Vec<u8>, keep: u64, v: core::arch::x86_64::__m512i) {
    use core::arch::x86_64::{__m512i, _mm512_maskz_compress_epi8, _mm512_storeu_si512};
    let packed = _mm512_maskz_compress_epi8(keep, v);
    out.reserve(64);
    let len = out.len();
    // SAFETY: sixty-four bytes at `len` are within the capacity just reserved; the
    // `keep.count_ones() ≤ 64` bytes from `len` are then all written.
    unsafe {
        _mm512_storeu_si512(out.as_mut_ptr().add(len).cast::<__m512i>(), packed);
        out.set_len(len + keep.count_ones() as usize);
    }
}

/// A transcode's step of ASCII: the stretch from `from` to the first non-ASCII byte at or
/// after `checked` (the bytes before it are ASCII) copied whole; returns where it ends.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn copy_ascii(bytes: &[u8], from: usize, checked: usize, out: &mut Vec<u8>) -> usize {
    let end = super::scan::next_non_ascii(bytes, checked);
    out.extend_from_slice(&bytes[from..end]);
    end
}

/// UTF-8 of `code_points` from `from`, sixteen at a time with AVX-512 (F, BW and VBMI2)
/// or eight with AVX2 where the processor has them, as far as they are all below U+10000
/// and no surrogate; returns where it stopped (`from` without either). For
/// [`crate::load::string_from_code_points`].
#[inline]
pub(crate) fn code_points_start(code_points: &[u32], from: usize, out: &mut Vec<u8>) -> usize {
    #[cfg(target_arch = "x86_64")]
    if code_points_avx512_able() {
        // SAFETY: the processor has AVX-512 F, BW and VBMI2 (just checked).
        return unsafe { code_points_avx512(code_points, from, out) };
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (just checked).
        return unsafe { code_points_avx2(code_points, from, out) };
    }
    let _ = (code_points, out);
    from
}

/// Each of [`code_points_start`]'s steps the processor can run, by name, with its output
/// and where it stopped: the tests hold each to one code point at a time.
#[cfg(test)]
pub(crate) fn every_code_points_start(
    code_points: &[u32],
    from: usize,
) -> Vec<(&'static str, Vec<u8>, usize)> {
    let mut done = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        if code_points_avx512_able() {
            let mut out = Vec::new();
            // SAFETY: the processor has AVX-512 F, BW and VBMI2 (just checked).
            let step = unsafe { code_points_avx512(code_points, from, &mut out) };
            done.push(("AVX-512", out, step));
        }
        if std::is_x86_feature_detected!("avx2") {
            let mut out = Vec::new();
            // SAFETY: the processor has AVX2 (just checked).
            let step = unsafe { code_points_avx2(code_points, from, &mut out) };
            done.push(("AVX2", out, step));
        }
    }
    let _ = (code_points, from);
    done
}

/// Whether [`code_points_start`] takes eight or sixteen code points a step here.
pub(crate) fn code_points_quick() -> bool {
    #[cfg(target_arch = "x86_64")]
    return code_points_avx512_able() || std::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Whether [`code_points_avx512`] can run (and the compiler has it: 1.89 and later).
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[inline]
fn code_points_avx512_able() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vbmi2")
}

/// Without AVX-512 in the compiler: never.
#[cfg(target_arch = "x86_64")]
#[rustversion::before(1.89)]
#[inline]
fn code_points_avx512_able() -> bool {
    false
}

/// [`code_points_start`] with AVX-512: each of sixteen code points becomes its one, two
/// or three bytes of UTF-8 in its own lane of four, and one compress packs the bytes;
/// sixteen ASCII code points are narrowed to their bytes at once (the conversion of a
/// `str` of mojibake given to the Python package: −16 %, `python/benches/objects.py`).
/// Stops before sixteen code points with one at or above U+10000 or a surrogate (the
/// caller takes those one at a time), and at the last sixteen.
///
/// # Safety
///
/// The processor must have AVX-512 F, BW and VBMI2.
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
unsafe fn code_points_avx512(code_points: &[u32], from: usize, out: &mut Vec<u8>) -> usize {
    use core::arch::x86_64::{
        __m128i, __m512i, _mm512_and_si512, _mm512_cmpeq_epi32_mask, _mm512_cmpge_epu32_mask,
        _mm512_cvtepi32_epi8, _mm512_loadu_si512, _mm512_mask_blend_epi32, _mm512_movepi8_mask,
        _mm512_or_si512, _mm512_set1_epi32, _mm512_slli_epi32, _mm512_srli_epi32, _mm_storeu_si128,
    };
    let splat = |x: u32| _mm512_set1_epi32(i32::from_ne_bytes(x.to_ne_bytes()));
    let mut i = from;
    while i + 16 <= code_points.len() {
        let step: &[u32; 16] = code_points[i..i + 16].try_into().expect("sixteen");
        // SAFETY: an unaligned load of sixty-four bytes from an array of as many.
        let c = unsafe { _mm512_loadu_si512(step.as_ptr().cast::<__m512i>()) };
        let two_or_more = _mm512_cmpge_epu32_mask(c, splat(0x80));
        if two_or_more == 0 {
            // Sixteen ASCII code points (most of a text's steps, even of mojibake's):
            // each lane's low byte, narrowed in one instruction.
            out.reserve(16);
            let len = out.len();
            // SAFETY: sixteen bytes at `len` are within the capacity just reserved, and
            // all sixteen are written.
            unsafe {
                _mm_storeu_si128(
                    out.as_mut_ptr().add(len).cast::<__m128i>(),
                    _mm512_cvtepi32_epi8(c),
                );
                out.set_len(len + 16);
            }
            i += 16;
            continue;
        }
        let four_bytes = _mm512_cmpge_epu32_mask(c, splat(0x1_0000));
        let surrogate =
            _mm512_cmpeq_epi32_mask(_mm512_and_si512(c, splat(0xFFFF_F800)), splat(0xD800));
        if four_bytes | surrogate != 0 {
            break;
        }
        let three = _mm512_cmpge_epu32_mask(c, splat(0x800));
        let low6 = |v: __m512i| _mm512_and_si512(v, splat(0x3F));
        let c6 = _mm512_srli_epi32::<6>(c);
        // Each lane's bytes, the first lowest: `c`; `110xxxxx 10xxxxxx`;
        // `1110xxxx 10xxxxxx 10xxxxxx`.
        let two = _mm512_or_si512(
            _mm512_or_si512(c6, splat(0xC0)),
            _mm512_slli_epi32::<8>(_mm512_or_si512(low6(c), splat(0x80))),
        );
        let three_bytes = _mm512_or_si512(
            _mm512_or_si512(_mm512_srli_epi32::<12>(c), splat(0xE0)),
            _mm512_or_si512(
                _mm512_slli_epi32::<8>(_mm512_or_si512(low6(c6), splat(0x80))),
                _mm512_slli_epi32::<16>(_mm512_or_si512(low6(c), splat(0x80))),
            ),
        );
        let bytes = _mm512_mask_blend_epi32(two_or_more, c, two);
        let bytes = _mm512_mask_blend_epi32(three, bytes, three_bytes);
        // The bytes each lane keeps, as their top bits.
        let kept = _mm512_mask_blend_epi32(two_or_more, splat(0x80), splat(0x8080));
        let kept = _mm512_movepi8_mask(_mm512_mask_blend_epi32(three, kept, splat(0x80_8080)));
        // SAFETY: the processor has AVX-512 F, BW and VBMI2 (this function's promise).
        unsafe { push_compressed(out, kept, bytes) };
        i += 16;
    }
    i
}

/// [`code_points_start`] with AVX2: eight code points a step, each its one, two or three
/// bytes of UTF-8 in its own lane of four, as AVX-512's; each half of four lanes then
/// packed by one shuffle, looked up by which of its lanes have two bytes or more and
/// which three ([`UTF8_PACK`]); eight ASCII code points are written as their low bytes
/// (the corpus's mojibake as code points: −23 % instructions). Stops before eight code
/// points with one at or above U+10000 or a surrogate, and at the last eight.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn code_points_avx2(code_points: &[u32], from: usize, out: &mut Vec<u8>) -> usize {
    use core::arch::x86_64::{
        __m128i, __m256i, _mm256_and_si256, _mm256_blendv_epi8, _mm256_castsi256_ps,
        _mm256_castsi256_si128, _mm256_cmpeq_epi32, _mm256_cmpgt_epi32, _mm256_extracti128_si256,
        _mm256_loadu_si256, _mm256_movemask_ps, _mm256_or_si256, _mm256_set1_epi32,
        _mm256_slli_epi32, _mm256_srli_epi32, _mm256_testz_si256, _mm_loadu_si128,
        _mm_shuffle_epi8, _mm_storeu_si128,
    };
    let splat = |x: u32| _mm256_set1_epi32(i32::from_ne_bytes(x.to_ne_bytes()));
    let mut i = from;
    while i + 8 <= code_points.len() {
        let step: &[u32; 8] = code_points[i..i + 8].try_into().expect("eight");
        // SAFETY: an unaligned load of thirty-two bytes from an array of as many.
        let c = unsafe { _mm256_loadu_si256(step.as_ptr().cast::<__m256i>()) };
        if _mm256_testz_si256(c, splat(0xFFFF_FF80)) != 0 {
            // Eight ASCII code points: each one's low byte.
            out.extend_from_slice(&step.map(|c| c as u8));
            i += 8;
            continue;
        }
        // Signed comparisons: every code point that gets past this is below 0x10000.
        let four_bytes = _mm256_cmpgt_epi32(c, splat(0xFFFF));
        let negative = _mm256_cmpgt_epi32(splat(0), c);
        let surrogate = _mm256_cmpeq_epi32(_mm256_and_si256(c, splat(0xFFFF_F800)), splat(0xD800));
        let bad = _mm256_or_si256(_mm256_or_si256(four_bytes, negative), surrogate);
        if _mm256_movemask_ps(_mm256_castsi256_ps(bad)) != 0 {
            break;
        }
        let two_or_more = _mm256_cmpgt_epi32(c, splat(0x7F));
        let three = _mm256_cmpgt_epi32(c, splat(0x7FF));
        let low6 = |v: __m256i| _mm256_and_si256(v, splat(0x3F));
        let c6 = _mm256_srli_epi32::<6>(c);
        let two = _mm256_or_si256(
            _mm256_or_si256(c6, splat(0xC0)),
            _mm256_slli_epi32::<8>(_mm256_or_si256(low6(c), splat(0x80))),
        );
        let three_bytes = _mm256_or_si256(
            _mm256_or_si256(_mm256_srli_epi32::<12>(c), splat(0xE0)),
            _mm256_or_si256(
                _mm256_slli_epi32::<8>(_mm256_or_si256(low6(c6), splat(0x80))),
                _mm256_slli_epi32::<16>(_mm256_or_si256(low6(c), splat(0x80))),
            ),
        );
        let bytes = _mm256_blendv_epi8(c, two, two_or_more);
        let bytes = _mm256_blendv_epi8(bytes, three_bytes, three);
        let wide = _mm256_movemask_ps(_mm256_castsi256_ps(two_or_more)) as usize;
        let widest = _mm256_movemask_ps(_mm256_castsi256_ps(three)) as usize;
        out.reserve(32);
        for (half, lanes) in [
            (_mm256_castsi256_si128(bytes), 0),
            (_mm256_extracti128_si256::<1>(bytes), 4),
        ] {
            let key = (wide >> lanes & 0xF) | (widest >> lanes & 0xF) << 4;
            let (shuffle, len) = &UTF8_PACK[key];
            // SAFETY: an unaligned load of sixteen bytes from an array of as many.
            let shuffle = unsafe { _mm_loadu_si128(shuffle.as_ptr().cast::<__m128i>()) };
            let packed = _mm_shuffle_epi8(half, shuffle);
            let at = out.len();
            // SAFETY: sixteen bytes at `at` are within the thirty-two reserved (this
            // half's twelve bytes at most follow the other's); the `len` bytes from
            // `at` are then all written.
            unsafe {
                _mm_storeu_si128(out.as_mut_ptr().add(at).cast::<__m128i>(), packed);
                out.set_len(at + usize::from(*len));
            }
        }
        i += 8;
    }
    i
}

/// For four lanes of UTF-8 bytes (one to three in each lane of four bytes, the first
/// lowest), by which lanes have two bytes or more (bits 0–3) and which three (bits 4–7):
/// the shuffle that packs their bytes together, and how many there are.
#[cfg(target_arch = "x86_64")]
static UTF8_PACK: [([u8; 16], u8); 256] = {
    let mut all = [([0x80u8; 16], 0u8); 256];
    let mut key = 0;
    while key < 256 {
        let mut n = 0;
        let mut lane = 0;
        while lane < 4 {
            let len = 1 + (key >> lane & 1) + (key >> (lane + 4) & 1);
            let mut b = 0;
            while b < len {
                all[key].0[n] = (lane * 4 + b) as u8;
                n += 1;
                b += 1;
            }
            lane += 1;
        }
        all[key].1 = n as u8;
        key += 1;
    }
    all
};

/// Without AVX-512 in the compiler: never called ([`code_points_avx512_able`] says no).
#[cfg(target_arch = "x86_64")]
#[rustversion::before(1.89)]
unsafe fn code_points_avx512(_code_points: &[u32], from: usize, _out: &mut Vec<u8>) -> usize {
    from
}

// A string's UTF-16, for the Python package (feature `utf16`).
#[cfg(feature = "utf16")]
mod utf16;
#[cfg(all(feature = "utf16", test))]
pub(crate) use utf16::every_push_utf16;
#[cfg(feature = "utf16")]
pub(crate) use utf16::{push_utf16_unless_ascii, utf16_quick};

/// `bytes` as a `String`, if they are UTF-8: checked at SIMD speed (`simdutf8`), not
/// copied.
pub(crate) fn utf8_string(bytes: Vec<u8>) -> Option<String> {
    utf8_string_or_back(bytes).ok()
}

/// [`utf8_string`], which gives the bytes back if they are not UTF-8.
pub(crate) fn utf8_string_or_back(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: `bytes` are UTF-8 (just checked).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// For each mask of eight lanes, the shuffle that packs the lanes it marks to the front.
#[cfg(target_arch = "x86_64")]
static PACK: [[u8; 16]; 256] = {
    let mut all = [[0x80u8; 16]; 256];
    let mut mask = 0;
    while mask < 256 {
        let mut n = 0;
        let mut lane = 0;
        while lane < 8 {
            if mask & (1 << lane) != 0 {
                all[mask][n] = lane as u8;
                n += 1;
            }
            lane += 1;
        }
        mask += 1;
    }
    all
};

/// [`transcode_start`] compiled with AVX2.
///
/// # Safety
///
/// The processor must have AVX2 and POPCNT.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
unsafe fn transcode_avx2(bytes: &[u8], table: &[u8; 0x1804], out: &mut Vec<u8>) -> usize {
    use core::arch::x86_64::{
        __m128i, _mm256_add_epi16, _mm256_and_si256, _mm256_blendv_epi8, _mm256_castsi256_si128,
        _mm256_cmpgt_epi16, _mm256_cvtepu16_epi32, _mm256_cvtepu8_epi16, _mm256_extracti128_si256,
        _mm256_i32gather_epi32, _mm256_min_epu16, _mm256_or_si256, _mm256_packus_epi16,
        _mm256_packus_epi32, _mm256_permute4x64_epi64, _mm256_set1_epi16, _mm256_set1_epi32,
        _mm256_slli_epi16, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128,
        _mm_max_epu8, _mm_movemask_epi8, _mm_set1_epi8, _mm_shuffle_epi8, _mm_storel_epi64,
    };
    let splat = |b: u8| _mm_set1_epi8(i8::from_ne_bytes([b]));
    let mut i = 0;
    // Every step reads two bytes past its sixteen (a character may end there).
    while i + 18 <= bytes.len() {
        let step: &[u8; 18] = bytes[i..i + 18].try_into().expect("a step of bytes");
        // SAFETY: unaligned loads of sixteen bytes from an array of eighteen.
        let (v0, v1, v2) = unsafe {
            let at = |k: usize| _mm_loadu_si128(step[k..].as_ptr().cast::<__m128i>());
            (at(0), at(1), at(2))
        };
        let high_bits = _mm_movemask_epi8(v0);
        if high_bits == 0 {
            i = copy_ascii(bytes, i, i + 16, out);
            continue;
        }
        let three_or_four = _mm_cmpeq_epi8(_mm_max_epu8(v0, splat(0xE0)), v0);
        let e2 = _mm_cmpeq_epi8(v0, splat(0xE2));
        if _mm_movemask_epi8(_mm_andnot_si128(e2, three_or_four)) != 0 {
            break;
        }
        let top = _mm_and_si128(v0, splat(0xC0));
        let leads = _mm_movemask_epi8(_mm_cmpeq_epi8(top, splat(0xC0))) as u32;
        // One lead, and no byte of a character begun before the step.
        if leads.count_ones() == 1 && (high_bits as u32).trailing_zeros() == leads.trailing_zeros()
        {
            // One character in a stretch of ASCII (German, Latgalian): the ASCII before
            // it copied, the character looked up, the step begun again after it.
            let at = leads.trailing_zeros() as usize;
            let (b0, b1, b2) = (
                usize::from(step[at]),
                usize::from(step[at + 1]),
                usize::from(step[at + 2]),
            );
            let (index, len) = if b0 < 0xE0 {
                (((b0 & 0x1F) << 6) | (b1 & 0x3F), 2)
            } else {
                (0x800 + (((b1 & 0x3F) << 6) | (b2 & 0x3F)), 3)
            };
            out.extend_from_slice(&step[..at]);
            out.push(table[index]);
            i += at + len;
            continue;
        }
        let starts = !(_mm_movemask_epi8(_mm_cmpeq_epi8(top, splat(0x80))) as u32) & 0xFFFF;
        // Each lane's index in the table, as if a character started there.
        let (w0, w1, w2) = (
            _mm256_cvtepu8_epi16(v0),
            _mm256_cvtepu8_epi16(v1),
            _mm256_cvtepu8_epi16(v2),
        );
        let six = _mm256_set1_epi16(0x3F);
        let c1 = _mm256_and_si256(w1, six);
        let two = _mm256_or_si256(
            _mm256_slli_epi16::<6>(_mm256_and_si256(w0, _mm256_set1_epi16(0x1F))),
            c1,
        );
        let three = _mm256_add_epi16(
            _mm256_or_si256(_mm256_slli_epi16::<6>(c1), _mm256_and_si256(w2, six)),
            _mm256_set1_epi16(0x800),
        );
        let index = _mm256_blendv_epi8(two, three, _mm256_cmpgt_epi16(w0, _mm256_set1_epi16(0xDF)));
        let index = _mm256_blendv_epi8(index, w0, _mm256_cmpgt_epi16(_mm256_set1_epi16(0x80), w0));
        // Never past the table, whatever the lanes hold.
        let index = _mm256_min_epu16(index, _mm256_set1_epi16(0x17FF));
        let low = _mm256_cvtepu16_epi32(_mm256_castsi256_si128(index));
        let high = _mm256_cvtepu16_epi32(_mm256_extracti128_si256::<1>(index));
        // SAFETY: every index is at most 0x17FF and each gather reads four bytes from
        // it: within the table's 0x1804.
        let (low, high) = unsafe {
            let base = table.as_ptr().cast::<i32>();
            (
                _mm256_i32gather_epi32::<1>(base, low),
                _mm256_i32gather_epi32::<1>(base, high),
            )
        };
        let byte = _mm256_set1_epi32(0xFF);
        let words = _mm256_packus_epi32(_mm256_and_si256(low, byte), _mm256_and_si256(high, byte));
        let words = _mm256_permute4x64_epi64::<0b11_01_10_00>(words);
        let packed = _mm256_packus_epi16(words, words);
        let (first, second) = (starts & 0xFF, starts >> 8);
        let shuffle = |m: u32| {
            // SAFETY: an unaligned load of a sixteen-byte array.
            unsafe { _mm_loadu_si128(PACK[m as usize].as_ptr().cast::<__m128i>()) }
        };
        let first_bytes = _mm_shuffle_epi8(_mm256_castsi256_si128(packed), shuffle(first));
        let second_bytes = _mm_shuffle_epi8(_mm256_extracti128_si256::<1>(packed), shuffle(second));
        let n1 = first.count_ones() as usize;
        let n = n1 + second.count_ones() as usize;
        out.reserve(16);
        let len = out.len();
        // SAFETY: eight bytes at `len` and eight at `len + n1` (n1 ≤ 8) are within the
        // capacity just reserved; the `n ≤ 16` bytes from `len` are then all written.
        unsafe {
            let to = out.as_mut_ptr().add(len);
            _mm_storel_epi64(to.cast::<__m128i>(), first_bytes);
            _mm_storel_epi64(to.add(n1).cast::<__m128i>(), second_bytes);
            out.set_len(len + n);
        }
        i += 16;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `skip_ascii` against its definition: from `from`, ASCII bytes only up to where it
    /// stops, and there a byte >= 0x80 or fewer than sixty-four bytes left; every place
    /// of a non-ASCII byte in texts of up to three steps, from every start.
    #[test]
    fn skip_ascii_stops_at_the_first_byte_not_ascii_or_short_of_a_step() {
        for len in [0, 1, 63, 64, 65, 127, 128, 130, 192, 200] {
            for place in (0..len).map(Some).chain([None]) {
                let mut bytes = vec![b'a'; len];
                if let Some(place) = place {
                    bytes[place] = 0xC3;
                }
                for from in 0..=len + 1 {
                    let stop = skip_ascii(&bytes, from);
                    if from > len {
                        assert_eq!(stop, from);
                        continue;
                    }
                    assert!(stop >= from && stop <= len, "{len} {place:?} {from} {stop}");
                    assert!(
                        bytes[from..stop].is_ascii(),
                        "{len} {place:?} {from} {stop}"
                    );
                    assert!(stop == len || bytes[stop] >= 0x80 || len - stop < 64 || stop == from);
                    #[cfg(target_arch = "x86_64")]
                    if std::is_x86_feature_detected!("avx2") {
                        let first = bytes[from..]
                            .iter()
                            .position(|&b| b >= 0x80)
                            .map(|k| from + k);
                        let whole = from + (len - from) / 64 * 64;
                        assert_eq!(stop, first.filter(|&k| k < whole).unwrap_or(whole));
                    }
                }
            }
        }
    }

    /// The encodings whose characters AVX-512 looks up without gathers: the mojibake of
    /// nearly all real text is Windows-1252's.
    #[test]
    #[cfg(target_arch = "x86_64")]
    fn the_common_encodings_fit_in_eight_rows() {
        use crate::repair::Encoding;
        let tables = crate::repair::tables::tables();
        let fit: Vec<Encoding> = Encoding::ALL
            .into_iter()
            .filter(|&enc| Rows::of(tables.transcode_joined(enc)).is_some())
            .collect();
        assert_eq!(
            fit,
            [
                Encoding::Windows1252,
                Encoding::Windows1251,
                Encoding::Windows1250,
                Encoding::Windows1253,
                Encoding::Windows1257,
                Encoding::Iso8859_2
            ]
        );
    }
    use crate::repair::scan::{flagged, LaneOps, PlainLanes};

    /// Whether the look-ups may mark the pair `here`, `next` where `flagged` does not
    /// (see [`tables`]).
    fn known_extra(here: u8, next: u8) -> bool {
        matches!((here, next), (0xC0 | 0xDE, 0x93) | (0xD2, 0x92..=0x9F))
    }

    fn both_ways(block: &[u8; 17]) -> (u32, u32) {
        let here: &[u8; 16] = block[..16].try_into().unwrap();
        let next: &[u8; 16] = block[1..].try_into().unwrap();
        // SAFETY: checked by the caller.
        let lookup = unsafe { flagged_by_lookup(here, next) };
        let plain = flagged(PlainLanes::load(here), PlainLanes::load(next));
        (lookup, plain)
    }

    #[test]
    fn the_lookups_mark_what_the_comparisons_mark_on_every_pair_of_bytes() {
        if !std::is_x86_feature_detected!("ssse3") {
            eprintln!("no SSSE3 here: the look-ups are not tested");
            return;
        }
        for here in 0..=255u8 {
            for next in 0..=255u8 {
                for k in [0, 1, 7, 8, 15] {
                    let mut block = [b'a'; 17];
                    block[k] = here;
                    block[k + 1] = next;
                    let (lookup, plain) = both_ways(&block);
                    let expected = if known_extra(here, next) {
                        plain | 1 << k
                    } else {
                        plain
                    };
                    assert_eq!(lookup, expected, "{here:#04x} {next:#04x} at {k}");
                }
            }
        }
    }

    #[test]
    fn the_lookups_mark_what_the_comparisons_mark_in_real_text() {
        if !std::is_x86_feature_detected!("ssse3") {
            return;
        }
        let text = "Ві в ві вії Він ґі Ґ Ё Г Γ Ω π Ά ΐ ƒ ˆ ˇ абв αβγ café â€“ Ã© Ñ€ 日本 मराठी ─ Ω";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() - 17 {
            let block: [u8; 17] = bytes[start..start + 17].try_into().unwrap();
            let (lookup, plain) = both_ways(&block);
            assert_eq!(lookup, plain, "from {start}");
        }
    }
}
