//! Undoing one reading: characters back to the bytes an encoding wrote for them, and those
//! bytes read as UTF-8 (or as CESU-8, the UTF-8 of Java and old databases, where an emoji
//! is two three-byte halves).

use super::scan::{
    code_point_at, damage_before, lead_between_digits, lead_inside_word,
    lead_starting_a_damaged_word, lone_lead_beside_damage, next_non_ascii, question_in_damage,
    question_inside_word, question_word_beside_damage, sequence_begun_at, NBSP_LEADS,
};
use super::score::kind_of_code_point;
use super::tables::tables;
use super::Encoding;

/// Where a space may stand for a lost 0xA0 byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nbsp {
    /// Nowhere.
    No,
    /// Only in `Ã ` before a lowercase word (`à`).
    AGrave,
    /// After every lead where it happens, in text damaged as a whole.
    Whole,
}

/// A UTF-8 sequence read back from mojibake.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sequence {
    /// Byte offset after the sequence's last character in the text.
    pub(crate) end: usize,
    /// The character it decodes to (U+FFFD for a sequence that lost a byte).
    pub(crate) decoded: char,
    /// A space stood for a lost 0xA0 byte and stays in the text: `end` is before it.
    pub(crate) kept_space: bool,
    /// A byte of it was lost (to U+FFFD or a question mark): `decoded` is U+FFFD.
    pub(crate) lost: bool,
    /// The byte it lost was dropped (no character stands for it), where no lost 0xA0
    /// could be instead.
    pub(crate) dropped: bool,
}

/// The ASCII letters before which `à` ends a word (French `voilà`, `là`, `delà`, `déjà`
/// (`dÃ©jÃ`), `holà`; Vietnamese `và`, `là`, `nhà`), lowercase; and so do letters that end
/// in `t` or `r` (Italian `città`, `università`, Catalan and Italian futures `serà`,
/// `farà`).
const A_GRAVE_ENDS: [&str; 7] = ["voil", "l", "del", "j", "hol", "v", "nh"];

/// The short words of the languages that write `à` at a word's end, which follow such a
/// word and are no rest of one (Catalan `Sant JuliÃ de LÃ²ria`: `Julià de`).
const A_GRAVE_BEFORE: [&str; 16] = [
    "de", "del", "des", "di", "da", "du", "la", "le", "les", "el", "els", "et", "en", "per", "que",
    "un",
];

/// What follows `à` inside a Vietnamese word (`vào`, `hành`, `toàn`, `Đài`, `làm`): a word
/// after a space that is one of these is the rest of the word.
const A_GRAVE_INSIDE: [&str; 12] = [
    "i", "o", "u", "y", "m", "n", "ng", "nh", "c", "ch", "p", "t",
];

/// Whether `Ã` at `at`, a space at `space` after it, is `à` whose 0xA0 was lost to that
/// space: `Some(true)` where a space is kept after `à` (the 0xA0 and a real space were
/// merged into one), `Some(false)` where the space was the 0xA0 and goes, `None` where it
/// is no `à`.
///
/// - Before a lowercase word, `Ã` alone is `à` and a space (`Ã la`), and so it is after
///   the letters of a word `à` ends (`voilÃ le`); after other letters, it is inside a word
///   (Catalan `GuÃ rdia`, Vietnamese `Ä\u{90}Ã i`, `vÃ o`: `Guàrdia`, `Đài`, `vào`).
/// - Before another space, `s ` (Portuguese `às`) or `quele`, the space was the 0xA0; so
///   it was before `.`, `,`, `)` or the line's end after a letter (`dÃ©jÃ .`), where no
///   space comes; before `!`, `?`, `;` and `:`, which French writes after a space, it is
///   kept.
/// - Not in spaced capitals (`S Ã O`) or a list of letters (`Ã ã`); where the text is
///   read a run at a time (`AGrave`), the space is taken for the 0xA0 only after a letter.
fn a_grave_space(text: &str, at: usize, space: usize, nbsp: Nbsp) -> Option<bool> {
    let rest = &text[space + 1..];
    let before = text[..at].chars().next_back();
    // After a letter, or a character of the damage (the last of another
    // letter's bytes, `Ä\u{90}` for `Đ`), `Ã` is in a word.
    let in_word =
        before.is_some_and(|c| c.is_ascii_alphabetic() || !c.is_ascii() && !c.is_whitespace());
    if rest.is_empty() || rest.starts_with(['.', ',', ')', '\n', '\r']) {
        return in_word.then_some(false);
    }
    if ["s ", " ", "quele", "quela", "quilo"]
        .iter()
        .any(|p| rest.starts_with(p))
    {
        return (nbsp != Nbsp::AGrave || in_word).then_some(false);
    }
    let next = rest.as_bytes()[0];
    if next >= 0x80 && nbsp == Nbsp::Whole {
        // A word of the damage after the space (Vietnamese `vÃ Ä‘Æ°á»£c`, Portuguese
        // `Ã Ã©poca`: `và được`, `à época`), in text damaged as a whole: no letter of
        // the same word (no word has a letter not ASCII right after `à`).
        return Some(true);
    }
    if !in_word {
        // `à` before a word, or a number; before a capital only after a lowercase word
        // (`Hommage Ã Newton`), not among spaced capitals.
        let after_word = text[..at]
            .strip_suffix(' ')
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| c.is_lowercase());
        let word = next.is_ascii_lowercase()
            || next.is_ascii_digit()
            || next.is_ascii_uppercase() && after_word && nbsp != Nbsp::AGrave;
        return word.then_some(true);
    }
    if b"!?;:".contains(&next) || next.is_ascii_digit() || next.is_ascii_uppercase() {
        // (No word goes on after `à` with these.)
        return Some(true);
    }
    if nbsp == Nbsp::Whole {
        // In text damaged as a whole, where no `Ã` is clean: Markdown's emphasis, a
        // bracket or a quote opens the next word (`vÃ *Radio*`: `và *Radio*`); a hyphen
        // goes on with the same one (`lÃ -bas`: `là-bas`).
        if b"*_([\"".contains(&next) {
            return Some(true);
        }
        if next == b'-' {
            return Some(false);
        }
    }
    if !next.is_ascii_lowercase() {
        return None;
    }
    let stem = text[..at].trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let stem = &text[stem.len()..at];
    let after = rest
        .find(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .map_or(rest, |end| &rest[..end]);
    let ends_word = (A_GRAVE_ENDS.iter().any(|w| stem.eq_ignore_ascii_case(w))
        || stem.len() >= 2 && stem.ends_with(['t', 'r'])
        || A_GRAVE_BEFORE.contains(&after))
        && !A_GRAVE_INSIDE.contains(&after);
    Some(ends_word || nbsp == Nbsp::Whole && accented_syllable(after))
}

