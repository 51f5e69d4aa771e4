//! One call from a path (or a reader) to UTF-8 CSV records: detect, transcode, sniff.

use std::fs::File;
use std::io::{self, Cursor, Read};
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
    open_csv_with(path, ErrorMode::Strict)
}

/// [`open_csv`] with a choice of [`ErrorMode`] ([`ErrorMode::Lossy`] replaces and counts).
///
/// # Errors
///
/// As [`open_csv`].
pub fn open_csv_with<P: AsRef<Path>>(path: P, errors: ErrorMode) -> Result<CsvSource<File>, Error> {
    let mut file = File::open(path)?;
    let detection = detect::detect_reader(&mut file)?;
    let mut head = Vec::with_capacity(HEAD_SIZE);
    file.by_ref().take(HEAD_SIZE as u64).read_to_end(&mut head)?;
    from_parts(detection, head, file, errors)
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
    from_parts(detection, head, rdr, ErrorMode::Strict)
}

fn from_parts<R: Read>(detection: Detection, head: Vec<u8>, rest: R, errors: ErrorMode) -> Result<CsvSource<R>, Error> {
    if let Some(kind) = detection.binary {
        return Err(Error::binary(kind, None));
    }
    // Decode the head leniently, only to sniff the dialect.
    let mut t = Transcoder::from_detection(&detection);
    t.errors(ErrorMode::Lossy);
    let mut sample = String::with_capacity(head.len());
    t.feed(&head, &mut sample, false)?;
    let dialect = sniff::sniff(&sample);
    let mut utf8 = Utf8ReaderBuilder::new().detection(detection.clone()).errors(errors).build(Cursor::new(head).chain(rest));
    utf8.skip_lines(dialect.header_row)?;
    let reader = dialect.reader_builder().from_reader(utf8);
    Ok(CsvSource { detection, dialect, reader })
}
