//! Null tokens: `""`, `NA`, `N/A`, `n.d.`, `#N/A`, `00/00/0000`… read as a missing value.
//!
//! Matching ignores ASCII case and every kind of space (`" N / A "` is `N/A`), but never
//! eats a real value: `Nancy`, `Nord`, `0`, `Non`, `RAS` and `aucun` stay values.
//! Sentinels such as `9999` or `-999` are flagged as ambiguous, and so is `Na`
//! (sodium, or a name), never silently dropped.
//!
//! The list is data: [`TOKENS`] gives each token with its [`NullFamily`] (`NC` is "not
//! communicated", `—` a placeholder, `#DIV/0!` a spreadsheet error) and whether the
//! default set holds it, so that a column planner can decide per column which tokens
//! are nulls ([`NullsBuilder::family`], [`NullsBuilder::remove_family`]). Tokens that
//! are often real values — `SO` (a code), `inconnu`, `NSP`, `non concerné` (answers) —
//! are nulls only where asked.
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

/// What kind of absence a null token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NullFamily {
    /// The empty cell (or blanks only).
    Empty,
    /// Not available: `NA`, `N/A`, `ND`, `n.d.`, `N/D`, `non disponible`.
    NotAvailable,
    /// Not communicated or not filled in: `NC`, `non communiqué`, `NR`, `non renseigné`
    /// (often statistical secrecy in French tables).
    NotCommunicated,
    /// Not applicable: `s.o.`, `sans objet`, `SO`, `non concerné`.
    NotApplicable,
    /// Unknown to whoever answered: `inconnu`, `NSP` (ne sait pas).
    Unknown,
    /// Punctuation standing for nothing: `-`, `—`, `–`, `/`, `.`, `...`, `…`, `?`.
    Placeholder,
    /// A spreadsheet error left in the cell: `#N/A`, `#VALEUR!`, `#DIV/0!`.
    SpreadsheetError,
    /// A software's missing-value marker: `null`, `None`, `NaN`.
    Software,
    /// An all-zero date: `00/00/0000`, `0000-00-00`.
    ZeroDate,
}

/// One null token of the French list, as data: a planner decides per column which ones
/// hold (a token that is a regular value of a category column is data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct NullToken {
    /// The token as usually written; matching ignores ASCII case and blanks.
    pub token: &'static str,
    /// What kind of absence it says.
    pub family: NullFamily,
    /// Whether [`Nulls::default`] holds it. Tokens that are often real values (`SO`, a
    /// code; `inconnu`, `NSP`, `non concerné`, answers) are only nulls where asked.
    pub default: bool,
}

const fn tok(token: &'static str, family: NullFamily, default: bool) -> NullToken {
    NullToken { token, family, default }
}

/// The French null tokens, with their family and whether they are in the default set.
///
/// # Example
///
/// ```
/// use dq_clean::null::{NullFamily, TOKENS};
/// let nc = TOKENS.iter().find(|t| t.token == "NC").unwrap();
/// assert_eq!(nc.family, NullFamily::NotCommunicated);
/// assert!(!TOKENS.iter().any(|t| t.token == "inconnu" && t.default));
/// ```
pub const TOKENS: &[NullToken] = &[
    tok("", NullFamily::Empty, true),
    tok("NA", NullFamily::NotAvailable, true),
    tok("N/A", NullFamily::NotAvailable, true),
    tok("N.A.", NullFamily::NotAvailable, true),
    tok("N.A", NullFamily::NotAvailable, true),
    tok("ND", NullFamily::NotAvailable, true),
    tok("N.D.", NullFamily::NotAvailable, true),
    tok("N.D", NullFamily::NotAvailable, true),
    tok("N/D", NullFamily::NotAvailable, true),
    tok("non disponible", NullFamily::NotAvailable, true),
    tok("NC", NullFamily::NotCommunicated, true),
    tok("N.C.", NullFamily::NotCommunicated, true),
    tok("N.C", NullFamily::NotCommunicated, true),
    tok("non communiqué", NullFamily::NotCommunicated, true),
    tok("non renseigné", NullFamily::NotCommunicated, true),
    tok("NR", NullFamily::NotCommunicated, true),
    tok("N.R.", NullFamily::NotCommunicated, true),
    tok("s.o.", NullFamily::NotApplicable, true),
    tok("s.o", NullFamily::NotApplicable, true),
    tok("sans objet", NullFamily::NotApplicable, true),
    tok("SO", NullFamily::NotApplicable, false),
    tok("non concerné", NullFamily::NotApplicable, false),
    tok("inconnu", NullFamily::Unknown, false),
    tok("NSP", NullFamily::Unknown, false),
    tok("ne sait pas", NullFamily::Unknown, false),
    tok("-", NullFamily::Placeholder, true),
    tok("--", NullFamily::Placeholder, true),
    tok("---", NullFamily::Placeholder, true),
    tok("\u{2014}", NullFamily::Placeholder, true),
    tok("\u{2013}", NullFamily::Placeholder, true),
    tok("/", NullFamily::Placeholder, true),
    tok(".", NullFamily::Placeholder, true),
    tok("..", NullFamily::Placeholder, true),
    tok("...", NullFamily::Placeholder, true),
    tok("\u{2026}", NullFamily::Placeholder, true),
    tok("?", NullFamily::Placeholder, true),
    tok("??", NullFamily::Placeholder, true),
    tok("x.x", NullFamily::Placeholder, true),
    tok("#N/A", NullFamily::SpreadsheetError, true),
    tok("#NA", NullFamily::SpreadsheetError, true),
    tok("#VALEUR!", NullFamily::SpreadsheetError, true),
    tok("#VALUE!", NullFamily::SpreadsheetError, true),
    tok("#DIV/0!", NullFamily::SpreadsheetError, true),
    tok("#REF!", NullFamily::SpreadsheetError, true),
    tok("#NOM?", NullFamily::SpreadsheetError, true),
    tok("#NAME?", NullFamily::SpreadsheetError, true),
    tok("#NULL!", NullFamily::SpreadsheetError, true),
    tok("#NUM!", NullFamily::SpreadsheetError, true),
    tok("null", NullFamily::Software, true),
    tok("None", NullFamily::Software, true),
    tok("NaN", NullFamily::Software, true),
    tok("00/00/0000", NullFamily::ZeroDate, true),
    tok("0000-00-00", NullFamily::ZeroDate, true),
];

