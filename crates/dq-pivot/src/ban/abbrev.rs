//! Street-type and title abbreviations used in French addresses.
//!
//! The abbreviations are those of the DGFiP FANTOIR "nature de voie" list and of AFNOR
//! NF Z 10-011 (as used by BAN and La Poste's RNVP): a short list of public
//! conventions, kept sorted for binary search; a test checks the order.

/// `(abbreviation, expansion)`, sorted by abbreviation.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("all", "allee"),
    ("av", "avenue"),
    ("ave", "avenue"),
    ("bd", "boulevard"),
    ("bld", "boulevard"),
    ("blvd", "boulevard"),
    ("bvd", "boulevard"),
    ("car", "carrefour"),
    ("ch", "chemin"),
    ("che", "chemin"),
    ("chem", "chemin"),
    ("cit", "cite"),
    ("cite", "cite"),
    ("cl", "clos"),
    ("cne", "commune"),
    ("cours", "cours"),
    ("crs", "cours"),
    ("ctre", "centre"),
    ("dom", "domaine"),
    ("dr", "docteur"),
    ("esp", "esplanade"),
    ("fbg", "faubourg"),
    ("fg", "faubourg"),
    ("gal", "general"),
    ("gde", "grande"),
    ("gr", "grande"),
    ("ham", "hameau"),
    ("hlm", "hlm"),
    ("imp", "impasse"),
    ("lot", "lotissement"),
    ("lt", "lieutenant"),
    ("mal", "marechal"),
    ("mgr", "monseigneur"),
    ("mte", "montee"),
    ("n", "nord"),
    ("nd", "notre dame"),
    ("pass", "passage"),
    ("pde", "promenade"),
    ("pl", "place"),
    ("plt", "plateau"),
    ("pont", "pont"),
    ("pr", "professeur"),
    ("prof", "professeur"),
    ("prom", "promenade"),
    ("pte", "porte"),
    ("qu", "quai"),
    ("qua", "quartier"),
    ("quai", "quai"),
    ("r", "rue"),
    ("res", "residence"),
    ("rle", "ruelle"),
    ("rpt", "rond point"),
    ("rte", "route"),
    ("sen", "sentier"),
    ("sq", "square"),
    ("st", "saint"),
    ("ste", "sainte"),
    ("sts", "saints"),
    ("tra", "traverse"),
    ("vla", "villa"),
    ("vlge", "village"),
    ("za", "zone artisanale"),
    ("zac", "zone amenagement concerte"),
    ("zi", "zone industrielle"),
];

/// Small words dropped from matching keys.
const STOP_WORDS: &[&str] =
    &["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"];

/// The expansion of an abbreviation, or the word itself.
pub(super) fn expand(word: &str) -> &str {
    match ABBREVIATIONS.binary_search_by(|(a, _)| (*a).cmp(word)) {
        Ok(i) => ABBREVIATIONS.get(i).map_or(word, |(_, e)| *e),
        Err(_) => word,
    }
}

/// Whether a folded word is dropped from keys.
pub(super) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// The canonical repetition index of a folded word after a number, if it is one.
pub(super) fn repetition(word: &str) -> Option<&'static str> {
    Some(match word {
        "b" | "bis" => "bis",
        "t" | "ter" => "ter",
        "q" | "qua" | "quater" => "quater",
        "quinquies" => "quinquies",
        "a" => "a",
        "c" => "c",
        "d" => "d",
        "e" => "e",
        "f" => "f",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted() {
        assert!(super::ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
