//! The document as Python objects, in two steps: a [`Tape`] written from the document's
//! `Serialize` (the one that writes the `wikimd parse` JSON, so the two cannot differ)
//! without the interpreter, then the objects made from the tape with it.
//!
//! Why two steps: `parse_files` makes every document's objects on the calling thread, and
//! that thread's share of the work decides how far the parsing threads can scale. All that
//! is Rust work (walking the model, decoding escapes, folding lines, collecting) is done
//! where the document was parsed, with the interpreter released; what needs the
//! interpreter is only making the objects, from a flat list of operations. The keys of the
//! contract (`text`, `level`, `paragraphs`, …: 43 % of all strings in the corpus's
//! documents) are interned strings made once per process, not a new string per dict.

use std::cell::Cell;
use std::fmt;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};

/// The keys the JSON contract names, made into interned Python strings once.
const KEYS: [&str; 28] = [
    "text",
    "title",
    "level",
    "paragraphs",
    "lists",
    "tables",
    "figures",
    "type",
    "page",
    "links",
    "alt",
    "url",
    "file",
    "number",
    "header",
    "rows",
    "sections",
    "infoboxes",
    "shortDescription",
    "description",
    "author",
    "img",
    "formatting",
    "bold",
    "italic",
    "anchor",
    "site",
    "wiki",
];

/// Where `key` is in [`KEYS`].
fn known_key(key: &str) -> Option<u8> {
    KEYS.iter().position(|k| *k == key).map(|i| i as u8)
}

/// The most room (text and operations, in bytes) of a tape kept for another document.
const KEPT_ROOM: usize = 1 << 20;

/// One step of making the objects, eight bytes: a string is the next `len` bytes of
/// [`Tape::text`], a number the next of [`Tape::numbers`] (strings and numbers are read
/// in the order they were written). The tape is written on one core and read on another:
/// with a string's start and length and a number in each operation (24 bytes), the
/// operations were 38 % of the corpus's tapes.
#[derive(Clone, Copy, Debug)]
enum Op {
    None,
    Bool(bool),
    Int,
    Uint,
    Float,
    Str(u32),
    /// A key of [`KEYS`].
    Known(u8),
    /// A list of this many values, which follow.
    List(u32),
    /// A dict of this many entries (a key, then a value), which follow.
    Dict(u32),
}

const _: () = assert!(std::mem::size_of::<Op>() == 8);

/// A value as a flat list of operations, the text of its strings and its numbers (`i64`,
/// `u64` and `f64` as their bits).
#[derive(Debug, Default)]
pub(crate) struct Tape {
    ops: Vec<Op>,
    text: String,
    numbers: Vec<u64>,
}

thread_local! {
    /// The tape of this thread's last `parse` or `parse_file`, kept for its next: a new
    /// tape grows by reallocation as a document is written on it (about ten times for an
    /// article).
    static KEPT: Cell<Option<Tape>> = const { Cell::new(None) };
}

impl Tape {
    /// The tape this thread kept, or a new one.
    pub(crate) fn take_kept() -> Tape {
        KEPT.with(Cell::take).unwrap_or_default()
    }

    /// Keeps the tape for this thread's next call, unless it is too big to keep.
    pub(crate) fn keep(self) {
        if self.worth_keeping() {
            KEPT.with(|kept| kept.set(Some(self)));
        }
    }

    /// Writes `value` (no interpreter needed) over what the tape held, in the room it has:
    /// a tape used again grows no more once it has held a document of the size.
    pub(crate) fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.ops.clear();
        self.text.clear();
        self.numbers.clear();
        value.serialize(&mut *self)
    }

    /// Whether the tape's room is small enough to keep for another document: at most
    /// [`KEPT_ROOM`] bytes, so that one huge document does not leave every kept tape huge.
    pub(crate) fn worth_keeping(&self) -> bool {
        self.text.capacity()
            + self.ops.capacity() * std::mem::size_of::<Op>()
            + self.numbers.capacity() * std::mem::size_of::<u64>()
            <= KEPT_ROOM
    }

    /// Makes the objects.
    pub(crate) fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static INTERNED: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();
        let interned = INTERNED.get_or_init(py, || {
            KEYS.iter()
                .map(|k| PyString::intern(py, k).unbind())
                .collect()
        });
        let mut maker = Maker {
            py,
            ops: self.ops.iter(),
            text: &self.text,
            numbers: self.numbers.iter(),
            interned,
        };
        with_collector_held(py, || maker.next())
    }

    fn push_str(&mut self, s: &str) -> Result<Op, Unwritable> {
        let len =
            u32::try_from(s.len()).map_err(|_| Unwritable("a string of 4 GiB or more".into()))?;
        self.text.push_str(s);
        Ok(Op::Str(len))
    }

    fn push_key(&mut self, key: &str) -> Written {
        let op = match known_key(key) {
            Some(i) => Op::Known(i),
            None => self.push_str(key)?,
        };
        self.ops.push(op);
        Ok(())
    }

    fn push_number(&mut self, op: Op, bits: u64) -> Written {
        self.numbers.push(bits);
        self.ops.push(op);
        Ok(())
    }

    /// A list or dict whose length is written at its end.
    fn open(&mut self, op: Op) -> Compound<'_> {
        let at = self.ops.len();
        self.ops.push(op);
        Compound {
            tape: self,
            at,
            count: 0,
        }
    }
}

