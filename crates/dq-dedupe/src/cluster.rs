//! Clustering scored pairs into entities.
//!
//! Both methods return, for each record, the smallest record index of its cluster, so a
//! clustering is a partition whatever the order of the pairs.
//!
//! ```
//! use dq_dedupe::cluster::{centre, connected_components};
//!
//! // 0–1 and 1–2 match weakly, 2–3 strongly: components chain them all.
//! let pairs = [(0, 1, 0.95), (1, 2, 0.91), (2, 3, 0.99)];
//! assert_eq!(connected_components(4, &pairs, 0.9), [0, 0, 0, 0]);
//! assert_eq!(centre(4, &pairs, 0.9), [0, 0, 2, 2]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// Connected components of the pairs `(a, b, probability)` with probability at or above
/// `threshold`; indices at or beyond `n` are ignored.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::cluster::connected_components(3, &[(2, 1, 1.0)], 0.5), [0, 1, 1]);
/// ```
pub fn connected_components(n: usize, pairs: &[(u32, u32, f64)], threshold: f64) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while let Some(&p) = parent.get(x as usize) {
            if p == x {
                break;
            }
            let gp = parent.get(p as usize).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(x as usize) {
                *slot = gp;
            }
            x = p;
        }
        x
    }
    for &(a, b, p) in pairs {
        if p < threshold || a as usize >= n || b as usize >= n {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            if let Some(slot) = parent.get_mut(hi as usize) {
                *slot = lo;
            }
        }
    }
    (0..n as u32).map(|i| find(&mut parent, i)).collect()
}

/// The most cross pairs checked when two clusters of [`constrained_components`] merge;
/// above it (two clusters of about a hundred records), they stay apart.
pub const MAX_MERGE_CHECKS: usize = 10_000;

/// Connected components of the pairs at or above `threshold`, taken by decreasing
/// probability (ties by indices), where two clusters merge only when no record of one
/// `cannot_link` a record of the other (an identifier veto) and the merge checks at most
/// [`MAX_MERGE_CHECKS`] cross pairs. Every pair holding a cluster together is at or
/// above the threshold, and no cluster holds two records that veto each other.
///
/// # Example
///
/// ```
/// use dq_dedupe::cluster::constrained_components;
///
/// // 0–1 and 1–2 match, but 0 and 2 have different SIRETs: 2 stays apart.
/// let pairs = [(0, 1, 0.999), (1, 2, 0.995)];
/// let veto = |a: u32, b: u32| (a.min(b), a.max(b)) == (0, 2);
/// assert_eq!(constrained_components(3, &pairs, 0.99, veto), [0, 0, 2]);
/// ```
pub fn constrained_components(
    n: usize,
    pairs: &[(u32, u32, f64)],
    threshold: f64,
    mut cannot_link: impl FnMut(u32, u32) -> bool,
) -> Vec<u32> {
    veto_components(n, pairs, threshold, |a, b| {
        if cannot_link(a, b) {
            Conflict::Hard
        } else {
            Conflict::None
        }
    })
}

/// How two records may share a cluster, for [`veto_components`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// Nothing keeps them apart, and nothing soft vouches for them.
    None,
    /// A veto that the cluster may overrule: the given names of two records of one family
    /// (twins) differ. Two clusters merge despite such conflicts only when more cross
    /// pairs [agree](Conflict::Agree) than conflict: a cluster of three `liam` holding one
    /// `phoebe` (a keying error whose social security number agreed) takes a fourth
    /// `liam`; twins never merge.
    Soft,
    /// The test of a soft veto applies and passes: one family, one given name.
    Agree,
    /// An identifier veto: never in one cluster.
    Hard,
}

