//! The crate's error.

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened, decoded or parsed (see the message).
    Read,
    /// A worker thread failed.
    Thread,
}

/// The error of profiling a file.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Repr>);

#[derive(Debug, thiserror::Error)]
enum Repr {
    #[error("cannot read the table: {0}")]
    Read(#[from] dq_encoding::Error),
    #[error("a profiling thread failed")]
    Thread,
}

impl Error {
    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        match *self.0 {
            Repr::Read(_) => ErrorKind::Read,
            Repr::Thread => ErrorKind::Thread,
        }
    }

    pub(crate) fn thread() -> Error {
        Error(Box::new(Repr::Thread))
    }
}

impl From<dq_encoding::Error> for Error {
    fn from(e: dq_encoding::Error) -> Error {
        Error(Box::new(Repr::Read(e)))
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        Error(Box::new(Repr::Read(dq_encoding::Error::from(e))))
    }
}
