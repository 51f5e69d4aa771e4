//! The audit report's data model: what `report.json` holds and `report.html` shows.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// Version of the report format; bumped when a field changes meaning.
pub const REPORT_VERSION: &str = "1";

/// The whole audit report (`report.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of the report format.
    pub report_version: &'static str,
    /// Version of dq that wrote the report.
    pub dq_version: &'static str,
    /// Language of the labels in `report.html` (`fr` or `en`).
    pub lang: &'static str,
    /// The input file and how it was read.
    pub input: Input,
    /// Number of data rows (header and preamble lines excluded).
    pub rows: u64,
    /// One entry per column.
    pub columns: Vec<ColumnReport>,
    /// File-level findings from the profile.
    pub findings: Vec<Value>,
    /// Counts of changed cells.
    pub changes: Tally,
    /// Counts of flagged cells (invalid or ambiguous, left unchanged).
    pub flags: Tally,
    /// Duplicate rows and probable duplicates.
    pub duplicates: Duplicates,
    /// The quality score of the file and how it is computed.
    pub score: Score,
    /// The Table Schema inferred from the profile.
    pub table_schema: Value,
    /// The full profile, as `dq profile --json` prints it.
    pub profile: Value,
    /// Columns added to `clean.csv` after the input's (`--add-pivots`).
    pub added_columns: Vec<String>,
    /// Parts of the job that did not run, and why.
    pub not_available: Vec<String>,
    /// The files written next to this report.
    pub outputs: BTreeMap<&'static str, String>,
    /// The column plan the cleaning executed.
    pub plan: dq_clean::plan::TablePlan,
    /// What reading the file noticed: dialect checks and stray carriage returns.
    pub reading: Reading,
}

/// The input file and how it was read.
#[derive(Debug, Clone, Serialize)]
pub struct Input {
    /// Path as given on the command line.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Detected encoding (encoding_rs name, or `IBM850`).
    pub encoding: String,
    /// Whether a byte-order mark was present.
    pub bom: bool,
    /// Field delimiter.
    pub delimiter: String,
    /// Quote character, if any.
    pub quote: Option<String>,
    /// Whether the first non-preamble line is a header.
    pub has_header: bool,
    /// 0-based line index of the header (number of preamble lines above it).
    pub header_row: u64,
}

/// What the audit found and did in one column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnReport {
    /// 0-based column index.
    pub index: usize,
    /// Header name (or `column_N` without header).
    pub name: String,
    /// Table Schema type.
    #[serde(rename = "type")]
    pub kind: String,
    /// French semantic format (csv-detective names).
    pub format: String,
    /// Non-null cells.
    pub non_null: u64,
    /// Null cells.
    pub nulls: u64,
    /// Share of null cells among the column's cells, in `[0, 1]`.
    pub null_share: f64,
    /// Distinct values (estimate when `distinct_is_estimate`).
    pub distinct: u64,
    /// Whether `distinct` is an estimate.
    pub distinct_is_estimate: bool,
    /// Most frequent values with their counts.
    pub top: Vec<(String, u64)>,
    /// Histogram of numeric values: `(lower bound, upper bound, count)`.
    pub histogram: Vec<(f64, f64, u64)>,
    /// The normalizer applied by the cleaning step, if any.
    pub normalizer: Option<String>,
    /// Where the normalizer was chosen: `"profile"` or `"rule"` (a rules file).
    pub normalizer_source: Option<&'static str>,
    /// Non-null cells changed by cleaning.
    pub changed: u64,
    /// Null tokens (`NC`, `N/A`, `-`…) written as empty cells.
    pub nulls_emptied: u64,
    /// Cells flagged invalid by cleaning.
    pub invalid: u64,
    /// Cells flagged ambiguous by cleaning.
    pub ambiguous: u64,
    /// Findings of the profile for this column.
    pub findings: Vec<Value>,
    /// Examples of flagged cells: `(row, value, reason)`.
    pub flag_examples: Vec<(u64, String, String)>,
    /// Quality score of the column, 0 to 100 (100 for an empty column, which is not
    /// scored: see `scored`).
    pub score: f64,
    /// Whether the column counts in the file's score (false for a column without values).
    pub scored: bool,
    /// Non-null values still wrapped in quote characters (`"…"`): a sign of a failed parse.
    pub quoted: u64,
}

/// Counts of cells per rule (or reason) and per column.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    /// Total cells.
    pub total: u64,
    /// Cells per rule (changes) or status (flags).
    pub by_rule: BTreeMap<String, u64>,
    /// Cells per column name.
    pub by_column: BTreeMap<String, u64>,
}

impl Tally {
    /// Counts one cell.
    pub fn add(&mut self, rule: &str, column: &str) {
        self.total += 1;
        *self.by_rule.entry(rule.to_owned()).or_default() += 1;
        *self.by_column.entry(column.to_owned()).or_default() += 1;
    }
}

