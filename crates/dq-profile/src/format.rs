//! French semantic formats, with csv-detective's names, and the per-value checks.
//!
//! The checks of identifiers and geography call dq-pivot (SIREN/SIRET Luhn, UAI, RNA,
//! FINESS, NIR, TVA, NAF, COG communes, postal codes, départements, régions, EPCI,
//! cle_interop); nothing here re-implements them.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::value;

/// A semantic format. The serialized names are csv-detective's, plus `finess`, `nir`,
/// `tva`, `cle_interop`, `code_canton`, `code_circonscription`, `code_arrondissement`
/// and `epci` (an EPCI's name) where csv-detective has none.
///
/// # Example
///
/// ```
/// use dq_profile::Format;
/// assert_eq!(Format::Siret.name(), "siret");
/// assert_eq!(Format::Siret.check("73282932000074"), dq_profile::Check::Valid);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs, reason = "each variant is the csv-detective format of the same name")]
pub enum Format {
    Siret,
    Siren,
    Nir,
    Tva,
    Finess,
    Uai,
    CodeWaldec,
    CodeRna,
    InseeApe700,
    CodeEpci,
    CleInterop,
    Uuid,
    Email,
    Url,
    TelFr,
    Json,
    LatlonWgs,
    DatetimeAware,
    DatetimeNaive,
    Date,
    CodePostal,
    CodeCommune,
    CodeDepartement,
    CodeRegion,
    Commune,
    Departement,
    Region,
    Adresse,
    Sexe,
    JourDeLaSemaine,
    MoisDeLannee,
    Money,
    Percent,
    Year,
    LatitudeWgsFrMetropole,
    LongitudeWgsFrMetropole,
    LatitudeWgs,
    LongitudeWgs,
    Int,
    Float,
    Bool,
    String,
    // The rest of csv-detective's catalogue (#11).
    Pays,
    IsoCountryCodeAlpha2,
    IsoCountryCodeAlpha3,
    IsoCountryCodeNumeric,
    Geojson,
    LonlatWgs,
    LatitudeL93,
    LongitudeL93,
    CodeFantoir,
    InseeCanton,
    CspInsee,
    CodeCspInsee,
    CodeImport,
    IdRnb,
    MongoObjectId,
    Username,
    Binary,
    DateFr,
    DatetimeRfc822,
    // Ours, for crossing French datasets (#11).
    CodeCanton,
    CodeCirconscription,
    CodeArrondissement,
    Epci,
}

/// The verdict of one value against one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Check {
    /// The value is of this format.
    Valid,
    /// The value is of this format once a leading zero lost by a spreadsheet is put back
    /// (`1000` for the postal code `01000`).
    LostZero,
    /// The value has the shape but is not valid (bad checksum, unknown code).
    Invalid,
    /// A historic (no longer current) commune code, or a postal code in no public list
    /// (`dq_pivot::postal::is_unlisted`).
    Historic,
    /// The value is not of this format.
    No,
}

impl Check {
    /// Whether the value counts as matching the format's shape.
    pub fn is_shape(self) -> bool {
        !matches!(self, Check::No)
    }
}

/// The formats the profiler tests by default, most specific first (the order breaks
/// ties). [`CATALOGUE`] lists every format; the profiler's verdict slots hold 42.
pub const ALL: &[Format] = &[
    Format::Siret,
    Format::Siren,
    Format::Nir,
    Format::Tva,
    Format::Finess,
    Format::Uai,
    Format::CodeWaldec,
    Format::CodeRna,
    Format::InseeApe700,
    Format::CodeEpci,
    Format::CleInterop,
    Format::Uuid,
    Format::Email,
    Format::Url,
    Format::TelFr,
    Format::Json,
    Format::LatlonWgs,
    Format::DatetimeAware,
    Format::DatetimeNaive,
    Format::Date,
    Format::CodePostal,
    Format::CodeCommune,
    Format::CodeDepartement,
    Format::CodeRegion,
    Format::Commune,
    Format::Departement,
    Format::Region,
    Format::Adresse,
    Format::Sexe,
    Format::JourDeLaSemaine,
    Format::MoisDeLannee,
    Format::Money,
    Format::Percent,
    Format::Year,
    Format::LatitudeWgsFrMetropole,
    Format::LongitudeWgsFrMetropole,
    Format::LatitudeWgs,
    Format::LongitudeWgs,
    Format::Int,
    Format::Float,
    Format::Bool,
    Format::String,
];

/// Every format, csv-detective's and ours, most specific first (the order breaks ties):
/// [`ALL`] with the rest of the catalogue placed among them.
///
/// # Example
///
/// ```
/// use dq_profile::format::CATALOGUE;
/// assert_eq!(CATALOGUE.len(), 65);
/// assert!(CATALOGUE.iter().any(|f| f.name() == "iso_country_code_alpha2"));
/// ```
pub const CATALOGUE: &[Format] = &[
    Format::Siret,
    Format::Siren,
    Format::Nir,
    Format::Tva,
    Format::Finess,
    Format::Uai,
    Format::CodeWaldec,
    Format::CodeRna,
    Format::CodeImport,
    Format::InseeApe700,
    Format::CodeEpci,
    Format::CleInterop,
    Format::CodeFantoir,
    Format::IdRnb,
    Format::Uuid,
    Format::MongoObjectId,
    Format::Email,
    Format::Username,
    Format::Url,
    Format::TelFr,
    Format::Geojson,
    Format::Json,
    Format::Binary,
    Format::LatlonWgs,
    Format::LonlatWgs,
    Format::DatetimeAware,
    Format::DatetimeNaive,
    Format::DatetimeRfc822,
    Format::Date,
    Format::DateFr,
    Format::CodePostal,
    Format::CodeCommune,
    Format::CodeCirconscription,
    Format::CodeCanton,
    Format::CodeArrondissement,
    Format::CodeDepartement,
    Format::CodeRegion,
    Format::CodeCspInsee,
    Format::IsoCountryCodeAlpha3,
    Format::IsoCountryCodeNumeric,
    Format::IsoCountryCodeAlpha2,
    Format::Commune,
    Format::InseeCanton,
    Format::Epci,
    Format::Departement,
    Format::Region,
    Format::Pays,
    Format::CspInsee,
    Format::Adresse,
    Format::Sexe,
    Format::JourDeLaSemaine,
    Format::MoisDeLannee,
    Format::Money,
    Format::Percent,
    Format::Year,
    Format::LatitudeWgsFrMetropole,
    Format::LongitudeWgsFrMetropole,
    Format::LatitudeWgs,
    Format::LongitudeWgs,
    Format::LatitudeL93,
    Format::LongitudeL93,
    Format::Int,
    Format::Float,
    Format::Bool,
    Format::String,
];

/// The bounds of metropolitan France (Corsica included) in WGS 84 degrees: latitude
/// `41.3..=51.3` and longitude `-5.5..=10.0`, csv-detective's for latitude. A column is
/// `latitude_wgs_fr_metropole` only when none of its values lies outside them; the
/// column's scoring reads [`in_metropole_lat`] and [`in_metropole_lon`] per value.
pub const METROPOLE_LAT: (f64, f64) = (41.3, 51.3);
/// See [`METROPOLE_LAT`].
pub const METROPOLE_LON: (f64, f64) = (-5.5, 10.0);

/// Whether a WGS 84 latitude lies in metropolitan France ([`METROPOLE_LAT`]).
///
/// # Example
///
/// ```
/// assert!(dq_profile::format::in_metropole_lat(48.85));
/// assert!(!dq_profile::format::in_metropole_lat(-21.1)); // La Réunion
/// ```
pub fn in_metropole_lat(x: f64) -> bool {
    (METROPOLE_LAT.0..=METROPOLE_LAT.1).contains(&x)
}

/// Whether a WGS 84 longitude lies in metropolitan France ([`METROPOLE_LON`]).
///
/// # Example
///
/// ```
/// assert!(dq_profile::format::in_metropole_lon(2.35));
/// assert!(!dq_profile::format::in_metropole_lon(55.5)); // La Réunion
/// ```
pub fn in_metropole_lon(x: f64) -> bool {
    (METROPOLE_LON.0..=METROPOLE_LON.1).contains(&x)
}

/// The Lambert 93 extent of metropolitan France in metres (frformat's bounds): easting
/// (`longitude_l93`) and northing (`latitude_l93`).
const L93_X: (f64, f64) = (-357_823.0, 1_313_633.0);
const L93_Y: (f64, f64) = (6_037_008.0, 7_230_728.0);

static UUID: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
        .ok()
});
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$").ok()
});
// ASCII word boundaries: a Unicode `\b` makes the regex ten times as costly to build,
// and the words it bounds are ASCII.
static ADRESSE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*([0-9]+\s*(bis|ter|quater|[a-d])?(?-u:\b)[\s,]*)?(rue|r\.|avenue|av\.?|bd|boulevard|chemin|che|ch\.|place|pl\.?|all[ée]e|impasse|imp\.?|route|rte|quai|cours|square|sq|lieu[- ]dit|lotissement|lot\.?|r[ée]sidence|hameau|faubourg|fbg|passage|voie|sentier|cit[ée]|parvis|esplanade|rond[- ]point|zone|za|zi|zac|le bourg|mont[ée]e|chauss[ée]e|promenade|villa|domaine|carrefour|traverse)(?-u:\b)",
    )
    .ok()
});

