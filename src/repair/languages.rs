//! Which languages write a text's accented Latin letters: what breaks a tie between two
//! readings of the same mojibake that cost the same.
//!
//! Windows-1250 and ISO-8859-2 (and Windows-1252 and Windows-1257) put different letters
//! at many of the same bytes, so one mojibake often reads as two plausible words: `ÄŤ` is
//! `č` in one and `ī` in the other, `ĂĄ` is `å` or `á`. The cost cannot tell them apart.
//! What can: the letters of a real text come from one language (`ŝanĝo`, not `ůanįo`), and
//! a letter of the large languages is the likelier one when nothing else tells (`č`
//! before Latvian's `ī`). A reading whose letters no language writes together loses to
//! one whose letters one does; then a reading with a rarer letter than all the others
//! have loses. Where a letter stands counts once: `ß` follows a vowel in every word that
//! writes it, so `ßber` (ISO-8859-2's `Ăźber` read in Windows-1250) is no word, and
//! `groß` is likelier than `groü`. Letters as common as each other (`å` and `á`) settle
//! nothing: the text is left as it is.

/// The accented letters (lowercase) each of the languages written in Latin letters that
/// the legacy encodings served writes.
const LANGUAGES: &[&str] = &[
    "àâæçéèêëîïôœùûüÿ",          // French
    "äöüß",                      // German
    "áéíñóúü",                   // Spanish
    "áâãàçéêíóôõú",              // Portuguese
    "àèéìíîòóùú",                // Italian
    "àçèéíïòóúüŀ",               // Catalan
    "äëïöüéèáóú",                // Dutch
    "åæøéóâôè",                  // Danish, Norwegian
    "åäöé",                      // Swedish
    "äöåšžõü",                   // Finnish, Estonian
    "áðéíóúýþæöø",               // Icelandic, Faroese
    "ąćęłńóśźż",                 // Polish
    "áčďéěíňóřšťúůýžäĺľôŕ",      // Czech, Slovak
    "áéíóöőúüű",                 // Hungarian
    "ăâîșțşţ",                   // Romanian
    "čćđšž",                     // Croatian, Serbian, Bosnian, Slovenian
    "çğıöşüâîûəäñýňž",           // Turkish, Azerbaijani, Tatar, Turkmen
    "āčēģīķļņšūž",               // Latvian
    "ąčęėįšųūž",                 // Lithuanian
    "ĉĝĥĵŝŭ",                    // Esperanto
    "ċġħżàèìòù",                 // Maltese
    "âêîôûŵŷáéíóúàèìòùäëïöüÿ",   // Welsh
    "àáâãèéêìíòóôõùúýăđĩũơư",    // Vietnamese (and its letters past U+1E00)
    "çë",                        // Albanian
    "áéíóúàèìòù",                // Irish, Scottish Gaelic
    "áčđŋšŧž",                   // Sami
    "āčēģīķļņōšūž",              // Latgalian
    "âêîôûùüñ",                  // Breton
    "êëôîûéèá",                  // Afrikaans
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", // Pinyin
    "āēīōū",                     // Māori, Hawaiian, Japanese in Hepburn
    "āīūśñēō",                   // Sanskrit and Indic names (IAST)
];

/// The bit of the Vietnamese language in [`LANGUAGES`].
const VIETNAMESE: u32 = 1 << 22;

/// The first code point of [`table`].
const TABLE_START: u32 = 0xC0;

/// For U+00C0–U+024F, the languages that write each letter, one bit each in the order of
/// [`LANGUAGES`] (none for a letter no language of the list writes), all bits for what
/// is no letter (`×`, `÷`).
fn table() -> Vec<u32> {
    let mut table: Vec<u32> = (TABLE_START..0x250)
        .map(|u| match char::from_u32(u) {
            Some(c) if c.is_alphabetic() => 0,
            _ => u32::MAX,
        })
        .collect();
    for (bit, letters) in LANGUAGES.iter().enumerate() {
        for lower in letters.chars() {
            for c in std::iter::once(lower).chain(lower.to_uppercase()) {
                if let Some(slot) = (c as u32)
                    .checked_sub(TABLE_START)
                    .and_then(|i| table.get_mut(i as usize))
                {
                    *slot |= 1 << bit;
                }
            }
        }
    }
    // `İ` is the capital of `i`, which Turkish writes, as it does `ı`.
    table[('İ' as u32 - TABLE_START) as usize] = table[('ı' as u32 - TABLE_START) as usize];
    table
}

