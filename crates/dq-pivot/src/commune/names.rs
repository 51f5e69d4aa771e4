//! Commune names to codes: a folded-key index built once, lazily.

use std::borrow::Cow;

use dq_clean::{Normalizer, Verdict};

use super::{resolve_row, table, CommuneKind};
use dq_clean::fold::name_key_into;

/// Articles INSEE puts in parentheses (`Rochelle (La)`) and that may be omitted.
const ARTICLES: &[&str] = &["l", "la", "le", "les", "aux", "las", "los"];

/// 64-bit FNV-1a over the bytes of `s`, as tools/gen-cog computes it for the slots.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3))
}

/// The entries of a sorted name index whose folded name is `key`, found through the
/// index's hash slots (one or two probes) instead of a binary search over strings.
fn index_rows(
    index: &'static [(&'static str, u32)],
    slots: &'static [u32],
    key: &str,
) -> &'static [(&'static str, u32)] {
    let mask = slots.len().wrapping_sub(1);
    let mut h = (fnv1a(key) as usize) & mask;
    // Slots are at most three quarters full: a probe sequence ends at an empty slot.
    for _ in 0..slots.len() {
        let Some(&at) = slots.get(h) else { break };
        let Some(tail) = usize::try_from(at).ok().and_then(|at| index.get(at..)) else { break };
        if tail.first().is_some_and(|r| r.0 == key) {
            let n = tail.iter().take_while(|r| r.0 == key).count();
            return tail.get(..n).unwrap_or(&[]);
        }
        h = (h + 1) & mask;
    }
    &[]
}

/// `folded` with `st`/`ste`/`sts`/`stes` expanded and a trailing article moved to the
/// front (`rochelle la` from `Rochelle (La)` becomes `la rochelle`).
fn expand_into(folded: &str, out: &mut String) {
    out.clear();
    // A trailing article moves to the front when there is more than one word.
    let (body, article) = match folded.trim_end().rsplit_once(' ') {
        Some((body, last)) if ARTICLES.contains(&last) && !body.trim().is_empty() => {
            (body, Some(last))
        }
        _ => (folded, None),
    };
    for w in article.into_iter().chain(body.split_ascii_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(match w {
            "st" => "saint",
            "ste" => "sainte",
            "sts" => "saints",
            "stes" => "saintes",
            other => other,
        });
    }
}

fn strip_article(key: &str) -> Option<&str> {
    let (first, rest) = key.split_once(' ')?;
    ARTICLES.contains(&first).then_some(rest)
}

/// One possible commune for a name, with a score in `0.0..=1.0`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// The matched code (commune, arrondissement, déléguée or associée).
    pub code: &'static str,
    /// The matched entity's official name.
    pub name: &'static str,
    /// What the code stands for.
    pub kind: CommuneKind,
    /// The current commune it belongs to.
    pub current: &'static str,
    /// The département code.
    pub departement: &'static str,
    /// How well it matches: 1.0 for a current commune whose name matches exactly after
    /// folding, less for déléguées, associées, a missing article or a hint not met.
    pub score: f32,
}

fn kind_score(k: CommuneKind) -> f32 {
    match k {
        CommuneKind::Commune => 1.0,
        CommuneKind::Arrondissement => 0.95,
        CommuneKind::Deleguee => 0.85,
        CommuneKind::Associee | CommuneKind::Historic => 0.8,
    }
}

fn hint_matches(hint: &str, c: &Candidate) -> bool {
    let h = hint.trim();
    if h.len() == 5 && h.bytes().all(|b| b.is_ascii_digit()) {
        // A postal code: served to the code itself or to its current commune.
        return crate::postal::serves(h, c.code) || crate::postal::serves(h, c.current);
    }
    h.eq_ignore_ascii_case(c.departement)
}

