//! The column plan: what each column of a table is, and what cleaning may do to it.
//!
//! A [`TablePlan`] holds one [`ColumnPlan`] per column: its [`Kind`] (the normalizer it
//! gets), the kind's options (decimal separator, date order…), whether valid values are
//! rewritten into canonical form or only checked ([`Rewrite`]), whether null tokens such
//! as `NC` are nulls or data ([`NullPolicy`]), and which evidence decided it
//! ([`Evidence`]). A plan is decided once, by one planner (`dq_profile::plan`, from the
//! column profiles and a rules file), then executed by [`crate::table::TableCleaner`]
//! and read by dq-dedupe's auto-configuration. It serializes to JSON, so that `dq audit`
//! can write it and `dq clean --plan` can replay it.
//!
//! [`Kind`] is the one registry of kind names: `dq normalize KIND`, rules files and
//! plans all spell kinds through [`Kind::from_name`], which accepts today's spellings
//! (`postal-code`, `postal_code`, `code_postal`) as aliases.
//!
//! ```
//! use dq_clean::plan::{ColumnPlan, Kind, NullPolicy, Rewrite};
//!
//! assert_eq!(Kind::from_name("postal-code"), Some(Kind::PostalCode));
//! assert_eq!(Kind::from_name("code_postal"), Some(Kind::PostalCode));
//! assert_eq!(Kind::PostalCode.name(), "postal_code");
//!
//! // A column of political groups: `NC` (Nouveau Centre) is data, not a null.
//! let mut groupe = ColumnPlan::new(0, "groupe", Kind::Text);
//! groupe.nulls = NullPolicy::Data;
//! assert_eq!(groupe.rewrite, Rewrite::Canonical);
//! let json = serde_json::to_string(&groupe)?;
//! let back: ColumnPlan = serde_json::from_str(&json)?;
//! assert_eq!(back, groupe);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::rules::KindOptions;

/// The kinds of value dq knows: each names one normalizer.
///
/// Serialized as its [`Kind::name`]; deserialized through [`Kind::from_name`], so every
/// alias is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// Values are left exactly as they are.
    Keep,
    /// Spaces trimmed and collapsed (`dq_clean::whitespace`).
    Whitespace,
    /// Free text: mojibake repaired, then spaces normalized.
    Text,
    /// Mojibake repair only (`dq_encoding::mojibake`).
    Mojibake,
    /// Unicode normalization (NFC, apostrophes, dashes).
    Unicode,
    /// Apostrophes only.
    Apostrophe,
    /// Folded matching keys.
    Fold,
    /// French title case of proper nouns.
    Title,
    /// Null tokens only.
    Null,
    /// Numbers (French or international notation).
    Number,
    /// Dates.
    Date,
    /// Date-times.
    DateTime,
    /// Booleans.
    Bool,
    /// French telephone numbers.
    Phone,
    /// E-mail addresses.
    Email,
    /// URLs.
    Url,
    /// A code column (zero-padded or alphanumeric codes): spaces trimmed, never read
    /// as a number.
    Code,
    /// SIREN.
    Siren,
    /// SIRET.
    Siret,
    /// French VAT number.
    Tva,
    /// NIR (social security number).
    Nir,
    /// RNA (associations).
    Rna,
    /// UAI (schools).
    Uai,
    /// FINESS.
    Finess,
    /// NAF/APE activity code.
    Naf,
    /// INSEE commune code.
    Insee,
    /// Postal code.
    PostalCode,
    /// Département code or name.
    Departement,
    /// Région code or name.
    Region,
    /// Commune name.
    Commune,
    /// BAN `cle_interop`.
    CleInterop,
    /// Postal address.
    Address,
}

/// Which crate provides a kind's normalizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// dq-clean itself ([`crate::rules::normalizer_for`] builds it).
    Clean,
    /// dq-encoding (mojibake repair).
    Encoding,
    /// dq-pivot (identifiers and geography).
    Pivot,
}

/// Canonical name, kind, and other accepted spellings (after `-` → `_` and lowercasing).
const NAMES: &[(&str, Kind, &[&str])] = &[
    ("keep", Kind::Keep, &["as_is", "none"]),
    ("whitespace", Kind::Whitespace, &["spaces"]),
    ("text", Kind::Text, &["text_mojibake"]),
    ("mojibake", Kind::Mojibake, &[]),
    ("unicode", Kind::Unicode, &[]),
    ("apostrophe", Kind::Apostrophe, &[]),
    ("fold", Kind::Fold, &[]),
    ("title", Kind::Title, &[]),
    ("null", Kind::Null, &[]),
    ("number", Kind::Number, &[]),
    ("date", Kind::Date, &[]),
    ("datetime", Kind::DateTime, &["date_time"]),
    ("bool", Kind::Bool, &["boolean"]),
    ("phone", Kind::Phone, &["tel", "telephone"]),
    ("email", Kind::Email, &[]),
    ("url", Kind::Url, &[]),
    ("code", Kind::Code, &[]),
    ("siren", Kind::Siren, &[]),
    ("siret", Kind::Siret, &[]),
    ("tva", Kind::Tva, &[]),
    ("nir", Kind::Nir, &[]),
    ("rna", Kind::Rna, &[]),
    ("uai", Kind::Uai, &[]),
    ("finess", Kind::Finess, &[]),
    ("naf", Kind::Naf, &["ape"]),
    ("insee", Kind::Insee, &["code_commune", "code_insee"]),
    ("postal_code", Kind::PostalCode, &["code_postal"]),
    ("departement", Kind::Departement, &["code_departement"]),
    ("region", Kind::Region, &["code_region"]),
    ("commune", Kind::Commune, &[]),
    ("cle_interop", Kind::CleInterop, &[]),
    ("address", Kind::Address, &["adresse"]),
];

