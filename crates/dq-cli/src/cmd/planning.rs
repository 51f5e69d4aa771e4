//! What `dq clean` and `dq audit` share: the column plan (from the profile, a rules file,
//! or a plan replayed from JSON), the cleaner that executes it, and the CSV writer of
//! their outputs (UTF-8, comma, CRLF: RFC 4180).

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use dq_clean::plan::TablePlan;
use dq_clean::rules::Rules;
use dq_clean::table::TableCleaner;
use dq_profile::plan::PlanOptions;
use dq_profile::TableProfile;

use crate::CliResult;

/// The options that decide the plan, shared by `dq clean` and `dq audit`.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArgs {
    /// A rules file naming a kind per column (TOML, see docs/rules.md): every kind of
    /// `dq normalize` (number, date, siret, code_postal, insee, text, code, keep…).
    #[arg(long, value_name = "RULES.toml")]
    pub rules: Option<PathBuf>,
    /// Replay a plan written by an earlier run (`plan.json` of `dq audit`, or
    /// `dq clean --write-plan`) instead of planning from the profile.
    #[arg(long, value_name = "PLAN.json", conflicts_with = "rules")]
    pub plan: Option<PathBuf>,
    /// Write every valid value in canonical form, even in columns that are consistent
    /// in a convention of their own (`oui`/`non`, `5610A`, national phone numbers).
    #[arg(long)]
    pub canonical: bool,
}

impl PlanArgs {
    /// Whether the plan comes from a file, so that no profile is needed.
    pub fn replays(&self) -> bool {
        self.plan.is_some()
    }

    /// The plan: replayed from `--plan`, or decided from `profile` and `--rules`.
    ///
    /// # Errors
    ///
    /// When a file cannot be read or parsed, or no profile is given without `--plan`.
    pub fn decide(&self, profile: Option<&TableProfile>) -> CliResult<TablePlan> {
        if let Some(path) = &self.plan {
            let text = read(path)?;
            return Ok(TablePlan::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?);
        }
        let Some(profile) = profile else {
            return Err("no profile to plan from".into());
        };
        let rules = match &self.rules {
            Some(path) => Some(read_rules(path)?),
            None => None,
        };
        let mut options = PlanOptions::default();
        options.canonical(self.canonical);
        Ok(dq_profile::plan::plan(profile, rules.as_ref(), &options))
    }
}

fn read(path: &Path) -> CliResult<String> {
    Ok(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Reads a rules file whose kinds may be any of dq's.
///
/// # Errors
///
/// When the file cannot be read or is not a valid rules file.
pub fn read_rules(path: &Path) -> CliResult<Rules> {
    let text = read(path)?;
    Ok(Rules::from_toml_with(&text, &dq_profile::plan::normalizer)
        .map_err(|e| format!("{}: {e}", path.display()))?)
}

/// The cleaner that executes `plan`, with every kind available; a file without a header
/// row gets the plan's column names (`column_1`…) as its header.
///
/// # Errors
///
/// When a planned kind cannot be built (never for plans of this version).
pub fn cleaner(plan: &TablePlan, has_header: bool) -> CliResult<TableCleaner> {
    let mut b = TableCleaner::builder();
    b.plan(plan, &dq_profile::plan::normalizer)?;
    if !has_header {
        b.headers(plan.columns.iter().map(|c| c.header.as_str()));
    }
    Ok(b.build())
}

/// Opens `path` for the cleaning pass as the profile read it: the profile's encoding and
/// delimiter are given to dq-encoding instead of being detected again.
///
/// # Errors
///
/// When the file cannot be opened or read.
pub fn open_like(
    path: &Path,
    profile: Option<&TableProfile>,
) -> CliResult<dq_encoding::CsvSource<File>> {
    let mut options = dq_encoding::CsvOptions::default();
    if let Some(p) = profile {
        options.encoding(dq_encoding::Encoding::for_label(&p.encoding).ok());
        if let [d] = p.delimiter.as_bytes() {
            options.delimiter(Some(*d));
        }
    }
    Ok(dq_encoding::open_csv_with(path, &options)
        .map_err(|e| format!("{}: {e}", path.display()))?)
}

/// A CSV writer for a cleaned table or a log: UTF-8, comma, CRLF, rows of any length.
///
/// # Errors
///
/// When the file cannot be created.
pub fn csv_writer(path: &Path) -> CliResult<csv::Writer<BufWriter<File>>> {
    let f = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(BufWriter::new(f)))
}
