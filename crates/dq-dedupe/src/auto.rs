//! Auto-configuration: choose fields, comparisons, blocking rules and a threshold from the
//! columns alone.
//!
//! Each column is inspected on a sample (share of missing values, of digits-only values,
//! of dates, of street types, of legal forms, distinct ratio, length, header hints) and
//! typed as a [`FieldKind`]; the typing is isolated in [`infer_kind`] so that
//! `dq-profile`'s column types can replace it later. Blocking rules are then chosen among
//! the single keys and pairs of keys of the strongest fields, keeping those whose pair
//! count (measured, or estimated on a sample for large tables) stays under a budget of
//! ten pairs per record. Identifiers (SIRET, SIREN) are compared as evidence, never as
//! proof: a shared SIREN with a different NIC is its own level, which EM learns to weigh.
//!
//! ```
//! use dq_dedupe::{auto, Table};
//!
//! let csv = "siret,raison_sociale,adresse,code_postal\n\
//!     35600000000048,SARL Boulangerie Martin,12 av. Jean Jaurès,75011\n\
//!     35600000000048,Boulangerie Martin,12 avenue Jean Jaurès,75011\n\
//!     73282932000074,SCI du Parc,3 bd Saint-Michel,69003\n";
//! let table = Table::from_csv_reader(csv.as_bytes())?;
//! let auto = auto::configure(&table, None, None)?;
//! assert!(auto.config.fields.iter().any(|f| f.column == "siret"));
//! assert!(!auto.config.blocking.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;

use rayon::prelude::*;

use crate::company::normalize_company;
use crate::compare::parse_date;
use crate::config::{
    BlockingConfig, Config, FieldConfig, FieldKind, KeyConfig, Transform, VetoConfig,
};
use crate::engine::derive_key;
use crate::error::{Error, Repr};
use crate::fold::fold;
use crate::identifier::{Identifier, Key};
use crate::table::Table;
use crate::veto::IdKind;
use dq_clean::hash::FastMap;

/// What auto-configuration chose, and why.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AutoConfig {
    /// The chosen configuration, ready to run or to save as TOML.
    pub config: Config,
    /// One line per column: how it was typed, or why it was left out.
    pub notes: Vec<String>,
    /// The identifier columns (recognised, or given in [`AutoOptions::identifiers`]).
    pub identifiers: Vec<Identifier>,
    /// When the table has no probable duplicates to find (a reference table, a unique
    /// and valid key: see [`identifier`](crate::identifier)), the key that says so. The
    /// caller should then count exact duplicate rows only; `config` is still the one a
    /// forced search would use (empty when none could be chosen).
    pub no_search: Option<Key>,
}

/// Options of [`configure_with`].
///
/// ```
/// use dq_dedupe::{auto::AutoOptions, identifier::Identifier, veto::IdKind};
/// let mut options = AutoOptions::default();
/// options.id_column("record_id").identifiers(vec![Identifier::new("siret", IdKind::Siret)]);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AutoOptions {
    id_column: Option<String>,
    identifiers: Option<Vec<Identifier>>,
    search: Search,
}

/// Whether auto-configuration may decline to search a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Search {
    /// Decline when the table has a key (the default).
    #[default]
    WhenNoKey,
    /// Always configure a search, and report the key in the notes only.
    Always,
}

impl AutoOptions {
    /// The column identifying records, left out of the comparisons (default: none).
    ///
    /// # Example
    ///
    /// ```
    /// let mut o = dq_dedupe::auto::AutoOptions::default();
    /// o.id_column("rec_id");
    /// ```
    pub fn id_column(&mut self, column: &str) -> &mut Self {
        self.id_column = Some(column.to_owned());
        self
    }

    /// The identifier columns, given instead of recognised (default: recognised from
    /// headers and values, see [`identifier::recognize`](crate::identifier::recognize)).
    /// An empty list means no identifier.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{auto::AutoOptions, identifier::Identifier, veto::IdKind};
    /// let mut o = AutoOptions::default();
    /// o.identifiers(vec![Identifier::new("finess_et", IdKind::Finess)]);
    /// ```
    pub fn identifiers(&mut self, identifiers: Vec<Identifier>) -> &mut Self {
        self.identifiers = Some(identifiers);
        self
    }

