//! The result of normalizing one value, shared by every normalizer in the workspace.

use std::borrow::Cow;

/// What a normalizer says about one input value.
///
/// A normalizer never guesses silently: a value it can read gives [`Verdict::Valid`]
/// with the canonical form and the rule applied; a null token gives [`Verdict::Null`];
/// a value it cannot read gives [`Verdict::Invalid`]; a value it could read in more
/// than one way gives [`Verdict::Ambiguous`] with the candidates.
///
/// With the `serde` feature a verdict serializes as an object tagged by its status,
/// the names `dq normalize --json` uses: `{"status":"valid","value":"75056","rule":"as_is"}`,
/// `{"status":"null"}`, `{"status":"invalid","reason":…}`, `{"status":"ambiguous",
/// "reason":…,"candidates":[…]}`.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use dq_clean::Verdict;
///
/// let v = Verdict::Valid { value: Cow::Borrowed("75056"), rule: "as_is" };
/// assert_eq!(v.value(), Some("75056"));
/// assert!(!v.changed("75056"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "status", rename_all = "snake_case")
)]
pub enum Verdict<'a> {
    /// The value was read; `value` is its canonical form (borrowed when unchanged).
    Valid {
        /// The canonical form of the value.
        value: Cow<'a, str>,
        /// A short, stable name for what was applied (`"number_fr"`, `"trim"`, …).
        rule: &'static str,
    },
    /// The value is a null token (empty, `NA`, `NC`, …).
    Null,
    /// The value cannot be read as this kind.
    Invalid {
        /// Why, in words that name the problem (`"checksum fails"`).
        reason: Cow<'static, str>,
    },
    /// The value can be read in more than one way; nothing was chosen.
    Ambiguous {
        /// Why it is ambiguous (`"day and month may be swapped"`).
        reason: Cow<'static, str>,
        /// The canonical forms it could stand for, most likely first.
        candidates: Vec<String>,
    },
}

impl<'a> Verdict<'a> {
    /// Returns the canonical value when the verdict is [`Verdict::Valid`].
    pub fn value(&self) -> Option<&str> {
        match self {
            Verdict::Valid { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Returns the rule applied when the verdict is [`Verdict::Valid`].
    pub fn rule(&self) -> Option<&'static str> {
        match self {
            Verdict::Valid { rule, .. } => Some(rule),
            _ => None,
        }
    }

    /// Returns the reason of an [`Verdict::Invalid`] or [`Verdict::Ambiguous`] verdict.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Verdict::Invalid { reason } | Verdict::Ambiguous { reason, .. } => Some(reason),
            _ => None,
        }
    }

    /// Whether a valid verdict changed `input` (false for every other verdict).
    pub fn changed(&self, input: &str) -> bool {
        match self {
            Verdict::Valid { value, .. } => value.as_ref() != input,
            _ => false,
        }
    }

    /// The status name used in reports and in `dq normalize --json`:
    /// `"valid"`, `"null"`, `"invalid"` or `"ambiguous"`.
    pub fn status(&self) -> &'static str {
        match self {
            Verdict::Valid { .. } => "valid",
            Verdict::Null => "null",
            Verdict::Invalid { .. } => "invalid",
            Verdict::Ambiguous { .. } => "ambiguous",
        }
    }

    /// Converts into a verdict that owns its value.
    pub fn into_owned(self) -> Verdict<'static> {
        match self {
            Verdict::Valid { value, rule } => {
                Verdict::Valid { value: Cow::Owned(value.into_owned()), rule }
            }
            Verdict::Null => Verdict::Null,
            Verdict::Invalid { reason } => Verdict::Invalid { reason },
            Verdict::Ambiguous { reason, candidates } => Verdict::Ambiguous { reason, candidates },
        }
    }
}

/// A normalizer of one kind of value, usable per column by a table cleaner.
///
/// Implemented by every normalizer of `dq-clean`, and by the identifier and geography
/// normalizers of `dq-pivot`, so that a cleaner can hold any of them as
/// `Box<dyn Normalizer>`.
///
/// Implementations must be pure (no I/O), must not panic on any input, and must be
/// idempotent: normalizing a valid output again gives the same output.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use dq_clean::{Normalizer, Verdict};
///
/// struct Upper;
/// impl Normalizer for Upper {
///     fn name(&self) -> &'static str { "upper" }
///     fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
///         if input.chars().all(|c| !c.is_lowercase()) {
///             Verdict::Valid { value: Cow::Borrowed(input), rule: "as_is" }
///         } else {
///             Verdict::Valid { value: Cow::Owned(input.to_uppercase()), rule: "upper" }
///         }
///     }
/// }
/// assert_eq!(Upper.normalize("lès").value(), Some("LÈS"));
/// ```
pub trait Normalizer: Send + Sync {
    /// The kind's stable name (`"number"`, `"siret"`, …), as used by `dq normalize KIND`.
    fn name(&self) -> &'static str;

    /// Normalizes one value.
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a>;
}
