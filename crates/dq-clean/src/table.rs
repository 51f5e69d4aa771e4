//! Table cleaning: one normalizer per column, streamed over CSV records, every change
//! recorded.
//!
//! A [`TableCleaner`] (built by [`TableCleanerBuilder`]) reads a `csv::Reader`, writes
//! the cleaned table to a `csv::Writer`, and reports to an [`AuditSink`] every change
//! ([`Change`]: row, column, before, after, rule) and every flagged cell ([`Flag`]:
//! invalid or ambiguous, with the reason). Flagged cells are written unchanged; null
//! cells are written empty. The output has exactly the input's rows and fields, and
//! [`restore`] rebuilds the input from the output and the change log.
//!
//! A cleaner executes a [`TablePlan`] ([`TableCleanerBuilder::plan`]): each column's
//! kind, whether valid values are rewritten or only checked, and whether null tokens are
//! nulls, as decided by the planner (`dq_profile::plan`, the one used by `dq clean` and
//! `dq audit`). Callers that run extra per-record work (histograms, added pivot columns)
//! pass a [`RecordObserver`] to [`TableCleaner::clean_observed`].
//!
//! Without a plan, columns without a normalizer get one chosen from their first rows
//! (default 1000, [`TableCleanerBuilder::sample_rows`]) by
//! [`crate::column::ColumnInference`], conservatively: numbers, dates and date-times get
//! their parser with the column's conventions; every other column only gets its spaces
//! trimmed and collapsed. This quick choice is for dq-clean used alone; it knows no
//! codes or identifiers.
//!
//! Memory is bounded by the sample: records are read into one reused `StringRecord`.
//!
//! ```
//! use dq_clean::table::{CsvAuditSink, TableCleaner};
//!
//! let input = "commune;montant;date\n Nancy ;1 234,56;12/03/2021\nMetz;1 500 €;25/03/2021\nToul;1.234;02/03/2021\n";
//! let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(input.as_bytes());
//! let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![]);
//! let mut sink = CsvAuditSink::new(Some(csv::Writer::from_writer(vec![])), Some(csv::Writer::from_writer(vec![])))?;
//! let summary = TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink)?;
//! assert_eq!(summary.rows, 3);
//! // The column settles what one cell cannot: `25/03/2021` makes it day-first, and
//! // `1 234,56` makes `1.234` a thousands grouping.
//! assert_eq!(summary.changes, 7);
//! assert_eq!(summary.flags, 0);
//! let cleaned = String::from_utf8(out.into_inner()?)?;
//! assert_eq!(
//!     cleaned,
//!     "commune;montant;date\nNancy;1234.56;2021-03-12\nMetz;1500;2021-03-25\nToul;1234;2021-03-02\n"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::io;

use crate::column::{ColumnConventions, ColumnInference, ColumnKind};
use crate::date::{DateKind, DateParser};
use crate::null::{Nulls, Sentinels};
use crate::number::NumberParser;
use crate::plan::{NullPolicy, Rewrite, TablePlan};
use crate::rules::Registry;
use crate::whitespace::Whitespace;
use crate::{Error, Normalizer, Verdict};

/// Whether columns without a normalizer get one chosen from their values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AutoChoice {
    /// Choose from the first rows (the default).
    #[default]
    Infer,
    /// Leave such columns as they are.
    Off,
}

/// One changed cell. With the `serde` feature it serializes as an object of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Change<'a> {
    /// The 1-based data row (the header is row 0).
    pub row: u64,
    /// The 1-based physical line of the file where the record starts (a quoted field
    /// may span lines), 0 when the record came without a position.
    pub line: u64,
    /// The 0-based field index.
    pub column: usize,
    /// The column's header.
    pub header: &'a str,
    /// The value read.
    pub before: &'a str,
    /// The value written.
    pub after: &'a str,
    /// What was applied (`number_fr`, `date_dmy`, `null`, …).
    pub rule: &'static str,
}

/// One flagged cell, written unchanged. With the `serde` feature it serializes as an
/// object of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Flag<'a> {
    /// The 1-based data row (the header is row 0).
    pub row: u64,
    /// The 1-based physical line where the record starts, 0 when unknown.
    pub line: u64,
    /// The 0-based field index.
    pub column: usize,
    /// The column's header.
    pub header: &'a str,
    /// The value, as read and written.
    pub value: &'a str,
    /// Invalid or ambiguous.
    pub status: FlagStatus,
    /// Why.
    pub reason: &'a str,
    /// The candidates of an ambiguous value.
    pub candidates: &'a [String],
}

/// Why a cell is flagged: its verdict's status. Serialized (feature `serde`) and shown
/// as `"invalid"` or `"ambiguous"`, the names of `dq normalize --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FlagStatus {
    /// The value is not one of the column's kind ([`Verdict::Invalid`]).
    Invalid,
    /// The value reads in more than one way ([`Verdict::Ambiguous`]), its candidates in
    /// [`Flag::candidates`].
    Ambiguous,
}

impl FlagStatus {
    /// `"invalid"` or `"ambiguous"`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_clean::table::FlagStatus::Ambiguous.as_str(), "ambiguous");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FlagStatus::Invalid => "invalid",
            FlagStatus::Ambiguous => "ambiguous",
        }
    }
}

