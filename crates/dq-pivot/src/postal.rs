//! Postal codes (La Poste, as carried by the COG 2026 package): validation, repair of lost
//! leading zeros, the communes a postal code serves and the postal codes of a commune.
//!
//! ```
//! use dq_pivot::postal::{self, PostalCode};
//! assert_eq!(PostalCode::parse_lenient("1000")?.0.as_str(), "01000");
//! assert_eq!(postal::communes("75001").collect::<Vec<_>>(), ["75056"]);
//! assert_eq!(postal::arrondissements("75001").collect::<Vec<_>>(), ["75101"]);
//! assert!(postal::codes_of("13055").any(|p| p == "13016"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Distribution postal codes come with their communes from the COG package; La Poste's
//! codes that no commune carries (Monaco's `98000`, New Caledonia's delivery codes) come
//! from La Poste's own list (`tools/gen-refs`) and are valid postal codes with no
//! commune. CEDEX codes are in neither list (La Poste does not publish them): a value
//! that says `CEDEX` is read as one (valid, no commune, rule `cedex`), and five digits
//! written as such, whose first digits name a département La Poste serves, are valid with
//! rule `unlisted` (a CEDEX, special or retired code: never rewritten, no commune). A
//! code of no served département (`00100`, `96000`, `99999`) is unknown, and a repaired
//! value (`1000` → `01000`) must be in the lists.

use std::borrow::Cow;

use dq_clean::{Normalizer, Verdict};

use crate::commune::{self, strip_float, table};
use crate::refs_table;

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

/// Whether `postal` is a La Poste postal code that no commune carries (Monaco's `98000`,
/// New Caledonia's delivery codes).
///
/// # Example
///
/// ```
/// assert!(dq_pivot::postal::is_without_commune("98000"));
/// assert!(!dq_pivot::postal::is_without_commune("75001"));
/// ```
pub fn is_without_commune(postal: &str) -> bool {
    refs_table::POSTAL_WITHOUT_COMMUNE.binary_search(&postal).is_ok()
}

/// Whether `postal` is a known postal code: a commune's, or one of La Poste's codes that
/// no commune carries ([`is_without_commune`]).
///
/// # Example
///
/// ```
/// assert!(dq_pivot::postal::exists("33000"));
/// assert!(dq_pivot::postal::exists("98000")); // Monaco
/// assert!(!dq_pivot::postal::exists("00000"));
/// ```
pub fn exists(postal: &str) -> bool {
    !range(postal).is_empty() || is_without_commune(postal)
}

/// Whether `postal` is five digits in no list whose first digits (three overseas) name a
/// département La Poste serves: a CEDEX code, a special or a retired one, which
/// [`parse_parts`] keeps as written with rule `unlisted`.
///
/// # Example
///
/// ```
/// assert!(dq_pivot::postal::is_unlisted("01502")); // Ambérieu-en-Bugey CEDEX
/// assert!(!dq_pivot::postal::is_unlisted("01000")); // in the lists
/// assert!(!dq_pivot::postal::is_unlisted("96000")); // no such département
/// ```
pub fn is_unlisted(postal: &str) -> bool {
    postal.len() == 5
        && postal.bytes().all(|b| b.is_ascii_digit())
        && !exists(postal)
        && plausible_cedex(postal)
}

/// The number of known postal codes (those of communes and those without one).
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::postal::count(), 6_328);
/// ```
pub fn count() -> usize {
    let mut n = 0;
    let mut last = "";
    for (p, _) in table::POSTAL {
        if *p != last {
            n += 1;
            last = p;
        }
    }
    n + refs_table::POSTAL_WITHOUT_COMMUNE.len()
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
    /// Five digits, but no list has this postal code and its first digits name no
    /// département La Poste serves (or a repaired value is in no list).
    Unknown,
}

impl PostalReason {
    /// This reason as the crate's one error type, for the rejected `value` (postal
    /// functions return the bare reason; this gives it the value and a kind to match).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::{postal, ErrorKind};
    /// let e = postal::PostalReason::Unknown.into_error("00000");
    /// assert_eq!((e.kind(), e.value()), (ErrorKind::Unknown, "00000"));
    /// ```
    pub fn into_error(self, value: &str) -> crate::Error {
        let kind = match self {
            PostalReason::Empty => crate::ErrorKind::Empty,
            PostalReason::Unknown => crate::ErrorKind::Unknown,
            _ => crate::ErrorKind::Format,
        };
        crate::Error::new("postal code", value, kind, None, self.as_str())
    }

