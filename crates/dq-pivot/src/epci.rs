//! EPCI à fiscalité propre (métropoles, communautés urbaines, d'agglomération, de
//! communes) of 1 January 2026 and their member communes.
//!
//! ```
//! use dq_pivot::epci;
//! let e = epci::epci("200046977").ok_or("not an epci")?;
//! assert_eq!(e.name, "Métropole de Lyon");
//! assert!(e.members().any(|c| c == "69123"));
//! assert!(epci::is_epci("200046977"));
//! assert!(!epci::is_epci("356000000"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::LazyLock;

use crate::commune::admin_table::EPCI;
use dq_clean::fold::name_key_into;

/// `(folded name, row of EPCI)`, sorted, built on first use.
static NAME_INDEX: LazyLock<Vec<(String, usize)>> = LazyLock::new(|| {
    let mut v: Vec<(String, usize)> = EPCI
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut k = String::with_capacity(r.2.len());
            name_key_into(r.2, &mut k);
            (k, i)
        })
        .collect();
    v.sort();
    v
});

/// One EPCI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Epci {
    /// Its SIREN (9 digits, starting with 2).
    pub siren: &'static str,
    /// `CC`, `CA`, `CU`, `METRO` (métropole), `MET69` (Lyon), as in the source.
    pub kind: &'static str,
    /// Its name.
    pub name: &'static str,
    members: &'static str,
}

impl Epci {
    /// Its member communes (INSEE codes, sorted).
    pub fn members(&self) -> impl Iterator<Item = &'static str> {
        self.members.split(' ').filter(|s| !s.is_empty())
    }
}

fn row(r: &'static (&'static str, &'static str, &'static str, &'static str)) -> Epci {
    Epci { siren: r.0, kind: r.1, name: r.2, members: r.3 }
}

/// Looks up an EPCI by SIREN.
///
/// # Example
///
/// ```
/// assert!(dq_pivot::epci::epci("200054781").is_some()); // Métropole du Grand Paris
/// ```
pub fn epci(siren: &str) -> Option<Epci> {
    let i = EPCI.binary_search_by(|r| r.0.cmp(siren)).ok()?;
    EPCI.get(i).map(row)
}

/// Whether a SIREN is an EPCI à fiscalité propre in the 2026 list.
pub fn is_epci(siren: &str) -> bool {
    epci(siren).is_some()
}

/// The EPCI a commune belongs to (by its INSEE code), if any.
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::epci::epci_of("74042").map(|e| e.siren), Some("200000172"));
/// ```
pub fn epci_of(commune: &str) -> Option<Epci> {
    EPCI.iter().find(|r| r.3.split(' ').any(|c| c == commune)).map(row)
}

/// Looks up an EPCI by its name, case, accents and punctuation ignored.
///
/// # Example
///
/// ```
/// let e = dq_pivot::epci::epci_by_name("METROPOLE DE LYON").ok_or("no epci")?;
/// assert_eq!(e.siren, "200046977");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn epci_by_name(name: &str) -> Option<Epci> {
    if name.len() > 200 {
        return None;
    }
    let mut key = String::with_capacity(name.len());
    name_key_into(name, &mut key);
    let i = NAME_INDEX.binary_search_by(|r| r.0.as_str().cmp(key.as_str())).ok()?;
    let row_index = NAME_INDEX.get(i)?.1;
    EPCI.get(row_index).map(row)
}

/// Every EPCI, sorted by SIREN.
pub fn all() -> impl Iterator<Item = Epci> {
    EPCI.iter().map(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(all().count(), 1255);
        assert!(all().all(|e| e.siren.len() == 9 && e.siren.starts_with('2')));
        assert_eq!(epci("").map(|e| e.siren), None);
        for e in all() {
            let found = epci_by_name(e.name).map(|f| f.name);
            assert_eq!(found, Some(e.name), "{}", e.name);
        }
        assert!(epci_by_name("Communauté de communes imaginaire").is_none());
    }
}
