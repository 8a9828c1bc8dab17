//! How plausible a stretch of text is as real writing: a cost that mojibake runs up and
//! real text in any language does not.
//!
//! Every character falls in a [`Class`]: a letter of some script and case, a digit, a
//! space, common punctuation, a symbol, an odd character (one that real text hardly uses
//! but mojibake is full of: `¤`, `¦`, `¨`, `ˆ`, `‡`, box drawing, …), a C1 control, a rare
//! letter (IPA, historic Cyrillic, NKo, …), a combining mark, or something that is not text
//! at all (unassigned, private use). The cost adds, for each character, what it costs
//! alone, and for each pair of neighbours what their meeting costs: a lowercase letter
//! followed by an accented capital (`cafÃ`), a letter touching a symbol (`Ã©`), letters of
//! two scripts in one word (`cafГ©`), symbols piled up (`â€“`). A decoding is taken only
//! when it lowers the cost clearly; see the decisions in the module above.

use std::sync::atomic::{AtomicU8, Ordering};

/// A character's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// ASCII space, tab, line break, and the no-break space.
    Space,
    /// ASCII punctuation and symbols.
    AsciiPunct,
    /// A digit.
    Digit,
    /// A lowercase letter.
    Lower,
    /// An uppercase letter.
    Upper,
    /// A letter without case (CJK, kana, Hebrew, Arabic, Indic scripts, …).
    Caseless,
    /// A combining mark (or a joiner).
    Mark,
    /// Punctuation real text is full of: dashes, quotes, ellipsis, guillemets, bullets.
    Punct,
    /// A symbol that real text uses, though rarely inside a word: `©`, `€`, `×`, `½`, `™`.
    Symbol,
    /// A character real text hardly uses and mojibake is made of.
    Odd,
    /// A mathematical operator (`√`, `∆`, `∞`, `≈`): odd next to the letter before it, but
    /// mathematics puts letters after it (`√π`, `∆x`).
    Math,
    /// A C1 control character.
    C1,
    /// A letter of a rare alphabet or block (IPA, historic or extended letters).
    Rare,
    /// Emoji and other pictographs, arrows, dingbats.
    Pictograph,
    /// A tag character (U+E0000–U+E007F): only ever after a flag and other tags.
    Tag,
    /// The edge of a window cut from a text: what lies beyond is not known, so nothing
    /// there costs anything.
    Edge,
    /// Not text: unassigned, private use, a noncharacter, a control.
    Invalid,
}

/// A letter's script, for the cost of two scripts in one word. Scripts whose words mix
/// freely with Latin (CJK, kana) are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    None,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    /// Han, kana, Hangul: they mix with Latin in a word (`iPhone用`), but a lone one in a
    /// Latin text is a change of script all the same.
    Cjk,
    Other,
}

/// A character's class and script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Kind {
    pub(crate) class: Class,
    pub(crate) script: Script,
    /// An ASCII character.
    pub(crate) ascii: bool,
    /// Punctuation that real words hold: apostrophes, hyphens and dashes, the middle
    /// dot, Armenian's accent marks, Hebrew's geresh.
    pub(crate) in_word: bool,
    /// `™`, `®` or `©`, which follow a name as written (`NESTLÉ®`).
    pub(crate) sign: bool,
    /// A dash, a double or opening single quote, or the ellipsis.
    pub(crate) quote_or_dash: bool,
    /// The right single quote, an apostrophe.
    pub(crate) apostrophe: bool,
    /// `â`.
    pub(crate) a_circumflex: bool,
    /// The no-break space.
    pub(crate) nbsp: bool,
    /// `Ã` or `Â`.
    pub(crate) a_tilde_or_circumflex: bool,
    /// `Â`, which ends no word, not even in capitals.
    pub(crate) capital_a_circumflex: bool,
    /// A combining diacritical mark of U+0300–U+036F.
    pub(crate) combining: bool,
    /// The single low quotation mark `‚`.
    pub(crate) low_quote: bool,
    /// A letter of Latin-1's upper half (U+00C0–U+00FF).
    pub(crate) latin1: bool,
    /// A character of U+0080–U+00BF or one of Windows-1252's 0x80–0x9F.
    pub(crate) latin1_upper_half: bool,
    /// A letter of a living language that its writers hardly ever use, and that another
    /// reading of the same mojibake makes into a common one: `Ĩ` (Windows-1252's reading
    /// of `Ä¨`, which is `č` in Windows-1257); or one whose mojibake is text that is
    /// written (`ɗ`: `É—`, a capital and a dash; Tajik's `ҳ`: Windows-1251's `Ті`, which
    /// starts Ukrainian words and its unit `ТіБ`).
    pub(crate) uncommon: bool,
    /// A capital of ISO-8859-2's and Windows-1250's upper half (`Ą Ł Ľ Ś Š Ť Ź Ž Ż`),
    /// Romanian's `Ş` and `Ţ` aside.
    pub(crate) central_capital: bool,
    /// A small letter of ISO-8859-2's and Windows-1250's upper half (`ą ł ľ ś š ş ť ź ž
    /// ż`).
    pub(crate) central_small: bool,
    /// A capital that legacy encodings read bytes 0xC3 and 0xC5 as, the leads of UTF-8's
    /// Latin-1 letters (`à`) and of Latin Extended-A's first ones (`Š`): `Ă`, `Ć`, `Ĺ`
    /// in Windows-1250, ISO-8859-2 and Windows-1257, `Г` `Е` in Windows-1251, `Γ` `Ε` in
    /// Windows-1253 (Windows-1252's `Ã` and `Å` are Latin-1 letters already).
    pub(crate) reads_c3_or_c5: bool,
    /// `В` or `Β`: Windows-1251's and -1253's readings of 0xC2, the lead of UTF-8's
    /// Latin-1 symbols (`В°`, `Β·` for `°`, `·`), as Windows-1252's `Â` is.
    pub(crate) reads_c2: bool,
    /// `Ă` or `Ć`: 0xC3 there, the lead of Latin-1's letters.
    pub(crate) central_latin1_lead: bool,
    /// A small letter Romanian writes after its `Ă` (`ş ţ â î ă`, `ș ț`: `Ăştia`).
    pub(crate) romanian: bool,
    /// A superscript digit (`¹ ² ³ ⁴`): it follows what it marks (`m²`, `word¹`).
    pub(crate) superscript_digit: bool,
    /// A character of U+0700–U+07FF (Syriac, Thaana, NKo, Arabic's supplement), which
    /// legacy readings of Latin, Greek and Cyrillic text make by chance (`groß“`, `Я»`,
    /// `μαζί…` read as UTF-8): their writing has them in runs of their own, those
    /// readings one at a time.
    pub(crate) chance_script: bool,
    /// A letter or modifier of the International Phonetic Alphabet (U+0250–U+02FF, and the
    /// letters it shares with alphabets: `ŋ æ ð ø θ β χ`): pronunciations write them in
    /// runs (`/ˈɪŋɡlɪʃ/`) or between letters and brackets (`[paʁi]`), where legacy readings
    /// make them one at a time after a capital (`É’`, `Ê”`, `К»` read as UTF-8).
    pub(crate) ipa: bool,
    /// A modifier letter that stands anywhere in the text that writes it: IPA's stress and
    /// length marks `ˈ ˌ ː ˑ`, and the `ʾ` and `ʿ` of transliterated Arabic and Hebrew
    /// (`Qurʾān`, `ʿAbd`). No legacy reading makes one by chance (`Ëˆ`, `Àà`, `Л€`,
    /// `Ê¿`).
    pub(crate) free_modifier: bool,
    /// `¡` or `¿`, which open a Spanish sentence before its first word (`¡Hola!`).
    pub(crate) opening_mark: bool,
    /// A box-drawing or block character (U+2500–U+259F).
    pub(crate) box_art: bool,
    /// A box-drawing character CP437 has at 0xC2, 0xC3, 0xCE, 0xD0, 0xD5 or 0xD8: the
    /// leads of UTF-8's Latin-1 symbols and letters, and of the Greek, Cyrillic,
    /// Armenian and Arabic letters that stand alone as words (`┬`, `├`, `╬`, `╨`, `╒`,
    /// `╪`). (Not `─`, whose pairs are corners of lines, `─┐`.)
    pub(crate) cp437_lead: bool,
    /// A character CP437 has at 0xA9–0xAA, 0xAE–0xAF or 0xB0–0xBF, continuation bytes of
    /// UTF-8 (`⌐ ¬ « »`, the shades, box drawing: `┬▒` is `±`, `╬▒` `α`, `├⌐` `é`).
    pub(crate) cp437_trail: bool,
    /// A letter that Windows-1250, ISO-8859-2, Windows-1251, -1253 or -1257 has at a
    /// continuation byte (0x80–0xBF): what follows the lead's reading
    /// ([`reads_c3_or_c5`](Self::reads_c3_or_c5)) where such an encoding read a Latin
    /// letter (`ГЁ`, `ΓΆ`, `ĆØ`, `Ăł` for `è`, `â`, `è`, `ó`). Greek's are its accented
    /// capitals, which stand only at a word's start.
    pub(crate) trail_letter: bool,
    /// `√`: Mac OS Roman's 0xC3, the lead of Latin-1's letters.
    pub(crate) square_root: bool,
    /// A small letter that Windows-1250, ISO-8859-2, -1257 or -1253 has at 0xE0–0xEF,
    /// the leads of UTF-8's three bytes (`ĺ`, `į`, `α`: `ĺą´` is `年`, `į»§` is `ủ`,
    /// `α»‘` is `ố`), or a small letter of Latin-1 (`á` of `áşż`, `ế`; from 0xF0 on, the
    /// leads of four bytes).
    pub(crate) lead3: bool,
    /// `В`, `Г`, `Р` or `С`: Windows-1251's readings of 0xC2, 0xC3, 0xD0 and 0xD1, the
    /// leads of Latin-1's symbols and letters and of Cyrillic's, all consonants.
    pub(crate) cyrillic_lead: bool,
    /// Ukrainian's `ї`, which follows a vowel or an apostrophe or starts a word, and
    /// Macedonian's `ѕ`, which starts its words: neither follows a consonant (`ВЅ`, `Гї`,
    /// `РЅ` are Windows-1251's `½`, `ÿ`, `н`).
    pub(crate) after_no_consonant: bool,
    /// `ў`: Belarusian writes it after vowels only, Uzbek after consonants too (`Рўйхат`,
    /// `Гўзал`), but hardly after `в` (`Вў` is Windows-1251's `¢`).
    pub(crate) short_u: bool,
    /// `Đ` or `Ń`: Windows-1250's and ISO-8859-2's readings of 0xD0 and 0xD1, the leads
    /// of Cyrillic's letters.
    pub(crate) reads_d0_or_d1: bool,
    /// `Ğ` or `Ð`: Windows-1254's and Windows-1252's (Latin-1's) readings of 0xD0, which
    /// no Turkish, Azerbaijani, Icelandic or Faroese word starts with (`Ğ°`, `Ð°` for
    /// `а`).
    pub(crate) lead_starting_no_word: bool,
    /// `Š`: Windows-1257's reading of 0xD0 (`Š°` for `а`), which Czech, Slovak and the
    /// other languages that write it do not write alone before a symbol.
    pub(crate) s_caron_capital: bool,
    /// `Î`: Windows-1250's and ISO-8859-2's reading of 0xCE, the lead of Greek's
    /// letters from `Ά` to `ο` (`Îł`, `Îą` for `γ`, `α`).
    pub(crate) reads_ce: bool,
    /// `Œ` or `œ`, Mac OS Roman's readings of 0xCE and 0xCF, and `Ī`, Windows-1257's of
    /// 0xCE: the leads of Greek's letters, where French writes its `œ` before ASCII
    /// letters only (`œuvre`, `Œdipe`) and Latvian its `Ī` before no small letter but
    /// ASCII (`Īss`): `Œπ`, `œÑ` and `Īø` are `ι`, `τ` and `θ`.
    pub(crate) reads_greek_lead: bool,
    /// A Latin letter that a legacy reading makes of 0xCE or 0xCF, the leads of Greek's
    /// letters: `Î` and `Ï` (Windows-1252, -1254, Latin-1; `Î` in Windows-1250 and
    /// ISO-8859-2 too), `Ď`, `Ī` and `Ļ` (Windows-1257), `Œ` and `œ` (Mac OS Roman). None
    /// is a word of its own.
    pub(crate) greek_lead_letter: bool,
    /// The middle dot, which Catalan writes between two `l` (`col·legi`) and lists
    /// between spaces, but no word after an accented capital: `Î·` is `η`.
    pub(crate) middle_dot: bool,
    /// Windows-1251's readings of Greek's letters, as bits (`GREEK_1251_*`).
    greek_1251: u8,
    /// A symbol out of Latin-1 that Windows-1250, ISO-8859-2 or Windows-1253 has at a
    /// continuation byte: the spacing diacritics `ˇ ˘ ˛ ˝`, Greek's tonos `΄ ΅` and the
    /// horizontal bar `―` (`α»―` is Windows-1253's `ữ`).
    pub(crate) trail_symbol: bool,
    /// What [`PlainWord`] asks of a letter after this one, as bits (`NOT_PLAIN_AFTER_*`):
    /// those of [`not_plain_after`](Self::not_plain_after) it may not have.
    plain_lead: u8,
    /// The bits of [`plain_lead`](Self::plain_lead) a letter before this one must not
    /// have for the word to stay plain.
    not_plain_after: u8,
}

