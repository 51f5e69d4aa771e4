//! Agreement with python-stdnum 2.2 on generated SIREN/SIRET/TVA/NIR vectors
//! (`tools/ids-vectors/gen_vectors.py`), with every deliberate disagreement listed.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test]: a failure is a test failure"
)]

use dq_clean::{Normalizer, Verdict};
use dq_pivot::{nir, siren, tva, Nir, Siren, Siret, Tva};

const VECTORS: &str = include_str!("fixtures/ids_vectors.tsv");

struct Vector {
    kind: String,
    input: String,
    valid: bool,
    compact: String,
}

fn vectors() -> Vec<Vector> {
    VECTORS
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Vector {
                kind: f[0].to_owned(),
                input: serde_json::from_str(f[1]).unwrap(),
                valid: f[2] == "1",
                compact: f.get(3).copied().unwrap_or("").to_owned(),
            }
        })
        .collect()
}

fn strict(kind: &str, input: &str) -> Option<String> {
    match kind {
        "siren" => input.parse::<Siren>().ok().map(|v| v.to_string()),
        "siret" => input.parse::<Siret>().ok().map(|v| v.to_string()),
        "tva" => input.parse::<Tva>().ok().map(|v| v.to_string()),
        "nir" => input.parse::<Nir>().ok().map(|v| v.to_string()),
        _ => unreachable!(),
    }
}

fn lenient(kind: &str, input: &str) -> Verdict<'static> {
    let v = match kind {
        "siren" => siren::SirenNormalizer.normalize(input),
        "siret" => siren::SiretNormalizer.normalize(input),
        "tva" => tva::TvaNormalizer.normalize(input),
        "nir" => nir::NirNormalizer.normalize(input),
        _ => unreachable!(),
    };
    v.into_owned()
}

/// Deliberate disagreements of the strict parsers with python-stdnum, by input.
///
/// - Dashes in a SIREN/SIRET: stdnum rejects them; our strict parser does too, so none
///   here. NBSP and fullwidth digits: both accept.
/// - (None expected: the strict parsers follow stdnum, including La Poste.)
const STRICT_DISAGREEMENTS: &[&str] = &[];

/// Rules of the lenient normalizers that repair what stdnum rejects (documented in
/// `docs/performance/pivot-ids.md` and the module docs): dashes, Excel floats and
/// scientific notation that kept every digit, a lost leading zero.
const REPAIR_RULES: &[&str] = &["dashes", "excel_float", "excel_scientific", "leading_zero"];

#[test]
fn strict_agrees_with_stdnum() {
    let all = vectors();
    assert!(all.len() >= 300, "{} vectors", all.len());
    let mut disagree = Vec::new();
    for v in &all {
        let got = strict(&v.kind, &v.input);
        let expected = v.valid.then(|| v.compact.clone());
        if got != expected && !STRICT_DISAGREEMENTS.contains(&v.input.as_str()) {
            disagree.push(format!("{} {:?}: ours {got:?}, stdnum {expected:?}", v.kind, v.input));
        }
    }
    let agreement = 1.0 - disagree.len() as f64 / all.len() as f64;
    assert!(agreement >= 0.99, "agreement {agreement:.4}:\n{}", disagree.join("\n"));
    assert!(disagree.is_empty(), "undocumented disagreements:\n{}", disagree.join("\n"));
}

#[test]
fn normalizers_disagree_only_by_documented_repairs() {
    let all = vectors();
    let mut agree = 0usize;
    let mut unexplained = Vec::new();
    for v in &all {
        let verdict = lenient(&v.kind, &v.input);
        let ours = verdict.value().map(str::to_owned);
        let expected = v.valid.then(|| v.compact.clone());
        if ours == expected {
            agree += 1;
        } else if verdict.rule().is_some_and(|r| REPAIR_RULES.contains(&r)) {
            eprintln!("documented repair: {} {:?} -> {:?}", v.kind, v.input, verdict.value());
        } else {
            unexplained
                .push(format!("{} {:?}: ours {verdict:?}, stdnum {expected:?}", v.kind, v.input));
        }
    }
    assert!(unexplained.is_empty(), "unexplained:\n{}", unexplained.join("\n"));
    let agreement = agree as f64 / all.len() as f64;
    eprintln!("normalizer agreement with stdnum: {agree}/{} = {agreement:.4}", all.len());
    assert!(agreement >= 0.95, "agreement {agreement:.4}");
}