    /// The reason in words.
    pub fn as_str(self) -> &'static str {
        match self {
            PostalReason::Empty => "empty",
            PostalReason::Format => "not a 5-digit postal code",
            PostalReason::Unknown => "unknown postal code",
        }
    }
}

/// A postal code read out of a cell, with what came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PostalParts<'a> {
    /// The five digits.
    pub code: String,
    /// The rule applied: `as_is`, `trim`, `leading_zero`, `excel_float`,
    /// `excel_scientific` (`6,00E+03`), `spaces` (`13 001`), `country_prefix`
    /// (`F-13001`), `with_town` (`13001 Marseille`), `cedex` (`13299 MARSEILLE CEDEX 20`),
    /// `unlisted` (`01502`: five digits of a served département in no public list).
    pub rule: &'static str,
    /// The town written after the code (`Marseille`), if any.
    pub town: Option<&'a str>,
    /// The CEDEX mention with its number (`CEDEX 20`), if any.
    pub cedex: Option<&'a str>,
}

impl PostalParts<'_> {
    /// Whether a commune carries this code (false for a CEDEX code, Monaco's `98000`…).
    pub fn has_commune(&self) -> bool {
        !range(&self.code).is_empty()
    }
}

/// `F-13001`, `FR 13001`, `F13001` without the country prefix.
fn strip_country(t: &str) -> Option<&str> {
    for p in ["FR-", "FR ", "FR", "F-", "F ", "F"] {
        if let Some(head) = t.get(..p.len()) {
            if head.eq_ignore_ascii_case(p) {
                let rest = t.get(p.len()..).unwrap_or("");
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(rest);
                }
            }
        }
    }
    None
}

/// The integer written `6,00E+03` or `1.3001E4` by a spreadsheet, as digits, when it is
/// a whole number of at most 5 digits.
fn excel_scientific(t: &str) -> Option<String> {
    let (mantissa, exp) = t.split_once(['E', 'e'])?;
    let exp: usize = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    let (int, frac) = mantissa.split_once(['.', ',']).unwrap_or((mantissa, ""));
    if int.len() != 1
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        || exp > 4
        || int == "0"
    {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > exp {
        return None;
    }
    let mut out = String::with_capacity(exp + 1);
    out.push_str(int);
    out.push_str(frac);
    out.extend(std::iter::repeat('0').take(exp - frac.len()));
    Some(out)
}

/// `13 001` or `6\u{a0}000` without the digit-group space.
fn join_group(t: &str) -> Option<String> {
    let (head, tail) = t.split_once([' ', '\u{a0}', '\u{202f}'])?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (matches!(head.len(), 1 | 2) && tail.len() == 3 && digits(head) && digits(tail))
        .then(|| format!("{head}{tail}"))
}

/// `13001 Marseille` or `13299 MARSEILLE CEDEX 20`: the code, the town and the CEDEX
/// mention.
fn split_town(t: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    let code = t.get(..5)?;
    let rest = t.get(5..)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    if !rest.starts_with(char::is_alphabetic) {
        return None;
    }
    let cedex_at = rest.char_indices().find_map(|(i, _)| {
        let word = rest.get(i..i + 5)?;
        let before_ok = rest.get(..i).is_some_and(|b| b.is_empty() || b.ends_with(' '));
        let after = rest.get(i + 5..).unwrap_or("");
        let after_ok = after.is_empty() || after.starts_with(' ');
        (word.eq_ignore_ascii_case("cedex") && before_ok && after_ok).then_some(i)
    });
    match cedex_at {
        Some(i) => {
            let town = rest.get(..i).map(str::trim).filter(|s| !s.is_empty());
            let cedex = rest.get(i..).map(str::trim);
            Some((code, town, cedex))
        }
        None => Some((code, Some(rest), None)),
    }
}

/// Whether a CEDEX code's first digits name a département La Poste serves (a code of the
/// same département or overseas collectivity exists).
fn plausible_cedex(code: &str) -> bool {
    let prefix_len = if code.starts_with("97") || code.starts_with("98") { 3 } else { 2 };
    let Some(prefix) = code.get(..prefix_len) else { return false };
    let Ok(lo) = format!("{prefix:0<5}").parse::<u32>() else { return false };
    let hi = lo + if prefix_len == 3 { 100 } else { 1000 };
    let keys = table::POSTAL_KEYS;
    let i = keys.partition_point(|&x| x < lo);
    keys.get(i).is_some_and(|&k| k < hi)
}

/// Reads a postal code out of a cell: the code alone, or with a country prefix
/// (`F-13001`), digit groups (`13 001`, `6 000`), a spreadsheet's float or scientific form
/// (`1000.0`, `6,00E+03`), a town after it (`13001 Marseille`) or a CEDEX mention
/// (`13299 MARSEILLE CEDEX 20`). A lost leading zero is put back.
///
/// # Errors
///
/// [`crate::Error`] of kind `Empty`, `Format` or `Unknown` ([`PostalReason`]'s three
/// cases) when empty, malformed or unknown. A code with a CEDEX mention is
/// accepted when its département exists; a bare code must be in the lists.
///
/// # Example
///
/// ```
/// use dq_pivot::postal::parse_parts;
/// let p = parse_parts("13299 MARSEILLE CEDEX 20")?;
/// assert_eq!((p.code.as_str(), p.rule, p.town, p.cedex), ("13299", "cedex", Some("MARSEILLE"), Some("CEDEX 20")));
/// assert!(!p.has_commune());
/// assert_eq!(parse_parts("6,00E+03")?.code, "06000");
/// assert_eq!(parse_parts("F-13001")?.rule, "country_prefix");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_parts(input: &str) -> Result<PostalParts<'_>, crate::Error> {
    read_parts(input).map(|(parts, _)| parts).map_err(|r| r.into_error(input))
}

