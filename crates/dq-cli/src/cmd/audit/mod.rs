//! `dq audit FILE`: the whole data-quality job on one file, with a report.
//!
//! Three streaming passes over the input, each re-opening it (the file is never held in
//! memory): the profile (dq-profile), the cleaning (dq-clean's `TableCleaner` executing
//! the plan that `dq_profile::plan` decides from the profile, exactly as `dq clean`
//! does), then probable duplicates (dq-dedupe) on the columns it compares, read back from
//! `clean.csv`. Everything goes into one output folder (default: `FILE`'s stem + `.dq/`
//! next to it): `clean.csv`, `changes.csv`, `flags.csv`, `duplicates.csv`, `plan.json`,
//! `report.json`, `report.html`. The input is never written.
//!
//! What only the audit needs (histograms of the cleaned numbers, exact duplicate rows,
//! added pivot columns, progress) is a `RecordObserver` of the cleaner's record loop, so
//! `clean.csv` and `changes.csv` are those of `dq clean` on the same file, and
//! `dq_clean::table::restore` rebuilds the input from them.

mod dupes;
mod html;
mod report;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dq_clean::plan::{Kind, TablePlan};
use dq_clean::table::{AuditSink, Change, CsvAuditSink, Flag, RecordObserver};
use dq_profile::TableProfile;

use super::planning::{self, PlanArgs};
use crate::CliResult;
use report::{ColumnReport, Duplicates, Input, Report, Score, Tally};

/// Files above this size get progress bars (on a terminal).
const LARGE: u64 = 16 * 1024 * 1024;
/// Flagged cells kept as examples per column in the report.
const FLAG_EXAMPLES: usize = 8;
/// Bins of the numeric histograms.
const BINS: usize = 20;
/// Distinct row hashes remembered to find exact duplicate rows (about 35 MB).
const EXACT_BOUND: usize = 1_000_000;
/// Groups of exact duplicate rows listed in duplicates.csv, and rows listed per group.
const GROUP_BOUND: usize = 100_000;
const MEMBER_BOUND: usize = 1_000;
/// Exact duplicate groups listed in report.json (all are in duplicates.csv).
const EXACT_GROUPS_IN_REPORT: usize = 1_000;

/// Which report files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// `report.json` only.
    Json,
    /// `report.html` only.
    Html,
    /// Both.
    Both,
}

/// Language of the HTML report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

/// Arguments of `dq audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to audit (CSV in any encoding and dialect).
    file: PathBuf,
    /// Output folder (default: FILE's stem + `.dq/`, next to FILE).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    #[command(flatten)]
    plan: PlanArgs,
    /// Do not look for probable duplicates (exact duplicate rows are still counted).
    #[arg(long)]
    no_dedupe: bool,
    /// Which report files to write.
    #[arg(long, value_enum, default_value_t = OutFormat::Both)]
    format: OutFormat,
    /// Language of report.html.
    #[arg(long, value_enum, default_value_t = Lang::Fr)]
    lang: Lang,
    /// Print nothing on stdout and no progress on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Add pivot columns to clean.csv: `siren` (from a SIRET column),
    /// `code_commune_insee` (from a commune code, or a commune name and postal code) and
    /// `cluster_id` (probable-duplicate cluster: the first member's row number).
    #[arg(long)]
    add_pivots: bool,
    /// Above this many rows, probable duplicates are not searched (memory budget of
    /// dq-dedupe: about 0.6 GB per million rows).
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    dedupe_max_rows: u64,
}

