//! Fuzzes the commune-code, postal-code, département, région and commune-name parsers:
//! no panic, and a normalized value normalizes to itself.
#![no_main]

use dq_clean::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let ns: [&dyn Normalizer; 5] = [
        &dq_pivot::commune::InseeNormalizer,
        &dq_pivot::postal::PostalCodeNormalizer,
        &dq_pivot::region::DepartementNormalizer,
        &dq_pivot::region::RegionNormalizer,
        &dq_pivot::ban::CleInteropNormalizer,
    ];
    for n in ns {
        if let Some(out) = n.normalize(s).value() {
            assert_eq!(n.normalize(out).value(), Some(out));
        }
    }
    let _ = dq_pivot::commune::resolve_name(s, Some(s));
    let _ = dq_pivot::commune::official_name(s);
    // A lenient reading reads strictly once written out; postal codes likewise.
    if let Ok((code, _)) = dq_pivot::CommuneCode::parse_lenient(s) {
        assert_eq!(code.as_str().parse::<dq_pivot::CommuneCode>().ok(), Some(code));
    }
    if let Ok((code, _)) = dq_pivot::postal::PostalCode::parse_lenient(s) {
        assert_eq!(code.as_str().parse::<dq_pivot::postal::PostalCode>().ok(), Some(code));
    }
});
