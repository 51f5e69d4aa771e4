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
    /// Quality score of the column, 0 to 100.
    pub score: f64,
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

/// The file's quality score and its method.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// Score of the file, 0 to 100.
    pub file: f64,
    /// How the scores are computed, in words.
    pub method: &'static str,
}

/// How column and file scores are computed (also in `docs/guide-audit.md`).
pub const SCORE_METHOD: &str = "column score = 100 × (0.4 × validity + 0.3 × conformity + 0.3 × completeness), \
where validity = 1 − (invalid + ambiguous) / non-null cells, conformity = 1 − changed / non-null cells \
(cells already in canonical form), completeness = non-null / rows; a column with no non-null cell scores \
0 for validity and conformity. file score = mean of the column scores × (1 − exact duplicate rows / rows).";

/// Scores one column (see [`SCORE_METHOD`]).
pub fn column_score(rows: u64, non_null: u64, changed: u64, invalid: u64, ambiguous: u64) -> f64 {
    if rows == 0 {
        return 100.0;
    }
    let completeness = non_null as f64 / rows as f64;
    let (validity, conformity) = if non_null == 0 {
        (0.0, 0.0)
    } else {
        let nn = non_null as f64;
        (
            (1.0 - (invalid + ambiguous) as f64 / nn).clamp(0.0, 1.0),
            (1.0 - changed as f64 / nn).clamp(0.0, 1.0),
        )
    };
    round1(100.0 * (0.4 * validity + 0.3 * conformity + 0.3 * completeness))
}

/// Scores the file from its column scores (see [`SCORE_METHOD`]).
pub fn file_score(columns: &[ColumnReport], rows: u64, exact_duplicate_rows: u64) -> f64 {
    if columns.is_empty() {
        return 100.0;
    }
    let mean = columns.iter().map(|c| c.score).sum::<f64>() / columns.len() as f64;
    let dup = if rows == 0 { 0.0 } else { exact_duplicate_rows as f64 / rows as f64 };
    round1(mean * (1.0 - dup))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_documented_formula() {
        // 100 rows, 80 non-null, 8 changed, 4 invalid: 0.4×0.95 + 0.3×0.9 + 0.3×0.8 = 0.89.
        assert_eq!(column_score(100, 80, 8, 4, 0), 89.0);
        assert_eq!(column_score(10, 10, 0, 0, 0), 100.0);
        assert_eq!(column_score(10, 0, 0, 0, 0), 0.0);
        assert_eq!(column_score(0, 0, 0, 0, 0), 100.0);
    }
}
