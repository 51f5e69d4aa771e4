//! Base Adresse Nationale: the interoperability key `cle_interop` and a matching key for
//! free-text French addresses.
//!
//! `cle_interop` is `{insee}_{voie}_{numero}[_{suffixe}…]`, lower-case, the number padded
//! to 5 digits. [`CleInterop::parse`] follows the rules of the BAL reference validator
//! (`@ban-team/validateur-bal`, field `cle_interop`): trim, at least three non-empty
//! segments, a commune code of the COG (an old commune is a warning), a voie of 4
//! characters (`xxxx`/`0000` = no voie, a warning), a numeric number padded to 5
//! digits (a warning when it was not), lower-case output. Two deliberate differences:
//! the parent codes of Paris, Lyon and Marseille (`75056`, `69123`, `13055`) are invalid
//! because BAN keys use arrondissement codes, and 6-character voie codes, which BAN also
//! issues, are accepted.
//!
//! ```
//! use dq_pivot::ban::{address_key, CleInterop, Warning};
//!
//! let k = CleInterop::parse("  94002_0120_12_BIS ")?;
//! assert_eq!(k.to_string(), "94002_0120_00012_bis");
//! assert!(k.warnings().contains(&Warning::NumberPadded));
//!
//! let a = address_key("12 bis av. du Gal de Gaulle", Some("94002"));
//! let b = address_key("12B AVENUE DU GENERAL DE GAULLE", Some("94002"));
//! assert_eq!(a, b);
//! assert_eq!(a, "94002|12bis|avenue general gaulle");
//! # Ok::<(), dq_pivot::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use dq_clean::{Normalizer, Verdict};

use crate::commune::{self, CommuneKind};
use dq_clean::fold::name_key_into;

/// A warning of the BAL validator that does not make the key invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// The key was not lower-case (`casse_invalide`).
    Case,
    /// Spaces around the key were removed.
    Trimmed,
    /// The commune is an old commune (déléguée, associée or historic code:
    /// `commune_ancienne`).
    OldCommune,
    /// The voie is `xxxx` or `0000` (`voie_non_renseignee`).
    NoVoie,
    /// The number had fewer than 5 digits and was padded (`numero_prefixe_manquant`).
    NumberPadded,
}

impl Warning {
    /// The BAL validator's code for this warning.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_pivot::ban::Warning::NoVoie.as_str(), "voie_non_renseignee");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Warning::Case => "casse_invalide",
            Warning::Trimmed => "espaces_debut_fin",
            Warning::OldCommune => "commune_ancienne",
            Warning::NoVoie => "voie_non_renseignee",
            Warning::NumberPadded => "numero_prefixe_manquant",
        }
    }
}

/// Why a `cle_interop` is invalid (the BAL validator's error codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyReason {
    /// Empty after trimming.
    Empty,
    /// Fewer than 3 segments, or an empty segment (`structure_invalide`).
    Structure,
    /// The commune part is not a code of the COG (`commune_invalide`).
    Commune,
    /// The commune part is Paris, Lyon or Marseille as a whole; keys use arrondissements.
    ParentCommune,
    /// The voie part is not 4 (or 6) letters or digits (`voie_invalide`).
    Voie,
    /// The number part is not digits, or longer than 5 digits (`numero_invalide`).
    Numero,
}

impl KeyReason {
    /// The validator's reason of a `cle_interop` error from [`CleInterop::parse`], or
    /// `None` for an error of another identifier.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::ban::{CleInterop, KeyReason};
    /// let e = CleInterop::parse("75056_0001_00001").unwrap_err();
    /// assert_eq!(KeyReason::of(&e), Some(KeyReason::ParentCommune));
    /// ```
    pub fn of(e: &crate::Error) -> Option<KeyReason> {
        if e.identifier() != "cle_interop" {
            return None;
        }
        [
            KeyReason::Empty,
            KeyReason::Structure,
            KeyReason::Commune,
            KeyReason::ParentCommune,
            KeyReason::Voie,
            KeyReason::Numero,
        ]
        .into_iter()
        .find(|r| r.as_str() == e.reason())
    }

