//! Generic YAML values, for keys the document model does not know.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::{Style, Text};

/// What a scalar means under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarKind {
    /// `~`, `null`, `Null`, `NULL` or nothing.
    Null,
    /// `true` or `false` (also capitalised or upper case).
    Bool(bool),
    /// A decimal, `0x` hexadecimal, `0o` octal or `0b` binary integer, with an optional
    /// sign, that fits in an `i64`. Digits with leading zeros (`065713`) are a string, as
    /// for `yaml_serde`.
    Int(i64),
    /// A float, including `.inf` and `.nan`, or an integer too large for an `i64`.
    Float(f64),
    /// Anything else: a string. Quoted and block scalars are always strings.
    String,
}

/// A scalar value: its text and what it means.
///
/// ```
/// let doc = wikimd::parse("---\nyear: 2008\nanswer: yes\n---\n").unwrap();
/// let year = doc.front_matter_value("year").unwrap();
/// assert_eq!(year.as_scalar().unwrap().kind(), wikimd::ScalarKind::Int(2008));
/// let answer = doc.front_matter_value("answer").unwrap();
/// let answer = answer.as_scalar().unwrap();
/// assert_eq!(answer.kind(), wikimd::ScalarKind::String); // YAML 1.2: `yes` is a string
/// assert_eq!(answer.decode(), "yes");
/// assert_eq!(answer.to_string(), "yes");
/// assert_eq!(year.as_scalar().unwrap().as_i64(), Some(2008));
/// ```
///
/// Two scalars are equal when they mean the same kind and have the same text (`2008` and
/// `'2008'` differ: a number and a string).
#[derive(Debug, Clone)]
pub struct Scalar<'a> {
    // What the scalar means is resolved from the text when asked: parsing never reads a
    // number it is not asked for.
    text: Text<'a>,
}

impl<'a> Scalar<'a> {
    /// An empty scalar at offset 0, for values built in place.
    pub(crate) const EMPTY: Scalar<'static> = Scalar { text: Text::EMPTY };

    pub(crate) fn new(text: Text<'a>) -> Scalar<'a> {
        Scalar { text }
    }

    /// What the scalar means: a plain scalar is resolved under the YAML 1.2 core schema;
    /// quoted and block scalars are strings.
    pub fn kind(&self) -> ScalarKind {
        match self.text.raw() {
            (raw, Style::Bare) => resolve(raw),
            _ => ScalarKind::String,
        }
    }

    /// The scalar's text (for a number, the digits as written).
    pub fn text(&self) -> &Text<'a> {
        &self.text
    }

    /// The decoded text; for numbers, booleans and null, the text as written.
    pub fn decode(&self) -> Cow<'_, str> {
        self.text.decode()
    }

    /// The value as a string, if it is one.
    pub fn as_str(&self) -> Option<Cow<'_, str>> {
        match self.kind() {
            ScalarKind::String => Some(self.text.decode()),
            _ => None,
        }
    }

    /// The value as an integer, if it is one.
    pub fn as_i64(&self) -> Option<i64> {
        match self.kind() {
            ScalarKind::Int(v) => Some(v),
            _ => None,
        }
    }

    /// The value as a float, if it is a number (an integer too).
    ///
    /// ```
    /// let doc = wikimd::parse("---\na: 1.5\nb: 3\nc: '3'\n---\n").unwrap();
    /// let number = |key| doc.front_matter_value(key).unwrap().as_scalar().unwrap().as_f64();
    /// assert_eq!((number("a"), number("b"), number("c")), (Some(1.5), Some(3.0), None));
    /// ```
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind() {
            ScalarKind::Int(v) => Some(v as f64),
            ScalarKind::Float(v) => Some(v),
            _ => None,
        }
    }

    /// The value as a boolean, if it is one (`true`, `false`, capitalised or upper case).
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind() {
            ScalarKind::Bool(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the scalar is null.
    pub fn is_null(&self) -> bool {
        self.kind() == ScalarKind::Null
    }

    /// Byte span of the scalar as written.
    pub fn span(&self) -> Range<usize> {
        self.text.span()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Scalar<'static> {
        Scalar {
            text: self.text.into_owned(),
        }
    }
}

impl PartialEq for Scalar<'_> {
    fn eq(&self, other: &Self) -> bool {
        // The kinds' variants: equal texts of one variant mean the same value (and a
        // `.nan` is equal to itself).
        std::mem::discriminant(&self.kind()) == std::mem::discriminant(&other.kind())
            && self.text == other.text
    }
}

