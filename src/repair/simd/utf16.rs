//! A string's UTF-16, for the Python package (which makes a `str` that is not ASCII from
//! UTF-16 in fewer steps than from UTF-8): thirty-two bytes a step with AVX-512. Compiled
//! only with the feature `utf16`, which the Python package asks for.

/// Appends the UTF-16 of `text` to `out` and returns `true`, unless `text` is ASCII:
/// then returns `false`, `out` as it was. With AVX-512 (BW, VL and VBMI2), thirty-two
/// bytes a step; without, `str::encode_utf16`. For
/// [`crate::load::push_utf16_unless_ascii`].
pub(crate) fn push_utf16_unless_ascii(text: &str, out: &mut Vec<u16>) -> bool {
    #[cfg(target_arch = "x86_64")]
    if utf16_avx512_able() {
        // SAFETY: the processor has AVX-512 F, BW, VL and VBMI2, and AVX2 (just checked).
        unsafe {
            if is_ascii_avx2(text.as_bytes()) {
                return false;
            }
            push_utf16_avx512(text, out);
        }
        return true;
    }
    if text.is_ascii() {
        return false;
    }
    out.extend(text.encode_utf16());
    true
}

/// Whether [`push_utf16_unless_ascii`] takes thirty-two bytes a step here.
pub(crate) fn utf16_quick() -> bool {
    #[cfg(target_arch = "x86_64")]
    return utf16_avx512_able();
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Each way of [`push_utf16_unless_ascii`] the processor can run, by name, with its
/// output and its ASCII check: the tests hold each to `str::encode_utf16`.
#[cfg(test)]
pub(crate) fn every_push_utf16(text: &str) -> Vec<(&'static str, Vec<u16>, bool)> {
    let mut done = Vec::new();
    #[cfg(target_arch = "x86_64")]
    if utf16_avx512_able() {
        let mut out = Vec::new();
        // SAFETY: the processor has AVX-512 F, BW, VL and VBMI2, and AVX2 (just checked).
        let ascii = unsafe {
            push_utf16_avx512(text, &mut out);
            is_ascii_avx2(text.as_bytes())
        };
        done.push(("AVX-512", out, ascii));
    }
    let _ = text;
    done
}

/// Whether [`push_utf16_avx512`] can run (AVX-512 F, BW, VL and VBMI2, and the compiler
/// has them: 1.89 and later), and [`is_ascii_avx2`] (AVX2, which every processor with
/// AVX-512 has; asked all the same).
#[cfg(target_arch = "x86_64")]
#[inline]
fn utf16_avx512_able() -> bool {
    super::code_points_avx512_able()
        && std::is_x86_feature_detected!("avx512vl")
        && std::is_x86_feature_detected!("avx2")
}

/// Whether `bytes` are all ASCII: thirty-two at a time, the last thirty-two (or sixteen,
/// or eight, or four) read where they end, over bytes already read.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn is_ascii_avx2(bytes: &[u8]) -> bool {
    use core::arch::x86_64::{
        __m128i, __m256i, _mm256_loadu_si256, _mm256_movemask_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128,
    };
    let n = bytes.len();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight"));
    let half = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four"));
    match n {
        32.. => {
            let step = |at: usize| {
                let step: &[u8; 32] = bytes[at..at + 32].try_into().expect("thirty-two");
                // SAFETY: an unaligned load of thirty-two bytes from an array of as many.
                _mm256_movemask_epi8(unsafe { _mm256_loadu_si256(step.as_ptr().cast::<__m256i>()) })
            };
            let mut i = 0;
            while i + 32 <= n {
                if step(i) != 0 {
                    return false;
                }
                i += 32;
            }
            step(n - 32) == 0
        }
        16..=31 => {
            let at = |at: usize| {
                let step: &[u8; 16] = bytes[at..at + 16].try_into().expect("sixteen");
                // SAFETY: an unaligned load of sixteen bytes from an array of as many.
                unsafe { _mm_loadu_si128(step.as_ptr().cast::<__m128i>()) }
            };
            _mm_movemask_epi8(_mm_or_si128(at(0), at(n - 16))) == 0
        }
        8..=15 => (word(0) | word(n - 8)) & 0x8080_8080_8080_8080 == 0,
        4..=7 => (half(0) | half(n - 4)) & 0x8080_8080 == 0,
        _ => bytes.iter().all(|&b| b < 0x80),
    }
}

