//! French dates and date-times to ISO 8601.
//!
//! Reads `12/03/2021` (day first, as in France), `1/2/2021`, `12-03-21`, `12.03.2021`,
//! `2021-03-12`, `20210312`, `12 mars 2021`, `1er mars 2021`, `12 MARS 2021`, abbreviated
//! months (`janv.`, `févr.`, `fev`, `avr.`, `juil.`, `sept.`, `déc.`), a leading weekday
//! (`lundi 3 mars 2021`, checked), times (`14:30`, `14h30`, `14h`, `14:30:15.250`) and
//! ISO 8601 offsets (`Z`, `+01:00`, `+0100`), and Excel serial numbers (1900 system)
//! when asked. Outputs `2021-03-12`, `2021-03-12T14:30:00`, `2021-03-12T10:00:00+01:00`.
//!
//! Also read, as other people write them: `le 3 février 2020`, times `9h05`, `9 h 05`,
//! `19 h 21 min` (after an optional `à`), the month before the day (`mars 7 2019`,
//! `March 7, 2019`), RFC 822 / HTTP dates with English names and a `GMT`/`UTC` zone
//! (`Tue, 04 Feb 2020 10:00:00 GMT`), day, month and year separated by spaces
//! (`07 03 2019`), Excel serials with a fraction of a day or in scientific notation
//! (`43831.25`, when Excel serials are asked), and compact `AAAAMMJJHHMN[SS]` timestamps
//! when the column is one ([`CompactTimestamp::Accept`]).
//!
//! [`read`] returns a typed [`DateReading`] (ISO value, precision, zone, day/month order,
//! `strftime` pattern); the verdicts are the thin layer over it. A date asked for and a
//! value with a time of day gives [`DateRead::TimeOfDay`] with the date-time reading (its
//! verdict is invalid and names the date-time).
//!
//! A month and a year without a day (`mars 2021`, `03/2021`) give a month-precision
//! value, `2021-03` (ISO 8601 reduced precision), with rule `date_month`; a missing year
//! is never filled in (`12 mars` is invalid).
//!
//! Flagged, never guessed:
//! - `03/25/2021` read day first has no month 25 but reads month first: ambiguous
//!   (US order) unless the convention is [`DateOrder::MonthFirst`];
//! - two-digit years (`15/06/54`): ambiguous with both centuries as candidates, unless
//!   the column settles the century ([`TwoDigitYear::Pivot`] in the convention);
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

/// How two-digit years (`15/06/54`) are completed.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TwoDigitYear {
    /// Nothing settles the century: the value is ambiguous, with both candidates. The
    /// default.
    #[default]
    Ambiguous,
    /// The column settles it: `yy` below the pivot is `20yy`, the others `19yy`
    /// (`Pivot(40)`: `39` → 2039, `40` → 1940).
    Pivot(u8),
}

/// Whether 12- and 14-digit values are compact timestamps (`AAAAMMJJHHMN[SS]`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CompactTimestamp {
    /// `202003070905` is not a date-time (it may be an identifier). The default.
    #[default]
    Reject,
    /// The column is one: `202003070905` is 2020-03-07T09:05:00.
    Accept,
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
    /// How two-digit years are completed (default: ambiguous).
    #[serde(default)]
    pub two_digit_year: TwoDigitYear,
    /// Whether 12- and 14-digit values are compact timestamps (default: no).
    #[serde(default)]
    pub compact_timestamp: CompactTimestamp,
}

impl DateConvention {
    /// A convention with the given order, rejecting Excel serial numbers.
    pub fn new(order: DateOrder) -> DateConvention {
        DateConvention {
            order,
            excel_serial: ExcelSerial::Reject,
            two_digit_year: TwoDigitYear::Ambiguous,
            compact_timestamp: CompactTimestamp::Reject,
        }
    }

    /// Sets how two-digit years are completed (default: ambiguous).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::date::{self, DateConvention, TwoDigitYear};
    /// assert_eq!(date::parse_date("15/06/54").status(), "ambiguous");
    /// let mut c = DateConvention::default();
    /// c.two_digit_year(TwoDigitYear::Pivot(60));
    /// assert_eq!(date::parse_date_with("15/06/54", &c).value(), Some("2054-06-15"));
    /// ```
    pub fn two_digit_year(&mut self, t: TwoDigitYear) -> &mut DateConvention {
        self.two_digit_year = t;
        self
    }

