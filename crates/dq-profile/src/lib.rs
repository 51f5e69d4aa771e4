//! Streaming quality profiles of French public tables: for a CSV file nobody has
//! described, its encoding and dialect, and for each column its Table Schema type, its
//! French semantic format (csv-detective's names: `siret`, `code_commune`, `code_postal`…),
//! statistics and quality findings, then a Table Schema to publish with it.
//!
//! ```
//! let csv = "idAttribuant;code postal;montant;date\n\
//!            73282932000074;75001;1 234,56;14/07/2023\n\
//!            73282932000074;1000;NC;15/07/2023\n";
//! let t = dq_profile::Profiler::new().profile_reader(csv.as_bytes())?;
//! assert_eq!(t.delimiter, ";");
//! assert_eq!(t.columns[0].format.name(), "siret"); // the values decide, not the header
//! assert_eq!(t.columns[1].format.name(), "code_postal");
//! assert_eq!(t.columns[2].kind, "number");         // `NC` is a null, `1 234,56` a number
//! assert_eq!(t.columns[3].date_format.as_deref(), Some("%d/%m/%Y"));
//! assert!(t.findings.iter().any(|f| f.kind == dq_profile::FindingKind::LeadingZerosLost));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - [`Profiler`]: the configuration (null tokens, formats tested, distinct bound, top
//!   size, threads) with [`Profiler::profile_path`], [`Profiler::profile_reader`] and
//!   [`Profiler::session`] for callers who already have records ([`Session::feed`]).
//! - [`TableProfile`], [`ColumnProfile`], [`Finding`]: the serde results.
//! - [`ColumnAccumulator`]: one column's mergeable streaming state.
//! - [`sketch`]: HyperLogLog, Welford moments, a KLL-style quantile sketch and a
//!   space-saving top-k, all mergeable.
//! - [`Format`]: the semantic formats and their per-value [`Format::check`].
//!
//! Reading goes through dq-encoding (detection, transcoding, dialect sniffing);
//! identifiers and geography are checked by dq-pivot.
//!
//! # Panics
//!
//! None on any input.
//!
//! # Performance
//!
//! One pass; memory is bounded per column (10 000 exact distinct values, a 4 KiB
//! HyperLogLog, a 256-item-per-level quantile sketch, 80 top-k counters, a memo of
//! 14 336 values) plus 1 000 000 row hashes for duplicates, whatever the number of rows.
//! Records are read in batches and profiled column by column; with `threads(n)`, n ≥ 2,
//! one thread reads and decodes the CSV while `n` threads profile (batch, column) tasks,
//! each column in file order, so the result is the same as with one thread. Each column
//! memoizes what it read from its first 14 336 distinct values, so low-cardinality
//! columns (postal codes, communes, dates) check each value once and count its repeats;
//! their top values are exact. On a 1M-row, 182 MB file, two threads take about 0.8 of
//! `xsv stats`' time. See `docs/performance/profile.md`.
#![forbid(unsafe_code)]

pub mod answer;
mod column;
mod error;
pub mod format;
pub mod plan;
mod profiler;
mod schema;
pub mod sketch;
mod value;

pub use column::{
    ColumnAccumulator, ColumnProfile, Example, Finding, FindingKind, FormatScore, QuantileSummary,
    TopValue,
};
pub use error::{Error, ErrorKind};
pub use format::{Check, Format};
pub use profiler::{Profiler, Session, TableProfile};

/// The `csv` crate whose types this crate's API takes and gives (`csv::Reader`,
/// `csv::StringRecord`), re-exported so that callers use the same version without
/// naming it in their own `Cargo.toml`.
pub use csv;

/// The crate's name.
#[deprecated(since = "0.2.0", note = "unused; use `env!(\"CARGO_PKG_NAME\")` in your own crate")]
pub const CRATE_NAME: &str = "dq-profile";
