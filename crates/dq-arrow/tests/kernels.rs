//! The kernels say what the row-by-row functions say, for every kind, every string
//! layout and nulls.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{
    Array, ArrayRef, Int32Array, LargeStringArray, NullArray, StringArray, StringViewArray,
};
use dq_arrow::dedupe::{blocking_key, compare, similarity, Measure};
use dq_arrow::normalize::{extras, ExtraType, Normalize};
use dq_arrow::pivot::{address_key, insee, postal_communes, InseeField};
use dq_arrow::{Error, Kind};
use dq_dedupe::{FieldComparer, FieldKind, KeyConfig, Transform};
use dq_profile::answer::{AnswerOptions, Answerer};
use proptest::prelude::*;
use serde_json::Value;

/// Values that reach every kind's extra fields: valid, invalid, ambiguous, null tokens.
const SAMPLES: &[&str] = &[
    "",
    "NA",
    " 75056 ",
    "75101",
    "2a004",
    "01001",
    "99999",
    "1000",
    "13299 MARSEILLE CEDEX 20",
    "75001 Paris",
    "552 100 554",
    "552 100 554 00013",
    "55210055400014",
    "FR96552100554",
    "FR 40 303 265 045",
    "1 85 05 78 006 048 22",
    "W751234567",
    "0751234J",
    "750000000",
    "62.01Z",
    "6201z",
    "03/04/2021",
    "03/04/21",
    "2021-04-03 10:30",
    "13/13/2021",
    "1 234,56",
    "1,234",
    "oui",
    "Vrai",
    "01 23 45 67 89",
    "+33 1 23 45 67 89",
    "jean.dupont@exemple.fr",
    "https://www.data.gouv.fr",
    "Ã©tÃ© Ã  Paris",
    "CrÃ©teil",
    "l'Île-de-France",
    "SAINT-ETIENNE",
    "Saint Etienne",
    "Paris",
    "Lyon 1",
    "Ile de France",
    "Bouches-du-Rhône",
    "2B",
    "84",
    "75056_0001_00012",
    "01001_a008_00012_bis",
    "12 av. Jean Jaurès",
    "3, r. St-Jean 75011 Paris",
    "  deux   espaces ",
];

fn string_array(values: &[Option<&str>]) -> StringArray {
    StringArray::from(values.to_vec())
}

/// Every kernel row equals the CLI answer of its value (through `Answer::to_json`, the
/// function `dq normalize --json` prints), extra fields absent from the answer are null,
/// and null rows stay null.
fn check_kind(k: &Normalize, answerer: &Answerer, values: &[Option<&str>]) {
    let arr = string_array(values);
    let answers = k.normalize(&arr).unwrap();
    let output = k.output(&arr).unwrap();
    let output = output.as_string::<i32>();
    let valid = k.is_valid(&arr).unwrap();
    assert_eq!(answers.len(), values.len());
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v else {
            assert!(answers.is_null(i) && output.is_null(i) && valid.is_null(i));
            continue;
        };
        let a = answerer.answer(v);
        let cli = a.to_json(v);
        let row = k.row_json(&answers, i).unwrap();
        let cli = cli.as_object().unwrap();
        let row = row.as_object().unwrap();
        for (key, value) in cli {
            if key == "input" {
                continue;
            }
            assert_eq!(row.get(key), Some(value), "{:?} {v:?} field {key}", k.kind());
        }
        for (key, value) in row {
            if !cli.contains_key(key) {
                assert_eq!(value, &Value::Null, "{:?} {v:?} field {key}", k.kind());
            }
        }
        assert_eq!(output.is_valid(i), a.is_valid(), "{:?} {v:?}", k.kind());
        if a.is_valid() {
            assert_eq!(Some(output.value(i)), a.output.as_deref(), "{:?} {v:?}", k.kind());
        }
        assert_eq!(valid.value(i), a.is_valid(), "{:?} {v:?}", k.kind());
    }
}

fn kernels() -> Vec<(Normalize, Answerer)> {
    let o = AnswerOptions::default();
    Kind::ALL
        .iter()
        .filter_map(|&kind| Some((Normalize::new(kind).ok()?, Answerer::new(kind, &o)?)))
        .collect()
}

#[test]
fn every_kind_with_a_normalizer_has_a_kernel() {
    let o = AnswerOptions::default();
    for &kind in Kind::ALL {
        assert_eq!(Normalize::new(kind).is_ok(), Answerer::new(kind, &o).is_some(), "{kind:?}");
    }
    assert!(kernels().len() >= 30, "{}", kernels().len());
}

#[test]
fn samples_agree_with_the_answers_of_every_kind() {
    let mut values: Vec<Option<&str>> = SAMPLES.iter().map(|s| Some(*s)).collect();
    values.insert(3, None);
    values.push(None);
    for (k, a) in kernels() {
        check_kind(&k, &a, &values);
    }
}

