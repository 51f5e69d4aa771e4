//! The workspace's one fast hash: a run-stable 64-bit hasher for the hash maps, sketches,
//! memos, blocking keys and row hashes of dq-profile, dq-dedupe and `dq audit`.
//!
//! Each word of 8 bytes is xor-ed into the state, which is then multiplied by a 64-bit
//! constant into 128 bits whose halves are xor-ed (the folded multiply of wyhash and
//! foldhash): every input bit reaches every output bit, so that values differing only in
//! their high bytes (`18 964,98` and `18 964,15`) do not collide, as they do with the
//! FxHash step (4,541 collisions in 783,146 French amounts). The result goes through
//! MurmurHash3's 64-bit finalizer, so that the high bits HyperLogLog reads are well
//! spread. It is not keyed: a hostile file can make values collide, which only slows
//! hash maps down; the data hashed is the user's own.
//!
//! ```
//! use dq_clean::hash::{hash64, FastMap};
//! let mut m: FastMap<&str, u32> = FastMap::default();
//! m.insert("75056", 1);
//! assert_eq!(m.get("75056"), Some(&1));
//! assert_ne!(hash64("18 964,98"), hash64("18 964,15"));
//! assert_eq!(hash64("75056"), hash64("75056"));
//! ```

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The fast hasher's state (see the [module](self) documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct FastHasher {
    h: u64,
}

impl FastHasher {
    #[inline]
    fn mix(&mut self, w: u64) {
        self.h = folded_multiply(self.h ^ w, K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            // The length keeps `"a"` and `"a\0"` apart.
            self.mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        fmix64(self.h)
    }
}

/// The 128-bit product of `a` and `b`, its two halves xor-ed.
#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// The `BuildHasher` of [`FastHasher`].
pub type FastBuild = BuildHasherDefault<FastHasher>;

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, FastBuild>;

/// The [`FastHasher`] hash of one value.
pub fn hash64<T: Hash + ?Sized>(v: &T) -> u64 {
    FastBuild::default().hash_one(v)
}

/// A hasher for keys that are already 64-bit hashes (row hashes): it keeps a `u64` as is.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdentityHasher {
    h: u64,
}

impl Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.h = (self.h.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.h = i;
    }

    fn finish(&self) -> u64 {
        self.h
    }
}

/// The `BuildHasher` of [`IdentityHasher`], for maps keyed by hashes.
pub type IdentityBuild = BuildHasherDefault<IdentityHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> u64 {
        let mut st = FastHasher::default();
        s.hash(&mut st);
        st.finish()
    }

    #[test]
    fn maps_keys() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, k) in ["75011", "75012", "", "PARIS 11E ARRONDISSEMENT"].iter().enumerate() {
            m.insert((*k).to_owned(), i as u32);
        }
        assert_eq!(m.get("75012"), Some(&1));
        assert_eq!(m.get("PARIS 11E ARRONDISSEMENT"), Some(&3));
        assert_eq!(m.len(), 4);
        assert_eq!(h("75056"), hash64("75056"));
    }

    #[test]
    fn distinguishes_lengths_and_bytes() {
        let values = ["", "a", "a\0", "75056", "75057", "73282932000074", "73282932000075"];
        for (i, a) in values.iter().enumerate() {
            for b in values.iter().skip(i + 1) {
                assert_ne!(h(a), h(b), "{a:?} {b:?}");
            }
        }
        assert_eq!(h("75056"), h("75056"));
    }

    #[test]
    fn french_amounts_do_not_collide() {
        // The FxHash step collided on 4 541 of 783 146 amounts such as `18 964,98` and
        // `18 964,15` (same first 7 bytes): the folded multiply must not.
        let mut seen = std::collections::HashSet::new();
        for a in 10..12 {
            for b in 0..1000 {
                for c in 0..100 {
                    assert!(seen.insert(h(&format!("{a} {b:03},{c:02}"))), "{a} {b:03},{c:02}");
                }
            }
        }
    }

    #[test]
    fn top_bits_are_spread() {
        // HyperLogLog takes its register from the top 12 bits: 10 000 postal-code-like
        // values must fill most of the 4 096 registers.
        let mut seen = vec![false; 4096];
        for i in 0..10_000u32 {
            let idx = usize::try_from(h(&format!("{:05}", i)) >> 52).unwrap();
            seen[idx] = true;
        }
        let filled = seen.iter().filter(|&&b| b).count();
        // A uniform hash fills 4096 × (1 − e^(−10000/4096)) ≈ 3 717 of them.
        assert!(filled > 3_500, "{filled}");
    }
}