/// In [`Kind::plain_lead`]: `Ã`, `Â`, `Đ`, `Ń` or `Î`, before a Central European letter
/// (`ÂŤ`, `Đľ`, `Îł`).
const NOT_PLAIN_AFTER_CENTRAL_LEAD: u8 = 1;
/// `Ă` or `Ć`, before a non-ASCII letter but Romanian's (`Ăźber`).
const NOT_PLAIN_AFTER_LATIN1_LEAD: u8 = 2;
/// `В`, `Г`, `Р` or `С`, before `ї` or `ѕ` (`РЅ`).
const NOT_PLAIN_AFTER_CYRILLIC_LEAD: u8 = 4;
/// `В` (or `Β`), before `ў` (`Вў`).
const NOT_PLAIN_AFTER_C2: u8 = 8;
/// In [`Kind::plain_lead`] only, for what [`PlainWord`] looks at after the letter: a
/// lead's reading (see [`Kind::reads_c3_or_c5`]), before a word's last letter of a
/// continuation byte (`ГЁ`).
const PLAIN_LEAD_C3_OR_C5: u8 = 16;
/// In [`Kind::plain_lead`] only: `О` or `П` (see [`GREEK_1251_LEAD`]), before a word's
/// last letter of [`GREEK_1251_TRAIL`] (`ОІ`), a middle dot (`О·`) or a sign
/// of [`GREEK_1251_TRAIL_SIGN`] (`О»`).
const PLAIN_LEAD_GREEK_1251: u8 = 32;
/// `Ğ` or `Ð`, before a Central European letter or a letter of the upper half (`Ğš`,
/// `Ğº`, `Ðž`; see `triple`). (Inside a word too, where `triple` charges a word's start only: an end of
/// a plain window, `Ğť` of `aĞť`, must not be plainer.)
const NOT_PLAIN_AFTER_NO_WORD_START: u8 = 64;

/// In [`Kind::greek_1251`]: `О` or `П`, Windows-1251's readings of 0xCE and 0xCF, the
/// leads of Greek's letters.
const GREEK_1251_LEAD: u8 = 1;
/// In [`Kind::greek_1251`]: a letter Windows-1251 has at a continuation byte that makes a
/// Greek letter after `О` or `П` (`ОІ`, `Оі`, `Ој`, `ПЂ`, `Пѓ` for `β`, `γ`, `μ`, `π`,
/// `σ`), and that no language's word ends in after such a capital. Not the capitals that
/// end Ukrainian's, Russian's, Belarusian's and Serbian's words of capitals after `О`
/// (`УКРАЇНСЬКОЇ`, `МОЄ`, `МОЁ`, `ГАРАДОЎ`, `БРОЈ`), nor `ё` (`Оё` is `θ`, and a
/// Belarusian interjection).
const GREEK_1251_TRAIL: u8 = 2;
/// In [`Kind::greek_1251`]: `»`, `„` or `…`, Windows-1251's 0xBB after `О` (`О»` for
/// `λ`), 0x84 and 0x85 after `П` (`П„`, `П…` for `τ`, `υ`).
const GREEK_1251_TRAIL_SIGN: u8 = 4;

impl Kind {
    const fn new(class: Class, script: Script) -> Kind {
        Kind {
            class,
            script,
            ascii: false,
            latin1: false,
            latin1_upper_half: false,
            uncommon: false,
            central_capital: false,
            central_small: false,
            superscript_digit: false,
            reads_c3_or_c5: false,
            reads_c2: false,
            central_latin1_lead: false,
            romanian: false,
            chance_script: false,
            ipa: false,
            free_modifier: false,
            opening_mark: false,
            box_art: false,
            cp437_lead: false,
            cp437_trail: false,
            trail_letter: false,
            square_root: false,
            lead3: false,
            cyrillic_lead: false,
            after_no_consonant: false,
            short_u: false,
            reads_d0_or_d1: false,
            lead_starting_no_word: false,
            s_caron_capital: false,
            reads_ce: false,
            reads_greek_lead: false,
            greek_lead_letter: false,
            middle_dot: false,
            greek_1251: 0,
            trail_symbol: false,
            plain_lead: 0,
            not_plain_after: 0,
            low_quote: false,
            combining: false,
            in_word: false,
            a_tilde_or_circumflex: false,
            capital_a_circumflex: false,
            a_circumflex: false,
            nbsp: false,
            sign: false,
            quote_or_dash: false,
            apostrophe: false,
        }
    }
    #[inline]
    pub(crate) fn is_letter(self) -> bool {
        matches!(
            self.class,
            Class::Lower | Class::Upper | Class::Caseless | Class::Rare
        )
    }
    #[inline]
    fn is_symbolic(self) -> bool {
        matches!(
            self.class,
            Class::Symbol | Class::Odd | Class::Math | Class::C1
        )
    }
}

/// The edge of a window cut from a text.
const EDGE: Kind = Kind {
    ascii: true,
    ..Kind::new(Class::Edge, Script::None)
};

/// A space, and the start and end of a text.
const SPACE: Kind = Kind {
    ascii: true,
    ..Kind::new(Class::Space, Script::None)
};

/// The kind of the code point `u` (a valid `char`): from a table for the blocks mojibake
/// is made of and the alphabets and Indic scripts readings decode into, a constant for
/// Han, kana and Hangul, computed for the rest.
#[inline(always)]
pub(crate) fn kind_of_code_point(u: u32) -> Kind {
    kind_in(kind_tables(), u)
}

/// [`kind_of_code_point`] with the tables at hand.
#[inline(always)]
fn kind_in(t: &KindTables, u: u32) -> Kind {
    if let Some(&k) = t.low.get(u as usize) {
        return k;
    }
    if let Some(&k) = u
        .checked_sub(0x2000)
        .and_then(|i| t.symbols.get(i as usize))
    {
        return k;
    }
    if let Some(&k) = u
        .checked_sub(LATIN_ADDITIONAL_START)
        .and_then(|i| t.latin_additional.get(i as usize))
    {
        return k;
    }
    if matches!(u, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF) {
        return CJK;
    }
    kind(char::from_u32(u).unwrap_or('\u{FFFD}'))
}

/// The first code point of [`KindTables::latin_additional`].
const LATIN_ADDITIONAL_START: u32 = 0x1E00;

/// Han, kana and Hangul (checked against [`kind`] in the tests).
const CJK: Kind = Kind::new(Class::Caseless, Script::Cjk);

struct KindTables {
    /// U+0000–U+0FFF: Latin to Arabic, the Indic scripts, Thai.
    low: Vec<Kind>,
    /// U+2000–U+25FF: punctuation, currency, letterlike symbols, arrows, mathematical
    /// operators, box drawing and shapes, which the readings of Windows-1252 (`€`, `™`),
    /// Mac OS Roman (`∂`, `≈`) and CP437 (`╔`) are made of: looked up, not searched for.
    symbols: Vec<Kind>,
    /// U+1E00–U+1EFF, Latin Extended Additional: Vietnamese writes most of its letters
    /// there.
    latin_additional: Vec<Kind>,
    /// Every kind of the tables, and of the characters out of them (a few dozen), each
    /// once: a kind's number is its place here.
    kinds: Vec<Kind>,
    /// The number of each kind of `low`.
    low_numbers: Vec<u8>,
    /// The number of each kind of `symbols`.
    symbols_numbers: Vec<u8>,
    /// The number of each kind of `latin_additional`.
    latin_additional_numbers: Vec<u8>,
    /// The numbers of [`CJK`], [`EDGE`] and [`SPACE`].
    cjk: u8,
    edge: u8,
    space: u8,
    /// What a character costs after two others (`unary` of it, `pair` with the one
    /// before, `triple` with both), plus one, at `(a × n + b) × n + c` for kinds numbered
    /// `a`, `b`, `c` of `n`; zero until a text first holds the three in a row. Worked out
    /// once, not for each character (see [`costs`]).
    steps: Vec<AtomicU8>,
    /// What [`costs`] asks of a kind, by its number (a byte: no bounds to check): whether
    /// it is ASCII, and the script of a letter whose script counts (`Script as u8`), or
    /// [`NO_SCRIPT`].
    ascii: [bool; 256],
    letter_script: [u8; 256],
}

/// In [`KindTables::letter_script`]: not a letter, or one of no script that counts.
const NO_SCRIPT: u8 = u8::MAX;

/// Characters out of the tables whose kinds no character in them has: a kind must have a
/// number for [`costs`] to look its costs up (a test holds every character to that).
const KINDS_OUT_OF_TABLES: [char; 3] = ['\u{3100}', '\u{3200}', '\u{E0000}'];

fn kind_tables() -> &'static KindTables {
    static TABLES: std::sync::OnceLock<KindTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let of = |range: std::ops::Range<u32>| -> Vec<Kind> {
            range
                .map(|u| kind(char::from_u32(u).expect("no surrogates here")))
                .collect()
        };
        let (low, symbols) = (of(0..0x1000), of(0x2000..0x2600));
        let latin_additional = of(LATIN_ADDITIONAL_START..LATIN_ADDITIONAL_START + 0x100);
        let mut kinds: Vec<Kind> = Vec::new();
        // Neighbours in the tables are mostly of one kind: the last one found first.
        let mut last = 0;
        let mut number = |k: Kind| {
            if kinds.get(last) != Some(&k) {
                last = match kinds.iter().position(|&x| x == k) {
                    Some(i) => i,
                    None => {
                        kinds.push(k);
                        kinds.len() - 1
                    }
                };
            }
            u8::try_from(last).expect("at most 256 kinds (a test holds it)")
        };
        let low_numbers = low.iter().map(|&k| number(k)).collect();
        let symbols_numbers = symbols.iter().map(|&k| number(k)).collect();
        let latin_additional_numbers = latin_additional.iter().map(|&k| number(k)).collect();
        let (cjk, edge, space) = (number(CJK), number(EDGE), number(SPACE));
        for c in KINDS_OUT_OF_TABLES {
            number(kind(c));
        }
        let n = kinds.len();
        let mut ascii = [false; 256];
        let mut letter_script = [NO_SCRIPT; 256];
        for (i, k) in kinds.iter().enumerate() {
            ascii[i] = k.ascii;
            if k.is_letter() && !matches!(k.script, Script::None | Script::Other) {
                letter_script[i] = k.script as u8;
            }
        }
        KindTables {
            low,
            symbols,
            low_numbers,
            symbols_numbers,
            latin_additional,
            latin_additional_numbers,
            cjk,
            edge,
            space,
            steps: (0..n * n * n).map(|_| AtomicU8::new(0)).collect(),
            kinds,
            ascii,
            letter_script,
        }
    })
}

impl KindTables {
    /// The number of the kind of the code point `u` (a valid `char`), if it has one
    /// (every character has: a test holds it).
    #[inline(always)]
    fn number(&self, u: u32) -> Option<u8> {
        if let Some(&n) = self.low_numbers.get(u as usize) {
            return Some(n);
        }
        if let Some(&n) = u
            .checked_sub(0x2000)
            .and_then(|i| self.symbols_numbers.get(i as usize))
        {
            return Some(n);
        }
        if let Some(&n) = u
            .checked_sub(LATIN_ADDITIONAL_START)
            .and_then(|i| self.latin_additional_numbers.get(i as usize))
        {
            return Some(n);
        }
        if matches!(u, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF) {
            return Some(self.cjk);
        }
        let k = kind(char::from_u32(u).unwrap_or('\u{FFFD}'));
        // (The class and script first: a kind's whole comparison is a call.)
        self.kinds
            .iter()
            .position(|&x| x.class == k.class && x.script == k.script && x == k)
            .map(|i| i as u8)
    }

    /// What the character of kind `c` costs after `a` and `b`: [`unary`], [`pair`] and
    /// [`triple`], worked out the first time the three meet.
    #[inline(always)]
    fn step(&self, a: u8, b: u8, c: u8) -> i32 {
        let n = self.kinds.len();
        let at = (usize::from(a) * n + usize::from(b)) * n + usize::from(c);
        let known = self.steps[at].load(Ordering::Relaxed);
        if known != 0 {
            return i32::from(known) - 1;
        }
        self.work_out_step(at, a, b, c)
    }

    #[cold]
    #[inline(never)]
    fn work_out_step(&self, at: usize, a: u8, b: u8, c: u8) -> i32 {
        let [a, b, c] = [a, b, c].map(|x| self.kinds[usize::from(x)]);
        let cost = unary(c) + pair(b, c) + triple(a, b, c);
        // Costs are small and not negative; one out of range (that of a character that is
        // not text) is worked out each time.
        if let Ok(known) = u8::try_from(cost + 1) {
            self.steps[at].store(known, Ordering::Relaxed);
        }
        cost
    }
}

