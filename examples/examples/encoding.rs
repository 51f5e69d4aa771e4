//! dq-encoding: open the bundled windows-1252 sample as UTF-8 CSV records, and repair a
//! mojibake cell.
//!
//! ```sh
//! cargo run -p examples --example encoding
//! ```

use dq_fr::encoding::{mojibake, open_csv};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/etablissements.csv");

    // One call: charset detection, exact transcoding, dialect sniffing, preamble skipped.
    let mut source = open_csv(path)?;
    let d = source.detection();
    println!("encoding: {} (BOM: {}, confidence {:.2})", d.encoding, d.bom, d.confidence);
    println!("why: {}", d.evidence);
    let dialect = source.dialect().clone();
    println!(
        "delimiter {:?}, header on line {}, {} columns",
        char::from(dialect.delimiter),
        dialect.header_row,
        dialect.columns
    );

    let mut rows = 0;
    for record in source.records() {
        let record = record?; // a typed error with byte offset and line, never a U+FFFD
        rows += 1;
        if rows <= 2 {
            println!("row {rows}: {:?}", record.iter().take(3).collect::<Vec<_>>());
        }
    }
    println!("{rows} data rows");

    // Cell-by-cell mojibake repair: UTF-8 that was read as windows-1252, twice here.
    let fixed = mojibake::repair("CafÃƒÂ© de la Gare");
    println!("{:?} after {} step(s)", fixed.text, fixed.steps.len());
    assert_eq!(fixed.text, "Café de la Gare");
    // Legitimate text is never "repaired".
    assert!(!mojibake::repair("SÃO PAULO").is_changed());
    Ok(())
}
