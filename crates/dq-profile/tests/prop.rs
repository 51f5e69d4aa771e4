//! Property tests: merge equals concatenation, no panic on arbitrary bytes, row counts
//! match the csv reader's.

use dq_profile::{ColumnAccumulator, Profiler};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}",
        "[0-9]{1,3},[0-9]{2}",
        "(NC|nd|-|)",
        "[A-Za-zéèàç ]{0,12}",
        Just("75056".to_owned()),
        Just("1 234,56".to_owned()),
        Just("14/07/2023".to_owned()),
    ]
}

fn run(values: &[String], p: &Profiler) -> ColumnAccumulator {
    let mut acc = ColumnAccumulator::new(0, "col", p);
    for (i, v) in values.iter().enumerate() {
        acc.push(v, i as u64);
    }
    acc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_merge_equals_concatenation(a in prop::collection::vec(value(), 0..60), b in prop::collection::vec(value(), 0..60)) {
        let p = Profiler::new();
        let all: Vec<String> = a.iter().chain(&b).cloned().collect();
        let whole = run(&all, &p).finish();
        let mut left = run(&a, &p);
        left.merge(&run(&b, &p));
        let merged = left.finish();
        prop_assert_eq!(whole.count, merged.count);
        prop_assert_eq!(whole.nulls, merged.nulls);
        prop_assert_eq!(&whole.null_tokens, &merged.null_tokens);
        prop_assert_eq!(whole.distinct, merged.distinct);
        prop_assert_eq!(whole.distinct_is_estimate, merged.distinct_is_estimate);
        prop_assert_eq!(&whole.min, &merged.min);
        prop_assert_eq!(&whole.max, &merged.max);
        prop_assert_eq!(whole.min_length, merged.min_length);
        prop_assert_eq!(whole.max_length, merged.max_length);
        prop_assert_eq!(&whole.kind, &merged.kind);
    }

    #[test]
    fn prop_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut p = Profiler::new();
        p.threads(1);
        let _ = p.profile_reader(&bytes[..]);
    }

    #[test]
    fn prop_row_count_matches_csv(rows in prop::collection::vec(prop::collection::vec("[a-z0-9 ,]{0,8}", 3), 1..40)) {
        let mut text = String::from("a;b;c\n");
        for r in &rows {
            text.push_str(&r.join(";"));
            text.push('\n');
        }
        let mut p = Profiler::new();
        p.threads(2);
        let t = p.profile_reader(text.as_bytes()).unwrap();
        let mut src = dq_encoding::csv_from_reader(text.as_bytes()).unwrap();
        let n = src.records().count() as u64;
        prop_assert_eq!(t.rows, n);
    }
}
