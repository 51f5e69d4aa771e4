//! Changes and flags carry the physical line where their record starts, so that a quoted
//! field spanning lines does not shift every line after it; with the `serde` feature,
//! they and verdicts serialize as objects.
#![cfg(feature = "table")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

use dq_clean::plan::{ColumnPlan, Kind, TablePlan};
use dq_clean::rules::normalizer_for;
use dq_clean::table::{AuditSink, Change, Flag, TableCleaner};
use dq_clean::Error;

/// Keeps (row, line, rule or status) of every change and flag.
#[derive(Default)]
struct Where(Vec<(u64, u64, String)>);

impl AuditSink for Where {
    fn change(&mut self, c: &Change<'_>) -> Result<(), Error> {
        self.0.push((c.row, c.line, c.rule.to_owned()));
        Ok(())
    }

    fn flag(&mut self, f: &Flag<'_>) -> Result<(), Error> {
        self.0.push((f.row, f.line, f.status.as_str().to_owned()));
        Ok(())
    }
}

fn cleaner() -> TableCleaner {
    let plan = TablePlan::new(vec![
        ColumnPlan::new(0, "note", Kind::Keep),
        ColumnPlan::new(1, "montant", Kind::Number),
    ]);
    TableCleaner::builder().plan(&plan, &normalizer_for).unwrap().build()
}

/// Row 2's note holds two line breaks: row 3 starts on line 6, not line 4.
const INPUT: &str = "note;montant\nun;1 234,56\n\"deux\nlignes\net trois\";12,5\ntrois;x\n";

#[test]
fn changes_and_flags_name_the_physical_line() {
    let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(INPUT.as_bytes());
    let mut out = csv::Writer::from_writer(vec![]);
    let mut log = Where::default();
    cleaner().clean(&mut rdr, &mut out, &mut log).unwrap();
    let rows_lines: Vec<(u64, u64)> = log.0.iter().map(|(r, l, _)| (*r, *l)).collect();
    assert_eq!(rows_lines, [(1, 2), (2, 3), (3, 6)], "{:?}", log.0);
    assert_eq!(log.0[2].2, "invalid");
}

/// Records pushed without a position (built in memory) report line 0, "unknown".
#[test]
fn records_without_a_position_report_line_zero() {
    let headers = csv::StringRecord::from(vec!["note", "montant"]);
    let c = cleaner();
    let mut cleaner = c.start(&headers);
    let mut log = Where::default();
    cleaner.push(&csv::StringRecord::from(vec!["a", "1 234,56"]), &mut log).unwrap();
    assert_eq!(log.0, [(1, 0, "number_fr".to_owned())]);
}

#[cfg(feature = "serde")]
#[test]
fn changes_flags_and_verdicts_serialize() {
    use dq_clean::Normalizer;
    struct Json(Vec<serde_json::Value>);
    impl AuditSink for Json {
        fn change(&mut self, c: &Change<'_>) -> Result<(), Error> {
            self.0.push(serde_json::to_value(c).unwrap());
            Ok(())
        }
        fn flag(&mut self, f: &Flag<'_>) -> Result<(), Error> {
            self.0.push(serde_json::to_value(f).unwrap());
            Ok(())
        }
    }
    let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(INPUT.as_bytes());
    let mut out = csv::Writer::from_writer(vec![]);
    let mut log = Json(Vec::new());
    cleaner().clean(&mut rdr, &mut out, &mut log).unwrap();
    assert_eq!(
        log.0[0],
        serde_json::json!({"row": 1, "line": 2, "column": 1, "header": "montant",
            "before": "1 234,56", "after": "1234.56", "rule": "number_fr"})
    );
    assert_eq!(log.0[2]["status"], "invalid");
    assert_eq!(log.0[2]["line"], 6);
    let v = dq_clean::number::NumberParser::default().normalize("12,5");
    assert_eq!(
        serde_json::to_value(&v).unwrap(),
        serde_json::json!({"status": "valid", "value": "12.5", "rule": "number_fr"})
    );
}
