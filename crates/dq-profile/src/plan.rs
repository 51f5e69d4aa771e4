//! The planner: one [`TablePlan`] from a table's profile and an optional rules file, and
//! the registry that builds the normalizer of every [`Kind`].
//!
//! This is the one place where a column's meaning becomes what cleaning may do to it.
//! `dq clean`, `dq audit` and the library's users call [`plan`]; dq-clean's
//! `TableCleaner` executes the result with [`normalizer`] as its registry; dq-dedupe
//! reads the same plan. dq-profile holds them because it is the lowest crate that sees
//! dq-encoding (mojibake), dq-clean and dq-pivot.
//!
//! The rules, in order (first match wins):
//! 1. a rules file names the column: its kind and options, values rewritten;
//! 2. rules turn automatic choices off: the column is kept as it is;
//! 3. a code column (zero-padded, letters and digits, or a header naming a code): kind
//!    `code`, spaces trimmed, never read as a number, null tokens are data;
//! 4. an identifier or geography format (SIRET, postal code, INSEE code…): dq-pivot's
//!    normalizer, which repairs lost zeros and spreadsheet damage;
//! 5. numbers, dates and date-times: parsed with the column's conventions, written in
//!    canonical form (decimal point, ISO dates);
//! 6. booleans, phones, e-mails, URLs, NAF codes: parsed and checked, but a column that
//!    is consistent in a convention of its own (`oui`/`non`, `5610A`, `01 23 45 67 89`)
//!    keeps it ([`Rewrite::Check`]) unless [`PlanOptions::canonical`] is set;
//! 7. any other column is text: spaces normalized, mojibake repaired where the profile
//!    found some, and null tokens are data (`NC` is the Nouveau Centre).
//!
//! Null tokens become empty cells only in columns of numbers, dates, booleans and
//! identifiers, where no regular value can look like one.
//!
//! ```
//! use dq_clean::plan::{Kind, NullPolicy};
//!
//! let csv = "code_insee;dep;groupe;montant\n01001;01;NC;1 234,56\n75056;75;SOC;12\n2A004;2A;NC;NC\n";
//! let profile = dq_profile::Profiler::new().profile_reader(csv.as_bytes())?;
//! let plan = dq_profile::plan::plan(&profile, None, &Default::default());
//! assert_eq!(plan.columns[0].kind, Kind::Insee);
//! assert_eq!(plan.columns[2].nulls, NullPolicy::Data);   // NC is a group here
//! assert_eq!(plan.columns[3].kind, Kind::Number);
//! assert_eq!(plan.columns[3].nulls, NullPolicy::Tokens); // and a null there
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use dq_clean::date::DateOrder;
use dq_clean::number::DecimalSeparator;
use dq_clean::plan::{ColumnPlan, Evidence, Kind, NullPolicy, Provider, Rewrite, TablePlan};
use dq_clean::rules::{KindOptions, Rules};
use dq_clean::{Normalizer, Verdict};

use crate::{ColumnProfile, FindingKind, Format, TableProfile};

/// Options of the planner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanOptions {
    /// Write every valid value in canonical form, even in a column that is consistent in
    /// a convention of its own (`--canonical`). Default: false.
    pub canonical: bool,
}

impl PlanOptions {
    /// Sets [`PlanOptions::canonical`].
    pub fn canonical(&mut self, yes: bool) -> &mut Self {
        self.canonical = yes;
        self
    }
}

