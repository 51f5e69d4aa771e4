//! French and mixed number formats to a canonical `1234.56`.
//!
//! Reads grouping by spaces (space, NBSP, U+202F narrow NBSP, thin space), by points or
//! by commas, a decimal comma or point, signs (`-`, `+`, U+2212 `−`, accounting
//! parentheses `(1 234)`), currencies (`€`, `EUR`, before or after), percentages and
//! exponents (`1,5E+3`). The output is the plain decimal form: an optional `-`, digits
//! without leading zeros, and a `.` before the fractional digits when there are any;
//! exponents are expanded (`1,5E+3` → `1500`).
//!
//! Percentages keep their written value: `12,5 %` gives `12.5` with rule
//! `number_percent` (the value is **not** divided by 100; the rule says it was a
//! percentage). Currencies are dropped with rule `number_currency`.
//!
//! What cannot be decided is flagged, never guessed:
//! - `1.234` and `1,234` read as a decimal or as a grouped integer: [`Verdict::Ambiguous`]
//!   unless a [`NumberConvention`] (usually inferred from the whole column by
//!   [`crate::column`]) settles it;
//! - a scale suffix (`1 234,56 k€`): ambiguous, candidates with and without the multiplier;
//! - malformed grouping (`1 23,4`, `12 34`): [`Verdict::Invalid`].
//!
//! Idempotence: outputs are written with a decimal point, so they re-parse to
//! themselves under `NumberConvention::new(DecimalSeparator::Point)`. With no convention,
//! an output shaped like `1.234` is ambiguous again (its first candidate is itself):
//! the raw cell `1.234` must stay flagged.
//!
//! ```
//! use dq_clean::number::{self, DecimalSeparator, NumberConvention};
//!
//! assert_eq!(number::parse("1 234,56").value(), Some("1234.56"));
//! assert_eq!(number::parse("(1 234)").value(), Some("-1234"));
//! assert_eq!(number::parse("1,5E+3").value(), Some("1500"));
//! assert_eq!(number::parse("1.234").status(), "ambiguous");
//! let comma = NumberConvention::new(DecimalSeparator::Comma);
//! assert_eq!(number::parse_with("1.234", &comma).value(), Some("1234"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The decimal separator of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalSeparator {
    /// `1 234,56` (France): the comma separates decimals.
    Comma,
    /// `1,234.56` or `1234.56`: the point separates decimals.
    Point,
}

impl DecimalSeparator {
    /// The separator as a character: `','` or `'.'`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::number::DecimalSeparator;
    /// assert_eq!(DecimalSeparator::Comma.as_char(), ',');
    /// ```
    pub fn as_char(self) -> char {
        match self {
            DecimalSeparator::Comma => ',',
            DecimalSeparator::Point => '.',
        }
    }
}

/// How numbers are written in a column; settles `1.234`-like ambiguities.
///
/// The default knows nothing: `1.234` and `1,234` are ambiguous.
///
/// # Example
///
/// ```
/// use dq_clean::number::{self, DecimalSeparator, NumberConvention};
/// let point = NumberConvention::new(DecimalSeparator::Point);
/// assert_eq!(number::parse_with("1,234", &point).value(), Some("1234"));
/// assert_eq!(number::parse_with("1.234", &point).value(), Some("1.234"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct NumberConvention {
    /// The decimal separator, when known; the other punctuation groups thousands.
    pub decimal: Option<DecimalSeparator>,
}

impl NumberConvention {
    /// A convention with a known decimal separator.
    pub fn new(decimal: DecimalSeparator) -> NumberConvention {
        NumberConvention { decimal: Some(decimal) }
    }
}

/// Whether a canonical number is an integer or has a fractional part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// No fractional part: `-1234`.
    Integer,
    /// A fractional part: `1234.56`.
    Decimal,
}