/// The family of a token of the French list that `s` matches (ignoring ASCII case and
/// blanks), whether or not it is in the default set.
///
/// # Example
///
/// ```
/// use dq_clean::null::{family_of, NullFamily};
/// assert_eq!(family_of(" n / d "), Some(NullFamily::NotAvailable));
/// assert_eq!(family_of("inconnu"), Some(NullFamily::Unknown));
/// assert_eq!(family_of("Nancy"), None);
/// ```
pub fn family_of(s: &str) -> Option<NullFamily> {
    TOKENS.iter().find(|t| key_chars(t.token).eq(key_chars(s))).map(|t| t.family)
}

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
            tokens: TOKENS.iter().filter(|t| t.default).map(|t| key(t.token)).collect(),
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

    /// Adds every token of a family of the French list, those outside the default set
    /// included: `family(NullFamily::Unknown)` makes `inconnu` and `NSP` nulls.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_clean::null::{NullFamily, Nulls};
    /// assert!(!Nulls::default().is_null("NSP"));
    /// assert!(Nulls::builder().family(NullFamily::Unknown).build().is_null("NSP"));
    /// ```
    pub fn family(&mut self, family: NullFamily) -> &mut Self {
        for t in TOKENS.iter().filter(|t| t.family == family) {
            self.token(t.token);
        }
        self
    }

    /// Removes every token of a family, e.g. [`NullFamily::Placeholder`] in a column
    /// where a dash is a value.
    pub fn remove_family(&mut self, family: NullFamily) -> &mut Self {
        for t in TOKENS.iter().filter(|t| t.family == family) {
            self.remove_token(t.token);
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
    s.trim() != "Na" && TOKENS.iter().any(|t| t.default && key_chars(t.token).eq(key_chars(s)))
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
        for t in TOKENS {
            assert!(!t.token.bytes().any(|b| (b'1'..=b'9').contains(&b)), "{t:?}");
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
        // New forms (issue #14).
        for s in ["N/D", "n / d", "n.d.", "\u{2014}", "\u{2013}", " \u{2026} ", "non disponible"] {
            check(s, "null");
        }
        // Only where a planner asks (issue #11): codes and answers.
        for s in ["SO", "so", "inconnu", "Inconnu", "NSP", "non concerné", "ne sait pas"] {
            check(s, "valid");
        }
    }

    #[test]
    fn families_on_request() {
        let n =
            Nulls::builder().family(NullFamily::Unknown).family(NullFamily::NotApplicable).build();
        for s in ["SO", "inconnu", "NSP", "non concerné", "NC"] {
            assert!(n.is_null(s), "{s:?}");
        }
        let n = Nulls::builder().remove_family(NullFamily::Placeholder).build();
        for s in ["-", "\u{2014}", "...", "?"] {
            assert!(!n.is_null(s), "{s:?}");
        }
        assert!(n.is_null("NC"));
        assert_eq!(family_of("#DIV/0!"), Some(NullFamily::SpreadsheetError));
        assert_eq!(family_of("00/00/0000"), Some(NullFamily::ZeroDate));
        for t in TOKENS {
            assert_eq!(family_of(t.token), Some(t.family), "{t:?}");
        }
        for s in ["9999", "-999", "99999", "Na"] {
            check(s, "ambiguous");
        }
    }
}
