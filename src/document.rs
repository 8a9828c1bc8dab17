//! The document model: front matter (infoboxes and the other keys) and body.

use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;

use crate::body::{Figure, Section};
use crate::error::{Error, ErrorKind};
use crate::front_matter::{
    check_unique, duplicate_key, FieldReader, Generic, MapAccess, PlainField, PlainItem, Scan,
    SeqAccess, Stop, Visit,
};
use crate::text::{PackedSpan, Text};
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

    /// Each section with its heading path: the titles of the sections it is nested in (the
    /// nearest preceding section of each lower level, as in [`section_tree`]) and its own
    /// title. The lead's path is empty.
    ///
    /// [`section_tree`]: Document::section_tree
    ///
    /// ```
    /// let doc = wikimd::parse("Lead.\n\n## A\n\n### B\n\n## C\n").unwrap();
    /// let paths: Vec<String> = doc
    ///     .sections_with_paths()
    ///     .map(|(path, _)| path.join(" > "))
    ///     .collect();
    /// assert_eq!(paths, ["", "A", "A > B", "C"]);
    /// ```
    pub fn sections_with_paths(
        &self,
    ) -> impl Iterator<Item = (Vec<Cow<'_, str>>, &crate::body::Section<'a>)> {
        let mut open: Vec<(u8, Cow<'_, str>)> = Vec::new();
        self.sections.iter().map(move |section| {
            if section.level() == 0 {
                return (Vec::new(), section);
            }
            while open
                .last()
                .is_some_and(|(level, _)| *level >= section.level())
            {
                open.pop();
            }
            open.push((section.level(), section.title()));
            (open.iter().map(|(_, t)| t.clone()).collect(), section)
        })
    }

    /// The whole document as plain text, in reading order: each section's title (the lead
    /// has none) and its [`plain_text`](crate::Section::plain_text), separated by blank
    /// lines; empty sections give their title alone.
    ///
    /// ```
    /// let doc = wikimd::parse("---\ntitle: T\n---\nLead.\n\n## A\n\n * x\n").unwrap();
    /// assert_eq!(doc.plain_text(), "Lead.\n\nA\n\nx");
    /// ```
    pub fn plain_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for section in &self.sections {
            let title = section.title();
            if !title.is_empty() {
                parts.push(title.into_owned());
            }
            let text = section.plain_text();
            if !text.is_empty() {
                parts.push(text);
            }
        }
        parts.join("\n\n")
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

/// A field of an [`Infobox`]: its name and its value.
type Field<'i, 'a> = (&'i Text<'a>, &'i RichText<'a>);

impl<'i, 'a> IntoIterator for &'i Infobox<'a> {
    type Item = Field<'i, 'a>;
    type IntoIter = std::iter::Map<
        std::slice::Iter<'i, (Scalar<'a>, RichText<'a>)>,
        fn(&'i (Scalar<'a>, RichText<'a>)) -> Field<'i, 'a>,
    >;

    /// The fields in order, as [`Infobox::fields`].
    fn into_iter(self) -> Self::IntoIter {
        self.fields.iter().map(|(k, v)| (k.text(), v))
    }
}

impl fmt::Display for RichText<'_> {
    /// The plain text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl fmt::Display for Link<'_> {
    /// The text shown ([`Link::display_text`]), or nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.display_text() {
            Some(text) => f.write_str(&text.decode()),
            None => Ok(()),
        }
    }
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
    span: PackedSpan,
    text: Option<Scalar<'a>>,
    // Exactly as long as the list (see `LinksVisit`).
    links: Option<Box<[Link<'a>]>>,
    number: Option<Scalar<'a>>,
    // The keys most values do not have, boxed: every value of the model is smaller for
    // it (an infobox field with its name: 184 bytes before, 128 with four-word texts, 104
    // with three-word ones).
    // Made only for one of them.
    rare: Option<Box<RichRare<'a>>>,
}

/// What few rich-text values have: `formatting`, and keys the format does not define.
#[derive(Debug, Clone, PartialEq, Default)]
struct RichRare<'a> {
    formatting: Option<Formatting<'a>>,
    other: Vec<(Scalar<'a>, Value<'a>)>,
}

