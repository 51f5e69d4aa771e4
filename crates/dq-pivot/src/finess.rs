//! FINESS, the identifier of health and social establishments: 9 characters, the
//! département (`75`, `2A`, `2B`, `97` overseas) followed by 6 digits and a Luhn key
//! over the 9 digits.
//!
//! For Corsica (`2A`, `2B`) we found no public statement of how the key treats the
//! letter, so those numbers are checked for shape only and reported with the rule
//! `corsica_key_unchecked`, never as silently valid.
//!
//! ```
//! let f: dq_pivot::finess::Finess = "750 712 184".parse()?;
//! assert_eq!(f.to_string(), "750712184");
//! assert_eq!(f.departement(), "75");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits;
use crate::error::{Error, ErrorKind, Repair};

/// A FINESS number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finess([u8; 9]);

impl Finess {
    /// The département prefix (2 characters).
    pub fn departement(&self) -> &str {
        std::str::from_utf8(self.0.get(..2).unwrap_or(&[])).unwrap_or("")
    }

    /// Whether the key could be checked (false for Corsica, see the module docs).
    pub fn key_checked(&self) -> bool {
        !matches!(self.0.get(1), Some(b'A' | b'B'))
    }

    /// Parses, reporting the repairs (separators, case of `2a`).
    ///
    /// # Errors
    ///
    /// Fails on a wrong length, a bad character or a Luhn key that does not match.
    ///
    /// # Example
    ///
    /// ```
    /// let (f, _) = dq_pivot::finess::Finess::parse_lenient("2A0000014")?;
    /// assert!(!f.key_checked());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(input: &str) -> Result<(Finess, Vec<Repair>), Error> {
        let err = |k, pos, r: String| Error::new("FINESS", input, k, pos, r);
        let s = digits::trim(input);
        if s.is_empty() {
            return Err(err(ErrorKind::Empty, None, "empty value".into()));
        }
        let mut repairs = Vec::new();
        let mut b = [0u8; 9];
        let mut n = 0usize;
        for (pos, c) in s.char_indices() {
            let offset = input.len() - s.len() + pos;
            let v = if digits::is_separator(c, true) {
                if !repairs.contains(&Repair::Separators) {
                    repairs.push(Repair::Separators);
                }
                continue;
            } else if let Some((d, _)) = digits::digit_value(c) {
                b'0' + d
            } else if n == 1 && b.first() == Some(&b'2') && matches!(c, 'A' | 'B' | 'a' | 'b') {
                if c.is_ascii_lowercase() {
                    repairs.push(Repair::Case);
                }
                c.to_ascii_uppercase() as u8
            } else {
                return Err(err(
                    ErrorKind::Character,
                    Some(offset),
                    format!("character {c:?} at byte {offset} is not allowed"),
                ));
            };
            if let Some(slot) = b.get_mut(n) {
                *slot = v;
            }
            n += 1;
        }
        if n != 9 {
            return Err(err(ErrorKind::Length, None, format!("{n} characters, expected 9")));
        }
        let f = Finess(b);
        if f.key_checked() {
            let d: Vec<u8> = b.iter().map(|c| c - b'0').collect();
            if !digits::luhn_ok(&d) {
                return Err(err(ErrorKind::Checksum, None, "Luhn key fails".into()));
            }
        }
        Ok((f, repairs))
    }
}

impl FromStr for Finess {
    type Err = Error;

    fn from_str(s: &str) -> Result<Finess, Error> {
        Repair::strict("FINESS", s, Finess::parse_lenient(s))
    }
}

impl fmt::Display for Finess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.0).unwrap_or(""))
    }
}

/// The `finess` normalizer.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// assert_eq!(dq_pivot::finess::FinessNormalizer.normalize("750712184").status(), "valid");
/// assert_eq!(dq_pivot::finess::FinessNormalizer.normalize("750712185").status(), "invalid");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FinessNormalizer;

impl Normalizer for FinessNormalizer {
    fn name(&self) -> &'static str {
        "finess"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        let r = Finess::parse_lenient(input);
        if let Ok((f, _)) = &r {
            if !f.key_checked() {
                return Verdict::Valid {
                    value: Cow::Owned(f.to_string()),
                    rule: "corsica_key_unchecked",
                };
            }
        }
        crate::siren::verdict(input, r, || None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Finess::parse_lenient(input).ok().map(|(r, _)| r.to_string());
        assert_eq!(got.as_deref(), expected, "{input:?}");
    }

    #[test]
    fn table() {
        // AP-HP (entité juridique) and Hôpital européen Georges-Pompidou.
        check("750712184", Some("750712184"));
        check("750803447", Some("750803447"));
        check("750712185", None);
        check("75071218", None);
        check("2a0000014", Some("2A0000014"));
        check("7A0000014", None);
        check("", None);
    }
}
