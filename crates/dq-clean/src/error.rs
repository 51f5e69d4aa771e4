//! The crate's error: table cleaning and rules files.

use std::fmt;

/// Where in a table or a rules file an error happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Position {
    /// The 1-based data row (the header row is 0), when known.
    pub row: Option<u64>,
    /// The 1-based line in the file, when known.
    pub line: Option<u64>,
    /// The 0-based column (field) index, when known.
    pub column: Option<usize>,
    /// The byte offset in the input, when known.
    pub byte: Option<u64>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.row) {
            (Some(l), _) => write!(f, "line {l}"),
            (None, Some(r)) => write!(f, "row {r}"),
            (None, None) => write!(f, "unknown position"),
        }
    }
}

/// What kind of error happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing failed.
    Io,
    /// The CSV input or output was malformed.
    Csv,
    /// The rules file is not valid TOML or names an unknown kind or option.
    Rules,
    /// The change log does not match the cleaned table.
    ChangeLog,
}

/// The error of `dq-clean`'s table cleaner and rules parser.
///
/// # Example
///
/// ```
/// use dq_clean::{rules::Rules, ErrorKind};
/// let err = Rules::from_toml("[columns.montant]\nkind = \"nombre\"").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Rules);
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Repr>);

// Without the `table` feature, only I/O errors are built.
#[cfg_attr(not(feature = "table"), allow(dead_code))]
#[derive(Debug, thiserror::Error)]
enum Repr {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[cfg(feature = "table")]
    #[error("{0}")]
    Csv(#[from] csv::Error),
    #[error("rules file: {message}")]
    Rules { message: String, pos: Position },
    #[error("change log, {pos}: {message}")]
    ChangeLog { message: String, pos: Position },
}

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        match &*self.0 {
            Repr::Io(_) => ErrorKind::Io,
            #[cfg(feature = "table")]
            Repr::Csv(_) => ErrorKind::Csv,
            Repr::Rules { .. } => ErrorKind::Rules,
            Repr::ChangeLog { .. } => ErrorKind::ChangeLog,
        }
    }

    /// Where the error happened, when known.
    pub fn position(&self) -> Option<Position> {
        match &*self.0 {
            Repr::Io(_) => None,
            #[cfg(feature = "table")]
            Repr::Csv(e) => e.position().map(|p| Position {
                row: None,
                line: Some(p.line()),
                column: None,
                byte: Some(p.byte()),
            }),
            Repr::Rules { pos, .. } | Repr::ChangeLog { pos, .. } => Some(*pos),
        }
    }

    #[cfg(feature = "table")]
    pub(crate) fn rules(message: impl Into<String>) -> Error {
        Error(Box::new(Repr::Rules { message: message.into(), pos: Position::default() }))
    }

    #[cfg(feature = "table")]
    pub(crate) fn change_log(message: impl Into<String>, row: u64) -> Error {
        let pos = Position { row: Some(row), ..Position::default() };
        Error(Box::new(Repr::ChangeLog { message: message.into(), pos }))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error(Box::new(Repr::Io(e)))
    }
}

#[cfg(feature = "table")]
impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        Error(Box::new(Repr::Csv(e)))
    }
}
