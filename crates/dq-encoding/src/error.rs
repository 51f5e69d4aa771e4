//! The crate's error type: invalid bytes, binary input, I/O and CSV failures.

use std::fmt;

/// Where in the input an error happened.
///
/// `byte` is the 0-based offset in the raw input bytes; `line` (1-based) and `column`
/// (1-based, in characters) count in the text decoded so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Position {
    /// 0-based byte offset in the raw input.
    pub byte: u64,
    /// 1-based line number (lines end at `\n`).
    pub line: u64,
    /// 1-based column, in characters, on that line.
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}, line {}, column {}", self.byte, self.line, self.column)
    }
}

/// What a binary (non-text) input looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BinaryKind {
    /// A PDF document (`%PDF`).
    Pdf,
    /// A ZIP archive, which includes XLSX, ODS and DOCX files (`PK\x03\x04`).
    Zip,
    /// An OLE2 compound file: legacy XLS or DOC (`D0 CF 11 E0`).
    Ole2,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A GZIP stream.
    Gzip,
    /// A BZIP2 stream.
    Bzip2,
    /// A 7-Zip archive.
    SevenZip,
    /// An SQLite database.
    Sqlite,
    /// An Apache Parquet file.
    Parquet,
    /// An executable (ELF or PE).
    Executable,
    /// NUL bytes in a file that is not UTF-16.
    NulBytes,
}

impl BinaryKind {
    /// A short human description: `"a PDF document"`, `"a ZIP archive (XLSX, ODS…)"`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::BinaryKind;
    /// assert_eq!(BinaryKind::Pdf.describe(), "a PDF document");
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            BinaryKind::Pdf => "a PDF document",
            BinaryKind::Zip => "a ZIP archive (XLSX, ODS, DOCX…)",
            BinaryKind::Ole2 => "an OLE2 compound file (legacy XLS or DOC)",
            BinaryKind::Png => "a PNG image",
            BinaryKind::Jpeg => "a JPEG image",
            BinaryKind::Gif => "a GIF image",
            BinaryKind::Gzip => "a GZIP-compressed file",
            BinaryKind::Bzip2 => "a BZIP2-compressed file",
            BinaryKind::SevenZip => "a 7-Zip archive",
            BinaryKind::Sqlite => "an SQLite database",
            BinaryKind::Parquet => "an Apache Parquet file",
            BinaryKind::Executable => "an executable",
            BinaryKind::NulBytes => "binary data (NUL bytes)",
        }
    }
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// The kind of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Bytes that are not valid in the encoding being decoded.
    InvalidBytes,
    /// The input is not text: see [`Error::binary_kind`].
    Binary,
    /// An unknown encoding label.
    UnknownEncoding,
    /// A character that the target encoding cannot represent (when encoding).
    Unmappable,
    /// An I/O error.
    Io,
    /// A CSV parsing error.
    Csv,
    /// A record went past one of the limits that bound memory (fields per record, bytes
    /// per field or per record): see [`Error::limit`] and [`crate::CsvOptions`].
    LimitExceeded,
}

/// Which limit of [`crate::CsvOptions`] a record went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Fields per record ([`crate::CsvOptions::max_fields`]).
    Fields,
    /// Bytes per field ([`crate::CsvOptions::max_field_bytes`]).
    FieldBytes,
    /// Bytes per record ([`crate::CsvOptions::max_record_bytes`]).
    RecordBytes,
}

impl Limit {
    /// What is limited, in words: `"fields"`, `"bytes in a field"`, `"bytes"`.
    fn what(self) -> &'static str {
        match self {
            Limit::Fields => "fields",
            Limit::FieldBytes => "bytes in one field",
            Limit::RecordBytes => "bytes",
        }
    }

    /// The option that raises the limit.
    fn option(self) -> &'static str {
        match self {
            Limit::Fields => "max_fields",
            Limit::FieldBytes => "max_field_bytes",
            Limit::RecordBytes => "max_record_bytes",
        }
    }
}

/// The error of every fallible function of this crate.
///
/// Opaque: use [`Error::kind`], [`Error::position`], [`Error::bytes`] and
/// [`Error::binary_kind`]. The message is lowercase and carries the offending value.
///
/// # Example
///
/// ```
/// use dq_encoding::{Encoding, ErrorKind, Transcoder};
///
/// let mut t = Transcoder::new(Encoding::UTF_8);
/// let mut out = String::new();
/// let err = t.feed(b"nom\nAndr\xe9\n", &mut out, true).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidBytes);
/// let pos = err.position().unwrap_or_default();
/// assert_eq!((pos.byte, pos.line, pos.column), (8, 2, 5));
/// assert_eq!(err.bytes(), Some(&[0xe9][..]));
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Repr>);

