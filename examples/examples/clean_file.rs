//! Clean a windows-1252, `;`-separated file as `dq clean` does, with `dq-fr` alone: detect
//! and decode it, profile it, plan each column (the one planner of `dq clean` and
//! `dq audit`), clean it with a log of every change, and write UTF-8 CSV.
//!
//! ```sh
//! cargo run -p examples --example clean_file
//! ```

use dq_fr::clean::table::{CsvAuditSink, TableCleaner};
use dq_fr::csv;
use dq_fr::profile::plan::{self, PlanOptions};
use dq_fr::profile::Profiler;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/etablissements.csv");

    // What each column is: codes stay codes, amounts become numbers, and so on.
    let profile = Profiler::new().profile_path(path)?;
    let plan = plan::plan(&profile, None, &PlanOptions::default());
    for c in &plan.columns {
        println!("{:<20} {:<12} {:?}", c.header, c.kind.name(), c.rewrite);
    }

    // The same file, decoded (windows-1252 → UTF-8) with its sniffed dialect.
    let mut source = dq_fr::encoding::open_csv(path)?;
    let cleaner = TableCleaner::builder().plan(&plan, &plan::normalizer)?.build();
    // Written back as UTF-8 in the file's own dialect (`;`).
    let mut out = dq_fr::encoding::csv_writer(Vec::new(), source.dialect());
    let changes: Option<csv::Writer<Vec<u8>>> = Some(csv::Writer::from_writer(Vec::new()));
    let mut sink = CsvAuditSink::new(changes, None::<csv::Writer<Vec<u8>>>)?;
    let summary = cleaner.clean(source.reader(), &mut out, &mut sink)?;
    let (changes, _) = sink.into_inner()?;
    println!("{} rows, {} cells changed, {} flagged", summary.rows, summary.changes, summary.flags);

    let cleaned = String::from_utf8(out.into_inner()?)?;
    let log = String::from_utf8(changes.unwrap_or_default())?;
    for line in cleaned.lines().take(3) {
        println!("{line}");
    }
    println!("first changes:");
    for line in log.lines().take(6) {
        println!("  {line}");
    }
    // Nothing lost: as many rows out as in.
    assert_eq!(cleaned.lines().count() as u64, summary.rows + 1);
    Ok(())
}