impl Kind {
    /// Every kind, in a stable order.
    pub const ALL: &'static [Kind] = &[
        Kind::Keep,
        Kind::Whitespace,
        Kind::Text,
        Kind::Mojibake,
        Kind::Unicode,
        Kind::Apostrophe,
        Kind::Fold,
        Kind::Title,
        Kind::Null,
        Kind::Number,
        Kind::Date,
        Kind::DateTime,
        Kind::Bool,
        Kind::Phone,
        Kind::Email,
        Kind::Url,
        Kind::Code,
        Kind::Siren,
        Kind::Siret,
        Kind::Tva,
        Kind::Nir,
        Kind::Rna,
        Kind::Uai,
        Kind::Finess,
        Kind::Naf,
        Kind::Insee,
        Kind::PostalCode,
        Kind::Departement,
        Kind::Region,
        Kind::Commune,
        Kind::CleInterop,
        Kind::Address,
    ];

    /// The canonical name (`postal_code`, `cle_interop`, `datetime`…).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_clean::plan::Kind::CleInterop.name(), "cle_interop");
    /// ```
    pub fn name(self) -> &'static str {
        NAMES.iter().find(|(_, k, _)| *k == self).map_or("keep", |(n, _, _)| n)
    }

    /// The other accepted spellings, besides `-` for `_` and any letter case.
    pub fn aliases(self) -> &'static [&'static str] {
        NAMES.iter().find(|(_, k, _)| *k == self).map_or(&[], |(_, _, a)| a)
    }

    /// The kind a name or alias stands for: case-insensitive, `-` and `_` alike.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::Kind;
    /// assert_eq!(Kind::from_name("Cle-Interop"), Some(Kind::CleInterop));
    /// assert_eq!(Kind::from_name("code_commune"), Some(Kind::Insee));
    /// assert_eq!(Kind::from_name("nombre"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        let mut key = String::with_capacity(name.len());
        for c in name.trim().chars() {
            key.push(if c == '-' { '_' } else { c.to_ascii_lowercase() });
        }
        NAMES.iter().find(|(n, _, a)| *n == key || a.contains(&key.as_str())).map(|(_, k, _)| *k)
    }

    /// Which crate provides the kind's normalizer.
    pub fn provider(self) -> Provider {
        match self {
            Kind::Mojibake | Kind::Text => Provider::Encoding,
            Kind::Siren
            | Kind::Siret
            | Kind::Tva
            | Kind::Nir
            | Kind::Rna
            | Kind::Uai
            | Kind::Finess
            | Kind::Naf
            | Kind::Insee
            | Kind::PostalCode
            | Kind::Departement
            | Kind::Region
            | Kind::Commune
            | Kind::CleInterop
            | Kind::Address => Provider::Pivot,
            _ => Provider::Clean,
        }
    }

    /// Whether the kind's values are codes or identifiers, whose text is the value: such
    /// a column is never read as numbers, and a null token in it is never a valid value.
    pub fn is_identifier(self) -> bool {
        matches!(self.provider(), Provider::Pivot)
            && !matches!(self, Kind::Commune | Kind::Address | Kind::Departement | Kind::Region)
            || self == Kind::Code
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        Kind::from_name(s).ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// A kind name that [`Kind::from_name`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {0:?}")]
pub struct UnknownKind(pub String);

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = String::deserialize(d)?;
        Kind::from_name(&s).ok_or_else(|| serde::de::Error::custom(UnknownKind(s)))
    }
}

/// Whether valid values are rewritten into canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rewrite {
    /// Valid values are written in canonical form (`1 234,56` → `1234.56`).
    #[default]
    Canonical,
    /// The column is consistent in a convention of its own (`5610A` without the dot,
    /// `oui`/`non`): valid values are left as they are, invalid ones are flagged, null
    /// tokens follow the [`NullPolicy`].
    Check,
}

/// Whether null tokens (`NC`, `N/A`, `-`…) are nulls in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NullPolicy {
    /// Null tokens become empty cells (numbers, dates, identifiers).
    #[default]
    Tokens,
    /// Null tokens are data (names, labels, categories: `NC` is the Nouveau Centre,
    /// `SO` a company's name); only empty cells are null.
    Data,
}