impl std::fmt::Display for FlagStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a cleaner reports changes and flags (dq audit reuses it).
pub trait AuditSink {
    /// Records one changed cell.
    ///
    /// # Errors
    ///
    /// When the sink cannot record it (an I/O error).
    fn change(&mut self, change: &Change<'_>) -> Result<(), Error>;

    /// Records one flagged cell.
    ///
    /// # Errors
    ///
    /// When the sink cannot record it (an I/O error).
    fn flag(&mut self, flag: &Flag<'_>) -> Result<(), Error>;
}

/// A sink that drops everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Discard;

impl AuditSink for Discard {
    fn change(&mut self, _: &Change<'_>) -> Result<(), Error> {
        Ok(())
    }
    fn flag(&mut self, _: &Flag<'_>) -> Result<(), Error> {
        Ok(())
    }
}

/// A sink made of two closures.
///
/// # Example
///
/// ```
/// use dq_clean::table::{FnSink, TableCleaner};
/// let mut n = 0;
/// let mut sink = FnSink::new(|_c: &dq_clean::table::Change<'_>| { n += 1; Ok(()) }, |_f: &dq_clean::table::Flag<'_>| Ok(()));
/// let mut rdr = csv::Reader::from_reader("x\n 1 234 \n".as_bytes());
/// let mut out = csv::Writer::from_writer(vec![]);
/// TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink)?;
/// drop(sink);
/// assert_eq!(n, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct FnSink<C, F> {
    on_change: C,
    on_flag: F,
}

impl<C, F> FnSink<C, F>
where
    C: FnMut(&Change<'_>) -> Result<(), Error>,
    F: FnMut(&Flag<'_>) -> Result<(), Error>,
{
    /// A sink calling `on_change` and `on_flag`.
    pub fn new(on_change: C, on_flag: F) -> Self {
        FnSink { on_change, on_flag }
    }
}

impl<C, F> AuditSink for FnSink<C, F>
where
    C: FnMut(&Change<'_>) -> Result<(), Error>,
    F: FnMut(&Flag<'_>) -> Result<(), Error>,
{
    fn change(&mut self, change: &Change<'_>) -> Result<(), Error> {
        (self.on_change)(change)
    }
    fn flag(&mut self, flag: &Flag<'_>) -> Result<(), Error> {
        (self.on_flag)(flag)
    }
}

/// The header of the change log CSV; `line` (last, so that the older columns keep
/// their places) is the physical line where the record starts, empty when unknown.
pub const CHANGES_HEADER: [&str; 7] =
    ["row", "column_index", "column", "before", "after", "rule", "line"];
/// The header of the flagged cells CSV (`line` as in [`CHANGES_HEADER`]).
pub const FLAGS_HEADER: [&str; 8] =
    ["row", "column_index", "column", "value", "status", "reason", "candidates", "line"];

/// `row`, `column` and `line` (empty when unknown, 0) as text, written into `buf`: the
/// logs' numbers without an allocation per cell.
fn numbers(buf: &mut String, row: u64, column: usize, line: u64) -> [&str; 3] {
    use std::fmt::Write;
    buf.clear();
    let _ = write!(buf, "{row}");
    let r = buf.len();
    let _ = write!(buf, "{column}");
    let c = buf.len();
    if line != 0 {
        let _ = write!(buf, "{line}");
    }
    let part = |from: usize, to: usize| buf.get(from..to).unwrap_or("");
    [part(0, r), part(r, c), part(c, buf.len())]
}

/// A sink writing the change log and the flagged cells as two CSV tables
/// ([`CHANGES_HEADER`], [`FLAGS_HEADER`]; candidates joined by ` | `).
#[derive(Debug)]
pub struct CsvAuditSink<W1: io::Write, W2: io::Write> {
    changes: Option<csv::Writer<W1>>,
    flags: Option<csv::Writer<W2>>,
    buf: String,
    nums: String,
}

impl<W1: io::Write, W2: io::Write> CsvAuditSink<W1, W2> {
    /// A sink writing to either, both or neither writer; writes the headers now.
    ///
    /// # Errors
    ///
    /// When writing a header fails.
    pub fn new(
        mut changes: Option<csv::Writer<W1>>,
        mut flags: Option<csv::Writer<W2>>,
    ) -> Result<Self, Error> {
        if let Some(w) = changes.as_mut() {
            w.write_record(CHANGES_HEADER)?;
        }
        if let Some(w) = flags.as_mut() {
            w.write_record(FLAGS_HEADER)?;
        }
        Ok(CsvAuditSink { changes, flags, buf: String::new(), nums: String::new() })
    }

    /// Flushes and returns the writers.
    ///
    /// # Errors
    ///
    /// When flushing fails.
    pub fn into_inner(self) -> Result<(Option<W1>, Option<W2>), Error> {
        let c = match self.changes {
            Some(w) => Some(w.into_inner().map_err(|e| Error::from(e.into_error()))?),
            None => None,
        };
        let f = match self.flags {
            Some(w) => Some(w.into_inner().map_err(|e| Error::from(e.into_error()))?),
            None => None,
        };
        Ok((c, f))
    }
}

impl<W1: io::Write, W2: io::Write> AuditSink for CsvAuditSink<W1, W2> {
    fn change(&mut self, c: &Change<'_>) -> Result<(), Error> {
        if let Some(w) = self.changes.as_mut() {
            let [row, col, line] = numbers(&mut self.nums, c.row, c.column, c.line);
            w.write_record([row, col, c.header, c.before, c.after, c.rule, line])?;
        }
        Ok(())
    }
    fn flag(&mut self, f: &Flag<'_>) -> Result<(), Error> {
        if let Some(w) = self.flags.as_mut() {
            let [row, col, line] = numbers(&mut self.nums, f.row, f.column, f.line);
            self.buf.clear();
            for (i, c) in f.candidates.iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(" | ");
                }
                self.buf.push_str(c);
            }
            w.write_record([
                row,
                col,
                f.header,
                f.value,
                f.status.as_str(),
                f.reason,
                self.buf.as_str(),
                line,
            ])?;
        }
        Ok(())
    }
}

/// Which normalizer a column got, and why (a summary of the run, not the plan: see
/// [`crate::plan::ColumnPlan`] for that).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct ColumnChoice {
    /// The column's header.
    pub header: String,
    /// The normalizer's kind name, or `None` when the column is left as is.
    pub normalizer: Option<&'static str>,
    /// `"rule"` (given by the builder or a rules file), `"plan"` or `"auto"`.
    pub source: &'static str,
    /// The conventions inferred from the sample, for automatic choices.
    pub conventions: Option<ColumnConventions>,
}

/// What a cleaning run did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CleanSummary {
    /// Data rows read and written.
    pub rows: u64,
    /// Cells changed.
    pub changes: u64,
    /// Cells flagged.
    pub flags: u64,
    /// What each column got.
    pub columns: Vec<ColumnChoice>,
}

/// The former name of [`ColumnChoice`].
#[deprecated(
    since = "0.2.0",
    note = "renamed `ColumnChoice`; `dq_clean::plan::ColumnPlan` is the plan"
)]
pub type ColumnPlan = ColumnChoice;