impl<'a> RichText<'a> {
    /// A value with no keys, to be filled in place. A function, not a constant: a
    /// constant this size is copied from memory with a call to `memcpy`, where the
    /// fields of a literal are stored directly (see [`push_in_place`]).
    #[inline(always)]
    fn empty() -> RichText<'a> {
        RichText {
            span: PackedSpan::EMPTY,
            text: None,
            links: None,
            number: None,
            rare: None,
        }
    }

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
        self.rare.as_ref().and_then(|r| r.formatting.as_ref())
    }

    /// The number, when the text is one (`number: 2008`).
    pub fn number(&self) -> Option<&Scalar<'a>> {
        self.number.as_ref()
    }

    /// Keys other than `text`, `links`, `formatting` and `number`, in order.
    pub fn other(&self) -> &[(Scalar<'a>, Value<'a>)] {
        self.rare.as_ref().map_or(&[], |r| &r.other)
    }

    /// Byte span of the value in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.get()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> RichText<'static> {
        RichText {
            span: self.span,
            text: self.text.map(Scalar::into_owned),
            links: self
                .links
                .map(|v| v.into_vec().into_iter().map(Link::into_owned).collect()),
            number: self.number.map(Scalar::into_owned),
            rare: self.rare.map(|r| {
                Box::new(RichRare {
                    formatting: r.formatting.map(Formatting::into_owned),
                    other: owned_entries(r.other),
                })
            }),
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

impl LinkKind {
    /// The kind a `type` value names.
    fn of(link_type: &Scalar<'_>) -> LinkKind {
        let kind = |name: &str| match name {
            "internal" => LinkKind::Internal,
            "external" => LinkKind::External,
            "interwiki" => LinkKind::Interwiki,
            _ => LinkKind::Other,
        };
        match link_type.text().as_str() {
            // Written as is: no null, boolean or number is spelled like a kind, so the
            // text is compared without resolving what the scalar means.
            Some(raw) => kind(raw),
            None => link_type
                .as_str()
                .map_or(LinkKind::Other, |name| kind(&name)),
        }
    }
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
    span: PackedSpan,
    kind: LinkKind,
    link_type: Option<Scalar<'a>>,
    page: Option<Scalar<'a>>,
    text: Option<Scalar<'a>>,
    // The keys most links do not have, boxed: a link is a third of the size for it.
    rare: Option<Box<LinkRare<'a>>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct LinkRare<'a> {
    anchor: Option<Scalar<'a>>,
    site: Option<Scalar<'a>>,
    wiki: Option<Scalar<'a>>,
    other: Vec<(Scalar<'a>, Value<'a>)>,
}

impl LinkRare<'_> {
    fn into_owned(self) -> LinkRare<'static> {
        LinkRare {
            anchor: self.anchor.map(Scalar::into_owned),
            site: self.site.map(Scalar::into_owned),
            wiki: self.wiki.map(Scalar::into_owned),
            other: owned_entries(self.other),
        }
    }
}