// The Import registry's codes (associations of Alsace-Moselle), as csv-detective reads
// them: 3 digits, `S` or `P`, 4 to 10 digits and an optional suffix; or a digit, a letter
// or digit, a digit, `S` or `P` and a short tail. ASCII classes: Unicode ones make the
// regex a hundred times as costly to build.
static CODE_IMPORT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{3}[SP][0-9]{4,10}(.[0-9A-Za-z_]{1,3}[0-9]{0,5})?|[0-9][A-Z0-9][0-9][SP][0-9A-Za-z_]([0-9A-Za-z_]-?[0-9A-Za-z_]{0,2}[0-9]{0,6})?)$",
    )
    .ok()
});
static DATE_FR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(0?[1-9]|[12][0-9]|3[01])[ /-](janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)[ /-]\d{4}$",
    )
    .ok()
});
static RFC822: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(mon|tue|wed|thu|fri|sat|sun), (0[1-9]|[12][0-9]|3[01]) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) \d{4} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] (ut|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|[+-](0[0-9]|1[0-3])00)$",
    )
    .ok()
});

fn is_match(re: &LazyLock<Option<Regex>>, v: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(v))
}

fn all_digits(v: &str) -> bool {
    !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
}

fn compact(v: &str) -> Cow<'_, str> {
    if v.contains([' ', '\u{a0}', '.', '-']) {
        Cow::Owned(v.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '.' | '-')).collect())
    } else {
        Cow::Borrowed(v)
    }
}

/// One value and what was read from it, each reading done at most once for all the
/// format checks (a number is parsed once for `int`, `float` and the coordinates).
#[derive(Debug)]
pub(crate) struct Probe<'a> {
    v: &'a str,
    num: Option<Option<value::Num>>,
    date: Option<Option<(String, &'static str)>>,
    datetime: Option<Option<(String, bool)>>,
    phone: Option<Option<[u8; 10]>>,
}