    /// Sets whether 12- and 14-digit values are compact timestamps (default: reject).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::date::{self, CompactTimestamp, DateConvention};
    /// let mut c = DateConvention::default();
    /// c.compact_timestamp(CompactTimestamp::Accept);
    /// assert_eq!(date::parse_datetime_with("202003070905", &c).value(), Some("2020-03-07T09:05:00"));
    /// ```
    pub fn compact_timestamp(&mut self, t: CompactTimestamp) -> &mut DateConvention {
        self.compact_timestamp = t;
        self
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

/// Parses one value as `kind`: the verdict layer over [`read`].
fn parse<'a>(input: &'a str, kind: DateKind, conv: &DateConvention) -> Verdict<'a> {
    // The two commonest forms give their verdict without the reading around it (the
    // same answer: `fast_paths_agree_with_the_reading` checks it).
    if is_iso_date(input) {
        return Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" };
    }
    if let Some(r) = numeric_fast(input, conv) {
        return Verdict::Valid { value: r.value, rule: r.rule };
    }
    parse_read(input, kind, conv).into_verdict(input)
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

/// The precision of a date reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Precision {
    /// A month: `2021-03`.
    Month,
    /// A day: `2021-03-12`.
    Day,
    /// A day and a time of day: `2021-03-12T14:30:00`.
    DateTime,
    /// A time of day alone: `14:30:00`.
    Time,
}

/// Why a date has more than one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateAmbiguity {
    /// A two-digit year, with no column to settle the century.
    Century,
    /// Day and month may be swapped (`03/25/2021` read day first).
    DayMonthOrder,
    /// The weekday written does not match the date.
    Weekday,
}

/// A date or date-time as read: its ISO 8601 form and how it was written.
///
/// [`read`] returns it; the verdicts of [`parse_date_with`] and [`parse_datetime_with`]
/// are built from it.
///
/// # Example
///
/// ```
/// use dq_clean::date::{self, DateKind, DateOrder, DateRead, Precision};
/// let DateRead::Date(r) = date::read("12/03/2021", DateKind::Date, &Default::default()) else {
///     panic!()
/// };
/// assert_eq!(r.value, "2021-03-12");
/// assert_eq!(r.precision, Precision::Day);
/// assert_eq!(r.order, Some(DateOrder::DayFirst));
/// assert_eq!(r.pattern, Some("%d/%m/%Y"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateReading<'a> {
    /// The ISO 8601 form: `2021-03-12`, `2021-03`, `2021-03-12T14:30:00+01:00`,
    /// `14:30:00`; borrowed when the input was already in that form.
    pub value: Cow<'a, str>,
    /// Month, day, date-time or time.
    pub precision: Precision,
    /// Whether the time of day carries a zone (`Z`, `+01:00`, `GMT`).
    pub zoned: bool,
    /// The day/month order a numeric date was read in; `None` for other forms.
    pub order: Option<DateOrder>,
    /// The `strftime` pattern of a fixed-width numeric date (`%d/%m/%Y`, `%Y-%m-%d`,
    /// `%Y%m%d`); `None` for other forms (`1/2/2021`, `12 mars 2021`).
    pub pattern: Option<&'static str>,
    rule: &'static str,
}

impl<'a> DateReading<'a> {
    /// The short, stable name of what was applied, as the verdict reports it
    /// (`"as_is"` when `input` was already in ISO form).
    pub fn rule(&self, input: &str) -> &'static str {
        if crate::number::same_text(&self.value, input) {
            "as_is"
        } else {
            self.rule
        }
    }

    /// Converts into a reading that owns its value.
    pub fn into_owned(self) -> DateReading<'static> {
        DateReading { value: Cow::Owned(self.value.into_owned()), ..self }
    }
}

/// The outcome of [`read`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateRead<'a> {
    /// The value reads as one date (or date-time, or time when a date-time is asked).
    Date(DateReading<'a>),
    /// A null token (empty, `NC`, `00/00/0000`, …).
    Null,
    /// Not a date.
    Invalid {
        /// Why (`"no such day in the calendar"`).
        reason: Cow<'static, str>,
    },
    /// A date was asked and the value has a time of day: here is the date-time, so that
    /// a caller need not read it again as one. The verdict is invalid (the time would
    /// be lost), its reason names the date-time.
    TimeOfDay(DateReading<'a>),
    /// More than one reading; nothing was chosen.
    Ambiguous {
        /// Why, as a type.
        why: DateAmbiguity,
        /// Why, in words.
        reason: Cow<'static, str>,
        /// The ISO forms it could stand for, most likely first.
        candidates: Vec<String>,
        /// How the value reads with the first candidate.
        first: Box<DateReading<'static>>,
    },
}

impl<'a> DateRead<'a> {
    /// The thin verdict layer.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::date::{self, DateKind};
    /// let v = date::read("15/06/54", DateKind::Date, &Default::default()).into_verdict("15/06/54");
    /// assert_eq!(v.status(), "ambiguous");
    /// ```
    pub fn into_verdict(self, input: &str) -> Verdict<'a> {
        match self {
            DateRead::Date(r) => {
                let rule = r.rule(input);
                Verdict::Valid { value: r.value, rule }
            }
            DateRead::Null => Verdict::Null,
            DateRead::Invalid { reason } => Verdict::Invalid { reason },
            DateRead::TimeOfDay(r) => Verdict::Invalid {
                reason: Cow::Owned(format!("value has a time of day (use datetime): {}", r.value)),
            },
            DateRead::Ambiguous { reason, candidates, .. } => {
                Verdict::Ambiguous { reason, candidates }
            }
        }
    }
}

