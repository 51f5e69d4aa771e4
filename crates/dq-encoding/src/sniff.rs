//! CSV dialect sniffing: delimiter, quote, header and preamble from a decoded text sample.
//!
//! [`sniff`] looks at the first kilobytes of a file, already decoded to UTF-8, and
//! answers a [`Dialect`]: the delimiter (`,` `;` TAB `|`), the quote character (`"`, `'`
//! or none), whether the first record is a header, how many title or preamble lines sit
//! above it ([`Dialect::header_row`]) and the line terminator. It never fails: a sample
//! that says nothing answers the RFC 4180 defaults.
//!
//! The sample is parsed with a small quote-aware scanner once per candidate delimiter and
//! quote; each candidate is scored by how consistently it splits records into the same
//! number of fields and by how clean the resulting cells look (numbers, dates, codes and
//! words rather than cells that still hold another delimiter). Quoted fields may hold
//! delimiters and line breaks, and the sample may be cut in the middle of a record.
//!
//! ```
//! use dq_encoding::sniff::{sniff, LineTerminator};
//!
//! let sample = "Liste des subventions 2023;;;\r\n\
//!               ;;;\r\n\
//!               beneficiaire;siret;montant;date\r\n\
//!               Association Les Amis du Livre;12345678901234;1 234,56;15/03/2023\r\n\
//!               Comité des fêtes;98765432109876;500,00;02/04/2023\r\n";
//! let dialect = sniff(sample);
//! assert_eq!(dialect.delimiter, b';');
//! assert!(dialect.has_header);
//! assert_eq!(dialect.header_row, 2);
//! assert_eq!(dialect.line_terminator, LineTerminator::CrLf);
//!
//! // Read the records with the csv crate, after the two preamble lines.
//! let mut rdr = dialect.reader_builder().from_reader(dialect.strip_preamble(sample).as_bytes());
//! assert_eq!(&rdr.headers()?[2], "montant");
//! let first = rdr.records().next().transpose()?.unwrap_or_default();
//! assert_eq!(&first[2], "1 234,56");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Serialize, Serializer};

/// How records end in the sniffed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum LineTerminator {
    /// `\r\n`, as Windows tools and RFC 4180 write it.
    #[serde(rename = "CRLF")]
    CrLf,
    /// `\n`, as Unix tools write it.
    #[serde(rename = "LF")]
    Lf,
    /// A lone `\r`, as classic Mac OS tools wrote it.
    #[serde(rename = "CR")]
    Cr,
}

impl LineTerminator {
    /// The terminator as text: `"\r\n"`, `"\n"` or `"\r"`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::sniff::LineTerminator;
    /// assert_eq!(LineTerminator::CrLf.as_str(), "\r\n");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            LineTerminator::CrLf => "\r\n",
            LineTerminator::Lf => "\n",
            LineTerminator::Cr => "\r",
        }
    }
}

/// The CSV dialect of a file, as [`sniff`] found it.
///
/// Serializes (serde) with the delimiter and quote as one-character strings (`";"`,
/// `"\t"`, `"\""`, quote `null` when fields are never quoted) and the line terminator as
/// `"CRLF"`, `"LF"` or `"CR"`.
///
/// # Example
///
/// ```
/// let d = dq_encoding::sniff::sniff("code_insee|nom\n75056|Paris\n69123|Lyon\n");
/// assert_eq!(d.delimiter, b'|');
/// assert_eq!(d.columns, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Dialect {
    /// The field delimiter: `,`, `;`, TAB or `|`.
    #[serde(serialize_with = "ser_byte")]
    pub delimiter: u8,
    /// The quote character, `"` or `'`, or `None` when quoting must be turned off (the
    /// sample uses the `"` character inside unquoted fields). `"` when the sample quotes
    /// nothing, which is harmless and matches RFC 4180.
    #[serde(serialize_with = "ser_opt_byte")]
    pub quote: Option<u8>,
    /// Whether the record at [`Dialect::header_row`] is a header of column names.
    pub has_header: bool,
    /// The number of title or preamble lines above the first record (header or data):
    /// the 0-based index of the line where the table starts. Blank lines count.
    pub header_row: usize,
    /// How lines end.
    pub line_terminator: LineTerminator,
    /// The number of fields most records of the table have (1 for a one-column file).
    pub columns: usize,
    /// What the sniffer noticed while checking its choice against the sample: a header
    /// repeated, a header as wide as no record, a column still wrapped in quotes, a stray
    /// carriage return… Empty when the sample reads cleanly.
    pub findings: Vec<Finding>,
}

