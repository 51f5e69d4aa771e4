//! Fuzzes column inference and the table cleaner on arbitrary CSV bytes: no panic, the
//! output has the input's row count, and the change log rebuilds the input.
#![no_main]

use dq_clean::table::{restore, CsvAuditSink, TableCleaner};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let Ok(mut sink) =
        CsvAuditSink::new(Some(csv::Writer::from_writer(vec![])), None::<csv::Writer<Vec<u8>>>)
    else {
        return;
    };
    // Invalid UTF-8 and similar reading errors are errors, not panics.
    let Ok(summary) = TableCleaner::builder().build().clean(&mut rdr, &mut out, &mut sink) else {
        return;
    };
    let Ok(cleaned) = out.into_inner() else { return };
    let Ok((Some(changes), _)) = sink.into_inner() else { return };
    // Restoring gives back the records as csv read them.
    let mut back = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let rows = restore(
        &mut csv::ReaderBuilder::new().flexible(true).from_reader(cleaned.as_slice()),
        &mut csv::Reader::from_reader(changes.as_slice()),
        &mut back,
    );
    assert_eq!(rows.ok(), Some(summary.rows));
    let Ok(back) = back.into_inner() else { return };
    let mut original = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let mut again = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    if let Ok(h) = again.headers() {
        let _ = original.write_record(h);
    }
    for r in again.records().flatten() {
        let _ = original.write_record(&r);
    }
    assert_eq!(original.into_inner().ok(), Some(back));
});
