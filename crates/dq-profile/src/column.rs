//! One column's streaming accumulator and its finished profile.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use dq_clean::plan::Evidence;

use crate::format::{self, Check, Format};
use crate::sketch::hash64;
use crate::sketch::{Distinct, Moments, Quantiles, TopK};
use crate::value::{self, Decimal};
use dq_clean::hash::IdentityBuild;

/// How many examples each finding keeps.
const EXAMPLES: usize = 3;
/// Values checked against every format before the hopeless ones are dropped.
const PRUNE_AFTER: u64 = 200;
/// Values after which the formats that fit fewer than half of them are dropped too: a
/// format is chosen only with a score of 0.9, that is at least 80 % of valid values.
const PRUNE_LATE: u64 = 10_000;

/// What a quality finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// Leading zeros lost by a spreadsheet (`1000` for `01000`).
    LeadingZerosLost,
    /// An identifier turned into Excel scientific notation (`5,52E+13`).
    ExcelScientific,
    /// Mojibake (`Ã©` for `é`).
    Mojibake,
    /// Spaces before or after the value.
    Untrimmed,
    /// Two spaces in a row inside the value.
    DoubledSpaces,
    /// Several conventions in one column (decimal comma and point, date formats).
    MixedConventions,
    /// Identifiers of the column's format that are invalid (checksum, unknown code).
    InvalidIdentifier,
    /// Commune codes that are no longer current.
    HistoricCommune,
    /// Postal codes in no public list of La Poste, of a département it serves (CEDEX,
    /// special or retired codes): kept as written, counted here.
    UnlistedPostalCode,
    /// Every value is the same.
    ConstantColumn,
    /// No value at all.
    EmptyColumn,
    /// Personal data: NIR, personal e-mail addresses, mobile phones.
    PersonalData,
    /// Rows whose number of fields differs from the header's.
    RaggedRows,
    /// Rows that are exact copies of an earlier row.
    DuplicateRows,
}

/// One example of a finding: the line and the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    /// The 1-based line of the record in the file (0 when unknown).
    pub line: u64,
    /// The offending value (or a summary for row-level findings).
    pub value: String,
}

/// A quality finding with its count and a few examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The column index, for column findings.
    pub column: Option<usize>,
    /// How many values or rows.
    pub count: u64,
    /// A French explanation.
    pub message: String,
    /// A few examples.
    pub examples: Vec<Example>,
}

/// A value and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopValue {
    /// The value.
    pub value: String,
    /// How many times it was seen: exact for the column's first 14 336 distinct values
    /// (its memo), otherwise the count a space-saving sketch guarantees, a lower bound
    /// (in a column of unique values, every value listed has the count 1).
    pub count: u64,
}

/// How well a format fits a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormatScore {
    /// The format.
    pub format: Format,
    /// The share of checked non-null values that matched (lost zeros included).
    pub share: f64,
    /// The score used to rank formats: the share, raised by a header hint.
    pub score: f64,
}

/// Quantiles of a numeric column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantileSummary {
    /// 5th percentile.
    pub p05: f64,
    /// First quartile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// Third quartile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// The finished profile of one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProfile {
    /// 0-based index.
    pub index: usize,
    /// The header name (`column_N` when the file has no header).
    pub name: String,
    /// Table Schema type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The semantic format (csv-detective's name).
    pub format: Format,
    /// The chosen format's score in `0..=1`.
    pub format_score: f64,
    /// The share of non-null values matching the chosen format.
    pub format_share: f64,
    /// Every format that matched at least half of the values.
    pub format_scores: Vec<FormatScore>,
    /// Values seen (nulls included).
    pub count: u64,
    /// Null values.
    pub nulls: u64,
    /// The null tokens seen, with their counts (`""` for empty cells).
    pub null_tokens: BTreeMap<String, u64>,
    /// Distinct non-null values.
    pub distinct: u64,
    /// Whether [`ColumnProfile::distinct`] is a HyperLogLog estimate.
    pub distinct_is_estimate: bool,
    /// Its relative standard error (0 when exact).
    pub distinct_error: f64,
    /// The minimum in the column's type (numbers by value, dates by date, text by code point).
    pub min: Option<String>,
    /// The maximum in the column's type.
    pub max: Option<String>,
    /// Mean of the numbers.
    pub mean: Option<f64>,
    /// Standard deviation of the numbers.
    pub stddev: Option<f64>,
    /// Quantiles of the numbers.
    pub quantiles: Option<QuantileSummary>,
    /// Shortest value in characters.
    pub min_length: Option<usize>,
    /// Longest value in characters.
    pub max_length: Option<usize>,
    /// The most frequent values.
    pub top: Vec<TopValue>,
    /// A few distinct example values.
    pub examples: Vec<String>,
    /// The date format (`%d/%m/%Y`), for dates.
    pub date_format: Option<String>,
    /// The decimal separator of numbers (`,` or `.`).
    pub decimal_char: Option<String>,
    /// The boolean pair: the most frequent spellings of true and false (`oui/non`).
    pub boolean_pair: Option<String>,
    /// Every spelling of true seen in a boolean column, most frequent first (`Oui`, `O`,
    /// `1`…); Table Schema's `trueValues`.
    pub true_values: Vec<String>,
    /// Every spelling of false seen in a boolean column, most frequent first.
    pub false_values: Vec<String>,
    /// Whether the column holds codes (zero-padded, letters and digits, or named a code by
    /// its header): typed `string`, never rewritten as numbers.
    #[serde(default)]
    pub code: bool,
    /// A Table Schema pattern of the code column's values (`^[0-9]{5}$`).
    #[serde(default)]
    pub pattern: Option<String>,
    /// What decided the format: the values, the header, both, or nothing.
    #[serde(default)]
    pub decided_by: Evidence,
    /// Quality findings of this column.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Counter {
    count: u64,
    examples: Vec<Example>,
}

impl Counter {
    fn add(&mut self, line: u64, v: &str) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(Example { line, value: v.to_owned() });
        }
    }
    fn merge(&mut self, o: &Counter) {
        self.count += o.count;
        for e in &o.examples {
            if self.examples.len() < EXAMPLES {
                self.examples.push(e.clone());
            }
        }
    }
}

/// One way a boolean column writes true or false (`Oui`, `O`, `1`), with its count.
#[derive(Debug, Clone, Default, PartialEq)]
struct Spelling {
    truth: bool,
    seen: Counter,
}

/// Boolean spellings kept per column (dq-clean reads a few words in any case).
const BOOL_SPELLINGS: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct FormatTally {
    checked: u64,
    valid: u64,
    lost_zero: Counter,
    invalid: Counter,
    historic: Counter,
    alive: bool,
}

impl FormatTally {
    /// The values that fit the format: valid, repaired, historic. Postal codes in no
    /// public list (CEDEX…) fit only a column whose header names postal codes: five digits
    /// of a served département are also what every commune code looks like.
    fn good(&self, format: Format, postal_named: bool) -> u64 {
        let historic =
            if format == Format::CodePostal && !postal_named { 0 } else { self.historic.count };
        self.valid + self.lost_zero.count + historic
    }
}

/// The streaming accumulator of one column. Pure: values in, a [`ColumnProfile`] out;
/// mergeable, so that chunks of a file can be profiled apart.
///
/// # Example
///
/// ```
/// let mut acc = dq_profile::ColumnAccumulator::new(0, "code_postal", &dq_profile::Profiler::new());
/// for (line, v) in ["75001", "1000", "NC", "69003"].iter().enumerate() {
///     acc.push(*v, line as u64 + 2);
/// }
/// let p = acc.finish();
/// assert_eq!(p.format.name(), "code_postal");
/// assert_eq!(p.nulls, 1);
/// ```
#[derive(Debug, Clone)]
pub struct ColumnAccumulator {
    index: usize,
    name: String,
    nulls_cfg: std::sync::Arc<dq_clean::null::Nulls>,
    top_n: usize,
    count: u64,
    null_total: u64,
    nulls: BTreeMap<String, u64>,
    distinct: Distinct,
    top: TopK,
    examples: Vec<String>,
    min_len: Option<usize>,
    max_len: Option<usize>,
    min_str: Option<String>,
    max_str: Option<String>,
    numbers: u64,
    integers: u64,
    num_min: Option<f64>,
    num_max: Option<f64>,
    moments: Moments,
    quantiles: Quantiles,
    /// Numbers by decimal separator (`,` or `.`).
    decimals: BTreeMap<&'static str, Counter>,
    /// Numbers written with a currency (`41 018 €`), and without.
    currency: Counter,
    plain: Counter,
    /// Dates by pattern (`%d/%m/%Y`, `datetime`, `other`).
    dates: BTreeMap<&'static str, Counter>,
    date_min: Option<String>,
    date_max: Option<String>,
    date_min_s: Option<String>,
    date_max_s: Option<String>,
    /// Boolean values by spelling (at most `BOOL_SPELLINGS`).
    bools: BTreeMap<String, Spelling>,
    /// Every tested format with its tally, in `Format` order.
    formats: Vec<(Format, FormatTally)>,
    /// The indices in `formats` of the formats still alive.
    alive: Vec<usize>,
    /// What the alive formats still need read from each value.
    needs: Needs,
    /// What was read from the first distinct values, found by the value's 64-bit hash
    /// (bounded to `MEMO` entries). Two values with the same hash would share their
    /// readings: about 2⁻⁶⁴ per pair, as for the duplicate rows.
    /// The readings are stored next to their hash, so that a hit costs one cache miss.
    memo: HashMap<u64, Facts, IdentityBuild>,
    /// The memo's values, by [`Facts::id`]: their exact counts (the top values of
    /// low-cardinality columns come from here) and their text, spans of `memo_text`.
    memo_counts: Vec<u64>,
    memo_spans: Vec<(u32, u32)>,
    memo_text: String,
    /// How many occurrences of each memo value the tallies hold: the others, repeats
    /// counted since, are added by [`ColumnAccumulator::flush`]; `pending` says whether
    /// there may be any.
    memo_tallied: Vec<u64>,
    pending: bool,
    /// Whether [`ColumnAccumulator::prune_late`] ran.
    pruned_late: bool,
    /// Lookups and hits since the memo filled up; it is dropped when it rarely hits.
    memo_lookups: u64,
    memo_hits: u64,
    memo_off: bool,
    /// The reading of a value that did not fit in the memo (its buffers are reused).
    scratch: Facts,
    /// Buffers of [`ColumnAccumulator::push_cells`], kept between calls.
    bufs: Buffers,
    excel: Counter,
    mojibake: Counter,
    untrimmed: Counter,
    /// Integers written with leading zeros (`00016`, `0108`): codes, not counts.
    lead_zero: Counter,
    /// Letters-and-digits codes (`2B14`, `59L`, `46Z22999`).
    alnum_code: Counter,
    /// Short capital-letter codes (`S`, `ZZ`, `ABC`).
    letters_code: Counter,
    doubled: Counter,
    personal: Counter,
}

