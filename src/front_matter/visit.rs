//! How the document model reads values: from the fast scanner or from the general
//! parser's values, through the same traits.

use std::ops::Range;

use super::scanner::word_at;
use super::{Scan, Stop};
use crate::error::{Error, ErrorKind};
use crate::text::{Style, Text};
use crate::value::{Mapping, Scalar, Sequence, Value};

/// Receives one YAML value and builds what it wants from it.
///
/// This is how the document model is built straight from the scanner, with no generic
/// tree in between (the design of serde's `Visitor`): each type of the model reads the
/// value it expects, pulls the entries of a mapping or the items of a sequence one by
/// one, and hands each to the visitor of its own type. [`Generic`] builds a [`Value`].
pub(crate) trait Visit<'a>: Sized {
    /// What the visitor builds.
    type Out;
    /// The value is a scalar.
    fn scalar(self, scalar: Scalar<'a>) -> Scan<Self::Out>;
    /// The value is a mapping: read every entry from `map`.
    fn mapping<M: MapAccess<'a>>(self, map: M) -> Scan<Self::Out>;
    /// The value is a sequence: read every item from `seq`.
    fn sequence<S: SeqAccess<'a>>(self, seq: S) -> Scan<Self::Out>;
}

/// The entries of a mapping, read one by one: `next_key`, then `next_value`.
pub(crate) trait MapAccess<'a> {
    /// The next key, or `None` after the last entry.
    fn next_key(&mut self) -> Scan<Option<Scalar<'a>>>;
    /// The value of the key just read.
    fn next_value<V: Visit<'a>>(&mut self, visit: V) -> Scan<V::Out>;
    /// Reads the entries from the next one on while each is one of `names` written plain
    /// and followed by `: ` and a scalar: plain, on the key's line (`text: Riga`) or
    /// continued on the lines below (a long description), quoted (`number: "56"`), or a
    /// `|` or `>` block; and the slot of its name (`slots[i]` for `names[i]`) is empty:
    /// each value goes to its slot. Stops, with nothing of it read, at the first entry
    /// that is not such (anything else, for `next_key` and `next_value` to read), or at
    /// the end; an error is the one `next_value` would give. The names are of ASCII
    /// letters. By default nothing is read this way.
    ///
    /// The document model's types whose keys are fixed read their common entries so: a
    /// line at a time, without building the key or going through a visitor.
    #[inline(always)]
    fn plain_entries(&mut self, names: &[&str], slots: &mut [&mut Option<Scalar<'a>>]) -> Scan<()> {
        let _ = (names, slots);
        Ok(())
    }
    /// Reads the entries from the next one on while each is a plain key that ends its
    /// line (`country:`) whose value, on the lines below, is a block mapping of entries
    /// `name: scalar` (`text: Riga`; the scalar quoted, plain, even over several lines,
    /// or a `|` or `>` block), each name of `names` at most once, and at most one entry
    /// `list:` whose value is a block sequence of such mappings with the names of
    /// `item_names` (`- type: internal`, `page: Riga`): each such entry goes to `each`,
    /// whole ([`FieldReader::field`]). An entry whose value goes on, after such entries,
    /// with another key or a name again goes to `each` with the rest of its mapping to
    /// read ([`FieldReader::rest`]). Stops, with nothing of it read, at the first entry
    /// that is neither (a value of another shape from its first entry, an error, a limit
    /// it would reach: all for `next_key` and `next_value` to read), or at the end. The
    /// names are of at most six ASCII letters. By default nothing is read this way.
    ///
    /// An infobox reads its fields so: each with its text, number and links in one step,
    /// without a visitor for the field, its links or each link.
    #[inline(always)]
    fn plain_fields<const N: usize, const M: usize>(
        &mut self,
        names: [&str; N],
        list: &str,
        item_names: [&str; M],
        each: &mut impl FieldReader<'a, N, M>,
    ) -> Scan<()> {
        let _ = (names, list, item_names, each);
        Ok(())
    }
    /// Byte span of the mapping: complete once `next_key` has returned `None`.
    fn span(&self) -> Range<usize>;
}