/// The kind of a canonical number (an output of [`parse`]), or `None` when `canonical`
/// is not in canonical form.
///
/// # Example
///
/// ```
/// use dq_clean::number::{kind_of, NumberKind};
/// assert_eq!(kind_of("-1234"), Some(NumberKind::Integer));
/// assert_eq!(kind_of("1234.56"), Some(NumberKind::Decimal));
/// assert_eq!(kind_of("1 234"), None);
/// ```
pub fn kind_of(canonical: &str) -> Option<NumberKind> {
    if !is_canonical(canonical) {
        return None;
    }
    if canonical.contains('.') {
        Some(NumberKind::Decimal)
    } else {
        Some(NumberKind::Integer)
    }
}

/// The `number` normalizer with a convention, for table cleaning.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// use dq_clean::number::NumberParser;
/// assert_eq!(NumberParser::default().normalize("1 500 €").value(), Some("1500"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct NumberParser {
    convention: NumberConvention,
}

impl NumberParser {
    /// A parser that settles ambiguities with `convention`.
    pub fn new(convention: NumberConvention) -> NumberParser {
        NumberParser { convention }
    }

    /// The convention in use.
    pub fn convention(&self) -> NumberConvention {
        self.convention
    }
}

impl Normalizer for NumberParser {
    fn name(&self) -> &'static str {
        "number"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        parse_with(input, &self.convention)
    }
}

/// Parses a number with no column convention (`1.234` is ambiguous).
///
/// # Example
///
/// ```
/// use dq_clean::number;
/// assert_eq!(number::parse("12,5 %").value(), Some("12.5"));
/// assert_eq!(number::parse("12,5 %").rule(), Some("number_percent"));
/// assert_eq!(number::parse("12 34").status(), "invalid");
/// ```
pub fn parse(input: &str) -> Verdict<'_> {
    parse_with(input, &NumberConvention::default())
}

/// Parses a number, settling `1.234`-like ambiguities with `convention`.
///
/// # Example
///
/// ```
/// use dq_clean::number::{self, DecimalSeparator, NumberConvention};
/// let comma = NumberConvention::new(DecimalSeparator::Comma);
/// assert_eq!(number::parse_with("1,234", &comma).value(), Some("1.234"));
/// ```
pub fn parse_with<'a>(input: &'a str, convention: &NumberConvention) -> Verdict<'a> {
    analyze(input, convention).0
}

/// What a value says about the column's decimal separator, for column inference.
pub(crate) fn evidence(input: &str) -> Option<DecimalSeparator> {
    analyze(input, &NumberConvention::default()).1
}

/// Whether a value is written like a number even when it does not read as one
/// (`12 34`, `1 23,4`, `1,2,3`, `(12..5 €)`): digits and separators only, once signs,
/// parentheses, currencies and percentages are peeled off. Column inference counts such
/// values as malformed numbers rather than as text.
pub(crate) fn looks_like_number(input: &str) -> bool {
    let mut a = Affixes::default();
    let core = peel(input, &mut a);
    core.bytes().any(|b| b.is_ascii_digit())
        && core.chars().all(|c| c.is_ascii_digit() || sep_of(c).is_some())
}

/// Whether `s` is a canonical number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, not `-0`.
fn is_canonical(s: &str) -> bool {
    let b = s.as_bytes();
    let b = match b.split_first() {
        Some((b'-', rest)) => rest,
        _ => b,
    };
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(p) => (b.get(..p).unwrap_or(&[]), b.get(p + 1..)),
        None => (b, None),
    };
    if int.is_empty() || !int.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if int.len() > 1 && int.first() == Some(&b'0') {
        return false;
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.iter().all(u8::is_ascii_digit) {
            return false;
        }
    }
    // Negative zero is written `0`.
    if s.starts_with('-') && int == b"0" && frac.map_or(true, |f| f.iter().all(|&c| c == b'0')) {
        return false;
    }
    true
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202F}' || c == '\u{2009}' || c == '\u{00A0}'
}