#[derive(Debug, thiserror::Error)]
pub(crate) enum Repr {
    #[error("{pos}: invalid {encoding} bytes {}", hex(.bytes))]
    InvalidBytes { pos: Position, encoding: &'static str, bytes: Vec<u8> },
    #[error("input is not text: it looks like {}{}", .kind.describe(), at(.pos))]
    Binary { kind: BinaryKind, pos: Option<Position> },
    #[error("unknown encoding label {0:?}")]
    UnknownEncoding(String),
    #[error("character {ch:?} cannot be encoded in {encoding}")]
    Unmappable { ch: char, encoding: &'static str },
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Csv(csv::Error),
    #[error("line {}: record has more than {max} {} (limit {}, byte {})", .pos.line, .limit.what(), .limit.option(), .pos.byte)]
    Limit { pos: Position, limit: Limit, max: u64 },
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{b:02X}"));
    }
    s
}

fn at(pos: &Option<Position>) -> String {
    match pos {
        Some(p) => format!(" ({p})"),
        None => String::new(),
    }
}

impl Error {
    pub(crate) fn new(repr: Repr) -> Error {
        Error(Box::new(repr))
    }

    pub(crate) fn invalid(pos: Position, encoding: &'static str, bytes: &[u8]) -> Error {
        Error::new(Repr::InvalidBytes { pos, encoding, bytes: bytes.to_vec() })
    }

    pub(crate) fn over_limit(pos: Position, limit: Limit, max: u64) -> Error {
        Error::new(Repr::Limit { pos, limit, max })
    }

    /// Which limit a record went past, for an [`ErrorKind::LimitExceeded`] error.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{csv_from_reader_with, CsvOptions, ErrorKind, Limit};
    /// let mut opts = CsvOptions::default();
    /// opts.max_fields(3);
    /// let text = "a;b;c\n1;2;3\n1;2;3;4;5\n";
    /// let mut src = csv_from_reader_with(text.as_bytes(), &opts)?;
    /// let err = src.records().find_map(Result::err).unwrap();
    /// assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    /// assert_eq!(err.limit(), Some(Limit::Fields));
    /// assert_eq!(err.position().map(|p| p.line), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn limit(&self) -> Option<Limit> {
        match &*self.0 {
            Repr::Limit { limit, .. } => Some(*limit),
            _ => None,
        }
    }

    pub(crate) fn binary(kind: BinaryKind, pos: Option<Position>) -> Error {
        Error::new(Repr::Binary { kind, pos })
    }

