//! One call from a path (or a reader) to UTF-8 CSV records: detect, transcode, sniff.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek};
use std::path::Path;

use crate::detect::{self, Detection, HEAD_SIZE};
use crate::error::Error;
use crate::limits::{Limits, RecordGuard};
use crate::reader::{Utf8Reader, Utf8ReaderBuilder};
use crate::sniff::{self, Dialect, LineTerminator};
use crate::transcode::{ErrorMode, Transcoder};

/// The byte source of a [`CsvSource`]: the head already read for sniffing, then the rest.
pub type HeadThen<R> = io::Chain<Cursor<Vec<u8>>, R>;

/// A CSV table opened as UTF-8 records: its detected encoding, its sniffed dialect and a
/// `csv::Reader` positioned on the header (preamble lines skipped).
///
/// # Example
///
/// ```
/// let bytes = b"Subventions 2023\r\n\r\nb\xe9n\xe9ficiaire;montant\r\nComit\xe9 des f\xeates;500,00\r\n";
/// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
/// assert_eq!(src.detection().encoding.name(), "windows-1252");
/// assert_eq!(src.dialect().header_row, 2);
/// assert_eq!(&src.reader().headers()?[0], "bénéficiaire");
/// let rows: Vec<csv::StringRecord> = src.records().collect::<Result<_, _>>()?;
/// assert_eq!(&rows[0][0], "Comité des fêtes");
/// // Positions give the physical line in the file, title lines included.
/// assert_eq!(rows[0].position().map(|p| p.line()), Some(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct CsvSource<R: Read> {
    detection: Detection,
    dialect: Dialect,
    reader: csv::Reader<RecordGuard<Utf8Reader<HeadThen<R>>>>,
    /// With `\r` line ends, the line of the next record (the csv reader counts `\n` only).
    cr_next: Option<u64>,
}

impl<R: Read> CsvSource<R> {
    /// How the encoding was detected.
    pub fn detection(&self) -> &Detection {
        &self.detection
    }

    /// The sniffed CSV dialect.
    pub fn dialect(&self) -> &Dialect {
        &self.dialect
    }

    /// The `csv::Reader`, for `headers()`. Its I/O errors carry this crate's errors:
    /// convert with `Error::from`. Records read from it directly have the csv crate's
    /// positions, which count lines from the header and lag one line behind on `\r\n`
    /// files: read them with [`CsvSource::read_record`] to get physical lines.
    pub fn reader(&mut self) -> &mut csv::Reader<RecordGuard<Utf8Reader<HeadThen<R>>>> {
        &mut self.reader
    }

