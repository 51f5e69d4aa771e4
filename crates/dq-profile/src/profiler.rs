//! The profiler: configuration, the streaming session and the table profile.

use std::collections::{HashSet, VecDeque};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, RwLock};

use serde::{Deserialize, Serialize};

use crate::column::{ColumnAccumulator, ColumnProfile, Example, Finding, FindingKind};
use crate::error::Error;
use crate::format::{self, Format};
use dq_clean::hash::IdentityBuild;

/// Records per batch, read by the reader thread and profiled column by column.
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
            formats: format::CATALOGUE.to_vec(),
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
    /// more thread reads and decodes the CSV into batches of 2 048 records (at most 4 in
    /// flight) while `n` threads profile them column by column: each (batch, column) is
    /// one task, and each column reads its batches in file order, so the profile is the
    /// same as with 1 thread, bit for bit. Default: 2.
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
            read: None,
            header: header.iter().map(|h| h.as_ref().to_owned()).collect(),
            columns: header
                .iter()
                .enumerate()
                .map(|(i, h)| ColumnAccumulator::new(i, h.as_ref(), self))
                .collect(),
            rows: 0,
            ragged: 0,
            ragged_lines: Vec::new(),
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
        let mut src = dq_encoding::open_csv(path.as_ref())?;
        let mut t = self.profile_source(&mut src)?;
        t.path = Some(path.as_ref().display().to_string());
        Ok(t)
    }

    /// Profiles any reader (the encoding is detected from its first 64 KiB).
    ///
    /// # Errors
    ///
    /// As [`Profiler::profile_path`].
    pub fn profile_reader<R: Read + Send>(&self, rdr: R) -> Result<TableProfile, Error> {
        let mut src = dq_encoding::csv_from_reader(rdr)?;
        self.profile_source(&mut src)
    }

    /// Profiles the records of a source opened by the caller (`dq_encoding::open_csv_with`
    /// with an encoding or a delimiter given, for example), from where it stands to its
    /// end; the profile reports how the source was read (encoding, delimiter, header).
    ///
    /// # Errors
    ///
    /// As [`Profiler::profile_path`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{csv_from_reader_with, CsvOptions, Encoding};
    /// let mut opts = CsvOptions::default();
    /// opts.encoding(Some(Encoding::WINDOWS_1252)).delimiter(Some(b'|'));
    /// let mut src = csv_from_reader_with(&b"code|commune\n1000|Bourg-en-Bresse\n75056|Paris\n"[..], &opts)?;
    /// let t = dq_profile::Profiler::new().profile_csv(&mut src)?;
    /// assert_eq!((t.encoding.as_str(), t.delimiter.as_str(), t.rows), ("windows-1252", "|", 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn profile_csv<R: Read>(
        &self,
        src: &mut dq_encoding::CsvSource<R>,
    ) -> Result<TableProfile, Error> {
        self.profile_source(src)
    }

    fn profile_source<R: Read>(
        &self,
        src: &mut dq_encoding::CsvSource<R>,
    ) -> Result<TableProfile, Error> {
        let dialect = src.dialect().clone();
        let header: Vec<String> = if dialect.has_header {
            src.reader().headers()?.iter().map(str::to_owned).collect()
        } else {
            (1..=dialect.columns.max(1)).map(|i| format!("column_{i}")).collect()
        };
        let mut session = self.session(&header);
        // `CsvSource::read_text_record` gives physical lines (title lines and `\r\n`
        // counted).
        if self.threads <= 1 {
            let mut batch = Batch::new();
            let mut hashes = Vec::new();
            loop {
                let done = batch.fill(src)?;
                let first_row = session.rows;
                let records = batch.filled();
                session.feed_batch(records, &mut hashes);
                for (i, (rec, &h)) in records.iter().zip(&hashes).enumerate() {
                    session.see_row(h, Record::line(rec).unwrap_or(first_row + i as u64 + 2));
                }
                if done {
                    break;
                }
            }
        } else {
            session = self.profile_threaded(src, session)?;
        }
        session.read_as(src);
        Ok(session.finish())
    }
}

