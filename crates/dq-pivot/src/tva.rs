//! French intra-community VAT numbers (TVA intracommunautaire): `FR` + 2-char key + SIREN.
//!
//! The numeric key is `(12 + 3 × (SIREN mod 97)) mod 97`. Newer numbers may carry an
//! alphanumeric key from the alphabet `0123456789ABCDEFGHJKLMNPQRSTUVWXYZ` (no `I`, no
//! `O`), checked as python-stdnum's `fr.tva` does: with `c` the key's value (first
//! character's index × 24 + second's − 10 when the first is a digit, × 34 − 100 when
//! it is a letter), `(SIREN + 1 + c / 11) mod 11` must equal `c mod 11`. Monaco's
//! numbers (`FR` + key + `000` …) are valid TVA numbers but not SIRENs.
//!
//! ```
//! use dq_pivot::{siren::Siren, tva::Tva};
//!
//! let tva: Tva = "FR 40 303 265 045".parse()?;
//! assert_eq!(tva.to_string(), "FR40303265045");
//! let siren: Siren = "732829320".parse()?;
//! assert_eq!(Tva::from_siren(siren).to_string(), "FR44732829320");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits;
use crate::error::{Error, ErrorKind, Repair};
use crate::siren::Siren;

const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// A French VAT number.
///
/// # Example
///
/// ```
/// let tva: dq_pivot::tva::Tva = "fr44732829320".parse()?;
/// assert_eq!(tva.key(), "44");
/// assert_eq!(tva.siren().map(|s| s.to_string()), Some("732829320".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tva {
    key: [u8; 2],
    number: u32,
}

/// The numeric key of a SIREN.
fn numeric_key(n: u32) -> u32 {
    (12 + 3 * (n % 97)) % 97
}

fn index(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|i| i as u32)
}

fn check(key: [u8; 2], number: u32, digits9: &[u8]) -> Result<(), (ErrorKind, String)> {
    let [k0, k1] = key;
    let (Some(i0), Some(i1)) = (index(k0), index(k1)) else {
        return Err((
            ErrorKind::Character,
            "key characters must be digits or letters other than I and O".into(),
        ));
    };
    let monaco = digits9.get(..3) == Some(&[0, 0, 0][..]);
    if !monaco && !digits::luhn_ok(digits9) {
        return Err((ErrorKind::Checksum, "the SIREN part fails Luhn".into()));
    }
    if k0.is_ascii_digit() && k1.is_ascii_digit() {
        if i0 * 10 + i1 != numeric_key(number) {
            return Err((
                ErrorKind::Checksum,
                format!(
                    "key {}{} does not match the SIREN (expected {:02})",
                    k0 as char,
                    k1 as char,
                    numeric_key(number)
                ),
            ));
        }
    } else {
        let c = if k0.is_ascii_digit() { i0 * 24 + i1 - 10 } else { i0 * 34 + i1 - 100 };
        if (number + 1 + c / 11) % 11 != c % 11 {
            return Err((ErrorKind::Checksum, "alphanumeric key does not match the SIREN".into()));
        }
    }
    Ok(())
}

impl Tva {
    /// The TVA number of a SIREN, with its numeric key.
    ///
    /// # Example
    ///
    /// ```
    /// let s: dq_pivot::siren::Siren = "303265045".parse()?;
    /// assert_eq!(dq_pivot::tva::Tva::from_siren(s).to_string(), "FR40303265045");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_siren(siren: Siren) -> Tva {
        let k = numeric_key(siren.as_u32());
        Tva { key: [b'0' + (k / 10) as u8, b'0' + (k % 10) as u8], number: siren.as_u32() }
    }

    /// The 2-character key.
    pub fn key(&self) -> &str {
        std::str::from_utf8(&self.key).unwrap_or("")
    }

    /// The SIREN, or `None` for a Monaco number (`000…`).
    pub fn siren(&self) -> Option<Siren> {
        if self.number < 1_000_000 {
            None
        } else {
            Siren::new(self.number).ok()
        }
    }

    /// The grouped form `FR 40 303 265 045`.
    pub fn formatted(&self) -> String {
        let n = format!("{:09}", self.number);
        let (a, rest) = n.split_at_checked(3).unwrap_or((&n, ""));
        let (b, c) = rest.split_at_checked(3).unwrap_or((rest, ""));
        format!("FR {} {a} {b} {c}", self.key())
    }

    /// Parses leniently (missing `FR`, dashes) and reports the repairs.
    ///
    /// # Errors
    ///
    /// Fails on a wrong length, a bad character or a key that does not match.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::{tva::Tva, Repair};
    ///
    /// let (t, r) = Tva::parse_lenient("40303265045")?;
    /// assert_eq!(t.to_string(), "FR40303265045");
    /// assert_eq!(r, vec![Repair::CountryPrefix]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(s: &str) -> Result<(Tva, Vec<Repair>), Error> {
        parse(s, true)
    }
}