/// The kind of `c`.
pub(crate) fn kind(c: char) -> Kind {
    let mut k = kind_of(c);
    k.ascii = c.is_ascii();
    let u = c as u32;
    k.latin1 = (0xC0..=0xFF).contains(&u); // letters, and `×` `÷`
    k.low_quote = c == '\u{201A}';
    k.combining = (0x0300..0x0370).contains(&u);
    k.a_tilde_or_circumflex = c == 'Ã' || c == 'Â';
    k.capital_a_circumflex = c == 'Â';
    k.a_circumflex = c == 'â';
    k.nbsp = c == '\u{a0}';
    k.sign = matches!(c, '™' | '®' | '©');
    k.quote_or_dash = matches!(c, '–' | '—' | '…' | '“' | '”' | '‘');
    k.apostrophe = c == '’';
    // `ɓ ɗ ɖ Ɣ`: their Windows-1252 mojibake is a capital and a quote or a dash (`É“ É—
    // É– Æ”`), which capitalized text writes (`NÉ—`).
    // And the circled and parenthesized katakana and Hangul (U+3200–U+321E,
    // U+3260–U+327E, U+32D0–U+32FE), which Windows-1257's reading of 0xE3 before two
    // continuation bytes makes of Han characters that Windows-1250 reads right (`ć‹·`
    // is `拷` there, `㋷` in Windows-1257).
    k.uncommon = matches!(c, 'Ĩ' | 'ɓ' | 'ɗ' | 'ɖ' | 'Ɣ' | 'ҳ' | 'Ҳ')
        || matches!(u, 0x3200..=0x321E | 0x3260..=0x327E | 0x32D0..=0x32FE);
    k.central_capital = matches!(c, 'Ą' | 'Ł' | 'Ľ' | 'Ś' | 'Š' | 'Ť' | 'Ź' | 'Ž' | 'Ż');
    k.central_small = matches!(c, 'ą' | 'ł' | 'ľ' | 'ś' | 'š' | 'ş' | 'ť' | 'ź' | 'ž' | 'ż');
    k.reads_c3_or_c5 = matches!(c, 'Ă' | 'Ć' | 'Ĺ' | 'Г' | 'Е' | 'Γ' | 'Ε');
    k.reads_c2 = matches!(c, 'В' | 'Β');
    k.cyrillic_lead = matches!(c, 'В' | 'Г' | 'Р' | 'С');
    k.after_no_consonant = matches!(c, 'ї' | 'Ї' | 'ѕ' | 'Ѕ');
    k.short_u = matches!(c, 'ў' | 'Ў');
    k.reads_d0_or_d1 = matches!(c, 'Đ' | 'Ń');
    k.lead_starting_no_word = matches!(c, 'Ğ' | 'Ð');
    k.s_caron_capital = c == 'Š';
    k.reads_ce = c == 'Î';
    k.reads_greek_lead = matches!(c, 'Œ' | 'œ' | 'Ī');
    k.greek_lead_letter = matches!(c, 'Î' | 'Ï' | 'Ď' | 'Ī' | 'Ļ' | 'Œ' | 'œ');
    k.middle_dot = c == '·';
    k.greek_1251 = match c {
        'О' | 'П' => GREEK_1251_LEAD,
        'і' | 'ґ' | 'є' | 'ј' | 'ѕ' | 'ї' | 'І' | 'Ѕ' | 'Ђ' | 'Ѓ' | 'ѓ' | 'љ' | 'њ' | 'ќ' | 'ћ'
        | 'џ' => GREEK_1251_TRAIL,
        '»' | '„' | '…' => GREEK_1251_TRAIL_SIGN,
        _ => 0,
    };
    k.trail_symbol = matches!(c, 'ˇ' | '˘' | '˛' | '˝' | '΄' | '΅' | '―');
    k.square_root = c == '√';
    k.lead3 = k.latin1 && k.class == Class::Lower
        || matches!(
            c,
            // Windows-1250's and ISO-8859-2's.
            'ŕ' | 'ă' | 'ĺ' | 'ć' | 'č' | 'ę' | 'ě' | 'ď'
            // Windows-1257's.
            | 'ą' | 'į' | 'ā' | 'ē' | 'ź' | 'ė' | 'ģ' | 'ķ' | 'ī' | 'ļ'
            // Windows-1253's.
            | 'ΰ' | 'α'..='ο'
        );
    k.central_latin1_lead = matches!(c, 'Ă' | 'Ć');
    k.romanian = matches!(
        c,
        'ş' | 'ţ' | 'ș' | 'ț' | 'â' | 'î' | 'ă' | 'Ş' | 'Ţ' | 'Ș' | 'Ț' | 'Â' | 'Î' | 'Ă'
    );
    k.trail_letter = matches!(
        c,
        // Windows-1251's.
        'Ђ' | 'Ѓ' | 'ѓ' | 'Љ' | 'Њ' | 'Ќ' | 'Ћ' | 'Џ' | 'ђ' | 'љ' | 'њ' | 'ќ' | 'ћ' | 'џ'
            | 'Ў' | 'ў' | 'Ј' | 'Ґ' | 'Ё' | 'Є' | 'Ї' | 'І' | 'і' | 'ґ' | 'ё' | 'є' | 'ј'
            | 'Ѕ' | 'ѕ' | 'ї'
            // Windows-1253's.
            | 'Ά' | 'Έ' | 'Ή' | 'Ί' | 'Ό' | 'Ύ' | 'Ώ'
            // Windows-1250's and ISO-8859-2's.
            | 'Š' | 'Ś' | 'Ť' | 'Ž' | 'Ź' | 'š' | 'ś' | 'ť' | 'ž' | 'ź' | 'Ł' | 'Ą' | 'Ş'
            | 'Ż' | 'ł' | 'ą' | 'ş' | 'Ľ' | 'ľ' | 'ż'
            // Windows-1257's.
            | 'Ø' | 'Ŗ' | 'Æ' | 'ø' | 'ŗ' | 'æ'
    );
    k.superscript_digit = matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹');
    k.chance_script = matches!(u, 0x0700..=0x07FF) && k.class != Class::Invalid;
    k.ipa = matches!(
        c,
        '\u{250}'..='\u{2AF}' | 'ŋ' | 'æ' | 'ð' | 'ø' | 'θ' | 'β' | 'χ'
    ) || (0x02B0..=0x02FF).contains(&u) && k.class == Class::Rare;
    k.free_modifier = matches!(c, 'ˈ' | 'ˌ' | 'ː' | 'ˑ' | 'ʾ' | 'ʿ');
    k.opening_mark = matches!(c, '¡' | '¿');
    k.box_art = (0x2500..=0x259F).contains(&u);
    if k.box_art || matches!(c, '⌐' | '¬' | '«' | '»') {
        k.cp437_lead = matches!(c, '┬' | '├' | '╬' | '╨' | '╒' | '╪');
        // `« ¬ » ⌐ │ ┐ ┤ ║ ╕ ╖ ╗ ╛ ╜ ╝ ╡ ╢ ╣ ░ ▒ ▓`
        k.cp437_trail = matches!(
            u,
            0xAB | 0xAC
                | 0xBB
                | 0x2310
                | 0x2502
                | 0x2510
                | 0x2524
                | 0x2551
                | 0x2555..=0x2557
                | 0x255B..=0x255D
                | 0x2561..=0x2563
                | 0x2591..=0x2593
        );
    }
    k.in_word = matches!(
        u,
        0xB7 | 0x2BB | 0x2BC | 0x55A..=0x55C | 0x55E | 0x5BE | 0x5F3 | 0x5F4 | 0x2010..=0x2015
            | 0x2018 | 0x2019
    );
    k.latin1_upper_half =
        (0x80..0xC0).contains(&u) || (0x100..).contains(&u) && super::tables::is_1252_special(c);
    // (Last: of the flags above.)
    let bit = |set: bool, bit: u8| if set { bit } else { 0 };
    k.plain_lead = bit(
        k.a_tilde_or_circumflex || k.reads_d0_or_d1 || k.reads_ce,
        NOT_PLAIN_AFTER_CENTRAL_LEAD,
    ) | bit(
        k.central_latin1_lead || k.reads_greek_lead,
        NOT_PLAIN_AFTER_LATIN1_LEAD,
    ) | bit(k.cyrillic_lead, NOT_PLAIN_AFTER_CYRILLIC_LEAD)
        | bit(k.reads_c2, NOT_PLAIN_AFTER_C2)
        | bit(k.reads_c3_or_c5, PLAIN_LEAD_C3_OR_C5)
        | bit(k.greek_1251 == GREEK_1251_LEAD, PLAIN_LEAD_GREEK_1251)
        | bit(k.lead_starting_no_word, NOT_PLAIN_AFTER_NO_WORD_START);
    let letter = matches!(k.class, Class::Lower | Class::Upper);
    k.not_plain_after = bit(
        k.central_capital || k.central_small,
        NOT_PLAIN_AFTER_CENTRAL_LEAD,
    ) | bit(
        letter && !k.ascii && !k.romanian,
        NOT_PLAIN_AFTER_LATIN1_LEAD,
    ) | bit(k.after_no_consonant, NOT_PLAIN_AFTER_CYRILLIC_LEAD)
        | bit(k.short_u, NOT_PLAIN_AFTER_C2)
        | bit(
            k.central_capital || k.central_small || letter && k.latin1_upper_half,
            NOT_PLAIN_AFTER_NO_WORD_START,
        );
    k
}

fn kind_of(c: char) -> Kind {
    use Class::*;
    let u = c as u32;
    let k = |class| Kind::new(class, Script::None);
    let latin = |class| Kind::new(class, Script::Latin);
    match u {
        0x09 | 0x0A | 0x0D | 0x20 | 0xA0 => SPACE,
        0x30..=0x39 => k(Digit),
        0x41..=0x5A => latin(Upper),
        0x61..=0x7A => latin(Lower),
        0x00..=0x1F | 0x7F => k(Invalid),
        0x21..=0x7E => k(AsciiPunct),
        0x80..=0x9F => k(C1),
        // Latin-1 punctuation and symbols.
        0xA1 | 0xBF => k(Symbol), // ¡ ¿ only start a sentence, never inside a word
        0xAB | 0xBB | 0xB0 | 0xB7 => k(Punct), // « » ° ·
        0xA7 => k(Symbol),        // §
        0xA2 | 0xA3 | 0xA5 | 0xA9 | 0xAE | 0xB1 | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBC..=0xBE => {
            k(Symbol)
        }
        0xAA | 0xBA | 0xD7 | 0xF7 => k(Symbol), // ª º × ÷
        0xA4 | 0xA6 | 0xA8 | 0xAC | 0xAD | 0xAF | 0xB4 | 0xB6 | 0xB8 => k(Odd),
        0xC0..=0xDE => latin(Upper),
        0xDF..=0xFF => latin(Lower),
        // Latin Extended-A: capitals at even code points (with two runs at odd ones).
        0x0149 | 0x017F => latin(Rare), // ŉ ſ
        0x0100..=0x0137 | 0x014A..=0x0177 => latin(if u % 2 == 0 { Upper } else { Lower }),
        0x0138 => latin(Lower),
        0x0139..=0x0148 | 0x0179..=0x017E => latin(if u % 2 == 1 { Upper } else { Lower }),
        0x0178 => latin(Upper),
        // Latin Extended-B: the letters living languages write.
        0x0192 => k(Odd), // ƒ
        0x018F | 0x0190 | 0x0186 | 0x01A0 | 0x01AF | 0x0218 | 0x021A => latin(Upper),
        0x01A1 | 0x01B0 | 0x0219 | 0x021B | 0x0259 | 0x025B | 0x0254 => latin(Lower),
        // The letters of African languages' Latin alphabets: Hausa's and Fula's `Ɓ ɓ Ɗ ɗ
        // Ƙ ƙ Ƴ ƴ`, Kabyle's and Ewe's `Ɣ ɣ`, Ewe's `Ɖ ɖ Ʋ ʋ`, Bambara's and Fula's `Ɲ ɲ`,
        // Dagbani's `Ʒ ʒ` (`ɓ ɗ ɖ Ɣ` uncommon: see `kind`).
        0x0181 | 0x018A | 0x0198 | 0x01B3 | 0x0194 | 0x019D | 0x01B2 | 0x0189 | 0x01B7 => {
            latin(Upper)
        }
        0x0253 | 0x0257 | 0x0199 | 0x01B4 | 0x0263 | 0x0272 | 0x028B | 0x0256 | 0x0292 => {
            latin(Lower)
        }
        0x01CD..=0x01DC => latin(if u % 2 == 1 { Upper } else { Lower }),
        0x01E6..=0x01ED => latin(if u % 2 == 0 { Upper } else { Lower }),
        0x0180..=0x02AF => latin(Rare),
        0x02BB | 0x02BC => k(Punct),                 // ʻ ʼ
        0x02C6 | 0x02C7 | 0x02D8..=0x02DD => k(Odd), // ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
        0x02B0..=0x02FF => k(Rare),
        0x0300..=0x036F => k(Mark),
        // Greek.
        0x0386 | 0x0388..=0x038A | 0x038C | 0x038E | 0x038F | 0x0391..=0x03AB => {
            Kind::new(Upper, Script::Greek)
        }
        0x0390 | 0x03AC..=0x03CE => Kind::new(Lower, Script::Greek),
        0x0387 => k(Punct),
        0x0384 | 0x0385 => k(Odd), // ΄ ΅
        0x0370..=0x03FF => Kind::new(Rare, Script::Greek),
        // Cyrillic.
        0x0400..=0x042F => Kind::new(Upper, Script::Cyrillic),
        0x0430..=0x045F => Kind::new(Lower, Script::Cyrillic),
        0x0460..=0x048F => Kind::new(Rare, Script::Cyrillic),
        0x0490..=0x04FF => Kind::new(
            if u % 2 == 0 && u != 0x04C0 && u != 0x04CF
                || (0x04C1..=0x04CE).contains(&u) && u % 2 == 1
            {
                Upper
            } else {
                Lower
            },
            Script::Cyrillic,
        ),
        0x0500..=0x052F => Kind::new(Rare, Script::Cyrillic),
        // Armenian.
        0x0531..=0x0556 => Kind::new(Upper, Script::Armenian),
        0x0561..=0x0587 => Kind::new(Lower, Script::Armenian),
        // Armenian's marks and punctuation: with the script, for the marks that follow a
        // word (`Երևան՝`), not a space.
        0x0559..=0x055F | 0x0589 | 0x058A => Kind::new(Punct, Script::Armenian),
        // Hebrew.
        0x0591..=0x05C7 => Kind::new(Mark, Script::Hebrew),
        0x05D0..=0x05EA | 0x05F0..=0x05F2 => Kind::new(Caseless, Script::Hebrew),
        0x05F3 | 0x05F4 => k(Punct),
        // Arabic.
        0x060C | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 => k(Punct),
        0x0660..=0x0669 | 0x06F0..=0x06F9 => k(Digit),
        0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED => Kind::new(Mark, Script::Arabic),
        0x0620..=0x064A | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06FF => {
            Kind::new(Caseless, Script::Arabic)
        }
        0x0600..=0x06FF => k(Rare),
        // Syriac, Thaana and NKo, written by living languages (Aramaic's, the Maldives',
        // Manding's Wikipedias). Their UTF-8 leads are `Ü Ý Þ ß` in Windows-1252 and
        // `Ь Э Ю Я` in Windows-1251, so a German `groß“` or a Russian `Я»` reads as
        // one of their characters: one alone costs that reading (see `triple`), not their
        // words.
        0x0700..=0x070D | 0x07F7..=0x07F9 => k(Punct),
        0x07C0..=0x07C9 => k(Digit),
        0x07F6 | 0x07FE | 0x07FF => k(Symbol),
        0x070F | 0x0711 | 0x0730..=0x074A | 0x07A6..=0x07B0 | 0x07EB..=0x07F3 | 0x07FD => {
            Kind::new(Mark, Script::Other)
        }
        0x0710..=0x072F | 0x074D..=0x074F | 0x0780..=0x07A5 | 0x07B1 | 0x07CA..=0x07EA => {
            Kind::new(Caseless, Script::Other)
        }
        // NKo's tone apostrophes and lengthener, inside its words.
        0x07F4 | 0x07F5 | 0x07FA => Kind::new(Caseless, Script::Other),
        // Arabic Supplement: the letters of African and Asian languages written in Arabic.
        0x0750..=0x077F => Kind::new(Caseless, Script::Arabic),
        // Unassigned.
        0x070E | 0x074B | 0x074C | 0x07B2..=0x07BF | 0x07FB | 0x07FC => k(Invalid),
        _ => kind_above_07ff(u),
    }
}