/// Null tokens a number or date column may hold: the French list of [`crate::null`].
pub(crate) fn is_null_token(s: &str) -> bool {
    crate::null::is_null(s)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sep {
    Space,
    Point,
    Comma,
}

fn sep_of(c: char) -> Option<Sep> {
    match c {
        '.' => Some(Sep::Point),
        ',' => Some(Sep::Comma),
        c if is_space(c) => Some(Sep::Space),
        _ => None,
    }
}

fn invalid(reason: &'static str) -> Verdict<'static> {
    Verdict::Invalid { reason: Cow::Borrowed(reason) }
}

/// Strips `suffix` (ASCII, case-insensitive) from the end of `s`.
fn strip_suffix_ci<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (head, tail) = s.split_at_checked(cut)?;
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let (head, tail) = s.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

#[derive(Default)]
struct Affixes {
    negative: bool,
    accounting: bool,
    percent: bool,
    currency: bool,
    /// A power of ten written as a scale suffix (`k€` → 3).
    scale: Option<i32>,
    signs: u8,
}

/// Peels signs, parentheses, currencies, percentages and scales off both ends.
fn peel<'s>(mut s: &'s str, a: &mut Affixes) -> &'s str {
    loop {
        s = s.trim_matches(is_space);
        if let Some(r) = s.strip_suffix('%') {
            if a.percent {
                return s;
            }
            a.percent = true;
            s = r;
            continue;
        }
        let scaled = [("k€", 3), ("keur", 3), ("m€", 6), ("meur", 6), ("md€", 9)];
        if let Some((r, p)) =
            scaled.iter().find_map(|(suf, p)| lowercase_strip(s, suf).map(|r| (r, *p)))
        {
            if a.currency || a.scale.is_some() {
                return s;
            }
            a.currency = true;
            a.scale = Some(p);
            s = r;
            continue;
        }
        if let Some(r) = s.strip_suffix('€').or_else(|| strip_suffix_ci(s, "EUR")) {
            if a.currency {
                return s;
            }
            a.currency = true;
            s = r;
            continue;
        }
        if let Some(r) = s.strip_prefix('€').or_else(|| strip_prefix_ci(s, "EUR")) {
            if a.currency {
                return s;
            }
            a.currency = true;
            s = r;
            continue;
        }
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            if a.accounting || a.signs > 0 {
                return s;
            }
            a.accounting = true;
            a.negative = !a.negative;
            s = inner;
            continue;
        }
        if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
            if a.signs > 0 {
                return s;
            }
            a.signs += 1;
            a.negative = !a.negative;
            s = r;
            continue;
        }
        if let Some(r) = s.strip_prefix('+') {
            if a.signs > 0 {
                return s;
            }
            a.signs += 1;
            s = r;
            continue;
        }
        return s;
    }
}

/// Strips a lower-case suffix that may carry non-ASCII characters (`k€`), ignoring
/// ASCII case, without allocating.
fn lowercase_strip<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    strip_suffix_ci(s, suffix)
}

/// The parsed digits: integer digits, fractional digits, decimal exponent.
struct Digits {
    int: String,
    frac: String,
}

fn analyze<'a>(
    input: &'a str,
    convention: &NumberConvention,
) -> (Verdict<'a>, Option<DecimalSeparator>) {
    if is_canonical(input) && !plain_ambiguous(input) {
        let ev = input.contains('.').then_some(DecimalSeparator::Point);
        return (Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }, ev);
    }
    if let Some(fast) = french_fast(input) {
        return fast;
    }
    analyze_general(input, convention)
}