/// Runs `dq audit`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let meta =
        std::fs::metadata(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    if !meta.is_file() {
        return Err(format!("{}: not a file", args.file.display()).into());
    }
    let out_dir = match &args.output {
        Some(d) => d.clone(),
        None => default_dir(&args.file),
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let paths = OutPaths::new(&out_dir);
    paths.check_not_input(&args.file)?;
    let large = meta.len() > LARGE;
    let show = !args.quiet && large && std::io::stderr().is_terminal();

    // Pass 1: the profile.
    let bar = spinner(show, &format!("profil de {}", args.file.display()));
    let profile = dq_profile::Profiler::new().profile_path(&args.file);
    bar.finish_and_clear();
    let profile = profile.map_err(|e| format!("{}: {e}", args.file.display()))?;

    // The plan, the same as `dq clean`'s.
    let plan = args.plan.decide(Some(&profile))?;
    std::fs::write(&paths.plan, serde_json::to_string_pretty(&plan)? + "\n")
        .map_err(|e| format!("{}: {e}", paths.plan.display()))?;

    // Pass 2: cleaning.
    let bar = progress(show, meta.len(), "nettoyage");
    let cleaned = clean_pass(&args, &profile, &plan, &paths, &bar)?;
    bar.finish_and_clear();

    // Pass 3: probable duplicates.
    let mut not_available = Vec::new();
    let mut duplicates = Duplicates {
        status: "skipped".into(),
        exact_duplicate_rows: cleaned.exact.duplicates,
        ..Duplicates::default()
    };
    if !cleaned.exact.complete {
        duplicates.exact_duplicate_rows = cleaned.exact.duplicates.max(profile.duplicate_rows);
        not_available.push(format!(
            "exact duplicate rows: rows compared with the first {EXACT_BOUND} distinct rows only"
        ));
    }
    if !cleaned.exact.listed {
        not_available.push(format!(
            "exact duplicate rows: duplicates.csv lists {GROUP_BOUND} groups and {MEMBER_BOUND} rows per group at most"
        ));
    }
    let mut probable = None;
    if args.no_dedupe {
        not_available.push("probable duplicates: not searched (--no-dedupe)".into());
    } else {
        let bar = spinner(show, "doublons probables");
        let headers: Vec<String> = profile.columns.iter().map(|c| c.name.clone()).collect();
        let budget = dupes::Budget { max_rows: args.dedupe_max_rows };
        let found = dupes::probable(&paths.clean, &headers, cleaned.rows, &budget);
        bar.finish_and_clear();
        match found {
            Ok(p) => {
                duplicates.status = "done".into();
                duplicates.config = Some(p.config_toml.clone());
                duplicates.rows_in_clusters =
                    p.clusters.iter().map(|c| c.members.len() as u64).sum();
                duplicates.clusters = p.clusters.clone();
                probable = Some(p);
            }
            Err(reason) => {
                duplicates.status = "not_available".into();
                not_available.push(format!("probable duplicates: {reason}"));
            }
        }
    }
    let mut exact_groups: Vec<Vec<u64>> = cleaned.exact.groups();
    exact_groups.sort();
    duplicates.exact_groups = exact_groups.iter().take(EXACT_GROUPS_IN_REPORT).cloned().collect();
    if exact_groups.len() > EXACT_GROUPS_IN_REPORT {
        not_available.push(format!(
            "exact duplicate groups: the first {EXACT_GROUPS_IN_REPORT} of {} are listed here, all are in duplicates.csv",
            exact_groups.len()
        ));
    }
    dupes::write_csv(
        &paths.duplicates,
        &exact_groups,
        probable.as_ref().map(|p| p.clusters.as_slice()),
    )?;
    if args.add_pivots {
        let clusters = probable.as_ref().map(|p| p.cluster_of_row.as_slice());
        dupes::append_cluster_id(&paths.clean, &out_dir, clusters)?;
    }

    // The report.
    let report =
        build_report(&args, &meta, &profile, &plan, cleaned, duplicates, not_available, &paths)?;
    if args.format != OutFormat::Html {
        let f = File::create(&paths.json).map_err(|e| format!("{}: {e}", paths.json.display()))?;
        let mut w = BufWriter::new(f);
        serde_json::to_writer_pretty(&mut w, &report)?;
        writeln!(w)?;
        w.flush()?;
    }
    if args.format != OutFormat::Json {
        std::fs::write(&paths.html, html::render(&report))
            .map_err(|e| format!("{}: {e}", paths.html.display()))?;
    }
    if !args.quiet {
        print_summary(&report, &out_dir)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `dir/name.csv` → `dir/name.dq`.
fn default_dir(file: &Path) -> PathBuf {
    let stem =
        file.file_stem().map_or_else(|| "audit".into(), |s| s.to_string_lossy().into_owned());
    file.with_file_name(format!("{stem}.dq"))
}

/// The files the audit writes.
struct OutPaths {
    clean: PathBuf,
    changes: PathBuf,
    flags: PathBuf,
    duplicates: PathBuf,
    json: PathBuf,
    html: PathBuf,
    plan: PathBuf,
}

impl OutPaths {
    fn new(dir: &Path) -> OutPaths {
        OutPaths {
            clean: dir.join("clean.csv"),
            changes: dir.join("changes.csv"),
            flags: dir.join("flags.csv"),
            duplicates: dir.join("duplicates.csv"),
            json: dir.join("report.json"),
            html: dir.join("report.html"),
            plan: dir.join("plan.json"),
        }
    }

    fn all(&self) -> [&PathBuf; 7] {
        [
            &self.clean,
            &self.changes,
            &self.flags,
            &self.duplicates,
            &self.json,
            &self.html,
            &self.plan,
        ]
    }

    /// Refuses to run when an output would overwrite the input.
    fn check_not_input(&self, input: &Path) -> CliResult<()> {
        let input =
            std::fs::canonicalize(input).map_err(|e| format!("{}: {e}", input.display()))?;
        for p in self.all() {
            if std::fs::canonicalize(p).is_ok_and(|c| c == input) {
                return Err(format!("{}: the output would overwrite the input", p.display()).into());
            }
        }
        Ok(())
    }

    fn outputs(&self, format: OutFormat) -> BTreeMap<&'static str, String> {
        let mut m = BTreeMap::new();
        let s = |p: &PathBuf| p.display().to_string();
        m.insert("clean", s(&self.clean));
        m.insert("changes", s(&self.changes));
        m.insert("flags", s(&self.flags));
        m.insert("duplicates", s(&self.duplicates));
        m.insert("plan", s(&self.plan));
        if format != OutFormat::Html {
            m.insert("report_json", s(&self.json));
        }
        if format != OutFormat::Json {
            m.insert("report_html", s(&self.html));
        }
        m
    }
}

fn spinner(show: bool, msg: &str) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new_spinner();
    b.set_message(msg.to_owned());
    b.enable_steady_tick(std::time::Duration::from_millis(120));
    b
}

fn progress(show: bool, len: u64, msg: &str) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let style =
        indicatif::ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    b.set_style(style);
    b.set_message(msg.to_owned());
    b
}