    /// Reads the next record into `record` (reusing its buffers), its position's line set
    /// to the physical 1-based line of the file where the record starts, title lines
    /// included. Returns `false` at the end.
    ///
    /// The csv reader's own line numbers count `\n` bytes consumed before the record, so
    /// they are one short after a `\r\n` (the `\n` is consumed with the next record), short
    /// of the blank lines before the record, never advance on `\r` files, and start at the
    /// header. The line is rebuilt from the lines consumed while reading the record minus
    /// the line breaks inside its quoted fields, in the sniffed line terminator; files
    /// mixing terminators may be off by one on some records.
    ///
    /// # Errors
    ///
    /// As while reading [`CsvSource::records`]: [`crate::ErrorKind::InvalidBytes`],
    /// [`crate::ErrorKind::Io`] or [`crate::ErrorKind::Csv`].
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = b"code;nom\r\n75056;Paris\r\n\r\n69123;Lyon\r\n";
    /// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
    /// let mut rec = csv::StringRecord::new();
    /// let mut lines = Vec::new();
    /// while src.read_record(&mut rec)? {
    ///     lines.push(rec.position().map_or(0, |p| p.line()));
    /// }
    /// assert_eq!(lines, [2, 4]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_record(&mut self, record: &mut csv::StringRecord) -> Result<bool, Error> {
        if !self.reader.read_record(record)? {
            return Ok(false);
        }
        if let Some(mut pos) = record.position().cloned() {
            let line = self.physical_line(record.as_slice().as_bytes(), &pos);
            pos.set_line(line);
            record.set_position(Some(pos));
        }
        Ok(true)
    }

    /// [`CsvSource::read_record`] into a `csv::ByteRecord`: the same records and lines,
    /// without the csv reader's second UTF-8 validation of every field. The bytes are
    /// well-formed UTF-8 all the same (the transcoding reader below the csv reader
    /// guarantees it), and fields split at ASCII delimiters, so a caller may validate a
    /// whole record once (`std::str::from_utf8(record.as_slice())`) and slice its fields
    /// with `record.range(i)`.
    ///
    /// # Errors
    ///
    /// As [`CsvSource::read_record`].
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = b"code;nom\n2A004;Ajaccio\n";
    /// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
    /// let mut rec = csv::ByteRecord::new();
    /// assert!(src.read_byte_record(&mut rec)?);
    /// let text = std::str::from_utf8(rec.as_slice())?;
    /// assert_eq!(rec.range(1).and_then(|r| text.get(r)), Some("Ajaccio"));
    /// assert_eq!(rec.position().map(|p| p.line()), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_byte_record(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error> {
        if !self.reader.read_byte_record(record)? {
            return Ok(false);
        }
        if let Some(mut pos) = record.position().cloned() {
            let line = self.physical_line(record.as_slice(), &pos);
            pos.set_line(line);
            record.set_position(Some(pos));
        }
        Ok(true)
    }

    /// [`CsvSource::read_byte_record`] into a [`TextRecord`], whose fields are `&str`
    /// after one validation of the whole record (SIMD, about ten times faster than the
    /// csv reader's field-by-field check of a `StringRecord`).
    ///
    /// # Errors
    ///
    /// As [`CsvSource::read_record`].
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = b"code;nom\r\n2A004;Ajaccio\r\n\r\n97411;Saint-Denis\r\n";
    /// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
    /// let mut rec = dq_encoding::TextRecord::new();
    /// let mut seen = Vec::new();
    /// while src.read_text_record(&mut rec)? {
    ///     seen.push((rec.line(), rec.get(1).unwrap_or("").to_owned()));
    /// }
    /// assert_eq!(seen, [(2, "Ajaccio".to_owned()), (4, "Saint-Denis".to_owned())]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_text_record(&mut self, record: &mut TextRecord) -> Result<bool, Error> {
        if !self.read_byte_record(&mut record.raw)? {
            return Ok(false);
        }
        record.text.clear();
        match simdutf8::compat::from_utf8(record.raw.as_slice()) {
            Ok(s) => record.text.push_str(s),
            Err(e) => {
                // The transcoding reader only hands out UTF-8: kept for safety.
                let at = e.valid_up_to();
                let byte = record.raw.position().map_or(0, csv::Position::byte);
                let pos =
                    crate::Position { byte: byte + at as u64, line: record.line(), column: 0 };
                let bad = record.raw.as_slice().get(at..at + 1).unwrap_or(&[]);
                return Err(Error::invalid(pos, "UTF-8", bad));
            }
        }
        Ok(true)
    }

    /// The physical line of a record just read (its fields' bytes), which started at
    /// `start`.
    fn physical_line(&mut self, record: &[u8], start: &csv::Position) -> u64 {
        let offset = u64::try_from(self.dialect.header_row).unwrap_or(u64::MAX);
        let count = |r: &[u8], b: u8| -> u64 { r.iter().filter(|&&c| c == b).count() as u64 };
        let csv_line = match self.dialect.line_terminator {
            LineTerminator::Cr => {
                let line = match self.cr_next {
                    Some(l) => l,
                    // The header, read with the first record, took its own lines.
                    None if self.dialect.has_header => {
                        2 + self
                            .reader
                            .headers()
                            .map_or(0, |h| count(h.as_slice().as_bytes(), b'\r'))
                    }
                    None => 1,
                };
                self.cr_next = Some(line + 1 + count(record, b'\r'));
                line
            }
            LineTerminator::CrLf => {
                // Consumed: the `\n` ending the previous record, blank lines, the breaks
                // inside this record; its own `\r` is not a `\n`.
                let d = self.reader.position().line().saturating_sub(start.line());
                let leading = match d {
                    0 => 0,
                    1 if start.byte() > 0 => 1,
                    _ => d.saturating_sub(count(record, b'\n')),
                };
                start.line() + leading
            }
            LineTerminator::Lf => {
                // Consumed: blank lines, the breaks inside this record and its own `\n`.
                let d = self.reader.position().line().saturating_sub(start.line());
                let leading = if d <= 1 { 0 } else { d.saturating_sub(count(record, b'\n') + 1) };
                start.line() + leading
            }
        };
        csv_line.saturating_add(offset)
    }

    /// The records after the header, with errors of this crate and physical lines in
    /// their positions (as [`CsvSource::read_record`]).
    pub fn records(&mut self) -> impl Iterator<Item = Result<csv::StringRecord, Error>> + '_ {
        std::iter::from_fn(move || {
            let mut record = csv::StringRecord::new();
            match self.read_record(&mut record) {
                Ok(true) => Some(Ok(record)),
                Ok(false) => None,
                Err(e) => Some(Err(e)),
            }
        })
    }

    /// The encoding actually used so far (it differs from the detection when a provisional
    /// decision was changed by a late byte).
    pub fn encoding(&self) -> Option<crate::Encoding> {
        self.reader.get_ref().get_ref().encoding()
    }

    /// Replacements made so far (only with [`ErrorMode::Lossy`]).
    pub fn replacements(&self) -> u64 {
        self.reader.get_ref().get_ref().replacements()
    }

    /// In a file whose lines end in LF, how many carriage returns alone were found inside
    /// unquoted fields so far, and the 1-based line of the first one. They are kept in
    /// their field rather than read as the end of a record (the file's own terminator
    /// decides where records end): report them as a finding.
    ///
    /// # Example
    ///
    /// ```
    /// let bytes = b"siret,nom,cp\n44225589900019,\r,46330\n79090443700015,METALLERIE,66650\n";
    /// let mut src = dq_encoding::csv_from_reader(&bytes[..])?;
    /// let rows: Vec<csv::StringRecord> = src.records().collect::<Result<_, _>>()?;
    /// assert_eq!(rows.len(), 2);
    /// assert_eq!(&rows[0][1], "\r");
    /// assert_eq!(src.stray_carriage_returns(), (1, Some(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stray_carriage_returns(&self) -> (u64, Option<u64>) {
        self.reader.get_ref().stray_carriage_returns()
    }
}

