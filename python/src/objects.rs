//! The document as Python objects, made one of two ways from the document's `Serialize`
//! (the one that writes the `wikimd parse` JSON, so that neither can differ from it):
//!
//! - at once ([`make`]): `parse` and `parse_file`, one document on the calling thread;
//! - through a [`Tape`]: `parse_files`. The tape is written where the document was
//!   parsed, with the interpreter released (walking the model, decoding escapes, folding
//!   lines, collecting: all the Rust work); the calling thread, whose share of the work
//!   decides how far the parsing threads can scale, then only makes the objects, from a
//!   flat list of operations.
//!
//! One serializer writes both ways, into a [`Sink`]. The keys of the contract (`text`,
//! `level`, `paragraphs`, …: 43 % of all strings in the corpus's documents) are interned
//! strings made once per process, not a new string per dict.

use std::fmt;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};

/// The keys the JSON contract names and the link types it writes as values (made into
/// interned Python strings once), and `known_key`, where a key is among them: a `match`,
/// where a search of the list compared up to 28 strings for each of the 14,000 keys of a
/// pass over the corpus (98.9 M → 97.7 M instructions a pass of `wikimd.parse`,
/// callgrind).
macro_rules! known_keys {
    ($($index:literal: $key:literal,)*) => {
        const KEYS: [&str; [$($index),*].len()] = [$($key),*];

        /// Where `key` is in [`KEYS`].
        fn known_key(key: &str) -> Option<u8> {
            match key {
                $($key => Some($index),)*
                _ => None,
            }
        }

        // Each key's index is its place in the list.
        const _: () = {
            let mut i = 0;
            let indexes = [$($index),*];
            while i < indexes.len() {
                assert!(indexes[i] as usize == i);
                i += 1;
            }
        };
    };
}

known_keys! {
    0: "text",
    1: "title",
    2: "level",
    3: "paragraphs",
    4: "lists",
    5: "tables",
    6: "figures",
    7: "type",
    8: "page",
    9: "links",
    10: "alt",
    11: "url",
    12: "file",
    13: "number",
    14: "header",
    15: "rows",
    16: "sections",
    17: "infoboxes",
    18: "shortDescription",
    19: "description",
    20: "author",
    21: "img",
    22: "formatting",
    23: "bold",
    24: "italic",
    25: "anchor",
    26: "site",
    27: "wiki",
    28: "internal",
    29: "external",
    30: "interwiki",
}

/// Where a value is one of the link types (`"type": "internal"`, 586 of the 19,103 strings
/// of a pass over the corpus), made once like the keys: the only values that repeat
/// across documents often enough to be worth a look at every string.
fn known_value(value: &str) -> Option<u8> {
    match value {
        "internal" => Some(28),
        "external" => Some(29),
        "interwiki" => Some(30),
        _ => None,
    }
}

/// The interned strings of [`KEYS`], made the first time they are needed.
fn interned(py: Python<'_>) -> &[Py<PyString>] {
    static INTERNED: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();
    INTERNED.get_or_init(py, || {
        KEYS.iter()
            .map(|k| PyString::intern(py, k).unbind())
            .collect()
    })
}

/// Makes `value`'s objects at once, with the interpreter held: for one document on the
/// calling thread, where a tape would be written and read on the same thread (7 % of
/// the instructions the objects cost: writing the strings and operations, reading them
/// back).
pub(crate) fn make<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let mut objects = Objects {
        py,
        made: Vec::with_capacity(64),
        interned: interned(py),
        strings: Strings::new(),
    };
    with_collector_held(py, || {
        value
            .serialize(Writer(&mut objects))
            .map_err(Unwritable::into_pyerr)?;
        objects.made.pop().ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err("wikimd: a value made no object")
        })
    })
}

/// The most room (text, operations and numbers, in bytes) of a tape kept for another
/// document.
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
    /// A string of [`KEYS`] (a key, or a link type).
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

impl Tape {
    /// Writes `value` (no interpreter needed) over what the tape held, in the room it has:
    /// a tape used again grows no more once it has held a document of the size.
    pub(crate) fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.ops.clear();
        self.text.clear();
        self.numbers.clear();
        value.serialize(Writer(self))
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
        let mut maker = Maker {
            py,
            ops: self.ops.iter(),
            text: &self.text,
            numbers: self.numbers.iter(),
            interned: interned(py),
            strings: Strings::new(),
        };
        with_collector_held(py, || maker.next())
    }

    fn push_str(&mut self, s: &str) -> Written {
        let len = u32::try_from(s.len())
            .map_err(|_| Unwritable::Shape("a string of 4 GiB or more".into()))?;
        self.text.push_str(s);
        self.ops.push(Op::Str(len));
        Ok(())
    }

    fn push_number(&mut self, op: Op, bits: u64) -> Written {
        self.numbers.push(bits);
        self.ops.push(op);
        Ok(())
    }
}

