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
//! ```
//! let v = dq_fr::clean::Verdict::Null;
//! assert_eq!(v.status(), "null");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

pub use dq_clean as clean;
pub use dq_dedupe as dedupe;
pub use dq_encoding as encoding;
pub use dq_pivot as pivot;
pub use dq_profile as profile;
