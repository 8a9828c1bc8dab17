//! The document model: front matter (infoboxes and the other keys) and body.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use crate::body::{Figure, Section};
use crate::error::{Error, ErrorKind};
use crate::text::Text;
use crate::value::{Mapping, Scalar, ScalarKind, Value};

/// A parsed document. It borrows from the input; [`Document::into_owned`] makes it
/// `'static`.
///
/// ```
/// let input = "---\ntitle: Mali\ninfoboxes: []\n---\n\n## History\n\nIt was French.";
/// let doc = wikimd::parse(input)?;
/// assert_eq!(doc.title().unwrap(), "Mali");
/// assert_eq!(doc.sections()[1].title(), "History");
/// # Ok::<(), wikimd::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    pub(crate) front_matter: Option<FrontMatter<'a>>,
    pub(crate) body: Cow<'a, str>,
    pub(crate) body_span: Range<usize>,
    pub(crate) sections: Vec<Section<'a>>,
}

impl<'a> Document<'a> {
    /// The front matter, or `None` for a body-only document.
    pub fn front_matter(&self) -> Option<&FrontMatter<'a>> {
        self.front_matter.as_ref()
    }

    /// The infoboxes (empty when there are none).
    pub fn infoboxes(&self) -> &[Infobox<'a>] {
        self.front_matter
            .as_ref()
            .and_then(|f| f.infoboxes.as_deref())
            .unwrap_or(&[])
    }

    /// `title`.
    pub fn title(&self) -> Option<&Text<'a>> {
        self.front_matter.as_ref().and_then(|f| text_of(&f.title))
    }

    /// `shortDescription`.
    pub fn short_description(&self) -> Option<&Text<'a>> {
        self.front_matter
            .as_ref()
            .and_then(|f| text_of(&f.short_description))
    }

    /// `description`: the lead's first sentences.
    pub fn description(&self) -> Option<&Text<'a>> {
        self.front_matter
            .as_ref()
            .and_then(|f| text_of(&f.description))
    }

    /// `author`.
    pub fn author(&self) -> Option<&Text<'a>> {
        self.front_matter.as_ref().and_then(|f| text_of(&f.author))
    }

    /// `img`: URL of the main image.
    pub fn img(&self) -> Option<&Text<'a>> {
        self.front_matter.as_ref().and_then(|f| text_of(&f.img))
    }

    /// Any top-level front-matter key, known or not, as a generic value.
    ///
    /// Known keys with typed accessors (`infoboxes`, `title` …) are found here too, except
    /// `infoboxes`, which only has its typed form.
    pub fn front_matter_value(&self, key: &str) -> Option<Value<'a>> {
        let fm = self.front_matter.as_ref()?;
        let known = match key {
            "title" => &fm.title,
            "shortDescription" => &fm.short_description,
            "description" => &fm.description,
            "author" => &fm.author,
            "img" => &fm.img,
            _ => return fm.other.get(key).cloned(),
        };
        known.clone().map(Value::Scalar)
    }

    /// The Markdown body, as written.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Byte span of the body in the input.
    pub fn body_span(&self) -> Range<usize> {
        self.body_span.clone()
    }

    /// The sections, flat and in document order. The first is always the lead (level 0,
    /// title `""`): the body before the first heading.
    pub fn sections(&self) -> &[Section<'a>] {
        &self.sections
    }

    /// The first section whose title is `title`.
    pub fn section(&self, title: &str) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.title() == title)
    }

    /// Every figure of the document, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure<'a>> {
        self.sections.iter().flat_map(|s| s.figures())
    }

    /// The sections as a tree: every section nested under the nearest preceding section of
    /// a lower level; the lead and the top-level sections are the roots.
    pub fn section_tree(&self) -> Vec<crate::body::SectionNode<'_, 'a>> {
        crate::body::section_tree(&self.sections)
    }

    /// A copy that owns all its text and no longer borrows the input.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            front_matter: self.front_matter.map(FrontMatter::into_owned),
            body: Cow::Owned(self.body.into_owned()),
            body_span: self.body_span,
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
        }
    }
}

fn text_of<'s, 'a>(scalar: &'s Option<Scalar<'a>>) -> Option<&'s Text<'a>> {
    scalar.as_ref().filter(|s| !s.is_null()).map(Scalar::text)
}

/// The front matter: the keys the format defines, typed, and every other key in order.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter<'a> {
    span: Range<usize>,
    infoboxes: Option<Vec<Infobox<'a>>>,
    title: Option<Scalar<'a>>,
    short_description: Option<Scalar<'a>>,
    description: Option<Scalar<'a>>,
    author: Option<Scalar<'a>>,
    img: Option<Scalar<'a>>,
    other: Mapping<'a>,
}

