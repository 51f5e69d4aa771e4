//! Fuzz target: `csv_from_reader_with` (detection, sniffing, the record guard and the csv
//! reader) never panics on any bytes, and no record it hands out is wider than the
//! field limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut opts = dq_encoding::CsvOptions::default();
    opts.max_fields(8).max_field_bytes(64).max_record_bytes(256);
    let Ok(mut src) = dq_encoding::csv_from_reader_with(data, &opts) else { return };
    let mut rec = dq_encoding::TextRecord::new();
    while let Ok(true) = src.read_text_record(&mut rec) {
        assert!(rec.len() <= 8);
    }
});