/// Values whose readings each column memoizes: low-cardinality columns (postal codes,
/// communes, NAF codes, dates, booleans) then read each distinct value once. 7/8 of a
/// power of two: the most a table of 16 384 entries (64 bytes each, 1 MiB) holds before
/// it doubles.
const MEMO: usize = 14_336;

/// Cells read per pass in [`ColumnAccumulator::push_cells`].
const CHUNK: usize = 256;

/// The longest value the memo keeps (longer ones are read each time; they rarely repeat).
const MEMO_TEXT: usize = 256;

/// Which readings of a value the alive formats and the finished profile still use.
#[derive(Debug, Clone, Copy, Default)]
struct Needs {
    /// Numbers: numeric formats, money, percent, year, and sexe (`1`/`2` are numbers).
    numbers: bool,
    /// Dates and date-times: the date formats.
    dates: bool,
    /// Booleans: `bool` and `sexe`.
    bools: bool,
    /// The slot of `email` while alive.
    email: Option<usize>,
    /// Whether `tel_fr` is alive.
    phone: bool,
}

/// What is read from one trimmed value, independent of its line: memoized per column.
#[derive(Debug, Clone, Default)]
struct Facts {
    /// The value's place among the memo's values (set when it enters the memo).
    id: u32,
    null: bool,
    doubled: bool,
    mojibake: bool,
    excel: bool,
    chars: u32,
    num: Option<value::Num>,
    /// Boxed: dates are rare among columns, and the memo's entries stay small.
    when: Option<Box<(String, &'static str)>>,
    boolean: Option<bool>,
    personal_email: bool,
    mobile: bool,
    /// What the value's shape says about codes.
    shape: CodeShape,
    /// A number whose one separator may be decimal or thousands (`1.234`).
    ambiguous_separator: bool,
    /// The verdict of each format slot (those alive when the value was read).
    checks: Verdicts,
}

/// What [`ColumnAccumulator::push_cells`] computes for a chunk before reading it, in
/// buffers reused from call to call (a cell pushed alone allocates nothing).
#[derive(Debug, Clone, Default)]
struct Buffers {
    /// The hash of each trimmed cell.
    keys: Vec<u64>,
    /// The byte range of each trimmed cell in its raw cell.
    trims: Vec<std::ops::Range<usize>>,
    /// Each memo hit's id and whether it is a null.
    hits: Vec<Option<(u32, bool)>>,
    /// The raw hash of a cell pushed alone.
    one: Vec<u64>,
}

/// One [`Check`] per format slot, 3 bits each, 21 slots per word (words rather than
/// `u128`s, whose 16-byte alignment would pad the memo's entries).
#[derive(Debug, Clone, Copy, Default)]
struct Verdicts([u64; 4]);

// Every format fits: the slots are distinct formats.
const _: () = assert!(format::CATALOGUE.len() <= 84);

/// The word and bit shift of each slot of [`Verdicts`], looked up rather than divided
/// for (the division by 21 cost a tenth of the profile's time).
const SLOTS: [(u8, u8); 84] = {
    let mut slots = [(0, 0); 84];
    let mut i = 0;
    while i < 84 {
        // In bounds: `i < 84`, checked at compile time.
        #[allow(clippy::indexing_slicing)]
        {
            slots[i] = ((i / 21) as u8, (3 * (i % 21)) as u8);
        }
        i += 1;
    }
    slots
};

impl Verdicts {
    fn get(self, i: usize) -> Check {
        let Some(&(word, shift)) = SLOTS.get(i) else { return Check::No };
        let bits = self.0.get(usize::from(word)).map_or(0, |w| (w >> shift) & 0b111);
        match bits {
            1 => Check::Valid,
            2 => Check::LostZero,
            3 => Check::Invalid,
            4 => Check::Historic,
            _ => Check::No,
        }
    }

    fn set(&mut self, i: usize, c: Check) {
        let bits: u64 = match c {
            Check::Valid => 1,
            Check::LostZero => 2,
            Check::Invalid => 3,
            Check::Historic => 4,
            Check::No => 0,
        };
        let Some(&(word, shift)) = SLOTS.get(i) else { return };
        if let Some(w) = self.0.get_mut(usize::from(word)) {
            *w = (*w & !(0b111 << shift)) | (bits << shift);
        }
    }
}

impl ColumnAccumulator {
    /// A new accumulator for column `index` named `name`, configured by `profiler`.
    pub fn new(index: usize, name: &str, profiler: &crate::Profiler) -> ColumnAccumulator {
        let mut fs: Vec<Format> = profiler.formats.clone();
        fs.sort();
        fs.dedup();
        let formats: Vec<(Format, FormatTally)> = fs
            .into_iter()
            .map(|f| (f, FormatTally { alive: true, ..FormatTally::default() }))
            .collect();
        let mut acc = ColumnAccumulator {
            index,
            name: name.to_owned(),
            nulls_cfg: profiler.nulls.clone(),
            top_n: profiler.top,
            count: 0,
            null_total: 0,
            nulls: BTreeMap::new(),
            distinct: Distinct::new(profiler.distinct_bound),
            top: TopK::new(profiler.top.saturating_mul(8).max(64)),
            examples: Vec::new(),
            min_len: None,
            max_len: None,
            min_str: None,
            max_str: None,
            numbers: 0,
            integers: 0,
            num_min: None,
            num_max: None,
            moments: Moments::default(),
            quantiles: Quantiles::default(),
            decimals: BTreeMap::new(),
            currency: Counter::default(),
            plain: Counter::default(),
            dates: BTreeMap::new(),
            date_min: None,
            date_max: None,
            date_min_s: None,
            date_max_s: None,
            bools: BTreeMap::new(),
            alive: (0..formats.len()).collect(),
            formats,
            needs: Needs::default(),
            memo: HashMap::default(),
            memo_counts: Vec::new(),
            memo_spans: Vec::new(),
            memo_text: String::new(),
            memo_tallied: Vec::new(),
            pending: false,
            pruned_late: false,
            memo_lookups: 0,
            memo_hits: 0,
            memo_off: false,
            scratch: Facts::default(),
            bufs: Buffers::default(),
            excel: Counter::default(),
            mojibake: Counter::default(),
            untrimmed: Counter::default(),
            lead_zero: Counter::default(),
            alnum_code: Counter::default(),
            letters_code: Counter::default(),
            doubled: Counter::default(),
            personal: Counter::default(),
        };
        acc.update_needs();
        acc
    }

    /// Recomputes the alive slots and what they need, after pruning or a merge.
    fn update_needs(&mut self) {
        self.alive = (0..self.formats.len())
            .filter(|&i| self.formats.get(i).is_some_and(|(_, t)| t.alive))
            .collect();
        let alive = |f: Format| self.formats.iter().any(|(g, t)| *g == f && t.alive);
        self.needs = Needs {
            numbers: [
                Format::Int,
                Format::Float,
                Format::LatitudeWgs,
                Format::LongitudeWgs,
                Format::LatitudeWgsFrMetropole,
                Format::LongitudeWgsFrMetropole,
                Format::Year,
                Format::Money,
                Format::Percent,
                Format::Sexe,
            ]
            .into_iter()
            .any(alive),
            dates: [Format::Date, Format::DatetimeAware, Format::DatetimeNaive]
                .into_iter()
                .any(alive),
            bools: alive(Format::Bool) || alive(Format::Sexe),
            email: self.formats.iter().position(|(f, t)| *f == Format::Email && t.alive),
            phone: alive(Format::TelFr),
        };
    }

