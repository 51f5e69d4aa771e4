//! Identifier vetoes: two records whose valid identifiers of one kind differ describe
//! different entities, whatever their names and addresses say.
//!
//! A value is first brought to its canonical form with `dq-pivot`'s validators
//! ([`canonical`]): a SIRET or SIREN that passes its Luhn keys, a FINESS, UAI or RNA that
//! parses, a BAN `cle_interop`, a commune code of the COG, a full birth date. A value that
//! does not validate gives no canonical form and so never vetoes: when unsure, compare as
//! usual. Two canonical values veto a pair when [`compatible`] says they cannot be the
//! same entity.
//!
//! ```
//! use dq_dedupe::veto::{canonical, compatible, IdKind};
//!
//! let key = |kind, v| { let mut s = String::new(); canonical(kind, v, &mut s); s };
//! // Siblings of one SIREN are different establishments.
//! let (a, b) = (key(IdKind::Siret, "732 829 320 00074"), key(IdKind::Siret, "73282932000116"));
//! assert_eq!(a, "73282932000074");
//! assert!(!compatible(IdKind::Siret, &a, &b));
//! // A SIREN alone is compatible with the SIRETs that start with it.
//! assert!(compatible(IdKind::Siret, "732829320", &a));
//! // An invalid value (bad Luhn key) has no canonical form: it never vetoes.
//! assert_eq!(key(IdKind::Siret, "73282932000075"), "");
//! ```

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::compare::Scratch;

/// The kind of an identifier that can veto a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IdKind {
    /// A SIRET (14 digits, Luhn keys); a SIREN alone (9 digits) in the same column is
    /// compatible with every SIRET that starts with it.
    Siret,
    /// A SIREN (9 digits, Luhn key): different companies.
    Siren,
    /// A FINESS number (EJ or ET).
    Finess,
    /// A UAI (school, 7 digits and a key letter).
    Uai,
    /// An RNA number (association, `W` and 9 digits, or an old number).
    Rna,
    /// A BAN address key (`cle_interop`).
    CleInterop,
    /// An INSEE commune code of the COG, in a table of communes.
    Commune,
    /// A person's full birth date: different when the dates differ by more than a keying
    /// error (one character, day and month swapped, one year apart).
    BirthDate,
    /// A code the table itself gives each entity (a house number, its suffix), compared
    /// after folding.
    Key,
    /// A person's given name: two given names that are not one name up to a typo, an
    /// initial or a part of a compound name (`Jade` and `Sophie`, same surname, birth
    /// date and address: twins) are two persons, unless an identifier the pair compares
    /// agrees, or the given name of one is the surname of the other (swapped fields).
    GivenName,
    /// A person's sex (`F`/`M`, `H`, `Femme`/`Homme`, `Mme`/`M.`, `2`/`1`): a woman and a
    /// man are two persons (the two members of a departmental binôme, a couple), unless
    /// an identifier the pair compares agrees.
    Sex,
}

impl IdKind {
    /// A short stable name (`siret`, `birth-date`…), as in the TOML configuration.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_dedupe::veto::IdKind::CleInterop.as_str(), "cle-interop");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Siret => "siret",
            IdKind::Siren => "siren",
            IdKind::Finess => "finess",
            IdKind::Uai => "uai",
            IdKind::Rna => "rna",
            IdKind::CleInterop => "cle-interop",
            IdKind::Commune => "commune",
            IdKind::BirthDate => "birth-date",
            IdKind::Key => "key",
            IdKind::GivenName => "given-name",
            IdKind::Sex => "sex",
        }
    }
}

