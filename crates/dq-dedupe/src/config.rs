//! The configuration of a deduplication or linkage: fields, blocking rules, threshold.
//!
//! It is read from and written to TOML (see `docs/dedupe-config.md`):
//!
//! ```
//! use dq_dedupe::Config;
//!
//! let config = Config::from_toml(r#"
//!     threshold = 0.9
//!     [[field]]
//!     column = "siret"
//!     kind = "identifier"
//!     [[field]]
//!     column = "raison_sociale"
//!     kind = "company"
//!     [[blocking]]
//!     keys = [{ column = "siret" }]
//! "#)?;
//! assert_eq!(config.fields.len(), 2);
//! assert_eq!(Config::from_toml(&config.to_toml())?.fields, config.fields);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Repr};
use crate::veto::IdKind;

/// How a field is prepared and compared, which decides its comparison levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FieldKind {
    /// A person's name: exact / Jaro–Winkler ≥ 0.92 / ≥ 0.80 / else.
    Name,
    /// A company name (raison sociale, enseigne): legal form removed; exact / Jaro–Winkler
    /// ≥ 0.92 or same words / token-set ≥ 0.75 / else.
    Company,
    /// The legal form found in a company name: same / different (missing is neutral).
    LegalForm,
    /// A postal address: exact key / same house number and close street / close / else.
    Address,
    /// An identifier (SIRET, SIREN, social security number, e-mail, phone): exact / one
    /// edit (a typo) / same SIREN (first 9 of 14 digits: a sibling establishment) / else.
    Identifier,
    /// A code (postal code, commune code): exact / same first two characters / else.
    Code,
    /// A date: equal / day and month swapped, one year apart or one character off / else.
    Date,
    /// A number: equal / within 10 % or one character off / else.
    Number,
    /// Free text: exact / Jaro–Winkler ≥ 0.9 / token-set ≥ 0.8 / else.
    Text,
    /// A category: equal / different.
    Category,
}

/// A compared field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldConfig {
    /// The column compared.
    pub column: String,
    /// How it is compared.
    pub kind: FieldKind,
    /// Whether exact agreement on a rare value weighs more than on a frequent one.
    #[serde(default)]
    pub term_frequency: bool,
}

impl FieldConfig {
    /// A field on `column` compared as `kind`, without term-frequency adjustment.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{FieldConfig, FieldKind};
    /// let f = FieldConfig::new("nom", FieldKind::Name);
    /// assert!(!f.term_frequency);
    /// ```
    pub fn new(column: &str, kind: FieldKind) -> FieldConfig {
        FieldConfig { column: column.to_owned(), kind, term_frequency: false }
    }

    /// With exact agreement on a rare value weighing more than on a frequent one.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{FieldConfig, FieldKind};
    /// assert!(FieldConfig::new("nom", FieldKind::Name).with_term_frequency(true).term_frequency);
    /// ```
    pub fn with_term_frequency(mut self, yes: bool) -> FieldConfig {
        self.term_frequency = yes;
        self
    }
}

/// The most random pairs `u` may be estimated from (they are held in memory).
const MAX_RANDOM_PAIRS: u64 = 100_000_000;

/// The most hash functions per min-hash band.
const MAX_MINHASH_ROWS: usize = 64;

/// How a blocking key is derived from a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Transform {
    /// The value folded (upper-case ASCII, punctuation as spaces).
    #[default]
    Fold,
    /// The value as it is.
    Exact,
    /// The French phonetic key of every word.
    Phonetic,
    /// The company name without legal form and generic words.
    Company,
    /// The normalised address.
    Address,
    /// The digits only.
    Digits,
    /// The year of a date.
    Year,
    /// The first word, folded.
    FirstWord,
    /// One band of a MinHash signature over the character 3-grams of the folded value
    /// (see `band` and `rows`): q-gram locality-sensitive hashing.
    MinHash,
}

/// One component of a blocking key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyConfig {
    /// The column the key is derived from.
    pub column: String,
    /// How it is derived (default `fold`).
    #[serde(default)]
    pub transform: Transform,
    /// Keep only the first `prefix` characters of the derived key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<usize>,
    /// For `min-hash`: which band (0-based).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub band: usize,
    /// For `min-hash`: hash functions per band (default 4, at most 64).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rows: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl KeyConfig {
    /// A key on `column` derived by `transform`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{KeyConfig, Transform};
    /// let k = KeyConfig::new("nom", Transform::Phonetic);
    /// assert_eq!(k.prefix, None);
    /// ```
    pub fn new(column: &str, transform: Transform) -> KeyConfig {
        KeyConfig { column: column.to_owned(), transform, prefix: None, band: 0, rows: 0 }
    }

    /// Keeping only the first `n` characters of the derived key.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{KeyConfig, Transform};
    /// assert_eq!(KeyConfig::new("code_postal", Transform::Digits).with_prefix(2).prefix, Some(2));
    /// ```
    pub fn with_prefix(mut self, n: usize) -> KeyConfig {
        self.prefix = Some(n);
        self
    }

    /// For [`Transform::MinHash`]: band `band` of `rows` hash functions.
    pub fn with_min_hash_band(mut self, band: usize, rows: usize) -> KeyConfig {
        self.band = band;
        self.rows = rows;
        self
    }
}

