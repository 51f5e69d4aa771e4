//! Fuzzes the phone normalizer: no panic, and a valid output normalizes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(out) = dq_clean::phone::normalize(s).value() {
        assert_eq!(dq_clean::phone::normalize(out).value(), Some(out));
    }
});
