//! Reading digits out of a cell: separators, fullwidth digits, Excel damage.

use crate::error::{Error, ErrorKind, Repair};

/// Trims the Unicode white space (including no-break spaces) around a value.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Whether `c` separates groups of digits: space, dot, no-break and narrow no-break
/// spaces, thin space, tab; dashes only when `dashes` is set.
pub(crate) fn is_separator(c: char, dashes: bool) -> bool {
    matches!(c, ' ' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\t')
        || (dashes && matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'))
}

/// The value of an ASCII or fullwidth digit, and whether it was fullwidth.
pub(crate) fn digit_value(c: char) -> Option<(u8, bool)> {
    match c {
        '0'..='9' => Some((c as u8 - b'0', false)),
        '\u{ff10}'..='\u{ff19}' => Some(((c as u32 - 0xff10) as u8, true)),
        _ => None,
    }
}

/// The digits of a cell, read into `buf` (digit values 0–9).
pub(crate) struct Scan {
    /// How many digits the cell holds (may exceed `buf.len()`).
    pub count: usize,
    /// Repairs implied by the reading (separators, fullwidth digits, dashes).
    pub repairs: Vec<Repair>,
}

/// Reads the digits of `s` into `buf`, skipping separators; any other character is an
/// error naming it and its byte offset.
pub(crate) fn scan(
    what: &'static str,
    original: &str,
    s: &str,
    buf: &mut [u8],
    dashes: bool,
) -> Result<Scan, Error> {
    let mut count = 0usize;
    let (mut seps, mut full, mut dash) = (false, false, false);
    for (pos, c) in s.char_indices() {
        if let Some((d, fw)) = digit_value(c) {
            if let Some(slot) = buf.get_mut(count) {
                *slot = d;
            }
            count += 1;
            full |= fw;
        } else if is_separator(c, dashes) {
            if matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}') {
                dash = true;
            } else {
                seps = true;
            }
        } else {
            let offset = original.len().saturating_sub(s.len()).saturating_add(pos);
            let reason = if c.is_alphabetic() {
                format!("letter {c:?} at byte {offset} is not a digit")
            } else {
                format!("character {c:?} at byte {offset} is neither a digit nor a separator")
            };
            return Err(Error::new(what, original, ErrorKind::Character, Some(offset), reason));
        }
    }
    let mut repairs = Vec::new();
    if seps {
        repairs.push(Repair::Separators);
    }
    if full {
        repairs.push(Repair::FullwidthDigits);
    }
    if dash {
        repairs.push(Repair::Dashes);
    }
    Ok(Scan { count, repairs })
}

/// What Excel did to a number, if anything recognisable.
pub(crate) enum Excel {
    /// Not an Excel rendering.
    None,
    /// A float with a zero fraction: the integer digits (ASCII).
    Float(String),
    /// Scientific notation with every digit kept: the digits (ASCII).
    Scientific(String),
    /// Scientific notation that lost digits.
    DigitsLost,
}

/// Recognises `35600000000048.0`, `35600000000048,00`, `3.56E+13`, `3,56E+13`,
/// `1.23457E+13`, `7.3282932000074E+13`.
pub(crate) fn excel(s: &str) -> Excel {
    let b = s.as_bytes();
    // Scientific notation: d[.,]d+E[+]d+
    if let Some(e) = b.iter().position(|&c| c == b'E' || c == b'e') {
        let (mant, rest) = b.split_at(e);
        let exp = rest.get(1..).unwrap_or(&[]);
        let exp = exp.strip_prefix(b"+").unwrap_or(exp);
        if exp.is_empty() || exp.len() > 2 || !exp.iter().all(u8::is_ascii_digit) {
            return Excel::None;
        }
        let exp: usize = exp.iter().fold(0, |a, &c| a * 10 + usize::from(c - b'0'));
        let (int, frac) = match mant.iter().position(|&c| c == b'.' || c == b',') {
            Some(p) => (mant.get(..p).unwrap_or(&[]), mant.get(p + 1..).unwrap_or(&[])),
            None => (mant, &[][..]),
        };
        if int.len() != 1 || !int.iter().chain(frac).all(u8::is_ascii_digit) {
            return Excel::None;
        }
        if frac.len() == exp {
            let digits: String = int.iter().chain(frac).map(|&c| c as char).collect();
            return Excel::Scientific(digits);
        }
        return Excel::DigitsLost;
    }
    // Float with a zero fraction: digits[.,]0+ with no other separator.
    if let Some(p) = b.iter().position(|&c| c == b'.' || c == b',') {
        let (int, frac) = (b.get(..p).unwrap_or(&[]), b.get(p + 1..).unwrap_or(&[]));
        if int.len() >= 6
            && int.iter().all(u8::is_ascii_digit)
            && !frac.is_empty()
            && frac.len() <= 6
            && frac.iter().all(|&c| c == b'0')
        {
            return Excel::Float(int.iter().map(|&c| c as char).collect());
        }
    }
    Excel::None
}

/// The Luhn check over digit values (0–9): a table for the doubled digits, no branch.
pub(crate) fn luhn_ok(d: &[u8]) -> bool {
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let mut sum = 0u32;
    let mut double = false;
    for &x in d.iter().rev() {
        let x = usize::from(x % 10);
        sum += if double { DOUBLED.get(x).copied().unwrap_or(0) } else { x as u32 };
        double = !double;
    }
    sum % 10 == 0
}

/// The number formed by digit values.
pub(crate) fn number(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &x| a.wrapping_mul(10).wrapping_add(u64::from(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        assert!(luhn_ok(&[7, 3, 2, 8, 2, 9, 3, 2, 0]));
        assert!(!luhn_ok(&[7, 3, 2, 8, 2, 9, 3, 2, 1]));
    }

    #[test]
    fn excel_forms() {
        assert!(matches!(excel("3.56E+13"), Excel::DigitsLost));
        assert!(matches!(excel("3,56E+13"), Excel::DigitsLost));
        assert!(matches!(excel("1.23457E+13"), Excel::DigitsLost));
        assert!(matches!(excel("35600000000048.0"), Excel::Float(ref s) if s == "35600000000048"));
        assert!(matches!(excel("35600000000048,00"), Excel::Float(_)));
        assert!(matches!(excel("732.829.320"), Excel::None));
        assert!(
            matches!(excel("7.3282932000074E+13"), Excel::Scientific(ref s) if s == "73282932000074")
        );
    }
}
