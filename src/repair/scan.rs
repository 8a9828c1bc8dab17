//! The scans: where repair may start, and which encodings explain a whole text. Both walk
//! the text once, pass over ASCII eight bytes at a time, and look each other character up
//! once, in one table.
//!
//! The state is three bit sets over the encodings: those in which the characters since the
//! last ASCII byte end in a sequence still missing one, two or three continuation bytes.
//! A character that continues where one is missing completes a sequence: a place where
//! the text might be mojibake.

use super::tables::{tables, Roles, Tables};

/// Offset of the first byte >= 0x80 at or after `from` (the length if none).
///
/// Most stretches of ASCII are short (a space between two words of another script): the
/// first eight bytes are looked at here, inlined; a longer stretch (English text) goes on
/// in [`next_non_ascii_far`].
#[inline(always)]
pub(crate) fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    if from + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("eight bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return from + (high.trailing_zeros() / 8) as usize;
        }
        return next_non_ascii_far(bytes, from + 8);
    }
    let mut i = from;
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// [`next_non_ascii`] past its first eight bytes: sixteen bytes a step, then eight.
#[inline(never)]
fn next_non_ascii_far(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 16 <= bytes.len() {
        let a = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let b = u64::from_le_bytes(bytes[i + 8..i + 16].try_into().expect("eight bytes"));
        if (a | b) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 16;
    }
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// The code point of the character starting at byte `i` of `bytes` (valid UTF-8, `i` on a
/// character boundary), and its length: without the checks `str::chars` makes.
#[inline(always)]
pub(crate) fn code_point_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    match b0 {
        0..=0x7F => (b0, 1),
        0xC0..=0xDF => (((b0 & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    }
}

/// The roles of the non-ASCII character at `i` and its length. Only characters below
/// U+0800 and in the blocks led by 0xE2 and 0xEF are in any table: the rest (CJK, Indic
/// scripts, emoji) is passed over by its lead byte alone.
#[inline(always)]
fn roles_at(t: &Tables, bytes: &[u8], i: usize) -> (Roles, u32, usize) {
    let b0 = bytes[i];
    match b0 {
        0xC2..=0xDF => (t.roles2(b0, bytes[i + 1]), 0, 2),
        0xE2 | 0xEF => {
            let (c, len) = code_point_at(bytes, i);
            (t.roles_above_07ff(c), c, len)
        }
        0xE0..=0xEF => (Roles::default(), 0, 3),
        _ => (Roles::default(), 0, 4),
    }
}

/// What the scans need to know of the options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScanOptions {
    /// The encodings to consider, one bit each.
    pub(crate) enabled: u16,
    /// A space after some leads may stand for a lost 0xA0 byte.
    pub(crate) nbsp: bool,
    /// U+FFFD may stand for a lost continuation byte.
    pub(crate) lossy: bool,
    /// Stop at C1 controls too.
    pub(crate) c1: bool,
}

/// The first place at or after `from` where a repair may start: the start of a window of
/// up to four characters that ends in a complete sequence in some encoding, or a C1
/// control. Everything before it is certainly left as it is.
///
/// Most characters of clean text continue no sequence in any encoding (a Cyrillic,
/// Greek or Armenian letter, CJK, Indic scripts): an inner loop passes over them with one
/// bit test each, and the state after them is that of the last one passed.
pub(crate) fn first_candidate(text: &str, from: usize, o: ScanOptions) -> Option<usize> {
    candidate(text, from, o).map(|c| c.start)
}

/// A place where a repair may start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    /// Where the window starts.
    pub(crate) start: usize,
    /// The character that completes a sequence there (or the C1 control, or the space):
    /// if nothing in the window is repaired, the scan goes on from it.
    pub(crate) at: usize,
    /// The encodings in which a sequence completes there (all, for a C1 control).
    pub(crate) encodings: u16,
}

/// [`first_candidate`], with the character that made it one.
pub(crate) fn candidate(text: &str, from: usize, o: ScanOptions) -> Option<Candidate> {
    let found = |i: usize, encodings: u16| {
        Some(Candidate {
            start: window_start(text.as_bytes(), from, i),
            at: i,
            encodings,
        })
    };
    let bytes = text.as_bytes();
    let t = tables();
    let (mut p1, mut p2, mut p3, mut p1n) = (0u16, 0u16, 0u16, 0u16);
    let mut i = next_non_ascii(bytes, from);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b' ' && p1 & p1n != 0 {
                return found(i, p1 & p1n);
            }
            p1 = 0;
            p2 = 0;
            p3 = 0;
            p1n = 0;
            i = next_non_ascii(bytes, i + 1);
            continue;
        }
        // Pass over the characters that continue nothing, and the spaces and other ASCII
        // between them (a space only matters after a lead that a lost 0xA0 may follow).
        let mut last = usize::MAX;
        let n = bytes.len();
        let continues = t.continues();
        while i + 1 < n {
            let b0 = bytes[i];
            let len = match b0 {
                // Two bytes: one bit test.
                0xC2..=0xDF => {
                    let c = (usize::from(b0 & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F);
                    if continues[c >> 6] >> (c & 63) & 1 != 0 {
                        break;
                    }
                    2
                }
                0xE0 | 0xE1 | 0xE3..=0xEE => 3,
                0x00..=0x7F => {
                    if b0 == b' ' && last != usize::MAX && t.may_lose_nbsp(bytes, last) {
                        break;
                    }
                    last = usize::MAX;
                    // A lone space between two words: no call for it.
                    i = if bytes[i + 1] >= 0x80 {
                        i + 1
                    } else {
                        next_non_ascii(bytes, i + 1)
                    };
                    continue;
                }
                0xF0..=0xF4 => 4,
                _ => break,
            };
            last = i;
            i += len;
        }
        if i >= n || bytes[i] < 0x80 && last == usize::MAX {
            // At the end, or at ASCII with nothing pending: the outer loop takes it.
            p1 = 0;
            p2 = 0;
            p3 = 0;
            p1n = 0;
            if i >= n {
                break;
            }
            continue;
        }
        if last != usize::MAX {
            let (roles, _, _) = roles_at(t, bytes, last);
            p1 = roles.lead2() & o.enabled;
            p2 = roles.lead3() & o.enabled;
            p3 = roles.lead4() & o.enabled;
            p1n = if o.nbsp { roles.nbsp() & (p1 | p2) } else { 0 };
            continue;
        }
        let (roles, c, len) = roles_at(t, bytes, i);
        let mut cont = roles.cont() & o.enabled;
        if len == 2 && b == 0xC2 && bytes[i + 1] < 0xA0 && o.c1 {
            return found(i, o.enabled);
        }
        if c == 0xFFFD && o.lossy {
            cont = o.enabled;
        }
        if p1 & cont != 0 {
            return found(i, p1 & cont);
        }
        // The encodings whose pending sequence may end in a space for a lost 0xA0.
        p1n = if o.nbsp {
            (roles.nbsp() & (roles.lead2() | roles.lead3()) | p1n & p2 & cont) & o.enabled
        } else {
            0
        };
        p1 = ((p2 & cont) | roles.lead2()) & o.enabled;
        p2 = ((p3 & cont) | roles.lead3()) & o.enabled;
        p3 = roles.lead4() & o.enabled;
        i += len;
    }
    None
}

