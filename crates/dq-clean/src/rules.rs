//! Rules files: which normalizer each column gets, by header name, with options.
//!
//! A rules file is TOML (format in `docs/rules.md`); it overrides the automatic choice
//! of [`crate::table::TableCleaner`]. [`normalizer_for`] is the registry of kind names;
//! other crates' kinds (dq-pivot's `siret`, `commune`, …) plug in through
//! [`Rules::apply_with`].
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
use crate::table::TableCleanerBuilder;
use crate::{Error, Normalizer, Verdict};

/// A registry of normalizer kinds: maps a kind name and its options to a
/// normalizer, or `None` when the kind is unknown. [`normalizer_for`] is the default.
pub type Registry = dyn Fn(&str, &KindOptions) -> Option<Box<dyn Normalizer>>;

/// The options of one column's normalizer, as written in a rules file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KindOptions {
    /// `number`: the decimal separator, `"comma"` or `"point"` (default: inferred).
    pub decimal: Option<DecimalSeparator>,
    /// `date`, `datetime`: `"day_first"` or `"month_first"` (default: day first).
    pub order: Option<DateOrder>,
    /// `date`, `datetime`: whether bare integers are Excel serial numbers (default: false).
    #[serde(default)]
    pub excel_serial: bool,
}

/// One column's rule: a kind name and its options.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct ColumnRule {
    /// The kind name (`number`, `date`, `whitespace`, `keep`, …).
    pub kind: String,
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
    /// Parses a rules file and checks that every kind is known to [`normalizer_for`].
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Rules`] when the TOML is malformed, a field is unknown, or a
    /// kind is not in the registry.
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
            if registry(&rule.kind, &rule.options).is_none() {
                return Err(Error::rules(format!("column {col:?}: unknown kind {:?}", rule.kind)));
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
            let n = registry(&rule.kind, &rule.options).ok_or_else(|| {
                Error::rules(format!("column {col:?}: unknown kind {:?}", rule.kind))
            })?;
            builder.column(col, n);
        }
        Ok(())
    }
}

/// The registry of `dq-clean`'s kinds: a normalizer for `kind` with `options`.
///
/// Known here: `number`, `date`, `datetime`, `null`, `whitespace`, `keep` (leaves values
/// as they are), `unicode`, `apostrophe`, `fold`, `title` (without a name reference),
/// `bool`, `phone`, `email` and `url`. Other crates extend it (the `dq` command line adds
/// dq-pivot's identifiers and geography) through [`Rules::apply_with`].
///
/// # Example
///
/// ```
/// use dq_clean::rules::{normalizer_for, KindOptions};
/// let n = normalizer_for("number", &KindOptions::default()).ok_or("unknown")?;
/// assert_eq!(n.normalize("1 234,56").value(), Some("1234.56"));
/// assert!(normalizer_for("nombre", &KindOptions::default()).is_none());
/// let phone = normalizer_for("phone", &KindOptions::default()).ok_or("unknown")?;
/// assert_eq!(phone.normalize("01 23 45 67 89").value(), Some("+33123456789"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalizer_for(kind: &str, options: &KindOptions) -> Option<Box<dyn Normalizer>> {
    let date = |k| {
        let mut c = DateConvention::new(options.order.unwrap_or_default());
        if options.excel_serial {
            c.excel_serial(ExcelSerial::Accept);
        }
        Box::new(DateParser::new(k, c)) as Box<dyn Normalizer>
    };
    match kind {
        "number" => {
            Some(Box::new(NumberParser::new(NumberConvention { decimal: options.decimal })))
        }
        "date" => Some(date(DateKind::Date)),
        "datetime" => Some(date(DateKind::DateTime)),
        "null" => Some(Box::new(crate::null::Nulls::default())),
        "whitespace" => Some(Box::new(Spaces)),
        "keep" => Some(Box::new(Keep)),
        "unicode" => Some(Box::new(crate::unicode::Unicode::default())),
        "apostrophe" => Some(Box::new(crate::unicode::Unicode::apostrophes())),
        "fold" => Some(Box::new(crate::fold::Fold::default())),
        "title" => Some(Box::new(crate::title::TitleCase::default())),
        "bool" => Some(Box::new(crate::boolean::Bool)),
        "phone" => Some(Box::new(crate::phone::Phone)),
        "email" => Some(Box::new(crate::email::Email)),
        "url" => Some(Box::new(crate::url::Url)),
        _ => None,
    }
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

/// Trims and collapses spaces (every Unicode space becomes one ASCII space).
// TODO(clean-text): replace by `crate::whitespace` once it lands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spaces;

impl Normalizer for Spaces {
    fn name(&self) -> &'static str {
        "whitespace"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        let clean = input.bytes().all(|b| b != b' ' && (b' '..0x7f).contains(&b))
            || (!input.starts_with(' ')
                && !input.ends_with(' ')
                && !input.contains("  ")
                && input.bytes().all(|b| (b' '..0x7f).contains(&b)));
        if clean {
            return Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" };
        }
        let mut out = String::with_capacity(input.len());
        for word in input.split(char::is_whitespace) {
            if word.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        if out == input {
            Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
        } else {
            Verdict::Valid { value: Cow::Owned(out), rule: "whitespace" }
        }
    }
}
