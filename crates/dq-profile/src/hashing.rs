//! A fast, run-stable 64-bit hash for the sketches, the value memo and the row hashes.
//!
//! Each word of 8 bytes is xor-ed into the state, which is then multiplied by a 64-bit
//! constant into 128 bits whose halves are xor-ed (the folded multiply of wyhash and
//! foldhash): every input bit reaches every output bit, so that values differing only in
//! their high bytes (`18 964,98` and `18 964,15`) do not collide, as they do with the
//! FxHash step. The result goes through MurmurHash3's 64-bit finalizer, so that the high
//! bits HyperLogLog reads are well spread. It is not keyed: a hostile file can make values
//! collide, which only slows the bounded tables down (at most 10 000 entries each).

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hasher state.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher {
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
pub(crate) fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// The `BuildHasher` of the crate's hash maps and sets.
pub(crate) type FastBuild = BuildHasherDefault<FastHasher>;

/// A hasher for keys that are already 64-bit hashes (row hashes): it keeps them as is.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdentityHasher {
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

/// The `BuildHasher` of the row-hash set.
pub(crate) type IdentityBuild = BuildHasherDefault<IdentityHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn h(s: &str) -> u64 {
        let mut st = FastHasher::default();
        s.hash(&mut st);
        st.finish()
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
