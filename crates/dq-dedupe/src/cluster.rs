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
    cannot_link: impl FnMut(u32, u32) -> bool,
) -> Vec<u32> {
    struct Hard<F>(F);
    impl<F: FnMut(u32, u32) -> bool> Vetoes for Hard<F> {
        fn conflict(&mut self, a: u32, b: u32) -> Conflict {
            if (self.0)(a, b) {
                Conflict::Hard
            } else {
                Conflict::None
            }
        }
        fn tied(&mut self, _: u32, _: u32) -> bool {
            false
        }
        fn same(&mut self, _: u32, _: u32, _: u32) -> bool {
            false
        }
    }
    veto_components(n, pairs, threshold, &mut Hard(cannot_link))
}

/// What keeps two records out of one cluster, for [`veto_components`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// Nothing keeps them apart, and nothing soft vouches for them.
    None,
    /// The test of a soft attribute applies and passes: in a family (one surname, birth
    /// date and address), one given name. Such pairs outvote soft conflicts that no
    /// member shows wrong (see [`veto_components`]).
    Agree,
    /// They disagree on soft attributes, one bit each (a birth date, a given name): keying
    /// errors may have replaced such a value, so a cluster overrules the disagreement when
    /// it shows which value is wrong (see [`veto_components`]).
    Soft(u32),
    /// An identifier veto: never in one cluster.
    Hard,
}

/// The questions [`veto_components`] asks about two records.
pub trait Vetoes {
    /// What keeps records `a` and `b` apart.
    fn conflict(&mut self, a: u32, b: u32) -> Conflict;
    /// Whether `a` and `b` carry one identifier (a social security number, up to a typo),
    /// which makes them one entity whatever their soft attributes say.
    fn tied(&mut self, a: u32, b: u32) -> bool;
    /// Whether `a` and `b` both give the soft attribute `bit` (as in [`Conflict::Soft`])
    /// and their values agree.
    fn same(&mut self, bit: u32, a: u32, b: u32) -> bool;
}

