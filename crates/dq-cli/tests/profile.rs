//! Integration tests of `dq profile` through the binary, on committed fixtures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profile").join(name)
}

fn profile_json(name: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["profile", "--json"])
        .arg(fixture(name))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn col(v: &Value, i: usize) -> &Value {
    &v["columns"][i]
}

#[test]
fn windows_1252_semicolon() {
    let v = profile_json("subventions_1252.csv");
    assert_eq!(v["encoding"], "windows-1252");
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["has_header"], true);
    assert_eq!(v["rows"], 6);
    assert_eq!(v["duplicate_rows"], 1);
    assert_eq!(col(&v, 0)["min"], "Amicale laïque");
    assert_eq!(col(&v, 1)["format"], "siret");
    assert_eq!(col(&v, 2)["format"], "code_commune");
    assert_eq!(col(&v, 3)["type"], "number");
    assert_eq!(col(&v, 3)["nulls"], 1);
    assert_eq!(col(&v, 3)["null_tokens"]["NC"], 1);
    assert_eq!(col(&v, 4)["type"], "date");
    assert_eq!(col(&v, 4)["date_format"], "%d/%m/%Y");
    let kinds: Vec<&str> = col(&v, 2)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"leading_zeros_lost"), "{kinds:?}");
    for key in ["path", "bom", "quote", "header_row", "findings", "table_schema"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for key in ["index", "name", "format_score", "distinct", "distinct_is_estimate", "max", "top"] {
        assert!(col(&v, 0).get(key).is_some(), "{key}");
    }
}

#[test]
fn headerless() {
    let v = profile_json("sans_entete.csv");
    assert_eq!(v["has_header"], false);
    assert_eq!(v["rows"], 5);
    assert_eq!(col(&v, 0)["format"], "code_commune");
    assert_eq!(col(&v, 1)["format"], "commune");
    assert_eq!(col(&v, 2)["type"], "integer");
}

#[test]
fn title_lines() {
    let v = profile_json("titre.csv");
    assert_eq!(v["header_row"], 3);
    assert_eq!(v["rows"], 4);
    assert_eq!(col(&v, 0)["format"], "uai");
    assert_eq!(col(&v, 2)["format"], "code_postal");
}

#[test]
fn multiline_quoted() {
    let v = profile_json("multiligne.csv");
    assert_eq!(v["rows"], 3);
    assert_eq!(col(&v, 0)["format"], "code_rna");
    assert_eq!(col(&v, 2)["format"], "email");
    let f = &col(&v, 2)["findings"][0];
    assert_eq!(f["kind"], "personal_data");
    assert_eq!(f["examples"][0]["value"], "jean.dupont@gmail.com");
}

#[test]
fn tab_and_pipe() {
    let v = profile_json("tabulation.tsv");
    assert_eq!(v["delimiter"], "\t");
    assert_eq!(col(&v, 0)["format"], "siren");
    assert_eq!(col(&v, 2)["format"], "insee_ape700");
    let v = profile_json("pipe.csv");
    assert_eq!(v["delimiter"], "|");
    assert_eq!(col(&v, 0)["format"], "code_commune");
    assert_eq!(col(&v, 2)["type"], "number");
    assert_eq!(col(&v, 2)["format"], "latitude_wgs_fr_metropole");
}

#[test]
fn schema_file_and_table() {
    let out_path =
        std::env::temp_dir().join(format!("dq-profile-schema-{}.json", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["profile", "--schema"])
        .arg(&out_path)
        .arg(fixture("subventions_1252.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("windows-1252"), "{table}");
    assert!(table.contains("idAttribuant"), "{table}");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    std::fs::remove_file(&out_path).unwrap();
    assert_eq!(schema["fields"][1]["name"], "idAttribuant");
    assert_eq!(schema["fields"][3]["decimalChar"], ",");
    assert!(schema["missingValues"].as_array().unwrap().contains(&Value::from("NC")));
}

#[test]
fn missing_file_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["profile", "/nonexistent/x.csv"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
