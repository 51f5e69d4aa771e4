//! Property tests of detection: never panics, never answers an encoding under which
//! the bytes are invalid, and detects French text it encoded itself.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use dq_encoding::{detect, detect_sample, Encoding, Transcoder};
use proptest::prelude::*;

fn french_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Créteil",
        "Saint-Étienne",
        "École",
        "élémentaire",
        "Hôtel",
        "de",
        "ville",
        "Château",
        "à",
        "côté",
        "François",
        "Noël",
        "rue",
        "la",
        "République",
        "LYCÉE",
        "PRÉFECTURE",
        "Chalon-sur-Saône",
        "Bénédicte",
        "Jérôme",
        "Boulangerie-pâtisserie",
        "Nîmes",
        "42218",
        "75056",
        "1 234,50",
        "12,00",
        "Île-de-France",
        "Forêt",
        "Août",
        "Garçon",
        "Maïs",
    ]);
    prop::collection::vec(words, 3..40).prop_map(|w| w.join(";"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prop_detect_never_panics_and_answer_decodes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for d in [detect(&bytes), detect_sample(&bytes)] {
            prop_assert!(d.confidence >= 0.0 && d.confidence <= 1.0);
            prop_assert!(!d.evidence.is_empty());
        }
        let d = detect(&bytes);
        if d.binary.is_none() && !d.corrupt_utf8 {
            let mut t = Transcoder::from_detection(&d);
            let mut out = String::new();
            prop_assert!(t.feed(&bytes, &mut out, true).is_ok(), "{} {}", d.encoding, d.evidence);
        }
    }

    #[test]
    fn prop_detect_french_text_round_trips(text in french_text(), k in 0usize..8) {
        let enc = Encoding::ALL[k % Encoding::ALL.len()];
        let Ok(bytes) = enc.encode(&text) else { return Ok(()) };
        let d = detect(&bytes);
        let back = d.encoding.decode(&bytes).unwrap();
        prop_assert_eq!(back, text.clone(), "{} answered {} ({})", enc, d.encoding, d.evidence);
    }
}
