//! Fuzz target: detection never panics, and the answer decodes the bytes (unless the
//! input is binary or corrupt UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let d = dq_encoding::detect(data);
    assert!((0.0..=1.0).contains(&d.confidence));
    let _ = dq_encoding::detect_sample(data);
    if d.binary.is_none() && !d.corrupt_utf8 {
        let mut t = dq_encoding::Transcoder::from_detection(&d);
        let mut out = String::new();
        assert!(t.feed(data, &mut out, true).is_ok(), "{} {}", d.encoding, d.evidence);
    }
    let _ = dq_encoding::detect_reader(&mut std::io::Cursor::new(data));
});