/// A CSV record whose fields are `&str`, read by [`CsvSource::read_text_record`]:
/// the record's bytes validated once as a whole, then sliced by field.
///
/// # Example
///
/// ```
/// let mut src = dq_encoding::csv_from_reader(&b"a;b\n\xc3\xa9t\xc3\xa9;1\n"[..])?;
/// let mut rec = dq_encoding::TextRecord::new();
/// assert!(src.read_text_record(&mut rec)?);
/// assert_eq!(rec.iter().collect::<Vec<_>>(), ["été", "1"]);
/// assert_eq!(rec.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct TextRecord {
    raw: csv::ByteRecord,
    text: String,
}

impl TextRecord {
    /// An empty record (its buffers grow as records are read into it).
    pub fn new() -> TextRecord {
        TextRecord::default()
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Field `i`, if the record has it.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.raw.range(i).and_then(|r| self.text.get(r))
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(move |i| self.get(i))
    }

    /// The 1-based physical line where the record starts (0 when unknown).
    pub fn line(&self) -> u64 {
        self.raw.position().map_or(0, csv::Position::line)
    }

    /// The record's position (byte, line, record number).
    pub fn position(&self) -> Option<&csv::Position> {
        self.raw.position()
    }
}

/// Opens a file as UTF-8 CSV records in one call: detects the encoding from a bounded
/// sample (head and spread samples, [`crate::detect_reader`]), sniffs the dialect
/// ([`crate::sniff::sniff`]), skips the preamble lines and returns the records. Strict:
/// a byte that contradicts the detection fails with its position.
///
/// # Errors
///
/// [`crate::ErrorKind::Io`] when the file cannot be opened or read,
/// [`crate::ErrorKind::Binary`] for a PDF, a ZIP/XLSX or other binary file, and, while
/// reading records, [`crate::ErrorKind::InvalidBytes`] or [`crate::ErrorKind::Csv`].
///
/// # Example
///
/// ```
/// let path = std::env::temp_dir().join("dq-encoding-open-csv-doc.csv");
/// std::fs::write(&path, b"code;commune\n42218;Saint-\xc9tienne\n")?;
/// let mut src = dq_encoding::open_csv(&path)?;
/// let row = src.records().next().transpose()?.unwrap_or_default();
/// assert_eq!(&row[1], "Saint-Étienne");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open_csv<P: AsRef<Path>>(path: P) -> Result<CsvSource<File>, Error> {
    open_csv_with(path, &CsvOptions::default())
}

