//! Mojibake repair: undoing UTF-8 that was decoded with a legacy single-byte encoding.
//!
//! Text that was UTF-8, was read as Windows-1252 (or another single-byte encoding) and
//! saved as UTF-8 again shows each non-ASCII character as two to four characters
//! (`é` → `Ã©`, `–` → `â€“`, 🇫🇷 → `ðŸ‡«ðŸ‡·`). [`repair`] undoes that, as many times as it
//! was done, and returns the input borrowed when there is nothing to undo.
//!
//! # How it decides
//!
//! Python's ftfy is the reference for quality; this module follows its approach, with its
//! own heuristics:
//!
//! 1. **Whole text.** If every non-ASCII character of the text belongs to a sequence that
//!    re-encodes (in one encoding) to valid UTF-8, and at least one sequence is strong
//!    evidence of mojibake (see below), the whole text is decoded. This is the fast path
//!    for files damaged as a whole.
//! 2. **Run by run.** Otherwise each run of such sequences is judged on its own, so that a
//!    document damaged in some lines and correct in others is fixed only where damaged.
//! 3. Both steps repeat while they change something: two and three layers are undone.
//!
//! A run counts as mojibake when it is very unlikely as real text: a three- or four-byte
//! UTF-8 sequence (`â€”`, `ðŸ˜€`), `Ã`/`Â` followed by a Windows-1252 character of the
//! upper half (`Ã©`), two or more sequences in a row (`Ð¿Ñ€`), or a single two-byte
//! sequence that decodes to a letter of a living alphabet in a plausible context (`Å¡`
//! for `š`). Anything else is left alone: correct text that merely looks odd (`SÃO
//! PAULO`, `IL Y MARQUÉ…`, `NESTLÉ®`, `4288×…`) is never changed. When in doubt, the text
//! is left as it is.
//!
//! Also handled as ftfy does: a byte lost to U+FFFD (`â€�` → `�`), a non-breaking space
//! turned into a plain space (`voilÃ le travail` → `voilà le travail`, in text damaged
//! as a whole), and C1 control characters left by a Latin-1 reading of Windows-1252 text
//! (U+0085 → `…`).
//!
//! Not repaired: damage through a double-byte encoding (Shift-JIS, GBK, …), text whose
//! lost bytes cannot be told apart from real characters, and mojibake of a single
//! exotic character standing alone (`É…` could be `Ʌ`, or exactly what it says).
//!
//! ```
//! assert_eq!(wikimd::repair("cafÃ© â€“ ðŸ‡«ðŸ‡·"), "café – 🇫🇷");
//! assert!(matches!(wikimd::repair("café"), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// A legacy single-byte encoding that mojibake can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Windows-1252, with Latin-1's C1 controls and the five bytes Windows-1252 leaves
    /// undefined read as U+0081, U+008D, U+008F, U+0090, U+009D.
    Windows1252,
    /// Windows-1251 (Cyrillic).
    Windows1251,
    /// Windows-1250 (Central European).
    Windows1250,
    /// Windows-1253 (Greek).
    Windows1253,
    /// Windows-1254 (Turkish).
    Windows1254,
    /// Windows-1257 (Baltic).
    Windows1257,
    /// ISO-8859-2 (Latin-2).
    Iso8859_2,
    /// Mac OS Roman.
    MacRoman,
    /// IBM code page 437 (DOS).
    Cp437,
}

impl Encoding {
    /// Every encoding, in the order they are tried.
    pub const ALL: [Encoding; 9] = [
        Encoding::Windows1252,
        Encoding::Windows1251,
        Encoding::Windows1250,
        Encoding::Windows1253,
        Encoding::Windows1254,
        Encoding::Windows1257,
        Encoding::Iso8859_2,
        Encoding::MacRoman,
        Encoding::Cp437,
    ];

    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Windows1252 => "windows-1252",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Windows1250 => "windows-1250",
            Encoding::Windows1253 => "windows-1253",
            Encoding::Windows1254 => "windows-1254",
            Encoding::Windows1257 => "windows-1257",
            Encoding::Iso8859_2 => "iso-8859-2",
            Encoding::MacRoman => "macintosh",
            Encoding::Cp437 => "cp437",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn bit(self) -> u16 {
        1 << self.index()
    }