/// Whether `word` (after `Ã` and a space, in text damaged as a whole) is a syllable of
/// its own: consonants, then a character of the damage, its accented vowel (Vietnamese
/// `mÃ nÃ³`, `mÃ nháº¯c`: `mà nó`, `mà nhắc`). A word `à` is inside has no second accent
/// (Catalan `GuÃ rdia`, `mÃ quina`), and what follows `à` inside a Vietnamese syllable
/// is its last letters (`Ã i`, `Ã nh`), all ASCII.
fn accented_syllable(word: &str) -> bool {
    let vowel = word.trim_start_matches(|c: char| {
        c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    });
    vowel.len() < word.len() && vowel.starts_with(|c: char| !c.is_ascii())
}

/// Whether the character before byte `at` of `text` is not ASCII: in the Cyrillic and
/// Greek readings, a three-byte lead whose 0xA0 was lost to a space is read only there,
/// not at a word's start, where a clean word of a lowercase letter and one of the upper
/// half is (Russian `её `, Bulgarian `е „`).
fn after_damage(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_ascii())
}

/// In text damaged as a whole, where the lead alone does not tell (the Cyrillic and Greek
/// readings' leads but `à`'s, Hebrew's `נ` in the Latin ones: see
/// [`Encoding::nbsp_lead_in_whole_text`]), whether the space at byte `space` of `text`,
/// after a sequence from byte `at` that misses its last byte (its lead `lead`, as `enc`
/// writes it), stands for a lost 0xA0: beside another character of the damage. After one (`а¤ёа¤ѕа¤ ` is `साठ`, `РЎРЎРЎР ` `СССР`), or before one where
/// what the sequence has is no clean word's end: a three-byte lead and a character that
/// is no lowercase letter (`а¤ ` is `ठ`, `гЃ ` `だ`; Russian `её ` before a damaged word
/// stays); a capital (or a letter of a script without case) of two bytes, where the
/// damage after the space reads as a letter of the same alphabet (`Р РѕРјРµРЅ` is `Ромен`,
/// `Р РЎР ` `РСР`, Hebrew `× ×•` `נו`; a clean `В` alone between damaged words stays, `В `
/// being a no-break space, and so does `О РЇ`, which would be Greek `Π` before Cyrillic
/// `Я`).
fn lost_nbsp_beside_damage(text: &str, at: usize, lead: u8, space: usize, enc: Encoding) -> bool {
    if after_damage(text, at) {
        return true;
    }
    let bytes = text.as_bytes();
    if bytes.get(space + 1).is_none_or(|&b| b < 0x80) {
        return false;
    }
    if lead >= 0xE0 {
        let mut sequence = text[at..space].chars();
        sequence.next();
        return sequence.next().is_none_or(|middle| !middle.is_lowercase());
    }
    let Some(capital) = char::from_u32(u32::from(lead & 0x1F) << 6 | 0x20)
        .filter(|c| c.is_alphabetic() && !c.is_lowercase())
    else {
        return false;
    };
    // The two bytes after the space, as `enc` writes them, read as UTF-8.
    let t = tables();
    let (first, len) = code_point_at(bytes, space + 1);
    let second = bytes
        .get(space + 1 + len)
        .map(|_| code_point_at(bytes, space + 1 + len).0);
    let next = match (t.byte(enc, first), second.and_then(|c| t.byte(enc, c))) {
        (Some(b1 @ 0xC2..=0xDF), Some(b2 @ 0x80..=0xBF)) => {
            char::from_u32(u32::from(b1 & 0x1F) << 6 | u32::from(b2 & 0x3F))
        }
        _ => None,
    };
    let script = |c: char| kind_of_code_point(u32::from(c)).script;
    next.is_some_and(|next| next.is_alphabetic() && script(next) == script(capital))
}

