//! Property tests of the number and date parsers: no panic, idempotence, and valid
//! outputs re-parse to themselves, and already-canonical values are returned borrowed
//! (the fast path allocates nothing).

use std::borrow::Cow;

use dq_clean::{date, number, Verdict};
use proptest::prelude::*;

fn fixed_point(
    v: &Verdict<'_>,
    again: impl Fn(&str) -> Option<String>,
) -> Result<(), TestCaseError> {
    if let Verdict::Valid { value, .. } = v {
        let again = again(value);
        prop_assert_eq!(again.as_deref(), Some(value.as_ref()));
    }
    Ok(())
}

fn french_number() -> impl Strategy<Value = String> {
    "[-+(−€]{0,2}[0-9]{1,3}([  .,][0-9]{3}){0,3}([,.][0-9]{1,4})?(E[+-]?[0-9])?[ )%€]{0,3}"
}

fn french_date() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-3]?[0-9][/.-][01]?[0-9][/.-](19|20)?[0-9]{2}( [0-2][0-9](:|h)[0-5][0-9])?",
        "(lundi |mardi )?(1er|[0-3]?[0-9]) (janv\\.|févr\\.|mars|avril|MAI|août|déc\\.) (19|20)[0-9]{2}",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9](T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](Z|\\+01:00)?)?",
        "[0-9]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn prop_number_never_panics(s in ".{0,24}") {
        let _ = number::parse(&s);
    }

    #[test]
    fn prop_number_idempotent(s in french_number()) {
        let v = number::parse(&s);
        // Outputs are written with a decimal point: they re-parse to themselves under the
        // point convention (with no convention, `1.234` stays ambiguous, first candidate itself).
        let point = number::NumberConvention::new(number::DecimalSeparator::Point);
        fixed_point(&v, |x| number::parse_with(x, &point).value().map(str::to_owned))?;
        if let Verdict::Valid { value, .. } = &v {
            match number::parse(value) {
                Verdict::Valid { value: again, .. } => prop_assert_eq!(again.as_ref(), value.as_ref()),
                Verdict::Ambiguous { candidates, .. } => prop_assert_eq!(candidates.first().map(String::as_str), Some(value.as_ref())),
                other => prop_assert!(false, "{:?} re-parses to {:?}", value, other),
            }
        }
        if let Verdict::Valid { value, .. } = &v {
            prop_assert!(number::kind_of(value).is_some(), "{} not canonical", value);
        }
    }

    #[test]
    fn prop_date_never_panics(s in ".{0,32}") {
        let _ = date::parse_date(&s);
        let _ = date::parse_datetime(&s);
    }

    #[test]
    fn prop_date_idempotent(s in french_date()) {
        fixed_point(&date::parse_date(&s), |x| date::parse_date(x).value().map(str::to_owned))?;
        fixed_point(&date::parse_datetime(&s), |x| date::parse_datetime(x).value().map(str::to_owned))?;
    }

    #[test]
    fn prop_canonical_number_borrows(s in "-?(0|[1-9][0-9]{0,12})(\\.[0-9]{1,4})?") {
        // `1.234` stays ambiguous without a convention; with one, it borrows too.
        let point = number::NumberConvention::new(number::DecimalSeparator::Point);
        let borrowed = matches!(
            number::parse_with(&s, &point),
            Verdict::Valid { value: Cow::Borrowed(_), rule: "as_is" }
        );
        // Negative zero (`-0`, `-0.00`) is not canonical: it is written without the sign.
        let negative_zero = s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty();
        prop_assert!(borrowed || negative_zero, "{:?}", s);
    }

    #[test]
    fn prop_iso_date_borrows(y in 1000i64..=9999, m in 1u32..=12, d in 1u32..=28) {
        let s = format!("{y:04}-{m:02}-{d:02}");
        for v in [date::parse_date(&s), date::parse_datetime(&s)] {
            let borrowed = matches!(v, Verdict::Valid { value: Cow::Borrowed(_), rule: "as_is" });
            prop_assert!(borrowed, "{:?}", s);
        }
    }
}

/// Writes the integer `int` with grouping `sep` every three digits.
fn grouped(int: u64, sep: &str) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    /// Issue #14: a number in the forms of other people's tables (apostrophe or space
    /// grouping, a trailing minus or a leading sign, a currency and a tax mention) reads as
    /// the decimal it was written for, and that canonical value reads back to itself.
    #[test]
    fn prop_number_forms_read_the_written_decimal(
        int in 0u64..10_000_000_000,
        frac in "[0-9]{2}",
        sep in prop_oneof![Just(" "), Just("\u{a0}"), Just("'"), Just("\u{2019}")],
        sign in prop_oneof![Just(""), Just("-"), Just("trailing")],
        affix in prop_oneof![Just(""), Just(" €"), Just(" € TTC"), Just(" EUR HT"), Just(" CHF")],
    ) {
        let body = format!("{},{frac}", grouped(int, sep));
        let input = match sign {
            "-" => format!("-{body}{affix}"),
            "trailing" => format!("{body}-{affix}"),
            _ => format!("{body}{affix}"),
        };
        let zero = int == 0 && frac == "00";
        let negative = !sign.is_empty() && !zero;
        let expected = format!("{}{int}.{frac}", if negative { "-" } else { "" });
        let v = number::parse(&input);
        prop_assert_eq!(v.value(), Some(expected.as_str()), "{:?}", input);
        let again = number::parse(&expected);
        prop_assert_eq!(again.value(), Some(expected.as_str()));
    }

    /// Issue #11: an integer written with leading zeros is never rewritten.
    #[test]
    fn prop_leading_zeros_never_rewritten(s in "0[0-9]{1,9}") {
        prop_assert_eq!(number::parse(&s).status(), "ambiguous");
    }

    /// Issue #14: a two-digit year is never completed without a pivot, and always with one.
    #[test]
    fn prop_two_digit_years_need_a_pivot(d in 1u32..=28, m in 1u32..=12, y in 0u32..=99, sep in "[/.-]") {
        let s = format!("{d:02}{sep}{m:02}{sep}{y:02}");
        prop_assert_eq!(date::parse_date(&s).status(), "ambiguous");
        let mut c = date::DateConvention::default();
        c.two_digit_year(date::TwoDigitYear::Pivot(50));
        let century = if y < 50 { 2000 } else { 1900 };
        let expected = format!("{:04}-{m:02}-{d:02}", century + y);
        let v = date::parse_date_with(&s, &c);
        prop_assert_eq!(v.value(), Some(expected.as_str()));
    }
}
