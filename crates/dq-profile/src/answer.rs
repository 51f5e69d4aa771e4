//! What `dq normalize KIND --json` answers for one value, as a library.
//!
//! The CLI, the Arrow kernels and the Python package all call this module, so that one
//! value gets one answer whichever engine asked. An [`Answerer`] is built once per kind
//! (dispatched on [`Kind`], never on a name) and answers each value with an [`Answer`]:
//! `status`, `output`, `rule`, `reason` and the kind's extra fields (`insee` adds
//! `current_code`, `departement`, `region`, `name`, `kind`; `siret` adds `siren`, `nic`;
//! ambiguous values carry `candidates`; …).
//!
//! ```
//! use dq_clean::plan::Kind;
//! use dq_profile::answer::{answer, AnswerOptions};
//!
//! let a = answer(Kind::Insee, "75056", &AnswerOptions::default())
//!     .ok_or("no answer for insee")?;
//! assert_eq!(a.status, "valid");
//! assert_eq!(a.extra.get("departement").and_then(|v| v.as_str()), Some("75"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use dq_clean::date::{self, DateConvention, DateOrder, ExcelSerial};
use dq_clean::plan::Kind;
use dq_clean::rules::KindOptions;
use dq_clean::{Normalizer, Verdict};
use dq_pivot::{naf::Naf, siren::Siret};
use serde_json::{Map, Value};

/// Options of an answer, those of `dq normalize`'s flags.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AnswerOptions {
    /// Dates: accept Excel serial numbers (1900 date system). Default: `false`.
    pub excel_serial: bool,
    /// Dates: read `03/04/2021` month first (US columns). Default: `false` (day first).
    pub month_first: bool,
    /// Communes and addresses: a département code or postal code that narrows the
    /// search (`"75"`, `"75001"`). Default: none.
    pub hint: Option<String>,
}

impl AnswerOptions {
    /// Dates: accept Excel serial numbers. Default: `false`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut o = dq_profile::answer::AnswerOptions::default();
    /// o.excel_serial(true).month_first(false).hint(Some("75"));
    /// ```
    pub fn excel_serial(&mut self, yes: bool) -> &mut Self {
        self.excel_serial = yes;
        self
    }

    /// Dates: read `03/04/2021` month first. Default: `false`.
    pub fn month_first(&mut self, yes: bool) -> &mut Self {
        self.month_first = yes;
        self
    }

    /// Communes and addresses: the département or postal code that narrows the search.
    /// Default: none.
    pub fn hint(&mut self, hint: Option<&str>) -> &mut Self {
        self.hint = hint.map(str::to_owned);
        self
    }
}

/// What dq answers for one value.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Answer {
    /// `"valid"`, `"null"`, `"invalid"` or `"ambiguous"`.
    pub status: &'static str,
    /// The normalized value, when valid.
    pub output: Option<String>,
    /// What was applied, when valid.
    pub rule: Option<String>,
    /// Why the value is invalid or ambiguous.
    pub reason: Option<String>,
    /// Kind-specific fields added after the common ones (`candidates`, `communes`, …).
    pub extra: Map<String, Value>,
}

impl Answer {
    /// Builds the answer from a `dq-clean` verdict (an ambiguous verdict's candidates go
    /// to the extra field `candidates`).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::Normalizer;
    /// let v = dq_pivot::siren::SirenNormalizer.normalize("552 100 554");
    /// let a = dq_profile::answer::Answer::from_verdict(&v);
    /// assert_eq!(a.output.as_deref(), Some("552100554"));
    /// ```
    pub fn from_verdict(v: &Verdict<'_>) -> Answer {
        let mut a = Answer {
            status: v.status(),
            output: v.value().map(str::to_owned),
            rule: v.rule().map(str::to_owned),
            reason: v.reason().map(str::to_owned),
            extra: Map::new(),
        };
        if let Verdict::Ambiguous { candidates, .. } = v {
            a.extra.insert("candidates".into(), candidates.clone().into());
        }
        a
    }

    /// Whether the value is valid: the plain `is_valid` of the Arrow kernels.
    pub fn is_valid(&self) -> bool {
        self.status == "valid"
    }

    /// Whether a valid value was rewritten (`changed` in the JSON answer).
    pub fn changed(&self, input: &str) -> bool {
        self.is_valid() && self.output.as_deref() != Some(input)
    }

