//! SIREN (companies) and SIRET (establishments), validated and repaired.
//!
//! A SIREN has 9 digits and passes the Luhn check. A SIRET is the SIREN followed by a
//! 5-digit NIC: all 14 digits pass Luhn, and so does the SIREN.
//!
//! # La Poste
//!
//! La Poste (SIREN `356000000`) has more establishments than a Luhn key over the NIC
//! can number, so INSEE gives them SIRETs whose digit sum is a multiple of 5 instead.
//! Public implementations disagree on La Poste SIRETs that pass Luhn but not the
//! digit-sum rule: python-stdnum rejects them, INSEE's R package accepts either.
//! **We apply the digit-sum rule alone, as python-stdnum does**, with the one
//! documented exception of the head office `35600000000048` (which passes Luhn and
//! not the digit-sum rule): the digit-sum rule is the one INSEE documents for La Poste,
//! a typo in a La Poste SIRET passes Luhn one time in ten by chance, and agreeing with
//! the reference implementation keeps the held-out vectors comparable. The rejection
//! carries [`ErrorKind::LaPoste`] and says when the value passes Luhn, so a user who
//! prefers INSEE's leniency can decide.
//!
//! # Strict and lenient
//!
//! [`FromStr`] accepts digits separated by spaces, dots, no-break and narrow no-break
//! spaces, and fullwidth digits; never letters (`12 345 678a9` fails). The lenient
//! parsers ([`Siret::parse_lenient`]) also repair, and report as a [`Repair`]:
//! dashes, a number stored by Excel as a float (`35600000000048.0`), and a lost
//! leading zero (a 13-digit SIRET or an 8-digit SIREN padded only if the padded value
//! passes its checks). Scientific notation that lost digits (`3.56E+13`) is rejected
//! with [`ErrorKind::ExcelDigitsLost`].
//!
//! ```
//! use dq_pivot::siren::{Siren, Siret};
//!
//! let siret: Siret = "732 829 320 00074".parse()?;
//! assert_eq!(siret.siren(), "732829320".parse::<Siren>()?);
//! assert_eq!(siret.to_string(), "73282932000074");
//! assert_eq!(siret.formatted(), "732 829 320 00074");
//! assert!("73282932000075".parse::<Siret>().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::digits::{self, Excel};
use crate::error::{Error, ErrorKind, Repair};

/// La Poste's SIREN, whose SIRETs follow the digit-sum rule.
pub const LA_POSTE_SIREN: u32 = 356_000_000;

/// La Poste's head office, the one La Poste SIRET that follows Luhn instead.
const LA_POSTE_HEAD_OFFICE: u64 = 35_600_000_000_048;

/// A SIREN: 9 digits passing Luhn.
///
/// # Example
///
/// ```
/// use dq_pivot::siren::Siren;
///
/// let s: Siren = "732829320".parse()?;
/// assert_eq!(s.formatted(), "732 829 320");
/// assert_eq!(s.as_u32(), 732_829_320);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siren(u32);

/// A SIRET: a SIREN and a 5-digit NIC, 14 digits passing Luhn (or La Poste's rule).
///
/// # Example
///
/// ```
/// use dq_pivot::siren::Siret;
///
/// let s: Siret = "35600000049837".parse()?; // a La Poste establishment
/// assert_eq!(s.siren().to_string(), "356000000");
/// assert_eq!(s.nic(), 49837);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Siret(u64);

fn check_siren(d: &[u8]) -> Result<(), (ErrorKind, String)> {
    if digits::luhn_ok(d) {
        Ok(())
    } else {
        Err((ErrorKind::Checksum, "Luhn checksum fails".to_owned()))
    }
}

