//! Bytes in, well-formed UTF-8 out: charset detection, streaming transcoding, mojibake
//! repair and CSV dialect sniffing for French public-sector files.
//!
//! French administrative files come in UTF-8 (with or without BOM), UTF-16, windows-1252,
//! ISO-8859-1, ISO-8859-15, Mac Roman and DOS IBM850. This crate tells which one
//! ([`detect()`]), decodes it exactly ([`Transcoder`], [`Utf8Reader`]: never a silent
//! U+FFFD), and opens a CSV file as UTF-8 records in one call ([`open_csv`]).
//!
//! ```
//! use dq_encoding::{detect, Encoding, Transcoder};
//!
//! let bytes = b"commune;montant\nSaint-\xc9tienne;1 234,50 \x80\n";
//! let d = detect(bytes);
//! assert_eq!(d.encoding, Encoding::WINDOWS_1252);
//! println!("{} ({:.2}): {}", d.encoding, d.confidence, d.evidence);
//!
//! let mut out = String::new();
//! Transcoder::from_detection(&d).feed(bytes, &mut out, true)?;
//! assert_eq!(out, "commune;montant\nSaint-Étienne;1 234,50 €\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - [`Encoding`]: the eight supported encodings, named as `dq sniff` prints them
//!   (`"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`, `"windows-1252"`, `"ISO-8859-1"`,
//!   `"ISO-8859-15"`, `"macintosh"`, `"IBM850"`).
//! - [`detect()`], [`detect_sample`], [`detect_reader`] → [`Detection`]: encoding, BOM,
//!   confidence and readable evidence. See [`detect`](mod@detect) for the rules.
//! - [`Transcoder`]: the push-style core (`feed(src, dst, last)`), strict or
//!   [`ErrorMode::Lossy`], with optional [`LineEndings::Lf`].
//! - [`Utf8Reader`] / [`Utf8ReaderBuilder`]: the `Read` adapter, bounded memory.
//! - [`open_csv`], [`csv_from_reader`] → [`CsvSource`]: detection, transcoding and
//!   dialect sniffing ([`sniff`]) in one call.
//! - [`mojibake`]: cell-by-cell repair of UTF-8 misread as a single-byte encoding.
//! - [`Error`]: one opaque error with [`Error::kind`], [`Error::position`] (byte offset,
//!   line, column) and [`Error::bytes`].
//!
//! # Crate features
//!
//! None.
//!
//! # Panics
//!
//! No function panics on any input.
//!
//! # Performance
//!
//! Detection looks at a bounded sample (at most 192 KiB per file). Transcoding runs at a
//! large fraction of raw `encoding_rs` speed; see `docs/performance/enc-core.md`.
#![forbid(unsafe_code)]

pub mod binary;
mod bytecount;
mod charset;
pub mod detect;
mod error;
mod generated;
mod limits;
pub mod mojibake;
mod open;
mod reader;
pub mod sniff;
mod transcode;

pub use charset::Encoding;
pub use detect::{detect, detect_reader, detect_sample, Detection};
pub use error::{BinaryKind, Error, ErrorKind, Limit, Position};
pub use limits::{
    RecordGuard, DEFAULT_MAX_FIELDS, DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_RECORD_BYTES,
};
pub use open::{
    csv_from_reader, csv_from_reader_with, csv_writer, open_csv, open_csv_with, CsvOptions,
    CsvSource, HeadThen, TextRecord,
};
pub use reader::{Utf8Reader, Utf8ReaderBuilder};
pub use transcode::{ErrorMode, LineEndings, Progress, Transcoder};

/// The `csv` crate whose types this crate's API takes and gives (`csv::Reader`,
/// `csv::StringRecord`), re-exported so that callers use the same version without
/// naming it in their own `Cargo.toml`.
pub use csv;

/// The crate's name.
#[deprecated(since = "0.2.0", note = "unused; use `env!(\"CARGO_PKG_NAME\")` in your own crate")]
pub const CRATE_NAME: &str = "dq-encoding";

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
