//! dq-clean: normalize French values one by one, and see what each normalizer decided.
//!
//! ```sh
//! cargo run -p examples --example clean
//! ```

use dq_fr::clean::{date, number, phone, Verdict};

fn show(kind: &str, input: &str, v: &Verdict<'_>) {
    match v {
        Verdict::Valid { value, rule } => println!("{kind:>6} {input:?} → {value:?} ({rule})"),
        Verdict::Null => println!("{kind:>6} {input:?} → null"),
        Verdict::Invalid { reason } => println!("{kind:>6} {input:?} → invalid: {reason}"),
        Verdict::Ambiguous { reason, candidates } => {
            println!("{kind:>6} {input:?} → ambiguous: {reason} {candidates:?}")
        }
    }
}

fn main() {
    for s in ["1 234,56", "1 500 €", "(1 234)", "12,5 %", "1.234", "NC"] {
        show("number", s, &number::parse(s));
    }
    for s in ["12/03/2021", "1er mars 2021", "lundi 3 mars 2021", "31/02/2021", "03/25/2021"] {
        show("date", s, &date::parse_date(s));
    }
    for s in ["01 23 45 67 89", "0690 12 34 56", "+33 (0)1 23 45 67 89", "1,23457E+08"] {
        show("phone", s, &phone::normalize(s));
    }

    // Never a silent guess: `1.234` alone may be a decimal or a thousands grouping.
    assert_eq!(number::parse("1.234").status(), "ambiguous");
    assert_eq!(number::parse("1 234,56").value(), Some("1234.56"));
    assert_eq!(date::parse_date("12/03/2021").value(), Some("2021-03-12"));
    // Guadeloupe mobiles get their own country code.
    assert_eq!(phone::normalize("0690 12 34 56").value(), Some("+590690123456"));
}
