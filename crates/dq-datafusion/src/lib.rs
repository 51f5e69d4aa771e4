//! dq's functions in DataFusion SQL: each kernel of [`dq_arrow`] as a scalar UDF, so that
//! DataFusion (or Ballista, whose scheduler and executors register the same functions)
//! plans the joins and dq computes the values.
//!
//! ```
//! use datafusion::prelude::SessionContext;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::error::Result<()> {
//! let ctx = SessionContext::new();
//! dq_datafusion::register_all(&ctx);
//! let df = ctx
//!     .sql("select dq_siret_valid('552 100 554 00013') as ok, dq_insee_current_code('75101') as commune")
//!     .await?;
//! let batches = df.collect().await?;
//! let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(text.contains("| true | 75056   |"), "{text}");
//! # Ok(())
//! # }
//! ```
//!
//! # The functions
//!
//! | SQL | gives |
//! |---|---|
//! | `dq_<kind>(v)` | the normalized value, null unless valid (`dq_siret`, `dq_postal_code`, `dq_date`, `dq_phone`, … every `dq normalize` kind) |
//! | `dq_<kind>_valid(v)` | whether the value is valid |
//! | `dq_<kind>_answer(v)` | the whole answer of `dq normalize KIND --json`, as a struct (`status`, `output`, `changed`, `rule`, `reason`, the kind's extra fields) |
//! | `dq_insee_current_code(v)`, `dq_insee_departement(v)`, `dq_insee_region(v)`, `dq_insee_name(v)` | what an INSEE commune code stands for today |
//! | `dq_postal_communes(v)` | the communes of a postal code (a list) |
//! | `dq_address_key(address)`, `dq_address_key(address, commune)` | the address key |
//! | `dq_key_<transform>(v)` | dedupe's blocking keys (`dq_key_fold`, `dq_key_phonetic`, `dq_key_first_word`, …); null when empty |
//! | `dq_<measure>(a, b)` | similarities (`dq_jaro_winkler`, `dq_levenshtein`, `dq_token_set`, …) |
//! | `dq_level_<field kind>(a, b)` | dedupe's comparison levels (`dq_level_name`, `dq_level_address`, …) |
//!
//! Arguments may be `Utf8`, `LargeUtf8` or `Utf8View` columns or literals; string results
//! have the layout of the first argument. The values are those of the Arrow kernels,
//! hence of `dq normalize --json`.

#![forbid(unsafe_code)]

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use datafusion::arrow::array::ArrayRef;
use datafusion::arrow::datatypes::{DataType, Field};
use datafusion::error::{DataFusionError, Result};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, TypeSignature,
    Volatility,
};
use datafusion::prelude::SessionContext;
use dq_arrow::dedupe::Measure;
use dq_arrow::normalize::Normalize;
use dq_arrow::pivot::InseeField;
use dq_arrow::{FieldKind, KeyConfig, Kind, Transform};

/// What a function computes.
#[derive(Debug)]
enum Op {
    Output(Normalize),
    Valid(Normalize),
    Answer(Normalize),
    Insee(InseeField),
    PostalCommunes,
    AddressKey,
    Key(KeyConfig),
    Similarity(Measure),
    Level(FieldKind),
}

/// One of dq's SQL functions (see the [crate documentation](crate)).
#[derive(Debug)]
pub struct DqFunction {
    name: String,
    signature: Signature,
    op: Op,
}

// Two functions are the same when they have the same name: the name says what they
// compute.
impl PartialEq for DqFunction {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for DqFunction {}

impl Hash for DqFunction {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

fn strings() -> Vec<DataType> {
    vec![DataType::Utf8View, DataType::Utf8, DataType::LargeUtf8]
}

fn unary() -> Signature {
    Signature::uniform(1, strings(), Volatility::Immutable)
}

fn binary() -> Signature {
    Signature::uniform(2, strings(), Volatility::Immutable)
}

fn sql_name(name: &str) -> String {
    format!("dq_{}", name.replace('-', "_"))
}

impl DqFunction {
    fn new(name: String, signature: Signature, op: Op) -> DqFunction {
        DqFunction { name, signature, op }
    }