/// Reads one value as `kind` into a typed [`DateReading`], with `convention`.
///
/// # Example
///
/// ```
/// use dq_clean::date::{self, DateKind, DateRead, Precision};
/// let r = date::read("Tue, 04 Feb 2020 10:00:00 GMT", DateKind::DateTime, &Default::default());
/// let DateRead::Date(r) = r else { panic!() };
/// assert_eq!((r.value.as_ref(), r.precision, r.zoned), ("2020-02-04T10:00:00Z", Precision::DateTime, true));
/// ```
pub fn read<'a>(input: &'a str, kind: DateKind, convention: &DateConvention) -> DateRead<'a> {
    parse_read(input, kind, convention)
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

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`); negative before 1970. The month and day are not checked.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::date::days_from_civil(1970, 1, 2), 1);
/// assert_eq!(dq_clean::date::days_from_civil(1969, 12, 31), -1);
/// assert_eq!(dq_clean::date::days_from_civil(2000, 3, 1), 11_017);
/// ```
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
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
fn numeric_fast(input: &str, conv: &DateConvention) -> Option<DateReading<'static>> {
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
    valid_ymd(y, m, d).then(|| DateReading {
        value: Cow::Owned(ymd(y, m, d)),
        precision: Precision::Day,
        zoned: false,
        order: Some(conv.order),
        pattern: numeric_pattern(char::from(s1), conv.order, 4),
        rule,
    })
}

// ---------------------------------------------------------------------------
// Parsing.

fn invalid(reason: &'static str) -> DateRead<'static> {
    DateRead::Invalid { reason: Cow::Borrowed(reason) }
}

/// An ambiguous date part: `candidates` are dates (or months) of `first`'s shape.
fn ambiguous(
    why: DateAmbiguity,
    reason: &'static str,
    candidates: Vec<DateVal>,
    first: &Part,
) -> DateRead<'static> {
    let rendered: Vec<String> = candidates.iter().map(DateVal::render).collect();
    let first_val = candidates.first().cloned().unwrap_or_else(|| first.val.clone());
    DateRead::Ambiguous {
        why,
        reason: Cow::Borrowed(reason),
        candidates: rendered,
        first: Box::new(first.with(first_val).reading()),
    }
}

/// The `strftime` pattern of a fixed-width numeric date.
fn numeric_pattern(sep: char, order: DateOrder, year_len: usize) -> Option<&'static str> {
    Some(match (sep, order, year_len) {
        ('/', DateOrder::DayFirst, 4) => "%d/%m/%Y",
        ('-', DateOrder::DayFirst, 4) => "%d-%m-%Y",
        ('.', DateOrder::DayFirst, 4) => "%d.%m.%Y",
        (' ', DateOrder::DayFirst, 4) => "%d %m %Y",
        ('/', DateOrder::MonthFirst, 4) => "%m/%d/%Y",
        ('-', DateOrder::MonthFirst, 4) => "%m-%d-%Y",
        ('.', DateOrder::MonthFirst, 4) => "%m.%d.%Y",
        (' ', DateOrder::MonthFirst, 4) => "%m %d %Y",
        ('/', DateOrder::DayFirst, 2) => "%d/%m/%y",
        ('-', DateOrder::DayFirst, 2) => "%d-%m-%y",
        ('.', DateOrder::DayFirst, 2) => "%d.%m.%y",
        ('/', DateOrder::MonthFirst, 2) => "%m/%d/%y",
        ('-', DateOrder::MonthFirst, 2) => "%m-%d-%y",
        ('.', DateOrder::MonthFirst, 2) => "%m.%d.%y",
        _ => return None,
    })
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

/// A date part read, before the time is attached.
#[derive(Debug, Clone)]
struct Part {
    val: DateVal,
    rule: &'static str,
    order: Option<DateOrder>,
    pattern: Option<&'static str>,
}

impl Part {
    fn new(val: DateVal, rule: &'static str) -> Part {
        Part { val, rule, order: None, pattern: None }
    }

    fn with(&self, val: DateVal) -> Part {
        Part { val, ..self.clone() }
    }

    fn reading(&self) -> DateReading<'static> {
        let precision = match self.val {
            DateVal::Day(..) => Precision::Day,
            DateVal::Month(..) => Precision::Month,
        };
        DateReading {
            value: Cow::Owned(self.val.render()),
            precision,
            zoned: false,
            order: self.order,
            pattern: self.pattern,
            rule: self.rule,
        }
    }
}

