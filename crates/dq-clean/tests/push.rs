//! The push-style cleaner ([`TableCleaner::start`]) writes what `clean` writes and logs
//! the same changes, record by record, for any planned table.
#![cfg(feature = "table")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

use dq_clean::plan::{ColumnPlan, Kind, NullPolicy, Rewrite, TablePlan};
use dq_clean::rules::normalizer_for;
use dq_clean::table::{AuditSink, Change, Flag, TableCleaner};
use dq_clean::Error;
use proptest::prelude::*;

/// Keeps every change and flag as text.
#[derive(Default)]
struct Log(Vec<String>);

impl AuditSink for Log {
    fn change(&mut self, c: &Change<'_>) -> Result<(), Error> {
        self.0
            .push(format!("change {} {} {:?} {:?} {}", c.row, c.column, c.before, c.after, c.rule));
        Ok(())
    }

    fn flag(&mut self, f: &Flag<'_>) -> Result<(), Error> {
        self.0.push(format!("flag {f:?}"));
        Ok(())
    }
}

fn plan() -> TablePlan {
    let mut groupe = ColumnPlan::new(3, "groupe", Kind::Whitespace);
    groupe.nulls = NullPolicy::Data;
    let mut tel = ColumnPlan::new(4, "telephone", Kind::Phone);
    tel.rewrite = Rewrite::Check;
    TablePlan::new(vec![
        ColumnPlan::new(0, "code", Kind::Code),
        ColumnPlan::new(1, "montant", Kind::Number),
        ColumnPlan::new(2, "date", Kind::Date),
        groupe,
        tel,
    ])
}

const HEADER: [&str; 6] = ["code", "montant", "date", "groupe", "telephone", "libre"];

/// A run's output: the cleaned CSV, the change and flag log, the number of changes.
type Run = (String, Vec<String>, u64);

fn both(rows: &[Vec<String>]) -> (Run, Run) {
    let cleaner = TableCleaner::builder().plan(&plan(), &normalizer_for).unwrap().build();
    let mut input = csv::Writer::from_writer(vec![]);
    input.write_record(HEADER).unwrap();
    for r in rows {
        input.write_record(r).unwrap();
    }
    let input = input.into_inner().unwrap();
    let mut rdr = csv::Reader::from_reader(&input[..]);
    let mut out = csv::Writer::from_writer(vec![]);
    let mut log = Log::default();
    let s = cleaner.clean(&mut rdr, &mut out, &mut log).unwrap();
    let pulled = (String::from_utf8(out.into_inner().unwrap()).unwrap(), log.0, s.changes);

    let mut run = cleaner.start(&csv::StringRecord::from(HEADER.to_vec()));
    let mut out = csv::Writer::from_writer(vec![]);
    out.write_record(HEADER).unwrap();
    let mut log = Log::default();
    let mut rdr = csv::Reader::from_reader(&input[..]);
    for rec in rdr.records() {
        let cleaned = run.push(&rec.unwrap(), &mut log).unwrap();
        out.write_record(cleaned).unwrap();
    }
    assert_eq!(run.summary().rows, rows.len() as u64);
    let s = run.finish();
    let pushed = (String::from_utf8(out.into_inner().unwrap()).unwrap(), log.0, s.changes);
    (pulled, pushed)
}

#[test]
fn pushing_records_cleans_as_the_reader_loop_does() {
    let rows: Vec<Vec<String>> = [
        [" 00016 ", "1 234,56", "12/03/2021", "NC", "01 23 45 67 89", " x "],
        ["2A004", "NC", "1er mars 2021", "Nouveau Centre", "0123456789", "NC"],
        ["07", "1.234", "31/02/2021", "", "+33 1 23 45 67 89", ""],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let (pulled, pushed) = both(&rows);
    assert_eq!(pulled, pushed);
    assert!(pulled.2 >= 4, "{pulled:?}");
    assert!(pulled.0.contains("00016,1234.56,2021-03-12,NC,"), "{}", pulled.0);
}

proptest! {
    #[test]
    fn prop_push_equals_pull(rows in proptest::collection::vec(
        proptest::collection::vec("[0-9 ,./A-Za-z-]{0,12}", 6), 0..20)
    ) {
        let (pulled, pushed) = both(&rows);
        prop_assert_eq!(pulled, pushed);
    }
}