    /// Whether a table with a key is declined (default [`Search::WhenNoKey`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::auto::{AutoOptions, Search};
    /// let mut o = AutoOptions::default();
    /// o.search(Search::Always);
    /// ```
    pub fn search(&mut self, search: Search) -> &mut Self {
        self.search = search;
        self
    }
}

/// Statistics of one column on a sample.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnStats {
    /// Share of empty cells.
    pub null_share: f64,
    /// Distinct non-empty values over non-empty values.
    pub distinct_ratio: f64,
    /// Number of distinct non-empty values.
    pub distinct: usize,
    /// Share of non-empty values made of digits (spaces aside).
    pub digits_share: f64,
    /// Most frequent digit count among digits-only values.
    pub digits_len: usize,
    /// Share of non-empty values that parse as dates.
    pub date_share: f64,
    /// Share of values holding a street type (`RUE`, `AVENUE`, `BD`…).
    pub street_share: f64,
    /// Share of values holding a legal form (`SARL`, `SCI`…).
    pub legal_form_share: f64,
    /// Mean number of words.
    pub mean_words: f64,
}

/// Computes [`ColumnStats`] over at most `sample` rows (evenly spread).
///
/// # Example
///
/// ```
/// let mut t = dq_dedupe::Table::new(vec!["cp".into()]);
/// for cp in ["75011", "69003", ""] { t.push_row([cp]); }
/// let s = dq_dedupe::auto::column_stats(&t, 0, 1000);
/// assert_eq!(s.digits_share, 1.0);
/// assert_eq!(s.digits_len, 5);
/// ```
pub fn column_stats(table: &Table, column: usize, sample: usize) -> ColumnStats {
    let n = table.len();
    let step = (n / sample.max(1)).max(1);
    let mut seen = HashSet::new();
    let (mut total, mut nonnull, mut digits, mut dates, mut streets, mut forms, mut words) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut len_counts = [0usize; 32];
    for row in (0..n).step_by(step) {
        total += 1;
        let v = table.cell(row, column).trim();
        if v.is_empty() {
            continue;
        }
        nonnull += 1;
        seen.insert(v);
        let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit()) {
            digits += 1;
            if let Some(c) = len_counts.get_mut(compact.len().min(31)) {
                *c += 1;
            }
        }
        if parse_date(v).is_some() {
            dates += 1;
        }
        let f = fold(v);
        words += f.split(' ').count();
        if f.split(' ').any(|w| {
            matches!(
                w,
                "RUE"
                    | "AVENUE"
                    | "AV"
                    | "BD"
                    | "BOULEVARD"
                    | "CHEMIN"
                    | "PLACE"
                    | "ALLEE"
                    | "IMPASSE"
                    | "ROUTE"
                    | "QUAI"
                    | "STREET"
                    | "ROAD"
                    | "CRESCENT"
                    | "PLACE,"
                    | "DRIVE"
                    | "AVE"
                    | "ST"
            )
        }) {
            streets += 1;
        }
        if normalize_company(v).legal_form.is_some() {
            forms += 1;
        }
    }
    let nn = nonnull.max(1) as f64;
    let digits_len = len_counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, c)| (*c, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    ColumnStats {
        null_share: if total == 0 { 1.0 } else { 1.0 - nonnull as f64 / total as f64 },
        distinct_ratio: seen.len() as f64 / nn,
        distinct: seen.len(),
        digits_share: digits as f64 / nn,
        digits_len,
        date_share: dates as f64 / nn,
        street_share: streets as f64 / nn,
        legal_form_share: forms as f64 / nn,
        mean_words: words as f64 / nn,
    }
}

