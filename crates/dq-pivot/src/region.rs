//! Départements and régions (COG 2026): codes and names both ways, and the régions of
//! before 2016 mapped to the current ones.
//!
//! ```
//! use dq_pivot::region;
//! assert_eq!(region::departement("2A").map(|d| d.name), Some("Corse-du-Sud"));
//! assert_eq!(region::departement_by_name("cotes d'armor").map(|d| d.code), Some("22"));
//! assert_eq!(region::region_by_name("Rhône-Alpes").map(|r| r.code), Some("84"));
//! assert_eq!(region::region("82").map(|r| r.name), Some("Auvergne-Rhône-Alpes"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use dq_clean::{Normalizer, Verdict};

use crate::commune::admin_table::{
    ARRONDISSEMENTS, CTCD, DEPARTEMENTS, ELECTORAL, OLD_REGIONS, REGIONS,
};
use crate::commune::strip_float;
use dq_clean::fold::name_key_into;

/// A département (or an overseas collectivity listed with the départements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Departement {
    /// The code: `01`…`95`, `2A`, `2B`, `971`…`976`, and the COM codes.
    pub code: &'static str,
    /// The official name.
    pub name: &'static str,
    /// The current région code.
    pub region: &'static str,
    /// The chef-lieu's INSEE code.
    pub chef_lieu: &'static str,
}

/// A current région.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Region {
    /// The code (`84`, `11`, `01`…).
    pub code: &'static str,
    /// The official name.
    pub name: &'static str,
    /// The chef-lieu's INSEE code.
    pub chef_lieu: &'static str,
    /// The pre-2016 région this was found through, when the input named one.
    pub old_name: Option<&'static str>,
}

fn dep_row(
    r: &'static (&'static str, u8, &'static str, &'static str, &'static str),
) -> Departement {
    Departement { code: r.0, name: r.2, region: r.3, chef_lieu: r.4 }
}

/// Looks up a département by its exact code.
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::region::departement("971").map(|d| d.region), Some("01"));
/// ```
pub fn departement(code: &str) -> Option<Departement> {
    let i = DEPARTEMENTS.binary_search_by(|r| r.0.cmp(code)).ok()?;
    DEPARTEMENTS.get(i).map(dep_row)
}

fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    name_key_into(s, &mut out);
    out
}

/// Looks up a département by name (case, accents, hyphens and apostrophes ignored).
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::region::departement_by_name("PUY DE DOME").map(|d| d.code), Some("63"));
/// ```
pub fn departement_by_name(name: &str) -> Option<Departement> {
    let i = find_folded(&DEPARTEMENT_KEYS, &folded(name))?;
    DEPARTEMENTS.get(i).map(dep_row)
}

/// The folded names of a table with each row's index, sorted by name: one fold per
/// lookup instead of one per row.
type FoldedKeys = Vec<(String, usize)>;

fn folded_keys<'a>(names: impl Iterator<Item = &'a str>) -> FoldedKeys {
    let mut keys: FoldedKeys = names.map(folded).zip(0..).collect();
    keys.sort();
    keys
}

/// The index of the first row whose folded name is `key`.
fn find_folded(keys: &FoldedKeys, key: &str) -> Option<usize> {
    let at = keys.partition_point(|(k, _)| k.as_str() < key);
    keys.get(at).filter(|(k, _)| k == key).map(|&(_, i)| i)
}

static DEPARTEMENT_KEYS: LazyLock<FoldedKeys> =
    LazyLock::new(|| folded_keys(DEPARTEMENTS.iter().map(|r| r.2)));
static REGION_KEYS: LazyLock<FoldedKeys> =
    LazyLock::new(|| folded_keys(REGIONS.iter().map(|r| r.2)));
static OLD_REGION_KEYS: LazyLock<FoldedKeys> =
    LazyLock::new(|| folded_keys(OLD_REGIONS.iter().map(|r| r.1)));

fn region_row(r: &'static (&'static str, u8, &'static str, &'static str)) -> Region {
    Region { code: r.0, name: r.2, chef_lieu: r.3, old_name: None }
}

/// Looks up a région by code, current or pre-2016 (`82` Rhône-Alpes → `84`).
///
/// # Example
///
/// ```
/// let r = dq_pivot::region::region("91").unwrap();
/// assert_eq!((r.code, r.old_name), ("76", Some("Languedoc-Roussillon")));
/// ```
pub fn region(code: &str) -> Option<Region> {
    if let Ok(i) = REGIONS.binary_search_by(|r| r.0.cmp(code)) {
        return REGIONS.get(i).map(region_row);
    }
    let old = OLD_REGIONS.iter().find(|r| r.0 == code)?;
    let mut r = region(old.2)?;
    r.old_name = Some(old.1);
    Some(r)
}

