//! Accent and case folding for keys: `Saint-Étienne` → `saint-etienne` or `SAINT-ETIENNE`.
//!
//! Ligatures are spelled out (`Œ` → `OE`, `æ` → `ae`, `ß` → `ss`, `ﬁ` → `fi`,
//! `ﬂ` → `fl`), letters with no decomposition get their base (`Ð` → `D`, `Ø` → `O`,
//! `Ł` → `L`, `Þ` → `TH`). Apostrophes are never touched unless asked: the default
//! [`Apostrophe::Keep`] keeps `’` as written; [`Apostrophe::Straight`] makes it `'`,
//! [`Apostrophe::Space`] and [`Apostrophe::Remove`] replace or drop every apostrophe.
//! Prime signs (`′`, `″`) are not apostrophes. Spaces and hyphens are left alone. An already folded ASCII key is borrowed,
//! without allocation, so that `dq-dedupe` and `dq-pivot` can call it on every key.
//!
//! ```
//! use dq_clean::fold::{fold, Case};
//!
//! assert_eq!(fold("Saint-Étienne", Case::Lower), "saint-etienne");
//! assert_eq!(fold("Cœur d’Alène", Case::Upper), "COEUR D’ALENE");
//! assert!(matches!(fold("lyon", Case::Lower), std::borrow::Cow::Borrowed(_)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::{Normalizer, Verdict};

/// The case of a folded key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Case {
    /// `saint-etienne` (the default).
    #[default]
    Lower,
    /// `SAINT-ETIENNE`.
    Upper,
    /// Accents removed, case kept: `Saint-Etienne`.
    Keep,
}

/// What to do with apostrophes (`'`, and the typographic `’ ‘ ´ ʼ ‛`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Apostrophe {
    /// Keep them as written (the default): `d’Alène` stays `d’alene`.
    #[default]
    Keep,
    /// Straighten typographic apostrophes: `d’Alène` → `d'alene`.
    Straight,
    /// Replace them with a space: `l'isle` → `l isle`.
    Space,
    /// Remove them: `l'isle` → `lisle`.
    Remove,
}

/// The folding normalizer (kind `fold`).
///
/// # Example
///
/// ```
/// use dq_clean::fold::{Apostrophe, Case, Fold};
/// use dq_clean::Normalizer;
/// let f = Fold::new(Case::Upper).with_apostrophe(Apostrophe::Space);
/// assert_eq!(f.normalize("L'Haÿ-les-Roses").value(), Some("L HAY-LES-ROSES"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct Fold {
    /// Case of the key. Default: [`Case::Lower`].
    pub case: Case,
    /// Apostrophes. Default: [`Apostrophe::Keep`].
    pub apostrophe: Apostrophe,
}

impl Fold {
    /// A folder with the given case, apostrophes kept.
    pub fn new(case: Case) -> Fold {
        Fold { case, apostrophe: Apostrophe::Keep }
    }

    /// The same folder, with apostrophes handled as `apostrophe` says.
    #[must_use]
    pub fn with_apostrophe(self, apostrophe: Apostrophe) -> Fold {
        Fold { apostrophe, ..self }
    }