/// Something the sniffer noticed that a reader of the table should know: the dialect it
/// answers may still be the best reading, but not a clean one.
///
/// Serializes as `{"kind": "repeated_header", "line": 2, "message": "…"}`.
///
/// # Example
///
/// ```
/// use dq_encoding::sniff::{sniff, FindingKind};
///
/// let d = sniff("code;nom\ncode;nom\n75056;Paris\n69123;Lyon\n");
/// assert_eq!(d.header_row, 1);
/// assert_eq!(d.findings[0].kind, FindingKind::RepeatedHeader);
/// assert_eq!(d.findings[0].line, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// The 1-based line of the sample where it shows first.
    pub line: usize,
    /// A sentence for a human reader, naming the values seen.
    pub message: String,
}

/// The kind of a [`Finding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// The header line is repeated just below itself; the copies above the last one are
    /// skipped as preamble lines.
    RepeatedHeader,
    /// The first line has a different number of fields than most records: it was read as
    /// a title line, or the chosen delimiter or quote is wrong.
    HeaderWidth,
    /// Many records have a different number of fields than most.
    RaggedRecords,
    /// A column whose values mostly still start and end with a quote character: the
    /// quoting was not undone.
    QuotedColumn,
    /// The quote character `"` opens most fields of the sample but quoting had to be
    /// turned off.
    UnusedQuote,
    /// A carriage return alone inside an unquoted field of a file whose lines end in LF:
    /// it is kept in the field rather than read as the end of a record.
    StrayCarriageReturn,
}

fn ser_byte<S: Serializer>(b: &u8, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(char::from(*b).encode_utf8(&mut [0; 4]))
}

fn ser_opt_byte<S: Serializer>(b: &Option<u8>, s: S) -> Result<S::Ok, S::Error> {
    match b {
        Some(b) => ser_byte(b, s),
        None => s.serialize_none(),
    }
}

impl Default for Dialect {
    /// RFC 4180: comma, double quote, a header on the first line, CRLF… read as LF too.
    fn default() -> Dialect {
        Dialect {
            delimiter: b',',
            quote: Some(b'"'),
            has_header: true,
            header_row: 0,
            line_terminator: LineTerminator::Lf,
            columns: 1,
            findings: Vec::new(),
        }
    }
}

impl Dialect {
    /// A `csv::ReaderBuilder` configured for this dialect.
    ///
    /// Sets the delimiter, the quote (or turns quoting off), `has_headers` and the
    /// terminator (a lone `\r` for [`LineTerminator::Cr`], otherwise CRLF-or-LF), and
    /// `flexible(true)` so that a ragged row is read rather than lost. The csv crate
    /// cannot skip preamble lines: feed it the text after [`Dialect::header_row`] lines,
    /// for example with [`Dialect::strip_preamble`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::sniff::sniff;
    ///
    /// let text = "siren\tdenomination\n552032534\tDANONE\n";
    /// let d = sniff(text);
    /// let mut rdr = d.reader_builder().from_reader(text.as_bytes());
    /// let rec = rdr.records().next().transpose()?.unwrap_or_default();
    /// assert_eq!(&rec[1], "DANONE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reader_builder(&self) -> csv::ReaderBuilder {
        let mut b = csv::ReaderBuilder::new();
        b.delimiter(self.delimiter).has_headers(self.has_header).flexible(true);
        match self.quote {
            Some(q) => {
                b.quoting(true).quote(q).double_quote(true);
            }
            None => {
                b.quoting(false);
            }
        }
        match self.line_terminator {
            LineTerminator::Cr => b.terminator(csv::Terminator::Any(b'\r')),
            LineTerminator::CrLf | LineTerminator::Lf => b.terminator(csv::Terminator::CRLF),
        };
        b
    }

    /// The text after the [`Dialect::header_row`] preamble lines (any of `\r\n`, `\n`,
    /// `\r` ends a line). Returns `""` when the text has fewer lines.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "Liste des subventions 2023\n\nnom;montant\nAsso;12,50\n";
    /// let d = dq_encoding::sniff::sniff(text);
    /// assert_eq!(d.strip_preamble(text), "nom;montant\nAsso;12,50\n");
    /// ```
    pub fn strip_preamble<'a>(&self, text: &'a str) -> &'a str {
        let b = text.as_bytes();
        let mut i = 0;
        let mut lines = 0;
        while lines < self.header_row {
            match b.get(i) {
                None => return "",
                Some(b'\n') => {
                    lines += 1;
                    i += 1;
                }
                Some(b'\r') => {
                    lines += 1;
                    i += 1;
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                Some(_) => i += 1,
            }
        }
        // `i` is just after an ASCII byte, so it is a char boundary.
        text.get(i..).unwrap_or("")
    }
}