/// Reads `1 234 567,89` and its kin in one pass over the bytes: an optional `-`,
/// digits grouped by threes with a space, NBSP, narrow NBSP or thin space, an optional
/// decimal comma. `None` sends everything else (and the cases that depend on the
/// convention, like `1,234`) to [`analyze_general`], which gives the same verdict for
/// the values read here (a test checks it).
fn french_fast(input: &str) -> Option<(Verdict<'static>, Option<DecimalSeparator>)> {
    let bytes = input.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut out = String::with_capacity(input.len());
    if negative {
        out.push('-');
    }
    let mut i = usize::from(negative);
    let (mut first, mut spaces, mut int_len) = (0usize, 0usize, 0usize);
    let mut bad_group = false;
    let mut leading_zero = false;
    // The integer part, group by group, each copied as one slice.
    let comma = loop {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let group = i - start;
        if group == 0 {
            return None;
        }
        if int_len == 0 && bytes.get(start) == Some(&b'0') {
            leading_zero = true;
        }
        int_len += group;
        out.push_str(input.get(start..i)?);
        if spaces == 0 {
            first = group;
        } else if group != 3 {
            bad_group = true;
        }
        let sep_len = match bytes.get(i..)? {
            [b' ', ..] => 1,
            [0xC2, 0xA0, ..] => 2,
            [0xE2, 0x80, 0xAF | 0x89, ..] => 3,
            [b',', ..] => break true,
            [] => break false,
            _ => return None,
        };
        spaces += 1;
        i += sep_len;
    };
    if (spaces > 0 && (bad_group || !(1..=3).contains(&first))) || (leading_zero && int_len > 1) {
        return None;
    }
    if comma {
        let frac = input.get(i + 1..)?;
        if frac.is_empty() || !frac.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let frac_zero = frac.bytes().all(|c| c == b'0');
        // `1,234` depends on the convention; `-0,00` is written `0.00`.
        if (spaces == 0 && frac.len() == 3) || (negative && leading_zero && frac_zero) {
            return None;
        }
        out.push('.');
        out.push_str(frac);
    } else if spaces == 0 || (negative && leading_zero) {
        return None;
    }
    let ev = comma.then_some(DecimalSeparator::Comma);
    Some((Verdict::Valid { value: Cow::Owned(out), rule: "number_fr" }, ev))
}

/// The general reader: affixes, exponents, every grouping, the convention.
fn analyze_general<'a>(
    input: &'a str,
    convention: &NumberConvention,
) -> (Verdict<'a>, Option<DecimalSeparator>) {
    if is_null_token(input) {
        return (Verdict::Null, None);
    }
    let mut a = Affixes::default();
    let core = peel(input, &mut a);
    // Split off an exponent.
    let (mantissa, exp) = match core.find(['e', 'E']) {
        Some(p) => {
            let (m, e) = core.split_at_checked(p).unwrap_or((core, ""));
            let e = e.get(1..).unwrap_or("");
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return (invalid("malformed exponent"), None);
            }
            let n: i32 = digits.parse().unwrap_or(0);
            (m, if e.starts_with('-') { -n } else { n })
        }
        None => (core, 0),
    };
    if mantissa.is_empty() {
        return (invalid("no digits"), None);
    }
    // Groups of digits and the separators between them.
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<Sep> = Vec::new();
    let mut start = 0usize;
    for (i, c) in mantissa.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        let Some(sep) = sep_of(c) else {
            return (invalid("not a number"), None);
        };
        groups.push(mantissa.get(start..i).unwrap_or(""));
        seps.push(sep);
        start = i + c.len_utf8();
    }
    groups.push(mantissa.get(start..).unwrap_or(""));
    let (digits, ev) = match split_decimal(&groups, &seps, convention) {
        Ok(x) => x,
        Err(Verdict::Ambiguous { reason, .. }) => {
            // Candidates with the sign and exponent applied: decimal first, then grouped.
            let int = groups.first().copied().unwrap_or("");
            let frac = groups.get(1).copied().unwrap_or("");
            let grouped = format!("{int}{frac}");
            let candidates: Vec<String> =
                [canonical(int, frac, exp, a.negative), canonical(&grouped, "", exp, a.negative)]
                    .into_iter()
                    .flatten()
                    .collect();
            if candidates.is_empty() {
                // Found by fuzzing: `00,000E2050` had no candidate left.
                return (invalid("exponent too large"), None);
            }
            return (Verdict::Ambiguous { reason, candidates }, None);
        }
        Err(v) => return (v, None),
    };
    let base = canonical(&digits.int, &digits.frac, exp, a.negative);
    let Some(base) = base else {
        return (invalid("exponent too large"), None);
    };
    if let Some(p) = a.scale {
        let scaled = canonical(&digits.int, &digits.frac, exp.saturating_add(p), a.negative);
        let mut candidates = vec![base];
        candidates.extend(scaled);
        return (
            Verdict::Ambiguous {
                reason: Cow::Borrowed(
                    "scale suffix (k€, M€): value with or without the multiplier",
                ),
                candidates,
            },
            ev,
        );
    }
    let rule = if a.percent {
        "number_percent"
    } else if a.currency {
        "number_currency"
    } else if a.accounting {
        "number_accounting"
    } else if exp != 0 {
        "number_exponent"
    } else {
        "number_fr"
    };
    if base == input {
        return (Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }, ev);
    }
    (Verdict::Valid { value: Cow::Owned(base), rule }, ev)
}

