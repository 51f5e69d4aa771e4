//! Fuzzes the SIREN/SIRET parsers and normalizers: no panic, and a valid output is
//! canonical (parses strictly to itself).
#![no_main]

use dq_clean::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = s.parse::<dq_pivot::Siren>();
    if let Ok(siret) = s.parse::<dq_pivot::Siret>() {
        assert_eq!(siret.to_string().parse::<dq_pivot::Siret>().ok(), Some(siret));
    }
    let _ = dq_pivot::Siret::is_valid_compact(data);
    for v in [
        dq_pivot::siren::SiretNormalizer.normalize(s),
        dq_pivot::siren::SirenNormalizer.normalize(s),
    ] {
        if let Some(out) = v.value() {
            assert!(out.bytes().all(|b| b.is_ascii_digit()));
        }
    }
});
