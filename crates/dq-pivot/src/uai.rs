//! UAI (formerly RNE), the identifier of a school or education establishment: 7 digits
//! and a key letter, the letter at index `(number mod 23)` in
//! `ABCDEFGHJKLMNPRSTUVWXYZ` (no `I`, `O`, `Q`), where `number` is the 7 digits
//! (`0750655` mod 23 = 4 → `E`). Corsican UAIs start with `620` and `720`.
//!
//! ```
//! let uai: dq_pivot::uai::Uai = "0750655e".parse()?;
//! assert_eq!(uai.to_string(), "0750655E");
//! assert!("0750655F".parse::<dq_pivot::uai::Uai>().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits;
use crate::error::{Error, ErrorKind, Repair};

const KEYS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A UAI: 7 digits and a key letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uai {
    number: u32,
    key: u8,
}

impl Uai {
    /// The key letter of 7 digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_pivot::uai::Uai::key_of(750655), 'E');
    /// ```
    pub fn key_of(number: u32) -> char {
        KEYS.get((number % 23) as usize).map_or('?', |&k| k as char)
    }

    /// Parses, reporting the repairs (case, separators).
    ///
    /// # Errors
    ///
    /// Fails on a wrong length, a bad character or a key that does not match.
    ///
    /// # Example
    ///
    /// ```
    /// let (u, r) = dq_pivot::uai::Uai::parse_lenient("0750655e")?;
    /// assert_eq!(u.to_string(), "0750655E");
    /// assert_eq!(r, vec![dq_pivot::Repair::Case]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(input: &str) -> Result<(Uai, Vec<Repair>), Error> {
        let err = |k, r: String| Error::new("UAI", input, k, None, r);
        let s = digits::trim(input);
        if s.is_empty() {
            return Err(err(ErrorKind::Empty, "empty value".into()));
        }
        let mut repairs = Vec::new();
        let mut d = [0u8; 7];
        let mut n = 0usize;
        let mut key = None;
        for c in s.chars() {
            if digits::is_separator(c, true) {
                if !repairs.contains(&Repair::Separators) {
                    repairs.push(Repair::Separators);
                }
            } else if let Some((v, _)) = digits::digit_value(c).filter(|_| key.is_none()) {
                if let Some(slot) = d.get_mut(n) {
                    *slot = v;
                }
                n += 1;
            } else if c.is_ascii_alphabetic() && key.is_none() && n == 7 {
                if c.is_ascii_lowercase() {
                    repairs.push(Repair::Case);
                }
                key = Some(c.to_ascii_uppercase() as u8);
            } else {
                return Err(err(ErrorKind::Format, "expected 7 digits and a key letter".into()));
            }
        }
        let Some(key) = key.filter(|_| n == 7) else {
            return Err(err(ErrorKind::Length, format!("{n} digits, expected 7 and a key letter")));
        };
        let number = digits::number(&d) as u32;
        let expected = Uai::key_of(number);
        if key as char != expected {
            return Err(err(
                ErrorKind::Checksum,
                format!("key {:?} does not match (expected {expected:?})", key as char),
            ));
        }
        Ok((Uai { number, key }, repairs))
    }
}

impl FromStr for Uai {
    type Err = Error;

    fn from_str(s: &str) -> Result<Uai, Error> {
        Repair::strict("UAI", s, Uai::parse_lenient(s))
    }
}

impl fmt::Display for Uai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:07}{}", self.number, self.key as char)
    }
}

/// The `uai` normalizer.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// assert_eq!(dq_pivot::uai::UaiNormalizer.normalize("0750655e").value(), Some("0750655E"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct UaiNormalizer;

impl Normalizer for UaiNormalizer {
    fn name(&self) -> &'static str {
        "uai"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        crate::siren::verdict(input, Uai::parse_lenient(input), || None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Uai::parse_lenient(input).ok().map(|(r, _)| r.to_string());
        assert_eq!(got.as_deref(), expected, "{input:?}");
    }

    #[test]
    fn table() {
        // Real UAIs: lycée Louis-le-Grand, lycée Henri-IV, lycée du Parc (Lyon).
        check("0750655E", Some("0750655E"));
        check("0750654D", Some("0750654D"));
        check("0690026D", Some("0690026D"));
        check("0750655F", None);
        check("075065E", None);
        check("07506550E", None);
        check("0750655", None);
        check("", None);
    }
}
