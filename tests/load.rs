//! Reading files: legacy bytes to text (`decode_bytes`), documents that own their text
//! (`OwnedDocument`) and the one-call loader (`load`) with errors that name the file
//! (issue #14, items 2 and 11).

mod common;

use std::borrow::Cow;
use std::fs;

use common::{corpus, names, reference};
use wikimd::load::{decode_bytes, Fallback};
use wikimd::repair::Encoding;
use wikimd::{ErrorKind, OwnedDocument};

/// The encoding a corpus language was written in before UTF-8, when it has one among the
/// readings wikimd knows.
fn legacy_encoding(lang: &str) -> Option<(Encoding, &'static encoding_rs::Encoding)> {
    match lang {
        "en" | "de" => Some((Encoding::Windows1252, encoding_rs::WINDOWS_1252)),
        "uk" | "bg" => Some((Encoding::Windows1251, encoding_rs::WINDOWS_1251)),
        "el" => Some((Encoding::Windows1253, encoding_rs::WINDOWS_1253)),
        "ltg" => Some((Encoding::Windows1257, encoding_rs::WINDOWS_1257)),
        _ => None,
    }
}

/// Every paragraph of the clean corpus with some non-ASCII text that the language's legacy
/// encoding can hold, saved in it: the guess must name that encoding, or one that reads
/// the same bytes as the same text.
#[test]
fn the_guess_reads_legacy_paragraphs_as_they_were_written() {
    let (mut tried, mut wrong) = (0, Vec::new());
    for name in names() {
        let lang = name.split('_').nth(1).unwrap();
        let Some((expected, codec)) = legacy_encoding(lang) else {
            continue;
        };
        let text = fs::read_to_string(corpus().join("clean").join(format!("{name}.md"))).unwrap();
        for paragraph in text.split("\n\n") {
            let non_ascii = paragraph.chars().filter(|c| !c.is_ascii()).count();
            let (bytes, _, unmappable) = codec.encode(paragraph);
            if non_ascii < 8 || unmappable {
                continue;
            }
            tried += 1;
            let decoded = decode_bytes(&bytes, Fallback::Guess).unwrap();
            assert!(decoded.guessed);
            if decoded.text != paragraph {
                wrong.push((
                    name.clone(),
                    expected,
                    decoded.encoding,
                    paragraph.to_string(),
                ));
            }
        }
    }
    assert!(tried > 150, "{tried} paragraphs");
    // At most 2 % read wrongly; print them.
    for (name, expected, got, paragraph) in &wrong {
        let start: String = paragraph.chars().take(80).collect();
        eprintln!("{name}: {expected:?} read as {got:?}: {start}");
    }
    assert!(
        wrong.len() * 50 <= tried,
        "{} of {tried} read wrongly",
        wrong.len()
    );
}

/// A sentence in each language the readings serve, saved in each encoding that can hold
/// it: the guess reads it back exactly (short texts, where a wrong reading is easiest).
/// Not tried: this Spanish sentence in Mac OS Roman, whose four accented letters are all
/// punctuation in Windows-1250 (`pingźino`, `kil—metros`, `fr’o`, `a–oraba`), which the
/// guess takes (see `Fallback::Guess`).
#[test]
fn the_guess_reads_a_sentence_of_each_language_in_each_of_its_encodings() {
    use Encoding::*;
    let sentences: [(&str, &[Encoding]); 14] = [
        ("Voix ambiguë d'un cœur qui au zéphyr préfère les jattes de kiwis.", &[Windows1252, MacRoman]),
        ("Falsches Üben von Xylophonmusik quält jeden größeren Zwerg.", &[Windows1252, MacRoman, Cp437, Windows1250, Iso8859_2, Windows1257]),
        ("El pingüino Wenceslao hizo kilómetros bajo exhaustiva lluvia y frío, añoraba a su querido cachorro.", &[Windows1252, Cp437]),
        ("À noite, vovô Kowalsky vê o ímã cair no pé do pinguim queixoso e vovó põe açúcar no chá de tâmaras do jabuti feliz.", &[Windows1252, MacRoman]),
        ("Kæmi ný öxi hér, ykist þjófum nú bæði víl og ádrepa.", &[Windows1252]),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", &[Windows1250, Iso8859_2]),
        ("Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.", &[Windows1250, Iso8859_2, Windows1257]),
        ("Árvíztűrő tükörfúrógép.", &[Windows1250, Iso8859_2]),
        ("Pijamalı hasta yağız şoföre çabucak güvendi.", &[Windows1254]),
        ("Įlinkdama fechtuotojo špaga sublykčiojusi pragręžė apvalų arbūzą.", &[Windows1257]),
        ("Glāžšķūņa rūķīši dzērumā čiepj Baha koncertflīģeļu vākus.", &[Windows1257]),
        ("Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.", &[Windows1253]),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.", &[Windows1251]),
        ("Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!", &[Windows1251]),
    ];
    let mut wrong = Vec::new();
    for (sentence, encodings) in sentences {
        for &encoding in encodings {
            let bytes = encode(sentence, encoding);
            let decoded = decode_bytes(&bytes, Fallback::Guess).unwrap();
            if decoded.text != sentence {
                wrong.push(format!(
                    "{encoding} read as {:?}: {}",
                    decoded.encoding, decoded.text
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `text` in a single-byte encoding, through the table `decode_bytes` reads it with.
fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let all: Vec<u8> = (0..=255).collect();
    let table = decode_bytes(&all, Fallback::Encoding(encoding))
        .unwrap()
        .text;
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| {
            table
                .chars()
                .position(|t| t == c)
                .unwrap_or_else(|| panic!("{c} in {encoding}")) as u8
        })
        .collect();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "{text} in {encoding} is UTF-8"
    );
    bytes
}

#[test]
fn a_named_encoding_reads_the_whole_file_and_utf8_is_never_decoded_again() {
    let latin1 = b"---\ntitle: Caf\xe9\n---\n\nNa\xefve \xa9 2024\n";
    let decoded = decode_bytes(latin1, Fallback::Encoding(Encoding::Windows1252)).unwrap();
    assert_eq!(decoded.text, "---\ntitle: Café\n---\n\nNaïve © 2024\n");
    assert_eq!(decoded.encoding, Some(Encoding::Windows1252));
    assert!(!decoded.guessed);
    // Every byte reads as something: an undefined byte as the C1 control of its number.
    let decoded = decode_bytes(b"\x81", Fallback::Encoding(Encoding::Windows1252)).unwrap();
    assert_eq!(decoded.text, "\u{81}");
    // Valid UTF-8, whatever the fallback, is the text itself, borrowed.
    for fallback in [
        Fallback::None,
        Fallback::Guess,
        Fallback::Encoding(Encoding::Cp437),
    ] {
        let decoded = decode_bytes("Ĉu vi?".as_bytes(), fallback).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("Ĉu vi?")));
        assert_eq!((decoded.encoding, decoded.guessed), (None, false));
    }
    let err = decode_bytes(b"ok\nna\xefve", Fallback::None).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8);
    assert_eq!((err.line(), err.column(), err.offset()), (2, 3, 5));
}