    fn tally(&self, f: Format) -> Option<&FormatTally> {
        self.formats.iter().find(|(g, _)| *g == f).map(|(_, t)| t)
    }

    /// The number of values pushed.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Reads a trimmed value into `f` (what the alive formats need, nothing more).
    fn read(&self, v: &str, f: &mut Facts) {
        f.null = self.nulls_cfg.is_null(v);
        f.checks = Verdicts::default();
        if f.null {
            return;
        }
        let ascii = v.is_ascii();
        f.doubled = v.contains("  ");
        f.mojibake = !ascii && dq_encoding::mojibake::repair(v).is_changed();
        f.excel = is_excel_scientific(v);
        let chars = if ascii { v.len() } else { v.chars().count() };
        f.chars = u32::try_from(chars).unwrap_or(u32::MAX);
        f.boolean = if self.needs.bools { value::parse_bool(v) } else { None };
        let mut probe = format::Probe::new(v);
        f.num = if self.needs.numbers { probe.num() } else { None };
        for &i in &self.alive {
            if let Some((fmt, _)) = self.formats.get(i) {
                f.checks.set(i, fmt.check_in(&mut probe));
            }
        }
        f.personal_email = self
            .needs
            .email
            .is_some_and(|i| f.checks.get(i) == Check::Valid && format::is_personal_email(v));
        f.mobile = self.needs.phone && probe.mobile();
        f.when = if self.needs.dates { probe.into_when().map(Box::new) } else { None };
        f.shape = code_shape(v);
        f.ambiguous_separator = f.num.is_some() && ambiguous_separator(v);
    }

    /// Adds one raw cell found on `line`.
    pub fn push(&mut self, raw: &str, line: u64) {
        self.push_hash(raw, line);
    }

    /// [`ColumnAccumulator::push`], returning the hash of the raw cell (for row hashes).
    pub(crate) fn push_hash(&mut self, raw: &str, line: u64) -> u64 {
        let mut h = std::mem::take(&mut self.bufs.one);
        self.push_cells(&[Some(raw)], &[line], &mut h);
        let out = h.first().copied().unwrap_or(0);
        self.bufs.one = h;
        out
    }

    /// Adds a batch of this column's cells (`None`: the row is too short to have one),
    /// found on `lines`, as [`ColumnAccumulator::push`] would one by one, and leaves in
    /// `raw_hashes` the hash of each raw cell. The memo is looked up for the whole batch
    /// before any value is applied, so that its cache misses overlap rather than wait
    /// one after the other.
    pub(crate) fn push_cells(
        &mut self,
        cells: &[Option<&str>],
        lines: &[u64],
        raw_hashes: &mut Vec<u64>,
    ) {
        raw_hashes.clear();
        // Chunks whose cells stay in the first-level cache between the passes.
        for start in (0..cells.len()).step_by(CHUNK) {
            let end = (start + CHUNK).min(cells.len());
            let chunk = cells.get(start..end).unwrap_or(&[]);
            self.push_chunk(chunk, lines.get(start..end).unwrap_or(&[]), raw_hashes);
            if !self.pruned_late && self.count - self.null_total >= PRUNE_LATE {
                self.prune_late();
            }
        }
    }

    /// Drops the formats alive after [`PRUNE_LATE`] values that fit fewer than half of
    /// them (a commune-code check in a postal-code column): they can no longer be
    /// chosen, and checking them costs.
    fn prune_late(&mut self) {
        self.flush_own();
        self.pruned_late = true;
        let mut pruned = false;
        let postal_named = Format::CodePostal.hinted_by(&self.name);
        for (f, t) in &mut self.formats {
            let good = t.good(*f, postal_named);
            if t.alive && *f != Format::String && t.checked > 0 && 2 * good < t.checked {
                t.alive = false;
                pruned = true;
            }
        }
        if pruned {
            self.update_needs();
        }
    }

    /// [`ColumnAccumulator::push_cells`] for one chunk, its raw hashes appended: the
    /// cells are hashed, then looked up in the memo, then read.
    fn push_chunk(&mut self, cells: &[Option<&str>], lines: &[u64], raw_hashes: &mut Vec<u64>) {
        let mut b = std::mem::take(&mut self.bufs);
        b.keys.clear();
        b.trims.clear();
        for c in cells {
            let raw = c.unwrap_or("");
            let h_raw = hash64(raw);
            let r = trim_range(raw);
            raw_hashes.push(h_raw);
            let key = match raw.get(r.clone()) {
                Some(v) if v.len() != raw.len() => hash64(v),
                _ => h_raw,
            };
            b.keys.push(key);
            b.trims.push(r);
        }
        let memo = std::mem::take(&mut self.memo);
        // Each hit's id and whether it is a null, read while its entry is in cache.
        b.hits.clear();
        if !self.memo_off {
            b.hits.extend(b.keys.iter().map(|h| memo.get(h).map(|f| (f.id, f.null))));
        }
        // Values first read in this chunk: the memo's new entries.
        let mut fresh: HashMap<u64, Facts, IdentityBuild> = HashMap::default();
        let mut scratch = std::mem::take(&mut self.scratch);
        for (i, ((c, &h), r)) in cells.iter().zip(&b.keys).zip(&b.trims).enumerate() {
            self.count += 1;
            let raw = c.unwrap_or("");
            let v = raw.get(r.clone()).unwrap_or("");
            let line = lines.get(i).copied().unwrap_or(0);
            let mut hit = None;
            if !self.memo_off {
                if memo.len() + fresh.len() >= MEMO {
                    // A full memo that serves fewer than one value in ten costs more than
                    // it saves (a high-cardinality column: SIRET, amounts, names): drop it.
                    self.memo_lookups += 1;
                    if self.memo_lookups >= 4 * MEMO as u64
                        && self.memo_hits * 10 < self.memo_lookups
                    {
                        self.drop_memo(&memo, &fresh);
                    }
                }
                if !self.memo_off {
                    hit = b
                        .hits
                        .get(i)
                        .copied()
                        .flatten()
                        .or_else(|| fresh.get(&h).map(|f| (f.id, f.null)));
                    if hit.is_some() && self.memo_lookups > 0 {
                        self.memo_hits += 1;
                    }
                }
            }
            match hit {
                Some((id, false)) if self.count - self.null_total > PRUNE_AFTER => {
                    // Formats are pruned: a repeat is counted, its tallies added at the
                    // next flush.
                    if let Some(n) = self.memo_counts.get_mut(id as usize) {
                        *n += 1;
                        self.pending = true;
                    }
                    if v.len() != raw.len() {
                        self.untrimmed.add(line, raw);
                    }
                }
                Some(_) => {
                    // A value in the memo was seen before: the exact distinct set has it.
                    if let Some(f) = memo.get(&h).or_else(|| fresh.get(&h)) {
                        let counted = self.count_memo(f);
                        self.apply(raw, v, h, true, counted, line, f);
                    }
                }
                None => {
                    self.read(v, &mut scratch);
                    let room = memo.len() + fresh.len() < MEMO && v.len() <= MEMO_TEXT;
                    if !self.memo_off && room {
                        scratch.id = self.enter_memo(v);
                        let counted = self.count_memo(&scratch);
                        self.apply(raw, v, h, false, counted, line, &scratch);
                        fresh.insert(h, scratch.clone());
                    } else {
                        self.apply(raw, v, h, false, false, line, &scratch);
                    }
                }
            }
        }
        self.scratch = scratch;
        self.bufs = b;
        if !self.memo_off {
            let mut memo = memo;
            memo.extend(fresh);
            self.memo = memo;
        }
    }

    /// Counts one occurrence of a memo value (not of a null) that is tallied at once:
    /// true when counted.
    fn count_memo(&mut self, f: &Facts) -> bool {
        if f.null {
            return false;
        }
        let i = f.id as usize;
        match (self.memo_counts.get_mut(i), self.memo_tallied.get_mut(i)) {
            (Some(n), Some(t)) => {
                *n += 1;
                *t += 1;
                true
            }
            _ => false,
        }
    }

    /// Gives `v` its place among the memo's values.
    fn enter_memo(&mut self, v: &str) -> u32 {
        let id = u32::try_from(self.memo_spans.len()).unwrap_or(u32::MAX);
        let start = u32::try_from(self.memo_text.len()).unwrap_or(u32::MAX);
        self.memo_text.push_str(v);
        let end = u32::try_from(self.memo_text.len()).unwrap_or(u32::MAX);
        self.memo_spans.push((start, end));
        self.memo_counts.push(0);
        self.memo_tallied.push(0);
        id
    }

    /// The memo's values with their counts.
    fn memo_values(&self) -> impl Iterator<Item = (&str, u64)> {
        self.memo_spans
            .iter()
            .zip(&self.memo_counts)
            .filter_map(|(&(a, b), &n)| Some((self.memo_text.get(a as usize..b as usize)?, n)))
    }

