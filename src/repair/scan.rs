//! The scans: where repair may start, and which encodings explain a whole text. Both walk
//! the text once and look characters up in one table. The first, which is all that clean
//! text costs, passes over thirty-two bytes a step with SIMD comparisons (SSE2, part of
//! every x86-64 processor, so no detection, through `safe_arch`'s safe wrappers; a plain
//! byte-by-byte version of the same comparisons elsewhere; table look-ups where the
//! processor has SSSE3 or AVX2, in `simd`) wherever no character in them can play a
//! part in mojibake: ASCII, and the letters of most scripts.
//!
//! The state is three bit sets over the encodings: those in which the characters since the
//! last ASCII byte end in a sequence still missing one, two or three continuation bytes.
//! A character that continues where one is missing completes a sequence: a place where
//! the text might be mojibake.

use super::tables::{tables, Roles, Tables};
use super::Encoding;

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

/// [`next_non_ascii`] past its first eight bytes: thirty-two bytes a step, and eight,
/// but past the first sixty-four, sixty-four a step where the processor has AVX2
/// ([`skip_ascii`](super::simd::skip_ascii); for the shorter stretches of German or
/// Latgalian text the call cost more than it saved).
#[inline(never)]
fn next_non_ascii_far(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    if i + 64 <= bytes.len() {
        for _ in 0..2 {
            let block: &[u8; 32] = bytes[i..i + 32].try_into().expect("thirty-two bytes");
            if let Some(k) = first_non_ascii_32(block) {
                return i + k;
            }
            i += 32;
        }
        i = super::simd::skip_ascii(bytes, i);
    }
    while i + 32 <= bytes.len() {
        let block: &[u8; 32] = bytes[i..i + 32].try_into().expect("thirty-two bytes");
        if let Some(k) = first_non_ascii_32(block) {
            return i + k;
        }
        i += 32;
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

/// The offset of the first byte >= 0x80 in `block`, if any: the high bits of two SSE2
/// lanes, gathered once for the whole step (English text is long stretches of ASCII).
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
#[inline(always)]
fn first_non_ascii_32(block: &[u8; 32]) -> Option<usize> {
    use safe_arch::{bitor_m128i, load_unaligned_m128i, move_mask_i8_m128i};
    let a = load_unaligned_m128i(block[..16].try_into().expect("sixteen bytes"));
    let b = load_unaligned_m128i(block[16..].try_into().expect("sixteen bytes"));
    if move_mask_i8_m128i(bitor_m128i(a, b)) == 0 {
        return None;
    }
    let high = (move_mask_i8_m128i(a) as u32 & 0xFFFF) | (move_mask_i8_m128i(b) as u32) << 16;
    Some(high.trailing_zeros() as usize)
}

/// [`first_non_ascii_32`] on other targets: four words of eight bytes.
#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
)))]
#[inline(always)]
fn first_non_ascii_32(block: &[u8; 32]) -> Option<usize> {
    let word = |k: usize| u64::from_le_bytes(block[k..k + 8].try_into().expect("eight bytes"));
    let (a, b, c, d) = (word(0), word(8), word(16), word(24));
    if (a | b | c | d) & 0x8080_8080_8080_8080 == 0 {
        return None;
    }
    [a, b, c, d].iter().enumerate().find_map(|(k, w)| {
        let high = w & 0x8080_8080_8080_8080;
        (high != 0).then(|| k * 8 + (high.trailing_zeros() / 8) as usize)
    })
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
/// Greek or Armenian letter, CJK, Indic scripts): they are passed over thirty-two bytes
/// at a time, and the state after them is that of the last one passed.
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
///
/// The text is looked at [`BLOCK`] bytes a step: [`block_marks`] marks the characters that
/// may play a part in a stop, and only those are looked up, in order. Every character
/// between two marked ones continues nothing, so the state before a marked character is
/// read off the character just before it (or carried over, when that is the last one
/// looked up). The last bytes, too few for a step, are taken one character at a time.
pub(crate) fn candidate(text: &str, from: usize, o: ScanOptions) -> Option<Candidate> {
    if let Some(found) = super::simd::candidate(text, from, o) {
        return found;
    }
    candidate_with::<Sse2Marks>(text, from, o)
}

/// How a step of [`BLOCK`] bytes is marked: see [`block_marks`] (SSE2, or the same
/// comparisons a byte at a time) and `simd` (table look-ups, where the processor has
/// them).
pub(super) trait MarkStep {
    /// One bit per byte of `block`, the [`BLOCK`] bytes from `i` (a character boundary;
    /// one more must be there), not all ASCII: set at least where a character starts
    /// that [`flagged`] marks, and never on a continuation byte. (A step may leave
    /// unmarked a character that [`candidate_with`] would only pass over, as AVX2's does:
    /// that is, a two-byte character it passes over before any look-up, or one after an
    /// ASCII byte that is no C1 control and, if it has two bytes, is not followed by a
    /// space.)
    fn marks(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> u32;

    /// [`marks`](MarkStep::marks), and whether the step holds no lead of a character
    /// [`leads_of_flagged`] finds (and so marks none). By default, never said.
    #[inline(always)]
    fn marks_and_unled(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> (u32, bool) {
        (Self::marks(bytes, i, block), false)
    }

    /// After a step that held no lead [`leads_of_flagged`] finds, ending at `i` (any
    /// offset): an offset at or after `i` such that no byte from `i` to it is such a
    /// lead. Text with none (Indic scripts, Armenian, most of CJK: the whole of many a
    /// clean text) is passed over in strides wider than a step, with fewer instructions
    /// than a step's marks take. By default `i`.
    #[inline(always)]
    fn skip_unled(_bytes: &[u8], i: usize) -> usize {
        i
    }
}

/// [`block_marks`]: the lanes every target has.
pub(super) struct Sse2Marks;

impl MarkStep for Sse2Marks {
    #[inline(always)]
    fn marks(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> u32 {
        block_marks(bytes, i, block)
    }
}

/// [`candidate`] with the steps marked by `M`. Inlined into each caller, so that the
/// `simd` ones are compiled with the instructions they enable.
#[inline(always)]
pub(super) fn candidate_with<M: MarkStep>(
    text: &str,
    from: usize,
    o: ScanOptions,
) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let t = tables();
    let mut s = State::default();
    // The state `s` holds right before `done`; every character from `done` to `i`
    // continues nothing.
    let mut done = from;
    let mut i = from;
    loop {
        let mut marks;
        (i, marks) = next_marked_block::<M>(bytes, i);
        if marks == 0 {
            break;
        }
        while marks != 0 {
            let k = i + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            if k < done {
                continue;
            }
            let (roles, c, len) = roles_at(t, bytes, k);
            let cont = roles.cont() & o.enabled;
            let c1 = c1_at(bytes, k, o);
            let nbsp = o.nbsp && roles.nbsp() != 0 && bytes.get(k + 2) == Some(&b' ');
            if len == 2 && cont == 0 && !c1 && !nbsp {
                // Continues nothing here (`ā`, `ī` in Latin text, `Г`): passed over like
                // the unmarked.
                continue;
            }
            if k != done {
                let before = roles_before(t, bytes, k);
                // A two-byte character that completes nothing after the one before it,
                // and whatever sequence it extends is ended by the next character, which
                // continues nothing (unmarked, not a space): passed over too (`ві` in
                // `він`: Windows-1251's `в` leads three bytes, `і` continues, `н` does
                // not).
                let next = k + 2 - i;
                let extension_ends = next < BLOCK && marks >> next & 1 == 0 && bytes[k + 2] != b' ';
                if len == 2
                    && !c1
                    && !nbsp
                    && before.lead2() & cont == 0
                    && (extension_ends || (before.lead3() | before.lead4()) & cont == 0)
                {
                    continue;
                }
                s = State::leads_of(before, o);
            }
            if let Some(encodings) = s.step(roles, c, c1, o) {
                return Some(Candidate::new(bytes, from, k, encodings));
            }
            done = k + len;
            // A space for a lost 0xA0 after it.
            if s.p1 & s.p1n != 0 && bytes.get(done) == Some(&b' ') {
                return Some(Candidate::new(bytes, from, done, s.p1 & s.p1n));
            }
        }
        i = next_boundary(bytes, i + BLOCK).max(done);
    }
    if i != done {
        s = State::after(t, bytes, i, o);
    }
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if b == b' ' && s.p1 & s.p1n != 0 {
                return Some(Candidate::new(bytes, from, i, s.p1 & s.p1n));
            }
            s = State::default();
            i += 1;
            continue;
        }
        let (roles, c, len) = roles_at(t, bytes, i);
        if let Some(encodings) = s.step(roles, c, c1_at(bytes, i, o), o) {
            return Some(Candidate::new(bytes, from, i, encodings));
        }
        i += len;
    }
    None
}

/// The scan's state: the encodings in which the characters since the last ASCII byte end
/// in a sequence missing one, two or three continuation bytes, and those in which the one
/// missing byte may be a 0xA0 lost to a space.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    p1: u16,
    p2: u16,
    p3: u16,
    p1n: u16,
}

