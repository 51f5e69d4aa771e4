//! Integration tests of `dq link` on committed synthetic French establishments.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dedupe").join(name)
}

#[test]
fn link_without_configuration_finds_the_matches() {
    let dir = std::env::temp_dir().join(format!("dq-link-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("links.csv");
    let res = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args([
            "link",
            fixture("link_left.csv").to_str().unwrap(),
            fixture("link_right.csv").to_str().unwrap(),
        ])
        .args(["-o", out.to_str().unwrap(), "--id-column", "record_id"])
        .output()
        .unwrap();
    assert!(res.status.success(), "{}", String::from_utf8_lossy(&res.stderr));
    let mut truth_rdr = csv::Reader::from_path(fixture("establishments_2k.truth.csv")).unwrap();
    let entity: HashMap<String, String> = truth_rdr
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_owned(), r[1].to_owned()))
        .collect();
    let ids = |name: &str| -> Vec<String> {
        let mut rdr = csv::Reader::from_path(fixture(name)).unwrap();
        rdr.records().map(|r| r.unwrap()[0].to_owned()).collect()
    };
    let right_by_entity: HashMap<String, String> =
        ids("link_right.csv").into_iter().map(|id| (entity[&id].clone(), id)).collect();
    let truth: HashSet<(String, String)> = ids("link_left.csv")
        .into_iter()
        .filter_map(|l| right_by_entity.get(&entity[&l]).map(|r| (l, r.clone())))
        .collect();
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    assert_eq!(rdr.headers().unwrap(), vec!["left_id", "right_id", "match_probability"]);
    let pred: HashSet<(String, String)> =
        rdr.records().map(|r| r.unwrap()).map(|r| (r[0].to_owned(), r[1].to_owned())).collect();
    let tp = pred.intersection(&truth).count() as f64;
    let (p, r) = (tp / pred.len() as f64, tp / truth.len() as f64);
    let f1 = 2.0 * p * r / (p + r);
    assert!(f1 >= 0.9, "precision {p} recall {r} F1 {f1}");
}
