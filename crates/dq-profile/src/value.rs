//! Value reading for type inference, through dq-clean: null tokens
//! (`dq_clean::null::Nulls`), French numbers (`dq_clean::number::read`) and dates
//! (`dq_clean::date::read`). Both readers return typed readings (decimal separator,
//! grouping, currency; precision, zone, `strftime` pattern): this module maps them to
//! what profiling needs, and never matches a rule name or rescans the raw value.

use dq_clean::date::{self, DateAmbiguity, DateConvention, DateKind, DateRead, Precision};
use dq_clean::number::{self, DecimalSeparator, NumberConvention, NumberRead, Sign};
use dq_clean::Verdict;

/// The decimal convention of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decimal {
    /// No decimal part.
    None,
    /// `1 234,56`.
    Comma,
    /// `1234.56`.
    Point,
}

/// A parsed number: its value, whether integral, its decimal convention, whether it
/// used grouping and whether it carried a currency (`41 018 €`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    pub integral: bool,
    pub decimal: Decimal,
    pub grouped: bool,
    pub currency: bool,
}

/// A number read by dq-clean, value by value: plain (`1234`, `-12,5`, `1 234,56`,
/// `1234.56`) or an amount with a currency (`41 018 €`, `EUR 12,50`). A value whose
/// decimal separator is unambiguous in itself is read whatever its neighbours use, so a
/// column mixing `49072,09` and `42416.07` is still numbers. Percents and exponents are
/// not numbers here. An ambiguous `1.234` is read with its first candidate.
pub(crate) fn parse_number(s: &str) -> Option<Num> {
    if let Some(n) = parse_plain(s) {
        return Some(n);
    }
    parse_number_general(s)
}

/// [`parse_number`] through dq-clean's typed reading. Percentages, explicit scales
/// (`1,2 million`), and, without a currency, exponents and accounting signs are not
/// numbers here; an ambiguous value (`1.234`, `00016`, `12 k€`) is read with its first
/// candidate.
fn parse_number_general(s: &str) -> Option<Num> {
    if !may_be_number(s) {
        return None;
    }
    let read = number::read(s, &NumberConvention::default());
    let r = match &read {
        NumberRead::Number(r) => r,
        NumberRead::Ambiguous { first, .. } => first.as_ref(),
        _ => return None,
    };
    let plain_sign = !matches!(r.sign, Sign::Parentheses | Sign::TrailingMinus);
    if r.percent || r.scale != 0 || (r.currency.is_none() && (!plain_sign || r.exponent != 0)) {
        return None;
    }
    let value: f64 = r.value.parse().ok()?;
    let integral = r.is_integer();
    let decimal = match (integral, r.decimal) {
        (true, _) => Decimal::None,
        (false, Some(DecimalSeparator::Comma)) => Decimal::Comma,
        (false, _) => Decimal::Point,
    };
    Some(Num {
        value,
        integral,
        decimal,
        grouped: r.grouping.is_some(),
        currency: r.currency.is_some(),
    })
}

