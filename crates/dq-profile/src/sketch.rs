//! Mergeable streaming sketches: HyperLogLog, Welford moments, a KLL-style quantile
//! sketch and a space-saving top-k. All are pure, bounded and serde types.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use serde::{Deserialize, Serialize};

use dq_clean::hash::{FastBuild, IdentityBuild};

/// A 64-bit hash of a value, stable across runs ([`dq_clean::hash`]).
#[inline]
pub(crate) fn hash64<T: Hash + ?Sized>(v: &T) -> u64 {
    FastBuild::default().hash_one(v)
}

/// The precision of [`Hll`]: 2^12 registers, standard error 1.04/√4096 ≈ 1.6 %.
const HLL_P: u32 = 12;
const HLL_M: usize = 1 << HLL_P;

/// A HyperLogLog distinct-count estimator (Flajolet et al. 2007) with the small-range
/// linear-counting correction; 4 KiB of registers.
///
/// # Example
///
/// ```
/// let mut h = dq_profile::sketch::Hll::default();
/// for i in 0..10_000u32 { h.insert_hash(dq_profile::sketch::hash(&i)); }
/// let e = h.estimate();
/// assert!((e - 10_000.0).abs() < 10_000.0 * 5.0 * h.standard_error());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hll {
    registers: Vec<u8>,
}

impl Default for Hll {
    fn default() -> Hll {
        Hll { registers: vec![0; HLL_M] }
    }
}

/// The stable 64-bit hash used by the sketches.
///
/// # Example
///
/// ```
/// assert_eq!(dq_profile::sketch::hash("75056"), dq_profile::sketch::hash("75056"));
/// ```
pub fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
    hash64(v)
}

impl Hll {
    /// Adds a hashed value.
    pub fn insert_hash(&mut self, h: u64) {
        let idx = usize::try_from(h >> (64 - HLL_P)).unwrap_or(0);
        let rest = (h << HLL_P) | (1 << (HLL_P - 1));
        let rank = u8::try_from(rest.leading_zeros() + 1).unwrap_or(u8::MAX);
        if let Some(r) = self.registers.get_mut(idx) {
            if *r < rank {
                *r = rank;
            }
        }
    }

    /// Merges another sketch into this one (register-wise maximum).
    pub fn merge(&mut self, other: &Hll) {
        for (a, b) in self.registers.iter_mut().zip(&other.registers) {
            if *a < *b {
                *a = *b;
            }
        }
    }

    /// The estimated number of distinct values.
    pub fn estimate(&self) -> f64 {
        let m = HLL_M as f64;
        let sum: f64 = self.registers.iter().map(|&r| 2f64.powi(-i32::from(r))).sum();
        let alpha = 0.7213 / (1.0 + 1.079 / m);
        let raw = alpha * m * m / sum;
        let zeros = self.registers.iter().filter(|&&r| r == 0).count();
        if raw <= 2.5 * m && zeros > 0 {
            m * (m / zeros as f64).ln()
        } else {
            raw
        }
    }

    /// The relative standard error of [`Hll::estimate`]: 1.04/√m.
    pub fn standard_error(&self) -> f64 {
        1.04 / (HLL_M as f64).sqrt()
    }
}

/// Count, mean and variance by Welford's algorithm, merged by Chan et al.'s formula.
///
/// # Example
///
/// ```
/// let mut w = dq_profile::sketch::Moments::default();
/// for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] { w.push(x); }
/// assert_eq!(w.mean(), Some(5.0));
/// assert_eq!(w.stddev(), Some(2.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Moments {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Moments {
    /// Adds one value.
    pub fn push(&mut self, x: f64) {
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }

    /// Adds `w` copies of one value (Chan et al.'s merge with `w` equal values).
    pub fn push_weighted(&mut self, x: f64, w: u64) {
        self.merge(&Moments { n: w, mean: x, m2: 0.0 });
    }

    /// Merges another accumulator.
    pub fn merge(&mut self, o: &Moments) {
        if o.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = o.clone();
            return;
        }
        let n = self.n + o.n;
        let d = o.mean - self.mean;
        self.mean += d * o.n as f64 / n as f64;
        self.m2 += o.m2 + d * d * self.n as f64 * o.n as f64 / n as f64;
        self.n = n;
    }

    /// The number of values.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The mean, if any value.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then_some(self.mean)
    }

    /// The population standard deviation, if any value.
    pub fn stddev(&self) -> Option<f64> {
        (self.n > 0).then(|| (self.m2 / self.n as f64).sqrt())
    }
}