/// Types a column from its header and statistics; `None` when it should not be compared
/// (mostly empty, or a record identifier unique per row).
///
/// # Example
///
/// ```
/// use dq_dedupe::auto::{infer_kind, ColumnStats};
/// use dq_dedupe::FieldKind;
///
/// let siret = ColumnStats { digits_share: 1.0, digits_len: 14, distinct_ratio: 0.9, ..ColumnStats::default() };
/// assert_eq!(infer_kind("siret", &siret), Some(FieldKind::Identifier));
/// ```
pub fn infer_kind(header: &str, s: &ColumnStats) -> Option<FieldKind> {
    let h = fold(header).to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if s.null_share > 0.9 {
        return None;
    }
    if s.distinct_ratio >= 0.999
        && s.digits_share < 0.5
        && (h == "id" || has(&["rec id", "rec_id", "identifiant", "uuid"]))
    {
        return None;
    }
    if s.date_share >= 0.8 || (has(&["date", "naissance", "birth"]) && s.date_share >= 0.5) {
        return Some(FieldKind::Date);
    }
    if s.digits_share >= 0.9 {
        if matches!(s.digits_len, 9 | 14)
            || has(&["siret", "siren", "nir", "ssn", "soc sec", "telephone", "phone"])
        {
            return Some(FieldKind::Identifier);
        }
        if has(&["postal", "code", "cp", "insee", "commune", "postcode", "zip"])
            || (matches!(s.digits_len, 4 | 5) && s.distinct_ratio < 0.7)
        {
            return Some(FieldKind::Code);
        }
        if s.distinct_ratio >= 0.5 && s.digits_len >= 6 {
            return Some(FieldKind::Identifier);
        }
        return Some(FieldKind::Number);
    }
    if has(&["mail", "courriel"]) {
        return Some(FieldKind::Identifier);
    }
    if s.street_share >= 0.3 || has(&["adresse", "address", "voie"]) {
        return Some(FieldKind::Address);
    }
    if s.legal_form_share >= 0.1
        || has(&[
            "raison",
            "denomination",
            "enseigne",
            "societe",
            "entreprise",
            "company",
            "etablissement",
        ])
    {
        return Some(FieldKind::Company);
    }
    if has(&["nom", "prenom", "name", "surname", "given"]) {
        return Some(FieldKind::Name);
    }
    // A broad attribute (a département, a type, a flag): few values for many rows.
    if (s.distinct <= 60 && s.distinct_ratio < 0.05)
        || (s.distinct <= 200 && s.distinct_ratio < 0.03)
    {
        return Some(FieldKind::Category);
    }
    if s.mean_words >= 2.0 {
        return Some(FieldKind::Text);
    }
    Some(FieldKind::Name)
}

fn atoms(kind: FieldKind, column: &str, digits: bool) -> Vec<KeyConfig> {
    let k = |t| KeyConfig::new(column, t);
    match kind {
        FieldKind::Identifier => vec![k(if digits { Transform::Digits } else { Transform::Fold })],
        FieldKind::Company => vec![k(Transform::Company), k(Transform::Phonetic)],
        FieldKind::Address => vec![k(Transform::Address)],
        FieldKind::Name => vec![k(Transform::Phonetic)],
        FieldKind::Code => vec![k(Transform::Fold)],
        FieldKind::Date => vec![k(Transform::Fold), k(Transform::Year)],
        FieldKind::Text => vec![k(Transform::FirstWord)],
        FieldKind::Number | FieldKind::Category | FieldKind::LegalForm => vec![],
    }
}

/// Chooses a configuration for `left` (deduplication) or `left` and `right` (linkage).
/// `id_column` is left out of the comparisons.
///
/// # Errors
///
/// [`ErrorKind::Config`](crate::ErrorKind::Config) when no column can be compared or no
/// blocking rule fits the budget.
///
/// # Example
///
/// See the [module documentation](self).
pub fn configure(
    left: &Table,
    right: Option<&Table>,
    id_column: Option<&str>,
) -> Result<AutoConfig, Error> {
    let mut options = AutoOptions::default();
    if let Some(c) = id_column {
        options.id_column(c);
    }
    configure_with(left, right, &options)
}

