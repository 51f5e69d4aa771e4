//! The profiler: configuration, the streaming session and the table profile.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::column::{ColumnAccumulator, ColumnProfile, Example, Finding, FindingKind};
use crate::error::Error;
use crate::format::{self, Format};
use crate::hashing::IdentityBuild;

/// Records sent per batch from the reader thread to the worker.
const BATCH: usize = 2048;
/// Ragged row line numbers kept.
const RAGGED_LINES: usize = 20;

/// Profiling configuration; setters return `&mut Self`, then `profile_path`,
/// `profile_reader` or `session` use it.
///
/// # Example
///
/// ```
/// let mut p = dq_profile::Profiler::new();
/// p.threads(1).top(5);
/// let prof = p.profile_reader(&b"siret;montant\n73282932000074;1 234,56\n"[..])?;
/// assert_eq!(prof.columns[0].format.name(), "siret");
/// assert_eq!(prof.columns[1].kind, "number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Profiler {
    pub(crate) nulls: std::sync::Arc<dq_clean::null::Nulls>,
    pub(crate) formats: Vec<Format>,
    pub(crate) distinct_bound: usize,
    pub(crate) top: usize,
    pub(crate) threads: usize,
    pub(crate) duplicate_bound: usize,
}

impl Default for Profiler {
    fn default() -> Profiler {
        Profiler {
            nulls: std::sync::Arc::new(dq_clean::null::Nulls::default()),
            formats: format::ALL.to_vec(),
            distinct_bound: 10_000,
            top: 10,
            threads: 2,
            duplicate_bound: 1_000_000,
        }
    }
}

impl Profiler {
    /// The default configuration.
    pub fn new() -> Profiler {
        Profiler::default()
    }

    /// The null tokens: dq-clean's French list (`""`, `-`, `NC`, `nd`, `N/A`, `#N/A`,
    /// `néant`…, see `dq_clean::null`) by default; give another `Nulls` to change it.
    pub fn null_tokens(&mut self, nulls: dq_clean::null::Nulls) -> &mut Profiler {
        self.nulls = std::sync::Arc::new(nulls);
        self
    }

    /// The formats to test. Default: all. [`Format::String`] is always added.
    pub fn formats(&mut self, formats: &[Format]) -> &mut Profiler {
        self.formats = formats.to_vec();
        if !self.formats.contains(&Format::String) {
            self.formats.push(Format::String);
        }
        self
    }

    /// Distinct values counted exactly per column before switching to HyperLogLog.
    /// Default: 10 000.
    pub fn distinct_bound(&mut self, n: usize) -> &mut Profiler {
        self.distinct_bound = n;
        self
    }

    /// Top values reported per column. Default: 10.
    pub fn top(&mut self, n: usize) -> &mut Profiler {
        self.top = n;
        self
    }

    /// Profiling threads. With 1, one thread reads and profiles. With `n` ≥ 2, one
    /// more thread reads and decodes the CSV while `n` threads profile alternate batches
    /// of 2 048 records, their sessions merged at the end (exact counts, distinct
    /// counts and min/max are the same; top values and quantiles are sketches of the
    /// same accuracy; each thread drops the formats that fail its own first values).
    /// Default: 2.
    pub fn threads(&mut self, n: usize) -> &mut Profiler {
        self.threads = n.max(1);
        self
    }

    /// Row hashes kept to count exact duplicate rows (8 bytes each plus table overhead);
    /// beyond it, duplicates are counted among the first rows only. Default: 1 000 000.
    pub fn duplicate_bound(&mut self, n: usize) -> &mut Profiler {
        self.duplicate_bound = n;
        self
    }

