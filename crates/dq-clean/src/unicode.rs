//! Unicode: NFC (NFKC on request), typographic apostrophes and quotes, dashes.
//!
//! Apostrophes `’ ‘ ´ ʼ ʹ ‛ ＇` become `'`, and so do a backtick and a doubled apostrophe
//! used as one between two letters (`D`Artagnan`, `L''Ile`: the cell is read after CSV
//! unquoting, so a doubled apostrophe here is not CSV escaping). English double quotes
//! `“ ” „ ‟` become `"`. Prime and double-prime signs (`′`, `″`), as in `48°51′24″N` or
//! `5′ 11″`, are not apostrophes nor quotes: they are kept.
//! French guillemets `« »` are kept by default (they are correct French typography);
//! [`Guillemets::Straight`] turns them, and the spaces inside them, into `"`.
//! Dashes `‐ ‑ ‒ – — ― −` become `-`.
//!
//! ```
//! use dq_clean::unicode::Unicode;
//!
//! let v = Unicode::default().normalize("L’Isle-Adam — “centre”");
//! assert_eq!(v.value(), Some("L'Isle-Adam - \"centre\""));
//! // A decomposed `é` (e + U+0301) is composed.
//! assert_eq!(Unicode::default().normalize("Ple\u{301}neuf").value(), Some("Pléneuf"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::{Normalizer, Verdict};

/// The Unicode normalization form applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Form {
    /// Canonical composition (the default): `e` + U+0301 becomes `é`.
    #[default]
    Nfc,
    /// Compatibility composition: also `ﬁ` → `fi`, `²` → `2`, `…` → `...`.
    Nfkc,
}

/// What to do with French guillemets `« »`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Guillemets {
    /// Keep them (the default).
    #[default]
    Keep,
    /// Turn `« x »` into `"x"`.
    Straight,
}

/// What the normalizer maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Scope {
    /// Normalization form, apostrophes, quotes and dashes (kind `unicode`, the default).
    #[default]
    All,
    /// Typographic apostrophes only (kind `apostrophe`).
    Apostrophes,
}

/// The Unicode normalizer (kinds `unicode` and `apostrophe`).
///
/// # Example
///
/// ```
/// use dq_clean::unicode::{Form, Unicode};
/// let u = Unicode::default().with_form(Form::Nfkc);
/// assert_eq!(u.normalize("2ᵉ étage").value(), Some("2e étage"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct Unicode {
    /// Normalization form. Default: [`Form::Nfc`].
    pub form: Form,
    /// Guillemets. Default: [`Guillemets::Keep`].
    pub guillemets: Guillemets,
    /// What is mapped. Default: [`Scope::All`].
    pub scope: Scope,
}

impl Unicode {
    /// The same normalizer, with the normalization form `form`.
    #[must_use]
    pub fn with_form(self, form: Form) -> Unicode {
        Unicode { form, ..self }
    }

    /// The same normalizer, with guillemets handled as `guillemets` says.
    #[must_use]
    pub fn with_guillemets(self, guillemets: Guillemets) -> Unicode {
        Unicode { guillemets, ..self }
    }

    /// The apostrophe-only normalizer (kind `apostrophe`).
    pub fn apostrophes() -> Unicode {
        Unicode { scope: Scope::Apostrophes, ..Unicode::default() }
    }

