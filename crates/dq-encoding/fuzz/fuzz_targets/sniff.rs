//! Fuzz target: CSV dialect sniffing never panics on any text, and the sniffed dialect
//! configures a reader that reads the text without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = dq_encoding::sniff::sniff(&text);
    assert!(matches!(d.delimiter, b',' | b';' | b'\t' | b'|'));
    let body = d.strip_preamble(&text);
    let mut rdr = d.reader_builder().from_reader(body.as_bytes());
    for rec in rdr.records().take(1000) {
        let _ = rec;
    }
});
