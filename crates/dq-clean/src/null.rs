//! Null tokens: `""`, `NA`, `N/A`, `n.d.`, `#N/A`, `00/00/0000`… read as a missing value.
//!
//! Matching ignores ASCII case and every kind of space (`" N / A "` is `N/A`), but never
//! eats a real value: `Nancy`, `Nord`, `0`, `Non`, `RAS` and `aucun` stay values.
//! Sentinels such as `9999` or `-999` are flagged as ambiguous, and so is `Na`
//! (sodium, or a name), never silently dropped.
//!
//! ```
//! use dq_clean::null::Nulls;
//!
//! let nulls = Nulls::default();
//! assert!(nulls.is_null(" N/A "));
//! assert!(nulls.is_null("#VALEUR!"));
//! assert!(!nulls.is_null("Nancy"));
//! assert_eq!(nulls.normalize("9999").status(), "ambiguous");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The French default null tokens, written in their matching key form
/// (ASCII lower case, no spaces).
const FRENCH_TOKENS: &[&str] = &[
    "",
    "na",
    "n/a",
    "n.a.",
    "n.a",
    "-",
    "--",
    "---",
    "nc",
    "n.c.",
    "n.c",
    "nd",
    "n.d.",
    "n.d",
    "null",
    "none",
    "nan",
    "#n/a",
    "#na",
    "s.o.",
    "s.o",
    "so",
    "sans objet",
    "00/00/0000",
    "0000-00-00",
    "#valeur!",
    "#value!",
    "#div/0!",
    "#ref!",
    "#nom?",
    "#name?",
    "#null!",
    "#num!",
    "?",
    "??",
    "non communiqué",
    "non renseigné",
    "nr",
    "n.r.",
    "/",
    ".",
    "..",
    "...",
    "x.x",
    "inconnu",
];

/// The default sentinels: numbers used in some files to mean "missing".
const SENTINELS: &[&str] =
    &["9999", "-999", "-9999", "99999", "999999", "-99999", "9999999", "99", "-99", "-1"];

/// What to do with sentinel numbers such as `9999` or `-999`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Sentinels {
    /// Flag them as ambiguous (missing, or a real value?). The default.
    #[default]
    Flag,
    /// Treat them as ordinary values.
    Ignore,
    /// Treat them as nulls (only when the column is known to use them).
    Null,
}

/// A set of null tokens, matched case- and space-insensitively.
///
/// `Nulls::default()` holds the French list. Build another with [`Nulls::builder`].
///
/// # Example
///
/// ```
/// use dq_clean::null::Nulls;
///
/// let nulls = Nulls::default();
/// assert!(nulls.is_null("n. d."));
/// assert!(nulls.is_null("\u{a0}"));
/// assert!(!nulls.is_null("0"));
/// assert_eq!(nulls.normalize("NC").status(), "null");
/// ```
#[derive(Debug, Clone)]
pub struct Nulls {
    tokens: Vec<String>,
    sentinels: Sentinels,
    max_key_len: usize,
    /// The ASCII tokens' keys by byte length: ASCII values are matched against these
    /// without decoding characters.
    ascii_by_len: Vec<Vec<Box<[u8]>>>,
    /// The ASCII bytes that occur in some token key: a value with another (non-blank,
    /// lower-cased) ASCII byte is no token.
    ascii_bytes: [bool; 128],
    /// The first character of each token key.
    first_chars: Vec<char>,
}

impl Default for Nulls {
    fn default() -> Self {
        NullsBuilder::default().build()
    }
}

/// Builds a [`Nulls`] set.
///
/// # Example
///
/// ```
/// use dq_clean::null::{Nulls, Sentinels};
///
/// let nulls = Nulls::builder().token("néant").sentinels(Sentinels::Ignore).build();
/// assert!(nulls.is_null("NÉANT") == false); // case folding is ASCII only
/// assert!(nulls.is_null("néant"));
/// assert_eq!(nulls.normalize("9999").status(), "valid");
/// ```
#[derive(Debug, Clone)]
pub struct NullsBuilder {
    tokens: Vec<String>,
    sentinels: Sentinels,
}

impl Default for NullsBuilder {
    /// Starts from the French list, sentinels flagged.
    fn default() -> Self {
        NullsBuilder {
            tokens: FRENCH_TOKENS.iter().map(|t| key(t)).collect(),
            sentinels: Sentinels::Flag,
        }
    }
}

impl NullsBuilder {
    /// Starts from an empty list (only the empty string stays a null).
    pub fn empty() -> Self {
        NullsBuilder { tokens: vec![String::new()], sentinels: Sentinels::Flag }
    }

    /// Adds a null token (matched ignoring ASCII case and spaces). Default: the French list.
    pub fn token(&mut self, token: &str) -> &mut Self {
        let k = key(token);
        if !self.tokens.contains(&k) {
            self.tokens.push(k);
        }
        self
    }