/// Whether the three-byte sequence begun in `buf` (its first two bytes), completed by
/// a lost 0xA0 at the space at byte `space` of `bytes`, would be a sign (`†`, `↠`, not a
/// letter such as Chinese `素`) glued to the letter or digit after that space: in text
/// where bytes may have been dropped, less likely than a character of the same two bytes
/// that lost its last one before the space (`”`, `←`, `‐`: 0x9D, 0x90).
fn symbol_glued_to_a_word(buf: [u8; 4], bytes: &[u8], space: usize) -> bool {
    bytes.get(space + 1).is_some_and(u8::is_ascii_alphanumeric)
        && std::str::from_utf8(&[buf[0], buf[1], 0xA0])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(|c| !c.is_alphanumeric())
}

/// Reads the sequence that starts at byte `at` of `text` (a non-ASCII character), for
/// `enc`. `nbsp` lets a space stand for a lost 0xA0 after the leads where that happens
/// (`Whole`: the features for text damaged as a whole; `AGrave`: only `Ã ` for `à `
/// before a word, which needs no other evidence);
/// `lossy` lets U+FFFD stand for a lost continuation byte (and, with `Whole`, a question
/// mark: after a two-byte lead where damage is beside it, or inside a word where
/// `read_before`, a sequence read from all its bytes came before in the text, or the
/// lead is a capital inside a word; and a byte dropped where the sequence stops short
/// as the scan reads it). With `drops_shown` (see [`drops_shown`]), a space after a
/// sequence of three or four bytes that misses its last one is a space, its byte
/// dropped, not a lost 0xA0 (`â€ ` is `”` and a space, not `†`).
pub(crate) fn sequence_at(
    text: &str,
    at: usize,
    enc: Encoding,
    nbsp: Nbsp,
    lossy: bool,
    read_before: bool,
    drops_shown: bool,
) -> Option<Sequence> {
    let bytes = text.as_bytes();
    let t = tables();
    let (first, first_len) = code_point_at(bytes, at);
    let lead = t.byte(enc, first)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    let mut end = at + first_len;
    let mut lost = false;
    let mut dropped_here = false;
    let mut kept_space = false;
    // A byte (or two) dropped where the sequence stops short, in text damaged as a whole:
    // where it has a continuation byte already, or after another character of the
    // damage (as the scan reads it: `scan::dropped`), or before a lead.
    let drops = nbsp == Nbsp::Whole && lossy && Encoding::DROPS_UNDEFINED & enc.bit() != 0;
    let dropped = |k: usize, end: usize| {
        // Before a space, not where the space may be a lost 0xA0 (`scan::dropped`), and
        // not before a question mark, which the rules below read.
        let nbsp_space =
            bytes.get(end) == Some(&b' ') && k == len - 1 && (k >= 2 || NBSP_LEADS.contains(&lead));
        drops
            && !nbsp_space
            && bytes.get(end) != Some(&b'?')
            && (k >= 2
                || damage_before(bytes, at)
                || len == 2 && lead_inside_word(bytes, at, end)
                || len == 2 && read_before && lone_lead_beside_damage(bytes, at, end)
                || len == 2 && lead_starting_a_damaged_word(t, bytes, at, end) & enc.bit() != 0
                || read_before && lead_between_digits(bytes, at, end))
    };
    for k in 1..len {
        if end >= bytes.len() {
            if dropped(k, end) {
                (lost, dropped_here) = (true, true);
                break;
            }
            return None;
        }
        let (c, clen) = code_point_at(bytes, end);
        let last = k == len - 1;
        let byte = if c == u32::from(b' ')
            && nbsp != Nbsp::No
            && last
            && (enc.nbsp_lead(lead) || nbsp == Nbsp::Whole && enc.nbsp_lead_in_whole_text(lead))
        {
            // (Once drops show, the byte a sequence misses before a space was dropped:
            // of three or four, or of two where only text damaged as a whole reads a
            // lost 0xA0, beside other damage: Windows-1253's `Π Π°` is Cyrillic `А а`,
            // its 0x90 dropped. Not a sign alone: `2 × 3`.)
            if drops
                && drops_shown
                && (k >= 2
                    || !enc.nbsp_lead(lead) && lost_nbsp_beside_damage(text, at, lead, end, enc))
            {
                (lost, dropped_here) = (true, true);
                break;
            }
            if drops
                && enc != Encoding::Windows1251
                && len == 3
                && k == 2
                && symbol_glued_to_a_word(buf, bytes, end)
            {
                // Where no drop shows, a three-byte sign that a lost 0xA0 would glue to
                // the next word (`â€ political`: `†political`) lost a dropped byte
                // instead, before its space (`”` less its 0x9D: `� political`). Not
                // counted as a drop shown: a lost 0xA0 could be there. (Not in
                // Windows-1251, whose one byte dropped, 0x98, makes `вЂ` an opening
                // quote, `‘`, which a space does not follow.)
                lost = true;
                break;
            }
            let space = 'space: {
                if len == 3 && matches!(buf[1], 0x85 | 0xA0) {
                    break 'space None;
                }
                if len == 2 && lead == 0xC3 {
                    match a_grave_space(text, at, end, nbsp) {
                        Some(kept) => kept_space = kept,
                        None => break 'space None,
                    }
                } else if nbsp == Nbsp::AGrave
                    || !enc.nbsp_lead(lead) && !lost_nbsp_beside_damage(text, at, lead, end, enc)
                {
                    // Where the lead alone does not tell (outside the Latin encodings
                    // but for `à`, and Hebrew's `נ` in them), only in text damaged as a
                    // whole, beside other damage.
                    break 'space None;
                }
                Some(0xA0)
            };
            match space {
                Some(byte) => byte,
                None if dropped(k, end) => {
                    (lost, dropped_here) = (true, true);
                    break;
                }
                None => return None,
            }
        } else if c == u32::from(b' ')
            && nbsp == Nbsp::Whole
            && len == 3
            && k == 1
            && enc.nbsp_lead_in_whole_text(lead)
            && end + 1 < bytes.len()
            && t.byte(enc, code_point_at(bytes, end + 1).0)
                .is_some_and(|b| (0x80..=0xBF).contains(&b))
            && (enc.nbsp_lead(0xC2) || after_damage(text, at))
        {
            // The middle byte of three lost to a space, a character of the upper half
            // after it (`å ´` is `場`): in text damaged as a whole (in the Cyrillic and
            // Greek readings, after another character of the damage).
            0xA0
        } else if (c == 0xFFFD
            || c == u32::from(b'?')
                && nbsp == Nbsp::Whole
                && (len >= 3
                    || matches!(lead, 0xC2 | 0xC3)
                    || (read_before || len == 2 && lead_inside_word(bytes, at, end))
                        && question_inside_word(bytes, end)
                    || read_before && len == 2 && question_word_beside_damage(bytes, end)
                    || len == 2
                        && lead_starting_a_damaged_word(t, bytes, at, end + 1) & enc.bit() != 0
                    || question_in_damage(bytes, end)))
            && lossy
        {
            // A byte lost to U+FFFD, or (in text damaged as a whole) to a question mark:
            // one of three or four (`â€?`, `ã?®`), or of two after `Â` or `Ã`, as ftfy
            // reads them, or after any lead with damage on either side (`Ð¾Ñ?Ðº`) or
            // inside a word after a sequence read whole (Latvian `zinÄ?tne`: `zin�tne`),
            // or after a capital inside a word (`al-KhwÄ?rizmÄ«`: `al-Khw�rizmī`), or
            // after a lead alone as a word next to a word of the damage, after a
            // sequence read whole (Ukrainian `у`, `Ń? ĐĽŃ–Đ¶`: `� між`).
            lost = true;
            0x80
        } else if c < 0x80 {
            if dropped(k, end) {
                (lost, dropped_here) = (true, true);
                break;
            }
            return None;
        } else {
            t.byte(enc, c)?
        };
        if !(0x80..=0xBF).contains(&byte) {
            if drops
                && (k >= 2
                    || len == 2
                    || damage_before(bytes, at)
                    || sequence_begun_at(t, bytes, end) & enc.bit() != 0)
                && (0xC2..=0xF4).contains(&byte)
            {
                // Another lead right after: the damage goes on (a lead of three or four
                // alone, after other damage or before a sequence begun).
                (lost, dropped_here) = (true, true);
                break;
            }
            return None;
        }
        buf[k] = byte;
        if !kept_space {
            end += clen;
        }
    }
    let decoded = match std::str::from_utf8(&buf[..len]) {
        _ if lost => '\u{FFFD}',
        Ok(s) => s.chars().next()?,
        Err(_) if lead == 0xED && (0xA0..=0xAF).contains(&buf[1]) => {
            // CESU-8: a high surrogate, which a low one must follow.
            let low = sequence_raw(text, end, enc)?;
            if low.0[0] != 0xED || !(0xB0..=0xBF).contains(&low.0[1]) {
                return None;
            }
            let hi = (u32::from(buf[1] & 0x0F) << 6) | u32::from(buf[2] & 0x3F);
            let lo = (u32::from(low.0[1] & 0x0F) << 6) | u32::from(low.0[2] & 0x3F);
            end = low.1;
            char::from_u32(0x10000 + (hi << 10) + lo)?
        }
        Err(_) => return None,
    };
    Some(Sequence {
        end,
        decoded,
        kept_space,
        lost,
        dropped: dropped_here,
    })
}