/// Sees every record of a cleaning run, after its cells are cleaned and before it is
/// written: `dq audit` counts histograms and exact duplicates and adds pivot columns
/// with one.
pub trait RecordObserver {
    /// Called once with the input header; may push the names of added columns to `out`
    /// (which already holds the input header).
    fn header(&mut self, header: &csv::StringRecord, out: &mut csv::StringRecord) {
        let _ = (header, out);
    }

    /// Called for each record; `output` holds the cleaned fields and may get added ones.
    ///
    /// # Errors
    ///
    /// An error stops the run and is returned by [`TableCleaner::clean_observed`].
    fn record(
        &mut self,
        row: u64,
        input: &csv::StringRecord,
        output: &mut csv::StringRecord,
    ) -> Result<(), Error> {
        let _ = (row, input, output);
        Ok(())
    }
}

/// An observer that does nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoObserver;

impl RecordObserver for NoObserver {}

/// One planned column, ready to run.
struct Step {
    normalizer: Box<dyn Normalizer>,
    rewrite: Rewrite,
    nulls: NullPolicy,
}

/// Configures a [`TableCleaner`].
///
/// # Example
///
/// ```
/// use dq_clean::number::NumberParser;
/// use dq_clean::table::{AutoChoice, TableCleaner};
/// let cleaner = TableCleaner::builder()
///     .column("montant", Box::new(NumberParser::default()))
///     .auto(AutoChoice::Off)
///     .build();
/// ```
#[derive(Default)]
pub struct TableCleanerBuilder {
    by_name: Vec<(String, Box<dyn Normalizer>)>,
    by_index: Vec<(usize, Box<dyn Normalizer>)>,
    sample_rows: Option<usize>,
    auto: AutoChoice,
    plan: Vec<Option<Step>>,
    headers: Option<csv::StringRecord>,
}

impl std::fmt::Debug for TableCleanerBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableCleanerBuilder")
            .field("by_name", &self.by_name.iter().map(|(k, n)| (k, n.name())).collect::<Vec<_>>())
            .field(
                "by_index",
                &self.by_index.iter().map(|(k, n)| (k, n.name())).collect::<Vec<_>>(),
            )
            .field("sample_rows", &self.sample_rows)
            .field("auto", &self.auto)
            .field("planned", &self.plan.iter().filter(|p| p.is_some()).count())
            .finish()
    }
}