/// [`parse_parts`], with every repair made in the crate's terms.
fn read_parts(input: &str) -> Result<(PostalParts<'_>, Vec<crate::Repair>), PostalReason> {
    use crate::Repair as R;
    let t = input.trim();
    if t.is_empty() {
        return Err(PostalReason::Empty);
    }
    let mut repairs = Vec::new();
    let mut rule = if t.len() == input.len() { "as_is" } else { "trim" };
    if rule == "trim" {
        repairs.push(R::Separators);
    }
    let mut town = None;
    let mut cedex = None;
    let t = match strip_country(t) {
        Some(rest) => {
            rule = "country_prefix";
            repairs.push(R::CountryPrefix);
            rest
        }
        None => t,
    };
    let owned;
    let s: &str = if let Some(d) = excel_scientific(t) {
        rule = "excel_scientific";
        repairs.push(R::ExcelScientific);
        owned = d;
        &owned
    } else if let Some(d) = join_group(t) {
        rule = "spaces";
        repairs.push(R::Separators);
        owned = d;
        &owned
    } else if let Some((code, tw, cx)) = split_town(t) {
        rule = if cx.is_some() { "cedex" } else { "with_town" };
        repairs.push(R::SurroundingText);
        town = tw;
        cedex = cx;
        code
    } else {
        let (s, float) = strip_float(t);
        if float {
            rule = "excel_float";
            repairs.push(R::ExcelFloat);
        }
        s
    };
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PostalReason::Format);
    }
    let code = match s.len() {
        5 => s.to_owned(),
        4 => {
            if matches!(rule, "as_is" | "trim" | "spaces") {
                rule = "leading_zero";
            }
            repairs.push(R::LeadingZero);
            format!("0{s}")
        }
        _ => return Err(PostalReason::Format),
    };
    repairs.sort_unstable();
    repairs.dedup();
    let known = exists(&code) || (cedex.is_some() && plausible_cedex(&code));
    if known {
        Ok((PostalParts { code, rule, town, cedex }, repairs))
    } else if matches!(rule, "as_is" | "trim") && plausible_cedex(&code) {
        // Five digits as written, of a département La Poste serves, in no public list:
        // a CEDEX code (`01502`), a special or a retired one. Nothing is rewritten, so
        // the value keeps its benefit of the doubt; a repair needs the lists.
        Ok((PostalParts { code, rule: "unlisted", town, cedex }, repairs))
    } else {
        Err(PostalReason::Unknown)
    }
}