/// The candidate delimiters, in order of preference on ties.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// The candidate quotes, in order of preference on ties.
const QUOTES: [Option<u8>; 3] = [Some(b'"'), None, Some(b'\'')];
/// At most this many records are parsed per candidate.
const MAX_RECORDS: usize = 400;
/// At most this many data records are looked at to decide about the header.
const HEADER_WINDOW: usize = 50;

/// Sniffs the CSV dialect of a decoded text sample (typically the first 64 KiB of a file).
///
/// Never fails: an empty sample or one without structure answers [`Dialect::default`]
/// with `columns` set to what was seen. The sample may end in the middle of a record: an
/// unterminated last record is ignored when scoring.
///
/// # Example
///
/// ```
/// use dq_encoding::sniff::sniff;
///
/// let d = sniff("\"Dupont, Jean\",\"12 rue de la Paix\n75002 Paris\",42\n\"Martin, Léa\",\"3 place Bellecour\",7\n");
/// assert_eq!((d.delimiter, d.quote, d.has_header, d.columns), (b',', Some(b'"'), false, 3));
/// ```
pub fn sniff(sample: &str) -> Dialect {
    let sample = sample.strip_prefix('\u{feff}').unwrap_or(sample);
    let line_terminator = line_terminator(sample);
    let mut best: Option<(f64, Parsed, u8, Option<u8>)> = None;
    let bytes = sample.as_bytes();
    for &quote in &QUOTES {
        // A quote absent from the sample parses like no quote at all: skip the duplicate.
        if quote.is_some_and(|q| q != b'"' && !bytes.contains(&q))
            || (quote.is_none() && !bytes.contains(&b'"'))
        {
            continue;
        }
        for &delim in &DELIMITERS {
            // An absent delimiter gives the one-column reading, which `,` already gives.
            if delim != b',' && !bytes.contains(&delim) {
                continue;
            }
            let parsed = parse(sample, delim, quote, line_terminator == LineTerminator::Lf);
            let score = score(&parsed, sample, delim, quote);
            let better = match &best {
                None => true,
                Some((s, ..)) => score > *s + 1e-9,
            };
            if better {
                best = Some((score, parsed, delim, quote));
            }
        }
    }
    let Some((_, parsed, delimiter, quote)) = best else {
        return Dialect { line_terminator, ..Dialect::default() };
    };
    let quote = match quote {
        // `'` only when it really quotes something; otherwise the harmless default.
        Some(b'\'') if !parsed.any_quoted => Some(b'"'),
        q => q,
    };
    let columns = parsed.mode().unwrap_or(1);
    let mut findings = Vec::new();
    let mut start = preamble(&parsed, columns);
    // A header repeated just below itself (exports concatenated, or written twice): the
    // copies above the last one are preamble, so that the records are the data only.
    let first = start;
    if let Some(head) = parsed.records.get(start).filter(|r| !r.is_blank()) {
        let copies =
            parsed.records.iter().skip(start + 1).take_while(|r| r.fields == head.fields).count();
        if copies > 0 && has_header(&parsed.records, start + copies, columns) {
            start += copies;
        }
    }
    let header = has_header(&parsed.records, start, columns);
    {
        if start > first {
            let line = parsed.records.get(first + 1).map_or(0, |r| r.line) + 1;
            findings.push(Finding {
                kind: FindingKind::RepeatedHeader,
                line,
                message: format!(
                    "the header is repeated {} time(s) from line {line}; the copies are skipped",
                    start - first
                ),
            });
        }
    }
    let header_row = parsed.records.get(start).map_or(0, |r| r.line);
    check(&parsed, sample, delimiter, quote, line_terminator, columns, &mut findings);
    Dialect { delimiter, quote, has_header: header, header_row, line_terminator, columns, findings }
}

