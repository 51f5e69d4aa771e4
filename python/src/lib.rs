//! The native module `dq._dq` of the Python package `dq` (distribution `dq-fr`): the
//! kernels of dq-arrow on any Arrow producer (`__arrow_c_array__` or
//! `__arrow_c_stream__`: pyarrow, Polars, DuckDB, arro3, nanoarrow), taken zero-copy
//! through Arrow's C data interface, run without the GIL, returned as pyarrow arrays.
//! `dq/__init__.py` wraps it (pandas and Polars in and out, DuckDB registration).

use std::sync::Arc;

use dq_arrow::arrow_array::{Array, ArrayRef};
use dq_arrow::dedupe::Measure;
use dq_arrow::normalize::Normalize;
use dq_arrow::pivot::InseeField;
use dq_arrow::{AnswerOptions, FieldKind, KeyConfig, Transform};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyArray;
use pyo3_arrow::{PyArray, PyChunkedArray};

/// A dq-arrow error as a Python exception: `TypeError` for an argument that is not
/// strings, `ValueError` otherwise.
fn py_err(e: dq_arrow::Error) -> PyErr {
    match e {
        dq_arrow::Error::NotStrings { .. } => PyTypeError::new_err(e.to_string()),
        other => PyValueError::new_err(other.to_string()),
    }
}

/// The arrays of an input: one array, or the chunks of a stream.
enum Chunks {
    One(ArrayRef),
    Many(Vec<ArrayRef>),
}

fn chunks(values: AnyArray) -> PyResult<Chunks> {
    Ok(match values {
        AnyArray::Array(a) => Chunks::One(a.into_inner().0),
        AnyArray::Stream(s) => Chunks::Many(s.into_chunked_array()?.into_inner().0),
    })
}

/// Runs a one-argument kernel on every chunk without the GIL; an array gives an array,
/// a stream a chunked array.
fn map1<F>(py: Python<'_>, values: AnyArray, f: F) -> PyResult<Py<PyAny>>
where
    F: Fn(&dyn Array) -> Result<ArrayRef, dq_arrow::Error> + Send + Sync,
{
    match chunks(values)? {
        Chunks::One(a) => {
            let out = py.detach(|| f(a.as_ref())).map_err(py_err)?;
            Ok(PyArray::from_array_ref(out).to_pyarrow(py)?.unbind())
        }
        Chunks::Many(cs) => {
            let outs = py
                .detach(|| cs.iter().map(|c| f(c.as_ref())).collect::<Result<Vec<_>, _>>())
                .map_err(py_err)?;
            chunked(py, outs)
        }
    }
}

fn chunked(py: Python<'_>, outs: Vec<ArrayRef>) -> PyResult<Py<PyAny>> {
    if outs.is_empty() {
        return Err(PyValueError::new_err("an empty stream has no type to answer with"));
    }
    Ok(PyChunkedArray::from_array_refs(outs)?.into_pyarrow(py)?.unbind())
}

/// One array of a one- or many-chunk input (two-argument kernels align rows, not chunks).
fn one(values: AnyArray) -> PyResult<ArrayRef> {
    match chunks(values)? {
        Chunks::One(a) => Ok(a),
        Chunks::Many(mut cs) if cs.len() == 1 => {
            cs.pop().ok_or_else(|| PyValueError::new_err("an empty stream has no values"))
        }
        Chunks::Many(cs) => {
            if cs.is_empty() {
                return Err(PyValueError::new_err("an empty stream has no values"));
            }
            let refs: Vec<&dyn Array> = cs.iter().map(AsRef::as_ref).collect();
            arrow_select::concat::concat(&refs).map_err(|e| PyValueError::new_err(e.to_string()))
        }
    }
}

fn options(month_first: bool, excel_serial: bool, hint: Option<&str>) -> AnswerOptions {
    let mut o = AnswerOptions::default();
    o.month_first(month_first).excel_serial(excel_serial).hint(hint);
    o
}

fn kernel(kind: &str, o: &AnswerOptions) -> PyResult<Normalize> {
    Normalize::from_name_with(kind, o).map_err(py_err)
}

/// The names of the kinds `normalize`, `output` and `is_valid` take.
#[pyfunction]
fn kinds() -> Vec<&'static str> {
    dq_arrow::Kind::ALL.iter().filter(|k| Normalize::new(**k).is_ok()).map(|k| k.name()).collect()
}