/// A blocking rule: records whose keys are all equal (and not empty) become candidate
/// pairs; with `window`, a sorted neighbourhood over the concatenated key instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BlockingConfig {
    /// A name for reports (default: the keys joined).
    #[serde(default)]
    pub name: String,
    /// The key components.
    pub keys: Vec<KeyConfig>,
    /// Sorted neighbourhood: pair each record with the next `window - 1` records in key
    /// order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<usize>,
}

impl BlockingConfig {
    /// An equality rule over `keys`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{BlockingConfig, KeyConfig, Transform};
    /// let r = BlockingConfig::new(vec![KeyConfig::new("siret", Transform::Digits)]);
    /// assert_eq!(r.name, "siret:digits");
    /// ```
    pub fn new(keys: Vec<KeyConfig>) -> BlockingConfig {
        let mut r = BlockingConfig { name: String::new(), keys, window: None };
        r.name = r.default_name();
        r
    }

    /// A sorted neighbourhood of `window` records over the keys, instead of equality.
    pub fn with_window(mut self, window: usize) -> BlockingConfig {
        self.window = Some(window);
        self
    }

    /// Named `name` in reports.
    pub fn with_name(mut self, name: &str) -> BlockingConfig {
        self.name = name.to_owned();
        self
    }

    pub(crate) fn default_name(&self) -> String {
        let parts: Vec<String> = self
            .keys
            .iter()
            .map(|k| {
                let t = serde_json_like(k.transform);
                match k.prefix {
                    Some(p) => format!("{}:{t}:{p}", k.column),
                    None => format!("{}:{t}", k.column),
                }
            })
            .collect();
        parts.join("+")
    }
}

impl Transform {
    /// Every transform, in the order of the documentation.
    pub const ALL: [Transform; 9] = [
        Transform::Fold,
        Transform::Exact,
        Transform::Phonetic,
        Transform::Company,
        Transform::Address,
        Transform::Digits,
        Transform::Year,
        Transform::FirstWord,
        Transform::MinHash,
    ];

    /// The name used in configuration files (`"fold"`, `"first-word"`, `"min-hash"`, …).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::Transform;
    /// assert_eq!(Transform::FirstWord.name(), "first-word");
    /// assert_eq!(Transform::from_name("first-word"), Some(Transform::FirstWord));
    /// ```
    pub fn name(self) -> &'static str {
        serde_json_like(self)
    }

    /// The transform of a configuration name (also accepted with `_` for `-`), or `None`.
    pub fn from_name(name: &str) -> Option<Transform> {
        let name = name.trim().replace('_', "-");
        Transform::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl FieldKind {
    /// Every field kind, in the order of the documentation.
    pub const ALL: [FieldKind; 10] = [
        FieldKind::Name,
        FieldKind::Company,
        FieldKind::LegalForm,
        FieldKind::Address,
        FieldKind::Identifier,
        FieldKind::Code,
        FieldKind::Date,
        FieldKind::Number,
        FieldKind::Text,
        FieldKind::Category,
    ];

    /// The name used in configuration files (`"name"`, `"legal-form"`, …).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::FieldKind;
    /// assert_eq!(FieldKind::LegalForm.name(), "legal-form");
    /// assert_eq!(FieldKind::from_name("legal_form"), Some(FieldKind::LegalForm));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Name => "name",
            FieldKind::Company => "company",
            FieldKind::LegalForm => "legal-form",
            FieldKind::Address => "address",
            FieldKind::Identifier => "identifier",
            FieldKind::Code => "code",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            FieldKind::Text => "text",
            FieldKind::Category => "category",
        }
    }

    /// The field kind of a configuration name (also accepted with `_` for `-`), or `None`.
    pub fn from_name(name: &str) -> Option<FieldKind> {
        let name = name.trim().replace('_', "-");
        FieldKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The number of comparison levels of this kind, the null level aside: level `0` is
    /// exact agreement and the last level disagreement.
    pub fn levels(self) -> u8 {
        crate::engine::level_count(self) as u8
    }

    /// The name of comparison level `level` of this kind: `exact` for level 0,
    /// `different` for the last, `close` and `similar` between them (the first and
    /// second degrees of partial agreement, where the kind has them), `missing` for the
    /// null level (a value absent on either side).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::FieldKind;
    /// let names: Vec<_> = (0..FieldKind::Name.levels()).map(|l| FieldKind::Name.level_name(l)).collect();
    /// assert_eq!(names, ["exact", "close", "similar", "different"]);
    /// assert_eq!(FieldKind::Date.level_name(2), "different");
    /// assert_eq!(FieldKind::Date.level_name(15), "missing");
    /// ```
    pub fn level_name(self, level: u8) -> &'static str {
        let last = self.levels().saturating_sub(1);
        match level {
            crate::model::NULL_LEVEL => "missing",
            0 => "exact",
            l if l >= last => "different",
            1 => "close",
            _ => "similar",
        }
    }
}