/// `1.234` in canonical form is still ambiguous: it may be a grouped integer.
fn plain_ambiguous(s: &str) -> bool {
    let t = s.strip_prefix('-').unwrap_or(s);
    match t.split_once('.') {
        Some((i, f)) => f.len() == 3 && (1..=3).contains(&i.len()) && i != "0",
        None => false,
    }
}

fn valid_grouping(groups: &[&str]) -> bool {
    let mut it = groups.iter();
    match it.next() {
        Some(first) if (1..=3).contains(&first.len()) => it.all(|g| g.len() == 3),
        _ => false,
    }
}

fn split_decimal(
    groups: &[&str],
    seps: &[Sep],
    convention: &NumberConvention,
) -> Result<(Digits, Option<DecimalSeparator>), Verdict<'static>> {
    let join = |g: &[&str]| g.concat();
    let Some((&last_sep, _)) = seps.split_last() else {
        let int = groups.concat();
        if int.is_empty() {
            return Err(invalid("no digits"));
        }
        return Ok((Digits { int, frac: String::new() }, None));
    };
    if groups
        .iter()
        .enumerate()
        .any(|(i, g)| g.is_empty() && !(i == 0 && last_sep != Sep::Space && seps.len() == 1))
    {
        return Err(invalid("misplaced separator"));
    }
    let points = seps.iter().filter(|s| **s == Sep::Point).count();
    let commas = seps.iter().filter(|s| **s == Sep::Comma).count();
    let spaces = seps.iter().filter(|s| **s == Sep::Space).count();
    let (int_groups, frac_group) = groups.split_at(groups.len().saturating_sub(1));
    let frac = frac_group.first().copied().unwrap_or("");
    let as_decimal = |sep: Sep| -> Result<(Digits, Option<DecimalSeparator>), Verdict<'static>> {
        if int_groups.len() > 1 && !valid_grouping(int_groups) {
            return Err(invalid("malformed digit grouping"));
        }
        let ev = match sep {
            Sep::Comma => Some(DecimalSeparator::Comma),
            _ => Some(DecimalSeparator::Point),
        };
        Ok((Digits { int: join(int_groups), frac: frac.to_owned() }, ev))
    };
    let as_grouped = |ev: Option<DecimalSeparator>| {
        if !valid_grouping(groups) {
            return Err(invalid("malformed digit grouping"));
        }
        Ok((Digits { int: join(groups), frac: String::new() }, ev))
    };
    match (points, commas, spaces) {
        (0, 0, _) => as_grouped(None),
        (p, c, _) if p > 0 && c > 0 => {
            // The last punctuation is the decimal separator; it appears once.
            let (dec_count, group_sep) = match last_sep {
                Sep::Point => (p, Sep::Comma),
                Sep::Comma => (c, Sep::Point),
                Sep::Space => return Err(invalid("mixed separators")),
            };
            if dec_count != 1 || (spaces > 0) {
                return Err(invalid("mixed separators"));
            }
            let _ = group_sep;
            as_decimal(last_sep)
        }
        (_, _, s) if s > 0 => {
            // Spaces group; the punctuation is the decimal separator, once, last.
            if last_sep == Sep::Space || points + commas != 1 {
                return Err(invalid("malformed digit grouping"));
            }
            as_decimal(last_sep)
        }
        (n, 0, 0) | (0, n, 0) => {
            let sep = last_sep;
            if n > 1 {
                let ev = match sep {
                    Sep::Point => Some(DecimalSeparator::Comma),
                    _ => Some(DecimalSeparator::Point),
                };
                return as_grouped(ev);
            }
            let int = int_groups.first().copied().unwrap_or("");
            let could_group = frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0";
            if !could_group {
                return as_decimal(sep);
            }
            let sep_dec = match sep {
                Sep::Comma => DecimalSeparator::Comma,
                _ => DecimalSeparator::Point,
            };
            match convention.decimal {
                Some(d) if d == sep_dec => as_decimal(sep).map(|(d, _)| (d, None)),
                Some(_) => as_grouped(None),
                None => {
                    let c = if sep == Sep::Comma { ',' } else { '.' };
                    Err(Verdict::Ambiguous {
                        reason: Cow::Owned(format!(
                            "'{c}' may be a decimal separator or a thousands separator"
                        )),
                        candidates: vec![format!("{int}.{frac}"), format!("{int}{frac}")],
                    })
                }
            }
        }
        _ => Err(invalid("malformed digit grouping")),
    }
}

