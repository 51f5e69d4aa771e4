//! Data-quality toolkit for French public-sector data.
//!
//! This crate only re-exports the dq crates under short names, so that one dependency
//! brings them all:
//!
//! | module | crate | does |
//! |---|---|---|
//! | [`encoding`] | `dq-encoding` | bytes in, well-formed UTF-8 out; mojibake repair; CSV dialect sniffing |
//! | [`clean`] | `dq-clean` | value normalizers with an audit of every change |
//! | [`pivot`] | `dq-pivot` | SIREN/SIRET/TVA, INSEE commune codes, postal codes, BAN keys |
//! | [`profile`] | `dq-profile` | streaming column profiles and Table Schema export |
//! | [`dedupe`] | `dq-dedupe` | comparators, blocking, Fellegi–Sunter scoring, clustering |
//!
//! # Features
//!
//! One per crate, all on by default: `encoding`, `clean`, `pivot`, `profile`, `dedupe`.
//! With `default-features = false`, name the ones you use (`features = ["pivot"]` for
//! identifiers and geography alone). `serde` (off by default) makes the results
//! serializable: verdicts (tagged by `status`), changes and flags, identifiers and codes
//! (as strings, read back strictly), commune lookups, repairs, errors, dedupe outcomes.
//!
//! The whole job on a few bytes of a windows-1252 file with `;`: read, profile, repair
//! pivot identifiers, clean values.
//!
//! ```
//! # #[cfg(all(feature = "clean", feature = "encoding", feature = "pivot", feature = "profile"))]
//! # {
//! use dq_fr::{clean, encoding, pivot, profile};
//!
//! let bytes = b"siret;commune;montant\n732 829 320 00074;Saint-\xc9tienne;1 234,56\n\
//!               7.3282932000074E+13;Saint-\xc9tienne;NC\n\
//!               55203253400646;Lyon;12\n73282932000074;Nancy;-\n";
//! let mut source = encoding::csv_from_reader(&bytes[..])?;
//! assert_eq!(source.encoding(), Some(encoding::Encoding::WINDOWS_1252));
//! assert_eq!(source.dialect().delimiter, b';');
//! let rows: Vec<_> = source.records().collect::<Result<_, _>>()?;
//! assert_eq!(&rows[0][1], "Saint-Étienne");
//!
//! let t = profile::Profiler::new().profile_reader(&bytes[..])?;
//! assert_eq!(t.rows, 4);
//! assert_eq!(t.columns[2].kind, "number"); // `NC` and `-` are nulls, `1 234,56` a number
//!
//! use clean::Normalizer;
//! let siret = pivot::siren::SiretNormalizer;
//! assert_eq!(siret.normalize(&rows[1][0]).value(), Some("73282932000074"));
//! assert_eq!(clean::number::parse(&rows[0][2]).value(), Some("1234.56"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

/// `docs/guide-rust.md`, compiled and run as doctests so that the guide cannot drift from
/// the code.
#[cfg(all(
    doctest,
    feature = "encoding",
    feature = "clean",
    feature = "pivot",
    feature = "profile",
    feature = "dedupe"
))]
#[doc = include_str!("../../../docs/guide-rust.md")]
pub struct GuideRust;

#[cfg(feature = "clean")]
pub use dq_clean as clean;
#[cfg(feature = "dedupe")]
pub use dq_dedupe as dedupe;
#[cfg(feature = "encoding")]
pub use dq_encoding as encoding;
#[cfg(feature = "pivot")]
pub use dq_pivot as pivot;
#[cfg(feature = "profile")]
pub use dq_profile as profile;

/// The `csv` crate of the crates above (`dq_fr::csv::Reader`, `dq_fr::csv::Writer`), so
/// that a program using only `dq-fr` reads and writes tables with the same version.
#[cfg(feature = "encoding")]
pub use dq_encoding::csv;