/// What the cleaner's changes and flags say of one column (counted by the sink).
#[derive(Debug, Default)]
struct CellCounts {
    /// Non-null cells changed.
    changed: u64,
    /// Null tokens emptied.
    nulls_emptied: u64,
    invalid: u64,
    ambiguous: u64,
    examples: Vec<(u64, String, String)>,
}

/// What the cleaned values of one column say (seen by the record observer).
#[derive(Debug, Default)]
struct ValueStats {
    /// Cleaned values still wrapped in quote characters.
    quoted: u64,
    histogram: Option<Histogram>,
}

/// A fixed-range histogram of a numeric column's cleaned values.
#[derive(Debug)]
struct Histogram {
    min: f64,
    max: f64,
    counts: Vec<u64>,
}

impl Histogram {
    fn for_column(c: &dq_profile::ColumnProfile) -> Option<Histogram> {
        if !matches!(c.kind.as_str(), "number" | "integer") {
            return None;
        }
        let min: f64 = c.min.as_deref()?.parse().ok()?;
        let max: f64 = c.max.as_deref()?.parse().ok()?;
        (min.is_finite() && max.is_finite() && min < max).then(|| Histogram {
            min,
            max,
            counts: vec![0; BINS],
        })
    }

    fn add(&mut self, v: &str) {
        let Ok(x) = v.parse::<f64>() else { return };
        if !x.is_finite() {
            return;
        }
        let t = ((x - self.min) / (self.max - self.min) * BINS as f64).floor();
        let i = t.clamp(0.0, (BINS - 1) as f64) as usize;
        if let Some(c) = self.counts.get_mut(i) {
            *c += 1;
        }
    }