/// Where the serializer puts what it is given: a [`Tape`], or the objects themselves
/// ([`Objects`]). Lists and dicts are opened, given their values (a dict: each key, then
/// its value), and closed with their number of values or entries.
trait Sink {
    fn none(&mut self) -> Written;
    fn bool(&mut self, v: bool) -> Written;
    fn int(&mut self, v: i64) -> Written;
    fn uint(&mut self, v: u64) -> Written;
    fn float(&mut self, v: f64) -> Written;
    fn str(&mut self, v: &str) -> Written;
    /// A dict's key: one of [`KEYS`] as its interned string.
    fn key(&mut self, v: &str) -> Written;
    /// Opens a list or a dict; gives what [`Sink::close`] is to be given.
    fn open(&mut self, dict: bool) -> usize;
    fn close(&mut self, at: usize, dict: bool, count: u32) -> Written;
}

impl Sink for Tape {
    fn none(&mut self) -> Written {
        self.ops.push(Op::None);
        Ok(())
    }
    fn bool(&mut self, v: bool) -> Written {
        self.ops.push(Op::Bool(v));
        Ok(())
    }
    fn int(&mut self, v: i64) -> Written {
        self.push_number(Op::Int, v as u64)
    }
    fn uint(&mut self, v: u64) -> Written {
        self.push_number(Op::Uint, v)
    }
    fn float(&mut self, v: f64) -> Written {
        self.push_number(Op::Float, v.to_bits())
    }
    fn str(&mut self, v: &str) -> Written {
        match known_value(v) {
            Some(i) => {
                self.ops.push(Op::Known(i));
                Ok(())
            }
            None => self.push_str(v),
        }
    }
    fn key(&mut self, v: &str) -> Written {
        match known_key(v) {
            Some(i) => {
                self.ops.push(Op::Known(i));
                Ok(())
            }
            None => self.push_str(v),
        }
    }
    /// The list's or dict's operation, its count written when it is closed.
    fn open(&mut self, dict: bool) -> usize {
        self.ops.push(if dict { Op::Dict(0) } else { Op::List(0) });
        self.ops.len() - 1
    }
    fn close(&mut self, at: usize, _dict: bool, count: u32) -> Written {
        match &mut self.ops[at] {
            Op::List(n) | Op::Dict(n) => *n = count,
            _ => unreachable!("a compound starts with a list or a dict"),
        }
        Ok(())
    }
}

/// The objects being made at once: each value is pushed when made, and a list or dict,
/// when closed, takes the values pushed since it was opened.
struct Objects<'py, 'i> {
    py: Python<'py>,
    made: Vec<Bound<'py, PyAny>>,
    interned: &'i [Py<PyString>],
    strings: Strings,
}

impl<'py> Objects<'py, '_> {
    /// `v` as a string: the interned one of [`KEYS`] at `known`, or a new one.
    fn string(&mut self, known: Option<u8>, v: &str) -> PyResult<Bound<'py, PyAny>> {
        match known {
            Some(i) => Ok(self.interned[usize::from(i)]
                .bind(self.py)
                .clone()
                .into_any()),
            None => self.strings.make(self.py, v),
        }
    }

    fn push(&mut self, made: PyResult<Bound<'py, PyAny>>) -> Written {
        self.made.push(made?);
        Ok(())
    }
}