impl Profiler {
    /// Column-parallel profiling. The reader (this thread) reads a batch of records,
    /// counts its rows, ragged rows and lines, then publishes it as one task per column
    /// on a FIFO queue; `self.threads` workers take the tasks and profile that column of
    /// that batch. A column's accumulator is used by one worker at a time, batch after
    /// batch in file order, so the profile is the one of [`Session::feed_records`] over the
    /// same batches, bit for bit. Each task leaves the raw hashes of its cells; when the
    /// last column of a batch is done, the batch goes back to the reader, which folds the
    /// row hashes in column order, counts duplicate rows in file order and refills it.
    fn profile_threaded<R: Read>(
        &self,
        reader: &mut dq_encoding::CsvSource<R>,
        mut session: Session,
    ) -> Result<Session, Error> {
        let workers = self.threads.max(1);
        let shared = Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            columns: RwLock::new(
                std::mem::take(&mut session.columns).into_iter().map(Slot::new).collect(),
            ),
            abort: AtomicBool::new(false),
        };
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Back>();
        let out = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    let guard = PanicGuard { shared: &shared, back: back_tx.clone() };
                    scope.spawn(move || guard.shared.work(&guard.back))
                })
                .collect();
            drop(back_tx);
            let mut out = shared.read(reader, &mut session, &back_rx);
            // Workers stop once the queue is empty (at once on an error).
            if out.is_err() {
                shared.abort.store(true, Ordering::SeqCst);
            }
            shared.close();
            for h in handles {
                if h.join().is_err() {
                    out = Err(Error::thread());
                }
            }
            out
        });
        out?;
        let columns = shared.columns.into_inner().map_err(|_| Error::thread())?;
        session.columns = columns
            .into_iter()
            .map(|s| s.state.into_inner().map(|st| st.acc).map_err(|_| Error::thread()))
            .collect::<Result<_, _>>()?;
        Ok(session)
    }
}

/// Batches published to the workers and not back yet, at most.
const IN_FLIGHT: usize = 4;

/// What the reader and the workers of [`Profiler::profile_threaded`] share.
struct Shared {
    /// The (batch, column) tasks, in publishing order.
    queue: Mutex<Queue>,
    /// Signalled when tasks are queued or the queue closes.
    ready: Condvar,
    /// One slot per column; written only by the reader, with no batch in flight.
    columns: RwLock<Vec<Slot>>,
    /// Set when a worker panicked or the reader failed: everyone stops.
    abort: AtomicBool,
}

#[derive(Default)]
struct Queue {
    tasks: VecDeque<(Arc<Batch>, usize)>,
    closed: bool,
}

/// A column's accumulator and the next batch it is to read.
struct Slot {
    state: Mutex<SlotState>,
    /// Signalled when `next` moves on (or on abort).
    turn: Condvar,
}

struct SlotState {
    acc: ColumnAccumulator,
    next: u64,
}

impl Slot {
    fn new(acc: ColumnAccumulator) -> Slot {
        Slot { state: Mutex::new(SlotState { acc, next: 0 }), turn: Condvar::new() }
    }
}

/// From the workers to the reader.
enum Back {
    /// A batch whose every column was profiled.
    Done(Batch),
    /// A worker panicked.
    Failed,
}

/// Held by each worker: when it unwinds from a panic, stops the others and tells the
/// reader, so that nobody waits for the task it dropped.
struct PanicGuard<'a> {
    shared: &'a Shared,
    back: Sender<Back>,
}

impl Drop for PanicGuard<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.shared.abort.store(true, Ordering::SeqCst);
            // Lock before notifying so that no waiter misses the flag.
            drop(self.shared.queue.lock());
            self.shared.ready.notify_all();
            if let Ok(columns) = self.shared.columns.read() {
                for s in columns.iter() {
                    drop(s.state.lock());
                    s.turn.notify_all();
                }
            }
            let _ = self.back.send(Back::Failed);
        }
    }
}