    /// The JSON object `dq normalize --json` prints for `input`: `input`, `status`,
    /// `output`, `changed`, `rule`, `reason`, then the extra fields in order.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::Kind;
    /// use dq_profile::answer::{answer, AnswerOptions};
    /// let a = answer(Kind::Siren, "552100554", &AnswerOptions::default()).ok_or("kind")?;
    /// assert_eq!(a.to_json("552100554")["changed"], false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self, input: &str) -> Value {
        let mut m = Map::new();
        m.insert("input".into(), input.into());
        m.insert("status".into(), self.status.into());
        m.insert("output".into(), self.output.clone().into());
        m.insert("changed".into(), self.changed(input).into());
        m.insert("rule".into(), self.rule.clone().into());
        m.insert("reason".into(), self.reason.clone().into());
        for (k, v) in &self.extra {
            m.insert(k.clone(), v.clone());
        }
        Value::Object(m)
    }
}

type AnswerFn = Box<dyn Fn(&str) -> Answer + Send + Sync>;

/// The answering function of one kind, built once and called per value.
pub struct Answerer {
    kind: Kind,
    /// The kinds whose answer has extra fields; the others answer from the verdict.
    f: Option<AnswerFn>,
    verdict: Box<dyn Normalizer>,
}

impl std::fmt::Debug for Answerer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answerer").field("kind", &self.kind).finish_non_exhaustive()
    }
}

impl Answerer {
    /// Builds the answering function of `kind`, or `None` for a kind that has no
    /// normalizer.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::Kind;
    /// use dq_profile::answer::{Answerer, AnswerOptions};
    /// let a = Answerer::new(Kind::PostalCode, &AnswerOptions::default()).ok_or("kind")?;
    /// assert_eq!(a.answer("1000").output.as_deref(), Some("01000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(kind: Kind, options: &AnswerOptions) -> Option<Answerer> {
        let verdict = light(kind, options)?;
        let f = encoding(kind)
            .or_else(|| date_answer(kind, options))
            .or_else(|| pivot_ids(kind))
            .or_else(|| pivot_geo(kind, options));
        Some(Answerer { kind, f, verdict })
    }

    /// The kind this answerer answers for.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Answers one value.
    pub fn answer(&self, value: &str) -> Answer {
        match &self.f {
            Some(f) => f(value),
            None => Answer::from_verdict(&self.verdict.normalize(value)),
        }
    }

    /// The verdict alone, without the extra fields: the same status and output as
    /// [`answer`](Self::answer) (a property test holds them in step), at the cost of the
    /// normalizer only. The `rule` may be coarser (`mojibake` rather than the
    /// misreadings undone). This is what the plain `output` and `is_valid` Arrow kernels
    /// call.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::plan::Kind;
    /// use dq_profile::answer::{Answerer, AnswerOptions};
    /// let a = Answerer::new(Kind::Insee, &AnswerOptions::default()).ok_or("kind")?;
    /// assert_eq!(a.verdict("2a004").value(), Some("2A004"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verdict<'a>(&self, value: &'a str) -> Verdict<'a> {
        self.verdict.normalize(value)
    }
}

/// The normalizer of `kind` that every answer starts from: the planner's registry
/// (`dq_profile::plan::normalizer`, what `dq clean` runs) with the date options of the
/// flags, and the hint for commune names and addresses.
fn light(kind: Kind, options: &AnswerOptions) -> Option<Box<dyn Normalizer>> {
    let hint = options.hint.as_deref();
    match kind {
        Kind::Commune => Some(Box::new(dq_pivot::commune::CommuneNameNormalizer::new(hint))),
        Kind::Address => Some(Box::new(dq_pivot::ban::AddressNormalizer::new(hint))),
        _ => {
            let mut o = KindOptions::default();
            o.order =
                Some(if options.month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst });
            o.excel_serial = options.excel_serial;
            crate::plan::normalizer(kind, &o)
        }
    }
}

/// Answers one value of `kind`, or `None` for a kind that has no normalizer. To answer
/// many values, build an [`Answerer`] once.
///
/// # Example
///
/// ```
/// use dq_clean::plan::Kind;
/// use dq_profile::answer::{answer, AnswerOptions};
/// let a = answer(Kind::Number, "1 234,56", &AnswerOptions::default()).ok_or("kind")?;
/// assert_eq!(a.output.as_deref(), Some("1234.56"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn answer(kind: Kind, value: &str, options: &AnswerOptions) -> Option<Answer> {
    Answerer::new(kind, options).map(|a| a.answer(value))
}