fn check_siret(d: &[u8]) -> Result<(), (ErrorKind, String)> {
    let n = digits::number(d);
    let luhn = digits::luhn_ok(d);
    if n / 100_000 == u64::from(LA_POSTE_SIREN) && n != LA_POSTE_HEAD_OFFICE {
        let sum: u32 = d.iter().map(|&x| u32::from(x)).sum();
        if sum % 5 != 0 {
            let also = if luhn { " (it passes Luhn, which INSEE's R package accepts)" } else { "" };
            return Err((
                ErrorKind::LaPoste,
                format!("La Poste rule fails: digit sum {sum} is not a multiple of 5{also}"),
            ));
        }
    } else if !luhn {
        return Err((ErrorKind::Checksum, "Luhn checksum fails".to_owned()));
    }
    if !digits::luhn_ok(d.get(..9).unwrap_or(d)) {
        return Err((ErrorKind::Checksum, "Luhn checksum of the SIREN part fails".to_owned()));
    }
    Ok(())
}

type Check = fn(&[u8]) -> Result<(), (ErrorKind, String)>;

/// Strict reading of an all-digit identifier of `N` digits.
pub(crate) fn read_strict<const N: usize>(
    what: &'static str,
    input: &str,
    check: Check,
) -> Result<[u8; N], Error> {
    let mut buf = [0u8; N];
    let b = input.as_bytes();
    if b.len() == N && b.iter().all(u8::is_ascii_digit) {
        for (slot, &c) in buf.iter_mut().zip(b) {
            *slot = c - b'0';
        }
    } else {
        let s = digits::trim(input);
        if s.is_empty() {
            return Err(Error::new(what, input, ErrorKind::Empty, None, "empty value"));
        }
        let scan = digits::scan(what, input, s, &mut buf, false)?;
        if scan.count != N {
            return Err(length_error(what, input, scan.count, N));
        }
    }
    check(&buf).map_err(|(k, r)| Error::new(what, input, k, None, r))?;
    Ok(buf)
}

fn length_error(what: &'static str, input: &str, count: usize, n: usize) -> Error {
    Error::new(what, input, ErrorKind::Length, None, format!("{count} digits, expected {n}"))
}

/// Lenient reading: strict plus dashes, Excel floats and a lost leading zero.
pub(crate) fn read_lenient<const N: usize>(
    what: &'static str,
    input: &str,
    check: Check,
) -> Result<([u8; N], Vec<Repair>), Error> {
    let s = digits::trim(input);
    if s.is_empty() {
        return Err(Error::new(what, input, ErrorKind::Empty, None, "empty value"));
    }
    let mut excel_repair = None;
    let owned;
    let body: &str = match digits::excel(s) {
        Excel::None => s,
        Excel::Float(d) => {
            excel_repair = Some(Repair::ExcelFloat);
            owned = d;
            &owned
        }
        Excel::Scientific(d) => {
            excel_repair = Some(Repair::ExcelScientific);
            owned = d;
            &owned
        }
        Excel::DigitsLost => {
            return Err(Error::new(
                what,
                input,
                ErrorKind::ExcelDigitsLost,
                None,
                "Excel scientific notation: digits lost, unrecoverable",
            ))
        }
    };
    let mut buf = [0u8; N];
    let scan = digits::scan(what, input, body, &mut buf, true)?;
    let mut repairs = scan.repairs;
    repairs.extend(excel_repair);
    if scan.count == N {
        check(&buf).map_err(|(k, r)| Error::new(what, input, k, None, r))?;
        return Ok((buf, repairs));
    }
    if scan.count + 1 == N {
        let mut padded = [0u8; N];
        for (slot, &d) in padded.iter_mut().skip(1).zip(buf.iter()) {
            *slot = d;
        }
        return match check(&padded) {
            Ok(()) => {
                repairs.push(Repair::LeadingZero);
                Ok((padded, repairs))
            }
            Err((_, r)) => Err(Error::new(
                what,
                input,
                ErrorKind::Length,
                None,
                format!(
                    "{} digits, expected {N}; restoring a lost leading zero does not help ({})",
                    scan.count,
                    r.to_lowercase()
                ),
            )),
        };
    }
    Err(length_error(what, input, scan.count, N))
}

