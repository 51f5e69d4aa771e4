//! Bytes in, well-formed UTF-8 out: charset detection, streaming transcoding, mojibake
//! repair and CSV dialect sniffing for French public-sector files.
//!
//! ```
//! assert_eq!(dq_encoding::CRATE_NAME, "dq-encoding");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

pub mod mojibake;
pub mod sniff;

/// The crate's name.
pub const CRATE_NAME: &str = "dq-encoding";
