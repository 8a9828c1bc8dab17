//! The Python module `wikimd` (its compiled part, `wikimd._wikimd`): the Rust crate's
//! repair and parse, with results as Python objects in the shape of the `wikimd parse`
//! JSON (`tests/corpus/CONTRACT.md`), built directly (no JSON text in between).
//!
//! The work (reading, repairing, parsing) runs with the interpreter released (`detach`)
//! wherever it is long enough for that to pay (reading files, texts of 256 kB and more):
//! `parse_files` parses on Rust threads while Python builds the objects of the documents
//! already parsed.

// PyO3's macros expand to unsafe code of their own; this crate writes two blocks, each
// for a measured reason given where it is: in `input` (CPython's `PyUnicode_GetLength`
// and `PyUnicode_AsUCS4`) and in `objects` (`PyUnicode_DecodeUTF16`).
#![deny(unsafe_code)]

mod input;
mod objects;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use objects::Tape;
use pyo3::exceptions::{PyOSError, PyUnicodeDecodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use wikimd::{ErrorKind, OwnedDocument, ParseOptions};

pyo3::create_exception!(
    wikimd,
    ParseError,
    PyValueError,
    "A document that does not parse. Attributes: line and column (1-based, columns in \
     characters), offset (in bytes of the UTF-8 text), message, and path (the file's, or \
     None)."
);

/// How to parse, from the keyword arguments.
#[derive(Clone, Copy)]
struct Settings {
    repair: bool,
    strict_commonmark: bool,
}

impl Settings {
    fn options(self) -> ParseOptions {
        let list_end = if self.strict_commonmark {
            wikimd::ListEnd::CommonMark
        } else {
            wikimd::ListEnd::WhereWritten
        };
        ParseOptions::new().list_end(list_end)
    }

    /// Repairs (when asked) and parses `text`, keeping it; an error's position is in
    /// `text` as given.
    fn parse(self, text: String) -> Result<OwnedDocument, wikimd::Error> {
        let options = self.options();
        if self.repair {
            OwnedDocument::repair_and_parse_with(text, &options)
        } else {
            OwnedDocument::parse_with(text, &options)
        }
    }

    /// `parse`, and the document written on `tape` (one used before, or a new one), the
    /// tape its objects are made from.
    fn tape(self, text: String, mut tape: Tape) -> Result<Tape, Failure> {
        let doc = self.parse(text).map_err(Failure::Parse)?;
        match tape.write(&doc) {
            Ok(()) => Ok(tape),
            Err(e) => Err(Failure::Unwritable(e.to_string())),
        }
    }
}

/// Why a file gave no document.
enum Failure {
    Io(std::io::Error),
    NotUtf8(Vec<u8>, std::str::Utf8Error),
    Parse(wikimd::Error),
    /// A value the objects have no shape for (not one the JSON contract writes).
    Unwritable(String),
}

impl Failure {
    /// The Python exception for it: `OSError`, `UnicodeDecodeError` or `ParseError`.
    fn into_pyerr(self, py: Python<'_>, path: Option<&Path>) -> PyErr {
        match self {
            Failure::Io(error) => {
                // OSError(errno, strerror, filename): Python picks the subclass
                // (FileNotFoundError, PermissionError, …) and says it as Python does.
                let message = error.to_string();
                let strerror = match message.rfind(" (os error ") {
                    Some(end) => message[..end].to_string(),
                    None => message,
                };
                let filename = path.map(|p| p.to_string_lossy().into_owned());
                PyOSError::new_err((error.raw_os_error().unwrap_or(0), strerror, filename))
            }
            Failure::NotUtf8(bytes, error) => decode_error(py, &bytes, error),
            Failure::Parse(error) => parse_error(py, &error, path),
            Failure::Unwritable(message) => PyValueError::new_err(message),
        }
    }
}

/// A `UnicodeDecodeError` at the first byte of `bytes` that is not UTF-8.
fn decode_error(py: Python<'_>, bytes: &[u8], error: std::str::Utf8Error) -> PyErr {
    match PyUnicodeDecodeError::new_utf8(py, bytes, error) {
        Ok(e) => PyErr::from_value(e.into_any()),
        Err(e) => e,
    }
}

/// A `ParseError` with the position of `error`.
fn parse_error(py: Python<'_>, error: &wikimd::Error, path: Option<&Path>) -> PyErr {
    if let ErrorKind::Io { message, .. } = error.kind() {
        return PyOSError::new_err(message.clone());
    }
    let said = match path {
        Some(path) => error.clone().with_path(path).to_string(),
        None => error.to_string(),
    };
    let err = ParseError::new_err(said);
    let value = err.value(py);
    let path = path.map(|p| p.to_string_lossy().into_owned());
    let set = value
        .setattr("line", error.line())
        .and_then(|()| value.setattr("column", error.column()))
        .and_then(|()| value.setattr("offset", error.offset()))
        .and_then(|()| value.setattr("message", error.kind().to_string()))
        .and_then(|()| value.setattr("path", path));
    match set {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// `str` as it is; `bytes` as UTF-8 (a `UnicodeDecodeError` at the first bad byte);
/// anything else a `TypeError` that says what was expected.
fn text_of(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(bytes) = text.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        if let Ok(text) = wikimd::from_utf8(bytes) {
            return Ok(text.to_string());
        }
        // The error as std reports it (the length of the bad sequence too).
        return match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_string()),
            Err(e) => Err(decode_error(py, bytes, e)),
        };
    }
    let Ok(string) = text.cast::<PyString>() else {
        // (pyo3's own message would name `str` alone.)
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected str or bytes, not {}",
            text.get_type().name()?
        )));
    };
    if let Some(text) = input::string_of(string) {
        return Ok(text);
    }
    text.extract::<String>()
}