impl Siren {
    /// Builds a SIREN from its number, checking it.
    ///
    /// # Errors
    ///
    /// Fails when the number has more than 9 digits or fails Luhn.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_pivot::siren::Siren::new(732_829_320).is_ok());
    /// ```
    pub fn new(n: u32) -> Result<Siren, Error> {
        format!("{n:09}").parse()
    }

    /// The SIREN as a number.
    pub fn as_u32(self) -> u32 {
        self.0
    }

    /// The grouped form `732 829 320`.
    ///
    /// # Example
    ///
    /// ```
    /// let s: dq_pivot::siren::Siren = "732829320".parse()?;
    /// assert_eq!(s.formatted(), "732 829 320");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn formatted(self) -> String {
        let s = self.to_string();
        group(&s, &[3, 3, 3])
    }

    /// Parses with the repairs of the module docs (dashes, Excel float, lost leading
    /// zero), returning them.
    ///
    /// # Errors
    ///
    /// Same as [`FromStr`], plus [`ErrorKind::ExcelDigitsLost`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::{siren::Siren, Repair};
    ///
    /// let (s, repairs) = Siren::parse_lenient("55208136")?; // 8 digits: a zero was lost
    /// assert_eq!(s.to_string(), "055208136");
    /// assert_eq!(repairs, vec![Repair::LeadingZero]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(s: &str) -> Result<(Siren, Vec<Repair>), Error> {
        let (d, r) = read_lenient::<9>("SIREN", s, check_siren)?;
        Ok((Siren(digits::number(&d) as u32), r))
    }

    /// Whether this is La Poste's SIREN (`356000000`).
    pub fn is_la_poste(self) -> bool {
        self.0 == LA_POSTE_SIREN
    }
}

fn group(s: &str, sizes: &[usize]) -> String {
    let mut out = String::with_capacity(s.len() + sizes.len());
    let mut chars = s.chars();
    for (i, &n) in sizes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(chars.by_ref().take(n));
    }
    out
}

impl FromStr for Siren {
    type Err = Error;

    fn from_str(s: &str) -> Result<Siren, Error> {
        let d = read_strict::<9>("SIREN", s, check_siren)?;
        Ok(Siren(digits::number(&d) as u32))
    }
}

impl fmt::Display for Siren {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:09}", self.0)
    }
}

impl Siret {
    /// The establishment's SIREN (its first 9 digits).
    pub fn siren(self) -> Siren {
        Siren((self.0 / 100_000) as u32)
    }

    /// The NIC (the last 5 digits).
    pub fn nic(self) -> u32 {
        (self.0 % 100_000) as u32
    }

    /// The SIRET as a number.
    pub fn as_u64(self) -> u64 {
        self.0
    }

