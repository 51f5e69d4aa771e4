//! The 1M-row blocking self-join of `tools/arrow-bench/join_bench.py`, in DataFusion:
//! read the generated CSV, derive the blocking key with dq's functions, count the
//! candidate pairs. Prints the time of the key and join alone, as the Python side does.
//!
//! `cargo run --release -p dq-datafusion --example blocking_join -- FILE.csv`
#![allow(clippy::unwrap_used, reason = "an example program")]

use std::time::Instant;

use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::error::Result;
use datafusion::prelude::{CsvReadOptions, SessionContext};

#[tokio::main]
async fn main() -> Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/dq-join-1m.csv".into());
    let ctx = SessionContext::new();
    dq_datafusion::register_all(&ctx);
    let start = Instant::now();
    // Codes are text: `01000` must not become the number 1000.
    let schema = Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("nom", DataType::Utf8, true),
        Field::new("code_postal", DataType::Utf8, true),
    ]);
    ctx.register_csv("people", &path, CsvReadOptions::new().has_header(true).schema(&schema))
        .await?;
    // Load once, as the Python engines hold the table in memory before the join.
    let table = ctx.sql("select * from people").await?.cache().await?;
    ctx.register_table("p", table.into_view())?;
    let loaded = start.elapsed();
    let start = Instant::now();
    let batches = ctx
        .sql(
            "with k as (select id, dq_key_phonetic(nom) || '|' || substr(dq_postal_code(code_postal), 1, 2) as bk from p) \
             select count(*) as pairs from k a join k b on a.bk = b.bk and a.id < b.id",
        )
        .await?
        .collect()
        .await?;
    let joined = start.elapsed();
    let pairs = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
    let pairs: String = pairs.chars().filter(char::is_ascii_digit).collect();
    println!(
        "datafusion pairs={pairs} load_s={:.3} key_join_s={:.3}",
        loaded.as_secs_f64(),
        joined.as_secs_f64()
    );
    Ok(())
}