impl<'a> Link<'a> {
    /// A link with no keys, to be filled in place (see [`RichText::empty`]).
    #[inline(always)]
    fn empty() -> Link<'a> {
        Link {
            span: PackedSpan::EMPTY,
            kind: LinkKind::Other,
            link_type: None,
            page: None,
            text: None,
            rare: None,
        }
    }

    /// A link read a line at a time ([`MapAccess::plain_fields`]): `type`, `page`,
    /// `text` and `anchor`, as [`LinkVisit`] builds it.
    #[inline(always)]
    fn from_plain(item: PlainItem<'a, 4>) -> Link<'a> {
        let [link_type, page, text, anchor] = item.values;
        let rare = if anchor.is_some() {
            Some(Box::new(LinkRare {
                anchor,
                ..LinkRare::default()
            }))
        } else {
            None
        };
        Link {
            span: PackedSpan::new(item.span),
            kind: link_type.as_ref().map_or(LinkKind::Other, LinkKind::of),
            link_type,
            page,
            text,
            rare,
        }
    }

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
        self.rare.as_ref().and_then(|r| text_of(&r.anchor))
    }

    /// The web address (external links).
    pub fn site(&self) -> Option<&Text<'a>> {
        self.rare.as_ref().and_then(|r| text_of(&r.site))
    }

    /// The other wiki (interwiki links), e.g. `fr`.
    pub fn wiki(&self) -> Option<&Text<'a>> {
        self.rare.as_ref().and_then(|r| text_of(&r.wiki))
    }

    /// Keys the model does not know, in order.
    pub fn other(&self) -> &[(Scalar<'a>, Value<'a>)] {
        self.rare.as_ref().map_or(&[], |r| &r.other)
    }

    /// Byte span of the link in the input.
    pub fn span(&self) -> Range<usize> {
        self.span.get()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Link<'static> {
        Link {
            span: self.span,
            kind: self.kind,
            link_type: self.link_type.map(Scalar::into_owned),
            page: self.page.map(Scalar::into_owned),
            text: self.text.map(Scalar::into_owned),
            rare: self.rare.map(|r| Box::new(r.into_owned())),
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
// The typed model, read straight from the YAML.

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

/// Where a value is, for errors: the input and the value's path.
#[derive(Clone, Copy)]
struct At<'p, 's> {
    src: &'s str,
    path: Path<'p>,
}

impl<'s> At<'_, 's> {
    fn key<'q>(&'q self, name: &'q str) -> At<'q, 's> {
        At {
            src: self.src,
            path: Path::Key(&self.path, name),
        }
    }

    fn index(&self, i: usize) -> At<'_, 's> {
        At {
            src: self.src,
            path: Path::Index(&self.path, i),
        }
    }

    fn wrong<T>(&self, expected: &'static str, found: &Value<'_>) -> Scan<T> {
        Err(Stop::Error(Box::new(Error::new(
            ErrorKind::WrongType {
                key: self.path.render(),
                expected,
                found: found.describe(),
            },
            self.src,
            found.span(),
        ))))
    }

    /// A mapping where something else was expected: read it whole for the error's span.
    fn wrong_mapping<'a, T, M: MapAccess<'a>>(&self, expected: &'static str, map: M) -> Scan<T> {
        let found = Generic(self.src).mapping(map)?;
        self.wrong(expected, &found)
    }

    /// A sequence where something else was expected.
    fn wrong_sequence<'a, T, S: SeqAccess<'a>>(&self, expected: &'static str, seq: S) -> Scan<T> {
        let found = Generic(self.src).sequence(seq)?;
        self.wrong(expected, &found)
    }
}

/// Reads the front matter (a mapping) into the typed model, and returns it: as
/// [`FrontMatterInto`] reads it, for the readings that return it (the tests', the general
/// parser's).
#[derive(Clone, Copy)]
pub(crate) struct FrontMatterVisit<'s> {
    pub src: &'s str,
}

impl<'a> Visit<'a> for FrontMatterVisit<'_> {
    type Out = FrontMatter<'a>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<FrontMatter<'a>> {
        self.returned(|into| into.scalar(scalar))
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<FrontMatter<'a>> {
        self.returned(|into| into.sequence(seq))
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<FrontMatter<'a>> {
        self.returned(|into| into.mapping(map))
    }
}

impl FrontMatterVisit<'_> {
    /// The front matter `read` reads in place.
    fn returned<'a>(
        self,
        read: impl FnOnce(FrontMatterInto<'_, '_, 'a>) -> Scan<()>,
    ) -> Scan<FrontMatter<'a>> {
        let out = std::cell::RefCell::new(None);
        read(FrontMatterInto {
            src: self.src,
            out: &out,
        })?;
        Ok(out.into_inner().expect("a front matter read"))
    }
}

/// Reads the front matter (a mapping) into the typed model where the caller keeps it,
/// `*self.out`. A front matter returned by value was copied from function to function on
/// its way to the document (eight calls to `memcpy` of its 200 bytes, 1.7 % of the time
/// of a German article's `parse`).
#[derive(Clone, Copy)]
pub(crate) struct FrontMatterInto<'s, 'o, 'a> {
    pub src: &'s str,
    pub out: &'o std::cell::RefCell<Option<FrontMatter<'a>>>,
}

