//! Which columns hold identifiers, and whether a table has any probable duplicates to
//! find.
//!
//! Both are separate steps of auto-configuration so that a caller who already knows the
//! columns (from `dq_clean`'s column plan, or by hand) can pass them instead
//! ([`AutoOptions::identifiers`](crate::auto::AutoOptions::identifiers)).
//!
//! # Recognition ([`recognize`])
//!
//! A column is an identifier of a kind when its header names the kind (`siret`,
//! `finess`, `uai`, `rna`, `cle_interop`, a commune code, a birth date…) and at least
//! half of its non-empty values validate with `dq-pivot`, or, without a header, when at
//! least 90 % of them validate as a kind whose form cannot be mistaken (a SIRET, a SIREN,
//! a UAI, an RNA number, a `cle_interop`). House numbers and suffixes are recognised by
//! their header in a table that has a street column.
//!
//! # When not to search ([`key_of`])
//!
//! A table has no probable duplicates to find when it has a key: a column, or a pair of
//! columns, that is filled in at least 99 % of the rows and unique in at least 99.5 % of
//! them, and whose columns are identifiers (above) or *formatted codes*: values without
//! spaces made of letters and digits (`01022404`, `2A01`, `46Z22999`), at least 99 % of
//! them of one length, most with a digit, not dates, and not a row number (a header such
//! as `id` or `record`, or consecutive integers). The second column of a pair may also
//! be a type with at most 12 values (`TYPECOM` beside the commune code of the COG). A
//! reference table (one row per code: the COG, a nomenclature) and a table whose key
//! column is unique and valid are such tables: each row is its own entity, and only
//! exact duplicate rows remain to count.
//!
//! ```
//! use dq_dedupe::{identifier, veto::IdKind, Table};
//!
//! let mut t = Table::new(vec!["code".into(), "libelle".into()]);
//! for i in 0..40 {
//!     t.push_row([format!("46Z{:05}", 7 * i + 3).as_str(), "BTS Commerce international"]);
//! }
//! let key = identifier::key_of(&t, &[]).expect("a nomenclature has a key");
//! assert_eq!(key.columns, ["code"]);
//! let siret = identifier::recognize(&Table::from_csv_reader(
//!     "siret,nom\n73282932000074,Martin\n".as_bytes())?, 1000);
//! assert_eq!(siret[0].kind, IdKind::Siret);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;

use crate::fold::fold;
use crate::table::Table;
use crate::veto::{canonical, IdKind};
use dq_clean::hash::FastMap;

/// A column recognised as an identifier.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Identifier {
    /// The column.
    pub column: String,
    /// The kind of identifier.
    pub kind: IdKind,
    /// Share of the non-empty values (of the sample) that validate.
    pub valid_share: f64,
    /// Distinct valid values over valid values (of the sample).
    pub distinct_ratio: f64,
}

impl Identifier {
    /// An identifier column given by the caller (shares unknown, set to 1).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::{identifier::Identifier, veto::IdKind};
    /// let id = Identifier::new("finess_et", IdKind::Finess);
    /// assert_eq!(id.kind, IdKind::Finess);
    /// ```
    pub fn new(column: &str, kind: IdKind) -> Identifier {
        Identifier { column: column.to_owned(), kind, valid_share: 1.0, distinct_ratio: 1.0 }
    }
}