impl State {
    /// The state after the character that ends just before `j`, when that character
    /// continues nothing (it was skipped).
    #[inline]
    fn after(t: &Tables, bytes: &[u8], j: usize, o: ScanOptions) -> State {
        State::leads_of(roles_before(t, bytes, j), o)
    }

    /// The state after a character with `roles` that continues nothing: its roles as a
    /// lead.
    #[inline(always)]
    fn leads_of(roles: Roles, o: ScanOptions) -> State {
        let p1 = roles.lead2() & o.enabled;
        let p2 = roles.lead3() & o.enabled;
        State {
            p1,
            p2,
            p3: roles.lead4() & o.enabled,
            p1n: if o.nbsp { roles.nbsp() & (p1 | p2) } else { 0 },
        }
    }

    /// Takes the non-ASCII character `c` with `roles` (`c1`: a C1 control to stop at, see
    /// [`c1_at`]): the encodings in which it completes a sequence (or all, for a C1
    /// control), if any.
    #[inline(always)]
    fn step(&mut self, roles: Roles, c: u32, c1: bool, o: ScanOptions) -> Option<u16> {
        let mut cont = roles.cont() & o.enabled;
        if c1 {
            return Some(o.enabled);
        }
        if c == 0xFFFD && o.lossy {
            cont = o.enabled;
        }
        if self.p1 & cont != 0 {
            return Some(self.p1 & cont);
        }
        self.p1n = if o.nbsp {
            (roles.nbsp() & (roles.lead2() | roles.lead3()) | self.p1n & self.p2 & cont) & o.enabled
        } else {
            0
        };
        self.p1 = ((self.p2 & cont) | roles.lead2()) & o.enabled;
        self.p2 = ((self.p3 & cont) | roles.lead3()) & o.enabled;
        self.p3 = roles.lead4() & o.enabled;
        None
    }
}

/// Whether the non-ASCII character at `k` is a C1 control the scan stops at.
#[inline(always)]
fn c1_at(bytes: &[u8], k: usize, o: ScanOptions) -> bool {
    o.c1 && bytes[k] == 0xC2 && bytes[k + 1] < 0xA0
}

/// The roles of the character that ends just before `j` (none for ASCII).
#[inline(always)]
fn roles_before(t: &Tables, bytes: &[u8], j: usize) -> Roles {
    let mut k = j - 1;
    if bytes[k] < 0x80 {
        return Roles::default();
    }
    if k >= 1 && matches!(bytes[k - 1], 0xC2..=0xDF) {
        return t.roles2(bytes[k - 1], bytes[k]);
    }
    while bytes[k] & 0xC0 == 0x80 {
        k -= 1;
    }
    roles_at(t, bytes, k).0
}

impl Candidate {
    fn new(bytes: &[u8], from: usize, at: usize, encodings: u16) -> Candidate {
        Candidate {
            start: window_start(bytes, from, at),
            at,
            encodings,
        }
    }
}

/// How many bytes [`block_marks`] looks at a step (it reads one more): two sets of
/// sixteen lanes, so that what a step costs besides the comparisons (the test for ASCII,
/// the loop, finding the next character boundary) is paid once for thirty-two bytes.
pub(super) const BLOCK: usize = 32;

/// The lanes' width.
const LANES: usize = 16;

/// Whether a step holds so few leads of characters [`flagged`] may mark (three at most)
/// that [`block_marks`] leaves them to the caller to look up one by one. (Without a
/// `popcnt` instruction in the default target, three bits cleared.)
#[inline(always)]
pub(super) fn sparse(leads: u32) -> bool {
    let mut m = leads;
    for _ in 0..3 {
        m &= m.wrapping_sub(1);
    }
    m == 0
}

/// The first step of [`BLOCK`] bytes at or after `i` (a character boundary) in which
/// [`block_marks`] marks something, and its marks; or, when there is none, the first
/// character boundary of the last bytes, too few for a step, and no marks.
#[inline(always)]
fn next_marked_block<M: MarkStep>(bytes: &[u8], mut i: usize) -> (usize, u32) {
    while i + BLOCK < bytes.len() {
        let block: &[u8; BLOCK] = bytes[i..i + BLOCK].try_into().expect("a step of bytes");
        if first_non_ascii_32(block).is_none() {
            // ASCII only: nothing marked, and the next byte starts a character.
            i += BLOCK;
            continue;
        }
        let (marks, unled) = M::marks_and_unled(bytes, i, block);
        if marks != 0 {
            return (i, marks);
        }
        i += BLOCK;
        if unled {
            i = M::skip_unled(bytes, i);
        }
        i = next_boundary(bytes, i);
    }
    (i, 0)
}

/// The two halves of the step at `i`, and of the bytes one on (which must be there).
#[inline(always)]
pub(super) fn halves(bytes: &[u8], i: usize) -> [(&[u8; LANES], &[u8; LANES]); 2] {
    let half =
        |k: usize| -> &[u8; LANES] { bytes[k..k + LANES].try_into().expect("sixteen bytes") };
    [
        (half(i), half(i + 1)),
        (half(i + LANES), half(i + LANES + 1)),
    ]
}

/// One bit per byte of `block`, the [`BLOCK`] bytes from `i` (a character boundary; one
/// more must be there), not all ASCII: set at least where a character starts that
/// [`flagged`] marks. A step with at most three leads of such characters (Latin text's
/// accented letters) marks those leads, and the caller looks them up; more (every letter
/// of Cyrillic or Greek text) are told apart by their second bytes.
#[inline(always)]
fn block_marks(bytes: &[u8], i: usize, block: &[u8; BLOCK]) -> u32 {
    if let Some(leads) = few_leads(block) {
        return leads;
    }
    let [(here, next), (here_high, next_high)] = halves(bytes, i);
    flagged(Lanes::load(here), Lanes::load(next))
        | flagged(Lanes::load(here_high), Lanes::load(next_high)) << LANES
}

/// The leads of characters [`flagged`] may mark in `block`, if they are so few (three at
/// most) that the caller looks them up one by one rather than telling them apart by their
/// second bytes.
#[inline(always)]
pub(super) fn few_leads(block: &[u8; BLOCK]) -> Option<u32> {
    let half =
        |k: usize| -> &[u8; LANES] { block[k..k + LANES].try_into().expect("sixteen bytes") };
    let leads = leads_of_flagged(Lanes::load(half(0)))
        | leads_of_flagged(Lanes::load(half(LANES))) << LANES;
    sparse(leads).then_some(leads)
}