/// Whether `text`, read whole with `enc` (`nbsp` being [`Nbsp::Whole`], and `lossy`),
/// shows a byte dropped somewhere a lost 0xA0 could not be instead: then its bytes were
/// dropped by a decoder that ignores errors, and a space after a sequence that misses
/// its last byte is a space (`“vulgarâ€ communists` is `“vulgar� communists`, where
/// text whose no-break spaces became spaces reads `â€ ` as `†`).
pub(crate) fn drops_shown(text: &str, enc: Encoding, nbsp: Nbsp, lossy: bool) -> bool {
    if nbsp != Nbsp::Whole || !lossy || Encoding::DROPS_UNDEFINED & enc.bit() == 0 {
        return false;
    }
    let bytes = text.as_bytes();
    let mut i = next_non_ascii(bytes, 0);
    let mut read_before = false;
    while i < bytes.len() {
        if text[i..].starts_with('\u{FFFD}') {
            i = next_non_ascii(bytes, i + 3);
            continue;
        }
        let Some(seq) = sequence_at(text, i, enc, nbsp, lossy, read_before, false) else {
            return false;
        };
        if seq.dropped {
            return true;
        }
        read_before |= !seq.lost;
        i = next_non_ascii(bytes, seq.end);
    }
    false
}

/// The three bytes of the three-byte sequence at `at` read with `enc`, and its end.
fn sequence_raw(text: &str, at: usize, enc: Encoding) -> Option<([u8; 3], usize)> {
    let bytes = text.as_bytes();
    let t = tables();
    let mut out = [0u8; 3];
    let mut end = at;
    for slot in &mut out {
        if end >= bytes.len() {
            return None;
        }
        let (c, len) = code_point_at(bytes, end);
        if c < 0x80 {
            return None;
        }
        *slot = t.byte(enc, c)?;
        end += len;
    }
    Some((out, end))
}

