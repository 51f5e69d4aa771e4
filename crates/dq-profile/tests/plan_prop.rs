//! Property tests of the planner and its execution: on any small table of tricky French
//! values, the plan is deterministic, executing it keeps every row, the change log
//! rebuilds the input, a code column keeps its zeros and a data null policy keeps `NC`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code: a failure here is a test failure, not a user-facing panic"
)]

use dq_clean::plan::{Kind, NullPolicy};
use dq_clean::table::{restore, CsvAuditSink, TableCleaner};
use dq_profile::plan::{normalizer, plan, PlanOptions};
use dq_profile::Profiler;
use proptest::prelude::*;

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "0[0-9]{1,5}",
        "[1-9][0-9]{0,4}",
        "[0-9]{1,3},[0-9]{2}",
        "(NC|SO|nd|-|inconnu|)",
        "(oui|non|N|A|P|S)",
        "[A-Za-zéèàç ]{0,10}",
        "(2A|2B|59L|10XX|2B14)",
        Just("75056".to_owned()),
        Just("1 234,56".to_owned()),
        Just("14/07/2023".to_owned()),
        Just("73282932000074".to_owned()),
    ]
}

fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (1usize..4)
        .prop_flat_map(|cols| prop::collection::vec(prop::collection::vec(value(), cols), 1..25))
}

fn to_csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![]);
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn prop_plan_keeps_rows_and_rebuilds_input(rows in table(), names in prop::sample::select(vec!["code_x", "groupe", "montant", "libelle"])) {
        let ncols = rows[0].len();
        let header: Vec<String> = (0..ncols).map(|i| format!("{names}_{i}")).collect();
        let text = to_csv(&header, &rows);
        let profile = Profiler::new().profile_reader(text.as_bytes()).unwrap();
        // Sniffing a few random rows may pick another dialect: that is dq-encoding's
        // subject (its own property tests), not the planner's.
        prop_assume!(profile.columns.len() == ncols && profile.delimiter == ";" && profile.has_header);
        let p1 = plan(&profile, None, &PlanOptions::default());
        // Deterministic: a second profile of the same bytes gives the same plan.
        let again = Profiler::new().profile_reader(text.as_bytes()).unwrap();
        prop_assert_eq!(&p1, &plan(&again, None, &PlanOptions::default()));
        let mut b = TableCleaner::builder();
        b.plan(&p1, &normalizer).unwrap();
        let cleaner = b.build();
        let mut rdr = csv::ReaderBuilder::new().delimiter(b';').flexible(true).from_reader(text.as_bytes());
        let mut out = csv::WriterBuilder::new().delimiter(b';').flexible(true).from_writer(vec![]);
        let mut sink = CsvAuditSink::new(Some(csv::Writer::from_writer(vec![])), None::<csv::Writer<Vec<u8>>>).unwrap();
        let summary = cleaner.clean(&mut rdr, &mut out, &mut sink).unwrap();
        prop_assert_eq!(summary.rows, rows.len() as u64);
        let cleaned = out.into_inner().unwrap();
        let (changes, _) = sink.into_inner().unwrap();
        let mut back = csv::WriterBuilder::new().delimiter(b';').flexible(true).from_writer(vec![]);
        restore(
            &mut csv::ReaderBuilder::new().delimiter(b';').flexible(true).from_reader(cleaned.as_slice()),
            &mut csv::Reader::from_reader(changes.unwrap().as_slice()),
            &mut back,
        ).unwrap();
        prop_assert_eq!(String::from_utf8(back.into_inner().unwrap()).unwrap(), text);
        // Do no harm: a code column's values are only trimmed, and where null tokens are
        // data they survive.
        let mut rdr = csv::ReaderBuilder::new().delimiter(b';').flexible(true).from_reader(cleaned.as_slice());
        let out_rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        for c in &p1.columns {
            for (r, o) in rows.iter().zip(&out_rows) {
                let (before, after) = (r[c.index].as_str(), o.get(c.index).unwrap());
                if c.kind == Kind::Code {
                    prop_assert_eq!(before.trim(), after);
                }
                if c.nulls == NullPolicy::Data && !before.trim().is_empty() {
                    prop_assert!(!after.is_empty(), "{:?} emptied in {:?}", before, c);
                }
            }
        }
    }
}