fn serde_json_like(t: Transform) -> &'static str {
    match t {
        Transform::Fold => "fold",
        Transform::Exact => "exact",
        Transform::Phonetic => "phonetic",
        Transform::Company => "company",
        Transform::Address => "address",
        Transform::Digits => "digits",
        Transform::Year => "year",
        Transform::FirstWord => "first-word",
        Transform::MinHash => "min-hash",
    }
}

/// A veto: two records whose valid identifiers in `column` are not
/// [compatible](crate::veto::compatible) as `kind` are different entities, whatever the
/// compared fields say. Delete the `[[veto]]` entry from the configuration to turn it off.
///
/// ```
/// let config = dq_dedupe::Config::from_toml(r#"
///     [[field]]
///     column = "raison_sociale"
///     kind = "company"
///     [[blocking]]
///     keys = [{ column = "code_postal" }]
///     [[veto]]
///     column = "siret"
///     kind = "siret"
/// "#)?;
/// assert_eq!(config.vetoes[0].kind, dq_dedupe::veto::IdKind::Siret);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VetoConfig {
    /// The column holding the identifier.
    pub column: String,
    /// How its values are validated and compared.
    pub kind: IdKind,
}

impl VetoConfig {
    /// A veto on `column` read as `kind`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{veto::IdKind, VetoConfig};
    /// let v = VetoConfig::new("finess", IdKind::Finess);
    /// assert_eq!(v.column, "finess");
    /// ```
    pub fn new(column: &str, kind: IdKind) -> VetoConfig {
        VetoConfig { column: column.to_owned(), kind }
    }
}

/// How scored pairs become clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ClusterMethod {
    /// Connected components of the pairs at or above the threshold, taken by decreasing
    /// probability, where two clusters merge only when no record of one vetoes a record
    /// of the other (and a merge checks at most 10,000 cross pairs): see
    /// [`cluster::constrained_components`](crate::cluster::constrained_components). The
    /// default: on FEBRL3 and the synthetic establishments it keeps the precision of
    /// `centre` (1.000 and 0.999) with more recall (F1 0.995 against 0.965, 0.983 against
    /// 0.975 at 10k rows).
    #[default]
    ConnectedComponents,
    /// Centre clustering: pairs are taken by decreasing probability; a record not yet
    /// placed becomes a centre or joins a centre, never a mere member, so false positives
    /// do not chain into giant clusters.
    Centre,
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Config {
    /// Seed of the random pairs used to estimate u (default 42).
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Match probability at or above which a pair is a match (default 0.99, the best F1
    /// on the synthetic establishments at 10k and 100k rows).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// Clustering method (default `connected-components`, constrained by the vetoes).
    #[serde(default)]
    pub cluster: ClusterMethod,
    /// Cap on the candidate pairs of one blocking rule (default 50 000 000).
    #[serde(default = "default_max_pairs")]
    pub max_pairs: u64,
    /// Random pairs drawn to estimate u (default 300 000, at most 100 000 000).
    #[serde(default = "default_random_pairs")]
    pub random_pairs: u64,
    /// The compared fields (at most 16).
    #[serde(default, rename = "field")]
    pub fields: Vec<FieldConfig>,
    /// The blocking rules, united.
    #[serde(default, rename = "blocking")]
    pub blocking: Vec<BlockingConfig>,
    /// Identifier vetoes (none by default): a pair whose identifiers are incompatible is
    /// never a match.
    #[serde(default, rename = "veto", skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<VetoConfig>,
}

fn default_seed() -> u64 {
    42
}
fn default_threshold() -> f64 {
    0.99
}
fn default_max_pairs() -> u64 {
    50_000_000
}
fn default_random_pairs() -> u64 {
    300_000
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: default_seed(),
            threshold: default_threshold(),
            cluster: ClusterMethod::default(),
            max_pairs: default_max_pairs(),
            random_pairs: default_random_pairs(),
            fields: Vec::new(),
            blocking: Vec::new(),
            vetoes: Vec::new(),
        }
    }
}