/// The words of a header, folded to lower case (`Code commune INSEE` → `code`,
/// `commune`, `insee`).
fn header_words(header: &str) -> Vec<String> {
    fold(header)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The kind a header names, if any.
fn header_kind(words: &[String], has_street: bool) -> Option<IdKind> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let joined = words.join(" ");
    if has("siret") {
        return Some(IdKind::Siret);
    }
    if has("siren") {
        return Some(IdKind::Siren);
    }
    if words.iter().any(|w| w.starts_with("finess")) {
        return Some(IdKind::Finess);
    }
    if has("uai") {
        return Some(IdKind::Uai);
    }
    if has("rna") || has("waldec") {
        return Some(IdKind::Rna);
    }
    if joined.contains("cle interop") || has("cleinterop") {
        return Some(IdKind::CleInterop);
    }
    if has("naissance") || has("birth") || has("dob") || has("ddn") || joined.contains("date nais")
    {
        return Some(IdKind::BirthDate);
    }
    if has("prenom")
        || has("prenoms")
        || has("given")
        || has("forename")
        || has("firstname")
        || (has("first") && has("name"))
    {
        return Some(IdKind::GivenName);
    }
    if has("sexe") || has("sex") || has("gender") || has("civilite") {
        return Some(IdKind::Sex);
    }
    let postal = has("postal") || has("cp") || has("postcode") || has("zip");
    if !postal
        && (has("insee")
            || has("depcom")
            || has("codgeo")
            || has("cog")
            || has("com")
            || (has("code") && has("commune")))
    {
        return Some(IdKind::Commune);
    }
    if has_street
        && matches!(
            joined.as_str(),
            "numero"
                | "num"
                | "numero voie"
                | "suffixe"
                | "indice repetition"
                | "indice de repetition"
        )
    {
        return Some(IdKind::Key);
    }
    None
}

/// Recognises the identifier columns of `table` from their headers and the values of at
/// most `sample` rows (evenly spread), validated with `dq-pivot`.
///
/// # Example
///
/// ```
/// use dq_dedupe::{identifier::recognize, veto::IdKind, Table};
/// let t = Table::from_csv_reader("finess,rs\n010001733,LBM Croix Blanche\n".as_bytes())?;
/// assert_eq!(recognize(&t, 1000)[0].kind, IdKind::Finess);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recognize(table: &Table, sample: usize) -> Vec<Identifier> {
    let n = table.len();
    let step = (n / sample.max(1)).max(1);
    let has_street = table.headers().iter().any(|h| header_words(h).iter().any(|w| w == "voie"));
    let mut out = Vec::new();
    let mut buf = String::new();
    for (c, header) in table.headers().iter().enumerate() {
        let named = header_kind(&header_words(header), has_street);
        // Without a header naming it, only kinds whose form cannot be mistaken.
        let candidates: &[IdKind] = match named {
            Some(IdKind::Siren) => &[IdKind::Siren],
            Some(k) => std::slice::from_ref(match k {
                IdKind::Siret => &IdKind::Siret,
                IdKind::Finess => &IdKind::Finess,
                IdKind::Uai => &IdKind::Uai,
                IdKind::Rna => &IdKind::Rna,
                IdKind::CleInterop => &IdKind::CleInterop,
                IdKind::Commune => &IdKind::Commune,
                IdKind::BirthDate => &IdKind::BirthDate,
                IdKind::GivenName => &IdKind::GivenName,
                IdKind::Sex => &IdKind::Sex,
                _ => &IdKind::Key,
            }),
            None => &[IdKind::Siret, IdKind::Uai, IdKind::Rna, IdKind::CleInterop],
        };
        let mut best: Option<Identifier> = None;
        for &kind in candidates {
            let (mut nonnull, mut valid) = (0usize, 0usize);
            let mut distinct: HashSet<String> = HashSet::new();
            for row in (0..n).step_by(step) {
                let v = table.cell(row, c);
                if v.trim().is_empty() {
                    continue;
                }
                nonnull += 1;
                canonical(kind, v, &mut buf);
                if !buf.is_empty() {
                    valid += 1;
                    if !distinct.contains(buf.as_str()) {
                        distinct.insert(buf.clone());
                    }
                }
            }
            if nonnull == 0 {
                continue;
            }
            let share = valid as f64 / nonnull as f64;
            let needed = if named.is_some() { 0.5 } else { 0.9 };
            if share >= needed && best.as_ref().map_or(true, |b| share > b.valid_share) {
                best = Some(Identifier {
                    column: header.clone(),
                    kind,
                    valid_share: share,
                    distinct_ratio: distinct.len() as f64 / valid.max(1) as f64,
                });
            }
        }
        // A 9-digit SIRET column is a SIREN column.
        if let Some(b) = &mut best {
            if named.is_none() && b.kind == IdKind::Siret {
                let nine = (0..n)
                    .step_by(step)
                    .map(|r| table.cell(r, c))
                    .filter(|v| !v.trim().is_empty())
                    .all(|v| v.chars().filter(char::is_ascii_digit).count() == 9);
                if nine {
                    b.kind = IdKind::Siren;
                }
            }
        }
        out.extend(best);
    }
    out
}