/// The languages that write `c`, one bit each in the order of [`LANGUAGES`]; `None` for
/// a character that is no accented Latin letter (ASCII, other scripts, symbols).
fn languages_of(c: char) -> Option<u32> {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let u = c as u32;
    // Vietnamese's letters with two marks (U+1EA0–U+1EF9).
    if (0x1EA0..=0x1EF9).contains(&u) {
        return Some(VIETNAMESE);
    }
    let i = u.checked_sub(TABLE_START)?;
    match TABLE.get_or_init(table).get(i as usize) {
        Some(&u32::MAX) | None => None,
        Some(&languages) => Some(languages),
    }
}

/// The languages that write every accented Latin letter of `text` (all of them when it
/// holds none), or `None` when `text` holds a letter of another script, which this cannot
/// judge. `before` is the character before `text`, if any. A `ß` that follows no vowel
/// is written by no language ([`sharp_s_follows_vowels`]).
fn languages_of_text(before: Option<char>, text: &str) -> Option<u32> {
    let mut mask = u32::MAX;
    for c in text.chars() {
        if let Some(m) = languages_of(c) {
            mask &= m;
        } else if !c.is_ascii() && c.is_alphabetic() {
            return None;
        }
    }
    if mask != 0 && !sharp_s_follows_vowels(before, text) {
        mask = 0;
    }
    Some(mask)
}

/// Whether `c` is a vowel German writes before `ß`, plain or accented (not `y`: Turkic
/// languages write `yü`, `Ăź` in ISO-8859-2, which would read as `yß`).
fn is_vowel(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    "aeiouäöüáéíóúàèìòùâêîôûëï".contains(lower)
}

/// Whether every `ß` of `text` (`before` it: the character before `text`, if any) follows
/// a vowel, as in every word that writes one (`groß`, `heißt`, `Straße`, `Äußeres`). The
/// mojibake of `ü` through ISO-8859-2, `Ăź`, reads as `ß` in Windows-1250: `Ăźber` as
/// `ßber`, `frĂźh` as `frßh`.
fn sharp_s_follows_vowels(before: Option<char>, text: &str) -> bool {
    let mut previous = before;
    for c in text.chars() {
        if c == 'ß' && !previous.is_some_and(is_vowel) {
            return false;
        }
        previous = Some(c);
    }
    true
}

/// Of two readings whose letters are as common as each other's, the first (`Some(true)`)
/// or the second (`Some(false)`) when they differ only where one has `ß` and the other
/// `ü`: the `ß`, each of which follows a vowel (see [`sharp_s_follows_vowels`]), where
/// `ü` hardly ever does (`groĂź` is `groß` in Windows-1250, `groü` in ISO-8859-2).
/// `None` otherwise: `ü` and `å` (`ĂĽ`), `å` and `á` (`ĂĄ`) settle nothing.
fn likelier_of_two(first: &str, second: &str) -> Option<bool> {
    let mut side = None;
    let (mut a, mut b) = (first.chars(), second.chars());
    loop {
        let (x, y) = match (a.next(), b.next()) {
            (None, None) => return side,
            (Some(x), Some(y)) => (x, y),
            _ => return None,
        };
        if x == y {
            continue;
        }
        let first_wins = match (x, y) {
            ('ß', 'ü') => true,
            ('ü', 'ß') => false,
            _ => return None,
        };
        if side.is_some_and(|s| s != first_wins) {
            return None;
        }
        side = Some(first_wins);
    }
}