/// [`push_utf16_unless_ascii`] with AVX-512: a step loads the next thirty-two bytes, and
/// the thirty-two from one and from two places on (near the text's end, by masked loads
/// that read only the bytes in the text and make the others zeros, which are ASCII);
/// where the thirty-two are ASCII, it widens them to as many units; otherwise, where none
/// of them begins a character of four bytes, it works out at each of those thirty-two
/// places the unit of a character of one, two or three bytes starting there (from the
/// byte and the two after it, in sixteen-bit lanes), and one compress packs those of the
/// places where a character does start; the characters that start there and end past
/// the thirty-two are written whole, and the next step starts after them. Thirty-two
/// bytes with a character of four bytes (two units) are written one character at a time.
///
/// A text has at most as many UTF-16 units as UTF-8 bytes, and the output's position
/// never gets ahead of the input's: a step's writes, thirty-two units from a position at
/// most the input's, stay in the room reserved for the text's length and thirty-two more.
///
/// # Safety
///
/// The processor must have AVX-512 F, BW, VL and VBMI2.
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vbmi2,popcnt")]
unsafe fn push_utf16_avx512(text: &str, out: &mut Vec<u16>) {
    use core::arch::x86_64::{
        __m256i, __m512i, _mm256_loadu_si256, _mm256_maskz_loadu_epi8, _mm256_movemask_epi8,
        _mm512_and_si512, _mm512_cmpeq_epi16_mask, _mm512_cmpge_epu16_mask, _mm512_cvtepu8_epi16,
        _mm512_mask_blend_epi16, _mm512_maskz_compress_epi16, _mm512_or_si512, _mm512_set1_epi16,
        _mm512_slli_epi16, _mm512_storeu_si512,
    };
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 32);
    let start = out.len();
    // SAFETY: within the room just reserved (`start` is the vector's length).
    let to = unsafe { out.as_mut_ptr().add(start) };
    let splat = |x: u16| _mm512_set1_epi16(i16::from_ne_bytes(x.to_ne_bytes()));
    let (mut i, mut o) = (0, 0);
    while i < bytes.len() {
        let left = bytes.len() - i;
        // SAFETY: the loads read thirty-two bytes from `i`, `i + 1` or `i + 2`, where
        // `i + 34 <= bytes.len()`, or, near the end, only the bytes of those thirty-two
        // that are in the text (a masked load reads no byte whose lane the mask leaves
        // out, and sets it to zero); every store writes thirty-two units from `o`, where
        // `o <= i < bytes.len()`, in the room reserved for `bytes.len() + 32`.
        unsafe {
            let at = |k: usize| {
                let from = bytes.as_ptr().wrapping_add(i + k).cast::<i8>();
                if left >= 34 {
                    _mm256_loadu_si256(from.cast::<__m256i>())
                } else {
                    // The lanes of the bytes from `i + k` that are in the text.
                    let lanes = left.saturating_sub(k).min(32);
                    let mask = u32::try_from((1u64 << lanes) - 1).expect("thirty-two lanes");
                    _mm256_maskz_loadu_epi8(mask, from)
                }
            };
            let x = at(0);
            let b0 = _mm512_cvtepu8_epi16(x);
            let taken = left.min(32);
            if _mm256_movemask_epi8(x) == 0 {
                // Thirty-two ASCII bytes (or the text's last ones and zeros).
                _mm512_storeu_si512(to.add(o).cast::<__m512i>(), b0);
                i += taken;
                o += taken;
                continue;
            }
            if _mm512_cmpge_epu16_mask(b0, splat(0xF0)) != 0 {
                // A character of four bytes among the thirty-two: one at a time.
                let end = i + taken;
                while i < end {
                    let (units, len) = utf16_at(bytes, i);
                    to.add(o).write(units[0]);
                    if len == 4 {
                        to.add(o + 1).write(units[1]);
                    }
                    o += 1 + usize::from(len == 4);
                    i += len;
                }
                continue;
            }
            let c1 = _mm512_and_si512(_mm512_cvtepu8_epi16(at(1)), splat(0x3F));
            let c2 = _mm512_and_si512(_mm512_cvtepu8_epi16(at(2)), splat(0x3F));
            let two = _mm512_or_si512(
                _mm512_slli_epi16::<6>(_mm512_and_si512(b0, splat(0x1F))),
                c1,
            );
            // The lead's low four bits end up on top; its others are shifted out.
            let three = _mm512_or_si512(
                _mm512_or_si512(_mm512_slli_epi16::<12>(b0), _mm512_slli_epi16::<6>(c1)),
                c2,
            );
            let unit = _mm512_mask_blend_epi16(_mm512_cmpge_epu16_mask(b0, splat(0x80)), b0, two);
            let unit =
                _mm512_mask_blend_epi16(_mm512_cmpge_epu16_mask(b0, splat(0xE0)), unit, three);
            let continuation =
                _mm512_cmpeq_epi16_mask(_mm512_and_si512(b0, splat(0xC0)), splat(0x80));
            let mut starts = !continuation;
            if left < 32 {
                starts &= (1 << left) - 1;
            }
            _mm512_storeu_si512(
                to.add(o).cast::<__m512i>(),
                _mm512_maskz_compress_epi16(starts, unit),
            );
            o += starts.count_ones() as usize;
            // Past the thirty-two, and the rest of a character that began in them.
            i += taken;
            while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                i += 1;
            }
        }
    }
    // SAFETY: units `start..start + o` are written (each step's writes cover every unit
    // up to the position they leave), within the room reserved.
    unsafe { out.set_len(start + o) };
}

/// Without AVX-512 in the compiler: never called ([`utf16_avx512_able`] says no).
#[cfg(target_arch = "x86_64")]
#[rustversion::before(1.89)]
unsafe fn push_utf16_avx512(text: &str, out: &mut Vec<u16>) {
    out.extend(text.encode_utf16());
}

/// The UTF-16 of the character that starts at `bytes[i]` (UTF-8, from a `str`): its
/// units (the second only for a character of four bytes) and its length in bytes.
#[cfg(target_arch = "x86_64")]
#[rustversion::since(1.89)]
#[inline(always)]
fn utf16_at(bytes: &[u8], i: usize) -> ([u16; 2], usize) {
    let b = u32::from(bytes[i]);
    let next = |k: usize| u32::from(bytes[i + k] & 0x3F);
    if b < 0x80 {
        ([b as u16, 0], 1)
    } else if b < 0xE0 {
        ([((b & 0x1F) << 6 | next(1)) as u16, 0], 2)
    } else if b < 0xF0 {
        ([((b & 0x0F) << 12 | next(1) << 6 | next(2)) as u16, 0], 3)
    } else {
        let c = ((b & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)) - 0x1_0000;
        (
            [(0xD800 | c >> 10) as u16, (0xDC00 | (c & 0x3FF)) as u16],
            4,
        )
    }
}
