//! French and mixed number formats to a canonical `1234.56`.
//!
//! Reads grouping by spaces (space, NBSP, U+202F narrow NBSP, thin space), by points,
//! by commas or by apostrophes (`2'500.00`, Switzerland and Excel), a decimal comma or
//! point (also trailing: `45,`), signs (`-`, `+`, U+2212 `−`, accounting parentheses
//! `(1 234)`, a trailing minus `3 250,75-`), currencies (`€`, `EUR`, `$`, `USD`, `£`,
//! `GBP`, `CHF`, before or after) with a tax mention after them (`89,90 € TTC`, `HT`),
//! percentages, exponents (`1,5E+3`) and explicit scale words (`1,2 million`,
//! `3 Md€`). The output is the plain decimal form: an optional `-`, digits without
//! leading zeros, and a `.` before the fractional digits when there are any; exponents
//! and scale words are applied (`1,5E+3` → `1500`, `1,2 million` → `1200000`).
//!
//! [`read`] returns a typed [`NumberReading`] (the canonical text and how the value was
//! written: decimal separator, grouping, currency, tax, percent, sign, exponent,
//! scale); [`parse_with`] is the thin [`Verdict`] layer over it.
//!
//! Percentages keep their written value: `12,5 %` gives `12.5` with rule
//! `number_percent` (the value is **not** divided by 100; the rule says it was a
//! percentage). Currencies are dropped with rule `number_currency`.
//!
//! What cannot be decided is flagged, never guessed:
//! - `1.234` and `1,234` read as a decimal or as a grouped integer: [`Verdict::Ambiguous`]
//!   unless a [`NumberConvention`] (usually inferred from the whole column by
//!   [`crate::column`]) settles it;
//! - an integer with leading zeros (`00016`, `02`): a code more often than a number,
//!   ambiguous with the number as its candidate, never rewritten (`0`, `0,5` are numbers);
//! - a scale suffix that may be the column's unit (`1 234,56 k€`, `12 M€`): ambiguous,
//!   candidates with and without the multiplier;
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

/// How the digits of the integer part were grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Grouping {
    /// `1 234` (space, NBSP, U+202F narrow NBSP or thin space).
    Space,
    /// `1.234.567`.
    Point,
    /// `1,234,567`.
    Comma,
    /// `2'500` or `2’500` (Switzerland, Excel).
    Apostrophe,
}

/// A currency written next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Currency {
    /// `€`, `EUR`.
    Euro,
    /// `$`, `USD`.
    Dollar,
    /// `£`, `GBP`.
    Pound,
    /// `CHF`.
    SwissFranc,
}

/// A tax mention written after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tax {
    /// `HT`, `H.T.`: hors taxes.
    Excluded,
    /// `TTC`, `T.T.C.`: toutes taxes comprises.
    Included,
}

/// How the sign of a number was written.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sign {
    /// No sign.
    #[default]
    Unsigned,
    /// A leading `+`.
    Plus,
    /// A leading `-` or U+2212 `−`.
    Minus,
    /// Accounting parentheses: `(1 234)`.
    Parentheses,
    /// A trailing minus, as accounting exports write it: `3 250,75-`.
    TrailingMinus,
}

/// A number as read: its canonical value and how it was written.
///
/// [`read`] returns it; the [`Verdict`] of [`parse_with`] is built from it. Callers that
/// need to know more than the canonical text (the decimal separator, the currency, a
/// tax mention) read these fields instead of matching rule names.
///
/// # Example
///
/// ```
/// use dq_clean::number::{self, Currency, DecimalSeparator, Grouping, NumberRead, Tax};
///
/// let NumberRead::Number(r) = number::read("1 234,50 € TTC", &Default::default()) else {
///     panic!("not read");
/// };
/// assert_eq!(r.value, "1234.50");
/// assert_eq!(r.decimal, Some(DecimalSeparator::Comma));
/// assert_eq!(r.grouping, Some(Grouping::Space));
/// assert_eq!(r.currency, Some(Currency::Euro));
/// assert_eq!(r.tax, Some(Tax::Included));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NumberReading<'a> {
    /// The canonical decimal text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, borrowed when the
    /// input was already canonical.
    pub value: Cow<'a, str>,
    /// The decimal separator the value was read with; `None` for an integer written
    /// without one (`45,` has one: `Some(Comma)`).
    pub decimal: Option<DecimalSeparator>,
    /// How the integer digits were grouped, when they were.
    pub grouping: Option<Grouping>,
    /// The currency written next to the number.
    pub currency: Option<Currency>,
    /// A tax mention after the amount (`HT`, `TTC`).
    pub tax: Option<Tax>,
    /// Whether a `%` followed (the value is **not** divided by 100).
    pub percent: bool,
    /// How the sign was written.
    pub sign: Sign,
    /// The written decimal exponent (`1,5E+3` → 3), already applied to `value`.
    pub exponent: i32,
    /// The power of ten of an explicit scale word (`1,2 million` → 6, `3 Md€` → 9),
    /// already applied to `value`; 0 when there is none.
    pub scale: i32,
    /// What this value alone says about its column's decimal separator: `1.234.567`
    /// says comma (the points group), `12,5` says comma, `1 234` and `1,234` say
    /// nothing.
    pub evidence: Option<DecimalSeparator>,
}