/// Resolves a commune name to ranked candidates, best first (score, then code).
///
/// Tolerates case, accents, `St`/`Ste`, hyphens, apostrophes and INSEE's article forms
/// (`Rochelle (La)`); a name given without its article matches with a lower score. A
/// `hint` (département code such as `"17"` or `"2A"`, or a postal code such as `"17000"`)
/// keeps only the candidates that meet it when any does, and otherwise halves every
/// score. An empty list means no commune has that name.
///
/// # Example
///
/// ```
/// use dq_pivot::commune::resolve_name;
/// let c = resolve_name("Rochelle (La)", None);
/// assert_eq!(c[0].code, "17300");
/// assert_eq!(resolve_name("LA ROCHELLE", None)[0].code, "17300");
/// let many = resolve_name("St Martin", None);
/// assert!(many.len() > 1);
/// let one = resolve_name("Saint-Martin", Some("32"));
/// assert_eq!(one.len(), 1);
/// ```
pub fn resolve_name(name: &str, hint: Option<&str>) -> Vec<Candidate> {
    let mut folded = String::with_capacity(name.len());
    name_key_into(name, &mut folded);
    let mut key = String::with_capacity(folded.len() + 8);
    expand_into(&folded, &mut key);
    let mut out: Vec<Candidate> = Vec::new();
    let push = |out: &mut Vec<Candidate>, rows: &[(&str, u32)], factor: f32| {
        for &(_, i) in rows {
            let Some(c) = usize::try_from(i).ok().and_then(resolve_row) else {
                continue;
            };
            if out.iter().any(|o| o.code == c.code && o.kind == c.kind) {
                continue;
            }
            out.push(Candidate {
                code: c.code,
                name: c.name,
                kind: c.kind,
                current: c.current,
                departement: c.departement,
                score: kind_score(c.kind) * factor,
            });
        }
    };
    push(&mut out, index_rows(table::NAME_INDEX, table::NAME_INDEX_SLOTS, &key), 1.0);
    // Without an article in the input, names that carry one (`Rochelle` → `La Rochelle`).
    push(&mut out, index_rows(table::BARE_NAME_INDEX, table::BARE_NAME_INDEX_SLOTS, &key), 0.9);
    // With an article in the input that the official name lacks.
    if out.is_empty() {
        if let Some(rest) = strip_article(&key) {
            push(&mut out, index_rows(table::NAME_INDEX, table::NAME_INDEX_SLOTS, rest), 0.8);
        }
    }
    if let Some(h) = hint.filter(|h| !h.trim().is_empty()) {
        if out.iter().any(|c| hint_matches(h, c)) {
            out.retain(|c| hint_matches(h, c));
        } else {
            for c in &mut out {
                c.score *= 0.5;
            }
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.code.cmp(b.code)));
    out
}

/// The official spelling (case, accents, hyphens, article) of a commune name, when all
/// the communes, arrondissements, déléguées and associées with that folded name share
/// one spelling; for dq-clean's `title` normalizer.
///
/// # Example
///
/// ```
/// use dq_pivot::commune::official_name;
/// assert_eq!(official_name("ST ETIENNE"), Some("Saint-Étienne"));
/// assert_eq!(official_name("rochelle (la)"), Some("La Rochelle"));
/// assert_eq!(official_name("Atlantis"), None);
/// ```
pub fn official_name(name: &str) -> Option<&'static str> {
    with_key(name, |key| {
        let mut names = index_rows(table::NAME_INDEX, table::NAME_INDEX_SLOTS, key)
            .iter()
            .filter_map(|&(_, i)| usize::try_from(i).ok().and_then(|i| table::COMMUNES.get(i)))
            .map(|r| r.3);
        let first = names.next()?;
        names.all(|n| n == first).then_some(first)
    })
}

/// Calls `f` with the index key of `name` ([`name_key`]), built in buffers reused per
/// thread: profiling looks names up once per value.
fn with_key<T>(name: &str, f: impl Fn(&str) -> T) -> T {
    thread_local! {
        static BUFFERS: std::cell::RefCell<(String, String)> =
            const { std::cell::RefCell::new((String::new(), String::new())) };
    }
    let build = |folded: &mut String, key: &mut String| {
        folded.clear();
        key.clear();
        name_key_into(name, folded);
        expand_into(folded, key);
        f(key)
    };
    BUFFERS
        .try_with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let (folded, key) = &mut *b;
                build(folded, key)
            }
            Err(_) => build(&mut String::new(), &mut String::new()),
        })
        .unwrap_or_else(|_| build(&mut String::new(), &mut String::new()))
}

/// Whether `name` is, once folded, a name of the embedded COG's name index, whichever
/// communes bear it: [`official_name`] without choosing among homonyms, for profiling
/// (no official name is looked up).
///
/// # Example
///
/// ```
/// assert!(dq_pivot::commune::is_commune_name("ST ETIENNE"));
/// assert!(dq_pivot::commune::is_commune_name("Sainte-Colombe"));
/// assert!(!dq_pivot::commune::is_commune_name("Atlantis"));
/// ```
pub fn is_commune_name(name: &str) -> bool {
    with_key(name, |key| !index_rows(table::NAME_INDEX, table::NAME_INDEX_SLOTS, key).is_empty())
}

/// The folded key a name is indexed under (`la rochelle` for `Rochelle (La)`); the
/// generator computes the same keys for the embedded index, which a test checks.
///
/// # Example
///
/// ```
/// assert_eq!(dq_pivot::commune::name_key("Rochelle (La)"), "la rochelle");
/// assert_eq!(dq_pivot::commune::name_key("ST-ÉTIENNE"), "saint etienne");
/// ```
pub fn name_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    name_key_into(name, &mut folded);
    let mut key = String::with_capacity(folded.len() + 8);
    expand_into(&folded, &mut key);
    key
}

/// The [`Normalizer`] of commune names (`dq normalize commune`): valid output is the
/// official name of the single best candidate; several equally good candidates that
/// belong to different current communes give [`Verdict::Ambiguous`] with their codes.
///
/// # Example
///
/// ```
/// use dq_clean::Normalizer;
/// use dq_pivot::commune::CommuneNameNormalizer;
/// let n = CommuneNameNormalizer::new(None);
/// assert_eq!(n.normalize("st-etienne").value(), Some("Saint-Étienne"));
/// assert_eq!(n.normalize("Saint-Martin").status(), "ambiguous");
/// assert_eq!(CommuneNameNormalizer::new(Some("32")).normalize("Saint-Martin").value(), Some("Saint-Martin"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct CommuneNameNormalizer {
    hint: Option<String>,
}

