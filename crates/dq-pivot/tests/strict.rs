//! `FromStr` is strict for every identifier by one definition: formatting is accepted
//! (spaces and dots between groups, fullwidth digits, case, as python-stdnum does);
//! damage (dashes, Excel's notations, a lost zero, a missing prefix) is refused, and
//! `parse_lenient` reads it, naming the repair.

use dq_pivot::finess::Finess;
use dq_pivot::naf::Naf;
use dq_pivot::nir::Nir;
use dq_pivot::rna::Rna;
use dq_pivot::siren::{Siren, Siret};
use dq_pivot::uai::Uai;
use dq_pivot::{ErrorKind, Repair};

fn strict<T: std::str::FromStr<Err = dq_pivot::Error>>(s: &str) -> Result<(), ErrorKind> {
    s.parse::<T>().map(|_| ()).map_err(|e| e.kind())
}

#[test]
fn canonical_and_grouped_forms_are_accepted() {
    assert_eq!(strict::<Finess>("2A0000014"), Ok(()));
    assert_eq!(strict::<Naf>("62.01Z"), Ok(()));
    assert_eq!(strict::<Naf>("6201Z"), Ok(()));
    assert_eq!(strict::<Nir>("1 84 12 2B 123 456 27"), Ok(()));
    assert_eq!(strict::<Rna>("W751212517"), Ok(()));
    assert_eq!(strict::<Uai>("0750655E"), Ok(()));
    assert_eq!(strict::<Siren>("552 100 554"), Ok(()));
    assert_eq!(strict::<Siret>("552 100 554 00013"), Ok(()));
}

#[test]
fn from_str_is_parse_lenient_without_its_repair_list_where_only_formatting_was_undone() {
    // Case and spaces are formatting (python-stdnum accepts them too): FromStr reads them.
    assert_eq!(
        "2a0000014".parse::<Finess>().map(|v| v.to_string()).ok().as_deref(),
        Some("2A0000014")
    );
    assert_eq!(
        "w751212517".parse::<Rna>().map(|v| v.to_string()).ok().as_deref(),
        Some("W751212517")
    );
    assert_eq!(
        "62.01 z".parse::<Naf>().map(|n| n.code().to_owned()).ok().as_deref(),
        Some("62.01Z")
    );
    assert!("184122b12345627".parse::<Nir>().is_ok());
    assert!(Repair::Case.is_formatting() && Repair::Separators.is_formatting());
    for damage in [
        Repair::Dashes,
        Repair::ExcelFloat,
        Repair::ExcelScientific,
        Repair::LeadingZero,
        Repair::CountryPrefix,
    ] {
        assert!(!damage.is_formatting(), "{damage:?}");
    }
    // Damage is refused by the strict parsers and read, with its repair named, leniently.
    assert!(strict::<Siret>("35600000000048.0").is_err());
    assert!(strict::<Siret>("356-000-000-00048").is_err());
    assert_eq!(Siret::parse_lenient("35600000000048.0").unwrap().1, vec![Repair::ExcelFloat]);
    assert!(strict::<Siren>("7.3282932E+8").is_err());
}

#[test]
fn invalid_values_keep_their_own_kind() {
    assert_eq!(strict::<Finess>("750712185"), Err(ErrorKind::Checksum));
    assert_eq!(strict::<Naf>("62.01A"), Err(ErrorKind::Unknown));
}