/// A postal code: five digits that La Poste's lists hold, or that a CEDEX mention or the
/// département of its first digits vouches for ([`is_unlisted`]).
///
/// It reads as every identifier of the crate reads: `FromStr` is strict (formatting
/// undone, nothing repaired), [`PostalCode::parse_lenient`] repairs and says how.
///
/// # Example
///
/// ```
/// use dq_pivot::{postal::PostalCode, ErrorKind, Repair};
/// let (code, repairs) = PostalCode::parse_lenient("6,00E+03")?;
/// assert_eq!((code.as_str(), repairs.as_slice()), ("06000", &[Repair::ExcelScientific, Repair::LeadingZero][..]));
/// assert_eq!(code.communes().collect::<Vec<_>>(), ["06088"]);
/// let paris: PostalCode = "75001".parse()?;
/// assert_eq!(paris.arrondissements().collect::<Vec<_>>(), ["75101"]);
/// assert_eq!("1000".parse::<PostalCode>().unwrap_err().kind(), ErrorKind::NeedsRepair);
/// assert!(!PostalCode::parse_lenient("01502")?.0.is_listed()); // a CEDEX code
/// # Ok::<(), dq_pivot::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode([u8; 5]);

impl PostalCode {
    /// The five digits.
    pub fn as_str(&self) -> &str {
        // Built from five ASCII digits only: the fallback is unreachable.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// Reads a postal code out of a cell as [`parse_parts`] does (country prefix, digit
    /// groups, spreadsheet forms, a town or CEDEX mention after it, a lost zero), and
    /// returns it with every repair made; [`parse_parts`] gives the town and CEDEX
    /// mention too.
    ///
    /// # Errors
    ///
    /// [`crate::Error`] of kind `Empty`, `Format` or `Unknown`.
    pub fn parse_lenient(input: &str) -> Result<(PostalCode, Vec<crate::Repair>), crate::Error> {
        let (parts, repairs) = read_parts(input).map_err(|r| r.into_error(input))?;
        let mut digits = [b'0'; 5];
        if parts.code.len() != 5 {
            return Err(PostalReason::Format.into_error(input));
        }
        digits.copy_from_slice(parts.code.as_bytes());
        Ok((PostalCode(digits), repairs))
    }

    /// The current communes it serves, sorted (see [`communes`]).
    pub fn communes(&self) -> impl Iterator<Item = &'static str> {
        communes(self.as_str())
    }

    /// The municipal arrondissements it serves (see [`arrondissements`]).
    pub fn arrondissements(&self) -> impl Iterator<Item = &'static str> {
        arrondissements(self.as_str())
    }

    /// Whether La Poste's lists hold it ([`exists`]); false for a CEDEX, special or
    /// retired code read on the word of a CEDEX mention or of its département.
    pub fn is_listed(&self) -> bool {
        exists(self.as_str())
    }
}

impl std::fmt::Display for PostalCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PostalCode {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::Repair::strict("postal code", s, PostalCode::parse_lenient(s))
    }
}

/// Reads a postal code leniently ([`parse_parts`] without the town and CEDEX parts).
/// Returns the code and the rule applied (`as_is`, `trim`, `leading_zero`,
/// `excel_float`, `excel_scientific`, `spaces`, `country_prefix`, `with_town`, `cedex`).
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
/// assert_eq!(parse_lenient("6 000"), Ok(("06000".to_owned(), "leading_zero")));
/// assert_eq!(parse_lenient("99999"), Err(PostalReason::Unknown));
/// ```
#[deprecated(
    since = "0.1.0",
    note = "use `PostalCode::parse_lenient`, which returns every repair and `dq_pivot::Error`"
)]
pub fn parse_lenient(input: &str) -> Result<(String, &'static str), PostalReason> {
    read_parts(input).map(|(p, _)| (p.code, p.rule))
}

/// The [`Normalizer`] of postal codes (`dq normalize postal-code`).
///
/// The code is written alone, except after a CEDEX mention: `13299 MARSEILLE CEDEX 20`
/// stays whole (valid, rule `cedex`), since a bare CEDEX code is in no list and could
/// not be checked again.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::postal::PostalCodeNormalizer;
/// assert_eq!(n.normalize("6000").value(), Some("06000"));
/// assert_eq!(n.normalize("6000").rule(), Some("leading_zero"));
/// assert_eq!(n.normalize("13001 Marseille").value(), Some("13001"));
/// assert_eq!(n.normalize("13299 MARSEILLE CEDEX 20").value(), Some("13299 MARSEILLE CEDEX 20"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PostalCodeNormalizer;

