//! Spaces: trim, collapse runs, NBSP / narrow NBSP / thin spaces, zero-width characters,
//! tabs and stray control characters.
//!
//! ```
//! use dq_clean::whitespace;
//!
//! let v = whitespace::normalize("  Saint-Denis\u{a0}\u{a0}93200\t");
//! assert_eq!(v.value(), Some("Saint-Denis 93200"));
//! assert_eq!(v.rule(), Some("nbsp"));
//! // Clean input is borrowed, not copied.
//! assert!(matches!(whitespace::collapse_spaces("Lyon 3e"), std::borrow::Cow::Borrowed(_)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The whitespace normalizer (kind `whitespace`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Whitespace;

impl Normalizer for Whitespace {
    fn name(&self) -> &'static str {
        "whitespace"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize(input)
    }
}

/// What happens to one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Keep,
    Space,
    /// A space other than U+0020 (NBSP, U+202F, U+2009, tab, line break…).
    OtherSpace,
    ZeroWidth,
    Control,
}

fn class(c: char) -> Class {
    match c {
        ' ' => Class::Space,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
            Class::ZeroWidth
        }
        c if c.is_whitespace() => Class::OtherSpace,
        c if c.is_control() => Class::Control,
        _ => Class::Keep,
    }
}

/// Trims, collapses runs of spaces into one U+0020, turns other spaces into U+0020
/// and removes zero-width and control characters. Borrows when nothing changes.
///
/// # Example
///
/// ```
/// assert_eq!(dq_clean::whitespace::collapse_spaces(" 1\u{202f}234  ,5 "), "1 234 ,5");
/// ```
pub fn collapse_spaces(s: &str) -> Cow<'_, str> {
    match normalize(s) {
        Verdict::Valid { value, .. } => value,
        _ => Cow::Borrowed(s),
    }
}

/// Whether `s` needs no change: only characters kept as they are and single U+0020
/// spaces between them. One pass over the bytes; characters beyond ASCII (`É`, `ç`)
/// are classified one by one, so accented clean values also borrow.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if b.is_ascii() {
        // Vectorizable checks for the common case.
        return b.iter().all(|c| (0x20..0x7f).contains(c)) && !b.windows(2).any(|w| w == b"  ");
    }
    let mut prev_space = false;
    let mut i = 0usize;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            let space = c == b' ';
            if (space && prev_space) || (!space && !(0x21..0x7f).contains(&c)) {
                return false;
            }
            prev_space = space;
            i += 1;
            continue;
        }
        // A character beyond ASCII: decode it from here.
        let Some(ch) = s.get(i..).and_then(|t| t.chars().next()) else {
            return false;
        };
        if class(ch) != Class::Keep {
            return false;
        }
        prev_space = false;
        i += ch.len_utf8();
    }
    true
}

/// Normalizes the spaces of one value. Always [`Verdict::Valid`]; the rule names the
/// most notable change: `"control"`, `"zero_width"`, `"nbsp"` (any space other than
/// U+0020, tabs included), `"collapse_spaces"`, `"trim"`, or `"as_is"`.
///
/// # Example
///
/// ```
/// let v = dq_clean::whitespace::normalize(" Lille ");
/// assert_eq!((v.value(), v.rule()), (Some("Lille"), Some("trim")));
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    if is_clean(s) {
        return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
    }
    normalize_general(s)
}

/// The general path, character by character.
fn normalize_general(s: &str) -> Verdict<'_> {
    let (mut control, mut zero) = (false, false);
    let (mut other, mut collapse, mut trim) = (false, false, false);
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut run_other = false;
    let mut run_len = 0usize;
    for c in s.chars() {
        match class(c) {
            Class::Keep => {
                if pending_space {
                    if !out.is_empty() {
                        out.push(' ');
                        collapse |= run_len > 1;
                        other |= run_other;
                    } else {
                        trim = true;
                    }
                    pending_space = false;
                }
                run_len = 0;
                run_other = false;
                out.push(c);
            }
            k @ (Class::Space | Class::OtherSpace) => {
                run_other |= k == Class::OtherSpace;
                run_len += 1;
                pending_space = true;
            }
            Class::ZeroWidth => zero = true,
            Class::Control => control = true,
        }
    }
    if pending_space {
        trim = true;
    }
    let rule = if control {
        "control"
    } else if zero {
        "zero_width"
    } else if other {
        "nbsp"
    } else if collapse {
        "collapse_spaces"
    } else if trim {
        "trim"
    } else {
        "as_is"
    };
    if out == s {
        return Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" };
    }
    Verdict::Valid { value: Cow::Owned(out), rule }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn prop_fast_path_agrees(s in "[a-zÉé' \u{a0}\t\u{200b}\u{7}-]{0,12}") {
            if is_clean(&s) {
                let v = normalize_general(&s);
                proptest::prop_assert_eq!(v.value(), Some(s.as_str()));
            }
        }
    }

    #[test]
    fn clean_values_borrow() {
        for s in ["Lyon 3e", "Saint-Étienne", "Besançon", "Pont-l'Évêque", "Œuvre", "a", ""] {
            assert!(is_clean(s), "{s:?}");
            assert!(matches!(normalize(s), Verdict::Valid { value: Cow::Borrowed(_), .. }));
        }
        for s in [" Lyon", "Lyon ", "Le  Havre", "Évry\u{a0}", "a\tb", "É\u{200b}", "\u{7}"] {
            assert!(!is_clean(s), "{s:?}");
        }
    }

    fn check(input: &str, expected: &str, rule: &str) {
        let v = normalize(input);
        assert_eq!(v.value(), Some(expected), "{input:?}");
        assert_eq!(v.rule(), Some(rule), "{input:?}");
    }

    #[test]
    fn table() {
        check("Paris", "Paris", "as_is");
        check("", "", "as_is");
        check("  ", "", "trim");
        check(" Paris ", "Paris", "trim");
        check("Rue  de   la Paix", "Rue de la Paix", "collapse_spaces");
        check("1\u{a0}234,56", "1 234,56", "nbsp");
        check("1\u{202f}234", "1 234", "nbsp");
        check("1\u{2009}234", "1 234", "nbsp");
        check("a\tb", "a b", "nbsp");
        check("Saint\u{200b}-Denis", "Saint-Denis", "zero_width");
        check("\u{feff}Nom", "Nom", "zero_width");
        check("Nom\u{1}", "Nom", "control");
        check("Évry Courcouronnes", "Évry Courcouronnes", "as_is");
        check("l\u{a0}", "l", "trim");
    }
}
