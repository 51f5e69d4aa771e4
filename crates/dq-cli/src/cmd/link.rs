//! `dq link`: not yet available.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Arguments of `dq link`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<PathBuf>,
}

/// Runs `dq link`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let _ = args.files;
    Err("dq link is not yet available".into())
}
