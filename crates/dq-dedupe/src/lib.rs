//! Work in progress: this crate is being filled by its issue.
//!
//! ```
//! assert_eq!(dq_dedupe::CRATE_NAME, "dq-dedupe");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

/// The crate's name.
pub const CRATE_NAME: &str = "dq-dedupe";