fn kind_above_07ff(u: u32) -> Kind {
    use Class::*;
    let k = |class| Kind::new(class, Script::None);
    match u {
        0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF => k(Mark),
        0x2010..=0x2015
        | 0x2018..=0x201F
        | 0x2022
        | 0x2026
        | 0x2032
        | 0x2033
        | 0x2039
        | 0x203A
        | 0x2002..=0x200A
        | 0x2028
        | 0x2029
        | 0x202F
        | 0x205F
        | 0x2016
        | 0x2017
        | 0x2020
        | 0x2030 => {
            if matches!(u, 0x2002..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F) {
                SPACE
            } else if matches!(u, 0x2016 | 0x2017 | 0x2020 | 0x2030) {
                k(Symbol) // ‖ ‗ † ‰
            } else {
                k(Punct)
            }
        }
        0x1D00..=0x1DBF => Kind::new(Rare, Script::Latin), // phonetic extensions
        // Latin Extended Additional: Vietnamese's letters (U+1EA0–U+1EF9) and the dotted,
        // underlined and accented letters of transliteration, Irish, Welsh and Pinyin;
        // the block's others are hardly written, and the readings of Central European
        // words make them (`ášť` of Czech `zášť` is ISO-8859-2's `ṻ`).
        0x1E00..=0x1E9F if !is_written_latin_extended_additional(u) => {
            Kind::new(Rare, Script::Latin)
        }
        0x1E00..=0x1EFF => Kind::new(if u % 2 == 0 { Upper } else { Lower }, Script::Latin),
        0x2021 | 0x2044 => k(Odd), // ‡ ⁄
        0x2000..=0x206F => k(Symbol),
        // Subscript letters (`ₐ ₑ ₚ`): no legacy encoding has them, and a reading makes
        // one where its neighbour in the block is meant (`ₚ` for the rupee's `₹`).
        0x2090..=0x209F => k(Rare),
        // Superscript and subscript digits and signs, which no legacy encoding has but
        // exponents and formulas write (`10⁻⁶`, `H₂O`): digits and symbols. (CP437's `ⁿ`
        // is odd, as are the other superscript letters.)
        0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 => k(Digit),
        0x207A..=0x207E | 0x208A..=0x208E => k(Symbol),
        0x2070..=0x208F => k(Odd),
        0x20A0..=0x20CF | 0x2100..=0x218F => k(Symbol), // currency, letterlike, numbers
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF => k(Mark),
        // Mathematical brackets (`⟨a⟩`, linguistics' graphemes): punctuation.
        0x27E6..=0x27EF | 0x2329 | 0x232A => k(Punct),
        // Mathematical operators, technical, box drawing, blocks, geometric shapes:
        // what Mac OS Roman and CP437 readings are made of.
        0x2200..=0x22FF | 0x25CA => k(Math),
        0x2300..=0x23FF | 0x2500..=0x25FF => k(Odd),
        0x2400..=0x245F => k(Rare),   // control pictures, OCR
        0x2460..=0x24FF => k(Symbol), // enclosed alphanumerics
        0x27C0..=0x27FF | 0x2900..=0x2AFF => k(Math),
        0x2800..=0x28FF => k(Rare), // braille
        0x2190..=0x21FF | 0x2600..=0x2BFF => k(Pictograph),
        _ if is_living_script_above_0800(u) => Kind::new(Caseless, Script::Other),
        // Those scripts' own punctuation: Ol Chiki's and Meetei Mayek's full stops,
        // Tifinagh's separator.
        0x1C7E | 0x1C7F | 0xABEB | 0x2D70 | 0xAAF0 | 0xAAF1 => k(Punct),
        0x2C00..=0x2E7F => k(Rare),
        0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xFDD0..=0xFDEF => k(Invalid),
        0xFB01 | 0xFB02 => k(Odd), // ﬁ ﬂ (Mac OS Roman)
        0xFFF0..=0xFFFC => k(Rare),
        0xFFFD => k(Symbol),
        _ if u & 0xFFFE == 0xFFFE => k(Invalid),
        // The scripts of living languages between Arabic and Latin Extended Additional:
        // Indic, Thai, Lao, Tibetan, Myanmar, Georgian, Hangul Jamo, Ethiopic, Khmer,
        // Mongolian; and polytonic Greek, which English text quotes.
        0x0900..=0x0DFF
        | 0x0E00..=0x0EFF
        | 0x0F00..=0x10FF
        | 0x1100..=0x137F
        | 0x1780..=0x17FF
        | 0x1800..=0x18AF => Kind::new(
            if is_mark_above_0800(u) {
                Mark
            } else {
                Caseless
            },
            Script::Other,
        ),
        0x1F00..=0x1FFF => Kind::new(Lower, Script::Greek),
        0x1400 | 0x166E => k(Punct), // Canadian syllabics' hyphen and full stop
        0x166D => k(Symbol),
        0x0800..=0x1FFF => k(Rare),
        0x1F000..=0x1FAFF => k(Pictograph),
        0xE0000..=0xE007F => k(Tag), // tags of flag sequences
        0x2E80..=0x2FFF => k(Rare),  // CJK radicals, ideographic description
        0x3000..=0x303F => k(Punct),
        // Kanbun and the rare ideographs of Extension A: what a Latin text read as
        // UTF-8 by chance decodes to, hardly ever what a text holds.
        0x3190..=0x319F | 0x3400..=0x4DFF | 0xA000..=0xABFF | 0xD7B0..=0xD7FF => k(Rare),
        0x3200..=0x33FF => k(Pictograph), // enclosed and compatibility CJK signs
        0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => {
            Kind::new(Caseless, Script::Cjk)
        }
        0x3100..=0xD7FF | 0xFB00..=0xFDFF | 0xFE10..=0xFFEF => k(Caseless),
        0x10000..=0x3FFFF => k(Caseless),
        _ => k(Invalid),
    }
}

/// Whether `u` is a letter (or a sign written inside words) of one of the scripts of
/// living languages with a Wikipedia of their own outside the blocks of
/// [`kind_above_07ff`]'s other arms: Cherokee, the Canadian syllabics of Cree and
/// Inuktitut, Ol Chiki (Santali), Meetei Mayek (Manipuri), Tifinagh (Tamazight),
/// Georgian's capitals and Ethiopic's supplements. Their UTF-8 is three bytes, which a
/// legacy text spells by chance far less often than two (see `kind_of`'s Syriac).
/// Unassigned code points of the blocks are left out, and so are the scripts of
/// South-East Asia's and West Africa's blocks without a Wikipedia (Tai Tham, New Tai Lue,
/// Sundanese, Balinese, Vai, …): where they are rare letters, the Windows-1250 reading of
/// an Ethiopic word (`áŚĄá\u{88}Ş`, `ጥሪ`) does not tie with its ISO-8859-2 reading as New
/// Tai Lue.
fn is_living_script_above_0800(u: u32) -> bool {
    matches!(
        u,
        0x1380..=0x1399 // Ethiopic Supplement
            | 0x13A0..=0x13F5
            | 0x13F8..=0x13FD // Cherokee
            | 0x1401..=0x166C
            | 0x166F..=0x167F
            | 0x18B0..=0x18F5 // Canadian syllabics
            | 0x1C50..=0x1C7D // Ol Chiki
            | 0x1C90..=0x1CBA
            | 0x1CBD..=0x1CBF // Georgian Mtavruli
            | 0x2D30..=0x2D67
            | 0x2D6F
            | 0x2D7F // Tifinagh
            | 0x2D80..=0x2DDE // Ethiopic Extended
            | 0xAAE0..=0xAAEF
            | 0xAAF2..=0xAAF6 // Meetei Mayek Extensions
            | 0xAB01..=0xAB2E // Ethiopic Extended-A
            | 0xAB70..=0xABBF // Cherokee Supplement
            | 0xABC0..=0xABEA
            | 0xABEC..=0xABED
            | 0xABF0..=0xABF9 // Meetei Mayek
    )
}

/// Whether the letter of U+1E00–U+1E9F at `u` is written: the dots, lines and cedillas
/// below of transliteration (`ḍ ḥ ṃ ṇ ṛ ṣ ṭ ẓ`, `ḇ ḏ ḵ ḻ ṉ ṟ ṯ ẕ`, `ḑ ḩ ḫ ḳ ḷ ḹ ṝ`),
/// Venda's circumflexes below (`ḓ ḽ ṋ ṱ`), Irish's dots above (`ḃ ḋ ḟ ṁ ṗ ṡ ṫ`, and `ḣ
/// ṅ ṙ ẋ ẏ`), the acute and macron of Pinyin, of transliteration and of philology (`ḿ ḱ
/// ṕ ḡ ḗ ṓ`), Welsh's `ẁ ẃ ẅ`, `ẖ ẗ` and the capital `ẞ` (both cases of each).
fn is_written_latin_extended_additional(u: u32) -> bool {
    /// The small letters; each capital is the code point before its small letter.
    const WRITTEN: &str = "ḃḇḋḍḏḑḓḗḟḡḣḥḩḫḱḳḵḷḹḻḽḿṁṃṅṇṉṋṓṕṗṙṛṝṟṡṣṫṭṯṱẁẃẅẋẏẓẕẖẗ";
    u == 0x1E9E || char::from_u32(u | 1).is_some_and(|c| WRITTEN.contains(c))
}

/// Vowel signs and other marks of the Indic and South-East Asian scripts, roughly: the
/// code points at the end of each 128-point block (U+0900–U+0DFF) and Thai's, which
/// follow a letter of their script.
fn is_mark_above_0800(u: u32) -> bool {
    match u {
        0x0900..=0x0DFF => {
            matches!(u & 0x7F, 0x00..=0x03 | 0x3A..=0x4F | 0x51..=0x57 | 0x62 | 0x63)
        }
        0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E => true,
        _ => false,
    }
}

/// What a character costs alone.
#[inline(always)]
fn unary(k: Kind) -> i32 {
    // Every non-ASCII character costs a little: mojibake spends two to four on what real
    // text writes with one.
    let base = i32::from(!k.ascii) + 2 * i32::from(k.uncommon);
    base + match k.class {
        Class::C1 => 6,
        // Odd characters cost more next to letters (see `pair`): alone, they may be art.
        Class::Odd | Class::Math => 0,
        // A phonetic letter costs little beside another: see `triple` for one alone.
        Class::Rare if k.ipa => 2,
        // Decoding into an archaic or phonetic letter is almost never right.
        Class::Rare => 12,
        // Combining diacritics: real text is almost always composed (NFC).
        Class::Mark if k.combining => 2,
        Class::Invalid => 1000,
        _ => 0,
    }
}

