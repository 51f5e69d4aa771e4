//! Mojibake repair over the generated corpus of French cells (tools/mojibake-corpus/):
//! at least 98 % of the broken cells repaired exactly, and no legitimate cell changed.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use dq_encoding::mojibake::repair;

const CORPUS: &str = include_str!("mojibake_corpus.tsv");

struct Row<'a> {
    kind: &'a str,
    label: &'a str,
    input: &'a str,
    expected: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    CORPUS
        .split('\n')
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad corpus line {l:?}");
            Row { kind: f[0], label: f[1], input: f[2], expected: f[3] }
        })
        .collect()
}

#[test]
fn corpus_accuracy_and_zero_false_repairs() {
    let rows = rows();
    let (mut broken, mut fixed) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut false_repairs = Vec::new();
    for r in &rows {
        let got = repair(r.input);
        match r.kind {
            "broken" => {
                broken += 1;
                if got.text == r.expected {
                    fixed += 1;
                } else {
                    misses.push(format!(
                        "{}: {:?} -> {:?} (want {:?})",
                        r.label, r.input, got.text, r.expected
                    ));
                }
            }
            "legit" => {
                if got.is_changed() || got.text != r.input {
                    false_repairs.push(format!("{:?} -> {:?}", r.input, got.text));
                }
            }
            other => panic!("unknown kind {other}"),
        }
    }
    let accuracy = fixed as f64 / broken as f64;
    eprintln!(
        "mojibake corpus: {fixed}/{broken} repaired ({accuracy:.4}), {} false repairs",
        false_repairs.len()
    );
    for m in misses.iter().take(40) {
        eprintln!("miss {m}");
    }
    assert!(false_repairs.is_empty(), "false repairs: {false_repairs:#?}");
    assert!(broken > 5000, "corpus too small: {broken}");
    assert!(accuracy >= 0.98, "accuracy {accuracy:.4} < 0.98");
}

#[test]
fn corpus_repairs_are_idempotent() {
    for r in rows() {
        let once = repair(r.input);
        let twice = repair(&once.text);
        assert!(!twice.is_changed(), "{:?} -> {:?} -> {:?}", r.input, once.text, twice.text);
    }
}
