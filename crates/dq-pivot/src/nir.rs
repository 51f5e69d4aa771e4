//! NIR, the French social security number: its purpose here is **detecting personal
//! data that must not be published**.
//!
//! 13 characters and a 2-digit key: sex (`1`, `2`; `3`, `4`, `7`, `8` for temporary
//! numbers), year (2 digits), month (`01`–`12`, or the special values `20`–`42` and
//! `50`–`99` for unknown or fictitious months), département (2 characters, `2A`/`2B` for
//! Corsica, or 3 digits `97x`/`98x` overseas, or `99` born abroad), commune (3 digits,
//! 2 overseas; the country code when born abroad), order number (3 digits). The key is
//! `97 − (n mod 97)` where `n` is the 13-digit number with `2A` read as `19` and `2B` as
//! `18`.
//!
//! python-stdnum checks only the format and the key; we also reject a sex digit or a
//! month out of range ([`ErrorKind::Component`]).
//!
//! ```
//! use dq_pivot::nir::Nir;
//!
//! let nir: Nir = "2 95 10 99 126 111 93".parse()?;
//! assert_eq!(nir.to_string(), "295109912611193");
//! assert_eq!(nir.departement(), "99");
//! assert!("295109912611194".parse::<Nir>().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits;
use crate::error::{Error, ErrorKind, Repair};

/// A NIR (numéro d'inscription au répertoire), 15 characters.
///
/// # Example
///
/// ```
/// let nir: dq_pivot::nir::Nir = "1 84 12 2A 123 456 97".parse()?;
/// assert_eq!(nir.departement(), "2A");
/// assert_eq!(nir.key(), 97);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nir([u8; 15]);

/// The key of the 13 first characters (ASCII, `2A`/`2B` allowed at positions 5–6).
fn key_of(b: &[u8]) -> u64 {
    let mut n = 0u64;
    for (i, &c) in b.iter().take(13).enumerate() {
        let c = match (i, c) {
            (5, b'2') if matches!(b.get(6), Some(b'A' | b'B')) => b'1',
            (6, b'A') => b'9',
            (6, b'B') => b'8',
            _ => c,
        };
        n = n * 10 + u64::from(c.wrapping_sub(b'0') % 10);
    }
    97 - n % 97
}

