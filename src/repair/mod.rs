//! Mojibake repair: undoing UTF-8 that was decoded with a legacy single-byte encoding.
//!
//! Text that was UTF-8, was read as Windows-1252 (or another single-byte encoding) and
//! saved as UTF-8 again shows each non-ASCII character as two to four characters
//! (`é` → `Ã©`, `–` → `â€“`, 🇫🇷 → `ðŸ‡«ðŸ‡·`, `д` → `Рґ`). [`repair`] undoes that, as many
//! times as it was done, and returns the input borrowed when there is nothing to undo.
//!
//! # The readings it undoes
//!
//! Windows-1252 and Latin-1 (and the two mixed), Windows-1250, -1251, -1253, -1254 and
//! -1257, ISO-8859-2, Mac OS Roman and CP437, each "sloppy" as the tools that make mojibake
//! are (a byte the encoding leaves undefined reads as the C1 control of the same number),
//! one layer or several. Also undone, as Python's ftfy does: CESU-8 (an emoji written as
//! two surrogate halves, `í ½í¸\u{8d}` → 😍), a byte lost to U+FFFD (`â€�` → `�`) or,
//! in text damaged as a whole, to a question mark (`ã?®` → `�`, as ftfy reads it, and
//! beside other damage after any lead: `ÐœÐ¾Ñ?ÐºÐ²Ð°` → `Мо�ква`, or inside a word once
//! a sequence was read whole, `zinÄ?tne` → `zin�tne`, or after a capital inside a word,
//! `al-KhwÄ?rizmÄ«` → `al-Khw�rizmī`, or after a lead alone as a word next to a word of
//! the damage once a sequence was read whole, `Ń? ĐĽŃ–Đ¶` → `� між`), or, in text damaged
//! as a whole,
//! dropped by a decoder that ignores errors (Windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D
//! and the like, Windows-1251's 0x98: a sequence cut short where it has begun,
//! `â€œyesâ€` → `“yes�`, or a two-byte lead alone after other damage or inside a word,
//! `Ð½Ð½Ñ–Ñ ` → `нні� `, `Ñ–Ð¼'Ñ` → `ім'�`, `irÄ laika` → `ir� laika`, or starting a
//! word whose damage goes on, `ÄuraÄ‘` → `�urađ`, or as a word next to damage,
//! `Ń ĐĽŃ–Đ¶` → `� між`; a lead of three bytes alone before more damage or between
//! digits, `10ζ28` → `10�28`; a sign that a lost 0xA0 would glue to a word is a dropped
//! byte instead, `capitalismâ€ dreamed` → `capitalism� dreamed`), a no-break space
//! turned into a plain space (`voilÃ le` → `voilà le`; `GuÃ rdia` → `Guàrdia` inside a
//! word, and `mÃ nÃ³` → `mà nó` where the space after it was merged into it;
//! `ç´ ` → `素`, `å ´` → `場` in a three-byte character; in text damaged as a whole,
//! beside other damage, the Cyrillic and Greek readings' letters too, `Р РѕРјРµРЅ` →
//! `Ромен`, `а¤ аҐ‡` → `ठे`, and Hebrew's `נ`, `× ×•` → `נו`), and C1 controls left by
//! a Latin-1 reading of Windows-1252 text (U+0085 → `…`).
//!
//! # How a decision is made
//!
//! 1. **Where to look.** One pass finds the first place where some encoding's bytes
//!    would form a complete UTF-8 sequence (a lead byte and its continuation bytes). Text
//!    with no such place, which is nearly all clean text in any script, is returned as it
//!    is after that one pass.
//! 2. **The whole text.** A second pass finds the encodings in which *every* non-ASCII
//!    character of the text belongs to such a sequence: that is what a file damaged as a
//!    whole looks like, and clean text almost never does. Each such encoding's reading is
//!    decoded, and the one that lowers the text's cost the most is taken if it lowers it
//!    clearly (see below). Using the whole text's evidence decides short runs that alone
//!    would be ambiguous.
//! 3. **Line by line, then run by run.** Otherwise (a document damaged in some lines and
//!    clean in others), a line in which a run looks damaged, or would be mended, is first
//!    judged as the whole-text step would judge it if it stood alone: a line damaged as a whole (a
//!    field, a pasted paragraph) is decoded by its own evidence, in one pass. The rest
//!    goes run by run: each candidate run is read in every encoding, and a reading is
//!    taken when it lowers the cost of the run and its neighbours by a wider margin. The
//!    document's evidence counts here too (the lines decoded whole among it): a run of
//!    Latin letters that reads as letters of the script the text around it is written in
//!    (letters of three bytes only where the run shows damage) gains that margin
//!    (`Ð’ європейській`), and once one encoding has read nearly all of many runs, a run
//!    it reads is taken for any fall in cost (`Ä‘` for Vietnamese's `đ`), but an
//!    apostrophe before a letter never.
//! 4. **Layers.** Both steps repeat while they change something: two and three layers of
//!    damage are undone one at a time, each step towards text that costs less. Once a
//!    layer is undone the text is known to have been mojibake, and the next whole-text
//!    step asks for less evidence of damage (`phá»‘`, what one layer of two leaves of
//!    `phố`, is decoded then, not on its own).
//! 5. **Ties.** Two readings that cost the same and say different things (Windows-1250
//!    and ISO-8859-2 put different letters at many of the same bytes: `ÄŤ` is `č` or `ī`)
//!    are settled, in a line or a run of a document damaged in places, by the document's
//!    own words first: the reading whose word it writes clean elsewhere wins (`ītak` in
//!    a Latgalian article that writes `ītak`). Of Han characters, the reading of common
//!    ones wins (`年`, not `屴`: the first levels of GB 2312, Big5 and JIS X 0208). Then
//!    by their letters: the reading whose accented letters one language writes together
//!    wins (`ŝanĝo`, not `ůanįo`), or else the one with no rare letter (`č` before
//!    Latvian's `ī`, `š` before Welsh's `ŷ`), or the one whose `ß` follows a vowel, as in
//!    every word that writes it (`groß`, not `groü`; `früh`, not `frßh`). Letters as
//!    common as each other (`så` or `sá`, `Süden` or `Såden`) go to the language whose
//!    short words stand around them, two of its words at least (`im Süden des Landes`);
//!    where none do, they leave the text as it is.
//!
//! The cost measures how implausible text is as writing: characters that real text
//! hardly uses and mojibake is made of (`¤`, `¦`, `‡`, C1 controls, box drawing, IPA
//! letters), a lowercase letter followed by an accented capital (`cafÃ`), a letter touching
//! a symbol (`Ã©`), two alphabets in one word (`cafГ©`), symbols piled up (`â€“`), a word
//! that ends in a lead's reading and a letter of a continuation byte (`ГЁ`, Italian's
//! `è` through Windows-1251), a reading of Greek's lead before what no word writes after
//! it (`Îł`, `Œπ`, `Ï…`, Windows-1251's `ОІ` for `γ`, `ι`, `υ`, `β`). Correct text that
//! merely looks odd (`SÃO PAULO`, `MARQUÉ…`, `NESTLÉ®`, `√π`) does not get cheaper when
//! decoded, so it is never changed: when in doubt, the text is left alone.
//!
//! Not repaired: damage through a double-byte encoding (Shift-JIS, GBK, …), and mojibake
//! too short to tell from real text (`É…` could be `Ʌ`, or exactly what it says).
//!
//! ```
//! assert_eq!(wikimd::repair("cafÃ© â€“ ðŸ‡«ðŸ‡·"), "café – 🇫🇷");
//! assert_eq!(wikimd::repair("РџСЂРёРІРµС‚"), "Привет");
//! assert!(matches!(wikimd::repair("café"), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

