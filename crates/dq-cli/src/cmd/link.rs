//! `dq link`: find the records of two tables that describe the same entity.

use std::path::PathBuf;
use std::process::ExitCode;

use dq_dedupe::{link, RunOptions};

use crate::cmd::dedupe::{load_config, print_model, read_table, row_id, write_explain, Method};
use crate::CliResult;

/// Arguments of `dq link`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Left table: CSV with a header row, in any encoding and dialect (detected and
    /// sniffed; preamble lines skipped).
    left: PathBuf,
    /// Right table, read as the left one, with the same column names.
    right: PathBuf,
    /// Output: `left_id,right_id,match_probability` for each predicted match.
    #[arg(short, long)]
    output: PathBuf,
    /// Column identifying records in both tables (row numbers from 1 otherwise).
    #[arg(long)]
    id_column: Option<String>,
    /// Configuration to replay (TOML, see docs/dedupe-config.md); without it, dq
    /// configures itself and prints the configuration on stderr.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Match probability at or above which two records match (overrides the config).
    #[arg(long)]
    threshold: Option<f64>,
    /// Write the scored pairs (probability at least 0.01) with each field's contribution.
    #[arg(long)]
    explain: Option<PathBuf>,
}

/// Runs `dq link`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let left = read_table(&args.left)?;
    let right = read_table(&args.right)?;
    let (lid, rid) = match &args.id_column {
        Some(name) => (Some(left.column_index(name)?), Some(right.column_index(name)?)),
        None => (None, None),
    };
    let config = load_config(
        args.config.as_deref(),
        &left,
        Some(&right),
        args.id_column.as_deref(),
        args.threshold,
        None::<Method>,
        dq_dedupe::auto::Search::Always,
    )?
    .map_err(|reason| format!("no link to search: {reason}"))?;
    let mut options = RunOptions::default();
    if args.explain.is_some() {
        options.keep_from = Some(0.01);
    }
    let outcome = link(&left, &right, &config, &options)?;
    print_model(&config, &outcome);
    for warning in &outcome.warnings {
        eprintln!("dq: warning: {warning}");
    }
    for r in &outcome.rules {
        eprintln!(
            "dq: blocking {}: {} pairs counted, {} new",
            r.name, r.estimated_pairs, r.new_pairs
        );
    }
    let mut w = csv::Writer::from_path(&args.output)
        .map_err(|e| format!("{}: {e}", args.output.display()))?;
    w.write_record(["left_id", "right_id", "match_probability"])?;
    let mut n = 0usize;
    for p in outcome.pairs.iter().filter(|p| p.probability >= config.threshold) {
        w.write_record([
            row_id(&left, lid, p.left),
            row_id(&right, rid, p.right),
            format!("{:.6}", p.probability),
        ])?;
        n += 1;
    }
    w.flush()?;
    eprintln!("dq: {} + {} records, {n} predicted matches", left.len(), right.len());
    if let Some(path) = &args.explain {
        write_explain(path, &outcome, (&left, lid), (&right, rid))?;
    }
    Ok(ExitCode::SUCCESS)
}