/// Reads a file's text: UTF-8, or the reason why not.
fn read(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(Failure::Io)?;
    // wikimd's check is SIMD-quick; the copy costs less than std's slower check would.
    if let Ok(text) = wikimd::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        let error = e.utf8_error();
        Failure::NotUtf8(e.into_bytes(), error)
    })
}

/// Reads, repairs and parses one file, and writes the tape of its objects on `tape`.
fn load(path: &Path, settings: Settings, tape: Tape) -> Result<Tape, Failure> {
    settings.tape(read(path)?, tape)
}

/// From how many bytes of text `repair`, `explain`, `parse` and `sections` release the
/// interpreter while they work: about a millisecond or two of work. Releasing it costs
/// nothing, but taking it back waits for a switch interval (5 ms) whenever another Python
/// thread is running: a 20 kB article, parsed in a tenth of a millisecond, would take 50
/// times as long. Below this, the interpreter is held for less time than a switch interval
/// lets a thread keep it.
const RELEASE_FROM: usize = 256 * 1024;

/// `work` on a text of `len` bytes: with the interpreter released from [`RELEASE_FROM`]
/// bytes on, holding it below.
fn work_on<T, F>(py: Python<'_>, len: usize, work: F) -> T
where
    F: pyo3::marker::Ungil + FnOnce() -> T,
    T: pyo3::marker::Ungil,
{
    if len >= RELEASE_FROM {
        py.detach(work)
    } else {
        work()
    }
}

/// repair(text: str) -> str
///
/// The text with its mojibake repaired (UTF-8 that was read as Windows-1252, Latin-1,
/// Windows-1250/1251/1253/1254/1257, ISO-8859-2, Mac OS Roman or CP437, one layer or
/// several); clean text comes back unchanged.
#[pyfunction]
fn repair(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let owned = text_of(py, text)?;
    let repaired = work_on(py, owned.len(), || match wikimd::repair(&owned) {
        std::borrow::Cow::Owned(repaired) => Some(repaired),
        std::borrow::Cow::Borrowed(_) => None,
    });
    match repaired {
        Some(repaired) => Ok(repaired.into_pyobject(py)?.into_any().unbind()),
        // Clean text: the very object given, when it was a str.
        None if text.is_instance_of::<pyo3::types::PyString>() => Ok(text.clone().unbind()),
        None => Ok(owned.into_pyobject(py)?.into_any().unbind()),
    }
}

/// explain(text: str) -> list[dict]
///
/// Each fix that `repair` makes, in text order: a dict with `span` (start and end, as
/// indices of the str), `encoding` (the reading undone, outermost layer first:
/// "windows-1252", …, or "c1-control"), `layers` (every reading undone, outermost first),
/// `before` and `after`.
#[pyfunction]
fn explain<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let text = text_of(py, text)?;
    let report = work_on(py, text.len(), || wikimd::repair::explain(&text));
    let fixes = PyList::empty(py);
    // Byte offsets to str indices, counted on from one fix to the next.
    let (mut byte, mut index) = (0usize, 0usize);
    let mut index_of = |offset: usize| {
        index += text[byte..offset].chars().count();
        byte = offset;
        index
    };
    for fix in &report.fixes {
        let (start, end) = (index_of(fix.span.start), index_of(fix.span.end));
        let layers: Vec<String> = fix
            .kinds
            .iter()
            .map(|kind| match kind {
                wikimd::repair::FixKind::Mojibake(encoding) => encoding.name().to_string(),
                _ => "c1-control".to_string(),
            })
            .collect();
        let dict = PyDict::new(py);
        dict.set_item("span", (start, end))?;
        dict.set_item("encoding", layers.first())?;
        dict.set_item("layers", layers)?;
        dict.set_item("before", &fix.before)?;
        dict.set_item("after", &fix.after)?;
        fixes.append(dict)?;
    }
    Ok(fixes)
}

