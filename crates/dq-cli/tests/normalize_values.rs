//! Integration tests of `dq normalize number|date|datetime` through the binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn normalize(args: &[&str], input: &str) -> (String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn numbers() {
    let (out, err) = normalize(&["number"], "1 234,56\n(1 234)\n12,5 %\n1.234\nNA\n");
    assert_eq!(out, "1234.56\n-1234\n12.5\n1.234\n\n");
    assert!(err.contains("line 4: ambiguous"), "{err}");
}

#[test]
fn numbers_json() {
    let (out, _) = normalize(&["number", "--json"], "1.234\n");
    assert!(out.contains("\"status\":\"ambiguous\""), "{out}");
    assert!(out.contains("\"candidates\":[\"1.234\",\"1234\"]"), "{out}");
}

#[test]
fn dates() {
    let (out, err) =
        normalize(&["date"], "12/03/2021\n1er mars 2021\n03/25/2021\n31/02/2021\n44267\n");
    assert_eq!(out, "2021-03-12\n2021-03-01\n03/25/2021\n31/02/2021\n44267\n");
    assert!(err.contains("line 3: ambiguous"), "{err}");
    assert!(err.contains("line 4: invalid"), "{err}");
}

#[test]
fn dates_flags() {
    let (out, _) = normalize(&["date", "--month-first", "--excel-serial"], "03/25/2021\n44267\n");
    assert_eq!(out, "2021-03-25\n2021-03-12\n");
}

#[test]
fn datetimes() {
    let (out, _) = normalize(&["datetime"], "12/03/2021 14h30\n2021-03-12T10:00:00+01:00\n");
    assert_eq!(out, "2021-03-12T14:30:00\n2021-03-12T10:00:00+01:00\n");
}

#[test]
fn a_date_with_a_time_of_day_gives_its_datetime_in_the_json() {
    let (out, _) = normalize(&["date", "--json"], "3 février 2020 à 9 h 05\n2020-02-03\n");
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["status"], "invalid");
    assert_eq!(lines[0]["datetime"], "2020-02-03T09:05:00");
    assert_eq!(lines[1]["output"], "2020-02-03");
    assert!(lines[1].get("datetime").is_none(), "{out}");
}