    /// The byte this encoding writes for the non-ASCII character `c`, if any.
    fn encode(self, c: char) -> Option<u8> {
        if self == Encoding::Windows1252 {
            return encode_1252(c);
        }
        let tables = tables();
        if let Some(&b) = tables.encode_low[self.index()].get(c as usize) {
            return (b != 0).then_some(b);
        }
        let table = &tables.encode[self.index()];
        table
            .binary_search_by_key(&c, |&(ch, _)| ch)
            .ok()
            .map(|i| table[i].1)
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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

const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// Windows-1252 plus Latin-1: U+0080–U+00FF are their own byte, the 27 Windows-1252
/// characters of 0x80–0x9F are theirs.
fn encode_1252(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

struct Tables {
    /// Per encoding (index by `Encoding::index`), sorted (character, byte) pairs for the
    /// upper half. Unused for Windows-1252.
    encode: Vec<Vec<(char, u8)>>,
    /// For every character some encoding writes in the upper half, its [`Masks`].
    masks: Vec<(char, Masks)>,
    /// The same masks for U+0000–U+07FF, indexed by code point.
    low: Vec<Masks>,
    /// Per encoding, the byte of each character of U+0000–U+07FF (0: none), indexed by
    /// code point: the Latin, Greek and Cyrillic letters most text is made of, without
    /// a search.
    encode_low: Vec<Vec<u8>>,
}

/// Which encodings (one bit each) write a character as what.
#[derive(Debug, Clone, Copy, Default)]
struct Masks {
    /// A UTF-8 lead byte (0xC2–0xF4).
    lead: u16,
    /// A UTF-8 continuation byte (0x80–0xBF).
    cont: u16,
    /// A lead byte that may be followed by a 0xA0 turned into a space (ftfy's list:
    /// 0xC2 0xC3 0xC5 0xCE 0xD0 0xD9 0xE2 0xE3; never in Mac OS Roman).
    nbsp_lead: u16,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut encode = Vec::new();
        let mut all: Vec<(char, Masks)> = Vec::new();
        for enc in Encoding::ALL {
            let upper = decode_upper_half(enc);
            let mut pairs: Vec<(char, u8)> = upper
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.map(|c| (c, 0x80 + i as u8)))
                .collect();
            pairs.sort_unstable();
            pairs.dedup_by_key(|p| p.0);
            for &(c, b) in &pairs {
                let bit = |yes: bool| if yes { enc.bit() } else { 0 };
                all.push((
                    c,
                    Masks {
                        lead: bit((0xC2..=0xF4).contains(&b)),
                        cont: bit((0x80..=0xBF).contains(&b)),
                        nbsp_lead: bit(enc != Encoding::MacRoman
                            && matches!(b, 0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD9 | 0xE2 | 0xE3)),
                    },
                ));
            }
            encode.push(pairs);
        }
        all.sort_unstable_by_key(|e| e.0);
        let mut masks: Vec<(char, Masks)> = Vec::with_capacity(all.len());
        for (c, m) in all {
            match masks.last_mut() {
                Some(last) if last.0 == c => {
                    last.1.lead |= m.lead;
                    last.1.cont |= m.cont;
                    last.1.nbsp_lead |= m.nbsp_lead;
                }
                _ => masks.push((c, m)),
            }
        }
        let mut low = vec![Masks::default(); 0x800];
        for &(c, m) in &masks {
            if let Some(slot) = low.get_mut(c as usize) {
                *slot = m;
            }
        }
        let encode_low = encode
            .iter()
            .map(|pairs| {
                let mut table = vec![0u8; 0x800];
                for &(c, b) in pairs {
                    if let Some(slot) = table.get_mut(c as usize) {
                        *slot = b;
                    }
                }
                table
            })
            .collect();
        Tables {
            encode,
            masks,
            low,
            encode_low,
        }
    })
}

/// The characters bytes 0x80–0xFF decode to; undefined bytes read as the C1 control or
/// Latin-1 character of the same number (ftfy's "sloppy" decoding).
fn decode_upper_half(enc: Encoding) -> [Option<char>; 128] {
    let mut out = [None; 128];
    for (i, slot) in out.iter_mut().enumerate() {
        let byte = 0x80 + i as u8;
        let decoded = match enc {
            Encoding::Windows1252 => match byte {
                0x80..=0x9F => CP1252_HIGH[i].or(Some(char::from(byte))),
                _ => Some(char::from(byte)),
            },
            Encoding::Cp437 => CP437_HIGH.chars().nth(i),
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
                    Some('\u{FFFD}') | None => Some(char::from(byte)),
                    other => other,
                }
            }
        };
        *slot = decoded;
    }
    out
}

/// The masks of `c` over all encodings.
fn masks(c: char) -> Masks {
    tables().masks_of(c as u32)
}

impl Tables {
    /// The masks of the character `c` (a code point).
    #[inline]
    fn masks_of(&self, c: u32) -> Masks {
        if let Some(&m) = self.low.get(c as usize) {
            return m;
        }
        match self.masks.binary_search_by_key(&c, |e| e.0 as u32) {
            Ok(i) => self.masks[i].1,
            Err(_) => Masks::default(),
        }
    }
}

/// The code point of the character starting at byte `i` of `bytes` (valid UTF-8, `i` on a
/// character boundary), and its length: without the checks `str::chars` makes.
#[inline]
fn code_point_at(bytes: &[u8], i: usize) -> (u32, usize) {
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

/// Options for [`repair_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RepairOptions {
    /// The encodings to undo, in the order they are tried.
    pub encodings: Vec<Encoding>,
    /// Put back a non-breaking space that became a plain space (`Ã ` → `à`), in text
    /// damaged as a whole.
    pub restore_nbsp: bool,
    /// Decode a sequence whose byte was lost to U+FFFD as U+FFFD (`â€�` → `�`).
    pub lossy: bool,
    /// Read leftover C1 control characters as the Windows-1252 characters they stand
    /// for (U+0093 → `“`).
    pub fix_c1_controls: bool,
    /// Most layers of damage undone.
    pub max_layers: usize,
}

impl Default for RepairOptions {
    fn default() -> Self {
        RepairOptions {
            encodings: Encoding::ALL.to_vec(),
            restore_nbsp: true,
            lossy: true,
            fix_c1_controls: true,
            max_layers: 8,
        }
    }
}