impl Shared {
    fn aborted(&self) -> bool {
        self.abort.load(Ordering::SeqCst)
    }

    /// Lets the workers finish the queued tasks, then stop.
    fn close(&self) {
        if let Ok(mut q) = self.queue.lock() {
            q.closed = true;
            if self.aborted() {
                q.tasks.clear();
            }
        }
        self.ready.notify_all();
    }

    /// The next task, or `None` when the queue is closed and empty, or on abort.
    fn take(&self) -> Option<(Arc<Batch>, usize)> {
        let mut q = self.queue.lock().ok()?;
        loop {
            if self.aborted() {
                return None;
            }
            if let Some(t) = q.tasks.pop_front() {
                return Some(t);
            }
            if q.closed {
                return None;
            }
            q = self.ready.wait(q).ok()?;
        }
    }

    /// A worker: profiles column `j` of batch `b` for each task `(b, j)`, after `(b-1, j)`.
    fn work(&self, back: &Sender<Back>) {
        let mut raw = Vec::with_capacity(BATCH);
        while let Some((batch, j)) = self.take() {
            {
                let Ok(columns) = self.columns.read() else { return };
                let Some(slot) = columns.get(j) else { return };
                let Ok(mut st) = slot.state.lock() else { return };
                while st.next != batch.seq {
                    if self.aborted() {
                        return;
                    }
                    let Ok(s) = slot.turn.wait(st) else { return };
                    st = s;
                }
                let cells: Vec<Option<&str>> = batch.filled().iter().map(|r| r.get(j)).collect();
                #[cfg(test)]
                #[allow(clippy::panic, reason = "the unit test of a panicking worker")]
                if cells.contains(&Some(tests::PANIC_CELL)) {
                    panic!("a worker met {}", tests::PANIC_CELL);
                }
                st.acc.push_cells(&cells, &batch.lines, &mut raw);
                st.next += 1;
                drop(st);
                slot.turn.notify_all();
            }
            match batch.raw.get(j).map(Mutex::lock) {
                Some(Ok(mut r)) => std::mem::swap(&mut *r, &mut raw),
                _ => return,
            }
            // The last task of the batch sends it back.
            if let Some(b) = Arc::into_inner(batch) {
                if back.send(Back::Done(b)).is_err() {
                    return;
                }
            }
        }
    }

    /// The reader: fills, counts and publishes batches until the end of the input or an
    /// error, and counts the duplicate rows of the batches back, in file order.
    fn read<R: Read>(
        &self,
        reader: &mut dq_encoding::CsvSource<R>,
        session: &mut Session,
        back: &Receiver<Back>,
    ) -> Result<(), Error> {
        let mut order = Reorder::default();
        let mut in_flight = 0usize;
        let mut next = 0u64;
        loop {
            while let Ok(b) = back.try_recv() {
                self.come_back(b, &mut order, session, &mut in_flight)?;
            }
            while in_flight >= IN_FLIGHT {
                let b = back.recv().map_err(|_| Error::thread())?;
                self.come_back(b, &mut order, session, &mut in_flight)?;
            }
            let mut batch = order.free.pop().unwrap_or_else(Batch::new);
            let done = batch.fill(reader)?;
            if batch.len > 0 {
                let records = batch.records.get(..batch.len).unwrap_or(&[]);
                let most = session.count_rows(records, &mut batch.lines);
                let width = session.header.len();
                if most > width {
                    // A longer row (rare): wait for every batch in flight, then add columns.
                    while in_flight > 0 {
                        let b = back.recv().map_err(|_| Error::thread())?;
                        self.come_back(b, &mut order, session, &mut in_flight)?;
                    }
                    let mut columns = self.columns.write().map_err(|_| Error::thread())?;
                    for i in width..most {
                        let acc = session.empty_column(i);
                        let mut slot = Slot::new(acc);
                        if let Ok(st) = slot.state.get_mut() {
                            st.next = next;
                        }
                        columns.push(slot);
                    }
                }
                session.rows += batch.len as u64;
                batch.seq = next;
                next += 1;
                let n = session.header.len();
                batch.raw.resize_with(n, Mutex::default);
                if n == 0 {
                    batch.fold_hashes()?;
                    order.back(batch, session);
                } else {
                    self.publish(batch, n)?;
                    in_flight += 1;
                }
            } else {
                order.free.push(batch);
            }
            if done {
                break;
            }
        }
        while in_flight > 0 {
            let b = back.recv().map_err(|_| Error::thread())?;
            self.come_back(b, &mut order, session, &mut in_flight)?;
        }
        if order.next != next {
            return Err(Error::thread());
        }
        Ok(())
    }