#[test]
fn encoding_names_parse_as_the_command_takes_them() {
    for encoding in Encoding::ALL {
        assert_eq!(encoding.name().parse::<Encoding>(), Ok(encoding));
        assert_eq!(
            encoding.name().to_uppercase().parse::<Encoding>(),
            Ok(encoding)
        );
    }
    for (alias, encoding) in [
        ("latin1", Encoding::Windows1252),
        ("iso-8859-1", Encoding::Windows1252),
        ("cp1251", Encoding::Windows1251),
        ("mac-roman", Encoding::MacRoman),
        ("ibm437", Encoding::Cp437),
    ] {
        assert_eq!(alias.parse::<Encoding>(), Ok(encoding), "{alias}");
    }
    assert!("utf-16".parse::<Encoding>().is_err());
}

/// An owned document gives what `parse` of the same text gives, for every corpus document,
/// and keeps the very string it was given when there is nothing to repair.
#[test]
fn owned_documents_are_the_borrowed_ones_without_a_copy() {
    for name in names() {
        for kind in ["clean", "mojibake"] {
            let text = fs::read_to_string(corpus().join(kind).join(format!("{name}.md"))).unwrap();
            let repaired = wikimd::repair(&text).into_owned();
            let address = text.as_ptr();
            let owned = OwnedDocument::repair_and_parse(text.clone()).unwrap();
            assert_eq!(owned.text(), repaired, "{kind}/{name}");
            assert_eq!(owned.document(), &wikimd::parse(&repaired).unwrap());
            let json = serde_json::to_value(&owned).unwrap();
            assert_eq!(json, reference(&name), "{kind}/{name}");
            if kind == "clean" {
                let owned = OwnedDocument::repair_and_parse(text).unwrap();
                let back = owned.into_text();
                assert_eq!(back.as_ptr(), address, "{name}: copied");
            }
        }
    }
}

#[test]
fn load_names_the_file_in_every_error_and_places_it_in_the_file_as_read() {
    let dir = tempfile::tempdir().unwrap();
    // Mojibake before the error: positions in the repaired text would be columns earlier.
    let broken = dir.path().join("broken.md");
    fs::write(&broken, "---\ntitle: CafÃ© Ã© Ã©\ninfoboxes: 5\n---\n").unwrap();
    let err = wikimd::load(&broken).unwrap_err();
    assert_eq!(err.path(), Some(broken.as_path()));
    assert!(matches!(err.kind(), ErrorKind::WrongType { .. }));
    assert_eq!((err.line(), err.column()), (3, 12));
    assert_eq!(
        &fs::read(&broken).unwrap()[err.offset()..err.offset() + 1],
        b"5"
    );
    assert!(err
        .to_string()
        .starts_with(&format!("{}:3:12: `infoboxes`", broken.display())));

    let latin1 = dir.path().join("latin1.md");
    fs::write(&latin1, b"caf\xe9").unwrap();
    let err = wikimd::load(&latin1).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8);
    assert_eq!((err.path(), err.offset()), (Some(latin1.as_path()), 3));

    let missing = dir.path().join("missing.md");
    let err = wikimd::load(&missing).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::Io {
            kind: std::io::ErrorKind::NotFound,
            ..
        }
    ));
    assert_eq!(err.path(), Some(missing.as_path()));
    assert!(err
        .to_string()
        .starts_with(&format!("{}: ", missing.display())));

    let fine = dir.path().join("fine.md");
    fs::write(&fine, "---\ntitle: CafÃ©\n---\n\nText.").unwrap();
    let owned = wikimd::load(&fine).unwrap();
    assert_eq!(owned.document().title().unwrap(), "Café");
}
