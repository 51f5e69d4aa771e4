//! French value normalizers that say what they did and flag what they cannot decide.
//!
//! Each normalizer turns one cell into its canonical form and returns a [`Verdict`]:
//! valid (with the rule applied), null, invalid (with the reason) or ambiguous (with
//! the candidates). No normalizer does I/O.
//!
//! ```
//! use std::borrow::Cow;
//! use dq_clean::Verdict;
//!
//! let v = Verdict::Valid { value: Cow::Borrowed("1234.56"), rule: "number_fr" };
//! assert_eq!(v.status(), "valid");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod verdict;

// Text normalizers.
pub mod boolean;
pub mod email;
pub mod fold;
pub mod null;
pub mod phone;
pub mod title;
pub mod unicode;
pub mod url;
pub mod whitespace;

// Value parsers, column conventions and table cleaning.
pub mod column;
pub mod date;
pub mod number;
pub mod rules;
pub mod table;

pub use verdict::{Normalizer, Verdict};

mod error;
pub use error::{Error, ErrorKind, Position};