    /// Queues one task per column of `batch`.
    fn publish(&self, batch: Batch, columns: usize) -> Result<(), Error> {
        let batch = Arc::new(batch);
        let mut q = self.queue.lock().map_err(|_| Error::thread())?;
        let last = columns.saturating_sub(1);
        for j in 0..last {
            q.tasks.push_back((Arc::clone(&batch), j));
        }
        // The queue holds every reference: the last task done gets the batch back.
        q.tasks.push_back((batch, last));
        drop(q);
        self.ready.notify_all();
        Ok(())
    }

    /// A message from a worker: a batch done, whose row hashes are folded and counted.
    fn come_back(
        &self,
        back: Back,
        order: &mut Reorder,
        session: &mut Session,
        in_flight: &mut usize,
    ) -> Result<(), Error> {
        let Back::Done(mut batch) = back else { return Err(Error::thread()) };
        *in_flight = in_flight.saturating_sub(1);
        batch.fold_hashes()?;
        order.back(batch, session);
        Ok(())
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
            for (&h, &line) in b.hashes.iter().zip(&b.lines) {
                rows.see_row(h, line);
            }
            self.next += 1;
            self.free.push(b);
        }
    }
}

/// The start of a row hash.
const ROW_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds one field, given its hash (`sketch::hash64`), to a row hash.
#[inline]
fn row_step_hashed(h: u64, field_hash: u64) -> u64 {
    (h ^ field_hash).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
}

/// A record as the session reads it: `csv::StringRecord` from callers, and
/// `dq_encoding::TextRecord` from files (validated once as a whole).
trait Record {
    /// Field `j`, if the record has it.
    fn get(&self, j: usize) -> Option<&str>;
    /// The number of fields.
    fn len(&self) -> usize;
    /// The record's line, when known.
    fn line(&self) -> Option<u64>;
}

impl Record for csv::StringRecord {
    fn get(&self, j: usize) -> Option<&str> {
        csv::StringRecord::get(self, j)
    }
    fn len(&self) -> usize {
        csv::StringRecord::len(self)
    }
    fn line(&self) -> Option<u64> {
        self.position().map(csv::Position::line)
    }
}

impl Record for dq_encoding::TextRecord {
    fn get(&self, j: usize) -> Option<&str> {
        dq_encoding::TextRecord::get(self, j)
    }
    fn len(&self) -> usize {
        dq_encoding::TextRecord::len(self)
    }
    fn line(&self) -> Option<u64> {
        self.position().map(csv::Position::line)
    }
}