/// What the meeting of `a` and `b` (in this order) costs.
#[inline(always)]
fn pair(a: Kind, b: Kind) -> i32 {
    use Class::*;
    let mut cost = 0;
    let (la, lb) = (a.is_letter(), b.is_letter());
    if la && lb {
        let mixes = |s: Script| !matches!(s, Script::None | Script::Cjk);
        // Han, kana and Hangul mix with Latin in a word (`iPhone用`), with no other
        // alphabet.
        let cjk_mix = |x: Script, y: Script| x == Script::Cjk && mixes(y) && y != Script::Latin;
        if cjk_mix(a.script, b.script) || cjk_mix(b.script, a.script) {
            cost += 4;
        }
        if a.script != b.script && mixes(a.script) && mixes(b.script) {
            // Science writes Greek letters in Latin words (`IL2Rγc`); other mixes are
            // mojibake (`cafГ©`).
            let greek = matches!(
                (a.script, b.script),
                (Script::Latin, Script::Greek) | (Script::Greek, Script::Latin)
            );
            cost += if greek { 1 } else { 4 };
        }
        if a.class == Lower && b.class == Upper && !b.ascii {
            cost += 3;
        }
    }
    if la && b.is_symbolic() && !b.sign {
        cost += if b.class == Odd || b.class == Math {
            3
        } else {
            2
        };
    }
    // (`¡` and `¿` before a letter cost only after one: see `triple`.)
    if a.is_symbolic() && lb && !a.opening_mark {
        cost += match a.class {
            Odd => 3,
            Math => 0,
            _ => 2,
        };
    }
    // Mathematics puts a letter, a digit, a unit (`∆°`) or another operator after an
    // operator, not an accented letter or a sign: `√©` and `√®` are Mac OS Roman's `é`
    // and `è`.
    if a.class == Math
        && !b.ascii
        && !matches!(b.class, Math | Punct | Space | Edge)
        && (b.class != Symbol || b.sign)
        && b.script != Script::Greek
    {
        cost += 3;
    }
    // Nor, after a root, punctuation or a symbol of the upper half (a number, a letter or
    // a bracket is rooted): `√†`, `√•` and `√¢` are Mac OS Roman's `à`, `å` and `â`.
    if a.square_root && !b.ascii && matches!(b.class, Punct | Symbol) && !b.sign {
        cost += 3;
    }
    // Two operators in a row (`√∫` for `ú`, `√≥` for `ó`, `√∂` for `ö` in Mac OS
    // Roman): formulas in prose put a space, a digit or a letter between them.
    if a.class == Math && b.class == Math && !b.ascii {
        cost += 2;
    }
    // Armenian's comma, question and exclamation marks and accents follow a word: after a
    // space they are Windows-1257's reading of Armenian letters (`Õ¯` for `կ`).
    if b.class == Punct && b.script == Script::Armenian && a.class == Space {
        cost += 2;
    }
    // `Â` (or `Ã`) before a letter of the Central European upper half: ISO-8859-2's
    // reading of U+0080–U+00BF (`ÂŤ` for `«`, `Âą` for `±`). Romanian, which writes `Â`,
    // writes it inside capitals' words only (`ROMÂNIA`), never before a small letter. So
    // too `Đ` and `Ń`, their readings of the leads of Cyrillic, which neither Croatian nor
    // Vietnamese nor Polish write before such a letter (`Đľ` for `о`, `ŃŹ` for `я`).
    let central_lead = a.a_tilde_or_circumflex || a.reads_d0_or_d1;
    if central_lead && (b.central_capital || b.central_small) {
        // (A small one more: `Âą` is no word's start.)
        cost += if b.central_small { 3 } else { 2 };
    }
    // So too `Î`, their reading of a lead of Greek, before a small one: Romanian writes
    // `Î` before its own `ş` only (`Îşi`), French and Romanian before none of the others
    // (`Îł` is `γ`, `Îą` ISO-8859-2's `α`).
    if a.reads_ce && b.central_small && !b.romanian {
        cost += 3;
    }
    // The readings of Greek's leads in Mac OS Roman and Windows-1257 before a small
    // letter out of ASCII or a Greek one (see `Kind::reads_greek_lead`), and an accented
    // capital before a middle dot.
    let greek_trail = b.is_letter() && !b.ascii && (b.class == Lower || b.script == Script::Greek);
    if a.reads_greek_lead && greek_trail && !b.romanian
        || a.class == Upper && !a.ascii && a.script == Script::Latin && b.middle_dot
        || a.greek_1251 == GREEK_1251_LEAD && b.middle_dot
    {
        cost += 3;
    }
    // And before a spacing diacritic of theirs (`Â˛` for `²`, `Đ˝` for `н`; Windows-1252's
    // `ˆ` and `˜` after `Â` are of the upper half, charged below).
    if central_lead && b.class == Odd && (a.reads_d0_or_d1 || !b.latin1_upper_half) {
        cost += 2;
    }
    // `ї` or `ѕ` after `В`, `Г`, `Р` or `С`, where no language writes them, and `ў`
    // after `В` (see `Kind::after_no_consonant`, `Kind::short_u`).
    if a.cyrillic_lead && b.after_no_consonant || a.reads_c2 && b.short_u {
        cost += 3;
    }
    // `Ă` or `Ć` before a small letter of the upper half: the lead of a Latin-1 letter
    // and its continuation byte (`Ăźber` for `über`), where no language writes such a
    // capital before such a letter but Romanian its own (`Ăştia`, which Windows-1250
    // reads as `útia`, is left alone). (Not `Ĺ`, which leads Latin Extended-A: there
    // Windows-1250 and ISO-8859-2 read one mojibake as two letters, Esperanto's `ŝ` and
    // Polish `Ż`, which this would have settled for the commoner, wrongly.)
    if a.central_latin1_lead && b.class == Class::Lower && !b.ascii && !b.romanian {
        cost += 2;
    }
    // And before a capital of the upper half: `ĂŠ` is ISO-8859-2's `é` (Windows-1250's
    // `Ê`), `ĆØ` Windows-1257's `è`, where no language that writes `Ă` (Romanian,
    // Vietnamese) or `Ć` (Polish, Croatian) writes such a capital after it but Romanian
    // its own (`ĂȘTIA`): `Ela ĂŠ muito bonita`, `N ĆØ il valore`.
    if a.central_latin1_lead && b.class == Upper && !b.ascii && !b.romanian {
        cost += 4;
    }
    // Greek writes an accented capital at a word's start only (capitals' words go
    // without accents): after a letter, it is Windows-1253's reading of a continuation
    // byte (`ΓΆ` for `â`).
    if la && b.trail_letter && b.script == Script::Greek {
        cost += 2;
    }
    // A superscript digit after a space marks nothing (`km ¹ 5`: Windows-1250's reading
    // of `Âą`, ISO-8859-2's `±`).
    if a.class == Class::Space && b.superscript_digit {
        cost += 1;
    }
    // A low single quote before an accented letter: Mac OS Roman's reading of every
    // character of U+2000–U+2FFF starts that way (`‚Äì` for `–`).
    if a.low_quote && lb && !b.ascii {
        cost += 2;
    }
    // A Latin-1 capital followed by a symbol or punctuation of the Windows-1252 upper
    // half: the commonest mojibake there is (`Â°`, `Ã©`, `Ã¶`, `â€™` aside).
    // Dashes, quotes and the ellipsis after a word are writing (`MARQUÉ…`, `10 Å—`),
    // except after `Ã` and `Â`, the leads of all of Latin-1; an apostrophe never counts
    // (`Ã’s`).
    // `×` and `÷` lead Hebrew's two bytes (`×‘` for `ב`, `×\u{a0}` for `נ`).
    if a.class == Symbol && a.latin1 && (b.latin1_upper_half || b.nbsp) {
        cost += 2;
    }
    if a.class == Upper
        && a.latin1
        && b.latin1_upper_half
        && b.class != Class::Space
        && !b.apostrophe
        && (!b.quote_or_dash || a.a_tilde_or_circumflex)
    {
        cost += 2;
    }
    if c2_lead_before_symbol(a, b) {
        cost += 2;
    }
    // An accented lowercase letter of Latin-1 followed by a symbol of the upper half: the
    // reading of a three-byte character (`á»§` for `ủ`, `âœ”` for `✔`); or another Latin
    // letter that reads such a lead (Windows-1257's `į»§`) before a symbol, not a quote,
    // a dash or an ellipsis (Polish `się…`, Lithuanian `tą”`) nor a letter (Latvian's
    // `āš`: Windows-1252 has `š` in its upper half).
    let lead3_before_symbol = a.lead3
        && a.script == Script::Latin
        && !b.quote_or_dash
        && !b.apostrophe
        && !lb
        && b.class != Class::Space;
    if a.class == Lower && a.latin1 && b.latin1_upper_half && b.class != Class::Space
        || lead3_before_symbol && (b.latin1_upper_half || b.trail_symbol)
    {
        // `â` leads all of U+2000–U+2FFF: `â€`, `âœ` are the commonest mojibake there is.
        cost += if a.a_circumflex { 2 } else { 1 };
    }
    // An odd character before a symbol or an operator: `¬∞` and `¬¢` are Mac OS Roman's
    // `°` and `¢` (`¬` leads all of U+0080–U+00BF there).
    if a.class == Odd && matches!(b.class, Math | Symbol) && !b.ascii {
        cost += 2;
    }
    let piled = |k: Kind| k.is_symbolic() || k.class == Punct;
    if piled(a) && piled(b) && !(a.class == Punct && b.class == Punct) {
        cost += 1;
    }
    if b.class == Tag && !matches!(a.class, Pictograph | Tag) {
        cost += 20;
    }
    if b.class == Mark {
        if matches!(a.class, Space | Edge) && b.combining {
            // A diacritic after a space or at the text's start has nothing to mark:
            // Windows-1251's `Мі` (`МіБіт`) is U+0333's two bytes.
            cost += 9;
        } else if !(la || a.class == Mark || a.class == Pictograph || a.class == Symbol) {
            cost += 3;
        } else if b.script != Script::None && la && a.script != b.script {
            // Arabic or Hebrew points on a letter of another script.
            cost += 4;
        }
    }
    cost
}

/// Windows-1251's `В` and Windows-1253's `Β` before a Latin-1 symbol (`В°`, `Β±`): 0xC2
/// and a continuation byte, as Windows-1252's `Â°` is. Not before a guillemet (Russian
/// writes a letter in quotes, `«В»`; `cp437_trail` marks `«`, `»` and `¬`), nor before a
/// dash, a quote or a space.
#[inline(always)]
fn c2_lead_before_symbol(a: Kind, b: Kind) -> bool {
    a.reads_c2 && c2_symbol(b)
}

/// What [`c2_lead_before_symbol`] charges after `В` or `Β`.
#[inline(always)]
fn c2_symbol(b: Kind) -> bool {
    b.latin1_upper_half
        && !b.is_letter()
        && !matches!(b.class, Class::Space | Class::C1)
        && !b.cp437_trail
        && !b.quote_or_dash
        && !b.apostrophe
}