/// Runs `make` with Python's cycle collector held off (if it is on, and on again after).
///
/// `make` makes a document's lists and dicts, a hundred or more of them, none in a cycle.
/// Each container counts towards the collector's next run (one for every 700 more made
/// than freed), so the collector ran in the middle of documents, and its older
/// generations, which hold every document kept so far, at every tenth and hundredth of
/// those runs. Held off, the containers still count: the collector runs at the first
/// container made after the call, if the count is then past its threshold. Over the
/// corpus forty times over, the documents kept: 668 young, 60 middle and 5 full
/// collections became 61, 5 and 0 (22.4 → 16.8 ms a pass); each document dropped as it
/// comes (its containers freed before anything looks at the count): 644, 58, 5 → 25, 2,
/// 0 (14.9–15.9 → 12.3–13.6 ms).
/// Nothing runs while the collector is off: making strings, lists and dicts runs no
/// Python code and does not release the interpreter.
fn with_collector_held<T>(py: Python<'_>, make: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    /// `gc.isenabled`, `gc.disable` and `gc.enable`, as they were when first needed.
    static GC: PyOnceLock<Option<[Py<PyAny>; 3]>> = PyOnceLock::new();
    let functions = GC.get_or_init(py, || {
        let gc = py.import("gc").ok()?;
        let function = |name: &str| gc.getattr(name).ok().map(Bound::unbind);
        Some([
            function("isenabled")?,
            function("disable")?,
            function("enable")?,
        ])
    });
    let Some([is_enabled, disable, enable]) = functions else {
        return make();
    };
    if !is_enabled.call0(py)?.is_truthy(py)? {
        return make();
    }
    disable.call0(py)?;
    let made = make();
    let enabled = enable.call0(py);
    let made = made?;
    enabled?;
    Ok(made)
}

/// Makes objects from a tape's operations, in order.
struct Maker<'t, 'py> {
    py: Python<'py>,
    ops: std::slice::Iter<'t, Op>,
    /// The text of the strings not yet made.
    text: &'t str,
    numbers: std::slice::Iter<'t, u64>,
    interned: &'t [Py<PyString>],
}

impl<'py> Maker<'_, 'py> {
    fn next(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let Some(&op) = self.ops.next() else {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "wikimd: a tape ended early",
            ));
        };
        let mut number = || {
            self.numbers.next().copied().ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err("wikimd: a tape's numbers ended early")
            })
        };
        Ok(match op {
            Op::None => py.None().into_bound(py),
            Op::Bool(b) => b.into_bound_py_any(py)?,
            Op::Int => (number()? as i64).into_bound_py_any(py)?,
            Op::Uint => number()?.into_bound_py_any(py)?,
            Op::Float => f64::from_bits(number()?).into_bound_py_any(py)?,
            Op::Str(len) => {
                let Some((string, rest)) = self.text.split_at_checked(len as usize) else {
                    return Err(pyo3::exceptions::PyValueError::new_err(
                        "wikimd: a tape's text ended early",
                    ));
                };
                self.text = rest;
                PyString::new(py, string).into_any()
            }
            Op::Known(i) => self.interned[usize::from(i)].bind(py).clone().into_any(),
            Op::List(n) => {
                let mut items = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    items.push(self.next()?);
                }
                PyList::new(py, items)?.into_any()
            }
            Op::Dict(n) => {
                let dict = PyDict::new(py);
                for _ in 0..n {
                    let key = self.next()?;
                    let value = self.next()?;
                    dict.set_item(key, value)?;
                }
                dict.into_any()
            }
        })
    }
}

/// A value the JSON contract has no place for (a serializer's error).
#[derive(Debug)]
pub(crate) struct Unwritable(String);

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unwritable(msg.to_string())
    }
}

type Written = Result<(), Unwritable>;