/// parse(text: str | bytes, *, repair: bool = True, strict_commonmark: bool = False) -> dict
///
/// The document as the `wikimd parse` command gives it in JSON, as Python objects. Raises
/// `ParseError` (with line, column, offset and message; the position is in the text as
/// given, even when it was repaired first) and, for bytes that are not UTF-8,
/// `UnicodeDecodeError` at the first bad byte.
#[pyfunction]
#[pyo3(signature = (text, *, repair = true, strict_commonmark = false))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    repair: bool,
    strict_commonmark: bool,
) -> PyResult<Py<PyAny>> {
    let text = text_of(py, text)?;
    let settings = Settings {
        repair,
        strict_commonmark,
    };
    let doc = work_on(py, text.len(), || settings.parse(text))
        .map_err(|error| parse_error(py, &error, None))?;
    Ok(objects::make(py, &doc)?.unbind())
}

/// sections(text: str | bytes, *, repair: bool = True, strict_commonmark: bool = False)
///     -> list[dict]
///
/// Each section of the document in reading order, the lead first, as plain text for a
/// dataset: a dict with `heading_path` (the titles of the section and of the sections it
/// is in, outermost first; empty for the lead), `level`, `title` and `plain_text` (the
/// Rust crate's `Section::plain_text`: paragraphs, list items, table rows and figure
/// captions in reading order). Raises as `parse`.
#[pyfunction]
#[pyo3(signature = (text, *, repair = true, strict_commonmark = false))]
fn sections<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    repair: bool,
    strict_commonmark: bool,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_of(py, text)?;
    let settings = Settings {
        repair,
        strict_commonmark,
    };
    let rows = work_on(py, text.len(), || {
        let owned = settings.parse(text)?;
        let rows: Vec<(Vec<String>, u8, String, String)> = owned
            .document()
            .sections_with_paths()
            .map(|(path, section)| {
                let path = path.into_iter().map(|t| t.to_string()).collect();
                let title = section.title().to_string();
                (path, section.level(), title, section.plain_text())
            })
            .collect();
        Ok(rows)
    })
    .map_err(|e| parse_error(py, &e, None))?;
    let list = PyList::empty(py);
    for (heading_path, level, title, plain_text) in rows {
        let dict = PyDict::new(py);
        dict.set_item("heading_path", heading_path)?;
        dict.set_item("level", level)?;
        dict.set_item("title", title)?;
        dict.set_item("plain_text", plain_text)?;
        list.append(dict)?;
    }
    Ok(list)
}

