//! dq-pivot: validate and repair pivot identifiers, and join codes to the official
//! geography embedded in the crate (no network).
//!
//! ```sh
//! cargo run -p examples --example pivot
//! ```

use dq_fr::pivot::{
    address_key, commune, postal, CleInterop, CommuneCode, Siret, Tva, COG_VERSION,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // SIRET: Luhn on all 14 digits and on the SIREN; repairs are reported, never silent.
    let siret: Siret = "732 829 320 00074".parse()?;
    println!("SIRET {siret} → SIREN {}, NIC {:05}", siret.siren(), siret.nic());
    let (repaired, repairs) = Siret::parse_lenient("7.3282932000074E+13")?;
    println!("Excel damage repaired: {repaired} ({repairs:?})");
    println!("TVA of its SIREN: {}", Tva::from_siren(siret.siren()));

    // INSEE commune codes: Excel lost the leading zero of 01001.
    let (code, repairs) = CommuneCode::parse_lenient("1001")?;
    let c = code.resolve();
    println!(
        "1001 → {} {} (dép. {}, région {}), {repairs:?}",
        c.code, c.name, c.departement, c.region
    );
    // A historic Corsican code resolves to the current commune.
    if let Some(old) = commune::lookup("20004") {
        println!("20004 is {:?}, now {} {}", old.kind, old.current, old.current_name);
        // With dq-fr's `serde` feature, typed results serialize as JSON.
        println!("{}", serde_json::to_string(&old)?);
    }

    // Postal codes and the communes they serve.
    let served: Vec<&str> = postal::communes("69003").collect();
    println!("69003 serves {served:?}");

    // Commune names, tolerant of case, accents and articles; ranked when ambiguous.
    if let Some(best) = commune::resolve_name("Rochelle (La)", None).first() {
        println!("'Rochelle (La)' → {} {}", best.code, best.name);
    }

    // BAN keys.
    let key = CleInterop::parse("94002_0150_00012_bis")?;
    println!("cle_interop {} → commune {}, number {}", key.as_str(), key.commune(), key.numero());
    let a = address_key("12 bis av. du Gal de Gaulle", Some("94002"));
    let b = address_key("12B AVENUE DU GENERAL DE GAULLE", Some("94002"));
    println!("address key: {a}");
    assert_eq!(a, b);
    println!("reference data: {COG_VERSION}");
    Ok(())
}
