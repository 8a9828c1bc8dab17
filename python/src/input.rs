//! A Python `str` as a Rust `String`, quicker than CPython's own UTF-8 encoder where the
//! processor has AVX2 or AVX-512.
//!
//! CPython encodes a `str` that is not ASCII to UTF-8 one character at a time (about
//! 1.3 ns a character: a quarter of `wikimd.parse`'s time on the corpus's mojibake, two
//! thirds of what the crate's repair and parse take). Its characters copied out as code
//! points (`PyUnicode_AsUCS4`, a plain widening loop) and written as UTF-8 by the crate,
//! sixteen a step with AVX-512 or eight with AVX2 ([`wikimd::string_from_code_points`]),
//! take a fraction of that: see BENCHMARKS.md. ASCII text is copied as it is, and without
//! AVX2 (ARM, for one) CPython's encoder is kept.
//!
//! The package's one `unsafe` block is here: CPython's functions, handed a buffer with
//! room for the string's length as CPython itself reports it (`PyUnicode_GetLength`, not
//! `len()`, which a subclass of `str` may override).

use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// `text` as UTF-8, through its code points where that is quicker; `None` where it is
/// not, or where a code point is no scalar value (a lone surrogate: the caller's usual
/// conversion raises the error).
pub(crate) fn string_of(text: &Bound<'_, PyString>) -> Option<String> {
    if !wikimd::string_from_code_points_is_quick() {
        return None;
    }
    let py = text.py();
    if text
        .call_method0(intern!(py, "isascii"))
        .and_then(|ascii| ascii.is_truthy())
        .unwrap_or(true)
    {
        return None;
    }
    CODE_POINTS.with_borrow_mut(|code_points| {
        code_points.clear();
        // SAFETY: `text` is a live `str` (borrowed for the calls, with the interpreter
        // held). The buffer gets room for its length, as CPython has it; `AsUCS4`, when
        // it succeeds, has written that many code points (and no terminating null:
        // `copy_null` is 0), which `set_len` then takes.
        #[allow(unsafe_code)]
        let written = unsafe {
            let size = ffi::PyUnicode_GetLength(text.as_ptr());
            match usize::try_from(size) {
                Ok(len) => {
                    code_points.reserve(len);
                    let written =
                        ffi::PyUnicode_AsUCS4(text.as_ptr(), code_points.as_mut_ptr(), size, 0);
                    if !written.is_null() {
                        code_points.set_len(len);
                    }
                    !written.is_null()
                }
                Err(_) => false,
            }
        };
        if !written {
            // Whatever CPython raised: the caller's conversion will say it again.
            let _ = PyErr::take(py);
            return None;
        }
        let made = wikimd::string_from_code_points(code_points);
        if code_points.capacity() > KEPT_CODE_POINTS {
            *code_points = Vec::new();
        }
        made
    })
}

/// The most code points the buffer keeps room for between calls (4 MB).
const KEPT_CODE_POINTS: usize = 1 << 20;

thread_local! {
    /// The code points of the last text, their room kept for the next: a new buffer
    /// each time was faulted in page by page, which cost as much as the copy.
    static CODE_POINTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}
