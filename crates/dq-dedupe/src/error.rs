//! The crate's error type.

/// The error of every fallible function of this crate.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Repr>);

/// What went wrong, for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A configuration names a column the table does not have.
    UnknownColumn,
    /// A blocking rule would generate more candidate pairs than the cap allows.
    BlockingExplodes,
    /// The configuration is invalid (no field, too many fields, bad TOML…).
    Config,
    /// Reading a CSV table failed.
    Csv,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum Repr {
    #[error("unknown column {0:?}")]
    UnknownColumn(String),
    #[error("blocking rule {rule:?} would generate {pairs} candidate pairs, more than the cap of {cap}: add a key to the rule or raise max_pairs")]
    BlockingExplodes { rule: String, pairs: u64, cap: u64 },
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
}

impl Error {
    /// The kind of error.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dq_dedupe::Config::from_toml("threshold = \"haut\"").unwrap_err();
    /// assert_eq!(err.kind(), dq_dedupe::ErrorKind::Config);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match &*self.0 {
            Repr::UnknownColumn(_) => ErrorKind::UnknownColumn,
            Repr::BlockingExplodes { .. } => ErrorKind::BlockingExplodes,
            Repr::Config(_) => ErrorKind::Config,
            Repr::Csv(_) => ErrorKind::Csv,
        }
    }

    /// For [`ErrorKind::BlockingExplodes`], the rule's name and its pair count.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dq_dedupe::Config::from_toml("").unwrap_err();
    /// assert_eq!(err.exploding_rule(), None);
    /// ```
    pub fn exploding_rule(&self) -> Option<(&str, u64)> {
        match &*self.0 {
            Repr::BlockingExplodes { rule, pairs, .. } => Some((rule, *pairs)),
            _ => None,
        }
    }
}

impl From<Repr> for Error {
    fn from(r: Repr) -> Error {
        Error(Box::new(r))
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        Error(Box::new(Repr::Csv(e)))
    }
}