impl TableCleanerBuilder {
    /// Executes `plan`: each planned column gets the normalizer `registry` builds for its
    /// kind, with the plan's rewriting and null policy; columns the plan does not name
    /// are left as they are (no automatic choice). A normalizer set by
    /// [`TableCleanerBuilder::column`] still wins over the plan.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when `registry` cannot build a planned kind.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::{ColumnPlan, Kind, NullPolicy, TablePlan};
    /// use dq_clean::rules::normalizer_for;
    /// use dq_clean::table::{Discard, TableCleaner};
    ///
    /// let mut groupe = ColumnPlan::new(1, "groupe", Kind::Whitespace);
    /// groupe.nulls = NullPolicy::Data;
    /// let plan = TablePlan::new(vec![ColumnPlan::new(0, "code", Kind::Code), groupe]);
    /// let cleaner = TableCleaner::builder().plan(&plan, &normalizer_for)?.build();
    /// let mut rdr = csv::Reader::from_reader("code,groupe\n 00016 ,NC\n".as_bytes());
    /// let mut out = csv::Writer::from_writer(vec![]);
    /// cleaner.clean(&mut rdr, &mut out, &mut Discard)?;
    /// assert_eq!(String::from_utf8(out.into_inner()?)?, "code,groupe\n00016,NC\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan(&mut self, plan: &TablePlan, registry: &Registry) -> Result<&mut Self, Error> {
        self.plan.clear();
        self.auto = AutoChoice::Off;
        for c in &plan.columns {
            let normalizer = registry(c.kind, &c.options).ok_or_else(|| {
                Error::rules(format!(
                    "column {:?}: kind {:?} is not available here",
                    c.header,
                    c.kind.name()
                ))
            })?;
            if self.plan.len() <= c.index {
                self.plan.resize_with(c.index + 1, || None);
            }
            if let Some(slot) = self.plan.get_mut(c.index) {
                *slot = Some(Step { normalizer, rewrite: c.rewrite.clone(), nulls: c.nulls });
            }
        }
        Ok(self)
    }

    /// Gives the column with header `name` a normalizer (replacing an earlier one).
    /// Default: none (automatic choice).
    pub fn column(&mut self, name: &str, normalizer: Box<dyn Normalizer>) -> &mut Self {
        self.by_name.retain(|(k, _)| k != name);
        self.by_name.push((name.to_owned(), normalizer));
        self
    }

    /// Gives the column at 0-based `index` a normalizer; a name rule wins over it.
    /// Default: none (automatic choice).
    pub fn column_index(&mut self, index: usize, normalizer: Box<dyn Normalizer>) -> &mut Self {
        self.by_index.retain(|(k, _)| *k != index);
        self.by_index.push((index, normalizer));
        self
    }

    /// Names the columns of an input without a header row: the reader (built with
    /// `has_headers(false)`) yields its first line as data, and these names are written
    /// as the output's header. Default: the reader's header row.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::table::{Discard, TableCleaner};
    /// let cleaner = TableCleaner::builder().headers(["column_1"]).build();
    /// let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(" 75056 \n".as_bytes());
    /// let mut out = csv::Writer::from_writer(vec![]);
    /// cleaner.clean(&mut rdr, &mut out, &mut Discard)?;
    /// assert_eq!(String::from_utf8(out.into_inner()?)?, "column_1\n75056\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn headers<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, names: I) -> &mut Self {
        self.headers = Some(names.into_iter().collect::<csv::StringRecord>());
        self
    }

    /// How many rows are sampled for the automatic choice. Default: 1000.
    pub fn sample_rows(&mut self, n: usize) -> &mut Self {
        self.sample_rows = Some(n);
        self
    }

    /// Whether columns without a normalizer get one chosen. Default: [`AutoChoice::Infer`].
    pub fn auto(&mut self, auto: AutoChoice) -> &mut Self {
        self.auto = auto;
        self
    }

    /// Builds the cleaner.
    pub fn build(&mut self) -> TableCleaner {
        TableCleaner {
            by_name: std::mem::take(&mut self.by_name),
            by_index: std::mem::take(&mut self.by_index),
            sample_rows: self.sample_rows.unwrap_or(1000),
            auto: self.auto,
            plan: std::mem::take(&mut self.plan),
            nulls: null_tokens(),
            headers: self.headers.take(),
        }
    }
}

/// The null tokens of planned columns whose policy is [`NullPolicy::Tokens`]: the
/// default tokens, without the numeric sentinels (`9999`, `-1` are values there).
fn null_tokens() -> Nulls {
    let mut b = Nulls::builder();
    b.sentinels(Sentinels::Ignore);
    b.build()
}

/// Cleans a CSV table column by column. Built by [`TableCleanerBuilder`].
pub struct TableCleaner {
    by_name: Vec<(String, Box<dyn Normalizer>)>,
    by_index: Vec<(usize, Box<dyn Normalizer>)>,
    sample_rows: usize,
    auto: AutoChoice,
    plan: Vec<Option<Step>>,
    nulls: Nulls,
    headers: Option<csv::StringRecord>,
}

impl std::fmt::Debug for TableCleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableCleaner")
            .field("columns", &self.by_name.iter().map(|(k, n)| (k, n.name())).collect::<Vec<_>>())
            .field("sample_rows", &self.sample_rows)
            .field("auto", &self.auto)
            .finish()
    }
}

/// The normalizer chosen for a column kind, conservatively.
fn auto_normalizer(c: &ColumnConventions) -> Box<dyn Normalizer> {
    match c.kind {
        ColumnKind::Number => Box::new(NumberParser::new(c.number_convention())),
        ColumnKind::Date => Box::new(DateParser::new(DateKind::Date, c.date_convention())),
        ColumnKind::DateTime => Box::new(DateParser::new(DateKind::DateTime, c.date_convention())),
        _ => Box::new(Whitespace),
    }
}

impl TableCleaner {
    /// A builder with the defaults.
    pub fn builder() -> TableCleanerBuilder {
        TableCleanerBuilder::default()
    }

