//! CSV dialect sniffing on committed data.gouv.fr-like files (tests/sniff_fixtures/), and
//! reading each one with the sniffed `csv::ReaderBuilder`.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use dq_encoding::sniff::{sniff, LineTerminator};
use LineTerminator::{Cr, CrLf, Lf};

struct Case {
    file: &'static str,
    delimiter: u8,
    quote: Option<u8>,
    has_header: bool,
    header_row: usize,
    terminator: LineTerminator,
    columns: usize,
    /// Data records after the header (or all records when headerless).
    records: usize,
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { file: "subventions_titre.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 2, terminator: CrLf, columns: 5, records: 4 },
    Case { file: "sirene_extrait.csv", delimiter: b',', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 8, records: 4 },
    Case { file: "communes.tsv", delimiter: b'\t', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 4, records: 4 },
    Case { file: "etablissements_pipe.txt", delimiter: b'|', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 4, records: 3 },
    Case { file: "adresses_multilignes.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 0, terminator: CrLf, columns: 4, records: 4 },
    Case { file: "une_colonne.csv", delimiter: b',', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 1, records: 4 },
    Case { file: "sans_entete.csv", delimiter: b';', quote: Some(b'"'), has_header: false, header_row: 0, terminator: Lf, columns: 4, records: 4 },
    Case { file: "titre_sans_separateur.csv", delimiter: b',', quote: Some(b'"'), has_header: true, header_row: 2, terminator: Lf, columns: 4, records: 3 },
    Case { file: "apostrophes.csv", delimiter: b',', quote: Some(b'\''), has_header: true, header_row: 0, terminator: Lf, columns: 3, records: 3 },
    Case { file: "mac_cr.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Cr, columns: 2, records: 3 },
    Case { file: "prenoms.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 5, records: 4 },
    Case { file: "decimales_virgule.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 2, records: 4 },
    Case { file: "entete_annees.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 4, records: 3 },
    Case { file: "tous_guillemets_pipe.txt", delimiter: b'|', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 6, records: 4 },
    Case { file: "coordonnees_crlf.csv", delimiter: b',', quote: Some(b'"'), has_header: true, header_row: 0, terminator: CrLf, columns: 4, records: 4 },
    Case { file: "entete_repete.csv", delimiter: b';', quote: Some(b'"'), has_header: true, header_row: 1, terminator: Lf, columns: 3, records: 3 },
    Case { file: "coupe.csv", delimiter: b',', quote: Some(b'"'), has_header: true, header_row: 0, terminator: Lf, columns: 3, records: 3 },
];

fn read(file: &str) -> String {
    let path = format!("{}/tests/sniff_fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn fixtures_sniff_as_expected() {
    let mut failures = Vec::new();
    for c in CASES {
        let d = sniff(&read(c.file));
        let got = (
            char::from(d.delimiter),
            d.quote.map(char::from),
            d.has_header,
            d.header_row,
            d.line_terminator,
            d.columns,
        );
        let want = (
            char::from(c.delimiter),
            c.quote.map(char::from),
            c.has_header,
            c.header_row,
            c.terminator,
            c.columns,
        );
        if got != want {
            failures.push(format!("{}: got {got:?}, want {want:?}", c.file));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn fixtures_read_with_the_sniffed_reader() {
    for c in CASES {
        let text = read(c.file);
        let d = sniff(&text);
        let mut rdr = d.reader_builder().from_reader(d.strip_preamble(&text).as_bytes());
        let mut n = 0;
        for rec in rdr.records() {
            let rec = rec.unwrap_or_else(|e| panic!("{}: {e}", c.file));
            // The cut sample's last record is incomplete; every other has the full width.
            if n + 1 < c.records || c.file != "coupe.csv" {
                assert_eq!(rec.len(), c.columns, "{}: {rec:?}", c.file);
            }
            n += 1;
        }
        assert_eq!(n, c.records, "{}", c.file);
    }
}

#[test]
fn quoted_delimiters_and_newlines_are_kept_in_fields() {
    let text = read("adresses_multilignes.csv");
    let d = sniff(&text);
    let mut rdr = d.reader_builder().from_reader(text.as_bytes());
    let recs: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(&recs[1][2], "12 rue des Écoles; bâtiment B\r\n2e étage");
    assert_eq!(&recs[2][2], "Avenue \"Jean Jaurès\"");
}

/// The bundled messy sample (examples/data/etablissements.csv, windows-1252): a title
/// line padded with `;`, a blank line, then the header.
#[test]
fn bundled_sample_sniffs() {
    let path = format!("{}/../../examples/data/etablissements.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let d = sniff(&text);
    assert_eq!((d.delimiter, d.has_header, d.header_row, d.columns), (b';', true, 2, 14));
    assert_eq!(d.line_terminator, CrLf);
}

/// Each pattern of issue #12, read end to end through `csv_from_reader`: the records come
/// out with the header's width, unquoted, and what the check noticed is said.
#[test]
fn issue_12_patterns_read_right() {
    use dq_encoding::sniff::FindingKind;
    let read_all = |file: &str| {
        let text = read(file);
        let mut src = dq_encoding::csv_from_reader(text.as_bytes()).unwrap();
        let header: Vec<String> =
            src.reader().headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> =
            src.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        let findings: Vec<FindingKind> = src.dialect().findings.iter().map(|f| f.kind).collect();
        (header, rows, findings, src.stray_carriage_returns())
    };
    // Every data cell quoted, header bare: no cell keeps its quotes, empty cells are empty.
    let (h, rows, findings, _) = read_all("tous_guillemets_pipe.txt");
    assert_eq!(h[0], "Reference");
    assert_eq!(
        rows[0],
        [
            "M0001-1",
            "",
            "France ; Drôme ; Valence",
            "1999-10-07",
            "archéologie;numismatique",
            "44.93, 4.88"
        ]
    );
    assert!(rows.iter().flatten().all(|c| !c.contains('"')), "{rows:?}");
    assert!(findings.is_empty(), "{findings:?}");
    // A quoted delimiter on every row: the header is kept and every row has its width.
    let (h, rows, findings, _) = read_all("coordonnees_crlf.csv");
    assert_eq!(h, ["id", "commune", "coordonnees", "population"]);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == 4));
    assert_eq!(rows[3][2], "47.2184, -1.5536");
    assert!(findings.is_empty(), "{findings:?}");
    // A repeated header is not data.
    let (h, rows, findings, _) = read_all("entete_repete.csv");
    assert_eq!(h, ["code_insee", "nom", "population"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "75056");
    assert_eq!(findings, [FindingKind::RepeatedHeader]);
    // A stray CR in an unquoted field of an LF file: three records, not five.
    let (h, rows, findings, stray) = read_all("cr_isole_lf.csv");
    assert_eq!(h.len(), 7);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 7), "{rows:?}");
    assert_eq!(rows[0][5], "\r");
    assert_eq!(findings, [FindingKind::StrayCarriageReturn]);
    assert_eq!(stray, (2, Some(2)));
}