/// A date part's outcome before the time is attached.
enum DatePart {
    Ok(Part),
    Flag(DateRead<'static>),
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Expands a two-digit year with the convention's pivot; `Err` with both candidates,
/// the likelier first (`00`–`39` in this century, the others in the last), when nothing
/// settles the century.
fn expand_year(s: &str, conv: &DateConvention) -> Result<i64, (i64, i64)> {
    let n = i64::from(digits(s).unwrap_or(0));
    if s.len() != 2 {
        return Ok(n);
    }
    match conv.two_digit_year {
        TwoDigitYear::Pivot(p) if n < i64::from(p) => Ok(2000 + n),
        TwoDigitYear::Pivot(_) => Ok(1900 + n),
        TwoDigitYear::Ambiguous if n <= 39 => Err((2000 + n, 1900 + n)),
        TwoDigitYear::Ambiguous => Err((1900 + n, 2000 + n)),
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

/// Reads one value as `kind` (see [`read`]).
fn parse_read<'a>(input: &'a str, kind: DateKind, conv: &DateConvention) -> DateRead<'a> {
    if is_iso_date(input) {
        return DateRead::Date(DateReading {
            value: Cow::Borrowed(input),
            precision: Precision::Day,
            zoned: false,
            order: None,
            pattern: Some("%Y-%m-%d"),
            rule: "date_ymd",
        });
    }
    if let Some(r) = numeric_fast(input, conv) {
        return DateRead::Date(r);
    }
    let s = input.trim_matches(is_space);
    if crate::number::is_null_token(s) || s == "00/00/0000" || s == "0000-00-00" {
        return DateRead::Null;
    }
    if conv.excel_serial == ExcelSerial::Accept {
        if let Some(r) = excel_serial_fraction(s, kind) {
            return r;
        }
    }
    if conv.compact_timestamp == CompactTimestamp::Accept {
        if let Some(r) = compact_timestamp(s, kind) {
            return r;
        }
    }
    // `le 3 février 2020`.
    let s = match s.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("le ") => s.get(3..).unwrap_or("").trim_start(),
        _ => s,
    };
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
            DatePart::Ok(p) => Some(p),
            DatePart::Flag(v) => return v,
        }
    };
    let mut reading = match (date, time) {
        (None, None) => return invalid("not a date"),
        (Some(p), None) => p.reading(),
        (None, Some((t, zoned))) => {
            if kind == DateKind::Date {
                return invalid("a time of day with no date");
            }
            DateReading {
                value: Cow::Owned(t),
                precision: Precision::Time,
                zoned,
                order: None,
                pattern: None,
                rule: "time",
            }
        }
        (Some(p), Some((t, zoned))) => {
            if matches!(p.val, DateVal::Month(..)) {
                return invalid("a time of day with no day");
            }
            let r = DateReading {
                value: Cow::Owned(format!("{}T{t}", p.val.render())),
                precision: Precision::DateTime,
                zoned,
                order: p.order,
                pattern: p.pattern,
                rule: "datetime",
            };
            if kind == DateKind::Date {
                return DateRead::TimeOfDay(r);
            }
            r
        }
    };
    if reading.value == input {
        reading.value = Cow::Borrowed(input);
    }
    DateRead::Date(reading)
}

/// An Excel serial number with a fraction of a day (`43831.25`) or in scientific
/// notation (`4.3831E+04`): a date-time, or a date when the fraction is nil. `None`
/// for every other value.
fn excel_serial_fraction(s: &str, kind: DateKind) -> Option<DateRead<'static>> {
    if !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.contains(['.', ',', 'e', 'E'])
        || !s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'e' | b'E' | b'+'))
    {
        return None;
    }
    let crate::number::NumberRead::Number(n) =
        crate::number::read(s, &crate::number::NumberConvention::default())
    else {
        return Some(invalid("not an Excel serial number"));
    };
    let (int, frac) = n.value.split_once('.').unwrap_or((&n.value, ""));
    let days = i64::from(digits(int).filter(|d| (1..=2_958_465).contains(d))?);
    if days == 60 {
        return Some(invalid(
            "Excel serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
        ));
    }
    // The fraction of a day, rounded to the second, with integers only.
    let frac = frac.get(..frac.len().min(9)).unwrap_or("");
    let scale = 10u64.pow(u32::try_from(frac.len()).unwrap_or(0));
    let num = if frac.is_empty() { 0 } else { u64::from(digits(frac)?) };
    let secs = (num * 86_400 + scale / 2) / scale;
    let base =
        if days < 60 { days_from_civil(1899, 12, 31) } else { days_from_civil(1899, 12, 30) };
    let day = base + days + i64::try_from(secs / 86_400).unwrap_or(0);
    let secs = secs % 86_400;
    let (y, m, d) = civil_from_days(day);
    let part = Part::new(DateVal::Day(y, m, d), "excel_serial");
    if secs == 0 {
        return Some(DateRead::Date(part.reading()));
    }
    let (h, mi, se) = (secs / 3600, secs / 60 % 60, secs % 60);
    let r = DateReading {
        value: Cow::Owned(format!("{}T{h:02}:{mi:02}:{se:02}", ymd(y, m, d))),
        precision: Precision::DateTime,
        zoned: false,
        order: None,
        pattern: None,
        rule: "excel_serial",
    };
    Some(match kind {
        DateKind::Date => DateRead::TimeOfDay(r),
        DateKind::DateTime => DateRead::Date(r),
    })
}