    /// Folds one value; borrows when it is already folded.
    pub fn fold<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.is_folded(s) {
            return Cow::Borrowed(s);
        }
        let mut out = String::with_capacity(s.len() + 4);
        self.fold_into(s, &mut out);
        if out == s {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(out)
        }
    }

    fn is_folded(&self, s: &str) -> bool {
        s.bytes().all(|b| {
            b.is_ascii()
                && match self.case {
                    Case::Lower => !b.is_ascii_uppercase(),
                    Case::Upper => !b.is_ascii_lowercase(),
                    Case::Keep => true,
                }
                && (b != b'\''
                    || matches!(self.apostrophe, Apostrophe::Keep | Apostrophe::Straight))
        })
    }

    /// Appends the folded form of `s` to `out` (reuse one buffer over a column).
    ///
    /// # Example
    ///
    /// ```
    /// let mut key = String::new();
    /// dq_clean::fold::Fold::default().fold_into("Œuvre", &mut key);
    /// assert_eq!(key, "oeuvre");
    /// ```
    pub fn fold_into(&self, s: &str, out: &mut String) {
        for c in s.chars() {
            if c.is_ascii() {
                self.push(c, out);
                continue;
            }
            match c {
                c if is_apostrophe(c) => self.push_apostrophe(c, out),
                'Œ' => self.push_str("OE", out),
                'œ' => self.push_str("oe", out),
                'Æ' => self.push_str("AE", out),
                'æ' => self.push_str("ae", out),
                'ß' => self.push_str("ss", out),
                'ẞ' => self.push_str("SS", out),
                'Ø' => self.push('O', out),
                'ø' => self.push('o', out),
                'Đ' => self.push('D', out),
                'đ' => self.push('d', out),
                'Ł' => self.push('L', out),
                'ł' => self.push('l', out),
                'ı' => self.push('i', out),
                'Ð' => self.push('D', out),
                'ð' => self.push('d', out),
                'Þ' => self.push_str("Th", out),
                'þ' => self.push_str("th", out),
                'Ĳ' => self.push_str("IJ", out),
                'ĳ' => self.push_str("ij", out),
                'ﬀ' => self.push_str("ff", out),
                'ﬁ' => self.push_str("fi", out),
                'ﬂ' => self.push_str("fl", out),
                'ﬃ' => self.push_str("ffi", out),
                'ﬄ' => self.push_str("ffl", out),
                'ﬅ' | 'ﬆ' => self.push_str("st", out),
                _ => {
                    decompose_canonical(c, |d| {
                        if is_apostrophe(d) {
                            self.push_apostrophe(d, out);
                        } else if !is_combining_mark(d) {
                            self.push(d, out);
                        }
                    });
                }
            }
        }
    }

    fn push_str(&self, s: &str, out: &mut String) {
        for c in s.chars() {
            self.push(c, out);
        }
    }

    fn push_apostrophe(&self, c: char, out: &mut String) {
        match self.apostrophe {
            Apostrophe::Keep => out.push(c),
            Apostrophe::Straight => out.push('\''),
            Apostrophe::Space => out.push(' '),
            Apostrophe::Remove => {}
        }
    }

    fn push(&self, c: char, out: &mut String) {
        if c == '\'' {
            self.push_apostrophe(c, out);
            return;
        }
        match self.case {
            Case::Keep => out.push(c),
            Case::Lower if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Case::Upper if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            Case::Lower => out.extend(c.to_lowercase()),
            Case::Upper => out.extend(c.to_uppercase()),
        }
    }
}

/// Typographic apostrophes. Not the prime `′` (U+2032): minutes of arc and feet.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{00B4}' | '\u{02BC}' | '\u{201B}')
}

/// Folds accents and case (apostrophes kept); borrows when already folded.
///
/// # Example
///
/// ```
/// use dq_clean::fold::{fold, Case};
/// assert_eq!(fold("Straße", Case::Upper), "STRASSE");
/// ```
pub fn fold(s: &str, case: Case) -> Cow<'_, str> {
    Fold::new(case).fold(s)
}

impl Normalizer for Fold {
    fn name(&self) -> &'static str {
        "fold"
    }
    /// Always [`Verdict::Valid`], rule `"fold"` or `"as_is"`.
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match self.fold(input) {
            Cow::Borrowed(b) => Verdict::Valid { value: Cow::Borrowed(b), rule: "as_is" },
            owned => Verdict::Valid { value: owned, rule: "fold" },
        }
    }
}

/// Appends the folded form of `c` to `out` and returns true, or returns false when `c`
/// is not a letter or a digit (a separator, collapsed by the caller).
fn push_name_folded(c: char, out: &mut String) -> bool {
    let s: &str = match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return true;
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return true;
        }
        _ => return false,
    };
    out.push_str(s);
    true
}

