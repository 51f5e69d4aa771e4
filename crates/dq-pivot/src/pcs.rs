//! INSEE's professions and socio-professional categories (PCS, "CSP"): labels of every
//! level and the codes of the detailed level (`121f`, `7100`), from `tools/gen-refs`.
//!
//! ```
//! assert!(dq_pivot::pcs::is_label("Employés de la poste"));
//! assert!(dq_pivot::pcs::is_code("121f"));
//! assert!(!dq_pivot::pcs::is_code("121x"));
//! ```

use crate::refs_table::{CSP_LABELS, PCS_INACTIVE_CODES};
use dq_clean::fold::name_key_into;

/// Whether `label` is a PCS label, case, accents and punctuation ignored.
///
/// # Example
///
/// ```
/// assert!(dq_pivot::pcs::is_label("AGRICULTEURS EXPLOITANTS"));
/// assert!(!dq_pivot::pcs::is_label("super-héros"));
/// ```
pub fn is_label(label: &str) -> bool {
    if label.len() > 200 {
        return false;
    }
    let mut key = String::with_capacity(label.len());
    name_key_into(label, &mut key);
    CSP_LABELS.binary_search(&key.as_str()).is_ok()
}

/// Whether `code` is a PCS 2003 code of the detailed level: a group `1`…`6`, two digits
/// and a letter `a`…`l` (either case), or a post of groups 7 and 8 written with two zeros
/// (`7100`).
///
/// # Example
///
/// ```
/// assert!(dq_pivot::pcs::is_code("7100"));
/// assert!(dq_pivot::pcs::is_code("389B"));
/// assert!(!dq_pivot::pcs::is_code("7300"));
/// ```
pub fn is_code(code: &str) -> bool {
    match code.as_bytes() {
        [b'1'..=b'6', a, b, l] => {
            a.is_ascii_digit()
                && b.is_ascii_digit()
                && matches!(l.to_ascii_lowercase(), b'a'..=b'l')
        }
        _ => PCS_INACTIVE_CODES.contains(&code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        for (code, expected) in [
            ("121f", true),
            ("121F", true),
            ("6910", false),
            ("691a", true),
            ("121x", false),
            ("721a", false),
            ("8600", true),
            ("8200", false),
            ("12", false),
            ("", false),
        ] {
            assert_eq!(is_code(code), expected, "{code:?}");
        }
    }

    #[test]
    fn labels() {
        assert!(is_label("Cadres et professions intellectuelles supérieures"));
        assert!(!is_label("Paris"));
        assert_eq!(CSP_LABELS.len(), 546);
        assert!(CSP_LABELS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(PCS_INACTIVE_CODES.len(), 11);
    }
}
