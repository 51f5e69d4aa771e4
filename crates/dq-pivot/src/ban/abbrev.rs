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

/// A word of at most 8 bytes packed big-endian into a `u64`, zero-padded: packed words
/// compare as the words do (folded words hold no NUL byte), so a sorted word list gives
/// a sorted key list, searched with integer compares instead of `memcmp` calls.
const fn pack(word: &str) -> u64 {
    let mut rest = word.as_bytes();
    let mut key = 0u64;
    let mut n = 0;
    while n < 8 {
        key <<= 8;
        if let [c, tail @ ..] = rest {
            key |= *c as u64;
            rest = tail;
        }
        n += 1;
    }
    key
}

/// [`pack`] for a word that may be longer than 8 bytes (then no key).
fn key(word: &str) -> Option<u64> {
    (word.len() <= 8).then(|| pack(word))
}

/// The packed keys of `ABBREVIATIONS`, in the same (sorted) order.
#[allow(
    clippy::indexing_slicing,
    reason = "const evaluation: an index out of range fails the build"
)]
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut rest = ABBREVIATIONS;
    let mut i = 0;
    while let [(a, _), tail @ ..] = rest {
        keys[i] = pack(a);
        rest = tail;
        i += 1;
    }
    keys
};

/// The packed keys of `STOP_WORDS`.
#[allow(
    clippy::indexing_slicing,
    reason = "const evaluation: an index out of range fails the build"
)]
const STOP_KEYS: [u64; STOP_WORDS.len()] = {
    let mut keys = [0u64; STOP_WORDS.len()];
    let mut rest = STOP_WORDS;
    let mut i = 0;
    while let [w, tail @ ..] = rest {
        keys[i] = pack(w);
        rest = tail;
        i += 1;
    }
    keys
};

/// The expansion of an abbreviation, or the word itself.
pub(super) fn expand(word: &str) -> &str {
    let Some(k) = key(word) else { return word };
    match ABBREVIATION_KEYS.binary_search(&k) {
        Ok(i) => ABBREVIATIONS.get(i).map_or(word, |(_, e)| *e),
        Err(_) => word,
    }
}

/// Whether a folded word is dropped from keys.
pub(super) fn is_stop_word(word: &str) -> bool {
    key(word).is_some_and(|k| STOP_KEYS.contains(&k))
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
    use super::*;

    #[test]
    fn sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|(a, _)| a.len() <= 8));
    }

    #[test]
    fn packed_lookups_agree_with_the_lists() {
        for (a, e) in ABBREVIATIONS {
            assert_eq!(expand(a), *e);
        }
        for w in STOP_WORDS {
            assert!(is_stop_word(w));
        }
        for w in ["", "avenue", "ru", "rue", "stes", "boulevards", "a\u{e9}", "abcdefghij"] {
            assert_eq!(expand(w), ABBREVIATIONS.iter().find(|(a, _)| a == &w).map_or(w, |p| p.1));
            assert_eq!(is_stop_word(w), STOP_WORDS.contains(&w));
        }
    }
}
