//! Pushes arbitrary lines into one column accumulator, whole and split in two merged
//! halves: no panic, and the merge keeps counts, nulls and the exact distinct count.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cells: Vec<&str> = text.split('\n').collect();
    let p = dq_profile::Profiler::new();
    let mut whole = dq_profile::ColumnAccumulator::new(0, "code", &p);
    let mut left = dq_profile::ColumnAccumulator::new(0, "code", &p);
    let mut right = dq_profile::ColumnAccumulator::new(0, "code", &p);
    let half = cells.len() / 2;
    for (i, c) in cells.iter().enumerate() {
        whole.push(c, i as u64 + 2);
        if i < half {
            left.push(c, i as u64 + 2);
        } else {
            right.push(c, i as u64 + 2);
        }
    }
    left.merge(&right);
    let (w, m) = (whole.finish(), left.finish());
    assert_eq!(w.count, cells.len() as u64);
    assert_eq!((w.count, w.nulls, w.null_tokens.clone()), (m.count, m.nulls, m.null_tokens));
    if !w.distinct_is_estimate && !m.distinct_is_estimate {
        assert_eq!(w.distinct, m.distinct);
    }
    assert_eq!((w.min_length, w.max_length), (m.min_length, m.max_length));
});
