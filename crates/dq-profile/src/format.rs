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
/// `tva`, `cle_interop` where csv-detective has none.
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
    /// A historic (no longer current) commune code.
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

/// Every format, most specific first (the order breaks ties).
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

static UUID: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
        .ok()
});
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$").ok()
});
static ADRESSE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(\d+\s*(bis|ter|quater|[a-d])?\b[\s,]*)?(rue|r\.|avenue|av\.?|bd|boulevard|chemin|che|ch\.|place|pl\.?|all[ée]e|impasse|imp\.?|route|rte|quai|cours|square|sq|lieu[- ]dit|lotissement|lot\.?|r[ée]sidence|hameau|faubourg|fbg|passage|voie|sentier|cit[ée]|parvis|esplanade|rond[- ]point|zone|za|zi|zac|le bourg|mont[ée]e|chauss[ée]e|promenade|villa|domaine|carrefour|traverse)\b",
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
        }
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
            | Format::LongitudeWgsFrMetropole => "number",
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
            _ => false,
        }
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
            Format::Finess => {
                let ok = dq_pivot::Finess::from_str(v).is_ok_and(|f| f.key_checked());
                yes(ok && v.len() == 9)
            }
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
            Format::Uuid => yes(is_match(&UUID, v)),
            Format::Email => yes(is_match(&EMAIL, v)),
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
                    yes(dq_pivot::postal::exists(v)).or_invalid(true)
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
            Format::LatitudeWgsFrMetropole => {
                yes(coord(p).is_some_and(|x| (41.0..=51.5).contains(&x)))
            }
            Format::LongitudeWgsFrMetropole => {
                yes(coord(p).is_some_and(|x| (-5.5..=10.0).contains(&x)))
            }
            Format::LatitudeWgs => yes(coord(p).is_some_and(|x| (-90.0..=90.0).contains(&x))),
            Format::LongitudeWgs => yes(coord(p).is_some_and(|x| (-180.0..=180.0).contains(&x))),
            Format::Int => yes(p.num().is_some_and(|n| n.integral)),
            Format::Float => yes(p.num().is_some()),
            Format::Bool => yes(value::parse_bool(v).is_some()),
            Format::String => Check::Valid,
        }
    }
}

trait CheckExt {
    fn or_lost_zero(self, lost: bool) -> Check;
    fn or_invalid(self, shape: bool) -> Check;
}

impl CheckExt for Check {
    fn or_lost_zero(self, lost: bool) -> Check {
        match self {
            Check::No | Check::Invalid if lost => Check::LostZero,
            c => c,
        }
    }
    fn or_invalid(self, shape: bool) -> Check {
        match self {
            Check::No if shape => Check::Invalid,
            c => c,
        }
    }
}

/// Lower-case ASCII folding of a header or a short value (accents removed).
pub(crate) fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
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

    #[test]
    fn hints() {
        assert!(Format::CodePostal.hinted_by("Code Postal"));
        assert!(Format::CodePostal.hinted_by("cp"));
        assert!(Format::CodeCommune.hinted_by("code_insee"));
        assert!(Format::Year.hinted_by("Année"));
        assert!(!Format::Year.hinted_by("montant"));
    }
}