    /// Cleans every record of `rdr` into `wtr`, reporting to `sink`.
    ///
    /// `rdr` must read a header row (csv's default); it is written unchanged. Build
    /// `rdr` and `wtr` with `flexible(true)` to accept rows of uneven length.
    ///
    /// # Errors
    ///
    /// When reading or writing CSV fails, or the sink fails.
    pub fn clean<R: io::Read, W: io::Write>(
        &self,
        rdr: &mut csv::Reader<R>,
        wtr: &mut csv::Writer<W>,
        sink: &mut dyn AuditSink,
    ) -> Result<CleanSummary, Error> {
        self.clean_observed(rdr, wtr, sink, &mut NoObserver)
    }

    /// Like [`TableCleaner::clean`], with `observer` called on the header and on every
    /// record before it is written.
    ///
    /// # Errors
    ///
    /// As [`TableCleaner::clean`], and what `observer` returns.
    pub fn clean_observed<R: io::Read, W: io::Write>(
        &self,
        rdr: &mut csv::Reader<R>,
        wtr: &mut csv::Writer<W>,
        sink: &mut dyn AuditSink,
        observer: &mut dyn RecordObserver,
    ) -> Result<CleanSummary, Error> {
        let headers = match &self.headers {
            Some(h) => h.clone(),
            None => rdr.headers()?.clone(),
        };
        let mut head_out = headers.clone();
        observer.header(&headers, &mut head_out);
        wtr.write_record(&head_out)?;
        let ncols = headers.len();
        let explicit = self.explicit(&headers);
        // Sample the first rows.
        let mut sample: Vec<csv::StringRecord> = Vec::new();
        let mut record = csv::StringRecord::new();
        let needs_auto = self.auto == AutoChoice::Infer && explicit.iter().any(Option::is_none);
        let mut exhausted = false;
        if needs_auto {
            while sample.len() < self.sample_rows {
                if !rdr.read_record(&mut record)? {
                    exhausted = true;
                    break;
                }
                sample.push(record.clone());
            }
        }
        let mut conventions: Vec<Option<ColumnConventions>> = vec![None; ncols];
        let mut autos: Vec<Option<Box<dyn Normalizer>>> = Vec::with_capacity(ncols);
        for (i, e) in explicit.iter().enumerate() {
            if e.is_some() || !needs_auto {
                autos.push(None);
                continue;
            }
            let c = ColumnInference::from_values(sample.iter().map(|r| r.get(i).unwrap_or("")));
            autos.push(Some(auto_normalizer(&c)));
            if let Some(slot) = conventions.get_mut(i) {
                *slot = Some(c);
            }
        }
        let plan = self.planned(&explicit, &autos);
        let mut summary = summary_of(&headers, &plan, &explicit, &mut conventions);
        let mut out = csv::StringRecord::new();
        let mut run = |rec: &csv::StringRecord, summary: &mut CleanSummary| -> Result<(), Error> {
            summary.rows += 1;
            clean_record(rec, &mut out, &plan, &headers, summary, sink)?;
            observer.record(summary.rows, rec, &mut out)?;
            wtr.write_record(&out)?;
            Ok(())
        };
        for rec in &sample {
            run(rec, &mut summary)?;
        }
        drop(sample);
        if !exhausted {
            while rdr.read_record(&mut record)? {
                run(&record, &mut summary)?;
            }
        }
        wtr.flush()?;
        Ok(summary)
    }
}

impl TableCleaner {
    /// The explicit normalizer of each column, by name then by index.
    fn explicit(&self, headers: &csv::StringRecord) -> Vec<Option<&dyn Normalizer>> {
        (0..headers.len())
            .map(|i| {
                let name = headers.get(i).unwrap_or("");
                self.by_name.iter().find(|(k, _)| k == name).map(|(_, n)| n.as_ref()).or_else(
                    || self.by_index.iter().find(|(k, _)| *k == i).map(|(_, n)| n.as_ref()),
                )
            })
            .collect()
    }

    /// What runs on each column: the explicit normalizer, else the planned step, else the
    /// normalizer chosen from the sample, else nothing.
    fn planned<'a>(
        &'a self,
        explicit: &[Option<&'a dyn Normalizer>],
        autos: &'a [Option<Box<dyn Normalizer>>],
    ) -> Vec<Planned<'a>> {
        explicit
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let auto = autos.get(i).and_then(Option::as_ref);
                match (e, self.plan.get(i).and_then(Option::as_ref), auto) {
                    (Some(n), _, _) => Planned::Canonical(*n),
                    (None, Some(step), _) => Planned::Step(step, &self.nulls),
                    (None, None, Some(n)) => Planned::Canonical(n.as_ref()),
                    (None, None, None) => Planned::Untouched,
                }
            })
            .collect()
    }

    /// Starts a push-style run, for callers that read the records themselves (from any
    /// source, in any order they like, one at a time), on the model of
    /// `dq_encoding::Transcoder::feed`: [`RecordCleaner::push`] cleans one record and
    /// returns it, [`RecordCleaner::finish`] gives the summary.
    ///
    /// The columns are those of `headers` (or of [`TableCleanerBuilder::headers`] when
    /// set). A push-style run reads no sample, so it chooses nothing from the values: a
    /// column without an explicit normalizer or a planned step is copied as it is. Give it
    /// a plan ([`TableCleanerBuilder::plan`]) to clean as `dq clean` does.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::{ColumnPlan, Kind, NullPolicy, TablePlan};
    /// use dq_clean::rules::normalizer_for;
    /// use dq_clean::table::{Discard, TableCleaner};
    ///
    /// let plan = TablePlan::new(vec![ColumnPlan::new(0, "code", Kind::Code), ColumnPlan::new(1, "montant", Kind::Number)]);
    /// let cleaner = TableCleaner::builder().plan(&plan, &normalizer_for)?.build();
    /// let mut run = cleaner.start(&csv::StringRecord::from(vec!["code", "montant"]));
    /// let out = run.push(&csv::StringRecord::from(vec![" 00016 ", "1 234,56"]), &mut Discard)?;
    /// assert_eq!(out, &csv::StringRecord::from(vec!["00016", "1234.56"]));
    /// let summary = run.finish();
    /// assert_eq!((summary.rows, summary.changes), (1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self, headers: &csv::StringRecord) -> RecordCleaner<'_> {
        let headers = self.headers.clone().unwrap_or_else(|| headers.clone());
        let explicit = self.explicit(&headers);
        let plan = self.planned(&explicit, &[]);
        let mut conventions = vec![None; headers.len()];
        let summary = summary_of(&headers, &plan, &explicit, &mut conventions);
        RecordCleaner { plan, headers, summary, out: csv::StringRecord::new() }
    }
}

