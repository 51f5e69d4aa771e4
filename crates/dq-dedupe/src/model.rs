//! The Fellegi–Sunter model: m and u probabilities per comparison level, λ, EM.
//!
//! A pair's comparison is a *pattern*: one level per field, four bits each (level 0 is
//! the strongest agreement, [`NULL_LEVEL`] means a value is missing and weighs nothing).
//! u is the probability of each level among non-matching pairs, estimated from random
//! pairs; m among matching pairs, estimated by expectation–maximisation over the counts of
//! each pattern in the blocked pairs, with u held fixed; λ is the share of matches among
//! the blocked pairs. Each EM step maximises the expected log-likelihood over (λ, m), so
//! the log-likelihood never decreases (a property test checks it).
//!
//! ```
//! use dq_dedupe::model::{em, pattern, NULL_LEVEL};
//!
//! // One field with levels exact / close / else; 100 pairs agree, 900 disagree.
//! let counts = [(pattern(&[0]), 100), (pattern(&[1]), 30), (pattern(&[2]), 900)];
//! let u = vec![vec![0.01, 0.05, 0.94]];
//! let model = em(&counts, &u, 50);
//! assert!(model.m[0][0] > 0.5 && model.lambda > 0.05 && model.lambda < 0.3);
//! # let _ = NULL_LEVEL;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// The level of a missing value: it contributes nothing to the match weight.
pub const NULL_LEVEL: u8 = 15;

/// Smallest probability used in a log ratio, so that an unseen level has a finite weight.
const FLOOR: f64 = 1e-6;

/// The level of field `f` in a pattern.
///
/// # Example
///
/// ```
/// use dq_dedupe::model::{level, pattern};
/// assert_eq!(level(pattern(&[2, 0, 1]), 2), 1);
/// ```
#[inline]
pub fn level(pattern: u64, f: usize) -> u8 {
    if f >= 16 {
        return NULL_LEVEL;
    }
    ((pattern >> (4 * f)) & 15) as u8
}

/// Packs levels (at most 16, each below 16) into a pattern.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::model::pattern(&[1, 2]), 0x21);
/// ```
pub fn pattern(levels: &[u8]) -> u64 {
    levels
        .iter()
        .take(16)
        .enumerate()
        .fold(0u64, |p, (f, &l)| p | (u64::from(l.min(15)) << (4 * f)))
}

/// Estimated Fellegi–Sunter parameters.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Model {
    /// Prior match probability: after [`em`], the share of matches among the pairs it was
    /// given; after a run, rescaled to all pairs of records.
    pub lambda: f64,
    /// m probabilities: `m[field][level]`.
    pub m: Vec<Vec<f64>>,
    /// u probabilities: `u[field][level]`.
    pub u: Vec<Vec<f64>>,
    /// The log-likelihood after each EM iteration.
    pub log_likelihoods: Vec<f64>,
}

impl Model {
    /// The log₂ Bayes factor of level `l` of field `f` (0 for a missing value).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::model::{em, pattern};
    /// let model = em(&[(pattern(&[0]), 10), (pattern(&[1]), 90)], &[vec![0.01, 0.99]], 20);
    /// assert!(model.field_weight(0, 0) > 0.0);
    /// assert_eq!(model.field_weight(0, 15), 0.0);
    /// ```
    pub fn field_weight(&self, f: usize, l: u8) -> f64 {
        if l == NULL_LEVEL {
            return 0.0;
        }
        let m = self.m.get(f).and_then(|v| v.get(usize::from(l))).copied().unwrap_or(FLOOR);
        let u = self.u.get(f).and_then(|v| v.get(usize::from(l))).copied().unwrap_or(FLOOR);
        (m.max(FLOOR) / u.max(FLOOR)).log2()
    }

    /// The prior weight, log₂(λ / (1 − λ)).
    ///
    /// # Example
    ///
    /// ```
    /// let mut m = dq_dedupe::model::em(&[], &[], 1);
    /// assert!(m.prior_weight().is_finite());
    /// ```
    pub fn prior_weight(&self) -> f64 {
        let l = self.lambda.clamp(FLOOR, 1.0 - FLOOR);
        (l / (1.0 - l)).log2()
    }

    /// The log-likelihood of pattern counts under this model.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::model::{em, pattern};
    /// let counts = [(pattern(&[0]), 10), (pattern(&[1]), 90)];
    /// let model = em(&counts, &[vec![0.01, 0.99]], 20);
    /// assert!(model.log_likelihood(&counts) < 0.0);
    /// ```
    pub fn log_likelihood(&self, counts: &[(u64, u64)]) -> f64 {
        counts
            .iter()
            .map(|&(p, c)| {
                let (pm, pu) = self.class_likelihoods(p);
                c as f64 * (self.lambda * pm + (1.0 - self.lambda) * pu).max(f64::MIN_POSITIVE).ln()
            })
            .sum()
    }

    fn class_likelihoods(&self, p: u64) -> (f64, f64) {
        let mut pm = 1.0;
        let mut pu = 1.0;
        for (f, (mf, uf)) in self.m.iter().zip(&self.u).enumerate() {
            let l = level(p, f);
            if l == NULL_LEVEL {
                continue;
            }
            pm *= mf.get(usize::from(l)).copied().unwrap_or(0.0);
            pu *= uf.get(usize::from(l)).copied().unwrap_or(0.0);
        }
        (pm, pu)
    }
}