impl<'a> FrontMatter<'a> {
    /// Byte span of the YAML between the `---` lines.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Keys the model does not know, in the order of the file.
    pub fn other(&self) -> &Mapping<'a> {
        &self.other
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> FrontMatter<'static> {
        FrontMatter {
            span: self.span,
            infoboxes: self
                .infoboxes
                .map(|v| v.into_iter().map(Infobox::into_owned).collect()),
            title: self.title.map(Scalar::into_owned),
            short_description: self.short_description.map(Scalar::into_owned),
            description: self.description.map(Scalar::into_owned),
            author: self.author.map(Scalar::into_owned),
            img: self.img.map(Scalar::into_owned),
            other: self.other.into_owned(),
        }
    }
}

/// One infobox: fields in the order of the file, looked up by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Infobox<'a> {
    span: Range<usize>,
    fields: Vec<(Scalar<'a>, RichText<'a>)>,
}

impl<'a> Infobox<'a> {
    /// The value of the field called `name` (names are lowercase and may hold spaces).
    pub fn get(&self, name: &str) -> Option<&RichText<'a>> {
        self.fields
            .iter()
            .find(|(k, _)| k.decode() == name)
            .map(|(_, v)| v)
    }

    /// The fields in order: name and value.
    pub fn fields(&self) -> impl ExactSizeIterator<Item = (&Text<'a>, &RichText<'a>)> {
        self.fields.iter().map(|(k, v)| (k.text(), v))
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether the infobox has no fields.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Byte span of the infobox in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Infobox<'static> {
        Infobox {
            span: self.span,
            fields: self
                .fields
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }
}

/// A rich-text value, as wtf_wikipedia's `Sentence.json()` writes it: plain text, links,
/// bold and italic fragments, and a number when the text is one.
#[derive(Debug, Clone, PartialEq)]
pub struct RichText<'a> {
    span: Range<usize>,
    text: Option<Scalar<'a>>,
    links: Option<Vec<Link<'a>>>,
    formatting: Option<Formatting<'a>>,
    number: Option<Scalar<'a>>,
    other: Vec<(Scalar<'a>, Value<'a>)>,
}

impl<'a> RichText<'a> {
    /// The plain text (`""` when absent).
    pub fn text(&self) -> Cow<'_, str> {
        self.text.as_ref().map_or(Cow::Borrowed(""), Scalar::decode)
    }

    /// The `text` value as written, with its span.
    pub fn text_value(&self) -> Option<&Scalar<'a>> {
        self.text.as_ref()
    }

    /// The links, in order.
    pub fn links(&self) -> &[Link<'a>] {
        self.links.as_deref().unwrap_or(&[])
    }

    /// Bold and italic fragments.
    pub fn formatting(&self) -> Option<&Formatting<'a>> {
        self.formatting.as_ref()
    }

    /// The number, when the text is one (`number: 2008`).
    pub fn number(&self) -> Option<&Scalar<'a>> {
        self.number.as_ref()
    }

    /// Keys other than `text`, `links`, `formatting` and `number`, in order.
    pub fn other(&self) -> &[(Scalar<'a>, Value<'a>)] {
        &self.other
    }

    /// Byte span of the value in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> RichText<'static> {
        RichText {
            span: self.span,
            text: self.text.map(Scalar::into_owned),
            links: self
                .links
                .map(|v| v.into_iter().map(Link::into_owned).collect()),
            formatting: self.formatting.map(Formatting::into_owned),
            number: self.number.map(Scalar::into_owned),
            other: owned_entries(self.other),
        }
    }
}

/// What a link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkKind {
    /// A page of the same wiki (`page`, optional `anchor`).
    Internal,
    /// A web address (`site`).
    External,
    /// A page of another wiki (`wiki`, `page`).
    Interwiki,
    /// A `type` the format does not define, or none.
    Other,
}

/// A link in a rich-text value.
///
/// ```
/// let input = "---\ninfoboxes:\n  - place:\n      text: Mali\n      links:\n        - type: internal\n          page: Mali\n---\n";
/// let doc = wikimd::parse(input).unwrap();
/// let link = &doc.infoboxes()[0].get("place").unwrap().links()[0];
/// assert_eq!(link.kind(), wikimd::LinkKind::Internal);
/// assert_eq!(link.page().unwrap(), "Mali");
/// assert_eq!(link.display_text().unwrap(), "Mali"); // no `text`: the page
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Link<'a> {
    span: Range<usize>,
    kind: LinkKind,
    link_type: Option<Scalar<'a>>,
    page: Option<Scalar<'a>>,
    text: Option<Scalar<'a>>,
    anchor: Option<Scalar<'a>>,
    site: Option<Scalar<'a>>,
    wiki: Option<Scalar<'a>>,
    other: Vec<(Scalar<'a>, Value<'a>)>,
}