/// [`configure`] with options: identifier columns given by the caller, a search forced.
///
/// The steps are: identifiers (given, or [recognised](crate::identifier::recognize));
/// for a deduplication, whether the table has a [key](crate::identifier::key_of) and so
/// nothing to search; the vetoes (every identifier but a commune code outside a table of
/// communes); the compared fields; the blocking rules.
///
/// # Errors
///
/// As for [`configure`], except that a table with a key and no comparable column gives
/// an [`AutoConfig`] with `no_search` set and an empty configuration.
///
/// # Example
///
/// ```
/// use dq_dedupe::{auto, Table};
/// let mut csv = String::from("code,libelle\n");
/// for i in 0..30 { csv += &format!("{:08},Diplôme {i}\n", 1_022_404 + 13 * i); }
/// let t = Table::from_csv_reader(csv.as_bytes())?;
/// let chosen = auto::configure_with(&t, None, &auto::AutoOptions::default())?;
/// assert_eq!(chosen.no_search.map(|k| k.columns), Some(vec!["code".to_owned()]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn configure_with(
    left: &Table,
    right: Option<&Table>,
    options: &AutoOptions,
) -> Result<AutoConfig, Error> {
    let id_column = options.id_column.as_deref();
    let identifiers = match &options.identifiers {
        Some(ids) => ids.clone(),
        None => crate::identifier::recognize(left, 20_000),
    };
    let mut notes = Vec::new();
    let no_search = match right {
        None => crate::identifier::key_of(left, &identifiers),
        Some(_) => None,
    };
    if let Some(k) = &no_search {
        notes.push(format!("no probable duplicates to find: {}", k.reason));
    }
    let mut vetoes = Vec::new();
    for id in &identifiers {
        if Some(id.column.as_str()) == id_column {
            continue;
        }
        if let Some(r) = right {
            if r.column_index(&id.column).is_err() {
                continue;
            }
        }
        if id.kind == IdKind::Commune && id.distinct_ratio < 0.8 {
            notes.push(format!(
                "{}: commune codes, not a veto (a table of communes has one row per code; here {:.0} % distinct)",
                id.column,
                id.distinct_ratio * 100.0
            ));
            continue;
        }
        // A person's soft vetoes: what they mean, as the note says it.
        let person = match id.kind {
            IdKind::Sex => Some(
                "sex, a veto: a woman and a man are two persons, unless an identifier agrees",
            ),
            IdKind::GivenName => Some(
                "given names, a veto: two given names that are not one name up to a typo, an initial or a compound part are two persons (twins), unless an identifier agrees",
            ),
            _ => None,
        };
        if let Some(note) = person {
            notes.push(format!("{}: {note}", id.column));
            vetoes.push(VetoConfig::new(&id.column, id.kind));
            continue;
        }
        notes.push(format!(
            "{}: {} identifier ({:.0} % valid), a veto: different valid values are different entities",
            id.column,
            id.kind.as_str(),
            id.valid_share * 100.0
        ));
        vetoes.push(VetoConfig::new(&id.column, id.kind));
    }
    match choose(left, right, id_column, notes, vetoes) {
        Ok((config, notes)) => {
            let no_search = no_search.filter(|_| options.search == Search::WhenNoKey);
            Ok(AutoConfig { config, notes, identifiers, no_search })
        }
        Err(e) => match no_search {
            Some(k) if options.search == Search::WhenNoKey => Ok(AutoConfig {
                config: Config::default(),
                notes: vec![format!("no probable duplicates to find: {}", k.reason)],
                identifiers,
                no_search: Some(k),
            }),
            _ => Err(e),
        },
    }
}