/// Checks the chosen dialect against the sample and says what does not fit.
fn check(
    p: &Parsed,
    sample: &str,
    delim: u8,
    quote: Option<u8>,
    term: LineTerminator,
    k: usize,
    findings: &mut Vec<Finding>,
) {
    let scored: Vec<&Record> = p.scored().collect();
    let n = scored.len();
    // The first line as wide as no record: a title line, or a wrong choice.
    if let Some(first) = p.records.first() {
        let others = scored.iter().skip(1).filter(|r| r.fields.len() == first.fields.len()).count();
        if k >= 2 && !first.is_blank() && first.fields.len() != k && others * 2 < n {
            findings.push(Finding {
                kind: FindingKind::HeaderWidth,
                line: 1,
                message: format!(
                    "line 1 has {} field(s) with delimiter {:?} where most records have {k}",
                    first.fields.len(),
                    char::from(delim)
                ),
            });
        }
    }
    let ragged = scored.iter().filter(|r| r.fields.len() != k).count();
    if n >= 10 && ragged * 10 > n {
        let line = scored.iter().find(|r| r.fields.len() != k).map_or(0, |r| r.line) + 1;
        findings.push(Finding {
            kind: FindingKind::RaggedRecords,
            line,
            message: format!(
                "{ragged} of {n} records do not have {k} fields, first on line {line}"
            ),
        });
    }
    // Columns still wrapped in quote characters.
    for j in 0..k {
        let (mut filled, mut wrapped, mut first) = (0usize, 0usize, None);
        for r in scored.iter().skip(1) {
            let Some(f) = r.fields.get(j).map(|f| f.trim()) else { continue };
            if f.is_empty() {
                continue;
            }
            filled += 1;
            if f.len() >= 2
                && ((f.starts_with('"') && f.ends_with('"'))
                    || (f.starts_with('\'') && f.ends_with('\'')))
            {
                wrapped += 1;
                first.get_or_insert(r.line);
            }
        }
        if filled >= 2 && wrapped * 2 > filled {
            let line = first.unwrap_or(0) + 1;
            findings.push(Finding {
                kind: FindingKind::QuotedColumn,
                line,
                message: format!(
                    "column {} is still wrapped in quotes in {wrapped} of {filled} records",
                    j + 1
                ),
            });
        }
    }
    if quote.is_none() {
        let opened = scored.iter().filter(|r| r.fields.iter().any(|f| f.starts_with('"'))).count();
        if n >= 2 && opened * 2 > n {
            findings.push(Finding {
                kind: FindingKind::UnusedQuote,
                line: scored
                    .iter()
                    .find(|r| r.fields.iter().any(|f| f.starts_with('"')))
                    .map_or(0, |r| r.line)
                    + 1,
                message: format!(
                    "{opened} of {n} records have fields opening with '\"' but quoting is off"
                ),
            });
        }
    }
    if term == LineTerminator::Lf {
        if let Some((line, count)) = stray_cr(sample, quote) {
            findings.push(Finding {
                kind: FindingKind::StrayCarriageReturn,
                line,
                message: format!(
                    "{count} carriage return(s) alone inside unquoted fields of a file whose lines end in LF, first on line {line}; kept in the field"
                ),
            });
        }
    }
}

/// The 1-based line of the first lone `\r` outside quotes, and how many there are.
fn stray_cr(sample: &str, quote: Option<u8>) -> Option<(usize, usize)> {
    let b = sample.as_bytes();
    let (mut line, mut in_quotes, mut first, mut count) = (1usize, false, None, 0usize);
    for (i, &c) in b.iter().enumerate() {
        if Some(c) == quote {
            in_quotes = !in_quotes;
        } else if c == b'\n' {
            line += 1;
        } else if c == b'\r' && !in_quotes && b.get(i + 1) != Some(&b'\n') {
            count += 1;
            first.get_or_insert(line);
        }
    }
    first.map(|l| (l, count))
}

/// Counts the terminators outside `"` quotes and answers the most frequent one.
fn line_terminator(s: &str) -> LineTerminator {
    let b = s.as_bytes();
    let (mut crlf, mut lf, mut cr) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => in_quotes = !in_quotes,
            b'\r' if !in_quotes => {
                if b.get(i + 1) == Some(&b'\n') {
                    crlf += 1;
                    i += 1;
                } else {
                    cr += 1;
                }
            }
            b'\n' if !in_quotes => lf += 1,
            _ => {}
        }
        i += 1;
    }
    if crlf == 0 && lf == 0 && cr == 0 {
        // A sample that is all inside quotes, or a single line.
        if s.contains("\r\n") {
            return LineTerminator::CrLf;
        } else if s.contains('\r') && !s.contains('\n') {
            return LineTerminator::Cr;
        }
        return LineTerminator::Lf;
    }
    if crlf >= lf && crlf >= cr {
        LineTerminator::CrLf
    } else if lf >= cr {
        LineTerminator::Lf
    } else {
        LineTerminator::Cr
    }
}