/// Looks up a région by name, current or pre-2016 (`Languedoc-Roussillon` → `76`).
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::region::region_by_name("ile de france").map(|r| r.code), Some("11"));
/// ```
pub fn region_by_name(name: &str) -> Option<Region> {
    let key = folded(name);
    if let Some(r) = find_folded(&REGION_KEYS, &key).and_then(|i| REGIONS.get(i)) {
        return Some(region_row(r));
    }
    let old = find_folded(&OLD_REGION_KEYS, &key).and_then(|i| OLD_REGIONS.get(i))?;
    let mut r = region(old.2)?;
    r.old_name = Some(old.1);
    Some(r)
}

/// Every current département, sorted by code.
pub fn departements() -> impl Iterator<Item = Departement> {
    DEPARTEMENTS.iter().map(dep_row)
}

/// Every current région, sorted by code.
pub fn regions() -> impl Iterator<Item = Region> {
    REGIONS.iter().map(region_row)
}

/// An electoral département code of the Ministry of the Interior (`ZA` Guadeloupe…
/// `ZZ` Français établis hors de France), as its election results and the Répertoire
/// national des élus write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Electoral {
    /// The code (`ZA`).
    pub code: &'static str,
    /// What it stands for (`Guadeloupe`).
    pub name: &'static str,
    insee: &'static str,
}

impl Electoral {
    /// The INSEE département codes it stands for (`971`; `977`, `978` for `ZX`; none for
    /// `ZZ`).
    pub fn departements(&self) -> impl Iterator<Item = &'static str> {
        self.insee.split(' ').filter(|s| !s.is_empty())
    }
}

/// Looks up an electoral département code (`ZA`…`ZZ`, upper case).
///
/// # Example
///
/// ```
/// let za = dq_pivot::region::electoral("ZA").unwrap();
/// assert_eq!(za.departements().collect::<Vec<_>>(), ["971"]);
/// assert_eq!(dq_pivot::region::electoral("ZZ").map(|e| e.departements().count()), Some(0));
/// assert!(dq_pivot::region::electoral("ZE").is_none());
/// ```
pub fn electoral(code: &str) -> Option<Electoral> {
    let i = ELECTORAL.binary_search_by(|r| r.0.cmp(code)).ok()?;
    ELECTORAL.get(i).map(|r| Electoral { code: r.0, name: r.2, insee: r.1 })
}

/// Every electoral département code, sorted.
pub fn electorals() -> impl Iterator<Item = Electoral> {
    ELECTORAL.iter().map(|r| Electoral { code: r.0, name: r.2, insee: r.1 })
}

/// A collectivity with the powers of a département that is not one (`6AE`, the
/// Collectivité européenne d'Alsace): its name and the départements it groups.
///
/// # Example
///
/// ```
/// let (name, deps) = dq_pivot::region::collectivity("6AE").unwrap();
/// assert_eq!((name, deps.collect::<Vec<_>>()), ("Collectivité européenne d'Alsace", vec!["67", "68"]));
/// ```
pub fn collectivity(code: &str) -> Option<(&'static str, impl Iterator<Item = &'static str>)> {
    let r = CTCD.iter().find(|r| r.0 == code)?;
    Some((r.1, r.2.split(' ').filter(|s| !s.is_empty())))
}

/// An arrondissement départemental (not a municipal arrondissement of Paris, Lyon or
/// Marseille: see `commune`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Arrondissement {
    /// The code: the département's code and one digit (`011`, `2A1`, `9711`).
    pub code: &'static str,
    /// The département's code.
    pub departement: &'static str,
    /// The official name (its chef-lieu's, mostly).
    pub name: &'static str,
    /// The chef-lieu's INSEE code.
    pub chef_lieu: &'static str,
}

fn arr_row(r: &'static (&'static str, &'static str, &'static str, &'static str)) -> Arrondissement {
    Arrondissement { code: r.0, departement: r.1, name: r.2, chef_lieu: r.3 }
}

/// Looks up an arrondissement départemental by its code (COG 2026).
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::region::arrondissement("012").map(|a| a.name), Some("Bourg-en-Bresse"));
/// assert!(dq_pivot::region::arrondissement("019").is_none());
/// ```
pub fn arrondissement(code: &str) -> Option<Arrondissement> {
    let i = ARRONDISSEMENTS.binary_search_by(|r| r.0.cmp(code)).ok()?;
    ARRONDISSEMENTS.get(i).map(arr_row)
}

/// Every arrondissement départemental, sorted by code.
pub fn arrondissements() -> impl Iterator<Item = Arrondissement> {
    ARRONDISSEMENTS.iter().map(arr_row)
}