/// Takes the entries [`MapAccess::plain_fields`] reads.
pub(crate) trait FieldReader<'a, const N: usize, const M: usize> {
    /// An entry read whole.
    fn field(&mut self, field: PlainField<'a, '_, N, M>);
    /// An entry whose value, a mapping, has other entries after those read: `rest`
    /// reads them, from the first (`next_key`, `next_value`), and gives the mapping's
    /// span once `next_key` has returned `None`.
    fn rest<R: MapAccess<'a>>(&mut self, field: PlainField<'a, '_, N, M>, rest: R) -> Scan<()>;
}

/// An entry that [`MapAccess::plain_fields`] read: its key and its value, a mapping.
pub(crate) struct PlainField<'a, 'i, const N: usize, const M: usize> {
    /// The entry's key.
    pub key: Scalar<'a>,
    /// Byte span of the value (the mapping), as [`MapAccess::span`] gives it.
    pub span: Range<usize>,
    /// The value's entries: `values[i]` for `names[i]`.
    pub values: [Option<Scalar<'a>>; N],
    /// The items of the value's `list` entry, if it has one (at least one item), to be
    /// taken.
    pub items: Option<&'i mut Vec<PlainItem<'a, M>>>,
}

/// An item of a [`PlainField`]'s list: a mapping.
pub(crate) struct PlainItem<'a, const M: usize> {
    /// Byte span of the mapping.
    pub span: Range<usize>,
    /// Its entries: `values[i]` for `item_names[i]`.
    pub values: [Option<Scalar<'a>>; M],
}

/// The items of a sequence, read one by one.
pub(crate) trait SeqAccess<'a> {
    /// The next item, or `None` after the last.
    fn next_item<V: Visit<'a>>(&mut self, visit: V) -> Scan<Option<V::Out>>;
    /// Byte span of the sequence: complete once `next_item` has returned `None`.
    fn span(&self) -> Range<usize>;
}

/// A mapping with no entries at `.0`.
pub(crate) struct Empty(pub Range<usize>);

impl<'a> MapAccess<'a> for Empty {
    fn next_key(&mut self) -> Scan<Option<Scalar<'a>>> {
        Ok(None)
    }

    fn next_value<V: Visit<'a>>(&mut self, visit: V) -> Scan<V::Out> {
        let at = self.0.start;
        visit.scalar(Scalar::new(Text::new("", at..at, Style::Bare)))
    }

    fn span(&self) -> Range<usize> {
        self.0.clone()
    }
}

/// The most entries whose keys [`check_unique`] checks in a table on the stack (a slot
/// keeps an index in sixteen bits).
const HASHED: usize = 256;

/// Checks that the keys of a mapping are all different. The document model's types
/// with fixed keys check theirs as they read them; this is for the others.
///
/// Inlined for its first test: most mappings it is given (the other keys of a rich text
/// or a link) are empty.
#[inline(always)]
pub(crate) fn check_unique<'a, T>(
    src: &str,
    entries: &[T],
    key: impl Fn(&T) -> &Scalar<'a>,
) -> Scan<()> {
    if entries.len() < 2 {
        return Ok(());
    }
    check_unique_keys(src, entries, key)
}