    /// The kind of error.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, ErrorKind};
    /// let err = Encoding::for_label("klingon").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::UnknownEncoding);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match &*self.0 {
            Repr::InvalidBytes { .. } => ErrorKind::InvalidBytes,
            Repr::Binary { .. } => ErrorKind::Binary,
            Repr::UnknownEncoding(_) => ErrorKind::UnknownEncoding,
            Repr::Unmappable { .. } => ErrorKind::Unmappable,
            Repr::Io(_) => ErrorKind::Io,
            Repr::Csv(_) => ErrorKind::Csv,
            Repr::Limit { .. } => ErrorKind::LimitExceeded,
        }
    }

    /// Where the error happened, when known: byte offset, line and column.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut out = String::new();
    /// let err = Transcoder::new(Encoding::UTF_8).feed(b"caf\xc3", &mut out, true).unwrap_err();
    /// assert_eq!(err.position().map(|p| p.byte), Some(3));
    /// ```
    pub fn position(&self) -> Option<Position> {
        match &*self.0 {
            Repr::InvalidBytes { pos, .. } => Some(*pos),
            Repr::Binary { pos, .. } => *pos,
            Repr::Limit { pos, .. } => Some(*pos),
            Repr::Csv(e) => {
                e.position().map(|p| Position { byte: p.byte(), line: p.line(), column: 0 })
            }
            _ => None,
        }
    }

    /// The offending bytes of an [`ErrorKind::InvalidBytes`] error.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut out = String::new();
    /// let err = Transcoder::new(Encoding::UTF_8).feed(b"Cr\xe9teil", &mut out, true).unwrap_err();
    /// assert_eq!(err.bytes(), Some(&[0xE9][..]));
    /// ```
    pub fn bytes(&self) -> Option<&[u8]> {
        match &*self.0 {
            Repr::InvalidBytes { bytes, .. } => Some(bytes),
            _ => None,
        }
    }

    /// The name of the encoding under which the bytes were invalid.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut out = String::new();
    /// let err = Transcoder::new(Encoding::UTF_8).feed(b"\xff", &mut out, true).unwrap_err();
    /// assert_eq!(err.encoding(), Some("UTF-8"));
    /// ```
    pub fn encoding(&self) -> Option<&'static str> {
        match &*self.0 {
            Repr::InvalidBytes { encoding, .. } => Some(encoding),
            Repr::Unmappable { encoding, .. } => Some(encoding),
            _ => None,
        }
    }

    /// What a binary input looks like, for an [`ErrorKind::Binary`] error.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{BinaryKind, Transcoder, Encoding};
    /// let mut out = String::new();
    /// let err = Transcoder::new(Encoding::UTF_8).feed(b"%PDF-1.7\n", &mut out, true).unwrap_err();
    /// assert_eq!(err.binary_kind(), Some(BinaryKind::Pdf));
    /// ```
    pub fn binary_kind(&self) -> Option<BinaryKind> {
        match &*self.0 {
            Repr::Binary { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Turns this error into an `std::io::Error` that [`Error::from_io`] can unwrap again.
    pub(crate) fn into_io(self) -> std::io::Error {
        match *self.0 {
            Repr::Io(e) => e,
            repr => std::io::Error::new(std::io::ErrorKind::InvalidData, Error(Box::new(repr))),
        }
    }

    /// Unwraps an error of this crate carried inside an `std::io::Error` (as
    /// [`crate::Utf8Reader`] returns them), or wraps a genuine I/O error.
    ///
    /// # Example
    ///
    /// ```
    /// use std::io::Read;
    /// use dq_encoding::{Error, ErrorKind, Utf8Reader};
    ///
    /// let mut text = String::new();
    /// let io = Utf8Reader::new(&b"\x89PNG\r\n\x1a\n"[..]).read_to_string(&mut text).unwrap_err();
    /// assert_eq!(Error::from_io(io).kind(), ErrorKind::Binary);
    /// ```
    pub fn from_io(err: std::io::Error) -> Error {
        if err.get_ref().is_some_and(|inner| inner.is::<Error>()) {
            if let Some(inner) = err.into_inner() {
                if let Ok(e) = inner.downcast::<Error>() {
                    return *e;
                }
            }
            return Error::new(Repr::Io(std::io::Error::other("lost error")));
        }
        Error::new(Repr::Io(err))
    }

    /// Finds this crate's error, with its line and byte offset, inside another error: a
    /// `csv::Error` or an `std::io::Error` that carries it (as every reader built on
    /// [`crate::Utf8Reader`] or [`crate::open_csv`] does), or anywhere down an error's
    /// `source()` chain (the `dq_clean::Error` of a table cleaner reading such a reader,
    /// for instance). `std::io::Error::source()` skips the error it carries and
    /// `csv::Error` has no `source()`: this looks inside both.
    ///
    /// # Example
    ///
    /// ```
    /// use std::io::Read;
    /// use dq_encoding::{Error, Utf8Reader};
    /// let mut text = String::new();
    /// let io = Utf8Reader::new(&b"\x00\x01\x02 binary"[..]).read_to_string(&mut text).unwrap_err();
    /// let csv = csv::Error::from(io);
    /// assert!(Error::find_in(&csv).is_some());
    /// ```
    pub fn find_in<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a Error> {
        let mut current = Some(err);
        // A bound on the chain's length, against a cycle.
        for _ in 0..64 {
            let e = current?;
            if let Some(found) = e.downcast_ref::<Error>() {
                return Some(found);
            }
            let inner: Option<&(dyn std::error::Error + 'static)> =
                if let Some(io) = e.downcast_ref::<std::io::Error>() {
                    io.get_ref().map(|i| i as &(dyn std::error::Error + 'static))
                } else if let Some(c) = e.downcast_ref::<csv::Error>() {
                    match c.kind() {
                        csv::ErrorKind::Io(io) => Some(io),
                        _ => None,
                    }
                } else {
                    None
                };
            current = inner.or_else(|| e.source());
        }
        None
    }

    pub(crate) fn from_csv(err: csv::Error) -> Error {
        if let csv::ErrorKind::Io(_) = err.kind() {
            if let csv::ErrorKind::Io(io) = err.into_kind() {
                return Error::from_io(io);
            }
            return Error::new(Repr::Io(std::io::Error::other("lost error")));
        }
        Error::new(Repr::Csv(err))
    }

    pub(crate) fn unknown_encoding(label: &str) -> Error {
        Error::new(Repr::UnknownEncoding(label.to_owned()))
    }

    pub(crate) fn unmappable(ch: char, encoding: &'static str) -> Error {
        Error::new(Repr::Unmappable { ch, encoding })
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::from_io(err)
    }
}

impl From<csv::Error> for Error {
    fn from(err: csv::Error) -> Error {
        Error::from_csv(err)
    }
}