    /// The replacement of one character and its rule, when this normalizer maps it.
    #[inline(always)]
    fn mapping(&self, c: char) -> Option<(char, &'static str)> {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{00B4}' | '\u{02BC}' | '\u{02B9}' | '\u{201B}'
            | '\u{FF07}' => Some(('\'', "apostrophe")),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' if self.scope == Scope::All => {
                Some(('"', "quote"))
            }
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
                if self.scope == Scope::All =>
            {
                Some(('-', "dash"))
            }
            '\u{00AB}' | '\u{00BB}'
                if self.scope == Scope::All && self.guillemets == Guillemets::Straight =>
            {
                Some(('"', "quote"))
            }
            _ => None,
        }
    }

    /// Normalizes one value. Always [`Verdict::Valid`]; the rule is `"apostrophe"`,
    /// `"quote"`, `"dash"`, `"nfc"`, `"nfkc"` (the first change found) or `"as_is"`.
    pub fn normalize<'a>(&self, s: &'a str) -> Verdict<'a> {
        // One pass eight bytes at a time: ASCII, and whether a backtick or an apostrophe
        // occurs (the only bytes a contextual apostrophe needs; most values have neither).
        let (ascii, quote) = ascii_and_quotes(s.as_bytes());
        let contextual = quote && has_contextual_apostrophe(s);
        if ascii && !contextual {
            return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
        }
        // Compose first, so that what composition yields (U+1FFD → U+00B4) is mapped too.
        let mut form_rule = None;
        let base: Cow<'_, str> = if self.scope == Scope::All {
            let quick = match self.form {
                Form::Nfc => is_nfc_quick(s.chars()),
                Form::Nfkc => is_nfkc_quick(s.chars()),
            };
            if quick == IsNormalized::Yes {
                Cow::Borrowed(s)
            } else {
                let n: String = match self.form {
                    Form::Nfc => s.nfc().collect(),
                    Form::Nfkc => s.nfkc().collect(),
                };
                if n != s {
                    form_rule = Some(if self.form == Form::Nfc { "nfc" } else { "nfkc" });
                }
                Cow::Owned(n)
            }
        } else {
            Cow::Borrowed(s)
        };
        // Fast path: already composed and nothing to map: borrow, allocate nothing.
        // Without a form change, `base` is `s`: `quote` is still true of it.
        if form_rule.is_none() && !contextual && !base.chars().any(|c| self.mapping(c).is_some()) {
            return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
        }
        let mut rule = "as_is";
        let mut out = String::with_capacity(base.len());
        let mut changed = form_rule.is_some();
        let mut chars = base.chars().peekable();
        while let Some(c) = chars.next() {
            let mapped = self.mapping(c);
            match mapped {
                Some((m, r)) => {
                    if rule == "as_is" {
                        rule = r;
                    }
                    changed = true;
                    if m == '"' && c == '\u{00BB}' {
                        // Drop the space before a closing guillemet.
                        while out.ends_with([' ', '\u{a0}', '\u{202f}']) {
                            out.pop();
                        }
                    }
                    out.push(m);
                    if m == '"' && c == '\u{00AB}' {
                        while matches!(chars.peek(), Some(' ' | '\u{a0}' | '\u{202f}')) {
                            chars.next();
                        }
                    }
                }
                None => out.push(c),
            }
        }
        // After the mapping, so that `a'‘b` gives what `a''b` gives: idempotent.
        if has_contextual_apostrophe(&out) {
            if let Some(collapsed) = collapse_apostrophes(&out) {
                out = collapsed;
                changed = true;
                if rule == "as_is" {
                    rule = "apostrophe";
                }
            }
        }
        if rule == "as_is" {
            rule = form_rule.unwrap_or("as_is");
        }
        if !changed || out == s {
            return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
        }
        Verdict::Valid { value: Cow::Owned(out), rule }
    }
}

/// Whether `s` may hold a backtick or a doubled apostrophe used as an apostrophe.
fn has_contextual_apostrophe(s: &str) -> bool {
    let mut prev = 0u8;
    for &b in s.as_bytes() {
        if b == b'`' || (b == b'\'' && prev == b'\'') {
            return true;
        }
        prev = b;
    }
    false
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Whether `bytes` are all ASCII, and whether a backtick or an apostrophe is among them:
/// eight bytes at a time (a word has the byte `b` when `word ^ b…b` has a zero byte).
fn ascii_and_quotes(bytes: &[u8]) -> (bool, bool) {
    let zero = |w: u64| w.wrapping_sub(LOW_BITS) & !w & HIGH_BITS;
    let (mut high, mut quote) = (0u64, 0u64);
    let mut words = bytes.chunks_exact(8);
    let mut add = |w: u64| {
        high |= w;
        // Exact (Mycroft's test): nonzero when and only when some byte matches.
        quote |= zero(w ^ (LOW_BITS * u64::from(b'`'))) | zero(w ^ (LOW_BITS * u64::from(b'\'')));
    };
    for chunk in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        add(u64::from_le_bytes(word));
    }
    // The last bytes: the last eight of the value again (a byte read twice changes
    // neither answer), or one by one in a value shorter than a word.
    if !words.remainder().is_empty() {
        match bytes.len().checked_sub(8).and_then(|at| bytes.get(at..)) {
            Some(last) => {
                let mut word = [0; 8];
                word.copy_from_slice(last);
                add(u64::from_le_bytes(word));
            }
            None => {
                for &b in bytes {
                    add(u64::from(b));
                }
            }
        }
    }
    (high & HIGH_BITS == 0, quote != 0)
}