impl<'a> Visit<'a> for FrontMatterInto<'_, '_, 'a> {
    type Out = ();

    fn scalar(self, scalar: Scalar<'a>) -> Scan<()> {
        if scalar.is_null() {
            // `---`, `~`, `---`: a front matter with no keys.
            return self.mapping(crate::front_matter::Empty(scalar.span()));
        }
        Err(self.not_a_mapping(&Value::Scalar(scalar)))
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<()> {
        let found = Generic(self.src).sequence(seq)?;
        Err(self.not_a_mapping(&found))
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<()> {
        let mut out = self.out.borrow_mut();
        read_front_matter(self.src, map, out.insert(FrontMatter::empty()))
    }
}

impl<'a> FrontMatter<'a> {
    /// A front matter with no keys, to be filled in place.
    #[inline(always)]
    fn empty() -> FrontMatter<'a> {
        FrontMatter {
            span: 0..0,
            infoboxes: None,
            title: None,
            short_description: None,
            description: None,
            author: None,
            img: None,
            other: Mapping {
                entries: Vec::new(),
                span: 0..0,
            },
        }
    }
}

/// The front matter's entries, read from `map` into `fm` (empty).
#[inline(always)]
fn read_front_matter<'a, M: MapAccess<'a>>(
    src: &str,
    mut map: M,
    fm: &mut FrontMatter<'a>,
) -> Scan<()> {
    let root = At {
        src,
        path: Path::Root,
    };
    let mut seen_infoboxes = false;
    // Where links are gathered (see `LinksVisit`). Empty until a list of links comes:
    // room for sixteen from the start was most of a small front matter's peak memory.
    let mut links = Vec::new();
    loop {
        map.plain_entries(
            &["title", "description", "author", "shortDescription", "img"],
            &mut [
                &mut fm.title,
                &mut fm.description,
                &mut fm.author,
                &mut fm.short_description,
                &mut fm.img,
            ],
        )?;
        let Some(key) = map.next_key()? else {
            break;
        };
        let name = key.decode();
        let at = root.key(&name);
        let slot = match &*name {
            "infoboxes" => {
                if std::mem::replace(&mut seen_infoboxes, true) {
                    return Err(duplicate_key(src, &key));
                }
                match map.next_value(InfoboxesVisit(at, &mut links))? {
                    Ok(infoboxes) => fm.infoboxes = Some(infoboxes),
                    Err(null) => {
                        drop(name);
                        fm.other.entries.push((key, Value::Scalar(null)));
                    }
                }
                continue;
            }
            "title" => &mut fm.title,
            "shortDescription" => &mut fm.short_description,
            "description" => &mut fm.description,
            "author" => &mut fm.author,
            "img" => &mut fm.img,
            _ => {
                drop(name);
                let value = map.next_value(Generic(src))?;
                fm.other.entries.push((key, value));
                continue;
            }
        };
        if slot.is_some() {
            return Err(duplicate_key(src, &key));
        }
        map.next_value(StringVisit(at, "a string", slot))?;
    }
    check_unique(src, &fm.other.entries, |(k, _)| k)?;
    fm.span = map.span();
    fm.other.span = fm.span.clone();
    Ok(())
}

impl FrontMatterInto<'_, '_, '_> {
    fn not_a_mapping(&self, found: &Value<'_>) -> Stop {
        Stop::Error(Box::new(Error::new(
            ErrorKind::FrontMatterNotMapping {
                found: found.describe(),
            },
            self.src,
            found.span(),
        )))
    }
}

/// A scalar (a string, or any scalar where the model keeps the text as written), stored
/// in `.2`; `.1` says what was expected, for the error when the value is not a scalar.
///
/// The scalar is written where it is kept rather than returned: moving a value that was
/// just built costs a stall (see [`Text`]).
struct StringVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'static str, &'v mut Option<Scalar<'a>>);

impl<'a> Visit<'a> for StringVisit<'_, '_, '_, 'a> {
    type Out = ();