/// The key that makes each row its own entity (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Key {
    /// Its column(s).
    pub columns: Vec<String>,
    /// Rows whose key is filled in.
    pub filled: usize,
    /// Distinct keys among them.
    pub distinct: usize,
    /// Why the table has no probable duplicates to find, in words.
    pub reason: String,
}

/// Whether a header names a row number or a surrogate id.
fn surrogate_header(header: &str) -> bool {
    header_words(header).iter().any(|w| {
        matches!(
            w.as_str(),
            "id" | "uuid"
                | "guid"
                | "rec"
                | "record"
                | "row"
                | "rowid"
                | "index"
                | "idx"
                | "objectid"
                | "fid"
                | "gid"
                | "pk"
                | "identifiant"
        )
    })
}

/// A cell trimmed of spaces and of one pair of surrounding double quotes (left by a
/// failed quote parse upstream).
fn unquote(v: &str) -> &str {
    let v = v.trim();
    v.strip_prefix('"').and_then(|x| x.strip_suffix('"')).unwrap_or(v).trim()
}

/// Whether the non-empty values of column `c` are formatted codes (see the module
/// documentation).
fn formatted_code(table: &Table, c: usize) -> bool {
    let n = table.len();
    let step = (n / 20_000).max(1);
    let mut lengths: FastMap<usize, usize> = FastMap::default();
    let (mut total, mut with_digit, mut dates) = (0usize, 0usize, 0usize);
    let mut ints: Vec<u64> = Vec::new();
    let mut all_int = true;
    let mut digit_lengths: FastMap<usize, usize> = FastMap::default();
    for row in (0..n).step_by(step) {
        let v = unquote(table.cell(row, c));
        if v.is_empty() {
            continue;
        }
        if v.len() < 2
            || v.len() > 24
            || !v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            return false;
        }
        total += 1;
        *lengths.entry(v.len()).or_insert(0) += 1;
        if v.bytes().any(|b| b.is_ascii_digit()) {
            with_digit += 1;
        }
        if crate::veto::birth_date(v).is_some() {
            dates += 1;
        }
        match v.parse::<u64>() {
            Ok(x) if all_int => ints.push(x),
            _ => all_int = false,
        }
        if v.bytes().all(|b| b.is_ascii_digit()) {
            *digit_lengths.entry(v.len()).or_insert(0) += 1;
        }
    }
    if total == 0 {
        return false;
    }
    // One length, or two adjacent ones when the shorter values are digits (a code whose
    // leading zero a spreadsheet dropped: `1022404` beside `01022404`).
    let (modal_len, modal_count) =
        lengths.iter().map(|(&l, &c)| (l, c)).max_by_key(|&(l, c)| (c, l)).unwrap_or((0, 0));
    let shorter = digit_lengths.get(&modal_len.saturating_sub(1)).copied().unwrap_or(0);
    let modal = modal_count + shorter;
    let t = total as f64;
    if (modal as f64) < 0.99 * t || (with_digit as f64) < 0.9 * t || (dates as f64) >= 0.5 * t {
        return false;
    }
    // Consecutive integers are row numbers.
    if all_int && step == 1 {
        ints.sort_unstable();
        let consecutive = ints.windows(2).all(|w| matches!(w, [a, b] if *b == a + 1));
        if consecutive {
            return false;
        }
    }
    true
}