/// A kind whose answer gains an extra field must declare it, with its type.
#[test]
fn every_extra_field_an_answer_gives_is_declared_with_its_type() {
    for (k, a) in kernels() {
        for v in SAMPLES {
            for (key, value) in &a.answer(v).extra {
                let e = extras(k.kind())
                    .iter()
                    .find(|e| e.name == key)
                    .unwrap_or_else(|| panic!("{:?} {v:?}: undeclared extra {key}", k.kind()));
                let ok = match (e.ty, value) {
                    (_, Value::Null) => true,
                    (ExtraType::Utf8, Value::String(_)) | (ExtraType::Boolean, Value::Bool(_)) => {
                        true
                    }
                    (ExtraType::Utf8List, Value::Array(items)) => {
                        items.iter().all(|i| i.is_string())
                    }
                    (ExtraType::Json, Value::Array(_)) => true,
                    _ => false,
                };
                assert!(ok, "{:?} {v:?}: {key} = {value} is not {:?}", k.kind(), e.ty);
            }
        }
    }
}

fn layouts(values: &[Option<&str>]) -> Vec<ArrayRef> {
    vec![
        Arc::new(StringArray::from(values.to_vec())),
        Arc::new(LargeStringArray::from(values.to_vec())),
        Arc::new(StringViewArray::from(values.to_vec())),
    ]
}

/// The plain result of any layout, as owned strings.
fn strings(a: &dyn Array) -> Vec<Option<String>> {
    (0..a.len())
        .map(|i| {
            if a.is_null(i) {
                return None;
            }
            Some(match a.data_type() {
                arrow_schema::DataType::LargeUtf8 => a.as_string::<i64>().value(i).to_owned(),
                arrow_schema::DataType::Utf8View => a.as_string_view().value(i).to_owned(),
                _ => a.as_string::<i32>().value(i).to_owned(),
            })
        })
        .collect()
}

#[test]
fn every_layout_gives_the_same_results_in_its_own_layout() {
    let values: Vec<Option<&str>> = SAMPLES.iter().map(|s| Some(*s)).chain([None]).collect();
    for (k, _) in kernels() {
        let mut seen = Vec::new();
        for arr in layouts(&values) {
            let out = k.output(&arr).unwrap();
            assert_eq!(out.data_type(), &dq_arrow::output_type(arr.data_type()));
            let answers = k.normalize(&arr).unwrap();
            let rows: Vec<_> = (0..values.len()).map(|i| k.row_json(&answers, i)).collect();
            seen.push((strings(&out), k.is_valid(&arr).unwrap(), rows));
        }
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "{:?}", k.kind());
    }
}

#[test]
fn an_all_null_column_gives_nulls() {
    let nulls = NullArray::new(3);
    let k = Normalize::from_name("siret").unwrap();
    let answers = k.normalize(&nulls).unwrap();
    assert_eq!(answers.null_count(), 3);
    assert_eq!(k.output(&nulls).unwrap().null_count(), 3);
    assert_eq!(insee(&nulls, InseeField::Region).unwrap().null_count(), 3);
}

#[test]
fn wrong_arguments_are_errors_that_name_them() {
    let ints = Int32Array::from(vec![1, 2]);
    let k = Normalize::from_name("insee").unwrap();
    let e = k.output(&ints).unwrap_err();
    assert!(matches!(e, Error::NotStrings { argument: "values", .. }), "{e}");
    assert!(e.to_string().contains("Int32"), "{e}");
    let e = Normalize::from_name("siretx").unwrap_err();
    assert!(e.to_string().contains("siret"), "{e}");
    let (a, b) = (StringArray::from(vec!["a"]), StringArray::from(vec!["a", "b"]));
    let e = compare(FieldKind::Name, &a, &b).unwrap_err();
    assert!(matches!(e, Error::LengthMismatch { left: 1, right: 2 }), "{e}");
    let e = address_key(&a, Some(&b)).unwrap_err();
    assert!(matches!(e, Error::LengthMismatch { .. }), "{e}");
    let e = similarity(Measure::Jaro, &a, &ints).unwrap_err();
    assert!(matches!(e, Error::NotStrings { argument: "right", .. }), "{e}");
}

#[test]
fn pivots_equal_the_extra_fields_of_the_answers() {
    let values: Vec<Option<&str>> = SAMPLES.iter().map(|s| Some(*s)).chain([None]).collect();
    let arr = string_array(&values);
    let o = AnswerOptions::default();
    let ins = Answerer::new(Kind::Insee, &o).unwrap();
    let post = Answerer::new(Kind::PostalCode, &o).unwrap();
    let fields = [
        (InseeField::CurrentCode, "current_code"),
        (InseeField::Departement, "departement"),
        (InseeField::Region, "region"),
        (InseeField::Name, "name"),
        (InseeField::Kind, "kind"),
    ];
    let communes = postal_communes(&arr).unwrap();
    for (field, key) in fields {
        let got = strings(&insee(&arr, field).unwrap());
        for (v, g) in values.iter().zip(&got) {
            let want = v.and_then(|v| {
                ins.answer(v).extra.get(key).and_then(|x| x.as_str()).map(str::to_owned)
            });
            assert_eq!(g, &want, "{v:?} {key}");
        }
    }
    for (i, v) in values.iter().enumerate() {
        let want = v.and_then(|v| post.answer(v).extra.get("communes").cloned());
        let got = (!communes.is_null(i)).then(|| {
            let l = communes.value(i);
            Value::Array(l.as_string::<i32>().iter().map(|s| Value::from(s.unwrap())).collect())
        });
        assert_eq!(got, want, "{v:?}");
    }
    let communes = StringArray::from(vec![Some("75056"); values.len()]);
    let keys = strings(&address_key(&arr, Some(&communes)).unwrap());
    for (v, k) in values.iter().zip(&keys) {
        assert_eq!(k, &v.map(|v| dq_pivot::ban::address_key(v, Some("75056"))), "{v:?}");
    }
}