impl<'a> NumberReading<'a> {
    fn plain(value: Cow<'a, str>) -> NumberReading<'a> {
        NumberReading {
            value,
            decimal: None,
            grouping: None,
            currency: None,
            tax: None,
            percent: false,
            sign: Sign::Unsigned,
            exponent: 0,
            scale: 0,
            evidence: None,
        }
    }

    /// Whether the canonical value has a fractional part.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::number::{self, NumberRead};
    /// let NumberRead::Number(r) = number::read("12,50", &Default::default()) else { panic!() };
    /// assert!(!r.is_integer());
    /// ```
    pub fn is_integer(&self) -> bool {
        !self.value.contains('.')
    }

    /// The short, stable name of what was applied, as the verdict reports it
    /// (`"as_is"` when `input` was already canonical).
    pub fn rule(&self, input: &str) -> &'static str {
        if same_text(&self.value, input) {
            "as_is"
        } else if self.percent {
            "number_percent"
        } else if self.scale != 0 {
            "number_scaled"
        } else if self.currency.is_some() {
            "number_currency"
        } else if self.sign == Sign::Parentheses {
            "number_accounting"
        } else if self.sign == Sign::TrailingMinus {
            "number_trailing_minus"
        } else if self.exponent != 0 {
            "number_exponent"
        } else {
            "number_fr"
        }
    }

    /// Converts into a reading that owns its value.
    pub fn into_owned(self) -> NumberReading<'static> {
        NumberReading { value: Cow::Owned(self.value.into_owned()), ..self }
    }
}

/// Whether `value` is `input`: at once when it borrows `input` itself (the common
/// as-is case), by comparing the text otherwise.
pub(crate) fn same_text(value: &str, input: &str) -> bool {
    (std::ptr::eq(value.as_ptr(), input.as_ptr()) && value.len() == input.len()) || value == input
}

/// The outcome of [`read`]: a number, a null token, or why it is not one number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberRead<'a> {
    /// The value reads as one number.
    Number(NumberReading<'a>),
    /// A null token (empty, `NC`, `N/A`, …).
    Null,
    /// Not a number.
    Invalid {
        /// Why (`"malformed digit grouping"`).
        reason: Cow<'static, str>,
    },
    /// More than one reading; nothing was chosen.
    Ambiguous {
        /// Why (`"leading zeros: a code, not a number?"`).
        reason: Cow<'static, str>,
        /// The canonical values it could stand for, most likely first.
        candidates: Vec<String>,
        /// How the value reads with the first candidate.
        first: Box<NumberReading<'static>>,
    },
}

impl<'a> NumberRead<'a> {
    /// The thin verdict layer: `Valid` with the reading's rule, or the same status.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::number;
    /// let v = number::read("3 250,75-", &Default::default()).into_verdict("3 250,75-");
    /// assert_eq!(v.value(), Some("-3250.75"));
    /// assert_eq!(v.rule(), Some("number_trailing_minus"));
    /// ```
    pub fn into_verdict(self, input: &str) -> Verdict<'a> {
        match self {
            NumberRead::Number(r) => {
                let rule = r.rule(input);
                Verdict::Valid { value: r.value, rule }
            }
            NumberRead::Null => Verdict::Null,
            NumberRead::Invalid { reason } => Verdict::Invalid { reason },
            NumberRead::Ambiguous { reason, candidates, .. } => {
                Verdict::Ambiguous { reason, candidates }
            }
        }
    }
}

