//! Charset detection and streaming transcoding (dq-encoding, issue 2).
//!
//! Detection on 4 KiB / 64 KiB / 1 MiB windows-1252 samples; streaming conversion
//! (`Utf8Reader`, 64 KiB chunks, strict) against raw `encoding_rs` decoding of the same
//! bytes, for windows-1252 and UTF-8 inputs of 8 MiB.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::hint::black_box;
use std::io::Read;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dq_benches::Rng;
use dq_encoding::{detect, Encoding, Utf8ReaderBuilder};

const COMMUNES: &[&str] =
    &["Saint-Étienne", "Créteil", "Chalon-sur-Saône", "Nîmes", "Paris", "Lyon", "Besançon"];
const ETABS: &[&str] =
    &["École élémentaire", "Hôtel de ville", "Œuvre sociale", "Crèche", "Lycée", "Médiathèque"];

/// French tabular text of about `bytes` bytes once encoded in windows-1252.
fn french_table(bytes: usize) -> String {
    let mut rng = Rng::new(2);
    let mut s = String::from("code_insee;commune;etablissement;montant\r\n");
    while s.len() < bytes {
        let c = COMMUNES.get(usize::try_from(rng.below(7)).unwrap_or(0)).copied().unwrap_or("");
        let e = ETABS.get(usize::try_from(rng.below(6)).unwrap_or(0)).copied().unwrap_or("");
        s.push_str(&format!(
            "{:05};{c};{e};{} {:03},{:02} €\r\n",
            rng.below(99_999),
            rng.below(999),
            rng.below(1000),
            rng.below(100)
        ));
    }
    s
}

fn bench_detect(c: &mut Criterion) {
    let mut g = c.benchmark_group("encoding/detect");
    for (label, size) in [("4KiB", 4 << 10), ("64KiB", 64 << 10), ("1MiB", 1 << 20)] {
        let text = french_table(size);
        let bytes =
            Encoding::WINDOWS_1252.encode(&text).map(|b| b.into_owned()).unwrap_or_default();
        let bytes = bytes.get(..size.min(bytes.len())).unwrap_or_default().to_vec();
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &bytes, |b, bytes| {
            b.iter(|| {
                let d = detect(black_box(bytes));
                assert_eq!(d.encoding, Encoding::WINDOWS_1252);
            })
        });
    }
    g.finish();
}

fn bench_convert(c: &mut Criterion) {
    let text = french_table(8 << 20);
    for (label, enc, rs) in [
        ("windows-1252", Encoding::WINDOWS_1252, encoding_rs::WINDOWS_1252),
        ("UTF-8", Encoding::UTF_8, encoding_rs::UTF_8),
    ] {
        let bytes = enc.encode(&text).map(|b| b.into_owned()).unwrap_or_default();
        let mut g = c.benchmark_group(format!("encoding/convert/{label}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.sample_size(10);
        g.bench_function("encoding_rs-raw", |b| {
            b.iter(|| {
                let mut decoder = rs.new_decoder_without_bom_handling();
                let mut out = String::with_capacity(128 << 10);
                let mut total = 0;
                for chunk in black_box(&bytes).chunks(64 << 10) {
                    out.clear();
                    let (_, _, _) = decoder.decode_to_string(chunk, &mut out, false);
                    total += out.len();
                }
                assert!(total >= bytes.len());
            })
        });
        g.bench_function("utf8_reader", |b| {
            let mut buf = vec![0u8; 64 << 10];
            b.iter(|| {
                let mut rdr = Utf8ReaderBuilder::new().encoding(enc).build(black_box(&bytes[..]));
                let mut total = 0;
                loop {
                    match rdr.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => total += n,
                        Err(e) => panic!("{e}"),
                    }
                }
                assert!(total >= bytes.len());
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench_detect, bench_convert);
criterion_main!(benches);