/// Chooses fields and blocking rules.
fn choose(
    left: &Table,
    right: Option<&Table>,
    id_column: Option<&str>,
    mut notes: Vec<String>,
    vetoes: Vec<VetoConfig>,
) -> Result<(Config, Vec<String>), Error> {
    let mut config = Config { vetoes, ..Config::default() };
    let mut atom_list: Vec<(usize, KeyConfig)> = Vec::new();
    for (c, header) in left.headers().iter().enumerate() {
        if Some(header.as_str()) == id_column {
            notes.push(format!("{header}: record identifier, not compared"));
            continue;
        }
        if let Some(r) = right {
            if r.column_index(header).is_err() {
                notes.push(format!("{header}: missing from the right table, not compared"));
                continue;
            }
        }
        let s = column_stats(left, c, 20_000);
        let Some(kind) = infer_kind(header, &s) else {
            notes.push(format!(
                "{header}: left out (mostly empty, or unique per row like a record id)"
            ));
            continue;
        };
        if config.fields.len() >= crate::config::MAX_FIELDS - 1 {
            notes.push(format!("{header}: left out (16 fields at most)"));
            continue;
        }
        let mut field = FieldConfig::new(header, kind);
        field.term_frequency = matches!(kind, FieldKind::Name | FieldKind::Company);
        notes.push(format!(
            "{header}: {kind:?} (missing {:.0} %, distinct {:.0} %, digits {:.0} %, dates {:.0} %)",
            s.null_share * 100.0,
            s.distinct_ratio * 100.0,
            s.digits_share * 100.0,
            s.date_share * 100.0
        ));
        config.fields.push(field);
        if kind == FieldKind::Company && s.legal_form_share >= 0.05 {
            config.fields.push(FieldConfig::new(header, FieldKind::LegalForm));
            notes.push(format!(
                "{header}: its legal form compared too ({:.0} % have one)",
                s.legal_form_share * 100.0
            ));
        }
        for a in atoms(kind, header, s.digits_share >= 0.9) {
            atom_list.push((c, a));
        }
    }
    // Location fields count once: with an address compared, the postal code and the
    // commune only serve blocking, else an address agreement would count two or three
    // times (the model assumes fields independent given the match status).
    if config.fields.iter().any(|f| f.kind == FieldKind::Address) {
        let location = |h: &str| {
            let h = fold(h).to_ascii_lowercase();
            ["postal", "postcode", "cp", "commune", "ville", "city", "suburb", "localite", "zip"]
                .iter()
                .any(|w| {
                    h.split(' ').any(|t| t == *w)
                        || h.contains(&format!("{w} "))
                        || h.starts_with(w)
                })
        };
        let before = config.fields.len();
        config.fields.retain(|f| f.kind == FieldKind::Address || !location(&f.column));
        if config.fields.len() < before {
            notes.push(
                "postal code and commune: used for blocking only, the address is compared".into(),
            );
        }
    }
    if config.fields.is_empty() {
        return Err(Repr::Config("no column can be compared".into()).into());
    }
    config.blocking = choose_blocking(left, right, &atom_list, &mut notes)?;
    let n = left.len() + right.map_or(0, Table::len);
    notes.push(format!(
        "threshold {} on the match probability; clusters by {:?}",
        config.threshold, config.cluster
    ));
    let _ = n;
    Ok((config, notes))
}

