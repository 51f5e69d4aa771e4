//! Legislative circonscriptions as the Ministry of the Interior codes them: the
//! département's code on two characters (`01`, `2A`, or an electoral code `ZA`…`ZZ`)
//! followed by the number on two digits (`0101`, `2A01`, `ZZ01`).
//!
//! ```
//! use dq_pivot::circonscription::parse;
//! let c = parse("2A01").ok_or("not a circonscription")?;
//! assert_eq!((c.departement, c.number), ("2A", 1));
//! assert!(parse("ZZ11").is_some());
//! assert!(parse("2001").is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// The largest number of circonscriptions of one département: 21, in the Nord (loi
/// n° 2010-165 du 23 février 2010 ratifiant l'ordonnance n° 2009-935, tableau n° 1).
pub const MAX_NUMBER: u8 = 21;

/// A legislative circonscription code split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Circonscription {
    /// The département's code as the code writes it (`01`, `2A`, `ZA`, `ZZ`).
    pub departement: &'static str,
    /// The number in the département (`1`…`21`).
    pub number: u8,
}

/// Reads a circonscription code (4 characters, upper case). Only the shape and the
/// département are checked: the number is between 1 and [`MAX_NUMBER`].
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::circonscription::parse("0101").map(|c| c.number), Some(1));
/// assert!(dq_pivot::circonscription::parse("0100").is_none());
/// assert!(dq_pivot::circonscription::parse("5922").is_none());
/// ```
pub fn parse(code: &str) -> Option<Circonscription> {
    if code.len() != 4 {
        return None;
    }
    let (dep, num) = code.split_at_checked(2)?;
    if !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u8 = num.parse().ok().filter(|n| (1..=MAX_NUMBER).contains(n))?;
    let departement = match crate::region::departement(dep) {
        Some(d) => d.code,
        None => crate::region::electoral(dep)?.code,
    };
    Some(Circonscription { departement, number })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: &str, expected: Option<(&str, u8)>) {
        assert_eq!(parse(code).map(|c| (c.departement, c.number)), expected, "{code:?}");
    }

    #[test]
    fn codes() {
        check("0101", Some(("01", 1)));
        check("2A01", Some(("2A", 1)));
        check("2B02", Some(("2B", 2)));
        check("ZZ01", Some(("ZZ", 1)));
        check("ZA04", Some(("ZA", 4)));
        check("5921", Some(("59", 21)));
        check("5922", None);
        check("2001", None);
        check("0100", None);
        check("ZE01", None);
        check("101", None);
        check("01011", None);
        check("01 1", None);
        check("2a01", None);
    }
}