/// Duplicates found in the file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Duplicates {
    /// `"done"`, `"skipped"` (`--no-dedupe`) or `"not_available"`.
    pub status: String,
    /// Rows that repeat an earlier row exactly.
    pub exact_duplicate_rows: u64,
    /// Groups of exactly equal rows: 1-based data row numbers.
    pub exact_groups: Vec<Vec<u64>>,
    /// Clusters of probable duplicates (more than one member).
    pub clusters: Vec<Cluster>,
    /// Rows that belong to a cluster of more than one member.
    pub rows_in_clusters: u64,
    /// The matching configuration used, as TOML.
    pub config: Option<String>,
}

/// A cluster of rows that probably describe the same entity.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    /// Cluster id, as written in the `cluster_id` column.
    pub cluster_id: u64,
    /// 1-based data row numbers of the members.
    pub members: Vec<u64>,
    /// Lowest match probability among the links that joined the cluster.
    pub match_probability: f64,
    /// Fields that agree between the members.
    pub agree: Vec<String>,
    /// Fields that disagree between the members.
    pub disagree: Vec<String>,
}

/// What dq-encoding noticed while reading the file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reading {
    /// The dialect checks that did not pass cleanly (a repeated header, a quote
    /// character present but unused…): `kind`, `line`, `message`.
    pub dialect_findings: Vec<Value>,
    /// Carriage returns inside unquoted fields of a file whose lines end in LF: kept in
    /// their field, not taken for line ends.
    pub stray_carriage_returns: u64,
}

/// The file's quality score and its method.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// Score of the file, 0 to 100.
    pub file: f64,
    /// How well the table was read (1: no ragged rows, no column left in quotes).
    pub structure: f64,
    /// How the scores are computed, in words.
    pub method: &'static str,
}

/// How column and file scores are computed (also in `docs/guide-audit.md`).
pub const SCORE_METHOD: &str = "column score = 100 × (0.6 × validity + 0.4 × conformity) over the column's \
non-null cells, where validity = 1 − (invalid + ambiguous) / non-null cells and conformity = 1 − changed / \
non-null cells (cells already in canonical form or in the column's own consistent convention); an empty column \
is not scored (an optional column left empty is no defect; emptiness is reported as null_share). file score = \
mean of the scored columns × structure × (1 − exact duplicate rows / rows), where structure = 1 − ragged rows \
/ rows − columns still wrapped in quote characters / columns (at least 0): a table that was not read right \
cannot score well.";

/// Scores one column (see [`SCORE_METHOD`]): `None` for a column without values.
pub fn column_score(non_null: u64, changed: u64, invalid: u64, ambiguous: u64) -> Option<f64> {
    if non_null == 0 {
        return None;
    }
    let nn = non_null as f64;
    let validity = (1.0 - (invalid + ambiguous) as f64 / nn).clamp(0.0, 1.0);
    let conformity = (1.0 - changed as f64 / nn).clamp(0.0, 1.0);
    Some(round1(100.0 * (0.6 * validity + 0.4 * conformity)))
}

/// How well the table was read: 1 less the share of ragged rows and the share of
/// columns whose values are mostly still wrapped in quote characters.
pub fn structure(rows: u64, ragged_rows: u64, columns: usize, quoted_columns: usize) -> f64 {
    let ragged = if rows == 0 { 0.0 } else { ragged_rows as f64 / rows as f64 };
    let quoted = if columns == 0 { 0.0 } else { quoted_columns as f64 / columns as f64 };
    (1.0 - ragged - quoted).clamp(0.0, 1.0)
}

/// Scores the file from its column scores (see [`SCORE_METHOD`]).
pub fn file_score(
    columns: &[ColumnReport],
    rows: u64,
    exact_duplicate_rows: u64,
    structure: f64,
) -> f64 {
    let scored: Vec<f64> = columns.iter().filter(|c| c.scored).map(|c| c.score).collect();
    let mean =
        if scored.is_empty() { 100.0 } else { scored.iter().sum::<f64>() / scored.len() as f64 };
    let dup = if rows == 0 { 0.0 } else { exact_duplicate_rows as f64 / rows as f64 };
    round1(mean * structure * (1.0 - dup))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_documented_formula() {
        // 80 non-null, 8 changed, 4 invalid: 0.6×0.95 + 0.4×0.9 = 0.93.
        assert_eq!(column_score(80, 8, 4, 0), Some(93.0));
        assert_eq!(column_score(10, 0, 0, 0), Some(100.0));
        // An empty column is not scored: optional columns left empty are no defect.
        assert_eq!(column_score(0, 0, 0, 0), None);
    }

    #[test]
    fn a_table_read_wrong_cannot_score_well() {
        assert_eq!(structure(100, 0, 10, 0), 1.0);
        // Every column still wrapped in quotes: the parse failed.
        assert_eq!(structure(100, 0, 10, 10), 0.0);
        assert!((structure(100, 10, 10, 2) - 0.7).abs() < 1e-9);
    }
}
