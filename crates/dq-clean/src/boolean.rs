//! Booleans: `oui/non`, `o/n`, `vrai/faux`, `true/false`, `1/0`, `yes/no`, `x` (a ticked
//! checkbox) read as `true`/`false`, with trailing punctuation (`Non.`); an empty cell, a
//! null token or an answer that is no answer (`NSP`, `sans objet`, `non concerné`) is
//! null; `V` and `F` are ambiguous (vrai/faux, or a code such as validé/féminin), and so
//! are `oui / non` (both) and `oui (partiel)` (a qualified answer). `-1`, VBA's and
//! Access's true, is read only where the column's pair is `-1`/`0`
//! ([`BooleanPair::MinusOneZero`]).
//!
//! ```
//! use dq_clean::boolean::{self, BooleanConvention, BooleanPair};
//!
//! assert_eq!(boolean::normalize(" Oui ").value(), Some("true"));
//! assert_eq!(boolean::normalize("Non.").value(), Some("false"));
//! assert_eq!(boolean::normalize("X").value(), Some("true"));
//! assert_eq!(boolean::normalize("").status(), "null");
//! assert_eq!(boolean::normalize("NSP").status(), "null");
//! assert_eq!(boolean::normalize("F").status(), "ambiguous");
//! assert_eq!(boolean::normalize("oui (partiel)").status(), "ambiguous");
//! assert_eq!(boolean::normalize("-1").status(), "invalid");
//! let vba = BooleanConvention::new(BooleanPair::MinusOneZero);
//! assert_eq!(boolean::normalize_with("-1", &vba).value(), Some("true"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::null::NullFamily;
use crate::{Normalizer, Verdict};

/// The boolean normalizer (kind `bool`) with no column convention.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bool;

impl Normalizer for Bool {
    fn name(&self) -> &'static str {
        "bool"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize(input)
    }
}

/// The pair of spellings a boolean column uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BooleanPair {
    /// `oui` / `non`.
    OuiNon,
    /// `O` / `N`.
    ON,
    /// `vrai` / `faux`.
    VraiFaux,
    /// `true` / `false`.
    TrueFalse,
    /// `yes` / `no`.
    YesNo,
    /// `Y` / `N`.
    YN,
    /// `x` (a ticked box) / an empty cell.
    Cross,
    /// `1` / `0`.
    OneZero,
    /// `-1` / `0`: VBA's and Access's true and false.
    MinusOneZero,
}

impl BooleanPair {
    /// Every pair, in the order column inference tries them.
    pub const ALL: [BooleanPair; 9] = [
        BooleanPair::OuiNon,
        BooleanPair::ON,
        BooleanPair::VraiFaux,
        BooleanPair::TrueFalse,
        BooleanPair::YesNo,
        BooleanPair::YN,
        BooleanPair::Cross,
        BooleanPair::OneZero,
        BooleanPair::MinusOneZero,
    ];

    /// The (true, false) spellings, lower case.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::boolean::BooleanPair;
    /// assert_eq!(BooleanPair::OuiNon.tokens(), ("oui", "non"));
    /// ```
    pub fn tokens(self) -> (&'static str, &'static str) {
        match self {
            BooleanPair::OuiNon => ("oui", "non"),
            BooleanPair::ON => ("o", "n"),
            BooleanPair::VraiFaux => ("vrai", "faux"),
            BooleanPair::TrueFalse => ("true", "false"),
            BooleanPair::YesNo => ("yes", "no"),
            BooleanPair::YN => ("y", "n"),
            BooleanPair::Cross => ("x", ""),
            BooleanPair::OneZero => ("1", "0"),
            BooleanPair::MinusOneZero => ("-1", "0"),
        }
    }
}

/// How booleans are written in a column.
///
/// # Example
///
/// ```
/// use dq_clean::boolean::{BooleanConvention, BooleanPair};
/// assert_eq!(BooleanConvention::default().pair, None);
/// assert_eq!(BooleanConvention::new(BooleanPair::OuiNon).pair, Some(BooleanPair::OuiNon));
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub struct BooleanConvention {
    /// The column's pair, when known. Only [`BooleanPair::MinusOneZero`] changes what is
    /// read: `-1` is true.
    pub pair: Option<BooleanPair>,
}