/// `AAAAMMJJHHMN` or `AAAAMMJJHHMNSS`, in a column of compact timestamps.
fn compact_timestamp(s: &str, kind: DateKind) -> Option<DateRead<'static>> {
    if !(s.len() == 12 || s.len() == 14) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(digits).unwrap_or(99);
    let (y, m, d, h, mi) = (i64::from(n(0..4)), n(4..6), n(6..8), n(8..10), n(10..12));
    let se = if s.len() == 14 { n(12..14) } else { 0 };
    if !valid_ymd(y, m, d) || h > 23 || mi > 59 || se > 59 {
        return Some(invalid("digits that are not an AAAAMMJJHHMN timestamp"));
    }
    let r = DateReading {
        value: Cow::Owned(format!("{}T{h:02}:{mi:02}:{se:02}", ymd(y, m, d))),
        precision: Precision::DateTime,
        zoned: false,
        order: None,
        pattern: Some(if s.len() == 14 { "%Y%m%d%H%M%S" } else { "%Y%m%d%H%M" }),
        rule: "datetime_compact",
    };
    Some(match kind {
        DateKind::Date => DateRead::TimeOfDay(r),
        DateKind::DateTime => DateRead::Date(r),
    })
}

/// Splits a value into its date and time parts (`T` of ISO 8601, or the first token
/// with `:` or `h`, or a number followed by `h`, after an optional `à`).
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
    for (i, _) in s.char_indices() {
        let at_token = i == 0 || s.get(..i).is_some_and(|h| h.ends_with(is_space));
        if !at_token {
            continue;
        }
        let rest = s.get(i..).unwrap_or("");
        let tok = rest.split(is_space).next().unwrap_or("");
        if looks_like_time(tok) || spaced_hour(tok, rest) {
            start = Some(i);
            break;
        }
    }
    match start {
        Some(i) => {
            let (d, t) = s.split_at_checked(i).unwrap_or((s, ""));
            let d = d.trim_end_matches(is_space);
            let d = d.strip_suffix(" à").or_else(|| d.strip_suffix(" a")).unwrap_or(d);
            let d = if d == "à" || d == "a" { "" } else { d };
            let d = d.trim_end_matches([',', ' ']);
            (d, Some(t.trim_matches(is_space)))
        }
        None => (s, None),
    }
}

/// `9 h 05`, `19 h 21 min`: an hour of one or two digits, then `h` as its own token
/// (or `h05`).
fn spaced_hour(tok: &str, rest: &str) -> bool {
    if tok.is_empty() || tok.len() > 2 || !tok.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let after = rest.get(tok.len()..).unwrap_or("").trim_start_matches(is_space);
    let mut chars = after.chars();
    matches!(chars.next(), Some('h' | 'H'))
        && chars.next().map_or(true, |c| c.is_ascii_digit() || is_space(c))
}

fn looks_like_time(tok: &str) -> bool {
    let mut b = tok.bytes();
    let first_digit = b.next().is_some_and(|c| c.is_ascii_digit());
    first_digit
        && (tok.contains(':')
            || tok.bytes().find(|c| !c.is_ascii_digit()).is_some_and(|c| c == b'h' || c == b'H'))
}