fn parse(input: &str, lenient: bool) -> Result<(Tva, Vec<Repair>), Error> {
    let err = |k, pos, r: String| Error::new("TVA", input, k, pos, r);
    let s = digits::trim(input);
    if s.is_empty() {
        return Err(err(ErrorKind::Empty, None, "empty value".into()));
    }
    let mut repairs = Vec::new();
    let mut chars: Vec<(usize, u8)> = Vec::with_capacity(13);
    for (pos, c) in s.char_indices() {
        if digits::is_separator(c, true) {
            if !repairs.contains(&Repair::Separators) {
                repairs.push(Repair::Separators);
            }
            continue;
        }
        let c = match digits::digit_value(c) {
            Some((d, fw)) => {
                if fw && !repairs.contains(&Repair::FullwidthDigits) {
                    repairs.push(Repair::FullwidthDigits);
                }
                b'0' + d
            }
            None if c.is_ascii_alphabetic() => {
                if c.is_ascii_lowercase() && !repairs.contains(&Repair::Case) {
                    repairs.push(Repair::Case);
                }
                c.to_ascii_uppercase() as u8
            }
            None => {
                let offset = input.len() - s.len() + pos;
                return Err(err(
                    ErrorKind::Character,
                    Some(offset),
                    format!("character {c:?} at byte {offset} is not allowed"),
                ));
            }
        };
        chars.push((pos, c));
    }
    let body: &[(usize, u8)] = match chars.as_slice() {
        [(_, b'F'), (_, b'R'), rest @ ..] => rest,
        other => {
            if !lenient && other.len() != 11 {
                return Err(err(ErrorKind::Format, None, "must start with FR".into()));
            }
            repairs.push(Repair::CountryPrefix);
            other
        }
    };
    if body.len() != 11 {
        return Err(err(
            ErrorKind::Length,
            None,
            format!("{} characters after FR, expected 11", body.len()),
        ));
    }
    let mut d9 = [0u8; 9];
    for (i, &(pos, c)) in body.iter().enumerate().skip(2) {
        if !c.is_ascii_digit() {
            let offset = input.len() - s.len() + pos;
            return Err(err(
                ErrorKind::Character,
                Some(offset),
                format!("letter {:?} at byte {offset} in the SIREN part", c as char),
            ));
        }
        if let Some(slot) = d9.get_mut(i - 2) {
            *slot = c - b'0';
        }
    }
    let key = match body {
        [(_, a), (_, b), ..] => [*a, *b],
        _ => return Err(err(ErrorKind::Length, None, "too short".into())),
    };
    let number = digits::number(&d9) as u32;
    check(key, number, &d9).map_err(|(k, r)| err(k, None, r))?;
    repairs.retain(|r| lenient || *r != Repair::CountryPrefix);
    Ok((Tva { key, number }, repairs))
}

impl FromStr for Tva {
    type Err = Error;

    /// Strict: spaces, dots, dashes and lower case are accepted (they are formatting),
    /// and so is a missing `FR` prefix, as python-stdnum does.
    fn from_str(s: &str) -> Result<Tva, Error> {
        parse(s, false).map(|(t, _)| t)
    }
}

impl fmt::Display for Tva {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FR{}{:09}", self.key(), self.number)
    }
}

/// The `tva` normalizer: `FR` + 11 characters.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
///
/// let v = dq_pivot::tva::TvaNormalizer.normalize("fr 40 303 265 045");
/// assert_eq!(v.value(), Some("FR40303265045"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TvaNormalizer;

impl Normalizer for TvaNormalizer {
    fn name(&self) -> &'static str {
        "tva"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        crate::siren::verdict(input, Tva::parse_lenient(input), || None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Tva::parse_lenient(input).ok().map(|(t, _)| t.to_string());
        assert_eq!(got.as_deref(), expected, "{input:?}");
    }

    #[test]
    fn table() {
        check("FR40303265045", Some("FR40303265045"));
        check("Fr 40 303 265 045", Some("FR40303265045"));
        check("FR 40 303-265-045", Some("FR40303265045"));
        check("40303265045", Some("FR40303265045"));
        check("FR41303265045", None);
        check("FR40303265046", None);
        check("23334175221", Some("FR23334175221"));
        check("K7399859412", Some("FRK7399859412"));
        check("4Z123456782", Some("FR4Z123456782"));
        check("IO334175221", None);
        check("FR4030326504", None);
        check("FR403032650456", None);
        check("FR4O303265045", None);
        check("", None);
    }

    #[test]
    fn from_siren_round_trips() {
        for s in ["732829320", "303265045", "356000000", "552081317"] {
            let siren: Siren = s.parse().unwrap();
            let t = Tva::from_siren(siren);
            assert_eq!(t.to_string().parse::<Tva>().unwrap(), t);
            assert_eq!(t.siren(), Some(siren));
        }
    }
}