    /// Starts an incremental session over records whose header is `header`.
    ///
    /// # Example
    ///
    /// ```
    /// let p = dq_profile::Profiler::new();
    /// let mut s = p.session(&["code_insee", "population"]);
    /// s.feed_fields(["75056", "2 133 111"], 2);
    /// s.feed_fields(["69123", "522 250"], 3);
    /// let t = s.finish();
    /// assert_eq!(t.rows, 2);
    /// assert_eq!(t.columns[0].format.name(), "code_commune");
    /// assert_eq!(t.columns[1].kind, "integer");
    /// ```
    pub fn session<S: AsRef<str>>(&self, header: &[S]) -> Session {
        Session {
            cfg: self.clone(),
            header: header.iter().map(|h| h.as_ref().to_owned()).collect(),
            columns: header
                .iter()
                .enumerate()
                .map(|(i, h)| ColumnAccumulator::new(i, h.as_ref(), self))
                .collect(),
            rows: 0,
            ragged: 0,
            ragged_lines: Vec::new(),
            hash_rows: true,
            hashes: HashSet::default(),
            duplicates: 0,
            duplicates_exact: true,
            dup_examples: Vec::new(),
        }
    }

    /// Profiles a file: encoding, dialect and columns, in one streaming pass.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Read`] when the file cannot be opened, is binary, has bytes
    /// invalid in its detected encoding or is not CSV.
    ///
    /// # Example
    ///
    /// ```
    /// let path = std::env::temp_dir().join("dq-profile-doc.csv");
    /// std::fs::write(&path, b"code_postal;commune\n75001;Paris\n1000;Bourg-en-Bresse\n")?;
    /// let t = dq_profile::Profiler::new().profile_path(&path)?;
    /// assert_eq!(t.delimiter, ";");
    /// assert_eq!(t.columns[0].format.name(), "code_postal");
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn profile_path<P: AsRef<Path>>(&self, path: P) -> Result<TableProfile, Error> {
        let src = dq_encoding::open_csv(path.as_ref())?;
        let mut t = self.profile_source(src)?;
        t.path = Some(path.as_ref().display().to_string());
        Ok(t)
    }

    /// Profiles any reader (the encoding is detected from its first 64 KiB).
    ///
    /// # Errors
    ///
    /// As [`Profiler::profile_path`].
    pub fn profile_reader<R: Read + Send>(&self, rdr: R) -> Result<TableProfile, Error> {
        let src = dq_encoding::csv_from_reader(rdr)?;
        self.profile_source(src)
    }

    fn profile_source<R: Read + Send>(
        &self,
        mut src: dq_encoding::CsvSource<R>,
    ) -> Result<TableProfile, Error> {
        let dialect = src.dialect().clone();
        let detection = src.detection().clone();
        let header: Vec<String> = if dialect.has_header {
            src.reader().headers()?.iter().map(str::to_owned).collect()
        } else {
            (1..=dialect.columns.max(1)).map(|i| format!("column_{i}")).collect()
        };
        let mut session = self.session(&header);
        // `CsvSource::read_record` gives physical lines (title lines and `\r\n` counted).
        if self.threads <= 1 {
            let mut batch = Batch::new();
            loop {
                let done = batch.fill(&mut src)?;
                session.feed_records(batch.filled());
                if done {
                    break;
                }
            }
        } else {
            session = self.profile_threaded(&mut src, session)?;
        }
        let mut t = session.finish();
        t.encoding = src.encoding().unwrap_or(detection.encoding).name().to_owned();
        t.bom = detection.bom;
        t.delimiter = char::from(dialect.delimiter).to_string();
        t.quote = dialect.quote.map(|q| char::from(q).to_string());
        t.has_header = dialect.has_header;
        t.header_row = dialect.header_row;
        t.title_lines = dialect.header_row;
        Ok(t)
    }
}

