//! Per-kind accuracy of the number, date and datetime parsers on the generated French
//! cases of `values_cases.tsv` (tools/clean-values-cases/gen_cases.py).

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
    for (kind, n, ok) in &stats {
        let acc = *ok as f64 / *n as f64;
        println!("{kind}: {ok}/{n} = {acc:.3}");
        assert!(acc >= 0.95, "{kind}: accuracy {acc:.3}\n{}", misses.join("\n"));
    }
    println!("{}", misses.join("\n"));
}
