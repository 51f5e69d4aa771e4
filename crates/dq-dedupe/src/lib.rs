//! Deduplication and record linkage for French administrative tables: comparators,
//! blocking, Fellegi–Sunter scoring with parameters learned from the data, clustering.
//!
//! ```
//! use dq_dedupe::{auto, dedupe, RunOptions, Table};
//!
//! let csv = "siret,raison_sociale,adresse,code_postal\n\
//!     35600000000048,SARL Boulangerie Martin,12 av. Jean Jaurès,75011\n\
//!     35600000000048,Boulangerie Martin,12 avenue Jean Jaurès,75011\n\
//!     73282932000074,SCI du Parc,3 bd Saint-Michel,69003\n";
//! let table = Table::from_csv_reader(csv.as_bytes())?;
//! let chosen = auto::configure(&table, None, None)?;
//! let outcome = dedupe(&table, &chosen.config, &RunOptions::default())?;
//! assert_eq!(outcome.clusters.len(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - [`compare`]: string similarities (Levenshtein, OSA, Jaro, Jaro–Winkler, Jaccard,
//!   token ratios) with reusable buffers, numbers, dates, haversine distance.
//! - [`phonetic`], [`company`], [`address`]: French keys (a Soundex2 variant, company
//!   names with legal forms split off, address keys).
//! - [`Config`]: fields ([`FieldKind`] decides the comparison levels), blocking rules
//!   ([`BlockingConfig`]), threshold and clustering, in TOML.
//! - [`count_pairs`], [`dedupe`], [`link`]: blocking counted before running, EM, scoring,
//!   clustering ([`cluster`]); [`Outcome::explain`] gives each field's contribution.
//! - [`model`]: the Fellegi–Sunter model and EM, guarded: a degenerate model (EM taking
//!   a shared département for the match class) falls back to fixed m
//!   ([`Outcome::warnings`]).
//! - [`veto`]: identifiers that rule a pair out (SIRET siblings, FINESS, UAI, RNA,
//!   `cle_interop`, COG codes, birth dates), validated with `dq-pivot`
//!   ([`VetoConfig`], [`Outcome::veto`]).
//! - [`identifier`]: which columns are identifiers, and whether a table has a key and so
//!   no probable duplicates to find.
//! - [`auto`]: a configuration chosen from the columns alone ([`auto::configure_with`]
//!   takes identifier columns from the caller).
//!
//! # Crate features
//!
//! - `auto` (default): reserved for typing columns with `dq-profile`; the built-in column
//!   inspection of [`auto`] is always available.
//!
//! # Layering
//!
//! The matching core uses `dq-pivot` for identifier validation (the vetoes) and
//! `dq-clean` for its keys: every cell and blocking key goes
//! through `dq_clean::fold::match_key` (`"S.A.R.L. L'Œillet"` → `"SARL L OEILLET"`), the
//! one-pass folding that this crate contributed to dq-clean (4.35 M values/s, against
//! 2.35 M for `dq_clean::fold::Fold` followed by a punctuation pass; see
//! docs/performance/dedupe.md). One private key remains, for a measured reason:
//!
//! - [`address::address_key`] expands street types and keeps every word, and the address
//!   comparison levels (house number, Jaro–Winkler, token set) are tuned on that form.
//!   `dq_pivot::ban::address_key` is faster (2.34 M against 1.80 M values/s) but writes
//!   another key (`commune|number|words`, small words dropped); switching means
//!   re-tuning the levels and measuring F1 again on FEBRL and the French sets, which is
//!   left for later.
//!
//! The `auto` feature does not use `dq-profile` yet either: the column inspection of
//! [`auto`] needs a handful of shares on a sample, cheaper than a full profile.
//!
//! # Panics
//!
//! No function panics on any input.
//!
//! # Performance
//!
//! Comparators allocate nothing per pair once their [`compare::Scratch`] is warm;
//! preparation, key derivation and scoring run in parallel with rayon. Each record's
//! sorted words (for the token-set ratio) and each blocking key component are derived
//! once per run, whatever the number of pairs and rules using them. Memory follows the
//! number of candidate pairs (16 bytes each while scoring), never the square of the rows.
//! [`Outcome::timings`] gives the wall time of each phase.
#![forbid(unsafe_code)]

pub mod address;
#[cfg(feature = "auto")]
pub mod auto;
pub mod cluster;
pub mod company;
pub mod compare;
mod config;
mod engine;
mod error;
/// Folding comes from dq-clean; the short names are this crate's.
mod fold {
    pub(crate) use dq_clean::fold::{match_key as fold, match_key_into as fold_into};
}
pub mod identifier;
pub mod model;
pub mod phonetic;
mod table;
pub mod veto;

pub use config::{
    BlockingConfig, ClusterMethod, Config, FieldConfig, FieldKind, KeyConfig, Transform,
    VetoConfig, MAX_FIELDS,
};
pub use engine::{
    blocking_key, count_pairs, dedupe, link, Contribution, FieldComparer, Outcome, RuleReport,
    RunOptions, ScoredPair, Veto,
};
pub use error::{Error, ErrorKind};
pub use table::Table;

/// The `csv` crate whose types this crate's API takes and gives (`csv::Reader`,
/// `csv::StringRecord`), re-exported so that callers use the same version without
/// naming it in their own `Cargo.toml`.
pub use csv;
