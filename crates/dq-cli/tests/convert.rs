//! Integration tests of `dq convert` on the committed encoding fixtures.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encoding").join(name)
}

fn convert(args: &[&str], name: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dq"))
        .arg("convert")
        .arg(fixture(name))
        .args(args)
        .output()
        .unwrap()
}

const EXPECTED_EURO: &str = "code_insee,commune,établissement,montant\r\n\
    42218,Saint-Étienne,École élémentaire Jean Jaurès,\"1 234,50 €\"\r\n\
    94028,Créteil,Œuvre sociale du Cœur,\"500,00 €\"\r\n\
    71076,Chalon-sur-Saône,Hôtel de ville,\"12,00 €\"\r\n";

fn check(name: &str, expected: &str) {
    let out = convert(&[], name);
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
}

#[test]
fn convert_each_encoding_to_utf8_rfc4180() {
    for name in [
        "windows1252_semicolon.csv",
        "macroman.csv",
        "utf16le_bom.csv",
        "utf16be_nobom.csv",
        "iso8859_15_euro.csv",
        "utf8_bom.csv",
    ] {
        check(name, EXPECTED_EURO);
    }
    let plain = "code_insee,commune,établissement,montant\r\n\
        42218,Saint-Étienne,École élémentaire Jean Jaurès,\"1 234,50\"\r\n\
        94028,Créteil,Société coopérative à Noël,\"500,00\"\r\n\
        71076,Chalon-sur-Saône,Hôtel de ville,\"12,00\"\r\n";
    check("ibm850.csv", plain);
    check("latin1_c1.csv", &format!("{plain}00000,Contrôle\u{81}\u{8d}\u{9d},é,0\r\n"));
}

#[test]
fn convert_late_windows_1252_byte_is_decoded_not_replaced() {
    let out = convert(&[], "ascii_then_1252.csv");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("42218,Saint-Étienne,Lycée,\"1,00\"\r\n"));
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn convert_writes_out_atomically_with_bom() {
    let dir = std::env::temp_dir().join(format!("dq-convert-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("out.csv");
    let out = convert(&["-o", out_path.to_str().unwrap(), "--bom"], "macroman.csv");
    assert!(out.status.success());
    let bytes = std::fs::read(&out_path).unwrap();
    assert_eq!(bytes, [b"\xEF\xBB\xBF".as_slice(), EXPECTED_EURO.as_bytes()].concat());
    // Only OUT is left in the directory: no temporary file.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn convert_invalid_byte_fails_with_position_and_leaves_no_out() {
    let dir = std::env::temp_dir().join(format!("dq-convert-fail-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("out.csv");
    let out = convert(&["-o", out_path.to_str().unwrap()], "utf8_late_invalid.csv");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("byte 608, line 52, column 6"), "{err}");
    assert!(err.contains("E9"), "{err}");
    assert!(!out_path.exists());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn convert_lossy_counts_replacements() {
    let out = convert(&["--lossy"], "utf8_late_invalid.csv");
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().ends_with("99,Cr\u{FFFD}teil\r\n"));
    assert!(String::from_utf8(out.stderr).unwrap().contains("1 replacement"));
}

#[test]
fn convert_binary_input_fails_clearly() {
    let out = convert(&[], "not_a_table.xlsx");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("ZIP archive"));
}

#[test]
fn convert_with_forced_delimiter_and_encoding() {
    let out = convert(&["--delimiter", ";", "--encoding", "cp850"], "ibm850.csv");
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("Saint-Étienne"));
}
