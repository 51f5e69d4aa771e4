//! Shared inputs for the dq benchmarks (unpublished).
//!
//! Generators of realistic French columns live here so that every bench file uses the
//! same inputs. Bench files are in `benches/benches/`; run them with
//! `cargo bench -p dq-benches`.
#![forbid(unsafe_code)]

use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// A deterministic pseudo-random generator (SplitMix64) for reproducible inputs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Creates a generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` must not be zero).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Appends the Luhn check digit to `d` (digits 0–9), as SIREN and SIRET numbers carry
/// it: the generators of valid identifiers use it.
pub fn luhn_complete(d: &mut Vec<u8>) {
    for c in 0..10u8 {
        d.push(c);
        let sum: u32 = d
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &x)| {
                let x = u32::from(x);
                if i % 2 == 1 {
                    (x * 2) % 10 + (x * 2) / 10
                } else {
                    x
                }
            })
            .sum();
        if sum % 10 == 0 {
            return;
        }
        d.pop();
    }
}

/// A criterion measurement of the benchmark thread's time on CPU (Linux
/// `/proc/thread-self/schedstat`, in nanoseconds; wall time where it cannot be read).
///
/// The machines the figures are taken on may be shared and loaded: wall time says how
/// long the run took, CPU time what one core does. The kernel updates the figure at each
/// context switch and tick, so each reading may lag by up to one tick; criterion's
/// regression over samples of tens of milliseconds averages that out. Use it as
/// `Criterion::default().with_measurement(ThreadCpu)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThreadCpu;

static WALL: WallTime = WallTime;

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Measurement for ThreadCpu {
    type Intermediate = (Option<u64>, Instant);
    type Value = u64;
    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), Instant::now())
    }
    fn end(&self, (cpu, wall): Self::Intermediate) -> u64 {
        match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => u64::try_from(wall.elapsed().as_nanos()).unwrap_or(u64::MAX),
        }
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_complete_makes_valid_sirens() {
        let mut rng = Rng::new(1);
        for _ in 0..200 {
            let mut d: Vec<u8> = (0..8).map(|_| rng.below(10) as u8).collect();
            luhn_complete(&mut d);
            let s: String = d.iter().map(|&x| char::from(b'0' + x)).collect();
            assert_eq!(s.len(), 9);
            assert!(s.parse::<dq_pivot::Siren>().is_ok(), "{s}");
        }
    }
}
