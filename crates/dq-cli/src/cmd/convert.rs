//! `dq convert`: not yet available.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Arguments of `dq convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<PathBuf>,
}

/// Runs `dq convert`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let _ = args.files;
    Err("dq convert is not yet available".into())
}
