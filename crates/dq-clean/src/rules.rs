//! Rules files: which normalizer each column gets, by header name, with options.
//!
//! A rules file is TOML (format in `docs/rules.md`); it overrides the automatic choice
//! of [`crate::table::TableCleaner`] and of the planner (`dq_profile::plan`). Kinds are
//! spelled as [`Kind::from_name`] accepts them; [`normalizer_for`] builds dq-clean's own
//! kinds, and other crates' kinds (dq-pivot's `siret`, `commune`, …) plug in through
//! [`Rules::apply_with`] with a fuller [`Registry`].
//!
//! ```
//! use dq_clean::rules::Rules;
//! use dq_clean::table::TableCleaner;
//!
//! let rules = Rules::from_toml(r#"
//! [columns."Montant TTC"]
//! kind = "number"
//! decimal = "comma"
//!
//! [columns.date_naissance]
//! kind = "date"
//! order = "month_first"
//! "#)?;
//! let mut builder = TableCleaner::builder();
//! rules.apply(&mut builder)?;
//! let cleaner = builder.build();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::date::{DateConvention, DateKind, DateOrder, DateParser, ExcelSerial};
use crate::number::{DecimalSeparator, NumberConvention, NumberParser};
use crate::plan::Kind;
use crate::table::TableCleanerBuilder;
use crate::{Error, Normalizer, Verdict};

/// A registry of normalizer kinds: maps a kind and its options to a normalizer, or
/// `None` when the registry cannot build that kind. [`normalizer_for`] builds dq-clean's
/// kinds; `dq_profile::plan::normalizer` builds every kind.
pub type Registry = dyn Fn(Kind, &KindOptions) -> Option<Box<dyn Normalizer>>;

/// The options of one column's normalizer, as written in a rules file or a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KindOptions {
    /// `number`: the decimal separator, `"comma"` or `"point"` (default: inferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimal: Option<DecimalSeparator>,
    /// `date`, `datetime`: `"day_first"` or `"month_first"` (default: day first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<DateOrder>,
    /// `date`, `datetime`: whether bare integers are Excel serial numbers (default: false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub excel_serial: bool,
}

/// One column's rule: a kind and its options.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct ColumnRule {
    /// The kind (`number`, `date`, `whitespace`, `keep`, …; any spelling that
    /// [`Kind::from_name`] accepts).
    pub kind: Kind,
    /// The options.
    #[serde(flatten)]
    pub options: KindOptions,
}

/// A parsed rules file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rules {
    /// How many rows to sample for the automatic choice (default 1000).
    pub sample_rows: Option<usize>,
    /// Whether columns without a rule get an automatic normalizer (default true).
    pub auto: Option<bool>,
    /// The rule of each column, by header name.
    #[serde(default)]
    pub columns: BTreeMap<String, ColumnRule>,
}

impl Rules {
    /// Parses a rules file and checks that [`normalizer_for`] builds every kind it names
    /// (use [`Rules::from_toml_with`] for dq-pivot's kinds).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when the TOML is malformed, a field is unknown, or a
    /// kind is unknown or not in the registry.
    ///
    /// # Example
    ///
    /// ```
    /// let r = dq_clean::rules::Rules::from_toml("[columns.cp]\nkind = \"keep\"")?;
    /// assert_eq!(r.columns.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<Rules, Error> {
        Self::from_toml_with(text, &normalizer_for)
    }

    /// Like [`Rules::from_toml`], with another registry of kinds.
    ///
    /// # Errors
    ///
    /// As [`Rules::from_toml`].
    pub fn from_toml_with(text: &str, registry: &Registry) -> Result<Rules, Error> {
        let rules: Rules = toml::from_str(text).map_err(|e| Error::rules(e.to_string()))?;
        for (col, rule) in &rules.columns {
            if registry(rule.kind, &rule.options).is_none() {
                return Err(Error::rules(format!(
                    "column {col:?}: kind {:?} is not available here",
                    rule.kind.name()
                )));
            }
        }
        Ok(rules)
    }

    /// Sets each named column's normalizer on `builder`, from [`normalizer_for`].
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when a kind is unknown.
    pub fn apply(&self, builder: &mut TableCleanerBuilder) -> Result<(), Error> {
        self.apply_with(builder, &normalizer_for)
    }

    /// Sets each named column's normalizer on `builder`, from `registry`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when a kind is unknown to `registry`.
    pub fn apply_with(
        &self,
        builder: &mut TableCleanerBuilder,
        registry: &Registry,
    ) -> Result<(), Error> {
        if let Some(n) = self.sample_rows {
            builder.sample_rows(n);
        }
        if self.auto == Some(false) {
            builder.auto(crate::table::AutoChoice::Off);
        }
        for (col, rule) in &self.columns {
            let n = registry(rule.kind, &rule.options).ok_or_else(|| {
                Error::rules(format!(
                    "column {col:?}: kind {:?} is not available here",
                    rule.kind.name()
                ))
            })?;
            builder.column(col, n);
        }
        Ok(())
    }
}

