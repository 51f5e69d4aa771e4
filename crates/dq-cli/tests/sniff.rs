//! Integration tests of `dq sniff` on the committed encoding fixtures.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encoding").join(name)
}

fn sniff_json(names: &[&str]) -> (Vec<serde_json::Value>, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .arg("sniff")
        .arg("--json")
        .args(names.iter().map(|n| fixture(n)))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let values = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (values, out.status.code())
}

fn check(name: &str, encoding: &str, bom: bool, delimiter: &str, terminator: &str) {
    let (v, code) = sniff_json(&[name]);
    assert_eq!(code, Some(0), "{name}");
    let v = &v[0];
    assert_eq!(v["encoding"], encoding, "{name}: {v}");
    assert_eq!(v["bom"], bom, "{name}");
    assert_eq!(v["delimiter"], delimiter, "{name}");
    assert_eq!(v["line_terminator"], terminator, "{name}");
    assert_eq!(v["quote"], "\"", "{name}");
    assert_eq!(v["has_header"], true, "{name}");
    assert_eq!(v["header_row"], 0, "{name}");
    assert!(v["confidence"].as_f64().unwrap() > 0.5, "{name}");
    assert!(v["path"].as_str().unwrap().ends_with(name));
    assert!(!v["evidence"].as_str().unwrap().is_empty());
}

#[test]
fn sniff_each_encoding() {
    check("windows1252_semicolon.csv", "windows-1252", false, ";", "CRLF");
    check("macroman.csv", "macintosh", false, ";", "CR");
    check("utf16le_bom.csv", "UTF-16LE", true, "\t", "LF");
    check("utf16be_nobom.csv", "UTF-16BE", false, ";", "LF");
    check("ibm850.csv", "IBM850", false, ";", "LF");
    check("iso8859_15_euro.csv", "ISO-8859-15", false, ";", "LF");
    check("latin1_c1.csv", "ISO-8859-1", false, ";", "LF");
    check("utf8_bom.csv", "UTF-8", true, ";", "LF");
    check("ascii_then_1252.csv", "windows-1252", false, ";", "LF");
}

#[test]
fn sniff_binary_files_get_an_error_and_the_others_an_answer() {
    let (v, code) = sniff_json(&[
        "not_a_table.png",
        "windows1252_semicolon.csv",
        "not_a_table.pdf",
        "not_a_table.xlsx",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(v.len(), 4);
    assert!(v[0]["error"].as_str().unwrap().contains("PNG"), "{}", v[0]);
    assert_eq!(v[1]["encoding"], "windows-1252");
    assert!(v[2]["error"].as_str().unwrap().contains("PDF"));
    assert!(v[3]["error"].as_str().unwrap().contains("ZIP"));
}

#[test]
fn sniff_missing_file_is_reported() {
    let (v, code) = sniff_json(&["does_not_exist.csv"]);
    assert_eq!(code, Some(1));
    assert!(v[0]["error"].is_string());
    assert!(v[0]["path"].as_str().unwrap().ends_with("does_not_exist.csv"));
}

#[test]
fn sniff_table_output() {
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .arg("sniff")
        .arg(fixture("ibm850.csv"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().starts_with("path"));
    assert!(text.contains("IBM850"));
}