/// The summary of a run before its first record: each column's choice.
fn summary_of(
    headers: &csv::StringRecord,
    plan: &[Planned<'_>],
    explicit: &[Option<&dyn Normalizer>],
    conventions: &mut [Option<ColumnConventions>],
) -> CleanSummary {
    CleanSummary {
        rows: 0,
        changes: 0,
        flags: 0,
        columns: (0..headers.len())
            .map(|i| ColumnChoice {
                header: headers.get(i).unwrap_or("").to_owned(),
                normalizer: plan.get(i).and_then(Planned::name),
                source: match plan.get(i) {
                    _ if explicit.get(i).copied().flatten().is_some() => "rule",
                    Some(Planned::Step(..)) => "plan",
                    _ => "auto",
                },
                conventions: conventions.get_mut(i).and_then(Option::take),
            })
            .collect(),
    }
}

/// A push-style cleaning run ([`TableCleaner::start`]): one record in, its cleaned
/// form out, every change and flag reported to the sink given with the record.
pub struct RecordCleaner<'a> {
    plan: Vec<Planned<'a>>,
    headers: csv::StringRecord,
    summary: CleanSummary,
    out: csv::StringRecord,
}

impl std::fmt::Debug for RecordCleaner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordCleaner")
            .field("headers", &self.headers)
            .field("rows", &self.summary.rows)
            .finish_non_exhaustive()
    }
}

impl RecordCleaner<'_> {
    /// Cleans the next record (row numbers count from 1 in the order of the pushes),
    /// reporting its changes and flags to `sink`, and returns the cleaned record, which
    /// has exactly the input's fields.
    ///
    /// # Errors
    ///
    /// When the sink fails.
    pub fn push(
        &mut self,
        record: &csv::StringRecord,
        sink: &mut dyn AuditSink,
    ) -> Result<&csv::StringRecord, Error> {
        self.summary.rows += 1;
        clean_record(record, &mut self.out, &self.plan, &self.headers, &mut self.summary, sink)?;
        Ok(&self.out)
    }

    /// What the run has done so far.
    pub fn summary(&self) -> &CleanSummary {
        &self.summary
    }

    /// Ends the run: rows, changes, flags, and each column's choice.
    pub fn finish(self) -> CleanSummary {
        self.summary
    }
}

/// What runs on one column.
enum Planned<'a> {
    /// Nothing: the column is copied.
    Untouched,
    /// A normalizer whose valid values are written in canonical form.
    Canonical(&'a dyn Normalizer),
    /// A planned column, with its rewriting and null policy.
    Step(&'a Step, &'a Nulls),
}

impl Planned<'_> {
    fn name(&self) -> Option<&'static str> {
        match self {
            Planned::Untouched => None,
            Planned::Canonical(n) => Some(n.name()),
            Planned::Step(s, _) => Some(s.normalizer.name()),
        }
    }
}

fn clean_record(
    rec: &csv::StringRecord,
    out: &mut csv::StringRecord,
    plan: &[Planned<'_>],
    headers: &csv::StringRecord,
    summary: &mut CleanSummary,
    sink: &mut dyn AuditSink,
) -> Result<(), Error> {
    out.clear();
    let row = summary.rows;
    let line = rec.position().map_or(0, csv::Position::line);
    for (i, field) in rec.iter().enumerate() {
        let header = headers.get(i).unwrap_or("");
        let cell = Cell { row, line, column: i, header, value: field };
        let outcome = match plan.get(i) {
            None | Some(Planned::Untouched) => {
                out.push_field(field);
                continue;
            }
            Some(Planned::Canonical(n)) => apply_cell(&cell, *n, out, sink)?,
            Some(Planned::Step(step, nulls)) => apply_step(&cell, step, nulls, out, sink)?,
        };
        match outcome {
            CellOutcome::Changed => summary.changes += 1,
            CellOutcome::Flagged => summary.flags += 1,
            CellOutcome::Kept => {}
        }
    }
    Ok(())
}

/// One cell of a table, where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The 1-based data row (the header is row 0).
    pub row: u64,
    /// The 1-based physical line where the record starts, 0 when unknown.
    pub line: u64,
    /// The 0-based field index.
    pub column: usize,
    /// The column's header.
    pub header: &'a str,
    /// The value read.
    pub value: &'a str,
}