/// How many rows have the key filled in, and how many distinct keys they have, over the
/// whole table; stops early (returning `None`) once more than 0.5 % of the rows repeat
/// a key.
fn uniqueness(table: &Table, cols: &[usize]) -> Option<(usize, usize)> {
    use std::hash::{BuildHasher, Hasher};
    let n = table.len();
    let allowed = n / 200;
    // Keys are hashed to 64 bits (a collision could only make a key look repeated,
    // which means searching: the safe side).
    let build = dq_clean::hash::FastBuild::default();
    let mut seen: FastMap<u64, ()> = FastMap::default();
    let (mut filled, mut repeats) = (0usize, 0usize);
    'rows: for row in 0..n {
        let mut h = build.build_hasher();
        for &c in cols {
            let v = unquote(table.cell(row, c));
            if v.is_empty() {
                continue 'rows;
            }
            h.write(v.as_bytes());
            h.write_u8(0xff);
        }
        filled += 1;
        if seen.insert(h.finish(), ()).is_some() {
            repeats += 1;
            if repeats > allowed {
                return None;
            }
        }
    }
    Some((filled, filled - repeats))
}

/// The key of `table` (a reference table, or a unique and valid key column), or `None`
/// when probable duplicates should be searched. `identifiers` are the recognised (or
/// given) identifier columns; tables of fewer than 10 rows never have one.
///
/// # Example
///
/// See the [module documentation](self).
pub fn key_of(table: &Table, identifiers: &[Identifier]) -> Option<Key> {
    let n = table.len();
    if n < 10 {
        return None;
    }
    let headers = table.headers();
    let mut candidates: Vec<usize> = Vec::new();
    let mut types: Vec<usize> = Vec::new();
    for (c, h) in headers.iter().enumerate() {
        let id = identifiers.iter().find(|i| &i.column == h);
        let is_key = match id {
            Some(i) => {
                !matches!(i.kind, IdKind::BirthDate | IdKind::Key | IdKind::GivenName | IdKind::Sex)
            }
            None => !surrogate_header(h) && formatted_code(table, c),
        };
        if is_key {
            candidates.push(c);
        } else {
            let mut distinct: HashSet<&str> = HashSet::new();
            let small = (0..n).all(|r| {
                distinct.insert(table.cell(r, c).trim());
                distinct.len() <= 12
            });
            if small && distinct.len() >= 2 {
                types.push(c);
            }
        }
    }
    let fill_ok = |filled: usize| filled as f64 >= 0.99 * n as f64;
    let name = |c: usize| headers.get(c).cloned().unwrap_or_default();
    for &c in &candidates {
        if let Some((filled, distinct)) = uniqueness(table, &[c]) {
            if fill_ok(filled) {
                let kind = identifiers
                    .iter()
                    .find(|i| i.column == name(c))
                    .map_or("a formatted code", |i| i.kind.as_str());
                return Some(Key {
                    columns: vec![name(c)],
                    filled,
                    distinct,
                    reason: format!(
                        "column {:?} ({kind}) is a key: filled in and unique in {distinct} of {n} rows, so each row is its own entity",
                        name(c)
                    ),
                });
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &a) in candidates.iter().enumerate() {
        for &b in candidates.get(i + 1..).unwrap_or(&[]) {
            pairs.push((a, b));
        }
        for &t in &types {
            pairs.push((t, a));
        }
    }
    for (a, b) in pairs {
        if let Some((filled, distinct)) = uniqueness(table, &[a, b]) {
            if fill_ok(filled) {
                return Some(Key {
                    columns: vec![name(a), name(b)],
                    filled,
                    distinct,
                    reason: format!(
                        "a reference table: columns {:?} and {:?} identify {distinct} of {n} rows, one row per code",
                        name(a),
                        name(b)
                    ),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(headers: &[&str], rows: &[Vec<String>]) -> Table {
        let mut t = Table::new(headers.iter().map(|h| (*h).to_owned()).collect());
        for r in rows {
            t.push_row(r.iter().map(String::as_str));
        }
        t
    }

    /// The key found in a table, as its column names.
    fn check(t: &Table, expected: Option<&[&str]>) {
        let ids = recognize(t, 20_000);
        let got = key_of(t, &ids).map(|k| k.columns);
        assert_eq!(
            got.as_deref(),
            expected.map(|e| e.iter().map(|s| s.to_string()).collect::<Vec<_>>()).as_deref()
        );
    }

    #[test]
    fn keys() {
        // A nomenclature: one row per 8-character code, also when a spreadsheet dropped
        // the leading zero of some.
        let rows: Vec<Vec<String>> =
            (0..50).map(|i| vec![format!("{:08}", 1_022_404 + 13 * i), "CAP".into()]).collect();
        check(&table(&["FORMATION_DIPLOME", "LIBELLE"], &rows), Some(&["FORMATION_DIPLOME"]));
        let rows: Vec<Vec<String>> = (0..50)
            .map(|i| {
                let code =
                    if i % 5 == 0 { format!("{}", 1_022_404 + i) } else { format!("46Z{:05}", i) };
                vec![code, "CAP".into()]
            })
            .collect();
        check(&table(&["FORMATION_DIPLOME", "LIBELLE"], &rows), Some(&["FORMATION_DIPLOME"]));
        // A surrogate id is no key, nor are consecutive row numbers.
        let rows: Vec<Vec<String>> =
            (0..50).map(|i| vec![format!("R{:07}", i), "Martin".into()]).collect();
        check(&table(&["record_id", "nom"], &rows), None);
        let rows: Vec<Vec<String>> =
            (0..50).map(|i| vec![format!("{}", 100 + i), "Martin".into()]).collect();
        check(&table(&["numero_ligne", "nom"], &rows), None);
        // The COG: a type and a code, the code repeated across types.
        let mut codes: Vec<&str> = dq_pivot::commune::all_codes().map(|(c, _)| c).collect();
        codes.dedup();
        let mut rows: Vec<Vec<String>> = codes
            .iter()
            .take(40)
            .map(|&c| vec!["COM".into(), c.into(), "Ambléon".into()])
            .collect();
        rows.extend(codes.iter().take(5).map(|&c| vec!["COMD".into(), c.into(), "Ambléon".into()]));
        check(&table(&["TYPECOM", "COM", "LIBELLE"], &rows), Some(&["TYPECOM", "COM"]));
        // A repeated code: duplicates may exist, so search.
        let rows: Vec<Vec<String>> = (0..50)
            .map(|i| vec![format!("{:08}", 1_022_404 + 13 * (i % 30)), "CAP".into()])
            .collect();
        check(&table(&["FORMATION_DIPLOME", "LIBELLE"], &rows), None);
        // Dates are no codes; free text is no code.
        let rows: Vec<Vec<String>> = (0..50)
            .map(|i| vec![format!("2024-01-{:02}", i % 28 + 1), format!("Martin {i}")])
            .collect();
        check(&table(&["date", "nom"], &rows), None);
        // Too few rows to say.
        let rows: Vec<Vec<String>> =
            (0..5).map(|i| vec![format!("{:08}", 1_022_404 + 13 * i)]).collect();
        check(&table(&["code"], &rows), None);
    }

    #[test]
    fn recognition() {
        let t = Table::from_csv_reader(
            "siret,SIREN,finess,uai,rna,cle_interop,code commune INSEE,code postal,date de naissance,voie_nom,numero,nom\n\
             73282932000074,732829320,010001733,0750655E,W751212517,91534_xxxx_00001,01006,01300,5/3/1962,rue,2,Martin\n"
                .as_bytes(),
        )
        .unwrap();
        let kinds: Vec<(String, IdKind)> =
            recognize(&t, 100).into_iter().map(|i| (i.column, i.kind)).collect();
        let expected = [
            ("siret", IdKind::Siret),
            ("SIREN", IdKind::Siren),
            ("finess", IdKind::Finess),
            ("uai", IdKind::Uai),
            ("rna", IdKind::Rna),
            ("cle_interop", IdKind::CleInterop),
            ("code commune INSEE", IdKind::Commune),
            ("date de naissance", IdKind::BirthDate),
            ("numero", IdKind::Key),
        ];
        assert_eq!(kinds, expected.map(|(c, k)| (c.to_owned(), k)));
    }
}