    /// The grouped form `732 829 320 00074`.
    ///
    /// # Example
    ///
    /// ```
    /// let s: dq_pivot::siren::Siret = "73282932000074".parse()?;
    /// assert_eq!(s.formatted(), "732 829 320 00074");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn formatted(self) -> String {
        group(&self.to_string(), &[3, 3, 3, 5])
    }

    /// Parses with the repairs of the module docs, returning them.
    ///
    /// # Errors
    ///
    /// Same as [`FromStr`], plus [`ErrorKind::ExcelDigitsLost`] for `3.56E+13`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::{siren::Siret, ErrorKind, Repair};
    ///
    /// let (s, repairs) = Siret::parse_lenient("35600000000048,0")?;
    /// assert_eq!(s.to_string(), "35600000000048");
    /// assert_eq!(repairs, vec![Repair::ExcelFloat]);
    /// let err = Siret::parse_lenient("3.56E+13").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::ExcelDigitsLost);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_lenient(s: &str) -> Result<(Siret, Vec<Repair>), Error> {
        let (d, r) = read_lenient::<14>("SIRET", s, check_siret)?;
        Ok((Siret(digits::number(&d)), r))
    }

    /// Whether `s` is a valid compact SIRET (14 ASCII digits, checks pass), without
    /// allocating: the fast path for validating a column.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_pivot::siren::Siret::is_valid_compact(b"73282932000074"));
    /// assert!(!dq_pivot::siren::Siret::is_valid_compact(b"73282932000075"));
    /// ```
    pub fn is_valid_compact(s: &[u8]) -> bool {
        let Ok(b) = <&[u8; 14]>::try_from(s) else {
            return false;
        };
        let Some((head, _)) = b.split_first_chunk::<8>() else { return false };
        let Some((_, tail)) = b.split_last_chunk::<8>() else { return false };
        // Eight digits at a time in a u64 (SWAR): `head` is bytes 0..8, `tail` bytes
        // 6..14 (its first two bytes repeat bytes 6 and 7 and are masked out below).
        let (head, tail) = (u64::from_le_bytes(*head), u64::from_le_bytes(*tail));
        if !all_digits(head) || !all_digits(tail) {
            return false;
        }
        let (vh, vt) = (head - ZEROS, tail - ZEROS);
        let (dh, dt) = (luhn_doubled(vh), luhn_doubled(vt));
        // Byte k of a word is at an even position from the left (0, 2, … in `head`; 6, 8,
        // … in `tail`) when k is even. Luhn over 14 digits doubles the even positions,
        // Luhn over the SIREN (positions 0..9) the odd ones; position 8 is `tail`'s byte 2.
        const EVEN: u64 = 0x00FF_00FF_00FF_00FF;
        const ODD: u64 = !EVEN;
        const FROM_8: u64 = !0xFFFF;
        let siret =
            byte_sum((dh & EVEN) | (vh & ODD)) + byte_sum(((dt & EVEN) | (vt & ODD)) & FROM_8);
        let siren = byte_sum((dh & ODD) | (vh & EVEN)) + ((vt >> 16) & 0xFF);
        if head == u64::from_le_bytes(*b"35600000")
            && b.get(8) == Some(&b'0')
            && b != b"35600000000048"
        {
            // La Poste: the digit sum of all 14 digits.
            (byte_sum(vh) + byte_sum(vt & FROM_8)) % 5 == 0
        } else {
            siret % 10 == 0 && siren % 10 == 0
        }
    }
}

/// Eight ASCII `'0'` bytes.
const ZEROS: u64 = u64::from_le_bytes(*b"00000000");

/// Whether the eight bytes of `x` are all ASCII digits: each has high nibble 3, and
/// adding 6 does not carry out of the low nibble.
fn all_digits(x: u64) -> bool {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    x & HIGH == ZEROS & HIGH && (x + 0x0606_0606_0606_0606) & HIGH == ZEROS & HIGH
}

/// Each byte (a digit value 0–9) replaced by its Luhn doubling: `2v`, minus 9 when `v > 4`
/// (no byte overflows or borrows).
fn luhn_doubled(v: u64) -> u64 {
    let over4 = ((v + 0x7B7B_7B7B_7B7B_7B7B) >> 7) & 0x0101_0101_0101_0101;
    2 * v - 9 * over4
}

/// The sum of the eight bytes of `x` (the sum must be below 256: here at most 8 × 18).
fn byte_sum(x: u64) -> u64 {
    x.wrapping_mul(0x0101_0101_0101_0101) >> 56
}

impl FromStr for Siret {
    type Err = Error;

    fn from_str(s: &str) -> Result<Siret, Error> {
        let d = read_strict::<14>("SIRET", s, check_siret)?;
        Ok(Siret(digits::number(&d)))
    }
}

impl fmt::Display for Siret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:014}", self.0)
    }
}