/// Options of [`open_csv_with`].
///
/// # Example
///
/// ```
/// use dq_encoding::{CsvOptions, ErrorMode};
/// let mut opts = CsvOptions::default();
/// opts.errors(ErrorMode::Lossy).delimiter(Some(b';'));
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CsvOptions {
    errors: ErrorMode,
    delimiter: Option<u8>,
    encoding: Option<crate::Encoding>,
    limits: Limits,
}

impl CsvOptions {
    /// What happens to invalid bytes. Default: [`ErrorMode::Strict`].
    pub fn errors(&mut self, mode: ErrorMode) -> &mut CsvOptions {
        self.errors = mode;
        self
    }

    /// The field delimiter, instead of the sniffed one. Default: `None` (sniff).
    pub fn delimiter(&mut self, delimiter: Option<u8>) -> &mut CsvOptions {
        self.delimiter = delimiter;
        self
    }

    /// The encoding, instead of the detected one. Default: `None` (detect).
    pub fn encoding(&mut self, encoding: Option<crate::Encoding>) -> &mut CsvOptions {
        self.encoding = encoding;
        self
    }

    /// The most fields a record may have; a record with more fails with
    /// [`crate::ErrorKind::LimitExceeded`] naming its line. Default:
    /// [`crate::DEFAULT_MAX_FIELDS`] (16,384).
    ///
    /// Together with [`CsvOptions::max_record_bytes`] this bounds the memory of a record
    /// (about `max_record_bytes + 8 × max_fields` bytes) and of every command that keeps
    /// something per column, whatever the input: a single line of millions of `a;` fails
    /// on its line instead of growing without end.
    ///
    /// # Example
    ///
    /// ```
    /// let mut opts = dq_encoding::CsvOptions::default();
    /// opts.max_fields(100_000);
    /// ```
    pub fn max_fields(&mut self, n: usize) -> &mut CsvOptions {
        self.limits.max_fields = u64::try_from(n).unwrap_or(u64::MAX);
        self
    }

    /// The most bytes (of UTF-8) one field may have. Default:
    /// [`crate::DEFAULT_MAX_FIELD_BYTES`] (16 MiB).
    ///
    /// # Example
    ///
    /// ```
    /// let mut opts = dq_encoding::CsvOptions::default();
    /// opts.max_field_bytes(1 << 20);
    /// ```
    pub fn max_field_bytes(&mut self, n: usize) -> &mut CsvOptions {
        self.limits.max_field_bytes = u64::try_from(n).unwrap_or(u64::MAX);
        self
    }

    /// The most bytes (of UTF-8, delimiters and quotes included) one record may have.
    /// Default: [`crate::DEFAULT_MAX_RECORD_BYTES`] (64 MiB).
    ///
    /// # Example
    ///
    /// ```
    /// let mut opts = dq_encoding::CsvOptions::default();
    /// opts.max_record_bytes(256 << 20);
    /// ```
    pub fn max_record_bytes(&mut self, n: usize) -> &mut CsvOptions {
        self.limits.max_record_bytes = u64::try_from(n).unwrap_or(u64::MAX);
        self
    }
}