/// Serializer methods that hand their value on to another, widened (`u8` to `i64`) or
/// made into text (a key).
macro_rules! widened {
    (text: $($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Written {
            self.text(v)
        }
    )*};
    ($to:ident: $($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Written {
            self.$to(v.into())
        }
    )*};
}

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'t>;
    type SerializeTuple = Compound<'t>;
    type SerializeTupleStruct = Compound<'t>;
    type SerializeTupleVariant = Compound<'t>;
    type SerializeMap = Compound<'t>;
    type SerializeStruct = Compound<'t>;
    type SerializeStructVariant = Compound<'t>;

    fn serialize_bool(self, v: bool) -> Written {
        self.ops.push(Op::Bool(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Written {
        self.push_number(Op::Int, v as u64)
    }
    fn serialize_u64(self, v: u64) -> Written {
        self.push_number(Op::Uint, v)
    }
    fn serialize_f64(self, v: f64) -> Written {
        self.push_number(Op::Float, v.to_bits())
    }
    widened! { serialize_i64: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
    serialize_u8(u8), serialize_u16(u16), serialize_u32(u32) }
    widened! { serialize_f64: serialize_f32(f32) }
    fn serialize_char(self, v: char) -> Written {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Written {
        let op = self.push_str(v)?;
        self.ops.push(op);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Written {
        let mut list = self.open(Op::List(0));
        for b in v {
            ser::SerializeSeq::serialize_element(&mut list, b)?;
        }
        ser::SerializeSeq::end(list)
    }
    fn serialize_none(self) -> Written {
        self.ops.push(Op::None);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Written {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Written {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Written {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Written {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Written {
        value.serialize(self)
    }
    /// `{variant: value}`, as serde_json writes it.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Written {
        self.ops.push(Op::Dict(1));
        self.push_key(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'t>, Unwritable> {
        Ok(self.open(Op::List(0)))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'t>, Unwritable> {
        Ok(self.open(Op::List(0)))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Unwritable> {
        Ok(self.open(Op::List(0)))
    }
    /// `{variant: [fields]}`, as serde_json writes it.
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Unwritable> {
        self.ops.push(Op::Dict(1));
        self.push_key(variant)?;
        Ok(self.open(Op::List(0)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'t>, Unwritable> {
        Ok(self.open(Op::Dict(0)))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Unwritable> {
        Ok(self.open(Op::Dict(0)))
    }
    /// `{variant: {fields}}`, as serde_json writes it.
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'t>, Unwritable> {
        self.ops.push(Op::Dict(1));
        self.push_key(variant)?;
        Ok(self.open(Op::Dict(0)))
    }
}

/// A list or dict being written: where its operation is, and how many values or entries
/// it has so far.
pub(crate) struct Compound<'t> {
    tape: &'t mut Tape,
    at: usize,
    count: u32,
}

impl Compound<'_> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Written {
        self.count += 1;
        self.tape.push_key(key)?;
        value.serialize(&mut *self.tape)
    }

    fn end(self) -> Written {
        let count = self.count;
        match &mut self.tape.ops[self.at] {
            Op::List(n) | Op::Dict(n) => *n = count,
            _ => unreachable!("a compound starts with a list or a dict"),
        }
        Ok(())
    }
}

/// The serde traits of lists (sequences, tuples, tuple structs and variants): each value
/// is one more item.
macro_rules! list_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
                self.value(value)
            }
            fn end(self) -> Written {
                Compound::end(self)
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Written {
        self.count += 1;
        key.serialize(Keys(&mut *self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

/// The serde traits of structs and struct variants: each field is one more entry.
macro_rules! dict_like {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Written {
                self.field(key, value)
            }
            fn end(self) -> Written {
                Compound::end(self)
            }
        }
    )*};
}

dict_like!(SerializeStruct, SerializeStructVariant);

/// The serializer of a dict's keys: strings, and numbers, booleans and characters as their
/// text, as JSON has them.
struct Keys<'t>(&'t mut Tape);

impl Keys<'_> {
    fn text(self, v: impl fmt::Display) -> Written {
        self.0.push_key(&v.to_string())
    }
}

fn not_a_key() -> Unwritable {
    Unwritable("a dict key must be a string, a number or a boolean".into())
}

impl ser::Serializer for Keys<'_> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Impossible<(), Unwritable>;
    type SerializeTuple = Impossible<(), Unwritable>;
    type SerializeTupleStruct = Impossible<(), Unwritable>;
    type SerializeTupleVariant = Impossible<(), Unwritable>;
    type SerializeMap = Impossible<(), Unwritable>;
    type SerializeStruct = Impossible<(), Unwritable>;
    type SerializeStructVariant = Impossible<(), Unwritable>;

    fn serialize_str(self, v: &str) -> Written {
        self.0.push_key(v)
    }
    widened! { text: serialize_bool(bool), serialize_i8(i8), serialize_i16(i16),
    serialize_i32(i32), serialize_i64(i64), serialize_u8(u8), serialize_u16(u16),
    serialize_u32(u32), serialize_u64(u64), serialize_f32(f32), serialize_f64(f64),
    serialize_char(char) }
    fn serialize_bytes(self, _v: &[u8]) -> Written {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Written {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Written {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Written {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Written {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Written {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Written {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Written {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(not_a_key())
    }
}
