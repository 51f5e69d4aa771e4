//! The `dq normalize KIND` kernels: one answer per value, as a struct array or as plain
//! `output` and `is_valid` arrays.
//!
//! A [`Normalize`] kernel is built once per kind (and options) and run on any number of
//! arrays. Its answers are those of `dq normalize KIND --json`, from the same code
//! ([`dq_profile::answer`]): the struct array has the fields `status`, `output`,
//! `changed`, `rule`, `reason`, then the kind's extra fields ([`Normalize::extras`]) in
//! the order of the JSON answer. Extra fields whose value is a list of objects (the
//! mojibake `steps`, the commune `candidates`) are given as JSON text. A null input gives
//! a null row (and a null `output`, a null `is_valid`); an empty string is a value, which
//! most kinds answer as `null`.

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, ListBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, BooleanArray, StructArray};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, Field, Fields};
use dq_clean::plan::Kind;
use dq_profile::answer::{Answer, AnswerOptions, Answerer};
use serde_json::Value;

use crate::strings::{StrBuilder, Strings};
use crate::Error;

/// The Arrow type of one extra field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtraType {
    /// `Utf8`.
    Utf8,
    /// `Boolean`.
    Boolean,
    /// `List<Utf8>`.
    Utf8List,
    /// `Utf8` holding JSON text (a list of objects).
    Json,
}

impl ExtraType {
    /// The Arrow type.
    pub fn data_type(self) -> DataType {
        match self {
            ExtraType::Utf8 | ExtraType::Json => DataType::Utf8,
            ExtraType::Boolean => DataType::Boolean,
            ExtraType::Utf8List => {
                DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
            }
        }
    }
}

/// One extra field of a kind's answer: its name in the JSON answer and its Arrow type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extra {
    /// The field's name (`current_code`, `communes`, …).
    pub name: &'static str,
    /// Its Arrow type.
    pub ty: ExtraType,
}

const fn x(name: &'static str, ty: ExtraType) -> Extra {
    Extra { name, ty }
}

use ExtraType::{Boolean as B, Json as J, Utf8 as S, Utf8List as L};

const COMMON: &[Extra] = &[x("candidates", L)];
const MOJIBAKE: &[Extra] = &[x("candidates", L), x("steps", J)];
const DATE: &[Extra] = &[x("candidates", L), x("datetime", S)];
const ID: &[Extra] = &[x("candidates", L), x("strict_valid", B), x("error_kind", S)];
const SIREN: &[Extra] =
    &[x("candidates", L), x("strict_valid", B), x("error_kind", S), x("tva", S)];
const SIRET: &[Extra] =
    &[x("candidates", L), x("strict_valid", B), x("error_kind", S), x("siren", S), x("nic", S)];
const TVA: &[Extra] =
    &[x("candidates", L), x("strict_valid", B), x("error_kind", S), x("siren", S)];
const NAF: &[Extra] =
    &[x("candidates", L), x("strict_valid", B), x("error_kind", S), x("label", S)];
const INSEE: &[Extra] = &[
    x("candidates", L),
    x("current_code", S),
    x("departement", S),
    x("region", S),
    x("name", S),
    x("kind", S),
    x("also_deleguee", B),
];
const POSTAL: &[Extra] = &[
    x("candidates", L),
    x("communes", L),
    x("arrondissements", L),
    x("postal_code", S),
    x("town", S),
    x("cedex", S),
];
const COMMUNE: &[Extra] = &[x("code", S), x("candidates", J)];
const CLE_INTEROP: &[Extra] = &[x("candidates", L), x("warnings", L), x("commune", S)];

