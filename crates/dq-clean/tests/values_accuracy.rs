//! Per-kind accuracy of the number, date and datetime parsers on the generated French
//! cases of `values_cases.tsv` (tools/clean-values-cases/gen_cases.py): at least 0.95
//! per kind, and no silent guess (a valid output where the expected answer is
//! "ambiguous"). Run with `--nocapture` to see the per-kind scores.

use dq_clean::{date, number, Verdict};

fn outcome(v: &Verdict<'_>) -> String {
    match v {
        Verdict::Valid { value, .. } => value.to_string(),
        other => other.status().to_owned(),
    }
}

#[test]
fn accuracy_per_kind() {
    let text = include_str!("values_cases.tsv");
    let mut stats: Vec<(&str, usize, usize)> = Vec::new();
    let mut misses = Vec::new();
    let mut silent_guesses = Vec::new();
    for line in text.lines().skip(1) {
        let mut f = line.split('\t');
        let (kind, input, expected) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let got = match kind {
            "number" => outcome(&number::parse(input)),
            "date" => outcome(&date::parse_date(input)),
            "datetime" => outcome(&date::parse_datetime(input)),
            other => panic!("unknown kind {other}"),
        };
        let ok = got == expected;
        if expected == "ambiguous" && !ok && !matches!(got.as_str(), "invalid" | "null") {
            silent_guesses.push(format!("{kind}: {input:?} → {got:?}"));
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
    let total: usize = stats.iter().map(|s| s.1).sum();
    assert!(total >= 200, "only {total} cases");
    for m in &misses {
        eprintln!("{m}");
    }
    for (kind, n, ok) in &stats {
        let acc = *ok as f64 / *n as f64;
        eprintln!("{kind}: {ok}/{n} = {acc:.3}");
        assert!(acc >= 0.95, "{kind}: accuracy {acc:.3}\n{}", misses.join("\n"));
    }
    assert!(silent_guesses.is_empty(), "silent guesses: {silent_guesses:?}");
}