impl<'a> Probe<'a> {
    /// A probe of the trimmed, non-null value `v`.
    pub(crate) fn new(v: &'a str) -> Probe<'a> {
        Probe { v, num: None, date: None, datetime: None, phone: None }
    }

    /// The ten digits of the value as a French phone number.
    pub(crate) fn phone(&mut self) -> Option<[u8; 10]> {
        let v = self.v;
        *self.phone.get_or_insert_with(|| phone_digits(v))
    }

    /// Whether the value is a French mobile number (`06`, `07`).
    pub(crate) fn mobile(&mut self) -> bool {
        self.phone().is_some_and(|d| d.starts_with(b"06") || d.starts_with(b"07"))
    }

    /// The value as a plain number.
    pub(crate) fn num(&mut self) -> Option<value::Num> {
        let v = self.v;
        *self.num.get_or_insert_with(|| value::parse_number(v))
    }

    /// The value as a date: its ISO form and pattern.
    pub(crate) fn date(&mut self) -> Option<&(String, &'static str)> {
        let v = self.v;
        self.date.get_or_insert_with(|| value::parse_date(v)).as_ref()
    }

    /// The value as a date-time: its ISO form and whether it has a zone.
    pub(crate) fn datetime(&mut self) -> Option<&(String, bool)> {
        let v = self.v;
        self.datetime.get_or_insert_with(|| value::parse_datetime(v)).as_ref()
    }

    /// The date or date-time (ISO form, pattern or `"datetime"`), consuming the probe.
    pub(crate) fn into_when(mut self) -> Option<(String, &'static str)> {
        self.date();
        if let Some(Some(d)) = self.date {
            return Some(d);
        }
        self.datetime();
        self.datetime.flatten().map(|(iso, _)| (iso, "datetime"))
    }
}

fn shape_ok<T, E>(r: Result<T, E>, shape: bool) -> Check {
    match r {
        Ok(_) => Check::Valid,
        Err(_) if shape => Check::Invalid,
        Err(_) => Check::No,
    }
}

fn coord(p: &mut Probe<'_>) -> Option<f64> {
    let n = p.num()?;
    (!n.integral && !n.grouped && !n.currency).then_some(n.value)
}

const JOURS: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MOIS: &[&str] = &[
    "janvier",
    "fevrier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "décembre",
];
const PERSONAL_DOMAINS: &[&str] = &[
    "gmail.com",
    "hotmail.fr",
    "hotmail.com",
    "yahoo.fr",
    "yahoo.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "outlook.fr",
    "outlook.com",
    "live.fr",
    "icloud.com",
    "neuf.fr",
    "aol.com",
    "bbox.fr",
];

/// Whether an e-mail address is at a personal mail provider (`gmail.com`, `orange.fr`…).
pub(crate) fn is_personal_email(v: &str) -> bool {
    let lower = v.trim().to_ascii_lowercase();
    lower.rsplit_once('@').is_some_and(|(_, d)| PERSONAL_DOMAINS.contains(&d))
}

/// The ten digits of a French phone number written `01 23 45 67 89`, `01.23.45.67.89`,
/// `+33 1 23 45 67 89`, `+33 (0)1…` or `0033 1…`, without allocating. A shape check
/// for profiling; `dq_clean::phone` normalizes and explains.
fn phone_digits(v: &str) -> Option<[u8; 10]> {
    let t = v.trim();
    // Whatever follows, the digits start with `0` (or `+33`, `0033`).
    if !t.starts_with(['0', '+', '.', '-']) {
        return None;
    }
    // With `+33` or `0033`, the leading `0` is already in place.
    let mut out = [b'0'; 10];
    let mut n = 0usize;
    let rest = if let Some(r) = t.strip_prefix("+33") {
        n = 1;
        r.trim_start_matches([' ', '(', '0', ')'])
    } else if let Some(r) = t.strip_prefix("0033") {
        n = 1;
        r
    } else {
        t
    };
    for b in rest.bytes() {
        if matches!(b, b' ' | b'.' | b'-') {
            continue;
        }
        if !b.is_ascii_digit() {
            // A no-break space (C2 A0) is a separator; any other byte is not a digit.
            if b == 0xc2 || b == 0xa0 {
                continue;
            }
            return None;
        }
        *out.get_mut(n)? = b;
        n += 1;
    }
    (n == 10 && out.first() == Some(&b'0') && out.get(1) != Some(&b'0')).then_some(out)
}

impl Format {
    /// The csv-detective name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Siret => "siret",
            Format::Siren => "siren",
            Format::Nir => "nir",
            Format::Tva => "tva",
            Format::Finess => "finess",
            Format::Uai => "uai",
            Format::CodeWaldec => "code_waldec",
            Format::CodeRna => "code_rna",
            Format::InseeApe700 => "insee_ape700",
            Format::CodeEpci => "code_epci",
            Format::CleInterop => "cle_interop",
            Format::Uuid => "uuid",
            Format::Email => "email",
            Format::Url => "url",
            Format::TelFr => "tel_fr",
            Format::Json => "json",
            Format::LatlonWgs => "latlon_wgs",
            Format::DatetimeAware => "datetime_aware",
            Format::DatetimeNaive => "datetime_naive",
            Format::Date => "date",
            Format::CodePostal => "code_postal",
            Format::CodeCommune => "code_commune",
            Format::CodeDepartement => "code_departement",
            Format::CodeRegion => "code_region",
            Format::Commune => "commune",
            Format::Departement => "departement",
            Format::Region => "region",
            Format::Adresse => "adresse",
            Format::Sexe => "sexe",
            Format::JourDeLaSemaine => "jour_de_la_semaine",
            Format::MoisDeLannee => "mois_de_lannee",
            Format::Money => "money",
            Format::Percent => "percent",
            Format::Year => "year",
            Format::LatitudeWgsFrMetropole => "latitude_wgs_fr_metropole",
            Format::LongitudeWgsFrMetropole => "longitude_wgs_fr_metropole",
            Format::LatitudeWgs => "latitude_wgs",
            Format::LongitudeWgs => "longitude_wgs",
            Format::Int => "int",
            Format::Float => "float",
            Format::Bool => "bool",
            Format::String => "string",
            Format::Pays => "pays",
            Format::IsoCountryCodeAlpha2 => "iso_country_code_alpha2",
            Format::IsoCountryCodeAlpha3 => "iso_country_code_alpha3",
            Format::IsoCountryCodeNumeric => "iso_country_code_numeric",
            Format::Geojson => "geojson",
            Format::LonlatWgs => "lonlat_wgs",
            Format::LatitudeL93 => "latitude_l93",
            Format::LongitudeL93 => "longitude_l93",
            Format::CodeFantoir => "code_fantoir",
            Format::InseeCanton => "insee_canton",
            Format::CspInsee => "csp_insee",
            Format::CodeCspInsee => "code_csp_insee",
            Format::CodeImport => "code_import",
            Format::IdRnb => "id_rnb",
            Format::MongoObjectId => "mongo_object_id",
            Format::Username => "username",
            Format::Binary => "binary",
            Format::DateFr => "date_fr",
            Format::DatetimeRfc822 => "datetime_rfc822",
            Format::CodeCanton => "code_canton",
            Format::CodeCirconscription => "code_circonscription",
            Format::CodeArrondissement => "code_arrondissement",
            Format::Epci => "epci",
        }
    }

    /// The format of a csv-detective (or dq) name, the inverse of [`Format::name`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_profile::Format;
    /// assert_eq!(Format::from_name("code_fantoir"), Some(Format::CodeFantoir));
    /// assert_eq!(Format::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        CATALOGUE.iter().copied().find(|f| f.name() == name)
    }

    /// Whether values of this format are codes or identifiers: text that must never be
    /// rewritten as a number (`01053` is not `1053`) nor have its letters flagged, even
    /// when every value is made of digits.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_profile::Format;
    /// assert!(Format::CodePostal.is_code());
    /// assert!(Format::CodeCirconscription.is_code());
    /// assert!(!Format::Int.is_code());
    /// assert!(!Format::Year.is_code());
    /// ```
    pub fn is_code(self) -> bool {
        matches!(
            self,
            Format::Siret
                | Format::Siren
                | Format::Nir
                | Format::Tva
                | Format::Finess
                | Format::Uai
                | Format::CodeWaldec
                | Format::CodeRna
                | Format::InseeApe700
                | Format::CodeEpci
                | Format::CleInterop
                | Format::Uuid
                | Format::TelFr
                | Format::CodePostal
                | Format::CodeCommune
                | Format::CodeDepartement
                | Format::CodeRegion
                | Format::IsoCountryCodeAlpha2
                | Format::IsoCountryCodeAlpha3
                | Format::IsoCountryCodeNumeric
                | Format::CodeFantoir
                | Format::CodeCspInsee
                | Format::CodeImport
                | Format::IdRnb
                | Format::MongoObjectId
                | Format::CodeCanton
                | Format::CodeCirconscription
                | Format::CodeArrondissement
        )
    }

    /// The Table Schema type of a column of this format.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_profile::Format::CodePostal.table_schema_type(), "string");
    /// assert_eq!(dq_profile::Format::Float.table_schema_type(), "number");
    /// ```
    pub fn table_schema_type(self) -> &'static str {
        match self {
            Format::Int => "integer",
            // An amount is a number; its currency is what Table Schema calls a non-bare
            // number.
            Format::Money
            | Format::Float
            | Format::LatitudeWgs
            | Format::LongitudeWgs
            | Format::LatitudeWgsFrMetropole
            | Format::LongitudeWgsFrMetropole
            | Format::LatitudeL93
            | Format::LongitudeL93 => "number",
            Format::Geojson => "geojson",
            Format::Bool => "boolean",
            Format::Date => "date",
            Format::DatetimeAware | Format::DatetimeNaive => "datetime",
            Format::Year => "year",
            _ => "string",
        }
    }

    /// A French description for Table Schema.
    pub fn description(self) -> &'static str {
        match self {
            Format::Siret => "Numéro SIRET de l'établissement (14 chiffres)",
            Format::Siren => "Numéro SIREN de l'entreprise (9 chiffres)",
            Format::Nir => "Numéro d'inscription au répertoire (NIR) : donnée personnelle",
            Format::Tva => "Numéro de TVA intracommunautaire",
            Format::Finess => "Numéro FINESS de l'établissement sanitaire ou social",
            Format::Uai => "Code UAI de l'établissement scolaire",
            Format::CodeWaldec => "Numéro RNA (ancien numéro Waldec)",
            Format::CodeRna => "Numéro RNA de l'association",
            Format::InseeApe700 => "Code APE/NAF rév. 2",
            Format::CodeEpci => "Numéro SIREN de l'EPCI",
            Format::CleInterop => "Clé d'interopérabilité d'adresse (BAL)",
            Format::Uuid => "Identifiant UUID",
            Format::Email => "Adresse électronique",
            Format::Url => "Adresse web (URL)",
            Format::TelFr => "Numéro de téléphone français",
            Format::Json => "Valeur JSON",
            Format::LatlonWgs => "Latitude et longitude WGS 84",
            Format::DatetimeAware => "Date et heure avec fuseau",
            Format::DatetimeNaive => "Date et heure sans fuseau",
            Format::Date => "Date",
            Format::CodePostal => "Code postal",
            Format::CodeCommune => "Code officiel géographique (INSEE) de la commune",
            Format::CodeDepartement => "Code du département",
            Format::CodeRegion => "Code de la région",
            Format::Commune => "Nom de la commune",
            Format::Departement => "Nom du département",
            Format::Region => "Nom de la région",
            Format::Adresse => "Adresse postale",
            Format::Sexe => "Sexe",
            Format::JourDeLaSemaine => "Jour de la semaine",
            Format::MoisDeLannee => "Mois de l'année",
            Format::Money => "Montant",
            Format::Percent => "Pourcentage",
            Format::Year => "Année",
            Format::LatitudeWgsFrMetropole => "Latitude WGS 84 (France métropolitaine)",
            Format::LongitudeWgsFrMetropole => "Longitude WGS 84 (France métropolitaine)",
            Format::LatitudeWgs => "Latitude WGS 84",
            Format::LongitudeWgs => "Longitude WGS 84",
            Format::Int => "Nombre entier",
            Format::Float => "Nombre décimal",
            Format::Bool => "Booléen",
            Format::String => "Texte",
            Format::Pays => "Nom du pays ou territoire (COG de l'INSEE)",
            Format::IsoCountryCodeAlpha2 => "Code pays ISO 3166-1 alpha-2",
            Format::IsoCountryCodeAlpha3 => "Code pays ISO 3166-1 alpha-3",
            Format::IsoCountryCodeNumeric => "Code pays ISO 3166-1 numérique",
            Format::Geojson => "Géométrie GeoJSON",
            Format::LonlatWgs => "Longitude et latitude WGS 84",
            Format::LatitudeL93 => "Coordonnée Y en Lambert 93 (mètres)",
            Format::LongitudeL93 => "Coordonnée X en Lambert 93 (mètres)",
            Format::CodeFantoir => "Code FANTOIR (RIVOLI) de la voie ou du lieu-dit",
            Format::InseeCanton => "Nom du canton",
            Format::CspInsee => "Catégorie socioprofessionnelle (PCS de l'INSEE)",
            Format::CodeCspInsee => "Code de la catégorie socioprofessionnelle (PCS 2003)",
            Format::CodeImport => "Numéro du registre des associations d'Alsace-Moselle",
            Format::IdRnb => "Identifiant du Référentiel national des bâtiments (RNB)",
            Format::MongoObjectId => "Identifiant d'objet MongoDB",
            Format::Username => "Nom d'utilisateur (@compte)",
            Format::Binary => "Données binaires",
            Format::DateFr => "Date en toutes lettres",
            Format::DatetimeRfc822 => "Date et heure au format RFC 822",
            Format::CodeCanton => "Code du canton",
            Format::CodeCirconscription => "Code de la circonscription législative",
            Format::CodeArrondissement => "Code de l'arrondissement départemental",
            Format::Epci => "Nom de l'EPCI",
        }
    }

    /// Whether the header must hint at this format before values alone can decide it
    /// (the values are too generic: `12` is also a count).
    pub(crate) fn needs_hint(self) -> bool {
        matches!(
            self,
            Format::CodeRegion
                | Format::Year
                | Format::LatitudeWgs
                | Format::LongitudeWgs
                | Format::LatitudeWgsFrMetropole
                | Format::LongitudeWgsFrMetropole
                | Format::Sexe
                | Format::CodeDepartement
                | Format::LatitudeL93
                | Format::LongitudeL93
                | Format::CodeFantoir
                | Format::IdRnb
                | Format::IsoCountryCodeNumeric
                | Format::CodeCanton
                | Format::CodeCirconscription
                | Format::CodeArrondissement
        )
    }

    /// Whether the header names this format (`cp`, `code_postal`, `insee`, `lat`…).
    pub(crate) fn hinted_by(self, header: &str) -> bool {
        let h = fold(header);
        let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
        let tokens: Vec<&str> =
            h.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).collect();
        let tok = |words: &[&str]| words.iter().any(|w| tokens.contains(w));
        match self {
            Format::CodePostal => has(&["postal", "cedex"]) || tok(&["cp", "codepostal"]),
            Format::CodeCommune => {
                has(&["insee", "codecommune", "code_commune", "cog", "depcom"])
                    || tok(&["com", "codgeo"])
            }
            Format::CodeDepartement => has(&["dep", "dpt"]),
            Format::CodeRegion => has(&["reg"]),
            Format::Year => has(&["annee", "year", "millesime", "exercice"]) || tok(&["an"]),
            Format::LatitudeWgs | Format::LatitudeWgsFrMetropole => has(&["lat"]) || tok(&["y"]),
            Format::LongitudeWgs | Format::LongitudeWgsFrMetropole => {
                has(&["lon", "lng"]) || tok(&["x"])
            }
            Format::Sexe => has(&["sexe", "genre", "civilite"]),
            Format::Commune => has(&["commune", "ville", "localite"]),
            _ => self.header_score(header) >= 0.75,
        }
    }

    /// The header names that point to this format, folded (see [`fold_header`]), with
    /// their credibility (1 names the format; 0.5 is a weak hint such as `com`).
    fn labels(self) -> &'static [(&'static str, f32)] {
        match self {
            Format::Siret => {
                &[("siret", 1.0), ("num siret", 1.0), ("numero siret", 1.0), ("n siret", 1.0)]
            }
            Format::Siren => {
                &[("siren", 1.0), ("num siren", 1.0), ("numero siren", 1.0), ("n siren", 1.0)]
            }
            Format::Nir => &[("nir", 1.0), ("numero securite sociale", 1.0), ("nss", 0.75)],
            Format::Tva => &[
                ("tva intracommunautaire", 1.0),
                ("numero tva", 1.0),
                ("n tva", 1.0),
                ("tva", 0.5),
            ],
            Format::Finess => &[
                ("finess", 1.0),
                ("numero finess", 1.0),
                ("finess et", 1.0),
                ("finess ej", 1.0),
                ("id et", 0.75),
                ("id ej", 0.75),
            ],
            Format::Uai => &[("uai", 1.0), ("code uai", 1.0), ("numero uai", 1.0), ("rne", 0.5)],
            Format::CodeWaldec => &[("waldec", 1.0), ("numero waldec", 1.0)],
            Format::CodeRna => &[("rna", 1.0), ("numero rna", 1.0), ("id association", 0.75)],
            Format::InseeApe700 => &[
                ("ape", 1.0),
                ("naf", 1.0),
                ("code ape", 1.0),
                ("code naf", 1.0),
                ("activite principale", 0.75),
            ],
            Format::CodeEpci => &[("siren epci", 1.0), ("code epci", 1.0), ("epci", 0.75)],
            Format::CleInterop => &[("cle interop", 1.0)],
            Format::Uuid => &[("uuid", 1.0), ("guid", 1.0)],
            Format::Email => &[
                ("email", 1.0),
                ("e mail", 1.0),
                ("mail", 1.0),
                ("courriel", 1.0),
                ("adresse electronique", 1.0),
            ],
            Format::Url => &[
                ("url", 1.0),
                ("site web", 1.0),
                ("site internet", 1.0),
                ("web", 0.75),
                ("lien", 0.75),
            ],
            Format::TelFr => &[
                ("telephone", 1.0),
                ("tel", 1.0),
                ("phone", 1.0),
                ("portable", 1.0),
                ("fax", 0.75),
            ],
            Format::Json => &[("json", 1.0)],
            Format::LatlonWgs => &[
                ("latlon", 1.0),
                ("lat lon", 1.0),
                ("lat lng", 1.0),
                ("geo point", 1.0),
                ("geopoint", 1.0),
                ("coordonnees gps", 1.0),
                ("coordonnees", 0.75),
            ],
            Format::LonlatWgs => {
                &[("lonlat", 1.0), ("lon lat", 1.0), ("lng lat", 1.0), ("coordonnees", 0.5)]
            }
            Format::DatetimeAware | Format::DatetimeNaive | Format::DatetimeRfc822 => &[
                ("datetime", 1.0),
                ("date heure", 1.0),
                ("horodatage", 1.0),
                ("timestamp", 1.0),
                ("created at", 0.75),
                ("updated at", 0.75),
            ],
            Format::Date | Format::DateFr => &[("date", 1.0)],
            Format::CodePostal => &[
                ("code postal", 1.0),
                ("codepostal", 1.0),
                ("codes postaux", 1.0),
                ("postal code", 1.0),
                ("postcode", 1.0),
                ("cp", 0.75),
            ],
            Format::CodeCommune => &[
                ("code commune", 1.0),
                ("code insee", 1.0),
                ("code commune insee", 1.0),
                ("code com", 1.0),
                ("insee com", 1.0),
                ("depcom", 1.0),
                ("codgeo", 1.0),
                ("insee", 0.75),
                ("cog", 0.75),
                ("com", 0.5),
            ],
            Format::CodeDepartement => &[
                ("code departement", 1.0),
                ("code dep", 1.0),
                ("code dept", 1.0),
                ("dep", 0.75),
                ("dept", 0.75),
                ("dpt", 0.75),
                ("departement", 0.5),
            ],
            Format::CodeRegion => {
                &[("code region", 1.0), ("code reg", 1.0), ("reg", 0.75), ("region", 0.5)]
            }
            Format::CodeArrondissement => &[
                ("code arrondissement", 1.0),
                ("code arr", 1.0),
                ("arr", 0.75),
                ("arrondissement", 0.5),
            ],
            Format::CodeCanton => {
                &[("code canton", 1.0), ("code can", 1.0), ("can", 0.75), ("canton", 0.5)]
            }
            Format::CodeCirconscription => &[
                ("code circonscription", 1.0),
                ("code circonscription legislative", 1.0),
                ("circo", 1.0),
                ("code circo", 1.0),
                ("circonscription", 0.75),
            ],
            Format::Commune => &[
                ("commune", 1.0),
                ("nom commune", 1.0),
                ("libelle commune", 1.0),
                ("ville", 1.0),
                ("localite", 0.75),
                ("libgeo", 0.75),
            ],
            Format::Departement => {
                &[("departement", 1.0), ("nom departement", 1.0), ("libelle departement", 1.0)]
            }
            Format::Region => &[("region", 1.0), ("nom region", 1.0), ("libelle region", 1.0)],
            Format::InseeCanton => &[
                ("canton", 1.0),
                ("nom canton", 1.0),
                ("libelle canton", 1.0),
                ("insee canton", 1.0),
            ],
            Format::Epci => &[
                ("nom epci", 1.0),
                ("libelle epci", 1.0),
                ("raison sociale epci", 1.0),
                ("epci", 0.75),
            ],
            Format::Pays => &[
                ("pays", 1.0),
                ("country", 1.0),
                ("nom pays", 1.0),
                ("libelle pays", 1.0),
                ("pays naissance", 1.0),
            ],
            Format::IsoCountryCodeAlpha2
            | Format::IsoCountryCodeAlpha3
            | Format::IsoCountryCodeNumeric => &[
                ("code pays", 1.0),
                ("code iso pays", 1.0),
                ("iso country code", 1.0),
                ("country code", 1.0),
                ("code iso", 1.0),
                ("pays", 0.75),
                ("country", 0.75),
                ("nation", 0.5),
            ],
            Format::Adresse => {
                &[("adresse", 1.0), ("adresse postale", 1.0), ("voie", 0.5), ("adr", 0.5)]
            }
            Format::Sexe => &[("sexe", 1.0), ("genre", 0.75), ("civilite", 0.75)],
            Format::JourDeLaSemaine => &[("jour", 0.75), ("jour semaine", 1.0)],
            Format::MoisDeLannee => &[("mois", 1.0)],
            Format::Money => &[
                ("montant", 1.0),
                ("prix", 1.0),
                ("valeur fonciere", 1.0),
                ("amount", 1.0),
                ("price", 1.0),
                ("cout", 0.75),
                ("budget", 0.75),
            ],
            Format::Percent => {
                &[("pourcentage", 1.0), ("percent", 1.0), ("taux", 0.75), ("pct", 0.75)]
            }
            Format::Year => &[
                ("annee", 1.0),
                ("year", 1.0),
                ("millesime", 1.0),
                ("exercice", 0.75),
                ("an", 0.75),
            ],
            Format::LatitudeWgs | Format::LatitudeWgsFrMetropole => {
                &[("latitude", 1.0), ("lat", 1.0), ("coordonnee y", 0.75), ("y", 0.5)]
            }
            Format::LongitudeWgs | Format::LongitudeWgsFrMetropole => &[
                ("longitude", 1.0),
                ("lon", 1.0),
                ("lng", 1.0),
                ("long", 0.75),
                ("coordonnee x", 0.75),
                ("x", 0.5),
            ],
            Format::LatitudeL93 => &[
                ("y l93", 1.0),
                ("y lambert", 1.0),
                ("lambert y", 1.0),
                ("lamby", 1.0),
                ("latitude l93", 1.0),
                ("coord y", 0.75),
                ("latitude", 0.5),
                ("y", 0.5),
            ],
            Format::LongitudeL93 => &[
                ("x l93", 1.0),
                ("x lambert", 1.0),
                ("lambert x", 1.0),
                ("lambx", 1.0),
                ("longitude l93", 1.0),
                ("coord x", 0.75),
                ("longitude", 0.5),
                ("x", 0.5),
            ],
            Format::CodeFantoir => &[
                ("fantoir", 1.0),
                ("code fantoir", 1.0),
                ("rivoli", 1.0),
                ("code rivoli", 1.0),
                ("code rivoli voie", 1.0),
                ("code voie", 0.75),
            ],
            Format::CspInsee => &[
                ("csp", 0.75),
                ("csp insee", 1.0),
                ("categorie socioprofessionnelle", 1.0),
                ("categorie socio professionnelle", 1.0),
                ("sociopro", 1.0),
                ("pcs", 0.75),
            ],
            Format::CodeCspInsee => &[
                ("code csp", 1.0),
                ("code pcs", 1.0),
                ("code csp insee", 1.0),
                ("code categorie socioprofessionnelle", 1.0),
                ("code categorie socio professionnelle", 1.0),
                ("csp", 0.5),
            ],
            Format::CodeImport => &[("code import", 1.0), ("numero import", 1.0)],
            Format::IdRnb => &[("rnb", 1.0), ("id rnb", 1.0), ("rnb id", 1.0), ("batid", 1.0)],
            Format::MongoObjectId => {
                &[("objectid", 1.0), ("object id", 1.0), ("oid", 0.75), ("id", 0.5)]
            }
            Format::Username => {
                &[("username", 1.0), ("account", 1.0), ("user", 0.75), ("pseudo", 0.75)]
            }
            Format::Binary => &[("binary", 1.0), ("bytes", 1.0), ("blob", 1.0)],
            Format::Geojson => &[
                ("geojson", 1.0),
                ("geometry", 1.0),
                ("geo shape", 1.0),
                ("geoshape", 1.0),
                ("geom", 0.75),
            ],
            Format::Int | Format::Float | Format::Bool | Format::String => &[],
        }
    }

    /// How strongly a column's header points to this format, between 0 and 1: a label's
    /// credibility when the folded header is that label (`Code Postal`, `code_postal` and
    /// `codePostal` all fold to `code postal`), half of it when the label's words appear
    /// in the header in a row (`Code du département` contains `code departement`; small
    /// words `de`, `du`, `la`… are ignored), 0 otherwise. The values decide; this is
    /// the header's evidence, to be combined with theirs.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_profile::Format;
    /// assert_eq!(Format::CodePostal.header_score("Code_Postal"), 1.0);
    /// assert_eq!(Format::CodePostal.header_score("CP"), 0.75);
    /// assert_eq!(Format::Finess.header_score("finess"), 1.0);
    /// assert_eq!(Format::CodeCanton.header_score("Code du canton"), 1.0);
    /// assert_eq!(Format::Siret.header_score("Montant"), 0.0);
    /// ```
    pub fn header_score(self, header: &str) -> f32 {
        score_folded(self, &fold_header(header))
    }

    /// Checks one trimmed, non-null value.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_profile::{Check, Format};
    /// assert_eq!(Format::CodePostal.check("1000"), Check::LostZero);
    /// assert_eq!(Format::Siren.check("552032535"), Check::Invalid);
    /// assert_eq!(Format::InseeApe700.check("62.01Z"), Check::Valid);
    /// assert_eq!(Format::Float.check("1 234,56"), Check::Valid);
    /// // Amounts are numbers too; `money` wants the currency.
    /// assert_eq!(Format::Float.check("41 018 €"), Check::Valid);
    /// assert_eq!(Format::Money.check("41 018 €"), Check::Valid);
    /// assert_eq!(Format::Money.check("42416.07"), Check::No);
    /// assert_eq!(Format::Bool.check("vrai"), Check::Valid);
    /// ```
    pub fn check(self, v: &str) -> Check {
        self.check_in(&mut Probe::new(v))
    }

    /// [`Format::check`] on a probe, which keeps what was parsed for the next format.
    pub(crate) fn check_in(self, p: &mut Probe<'_>) -> Check {
        let v = p.v;
        let yes = |b: bool| if b { Check::Valid } else { Check::No };
        match self {
            // The common case, 14 digits, without allocating.
            Format::Siret if v.len() == 14 && all_digits(v) => {
                if dq_pivot::Siret::is_valid_compact(v.as_bytes()) {
                    Check::Valid
                } else {
                    Check::Invalid
                }
            }
            Format::Siret => {
                let c = compact(v);
                shape_ok(dq_pivot::Siret::from_str(v), c.len() == 14 && all_digits(&c))
                    .or_lost_zero(
                        c.len() == 13
                            && all_digits(&c)
                            && dq_pivot::Siret::from_str(&format!("0{c}")).is_ok(),
                    )
            }
            Format::Siren => {
                let c = compact(v);
                shape_ok(dq_pivot::Siren::from_str(v), c.len() == 9 && all_digits(&c)).or_lost_zero(
                    c.len() == 8
                        && all_digits(&c)
                        && dq_pivot::Siren::from_str(&format!("0{c}")).is_ok(),
                )
            }
            Format::Nir => {
                let c = compact(v);
                shape_ok(dq_pivot::Nir::from_str(v), c.len() == 15 && c.starts_with(['1', '2']))
            }
            Format::Tva => {
                shape_ok(dq_pivot::Tva::from_str(v), v.starts_with("FR") && v.len() == 13)
            }
            // Corsica's `2A…`/`2B…` numbers count: their key is not checked (see
            // dq_pivot::finess), and a column headed `finess` is FINESS (#11).
            Format::Finess => yes(v.len() == 9 && dq_pivot::Finess::parse_lenient(v).is_ok()),
            Format::Uai => {
                let shape = v.len() == 8
                    && v.get(..7).is_some_and(all_digits)
                    && v.get(7..).is_some_and(|k| k.bytes().all(|b| b.is_ascii_alphabetic()));
                shape_ok(dq_pivot::Uai::from_str(v), shape)
            }
            Format::CodeWaldec | Format::CodeRna => match dq_pivot::Rna::from_str(v) {
                Ok(r) => yes(r.is_waldec() == (self == Format::CodeWaldec)),
                Err(_) => Check::No,
            },
            Format::InseeApe700 => yes(v.len() <= 6 && dq_pivot::Naf::from_str(v).is_ok()),
            Format::CodeEpci => yes(v.len() == 9 && dq_pivot::epci::is_epci(v)),
            Format::CleInterop => yes(v.contains('_') && dq_pivot::CleInterop::parse(v).is_ok()),
            Format::Uuid => {
                yes(v.len() == 36 && v.as_bytes().get(8) == Some(&b'-') && is_match(&UUID, v))
            }
            Format::Email => yes(v.contains('@') && is_match(&EMAIL, v)),
            Format::Url => {
                let starts = |p: &str| v.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
                yes((starts("http://") || starts("https://") || starts("www.")) && !v.contains(' '))
            }
            Format::TelFr => yes(p.phone().is_some()),
            Format::Json => yes((v.starts_with('{') || v.starts_with('['))
                && serde_json::from_str::<serde_json::Value>(v).is_ok()),
            Format::LatlonWgs if !v.contains(',') => Check::No,
            Format::LatlonWgs => {
                let parts: Vec<&str> =
                    v.trim_matches(['[', ']', '(', ')']).split(',').map(str::trim).collect();
                match parts.as_slice() {
                    [a, b] => yes(a
                        .parse::<f64>()
                        .is_ok_and(|x| (-90.0..=90.0).contains(&x) && a.contains('.'))
                        && b.parse::<f64>()
                            .is_ok_and(|y| (-180.0..=180.0).contains(&y) && b.contains('.'))),
                    _ => Check::No,
                }
            }
            Format::DatetimeAware => yes(p.datetime().is_some_and(|d| d.1)),
            Format::DatetimeNaive => yes(p.datetime().is_some_and(|d| !d.1)),
            Format::Date => yes(p.date().is_some()),
            Format::CodePostal => {
                if v.len() == 5 && all_digits(v) {
                    if dq_pivot::postal::exists(v) {
                        Check::Valid
                    } else if dq_pivot::postal::is_unlisted(v) {
                        // A CEDEX, special or retired code: of the format, counted apart.
                        Check::Historic
                    } else {
                        Check::Invalid
                    }
                } else if v.len() == 4
                    && all_digits(v)
                    && dq_pivot::postal::exists(&format!("0{v}"))
                {
                    Check::LostZero
                } else {
                    Check::No
                }
            }
            Format::CodeCommune => {
                let up: Cow<'_, str> = if v.bytes().any(|b| b.is_ascii_lowercase()) {
                    Cow::Owned(v.to_ascii_uppercase())
                } else {
                    Cow::Borrowed(v)
                };
                if up.len() == 5 {
                    match dq_pivot::commune::lookup(&up) {
                        Some(c) if c.kind == dq_pivot::CommuneKind::Historic => Check::Historic,
                        Some(_) => Check::Valid,
                        None if all_digits(&up) || up.starts_with("2A") || up.starts_with("2B") => {
                            Check::Invalid
                        }
                        None => Check::No,
                    }
                } else if up.len() == 4
                    && all_digits(&up)
                    && dq_pivot::commune::lookup(&format!("0{up}")).is_some()
                {
                    Check::LostZero
                } else {
                    Check::No
                }
            }
            Format::CodeDepartement => {
                if v.len() == 1
                    && all_digits(v)
                    && dq_pivot::region::departement(&format!("0{v}")).is_some()
                {
                    Check::LostZero
                } else {
                    yes(v.len() <= 3
                        && dq_pivot::region::departement(&v.to_ascii_uppercase()).is_some())
                }
            }
            Format::CodeRegion => yes(v.len() <= 2 && dq_pivot::region::region(v).is_some()),
            Format::Commune => yes(!all_digits(v) && dq_pivot::commune::is_commune_name(v)),
            Format::Departement => {
                yes(!all_digits(v) && dq_pivot::region::departement_by_name(v).is_some())
            }
            Format::Region => yes(!all_digits(v) && dq_pivot::region::region_by_name(v).is_some()),
            Format::Adresse => yes(v.len() > 5 && is_match(&ADRESSE, v)),
            Format::Sexe if v.trim().len() > 8 => Check::No,
            Format::Sexe => yes(matches!(
                fold(v).as_str(),
                "m" | "f" | "h" | "homme" | "femme" | "masculin" | "feminin" | "1" | "2"
            )),
            // The longest names are 9 bytes (`septembre`, `décembre`); no character
            // lowercases to fewer bytes into one of their letters.
            Format::JourDeLaSemaine | Format::MoisDeLannee if v.len() > 9 => Check::No,
            Format::JourDeLaSemaine => yes(JOURS.contains(&v.to_lowercase().as_str())),
            Format::MoisDeLannee => yes(MOIS.contains(&v.to_lowercase().as_str())),
            // Quick reject: an amount names its currency (`€`, `EUR`).
            Format::Money if !v.contains(['€', 'R', 'r']) => Check::No,
            Format::Money => yes(p.num().is_some_and(|n| n.currency)),
            Format::Percent if !(v.ends_with('%') || v.ends_with(char::is_whitespace)) => Check::No,
            Format::Percent => {
                let t = v.trim_end_matches('%').trim_end();
                yes(t.len() < v.len() && value::parse_number(t).is_some())
            }
            Format::Year => yes(v.len() == 4
                && all_digits(v)
                && v.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))),
            Format::LatitudeWgsFrMetropole => yes(coord(p).is_some_and(in_metropole_lat)),
            Format::LongitudeWgsFrMetropole => yes(coord(p).is_some_and(in_metropole_lon)),
            Format::LatitudeWgs => yes(coord(p).is_some_and(|x| (-90.0..=90.0).contains(&x))),
            Format::LongitudeWgs => yes(coord(p).is_some_and(|x| (-180.0..=180.0).contains(&x))),
            Format::Int => yes(p.num().is_some_and(|n| n.integral)),
            Format::Float => yes(p.num().is_some()),
            Format::Bool => yes(value::parse_bool(v).is_some()),
            Format::String => Check::Valid,
            Format::Pays => yes(!all_digits(v) && dq_pivot::country::is_pays_name(v)),
            Format::IsoCountryCodeAlpha2 => yes(v.len() == 2
                && v.bytes().all(|b| b.is_ascii_alphabetic())
                && dq_pivot::country::by_alpha2(v).is_some()),
            Format::IsoCountryCodeAlpha3 => yes(v.len() == 3
                && v.bytes().all(|b| b.is_ascii_alphabetic())
                && dq_pivot::country::by_alpha3(v).is_some()),
            Format::IsoCountryCodeNumeric => {
                yes(v.len() == 3 && all_digits(v) && dq_pivot::country::by_numeric(v).is_some())
            }
            Format::Geojson => yes(v.starts_with('{') && is_geojson(v)),
            Format::LonlatWgs => yes(pair(v).is_some_and(|(a, b)| {
                (-180.0..=180.0).contains(&a) && (-90.0..=90.0).contains(&b)
            })),
            Format::LatitudeL93 => {
                yes(p.num().is_some_and(|n| !n.currency && (L93_Y.0..=L93_Y.1).contains(&n.value)))
            }
            Format::LongitudeL93 => {
                yes(p.num().is_some_and(|n| !n.currency && (L93_X.0..=L93_X.1).contains(&n.value)))
            }
            Format::CodeFantoir => yes(dq_pivot::fantoir::is_valid(v)),
            Format::InseeCanton => yes(!all_digits(v) && dq_pivot::canton::is_canton_name(v)),
            Format::CspInsee => yes(!all_digits(v) && dq_pivot::pcs::is_label(v)),
            Format::CodeCspInsee => yes(dq_pivot::pcs::is_code(v)),
            Format::CodeImport => yes(v.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && v.contains(['S', 'P'])
                && is_match(&CODE_IMPORT, v)),
            Format::IdRnb => {
                yes(v.len() == 12
                    && v.bytes().all(|b| b"123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b)))
            }
            Format::MongoObjectId => yes(v.len() == 24 && v.bytes().all(|b| b.is_ascii_hexdigit())),
            Format::Username => yes(v.len() > 1
                && v.strip_prefix('@')
                    .is_some_and(|u| u.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))),
            Format::Binary => yes(is_bytes_literal(v)),
            Format::DateFr => yes((10..=30).contains(&v.len())
                && v.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && v.as_bytes().last().is_some_and(u8::is_ascii_digit)
                && is_match(&DATE_FR, &fold(v))),
            Format::DatetimeRfc822 => {
                yes(v.len() <= 40 && v.contains(", ") && is_match(&RFC822, v))
            }
            Format::CodeCanton => yes(dq_pivot::canton::parse_code(v).is_some()),
            Format::CodeCirconscription => yes(dq_pivot::circonscription::parse(v).is_some()),
            Format::CodeArrondissement => {
                yes(matches!(v.len(), 3 | 4) && dq_pivot::region::arrondissement(v).is_some())
            }
            Format::Epci => yes(!all_digits(v) && dq_pivot::epci::epci_by_name(v).is_some()),
        }
    }
}