/// Reads a number into a typed [`NumberReading`], settling `1.234`-like ambiguities
/// with `convention`.
///
/// An integer written with leading zeros (`00016`, `02`, `0108`) is a code more often
/// than a number: it is [`NumberRead::Ambiguous`] ("leading zeros: a code, not a
/// number?") with the number as candidate, so that a table cleaner leaves it as written
/// and flags it. `0`, `0,5` and `0.25` are numbers.
///
/// # Example
///
/// ```
/// use dq_clean::number::{self, NumberRead, Sign};
///
/// let NumberRead::Number(r) = number::read("(1 234)", &Default::default()) else { panic!() };
/// assert_eq!((r.value.as_ref(), r.sign), ("-1234", Sign::Parentheses));
/// assert!(matches!(number::read("00016", &Default::default()), NumberRead::Ambiguous { .. }));
/// ```
pub fn read<'a>(input: &'a str, convention: &NumberConvention) -> NumberRead<'a> {
    if is_canonical(input) && !plain_ambiguous(input) {
        let mut r = NumberReading::plain(Cow::Borrowed(input));
        if input.contains('.') {
            r.decimal = Some(DecimalSeparator::Point);
            r.evidence = Some(DecimalSeparator::Point);
        }
        if input.starts_with('-') {
            r.sign = Sign::Minus;
        }
        return NumberRead::Number(r);
    }
    if let Some(fast) = french_fast(input) {
        return NumberRead::Number(fast);
    }
    analyze_general(input, convention)
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
/// assert_eq!(number::parse("00016").status(), "ambiguous");
/// ```
pub fn parse(input: &str) -> Verdict<'_> {
    parse_with(input, &NumberConvention::default())
}

/// Parses a number, settling `1.234`-like ambiguities with `convention`: the verdict
/// layer over [`read`].
///
/// # Example
///
/// ```
/// use dq_clean::number::{self, DecimalSeparator, NumberConvention};
/// let comma = NumberConvention::new(DecimalSeparator::Comma);
/// assert_eq!(number::parse_with("1,234", &comma).value(), Some("1.234"));
/// ```
pub fn parse_with<'a>(input: &'a str, convention: &NumberConvention) -> Verdict<'a> {
    // A canonical value gives its verdict without the reading around it (the same
    // answer: `fast_path_borrows` checks it).
    if is_canonical(input) && !plain_ambiguous(input) {
        return Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" };
    }
    if let Some(r) = french_fast(input) {
        return Verdict::Valid { value: r.value, rule: "number_fr" };
    }
    read(input, convention).into_verdict(input)
}

/// What a value says about the column's decimal separator, for column inference.
pub(crate) fn evidence(input: &str) -> Option<DecimalSeparator> {
    match read(input, &NumberConvention::default()) {
        NumberRead::Number(r) => r.evidence,
        NumberRead::Ambiguous { first, .. } => first.evidence,
        _ => None,
    }
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
    Apostrophe,
}

impl Sep {
    /// Whether the separator only groups digits (never a decimal separator).
    fn groups_only(self) -> bool {
        matches!(self, Sep::Space | Sep::Apostrophe)
    }

    fn as_decimal(self) -> Option<DecimalSeparator> {
        match self {
            Sep::Point => Some(DecimalSeparator::Point),
            Sep::Comma => Some(DecimalSeparator::Comma),
            _ => None,
        }
    }

    fn as_grouping(self) -> Grouping {
        match self {
            Sep::Space => Grouping::Space,
            Sep::Point => Grouping::Point,
            Sep::Comma => Grouping::Comma,
            Sep::Apostrophe => Grouping::Apostrophe,
        }
    }
}

fn sep_of(c: char) -> Option<Sep> {
    match c {
        '.' => Some(Sep::Point),
        ',' => Some(Sep::Comma),
        '\'' | '\u{2019}' => Some(Sep::Apostrophe),
        c if is_space(c) => Some(Sep::Space),
        _ => None,
    }
}

