//! Accuracy on the generated corpus (tools/profile-corpus): the scorer. Floors are the
//! measured accuracy rounded down; csv-detective's anchor is 0.859 (format) and 0.905
//! (type).

use std::path::PathBuf;

use serde_json::Value;

#[test]
fn corpus_accuracy() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/profile-corpus/corpus");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap();
    let (mut cols, mut fmt_ok, mut type_ok, mut files, mut struct_ok) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for (name, t) in truth.as_object().unwrap() {
        let p = dq_profile::Profiler::new().profile_path(dir.join(name)).unwrap();
        files += 1;
        let s = p.encoding.eq_ignore_ascii_case(t["encoding"].as_str().unwrap())
            && p.delimiter == t["delimiter"].as_str().unwrap()
            && p.has_header == t["has_header"].as_bool().unwrap()
            && p.header_row as u64 == t["header_row"].as_u64().unwrap()
            && p.rows == t["rows"].as_u64().unwrap();
        if s {
            struct_ok += 1;
        } else {
            misses.push(format!(
                "{name}: structure {} {:?} header={} row={} rows={}",
                p.encoding, p.delimiter, p.has_header, p.header_row, p.rows
            ));
        }
        for (i, c) in t["columns"].as_array().unwrap().iter().enumerate() {
            cols += 1;
            let Some(got) = p.columns.get(i) else {
                misses.push(format!("{name}#{i}: missing column"));
                continue;
            };
            if got.format.name() == c["format"].as_str().unwrap() {
                fmt_ok += 1;
            } else {
                misses.push(format!(
                    "{name}#{i} {}: format {} expected {}",
                    got.name,
                    got.format.name(),
                    c["format"]
                ));
            }
            if got.kind == c["type"].as_str().unwrap() {
                type_ok += 1;
            } else {
                misses.push(format!(
                    "{name}#{i} {}: type {} expected {}",
                    got.name, got.kind, c["type"]
                ));
            }
        }
    }
    let fa = f64::from(fmt_ok) / f64::from(cols);
    let ta = f64::from(type_ok) / f64::from(cols);
    eprintln!(
        "files {struct_ok}/{files} structure right; columns {cols}: format {fa:.3}, type {ta:.3}"
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert_eq!(struct_ok, files, "{misses:#?}");
    assert!(fa >= 0.97, "format accuracy {fa}");
    assert!(ta >= 0.97, "type accuracy {ta}");
}
