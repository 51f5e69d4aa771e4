//! Pivot variables on Arrow arrays: what an INSEE commune code stands for today, the
//! communes of a postal code, the address key.
//!
//! Each value is read as `dq normalize` reads it (`2a004` → `2A004`, `1000` → `01000`)
//! and looked up in dq-pivot's embedded official tables; a null, invalid or unknown
//! value gives a null. The results equal the extra fields of `dq normalize insee --json`
//! (`current_code`, `departement`, `region`, `name`, `kind`) and `dq normalize
//! postal-code --json` (`communes`).

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, ListArray};
use dq_clean::Normalizer;
use dq_pivot::commune::{self, Commune, InseeNormalizer};

use crate::strings::{same_length, StrBuilder, Strings};
use crate::Error;

/// What to read off a commune code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InseeField {
    /// The code of the current commune it belongs to (itself for a current commune, the
    /// parent commune of an arrondissement or déléguée, the absorbing commune of an old
    /// code).
    CurrentCode,
    /// The current département code.
    Departement,
    /// The current région code.
    Region,
    /// The entity's own name (a déléguée's, an arrondissement's; for an old code, the
    /// current commune's).
    Name,
    /// What the code stands for: `commune`, `arrondissement`, `deleguee`, `associee`,
    /// `historic`, …
    Kind,
}

impl InseeField {
    fn read(self, c: &Commune) -> &'static str {
        match self {
            InseeField::CurrentCode => c.current,
            InseeField::Departement => c.departement,
            InseeField::Region => c.region,
            InseeField::Name => c.name,
            InseeField::Kind => c.kind.as_str(),
        }
    }

    /// The field of a name (`current_code`, `departement`, `region`, `name`, `kind`).
    pub fn from_name(name: &str) -> Option<InseeField> {
        Some(match name {
            "current_code" | "current" => InseeField::CurrentCode,
            "departement" => InseeField::Departement,
            "region" => InseeField::Region,
            "name" => InseeField::Name,
            "kind" => InseeField::Kind,
            _ => return None,
        })
    }
}

/// `field` of each INSEE commune code, in the input's string layout.
///
/// # Example
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray};
/// use dq_arrow::pivot::{insee, InseeField};
/// let codes = StringArray::from(vec![Some("75101"), Some("2a004"), Some("99999"), None]);
/// let current = insee(&codes, InseeField::CurrentCode)?;
/// let current = current.as_string::<i32>();
/// assert_eq!((current.value(0), current.value(1)), ("75056", "2A004"));
/// assert!(current.is_null(2) && current.is_null(3));
/// # Ok::<(), dq_arrow::Error>(())
/// ```
pub fn insee(values: &dyn Array, field: InseeField) -> Result<ArrayRef, Error> {
    let values = Strings::try_new(values, "values")?;
    let mut b = StrBuilder::new(&values.data_type(), values.len());
    values.for_each(|v| b.append(v.and_then(lookup).map(|c| field.read(&c))));
    Ok(b.finish())
}

fn lookup(v: &str) -> Option<Commune> {
    InseeNormalizer.normalize(v).value().and_then(commune::lookup)
}

/// The current commune code of each INSEE code: [`insee`] with
/// [`InseeField::CurrentCode`].
pub fn insee_current_code(values: &dyn Array) -> Result<ArrayRef, Error> {
    insee(values, InseeField::CurrentCode)
}

/// The current département of each INSEE code.
pub fn insee_departement(values: &dyn Array) -> Result<ArrayRef, Error> {
    insee(values, InseeField::Departement)
}

/// The current région of each INSEE code.
pub fn insee_region(values: &dyn Array) -> Result<ArrayRef, Error> {
    insee(values, InseeField::Region)
}

/// The name of each INSEE code.
pub fn insee_name(values: &dyn Array) -> Result<ArrayRef, Error> {
    insee(values, InseeField::Name)
}

/// The INSEE codes of the communes each postal code serves (`List<Utf8>`), as
/// `dq normalize postal-code --json` gives them in `communes`: a null for a null or
/// invalid postal code, an empty list for a valid code that no commune carries (a
/// CEDEX code).
///
/// # Example
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray};
/// let codes = StringArray::from(vec![Some("1000"), Some("nope")]);
/// let communes = dq_arrow::pivot::postal_communes(&codes)?;
/// let first = communes.value(0);
/// assert_eq!(first.as_string::<i32>().iter().flatten().collect::<Vec<_>>(), ["01053", "01344"]);
/// assert!(communes.is_null(1));
/// # Ok::<(), dq_arrow::Error>(())
/// ```
pub fn postal_communes(values: &dyn Array) -> Result<ListArray, Error> {
    let values = Strings::try_new(values, "values")?;
    let mut b = ListBuilder::with_capacity(StringBuilder::new(), values.len());
    values.for_each(|v| {
        // Valid for `dq normalize postal-code` exactly when it reads leniently.
        match v.and_then(|v| dq_pivot::postal::PostalCode::parse_lenient(v).ok()) {
            Some((code, _)) => {
                for c in code.communes() {
                    b.values().append_value(c);
                }
                b.append(true);
            }
            None => b.append(false),
        }
    });
    Ok(b.finish())
}

/// The address key of each address (`dq_pivot::ban::address_key`): lower-case words,
/// street types spelled out, small words dropped, the commune first when given. Two
/// spellings of one address share a key; a join on it finds the BAN address of an
/// establishment. `commune`, when given, must have the length of `address`.
///
/// # Example
///
/// ```
/// use arrow_array::{StringArray, cast::AsArray};
/// use dq_arrow::pivot::address_key;
/// let a = StringArray::from(vec!["12 av. Jean Jaurès", "12 AVENUE JEAN JAURES"]);
/// let keys = address_key(&a, None)?;
/// let keys = keys.as_string::<i32>();
/// assert_eq!(keys.value(0), keys.value(1));
/// # Ok::<(), dq_arrow::Error>(())
/// ```
pub fn address_key(address: &dyn Array, commune: Option<&dyn Array>) -> Result<ArrayRef, Error> {
    let address = Strings::try_new(address, "address")?;
    let commune = match commune {
        Some(c) => {
            let c = Strings::try_new(c, "commune")?;
            same_length(&address, &c)?;
            Some(c)
        }
        None => None,
    };
    let mut b = StrBuilder::new(&address.data_type(), address.len());
    let mut i = 0usize;
    let (mut key, mut scratch) = (String::new(), String::new());
    address.for_each(|a| {
        let c = commune.as_ref().and_then(|c| c.get(i));
        i += 1;
        match a {
            Some(a) => {
                dq_pivot::ban::address_key_into(a, c, &mut scratch, &mut key);
                b.append(Some(&key));
            }
            None => b.append(None),
        }
    });
    Ok(b.finish())
}
