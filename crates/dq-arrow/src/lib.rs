//! Arrow kernels of dq: the same French data-quality functions as the `dq` command and
//! the Rust crates, vectorised over Arrow string arrays, so that an engine (DuckDB,
//! Polars, Spark, DataFusion) runs the joins and dq supplies the functions.
//!
//! ```
//! use arrow_array::{Array, StringArray, cast::AsArray};
//! use dq_arrow::normalize::Normalize;
//!
//! let sirets = StringArray::from(vec![Some("552 100 554 00013"), Some("55210055400014"), None]);
//! let k = Normalize::from_name("siret")?;
//!
//! // The plain results: the normalized value (null unless valid), and validity.
//! let out = k.output(&sirets)?;
//! assert_eq!(out.as_string::<i32>().value(0), "55210055400013");
//! let valid = k.is_valid(&sirets)?;
//! assert_eq!((valid.value(0), valid.value(1), valid.is_null(2)), (true, false, true));
//!
//! // The whole answer of `dq normalize siret --json`, as a struct array.
//! let answers = k.normalize(&sirets)?;
//! let status = answers.column_by_name("status").ok_or("status")?.as_string::<i32>();
//! assert_eq!(status.value(1), "invalid");
//! let siren = answers.column_by_name("siren").ok_or("siren")?.as_string::<i32>();
//! assert_eq!(siren.value(0), "552100554");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The kernels
//!
//! - [`normalize`]: every `dq normalize` kind, as a struct array (`status`, `output`,
//!   `changed`, `rule`, `reason` and the kind's extra fields) or as plain `output` and
//!   `is_valid` arrays.
//! - [`pivot`]: INSEE commune code → current code, département, région, name; postal
//!   code → communes; address key.
//! - [`dedupe`]: blocking keys and comparators (levels and similarities) on two arrays.
//!
//! Every kernel takes `Utf8`, `LargeUtf8` or `Utf8View` arrays (and the all-null `Null`
//! type), reads each value in place as a `&str` (the input strings are never copied),
//! propagates nulls, and gives string results in the input's layout. The answers come
//! from the code the CLI runs ([`dq_profile::answer`] and the crates under it), and the
//! tests compare the kernels with `dq normalize KIND --json` value by value.
//!
//! The Python package (`python/` in the repository) and the DataFusion functions are
//! thin layers over these kernels.

#![forbid(unsafe_code)]

pub mod dedupe;
mod error;
pub mod normalize;
pub mod pivot;
mod strings;

pub use error::Error;
pub use strings::{output_type, Strings};

/// The crates whose types the kernels take, re-exported so that callers use the same
/// versions.
pub use arrow_array;
pub use arrow_schema;
pub use dq_clean::plan::Kind;
pub use dq_dedupe::{FieldKind, KeyConfig, Transform};
pub use dq_profile::answer::AnswerOptions;
