//! dq's functions in DataFusion SQL on a generated 10,000-row table: every count equals
//! what the Rust library computes on the same values.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray, RecordBatch, StringArray, UInt32Array};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::prelude::SessionContext;
use dq_arrow::dedupe::blocking_key;
use dq_arrow::normalize::Normalize;
use dq_arrow::pivot::{insee, InseeField};
use dq_arrow::{KeyConfig, Transform};

const ROWS: usize = 10_000;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Establishments: SIRETs (valid, spaced, broken, missing), commune codes of every kind
/// (current, arrondissement, old, Excel-stripped, unknown), names with typos, addresses.
fn table() -> RecordBatch {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let sirets =
        ["552 100 554 00013", "55210055400013", "55210055400014", "73282932000074", "", "NC"];
    let communes = ["75056", "75101", "13055", "69123", "2A004", "01001", "1001", "75001", "99999"];
    let names = ["Dupont", "Dupond", "Martin", "Martinn", "Bernard", "Petit", "Durand", "Lefèvre"];
    let towns = [
        "",
        "-Lagarde",
        " de la Tour",
        "-Vidal",
        " du Pont",
        "-Roux",
        " Le Gall",
        "-Moreau",
        " Fontaine",
        "-Chevalier",
        " Lambert",
        "-Girard",
        " Bonnet",
        "-Mercier",
        " Blanc",
        "-Garnier",
        " Faure",
        "-Rousseau",
        " Dumas",
        "-Clement",
        " Gauthier",
        "-Perrin",
        " Morin",
        "-Noel",
        " Henry",
    ];
    let streets = [
        "12 av. Jean Jaurès",
        "12 avenue Jean Jaures",
        "3 r. St-Jean",
        "3 rue Saint Jean",
        "Lieu-dit Les Granges",
    ];
    let mut cols: [Vec<Option<&str>>; 4] = Default::default();
    let mut names_col = Vec::with_capacity(ROWS);
    for i in 0..ROWS {
        cols[0].push((i % 17 != 0).then(|| sirets[rng.below(sirets.len())]));
        cols[1].push(Some(communes[rng.below(communes.len())]));
        names_col.push(format!(
            "{}{}",
            names[rng.below(names.len())],
            towns[rng.below(towns.len())]
        ));
        cols[3].push(Some(streets[rng.below(streets.len())]));
    }
    let schema = Schema::new(vec![
        Field::new("id", DataType::UInt32, false),
        Field::new("siret", DataType::Utf8, true),
        Field::new("code_commune", DataType::Utf8, true),
        Field::new("nom", DataType::Utf8, true),
        Field::new("adresse", DataType::Utf8, true),
    ]);
    let [s, c, _, a] = cols;
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(UInt32Array::from_iter_values(0..ROWS as u32)),
            Arc::new(StringArray::from(s)),
            Arc::new(StringArray::from(c)),
            Arc::new(StringArray::from(names_col)),
            Arc::new(StringArray::from(a)),
        ],
    )
    .unwrap()
}

async fn context() -> (SessionContext, RecordBatch) {
    let ctx = SessionContext::new();
    let names = dq_datafusion::register_all(&ctx);
    assert!(names.iter().any(|n| n == "dq_siret_valid"), "{names:?}");
    let batch = table();
    ctx.register_batch("etab", batch.clone()).unwrap();
    (ctx, batch)
}

async fn count(ctx: &SessionContext, sql: &str) -> i64 {
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    batches[0].column(0).as_primitive::<datafusion::arrow::datatypes::Int64Type>().value(0)
}

#[tokio::test]
async fn validators_in_where_count_what_the_library_counts() {
    let (ctx, batch) = context().await;
    let got = count(&ctx, "select count(*) from etab where dq_siret_valid(siret)").await;
    let valid = Normalize::from_name("siret").unwrap().is_valid(batch.column(1)).unwrap();
    let want = valid.iter().filter(|v| *v == Some(true)).count() as i64;
    assert_eq!(got, want);
    assert!(0 < got && got < ROWS as i64, "{got}");
    // The normalizer in a projection: spaced SIRETs become compact.
    let got = count(&ctx, "select count(distinct dq_siret(siret)) from etab").await;
    assert_eq!(got, 2, "55210055400013 and 73282932000074");
}

#[tokio::test]
async fn pivots_in_projections_group_as_the_library_does() {
    let (ctx, batch) = context().await;
    let sql = "select dq_insee_current_code(code_commune) as c, count(*) as n from etab \
               group by c order by c nulls last";
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    let mut got = HashMap::new();
    for b in &batches {
        let (c, n) = (
            b.column(0).as_string::<i32>(),
            b.column(1).as_primitive::<datafusion::arrow::datatypes::Int64Type>(),
        );
        for i in 0..b.num_rows() {
            got.insert((!c.is_null(i)).then(|| c.value(i).to_owned()), n.value(i));
        }
    }
    let cur = insee(batch.column(2), InseeField::CurrentCode).unwrap();
    let cur = cur.as_string::<i32>();
    let mut want: HashMap<Option<String>, i64> = HashMap::new();
    for i in 0..cur.len() {
        *want.entry((!cur.is_null(i)).then(|| cur.value(i).to_owned())).or_default() += 1;
    }
    assert_eq!(got, want);
    // 75101 (an arrondissement) and 75056 both count for Paris; 75001 is an old code.
    assert!(got.contains_key(&Some("75056".to_owned())));
    assert!(got.contains_key(&None), "99999 is no commune");
    let reg =
        count(&ctx, "select count(*) from etab where dq_insee_region(code_commune) = '11'").await;
    assert!(reg > 0);
}

#[tokio::test]
async fn a_blocking_key_self_join_pairs_what_the_keys_pair() {
    let (ctx, batch) = context().await;
    let got = count(
        &ctx,
        "with k as (select id, dq_key_phonetic(nom) as bk from etab) \
         select count(*) from k a join k b on a.bk = b.bk and a.id < b.id",
    )
    .await;
    let keys = blocking_key(batch.column(3), &KeyConfig::new("nom", Transform::Phonetic)).unwrap();
    let keys = keys.as_string::<i32>();
    let mut sizes: HashMap<&str, i64> = HashMap::new();
    for k in keys.iter().flatten() {
        *sizes.entry(k).or_default() += 1;
    }
    let want: i64 = sizes.values().map(|c| c * (c - 1) / 2).sum();
    assert_eq!(got, want);
    // Scored on the candidate pairs: Dupont/Dupond and Martin/Martinn are close (level 1).
    let close = count(
        &ctx,
        "with k as (select id, nom, dq_key_phonetic(nom) as bk from etab) \
         select count(*) from k a join k b on a.bk = b.bk and a.id < b.id \
         where dq_level_name(a.nom, b.nom) = 1 and dq_jaro_winkler(a.nom, b.nom) < 1.0",
    )
    .await;
    assert!(close > 0);
}

#[tokio::test]
async fn address_keys_and_answers_in_sql() {
    let (ctx, _) = context().await;
    // Two spellings of each of two addresses give two keys.
    let got = count(&ctx, "select count(distinct dq_address_key(adresse, '75056')) from etab where adresse <> 'Lieu-dit Les Granges'").await;
    assert_eq!(got, 2);
    let got = count(
        &ctx,
        "select count(*) from etab where get_field(dq_siret_answer(siret), 'error_kind') = 'checksum'",
    )
    .await;
    let broken = count(&ctx, "select count(*) from etab where siret = '55210055400014'").await;
    assert_eq!(got, broken);
    assert!(broken > 0);
}