/// A non-ASCII capital inside a word, before a lowercase letter (`KĂśppen`); punctuation
/// that does not belong inside a word between two letters (`Õ«Õ½Õ` read as Baltic).
#[inline(always)]
fn triple(a: Kind, b: Kind, c: Kind) -> i32 {
    let mut cost = 0;
    // A reading of Greek's lead standing alone before a character of the upper half that
    // is no letter (`Ï…`, `Ī»`, `Ļ„` for `υ`, `λ`, `τ`), and `Î` before `ş` as a word of
    // two (`Îş` for `κ`, where Romanian's `Îşi` goes on).
    let lone_greek_lead = b.greek_lead_letter
        && !a.is_letter()
        && !c.ascii
        && !c.is_letter()
        && c.class != Class::Mark;
    if lone_greek_lead || a.reads_ce && b.central_small && b.romanian && !c.is_letter() {
        cost += 3;
    }
    // Windows-1251's reading of a Greek letter as a word's end: `О` or `П` and a letter
    // of its continuation bytes that no word ends in after them (`ОІ`, `Оі`, `Ој`, `ПЂ`
    // for `β`, `γ`, `μ`, `π`; see `GREEK_1251_TRAIL`).
    let greek_1251_end = a.greek_1251 == GREEK_1251_LEAD
        && b.greek_1251 == GREEK_1251_TRAIL
        && !c.is_letter()
        && c.class != Class::Mark;
    // And `О` or `П` as a word before `»`, `„` or `…` (`О»`, `П„`, `П…` for `λ`, `τ`,
    // `υ`), but for a letter in guillemets (Russian's `«О»`).
    let greek_1251_sign = b.greek_1251 == GREEK_1251_LEAD
        && c.greek_1251 == GREEK_1251_TRAIL_SIGN
        && !a.is_letter()
        && !a.cp437_trail;
    if greek_1251_end || greek_1251_sign {
        cost += 3;
    }
    // `Đ` or `Ń` as a word before a symbol of the upper half: Windows-1250's and
    // ISO-8859-2's reading of a Cyrillic letter alone (`Đ°`, `Đ±`, `Ń‚`, `Ń€` for `а`,
    // `б`, `т`, `р`). Croatian, Vietnamese and Polish write neither alone before one;
    // but for a letter in quotes or guillemets (`“Đ”`, `«Đ»`), or before a dash (a low
    // quote opens, and an ellipsis follows a word: `Ń„`, `Ń…` are `ф`, `х`). And at a
    // word's start before a Central European letter (`Đľ`, `Đł`, `ŃŠ` for `о`, `г`,
    // `ъ`), more than `pair` charges inside a word: no word starts so. So too
    // Windows-1254's `Ğ` and Windows-1252's `Ð`, which start no Turkish, Azerbaijani,
    // Icelandic or Faroese word (`Ğ°`, `Ğº`, `Ðž` for `а`, `к`, `О`; Old English's
    // `Ðæt` and Vietnamese written with `Ð`, `Ðông`, put no letter of the upper half
    // after it). And Windows-1257's `Š` as a word before a symbol (`Š°` for
    // `а`), not before a letter (Czech's `Šťastný`).
    if b.s_caron_capital && !a.is_letter() && c2_symbol(c) {
        cost += 3;
    } else if (b.reads_d0_or_d1 || b.lead_starting_no_word) && !a.is_letter() {
        if c2_symbol(c) || c.greek_1251 == GREEK_1251_TRAIL_SIGN && !c.cp437_trail {
            cost += 3;
        } else if c.central_small
            || c.central_capital
            || b.lead_starting_no_word && c.latin1_upper_half && c.is_letter()
        {
            cost += 2;
        }
    }
    // A Han, kana or Hangul character between two Latin letters: they follow Latin
    // letters (`iPhone用`, `CD를`), and hardly stand inside a Latin word (`aí’Ąa` is no
    // Windows-1250 reading of `a풥a`, nor `Éaé’Øa` Windows-1257's of `Éa钨a`, though Han
    // text stands around it). Chinese writes one between two variables (`若a和b`), which
    // costs the same: such clean text has no reading to lose to, and in mojibake the
    // rest of the text outweighs it.
    let latin_letter = |k: Kind| k.is_letter() && k.script == Script::Latin;
    if latin_letter(a) && b.script == Script::Cjk && latin_letter(c) {
        cost += 2;
    }
    // A character of Syriac, Thaana or NKo (or a letter of Arabic's supplement) with none
    // of its script beside it: a legacy reading's chance. It costs more than a rare letter
    // (12): at 12, a C1 control after `Ü` (`Ü\u{85}`, Windows-1252's `…` read as Latin-1)
    // tied with its Syriac reading and was left alone.
    if b.chance_script {
        let beside = |k: Kind| {
            k.chance_script
                || k.class == Class::Edge
                || b.script == Script::Arabic && k.script == b.script
        };
        if !beside(a) && !beside(c) {
            cost += 16;
        }
    }
    // A phonetic letter or modifier with none beside it costs what a rare letter does
    // (12), unless letters or ASCII punctuation stand on both sides (`[paʁi]`, `[ɬ]`): a
    // legacy reading makes one there only from a capital and a symbol inside a word
    // (`paÉ’i`), which text hardly writes. The stress and length marks, and `ʾ` and
    // `ʿ`, stand anywhere.
    if b.ipa && b.class == Class::Rare && !a.ipa && !c.ipa && !b.free_modifier {
        let beside = |k: Kind| k.is_letter() || k.class == Class::AsciiPunct;
        cost += if beside(a) && beside(c) { 2 } else { 10 };
    }
    if a.is_letter() && b.class == Class::Upper && !b.ascii && c.class == Class::Lower {
        cost += 2;
    }
    // `¡` or `¿` between letters: Windows-1252's `Ã¡` (`á`) inside a word, where Spanish
    // writes them before a word (`¡Aquí!`, `¿Dónde?`).
    if a.is_letter() && b.opening_mark && c.is_letter() {
        cost += 2;
    }
    // CP437's reading of a two-byte character, a box-drawing character and a box, shade
    // or sign, with no box drawing before or after it (`a ┬▒ b`, `An ╬▒-amino`, `cidade
    // ├⌐ conhecida`): box drawing draws lines of such characters, never two alone.
    let open = |k: Kind| !k.box_art && k.class != Class::Edge;
    if open(a) && b.cp437_lead && c.cp437_trail {
        cost += 2;
    }
    if a.cp437_lead && b.cp437_trail && open(c) {
        cost += 2;
    }
    if a.is_letter() && b.class == Class::Punct && !b.in_word && c.is_letter() {
        cost += 2;
    }
    // A Latin-1 capital inside a word followed by a dash or quote: `AÄ—` is `Aė` (where
    // `10 Å—` is an ångström and a dash).
    if a.is_letter()
        && b.class == Class::Upper
        && b.latin1
        && !b.a_tilde_or_circumflex
        && c.quote_or_dash
    {
        cost += 2;
    }
    // A Latin-1 capital between two characters of the upper half (`Ñ–Ñ‘`, `Ð¸Ñ€`): two
    // sequences in a row.
    if a.latin1_upper_half
        && !a.is_letter()
        && b.class == Class::Upper
        && b.latin1
        && c.latin1_upper_half
    {
        cost += 3;
    }
    // A lowercase letter inside an all-caps word (`MģÄM`, `SÖģ`). (Ukrainian and Russian
    // end an acronym of capitals in a small inflection: `РОЗМІРу`, `МАСИВі`.)
    if a.class == Class::Upper && b.class == Class::Lower && !b.ascii && c.class == Class::Upper
        || a.class == Class::Upper
            && b.class == Class::Upper
            && c.class == Class::Lower
            && !c.ascii
            && c.script != Script::Cyrillic
    {
        cost += 3;
    }
    // A non-ASCII letter standing alone, a word of its own (`√π` read as `ù`). Not a
    // small Greek letter before ASCII: Latin text writes them as symbols (`the ratio π
    // is`, `an α-amino acid`, `5 μm`), and Greek has words of one (`ο`, `η`), where
    // mojibake's lone Greek letters are leads before a byte read as a symbol.
    let joins =
        |k: Kind| k.is_letter() || k.in_word || matches!(k.class, Class::Mark | Class::Edge);
    let greek_symbol = b.script == Script::Greek && b.class == Class::Lower && c.ascii;
    if !joins(a) && b.is_letter() && !b.ascii && !joins(c) && !greek_symbol {
        cost += 1;
        // A one-letter word with `©`, `®` or `™` after it (`Г©` for `é`): signs follow
        // names.
        if c.sign {
            cost += 2;
        }
    }
    // `Ã` and `Â` end no word: a space after them was the 0xA0 of `à` or a no-break space.
    // But for `Ã` in a word of capitals before a space (Vietnamese `ĐÃ`, `MÃ`; Portuguese
    // `IRMÃ`), where `à`, a small letter, would not stand. (Before a no-break space it is
    // `à` all the same, whole: `AÃ\u{a0}` is `Aà`. No language ends a word in `â`:
    // Vietnamese writes a consonant or a vowel after it, `ÂN`, `CÂY`; so `AÂ\u{a0}` is `A`
    // and a no-break space.)
    if b.a_tilde_or_circumflex
        && (c.ascii && c.class == Class::Space || c.nbsp)
        && (a.class != Class::Upper || b.capital_a_circumflex || c.nbsp)
    {
        cost += 4;
    }
    // A word that ends in a legacy reading's lead of Latin-1's letters (or of Latin
    // Extended-A's) and a letter its encoding has at a continuation byte: `ГЁ`, `ĆØ`,
    // `Ăł` standing alone are `è`, `è`, `ó` (Italian's `è`, Welsh `â`, Norwegian `å`),
    // where real words end so in capitals only, and rarely (`ДОРОГІ`). (Many start so:
    // `Гість`.)
    if a.reads_c3_or_c5 && b.trail_letter && a.script == b.script && !b.romanian && !joins(c) {
        cost += if a.cyrillic_lead { 3 } else { 2 };
    }
    // An accented letter, then two characters of the upper half, the first no quote or
    // dash: a three-byte character (`á»“` for `ồ`). Where the first is a letter of
    // Windows-1250's, ISO-8859-2's, -1253's or -1257's continuation bytes, two letters
    // in a row that no language writes together (`áşż` for `ế`, `įŗæ` for `ế`, `ěť´`
    // for `이`): more.
    let continuation = |k: Kind| {
        k.latin1_upper_half && k.class != Class::Space || k.trail_letter || k.trail_symbol
    };
    if a.lead3 && continuation(b) && !b.quote_or_dash && continuation(c) {
        cost += if b.trail_letter { 2 } else { 1 };
    }
    // An operator, a symbol, then a lowercase letter: `≈°a` is Mac OS Roman's `ša`
    // (where `∆°C`, a unit after an operator, is mathematics).
    if a.class == Class::Math
        && matches!(b.class, Class::Symbol | Class::Punct)
        && !b.ascii
        && !b.sign
        && c.class == Class::Lower
    {
        cost += 2;
    }
    // A letter, a capital of another script, then a no-break space: the space was a byte
    // of the letter (`TΓ\u{a0}i` is Windows-1253's `Tài`).
    if a.is_letter()
        && b.class == Class::Upper
        && !b.ascii
        && a.script != b.script
        && b.script != Script::Latin
        && c.nbsp
    {
        cost += 3;
    }
    // A Latin-1 capital (or `Ă`, `Ć`, `Ĺ`, the Central European and Baltic encodings'
    // 0xC3 and 0xC5), a no-break space, then a lowercase word or a space: the space was a
    // byte of a letter (`Å\u{a0}odolovci` for `Šodolovci`, `Ã\u{a0} ` for `à `,
    // Windows-1250's `GĂ\u{a0}mbi` for `Gàmbi`). The Cyrillic and Greek readings of those
    // bytes (`Е\u{a0}odolovci`, `Ε\u{a0}odolovci`) only before a Latin word: a Russian
    // text may put a no-break space after a one-letter word before its next.
    if a.class == Class::Upper
        && (a.latin1 || a.reads_c3_or_c5)
        && b.class == Class::Space
        && !b.ascii
        && (c.class == Class::Lower && (a.script == Script::Latin || c.script == Script::Latin)
            || c.class == Class::Space)
    {
        cost += 3;
    }
    cost
}

/// The cost of `text`, with the character before it (`before`) and after it (`after`) as
/// context. Between two ASCII characters nothing costs anything, so runs of ASCII are
/// passed over eight bytes at a time.
pub(crate) fn cost(before: Option<char>, text: &str, after: Option<char>) -> i32 {
    costs(before, text, after, SPACE).total
}

/// The cost of a window cut from a text, whose ends are not a text's ends.
pub(crate) fn window_cost(window: &str) -> i32 {
    costs(None, window, None, EDGE).total
}

/// The damage of a window cut from a text (see [`cost_and_damage`]).
pub(crate) fn window_damage(window: &str) -> i32 {
    window_cost_and_damage(window).1
}

/// [`window_cost`] and [`window_damage`] at once.
pub(crate) fn window_cost_and_damage(window: &str) -> (i32, i32) {
    let c = costs(None, window, None, EDGE);
    (c.total, c.damage())
}

/// [`cost`], and how damaged `text` looks: its cost less what its characters cost for
/// being there (one each) and for changing script. Plain words of any script, however
/// many, show no damage.
pub(crate) fn cost_and_damage(text: &str) -> (i32, i32) {
    let c = costs(None, text, None, SPACE);
    (c.total, c.damage())
}

/// [`Reached`] if `text`'s [`cost_and_damage`] are both at least `enough`'s, found out as
/// soon as a start of the text costs that much (a decision on a sample of mojibake needs
/// its cost only to clear a margin over its reading's, which its first characters mostly
/// do); else the cost and damage, in full.
pub(crate) fn cost_and_damage_reach(text: &str, enough: Enough) -> Result<(i32, i32), Reached> {
    let c = costs_until::<true>(None, text, None, SPACE, enough)?;
    if c.total >= enough.total && c.damage() >= enough.damage {
        return Err(Reached);
    }
    Ok((c.total, c.damage()))
}

/// What [`costs`] works out of a text.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Costs {
    /// The text's cost.
    total: i32,
    /// The part of it that comes from changes of script.
    switches: i32,
    /// How many characters of the text are not ASCII (each costs at least one).
    non_ascii: i32,
}

impl Costs {
    /// The cost less what the characters cost for being there (one each) and for
    /// changing script: how damaged the text looks (see [`cost_and_damage`]).
    fn damage(&self) -> i32 {
        self.total - self.switches - self.non_ascii
    }
}

/// The cost of `text`, the part of it that comes from changes of script, and its
/// characters that are not ASCII, counted as the loop passes them: what
/// [`costs_by_kind`] works out, with each character's kind as a number and the costs of
/// three kinds in a row looked up ([`KindTables::step`]), where `costs_by_kind` works out
/// `unary`, `pair` and `triple` for each character: a quarter of the instructions. The
/// loop repeats the reference's bookkeeping of scripts and ASCII runs line for line, so
/// that the two can be read side by side; shared in one small type, it measured 4–5 %
/// slower on Greek, Bulgarian and Bengali mojibake (code layout: +1 % instructions).
fn costs(before: Option<char>, text: &str, after: Option<char>, edge: Kind) -> Costs {
    match costs_until::<false>(before, text, after, edge, Enough::default()) {
        Ok(c) => c,
        Err(Reached) => unreachable!("only a search for enough stops early"),
    }
}

/// A cost and a damage that are enough for a decision: see [`cost_and_damage_reach`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Enough {
    pub(crate) total: i32,
    pub(crate) damage: i32,
}

/// What [`costs_until`] gives where a start of the text costs [`Enough`] already.
#[derive(Debug)]
pub(crate) struct Reached;