mod decide;
mod decode;
mod explain;
mod languages;
mod scan;
pub(crate) mod score;
// The steps with x86's vector instructions; on other processors, and with
// `--cfg wikimd_no_simd` (which CI builds to test that path on x86), the same functions
// without them.
#[cfg(all(any(target_arch = "x86", target_arch = "x86_64"), not(wikimd_no_simd)))]
pub(crate) mod simd;
#[cfg(not(all(any(target_arch = "x86", target_arch = "x86_64"), not(wikimd_no_simd))))]
#[path = "portable.rs"]
pub(crate) mod simd;
pub(crate) mod tables;

use explain::{compose, Edit};

/// A legacy single-byte encoding that mojibake can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Windows-1252, with Latin-1's C1 controls and the five bytes Windows-1252 leaves
    /// undefined read as U+0081, U+008D, U+008F, U+0090, U+009D: it stands for Latin-1
    /// (ISO-8859-1) too, and for the two mixed.
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
    /// Every encoding: all are read, and the cheapest reading wins (see the module docs).
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

    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// Whether a space may stand for a lost 0xA0 as the last byte of a sequence led by
    /// `lead` (ftfy's list: 0xC2 0xC3 0xC5 0xCE 0xD0 0xD9; for three bytes, 0xE0–0xEF,
    /// where ftfy stops at 0xE3: Chinese and Japanese `素`, `場`, `加`, `頁` end in 0xA0,
    /// and a lead, a character of the upper half and a space are no clean text's).
    /// Only in the encodings whose leads there are Latin capitals that end no word; in
    /// Cyrillic and Greek they are capitals that do (`СССР `), and there only `à` (0xC3
    /// 0xA0) before a word is restored (and, in text damaged as a whole, the three-byte
    /// characters: [`Encoding::nbsp_lead_in_whole_text`]). Never in Mac OS Roman or CP437.
    pub(crate) fn nbsp_lead(self, lead: u8) -> bool {
        let latin = matches!(
            self,
            Encoding::Windows1252
                | Encoding::Windows1254
                | Encoding::Windows1250
                | Encoding::Windows1257
                | Encoding::Iso8859_2
        );
        match lead {
            0xC3 => !matches!(self, Encoding::MacRoman | Encoding::Cp437),
            0xC2 | 0xC5 | 0xCE | 0xD0 | 0xD9 | 0xE0..=0xEF => latin,
            _ => false,
        }
    }

    /// The encodings in which, in text damaged as a whole, a space may also stand for a
    /// lost 0xA0 in a three-byte character (after its lead, or as its last byte) where
    /// [`Encoding::nbsp_lead`] does not say so: Windows-1251 and Windows-1253, where it
    /// restores only `à` (Devanagari `ठ` is Windows-1251's `а¤ `), beside another
    /// character of the damage. Their three-byte leads are lowercase letters that end
    /// clean words (`на `), which the scan of runs does not take for leads before a lost
    /// 0xA0.
    pub(crate) const NBSP_THREE_IN_WHOLE_TEXT: u16 =
        Encoding::Windows1251.bit() | Encoding::Windows1253.bit();

    /// The encodings in which, in text damaged as a whole, a space may also stand for a
    /// lost 0xA0 after a two-byte lead of [`NBSP_LEADS`](scan::NBSP_LEADS) where
    /// [`Encoding::nbsp_lead`] does not say so, beside another character of the damage:
    /// all but Mac OS Roman and CP437. Cyrillic `Р` is Windows-1251's `Р ` and
    /// Windows-1253's `Π `, Greek `Π` Windows-1253's `Ξ `, Hebrew `נ` Windows-1252's `× `:
    /// leads that are capitals ending clean words (`СССР `) or a sign (`2 × 3`).
    pub(crate) const NBSP_TWO_IN_WHOLE_TEXT: u16 =
        !(Encoding::MacRoman.bit() | Encoding::Cp437.bit());

    /// Whether a space may stand for a lost 0xA0 after `lead` in text damaged as a whole:
    /// [`Encoding::nbsp_lead`], a three-byte lead in
    /// [`Encoding::NBSP_THREE_IN_WHOLE_TEXT`], or one of [`NBSP_LEADS`](scan::NBSP_LEADS)
    /// in [`Encoding::NBSP_TWO_IN_WHOLE_TEXT`].
    pub(crate) fn nbsp_lead_in_whole_text(self, lead: u8) -> bool {
        self.nbsp_lead(lead)
            || (0xE0..=0xEF).contains(&lead) && Self::NBSP_THREE_IN_WHOLE_TEXT & self.bit() != 0
            || scan::NBSP_LEADS.contains(&lead) && Self::NBSP_TWO_IN_WHOLE_TEXT & self.bit() != 0
    }

    /// The encodings that leave some bytes of the upper half undefined (Windows-1252's
    /// 0x81, 0x8D, 0x8F, 0x90, 0x9D, …; Windows-1251's 0x98 alone, of `И`, Serbian `ј`,
    /// `‘`, Devanagari `घ`): a strict decoder that ignores errors drops them (Python's
    /// `errors="ignore"`), and a sequence of the damage is cut short. The others define
    /// every byte (ISO-8859-2 its C1 controls). (Clean Cyrillic read as Windows-1251 is
    /// a chain of leads: the whole-text scan looks for its dropped bytes only where the
    /// damage shows them, see `scan::cut_short_dropping`.)
    pub(crate) const DROPS_UNDEFINED: u16 = Encoding::Windows1252.bit()
        | Encoding::Windows1251.bit()
        | Encoding::Windows1250.bit()
        | Encoding::Windows1253.bit()
        | Encoding::Windows1254.bit()
        | Encoding::Windows1257.bit();

    pub(crate) const fn bit(self) -> u16 {
        1 << self.index()
    }
}

