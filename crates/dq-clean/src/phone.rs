//! French telephone numbers to E.164: `01 23 45 67 89` → `+33123456789`.
//!
//! Accepted: national numbers `01`–`09` with spaces, dots, dashes or slashes, `+33`,
//! `0033`, `+33 (0)1…`. Overseas numbers get their own country code, also when written
//! with `+33`: Guadeloupe, Saint-Martin, Saint-Barthélemy `+590` (`0590`, `0690`,
//! `0691`), Martinique `+596` (`0596`, `0696`, `0697`), Guyane `+594` (`0594`, `0694`),
//! Réunion and Mayotte `+262` (`0262`, `0263`, `0692`, `0693`, `0269`, `0639`),
//! Saint-Pierre-et-Miquelon `+508`. Other numbers written with `+` are kept as E.164.
//!
//! Rules: `"e164"`, `"e164_overseas"` (overseas prefix in a national number),
//! `"overseas_country_code"` (an overseas number written with `+33`),
//! `"special_number"` (`08…`), `"short_number"` (`15`, `112`, `3949`…) kept as is,
//! `"leading_zero_restored"` (nine digits: a spreadsheet dropped the `0`),
//! `"e164_foreign"`. An Excel-mangled `1,23457E+08` is invalid (digits were lost);
//! `145678901.0` (Excel read it as a float) gets its zero back (`"leading_zero_restored"`);
//! two numbers in one cell are ambiguous, with both candidates. `(+33) 1 45 …` is read
//! as `+33 1 45 …`. An extension (`poste 45`, `p. 45`, `ext. 45`) is kept as RFC 3966's
//! `;ext=45` (rule `"extension"`), a trailing comment in parentheses (`(accueil)`) is cut
//! off (rule `"comment_removed"`), both together give `"extension_comment_removed"`.
//!
//! ```
//! use dq_clean::phone;
//!
//! assert_eq!(phone::normalize("01.23.45.67.89").value(), Some("+33123456789"));
//! assert_eq!(phone::normalize("0692 12 34 56").value(), Some("+262692123456"));
//! assert_eq!(phone::normalize("+33 590 12 34 56").value(), Some("+590590123456"));
//! assert_eq!(phone::normalize("1,23457E+08").status(), "invalid");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::{Normalizer, Verdict};

/// The phone normalizer (kind `phone`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Phone;

impl Normalizer for Phone {
    fn name(&self) -> &'static str {
        "phone"
    }
    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        normalize(input)
    }
}

/// Overseas national prefixes (three digits after the trunk `0`) and their country code.
const OVERSEAS: &[(&str, &str)] = &[
    ("590", "590"),
    ("690", "590"),
    ("691", "590"),
    ("596", "596"),
    ("696", "596"),
    ("697", "596"),
    ("594", "594"),
    ("694", "594"),
    ("262", "262"),
    ("263", "262"),
    ("692", "262"),
    ("693", "262"),
    ("269", "262"),
    ("639", "262"),
    ("508", "508"),
];

const SHORT: &[&str] =
    &["15", "17", "18", "112", "114", "115", "119", "116000", "191", "196", "197"];

fn invalid(reason: String) -> Verdict<'static> {
    Verdict::Invalid { reason: Cow::Owned(reason) }
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '.'
            | '-'
            | '/'
            | '\u{a0}'
            | '\u{202f}'
            | '\u{2009}'
            | '\t'
            | '('
            | ')'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2013}'
    )
}

/// Strips a leading label such as `Tél :`, `tel.`, `Mobile :`.
fn strip_label(s: &str) -> &str {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    for p in ["tél", "tel", "téléphone", "telephone", "portable", "mobile", "fixe", "fax", "port"]
    {
        if lower_starts(p) {
            let rest = s.get(p.len()..).unwrap_or("");
            let rest = rest.trim_start_matches(|c: char| c == '.' || c == ':' || c.is_whitespace());
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
                return rest;
            }
        }
    }
    s
}