/// [`check_unique`] for two entries or more.
#[inline(never)]
fn check_unique_keys<'a, T>(src: &str, entries: &[T], key: impl Fn(&T) -> &Scalar<'a>) -> Scan<()> {
    let same = |i: usize, j: usize| key(&entries[i]).decode() == key(&entries[j]).decode();
    let duplicate = if entries.len() <= 24 {
        // Fingerprints first: a full comparison only when two are equal, and the earlier
        // ones looked at only when one of them fell in the same of 64 buckets (a field's
        // key, most often, is in a bucket of its own).
        let mut prints = [0u64; 24];
        let mut buckets = 0u64;
        let mut found = None;
        for (i, entry) in entries.iter().enumerate() {
            let print = fingerprint(&key(entry).decode());
            prints[i] = print;
            let bucket = 1 << (print >> 58);
            if buckets & bucket != 0 && (0..i).any(|j| prints[j] == print && same(i, j)) {
                found = Some(i);
                break;
            }
            buckets |= bucket;
        }
        found
    } else if entries.len() <= HASHED {
        // Fingerprints in an open-addressing table (an infobox of a hundred fields),
        // entries in order: the first whose fingerprint is already there and whose key
        // equals that entry's is the first repeat. A slot holds sixteen bits of the
        // fingerprint and the entry's index plus one (0: empty).
        let mut table = [0u32; 2 * HASHED];
        let mask = (2 * entries.len()).next_power_of_two() - 1;
        let mut found = None;
        'entries: for (i, entry) in entries.iter().enumerate() {
            let print = fingerprint(&key(entry).decode());
            let high = ((print >> 48) as u32) << 16;
            let mut slot = (print >> 32) as usize & mask;
            loop {
                match table[slot] {
                    0 => {
                        table[slot] = high | (i as u32 + 1);
                        break;
                    }
                    held if held & 0xFFFF_0000 == high && same(i, (held & 0xFFFF) as usize - 1) => {
                        found = Some(i);
                        break 'entries;
                    }
                    _ => slot = (slot + 1) & mask,
                }
            }
        }
        found
    } else {
        // Fingerprints sorted (larger mappings): keys can only repeat within a run of
        // equal fingerprints, each run in the order of the entries.
        let mut prints: Vec<(u64, u32)> = entries
            .iter()
            .zip(0u32..)
            .map(|(entry, i)| (fingerprint(&key(entry).decode()), i))
            .collect();
        prints.sort_unstable();
        let mut first: Option<usize> = None;
        for run in prints
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|run| run.len() > 1)
        {
            for (k, &(_, i)) in run.iter().enumerate().skip(1) {
                let i = i as usize;
                if first.is_some_and(|f| f <= i) {
                    break;
                }
                if run[..k].iter().any(|&(_, j)| same(i, j as usize)) {
                    first = Some(i);
                    break;
                }
            }
        }
        first
    };
    match duplicate {
        Some(i) => Err(duplicate_key(src, key(&entries[i]))),
        None => Ok(()),
    }
}

/// The error for a key written twice in a mapping.
pub(crate) fn duplicate_key(src: &str, key: &Scalar<'_>) -> Stop {
    Stop::Error(Box::new(Error::new(
        ErrorKind::DuplicateKey {
            key: key.decode().into_owned(),
        },
        src,
        key.span(),
    )))
}

/// A 64-bit fingerprint of a key, for the duplicate check: its length and its first and
/// last eight bytes (equal keys have equal fingerprints; keys that differ only in the
/// middle are told apart by the full comparison).
#[inline]
fn fingerprint(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let (head, tail) = if bytes.len() >= 8 {
        (word_at(bytes, 0), word_at(bytes, bytes.len() - 8))
    } else {
        let head = bytes
            .iter()
            .rev()
            .fold(0u64, |word, &b| word << 8 | u64::from(b));
        (head, 0)
    };
    (head ^ tail.rotate_left(23) ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Builds a generic [`Value`], checking keys against `src`.
#[derive(Clone, Copy)]
pub(crate) struct Generic<'s>(pub &'s str);

impl<'a> Visit<'a> for Generic<'_> {
    type Out = Value<'a>;

    fn scalar(self, scalar: Scalar<'a>) -> Scan<Value<'a>> {
        Ok(Value::Scalar(scalar))
    }

    fn mapping<M: MapAccess<'a>>(self, mut map: M) -> Scan<Value<'a>> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            let value = map.next_value(self)?;
            entries.push((key, value));
        }
        check_unique(self.0, &entries, |(k, _)| k)?;
        Ok(Value::Mapping(Mapping {
            entries,
            span: map.span(),
        }))
    }

    fn sequence<S: SeqAccess<'a>>(self, mut seq: S) -> Scan<Value<'a>> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_item(self)? {
            items.push(item);
        }
        Ok(Value::Sequence(Sequence {
            items,
            span: seq.span(),
        }))
    }
}