/// Looks up an arrondissement départemental by name (case and accents ignored); several
/// départements may have one of the same name, the first by code is returned.
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::region::arrondissement_by_name("BELLEY").map(|a| a.code), Some("011"));
/// ```
pub fn arrondissement_by_name(name: &str) -> Option<Arrondissement> {
    let key = folded(name);
    ARRONDISSEMENTS.iter().find(|r| folded(r.2) == key).map(arr_row)
}

/// The département part of a code written by the Ministry of the Interior or INSEE:
/// a current département (`01`, `2A`, `971`), a 3-digit form with a leading zero
/// (`001`, `02A`), an electoral code (`ZA`) or `6AE`. Returns the canonical code and the
/// rule (`as_is`, `three_digits`, `electoral`, `collectivity`).
///
/// # Example
///
/// ```
/// use dq_pivot::region::departement_part;
/// assert_eq!(departement_part("001"), Some(("01", "three_digits")));
/// assert_eq!(departement_part("ZA"), Some(("ZA", "electoral")));
/// assert_eq!(departement_part("6AE"), Some(("6AE", "collectivity")));
/// assert_eq!(departement_part("20"), None);
/// ```
pub fn departement_part(code: &str) -> Option<(&'static str, &'static str)> {
    if let Some(d) = departement(code) {
        return Some((d.code, "as_is"));
    }
    if let Some(e) = electoral(code) {
        return Some((e.code, "electoral"));
    }
    if let Some(r) = CTCD.iter().find(|r| r.0 == code) {
        return Some((r.0, "collectivity"));
    }
    let two = code.strip_prefix('0').filter(|t| t.len() == 2)?;
    departement(two).map(|d| (d.code, "three_digits"))
}

/// Repairs a département code: trims, spreadsheet floats, `1` → `01`, `2a` → `2A`.
fn repair_dep_code(input: &str) -> Option<(String, &'static str)> {
    let t = input.trim();
    let mut rule = if t.len() == input.len() { "as_is" } else { "trim" };
    let (s, float) = strip_float(t);
    if float {
        rule = "excel_float";
    }
    let up = s.to_ascii_uppercase();
    if up != s && departement(&up).is_some() {
        rule = "uppercase";
    }
    if departement(&up).is_some() {
        return Some((up, rule));
    }
    if up.len() == 1 && up.bytes().all(|b| b.is_ascii_digit()) {
        let padded = format!("0{up}");
        if departement(&padded).is_some() {
            return Some((padded, if float { rule } else { "leading_zero" }));
        }
    }
    None
}

/// The [`Normalizer`] of départements (`dq normalize departement`): a code or a name in,
/// the code out (rule `name` when read from a name).
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::region::DepartementNormalizer;
/// assert_eq!(n.normalize("2a").value(), Some("2A"));
/// assert_eq!(n.normalize("1").value(), Some("01"));
/// assert_eq!(n.normalize("Finistère").value(), Some("29"));
/// assert_eq!(n.normalize("20").status(), "invalid");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct DepartementNormalizer;

impl Normalizer for DepartementNormalizer {
    fn name(&self) -> &'static str {
        "departement"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        if input.trim().is_empty() {
            return Verdict::Null;
        }
        if let Some((code, rule)) = repair_dep_code(input) {
            let value = if code == input { Cow::Borrowed(input) } else { Cow::Owned(code) };
            return Verdict::Valid { value, rule };
        }
        // The Ministry of the Interior's codes (`ZA`, `ZZ`), `6AE` and `001` (#11).
        let up = input.trim().to_ascii_uppercase();
        if let Some((code, rule)) = departement_part(&up) {
            let value = if code == input { Cow::Borrowed(input) } else { Cow::Borrowed(code) };
            return Verdict::Valid { value, rule };
        }
        if input.trim() == "20" {
            return Verdict::Invalid {
                reason: Cow::Borrowed("20 (corse) was split into 2A and 2B in 1976"),
            };
        }
        match departement_by_name(input) {
            Some(d) => Verdict::Valid { value: Cow::Borrowed(d.code), rule: "name" },
            None => Verdict::Invalid { reason: Cow::Borrowed("unknown département code or name") },
        }
    }
}

/// The [`Normalizer`] of régions (`dq normalize region`): a current or pre-2016 code or
/// name in, the current code out (rules `as_is`, `name`, `old_region`).
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// let n = dq_pivot::region::RegionNormalizer;
/// assert_eq!(n.normalize("Rhône-Alpes").value(), Some("84"));
/// assert_eq!(n.normalize("Rhône-Alpes").rule(), Some("old_region"));
/// assert_eq!(n.normalize("Bretagne").value(), Some("53"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct RegionNormalizer;