    /// Removes a null token, e.g. `"-"` in a column where a dash is a value.
    pub fn remove_token(&mut self, token: &str) -> &mut Self {
        let k = key(token);
        self.tokens.retain(|t| *t != k);
        self
    }

    /// Sets what to do with sentinels such as `9999`. Default: [`Sentinels::Flag`].
    pub fn sentinels(&mut self, s: Sentinels) -> &mut Self {
        self.sentinels = s;
        self
    }

    /// Builds the set.
    pub fn build(&self) -> Nulls {
        let max_key_len = self.tokens.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        let mut ascii_by_len: Vec<Vec<Box<[u8]>>> = vec![Vec::new(); max_key_len + 1];
        let mut ascii_bytes = [false; 128];
        for t in &self.tokens {
            // Every token's ASCII bytes: a value is rejected on an ASCII byte before its
            // first non-ASCII one is seen.
            for b in t.bytes() {
                if let Some(slot) = ascii_bytes.get_mut(usize::from(b)) {
                    *slot = true;
                }
            }
        }
        for t in self.tokens.iter().filter(|t| t.is_ascii()) {
            if let Some(group) = ascii_by_len.get_mut(t.len()) {
                group.push(t.as_bytes().into());
            }
        }
        let mut first_chars: Vec<char> =
            self.tokens.iter().filter_map(|t| t.chars().next()).collect();
        first_chars.sort_unstable();
        first_chars.dedup();
        Nulls {
            tokens: self.tokens.clone(),
            sentinels: self.sentinels,
            max_key_len,
            ascii_by_len,
            ascii_bytes,
            first_chars,
        }
    }
}

/// Whether `c` is ignored when matching tokens: any space, zero-width or control character.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{2060}')
}

/// The matching key of a token: ASCII lower case, blanks removed.
fn key(s: &str) -> String {
    s.chars().filter(|c| !is_blank(*c)).map(|c| c.to_ascii_lowercase()).collect()
}

fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_blank(*c)).map(|c| c.to_ascii_lowercase())
}

impl Nulls {
    /// Starts a builder from the French list.
    pub fn builder() -> NullsBuilder {
        NullsBuilder::default()
    }

    /// Whether `s` is a null token. Does not allocate.
    ///
    /// Sentinels are not nulls here unless built with [`Sentinels::Null`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_clean::null::Nulls::default().is_null("#DIV/0!"));
    /// assert!(!dq_clean::null::Nulls::default().is_null("Nord"));
    /// ```
    pub fn is_null(&self, s: &str) -> bool {
        // Byte by byte: the key of an ASCII value is built on the stack and rejected at
        // the first byte no token has; a value with another byte goes to
        // `is_null_chars` when it reaches it.
        let mut key = [0u8; 32];
        let mut n = 0usize;
        for b in s.bytes() {
            if !b.is_ascii() {
                return self.is_null_chars(s);
            }
            // ASCII blanks: spaces and control characters (`is_blank` on ASCII).
            if b <= b' ' || b == 0x7f {
                continue;
            }
            let b = b.to_ascii_lowercase();
            if n >= self.max_key_len
                || !self.ascii_bytes.get(usize::from(b)).copied().unwrap_or(false)
            {
                return self.sentinels == Sentinels::Null && self.sentinel(s);
            }
            match key.get_mut(n) {
                Some(k) => *k = b,
                // A token longer than the buffer: the general path decides.
                None => return self.is_null_chars(s),
            }
            n += 1;
        }
        let Some(key) = key.get(..n) else { return self.is_null_chars(s) };
        if key == b"na" && s.trim() == "Na" {
            // Sodium, or a name: flagged by `normalize`, never a plain null.
            return false;
        }
        if self.ascii_by_len.get(n).is_some_and(|g| g.iter().any(|t| **t == *key)) {
            return true;
        }
        self.sentinels == Sentinels::Null && self.sentinel(s)
    }

    /// [`Nulls::is_null`] through decoded characters (any value; the byte path's fallback).
    fn is_null_chars(&self, s: &str) -> bool {
        let mut n = 0usize;
        // Quick reject: a long value with many non-blank characters is no token, nor is
        // one whose first character starts none.
        for c in s.chars() {
            if !is_blank(c) {
                if n == 0 && !self.first_chars.contains(&c.to_ascii_lowercase()) {
                    return self.sentinels == Sentinels::Null && self.sentinel(s);
                }
                n += 1;
                if n > self.max_key_len {
                    return self.sentinels == Sentinels::Null && self.sentinel(s);
                }
            }
        }
        if s.trim() == "Na" {
            // Sodium, or a name: flagged by `normalize`, never a plain null.
            return false;
        }
        if self.tokens.iter().any(|t| t.chars().eq(key_chars(s))) {
            return true;
        }
        self.sentinels == Sentinels::Null && self.sentinel(s)
    }