impl Sink for Objects<'_, '_> {
    fn none(&mut self) -> Written {
        let none = self.py.None().into_bound(self.py);
        self.push(Ok(none))
    }
    fn bool(&mut self, v: bool) -> Written {
        self.push(v.into_bound_py_any(self.py))
    }
    fn int(&mut self, v: i64) -> Written {
        self.push(v.into_bound_py_any(self.py))
    }
    fn uint(&mut self, v: u64) -> Written {
        self.push(v.into_bound_py_any(self.py))
    }
    fn float(&mut self, v: f64) -> Written {
        self.push(v.into_bound_py_any(self.py))
    }
    fn str(&mut self, v: &str) -> Written {
        let s = self.string(known_value(v), v);
        self.push(s)
    }
    fn key(&mut self, v: &str) -> Written {
        let key = self.string(known_key(v), v);
        self.push(key)
    }
    /// Where the list's or dict's values start on the stack of made objects.
    fn open(&mut self, _dict: bool) -> usize {
        self.made.len()
    }
    fn close(&mut self, at: usize, dict: bool, _count: u32) -> Written {
        let py = self.py;
        let made = if dict {
            let made = PyDict::new(py);
            let mut entries = self.made.drain(at..);
            while let (Some(key), Some(value)) = (entries.next(), entries.next()) {
                made.set_item(key, value)?;
            }
            made.into_any()
        } else {
            PyList::new(py, self.made.drain(at..))?.into_any()
        };
        self.push(Ok(made))
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
    let _on_again = OnAgain(py, enable);
    make()
}

/// Turns Python's collector on again when dropped: after `make`, whether it returned,
/// failed or panicked (a collector left off would be a change the caller never asked for).
struct OnAgain<'a, 'py>(Python<'py>, &'a Py<PyAny>);

impl Drop for OnAgain<'_, '_> {
    fn drop(&mut self) {
        // `gc.enable()` takes nothing and does not fail; if it did, its error is dropped.
        let _ = self.1.call0(self.0);
    }
}

/// Makes objects from a tape's operations, in order.
struct Maker<'t, 'py> {
    py: Python<'py>,
    ops: std::slice::Iter<'t, Op>,
    /// The text of the strings not yet made.
    text: &'t str,
    numbers: std::slice::Iter<'t, u64>,
    interned: &'t [Py<PyString>],
    strings: Strings,
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
                self.strings.make(py, string)?
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

/// Why a value could not be written: a shape the JSON contract has no place for (a
/// serializer's error), or an error of the interpreter while its objects were made.
#[derive(Debug)]
pub(crate) enum Unwritable {
    Shape(String),
    Python(PyErr),
}

impl Unwritable {
    fn into_pyerr(self) -> PyErr {
        match self {
            Unwritable::Shape(message) => pyo3::exceptions::PyValueError::new_err(message),
            Unwritable::Python(error) => error,
        }
    }
}

impl From<PyErr> for Unwritable {
    fn from(error: PyErr) -> Self {
        Unwritable::Python(error)
    }
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unwritable::Shape(message) => f.write_str(message),
            Unwritable::Python(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unwritable::Shape(msg.to_string())
    }
}

type Written = Result<(), Unwritable>;

/// The serializer: what it is given goes to the sink.
struct Writer<'s, S>(&'s mut S);

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

impl<'s, S: Sink> ser::Serializer for Writer<'s, S> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'s, S>;
    type SerializeTuple = Compound<'s, S>;
    type SerializeTupleStruct = Compound<'s, S>;
    type SerializeTupleVariant = Compound<'s, S>;
    type SerializeMap = Compound<'s, S>;
    type SerializeStruct = Compound<'s, S>;
    type SerializeStructVariant = Compound<'s, S>;

