//! Tests of the `Utf8Reader` edge: random read sizes give the same text as one-shot
//! decoding, a late contradicting byte re-decides or fails with its position, binary
//! input is refused, and large inputs stream.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::io::Read;

use dq_encoding::{Encoding, Error, ErrorKind, Utf8Reader, Utf8ReaderBuilder};
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