impl Normalizer for PostalCodeNormalizer {
    fn name(&self) -> &'static str {
        "postal-code"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match read_parts(input) {
            Ok((p, _)) => {
                let value = if p.code == input || p.cedex.is_some() {
                    Cow::Borrowed(input)
                } else {
                    Cow::Owned(p.code)
                };
                Verdict::Valid { value, rule: p.rule }
            }
            Err(PostalReason::Empty) => Verdict::Null,
            Err(r) => Verdict::Invalid { reason: Cow::Borrowed(r.as_str()) },
        }
    }
}

#[cfg(test)]
#[allow(deprecated, reason = "the deprecated free `parse_lenient` still answers as it did")]
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
        check("", Err(PostalReason::Empty));
    }

    /// The value forms of #14, one per pattern.
    #[test]
    fn forms() {
        // Lost zero written with a digit-group space or by a spreadsheet.
        check("6 000", Ok(("06000", "leading_zero")));
        check("6\u{a0}000", Ok(("06000", "leading_zero")));
        check("75 001", Ok(("75001", "spaces")));
        check("6,00E+03", Ok(("06000", "excel_scientific")));
        check("6.00E+03", Ok(("06000", "excel_scientific")));
        check("1.3001E+04", Ok(("13001", "excel_scientific")));
        check("1,3001E4", Ok(("13001", "excel_scientific")));
        check("1.30015E+04", Err(PostalReason::Format));
        check("6,00E+08", Err(PostalReason::Format));
        // Country prefix.
        check("F-13001", Ok(("13001", "country_prefix")));
        check("FR 13001", Ok(("13001", "country_prefix")));
        check("f13001", Ok(("13001", "country_prefix")));
        check("F-6000", Ok(("06000", "country_prefix")));
        check("FRANCE", Err(PostalReason::Format));
        // The town after the code, and CEDEX.
        check("13001 Marseille", Ok(("13001", "with_town")));
        check("13299 MARSEILLE CEDEX 20", Ok(("13299", "cedex")));
        check("75700 Paris Cedex 07", Ok(("75700", "cedex")));
        check("92099 LA DEFENSE CEDEX", Ok(("92099", "cedex")));
        check("00999 NULLE PART CEDEX", Err(PostalReason::Unknown));
        check("13299 MARSEILLE", Err(PostalReason::Unknown));
        check("13001 12", Err(PostalReason::Format));
        check("13001 CEDEXIA", Ok(("13001", "with_town")));
        // La Poste's codes that no commune carries, and the overseas collectivities'.
        check("98000", Ok(("98000", "as_is")));
        check("98830", Ok(("98830", "as_is")));
        check("98714", Ok(("98714", "as_is")));
        check("98600", Ok(("98600", "as_is")));
    }

    #[test]
    fn parts() {
        let p = parse_parts(" 13001  Marseille ").unwrap();
        assert_eq!(
            (p.code.as_str(), p.town, p.cedex, p.has_commune()),
            ("13001", Some("Marseille"), None, true)
        );
        let p = parse_parts("13299 MARSEILLE CEDEX 20").unwrap();
        assert_eq!(
            (p.town, p.cedex, p.has_commune()),
            (Some("MARSEILLE"), Some("CEDEX 20"), false)
        );
        assert!(!parse_parts("98000").unwrap().has_commune());
        assert_eq!(communes("98000").count(), 0);
        assert_eq!(count(), 6_328);
        assert_eq!(refs_table::POSTAL_WITHOUT_COMMUNE.len(), 18);
        assert!(refs_table::POSTAL_WITHOUT_COMMUNE.windows(2).all(|w| w[0] < w[1]));
        assert!(refs_table::POSTAL_WITHOUT_COMMUNE.iter().all(|p| range(p).is_empty()));
    }

    #[test]
    fn normalizer_keeps_cedex_whole() {
        let n = PostalCodeNormalizer;
        assert_eq!(n.normalize("F-13001").value(), Some("13001"));
        assert_eq!(n.normalize("13001 Marseille").rule(), Some("with_town"));
        let v = n.normalize("13299 MARSEILLE CEDEX 20");
        assert_eq!((v.value(), v.rule()), (Some("13299 MARSEILLE CEDEX 20"), Some("cedex")));
        // A bare CEDEX code is in no list: valid as written, never rewritten.
        let v = n.normalize("13299");
        assert_eq!((v.value(), v.rule()), (Some("13299"), Some("unlisted")));
    }

    #[test]
    fn unlisted_codes_keep_the_benefit_of_the_doubt_only_as_written() {
        // CEDEX codes of the CFA lists and SIRENE: a served département, no list.
        for code in ["01502", "11090", "33076", "97489"] {
            assert!(!exists(code), "{code} is in a list: pick another example");
            let p = parse_parts(code).ok().map(|p| (p.code, p.rule));
            assert_eq!(p, Some((code.to_owned(), "unlisted")), "{code}");
        }
        // No served département: unknown.
        for code in ["00100", "96000", "99999", "98999"] {
            assert_eq!(parse_lenient(code), Err(PostalReason::Unknown), "{code}");
        }
        // A repair must land in the lists: `1502` is not read as `01502`.
        assert_eq!(parse_lenient("1502"), Err(PostalReason::Unknown));
        assert_eq!(parse_lenient("1502.0"), Err(PostalReason::Unknown));
        assert_eq!(parse_lenient("01502 Ambérieu"), Err(PostalReason::Unknown));
    }

    #[test]
    fn served() {
        assert_eq!(communes("69001").collect::<Vec<_>>(), ["69123"]);
        assert!(codes_of("75056").any(|p| p == "75116"));
        assert!(codes_of("20004").any(|p| p == "20000"));
        assert_eq!(codes_of("00000").count(), 0);
    }
}