/// Most fields a configuration may compare.
pub const MAX_FIELDS: usize = 16;

impl Config {
    /// An empty configuration with the defaults (seed 42, threshold 0.99, constrained
    /// connected components), to fill with the `with_*` setters.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{veto::IdKind, BlockingConfig, Config, FieldKind, KeyConfig, Transform};
    ///
    /// let config = Config::new()
    ///     .with_field("raison_sociale", FieldKind::Company)
    ///     .with_field("adresse", FieldKind::Address)
    ///     .with_blocking(BlockingConfig::new(vec![KeyConfig::new("code_postal", Transform::Exact)]))
    ///     .with_veto("siret", IdKind::Siret)
    ///     .with_threshold(0.95);
    /// config.check()?;
    /// assert_eq!(config, Config::from_toml(&config.to_toml())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Config {
        Config::default()
    }

    /// With one more compared field.
    pub fn with_field(mut self, column: &str, kind: FieldKind) -> Config {
        self.fields.push(FieldConfig::new(column, kind));
        self
    }

    /// With one more compared field, configured ([`FieldConfig::with_term_frequency`]).
    pub fn with_field_config(mut self, field: FieldConfig) -> Config {
        self.fields.push(field);
        self
    }

    /// With one more blocking rule.
    pub fn with_blocking(mut self, rule: BlockingConfig) -> Config {
        self.blocking.push(rule);
        self
    }

    /// With one more identifier veto.
    pub fn with_veto(mut self, column: &str, kind: IdKind) -> Config {
        self.vetoes.push(VetoConfig::new(column, kind));
        self
    }

    /// With the match threshold `threshold` (a probability).
    pub fn with_threshold(mut self, threshold: f64) -> Config {
        self.threshold = threshold;
        self
    }

    /// With the clustering method `method`.
    pub fn with_cluster(mut self, method: ClusterMethod) -> Config {
        self.cluster = method;
        self
    }

    /// With the seed of the random pairs.
    pub fn with_seed(mut self, seed: u64) -> Config {
        self.seed = seed;
        self
    }

    /// With the cap on one blocking rule's candidate pairs.
    pub fn with_max_pairs(mut self, max_pairs: u64) -> Config {
        self.max_pairs = max_pairs;
        self
    }

    /// With `n` random pairs to estimate u.
    pub fn with_random_pairs(mut self, n: u64) -> Config {
        self.random_pairs = n;
        self
    }

    /// Parses and checks a TOML configuration.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when the TOML is invalid, has no
    /// field or blocking rule, more than 16 fields, or a threshold outside `[0, 1]`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_dedupe::Config::from_toml("threshold = 2.0").is_err());
    /// ```
    pub fn from_toml(s: &str) -> Result<Config, Error> {
        let mut c: Config = toml::from_str(s).map_err(|e| Repr::Config(e.to_string()))?;
        for r in &mut c.blocking {
            if r.name.is_empty() {
                r.name = r.default_name();
            }
        }
        c.check()?;
        Ok(c)
    }

    /// Writes the configuration as TOML.
    ///
    /// # Example
    ///
    /// ```
    /// let toml = dq_dedupe::Config::default().to_toml();
    /// assert!(toml.contains("threshold = 0.99"));
    /// ```
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Checks the configuration's invariants.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config), as for [`Config::from_toml`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_dedupe::Config::default().check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), Error> {
        let fail = |m: &str| -> Result<(), Error> { Err(Repr::Config(m.to_owned()).into()) };
        if self.fields.is_empty() {
            return fail("no field to compare");
        }
        if self.fields.len() > MAX_FIELDS {
            return fail("more than 16 fields");
        }
        if self.blocking.is_empty() {
            return fail("no blocking rule");
        }
        if self.blocking.iter().any(|b| b.keys.is_empty()) {
            return fail("a blocking rule has no key");
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return fail("threshold outside [0, 1]");
        }
        if self.random_pairs > MAX_RANDOM_PAIRS {
            return fail("random_pairs above 100000000");
        }
        if self.blocking.iter().flat_map(|b| &b.keys).any(|k| k.rows > MAX_MINHASH_ROWS) {
            return fail("a min-hash key has more than 64 rows");
        }
        Ok(())
    }
}
