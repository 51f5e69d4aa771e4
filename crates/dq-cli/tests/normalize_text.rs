//! Integration tests of `dq normalize` for the text kinds of dq-clean, through the binary.
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

use serde_json::Value;

fn normalize(kind: &str, input: &str) -> Vec<Value> {
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

/// Checks one answer: status, output and rule (`None` = JSON null).
fn check(v: &Value, input: &str, status: &str, output: Option<&str>, rule: Option<&str>) {
    for field in ["input", "status", "output", "changed", "rule", "reason"] {
        assert!(v.get(field).is_some(), "field {field} missing in {v}");
    }
    assert_eq!(v["input"], input);
    assert_eq!(v["status"], status, "{v}");
    assert_eq!(v["output"].as_str(), output, "{v}");
    assert_eq!(v["rule"].as_str(), rule, "{v}");
    let changed = status == "valid" && output != Some(input);
    assert_eq!(v["changed"], changed, "{v}");
    if status == "invalid" || status == "ambiguous" {
        assert!(v["reason"].is_string(), "{v}");
    }
}

#[test]
fn phone() {
    let a = normalize(
        "phone",
        "01 23 45 67 89\n0692 12 34 56\n1,23457E+08\n01 23 45 67 89 / 06 12 34 56 78\n",
    );
    check(&a[0], "01 23 45 67 89", "valid", Some("+33123456789"), Some("e164"));
    check(&a[1], "0692 12 34 56", "valid", Some("+262692123456"), Some("e164_overseas"));
    check(&a[2], "1,23457E+08", "invalid", None, None);
    check(&a[3], "01 23 45 67 89 / 06 12 34 56 78", "ambiguous", None, None);
    assert_eq!(a[3]["candidates"][1], "+33612345678");
}

#[test]
fn text_kinds() {
    let a = normalize("whitespace", " Saint-Denis\u{a0}\n");
    check(&a[0], " Saint-Denis\u{a0}", "valid", Some("Saint-Denis"), Some("trim"));
    let a = normalize("unicode", "L’Isle-Adam\n");
    check(&a[0], "L’Isle-Adam", "valid", Some("L'Isle-Adam"), Some("apostrophe"));
    let a = normalize("apostrophe", "d‘Ascq\n");
    check(&a[0], "d‘Ascq", "valid", Some("d'Ascq"), Some("apostrophe"));
    let a = normalize("fold", "Saint-Étienne\nlyon\n");
    check(&a[0], "Saint-Étienne", "valid", Some("saint-etienne"), Some("fold"));
    check(&a[1], "lyon", "valid", Some("lyon"), Some("as_is"));
    // Accents come from the official commune names (dq-pivot), never invented.
    let a = normalize("title", "VILLENEUVE-D'ASCQ\nSAINT-ETIENNE\nJEAN-MARIE DE LA ROCHE\n");
    check(&a[0], "VILLENEUVE-D'ASCQ", "valid", Some("Villeneuve-d'Ascq"), Some("title_reference"));
    check(&a[1], "SAINT-ETIENNE", "valid", Some("Saint-Étienne"), Some("title_reference"));
    check(&a[2], "JEAN-MARIE DE LA ROCHE", "valid", Some("Jean-Marie de la Roche"), Some("title"));
}

#[test]
fn null_bool_email_url() {
    let a = normalize("null", "N/A\nNancy\n9999\n");
    check(&a[0], "N/A", "null", None, None);
    check(&a[1], "Nancy", "valid", Some("Nancy"), Some("not_null"));
    check(&a[2], "9999", "ambiguous", None, None);
    let a = normalize("bool", "Oui\nF\n");
    check(&a[0], "Oui", "valid", Some("true"), Some("bool"));
    check(&a[1], "F", "ambiguous", None, None);
    let a = normalize("email", "Jean.Dupont@Exemple.FR\n");
    check(&a[0], "Jean.Dupont@Exemple.FR", "valid", Some("Jean.Dupont@exemple.fr"), Some("email"));
    let a = normalize("url", "www.ville.fr\nHTTPS://Ville.FR/Contact\n");
    check(&a[0], "www.ville.fr", "ambiguous", None, None);
    check(
        &a[1],
        "HTTPS://Ville.FR/Contact",
        "valid",
        Some("https://ville.fr/Contact"),
        Some("url"),
    );
}