    /// The function's SQL name (`dq_siret_valid`, …).
    pub fn sql_name(&self) -> &str {
        &self.name
    }
}

fn to_df(e: dq_arrow::Error) -> DataFusionError {
    DataFusionError::Execution(format!("dq: {e}"))
}

impl ScalarUDFImpl for DqFunction {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        let first = arg_types.first().cloned().unwrap_or(DataType::Utf8);
        Ok(match &self.op {
            Op::Output(_) | Op::Insee(_) | Op::AddressKey | Op::Key(_) => {
                dq_arrow::output_type(&first)
            }
            Op::Valid(_) => DataType::Boolean,
            Op::Answer(k) => k.data_type(),
            Op::PostalCommunes => {
                DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
            }
            Op::Similarity(_) => DataType::Float64,
            Op::Level(_) => DataType::UInt8,
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let arrays = ColumnarValue::values_to_arrays(&args.args)?;
        let first = arrays
            .first()
            .ok_or_else(|| DataFusionError::Plan(format!("{} needs an argument", self.name)))?;
        let second = arrays.get(1);
        let out: ArrayRef = match &self.op {
            Op::Output(k) => k.output(first).map_err(to_df)?,
            Op::Valid(k) => Arc::new(k.is_valid(first).map_err(to_df)?),
            Op::Answer(k) => Arc::new(k.normalize(first).map_err(to_df)?),
            Op::Insee(f) => dq_arrow::pivot::insee(first, *f).map_err(to_df)?,
            Op::PostalCommunes => Arc::new(dq_arrow::pivot::postal_communes(first).map_err(to_df)?),
            Op::AddressKey => {
                dq_arrow::pivot::address_key(first, second.map(|a| a.as_ref())).map_err(to_df)?
            }
            Op::Key(k) => dq_arrow::dedupe::blocking_key(first, k).map_err(to_df)?,
            Op::Similarity(m) => {
                let right = second.ok_or_else(|| {
                    DataFusionError::Plan(format!("{} needs two arguments", self.name))
                })?;
                Arc::new(dq_arrow::dedupe::similarity(*m, first, right).map_err(to_df)?)
            }
            Op::Level(kind) => {
                let right = second.ok_or_else(|| {
                    DataFusionError::Plan(format!("{} needs two arguments", self.name))
                })?;
                Arc::new(dq_arrow::dedupe::compare(*kind, first, right).map_err(to_df)?)
            }
        };
        Ok(ColumnarValue::Array(out))
    }
}

/// Every dq function, as DataFusion UDFs.
pub fn functions() -> Vec<ScalarUDF> {
    let mut out = Vec::new();
    let mut add = |name: String, signature: Signature, op: Op| {
        out.push(ScalarUDF::new_from_impl(DqFunction::new(name, signature, op)));
    };
    for &kind in Kind::ALL {
        let (Ok(a), Ok(b), Ok(c)) =
            (Normalize::new(kind), Normalize::new(kind), Normalize::new(kind))
        else {
            continue;
        };
        let base = sql_name(kind.name());
        add(base.clone(), unary(), Op::Output(a));
        add(format!("{base}_valid"), unary(), Op::Valid(b));
        add(format!("{base}_answer"), unary(), Op::Answer(c));
    }
    for (name, field) in [
        ("current_code", InseeField::CurrentCode),
        ("departement", InseeField::Departement),
        ("region", InseeField::Region),
        ("name", InseeField::Name),
    ] {
        add(format!("dq_insee_{name}"), unary(), Op::Insee(field));
    }
    add("dq_postal_communes".into(), unary(), Op::PostalCommunes);
    add(
        "dq_address_key".into(),
        Signature::one_of(
            vec![TypeSignature::Uniform(1, strings()), TypeSignature::Uniform(2, strings())],
            Volatility::Immutable,
        ),
        Op::AddressKey,
    );
    for t in Transform::ALL {
        add(sql_name(&format!("key_{}", t.name())), unary(), Op::Key(KeyConfig::new("value", t)));
    }
    for m in Measure::ALL {
        add(sql_name(m.name()), binary(), Op::Similarity(m));
    }
    for k in FieldKind::ALL {
        add(sql_name(&format!("level_{}", k.name())), binary(), Op::Level(k));
    }
    out
}

/// Registers every dq function on `ctx`; returns their names.
pub fn register_all(ctx: &SessionContext) -> Vec<String> {
    functions()
        .into_iter()
        .map(|f| {
            let name = f.name().to_owned();
            ctx.register_udf(f);
            name
        })
        .collect()
}
