//! Minimal folding for name matching: lower case, no accents, letters and digits only.
//!
//! This is a private stand-in until dq-clean's `fold` module lands; switch to it then
//! (keeping the same output: ASCII lower-case words separated by one space).

/// Appends the folded form of `c` to `out` and returns true, or returns false when `c`
/// is not a letter or a digit (a separator, collapsed by the caller).
fn push_folded(c: char, out: &mut String) -> bool {
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

/// Folds `s` into lower-case ASCII words separated by single spaces.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        if !push_folded(c, out) && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    fn check(input: &str, expected: &str) {
        let mut out = String::new();
        super::fold_into(input, &mut out);
        assert_eq!(out, expected, "{input:?}");
    }

    #[test]
    fn folds() {
        check("L'Abergement-Clémenciat", "l abergement clemenciat");
        check("  ÎLE  d’Yeu ", "ile d yeu");
        check("Œuilly", "oeuilly");
        check("", "");
        check("--", "");
    }
}