fn invalid(reason: &'static str) -> NumberRead<'static> {
    NumberRead::Invalid { reason: Cow::Borrowed(reason) }
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
    currency: Option<Currency>,
    tax: Option<Tax>,
    sign: Sign,
    /// A power of ten written as a scale suffix (`k€` → 3), and whether the suffix
    /// says it plainly (`million`, `Md€`) or may be a column unit (`k€`, `M€`).
    scale: Option<(i32, bool)>,
    signs: u8,
}

/// Currencies, written before or after the number.
const CURRENCIES: &[(&str, Currency)] = &[
    ("€", Currency::Euro),
    ("euros", Currency::Euro),
    ("euro", Currency::Euro),
    ("EUR", Currency::Euro),
    ("$", Currency::Dollar),
    ("USD", Currency::Dollar),
    ("£", Currency::Pound),
    ("GBP", Currency::Pound),
    ("CHF", Currency::SwissFranc),
];

/// Scale suffixes: power of ten, explicit. `k€` and `M€` are also written for a
/// column's unit (`montant (k€)`), and `M` is a thousand in old accounting: ambiguous.
/// Words and `Md€` (milliard) say the multiplier plainly.
const SCALES: &[(&str, i32, bool)] = &[
    ("k€", 3, false),
    ("keur", 3, false),
    ("k", 3, false),
    ("m€", 6, false),
    ("meur", 6, false),
    ("md€", 9, true),
    ("mds€", 9, true),
    ("mds", 9, true),
    ("md", 9, true),
    ("milliards", 9, true),
    ("milliard", 9, true),
    ("millions", 6, true),
    ("million", 6, true),
];

/// Tax mentions after an amount.
const TAXES: &[(&str, Tax)] = &[
    ("ttc", Tax::Included),
    ("t.t.c.", Tax::Included),
    ("t.t.c", Tax::Included),
    ("ht", Tax::Excluded),
    ("h.t.", Tax::Excluded),
    ("h.t", Tax::Excluded),
];

/// Peels signs, parentheses, currencies, tax mentions, percentages and scales off both
/// ends.
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
        // `89,90 € TTC`: a tax mention after a space, a currency or a digit.
        if let Some((r, t)) = TAXES.iter().find_map(|(suf, t)| {
            strip_suffix_ci(s, suf)
                .filter(|r| r.ends_with(|c: char| is_space(c) || c.is_ascii_digit() || c == '€'))
                .map(|r| (r, *t))
        }) {
            if a.tax.is_some() || a.currency.is_some() || a.percent {
                return s;
            }
            a.tax = Some(t);
            s = r;
            continue;
        }
        if let Some((r, p, explicit)) =
            SCALES.iter().find_map(|(suf, p, e)| strip_suffix_ci(s, suf).map(|r| (r, *p, *e)))
        {
            if a.scale.is_some() || (a.currency.is_some() && suffix_has_euro(s)) {
                return s;
            }
            if suffix_has_euro(s) {
                a.currency = Some(Currency::Euro);
            }
            a.scale = Some((p, explicit));
            s = r;
            continue;
        }
        if let Some((r, c)) =
            CURRENCIES.iter().find_map(|(sym, c)| strip_suffix_ci(s, sym).map(|r| (r, *c)))
        {
            if a.currency.is_some() || a.scale.is_some() {
                return s;
            }
            a.currency = Some(c);
            s = r;
            continue;
        }
        if let Some((r, c)) =
            CURRENCIES.iter().find_map(|(sym, c)| strip_prefix_ci(s, sym).map(|r| (r, *c)))
        {
            if a.currency.is_some() {
                return s;
            }
            a.currency = Some(c);
            s = r;
            continue;
        }
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            if a.accounting || a.signs > 0 {
                return s;
            }
            a.accounting = true;
            a.sign = Sign::Parentheses;
            a.negative = !a.negative;
            s = inner;
            continue;
        }
        if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
            if a.signs > 0 {
                return s;
            }
            a.signs += 1;
            if !a.accounting {
                a.sign = Sign::Minus;
            }
            a.negative = !a.negative;
            s = r;
            continue;
        }
        if let Some(r) = s.strip_prefix('+') {
            if a.signs > 0 {
                return s;
            }
            a.signs += 1;
            if !a.accounting {
                a.sign = Sign::Plus;
            }
            s = r;
            continue;
        }
        // `3 250,75-`: accounting exports put the minus last.
        if let Some(r) = s.strip_suffix('-').or_else(|| s.strip_suffix('\u{2212}')) {
            if a.signs > 0 || a.accounting || !r.ends_with(|c: char| c.is_ascii_digit()) {
                return s;
            }
            a.signs += 1;
            a.sign = Sign::TrailingMinus;
            a.negative = !a.negative;
            s = r;
            continue;
        }
        return s;
    }
}