/// Normalizes one telephone number.
///
/// # Example
///
/// ```
/// let v = dq_clean::phone::normalize("01 23 45 67 89 / 06 12 34 56 78");
/// assert_eq!(v.status(), "ambiguous");
/// assert_eq!(dq_clean::phone::normalize("123456789").rule(), Some("leading_zero_restored"));
/// ```
pub fn normalize(s: &str) -> Verdict<'_> {
    let t = s.trim();
    if t.is_empty() || crate::null::is_null(t) {
        return Verdict::Null;
    }
    // `06 12 34 56 78 (accueil)`, `01 45 … poste 45`: the number, then what follows.
    let (core, comment) = strip_comment(t);
    let (core, ext) = strip_extension(core);
    if comment || ext.is_some() {
        return match normalize(core) {
            Verdict::Valid { value, rule } => {
                // What the inner call cut: `06 … (accueil) poste 12`.
                let comment = comment || rule.ends_with("comment_removed");
                if ext.is_some() && rule.starts_with("extension") {
                    return invalid(format!("{t:?} has two extensions"));
                }
                // An extension follows a number of at least nine digits, as when it is
                // read back (`+22011166;ext=0` would not be): what a comment hid does not
                // count.
                if ext.is_some() && value.bytes().filter(u8::is_ascii_digit).count() < 9 {
                    return invalid(format!("{t:?}: an extension after too short a number"));
                }
                let mut value = value.into_owned();
                if let Some(e) = ext {
                    value.push_str(";ext=");
                    value.push_str(e);
                }
                let rule = match (ext.is_some(), comment) {
                    (true, true) => "extension_comment_removed",
                    (true, false) => "extension",
                    _ => "comment_removed",
                };
                if value == s {
                    Verdict::Valid { value: Cow::Borrowed(s), rule: "as_is" }
                } else {
                    Verdict::Valid { value: Cow::Owned(value), rule }
                }
            }
            v => v.into_owned(),
        };
    }
    // `145678901.0`: Excel read the number as a float, dropping the leading zero.
    if let Some(c) = t.strip_suffix(".0").or_else(|| t.strip_suffix(",0")) {
        if c.len() == 9 && c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0') {
            return national_number(c, t, true);
        }
    }
    // Excel scientific notation: the last digits are gone.
    if t.contains(['E', 'e']) && t.contains('+') && t.chars().any(|c| c == ',' || c == '.') {
        let sci = t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'E' | 'e' | '+'));
        if sci {
            return invalid(format!("{t:?} is in scientific notation: digits were lost"));
        }
    }
    // Two numbers in one cell.
    let parts: Vec<&str> = split_numbers(t);
    if parts.len() >= 2 {
        let mut cands = Vec::new();
        for p in &parts {
            if let Verdict::Valid { value, .. } = one(p) {
                cands.push(value.into_owned());
            }
        }
        if cands.len() >= 2 {
            return Verdict::Ambiguous {
                reason: Cow::Borrowed("more than one telephone number in the cell"),
                candidates: cands,
            };
        }
    }
    match one(t) {
        Verdict::Valid { value, rule } if value == s => {
            Verdict::Valid { value: Cow::Borrowed(s), rule }
        }
        v => v.into_owned(),
    }
}

/// Cuts a trailing comment in parentheses (`(accueil)`, `(standard)`): a letter inside,
/// so that `(0)` and digits stay.
fn strip_comment(t: &str) -> (&str, bool) {
    if let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) {
        let (head, inner) = t.split_at_checked(open).unwrap_or((t, ""));
        let head = head.trim_end();
        if inner.chars().any(char::is_alphabetic) && head.chars().any(|c| c.is_ascii_digit()) {
            return (head, true);
        }
    }
    (t, false)
}

/// Splits off an extension written after the number: `poste 45`, `p. 45`, `p45`,
/// `ext. 45`, `x 45`, or RFC 3966's `;ext=45`.
fn strip_extension(t: &str) -> (&str, Option<&str>) {
    let digits_end = t.trim_end();
    let start = digits_end
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    let Some(start) = start else { return (t, None) };
    let (head, ext) = digits_end.split_at_checked(start).unwrap_or((t, ""));
    let head = head.trim_end();
    // The common case, a plain number: no marker ends in a digit.
    if ext.len() > 6 || head.is_empty() || head.ends_with(|c: char| c.is_ascii_digit()) {
        return (t, None);
    }
    for marker in [";ext=", "poste", "ext.", "ext", "p.", "p", "x"] {
        let Some(cut) = head.len().checked_sub(marker.len()) else { continue };
        let Some((before, tail)) = head.split_at_checked(cut) else { continue };
        if !tail.eq_ignore_ascii_case(marker) {
            continue;
        }
        // A marker is a word of its own: `poste`, not `…xposte`.
        let word = marker.starts_with(';') || !before.ends_with(|c: char| c.is_ascii_alphabetic());
        let number = before.trim_end().trim_end_matches([',', '-', '/']).trim_end();
        if word && number.bytes().filter(u8::is_ascii_digit).count() >= 9 {
            return (number, Some(ext));
        }
    }
    (t, None)
}

