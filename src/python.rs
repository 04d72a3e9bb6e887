//! The Python binding (`spd_score._core`, feature `python`): the only place
//! `pyo3` appears, as `wasm.rs` is for `wasm_bindgen`.
//!
//! As thin: files are read here a megabyte at a time (never held whole),
//! options and results cross as JSON text, which `python/spd_score/__init__.py`
//! writes and parses. Scoring runs with the interpreter released, so that
//! threads (`spd_score.batch`) score partners on every core. Errors are
//! Python exceptions with a message, never a crash.

use crate::{DetailLevel, Ruleset, ScoreOptions, Workbook};
use pyo3::exceptions::{PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

const CHUNK: usize = 1 << 20;

/// The scorer's options (`crate::options`), as the JavaScript API's.
fn workbook(options_json: &str) -> Result<Workbook, String> {
    Workbook::from_options_json(Some(options_json)).map_err(|e| e.to_string())
}

/// The report options (`crate::options`); without `detail`, every list
/// inline, as the CLI's `--json` writes them.
fn score_options(options_json: &str) -> Result<ScoreOptions, String> {
    ScoreOptions::from_json(Some(options_json), DetailLevel::Full).map_err(|e| e.to_string())
}

/// A file for `report`: a path, read here, or a name and its bytes (held,
/// not copied: a `Vec<u8>` would be taken from them byte by byte).
#[derive(FromPyObject)]
enum Source {
    Named(String, PyBackedBytes),
    Path(PathBuf),
}

/// The name a path's file goes by in the report: its last part, as the CLI.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.to_string_lossy().into_owned(), |n| n.to_string_lossy().into_owned())
}

/// Feeds a file to the workbook a megabyte at a time. The first read fails
/// on a directory, before the file is begun.
fn add_path(book: &mut Workbook, path: &Path) -> io::Result<()> {
    let mut file = File::open(path)?;
    let mut buffer = vec![0; CHUNK];
    let mut read = file.read(&mut buffer)?;
    book.begin_file(&file_name(path));
    while read > 0 {
        book.push(&buffer[..read]);
        read = match file.read(&mut buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => other?,
        };
    }
    book.end_file();
    Ok(())
}

/// Why a file could not be read, in the CLI's words.
fn why(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotADirectory => "not a folder".into(),
        _ => e.to_string(),
    }
}

/// A Python `OSError` of the matching kind, with `filename` set.
fn os_error(path: &Path, e: &io::Error) -> PyErr {
    let args = (e.raw_os_error().unwrap_or(0), why(e), path.to_string_lossy().into_owned());
    match e.kind() {
        io::ErrorKind::NotFound => PyFileNotFoundError::new_err(args),
        io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(args),
        io::ErrorKind::PermissionDenied => PyPermissionError::new_err(args),
        _ => PyOSError::new_err(args),
    }
}

/// The report's JSON text, as `spd-score score --json` writes it. A file
/// that cannot be read raises its `OSError`.
#[pyfunction]
fn report(py: Python<'_>, files: Vec<Source>, options_json: &str, report_options_json: &str) -> PyResult<String> {
    let result: Result<String, PyErrSource> = py.detach(|| {
        let mut book = workbook(options_json).map_err(PyErrSource::Message)?;
        let options = score_options(report_options_json).map_err(PyErrSource::Message)?;
        for source in &files {
            match source {
                Source::Named(name, bytes) => book.add_file(name, bytes),
                Source::Path(path) => add_path(&mut book, path).map_err(|e| PyErrSource::Io(path.clone(), e))?,
            }
        }
        Ok(book.report_json(&options, false))
    });
    result.map_err(PyErrSource::into_py_err)
}

/// An error made without the interpreter, raised once it is back.
enum PyErrSource {
    Io(PathBuf, io::Error),
    Message(String),
}

impl PyErrSource {
    fn into_py_err(self) -> PyErr {
        match self {
            PyErrSource::Io(path, e) => os_error(&path, &e),
            PyErrSource::Message(m) => PyValueError::new_err(m),
        }
    }
}

/// One partner's portfolio rows as a JSON array (`crate::portfolio::rows`,
/// as the CLI's batch): its files read, the ones that cannot be opened
/// named in `errors` after `unread`. Scored without lists (the summary
/// detail).
#[pyfunction]
fn partner_rows(
    py: Python<'_>,
    partner: &str,
    paths: Vec<PathBuf>,
    unread: Vec<String>,
    options_json: &str,
    report_options_json: &str,
) -> PyResult<String> {
    // All of it without the interpreter, a new workbook included: threads
    // score partners side by side.
    py.detach(|| -> Result<String, String> {
        let mut book = workbook(options_json)?;
        let options = ScoreOptions { detail: DetailLevel::Summary, ..score_options(report_options_json)? };
        let mut unread = unread;
        for path in &paths {
            if let Err(e) = add_path(&mut book, path) {
                unread.push(format!("{}: {}", file_name(path), why(&e)));
            }
        }
        Ok(crate::portfolio::json_array(&crate::portfolio::rows(partner, &book.report(&options), &unread)))
    })
    .map_err(PyValueError::new_err)
}

/// Rows (a JSON array, as `partner_rows` gives them) in the portfolio's
/// order, written as `csv`, `jsonl` or `summary` (JSON).
#[pyfunction]
fn write(rows_json: &str, format: &str) -> PyResult<String> {
    let rows = crate::portfolio::read_rows(rows_json).map_err(PyValueError::new_err)?;
    crate::portfolio::write(rows, format, &Ruleset::embedded()).map_err(PyValueError::new_err)
}

/// Every embedded area ruleset as JSON text, in Partner Center's order.
#[pyfunction]
fn rulesets() -> Vec<String> {
    crate::ruleset::EMBEDDED.iter().map(|json| json.to_string()).collect()
}

/// The version of the scoring core.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(report, m)?)?;
    m.add_function(wrap_pyfunction!(partner_rows, m)?)?;
    m.add_function(wrap_pyfunction!(write, m)?)?;
    m.add_function(wrap_pyfunction!(rulesets, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    // The row's fields in CSV order, named once (crate::portfolio).
    m.add("COLUMNS", crate::portfolio::COLUMNS)?;
    Ok(())
}
