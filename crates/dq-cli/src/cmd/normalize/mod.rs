//! `dq normalize KIND [--json]`: one value per line on stdin, one answer per line.
//!
//! Each crate's kinds live in their own module (`encoding`, `clean_text`, `clean_values`, `pivot_ids`, `pivot_geo`), which
//! maps a kind name to a function from a value to an [`Answer`].

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde_json::{Map, Value};

use crate::CliResult;

mod clean_text;
mod clean_values;
mod encoding;
mod pivot_geo;
mod pivot_ids;

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

/// What `dq normalize` answers for one value.
#[derive(Debug, Default)]
pub struct Answer {
    /// `"valid"`, `"null"`, `"invalid"` or `"ambiguous"`.
    pub status: &'static str,
    /// The normalized value, when valid.
    pub output: Option<String>,
    /// What was applied, when valid.
    pub rule: Option<String>,
    /// Why the value is invalid or ambiguous.
    pub reason: Option<String>,
    /// Kind-specific fields added after the common ones (`candidates`, `communes`, …).
    pub extra: Map<String, Value>,
}

impl Answer {
    /// Builds the answer from a `dq-clean` verdict.
    pub fn from_verdict(v: &dq_clean::Verdict<'_>) -> Answer {
        let mut a = Answer {
            status: v.status(),
            output: v.value().map(str::to_owned),
            rule: v.rule().map(str::to_owned),
            reason: v.reason().map(str::to_owned),
            extra: Map::new(),
        };
        if let dq_clean::Verdict::Ambiguous { candidates, .. } = v {
            a.extra.insert("candidates".into(), candidates.clone().into());
        }
        a
    }

    fn to_json(&self, input: &str) -> Value {
        let mut m = Map::new();
        m.insert("input".into(), input.into());
        m.insert("status".into(), self.status.into());
        m.insert("output".into(), self.output.clone().into());
        let changed = self.status == "valid" && self.output.as_deref() != Some(input);
        m.insert("changed".into(), changed.into());
        m.insert("rule".into(), self.rule.clone().into());
        m.insert("reason".into(), self.reason.clone().into());
        for (k, v) in &self.extra {
            m.insert(k.clone(), v.clone());
        }
        Value::Object(m)
    }
}

/// A normalizing function for one kind.
pub type KindFn = Box<dyn Fn(&str) -> Answer>;

fn lookup(args: &Args) -> Option<KindFn> {
    let kind = dq_clean::plan::Kind::from_name(&args.kind)?;
    encoding::lookup(kind, args)
        .or_else(|| clean_text::lookup(kind, args))
        .or_else(|| clean_values::lookup(kind, args))
        .or_else(|| pivot_ids::lookup(kind, args))
        .or_else(|| pivot_geo::lookup(kind, args))
        .or_else(|| planned(kind))
}

/// Kinds without answer fields of their own (`text`, `code`, `keep`): the registry's
/// normalizer.
fn planned(kind: dq_clean::plan::Kind) -> Option<KindFn> {
    let n = dq_profile::plan::normalizer(kind, &Default::default())?;
    Some(Box::new(move |v: &str| Answer::from_verdict(&n.normalize(v))))
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
        let answer = f(value);
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
