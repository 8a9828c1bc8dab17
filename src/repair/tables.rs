//! The encodings' tables: which byte each encoding writes for a character, and for every
//! character that some encoding writes in its upper half, the role that byte can play in
//! UTF-8 (lead of a two-, three- or four-byte sequence, or continuation), one bit per
//! encoding. Built once, on first use, from `encoding_rs` and two small tables.

use std::sync::OnceLock;

use super::Encoding;

/// The 27 characters Windows-1252 puts in 0x80–0x9F (`None` for the five undefined bytes).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Whether `c` is one of the 27 characters Windows-1252 writes in 0x80–0x9F.
pub(crate) fn is_1252_special(c: char) -> bool {
    CP1252_HIGH.contains(&Some(c))
}

/// The Windows-1252 character a C1 control stands for, when a Latin-1 reading left it.
pub(crate) fn c1_as_1252(c: char) -> Option<char> {
    let u = c as usize;
    (0x80..0xA0)
        .contains(&u)
        .then(|| CP1252_HIGH[u - 0x80])
        .flatten()
}

const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// The characters bytes 0x80–0xFF decode to; a byte the encoding leaves undefined reads as
/// the C1 control of the same number ("sloppy" decoding, as the tools that make mojibake
/// do).
pub(crate) fn decode_upper_half(enc: Encoding) -> [char; 128] {
    let mut out = ['\0'; 128];
    for (i, slot) in out.iter_mut().enumerate() {
        let byte = 0x80 + i as u8;
        *slot = match enc {
            Encoding::Windows1252 => match byte {
                0x80..=0x9F => CP1252_HIGH[i].unwrap_or(char::from(byte)),
                _ => char::from(byte),
            },
            Encoding::Cp437 => CP437_HIGH.chars().nth(i).expect("128 characters"),
            _ => {
                let codec = match enc {
                    Encoding::Windows1251 => encoding_rs::WINDOWS_1251,
                    Encoding::Windows1250 => encoding_rs::WINDOWS_1250,
                    Encoding::Windows1253 => encoding_rs::WINDOWS_1253,
                    Encoding::Windows1254 => encoding_rs::WINDOWS_1254,
                    Encoding::Windows1257 => encoding_rs::WINDOWS_1257,
                    Encoding::Iso8859_2 => encoding_rs::ISO_8859_2,
                    _ => encoding_rs::MACINTOSH,
                };
                let input = [byte];
                let (text, _) = codec.decode_without_bom_handling(&input);
                match text.chars().next() {
                    Some('\u{FFFD}') | None => char::from(byte),
                    Some(c) => c,
                }
            }
        };
    }
    out
}

/// The roles a character can play, one bit per encoding (bit `Encoding::index`) in each
/// ten-bit field: continuation byte, lead of a two-, three- or four-byte sequence, a lead
/// after which a plain space may stand for a lost 0xA0 byte; and the encodings that
/// write it as Windows-1252 does (the same byte, or none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Roles(pub(crate) u64);

impl Roles {
    const CONT: u32 = 0;
    const LEAD2: u32 = 10;
    const LEAD3: u32 = 20;
    const LEAD4: u32 = 30;
    const NBSP: u32 = 40;
    const LIKE_1252: u32 = 50;

    #[inline(always)]
    fn field(self, shift: u32) -> u16 {
        ((self.0 >> shift) & 0x3FF) as u16
    }
    /// The encodings that write the character as Windows-1252 does: the same byte, or
    /// none (Windows-1252 among them). A text whose characters all have one in common is
    /// read alike by both.
    #[inline(always)]
    pub(crate) fn like_1252(self) -> u16 {
        self.field(Self::LIKE_1252)
    }
    /// Encodings in which the character is a continuation byte (0x80–0xBF).
    #[inline(always)]
    pub(crate) fn cont(self) -> u16 {
        self.field(Self::CONT)
    }
    /// Encodings in which it leads a two-byte sequence (0xC2–0xDF).
    #[inline(always)]
    pub(crate) fn lead2(self) -> u16 {
        self.field(Self::LEAD2)
    }
    /// Encodings in which it leads a three-byte sequence (0xE0–0xEF).
    #[inline(always)]
    pub(crate) fn lead3(self) -> u16 {
        self.field(Self::LEAD3)
    }
    /// Encodings in which it leads a four-byte sequence (0xF0–0xF4).
    #[inline(always)]
    pub(crate) fn lead4(self) -> u16 {
        self.field(Self::LEAD4)
    }
    /// Encodings in which it is a lead whose last byte may be a 0xA0 lost to a space
    /// (see [`Encoding::nbsp_lead`]).
    #[inline(always)]
    pub(crate) fn nbsp(self) -> u16 {
        self.field(Self::NBSP)
    }
    /// Records the encodings (by index) for which `alike` holds as those that write the
    /// character as Windows-1252 does.
    fn add_like_1252(&mut self, alike: impl Fn(usize) -> bool) {
        for enc in Encoding::ALL {
            if alike(enc.index()) {
                self.0 |= u64::from(enc.bit()) << Self::LIKE_1252;
            }
        }
    }