impl Profiler {
    /// One thread reads records into batches; `self.threads` workers each profile every
    /// `threads`-th batch into their own session; the sessions are merged in order.
    /// The workers hash the rows they profile; the reader counts duplicate rows from
    /// those hashes, batch after batch in file order, when the batches come back to it
    /// to be refilled (so that records keep their buffers).
    fn profile_threaded<R: Read>(
        &self,
        reader: &mut dq_encoding::CsvSource<R>,
        first: Session,
    ) -> Result<Session, Error> {
        let workers = self.threads.max(1);
        let mut rows = first.clone();
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Batch>();
        std::thread::scope(|scope| {
            let mut senders = Vec::with_capacity(workers);
            let mut handles = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
                let back = back_tx.clone();
                let mut session = first.clone();
                session.hash_rows = false;
                handles.push(scope.spawn(move || {
                    for mut batch in rx {
                        let mut hashes = std::mem::take(&mut batch.hashes);
                        session.feed_batch(batch.filled(), &mut hashes);
                        batch.hashes = hashes;
                        // The reader may have stopped on an error: then the batch is lost.
                        let _ = back.send(batch);
                    }
                    session
                }));
                senders.push(tx);
            }
            drop(back_tx);
            // Batches back from the workers, by sequence number, until their turn comes.
            let mut order = Reorder::default();
            let mut out = Ok(());
            let mut next = 0u64;
            loop {
                while let Ok(b) = back_rx.try_recv() {
                    order.back(b, &mut rows);
                }
                let mut batch = order.free.pop().unwrap_or_else(Batch::new);
                let done = match batch.fill(reader) {
                    Ok(done) => done,
                    Err(e) => {
                        out = Err(e);
                        true
                    }
                };
                if batch.len > 0 {
                    batch.seq = next;
                    let worker = usize::try_from(next % workers as u64).unwrap_or(0);
                    if !matches!(senders.get(worker).map(|tx| tx.send(batch)), Some(Ok(()))) {
                        out = Err(Error::thread());
                        break;
                    }
                    next += 1;
                }
                if done {
                    break;
                }
            }
            drop(senders);
            // Every worker has dropped its sender when this ends.
            for b in back_rx.iter() {
                order.back(b, &mut rows);
            }
            let mut merged: Option<Session> = None;
            for h in handles {
                match (h.join(), &mut merged) {
                    (Ok(s), None) => merged = Some(s),
                    (Ok(s), Some(m)) => m.merge(&s),
                    (Err(_), _) => out = Err(Error::thread()),
                }
            }
            out?;
            if order.next != next {
                return Err(Error::thread());
            }
            let mut merged = merged.ok_or_else(Error::thread)?;
            merged.hash_rows = true;
            merged.hashes = rows.hashes;
            merged.duplicates = rows.duplicates;
            merged.duplicates_exact = rows.duplicates_exact;
            merged.dup_examples = rows.dup_examples;
            Ok(merged)
        })
    }
}

/// The batches come back from the workers in any order; their rows are counted for
/// duplicates in file order.
#[derive(Default)]
struct Reorder {
    /// The next batch whose rows to count.
    next: u64,
    /// Batches back early, waiting for an earlier one.
    early: Vec<Batch>,
    /// Batches counted, ready to be refilled.
    free: Vec<Batch>,
}

impl Reorder {
    fn back(&mut self, batch: Batch, rows: &mut Session) {
        self.early.push(batch);
        while let Some(i) = self.early.iter().position(|b| b.seq == self.next) {
            let b = self.early.swap_remove(i);
            for (rec, &h) in b.filled().iter().zip(&b.hashes) {
                rows.see_row(h, record_line(rec));
            }
            self.next += 1;
            self.free.push(b);
        }
    }
}

/// The line of a record read by `CsvSource::read_record` (0 when unknown).
fn record_line(rec: &csv::StringRecord) -> u64 {
    rec.position().map_or(0, csv::Position::line)
}

/// The start of a row hash.
const ROW_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds one field, given its hash (`sketch::hash64`), to a row hash.
#[inline]
fn row_step_hashed(h: u64, field_hash: u64) -> u64 {
    (h ^ field_hash).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
}

/// Records read by the reader thread, `len` of them filled.
struct Batch {
    records: Vec<csv::StringRecord>,
    len: usize,
    /// Its place in the file (0 for the first batch).
    seq: u64,
    /// The hash of each row, filled by the worker.
    hashes: Vec<u64>,
}