    fn bins(&self) -> Vec<(f64, f64, u64)> {
        let w = (self.max - self.min) / BINS as f64;
        self.counts
            .iter()
            .enumerate()
            .map(|(i, &n)| (self.min + w * i as f64, self.min + w * (i + 1) as f64, n))
            .collect()
    }
}

/// Exact duplicate rows, by a hash of their raw fields.
#[derive(Debug, Default)]
struct ExactRows {
    first_row: std::collections::HashMap<u64, u64>,
    groups: std::collections::HashMap<u64, Vec<u64>>,
    duplicates: u64,
    /// Whether every row was compared with every earlier row.
    complete: bool,
    /// Whether every group, and every member of each group, is listed.
    listed: bool,
}

impl ExactRows {
    fn new() -> ExactRows {
        ExactRows { complete: true, listed: true, ..ExactRows::default() }
    }

    fn add(&mut self, rec: &csv::StringRecord, row: u64) {
        use std::hash::{Hash, Hasher};
        let mut h = dq_clean::hash::FastHasher::default();
        for f in rec.iter() {
            f.hash(&mut h);
        }
        rec.len().hash(&mut h);
        let key = h.finish();
        match self.first_row.get(&key) {
            Some(&first) => {
                self.duplicates += 1;
                let room = self.groups.len() < GROUP_BOUND;
                match self.groups.get_mut(&first) {
                    Some(g) if g.len() < MEMBER_BOUND => g.push(row),
                    Some(_) => self.listed = false,
                    None if room => {
                        self.groups.insert(first, vec![first, row]);
                    }
                    None => self.listed = false,
                }
            }
            None if self.first_row.len() < EXACT_BOUND => {
                self.first_row.insert(key, row);
            }
            None => self.complete = false,
        }
    }

    fn groups(&self) -> Vec<Vec<u64>> {
        self.groups.values().cloned().collect()
    }
}

/// What the cleaning pass produced.
struct Cleaned {
    rows: u64,
    counts: Vec<CellCounts>,
    values: Vec<ValueStats>,
    changes: Tally,
    flags: Tally,
    exact: ExactRows,
    added: Vec<String>,
    reading: report::Reading,
}

/// A sink writing changes.csv and flags.csv and counting per rule and column.
struct Counting {
    csv: CsvAuditSink<BufWriter<File>, BufWriter<File>>,
    changes: Tally,
    flags: Tally,
    columns: Vec<CellCounts>,
}

impl AuditSink for Counting {
    fn change(&mut self, c: &Change<'_>) -> Result<(), dq_clean::Error> {
        self.changes.add(c.rule, c.header);
        if let Some(s) = self.columns.get_mut(c.column) {
            // A change to an empty cell is a null token emptied.
            if c.after.is_empty() {
                s.nulls_emptied += 1;
            } else {
                s.changed += 1;
            }
        }
        self.csv.change(c)
    }

    fn flag(&mut self, f: &Flag<'_>) -> Result<(), dq_clean::Error> {
        self.flags.add(f.status.as_str(), f.header);
        if let Some(s) = self.columns.get_mut(f.column) {
            if f.status == dq_clean::table::FlagStatus::Ambiguous {
                s.ambiguous += 1;
            } else {
                s.invalid += 1;
            }
            if s.examples.len() < FLAG_EXAMPLES {
                s.examples.push((f.row, f.value.to_owned(), f.reason.to_owned()));
            }
        }
        self.csv.flag(f)
    }
}

/// Where the added pivot columns come from.
struct Pivots {
    siret: Option<usize>,
    insee: Option<usize>,
    commune: Option<usize>,
    postal: Option<usize>,
}

impl Pivots {
    fn new(profile: &TableProfile) -> Pivots {
        use dq_profile::Format;
        let find = |f: Format| profile.columns.iter().position(|c| c.format == f);
        Pivots {
            siret: find(Format::Siret),
            insee: find(Format::CodeCommune),
            commune: find(Format::Commune),
            postal: find(Format::CodePostal),
        }
    }

