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