/// One record as the scanner read it.
#[derive(Debug, Default)]
struct Record {
    /// The unquoted field values.
    fields: Vec<String>,
    /// The 0-based line where the record starts.
    line: usize,
    /// Whether a line terminator ended the record (rather than the end of the sample).
    complete: bool,
    /// Whether text followed a closing quote before the delimiter.
    malformed: bool,
}

impl Record {
    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
            && (self.fields.len() <= 1 || self.fields.iter().all(String::is_empty))
    }

    fn non_empty(&self) -> usize {
        self.fields.iter().filter(|f| !f.trim().is_empty()).count()
    }
}

#[derive(Debug, Default)]
struct Parsed {
    records: Vec<Record>,
    any_quoted: bool,
    /// Bytes read up to the end of the last complete record.
    complete_end: usize,
    /// Bytes read in all.
    end: usize,
}

impl Parsed {
    /// The records that count for scoring: not blank, and complete unless it is the only one.
    fn scored(&self) -> impl Iterator<Item = &Record> {
        let n = self.records.len();
        self.records
            .iter()
            .enumerate()
            .filter(move |(i, r)| !r.is_blank() && (r.complete || (*i == 0 && n == 1)))
            .map(|(_, r)| r)
    }

    /// The most frequent field count (larger wins ties).
    fn mode(&self) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for r in self.scored() {
            let k = r.fields.len();
            match counts.iter_mut().find(|(c, _)| *c == k) {
                Some((_, n)) => *n += 1,
                None => counts.push((k, 1)),
            }
        }
        counts.into_iter().max_by_key(|&(k, n)| (n, k)).map(|(k, _)| k)
    }
}

/// Parses the sample as CSV with the given delimiter and quote.
///
/// With `lf_only`, only `\n` ends a record (a `\r` just before it is dropped) and a lone
/// `\r` is part of the field, as [`crate::open_csv`] reads files whose lines end in LF.
fn parse(sample: &str, delim: u8, quote: Option<u8>, lf_only: bool) -> Parsed {
    let b = sample.as_bytes();
    let mut out = Parsed::default();
    let mut i = 0;
    let mut line = 0;
    let mut field: Vec<u8> = Vec::new();
    while i < b.len() && out.records.len() < MAX_RECORDS {
        let mut rec = Record { line, ..Record::default() };
        'fields: loop {
            field.clear();
            let mut after_quote = false;
            if let Some(q) = quote {
                if b.get(i) == Some(&q) {
                    out.any_quoted = true;
                    i += 1;
                    loop {
                        match b.get(i) {
                            None => {
                                rec.fields.push(String::from_utf8_lossy(&field).into_owned());
                                break 'fields;
                            }
                            Some(&c) if c == q => {
                                if b.get(i + 1) == Some(&q) {
                                    field.push(q);
                                    i += 2;
                                } else {
                                    i += 1;
                                    after_quote = true;
                                    break;
                                }
                            }
                            Some(&c) => {
                                if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                                    line += 1;
                                }
                                field.push(c);
                                i += 1;
                            }
                        }
                    }
                }
            }
            loop {
                match b.get(i) {
                    None => {
                        rec.fields.push(String::from_utf8_lossy(&field).into_owned());
                        break 'fields;
                    }
                    Some(&c) if c == delim => {
                        i += 1;
                        rec.fields.push(String::from_utf8_lossy(&field).into_owned());
                        continue 'fields;
                    }
                    Some(b'\r') if lf_only && b.get(i + 1) != Some(&b'\n') => {
                        field.push(b'\r');
                        i += 1;
                    }
                    Some(&c @ (b'\r' | b'\n')) => {
                        i += 1;
                        if c == b'\r' && b.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                        line += 1;
                        rec.complete = true;
                        rec.fields.push(String::from_utf8_lossy(&field).into_owned());
                        break 'fields;
                    }
                    Some(&c) => {
                        if after_quote {
                            rec.malformed = true;
                        }
                        field.push(c);
                        i += 1;
                    }
                }
            }
        }
        if rec.complete {
            out.complete_end = i;
        }
        out.records.push(rec);
    }
    out.end = i;
    out
}