/// Hands a generic value (from the general YAML parser) to a visitor.
pub(crate) fn visit_value<'a, V: Visit<'a>>(value: Value<'a>, visit: V) -> Scan<V::Out> {
    match value {
        Value::Scalar(s) => visit.scalar(s),
        Value::Mapping(m) => visit.mapping(ValueMap {
            entries: m.entries.into_iter(),
            pending: None,
            span: m.span,
        }),
        Value::Sequence(s) => visit.sequence(ValueSeq {
            items: s.items.into_iter(),
            span: s.span,
        }),
    }
}

struct ValueMap<'a> {
    entries: std::vec::IntoIter<(Scalar<'a>, Value<'a>)>,
    pending: Option<Value<'a>>,
    span: Range<usize>,
}

impl<'a> MapAccess<'a> for ValueMap<'a> {
    fn next_key(&mut self) -> Scan<Option<Scalar<'a>>> {
        Ok(self.entries.next().map(|(key, value)| {
            self.pending = Some(value);
            key
        }))
    }

    fn next_value<V: Visit<'a>>(&mut self, visit: V) -> Scan<V::Out> {
        let value = self.pending.take().unwrap_or_else(|| {
            let at = self.span.start;
            Value::Scalar(Scalar::new(Text::new("", at..at, Style::Bare)))
        });
        visit_value(value, visit)
    }

    fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

struct ValueSeq<'a> {
    items: std::vec::IntoIter<Value<'a>>,
    span: Range<usize>,
}

impl<'a> SeqAccess<'a> for ValueSeq<'a> {
    fn next_item<V: Visit<'a>>(&mut self, visit: V) -> Scan<Option<V::Out>> {
        self.items
            .next()
            .map(|item| visit_value(item, visit))
            .transpose()
    }

    fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The fingerprinted and hashed checks against the obvious quadratic one: the same
        // first repeated key, for small mappings and large ones (and keys that differ only
        // between their first and last eight bytes, whose fingerprints are equal).
        #[test]
        fn check_unique_finds_the_first_repeat(
            keys in proptest::collection::vec(
                "[ab]{0,3}|[a-z]{1,12}|infobox_[ab]{1,2}_fieldname",
                0..400,
            ),
        ) {
            first_repeat_is_found(&keys)?;
        }

        // Mappings of different keys (up to the sorted check's sizes), some with one key
        // written again further on: found however far the table probes.
        #[test]
        fn check_unique_finds_one_repeat_among_many_keys(
            keys in proptest::collection::hash_set(
                "[a-z]{1,12}|infobox_[a-z]{1,3}_fieldname",
                0..300,
            ),
            repeat in proptest::option::of((any::<prop::sample::Index>(), any::<prop::sample::Index>())),
        ) {
            let mut keys: Vec<String> = keys.into_iter().collect();
            if let (Some((which, at)), false) = (repeat, keys.is_empty()) {
                let which = which.index(keys.len());
                let at = which + 1 + at.index(keys.len() - which);
                keys.insert(at, keys[which].clone());
            }
            first_repeat_is_found(&keys)?;
        }
    }

    /// `check_unique` gives the first key written again, as the obvious quadratic check
    /// finds it.
    fn first_repeat_is_found(keys: &[String]) -> Result<(), TestCaseError> {
        let src = "";
        let scalars: Vec<Scalar<'_>> = keys
            .iter()
            .map(|k| Scalar::new(Text::new(k, 0..0, Style::Bare)))
            .collect();
        let expected = (1..keys.len()).find(|&i| keys[..i].contains(&keys[i]));
        match check_unique(src, &scalars, |s| s) {
            Ok(()) => prop_assert_eq!(expected, None),
            Err(Stop::Error(e)) => {
                let i = expected.expect("a repeat");
                prop_assert_eq!(
                    e.kind(),
                    &ErrorKind::DuplicateKey {
                        key: keys[i].clone()
                    }
                );
            }
            Err(Stop::Unsupported) => prop_assert!(false, "never unsupported"),
        }
        Ok(())
    }
}