    /// The added columns' values for one cleaned record.
    fn values(&self, out: &csv::StringRecord) -> [String; 2] {
        let cell = |i: Option<usize>| i.and_then(|i| out.get(i)).unwrap_or("");
        let siret = cell(self.siret);
        let siren = if siret.len() == 14 && siret.bytes().all(|b| b.is_ascii_digit()) {
            siret.get(..9).unwrap_or("").to_owned()
        } else {
            String::new()
        };
        let mut insee = String::new();
        let code = cell(self.insee);
        if dq_pivot::commune::lookup(code).is_some() {
            code.clone_into(&mut insee);
        } else {
            let name = cell(self.commune);
            if !name.is_empty() {
                let postal = cell(self.postal);
                let hint = (!postal.is_empty()).then_some(postal);
                let cands = dq_pivot::commune::resolve_name(name, hint);
                if let Some(best) = cands.first() {
                    let tied = cands
                        .iter()
                        .any(|c| (c.score - best.score).abs() < 1e-6 && c.current != best.current);
                    let in_postal = postal.is_empty()
                        || dq_pivot::postal::communes(postal).any(|c| c == best.current);
                    if !tied && in_postal {
                        best.current.clone_into(&mut insee);
                    }
                }
            }
        }
        [siren, insee]
    }
}

/// What the audit does with each cleaned record, beside the cleaning itself.
struct AuditObserver<'a> {
    columns: Vec<ValueStats>,
    exact: ExactRows,
    pivots: Option<Pivots>,
    ncols: usize,
    bar: &'a indicatif::ProgressBar,
}

impl RecordObserver for AuditObserver<'_> {
    fn header(&mut self, _header: &csv::StringRecord, out: &mut csv::StringRecord) {
        if self.pivots.is_some() {
            out.push_field("siren");
            out.push_field("code_commune_insee");
        }
    }

    fn record(
        &mut self,
        row: u64,
        input: &csv::StringRecord,
        out: &mut csv::StringRecord,
    ) -> Result<(), dq_clean::Error> {
        for (s, value) in self.columns.iter_mut().zip(out.iter()) {
            if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
                s.quoted += 1;
            }
            if let Some(h) = s.histogram.as_mut() {
                if !value.is_empty() {
                    h.add(value);
                }
            }
        }
        if let Some(p) = &self.pivots {
            let [siren, insee] = p.values(out);
            // Added columns only on rows that have every column, so that ragged rows keep
            // their shape.
            if out.len() == self.ncols {
                out.push_field(&siren);
                out.push_field(&insee);
            }
        }
        self.exact.add(input, row);
        if row % 8192 == 0 {
            if let Some(p) = input.position() {
                self.bar.set_position(p.byte());
            }
        }
        Ok(())
    }
}