/// Scores one candidate parse: higher is better.
fn score(p: &Parsed, sample: &str, delim: u8, quote: Option<u8>) -> f64 {
    let Some(k) = p.mode() else { return 0.0 };
    let (mut n, mut n_mode, mut n_bad) = (0usize, 0usize, 0usize);
    let (mut cells, mut clean) = (0usize, 0.0f64);
    for r in p.scored() {
        n += 1;
        if r.malformed {
            n_bad += 1;
        }
        if r.fields.len() == k {
            n_mode += 1;
            for f in &r.fields {
                let f = f.trim();
                if f.is_empty() {
                    continue;
                }
                cells += 1;
                // Unless `"` quotes, a cell that opens or closes with `"` shows that the
                // file quotes its fields: `"48.85` and ` 2.35"` are halves of one value.
                let wrapped = quote != Some(b'"') && (f.starts_with('"') || f.ends_with('"'));
                clean += if wrapped { 0.0 } else { cleanliness(f, delim) };
            }
        }
    }
    if n == 0 {
        return 0.0;
    }
    let consistency = n_mode as f64 / n as f64;
    let wellformed = 1.0 - n_bad as f64 / n as f64;
    let cleanliness = if cells == 0 { 1.0 } else { clean / cells as f64 };
    // A quote that opens and never closes swallows the rest of the sample into one
    // unfinished record: the reading explains little of the sample. A sample cut inside
    // a quoted multi-line value also ends unfinished, so the penalty applies only when
    // the swallowed lines look like records of their own (`k` fields each).
    let tail = sample.get(p.complete_end.min(p.end)..p.end).unwrap_or("");
    let swallowed = tail.lines().skip(1).any(|l| l.split(char::from(delim)).count() == k);
    let explained = if p.end == 0 || p.records.len() <= 1 || !swallowed {
        1.0
    } else {
        p.complete_end as f64 / p.end as f64
    };
    let wellformed = wellformed * (0.2 + 0.8 * explained);
    if k == 1 {
        // A one-column reading explains everything and proves nothing.
        return 0.1 * consistency * wellformed * cleanliness;
    }
    // More fields per record is slightly stronger evidence, with diminishing returns.
    let width = 1.0 + (k as f64).ln() / 20.0;
    consistency * wellformed * (0.5 + 0.5 * cleanliness) * width
}

/// How clean a cell looks when split with `delim`: 1 for a value, less when it still
/// holds another candidate delimiter.
fn cleanliness(cell: &str, delim: u8) -> f64 {
    let mut score: f64 = 1.0;
    for &d in &DELIMITERS {
        if d == delim || !cell.as_bytes().contains(&d) {
            continue;
        }
        if d == b',' {
            // A comma is normal in a French number or in prose.
            if kind(cell) != Kind::Number {
                score = score.min(0.6);
            }
        } else {
            score = score.min(0.0);
        }
    }
    score
}

/// The number of leading records that are a title or preamble rather than the table.
fn preamble(p: &Parsed, k: usize) -> usize {
    let recs = &p.records;
    // Never skip more than a handful of lines, nor everything.
    let limit = recs.len().saturating_sub(1).min(10);
    let mut start = 0;
    while start < limit {
        let Some(r) = recs.get(start) else { break };
        let preamble_like = if r.is_blank() || (k >= 2 && r.fields.len() != k) {
            true
        } else if k >= 3 && r.non_empty() <= 1 {
            // A title padded with delimiters, `Liste des subventions 2023;;;`, above fuller rows.
            let next_full = recs
                .iter()
                .skip(start + 1)
                .find(|r| !r.is_blank())
                .is_some_and(|r| r.fields.len() == k && r.non_empty() >= 2);
            next_full
        } else {
            false
        };
        if !preamble_like {
            break;
        }
        start += 1;
    }
    // Only a table that follows counts: if the table never appears, there is no preamble.
    if recs.get(start).map_or(true, |r| r.is_blank()) {
        return 0;
    }
    start
}

/// What a cell looks like, for header detection and cleanliness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Number,
    Date,
    /// Letters and digits with at least one digit: `2A004`, `A12`, a SIRET.
    Code,
    Bool,
    Text,
}

fn kind(cell: &str) -> Kind {
    let s = cell.trim();
    if s.is_empty() {
        return Kind::Empty;
    }
    if is_number(s) {
        return Kind::Number;
    }
    if is_date(s) {
        return Kind::Date;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "oui" | "non" | "true" | "false" | "vrai" | "faux" | "o" | "n") {
        return Kind::Bool;
    }
    let has_digit = s.bytes().any(|c| c.is_ascii_digit());
    // `colonne_1`, `code_2024`: a name with digits, not a code.
    if has_digit
        && !is_identifier(s)
        && s.len() <= 24
        && s.chars().all(|c| c.is_alphanumeric() || "-_./ ".contains(c))
    {
        return Kind::Code;
    }
    Kind::Text
}

