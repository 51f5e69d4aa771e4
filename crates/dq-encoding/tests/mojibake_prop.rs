//! Property tests of mojibake repair: never panics, idempotent, leaves clean French text
//! unchanged, and undoes windows-1252 and Mac Roman misreadings of French text.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions: a failure there is a test failure"
)]

use dq_encoding::mojibake::repair;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Café",
    "de",
    "la",
    "Gare",
    "à",
    "côté",
    "église",
    "Hôtel",
    "Ville",
    "Château",
    "Thierry",
    "Saint-Étienne",
    "Besançon",
    "Orléans",
    "Nîmes",
    "Ève",
    "crème",
    "brûlée",
    "œuvre",
    "cœur",
    "sœur",
    "naïf",
    "Noël",
    "Anaïs",
    "Benoît",
    "François",
    "août",
    "déjà",
    "voilà",
    "où",
    "ça",
    "garçon",
    "fenêtre",
    "forêt",
    "île",
    "maître",
    "dîner",
    "Rhône",
    "piqûre",
    "aïeul",
    "Müller",
    "l’été",
    "d’Œuvre",
    "«",
    "»",
    "–",
    "—",
    "…",
    "€",
    "N°",
    "1\u{a0}234,56",
    "12,5\u{202f}%",
    "ÉCOLE",
    "CRÈCHE",
    "ÉGLISE",
    "HÔPITAL",
    "CÔTE-D’OR",
    "ÎLE-DE-FRANCE",
    "À",
    "ÇA",
    "ÂGE",
    "Paris",
    "75056",
    "2A004",
    "rue",
    "des",
    "Écoles",
    "Œ",
    "Ÿ",
    "Ÿvonne",
    "Zoé",
    "Chloé",
];

const SEPS: &[&str] = &[" ", ", ", " ; ", "-", " – ", "’", "\u{a0}", " / "];

fn french_text() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(SEPS)), 1..12)
        .prop_map(|parts| {
            let mut s = String::new();
            for (i, (w, sep)) in parts.iter().enumerate() {
                if i > 0 {
                    s.push_str(sep);
                }
                s.push_str(w);
            }
            s
        })
}

/// Text made of the characters that mojibake is made of, to reach the deep paths.
fn mojibake_alphabet() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'Ã', 'Â', 'Å', 'â', '€', '™', '©', '‰', '’', '”', '¢', '√', '├', '┬', 'ö', 'ü', '£',
            'ƒ', 'Æ', '\u{a0}', ' ', 'a', 'S', 'O', 'ð', 'Ÿ', '˜', '\u{81}', '\u{89}', 'Ô', 'Ç',
            'ò',
        ]),
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn misread(s: &str, enc: &'static encoding_rs::Encoding) -> String {
    enc.decode_without_bom_handling(s.as_bytes()).0.into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_never_panics(s in any::<String>()) {
        let _ = repair(&s);
    }

    #[test]
    fn prop_never_panics_on_mojibake_characters(s in mojibake_alphabet()) {
        let _ = repair(&s);
    }

    #[test]
    fn prop_idempotent(s in mojibake_alphabet()) {
        let once = repair(&s);
        let twice = repair(&once.text);
        prop_assert!(!twice.is_changed(), "{:?} -> {:?} -> {:?}", s, once.text, twice.text);
    }

    #[test]
    fn prop_idempotent_on_broken_french(s in french_text()) {
        let broken = misread(&misread(&s, encoding_rs::WINDOWS_1252), encoding_rs::WINDOWS_1252);
        let once = repair(&broken);
        prop_assert!(!repair(&once.text).is_changed());
    }

    #[test]
    fn prop_leaves_clean_french_unchanged(s in french_text()) {
        let r = repair(&s);
        prop_assert!(!r.is_changed(), "{:?} -> {:?}", s, r.text);
        prop_assert_eq!(&r.text, &s);
    }

    #[test]
    fn prop_undoes_windows_1252_once_and_twice(s in french_text()) {
        let once = misread(&s, encoding_rs::WINDOWS_1252);
        prop_assert_eq!(&repair(&once).text, &s);
        let twice = misread(&once, encoding_rs::WINDOWS_1252);
        prop_assert_eq!(&repair(&twice).text, &s);
    }

    #[test]
    fn prop_undoes_mac_roman(s in french_text()) {
        // Mac Roman makes signs of lead bytes (`√`, `¬`): a run is evidence inside a word,
        // and signs alone are repaired only in pairs, so a text without an accented word
        // may stay as it is (`¬´` alone is also an ASCII-art face).
        let broken = misread(&s, encoding_rs::MACINTOSH);
        let got = repair(&broken).text;
        let has_word = s
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 2 && !w.is_ascii());
        if has_word {
            prop_assert_eq!(&got, &s);
        } else {
            prop_assert!(got == s || got == broken, "{:?} -> {:?}", broken, got);
        }
    }
}
