//! Which normalizer each column gets: chosen from the column's profile (its French
//! format and its conventions), or named by a rules file.
//!
//! Identifier and geography formats get dq-pivot's normalizers (which repair spaces and
//! spreadsheet damage and flag bad check keys), numbers, dates and booleans get
//! dq-clean's parsers with the column's conventions, everything else only has its spaces
//! normalized (and its mojibake repaired when the profile found some). In every
//! automatically planned column the null tokens (`NC`, `N/A`, `-`…) become empty cells.

use std::borrow::Cow;

use dq_clean::date::{DateConvention, DateKind, DateOrder, DateParser};
use dq_clean::null::{Nulls, Sentinels};
use dq_clean::number::{DecimalSeparator, NumberConvention, NumberParser};
use dq_clean::rules::{normalizer_for, KindOptions, Rules};
use dq_clean::{Normalizer, Verdict};
use dq_profile::{ColumnProfile, FindingKind, Format};

/// The plan of one column.
pub struct ColumnPlan {
    /// The normalizer, or `None` when the column is copied as it is.
    pub normalizer: Option<Box<dyn Normalizer>>,
    /// Where the choice comes from: `"profile"` or `"rule"`.
    pub source: &'static str,
}

impl ColumnPlan {
    /// The normalizer's kind name (`siret`, `number`, `text`…), if any.
    pub fn name(&self) -> Option<&'static str> {
        self.normalizer.as_ref().map(|n| n.name())
    }
}

impl std::fmt::Debug for ColumnPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColumnPlan")
            .field("normalizer", &self.name())
            .field("source", &self.source)
            .finish()
    }
}

/// The registry of kinds a rules file may name in `dq audit`: dq-clean's kinds
/// ([`normalizer_for`]) plus dq-pivot's identifiers and geography and the text kinds.
pub fn registry(kind: &str, options: &KindOptions) -> Option<Box<dyn Normalizer>> {
    if kind == "title" {
        return Some(Box::new(title_with_communes()));
    }
    if let Some(n) = normalizer_for(kind, options) {
        return Some(n);
    }
    use dq_pivot::{ban, commune, finess, naf, nir, postal, region, rna, siren, tva, uai};
    let n: Box<dyn Normalizer> = match kind {
        "siret" => Box::new(siren::SiretNormalizer),
        "siren" => Box::new(siren::SirenNormalizer),
        "tva" => Box::new(tva::TvaNormalizer),
        "nir" => Box::new(nir::NirNormalizer),
        "rna" => Box::new(rna::RnaNormalizer),
        "uai" => Box::new(uai::UaiNormalizer),
        "finess" => Box::new(finess::FinessNormalizer),
        "naf" => Box::new(naf::NafNormalizer),
        "insee" | "code_commune" => Box::new(commune::InseeNormalizer),
        "postal_code" | "code_postal" => Box::new(postal::PostalCodeNormalizer),
        "departement" => Box::new(region::DepartementNormalizer),
        "region" => Box::new(region::RegionNormalizer),
        "commune" => Box::new(commune::CommuneNameNormalizer::new(None)),
        "cle_interop" => Box::new(ban::CleInteropNormalizer),
        "text" => Box::new(Text { mojibake: true }),
        _ => return None,
    };
    Some(n)
}

/// French title case whose accents come from the official commune names of dq-pivot
/// (`SAINT-ETIENNE` → `Saint-Étienne`); other names get no invented accent.
pub fn title_with_communes() -> dq_clean::title::TitleCase {
    dq_clean::title::TitleCase::with_reference(std::sync::Arc::new(|name: &str| {
        dq_pivot::commune::official_name(name).map(str::to_owned)
    }))
}

/// Plans every column: rules first (by header name), then the profile.
pub fn plan(columns: &[ColumnProfile], rules: Option<&Rules>) -> Vec<ColumnPlan> {
    let auto = rules.and_then(|r| r.auto).unwrap_or(true);
    columns
        .iter()
        .map(|c| {
            if let Some(rule) = rules.and_then(|r| r.columns.get(&c.name)) {
                return ColumnPlan {
                    normalizer: registry(&rule.kind, &rule.options),
                    source: "rule",
                };
            }
            if !auto {
                return ColumnPlan { normalizer: None, source: "rule" };
            }
            ColumnPlan { normalizer: Some(from_profile(c)), source: "profile" }
        })
        .collect()
}

/// The normalizer a profiled column gets, null tokens first.
pub fn from_profile(c: &ColumnProfile) -> Box<dyn Normalizer> {
    let inner = inner_from_profile(c);
    let mut nulls = Nulls::builder();
    nulls.sentinels(Sentinels::Ignore);
    Box::new(NullsThen { nulls: nulls.build(), inner })
}

