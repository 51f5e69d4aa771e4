//! With the `serde` feature, values serialize as the strings they display and read back
//! through their strict `FromStr`; lookups and errors serialize as objects.
#![cfg(all(feature = "serde", feature = "geo"))]
#![allow(clippy::unwrap_used, reason = "tests")]

use dq_pivot::postal::PostalCode;
use dq_pivot::{
    commune, CleInterop, CommuneCode, Finess, Naf, Nir, Repair, Rna, Siren, Siret, Tva, Uai,
};
use serde_json::{json, Value};

fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Display,
{
    let text = serde_json::to_string(value).unwrap();
    assert_eq!(text, format!("\"{value}\""));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn identifiers_are_strings_both_ways() {
    let siret: Siret = "73282932000074".parse().unwrap();
    assert_eq!(round_trip(&siret), siret);
    assert_eq!(round_trip(&siret.siren()), "732829320".parse::<Siren>().unwrap());
    let tva = Tva::from_siren(siret.siren());
    assert_eq!(round_trip(&tva), tva);
    let finess: Finess = "010002699".parse().unwrap();
    assert_eq!(round_trip(&finess), finess);
    let naf: Naf = "62.01Z".parse().unwrap();
    assert_eq!(round_trip(&naf), naf);
    let rna: Rna = "W751234567".parse().unwrap();
    assert_eq!(round_trip(&rna), rna);
    let uai: Uai = "0751234J".parse().unwrap();
    assert_eq!(round_trip(&uai), uai);
    let nir: Nir = "1 85 05 78 006 084 91".parse().unwrap();
    assert_eq!(round_trip(&nir), nir);
}

#[test]
fn geography_codes_are_strings_both_ways() {
    let code: CommuneCode = "2A004".parse().unwrap();
    assert_eq!(round_trip(&code), code);
    let postal: PostalCode = "13001".parse().unwrap();
    assert_eq!(round_trip(&postal), postal);
    let key = CleInterop::parse("94002_0120_12_BIS").unwrap();
    assert_eq!(round_trip(&key).as_str(), key.as_str());
}

/// Reading back goes through the strict reader: a damaged value is refused, with the
/// crate's error in words.
#[test]
fn deserializing_is_strict() {
    for bad in ["\"73282932000075\"", "\"7.3282932000074E+13\"", "12"] {
        assert!(serde_json::from_str::<Siret>(bad).is_err(), "{bad}");
    }
    let e = serde_json::from_str::<CommuneCode>("\"1001\"").unwrap_err();
    assert!(e.to_string().contains("parse_lenient"), "{e}");
    assert!(serde_json::from_str::<PostalCode>("\"13001 Marseille\"").is_err());
}

#[test]
fn lookups_repairs_and_errors_are_objects_and_names() {
    let c = commune::lookup("69381").unwrap();
    assert_eq!(
        serde_json::to_value(c).unwrap(),
        json!({
            "code": "69381", "kind": "arrondissement", "name": c.name,
            "current": "69123", "current_name": c.current_name,
            "departement": "69", "region": "84", "also_deleguee": false
        })
    );
    let (_, repairs) = CommuneCode::parse_lenient(" 1001.0").unwrap();
    assert_eq!(
        serde_json::to_value(&repairs).unwrap(),
        json!(["separators", "excel_float", "leading_zero"])
    );
    assert_eq!(serde_json::to_value(Repair::SurroundingText).unwrap(), json!("surrounding_text"));
    let e = "73282932000075".parse::<Siret>().unwrap_err();
    let v: Value = serde_json::to_value(&e).unwrap();
    assert_eq!((v["identifier"].as_str(), v["kind"].as_str()), (Some("SIRET"), Some("checksum")));
    assert_eq!(v["value"], json!("73282932000075"));
}

/// Verdicts (dq-clean's, through the feature) are tagged by status as `dq normalize
/// --json` names them.
#[test]
fn verdicts_are_tagged_by_status() {
    use dq_clean::Normalizer;
    let v = dq_pivot::postal::PostalCodeNormalizer.normalize("6000");
    assert_eq!(
        serde_json::to_value(&v).unwrap(),
        json!({"status": "valid", "value": "06000", "rule": "leading_zero"})
    );
    let v = dq_pivot::postal::PostalCodeNormalizer.normalize("ABCDE");
    assert_eq!(serde_json::to_value(&v).unwrap()["status"], json!("invalid"));
    let v = dq_pivot::postal::PostalCodeNormalizer.normalize("");
    assert_eq!(serde_json::to_value(&v).unwrap(), json!({"status": "null"}));
}
