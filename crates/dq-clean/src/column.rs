//! Column conventions: what a whole column says about how its values are written.
//!
//! One cell cannot tell whether `05/06/2021` is 5 June or 6 May, or whether `1.234` is a
//! decimal; the column can, when other cells are unambiguous (`25/06/2021`, `1.234,5`).
//! [`ColumnInference`] observes the values one by one, in bounded memory, and
//! [`ColumnInference::finish`] returns the [`ColumnConventions`]: the likely kind of the
//! column, the day/month order, the decimal separator, the null tokens seen, the boolean
//! pair, and the values that contradict the column's convention.
//!
//! ```
//! use dq_clean::column::{ColumnInference, ColumnKind};
//! use dq_clean::date::DateOrder;
//!
//! let mut col = ColumnInference::new();
//! for v in ["05/06/2021", "25/06/2021", "NC", "01/07/2021"] {
//!     col.observe(v);
//! }
//! let c = col.finish();
//! assert_eq!(c.kind, ColumnKind::Date);
//! assert_eq!(c.date_order, Some(DateOrder::DayFirst));
//! assert_eq!(c.date_format.as_deref(), Some("%d/%m/%Y"));
//! assert_eq!(c.null_tokens, vec!["NC".to_owned()]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::boolean::{BooleanConvention, BooleanPair};
use crate::date::{self, CompactTimestamp, DateConvention, DateOrder, ExcelSerial, TwoDigitYear};
use crate::number::{self, DecimalSeparator, NumberConvention};
use crate::Verdict;

/// How many example values of each side are kept to report contradictions.
const KEEP: usize = 16;

/// How many month-first dates (`03/25/2021`) it takes, with no day-first date against
/// them, to make a column month first.
const MIN_MONTH_FIRST: u64 = 2;

/// The likely kind of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ColumnKind {
    /// Only nulls.
    Empty,
    /// Numbers: at least half of the non-null values read as numbers, and at least
    /// 90 % are written like numbers (the others, like `12 34`, are malformed numbers
    /// that the number parser flags).
    Number,
    /// Dates: at least half of the non-null values read as dates, and at least 90 % are
    /// written like dates (the others, like `31/02/2021`, are impossible dates that the
    /// date parser flags).
    Date,
    /// Date-times: as for dates, with some values carrying a time of day.
    DateTime,
    /// Booleans of one pair (`oui`/`non`, `vrai`/`faux`, …).
    Boolean,
    /// Anything else.
    Text,
}

/// A value that contradicts the column's convention.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contradiction {
    /// The 0-based index of the value among those observed.
    pub index: u64,
    /// The value.
    pub value: String,
    /// What it contradicts.
    pub reason: String,
}

/// What a column says about how its values are written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ColumnConventions {
    /// The likely kind of the column.
    pub kind: ColumnKind,
    /// The number of values observed.
    pub values: u64,
    /// The number of null values.
    pub nulls: u64,
    /// The number of values written like the column's kind that its parser rejects
    /// (`31/02/2021` in a date column, `12 34` in a number column); 0 for other kinds.
    pub malformed: u64,
    /// The distinct null tokens seen, as written (at most 16), empty string excluded.
    pub null_tokens: Vec<String>,
    /// The decimal separator, when some value settles it.
    pub decimal: Option<DecimalSeparator>,
    /// The day/month order of numeric dates, when some value settles it.
    pub date_order: Option<DateOrder>,
    /// The `strftime` pattern of numeric dates (`%d/%m/%Y`), when the order is known.
    pub date_format: Option<String>,
    /// The boolean pair of a boolean column (`oui`/`non`, `-1`/`0`…).
    pub boolean_pair: Option<BooleanPair>,
    /// How two-digit years are completed: ambiguous unless a planner that knows the
    /// column sets a pivot (inference never does).
    #[serde(default)]
    pub two_digit_year: TwoDigitYear,
    /// Whether the column's bare numbers are Excel serial dates (set by a planner that
    /// knows the column; inference never does).
    #[serde(default)]
    pub excel_serial: ExcelSerial,
    /// Whether the column's 12- and 14-digit values are compact timestamps (set by a
    /// planner; inference never does).
    #[serde(default)]
    pub compact_timestamp: CompactTimestamp,
    /// Values contradicting the convention (at most 16 kept).
    pub contradictions: Vec<Contradiction>,
    /// The number of contradicting values, all of them.
    pub contradiction_count: u64,
}

