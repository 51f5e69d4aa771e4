//! French proper-noun casing: `LA ROCHE-SUR-YON` → `La Roche-sur-Yon`.
//!
//! Articles and particles (`le la les de du des sur sous en aux au lès lez d' l' et`)
//! are lower case inside a name and capitalised at its start; the word after an
//! elided article is capitalised (`VILLENEUVE-D'ASCQ` → `Villeneuve-d'Ascq`,
//! `L'ISLE-ADAM` → `L'Isle-Adam`). Accents are never invented: they are restored only
//! through a [`NameReference`] (such as the commune list of `dq-pivot`) given to
//! [`TitleCase::with_reference`].
//!
//! ```
//! use dq_clean::title::TitleCase;
//!
//! let t = TitleCase::default();
//! assert_eq!(t.normalize("SAINT-ETIENNE-DU-ROUVRAY").value(), Some("Saint-Etienne-du-Rouvray"));
//! assert_eq!(t.normalize("L'ISLE-ADAM").value(), Some("L'Isle-Adam"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::{Normalizer, Verdict};

/// A source of official spellings, used to restore accents.
///
/// `lookup` receives the title-cased name without any invented accent
/// (`"Saint-Etienne"`) and returns the official spelling (`"Saint-Étienne"`) when it
/// knows one. Closures `Fn(&str) -> Option<String>` implement it.
pub trait NameReference: Send + Sync {
    /// The official spelling of `name`, if known.
    fn lookup(&self, name: &str) -> Option<String>;
}

impl<F> NameReference for F
where
    F: Fn(&str) -> Option<String> + Send + Sync,
{
    fn lookup(&self, name: &str) -> Option<String> {
        self(name)
    }
}

/// The title-case normalizer (kind `title`).
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use dq_clean::title::TitleCase;
///
/// let t = TitleCase::with_reference(Arc::new(|s: &str| {
///     (s == "Saint-Etienne").then(|| "Saint-Étienne".to_string())
/// }));
/// let v = t.normalize("SAINT-ETIENNE");
/// assert_eq!((v.value(), v.rule()), (Some("Saint-Étienne"), Some("title_reference")));
/// ```
#[derive(Clone, Default)]
pub struct TitleCase {
    reference: Option<Arc<dyn NameReference>>,
}

impl fmt::Debug for TitleCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TitleCase").field("reference", &self.reference.is_some()).finish()
    }
}

const PARTICLES: &[&str] = &[
    "le", "la", "les", "de", "du", "des", "sur", "sous", "en", "aux", "au", "lès", "lez", "et",
    "à", "d", "l",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Title-cases `s` without any reference. Never adds or removes an accent.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::title::title_case("LES SABLES-D'OLONNE"), "Les Sables-d'Olonne");
/// ```
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let mut first_word = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        // End of a word: an apostrophe right after it makes it elided (`d'`, `l'`).
        let elided = is_apostrophe(c);
        push_word(&mut out, &word, first_word, elided);
        if !word.is_empty() {
            first_word = false;
        }
        word.clear();
        out.push(c);
    }
    push_word(&mut out, &word, first_word, false);
    out
}

fn push_word(out: &mut String, word: &str, first: bool, elided: bool) {
    if word.is_empty() {
        return;
    }
    let lower = word.to_lowercase();
    let particle = PARTICLES.contains(&lower.as_str());
    // Single letters other than elisions stay capitalised (`Y`, initials).
    let single_non_elided = lower.chars().count() == 1 && !elided;
    if !first && particle && !single_non_elided {
        out.push_str(&lower);
        return;
    }
    let mut cs = lower.chars();
    if let Some(c) = cs.next() {
        // A letter whose capital is two letters (`ß` → `SS`) is left as is.
        let mut up = c.to_uppercase();
        match (up.next(), up.next()) {
            (Some(u), None) => out.push(u),
            _ => out.push(c),
        }
        out.push_str(cs.as_str());
    }
}

impl TitleCase {
    /// A title-caser that restores accents through `reference`.
    pub fn with_reference(reference: Arc<dyn NameReference>) -> TitleCase {
        TitleCase { reference: Some(reference) }
    }

    /// Title-cases one value. Always [`Verdict::Valid`]: rule `"title_reference"` when
    /// the reference gave the spelling, `"title"` when the casing changed, else `"as_is"`.
    pub fn normalize<'a>(&self, s: &'a str) -> Verdict<'a> {
        let t = title_case(s);
        if let Some(r) = &self.reference {
            if let Some(official) = r.lookup(&t) {
                if official == s {
                    return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
                }
                return Verdict::Valid { value: Cow::Owned(official), rule: "title_reference" };
            }
        }
        if t == s {
            Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" }
        } else {
            Verdict::Valid { value: Cow::Owned(t), rule: "title" }
        }
    }
}

impl Normalizer for TitleCase {
    fn name(&self) -> &'static str {
        "title"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        TitleCase::normalize(self, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(title_case(input), expected, "{input:?}");
        assert_eq!(title_case(expected), expected, "{expected:?} idempotent");
    }

    #[test]
    fn table() {
        check("LA ROCHE-SUR-YON", "La Roche-sur-Yon");
        check("VILLENEUVE-D'ASCQ", "Villeneuve-d'Ascq");
        check("SAINT-ETIENNE-DU-ROUVRAY", "Saint-Etienne-du-Rouvray");
        check("L'ISLE-ADAM", "L'Isle-Adam");
        check("le havre", "Le Havre");
        check("AIX-EN-PROVENCE", "Aix-en-Provence");
        check("CHÂLONS-EN-CHAMPAGNE", "Châlons-en-Champagne");
        check("PONT-L'ÉVÊQUE", "Pont-l'Évêque");
        check("BOULOGNE-SUR-MER", "Boulogne-sur-Mer");
        check("Y", "Y");
        check("SAINT-REMY-LES-CHEVREUSE", "Saint-Remy-les-Chevreuse");
        check("", "");
    }
}