/// What [`apply_cell`] did with a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellOutcome {
    /// Written as it was.
    Kept,
    /// Written in its canonical form (or empty, for a null), and logged as a [`Change`].
    Changed,
    /// Written unchanged, and reported as a [`Flag`] (invalid or ambiguous).
    Flagged,
}

/// Applies `normalizer` to one cell the way [`TableCleaner`] does: pushes the output
/// field to `out` (the canonical value, empty for a null, the input for an invalid or
/// ambiguous value) and reports the change or the flag to `sink`. For callers that run
/// their own record loop, such as `dq audit`.
///
/// # Errors
///
/// What `sink` returns.
///
/// # Example
///
/// ```
/// use dq_clean::table::{apply_cell, Cell, CellOutcome, Discard};
/// let mut out = csv::StringRecord::new();
/// let cell = Cell { row: 1, line: 2, column: 0, header: "montant", value: "1 234,56" };
/// let n = dq_clean::number::NumberParser::default();
/// assert_eq!(apply_cell(&cell, &n, &mut out, &mut Discard)?, CellOutcome::Changed);
/// assert_eq!(&out[0], "1234.56");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply_cell(
    cell: &Cell<'_>,
    normalizer: &dyn Normalizer,
    out: &mut csv::StringRecord,
    sink: &mut dyn AuditSink,
) -> Result<CellOutcome, Error> {
    apply_verdict(cell, normalizer.normalize(cell.value), out, sink)
}

/// Writes one cell's verdict and reports it, as [`apply_cell`] describes.
fn apply_verdict(
    cell: &Cell<'_>,
    verdict: Verdict<'_>,
    out: &mut csv::StringRecord,
    sink: &mut dyn AuditSink,
) -> Result<CellOutcome, Error> {
    let &Cell { row, line, column, header, value: field } = cell;
    match verdict {
        Verdict::Valid { value, rule } => {
            out.push_field(&value);
            if value == field {
                return Ok(CellOutcome::Kept);
            }
            sink.change(&Change { row, line, column, header, before: field, after: &value, rule })?;
            Ok(CellOutcome::Changed)
        }
        Verdict::Null => {
            out.push_field("");
            if field.is_empty() {
                return Ok(CellOutcome::Kept);
            }
            let null = Change { row, line, column, header, before: field, after: "", rule: "null" };
            sink.change(&null)?;
            Ok(CellOutcome::Changed)
        }
        v @ (Verdict::Invalid { .. } | Verdict::Ambiguous { .. }) => {
            out.push_field(field);
            let (reason, candidates, status): (&str, &[String], _) = match &v {
                Verdict::Ambiguous { reason, candidates } => {
                    (reason, candidates, FlagStatus::Ambiguous)
                }
                Verdict::Invalid { reason } => (reason, &[], FlagStatus::Invalid),
                _ => ("", &[], FlagStatus::Invalid),
            };
            sink.flag(&Flag {
                row,
                line,
                column,
                header,
                value: field,
                status,
                reason,
                candidates,
            })?;
            Ok(CellOutcome::Flagged)
        }
    }
}

/// Applies a planned column's step to one cell: null tokens first (where the column's
/// policy says they are nulls), then the normalizer; a valid value is kept as read when
/// the column only checks its values, and a null verdict is kept as data where null
/// tokens are data.
fn apply_step(
    cell: &Cell<'_>,
    step: &Step,
    nulls: &Nulls,
    out: &mut csv::StringRecord,
    sink: &mut dyn AuditSink,
) -> Result<CellOutcome, Error> {
    let field = cell.value;
    if field.is_empty() {
        out.push_field(field);
        return Ok(CellOutcome::Kept);
    }
    let verdict = match step.nulls {
        NullPolicy::Tokens if nulls.is_null(field) => Verdict::Null,
        _ => step.normalizer.normalize(field),
    };
    let keep = matches!(
        (&verdict, &step.rewrite, step.nulls),
        (Verdict::Null, _, NullPolicy::Data) | (Verdict::Valid { .. }, Rewrite::Check, _)
    );
    if keep {
        out.push_field(field);
        return Ok(CellOutcome::Kept);
    }
    apply_verdict(cell, verdict, out, sink)
}

