//! Property tests of `csv_from_reader`'s record guard: no panic on any bytes and any read
//! sizes, tables written by the csv crate read back unchanged with LF or CRLF line ends,
//! and the field limit holds on any input.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::io::Read;

use dq_encoding::{csv_from_reader_with, CsvOptions, ErrorKind, Limit, TextRecord};
use proptest::prelude::*;

/// A reader that returns at most a few bytes per call.
struct Trickle {
    data: Vec<u8>,
    at: usize,
    size: usize,
}

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.size.min(buf.len()).min(self.data.len() - self.at);
        buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn read_all(
    data: Vec<u8>,
    size: usize,
    opts: &CsvOptions,
) -> Result<Vec<Vec<String>>, dq_encoding::Error> {
    let mut src = csv_from_reader_with(Trickle { data, at: 0, size }, opts)?;
    let mut rec = TextRecord::new();
    let mut out = Vec::new();
    if src.dialect().has_header {
        out.push(
            src.reader()
                .headers()
                .map_err(dq_encoding::Error::from)?
                .iter()
                .map(str::to_owned)
                .collect(),
        );
    }
    while src.read_text_record(&mut rec)? {
        out.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(out)
}

fn field() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        "[a-zé0-9 ]{1,6}(, [a-z0-9]{1,3})?|\"[a-z]{1,3}\"|[a-z]{1,3}\r\n[a-z]{1,3}",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), size in 1usize..64, max in 1usize..8) {
        let mut opts = CsvOptions::default();
        opts.max_fields(max).max_field_bytes(max * 3).max_record_bytes(max * 10);
        let _ = read_all(bytes, size, &opts);
    }

    #[test]
    fn prop_written_tables_read_back(rows in prop::collection::vec(prop::collection::vec(field(), 3), 2..12), crlf in any::<bool>(), size in 1usize..64) {
        let mut w = csv::WriterBuilder::new()
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        w.write_record(["code", "libelle", "commentaire"]).unwrap();
        for r in &rows {
            w.write_record(r).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let mut opts = CsvOptions::default();
        opts.delimiter(Some(b','));
        let got = read_all(bytes, size, &opts).unwrap();
        let mut want = vec![vec!["code".to_owned(), "libelle".to_owned(), "commentaire".to_owned()]];
        want.extend(rows.iter().cloned());
        prop_assert_eq!(got, want);
    }

    #[test]
    fn prop_field_limit_holds(n in 1usize..200, max in 1usize..50) {
        let line = vec!["a"; n].join(";");
        let text = format!("{line}\n{line}\n");
        let mut opts = CsvOptions::default();
        opts.max_fields(max).delimiter(Some(b';'));
        match read_all(text.into_bytes(), 7, &opts) {
            Ok(rows) => prop_assert!(n <= max && rows.iter().all(|r| r.len() == n)),
            Err(e) => {
                prop_assert!(n > max);
                prop_assert_eq!(e.kind(), ErrorKind::LimitExceeded);
                prop_assert_eq!(e.limit(), Some(Limit::Fields));
                prop_assert_eq!(e.position().map(|p| p.line), Some(1));
            }
        }
    }
}

proptest! {
    /// What `csv_writer` writes in a source's dialect reads back, in that dialect, as
    /// the records written: delimiters, quotes and line breaks inside fields included.
    #[test]
    fn csv_writer_round_trips_in_the_dialect(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-zé;,|\"\t \n]{0,6}", 3),
            1..6,
        ),
        delimiter in prop_oneof![Just(b';'), Just(b','), Just(b'\t'), Just(b'|')],
        crlf in any::<bool>(),
    ) {
        let header = "un;deux;trois\r\n".replace(';', &char::from(delimiter).to_string());
        let header = if crlf { header } else { header.replace("\r\n", "\n") };
        let mut opts = CsvOptions::default();
        opts.delimiter(Some(delimiter));
        let mut src = csv_from_reader_with(header.as_bytes(), &opts).unwrap();
        let dialect = src.dialect().clone();
        prop_assert!(src.records().next().is_none());
        let mut out = dq_encoding::csv_writer(Vec::new(), &dialect);
        out.write_record(["un", "deux", "trois"]).unwrap();
        for r in &rows {
            out.write_record(r).unwrap();
        }
        let bytes = out.into_inner().unwrap();
        let mut back = csv::ReaderBuilder::new()
            .delimiter(dialect.delimiter)
            .from_reader(&bytes[..]);
        let read: Vec<Vec<String>> = back
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        prop_assert_eq!(read, rows);
    }
}
