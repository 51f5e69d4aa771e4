//! dq-pivot geography (issue 4): INSEE lookup, commune-name resolution, address keys.
//! Every table, the name index included, is static data: there is no start-up cost.
//!
//! Group `pivot` measures wall time, group `pivot_cpu` the same benchmarks in thread CPU
//! time (filter with `pivot/` or `pivot_cpu/`): the machine the figures are taken on is
//! shared and loaded, and CPU time says what one core does.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;

use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use dq_benches::Rng;
use dq_pivot::commune::{all_codes, lookup, resolve_name, CommuneKind};

fn pick<T: Copy>(rng: &mut Rng, v: &[T]) -> Option<T> {
    v.get(usize::try_from(rng.below(v.len() as u64)).unwrap_or(0)).copied()
}

fn codes(n: usize) -> Vec<&'static str> {
    let all: Vec<&'static str> = all_codes().map(|(c, _)| c).collect();
    let mut rng = Rng::new(4);
    (0..n).filter_map(|_| pick(&mut rng, &all)).collect()
}

fn names(n: usize) -> Vec<String> {
    let all: Vec<&'static str> = all_codes()
        .filter(|(_, k)| *k == CommuneKind::Commune)
        .filter_map(|(c, _)| lookup(c).map(|c| c.name))
        .collect();
    let mut rng = Rng::new(5);
    (0..n)
        .filter_map(|_| pick(&mut rng, &all))
        .enumerate()
        // Messy as in real files: upper case, or INSEE's article form, or as is.
        .map(|(i, s)| match i % 3 {
            0 => s.to_uppercase(),
            1 => s.replace("Saint-", "St "),
            _ => s.to_owned(),
        })
        .collect()
}

const STREETS: &[&str] = &[
    "av. du Gal de Gaulle",
    "AVENUE DU GENERAL DE GAULLE",
    "r. St-Jean",
    "bd Voltaire",
    "imp. des Lilas",
    "Chemin de la Croix Blanche",
    "pl. de l'Église",
    "rte de Lyon",
];

fn addresses(n: usize) -> Vec<String> {
    let mut rng = Rng::new(6);
    let reps = ["", " bis", "B", " ter", ""];
    (0..n)
        .map(|_| {
            let num = 1 + rng.below(200);
            let rep = pick(&mut rng, &reps).unwrap_or("");
            let street = pick(&mut rng, STREETS).unwrap_or("");
            format!("{num}{rep} {street}")
        })
        .collect()
}

/// A criterion measurement of the benchmark thread's time on CPU (Linux
/// `/proc/thread-self/schedstat`, in nanoseconds; wall time where it cannot be read), as
/// in `clean_values.rs`. The kernel updates the figure at each context switch and tick,
/// so a reading may lag by up to one tick; criterion's regression over samples of tens
/// of milliseconds averages that out.
struct ThreadCpu;

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

fn bench<M: Measurement>(c: &mut Criterion<M>, group: &str, mode: SamplingMode) {
    let mut g = c.benchmark_group(group);
    g.sampling_mode(mode);

    let cs = codes(1024);
    g.throughput(Throughput::Elements(cs.len() as u64));
    g.bench_function("pivot/insee_lookup/1024_codes", |b| {
        b.iter(|| {
            for code in &cs {
                let r = lookup(black_box(code));
                assert!(r.is_some());
            }
        })
    });

    let ns = names(1024);
    g.throughput(Throughput::Elements(ns.len() as u64));
    g.bench_function("pivot/commune_name/1024_names", |b| {
        b.iter(|| {
            for n in &ns {
                let r = resolve_name(black_box(n), None);
                assert!(!r.is_empty(), "{n}");
            }
        })
    });

    let ads = addresses(1024);
    let mut scratch = String::new();
    let mut out = String::new();
    g.throughput(Throughput::Elements(ads.len() as u64));
    g.bench_function("pivot/address_key/1024_addresses", |b| {
        b.iter(|| {
            for a in &ads {
                dq_pivot::ban::address_key_into(
                    black_box(a),
                    Some("94002"),
                    &mut scratch,
                    &mut out,
                );
                assert!(out.starts_with("94002|"));
            }
        })
    });

    g.finish();
}

fn wall(c: &mut Criterion) {
    bench(c, "pivot", SamplingMode::Auto);
}

fn cpu(c: &mut Criterion<ThreadCpu>) {
    // Equal samples (about 30 ms each), so that none is shorter than the tick at which
    // the kernel updates the thread's CPU time.
    bench(c, "pivot_cpu", SamplingMode::Flat);
}

criterion_group!(benches, wall);
criterion_group! {
    name = benches_cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = cpu
}
criterion_main!(benches, benches_cpu);