/// How rarely the accented Latin letters of `text` are written: the rarest one's tier,
/// 0 (a letter of the large languages, or none), 1 (letters of one or two smaller
/// languages: Latvian, Lithuanian, Icelandic, Slovak's rarer ones, Vietnamese's `ơ` and
/// `ư`) or 2 (Esperanto's, Welsh's, Maltese's, Sami's, and the rest of Latin
/// Extended-B but Romanian's `ș`, `ț` and the schwa).
fn rarity(text: &str) -> u8 {
    text.chars()
        .filter(|&c| languages_of(c).is_some())
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            match lower {
                'ĉ' | 'ĝ' | 'ĥ' | 'ĵ' | 'ŝ' | 'ŭ' | 'ŵ' | 'ŷ' | 'ħ' | 'ċ' | 'ġ' | 'ŋ' | 'ŧ'
                | 'ĸ' | 'ŀ' | 'ō' | 'ŗ' | 'ĭ' | 'ŏ' | 'ĕ' | 'ÿ' | 'ŉ' | 'ĳ' | 'ĩ' | 'ũ' | 'ĺ'
                | 'ŕ' => 2,
                'ī' | 'ķ' | 'ļ' | 'ņ' | 'ģ' | 'ē' | 'ā' | 'ū' | 'ė' | 'į' | 'ų' | 'ð' | 'þ'
                | 'ľ' | 'ť' | 'ď' | 'ň' | 'ư' | 'ơ' => 1,
                'ș' | 'ț' | 'ə' => 0,
                _ if (0x0180..=0x024F).contains(&(lower as u32)) => 2,
                _ => 0,
            }
        })
        .max()
        .unwrap_or(0)
}

