//! dq-dedupe's blocking keys and comparators on Arrow arrays: derive a blocking key
//! column and let the engine join on it, then compare the candidate pairs column
//! against column.
//!
//! ```
//! use arrow_array::{StringArray, cast::AsArray};
//! use dq_arrow::dedupe::{blocking_key, compare};
//! use dq_dedupe::{FieldKind, KeyConfig, Transform};
//!
//! let left = StringArray::from(vec!["Dupont", "Martin"]);
//! let right = StringArray::from(vec!["DUPOND", "Bernard"]);
//! let keys = blocking_key(&left, &KeyConfig::new("nom", Transform::Phonetic))?;
//! assert_eq!(keys.as_string::<i32>().value(0), dq_dedupe::phonetic::phonetic_key("Dupont"));
//! let levels = compare(FieldKind::Name, &left, &right)?;
//! assert_eq!((levels.value(0), levels.value(1)), (1, 3)); // close, different
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use arrow_array::builder::{Float64Builder, UInt8Builder};
use arrow_array::{Array, ArrayRef, Float64Array, UInt8Array};
use dq_dedupe::compare::Scratch;
use dq_dedupe::{FieldComparer, FieldKind, KeyConfig};

use crate::strings::{same_length, zip_each, StrBuilder, Strings};
use crate::Error;

/// The blocking key of each value by the rule `key` (transform, prefix, min-hash band),
/// as `dq dedupe` derives it; a null value or an empty key gives a null, so that an
/// engine's equi-join never pairs records on an empty key.
pub fn blocking_key(values: &dyn Array, key: &KeyConfig) -> Result<ArrayRef, Error> {
    let values = Strings::try_new(values, "values")?;
    let mut b = StrBuilder::new(&values.data_type(), values.len());
    let mut out = String::new();
    values.for_each(|v| match v {
        Some(v) => {
            dq_dedupe::blocking_key(key, v, &mut out);
            b.append((!out.is_empty()).then_some(out.as_str()));
        }
        None => b.append(None),
    });
    Ok(b.finish())
}

/// The comparison level of each pair `(left[i], right[i])` compared as `kind`, as
/// `dq dedupe` compares a field: `0` exact, up to `kind.levels() - 1` different; a null
/// where either value is null or empty once prepared.
pub fn compare(kind: FieldKind, left: &dyn Array, right: &dyn Array) -> Result<UInt8Array, Error> {
    let (left, right) = pair(left, right)?;
    let mut c = FieldComparer::new(kind);
    let mut b = UInt8Builder::with_capacity(left.len());
    zip_each(&left, &right, |x, y| {
        b.append_option(match (x, y) {
            (Some(x), Some(y)) => c.level(x, y),
            _ => None,
        })
    });
    Ok(b.finish())
}

/// A string similarity in `[0, 1]` (1: identical).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Measure {
    /// Jaro–Winkler.
    JaroWinkler,
    /// Jaro.
    Jaro,
    /// One minus the Levenshtein distance over the longer length.
    Levenshtein,
    /// One minus the optimal-string-alignment distance (transpositions count one) over
    /// the longer length.
    Osa,
    /// Jaccard index of the sets of words.
    JaccardWords,
    /// Jaccard index of the sets of character 3-grams.
    JaccardTrigrams,
    /// Token-sort ratio (words sorted, then compared).
    TokenSort,
    /// Token-set ratio (shared words weigh as a match).
    TokenSet,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 8] = [
        Measure::JaroWinkler,
        Measure::Jaro,
        Measure::Levenshtein,
        Measure::Osa,
        Measure::JaccardWords,
        Measure::JaccardTrigrams,
        Measure::TokenSort,
        Measure::TokenSet,
    ];

    /// The measure's name (`jaro_winkler`, `levenshtein`, `token_set`, …).
    pub fn name(self) -> &'static str {
        match self {
            Measure::JaroWinkler => "jaro_winkler",
            Measure::Jaro => "jaro",
            Measure::Levenshtein => "levenshtein",
            Measure::Osa => "osa",
            Measure::JaccardWords => "jaccard_words",
            Measure::JaccardTrigrams => "jaccard_trigrams",
            Measure::TokenSort => "token_sort",
            Measure::TokenSet => "token_set",
        }
    }

    /// The measure of a name (`-` accepted for `_`).
    pub fn from_name(name: &str) -> Option<Measure> {
        let name = name.trim().replace('-', "_");
        Measure::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The similarity of two strings, with reusable buffers.
    pub fn similarity(self, s: &mut Scratch, a: &str, b: &str) -> f64 {
        match self {
            Measure::JaroWinkler => s.jaro_winkler(a, b),
            Measure::Jaro => s.jaro(a, b),
            Measure::Levenshtein => s.levenshtein_similarity(a, b),
            Measure::Osa => s.osa_similarity(a, b),
            Measure::JaccardWords => s.jaccard_words(a, b),
            Measure::JaccardTrigrams => s.jaccard_qgrams(a, b, 3),
            Measure::TokenSort => s.token_sort_ratio(a, b),
            Measure::TokenSet => s.token_set_ratio(a, b),
        }
    }
}

/// The similarity of each pair `(left[i], right[i])` by `measure`, on the values as
/// they are (fold them first with the `fold` kernel or a `fold` blocking key to compare
/// without case and accents); null where either value is null.
///
/// # Example
///
/// ```
/// use arrow_array::StringArray;
/// use dq_arrow::dedupe::{similarity, Measure};
/// let a = StringArray::from(vec!["MARTHA"]);
/// let b = StringArray::from(vec!["MARHTA"]);
/// let s = similarity(Measure::JaroWinkler, &a, &b)?;
/// assert!((s.value(0) - 0.961).abs() < 1e-3);
/// # Ok::<(), dq_arrow::Error>(())
/// ```
pub fn similarity(
    measure: Measure,
    left: &dyn Array,
    right: &dyn Array,
) -> Result<Float64Array, Error> {
    let (left, right) = pair(left, right)?;
    let mut s = Scratch::new();
    let mut b = Float64Builder::with_capacity(left.len());
    zip_each(&left, &right, |x, y| {
        b.append_option(match (x, y) {
            (Some(x), Some(y)) => Some(measure.similarity(&mut s, x, y)),
            _ => None,
        })
    });
    Ok(b.finish())
}

fn pair<'a>(
    left: &'a dyn Array,
    right: &'a dyn Array,
) -> Result<(Strings<'a>, Strings<'a>), Error> {
    let left = Strings::try_new(left, "left")?;
    let right = Strings::try_new(right, "right")?;
    same_length(&left, &right)?;
    Ok((left, right))
}