fn inner_from_profile(c: &ColumnProfile) -> Box<dyn Normalizer> {
    use dq_pivot::{ban, commune, finess, naf, postal, region, rna, siren, tva, uai};
    let number = || {
        let decimal = match c.decimal_char.as_deref() {
            Some(",") => Some(DecimalSeparator::Comma),
            Some(".") => Some(DecimalSeparator::Point),
            _ => None,
        };
        let convention = decimal.map(NumberConvention::new).unwrap_or_default();
        Box::new(NumberParser::new(convention)) as Box<dyn Normalizer>
    };
    let date = |kind| {
        let order = match c.date_format.as_deref() {
            Some(f) if f.starts_with("%m") => DateOrder::MonthFirst,
            _ => DateOrder::DayFirst,
        };
        Box::new(DateParser::new(kind, DateConvention::new(order))) as Box<dyn Normalizer>
    };
    match c.format {
        Format::Siret => Box::new(siren::SiretNormalizer),
        Format::Siren => Box::new(siren::SirenNormalizer),
        Format::Tva => Box::new(tva::TvaNormalizer),
        Format::Finess => Box::new(finess::FinessNormalizer),
        Format::Uai => Box::new(uai::UaiNormalizer),
        Format::CodeRna => Box::new(rna::RnaNormalizer),
        Format::InseeApe700 => Box::new(naf::NafNormalizer),
        Format::CleInterop => Box::new(ban::CleInteropNormalizer),
        Format::CodePostal => Box::new(postal::PostalCodeNormalizer),
        Format::CodeCommune => Box::new(commune::InseeNormalizer),
        Format::CodeDepartement => Box::new(region::DepartementNormalizer),
        Format::TelFr => Box::new(dq_clean::phone::Phone),
        Format::Email => Box::new(dq_clean::email::Email),
        Format::Url => Box::new(dq_clean::url::Url),
        Format::Bool => Box::new(dq_clean::boolean::Bool),
        Format::Date => date(DateKind::Date),
        Format::DatetimeNaive | Format::DatetimeAware => date(DateKind::DateTime),
        Format::Money
        | Format::Percent
        | Format::Int
        | Format::Float
        | Format::LatitudeWgs
        | Format::LongitudeWgs
        | Format::LatitudeWgsFrMetropole
        | Format::LongitudeWgsFrMetropole => number(),
        _ => match c.kind.as_str() {
            // A text column most of whose values are numbers, dates or booleans (the
            // profile wants more before typing it): parse it, flag the rest.
            "string" if mostly(c, &[Format::Float, Format::Int, Format::Money]) => number(),
            "string" if mostly(c, &[Format::Date]) => date(DateKind::Date),
            "string" if mostly(c, &[Format::Bool]) => Box::new(dq_clean::boolean::Bool),
            "number" | "integer" => number(),
            "date" => date(DateKind::Date),
            "datetime" => date(DateKind::DateTime),
            "boolean" => Box::new(dq_clean::boolean::Bool),
            _ => Box::new(Text { mojibake: has_mojibake(c) }),
        },
    }
}

/// Whether one of `formats` matched at least half of the column's non-null values.
fn mostly(c: &ColumnProfile, formats: &[Format]) -> bool {
    c.format_scores.iter().any(|s| formats.contains(&s.format) && s.share >= 0.5)
}

fn has_mojibake(c: &ColumnProfile) -> bool {
    c.findings.iter().any(|f| f.kind == FindingKind::Mojibake)
}

/// Null tokens become empty cells, then the inner normalizer runs.
struct NullsThen {
    nulls: Nulls,
    inner: Box<dyn Normalizer>,
}

impl Normalizer for NullsThen {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        if input.is_empty() {
            return Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" };
        }
        if self.nulls.is_null(input) {
            return Verdict::Null;
        }
        self.inner.normalize(input)
    }
}

/// Free text: mojibake repaired (when asked), then spaces normalized.
struct Text {
    mojibake: bool,
}

impl Normalizer for Text {
    fn name(&self) -> &'static str {
        if self.mojibake {
            "text_mojibake"
        } else {
            "whitespace"
        }
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        if !self.mojibake {
            return dq_clean::whitespace::normalize(input);
        }
        match dq_encoding::mojibake::repair(input).text {
            Cow::Borrowed(s) => dq_clean::whitespace::normalize(s),
            Cow::Owned(fixed) => {
                let spaced = dq_clean::whitespace::collapse_spaces(&fixed).into_owned();
                Verdict::Valid { value: Cow::Owned(spaced), rule: "mojibake" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: &dyn Normalizer, input: &str, status: &str, value: Option<&str>) {
        let v = n.normalize(input);
        assert_eq!(v.status(), status, "{input:?}");
        assert_eq!(v.value(), value, "{input:?}");
    }

    #[test]
    fn text_repairs_mojibake_and_spaces() {
        let t = Text { mojibake: true };
        check(&t, "  Ã‰picerie  LemaÃ®tre ", "valid", Some("Épicerie Lemaître"));
        check(&t, "Café", "valid", Some("Café"));
        let plain = Text { mojibake: false };
        check(&plain, "Ã‰cole", "valid", Some("Ã‰cole"));
    }

    #[test]
    fn nulls_come_first() {
        let n = NullsThen { nulls: Nulls::default(), inner: Box::new(NumberParser::default()) };
        check(&n, "NC", "null", None);
        check(&n, "", "valid", Some(""));
        check(&n, "1 234,5", "valid", Some("1234.5"));
    }

    #[test]
    fn registry_knows_pivot_kinds() {
        let o = KindOptions::default();
        for k in ["siret", "code_postal", "insee", "number", "keep", "text", "bool"] {
            assert!(registry(k, &o).is_some(), "{k}");
        }
        assert!(registry("nombre", &o).is_none());
    }
}