/// `1 234,56`, `-12.5`, `1.234.567`, `12 %`, `3,5 €`, `1e-3`.
fn is_number(s: &str) -> bool {
    let s = s.trim_end_matches(['%', '€', ' ', '\u{a0}', '\u{202f}']);
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut digits = 0;
    let mut seps = 0;
    let mut exp = false;
    for c in s.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '\'' => seps += 1,
            'e' | 'E' if digits > 0 && !exp => exp = true,
            '-' | '+' if exp => {}
            _ => return false,
        }
    }
    digits > 0 && seps <= digits
}

/// `15/03/2023`, `2023-03-15`, `2023-03-15T10:00:00`, `15-03-2023 10:00`.
fn is_date(s: &str) -> bool {
    let date = s.split([' ', 'T']).next().unwrap_or(s);
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    if parts.len() != 3 {
        return false;
    }
    let ok = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()));
    let has_year = parts.iter().any(|p| p.len() == 4);
    ok && has_year
}

/// Whether the record at `start` is a header of the records below it.
fn has_header(recs: &[Record], start: usize, k: usize) -> bool {
    let Some(head) = recs.get(start) else { return false };
    let data: Vec<&Record> = recs
        .iter()
        .skip(start + 1)
        .filter(|r| !r.is_blank() && r.fields.len() == k && r.complete)
        .take(HEADER_WINDOW)
        .collect();
    let head_kinds: Vec<Kind> = head.fields.iter().map(|f| kind(f)).collect();
    // Labels are distinct: a repeated non-empty value is data.
    let mut labels: Vec<&str> =
        head.fields.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect();
    let n_labels = labels.len();
    labels.sort_unstable();
    labels.dedup();
    let distinct = labels.len() == n_labels;
    let typed_head = head_kinds.iter().filter(|k| matches!(k, Kind::Number | Kind::Date)).count();
    let text_head = head_kinds.iter().filter(|k| **k == Kind::Text).count();
    if data.is_empty() {
        // A lone record: a header if it is all distinct text labels.
        return distinct && typed_head == 0 && text_head > 0;
    }
    let mut vote: i64 = 0;
    if !distinct {
        vote -= 3;
    }
    if head.non_empty() * 2 < head.fields.len() {
        vote -= 1;
    }
    for (j, hk) in head_kinds.iter().enumerate() {
        let column: Vec<Kind> =
            data.iter().filter_map(|r| r.fields.get(j)).map(|f| kind(f)).collect();
        let filled: Vec<Kind> = column.iter().copied().filter(|k| *k != Kind::Empty).collect();
        if filled.is_empty() {
            continue;
        }
        let typed = filled.iter().filter(|k| **k != Kind::Text).count();
        let typed_column = typed * 5 >= filled.len() * 4;
        match hk {
            Kind::Text if typed_column => vote += 2,
            Kind::Number if typed_column && is_year(head.fields.get(j)) => {
                // `departement;2019;2020;2021`: years as column names, unless the column
                // itself holds years.
                let years = data.iter().filter(|r| is_year(r.fields.get(j))).count();
                vote += if years * 2 > data.len() { -2 } else { 1 };
            }
            Kind::Number | Kind::Date | Kind::Code | Kind::Bool if typed_column => {
                vote -= if filled.iter().all(|k| k == hk) { 2 } else { 1 };
            }
            Kind::Number | Kind::Date if !typed_column => vote += 0,
            Kind::Text => {
                let h = head.fields.get(j).map_or("", |s| s.trim());
                let looks_label = is_identifier(h)
                    && data
                        .iter()
                        .filter_map(|r| r.fields.get(j))
                        .all(|f| !is_identifier(f.trim()));
                // The label is repeated among the values: `nom` above `nom`? It is data.
                let repeated = data.iter().filter_map(|r| r.fields.get(j)).any(|f| f.trim() == h);
                if repeated {
                    vote -= 1;
                } else if looks_label {
                    vote += 1;
                }
            }
            _ => {}
        }
    }
    if vote == 0 {
        // Undecided: all-text columns with plain labels. Most published files have a
        // header, so say so unless the first record carries numbers.
        return distinct && typed_head == 0;
    }
    vote > 0
}