impl BooleanConvention {
    /// A convention with a known pair.
    pub fn new(pair: BooleanPair) -> BooleanConvention {
        BooleanConvention { pair: Some(pair) }
    }
}

/// The `bool` normalizer with a column convention, for table cleaning.
///
/// # Example
///
/// ```
/// use dq_clean::boolean::{BoolParser, BooleanConvention, BooleanPair};
/// use dq_clean::Normalizer;
/// let p = BoolParser::new(BooleanConvention::new(BooleanPair::MinusOneZero));
/// assert_eq!(p.normalize("-1").value(), Some("true"));
/// assert_eq!(p.normalize("0").value(), Some("false"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct BoolParser {
    convention: BooleanConvention,
}

impl BoolParser {
    /// A parser with the column's convention.
    pub fn new(convention: BooleanConvention) -> BoolParser {
        BoolParser { convention }
    }
}

impl Normalizer for BoolParser {
    fn name(&self) -> &'static str {
        "bool"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize_with(input, &self.convention)
    }
}

/// The truth of one plain boolean word, case ignored: `oui`, `o`, `vrai`, `true`, `t`,
/// `1`, `yes`, `y`, `x`, `ok`, `on`; `non`, `n`, `faux`, `false`, `0`, `no`, `off`.
#[inline(always)]
fn truth(t: &str) -> Option<bool> {
    const TRUE: &[&str] = &["oui", "o", "vrai", "true", "t", "1", "yes", "y", "x", "ok", "on"];
    const FALSE: &[&str] = &["non", "n", "faux", "false", "0", "no", "off"];
    if TRUE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(true)
    } else if FALSE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(false)
    } else {
        None
    }
}

fn valid(b: bool) -> Verdict<'static> {
    Verdict::Valid { value: Cow::Borrowed(if b { "true" } else { "false" }), rule: "bool" }
}

/// Reads one boolean with no column convention. Output `"true"` or `"false"`, rule
/// `"bool"`.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::boolean::normalize("FAUX").value(), Some("false"));
/// assert_eq!(dq_clean::boolean::normalize("peut-être").status(), "invalid");
/// assert_eq!(dq_clean::boolean::normalize("oui / non").status(), "ambiguous");
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    normalize_with(s, &NO_CONVENTION)
}

/// The convention of a column whose pair is not known.
const NO_CONVENTION: BooleanConvention = BooleanConvention { pair: None };

/// Reads one boolean with the column's convention (`-1` is true only in a `-1`/`0`
/// column).
///
/// # Example
///
/// ```
/// use dq_clean::boolean::{self, BooleanConvention, BooleanPair};
/// let c = BooleanConvention::new(BooleanPair::MinusOneZero);
/// assert_eq!(boolean::normalize_with(" -1 ", &c).value(), Some("true"));
/// ```
pub fn normalize_with<'a>(s: &'a str, convention: &BooleanConvention) -> Verdict<'a> {
    let t = s.trim();
    if convention.pair == Some(BooleanPair::MinusOneZero) && t == "-1" {
        return valid(true);
    }
    // `Non.`, `Oui !`: punctuation after the answer.
    let punctuated = matches!(t.as_bytes().last(), Some(b'.' | b'!' | b';' | b','));
    let bare = if punctuated { t.trim_end_matches(['.', '!', ';', ',']).trim_end() } else { t };
    if let Some(b) = truth(bare) {
        return valid(b);
    }
    not_plain(s, t, bare)
}