impl Batch {
    fn new() -> Batch {
        Batch { records: Vec::with_capacity(BATCH), len: 0, seq: 0, hashes: Vec::new() }
    }

    /// The records read into the batch.
    fn filled(&self) -> &[csv::StringRecord] {
        self.records.get(..self.len).unwrap_or(&[])
    }

    /// Reads up to `BATCH` records, reusing the buffers; true at the end of the input.
    fn fill<R: Read>(&mut self, src: &mut dq_encoding::CsvSource<R>) -> Result<bool, Error> {
        self.len = 0;
        while self.len < BATCH {
            if self.records.len() <= self.len {
                self.records.push(csv::StringRecord::new());
            }
            let Some(rec) = self.records.get_mut(self.len) else { return Ok(true) };
            if !src.read_record(rec)? {
                return Ok(true);
            }
            self.len += 1;
        }
        Ok(false)
    }
}

/// An incremental profiling session: feed records, then [`Session::finish`].
#[derive(Debug, Clone)]
pub struct Session {
    cfg: Profiler,
    header: Vec<String>,
    columns: Vec<ColumnAccumulator>,
    rows: u64,
    ragged: u64,
    ragged_lines: Vec<u64>,
    /// Whether `feed_fields` hashes rows (off in the threaded workers: the reader
    /// thread does it once for all of them).
    hash_rows: bool,
    hashes: HashSet<u64, IdentityBuild>,
    duplicates: u64,
    duplicates_exact: bool,
    dup_examples: Vec<Example>,
}

impl Session {
    /// Feeds one `csv` record; its position gives the line. Records read with
    /// `dq_encoding::CsvSource::read_record` carry physical lines; a bare `csv::Reader`
    /// counts from its first line and lags one line behind on `\r\n` files.
    pub fn feed(&mut self, record: &csv::StringRecord) {
        let line = record.position().map_or(self.rows + 2, csv::Position::line);
        self.feed_fields(record.iter(), line);
    }

