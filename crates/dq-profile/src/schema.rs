//! Table Schema (frictionless) export.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::column::ColumnProfile;
use crate::format::Format;

/// Enumerations are written for string columns with at most this many values.
const ENUM_MAX: u64 = 12;

fn pattern(f: Format) -> Option<&'static str> {
    Some(match f {
        Format::Siret => r"^\d{14}$",
        Format::Siren | Format::CodeEpci => r"^\d{9}$",
        Format::CodePostal => r"^\d{5}$",
        Format::CodeCommune => r"^([013-9]\d|2[AB1-9])\d{3}$",
        Format::CodeDepartement => r"^(\d{2}|2[AB]|9[78]\d|Z[ABCDMNPSWXZ]|6AE)$",
        Format::CodeCirconscription => r"^(\d{2}|2[AB]|Z[ABCDMNPSWXZ])\d{2}$",
        Format::CodeCanton => r"^(\d{2}|2[AB]|9[78]\d)\d{2}$",
        Format::CodeArrondissement => r"^(\d{2}|2[AB]|9[78]\d)\d$",
        Format::IsoCountryCodeAlpha2 => r"^[A-Za-z]{2}$",
        Format::IsoCountryCodeAlpha3 => r"^[A-Za-z]{3}$",
        Format::IsoCountryCodeNumeric => r"^\d{3}$",
        Format::CodeFantoir => r"^[0-9A-Z]{4}[A-Z]$",
        Format::IdRnb => r"^[1-9A-HJKMNP-TV-Z]{12}$",
        Format::MongoObjectId => r"^[0-9a-fA-F]{24}$",
        Format::CodeRegion => r"^\d{2}$",
        Format::Uai => r"^\d{7}[A-Z]$",
        Format::CodeRna => r"^W\d{9}$",
        Format::Finess => r"^\d[0-9AB]\d{7}$",
        Format::InseeApe700 => r"^\d{2}\.?\d{2}[A-Z]$",
        _ => return None,
    })
}

/// The Table Schema of profiled columns.
pub(crate) fn table_schema(columns: &[ColumnProfile]) -> Value {
    let mut missing: BTreeSet<String> = BTreeSet::new();
    missing.insert(String::new());
    let fields: Vec<Value> = columns
        .iter()
        .map(|c| {
            missing.extend(c.null_tokens.keys().cloned());
            let mut f = Map::new();
            f.insert("name".into(), json!(c.name));
            f.insert("type".into(), json!(c.kind));
            f.insert("description".into(), json!(c.format.description()));
            let ts_format = match c.format {
                Format::Email => Some("email".to_owned()),
                Format::Url => Some("uri".to_owned()),
                Format::Uuid => Some("uuid".to_owned()),
                Format::Date => c.date_format.clone(),
                _ => None,
            };
            if let Some(tf) = ts_format {
                f.insert("format".into(), json!(tf));
            }
            if c.format != Format::String {
                f.insert(
                    "rdfType".into(),
                    json!(format!("https://csv-detective/format/{}", c.format.name())),
                );
            }
            if c.decimal_char.as_deref() == Some(",") {
                f.insert("decimalChar".into(), json!(","));
                f.insert("groupChar".into(), json!(" "));
            }
            if c.format == Format::Money {
                // `41 018 €`: a number with non-numeric characters.
                f.insert("bareNumber".into(), json!(false));
            }
            // Every spelling seen (`Oui`, `O`, `1`…), so that each value validates.
            if !c.true_values.is_empty() {
                f.insert("trueValues".into(), json!(c.true_values));
            }
            if !c.false_values.is_empty() {
                f.insert("falseValues".into(), json!(c.false_values));
            }
            let mut cons = Map::new();
            cons.insert("required".into(), json!(c.nulls == 0 && c.count > 0));
            if let Some(p) = pattern(c.format) {
                cons.insert("pattern".into(), json!(p));
            }
            if matches!(c.kind.as_str(), "integer" | "number" | "date" | "year") {
                if let (Some(lo), Some(hi)) = (&c.min, &c.max) {
                    if c.decimal_char.as_deref() != Some(",") || c.kind == "integer" {
                        cons.insert("minimum".into(), num_or_str(lo));
                        cons.insert("maximum".into(), num_or_str(hi));
                    }
                }
            }
            if c.kind == "string"
                && !c.distinct_is_estimate
                && c.distinct > 0
                && c.distinct <= ENUM_MAX
                && c.count - c.nulls >= 3 * c.distinct
                && pattern(c.format).is_none()
            {
                let mut vals: Vec<&str> = c.top.iter().map(|t| t.value.as_str()).collect();
                if vals.len() as u64 == c.distinct {
                    vals.sort_unstable();
                    cons.insert("enum".into(), json!(vals));
                }
            }
            f.insert("constraints".into(), Value::Object(cons));
            Value::Object(f)
        })
        .collect();
    json!({ "fields": fields, "missingValues": missing.into_iter().collect::<Vec<_>>() })
}

fn num_or_str(s: &str) -> Value {
    s.parse::<i64>()
        .map(Value::from)
        .or_else(|_| s.parse::<f64>().map(Value::from))
        .unwrap_or_else(|_| json!(s))
}