fn clean_pass(
    args: &Args,
    profile: &TableProfile,
    plan: &TablePlan,
    paths: &OutPaths,
    bar: &indicatif::ProgressBar,
) -> CliResult<Cleaned> {
    let mut src = planning::open_like(&args.file, Some(profile))?;
    let columns: Vec<ValueStats> = profile
        .columns
        .iter()
        .map(|c| ValueStats {
            histogram: if plan.column(c.index).is_some_and(|p| p.kind == Kind::Number) {
                Histogram::for_column(c)
            } else {
                None
            },
            quoted: 0,
        })
        .collect();
    let mut observer = AuditObserver {
        columns,
        exact: ExactRows::new(),
        pivots: args.add_pivots.then(|| Pivots::new(profile)),
        ncols: profile.columns.len(),
        bar,
    };
    let added: Vec<String> = if observer.pivots.is_some() {
        vec!["siren".into(), "code_commune_insee".into()]
    } else {
        Vec::new()
    };
    let mut wtr = planning::csv_writer(&paths.clean)?;
    let csv = CsvAuditSink::new(
        Some(planning::csv_writer(&paths.changes)?),
        Some(planning::csv_writer(&paths.flags)?),
    )?;
    let mut sink = Counting {
        csv,
        changes: Tally::default(),
        flags: Tally::default(),
        columns: (0..profile.columns.len()).map(|_| CellCounts::default()).collect(),
    };
    let summary = planning::cleaner(plan, src.dialect().has_header)?
        .clean_observed(src.reader(), &mut wtr, &mut sink, &mut observer)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    wtr.flush()?;
    let reading = report::Reading {
        dialect_findings: src
            .dialect()
            .findings
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<Vec<_>, _>>()?,
        stray_carriage_returns: src.stray_carriage_returns().0,
    };
    let Counting { csv, changes, flags, columns: counts } = sink;
    csv.into_inner()?;
    Ok(Cleaned {
        rows: summary.rows,
        counts,
        values: observer.columns,
        changes,
        flags,
        exact: observer.exact,
        added,
        reading,
    })
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site, each argument a distinct part of the report"
)]
fn build_report(
    args: &Args,
    meta: &std::fs::Metadata,
    profile: &TableProfile,
    plan: &TablePlan,
    cleaned: Cleaned,
    duplicates: Duplicates,
    mut not_available: Vec<String>,
    paths: &OutPaths,
) -> CliResult<Report> {
    let rows = cleaned.rows;
    if rows != profile.rows {
        not_available.push(format!(
            "the profile read {} rows and the cleaning {rows}: the file changed between passes",
            profile.rows
        ));
    }
    let mut columns = Vec::with_capacity(profile.columns.len());
    for ((c, s), v) in profile.columns.iter().zip(&cleaned.counts).zip(&cleaned.values) {
        let p = plan.column(c.index);
        let non_null = c.count.saturating_sub(c.nulls);
        let score = report::column_score(non_null, s.changed, s.invalid, s.ambiguous);
        let findings =
            c.findings.iter().map(serde_json::to_value).collect::<Result<Vec<_>, _>>()?;
        columns.push(ColumnReport {
            index: c.index,
            name: c.name.clone(),
            kind: c.kind.clone(),
            format: c.format.name().to_owned(),
            non_null,
            nulls: c.nulls,
            null_share: if c.count == 0 { 0.0 } else { c.nulls as f64 / c.count as f64 },
            distinct: c.distinct,
            distinct_is_estimate: c.distinct_is_estimate,
            top: c.top.iter().map(|t| (t.value.clone(), t.count)).collect(),
            histogram: v.histogram.as_ref().map(Histogram::bins).unwrap_or_default(),
            normalizer: p.map(|p| p.kind.name().to_owned()),
            normalizer_source: p.map(|p| match p.evidence {
                dq_clean::plan::Evidence::Rules => "rule",
                _ => "profile",
            }),
            changed: s.changed,
            nulls_emptied: s.nulls_emptied,
            invalid: s.invalid,
            ambiguous: s.ambiguous,
            findings,
            flag_examples: s.examples.clone(),
            score: score.unwrap_or(100.0),
            scored: score.is_some(),
            quoted: v.quoted,
        });
    }
    let quoted_columns =
        columns.iter().filter(|c| c.non_null > 0 && c.quoted * 2 > c.non_null).count();
    let ragged: u64 = profile
        .findings
        .iter()
        .filter(|f| f.kind == dq_profile::FindingKind::RaggedRows)
        .map(|f| f.count)
        .sum();
    let structure = report::structure(rows, ragged, columns.len(), quoted_columns);
    let file_score = report::file_score(&columns, rows, duplicates.exact_duplicate_rows, structure);
    let findings = profile
        .findings
        .iter()
        .filter(|f| f.column.is_none())
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Report {
        report_version: report::REPORT_VERSION,
        dq_version: env!("CARGO_PKG_VERSION"),
        lang: match args.lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        },
        input: Input {
            path: args.file.display().to_string(),
            bytes: meta.len(),
            encoding: profile.encoding.clone(),
            bom: profile.bom,
            delimiter: profile.delimiter.clone(),
            quote: profile.quote.clone(),
            has_header: profile.has_header,
            header_row: profile.header_row as u64,
        },
        rows,
        columns,
        findings,
        changes: cleaned.changes,
        flags: cleaned.flags,
        duplicates,
        score: Score {
            file: file_score,
            structure: (structure * 1000.0).round() / 1000.0,
            method: report::SCORE_METHOD,
        },
        table_schema: profile.table_schema.clone(),
        profile: serde_json::to_value(profile)?,
        added_columns: {
            let mut a = cleaned.added;
            if args.add_pivots {
                a.push("cluster_id".into());
            }
            a
        },
        not_available,
        outputs: paths.outputs(args.format),
        plan: plan.clone(),
        reading: cleaned.reading,
    })
}

