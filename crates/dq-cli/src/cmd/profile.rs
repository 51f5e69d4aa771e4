//! `dq profile`: a streaming quality profile of one CSV file.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::CliResult;

/// Files above this size get a spinner on a terminal.
const LARGE: u64 = 16 * 1024 * 1024;

/// Arguments of `dq profile`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Write the Table Schema (frictionless) to this file.
    #[arg(long, value_name = "OUT.json")]
    schema: Option<PathBuf>,
    /// Profiling threads: 1 reads and profiles in one thread; n ≥ 2 adds a reader
    /// thread and profiles the columns of each batch of records in n threads (the same
    /// profile, bit for bit).
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// The CSV file.
    file: PathBuf,
}

/// Runs `dq profile`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let mut profiler = dq_profile::Profiler::new();
    profiler.threads(args.threads);
    let large = std::fs::metadata(&args.file).map(|m| m.len() > LARGE).unwrap_or(false);
    let bar = (large && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_message(format!("profilage de {}", args.file.display()));
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    });
    let profile = profiler.profile_path(&args.file);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let profile = profile.map_err(|e| format!("{}: {e}", args.file.display()))?;
    if let Some(out) = &args.schema {
        let text = serde_json::to_string_pretty(&profile.table_schema)?;
        std::fs::write(out, text + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    if args.json {
        serde_json::to_writer(&mut w, &profile)?;
        writeln!(w)?;
    } else {
        write_table(&mut w, &profile)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_table(w: &mut impl Write, t: &dq_profile::TableProfile) -> std::io::Result<()> {
    writeln!(w, "fichier      {}", t.path.as_deref().unwrap_or("-"))?;
    writeln!(
        w,
        "encodage     {}{}   séparateur {:?}   guillemet {}",
        t.encoding,
        if t.bom { " (BOM)" } else { "" },
        t.delimiter,
        t.quote.as_deref().unwrap_or("aucun")
    )?;
    writeln!(
        w,
        "en-tête      {}   lignes de titre {}   lignes {}   doublons {}   lignes irrégulières {}",
        if t.has_header { "oui" } else { "non" },
        t.title_lines,
        t.rows,
        t.duplicate_rows,
        t.ragged_rows
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "{:>3}  {:<28} {:<9} {:<26} {:>5} {:>8} {:>9}  {:<20} {:<20}",
        "#", "colonne", "type", "format", "score", "nuls", "distincts", "min", "max"
    )?;
    for c in &t.columns {
        let distinct = if c.distinct_is_estimate {
            format!("~{}", c.distinct)
        } else {
            c.distinct.to_string()
        };
        writeln!(
            w,
            "{:>3}  {:<28} {:<9} {:<26} {:>5.2} {:>8} {:>9}  {:<20} {:<20}",
            c.index,
            clip(&c.name, 28),
            c.kind,
            c.format.name(),
            c.format_score,
            c.nulls,
            distinct,
            clip(c.min.as_deref().unwrap_or(""), 20),
            clip(c.max.as_deref().unwrap_or(""), 20)
        )?;
    }
    if !t.findings.is_empty() {
        writeln!(w)?;
        writeln!(w, "constats")?;
        for f in &t.findings {
            let ex: Vec<String> = f
                .examples
                .iter()
                .map(|e| {
                    if e.value.is_empty() {
                        format!("l.{}", e.line)
                    } else {
                        format!("l.{} {:?}", e.line, e.value)
                    }
                })
                .collect();
            writeln!(w, "  - {} [{}]", f.message, ex.join(", "))?;
        }
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
