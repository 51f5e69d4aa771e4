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

/// The `--json` contract of issue 5, field by field, on a file whose answers are known:
/// six rows (one an exact copy of the first), a constant SIRET, a commune code that lost
/// its leading zero (`1053` for `01053`), `NC` as the only null, French amounts and dates.
#[test]
fn json_contract_every_field() {
    let v = profile_json("subventions_1252.csv");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "path",
        "encoding",
        "bom",
        "delimiter",
        "quote",
        "has_header",
        "header_row",
        "rows",
        "duplicate_rows",
        "columns",
        "findings",
        "table_schema",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert!(v["path"].as_str().unwrap().ends_with("subventions_1252.csv"));
    assert_eq!(v["encoding"], "windows-1252");
    assert_eq!(v["bom"], false);
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["quote"], "\"");
    assert_eq!(v["has_header"], true);
    assert_eq!(v["header_row"], 0);
    assert_eq!(v["rows"], 6);
    assert_eq!(v["duplicate_rows"], 1);

    let columns = v["columns"].as_array().unwrap();
    let names: Vec<&str> = columns.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["nom_beneficiaire", "idAttribuant", "code_commune", "montant", "date_convention"]
    );
    for (i, c) in columns.iter().enumerate() {
        for key in [
            "index",
            "name",
            "type",
            "format",
            "format_score",
            "nulls",
            "null_tokens",
            "distinct",
            "distinct_is_estimate",
            "min",
            "max",
            "top",
            "date_format",
            "findings",
        ] {
            assert!(c.get(key).is_some(), "column {i}: missing {key}");
        }
        assert_eq!(c["index"], i);
        // Five rows are distinct out of six: no column can have more than five values.
        assert_eq!(c["distinct_is_estimate"], false, "column {i}");
        assert!(c["distinct"].as_u64().unwrap() <= 5, "column {i}");
        let score = c["format_score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "column {i}: {score}");
        let top_total: u64 =
            c["top"].as_array().unwrap().iter().map(|t| t["count"].as_u64().unwrap()).sum();
        assert_eq!(
            top_total + c["nulls"].as_u64().unwrap(),
            6,
            "column {i}: top counts every value"
        );
    }
    let (siret, commune, montant, date) = (&columns[1], &columns[2], &columns[3], &columns[4]);
    assert_eq!((siret["type"].as_str(), siret["format"].as_str()), (Some("string"), Some("siret")));
    assert_eq!(siret["distinct"], 1);
    assert_eq!(siret["top"][0]["value"], "73282932000074");
    assert_eq!(siret["top"][0]["count"], 6);
    assert_eq!(siret["format_score"], 1.0);
    assert_eq!(commune["format"], "code_commune");
    assert_eq!(commune["distinct"], 5);
    assert_eq!(montant["type"], "number");
    assert_eq!(montant["nulls"], 1);
    assert_eq!(montant["null_tokens"], serde_json::json!({"NC": 1}));
    // Numbers compare by value in their own type: 12,50 < 500,00 < 1 234,56 < 2 000,00.
    assert_eq!(montant["min"], "12.5");
    assert_eq!(montant["max"], "2000");
    assert_eq!(date["type"], "date");
    assert_eq!(date["date_format"], "%d/%m/%Y");
    assert_eq!(
        (date["min"].as_str(), date["max"].as_str()),
        (Some("14/07/2023"), Some("18/07/2023"))
    );
    assert_eq!(montant["date_format"], Value::Null);

    let kinds = |f: &Value| -> Vec<(String, Value)> {
        f.as_array()
            .unwrap()
            .iter()
            .map(|f| (f["kind"].as_str().unwrap().to_owned(), f["count"].clone()))
            .collect()
    };
    assert_eq!(kinds(&siret["findings"]), [("constant_column".to_owned(), Value::from(6))]);
    assert_eq!(kinds(&commune["findings"]), [("leading_zeros_lost".to_owned(), Value::from(1))]);
    assert_eq!(commune["findings"][0]["examples"][0]["value"], "1053");
    // Table findings: the column findings plus the duplicate row (line 7 copies line 2).
    let all = kinds(&v["findings"]);
    assert!(all.contains(&("duplicate_rows".to_owned(), Value::from(1))), "{all:?}");
    assert!(all.contains(&("leading_zeros_lost".to_owned(), Value::from(1))), "{all:?}");
    // Physical lines on this `\r\n` file: the copy is line 7, `1053` line 5.
    let dup =
        v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "duplicate_rows").unwrap();
    assert_eq!(dup["examples"].as_array().unwrap().len(), 1);
    assert_eq!(dup["examples"][0]["line"], 7);
    assert_eq!(commune["findings"][0]["examples"][0]["line"], 5);

    let fields = v["table_schema"]["fields"].as_array().unwrap();
    let schema_names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(schema_names, names);
    assert_eq!(fields[3]["type"], "number");
    assert_eq!(fields[4]["type"], "date");
}

/// Every line of every finding's examples, in order.
fn example_lines(v: &Value) -> Vec<u64> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["examples"].as_array().unwrap().iter())
        .map(|e| e["line"].as_u64().unwrap())
        .collect()
}

fn profile_path_json(path: &std::path::Path, threads: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["profile", "--json", "--threads", threads])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The same table with `\r\n`, `\n` or `\r` line ends, and a title line, reports the
/// same physical lines, with one thread or two.
#[test]
fn line_numbers_do_not_depend_on_line_ends() {
    let crlf = std::fs::read(fixture("subventions_1252.csv")).unwrap();
    assert!(crlf.windows(2).any(|w| w == b"\r\n"), "the fixture is a CRLF file");
    let lf: Vec<u8> = crlf.iter().copied().filter(|&b| b != b'\r').collect();
    let cr: Vec<u8> = lf.iter().map(|&b| if b == b'\n' { b'\r' } else { b }).collect();
    let dir = std::env::temp_dir();
    let pid = std::process::id();
    let mut seen = Vec::new();
    for (name, bytes) in [("crlf", crlf.clone()), ("lf", lf), ("cr", cr)] {
        let path = dir.join(format!("dq-profile-lines-{pid}-{name}.csv"));
        std::fs::write(&path, &bytes).unwrap();
        // A title line above the header moves every line down by one.
        let titled = dir.join(format!("dq-profile-lines-{pid}-{name}-titre.csv"));
        let eol: &[u8] = match name {
            "crlf" => b"\r\n",
            "lf" => b"\n",
            _ => b"\r",
        };
        let mut t = b"Subventions 2023;;;;".to_vec();
        t.extend_from_slice(eol);
        t.extend_from_slice(&bytes);
        std::fs::write(&titled, &t).unwrap();
        for threads in ["1", "2"] {
            let v = profile_path_json(&path, threads);
            let lines = example_lines(&v);
            assert!(lines.contains(&7), "{name}: the duplicate is line 7: {lines:?}");
            let shifted: Vec<u64> =
                example_lines(&profile_path_json(&titled, threads)).iter().map(|l| l - 1).collect();
            assert_eq!(shifted, lines, "{name} with a title line, {threads} thread(s)");
            seen.push((name, threads, lines));
        }
        std::fs::remove_file(&path).unwrap();
        std::fs::remove_file(&titled).unwrap();
    }
    for (name, threads, lines) in &seen {
        assert_eq!(lines, &seen[0].2, "{name}, {threads} thread(s)");
    }
}
