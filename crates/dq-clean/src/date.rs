//! French dates and date-times to ISO 8601.
//!
//! Reads `12/03/2021` (day first, as in France), `1/2/2021`, `12-03-21`, `12.03.2021`,
//! `2021-03-12`, `20210312`, `12 mars 2021`, `1er mars 2021`, `12 MARS 2021`, abbreviated
//! months (`janv.`, `févr.`, `fev`, `avr.`, `juil.`, `sept.`, `déc.`), a leading weekday
//! (`lundi 3 mars 2021`, checked), times (`14:30`, `14h30`, `14h`, `14:30:15.250`) and
//! ISO 8601 offsets (`Z`, `+01:00`, `+0100`), and Excel serial numbers (1900 system)
//! when asked. Outputs `2021-03-12`, `2021-03-12T14:30:00`, `2021-03-12T10:00:00+01:00`.
//!
//! A month and a year without a day (`mars 2021`, `03/2021`) give a month-precision
//! value, `2021-03` (ISO 8601 reduced precision), with rule `date_month`; a missing year
//! is never filled in (`12 mars` is invalid).
//!
//! Flagged, never guessed:
//! - `03/25/2021` read day first has no month 25 but reads month first: ambiguous
//!   (US order) unless the convention is [`DateOrder::MonthFirst`];
//! - two-digit years: `00`–`39` are 2000–2039, `61`–`99` are 1961–1999, and `40`–`60`,
//!   too close to either century, are ambiguous with both candidates;
//! - a weekday that does not match the date: ambiguous;
//! - `31/02/2021`: invalid (no such day); Excel serial 60, Excel's fake 1900-02-29: invalid.
//!
//! `05/06/2021` with no convention is read day first (5 June 2021), as in France; the
//! column inference of [`crate::column`] reports the columns where that contradicts the
//! other values.
//!
//! The calendar (days in month, leap years, weekdays) is computed here, with the
//! proleptic Gregorian calendar and no dependency.
//!
//! ```
//! use dq_clean::date;
//!
//! assert_eq!(date::parse_date("12/03/2021").value(), Some("2021-03-12"));
//! assert_eq!(date::parse_date("1er mars 2021").value(), Some("2021-03-01"));
//! assert_eq!(date::parse_date("MARS 2021").value(), Some("2021-03"));
//! assert_eq!(date::parse_date("03/25/2021").status(), "ambiguous");
//! assert_eq!(date::parse_date("31/02/2021").status(), "invalid");
//! assert_eq!(date::parse_datetime("12/03/2021 14h30").value(), Some("2021-03-12T14:30:00"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The order of day and month in numeric dates.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `12/03/2021` is 12 March (France). The default.
    #[default]
    DayFirst,
    /// `03/12/2021` is 12 March (United States).
    MonthFirst,
}

/// Whether bare integers are read as Excel serial dates.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ExcelSerial {
    /// `44267` is not a date. The default.
    #[default]
    Reject,
    /// `44267` is day 44267 of Excel's 1900 date system: 2021-03-12.
    Accept,
}

/// What is expected: a date, or a date-time.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A calendar date; a time of day makes the value invalid (it would be lost).
    #[default]
    Date,
    /// A date with a time of day; a date alone, or a time alone, is also accepted.
    DateTime,
}

/// How dates are written in a column.
///
/// # Example
///
/// ```
/// use dq_clean::date::{self, DateConvention, DateOrder};
/// let us = DateConvention::new(DateOrder::MonthFirst);
/// assert_eq!(date::parse_date_with("03/25/2021", &us).value(), Some("2021-03-25"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct DateConvention {
    /// Day first (default) or month first.
    pub order: DateOrder,
    /// Whether bare integers are Excel serial numbers (default: no).
    pub excel_serial: ExcelSerial,
}

impl DateConvention {
    /// A convention with the given order, rejecting Excel serial numbers.
    pub fn new(order: DateOrder) -> DateConvention {
        DateConvention { order, excel_serial: ExcelSerial::Reject }
    }

    /// Sets whether bare integers are Excel serial numbers (default: reject).
    pub fn excel_serial(&mut self, e: ExcelSerial) -> &mut DateConvention {
        self.excel_serial = e;
        self
    }
}