/// [`constrained_components`] with [soft](Conflict::Soft) conflicts: two clusters merge
/// when no cross pair is a hard conflict and the soft ones, if any, are outnumbered by
/// cross pairs that [agree](Conflict::Agree).
///
/// # Example
///
/// ```
/// use dq_dedupe::cluster::{veto_components, Conflict};
///
/// // 0, 1, 2 are one person; 3 is too, but 1 has a replaced given name that 3 is
/// // softly vetoed against, while 0 and 2 agree with 3: 3 joins.
/// let pairs = [(0, 1, 0.999), (0, 2, 0.999), (0, 3, 0.995)];
/// let c = |a: u32, b: u32| match (a.min(b), a.max(b)) {
///     (1, 3) => Conflict::Soft,
///     (_, 3) => Conflict::Agree,
///     _ => Conflict::None,
/// };
/// assert_eq!(veto_components(4, &pairs, 0.99, c), [0, 0, 0, 0]);
/// // A conflict that nothing outweighs keeps 3 apart.
/// let c = |a: u32, b: u32| if (a.min(b), a.max(b)) == (1, 3) { Conflict::Soft } else { Conflict::None };
/// assert_eq!(veto_components(4, &pairs, 0.99, c), [0, 0, 0, 3]);
/// // Twins: one soft conflict of one pair, they stay apart.
/// assert_eq!(veto_components(2, &[(0, 1, 0.999)], 0.99, |_, _| Conflict::Soft), [0, 1]);
/// ```
pub fn veto_components(
    n: usize,
    pairs: &[(u32, u32, f64)],
    threshold: f64,
    mut conflict: impl FnMut(u32, u32) -> Conflict,
) -> Vec<u32> {
    let mut edges: Vec<(u32, u32, f64)> = pairs
        .iter()
        .filter(|e| e.2 >= threshold && (e.0 as usize) < n && (e.1 as usize) < n && e.0 != e.1)
        .map(|&(a, b, p)| if a < b { (a, b, p) } else { (b, a, p) })
        .collect();
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    // Each record's cluster label and each label's members; an empty list stands for
    // the label's record alone (no allocation for the records no pair touches), and a
    // label no longer in use is never looked up.
    let mut label: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (a, b, _) in edges {
        let (Some(&la), Some(&lb)) = (label.get(a as usize), label.get(b as usize)) else {
            continue;
        };
        if la == lb {
            continue;
        }
        for l in [la, lb] {
            if let Some(m) = members.get_mut(l as usize) {
                if m.is_empty() {
                    m.push(l);
                }
            }
        }
        let (ma, mb) = (
            members.get(la as usize).map_or(&[][..], Vec::as_slice),
            members.get(lb as usize).map_or(&[][..], Vec::as_slice),
        );
        let cross = ma.len().saturating_mul(mb.len());
        if cross > MAX_MERGE_CHECKS {
            continue;
        }
        let (mut soft, mut agree) = (0usize, 0usize);
        let mut hard = false;
        'check: for &x in ma {
            for &y in mb {
                match conflict(x, y) {
                    Conflict::Hard => {
                        hard = true;
                        break 'check;
                    }
                    Conflict::Soft => soft += 1,
                    Conflict::Agree => agree += 1,
                    Conflict::None => {}
                }
            }
        }
        if hard || (soft > 0 && soft >= agree) {
            continue;
        }
        // The smaller cluster moves into the larger.
        let (keep, gone) = if ma.len() >= mb.len() { (la, lb) } else { (lb, la) };
        let moved = members.get_mut(gone as usize).map(std::mem::take).unwrap_or_default();
        for &m in &moved {
            if let Some(l) = label.get_mut(m as usize) {
                *l = keep;
            }
        }
        if let Some(k) = members.get_mut(keep as usize) {
            k.extend(moved);
        }
    }
    // Relabel each cluster by its smallest index.
    let smallest: Vec<u32> = members
        .iter()
        .enumerate()
        .map(|(l, m)| m.iter().copied().min().unwrap_or(l as u32))
        .collect();
    label.iter().map(|&l| smallest.get(l as usize).copied().unwrap_or(l)).collect()
}

