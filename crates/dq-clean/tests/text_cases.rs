//! Accuracy of the text normalizers on the French cases of `tests/cases/text/cases.tsv`
//! (written by `tools/clean-cases/cases_text.py`): at least 0.95 per kind, and no silent
//! guess on a case whose expected answer is "ambiguous".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::collections::BTreeMap;

use dq_clean::{boolean, email, fold, null, phone, title, unicode, url, whitespace, Normalizer};

/// Decodes Python's `unicode_escape` (`\\`, `\t`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |n: usize, it: &mut std::str::Chars<'_>| {
            let h: String = it.take(n).collect();
            char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap()
        };
        match it.next().unwrap() {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'x' => out.push(hex(2, &mut it)),
            'u' => out.push(hex(4, &mut it)),
            'U' => out.push(hex(8, &mut it)),
            c => panic!("unknown escape \\{c}"),
        }
    }
    out
}

fn normalizer(kind: &str) -> Box<dyn Normalizer> {
    match kind {
        "whitespace" => Box::new(whitespace::Whitespace),
        "unicode" => Box::new(unicode::Unicode::default()),
        "fold" => Box::new(fold::Fold::default()),
        "title" => Box::new(title::TitleCase::default()),
        "null" => Box::new(null::Nulls::default()),
        "bool" => Box::new(boolean::Bool),
        "phone" => Box::new(phone::Phone),
        "email" => Box::new(email::Email),
        "url" => Box::new(url::Url),
        k => panic!("unknown kind {k}"),
    }
}

#[test]
fn accuracy_per_kind() {
    let text = include_str!("cases/text/cases.tsv");
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut silent_guesses = Vec::new();
    for line in text.lines().skip(2) {
        let mut cols = line.split('\t');
        let (kind, input, expected) =
            (cols.next().unwrap(), unescape(cols.next().unwrap()), unescape(cols.next().unwrap()));
        let v = normalizer(kind).normalize(&input);
        let got = match v.value() {
            Some(out) => out.to_owned(),
            None => format!("={}", v.status()),
        };
        let e = per_kind.entry(kind).or_default();
        e.1 += 1;
        if got == expected {
            e.0 += 1;
        } else {
            failures.push(format!("{kind}: {input:?} → {got:?}, expected {expected:?}"));
            if expected == "=ambiguous" && v.status() == "valid" {
                silent_guesses.push(format!("{kind}: {input:?}"));
            }
        }
    }
    let total: usize = per_kind.values().map(|(_, n)| n).sum();
    assert!(total >= 200, "only {total} cases");
    for f in &failures {
        eprintln!("{f}");
    }
    for (kind, (ok, n)) in &per_kind {
        let acc = *ok as f64 / *n as f64;
        eprintln!("{kind}: {ok}/{n} = {acc:.3}");
        assert!(acc >= 0.95, "{kind}: accuracy {acc:.3} below 0.95");
    }
    assert!(silent_guesses.is_empty(), "silent guesses: {silent_guesses:?}");
}
