//! With the `serde` feature, a run's outcome serializes as an object whose groups are
//! its clusters of several records, and whose pairs, rules and vetoes keep their names.
#![cfg(all(feature = "serde", feature = "auto"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

use dq_dedupe::{auto, dedupe, RunOptions, Table};

#[test]
fn an_outcome_serializes_with_its_groups() {
    let mut csv = String::from("nom,prenom,date_naissance,commune\n");
    for i in 0..60 {
        let (m, d) = (1 + i % 9, 10 + i % 9);
        csv.push_str(&format!("Nom{i},Prenom{},19{:02}-0{m}-{d},Ville{}\n", i % 7, i, i % 5));
    }
    // Two spellings of one person.
    csv.push_str("Dupont,Marie,1980-03-12,Lyon\nDUPONT,Marie,1980-03-12,Lyon\n");
    let table = Table::from_csv_reader(csv.as_bytes()).unwrap();
    let chosen = auto::configure(&table, None, None).unwrap();
    // Near misses kept too, so that pairs are there to serialize.
    let options = RunOptions::default().with_keep_from(0.0);
    let outcome = dedupe(&table, &chosen.config, &options).unwrap();
    let v = serde_json::to_value(&outcome).unwrap();
    for key in ["clusters", "groups", "pairs", "rules", "vetoed_pairs", "warnings"] {
        assert!(v.get(key).is_some(), "{key} missing in {v}");
    }
    assert_eq!(v["clusters"].as_array().unwrap().len(), 62);
    let groups: Vec<Vec<u32>> = serde_json::from_value(v["groups"].clone()).unwrap();
    assert_eq!(groups, outcome.groups());
    for pair in v["pairs"].as_array().unwrap() {
        for key in ["left", "right", "weight", "probability", "veto"] {
            assert!(pair.get(key).is_some(), "{key} missing in {pair}");
        }
    }
    assert!(!outcome.pairs.is_empty(), "no pair scored: {v}");
    // Each field's contribution names its level.
    for pair in &outcome.pairs {
        for c in outcome.explain(pair) {
            let json = serde_json::to_value(&c).unwrap();
            assert_eq!(json["level_name"], c.level_name);
            assert!(["exact", "close", "similar", "different", "missing"].contains(&c.level_name));
        }
    }
    for rule in v["rules"].as_array().unwrap() {
        assert!(rule["name"].is_string() && rule["new_pairs"].is_u64(), "{rule}");
    }
}
