//! `dq dedupe`: not yet available.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Arguments of `dq dedupe`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<PathBuf>,
}

/// Runs `dq dedupe`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let _ = args.files;
    Err("dq dedupe is not yet available".into())
}