impl CommuneNameNormalizer {
    /// A normalizer with an optional département or postal-code hint.
    pub fn new(hint: Option<&str>) -> CommuneNameNormalizer {
        CommuneNameNormalizer { hint: hint.map(str::to_owned) }
    }

    /// The best candidate and the verdict, for callers that need the code too.
    pub fn resolve<'a>(&self, input: &'a str) -> (Vec<Candidate>, Verdict<'a>) {
        if input.trim().is_empty() {
            return (Vec::new(), Verdict::Null);
        }
        let cands = resolve_name(input, self.hint.as_deref());
        let verdict = match cands.first() {
            None => Verdict::Invalid {
                reason: Cow::Borrowed("no commune of that name in the cog 2026"),
            },
            Some(best) => {
                let tied: Vec<&Candidate> = cands
                    .iter()
                    .filter(|c| (c.score - best.score).abs() < 1e-6 && c.current != best.current)
                    .collect();
                if tied.is_empty() {
                    let value = if best.name == input {
                        Cow::Borrowed(input)
                    } else {
                        Cow::Owned(best.name.to_owned())
                    };
                    Verdict::Valid {
                        value,
                        rule: if best.name == input { "as_is" } else { "official_name" },
                    }
                } else {
                    let mut candidates = vec![best.code.to_owned()];
                    candidates.extend(tied.iter().map(|c| c.code.to_owned()));
                    Verdict::Ambiguous {
                        reason: Cow::Owned(format!(
                            "{} communes share this name",
                            candidates.len()
                        )),
                        candidates,
                    }
                }
            }
        };
        (cands, verdict)
    }
}

impl Normalizer for CommuneNameNormalizer {
    fn name(&self) -> &'static str {
        "commune"
    }

    fn normalize<'a>(&self, input: &'a str) -> Verdict<'a> {
        self.resolve(input).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_official_name_is_a_commune_name() {
        let mut known = 0;
        for row in table::COMMUNES {
            if official_name(row.3).is_some() {
                assert!(is_commune_name(row.3), "{}", row.3);
                known += 1;
            }
        }
        assert!(known > 30_000, "{known}");
        assert!(!is_commune_name("Atlantis") && !is_commune_name(""));
    }

    fn check(name: &str, hint: Option<&str>, expected: &[&str]) {
        let got: Vec<&str> =
            resolve_name(name, hint).iter().map(|c| c.code).take(expected.len()).collect();
        assert_eq!(got, expected, "{name:?} {hint:?}");
    }

    #[test]
    fn names() {
        check("La Rochelle", None, &["17300"]);
        check("rochelle (la)", None, &["17300"]);
        check("Rochelle", None, &["17300"]);
        check("Affoux", None, &["69001"]);
        check("L'Abergement-Clémenciat", None, &["01001"]);
        check("abergement clemenciat (l')", None, &["01001"]);
        check("PARIS", None, &["75056"]);
        check("Marseille", Some("13"), &["13055"]);
        check("Atlantis", None, &[]);
        check("", None, &[]);
    }

    /// The entries with this key, by a binary search over the sorted strings.
    fn by_search(
        index: &'static [(&'static str, u32)],
        key: &str,
    ) -> &'static [(&'static str, u32)] {
        let start = index.partition_point(|r| r.0 < key);
        let end = index.partition_point(|r| r.0 <= key);
        &index[start..end]
    }

    /// The hash slots find exactly the entries the sorted index holds, for every key.
    #[test]
    fn slots_agree_with_the_sorted_index() {
        for (index, slots) in [
            (table::NAME_INDEX, table::NAME_INDEX_SLOTS),
            (table::BARE_NAME_INDEX, table::BARE_NAME_INDEX_SLOTS),
        ] {
            assert!(slots.len().is_power_of_two());
            assert!(slots.contains(&u32::MAX), "a probe sequence must end");
            for (key, _) in index {
                assert_eq!(index_rows(index, slots, key), by_search(index, key), "{key}");
            }
            for key in ["", "atlantis", "saint", "la", "paris 21e arrondissement"] {
                assert_eq!(index_rows(index, slots, key), by_search(index, key), "{key}");
            }
        }
    }

    #[test]
    fn normalizer_ambiguity() {
        let n = CommuneNameNormalizer::new(None);
        match n.normalize("Saint-Martin") {
            Verdict::Ambiguous { candidates, .. } => assert!(candidates.len() > 1),
            v => panic!("{v:?}"),
        }
        assert_eq!(n.normalize(""), Verdict::Null);
        assert_eq!(n.normalize("Nowhere-sur-Rien").status(), "invalid");
    }
}
