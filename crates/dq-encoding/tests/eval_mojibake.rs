//! Mojibake repair over the evaluation set of issue #12 (tools/encoding-eval/cases.py,
//! written for this project after studying other projects' test suites): UTF-8 misread
//! six ways and the single-byte confusions in Western languages, and hard negatives —
//! correct text in nineteen languages that looks like mojibake. Targets: no false repair
//! at all, at least 98 % of the broken cells repaired exactly.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use dq_encoding::mojibake::repair;

const SET: &str = include_str!("eval_mojibake.tsv");

/// Undoes the `\u{..}` escapes the generator writes for control characters.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let end = after.find('}').unwrap();
        out.push(char::from_u32(u32::from_str_radix(&after[..end], 16).unwrap()).unwrap());
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn eval_set_zero_false_repairs_and_recall() {
    let (mut broken, mut fixed) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut false_repairs = Vec::new();
    let mut languages = std::collections::BTreeSet::new();
    for line in SET.split('\n').filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "bad line {line:?}");
        let (input, expected) = (unescape(f[2]), unescape(f[3]));
        let got = repair(&input);
        match f[0] {
            "broken" => {
                broken += 1;
                if got.text == expected {
                    fixed += 1;
                } else {
                    misses.push(format!("{}: {input:?} -> {:?}", f[1], got.text));
                }
            }
            "legit" => {
                languages.insert(f[1].to_owned());
                if got.is_changed() || got.text != input {
                    false_repairs.push(format!("{}: {input:?} -> {:?}", f[1], got.text));
                }
            }
            other => panic!("unknown kind {other}"),
        }
    }
    assert!(languages.len() >= 10, "{languages:?}");
    assert!(false_repairs.is_empty(), "false repairs: {false_repairs:#?}");
    let recall = fixed as f64 / broken as f64;
    assert!(recall >= 0.98, "recall {recall:.3} ({fixed}/{broken}), misses: {misses:#?}");
}
