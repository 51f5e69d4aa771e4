//! Errors across crates: an encoding error met while another crate reads the records
//! reaches the caller with its line and byte offset (issue #17).
#![cfg(all(feature = "clean", feature = "encoding"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs, reason = "tests")]

use dq_fr::clean::table::{CsvAuditSink, TableCleaner};
use dq_fr::encoding::{self, ErrorKind};

/// A UTF-8 table of `rows` rows with an invalid byte in the `bad`-th row, well after the
/// 64 KiB the encoding is detected from.
fn table_with_a_bad_byte(rows: usize, bad: usize) -> Vec<u8> {
    let mut data = b"commune;montant\n".to_vec();
    for i in 0..rows {
        data.extend_from_slice(format!("Saint-Étienne {i};{i},50\n").as_bytes());
        if i + 1 == bad {
            // Replace the last `\n` by a stray byte, then end the line.
            data.pop();
            data.extend_from_slice(b"\xff\n");
        }
    }
    data
}

#[test]
fn a_cleaners_encoding_error_is_found_with_its_line() {
    let data = table_with_a_bad_byte(20_000, 15_000);
    let mut src = encoding::csv_from_reader(&data[..]).unwrap();
    assert_eq!(src.encoding(), Some(encoding::Encoding::UTF_8));
    let mut out = csv::Writer::from_writer(vec![]);
    let mut sink =
        CsvAuditSink::new(None::<csv::Writer<Vec<u8>>>, None::<csv::Writer<Vec<u8>>>).unwrap();
    let err = TableCleaner::builder().build().clean(src.reader(), &mut out, &mut sink).unwrap_err();
    assert_eq!(err.kind(), dq_fr::clean::ErrorKind::Csv);
    // The cleaner's error carries dq-encoding's, four layers down.
    let found = encoding::Error::find_in(&err).expect("the encoding error is in the chain");
    assert_eq!(found.kind(), ErrorKind::InvalidBytes, "{found}");
    let pos = found.position().unwrap();
    // Line 15,001: the header, then the 15,000th row.
    assert_eq!(pos.line, 15_001, "{found}");
    let expected = data.iter().position(|&b| b == 0xff).unwrap() as u64;
    assert_eq!(pos.byte, expected, "{found}");
}

#[test]
fn an_error_without_an_encoding_error_has_none() {
    let err = std::io::Error::other("disk full");
    assert!(encoding::Error::find_in(&err).is_none());
    let csv_err = csv::Error::from(std::io::Error::other("disk full"));
    assert!(encoding::Error::find_in(&csv_err).is_none());
}
