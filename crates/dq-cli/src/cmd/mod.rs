//! One module per subcommand; each exposes its clap `Args` and a `run` function.

pub mod audit;
pub mod clean;
pub mod convert;
pub mod dedupe;
pub mod link;
pub mod normalize;
pub mod planning;
pub mod profile;
pub mod sniff;