/// The extra fields of `kind`'s answer, in order.
///
/// # Example
///
/// ```
/// use dq_clean::plan::Kind;
/// let names: Vec<_> = dq_arrow::normalize::extras(Kind::Siret).iter().map(|e| e.name).collect();
/// assert_eq!(names, ["candidates", "strict_valid", "error_kind", "siren", "nic"]);
/// ```
pub fn extras(kind: Kind) -> &'static [Extra] {
    match kind {
        Kind::Mojibake => MOJIBAKE,
        Kind::Date => DATE,
        Kind::Siren => SIREN,
        Kind::Siret => SIRET,
        Kind::Tva => TVA,
        Kind::Naf => NAF,
        Kind::Nir | Kind::Rna | Kind::Uai | Kind::Finess => ID,
        Kind::Insee => INSEE,
        Kind::PostalCode => POSTAL,
        Kind::Commune => COMMUNE,
        Kind::CleInterop => CLE_INTEROP,
        _ => COMMON,
    }
}

/// The kernel of one `dq normalize` kind.
///
/// # Example
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray};
/// use dq_arrow::normalize::Normalize;
///
/// let k = Normalize::from_name("postal-code")?;
/// let values = StringArray::from(vec![Some("1000"), Some("75001"), None, Some("ABC")]);
/// let out = k.output(&values)?;
/// let out = out.as_string::<i32>();
/// assert_eq!(out.value(0), "01000");
/// assert!(out.is_null(2) && out.is_null(3));
/// let valid = k.is_valid(&values)?;
/// assert_eq!((valid.value(0), valid.value(3), valid.is_null(2)), (true, false, true));
///
/// let answers = k.normalize(&values)?;
/// let communes = answers.column_by_name("communes").ok_or("communes")?;
/// assert_eq!(communes.as_list::<i32>().value(0).len(), 2); // 01053, 01344
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Normalize {
    kind: Kind,
    answerer: Answerer,
}

impl std::fmt::Debug for Normalize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalize").field("kind", &self.kind).finish_non_exhaustive()
    }
}