/// [`transcode_with_room`] with the room the text needs.
#[cfg(test)]
pub(crate) fn transcode(text: &str, enc: Encoding) -> Option<String> {
    transcode_with_room(text, enc, 0)
}

/// The whole text read back with `enc`: every non-ASCII character to its byte, the bytes
/// read as UTF-8. `None` if a character has no byte or the bytes are not UTF-8. The output
/// has room for `room` bytes (or the text's, if more): for a reading that more may be read
/// onto ([`transcode_onto`]) without moving it.
pub(crate) fn transcode_with_room(text: &str, enc: Encoding, room: usize) -> Option<String> {
    // Every character becomes one byte or stays as it is: the output is never longer.
    let mut out = Vec::with_capacity(room.max(text.len()));
    transcode_bytes(text.as_bytes(), enc, &mut out)?;
    super::simd::utf8_string(out)
}

/// `text` read back with `enc` ([`transcode_with_room`]) onto the end of `read`, the
/// reading of the text before it, which ends where no sequence goes on: written where it
/// goes, rather than made on its own and copied there. `read` as it was if `text` has a
/// character with no byte, or its bytes are not UTF-8.
pub(crate) fn transcode_onto(read: String, text: &str, enc: Encoding) -> Result<String, String> {
    let kept = read.len();
    let mut out = read.into_bytes();
    out.reserve(text.len());
    let mut back = if transcode_bytes(text.as_bytes(), enc, &mut out).is_some() {
        match super::simd::utf8_string_or_back(out) {
            Ok(read) => return Ok(read),
            Err(back) => back,
        }
    } else {
        out
    };
    // The reading as it was: the transcode only appends, after its `kept` bytes.
    back.truncate(kept);
    Err(String::from_utf8(back).expect("a reading's own bytes, which were UTF-8"))
}

