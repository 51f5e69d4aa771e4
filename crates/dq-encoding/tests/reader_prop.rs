//! Tests of the `Utf8Reader` edge: random read sizes give the same text as one-shot
//! decoding, a late contradicting byte re-decides or fails with its position, binary
//! input is refused, and large inputs stream.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::io::Read;

use dq_encoding::{
    Encoding, Error, ErrorKind, LineEndings, Transcoder, Utf8Reader, Utf8ReaderBuilder,
};
use proptest::prelude::*;

/// A reader that returns at most `n` bytes per call.
struct Trickle<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    i: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.sizes[self.i % self.sizes.len()].min(buf.len()).min(self.data.len());
        self.i += 1;
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn read_all<R: Read>(mut r: R) -> Result<String, Error> {
    let mut s = String::new();
    r.read_to_string(&mut s).map_err(Error::from_io)?;
    Ok(s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_reader_random_reads_equal_one_shot(
        text in "[ -~àâçéèêëîïôûùüÿœŒÉÈÀÇ€\n]{0,300}",
        sizes in prop::collection::vec(1usize..50, 1..6),
        k in 0usize..8,
    ) {
        let enc = Encoding::ALL[k];
        let Ok(bytes) = enc.encode(&text) else { return Ok(()) };
        let mut builder = Utf8ReaderBuilder::new();
        builder.encoding(enc);
        let got = read_all(builder.build(Trickle { data: &bytes, sizes, i: 0 })).unwrap();
        prop_assert_eq!(got, text);
    }
}

/// Reads everything with caller buffers of the given sizes (in turn), returning the text
/// read before the first error and that error.
fn read_with_sizes<R: Read>(mut r: R, sizes: &[usize]) -> (Vec<u8>, Option<Error>) {
    let mut out = Vec::new();
    let mut buf = vec![0u8; sizes.iter().copied().max().unwrap_or(1)];
    for i in 0.. {
        let n = sizes[i % sizes.len()];
        match r.read(&mut buf[..n]) {
            Ok(0) => return (out, None),
            Ok(k) => out.extend_from_slice(&buf[..k]),
            Err(e) => return (out, Some(Error::from_io(e))),
        }
    }
    unreachable!()
}

/// Pieces of UTF-8 input, valid or not, that a tail is made of.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => "[a-z;,é€œ\u{1F600}]{1,8}".prop_map(String::into_bytes),
        1 => Just(b"\r\n".to_vec()),
        1 => Just(b"\r".to_vec()),
        1 => Just(b"\n".to_vec()),
        1 => prop::sample::select(vec![
            vec![0xC3], vec![0xE2, 0x82], vec![0xF0, 0x9F, 0x98], vec![0x80], vec![0xFF],
            vec![0xE0, 0x80], vec![0xED, 0xA0, 0x80], vec![0xF4, 0x90, 0x80, 0x80], vec![0],
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The UTF-8 fast path (bytes validated in the caller's buffer) gives exactly what the
    /// `Transcoder` gives in one shot: the same text, and the same error at the same byte,
    /// line and column with the same offending bytes, whatever the read sizes.
    #[test]
    fn prop_utf8_pass_through_equals_transcoder(
        head_lines in 2000usize..2600,
        tail in prop::collection::vec(piece(), 0..60),
        caller in prop::collection::vec(prop_oneof![1usize..16, 4096usize..70_000], 1..5),
        inner in prop::collection::vec(prop_oneof![1usize..8, 1000usize..100_000], 1..5),
        lf in any::<bool>(),
        given in any::<bool>(),
    ) {
        // A valid head longer than the first 64 KiB chunk, so the fast path takes over.
        let mut data = "\u{feff}siret;commune\r\n".as_bytes().to_vec();
        for i in 0..head_lines {
            data.extend_from_slice(format!("{i:014};Saint-Étienne œuvre €\r\n").as_bytes());
        }
        data.extend(tail.concat());
        let mode = if lf { LineEndings::Lf } else { LineEndings::Keep };

        let mut t = Transcoder::new(Encoding::UTF_8);
        t.line_endings(mode);
        let mut want = String::new();
        let want_err = t.feed(&data, &mut want, true).err();

        let mut builder = Utf8ReaderBuilder::new();
        builder.line_endings(mode);
        if given {
            builder.encoding(Encoding::UTF_8);
        }
        let rdr = builder.build(Trickle { data: &data, sizes: inner, i: 0 });
        let (got, got_err) = read_with_sizes(rdr, &caller);
        prop_assert_eq!(String::from_utf8_lossy(&got), want.as_str());
        let summary = |e: &Error| (e.kind(), e.position(), e.bytes().map(<[u8]>::to_vec));
        prop_assert_eq!(got_err.as_ref().map(summary), want_err.as_ref().map(summary));
    }
}

#[test]
fn reader_redecides_after_a_long_ascii_stretch() {
    let mut data = b"code;commune\n".to_vec();
    for i in 0..20_000 {
        data.extend_from_slice(format!("{i};Paris\n").as_bytes());
    }
    data.extend_from_slice(b"42218;Saint-\xc9tienne\n");
    let mut rdr = Utf8Reader::new(&data[..]);
    let mut text = String::new();
    rdr.read_to_string(&mut text).unwrap();
    assert!(text.ends_with("42218;Saint-Étienne\n"));
    assert_eq!(rdr.encoding(), Some(Encoding::WINDOWS_1252));
    assert!(rdr.redecision().unwrap().contains("windows-1252"));
}

#[test]
fn reader_fails_with_position_when_utf8_turns_invalid() {
    let mut data = "code;commune\n42218;Saint-Étienne\n".as_bytes().to_vec();
    for i in 0..20_000 {
        data.extend_from_slice(format!("{i};Paris\n").as_bytes());
    }
    let at = data.len();
    data.extend_from_slice(b"1;Cr\xe9teil\n");
    let err = read_all(Utf8Reader::new(&data[..])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidBytes);
    let pos = err.position().unwrap();
    assert_eq!(pos.byte, at as u64 + 4);
    assert_eq!(pos.line, 20_003);
    assert_eq!(pos.column, 5);
    assert_eq!(err.bytes(), Some(&[0xE9][..]));
}

#[test]
fn reader_refuses_binary() {
    for (bytes, what) in
        [(&b"%PDF-1.4\n"[..], "PDF"), (b"PK\x03\x04\x14\0", "ZIP"), (b"\x1f\x8b\x08\0\0", "GZIP")]
    {
        let err = read_all(Utf8Reader::new(bytes)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Binary);
        assert!(err.to_string().contains(what), "{err}");
    }
    let err = read_all(Utf8Reader::new(&b"nom;ville\nA\0B;C\n"[..])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Binary);
}

#[test]
fn a_character_cut_by_a_nul_byte_is_the_first_error() {
    // Found by `prop_utf8_pass_through_equals_transcoder`: `C3 00` after a long valid
    // head, read one byte at a time. Both paths report the cut character, not the NUL.
    let mut data = "\u{feff}siret;commune\r\n".as_bytes().to_vec();
    for i in 0..2000 {
        data.extend_from_slice(format!("{i:014};Saint-Étienne œuvre €\r\n").as_bytes());
    }
    let at = data.len() as u64;
    data.extend_from_slice(&[0xC3, 0x00]);
    let mut t = Transcoder::new(Encoding::UTF_8);
    let mut want = String::new();
    let want_err = t.feed(&data, &mut want, true).err().unwrap();
    assert_eq!(want_err.kind(), ErrorKind::InvalidBytes);
    assert_eq!(want_err.position().map(|p| p.byte), Some(at));
    assert_eq!(want_err.bytes(), Some(&[0xC3][..]));
    let rdr = Utf8ReaderBuilder::new().build(Trickle { data: &data, sizes: vec![1], i: 0 });
    let (got, got_err) = read_with_sizes(rdr, &[8]);
    assert_eq!(String::from_utf8_lossy(&got), want.as_str());
    let got_err = got_err.unwrap();
    assert_eq!(got_err.kind(), ErrorKind::InvalidBytes);
    assert_eq!(got_err.position(), want_err.position());
}
