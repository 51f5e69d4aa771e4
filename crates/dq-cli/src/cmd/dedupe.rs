//! `dq dedupe`: find the records of one table that describe the same entity.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dq_dedupe::{auto, dedupe, ClusterMethod, Config, Outcome, RunOptions, Table};

use crate::CliResult;

/// Arguments of `dq dedupe`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input table: CSV with a header row, in any encoding and dialect (detected and
    /// sniffed; preamble lines skipped).
    file: PathBuf,
    /// Output: the input rows with a `cluster_id` column added.
    #[arg(short, long)]
    output: PathBuf,
    /// Column identifying records (not compared; used in --explain).
    #[arg(long)]
    id_column: Option<String>,
    /// Configuration to replay (TOML, see docs/dedupe-config.md); without it, dq
    /// configures itself and prints the configuration on stderr.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Match probability at or above which two records match (overrides the config).
    #[arg(long)]
    threshold: Option<f64>,
    /// Clustering method (overrides the config).
    #[arg(long, value_enum)]
    cluster: Option<Method>,
    /// Write the scored pairs (probability at least 0.01) with each field's contribution,
    /// and the vetoed pairs with the identifiers that rule them out.
    #[arg(long)]
    explain: Option<PathBuf>,
    /// Search even when the table has a key (a reference table, a unique and valid
    /// identifier column), which otherwise means no probable duplicate to find.
    #[arg(long)]
    force: bool,
}

/// Clustering methods on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Method {
    /// Connected components of the matching pairs.
    ConnectedComponents,
    /// Centre clustering: no chaining through weak links.
    Centre,
}

/// Reads a CSV table in any encoding through `dq_encoding::open_csv` (encoding detected,
/// dialect sniffed, preamble lines skipped) and says on stderr how it was read.
pub(crate) fn read_table(path: &Path) -> CliResult<Table> {
    let at = |e: dq_encoding::Error| format!("{}: {e}", path.display());
    let mut src = dq_encoding::open_csv(path).map_err(at)?;
    let headers: Vec<String> =
        src.reader().headers().map_err(|e| at(e.into()))?.iter().map(str::to_owned).collect();
    let mut table = Table::new(headers);
    let mut rec = csv::StringRecord::new();
    while src.reader().read_record(&mut rec).map_err(|e| at(e.into()))? {
        table.push_row(rec.iter());
    }
    let d = src.dialect();
    eprintln!(
        "dq: {}: {}{}, delimiter {:?}, {} preamble line(s), {} records",
        path.display(),
        src.encoding().unwrap_or(src.detection().encoding).name(),
        if src.detection().bom { " (BOM)" } else { "" },
        char::from(d.delimiter),
        d.header_row,
        table.len()
    );
    Ok(table)
}

/// Loads `--config` or configures automatically, then applies the overrides. For a
/// deduplication configured automatically, `Err` of the inner result carries the reason
/// why the table has no probable duplicates to find.
pub(crate) fn load_config(
    config: Option<&Path>,
    left: &Table,
    right: Option<&Table>,
    id_column: Option<&str>,
    threshold: Option<f64>,
    cluster: Option<Method>,
    search: auto::Search,
) -> CliResult<Result<Config, String>> {
    let mut cfg = match config {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Config::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => {
            let mut options = auto::AutoOptions::default();
            options.search(search);
            if let Some(c) = id_column {
                options.id_column(c);
            }
            let chosen = auto::configure_with(left, right, &options)?;
            eprintln!("dq: no --config given; configuration chosen from the columns:");
            for note in &chosen.notes {
                eprintln!("#   {note}");
            }
            if let Some(key) = chosen.no_search {
                return Ok(Err(key.reason));
            }
            eprintln!("# Save what follows as a .toml file and replay it with --config.");
            eprint!("{}", chosen.config.to_toml());
            chosen.config
        }
    };
    if let Some(t) = threshold {
        cfg.threshold = t;
    }
    if let Some(m) = cluster {
        cfg.cluster = match m {
            Method::ConnectedComponents => ClusterMethod::ConnectedComponents,
            Method::Centre => ClusterMethod::Centre,
        };
    }
    cfg.check()?;
    Ok(Ok(cfg))
}