/// An encoding by its usual name or an alias, compared without case: `windows-1252`
/// (`cp1252`, `latin1`, `iso-8859-1`, `l1`), `windows-1251` (`cp1251`), … `macintosh`
/// (`mac-roman`, `macroman`), `cp437` (`ibm437`, `437`).
///
/// ```
/// use wikimd::repair::Encoding;
///
/// assert_eq!("Latin1".parse(), Ok(Encoding::Windows1252));
/// assert_eq!("cp1251".parse(), Ok(Encoding::Windows1251));
/// assert!("shift-jis".parse::<Encoding>().is_err());
/// ```
impl std::str::FromStr for Encoding {
    type Err = UnknownEncoding;

    fn from_str(name: &str) -> Result<Encoding, UnknownEncoding> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        let found = match wanted.as_str() {
            "cp1252" | "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" | "l1" => {
                Some(Encoding::Windows1252)
            }
            "cp1250" => Some(Encoding::Windows1250),
            "cp1251" => Some(Encoding::Windows1251),
            "cp1253" => Some(Encoding::Windows1253),
            "cp1254" => Some(Encoding::Windows1254),
            "cp1257" => Some(Encoding::Windows1257),
            "iso8859-2" | "latin2" | "latin-2" | "l2" => Some(Encoding::Iso8859_2),
            "mac-roman" | "macroman" | "mac" | "x-mac-roman" => Some(Encoding::MacRoman),
            "ibm437" | "437" | "cp-437" => Some(Encoding::Cp437),
            _ => Encoding::ALL.into_iter().find(|e| e.name() == wanted),
        };
        found.ok_or_else(|| UnknownEncoding {
            name: name.to_string(),
        })
    }
}