/// A year from 1800 to 2100 written alone: `2023`.
fn is_year(cell: Option<&String>) -> bool {
    let s = cell.map_or("", |s| s.trim());
    s.len() == 4 && s.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// `code_commune`, `nom_de_la_commune`, `codeInsee`: a column name, not a value.
fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.contains(['_'])
        && !s.contains(' ')
        && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sample: &str, delimiter: u8, quote: Option<u8>, has_header: bool, header_row: usize) {
        let d = sniff(sample);
        assert_eq!(
            (char::from(d.delimiter), d.quote.map(char::from), d.has_header, d.header_row),
            (char::from(delimiter), quote.map(char::from), has_header, header_row),
            "sample {sample:?} gave {d:?}"
        );
    }

    #[test]
    fn delimiters_and_headers() {
        check("a,b,c\n1,2,3\n4,5,6\n", b',', Some(b'"'), true, 0);
        check(
            "nom;montant\nAsso A;1 234,56\nAsso B;12,00\nAsso C;7,5\n",
            b';',
            Some(b'"'),
            true,
            0,
        );
        check("siren\tnom\n552032534\tDANONE\n542065479\tL'OREAL\n", b'\t', Some(b'"'), true, 0);
        check("code|libelle\n01|Ain\n02|Aisne\n2A|Corse-du-Sud\n", b'|', Some(b'"'), true, 0);
        check(
            "75056;Paris;2133111\n69123;Lyon;522250\n13055;Marseille;873076\n",
            b';',
            Some(b'"'),
            false,
            0,
        );
        check("'a b','c,d'\n'e','f'\n", b',', Some(b'\''), true, 0);
        check("x\n1\n2\n3\n", b',', Some(b'"'), true, 0);
        check("", b',', Some(b'"'), false, 0);
    }

    #[test]
    fn preamble_lines() {
        check(
            "Liste des subventions 2023;;;\n;;;\nbeneficiaire;siret;montant;date\nA;12345678901234;1 234,56;15/03/2023\nB;98765432109876;500,00;02/04/2023\n",
            b';',
            Some(b'"'),
            true,
            2,
        );
        check(
            "Liste des subventions 2023\n\nbeneficiaire;montant;date\nA;1 234,56;15/03/2023\nB;500,00;02/04/2023\n",
            b';',
            Some(b'"'),
            true,
            2,
        );
    }

    #[test]
    fn quoted_newlines_and_cut_sample() {
        let s = "id,adresse,cp\n1,\"12 rue X\nBât. B\",75001\n2,\"3, place Y\",69001\n3,\"Z";
        check(s, b',', Some(b'"'), true, 0);
    }

    #[test]
    fn sample_cut_inside_a_multiline_value() {
        let s = "c0,c1,c2\n\"1 234,56\",a;b,a;b\na;b,\"1 234,56\",Paris\nParis,\"0,00\",\"12 rue de la Paix\n75002 Paris";
        check(s, b',', Some(b'"'), true, 0);
    }

    #[test]
    fn stray_quote_turns_quoting_off() {
        check("a;b\n1;\"x\n2;y\n3;z\n4;w\n5;v\n", b';', None, true, 0);
    }

    #[test]
    fn every_data_cell_quoted_header_bare() {
        let s = "ref|nom|lieu|date|note\n\"A1\"|\"\"|\"France ; Drôme ; Valence\"|\"2024-03-02\"|\"\"\n\"A2\"|\"Morgan\"|\"Egypte ; Adaïma\"|\"\"|\"lot (9)\"\n\"A3\"|\"\"|\"\"|\"1999-10-07\"|\"\"\n";
        check(s, b'|', Some(b'"'), true, 0);
    }

    #[test]
    fn quoted_delimiter_on_every_row() {
        let s = "id,nom,coordonnees\r\n1,Paris,\"48.85, 2.35\"\r\n2,Lyon,\"45.76, 4.83\"\r\n3,Lille,\"50.63, 3.06\"\r\n";
        check(s, b',', Some(b'"'), true, 0);
        assert_eq!(sniff(s).columns, 3);
        let s = "1,Paris,\"48.85, 2.35\"\n2,Lyon,\"45.76, 4.83\"\n3,Lille,\"50.63, 3.06\"\n";
        check(s, b',', Some(b'"'), false, 0);
    }

    #[test]
    fn repeated_header_lines_are_preamble() {
        let s = "code;nom;pop\ncode;nom;pop\n75056;Paris;2133111\n69123;Lyon;522250\n13055;Marseille;873076\n";
        check(s, b';', Some(b'"'), true, 1);
        let s =
            "code;nom;pop\ncode;nom;pop\ncode;nom;pop\n75056;Paris;2133111\n69123;Lyon;522250\n";
        check(s, b';', Some(b'"'), true, 2);
    }

    #[test]
    fn terminators() {
        assert_eq!(sniff("a;b\r\n1;2\r\n").line_terminator, LineTerminator::CrLf);
        assert_eq!(sniff("a;b\r1;2\r").line_terminator, LineTerminator::Cr);
        assert_eq!(sniff("a;b\n1;2\n").line_terminator, LineTerminator::Lf);
    }
}