    fn sentinel(&self, s: &str) -> bool {
        let t = s.trim();
        SENTINELS.contains(&t)
    }

    /// Reads one value: [`Verdict::Null`] for a token, [`Verdict::Ambiguous`] for a
    /// sentinel or `Na`, otherwise the value unchanged (rule `"not_null"`).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::null::Nulls;
    /// let n = Nulls::default();
    /// assert_eq!(n.normalize(" n.a. ").status(), "null");
    /// assert_eq!(n.normalize("Na").status(), "ambiguous");
    /// assert_eq!(n.normalize("RAS").value(), Some("RAS"));
    /// ```
    pub fn normalize<'a>(&self, s: &'a str) -> Verdict<'a> {
        let t = s.trim();
        if t != "Na" && self.is_null(s) {
            return Verdict::Null;
        }
        if t == "Na" && self.tokens.iter().any(|k| k == "na") {
            return Verdict::Ambiguous {
                reason: Cow::Borrowed("\"Na\" may be a null token or a value (sodium, a name)"),
                candidates: vec![String::new(), t.to_owned()],
            };
        }
        if self.sentinels == Sentinels::Flag && self.sentinel(s) {
            return Verdict::Ambiguous {
                reason: Cow::Owned(format!("{t:?} may be a sentinel for a missing value")),
                candidates: vec![t.to_owned(), String::new()],
            };
        }
        Verdict::Valid { value: Cow::Borrowed(s), rule: "not_null" }
    }
}

impl Normalizer for Nulls {
    fn name(&self) -> &'static str {
        "null"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        Nulls::normalize(self, input)
    }
}

/// Whether `s` is a French null token (shortcut for `Nulls::default().is_null(s)`,
/// without building the set).
///
/// # Example
///
/// ```
/// assert!(dq_clean::null::is_null("N/A"));
/// ```
pub fn is_null(s: &str) -> bool {
    // Quick reject: no French token has a digit other than 0 (`00/00/0000`, `#div/0!`),
    // so numbers and dates leave here at once.
    if s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        return false;
    }
    let mut n = 0usize;
    for c in s.chars() {
        if !is_blank(c) {
            n += 1;
            if n > 20 {
                return false;
            }
        }
    }
    s.trim() != "Na" && FRENCH_TOKENS.iter().any(|t| key_chars(t).eq(key_chars(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = Nulls::default().normalize(input);
        assert_eq!(v.status(), expected, "{input:?}");
        assert_eq!(is_null(input), expected == "null", "{input:?}");
    }

    #[test]
    fn french_tokens_have_no_digit_but_zero() {
        // `is_null` relies on it for its quick reject.
        for t in FRENCH_TOKENS {
            assert!(!t.bytes().any(|b| (b'1'..=b'9').contains(&b)), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The byte-wise path for ASCII values agrees with the character path.
        #[test]
        fn ascii_path_agrees_with_chars(s in "[ -~\t\r]{0,12}|[nNaAcCdD/.#! -]{0,6}|-?9{1,7}|[ \u{a0}nNéÉ]{0,5}(néant|non communiqué)?") {
            let sets = [
                Nulls::default(),
                Nulls::builder().sentinels(Sentinels::Null).build(),
                NullsBuilder::empty().token("néant").token("x").build(),
            ];
            for n in &sets {
                proptest::prop_assert_eq!(n.is_null(&s), n.is_null_chars(&s), "{:?}", s);
                // The definition: the key is a token (`Na` aside), or a sentinel read as null.
                let k: String = key_chars(&s).collect();
                let reference = (s.trim() != "Na" && n.tokens.contains(&k))
                    || (n.sentinels == Sentinels::Null && n.sentinel(&s));
                proptest::prop_assert_eq!(n.is_null(&s), reference, "{:?}", s);
            }
        }
    }

    #[test]
    fn sentinels_as_nulls() {
        let n = Nulls::builder().sentinels(Sentinels::Null).build();
        for s in ["9999", " -999 ", "9999999", "-1"] {
            assert!(n.is_null(s), "{s:?}");
        }
        assert!(!Nulls::default().is_null("9999"));
        assert!(!n.is_null("1999"));
    }

    #[test]
    fn tokens() {
        for s in [
            "",
            "  ",
            "NA",
            "n/a",
            " N / A ",
            "n.a.",
            "-",
            "--",
            "NC",
            "nd",
            "N.D.",
            "null",
            "None",
            "NaN",
            "#N/A",
            "s.o.",
            "00/00/0000",
            "#VALEUR!",
            "#DIV/0!",
            "\u{a0}",
            "\t",
        ] {
            check(s, "null");
        }
        for s in ["Nancy", "Nord", "0", "Non", "RAS", "aucun", "N", "nda", "Nice", "-5"] {
            check(s, "valid");
        }
        for s in ["9999", "-999", "99999", "Na"] {
            check(s, "ambiguous");
        }
    }
}