/// [`normalize_with`] for what is not a plain yes/no word: kept apart, so that the
/// common case stays small.
#[cold]
#[inline(never)]
fn not_plain<'a>(s: &'a str, t: &str, bare: &str) -> Verdict<'a> {
    if bare.len() <= 8 && !bare.is_empty() {
        let letter = if bare.len() == 1 { bare.as_bytes().first().map(|b| b | 0x20) } else { None };
        if matches!(letter, Some(b'v' | b'f')) {
            let (cand, other) = if letter == Some(b'v') { ("true", "V") } else { ("false", "F") };
            return Verdict::Ambiguous {
                reason: Cow::Owned(format!(
                    "{other:?} may mean {} or be a code (validé, féminin…)",
                    if cand == "true" { "vrai" } else { "faux" }
                )),
                candidates: vec![cand.to_owned()],
            };
        }
    }
    if crate::null::is_null(s)
        || matches!(
            crate::null::family_of(t),
            Some(NullFamily::NotApplicable | NullFamily::Unknown)
        )
    {
        return Verdict::Null;
    }
    // `oui / non`, `oui (partiel)`: an answer and something else.
    let mut words = t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty());
    if let Some(first) = words.next().and_then(truth) {
        let rest: Vec<Option<bool>> = words.map(truth).collect();
        if rest.contains(&Some(!first)) {
            return Verdict::Ambiguous {
                reason: Cow::Borrowed("both yes and no"),
                candidates: vec!["true".to_owned(), "false".to_owned()],
            };
        }
        if !rest.is_empty() {
            return Verdict::Ambiguous {
                reason: Cow::Owned(format!("{t:?} is a qualified answer")),
                candidates: vec![if first { "true" } else { "false" }.to_owned()],
            };
        }
    }
    Verdict::Invalid { reason: Cow::Owned(format!("{t:?} is not a yes/no value")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = normalize(input);
        let got = v.value().unwrap_or(v.status());
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn truth_reads_every_word_in_any_case_and_nothing_else() {
        let yes = ["oui", "o", "vrai", "true", "t", "1", "yes", "y", "x", "ok", "on"];
        let no = ["non", "n", "faux", "false", "0", "no", "off"];
        for w in yes {
            assert_eq!(truth(w), Some(true), "{w}");
            assert_eq!(truth(&w.to_uppercase()), Some(true), "{w}");
        }
        for w in no {
            assert_eq!(truth(w), Some(false), "{w}");
            assert_eq!(truth(&w.to_uppercase()), Some(false), "{w}");
        }
        for w in ["", "ou", "ouii", "falses", "vraie", "2", "-1", "é", "nonon", "oui!"] {
            assert_eq!(truth(w), None, "{w}");
        }
    }

    #[test]
    fn table() {
        for s in ["oui", "OUI", "O", "vrai", "TRUE", "1", "yes", "x", "X", " Oui "] {
            check(s, "true");
        }
        for s in ["non", "N", "faux", "false", "0", "no", "NON"] {
            check(s, "false");
        }
        for s in ["", " ", "NA", "n.c."] {
            check(s, "null");
        }
        for s in ["V", "f"] {
            check(s, "ambiguous");
        }
        for s in ["2", "peut-être", "ouii", "-1"] {
            check(s, "invalid");
        }
    }

    #[test]
    fn forms_written_by_others() {
        // Issue #14.
        for s in ["Oui.", "oui !", "OUI!"] {
            check(s, "true");
        }
        for s in ["Non.", "non ;", "N."] {
            check(s, "false");
        }
        for s in ["NSP", "nsp", "sans objet", "Sans objet", "non concerné", "SO", "ne sait pas"] {
            check(s, "null");
        }
        for s in ["oui / non", "Oui/Non", "o/n", "oui (partiel)", "non (en cours)", "oui mais"] {
            check(s, "ambiguous");
        }
        assert_eq!(
            normalize("oui / non"),
            Verdict::Ambiguous {
                reason: Cow::Borrowed("both yes and no"),
                candidates: vec!["true".into(), "false".into()]
            }
        );
        assert_eq!(
            normalize("oui (partiel)").reason().map(|r| r.contains("qualified")),
            Some(true)
        );
        for s in ["...", "Nord.", "ouistreham"] {
            assert_ne!(normalize(s).status(), "valid", "{s:?}");
        }
    }

    #[test]
    fn vba_true_only_in_its_column() {
        let vba = BooleanConvention::new(BooleanPair::MinusOneZero);
        assert_eq!(normalize_with("-1", &vba).value(), Some("true"));
        assert_eq!(normalize_with("0", &vba).value(), Some("false"));
        assert_eq!(
            normalize_with("-1", &BooleanConvention::new(BooleanPair::OneZero)).status(),
            "invalid"
        );
        assert_eq!(normalize("-1").status(), "invalid");
    }

    proptest::proptest! {
        /// Punctuation after a yes/no answer never changes its truth.
        #[test]
        fn prop_trailing_punctuation_keeps_the_truth(
            w in "(oui|non|vrai|faux|OUI|Non|o|n)", p in "[.!;,]{0,3} {0,2}"
        ) {
            let input = format!("{w}{p}");
            let (with, without) = (normalize(&input), normalize(&w));
            proptest::prop_assert_eq!(with.value(), without.value());
        }
    }
}