/// Whether `s` ends with a scale suffix that names the euro (`k€`, `Meur`).
fn suffix_has_euro(s: &str) -> bool {
    s.ends_with('€') || strip_suffix_ci(s, "eur").is_some()
}

/// The parsed digits: integer digits, fractional digits.
struct Digits {
    int: String,
    frac: String,
}

/// Reads `1 234 567,89` and its kin in one pass over the bytes: an optional `-`,
/// digits grouped by threes with a space, NBSP, narrow NBSP or thin space, an optional
/// decimal comma. `None` sends everything else (and the cases that depend on the
/// convention, like `1,234`) to [`analyze_general`], which gives the same reading for
/// the values read here (a test checks it).
fn french_fast(input: &str) -> Option<NumberReading<'static>> {
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
    let mut r = NumberReading::plain(Cow::Owned(out));
    r.decimal = comma.then_some(DecimalSeparator::Comma);
    r.evidence = r.decimal;
    r.grouping = (spaces > 0).then_some(Grouping::Space);
    if negative {
        r.sign = Sign::Minus;
    }
    Some(r)
}

/// The general reader: affixes, exponents, every grouping, the convention.
fn analyze_general<'a>(input: &'a str, convention: &NumberConvention) -> NumberRead<'a> {
    if is_null_token(input) {
        return NumberRead::Null;
    }
    let mut a = Affixes::default();
    let core = peel(input, &mut a);
    // Split off an exponent.
    let (mantissa, exp) = match core.find(['e', 'E']) {
        Some(p) => {
            let (m, e) = core.split_at_checked(p).unwrap_or((core, ""));
            let e = e.get(1..).unwrap_or("");
            // `1991 entrée`, `12 euros`: a letter `e` that starts a word, not an exponent.
            let after_digit = m.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
            if !after_digit || !e.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
            {
                return invalid("not a number");
            }
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return invalid("malformed exponent");
            }
            let n: i32 = digits.parse().unwrap_or(0);
            (m, if e.starts_with('-') { -n } else { n })
        }
        None => (core, 0),
    };
    if mantissa.is_empty() {
        return invalid("no digits");
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
            return invalid("not a number");
        };
        groups.push(mantissa.get(start..i).unwrap_or(""));
        seps.push(sep);
        start = i + c.len_utf8();
    }
    groups.push(mantissa.get(start..).unwrap_or(""));
    let (explicit_scale, unit_scale) = match a.scale {
        Some((p, true)) => (p, None),
        Some((p, false)) => (0, Some(p)),
        None => (0, None),
    };
    let reading = |value: String, split: &Split, scale: i32| NumberReading {
        value: Cow::Owned(value),
        decimal: split.decimal,
        grouping: split.grouping,
        currency: a.currency,
        tax: a.tax,
        percent: a.percent,
        sign: a.sign,
        exponent: exp,
        scale,
        evidence: split.evidence,
    };
    let split = match split_decimal(&groups, &seps, convention) {
        Ok(x) => x,
        Err(SplitError::Invalid(reason)) => return invalid(reason),
        Err(SplitError::Ambiguous { sep, int, frac }) => {
            // Candidates with the sign, exponent and scale applied: decimal first, then
            // grouped.
            let e = exp.saturating_add(explicit_scale);
            let grouped = format!("{int}{frac}");
            let decimal = canonical(&int, &frac, e, a.negative);
            let candidates: Vec<String> = [decimal.clone(), canonical(&grouped, "", e, a.negative)]
                .into_iter()
                .flatten()
                .collect();
            let Some(decimal) = decimal else {
                // Found by fuzzing: `00,000E2050` had no candidate left.
                return invalid("exponent too large");
            };
            let c = if sep == Sep::Comma { ',' } else { '.' };
            let as_decimal = Split {
                digits: Digits { int, frac },
                decimal: sep.as_decimal(),
                grouping: None,
                evidence: None,
            };
            return NumberRead::Ambiguous {
                reason: Cow::Owned(format!(
                    "'{c}' may be a decimal separator or a thousands separator"
                )),
                candidates,
                first: Box::new(reading(decimal, &as_decimal, explicit_scale)),
            };
        }
    };
    let digits = &split.digits;
    let Some(value) =
        canonical(&digits.int, &digits.frac, exp.saturating_add(explicit_scale), a.negative)
    else {
        return invalid("exponent too large");
    };
    let leading_zeros = digits.frac.is_empty()
        && exp == 0
        && explicit_scale == 0
        && digits.int.len() > 1
        && digits.int.starts_with('0');
    if leading_zeros {
        return NumberRead::Ambiguous {
            reason: Cow::Borrowed("leading zeros: a code, not a number?"),
            candidates: vec![value.clone()],
            first: Box::new(reading(value, &split, 0)),
        };
    }
    if let Some(p) = unit_scale {
        let scaled = canonical(&digits.int, &digits.frac, exp.saturating_add(p), a.negative);
        let mut candidates = vec![value.clone()];
        candidates.extend(scaled);
        return NumberRead::Ambiguous {
            reason: Cow::Borrowed("scale suffix (k€, M€): value with or without the multiplier"),
            candidates,
            first: Box::new(reading(value, &split, 0)),
        };
    }
    let mut r = reading(value, &split, explicit_scale);
    if r.value == input {
        r.value = Cow::Borrowed(input);
    }
    NumberRead::Number(r)
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