    fn serialize_bool(self, v: bool) -> Written {
        self.0.bool(v)
    }
    fn serialize_i64(self, v: i64) -> Written {
        self.0.int(v)
    }
    fn serialize_u64(self, v: u64) -> Written {
        self.0.uint(v)
    }
    fn serialize_f64(self, v: f64) -> Written {
        self.0.float(v)
    }
    widened! { serialize_i64: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
    serialize_u8(u8), serialize_u16(u16), serialize_u32(u32) }
    widened! { serialize_f64: serialize_f32(f32) }
    fn serialize_char(self, v: char) -> Written {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Written {
        self.0.str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Written {
        let at = self.0.open(false);
        for &b in v {
            self.0.int(i64::from(b))?;
        }
        let count = u32::try_from(v.len())
            .map_err(|_| Unwritable::Shape("more than 4 G bytes in a list".into()))?;
        self.0.close(at, false, count)
    }
    fn serialize_none(self) -> Written {
        self.0.none()
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
        let at = self.0.open(true);
        self.0.key(variant)?;
        value.serialize(Writer(&mut *self.0))?;
        self.0.close(at, true, 1)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'s, S>, Unwritable> {
        Ok(Compound::open(self.0, false, None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'s, S>, Unwritable> {
        Ok(Compound::open(self.0, false, None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, S>, Unwritable> {
        Ok(Compound::open(self.0, false, None))
    }
    /// `{variant: [fields]}`, as serde_json writes it.
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, S>, Unwritable> {
        let outer = self.0.open(true);
        self.0.key(variant)?;
        Ok(Compound::open(self.0, false, Some(outer)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'s, S>, Unwritable> {
        Ok(Compound::open(self.0, true, None))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, S>, Unwritable> {
        Ok(Compound::open(self.0, true, None))
    }
    /// `{variant: {fields}}`, as serde_json writes it.
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, S>, Unwritable> {
        let outer = self.0.open(true);
        self.0.key(variant)?;
        Ok(Compound::open(self.0, true, Some(outer)))
    }
}

/// A list or dict being written: what its sink gave when it was opened, and how many
/// values or entries it has so far; for a variant's, the dict around it.
struct Compound<'s, S> {
    sink: &'s mut S,
    at: usize,
    dict: bool,
    count: u32,
    variant: Option<usize>,
}

impl<'s, S: Sink> Compound<'s, S> {
    fn open(sink: &'s mut S, dict: bool, variant: Option<usize>) -> Self {
        let at = sink.open(dict);
        Compound {
            sink,
            at,
            dict,
            count: 0,
            variant,
        }
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.count += 1;
        value.serialize(Writer(&mut *self.sink))
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Written {
        self.count += 1;
        self.sink.key(key)?;
        value.serialize(Writer(&mut *self.sink))
    }

    fn end(self) -> Written {
        self.sink.close(self.at, self.dict, self.count)?;
        match self.variant {
            Some(outer) => self.sink.close(outer, true, 1),
            None => Ok(()),
        }
    }
}

/// The serde traits of lists (sequences, tuples, tuple structs and variants): each value
/// is one more item.
macro_rules! list_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<S: Sink> ser::$trait for Compound<'_, S> {
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

impl<S: Sink> ser::SerializeMap for Compound<'_, S> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Written {
        self.count += 1;
        key.serialize(Keys(&mut *self.sink))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        value.serialize(Writer(&mut *self.sink))
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

/// The serde traits of structs and struct variants: each field is one more entry.
macro_rules! dict_like {
    ($($trait:ident),*) => {$(
        impl<S: Sink> ser::$trait for Compound<'_, S> {
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
struct Keys<'s, S>(&'s mut S);

impl<S: Sink> Keys<'_, S> {
    fn text(self, v: impl fmt::Display) -> Written {
        self.0.key(&v.to_string())
    }
}

fn not_a_key() -> Unwritable {
    Unwritable::Shape("a dict key must be a string, a number or a boolean".into())
}

impl<S: Sink> ser::Serializer for Keys<'_, S> {
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
        self.0.key(v)
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

/// Makes the strings that are not among [`KEYS`]: from UTF-8 where they are ASCII, and
/// from UTF-16 where they are not and the processor has AVX-512
/// (`wikimd::push_utf16_unless_ascii`, thirty-two bytes a step).
///
/// CPython's UTF-8 decoder (`PyUnicode_FromStringAndSize`) copies ASCII a word at a time,
/// but decodes every other character on its own, and widens the string it has begun at
/// the first character past U+007F and shrinks it at the end. Its UTF-16 decoder takes
/// four units a step. The corpus's mojibake documents, a pass: 3,400 strings that are not
/// ASCII, 543,000 characters (400,000 of them in 1,300 strings mostly ASCII: paragraphs
/// with a dash or a curly quote): CPython's side 6.4 M instructions from UTF-8, 3.4 M
/// from UTF-16, and `wikimd.parse` about 1.2 % quicker in all with AVX-512's step (two
/// builds timed round by round, `python/benches/paired_builds.py`). AVX2's step (sixteen
/// bytes) cost as much as it saved (see BENCHMARKS.md).
struct Strings {
    /// Whether `wikimd::push_utf16_unless_ascii` is quick here.
    quick: bool,
    /// The last string's UTF-16, its room kept for the next.
    units: Vec<u16>,
}

impl Strings {
    fn new() -> Self {
        Strings {
            quick: wikimd::push_utf16_is_quick(),
            units: Vec::new(),
        }
    }

    fn make<'py>(&mut self, py: Python<'py>, v: &str) -> PyResult<Bound<'py, PyAny>> {
        self.units.clear();
        if !self.quick
            || (v.len() < 32 && v.is_ascii())
            || !wikimd::push_utf16_unless_ascii(v, &mut self.units)
        {
            return Ok(PyString::new(py, v).into_any());
        }
        let size = isize::try_from(2 * self.units.len())
            .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("wikimd: a string too long"))?;
        // The units' order, given: a first unit U+FEFF is then a character, not an order
        // mark to drop.
        let mut order: std::os::raw::c_int = if cfg!(target_endian = "little") {
            -1
        } else {
            1
        };
        // SAFETY: `units` holds `size` bytes of UTF-16 in the machine's order, and
        // `order` says which; CPython copies them into a new `str` (a new reference, or
        // null with an exception set, which `from_owned_ptr_or_err` takes) and keeps no
        // pointer to either. The errors handler is null: strict, though the units, from
        // a `str`, are all valid.
        #[allow(unsafe_code)]
        unsafe {
            Bound::from_owned_ptr_or_err(
                py,
                pyo3::ffi::PyUnicode_DecodeUTF16(
                    self.units.as_ptr().cast(),
                    size,
                    std::ptr::null(),
                    &mut order,
                ),
            )
        }
    }
}