    fn add(&mut self, enc: Encoding, byte: u8) {
        let bit = u64::from(enc.bit());
        let shift = match byte {
            0x80..=0xBF => Some(Self::CONT),
            0xC2..=0xDF => Some(Self::LEAD2),
            0xE0..=0xEF => Some(Self::LEAD3),
            0xF0..=0xF4 => Some(Self::LEAD4),
            _ => None,
        };
        if let Some(shift) = shift {
            self.0 |= bit << shift;
        }
        if enc.nbsp_lead(byte) {
            self.0 |= bit << Self::NBSP;
        }
    }
}

pub(crate) struct Tables {
    /// Per encoding, the byte of each character of U+0000–U+07FF (0: none; ASCII is not
    /// recorded), indexed by code point.
    byte_low: Vec<[u8; 0x800]>,
    /// Per encoding, the byte of each character of U+2000–U+2FFF (0: none), indexed by
    /// code point minus 0x2000: the punctuation and symbols every encoding has.
    byte_2000: Vec<[u8; 0x1000]>,
    /// [`Tables::byte_low`] and [`Tables::byte_2000`] in one, with 0xFF for "none" and
    /// the ASCII characters as themselves, for [`transcode`](super::decode::transcode_with_room):
    /// see [`Tables::transcode_joined`].
    transcode_joined: Vec<[u8; 0x1804]>,
    /// Per encoding, sorted (character, byte) pairs of the characters above U+07FF.
    byte_high: Vec<Vec<(char, u8)>>,
    /// The roles of U+0000–U+07FF, by code point.
    roles_low: Vec<Roles>,
    /// The roles of U+2000–U+2FFF (the only three-byte block besides U+F000–U+FFFF that
    /// an encoding here writes in its upper half), by code point minus 0x2000.
    roles_2000: Vec<Roles>,
    /// The roles of the few characters of U+F000–U+FFFF (`ﬁ`, `ﬂ`, Apple's logo).
    roles_f000: Vec<(char, Roles)>,
}

pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut byte_low = Vec::new();
        let mut byte_2000 = Vec::new();
        let mut transcode_joined = Vec::new();
        let mut byte_high = Vec::new();
        let mut roles_low = vec![Roles::default(); 0x800];
        let mut roles_2000 = vec![Roles::default(); 0x1000];
        let mut roles_f000: Vec<(char, Roles)> = Vec::new();
        for enc in Encoding::ALL {
            let mut low = [0u8; 0x800];
            let mut high = Vec::new();
            let upper = decode_upper_half(enc);
            // Windows-1252 also takes every C1 control as its own byte: it stands for
            // Latin-1 too, and text read as one is often mixed with the other. The others
            // take only the C1 controls of their undefined bytes, as their sloppy
            // decoding writes them.
            let c1 = (0x80u8..0xA0)
                .filter(|_| enc == Encoding::Windows1252)
                .map(|b| (char::from(b), b));
            let defined = upper.iter().enumerate().map(|(i, &c)| (c, 0x80 + i as u8));
            for (c, b) in defined.chain(c1) {
                let u = c as usize;
                let roles = if u < 0x800 {
                    if low[u] != 0 {
                        continue;
                    }
                    low[u] = b;
                    &mut roles_low[u]
                } else {
                    if high.iter().any(|&(h, _)| h == c) {
                        continue;
                    }
                    high.push((c, b));
                    if (0x2000..0x3000).contains(&u) {
                        &mut roles_2000[u - 0x2000]
                    } else {
                        assert!(u >= 0xF000, "{c:?} outside the looked-up blocks");
                        match roles_f000.iter().position(|e| e.0 == c) {
                            Some(i) => &mut roles_f000[i].1,
                            None => {
                                roles_f000.push((c, Roles::default()));
                                &mut roles_f000.last_mut().expect("pushed").1
                            }
                        }
                    }
                };
                roles.add(enc, b);
            }
            high.sort_unstable();
            let mut block = [0u8; 0x1000];
            for &(c, b) in &high {
                if let Some(slot) = (c as usize)
                    .checked_sub(0x2000)
                    .and_then(|i| block.get_mut(i))
                {
                    *slot = b;
                }
            }
            let none_as_ff = |b: &u8| if *b == 0 { 0xFF } else { *b };
            let mut joined = [0xFFu8; 0x1804];
            for (i, slot) in joined.iter_mut().enumerate() {
                *slot = match i {
                    0..=0x7F => i as u8,
                    0x80..=0x7FF => none_as_ff(&low[i]),
                    0x800..=0x17FF => none_as_ff(&block[i - 0x800]),
                    _ => 0xFF,
                };
            }
            transcode_joined.push(joined);
            byte_low.push(low);
            byte_2000.push(block);
            byte_high.push(high);
        }
        // Which encodings write each character as Windows-1252 does.
        let w1252 = Encoding::Windows1252.index();
        for (u, roles) in roles_low.iter_mut().enumerate() {
            roles.add_like_1252(|e| byte_low[e][u] == byte_low[w1252][u]);
        }
        for (u, roles) in roles_2000.iter_mut().enumerate() {
            roles.add_like_1252(|e| byte_2000[e][u] == byte_2000[w1252][u]);
        }
        for (c, roles) in &mut roles_f000 {
            let byte = |e: usize| {
                let high: &Vec<(char, u8)> = &byte_high[e];
                high.iter().find(|h| h.0 == *c).map(|h| h.1)
            };
            roles.add_like_1252(|e| byte(e) == byte(w1252));
        }
        Tables {
            byte_low,
            byte_2000,
            transcode_joined,
            byte_high,
            roles_low,
            roles_2000,
            roles_f000,
        }
    })
}

impl Tables {
    /// The bytes `enc` writes for U+0000–U+07FF by code point (ASCII as itself), then
    /// for U+2000–U+2FFF, the characters led by 0xE2 in UTF-8 (punctuation, `€`, `™`,
    /// box drawing) at `c - 0x2000 + 0x800`: a character of one or two bytes, or of
    /// three led by 0xE2, looked up in one table, as the sixteen-byte steps of
    /// [`transcode`](super::decode::transcode_with_room) gather them; four bytes of 0xFF after it,
    /// since a gather reads four bytes at an index. 0xFF for a character `enc` has no
    /// byte for: a byte an encoding writes for a non-ASCII character is always of the
    /// upper half, 0x80–0xFF, and 0xFF is never part of UTF-8, so text read back with a
    /// 0xFF in it is no UTF-8 whether the 0xFF was written or stands for "none", and the
    /// UTF-8 check that follows the transcode rejects both, with no test for the missing
    /// byte at every character.
    #[inline]
    pub(crate) fn transcode_joined(&self, enc: Encoding) -> &[u8; 0x1804] {
        &self.transcode_joined[enc.index()]
    }

    /// The byte `enc` writes for the non-ASCII character `c`, if any.
    #[inline]
    pub(crate) fn byte(&self, enc: Encoding, c: u32) -> Option<u8> {
        if let Some(&b) = self.byte_low[enc.index()].get(c as usize) {
            return (b != 0).then_some(b);
        }
        if let Some(&b) = (c as usize)
            .checked_sub(0x2000)
            .and_then(|i| self.byte_2000[enc.index()].get(i))
        {
            return (b != 0).then_some(b);
        }
        let high = &self.byte_high[enc.index()];
        let c = char::from_u32(c)?;
        high.binary_search_by_key(&c, |&(h, _)| h)
            .ok()
            .map(|i| high[i].1)
    }

