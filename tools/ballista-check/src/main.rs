//! dq's functions in Ballista's standalone mode (scheduler and executor in this process),
//! the check of `docs/guide-datafusion.md`'s recipe. Not a workspace member: Ballista's
//! build (tonic, prost, DataFusion with its default formats) costs more than CI affords.
//!
//! `cargo run --manifest-path tools/ballista-check/Cargo.toml`
use ballista::prelude::*;
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::{SessionConfig, SessionContext};

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let state = SessionStateBuilder::new()
        .with_default_features()
        .with_config(SessionConfig::new_with_ballista())
        .build();
    let local = SessionContext::new_with_state(state);
    let names = dq_datafusion::register_all(&local);
    // The in-process executor takes its functions from this state.
    let ctx = SessionContext::standalone_with_state(local.state()).await?;
    // The client plans the SQL: its session must know the functions too.
    dq_datafusion::register_all(&ctx);
    let df = ctx
        .sql(
            "with t as (select * from (values ('552 100 554 00013', '75101', 'Dupont'), \
             ('55210055400014', '2a004', 'Dupond')) as v(siret, code, nom)) \
             select dq_siret_valid(siret) as ok, dq_insee_current_code(code) as c, \
             dq_key_phonetic(nom) as k, count(*) over () as n from t",
        )
        .await?;
    let batches = df.collect().await?;
    let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
    println!("{} functions\n{text}", names.len());
    assert!(text.contains("| true  | 75056 | DPN | 2 |"), "{text}");
    assert!(text.contains("| false | 2A004 | DPN | 2 |"), "{text}");
    Ok(())
}