    /// This reason as the crate's one error type for the rejected `value`: a missing key
    /// is `Empty`, a key without the shape `Format`, a wrong commune, street or number
    /// `Component`.
    pub(crate) fn into_error(self, value: &str) -> crate::Error {
        let kind = match self {
            KeyReason::Empty => crate::ErrorKind::Empty,
            KeyReason::Structure => crate::ErrorKind::Format,
            _ => crate::ErrorKind::Component,
        };
        crate::Error::new("cle_interop", value, kind, None, self.as_str())
    }

    /// The BAL validator's code, or `commune_arrondissement_requis` for a parent code.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyReason::Empty => "valeur_manquante",
            KeyReason::Structure => "structure_invalide",
            KeyReason::Commune => "commune_invalide",
            KeyReason::ParentCommune => "commune_arrondissement_requis",
            KeyReason::Voie => "voie_invalide",
            KeyReason::Numero => "numero_invalide",
        }
    }
}

/// The error [`CleInterop::parse`] returned before it returned [`crate::Error`]; it
/// converts into that error.
#[deprecated(
    since = "0.1.0",
    note = "`CleInterop::parse` returns `dq_pivot::Error`; `KeyReason::of` reads its reason"
)]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid cle_interop {value:?}: {}", reason.as_str())]
pub struct KeyError {
    value: String,
    reason: KeyReason,
}

#[allow(deprecated, reason = "the deprecated type's own methods")]
impl KeyError {
    /// The rejected value.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Why it was rejected.
    pub fn reason(&self) -> KeyReason {
        self.reason
    }
}

/// A normalized BAN interoperability key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CleInterop {
    key: String,
    commune_len: usize,
    voie_len: usize,
    warnings: Vec<Warning>,
}