/// [`costs`]; with `STOP`, [`Reached`] as soon as the characters so far cost at least
/// `enough` (a text's cost and damage only grow with each character: no cost is
/// negative, and each non-ASCII character costs at least the one its damage leaves out).
/// Without `STOP`, the comparison is not compiled.
#[inline(always)]
fn costs_until<const STOP: bool>(
    before: Option<char>,
    text: &str,
    after: Option<char>,
    edge: Kind,
    enough: Enough,
) -> Result<Costs, Reached> {
    let t = kind_tables();
    let edge_number = if edge == EDGE {
        t.edge
    } else if edge == SPACE {
        t.space
    } else {
        return Ok(costs_by_kind(before, text, after, edge));
    };
    let number_of = |c: Option<char>| c.map_or(Some(edge_number), |c| t.number(c as u32));
    let (Some(first), Some(last)) = (number_of(before), number_of(after)) else {
        return Ok(costs_by_kind(before, text, after, edge));
    };
    let bytes = text.as_bytes();
    let kinds = &t.kinds[..];
    let mut total = 0;
    let mut switches = 0;
    let mut non_ascii = 0;
    let mut prev2 = edge_number;
    let mut prev = first;
    let prev_kind = kinds[usize::from(prev)];
    // Scripts as numbers, as `letter_script` holds them.
    let (none, latin, cjk) = (Script::None as u8, Script::Latin as u8, Script::Cjk as u8);
    let mut script = if prev_kind.is_letter() {
        prev_kind.script as u8
    } else {
        none
    };
    let mut seen: u16 = if script == none { 0 } else { 1 << script };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 && t.ascii[usize::from(prev)] {
            let j = super::scan::next_non_ascii(bytes, i);
            if j > i + 1 {
                if bytes[i..j]
                    .iter()
                    .rev()
                    .take(32)
                    .any(u8::is_ascii_alphabetic)
                {
                    script = latin;
                    seen |= 1 << latin;
                }
                prev = t.low_numbers[usize::from(bytes[j - 2])];
                if j >= i + 3 {
                    prev2 = t.low_numbers[usize::from(bytes[j - 3])];
                }
                i = j - 1;
            }
        }
        let (c, len) = super::scan::code_point_at(bytes, i);
        let Some(number) = t.number(c) else {
            return Ok(costs_by_kind(before, text, after, edge));
        };
        total += t.step(prev2, prev, number);
        non_ascii += i32::from(len > 1);
        let letter_script = t.letter_script[usize::from(number)];
        if letter_script != NO_SCRIPT {
            if script != none && script != letter_script && !t.ascii[usize::from(number)] {
                let bit = 1u16 << letter_script;
                let switch = if seen & bit == 0 && letter_script == cjk {
                    3
                } else {
                    1
                };
                total += switch;
                switches += switch;
            }
            seen |= 1 << letter_script;
            script = letter_script;
        }
        prev2 = prev;
        prev = number;
        i += len;
        if STOP && total >= enough.total && total - switches - non_ascii >= enough.damage {
            return Err(Reached);
        }
    }
    // The end: the meeting with what follows, which costs nothing alone.
    let [a, b, c] = [prev2, prev, last].map(|x| kinds[usize::from(x)]);
    total += pair(b, c) + triple(a, b, c);
    Ok(Costs {
        total,
        switches,
        non_ascii,
    })
}

/// The cost of `text`, the part of it that comes from changes of script, and its
/// characters that are not ASCII, worked out character by character from their kinds: the
/// reference [`costs`] is checked against, and what it falls back on for a character whose
/// kind has no number (none has).
fn costs_by_kind(before: Option<char>, text: &str, after: Option<char>, edge: Kind) -> Costs {
    let bytes = text.as_bytes();
    let t = kind_tables();
    let mut total = 0;
    let mut switches = 0;
    let mut prev2 = edge;
    let mut prev = before.map_or(edge, |c| kind_in(t, c as u32));
    // The script of the last letter of an alphabet with a script of its own: a letter of
    // another one after it, even across a space, costs a little (`HUHLL Յ`).
    let mut script = if prev.is_letter() {
        prev.script
    } else {
        Script::None
    };
    // The scripts the text has used so far, one bit each.
    let mut seen: u16 = if script == Script::None {
        0
    } else {
        1 << (script as u16)
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 && prev.ascii {
            // Skip to the last ASCII byte before the next non-ASCII character: only the
            // pairs around non-ASCII characters cost anything.
            let j = super::scan::next_non_ascii(bytes, i);
            if j > i + 1 {
                // The script of the last letter passed over.
                if bytes[i..j]
                    .iter()
                    .rev()
                    .take(32)
                    .any(u8::is_ascii_alphabetic)
                {
                    script = Script::Latin;
                    seen |= 1 << (Script::Latin as u16);
                }
                // Resume at the last ASCII character, with the two before it as context.
                prev = kind_in(t, u32::from(bytes[j - 2]));
                prev2 = if j >= i + 3 {
                    kind_in(t, u32::from(bytes[j - 3]))
                } else {
                    prev2
                };
                i = j - 1;
            }
        }
        let (c, len) = super::scan::code_point_at(bytes, i);
        let k = kind_in(t, c);
        total += unary(k) + pair(prev, k) + triple(prev2, prev, k);
        if k.is_letter() && !matches!(k.script, Script::None | Script::Other) {
            if script != Script::None && script != k.script && !k.ascii {
                // The first Han, kana or Hangul letter in a text of another script costs
                // more: a lone Han character in a Latin text is rarely what was written.
                let bit = 1u16 << (k.script as u16);
                let switch = if seen & bit == 0 && k.script == Script::Cjk {
                    3
                } else {
                    1
                };
                total += switch;
                switches += switch;
            }
            seen |= 1 << (k.script as u16);
            script = k.script;
        }
        prev2 = prev;
        prev = k;
        i += len;
    }
    // The end of the text is a space.
    let k = after.map_or(edge, |c| kind_in(t, c as u32));
    total += pair(prev, k) + triple(prev2, prev, k);
    Costs {
        total,
        switches,
        non_ascii: text.chars().filter(|c| !c.is_ascii()).count() as i32,
    }
}

/// Whether `window` is nothing but letters of one alphabet, ASCII or spaces, with no
/// capital after a small letter: a plain word, which shows no damage. A quick answer
/// for the candidates clean text is full of (`Від`, `Міл`, `дії`), before [`window_damage`],
/// and never `true` where that says damaged (checked on every window the tests see).
pub(crate) fn plain_letters(window: &str) -> bool {
    let t = kind_tables();
    let mut word = PlainWord::default();
    for c in window.chars() {
        let k = kind_in(t, c as u32);
        // Letters with a case (ASCII ones included; no Han or Devanagari).
        if matches!(k.class, Class::Lower | Class::Upper) {
            if !word.letter(k) {
                return false;
            }
        } else if k.ascii && k.class == Class::Space {
            if !word.space() {
                return false;
            }
        } else {
            return false;
        }
    }
    !word.ends_in_greek_1251()
}

/// The letters of a plain word so far, for [`plain_letters`] and [`plain_words`]: one
/// script (an ASCII letter is Latin), no capital after a small letter (`cafÃ`), no small
/// non-ASCII letter after two capitals (`ККі`, `SÖģ`), no `Ã` or `Â` before a space (the
/// 0xA0 of `à`) or before a Central European letter (`ÂŤ`, `Âť`, nor `Đ` or `Ń`: `Đľ`), no
/// `Ă` or `Ć` before a non-ASCII letter but Romanian's (`Ăźber`, `ĂŠ`), no word that ends
/// in a lead's reading and a letter of a continuation byte (`ГЁ`, see
/// `Kind::trail_letter`), no Greek accented capital after a letter (`ΓΆ`), no letter of
/// Windows-1252's 0x80–0x9F after one of Latin-1 (`Ãœ`), no non-ASCII capital inside a word
/// before a small letter (`CÆb`, `KĂśppen`), at most one word of a lone non-ASCII letter
/// (` Å Å `), no letter that costs more alone (`Ĩ`, see `Kind::uncommon`), no small letter
/// that reads a three-byte lead before two letters of continuation bytes (`áşż`, see
/// `Kind::lead3`), no `ї` or `ѕ` after `В`, `Г`, `Р` or `С`, nor `ў` after `В` (`РЅ`, `Вў`,
/// see `Kind::after_no_consonant`): what the cost charges for.
#[derive(Default)]
struct PlainWord {
    script: Option<Script>,
    prev_lower: bool,
    capitals: u8,
    a_tilde_or_circumflex: bool,
    /// The last letter's [`Kind::plain_lead`]: the letters that may not follow it
    /// (a non-ASCII letter but Romanian's after `Ă`, `Ť` after `Â`, `ї` after `Р`, …),
    /// and whether it was a lead's reading (`PLAIN_LEAD_*`).
    lead_bits: u8,
    /// The count of the word's letters where its last two were a lead's reading and a
    /// letter of a continuation byte (`ГЁ`), if they were: a word that ends there is not
    /// plain.
    lead_and_trail_at: u8,
    /// After a small letter that reads a three-byte lead (`Kind::lead3`): 1;
    /// after such a letter and a letter of a continuation byte: 2 (`áş`); else 0. A
    /// third in a row, or a letter of Windows-1252's 0x80–0x9F, is no plain word (`áşż`,
    /// `áťœ`).
    lead3_trail: u8,
    latin1: bool,
    /// The last letter was a non-ASCII capital after a letter (`KĂ`).
    inner_capital: bool,
    /// A space or punctuation came before the word (not the window's start).
    bounded: bool,
    /// The word's letters so far, and whether its first is not ASCII.
    letters: u8,
    non_ascii: bool,
    /// Words of one non-ASCII letter, with a space or punctuation on both sides.
    lone: u8,
}

impl PlainWord {
    /// Takes a letter; `false` if the word is no longer plain.
    fn letter(&mut self, k: Kind) -> bool {
        if self.script.is_some_and(|s| s != k.script) {
            return false;
        }
        let upper = k.class == Class::Upper;
        if k.uncommon
            || self.prev_lower && upper
            || self.capitals >= 2 && !upper && !k.ascii
            || k.latin1_upper_half && (self.latin1 || self.lead3_trail == 2)
            || self.inner_capital && k.class == Class::Lower
            || self.lead_bits & k.not_plain_after != 0
        {
            return false;
        }
        let mut lead3_trail = u8::from(k.lead3);
        // (Rare: looked at apart, not on every letter's way.)
        if k.trail_letter {
            if self.letters > 0 && k.script == Script::Greek {
                return false;
            }
            // `ГЁ`; and `ОІ`, Windows-1251's reading of a Greek letter (see `triple`).
            if self.lead_bits & PLAIN_LEAD_C3_OR_C5 != 0 && !k.romanian
                || self.lead_bits & PLAIN_LEAD_GREEK_1251 != 0 && k.greek_1251 == GREEK_1251_TRAIL
            {
                self.lead_and_trail_at = self.letters.saturating_add(1);
            }
            match self.lead3_trail {
                1 => lead3_trail = 2,
                2 => return false,
                _ => {}
            }
        }
        self.lead3_trail = lead3_trail;
        self.inner_capital = upper && !k.ascii && self.letters > 0;
        self.script = Some(k.script);
        self.prev_lower = k.class == Class::Lower;
        self.capitals = if upper {
            self.capitals.saturating_add(1)
        } else {
            0
        };
        self.a_tilde_or_circumflex = k.a_tilde_or_circumflex;
        self.lead_bits = k.plain_lead;
        self.latin1 = k.latin1;
        if self.letters == 0 {
            self.non_ascii = !k.ascii;
        }
        self.letters = self.letters.saturating_add(1);
        true
    }

    /// Punctuation: the next letter starts a new word (in the same script). `false` at a
    /// second lone letter.
    fn end(&mut self) -> bool {
        if self.bounded && self.letters == 1 && self.non_ascii {
            self.lone += 1;
        }
        if self.letters > 0 && self.lead_and_trail_at == self.letters {
            return false;
        }
        self.prev_lower = false;
        self.capitals = 0;
        self.a_tilde_or_circumflex = false;
        self.lead_bits = 0;
        self.lead_and_trail_at = 0;
        self.lead3_trail = 0;
        self.latin1 = false;
        self.inner_capital = false;
        self.bounded = true;
        self.letters = 0;
        self.lone < 2
    }

    /// A space: as [`PlainWord::end`]; `false` after `Ã` or `Â` too.
    fn space(&mut self) -> bool {
        let plain = !self.a_tilde_or_circumflex;
        self.end() && plain
    }

    /// Punctuation `k` right after the word's letters: as [`PlainWord::end`]; `false`
    /// where the last letter and `k` read a lead and a continuation byte, which `pair`
    /// and `triple` charge for: `В°`, `Β·` (see [`c2_lead_before_symbol`]), `О·`, and
    /// `О` or `П` as a word before `»`, `„` or `…` (`О»`, `П…`; see `triple`). (After
    /// any `О` or `П`: an end of the window, `О»` of `ГО»`, must not be plainer.)
    fn punctuation(&mut self, k: Kind) -> bool {
        if self.letters > 0
            && (self.lead_bits & NOT_PLAIN_AFTER_C2 != 0 && c2_symbol(k)
                || self.lead_bits & PLAIN_LEAD_GREEK_1251 != 0
                    && (k.middle_dot || k.greek_1251 == GREEK_1251_TRAIL_SIGN))
        {
            return false;
        }
        self.end()
    }

    /// Whether the word ends in `О` or `П` and a letter that makes a Greek letter of them
    /// in Windows-1251 (`ОІ`), which `triple` charges for at a window's end too (or in a
    /// lead's reading and a letter of a continuation byte, `ГЁ`, which it charges before
    /// a non-letter only: the safe side).
    fn ends_in_greek_1251(&self) -> bool {
        self.letters > 0 && self.lead_and_trail_at == self.letters
    }
}

