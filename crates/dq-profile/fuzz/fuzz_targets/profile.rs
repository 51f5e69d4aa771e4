//! Profiles arbitrary bytes as a CSV file, with one and with two threads: no panic, and
//! when the bytes are read as a table, every column has seen every row and both profiles
//! are the same, field for field (column-parallel threads change nothing).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut one = dq_profile::Profiler::new();
    one.threads(1);
    let mut two = dq_profile::Profiler::new();
    two.threads(2);
    let (a, b) = (one.profile_reader(data), two.profile_reader(data));
    match (a, b) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.rows, b.rows);
            assert_eq!(a.columns.len(), b.columns.len());
            for (c, d) in a.columns.iter().zip(&b.columns) {
                assert_eq!(c.count, a.rows, "column {} saw every row", c.index);
                assert!(c.nulls <= c.count);
                assert_eq!((c.count, c.nulls, c.distinct), (d.count, d.nulls, d.distinct));
                assert_eq!(c.format, d.format);
            }
            assert!(a.duplicate_rows <= a.rows);
            // Debug output compares NaN means equal to themselves.
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        (Err(_), Err(_)) => {}
        (a, b) => panic!("one thread gave {:?}, two threads {:?}", a.is_ok(), b.is_ok()),
    }
});