/// The answer of `dq normalize KIND --json` for each value, as a struct array.
#[pyfunction]
#[pyo3(signature = (kind, values, *, month_first=false, excel_serial=false, hint=None))]
fn normalize(
    py: Python<'_>,
    kind: &str,
    values: AnyArray,
    month_first: bool,
    excel_serial: bool,
    hint: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let k = kernel(kind, &options(month_first, excel_serial, hint))?;
    map1(py, values, |a| Ok(Arc::new(k.normalize(a)?) as ArrayRef))
}

/// The normalized value of each valid value, null otherwise.
#[pyfunction]
#[pyo3(signature = (kind, values, *, month_first=false, excel_serial=false, hint=None))]
fn output(
    py: Python<'_>,
    kind: &str,
    values: AnyArray,
    month_first: bool,
    excel_serial: bool,
    hint: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let k = kernel(kind, &options(month_first, excel_serial, hint))?;
    map1(py, values, |a| k.output(a))
}

/// Whether each value is valid; null for a null value.
#[pyfunction]
#[pyo3(signature = (kind, values, *, month_first=false, excel_serial=false, hint=None))]
fn is_valid(
    py: Python<'_>,
    kind: &str,
    values: AnyArray,
    month_first: bool,
    excel_serial: bool,
    hint: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let k = kernel(kind, &options(month_first, excel_serial, hint))?;
    map1(py, values, |a| Ok(Arc::new(k.is_valid(a)?) as ArrayRef))
}

/// One value's answer as JSON text (the row-by-row path, for single values and for
/// measuring the kernels against a loop).
#[pyfunction]
#[pyo3(signature = (kind, value, *, month_first=false, excel_serial=false, hint=None))]
fn answer_json(
    kind: &str,
    value: &str,
    month_first: bool,
    excel_serial: bool,
    hint: Option<&str>,
) -> PyResult<String> {
    let k = kernel(kind, &options(month_first, excel_serial, hint))?;
    Ok(k.answer(value).to_json(value).to_string())
}

/// `field` (`current_code`, `departement`, `region`, `name`, `kind`) of each INSEE
/// commune code.
#[pyfunction]
#[pyo3(signature = (values, field="current_code"))]
fn insee(py: Python<'_>, values: AnyArray, field: &str) -> PyResult<Py<PyAny>> {
    let f = InseeField::from_name(field).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown field {field:?}; known: current_code, departement, region, name, kind"
        ))
    })?;
    map1(py, values, |a| dq_arrow::pivot::insee(a, f))
}

/// The INSEE codes of the communes of each postal code (a list per value).
#[pyfunction]
fn postal_communes(py: Python<'_>, values: AnyArray) -> PyResult<Py<PyAny>> {
    map1(py, values, |a| Ok(Arc::new(dq_arrow::pivot::postal_communes(a)?) as ArrayRef))
}

/// The address key of each address, the commune code first when given.
#[pyfunction]
#[pyo3(signature = (address, commune=None))]
fn address_key(
    py: Python<'_>,
    address: AnyArray,
    commune: Option<AnyArray>,
) -> PyResult<Py<PyAny>> {
    let address = one(address)?;
    let commune = commune.map(one).transpose()?;
    let out = py
        .detach(|| dq_arrow::pivot::address_key(address.as_ref(), commune.as_deref()))
        .map_err(py_err)?;
    Ok(PyArray::from_array_ref(out).to_pyarrow(py)?.unbind())
}