/// Writes into `out` (cleared first) the key by which dq-pivot looks names up (communes,
/// départements, régions, EPCI, cantons, countries, PCS labels): lower-case ASCII words
/// separated by single spaces, accents folded (`Œ` → `oe`), every character that is not
/// a letter or a digit a word break (apostrophes, hyphens and dots included), no space
/// at either end. Letters with no ASCII base are kept, lower-cased.
///
/// ASCII bytes take a fast path (no character decoding); a space is written before a
/// word when a separator came before it.
///
/// # Example
///
/// ```
/// let mut key = String::new();
/// dq_clean::fold::name_key_into("L'Abergement-Clémenciat", &mut key);
/// assert_eq!(key, "l abergement clemenciat");
/// dq_clean::fold::name_key_into("  ÎLE  d’Yeu ", &mut key);
/// assert_eq!(key, "ile d yeu");
/// ```
pub fn name_key_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut gap = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
            continue;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else { break };
        i += c.len_utf8();
        let mark = out.len();
        if gap && !out.is_empty() {
            out.push(' ');
        }
        if push_name_folded(c, out) {
            gap = false;
        } else {
            out.truncate(mark);
            gap = true;
        }
    }
}

/// Appends the matching key of `s` to `out`: the key that record linkage compares and
/// blocks on. Upper-case ASCII letters and digits, accents folded (`Œ` → `OE`, `ß` →
/// `SS`), every other character a word break, words separated by one space, no leading
/// or trailing space. Dots inside a word are dropped (`S.A.R.L.` → `SARL`) and an
/// apostrophe separates words (`L'Ancre` → `L ANCRE`). Letters with no ASCII base are
/// kept, upper-cased, so that nothing is lost silently.
///
/// One pass over the characters, with a table for the French letters; dq-dedupe calls it
/// on every cell and blocking key.
///
/// # Example
///
/// ```
/// let mut key = String::new();
/// dq_clean::fold::match_key_into("  S.A.R.L.  Les Œillets ", &mut key);
/// assert_eq!(key, "SARL LES OEILLETS");
/// assert_eq!(dq_clean::fold::match_key("12, av. Jean-Jaurès"), "12 AV JEAN JAURES");
/// ```
pub fn match_key_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let push = |out: &mut String, c: char, pending: &mut bool| {
        if *pending && out.len() > start {
            out.push(' ');
        }
        *pending = false;
        out.push(c);
    };
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            push(out, c.to_ascii_uppercase(), &mut pending_space);
            continue;
        }
        if c == '.' {
            continue;
        }
        if c.is_ascii() || c.is_whitespace() || is_apostrophe(c) {
            pending_space = true;
            continue;
        }
        if let Some(b) = french_base(c) {
            for bc in b.chars() {
                push(out, bc, &mut pending_space);
            }
            continue;
        }
        // Other letters: their canonical decomposition without the marks.
        let mut any = false;
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            if d.is_ascii_alphanumeric() {
                push(out, d.to_ascii_uppercase(), &mut pending_space);
                any = true;
            } else if d.is_alphanumeric() {
                for u in d.to_uppercase() {
                    push(out, u, &mut pending_space);
                }
                any = true;
            }
        });
        if !any {
            pending_space = true;
        }
    }
}

/// The matching key of `s` (see [`match_key_into`]), as a new string.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::fold::match_key("Société Générale"), "SOCIETE GENERALE");
/// ```
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    match_key_into(s, &mut out);
    out
}