/// Parses `HH:MM[:SS[.fff]]`, `HHhMM`, `HHh`, `HH h MM min`, with an optional offset
/// or a `GMT`/`UTC` suffix; returns the ISO form `HH:MM:SS[.fff][offset]` and whether it
/// carries a zone.
fn parse_time(t: &str) -> Option<(String, bool)> {
    let t = t.trim_matches(is_space);
    // Zone names of RFC 822 and HTTP dates.
    let t = ["GMT", "UTC", "UT"]
        .iter()
        .find_map(|z| {
            let cut = t.len().checked_sub(z.len())?;
            let (head, tail) = t.split_at_checked(cut)?;
            (tail.eq_ignore_ascii_case(z)
                && head.ends_with(|c: char| c.is_ascii_digit() || is_space(c)))
            .then(|| format!("{}Z", head.trim_end_matches(is_space)))
        })
        .map_or(Cow::Borrowed(t), Cow::Owned);
    let t = t.as_ref();
    // `2:30 PM`: a twelve-hour clock.
    let (t, meridiem) = ["am", "a.m.", "pm", "p.m."]
        .iter()
        .find_map(|m| {
            let cut = t.len().checked_sub(m.len())?;
            let (head, tail) = t.split_at_checked(cut)?;
            let after_clock = head.ends_with(|c: char| c.is_ascii_digit() || is_space(c));
            (tail.eq_ignore_ascii_case(m) && after_clock)
                .then(|| (head.trim_end_matches(is_space), Some(m.starts_with('p'))))
        })
        .unwrap_or((t, None));
    // Offset.
    let (clock, offset) = if let Some(c) = t.strip_suffix(['Z', 'z']) {
        (c, Some("Z".to_owned()))
    } else if let Some(p) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at_checked(p)?;
        (c.trim_end_matches(is_space), Some(parse_offset(o)?))
    } else {
        (t, None)
    };
    // `19 h 21 min`: spaces out, `min` off.
    let clock: String = clock.chars().filter(|c| !is_space(*c)).collect();
    let clock = clock.strip_suffix("min").or_else(|| clock.strip_suffix("mn")).unwrap_or(&clock);
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
    let h = match meridiem {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut out = format!("{h:02}:{mi:02}:{sec:02}");
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    let zoned = offset.is_some();
    if let Some(o) = offset {
        out.push_str(&o);
    }
    Some((out, zoned))
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
    // English, as RFC 822 / HTTP dates and other projects' files write them.
    ("january", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
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
    ("monday", 0),
    ("mon", 0),
    ("tuesday", 1),
    ("tue", 1),
    ("wednesday", 2),
    ("wed", 2),
    ("thursday", 3),
    ("thu", 3),
    ("friday", 4),
    ("fri", 4),
    ("saturday", 5),
    ("sat", 5),
    ("sunday", 6),
    ("sun", 6),
];

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

fn parse_date_part(s: &str, conv: &DateConvention) -> DatePart {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return compact_or_serial(s, conv);
    }
    if s.chars().any(char::is_alphabetic) {
        return textual(s, conv);
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
            let mut p = Part::new(DateVal::Day(i64::from(y), m, d), "date_compact");
            p.pattern = Some("%Y%m%d");
            return DatePart::Ok(p);
        }
        return DatePart::Flag(invalid("eight digits that are not a YYYYMMDD date"));
    }
    if conv.excel_serial == ExcelSerial::Accept && s.len() <= 7 {
        let n = i64::from(digits(s).unwrap_or(0));
        return match n {
            1..=59 => {
                let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 31) + n);
                DatePart::Ok(Part::new(DateVal::Day(y, m, d), "excel_serial"))
            }
            60 => DatePart::Flag(invalid(
                "Excel serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
            )),
            61..=2_958_465 => {
                let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 30) + n);
                DatePart::Ok(Part::new(DateVal::Day(y, m, d), "excel_serial"))
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
    if !matches!(sep, '/' | '-' | '.' | ' ') {
        return DatePart::Flag(invalid("not a date"));
    }
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return DatePart::Flag(invalid("not a date"));
    }
    // Spaces separate only `07 03 2019`: day, month, a four-digit year.
    if sep == ' '
        && !matches!(parts.as_slice(), [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() == 4)
    {
        return DatePart::Flag(invalid("not a date"));
    }
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let padded = m.len() == 2 && d.len() == 2;
            let (y, m, d) =
                (i64::from(digits(y).unwrap_or(0)), digits(m).unwrap_or(0), digits(d).unwrap_or(0));
            if m.to_string().len() > 2 || d > 99 {
                return DatePart::Flag(invalid("not a date"));
            }
            if valid_ymd(y, m, d) {
                let mut p = Part::new(DateVal::Day(y, m, d), "date_ymd");
                p.pattern = match sep {
                    '-' if padded => Some("%Y-%m-%d"),
                    '/' if padded => Some("%Y/%m/%d"),
                    '.' if padded => Some("%Y.%m.%d"),
                    _ => None,
                };
                DatePart::Ok(p)
            } else {
                DatePart::Flag(invalid("no such day in the calendar"))
            }
        }
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
            let padded = a.len() == 2 && b.len() == 2;
            let (a, b) = (digits(a).unwrap_or(0), digits(b).unwrap_or(0));
            let years: Vec<i64> = match expand_year(y, conv) {
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
            let mut part = Part::new(DateVal::Day(first, m, d), rule);
            part.order = Some(conv.order);
            part.pattern = if padded { numeric_pattern(sep, conv.order, y.len()) } else { None };
            if valid_ymd(first, m, d) {
                if years.len() > 1 {
                    let c = years.iter().map(|&y| DateVal::Day(y, m, d)).collect();
                    return DatePart::Flag(ambiguous(
                        DateAmbiguity::Century,
                        "two-digit year: the century is not known",
                        c,
                        &part,
                    ));
                }
                return DatePart::Ok(part);
            }
            if valid_ymd(first, d, m) {
                let c = years.iter().map(|&y| DateVal::Day(y, d, m)).collect();
                let other = match conv.order {
                    DateOrder::DayFirst => DateOrder::MonthFirst,
                    DateOrder::MonthFirst => DateOrder::DayFirst,
                };
                part.order = Some(other);
                part.pattern = if padded { numeric_pattern(sep, other, y.len()) } else { None };
                return DatePart::Flag(ambiguous(
                    DateAmbiguity::DayMonthOrder,
                    swapped_reason,
                    c,
                    &part,
                ));
            }
            DatePart::Flag(invalid("no such day in the calendar"))
        }
        [m, y] if m.len() <= 2 && y.len() == 4 => {
            let (m, y) = (digits(m).unwrap_or(0), i64::from(digits(y).unwrap_or(0)));
            if (1..=12).contains(&m) {
                DatePart::Ok(Part::new(DateVal::Month(y, m), "date_month"))
            } else {
                DatePart::Flag(invalid("no such month"))
            }
        }
        [y, m] if y.len() == 4 && m.len() == 2 && sep == '-' => {
            let (m, y) = (digits(m).unwrap_or(0), i64::from(digits(y).unwrap_or(0)));
            if (1..=12).contains(&m) {
                DatePart::Ok(Part::new(DateVal::Month(y, m), "date_month"))
            } else {
                DatePart::Flag(invalid("no such month"))
            }
        }
        _ => DatePart::Flag(invalid("not a date")),
    }
}