/// Of readings that cost the same (each different from the others), the one whose
/// letters are clearly the likeliest (see the module documentation), if one is: the only
/// one whose letters one language writes together, or else the only one with no letter
/// as rare as the others' rarest.
///
/// With `first_preferred` (the first reading is Windows-1252's, which made most of the
/// mojibake there is), the first wins unless its letters go together in no language and
/// exactly one other reading's do.
pub(crate) fn clear_winner<'a>(
    readings: impl IntoIterator<Item = (Option<char>, &'a str)>,
    first_preferred: bool,
) -> Option<usize> {
    let mut judged = Vec::new();
    for (i, (before, reading)) in readings.into_iter().enumerate() {
        let Some(languages) = languages_of_text(before, reading) else {
            return first_preferred.then_some(0);
        };
        judged.push((i, languages != 0, rarity(reading), reading));
    }
    if first_preferred && judged.first().is_some_and(|j| j.1) {
        return Some(0);
    }
    if judged.iter().any(|j| j.1) {
        judged.retain(|j| j.1);
    }
    if let [only] = judged[..] {
        return Some(only.0);
    }
    if first_preferred {
        return Some(0);
    }
    let least = judged.iter().map(|j| j.2).min()?;
    match judged.iter().filter(|j| j.2 == least).collect::<Vec<_>>()[..] {
        [only] => Some(only.0),
        [a, b] => match likelier_of_two(a.3, b.3)? {
            true => Some(a.0),
            false => Some(b.0),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Readings with nothing before them.
    fn alone<const N: usize>(readings: [&str; N]) -> [(Option<char>, &str); N] {
        readings.map(|reading| (None, reading))
    }

    /// `ß` follows a vowel or is written by no language; between a reading with `ß` and
    /// one with `ü` in its place, each as common, the `ß` after a vowel wins.
    #[test]
    fn sharp_s_follows_a_vowel() {
        assert_ne!(
            languages_of_text(None, "groß Straße heißt Äußeres"),
            Some(0)
        );
        for wrong in ["ßber", "frßh", "yßklemek", "Aß ßa"] {
            assert_eq!(languages_of_text(None, wrong), Some(0), "{wrong}");
        }
        assert_eq!(
            languages_of_text(Some('o'), "ß"),
            Some(languages_of('ß').unwrap())
        );
        assert_eq!(languages_of_text(Some('r'), "ß"), Some(0));
        assert_eq!(clear_winner(alone(["frßh", "früh"]), false), Some(1));
        assert_eq!(clear_winner(alone(["groü", "groß"]), false), Some(1));
        assert_eq!(clear_winner(alone(["Außen", "Auüen"]), false), Some(0));
        assert_eq!(
            clear_winner([(Some(' '), "ß"), (Some(' '), "ü")], false),
            Some(1)
        );
        assert_eq!(
            clear_winner([(Some('o'), "ß"), (Some('o'), "ü")], false),
            Some(0)
        );
        // Other differences beside, or others alone: nothing settled by this.
        assert_eq!(likelier_of_two("Außen så", "Auüen sá"), None);
        assert_eq!(likelier_of_two("Außen", "Auüen"), Some(true));
        assert_eq!(likelier_of_two("Außen", "Außen"), None);
        assert_eq!(likelier_of_two("Auße", "Auüen"), None);
        assert_eq!(clear_winner(alone(["früh", "fråh"]), false), None);
    }

    #[test]
    fn letters_one_language_writes_together_win() {
        assert_eq!(clear_winner(alone(["ůanįojn", "ŝanĝojn"]), false), Some(1));
        assert_eq!(
            clear_winner(alone(["nøkkel så", "nøkkel sü"]), false),
            Some(0)
        );
    }

    #[test]
    fn windows_1252_keeps_a_tie_unless_its_letters_go_together_nowhere() {
        assert_eq!(clear_winner(alone(["ůanįojn", "ŝanĝojn"]), true), Some(1));
        assert_eq!(
            clear_winner(alone(["učitavanje", "uītavanje"]), true),
            Some(0)
        );
        assert_eq!(clear_winner(alone(["ĩ", "č"]), true), Some(0));
        assert_eq!(clear_winner(alone(["é", "й"]), true), Some(0));
    }

    /// The table against the lists read the plain way, letter by letter.
    #[test]
    fn table_matches_the_lists() {
        let table = table();
        for (i, &languages) in table.iter().enumerate() {
            let c = char::from_u32(TABLE_START + i as u32).expect("no surrogates here");
            if !c.is_alphabetic() {
                assert_eq!(languages, u32::MAX, "{c}");
                continue;
            }
            let lower = if c == 'İ' {
                'ı'
            } else {
                c.to_lowercase().next().unwrap()
            };
            let plain = LANGUAGES
                .iter()
                .enumerate()
                .filter(|(_, letters)| letters.contains(lower) || letters.contains(c))
                .fold(0, |mask, (bit, _)| mask | 1 << bit);
            assert_eq!(languages, plain, "{c}");
        }
        assert!(LANGUAGES.len() <= 32, "one bit a language in a u32");
        assert!(
            LANGUAGES[22].contains('ư'),
            "VIETNAMESE is the Vietnamese row"
        );
    }

    #[test]
    fn names_of_many_languages_are_written_by_one() {
        for name in [
            "Běijīng",
            "Tōkyō",
            "Mañjuśrī",
            "İstanbul",
            "Ğädäti",
            "Dvořák",
            "Łódź",
            "Nguyễn",
            "Ærøskøbing",
            "Þórr",
        ] {
            assert_ne!(languages_of_text(None, name), Some(0), "{name}");
        }
        assert_eq!(languages_of_text(None, "Ăł"), Some(0));
        assert_eq!(languages_of_text(None, "Привет"), None);
    }

    #[test]
    fn a_less_rare_letter_wins() {
        assert_eq!(
            clear_winner(alone(["učitavanje", "uītavanje"]), false),
            Some(0)
        );
        assert_eq!(clear_winner(alone(["Greška", "Greŷka"]), false), Some(0));
        assert_eq!(clear_winner(alone(["ūdens", "ōdens"]), false), Some(0));
    }

    #[test]
    fn letters_as_common_and_other_scripts_break_no_tie() {
        assert_eq!(clear_winner(alone(["så", "sá"]), false), None);
        assert_eq!(clear_winner(alone(["restroù", "restroñ"]), false), None);
        assert_eq!(clear_winner(alone(["é", "й"]), false), None);
    }
}
