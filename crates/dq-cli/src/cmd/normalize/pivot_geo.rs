//! The kinds of `dq normalize` that dq-pivot provides: geography and addresses.
//!
//! `insee` adds `current_code`, `departement`, `region`, `name` and `kind` (`commune`,
//! `arrondissement`, `deleguee`, `associee`, `historic`); `postal-code` adds `postal_code`,
//! `town`, `cedex` (what was read out of the cell) and `communes`
//! (current commune codes served) and `arrondissements`; `commune` (with `--hint`, a
//! département or postal code) adds `code` and `candidates` (code, name, kind,
//! departement, score); `address` uses `--hint` as the commune code of the key.

use dq_clean::Normalizer;
use serde_json::{Map, Value};

use dq_clean::plan::Kind;

use super::{Answer, Args, KindFn};

/// Returns the normalizing function for `kind` when it is one of this crate's kinds.
pub fn lookup(kind: Kind, args: &Args) -> Option<KindFn> {
    match kind {
        Kind::Insee => Some(Box::new(insee)),
        Kind::PostalCode => Some(Box::new(postal_code)),
        Kind::Departement => Some(Box::new(|v: &str| {
            Answer::from_verdict(&dq_pivot::region::DepartementNormalizer.normalize(v))
        })),
        Kind::Region => Some(Box::new(|v: &str| {
            Answer::from_verdict(&dq_pivot::region::RegionNormalizer.normalize(v))
        })),
        Kind::Commune => {
            let n = dq_pivot::commune::CommuneNameNormalizer::new(args.hint.as_deref());
            Some(Box::new(move |v: &str| commune(&n, v)))
        }
        Kind::CleInterop => Some(Box::new(cle_interop)),
        Kind::Address => {
            let n = dq_pivot::ban::AddressNormalizer::new(args.hint.as_deref());
            Some(Box::new(move |v: &str| Answer::from_verdict(&n.normalize(v))))
        }
        _ => None,
    }
}

fn insee(value: &str) -> Answer {
    let verdict = dq_pivot::commune::InseeNormalizer.normalize(value);
    let mut a = Answer::from_verdict(&verdict);
    if let Some(c) = verdict.value().and_then(dq_pivot::commune::lookup) {
        a.extra.insert("current_code".into(), c.current.into());
        a.extra.insert("departement".into(), c.departement.into());
        a.extra.insert("region".into(), c.region.into());
        a.extra.insert("name".into(), c.name.into());
        a.extra.insert("kind".into(), c.kind.as_str().into());
        if c.also_deleguee {
            a.extra.insert("also_deleguee".into(), true.into());
        }
    }
    a
}

fn postal_code(value: &str) -> Answer {
    let verdict = dq_pivot::postal::PostalCodeNormalizer.normalize(value);
    let mut a = Answer::from_verdict(&verdict);
    if verdict.value().is_some() {
        // The code read out of the cell (`13299` from `13299 MARSEILLE CEDEX 20`), the
        // town and the CEDEX mention written with it, if any.
        let parts = dq_pivot::postal::parse_parts(value).ok();
        let code = parts.as_ref().map_or("", |p| p.code.as_str());
        let communes: Vec<Value> = dq_pivot::postal::communes(code).map(Value::from).collect();
        let arrondissements: Vec<Value> =
            dq_pivot::postal::arrondissements(code).map(Value::from).collect();
        a.extra.insert("communes".into(), Value::Array(communes));
        a.extra.insert("arrondissements".into(), Value::Array(arrondissements));
        let opt = |s: Option<&str>| s.map_or(Value::Null, Value::from);
        a.extra.insert("postal_code".into(), Value::from(code));
        a.extra.insert("town".into(), opt(parts.as_ref().and_then(|p| p.town)));
        a.extra.insert("cedex".into(), opt(parts.as_ref().and_then(|p| p.cedex)));
    }
    a
}

fn commune(n: &dq_pivot::commune::CommuneNameNormalizer, value: &str) -> Answer {
    let (cands, verdict) = n.resolve(value);
    let mut a = Answer::from_verdict(&verdict);
    let code = match &verdict {
        dq_clean::Verdict::Valid { .. } => cands.first().map(|c| Value::from(c.code)),
        _ => None,
    };
    a.extra.insert("code".into(), code.unwrap_or(Value::Null));
    let list: Vec<Value> = cands
        .iter()
        .take(20)
        .map(|c| {
            let mut m = Map::new();
            m.insert("code".into(), c.code.into());
            m.insert("name".into(), c.name.into());
            m.insert("kind".into(), c.kind.as_str().into());
            m.insert("departement".into(), c.departement.into());
            m.insert("score".into(), ((f64::from(c.score) * 1000.0).round() / 1000.0).into());
            Value::Object(m)
        })
        .collect();
    a.extra.insert("candidates".into(), Value::Array(list));
    a
}

fn cle_interop(value: &str) -> Answer {
    let verdict = dq_pivot::ban::CleInteropNormalizer.normalize(value);
    let mut a = Answer::from_verdict(&verdict);
    if let Ok(k) = dq_pivot::ban::CleInterop::parse(value) {
        let warnings: Vec<Value> = k.warnings().iter().map(|w| Value::from(w.as_str())).collect();
        a.extra.insert("warnings".into(), Value::Array(warnings));
        a.extra.insert("commune".into(), k.commune().into());
    }
    a
}
