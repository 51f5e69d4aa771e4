//! Replays the inputs that made a fuzz target fail (`fuzz/fuzz_targets/*.rs`), committed
//! under `tests/fuzz/<target>/`, with the same checks as the targets: no panic, valid
//! outputs canonical and idempotent, ambiguous verdicts with candidates.
#![cfg(feature = "table")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failure here is a test failure, not a user-facing panic"
)]

use std::path::PathBuf;

use dq_clean::date::{self, DateConvention, DateOrder, ExcelSerial};
use dq_clean::number::{self, DecimalSeparator, NumberConvention};
use dq_clean::table::{restore, CsvAuditSink, TableCleaner};
use dq_clean::{phone, Verdict};

/// The committed inputs of one target (none is fine: the directory may not exist yet).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect();
    out.sort();
    out
}

fn check_number(s: &str) {
    let point = NumberConvention::new(DecimalSeparator::Point);
    for c in [NumberConvention::default(), NumberConvention::new(DecimalSeparator::Comma), point] {
        match number::parse_with(s, &c) {
            Verdict::Valid { value, .. } => {
                assert!(number::kind_of(&value).is_some(), "{s:?} → non-canonical {value:?}");
                assert_eq!(number::parse_with(&value, &point).value(), Some(value.as_ref()));
            }
            Verdict::Ambiguous { candidates, .. } => {
                assert!(!candidates.is_empty(), "{s:?}: ambiguous without candidates");
                for cand in &candidates {
                    assert!(number::kind_of(cand).is_some(), "{s:?} → candidate {cand:?}");
                }
            }
            Verdict::Null | Verdict::Invalid { .. } => {}
        }
    }
}

fn check_date(s: &str) {
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        for excel in [ExcelSerial::Reject, ExcelSerial::Accept] {
            let mut c = DateConvention::new(order);
            c.excel_serial(excel);
            if let Some(out) = date::parse_date_with(s, &c).value() {
                assert_eq!(date::parse_date_with(out, &c).value(), Some(out), "{s:?}");
            }
            if let Some(out) = date::parse_datetime_with(s, &c).value() {
                assert_eq!(date::parse_datetime_with(out, &c).value(), Some(out), "{s:?}");
            }
        }
    }
}

fn check_table(data: &[u8]) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let mut sink =
        CsvAuditSink::new(Some(csv::Writer::from_writer(vec![])), None::<csv::Writer<Vec<u8>>>)
            .unwrap();
    let Ok(summary) = TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink) else {
        return;
    };
    let cleaned = out.into_inner().unwrap();
    let (changes, _) = sink.into_inner().unwrap();
    let mut back = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let rows = restore(
        &mut csv::ReaderBuilder::new().flexible(true).from_reader(cleaned.as_slice()),
        &mut csv::Reader::from_reader(changes.unwrap().as_slice()),
        &mut back,
    )
    .unwrap();
    assert_eq!(rows, summary.rows);
}

#[test]
fn replay_fuzz_inputs() {
    let mut n = 0;
    for (_, data) in inputs("number") {
        check_number(&String::from_utf8_lossy(&data));
        n += 1;
    }
    for (_, data) in inputs("date") {
        check_date(&String::from_utf8_lossy(&data));
        n += 1;
    }
    for (_, data) in inputs("phone") {
        let s = String::from_utf8_lossy(&data);
        if let Some(out) = phone::normalize(&s).value() {
            assert_eq!(phone::normalize(out).value(), Some(out));
        }
        n += 1;
    }
    for (_, data) in inputs("table") {
        check_table(&data);
        n += 1;
    }
    // At least the number crash found on the first run is committed.
    assert!(n >= 1, "no fuzz input found under tests/fuzz");
}