/// Appends `bytes` read back with `enc` to `out`; `None` at a character with no byte (some
/// of its bytes may have been appended).
fn transcode_bytes(bytes: &[u8], enc: Encoding, out: &mut Vec<u8>) -> Option<()> {
    // Sixty-four bytes a step (AVX-512) or sixteen (AVX2) where the processor can, up to
    // the first character the joined table does not hold (or the last few bytes); the
    // rest one character at a time.
    let mut from = super::simd::transcode_start(bytes, tables().transcode_joined(enc), enc, out);
    // A step may stop inside a character it read whole.
    while bytes.get(from).is_some_and(|b| b & 0xC0 == 0x80) {
        from += 1;
    }
    transcode_into(&bytes[from..], enc, out)
}

/// Whether `a` and `b` write every non-ASCII character of `text` as the same byte: then
/// they read it alike (the same bytes, so the same UTF-8), and one transcode is enough.
pub(crate) fn write_alike(text: &str, a: Encoding, b: Encoding) -> bool {
    let t = tables();
    let (joined_a, joined_b) = (t.transcode_joined(a), t.transcode_joined(b));
    let bytes = text.as_bytes();
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        let (c, len) = code_point_at(bytes, i);
        let index = match c {
            0..=0x7FF => Some(c as usize),
            0x2000..=0x2FFF => Some(c as usize - 0x2000 + 0x800),
            _ => None,
        };
        let same = match index {
            Some(k) => joined_a[k] == joined_b[k],
            None => t.byte(a, c) == t.byte(b, c),
        };
        if !same {
            return false;
        }
        i = next_non_ascii(bytes, i + len);
    }
    true
}

/// [`transcode_with_room`] one character at a time: `bytes` (whole characters) read back
/// into `out`; `None` at a character `enc` has no byte for, if the joined table does not
/// hold it (where it does, 0xFF stands for the missing byte).
fn transcode_into(bytes: &[u8], enc: Encoding, out: &mut Vec<u8>) -> Option<()> {
    let t = tables();
    // A character with no byte gives 0xFF, which the UTF-8 check at the end rejects
    // (see `Tables::transcode_joined`).
    let joined = t.transcode_joined(enc);
    let low: &[u8; 0x800] = joined[..0x800].try_into().expect("U+0000–U+07FF");
    let block_2000: &[u8; 0x1000] = joined[0x800..0x1800].try_into().expect("U+2000–U+2FFF");
    // The bytes still to read: the slice patterns below need no bounds checks.
    let mut rest = bytes;
    loop {
        match *rest {
            // Two characters of two bytes (Cyrillic or Greek mojibake is made of them):
            // both looked up, one push.
            [b0 @ 0xC2..=0xDF, b1, b2 @ 0xC2..=0xDF, b3, ref tail @ ..] => {
                let x = low[(usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F)];
                let y = low[(usize::from(b2 & 0x1F) << 6) | usize::from(b3 & 0x3F)];
                out.extend_from_slice(&[x, y]);
                rest = tail;
            }
            // Two bytes (U+0080–U+07FF): the table at once.
            [b0 @ 0xC2..=0xDF, b1, ref tail @ ..] => {
                let byte = low[(usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F)];
                out.push(byte);
                rest = tail;
            }
            // U+2000–U+2FFF (`–`, `…`, `€`, `™`): what the upper halves hold above U+07FF
            // is nearly all here, and so is much of Cyrillic mojibake (`С–` for `і`).
            [0xE2, b1, b2, ref tail @ ..] => {
                let byte = block_2000[(usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F)];
                out.push(byte);
                rest = tail;
            }
            [b, ..] if b < 0x80 => {
                // A lone space or punctuation between two words, or a stretch of ASCII.
                let len = if rest.get(1).is_some_and(|&next| next >= 0x80) {
                    1
                } else {
                    next_non_ascii(rest, 0)
                };
                out.extend_from_slice(&rest[..len]);
                rest = &rest[len..];
            }
            [_, ..] => {
                let (c, len) = code_point_at(rest, 0);
                out.push(t.byte(enc, c)?);
                rest = &rest[len..];
            }
            [] => break,
        }
    }
    Some(())
}

