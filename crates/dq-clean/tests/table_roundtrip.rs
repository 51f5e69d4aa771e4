//! The table cleaner keeps rows and columns, and its change log rebuilds the input byte
//! for byte (fixtures and property tests).
#![cfg(feature = "table")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use dq_clean::table::{restore, CsvAuditSink, TableCleaner};
use proptest::prelude::*;

/// Cleans `input`, checks the shape, restores it and returns (cleaned, restored).
fn roundtrip(input: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let mut sink = CsvAuditSink::new(
        Some(csv::Writer::from_writer(vec![])),
        Some(csv::Writer::from_writer(vec![])),
    )
    .unwrap();
    let summary = TableCleaner::builder()
        .sample_rows(50)
        .build()
        .clean(&mut rdr, &mut out, &mut sink)
        .unwrap();
    let cleaned = out.into_inner().unwrap();
    let shape = |b: &[u8]| -> Vec<usize> {
        csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(b)
            .records()
            .map(|r| r.unwrap().len())
            .collect()
    };
    assert_eq!(shape(input), shape(&cleaned));
    assert_eq!(summary.rows as usize + 1, shape(input).len().max(1));
    let (changes, _) = sink.into_inner().unwrap();
    let mut back = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    restore(
        &mut csv::ReaderBuilder::new().flexible(true).from_reader(cleaned.as_slice()),
        &mut csv::Reader::from_reader(changes.unwrap().as_slice()),
        &mut back,
    )
    .unwrap();
    (cleaned, back.into_inner().unwrap())
}

#[test]
fn fixture_rebuilt_byte_for_byte() {
    let input = include_bytes!("fixtures/table_mixed.csv");
    let (cleaned, restored) = roundtrip(input);
    assert_eq!(
        String::from_utf8(cleaned).unwrap(),
        "commune,montant,date,taux\nNancy,1234.56,2021-03-12,12.5\nMetz,,2021-03-25,3\nÉpinal,-250,2021-04-01,\n\"Bar-le-Duc, centre\",1234,,7.5\n"
    );
    assert_eq!(restored, input);
}

/// Cells that look like French values, with the troubles they carry.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("NA".to_owned()),
        Just("1 234,56".to_owned()),
        Just("(12)".to_owned()),
        Just("1.234".to_owned()),
        Just("12/03/2021".to_owned()),
        Just("03/25/2021".to_owned()),
        Just(" Nancy ".to_owned()),
        "[0-9 ,.]{0,8}",
        "[a-zé ]{0,8}",
        ".{0,6}",
    ]
}

/// Writes rows the way csv's writer would, so the input is in canonical CSV form.
fn table(rows: &[Vec<String>], ncols: usize) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let header: Vec<String> = (0..ncols).map(|i| format!("c{i}")).collect();
    w.write_record(&header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_table_keeps_shape_and_rebuilds(ncols in 1usize..5, rows in prop::collection::vec(prop::collection::vec(cell(), 1..5), 0..20)) {
        // Rows of one field that is empty would be read back as blank lines, which csv skips.
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|mut r| { r.resize(ncols, "x".to_owned()); r })
            .collect();
        let input = table(&rows, ncols);
        let (_, restored) = roundtrip(&input);
        prop_assert_eq!(restored, input);
    }
}
