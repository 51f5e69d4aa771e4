//! `dq clean FILE -o OUT [--rules RULES.toml | --plan PLAN.json] [--changes CHANGES.csv]
//! [--flags FLAGS.csv]`: cleans a table column by column, recording every change and
//! flagging what it cannot decide.
//!
//! The input is opened with dq-encoding's `open_csv` (any encoding, sniffed dialect) and
//! profiled; the one planner (`dq_profile::plan`, the same as `dq audit`'s) decides what
//! each column is and what may be done to it; a rules file overrides that column by
//! column, and `--plan` replays a plan written earlier. The output is UTF-8,
//! comma-separated, CRLF (RFC 4180), as `dq audit`'s `clean.csv`. A summary goes to
//! stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use dq_clean::table::CsvAuditSink;

use super::planning::{self, PlanArgs};
use crate::CliResult;

/// Arguments of `dq clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input table (CSV in any encoding).
    file: PathBuf,
    /// Where to write the cleaned table (UTF-8).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    #[command(flatten)]
    plan: PlanArgs,
    /// Where to write the plan that was executed (JSON, replayable with `--plan`).
    #[arg(long, value_name = "PLAN.json")]
    write_plan: Option<PathBuf>,
    /// Where to write the change log (row, column, before, after, rule).
    #[arg(long, value_name = "CHANGES.csv")]
    changes: Option<PathBuf>,
    /// Where to write the flagged cells (invalid or ambiguous, with the reason).
    #[arg(long, value_name = "FLAGS.csv")]
    flags: Option<PathBuf>,
    /// Ignored: kept for compatibility (the plan comes from a profile of every row).
    #[arg(long, value_name = "N", hide = true)]
    sample_rows: Option<usize>,
}

/// Runs `dq clean`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let profile = if args.plan.replays() {
        None
    } else {
        let p = dq_profile::Profiler::new().profile_path(&args.file);
        Some(p.map_err(|e| format!("{}: {e}", args.file.display()))?)
    };
    let plan = args.plan.decide(profile.as_ref())?;
    if let Some(path) = &args.write_plan {
        let json = serde_json::to_string_pretty(&plan)?;
        std::fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mut src = planning::open_like(&args.file, profile.as_ref())?;
    let cleaner = planning::cleaner(&plan, src.dialect().has_header)?;
    let mut wtr = planning::csv_writer(&args.output)?;
    let changes = args.changes.as_deref().map(planning::csv_writer).transpose()?;
    let flags = args.flags.as_deref().map(planning::csv_writer).transpose()?;
    let mut sink = CsvAuditSink::new(changes, flags)?;
    let summary = cleaner
        .clean(src.reader(), &mut wtr, &mut sink)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    sink.into_inner()?;
    wtr.flush()?;
    eprintln!(
        "{} rows, {} cells changed, {} cells flagged",
        summary.rows, summary.changes, summary.flags
    );
    for c in &plan.columns {
        eprintln!(
            "  {}: {} ({:?}, {:?}, nulls {:?})",
            c.header, c.kind, c.evidence, c.rewrite, c.nulls
        );
    }
    Ok(ExitCode::SUCCESS)
}