/// The upper-case ASCII base of the letters of French text (and of the few Latin letters
/// that have no canonical decomposition).
fn french_base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
        'ç' | 'Ç' => "C",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'Ø' => "O",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ÿ' | 'ý' | 'Ÿ' | 'Ý' => "Y",
        'ñ' | 'Ñ' => "N",
        'œ' | 'Œ' => "OE",
        'æ' | 'Æ' => "AE",
        'ß' | 'ẞ' => "SS",
        // Letters without a canonical decomposition, as `Fold` maps them.
        'Ł' | 'ł' => "L",
        'Đ' | 'đ' | 'Ð' | 'ð' => "D",
        'Þ' | 'þ' => "TH",
        'ﬁ' => "FI",
        'ﬂ' => "FL",
        'ﬀ' => "FF",
        'ı' => "I",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, case: Case, expected: &str) {
        assert_eq!(fold(input, case), expected, "{input:?}");
        assert_eq!(fold(expected, case), expected, "{expected:?} idempotent");
    }

    #[test]
    fn table() {
        check("Saint-Étienne", Case::Lower, "saint-etienne");
        check("Saint-Étienne", Case::Upper, "SAINT-ETIENNE");
        check("Saint-Étienne", Case::Keep, "Saint-Etienne");
        check("ŒUVRE", Case::Lower, "oeuvre");
        check("Lætitia", Case::Lower, "laetitia");
        check("Straße", Case::Lower, "strasse");
        check("L’Haÿ-les-Roses", Case::Lower, "l’hay-les-roses");
        check("L'Haÿ-les-Roses", Case::Lower, "l'hay-les-roses");
        // Ð, ligatures (issue #14).
        check("Ðakovica", Case::Lower, "dakovica");
        check("ðe", Case::Upper, "DE");
        check("ﬁchier ﬂeur", Case::Lower, "fichier fleur");
        check("Þórr", Case::Keep, "Thorr");
        // A prime is not an apostrophe: 48°51′24″N stays.
        check("48°51′24″N", Case::Upper, "48°51′24″N");
        let straight = Fold::new(Case::Lower).with_apostrophe(Apostrophe::Straight);
        assert_eq!(straight.fold("L’Haÿ"), "l'hay");
        assert_eq!(straight.fold("48°51′"), "48°51′");
        let space = Fold::new(Case::Lower).with_apostrophe(Apostrophe::Space);
        assert_eq!(space.fold("L’Haÿ l'Isle"), "l hay l isle");
        check("Ajaccio", Case::Lower, "ajaccio");
        check("Ple\u{301}neuf", Case::Lower, "pleneuf");
        check("Çà et là", Case::Upper, "CA ET LA");
        check("", Case::Lower, "");
        let f = Fold { case: Case::Lower, apostrophe: Apostrophe::Remove };
        assert_eq!(f.fold("L'Isle-Adam"), "lisle-adam");
    }

    #[test]
    fn match_keys() {
        for (input, key) in [
            ("Société Générale", "SOCIETE GENERALE"),
            ("  S.A.R.L.  Les Œillets ", "SARL LES OEILLETS"),
            ("L'Ancre-de-Marine", "L ANCRE DE MARINE"),
            ("L’Haÿ-les-Roses", "L HAY LES ROSES"),
            ("", ""),
            ("12, av. Jean-Jaurès", "12 AV JEAN JAURES"),
            ("Straße Łódź", "STRASSE LODZ"),
            ("Ελλάδα", "ΕΛΛΑΔΑ"),
        ] {
            assert_eq!(match_key(input), key, "{input:?}");
            assert_eq!(match_key(key), key, "idempotent on {key:?}");
        }
    }

    #[test]
    fn name_keys() {
        let check = |input: &str, expected: &str| {
            let mut out = String::from("stale");
            name_key_into(input, &mut out);
            assert_eq!(out, expected, "{input:?}");
        };
        check("L'Abergement-Clémenciat", "l abergement clemenciat");
        check("  ÎLE  d’Yeu ", "ile d yeu");
        check("Œuilly", "oeuilly");
        check("", "");
        check("--", "");
        check("Saint-Étienne-du-Rouvray", "saint etienne du rouvray");
        check("  Ç'Œ  ", "c oe");
        check("Ville·Neuve", "ville neuve");
        check("Ωmega 3", "\u{3c9}mega 3");
    }
}