    #[inline(always)]
    fn scalar(self, scalar: Scalar<'a>) -> Scan<()> {
        *self.2 = Some(scalar);
        Ok(())
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<()> {
        self.0.wrong_mapping(self.1, map)
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<()> {
        self.0.wrong_sequence(self.1, seq)
    }
}

/// A key's name: borrowed as written when it needs no decoding (always, in practice),
/// without going through the decoding of a scalar, on the path every field and link takes.
#[inline(always)]
fn key_name<'k>(key: &'k Scalar<'_>) -> Cow<'k, str> {
    match key.text().as_str() {
        Some(name) => Cow::Borrowed(name),
        None => key.decode(),
    }
}

/// Pushes the value `make` builds onto `vec`, built where `vec` keeps it, and returns it.
///
/// `push` builds the value on the stack and copies it into the vector (for a field or a
/// link, a call to `memcpy`, as the vector may have to grow in between); here the room is
/// made first, then the value's fields are stored into it: 4 to 5 % of the corpus's
/// front-matter time.
#[inline(always)]
fn push_in_place<T>(vec: &mut Vec<T>, make: impl FnOnce() -> T) -> &mut T {
    let i = vec.len();
    vec.extend(std::iter::once_with(make));
    &mut vec[i]
}

/// Makes room in a full `vec` for half as many again (and at least one): where `Vec`
/// doubles, the room a vector of the model has and does not use is a small document's
/// peak memory. (Growth by half still copies each value a bounded number of times.)
#[inline]
pub(crate) fn grow_by_half<T>(vec: &mut Vec<T>) {
    if vec.len() == vec.capacity() {
        vec.reserve_exact(vec.len() / 2 + 1);
    }
}

/// The values of `vec` moved into a boxed slice of their number, `vec` left empty with its
/// room: one copy of their memory, where `vec.drain(..).collect()` moved them one by one.
#[inline]
pub(crate) fn take_boxed<T>(vec: &mut Vec<T>) -> Box<[T]> {
    let mut taken = Vec::with_capacity(vec.len());
    taken.append(vec);
    taken.into_boxed_slice()
}

/// Pushes `value` on `vec`, grown by half where it is full ([`grow_by_half`]): for the
/// vectors whose room is kept from one use to the next, a small document's peak holds
/// their room.
#[inline]
pub(crate) fn push_grown<T>(vec: &mut Vec<T>, value: T) {
    grow_by_half(vec);
    vec.push(value);
}

/// `infoboxes`: a list of infoboxes, or null (kept as an unknown key).
/// `.1` is where links are gathered before they are moved, all at once, into a vector of
/// the right size: see [`LinksVisit`].
struct InfoboxesVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'v mut Vec<Link<'a>>);

const INFOBOXES: &str = "a list of infoboxes";

impl<'a> Visit<'a> for InfoboxesVisit<'_, '_, '_, 'a> {
    type Out = Result<Vec<Infobox<'a>>, Scalar<'a>>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Self::Out> {
        if scalar.is_null() {
            return Ok(Err(scalar));
        }
        self.0.wrong(INFOBOXES, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<Self::Out> {
        self.0.wrong_mapping(INFOBOXES, map)
    }

    fn sequence<S: SeqAccess<'a>>(self, mut seq: S) -> Scan<Self::Out> {
        let InfoboxesVisit(at, links) = self;
        let mut infoboxes = Vec::new();
        while let Some(infobox) = seq.next_item(InfoboxVisit(at.index(infoboxes.len()), links))? {
            // Room for one at first: most documents have one (Vec's own first room is four).
            if infoboxes.capacity() == 0 {
                infoboxes.reserve_exact(1);
            }
            infoboxes.push(infobox);
        }
        Ok(Ok(infoboxes))
    }
}

/// One infobox: a mapping of field names to rich-text values (or null: no fields).
struct InfoboxVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'v mut Vec<Link<'a>>);

const INFOBOX: &str = "an infobox (a mapping of field names to values)";

impl<'a> Visit<'a> for InfoboxVisit<'_, '_, '_, 'a> {
    type Out = Infobox<'a>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Infobox<'a>> {
        if scalar.is_null() {
            return Ok(Infobox {
                span: scalar.span(),
                fields: Vec::new(),
            });
        }
        self.0.wrong(INFOBOX, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, mut map: M) -> Scan<Infobox<'a>> {
        let InfoboxVisit(at, links) = self;
        // Room for 16 fields from the start: 29 of the corpus's 49 infoboxes have up to 16,
        // and growing from empty copied the fields three or four times (shrunk at the
        // end). Room for 32 copied fewer of the longer ones, but made a small document's
        // peak memory twice its size (4 kB for 14 fields of 128 bytes).
        let mut fields = Vec::with_capacity(16);
        loop {
            // The common fields in one step each: a text, a number, links of a type, a
            // page, a text and an anchor, all scalars; any other entry of a field after
            // those, and the fields of other shapes, entry by entry below.
            map.plain_fields(
                ["text", "number"],
                "links",
                ["type", "page", "text", "anchor"],
                &mut FieldsRead {
                    at: &at,
                    fields: &mut fields,
                    links: &mut *links,
                },
            )?;
            let Some(key) = map.next_key()? else {
                break;
            };
            // (Room for 25 fields, not 32, at the 17th: 22 fields made 4 kB.)
            grow_by_half(&mut fields);
            // The value is built where it is stored (see `push_in_place`), the key written
            // into it after (copying the key just read with the value would stall: see
            // `Text`).
            let (name, field) = push_in_place(&mut fields, || (Scalar::EMPTY, RichText::empty()));
            *name = key;
            let key = name.decode();
            map.next_value(RichTextVisit(at.key(&key), field, &mut *links))?;
        }
        check_unique(at.src, &fields, |(k, _)| k)?;
        // Shrunk in place (copying the fields into a vector of their size would hold both
        // at once: the front matter's peak memory).
        fields.shrink_to_fit();
        Ok(Infobox {
            span: map.span(),
            fields,
        })
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<Infobox<'a>> {
        self.0.wrong_sequence(INFOBOX, seq)
    }
}

/// Where an infobox's fields read by [`MapAccess::plain_fields`] go.
struct FieldsRead<'r, 'p, 's, 'a> {
    at: &'r At<'p, 's>,
    fields: &'r mut Vec<(Scalar<'a>, RichText<'a>)>,
    links: &'r mut Vec<Link<'a>>,
}

/// Adds a field read by [`MapAccess::plain_fields`] to `fields`, built where it is kept
/// (see [`push_in_place`]).
#[inline(always)]
fn push_field<'f, 'a>(
    fields: &'f mut Vec<(Scalar<'a>, RichText<'a>)>,
    field: PlainField<'a, '_, 2, 4>,
) -> &'f mut (Scalar<'a>, RichText<'a>) {
    grow_by_half(fields);
    let entry = push_in_place(fields, || (Scalar::EMPTY, RichText::empty()));
    entry.0 = field.key;
    let rich = &mut entry.1;
    let [text, number] = field.values;
    rich.text = text;
    rich.number = number;
    rich.span = PackedSpan::new(field.span);
    if let Some(items) = field.items {
        rich.links = Some(items.drain(..).map(Link::from_plain).collect());
    }
    entry
}