    /// Drops the memo for good (`memo` and `fresh` hold its entries while a batch is
    /// read): its pending repeats are tallied and its counts go to the top-k sketch.
    fn drop_memo(
        &mut self,
        memo: &HashMap<u64, Facts, IdentityBuild>,
        fresh: &HashMap<u64, Facts, IdentityBuild>,
    ) {
        self.flush(memo.values().chain(fresh.values()));
        self.memo_off = true;
        self.memo = HashMap::default();
        let mut top = std::mem::replace(&mut self.top, TopK::new(1));
        for (v, n) in self.memo_values().filter(|&(_, n)| n > 0) {
            top.add(v, hash64(v), n, 0);
        }
        self.top = top;
        self.memo_counts = Vec::new();
        self.memo_spans = Vec::new();
        self.memo_text = String::new();
        self.memo_tallied = Vec::new();
    }

    /// Tallies the pending repeats of the memo values read as `facts`.
    fn flush<'a>(&mut self, facts: impl Iterator<Item = &'a Facts>) {
        if !self.pending {
            return;
        }
        let text = std::mem::take(&mut self.memo_text);
        for f in facts {
            let i = f.id as usize;
            let Some((&n, t)) = self.memo_counts.get(i).zip(self.memo_tallied.get_mut(i)) else {
                continue;
            };
            let c = n - *t;
            *t = n;
            let v = self
                .memo_spans
                .get(i)
                .and_then(|&(a, b)| text.get(a as usize..b as usize))
                .unwrap_or("");
            self.apply_repeats(v, f, c);
        }
        self.memo_text = text;
        self.pending = false;
    }

    /// [`ColumnAccumulator::flush`] with the accumulator's own memo.
    fn flush_own(&mut self) {
        let memo = std::mem::take(&mut self.memo);
        self.flush(memo.values());
        self.memo = memo;
    }

    /// Adds `c` more occurrences of a memo value `v` read as `facts`, once the formats are
    /// pruned: the counts [`ColumnAccumulator::apply`] would add, in one step. Examples
    /// stay those of first occurrences; what is the same for every occurrence (distinct
    /// values, minimum and maximum, lengths, first and last dates) is already weighed.
    fn apply_repeats(&mut self, v: &str, facts: &Facts, c: u64) {
        if c == 0 || facts.null {
            return;
        }
        if facts.doubled {
            self.doubled.count += c;
        }
        if facts.mojibake {
            self.mojibake.count += c;
        }
        if facts.excel {
            self.excel.count += c;
        }
        match facts.shape {
            CodeShape::LeadZero => self.lead_zero.count += c,
            CodeShape::Alnum => self.alnum_code.count += c,
            CodeShape::Letters => self.letters_code.count += c,
            CodeShape::None => {}
        }
        if let Some(n) = facts.num {
            self.numbers += c;
            if n.integral {
                self.integers += c;
            }
            if let Some(d) = decimal_key(n.decimal).filter(|_| !facts.ambiguous_separator) {
                self.decimals.entry(d).or_default().count += c;
            }
            if n.currency {
                self.currency.count += c;
            } else {
                self.plain.count += c;
            }
            self.moments.push_weighted(n.value, c);
            self.quantiles.push_weighted(n.value, c);
        }
        if let Some((_, fmt)) = facts.when.as_deref() {
            self.dates.entry(fmt).or_default().count += c;
        }
        if facts.boolean.is_some() {
            if let Some(sp) = self.bools.get_mut(v) {
                sp.seen.count += c;
            }
        }
        for &i in &self.alive {
            let verdict = facts.checks.get(i);
            let Some((f, t)) = self.formats.get_mut(i) else { continue };
            t.checked += c;
            if *f == Format::Nir && verdict == Check::Valid {
                self.personal.count += c;
            }
            match verdict {
                Check::Valid => t.valid += c,
                Check::LostZero => t.lost_zero.count += c,
                Check::Invalid => t.invalid.count += c,
                Check::Historic => t.historic.count += c,
                Check::No => {}
            }
        }
        if facts.personal_email && self.needs.email.is_some() {
            self.personal.count += c;
        }
        if facts.mobile && self.needs.phone {
            self.personal.count += c;
        }
    }