/// Records read by the reader thread, `len` of them filled.
struct Batch {
    records: Vec<dq_encoding::TextRecord>,
    len: usize,
    /// Its place in the file (0 for the first batch).
    seq: u64,
    /// The line of each record.
    lines: Vec<u64>,
    /// For each column, the raw hash of each row's cell there (left by its worker).
    raw: Vec<Mutex<Vec<u64>>>,
    /// The hash of each row, folded from `raw` by the reader.
    hashes: Vec<u64>,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            records: Vec::with_capacity(BATCH),
            len: 0,
            seq: 0,
            lines: Vec::new(),
            raw: Vec::new(),
            hashes: Vec::new(),
        }
    }

    /// Folds the row hashes from the cells' raw hashes, in column order, as
    /// [`Session::feed_batch`] does.
    fn fold_hashes(&mut self) -> Result<(), Error> {
        let records = self.records.get(..self.len).unwrap_or(&[]);
        self.hashes.clear();
        self.hashes.resize(records.len(), ROW_SEED);
        for (j, raw) in self.raw.iter_mut().enumerate() {
            let raw = raw.get_mut().map_err(|_| Error::thread())?;
            for ((h, rec), hf) in self.hashes.iter_mut().zip(records).zip(raw.iter()) {
                if j < rec.len() {
                    *h = row_step_hashed(*h, *hf);
                }
            }
        }
        for (h, rec) in self.hashes.iter_mut().zip(records) {
            *h ^= rec.len() as u64;
        }
        Ok(())
    }

    /// The records read into the batch.
    fn filled(&self) -> &[dq_encoding::TextRecord] {
        self.records.get(..self.len).unwrap_or(&[])
    }

    /// Reads up to `BATCH` records, reusing the buffers; true at the end of the input.
    fn fill<R: Read>(&mut self, src: &mut dq_encoding::CsvSource<R>) -> Result<bool, Error> {
        self.len = 0;
        while self.len < BATCH {
            if self.records.len() <= self.len {
                self.records.push(dq_encoding::TextRecord::new());
            }
            let Some(rec) = self.records.get_mut(self.len) else { return Ok(true) };
            if !src.read_text_record(rec)? {
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
    /// How the records were read, when the caller said so ([`Session::read_as`]).
    read: Option<ReadAs>,
    header: Vec<String>,
    columns: Vec<ColumnAccumulator>,
    rows: u64,
    ragged: u64,
    ragged_lines: Vec<u64>,
    hashes: HashSet<u64, IdentityBuild>,
    duplicates: u64,
    duplicates_exact: bool,
    dup_examples: Vec<Example>,
}

/// How a table was read: what [`TableProfile`] reports about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ReadAs {
    encoding: String,
    bom: bool,
    delimiter: String,
    quote: Option<String>,
    has_header: bool,
    header_row: usize,
}

impl Session {
    /// Says how the records fed to this session were read (encoding, byte order mark,
    /// dialect), for [`Session::finish`] to report. Without it, the profile reports only
    /// what the session saw: `UTF-8` text (records are Rust strings), no delimiter, no
    /// quote, a header, no title line.
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = b"nom;ville\nCaf\xe9;Lyon\n";
    /// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
    /// let header: Vec<String> = src.reader().headers()?.iter().map(str::to_owned).collect();
    /// let mut session = dq_profile::Profiler::new().session(&header);
    /// session.read_as(&src);
    /// for r in src.records() {
    ///     session.feed(&r?);
    /// }
    /// let t = session.finish();
    /// assert_eq!((t.encoding.as_str(), t.delimiter.as_str()), ("windows-1252", ";"));
    /// let bare = dq_profile::Profiler::new().session(&["a"]).finish();
    /// assert_eq!((bare.encoding.as_str(), bare.delimiter.as_str()), ("UTF-8", ""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_as<R: Read>(&mut self, source: &dq_encoding::CsvSource<R>) -> &mut Session {
        let dialect = source.dialect();
        let detection = source.detection();
        self.read = Some(ReadAs {
            encoding: source.encoding().unwrap_or(detection.encoding).name().to_owned(),
            bom: detection.bom,
            delimiter: char::from(dialect.delimiter).to_string(),
            quote: dialect.quote.map(|q| char::from(q).to_string()),
            has_header: dialect.has_header,
            header_row: dialect.header_row,
        });
        self
    }

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
                h = row_step_hashed(h, acc.push_hash(f, line));
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
        self.see_row(h ^ n as u64, line);
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
        for (i, (rec, h)) in records.iter().zip(hashes).enumerate() {
            let line = rec.position().map_or(first_row + i as u64 + 2, csv::Position::line);
            self.see_row(h, line);
        }
    }

    /// Profiles a batch of records, column by column, and leaves in `hashes` the hash of
    /// each row (for the duplicate count, which the caller keeps in row order).
    fn feed_batch<T: Record>(&mut self, records: &[T], hashes: &mut Vec<u64>) {
        let mut lines = Vec::with_capacity(records.len());
        // Rows first, in order: a longer row widens the table for the rows after it.
        let most = self.count_rows(records, &mut lines);
        self.widen(most);
        self.rows += records.len() as u64;
        hashes.clear();
        hashes.resize(records.len(), ROW_SEED);
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

    /// The row-level pass over a batch: counts its ragged rows and fills `lines` with the
    /// line of each record; returns the width of the table once the batch is read (the
    /// longest row's, if longer than the header). `rows` is left to the caller, which
    /// widens the table first.
    fn count_rows<T: Record>(&mut self, records: &[T], lines: &mut Vec<u64>) -> usize {
        let first_row = self.rows;
        lines.clear();
        lines.extend(
            records
                .iter()
                .enumerate()
                .map(|(i, rec)| rec.line().unwrap_or(first_row + i as u64 + 2)),
        );
        let mut width = self.header.len();
        for (rec, &line) in records.iter().zip(lines.iter()) {
            let n = rec.len();
            width = width.max(n);
            if n != width {
                self.ragged += 1;
                if self.ragged_lines.len() < RAGGED_LINES {
                    self.ragged_lines.push(line);
                }
            }
        }
        width
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
            let acc = self.empty_column(i);
            self.columns.push(acc);
        }
    }

    /// Names column `i` (0-based) in the header and returns its accumulator, with an
    /// empty cell for every row already fed.
    fn empty_column(&mut self, i: usize) -> ColumnAccumulator {
        let name = format!("column_{}", i + 1);
        let mut acc = ColumnAccumulator::new(i, &name, &self.cfg);
        for _ in 0..self.rows {
            acc.push("", 0);
        }
        self.header.push(name);
        acc
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
        let read = self.read.clone().unwrap_or_else(|| ReadAs {
            encoding: "UTF-8".to_owned(),
            bom: false,
            delimiter: String::new(),
            quote: None,
            has_header: true,
            header_row: 0,
        });
        TableProfile {
            path: None,
            encoding: read.encoding,
            bom: read.bom,
            delimiter: read.delimiter,
            quote: read.quote,
            has_header: read.has_header,
            header_row: read.header_row,
            title_lines: read.header_row,
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
    /// The encoding used to read it (its WHATWG name: `UTF-8`, `windows-1252`…).
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell that makes a worker panic (test builds only).
    pub(super) const PANIC_CELL: &str = "__dq_profile_test_panic__";

    fn table(rows: usize, panic_at: Option<usize>) -> String {
        let mut s = String::from("a;b;c\n");
        for i in 0..rows {
            let b = if Some(i) == panic_at { PANIC_CELL.to_owned() } else { format!("v{}", i % 7) };
            s.push_str(&format!("{i};{b};{}\n", i % 3));
        }
        s
    }

    #[test]
    fn panicking_worker_is_a_thread_error() {
        for threads in [2, 3] {
            for at in [0, 5_000, 9_999] {
                let mut p = Profiler::new();
                p.threads(threads);
                let err = p.profile_reader(table(10_000, Some(at)).as_bytes()).unwrap_err();
                assert_eq!(err.kind(), crate::ErrorKind::Thread, "{threads} threads, row {at}");
            }
        }
    }

    #[test]
    fn no_panic_without_the_cell() {
        let data = table(10_000, None);
        let mut p = Profiler::new();
        let two = p.threads(2).profile_reader(data.as_bytes()).unwrap();
        let one = p.threads(1).profile_reader(data.as_bytes()).unwrap();
        assert_eq!(one, two);
        assert_eq!(one.rows, 10_000);
    }
}
