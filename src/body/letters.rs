//! Which characters are letters, marks or digits to CommonMark's flanking rules, quickly.
//!
//! A `*` beside a letter flanks otherwise than beside punctuation or a space, and Rust's
//! `char::is_alphanumeric` costs about a thousand instructions for a letter of most
//! scripts past Latin. These are the 86 runs of 32 or more code points (from U+0080 on)
//! in which no character is punctuation, a symbol or a space (Unicode's general categories
//! L, M, N and unassigned code points; made with Python's `unicodedata`, Unicode 14, in
//! the first plane and the ideographs' planes: the others gained punctuation since): a
//! character in one is neither space nor punctuation to pulldown-cmark. The test
//! `sides_are_pulldown_cmarks` checks every such character against pulldown-cmark itself.

/// Sorted, disjoint, inclusive ranges of code points.
static RANGES: [(u32, u32); 86] = [
    (0x00F8, 0x02C1),
    (0x0300, 0x0374),
    (0x0388, 0x03F5),
    (0x03F7, 0x0481),
    (0x0483, 0x0559),
    (0x0560, 0x0588),
    (0x0590, 0x05BD),
    (0x05C7, 0x05F2),
    (0x0620, 0x0669),
    (0x066E, 0x06D3),
    (0x0710, 0x07F5),
    (0x0800, 0x082F),
    (0x085F, 0x0887),
    (0x0892, 0x08E1),
    (0x08E3, 0x0963),
    (0x0971, 0x09F1),
    (0x09FE, 0x0A75),
    (0x0A77, 0x0AEF),
    (0x0AF2, 0x0B6F),
    (0x0B71, 0x0BF2),
    (0x0BFB, 0x0C76),
    (0x0C85, 0x0D4E),
    (0x0D50, 0x0D78),
    (0x0D7A, 0x0DF3),
    (0x0DF5, 0x0E3E),
    (0x0E5C, 0x0F00),
    (0x0F3E, 0x0F84),
    (0x0F86, 0x0FBD),
    (0x0FDB, 0x1049),
    (0x1050, 0x109D),
    (0x10A0, 0x10FA),
    (0x10FC, 0x135F),
    (0x1369, 0x138F),
    (0x139A, 0x13FF),
    (0x1401, 0x166C),
    (0x169D, 0x16EA),
    (0x16EE, 0x1734),
    (0x1737, 0x17D3),
    (0x17DC, 0x17FF),
    (0x180F, 0x193F),
    (0x1946, 0x19DD),
    (0x1A20, 0x1A9F),
    (0x1AAE, 0x1B59),
    (0x1B7F, 0x1BFB),
    (0x1C00, 0x1C3A),
    (0x1C40, 0x1C7D),
    (0x1C80, 0x1CBF),
    (0x1CD4, 0x1FBC),
    (0x20C1, 0x20FF),
    (0x2150, 0x2189),
    (0x244B, 0x249B),
    (0x2C00, 0x2CE4),
    (0x2D00, 0x2D6F),
    (0x2D71, 0x2DFF),
    (0x2E5E, 0x2E7F),
    (0x3040, 0x309A),
    (0x30A1, 0x30FA),
    (0x30FC, 0x318F),
    (0x31A0, 0x31BF),
    (0x3400, 0x4DBF),
    (0x4E00, 0xA48F),
    (0xA4C7, 0xA4FD),
    (0xA500, 0xA60C),
    (0xA610, 0xA672),
    (0xA67F, 0xA6F1),
    (0xA722, 0xA788),
    (0xA78B, 0xA827),
    (0xA83A, 0xA873),
    (0xA878, 0xA8CD),
    (0xA8D0, 0xA8F7),
    (0xA8FD, 0xA92D),
    (0xA930, 0xA95E),
    (0xA960, 0xA9C0),
    (0xA9E0, 0xAA5B),
    (0xAA7A, 0xAADD),
    (0xAAF2, 0xAB5A),
    (0xAB6C, 0xABEA),
    (0xABEC, 0xD7FF),
    (0xF900, 0xFB28),
    (0xFB2A, 0xFBB1),
    (0xFBC3, 0xFD3D),
    (0xFD50, 0xFDCE),
    (0xFDD0, 0xFDFB),
    (0xFE6C, 0xFEFE),
    (0xFF66, 0xFFDF),
    (0x20000, 0x31FFF),
];

/// Whether `c` is in one of the runs: a letter, mark or digit (or unassigned), never a
/// space or punctuation.
#[inline]
pub(super) fn is_word_character(c: char) -> bool {
    let c = u32::from(c);
    if c < RANGES[0].0 {
        return false;
    }
    let i = RANGES.partition_point(|&(start, _)| start <= c);
    RANGES[i - 1].1 >= c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_are_sorted_and_apart() {
        for pair in RANGES.windows(2) {
            assert!(
                pair[0].0 <= pair[0].1 && pair[0].1 + 1 < pair[1].0,
                "{pair:?}"
            );
        }
        assert!(is_word_character('ж') && is_word_character('語') && is_word_character('ক'));
        assert!(!is_word_character('«') && !is_word_character('\u{a0}') && !is_word_character('a'));
    }
}