/// A KLL-style mergeable quantile sketch: levels of at most `k` items; a full level is
/// sorted and every other item (alternating offset) is promoted with double weight.
/// Rank error is about 1.7/k of the count per compaction level in the worst case; with
/// `k = 256` the quantiles are within about 1 % of rank on a million values.
///
/// # Example
///
/// ```
/// let mut q = dq_profile::sketch::Quantiles::default();
/// for i in 0..100_000 { q.push(f64::from(i)); }
/// let med = q.quantile(0.5).unwrap_or_default();
/// assert!((med - 50_000.0).abs() < 2_000.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantiles {
    k: usize,
    levels: Vec<Vec<f64>>,
    flip: bool,
}

impl Default for Quantiles {
    fn default() -> Quantiles {
        Quantiles { k: 256, levels: vec![Vec::new()], flip: false }
    }
}

impl Quantiles {
    /// Adds one value (NaN is ignored).
    pub fn push(&mut self, x: f64) {
        if x.is_nan() {
            return;
        }
        if let Some(l0) = self.levels.first_mut() {
            l0.push(positive_zero(x));
        }
        self.compress();
    }

    /// Adds `w` copies of one value: one item at level `h` for each bit `2^h` of `w`
    /// (an item at level `h` weighs `2^h`).
    pub fn push_weighted(&mut self, x: f64, w: u64) {
        if x.is_nan() || w == 0 {
            return;
        }
        for h in 0..64 {
            if w >> h & 1 == 1 {
                while self.levels.len() <= h {
                    self.levels.push(Vec::new());
                }
                if let Some(l) = self.levels.get_mut(h) {
                    l.push(positive_zero(x));
                }
            }
        }
        self.compress();
    }

    fn compress(&mut self) {
        let mut h = 0;
        while h < self.levels.len() {
            let full = self.levels.get(h).is_some_and(|l| l.len() >= self.k);
            if full {
                let mut items =
                    std::mem::take(self.levels.get_mut(h).map_or(&mut Vec::new(), |l| l));
                // No NaN and no -0.0 are pushed, so the plain order is `total_cmp`'s and
                // costs fewer instructions per comparison.
                items.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                let off = usize::from(self.flip);
                self.flip = !self.flip;
                let promoted: Vec<f64> = items.iter().skip(off).step_by(2).copied().collect();
                if self.levels.len() <= h + 1 {
                    self.levels.push(Vec::new());
                }
                if let Some(next) = self.levels.get_mut(h + 1) {
                    next.extend(promoted);
                }
            }
            h += 1;
        }
    }

    /// Merges another sketch.
    pub fn merge(&mut self, o: &Quantiles) {
        for (h, items) in o.levels.iter().enumerate() {
            while self.levels.len() <= h {
                self.levels.push(Vec::new());
            }
            if let Some(l) = self.levels.get_mut(h) {
                l.extend(items.iter().map(|&x| positive_zero(x)));
            }
        }
        self.compress();
    }