/// What decided a column's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// A rules file named the kind.
    Rules,
    /// The header named the kind, and the values agree.
    HeaderAndValues,
    /// The header named the kind (values too few or too mixed to tell).
    Header,
    /// The values alone.
    Values,
    /// Nothing: the column is left as it is, or gets the default text treatment.
    #[default]
    Default,
}

/// One column's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ColumnPlan {
    /// The 0-based field index.
    pub index: usize,
    /// The header, as read.
    pub header: String,
    /// The kind of value, which names the normalizer.
    pub kind: Kind,
    /// The kind's options (decimal separator, date order, Excel serials).
    #[serde(default)]
    pub options: KindOptions,
    /// Whether valid values are rewritten or only checked.
    #[serde(default)]
    pub rewrite: Rewrite,
    /// Whether null tokens are nulls.
    #[serde(default)]
    pub nulls: NullPolicy,
    /// What decided the plan.
    #[serde(default)]
    pub evidence: Evidence,
    /// The profile's format of the column (`siret`, `code_postal`, `int`…), for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Why, in words (`"zero-padded codes: not a number"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ColumnPlan {
    /// A plan with default options: canonical rewriting, null tokens as nulls, no evidence.
    pub fn new(index: usize, header: &str, kind: Kind) -> ColumnPlan {
        ColumnPlan {
            index,
            header: header.to_owned(),
            kind,
            options: KindOptions::default(),
            rewrite: Rewrite::Canonical,
            nulls: NullPolicy::Tokens,
            evidence: Evidence::Default,
            format: None,
            note: None,
        }
    }
}

/// The plan of every column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TablePlan {
    /// The version of this format (1).
    pub plan_version: u32,
    /// One plan per column, in field order.
    pub columns: Vec<ColumnPlan>,
}

/// The version of the serialized plan format.
pub const PLAN_VERSION: u32 = 1;

impl TablePlan {
    /// A plan of these columns.
    pub fn new(columns: Vec<ColumnPlan>) -> TablePlan {
        TablePlan { plan_version: PLAN_VERSION, columns }
    }

    /// The plan of the column at 0-based `index`.
    pub fn column(&self, index: usize) -> Option<&ColumnPlan> {
        self.columns.iter().find(|c| c.index == index)
    }

    /// Reads a plan from its JSON form.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when the JSON is malformed, a kind is unknown, or the
    /// version is not [`PLAN_VERSION`].
    ///
    /// # Example
    ///
    /// ```
    /// let json = r#"{"plan_version":1,"columns":[{"index":0,"header":"cp","kind":"code_postal"}]}"#;
    /// let plan = dq_clean::plan::TablePlan::from_json(json)?;
    /// assert_eq!(plan.columns[0].kind, dq_clean::plan::Kind::PostalCode);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<TablePlan, crate::Error> {
        let plan: TablePlan =
            serde_json::from_str(text).map_err(|e| crate::Error::rules(format!("plan: {e}")))?;
        if plan.plan_version != PLAN_VERSION {
            return Err(crate::Error::rules(format!(
                "plan: version {} is not {PLAN_VERSION}",
                plan.plan_version
            )));
        }
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_name_and_round_trips() {
        for &k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k), "{k:?}");
            for a in k.aliases() {
                assert_eq!(Kind::from_name(a), Some(k), "{a}");
            }
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(serde_json::from_str::<Kind>(&json).unwrap(), k);
        }
        let mut names: Vec<&str> =
            NAMES.iter().flat_map(|(n, _, a)| a.iter().chain([n])).copied().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a spelling names two kinds");
        assert_eq!(NAMES.len(), Kind::ALL.len());
    }

    #[test]
    fn todays_spellings_are_aliases() {
        for (spelling, kind) in [
            ("postal-code", Kind::PostalCode),
            ("postal_code", Kind::PostalCode),
            ("code_postal", Kind::PostalCode),
            ("cle-interop", Kind::CleInterop),
            ("insee", Kind::Insee),
            ("code_commune", Kind::Insee),
            ("DATETIME", Kind::DateTime),
        ] {
            assert_eq!(Kind::from_name(spelling), Some(kind), "{spelling}");
        }
        assert_eq!("nombre".parse::<Kind>(), Err(UnknownKind("nombre".into())));
    }

    #[test]
    fn identifiers_are_never_numbers() {
        assert!(Kind::Siret.is_identifier());
        assert!(Kind::Code.is_identifier());
        assert!(Kind::PostalCode.is_identifier());
        assert!(!Kind::Number.is_identifier());
        assert!(!Kind::Commune.is_identifier());
    }

    #[test]
    fn plan_json_rejects_other_versions_and_kinds() {
        assert!(TablePlan::from_json(r#"{"plan_version":2,"columns":[]}"#).is_err());
        assert!(TablePlan::from_json(
            r#"{"plan_version":1,"columns":[{"index":0,"header":"a","kind":"nombre"}]}"#
        )
        .is_err());
        let p = TablePlan::new(vec![ColumnPlan::new(0, "a", Kind::Number)]);
        let back = TablePlan::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }
}
