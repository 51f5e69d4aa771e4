//! Probable duplicates with dq-dedupe, and `duplicates.csv`.
//!
//! dq-dedupe configures itself from a sample of `clean.csv` (the first 20 000 rows), then
//! only the columns that configuration compares or blocks on are read for every row, and
//! it configures itself again on them (blocking sized to the whole table) before running.
//! Above the row budget nothing is read and the report says why. A table with a key (a
//! reference table, a unique and valid identifier column: see `dq_dedupe::identifier`)
//! has no probable duplicates to find: the report says so, and exact duplicate rows are
//! still counted by the clean pass.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use dq_dedupe::{auto, dedupe, RunOptions, Table};

use super::report::Cluster;
use crate::CliResult;

/// Rows read to choose the configuration.
const SAMPLE_ROWS: usize = 20_000;

/// How much dq-dedupe may take.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Above this many rows, probable duplicates are not searched.
    pub max_rows: u64,
}

/// Probable duplicates found.
#[derive(Debug, Clone)]
pub struct Probable {
    /// Clusters of more than one row.
    pub clusters: Vec<Cluster>,
    /// For each row (0-based), the 0-based index of its cluster's first row.
    pub cluster_of_row: Vec<u32>,
    /// The configuration used, as TOML (replayable with `dq dedupe --config`).
    pub config_toml: String,
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>, String> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads `columns` (indices into `headers`) of at most `limit` rows of `clean`.
fn read_table(
    clean: &Path,
    headers: &[String],
    columns: &[usize],
    limit: usize,
) -> Result<Table, String> {
    let names: Vec<String> =
        columns.iter().map(|&i| headers.get(i).cloned().unwrap_or_default()).collect();
    let mut table = Table::new(names);
    let mut rdr = reader(clean)?;
    let mut rec = csv::StringRecord::new();
    let mut n = 0;
    while n < limit && rdr.read_record(&mut rec).map_err(|e| format!("{}: {e}", clean.display()))? {
        table.push_row(columns.iter().map(|&i| rec.get(i).unwrap_or("")));
        n += 1;
    }
    Ok(table)
}

/// Looks for probable duplicates among the rows of `clean` (the cleaned table, whose
/// first `headers.len()` columns are the input's).
///
/// # Errors
///
/// The reason, in words, when the search could not run (over budget, no column to
/// compare, unreadable file).
pub fn probable(
    clean: &Path,
    headers: &[String],
    rows: u64,
    budget: &Budget,
) -> Result<Probable, String> {
    if rows > budget.max_rows {
        return Err(format!(
            "not searched: {rows} rows is above the budget of {} rows (--dedupe-max-rows)",
            budget.max_rows
        ));
    }
    let all: Vec<usize> = (0..headers.len()).collect();
    let sample = read_table(clean, headers, &all, SAMPLE_ROWS)?;
    if sample.len() < 2 {
        return Ok(Probable {
            clusters: Vec::new(),
            cluster_of_row: (0..sample.len() as u32).collect(),
            config_toml: String::new(),
        });
    }
    let options = auto::AutoOptions::default();
    let first =
        auto::configure_with(&sample, None, &options).map_err(|e| format!("not searched: {e}"))?;
    drop(sample);
    let mut needed: BTreeSet<&str> =
        first.config.fields.iter().map(|f| f.column.as_str()).collect();
    for b in &first.config.blocking {
        needed.extend(b.keys.iter().map(|k| k.column.as_str()));
    }
    needed.extend(first.config.vetoes.iter().map(|v| v.column.as_str()));
    // A key unique on the sample must be checked on every row.
    if let Some(k) = &first.no_search {
        needed.extend(k.columns.iter().map(String::as_str));
    }
    let columns: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| needed.contains(h.as_str()))
        .map(|(i, _)| i)
        .collect();
    let table = read_table(clean, headers, &columns, usize::MAX)?;
    // The identifiers were recognised on the sample with every column; the second pass
    // reads only some columns, so it is given them.
    let mut options = auto::AutoOptions::default();
    options.identifiers(first.identifiers.clone());
    let config = match auto::configure_with(&table, None, &options) {
        Ok(c) => match c.no_search {
            Some(key) => return Err(format!("no probable duplicates to find: {}", key.reason)),
            None => c.config,
        },
        Err(_) if first.no_search.is_some() => {
            return Err(format!(
                "no probable duplicates to find: {}",
                first.no_search.map(|k| k.reason).unwrap_or_default()
            ))
        }
        Err(_) => first.config,
    };
    let outcome =
        dedupe(&table, &config, &RunOptions::default()).map_err(|e| format!("dq-dedupe: {e}"))?;
    // The lowest matching probability inside each cluster.
    let mut min_p: HashMap<u32, f64> = HashMap::new();
    for p in &outcome.pairs {
        if p.probability < config.threshold {
            continue;
        }
        let (Some(&a), Some(&b)) =
            (outcome.clusters.get(p.left as usize), outcome.clusters.get(p.right as usize))
        else {
            continue;
        };
        if a == b {
            let e = min_p.entry(a).or_insert(p.probability);
            *e = e.min(p.probability);
        }
    }
    let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
    for (row, &c) in outcome.clusters.iter().enumerate() {
        members.entry(c).or_default().push(row as u32);
    }
    let mut clusters: Vec<Cluster> = members
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(c, m)| {
            let (agree, disagree) = compare(&table, &m);
            Cluster {
                cluster_id: u64::from(c) + 1,
                members: m.iter().map(|&r| u64::from(r) + 1).collect(),
                match_probability: min_p.get(&c).copied().unwrap_or(config.threshold),
                agree,
                disagree,
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.cluster_id);
    Ok(Probable { clusters, cluster_of_row: outcome.clusters, config_toml: config.to_toml() })
}

/// The columns whose non-empty values are the same (ignoring case) in every member, and
/// those that differ.
fn compare(table: &Table, members: &[u32]) -> (Vec<String>, Vec<String>) {
    let (mut agree, mut disagree) = (Vec::new(), Vec::new());
    for (c, name) in table.headers().iter().enumerate() {
        let values: Vec<String> = members
            .iter()
            .map(|&r| table.cell(r as usize, c).trim().to_lowercase())
            .filter(|v| !v.is_empty())
            .collect();
        let Some(first) = values.first() else { continue };
        if values.len() < 2 {
            continue;
        }
        if values.iter().all(|v| v == first) {
            agree.push(name.clone());
        } else {
            disagree.push(name.clone());
        }
    }
    (agree, disagree)
}

/// Writes `duplicates.csv`: one line per group of exact duplicate rows and per cluster
/// of probable duplicates.
pub fn write_csv(path: &Path, exact: &[Vec<u64>], probable: Option<&[Cluster]>) -> CliResult<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    w.write_record([
        "group_id",
        "kind",
        "size",
        "members",
        "match_probability",
        "agree",
        "disagree",
    ])?;
    let join = |m: &[u64]| m.iter().map(u64::to_string).collect::<Vec<_>>().join(" ");
    for g in exact {
        let id = g.first().copied().unwrap_or(0).to_string();
        w.write_record([id.as_str(), "exact", &g.len().to_string(), &join(g), "1", "all", ""])?;
    }
    for c in probable.unwrap_or(&[]) {
        w.write_record([
            c.cluster_id.to_string().as_str(),
            "probable",
            &c.members.len().to_string(),
            &join(&c.members),
            &format!("{:.4}", c.match_probability),
            &c.agree.join(" | "),
            &c.disagree.join(" | "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Appends a `cluster_id` column to `clean` (rewritten through a temporary file in
/// `dir`); empty cells when probable duplicates were not searched.
pub fn append_cluster_id(clean: &Path, dir: &Path, clusters: Option<&[u32]>) -> CliResult<()> {
    let tmp = dir.join("clean.csv.tmp");
    {
        let mut rdr = reader(clean)?;
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_path(&tmp)
            .map_err(|e| format!("{}: {e}", tmp.display()))?;
        let mut header = rdr.headers()?.clone();
        let width = header.len();
        header.push_field("cluster_id");
        w.write_record(&header)?;
        let mut rec = csv::StringRecord::new();
        let mut row = 0usize;
        while rdr.read_record(&mut rec)? {
            if rec.len() == width {
                let id = clusters.and_then(|c| c.get(row)).map(|&c| (u64::from(c) + 1).to_string());
                rec.push_field(id.as_deref().unwrap_or(""));
            }
            w.write_record(&rec)?;
            row += 1;
        }
        w.flush()?;
    }
    std::fs::rename(&tmp, clean).map_err(|e| format!("{}: {e}", clean.display()))?;
    Ok(())
}
