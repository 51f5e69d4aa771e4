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
///
/// ASCII bytes take a fast path (no character decoding); a space is written before a
/// word when a separator came before it, so there is none at either end.
pub(crate) fn fold_into(s: &str, out: &mut String) {
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
        if push_folded(c, out) {
            gap = false;
        } else {
            out.truncate(mark);
            gap = true;
        }
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
        check("Saint-Étienne-du-Rouvray", "saint etienne du rouvray");
        check("  Ç'Œ  ", "c oe");
        check("Ville·Neuve", "ville neuve");
        check("Ωmega 3", "\u{3c9}mega 3");
    }
}