/// Centre clustering of the pairs at or above `threshold`: pairs are taken by decreasing
/// probability (ties by indices); when neither record is placed, the smaller index becomes
/// a centre and the other its member; a record not yet placed joins a centre; a pair
/// touching only members is ignored, so clusters never chain through weak links.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::cluster::centre(3, &[(0, 1, 0.99), (1, 2, 0.99)], 0.5), [0, 0, 2]);
/// ```
pub fn centre(n: usize, pairs: &[(u32, u32, f64)], threshold: f64) -> Vec<u32> {
    let mut edges: Vec<(u32, u32, f64)> = pairs
        .iter()
        .filter(|e| e.2 >= threshold && (e.0 as usize) < n && (e.1 as usize) < n && e.0 != e.1)
        .map(|&(a, b, p)| if a < b { (a, b, p) } else { (b, a, p) })
        .collect();
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    const FREE: u32 = u32::MAX;
    let mut centre_of: Vec<u32> = vec![FREE; n];
    for (a, b, _) in edges {
        let ca = centre_of.get(a as usize).copied().unwrap_or(FREE);
        let cb = centre_of.get(b as usize).copied().unwrap_or(FREE);
        let (centre, member) = match (ca, cb) {
            (FREE, FREE) => (a, b),
            (c, FREE) if c == a => (a, b),
            (FREE, c) if c == b => (b, a),
            _ => continue,
        };
        if let Some(s) = centre_of.get_mut(centre as usize) {
            *s = centre;
        }
        if let Some(s) = centre_of.get_mut(member as usize) {
            *s = centre;
        }
    }
    // Relabel each cluster by its smallest index.
    let mut smallest: Vec<u32> = (0..n as u32).collect();
    for (i, &c) in centre_of.iter().enumerate() {
        if c != FREE {
            if let Some(s) = smallest.get_mut(c as usize) {
                *s = (*s).min(i as u32);
            }
        }
    }
    centre_of
        .iter()
        .enumerate()
        .map(
            |(i, &c)| {
                if c == FREE {
                    i as u32
                } else {
                    smallest.get(c as usize).copied().unwrap_or(c)
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_partition(labels: &[u32]) -> bool {
        // Every label is a member of its own cluster and the smallest of it.
        labels.iter().enumerate().all(|(i, &l)| (l as usize) <= i && labels[l as usize] == l)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_partition_and_order_independent(
            raw in proptest::collection::vec((0u32..30, 0u32..30, 0.0f64..1.0), 0..60),
            seed in any::<u64>(),
        ) {
            let mut shuffled = raw.clone();
            // A deterministic shuffle driven by the seed.
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let swapped: Vec<_> = shuffled.iter().map(|&(a, b, p)| (b, a, p)).collect();
            let constrained = |n, p: &[(u32, u32, f64)], t| constrained_components(n, p, t, |_, _| false);
            let no_three = |n, p: &[(u32, u32, f64)], t| {
                constrained_components(n, p, t, |a, b| a % 3 == 0 && b % 3 == 0)
            };
            let x = connected_components(30, &raw, 0.5);
            prop_assert_eq!(&x, &constrained(30, &raw, 0.5));
            let y = no_three(30, &raw, 0.5);
            prop_assert!(is_partition(&y));
            prop_assert_eq!(&y, &no_three(30, &swapped, 0.5));
            // No cluster holds two records that cannot be linked.
            for i in 0..30u32 {
                for j in (i + 1)..30 {
                    prop_assert!(!(i % 3 == 0 && j % 3 == 0 && y[i as usize] == y[j as usize]));
                }
            }
            // Soft conflicts: never two hard-conflicting records in a cluster, soft ones
            // only with agreement beside them, and the answer does not depend on the
            // order of the pairs.
            let kind = |a: u32, b: u32| match (a.min(b) % 5, a.max(b) % 5) {
                (0, 0) => Conflict::Hard,
                (1, 2) => Conflict::Soft,
                (1, 1) | (2, 2) => Conflict::Agree,
                _ => Conflict::None,
            };
            let z = veto_components(30, &raw, 0.5, kind);
            prop_assert!(is_partition(&z));
            prop_assert_eq!(&z, &veto_components(30, &swapped, 0.5, kind));
            for i in 0..30u32 {
                for j in (i + 1)..30 {
                    let together = z[i as usize] == z[j as usize];
                    prop_assert!(!(together && kind(i, j) == Conflict::Hard));
                    if together && kind(i, j) == Conflict::Soft {
                        // The merge that joined them had an agreeing pair across.
                        let members: Vec<u32> =
                            (0..30u32).filter(|&k| z[k as usize] == z[i as usize]).collect();
                        let agree = members.iter().any(|&k| {
                            members.iter().any(|&m| k < m && kind(k, m) == Conflict::Agree)
                        });
                        prop_assert!(agree, "{i} {j} together with no agreement: {z:?}");
                    }
                }
            }
            for f in [connected_components, centre] {
                let x = f(30, &raw, 0.5);
                prop_assert!(is_partition(&x));
                prop_assert_eq!(&x, &f(30, &shuffled, 0.5));
                prop_assert_eq!(&x, &f(30, &swapped, 0.5));
            }
        }
    }
}
