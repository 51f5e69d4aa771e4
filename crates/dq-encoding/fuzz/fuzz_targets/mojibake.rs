//! Fuzz target: mojibake repair never panics on any text, is idempotent, and never
//! makes text longer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = dq_encoding::mojibake::repair(&text);
    assert!(once.text.len() <= text.len(), "repair made text longer: {text:?}");
    let twice = dq_encoding::mojibake::repair(&once.text);
    assert!(!twice.is_changed(), "not idempotent: {text:?}");
});
