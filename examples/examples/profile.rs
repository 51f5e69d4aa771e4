//! dq-profile: profile the bundled sample in one streaming pass and print each column's
//! type, French format and findings, then the Table Schema.
//!
//! ```sh
//! cargo run -p examples --example profile
//! ```

use dq_fr::profile::Profiler;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/etablissements.csv");
    let t = Profiler::new().profile_path(path)?;
    println!("{}: {} rows, encoding {}, delimiter {:?}", path, t.rows, t.encoding, t.delimiter);
    for c in &t.columns {
        println!(
            "{:>2} {:<24} {:<8} {:<16} nulls {:>3}  distinct {:>4}",
            c.index,
            c.name,
            c.kind,
            c.format.name(),
            c.nulls,
            c.distinct
        );
        for f in &c.findings {
            println!("     finding: {:?} × {}", f.kind, f.count);
        }
    }
    for f in &t.findings {
        println!("file finding: {:?} × {}", f.kind, f.count);
    }
    let schema = serde_json::to_string_pretty(&t.table_schema)?;
    println!("Table Schema: {} bytes of JSON", schema.len());
    Ok(())
}