fn voie_ok(v: &str) -> bool {
    (v.len() == 4 || v.len() == 6) && v.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn parent_code(code: &str) -> bool {
    matches!(code, "75056" | "69123" | "13055")
}

impl CleInterop {
    /// Parses and normalizes a key as the BAL validator does, collecting its warnings.
    ///
    /// # Errors
    ///
    /// [`crate::Error`] when the key is invalid: kind `Empty`, `Format` or `Component`,
    /// the validator's code as its reason ([`KeyReason::of`] reads it back).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::{ban::{CleInterop, KeyReason}, ErrorKind};
    /// assert_eq!(CleInterop::parse("13201_a123_00007")?.commune(), "13201");
    /// let e = CleInterop::parse("75056_0001_00001").unwrap_err();
    /// assert_eq!((e.kind(), e.reason()), (ErrorKind::Component, "commune_arrondissement_requis"));
    /// assert_eq!(KeyReason::of(&e), Some(KeyReason::ParentCommune));
    /// # Ok::<(), dq_pivot::Error>(())
    /// ```
    pub fn parse(input: &str) -> Result<CleInterop, crate::Error> {
        CleInterop::read(input).map_err(|r| r.into_error(input))
    }

    /// [`CleInterop::parse`] with the bare reason, which costs no allocation.
    fn read(input: &str) -> Result<CleInterop, KeyReason> {
        let t = input.trim();
        if t.is_empty() {
            return Err(KeyReason::Empty);
        }
        let mut warnings = Vec::new();
        if t.len() != input.len() {
            warnings.push(Warning::Trimmed);
        }
        if t.chars().any(char::is_uppercase) {
            warnings.push(Warning::Case);
        }
        let parts: Vec<&str> = t.split('_').collect();
        if parts.len() < 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(KeyReason::Structure);
        }
        let (commune, voie, numero) = match parts.as_slice() {
            [c, v, n, ..] => (*c, *v, *n),
            _ => return Err(KeyReason::Structure),
        };
        let code = commune.to_ascii_uppercase();
        let c = commune::lookup(&code).ok_or(KeyReason::Commune)?;
        if parent_code(&code) {
            return Err(KeyReason::ParentCommune);
        }
        if !matches!(c.kind, CommuneKind::Commune | CommuneKind::Arrondissement) {
            warnings.push(Warning::OldCommune);
        }
        if !voie_ok(voie) {
            return Err(KeyReason::Voie);
        }
        let voie = voie.to_ascii_lowercase();
        if voie == "xxxx" || voie == "0000" {
            warnings.push(Warning::NoVoie);
        }
        if numero.is_empty() || !numero.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KeyReason::Numero);
        }
        let significant = numero.trim_start_matches('0');
        if significant.len() > 5 {
            return Err(KeyReason::Numero);
        }
        if numero.len() != 5 {
            warnings.push(Warning::NumberPadded);
        }
        let mut key = String::with_capacity(t.len() + 4);
        key.push_str(&code.to_ascii_lowercase());
        key.push('_');
        key.push_str(&voie);
        key.push('_');
        key.push_str(&format!("{:0>5}", significant));
        for s in parts.iter().skip(3) {
            key.push('_');
            key.push_str(&s.to_lowercase());
        }
        Ok(CleInterop { key, commune_len: code.len(), voie_len: voie.len(), warnings })
    }

    /// Builds a key from its parts (commune code, voie code, number, suffixes).
    ///
    /// # Errors
    ///
    /// As [`CleInterop::parse`] on the joined parts.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_pivot::ban::CleInterop;
    /// let k = CleInterop::from_parts("2A004", "0560", 3, &["bis"])?;
    /// assert_eq!(k.as_str(), "2a004_0560_00003_bis");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_parts(
        commune: &str,
        voie: &str,
        numero: u32,
        suffixes: &[&str],
    ) -> Result<CleInterop, crate::Error> {
        let mut s = format!("{commune}_{voie}_{numero:05}");
        for x in suffixes {
            s.push('_');
            s.push_str(x);
        }
        let mut k = CleInterop::parse(&s)?;
        k.warnings.retain(|w| matches!(w, Warning::OldCommune | Warning::NoVoie));
        Ok(k)
    }

    /// The normalized key.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The commune part, upper-case (`2A004`).
    pub fn commune(&self) -> String {
        self.key.get(..self.commune_len).unwrap_or("").to_ascii_uppercase()
    }

    /// The voie part, lower-case, `None` when it is `xxxx`/`0000`.
    pub fn voie(&self) -> Option<&str> {
        let v = self.key.get(self.commune_len + 1..self.commune_len + 1 + self.voie_len)?;
        (v != "xxxx" && v != "0000").then_some(v)
    }

    /// The number (without its zero padding).
    pub fn numero(&self) -> u32 {
        let start = self.commune_len + self.voie_len + 2;
        self.key.get(start..start + 5).and_then(|n| n.parse().ok()).unwrap_or(0)
    }

    /// The suffixes (`bis`, `a`, …), lower-case.
    pub fn suffixes(&self) -> impl Iterator<Item = &str> {
        self.key.split('_').skip(3)
    }

    /// The validator's warnings (the key stays valid).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

impl fmt::Display for CleInterop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}

impl FromStr for CleInterop {
    type Err = crate::Error;

    /// Strict: the input must already be normalized (no warning other than an old
    /// commune or a missing voie).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = CleInterop::parse(s)?;
        if k.key != s {
            return Err(crate::Error::new(
                "cle_interop",
                s,
                crate::ErrorKind::NeedsRepair,
                None,
                format!("not written as normalized ({}): use CleInterop::parse", k.key),
            ));
        }
        Ok(k)
    }
}

/// The [`Normalizer`] of `cle_interop` (`dq normalize cle-interop`): rule `as_is` or the
/// first warning's validator code (`numero_prefixe_manquant`, `casse_invalide`, …).
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::ban::CleInteropNormalizer;
/// assert_eq!(n.normalize("01001_0005_1").value(), Some("01001_0005_00001"));
/// assert_eq!(n.normalize("01001_0005").status(), "invalid");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CleInteropNormalizer;