impl<'a> Link<'a> {
    /// What the link points to (from `type`).
    pub fn kind(&self) -> LinkKind {
        self.kind
    }

    /// `type` as written.
    pub fn link_type(&self) -> Option<&Text<'a>> {
        text_of(&self.link_type)
    }

    /// The target page (internal and interwiki links).
    pub fn page(&self) -> Option<&Text<'a>> {
        text_of(&self.page)
    }

    /// The text shown, when it differs from the page.
    pub fn text(&self) -> Option<&Text<'a>> {
        text_of(&self.text)
    }

    /// The text shown: `text`, or else the page, or else the site.
    pub fn display_text(&self) -> Option<&Text<'a>> {
        self.text().or_else(|| self.page()).or_else(|| self.site())
    }

    /// The section of the target page.
    pub fn anchor(&self) -> Option<&Text<'a>> {
        text_of(&self.anchor)
    }

    /// The web address (external links).
    pub fn site(&self) -> Option<&Text<'a>> {
        text_of(&self.site)
    }

    /// The other wiki (interwiki links), e.g. `fr`.
    pub fn wiki(&self) -> Option<&Text<'a>> {
        text_of(&self.wiki)
    }

    /// Keys the model does not know, in order.
    pub fn other(&self) -> &[(Scalar<'a>, Value<'a>)] {
        &self.other
    }

    /// Byte span of the link in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Link<'static> {
        Link {
            span: self.span,
            kind: self.kind,
            link_type: self.link_type.map(Scalar::into_owned),
            page: self.page.map(Scalar::into_owned),
            text: self.text.map(Scalar::into_owned),
            anchor: self.anchor.map(Scalar::into_owned),
            site: self.site.map(Scalar::into_owned),
            wiki: self.wiki.map(Scalar::into_owned),
            other: owned_entries(self.other),
        }
    }
}

/// Bold and italic fragments of a rich-text value.
#[derive(Debug, Clone, PartialEq)]
pub struct Formatting<'a> {
    span: Range<usize>,
    bold: Option<Vec<Scalar<'a>>>,
    italic: Option<Vec<Scalar<'a>>>,
    other: Vec<(Scalar<'a>, Value<'a>)>,
}

impl<'a> Formatting<'a> {
    /// The bold fragments.
    pub fn bold(&self) -> &[Scalar<'a>] {
        self.bold.as_deref().unwrap_or(&[])
    }

    /// The italic fragments.
    pub fn italic(&self) -> &[Scalar<'a>] {
        self.italic.as_deref().unwrap_or(&[])
    }

    /// Other kinds of formatting, in order.
    pub fn other(&self) -> &[(Scalar<'a>, Value<'a>)] {
        &self.other
    }

    /// Byte span in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Formatting<'static> {
        Formatting {
            span: self.span,
            bold: self
                .bold
                .map(|v| v.into_iter().map(Scalar::into_owned).collect()),
            italic: self
                .italic
                .map(|v| v.into_iter().map(Scalar::into_owned).collect()),
            other: owned_entries(self.other),
        }
    }
}

fn owned_entries(entries: Vec<(Scalar<'_>, Value<'_>)>) -> Vec<(Scalar<'static>, Value<'static>)> {
    entries
        .into_iter()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// From generic YAML values to the typed model.

/// The path of a value, rendered only for error messages: `infoboxes[0].date.links`.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                let _ = write!(out, "[{i}]");
            }
        }
    }
}

pub(crate) struct Builder<'s> {
    pub src: &'s str,
}

