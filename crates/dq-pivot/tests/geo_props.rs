//! Property tests for the geography and address parsers: no panic on any input, and
//! normalizing a normalized value again changes nothing.
#![cfg(feature = "geo")]

use dq_clean::Normalizer;
use proptest::prelude::*;

fn normalizers() -> Vec<Box<dyn Normalizer>> {
    vec![
        Box::new(dq_pivot::commune::InseeNormalizer),
        Box::new(dq_pivot::postal::PostalCodeNormalizer),
        Box::new(dq_pivot::region::DepartementNormalizer),
        Box::new(dq_pivot::region::RegionNormalizer),
        Box::new(dq_pivot::commune::CommuneNameNormalizer::new(None)),
        Box::new(dq_pivot::commune::CommuneNameNormalizer::new(Some("13"))),
        Box::new(dq_pivot::ban::CleInteropNormalizer),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_never_panics_and_idempotent(s in "\\PC{0,24}") {
        for n in normalizers() {
            let v = n.normalize(&s);
            if let Some(out) = v.value() {
                let again = n.normalize(out);
                prop_assert_eq!(again.value(), Some(out), "{} {:?}", n.name(), s);
            }
        }
        let _ = dq_pivot::ban::address_key(&s, Some(&s));
        let _ = dq_pivot::commune::official_name(&s);
    }

    #[test]
    fn prop_codes_like_inputs(s in "[0-9aAbB ._,_x]{0,20}") {
        for n in normalizers() {
            if let Some(out) = n.normalize(&s).value() {
                let again = n.normalize(out);
                prop_assert_eq!(again.value(), Some(out));
            }
        }
    }

    /// The readers of #11 never panic; what they accept reads back the same.
    #[test]
    fn prop_reference_readers(s in "\\PC{0,16}", code in "[0-9A-Z]{2,5}") {
        for v in [s.as_str(), code.as_str()] {
            if let Some(c) = dq_pivot::circonscription::parse(v) {
                prop_assert!(v.starts_with(c.departement));
            }
            if let Some(c) = dq_pivot::canton::parse_code(v) {
                prop_assert!(v.starts_with(c.departement));
            }
            if let Some(n) = dq_pivot::canton::official_name(v) {
                prop_assert_eq!(dq_pivot::canton::official_name(n), Some(n));
            }
            if let Some(c) = dq_pivot::country::by_alpha2(v) {
                prop_assert_eq!(dq_pivot::country::by_alpha3(c.alpha3), Some(c));
            }
            if let Some((d, _)) = dq_pivot::region::departement_part(v) {
                prop_assert_eq!(dq_pivot::region::departement_part(d).map(|p| p.0), Some(d));
            }
            let _ = dq_pivot::country::pays_name(v);
            let _ = dq_pivot::fantoir::is_valid(v);
            let _ = dq_pivot::pcs::is_label(v);
            let _ = dq_pivot::pcs::is_code(v);
            let _ = dq_pivot::epci::epci_by_name(v);
        }
    }

    #[test]
    fn prop_address_key_is_stable(num in 1u32..2000, street in "[a-zA-Zéè' .-]{1,30}") {
        let a = format!("{num} {street}");
        let k = dq_pivot::ban::address_key(&a, Some("75101"));
        prop_assert!(k.starts_with("75056|"));
        prop_assert_eq!(dq_pivot::ban::address_key(&a.to_uppercase(), Some("75101")), k);
    }
}