    /// Adds one value read as `facts`; `seen` when it was seen before (a memo hit),
    /// `counted` when the memo counts its occurrences (then the top-k does not).
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        raw: &str,
        v: &str,
        h: u64,
        seen: bool,
        counted: bool,
        line: u64,
        facts: &Facts,
    ) {
        if facts.null {
            self.null_total += 1;
            match self.nulls.get_mut(v) {
                Some(n) => *n += 1,
                None => {
                    self.nulls.insert(v.to_owned(), 1);
                }
            }
            return;
        }
        if v.len() != raw.len() {
            self.untrimmed.add(line, raw);
        }
        if facts.doubled {
            self.doubled.add(line, raw);
        }
        if facts.mojibake {
            self.mojibake.add(line, v);
        }
        if facts.excel {
            self.excel.add(line, v);
        }
        match facts.shape {
            CodeShape::LeadZero => self.lead_zero.add(line, v),
            CodeShape::Alnum => self.alnum_code.add(line, v),
            CodeShape::Letters => self.letters_code.add(line, v),
            CodeShape::None => {}
        }
        self.distinct.push_hashed(v, h, seen);
        if !counted {
            self.top.push_hashed(v, h);
        }
        // A value seen before (served by the memo) was already weighed as an example,
        // for its length and against the minimum and maximum.
        if !seen {
            if self.examples.len() < 5 && !self.examples.iter().any(|e| e == v) {
                self.examples.push(v.to_owned());
            }
            let len = facts.chars as usize;
            self.min_len = Some(self.min_len.map_or(len, |m| m.min(len)));
            self.max_len = Some(self.max_len.map_or(len, |m| m.max(len)));
            if self.min_str.as_deref().map_or(true, |m| before(v, m)) {
                set(&mut self.min_str, v);
            }
            if self.max_str.as_deref().map_or(true, |m| before(m, v)) {
                set(&mut self.max_str, v);
            }
        }
        if let Some(n) = facts.num {
            self.numbers += 1;
            if n.integral {
                self.integers += 1;
            }
            if let Some(d) = decimal_key(n.decimal).filter(|_| !facts.ambiguous_separator) {
                self.decimals.entry(d).or_default().add(line, v);
            }
            if n.currency {
                self.currency.add(line, v);
            } else {
                self.plain.add(line, v);
            }
            self.num_min = Some(self.num_min.map_or(n.value, |m| m.min(n.value)));
            self.num_max = Some(self.num_max.map_or(n.value, |m| m.max(n.value)));
            self.moments.push(n.value);
            self.quantiles.push(n.value);
        }
        if let Some((iso, fmt)) = facts.when.as_deref() {
            self.dates.entry(fmt).or_default().add(line, v);
            // A value seen before was already weighed against the first and last dates.
            if !seen && self.date_min.as_deref().map_or(true, |m| iso.as_str() < m) {
                set(&mut self.date_min, iso);
                set(&mut self.date_min_s, v);
            }
            if !seen && self.date_max.as_deref().map_or(true, |m| iso.as_str() > m) {
                set(&mut self.date_max, iso);
                set(&mut self.date_max_s, v);
            }
        }
        if let Some(truth) = facts.boolean {
            let room = self.bools.len() < BOOL_SPELLINGS;
            match self.bools.get_mut(v) {
                Some(sp) => sp.seen.add(line, v),
                None if room => {
                    let mut sp = Spelling { truth, seen: Counter::default() };
                    sp.seen.add(line, v);
                    self.bools.insert(v.to_owned(), sp);
                }
                None => {}
            }
        }
        let non_null = self.count - self.null_total;
        let mut pruned = false;
        for &i in &self.alive {
            let verdict = facts.checks.get(i);
            let Some((f, t)) = self.formats.get_mut(i) else { continue };
            t.checked += 1;
            if *f == Format::Nir && verdict == Check::Valid {
                self.personal.add(line, v);
            }
            match verdict {
                Check::Valid => t.valid += 1,
                Check::LostZero => t.lost_zero.add(line, v),
                Check::Invalid => t.invalid.add(line, v),
                Check::Historic => t.historic.add(line, v),
                Check::No => {}
            }
            if non_null == PRUNE_AFTER && *f != Format::String {
                let shape = t.valid + t.lost_zero.count + t.invalid.count + t.historic.count;
                if (shape as f64) < 0.5 * t.checked as f64 {
                    t.alive = false;
                    pruned = true;
                }
            }
        }
        if pruned {
            self.update_needs();
        }
        if facts.personal_email && self.needs.email.is_some() {
            self.personal.add(line, v);
        }
        if facts.mobile && self.needs.phone {
            self.personal.add(line, v);
        }
    }

    fn null_count(&self) -> u64 {
        self.null_total
    }

    /// Merges the accumulator of a later chunk of the same column.
    pub fn merge(&mut self, o: &ColumnAccumulator) {
        self.flush_own();
        if o.pending {
            let mut o = o.clone();
            o.flush_own();
            return self.merge_flushed(&o);
        }
        self.merge_flushed(o);
    }

    /// [`ColumnAccumulator::merge`] once neither side has pending repeats.
    fn merge_flushed(&mut self, o: &ColumnAccumulator) {
        self.count += o.count;
        self.null_total += o.null_total;
        for (k, v) in &o.nulls {
            *self.nulls.entry(k.clone()).or_insert(0) += v;
        }
        self.distinct.merge(&o.distinct);
        self.top.merge(&o.top);
        // The other side's memo counts: onto the same value in this memo, into this memo
        // while it has room, or else into the top-k sketch.
        for (v, n) in o.memo_values().filter(|&(_, n)| n > 0) {
            let h = hash64(v);
            let id = match self.memo.get(&h) {
                Some(f) => Some(f.id),
                None if !self.memo_off && self.memo.len() < MEMO => match o.memo.get(&h) {
                    Some(f) => {
                        let mut f = f.clone();
                        f.id = self.enter_memo(v);
                        let id = f.id;
                        self.memo.insert(h, f);
                        Some(id)
                    }
                    None => None,
                },
                None => None,
            };
            // `o` is flushed: its tallies, merged apart, hold these occurrences.
            let i = id.map(|id| id as usize);
            match i.and_then(|i| self.memo_counts.get_mut(i).zip(self.memo_tallied.get_mut(i))) {
                Some((c, t)) => {
                    *c += n;
                    *t += n;
                }
                None => self.top.add(v, h, n, 0),
            }
        }
        for e in &o.examples {
            if self.examples.len() < 5 && !self.examples.contains(e) {
                self.examples.push(e.clone());
            }
        }
        self.min_len = opt(self.min_len, o.min_len, usize::min);
        self.max_len = opt(self.max_len, o.max_len, usize::max);
        if let Some(m) = &o.min_str {
            if self.min_str.as_ref().map_or(true, |s| m < s) {
                self.min_str = Some(m.clone());
            }
        }
        if let Some(m) = &o.max_str {
            if self.max_str.as_ref().map_or(true, |s| m > s) {
                self.max_str = Some(m.clone());
            }
        }
        self.numbers += o.numbers;
        self.integers += o.integers;
        self.num_min = opt(self.num_min, o.num_min, f64::min);
        self.num_max = opt(self.num_max, o.num_max, f64::max);
        self.moments.merge(&o.moments);
        self.quantiles.merge(&o.quantiles);
        for (k, v) in &o.decimals {
            self.decimals.entry(k).or_default().merge(v);
        }
        self.currency.merge(&o.currency);
        self.plain.merge(&o.plain);
        for (k, v) in &o.dates {
            self.dates.entry(k).or_default().merge(v);
        }
        for (k, v) in &o.bools {
            let room = self.bools.len() < BOOL_SPELLINGS;
            match self.bools.get_mut(k) {
                Some(sp) => sp.seen.merge(&v.seen),
                None if room => {
                    self.bools.insert(k.clone(), v.clone());
                }
                None => {}
            }
        }
        if let Some(d) = &o.date_min {
            if self.date_min.as_ref().map_or(true, |m| d < m) {
                self.date_min = Some(d.clone());
                self.date_min_s.clone_from(&o.date_min_s);
            }
        }
        if let Some(d) = &o.date_max {
            if self.date_max.as_ref().map_or(true, |m| d > m) {
                self.date_max = Some(d.clone());
                self.date_max_s.clone_from(&o.date_max_s);
            }
        }
        for (f, t) in &o.formats {
            if let Some((_, s)) = self.formats.iter_mut().find(|(g, _)| g == f) {
                s.checked += t.checked;
                s.valid += t.valid;
                s.lost_zero.merge(&t.lost_zero);
                s.invalid.merge(&t.invalid);
                s.historic.merge(&t.historic);
                s.alive = s.alive && t.alive;
            }
        }
        self.excel.merge(&o.excel);
        self.mojibake.merge(&o.mojibake);
        self.untrimmed.merge(&o.untrimmed);
        self.lead_zero.merge(&o.lead_zero);
        self.alnum_code.merge(&o.alnum_code);
        self.letters_code.merge(&o.letters_code);
        self.doubled.merge(&o.doubled);
        self.personal.merge(&o.personal);
        self.update_needs();
    }

    fn choose(&self) -> (Format, f64, f64, Vec<FormatScore>) {
        let non_null = self.count - self.null_count();
        let mut scores = Vec::new();
        if non_null == 0 {
            return (Format::String, 0.0, 0.0, scores);
        }
        let postal_named = Format::CodePostal.hinted_by(&self.name);
        for &(f, ref t) in &self.formats {
            if !t.alive || t.checked == 0 || f == Format::String {
                continue;
            }
            let good = t.good(f, postal_named);
            let shape = good + t.invalid.count;
            let share = good as f64 / t.checked as f64;
            let shape_share = shape as f64 / t.checked as f64;
            if shape_share < 0.5 {
                continue;
            }
            let hinted = f.hinted_by(&self.name);
            if f.needs_hint() && !hinted && !self.hint_free(f) {
                continue;
            }
            // Metropolitan coordinates only when no value lies outside metropolitan France.
            let metropole =
                matches!(f, Format::LatitudeWgsFrMetropole | Format::LongitudeWgsFrMetropole);
            if metropole && t.valid < t.checked {
                continue;
            }
            let mut score = 0.5 * share + 0.5 * shape_share;
            if hinted {
                score = (score + 0.1).min(1.0);
            }
            scores.push(FormatScore { format: f, share, score });
        }
        // Amounts: a number column some of whose values carry a currency is `money`, with
        // the share of all its numbers (`41 018 €` next to `49072,09` and `42416.07`).
        if self.currency.count > 0 {
            let numbers = scores
                .iter()
                .filter(|s| matches!(s.format, Format::Float | Format::Int))
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .cloned();
            if let Some(n) = numbers {
                scores.retain(|s| s.format != Format::Money);
                scores.push(FormatScore { format: Format::Money, ..n });
            }
        }
        // Most specific first among those that fit (score ≥ 0.9), ties broken by ALL's order.
        let order =
            |f: Format| format::CATALOGUE.iter().position(|&g| g == f).unwrap_or(usize::MAX);
        scores.sort_by_key(|s| order(s.format));
        let fits: Vec<&FormatScore> = scores.iter().filter(|s| s.score >= 0.9).collect();
        let pick = self.tie_break(&fits);
        let chosen = pick.map_or((Format::String, 1.0, 1.0), |s| (s.format, s.score, s.share));
        (chosen.0, chosen.1, chosen.2, scores)
    }

    /// Formats that need a hint may go without one when values say it plainly.
    fn hint_free(&self, f: Format) -> bool {
        match f {
            // `01`, `2A`: a leading zero or a Corsican code makes it a code, not a count.
            Format::CodeDepartement => self.distinct.values().is_some_and(|mut s| {
                s.len() >= 5 && s.any(|v| v.starts_with('0') || v == "2A" || v == "2B")
            }),
            Format::Sexe => self.bools.is_empty() && self.numbers == 0,
            _ => false,
        }
    }

    fn tie_break<'a>(&self, fits: &[&'a FormatScore]) -> Option<&'a FormatScore> {
        let has = |f: Format| fits.iter().find(|s| s.format == f).copied();
        // Postal code versus commune code: the header decides, then the better share.
        if let (Some(p), Some(c)) = (has(Format::CodePostal), has(Format::CodeCommune)) {
            let pick = if Format::CodePostal.hinted_by(&self.name) {
                p
            } else if Format::CodeCommune.hinted_by(&self.name) || c.share > p.share {
                c
            } else {
                p
            };
            return Some(pick);
        }
        // An EPCI is also a SIREN: all EPCIs means EPCI.
        if let (Some(_), Some(e)) = (has(Format::Siren), has(Format::CodeEpci)) {
            if e.share >= 0.99 {
                return Some(e);
            }
        }
        // Otherwise the format the header names best wins among those that fit (`REG`
        // holds région codes even though `01`…`06` are also département codes; a column
        // headed `finess` holds FINESS numbers, although they have SIREN's shape and key).
        let named = |s: &&&FormatScore| {
            s.format.hinted_by(&self.name) || s.format.header_score(&self.name) > 0.0
        };
        fits.iter().find(named).or_else(|| fits.first()).copied()
    }

    /// Finishes the profile.
    pub fn finish(&self) -> ColumnProfile {
        if self.pending {
            let mut me = self.clone();
            me.flush_own();
            return me.finish_flushed();
        }
        self.finish_flushed()
    }

    /// [`ColumnAccumulator::finish`] once no repeat is pending.
    fn finish_flushed(&self) -> ColumnProfile {
        let (mut format, mut score, mut share, scores) = self.choose();
        let non_null = self.count - self.null_count();
        // Only a column of two values (plus nulls) is boolean: `N`/`A`/`P`/`S` or
        // `OUI`/`NON`/`PAS DANS DATADOCK` are categories.
        if format == Format::Bool && share < 1.0 {
            (format, score, share) = (Format::String, 1.0, 1.0);
        }
        let named = self.named_by_header(format);
        if let Some(f) = named {
            (format, score, share) = (f, score, share);
        }
        let code = if named.is_some() { None } else { self.code_evidence(format, non_null) };
        if code.is_some() {
            (format, score, share) = (Format::String, 1.0, 1.0);
        }
        let pattern = code.and(self.code_pattern());
        let decided_by = match code {
            Some(e) => e,
            None if named.is_some() => Evidence::Header,
            None if format == Format::String => Evidence::Default,
            None if format.hinted_by(&self.name) || format.header_score(&self.name) > 0.0 => {
                Evidence::HeaderAndValues
            }
            None => Evidence::Values,
        };
        let kind = format.table_schema_type().to_owned();
        let (distinct, est) = self.distinct.count();
        let date_format = if matches!(format, Format::Date) {
            self.dates
                .iter()
                .filter(|(k, _)| **k != "datetime")
                .max_by_key(|(_, v)| v.count)
                .map(|(k, _)| (*k).to_owned())
        } else {
            None
        };
        let (min, max) = match kind.as_str() {
            "integer" | "number" | "year" => (self.num_min.map(fmt_num), self.num_max.map(fmt_num)),
            "date" | "datetime" => (self.date_min_s.clone(), self.date_max_s.clone()),
            _ => (self.min_str.clone(), self.max_str.clone()),
        };
        let numeric = matches!(kind.as_str(), "integer" | "number");
        let quantiles = if numeric {
            let q = |p| self.quantiles.quantile(p);
            match (q(0.05), q(0.25), q(0.5), q(0.75), q(0.95)) {
                (Some(p05), Some(p25), Some(p50), Some(p75), Some(p95)) => {
                    Some(QuantileSummary { p05, p25, p50, p75, p95 })
                }
                _ => None,
            }
        } else {
            None
        };
        // Also for text most of whose values are numbers: the planner parses them with it.
        let mostly_numbers =
            format == Format::String && code.is_none() && self.numbers * 2 >= non_null;
        let decimal_char =
            if numeric || mostly_numbers || matches!(format, Format::Money | Format::Percent) {
                self.decimals.iter().max_by_key(|(_, v)| v.count).map(|(k, _)| (*k).to_owned())
            } else {
                None
            };
        let (true_values, false_values) =
            if format == Format::Bool { self.spellings() } else { (Vec::new(), Vec::new()) };
        let boolean_pair = match (true_values.first(), false_values.first()) {
            (None, None) => None,
            (t, f) => {
                Some(format!("{}/{}", t.map_or("", String::as_str), f.map_or("", String::as_str)))
            }
        };
        let mut findings = Vec::new();
        let mut add = |kind: FindingKind, c: &Counter, message: String| {
            if c.count > 0 {
                findings.push(Finding {
                    kind,
                    column: Some(self.index),
                    count: c.count,
                    message,
                    examples: c.examples.clone(),
                });
            }
        };
        let name = &self.name;
        if let Some(t) = self.tally(format) {
            add(
                FindingKind::LeadingZerosLost,
                &t.lost_zero,
                format!(
                    "colonne « {name} » : {} valeurs ont perdu leur zéro initial",
                    t.lost_zero.count
                ),
            );
            add(
                FindingKind::InvalidIdentifier,
                &t.invalid,
                format!(
                    "colonne « {name} » : {} valeurs invalides pour le format {}",
                    t.invalid.count,
                    format.name()
                ),
            );
            if format == Format::CodePostal {
                add(
                    FindingKind::UnlistedPostalCode,
                    &t.historic,
                    format!(
                        "colonne « {name} » : {} codes postaux absents des listes publiques de \
                         La Poste (CEDEX, codes spéciaux ou retirés), gardés tels quels",
                        t.historic.count
                    ),
                );
            } else {
                add(
                    FindingKind::HistoricCommune,
                    &t.historic,
                    format!(
                        "colonne « {name} » : {} codes de communes qui n'existent plus",
                        t.historic.count
                    ),
                );
            }
        }
        add(
            FindingKind::ExcelScientific,
            &self.excel,
            format!("colonne « {name} » : {} valeurs en notation scientifique (chiffres perdus par un tableur)", self.excel.count),
        );
        add(
            FindingKind::Mojibake,
            &self.mojibake,
            format!("colonne « {name} » : {} valeurs mal décodées (mojibake)", self.mojibake.count),
        );
        add(
            FindingKind::Untrimmed,
            &self.untrimmed,
            format!(
                "colonne « {name} » : {} valeurs avec des espaces autour",
                self.untrimmed.count
            ),
        );
        add(
            FindingKind::DoubledSpaces,
            &self.doubled,
            format!("colonne « {name} » : {} valeurs avec des espaces doublés", self.doubled.count),
        );
        if matches!(format, Format::Nir | Format::Email | Format::TelFr) {
            add(
                FindingKind::PersonalData,
                &self.personal,
                format!("colonne « {name} » : {} données personnelles (NIR, courriel ou mobile personnels)", self.personal.count),
            );
        }
        if let Some(f) = self.mixed_conventions(format, &kind) {
            findings.push(f);
        }
        if self.count > 0 && non_null == 0 {
            findings.push(Finding {
                kind: FindingKind::EmptyColumn,
                column: Some(self.index),
                count: self.count,
                message: format!("colonne « {name} » : vide"),
                examples: Vec::new(),
            });
        } else if non_null > 1 && distinct == 1 && !est {
            findings.push(Finding {
                kind: FindingKind::ConstantColumn,
                column: Some(self.index),
                count: non_null,
                message: format!("colonne « {name} » : une seule valeur"),
                examples: Vec::new(),
            });
        }
        ColumnProfile {
            index: self.index,
            name: self.name.clone(),
            kind,
            format,
            format_score: round3(score),
            format_share: round3(share),
            format_scores: scores,
            count: self.count,
            nulls: self.null_count(),
            null_tokens: self.nulls.clone(),
            distinct,
            distinct_is_estimate: est,
            distinct_error: self.distinct.standard_error(),
            min,
            max,
            mean: if numeric { self.moments.mean() } else { None },
            stddev: if numeric { self.moments.stddev() } else { None },
            quantiles,
            min_length: self.min_len,
            max_length: self.max_len,
            top: self.top_values(),
            examples: self.examples.clone(),
            date_format,
            decimal_char,
            boolean_pair,
            true_values,
            false_values,
            findings,
            code: code.is_some(),
            pattern,
            decided_by,
        }
    }

    /// Whether the column holds codes rather than numbers or booleans, and what says so:
    /// integers written with leading zeros (`00016`), letters-and-digits codes (`2B14`,
    /// `59L`), or a header that names a code (`code_*`, `num_*`, `nic`, `dep`, `id*`…)
    /// over values that are numbers, booleans or code-shaped text.
    fn code_evidence(&self, format: Format, non_null: u64) -> Option<Evidence> {
        if non_null == 0 {
            return None;
        }
        let header = format::header_is_code(&self.name);
        let coded = self.alnum_code.count + self.letters_code.count;
        let values = match format {
            Format::Int | Format::Float | Format::Year => {
                self.lead_zero.count > 0 || self.alnum_code.count > 0
            }
            // Text most of whose values are numbers and the rest code-shaped (`S`, `2B14`).
            Format::String => {
                let numeric = self.numbers.max(self.lead_zero.count);
                coded > 0 && (numeric + coded) as f64 >= 0.9 * non_null as f64
            }
            // Two-digit values that the header does not call départements or régions:
            // any short numeric code looks like one (`GESTION_DIFFUSION` = `02`, `13`,
            // `98`), so the values alone make it a code column, never a geographic one.
            // Many distinct codes, or Corsica's, say départements plainly; a handful do not.
            Format::CodeDepartement | Format::CodeRegion => {
                !format.hinted_by(&self.name) && !self.plainly_geographic()
            }
            _ => false,
        };
        let header_applies = match format {
            // Booleans and sexes keep their format: only two-valued columns get there,
            // and their plan checks them without rewriting a consistent convention.
            Format::Int | Format::Year | Format::String => true,
            // Values with a decimal separator are measures, whatever the header says
            // (`TXCOUVGLO_COM_2014`: a rate per commune, `41.7`).
            Format::Float => self.decimals.is_empty(),
            // A geographic code format the header does not name: `Code du canton` holds
            // canton codes, not départements; `Code_UT` territorial units.
            Format::CodeDepartement | Format::CodeRegion => !format.hinted_by(&self.name),
            _ => false,
        };
        match (header && header_applies, values) {
            (true, true) => Some(Evidence::HeaderAndValues),
            (false, true) => Some(Evidence::Values),
            (true, false) => Some(Evidence::Header),
            (false, false) => None,
        }
    }

    /// Whether the values alone say départements or régions: ten distinct codes or more,
    /// or a Corsican or overseas code (`2A`, `971`).
    fn plainly_geographic(&self) -> bool {
        // Too many distinct values to keep: many codes.
        let Some(values) = self.distinct.values() else { return true };
        let mut n = 0usize;
        let mut special = false;
        for v in values {
            n += 1;
            special |= matches!(v, "2A" | "2B") || v.starts_with("97");
        }
        n >= 10 || special
    }

    /// An identifier format that the header names outright (`cle_interop`, `siret`,
    /// `finess`) for a text column too damaged for the values alone to type it: at least
    /// a third of its values have the format's shape, so that the others get checked and
    /// flagged rather than passed as text.
    fn named_by_header(&self, format: Format) -> Option<Format> {
        if format != Format::String {
            return None;
        }
        let (f, credibility) = format::header_formats(&self.name).next()?;
        if credibility < 1.0 || !f.is_code() {
            return None;
        }
        let t = self.tally(f)?;
        let shape = t.valid + t.lost_zero.count + t.invalid.count + t.historic.count;
        (t.checked > 0 && shape as f64 * 3.0 >= t.checked as f64).then_some(f)
    }

    /// A Table Schema pattern for a code column of fixed width.
    fn code_pattern(&self) -> Option<String> {
        let (Some(lo), Some(hi)) = (self.min_len, self.max_len) else { return None };
        let digits_only = self.alnum_code.count == 0 && self.letters_code.count == 0;
        let class = if digits_only { "[0-9]" } else { "[0-9A-Za-z]" };
        Some(if lo == hi {
            format!("^{class}{{{lo}}}$")
        } else {
            format!("^{class}{{{lo},{hi}}}$")
        })
    }

    /// The most frequent values: exact counts of the memo's values, guaranteed counts
    /// (the sketch's count less its possible over-count) of the others.
    fn top_values(&self) -> Vec<TopValue> {
        let mut all: HashMap<&str, u64> = HashMap::new();
        for (v, n) in self.memo_values() {
            *all.entry(v).or_insert(0) += n;
        }
        for (v, n, err) in self.top.counters() {
            *all.entry(v).or_insert(0) += n.saturating_sub(err);
        }
        let mut top: Vec<(&str, u64)> = all.into_iter().filter(|&(_, n)| n > 0).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        top.truncate(self.top_n);
        top.into_iter().map(|(v, count)| TopValue { value: v.to_owned(), count }).collect()
    }

    /// The spellings of true and of false seen, most frequent first.
    fn spellings(&self) -> (Vec<String>, Vec<String>) {
        let mut all: Vec<(&String, &Spelling)> = self.bools.iter().collect();
        all.sort_by(|a, b| b.1.seen.count.cmp(&a.1.seen.count).then_with(|| a.0.cmp(b.0)));
        let side = |truth: bool| -> Vec<String> {
            all.iter().filter(|(_, sp)| sp.truth == truth).map(|(k, _)| (*k).clone()).collect()
        };
        (side(true), side(false))
    }

    /// Several conventions in one column: decimal comma and point, amounts with and
    /// without a currency, several date patterns, several spellings of true or false.
    /// The count is the values not written the column's majority way; the examples show
    /// one value of each convention.
    fn mixed_conventions(&self, format: Format, kind: &str) -> Option<Finding> {
        let name = &self.name;
        // (label, counter) per convention, in groups whose minorities are counted.
        let mut groups: Vec<Vec<(String, &Counter)>> = Vec::new();
        if kind == "number" || format == Format::Money {
            if self.decimals.len() > 1 {
                groups.push(
                    self.decimals.iter().map(|(k, c)| (format!("séparateur « {k} »"), c)).collect(),
                );
            }
            if format == Format::Money && self.currency.count > 0 && self.plain.count > 0 {
                groups.push(vec![
                    ("avec symbole monétaire".to_owned(), &self.currency),
                    ("sans symbole monétaire".to_owned(), &self.plain),
                ]);
            }
        } else if format == Format::Date {
            let dates: Vec<(String, &Counter)> = self
                .dates
                .iter()
                .filter(|(k, _)| **k != "datetime")
                .map(|(k, c)| ((*k).to_owned(), c))
                .collect();
            if dates.len() > 1 {
                groups.push(dates);
            }
        } else if format == Format::Bool {
            for truth in [true, false] {
                let side: Vec<(String, &Counter)> = self
                    .bools
                    .iter()
                    .filter(|(_, sp)| sp.truth == truth)
                    .map(|(k, sp)| {
                        (format!("{} « {k} »", if truth { "vrai" } else { "faux" }), &sp.seen)
                    })
                    .collect();
                if side.len() > 1 {
                    groups.push(side);
                }
            }
        }
        if groups.is_empty() {
            return None;
        }
        let mut count = 0;
        let mut what = Vec::new();
        let mut examples = Vec::new();
        for g in &mut groups {
            g.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
            let total: u64 = g.iter().map(|(_, c)| c.count).sum();
            count += total - g.first().map_or(0, |(_, c)| c.count);
            for (label, c) in g.iter() {
                what.push(format!("{label} : {}", c.count));
                if let Some(e) = c.examples.first() {
                    if !examples.contains(e) {
                        examples.push(e.clone());
                    }
                }
            }
        }
        Some(Finding {
            kind: FindingKind::MixedConventions,
            column: Some(self.index),
            count,
            message: format!("colonne « {name} » : conventions mélangées ({})", what.join(", ")),
            examples,
        })
    }
}