/// dq-encoding's kind: `mojibake` (always `valid`; `steps` lists what was undone).
fn encoding(kind: Kind) -> Option<AnswerFn> {
    match kind {
        Kind::Mojibake => Some(Box::new(mojibake)),
        _ => None,
    }
}

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

/// `date`: its answer adds the date-time of a value with a time of day.
fn date_answer(kind: Kind, options: &AnswerOptions) -> Option<AnswerFn> {
    let order = if options.month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
    let mut conv = DateConvention::new(order);
    if options.excel_serial {
        conv.excel_serial(ExcelSerial::Accept);
    }
    match kind {
        // A date with a time of day is not a date, but its date-time is given too (the
        // extra field `datetime`), so that a caller needs no second call.
        Kind::Date => Some(Box::new(move |v: &str| {
            let mut a = Answer::from_verdict(&date::parse_date_with(v, &conv));
            if a.status == "invalid" {
                if let Some(dt) = date::parse_datetime_with(v, &conv).value() {
                    a.extra.insert("datetime".into(), dt.into());
                }
            }
            a
        })),
        _ => None,
    }
}

/// An identifier's answer: `strict_valid`, then `extra` on the output when valid, or
/// `error_kind` when invalid.
fn with<N: Normalizer + Send + Sync + 'static>(
    n: N,
    strict: fn(&str) -> bool,
    extra: fn(&str, &mut Answer),
) -> Option<AnswerFn> {
    Some(Box::new(move |v: &str| {
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
    }))
}

fn none(_: &str, _: &mut Answer) {}

/// dq-pivot's identifiers.
fn pivot_ids(kind: Kind) -> Option<AnswerFn> {
    use dq_pivot::{finess, naf, nir, rna, siren, tva, uai};
    match kind {
        Kind::Siren => with(
            siren::SirenNormalizer,
            |v| v.parse::<siren::Siren>().is_ok(),
            |out, a| {
                if let Ok(s) = out.parse::<siren::Siren>() {
                    a.extra.insert("tva".into(), tva::Tva::from_siren(s).to_string().into());
                }
            },
        ),
        Kind::Siret => with(
            siren::SiretNormalizer,
            |v| v.parse::<Siret>().is_ok(),
            |out, a| {
                if let Ok(s) = out.parse::<Siret>() {
                    a.extra.insert("siren".into(), s.siren().to_string().into());
                    a.extra.insert("nic".into(), format!("{:05}", s.nic()).into());
                }
            },
        ),
        Kind::Tva => with(
            tva::TvaNormalizer,
            |v| v.parse::<tva::Tva>().is_ok(),
            |out, a| {
                if let Some(s) = out.parse::<tva::Tva>().ok().and_then(|t| t.siren()) {
                    a.extra.insert("siren".into(), s.to_string().into());
                }
            },
        ),
        Kind::Nir => with(nir::NirNormalizer, |v| v.parse::<nir::Nir>().is_ok(), none),
        Kind::Rna => with(rna::RnaNormalizer, |v| v.parse::<rna::Rna>().is_ok(), none),
        Kind::Uai => with(uai::UaiNormalizer, |v| v.parse::<uai::Uai>().is_ok(), none),
        Kind::Finess => {
            with(finess::FinessNormalizer, |v| v.parse::<finess::Finess>().is_ok(), none)
        }
        Kind::Naf => with(
            naf::NafNormalizer,
            |v| v.parse::<Naf>().is_ok(),
            |out, a| {
                if let Ok(n) = out.parse::<Naf>() {
                    a.extra.insert("label".into(), n.label().into());
                }
            },
        ),
        _ => None,
    }
}