    /// The value at quantile `q` in `0..=1`, or `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let mut items: Vec<(f64, u64)> = Vec::new();
        for (h, l) in self.levels.iter().enumerate() {
            let w = 1u64 << h.min(62);
            items.extend(l.iter().map(|&x| (x, w)));
        }
        if items.is_empty() {
            return None;
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: u64 = items.iter().map(|i| i.1).sum();
        let target = (q.clamp(0.0, 1.0) * total as f64) as u64;
        let mut acc = 0;
        for &(x, w) in &items {
            acc += w;
            if acc > target {
                return Some(x);
            }
        }
        items.last().map(|i| i.0)
    }
}

/// `x` with -0.0 read as 0.0 (the same number): the sketch's items are then ordered alike
/// by `<` and by `f64::total_cmp`.
fn positive_zero(x: f64) -> f64 {
    x + 0.0
}

/// Bounded top values: exact counts while there are at most `capacity` distinct values,
/// then filtered space-saving (Metwally et al. 2005; Homem and Carvalho 2010): an unseen
/// value adds to its hash bucket, and replaces the smallest counter when the bucket's
/// count reaches it, inheriting that count as over-estimate.
///
/// Counters are found by the value's 64-bit hash; the counters holding the current
/// minimum are kept in a list, so that replacing one costs no scan and no allocation.
/// Two different values with the same 64-bit hash (odds about 2⁻⁶⁴ per pair) would
/// share a counter's lookup: the later one is then not counted.
///
/// # Example
///
/// ```
/// let mut t = dq_profile::sketch::TopK::new(8);
/// for v in ["Paris", "Lyon", "Paris"] { t.push(v); }
/// assert_eq!(t.top(1), vec![("Paris".to_string(), 2)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TopKData", into = "TopKData")]
pub struct TopK {
    capacity: usize,
    slots: Vec<Slot>,
    index: HashMap<u64, usize, IdentityBuild>,
    min: u64,
    mins: Vec<usize>,
    /// Filtered space-saving (Homem and Carvalho 2010): once the counters are full, an
    /// unmonitored value adds to its hash bucket here, and takes a counter only when its
    /// bucket reaches the smallest count. A bucket bounds from above the occurrences of
    /// every value in it that no counter holds, so counts stay upper bounds and
    /// `count - err` lower bounds; a column of unique values no longer churns the counters.
    alpha: Vec<u64>,
}

/// Buckets of [`TopK::alpha`].
const TOPK_BUCKETS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    value: String,
    count: u64,
    err: u64,
    /// The value's hash, its key in the index.
    hash: u64,
}

/// The serialized form of [`TopK`]: its capacity and counters.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct TopKData {
    capacity: usize,
    counts: Vec<(String, u64, u64)>,
    #[serde(default)]
    buckets: Vec<u64>,
}

impl From<TopKData> for TopK {
    fn from(d: TopKData) -> TopK {
        let mut t = TopK::new(d.capacity);
        for (v, n, e) in d.counts {
            t.add(&v, hash64(v.as_str()), n, e);
        }
        if d.buckets.len() == TOPK_BUCKETS {
            t.alpha = d.buckets;
        }
        t
    }
}

impl From<TopK> for TopKData {
    fn from(t: TopK) -> TopKData {
        TopKData {
            capacity: t.capacity,
            counts: t.slots.into_iter().map(|s| (s.value, s.count, s.err)).collect(),
            buckets: t.alpha,
        }
    }
}

impl TopK {
    /// A top-k keeping at most `capacity` counters.
    pub fn new(capacity: usize) -> TopK {
        TopK {
            capacity: capacity.max(1),
            slots: Vec::new(),
            index: HashMap::default(),
            min: 0,
            mins: Vec::new(),
            alpha: Vec::new(),
        }
    }

    /// Counts one value.
    #[inline]
    pub fn push(&mut self, v: &str) {
        self.add(v, hash64(v), 1, 0);
    }

    /// Counts one value whose [`hash`] is `h`.
    #[inline]
    pub(crate) fn push_hashed(&mut self, v: &str, h: u64) {
        self.add(v, h, 1, 0);
    }

