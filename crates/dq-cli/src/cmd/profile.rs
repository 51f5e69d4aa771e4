//! `dq profile`: not yet available.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Arguments of `dq profile`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<PathBuf>,
}

/// Runs `dq profile`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let _ = args.files;
    Err("dq profile is not yet available".into())
}
