//! Integration tests of `dq dedupe` on committed synthetic French establishments.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dedupe").join(name)
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-dedupe-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn dq(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dq")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn read_csv(path: &PathBuf) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (headers, rows)
}

/// Pairwise precision, recall and F1 of predicted clusters against the truth.
fn f1(out: &PathBuf) -> (f64, f64, f64) {
    let (_, truth) = read_csv(&fixture("establishments_2k.truth.csv"));
    let truth: HashMap<String, String> =
        truth.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let (headers, rows) = read_csv(out);
    let id = headers.iter().position(|h| h == "record_id").unwrap();
    let cl = headers.iter().position(|h| h == "cluster_id").unwrap();
    let mut both: HashMap<(String, String), u64> = HashMap::new();
    let mut pred: HashMap<String, u64> = HashMap::new();
    let mut real: HashMap<String, u64> = HashMap::new();
    for r in &rows {
        let e = truth[&r[id]].clone();
        *both.entry((r[cl].clone(), e.clone())).or_default() += 1;
        *pred.entry(r[cl].clone()).or_default() += 1;
        *real.entry(e).or_default() += 1;
    }
    let pairs = |m: &mut dyn Iterator<Item = &u64>| m.map(|n| n * (n - 1) / 2).sum::<u64>() as f64;
    let tp = pairs(&mut both.values());
    let (p, r) = (tp / pairs(&mut pred.values()), tp / pairs(&mut real.values()));
    (p, r, 2.0 * p * r / (p + r))
}

#[test]
fn dedupe_without_configuration_finds_the_duplicates() {
    let out = tmp("auto.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--id-column",
        "record_id",
    ]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("[[blocking]]"), "the configuration is printed: {stderr}");
    let (headers, rows) = read_csv(&out);
    assert_eq!(headers.last().unwrap(), "cluster_id");
    assert_eq!(rows.len(), 2000);
    let (p, r, f) = f1(&out);
    // Measured precision 0.987, recall 0.952, F1 0.969 at the default threshold (seed 7).
    assert!(f >= 0.95, "precision {p} recall {r} F1 {f}");
}

#[test]
fn printed_configuration_replays_to_the_same_clusters() {
    let auto_out = tmp("replay-auto.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        auto_out.to_str().unwrap(),
        "--id-column",
        "record_id",
    ]);
    assert!(ok, "{stderr}");
    let toml: String = stderr
        .lines()
        .filter(|l| !l.starts_with("dq:") && !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = tmp("replay.toml");
    std::fs::write(&config, toml).unwrap();
    let replay_out = tmp("replay-config.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        replay_out.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&auto_out).unwrap(),
        std::fs::read_to_string(&replay_out).unwrap()
    );
}

#[test]
fn explain_writes_each_fields_contribution() {
    let out = tmp("explain-out.csv");
    let explain = tmp("explain.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--id-column",
        "record_id",
        "--threshold",
        "0.95",
        "--cluster",
        "connected-components",
        "--explain",
        explain.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let (headers, rows) = read_csv(&explain);
    assert!(headers.contains(&"siret_weight".to_owned()), "{headers:?}");
    assert!(headers.contains(&"raison_sociale_level".to_owned()), "{headers:?}");
    assert!(!rows.is_empty());
    // The weights add up: prior plus contributions is the match weight.
    let w = headers.iter().position(|h| h == "match_weight").unwrap();
    let prior = headers.iter().position(|h| h == "prior_weight").unwrap();
    for r in rows.iter().take(50) {
        let sum: f64 = headers
            .iter()
            .zip(r)
            .filter(|(h, _)| h.ends_with("_weight") && *h != "match_weight" && *h != "prior_weight")
            .map(|(_, v)| v.parse::<f64>().unwrap())
            .sum::<f64>()
            + r[prior].parse::<f64>().unwrap();
        assert!((sum - r[w].parse::<f64>().unwrap()).abs() < 0.05, "{r:?}");
    }
}

#[test]
fn exploding_blocking_rule_is_a_clear_error() {
    let out = tmp("explode.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--config",
        fixture("explode.toml").to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(stderr.contains("would generate") && stderr.contains("cap of 1000"), "{stderr}");
}

#[test]
fn windows_1252_semicolon_input_with_a_title_line_gives_the_same_clusters() {
    // The same 2,000 records as establishments_2k.csv, in windows-1252, separated by `;`,
    // after a title line and a blank line.
    let (utf8_out, cp_out) = (tmp("utf8.csv"), tmp("cp1252.csv"));
    for (input, out) in
        [("establishments_2k.csv", &utf8_out), ("establishments_2k_1252.csv", &cp_out)]
    {
        let (ok, stderr) = dq(&[
            "dedupe",
            fixture(input).to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--id-column",
            "record_id",
        ]);
        assert!(ok, "{stderr}");
        if input.ends_with("1252.csv") {
            assert!(stderr.contains("windows-1252"), "{stderr}");
            assert!(stderr.contains("delimiter ';'"), "{stderr}");
            assert!(stderr.contains("2 preamble line(s), 2000 records"), "{stderr}");
        }
    }
    let (h1, rows1) = read_csv(&utf8_out);
    let (h2, rows2) = read_csv(&cp_out);
    assert_eq!(h1, h2);
    assert_eq!(rows1.len(), 2000);
    // Accented values come out as UTF-8, and every row lands in the same cluster.
    assert!(rows2.iter().any(|r| r.iter().any(|c| c.contains('É'))));
    assert_eq!(rows1, rows2);
}