fn choose_blocking(
    left: &Table,
    right: Option<&Table>,
    atoms: &[(usize, KeyConfig)],
    notes: &mut Vec<String>,
) -> Result<Vec<BlockingConfig>, Error> {
    let n = left.len().max(right.map_or(0, Table::len)).max(1) as u64;
    let budget = (10 * n).max(20_000);
    // Large tables: count on an evenly spread sample and scale.
    const SAMPLE: usize = 100_000;
    let sample_of = |t: &Table| -> (Table, f64) {
        if t.len() <= SAMPLE {
            return (t.clone(), 1.0);
        }
        let step = t.len() / SAMPLE;
        let mut s = Table::new(t.headers().to_vec());
        let ncol = t.headers().len();
        for row in (0..t.len()).step_by(step.max(1)) {
            let cells: Vec<&str> = (0..ncol).map(|c| t.cell(row, c)).collect();
            s.push_row(cells);
        }
        let f = t.len() as f64 / s.len().max(1) as f64;
        (s, f)
    };
    let (sl, fl) = sample_of(left);
    let sr = right.map(sample_of);
    let scale = match &sr {
        Some((_, fr)) => fl * fr,
        None => fl * fl,
    };
    let mut candidates: Vec<BlockingConfig> =
        atoms.iter().map(|(_, a)| BlockingConfig::new(vec![a.clone()])).collect();
    let singles = candidates.len();
    let mut combos: Vec<(usize, usize)> = Vec::new();
    for (i, (ci, a)) in atoms.iter().enumerate() {
        for (j, (cj, b)) in atoms.iter().enumerate().skip(i + 1) {
            if ci != cj {
                candidates.push(BlockingConfig::new(vec![a.clone(), b.clone()]));
                combos.push((i, j));
            }
        }
    }
    // Each atom's key is derived once per record; pairs of atoms are counted from the
    // pairs of key ids.
    let ids: Vec<Vec<u32>> = atoms
        .par_iter()
        .map(|(_, a)| key_ids(&sl, sr.as_ref().map(|(t, _)| t), a))
        .collect::<Result<_, _>>()?;
    let n_left = sl.len();
    let linking = sr.is_some();
    let count_groups = |keys: &mut dyn Iterator<Item = (usize, u64)>| -> u64 {
        let mut sizes: FastMap<u64, (u64, u64)> = FastMap::default();
        for (row, key) in keys {
            let e = sizes.entry(key).or_insert((0, 0));
            if linking && row >= n_left {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
        }
        sizes
            .values()
            .map(|&(l, r)| if linking { l * r } else { l * l.saturating_sub(1) / 2 })
            .sum()
    };
    let mut counts: Vec<u64> = ids
        .iter()
        .map(|v| {
            count_groups(
                &mut v
                    .iter()
                    .enumerate()
                    .filter(|(_, &k)| k != u32::MAX)
                    .map(|(r, &k)| (r, u64::from(k))),
            )
        })
        .collect();
    for &(i, j) in &combos {
        let (Some(a), Some(b)) = (ids.get(i), ids.get(j)) else {
            counts.push(0);
            continue;
        };
        counts.push(count_groups(
            &mut a
                .iter()
                .zip(b)
                .enumerate()
                .filter(|(_, (&x, &y))| x != u32::MAX && y != u32::MAX)
                .map(|(r, (&x, &y))| (r, (u64::from(x) << 32) | u64::from(y))),
        ));
    }
    let mut chosen: Vec<BlockingConfig> = Vec::new();
    let mut kept_atoms: Vec<&KeyConfig> = Vec::new();
    for (i, (rule, &count)) in candidates.iter().zip(&counts).enumerate() {
        let est = (count as f64 * scale) as u64;
        if est == 0 {
            continue;
        }
        if est > budget {
            if i < singles {
                notes.push(format!(
                    "blocking {}: about {est} pairs, over the budget of {budget}, combined instead",
                    rule.name
                ));
            }
            continue;
        }
        if i >= singles && rule.keys.iter().any(|k| kept_atoms.contains(&k)) {
            continue;
        }
        if i < singles {
            if let Some(k) = rule.keys.first() {
                kept_atoms.push(k);
            }
        }
        notes.push(format!("blocking {}: about {est} pairs", rule.name));
        chosen.push(rule.clone());
        if chosen.len() >= 8 {
            break;
        }
    }
    if chosen.is_empty() {
        return Err(Repr::Config("no blocking rule fits the pair budget".into()).into());
    }
    Ok(chosen)
}

/// The key id of every record (left then right) for one key component; `u32::MAX` when
/// the key is empty.
fn key_ids(left: &Table, right: Option<&Table>, key: &KeyConfig) -> Result<Vec<u32>, Error> {
    let mut map: FastMap<String, u32> = FastMap::default();
    let mut out = Vec::with_capacity(left.len() + right.map_or(0, Table::len));
    let mut buf = String::new();
    for t in std::iter::once(left).chain(right) {
        let c = t.column_index(&key.column)?;
        for row in 0..t.len() {
            derive_key(key, t.cell(row, c), &mut buf);
            if buf.is_empty() {
                out.push(u32::MAX);
            } else {
                let next = map.len() as u32;
                out.push(*map.entry(buf.clone()).or_insert(next));
            }
        }
    }
    Ok(out)
}
