//! `Serialize` for the body model: the `sections` of the `wikimd parse` JSON.

use super::*;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

struct Texts<'s, 'a>(&'s [Inline<'a>], Option<usize>);

impl Serialize for Texts<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let width = self.1.unwrap_or(self.0.len());
        let mut seq = s.serialize_seq(Some(width))?;
        for i in 0..width {
            match self.0.get(i) {
                Some(inline) => inline.with_text(true, |text| seq.serialize_element(text))?,
                None => seq.serialize_element("")?,
            }
        }
        seq.end()
    }
}

impl Serialize for Inline<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_text(true, |text| s.serialize_str(text))
    }
}

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Texts(&self.items, None).serialize(s)
    }
}

impl Serialize for Table<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Rows<'s, 'a>(&'s Table<'a>);
        impl Serialize for Rows<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.row_count()))?;
                for row in self.0.rows() {
                    seq.serialize_element(&Texts(row, Some(self.0.header().len())))?;
                }
                seq.end()
            }
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("header", &Texts(self.header(), None))?;
        map.serialize_entry("rows", &Rows(self))?;
        map.end()
    }
}

impl Serialize for Figure<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        self.alt
            .with_text(false, |alt| map.serialize_entry("alt", alt))?;
        map.serialize_entry("url", self.url())?;
        map.serialize_entry("file", &self.file())?;
        map.end()
    }
}

/// A section as the `wikimd parse` JSON: level, title, paragraphs, lists, tables,
/// figures.
impl Serialize for Section<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("level", &self.level)?;
        map.serialize_entry("title", &self.title)?;
        let blocks = self.blocks.iter();
        map.serialize_entry(
            "paragraphs",
            &Each(blocks.clone().filter_map(|b| match b {
                Block::Paragraph(p) => Some(p),
                _ => None,
            })),
        )?;
        map.serialize_entry(
            "lists",
            &Each(blocks.clone().filter_map(|b| match b {
                Block::List(l) => Some(l),
                _ => None,
            })),
        )?;
        map.serialize_entry(
            "tables",
            &Each(blocks.clone().filter_map(|b| match b {
                Block::Table(t) => Some(&**t),
                _ => None,
            })),
        )?;
        map.serialize_entry(
            "figures",
            &Each(blocks.filter_map(|b| match b {
                Block::Figure(f) => Some(&**f),
                _ => None,
            })),
        )?;
        map.end()
    }
}

/// The blocks of one kind as an array, serialized as they are read (where each kind was
/// first collected into a vector: four a section).
struct Each<I>(I);

impl<I> Serialize for Each<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}
