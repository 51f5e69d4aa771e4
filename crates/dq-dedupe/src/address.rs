//! Address keys: folded, with the usual French street-type abbreviations expanded.
//!
//! The comparison levels of addresses are tuned on this key rather than on
//! `dq_pivot::ban::address_key` (see the crate's Layering section). It folds the address
//! and expands abbreviations (`AV` → `AVENUE`, `BD` → `BOULEVARD`, `ST` → `SAINT`…), so that
//! `"12 av. Jean Jaurès"` and `"12 AVENUE JEAN JAURES"` share a key.
//!
//! ```
//! use dq_dedupe::address::address_key;
//! assert_eq!(address_key("12 av. Jean Jaurès"), address_key("12, Avenue Jean-Jaurès"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::fold::fold;

/// The normalised address: folded, street-type abbreviations expanded, `BIS`/`TER` kept;
/// a complement written before the house number (`ZA des Pins 12 rue…`, `Lieu-dit le
/// Bourg 43 impasse…`) moves after the street, where the other address line would put it.
///
/// # Example
///
/// ```
/// use dq_dedupe::address::address_key;
/// assert_eq!(address_key("3 bd St-Michel"), "3 BOULEVARD SAINT MICHEL");
/// assert_eq!(address_key("ZI Nord 12 av. du Mal Foch"), "12 AVENUE DU MARECHAL FOCH ZI NORD");
/// ```
pub fn address_key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len() + 8);
    let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let complement = matches!(
        tokens.first().copied(),
        Some("ZA" | "ZI" | "ZAC" | "ZAE" | "ZONE" | "LIEU" | "LD" | "BATIMENT" | "BAT" | "PARC")
    );
    if complement {
        if let Some(j) = tokens.iter().position(|t| t.bytes().all(|b| b.is_ascii_digit())) {
            tokens.rotate_left(j);
        }
    }
    for t in tokens {
        let e = expand(t);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(e);
    }
    out
}

/// The leading house number of a normalised address (`"12 B RUE"` → `"12"`), if any.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::address::house_number("12 bis rue de la Paix"), Some("12"));
/// assert_eq!(dq_dedupe::address::house_number("rue de la Paix"), None);
/// ```
pub fn house_number(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    t.get(..end).filter(|n| !n.is_empty())
}

fn expand(t: &str) -> &str {
    match t {
        "AV" | "AVE" | "AVN" => "AVENUE",
        "BD" | "BLD" | "BLVD" | "BOUL" => "BOULEVARD",
        "R" => "RUE",
        "PL" => "PLACE",
        "CH" | "CHE" | "CHEM" => "CHEMIN",
        "IMP" => "IMPASSE",
        "ALL" => "ALLEE",
        "RTE" => "ROUTE",
        "FBG" | "FG" => "FAUBOURG",
        "SQ" => "SQUARE",
        "CRS" => "COURS",
        "QU" | "QUA" => "QUAI",
        "ST" => "SAINT",
        "STE" => "SAINTE",
        "LOT" => "LOTISSEMENT",
        "RES" => "RESIDENCE",
        "PROM" => "PROMENADE",
        "MAL" => "MARECHAL",
        "GAL" | "GEN" => "GENERAL",
        "CDT" => "COMMANDANT",
        "PDT" => "PRESIDENT",
        "B" => "BIS",
        "T" => "TER",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(address_key(input), expected, "input {input:?}");
    }

    #[test]
    fn keys() {
        check("12 av. Jean Jaurès", "12 AVENUE JEAN JAURES");
        check("3 bd St-Michel", "3 BOULEVARD SAINT MICHEL");
        check("4 B R. de la Paix", "4 BIS RUE DE LA PAIX");
        check("137 Che Ste Anne", "137 CHEMIN SAINTE ANNE");
        check(
            "Lieu-dit le Bourg 43 impasse Jean Jaurès",
            "43 IMPASSE JEAN JAURES LIEU DIT LE BOURG",
        );
        check("ZA des Pins", "ZA DES PINS");
        check("12 rue du Gal Leclerc ZI Nord", "12 RUE DU GENERAL LECLERC ZI NORD");
        check("", "");
    }
}