    /// Counts `n` occurrences of a value whose [`hash`] is `h`, `err` of which may be
    /// over-counted (a merged counter's error).
    pub(crate) fn add(&mut self, v: &str, h: u64, n: u64, err: u64) {
        if let Some(&i) = self.index.get(&h) {
            if let Some(s) = self.slots.get_mut(i) {
                if s.value == v {
                    s.count += n;
                    s.err += err;
                }
            }
            return;
        }
        if self.slots.len() < self.capacity {
            self.index.insert(h, self.slots.len());
            self.slots.push(Slot { value: v.to_owned(), count: n, err, hash: h });
            return;
        }
        if self.alpha.is_empty() {
            self.alpha = vec![0; TOPK_BUCKETS];
        }
        let bucket = |h: u64| (h >> 40) as usize % TOPK_BUCKETS;
        let Some(i) = self.take_min() else { return };
        let Some(a) = self.alpha.get_mut(bucket(h)) else { return };
        if *a + n < self.min {
            // Not yet a candidate: its bucket keeps count. The minimum counter stays.
            *a += n;
            self.mins.push(i);
            return;
        }
        let before = *a;
        if let Some(s) = self.slots.get_mut(i) {
            // The evicted value's count bounds its occurrences from now on.
            if let Some(b) = self.alpha.get_mut(bucket(s.hash)) {
                *b = (*b).max(s.count);
            }
            self.index.remove(&s.hash);
            s.value.clear();
            s.value.push_str(v);
            s.count = before + n;
            s.err = before + err;
            s.hash = h;
            self.index.insert(h, i);
        }
    }

    /// A counter holding the minimum count (refilling the list of such counters when
    /// it is empty).
    fn take_min(&mut self) -> Option<usize> {
        loop {
            match self.mins.pop() {
                Some(i) if self.slots.get(i).is_some_and(|s| s.count == self.min) => {
                    return Some(i)
                }
                Some(_) => {}
                None => {
                    self.min = self.slots.iter().map(|s| s.count).min()?;
                    let min = self.min;
                    self.mins.extend(
                        self.slots
                            .iter()
                            .enumerate()
                            .rev()
                            .filter(|(_, s)| s.count == min)
                            .map(|(i, _)| i),
                    );
                }
            }
        }
    }

    /// Merges another top-k (counts summed; then bounded again).
    pub fn merge(&mut self, o: &TopK) {
        let mut all: Vec<&Slot> = o.slots.iter().collect();
        all.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        for s in all {
            self.add(&s.value, hash64(s.value.as_str()), s.count, s.err);
        }
    }

    /// Every counter: its value, its count and how much of it may be over-counted.
    pub(crate) fn counters(&self) -> impl Iterator<Item = (&str, u64, u64)> {
        self.slots.iter().map(|s| (s.value.as_str(), s.count, s.err))
    }