/// [`constrained_components`] with [soft](Conflict::Soft) conflicts, which a cluster may
/// overrule. Records `x` and `y` that disagree on a soft attribute share a cluster only
/// when the cluster shows that one of the two values is a keying error: a third member
/// `z` carries the identifier of `x` (so `z` is `x`) and agrees with `y` on that
/// attribute, or the same with `x` and `y` exchanged. The soft conflicts left are
/// overruled when more cross pairs [agree](Conflict::Agree) than they number: a cluster
/// of three `MANON` takes a `MANN` that conflicts with one `MANAON`. Twins (one surname,
/// one birth date, two given names and two social security numbers) therefore never
/// merge, while a record whose birth date or given name was keyed wrong joins the other
/// records of its person. Hard conflicts are never overruled.
///
/// # Example
///
/// ```
/// use dq_dedupe::cluster::{veto_components, Conflict, Vetoes};
///
/// // Records 0, 1 and 2 carry one identifier; 2's birth date was keyed wrong. Record 3
/// // has the right birth date but another identifier, so it disagrees with 2 alone.
/// struct Persons { id: [u8; 4], born: [u16; 4] }
/// impl Vetoes for Persons {
///     fn conflict(&mut self, a: u32, b: u32) -> Conflict {
///         let (a, b) = (a as usize, b as usize);
///         if self.born[a] != self.born[b] && self.id[a] != self.id[b] {
///             Conflict::Soft(1)
///         } else {
///             Conflict::None
///         }
///     }
///     fn tied(&mut self, a: u32, b: u32) -> bool { self.id[a as usize] == self.id[b as usize] }
///     fn same(&mut self, _: u32, a: u32, b: u32) -> bool {
///         self.born[a as usize] == self.born[b as usize]
///     }
/// }
/// let pairs = [(0, 1, 0.999), (0, 2, 0.999), (0, 3, 0.995), (1, 3, 0.995)];
/// let mut p = Persons { id: [1, 1, 1, 2], born: [1967, 1967, 1978, 1967] };
/// // 2 disagrees with 3, but 2 carries 0's identifier and 0 agrees with 3: 2 is wrong.
/// assert_eq!(veto_components(4, &pairs, 0.99, &mut p), [0, 0, 0, 0]);
/// // Twins: nothing shows either birth date to be wrong; they stay apart.
/// let mut twins = Persons { id: [1, 2, 3, 4], born: [1967, 1978, 0, 0] };
/// assert_eq!(veto_components(2, &[(0, 1, 0.999)], 0.99, &mut twins), [0, 1]);
/// ```
pub fn veto_components(
    n: usize,
    pairs: &[(u32, u32, f64)],
    threshold: f64,
    vetoes: &mut impl Vetoes,
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
    // The soft conflicts across a merge, kept for the second look.
    let mut soft: Vec<(u32, u32, u32)> = Vec::new();
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
        soft.clear();
        let (mut hard, mut agree) = (false, 0usize);
        'check: for &x in ma {
            for &y in mb {
                match vetoes.conflict(x, y) {
                    Conflict::Hard => {
                        hard = true;
                        break 'check;
                    }
                    Conflict::Soft(bits) if bits != 0 => soft.push((x, y, bits)),
                    Conflict::Agree => agree += 1,
                    _ => {}
                }
            }
        }
        if hard {
            continue;
        }
        soft.retain(|&(x, y, bits)| !overruled(x, y, bits, ma, mb, vetoes));
        if !soft.is_empty() && soft.len() >= agree {
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

/// Whether the merged cluster `ma ∪ mb` shows, for every soft attribute in `bits`, that
/// the value of `x` or of `y` is a keying error: a member tied to one of them agrees with
/// the other.
fn overruled(x: u32, y: u32, bits: u32, ma: &[u32], mb: &[u32], v: &mut impl Vetoes) -> bool {
    (0..u32::BITS).filter(|k| bits & (1 << k) != 0).all(|k| {
        ma.iter().chain(mb).any(|&z| {
            z != x
                && z != y
                && ((v.tied(x, z) && v.same(k, z, y)) || (v.tied(y, z) && v.same(k, z, x)))
        })
    })
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

    /// Records `i` of a toy table: identifier `i % 4`, birth year `i / 4 % 3`; records
    /// whose index is a multiple of 5 veto each other.
    struct Toy;
    impl Vetoes for Toy {
        fn conflict(&mut self, a: u32, b: u32) -> Conflict {
            if a % 5 == 0 && b % 5 == 0 {
                Conflict::Hard
            } else if !self.tied(a, b) && !self.same(0, a, b) {
                Conflict::Soft(1)
            } else {
                Conflict::None
            }
        }
        fn tied(&mut self, a: u32, b: u32) -> bool {
            a % 4 == b % 4
        }
        fn same(&mut self, _: u32, a: u32, b: u32) -> bool {
            a / 4 % 3 == b / 4 % 3
        }
    }

    #[test]
    fn a_value_that_the_cluster_shows_wrong_is_overruled() {
        // 1 and 9 share identifier 1 but not the birth year (0 and 2); 10 (identifier 2,
        // year 2) agrees with 9 and disagrees with 1: 9 shows 1's year wrong.
        let pairs = [(1, 9, 0.99), (9, 10, 0.99), (1, 10, 0.99)];
        let alone: Vec<u32> = (0..11).collect();
        let mut joined = alone.clone();
        joined[9] = 1;
        joined[10] = 1;
        assert_eq!(veto_components(11, &pairs, 0.5, &mut Toy), joined);
        // Without 9, nothing overrules 1 against 10.
        assert_eq!(veto_components(11, &pairs[2..], 0.5, &mut Toy), alone);
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
            // only with a member that shows one of the two values wrong, and the answer
            // does not depend on the order of the pairs.
            let mut v = Toy;
            let z = veto_components(30, &raw, 0.5, &mut v);
            prop_assert!(is_partition(&z));
            prop_assert_eq!(&z, &veto_components(30, &swapped, 0.5, &mut Toy));
            for i in 0..30u32 {
                for j in (i + 1)..30 {
                    if z[i as usize] != z[j as usize] {
                        continue;
                    }
                    prop_assert!(v.conflict(i, j) != Conflict::Hard);
                    if let Conflict::Soft(_) = v.conflict(i, j) {
                        let witness = (0..30u32).any(|k| {
                            z[k as usize] == z[i as usize]
                                && ((v.tied(i, k) && v.same(0, k, j))
                                    || (v.tied(j, k) && v.same(0, k, i)))
                        });
                        prop_assert!(witness, "{i} {j} together with no witness: {z:?}");
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
