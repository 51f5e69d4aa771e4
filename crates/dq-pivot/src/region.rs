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

use dq_clean::{Normalizer, Verdict};

use crate::commune::admin_table::{DEPARTEMENTS, OLD_REGIONS, REGIONS};
use crate::commune::fold::fold_into;
use crate::commune::strip_float;

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
    fold_into(s, &mut out);
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
    let key = folded(name);
    DEPARTEMENTS.iter().find(|r| folded(r.2) == key).map(dep_row)
}

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
    if let Some(r) = REGIONS.iter().find(|r| folded(r.2) == key) {
        return Some(region_row(r));
    }
    let old = OLD_REGIONS.iter().find(|r| folded(r.1) == key)?;
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