/// [`open_csv`] with options: error mode, forced delimiter, forced encoding.
///
/// # Errors
///
/// As [`open_csv`].
///
/// # Example
///
/// ```
/// use dq_encoding::{open_csv_with, CsvOptions, Encoding};
/// let path = std::env::temp_dir().join("dq-encoding-open-csv-with-doc.csv");
/// std::fs::write(&path, b"nom|ville\nL\x82a|Cr\x82teil\n")?;
/// let mut opts = CsvOptions::default();
/// opts.delimiter(Some(b'|')).encoding(Some(Encoding::IBM850));
/// let mut src = open_csv_with(&path, &opts)?;
/// let row = src.records().next().transpose()?.unwrap_or_default();
/// assert_eq!(&row[1], "Créteil");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open_csv_with<P: AsRef<Path>>(
    path: P,
    options: &CsvOptions,
) -> Result<CsvSource<File>, Error> {
    let mut file = File::open(path)?;
    let detection = match options.encoding {
        Some(enc) => {
            let mut head = [0u8; 4];
            let n = file.read(&mut head)?;
            file.seek(std::io::SeekFrom::Start(0))?;
            let bom = enc.bom().is_some_and(|b| head.get(..n).is_some_and(|h| h.starts_with(b)));
            Detection {
                encoding: enc,
                bom,
                confidence: 1.0,
                evidence: "encoding given by the caller".into(),
                provisional: false,
                binary: None,
                corrupt_utf8: false,
            }
        }
        None => detect::detect_reader(&mut file)?,
    };
    let mut head = Vec::with_capacity(HEAD_SIZE);
    file.by_ref().take(HEAD_SIZE as u64).read_to_end(&mut head)?;
    from_parts(detection, head, file, options)
}

/// [`open_csv`] for any reader: detection uses the first 64 KiB only.
///
/// # Errors
///
/// As [`open_csv`].
///
/// # Example
///
/// ```
/// let mut src = dq_encoding::csv_from_reader(&b"siren\tnom\n552032534\tDANONE\n"[..])?;
/// assert_eq!(src.dialect().delimiter, b'\t');
/// assert_eq!(src.records().count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn csv_from_reader<R: Read>(rdr: R) -> Result<CsvSource<R>, Error> {
    csv_from_reader_with(rdr, &CsvOptions::default())
}

/// [`csv_from_reader`] with options (error mode, delimiter, encoding, limits).
///
/// # Errors
///
/// As [`open_csv`].
///
/// # Example
///
/// ```
/// use dq_encoding::{csv_from_reader_with, CsvOptions, ErrorKind};
/// let mut opts = CsvOptions::default();
/// opts.max_field_bytes(8);
/// let mut src = csv_from_reader_with(&b"code;nom\n75056;Paris\n13055;Marseille-en-Provence\n"[..], &opts)?;
/// let err = src.records().find_map(Result::err).unwrap();
/// assert_eq!(err.kind(), ErrorKind::LimitExceeded);
/// assert!(err.to_string().starts_with("line 3: record has more than 8 bytes in one field"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn csv_from_reader_with<R: Read>(
    mut rdr: R,
    options: &CsvOptions,
) -> Result<CsvSource<R>, Error> {
    let mut head = Vec::with_capacity(HEAD_SIZE);
    rdr.by_ref().take(HEAD_SIZE as u64).read_to_end(&mut head)?;
    let complete = head.len() < HEAD_SIZE;
    let detection = match options.encoding {
        Some(enc) => Detection {
            encoding: enc,
            bom: enc.bom().is_some_and(|b| head.starts_with(b)),
            confidence: 1.0,
            evidence: "encoding given by the caller".into(),
            provisional: false,
            binary: None,
            corrupt_utf8: false,
        },
        None => detect::detect_impl(&head, complete),
    };
    from_parts(detection, head, rdr, options)
}