/// The `date` and `datetime` normalizers, for table cleaning.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// use dq_clean::date::{DateConvention, DateKind, DateParser};
/// let p = DateParser::new(DateKind::Date, DateConvention::default());
/// assert_eq!(p.name(), "date");
/// assert_eq!(p.normalize("12.03.2021").value(), Some("2021-03-12"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct DateParser {
    kind: DateKind,
    convention: DateConvention,
}

impl DateParser {
    /// A parser of `kind` values written with `convention`.
    pub fn new(kind: DateKind, convention: DateConvention) -> DateParser {
        DateParser { kind, convention }
    }
}

impl Normalizer for DateParser {
    fn name(&self) -> &'static str {
        match self.kind {
            DateKind::Date => "date",
            DateKind::DateTime => "datetime",
        }
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        parse(input, self.kind, &self.convention)
    }
}

/// Parses a date, day first, without Excel serial numbers.
///
/// # Example
///
/// ```
/// use dq_clean::date;
/// assert_eq!(date::parse_date("lundi 1 mars 2021").value(), Some("2021-03-01"));
/// assert_eq!(date::parse_date("mardi 1 mars 2021").status(), "ambiguous");
/// ```
pub fn parse_date(input: &str) -> Verdict<'_> {
    parse(input, DateKind::Date, &DateConvention::default())
}

/// Parses a date with a convention.
///
/// # Example
///
/// ```
/// use dq_clean::date::{self, DateConvention, ExcelSerial};
/// let mut c = DateConvention::default();
/// c.excel_serial(ExcelSerial::Accept);
/// assert_eq!(date::parse_date_with("44267", &c).value(), Some("2021-03-12"));
/// ```
pub fn parse_date_with<'a>(input: &'a str, convention: &DateConvention) -> Verdict<'a> {
    parse(input, DateKind::Date, convention)
}

/// Parses a date-time (or a date, or a time), day first.
///
/// # Example
///
/// ```
/// use dq_clean::date;
/// assert_eq!(
///     date::parse_datetime("2021-03-12T10:00:00+0100").value(),
///     Some("2021-03-12T10:00:00+01:00")
/// );
/// ```
pub fn parse_datetime(input: &str) -> Verdict<'_> {
    parse(input, DateKind::DateTime, &DateConvention::default())
}

/// Parses a date-time with a convention.
///
/// # Example
///
/// ```
/// use dq_clean::date::{self, DateConvention, DateOrder};
/// let us = DateConvention::new(DateOrder::MonthFirst);
/// assert_eq!(date::parse_datetime_with("3/25/2021 14:30", &us).value(), Some("2021-03-25T14:30:00"));
/// ```
pub fn parse_datetime_with<'a>(input: &'a str, convention: &DateConvention) -> Verdict<'a> {
    parse(input, DateKind::DateTime, convention)
}

// ---------------------------------------------------------------------------
// Calendar.

/// Whether `y` is a leap year of the Gregorian calendar.
///
/// # Example
///
/// ```
/// assert!(dq_clean::date::is_leap_year(2000));
/// assert!(!dq_clean::date::is_leap_year(1900));
/// ```
pub fn is_leap_year(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The number of days of month `m` (1–12) of year `y`; 0 for a month out of range.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::date::days_in_month(2024, 2), 29);
/// ```
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The weekday of a date, 0 = Monday … 6 = Sunday.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::date::weekday(2021, 3, 1), 0); // lundi 1er mars 2021
/// ```
pub fn weekday(y: i64, m: u32, d: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    u32::try_from((days_from_civil(y, m, d) + 3).rem_euclid(7)).unwrap_or(0)
}

fn valid_ymd(y: i64, m: u32, d: u32) -> bool {
    (1..=9999).contains(&y) && d >= 1 && d <= days_in_month(y, m)
}

fn ymd(y: i64, m: u32, d: u32) -> String {
    // The common case, years 0–9999, written byte by byte (no formatting machinery).
    if let (Ok(y @ 0..=9999), 0..=99, 0..=99) = (u32::try_from(y), m, d) {
        let mut out = String::with_capacity(10);
        for (n, width) in [(y, 4u32), (m, 2), (d, 2)] {
            if width == 2 {
                out.push('-');
            }
            for p in (0..width).rev() {
                let digit = (n / 10u32.pow(p)) % 10;
                out.push(char::from_digit(digit, 10).unwrap_or('0'));
            }
        }
        return out;
    }
    format!("{y:04}-{m:02}-{d:02}")
}