    /// Feeds one record's fields, found on `line` (1-based; 0 when unknown).
    pub fn feed_fields<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, fields: I, line: u64) {
        self.rows += 1;
        let mut n = 0;
        let mut h = ROW_SEED;
        for (i, f) in fields.into_iter().enumerate() {
            let f = f.as_ref();
            n = i + 1;
            if i >= self.columns.len() {
                let name = format!("column_{}", i + 1);
                let mut acc = ColumnAccumulator::new(i, &name, &self.cfg);
                // Earlier rows had no value here: count them as empty cells.
                for _ in 1..self.rows {
                    acc.push("", 0);
                }
                self.header.push(name);
                self.columns.push(acc);
            }
            if let Some(acc) = self.columns.get_mut(i) {
                let hf = acc.push_hash(f, line);
                if self.hash_rows {
                    h = row_step_hashed(h, hf);
                }
            }
        }
        if n != self.header.len() {
            self.ragged += 1;
            if self.ragged_lines.len() < RAGGED_LINES {
                self.ragged_lines.push(line);
            }
            for acc in self.columns.iter_mut().skip(n) {
                acc.push("", line);
            }
        }
        if self.hash_rows {
            self.see_row(h ^ n as u64, line);
        }
    }

    /// Feeds a batch of `csv` records, column by column: each column's accumulator
    /// (its memo, sketches and format tallies) stays in cache while it reads the
    /// batch's values, which is how [`Profiler::profile_path`] feeds its sessions. The
    /// profile is the same as feeding the records one by one with [`Session::feed`].
    ///
    /// # Example
    ///
    /// ```
    /// let p = dq_profile::Profiler::new();
    /// let mut s = p.session(&["code_postal", "montant"]);
    /// let records = [
    ///     csv::StringRecord::from(vec!["75001", "1 234,56"]),
    ///     csv::StringRecord::from(vec!["1000", "NC"]),
    /// ];
    /// s.feed_records(&records);
    /// let t = s.finish();
    /// assert_eq!(t.rows, 2);
    /// assert_eq!(t.columns[1].nulls, 1);
    /// ```
    pub fn feed_records(&mut self, records: &[csv::StringRecord]) {
        let first_row = self.rows;
        let mut hashes = Vec::new();
        self.feed_batch(records, &mut hashes);
        if self.hash_rows {
            for (i, (rec, h)) in records.iter().zip(hashes).enumerate() {
                let line = rec.position().map_or(first_row + i as u64 + 2, csv::Position::line);
                self.see_row(h, line);
            }
        }
    }

    /// Profiles a batch of records, column by column, and leaves in `hashes` the hash of
    /// each row (for the duplicate count, which the caller keeps in row order).
    fn feed_batch(&mut self, records: &[csv::StringRecord], hashes: &mut Vec<u64>) {
        let first_row = self.rows;
        let line = |i: usize, rec: &csv::StringRecord| {
            rec.position().map_or(first_row + i as u64 + 2, csv::Position::line)
        };
        // Rows first, in order: a longer row widens the table for the rows after it.
        let mut width = self.header.len();
        let mut most = width;
        let mut ragged = Vec::new();
        for (i, rec) in records.iter().enumerate() {
            let n = rec.len();
            width = width.max(n);
            most = most.max(n);
            if n != width {
                ragged.push(line(i, rec));
            }
        }
        self.widen(most);
        for l in ragged {
            self.ragged += 1;
            if self.ragged_lines.len() < RAGGED_LINES {
                self.ragged_lines.push(l);
            }
        }
        self.rows += records.len() as u64;
        hashes.clear();
        hashes.resize(records.len(), ROW_SEED);
        let lines: Vec<u64> = records.iter().enumerate().map(|(i, r)| line(i, r)).collect();
        let mut cells: Vec<Option<&str>> = Vec::with_capacity(records.len());
        let mut raw = Vec::with_capacity(records.len());
        for (j, acc) in self.columns.iter_mut().enumerate() {
            cells.clear();
            cells.extend(records.iter().map(|r| r.get(j)));
            acc.push_cells(&cells, &lines, &mut raw);
            for ((h, c), hf) in hashes.iter_mut().zip(&cells).zip(&raw) {
                if c.is_some() {
                    *h = row_step_hashed(*h, *hf);
                }
            }
        }
        for (h, rec) in hashes.iter_mut().zip(records) {
            *h ^= rec.len() as u64;
        }
    }

    /// Counts a row by its hash: a duplicate when seen before.
    fn see_row(&mut self, h: u64, line: u64) {
        if self.hashes.contains(&h) {
            self.duplicates += 1;
            if self.dup_examples.len() < 3 {
                self.dup_examples.push(Example { line, value: String::new() });
            }
        } else if self.hashes.len() < self.cfg.duplicate_bound {
            self.hashes.insert(h);
        } else {
            self.duplicates_exact = false;
        }
    }

    /// Merges the session of a later chunk of the same table (duplicate rows across
    /// the two chunks are found through the row hashes).
    pub fn merge(&mut self, o: &Session) {
        // Columns one side never saw (ragged rows): its rows had no value there.
        self.widen(o.columns.len());
        let mut o = std::borrow::Cow::Borrowed(o);
        if o.columns.len() < self.columns.len() {
            o.to_mut().widen(self.columns.len());
        }
        self.rows += o.rows;
        self.ragged += o.ragged;
        for l in &o.ragged_lines {
            if self.ragged_lines.len() < RAGGED_LINES {
                self.ragged_lines.push(*l);
            }
        }
        for (a, b) in self.columns.iter_mut().zip(&o.columns) {
            a.merge(b);
        }
        self.duplicates += o.duplicates;
        for h in &o.hashes {
            if self.hashes.contains(h) {
                self.duplicates += 1;
            } else if self.hashes.len() < self.cfg.duplicate_bound {
                self.hashes.insert(*h);
            } else {
                self.duplicates_exact = false;
            }
        }
        self.duplicates_exact &= o.duplicates_exact;
    }

    /// Adds columns up to `n`, with an empty cell for every row already fed.
    fn widen(&mut self, n: usize) {
        for i in self.columns.len()..n {
            let name = format!("column_{}", i + 1);
            let mut acc = ColumnAccumulator::new(i, &name, &self.cfg);
            for _ in 0..self.rows {
                acc.push("", 0);
            }
            self.header.push(name);
            self.columns.push(acc);
        }
    }

    /// Finishes the table profile.
    pub fn finish(&self) -> TableProfile {
        let columns: Vec<ColumnProfile> =
            self.columns.iter().map(ColumnAccumulator::finish).collect();
        let is_empty = |c: &&ColumnProfile| c.count > 0 && c.nulls == c.count;
        let empty_leading = columns.iter().take_while(is_empty).count();
        let empty_trailing = if empty_leading == columns.len() {
            0
        } else {
            columns.iter().rev().take_while(is_empty).count()
        };
        let mut findings: Vec<Finding> =
            columns.iter().flat_map(|c| c.findings.iter().cloned()).collect();
        if self.ragged > 0 {
            findings.push(Finding {
                kind: FindingKind::RaggedRows,
                column: None,
                count: self.ragged,
                message: format!("{} lignes n'ont pas {} champs", self.ragged, self.header.len()),
                examples: self
                    .ragged_lines
                    .iter()
                    .map(|&line| Example { line, value: String::new() })
                    .collect(),
            });
        }
        if self.duplicates > 0 {
            findings.push(Finding {
                kind: FindingKind::DuplicateRows,
                column: None,
                count: self.duplicates,
                message: format!("{} lignes en double exact", self.duplicates),
                examples: self.dup_examples.clone(),
            });
        }
        let schema = crate::schema::table_schema(&columns);
        TableProfile {
            path: None,
            encoding: "utf-8".to_owned(),
            bom: false,
            delimiter: ",".to_owned(),
            quote: Some("\"".to_owned()),
            has_header: true,
            header_row: 0,
            title_lines: 0,
            rows: self.rows,
            duplicate_rows: self.duplicates,
            duplicate_rows_exact: self.duplicates_exact,
            ragged_rows: self.ragged,
            ragged_lines: self.ragged_lines.clone(),
            empty_leading_columns: empty_leading,
            empty_trailing_columns: empty_trailing,
            columns,
            findings,
            table_schema: schema,
        }
    }
}