impl std::fmt::Display for Scalar<'_> {
    /// The decoded text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.decode())
    }
}

/// What a plain scalar means under the YAML 1.2 core schema, with the integer forms
/// `yaml_serde` also reads (so that the scanner and the general parser agree).
pub(crate) fn resolve(s: &str) -> ScalarKind {
    let Some(&first) = s.as_bytes().first() else {
        return ScalarKind::Null;
    };
    match first {
        b'0'..=b'9' | b'-' | b'+' | b'.' => resolve_number(s),
        b'~' if s.len() == 1 => ScalarKind::Null,
        b'n' | b'N' if matches!(s, "null" | "Null" | "NULL") => ScalarKind::Null,
        b't' | b'T' if matches!(s, "true" | "True" | "TRUE") => ScalarKind::Bool(true),
        b'f' | b'F' if matches!(s, "false" | "False" | "FALSE") => ScalarKind::Bool(false),
        _ => ScalarKind::String,
    }
}

fn resolve_number(s: &str) -> ScalarKind {
    // As the general YAML parser (yaml_serde) reads numbers, so that both parsers agree:
    // the core schema's integers, also signed and binary (`-0x1F`, `0b101`), no leading
    // zeros (`065713` is a string), and any finite float Rust reads.
    if let Some(int) = resolve_int(s) {
        return int;
    }
    if digits_but_not_number(s) {
        return ScalarKind::String;
    }
    let unsigned = match s.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return ScalarKind::String,
        Some(rest) => rest,
        None => s,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return ScalarKind::Float(f64::INFINITY),
        _ => {}
    }
    match s {
        "-.inf" | "-.Inf" | "-.INF" => return ScalarKind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return ScalarKind::Float(f64::NAN),
        _ => {}
    }
    match unsigned.parse::<f64>() {
        Ok(f) if f.is_finite() => ScalarKind::Float(f),
        _ => ScalarKind::String,
    }
}

/// An integer in the forms the general YAML parser reads; beyond `i64`, a float.
fn resolve_int(s: &str) -> Option<ScalarKind> {
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    let negative = s.strip_prefix('-');
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unsigned.strip_prefix(prefix) {
            if !rest.starts_with(['+', '-']) {
                if let Ok(int) = u128::from_str_radix(rest, radix) {
                    return Some(match i64::try_from(int) {
                        Ok(int) => ScalarKind::Int(int),
                        Err(_) => ScalarKind::Float(int as f64),
                    });
                }
            }
        }
        if let Some(rest) = negative.and_then(|n| n.strip_prefix(prefix)) {
            if !rest.starts_with(['+', '-']) {
                if let Some(int) = u128::from_str_radix(rest, radix)
                    .ok()
                    .and_then(|int| 0i128.checked_sub_unsigned(int))
                {
                    return Some(int_kind(int));
                }
            }
        }
    }
    if unsigned.starts_with(['+', '-']) && negative.is_none() || digits_but_not_number(s) {
        return None;
    }
    if !unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    s.strip_prefix('+')
        .unwrap_or(s)
        .parse::<i128>()
        .ok()
        .map(int_kind)
}

fn int_kind(int: i128) -> ScalarKind {
    match i64::try_from(int) {
        Ok(int) => ScalarKind::Int(int),
        Err(_) => ScalarKind::Float(int as f64),
    }
}