#[cfg(test)]
#[allow(deprecated, reason = "the deprecated free `parse_lenient` still answers as it did")]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A repaired postal code always exists in the lists, or says why not (`cedex`,
        /// or `unlisted` for five digits kept exactly as written).
        #[test]
        fn prop_repaired_code_exists_or_says_why(s in "[0-9FfR ,.E+\\-]{0,12}( [A-Za-z]{1,8})?( CEDEX( [0-9]{1,2})?)?") {
            if let Ok(p) = parse_parts(&s) {
                prop_assert_eq!(p.code.len(), 5);
                let cedex = p.rule == "cedex" && p.cedex.is_some();
                let unlisted = p.rule == "unlisted" && is_unlisted(&p.code) && s.trim() == p.code;
                prop_assert!(exists(&p.code) || cedex || unlisted, "{:?}", s);
                // The code alone reads back as itself.
                if !cedex {
                    let rule = if unlisted { "unlisted" } else { "as_is" };
                    prop_assert_eq!(parse_lenient(&p.code), Ok((p.code.clone(), rule)));
                }
            }
        }

        /// Five digits are kept as written exactly when they are in the lists or
        /// unlisted, never rewritten.
        #[test]
        fn prop_five_digits_are_never_rewritten(s in "[0-9]{5}") {
            match parse_lenient(&s) {
                Ok((code, rule)) => {
                    prop_assert_eq!(&code, &s);
                    prop_assert_eq!(rule == "unlisted", is_unlisted(&s));
                }
                Err(e) => {
                    prop_assert_eq!(e, PostalReason::Unknown);
                    prop_assert!(!exists(&s) && !is_unlisted(&s));
                }
            }
        }

        #[test]
        fn prop_never_panics(s in "\\PC{0,30}") {
            let _ = parse_parts(&s);
        }

        /// `PostalCode::parse_lenient` reads what the normalizer calls valid, the same
        /// code; its repairs are empty exactly when nothing but the code was written, and
        /// the strict reader accepts it exactly when they are all formatting.
        #[test]
        fn prop_postal_code_is_the_normalizer(
            s in "(F-|FR )?[0-9 ]{3,6}(\\.0|,00E\\+03| Marseille| CEDEX 20)?",
        ) {
            let verdict = PostalCodeNormalizer.normalize(&s);
            match PostalCode::parse_lenient(&s) {
                Ok((code, repairs)) => {
                    prop_assert_eq!(verdict.status(), "valid");
                    let parts = parse_parts(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(code.as_str(), parts.code.as_str());
                    prop_assert_eq!(repairs.is_empty(), s == code.as_str());
                    let formatting = repairs.iter().all(|r| r.is_formatting());
                    prop_assert_eq!(s.parse::<PostalCode>().is_ok(), formatting);
                }
                Err(e) => {
                    prop_assert_ne!(verdict.status(), "valid");
                    prop_assert_eq!(e.value(), s.as_str());
                }
            }
        }
    }
}