/// The names of the kinds that have a kernel, comma-separated (for error messages).
pub fn kind_names() -> String {
    let opts = AnswerOptions::default();
    Kind::ALL
        .iter()
        .filter(|k| Answerer::new(**k, &opts).is_some())
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Normalize {
    /// The kernel of `kind` with default options, or an error for a kind without a
    /// normalizer.
    pub fn new(kind: Kind) -> Result<Normalize, Error> {
        Normalize::with_options(kind, &AnswerOptions::default())
    }

    /// The kernel of `kind` with `options` (those of `dq normalize`'s flags).
    pub fn with_options(kind: Kind, options: &AnswerOptions) -> Result<Normalize, Error> {
        let answerer = Answerer::new(kind, options).ok_or_else(|| Error::UnknownName {
            what: "kind",
            name: kind.name().to_owned(),
            known: kind_names(),
        })?;
        Ok(Normalize { kind, answerer })
    }

    /// The kernel of the kind named `name` (`"siret"`, `"postal-code"`, `"code_postal"`,
    /// any spelling `dq normalize` accepts).
    pub fn from_name(name: &str) -> Result<Normalize, Error> {
        Normalize::from_name_with(name, &AnswerOptions::default())
    }

    /// [`from_name`](Self::from_name) with options.
    pub fn from_name_with(name: &str, options: &AnswerOptions) -> Result<Normalize, Error> {
        let kind = Kind::from_name(name).ok_or_else(|| Error::UnknownName {
            what: "kind",
            name: name.to_owned(),
            known: kind_names(),
        })?;
        Normalize::with_options(kind, options)
    }

    /// The kind normalized.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The extra fields of the struct result, after the common ones.
    pub fn extras(&self) -> &'static [Extra] {
        extras(self.kind)
    }

    /// The fields of the struct result: `status`, `output`, `changed`, `rule`,
    /// `reason`, then [`extras`](Self::extras). All nullable.
    pub fn fields(&self) -> Fields {
        let mut f = vec![
            Field::new("status", DataType::Utf8, true),
            Field::new("output", DataType::Utf8, true),
            Field::new("changed", DataType::Boolean, true),
            Field::new("rule", DataType::Utf8, true),
            Field::new("reason", DataType::Utf8, true),
        ];
        f.extend(self.extras().iter().map(|e| Field::new(e.name, e.ty.data_type(), true)));
        Fields::from(f)
    }

    /// The type of the struct result.
    pub fn data_type(&self) -> DataType {
        DataType::Struct(self.fields())
    }

    /// One answer per value, as a struct array (see the [module documentation](self)).
    pub fn normalize(&self, values: &dyn Array) -> Result<StructArray, Error> {
        let values = Strings::try_new(values, "values")?;
        let n = values.len();
        let mut common = Common::new(n);
        let mut extra: Vec<ExtraBuilder> =
            self.extras().iter().map(|e| ExtraBuilder::new(e.ty, n)).collect();
        let mut nulls = Vec::with_capacity(n);
        values.for_each(|v| {
            nulls.push(v.is_some());
            match v {
                Some(v) => {
                    let a = self.answerer.answer(v);
                    common.push(&a, v);
                    for (b, e) in extra.iter_mut().zip(self.extras()) {
                        b.push(a.extra.get(e.name));
                    }
                }
                None => {
                    common.push_null();
                    extra.iter_mut().for_each(|b| b.push(None));
                }
            }
        });
        let mut arrays = common.finish();
        arrays.extend(extra.into_iter().map(ExtraBuilder::finish));
        Ok(StructArray::try_new(self.fields(), arrays, Some(NullBuffer::from(nulls)))?)
    }

    /// The normalized value of each valid value, null otherwise: the layout of the input
    /// (Utf8 in, Utf8 out; LargeUtf8, Utf8View likewise). Only the normalizer runs, not
    /// the lookups of the extra fields.
    pub fn output(&self, values: &dyn Array) -> Result<ArrayRef, Error> {
        let values = Strings::try_new(values, "values")?;
        let mut b = StrBuilder::new(&values.data_type(), values.len());
        values.for_each(|v| match v {
            Some(v) => b.append(self.answerer.verdict(v).value()),
            None => b.append(None),
        });
        Ok(b.finish())
    }

    /// Whether each value is valid (`status == "valid"`); null for a null value.
    pub fn is_valid(&self, values: &dyn Array) -> Result<BooleanArray, Error> {
        let values = Strings::try_new(values, "values")?;
        let mut b = BooleanBuilder::with_capacity(values.len());
        values.for_each(|v| {
            b.append_option(
                v.map(|v| matches!(self.answerer.verdict(v), dq_clean::Verdict::Valid { .. })),
            )
        });
        Ok(b.finish())
    }

    /// Row `row` of a struct result of this kernel as a JSON object: the fields of
    /// `dq normalize KIND --json` but `input`, every extra field present (`null` where the
    /// JSON answer leaves it out), the JSON-text fields parsed back. `None` for a null
    /// row or a row out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use arrow_array::StringArray;
    /// let k = dq_arrow::normalize::Normalize::from_name("insee")?;
    /// let answers = k.normalize(&StringArray::from(vec!["75101"]))?;
    /// let row = k.row_json(&answers, 0).ok_or("row")?;
    /// assert_eq!(row["current_code"], "75056");
    /// assert_eq!(row["changed"], false);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_json(&self, answers: &StructArray, row: usize) -> Option<Value> {
        use arrow_array::cast::AsArray;
        if row >= answers.len() || answers.is_null(row) {
            return None;
        }
        let mut m = serde_json::Map::new();
        for (field, column) in answers.fields().iter().zip(answers.columns()) {
            let json =
                self.extras().iter().any(|e| e.name == field.name() && e.ty == ExtraType::Json);
            let v = if column.is_null(row) {
                Value::Null
            } else {
                match column.data_type() {
                    DataType::Boolean => Value::Bool(column.as_boolean().value(row)),
                    DataType::List(_) => {
                        let items = column.as_list::<i32>().value(row);
                        let items = items.as_string::<i32>();
                        Value::Array(
                            items.iter().map(|s| s.map_or(Value::Null, Value::from)).collect(),
                        )
                    }
                    _ => {
                        let s = column.as_string::<i32>().value(row);
                        if json {
                            serde_json::from_str(s).unwrap_or_else(|_| Value::from(s))
                        } else {
                            Value::from(s)
                        }
                    }
                }
            };
            m.insert(field.name().clone(), v);
        }
        Some(Value::Object(m))
    }

    /// The answer for one value, as the kernels compute it (for callers that mix row
    /// and column work).
    pub fn answer(&self, value: &str) -> Answer {
        self.answerer.answer(value)
    }
}

