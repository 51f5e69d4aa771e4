//! Conformance over the embedded COG 2026 tables: pinned counts, every code validates and
//! round-trips, every postal code is valid, and (when `DQ_COG_TARBALL` names the npm
//! tarball) the generator reproduces the committed files byte for byte.
#![cfg(feature = "geo")]

use std::str::FromStr;

use dq_clean::Normalizer;
use dq_pivot::commune::{all_codes, lookup, CommuneCode, CommuneKind, InseeNormalizer};

fn count(kind: CommuneKind) -> usize {
    all_codes().filter(|(_, k)| *k == kind).count()
}

fn rank(k: CommuneKind) -> usize {
    ["commune", "arrondissement", "deleguee", "associee", "historic"]
        .iter()
        .position(|s| *s == k.as_str())
        .unwrap_or(9)
}

#[test]
fn counts_are_pinned() {
    assert_eq!(dq_pivot::COG_VERSION, "2026");
    assert_eq!(count(CommuneKind::Commune), 34_969);
    assert_eq!(count(CommuneKind::Arrondissement), 45);
    assert_eq!(count(CommuneKind::Deleguee), 2_105);
    assert_eq!(count(CommuneKind::Associee), 471);
    assert_eq!(count(CommuneKind::Historic), 4_242); // With 97123 and 97127 (#11).
    assert_eq!(dq_pivot::region::departements().count(), 109);
    assert_eq!(dq_pivot::region::regions().count(), 26);
    assert_eq!(dq_pivot::epci::all().count(), 1_255);
}

#[test]
fn every_code_validates_and_round_trips() {
    let n = InseeNormalizer;
    for (code, kind) in all_codes() {
        let c = CommuneCode::from_str(code).unwrap();
        assert_eq!(c.to_string(), code);
        let r = lookup(code).unwrap();
        // A code with several rows resolves as its first kind in this order: commune,
        // arrondissement, déléguée, associée, historic (01015 is a commune and a déléguée).
        assert!(rank(r.kind) <= rank(kind), "{code}");
        if r.kind != kind {
            assert!(
                kind == CommuneKind::Historic || r.also_deleguee || rank(r.kind) >= 2,
                "{code}"
            );
        }
        assert!(lookup(r.current).is_some_and(|c| c.kind == CommuneKind::Commune), "{code}");
        assert!(!r.departement.is_empty() && !r.region.is_empty(), "{code}");
        assert_eq!(n.normalize(code).value(), Some(code));
        assert_eq!(n.normalize(code).rule(), Some("as_is"));
    }
}

#[test]
fn every_commune_has_its_postal_codes_and_back() {
    for (code, kind) in all_codes() {
        if kind != CommuneKind::Commune {
            continue;
        }
        for p in dq_pivot::postal::codes_of(code) {
            assert!(dq_pivot::postal::communes(p).any(|c| c == code), "{code} {p}");
            assert!(dq_pivot::postal::exists(p));
        }
    }
}

/// The generator folds names in Python for the embedded index; the Rust folding of
/// every official name must find the same rows.
#[test]
fn every_name_resolves_to_its_code() {
    for (code, kind) in all_codes() {
        if kind == CommuneKind::Historic {
            continue;
        }
        let name = dq_pivot::commune::CommuneCode::from_str(code).unwrap().resolve();
        let name = if name.code == code && name.kind == kind { name.name } else { continue };
        let cands = dq_pivot::commune::resolve_name(name, None);
        assert!(cands.iter().any(|c| c.code == code), "{code} {name}");
        if kind == CommuneKind::Commune {
            assert_eq!(cands.first().map(|c| c.score), Some(1.0), "{code} {name}");
        }
    }
}

#[test]
fn generator_reproduces_the_committed_tables() {
    let Ok(tarball) = std::env::var("DQ_COG_TARBALL") else {
        // The npm tarball is not available offline; tools/gen-cog/check.sh fetches it.
        return;
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = std::env::temp_dir().join(format!("dq-gen-cog-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(format!("{root}/tools/gen-cog/gen_cog.py"))
        .args(["--tarball", &tarball, "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    for f in ["communes.rs", "admin.rs"] {
        let fresh = std::fs::read(out.join(f)).unwrap();
        let committed =
            std::fs::read(format!("{}/src/generated/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(fresh == committed, "{f} differs from a fresh generation");
    }
    let _ = std::fs::remove_dir_all(out);
}