/// `DD/MM/YYYY` (or with `-` or `.`), exactly ten bytes and a valid date in the
/// convention's order: the common French form, read without the general tokenizer.
/// `None` sends everything else, invalid dates included, the general way.
fn numeric_fast(input: &str, conv: &DateConvention) -> Option<Verdict<'static>> {
    let b: [u8; 10] = input.as_bytes().try_into().ok()?;
    let [a1, a2, s1, b1, b2, s2, y1, y2, y3, y4] = b;
    if s1 != s2 || !matches!(s1, b'/' | b'-' | b'.') {
        return None;
    }
    let mut n = [0u32; 8];
    for (slot, c) in n.iter_mut().zip([a1, a2, b1, b2, y1, y2, y3, y4]) {
        if !c.is_ascii_digit() {
            return None;
        }
        *slot = u32::from(c - b'0');
    }
    let [a1, a2, b1, b2, y1, y2, y3, y4] = n;
    let (a, bb) = (a1 * 10 + a2, b1 * 10 + b2);
    let y = i64::from(y1 * 1000 + y2 * 100 + y3 * 10 + y4);
    let (d, m, rule) = match conv.order {
        DateOrder::DayFirst => (a, bb, "date_dmy"),
        DateOrder::MonthFirst => (bb, a, "date_mdy"),
    };
    valid_ymd(y, m, d).then(|| Verdict::Valid { value: Cow::Owned(ymd(y, m, d)), rule })
}

// ---------------------------------------------------------------------------
// Parsing.

