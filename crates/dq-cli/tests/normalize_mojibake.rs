//! `dq normalize mojibake` through the binary, on the committed fixtures in
//! tests/fixtures/mojibake/.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

const CELLS: &str = include_str!("fixtures/mojibake/cells.txt");
const EXPECTED: &str = include_str!("fixtures/mojibake/expected.txt");

#[test]
fn plain_output_is_the_repaired_cells() {
    let (out, ok) = run(&["normalize", "mojibake"], CELLS);
    assert!(ok);
    let got: Vec<&str> = out.lines().collect();
    let want: Vec<&str> = EXPECTED.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn json_output_has_the_contract_fields() {
    let (out, ok) = run(&["normalize", "mojibake", "--json"], CELLS);
    assert!(ok);
    let inputs: Vec<&str> = CELLS.lines().collect();
    let want: Vec<&str> = EXPECTED.lines().collect();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), inputs.len());
    for ((line, input), expected) in lines.iter().zip(&inputs).zip(&want) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["input"], *input);
        assert_eq!(v["status"], "valid");
        assert_eq!(v["output"], *expected);
        assert_eq!(v["changed"], input != expected);
        assert!(v["reason"].is_null());
        let rule = v["rule"].as_str().unwrap();
        if input == expected {
            assert_eq!(rule, "as_is", "{input:?}");
            assert_eq!(v["steps"], serde_json::json!([]));
        } else {
            assert!(rule.starts_with("mojibake:"), "{input:?}: {rule}");
        }
    }
}

#[test]
fn rules_name_the_misreadings() {
    let (out, _) =
        run(&["normalize", "mojibake", "--json"], "CafÃ©\nThÃƒÂ©Ã¢tre\nCh√¢teau\nCr├¿che\n\n");
    let rules: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["rule"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        rules,
        [
            "mojibake:windows-1252",
            "mojibake:windows-1252+windows-1252",
            "mojibake:macintosh",
            "mojibake:IBM850",
            "as_is"
        ]
    );
}

#[test]
fn crlf_lines_are_read_as_values() {
    let (out, ok) = run(&["normalize", "mojibake"], "CafÃ©\r\nNoÃ«l\r\n");
    assert!(ok);
    assert_eq!(out, "Café\nNoël\n");
}

/// `dq sniff --json` (wired by dq-encoding's core owner) serializes `Dialect` with serde:
/// the delimiter and quote as one-character strings, the terminator as `"CRLF"`/`"LF"`/`"CR"`.
#[test]
fn sniffed_dialect_serializes_for_the_cli_contract() {
    let d = dq_encoding::sniff::sniff("code\tnom\r\n75056\tParis\r\n69123\tLyon\r\n");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["delimiter"], "\t");
    assert_eq!(json["quote"], "\"");
    assert_eq!(json["line_terminator"], "CRLF");
    assert_eq!(json["header_row"], 0);
    assert_eq!(json["has_header"], true);
}