/// Estimates u from the patterns of random pairs: the share of each level among the
/// non-missing comparisons, with add-½ smoothing so that no level has probability 0.
///
/// # Example
///
/// ```
/// use dq_dedupe::model::{estimate_u, pattern};
/// let u = estimate_u(&[2], [pattern(&[1]), pattern(&[1]), pattern(&[0])].into_iter());
/// assert!(u[0][1] > u[0][0]);
/// ```
pub fn estimate_u(levels: &[usize], patterns: impl Iterator<Item = u64>) -> Vec<Vec<f64>> {
    let mut counts: Vec<Vec<f64>> = levels.iter().map(|&n| vec![0.0; n]).collect();
    for p in patterns {
        for (f, c) in counts.iter_mut().enumerate() {
            if let Some(x) = c.get_mut(usize::from(level(p, f))) {
                *x += 1.0;
            }
        }
    }
    counts
        .into_iter()
        .map(|c| {
            let total: f64 = c.iter().sum::<f64>() + 0.5 * c.len() as f64;
            c.iter().map(|x| (x + 0.5) / total).collect()
        })
        .collect()
}

/// Runs EM over pattern counts with u fixed, for at most `max_iterations` steps or until
/// the log-likelihood gains less than 1e-9 (relative).
///
/// m starts favouring the best levels and λ at 0.1, which keeps the match class on the
/// side of agreement.
///
/// # Example
///
/// See the [module documentation](self).
pub fn em(counts: &[(u64, u64)], u: &[Vec<f64>], max_iterations: usize) -> Model {
    let m = u
        .iter()
        .map(|uf| {
            let n = uf.len();
            let raw: Vec<f64> = (0..n).map(|l| 0.5f64.powi(2 * l as i32)).collect();
            let s: f64 = raw.iter().sum();
            raw.into_iter().map(|x| x / s).collect()
        })
        .collect();
    let mut model = Model { lambda: 0.1, m, u: u.to_vec(), log_likelihoods: Vec::new() };
    em_from(&mut model, counts, max_iterations, true, &[]);
    model
}

/// Continues EM from `model`; with `update_m` false, only λ is estimated (m comes from
/// labelled pairs). Fields whose index is `true` in `fixed` keep their m (a constrained
/// M-step, which keeps the likelihood from decreasing).
pub(crate) fn em_from(
    model: &mut Model,
    counts: &[(u64, u64)],
    max_iterations: usize,
    update_m: bool,
    fixed: &[bool],
) {
    let total: f64 = counts.iter().map(|&(_, c)| c as f64).sum();
    if total == 0.0 {
        return;
    }
    let mut prev = model.log_likelihood(counts);
    model.log_likelihoods.push(prev);
    for _ in 0..max_iterations {
        let mut acc: Vec<Vec<f64>> = model.m.iter().map(|v| vec![0.0; v.len()]).collect();
        let mut matched = 0.0;
        for &(p, c) in counts {
            let (pm, pu) = model.class_likelihoods(p);
            let num = model.lambda * pm;
            let den = num + (1.0 - model.lambda) * pu;
            let w = if den > 0.0 { num / den } else { 0.0 };
            let wc = w * c as f64;
            matched += wc;
            for (f, a) in acc.iter_mut().enumerate() {
                if let Some(x) = a.get_mut(usize::from(level(p, f))) {
                    *x += wc;
                }
            }
        }
        model.lambda = matched / total;
        if update_m {
            for (f, (mf, a)) in model.m.iter_mut().zip(acc).enumerate() {
                if fixed.get(f).copied().unwrap_or(false) {
                    continue;
                }
                let s: f64 = a.iter().sum();
                if s > 0.0 {
                    for (x, y) in mf.iter_mut().zip(a) {
                        *x = y / s;
                    }
                }
            }
        }
        let ll = model.log_likelihood(counts);
        model.log_likelihoods.push(ll);
        if (ll - prev).abs() <= 1e-9 * prev.abs().max(1.0) {
            break;
        }
        prev = ll;
    }
}

/// m estimated from the patterns of labelled matching pairs (add-½ smoothing).
pub(crate) fn m_from_labels(
    levels: &[usize],
    patterns: impl Iterator<Item = u64>,
) -> Vec<Vec<f64>> {
    estimate_u(levels, patterns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_em_never_decreases_likelihood(
            raw in proptest::collection::vec((0u8..4, 0u8..3, 0u8..2, 1u64..500), 1..40),
            u0 in proptest::collection::vec(0.01f64..1.0, 4),
        ) {
            let counts: Vec<(u64, u64)> = raw.iter().map(|&(a, b, c, n)| {
                let a = if a == 3 { NULL_LEVEL } else { a };
                (pattern(&[a, b, c]), n)
            }).collect();
            let norm = |v: &[f64]| { let s: f64 = v.iter().sum(); v.iter().map(|x| x / s).collect::<Vec<_>>() };
            let u = vec![norm(&u0[..3]), norm(&[u0[3], 1.0 - u0[3] * 0.5, 0.3]), norm(&[0.2, 0.8])];
            let model = em(&counts, &u, 60);
            for w in model.log_likelihoods.windows(2) {
                prop_assert!(w[1] >= w[0] - 1e-9 * w[0].abs().max(1.0), "{:?}", model.log_likelihoods);
            }
            prop_assert!((0.0..=1.0).contains(&model.lambda));
        }
    }

    #[test]
    fn separates_two_classes() {
        let counts = [
            (pattern(&[0, 0]), 95),
            (pattern(&[2, 1]), 9000),
            (pattern(&[0, 1]), 40),
            (pattern(&[2, 0]), 60),
        ];
        let u = vec![vec![0.005, 0.02, 0.975], vec![0.01, 0.99]];
        let model = em(&counts, &u, 100);
        assert!(model.field_weight(0, 0) > 5.0);
        assert!(model.field_weight(0, 2) < 0.0);
        assert!(model.lambda > 0.005 && model.lambda < 0.05, "{}", model.lambda);
    }
}