/// Splits a cell that may hold several identifiers (`a / b`, `a; b`, `a et b`, or two
/// run together) and returns the parts that parse, when there are at least two.
pub(crate) fn several<T: fmt::Display>(
    input: &str,
    parse: impl Fn(&str) -> Option<T>,
    width: usize,
) -> Option<Vec<String>> {
    let parts: Vec<&str> = input
        .split(['/', ';', '|', '\n', '+', '&'])
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| {
            if p.contains(',') && !p.trim().ends_with(",0") {
                p.split(',').collect()
            } else {
                vec![p]
            }
        })
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut found: Vec<String> = Vec::new();
    if parts.len() >= 2 {
        for p in &parts {
            if let Some(v) = parse(p) {
                found.push(v.to_string());
            }
        }
    } else {
        // Two identifiers run together: exactly twice the width in digits.
        let d: String = input.chars().filter(char::is_ascii_digit).collect();
        if d.len() == 2 * width && input.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            let (a, b) = d.split_at_checked(width)?;
            if let (Some(x), Some(y)) = (parse(a), parse(b)) {
                found.push(x.to_string());
                found.push(y.to_string());
            }
        }
    }
    (found.len() >= 2).then_some(found)
}

/// Builds the verdict of a lenient parse: borrowed when the input was already canonical.
pub(crate) fn verdict<'a, T: fmt::Display>(
    input: &'a str,
    result: Result<(T, Vec<Repair>), Error>,
    several: impl FnOnce() -> Option<Vec<String>>,
) -> Verdict<'a> {
    if digits::trim(input).is_empty() {
        return Verdict::Null;
    }
    match result {
        Ok((v, repairs)) => {
            let out = v.to_string();
            if out == input {
                Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
            } else {
                let rule = if repairs.is_empty() { "trim" } else { Repair::rule(&repairs) };
                Verdict::Valid { value: Cow::Owned(out), rule }
            }
        }
        Err(e) => match several() {
            Some(candidates) => Verdict::Ambiguous {
                reason: Cow::Owned(format!(
                    "{} {} values in one cell",
                    candidates.len(),
                    e.identifier()
                )),
                candidates,
            },
            None => {
                Verdict::Invalid { reason: Cow::Owned(format!("{}: {}", e.kind(), e.reason())) }
            }
        },
    }
}

/// The `siren` normalizer: compact 9 digits, with the lenient repairs.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// use dq_pivot::siren::SirenNormalizer;
///
/// assert_eq!(SirenNormalizer.normalize("732 829 320").value(), Some("732829320"));
/// assert_eq!(SirenNormalizer.normalize("732 829 321").status(), "invalid");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SirenNormalizer;

impl Normalizer for SirenNormalizer {
    fn name(&self) -> &'static str {
        "siren"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        verdict(input, Siren::parse_lenient(input), || {
            several(input, |p| Siren::parse_lenient(p).ok().map(|x| x.0), 9)
        })
    }
}

/// The `siret` normalizer: compact 14 digits, with the lenient repairs; two SIRETs in
/// one cell are ambiguous.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// use dq_pivot::siren::SiretNormalizer;
///
/// let v = SiretNormalizer.normalize("35600000000048.0");
/// assert_eq!((v.value(), v.rule()), (Some("35600000000048"), Some("excel_float")));
/// assert_eq!(SiretNormalizer.normalize("3.56E+13").status(), "invalid");
/// assert_eq!(SiretNormalizer.normalize("73282932000074 / 35600000000048").status(), "ambiguous");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SiretNormalizer;

