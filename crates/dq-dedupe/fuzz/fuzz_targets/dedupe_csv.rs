//! Fuzzes deduplication and linkage of an arbitrary small CSV with no configuration: no
//! panic, clusters form a partition labelled by their smallest record, probabilities in
//! [0, 1], and the same input gives the same clusters.
#![no_main]

use dq_dedupe::{auto, dedupe, link, RunOptions, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = Table::from_csv_reader(data) else { return };
    if table.len() > 300 || table.headers().len() > 12 {
        return;
    }
    let Ok(mut chosen) = auto::configure(&table, None, None) else { return };
    chosen.config.random_pairs = 2_000;
    let Ok(outcome) = dedupe(&table, &chosen.config, &RunOptions::default()) else { return };
    assert_eq!(outcome.clusters.len(), table.len());
    for (i, &c) in outcome.clusters.iter().enumerate() {
        assert!(c as usize <= i, "record {i} in cluster {c}");
        assert_eq!(
            outcome.clusters.get(c as usize),
            Some(&c),
            "cluster {c} not labelled by itself"
        );
    }
    for p in &outcome.pairs {
        assert!((0.0..=1.0).contains(&p.probability));
        assert!(p.left < p.right);
        let _ = outcome.explain(p);
    }
    let again = dedupe(&table, &chosen.config, &RunOptions::default());
    assert_eq!(again.map(|o| o.clusters).ok(), Some(outcome.clusters));
    // The same table linked against itself.
    if let Ok(linked) = link(&table, &table, &chosen.config, &RunOptions::default()) {
        for p in &linked.pairs {
            assert!((p.left as usize) < table.len() && (p.right as usize) < table.len());
            assert!((0.0..=1.0).contains(&p.probability));
        }
    }
});