fn score_folded(f: Format, h: &str) -> f32 {
    // `Libellé du département`, `nom de la commune`: a label, never the code it names.
    let first = h.split(' ').next().unwrap_or("");
    if f.is_code() && matches!(first, "libelle" | "lib" | "nom" | "intitule" | "designation") {
        return 0.0;
    }
    let mut best = 0.0f32;
    for &(label, w) in f.labels() {
        let score = if h == label {
            w
        } else if contains_words(h, label) {
            0.5 * w
        } else {
            0.0
        };
        best = best.max(score);
    }
    best
}

/// Whether the words of `label` appear in `h` in a row, on word boundaries.
fn contains_words(h: &str, label: &str) -> bool {
    let b = h.as_bytes();
    h.match_indices(label).any(|(i, _)| {
        let end = i + label.len();
        let before = i == 0 || i.checked_sub(1).and_then(|j| b.get(j)) == Some(&b' ');
        let after = end == b.len() || b.get(end) == Some(&b' ');
        before && after
    })
}

/// The formats a column's header points to, with [`Format::header_score`], strongest
/// first (ties in [`CATALOGUE`]'s order); formats scoring 0 are left out.
///
/// # Example
///
/// ```
/// use dq_profile::{format::header_formats, Format};
/// let v: Vec<(Format, f32)> = header_formats("Code de la circonscription législative").collect();
/// assert_eq!(v.first(), Some(&(Format::CodeCirconscription, 1.0)));
/// assert!(header_formats("Montant HT").any(|(f, _)| f == Format::Money));
/// assert_eq!(header_formats("zzz").count(), 0);
/// ```
pub fn header_formats(header: &str) -> impl Iterator<Item = (Format, f32)> {
    let h = fold_header(header);
    let mut v: Vec<(Format, f32)> =
        CATALOGUE.iter().map(|&f| (f, score_folded(f, &h))).filter(|(_, s)| *s > 0.0).collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v.into_iter()
}

