//! Booleans: `oui/non`, `o/n`, `vrai/faux`, `true/false`, `1/0`, `yes/no`, `x` (a ticked
//! checkbox) read as `true`/`false`; an empty cell or a null token is null; `V` and `F`
//! are ambiguous (vrai/faux, or a code such as validé/féminin).
//!
//! ```
//! use dq_clean::boolean;
//!
//! assert_eq!(boolean::normalize(" Oui ").value(), Some("true"));
//! assert_eq!(boolean::normalize("X").value(), Some("true"));
//! assert_eq!(boolean::normalize("").status(), "null");
//! assert_eq!(boolean::normalize("F").status(), "ambiguous");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The boolean normalizer (kind `bool`).
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

const TRUE: &[&str] = &["oui", "o", "vrai", "true", "t", "1", "yes", "y", "x", "ok", "on"];
const FALSE: &[&str] = &["non", "n", "faux", "false", "0", "no", "off"];

fn eq_ci(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Reads one boolean. Output `"true"` or `"false"`, rule `"bool"`.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::boolean::normalize("FAUX").value(), Some("false"));
/// assert_eq!(dq_clean::boolean::normalize("peut-être").status(), "invalid");
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    let t = s.trim();
    if t.len() > 8 {
        if crate::null::is_null(s) {
            return Verdict::Null;
        }
        return Verdict::Invalid { reason: Cow::Owned(format!("{t:?} is not a yes/no value")) };
    }
    if t.eq_ignore_ascii_case("v") || t.eq_ignore_ascii_case("f") {
        let (cand, other) =
            if t.eq_ignore_ascii_case("v") { ("true", "V") } else { ("false", "F") };
        return Verdict::Ambiguous {
            reason: Cow::Owned(format!(
                "{other:?} may mean {} or be a code (validé, féminin…)",
                if cand == "true" { "vrai" } else { "faux" }
            )),
            candidates: vec![cand.to_owned()],
        };
    }
    if TRUE.iter().any(|w| eq_ci(t, w)) {
        return Verdict::Valid { value: Cow::Borrowed("true"), rule: "bool" };
    }
    if FALSE.iter().any(|w| eq_ci(t, w)) {
        return Verdict::Valid { value: Cow::Borrowed("false"), rule: "bool" };
    }
    if crate::null::is_null(s) {
        return Verdict::Null;
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
}
