//! Integration tests of `dq normalize` for the identifier kinds (SIREN, SIRET, TVA, NIR,
//! RNA, UAI, FINESS, NAF), through the binary.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test]: a failure is a test failure"
)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn run(kind: &str, input: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["normalize", kind, "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn check(kind: &str, input: &str, status: &str, output: Option<&str>, rule: Option<&str>) {
    let v = run(kind, &format!("{input}\n"));
    let v = &v[0];
    assert_eq!(v["status"], status, "{kind} {input:?}: {v}");
    assert_eq!(v["output"].as_str(), output, "{kind} {input:?}: {v}");
    if let Some(rule) = rule {
        assert_eq!(v["rule"].as_str(), Some(rule), "{kind} {input:?}: {v}");
    }
}

#[test]
fn siret() {
    check("siret", "732 829 320 00074", "valid", Some("73282932000074"), Some("separators"));
    check("siret", "35600000000048.0", "valid", Some("35600000000048"), Some("excel_float"));
    check("siret", "3.56E+13", "invalid", None, None);
    check("siret", "73282932000075", "invalid", None, None);
    check("siret", "73282932000074 / 35600000000048", "ambiguous", None, None);
    let v = run("siret", "73282932000074\n");
    assert_eq!(v[0]["siren"], "732829320");
    assert_eq!(v[0]["nic"], "00074");
    assert_eq!(v[0]["changed"], false);
    assert_eq!(v[0]["strict_valid"], true);
    assert_eq!(run("siret", "35600000000048.0\n")[0]["strict_valid"], false);
    let v = run("siret", "3.56E+13\n");
    assert_eq!(v[0]["error_kind"], "excel_digits_lost");
}

#[test]
fn siren_and_tva() {
    check("siren", "732829320", "valid", Some("732829320"), Some("as_is"));
    check("siren", "12 345 678a9", "invalid", None, None);
    assert_eq!(run("siren", "732829320\n")[0]["tva"], "FR44732829320");
    check("tva", "fr 40 303 265 045", "valid", Some("FR40303265045"), None);
    check("tva", "FR41303265045", "invalid", None, None);
    assert_eq!(run("tva", "FR40303265045\n")[0]["siren"], "303265045");
}

#[test]
fn nir_rna_uai_finess_naf() {
    check("nir", "2 95 10 99 126 111 93", "valid", Some("295109912611193"), None);
    check("nir", "295109912611194", "invalid", None, None);
    check("rna", "w751212517", "valid", Some("W751212517"), Some("case"));
    check("uai", "0750655E", "valid", Some("0750655E"), Some("as_is"));
    check("uai", "0750655F", "invalid", None, None);
    check("finess", "750712184", "valid", Some("750712184"), None);
    check("naf", "6201z", "valid", Some("62.01Z"), None);
    assert_eq!(run("naf", "62.01Z\n")[0]["label"], "Programmation informatique");
    check("naf", "62.01A", "invalid", None, None);
}

#[test]
fn plain_output_keeps_invalid_lines() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["normalize", "siret"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"732 829 320 00074\n3.56E+13\n\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "73282932000074\n3.56E+13\n\n");
    assert!(String::from_utf8(out.stderr).unwrap().contains("line 2: invalid"));
}