/// The two commonest shapes, read in one pass without allocating, with the result
/// dq-clean's reader gives them (a property test compares the two): a canonical number
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` (not `-0`, not the ambiguous `1.234`), and a French
/// one, `-?[1-9][0-9]{0,2}( [0-9]{3})+(,[0-9]+)?` or `-?[0-9]+,[0-9]+` (not `1,234`).
/// `None` leaves every other value to [`parse_number_general`].
fn parse_plain(s: &str) -> Option<Num> {
    let b = s.as_bytes();
    let neg = b.first() == Some(&b'-');
    let body = b.get(usize::from(neg)..)?;
    // Groups of digits split by single spaces, then `.` or `,` and the decimals.
    let mut buf = [0u8; 40];
    let mut n = 0usize;
    let mut put = |c: u8| -> Option<()> {
        *buf.get_mut(n)? = c;
        n += 1;
        Some(())
    };
    if neg {
        put(b'-')?;
    }
    let (mut i, mut spaces, mut first, mut int_len) = (0usize, 0usize, 0usize, 0usize);
    let sep = loop {
        let start = i;
        while let Some(&c) = body.get(i).filter(|c| c.is_ascii_digit()) {
            put(c)?;
            i += 1;
        }
        let group = i - start;
        if group == 0 || (spaces > 0 && group != 3) {
            return None;
        }
        if spaces == 0 {
            first = group;
        }
        int_len += group;
        match body.get(i) {
            Some(b' ') => {
                spaces += 1;
                i += 1;
            }
            Some(&c @ (b'.' | b',')) => break Some(c),
            None => break None,
            Some(_) => return None,
        }
    };
    let leading_zero = body.first() == Some(&b'0');
    if (spaces > 0 && first > 3) || (leading_zero && int_len > 1) {
        return None;
    }
    let frac = match sep {
        Some(c) => {
            let frac = body.get(i + 1..)?;
            if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) {
                return None;
            }
            // `1.234`, `1,234`: ambiguous; `1 234.5`: not a shape read here.
            let ambiguous = frac.len() == 3
                && spaces == 0
                && (c == b',' || (1..=3).contains(&first) && !leading_zero);
            if ambiguous || (c == b'.' && spaces > 0) {
                return None;
            }
            Some((c, frac))
        }
        None => None,
    };
    let zero = leading_zero && frac.map_or(true, |(_, f)| f.iter().all(|&d| d == b'0'));
    if neg && zero {
        // `-0`, `-0,00`: dq-clean writes them `0`.
        return None;
    }
    if let Some((_, f)) = frac {
        put(b'.')?;
        for &d in f {
            put(d)?;
        }
    }
    let text = std::str::from_utf8(buf.get(..n)?).ok()?;
    let value = match exact_decimal(text) {
        Some(v) => v,
        None => text.parse().ok()?,
    };
    let decimal = match frac {
        None => Decimal::None,
        Some((b',', _)) => Decimal::Comma,
        Some(_) => Decimal::Point,
    };
    Some(Num { value, integral: frac.is_none(), decimal, grouped: spaces > 0, currency: false })
}

/// `-?[0-9]+(\.[0-9]+)?` with at most 15 digits, read as `m / 10^k` from the integer
/// `m` of its digits: both are exact in an `f64`, so the quotient is correctly rounded,
/// the value `str::parse` gives (Clinger's fast path), without its general algorithm.
fn exact_decimal(text: &str) -> Option<f64> {
    const POW10: [f64; 16] =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let mut m: u64 = 0;
    let mut digits = 0usize;
    let mut scale: Option<usize> = None;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
                if let Some(k) = scale.as_mut() {
                    *k += 1;
                }
            }
            b'.' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
        if digits > 15 {
            return None;
        }
    }
    let v = m as f64 / POW10.get(scale.unwrap_or(0))?;
    Some(if neg { -v } else { v })
}

/// Whether dq-clean's number reader could accept `s`: an ASCII digit, and nothing but
/// digits, separators (`.`, `,`, spaces) and the affixes it peels (signs, parentheses,
/// `%`, currencies (`€`, `$`, `£`, `EUR`, `USD`, `GBP`, `CHF`), tax mentions (`HT`,
/// `TTC`), scales (`k€`, `Meur`, `Md€`…) in any case, an exponent `e`, apostrophe
/// grouping). A quick reject, so that text costs no allocation.
fn may_be_number(s: &str) -> bool {
    let mut digit = false;
    for c in s.chars() {
        match c {
            '0'..='9' => digit = true,
            '.' | ',' | '%' | '€' | '$' | '£' | '\'' | '\u{2019}' | '(' | ')' | '-' | '+'
            | '\u{2212}' | '\u{202f}' | '\u{2009}' | '\u{a0}' => {}
            'e' | 'E' | 'u' | 'U' | 'r' | 'R' | 'k' | 'K' | 'm' | 'M' | 'd' | 'D' | 's' | 'S'
            | 'g' | 'G' | 'b' | 'B' | 'p' | 'P' | 'c' | 'C' | 'h' | 'H' | 'f' | 'F' | 't' | 'T' => {
            }
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    digit
}

/// A date read by dq-clean: its ISO form and the `strftime` pattern it was written in
/// (`"other"` for dates with no fixed-width numeric pattern, like `1/2/2021` or
/// `12 mars 2021`). A two-digit year is a date here, read with its likelier century
/// (dq-clean flags it as ambiguous). Values that are plain 4-digit numbers (years) are
/// not dates.
pub(crate) fn parse_date(s: &str) -> Option<(String, &'static str)> {
    // Every date dq-clean reads has a year in digits.
    if s.len() <= 4 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let r = match date::read(s, DateKind::Date, &DateConvention::default()) {
        DateRead::Date(r) => r,
        DateRead::Ambiguous { why: DateAmbiguity::Century, first, .. } => *first,
        _ => return None,
    };
    (r.precision == Precision::Day).then(|| (r.value.into_owned(), r.pattern.unwrap_or("other")))
}

/// A date-time read by dq-clean (a date and a time of day are required): its ISO form
/// and whether it carries a zone (`Z`, `+02:00`, `GMT`).
pub(crate) fn parse_datetime(s: &str) -> Option<(String, bool)> {
    if !s.contains(':') || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    match date::read(s, DateKind::DateTime, &DateConvention::default()) {
        DateRead::Date(r) if r.precision == Precision::DateTime => {
            Some((r.value.into_owned(), r.zoned))
        }
        _ => None,
    }
}

/// A boolean read by dq-clean's normalizer (`oui`/`non`, `O`/`N`, `vrai`/`faux`,
/// `1`/`0`, `true`/`false`, `x`… in any case): its truth. `V` and `F` are ambiguous
/// there (they may be codes) and are not booleans here.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    // dq-clean reads no boolean longer than 8 bytes: skip its null check on text.
    if s.len() > 8 {
        return None;
    }
    match dq_clean::boolean::normalize(s) {
        Verdict::Valid { value, .. } => Some(value == "true"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<f64>) {
        assert_eq!(parse_number(input).map(|n| n.value), expected, "{input}");
    }

    proptest::proptest! {
        /// The one-pass reader agrees with dq-clean's wherever it answers.
        #[test]
        fn plain_numbers_read_as_dq_clean_reads_them(
            s in "-?[0-9]{0,7}( [0-9]{1,4}){0,2}([.,][0-9]{0,5})?|-?0[.,]0{1,3}|[0-9 .,-]{0,12}"
        ) {
            if let Some(fast) = parse_plain(&s) {
                proptest::prop_assert_eq!(Some(fast), parse_number_general(&s), "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        /// The integer-quotient reading equals `str::parse` wherever it answers.
        #[test]
        fn exact_decimals_equal_parse(s in "-?[0-9]{1,9}(\\.[0-9]{1,9})?") {
            if let Some(v) = exact_decimal(&s) {
                proptest::prop_assert_eq!(Some(v), s.parse::<f64>().ok(), "{}", s);
            }
        }
    }

    #[test]
    fn plain_shapes_take_the_one_pass_reader() {
        for s in [
            "22298297730529",
            "3368",
            "0",
            "-3.91025",
            "44.37696",
            "18 392,42",
            "12,5",
            "1 234",
            "-1 234 567,8",
            "0,5",
        ] {
            assert!(parse_plain(s).is_some(), "{s:?}");
            assert_eq!(parse_plain(s), parse_number_general(s), "{s:?}");
        }
        for s in [
            "1.234", "1,234", "01000", "-0", "-0,00", "1 234.5", "12 34", "1 234,", "+5", "1e5",
            "12 €",
        ] {
            assert!(parse_plain(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn numbers() {
        check("1 234,56", Some(1234.56));
        check("1234.56", Some(1234.56));
        check("-12", Some(-12.0));
        check("abc", None);
        check("", None);
        assert_eq!(parse_number("1 234,56").map(|n| n.decimal), Some(Decimal::Comma));
        assert_eq!(parse_number("48.8566").map(|n| n.decimal), Some(Decimal::Point));
    }

    #[test]
    fn mixed_conventions_read_value_by_value() {
        // (input, value, decimal, currency): the sample's `montant_subvention`.
        let table = [
            ("49072,09", 49072.09, Decimal::Comma, false),
            ("42416.07", 42416.07, Decimal::Point, false),
            ("1 469,98", 1469.98, Decimal::Comma, false),
            ("1\u{a0}469,98", 1469.98, Decimal::Comma, false),
            ("41 018 €", 41018.0, Decimal::None, true),
            ("12,50 EUR", 12.5, Decimal::Comma, true),
        ];
        for (input, value, decimal, currency) in table {
            let n = parse_number(input);
            assert_eq!(n.map(|n| n.value), Some(value), "{input}");
            assert_eq!(n.map(|n| n.decimal), Some(decimal), "{input}");
            assert_eq!(n.map(|n| n.currency), Some(currency), "{input}");
        }
        for input in ["n.d.", "N/A", "NC", "-", "12,5 %", "1 23,4"] {
            assert_eq!(parse_number(input), None, "{input}");
        }
    }

    #[test]
    fn typed_readings_of_other_forms() {
        // (input, value, decimal, grouped, currency)
        let table = [
            ("89,90 € TTC", 89.9, Decimal::Comma, false, true),
            ("$1,234.56", 1234.56, Decimal::Point, true, true),
            ("2'500.00", 2500.0, Decimal::Point, true, false),
            ("EUR 12,50", 12.5, Decimal::Comma, false, true),
            ("45,", 45.0, Decimal::None, false, false),
            ("00016", 16.0, Decimal::None, false, false),
        ];
        for (input, value, decimal, grouped, currency) in table {
            let n = parse_number(input);
            assert_eq!(
                n.map(|n| (n.value, n.decimal, n.grouped, n.currency)),
                Some((value, decimal, grouped, currency)),
                "{input}"
            );
        }
        for input in ["1,2 million", "3 250,75-", "(1 234)", "1,5E+3", "12 %"] {
            assert_eq!(parse_number(input), None, "{input}");
        }
        assert_eq!(parse_date("12-03-21"), Some(("2021-03-12".to_owned(), "%d-%m-%y")));
        assert_eq!(parse_date("12/03/54").map(|d| d.1), Some("%d/%m/%y"));
        assert_eq!(parse_date("1/2/2021").map(|d| d.1), Some("other"));
        assert_eq!(parse_date("12 mars 2021").map(|d| d.1), Some("other"));
        assert_eq!(parse_date("03/25/2021"), None);
        assert_eq!(parse_date("12/03/2021 10:00"), None);
        assert_eq!(
            parse_datetime("Tue, 04 Feb 2020 10:00:00 GMT"),
            Some(("2020-02-04T10:00:00Z".to_owned(), true))
        );
    }

    #[test]
    fn booleans() {
        for (input, expected) in [
            ("Oui", Some(true)),
            ("oui", Some(true)),
            ("O", Some(true)),
            ("1", Some(true)),
            ("vrai", Some(true)),
            ("non", Some(false)),
            ("N", Some(false)),
            ("0", Some(false)),
            ("FAUX", Some(false)),
            ("F", None),
            ("peut-être", None),
            ("75001", None),
        ] {
            assert_eq!(parse_bool(input), expected, "{input}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("14/07/1789").map(|d| d.1), Some("%d/%m/%Y"));
        assert_eq!(parse_date("2024-02-29").map(|d| d.1), Some("%Y-%m-%d"));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023"), None);
        assert_eq!(parse_datetime("2024-01-02T10:30:00Z").map(|d| d.1), Some(true));
        assert_eq!(parse_datetime("2024-01-02 10:30").map(|d| d.1), Some(false));
        assert_eq!(parse_datetime("2024-01-02"), None);
    }
}
