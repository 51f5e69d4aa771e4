//! Fuzzes `cle_interop` parsing and the address key: no panic, a parsed key parses to
//! itself, and the address key is a pure function of its input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(k) = dq_pivot::ban::CleInterop::parse(s) {
        let again = dq_pivot::ban::CleInterop::parse(k.as_str()).map(|k| k.as_str().to_owned());
        assert_eq!(again.ok().as_deref(), Some(k.as_str()));
        let _ = (k.commune(), k.voie(), k.numero(), k.suffixes().count());
    }
    let a = dq_pivot::ban::address_key(s, Some(s));
    assert_eq!(a, dq_pivot::ban::address_key(s, Some(s)));
});