/// The registry of `dq-clean`'s kinds: a normalizer for `kind` with `options`, or `None`
/// for kinds that other crates provide ([`crate::plan::Provider`]).
///
/// Built here: `number`, `date`, `datetime`, `null`, `whitespace`, `keep` (leaves values
/// as they are), `code` (trims spaces, never reads a number), `unicode`, `apostrophe`,
/// `fold`, `title` (without a name reference), `bool`, `phone`, `email` and `url`.
///
/// # Example
///
/// ```
/// use dq_clean::plan::Kind;
/// use dq_clean::rules::{normalizer_for, KindOptions};
/// let n = normalizer_for(Kind::Number, &KindOptions::default()).ok_or("unknown")?;
/// assert_eq!(n.normalize("1 234,56").value(), Some("1234.56"));
/// assert!(normalizer_for(Kind::Siret, &KindOptions::default()).is_none());
/// let phone = normalizer_for(Kind::Phone, &KindOptions::default()).ok_or("unknown")?;
/// assert_eq!(phone.normalize("01 23 45 67 89").value(), Some("+33123456789"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalizer_for(kind: Kind, options: &KindOptions) -> Option<Box<dyn Normalizer>> {
    let date = |k| {
        let mut c = DateConvention::new(options.order.unwrap_or_default());
        if options.excel_serial {
            c.excel_serial(ExcelSerial::Accept);
        }
        Box::new(DateParser::new(k, c)) as Box<dyn Normalizer>
    };
    let n: Box<dyn Normalizer> = match kind {
        Kind::Number => Box::new(NumberParser::new(NumberConvention { decimal: options.decimal })),
        Kind::Date => date(DateKind::Date),
        Kind::DateTime => date(DateKind::DateTime),
        Kind::Null => Box::new(crate::null::Nulls::default()),
        Kind::Whitespace => Box::new(crate::whitespace::Whitespace),
        Kind::Keep => Box::new(Keep),
        Kind::Code => Box::new(Code),
        Kind::Unicode => Box::new(crate::unicode::Unicode::default()),
        Kind::Apostrophe => Box::new(crate::unicode::Unicode::apostrophes()),
        Kind::Fold => Box::new(crate::fold::Fold::default()),
        Kind::Title => Box::new(crate::title::TitleCase::default()),
        Kind::Bool => Box::new(crate::boolean::Bool),
        Kind::Phone => Box::new(crate::phone::Phone),
        Kind::Email => Box::new(crate::email::Email),
        Kind::Url => Box::new(crate::url::Url),
        _ => return None,
    };
    Some(n)
}

/// Leaves every value as it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keep;

impl Normalizer for Keep {
    fn name(&self) -> &'static str {
        "keep"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
    }
}

/// A code: surrounding spaces trimmed, nothing else (`00016` stays `00016`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Code;

impl Normalizer for Code {
    fn name(&self) -> &'static str {
        "code"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        let t = input.trim();
        if t.len() == input.len() {
            Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
        } else {
            Verdict::Valid { value: Cow::Borrowed(t), rule: "trim" }
        }
    }
}
