//! The geography's errors convert into the crate's one error type, so that `?` gathers
//! identifiers and geography in one `Result<_, dq_pivot::Error>`, matched by kind.
#![cfg(feature = "geo")]
#![allow(clippy::unwrap_used, reason = "tests")]

use dq_pivot::postal::{self, PostalCode};
use dq_pivot::{CleInterop, CommuneCode, Error, ErrorKind, Repair, Siret};

/// What a caller writes: several pivots, one error type.
fn establishment(siret: &str, commune: &str, cle: &str) -> Result<(Siret, String, String), Error> {
    let s: Siret = siret.parse()?;
    let (code, _) = CommuneCode::parse_lenient(commune)?;
    let key = CleInterop::parse(cle)?;
    Ok((s, code.resolve().current.to_owned(), key.commune()))
}

#[test]
fn question_marks_gather_every_error_in_one_type() {
    let ok = establishment("73282932000074", "1001", "94002_0150_00012").unwrap();
    assert_eq!((ok.1.as_str(), ok.2.as_str()), ("01001", "94002"));
    let e = establishment("73282932000075", "1001", "94002_0150_00012").unwrap_err();
    assert_eq!((e.kind(), e.identifier()), (ErrorKind::Checksum, "SIRET"));
    let e = establishment("73282932000074", "99999", "94002_0150_00012").unwrap_err();
    assert_eq!(
        (e.kind(), e.identifier(), e.value()),
        (ErrorKind::Unknown, "INSEE commune code", "99999")
    );
    let e = establishment("73282932000074", "", "94002_0150_00012").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Empty);
    let e = establishment("73282932000074", "1001", "pas une clé").unwrap_err();
    assert_eq!((e.kind(), e.identifier()), (ErrorKind::Format, "cle_interop"));
    assert_eq!(dq_pivot::ban::KeyReason::of(&e), Some(dq_pivot::ban::KeyReason::Structure));
    assert!(e.to_string().contains("pas une clé"), "{e}");
}

#[test]
fn postal_errors_carry_their_value() {
    let e = postal::parse_parts("ABCDE").unwrap_err();
    assert_eq!((e.kind(), e.identifier(), e.value()), (ErrorKind::Format, "postal code", "ABCDE"));
    let e = PostalCode::parse_lenient("").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Empty);
}

/// Every lenient reader has one shape, `T::parse_lenient(&str) -> Result<(T, Vec<Repair>),
/// Error>`, and every `FromStr` one rule: formatting undone, damage refused.
#[test]
fn one_lenient_shape_one_strict_rule() {
    let (c, r) = CommuneCode::parse_lenient(" 1001.0").unwrap();
    assert_eq!(
        (c.as_str(), r),
        ("01001", vec![Repair::Separators, Repair::ExcelFloat, Repair::LeadingZero])
    );
    let (p, r) = PostalCode::parse_lenient("F-13001").unwrap();
    assert_eq!((p.as_str(), r), ("13001", vec![Repair::CountryPrefix]));
    let (p, r) = PostalCode::parse_lenient("13299 MARSEILLE CEDEX 20").unwrap();
    assert_eq!((p.as_str(), r, p.is_listed()), ("13299", vec![Repair::SurroundingText], false));
    let (s, r) = Siret::parse_lenient("7.3282932000074E+13").unwrap();
    assert_eq!((s.to_string(), r), ("73282932000074".to_owned(), vec![Repair::ExcelScientific]));

    // Formatting only: accepted by the strict readers.
    assert_eq!("2a004".parse::<CommuneCode>().unwrap().as_str(), "2A004");
    assert_eq!(" 13 001 ".parse::<PostalCode>().unwrap().as_str(), "13001");
    // Damage: refused, with the repairs named.
    for e in [
        "1001".parse::<CommuneCode>().unwrap_err(),
        "1000".parse::<PostalCode>().unwrap_err(),
        "13001 Marseille".parse::<PostalCode>().unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::NeedsRepair, "{e}");
        assert!(e.reason().contains("parse_lenient"), "{e}");
    }
    // Unknown stays unknown, with the same kind for both geography readers.
    assert_eq!("99999".parse::<CommuneCode>().unwrap_err().kind(), ErrorKind::Unknown);
    assert_eq!("00000".parse::<PostalCode>().unwrap_err().kind(), ErrorKind::Unknown);
}