impl Nir {
    fn text(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    fn part(&self, from: usize, to: usize) -> &str {
        self.text().get(from..to).unwrap_or("")
    }

    /// The sex digit: `1` man, `2` woman (`3`, `4`, `7`, `8` for temporary numbers).
    pub fn sex(&self) -> u8 {
        self.0.first().map_or(0, |c| c - b'0')
    }

    /// The two digits of the year of birth.
    pub fn year(&self) -> &str {
        self.part(1, 3)
    }

    /// The month of birth (or a special value: `20`–`42`, `50`–`99`).
    pub fn month(&self) -> &str {
        self.part(3, 5)
    }

    /// The département of birth: `75`, `2A`, `971` (overseas, 3 digits), `99` (abroad).
    pub fn departement(&self) -> &str {
        if matches!(self.part(5, 7), "97" | "98") {
            self.part(5, 8)
        } else {
            self.part(5, 7)
        }
    }

    /// The commune of birth within the département (the country code when born abroad).
    pub fn commune(&self) -> &str {
        if matches!(self.part(5, 7), "97" | "98") {
            self.part(8, 10)
        } else {
            self.part(7, 10)
        }
    }

    /// The key (01–97).
    pub fn key(&self) -> u8 {
        self.part(13, 15).parse().unwrap_or(0)
    }

    /// The grouped form `2 95 10 99 126 111 93`.
    pub fn formatted(&self) -> String {
        [(0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15)]
            .iter()
            .map(|&(a, b)| self.part(a, b))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Parses, reporting the repairs (separators, lower-case `2a`).
    ///
    /// # Errors
    ///
    /// As [`FromStr`].
    ///
    /// # Example
    ///
    /// ```
    /// let (nir, repairs) = dq_pivot::nir::Nir::parse_lenient("2.95.10.99.126.111.93")?;
    /// assert_eq!(nir.to_string(), "295109912611193");
    /// assert_eq!(repairs, vec![dq_pivot::Repair::Separators]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(input: &str) -> Result<(Nir, Vec<Repair>), Error> {
        let err = |k, pos, r: String| Error::new("NIR", input, k, pos, r);
        let s = digits::trim(input);
        if s.is_empty() {
            return Err(err(ErrorKind::Empty, None, "empty value".into()));
        }
        let mut repairs = Vec::new();
        let mut b = [0u8; 15];
        let mut n = 0usize;
        for (pos, c) in s.char_indices() {
            let offset = input.len() - s.len() + pos;
            let v = if digits::is_separator(c, false) {
                if !repairs.contains(&Repair::Separators) {
                    repairs.push(Repair::Separators);
                }
                continue;
            } else if let Some((d, fw)) = digits::digit_value(c) {
                if fw && !repairs.contains(&Repair::FullwidthDigits) {
                    repairs.push(Repair::FullwidthDigits);
                }
                b'0' + d
            } else if n == 6 && matches!(c, 'A' | 'B' | 'a' | 'b') {
                if c.is_ascii_lowercase() {
                    repairs.push(Repair::Case);
                }
                c.to_ascii_uppercase() as u8
            } else {
                return Err(err(
                    ErrorKind::Character,
                    Some(offset),
                    format!("character {c:?} at byte {offset} is not allowed (only 2A/2B)"),
                ));
            };
            if let Some(slot) = b.get_mut(n) {
                *slot = v;
            }
            n += 1;
        }
        if n != 15 {
            return Err(err(ErrorKind::Length, None, format!("{n} characters, expected 15")));
        }
        if matches!(b.get(6), Some(b'A' | b'B')) && b.get(5) != Some(&b'2') {
            return Err(err(ErrorKind::Character, None, "A/B only in 2A and 2B".into()));
        }
        let key = key_of(&b);
        let given = match b.get(13..15) {
            Some(&[x, y]) => u64::from(x.wrapping_sub(b'0')) * 10 + u64::from(y.wrapping_sub(b'0')),
            _ => 0,
        };
        if key != given {
            return Err(err(
                ErrorKind::Checksum,
                None,
                format!("key {given:02} does not match (expected {key:02})"),
            ));
        }
        let nir = Nir(b);
        if !matches!(nir.sex(), 1 | 2 | 3 | 4 | 7 | 8) {
            return Err(err(
                ErrorKind::Component,
                None,
                format!("sex digit {} is not 1, 2, 3, 4, 7 or 8", nir.sex()),
            ));
        }
        let month: u8 = nir.month().parse().unwrap_or(0);
        if !matches!(month, 1..=12 | 20..=42 | 50..=99) {
            return Err(err(
                ErrorKind::Component,
                None,
                format!("month {:02} is out of range", month),
            ));
        }
        Ok((nir, repairs))
    }
}

impl FromStr for Nir {
    type Err = Error;

    fn from_str(s: &str) -> Result<Nir, Error> {
        Repair::strict("NIR", s, Nir::parse_lenient(s))
    }
}

impl fmt::Display for Nir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// The `nir` normalizer: the compact 15 characters.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
///
/// let v = dq_pivot::nir::NirNormalizer.normalize("2 95 10 99 126 111 93");
/// assert_eq!(v.value(), Some("295109912611193"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct NirNormalizer;

impl Normalizer for NirNormalizer {
    fn name(&self) -> &'static str {
        "nir"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        crate::siren::verdict(input, Nir::parse_lenient(input), || None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, ErrorKind>) {
        let got = Nir::parse_lenient(input).map(|(n, _)| n.to_string()).map_err(|e| e.kind());
        assert_eq!(got.as_deref().map_err(|k| *k), expected, "{input:?}");
    }

    #[test]
    fn table() {
        check("295109912611193", Ok("295109912611193"));
        check("2 95 10 99 126 111 93", Ok("295109912611193"));
        check("295109912611194", Err(ErrorKind::Checksum));
        check("1 84 12 2A 123 456 97", Ok("184122A12345697"));
        check("184122b12345627", Ok("184122B12345627"));
        check("184122B12345697", Err(ErrorKind::Checksum));
        check("184019710123455", Ok("184019710123455"));
        check("095109912611196", Err(ErrorKind::Component));
        check("295139912611144", Err(ErrorKind::Component));
        check("29510991261119", Err(ErrorKind::Length));
        check("2951099126111934", Err(ErrorKind::Length));
        check("29510A9912611193", Err(ErrorKind::Character));
        check("", Err(ErrorKind::Empty));
    }
}
