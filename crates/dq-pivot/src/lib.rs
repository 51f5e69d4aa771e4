//! Work in progress: this crate is being filled by its issue.
//!
//! ```
//! assert_eq!(dq_pivot::CRATE_NAME, "dq-pivot");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

/// The crate's name.
pub const CRATE_NAME: &str = "dq-pivot";