/// What a value's shape says about codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum CodeShape {
    /// Digits only, at least two, the first a zero (`00016`, `0108`).
    LeadZero,
    /// ASCII letters and digits, both, at most 16 (`2B14`, `59L`, `10XX`).
    Alnum,
    /// One to three capital letters (`S`, `ZZ`).
    Letters,
    /// Anything else.
    #[default]
    None,
}

fn code_shape(v: &str) -> CodeShape {
    let b = v.as_bytes();
    if (1..=3).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase) {
        return CodeShape::Letters;
    }
    if b.len() < 2 || b.len() > 16 {
        return CodeShape::None;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return if b.first() == Some(&b'0') { CodeShape::LeadZero } else { CodeShape::None };
    }
    let alnum = b.iter().all(u8::is_ascii_alphanumeric);
    let digit = b.iter().any(u8::is_ascii_digit);
    if alnum && digit {
        CodeShape::Alnum
    } else {
        CodeShape::None
    }
}

/// Whether a number's one separator may be a decimal or a thousands separator
/// (`1.234`, `-12,500`): such a value says nothing about the column's decimal separator.
fn ambiguous_separator(v: &str) -> bool {
    let b = v.strip_prefix(['-', '+']).unwrap_or(v).as_bytes();
    let Some(sep) = b.iter().position(|&c| c == b'.' || c == b',') else { return false };
    let (int, frac) = b.split_at(sep);
    let frac = frac.get(1..).unwrap_or(&[]);
    (1..=3).contains(&int.len())
        && frac.len() == 3
        && int.iter().chain(frac).all(u8::is_ascii_digit)
}

