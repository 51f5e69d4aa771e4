//! The crate's error: an identifier that cannot be read, with the offending value.

use std::fmt;

/// Why an identifier was rejected.
///
/// # Example
///
/// ```
/// use dq_pivot::{siren::Siret, ErrorKind};
///
/// let err = "73282932000075".parse::<Siret>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Checksum);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The value is empty or only spaces.
    Empty,
    /// Wrong number of digits or characters.
    Length,
    /// A character that is neither a digit nor an accepted separator (a letter in a SIREN).
    Character,
    /// The check digit or key does not match (Luhn, mod 97, mod 23).
    Checksum,
    /// A La Poste SIRET (SIREN 356000000) whose digit sum is not a multiple of 5.
    LaPoste,
    /// Excel turned the number into scientific notation and digits were lost.
    ExcelDigitsLost,
    /// A part of the identifier is out of range (a NIR's sex or month).
    Component,
    /// Well-formed but absent from the official list (a NAF code).
    Unknown,
    /// The value does not have the identifier's shape.
    Format,
    /// The value reads only once repaired (lower case, dashes, Excel damage, a lost
    /// zero): the strict `FromStr` refuses it, the type's `parse_lenient` accepts it and
    /// says which repairs it made.
    NeedsRepair,
}

impl ErrorKind {
    /// A short stable name: `"length"`, `"character"`, `"checksum"`, `"la_poste"`, …
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_pivot::ErrorKind::LaPoste.as_str(), "la_poste");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Length => "length",
            ErrorKind::Character => "character",
            ErrorKind::Checksum => "checksum",
            ErrorKind::LaPoste => "la_poste",
            ErrorKind::ExcelDigitsLost => "excel_digits_lost",
            ErrorKind::Component => "component",
            ErrorKind::Unknown => "unknown",
            ErrorKind::Format => "format",
            ErrorKind::NeedsRepair => "needs_repair",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An identifier that could not be read: which identifier, the value, why, and where.
///
/// # Example
///
/// ```
/// use dq_pivot::{siren::Siren, ErrorKind};
///
/// let err = "12 345 678a9".parse::<Siren>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Character);
/// assert_eq!(err.position(), Some(10));
/// assert_eq!(err.value(), "12 345 678a9");
/// assert!(err.to_string().contains("invalid SIREN"));
/// ```
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Repr>);

#[derive(Debug, thiserror::Error)]
#[error("invalid {what} {value:?}: {reason}")]
struct Repr {
    what: &'static str,
    value: String,
    kind: ErrorKind,
    position: Option<usize>,
    reason: String,
}

impl Error {
    pub(crate) fn new(
        what: &'static str,
        value: &str,
        kind: ErrorKind,
        position: Option<usize>,
        reason: impl Into<String>,
    ) -> Error {
        Error(Box::new(Repr {
            what,
            value: value.to_owned(),
            kind,
            position,
            reason: reason.into(),
        }))
    }

    /// What check failed.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The rejected value, as given.
    pub fn value(&self) -> &str {
        &self.0.value
    }

    /// The byte offset of the offending character in the value, when one is to blame.
    pub fn position(&self) -> Option<usize> {
        self.0.position
    }

    /// The reason in words, without the value (`"Luhn checksum fails"`).
    pub fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The identifier's name (`"SIRET"`, `"NIR"`, …).
    pub fn identifier(&self) -> &'static str {
        self.0.what
    }
}

/// A repair made by a lenient parser, reported so that nothing is changed silently.
///
/// # Example
///
/// ```
/// use dq_pivot::{siren::Siret, Repair};
///
/// let (siret, repairs) = Siret::parse_lenient("35600000000048.0")?;
/// assert_eq!(siret.to_string(), "35600000000048");
/// assert_eq!(repairs, vec![Repair::ExcelFloat]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Repair {
    /// Spaces, dots, no-break spaces removed (formatting, not damage).
    Separators,
    /// Fullwidth digits (`７３２`) read as ASCII digits.
    FullwidthDigits,
    /// Lower-case letters upper-cased.
    Case,
    /// Dashes removed (not accepted by the strict parser).
    Dashes,
    /// The country prefix: the `FR` of a TVA number was missing and added; the `F-` or
    /// `FR` before a postal code (`F-13001`) was removed.
    CountryPrefix,
    /// A number stored by Excel as a float: `35600000000048.0` → `35600000000048`.
    ExcelFloat,
    /// A scientific notation that still held every digit (`7.3282932000074E+13`).
    ExcelScientific,
    /// A leading zero lost (13-digit SIRET, 8-digit SIREN) restored because the padded
    /// value passes its checks.
    LeadingZero,
    /// The code was read out of the text around it: a town or a CEDEX mention after a
    /// postal code (`13001 Marseille`).
    SurroundingText,
}