fn textual(s: &str, conv: &DateConvention) -> DatePart {
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
    let (day, month, year) = match it {
        // `7 mars 2019`, `1er mars 2021`.
        [d, month, year] if day_number(d).is_some() => (day_number(d), *month, *year),
        // `mars 7 2019`, `March 7, 2019`: the month first, in words.
        [month, d, year] if lookup(MONTHS, month).is_some() && day_number(d).is_some() => {
            (day_number(d), *month, *year)
        }
        [d, _] if day_number(d).is_some() => {
            return DatePart::Flag(invalid("no year (a missing year is never filled in)"))
        }
        [month, year] => (None, *month, *year),
        [_] => return DatePart::Flag(invalid("no year (a missing year is never filled in)")),
        _ => return DatePart::Flag(invalid("not a date")),
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
    let val = |y: i64| match day {
        Some(d) => DateVal::Day(y, m, d),
        None => DateVal::Month(y, m),
    };
    let rule = if day.is_some() { "date_text" } else { "date_month" };
    let y = match expand_year(year, conv) {
        Ok(y) => y,
        Err((a, b)) => {
            if let Some(d) = day {
                if !valid_ymd(a, m, d) && !valid_ymd(b, m, d) {
                    return DatePart::Flag(invalid("no such day in the calendar"));
                }
            }
            let part = Part::new(val(a), rule);
            return DatePart::Flag(ambiguous(
                DateAmbiguity::Century,
                "two-digit year: the century is not known",
                vec![val(a), val(b)],
                &part,
            ));
        }
    };
    let Some(d) = day else {
        if wd.is_some() {
            return DatePart::Flag(invalid("a weekday with no day"));
        }
        return DatePart::Ok(Part::new(DateVal::Month(y, m), "date_month"));
    };
    if !valid_ymd(y, m, d) {
        return DatePart::Flag(invalid("no such day in the calendar"));
    }
    let part = Part::new(DateVal::Day(y, m, d), "date_text");
    if let Some(w) = wd {
        if weekday(y, m, d) != w {
            return DatePart::Flag(ambiguous(
                DateAmbiguity::Weekday,
                "the weekday does not match the date",
                vec![DateVal::Day(y, m, d)],
                &part,
            ));
        }
    }
    DatePart::Ok(part)
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
        check("12-03-21", "ambiguous");
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
        check("12/03/85", "ambiguous");
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
    fn two_digit_years_need_the_column() {
        // Issue #14: `15/06/54` was completed silently; both centuries are candidates.
        for (input, candidates) in [
            ("15/06/54", ["1954-06-15", "2054-06-15"]),
            ("12-03-21", ["2021-03-12", "1921-03-12"]),
            ("12/03/85", ["1985-03-12", "2085-03-12"]),
            ("3 mars 21", ["2021-03-03", "1921-03-03"]),
        ] {
            match read(input, DateKind::Date, &DateConvention::default()) {
                DateRead::Ambiguous { why, candidates: c, first, .. } => {
                    assert_eq!(why, DateAmbiguity::Century, "{input:?}");
                    assert_eq!(c, candidates, "{input:?}");
                    assert_eq!(first.value, candidates[0], "{input:?}");
                }
                other => panic!("{input:?}: {other:?}"),
            }
        }
        let mut c = DateConvention::default();
        c.two_digit_year(TwoDigitYear::Pivot(30));
        assert_eq!(parse_date_with("15/06/54", &c).value(), Some("1954-06-15"));
        assert_eq!(parse_date_with("15/06/29", &c).value(), Some("2029-06-15"));
        assert_eq!(parse_date_with("15/06/30", &c).value(), Some("1930-06-15"));
        assert_eq!(parse_date_with("3 mars 21", &c).value(), Some("2021-03-03"));
        assert_eq!(parse_date_with("15/06/2054", &c).value(), Some("2054-06-15"));
    }

    #[test]
    fn forms_written_by_others() {
        check("le 3 février 2020", "2020-02-03");
        check("Le 3 février 2020", "2020-02-03");
        check("mars 7 2019", "2019-03-07");
        check("March 7, 2019", "2019-03-07");
        check("07 03 2019", "2019-03-07");
        check("7 3 2019", "2019-03-07");
        check("07 03 19", "invalid");
        check("1 234 567", "invalid");
        check("Tue, 04 Feb 2020", "2020-02-04");
        check("Wed, 04 Feb 2020", "ambiguous");
        check("3 février 2020 à 9 h 05", "invalid");
        check_dt("3 février 2020 à 9 h 05", "2020-02-03T09:05:00");
        check_dt("3 février 2020 9h05", "2020-02-03T09:05:00");
        check_dt("03/02/2020 19 h 21 min", "2020-02-03T19:21:00");
        check_dt("03/02/2020 à 19 h", "2020-02-03T19:00:00");
        check_dt("Tue, 04 Feb 2020 10:00:00 GMT", "2020-02-04T10:00:00Z");
        check_dt("Tue, 04 Feb 2020 10:00:00 +0100", "2020-02-04T10:00:00+01:00");
        check_dt("2020-02-04 10:00:00 UTC", "2020-02-04T10:00:00Z");
        check_dt("9 h 05", "09:05:00");
        check_dt("March 12, 2020 2:30 PM", "2020-03-12T14:30:00");
        check_dt("12/03/2020 12:15 am", "2020-03-12T00:15:00");
        check_dt("12/03/2020 12:15 p.m.", "2020-03-12T12:15:00");
        check_dt("12/03/2020 13:15 PM", "invalid");
        check_dt("3 heures", "invalid");
    }

    #[test]
    fn a_date_with_a_time_keeps_the_datetime() {
        match read("12/03/2021 14:30", DateKind::Date, &DateConvention::default()) {
            DateRead::TimeOfDay(r) => {
                assert_eq!(r.value, "2021-03-12T14:30:00");
                assert_eq!(r.precision, Precision::DateTime);
            }
            other => panic!("{other:?}"),
        }
        let v = parse_date("12/03/2021 14:30");
        assert!(v.reason().is_some_and(|r| r.contains("2021-03-12T14:30:00")), "{v:?}");
    }

    #[test]
    fn excel_fractions_and_compact_timestamps() {
        let mut c = DateConvention::default();
        c.excel_serial(ExcelSerial::Accept);
        assert_eq!(parse_datetime_with("43831.25", &c).value(), Some("2020-01-01T06:00:00"));
        assert_eq!(parse_datetime_with("43831,5", &c).value(), Some("2020-01-01T12:00:00"));
        assert_eq!(parse_datetime_with("4.3831E+04", &c).value(), Some("2020-01-01"));
        assert_eq!(parse_datetime_with("4.383125E+04", &c).value(), Some("2020-01-01T06:00:00"));
        assert_eq!(parse_datetime_with("43831.99999999", &c).value(), Some("2020-01-02"));
        assert_eq!(parse_date_with("43831.0", &c).value(), Some("2020-01-01"));
        assert_eq!(parse_date_with("43831.25", &c).status(), "invalid");
        assert_eq!(parse_date_with("60.5", &c).status(), "invalid");
        assert_eq!(parse_datetime("43831.25").status(), "invalid");
        let mut c = DateConvention::default();
        c.compact_timestamp(CompactTimestamp::Accept);
        assert_eq!(parse_datetime_with("202003070905", &c).value(), Some("2020-03-07T09:05:00"));
        assert_eq!(parse_datetime_with("20200307090512", &c).value(), Some("2020-03-07T09:05:12"));
        assert_eq!(parse_datetime_with("202013070905", &c).status(), "invalid");
        assert_eq!(parse_datetime("202003070905").status(), "invalid");
    }

    #[test]
    fn fast_paths_agree_with_the_reading() {
        for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
            let conv = DateConvention::new(order);
            for s in ["2021-03-12", "12/03/2021", "03/12/2021", "29.02.2024", "31-12-1999"] {
                for kind in [DateKind::Date, DateKind::DateTime] {
                    let reading = parse_read(s, kind, &conv).into_verdict(s);
                    assert_eq!(parse(s, kind, &conv), reading, "{s:?} {order:?}");
                }
            }
        }
    }

    #[test]
    fn readings() {
        let conv = DateConvention::default();
        let DateRead::Date(r) = read("2021-03-12", DateKind::Date, &conv) else { panic!() };
        assert_eq!((r.pattern, r.rule("2021-03-12")), (Some("%Y-%m-%d"), "as_is"));
        let DateRead::Date(r) = read("12.03.2021", DateKind::Date, &conv) else { panic!() };
        assert_eq!(r.pattern, Some("%d.%m.%Y"));
        let DateRead::Date(r) = read("1/2/2021", DateKind::Date, &conv) else { panic!() };
        assert_eq!((r.pattern, r.order), (None, Some(DateOrder::DayFirst)));
        let DateRead::Date(r) = read("20210312", DateKind::Date, &conv) else { panic!() };
        assert_eq!(r.pattern, Some("%Y%m%d"));
        let DateRead::Date(r) = read("mars 2021", DateKind::Date, &conv) else { panic!() };
        assert_eq!((r.precision, r.value.as_ref()), (Precision::Month, "2021-03"));
        let DateRead::Date(r) = read("2021-03-12T10:00:00Z", DateKind::DateTime, &conv) else {
            panic!()
        };
        assert!(r.zoned);
        match read("03/25/2021", DateKind::Date, &conv) {
            DateRead::Ambiguous { why, first, .. } => {
                assert_eq!(why, DateAmbiguity::DayMonthOrder);
                assert_eq!(first.order, Some(DateOrder::MonthFirst));
                assert_eq!(first.pattern, Some("%m/%d/%Y"));
            }
            other => panic!("{other:?}"),
        }
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
                        Some(v) => {
                            assert_eq!(DateRead::Date(v).into_verdict(&spaced), general, "{s:?}")
                        }
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