impl Builder<'_> {
    fn wrong(&self, path: Path<'_>, expected: &'static str, value: &Value<'_>) -> Error {
        Error::new(
            ErrorKind::WrongType {
                key: path.render(),
                expected,
                found: value.describe(),
            },
            self.src,
            value.span(),
        )
    }

    fn scalar<'a>(
        &self,
        path: Path<'_>,
        value: Value<'a>,
        expected: &'static str,
    ) -> Result<Scalar<'a>, Error> {
        match value {
            Value::Scalar(s) => Ok(s),
            other => Err(self.wrong(path, expected, &other)),
        }
    }

    fn list<'a>(
        &self,
        path: Path<'_>,
        value: Value<'a>,
        expected: &'static str,
    ) -> Result<Vec<Value<'a>>, Error> {
        match value {
            Value::Sequence(s) => Ok(s.items),
            other => Err(self.wrong(path, expected, &other)),
        }
    }

    fn mapping<'a>(
        &self,
        path: Path<'_>,
        value: Value<'a>,
        expected: &'static str,
    ) -> Result<Mapping<'a>, Error> {
        match value {
            Value::Mapping(m) => Ok(m),
            other => Err(self.wrong(path, expected, &other)),
        }
    }

    pub(crate) fn front_matter<'a>(&self, mapping: Mapping<'a>) -> Result<FrontMatter<'a>, Error> {
        let mut fm = FrontMatter {
            span: mapping.span.clone(),
            infoboxes: None,
            title: None,
            short_description: None,
            description: None,
            author: None,
            img: None,
            other: Mapping {
                entries: Vec::new(),
                span: mapping.span,
            },
        };
        let root = Path::Root;
        for (key, value) in mapping.entries {
            let name = key.decode();
            let path = Path::Key(&root, &name);
            const STRING: &str = "a string";
            let slot = match &*name {
                "infoboxes" => {
                    if matches!(&value, Value::Scalar(s) if s.is_null()) {
                        drop(name);
                        fm.other.entries.push((key, value));
                        continue;
                    }
                    let items = self.list(path, value, "a list of infoboxes")?;
                    let mut infoboxes = Vec::with_capacity(items.len());
                    for (i, item) in items.into_iter().enumerate() {
                        infoboxes.push(self.infobox(Path::Index(&path, i), item)?);
                    }
                    fm.infoboxes = Some(infoboxes);
                    continue;
                }
                "title" => &mut fm.title,
                "shortDescription" => &mut fm.short_description,
                "description" => &mut fm.description,
                "author" => &mut fm.author,
                "img" => &mut fm.img,
                _ => {
                    drop(name);
                    fm.other.entries.push((key, value));
                    continue;
                }
            };
            *slot = Some(self.scalar(path, value, STRING)?);
        }
        Ok(fm)
    }

    fn infobox<'a>(&self, path: Path<'_>, value: Value<'a>) -> Result<Infobox<'a>, Error> {
        let mapping = match value {
            Value::Scalar(s) if s.is_null() => Mapping {
                entries: Vec::new(),
                span: s.span(),
            },
            other => self.mapping(
                path,
                other,
                "an infobox (a mapping of field names to values)",
            )?,
        };
        let mut fields = Vec::with_capacity(mapping.entries.len());
        for (name, value) in mapping.entries {
            let key = name.decode();
            let field = self.rich_text(Path::Key(&path, &key), value)?;
            drop(key);
            fields.push((name, field));
        }
        Ok(Infobox {
            span: mapping.span,
            fields,
        })
    }

    fn rich_text<'a>(&self, path: Path<'_>, value: Value<'a>) -> Result<RichText<'a>, Error> {
        let mapping = self.mapping(path, value, "a rich-text value (a mapping with `text`)")?;
        let mut rich = RichText {
            span: mapping.span,
            text: None,
            links: None,
            formatting: None,
            number: None,
            other: Vec::new(),
        };
        for (key, value) in mapping.entries {
            let name = key.decode();
            let path = Path::Key(&path, &name);
            match &*name {
                "text" => rich.text = Some(self.scalar(path, value, "a string")?),
                "number" => {
                    let number = self.scalar(path, value, "a number")?;
                    rich.number = Some(number);
                }
                "links" => {
                    let items = self.list(path, value, "a list of links")?;
                    let mut links = Vec::with_capacity(items.len());
                    for (i, item) in items.into_iter().enumerate() {
                        links.push(self.link(Path::Index(&path, i), item)?);
                    }
                    rich.links = Some(links);
                }
                "formatting" => rich.formatting = Some(self.formatting(path, value)?),
                _ => {
                    drop(name);
                    rich.other.push((key, value));
                }
            }
        }
        Ok(rich)
    }

    fn link<'a>(&self, path: Path<'_>, value: Value<'a>) -> Result<Link<'a>, Error> {
        let mapping = self.mapping(path, value, "a link (a mapping with `type` and `page`)")?;
        let mut link = Link {
            span: mapping.span,
            kind: LinkKind::Other,
            link_type: None,
            page: None,
            text: None,
            anchor: None,
            site: None,
            wiki: None,
            other: Vec::new(),
        };
        for (key, value) in mapping.entries {
            let name = key.decode();
            let path = Path::Key(&path, &name);
            let slot = match &*name {
                "type" => &mut link.link_type,
                "page" => &mut link.page,
                "text" => &mut link.text,
                "anchor" => &mut link.anchor,
                "site" => &mut link.site,
                "wiki" => &mut link.wiki,
                _ => {
                    drop(name);
                    link.other.push((key, value));
                    continue;
                }
            };
            *slot = Some(self.scalar(path, value, "a string")?);
        }
        link.kind = match link.link_type.as_ref().and_then(Scalar::as_str).as_deref() {
            Some("internal") => LinkKind::Internal,
            Some("external") => LinkKind::External,
            Some("interwiki") => LinkKind::Interwiki,
            _ => LinkKind::Other,
        };
        Ok(link)
    }

    fn formatting<'a>(&self, path: Path<'_>, value: Value<'a>) -> Result<Formatting<'a>, Error> {
        let mapping = self.mapping(path, value, "a mapping of `bold` and `italic` lists")?;
        let mut formatting = Formatting {
            span: mapping.span,
            bold: None,
            italic: None,
            other: Vec::new(),
        };
        for (key, value) in mapping.entries {
            let name = key.decode();
            let path = Path::Key(&path, &name);
            let slot = match &*name {
                "bold" => &mut formatting.bold,
                "italic" => &mut formatting.italic,
                _ => {
                    drop(name);
                    formatting.other.push((key, value));
                    continue;
                }
            };
            let items = self.list(path, value, "a list of strings")?;
            let mut fragments = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                fragments.push(self.scalar(Path::Index(&path, i), item, "a string")?);
            }
            *slot = Some(fragments);
        }
        Ok(formatting)
    }
}