impl Normalizer for CleInteropNormalizer {
    fn name(&self) -> &'static str {
        "cle-interop"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        match CleInterop::read(input) {
            Ok(k) => {
                let rule = k.warnings().first().map_or("as_is", |w| w.as_str());
                let value = if k.key == input { Cow::Borrowed(input) } else { Cow::Owned(k.key) };
                Verdict::Valid { value, rule }
            }
            Err(KeyReason::Empty) => Verdict::Null,
            Err(r) => Verdict::Invalid { reason: Cow::Borrowed(r.as_str()) },
        }
    }
}

mod abbrev;

/// A deterministic matching key for a free-text French address:
/// `{commune}|{number}{index}|{street words}`.
///
/// The number keeps its repetition index (`12 bis`, `12B`, `12 b` → `12bis`; `ter`, `t`
/// → `ter`; `quater`, `q` → `quater`; other letters kept as letters), street types and
/// titles are expanded from their FANTOIR/BAN abbreviations (`av` → `avenue`, `gal` →
/// `general`), case and accents are folded, and the small words `de`, `du`, `des`, `la`,
/// `le`, `les`, `l`, `d`, `et`, `a`, `au`, `aux` are dropped. The commune code, when given,
/// is read leniently and replaced by its current commune (empty when unknown). The key
/// is for joining datasets without a geocoder, not for display.
///
/// # Example
///
/// ```
/// use dq_pivot::ban::address_key;
/// assert_eq!(address_key("3, r. St-Jean", Some("1001")), "01001|3|rue saint jean");
/// assert_eq!(address_key("Lieu-dit Les Granges", None), "||lieu dit granges");
/// ```
pub fn address_key(address: &str, commune: Option<&str>) -> String {
    let mut out = String::with_capacity(address.len() + 16);
    address_key_into(address, commune, &mut String::new(), &mut out);
    out
}

/// [`address_key`] into caller buffers (`scratch` is reused for folding), for loops.
pub fn address_key_into(
    address: &str,
    commune: Option<&str>,
    scratch: &mut String,
    out: &mut String,
) {
    out.clear();
    if let Some(c) = commune {
        // Fast path for a canonical code; lenient reading (`1001`, `2a004`) otherwise.
        match commune::rows(c).first() {
            Some(r) => out.push_str(if r.5.is_empty() { r.0 } else { r.5 }),
            None => {
                if let Ok((code, _)) = commune::CommuneCode::parse_lenient(c) {
                    out.push_str(code.resolve().current);
                }
            }
        }
    }
    out.push('|');
    name_key_into(address, scratch);
    // Folded text holds no ASCII white space but single spaces between words.
    let mut words = scratch.split_ascii_whitespace().peekable();
    // The number, possibly glued to its index (`12b`, `12bis`).
    if let Some(first) = words.peek().copied() {
        let digits = first.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            words.next();
            let (num, rest) = first.split_at_checked(digits).unwrap_or((first, ""));
            out.push_str(num.trim_start_matches('0'));
            if num.bytes().all(|b| b == b'0') {
                out.push('0');
            }
            let index = if rest.is_empty() {
                match words.peek().copied().and_then(abbrev::repetition) {
                    Some(ix) => {
                        words.next();
                        Some(ix)
                    }
                    None => None,
                }
            } else {
                Some(abbrev::repetition(rest).unwrap_or(rest))
            };
            if let Some(ix) = index {
                out.push_str(ix);
            }
        }
    }
    out.push('|');
    let mut first_word = true;
    for w in words {
        if abbrev::is_stop_word(w) {
            continue;
        }
        if !first_word {
            out.push(' ');
        }
        first_word = false;
        out.push_str(abbrev::expand(w));
    }
}

