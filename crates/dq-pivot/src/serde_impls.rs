//! `Serialize` and `Deserialize` for the crate's values (feature `serde`).
//!
//! Identifiers and codes serialize as the string they display (`"73282932000074"`,
//! `"2A004"`, `"94002_0120_00012_bis"`) and deserialize through their strict `FromStr`,
//! so that a value read back is a valid one. Repairs and kinds serialize as their rule
//! names (`"leading_zero"`, `"arrondissement"`); a commune lookup serializes as an object
//! of its fields, département and région included.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

macro_rules! as_string {
    ($($t:ty),* $(,)?) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(de::Error::custom)
            }
        }
    )*};
}

as_string!(
    crate::Siren,
    crate::Siret,
    crate::Tva,
    crate::Nir,
    crate::Finess,
    crate::Naf,
    crate::Rna,
    crate::Uai,
);

#[cfg(feature = "geo")]
as_string!(crate::CommuneCode, crate::postal::PostalCode, crate::CleInterop);

impl Serialize for crate::Repair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for crate::ErrorKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An error serializes as what it says: the identifier, the value, the kind, the
/// position (or null) and the reason.
impl Serialize for crate::Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 5)?;
        st.serialize_field("identifier", self.identifier())?;
        st.serialize_field("value", self.value())?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("position", &self.position())?;
        st.serialize_field("reason", self.reason())?;
        st.end()
    }
}

#[cfg(feature = "geo")]
impl Serialize for crate::CommuneKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "geo")]
impl Serialize for crate::commune::Commune {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Commune", 8)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("name", self.name)?;
        st.serialize_field("current", self.current)?;
        st.serialize_field("current_name", self.current_name)?;
        st.serialize_field("departement", self.departement)?;
        st.serialize_field("region", self.region)?;
        st.serialize_field("also_deleguee", &self.also_deleguee)?;
        st.end()
    }
}
