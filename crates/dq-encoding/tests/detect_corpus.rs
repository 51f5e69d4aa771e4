//! Detection accuracy on a corpus of French tabular samples in the 11 encoding cases,
//! built by `tools/encoding-corpus/build_corpus.py`. A sample counts as right when
//! decoding it with the answer gives exactly the original text.
//!
//! The committed corpus is small (132 samples, 32 B to 2 KiB); set `DQ_ENCODING_CORPUS`
//! to a larger one to measure (see docs/performance/enc-core.md).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::collections::BTreeMap;

use dq_encoding::{detect, Transcoder};

fn unhex(s: &str) -> Vec<u8> {
    s.as_bytes()
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

fn decode_with_answer(bytes: &[u8]) -> Option<String> {
    let d = detect(bytes);
    let mut t = Transcoder::from_detection(&d);
    t.allow_nul(true);
    let mut out = String::new();
    t.feed(bytes, &mut out, true).ok()?;
    Some(out)
}

#[test]
fn detect_corpus_accuracy() {
    let path = std::env::var("DQ_ENCODING_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/detect_corpus.tsv").to_owned()
    });
    let corpus = std::fs::read_to_string(&path).unwrap();
    let (mut ok, mut total, mut ok256, mut total256) = (0usize, 0usize, 0usize, 0usize);
    let mut per_case: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for line in corpus.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (case, size, bytes, text) =
            (f[0], f[2].parse::<usize>().unwrap(), unhex(f[3]), unhex(f[4]));
        let text = String::from_utf8(text).unwrap();
        let good = decode_with_answer(&bytes).as_deref() == Some(text.as_str());
        ok += usize::from(good);
        total += 1;
        let e = per_case.entry(case.to_owned()).or_default();
        e.0 += usize::from(good);
        e.1 += 1;
        if size >= 256 {
            ok256 += usize::from(good);
            total256 += 1;
        }
        if !good && failures.len() < 40 {
            let d = detect(&bytes);
            failures.push(format!("{case} {size} B → {} ({})", d.encoding, d.evidence));
        }
    }
    let acc = ok as f64 / total as f64;
    let acc256 = ok256 as f64 / total256.max(1) as f64;
    println!("accuracy {acc:.4} ({ok}/{total}), from 256 B {acc256:.4} ({ok256}/{total256})");
    for (case, (g, t)) in &per_case {
        println!("  {case:14} {:.3} ({g}/{t})", *g as f64 / *t as f64);
    }
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(acc >= 0.98, "accuracy {acc:.4} < 0.98");
    assert!(acc256 >= 0.99, "accuracy from 256 B {acc256:.4} < 0.99");
}