/// parse_file(path, *, repair: bool = True, strict_commonmark: bool = False) -> dict
///
/// `parse` of a file's text. Raises `OSError`, `UnicodeDecodeError` (with the byte
/// offset) or `ParseError` (with the path).
#[pyfunction]
#[pyo3(signature = (path, *, repair = true, strict_commonmark = false))]
fn parse_file(
    py: Python<'_>,
    path: PathBuf,
    repair: bool,
    strict_commonmark: bool,
) -> PyResult<Py<PyAny>> {
    let settings = Settings {
        repair,
        strict_commonmark,
    };
    let doc = py
        .detach(|| settings.parse(read(&path)?).map_err(Failure::Parse))
        .map_err(|failure| failure.into_pyerr(py, Some(&path)))?;
    Ok(objects::make(py, &doc)?.unbind())
}

/// parse_files(paths, threads=None, *, repair=True, strict_commonmark=False)
///
/// An iterator of `(path, result)` in the order of `paths`: `result` is the document's
/// dict, or the exception `parse_file` would raise (`ParseError`, `OSError`,
/// `UnicodeDecodeError`), returned, not raised, so that one bad file does not end the run.
/// Files are read and parsed on `threads` Rust threads (default: one per core) with the
/// interpreter released, a bounded number of documents ahead of the consumer, which builds
/// their objects; with `threads=1`, on the calling thread, when a file is asked for (the
/// interpreter released while it is read and parsed, with the next few files as long as
/// that takes less than a switch interval).
#[pyfunction]
#[pyo3(signature = (paths, threads = None, *, repair = true, strict_commonmark = false))]
fn parse_files(
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    repair: bool,
    strict_commonmark: bool,
) -> PyResult<ParseFiles> {
    let settings = Settings {
        repair,
        strict_commonmark,
    };
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    if threads > 1024 {
        return Err(PyValueError::new_err("threads: at most 1024"));
    }
    ParseFiles::start(paths, threads, settings)
        .map_err(|e| PyOSError::new_err(format!("parse_files: no thread could be started: {e}")))
}

/// A file's result as a Python object: the document's dict, or the exception for it.
type Built = PyResult<Py<PyAny>>;

/// Builds the Python object of a file's outcome.
fn build(py: Python<'_>, path: &Path, outcome: Result<Tape, Failure>, spares: &Spares) -> Built {
    match outcome {
        Ok(tape) => {
            let built = tape.to_python(py)?.unbind();
            spares.keep(tape);
            Ok(built)
        }
        Err(failure) => Ok(failure.into_pyerr(py, Some(path)).into_value(py).into_any()),
    }
}

/// Tapes whose objects are made, kept for the next documents of `parse_files`: a new tape
/// grows by reallocation as a document is written on it, and one made on a worker and
/// freed on the consumer goes back to the worker's heap through its lock (page faults and
/// lock waits on both threads); kept, a tape is written over in the room it has. Eight
/// threads against one, two idle cores: 1.58x → 1.64x; one thread 1 % faster.
struct Spares {
    tapes: Mutex<Vec<Tape>>,
    /// At most how many are kept: as many as there may be documents ahead of the consumer.
    most: usize,
}

impl Spares {
    fn new(most: usize) -> Spares {
        Spares {
            tapes: Mutex::new(Vec::new()),
            most,
        }
    }

    /// A kept tape, or a new one.
    fn take(&self) -> Tape {
        let kept = self.tapes.lock().ok().and_then(|mut tapes| tapes.pop());
        kept.unwrap_or_default()
    }

    /// Keeps `tape` for another document, unless enough are kept or it is too big.
    fn keep(&self, tape: Tape) {
        if !tape.worth_keeping() {
            return;
        }
        if let Ok(mut tapes) = self.tapes.lock() {
            if tapes.len() < self.most {
                tapes.push(tape);
            }
        }
    }
}

