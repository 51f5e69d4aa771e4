//! `dq clean`: not yet available.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Arguments of `dq clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<PathBuf>,
}

/// Runs `dq clean`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let _ = args.files;
    Err("dq clean is not yet available".into())
}
