//! Fuzz target: transcoding never panics in any encoding and mode, and feeding in two
//! chunks gives the same text as one shot.
#![no_main]

use dq_encoding::{Encoding, ErrorMode, LineEndings, Transcoder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let enc = Encoding::ALL[usize::from(sel) % Encoding::ALL.len()];
    let mode = if sel & 0x10 != 0 { ErrorMode::Lossy } else { ErrorMode::Strict };
    let eol = if sel & 0x20 != 0 { LineEndings::Lf } else { LineEndings::Keep };
    let run = |cut: usize| {
        let mut t = Transcoder::new(enc);
        t.errors(mode).line_endings(eol).allow_nul(true);
        let mut out = String::new();
        let (a, b) = rest.split_at(cut.min(rest.len()));
        t.feed(a, &mut out, false)
            .and_then(|_| t.feed(b, &mut out, true))
            .map(|_| (out, t.replacements()))
    };
    let one = run(rest.len());
    let two = run(rest.len() / 2);
    assert_eq!(one.is_ok(), two.is_ok());
    if let (Ok(a), Ok(b)) = (one, two) {
        assert_eq!(a, b);
    }
    let mut s = String::new();
    let _ = std::io::Read::read_to_string(&mut dq_encoding::Utf8Reader::new(rest), &mut s);
});