impl<'a> FieldReader<'a, 2, 4> for FieldsRead<'_, '_, '_, 'a> {
    #[inline(always)]
    fn field(&mut self, field: PlainField<'a, '_, 2, 4>) {
        push_field(self.fields, field);
    }

    fn rest<R: MapAccess<'a>>(&mut self, field: PlainField<'a, '_, 2, 4>, rest: R) -> Scan<()> {
        let FieldsRead { at, fields, links } = self;
        let (name, rich) = push_field(fields, field);
        let key = name.decode();
        // The entries the field has besides, read as every entry of a rich text is (the
        // ones read before are there: a name written again is an error there too).
        RichTextVisit(at.key(&key), rich, links).mapping(rest)
    }
}

/// A field's value: `text`, `links`, `formatting`, `number`, read into `.1`.
struct RichTextVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'v mut RichText<'a>, &'v mut Vec<Link<'a>>);

const RICH_TEXT: &str = "a rich-text value (a mapping with `text`)";

impl<'a> Visit<'a> for RichTextVisit<'_, '_, '_, 'a> {
    type Out = ();

    fn scalar(self, scalar: Scalar<'a>) -> Scan<()> {
        self.0.wrong(RICH_TEXT, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, mut map: M) -> Scan<()> {
        let rich = self.1;
        loop {
            map.plain_entries(&["text", "number"], &mut [&mut rich.text, &mut rich.number])?;
            let Some(key) = map.next_key()? else {
                break;
            };
            let name = key_name(&key);
            let name = &*name;
            let at = self.0.key(name);
            match name {
                "text" if rich.text.is_none() => {
                    map.next_value(StringVisit(at, "a string", &mut rich.text))?
                }
                "number" if rich.number.is_none() => {
                    map.next_value(StringVisit(at, "a number", &mut rich.number))?
                }
                "links" if rich.links.is_none() => {
                    rich.links = Some(map.next_value(LinksVisit(at, &mut *self.2))?)
                }
                "formatting" if rich.formatting().is_none() => {
                    let formatting = map.next_value(FormattingVisit(at))?;
                    rich.rare.get_or_insert_default().formatting = Some(formatting);
                }
                "text" | "number" | "links" | "formatting" => {
                    return Err(duplicate_key(self.0.src, &key));
                }
                _ => {
                    let value = map.next_value(Generic(self.0.src))?;
                    rich.rare.get_or_insert_default().other.push((key, value));
                }
            }
        }
        check_unique(self.0.src, rich.other(), |(k, _)| k)?;
        rich.span = PackedSpan::new(map.span());
        Ok(())
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<()> {
        self.0.wrong_sequence(RICH_TEXT, seq)
    }
}

/// `links`: a list of links.
///
/// The links are gathered in `.1`, a vector kept from one list to the next, then moved
/// into a slice of the right size: one allocation and one copy per list, where a vector
/// growing one link at a time would be reallocated and copied (a link is not small) and
/// left up to twice too large.
struct LinksVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'v mut Vec<Link<'a>>);

const LINKS: &str = "a list of links";

impl<'a> Visit<'a> for LinksVisit<'_, '_, '_, 'a> {
    type Out = Box<[Link<'a>]>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Self::Out> {
        self.0.wrong(LINKS, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<Self::Out> {
        self.0.wrong_mapping(LINKS, map)
    }

    fn sequence<S: SeqAccess<'a>>(self, mut seq: S) -> Scan<Self::Out> {
        let LinksVisit(at, gathered) = self;
        gathered.clear();
        while seq
            .next_item(LinkVisit(at.index(gathered.len()), gathered))?
            .is_some()
        {}
        let mut links = Vec::with_capacity(gathered.len());
        links.append(gathered);
        // (Its length is its room: no copy.)
        Ok(links.into_boxed_slice())
    }
}

/// One link, added to the list `.1` (built where it is stored: a link is not small).
struct LinkVisit<'p, 's, 'v, 'a>(At<'p, 's>, &'v mut Vec<Link<'a>>);

const LINK: &str = "a link (a mapping with `type` and `page`)";

impl<'a> Visit<'a> for LinkVisit<'_, '_, '_, 'a> {
    type Out = ();