/// `D`Artagnan` → `D'Artagnan`, `L''Ile` → `L'Ile`: a backtick or a doubled apostrophe
/// between two letters is one apostrophe. `None` when nothing changes.
#[inline(never)]
fn collapse_apostrophes(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let letter = |k: usize| chars.get(k).is_some_and(|c| c.is_alphabetic());
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let after_letter = i > 0 && letter(i - 1);
        if after_letter && c == '`' && letter(i + 1) {
            out.push('\'');
            changed = true;
        } else if after_letter && c == '\'' && chars.get(i + 1) == Some(&'\'') && letter(i + 2) {
            out.push('\'');
            changed = true;
            i += 1;
        } else {
            out.push(c);
        }
        i += 1;
    }
    changed.then_some(out)
}

impl Normalizer for Unicode {
    fn name(&self) -> &'static str {
        match self.scope {
            Scope::Apostrophes => "apostrophe",
            Scope::All => "unicode",
        }
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        Unicode::normalize(self, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The eight-at-a-time pass answers what a byte-by-byte one answers.
        #[test]
        fn ascii_and_quotes_is_exact(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b'`'), Just(b'\''), Just(0x60), Just(0x27 | 0x80), any::<u8>()],
                0..40,
            ),
        ) {
            let quote = bytes.iter().any(|&b| b == b'`' || b == b'\'');
            prop_assert_eq!(ascii_and_quotes(&bytes), (bytes.is_ascii(), quote));
        }
    }

    fn check(input: &str, expected: &str) {
        let v = Unicode::default().normalize(input);
        assert_eq!(v.value(), Some(expected), "{input:?}");
        let again = Unicode::default().normalize(expected);
        assert_eq!(again.value(), Some(expected));
    }

    #[test]
    fn table() {
        check("Paris", "Paris");
        check("L’Haÿ-les-Roses", "L'Haÿ-les-Roses");
        check("d‘Ascq", "d'Ascq");
        check("aujourdʼhui", "aujourd'hui");
        check("l´eau", "l'eau");
        check("“oui”", "\"oui\"");
        check("« oui »", "« oui »");
        check("1990–2000", "1990-2000");
        check("Ple\u{301}neuf", "Pléneuf");
        check("−5", "-5");
        // Primes are not apostrophes nor quotes (issue #14).
        check("48°51′24″N", "48°51′24″N");
        check("5′ 11″", "5′ 11″");
        check("L’angle 30′", "L'angle 30′");
        // A backtick or a doubled apostrophe used as one, between letters.
        check("D`Artagnan", "D'Artagnan");
        check("L''Ile", "L'Ile");
        check("L''Île-d’Yeu", "L'Île-d'Yeu");
        check("`code`", "`code`");
        check("''", "''");
        check("a''", "a''");
        check("1``2", "1``2");
        assert_eq!(Unicode::default().normalize("D`Artagnan").rule(), Some("apostrophe"));
        assert_eq!(Unicode::apostrophes().normalize("L''Ile").value(), Some("L'Ile"));
        assert_eq!(Unicode::apostrophes().normalize("5′").value(), Some("5′"));
        let s = Unicode { guillemets: Guillemets::Straight, ..Unicode::default() };
        assert_eq!(s.normalize("« oui »").value(), Some("\"oui\""));
        assert_eq!(Unicode::apostrophes().normalize("L’Isle – x").value(), Some("L'Isle – x"));
        assert_eq!(Unicode::default().normalize("Pléneuf").rule(), Some("as_is"));
    }
}