/// The profile of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableProfile {
    /// The file, when profiled from a path.
    pub path: Option<String>,
    /// The encoding used to read it (WHATWG name: `utf-8`, `windows-1252`…).
    pub encoding: String,
    /// Whether it starts with a byte order mark.
    pub bom: bool,
    /// The field delimiter.
    pub delimiter: String,
    /// The quote character, if quoting is on.
    pub quote: Option<String>,
    /// Whether the first record is a header.
    pub has_header: bool,
    /// The 0-based line of the header (or first record): lines above are titles.
    pub header_row: usize,
    /// Title or preamble lines above the table (same as `header_row`).
    pub title_lines: usize,
    /// Data rows (header excluded).
    pub rows: u64,
    /// Rows equal to an earlier row (64-bit row hashes: a false duplicate has
    /// probability about n²/2⁶⁵).
    pub duplicate_rows: u64,
    /// Whether every row's hash was kept (false beyond the duplicate bound).
    pub duplicate_rows_exact: bool,
    /// Rows whose field count differs from the header's.
    pub ragged_rows: u64,
    /// The lines of the first ragged rows.
    pub ragged_lines: Vec<u64>,
    /// Entirely empty columns at the start.
    pub empty_leading_columns: usize,
    /// Entirely empty columns at the end.
    pub empty_trailing_columns: usize,
    /// The columns.
    pub columns: Vec<ColumnProfile>,
    /// Every finding, column findings included.
    pub findings: Vec<Finding>,
    /// The Table Schema (frictionless) descriptor.
    pub table_schema: serde_json::Value,
}