/// At most how many files `parse_files(threads=1)` reads ahead of the one asked for.
const INLINE_AHEAD: usize = 64;

/// `parse_files(threads=1)`: the files from `i` read and parsed on the calling thread with
/// the interpreter released, until a switch interval (`sys.getswitchinterval()`, 5 ms by
/// default) has passed or [`INLINE_AHEAD`] files are done. One file at a time would give
/// the interpreter back after each, and taking it back waits for a switch interval
/// whenever another Python thread is running: 5 ms a file.
fn read_ahead(
    py: Python<'_>,
    paths: &[PathBuf],
    i: usize,
    settings: Settings,
    spares: &Spares,
) -> PyResult<Vec<(usize, Result<Tape, Failure>)>> {
    let interval: f64 = py
        .import("sys")?
        .getattr("getswitchinterval")?
        .call0()?
        .extract()?;
    let interval = Duration::try_from_secs_f64(interval).unwrap_or(Duration::ZERO);
    Ok(py.detach(|| {
        let start = Instant::now();
        let mut ahead = Vec::new();
        for (j, path) in paths.iter().enumerate().skip(i) {
            ahead.push((j, load(path, settings, spares.take())));
            if ahead.len() == INLINE_AHEAD || start.elapsed() >= interval {
                break;
            }
        }
        ahead
    }))
}

/// Files a worker thread may be ahead of the consumer, in results not yet given.
const WINDOW_PER_THREAD: usize = 16;

/// The iterator `parse_files` returns.
#[pyclass(module = "wikimd")]
struct ParseFiles {
    paths: Arc<Vec<PathBuf>>,
    /// The next index to give.
    next: usize,
    /// Results that came before their turn.
    pending: BTreeMap<usize, Result<Tape, Failure>>,
    results: Mutex<Receiver<(usize, Result<Tape, Failure>)>>,
    /// One permit lets a worker start one file; it comes back when the file's result is
    /// given. Dropped (with `self`), it stops the workers.
    ///
    /// The workers wait for permits each on its own (a channel with many receivers). They
    /// once shared one receiver behind a mutex, and the worker waiting in it held the
    /// mutex: when the consumer's permit woke that worker onto the consumer's busy core,
    /// the seven others waited behind the mutex while the other core sat idle for up to
    /// 4 ms (`perf sched`: 12 % of both cores idle; now 3-5 %).
    permits: Mutex<Option<crossbeam_channel::Sender<()>>>,
    workers: Vec<JoinHandle<()>>,
    /// Tapes to write the next documents on.
    spares: Arc<Spares>,
    /// `threads=1`: no worker, each file is parsed when it is asked for.
    inline: Option<Settings>,
}