/// Builds the normalizer of any kind: dq-clean's, dq-pivot's and dq-encoding's. This is
/// the registry that `TableCleaner`, rules files and `dq normalize` use.
///
/// # Example
///
/// ```
/// use dq_clean::plan::Kind;
/// let n = dq_profile::plan::normalizer(Kind::Siret, &Default::default()).ok_or("kind")?;
/// assert_eq!(n.normalize("732 829 320 00074").value(), Some("73282932000074"));
/// let t = dq_profile::plan::normalizer(Kind::Text, &Default::default()).ok_or("kind")?;
/// assert_eq!(t.normalize(" CafÃ©  du port ").value(), Some("Café du port"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalizer(kind: Kind, options: &KindOptions) -> Option<Box<dyn Normalizer>> {
    use dq_pivot::{ban, commune, finess, naf, nir, postal, region, rna, siren, tva, uai};
    let n: Box<dyn Normalizer> = match kind {
        Kind::Title => Box::new(title_with_communes()),
        Kind::Text => Box::new(Text),
        Kind::Mojibake => Box::new(Mojibake),
        Kind::Siret => Box::new(siren::SiretNormalizer),
        Kind::Siren => Box::new(siren::SirenNormalizer),
        Kind::Tva => Box::new(tva::TvaNormalizer),
        Kind::Nir => Box::new(nir::NirNormalizer),
        Kind::Rna => Box::new(rna::RnaNormalizer),
        Kind::Uai => Box::new(uai::UaiNormalizer),
        Kind::Finess => Box::new(finess::FinessNormalizer),
        Kind::Naf => Box::new(naf::NafNormalizer),
        Kind::Insee => Box::new(commune::InseeNormalizer),
        Kind::PostalCode => Box::new(postal::PostalCodeNormalizer),
        Kind::Departement => Box::new(region::DepartementNormalizer),
        Kind::Region => Box::new(region::RegionNormalizer),
        Kind::Commune => Box::new(commune::CommuneNameNormalizer::new(None)),
        Kind::CleInterop => Box::new(ban::CleInteropNormalizer),
        Kind::Address => Box::new(ban::AddressNormalizer::new(None)),
        other => return dq_clean::rules::normalizer_for(other, options),
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

/// Plans every column of `profile`: the rules file first (by header name), then the
/// profile, by the rules of the [module documentation](self).
pub fn plan(profile: &TableProfile, rules: Option<&Rules>, options: &PlanOptions) -> TablePlan {
    let auto = rules.and_then(|r| r.auto).unwrap_or(true);
    let columns = profile
        .columns
        .iter()
        .map(|c| {
            if let Some(rule) = rules.and_then(|r| r.columns.get(&c.name)) {
                let mut p = ColumnPlan::new(c.index, &c.name, rule.kind);
                p.options = rule.options.clone();
                p.evidence = Evidence::Rules;
                p.nulls = default_nulls(rule.kind);
                p.format = Some(c.format.name().to_owned());
                return p;
            }
            if !auto {
                let mut p = ColumnPlan::new(c.index, &c.name, Kind::Keep);
                p.evidence = Evidence::Rules;
                p.note = Some("automatic choices are off in the rules file".into());
                return p;
            }
            column_plan(c, options)
        })
        .collect();
    TablePlan::new(columns)
}

/// The null policy of a kind: tokens are nulls where no regular value looks like one.
fn default_nulls(kind: Kind) -> NullPolicy {
    match kind {
        Kind::Number | Kind::Date | Kind::DateTime | Kind::Bool | Kind::Null => NullPolicy::Tokens,
        Kind::Phone | Kind::Email | Kind::Url => NullPolicy::Tokens,
        k if k.provider() == Provider::Pivot && k.is_identifier() => NullPolicy::Tokens,
        _ => NullPolicy::Data,
    }
}

/// One profiled column's plan.
fn column_plan(c: &ColumnProfile, options: &PlanOptions) -> ColumnPlan {
    let (kind, note) = kind_of(c);
    let mut p = ColumnPlan::new(c.index, &c.name, kind);
    p.format = Some(c.format.name().to_owned());
    p.evidence = c.decided_by;
    p.nulls = default_nulls(kind);
    p.note = note;
    match kind {
        Kind::Number => {
            p.options.decimal = decimal_of(c);
        }
        Kind::Date | Kind::DateTime => {
            p.options.order = Some(date_order_of(c));
        }
        _ => {}
    }
    if !options.canonical && keeps_convention(kind) {
        if let Some(n) = normalizer(kind, &p.options) {
            if own_convention(c, n.as_ref()) {
                p.rewrite = Rewrite::Check;
                p.note = Some(
                    "consistent in a convention of its own: values are checked, not rewritten"
                        .into(),
                );
            }
        }
    }
    p
}

/// The kind of a profiled column, and a note when the choice needs one.
fn kind_of(c: &ColumnProfile) -> (Kind, Option<String>) {
    if c.code {
        return (Kind::Code, Some("codes: never read as numbers".into()));
    }
    let kind = match c.format {
        Format::Siret => Kind::Siret,
        Format::Siren => Kind::Siren,
        Format::Tva => Kind::Tva,
        Format::Nir => Kind::Nir,
        Format::Finess => Kind::Finess,
        Format::Uai => Kind::Uai,
        Format::CodeRna => Kind::Rna,
        Format::InseeApe700 => Kind::Naf,
        Format::CleInterop => Kind::CleInterop,
        Format::CodePostal => Kind::PostalCode,
        Format::CodeCommune => Kind::Insee,
        Format::CodeDepartement => Kind::Departement,
        Format::CodeRegion => Kind::Region,
        Format::TelFr => Kind::Phone,
        Format::Email => Kind::Email,
        Format::Url => Kind::Url,
        Format::Bool => Kind::Bool,
        Format::Date => Kind::Date,
        Format::DatetimeNaive | Format::DatetimeAware => Kind::DateTime,
        Format::Money
        | Format::Percent
        | Format::Int
        | Format::Float
        | Format::LatitudeWgs
        | Format::LongitudeWgs
        | Format::LatitudeWgsFrMetropole
        | Format::LongitudeWgsFrMetropole => Kind::Number,
        Format::String if mostly(c, &[Format::Float, Format::Int, Format::Money]) => {
            return (Kind::Number, Some("mostly numbers: the others are flagged".into()));
        }
        Format::String if mostly(c, &[Format::Date]) => {
            return (Kind::Date, Some("mostly dates: the others are flagged".into()));
        }
        _ if has_mojibake(c) => Kind::Text,
        _ => Kind::Whitespace,
    };
    (kind, None)
}

/// Kinds whose canonical form is a convention a column may not share (`true`/`false`
/// for `oui`/`non`, `56.10A` for `5610A`, E.164 for national phone numbers); numbers and
/// dates are always written in canonical form, and identifiers' changes are repairs.
fn keeps_convention(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Bool | Kind::Phone | Kind::Naf | Kind::Email | Kind::Url | Kind::Tva | Kind::Nir
    )
}

