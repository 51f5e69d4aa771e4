//! Agreement with the vectors of tests/geo_vectors/, answered by tools/gen-cog/gen_vectors.py
//! from the COG 2026 package and the BAL validator's `cle_interop` rule, independently of
//! this crate. Every disagreement is printed; the agreement must be at least 0.98.
#![cfg(feature = "geo")]

use dq_clean::Normalizer;

fn agreement(name: &str, data: &str, f: impl Fn(&[&str]) -> Option<String>) {
    let mut total = 0usize;
    let mut bad = Vec::new();
    for line in data.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        total += 1;
        if let Some(why) = f(&cols) {
            bad.push(format!("{line:?}: {why}"));
        }
    }
    let rate = 1.0 - bad.len() as f64 / total as f64;
    for b in &bad {
        eprintln!("{name}: {b}");
    }
    eprintln!("{name}: {} vectors, agreement {rate:.4}", total);
    assert!(total > 100);
    assert!(rate >= 0.98, "{name}: agreement {rate}");
}

#[test]
fn insee_vectors() {
    agreement("insee", include_str!("geo_vectors/insee.tsv"), |c| {
        let v = dq_pivot::commune::InseeNormalizer.normalize(c[0]);
        if v.status() != c[1] {
            return Some(format!("status {}", v.status()));
        }
        if c[1] != "valid" {
            return None;
        }
        if v.value() != Some(c[2]) || v.rule() != Some(c[3]) {
            return Some(format!("{:?} {:?}", v.value(), v.rule()));
        }
        let r = dq_pivot::commune::lookup(c[2])?;
        (r.kind.as_str() != c[4] || r.current != c[5]).then(|| format!("{} {}", r.kind, r.current))
    });
}

#[test]
fn postal_vectors() {
    agreement("postal", include_str!("geo_vectors/postal.tsv"), |c| {
        let v = dq_pivot::postal::PostalCodeNormalizer.normalize(c[0]);
        if v.status() != c[1] {
            return Some(format!("status {}", v.status()));
        }
        if c[1] != "valid" {
            return None;
        }
        if v.value() != Some(c[2]) || v.rule() != Some(c[3]) {
            return Some(format!("{:?} {:?}", v.value(), v.rule()));
        }
        let communes: Vec<&str> = dq_pivot::postal::communes(c[2]).collect();
        (communes.join(" ") != c[4]).then(|| format!("communes {communes:?}"))
    });
}

#[test]
fn cle_interop_vectors() {
    agreement("cle_interop", include_str!("geo_vectors/cle_interop.tsv"), |c| {
        let v = dq_pivot::ban::CleInteropNormalizer.normalize(c[0]);
        if v.status() != c[1] {
            return Some(format!("status {} {:?}", v.status(), v.reason()));
        }
        (c[1] == "valid" && v.value() != Some(c[2])).then(|| format!("{:?}", v.value()))
    });
}