fn invalid(reason: &'static str) -> Verdict<'static> {
    Verdict::Invalid { reason: Cow::Borrowed(reason) }
}

fn ambiguous(reason: &'static str, candidates: Vec<String>) -> Verdict<'static> {
    Verdict::Ambiguous { reason: Cow::Borrowed(reason), candidates }
}

/// A parsed date: full, or month precision.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DateVal {
    Day(i64, u32, u32),
    Month(i64, u32),
}

impl DateVal {
    fn render(&self) -> String {
        match *self {
            DateVal::Day(y, m, d) => ymd(y, m, d),
            DateVal::Month(y, m) => format!("{y:04}-{m:02}"),
        }
    }
}

/// A date part's outcome before the time is attached.
enum DatePart {
    Ok(DateVal, &'static str),
    Flag(Verdict<'static>),
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Expands a two-digit year; `Err` with both candidates near the pivot.
fn expand_year(s: &str) -> Result<i64, (i64, i64)> {
    let n = i64::from(digits(s).unwrap_or(0));
    if s.len() != 2 {
        return Ok(n);
    }
    match n {
        0..=39 => Ok(2000 + n),
        61..=99 => Ok(1900 + n),
        _ => Err((1900 + n, 2000 + n)),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202F}' || c == '\u{A0}'
}

/// Whether `s` is exactly `YYYY-MM-DD` with a valid date.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let (Some(y), Some(m), Some(d)) =
        (s.get(0..4).and_then(digits), s.get(5..7).and_then(digits), s.get(8..10).and_then(digits))
    else {
        return false;
    };
    valid_ymd(i64::from(y), m, d)
}

/// Parses one value as `kind`.
fn parse<'a>(input: &'a str, kind: DateKind, conv: &DateConvention) -> Verdict<'a> {
    if is_iso_date(input) {
        return Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" };
    }
    if let Some(v) = numeric_fast(input, conv) {
        return v;
    }
    let s = input.trim_matches(is_space);
    if crate::number::is_null_token(s) || s == "00/00/0000" || s == "0000-00-00" {
        return Verdict::Null;
    }
    let (date_s, time_s) = split_time(s);
    let time = match time_s {
        Some(t) => match parse_time(t) {
            Some(t) => Some(t),
            None => return invalid("malformed time of day"),
        },
        None => None,
    };
    let date = if date_s.is_empty() {
        None
    } else {
        match parse_date_part(date_s, conv) {
            DatePart::Ok(d, rule) => Some((d, rule)),
            DatePart::Flag(v) => return v,
        }
    };
    let (out, rule) = match (kind, date, time) {
        (_, None, None) => return invalid("not a date"),
        (DateKind::Date, Some((d, rule)), None) => (d.render(), rule),
        (DateKind::Date, _, Some(_)) => {
            return invalid("value has a time of day (use datetime)");
        }
        (DateKind::DateTime, Some((d, rule)), None) => (d.render(), rule),
        (DateKind::DateTime, None, Some(t)) => (t, "time"),
        (DateKind::DateTime, Some((d, _)), Some(t)) => match d {
            DateVal::Day(..) => (format!("{}T{t}", d.render()), "datetime"),
            DateVal::Month(..) => return invalid("a time of day with no day"),
        },
    };
    if out == input {
        Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
    } else {
        Verdict::Valid { value: Cow::Owned(out), rule }
    }
}

/// Splits a value into its date and time parts (`T` of ISO 8601, or the first token
/// with `:` or `h`, after an optional `à`).
fn split_time(s: &str) -> (&str, Option<&str>) {
    // ISO 8601: `YYYY-MM-DDT…`.
    if let (Some(d), Some(rest)) = (s.get(..10), s.get(10..)) {
        if let Some(t) = rest.strip_prefix(['T', 't']) {
            if is_iso_date(d) || d.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
                return (d, Some(t));
            }
        }
    }
    // Compact ISO 8601: `YYYYMMDDTHHMMSS` is not supported; tokens otherwise.
    let mut start = None;
    for (i, c) in s.char_indices() {
        let at_token = i == 0 || s.get(..i).is_some_and(|h| h.ends_with(is_space));
        if !at_token {
            continue;
        }
        let tok = s.get(i..).unwrap_or("");
        let tok = tok.split(is_space).next().unwrap_or("");
        let _ = c;
        if looks_like_time(tok) {
            start = Some(i);
            break;
        }
    }
    match start {
        Some(i) => {
            let (d, t) = s.split_at_checked(i).unwrap_or((s, ""));
            let d = d.trim_end_matches(is_space);
            let d = d.strip_suffix(" à").or_else(|| d.strip_suffix(" a")).unwrap_or(d);
            let d = d.trim_end_matches([',', ' ']);
            (d, Some(t.trim_matches(is_space)))
        }
        None => (s, None),
    }
}

fn looks_like_time(tok: &str) -> bool {
    let mut b = tok.bytes();
    let first_digit = b.next().is_some_and(|c| c.is_ascii_digit());
    first_digit
        && (tok.contains(':')
            || tok.bytes().find(|c| !c.is_ascii_digit()).is_some_and(|c| c == b'h' || c == b'H'))
}

/// Parses `HH:MM[:SS[.fff]]`, `HHhMM`, `HHh`, with an optional offset; returns the
/// ISO form `HH:MM:SS[.fff][offset]`.
fn parse_time(t: &str) -> Option<String> {
    let t = t.trim_matches(is_space);
    // Offset.
    let (clock, offset) = if let Some(c) = t.strip_suffix(['Z', 'z']) {
        (c, Some("Z".to_owned()))
    } else if let Some(p) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at_checked(p)?;
        (c.trim_end_matches(is_space), Some(parse_offset(o)?))
    } else {
        (t, None)
    };
    let clock = clock.trim_end_matches(is_space);
    let (h, rest) = clock.split_once([':', 'h', 'H'])?;
    let h = if h.len() <= 2 { digits(h)? } else { return None };
    let (mi, rest) = match rest.split_once(':') {
        Some((m, r)) => (m, Some(r)),
        None => (rest, None),
    };
    let mi = match mi {
        "" => 0,
        m if m.len() == 2 => digits(m)?,
        _ => return None,
    };
    let (sec, frac) = match rest {
        Some(r) => {
            let (s, f) = match r.split_once(['.', ',']) {
                Some((s, f))
                    if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    (s, Some(f))
                }
                Some(_) => return None,
                None => (r, None),
            };
            if s.len() != 2 {
                return None;
            }
            (digits(s)?, f)
        }
        None => (0, None),
    };
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut out = format!("{h:02}:{mi:02}:{sec:02}");
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if let Some(o) = offset {
        out.push_str(&o);
    }
    Some(out)
}