/// The first character boundary at or after `i` (at most three bytes on).
#[inline(always)]
fn next_boundary(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
        i += 1;
    }
    i
}

/// One bit per byte of `here` that leads a character [`flagged`] may mark: 0xC2–0xD2,
/// 0xE2 or 0xEF. ASCII, Armenian, Hebrew, Arabic, Indic scripts and CJK have none but
/// their punctuation.
#[inline(always)]
fn leads_of_flagged<L: LaneOps>(here: L) -> u32 {
    (here.in_range(0xC2, 0xD2) | here.eq(0xE2) | here.eq(0xEF)).mask()
}

/// One bit per byte of `here`: set where a character starts that may continue a sequence
/// in some encoding, may lead one after which a space stands for a lost 0xA0, or is a
/// three-byte character of the two blocks that hold such characters (led by 0xE2 and
/// 0xEF). `next` is `here` one byte on, so a two-byte character is told by its two bytes.
///
/// A superset, by ranges of the characters' two bytes (the test below checks it against
/// the tables): every character of U+0080–U+017F, and U+0180–U+019F (`ƒ`), U+02C0–U+02DF
/// (`ˆ`, `ˇ`, `˘`, `˛`, `˜`, `˝`), U+0384–U+038F (Greek capitals with tonos), `Γ`, `Ω`,
/// `π`, U+0401–U+040F (`Ё`, `Ђ`, …), `Г`, U+0450–U+045F (`ё`, `і`, `ї`, …), `Ґ` and `ґ`.
/// The other letters of Greek and Cyrillic, and all of Armenian, Hebrew, Arabic and the
/// three-byte scripts but their punctuation and symbols (CJK, Indic scripts), are not
/// flagged, nor is ASCII.
#[inline(always)]
pub(super) fn flagged<L: LaneOps>(here: L, next: L) -> u32 {
    let next_gamma = next.eq(0x93);
    let flags = here.in_range(0xC2, 0xC5)
        | ((here.eq(0xC6) | here.eq(0xCB)) & next.masked_eq(0xE0, 0x80))
        | (here.eq(0xCE) & (next.in_range(0x84, 0x8F) | next_gamma | next.eq(0xA9)))
        | (here.eq(0xCF) & next.eq(0x80))
        | (here.eq(0xD0) & (next.in_range(0x81, 0x8F) | next_gamma))
        | (here.eq(0xD1) & next.masked_eq(0xF0, 0x90))
        | (here.eq(0xD2) & next.masked_eq(0xFE, 0x90))
        | here.eq(0xE2)
        | here.eq(0xEF);
    flags.mask()
}

/// Sixteen bytes compared at once, each comparison giving 0xFF in the lanes where it
/// holds and 0 elsewhere; [`LaneOps::mask`] gathers one bit per lane.
pub(super) trait LaneOps:
    Copy + std::ops::BitAnd<Output = Self> + std::ops::BitOr<Output = Self>
{
    fn load(bytes: &[u8; 16]) -> Self;
    /// Lanes equal to `b`.
    fn eq(self, b: u8) -> Self;
    /// Lanes from `lo` to `hi`.
    fn in_range(self, lo: u8, hi: u8) -> Self;
    /// Lanes whose bits under `mask` are `b`.
    fn masked_eq(self, mask: u8, b: u8) -> Self;
    /// One bit per lane, the first lane's lowest.
    fn mask(self) -> u32;
}

/// The lanes the scan uses: SSE2 on x86-64 (and on 32-bit x86 built with it),
/// [`PlainLanes`] elsewhere.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
type Lanes = sse2::Sse2Lanes;
#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
)))]
type Lanes = PlainLanes;

/// SSE2, which every x86-64 processor has, through `safe_arch`'s safe wrappers of its
/// intrinsics (which are `unsafe` to call on stable Rust).
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(wikimd_no_simd)
))]
mod sse2 {
    use safe_arch::{
        bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
        move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };

    #[derive(Clone, Copy)]
    pub(super) struct Sse2Lanes(m128i);

    #[inline(always)]
    fn splat(b: u8) -> m128i {
        set_splat_i8_m128i(i8::from_ne_bytes([b]))
    }

    impl super::LaneOps for Sse2Lanes {
        #[inline(always)]
        fn load(bytes: &[u8; 16]) -> Self {
            Sse2Lanes(load_unaligned_m128i(bytes))
        }
        #[inline(always)]
        fn eq(self, b: u8) -> Self {
            Sse2Lanes(cmp_eq_mask_i8_m128i(self.0, splat(b)))
        }
        #[inline(always)]
        fn in_range(self, lo: u8, hi: u8) -> Self {
            // Below `lo` wraps past `hi - lo`: one unsigned minimum tells both ends.
            let d = sub_i8_m128i(self.0, splat(lo));
            Sse2Lanes(cmp_eq_mask_i8_m128i(min_u8_m128i(d, splat(hi - lo)), d))
        }
        #[inline(always)]
        fn masked_eq(self, mask: u8, b: u8) -> Self {
            Sse2Lanes(cmp_eq_mask_i8_m128i(
                bitand_m128i(self.0, splat(mask)),
                splat(b),
            ))
        }
        #[inline(always)]
        fn mask(self) -> u32 {
            (move_mask_i8_m128i(self.0) & 0xFFFF) as u32
        }
    }

    impl std::ops::BitAnd for Sse2Lanes {
        type Output = Self;
        #[inline(always)]
        fn bitand(self, other: Self) -> Self {
            Sse2Lanes(bitand_m128i(self.0, other.0))
        }
    }

    impl std::ops::BitOr for Sse2Lanes {
        type Output = Self;
        #[inline(always)]
        fn bitor(self, other: Self) -> Self {
            Sse2Lanes(bitor_m128i(self.0, other.0))
        }
    }
}

/// The same comparisons a byte at a time: the scan on other targets, and the reference
/// the SSE2 lanes are tested against.
#[derive(Clone, Copy)]
#[cfg_attr(
    all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(wikimd_no_simd)
    ),
    allow(dead_code)
)]
pub(super) struct PlainLanes([u8; 16]);

#[cfg_attr(
    all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(wikimd_no_simd)
    ),
    allow(dead_code)
)]
impl PlainLanes {
    #[inline(always)]
    fn each(self, f: impl Fn(u8) -> bool) -> Self {
        PlainLanes(self.0.map(|b| if f(b) { 0xFF } else { 0 }))
    }
}

impl LaneOps for PlainLanes {
    #[inline(always)]
    fn load(bytes: &[u8; 16]) -> Self {
        PlainLanes(*bytes)
    }
    #[inline(always)]
    fn eq(self, b: u8) -> Self {
        self.each(|x| x == b)
    }
    #[inline(always)]
    fn in_range(self, lo: u8, hi: u8) -> Self {
        self.each(|x| (lo..=hi).contains(&x))
    }
    #[inline(always)]
    fn masked_eq(self, mask: u8, b: u8) -> Self {
        self.each(|x| x & mask == b)
    }
    #[inline(always)]
    fn mask(self) -> u32 {
        self.0
            .iter()
            .enumerate()
            .fold(0, |m, (k, &b)| m | u32::from(b >> 7) << k)
    }
}

impl std::ops::BitAnd for PlainLanes {
    type Output = Self;
    #[inline(always)]
    fn bitand(self, other: Self) -> Self {
        PlainLanes(std::array::from_fn(|k| self.0[k] & other.0[k]))
    }
}