/// What one fix undid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FixKind {
    /// UTF-8 read as this encoding.
    Mojibake(Encoding),
    /// A C1 control character read as Windows-1252.
    C1Control,
}

impl std::fmt::Display for FixKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixKind::Mojibake(e) => write!(f, "UTF-8 read as {e}"),
            FixKind::C1Control => f.write_str("C1 control read as windows-1252"),
        }
    }
}

/// One repaired stretch of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Byte span in the input.
    pub span: Range<usize>,
    /// What was undone, outermost layer first.
    pub kinds: Vec<FixKind>,
    /// The input text of the span.
    pub before: String,
    /// What it became.
    pub after: String,
}

/// The result of [`explain`]: the repaired text and every fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The repaired text.
    pub text: String,
    /// The fixes, in input order.
    pub fixes: Vec<Fix>,
}

/// Repairs mojibake with the default options. Returns the input borrowed when there is
/// nothing to repair.
///
/// ```
/// assert_eq!(wikimd::repair("Ã©tÃ©"), "été");
/// assert_eq!(wikimd::repair("ÃƒÂ©tÃƒÂ©"), "été"); // two layers
/// assert_eq!(wikimd::repair("SÃO PAULO"), "SÃO PAULO"); // correct text stays
/// ```
pub fn repair(text: &str) -> Cow<'_, str> {
    repair_with(text, DEFAULT.get_or_init(RepairOptions::default))
}

static DEFAULT: OnceLock<RepairOptions> = OnceLock::new();

/// Repairs mojibake with the given options.
pub fn repair_with<'a>(text: &'a str, options: &RepairOptions) -> Cow<'a, str> {
    let mut current: Cow<'a, str> = Cow::Borrowed(text);
    for _ in 0..options.max_layers {
        match layer(&current, options, None) {
            Some(next) => current = Cow::Owned(next),
            None => break,
        }
    }
    current
}

/// Whether [`repair`] would change `text`.
pub fn needs_repair(text: &str) -> bool {
    matches!(repair(text), Cow::Owned(_))
}

/// Repairs `text` and lists every fix: its span in the input, what it undid, before and
/// after.
///
/// ```
/// let report = wikimd::repair::explain("a cafÃ© and a crÃ¨me");
/// assert_eq!(report.text, "a café and a crème");
/// assert_eq!(report.fixes.len(), 2);
/// assert_eq!((report.fixes[0].span.clone(), report.fixes[0].after.as_str()), (5..9, "é"));
/// ```
pub fn explain(text: &str) -> Report {
    explain_with(text, DEFAULT.get_or_init(RepairOptions::default))
}

/// [`explain`] with the given options.
pub fn explain_with(text: &str, options: &RepairOptions) -> Report {
    let mut current = text.to_string();
    let mut edits: Vec<Edit> = Vec::new();
    for layer_index in 0..options.max_layers {
        let mut new_edits = Vec::new();
        match layer(&current, options, Some(&mut new_edits)) {
            Some(next) => {
                edits = if layer_index == 0 {
                    new_edits
                } else {
                    compose(&edits, &new_edits)
                };
                current = next;
            }
            None => break,
        }
    }
    let fixes = edits
        .into_iter()
        .map(|e| Fix {
            before: text[e.input.clone()].to_string(),
            after: current[e.output.clone()].to_string(),
            span: e.input,
            kinds: e.kinds,
        })
        .collect();
    Report {
        text: current,
        fixes,
    }
}

/// One replacement of a layer: `input` (in the layer's input) became `output` (in its
/// output).
#[derive(Debug, Clone)]
struct Edit {
    input: Range<usize>,
    output: Range<usize>,
    kinds: Vec<FixKind>,
}

