//! Property tests of the text normalizers: never panic, idempotent, `Valid` output
//! re-parses to itself, clean input borrowed.

use std::borrow::Cow;

use dq_clean::{
    boolean, email, fold, null, phone, title, unicode, url, whitespace, Normalizer, Verdict,
};
use proptest::prelude::*;

fn all() -> Vec<Box<dyn Normalizer>> {
    vec![
        Box::new(whitespace::Whitespace),
        Box::new(unicode::Unicode::default()),
        Box::new(unicode::Unicode::apostrophes()),
        Box::new(fold::Fold::default()),
        Box::new(fold::Fold::new(fold::Case::Upper)),
        Box::new(title::TitleCase::default()),
        Box::new(null::Nulls::default()),
        Box::new(boolean::Bool),
        Box::new(phone::Phone),
        Box::new(email::Email),
        Box::new(url::Url),
    ]
}

/// French-looking text: letters with accents, typographic signs, odd spaces, digits.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9éèêàçôÉÈŒœæß’‘«»“”–—\u{a0}\u{202f}\u{200b}\u{301}'@.:/+()-]{0,30}",
        "(\\+33|0033|0)?[ .]?[1-9]([ .-]?[0-9]{2}){4}",
        "[a-zA-Z.]{1,10}@[a-zA-Z-]{1,10}\\.[a-zA-Z]{2,4}",
        "(https?://|www\\.)?[a-zA-Z-]{1,10}\\.[a-zA-Z]{2,4}(/[a-zA-Z]{0,5})?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_never_panics_and_idempotent(s in text()) {
        for n in all() {
            let v = n.normalize(&s);
            if let Verdict::Valid { value, .. } = &v {
                let again = n.normalize(value);
                prop_assert_eq!(again.value(), Some(value.as_ref()), "{} not idempotent on {:?}", n.name(), s);
            }
        }
    }

    #[test]
    fn prop_phone_output_is_e164_or_short(s in "(\\+33|0033|0)?[ .]?[1-9]([ .-]?[0-9]{2}){4}") {
        if let Some(out) = phone::normalize(&s).value() {
            prop_assert!(out.starts_with('+') && out.len() >= 9 && out.len() <= 16, "{}", out);
        }
    }

    #[test]
    fn prop_fold_borrows_when_folded(s in "[a-z0-9' -]{0,30}") {
        prop_assert!(matches!(fold::fold(&s, fold::Case::Lower), Cow::Borrowed(_)));
        let borrowed = matches!(
            unicode::Unicode::default().normalize(&s),
            Verdict::Valid { value: Cow::Borrowed(_), .. }
        );
        // A doubled apostrophe between letters (`L''Ile`) is one apostrophe (issue #14).
        prop_assert!(borrowed || s.contains("''"));
    }

    #[test]
    fn prop_whitespace_clean_borrows(s in "[a-zA-Z0-9,;]{1,10}( [a-zA-Z0-9,;]{1,10}){0,4}") {
        prop_assert!(matches!(whitespace::collapse_spaces(&s), Cow::Borrowed(_)));
    }
}