impl ColumnConventions {
    /// The number convention that settles the column's ambiguous numbers.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::column::ColumnInference;
    /// use dq_clean::number;
    /// let c = ColumnInference::from_values(["1 234,5", "1.234"]);
    /// assert_eq!(number::parse_with("1.234", &c.number_convention()).value(), Some("1234"));
    /// ```
    pub fn number_convention(&self) -> NumberConvention {
        NumberConvention { decimal: self.decimal }
    }

    /// The date convention that settles the column's ambiguous dates.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::column::ColumnInference;
    /// use dq_clean::date;
    /// let c = ColumnInference::from_values(["03/25/2021", "12/31/2020", "04/02/2021"]);
    /// assert_eq!(date::parse_date_with("04/02/2021", &c.date_convention()).value(), Some("2021-04-02"));
    /// ```
    pub fn date_convention(&self) -> DateConvention {
        let mut c = DateConvention::new(self.date_order.unwrap_or_default());
        c.two_digit_year(self.two_digit_year)
            .excel_serial(self.excel_serial)
            .compact_timestamp(self.compact_timestamp);
        c
    }

    /// The boolean convention of the column (`-1` is true in a `-1`/`0` column).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::boolean;
    /// use dq_clean::column::ColumnInference;
    /// let c = ColumnInference::from_values(["-1", "0", "0", "-1"]);
    /// assert_eq!(boolean::normalize_with("-1", &c.boolean_convention()).value(), Some("true"));
    /// ```
    pub fn boolean_convention(&self) -> BooleanConvention {
        BooleanConvention { pair: self.boolean_pair }
    }
}

/// A streaming accumulator of a column's values.
///
/// # Example
///
/// ```
/// use dq_clean::column::ColumnInference;
/// let mut col = ColumnInference::new();
/// col.observe("1 234,56");
/// col.observe("12,5");
/// assert_eq!(col.finish().decimal, Some(dq_clean::number::DecimalSeparator::Comma));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ColumnInference {
    values: u64,
    nulls: u64,
    null_tokens: Vec<String>,
    numbers: u64,
    malformed_numbers: u64,
    codes: u64,
    dates: u64,
    malformed_dates: u64,
    datetimes: u64,
    with_time: u64,
    comma: Side,
    point: Side,
    day_first: Side,
    month_first: Side,
    formats: Vec<(String, u64)>,
    booleans: Vec<(String, u64)>,
}

/// The evidence for one convention: a count and the first few examples.
#[derive(Debug, Clone, Default)]
struct Side {
    count: u64,
    examples: Vec<(u64, String)>,
}

impl Side {
    fn add(&mut self, index: u64, value: &str) {
        self.count += 1;
        if self.examples.len() < KEEP {
            self.examples.push((index, value.to_owned()));
        }
    }
}

impl ColumnInference {
    /// An empty accumulator.
    pub fn new() -> ColumnInference {
        ColumnInference::default()
    }

