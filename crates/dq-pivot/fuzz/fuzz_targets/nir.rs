//! Fuzzes the NIR parser and normalizer: no panic, and a valid NIR round-trips.
#![no_main]

use dq_clean::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(nir) = s.parse::<dq_pivot::Nir>() {
        assert_eq!(nir.to_string().parse::<dq_pivot::Nir>().ok(), Some(nir));
        let _ = (nir.departement(), nir.commune(), nir.formatted());
    }
    let _ = dq_pivot::nir::NirNormalizer.normalize(s);
});
