//! The establishment/address linkage in DataFusion SQL: establishments (messy addresses,
//! old and arrondissement commune codes) join a BAN-like address table on dq's address
//! key, the commune brought to its current code first.
//!
//! `cargo run --release -p dq-datafusion --example link_addresses -- [ROWS]`
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "an example program")]

use std::sync::Arc;
use std::time::Instant;

use datafusion::arrow::array::{RecordBatch, StringArray, UInt32Array};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::error::Result;
use datafusion::prelude::SessionContext;

const STREETS: &[(&str, &str)] = &[
    ("avenue Jean Jaurès", "av. Jean Jaures"),
    ("rue Saint-Jean", "r. St Jean"),
    ("boulevard du Maréchal Foch", "bd Mal Foch"),
    ("place de la République", "pl. de la Republique"),
    ("chemin des Vignes", "che des Vignes"),
    ("route de Lyon", "rte de Lyon"),
];
const COMMUNES: &[(&str, &str)] =
    &[("75056", "75111"), ("13055", "13201"), ("69123", "69381"), ("01001", "1001")];

fn batch(columns: Vec<(&str, Vec<String>)>) -> RecordBatch {
    let n = columns[0].1.len();
    let mut fields = vec![Field::new("id", DataType::UInt32, false)];
    let mut arrays: Vec<Arc<dyn datafusion::arrow::array::Array>> =
        vec![Arc::new(UInt32Array::from_iter_values(0..n as u32))];
    for (name, values) in columns {
        fields.push(Field::new(name, DataType::Utf8, true));
        arrays.push(Arc::new(StringArray::from(values)));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).unwrap()
}

#[tokio::main]
async fn main() -> Result<()> {
    let rows: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    // The address table: every number of every street of every commune, once.
    let (mut ban_commune, mut ban_voie) = (Vec::new(), Vec::new());
    let per = rows.div_ceil(STREETS.len() * COMMUNES.len());
    for (code, _) in COMMUNES {
        for (street, _) in STREETS {
            for number in 1..=per {
                ban_commune.push((*code).to_owned());
                ban_voie.push(format!("{number} {street}"));
            }
        }
    }
    // Establishments: the same addresses as files write them (abbreviations, no accents,
    // an arrondissement or an Excel-stripped code for the commune).
    let (mut etab_commune, mut etab_adresse) = (Vec::new(), Vec::new());
    for i in 0..rows {
        let (code, other) = COMMUNES[i % COMMUNES.len()];
        let (_, written) = STREETS[(i / COMMUNES.len()) % STREETS.len()];
        etab_commune.push(if i % 2 == 0 { code } else { other }.to_owned());
        etab_adresse.push(format!("{} {written}", 1 + (i * 7) % per));
    }
    let ctx = SessionContext::new();
    dq_datafusion::register_all(&ctx);
    ctx.register_batch("ban", batch(vec![("code_insee", ban_commune), ("voie", ban_voie)]))?;
    ctx.register_batch(
        "etab",
        batch(vec![("code_commune", etab_commune), ("adresse", etab_adresse)]),
    )?;
    let start = Instant::now();
    let df = ctx
        .sql(
            "with b as (select id, dq_address_key(voie, code_insee) as k from ban), \
                  e as (select id, dq_address_key(adresse, dq_insee_current_code(code_commune)) as k from etab) \
             select count(*) as linked, count(distinct e.id) as establishments \
             from e join b on e.k = b.k",
        )
        .await?;
    let batches = df.collect().await?;
    println!("{}", datafusion::arrow::util::pretty::pretty_format_batches(&batches)?);
    println!(
        "{rows} establishments against {} addresses in {:.2?}",
        per * STREETS.len() * COMMUNES.len(),
        start.elapsed()
    );
    Ok(())
}