impl std::ops::BitOr for PlainLanes {
    type Output = Self;
    #[inline(always)]
    fn bitor(self, other: Self) -> Self {
        PlainLanes(std::array::from_fn(|k| self.0[k] | other.0[k]))
    }
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
    /// Of `encodings`, those that read a sequence cut short by a dropped byte.
    pub(crate) cut: u16,
    /// The encodings that write every non-ASCII character of the text as Windows-1252
    /// does (see [`Roles::like_1252`](super::tables::Roles::like_1252)), when some
    /// encoding explains it: they read it alike.
    pub(crate) like_1252: u16,
}

/// Where the character that ends at byte `at` of `bytes` starts (`None` at the start).
fn char_start_before(bytes: &[u8], at: usize) -> Option<usize> {
    (at.saturating_sub(4)..at)
        .rev()
        .find(|&k| bytes[k] & 0xC0 != 0x80)
}

/// The roles of the character that ends at byte `at` of `bytes` (none for ASCII).
fn last_roles(t: &Tables, bytes: &[u8], at: usize) -> Roles {
    match char_start_before(bytes, at) {
        Some(start) if bytes[start] >= 0x80 => roles_at(t, bytes, start).0,
        _ => Roles::default(),
    }
}

/// The encodings in which a question mark at byte `at` of `bytes`, after a two-byte
/// lead, may stand for a lost byte: where the lead is 0xC2 or 0xC3 (`Â`, `Ã` in
/// Windows-1252), as ftfy reads it; every one where the damage goes on on either side
/// (`Ð¾Ñ?Ðº`, `Ð¸Ñ? `: Russian `с`, `я`), not after a letter alone (Spanish `la Ñ?`).
fn question_after_two_byte_lead(t: &Tables, bytes: &[u8], at: usize) -> u16 {
    if question_in_damage(bytes, at) {
        return u16::MAX;
    }
    let Some(start) = char_start_before(bytes, at) else {
        return 0;
    };
    let (c, _) = code_point_at(bytes, start);
    Encoding::ALL
        .iter()
        .filter(|enc| matches!(t.byte(**enc, c), Some(0xC2 | 0xC3)))
        .fold(0, |bits, enc| bits | enc.bit())
}

/// Whether the question mark at byte `at` of `bytes`, after a character not ASCII (a
/// two-byte lead), is inside a word: a lowercase ASCII letter right after it or right
/// before that lead (Latvian `zinÄ?tne`, `irÄ? laika`: `zin�tne`, `ir� laika`). A clean
/// capital before a question mark ends a word that starts with it or is all capitals
/// (Spanish `la Ñ?`, `CAFÉ?`).
pub(crate) fn question_inside_word(bytes: &[u8], at: usize) -> bool {
    bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase)
        || char_start_before(bytes, at)
            .and_then(|lead| lead.checked_sub(1))
            .is_some_and(|k| bytes[k].is_ascii_lowercase())
}

/// Whether the question mark at byte `at` of `bytes`, after a character not ASCII (a
/// two-byte lead) that starts a word, ends that word, with a word of characters not ASCII
/// next to it (see [`lone_lead_beside_damage`]: Ukrainian `у` or `с` less its last
/// byte, `Ń? ĐĽŃ–Đ¶`, `Đ?. ĐˇĐµ`). A capital alone with a question mark is clean text's
/// only where no sequence was read whole (Spanish `la Ñ?`, whose damage would be `Ã‘?`).
pub(crate) fn question_word_beside_damage(bytes: &[u8], at: usize) -> bool {
    char_start_before(bytes, at).is_some_and(|lead| lone_lead_beside_damage(bytes, lead, at + 1))
}

/// Whether the lead at byte `lead` of `bytes`, with what stands up to byte `end` (a
/// question mark for its lost byte, or nothing where it was dropped), is a word of its
/// own: a word's start before it, and up to two stops or commas, then a space or the
/// text's end after it; and a word of characters not ASCII next to it, after the space
/// or before it (Ukrainian `у` less its last byte between damaged words: `Ń ĐĽŃ–Đ¶`).
pub(crate) fn lone_lead_beside_damage(bytes: &[u8], lead: usize, end: usize) -> bool {
    if lead > 0 && !matches!(bytes[lead - 1], b' ' | b'\n' | b'(' | b'*' | b'"') {
        return false;
    }
    let mut after = end;
    while after < bytes.len() && after < end + 2 && matches!(bytes[after], b'.' | b',') {
        after += 1;
    }
    let spaced = after < bytes.len() && bytes[after] == b' ';
    while after < bytes.len() && bytes[after] == b' ' {
        after += 1;
    }
    if !spaced && after < bytes.len() {
        return false;
    }
    let next = spaced && bytes.get(after).is_some_and(|&b| b >= 0x80);
    let mut before = lead;
    while before > 0 && bytes[before - 1] == b' ' {
        before -= 1;
    }
    let previous = before < lead && before > 0 && bytes[before - 1] >= 0x80;
    next || previous
}

/// Whether the question mark at byte `at` of `bytes`, after a character not ASCII (a
/// two-byte lead), has a character not ASCII right after it, or damage before that lead
/// ([`damage_before`]: Armenian `թ.՝`, `Õ©.Õ?`), or before that lead another such
/// question mark (`ÑŒÑ?Ñ? `: Ukrainian `ься`).
pub(crate) fn question_in_damage(bytes: &[u8], at: usize) -> bool {
    if bytes.get(at + 1).is_some_and(|&b| b >= 0x80) {
        return true;
    }
    let mut at = at;
    // (Eight question marks back at most: a text of them stays linear.)
    for _ in 0..8 {
        let Some(lead) = char_start_before(bytes, at) else {
            return false;
        };
        if damage_before(bytes, lead) {
            return true;
        }
        match lead.checked_sub(1).map(|k| bytes[k]) {
            // A question mark after a character not ASCII: on from there.
            Some(b'?') if lead >= 2 && bytes[lead - 2] >= 0x80 => at = lead - 1,
            _ => return false,
        }
    }
    false
}

/// Of the encodings in `pending`, whose sequence under way meets a character that does
/// not go on with it at byte `at` of `bytes` (ASCII, or the text's end), those in which
/// the byte (or two) it misses was dropped, and of these, those whose lead stands alone
/// (no continuation byte came after it). Where that shows: bytes the encoding leaves
/// undefined, which a decoder that ignores errors drops (Python's `errors="ignore"`).
/// It shows in a sequence that has a continuation byte already (`â€` for `”`,
/// `à¤` of Devanagari), and in a two-byte lead alone after another character of the
/// damage (Ukrainian `ÐÐµÐ½Ð½Ñ–Ñ ` for `Денніс `, its `с` read as `Ñ` and a dropped
/// 0x81) or inside a word (`lead_inside_word`: Latvian `irÄ laika` for `irā laika`). A
/// lead alone at a word's start is a letter as likely as not (`la Ñ`), unless it is a
/// word of its own next to a word of the damage, once a sequence was read whole (`read`:
/// Ukrainian `у` less its 0x83, `Ń ĐĽŃ–Đ¶`). (Leads alone are counted against the
/// sequences read whole: see [`whole_encodings`].)
///
/// Returns the encodings that read a byte dropped here, and of them, those whose lead
/// stands alone after other damage and those whose lead stands alone where the words
/// around show it (inside a word, or a word of its own beside damage).
fn dropped(
    t: &Tables,
    bytes: &[u8],
    at: usize,
    pending: u16,
    p1: u16,
    read: u16,
) -> (u16, u16, u16) {
    let begun = begun_before(t, bytes, at);
    // Before a space, a sequence that misses its last byte may have lost a 0xA0 to it
    // (`Р ` for `Р`, `å ´` for `場`): not a dropped byte but where a no-break space's
    // rules read one, unless its lead and 0xA0 make no common character (`Ñ ` for `с`).
    let pending = if bytes.get(at) == Some(&b' ') {
        pending & !(p1 & (begun | space_after_nbsp_lead(t, bytes, at, p1 & !begun)))
    } else {
        pending
    };
    let alone = pending & !begun;
    let (alone, in_word) = match char_start_before(bytes, at) {
        Some(_) if alone != 0 && after_damage_before(bytes, at) => (alone, false),
        Some(lead) if alone != 0 && lead_inside_word(bytes, lead, at) => (alone & p1, true),
        // A two-byte lead alone as a word, next to a word of the damage, once a sequence
        // was read whole (Ukrainian `у` less its 0x83: `Ń ĐĽŃ–Đ¶`).
        Some(lead) if alone & p1 & read != 0 && lone_lead_beside_damage(bytes, lead, at) => {
            (alone & p1 & read, true)
        }
        // A lead alone between digits, once a sequence was read whole (`月` less both
        // its 0x9C and 0x88 in a date: `10ζ28`).
        Some(lead) if alone & read != 0 && lead_between_digits(bytes, lead, at) => {
            (alone & read, true)
        }
        // A two-byte lead alone starting a word whose damage goes on in it (`Äurađ`).
        Some(lead) if alone & p1 != 0 => {
            let starting = alone & p1 & lead_starting_a_damaged_word(t, bytes, lead, at);
            (starting, starting != 0)
        }
        _ => (0, false),
    };
    let alone = alone & Encoding::DROPS_UNDEFINED;
    let short = (pending & begun & Encoding::DROPS_UNDEFINED) | alone;
    (
        short,
        if in_word { 0 } else { alone },
        if in_word { alone } else { 0 },
    )
}