/// The whole text read back with `enc` one sequence at a time: slower than
/// [`transcode_with_room`], with its features (a space for a lost 0xA0, U+FFFD for a lost
/// byte, CESU-8).
pub(crate) fn transcode_by_sequence(
    text: &str,
    enc: Encoding,
    nbsp: Nbsp,
    lossy: bool,
) -> Option<String> {
    let bytes = text.as_bytes();
    let shown = drops_shown(text, enc, nbsp, lossy);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = next_non_ascii(bytes, 0);
    let mut read_before = false;
    while i < bytes.len() {
        if lossy && text[i..].starts_with('\u{FFFD}') {
            i = next_non_ascii(bytes, i + 3);
            continue;
        }
        let seq = sequence_at(text, i, enc, nbsp, lossy, read_before, shown)?;
        read_before |= !seq.lost;
        out.push_str(&text[copied..i]);
        out.push(seq.decoded);
        copied = seq.end;
        i = next_non_ascii(bytes, seq.end);
    }
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
pub(in crate::repair) mod tests {
    use super::*;
    use crate::repair::tables::decode_upper_half;
    use proptest::prelude::*;

    /// [`transcode`] one character at a time, as on a processor without AVX2.
    fn transcode_by_character(text: &str, enc: Encoding) -> Option<String> {
        let mut out = Vec::new();
        transcode_into(text.as_bytes(), enc, &mut out)?;
        super::super::simd::utf8_string(out)
    }

    /// [`transcode`] started by each step the processor can run (AVX-512's, AVX2's), by
    /// name, whichever [`transcode`] itself would choose.
    fn transcode_by_each_step(text: &str, enc: Encoding) -> Vec<(&'static str, Option<String>)> {
        let bytes = text.as_bytes();
        let table = tables().transcode_joined(enc);
        super::super::simd::every_transcode_start(bytes, table, enc)
            .into_iter()
            .map(|(name, mut out, mut from)| {
                while bytes.get(from).is_some_and(|b| b & 0xC0 == 0x80) {
                    from += 1;
                }
                let read = transcode_into(&bytes[from..], enc, &mut out)
                    .and_then(|()| super::super::simd::utf8_string(out));
                (name, read)
            })
            .collect()
    }

    /// The plain way: each character to its byte, the bytes read as UTF-8.
    fn transcode_reference(text: &str, enc: Encoding) -> Option<String> {
        let mut bytes = Vec::new();
        for c in text.chars() {
            bytes.push(if c.is_ascii() {
                c as u8
            } else {
                tables().byte(enc, c as u32)?
            });
        }
        String::from_utf8(bytes).ok()
    }

    /// `text`'s UTF-8 bytes read with `enc`: its mojibake.
    pub(in crate::repair) fn mojibake(text: &str, enc: Encoding) -> String {
        let upper = decode_upper_half(enc);
        text.bytes()
            .map(|b| {
                if b < 0x80 {
                    char::from(b)
                } else {
                    upper[usize::from(b - 0x80)]
                }
            })
            .collect()
    }

    /// Characters of U+2000–U+2FFF are looked up by their own code points: `⤢` is not
    /// `™` (whose byte 0x99 would complete `ß`'s 0xDF), a NUL is no missing byte.
    #[test]
    fn every_character_has_its_own_key() {
        for text in [
            "\u{df}\u{2922}",
            "\u{df}\u{2122}",
            "\u{2d10}",
            "\u{df}\0\u{2122}",
        ] {
            for enc in Encoding::ALL {
                assert_eq!(
                    transcode(text, enc),
                    transcode_reference(text, enc),
                    "{enc} {text}"
                );
            }
        }
        assert_eq!(
            transcode("\u{df}\u{2122}", Encoding::Windows1252).as_deref(),
            Some("\u{7d9}")
        );
    }

    proptest! {
        /// `transcode` gives what the plain way gives, on mojibake (where it succeeds) and
        /// on text that is none (where it mostly fails), in every encoding.
        #[test]
        fn transcode_matches_the_plain_way(
            text in "[a-z .\u{e9}\u{df}\u{416}\u{456}\u{3b1}\u{531}\u{915}\u{2013}\u{20ac}\u{1f600}\u{2500}\u{2e3a}\u{2922}\u{2d10}\u{2122}\u{0}]{0,40}",
            index in 0usize..Encoding::ALL.len(),
        ) {
            let enc = Encoding::ALL[index];
            let damaged = mojibake(&text, enc);
            prop_assert_eq!(transcode(&damaged, enc), Some(text.clone()));
            prop_assert_eq!(transcode(&damaged, enc), transcode_reference(&damaged, enc));
            prop_assert_eq!(transcode(&text, enc), transcode_reference(&text, enc));
        }

        /// Longer texts, ASCII stretches among the characters, so that every kind of
        /// step the processor's sixteen-byte transcode takes is taken (one character
        /// alone, steps that stop inside a character, a character of three bytes not
        /// led by 0xE2 where it gives up): it gives what one character at a time gives,
        /// and both what the plain way gives.
        #[test]
        fn transcode_by_steps_matches_one_character_at_a_time(
            pieces in proptest::collection::vec(
                "[a-z .\u{e9}\u{df}\u{416}\u{456}\u{3b1}\u{1ec7}\u{3042}\u{2013}\u{20ac}\u{1f600}\u{2500}\u{2922}\u{2d10}\u{2122}]{1,3}|[a-z ]{1,40}",
                0..24,
            ),
            index in 0usize..Encoding::ALL.len(),
            damage in any::<bool>(),
        ) {
            let enc = Encoding::ALL[index];
            let text: String = pieces.concat();
            let input = if damage { mojibake(&text, enc) } else { text.clone() };
            let expected = transcode_by_character(&input, enc);
            prop_assert_eq!(&expected, &transcode_reference(&input, enc));
            prop_assert_eq!(transcode(&input, enc), expected.clone());
            for (step, read) in transcode_by_each_step(&input, enc) {
                prop_assert_eq!(&read, &expected, "{}", step);
            }
        }

        /// A text read onto the reading before it gives that reading and the text's own,
        /// or, where the text is not read (a character with no byte, bytes that are not
        /// UTF-8), that reading back as it was; room given up front changes no reading.
        #[test]
        fn a_text_read_onto_a_reading_is_the_two_readings(
            read in "[a-z .\u{e9}\u{416}\u{3b1}\u{3042}\u{1f600}]{0,40}",
            pieces in proptest::collection::vec(
                "[a-z .\u{e9}\u{df}\u{416}\u{456}\u{3b1}\u{1ec7}\u{3042}\u{2013}\u{20ac}\u{1f600}\u{2500}\u{2122}]{1,3}|[a-z ]{1,40}",
                0..24,
            ),
            index in 0usize..Encoding::ALL.len(),
            damage in any::<bool>(),
            room in 0usize..2000,
        ) {
            let enc = Encoding::ALL[index];
            let text: String = pieces.concat();
            let input = if damage { mojibake(&text, enc) } else { text.clone() };
            let alone = transcode(&input, enc);
            prop_assert_eq!(&transcode_with_room(&input, enc, room), &alone);
            let expected = match alone {
                Some(rest) => Ok(format!("{read}{rest}")),
                None => Err(read.clone()),
            };
            prop_assert_eq!(transcode_onto(read, &input, enc), expected);
        }
    }

    proptest! {
        /// Two encodings that write a text's characters alike read it alike, and two that
        /// read it alike (both reading it) write its characters alike.
        #[test]
        fn encodings_that_write_alike_read_alike(
            text in "[a-z .\u{e9}\u{c4}\u{81}\u{df}\u{416}\u{3b1}\u{1ec7}\u{2013}\u{20ac}\u{201c}\u{2122}\u{2500}]{0,40}",
            a in 0usize..Encoding::ALL.len(),
            b in 0usize..Encoding::ALL.len(),
        ) {
            let (a, b) = (Encoding::ALL[a], Encoding::ALL[b]);
            let damaged = mojibake(&text, a);
            for input in [&text, &damaged] {
                let (read_a, read_b) = (transcode(input, a), transcode(input, b));
                if write_alike(input, a, b) {
                    prop_assert_eq!(&read_a, &read_b);
                    prop_assert_eq!(
                        transcode_by_sequence(input, a, Nbsp::No, false),
                        transcode_by_sequence(input, b, Nbsp::No, false)
                    );
                } else {
                    prop_assert!(read_a.is_none() || read_a != read_b);
                }
            }
        }
    }

    proptest! {
        /// The encodings the whole-text scan finds writing a text as Windows-1252 does are
        /// those [`write_alike`] finds, wherever the scan explains the text.
        #[test]
        fn the_scan_finds_the_encodings_that_write_as_windows_1252_does(
            text in "[a-z .\u{e9}\u{c4}\u{81}\u{df}\u{416}\u{3b1}\u{1ec7}\u{2013}\u{20ac}\u{201c}\u{2122}\u{2500}\u{f8ff}\u{3042}]{0,30}",
            index in 0usize..Encoding::ALL.len(),
        ) {
            let o = crate::repair::scan::ScanOptions {
                enabled: (1 << Encoding::ALL.len()) - 1,
                nbsp: false,
                lossy: false,
                c1: false,
            };
            let damaged = mojibake(&text, Encoding::ALL[index]);
            let found = crate::repair::scan::whole_encodings(&damaged, o);
            prop_assume!(found.encodings != 0);
            for enc in Encoding::ALL {
                prop_assert_eq!(
                    found.like_1252 & enc.bit() != 0,
                    write_alike(&damaged, Encoding::Windows1252, enc),
                    "{}", enc
                );
            }
        }
    }

    /// The corpus's mojibake read back in every encoding, both ways, byte for byte alike.
    #[test]
    fn transcode_by_steps_matches_one_character_at_a_time_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/mojibake");
        for entry in std::fs::read_dir(dir).expect("the corpus") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("text");
            for enc in Encoding::ALL {
                let expected = transcode_by_character(&text, enc);
                assert_eq!(transcode(&text, enc), expected, "{enc}");
                for (step, read) in transcode_by_each_step(&text, enc) {
                    assert_eq!(read, expected, "{enc}, {step}");
                }
            }
        }
    }
}