/// The identifier of a row: the id column's value, or the 1-based row number.
pub(crate) fn row_id(table: &Table, id_col: Option<usize>, row: u32) -> String {
    match id_col {
        Some(c) => table.cell(row as usize, c).to_owned(),
        None => (u64::from(row) + 1).to_string(),
    }
}

/// Writes the explanation of every kept pair.
pub(crate) fn write_explain(
    path: &Path,
    outcome: &Outcome,
    left: (&Table, Option<usize>),
    right: (&Table, Option<usize>),
) -> CliResult<()> {
    let mut w = csv::Writer::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(first) = outcome.pairs.first() else {
        w.write_record([
            "left_id",
            "right_id",
            "match_probability",
            "match_weight",
            "prior_weight",
        ])?;
        w.flush()?;
        return Ok(());
    };
    let mut header: Vec<String> =
        ["left_id", "right_id", "match_probability", "match_weight", "prior_weight"]
            .map(String::from)
            .to_vec();
    for c in outcome.explain(first) {
        for suffix in ["left", "right", "level", "weight"] {
            header.push(format!("{}_{suffix}", c.column));
        }
    }
    header.push("veto".into());
    w.write_record(&header)?;
    let prior = outcome.model().prior_weight();
    for p in &outcome.pairs {
        let mut rec = vec![
            row_id(left.0, left.1, p.left),
            row_id(right.0, right.1, p.right),
            format!("{:.6}", p.probability),
            format!("{:.3}", p.weight),
            format!("{prior:.3}"),
        ];
        for c in outcome.explain(p) {
            rec.push(c.values.0);
            rec.push(c.values.1);
            rec.push(if c.level == dq_dedupe::model::NULL_LEVEL {
                "null".into()
            } else {
                c.level.to_string()
            });
            rec.push(format!("{:.3}", c.weight));
        }
        rec.push(match outcome.veto(p) {
            Some(v) => {
                format!("{} ({}): {} != {}", v.column, v.kind.as_str(), v.values.0, v.values.1)
            }
            None => String::new(),
        });
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}

/// Prints the estimated model on stderr: λ and each field's weight per level.
pub(crate) fn print_model(config: &Config, outcome: &Outcome) {
    let m = outcome.model();
    eprintln!("dq: model: lambda {:.5} (prior weight {:.2})", m.lambda, m.prior_weight());
    for (f, field) in config.fields.iter().enumerate() {
        let levels = m.m.get(f).map_or(0, Vec::len);
        let parts: Vec<String> = (0..levels)
            .map(|l| {
                let mm = m.m.get(f).and_then(|v| v.get(l)).copied().unwrap_or(0.0);
                let uu = m.u.get(f).and_then(|v| v.get(l)).copied().unwrap_or(0.0);
                format!("{l}: m {mm:.3} u {uu:.4} w {:+.2}", m.field_weight(f, l as u8))
            })
            .collect();
        eprintln!("dq:   {} ({:?}): {}", field.column, field.kind, parts.join(" | "));
    }
}

/// Phase timings on stderr when `DQ_DEDUPE_TIMINGS` is set (profiling aid).
pub(crate) struct Timings {
    on: bool,
    clock: std::time::Instant,
}

impl Timings {
    pub(crate) fn start() -> Timings {
        Timings {
            on: std::env::var_os("DQ_DEDUPE_TIMINGS").is_some(),
            clock: std::time::Instant::now(),
        }
    }

    /// Prints the time since the previous lap, labelled `name`.
    pub(crate) fn lap(&mut self, name: &str) {
        let now = std::time::Instant::now();
        if self.on {
            eprintln!("dq: time {name}: {:.3} s", (now - self.clock).as_secs_f64());
        }
        self.clock = now;
    }

    /// Prints the library's own phases of a run.
    pub(crate) fn run_phases(&mut self, outcome: &Outcome) {
        if self.on {
            for (name, d) in outcome.timings() {
                eprintln!("dq: time   {name}: {:.3} s", d.as_secs_f64());
            }
        }
        self.lap("run");
    }
}

/// Writes the output of a table with no probable duplicates to find: only exact
/// duplicate rows (the id column aside) share a cluster.
fn write_exact_only(
    args: &Args,
    table: &Table,
    id_col: Option<usize>,
    reason: &str,
) -> CliResult<ExitCode> {
    eprintln!("dq: no probable duplicates to find: {reason}; only exact duplicate rows are clustered (--force searches anyway)");
    let clusters = table.exact_clusters(id_col.as_slice());
    let mut w = csv::Writer::from_path(&args.output)
        .map_err(|e| format!("{}: {e}", args.output.display()))?;
    let mut header: Vec<&str> = table.headers().iter().map(String::as_str).collect();
    header.push("cluster_id");
    w.write_record(&header)?;
    let ncol = table.headers().len();
    for (row, &cluster) in clusters.iter().enumerate() {
        let id = (u64::from(cluster) + 1).to_string();
        let cells = (0..ncol).map(|c| table.cell(row, c)).chain(std::iter::once(id.as_str()));
        w.write_record(cells)?;
    }
    w.flush()?;
    let exact = clusters.iter().enumerate().filter(|&(i, &c)| c as usize != i).count();
    eprintln!(
        "dq: {} records, {} exact duplicate rows, no probable duplicates searched",
        table.len(),
        exact
    );
    if let Some(path) = &args.explain {
        let mut w = csv::Writer::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
        w.write_record([
            "left_id",
            "right_id",
            "match_probability",
            "match_weight",
            "prior_weight",
        ])?;
        w.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `dq dedupe`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let mut timings = Timings::start();
    let table = read_table(&args.file)?;
    timings.lap("read");
    let id_col = match &args.id_column {
        Some(name) => Some(table.column_index(name)?),
        None => None,
    };
    let search = if args.force { auto::Search::Always } else { auto::Search::WhenNoKey };
    let config = match load_config(
        args.config.as_deref(),
        &table,
        None,
        args.id_column.as_deref(),
        args.threshold,
        args.cluster,
        search,
    )? {
        Ok(c) => c,
        Err(reason) => return write_exact_only(&args, &table, id_col, &reason),
    };
    timings.lap("configure");
    let mut options = RunOptions::default();
    if args.explain.is_some() {
        options.keep_from = Some(0.01);
    }
    let outcome = dedupe(&table, &config, &options)?;
    timings.run_phases(&outcome);
    print_model(&config, &outcome);
    for warning in &outcome.warnings {
        eprintln!("dq: warning: {warning}");
    }
    if outcome.vetoed_pairs > 0 {
        eprintln!("dq: {} candidate pairs ruled out by an identifier veto", outcome.vetoed_pairs);
    }
    for r in &outcome.rules {
        eprintln!(
            "dq: blocking {}: {} pairs counted, {} new",
            r.name, r.estimated_pairs, r.new_pairs
        );
    }
    let mut w = csv::Writer::from_path(&args.output)
        .map_err(|e| format!("{}: {e}", args.output.display()))?;
    let mut header: Vec<&str> = table.headers().iter().map(String::as_str).collect();
    header.push("cluster_id");
    w.write_record(&header)?;
    let ncol = table.headers().len();
    let mut sizes = std::collections::HashMap::new();
    for &c in &outcome.clusters {
        *sizes.entry(c).or_insert(0usize) += 1;
    }
    for (row, &cluster) in outcome.clusters.iter().enumerate() {
        let id = (u64::from(cluster) + 1).to_string();
        let cells = (0..ncol).map(|c| table.cell(row, c)).chain(std::iter::once(id.as_str()));
        w.write_record(cells)?;
    }
    w.flush()?;
    let dup = sizes.values().filter(|&&s| s > 1).count();
    eprintln!(
        "dq: {} records, {} clusters ({} with duplicates), {} matching pairs",
        table.len(),
        sizes.len(),
        dup,
        outcome.pairs.iter().filter(|p| p.probability >= config.threshold).count()
    );
    if let Some(path) = &args.explain {
        write_explain(path, &outcome, (&table, id_col), (&table, id_col))?;
    }
    timings.lap("write");
    Ok(ExitCode::SUCCESS)
}
