//! The geography's errors convert into the crate's one error type, so that `?` gathers
//! identifiers and geography in one `Result<_, dq_pivot::Error>`, matched by kind.
#![cfg(feature = "geo")]
#![allow(clippy::unwrap_used, reason = "tests")]

use dq_pivot::{commune, postal, CleInterop, Error, ErrorKind, Siret};

/// What a caller writes: several pivots, one error type.
fn establishment(siret: &str, commune: &str, cle: &str) -> Result<(Siret, String, String), Error> {
    let s: Siret = siret.parse()?;
    let (code, _) = commune::parse_lenient(commune)?;
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
    assert!(e.to_string().contains("pas une clé"), "{e}");
}

#[test]
fn postal_reasons_become_errors_with_their_value() {
    let e = postal::parse_lenient("ABCDE").unwrap_err().into_error("ABCDE");
    assert_eq!((e.kind(), e.identifier(), e.value()), (ErrorKind::Format, "postal code", "ABCDE"));
    let e = postal::parse_lenient("").unwrap_err().into_error("");
    assert_eq!(e.kind(), ErrorKind::Empty);
}
