//! Fuzzes the number parser under each convention (none, decimal comma, decimal point):
//! no panic; a valid output is canonical and re-parses to itself with a decimal point;
//! ambiguous candidates are canonical too.
#![no_main]

use dq_clean::number::{self, DecimalSeparator, NumberConvention};
use dq_clean::Verdict;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let point = NumberConvention::new(DecimalSeparator::Point);
    let conventions =
        [NumberConvention::default(), NumberConvention::new(DecimalSeparator::Comma), point];
    for c in &conventions {
        match number::parse_with(s, c) {
            Verdict::Valid { value, .. } => {
                assert!(number::kind_of(&value).is_some(), "{s:?} → non-canonical {value:?}");
                assert_eq!(number::parse_with(&value, &point).value(), Some(value.as_ref()));
            }
            Verdict::Ambiguous { candidates, .. } => {
                assert!(!candidates.is_empty(), "{s:?}: ambiguous without candidates");
                for cand in &candidates {
                    assert!(number::kind_of(cand).is_some(), "{s:?} → candidate {cand:?}");
                }
            }
            Verdict::Null | Verdict::Invalid { .. } => {}
        }
    }
});