/// Whether the column's frequent values are valid and would mostly be rewritten: then
/// the column writes them its own consistent way. Weighted by the values' counts.
fn own_convention(c: &ColumnProfile, n: &dyn Normalizer) -> bool {
    let (mut valid, mut rewritten) = (0u64, 0u64);
    for t in &c.top {
        let v = t.value.trim();
        if let Verdict::Valid { value, .. } = n.normalize(v) {
            valid += t.count;
            if value != v {
                rewritten += t.count;
            }
        }
    }
    valid > 0 && rewritten * 2 > valid
}

/// Whether one of `formats` matched at least half of the column's non-null values.
fn mostly(c: &ColumnProfile, formats: &[Format]) -> bool {
    c.format_scores.iter().any(|s| formats.contains(&s.format) && s.share >= 0.5)
}

fn has_mojibake(c: &ColumnProfile) -> bool {
    c.findings.iter().any(|f| f.kind == FindingKind::Mojibake)
}

fn decimal_of(c: &ColumnProfile) -> Option<DecimalSeparator> {
    match c.decimal_char.as_deref() {
        Some(",") => Some(DecimalSeparator::Comma),
        Some(".") => Some(DecimalSeparator::Point),
        _ => None,
    }
}

fn date_order_of(c: &ColumnProfile) -> DateOrder {
    match c.date_format.as_deref() {
        Some(f) if f.starts_with("%m") => DateOrder::MonthFirst,
        _ => DateOrder::DayFirst,
    }
}

/// Free text: mojibake repaired, then spaces normalized.
struct Text;

impl Normalizer for Text {
    fn name(&self) -> &'static str {
        "text"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match dq_encoding::mojibake::repair(input).text {
            Cow::Borrowed(s) => dq_clean::whitespace::normalize(s),
            Cow::Owned(fixed) => {
                let spaced = dq_clean::whitespace::collapse_spaces(&fixed).into_owned();
                Verdict::Valid { value: Cow::Owned(spaced), rule: "mojibake" }
            }
        }
    }
}

/// Mojibake repair alone.
struct Mojibake;

