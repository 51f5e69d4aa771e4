//! `dq sniff`: the encoding and CSV dialect of files.
//!
//! With `--json`, one JSON object per file per line:
//! `{"path", "encoding", "bom", "confidence", "delimiter", "quote", "has_header",
//! "header_row", "line_terminator", "columns", "binary", "evidence", "findings"}`, where
//! `findings` lists what the dialect check noticed (`{"kind", "line", "message"}`: a
//! repeated header, a column still wrapped in quotes, a stray carriage return…); a file that cannot
//! be read or is not text gets `{"path", "error"}` (plus `"binary"` when it looks like
//! a PDF, a ZIP/XLSX…) and the other files are still answered. The exit code is 1 when
//! any file failed, 0 otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dq_encoding::{open_csv, Error};
use serde_json::{json, Value};

use crate::CliResult;

/// Arguments of `dq sniff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON object per file per line instead of a table.
    #[arg(long)]
    json: bool,
    /// Input files. Exit code 1 when any of them cannot be read or is not text.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn sniff_one(path: &Path) -> Result<Value, Error> {
    let src = open_csv(path)?;
    let d = src.detection();
    let dialect = src.dialect();
    Ok(json!({
        "path": path.display().to_string(),
        "encoding": d.encoding.name(),
        "bom": d.bom,
        "confidence": (d.confidence * 1000.0).round() / 1000.0,
        "delimiter": char::from(dialect.delimiter).to_string(),
        "quote": dialect.quote.map(|q| char::from(q).to_string()),
        "has_header": dialect.has_header,
        "header_row": dialect.header_row,
        "line_terminator": dialect.line_terminator.as_str().replace('\r', "CR").replace('\n', "LF"),
        "columns": dialect.columns,
        "evidence": d.evidence,
        "findings": dialect.findings,
    }))
}

fn error_object(path: &Path, err: &Error) -> Value {
    json!({
        "path": path.display().to_string(),
        "error": err.to_string(),
        "binary": err.binary_kind().map(|k| k.describe()),
    })
}

/// Runs `dq sniff`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    if !args.json {
        writeln!(
            out,
            "{:<32} {:<13} {:<5} {:>5}  {:<5} {:<5} {:<6} {:>3}  {:<4}",
            "path", "encoding", "bom", "conf", "delim", "quote", "header", "row", "eol"
        )?;
    }
    for path in &args.files {
        let result = sniff_one(path);
        failed |= result.is_err();
        if args.json {
            let v = match &result {
                Ok(v) => v.clone(),
                Err(e) => error_object(path, e),
            };
            writeln!(out, "{v}")?;
            continue;
        }
        match result {
            Ok(v) => {
                let s = |k: &str| match v.get(k) {
                    Some(Value::String(s)) => s.escape_debug().to_string(),
                    Some(Value::Null) | None => "none".to_owned(),
                    Some(other) => other.to_string(),
                };
                writeln!(
                    out,
                    "{:<32} {:<13} {:<5} {:>5}  {:<5} {:<5} {:<6} {:>3}  {:<4}",
                    path.display(),
                    s("encoding"),
                    s("bom"),
                    s("confidence"),
                    s("delimiter"),
                    s("quote"),
                    s("has_header"),
                    s("header_row"),
                    s("line_terminator")
                )?;
                let findings = v.get("findings").and_then(Value::as_array);
                for f in findings.into_iter().flatten() {
                    let m = f.get("message").and_then(Value::as_str).unwrap_or("");
                    writeln!(out, "  finding: {m}")?;
                }
            }
            Err(e) => writeln!(out, "{:<32} error: {e}", path.display())?,
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