impl ParseFiles {
    fn start(
        paths: Vec<PathBuf>,
        threads: usize,
        settings: Settings,
    ) -> std::io::Result<ParseFiles> {
        let paths = Arc::new(paths);
        if threads == 1 {
            return Ok(ParseFiles {
                paths,
                next: 0,
                pending: BTreeMap::new(),
                results: Mutex::new(mpsc::channel().1),
                permits: Mutex::new(None),
                workers: Vec::new(),
                spares: Arc::new(Spares::new(INLINE_AHEAD)),
                inline: Some(settings),
            });
        }
        // How many files may be read ahead of the one the consumer is on, per thread: a
        // long document holds up the files after it, whose results wait until it is
        // given; with four a thread the workers ran out of permits behind one (eight
        // threads against one: 1.43x; sixteen: 1.54x, on two idle cores). With the
        // permits as they are now, 24, 48 and 128 in all for eight threads measured
        // alike (1.69-1.80x, within the noise of the machine).
        let window = WINDOW_PER_THREAD * threads;
        let (permit_sender, permit_receiver) = crossbeam_channel::bounded::<()>(window);
        for _ in 0..window {
            permit_sender.send(()).expect("room for every permit");
        }
        let (result_sender, results) = mpsc::channel();
        let next = Arc::new(AtomicUsize::new(0));
        let spares = Arc::new(Spares::new(window));
        let workers = (0..threads.min(paths.len()))
            .map(|_| {
                let (paths, next) = (Arc::clone(&paths), Arc::clone(&next));
                let (permits, results) = (permit_receiver.clone(), result_sender.clone());
                let spares = Arc::clone(&spares);
                std::thread::Builder::new().spawn(move || loop {
                    // More than half the window waits for the consumer: the next file can
                    // wait too. The core goes to whatever else is ready to run first (the
                    // consumer, when it shares the core with workers: on two cores, eight
                    // workers used to fill the window while it waited for its turn, then
                    // spun and slept on the permits; eight threads against one, 1.77-1.80x
                    // → 1.86-1.89x, the cores busy 1.92 → 1.97 of 2). Where nothing else is
                    // ready, the yield returns at once.
                    if permits.len() < window / 2 {
                        std::thread::yield_now();
                    }
                    if permits.recv().is_err() {
                        return;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { return };
                    if results
                        .send((i, load(path, settings, spares.take())))
                        .is_err()
                    {
                        return;
                    }
                })
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(ParseFiles {
            paths,
            next: 0,
            pending: BTreeMap::new(),
            results: Mutex::new(results),
            permits: Mutex::new(Some(permit_sender)),
            workers,
            spares,
            inline: None,
        })
    }
}

#[pymethods]
impl ParseFiles {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(
        mut slf: PyRefMut<'_, Self>,
        py: Python<'_>,
    ) -> PyResult<Option<(String, Py<PyAny>)>> {
        let i = slf.next;
        let Some(path) = slf.paths.get(i).cloned() else {
            return Ok(None);
        };
        let outcome = loop {
            if let Some(outcome) = slf.pending.remove(&i) {
                break outcome;
            }
            if let Some(settings) = slf.inline {
                let ahead = read_ahead(py, &slf.paths, i, settings, &slf.spares)?;
                slf.pending.extend(ahead);
                continue;
            }
            let results = &slf.results;
            let received = py.detach(|| results.lock().ok().and_then(|r| r.recv().ok()));
            match received {
                Some((j, outcome)) => {
                    slf.pending.insert(j, outcome);
                }
                None => return Err(PyValueError::new_err("parse_files: a worker stopped")),
            }
        };
        slf.next += 1;
        if let Ok(Some(permits)) = slf.permits.lock().as_deref() {
            let _ = permits.send(());
        }
        let built = build(py, &path, outcome, &slf.spares)?;
        Ok(Some((path.to_string_lossy().into_owned(), built)))
    }
}

impl Drop for ParseFiles {
    fn drop(&mut self) {
        // Without permits the workers stop after the file they are on.
        if let Ok(mut permits) = self.permits.lock() {
            permits.take();
        }
        // Other Python threads go on while the workers finish the file they are on.
        let workers: Vec<_> = self.workers.drain(..).collect();
        Python::attach(|py| {
            py.detach(|| {
                for worker in workers {
                    let _ = worker.join();
                }
            })
        });
    }
}

/// _parse_only(text: str | bytes) -> int
///
/// Repairs and parses `text` and drops the document, building no Python object: the Rust
/// crate's own time per document (with `str`, and the text's conversion to UTF-8 as
/// `parse` makes it), for the benchmark that compares it with `parse`. Gives the number
/// of sections. The interpreter is released as `parse` releases it (for large texts
/// only): released for every text, the crate alone paid a release and a take-back per
/// document that `parse` does not.
#[pyfunction]
fn _parse_only(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<usize> {
    let text = text_of(py, text)?;
    let settings = Settings {
        repair: true,
        strict_commonmark: false,
    };
    work_on(py, text.len(), || {
        settings
            .parse(text)
            .map(|doc| doc.document().sections().len())
    })
    .map_err(|e| parse_error(py, &e, None))
}

/// The compiled part of the `wikimd` package.
#[pymodule]
fn _wikimd(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    m.add_class::<ParseFiles>()?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(sections, m)?)?;
    m.add_function(wrap_pyfunction!(parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_only, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