/// Of the encodings, those in which the character that ends at byte `at` of `bytes` is
/// a continuation byte (or which read it, a space or a question mark, as a lost middle
/// byte): where a sequence is under way, it has begun. Worked out only where a sequence
/// stops short, which the scan meets rarely.
fn begun_before(t: &Tables, bytes: &[u8], at: usize) -> u16 {
    match at.checked_sub(1).map(|k| bytes[k]) {
        Some(b) if b < 0x80 => u16::MAX,
        Some(_) => last_roles(t, bytes, at).cont(),
        None => 0,
    }
}

/// Whether a sequence of the encodings in `pending`, cut short at byte `at` of `bytes`
/// before any sequence was read whole, may have lost a dropped byte (see [`dropped`]):
/// in an encoding that drops some; in Windows-1251, whose one undefined byte is 0x98,
/// only where the sequence has a continuation byte already (`вЂr` for `‘r`) or is `Р`
/// or `С` alone (`И` and `ј` less their 0x98) before ASCII or another of them (`РР`:
/// `И` before a Cyrillic capital's damage). Clean Cyrillic read as Windows-1251 puts
/// other leads side by side, and would be scanned twice for nothing.
fn cut_short_dropping(t: &Tables, bytes: &[u8], at: usize, pending: u16) -> bool {
    let cyrillic = Encoding::Windows1251.bit();
    // (`Р` and `С`, U+0420 and U+0421, as the text's UTF-8 has them.)
    let er_or_es =
        |k: usize| bytes.get(k) == Some(&0xD0) && matches!(bytes.get(k + 1), Some(0xA0 | 0xA1));
    pending & Encoding::DROPS_UNDEFINED & !cyrillic != 0
        || pending & cyrillic != 0
            && (begun_before(t, bytes, at) & cyrillic != 0
                || at >= 2
                    && er_or_es(at - 2)
                    && (bytes.get(at).is_none_or(|&b| b < 0x80) || er_or_es(at)))
}

/// The encodings in which the character at byte `at` of `bytes` leads a sequence
/// whose continuation bytes all follow it: damage read whole right there.
pub(crate) fn whole_sequence_at(t: &Tables, bytes: &[u8], at: usize) -> u16 {
    if bytes.get(at).is_none_or(|&b| b < 0x80) {
        return 0;
    }
    let (roles, _, len) = roles_at(t, bytes, at);
    let (mut two, mut three, mut four) = (roles.lead2(), roles.lead3(), roles.lead4());
    let mut whole = 0;
    let mut j = at + len;
    for _ in 0..3 {
        if bytes.get(j).is_none_or(|&b| b < 0x80) {
            break;
        }
        let (next, _, next_len) = roles_at(t, bytes, j);
        let cont = next.cont();
        whole |= two & cont;
        (two, three, four) = (three & cont, four & cont, 0);
        j += next_len;
    }
    whole
}

/// The encodings in which the character at byte `at` of `bytes` leads a sequence with
/// a continuation byte after it (of two bytes, read whole): damage goes on there.
pub(crate) fn sequence_begun_at(t: &Tables, bytes: &[u8], at: usize) -> u16 {
    let j = match bytes.get(at) {
        Some(&b) if b >= 0x80 => at + roles_at(t, bytes, at).2,
        _ => return 0,
    };
    if bytes.get(j).is_none_or(|&b| b < 0x80) {
        return 0;
    }
    let roles = roles_at(t, bytes, at).0;
    (roles.lead2() | roles.lead3() | roles.lead4()) & roles_at(t, bytes, j).0.cont()
}

/// Whether the lead at byte `lead` of `bytes`, alone before byte `at`, stands between
/// digits, as a CJK date's `月` does (`10月28`), which is no clean word's letter.
pub(crate) fn lead_between_digits(bytes: &[u8], lead: usize, at: usize) -> bool {
    lead > 0 && bytes[lead - 1].is_ascii_digit() && bytes.get(at).is_some_and(u8::is_ascii_digit)
}

/// Of the encodings, those in which the lead at byte `lead` of `bytes`, alone before the
/// lowercase ASCII letters from byte `at`, starts a word whose damage goes on in it: a
/// sequence read whole right after those letters (`Äurađ` for `Đurađ`, its 0x90 dropped;
/// Turkish `ÅakirpaÅŸa` for `Şakirpaşa`). A clean word that starts with a capital
/// (`Ñandú`) has no damage after it.
pub(crate) fn lead_starting_a_damaged_word(
    t: &Tables,
    bytes: &[u8],
    lead: usize,
    at: usize,
) -> u16 {
    if lead > 0 && bytes[lead - 1].is_ascii_alphanumeric() {
        return 0;
    }
    let mut k = at;
    while k < bytes.len() && bytes[k].is_ascii_lowercase() {
        k += 1;
    }
    if k == at {
        return 0;
    }
    whole_sequence_at(t, bytes, k)
}

/// How many more leads alone than sequences read whole [`whole_encodings`] lets a text
/// show before it gives up on the encodings that read them.
const LONE_LEADS_AHEAD: u32 = 4;

/// Whether the character that ends at byte `at` of `bytes` (a lead) has damage right
/// before it (see [`damage_before`]).
fn after_damage_before(bytes: &[u8], at: usize) -> bool {
    char_start_before(bytes, at).is_some_and(|lead| damage_before(bytes, lead))
}

/// Whether damage stands right before the lead at byte `lead` of `bytes`: a character
/// not ASCII, or one of the marks that words of the damage hold or end with (an
/// apostrophe, a stop, a closing bracket, a hyphen) right after one (Ukrainian `ім'я`,
/// its `я` less its 0x8F: `Ñ–Ð¼'Ñ`; Armenian `թ.՝`: `Õ©.Õ`).
pub(crate) fn damage_before(bytes: &[u8], lead: usize) -> bool {
    match lead.checked_sub(1).map(|k| bytes[k]) {
        Some(b) if b >= 0x80 => true,
        Some(b'\'' | b'.' | b')' | b'-') => lead >= 2 && bytes[lead - 2] >= 0x80,
        _ => false,
    }
}