fn print_summary(r: &Report, dir: &Path) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    writeln!(
        w,
        "dq audit: {} ({}, {:?}, {} rows, {} columns)",
        r.input.path,
        r.input.encoding,
        r.input.delimiter,
        r.rows,
        r.columns.len()
    )?;
    writeln!(w, "  quality score   {:.1} / 100", r.score.file)?;
    writeln!(w, "  cells changed   {}", r.changes.total)?;
    writeln!(w, "  cells flagged   {} (invalid or ambiguous, left unchanged)", r.flags.total)?;
    writeln!(w, "  exact duplicate rows       {}", r.duplicates.exact_duplicate_rows)?;
    if r.duplicates.status == "done" {
        writeln!(
            w,
            "  probable duplicate clusters {} ({} rows)",
            r.duplicates.clusters.len(),
            r.duplicates.rows_in_clusters
        )?;
    }
    let mut worst: Vec<&ColumnReport> =
        r.columns.iter().filter(|c| c.scored && c.score < 90.0).collect();
    worst.sort_by(|a, b| a.score.total_cmp(&b.score));
    for c in worst.iter().take(5) {
        writeln!(
            w,
            "  column {:<24} score {:>5.1}  ({} changed, {} invalid, {} ambiguous)",
            c.name, c.score, c.changed, c.invalid, c.ambiguous
        )?;
    }
    for n in &r.not_available {
        writeln!(w, "  note: {n}")?;
    }
    writeln!(w, "  written to {}", dir.display())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fields: &[&str]) -> csv::StringRecord {
        csv::StringRecord::from(fields.to_vec())
    }

    #[test]
    fn exact_rows_group_equal_records() {
        let mut e = ExactRows::new();
        let rows = [&["a", "1"][..], &["b", "2"], &["a", "1"], &["a", "1", ""], &["b", "2"]];
        for (i, r) in rows.iter().enumerate() {
            e.add(&record(r), i as u64 + 1);
        }
        assert_eq!(e.duplicates, 2);
        let mut groups = e.groups();
        groups.sort();
        // A trailing empty field makes another record.
        assert_eq!(groups, vec![vec![1, 3], vec![2, 5]]);
        assert!(e.complete && e.listed);
    }

    #[test]
    fn histogram_bins_cover_min_to_max() {
        let mut h = Histogram { min: 0.0, max: 100.0, counts: vec![0; BINS] };
        for v in ["0", "4.99", "5", "100", "50", "not a number", "-3"] {
            h.add(v);
        }
        let bins = h.bins();
        assert_eq!(bins.len(), BINS);
        assert_eq!(bins.first().map(|b| (b.0, b.2)), Some((0.0, 3)));
        assert_eq!(bins.get(1).map(|b| b.2), Some(1));
        assert_eq!(bins.get(10).map(|b| b.2), Some(1));
        assert_eq!(bins.last().map(|b| (b.1, b.2)), Some((100.0, 1)));
    }

    #[test]
    fn pivots_from_cleaned_values() {
        let p = Pivots { siret: Some(0), insee: Some(1), commune: Some(2), postal: Some(3) };
        let check = |fields: &[&str], siren: &str, insee: &str| {
            assert_eq!(
                p.values(&record(fields)),
                [siren.to_owned(), insee.to_owned()],
                "{fields:?}"
            );
        };
        check(&["73282932000074", "75056", "Paris", "75001"], "732829320", "75056");
        // No valid code: the commune name, checked against the postal code.
        check(&["1,29E+13", "", "Saint-Étienne", "42000"], "", "42218");
        check(&["", "99999", "Lyon", "42000"], "", "");
        check(&["", "", "", ""], "", "");
    }

    #[test]
    fn default_folder_is_next_to_the_input() {
        assert_eq!(
            default_dir(Path::new("data/etablissements.csv")),
            Path::new("data/etablissements.dq")
        );
        assert_eq!(default_dir(Path::new("liste")), Path::new("liste.dq"));
    }
}