/// Where a window that ends at the character at `i` starts: up to three characters
/// back, as far as the non-ASCII stretch and `from` allow (a sequence has four bytes at
/// most).
fn window_start(bytes: &[u8], from: usize, i: usize) -> usize {
    let mut start = i;
    for _ in 0..3 {
        if start <= from || bytes[start - 1] < 0x80 {
            break;
        }
        let mut k = start - 1;
        while k > from && bytes[k] & 0xC0 == 0x80 {
            k -= 1;
        }
        if bytes[k] < 0xC0 {
            break;
        }
        start = k;
    }
    start
}

/// What [`whole_encodings`] found.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Whole {
    /// The encodings in which every non-ASCII character of the text belongs to a complete
    /// sequence, and at least one sequence is there.
    pub(crate) encodings: u16,
    /// Some sequence needs a space read as 0xA0 or a U+FFFD read as a lost byte.
    pub(crate) lossy: bool,
}

/// The encodings in which the whole text re-encodes to something shaped like UTF-8
/// (leads followed by the right number of continuation bytes; the finer rules are checked
/// when decoding). Gives up as soon as no encoding is left, which in clean text is at the
/// first non-ASCII word.
pub(crate) fn whole_encodings(text: &str, o: ScanOptions) -> Whole {
    let bytes = text.as_bytes();
    let t = tables();
    let mut ok = o.enabled;
    let mut seen = 0u16;
    let mut lossy = false;
    let (mut p1, mut p2, mut p3, mut p1n) = (0u16, 0u16, 0u16, 0u16);
    // The code points of the last two characters of the current stretch.
    let mut last_two = [0u32; 2];
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let pending = p1 | p2 | p3;
            if pending != 0 {
                let lost = if b == b' ' {
                    p1 & p1n
                } else if b == b'?' && o.lossy && last_two == ['â' as u32, '€' as u32] {
                    // `â€?`: a question mark for the lost last byte of U+2000–U+203F.
                    p1
                } else {
                    0
                };
                if lost != 0 {
                    // A space for a lost 0xA0, or a question mark for a lost byte,
                    // completes the sequences missing one byte only.
                    ok &= !(pending & !lost);
                    seen |= lost & ok;
                    lossy = true;
                } else {
                    ok &= !pending;
                }
                if ok == 0 {
                    return Whole::default();
                }
            }
            p1 = 0;
            p2 = 0;
            p3 = 0;
            p1n = 0;
            last_two = [0; 2];
            i = next_non_ascii(bytes, i + 1);
            continue;
        }
        let (roles, c, len) = roles_at(t, bytes, i);
        last_two = [last_two[1], code_point_at(bytes, i).0];
        let expecting = p1 | p2 | p3;
        let mut cont = roles.cont();
        if c == 0xFFFD && o.lossy {
            if expecting == 0 {
                // A replacement character on its own stays as it is.
                i += len;
                continue;
            }
            cont = o.enabled;
            lossy = true;
        }
        let lead2 = roles.lead2() & !expecting;
        let lead3 = roles.lead3() & !expecting;
        let lead4 = roles.lead4() & !expecting;
        ok &= !(expecting & !cont) & (expecting | lead2 | lead3 | lead4);
        if ok == 0 {
            return Whole::default();
        }
        seen |= p1 & cont;
        p1n = if o.nbsp {
            roles.nbsp() & (lead2 | lead3) | p1n & p2 & cont
        } else {
            0
        };
        p1 = ((p2 & cont) | lead2) & ok;
        p2 = ((p3 & cont) | lead3) & ok;
        p3 = lead4 & ok;
        i += len;
    }
    ok &= !(p1 | p2 | p3);
    Whole {
        encodings: ok & seen,
        lossy,
    }
}
