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
//! - [`model`]: the Fellegi–Sunter model and EM.
//! - [`auto`]: a configuration chosen from the columns alone.
//!
//! # Crate features
//!
//! - `auto` (default): reserved for typing columns with `dq-profile`; the built-in column
//!   inspection of [`auto`] is always available.
//!
//! # Panics
//!
//! No function panics on any input.
//!
//! # Performance
//!
//! Comparators allocate nothing per pair once their [`compare::Scratch`] is warm;
//! preparation, key derivation and scoring run in parallel with rayon. Memory follows the
//! number of candidate pairs (16 bytes each while scoring), never the square of the rows.
#![forbid(unsafe_code)]

pub mod address;
pub mod auto;
pub mod cluster;
pub mod company;
pub mod compare;
mod config;
mod engine;
mod error;
mod fold;
mod hash;
pub mod model;
pub mod phonetic;
mod table;

pub use config::{
    BlockingConfig, ClusterMethod, Config, FieldConfig, FieldKind, KeyConfig, Transform, MAX_FIELDS,
};
pub use engine::{
    count_pairs, dedupe, link, Contribution, Outcome, RuleReport, RunOptions, ScoredPair,
};
pub use error::{Error, ErrorKind};
pub use table::Table;