    fn scalar(self, scalar: Scalar<'a>) -> Scan<()> {
        self.0.wrong(LINK, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, mut map: M) -> Scan<()> {
        // Built where it is kept: a link built on the stack just before would be copied
        // while its stores are in flight, which stalls.
        let link = push_in_place(self.1, Link::empty);
        loop {
            map.plain_entries(
                &["type", "page", "text"],
                &mut [&mut link.link_type, &mut link.page, &mut link.text],
            )?;
            let Some(key) = map.next_key()? else {
                break;
            };
            let name = key_name(&key);
            let name = &*name;
            let slot = match name {
                "type" => &mut link.link_type,
                "page" => &mut link.page,
                "text" => &mut link.text,
                "anchor" => &mut link.rare.get_or_insert_default().anchor,
                "site" => &mut link.rare.get_or_insert_default().site,
                "wiki" => &mut link.rare.get_or_insert_default().wiki,
                _ => {
                    let value = map.next_value(Generic(self.0.src))?;
                    link.rare.get_or_insert_default().other.push((key, value));
                    continue;
                }
            };
            if slot.is_some() {
                return Err(duplicate_key(self.0.src, &key));
            }
            map.next_value(StringVisit(self.0.key(name), "a string", slot))?;
        }
        check_unique(self.0.src, link.other(), |(k, _)| k)?;
        link.span = PackedSpan::new(map.span());
        link.kind = link
            .link_type
            .as_ref()
            .map_or(LinkKind::Other, LinkKind::of);
        Ok(())
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<()> {
        self.0.wrong_sequence(LINK, seq)
    }
}

/// `formatting`: lists of bold and italic fragments.
struct FormattingVisit<'p, 's>(At<'p, 's>);

const FORMATTING: &str = "a mapping of `bold` and `italic` lists";

impl<'a> Visit<'a> for FormattingVisit<'_, '_> {
    type Out = Formatting<'a>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Formatting<'a>> {
        self.0.wrong(FORMATTING, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, mut map: M) -> Scan<Formatting<'a>> {
        let mut formatting = Formatting {
            span: 0..0,
            bold: None,
            italic: None,
            other: Vec::new(),
        };
        while let Some(key) = map.next_key()? {
            let name = key.decode();
            let slot = match &*name {
                "bold" => &mut formatting.bold,
                "italic" => &mut formatting.italic,
                _ => {
                    drop(name);
                    let value = map.next_value(Generic(self.0.src))?;
                    formatting.other.push((key, value));
                    continue;
                }
            };
            if slot.is_some() {
                return Err(duplicate_key(self.0.src, &key));
            }
            *slot = Some(map.next_value(FragmentsVisit(self.0.key(&name)))?);
        }
        check_unique(self.0.src, &formatting.other, |(k, _)| k)?;
        formatting.span = map.span();
        Ok(formatting)
    }

    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<Formatting<'a>> {
        self.0.wrong_sequence(FORMATTING, seq)
    }
}

/// A list of text fragments.
struct FragmentsVisit<'p, 's>(At<'p, 's>);

const FRAGMENTS: &str = "a list of strings";

impl<'a> Visit<'a> for FragmentsVisit<'_, '_> {
    type Out = Vec<Scalar<'a>>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Self::Out> {
        self.0.wrong(FRAGMENTS, &Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<Self::Out> {
        self.0.wrong_mapping(FRAGMENTS, map)
    }

    fn sequence<S: SeqAccess<'a>>(self, mut seq: S) -> Scan<Self::Out> {
        let mut fragments = Vec::new();
        let mut fragment = None;
        while seq
            .next_item(StringVisit(
                self.0.index(fragments.len()),
                "a string",
                &mut fragment,
            ))?
            .is_some()
        {
            fragments.extend(fragment.take());
        }
        Ok(fragments)
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
            optional(&mut map, "formatting", &self.formatting())?;
            optional(&mut map, "number", &self.number)?;
            entries(&mut map, self.other())?;
            map.end()
        }
    }

