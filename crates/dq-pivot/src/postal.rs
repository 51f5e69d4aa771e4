//! Postal codes (La Poste, as carried by the COG 2026 package): validation, repair of lost
//! leading zeros, the communes a postal code serves and the postal codes of a commune.
//!
//! ```
//! use dq_pivot::postal;
//! assert_eq!(postal::parse_lenient("1000")?.0, "01000");
//! assert_eq!(postal::communes("75001").collect::<Vec<_>>(), ["75056"]);
//! assert_eq!(postal::arrondissements("75001").collect::<Vec<_>>(), ["75101"]);
//! assert!(postal::codes_of("13055").any(|p| p == "13016"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Only distribution postal codes are listed: CEDEX codes and special codes of
//! businesses are not in the source, so they are reported as unknown.

use std::borrow::Cow;

use dq_clean::{Normalizer, Verdict};

use crate::commune::{self, strip_float, table};

fn range(postal: &str) -> &'static [(&'static str, &'static str)] {
    if postal.len() != 5 || !postal.bytes().all(|b| b.is_ascii_digit()) {
        return &[];
    }
    let Ok(k) = postal.parse::<u32>() else { return &[] };
    let keys = table::POSTAL_KEYS;
    let start = keys.partition_point(|&x| x < k);
    let end = start + keys.get(start..).map_or(0, |t| t.iter().take_while(|&&x| x == k).count());
    table::POSTAL.get(start..end).unwrap_or(&[])
}

/// Whether `postal` is a known postal code.
///
/// # Example
///
/// ```
/// assert!(dq_pivot::postal::exists("33000"));
/// assert!(!dq_pivot::postal::exists("00000"));
/// ```
pub fn exists(postal: &str) -> bool {
    !range(postal).is_empty()
}

/// The current communes a postal code serves (sorted); Paris, Lyon and Marseille appear
/// by their commune code (`75056`), see [`arrondissements`] for `75101`…
///
/// # Example
///
/// ```
/// let v: Vec<_> = dq_pivot::postal::communes("01400").collect();
/// assert!(v.contains(&"01001"));
/// ```
pub fn communes(postal: &str) -> impl Iterator<Item = &'static str> {
    range(postal).iter().map(|r| r.1).filter(|c| commune::current_row(c).is_some())
}

/// The municipal arrondissements a postal code serves (Paris, Lyon, Marseille only).
///
/// # Example
///
/// ```
/// let v: Vec<_> = dq_pivot::postal::arrondissements("69001").collect();
/// assert_eq!(v, ["69381"]);
/// ```
pub fn arrondissements(postal: &str) -> impl Iterator<Item = &'static str> {
    range(postal).iter().map(|r| r.1).filter(|c| commune::current_row(c).is_none())
}

/// Whether `postal` serves the commune or arrondissement `code`.
pub(crate) fn serves(postal: &str, code: &str) -> bool {
    range(postal).iter().any(|r| r.1 == code)
}

/// The postal codes of a commune, arrondissement, déléguée, associée or historic code
/// (the last three through their current commune), sorted; empty for an unknown code.
///
/// # Example
///
/// ```
/// let v: Vec<_> = dq_pivot::postal::codes_of("69123").collect();
/// assert_eq!(v.len(), 9);
/// assert_eq!(dq_pivot::postal::codes_of("75101").collect::<Vec<_>>(), ["75001"]);
/// ```
pub fn codes_of(code: &str) -> impl Iterator<Item = &'static str> {
    let own = commune::rows(code).iter().find(|r| r.1 <= 1).map(|r| r.6);
    let list = match own {
        Some(l) => l,
        None => {
            commune::lookup(code).and_then(|c| commune::current_row(c.current)).map_or("", |r| r.6)
        }
    };
    list.split(' ').filter(|s| !s.is_empty())
}

/// Why a value is not a postal code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid postal code: {}", self.as_str())]
#[non_exhaustive]
pub enum PostalReason {
    /// Empty after trimming.
    Empty,
    /// Not 5 digits (4 digits are repaired).
    Format,
    /// Five digits, but no commune has this postal code.
    Unknown,
}

impl PostalReason {
    /// The reason in words.
    pub fn as_str(self) -> &'static str {
        match self {
            PostalReason::Empty => "empty",
            PostalReason::Format => "not a 5-digit postal code",
            PostalReason::Unknown => "no commune has this postal code",
        }
    }
}

/// Reads a postal code leniently: trims, reads spreadsheet floats (`1000.0`) and
/// restores a lost leading zero (`1000` → `01000`). Returns the code and the rule
/// applied (`as_is`, `trim`, `leading_zero`, `excel_float`).
///
/// # Errors
///
/// A [`PostalReason`] when empty, malformed or unknown.
///
/// # Example
///
/// ```
/// use dq_pivot::postal::{parse_lenient, PostalReason};
/// assert_eq!(parse_lenient("01000"), Ok(("01000".to_owned(), "as_is")));
/// assert_eq!(parse_lenient("1000.0"), Ok(("01000".to_owned(), "excel_float")));
/// assert_eq!(parse_lenient("99999"), Err(PostalReason::Unknown));
/// ```
pub fn parse_lenient(input: &str) -> Result<(String, &'static str), PostalReason> {
    let t = input.trim();
    if t.is_empty() {
        return Err(PostalReason::Empty);
    }
    let mut rule = if t.len() == input.len() { "as_is" } else { "trim" };
    let (s, float) = strip_float(t);
    if float {
        rule = "excel_float";
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PostalReason::Format);
    }
    let code = match s.len() {
        5 => s.to_owned(),
        4 => {
            if !float {
                rule = "leading_zero";
            }
            format!("0{s}")
        }
        _ => return Err(PostalReason::Format),
    };
    if exists(&code) {
        Ok((code, rule))
    } else {
        Err(PostalReason::Unknown)
    }
}

/// The [`Normalizer`] of postal codes (`dq normalize postal-code`).
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::postal::PostalCodeNormalizer;
/// assert_eq!(n.normalize("6000").value(), Some("06000"));
/// assert_eq!(n.normalize("6000").rule(), Some("leading_zero"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PostalCodeNormalizer;

impl Normalizer for PostalCodeNormalizer {
    fn name(&self) -> &'static str {
        "postal-code"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match parse_lenient(input) {
            Ok((code, rule)) => {
                let value = if code == input { Cow::Borrowed(input) } else { Cow::Owned(code) };
                Verdict::Valid { value, rule }
            }
            Err(PostalReason::Empty) => Verdict::Null,
            Err(r) => Verdict::Invalid { reason: Cow::Borrowed(r.as_str()) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<(&str, &str), PostalReason>) {
        let got = parse_lenient(input);
        let got = got.as_ref().map(|(c, r)| (c.as_str(), *r)).map_err(|e| *e);
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn parse() {
        check("75001", Ok(("75001", "as_is")));
        check("1000", Ok(("01000", "leading_zero")));
        check(" 13001 ", Ok(("13001", "trim")));
        check("97139", Ok(("97139", "as_is")));
        check("00000", Err(PostalReason::Unknown));
        check("7500", Ok(("07500", "leading_zero")));
        check("999", Err(PostalReason::Format));
        check("750011", Err(PostalReason::Format));
        check("75 001", Err(PostalReason::Format));
        check("", Err(PostalReason::Empty));
    }

    #[test]
    fn served() {
        assert_eq!(communes("69001").collect::<Vec<_>>(), ["69123"]);
        assert!(codes_of("75056").any(|p| p == "75116"));
        assert!(codes_of("20004").any(|p| p == "20000"));
        assert_eq!(codes_of("00000").count(), 0);
    }
}
