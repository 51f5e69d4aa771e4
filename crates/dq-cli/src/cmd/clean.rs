//! `dq clean FILE -o OUT [--rules RULES.toml] [--changes CHANGES.csv] [--flags FLAGS.csv]`:
//! cleans a table column by column, recording every change and flagging what it cannot
//! decide.
//!
//! The input is opened with dq-encoding's `open_csv` (any encoding, sniffed dialect);
//! the output is UTF-8 with the input's delimiter. Without `--rules`, each column's
//! normalizer is chosen from its first rows; a rules file (docs/rules.md) overrides
//! that column by column. A summary goes to stderr.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;

use dq_clean::rules::Rules;
use dq_clean::table::{CsvAuditSink, TableCleaner};

use crate::CliResult;

/// Arguments of `dq clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input table (CSV in any encoding).
    file: PathBuf,
    /// Where to write the cleaned table (UTF-8).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// A rules file naming a normalizer per column (TOML, see docs/rules.md).
    #[arg(long, value_name = "RULES.toml")]
    rules: Option<PathBuf>,
    /// Where to write the change log (row, column, before, after, rule).
    #[arg(long, value_name = "CHANGES.csv")]
    changes: Option<PathBuf>,
    /// Where to write the flagged cells (invalid or ambiguous, with the reason).
    #[arg(long, value_name = "FLAGS.csv")]
    flags: Option<PathBuf>,
    /// How many rows are sampled to choose each column's normalizer.
    #[arg(long, value_name = "N")]
    sample_rows: Option<usize>,
}

fn writer(path: &PathBuf) -> CliResult<csv::Writer<BufWriter<File>>> {
    let f = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::WriterBuilder::new().flexible(true).from_writer(BufWriter::new(f)))
}

/// Runs `dq clean`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let mut builder = TableCleaner::builder();
    if let Some(path) = &args.rules {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // The same kinds as `dq audit --rules`: dq-clean's, dq-pivot's and `text`.
        let registry = &super::audit::plan::registry;
        let rules = Rules::from_toml_with(&text, registry)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        rules.apply_with(&mut builder, registry)?;
    }
    if let Some(n) = args.sample_rows {
        builder.sample_rows(n);
    }
    let cleaner = builder.build();
    let ctx = |e: dq_encoding::Error| format!("{}: {e}", args.file.display());
    let mut src = dq_encoding::open_csv(&args.file).map_err(ctx)?;
    let delimiter = src.dialect().delimiter;
    let out = File::create(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let mut wtr = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_writer(BufWriter::new(out));
    let changes = args.changes.as_ref().map(writer).transpose()?;
    let flags = args.flags.as_ref().map(writer).transpose()?;
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
    for c in &summary.columns {
        eprintln!("  {}: {} ({})", c.header, c.normalizer.unwrap_or("unchanged"), c.source);
    }
    Ok(ExitCode::SUCCESS)
}