/// dq-pivot's geography and addresses.
fn pivot_geo(kind: Kind, options: &AnswerOptions) -> Option<AnswerFn> {
    match kind {
        Kind::Insee => Some(Box::new(insee)),
        Kind::PostalCode => Some(Box::new(postal_code)),
        Kind::Commune => {
            let n = dq_pivot::commune::CommuneNameNormalizer::new(options.hint.as_deref());
            Some(Box::new(move |v: &str| commune(&n, v)))
        }
        Kind::CleInterop => Some(Box::new(cle_interop)),
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
        Verdict::Valid { .. } => cands.first().map(|c| Value::from(c.code)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks status, output and one extra field (`None`: absent) of one answer.
    fn check(kind: Kind, input: &str, expected: (&str, Option<&str>, &str, Option<Value>)) {
        let a = answer(kind, input, &AnswerOptions::default()).unwrap();
        let (status, output, key, extra) = expected;
        assert_eq!(a.status, status, "{kind:?} {input:?}");
        assert_eq!(a.output.as_deref(), output, "{kind:?} {input:?}");
        assert_eq!(a.extra.get(key).cloned(), extra, "{kind:?} {input:?} {key}");
    }

    #[test]
    fn answers() {
        use serde_json::json;
        let s = |v: &str| Some(json!(v));
        check(
            Kind::Siret,
            "552 100 554 00013",
            ("valid", Some("55210055400013"), "nic", s("00013")),
        );
        check(Kind::Siret, "55210055400014", ("invalid", None, "error_kind", s("checksum")));
        check(Kind::Siren, "552100554", ("valid", Some("552100554"), "tva", s("FR96552100554")));
        check(Kind::Insee, "75056", ("valid", Some("75056"), "region", s("11")));
        check(Kind::Insee, "2A004", ("valid", Some("2A004"), "departement", s("2A")));
        check(
            Kind::PostalCode,
            "1000",
            ("valid", Some("01000"), "communes", Some(json!(["01053", "01344"]))),
        );
        check(Kind::Number, "1 234,56", ("valid", Some("1234.56"), "candidates", None));
        check(Kind::Null, "NA", ("null", None, "candidates", None));
        check(Kind::Mojibake, "Ã©tÃ©", ("valid", Some("été"), "candidates", None));
        check(Kind::Date, "03/04/2021", ("valid", Some("2021-04-03"), "candidates", None));
        check(Kind::Date, "03/04/2021", ("valid", Some("2021-04-03"), "datetime", None));
        check(
            Kind::Date,
            "3 février 2020 à 9 h 05",
            ("invalid", None, "datetime", s("2020-02-03T09:05:00")),
        );
        check(
            Kind::Date,
            "Tue, 04 Feb 2020 10:00:00 GMT",
            ("invalid", None, "datetime", s("2020-02-04T10:00:00Z")),
        );
        check(Kind::Date, "31/02/2021", ("invalid", None, "datetime", None));
    }

    #[test]
    fn json_has_the_common_fields_first_then_extra() {
        let a = answer(Kind::Siret, "552 100 554 00013", &AnswerOptions::default()).unwrap();
        let j = a.to_json("552 100 554 00013");
        assert_eq!(j["changed"], true);
        assert_eq!(j["input"], "552 100 554 00013");
        assert_eq!(j["siren"], "552100554");
    }

    #[test]
    fn options_reach_the_dates() {
        let mut o = AnswerOptions::default();
        o.month_first(true);
        let a = answer(Kind::Date, "03/25/2021", &o).unwrap();
        assert_eq!(a.output.as_deref(), Some("2021-03-25"));
    }

    #[test]
    fn every_kind_with_a_normalizer_answers() {
        for &kind in Kind::ALL {
            let has = crate::plan::normalizer(kind, &Default::default()).is_some();
            let a = Answerer::new(kind, &AnswerOptions::default());
            assert!(!has || a.is_some(), "{kind:?}");
        }
    }

    proptest! {
        #[test]
        fn prop_never_panics_and_changed_means_valid(s in "\\PC{0,24}") {
            for &kind in Kind::ALL {
                if let Some(a) = Answerer::new(kind, &AnswerOptions::default()) {
                    let ans = a.answer(&s);
                    prop_assert!(!ans.changed(&s) || ans.is_valid());
                }
            }
        }

        /// The light path of the Arrow kernels says what the full answer says.
        #[test]
        fn prop_verdict_agrees_with_answer(
            s in prop_oneof![
                "\\PC{0,24}",
                "[0-9AB ]{0,16}",
                "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}( [0-9]{2}:[0-9]{2})?",
                "(Ã©|Ã¨|Ã|é|e|Paris|Saint|-| ){0,8}",
            ],
            month_first in any::<bool>(),
            hint in proptest::option::of("(75|13|69|01000)"),
        ) {
            let mut o = AnswerOptions::default();
            o.month_first(month_first).hint(hint.as_deref());
            for &kind in Kind::ALL {
                if let Some(a) = Answerer::new(kind, &o) {
                    let full = a.answer(&s);
                    let light = a.verdict(&s);
                    prop_assert_eq!(full.status, light.status(), "{:?} {:?}", kind, s);
                    prop_assert_eq!(full.output.as_deref(), light.value(), "{:?} {:?}", kind, s);
                    prop_assert_eq!(full.reason.as_deref(), light.reason(), "{:?} {:?}", kind, s);
                }
            }
        }
    }
}