/// Builds the canonical form of `int.frac × 10^exp`; `None` when the exponent is huge.
fn canonical(int: &str, frac: &str, exp: i32, negative: bool) -> Option<String> {
    if !(-400..=400).contains(&exp) {
        return None;
    }
    let mut digits: String = String::with_capacity(int.len() + frac.len() + 8);
    digits.push_str(int);
    digits.push_str(frac);
    // Position of the decimal point within `digits`.
    let mut point = int.len() as i64 + i64::from(exp);
    if point < 0 {
        let pad = usize::try_from(-point).unwrap_or(0);
        digits.insert_str(0, &"0".repeat(pad));
        point = 0;
    }
    let point = usize::try_from(point).unwrap_or(0);
    while digits.len() < point {
        digits.push('0');
    }
    let (i, f) = digits.split_at_checked(point).unwrap_or((&digits, ""));
    let i = i.trim_start_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    // Keep the written fractional digits, except those an exponent pushed in.
    let f = if exp != 0 { f.trim_end_matches('0') } else { f };
    let zero = i == "0" && f.bytes().all(|b| b == b'0');
    let mut out = String::with_capacity(i.len() + f.len() + 2);
    if negative && !zero {
        out.push('-');
    }
    out.push_str(i);
    if !f.is_empty() {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = parse(input);
        let got = match &v {
            Verdict::Valid { value, .. } => value.to_string(),
            other => other.status().to_owned(),
        };
        assert_eq!(got, expected, "input {input:?}: {v:?}");
    }

    #[test]
    fn french_numbers() {
        check("1234.56", "1234.56");
        check("1 234,56", "1234.56");
        check("1\u{A0}234,56", "1234.56");
        check("1\u{202F}234,56", "1234.56");
        check("1\u{2009}234,56", "1234.56");
        check("1.234,56", "1234.56");
        check("1,234.56", "1234.56");
        check("-1 234", "-1234");
        check("(1 234)", "-1234");
        check("\u{2212}12,5", "-12.5");
        check("+12", "12");
        check("12,5 %", "12.5");
        check("1 500 €", "1500");
        check("€1500", "1500");
        check("1 500 EUR", "1500");
        check("1,5E+3", "1500");
        check("1,5e-3", "0.0015");
        check("0,5", "0.5");
        check(",5", "0.5");
        check("007", "7");
        check("-0", "0");
        check("1 234 567,891", "1234567.891");
        check("1.234.567", "1234567");
        check("1,234,567", "1234567");
        check("12,50", "12.50");
        check("0,123", "0.123");
        check("1.234", "ambiguous");
        check("1,234", "ambiguous");
        check("1 234,56 k€", "ambiguous");
        check("1 23,4", "invalid");
        check("12 34", "invalid");
        check("abc", "invalid");
        check("1,2,3", "invalid");
        check("1.234,5.6", "invalid");
        check("", "null");
        check("NA", "null");
        check("12..5", "invalid");
        check("1e99999", "invalid");
        check("00,000E2050", "invalid");
        check("1,234E401", "invalid");
        check("--5", "invalid");
    }

    #[test]
    fn conventions() {
        let comma = NumberConvention::new(DecimalSeparator::Comma);
        let point = NumberConvention::new(DecimalSeparator::Point);
        assert_eq!(parse_with("1.234", &comma).value(), Some("1234"));
        assert_eq!(parse_with("1,234", &comma).value(), Some("1.234"));
        assert_eq!(parse_with("1.234", &point).value(), Some("1.234"));
        assert_eq!(parse_with("1,234", &point).value(), Some("1234"));
    }

    #[test]
    fn fast_path_agrees_with_the_general_path() {
        let conventions = [
            NumberConvention::default(),
            NumberConvention::new(DecimalSeparator::Comma),
            NumberConvention::new(DecimalSeparator::Point),
        ];
        // Read by the fast path.
        let common = [
            "1 234,56",
            "-1 234",
            "1\u{A0}234\u{A0}567",
            "1\u{202F}234,5",
            "1\u{2009}234,567",
            "12,5",
            "0,5",
            "-0,5",
            "12,50",
            "-1,2345",
            "12 345 678,9",
            "1\u{202F}234\u{202F}567,89",
        ];
        // Left to the general path, or read the same way.
        let others = [
            "-0,00",
            "1,234",
            "12 34",
            "1 23,4",
            "1 234,",
            ",5",
            "-",
            "1  234",
            "0 123",
            "007,5",
            "1234 567",
            "1 234 ,5",
            "1 234,5 €",
            "1.234,5",
            "",
            " 1 234",
            "1 234 ",
            "-0",
            "00",
            "1,2,3",
            "1 234,5,6",
            "- 1",
            "1\u{202F}\u{202F}234",
        ];
        for c in &conventions {
            for s in common {
                assert_eq!(french_fast(s), Some(analyze_general(s, c)), "{s:?} {c:?}");
            }
            for s in others {
                if let Some(fast) = french_fast(s) {
                    assert_eq!(fast, analyze_general(s, c), "{s:?} {c:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn prop_fast_path_agrees(s in "-?[0-9]{0,4}([ \u{A0}\u{202F}\u{2009},][0-9]{0,4}){0,4}") {
            for c in [
                NumberConvention::default(),
                NumberConvention::new(DecimalSeparator::Comma),
                NumberConvention::new(DecimalSeparator::Point),
            ] {
                if let Some(fast) = french_fast(&s) {
                    proptest::prop_assert_eq!(fast, analyze_general(&s, &c), "{:?}", c);
                }
            }
        }
    }

    #[test]
    fn number_shapes() {
        for s in ["12 34", "1 23,4", "1,2,3", "(12..5 €)", "-1 234", "12,5 %"] {
            assert!(looks_like_number(s), "{s:?}");
        }
        for s in ["abc", "12 ans", "Paris 15", "", " ", "-", "1e5x"] {
            assert!(!looks_like_number(s), "{s:?}");
        }
    }

    #[test]
    fn fast_path_borrows() {
        assert!(matches!(
            parse("1234.56"),
            Verdict::Valid { value: Cow::Borrowed(_), rule: "as_is" }
        ));
        assert_eq!(kind_of("12"), Some(NumberKind::Integer));
    }
}
