//! The error of the kernels.

use arrow_schema::{ArrowError, DataType};

/// What went wrong in a kernel: an argument of the wrong type or length, an unknown
/// name, or an error from Arrow itself while assembling the result.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument is not a string array.
    #[error("argument `{argument}`: expected a string array (Utf8, LargeUtf8 or Utf8View), got {data_type}")]
    NotStrings {
        /// The argument's name (`values`, `left`, `right`, `commune`).
        argument: &'static str,
        /// Its Arrow type.
        data_type: DataType,
    },
    /// Two arguments compared row by row have different lengths.
    #[error("arguments `left` and `right` differ in length: {left} and {right} rows")]
    LengthMismatch {
        /// Rows of the left argument.
        left: usize,
        /// Rows of the right argument.
        right: usize,
    },
    /// A kind, transform, field kind or measure name that dq does not know.
    #[error("unknown {what} {name:?}; known: {known}")]
    UnknownName {
        /// What was named (`kind`, `transform`, `field kind`, `measure`).
        what: &'static str,
        /// The name given.
        name: String,
        /// The names dq knows, comma-separated.
        known: String,
    },
    /// Arrow refused to assemble a result (an offset overflow past 2 GiB of text in a
    /// Utf8 result, for instance).
    #[error("arrow: {0}")]
    Arrow(#[from] ArrowError),
}