impl Normalizer for RegionNormalizer {
    fn name(&self) -> &'static str {
        "region"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        let t = input.trim();
        if t.is_empty() {
            return Verdict::Null;
        }
        let (s, _) = strip_float(t);
        let code = if s.len() == 1 && s.bytes().all(|b| b.is_ascii_digit()) {
            format!("0{s}")
        } else {
            s.to_owned()
        };
        let found = region(&code).map(|r| {
            (
                r,
                if r.old_name.is_some() {
                    "old_region"
                } else if code == input {
                    "as_is"
                } else {
                    "repaired"
                },
            )
        });
        let found = found.or_else(|| {
            region_by_name(t).map(|r| (r, if r.old_name.is_some() { "old_region" } else { "name" }))
        });
        match found {
            Some((r, rule)) => {
                let value =
                    if r.code == input { Cow::Borrowed(input) } else { Cow::Borrowed(r.code) };
                Verdict::Valid { value, rule }
            }
            None => Verdict::Invalid { reason: Cow::Borrowed("unknown région code or name") },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: &dyn Normalizer, input: &str, expected: Option<&str>) {
        assert_eq!(n.normalize(input).value(), expected, "{input:?}");
    }

    #[test]
    fn every_name_finds_its_own_row() {
        for d in departements() {
            assert_eq!(departement_by_name(d.name).map(|x| x.code), Some(d.code), "{}", d.name);
            let upper = d.name.to_uppercase().replace('-', " ");
            assert_eq!(departement_by_name(&upper).map(|x| x.code), Some(d.code), "{upper}");
        }
        for r in regions() {
            assert_eq!(region_by_name(r.name).map(|x| (x.code, x.old_name)), Some((r.code, None)));
        }
        // An old région named as a current one (Guadeloupe…) is the current one.
        for old in OLD_REGIONS.iter().filter(|o| regions().all(|r| r.name != o.1)) {
            let r = region_by_name(old.1);
            assert_eq!(r.map(|x| (x.code, x.old_name)), Some((old.2, Some(old.1))), "{}", old.1);
        }
        assert_eq!(departement_by_name("Seine-et-Oise"), None);
        assert_eq!(departement_by_name(""), None);
        assert_eq!(region_by_name("Zzz"), None);
    }

    #[test]
    fn departements_both_ways() {
        let n = DepartementNormalizer;
        check(&n, "01", Some("01"));
        check(&n, "1.0", Some("01"));
        check(&n, "2B", Some("2B"));
        check(&n, "976", Some("976"));
        check(&n, "Haute-Corse", Some("2B"));
        check(&n, "Seine-Saint-Denis", Some("93"));
        check(&n, "96", None);
        check(&n, "Seine-et-Oise", None);
        // The Ministry of the Interior's codes, Alsace and 3-digit codes (#11).
        for z in ["ZA", "ZB", "ZC", "ZD", "ZM", "ZN", "ZP", "ZS", "ZW", "ZX", "ZZ"] {
            check(&n, z, Some(z));
            assert_eq!(n.normalize(z).rule(), Some("electoral"), "{z}");
        }
        check(&n, "za", Some("ZA"));
        check(&n, "ZE", None);
        check(&n, "6AE", Some("6AE"));
        // The Ministry of the Interior's electoral section of the Métropole de Lyon (RNE).
        check(&n, "69M", Some("69M"));
        check(&n, "001", Some("01"));
        check(&n, "02A", Some("2A"));
        check(&n, "095", Some("95"));
        check(&n, "096", None);
        check(&n, "0971", None);
        assert_eq!(n.normalize("001").rule(), Some("three_digits"));
        assert_eq!(electorals().count(), 11);
        assert_eq!(arrondissements().count(), 333);
        assert!(arrondissements().all(|a| a.code.starts_with(a.departement)
            && departement(a.departement).is_some()
            && a.code.len() == a.departement.len() + 1));
        assert_eq!(DEPARTEMENTS.iter().filter(|r| r.3.len() == 2).count(), 101);
    }

    #[test]
    fn regions_both_ways() {
        let n = RegionNormalizer;
        check(&n, "84", Some("84"));
        check(&n, "Auvergne-Rhône-Alpes", Some("84"));
        check(&n, "languedoc roussillon", Some("76"));
        check(&n, "Nord-Pas-de-Calais", Some("32"));
        check(&n, "Centre", Some("24"));
        check(&n, "6", Some("06"));
        check(&n, "99", None);
        assert_eq!(regions().filter(|r| r.code.len() == 2).count(), 18);
    }
}
