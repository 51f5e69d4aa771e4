//! Integration tests of `dq audit` through the binary: the sample of `examples/data`, and
//! the fixtures of the other commands (windows-1252, UTF-16, Mac Roman, IBM850,
//! headerless, TAB, `|`, title lines, multi-line fields, lone CR line ends).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test code: a failure here is a test failure, not a user-facing panic"
)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    manifest().join("../../examples/data/etablissements.csv")
}

fn fixture(rel: &str) -> PathBuf {
    manifest().join("tests/fixtures").join(rel)
}

fn sniff_fixture(name: &str) -> PathBuf {
    manifest().join("../dq-encoding/tests/sniff_fixtures").join(name)
}

/// A fresh folder for one test.
fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-audit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dq(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dq")).args(args).output().unwrap()
}

/// Runs `dq audit INPUT -o DIR EXTRA…` and checks it succeeded.
fn audit(input: &Path, dir: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["audit".as_ref(), input.as_os_str(), "-o".as_ref(), dir.as_os_str()];
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    let out = dq(&args);
    assert!(
        out.status.success(),
        "dq audit {} failed: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The input's data records, read as dq reads them (any encoding, sniffed dialect).
fn input_records(input: &Path) -> Vec<Vec<String>> {
    let mut src = dq_encoding::open_csv(input).unwrap();
    src.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(path).unwrap();
    let headers = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = rdr.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    (headers, rows)
}

fn report(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap()
}

/// report.json validates against docs/audit-report.schema.json.
fn check_schema(dir: &Path) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(manifest().join("../../docs/audit-report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let instance = report(dir);
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
    // The schema is not vacuous: a report without its rows, or with a score above 100,
    // does not validate.
    let mut broken = instance.clone();
    broken.as_object_mut().unwrap().remove("rows");
    assert!(!validator.is_valid(&broken));
    let mut broken = instance;
    broken["score"]["file"] = serde_json::json!(101.0);
    assert!(!validator.is_valid(&broken));
}

/// Same rows and columns as the input, and changes.csv undone rebuilds every cell.
fn check_clean_and_restore(input: &Path, dir: &Path) {
    let original = input_records(input);
    let (_, cleaned) = read_csv(&dir.join("clean.csv"));
    assert_eq!(cleaned.len(), original.len(), "{}: row count", input.display());
    for (i, (a, b)) in original.iter().zip(&cleaned).enumerate() {
        assert_eq!(a.len(), b.len(), "{}: row {} field count", input.display(), i + 1);
    }
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let restored_rows = dq_clean::table::restore(
        &mut csv::ReaderBuilder::new().flexible(true).from_path(dir.join("clean.csv")).unwrap(),
        &mut csv::ReaderBuilder::new().flexible(true).from_path(dir.join("changes.csv")).unwrap(),
        &mut out,
    )
    .unwrap();
    assert_eq!(restored_rows as usize, original.len());
    let bytes = out.into_inner().unwrap();
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
    let restored: Vec<Vec<String>> =
        rdr.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    assert_eq!(restored, original, "{}: restore", input.display());
}

/// The report's counts agree with the files next to it and with the input.
fn check_counts(input: &Path, dir: &Path) {
    let r = report(dir);
    let original = input_records(input);
    assert_eq!(r["rows"].as_u64().unwrap() as usize, original.len());
    let (_, changes) = read_csv(&dir.join("changes.csv"));
    let (_, flags) = read_csv(&dir.join("flags.csv"));
    assert_eq!(r["changes"]["total"].as_u64().unwrap() as usize, changes.len());
    assert_eq!(r["flags"]["total"].as_u64().unwrap() as usize, flags.len());
    let per_column: u64 =
        r["changes"]["by_column"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(per_column as usize, changes.len());
    let mut seen = HashSet::new();
    let dups = original.iter().filter(|rec| !seen.insert(rec.to_owned())).count();
    assert_eq!(r["duplicates"]["exact_duplicate_rows"].as_u64().unwrap() as usize, dups);
    for c in r["columns"].as_array().unwrap() {
        let s = c["score"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&s));
    }
}

/// A small XML-style well-formedness check: tags nest, void elements excepted, and no
/// tag refers to anything outside the file.
fn check_html(dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let void = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("unclosed tag");
        let tag = &after[..close];
        rest = &after[close + 1..];
        assert!(!tag.contains("http"), "tag with a URL: <{tag}>");
        assert!(
            !tag.starts_with("script") && !tag.starts_with("link"),
            "external resource: <{tag}>"
        );
        assert!(!tag.contains("src=") && !tag.contains("href="), "reference: <{tag}>");
        if tag.starts_with('!') {
            continue;
        }
        let self_closing = tag.ends_with('/');
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().unwrap_or_default();
            assert_eq!(top, name.trim(), "mismatched </{name}>");
        } else if !self_closing {
            let name: String =
                tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            if !void.contains(&name.as_str()) {
                stack.push(name);
            }
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    assert!(!html.contains("@import") && !html.contains("url("));
    html
}

#[test]
fn sample_audit() {
    let dir = tmp("sample");
    let out = audit(&sample(), &dir, &[]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("279 rows"), "{stdout}");
    check_clean_and_restore(&sample(), &dir);
    check_counts(&sample(), &dir);
    check_schema(&dir);
    let html = check_html(&dir);
    let r = report(&dir);
    assert_eq!(r["input"]["encoding"], "windows-1252");
    assert_eq!(r["input"]["delimiter"], ";");
    assert_eq!(r["input"]["header_row"], 2);
    // One card per column.
    let ncols = r["columns"].as_array().unwrap().len();
    assert_eq!(html.matches("<section class=\"card column-card\"").count(), ncols);
    // The SIRET column goes through dq-pivot and its bad keys are flagged.
    let siret = r["columns"].as_array().unwrap().iter().find(|c| c["name"] == "siret").unwrap();
    assert_eq!(siret["normalizer"], "siret");
    assert!(siret["invalid"].as_u64().unwrap() > 0);
    assert!(siret["changed"].as_u64().unwrap() > 0, "spaces in SIRETs are removed");
    // Postal codes get their leading zero back.
    let (headers, cleaned) = read_csv(&dir.join("clean.csv"));
    let cp = headers.iter().position(|h| h == "code_postal").unwrap();
    assert!(cleaned.iter().all(|r| r[cp].is_empty() || r[cp].len() == 5));
    // Mojibake repaired: no `Ã` left in the company names.
    let rs = headers.iter().position(|h| h == "raison_sociale").unwrap();
    assert!(cleaned.iter().all(|r| !r[rs].contains('Ã')));
    // Probable duplicates were searched and the CSV lists them.
    assert_eq!(r["duplicates"]["status"], "done");
    let (dh, dups) = read_csv(&dir.join("duplicates.csv"));
    assert_eq!(dh[..4], ["group_id", "kind", "size", "members"]);
    let probable = dups.iter().filter(|d| d[1] == "probable").count();
    assert_eq!(probable, r["duplicates"]["clusters"].as_array().unwrap().len());
    assert!(probable > 0);
}

#[test]
fn fixtures_of_the_other_crates() {
    let inputs = [
        fixture("profile/subventions_1252.csv"),
        fixture("profile/sans_entete.csv"),
        fixture("profile/tabulation.tsv"),
        fixture("profile/titre.csv"),
        fixture("profile/multiligne.csv"),
        fixture("profile/pipe.csv"),
        fixture("encoding/utf16le_bom.csv"),
        fixture("encoding/utf16be_nobom.csv"),
        fixture("encoding/macroman.csv"),
        fixture("encoding/ibm850.csv"),
        fixture("encoding/utf8_bom.csv"),
        fixture("clean/cp1252.csv"),
        sniff_fixture("mac_cr.csv"),
        sniff_fixture("une_colonne.csv"),
        sniff_fixture("adresses_multilignes.csv"),
    ];
    for (i, input) in inputs.iter().enumerate() {
        let dir = tmp(&format!("fixture{i}"));
        audit(input, &dir, &["--no-dedupe", "--quiet"]);
        check_clean_and_restore(input, &dir);
        check_counts(input, &dir);
        check_schema(&dir);
        check_html(&dir);
    }
}

#[test]
fn headerless_file_gets_column_names() {
    let input = fixture("profile/sans_entete.csv");
    let dir = tmp("headerless");
    audit(&input, &dir, &["--no-dedupe"]);
    let (headers, rows) = read_csv(&dir.join("clean.csv"));
    assert_eq!(headers[0], "column_1");
    assert_eq!(rows.len(), input_records(&input).len());
    assert_eq!(report(&dir)["input"]["has_header"], false);
}

#[test]
fn dedupe_fixture_finds_clusters() {
    let input = fixture("dedupe/establishments_2k.csv");
    let dir = tmp("dedupe");
    audit(&input, &dir, &["--quiet", "--add-pivots"]);
    let r = report(&dir);
    assert_eq!(r["duplicates"]["status"], "done");
    let clusters = r["duplicates"]["clusters"].as_array().unwrap();
    assert!(!clusters.is_empty());
    // cluster_id in clean.csv matches the report's clusters.
    let (headers, rows) = read_csv(&dir.join("clean.csv"));
    let cid = headers.iter().position(|h| h == "cluster_id").unwrap();
    for c in clusters {
        let id = c["cluster_id"].as_u64().unwrap().to_string();
        for m in c["members"].as_array().unwrap() {
            let row = m.as_u64().unwrap() as usize;
            assert_eq!(rows[row - 1][cid], id);
        }
    }
    check_schema(&dir);
}

#[test]
fn added_pivot_columns() {
    let dir = tmp("pivots");
    audit(&sample(), &dir, &["--quiet", "--add-pivots", "--no-dedupe"]);
    let (headers, rows) = read_csv(&dir.join("clean.csv"));
    let n = headers.len();
    assert_eq!(headers[n - 3..], ["siren", "code_commune_insee", "cluster_id"]);
    let siret = headers.iter().position(|h| h == "siret").unwrap();
    let mut with_siren = 0;
    for r in &rows {
        if !r[n - 3].is_empty() {
            assert!(r[siret].starts_with(&r[n - 3]));
            with_siren += 1;
        }
        // --no-dedupe: no cluster.
        assert_eq!(r[n - 1], "");
    }
    assert!(with_siren > rows.len() / 2);
    let insee = rows.iter().filter(|r| r[n - 2].len() == 5).count();
    assert!(insee > rows.len() / 2);
    assert_eq!(
        report(&dir)["added_columns"],
        serde_json::json!(["siren", "code_commune_insee", "cluster_id"])
    );
    check_schema(&dir);
}

#[test]
fn default_output_folder_and_input_untouched() {
    let dir = tmp("default");
    let input = dir.join("mon fichier.csv");
    std::fs::copy(sample(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = dq(&["audit".as_ref(), input.as_os_str(), "--no-dedupe".as_ref()]);
    assert!(out.status.success());
    assert!(dir.join("mon fichier.dq/report.html").is_file());
    assert!(dir.join("mon fichier.dq/clean.csv").is_file());
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn formats_language_and_quiet() {
    let json = tmp("json");
    audit(&sample(), &json, &["--format", "json", "--no-dedupe"]);
    assert!(json.join("report.json").is_file() && !json.join("report.html").exists());
    let html = tmp("html");
    audit(&sample(), &html, &["--format", "html", "--no-dedupe", "--lang", "en"]);
    assert!(!html.join("report.json").exists());
    let page = check_html(&html);
    assert!(page.contains("<html lang=\"en\">") && page.contains("Data quality report"));
    // Findings read in English too: the profile's French messages are not shown.
    assert!(page.contains("leading zeros lost"), "English finding texts");
    assert!(!page.contains("colonne «"), "a French finding message in the English report");
    let quiet = tmp("quiet");
    let out = audit(&sample(), &quiet, &["--quiet", "--no-dedupe"]);
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let r = report(&quiet);
    assert_eq!(r["duplicates"]["status"], "skipped");
    assert_eq!(r["lang"], "fr");
    assert!(std::fs::read_to_string(quiet.join("report.html")).unwrap().contains("lang=\"fr\""));
}

#[test]
fn rules_override_the_profile() {
    let dir = tmp("rules");
    let rules = dir.join("rules.toml");
    std::fs::write(
        &rules,
        "[columns.siret]\nkind = \"keep\"\n\n[columns.effectif]\nkind = \"number\"\n",
    )
    .unwrap();
    let out = dir.join("out");
    audit(&sample(), &out, &["--rules", rules.to_str().unwrap(), "--no-dedupe"]);
    let r = report(&out);
    let col =
        |n: &str| r["columns"].as_array().unwrap().iter().find(|c| c["name"] == n).unwrap().clone();
    assert_eq!(col("siret")["normalizer"], "keep");
    assert_eq!(col("siret")["normalizer_source"], "rule");
    assert_eq!(col("siret")["changed"], 0);
    assert_eq!(col("effectif")["normalizer_source"], "rule");
    assert_eq!(col("code_postal")["normalizer_source"], "profile");
    check_clean_and_restore(&sample(), &out);
}

#[test]
fn errors_exit_2() {
    let dir = tmp("errors");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["audit".into(), dir.join("absent.csv").into()],
        vec![
            "audit".into(),
            fixture("encoding/not_a_table.pdf").into(),
            "-o".into(),
            dir.join("pdf").into(),
        ],
        vec!["audit".into(), sample().into(), "--rules".into(), dir.join("absent.toml").into()],
    ];
    for args in &cases {
        let a: Vec<&std::ffi::OsStr> = args.iter().map(|s| s.as_os_str()).collect();
        let out = dq(&a);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("dq: error: "), "{args:?}");
    }
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[columns.siret]\nkind = \"nombre\"\n").unwrap();
    let out = dq(&[
        "audit".as_ref(),
        sample().as_os_str(),
        "--rules".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        dir.join("bad").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nombre"));
}