impl ScalarKind {
    /// Whether the scalar is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, ScalarKind::Int(_) | ScalarKind::Float(_))
    }
}

#[cfg(feature = "serde")]
mod serialize {
    use super::*;
    use serde::ser::{SerializeMap, Serializer};
    use serde::Serialize;

    fn entries<M: SerializeMap>(
        map: &mut M,
        other: &[(Scalar<'_>, Value<'_>)],
    ) -> Result<(), M::Error> {
        for (k, v) in other {
            map.serialize_entry(&*k.decode(), v)?;
        }
        Ok(())
    }

    fn optional<M: SerializeMap, T: Serialize>(
        map: &mut M,
        key: &str,
        value: &Option<T>,
    ) -> Result<(), M::Error> {
        match value {
            Some(v) => map.serialize_entry(key, v),
            None => Ok(()),
        }
    }

    impl FrontMatter<'_> {
        pub(crate) fn serialize_entries<M: SerializeMap>(
            &self,
            map: &mut M,
        ) -> Result<(), M::Error> {
            optional(map, "infoboxes", &self.infoboxes)?;
            optional(map, "title", &self.title)?;
            optional(map, "shortDescription", &self.short_description)?;
            optional(map, "description", &self.description)?;
            optional(map, "author", &self.author)?;
            optional(map, "img", &self.img)?;
            entries(map, &self.other.entries)
        }
    }

    /// The front matter as a JSON object: exactly the YAML's keys and values.
    impl Serialize for FrontMatter<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            self.serialize_entries(&mut map)?;
            map.end()
        }
    }

    /// The document as the `wikimd parse` JSON: front-matter keys plus `sections`.
    impl Serialize for Document<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            if let Some(fm) = &self.front_matter {
                fm.serialize_entries(&mut map)?;
            }
            map.serialize_entry("sections", &self.sections)?;
            map.end()
        }
    }

    impl Serialize for Infobox<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.fields.len()))?;
            for (k, v) in &self.fields {
                map.serialize_entry(&*k.decode(), v)?;
            }
            map.end()
        }
    }

    impl Serialize for RichText<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            optional(&mut map, "text", &self.text)?;
            optional(&mut map, "links", &self.links)?;
            optional(&mut map, "formatting", &self.formatting)?;
            optional(&mut map, "number", &self.number)?;
            entries(&mut map, &self.other)?;
            map.end()
        }
    }

    impl Serialize for Link<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            optional(&mut map, "type", &self.link_type)?;
            optional(&mut map, "page", &self.page)?;
            optional(&mut map, "text", &self.text)?;
            optional(&mut map, "anchor", &self.anchor)?;
            optional(&mut map, "site", &self.site)?;
            optional(&mut map, "wiki", &self.wiki)?;
            entries(&mut map, &self.other)?;
            map.end()
        }
    }

    impl Serialize for Formatting<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            optional(&mut map, "bold", &self.bold)?;
            optional(&mut map, "italic", &self.italic)?;
            entries(&mut map, &self.other)?;
            map.end()
        }
    }
}