/// The [`Normalizer`] of free-text addresses (`dq normalize address`): the output is the
/// [`address_key`] (with an optional commune hint), rule `address_key`.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::ban::AddressNormalizer::new(None);
/// assert_eq!(n.normalize("12 bis av. du Gal de Gaulle").value(), Some("|12bis|avenue general gaulle"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct AddressNormalizer {
    commune: Option<String>,
}

impl AddressNormalizer {
    /// A normalizer whose keys carry `commune` (an INSEE code).
    pub fn new(commune: Option<&str>) -> AddressNormalizer {
        AddressNormalizer { commune: commune.map(str::to_owned) }
    }
}

impl Normalizer for AddressNormalizer {
    fn name(&self) -> &'static str {
        "address"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        if input.trim().is_empty() {
            return Verdict::Null;
        }
        let key = address_key(input, self.commune.as_deref());
        if key.ends_with("||")
            || key.ends_with('|') && !key.contains(|c: char| c.is_ascii_alphanumeric())
        {
            return Verdict::Invalid { reason: Cow::Borrowed("no number nor street words") };
        }
        let value = if key == input { Cow::Borrowed(input) } else { Cow::Owned(key) };
        Verdict::Valid { value, rule: "address_key" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, KeyReason>) {
        let got = CleInterop::read(input);
        let got = got.as_ref().map(CleInterop::as_str).map_err(|r| *r);
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn cle_interop() {
        check("01001_0005_00001", Ok("01001_0005_00001"));
        check("01001_0005_1", Ok("01001_0005_00001"));
        check("01001_0005_1_BIS", Ok("01001_0005_00001_bis"));
        check("2A004_0560_00003", Ok("2a004_0560_00003"));
        check("20004_0560_00003", Ok("20004_0560_00003"));
        check("75101_1234_00010", Ok("75101_1234_00010"));
        check("75056_1234_00010", Err(KeyReason::ParentCommune));
        check("69123_1234_00010", Err(KeyReason::ParentCommune));
        check("13055_1234_00010", Err(KeyReason::ParentCommune));
        check("01001_xxxx_00001", Ok("01001_xxxx_00001"));
        check("01001_b12ab3_00001", Ok("01001_b12ab3_00001"));
        check("01001_00005_00001", Err(KeyReason::Voie));
        check("01001_0005", Err(KeyReason::Structure));
        check("01001__00001", Err(KeyReason::Structure));
        check("99999_0005_00001", Err(KeyReason::Commune));
        check("01001_0005_1a", Err(KeyReason::Numero));
        check("01001_0005_123456", Err(KeyReason::Numero));
        check("", Err(KeyReason::Empty));
        let k = CleInterop::parse("01001_XXXX_1").unwrap();
        assert_eq!(k.warnings(), &[Warning::Case, Warning::NoVoie, Warning::NumberPadded]);
        assert_eq!(k.voie(), None);
        assert_eq!(k.numero(), 1);
        let k = CleInterop::parse("01120_0005_00001").unwrap();
        assert_eq!(k.warnings(), &[Warning::OldCommune]);
        assert_eq!(k.commune(), "01120");
    }

    fn key(input: &str, expected: &str) {
        assert_eq!(address_key(input, None), expected, "{input:?}");
    }

    #[test]
    fn address_keys() {
        key("12 bis av. du Gal de Gaulle", "|12bis|avenue general gaulle");
        key("12B AVENUE DU GENERAL DE GAULLE", "|12bis|avenue general gaulle");
        key("12 b avenue du général de gaulle", "|12bis|avenue general gaulle");
        key("7 ter bd St-Michel", "|7ter|boulevard saint michel");
        key("7T BOULEVARD SAINT MICHEL", "|7ter|boulevard saint michel");
        key("5 imp. des Lilas", "|5|impasse lilas");
        key("0 rte de Lyon", "|0|route lyon");
        key("Pl. de la Mairie", "||place mairie");
        key("", "||");
        key("12 A rue Pasteur", "|12a|rue pasteur");
        key("1 fg St Antoine", "|1|faubourg saint antoine");
        key("2 mal Foch", "|2|marechal foch");
    }
}