/// [`plain_letters`] for the other alphabets than Latin (Cyrillic, Greek, …), with
/// punctuation too (ASCII, digits, `«»—–…“”`) that has a space or an end of the window on
/// one side: plain words and their punctuation (`я — Д`,
/// `лінії, `, `) і «`), which show no damage where mojibake puts its symbols against
/// letters (`Ð»`, `Г—`). Checked against [`window_damage`] on every window the tests see.
pub(crate) fn plain_words(window: &str) -> bool {
    let t = kind_tables();
    let mut word = PlainWord::default();
    // Whether the previous character was a space, or the window's start.
    let mut after_space = true;
    let mut chars = window.chars().peekable();
    while let Some(c) = chars.next() {
        let k = kind_in(t, c as u32);
        let space = k.ascii && k.class == Class::Space;
        match k.class {
            // Accented Latin letters are what Latin mojibake is made of (`Â -`, a lost
            // no-break space): those windows go to the cost.
            Class::Lower | Class::Upper if !k.ascii && k.script == Script::Latin => return false,
            // An ASCII letter is of the Latin script: none in a window of another one
            // (`Всієїs`), and a small one counts too (`cafÃ` is no plain word).
            Class::Lower | Class::Upper => {
                if !word.letter(k) {
                    return false;
                }
            }
            _ if space => {
                if !word.space() {
                    return false;
                }
            }
            // A low single quote before a letter is how Mac OS Roman reads much (`‚Äì`).
            _ if k.low_quote => return false,
            // A superscript or subscript digit after a space costs (`5 ¹ 2`): such
            // windows go to the cost.
            Class::Digit if !k.ascii => return false,
            Class::AsciiPunct | Class::Digit | Class::Punct => {
                let before_space = chars.peek().is_none_or(|&n| n == ' ');
                if !(after_space || before_space) {
                    return false;
                }
                if !word.punctuation(k) {
                    return false;
                }
            }
            _ if k.quote_or_dash => {
                let before_space = chars.peek().is_none_or(|&n| n == ' ');
                if !(after_space || before_space) {
                    return false;
                }
                if !word.punctuation(k) {
                    return false;
                }
            }
            _ => return false,
        }
        after_space = c == ' ';
    }
    !word.ends_in_greek_1251()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each window shows damage, and neither shortcut calls it plain.
    fn damaged_and_not_plain(windows: &[&str]) {
        for window in windows {
            assert!(window_damage(window) >= 2, "{window}");
            assert!(!plain_letters(window) && !plain_words(window), "{window}");
        }
    }

    /// `В` and `Β` before a Latin-1 symbol cost as damage since the twenty-fourth
    /// session, which the plain words did not know (`α Β· η`, found by the debug build's
    /// check in `best_reading`); Greek's `Β·` in Greek text stays unchanged all the same
    /// (`tests/repair_cases.rs`).
    #[test]
    fn a_c2_lead_before_a_symbol_is_not_plain() {
        damaged_and_not_plain(&["α Β· η", "я В° д", "Β±"]);
        assert!(plain_words("категории «В» и"));
    }

    /// Windows-1251's readings of Greek letters as words (`ОІ`, `О·`, `П…`) cost as damage
    /// since the thirty-fourth session, which the plain words did not know (`. П… П`,
    /// found by the debug build's check in `best_reading`, in CI).
    #[test]
    fn a_greek_letter_read_in_windows_1251_is_not_plain() {
        damaged_and_not_plain(&["the ОІ one", "of О· and", ". П… П", "ОІ", "a Ој b"]);
        assert!(plain_words("Ольга Петровна, Он сказал."));
        assert!(plain_letters("Он и Ольга Петровна"));
    }

    /// The quick answers stop only where the cost charges: `О` or `П` and a letter of a
    /// continuation byte inside a word is plain (Ukrainian's `Під`, `Після`), which a
    /// first version of the step above called damaged, sending every such window of
    /// clean Ukrainian to the cost (+5.9 % of its repair's instructions).
    #[test]
    fn a_greek_1251_lead_inside_a_word_is_plain() {
        for window in ["Під час", "Після війни", "ПІДРОЗДІЛ", "і Під, і", "ОЇ"]
        {
            assert!(plain_letters(window) || plain_words(window), "{window}");
            assert!(window_damage(window) < 2, "{window}");
        }
        // Where a word ends so, the window shows damage (`triple`), at its end too.
        damaged_and_not_plain(&["Пі", "а Ој", "О·", "В°"]);
        assert!(!plain_words("Пі.") && !plain_letters("Пі "));
        // Nor after a longer word: `ГО»` shows no damage, but its end `О»` does, and the
        // end of a plain window must be plain (found by `the_end_of_a_plain_window_is_plain`).
        assert!(!plain_words("ГО»") && !plain_words("О»"));
    }

    /// Windows-1254's `Ğ` at a word's start before a letter of the upper half costs as
    /// damage since the thirty-fifth session (`Ğº` for `к`), which the plain letters
    /// did not know (`Ğť`, found by `plain_windows_show_no_damage` once its alphabet held
    /// `Ğ`, before any build of the debug check met it); inside a word too, for the
    /// windows' ends (`aĞť`). Turkish's own `Ğ` is plain. So with Windows-1252's `Ð`.
    #[test]
    fn a_g_breve_before_a_letter_of_the_upper_half_is_not_plain() {
        damaged_and_not_plain(&["Ğť", "Ğº", "the Ğš", "Ðž", "Ðº"]);
        assert!(!plain_letters("aĞť") && !plain_letters("aÐž"));
        assert!(plain_letters("DAĞ DOĞU YAĞMUR ağaç"));
        assert!(plain_letters("Ðæt ÐÆT"));
    }

    /// Found by fuzzing: `Â` before a small Central European letter and `Ă` before a
    /// small letter of the upper half cost as damage since this session's rules, which
    /// the plain words did not know (`fuzz/regressions/repair/plain_words_a_circumflex_before_central_small`).
    #[test]
    fn a_circumflex_or_breve_before_a_small_letter_is_not_plain() {
        damaged_and_not_plain(&["Âťól", "Ăźber", "Ćŗltimo"]);
        // Romanian's own letter after its `Ă` costs nothing, and is plain.
        assert!(plain_letters("Ăştia"));
    }

    /// `Ă` or `Ć` before a Central European capital costs as damage, and the plain words
    /// know it (the property test below found `ĂŠ` when they did not).
    #[test]
    fn a_breve_or_c_acute_before_a_central_capital_is_not_plain() {
        damaged_and_not_plain(&["ĂŠ", "GNĂŚOMH", "ĆŠ"]);
        // Romanian's capitals after its `Ă` are plain.
        assert!(plain_letters("ĂŞTIA"));
    }

    /// The readings of Greek's lead 0xCE before what follows it in Greek's UTF-8 cost as
    /// damage, and the plain words know it; what French, Romanian and Latvian write after
    /// those letters does not.
    #[test]
    fn a_greek_lead_reading_before_a_letter_is_not_plain() {
        damaged_and_not_plain(&["Îł", "Îą", "Œæ", "œÑ", "Īø", "Īŗ", "Î·"]);
        // Alone before a character of the upper half that is no letter, and `Îş` as a
        // word of two.
        damaged_and_not_plain(&["Ï…", "Ī»", "Ļ„", "Îş", "the Îş-opioid"]);
        for clean in ["œuvre", "Œdipe", "Īss", "Îşi", "col·legi", "À…", "É…"] {
            assert_eq!(window_damage(clean), 0, "{clean}");
        }
        assert!(plain_letters("cœur Īpašs"));
    }

    /// Found by fuzzing: a word of capitals ending in `Ĩ`, which costs more alone than
    /// other letters, was called plain where its cost showed damage.
    #[test]
    fn a_word_with_an_uncommon_letter_is_not_plain() {
        let window = " ÎÃÇĔĨ";
        assert!(window_damage(window) >= 2);
        assert!(!plain_letters(window) && !plain_words(window));
    }

    /// The tables and constants say what `kind` says, for every character.
    #[test]
    fn the_kind_tables_agree_with_kind() {
        let t = kind_tables();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(kind_in(t, c as u32), kind(c), "{c:?}");
        }
    }

    /// Every character's kind has a number, the number of that very kind: `costs` never
    /// falls back on `costs_by_kind`, and looks up the costs of the right kinds.
    #[test]
    fn every_kind_has_a_number() {
        let t = kind_tables();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let number = t.number(c as u32);
            assert_eq!(
                number.map(|n| t.kinds[usize::from(n)]),
                Some(kind(c)),
                "{c:?}"
            );
        }
        for (k, n) in [(CJK, t.cjk), (EDGE, t.edge), (SPACE, t.space)] {
            assert_eq!(t.kinds[usize::from(n)], k);
        }
    }

    /// A text of characters of every class and of the scripts the costs tell apart,
    /// mojibake's and real writing's: ASCII, Latin-1 and Windows-1252, Central European,
    /// Cyrillic, Greek, Armenian, Hebrew, Arabic, Devanagari, combining marks, C1
    /// controls, mathematics, CJK, emoji, a tag, unassigned and private use.
    fn any_text() -> impl Strategy<Value = String> {
        let chars: Vec<char> = "aZ 1,.'-\t\nÃÂÅÆé×÷¤¦¨°©®™ĂŞŤŻđİĨДдіΓγΆԱաՙאבعدकि\u{301}\u{a0}\u{85}\u{9d}√∆≈∫“”‘’‚„…—•€ˆ‡▒│日本語かカ한\u{1f600}\u{e0041}\u{378}\u{e000}ʃ"
            .chars()
            .collect();
        // Runs of ASCII too, which `costs` passes over to their last two characters.
        let piece = prop_oneof![
            proptest::sample::select(chars).prop_map(String::from),
            "[a-zA-Z0-9 ,.'-]{1,6}",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The looked-up costs are those worked out character by character, with any
        /// neighbours, at a text's ends and a window's.
        #[test]
        fn looked_up_costs_are_those_worked_out(
            text in any_text(),
            before in proptest::option::of(proptest::char::any()),
            after in proptest::option::of(proptest::char::any()),
        ) {
            for edge in [SPACE, EDGE] {
                prop_assert_eq!(
                    costs(before, &text, after, edge),
                    costs_by_kind(before, &text, after, edge),
                    "{:?} {:?} {:?}", before, text, after
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// A search for enough cost and damage, which stops at the first characters that
        /// cost that much, says they are reached exactly where the full cost and damage
        /// reach them, and gives them in full where they are not: no character lowers
        /// either.
        #[test]
        fn enough_is_reached_where_the_full_cost_reaches_it(
            text in any_text(),
            total in 0i32..300,
            damage in 0i32..120,
        ) {
            let enough = Enough { total, damage };
            let (full_total, full_damage) = cost_and_damage(&text);
            let reaches = full_total >= total && full_damage >= damage;
            match cost_and_damage_reach(&text, enough) {
                Err(Reached) => prop_assert!(reaches, "{:?} {:?}", text, enough),
                Ok(c) => {
                    prop_assert!(!reaches, "{:?} {:?}", text, enough);
                    prop_assert_eq!(c, (full_total, full_damage));
                }
            }
        }
    }

    /// Characters the quick checks and the cost treat differently: ASCII letters, spaces
    /// and punctuation, Latin-1 letters (`Ã`, `Â` among them), Windows-1252's letters of
    /// 0x80–0x9F, Cyrillic and Greek of both cases, one-letter words, quotes and dashes,
    /// Central European leads, small letters and capitals, superscript and subscript
    /// digits, IPA, Spanish opening marks, CP437's box drawing, leads' readings and
    /// letters of continuation bytes (`ГЁ`, `ΓΆ`, `ĆØ`), three bytes' leads' readings
    /// before two of those (`áşż`, `įŗæ`), Windows-1251's readings of Greek letters
    /// (`ОІ`, `Пј`) and of 0xC2 before a symbol (`В°`).
    const ALPHABET: &str =
        "aZk ,.([-1ÃÂÅÆéöÐœšŸŤŻДЖКдиіїΆΑαώ«»—–…“”‘’‚„·×ĂĆĹťşąźłŠ¹⁴₂ɪəˈʿ¡┬▒\u{a0}ГЁΓØáįĺżŗæΈОПјВ°ĐĞŃºÐ";

    fn window() -> impl Strategy<Value = String> {
        let chars: Vec<char> = ALPHABET.chars().collect();
        proptest::collection::vec(proptest::sample::select(chars), 1..9)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        /// The word-at-a-time skips agree with the plain loop.
        #[test]
        fn word_at_a_time_skip_matches_the_plain_loop(text in "[a-z \u{e9}\u{416}\u{2013}\u{1f600}]{0,80}", from in 0usize..80) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let plain = bytes[from..].iter().position(|&b| b >= 0x80).map_or(bytes.len(), |p| from + p);
            prop_assert_eq!(super::super::scan::next_non_ascii(bytes, from), plain);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The quick answers never call a window plain where the cost says damaged: they
        /// only spare the cost its work.
        #[test]
        fn plain_windows_show_no_damage(w in window()) {
            if plain_letters(&w) {
                prop_assert!(window_damage(&w) < 2, "plain_letters({w:?})");
            }
            if plain_words(&w) {
                prop_assert!(window_damage(&w) < 2, "plain_words({w:?})");
            }
        }

        /// Every end of a plain window is plain: the decision stops at the first plain
        /// window of a candidate, as the later ones are its ends.
        #[test]
        fn the_end_of_a_plain_window_is_plain(w in window()) {
            for (i, _) in w.char_indices().skip(1) {
                let end = &w[i..];
                if plain_letters(&w) {
                    prop_assert!(plain_letters(end), "{w:?}, {end:?}");
                }
                if plain_words(&w) {
                    prop_assert!(plain_words(end), "{w:?}, {end:?}");
                }
            }
        }
    }
}