/// A name that is none of the [`Encoding`]s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown encoding `{name}` (known: windows-1250 to -1254, windows-1257, latin1, iso-8859-2, macintosh, cp437)")]
pub struct UnknownEncoding {
    /// The name given.
    pub name: String,
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Options for [`repair_with`], built from the defaults with one method per option.
///
/// ```
/// use wikimd::repair::{Encoding, RepairOptions};
///
/// let options = RepairOptions::new().encodings([Encoding::Windows1252]).lossy(false);
/// assert_eq!(wikimd::repair_with("cafÃ©", &options), "café");
/// // A Windows-1251 reading is not tried.
/// assert_eq!(wikimd::repair_with("РїСЂРёРІРµС‚", &options), "РїСЂРёРІРµС‚");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RepairOptions {
    /// The encodings to undo. Every one is read; where two readings cost the same, the
    /// one listed first is reported, and the text is left alone unless that one is
    /// Windows-1252 or Windows-1254.
    pub encodings: Vec<Encoding>,
    /// Put back a non-breaking space that became a plain space (`Ã ` → `à`), in text
    /// damaged as a whole.
    pub restore_nbsp: bool,
    /// Decode a sequence whose byte was lost to U+FFFD (`â€�` → `�`), or in text
    /// damaged as a whole to a question mark (`ã?®` → `�`) or dropped (`â€œyesâ€` →
    /// `“yes�`), as U+FFFD.
    pub lossy: bool,
    /// Read leftover C1 control characters as the Windows-1252 characters they stand
    /// for (U+0093 → `“`).
    pub fix_c1_controls: bool,
    /// Most layers of damage undone. With eight or more (the default), a text that would
    /// still change after the last layer is left as it was: no real damage has that many
    /// layers, and a second repair must not change what the first gave.
    pub max_layers: usize,
}