/// Splits a cell holding several numbers on `;`, `,`, `|`, ` / `, ` ou `, ` et `, line breaks.
fn split_numbers(t: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = vec![t];
    for sep in [";", ",", "|", "\n", " / ", " ou ", " OU ", " et ", " - "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

fn one(t: &str) -> Verdict<'static> {
    let t = strip_label(t.trim());
    // `(+33) 1 45 …`: the country code in brackets.
    let bracketed;
    let t = match t.strip_prefix("(+").and_then(|r| r.split_once(')')) {
        Some((cc, rest)) if !cc.is_empty() && cc.bytes().all(|b| b.is_ascii_digit()) => {
            bracketed = format!("+{cc} {}", rest.trim_start());
            bracketed.as_str()
        }
        _ => t,
    };
    let mut digits = String::with_capacity(16);
    let plus = t.starts_with('+');
    let mut rest = if plus { t.get(1..).unwrap_or("") } else { t };
    // `+33 (0)1…`: the trunk zero in brackets is dropped.
    let trunk_in_brackets;
    {
        let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        trunk_in_brackets = compact.contains("(0)");
    }
    let owned;
    if trunk_in_brackets {
        owned = rest.replacen("(0)", "", 1).replacen("( 0 )", "", 1);
        rest = &owned;
    }
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_sep(c) {
            return invalid(format!("{t:?} contains {c:?}, not a telephone character"));
        }
    }
    if digits.is_empty() {
        return invalid(format!("{t:?} has no digits"));
    }
    if plus {
        return international(&digits, t);
    }
    if let Some(intl) = digits.strip_prefix("00") {
        return international(intl, t);
    }
    if SHORT.contains(&digits.as_str()) || (digits.len() == 4 && digits.starts_with('3')) {
        return Verdict::Valid { value: Cow::Owned(digits), rule: "short_number" };
    }
    match digits.len() {
        10 => match digits.strip_prefix('0') {
            Some(national) => national_number(national, t, false),
            None => invalid(format!("{t:?}: ten digits not starting with 0")),
        },
        9 if !digits.starts_with('0') => national_number(&digits, t, true),
        11 if digits.starts_with("33") => match digits.get(2..) {
            Some(n) => national_number(n, t, false),
            None => invalid(format!("{t:?}: too short")),
        },
        n => invalid(format!("{t:?} has {n} digits, a French number has 10")),
    }
}

fn international(digits: &str, t: &str) -> Verdict<'static> {
    if let Some(n) = digits.strip_prefix("33") {
        let n = if n.len() == 10 { n.strip_prefix('0').unwrap_or(n) } else { n };
        if n.len() != 9 {
            return invalid(format!("{t:?}: a +33 number has 9 digits after the country code"));
        }
        let v = national_number(n, t, false);
        return match v {
            Verdict::Valid { value, rule: "e164_overseas" } => {
                Verdict::Valid { value, rule: "overseas_country_code" }
            }
            v => v,
        };
    }
    for cc in ["590", "596", "594", "262", "508"] {
        if let Some(n) = digits.strip_prefix(cc) {
            let n = if n.len() == 10 { n.strip_prefix('0').unwrap_or(n) } else { n };
            if n.len() == 9 || (cc == "508" && n.len() == 6) {
                return Verdict::Valid { value: Cow::Owned(format!("+{cc}{n}")), rule: "e164" };
            }
            return invalid(format!("{t:?}: wrong number of digits after +{cc}"));
        }
    }
    if (8..=15).contains(&digits.len()) && !digits.starts_with('0') {
        return Verdict::Valid { value: Cow::Owned(format!("+{digits}")), rule: "e164_foreign" };
    }
    invalid(format!("{t:?} is not a valid international number"))
}