impl Repair {
    /// The rule name used in verdicts (`"excel_float"`, `"leading_zero"`, …).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_pivot::Repair::LeadingZero.as_str(), "leading_zero");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Repair::Separators => "separators",
            Repair::FullwidthDigits => "fullwidth_digits",
            Repair::Case => "case",
            Repair::Dashes => "dashes",
            Repair::CountryPrefix => "country_prefix",
            Repair::ExcelFloat => "excel_float",
            Repair::ExcelScientific => "excel_scientific",
            Repair::LeadingZero => "leading_zero",
            Repair::SurroundingText => "surrounding_text",
        }
    }

    /// Whether the repair only undoes formatting (separators, fullwidth digits, case),
    /// which the strict parsers accept as python-stdnum does, rather than damage (dashes,
    /// a missing prefix, Excel's float or scientific notation, a lost zero).
    pub fn is_formatting(self) -> bool {
        matches!(self, Repair::Separators | Repair::FullwidthDigits | Repair::Case)
    }

    /// The strict reading of a lenient one: the value when its repairs only undid
    /// formatting ([`Repair::is_formatting`]), an [`ErrorKind::NeedsRepair`] error naming
    /// the repairs otherwise. Every strict `FromStr` of this crate is this over its
    /// type's `parse_lenient`, SIREN and SIRET aside (their own strict reader accepts the
    /// same forms, faster).
    pub(crate) fn strict<T>(
        what: &'static str,
        input: &str,
        lenient: Result<(T, Vec<Repair>), Error>,
    ) -> Result<T, Error> {
        let (value, repairs) = lenient?;
        let needed: Vec<&str> =
            repairs.iter().filter(|r| !r.is_formatting()).map(|r| r.as_str()).collect();
        if needed.is_empty() {
            Ok(value)
        } else {
            Err(Error::new(
                what,
                input,
                ErrorKind::NeedsRepair,
                None,
                format!("reads only once repaired ({}): use parse_lenient", needed.join(", ")),
            ))
        }
    }

    /// The rule to report for a list of repairs: the most significant one, or `"as_is"`.
    pub(crate) fn rule(repairs: &[Repair]) -> &'static str {
        repairs.iter().max().map_or("as_is", |r| r.as_str())
    }
}

/// A commune code's error as the crate's one error type, so that `?` gathers the
/// identifiers' and the geography's errors in one `Result<_, dq_pivot::Error>`:
/// `Empty`, `Format` and `Unknown` keep their kind.
#[cfg(feature = "geo")]
impl From<crate::commune::CodeError> for Error {
    fn from(e: crate::commune::CodeError) -> Error {
        use crate::commune::CodeReason;
        let kind = match e.reason() {
            CodeReason::Empty => ErrorKind::Empty,
            CodeReason::Unknown => ErrorKind::Unknown,
            _ => ErrorKind::Format,
        };
        Error::new("INSEE commune code", e.value(), kind, None, e.reason().as_str())
    }
}

/// A `cle_interop`'s error as the crate's one error type: a missing key is `Empty`, a
/// key without the shape `Format`, a wrong commune, street or number `Component`.
#[cfg(feature = "geo")]
#[allow(deprecated, reason = "the conversion of the deprecated error stays for its users")]
impl From<crate::ban::KeyError> for Error {
    fn from(e: crate::ban::KeyError) -> Error {
        e.reason().into_error(e.value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_refuses_damage_repairs_and_names_them() {
        let ok: Result<(u8, Vec<Repair>), Error> = Ok((1, vec![Repair::Separators, Repair::Case]));
        assert_eq!(Repair::strict("NAF", "62.01 z", ok).ok(), Some(1));
        let damaged: Result<(u8, Vec<Repair>), Error> =
            Ok((1, vec![Repair::Separators, Repair::ExcelFloat, Repair::LeadingZero]));
        let e = Repair::strict("SIRET", "3560000000048.0", damaged).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NeedsRepair);
        assert_eq!(e.identifier(), "SIRET");
        assert!(e.reason().contains("excel_float, leading_zero"), "{}", e.reason());
        let failed: Result<(u8, Vec<Repair>), Error> =
            Err(Error::new("NIR", "x", ErrorKind::Length, None, "1 character"));
        assert_eq!(Repair::strict("NIR", "x", failed).unwrap_err().kind(), ErrorKind::Length);
    }

    #[test]
    fn error_is_send_sync_static() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
    }

    #[test]
    fn rule_is_most_significant() {
        assert_eq!(Repair::rule(&[]), "as_is");
        assert_eq!(Repair::rule(&[Repair::Separators, Repair::LeadingZero]), "leading_zero");
    }
}