    #[inline]
    pub(crate) fn roles_above_07ff(&self, c: u32) -> Roles {
        match c {
            0x2000..=0x2FFF => self.roles_2000[(c - 0x2000) as usize],
            0xF000..=0xFFFF => self
                .roles_f000
                .iter()
                .find(|e| e.0 as u32 == c)
                .map_or(Roles::default(), |e| e.1),
            _ => Roles::default(),
        }
    }

    /// The roles of the two-byte character whose UTF-8 bytes are `b0`, `b1`.
    #[inline(always)]
    pub(crate) fn roles2(&self, b0: u8, b1: u8) -> Roles {
        let c = (usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F);
        self.roles_low[c]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_written_for_a_character_is_of_the_upper_half() {
        // What lets the transcode's tables write 0xFF for "no byte": a byte below 0x80
        // would be ASCII, and 0xFF, written or not, is never part of UTF-8.
        let t = tables();
        for enc in Encoding::ALL {
            let written = t.byte_low[enc.index()]
                .iter()
                .chain(&t.byte_2000[enc.index()])
                .chain(t.byte_high[enc.index()].iter().map(|(_, b)| b));
            for &b in written.filter(|&&b| b != 0) {
                assert!(b >= 0x80, "{enc:?} writes {b:#04x}");
            }
            let none_as_ff = |b: u8, ff: u8| ff == if b == 0 { 0xFF } else { b };
            let joined = t.transcode_joined(enc);
            for (i, &b) in t.byte_low[enc.index()].iter().enumerate().skip(0x80) {
                assert!(none_as_ff(b, joined[i]), "{enc:?} U+{i:04X}");
            }
            for (i, &b) in t.byte_2000[enc.index()].iter().enumerate() {
                assert!(
                    none_as_ff(b, joined[0x800 + i]),
                    "{enc:?} U+{:04X}",
                    0x2000 + i
                );
            }
            assert!(
                (0..0x80).all(|i| usize::from(joined[i]) == i),
                "{enc:?} ASCII"
            );
            assert_eq!(joined[0x1800..], [0xFF; 4], "{enc:?}");
        }
    }

    #[test]
    fn every_byte_round_trips() {
        let t = tables();
        for enc in Encoding::ALL {
            for (i, c) in decode_upper_half(enc).iter().enumerate() {
                assert_eq!(t.byte(enc, *c as u32), Some(0x80 + i as u8), "{enc} {c:?}");
            }
        }
    }

    #[test]
    fn windows_1252_takes_every_c1_control_as_its_own_byte() {
        let t = tables();
        for b in 0x80u8..0xA0 {
            assert_eq!(t.byte(Encoding::Windows1252, u32::from(b)), Some(b));
        }
        // Windows-1250 defines 0x80 as the euro sign: U+0080 is not its byte.
        assert_eq!(t.byte(Encoding::Windows1250, 0x80), None);
        assert_eq!(t.byte(Encoding::Windows1250, 0x81), Some(0x81));
    }

    #[test]
    fn roles_agree_with_the_bytes() {
        let t = tables();
        for enc in Encoding::ALL {
            for c in decode_upper_half(enc) {
                let b = t.byte(enc, c as u32).unwrap();
                let r = if (c as u32) < 0x800 {
                    t.roles2(0xC0 | (c as u32 >> 6) as u8, 0x80 | (c as u32 & 0x3F) as u8)
                } else {
                    t.roles_above_07ff(c as u32)
                };
                assert_eq!(
                    r.cont() & enc.bit() != 0,
                    (0x80..=0xBF).contains(&b),
                    "{c:?}"
                );
                assert_eq!(
                    r.lead2() & enc.bit() != 0,
                    (0xC2..=0xDF).contains(&b),
                    "{c:?}"
                );
                assert_eq!(
                    r.lead3() & enc.bit() != 0,
                    (0xE0..=0xEF).contains(&b),
                    "{c:?}"
                );
                assert_eq!(
                    r.lead4() & enc.bit() != 0,
                    (0xF0..=0xF4).contains(&b),
                    "{c:?}"
                );
            }
        }
    }
}
