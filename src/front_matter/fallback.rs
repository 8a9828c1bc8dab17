//! The general YAML parser, for what the fast scanner does not read.

use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, ErrorKind, Position};
use crate::options::Limits;
use crate::text::Text;
use crate::value::{Mapping, Scalar, ScalarKind, Sequence, Value};

pub(crate) fn read(
    src: &str,
    range: Range<usize>,
    limits: &Limits,
) -> Result<Mapping<'static>, Error> {
    let yaml = &src[range.clone()];
    if yaml.len() > limits.max_fallback_bytes {
        return Err(Error::new(
            ErrorKind::LimitExceeded {
                what: "front matter size for the general YAML parser",
                limit: limits.max_fallback_bytes,
            },
            src,
            range.start..range.start,
        ));
    }
    let mut budget = Budget {
        nodes: 0,
        depth: 0,
        limits,
        span: range.clone(),
        exceeded: None,
    };
    let value = {
        let deserializer = yaml_serde::Deserializer::from_str(yaml);
        (&mut budget).deserialize(deserializer)
    };
    let value = match value {
        Ok(v) => v,
        Err(e) => {
            if let Some((what, limit)) = budget.exceeded {
                return Err(Error::new(
                    ErrorKind::LimitExceeded { what, limit },
                    src,
                    range.start..range.start,
                ));
            }
            let position = match e.location() {
                Some(loc) => {
                    let at = range.start + loc.index().min(yaml.len());
                    Position::of(src, at)
                }
                None => Position::of(src, range.start),
            };
            let message = e.to_string();
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            // yaml_serde's own guards against alias bombs and deep nesting.
            let kind = if message.starts_with("repetition limit exceeded") {
                ErrorKind::LimitExceeded {
                    what: "alias expansion (the general YAML parser's repetition limit)",
                    limit: limits.max_yaml_nodes,
                }
            } else if message.starts_with("recursion limit exceeded") {
                ErrorKind::LimitExceeded {
                    what: "front matter nesting depth (the general YAML parser's recursion limit)",
                    limit: 128,
                }
            } else {
                ErrorKind::Yaml { message }
            };
            return Err(Error::with_position(kind, position));
        }
    };
    match value {
        Value::Mapping(m) => Ok(m),
        Value::Scalar(s) if s.is_null() => Ok(Mapping {
            entries: Vec::new(),
            span: range,
        }),
        other => Err(Error::new(
            ErrorKind::FrontMatterNotMapping {
                found: other.describe(),
            },
            src,
            range.start..range.start,
        )),
    }
}

/// A float written so that it resolves back to the same float.
fn float_text(v: f64) -> String {
    if v.is_nan() {
        return ".nan".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { ".inf" } else { "-.inf" }.to_string();
    }
    let mut text = v.to_string();
    if !matches!(crate::value::resolve(&text), ScalarKind::Float(_)) {
        // `2.0` is written `2`, which would read back as an integer.
        text.push_str(".0");
    }
    text
}

/// A mapping key, as written (`~`, `0x10` and `true` stay the text they are, as the
/// scanner keeps them).
struct KeyText;

impl<'de> DeserializeSeed<'de> for KeyText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl<'de> Visitor<'de> for KeyText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scalar mapping key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

struct Budget<'l> {
    nodes: usize,
    depth: usize,
    limits: &'l Limits,
    span: Range<usize>,
    exceeded: Option<(&'static str, usize)>,
}

impl Budget<'_> {
    /// A scalar: a string, or when `bare`, a value resolved from its text (null,
    /// boolean, number), written so that it resolves back to what the parser read.
    fn scalar(&self, bare: bool, text: String) -> Value<'static> {
        Value::Scalar(Scalar::new(Text::owned(text, self.span.clone(), bare)))
    }

    fn count<E: de::Error>(&mut self) -> Result<(), E> {
        self.nodes += 1;
        if self.nodes > self.limits.max_yaml_nodes {
            self.exceeded = Some(("number of front matter values", self.limits.max_yaml_nodes));
            return Err(E::custom("too many values"));
        }
        Ok(())
    }

    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            self.exceeded = Some(("front matter nesting depth", self.limits.max_depth));
            return Err(E::custom("too deep"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for &mut Budget<'_> {
    type Value = Value<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Budget<'_> {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.count()?;
        // Too large for an `i64`, the digits resolve to a float, as in the scanner.
        Ok(self.scalar(true, v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, float_text(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(false, v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(false, v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.count()?;
        Ok(self.scalar(true, String::new()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.count()?;
        self.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(&mut *self)? {
            items.push(item);
        }
        self.depth -= 1;
        Ok(Value::Sequence(Sequence {
            items,
            span: self.span.clone(),
        }))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        self.count()?;
        self.enter()?;
        let mut entries: Vec<(Scalar<'static>, Value<'static>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key_seed(KeyText)? {
            self.count()?;
            let key = Scalar::new(Text::owned(key, self.span.clone(), false));
            if !seen.insert(key.decode().into_owned()) {
                return Err(de::Error::custom(format!(
                    "duplicate key `{}`",
                    key.decode()
                )));
            }
            let value = map.next_value_seed(&mut *self)?;
            entries.push((key, value));
        }
        self.depth -= 1;
        Ok(Value::Mapping(Mapping {
            entries,
            span: self.span.clone(),
        }))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // A tagged value (`!tag value`): keep the value, drop the tag.
        use de::VariantAccess;
        let (_tag, variant): (String, _) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
}