/// Composes the edits of two layers into edits from the first input to the last output.
fn compose(first: &[Edit], second: &[Edit]) -> Vec<Edit> {
    // Walk both lists in middle-text order, merging edits that overlap there.
    let mut out: Vec<Edit> = Vec::new();
    let (mut i, mut j) = (0, 0);
    // Offsets: input = middle - d1 outside first's edits; output = middle + d2 outside
    // second's edits.
    let (mut d1, mut d2) = (0isize, 0isize);
    while i < first.len() || j < second.len() {
        let take_first = match (first.get(i), second.get(j)) {
            (Some(a), Some(b)) => a.output.start <= b.input.start,
            (Some(_), None) => true,
            _ => false,
        };
        // Start a cluster with the earlier edit, then absorb everything overlapping it.
        let (mut start, mut end) = if take_first {
            (first[i].output.start, first[i].output.end)
        } else {
            (second[j].input.start, second[j].input.end)
        };
        let (i0, j0) = (i, j);
        let (d1_before, d2_before) = (d1, d2);
        loop {
            let mut grew = false;
            while let Some(a) = first.get(i) {
                if a.output.start < end || (a.output.start == start && a.output.start == end) {
                    start = start.min(a.output.start);
                    end = end.max(a.output.end);
                    d1 += a.output.len() as isize - a.input.len() as isize;
                    i += 1;
                    grew = true;
                } else {
                    break;
                }
            }
            while let Some(b) = second.get(j) {
                if b.input.start < end || (b.input.start == start && b.input.start == end) {
                    start = start.min(b.input.start);
                    end = end.max(b.input.end);
                    d2 += b.output.len() as isize - b.input.len() as isize;
                    j += 1;
                    grew = true;
                } else {
                    break;
                }
            }
            if !grew {
                break;
            }
        }
        // Outermost layer first: what the first layer undid, then the second.
        let mut kinds: Vec<FixKind> = Vec::new();
        for layer in [&first[i0..i], &second[j0..j]] {
            let start = kinds.len();
            for k in layer.iter().flat_map(|e| &e.kinds) {
                if !kinds[start..].contains(k) {
                    kinds.push(*k);
                }
            }
        }
        let input = (start as isize - d1_before) as usize..(end as isize - d1) as usize;
        let output = (start as isize + d2_before) as usize..(end as isize + d2) as usize;
        out.push(Edit {
            input,
            output,
            kinds,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------
// One layer of repair.

/// A UTF-8 sequence found in mojibake.
#[derive(Debug, Clone, Copy)]
struct Sequence {
    /// Byte offset after the sequence's last character in the text.
    end: usize,
    /// The character it decodes to (U+FFFD for a lossy sequence).
    decoded: char,
    /// Length of the UTF-8 sequence in bytes.
    len: u8,
    /// Lead and first continuation byte.
    lead: u8,
    second: u8,
    /// A plain space stood for byte 0xA0.
    nbsp: Nbsp,
    /// Every continuation character is a letter (`œ`, `š`, `ª` …).
    letter_continuations: bool,
    /// The lead character is a letter too.
    letter_lead: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nbsp {
    /// No space was involved.
    None,
    /// The space was the 0xA0 byte.
    Consumed,
    /// `Ã ` before a word: the 0xA0 was lost and the space is a real space, kept.
    Kept,
}

/// Reads the sequence starting at byte `at` of `text` (a non-ASCII character), for
/// `enc`. `nbsp` allows a space for a lost 0xA0 byte; `lossy` allows U+FFFD for a lost
/// continuation byte.
fn sequence_at(text: &str, at: usize, enc: Encoding, nbsp: bool, lossy: bool) -> Option<Sequence> {
    let mut chars = text[at..].chars();
    let first = chars.next()?;
    let lead = enc.encode(first)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut end = at + first.len_utf8();
    let mut lost = false;
    let mut nbsp_kind = Nbsp::None;
    let mut continuations = ['\0'; 3];
    for (slot, kept) in bytes.iter_mut().take(len).skip(1).zip(&mut continuations) {
        let c = chars.next()?;
        *kept = c;
        let byte = if c == ' ' && nbsp && nbsp_kind == Nbsp::None {
            nbsp_kind = Nbsp::Consumed;
            0xA0
        } else if c == '\u{FFFD}' && lossy {
            lost = true;
            0x80
        } else if c.is_ascii() {
            return None;
        } else {
            enc.encode(c)?
        };
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        *slot = byte;
        end += c.len_utf8();
    }
    if nbsp_kind == Nbsp::Consumed {
        // ftfy's rules: only some lead bytes, and never in MacRoman (en dash + space).
        let allowed = match len {
            2 => matches!(lead, 0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD9),
            3 => {
                let other = if bytes[1] == 0xA0 { bytes[2] } else { bytes[1] };
                let lead_ok = if bytes[1] == 0xA0 {
                    matches!(lead, 0xE2 | 0xE3)
                } else {
                    matches!(lead, 0xE0..=0xE3)
                };
                lead_ok && other != 0x85 && other != 0xA0
            }
            _ => false,
        };
        if enc == Encoding::MacRoman || !allowed {
            return None;
        }
        // `Ã ` before a word is `à ` whose own space was merged with the lost 0xA0.
        if len == 2 && lead == 0xC3 && bytes[1] == 0xA0 {
            let rest = &text[end..];
            let merged = !(rest.starts_with(' ')
                || rest.starts_with("quele")
                || rest.starts_with("quela")
                || rest.starts_with("quilo")
                || rest.starts_with("s "));
            if merged {
                nbsp_kind = Nbsp::Kept;
                end -= 1; // the space stays in the text
            }
        }
    }
    let decoded = if lost {
        // Check the structure with the lost bytes as a neutral continuation byte.
        std::str::from_utf8(&bytes[..len]).ok()?;
        '\u{FFFD}'
    } else {
        std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?
    };
    // Looked up only now: most candidates fail above, and the lookup is not cheap.
    let letter_continuations = continuations[..len - 1].iter().all(|c| c.is_alphabetic());
    Some(Sequence {
        end,
        decoded,
        len: len as u8,
        lead,
        second: bytes[1],
        nbsp: nbsp_kind,
        letter_continuations,
        letter_lead: first.is_alphabetic(),
    })
}

/// Whether `c` is a plausible character of real text (not a control, unassigned, private
/// use or noncharacter code point).
fn is_plausible(c: char) -> bool {
    let u = c as u32;
    !(u < 0x20 && c != '\t' && c != '\n' && c != '\r'
        || (0x7F..=0x9F).contains(&u)
        || (0xE000..=0xF8FF).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
        || (0x40000..0xE0000).contains(&u)
        || (0xE0080..).contains(&u)
        || is_unassigned_two_byte(u))
}

/// Unassigned code points of U+0080–U+07FF (Unicode 15).
fn is_unassigned_two_byte(u: u32) -> bool {
    matches!(u,
        0x0378..=0x0379 | 0x0380..=0x0383 | 0x038B | 0x038D | 0x03A2 | 0x0530 | 0x0557..=0x0558
        | 0x058B..=0x058C | 0x0590 | 0x05C8..=0x05CF | 0x05EB..=0x05EE | 0x05F5..=0x05FF
        | 0x070E | 0x074B..=0x074C | 0x07B2..=0x07BF | 0x07FB..=0x07FC)
}

/// Letters of living alphabets in U+0100–U+07FF: what a lone two-byte sequence may
/// decode to and be trusted.
fn is_common_letter(c: char) -> bool {
    matches!(c as u32,
        0x0100..=0x017E // Latin Extended-A (not the long s)
        | 0x01A0 | 0x01A1 | 0x01AF | 0x01B0 // Vietnamese horns
        | 0x0218..=0x021B // Romanian comma-below
        | 0x0386 | 0x0388..=0x038A | 0x038C | 0x038E..=0x03A1 | 0x03A3..=0x03CE // Greek
        | 0x0400..=0x045F | 0x0490 | 0x0491 // Cyrillic
        | 0x0531..=0x0556 | 0x0561..=0x0587 // Armenian
        | 0x05D0..=0x05EA // Hebrew
        | 0x0620..=0x064A // Arabic
    )
}

/// Continuation bytes whose Windows-1252 character often follows a word in real text.
fn is_punctuation_byte(b: u8) -> bool {
    matches!(b,
        0x80 | 0x85 | 0x8B | 0x91..=0x97 | 0x99 | 0x9B | 0xA0..=0xA3 | 0xA5 | 0xA7 | 0xA9..=0xAB
        | 0xAE | 0xB0..=0xB4 | 0xB7 | 0xB9..=0xBB | 0xBF)
}

/// Whether a sequence decodes to what mojibake usually hides: a letter of a living
/// alphabet, Latin-1, common punctuation, an emoji.
fn is_expected(s: &Sequence) -> bool {
    match s.len {
        _ if s.decoded == '\u{FFFD}' => true,
        2 => is_common_letter(s.decoded) || ('\u{A0}'..='\u{FF}').contains(&s.decoded),
        3 => matches!(s.decoded, '\u{2010}'..='\u{206F}' | '€' | '№' | '™'),
        _ => ('\u{1F000}'..='\u{1FAFF}').contains(&s.decoded),
    }
}

/// Whether a three-byte sequence starts a block that mojibake is mostly made of (and a
/// word of real text hardly ends in): General Punctuation `â€`, currency `â‚`,
/// letterlike `â„`, arrows `â†`, CJK punctuation and kana `ã€` `ã‚` `ãƒ`, the BOM and
/// fullwidth forms `ï»` `ï¼` `ï¿`, emoji `ðŸ`.
fn symbol_block(lead: u8, second: u8) -> bool {
    matches!(
        (lead, second),
        (0xE2, 0x80 | 0x82 | 0x84 | 0x86) | (0xE3, 0x80..=0x83) | (0xEF, 0xBB..=0xBF)
    )
}

/// Whether some sequence holds a character that is not a letter. Mojibake of real text
/// through any encoding does (`Ð¿`, `Ä°`, `Ĺ‚`); two capital letters side by side
/// (`ÅØ`, `ΒΆ`) are text as written.
fn has_symbol(seqs: &[Sequence]) -> bool {
    seqs.iter()
        .any(|s| !(s.letter_lead && s.letter_continuations))
}

/// How a run of sequences is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Mojibake, beyond reasonable doubt.
    Strong,
    /// Could be real text.
    Weak,
    /// Not text at all once decoded: never a repair.
    Invalid,
}

/// Judges a run of sequences `seqs` found with `enc`, after the text `before` and before
/// the character `next`. `whole` says whether the whole text decodes consistently, in
/// which case a run that is weak evidence on its own is judged less strictly.
fn judge(
    seqs: &[Sequence],
    enc: Encoding,
    before: &str,
    next: Option<char>,
    whole: bool,
) -> Verdict {
    let is_c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    let invalid =
        |s: &Sequence| s.decoded != '\u{FFFD}' && !is_c1(s.decoded) && !is_plausible(s.decoded);
    // A tag character only ever follows the flag it modifies, in the same run.
    let stray_tag = ('\u{E0000}'..='\u{E007F}').contains(&seqs[0].decoded);
    if stray_tag || seqs.iter().any(invalid) {
        return Verdict::Invalid;
    }
    // A C1 control is what an inner layer of damage decodes to (`Â\u{8d}` in twice-damaged
    // `ύ`): allowed, but evidence neither way.
    let informative: Cow<'_, [Sequence]> = if seqs.iter().any(|s| is_c1(s.decoded)) {
        Cow::Owned(seqs.iter().copied().filter(|s| !is_c1(s.decoded)).collect())
    } else {
        Cow::Borrowed(seqs)
    };
    let seqs = &informative[..];
    if seqs.is_empty() {
        return Verdict::Weak;
    }
    let prev = before.chars().next_back();
    let strong_if = |condition: bool| {
        if condition {
            Verdict::Strong
        } else {
            Verdict::Weak
        }
    };
    if seqs.iter().any(|s| s.nbsp != Nbsp::None) {
        // `Ã ` for `à` is evidence only after a lowercase word: `voilÃ le`, `vou Ã s`.
        let word = before.strip_suffix(' ').unwrap_or(before);
        let lower_before = word.chars().next_back().is_some_and(char::is_lowercase);
        let a_grave = seqs.len() == 1 && seqs[0].lead == 0xC3 && enc == Encoding::Windows1252;
        return strong_if(lower_before && a_grave);
    }
    // Other encodings write ordinary letters with the bytes UTF-8 uses (Windows-1251 writes
    // `а`–`я` as 0xE0–0xFF): trust only what their mojibake usually decodes to.
    // Mac OS Roman and CP437 write curly quotes, dashes and box drawing with lead bytes:
    // only their mojibake of Latin-1 letters (`√©`, `├⌐`) is recognised.
    let latin1_leads = seqs.iter().all(|s| matches!(s.lead, 0xC2 | 0xC3));
    let other_ok = enc == Encoding::Windows1252
        || seqs.iter().all(is_expected)
            && has_symbol(seqs)
            && (latin1_leads || !matches!(enc, Encoding::MacRoman | Encoding::Cp437));
    if enc != Encoding::Windows1252 && !whole {
        // In a run of its own, never a lone sequence.
        return strong_if(other_ok && seqs.len() >= 2);
    }
    if seqs.iter().any(|s| s.len >= 3) {
        // A lone sequence led by a lowercase accented letter that ends a word, followed by
        // two punctuation marks, is French or Portuguese as written: `été…”`, `fermé\u{a0}»`.
        // Likewise when both continuations are letters (`éœœ`): a lone CJK character's
        // mojibake (`èªž` for 語) cannot be told from such text, and is left alone.
        let lone_word_end = seqs.len() == 1
            && !symbol_block(seqs[0].lead, seqs[0].second)
            && (prev.is_some_and(char::is_alphabetic) || seqs[0].letter_continuations);
        return strong_if(!lone_word_end && other_ok);
    }
    if seqs.len() >= 2 {
        let trusted = seqs
            .iter()
            .any(|s| matches!(s.lead, 0xC2 | 0xC3) || is_common_letter(s.decoded));
        return strong_if(trusted && other_ok);
    }
    let s = seqs[0];
    if matches!(s.lead, 0xC2 | 0xC3) {
        // `Ã©`, `Â°`; in Central European and Mac mojibake, `Ă©`, `√©` for a letter.
        return strong_if(match enc {
            Encoding::Windows1252 => true,
            Encoding::Windows1250 | Encoding::Iso8859_2 => s.decoded.is_alphabetic(),
            // `√π` is mathematics; `caf√©` is a word.
            Encoding::MacRoman => {
                s.decoded.is_alphabetic() && prev.is_some_and(char::is_alphabetic)
            }
            _ => false,
        });
    }
    if enc != Encoding::Windows1252 {
        return Verdict::Weak;
    }
    // A lone two-byte sequence from an accented capital letter and a symbol: trust it only
    // for a letter of a living alphabet, in a context where the original looks wrong.
    let d = s.decoded;
    if !is_common_letter(d) {
        return Verdict::Weak;
    }
    if s.second == 0xA0 {
        // A non-breaking space after a word is a space (`SELKÄ\u{a0}EDELLÄ`); at the start
        // of a lowercase word it was a byte of the word's first letter (`Å\u{a0}a` for `Ša`).
        let starts_word =
            !prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_lowercase);
        return strong_if(starts_word);
    }
    let upper = |c: Option<char>| c.is_some_and(char::is_uppercase);
    // A lowercase letter inside an all-caps word (`SELKÄ…`, `MÄ£ÄM`) is not what mojibake
    // of real text makes; after one capital (`AÅ™` for `Ař`) it is.
    let word_before: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .take(2)
        .collect();
    let all_caps_before = word_before.len() == 2 && word_before.iter().all(|c| c.is_uppercase());
    if d.is_lowercase() && (all_caps_before || upper(prev) && upper(next)) {
        return Verdict::Weak;
    }
    // `HUHLL Õ…`: a symbol after a lone capital, outside any word, is punctuation.
    let in_word = prev.is_some_and(char::is_alphabetic) || next.is_some_and(char::is_alphabetic);
    strong_if(!is_punctuation_byte(s.second) || in_word)
}

/// Offset of the first byte >= 0x80 at or after `from`.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 16 <= bytes.len() {
        let chunk = u128::from_le_bytes(bytes[i..i + 16].try_into().expect("16 bytes"));
        if chunk & 0x8080_8080_8080_8080_8080_8080_8080_8080 != 0 {
            break;
        }
        i += 16;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// The first place where a repair may start: a character that is a lead in some enabled
/// encoding followed by one that continues it there, or a C1 control.
fn first_candidate(
    text: &str,
    from: usize,
    options: &RepairOptions,
    enabled: u16,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let tables = tables();
    let mut i = next_non_ascii(bytes, from);
    while i < bytes.len() {
        // Every character an encoding writes in its upper half is below U+0800 or in the
        // blocks whose UTF-8 starts with 0xE2 (U+2000–U+2FFF) or 0xEF (U+F000–U+FFFF):
        // the rest (CJK, Indic scripts, emoji …) is skipped by its lead byte alone.
        let len = match bytes[i] {
            0xC2..=0xDF | 0xE2 | 0xEF => 0,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 0 {
            i = next_non_ascii(bytes, i + len);
            continue;
        }
        let (c, len) = code_point_at(bytes, i);
        if options.fix_c1_controls && (0x80..=0x9F).contains(&c) {
            return Some(i);
        }
        let m = tables.masks_of(c);
        if m.lead & enabled != 0 {
            let candidate = match bytes.get(i + len) {
                None => false,
                // Most often a letter ends a word: no sequence.
                Some(b' ') => options.restore_nbsp && m.nbsp_lead & enabled != 0,
                Some(&b) if b < 0x80 => false,
                Some(_) => match code_point_at(bytes, i + len).0 {
                    0xFFFD => options.lossy,
                    n => tables.masks_of(n).cont & m.lead & enabled != 0,
                },
            };
            if candidate {
                return Some(i);
            }
        }
        i = next_non_ascii(bytes, i + len);
    }
    None
}

/// One layer: the repaired text, or `None` when nothing changes.
fn layer(text: &str, options: &RepairOptions, edits: Option<&mut Vec<Edit>>) -> Option<String> {
    let enabled = options.encodings.iter().fold(0, |m, e| m | e.bit());
    let first = first_candidate(text, 0, options, enabled)?;
    let mut edits = edits;
    if edits.is_none() && options.encodings.first() == Some(&Encoding::Windows1252) {
        if let Some(out) = whole_1252(text, options) {
            return Some(out);
        }
    }
    for &enc in &options.encodings {
        if let Some(out) = whole(text, enc, options, edits.as_deref_mut()) {
            return Some(out);
        }
    }
    run_by_run(text, first, options, edits)
}

/// The fast path of [`whole`] for Windows-1252, the damage of nearly every damaged file:
/// transcode byte by byte, validate the result as UTF-8 in one go, then look for evidence
/// only until the first convincing run. Gives what [`whole`] gives, or `None` where it
/// would need its slower features (a lost byte, a space for 0xA0).
fn whole_1252(text: &str, options: &RepairOptions) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // U+0080–U+00BF and U+00C0–U+00FF are their own byte; the rest goes through the
        // table. `text` is UTF-8, so the second byte is there.
        match bytes[i] {
            0..=0x7F => {
                let j = next_non_ascii(bytes, i);
                out.extend_from_slice(&bytes[i..j]);
                i = j;
            }
            0xC2 => {
                out.push(bytes[i + 1]);
                i += 2;
            }
            0xC3 => {
                out.push(bytes[i + 1] + 0x40);
                i += 2;
            }
            _ => {
                let (c, len) = code_point_at(bytes, i);
                out.push(encode_1252(char::from_u32(c)?)?);
                i += len;
            }
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    has_evidence(text, Encoding::Windows1252, options).then_some(decoded)
}

/// Whether some run of `text`, read with `enc`, is strong evidence of mojibake.
fn has_evidence(text: &str, enc: Encoding, options: &RepairOptions) -> bool {
    let bytes = text.as_bytes();
    let mut seqs: Vec<Sequence> = Vec::new();
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        seqs.clear();
        let mut at = i;
        while at < bytes.len() && bytes[at] >= 0x80 {
            match sequence_at(text, at, enc, options.restore_nbsp, options.lossy) {
                Some(seq) => {
                    at = seq.end;
                    seqs.push(seq);
                }
                None => return false,
            }
        }
        let next = text[at..].chars().next();
        if judge(&seqs, enc, &text[..i], next, true) == Verdict::Strong {
            return true;
        }
        i = next_non_ascii(bytes, at);
    }
    false
}

/// Decodes the whole text with `enc`, if every non-ASCII character is part of a sequence
/// and there is strong evidence of mojibake.
fn whole(
    text: &str,
    enc: Encoding,
    options: &RepairOptions,
    edits: Option<&mut Vec<Edit>>,
) -> Option<String> {
    let bytes = text.as_bytes();
    // Allocated at the first sequence: most clean texts fail before it.
    let mut out = String::new();
    let mut evidence = false;
    let mut local_edits: Vec<Edit> = Vec::new();
    let record = edits.is_some();
    let mut copied = 0;
    let mut i = next_non_ascii(bytes, 0);
    // Nbsp restoration looks at spaces, which the ASCII skip passes over: sequences are
    // only ever started at non-ASCII characters, and may consume a following space.
    while i < bytes.len() {
        let first = sequence_at(text, i, enc, options.restore_nbsp, options.lossy)?;
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.push_str(&text[copied..i]);
        let run_start = i;
        let out_start = out.len();
        let mut seqs: Vec<Sequence> = Vec::new();
        out.push(first.decoded);
        let mut at = first.end;
        seqs.push(first);
        while at < bytes.len() && bytes[at] >= 0x80 {
            let seq = sequence_at(text, at, enc, options.restore_nbsp, options.lossy)?;
            out.push(seq.decoded);
            at = seq.end;
            seqs.push(seq);
        }
        if !evidence {
            let next = text[at..].chars().next();
            evidence = judge(&seqs, enc, &text[..run_start], next, true) == Verdict::Strong;
        }
        if record {
            local_edits.push(Edit {
                input: run_start..at,
                output: out_start..out.len(),
                kinds: vec![FixKind::Mojibake(enc)],
            });
        }
        copied = at;
        i = next_non_ascii(bytes, at);
    }
    if !evidence {
        return None;
    }
    out.push_str(&text[copied..]);
    if let Some(edits) = edits {
        edits.extend(local_edits);
    }
    Some(out)
}

/// Repairs each run that is mojibake on its own, and C1 controls.
fn run_by_run(
    text: &str,
    first: usize,
    options: &RepairOptions,
    mut edits: Option<&mut Vec<Edit>>,
) -> Option<String> {
    let bytes = text.as_bytes();
    let enabled = options.encodings.iter().fold(0, |m, e| m | e.bit());
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = first;
    let mut seqs: Vec<Sequence> = Vec::new();
    // Per encoding, the end of the last run judged not to be mojibake: a run starting
    // inside it is a suffix of it, no more convincing, and is not read again.
    let mut weak_until = [0usize; Encoding::ALL.len()];
    while i < bytes.len() {
        let c = text[i..].chars().next().expect("char boundary");
        let mut fixed: Option<(usize, String, FixKind)> = None;
        // The encodings in which `c` and the next character can start a sequence.
        let next_char = text[i + c.len_utf8()..].chars().next();
        let lead = masks(c).lead;
        let possible = match next_char {
            Some('\u{FFFD}') if options.lossy => lead,
            Some(n) => lead & masks(n).cont,
            None => 0,
        } & enabled;
        for &enc in options.encodings.iter().filter(|e| possible & e.bit() != 0) {
            if i < weak_until[enc.index()] {
                continue;
            }
            seqs.clear();
            let mut at = i;
            while at < bytes.len() && bytes[at] >= 0x80 {
                match sequence_at(text, at, enc, false, options.lossy) {
                    Some(seq) => {
                        at = seq.end;
                        seqs.push(seq);
                    }
                    None => break,
                }
            }
            if seqs.is_empty() {
                continue;
            }
            let next = text[at..].chars().next();
            // A continuation right after the run would be a stray byte once the run is
            // decoded: the bytes were never UTF-8 there. (`Ãƒƒƒ` would otherwise lose one
            // `ƒ` per layer, `Ãƒ` being the mojibake of `Ã` itself.)
            let stray =
                next.is_some_and(|n| !n.is_ascii() && enc.encode(n).is_some_and(|b| b < 0xC0));
            if !stray && judge(&seqs, enc, &text[..i], next, false) == Verdict::Strong {
                fixed = Some((
                    at,
                    seqs.iter().map(|s| s.decoded).collect(),
                    FixKind::Mojibake(enc),
                ));
                break;
            }
            weak_until[enc.index()] = at;
        }
        if fixed.is_none() && options.fix_c1_controls && ('\u{80}'..='\u{9F}').contains(&c) {
            if let Some(w) = CP1252_HIGH[c as usize - 0x80] {
                fixed = Some((i + c.len_utf8(), w.to_string(), FixKind::C1Control));
            }
        }
        match fixed {
            Some((end, replacement, kind)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..i]);
                let start = out.len();
                out.push_str(&replacement);
                if let Some(edits) = edits.as_deref_mut() {
                    edits.push(Edit {
                        input: i..end,
                        output: start..out.len(),
                        kinds: vec![kind],
                    });
                }
                copied = end;
                match first_candidate(text, end, options, enabled) {
                    Some(next) => i = next,
                    None => break,
                }
            }
            // Straight to the next place where a repair may start: in clean text written
            // in another script, most characters are not.
            None => match first_candidate(text, i + c.len_utf8(), options, enabled) {
                Some(next) => i = next,
                None => break,
            },
        }
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_at_agrees_with_str_chars() {
        let text = "a\u{80}é\u{7FF}\u{800}€\u{FFFD}語\u{10000}🇫🇷\u{10FFFF}z";
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            assert_eq!(code_point_at(bytes, i), (c as u32, c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn tables_round_trip() {
        for enc in Encoding::ALL {
            for (i, c) in decode_upper_half(enc).iter().enumerate() {
                let c = c.unwrap();
                if c.is_ascii() {
                    continue;
                }
                let b = enc.encode(c).unwrap();
                // Duplicated characters (none expected) would map to their first byte.
                assert_eq!(b, 0x80 + i as u8, "{enc} {c:?}");
            }
        }
    }

    #[test]
    fn every_table_character_is_below_u0800_or_in_the_e2_and_ef_blocks() {
        for &(c, _) in &tables().masks {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!((c as u32) < 0x800 || lead == 0xE2 || lead == 0xEF, "{c:?}");
        }
    }

    #[test]
    fn compose_maps_two_layers_back_to_the_input() {
        let report = explain("x ÃƒÂ© y Ã© z");
        assert_eq!(report.text, "x é y é z");
        assert_eq!(report.fixes.len(), 2);
        assert_eq!(report.fixes[0].before, "ÃƒÂ©");
        assert_eq!(report.fixes[0].after, "é");
        assert_eq!(report.fixes[0].kinds.len(), 2);
        assert_eq!(report.fixes[1].before, "Ã©");
    }
}
