//! One call from a path (or a reader) to UTF-8 CSV records: detect, transcode, sniff.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek};
use std::path::Path;

use crate::detect::{self, Detection, HEAD_SIZE};
use crate::error::Error;
use crate::reader::{Utf8Reader, Utf8ReaderBuilder};
use crate::sniff::{self, Dialect};
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct CsvSource<R: Read> {
    detection: Detection,
    dialect: Dialect,
    reader: csv::Reader<Utf8Reader<HeadThen<R>>>,
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

    /// The `csv::Reader`, for `headers()` and `read_record(&mut record)` loops. Its I/O
    /// errors carry this crate's errors: convert with `Error::from`.
    pub fn reader(&mut self) -> &mut csv::Reader<Utf8Reader<HeadThen<R>>> {
        &mut self.reader
    }

    /// The records after the header, with errors of this crate.
    pub fn records(&mut self) -> impl Iterator<Item = Result<csv::StringRecord, Error>> + '_ {
        self.reader.records().map(|r| r.map_err(Error::from))
    }

    /// The encoding actually used so far (it differs from the detection when a provisional
    /// decision was changed by a late byte).
    pub fn encoding(&self) -> Option<crate::Encoding> {
        self.reader.get_ref().encoding()
    }

    /// Replacements made so far (only with [`ErrorMode::Lossy`]).
    pub fn replacements(&self) -> u64 {
        self.reader.get_ref().replacements()
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
pub fn csv_from_reader<R: Read>(mut rdr: R) -> Result<CsvSource<R>, Error> {
    let mut head = Vec::with_capacity(HEAD_SIZE);
    rdr.by_ref().take(HEAD_SIZE as u64).read_to_end(&mut head)?;
    let complete = head.len() < HEAD_SIZE;
    let detection = detect::detect_impl(&head, complete);
    from_parts(detection, head, rdr, &CsvOptions::default())
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
    let mut utf8 = Utf8ReaderBuilder::new()
        .detection(detection.clone())
        .errors(options.errors)
        .build(Cursor::new(head).chain(rest));
    utf8.skip_lines(dialect.header_row)?;
    let reader = dialect.reader_builder().from_reader(utf8);
    Ok(CsvSource { detection, dialect, reader })
}