/// The key of a decimal convention in the tallies.
fn decimal_key(d: Decimal) -> Option<&'static str> {
    match d {
        Decimal::Comma => Some(","),
        Decimal::Point => Some("."),
        Decimal::None => None,
    }
}

/// The byte range of a cell without the spaces, tabs and line breaks around it.
#[inline]
fn trim_range(raw: &str) -> std::ops::Range<usize> {
    // Most cells need no trimming: look at their two ends first (a no-break space is
    // `C2 A0`).
    let edge = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t' | b'\r' | b'\n' | 0xc2 | 0xa0));
    let b = raw.as_bytes();
    if !edge(b.first()) && !edge(b.last()) {
        return 0..raw.len();
    }
    const BLANKS: [char; 5] = [' ', '\t', '\u{a0}', '\r', '\n'];
    let start = raw.len() - raw.trim_start_matches(BLANKS).len();
    let end = raw.trim_end_matches(BLANKS).len().max(start);
    start..end
}

/// `a < b`, deciding on the first bytes when they differ (most comparisons of a
/// column's values with its minimum and maximum) without calling `memcmp`.
#[inline]
fn before(a: &str, b: &str) -> bool {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => a < b,
    }
}

/// Sets `slot` to `v`, reusing its buffer.
fn set(slot: &mut Option<String>, v: &str) {
    match slot {
        Some(s) => {
            s.clear();
            s.push_str(v);
        }
        None => *slot = Some(v.to_owned()),
    }
}