proptest! {
    /// Random text, every kind: the kernels agree with the answers.
    #[test]
    fn prop_kernels_agree_with_the_answers(
        values in proptest::collection::vec(proptest::option::weighted(0.9, prop_oneof![
            "\\PC{0,16}",
            "[0-9AB ]{0,15}",
            proptest::sample::select(SAMPLES.to_vec()).prop_map(str::to_owned),
        ]), 0..12)
    ) {
        let values: Vec<Option<&str>> = values.iter().map(|v| v.as_deref()).collect();
        for (k, a) in kernels() {
            check_kind(&k, &a, &values);
        }
    }

    /// Blocking keys and comparisons equal dq-dedupe's, null in, null out.
    #[test]
    fn prop_dedupe_kernels_agree_with_the_row_functions(
        pairs in proptest::collection::vec(
            (proptest::option::weighted(0.9, "\\PC{0,12}|[A-Za-zé ]{0,12}"),
             proptest::option::weighted(0.9, "\\PC{0,12}|[A-Za-zé ]{0,12}")),
            0..10,
        )
    ) {
        let left: Vec<Option<&str>> = pairs.iter().map(|p| p.0.as_deref()).collect();
        let right: Vec<Option<&str>> = pairs.iter().map(|p| p.1.as_deref()).collect();
        let (l, r) = (string_array(&left), string_array(&right));
        for kind in FieldKind::ALL {
            let levels = compare(kind, &l, &r).unwrap();
            let mut c = FieldComparer::new(kind);
            for i in 0..pairs.len() {
                let want = match (left[i], right[i]) {
                    (Some(a), Some(b)) => c.level(a, b),
                    _ => None,
                };
                prop_assert_eq!((!levels.is_null(i)).then(|| levels.value(i)), want);
            }
        }
        for m in Measure::ALL {
            let s = similarity(m, &l, &r).unwrap();
            let mut scratch = dq_dedupe::compare::Scratch::new();
            for i in 0..pairs.len() {
                let want = match (left[i], right[i]) {
                    (Some(a), Some(b)) => Some(m.similarity(&mut scratch, a, b)),
                    _ => None,
                };
                prop_assert_eq!((!s.is_null(i)).then(|| s.value(i)), want);
            }
        }
        for t in Transform::ALL {
            let key = KeyConfig::new("x", t);
            let got = strings(&blocking_key(&l, &key).unwrap());
            for (v, g) in left.iter().zip(&got) {
                let want = v.map(|v| {
                    let mut out = String::new();
                    dq_dedupe::blocking_key(&key, v, &mut out);
                    out
                }).filter(|k| !k.is_empty());
                prop_assert_eq!(g, &want);
            }
        }
    }
}

#[test]
fn similarities_are_those_of_the_comparators() {
    let (a, b) =
        (StringArray::from(vec!["MARTHA", "DUPONT"]), StringArray::from(vec!["MARHTA", "DUPONT"]));
    let jw = similarity(Measure::JaroWinkler, &a, &b).unwrap();
    assert_eq!(jw.value(0), dq_dedupe::compare::jaro_winkler("MARTHA", "MARHTA"));
    assert_eq!(jw.value(1), 1.0);
    let lev = similarity(Measure::Levenshtein, &a, &b).unwrap();
    assert_eq!(lev.value(0), dq_dedupe::compare::levenshtein_similarity("MARTHA", "MARHTA"));
    assert!(Measure::from_name("token-set") == Some(Measure::TokenSet));
}

/// Pairs of arrays of different layouts are compared row by row like pairs of one layout.
#[test]
fn mixed_layouts_compare_like_one_layout() {
    let left = vec![Some("Dupont"), None, Some("Martin"), Some("Lefèvre")];
    let right = vec![Some("Dupond"), Some("x"), None, Some("Lefebvre")];
    let same = compare(FieldKind::Name, &string_array(&left), &string_array(&right)).unwrap();
    let jw = similarity(Measure::JaroWinkler, &string_array(&left), &string_array(&right)).unwrap();
    for l in layouts(&left) {
        for r in layouts(&right) {
            assert_eq!(compare(FieldKind::Name, &l, &r).unwrap(), same);
            assert_eq!(similarity(Measure::JaroWinkler, &l, &r).unwrap(), jw);
        }
    }
    assert_eq!(same.null_count(), 2);
}