/// Rebuilds the original table from the cleaned one and its change log (as written by
/// [`CsvAuditSink`]); returns the number of data rows.
///
/// With csv's default writer settings on both sides, an input written the same way is
/// rebuilt byte for byte.
///
/// # Errors
///
/// [`crate::ErrorKind::ChangeLog`] when the change log does not match the cleaned table
/// (unknown row or column, `after` differing from the cleaned cell, rows out of order);
/// CSV and I/O errors.
///
/// # Example
///
/// ```
/// use dq_clean::table::restore;
/// let cleaned = "montant\n1234.56\n";
/// let changes = "row,column_index,column,before,after,rule\n1,0,montant,\"1 234,56\",1234.56,number_fr\n";
/// let mut out = csv::Writer::from_writer(vec![]);
/// restore(
///     &mut csv::Reader::from_reader(cleaned.as_bytes()),
///     &mut csv::Reader::from_reader(changes.as_bytes()),
///     &mut out,
/// )?;
/// assert_eq!(String::from_utf8(out.into_inner()?)?, "montant\n\"1 234,56\"\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn restore<R1: io::Read, R2: io::Read, W: io::Write>(
    cleaned: &mut csv::Reader<R1>,
    changes: &mut csv::Reader<R2>,
    out: &mut csv::Writer<W>,
) -> Result<u64, Error> {
    let headers = cleaned.headers()?.clone();
    out.write_record(&headers)?;
    let mut change = csv::StringRecord::new();
    let mut pending = read_change(changes, &mut change)?;
    let mut record = csv::StringRecord::new();
    let mut fields: Vec<Cow<'_, str>> = Vec::new();
    let mut row = 0u64;
    while cleaned.read_record(&mut record)? {
        row += 1;
        fields.clear();
        fields.extend(record.iter().map(|f| Cow::Owned(f.to_owned())));
        while let Some((r, col)) = pending {
            if r < row {
                return Err(Error::change_log("change log rows out of order", r));
            }
            if r > row {
                break;
            }
            let after = change.get(4).unwrap_or("");
            let before = change.get(3).unwrap_or("");
            match fields.get_mut(col) {
                Some(f) if f.as_ref() == after => *f = Cow::Owned(before.to_owned()),
                Some(f) => {
                    return Err(Error::change_log(
                        format!("column {col}: cleaned value {f:?} is not the logged {after:?}"),
                        r,
                    ))
                }
                None => return Err(Error::change_log(format!("no column {col}"), r)),
            }
            pending = read_change(changes, &mut change)?;
        }
        out.write_record(fields.iter().map(|f| f.as_bytes()))?;
    }
    if let Some((r, _)) = pending {
        return Err(Error::change_log("change for a row past the end of the table", r));
    }
    out.flush()?;
    Ok(row)
}

fn read_change<R: io::Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut csv::StringRecord,
) -> Result<Option<(u64, usize)>, Error> {
    if !rdr.read_record(rec)? {
        return Ok(None);
    }
    let row = rec.get(0).and_then(|s| s.parse::<u64>().ok());
    let col = rec.get(1).and_then(|s| s.parse::<usize>().ok());
    match (row, col) {
        (Some(r), Some(c)) => Ok(Some((r, c))),
        _ => Err(Error::change_log(format!("malformed change log record {rec:?}"), 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_numbers_share_one_buffer() {
        let mut buf = String::from("left over");
        assert_eq!(numbers(&mut buf, 12, 3, 0), ["12", "3", ""]);
        assert_eq!(numbers(&mut buf, 7, 10, 1_234), ["7", "10", "1234"]);
    }

    fn check(input: &str, expected: &str) {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input.as_bytes());
        let mut out = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
        let mut sink = CsvAuditSink::new(
            Some(csv::Writer::from_writer(vec![])),
            Some(csv::Writer::from_writer(vec![])),
        )
        .unwrap();
        TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink).unwrap();
        let cleaned = out.into_inner().unwrap();
        assert_eq!(String::from_utf8(cleaned.clone()).unwrap(), expected);
        let (changes, _) = sink.into_inner().unwrap();
        let mut back = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
        restore(
            &mut csv::ReaderBuilder::new().flexible(true).from_reader(cleaned.as_slice()),
            &mut csv::Reader::from_reader(changes.unwrap().as_slice()),
            &mut back,
        )
        .unwrap();
        assert_eq!(String::from_utf8(back.into_inner().unwrap()).unwrap(), input);
    }

    #[test]
    fn tables() {
        check("a,b\n\" 1 234,5\",x\n", "a,b\n1234.5,x\n");
        check("nom,date\n Nancy ,12/03/2021\nMetz,NC\n", "nom,date\nNancy,2021-03-12\nMetz,\n");
        check("nom\nNancy\n", "nom\nNancy\n");
        check("a,b\n1,2,3\n4\n", "a,b\n1,2,3\n4\n");
        check("a\n", "a\n");
    }

    #[test]
    fn small_table_flags_impossible_date() {
        let input = "nom,date\nNancy,12/03/2021\nMetz,31/02/2021\nToul,25/03/2021\n";
        let mut rdr = csv::Reader::from_reader(input.as_bytes());
        let mut out = csv::Writer::from_writer(vec![]);
        let mut flags = Vec::new();
        let mut sink = FnSink::new(
            |_: &Change<'_>| Ok(()),
            |f: &Flag<'_>| {
                flags.push((f.row, f.column, f.value.to_owned(), f.status.as_str()));
                Ok(())
            },
        );
        let summary = TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink).unwrap();
        assert_eq!(summary.columns.get(1).and_then(|c| c.normalizer), Some("date"));
        assert_eq!(
            String::from_utf8(out.into_inner().unwrap()).unwrap(),
            "nom,date\nNancy,2021-03-12\nMetz,31/02/2021\nToul,2021-03-25\n"
        );
        assert_eq!(flags, vec![(2, 1, "31/02/2021".to_owned(), "invalid")]);
    }
}