fn opt<T: Copy>(a: Option<T>, b: Option<T>, f: impl Fn(T, T) -> T) -> Option<T> {
    match (a, b) {
        (Some(x), Some(y)) => Some(f(x, y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// `5,52032534E+13`, `5.5E13`: a number Excel wrote in scientific notation.
fn is_excel_scientific(v: &str) -> bool {
    // It starts with a digit and has an `E` (quick reject of text and plain numbers).
    let b = v.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) || !b.iter().any(|&c| c | 0x20 == b'e') {
        return false;
    }
    let Some((m, e)) = v.split_once(['E', 'e']) else { return false };
    let e = e.strip_prefix('+').unwrap_or(e);
    !e.is_empty()
        && e.bytes().all(|b| b.is_ascii_digit())
        && m.len() >= 3
        && m.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && m.bytes().filter(|b| !b.is_ascii_digit()).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `values` pushed on lines 2, 3…, one accumulator or two merged halves.
    fn accumulate(name: &str, values: &[&str], split: Option<usize>) -> ColumnProfile {
        let p = crate::Profiler::new();
        let at = split.unwrap_or(values.len()).min(values.len());
        let mut acc = ColumnAccumulator::new(0, name, &p);
        let mut rest = ColumnAccumulator::new(0, name, &p);
        for (i, v) in values.iter().enumerate() {
            let target = if i < at { &mut acc } else { &mut rest };
            target.push(v, i as u64 + 2);
        }
        acc.merge(&rest);
        acc.finish()
    }

    #[test]
    fn two_digit_codes_the_header_does_not_call_departements_are_codes() {
        let v = spread(&[("02", 30), ("13", 5), ("51", 2), ("98", 1), ("03", 1)]);
        let p = accumulate("GESTION_DIFFUSION", &v, None);
        assert!(p.code, "{p:?}");
        assert_eq!(p.format, Format::String);
        assert_eq!(p.decided_by, Evidence::Values);
        // Named by the header, the same values are départements.
        let p = accumulate("code_dep", &v, None);
        assert_eq!(p.format, Format::CodeDepartement);
    }

    #[test]
    fn size_bands_are_codes_by_their_values_not_their_name() {
        // SIRENE's size bands: two characters, leading zeros, `NN`.
        let v = spread(&[("NN", 20), ("00", 10), ("01", 6), ("03", 4), ("11", 3), ("21", 2)]);
        let p = accumulate("Tranche_eff__INSEE", &v, None);
        assert!(p.code, "{p:?}");
        // Head counts under a band's name are counts.
        let v = ["12", "250", "3", "4800", "57", "0", "1023", "9", "64", "310"];
        let p = accumulate("trancheEffectifs", &v, None);
        assert!(!p.code, "{p:?}");
        assert_eq!(p.format, Format::Int);
    }

    #[test]
    fn rates_are_measures_whatever_the_header_names() {
        let v = ["41.7", "34.1", "65.2", "72.9", "12.0", "88.8"];
        let p = accumulate("TXCOUVGLO_COM_2014", &v, None);
        assert!(!p.code, "{p:?}");
        assert_eq!(p.format, Format::Float);
    }

    #[test]
    fn cedex_codes_are_postal_codes_counted_apart() {
        let v = ["01502", "33076", "75011", "69003", "13299", "01000", "33000", "75001"];
        let p = accumulate("code_postal", &v, None);
        assert_eq!(p.format, Format::CodePostal);
        let f = p.findings.iter().find(|f| f.kind == FindingKind::UnlistedPostalCode);
        assert_eq!(f.map(|f| f.count), Some(3), "{:?}", p.findings);
        assert!(!p.findings.iter().any(|f| f.kind == FindingKind::InvalidIdentifier));
        // Commune codes under a header that names neither: commune codes, not postal
        // codes (most of them are five digits of a served département in no postal list).
        let v = ["01015", "14371", "14061", "75056", "50041", "76618", "13055", "27049"];
        let p = accumulate("COMPARENT", &v, None);
        assert_eq!(p.format, Format::CodeCommune);
    }

    fn mixed(p: &ColumnProfile) -> Option<&Finding> {
        p.findings.iter().find(|f| f.kind == FindingKind::MixedConventions)
    }

    /// Repeats `(value, times)` in a round-robin, so that every convention shows early.
    fn spread(parts: &[(&'static str, usize)]) -> Vec<&'static str> {
        let mut out = Vec::new();
        let most = parts.iter().map(|p| p.1).max().unwrap_or(0);
        for round in 0..most {
            for &(v, n) in parts {
                if round < n {
                    out.push(v);
                }
            }
        }
        out
    }

    #[test]
    fn amounts_in_mixed_conventions_are_money() {
        // The sample's `montant_subvention`: decimal comma and point, spaces, a
        // currency, and four null tokens.
        let parts = [
            ("49072,09", 40),
            ("42416.07", 30),
            ("1 469,98", 30),
            ("41 018 €", 25),
            ("n.d.", 5),
            ("N/A", 5),
            ("NC", 3),
            ("-", 3),
        ];
        let values = spread(&parts);
        for split in [None, Some(7), Some(150)] {
            let p = accumulate("montant_subvention", &values, split);
            assert_eq!((p.kind.as_str(), p.format), ("number", Format::Money), "{split:?}");
            assert_eq!(p.nulls, 16);
            assert_eq!(p.format_share, 1.0);
            assert_eq!(p.decimal_char.as_deref(), Some(","));
            assert_eq!(p.min.as_deref(), Some("1469.98"));
            assert_eq!(p.max.as_deref(), Some("49072.09"));
            let f = mixed(&p).expect("a mixed_conventions finding");
            // 30 points among 100 decimals, 25 amounts with € among 125 numbers.
            assert_eq!(f.count, 30 + 25, "{split:?}");
            let shown: Vec<&str> = f.examples.iter().map(|e| e.value.as_str()).collect();
            for v in ["49072,09", "42416.07", "41 018 €"] {
                assert!(shown.contains(&v), "{v} in {shown:?}");
            }
            assert!(f.examples.iter().all(|e| e.line >= 2), "{:?}", f.examples);
            assert!(f.message.contains("séparateur « . » : 30"), "{}", f.message);
        }
    }

    #[test]
    fn decimal_comma_and_point_without_currency_are_float() {
        let values = spread(&[("12,5", 60), ("3.75", 20), ("1 234,56", 20), ("NC", 4)]);
        let p = accumulate("densite", &values, None);
        assert_eq!((p.kind.as_str(), p.format), ("number", Format::Float));
        let f = mixed(&p).expect("a mixed_conventions finding");
        assert_eq!(f.count, 20);
        assert!(!f.message.contains("monétaire"), "{}", f.message);
    }

    #[test]
    fn one_convention_is_no_finding() {
        let p = accumulate("montant", &spread(&[("1 234,56", 50), ("12,50", 50)]), None);
        assert_eq!(p.format, Format::Float);
        assert!(mixed(&p).is_none(), "{:?}", p.findings);
        let p = accumulate("montant", &spread(&[("1 234,56 €", 50), ("12,50 €", 50)]), None);
        assert_eq!((p.kind.as_str(), p.format), ("number", Format::Money));
        assert!(mixed(&p).is_none(), "{:?}", p.findings);
        let p = accumulate("actif", &spread(&[("oui", 50), ("non", 30)]), None);
        assert_eq!(p.format, Format::Bool);
        assert_eq!(p.boolean_pair.as_deref(), Some("oui/non"));
        assert!(mixed(&p).is_none(), "{:?}", p.findings);
    }

    #[test]
    fn booleans_in_mixed_spellings() {
        // The sample's `actif`.
        let parts = [("O", 57), ("Oui", 56), ("1", 48), ("non", 44), ("oui", 39), ("vrai", 35)];
        let values = spread(&parts);
        for split in [None, Some(100)] {
            let p = accumulate("actif", &values, split);
            assert_eq!((p.kind.as_str(), p.format), ("boolean", Format::Bool), "{split:?}");
            assert_eq!(p.true_values, ["O", "Oui", "1", "oui", "vrai"]);
            assert_eq!(p.false_values, ["non"]);
            assert_eq!(p.boolean_pair.as_deref(), Some("O/non"));
            let f = mixed(&p).expect("a mixed_conventions finding");
            // Every true not written `O`.
            assert_eq!(f.count, 56 + 48 + 39 + 35);
            assert_eq!(f.examples.len(), 5, "one example per spelling of true");
        }
    }

    #[test]
    fn top_values_are_exact_beyond_the_sketch() {
        // 300 distinct names, name i seen i + 1 times, shuffled by a stride: more
        // distinct values than the space-saving sketch's 80 counters.
        let names: Vec<String> = (0..300).map(|i| format!("Association {i:03}")).collect();
        let mut values: Vec<&str> = Vec::new();
        for (i, n) in names.iter().enumerate() {
            values.extend(std::iter::repeat_n(n.as_str(), i + 1));
        }
        let len = values.len();
        let shuffled: Vec<&str> = (0..len).map(|k| values[(k * 7919) % len]).collect();
        for split in [None, Some(len / 3)] {
            let p = accumulate("nom", &shuffled, split);
            let top: Vec<(&str, u64)> = p.top.iter().map(|t| (t.value.as_str(), t.count)).collect();
            assert_eq!(
                top.get(..3),
                Some(
                    &[("Association 299", 300), ("Association 298", 299), ("Association 297", 298)]
                        [..]
                ),
                "{split:?}"
            );
            assert_eq!(p.top.len(), 10);
        }
    }

    #[test]
    fn nulls_do_not_make_booleans_text() {
        let p =
            accumulate("actif", &spread(&[("Oui", 40), ("Non", 40), ("NC", 10), ("", 10)]), None);
        assert_eq!((p.kind.as_str(), p.format), ("boolean", Format::Bool));
        assert_eq!(p.nulls, 20);
        // Mostly text with a few yes/no words stays text.
        let p = accumulate("nom", &spread(&[("Foyer rural", 80), ("oui", 10), ("non", 10)]), None);
        assert_eq!(p.format, Format::String);
    }
}