fn parse_offset(o: &str) -> Option<String> {
    let (sign, rest) = o.split_at_checked(1)?;
    let (hh, mm) = match rest.len() {
        2 => (rest, "00"),
        4 => rest.split_at_checked(2)?,
        5 => {
            let (a, b) = rest.split_once(':')?;
            (a, b)
        }
        _ => return None,
    };
    let (h, m) = (digits(hh)?, digits(mm)?);
    if hh.len() != 2 || mm.len() != 2 || h > 14 || m > 59 {
        return None;
    }
    Some(format!("{sign}{h:02}:{m:02}"))
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("fev", 2),
    ("mars", 3),
    ("mar", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("jul", 7),
    ("août", 8),
    ("aout", 8),
    ("aoû", 8),
    ("aou", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("lundi", 0),
    ("lun", 0),
    ("mardi", 1),
    ("mar", 1),
    ("mercredi", 2),
    ("mer", 2),
    ("jeudi", 3),
    ("jeu", 3),
    ("vendredi", 4),
    ("ven", 4),
    ("samedi", 5),
    ("sam", 5),
    ("dimanche", 6),
    ("dim", 6),
];

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

fn parse_date_part(s: &str, conv: &DateConvention) -> DatePart {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return compact_or_serial(s, conv);
    }
    if s.chars().any(char::is_alphabetic) {
        return textual(s);
    }
    numeric(s, conv)
}

fn compact_or_serial(s: &str, conv: &DateConvention) -> DatePart {
    if s.len() == 8 {
        let (y, m, d) = (
            s.get(0..4).and_then(digits).unwrap_or(0),
            s.get(4..6).and_then(digits).unwrap_or(0),
            s.get(6..8).and_then(digits).unwrap_or(0),
        );
        if valid_ymd(i64::from(y), m, d) && y >= 1000 {
            return DatePart::Ok(DateVal::Day(i64::from(y), m, d), "date_compact");
        }
        return DatePart::Flag(invalid("eight digits that are not a YYYYMMDD date"));
    }
    if conv.excel_serial == ExcelSerial::Accept && s.len() <= 7 {
        let n = i64::from(digits(s).unwrap_or(0));
        return match n {
            1..=59 => {
                let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 31) + n);
                DatePart::Ok(DateVal::Day(y, m, d), "excel_serial")
            }
            60 => DatePart::Flag(invalid(
                "Excel serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
            )),
            61..=2_958_465 => {
                let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 30) + n);
                DatePart::Ok(DateVal::Day(y, m, d), "excel_serial")
            }
            _ => DatePart::Flag(invalid("Excel serial number out of range")),
        };
    }
    DatePart::Flag(invalid("digits only: not a date (Excel serial numbers need excel_serial)"))
}

