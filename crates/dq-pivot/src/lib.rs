//! French pivot identifiers, validated, repaired and joined to official reference data.
//!
//! ```
//! assert_eq!(dq_pivot::CRATE_NAME, "dq-pivot");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

// Identifiers.
pub mod finess;
pub mod naf;
pub mod nir;
pub mod rna;
pub mod siren;
pub mod tva;
pub mod uai;

// Official geography and addresses.
pub mod ban;
pub mod commune;
pub mod epci;
pub mod postal;
pub mod region;

/// The crate's name.
pub const CRATE_NAME: &str = "dq-pivot";

pub use ban::{address_key, CleInterop};
pub use commune::{CommuneCode, CommuneKind, COG_VERSION};

mod digits;
mod error;
pub use error::{Error, ErrorKind, Repair};
pub use finess::Finess;
pub use naf::Naf;
pub use nir::Nir;
pub use rna::Rna;
pub use siren::{Siren, Siret};
pub use tva::Tva;
pub use uai::Uai;
