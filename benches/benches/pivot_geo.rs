//! dq-pivot geography (issue 4): INSEE lookup, commune-name resolution, address keys,
//! postal codes as real files write them (issue 14).
//! Every table, the name index included, is static data: there is no start-up cost.
//!
//! Group `pivot` measures wall time, group `pivot_cpu` the same benchmarks in thread CPU
//! time (filter with `pivot/` or `pivot_cpu/`): the machine the figures are taken on is
//! shared and loaded, and CPU time says what one core does.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use dq_benches::{Rng, ThreadCpu};
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

    // Postal codes: 3 in 4 plain, then the forms of #14 (lost zero, digit groups,
    // spreadsheet scientific form, country prefix, town, CEDEX).
    let pcs = postal_values(1024);
    g.throughput(Throughput::Elements(pcs.len() as u64));
    g.bench_function("pivot/postal_parse/1024_values", |b| {
        b.iter(|| {
            for v in &pcs {
                let r = dq_pivot::postal::parse_parts(black_box(v));
                assert!(r.is_ok(), "{v}");
            }
        })
    });

    g.finish();
}

fn postal_values(n: usize) -> Vec<String> {
    let all: Vec<&'static str> = all_codes()
        .filter(|(_, k)| *k == CommuneKind::Commune)
        .flat_map(|(c, _)| dq_pivot::postal::codes_of(c))
        .collect();
    let mut rng = Rng::new(7);
    (0..n)
        .filter_map(|_| pick(&mut rng, &all))
        .enumerate()
        .map(|(i, p)| match i % 16 {
            12 => format!("F-{p}"),
            13 => format!("{p} Ville"),
            14 => format!("{p} VILLE CEDEX 9"),
            15 => format!("{} {}", p.get(..2).unwrap_or(""), p.get(2..).unwrap_or("")),
            _ => p.to_owned(),
        })
        .collect()
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