    /// Observes all `values` and returns the conventions.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::column::{ColumnInference, ColumnKind};
    /// assert_eq!(ColumnInference::from_values(["oui", "non", "Oui"]).kind, ColumnKind::Boolean);
    /// ```
    pub fn from_values<I, S>(values: I) -> ColumnConventions
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut c = ColumnInference::new();
        for v in values {
            c.observe(v.as_ref());
        }
        c.finish()
    }

    /// Observes one value.
    pub fn observe(&mut self, value: &str) {
        let index = self.values;
        self.values += 1;
        if crate::null::is_null(value) {
            self.nulls += 1;
            let t = value.trim();
            if !t.is_empty()
                && self.null_tokens.len() < KEEP
                && !self.null_tokens.iter().any(|k| k == t)
            {
                self.null_tokens.push(t.to_owned());
            }
            return;
        }
        let lower = value.trim().to_lowercase();
        let in_pair = |p: &BooleanPair| {
            let (t, f) = p.tokens();
            t == lower || f == lower
        };
        // `1`/`0` columns stay numbers; `-1`/`0` is VBA's pair.
        if BooleanPair::ALL.iter().filter(|p| **p != BooleanPair::OneZero).any(in_pair) {
            bump(&mut self.booleans, lower);
        }
        let t = value.trim();
        if t.len() > 1 && t.starts_with('0') && t.bytes().all(|b| b.is_ascii_digit()) {
            // `01`, `07500`: a code, whose leading zeros a number parser would drop.
            self.codes += 1;
            return;
        }
        if !matches!(number::parse(value), Verdict::Invalid { .. }) {
            self.numbers += 1;
            match number::evidence(value) {
                Some(DecimalSeparator::Comma) => self.comma.add(index, value),
                Some(DecimalSeparator::Point) => self.point.add(index, value),
                None => {}
            }
            // A plain integer is a number first, whatever else it could be.
            return;
        }
        if number::looks_like_number(value) {
            self.malformed_numbers += 1;
        }
        let d = date::parse_date(value);
        let dt = date::parse_datetime(value);
        let is_date = !matches!(d, Verdict::Invalid { .. });
        let is_dt = !matches!(dt, Verdict::Invalid { .. });
        if is_date {
            self.dates += 1;
        }
        if is_dt {
            self.datetimes += 1;
            if !is_date {
                self.with_time += 1;
            }
        }
        if !is_date && !is_dt && date::looks_like_date(value) {
            self.malformed_dates += 1;
        }
        if is_date || is_dt {
            let (order, format) = date::evidence(value);
            match order {
                Some(DateOrder::DayFirst) => self.day_first.add(index, value),
                Some(DateOrder::MonthFirst) => self.month_first.add(index, value),
                None => {}
            }
            if let Some(f) = format {
                bump(&mut self.formats, f);
            }
        }
    }

    /// Decides the column's conventions.
    pub fn finish(self) -> ColumnConventions {
        let non_null = self.values.saturating_sub(self.nulls);
        // A kind needs at least half of the values to read as that kind, and 90 % to
        // be written like it: with few values, one impossible date among three does
        // not turn a date column into text, while `Paris` or `Lyon` still keep a
        // column text (they are not written like dates).
        let kind_of = |read: u64, malformed: u64| {
            non_null > 0
                && read * 2 >= non_null
                && read.saturating_add(malformed).saturating_mul(10) >= non_null * 9
        };
        let boolean_pair = self.boolean_pair(non_null);
        let (kind, malformed) = if non_null == 0 {
            (ColumnKind::Empty, 0)
        } else if boolean_pair.is_some() {
            (ColumnKind::Boolean, 0)
        } else if kind_of(self.numbers, self.malformed_numbers) && self.codes == 0 {
            (ColumnKind::Number, self.malformed_numbers)
        } else if kind_of(self.dates, self.malformed_dates) {
            (ColumnKind::Date, self.malformed_dates)
        } else if kind_of(self.datetimes, self.malformed_dates) {
            (ColumnKind::DateTime, self.malformed_dates)
        } else {
            (ColumnKind::Text, 0)
        };
        let mut contradictions = Vec::new();
        let mut contradiction_count = 0;
        let decimal = settle(
            &self.comma,
            &self.point,
            DecimalSeparator::Comma,
            DecimalSeparator::Point,
            "decimal comma",
            "decimal point",
            &mut contradictions,
            &mut contradiction_count,
        );
        let date_order = settle(
            &self.day_first,
            &self.month_first,
            DateOrder::DayFirst,
            DateOrder::MonthFirst,
            "day-first dates",
            "month-first dates",
            &mut contradictions,
            &mut contradiction_count,
        );
        // Month first goes against the French default: one value alone (`03/25/2021`,
        // perhaps a typo) does not turn every `12/03/2021` of the column into December;
        // it stays flagged as ambiguous. Two values or more settle it.
        let date_order = match date_order {
            Some(DateOrder::MonthFirst) if self.month_first.count < MIN_MONTH_FIRST => None,
            other => other,
        };
        let date_format = match date_order {
            Some(order) => self
                .formats
                .iter()
                .filter(|(f, _)| match order {
                    DateOrder::DayFirst => f.starts_with("%d"),
                    DateOrder::MonthFirst => f.starts_with("%m"),
                })
                .max_by_key(|(_, n)| *n)
                .map(|(f, _)| f.clone()),
            None => self
                .formats
                .iter()
                .filter(|(f, _)| f.starts_with("%Y"))
                .max_by_key(|(_, n)| *n)
                .map(|(f, _)| f.clone()),
        };
        ColumnConventions {
            kind,
            values: self.values,
            nulls: self.nulls,
            malformed,
            null_tokens: self.null_tokens,
            decimal,
            date_order,
            date_format,
            boolean_pair,
            two_digit_year: TwoDigitYear::default(),
            excel_serial: ExcelSerial::default(),
            compact_timestamp: CompactTimestamp::default(),
            contradictions,
            contradiction_count,
        }
    }

    fn boolean_pair(&self, non_null: u64) -> Option<BooleanPair> {
        let seen: u64 = self.booleans.iter().map(|(_, n)| n).sum();
        if non_null == 0 || seen != non_null {
            return None;
        }
        BooleanPair::ALL.iter().copied().filter(|p| *p != BooleanPair::OneZero).find(|p| {
            let (t, f) = p.tokens();
            let only_these = self.booleans.iter().all(|(k, _)| k == t || k == f);
            // `0` alone is a number: VBA's pair needs its `-1`.
            let vba_seen =
                *p != BooleanPair::MinusOneZero || self.booleans.iter().any(|(k, _)| k == t);
            only_these && vba_seen
        })
    }
}

