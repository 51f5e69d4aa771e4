//! Fuzzes the TVA parser and normalizer: no panic, and a valid number round-trips.
#![no_main]

use dq_clean::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(t) = s.parse::<dq_pivot::Tva>() {
        assert_eq!(t.to_string().parse::<dq_pivot::Tva>().ok(), Some(t));
        let _ = t.formatted();
    }
    let _ = dq_pivot::tva::TvaNormalizer.normalize(s);
});
