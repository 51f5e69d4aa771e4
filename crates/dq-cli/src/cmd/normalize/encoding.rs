//! The kinds of `dq normalize` that dq-encoding provides.
//!
//! `mojibake`: repairs UTF-8 text that was read as windows-1252, ISO-8859-1, Mac Roman or
//! IBM850, once or several times. Every value is `valid`: mojibake repair has no notion
//! of null or invalid, so an empty line answers `valid` with an empty `output` and rule
//! `as_is`, like any value left unchanged. `rule` names the misreadings undone
//! (`mojibake:windows-1252`, `mojibake:windows-1252+windows-1252` for text broken twice),
//! and the extra field `steps` lists them with the number of sequences repaired.

use serde_json::{Map, Value};

use dq_clean::plan::Kind;

use super::{Answer, Args, KindFn};

/// Returns the normalizing function for `kind` when it is one of this crate's kinds.
pub fn lookup(kind: Kind, _args: &Args) -> Option<KindFn> {
    match kind {
        Kind::Mojibake => Some(Box::new(mojibake)),
        _ => None,
    }
}

/// `dq normalize mojibake`: one cell in, the repaired cell and what was undone out.
fn mojibake(value: &str) -> Answer {
    let r = dq_encoding::mojibake::repair(value);
    let steps: Vec<Value> = r
        .steps
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("misreading".into(), s.misreading.name().into());
            m.insert("sequences".into(), s.sequences.into());
            m.insert("nbsp_as_space".into(), s.nbsp_as_space.into());
            Value::Object(m)
        })
        .collect();
    let mut extra = Map::new();
    extra.insert("steps".into(), Value::Array(steps));
    Answer {
        status: "valid",
        output: Some(r.text.clone().into_owned()),
        rule: Some(r.rule()),
        reason: None,
        extra,
    }
}
