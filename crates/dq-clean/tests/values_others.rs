//! Agreement of dq-clean's value normalizers with the expected answer on values written
//! by others (`values_others.tsv`: cases written for dq, modelled on the public test
//! suites of dateparser, python-phonenumbers, babel, csv-detective and on real published
//! tables; see `tools/clean-eval/`). Targets of issue #14: at least 0.97 per kind, and no
//! wrong value (a valid answer that is not the expected value). Run with `--nocapture`
//! to see the scores.

#![allow(clippy::unwrap_used, reason = "a malformed case file should fail the test loudly")]

use dq_clean::{boolean, date, null, number, phone, Verdict};

fn outcome(v: &Verdict<'_>) -> String {
    match v {
        Verdict::Valid { value, .. } => value.to_string(),
        other => other.status().to_owned(),
    }
}

fn answer(kind: &str, input: &str) -> String {
    match kind {
        "number" => outcome(&number::parse(input)),
        "date" => outcome(&date::parse_date(input)),
        "datetime" => outcome(&date::parse_datetime(input)),
        "phone" => outcome(&phone::normalize(input)),
        "bool" => outcome(&boolean::normalize(input)),
        // `valid` is the value kept as a value.
        "null" => null::Nulls::default().normalize(input).status().to_owned(),
        other => format!("unknown kind {other}"),
    }
}

#[test]
fn agreement_per_kind() {
    let text = include_str!("values_others.tsv");
    let mut stats: Vec<(&str, usize, usize)> = Vec::new();
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for line in text.lines().skip(1) {
        let mut f = line.split('\t');
        let (kind, input, expected) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let got = answer(kind, input);
        let ok = got == expected;
        let statuses = ["valid", "null", "invalid", "ambiguous"];
        if !ok && !statuses.contains(&got.as_str()) {
            wrong.push(format!("{kind}: {input:?} → {got:?}, expected {expected:?}"));
        }
        if !ok {
            misses.push(format!("{kind}: {input:?} → {got:?}, expected {expected:?}"));
        }
        match stats.iter_mut().find(|(k, _, _)| *k == kind) {
            Some(s) => {
                s.1 += 1;
                s.2 += usize::from(ok);
            }
            None => stats.push((kind, 1, usize::from(ok))),
        }
    }
    for m in &misses {
        eprintln!("miss {m}");
    }
    for (kind, n, ok) in &stats {
        eprintln!("{kind}: {ok}/{n} = {:.3}", *ok as f64 / *n as f64);
    }
    assert!(wrong.is_empty(), "wrong values:\n{}", wrong.join("\n"));
    for (kind, n, ok) in &stats {
        let acc = *ok as f64 / *n as f64;
        assert!(acc >= 0.97, "{kind}: agreement {acc:.3}\n{}", misses.join("\n"));
    }
}