    impl Serialize for Link<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            optional(&mut map, "type", &self.link_type)?;
            optional(&mut map, "page", &self.page)?;
            optional(&mut map, "text", &self.text)?;
            if let Some(rare) = &self.rare {
                optional(&mut map, "anchor", &rare.anchor)?;
                optional(&mut map, "site", &rare.site)?;
                optional(&mut map, "wiki", &rare.wiki)?;
                entries(&mut map, &rare.other)?;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `take_boxed` gives what `drain(..).collect()` gives, with exactly the room of its
    /// values, and leaves the vector empty with its room (values that own memory too).
    #[test]
    fn take_boxed_is_drain_and_collect() {
        for len in [0, 1, 2, 7, 64] {
            let values: Vec<String> = (0..len).map(|i| format!("value {i}")).collect();
            let mut vec = Vec::with_capacity(100);
            vec.extend(values.iter().cloned());
            let taken = take_boxed(&mut vec);
            assert_eq!(*taken, *values);
            assert!(vec.is_empty());
            assert_eq!(vec.capacity(), 100);
            let mut again = values.clone();
            let collected: Box<[String]> = again.drain(..).collect();
            assert_eq!(taken, collected);
        }
    }

    /// An infobox field is a name and a rich-text value: their sizes are most of a front
    /// matter's model (see BENCHMARKS.md, Memory).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_model_keeps_its_size() {
        assert_eq!(std::mem::size_of::<Scalar<'_>>(), 24);
        assert_eq!(std::mem::size_of::<Option<Scalar<'_>>>(), 24);
        assert_eq!(std::mem::size_of::<RichText<'_>>(), 80);
        assert_eq!(std::mem::size_of::<(Scalar<'_>, RichText<'_>)>(), 104);
        assert_eq!(std::mem::size_of::<Link<'_>>(), 96);
    }
}