/// The blocking key of each value (null for an empty key).
#[pyfunction]
#[pyo3(signature = (values, transform="fold", *, prefix=None, band=0, rows=0))]
fn blocking_key(
    py: Python<'_>,
    values: AnyArray,
    transform: &str,
    prefix: Option<usize>,
    band: usize,
    rows: usize,
) -> PyResult<Py<PyAny>> {
    let t = Transform::from_name(transform).ok_or_else(|| {
        let known: Vec<_> = Transform::ALL.iter().map(|t| t.name()).collect();
        PyValueError::new_err(format!(
            "unknown transform {transform:?}; known: {}",
            known.join(", ")
        ))
    })?;
    let mut key = KeyConfig::new("value", t);
    key.prefix = prefix;
    key.band = band;
    key.rows = rows.min(64);
    map1(py, values, |a| dq_arrow::dedupe::blocking_key(a, &key))
}

/// The comparison level of each pair compared as a dedupe field kind.
#[pyfunction]
fn compare(py: Python<'_>, kind: &str, left: AnyArray, right: AnyArray) -> PyResult<Py<PyAny>> {
    let k = FieldKind::from_name(kind).ok_or_else(|| {
        let known: Vec<_> = FieldKind::ALL.iter().map(|k| k.name()).collect();
        PyValueError::new_err(format!("unknown field kind {kind:?}; known: {}", known.join(", ")))
    })?;
    let (l, r) = (one(left)?, one(right)?);
    let out = py.detach(|| dq_arrow::dedupe::compare(k, l.as_ref(), r.as_ref())).map_err(py_err)?;
    Ok(PyArray::from_array_ref(Arc::new(out)).to_pyarrow(py)?.unbind())
}

/// The similarity in [0, 1] of each pair by `measure`.
#[pyfunction]
fn similarity(
    py: Python<'_>,
    measure: &str,
    left: AnyArray,
    right: AnyArray,
) -> PyResult<Py<PyAny>> {
    let m = Measure::from_name(measure).ok_or_else(|| {
        let known: Vec<_> = Measure::ALL.iter().map(|m| m.name()).collect();
        PyValueError::new_err(format!("unknown measure {measure:?}; known: {}", known.join(", ")))
    })?;
    let (l, r) = (one(left)?, one(right)?);
    let out =
        py.detach(|| dq_arrow::dedupe::similarity(m, l.as_ref(), r.as_ref())).map_err(py_err)?;
    Ok(PyArray::from_array_ref(Arc::new(out)).to_pyarrow(py)?.unbind())
}

/// The profile of a CSV file in any encoding and dialect, as the JSON text of
/// `dq profile --json`.
#[pyfunction]
#[pyo3(signature = (path, *, threads=0))]
fn profile_json(py: Python<'_>, path: std::path::PathBuf, threads: usize) -> PyResult<String> {
    py.detach(|| {
        let mut p = dq_profile::Profiler::new();
        if threads > 0 {
            p.threads(threads);
        }
        let profile = p.profile_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::to_string(&profile).map_err(|e| e.to_string())
    })
    .map_err(PyValueError::new_err)
}

/// Runs a `dq` command line in this process (`["audit", path, "--output", dir]`);
/// returns its exit code, or raises with the error message.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<String>) -> PyResult<u8> {
    py.detach(|| {
        let argv = std::iter::once("dq".to_owned()).chain(args);
        dq_cli::try_run(argv)
            .map(|code| if code == std::process::ExitCode::SUCCESS { 0 } else { 1 })
    })
    .map_err(PyValueError::new_err)
}

/// The native module.
#[pymodule]
fn _dq(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(output, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid, m)?)?;
    m.add_function(wrap_pyfunction!(answer_json, m)?)?;
    m.add_function(wrap_pyfunction!(insee, m)?)?;
    m.add_function(wrap_pyfunction!(postal_communes, m)?)?;
    m.add_function(wrap_pyfunction!(address_key, m)?)?;
    m.add_function(wrap_pyfunction!(blocking_key, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(similarity, m)?)?;
    m.add_function(wrap_pyfunction!(profile_json, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    Ok(())
}