/// Writes the canonical form of `raw` as an identifier of `kind` into `out`, or leaves
/// `out` empty when `raw` is empty or does not validate.
///
/// # Example
///
/// ```
/// use dq_dedupe::veto::{canonical, IdKind};
/// let mut out = String::new();
/// canonical(IdKind::BirthDate, "5/3/1962", &mut out);
/// assert_eq!(out, "1962-03-05");
/// canonical(IdKind::Commune, "99999", &mut out);
/// assert_eq!(out, "");
/// ```
pub fn canonical(kind: IdKind, raw: &str, out: &mut String) {
    out.clear();
    let raw = raw.trim();
    if raw.is_empty() {
        return;
    }
    match kind {
        IdKind::Siret | IdKind::Siren => {
            let mut digits = [0u8; 14];
            let mut n = 0usize;
            for c in raw.chars() {
                match c {
                    '0'..='9' => {
                        let Some(slot) = digits.get_mut(n) else { return };
                        *slot = c as u8;
                        n += 1;
                    }
                    ' ' | '.' | '-' | '\u{a0}' | '\u{202f}' => {}
                    _ => return,
                }
            }
            let Some(d) = digits.get(..n) else { return };
            let Ok(s) = std::str::from_utf8(d) else { return };
            let ok = match (kind, n) {
                (IdKind::Siret, 14) => dq_pivot::Siret::is_valid_compact(d),
                (IdKind::Siret, 9) | (IdKind::Siren, 9) => dq_pivot::Siren::from_str(s).is_ok(),
                // A SIREN column holding SIRETs: compare their SIREN.
                (IdKind::Siren, 14) if dq_pivot::Siret::is_valid_compact(d) => {
                    out.push_str(s.get(..9).unwrap_or(""));
                    return;
                }
                _ => false,
            };
            if ok {
                out.push_str(s);
            }
        }
        IdKind::Finess => {
            if let Ok((f, _)) = dq_pivot::Finess::parse_lenient(raw) {
                out.push_str(&f.to_string());
            }
        }
        IdKind::Uai => {
            if let Ok(u) = dq_pivot::Uai::from_str(raw) {
                out.push_str(&u.to_string());
            }
        }
        IdKind::Rna => {
            if let Ok(r) = dq_pivot::Rna::from_str(raw) {
                out.push_str(r.as_str());
            }
        }
        IdKind::CleInterop => {
            if let Ok(k) = dq_pivot::CleInterop::parse(raw) {
                out.push_str(&k.as_str().to_ascii_lowercase());
            }
        }
        IdKind::Commune => {
            if let Ok(c) = dq_pivot::CommuneCode::from_str(raw) {
                out.push_str(c.as_str());
            }
        }
        IdKind::BirthDate => {
            if let Some((y, m, d)) = birth_date(raw) {
                out.push_str(&format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        IdKind::Key => {
            crate::fold::fold_into(raw, out);
            out.retain(|c| c != ' ');
        }
        IdKind::GivenName => dq_clean::fold::match_key_into(raw, out),
        IdKind::Sex => {
            // Folded in place, then replaced by its letter.
            let start = out.len();
            crate::fold::fold_into(raw, &mut *out);
            let folded: String =
                out.get(start..).unwrap_or("").chars().filter(|&c| c != ' ' && c != '.').collect();
            out.truncate(start);
            out.push_str(match folded.as_str() {
                "F" | "FEMME" | "FEMININ" | "FEMALE" | "MME" | "MADAME" | "MLLE"
                | "MADEMOISELLE" | "2" => "F",
                "M" | "H" | "HOMME" | "MASCULIN" | "MALE" | "MR" | "MONSIEUR" | "1" => "M",
                _ => "",
            });
        }
    }
}

/// The mark of a value that does not validate, in [`prepare`]'s output.
const INVALID: char = '\u{1}';

/// Like [`canonical`], but a non-empty value that does not validate, in a column of a
/// kind with a checked form (SIRET, SIREN, FINESS, UAI, RNA, `cle_interop`), is kept
/// folded and marked: a placeholder (`DRIVE`, `AUTRE`) where the other record has a valid
/// identifier is another entity, while a typo (one edit away) is not.
pub(crate) fn prepare(kind: IdKind, raw: &str, out: &mut String) {
    canonical(kind, raw, out);
    let checked = matches!(
        kind,
        IdKind::Siret
            | IdKind::Siren
            | IdKind::Finess
            | IdKind::Uai
            | IdKind::Rna
            | IdKind::CleInterop
    );
    if out.is_empty() && checked && !raw.trim().is_empty() {
        out.push(INVALID);
        let start = out.len();
        crate::fold::fold_into(raw, &mut *out);
        let folded: String = out.get(start..).unwrap_or("").chars().filter(|c| *c != ' ').collect();
        out.truncate(start);
        out.push_str(&folded);
    }
}

/// A full date: `yyyy-mm-dd`, `yyyymmdd`, or day first with one or two digits
/// (`5/3/1962`, `05-03-1962`, `05.03.1962`); a time after a space or `T` is ignored.
pub(crate) fn birth_date(raw: &str) -> Option<(u32, u32, u32)> {
    let date = raw.split([' ', 'T']).next().unwrap_or("");
    if let Some(d) = crate::compare::parse_date(date) {
        return Some((u32::try_from(d.year).ok()?, d.month, d.day));
    }
    let mut parts = date.split(['/', '-', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (d, m, y) =
        if a.len() == 4 { (num(c)?, num(b)?, num(a)?) } else { (num(a)?, num(b)?, num(c)?) };
    if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > 31 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let max = match m {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    };
    (d <= max).then_some((y, m, d))
}

/// Whether two canonical values (see [`canonical`]) may describe one entity; an empty
/// value is compatible with everything.
///
/// # Example
///
/// ```
/// use dq_dedupe::veto::{compatible, IdKind};
/// assert!(compatible(IdKind::BirthDate, "1962-11-25", "1962-11-52".get(..0).unwrap()));
/// assert!(compatible(IdKind::BirthDate, "1962-11-25", "1962-11-26"));
/// assert!(!compatible(IdKind::BirthDate, "1962-11-25", "1980-05-05"));
/// assert!(!compatible(IdKind::Finess, "010001733", "010005239"));
/// ```
pub fn compatible(kind: IdKind, a: &str, b: &str) -> bool {
    compatible_with(kind, a, b, &mut Scratch::new())
}

/// [`compatible`] with the caller's comparison buffers (no allocation once warm).
pub(crate) fn compatible_with(kind: IdKind, a: &str, b: &str, s: &mut Scratch) -> bool {
    if a.is_empty() || b.is_empty() || a == b {
        return true;
    }
    match (a.strip_prefix(INVALID), b.strip_prefix(INVALID)) {
        (Some(_), Some(_)) => return true,
        (Some(x), None) => return s.within_one_edit(x, b),
        (None, Some(y)) => return s.within_one_edit(a, y),
        (None, None) => {}
    }
    match kind {
        IdKind::Siret => match (a.len(), b.len()) {
            (9, 14) => b.starts_with(a),
            (14, 9) => a.starts_with(b),
            _ => false,
        },
        IdKind::GivenName => given_names_compatible(a, b, s),
        IdKind::BirthDate => crate::compare::dates_one_typo_apart(a, b, s),
        _ => false,
    }
}

/// Whether two given names (match keys: upper-case words) may be one person's: the words
/// of one are all among the other's, an initial standing for a word (`JEAN` and `JEAN
/// PIERRE`, `MARIE CHRISTINE` and `CHRISTINE`, `J P` and `JEAN PIERRE`), or a typo (two
/// edits apart when both have five letters or more, one otherwise: `PIHLIPPE`,
/// `PHILIPPE`). Two compound names that part ways (`JEAN PIERRE` and `JEAN PAUL`) are
/// two names.
pub(crate) fn given_names_compatible(a: &str, b: &str, s: &mut Scratch) -> bool {
    fn words(v: &str) -> impl Iterator<Item = &str> + '_ {
        v.split(' ').filter(|w| !w.is_empty())
    }
    // Whether every word of `x` is a word of `y`, or the initial of one.
    fn covered(x: &str, y: &str) -> bool {
        words(x).all(|w| words(y).any(|v| v == w || (w.len() == 1 && v.starts_with(w))))
    }
    if covered(a, b) || covered(b, a) {
        return true;
    }
    let limit = if a.len().min(b.len()) >= 5 { 2 } else { 1 };
    s.osa(a, b) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(kind: IdKind, v: &str) -> String {
        let mut s = String::new();
        canonical(kind, v, &mut s);
        s
    }

    /// Whether `a` and `b`, read as `kind`, may be one entity.
    fn check(kind: IdKind, a: &str, b: &str, expected: bool) {
        let (x, y) = (key(kind, a), key(kind, b));
        assert_eq!(compatible(kind, &x, &y), expected, "{kind:?} {a:?} {b:?} ({x:?} {y:?})");
        assert_eq!(compatible(kind, &y, &x), expected, "{kind:?} {b:?} {a:?} (symmetric)");
    }

    #[test]
    fn given_names_of_twins_differ_and_variants_do_not() {
        let g = IdKind::GivenName;
        // Different persons.
        check(g, "Sophie", "Jade", false);
        check(g, "Jean", "Christine", false);
        check(g, "Théo", "Pierre", false);
        check(g, "Léa", "Lou", false);
        // Compound names that part ways: brothers, or placeholders numbered in words.
        check(g, "Jean-Pierre", "Jean-Paul", false);
        check(g, "Marie-Hélène", "Marie-Christine", false);
        check(g, "Elu-Dix", "Elu-Huit", false);
        // One person: typos, accents, case, initials, compound names.
        check(g, "Pihlippe", "Philippe", true);
        check(g, "Oliiver", "Olivier", true);
        check(g, "Hélène", "HELENE", true);
        check(g, "J.", "Jean", true);
        check(g, "Jean-Pierre", "Jean", true);
        check(g, "Marie-Christine", "Christine", true);
        check(g, "J.-P.", "Jean-Pierre", true);
        check(g, "Jean François", "Jean-François Emmanuel", true);
        check(g, "Pierre Jean", "Jean-Pierre", true);
        check(g, "Noé", "Noe", true);
        check(g, "Léa", "Lea", true);
        check(g, "", "Jade", true);
    }

    #[test]
    fn placeholders_veto_and_typos_do_not() {
        let prep = |kind, v: &str| {
            let mut s = String::new();
            prepare(kind, v, &mut s);
            s
        };
        let check = |kind, a: &str, b: &str, expected: bool| {
            let (x, y) = (prep(kind, a), prep(kind, b));
            assert_eq!(compatible(kind, &x, &y), expected, "{a:?} {b:?}");
            assert_eq!(compatible(kind, &y, &x), expected, "{b:?} {a:?}");
        };
        check(IdKind::Finess, "DRIVE", "280504267", false);
        check(IdKind::Finess, "AUTRE", "DRIVE", true);
        check(IdKind::Siret, "73282932000075", "73282932000074", true);
        check(IdKind::Siret, "7328293200007", "73282932000074", true);
        check(IdKind::Siret, "en cours", "73282932000074", false);
        // Dates that do not parse never veto.
        check(IdKind::BirthDate, "19560931", "1956-04-09", true);
    }

    #[test]
    fn vetoes() {
        // Siblings of one SIREN, a SIREN alone, a typo (invalid: no veto), spaces.
        check(IdKind::Siret, "73282932000074", "73282932000116", false);
        check(IdKind::Siret, "732829320", "73282932000074", true);
        check(IdKind::Siret, "356000000", "73282932000074", false);
        check(IdKind::Siret, "73282932000074", "73282932000075", true);
        check(IdKind::Siret, "732 829 320 00074", "73282932000074", true);
        check(IdKind::Siret, "", "73282932000074", true);
        check(IdKind::Siren, "732829320", "356000000", false);
        check(IdKind::Siren, "73282932000074", "732829320", true);
        // FINESS: two sites, and the same site written twice.
        check(IdKind::Finess, "010001733", "010005239", false);
        check(IdKind::Finess, "010001733", "010001733", true);
        // Communes: Ambléon and Ambleny are two communes; an unknown code never vetoes.
        check(IdKind::Commune, "01006", "02011", false);
        check(IdKind::Commune, "01006", "99999", true);
        // Birth dates: keying errors are compatible, other dates are not.
        check(IdKind::BirthDate, "25/11/1962", "1962-11-25", true);
        check(IdKind::BirthDate, "25/11/1962", "25/11/1963", true);
        check(IdKind::BirthDate, "03/04/1980", "04/03/1980", true);
        check(IdKind::BirthDate, "5/5/1980", "25/11/1962", false);
        check(IdKind::BirthDate, "19560409", "19560419", true);
        check(IdKind::BirthDate, "19560409", "19710212", false);
        // Two keys swapped across the month and the day is one typo; a whole other date
        // is not.
        check(IdKind::BirthDate, "23/11/1939", "13/12/1939", true);
        check(IdKind::BirthDate, "21/11/1962", "11/12/1962", true);
        check(IdKind::BirthDate, "30/10/1925", "08/07/1925", false);
        check(IdKind::BirthDate, "13/12/1939", "31/12/1949", false);
        check(IdKind::BirthDate, "1962", "1980", true);
        // House numbers of one street.
        check(IdKind::Key, "2", "8", false);
        check(IdKind::Key, "14", " 14 ", true);
        check(IdKind::Key, "bis", "BIS", true);
        // A woman and a man; an unknown or missing sex says nothing.
        check(IdKind::Sex, "F", "M", false);
        check(IdKind::Sex, "Femme", "H", false);
        check(IdKind::Sex, "Mme", "M.", false);
        check(IdKind::Sex, "2", "1", false);
        check(IdKind::Sex, "f", "Femme", true);
        check(IdKind::Sex, "M.", "Monsieur", true);
        check(IdKind::Sex, "F", "inconnu", true);
        check(IdKind::Sex, "F", "", true);
    }

    proptest! {
        #[test]
        fn prop_canonical_never_panics_and_is_idempotent(v in ".{0,20}", k in 0usize..10) {
            let kind = [IdKind::Siret, IdKind::Siren, IdKind::Finess, IdKind::Uai, IdKind::Rna,
                IdKind::CleInterop, IdKind::Commune, IdKind::BirthDate, IdKind::Key,
                IdKind::Sex][k];
            let once = key(kind, &v);
            prop_assert_eq!(key(kind, &once), once.clone());
            prop_assert!(compatible(kind, &once, &once));
        }
    }
}
