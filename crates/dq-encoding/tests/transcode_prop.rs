//! Property tests of transcoding: never panics on arbitrary bytes, encode-then-decode
//! round trips for every encoding, and chunked feeding equals one-shot decoding.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use dq_encoding::{Encoding, ErrorMode, LineEndings, Transcoder};
use proptest::prelude::*;

fn feed_chunks(
    enc: Encoding,
    bytes: &[u8],
    sizes: &[usize],
    mode: ErrorMode,
) -> Result<(String, u64), String> {
    let mut t = Transcoder::new(enc);
    t.errors(mode).allow_nul(true);
    let mut out = String::new();
    let mut rest = bytes;
    let mut i = 0;
    loop {
        let n = sizes.get(i % sizes.len().max(1)).copied().unwrap_or(7).min(rest.len());
        let (chunk, more) = rest.split_at(n);
        t.feed(chunk, &mut out, more.is_empty()).map_err(|e| e.to_string())?;
        if more.is_empty() {
            return Ok((out, t.replacements()));
        }
        rest = more;
        i += 1;
    }
}

fn any_encoding() -> impl Strategy<Value = Encoding> {
    prop::sample::select(Encoding::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_transcode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), enc in any_encoding(), lossy in any::<bool>()) {
        let mode = if lossy { ErrorMode::Lossy } else { ErrorMode::Strict };
        let mut t = Transcoder::new(enc);
        t.errors(mode).line_endings(LineEndings::Lf);
        let mut out = String::new();
        let r = t.feed(&bytes, &mut out, true);
        if lossy && !bytes.starts_with(b"%PDF-") {
            // Lossy mode fails only on a binary magic number.
            prop_assert!(r.is_ok() || r.unwrap_err().binary_kind().is_some());
        }
    }

    #[test]
    fn prop_encode_decode_round_trip(text in "[ -~àâçéèêëîïôûùüÿœŒÉÈÀÇ€«»’\u{a0}\n\r\t]{0,200}", enc in any_encoding()) {
        if let Ok(bytes) = enc.encode(&text) {
            let mut t = Transcoder::new(enc);
            let mut out = String::new();
            t.feed(&bytes, &mut out, true).unwrap();
            prop_assert_eq!(out, text);
        }
    }

    #[test]
    fn prop_streaming_equals_one_shot(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        sizes in prop::collection::vec(1usize..40, 1..8),
        enc in any_encoding(),
        lossy in any::<bool>(),
    ) {
        let mode = if lossy { ErrorMode::Lossy } else { ErrorMode::Strict };
        let whole = feed_chunks(enc, &bytes, &[usize::MAX], mode);
        let chunked = feed_chunks(enc, &bytes, &sizes, mode);
        match (whole, chunked) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "one-shot {a:?} vs chunked {b:?}"),
        }
    }

    #[test]
    fn prop_line_endings_normalized_across_chunks(
        text in "[a-zé\r\n]{0,120}",
        sizes in prop::collection::vec(1usize..10, 1..5),
    ) {
        let bytes = text.as_bytes();
        let mut t = Transcoder::new(Encoding::UTF_8);
        t.line_endings(LineEndings::Lf);
        let mut out = String::new();
        let mut rest = bytes;
        let mut i = 0;
        while !rest.is_empty() {
            let n = sizes[i % sizes.len()].min(rest.len());
            let (chunk, more) = rest.split_at(n);
            t.feed(chunk, &mut out, more.is_empty()).unwrap();
            rest = more;
            i += 1;
        }
        if bytes.is_empty() { t.feed(b"", &mut out, true).unwrap(); }
        let expected = text.replace("\r\n", "\n").replace('\r', "\n");
        prop_assert_eq!(out, expected);
    }
}
