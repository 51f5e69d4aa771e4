//! Fuzz target: mojibake repair never panics on any text, is idempotent, and never
//! makes text longer but for C1 controls read as windows-1252 punctuation (`\u{92}`, two
//! bytes, becomes `’`, three).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = dq_encoding::mojibake::repair(&text);
    let c1 = text.chars().filter(|c| matches!(u32::from(*c), 0x80..=0x9F)).count();
    assert!(once.text.len() <= text.len() + c1, "repair made text longer: {text:?}");
    let twice = dq_encoding::mojibake::repair(&once.text);
    assert!(!twice.is_changed(), "not idempotent: {text:?}");
});
