//! `dq normalize` for the geography and address kinds of dq-pivot, through the binary.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn insee_fields() {
    let v = run(&["normalize", "insee", "--json"], "1001.0\n75001\n69381\n2a004\n01120\n99999\n\n");
    assert_eq!(v.len(), 7);
    assert_eq!(v[0]["output"], "01001");
    assert_eq!(v[0]["rule"], "excel_float");
    assert_eq!(v[0]["kind"], "commune");
    assert_eq!(v[0]["region"], "84");
    assert_eq!(v[1]["kind"], "historic");
    assert_eq!(v[1]["current_code"], "94002");
    assert_eq!(v[2]["kind"], "arrondissement");
    assert_eq!(v[2]["current_code"], "69123");
    assert_eq!(v[3]["output"], "2A004");
    assert_eq!(v[3]["departement"], "2A");
    assert_eq!(v[3]["name"], "Ajaccio");
    assert_eq!(v[4]["kind"], "associee");
    assert_eq!(v[5]["status"], "invalid");
    assert_eq!(v[6]["status"], "null");
}

#[test]
fn postal_code_communes() {
    let v = run(&["normalize", "postal-code", "--json"], "1400\n75001\n00000\n");
    assert_eq!(v[0]["output"], "01400");
    assert_eq!(v[0]["rule"], "leading_zero");
    assert!(v[0]["communes"].as_array().unwrap().contains(&Value::from("01001")));
    assert_eq!(v[1]["communes"], serde_json::json!(["75056"]));
    assert_eq!(v[1]["arrondissements"], serde_json::json!(["75101"]));
    assert_eq!(v[2]["status"], "invalid");
}

/// The forms of #14 and La Poste's codes without a commune (#11), one per pattern.
#[test]
fn postal_code_forms() {
    let input =
        "6 000\n6,00E+03\nF-13001\n13001 Marseille\n13299 MARSEILLE CEDEX 20\n98000\n98830\n";
    let v = run(&["normalize", "postal-code", "--json"], input);
    let out = |i: usize| (v[i]["status"].clone(), v[i]["output"].clone(), v[i]["rule"].clone());
    assert_eq!(out(0), ("valid".into(), "06000".into(), "leading_zero".into()));
    assert_eq!(out(1), ("valid".into(), "06000".into(), "excel_scientific".into()));
    assert_eq!(out(2), ("valid".into(), "13001".into(), "country_prefix".into()));
    assert_eq!(out(3), ("valid".into(), "13001".into(), "with_town".into()));
    assert_eq!(v[3]["town"], "Marseille");
    assert_eq!(v[3]["communes"], serde_json::json!(["13055"]));
    // A CEDEX value stays whole; the code and the mention are reported beside it.
    assert_eq!(out(4), ("valid".into(), "13299 MARSEILLE CEDEX 20".into(), "cedex".into()));
    assert_eq!(v[4]["postal_code"], "13299");
    assert_eq!(v[4]["cedex"], "CEDEX 20");
    assert_eq!(v[4]["communes"], serde_json::json!([]));
    // Monaco's and New Caledonia's codes: valid, no commune.
    for i in [5, 6] {
        assert_eq!(v[i]["status"], "valid", "{i}");
        assert_eq!(v[i]["communes"], serde_json::json!([]), "{i}");
    }
}

/// The Ministry of the Interior's codes, Alsace and 3-digit codes (#11).
#[test]
fn departement_codes_of_the_interior() {
    let v = run(&["normalize", "departement", "--json"], "ZA\nZZ\n6AE\n001\nZE\n");
    assert_eq!(
        (v[0]["status"].clone(), v[0]["rule"].clone()),
        ("valid".into(), "electoral".into())
    );
    assert_eq!(v[1]["output"], "ZZ");
    assert_eq!(v[2]["output"], "6AE");
    assert_eq!(
        (v[3]["output"].clone(), v[3]["rule"].clone()),
        ("01".into(), "three_digits".into())
    );
    assert_eq!(v[4]["status"], "invalid");
}

#[test]
fn insee_with_inner_space() {
    let v = run(&["normalize", "insee", "--json"], "01 053\n97123\n");
    assert_eq!((v[0]["output"].clone(), v[0]["rule"].clone()), ("01053".into(), "spaces".into()));
    assert_eq!(v[1]["current_code"], "97701");
}

#[test]
fn commune_names_with_hint() {
    let v = run(&["normalize", "commune", "--json"], "st etienne\nSaint-Martin\nAtlantis\n");
    assert_eq!(v[0]["output"], "Saint-Étienne");
    assert_eq!(v[0]["code"], "42218");
    assert_eq!(v[1]["status"], "ambiguous");
    assert!(v[1]["candidates"].as_array().unwrap().len() > 1);
    assert_eq!(v[2]["status"], "invalid");
    let v = run(&["normalize", "commune", "--json", "--hint", "32"], "Saint-Martin\n");
    assert_eq!(v[0]["code"], "32389");
}

#[test]
fn departements_and_regions() {
    let v = run(&["normalize", "departement", "--json"], "2a\nCôtes-d'Armor\n20\n");
    assert_eq!(v[0]["output"], "2A");
    assert_eq!(v[1]["output"], "22");
    assert_eq!(v[2]["status"], "invalid");
    let v = run(&["normalize", "region", "--json"], "Rhône-Alpes\n84\n");
    assert_eq!(v[0]["output"], "84");
    assert_eq!(v[0]["rule"], "old_region");
    assert_eq!(v[1]["rule"], "as_is");
}

#[test]
fn cle_interop_and_address() {
    let v = run(&["normalize", "cle-interop", "--json"], "94002_0120_12_BIS\n75056_0001_00001\n");
    assert_eq!(v[0]["output"], "94002_0120_00012_bis");
    assert_eq!(v[0]["warnings"], serde_json::json!(["casse_invalide", "numero_prefixe_manquant"]));
    assert_eq!(v[1]["status"], "invalid");
    let v = run(
        &["normalize", "address", "--json", "--hint", "94002"],
        "12 bis av. du Gal de Gaulle\n12B AVENUE DU GENERAL DE GAULLE\n",
    );
    assert_eq!(v[0]["output"], v[1]["output"]);
    assert_eq!(v[0]["output"], "94002|12bis|avenue general gaulle");
}