impl RepairOptions {
    /// The defaults: every encoding, every kind of fix, eight layers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The encodings to undo, in order of preference.
    pub fn encodings(mut self, encodings: impl IntoIterator<Item = Encoding>) -> Self {
        self.encodings = encodings.into_iter().collect();
        self
    }

    /// Whether to put back non-breaking spaces that became plain spaces.
    pub fn restore_nbsp(mut self, yes: bool) -> Self {
        self.restore_nbsp = yes;
        self
    }

    /// Whether to decode sequences whose byte was lost to U+FFFD or to a question mark,
    /// or dropped.
    pub fn lossy(mut self, yes: bool) -> Self {
        self.lossy = yes;
        self
    }

    /// Whether to read leftover C1 control characters as Windows-1252.
    pub fn fix_c1_controls(mut self, yes: bool) -> Self {
        self.fix_c1_controls = yes;
        self
    }

    /// Most layers of damage undone (see [`RepairOptions::max_layers`](#structfield.max_layers)).
    pub fn max_layers(mut self, layers: usize) -> Self {
        self.max_layers = layers;
        self
    }
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

/// The result of [`explain()`]: the repaired text and every fix.
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
    let mut still_mojibake = false;
    let mut layers = 0;
    let mut undone = None;
    while layers < options.max_layers {
        match decide::layer(&current, options, None, layers > 0, undone) {
            Ok((next, enc)) => {
                current = Cow::Owned(next);
                undone = enc;
            }
            Err(unchanged) => {
                still_mojibake = unchanged.still_mojibake;
                break;
            }
        }
        layers += 1;
    }
    if matches!(current, Cow::Owned(_))
        && (still_mojibake || layers == options.max_layers && unsettled(&current, options))
    {
        // Undoing some layers left text that reads as mojibake still, but that no
        // reading clearly mends, or text that is still changing: rather the input than
        // a different mojibake.
        return Cow::Borrowed(text);
    }
    current
}

/// Layers enough for any real damage: three is the most the corpus and ftfy's cases
/// show. With at least this many allowed, a text still changing after the last one is
/// not being mended but taken apart (each layer mending only the runs next to those the
/// one before mended, on fuzzed input), and is returned as it was: that way a second
/// repair never changes what the first gave.
const SETTLED_AFTER: usize = 8;

/// Whether `text`, the result of `options.max_layers` layers, would change again and
/// so is not to be trusted (with fewer than [`SETTLED_AFTER`] layers allowed, the caller
/// asked for part of the work: it is given).
fn unsettled(text: &str, options: &RepairOptions) -> bool {
    options.max_layers >= SETTLED_AFTER && decide::layer(text, options, None, true, None).is_ok()
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

/// [`explain()`] with the given options.
pub fn explain_with(text: &str, options: &RepairOptions) -> Report {
    let mut current = text.to_string();
    let mut edits: Vec<Edit> = Vec::new();
    let mut still_mojibake = false;
    let mut layers = 0;
    let mut undone = None;
    for layer_index in 0..options.max_layers {
        let mut new_edits = Vec::new();
        match decide::layer(
            &current,
            options,
            Some(&mut new_edits),
            layer_index > 0,
            undone,
        ) {
            Ok((next, enc)) => {
                undone = enc;
                edits = if layer_index == 0 {
                    new_edits
                } else {
                    compose(&edits, &new_edits)
                };
                current = next;
                layers += 1;
            }
            Err(unchanged) => {
                still_mojibake = unchanged.still_mojibake;
                break;
            }
        }
    }
    if still_mojibake || layers > 0 && layers == options.max_layers && unsettled(&current, options)
    {
        // As `repair_with`: rather the input than a different mojibake, or than text
        // still changing.
        return Report {
            text: text.to_string(),
            fixes: Vec::new(),
        };
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