fn numeric(s: &str, conv: &DateConvention) -> DatePart {
    let Some(sep) = s.chars().find(|c| !c.is_ascii_digit()) else {
        return DatePart::Flag(invalid("not a date"));
    };
    if !matches!(sep, '/' | '-' | '.') {
        return DatePart::Flag(invalid("not a date"));
    }
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return DatePart::Flag(invalid("not a date"));
    }
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) =
                (i64::from(digits(y).unwrap_or(0)), digits(m).unwrap_or(0), digits(d).unwrap_or(0));
            if m.to_string().len() > 2 || d > 99 {
                return DatePart::Flag(invalid("not a date"));
            }
            if valid_ymd(y, m, d) {
                DatePart::Ok(DateVal::Day(y, m, d), "date_ymd")
            } else {
                DatePart::Flag(invalid("no such day in the calendar"))
            }
        }
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
            let (a, b) = (digits(a).unwrap_or(0), digits(b).unwrap_or(0));
            let years: Vec<i64> = match expand_year(y) {
                Ok(y) => vec![y],
                Err((y1, y2)) => vec![y1, y2],
            };
            let (d, m, swapped_reason, rule) = match conv.order {
                DateOrder::DayFirst => {
                    (a, b, "day and month may be swapped (US month-first order?)", "date_dmy")
                }
                DateOrder::MonthFirst => {
                    (b, a, "day and month may be swapped (day-first order?)", "date_mdy")
                }
            };
            let first = years.first().copied().unwrap_or(0);
            if valid_ymd(first, m, d) {
                if years.len() > 1 {
                    let c = years.iter().map(|&y| ymd(y, m, d)).collect();
                    return DatePart::Flag(ambiguous("two-digit year near the century pivot", c));
                }
                return DatePart::Ok(DateVal::Day(first, m, d), rule);
            }
            if valid_ymd(first, d, m) {
                let c = years.iter().map(|&y| ymd(y, d, m)).collect();
                return DatePart::Flag(ambiguous(swapped_reason, c));
            }
            DatePart::Flag(invalid("no such day in the calendar"))
        }
        [m, y] if m.len() <= 2 && y.len() == 4 => {
            let (m, y) = (digits(m).unwrap_or(0), i64::from(digits(y).unwrap_or(0)));
            if (1..=12).contains(&m) {
                DatePart::Ok(DateVal::Month(y, m), "date_month")
            } else {
                DatePart::Flag(invalid("no such month"))
            }
        }
        [y, m] if y.len() == 4 && m.len() == 2 && sep == '-' => {
            let (m, y) = (digits(m).unwrap_or(0), i64::from(digits(y).unwrap_or(0)));
            if (1..=12).contains(&m) {
                DatePart::Ok(DateVal::Month(y, m), "date_month")
            } else {
                DatePart::Flag(invalid("no such month"))
            }
        }
        _ => DatePart::Flag(invalid("not a date")),
    }
}

fn textual(s: &str) -> DatePart {
    let lower = s.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| is_space(c) || c == ',')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut it = tokens.as_slice();
    let mut wd = None;
    if let Some((first, rest)) = it.split_first() {
        if let Some(w) = lookup(WEEKDAYS, first) {
            // `mar` is both Tuesday and March: a weekday only when a day number follows.
            if rest.first().is_some_and(|t| day_number(t).is_some()) {
                wd = Some(w);
                it = rest;
            }
        }
    }
    let (day, rest) = match it.split_first() {
        Some((t, rest)) if day_number(t).is_some() => (day_number(t), rest),
        _ => (None, it),
    };
    let [month, year] = rest else {
        return match rest {
            [_] => DatePart::Flag(invalid("no year (a missing year is never filled in)")),
            _ => DatePart::Flag(invalid("not a date")),
        };
    };
    let Some(m) = lookup(MONTHS, month) else {
        return DatePart::Flag(invalid("unknown month name"));
    };
    if year.len() != 4 && year.len() != 2 {
        return DatePart::Flag(invalid("malformed year"));
    }
    if digits(year).is_none() {
        return DatePart::Flag(invalid("malformed year"));
    }
    let y = match expand_year(year) {
        Ok(y) => y,
        Err((a, b)) => {
            let c = match day {
                Some(d) => vec![ymd(a, m, d), ymd(b, m, d)],
                None => vec![format!("{a:04}-{m:02}"), format!("{b:04}-{m:02}")],
            };
            return DatePart::Flag(ambiguous("two-digit year near the century pivot", c));
        }
    };
    let Some(d) = day else {
        if wd.is_some() {
            return DatePart::Flag(invalid("a weekday with no day"));
        }
        return DatePart::Ok(DateVal::Month(y, m), "date_month");
    };
    if !valid_ymd(y, m, d) {
        return DatePart::Flag(invalid("no such day in the calendar"));
    }
    if let Some(w) = wd {
        if weekday(y, m, d) != w {
            return DatePart::Flag(ambiguous(
                "the weekday does not match the date",
                vec![ymd(y, m, d)],
            ));
        }
    }
    DatePart::Ok(DateVal::Day(y, m, d), "date_text")
}

fn day_number(t: &str) -> Option<u32> {
    let t = t.strip_suffix("er").unwrap_or(t);
    let t = t.strip_suffix('e').unwrap_or(t);
    if t.len() > 2 {
        return None;
    }
    digits(t).filter(|d| (1..=31).contains(d))
}

