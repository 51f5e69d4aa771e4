//! French value normalizers that say what they did and flag what they cannot decide.
//!
//! Each normalizer turns one cell into its canonical form and returns a [`Verdict`]:
//! valid (with the rule applied), null, invalid (with the reason) or ambiguous (with
//! the candidates). No normalizer does I/O.
//!
//! ```
//! use dq_clean::{date, number, phone, title, Verdict};
//!
//! assert_eq!(number::parse("1 234,56").value(), Some("1234.56"));
//! assert_eq!(date::parse_date("1er mars 2021").value(), Some("2021-03-01"));
//! assert_eq!(phone::normalize("0690 12 34 56").value(), Some("+590690123456"));
//! assert_eq!(title::title_case("VILLENEUVE-D'ASCQ"), "Villeneuve-d'Ascq");
//!
//! // What cannot be decided is flagged with its candidates, never guessed.
//! match date::parse_date("03/25/2021") {
//!     Verdict::Ambiguous { candidates, .. } => assert_eq!(candidates, ["2021-03-25"]),
//!     other => panic!("unexpected {other:?}"),
//! }
//! assert_eq!(number::parse("NC"), Verdict::Null);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - [`Verdict`] and the [`Normalizer`] trait, which `dq-pivot` also implements.
//! - Text: [`whitespace`], [`unicode`] (NFC/NFKC, apostrophes, dashes), [`fold`] (keys),
//!   [`title`] (French proper nouns), [`null`] (null tokens and sentinels).
//! - Values: [`number`], [`date`] (dates and date-times, Excel serials), [`boolean`],
//!   [`phone`] (E.164 with overseas codes), [`email`], [`url`].
//! - Columns and tables: [`column`](mod@column) (conventions settled by the whole column),
//!   [`plan`] (the typed column plan and the one registry of kind names, [`plan::Kind`]),
//!   [`table`] (`TableCleaner`: change log, flags, byte-for-byte restore), [`rules`]
//!   (the TOML rules file).
//!
//! # Panics
//!
//! No function panics on any input.
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
#[cfg(feature = "table")]
pub mod plan;
#[cfg(feature = "table")]
pub mod rules;
#[cfg(feature = "table")]
pub mod table;

/// The `csv` crate whose types the table layer takes (`csv::Reader`, `csv::Writer`),
/// re-exported so that callers use the same version without naming it in their own
/// `Cargo.toml` (with the `table` feature).
#[cfg(feature = "table")]
pub use csv;

// The workspace's one fast hash.
pub mod hash;

pub use verdict::{Normalizer, Verdict};

mod error;
pub use error::{Error, ErrorKind, Position};