fn from_parts<R: Read>(
    mut detection: Detection,
    head: Vec<u8>,
    rest: R,
    options: &CsvOptions,
) -> Result<CsvSource<R>, Error> {
    if let Some(kind) = detection.binary {
        return Err(Error::binary(kind, None));
    }
    if detection.corrupt_utf8 {
        // Decode as UTF-8 so that the corrupt bytes are reported, not turned into mojibake.
        detection.encoding = crate::Encoding::UTF_8;
        detection.evidence = format!("decoding as UTF-8: {}", detection.evidence);
    }
    // Decode the head leniently, only to sniff the dialect.
    let mut t = Transcoder::from_detection(&detection);
    t.errors(ErrorMode::Lossy);
    let mut sample = String::with_capacity(head.len());
    t.feed(&head, &mut sample, false)?;
    let mut dialect = sniff::sniff(&sample);
    if let Some(d) = options.delimiter {
        dialect.delimiter = d;
    }
    // The sample already shows records wider than the limit (a wide first line): fail
    // before a caller sizes anything by `columns`.
    if u64::try_from(dialect.columns).unwrap_or(u64::MAX) > options.limits.max_fields {
        let line = u64::try_from(dialect.header_row).unwrap_or(u64::MAX).saturating_add(1);
        let pos = crate::Position { byte: 0, line, column: 0 };
        return Err(Error::over_limit(pos, crate::Limit::Fields, options.limits.max_fields));
    }
    let mut utf8 = Utf8ReaderBuilder::new()
        .detection(detection.clone())
        .errors(options.errors)
        .build(Cursor::new(head).chain(rest));
    utf8.skip_lines(dialect.header_row)?;
    let first_line = u64::try_from(dialect.header_row).unwrap_or(u64::MAX).saturating_add(1);
    let guard = RecordGuard::new(utf8, &dialect, options.limits, first_line);
    let mut builder = dialect.reader_builder();
    if dialect.line_terminator == LineTerminator::Lf {
        // The file's own terminator ends records: a `\r` alone inside a field stays there
        // (the guard drops the `\r` of a `\r\n`).
        builder.terminator(csv::Terminator::Any(b'\n'));
    }
    let reader = builder.from_reader(guard);
    Ok(CsvSource { detection, dialect, reader, cr_next: None })
}

