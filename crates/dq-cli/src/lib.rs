//! The `dq` command line: the whole data-quality job on a French public-sector file.
//!
//! This is the only crate of the workspace that prints or exits. As a library it runs a
//! `dq` command line in-process ([`run`], [`try_run`]): the `dq` binary is `run` on its
//! arguments, and the Python package's `dq.audit` calls `try_run`.
#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// Type of the errors a command reports: printed on stderr, exit code 2.
pub(crate) type CliResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Data quality for French public-sector files: encoding, cleaning, pivot identifiers,
/// profiling and deduplication.
#[derive(Debug, Parser)]
#[command(name = "dq", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Detect the encoding and CSV dialect of files.
    Sniff(cmd::sniff::Args),
    /// Convert a file to UTF-8, comma-separated RFC 4180 CSV.
    Convert(cmd::convert::Args),
    /// Normalize one value per line read on stdin.
    Normalize(cmd::normalize::Args),
    /// Clean a table column by column, with a log of every change.
    Clean(cmd::clean::Args),
    /// Profile a table: types, French formats, statistics, findings, Table Schema.
    Profile(cmd::profile::Args),
    /// Find duplicate records in one table.
    Dedupe(cmd::dedupe::Args),
    /// Link the records of two tables.
    Link(cmd::link::Args),
    /// Run the whole data-quality job on one file and write a report.
    Audit(cmd::audit::Args),
}

/// Runs the `dq` command line `args` (the program name first, as in `std::env::args_os`)
/// in this process, as the `dq` binary does: a usage error prints clap's message and exits
/// the process; a command's error is printed on stderr and gives exit code 2.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match execute(Cli::parse_from(args)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dq: error: {err}");
            ExitCode::from(2)
        }
    }
}

/// Runs the `dq` command line `args` (the program name first) in this process, for
/// embedders that must not exit: a usage error (`--help` included) or a command's error
/// comes back as its message. Commands still write their usual output (stdout, the files
/// of `dq audit`).
///
/// # Example
///
/// ```
/// let err = dq_cli::try_run(["dq", "normalize"]).unwrap_err();
/// assert!(err.contains("KIND"), "{err}");
/// ```
pub fn try_run<I, T>(args: I) -> Result<ExitCode, String>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = Cli::try_parse_from(args).map_err(|e| e.to_string())?;
    execute(cli).map_err(|e| e.to_string())
}

fn execute(cli: Cli) -> CliResult<ExitCode> {
    match cli.command {
        Command::Sniff(args) => cmd::sniff::run(args),
        Command::Convert(args) => cmd::convert::run(args),
        Command::Normalize(args) => cmd::normalize::run(args),
        Command::Clean(args) => cmd::clean::run(args),
        Command::Profile(args) => cmd::profile::run(args),
        Command::Dedupe(args) => cmd::dedupe::run(args),
        Command::Link(args) => cmd::link::run(args),
        Command::Audit(args) => cmd::audit::run(args),
    }
}