/// Leading zeros followed by digits: a string (YAML 1.2, as the general parser reads it).
fn digits_but_not_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A YAML value with its span.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// A scalar.
    Scalar(Scalar<'a>),
    /// A sequence.
    Sequence(Sequence<'a>),
    /// A mapping.
    Mapping(Mapping<'a>),
}

impl<'a> Value<'a> {
    /// Byte span of the value in the input.
    pub fn span(&self) -> Range<usize> {
        match self {
            Value::Scalar(s) => s.span(),
            Value::Sequence(s) => s.span.clone(),
            Value::Mapping(m) => m.span.clone(),
        }
    }

    /// The scalar, if this is one.
    pub fn as_scalar(&self) -> Option<&Scalar<'a>> {
        match self {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The sequence, if this is one.
    pub fn as_sequence(&self) -> Option<&Sequence<'a>> {
        match self {
            Value::Sequence(s) => Some(s),
            _ => None,
        }
    }

    /// The mapping, if this is one.
    pub fn as_mapping(&self) -> Option<&Mapping<'a>> {
        match self {
            Value::Mapping(m) => Some(m),
            _ => None,
        }
    }

    /// A word for the value's type, for error messages.
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Value::Scalar(s) => match s.kind() {
                ScalarKind::Null => "null",
                ScalarKind::Bool(_) => "a boolean",
                ScalarKind::Int(_) | ScalarKind::Float(_) => "a number",
                ScalarKind::String => "a string",
            },
            Value::Sequence(_) => "a list",
            Value::Mapping(_) => "a mapping",
        }
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Scalar(s) => Value::Scalar(s.into_owned()),
            Value::Sequence(s) => Value::Sequence(s.into_owned()),
            Value::Mapping(m) => Value::Mapping(m.into_owned()),
        }
    }
}

/// A YAML sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequence<'a> {
    pub(crate) items: Vec<Value<'a>>,
    pub(crate) span: Range<usize>,
}

impl<'s, 'a> IntoIterator for &'s Sequence<'a> {
    type Item = &'s Value<'a>;
    type IntoIter = std::slice::Iter<'s, Value<'a>>;

    /// The items.
    fn into_iter(self) -> Self::IntoIter {
        self.items().iter()
    }
}

impl<'m, 'a> IntoIterator for &'m Mapping<'a> {
    type Item = &'m (Scalar<'a>, Value<'a>);
    type IntoIter = std::slice::Iter<'m, (Scalar<'a>, Value<'a>)>;

    /// The entries, key and value, in order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries().iter()
    }
}

impl<'a> Sequence<'a> {
    /// The items, in order.
    pub fn items(&self) -> &[Value<'a>] {
        &self.items
    }

    /// Byte span of the sequence.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Sequence<'static> {
        Sequence {
            items: self.items.into_iter().map(Value::into_owned).collect(),
            span: self.span,
        }
    }
}

/// A YAML mapping: entries in the order of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping<'a> {
    pub(crate) entries: Vec<(Scalar<'a>, Value<'a>)>,
    pub(crate) span: Range<usize>,
}

impl<'a> Mapping<'a> {
    /// The entries, in the order of the file.
    pub fn entries(&self) -> &[(Scalar<'a>, Value<'a>)] {
        &self.entries
    }

    /// The value of the first entry whose key decodes to `key`.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| k.decode() == key)
            .map(|(_, v)| v)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the mapping is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Byte span of the mapping.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A copy that no longer borrows the input.
    pub fn into_owned(self) -> Mapping<'static> {
        Mapping {
            entries: self
                .entries
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            span: self.span,
        }
    }
}

#[cfg(feature = "serde")]
mod serialize {
    use super::*;
    use serde::ser::{SerializeMap, SerializeSeq, Serializer};
    use serde::Serialize;

    impl Serialize for Scalar<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.kind() {
                ScalarKind::Null => s.serialize_unit(),
                ScalarKind::Bool(b) => s.serialize_bool(b),
                ScalarKind::Int(i) => s.serialize_i64(i),
                ScalarKind::Float(f) => s.serialize_f64(f),
                ScalarKind::String => s.serialize_str(&self.text.decode()),
            }
        }
    }

    impl Serialize for Value<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Value::Scalar(v) => v.serialize(s),
                Value::Sequence(v) => v.serialize(s),
                Value::Mapping(v) => v.serialize(s),
            }
        }
    }

    impl Serialize for Sequence<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.items.len()))?;
            for item in &self.items {
                seq.serialize_element(item)?;
            }
            seq.end()
        }
    }

    impl Serialize for Mapping<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.entries.len()))?;
            for (k, v) in &self.entries {
                map.serialize_entry(&*k.decode(), v)?;
            }
            map.end()
        }
    }
}
