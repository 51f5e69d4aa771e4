//! Every Arrow kernel of dq-arrow agrees with `dq normalize KIND --json` on the same
//! values, nulls included: the contract the Python package and the DataFusion functions
//! rest on.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use std::io::Write;
use std::process::{Command, Stdio};

use dq_arrow::arrow_array::cast::AsArray;
use dq_arrow::arrow_array::{Array, StringArray};
use dq_arrow::normalize::Normalize;
use dq_arrow::{AnswerOptions, Kind};
use serde_json::Value;

/// One value per line: valid, invalid, ambiguous and null-token values of every kind.
const VALUES: &str = "\
75056
 2a004
75101
01120
99999
1000
13299 MARSEILLE CEDEX 20
NC
n/a

552100554
552 100 554 00013
55210055400014
FR96552100554
1 85 05 78 006 048 22
W751234567
0751234J
010000024
62.01Z
03/04/2021
13/04/2021
03/04/21
2021-04-03T10:30:00
45000
1 234,56
-1.5e3
1,234
oui
False
06 12 34 56 78
0033612345678
contact@exemple.fr
www.data.gouv.fr
Ã©tÃ© Ã  Paris
prÈfecture
l'Ã®le
SAINT-ETIENNE
Saint-Étienne
Lyon 3e
Cergy
Corse-du-Sud
Auvergne-Rhône-Alpes
93
75056_0001_00012
75056_xxxx_00012
12 av. Jean Jaurès
3, r. St-Jean
  espaces   en  trop ";

fn cli(kind: &str, flags: &[&str], values: &[&str]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["normalize", kind, "--json"])
        .args(flags)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = values.join("\n");
    input.push('\n');
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs the kernel on the values with a null after every third one, and compares each
/// row with the CLI's line for its value.
fn agree(kind: Kind, flags: &[&str], options: &AnswerOptions) -> usize {
    let values: Vec<&str> = VALUES.lines().collect();
    let lines = cli(kind.name(), flags, &values);
    assert_eq!(lines.len(), values.len(), "{kind:?}");
    let mut column: Vec<Option<&str>> = Vec::new();
    let mut at = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if i % 3 == 0 {
            column.push(None);
        }
        at.push(column.len());
        column.push(Some(v));
    }
    let arr = StringArray::from(column.clone());
    let k = Normalize::with_options(kind, options).unwrap();
    let answers = k.normalize(&arr).unwrap();
    let output = k.output(&arr).unwrap();
    let output = output.as_string::<i32>();
    let valid = k.is_valid(&arr).unwrap();
    for (i, v) in column.iter().enumerate() {
        if v.is_none() {
            assert!(answers.is_null(i) && output.is_null(i) && valid.is_null(i), "{kind:?}");
        }
    }
    let mut compared = 0;
    for ((v, line), &i) in values.iter().zip(&lines).zip(&at) {
        let row = k.row_json(&answers, i).unwrap();
        let (line, row) = (line.as_object().unwrap(), row.as_object().unwrap());
        assert_eq!(line["input"], *v);
        for (key, want) in line.iter().filter(|(k, _)| *k != "input") {
            assert_eq!(row.get(key), Some(want), "{kind:?} {v:?} {key}");
            compared += 1;
        }
        for (key, got) in row.iter().filter(|(k, _)| !line.contains_key(*k)) {
            assert_eq!(got, &Value::Null, "{kind:?} {v:?} {key} is absent from the CLI's answer");
        }
        assert_eq!(valid.value(i), line["status"] == "valid", "{kind:?} {v:?}");
        let out = (!output.is_null(i)).then(|| Value::from(output.value(i)));
        assert_eq!(out.unwrap_or(Value::Null), line["output"], "{kind:?} {v:?}");
    }
    compared
}

#[test]
fn every_kernel_agrees_with_dq_normalize_json() {
    let mut kinds = 0;
    for &kind in Kind::ALL {
        if Normalize::new(kind).is_err() {
            continue;
        }
        let compared = agree(kind, &[], &AnswerOptions::default());
        assert!(compared >= 5 * VALUES.lines().count(), "{kind:?}: {compared}");
        kinds += 1;
    }
    assert!(kinds >= 30, "{kinds} kinds");
}

#[test]
fn kernels_with_options_agree_with_the_flags() {
    let mut o = AnswerOptions::default();
    o.month_first(true).excel_serial(true);
    agree(Kind::Date, &["--month-first", "--excel-serial"], &o);
    agree(Kind::DateTime, &["--month-first", "--excel-serial"], &o);
    let mut o = AnswerOptions::default();
    o.hint(Some("69"));
    agree(Kind::Commune, &["--hint", "69"], &o);
    agree(Kind::Address, &["--hint", "69"], &o);
}

/// The pivot kernels give the extra fields of `dq normalize insee --json` and
/// `dq normalize postal-code --json` (`communes`), null where the CLI has none.
#[test]
fn pivot_kernels_agree_with_the_extra_fields_of_dq_normalize_json() {
    use dq_arrow::pivot::{insee, postal_communes, InseeField};
    let values: Vec<&str> = VALUES.lines().collect();
    let mut column: Vec<Option<&str>> = values.iter().map(|v| Some(*v)).collect();
    column.push(None);
    let arr = StringArray::from(column);
    let lines = cli("insee", &[], &values);
    for (field, key) in [
        (InseeField::CurrentCode, "current_code"),
        (InseeField::Departement, "departement"),
        (InseeField::Region, "region"),
        (InseeField::Name, "name"),
        (InseeField::Kind, "kind"),
    ] {
        let got = insee(&arr, field).unwrap();
        let got = got.as_string::<i32>();
        assert!(got.is_null(values.len()), "{key}: a null in, a null out");
        for (i, line) in lines.iter().enumerate() {
            let want = line.get(key).cloned().unwrap_or(Value::Null);
            let have = if got.is_null(i) { Value::Null } else { Value::from(got.value(i)) };
            assert_eq!(have, want, "insee {:?} {key}", values[i]);
        }
    }
    let lines = cli("postal-code", &[], &values);
    let communes = postal_communes(&arr).unwrap();
    assert!(communes.is_null(values.len()));
    let mut some = 0;
    for (i, line) in lines.iter().enumerate() {
        let want = line.get("communes").cloned().unwrap_or(Value::Null);
        let have = if communes.is_null(i) {
            Value::Null
        } else {
            some += 1;
            let l = communes.value(i);
            Value::Array(l.as_string::<i32>().iter().map(|s| Value::from(s.unwrap())).collect())
        };
        assert_eq!(have, want, "postal-code {:?}", values[i]);
    }
    assert!(some >= 3, "{some} postal codes with communes");
}
