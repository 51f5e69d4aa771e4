//! E-mail addresses: trim, lower-case the domain, validate a practical subset of RFC 5322
//! (dot-atom local part, internationalised letters allowed; no quoted local parts, no
//! comments, no IP-literal domains). No regex. A `mailto:` prefix is removed (rule
//! `"mailto"`); two addresses in a cell are ambiguous.
//!
//! ```
//! use dq_clean::email;
//!
//! assert_eq!(email::normalize(" Jean.Dupont@Mairie-Lyon.FR ").value(), Some("Jean.Dupont@mairie-lyon.fr"));
//! assert_eq!(email::normalize("jean.dupont@gmail,com").status(), "invalid");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The e-mail normalizer (kind `email`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Email;

impl Normalizer for Email {
    fn name(&self) -> &'static str {
        "email"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize(input)
    }
}

fn invalid(t: &str, why: &str) -> Verdict<'static> {
    Verdict::Invalid { reason: Cow::Owned(format!("{t:?}: {why}")) }
}

fn local_ok(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+/=?^_`{|}~-".contains(c)
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// Checks a domain name (labels of letters, digits and inner hyphens; a top-level
/// label of at least two letters). Returns the reason when it fails.
pub(crate) fn check_domain(d: &str) -> Result<(), &'static str> {
    if d.is_empty() || d.len() > 253 {
        return Err("the domain is empty or too long");
    }
    let mut labels = 0;
    let mut last = "";
    for label in d.split('.') {
        labels += 1;
        if label.is_empty() || label.len() > 63 {
            return Err("the domain has an empty or too long label");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a domain label starts or ends with a hyphen");
        }
        if !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err("the domain contains a character not allowed");
        }
        last = label;
    }
    if labels < 2 {
        return Err("the domain has no top-level part");
    }
    if !(last.chars().count() >= 2
        && (last.chars().all(char::is_alphabetic) || last.starts_with("xn--")))
    {
        return Err("the top-level domain is not valid");
    }
    Ok(())
}

/// Normalizes one address. Rules: `"email"` (trimmed or domain lower-cased),
/// `"mailto"`, `"as_is"`.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::email::normalize("mailto:contact@ville.fr").rule(), Some("mailto"));
/// assert_eq!(dq_clean::email::normalize("a@x.fr; b@y.fr").status(), "ambiguous");
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    let t = s.trim();
    if t.is_empty() || crate::null::is_null(t) {
        return Verdict::Null;
    }
    if t.matches('@').count() >= 2 && t.contains([';', ',', ' ']) {
        let cands: Vec<String> = t
            .split([';', ',', ' '])
            .filter(|p| !p.is_empty())
            .filter_map(|p| normalize(p).value().map(str::to_owned))
            .collect();
        if cands.len() >= 2 {
            return Verdict::Ambiguous {
                reason: Cow::Borrowed("more than one e-mail address in the cell"),
                candidates: cands,
            };
        }
    }
    let (body, mailto) = match t.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => (t.get(7..).unwrap_or("").trim(), true),
        _ => (t, false),
    };
    let Some((local, domain)) = body.rsplit_once('@') else {
        return invalid(t, "no @");
    };
    if local.is_empty() || local.len() > 64 {
        return invalid(t, "the local part is empty or longer than 64 bytes");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return invalid(t, "misplaced dot in the local part");
    }
    if let Some(c) = local.chars().find(|&c| c != '.' && !local_ok(c)) {
        return invalid(t, &format!("{c:?} is not allowed in the local part"));
    }
    if let Err(why) = check_domain(domain) {
        return invalid(t, why);
    }
    let lower = domain.to_lowercase();
    if !mailto && lower == domain && t.len() == s.len() {
        return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
    }
    Verdict::Valid {
        value: Cow::Owned(format!("{local}@{lower}")),
        rule: if mailto { "mailto" } else { "email" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = normalize(input);
        let got = v.value().unwrap_or(v.status());
        assert_eq!(got, expected, "{input:?} {v:?}");
    }

    #[test]
    fn table() {
        check("jean.dupont@exemple.fr", "jean.dupont@exemple.fr");
        check(" Jean.Dupont@EXEMPLE.FR", "Jean.Dupont@exemple.fr");
        check("contact+rh@ville-paris.fr", "contact+rh@ville-paris.fr");
        check("élodie@exemple.fr", "élodie@exemple.fr");
        check("jean.dupont@gmail,com", "invalid");
        check("jean.dupont@gmail", "invalid");
        check("jean..dupont@gmail.com", "invalid");
        check("jean dupont@gmail.com", "invalid");
        check("@exemple.fr", "invalid");
        check("jean@-exemple.fr", "invalid");
        check("jean.dupont", "invalid");
        check("", "null");
        check("a@x.fr, b@y.fr", "ambiguous");
    }
}