/// `n` is the national significant number (nine digits, no trunk zero).
fn national_number(n: &str, t: &str, restored: bool) -> Verdict<'static> {
    if n.len() != 9 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return invalid(format!("{t:?}: wrong number of digits"));
    }
    if n.starts_with('0') {
        return invalid(format!("{t:?}: no French number starts with 00 after the trunk"));
    }
    if let Some(pfx) = n.get(..3) {
        if let Some((_, cc)) = OVERSEAS.iter().find(|(p, _)| *p == pfx) {
            if *cc == "508" {
                // Saint-Pierre-et-Miquelon: six-digit subscriber numbers after 508.
                let sub = n.get(3..).unwrap_or("");
                return Verdict::Valid {
                    value: Cow::Owned(format!("+508{sub}")),
                    rule: if restored { "leading_zero_restored" } else { "e164_overseas" },
                };
            }
            return Verdict::Valid {
                value: Cow::Owned(format!("+{cc}{n}")),
                rule: if restored { "leading_zero_restored" } else { "e164_overseas" },
            };
        }
    }
    let rule = if restored {
        "leading_zero_restored"
    } else if n.starts_with('8') {
        "special_number"
    } else {
        "e164"
    };
    Verdict::Valid { value: Cow::Owned(format!("+33{n}")), rule }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let v = normalize(input);
        let got = v.value().unwrap_or(v.status());
        assert_eq!(got, expected, "{input:?} {v:?}");
        if let Some(out) = v.value() {
            assert_eq!(normalize(out).value(), Some(out), "{out:?} reparses");
        }
    }

    #[test]
    fn table() {
        check("01 23 45 67 89", "+33123456789");
        check("01.23.45.67.89", "+33123456789");
        check("01-23-45-67-89", "+33123456789");
        check("+33 1 23 45 67 89", "+33123456789");
        check("+33 (0)1 23 45 67 89", "+33123456789");
        check("0033 1 23 45 67 89", "+33123456789");
        check("06 12 34 56 78", "+33612345678");
        check("0590 12 34 56", "+590590123456");
        check("0690 12 34 56", "+590690123456");
        check("0596 12 34 56", "+596596123456");
        check("0696 12 34 56", "+596696123456");
        check("0594 12 34 56", "+594594123456");
        check("0262 12 34 56", "+262262123456");
        check("0269 61 12 34", "+262269611234");
        check("0639 12 34 56", "+262639123456");
        check("+33 6 92 12 34 56", "+262692123456");
        check("+262 692 12 34 56", "+262692123456");
        check("0508 41 23 45", "+508412345");
        check("+508 41 23 45", "+508412345");
        check("0800 123 456", "+33800123456");
        check("15", "15");
        check("3949", "3949");
        check("123456789", "+33123456789");
        check("1,23457E+08", "invalid");
        check("01 23 45 67", "invalid");
        check("01 23 45 67 89 / 06 12 34 56 78", "ambiguous");
        check("01 23 45 67 89; 06 12 34 56 78", "ambiguous");
        check("Tél : 01 23 45 67 89", "+33123456789");
        check("", "null");
        check("abc", "invalid");
        check("+32 2 123 45 67", "+3221234567");
    }

    proptest::proptest! {
        /// An extension written after a number is the number's E.164 form plus `;ext=`,
        /// and the output reads back to itself.
        #[test]
        fn prop_extension_is_kept(
            n in "0[1-7]( ?[0-9]{2}){4}", m in "(poste|p\\.|ext\\.|P) ?", e in "[0-9]{1,5}"
        ) {
            let plain = normalize(&n).value().map(str::to_owned);
            let input = format!("{n} {m}{e}");
            let with = normalize(&input);
            let expected = plain.map(|p| format!("{p};ext={e}"));
            proptest::prop_assert_eq!(with.value().map(str::to_owned), expected.clone());
            if let Some(out) = expected {
                let again = normalize(&out);
                proptest::prop_assert_eq!(again.value(), Some(out.as_str()));
            }
        }
    }

    #[test]
    fn forms_written_by_others() {
        // Issue #14: Excel damage, bracketed country code, extensions, comments.
        check("145678901.0", "+33145678901");
        check("612345678,0", "+33612345678");
        check("0145678901.0", "invalid");
        check("(+33) 1 45 67 89 01", "+33145678901");
        check("(+33)6 12 34 56 78", "+33612345678");
        check("(+262) 692 12 34 56", "+262692123456");
        check("01 45 67 89 01 poste 45", "+33145678901;ext=45");
        check("01 45 67 89 01 p. 45", "+33145678901;ext=45");
        check("01 45 67 89 01 p45", "+33145678901;ext=45");
        check("01.45.67.89.01 - poste 1234", "+33145678901;ext=1234");
        check("+33 1 45 67 89 01 ext. 7", "+33145678901;ext=7");
        check("06 12 34 56 78 (accueil)", "+33612345678");
        check("06 12 34 56 78 (accueil) poste 12", "+33612345678;ext=12");
        check("01 45 67 89 01 poste 4 poste 5", "invalid");
        check("01 45 67 89 01 poste 45 (standard)", "+33145678901;ext=45");
        check("+33 (0)1 45 67 89 01", "+33145678901");
        check("(accueil)", "invalid");
        check("poste 45", "invalid");
        assert_eq!(normalize("06 12 34 56 78 (accueil)").rule(), Some("comment_removed"));
        assert_eq!(normalize("01 45 67 89 01 poste 45").rule(), Some("extension"));
        assert_eq!(
            normalize("01 45 67 89 01 poste 45 (standard)").rule(),
            Some("extension_comment_removed")
        );
        assert_eq!(
            normalize("06 12 34 56 78 (accueil) poste 12").rule(),
            Some("extension_comment_removed")
        );
        assert_eq!(normalize("145678901.0").rule(), Some("leading_zero_restored"));
        assert_eq!(normalize("+33145678901;ext=45").rule(), Some("as_is"));
        // Found by fuzzing: the digits of a comment made a short number look long
        // enough for an extension, which then did not read back.
        assert_eq!(normalize("+22(011166(2682211!11x0)x0").status(), "invalid");
    }
}
