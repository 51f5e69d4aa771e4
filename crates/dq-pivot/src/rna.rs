//! RNA, the national register of associations: `W` + 9 characters (`W751212517`: `W`,
//! 3 characters of the préfecture, 6 digits), or the older Waldec number (3 digits of
//! the préfecture, a letter, up to 10 digits: `751P00123456`). There is no check digit:
//! only the shape is checked.
//!
//! ```
//! let rna: dq_pivot::rna::Rna = "w751212517".parse()?;
//! assert_eq!(rna.to_string(), "W751212517");
//! assert!(!rna.is_waldec());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits;
use crate::error::{Error, ErrorKind, Repair};

/// An RNA number, upper-cased and without separators.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rna(String);

impl Rna {
    /// Whether this is an old Waldec number rather than a `W` number.
    pub fn is_waldec(&self) -> bool {
        !self.0.starts_with('W')
    }

    /// The compact form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses, reporting the repairs (case, separators).
    ///
    /// # Errors
    ///
    /// Fails when the value has neither shape.
    ///
    /// # Example
    ///
    /// ```
    /// let (r, repairs) = dq_pivot::rna::Rna::parse_lenient("W 751 212 517")?;
    /// assert_eq!(r.as_str(), "W751212517");
    /// assert_eq!(repairs, vec![dq_pivot::Repair::Separators]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(input: &str) -> Result<(Rna, Vec<Repair>), Error> {
        let s = digits::trim(input);
        if s.is_empty() {
            return Err(Error::new("RNA", input, ErrorKind::Empty, None, "empty value"));
        }
        let mut repairs = Vec::new();
        let mut out = String::with_capacity(12);
        for c in s.chars() {
            if digits::is_separator(c, true) {
                if !repairs.contains(&Repair::Separators) {
                    repairs.push(Repair::Separators);
                }
            } else if c.is_ascii_lowercase() {
                if !repairs.contains(&Repair::Case) {
                    repairs.push(Repair::Case);
                }
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
        }
        let b = out.as_bytes();
        let ok = match b {
            [b'W', rest @ ..] => {
                rest.len() == 9
                    && rest.iter().take(3).all(u8::is_ascii_alphanumeric)
                    && rest.iter().skip(3).all(u8::is_ascii_digit)
            }
            _ => {
                b.len() >= 5
                    && b.len() <= 14
                    && b.iter().take(3).all(u8::is_ascii_digit)
                    && b.get(3).is_some_and(u8::is_ascii_uppercase)
                    && b.iter().skip(4).all(u8::is_ascii_digit)
            }
        };
        if !ok {
            return Err(Error::new(
                "RNA",
                input,
                if b.first() == Some(&b'W') { ErrorKind::Length } else { ErrorKind::Format },
                None,
                "expected W + 3 characters + 6 digits, or a Waldec number (3 digits, a letter, digits)",
            ));
        }
        Ok((Rna(out), repairs))
    }
}

impl FromStr for Rna {
    type Err = Error;

    fn from_str(s: &str) -> Result<Rna, Error> {
        Repair::strict("RNA", s, Rna::parse_lenient(s))
    }
}

impl fmt::Display for Rna {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `rna` normalizer.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// assert_eq!(dq_pivot::rna::RnaNormalizer.normalize("W751212517").rule(), Some("as_is"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RnaNormalizer;

impl Normalizer for RnaNormalizer {
    fn name(&self) -> &'static str {
        "rna"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        crate::siren::verdict(input, Rna::parse_lenient(input), || None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Rna::parse_lenient(input).ok().map(|(r, _)| r.to_string());
        assert_eq!(got.as_deref(), expected, "{input:?}");
    }

    #[test]
    fn table() {
        check("W751212517", Some("W751212517"));
        check("w751212517", Some("W751212517"));
        check("W9M1000123", Some("W9M1000123"));
        check("W2A1000123", Some("W2A1000123"));
        check("W75121251", None);
        check("W7512125171", None);
        check("W75121251A", None);
        check("751P00123456", Some("751P00123456"));
        check("751212517", None);
        check("", None);
    }
}