/// The builders of the common fields.
struct Common {
    status: StringBuilder,
    output: StringBuilder,
    changed: BooleanBuilder,
    rule: StringBuilder,
    reason: StringBuilder,
}

impl Common {
    fn new(n: usize) -> Common {
        Common {
            status: StringBuilder::with_capacity(n, n * 6),
            output: StringBuilder::with_capacity(n, n * 8),
            changed: BooleanBuilder::with_capacity(n),
            rule: StringBuilder::with_capacity(n, n * 6),
            reason: StringBuilder::with_capacity(n, 0),
        }
    }

    fn push(&mut self, a: &Answer, input: &str) {
        self.status.append_value(a.status);
        self.output.append_option(a.output.as_deref());
        self.changed.append_value(a.changed(input));
        self.rule.append_option(a.rule.as_deref());
        self.reason.append_option(a.reason.as_deref());
    }

    fn push_null(&mut self) {
        self.status.append_null();
        self.output.append_null();
        self.changed.append_null();
        self.rule.append_null();
        self.reason.append_null();
    }

    fn finish(mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.status.finish()),
            Arc::new(self.output.finish()),
            Arc::new(self.changed.finish()),
            Arc::new(self.rule.finish()),
            Arc::new(self.reason.finish()),
        ]
    }
}

/// The builder of one extra field.
enum ExtraBuilder {
    Str(StringBuilder),
    Bool(BooleanBuilder),
    List(ListBuilder<StringBuilder>),
}

impl ExtraBuilder {
    fn new(ty: ExtraType, n: usize) -> ExtraBuilder {
        match ty {
            ExtraType::Utf8 | ExtraType::Json => {
                ExtraBuilder::Str(StringBuilder::with_capacity(n, 0))
            }
            ExtraType::Boolean => ExtraBuilder::Bool(BooleanBuilder::with_capacity(n)),
            ExtraType::Utf8List => {
                ExtraBuilder::List(ListBuilder::with_capacity(StringBuilder::new(), n))
            }
        }
    }

    /// Appends the JSON answer's value of the field (absent or JSON null: a null).
    fn push(&mut self, v: Option<&Value>) {
        let v = v.filter(|v| !v.is_null());
        match self {
            ExtraBuilder::Str(b) => match v {
                Some(Value::String(s)) => b.append_value(s),
                Some(other) => b.append_value(other.to_string()),
                None => b.append_null(),
            },
            ExtraBuilder::Bool(b) => b.append_option(v.and_then(Value::as_bool)),
            ExtraBuilder::List(b) => match v.and_then(Value::as_array) {
                Some(items) => {
                    for item in items {
                        match item {
                            Value::String(s) => b.values().append_value(s),
                            Value::Null => b.values().append_null(),
                            other => b.values().append_value(other.to_string()),
                        }
                    }
                    b.append(true);
                }
                None => b.append(false),
            },
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            ExtraBuilder::Str(mut b) => Arc::new(b.finish()),
            ExtraBuilder::Bool(mut b) => Arc::new(b.finish()),
            ExtraBuilder::List(mut b) => Arc::new(b.finish()),
        }
    }
}