    /// The `n` most frequent values with their (possibly over-estimated) counts, most
    /// frequent first, ties by value.
    pub fn top(&self, n: usize) -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> =
            self.slots.iter().map(|s| (s.value.clone(), s.count)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// Distinct values: exact up to a bound, then the HyperLogLog estimate.
///
/// # Example
///
/// ```
/// let mut d = dq_profile::sketch::Distinct::new(2);
/// for v in ["a", "b", "a"] { d.push(v); }
/// assert_eq!(d.count(), (2, false));
/// d.push("c");
/// assert!(d.count().1); // now an estimate
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinct {
    bound: usize,
    exact: Option<HashSet<String, FastBuild>>,
    hll: Hll,
}

impl Distinct {
    /// Exact up to `bound` distinct values.
    pub fn new(bound: usize) -> Distinct {
        Distinct { bound, exact: Some(Default::default()), hll: Hll::default() }
    }

    /// Adds one value.
    #[inline]
    pub fn push(&mut self, v: &str) {
        self.push_hashed(v, hash64(v), false);
    }

    /// Adds one value whose [`hash`] is `h`; `seen` says the caller knows it was
    /// added before (the exact set is then not searched).
    #[inline]
    pub(crate) fn push_hashed(&mut self, v: &str, h: u64, seen: bool) {
        if seen {
            // Its hash is in the sketch already.
            return;
        }
        self.hll.insert_hash(h);
        if let Some(set) = &mut self.exact {
            if !set.contains(v) {
                if set.len() >= self.bound {
                    self.exact = None;
                } else {
                    set.insert(v.to_owned());
                }
            }
        }
    }

    /// Merges another counter.
    pub fn merge(&mut self, o: &Distinct) {
        self.hll.merge(&o.hll);
        match (&mut self.exact, &o.exact) {
            (Some(a), Some(b)) => {
                a.extend(b.iter().cloned());
                if a.len() > self.bound {
                    self.exact = None;
                }
            }
            _ => self.exact = None,
        }
    }

    /// The count and whether it is an estimate.
    pub fn count(&self) -> (u64, bool) {
        match &self.exact {
            Some(s) => (s.len() as u64, false),
            None => (self.hll.estimate().round() as u64, true),
        }
    }

    /// The relative standard error of the count (0 when exact).
    pub fn standard_error(&self) -> f64 {
        if self.exact.is_some() {
            0.0
        } else {
            self.hll.standard_error()
        }
    }

    /// The distinct values, while exact (in no particular order).
    pub fn values(&self) -> Option<impl ExactSizeIterator<Item = &str> + '_> {
        self.exact.as_ref().map(|s| s.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The compaction's order as it was, `f64::total_cmp` on every item: a model of the
    /// sketch to hold the plain-order sort to.
    fn model(values: &[f64]) -> Vec<Vec<f64>> {
        let k = Quantiles::default().k;
        let mut levels: Vec<Vec<f64>> = vec![Vec::new()];
        let mut flip = false;
        for &x in values.iter().filter(|x| !x.is_nan()) {
            levels[0].push(if x == 0.0 { 0.0 } else { x });
            let mut h = 0;
            while h < levels.len() {
                if levels[h].len() >= k {
                    let mut items = std::mem::take(&mut levels[h]);
                    items.sort_by(f64::total_cmp);
                    let off = usize::from(flip);
                    flip = !flip;
                    let promoted: Vec<f64> = items.iter().skip(off).step_by(2).copied().collect();
                    if levels.len() <= h + 1 {
                        levels.push(Vec::new());
                    }
                    levels[h + 1].extend(promoted);
                }
                h += 1;
            }
        }
        levels
    }

    proptest! {
        /// Sorting with `<` keeps the items and quantiles that `total_cmp` gave, zeros of
        /// both signs, infinities and NaN included.
        #[test]
        #[allow(clippy::indexing_slicing, reason = "a test model")]
        fn plain_order_is_total_order(
            values in proptest::collection::vec(
                prop_oneof![
                    Just(0.0), Just(-0.0), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
                    Just(f64::NAN), -5.0..5.0f64, any::<f64>()
                ],
                0..1_500,
            ),
        ) {
            let mut q = Quantiles::default();
            for &x in &values {
                q.push(x);
            }
            let expected = model(&values);
            let bits = |l: &Vec<Vec<f64>>| -> Vec<Vec<u64>> {
                l.iter().map(|v| v.iter().map(|x| x.to_bits()).collect()).collect()
            };
            prop_assert_eq!(bits(&q.levels), bits(&expected));
        }
    }

    #[test]
    fn weighted_pushes_match_repeated_ones() {
        // 2,000 values, value i repeated (i % 37) + 1 times.
        let (mut m1, mut m2) = (Moments::default(), Moments::default());
        let (mut q1, mut q2) = (Quantiles::default(), Quantiles::default());
        for i in 0..2_000u32 {
            let x = f64::from((i * 7_919) % 2_000);
            let w = u64::from(i % 37) + 1;
            for _ in 0..w {
                m1.push(x);
                q1.push(x);
            }
            m2.push_weighted(x, w);
            q2.push_weighted(x, w);
        }
        assert_eq!(m1.count(), m2.count());
        let close = |a: Option<f64>, b: Option<f64>, tol: f64| {
            a.zip(b).is_some_and(|(a, b)| (a - b).abs() <= tol * a.abs().max(1.0))
        };
        assert!(close(m1.mean(), m2.mean(), 1e-9), "{:?} {:?}", m1.mean(), m2.mean());
        assert!(close(m1.stddev(), m2.stddev(), 1e-9));
        // Both sketches stay within 2 % of rank of each other (values 0..2000).
        for p in [0.05, 0.25, 0.5, 0.75, 0.95] {
            let (a, b) = (q1.quantile(p), q2.quantile(p));
            assert!(
                close(a, b, 0.0) || a.zip(b).is_some_and(|(a, b)| (a - b).abs() <= 40.0),
                "{p}: {a:?} {b:?}"
            );
        }
    }

    #[test]
    fn hll_estimates_within_error() {
        for n in [100u32, 5_000, 200_000] {
            let mut h = Hll::default();
            for i in 0..n {
                h.insert_hash(hash64(&i));
            }
            let rel = (h.estimate() - f64::from(n)).abs() / f64::from(n);
            assert!(rel < 4.0 * h.standard_error(), "{n}: {}", h.estimate());
        }
    }

    #[test]
    fn moments_merge() {
        let mut a = Moments::default();
        let mut b = Moments::default();
        let mut all = Moments::default();
        for i in 0..100 {
            let x = f64::from(i) * 1.5;
            all.push(x);
            if i < 37 {
                a.push(x)
            } else {
                b.push(x)
            }
        }
        a.merge(&b);
        assert!((a.mean().unwrap() - all.mean().unwrap()).abs() < 1e-9);
        assert!((a.stddev().unwrap() - all.stddev().unwrap()).abs() < 1e-9);
    }

    #[test]
    fn quantiles_merge() {
        let mut a = Quantiles::default();
        let mut b = Quantiles::default();
        for i in 0..50_000 {
            a.push(f64::from(i));
            b.push(f64::from(i + 50_000));
        }
        a.merge(&b);
        let m = a.quantile(0.5).unwrap();
        assert!((m - 50_000.0).abs() < 2_000.0, "{m}");
        assert_eq!(a.quantile(0.0), Some(a.quantile(0.0).unwrap()));
    }

    #[test]
    fn topk_space_saving() {
        let mut t = TopK::new(3);
        for v in ["a", "a", "a", "b", "b", "c", "d", "a"] {
            t.push(v);
        }
        assert_eq!(t.top(1), vec![("a".to_string(), 4)]);
    }

    #[test]
    fn topk_bounds_hold_among_unique_values() {
        // Three heavy values among 200,000 unique ones, spread out.
        let mut t = TopK::new(80);
        let mut truth = std::collections::HashMap::new();
        for i in 0..200_000u32 {
            let v = match i % 10 {
                0 => "75056".to_owned(),
                3 if i % 20 == 3 => "69123".to_owned(),
                7 if i % 40 == 7 => "13055".to_owned(),
                _ => format!("u{i}"),
            };
            *truth.entry(v.clone()).or_insert(0u64) += 1;
            t.push(&v);
        }
        let top = t.top(3);
        let names: Vec<&str> = top.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(names, ["75056", "69123", "13055"]);
        for (v, count, err) in t.counters() {
            let n = truth.get(v).copied().unwrap_or(0);
            assert!(count >= n && count - err <= n, "{v}: {count} - {err} vs {n}");
        }
        // The heavy values' counts are close: they were monitored early.
        let (_, c, e) = t.counters().find(|c| c.0 == "75056").unwrap_or(("", 0, 0));
        assert!(c - e >= 19_000, "{c} {e}");
    }
}