impl Normalizer for Mojibake {
    fn name(&self) -> &'static str {
        "mojibake"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match dq_encoding::mojibake::repair(input).text {
            Cow::Borrowed(s) => Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" },
            Cow::Owned(fixed) => Verdict::Valid { value: Cow::Owned(fixed), rule: "mojibake" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(csv: &str) -> TablePlan {
        let p = crate::Profiler::new().profile_reader(csv.as_bytes()).unwrap();
        plan(&p, None, &PlanOptions::default())
    }

    fn check(n: &dyn Normalizer, input: &str, status: &str, value: Option<&str>) {
        let v = n.normalize(input);
        assert_eq!(v.status(), status, "{input:?}");
        assert_eq!(v.value(), value, "{input:?}");
    }

    #[test]
    fn registry_builds_every_kind() {
        let o = KindOptions::default();
        for &k in Kind::ALL {
            assert!(normalizer(k, &o).is_some(), "{k}");
        }
    }

    #[test]
    fn text_repairs_mojibake_and_spaces() {
        let t = Text;
        check(&t, "  Ã‰picerie  LemaÃ®tre ", "valid", Some("Épicerie Lemaître"));
        check(&t, "Café", "valid", Some("Café"));
        // The whitespace kind leaves mojibake alone.
        let plain = normalizer(Kind::Whitespace, &KindOptions::default()).unwrap();
        check(plain.as_ref(), "Ã‰cole", "valid", Some("Ã‰cole"));
    }

    #[test]
    fn zero_padded_codes_are_codes() {
        let p = plan_of("num_dispo;valeur\n000001;12\n000002;13\n000003;14\n");
        assert_eq!(p.columns[0].kind, Kind::Code);
        assert_eq!(p.columns[1].kind, Kind::Number);
    }

    #[test]
    fn alphanumeric_codes_are_codes() {
        let p = plan_of("nature\n10XX\n1011\n59L\n2B14\n1012\n1013\n1014\n");
        assert_eq!(p.columns[0].kind, Kind::Code);
    }

    #[test]
    fn header_naming_a_code_makes_a_code() {
        let p = plan_of("CAN,population\n1,100\n2,200\n15,300\n");
        assert_eq!(p.columns[0].kind, Kind::Code);
        assert_eq!(p.columns[0].evidence, Evidence::Header);
        assert_eq!(p.columns[1].kind, Kind::Number);
    }

    #[test]
    fn categories_keep_their_null_looking_values() {
        let p = plan_of("groupe,nom\nNC,SO\nSOC,Martin\nNC,Durand\nUMP,Petit\n");
        assert_eq!(p.columns[0].nulls, NullPolicy::Data);
        assert_eq!(p.columns[1].nulls, NullPolicy::Data);
    }

    #[test]
    fn only_two_valued_columns_are_booleans() {
        let p = plan_of("etat\nN\nN\nN\nN\nN\nN\nN\nN\nN\nA\nP\n");
        assert_ne!(p.columns[0].kind, Kind::Bool);
        let p = plan_of("actif\noui\nnon\noui\n\n");
        assert_eq!(p.columns[0].kind, Kind::Bool);
        // Consistent `oui`/`non`: kept as written unless canonical forms are asked for.
        assert_eq!(p.columns[0].rewrite, Rewrite::Check);
    }

    #[test]
    fn canonical_option_rewrites_conventions() {
        let profile =
            crate::Profiler::new().profile_reader("actif\noui\nnon\noui\n".as_bytes()).unwrap();
        let p = plan(&profile, None, PlanOptions::default().canonical(true));
        assert_eq!(p.columns[0].rewrite, Rewrite::Canonical);
    }

    #[test]
    fn rules_win_and_can_turn_choices_off() {
        let profile =
            crate::Profiler::new().profile_reader("a,b\n1 234,5,x\n2,y\n".as_bytes()).unwrap();
        let rules =
            Rules::from_toml_with("auto = false\n[columns.b]\nkind = \"siret\"\n", &|k, o| {
                normalizer(k, o)
            })
            .unwrap();
        let p = plan(&profile, Some(&rules), &PlanOptions::default());
        assert_eq!(p.columns[0].kind, Kind::Keep);
        assert_eq!(p.columns[1].kind, Kind::Siret);
        assert_eq!(p.columns[1].evidence, Evidence::Rules);
    }
}
