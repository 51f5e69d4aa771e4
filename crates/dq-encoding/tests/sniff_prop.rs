//! Property tests of CSV dialect sniffing: never panics, and finds the delimiter and the
//! width of tables written by the csv crate with random quoting and terminators.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use dq_encoding::sniff::sniff;
use proptest::prelude::*;

const CELLS: &[&str] = &[
    "Paris",
    "Lyon",
    "Saint-Étienne",
    "75056",
    "2A004",
    "1 234,56",
    "12,5",
    "-3.75",
    "2023-03-15",
    "15/03/2023",
    "",
    "Dupont, Jean",
    "12 rue de la Paix\n75002 Paris",
    "dit \"le Grand\"",
    "a;b",
    "x|y",
    "oui",
    "NC",
    "Comité des fêtes",
    "l'été",
    "552032534",
    "0,00",
];

fn table() -> impl Strategy<Value = (Vec<Vec<String>>, usize)> {
    (2usize..7).prop_flat_map(|cols| {
        let row = prop::collection::vec(prop::sample::select(CELLS).prop_map(String::from), cols);
        (prop::collection::vec(row, 3..20), Just(cols))
    })
}

fn write(rows: &[Vec<String>], delim: u8, style: csv::QuoteStyle, term: csv::Terminator) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delim)
        .quote_style(style)
        .terminator(term)
        .from_writer(Vec::new());
    let header: Vec<String> = (0..rows[0].len()).map(|i| format!("colonne_{i}")).collect();
    w.write_record(&header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_never_panics(s in any::<String>()) {
        let d = sniff(&s);
        let _ = d.strip_preamble(&s);
        let _ = d.reader_builder();
    }

    #[test]
    fn prop_never_panics_on_csv_characters(s in "[a;,|\t\"'\r\n 1é]{0,200}") {
        let d = sniff(&s);
        let _ = d.strip_preamble(&s);
    }

    #[test]
    fn prop_detects_generated_tables(
        (rows, cols) in table(),
        delim in prop::sample::select(vec![b',', b';', b'\t', b'|']),
        style in prop::sample::select(vec![csv::QuoteStyle::Necessary, csv::QuoteStyle::Always, csv::QuoteStyle::NonNumeric]),
        crlf in any::<bool>(),
        cut in 0usize..40,
    ) {
        let term = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let text = write(&rows, delim, style, term);
        // The sample may be cut anywhere in the last record.
        let mut end = text.len().saturating_sub(cut);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = text.get(..end).unwrap_or(&text);
        let d = sniff(sample);
        prop_assert_eq!(char::from(d.delimiter), char::from(delim), "{:?} -> {:?}", sample, d);
        prop_assert_eq!(d.columns, cols, "{:?} -> {:?}", sample, d);
        prop_assert_eq!(d.header_row, 0);
        prop_assert!(d.has_header, "{:?} -> {:?}", sample, d);
    }
}