/// Whether a value is written like a date even if no calendar has it (`31/02/2021`,
/// `2021-13-01`, `31 février 2021`): a numeric `d/m/y` or `y-m-d` shape, or a month
/// name with a number. Column inference counts such values as malformed dates rather
/// than as text, so that a date column with a few impossible dates is still a date
/// column, whose bad cells get flagged.
pub(crate) fn looks_like_date(input: &str) -> bool {
    let s = input.trim_matches(is_space);
    let (date_s, _) = split_time(s);
    if let Some(sep) = date_s.chars().find(|c| !c.is_ascii_digit()) {
        if matches!(sep, '/' | '-' | '.') {
            let mut lens = [0usize; 3];
            let mut n = 0usize;
            for part in date_s.split(sep) {
                if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                    return false;
                }
                match lens.get_mut(n) {
                    Some(l) => *l = part.len(),
                    None => return false,
                }
                n += 1;
            }
            return n == 3 && matches!(lens, [1..=2, 1..=2, 2 | 4] | [4, 1..=2, 1..=2]);
        }
    }
    let lower = date_s.to_lowercase();
    let mut month = false;
    let mut number = false;
    for t in lower.split(|c: char| is_space(c) || c == ',').map(|t| t.trim_end_matches('.')) {
        if lookup(MONTHS, t).is_some() {
            month = true;
        } else if day_number(t).is_some() || (t.len() == 4 && digits(t).is_some()) {
            number = true;
        } else if !t.is_empty() && lookup(WEEKDAYS, t).is_none() {
            return false;
        }
    }
    month && number
}

