//! A fast, deterministic hasher for the integer and string keys of blocking and EM.
//!
//! The standard library's SipHash resists hash flooding, which matters for keys chosen by
//! an adversary but costs several times more than this multiply-rotate hash (the `FxHash`
//! of rustc and Firefox) on the millions of small keys a run hashes. Keys here come from
//! the data being deduplicated, whose owner is the user, so flooding is not a threat.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The rustc `FxHasher`: `hash = (hash.rotate_left(5) ^ word) * SEED` per word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keys() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, k) in ["75011", "75012", "", "PARIS 11E ARRONDISSEMENT"].iter().enumerate() {
            m.insert((*k).to_owned(), i as u32);
        }
        assert_eq!(m.get("75012"), Some(&1));
        assert_eq!(m.get("PARIS 11E ARRONDISSEMENT"), Some(&3));
        assert_eq!(m.len(), 4);
    }
}