impl Normalizer for SiretNormalizer {
    fn name(&self) -> &'static str {
        "siret"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        verdict(input, Siret::parse_lenient(input), || {
            several(input, |p| Siret::parse_lenient(p).ok().map(|x| x.0), 14)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = SiretNormalizer.normalize(input);
        let got = match &v {
            Verdict::Valid { value, rule } => format!("valid {value} {rule}"),
            Verdict::Invalid { reason } => format!("invalid {reason}"),
            Verdict::Ambiguous { candidates, .. } => format!("ambiguous {}", candidates.join(" ")),
            Verdict::Null => "null".to_owned(),
        };
        assert!(got.starts_with(expected), "{input:?}: got {got:?}, expected {expected:?}");
    }

    #[test]
    fn siret_table() {
        check("73282932000074", "valid 73282932000074 as_is");
        check(" 732 829 320 00074 ", "valid 73282932000074 separators");
        check("732.829.320.00074", "valid 73282932000074 separators");
        check("732\u{a0}829\u{202f}320 00074", "valid 73282932000074 separators");
        check("７３２８２９３２００００７４", "valid 73282932000074 fullwidth_digits");
        check("732-829-320-00074", "valid 73282932000074 dashes");
        check("73282932000075", "invalid checksum");
        check("7328293200007", "invalid length: 13 digits");
        check("732829320000741", "invalid length: 15 digits");
        check("7328293200007a", "invalid character");
        check("35600000000048", "valid 35600000000048 as_is");
        check("35600000000048.0", "valid 35600000000048 excel_float");
        check("35600000000048,0", "valid 35600000000048 excel_float");
        check("3.56E+13", "invalid excel_digits_lost");
        check("3,56E+13", "invalid excel_digits_lost");
        check("1.23457E+13", "invalid excel_digits_lost");
        check("7.3282932000074E+13", "valid 73282932000074 excel_scientific");
        check("35600000049837", "valid 35600000049837");
        check("35600000049838", "invalid la_poste");
        check("", "null");
        check("   ", "null");
        check("73282932000074 / 35600000000048", "ambiguous 73282932000074 35600000000048");
        check("7328293200007435600000000048", "ambiguous 73282932000074 35600000000048");
        // Lost leading zero: 05520813600012 would be a 14-digit SIRET.
        check("5520813600012", "invalid length: 13 digits");
    }

    #[test]
    fn la_poste_luhn_only_is_rejected() {
        // Find a La Poste SIRET that passes Luhn but fails the digit-sum rule.
        let found = (0..100_000u64)
            .map(|nic| 35_600_000_000_000 + nic)
            .filter(|&n| n != LA_POSTE_HEAD_OFFICE)
            .find(|n| {
                let d: Vec<u8> = format!("{n:014}").bytes().map(|b| b - b'0').collect();
                digits::luhn_ok(&d) && d.iter().map(|&x| u32::from(x)).sum::<u32>() % 5 != 0
            })
            .unwrap();
        let err = found.to_string().parse::<Siret>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::LaPoste);
        assert!(err.reason().contains("passes Luhn"));
    }

    #[test]
    fn leading_zero_repair() {
        // 055208136 is a Luhn-valid SIREN; find a SIRET of it whose 13-digit form repairs.
        let (s, r) = Siren::parse_lenient("55208136").unwrap();
        assert_eq!(s.to_string(), "055208136");
        assert_eq!(r, vec![Repair::LeadingZero]);
        assert!("55208136".parse::<Siren>().is_err());
        let nic =
            (0..100u32).find(|nic| format!("055208136{nic:05}").parse::<Siret>().is_ok()).unwrap();
        let (t, r) = Siret::parse_lenient(&format!("55208136{nic:05}")).unwrap();
        assert_eq!(t.siren().to_string(), "055208136");
        assert_eq!(r, vec![Repair::LeadingZero]);
    }

    #[test]
    fn strict_rejects_letters_and_dashes() {
        assert_eq!("12 345 678a9".parse::<Siren>().unwrap_err().kind(), ErrorKind::Character);
        assert!("732-829-320".parse::<Siren>().is_err());
        assert!("732 829 320".parse::<Siren>().is_ok());
        assert!("35600000000048.0".parse::<Siret>().is_err());
    }
}
