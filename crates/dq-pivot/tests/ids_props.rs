//! Property tests of the identifier parsers: Luhn-valid SIRENs pass and every
//! single-digit change fails, round trips, idempotence, no panic on any input.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test]: a failure is a test failure"
)]

use dq_clean::Normalizer;
use dq_pivot::{finess, naf, nir, rna, siren, tva, uai};
use dq_pivot::{Finess, Naf, Nir, Rna, Siren, Siret, Tva, Uai};
use proptest::prelude::*;

fn luhn_digit(body: &[u8]) -> u8 {
    // The digit that makes body + digit pass Luhn.
    (0..10u8)
        .find(|&c| {
            let mut sum = 0u32;
            for (i, &x) in body.iter().chain(std::iter::once(&c)).rev().enumerate() {
                let x = u32::from(x);
                sum += if i % 2 == 1 {
                    if x * 2 > 9 {
                        x * 2 - 9
                    } else {
                        x * 2
                    }
                } else {
                    x
                };
            }
            sum % 10 == 0
        })
        .unwrap()
}

fn to_string(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

fn normalizers() -> Vec<Box<dyn Normalizer>> {
    vec![
        Box::new(siren::SirenNormalizer),
        Box::new(siren::SiretNormalizer),
        Box::new(tva::TvaNormalizer),
        Box::new(nir::NirNormalizer),
        Box::new(rna::RnaNormalizer),
        Box::new(uai::UaiNormalizer),
        Box::new(finess::FinessNormalizer),
        Box::new(naf::NafNormalizer),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_luhn_valid_sirens_pass_and_single_changes_fail(
        body in proptest::collection::vec(0u8..10, 8),
        pos in 0usize..9,
        delta in 1u8..10,
    ) {
        let mut d = body.clone();
        d.push(luhn_digit(&body));
        let s = to_string(&d);
        let siren: Siren = s.parse().unwrap();
        prop_assert_eq!(siren.to_string(), s.clone());
        let mut e = d.clone();
        e[pos] = (e[pos] + delta) % 10;
        prop_assert!(to_string(&e).parse::<Siren>().is_err());
        // TVA derived from it round-trips.
        let t = Tva::from_siren(siren);
        prop_assert_eq!(t.to_string().parse::<Tva>().unwrap(), t);
    }

    #[test]
    fn prop_siret_single_changes_fail(
        body in proptest::collection::vec(0u8..10, 8),
        nic in proptest::collection::vec(0u8..10, 4),
        pos in 0usize..14,
        delta in 1u8..10,
    ) {
        let mut d = body.clone();
        d.push(luhn_digit(&body));
        prop_assume!(to_string(&d) != "356000000");
        d.extend(&nic);
        let last = luhn_digit(&d);
        d.push(last);
        let s = to_string(&d);
        let siret: Siret = s.parse().unwrap();
        prop_assert_eq!(siret.to_string(), s.clone());
        prop_assert_eq!(siret.formatted().parse::<Siret>().unwrap(), siret);
        let mut e = d.clone();
        e[pos] = (e[pos] + delta) % 10;
        let changed = to_string(&e);
        prop_assert_eq!(Siret::is_valid_compact(changed.as_bytes()), changed.parse::<Siret>().is_ok());
        prop_assert!(Siret::is_valid_compact(s.as_bytes()));
        prop_assume!(!changed.starts_with("356000000"));
        prop_assert!(changed.parse::<Siret>().is_err());
    }

    #[test]
    fn prop_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<Siren>();
        let _ = s.parse::<Siret>();
        let _ = s.parse::<Tva>();
        let _ = s.parse::<Nir>();
        let _ = s.parse::<Rna>();
        let _ = s.parse::<Uai>();
        let _ = s.parse::<Finess>();
        let _ = s.parse::<Naf>();
        for n in normalizers() {
            let _ = n.normalize(&s);
        }
    }

    #[test]
    fn prop_never_panics_digitish(s in "[0-9 .,eE+\\-2AB]{0,32}") {
        for n in normalizers() {
            let _ = n.normalize(&s);
        }
    }

    #[test]
    fn prop_normalizers_are_idempotent(s in "[0-9 .,eE+\\-]{0,30}|[0-9]{9}|[0-9]{14}|[0-9]{13}") {
        for n in normalizers() {
            if let Some(out) = n.normalize(&s).value() {
                let again = n.normalize(out);
                prop_assert_eq!(again.value(), Some(out), "{}", n.name());
                prop_assert_eq!(again.rule(), Some("as_is"), "{}", n.name());
            }
        }
    }

    #[test]
    fn prop_nir_round_trips(body in "[1-2][0-9]{2}(0[1-9]|1[0-2])([0-9]{2}|2A|2B)[0-9]{6}") {
        let n13: String = body.replace("2A", "19").replace("2B", "18");
        let key = 97 - n13.parse::<u64>().unwrap() % 97;
        let s = format!("{body}{key:02}");
        let nir: Nir = s.parse().unwrap();
        prop_assert_eq!(nir.to_string(), s);
        prop_assert_eq!(nir.formatted().parse::<Nir>().unwrap(), nir);
    }
}

#[test]
fn every_naf_round_trips() {
    for (code, label) in naf::all() {
        let n: Naf = code.parse().unwrap();
        assert_eq!(n.label(), *label);
        assert_eq!(code.replace('.', "").parse::<Naf>().unwrap(), n);
    }
}
