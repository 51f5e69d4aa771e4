//! URLs: trim, lower-case the scheme and the host, validate. Nothing is added silently:
//! a web address without a scheme (`www.ville.fr`) is ambiguous, with the `https://`
//! and `http://` candidates, since only the site knows which one it serves.
//!
//! ```
//! use dq_clean::url;
//!
//! assert_eq!(url::normalize(" HTTPS://WWW.Service-Public.FR/particuliers ").value(),
//!            Some("https://www.service-public.fr/particuliers"));
//! assert_eq!(url::normalize("www.ville.fr").status(), "ambiguous");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::email::check_domain;
use crate::{Normalizer, Verdict};

/// The URL normalizer (kind `url`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Url;

impl Normalizer for Url {
    fn name(&self) -> &'static str {
        "url"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize(input)
    }
}

fn invalid(t: &str, why: &str) -> Verdict<'static> {
    Verdict::Invalid { reason: Cow::Owned(format!("{t:?}: {why}")) }
}

fn check_host(host: &str) -> Result<(), &'static str> {
    let (name, port) = match host.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (host, None),
    };
    if let Some(p) = port {
        if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err("the port is not a number");
        }
    }
    if name == "localhost" {
        return Ok(());
    }
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(());
    }
    check_domain(name)
}

/// Normalizes one URL. Rules: `"url"` (scheme or host lower-cased, or trimmed), `"as_is"`.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::url::normalize("http://exemple.fr/a b").status(), "invalid");
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    let t = s.trim();
    if t.is_empty() || crate::null::is_null(t) {
        return Verdict::Null;
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid(t, "spaces are not allowed in a URL");
    }
    let Some((scheme, rest)) = t.split_once("://") else {
        // No scheme: a host name alone is ambiguous, anything else invalid.
        let host = t.split(['/', '?', '#']).next().unwrap_or("");
        if check_host(host).is_ok() && host.contains('.') {
            let lower = format!("{}{}", host.to_lowercase(), t.get(host.len()..).unwrap_or(""));
            return Verdict::Ambiguous {
                reason: Cow::Borrowed("no scheme: http or https?"),
                candidates: vec![format!("https://{lower}"), format!("http://{lower}")],
            };
        }
        return invalid(t, "no scheme (http://, https://)");
    };
    let scheme_l = scheme.to_ascii_lowercase();
    if !matches!(scheme_l.as_str(), "http" | "https" | "ftp" | "ftps" | "sftp") {
        return invalid(t, "unsupported scheme");
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at_checked(end).unwrap_or((rest, ""));
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Err(why) = check_host(host) {
        return invalid(t, why);
    }
    let userinfo = authority.get(..authority.len() - host.len()).unwrap_or("");
    let out = format!("{scheme_l}://{userinfo}{}{path}", host.to_lowercase());
    if out == s {
        return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
    }
    Verdict::Valid { value: Cow::Owned(out), rule: "url" }
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
        check("https://www.data.gouv.fr/fr/datasets/", "https://www.data.gouv.fr/fr/datasets/");
        check("HTTP://WWW.INSEE.FR/fr/Statistiques", "http://www.insee.fr/fr/Statistiques");
        check("https://exemple.fr:8080/a?b=C#D", "https://exemple.fr:8080/a?b=C#D");
        check("www.ville-lyon.fr", "ambiguous");
        check("ville-lyon.fr/contact", "ambiguous");
        check("http://", "invalid");
        check("http://exemple", "invalid");
        check("javascript:alert(1)", "invalid");
        check("https://exemple .fr", "invalid");
        check("", "null");
        check("http://127.0.0.1:8000/", "http://127.0.0.1:8000/");
    }
}