/// Whether a header names a code column, whatever format its values have: `code_*`,
/// `cod*`, `num_*`, `numero`, `nic`, `id*`, `ref*`, `matricule`, the short names of
/// geographic codes (`reg`, `dep`, `arr`, `can`, `ct` — the canton of INSEE's old COG
/// files —, `com`, `cp`, `circo`) or any header that
/// points to a code format ([`Format::is_code`]) with credibility 1. A column of codes is
/// typed `string` with a pattern, and its values are never rewritten as numbers.
///
/// # Example
///
/// ```
/// use dq_profile::format::header_is_code;
/// for h in ["CODE_UT", "codgeo", "num_dossier", "NIC", "id_ej", "ref_cadastrale", "REG", "Code du canton", "CT"] {
///     assert!(header_is_code(h), "{h}");
/// }
/// for h in ["Montant", "nombre d'habitants", "idée", "Date de naissance", "reference_annee"] {
///     assert!(!header_is_code(h), "{h}");
/// }
/// ```
pub fn header_is_code(header: &str) -> bool {
    let h = fold_header(header);
    let mut words = h.split(' ');
    let first = words.next().unwrap_or("");
    let short = ["reg", "dep", "arr", "can", "ct", "com", "cp", "circo", "nic", "siren", "siret"];
    let prefix = first == "code"
        || (first.starts_with("cod") && first.len() <= 6)
        || first == "num"
        || first == "numero"
        || first == "no"
        || first == "id"
        || first == "ref"
        || first == "matricule"
        || first == "identifiant";
    let any_short = h.split(' ').any(|w| short.contains(&w));
    let reference = first == "reference" && !h.contains("annee");
    prefix
        || any_short
        || reference
        || CATALOGUE.iter().any(|f| f.is_code() && score_folded(*f, &h) >= 1.0)
}

