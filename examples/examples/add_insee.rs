//! Add the current commune, its département and its région to every row of a file, with
//! `dq-fr` alone: old codes, arrondissements and Excel-mangled codes (`1001`) are brought
//! to the current COG; a code that is not one is left empty and counted.
//!
//! ```sh
//! cargo run -p examples --example add_insee
//! ```

use dq_fr::clean::Normalizer;
use dq_fr::csv;
use dq_fr::pivot::commune::{lookup, InseeNormalizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/etablissements.csv");
    let mut source = dq_fr::encoding::open_csv(path)?;
    let headers = source.reader().headers()?.clone();
    let col = headers.iter().position(|h| h == "code_commune").ok_or("no code_commune column")?;

    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = headers.clone();
    header.extend(["commune_actuelle", "departement", "region"]);
    out.write_record(&header)?;
    let (mut rows, mut found, mut moved) = (0, 0, 0);
    for record in source.records() {
        let mut record = record?;
        rows += 1;
        let cell = record.get(col).unwrap_or("");
        let commune = InseeNormalizer.normalize(cell).value().and_then(lookup);
        match &commune {
            Some(c) => {
                found += 1;
                if c.current != cell {
                    moved += 1;
                }
                record.extend([c.current, c.departement, c.region]);
            }
            None => record.extend(["", "", ""]),
        }
        out.write_record(&record)?;
    }
    let text = String::from_utf8(out.into_inner()?)?;
    for line in text.lines().take(3) {
        println!("{line}");
    }
    println!("{rows} rows: {found} commune codes found, {moved} written otherwise or replaced");
    assert_eq!(text.lines().count(), rows + 1);
    Ok(())
}