/// The leads that a 0xA0 makes a common character of (`à`, `Š`, `Π`, `Р`, Arabic's
/// `٠`, Hebrew's `נ`, and the no-break space itself): ftfy's list and Hebrew's, where
/// a space after one may be that byte lost (see [`Encoding::nbsp_lead`]).
pub(crate) const NBSP_LEADS: [u8; 7] = [0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD7, 0xD9];

/// Of the encodings in `two` (a two-byte lead alone right before the space at byte `at`
/// of `bytes`), those in which that lead is one of [`NBSP_LEADS`].
fn space_after_nbsp_lead(t: &Tables, bytes: &[u8], at: usize, two: u16) -> u16 {
    if two == 0 {
        return 0;
    }
    let Some(lead) = char_start_before(bytes, at) else {
        return 0;
    };
    let c = code_point_at(bytes, lead).0;
    Encoding::ALL
        .iter()
        .filter(|enc| two & enc.bit() != 0)
        .filter(|enc| t.byte(**enc, c).is_some_and(|b| NBSP_LEADS.contains(&b)))
        .fold(0, |bits, enc| bits | enc.bit())
}

/// Whether the lead at byte `lead` of `bytes`, alone before byte `at` (ASCII or the
/// text's end), stands inside a word as its damage does: a capital (as the encoding
/// reads it) right after an ASCII letter, with a lowercase one on either side (`irÄ`,
/// `PÄternīki`). Clean text writes capitals at words' starts (`Äpfel`) and in words of
/// capitals (`GRÜN`).
pub(crate) fn lead_inside_word(bytes: &[u8], lead: usize, at: usize) -> bool {
    let Some(&before) = lead.checked_sub(1).map(|k| &bytes[k]) else {
        return false;
    };
    before.is_ascii_alphabetic()
        && (before.is_ascii_lowercase() || bytes.get(at).is_some_and(u8::is_ascii_lowercase))
        && char::from_u32(code_point_at(bytes, lead).0).is_some_and(char::is_uppercase)
}

/// The encodings in which the whole text re-encodes to something shaped like UTF-8
/// (leads followed by the right number of continuation bytes; the finer rules are checked
/// when decoding). Gives up as soon as no encoding is left, which in clean text is at the
/// first non-ASCII word.
///
/// Bytes dropped (see `dropped`) are looked for by a second scan, only where the first
/// gave up on a sequence cut short or after reading some: mojibake without them, most
/// of it, pays nothing for them.
pub(crate) fn whole_encodings(text: &str, o: ScanOptions) -> Whole {
    match scan_whole::<false>(text, o) {
        (found, true) if found.encodings == 0 && o.lossy => scan_whole::<true>(text, o).0,
        (found, _) => found,
    }
}