/// A CSV writer of UTF-8 text in `dialect`: its delimiter, its quote (`"` when the dialect
/// has none, used only where a field needs it) and its line terminator. With the
/// dialect of a [`CsvSource`], a cleaned table goes back in the shape it came in, UTF-8.
///
/// # Example
///
/// ```
/// let input = b"code;libell\xe9\r\n75056;Paris \"centre\"\r\n13055;Marseille\r\n";
/// let mut src = dq_encoding::csv_from_reader(&input[..])?;
/// let headers = src.reader().headers()?.clone();
/// let mut out = dq_encoding::csv_writer(Vec::new(), src.dialect());
/// out.write_record(&headers)?;
/// for record in src.records() {
///     out.write_record(&record?)?;
/// }
/// let text = String::from_utf8(out.into_inner()?)?;
/// assert_eq!(text, "code;libellé\r\n75056;\"Paris \"\"centre\"\"\"\r\n13055;Marseille\r\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn csv_writer<W: std::io::Write>(w: W, dialect: &crate::sniff::Dialect) -> csv::Writer<W> {
    use crate::sniff::LineTerminator;
    let terminator = match dialect.line_terminator {
        LineTerminator::CrLf => csv::Terminator::CRLF,
        LineTerminator::Lf => csv::Terminator::Any(b'\n'),
        LineTerminator::Cr => csv::Terminator::Any(b'\r'),
    };
    csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .quote(dialect.quote.unwrap_or(b'"'))
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(terminator)
        .from_writer(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The physical line of every record of `text`, read through [`CsvSource::read_record`].
    fn check(text: &str, expected: &[u64]) {
        let mut src = csv_from_reader(text.as_bytes()).unwrap();
        let mut rec = csv::StringRecord::new();
        let mut lines = Vec::new();
        while src.read_record(&mut rec).unwrap() {
            lines.push(rec.position().map_or(0, csv::Position::line));
        }
        assert_eq!(lines, expected, "{text:?}");
        let again: Vec<u64> = csv_from_reader(text.as_bytes())
            .unwrap()
            .records()
            .map(|r| r.unwrap().position().map_or(0, csv::Position::line))
            .collect();
        assert_eq!(again, expected, "records() {text:?}");
        // Byte records: the same lines and the same fields.
        let mut src = csv_from_reader(text.as_bytes()).unwrap();
        let mut strings = csv_from_reader(text.as_bytes()).unwrap();
        let (mut b, mut r) = (csv::ByteRecord::new(), csv::StringRecord::new());
        let mut byte_lines = Vec::new();
        while src.read_byte_record(&mut b).unwrap() {
            assert!(strings.read_record(&mut r).unwrap());
            byte_lines.push(b.position().map_or(0, csv::Position::line));
            let s = std::str::from_utf8(b.as_slice()).unwrap();
            let fields: Vec<&str> =
                (0..b.len()).filter_map(|i| b.range(i).and_then(|x| s.get(x))).collect();
            assert_eq!(fields, r.iter().collect::<Vec<_>>(), "{text:?}");
        }
        assert_eq!(byte_lines, expected, "read_byte_record {text:?}");
        let mut src = csv_from_reader(text.as_bytes()).unwrap();
        let mut strings = csv_from_reader(text.as_bytes()).unwrap();
        let mut t = TextRecord::new();
        let mut text_lines = Vec::new();
        while src.read_text_record(&mut t).unwrap() {
            assert!(strings.read_record(&mut r).unwrap());
            text_lines.push(t.line());
            assert_eq!(t.iter().collect::<Vec<_>>(), r.iter().collect::<Vec<_>>(), "{text:?}");
        }
        assert_eq!(text_lines, expected, "read_text_record {text:?}");
    }

    #[test]
    fn physical_lines() {
        let lf = "code;nom;n\n75056;Paris;1\n69123;Lyon;2\n13055;Marseille;3\n";
        check(lf, &[2, 3, 4]);
        check(&lf.replace('\n', "\r\n"), &[2, 3, 4]);
        check(&lf.replace('\n', "\r"), &[2, 3, 4]);
        // Without a final line end.
        check(lf.trim_end(), &[2, 3, 4]);
        check(lf.replace('\n', "\r\n").trim_end(), &[2, 3, 4]);
        // A blank line before a record.
        let blank = "code;nom;n\n75056;Paris;1\n\n69123;Lyon;2\n13055;Marseille;3\n";
        check(blank, &[2, 4, 5]);
        check(&blank.replace('\n', "\r\n"), &[2, 4, 5]);
        // A line break inside a quoted field: the record starts on its first line.
        let quoted = "code;adresse;n\n75056;\"1 rue de Rivoli\nBâtiment A\";1\n69123;\"2 quai\";2\n13055;x;3\n";
        check(quoted, &[2, 4, 5]);
        check(&quoted.replace('\n', "\r\n"), &[2, 4, 5]);
        check(&quoted.replace('\n', "\r"), &[2, 4, 5]);
        // Title lines above the header count.
        let titled =
            "Subventions 2023;;\n\ncode;nom;n\n75056;Paris;1\n69123;Lyon;2\n13055;Marseille;3\n";
        check(titled, &[4, 5, 6]);
        check(&titled.replace('\n', "\r\n"), &[4, 5, 6]);
    }

    /// The fields of every record of `text` read through `open`'s reader, or the error.
    fn fields(text: &[u8], opts: &CsvOptions) -> Result<Vec<Vec<String>>, Error> {
        let mut src = csv_from_reader_with(text, opts)?;
        let mut out = Vec::new();
        let mut rec = TextRecord::new();
        while src.read_text_record(&mut rec)? {
            out.push(rec.iter().map(str::to_owned).collect());
        }
        Ok(out)
    }

    fn check_fields(text: &str, expected: &[&[&str]]) {
        let got = fields(text.as_bytes(), &CsvOptions::default()).unwrap();
        let want: Vec<Vec<String>> =
            expected.iter().map(|r| r.iter().map(|f| (*f).to_owned()).collect()).collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn lf_files_end_records_at_lf_only() {
        // A stray CR inside an unquoted field stays in its field.
        check_fields("a,b,c\n1,\r,3\n4,5,6\n", &[&["1", "\r", "3"], &["4", "5", "6"]]);
        check_fields("a,b,c\n1,x\ry,3\n4,5,6\n", &[&["1", "x\ry", "3"], &["4", "5", "6"]]);
        // A CRLF line in an LF file: the CR is not kept in the last field.
        check_fields("a,b,c\n1,2,3\r\n4,5,6\n", &[&["1", "2", "3"], &["4", "5", "6"]]);
        // Inside quotes everything is kept.
        check_fields("a,b\n\"x\r\ny\",2\n3,4\n", &[&["x\r\ny", "2"], &["3", "4"]]);
        // A CR at the very end of the input.
        check_fields("a,b\n1,2\n3,4\r", &[&["1", "2"], &["3", "4\r"]]);
        // CRLF files are unchanged.
        check_fields("a,b\r\n1,2\r\n3,4\r\n", &[&["1", "2"], &["3", "4"]]);
        let mut src = csv_from_reader(&b"a,b,c\n1,\r,3\n4,5,6\n7,\r,9\n"[..]).unwrap();
        assert_eq!(src.records().count(), 3);
        assert_eq!(src.stray_carriage_returns(), (2, Some(2)));
    }

    #[test]
    fn stray_cr_across_buffer_boundaries() {
        // The guard's buffer is 64 KiB: put a CR and a CRLF on every offset around it.
        for shift in 0..4 {
            let mut text = String::from("a,b\n");
            while text.len() < BUF_EDGE + shift {
                text.push_str("x,y\n");
            }
            text.push_str("1,\r\r\n2,3\n");
            let rows = fields(text.as_bytes(), &CsvOptions::default()).unwrap();
            let last: Vec<&str> = rows.iter().rev().take(2).flatten().map(String::as_str).collect();
            assert_eq!(last, ["2", "3", "1", "\r"], "shift {shift}");
        }
    }

    const BUF_EDGE: usize = 64 * 1024 - 2;

    #[test]
    fn limits_name_the_line() {
        let mut opts = CsvOptions::default();
        opts.max_fields(4);
        let err = fields(b"a;b;c\n1;2;3\n\n1;2;3;4;5;6\n", &opts).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::LimitExceeded);
        assert_eq!(err.limit(), Some(crate::Limit::Fields));
        assert_eq!(err.position().map(|p| p.line), Some(4));
        // Delimiters inside quotes are not fields.
        assert!(fields(b"a;b\n\"1;2;3;4;5;6\";2\n", &opts).is_ok());
        let mut opts = CsvOptions::default();
        opts.max_field_bytes(5);
        assert!(fields(b"a;b\n12345;x\n", &opts).is_ok());
        let err = fields(b"a;b\n12345;x\n123456;y\n", &opts).unwrap_err();
        assert_eq!(
            (err.limit(), err.position().map(|p| p.line)),
            (Some(crate::Limit::FieldBytes), Some(3))
        );
        let mut opts = CsvOptions::default();
        opts.max_record_bytes(10);
        let err = fields(b"a;b\n1;2\n1234;5678;9\n", &opts).unwrap_err();
        assert_eq!(err.limit(), Some(crate::Limit::RecordBytes));
        assert_eq!(err.position().map(|p| p.line), Some(3));
    }

    #[test]
    fn a_wide_sample_fails_when_opened() {
        let mut opts = CsvOptions::default();
        opts.max_fields(3);
        let err = csv_from_reader_with(&b"a;b;c;d;e\n1;2;3;4;5\n"[..], &opts).unwrap_err();
        assert_eq!(
            (err.limit(), err.position().map(|p| p.line)),
            (Some(crate::Limit::Fields), Some(1))
        );
    }

    #[test]
    fn a_wide_line_fails_on_its_line() {
        // 1 MiB of `a;` on one line: 524,288 fields.
        let line = "a;".repeat(1 << 19);
        let text = format!("{line}\n");
        let err = fields(text.as_bytes(), &CsvOptions::default()).unwrap_err();
        assert_eq!(err.limit(), Some(crate::Limit::Fields));
        assert_eq!(err.position().map(|p| p.line), Some(1));
        assert!(err.to_string().contains("more than 16384 fields"), "{err}");
    }
}