/// What a numeric date says about the column's order, and its `strftime` pattern.
pub(crate) fn evidence(input: &str) -> (Option<DateOrder>, Option<String>) {
    let s = input.trim_matches(is_space);
    let (date_s, _) = split_time(s);
    let Some(sep) = date_s.chars().find(|c| !c.is_ascii_digit()) else {
        return (None, None);
    };
    let parts: Vec<&str> = date_s.split(sep).collect();
    match parts.as_slice() {
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && matches!(sep, '/' | '-' | '.') => {
            let (a, b) = (digits(a).unwrap_or(0), digits(b).unwrap_or(0));
            let yp = if y.len() == 4 { "%Y" } else { "%y" };
            if a > 12 && b <= 12 {
                (Some(DateOrder::DayFirst), Some(format!("%d{sep}%m{sep}{yp}")))
            } else if b > 12 && a <= 12 {
                (Some(DateOrder::MonthFirst), Some(format!("%m{sep}%d{sep}{yp}")))
            } else {
                (None, None)
            }
        }
        [y, _, _] if y.len() == 4 && matches!(sep, '/' | '-' | '.') => {
            (None, Some(format!("%Y{sep}%m{sep}%d")))
        }
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = parse_date(input);
        let got = match &v {
            Verdict::Valid { value, .. } => value.to_string(),
            other => other.status().to_owned(),
        };
        assert_eq!(got, expected, "input {input:?}: {v:?}");
    }

    fn check_dt(input: &str, expected: &str) {
        let v = parse_datetime(input);
        let got = match &v {
            Verdict::Valid { value, .. } => value.to_string(),
            other => other.status().to_owned(),
        };
        assert_eq!(got, expected, "input {input:?}: {v:?}");
    }

    #[test]
    fn dates() {
        check("12/03/2021", "2021-03-12");
        check("1/2/2021", "2021-02-01");
        check("12-03-21", "2021-03-12");
        check("12.03.2021", "2021-03-12");
        check("2021-03-12", "2021-03-12");
        check("2021/03/12", "2021-03-12");
        check("20210312", "2021-03-12");
        check("12 mars 2021", "2021-03-12");
        check("1er mars 2021", "2021-03-01");
        check("12 MARS 2021", "2021-03-12");
        check("mars 2021", "2021-03");
        check("MARS 2021", "2021-03");
        check("03/2021", "2021-03");
        check("5 janv. 2021", "2021-01-05");
        check("5 févr. 2021", "2021-02-05");
        check("5 fev 2021", "2021-02-05");
        check("5 avr. 2021", "2021-04-05");
        check("5 juil. 2021", "2021-07-05");
        check("5 sept. 2021", "2021-09-05");
        check("5 oct. 2021", "2021-10-05");
        check("5 nov. 2021", "2021-11-05");
        check("5 déc. 2021", "2021-12-05");
        check("15 août 2021", "2021-08-15");
        check("lundi 1 mars 2021", "2021-03-01");
        check("mercredi 3 mars 2021", "2021-03-03");
        check("lundi 3 mars 2021", "ambiguous");
        check("31/02/2021", "invalid");
        check("29/02/2021", "invalid");
        check("29/02/2024", "2024-02-29");
        check("03/25/2021", "ambiguous");
        check("05/06/2021", "2021-06-05");
        check("12/03/45", "ambiguous");
        check("12/03/85", "1985-03-12");
        check("12 mars", "invalid");
        check("44267", "invalid");
        check("", "null");
        check("00/00/0000", "null");
        check("12/03/2021 14:30", "invalid");
        check("bonjour", "invalid");
        check("32/01/2021", "invalid");
    }

    #[test]
    fn datetimes() {
        check_dt("2021-03-12T10:00:00+01:00", "2021-03-12T10:00:00+01:00");
        check_dt("2021-03-12T10:00:00Z", "2021-03-12T10:00:00Z");
        check_dt("12/03/2021 14:30", "2021-03-12T14:30:00");
        check_dt("12/03/2021 à 14h30", "2021-03-12T14:30:00");
        check_dt("12/03/2021 14h", "2021-03-12T14:00:00");
        check_dt("14h30", "14:30:00");
        check_dt("12/03/2021", "2021-03-12");
        check_dt("12/03/2021 25:00", "invalid");
        check_dt("2021-03-12 10:00:00.250", "2021-03-12T10:00:00.250");
    }

    #[test]
    fn excel_and_month_first() {
        let mut c = DateConvention::default();
        c.excel_serial(ExcelSerial::Accept);
        assert_eq!(parse_date_with("44267", &c).value(), Some("2021-03-12"));
        assert_eq!(parse_date_with("1", &c).value(), Some("1900-01-01"));
        assert_eq!(parse_date_with("59", &c).value(), Some("1900-02-28"));
        assert_eq!(parse_date_with("60", &c).status(), "invalid");
        assert_eq!(parse_date_with("61", &c).value(), Some("1900-03-01"));
        let us = DateConvention::new(DateOrder::MonthFirst);
        assert_eq!(parse_date_with("03/25/2021", &us).value(), Some("2021-03-25"));
        assert_eq!(parse_date_with("25/03/2021", &us).status(), "ambiguous");
    }

    #[test]
    fn fast_path_agrees_with_the_general_path() {
        for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
            let conv = DateConvention::new(order);
            for (a, b, y) in
                [(12, 3, 2021), (3, 12, 2021), (29, 2, 2024), (1, 1, 1), (31, 12, 9999)]
            {
                for sep in ['/', '-', '.'] {
                    let s = format!("{a:02}{sep}{b:02}{sep}{y:04}");
                    let fast = numeric_fast(&s, &conv);
                    // The general path, on the same value with a leading space.
                    let spaced = format!(" {s}");
                    let general = parse(&spaced, DateKind::Date, &conv);
                    match fast {
                        Some(v) => assert_eq!(v, general, "{s:?} {order:?}"),
                        None => assert_ne!(general.status(), "valid", "{s:?} {order:?}"),
                    }
                }
            }
        }
        assert_eq!(ymd(2021, 3, 12), "2021-03-12");
        assert_eq!(ymd(12, 1, 2), "0012-01-02");
        assert_eq!(ymd(12345, 1, 2), "12345-01-02");
    }

    #[test]
    fn date_shapes() {
        for s in
            ["31/02/2021", "2021-13-01", "31 février 2021", "12 mars", "32/01/21", "12/03/2021"]
        {
            assert!(looks_like_date(s), "{s:?}");
        }
        for s in ["Paris", "1.2.3", "12/03", "Lyon 3e", "mars", "12 rue de mars 2021", "2021"] {
            assert!(!looks_like_date(s), "{s:?}");
        }
    }

    #[test]
    fn calendar() {
        for z in -800_000..800_000i64 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(weekday(2021, 3, 12), 4);
    }
}