/// Counts `key` in a bounded tally.
fn bump(tally: &mut Vec<(String, u64)>, key: String) {
    if let Some((_, n)) = tally.iter_mut().find(|(k, _)| *k == key) {
        *n += 1;
    } else if tally.len() < KEEP {
        tally.push((key, 1));
    }
}

/// Picks the majority side; the minority's values become contradictions.
#[allow(clippy::too_many_arguments, reason = "two sides, each with a value and a name")]
fn settle<T>(
    a: &Side,
    b: &Side,
    va: T,
    vb: T,
    na: &str,
    nb: &str,
    out: &mut Vec<Contradiction>,
    count: &mut u64,
) -> Option<T> {
    let (winner, loser, value, wname) = match (a.count, b.count) {
        (0, 0) => return None,
        (x, y) if x >= y => (a, b, va, na),
        _ => (b, a, vb, nb),
    };
    let _ = winner;
    *count += loser.count;
    for (index, v) in &loser.examples {
        if out.len() < KEEP {
            out.push(Contradiction {
                index: *index,
                value: v.clone(),
                reason: format!(
                    "the column mostly has {wname} ({} against {})",
                    winner.count, loser.count
                ),
            });
        }
    }
    let _ = nb;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(values: &[&str], expected: ColumnKind) -> ColumnConventions {
        let c = ColumnInference::from_values(values);
        assert_eq!(c.kind, expected, "{values:?}: {c:?}");
        c
    }

    #[test]
    fn kinds() {
        check(&["", "NA"], ColumnKind::Empty);
        let c = check(&["1 234,56", "12", "1.234"], ColumnKind::Number);
        assert_eq!(c.decimal, Some(DecimalSeparator::Comma));
        let c = check(&["03/25/2021", "04/02/2021", "12/31/2020"], ColumnKind::Date);
        assert_eq!(c.date_order, Some(DateOrder::MonthFirst));
        assert_eq!(c.date_format.as_deref(), Some("%m/%d/%Y"));
        let c = check(&["25/03/2021", "26/03/2021", "03/27/2021"], ColumnKind::Date);
        assert_eq!(c.date_order, Some(DateOrder::DayFirst));
        assert_eq!(c.contradiction_count, 1);
        assert_eq!(c.contradictions.first().map(|x| x.index), Some(2));
        check(&["Paris", "Lyon"], ColumnKind::Text);
        check(&["01", "02", "13"], ColumnKind::Text);
        let c = check(&["Oui", "non", "NC"], ColumnKind::Boolean);
        assert_eq!(c.boolean_pair, Some(BooleanPair::OuiNon));
        let c = check(&["-1", "0", "0"], ColumnKind::Boolean);
        assert_eq!(c.boolean_pair, Some(BooleanPair::MinusOneZero));
        check(&["0", "0"], ColumnKind::Number);
        check(&["-1", "0", "2"], ColumnKind::Number);
        check(&["1", "0", "1"], ColumnKind::Number);
        check(&["12/03/2021 14:30", "13/03/2021 09h00"], ColumnKind::DateTime);
        check(&["2021-03-12"], ColumnKind::Date);
    }

    #[test]
    fn conventions_round_trip_through_json() {
        // The planner serializes a column's plan and replays it.
        let mut c = ColumnInference::from_values(["-1", "0", "NC"]);
        c.two_digit_year = TwoDigitYear::Pivot(30);
        c.excel_serial = ExcelSerial::Accept;
        let json = serde_json::to_string(&c).unwrap();
        let back: ColumnConventions = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(json.contains("\"minus_one_zero\""), "{json}");
        assert_eq!(back.date_convention().two_digit_year, TwoDigitYear::Pivot(30));
        assert_eq!(back.date_convention().excel_serial, ExcelSerial::Accept);
        // A plan written before these fields existed still reads.
        let old = json.replace(",\"two_digit_year\":{\"pivot\":30}", "");
        let old = old.replace(",\"excel_serial\":\"accept\"", "");
        let old = old.replace(",\"compact_timestamp\":\"reject\"", "");
        let back: ColumnConventions = serde_json::from_str(&old).unwrap();
        assert_eq!(back.two_digit_year, TwoDigitYear::Ambiguous, "{old}");
        let c = ColumnInference::from_values(["1 234,5", "12/03/2021"]);
        let back: ColumnConventions =
            serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn one_month_first_date_does_not_settle_the_column() {
        let c = check(&["12/03/2021", "03/25/2021", "1er mars 2021"], ColumnKind::Date);
        assert_eq!(c.date_order, None);
        assert_eq!(c.date_convention().order, DateOrder::DayFirst);
        let c = check(&["12/03/2021", "03/25/2021", "12/31/2020"], ColumnKind::Date);
        assert_eq!(c.date_order, Some(DateOrder::MonthFirst));
    }

    #[test]
    fn small_tables_with_bad_cells() {
        // One impossible date among three: still a date column, the bad cell counted.
        let c = check(&["12/03/2021", "31/02/2021", "25/03/2021"], ColumnKind::Date);
        assert_eq!(c.malformed, 1);
        assert_eq!(c.date_order, Some(DateOrder::DayFirst));
        check(&["12/03/2021", "31/02/2021"], ColumnKind::Date);
        check(&["12 mars 2021", "31 février 2021", "NC"], ColumnKind::Date);
        check(&["12/03/2021 14:30", "31/02/2021 09:00", "13/03/2021 08h"], ColumnKind::DateTime);
        // An impossible date alone, or with too few real dates, is not enough.
        check(&["31/02/2021"], ColumnKind::Text);
        check(&["12/03/2021", "31/02/2021", "30/02/2021"], ColumnKind::Text);
        // Text stays text: the other values are not written like dates or numbers.
        check(&["12/03/2021", "Paris", "Lyon"], ColumnKind::Text);
        check(&["12/03/2021", "13/03/2021", "voir dossier"], ColumnKind::Text);
        check(&["Paris", "Lyon", "Nancy"], ColumnKind::Text);
        check(&["1 234", "Paris"], ColumnKind::Text);
        // Malformed numbers in a number column.
        let c = check(&["1 234,56", "12 34", "7"], ColumnKind::Number);
        assert_eq!(c.malformed, 1);
        // Phone numbers are written with digits and spaces but are not numbers.
        check(&["01 23 45 67 89", "06 12 34 56 78", "+33 1 23 45 67 89"], ColumnKind::Text);
        // A large column keeps the 90 % rule for text outliers.
        let mut v = vec!["12/03/2021"; 18];
        v.extend(["voir dossier", "31/02/2021"]);
        let c = check(&v, ColumnKind::Date);
        assert_eq!(c.malformed, 1);
    }
}
