//! The kinds of `dq normalize` that dq-pivot provides: identifiers.
//!
//! Outputs: SIREN, SIRET and NIR as compact digits, TVA as `FR` + 11 characters, NAF as
//! `62.01Z`. Extra JSON fields: `siren` and `nic` for a SIRET, `tva` for a SIREN,
//! `siren` for a TVA, `label` for a NAF code, `error_kind` for an invalid value.

use dq_clean::Normalizer;
use dq_pivot::{naf::Naf, siren::Siret};

use dq_clean::plan::Kind;

use super::{Answer, Args, KindFn};

fn with<N: Normalizer + 'static>(
    n: N,
    strict: fn(&str) -> bool,
    extra: fn(&str, &mut Answer),
) -> KindFn {
    Box::new(move |v: &str| {
        let verdict = n.normalize(v);
        let mut a = Answer::from_verdict(&verdict);
        a.extra.insert("strict_valid".into(), strict(v).into());
        if let Some(out) = verdict.value() {
            extra(out, &mut a);
        } else if let Some(kind) = a.reason.as_deref().and_then(|r| r.split(':').next()) {
            if verdict.status() == "invalid" {
                a.extra.insert("error_kind".into(), kind.into());
            }
        }
        a
    })
}

fn none(_: &str, _: &mut Answer) {}

/// Returns the normalizing function for `kind` when it is one of this crate's kinds.
pub fn lookup(kind: Kind, _args: &Args) -> Option<KindFn> {
    use dq_pivot::{finess, naf, nir, rna, siren, tva, uai};
    match kind {
        Kind::Siren => Some(with(
            siren::SirenNormalizer,
            |v| v.parse::<siren::Siren>().is_ok(),
            |out, a| {
                if let Ok(s) = out.parse::<siren::Siren>() {
                    a.extra.insert("tva".into(), tva::Tva::from_siren(s).to_string().into());
                }
            },
        )),
        Kind::Siret => Some(with(
            siren::SiretNormalizer,
            |v| v.parse::<Siret>().is_ok(),
            |out, a| {
                if let Ok(s) = out.parse::<Siret>() {
                    a.extra.insert("siren".into(), s.siren().to_string().into());
                    a.extra.insert("nic".into(), format!("{:05}", s.nic()).into());
                }
            },
        )),
        Kind::Tva => Some(with(
            tva::TvaNormalizer,
            |v| v.parse::<tva::Tva>().is_ok(),
            |out, a| {
                if let Some(s) = out.parse::<tva::Tva>().ok().and_then(|t| t.siren()) {
                    a.extra.insert("siren".into(), s.to_string().into());
                }
            },
        )),
        Kind::Nir => Some(with(nir::NirNormalizer, |v| v.parse::<nir::Nir>().is_ok(), none)),
        Kind::Rna => Some(with(rna::RnaNormalizer, |v| v.parse::<rna::Rna>().is_ok(), none)),
        Kind::Uai => Some(with(uai::UaiNormalizer, |v| v.parse::<uai::Uai>().is_ok(), none)),
        Kind::Finess => {
            Some(with(finess::FinessNormalizer, |v| v.parse::<finess::Finess>().is_ok(), none))
        }
        Kind::Naf => Some(with(
            naf::NafNormalizer,
            |v| v.parse::<Naf>().is_ok(),
            |out, a| {
                if let Ok(n) = out.parse::<Naf>() {
                    a.extra.insert("label".into(), n.label().into());
                }
            },
        )),
        _ => None,
    }
}