/// Folds a header for [`Format::header_score`]: camelCase split, lower case, accents
/// removed, every other character a space, the small words `de`, `du`, `des`, `la`,
/// `le`, `les`, `l`, `d` dropped, words joined by one space.
///
/// # Example
///
/// ```
/// use dq_profile::format::fold_header;
/// assert_eq!(fold_header("Code du Département"), "code departement");
/// assert_eq!(fold_header("codePostal"), "code postal");
/// assert_eq!(fold_header("CODE_POSTAL"), "code postal");
/// assert_eq!(fold_header(" N° SIRET "), "n siret");
/// ```
pub fn fold_header(header: &str) -> String {
    let mut spaced = String::with_capacity(header.len() + 4);
    let mut prev_lower = false;
    for c in header.chars() {
        if c.is_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_lowercase();
        spaced.push(c);
    }
    let folded = fold(&spaced);
    let mut out = String::with_capacity(folded.len());
    let cleaned: String =
        folded.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    for w in cleaned.split_whitespace() {
        if matches!(w, "de" | "du" | "des" | "la" | "le" | "les" | "l" | "d") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Two numbers with a decimal point, separated by one comma, in brackets or not
/// (`48.85,2.35`, `[2.35, 48.85]`).
fn pair(v: &str) -> Option<(f64, f64)> {
    let inner = match (v.strip_prefix('['), v.strip_suffix(']')) {
        (Some(_), Some(_)) => v.get(1..v.len() - 1)?,
        (None, None) => v,
        _ => return None,
    };
    let (a, b) = inner.split_once(',')?;
    let (a, b) = (a.trim(), b.trim());
    if b.contains(',') || !a.contains('.') || !b.contains('.') {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// A JSON object with `type` and `coordinates`, or a `geometry` that has `coordinates`.
fn is_geojson(v: &str) -> bool {
    let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(v) else {
        return false;
    };
    (o.contains_key("type") && o.contains_key("coordinates"))
        || o.get("geometry").and_then(|g| g.get("coordinates")).is_some()
}

/// A Python bytes literal as printed by `repr(bytes)`: `b'…'` or `b"…"` whose escapes are
/// well formed (`\xHH`, `\n`, `\\`…).
fn is_bytes_literal(v: &str) -> bool {
    let inner = match v.strip_prefix("b'").and_then(|r| r.strip_suffix('\'')) {
        Some(i) => i,
        None => match v.strip_prefix("b\"").and_then(|r| r.strip_suffix('"')) {
            Some(i) => i,
            None => return false,
        },
    };
    let mut bytes = inner.bytes();
    while let Some(b) = bytes.next() {
        if b == b'\\' {
            match bytes.next() {
                Some(b'x') => {
                    let hex = (bytes.next(), bytes.next());
                    if !matches!(hex, (Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit())
                    {
                        return false;
                    }
                }
                Some(
                    b'n'
                    | b'r'
                    | b't'
                    | b'\\'
                    | b'\''
                    | b'"'
                    | b'0'..=b'7'
                    | b'a'
                    | b'b'
                    | b'f'
                    | b'v',
                ) => {}
                _ => return false,
            }
        } else if !b.is_ascii() {
            return false;
        }
    }
    true
}

trait CheckExt {
    fn or_lost_zero(self, lost: bool) -> Check;
}

impl CheckExt for Check {
    fn or_lost_zero(self, lost: bool) -> Check {
        match self {
            Check::No | Check::Invalid if lost => Check::LostZero,
            c => c,
        }
    }
}

/// Lower-case folding of a header or a short value (accents removed, apostrophes and
/// punctuation kept): dq-clean's fold.
pub(crate) fn fold(s: &str) -> String {
    dq_clean::fold::fold(s.trim(), dq_clean::fold::Case::Lower).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: Format, input: &str, expected: Check) {
        assert_eq!(f.check(input), expected, "{f:?} {input:?}");
    }

    #[test]
    fn phone_shapes() {
        let d = |v: &str| phone_digits(v).map(|d| String::from_utf8_lossy(&d).into_owned());
        for v in [
            "01 23 45 67 89",
            "01.23.45.67.89",
            "01-23-45-67-89",
            "0123456789",
            "01\u{a0}23\u{a0}45\u{a0}67\u{a0}89",
            "+33 1 23 45 67 89",
            "+33 (0)1 23 45 67 89",
            "+331 23 45 67 89",
            "0033 1 23 45 67 89",
            " 01 23 45 67 89 ",
        ] {
            assert_eq!(d(v).as_deref(), Some("0123456789"), "{v:?}");
        }
        for v in [
            "00 23 45 67 89",
            "1 23 45 67 89",
            "01 23 45 67 8",
            "01 23 45 67 890",
            "01 23 45 67 8à",
            "+33",
            "",
            "0",
        ] {
            assert_eq!(d(v), None, "{v:?}");
        }
        let mobile = |v: &str| Probe::new(v).mobile();
        assert!(mobile("06 12 34 56 78") && mobile("+33 7 12 34 56 78"));
        assert!(!mobile("01 23 45 67 89"));
    }

    #[test]
    fn formats() {
        check(Format::Siret, "73282932000074", Check::Valid);
        check(Format::Siret, "73282932000075", Check::Invalid);
        check(Format::Siren, "552032534", Check::Valid);
        check(Format::Siren, "abc", Check::No);
        check(Format::CodePostal, "75015", Check::Valid);
        check(Format::CodePostal, "1000", Check::LostZero);
        check(Format::CodeCommune, "75056", Check::Valid);
        check(Format::CodeCommune, "2A004", Check::Valid);
        check(Format::CodeCommune, "99999", Check::Invalid);
        check(Format::InseeApe700, "62.01Z", Check::Valid);
        check(Format::InseeApe700, "6201Z", Check::Valid);
        check(Format::Email, "mairie@ville-lyon.fr", Check::Valid);
        check(Format::TelFr, "01 23 45 67 89", Check::Valid);
        check(Format::TelFr, "+33 6 12 34 56 78", Check::Valid);
        check(Format::Url, "https://www.data.gouv.fr", Check::Valid);
        check(Format::Uuid, "123e4567-e89b-12d3-a456-426614174000", Check::Valid);
        check(Format::Date, "14/07/2023", Check::Valid);
        check(Format::DatetimeAware, "2023-07-14T10:00:00+02:00", Check::Valid);
        check(Format::Float, "1 234,56", Check::Valid);
        check(Format::Int, "1 234,56", Check::No);
        check(Format::Money, "12,50 €", Check::Valid);
        check(Format::Money, "41 018 €", Check::Valid);
        check(Format::Money, "€ 1 234,56", Check::Valid);
        check(Format::Money, "12,50 EUR", Check::Valid);
        check(Format::Money, "49072,09", Check::No);
        check(Format::Money, "Europe", Check::No);
        check(Format::Float, "41 018 €", Check::Valid);
        check(Format::Int, "41 018 €", Check::Valid);
        check(Format::Float, "42416.07", Check::Valid);
        check(Format::LatitudeWgs, "48,85 €", Check::No);
        for v in ["Oui", "oui", "O", "1", "vrai", "non", "x"] {
            check(Format::Bool, v, Check::Valid);
        }
        check(Format::Bool, "F", Check::No);
        check(Format::Bool, "peut-être", Check::No);
        check(Format::Percent, "12,5 %", Check::Valid);
        check(Format::Year, "2023", Check::Valid);
        check(Format::JourDeLaSemaine, "Lundi", Check::Valid);
        check(Format::MoisDeLannee, "août", Check::Valid);
        check(Format::Commune, "Saint-Étienne", Check::Valid);
        check(Format::Adresse, "12 rue de la Paix", Check::Valid);
        check(Format::LatlonWgs, "48.8566,2.3522", Check::Valid);
    }

    #[test]
    fn siret_fast_path_agrees_with_the_parser() {
        // Valid, bad checksum, La Poste's exception and its neighbours.
        let mut values =
            vec!["73282932000074", "73282932000075", "35600000000048", "35600000049837"];
        let owned: Vec<String> = (0..2000u64)
            .map(|i| format!("{:014}", i.wrapping_mul(7_919_000_011) % 100_000_000_000_000))
            .collect();
        values.extend(owned.iter().map(String::as_str));
        for v in values {
            let slow = match dq_pivot::Siret::from_str(v) {
                Ok(_) => Check::Valid,
                Err(_) => Check::Invalid,
            };
            assert_eq!(Format::Siret.check(v), slow, "{v}");
        }
    }

    /// The rest of csv-detective's catalogue and ours (#11), with values of our own.
    #[test]
    fn catalogue_formats() {
        use Check::{No, Valid};
        let cases: &[(Format, &str, Check)] = &[
            (Format::Pays, "france", Valid),
            (Format::Pays, "Royaume-Uni", Valid),
            (Format::Pays, "amerique", No),
            (Format::Pays, "paris", No),
            (Format::IsoCountryCodeAlpha2, "FR", Valid),
            (Format::IsoCountryCodeAlpha2, "sj", Valid),
            (Format::IsoCountryCodeAlpha2, "XX", No),
            (Format::IsoCountryCodeAlpha2, "FRA", No),
            (Format::IsoCountryCodeAlpha3, "FRA", Valid),
            (Format::IsoCountryCodeAlpha3, "XXX", No),
            (Format::IsoCountryCodeNumeric, "250", Valid),
            (Format::IsoCountryCodeNumeric, "003", No),
            (Format::Geojson, r#"{"type": "Point", "coordinates": [2.35, 48.85]}"#, Valid),
            (Format::Geojson, r#"{"geometry": {"coordinates": [2.35, 48.85]}}"#, Valid),
            (Format::Geojson, r#"{"fruit": "pomme"}"#, No),
            (Format::LonlatWgs, "2.35,48.85", Valid),
            (Format::LonlatWgs, "[-61.5, 16.25]", Valid),
            (Format::LonlatWgs, "[2.35,48.85", No),
            (Format::LonlatWgs, "192.1,0.1", No),
            (Format::LonlatWgs, "2,4", No),
            (Format::LatitudeL93, "6862000", Valid),
            (Format::LatitudeL93, "6862000,5", Valid),
            (Format::LatitudeL93, "0", No),
            (Format::LatitudeL93, "7300000", No),
            (Format::LongitudeL93, "652000", Valid),
            (Format::LongitudeL93, "-120", Valid),
            (Format::LongitudeL93, "1400000", No),
            (Format::CodeFantoir, "0150K", Valid),
            (Format::CodeFantoir, "B150B", Valid),
            (Format::CodeFantoir, "0150", No),
            (Format::InseeCanton, "Nantua", Valid),
            (Format::InseeCanton, "Gotham", No),
            (Format::CspInsee, "Agriculteurs exploitants", Valid),
            (Format::CspInsee, "Chevaliers", No),
            (Format::CodeCspInsee, "382b", Valid),
            (Format::CodeCspInsee, "8500", Valid),
            (Format::CodeCspInsee, "382z", No),
            (Format::CodeImport, "678S0012345", Valid),
            (Format::CodeImport, "W751000000", No),
            (Format::IdRnb, "ABCD23456789", Valid),
            (Format::IdRnb, "ABCD2345678I", No),
            (Format::IdRnb, "abcd23456789", No),
            (Format::MongoObjectId, "5f1e2d3c4b5a69788796a5b4", Valid),
            (Format::MongoObjectId, "5f1e2d3c4b5a69788796a5b", No),
            (Format::Username, "@mairie_de_lyon", Valid),
            (Format::Username, "mairie@lyon.fr", No),
            (Format::Username, "@", No),
            (Format::Binary, r"b'\x00\x01abc'", Valid),
            (Format::Binary, "b\"\x01\"", Valid),
            (Format::Binary, "bytes", No),
            (Format::Binary, r"b'\xZZ'", No),
            (Format::DateFr, "14 juillet 1789", Valid),
            (Format::DateFr, "1er mai 2024", No),
            (Format::DateFr, "3 Février 2025", Valid),
            (Format::DateFr, "44 mars 2025", No),
            (Format::DatetimeRfc822, "Tue, 14 Jul 2026 10:00:00 +0200", Valid),
            (Format::DatetimeRfc822, "2026-07-14T10:00:00", No),
            (Format::CodeCanton, "0101", Valid),
            (Format::CodeCanton, "2A05", Valid),
            (Format::CodeCanton, "2005", No),
            (Format::CodeCirconscription, "0101", Valid),
            (Format::CodeCirconscription, "2A01", Valid),
            (Format::CodeCirconscription, "ZZ11", Valid),
            (Format::CodeCirconscription, "ZE01", No),
            (Format::CodeArrondissement, "012", Valid),
            (Format::CodeArrondissement, "019", No),
            (Format::Epci, "Métropole de Lyon", Valid),
            (Format::Epci, "Lyon", No),
        ];
        for &(f, v, expected) in cases {
            check(f, v, expected);
        }
    }

    #[test]
    fn catalogue_is_complete() {
        // Every format once, names unique and round-tripping.
        let mut names: Vec<&str> = CATALOGUE.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CATALOGUE.len());
        assert!(ALL.iter().all(|f| CATALOGUE.contains(f)));
        for f in CATALOGUE {
            assert_eq!(Format::from_name(f.name()), Some(*f));
            let json = serde_json::to_string(f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.name()));
            assert!(!f.description().is_empty());
        }
        // csv-detective's names, all present.
        for n in [
            "adresse",
            "binary",
            "bool",
            "code_commune",
            "code_csp_insee",
            "code_departement",
            "code_epci",
            "code_fantoir",
            "code_import",
            "code_postal",
            "code_region",
            "code_rna",
            "code_waldec",
            "commune",
            "csp_insee",
            "date",
            "date_fr",
            "datetime_aware",
            "datetime_naive",
            "datetime_rfc822",
            "departement",
            "email",
            "float",
            "geojson",
            "id_rnb",
            "insee_ape700",
            "insee_canton",
            "int",
            "iso_country_code_alpha2",
            "iso_country_code_alpha3",
            "iso_country_code_numeric",
            "jour_de_la_semaine",
            "json",
            "latitude_l93",
            "latitude_wgs",
            "latitude_wgs_fr_metropole",
            "latlon_wgs",
            "longitude_l93",
            "longitude_wgs",
            "longitude_wgs_fr_metropole",
            "lonlat_wgs",
            "mois_de_lannee",
            "money",
            "mongo_object_id",
            "pays",
            "percent",
            "region",
            "sexe",
            "siren",
            "siret",
            "tel_fr",
            "uai",
            "url",
            "username",
            "uuid",
            "year",
        ] {
            assert!(Format::from_name(n).is_some(), "{n}");
        }
    }

    /// Corsican FINESS numbers are FINESS (13_sites_prelevement's pattern).
    #[test]
    fn finess_of_corsica() {
        check(Format::Finess, "2A0000014", Check::Valid);
        check(Format::Finess, "2b0000012", Check::Valid);
        check(Format::Finess, "750712184", Check::Valid);
        check(Format::Finess, "AUTRE", Check::No);
    }

    #[test]
    fn header_evidence() {
        let top = |h: &str| header_formats(h).next().map(|(f, _)| f);
        let cases: &[(&str, Option<Format>)] = &[
            ("siret", Some(Format::Siret)),
            ("SIRET_BENEFICIAIRE", Some(Format::Siret)),
            ("code_insee", Some(Format::CodeCommune)),
            ("cog", Some(Format::CodeCommune)),
            ("finess", Some(Format::Finess)),
            ("cle_interop", Some(Format::CleInterop)),
            ("code_postal", Some(Format::CodePostal)),
            ("codePostal", Some(Format::CodePostal)),
            ("CP", Some(Format::CodePostal)),
            ("dep", Some(Format::CodeDepartement)),
            ("Code du département", Some(Format::CodeDepartement)),
            ("REG", Some(Format::CodeRegion)),
            ("CAN", Some(Format::CodeCanton)),
            ("Code du canton", Some(Format::CodeCanton)),
            ("ARR", Some(Format::CodeArrondissement)),
            ("Code de la circonscription législative", Some(Format::CodeCirconscription)),
            ("circo", Some(Format::CodeCirconscription)),
            ("Libellé du canton", Some(Format::InseeCanton)),
            ("pays", Some(Format::Pays)),
            ("Code_rivoli_de_la_voie", Some(Format::CodeFantoir)),
            ("rnb_id", Some(Format::IdRnb)),
            ("geom", Some(Format::Geojson)),
            ("Montant HT", Some(Format::Money)),
            ("Code de la catégorie socio-professionnelle", Some(Format::CodeCspInsee)),
            ("Catégorie socio-professionnelle", Some(Format::CspInsee)),
            // A label column is never the code it names.
            ("Libellé du département", Some(Format::Departement)),
            ("Libellé de la circonscription législative", None),
            ("zzz", None),
            ("", None),
        ];
        for &(h, expected) in cases {
            assert_eq!(top(h), expected, "{h:?}");
        }
        assert!(header_formats("code_pays").any(|e| e == (Format::IsoCountryCodeAlpha2, 1.0)));
        assert_eq!(Format::CodePostal.header_score("Code postal"), 1.0);
        assert_eq!(Format::CodeFantoir.header_score("Code_rivoli_de_la_voie"), 1.0);
        assert_eq!(Format::CodeCommune.header_score("Libellé commune"), 0.0);
        // A size band is a code when its values say so (`NN`, `03`), not by its name: a
        // `trancheEffectifs` of head counts is a count.
        assert!(!header_is_code("Tranche_eff_INSEE"));
        assert_eq!(Format::CodeCommune.header_score("com"), 0.5);
        assert_eq!(Format::CodeCommune.header_score("nom de la commune"), 0.0);
        assert_eq!(Format::Commune.header_score("nom de la commune"), 1.0);
        // Word boundaries: `dep` is not in `depenses`, `cp` not in `cpte`.
        assert_eq!(Format::CodeDepartement.header_score("depenses"), 0.0);
        assert_eq!(Format::CodePostal.header_score("cpte"), 0.0);
    }

    #[test]
    fn codes_are_codes() {
        for f in CATALOGUE {
            let numeric = matches!(f.table_schema_type(), "number" | "integer" | "year");
            assert!(!(f.is_code() && numeric), "{f:?}");
        }
        assert!(Format::Finess.is_code() && Format::CodeDepartement.is_code());
        assert!(!Format::Commune.is_code() && !Format::Money.is_code());
    }

    #[test]
    fn metropole_bounds() {
        assert!(in_metropole_lat(41.4) && in_metropole_lat(51.0));
        assert!(!in_metropole_lat(16.25) && !in_metropole_lat(-21.1));
        assert!(in_metropole_lon(9.5) && !in_metropole_lon(-61.5));
    }

    #[test]
    fn hints() {
        assert!(Format::CodePostal.hinted_by("Code Postal"));
        assert!(Format::CodePostal.hinted_by("cp"));
        assert!(Format::CodeCommune.hinted_by("code_insee"));
        assert!(Format::Year.hinted_by("Année"));
        assert!(!Format::Year.hinted_by("montant"));
    }
}