/// [`whole_encodings`], reading bytes dropped where `DROPPED`; and, where it finds no
/// encoding, whether bytes dropped may be why (it gave up on a sequence cut short in an
/// encoding that drops some, or after reading a sequence whole).
fn scan_whole<const DROPPED: bool>(text: &str, o: ScanOptions) -> (Whole, bool) {
    let bytes = text.as_bytes();
    let t = tables();
    let mut ok = o.enabled;
    let mut seen = 0u16;
    // The encodings in which a sequence was read from all its bytes (no byte lost).
    let mut read = 0u16;
    let mut lossy = false;
    let mut like_1252 = u16::MAX;
    let (mut p1, mut p2, mut p3, mut p1n) = (0u16, 0u16, 0u16, 0u16);
    // Sequences cut short by a dropped byte (see `dropped`): the encodings that read
    // some, at how many places a lead stood alone, and how many sequences were read
    // whole.
    let (mut cut, mut cut_places, mut whole_reads) = (0u16, 0u32, 0u32);
    // Of the leads alone, those the words around them show (see `dropped`).
    let mut word_places = 0u32;
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let pending = p1 | p2 | p3;
            if pending != 0 {
                // Of `p1`, the sequences of three or four bytes; of `p2`, those whose lead
                // was the last character (worked out here, where they are needed, from the
                // last character's roles: an ASCII one, a question mark or a space read
                // as a lost middle byte, leads nothing).
                let (p1_multi, p2_fresh) = if b == b' ' || b == b'?' {
                    let last = last_roles(t, bytes, i);
                    (p1 & !last.lead2(), p2 & last.lead3())
                } else {
                    (0, 0)
                };
                // A space for a lost 0xA0 right after a three-byte lead (`å ´`): the
                // middle byte, the last to come.
                let three = Encoding::NBSP_THREE_IN_WHOLE_TEXT;
                let middle = if b == b' ' {
                    p2 & p1n | p2_fresh & three
                } else {
                    0
                };
                let lost = if b == b' ' {
                    // (Where the leads do not say so, the last byte of three or four, or
                    // of two after a lead 0xA0 makes a common character of: `Р `, `× `.)
                    let two = p1 & !p1_multi & !p1n & Encoding::NBSP_TWO_IN_WHOLE_TEXT;
                    p1 & p1n | p1_multi & three | space_after_nbsp_lead(t, bytes, i, two)
                } else if b == b'?' && o.lossy {
                    // A question mark for a lost byte (a strict decoder's replacement:
                    // .NET's, Java's): the last of three or four (`â€?`, `ã?`), or of
                    // two after `Â` or `Ã` (`Ã?` for `Á`, `Í`, `Ð`, `Ý`), as ftfy reads it;
                    // after any other lead inside a word, once a sequence was read whole,
                    // or a capital inside a word (`lead_inside_word`: `KhwÄ?rizmÄ«`).
                    // Or, once a sequence was read whole, after a lead alone as a word
                    // next to a word of the damage (Ukrainian `у` less its 0x83:
                    // `Ń? ĐĽŃ–Đ¶`).
                    let read = if !question_inside_word(bytes, i) {
                        if question_word_beside_damage(bytes, i) {
                            read
                        } else {
                            0
                        }
                    } else if char_start_before(bytes, i)
                        .is_some_and(|lead| lead_inside_word(bytes, lead, i))
                    {
                        u16::MAX
                    } else {
                        // (Or a lead starting a word whose damage goes on in it:
                        // `Ä?urađ`.)
                        read | char_start_before(bytes, i).map_or(0, |lead| {
                            lead_starting_a_damaged_word(t, bytes, lead, i + 1)
                        })
                    };
                    p1_multi | p1 & (question_after_two_byte_lead(t, bytes, i) | read)
                } else {
                    0
                };
                // ... or the middle byte of three (`ã?®`), a character of the upper half to
                // come.
                let middle = middle | if b == b'?' && o.lossy { p2_fresh } else { 0 };
                // ... or the byte (or two) the sequence misses was dropped, where that
                // shows (see `dropped`; not before a question mark, which the rules above
                // read).
                let cut_short = pending & !(lost | middle);
                let (short, alone, in_word) = if DROPPED && o.lossy && b != b'?' && cut_short != 0 {
                    dropped(t, bytes, i, cut_short, p1, read)
                } else {
                    (0, 0, 0)
                };
                if short != 0 {
                    cut |= short;
                    cut_places += u32::from(alone != 0);
                    word_places += u32::from(in_word != 0);
                }
                if lost | middle | short != 0 {
                    // A space for a lost 0xA0, or a question mark for a lost byte,
                    // completes the sequences missing one byte only.
                    ok &= !(pending & !(lost | middle | short));
                    seen |= lost & ok;
                    lossy = true;
                } else {
                    ok &= !pending;
                }
                if ok == 0 {
                    let retry = read != 0 || cut_short_dropping(t, bytes, i, cut_short);
                    return (Whole::default(), retry);
                }
                if middle & ok != 0 {
                    p1 = middle & ok;
                    (p2, p3, p1n) = (0, 0, 0);
                    i += 1;
                    continue;
                }
            }
            p1 = 0;
            p2 = 0;
            p3 = 0;
            p1n = 0;
            i = next_non_ascii(bytes, i + 1);
            continue;
        }
        let (roles, c, len) = roles_at(t, bytes, i);
        like_1252 &= roles.like_1252();
        let mut expecting = p1 | p2 | p3;
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
        if DROPPED && expecting & !cont != 0 && o.lossy {
            // A sequence cut short by a dropped byte, a lead of the encoding right after
            // it: the damage goes on. (A lead of three or four bytes alone, only after
            // another character of the damage: clean words put such leads side by side,
            // Portuguese `çã` read as Windows-1252.)
            let leads = roles.lead2() | roles.lead3() | roles.lead4();
            let begun = begun_before(t, bytes, i);
            let mut short = expecting & !cont & leads & Encoding::DROPS_UNDEFINED;
            if short & !(begun | p1) != 0 && !after_damage_before(bytes, i) {
                short &= begun | p1 | sequence_begun_at(t, bytes, i);
            }
            if short != 0 {
                cut |= short;
                cut_places += u32::from(short & !begun != 0);
                lossy = true;
                expecting &= !short;
                // Leads alone well ahead of the sequences read whole: clean text (Greek
                // read as Windows-1253 is a chain of leads), given up on as soon as it
                // shows (see the count at the end).
                if cut_places > whole_reads + LONE_LEADS_AHEAD {
                    ok &= !cut;
                }
            }
        }
        let lead2 = roles.lead2() & !expecting;
        let lead3 = roles.lead3() & !expecting;
        let lead4 = roles.lead4() & !expecting;
        ok &= !(expecting & !cont) & (expecting | lead2 | lead3 | lead4);
        if ok == 0 {
            // (Where the sequences under way stop short, `read` is 0 at the start only.)
            let retry = read != 0 || cut_short_dropping(t, bytes, i, p1 | p2 | p3);
            return (Whole::default(), retry);
        }
        seen |= p1 & cont;
        let read_here = p1 & roles.cont();
        read |= read_here;
        if DROPPED {
            whole_reads += u32::from(read_here & ok != 0);
        }
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
    let pending = p1 | p2 | p3;
    if DROPPED && pending != 0 && o.lossy {
        let (short, alone, in_word) = dropped(t, bytes, bytes.len(), pending, p1, read);
        if short != 0 {
            cut |= short;
            cut_places += u32::from(alone != 0);
            word_places += u32::from(in_word != 0);
            lossy = true;
        }
        ok &= !(pending & !short);
    } else {
        ok &= !pending;
    }
    // More leads alone than sequences read whole: not the damage of a text read whole
    // (in clean Greek read as Windows-1253, every letter is a lead). Leads alone that the
    // words around show dropped a byte (`irÄ laika`: a capital as the encoding reads it
    // inside a lowercase word, which clean Greek does not have) count only against no
    // sequence read whole at all: Latgalian's `ā` less its 0x81 ends words more often
    // than its other letters are read.
    if cut_places > whole_reads || word_places > 0 && whole_reads == 0 {
        ok &= !cut;
    }
    let retry = read != 0 || cut_short_dropping(t, bytes, bytes.len(), pending);
    let found = Whole {
        encodings: ok & seen,
        lossy,
        cut: ok & seen & cut,
        like_1252,
    };
    (found, retry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan as it is defined: every character in turn, no skipping.
    fn candidate_reference(text: &str, from: usize, o: ScanOptions) -> Option<Candidate> {
        let bytes = text.as_bytes();
        let t = tables();
        let mut s = State::default();
        for (k, ch) in text[from..].char_indices() {
            let i = from + k;
            if ch.is_ascii() {
                if ch == ' ' && s.p1 & s.p1n != 0 {
                    return Some(Candidate::new(bytes, from, i, s.p1 & s.p1n));
                }
                s = State::default();
                continue;
            }
            let (roles, c, _) = roles_at(t, bytes, i);
            if let Some(encodings) = s.step(roles, c, c1_at(bytes, i, o), o) {
                return Some(Candidate::new(bytes, from, i, encodings));
            }
        }
        None
    }

    fn flagged_at(bytes: &[u8; 17], k: usize) -> bool {
        let here = Lanes::load(bytes[..16].try_into().unwrap());
        let next = Lanes::load(bytes[1..].try_into().unwrap());
        flagged(here, next) >> k & 1 != 0
    }

    fn both_ways(block: &[u8; 17]) -> ((u32, u32), (u32, u32)) {
        let (here, next) = (
            block[..16].try_into().unwrap(),
            block[1..].try_into().unwrap(),
        );
        let fast = (
            leads_of_flagged(Lanes::load(here)),
            flagged(Lanes::load(here), Lanes::load(next)),
        );
        let plain = (
            leads_of_flagged(PlainLanes::load(here)),
            flagged(PlainLanes::load(here), PlainLanes::load(next)),
        );
        (fast, plain)
    }

    #[test]
    fn the_lanes_agree_with_the_plain_ones_on_every_pair_of_bytes() {
        for here in 0..=255u8 {
            for next in 0..=255u8 {
                for k in [0, 7, 15] {
                    let mut block = [b'a'; 17];
                    block[k] = here;
                    block[k + 1] = next;
                    let (fast, plain) = both_ways(&block);
                    assert_eq!(fast, plain, "{here:#04x} {next:#04x} at {k}");
                }
            }
        }
    }

    #[test]
    fn flagged_marks_every_character_with_a_role_in_a_stop() {
        let t = tables();
        for c in (0x80..=0xFFFF).filter_map(char::from_u32) {
            let mut utf8 = [0u8; 4];
            let encoded = c.encode_utf8(&mut utf8).as_bytes();
            let roles = roles_at(t, encoded, 0).0;
            let needed = match encoded.len() {
                2 => roles.cont() != 0 || roles.nbsp() != 0,
                _ => roles != Roles::default() || c == '\u{FFFD}',
            };
            for k in 0..16 - encoded.len() + 1 {
                let mut block = [b'a'; 17];
                block[k..k + encoded.len()].copy_from_slice(encoded);
                let flag = flagged_at(&block, k);
                assert!(flag || !needed, "{c:?} at {k} is not flagged");
                for tail in k + 1..k + encoded.len() {
                    assert!(
                        !flagged_at(&block, tail),
                        "{c:?}: a continuation byte flagged"
                    );
                }
            }
        }
    }

    #[test]
    fn flagged_passes_the_letters_of_other_scripts() {
        for text in [
            "абвгдежзиклмнопрстуфхцчшщъыьэюя",
            "αβγδεζηθικλμνξορστυφχψω",
            "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
            "日本語のテキスト",
            "मराठी भाषा",
        ] {
            let bytes = text.as_bytes();
            for start in (0..bytes.len().saturating_sub(17)).filter(|&s| text.is_char_boundary(s)) {
                let block: [u8; 17] = bytes[start..start + 17].try_into().unwrap();
                let here = Lanes::load(block[..16].try_into().unwrap());
                let next = Lanes::load(block[1..].try_into().unwrap());
                assert_eq!(flagged(here, next), 0, "{text:?} from {start}");
            }
        }
    }

    /// Every encoding and option, on `text` from each character boundary.
    fn assert_agrees(text: &str) {
        for from in (0..=text.len()).filter(|&f| text.is_char_boundary(f)) {
            for flags in 0..8u8 {
                let o = ScanOptions {
                    enabled: 0x3FF,
                    nbsp: flags & 1 != 0,
                    lossy: flags & 2 != 0,
                    c1: flags & 4 != 0,
                };
                let fast = candidate(text, from, o).map(|c| (c.start, c.at, c.encodings));
                let sse2 = candidate_with::<Sse2Marks>(text, from, o)
                    .map(|c| (c.start, c.at, c.encodings));
                let slow = candidate_reference(text, from, o).map(|c| (c.start, c.at, c.encodings));
                assert_eq!(fast, slow, "{text:?} from {from}, {o:?}");
                assert_eq!(sse2, slow, "SSE2: {text:?} from {from}, {o:?}");
                for (name, found) in super::super::simd::every_candidate(text, from, o) {
                    let found = found.map(|c| (c.start, c.at, c.encodings));
                    assert_eq!(found, slow, "{name}: {text:?} from {from}, {o:?}");
                }
            }
        }
    }

    #[test]
    fn a_space_after_an_extended_sequence_is_a_stop_inside_a_step() {
        // `à` leads three bytes in Windows-1252 (0xE0), `Ÿ` continues (0x9F), and the
        // space may be the lost 0xA0 that would end the sequence: the `Ÿ` must not be
        // passed over as a character whose sequence the next one ends. (Found by the
        // property test when the check for the space was left out.)
        assert_agrees("абвгдежзийклмнопрст àŸ уфхцчшщъыьэюяабвгд");
        assert_agrees("абвгдежзийклмнопрст Ві в ві вії Він ґі ");
    }

    #[test]
    fn marks_passed_over_by_a_step_are_those_the_scan_passes_over() {
        // AVX2's step leaves unmarked some characters after ASCII and inside Cyrillic
        // words; around them, the characters that are stops must still be found, at
        // every place in a step (the texts are shifted a byte at a time).
        for text in [
            "він ніч їх є «так» — ні, «Ві» Рі Ñ€ Ã© \u{85}x Ã і \u{a0}і ні ",
            "слово — слово «цитата» ціна №1, x€ ™a Â\u{a0} Ã ",
            "Ð¿Ñ€Ð¸ Ñ–Ð½ÑˆÐ¾Ð³Ð¾ ніі нії їі ї» «ї а» ÃŸ",
            // A mark in a step's last two lanes, its next character in the next step.
            "жжжжжжжжжжжжжжx Ã жжжжжжжжжжжжжжжжжжжжжжжж",
            "жжжжжжжжжжжжжжнії жжжжжжжжжжжжжжжжжжжжжжжж",
            "жжжжжжжжжжжжжжні жжжжжжжжжжжжжжжжжжжжжжжж",
            "жжжжжжжжжжжжжжжні жжжжжжжжжжжжжжжжжжжжжжжж",
            "ні і ї є ці ції цє» Ні ÐÑ і у ї,є. ґі Ґі ёі ні\u{a0}нє Ã ні жÃ ж ѐі",
            // Latin text, a few leads to a step (looked up one by one, but for those
            // after ASCII that the scan would pass over): letters before a space that
            // may stand for a lost 0xA0 after them (`Ã`, `Ā`, `×`) or not (`ā`).
            "voilÃ le kuorsovā irā Ā Ū Š ß × tÃ€ ok",
            "a\u{85}b Ã\u{a0}c dā e – fŠ g",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxÃ xx",
        ] {
            for shift in 0..BLOCK {
                let padded = format!("{}{text}{text}", "x".repeat(shift));
                assert_agrees(&padded);
            }
        }
    }

    #[test]
    fn ukrainian_letters_lead_no_byte_before_a_lost_0xa0() {
        // What lets AVX2's step pass over `і`, `ї`, `є` after a lowercase Cyrillic
        // letter and before a space.
        let t = tables();
        let roles = |c: char| {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            t.roles2(bytes[0], bytes[1])
        };
        for c in ['є', 'і', 'ї'] {
            let r = roles(c);
            assert_eq!(
                (r.lead2(), r.lead3(), r.lead4(), r.nbsp()),
                (0, 0, 0, 0),
                "{c}"
            );
        }
        for c in 'а'..='я' {
            let r = roles(c);
            assert_eq!((r.lead2(), r.nbsp()), (0, 0), "{c}");
        }
    }

    #[test]
    fn no_three_byte_character_leads_a_byte_before_a_lost_0xa0() {
        // What lets AVX2's step pass over a character of the blocks led by 0xE2 and 0xEF
        // after an ASCII byte, a space after it or not.
        let t = tables();
        for c in 0x800..=0xFFFF {
            assert_eq!(t.roles_above_07ff(c).nbsp(), 0, "U+{c:04X}");
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z ]{1,20}",
            "[а-яА-ЯіїєґІЇЄҐёЁ ]{1,20}",
            "[α-ωΑ-Ωάέήίόύώ ΆΈΉΊΌΎΏπΩ]{1,20}",
            "[àâãäåæçèéêëìíîïñòóôõöøùúûüýÿÂÃÐÑĀāĂăĄąĆćŁłŠšŽžŸƒˆˇ˘ ]{1,12}",
            "[РСВГЃЂÐÑÃâ€œ™ðŸ‡«·ˆ¦¤ Â\u{a0}\u{85}\u{FFFD}╔║Ω√∑]{1,10}",
            "[日本語のテキスト、。「」！（） मराठीभाषा]{1,12}",
            "[😀🇫🇷 ]{1,4}",
            // Marks after ASCII and inside Cyrillic words, before a space or not, at
            // every place in a step: what AVX2's step passes over.
            "[a-z .,(]{0,3}[«»—–„“…№\u{a0}\u{85}іїєІЇЄГёа-я€™]{1,3}[ a-zа-я.]{0,3}",
            // Latin letters with diacritics among ASCII, a few to a step (Latvian's,
            // Latgalian's, Polish's): those after an ASCII byte that AVX2's step passes
            // over even where it looks up its few leads one by one, and those it must not
            // (before a space, C1 controls, three-byte characters).
            "[a-z]{0,9}[ĀāĒēĪīŪūŠšŽžČčĻļŅņĢģĶķŁłÃÂ×ß\u{85}\u{a0}–€]{1,2}[ a-z.]{0,9}",
            // Long stretches with no lead of a character that may be marked (Bengali,
            // Armenian, kana and Han), which AVX2's scan strides over.
            "[আমারসোনাবাংলা Հայերենայբ日本語のかなカタ]{20,70}",
        ]
    }

    proptest! {
        /// The ASCII skip finds the first byte >= 0x80, wherever it is in a step.
        #[test]
        fn next_non_ascii_finds_the_first_high_byte(
            len in 0usize..400,
            high in proptest::collection::vec((0usize..400, 0x80u8..=0xFF), 0..3),
            from in 0usize..400,
        ) {
            let mut bytes = vec![b'a'; len];
            for (at, b) in high {
                if at < len {
                    bytes[at] = b;
                }
            }
            let from = from.min(len);
            let expected = bytes[from..].iter().position(|&b| b >= 0x80).map_or(len, |k| from + k);
            prop_assert_eq!(next_non_ascii(&bytes, from), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn candidate_agrees_with_the_reference(
            pieces in prop::collection::vec(piece(), 1..12),
            from in 0..400usize,
            enabled in 1u16..0x400,
            flags in 0..8u8,
        ) {
            let text = pieces.concat();
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let o = ScanOptions { enabled, nbsp: flags & 1 != 0, lossy: flags & 2 != 0, c1: flags & 4 != 0 };
            let fast = candidate(&text, from, o).map(|c| (c.start, c.at, c.encodings));
            let sse2 = candidate_with::<Sse2Marks>(&text, from, o).map(|c| (c.start, c.at, c.encodings));
            let slow = candidate_reference(&text, from, o).map(|c| (c.start, c.at, c.encodings));
            prop_assert_eq!(fast, slow);
            // The scan every processor can run, and every other this one can, whichever
            // it chose.
            prop_assert_eq!(sse2, slow);
            for (name, found) in super::super::simd::every_candidate(&text, from, o) {
                prop_assert_eq!(found.map(|c| (c.start, c.at, c.encodings)), slow, "{}", name);
            }
        }
    }
}
