//! `dq normalize KIND [--json]`: one value per line on stdin, one answer per line.
//!
//! The answers (status, output, rule, reason and each kind's extra fields) come from
//! `dq_profile::answer`, which the Arrow kernels and the Python package call too.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use dq_profile::answer::{AnswerOptions, Answerer};

use crate::CliResult;

/// Arguments of `dq normalize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The kind of value: mojibake, whitespace, unicode, apostrophe, fold, title, null,
    /// number, date, datetime, bool, phone, email, url, siren, siret, tva, nir, rna, uai,
    /// finess, naf, insee, postal-code, departement, region, commune, cle-interop, address.
    pub kind: String,
    /// Print one JSON object per value.
    #[arg(long)]
    pub json: bool,
    /// Dates: accept Excel serial numbers (1900 date system).
    #[arg(long)]
    pub excel_serial: bool,
    /// Dates: read `03/04/2021` month first (US columns).
    #[arg(long)]
    pub month_first: bool,
    /// Communes and addresses: a département code or postal code that narrows the search.
    #[arg(long)]
    pub hint: Option<String>,
}

fn lookup(args: &Args) -> Option<Answerer> {
    let kind = dq_clean::plan::Kind::from_name(&args.kind)?;
    let mut options = AnswerOptions::default();
    options
        .excel_serial(args.excel_serial)
        .month_first(args.month_first)
        .hint(args.hint.as_deref());
    Answerer::new(kind, &options)
}

/// Runs `dq normalize`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let f = lookup(&args).ok_or_else(|| format!("unknown kind {:?}", args.kind))?;
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = String::new();
    let mut reader = stdin.lock();
    let mut n = 0usize;
    loop {
        line.clear();
        let read = reader.read_line(&mut line).map_err(|e| format!("stdin: {e}"))?;
        if read == 0 {
            break;
        }
        n += 1;
        let value = line.strip_suffix('\n').unwrap_or(&line);
        let value = value.strip_suffix('\r').unwrap_or(value);
        let answer = f.answer(value);
        if args.json {
            serde_json::to_writer(&mut out, &answer.to_json(value))?;
            out.write_all(b"\n")?;
        } else {
            match answer.status {
                "valid" => writeln!(out, "{}", answer.output.as_deref().unwrap_or(value))?,
                "null" => writeln!(out)?,
                status => {
                    writeln!(out, "{value}")?;
                    eprintln!(
                        "line {n}: {status}: {}",
                        answer.reason.as_deref().unwrap_or("no reason given")
                    );
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
