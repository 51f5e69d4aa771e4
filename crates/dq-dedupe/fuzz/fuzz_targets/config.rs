//! Fuzzes `Config::from_toml`: no panic; an accepted configuration that passes `check`
//! round-trips through `to_toml` and runs on a small table without panicking.
#![no_main]

use dq_dedupe::{dedupe, Config, RunOptions, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Ok(config) = Config::from_toml(s) else { return };
    let again = Config::from_toml(&config.to_toml());
    assert!(again.is_ok(), "to_toml of an accepted configuration is rejected: {again:?}");
    if config.check().is_err() {
        return;
    }
    let mut table = Table::new(vec!["nom".into(), "cp".into(), "adresse".into()]);
    for (nom, cp, adresse) in [
        ("Boulangerie Martin", "75011", "12 av. Jean Jaurès"),
        ("SARL Boulangerie Martin", "75011", "12 avenue Jean Jaurès"),
        ("SCI du Parc", "69003", "3 bd Saint-Michel"),
        ("", "", ""),
    ] {
        table.push_row([nom, cp, adresse]);
    }
    let mut config = config;
    // Bound the work, not the shapes: a fuzzed random_pairs may ask for 1e8 draws.
    config.random_pairs = config.random_pairs.min(1_000);
    if let Ok(outcome) = dedupe(&table, &config, &RunOptions::default()) {
        assert_eq!(outcome.clusters.len(), table.len());
        for p in &outcome.pairs {
            assert!((0.0..=1.0).contains(&p.probability));
        }
    }
});