/// How the digit groups of a mantissa were read.
struct Split {
    digits: Digits,
    decimal: Option<DecimalSeparator>,
    grouping: Option<Grouping>,
    evidence: Option<DecimalSeparator>,
}

enum SplitError {
    Invalid(&'static str),
    /// `1.234`: a decimal or a grouped integer; `int` and `frac` are the two groups.
    Ambiguous {
        sep: Sep,
        int: String,
        frac: String,
    },
}

fn split_decimal(
    groups: &[&str],
    seps: &[Sep],
    convention: &NumberConvention,
) -> Result<Split, SplitError> {
    let Some((&last_sep, inner_seps)) = seps.split_last() else {
        let int = groups.concat();
        if int.is_empty() {
            return Err(SplitError::Invalid("no digits"));
        }
        return Ok(Split {
            digits: Digits { int, frac: String::new() },
            decimal: None,
            grouping: None,
            evidence: None,
        });
    };
    // `45,`, `1 234,`: a trailing decimal separator with no decimals.
    if let (Some((&"", inner_groups)), Some(dec)) = (groups.split_last(), last_sep.as_decimal()) {
        if inner_seps.contains(&last_sep) || inner_groups.iter().any(|g| g.is_empty()) {
            return Err(SplitError::Invalid("misplaced separator"));
        }
        let grouping = match inner_seps.split_first() {
            Some((&g, rest)) => {
                if rest.iter().any(|&s| s != g) || !valid_grouping(inner_groups) {
                    return Err(SplitError::Invalid("malformed digit grouping"));
                }
                Some(g.as_grouping())
            }
            None => None,
        };
        let int = inner_groups.concat();
        if int.is_empty() {
            return Err(SplitError::Invalid("no digits"));
        }
        return Ok(Split {
            digits: Digits { int, frac: String::new() },
            decimal: Some(dec),
            grouping,
            evidence: Some(dec),
        });
    }
    if groups
        .iter()
        .enumerate()
        .any(|(i, g)| g.is_empty() && !(i == 0 && !last_sep.groups_only() && seps.len() == 1))
    {
        return Err(SplitError::Invalid("misplaced separator"));
    }
    let points = seps.iter().filter(|s| **s == Sep::Point).count();
    let commas = seps.iter().filter(|s| **s == Sep::Comma).count();
    let spaces = seps.iter().filter(|s| **s == Sep::Space).count();
    let apostrophes = seps.iter().filter(|s| **s == Sep::Apostrophe).count();
    if spaces > 0 && apostrophes > 0 {
        return Err(SplitError::Invalid("mixed separators"));
    }
    let marks = spaces + apostrophes;
    let mark = if apostrophes > 0 { Grouping::Apostrophe } else { Grouping::Space };
    let (int_groups, frac_group) = groups.split_at(groups.len().saturating_sub(1));
    let frac = frac_group.first().copied().unwrap_or("");
    let as_decimal = |sep: Sep, grouping: Option<Grouping>, evidence: bool| {
        if int_groups.len() > 1 && !valid_grouping(int_groups) {
            return Err(SplitError::Invalid("malformed digit grouping"));
        }
        let decimal = sep.as_decimal();
        Ok(Split {
            digits: Digits { int: int_groups.concat(), frac: frac.to_owned() },
            decimal,
            grouping: if int_groups.len() > 1 { grouping } else { None },
            evidence: if evidence { decimal } else { None },
        })
    };
    let as_grouped = |grouping: Option<Grouping>, evidence: Option<DecimalSeparator>| {
        if !valid_grouping(groups) {
            return Err(SplitError::Invalid("malformed digit grouping"));
        }
        Ok(Split {
            digits: Digits { int: groups.concat(), frac: String::new() },
            decimal: None,
            grouping,
            evidence,
        })
    };
    match (points, commas, marks) {
        (0, 0, _) => as_grouped(Some(mark), None),
        (p, c, _) if p > 0 && c > 0 => {
            // The last punctuation is the decimal separator; it appears once.
            let (dec_count, group) = match last_sep {
                Sep::Point => (p, Grouping::Comma),
                Sep::Comma => (c, Grouping::Point),
                _ => return Err(SplitError::Invalid("mixed separators")),
            };
            if dec_count != 1 || marks > 0 {
                return Err(SplitError::Invalid("mixed separators"));
            }
            as_decimal(last_sep, Some(group), true)
        }
        (_, _, s) if s > 0 => {
            // Spaces or apostrophes group; the punctuation is the decimal separator,
            // once, last.
            if last_sep.groups_only() || points + commas != 1 {
                return Err(SplitError::Invalid("malformed digit grouping"));
            }
            as_decimal(last_sep, Some(mark), true)
        }
        (n, 0, 0) | (0, n, 0) => {
            let sep = last_sep;
            if n > 1 {
                let ev = match sep {
                    Sep::Point => Some(DecimalSeparator::Comma),
                    _ => Some(DecimalSeparator::Point),
                };
                return as_grouped(Some(sep.as_grouping()), ev);
            }
            let int = int_groups.first().copied().unwrap_or("");
            let could_group = frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0";
            if !could_group {
                return as_decimal(sep, None, true);
            }
            match (convention.decimal, sep.as_decimal()) {
                (Some(d), Some(s)) if d == s => as_decimal(sep, None, false),
                (Some(_), _) => as_grouped(Some(sep.as_grouping()), None),
                (None, _) => {
                    Err(SplitError::Ambiguous { sep, int: int.to_owned(), frac: frac.to_owned() })
                }
            }
        }
        _ => Err(SplitError::Invalid("malformed digit grouping")),
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
        check("007", "ambiguous");
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
    fn leading_zeros_are_codes() {
        // Issue #11: a leading-zero integer is never rewritten; the number is a candidate.
        for (input, candidate) in
            [("00016", "16"), ("02", "2"), ("0108", "108"), ("00", "0"), ("-007", "-7")]
        {
            match parse(input) {
                Verdict::Ambiguous { reason, candidates } => {
                    assert!(reason.contains("leading zeros"), "{input:?}: {reason}");
                    assert_eq!(candidates, [candidate], "{input:?}");
                }
                other => panic!("{input:?}: {other:?}"),
            }
        }
        check("0", "0");
        check("0,5", "0.5");
        check("0.25", "0.25");
        check("0,00", "0.00");
        check("10", "10");
        check("1 000", "1000");
    }

    #[test]
    fn forms_written_by_others() {
        // A trailing separator.
        check("45,", "45");
        check("45.", "45");
        check("1 234,", "1234");
        check("1.234,", "1234");
        check("45,5,", "invalid");
        check(",", "invalid");
        // Currencies and tax mentions.
        check("89,90 € TTC", "89.90");
        check("89,90 €TTC", "89.90");
        check("1 200 € HT", "1200");
        check("1 200 EUR H.T.", "1200");
        check("100 HT", "100");
        check("$1,234.56", "1234.56");
        check("1 234,56 $", "1234.56");
        check("£12.50", "12.50");
        check("CHF 1'250.50", "1250.50");
        check("USD 12", "12");
        check("TTC", "invalid");
        check("12 TTC €", "invalid");
        // Trailing minus.
        check("3 250,75-", "-3250.75");
        check("12-", "-12");
        check("-12-", "invalid");
        check("(12)-", "invalid");
        // Apostrophe grouping.
        check("2'500.00", "2500.00");
        check("2\u{2019}500,00", "2500.00");
        check("1'234'567", "1234567");
        check("12'34", "invalid");
        check("1'234 567", "invalid");
        // Explicit scale words.
        check("1,2 million", "1200000");
        check("3 millions", "3000000");
        check("3 Md€", "3000000000");
        check("2,5 milliards €", "2500000000");
        check("1,5 Mds", "1500000000");
        check("1 234,56 k€", "ambiguous");
        check("12 M€", "ambiguous");
        check("1,5 k", "ambiguous");
        check("100 euros", "100");
        check("1 euro", "1");
        check("1.234 million", "ambiguous");
    }

    #[test]
    fn readings() {
        let NumberRead::Number(r) = read("-1.234.567,5 € HT", &NumberConvention::default())
        else {
            panic!()
        };
        assert_eq!(r.value, "-1234567.5");
        assert_eq!(r.decimal, Some(DecimalSeparator::Comma));
        assert_eq!(r.grouping, Some(Grouping::Point));
        assert_eq!(r.currency, Some(Currency::Euro));
        assert_eq!(r.tax, Some(Tax::Excluded));
        assert_eq!(r.sign, Sign::Minus);
        assert_eq!(r.rule("-1.234.567,5 € HT"), "number_currency");
        let NumberRead::Number(r) = read("1,2 million", &NumberConvention::default()) else {
            panic!()
        };
        assert_eq!(
            (r.value.as_ref(), r.scale, r.decimal),
            ("1200000", 6, Some(DecimalSeparator::Comma))
        );
        assert_eq!(r.rule("1,2 million"), "number_scaled");
        let NumberRead::Number(r) = read("2'500", &NumberConvention::default()) else { panic!() };
        assert_eq!((r.grouping, r.decimal), (Some(Grouping::Apostrophe), None));
        match read("1,234 €", &NumberConvention::default()) {
            NumberRead::Ambiguous { candidates, first, .. } => {
                assert_eq!(candidates, ["1.234", "1234"]);
                assert_eq!(first.value, "1.234");
                assert_eq!(first.currency, Some(Currency::Euro));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(read("NC", &NumberConvention::default()), NumberRead::Null));
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
                let fast = french_fast(s).map(NumberRead::Number);
                assert_eq!(fast, Some(analyze_general(s, c)), "{s:?} {c:?}");
            }
            for s in others {
                if let Some(fast) = french_fast(s) {
                    assert_eq!(NumberRead::Number(fast), analyze_general(s, c), "{s:?} {c:?}");
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
                    proptest::prop_assert_eq!(NumberRead::Number(fast), analyze_general(&s, &c), "{:?}", c);
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
    fn a_word_starting_with_e_is_not_an_exponent() {
        // `1991 entrée matérielle` in a year column (Joconde): text, not a bad exponent.
        for s in ["1991 entrée matérielle", "12 euros et plus", "3e étage", "1e"] {
            let reason = match parse(s) {
                Verdict::Invalid { reason } => reason,
                other => panic!("{s:?}: {other:?}"),
            };
            assert_eq!(reason, "not a number", "{s:?}");
        }
        for s in ["1e+", "1,5E+", "2e99999"] {
            assert_eq!(parse(s).status(), "invalid", "{s:?}");
        }
        assert!(
            matches!(parse("1e+"), Verdict::Invalid { reason } if reason == "malformed exponent")
        );
        check("1,5E+3", "1500");
    }

    #[test]
    fn fast_path_borrows() {
        for s in ["0", "-12", "1234.56", "0.5", "12.50", "1 234,5", "-12,5", "1\u{202f}234"] {
            let reading = read(s, &NumberConvention::default()).into_verdict(s);
            assert_eq!(parse(s), reading, "{s:?}");
        }
        assert!(matches!(
            parse("1234.56"),
            Verdict::Valid { value: Cow::Borrowed(_), rule: "as_is" }
        ));
        assert_eq!(kind_of("12"), Some(NumberKind::Integer));
    }
}
