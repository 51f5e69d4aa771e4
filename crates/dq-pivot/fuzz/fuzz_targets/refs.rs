//! Fuzzes the readers of #11 and #14: postal code forms, circonscription, canton,
//! country, FANTOIR, PCS, EPCI-name and département-part lookups: no panic, and a postal
//! code read out of a cell exists, is a CEDEX or is an unlisted code of a served
//! département.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(p) = dq_pivot::postal::parse_parts(s) {
        assert_eq!(p.code.len(), 5);
        // A code in no list is read only when its département is served (a CEDEX or
        // retired code, `postal::is_unlisted`), never rewritten.
        assert!(
            dq_pivot::postal::exists(&p.code)
                || p.cedex.is_some()
                || (p.rule == "unlisted" && dq_pivot::postal::is_unlisted(&p.code))
        );
    }
    let _ = dq_pivot::circonscription::parse(s);
    let _ = dq_pivot::canton::parse_code(s);
    let _ = dq_pivot::canton::official_name(s);
    let _ = dq_pivot::country::by_alpha2(s);
    let _ = dq_pivot::country::by_alpha3(s);
    let _ = dq_pivot::country::by_numeric(s);
    let _ = dq_pivot::country::pays_name(s);
    let _ = dq_pivot::fantoir::is_valid(s);
    let _ = dq_pivot::pcs::is_label(s);
    let _ = dq_pivot::pcs::is_code(s);
    let _ = dq_pivot::epci::epci_by_name(s);
    let _ = dq_pivot::region::departement_part(s);
    let _ = dq_pivot::region::arrondissement(s);
});
