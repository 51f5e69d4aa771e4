//! Benchmarks of dq-dedupe: comparators on French name and address pairs, blocking,
//! EM, clustering and end-to-end deduplication.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::Rng;
use dq_dedupe::compare::Scratch;
use dq_dedupe::{
    BlockingConfig, Config, FieldConfig, FieldKind, KeyConfig, RunOptions, Table, Transform,
};

const SURNAMES: &[&str] = &[
    "MARTIN",
    "BERNARD",
    "DUBOIS",
    "LEFEBVRE",
    "LEFÈVRE",
    "GAUTHIER",
    "GAUTIER",
    "ROUSSEAU",
    "FONTAINE",
    "CHEVALIER",
    "BLANCHARD",
    "BARTHÉLEMY",
    "DESCHAMPS",
    "CARPENTIER",
    "LECLERCQ",
];
const STREETS: &[&str] = &[
    "12 AVENUE JEAN JAURÈS",
    "12 av. Jean Jaures",
    "3 BOULEVARD SAINT-MICHEL",
    "3 bd St Michel",
    "45 RUE DE LA RÉPUBLIQUE",
    "45 r. de la Republique",
    "7 CHEMIN DES VIGNES",
    "7 ch. des Vignes",
];

fn corrupt(rng: &mut Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    if c.len() > 3 && rng.below(2) == 0 {
        let i = 1 + rng.below(c.len() as u64 - 2) as usize;
        c.swap(i, i + 1);
    }
    c.into_iter().collect()
}

fn pairs(rng: &mut Rng, words: &[&str], n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|_| {
            let a = words[rng.below(words.len() as u64) as usize];
            let b = if rng.below(2) == 0 {
                corrupt(rng, a)
            } else {
                words[rng.below(words.len() as u64) as usize].to_owned()
            };
            (a.to_owned(), b)
        })
        .collect()
}

fn comparators(c: &mut Criterion) {
    let mut rng = Rng::new(6);
    let names = pairs(&mut rng, SURNAMES, 10_000);
    let addresses = pairs(&mut rng, STREETS, 10_000);
    let mut g = c.benchmark_group("dedupe");
    for (label, input) in [("names", &names), ("addresses", &addresses)] {
        g.throughput(Throughput::Elements(input.len() as u64));
        let mut s = Scratch::new();
        g.bench_function(format!("jaro_winkler/{label}"), |b| {
            b.iter(|| {
                let mut acc = 0.0;
                for (x, y) in input {
                    let v = s.jaro_winkler(black_box(x), black_box(y));
                    assert!((0.0..=1.0).contains(&v));
                    acc += v;
                }
                acc
            })
        });
        g.bench_function(format!("levenshtein/{label}"), |b| {
            b.iter(|| {
                input.iter().map(|(x, y)| s.levenshtein(black_box(x), black_box(y))).sum::<usize>()
            })
        });
        g.bench_function(format!("osa/{label}"), |b| {
            b.iter(|| input.iter().map(|(x, y)| s.osa(black_box(x), black_box(y))).sum::<usize>())
        });
        // The anchor, side by side: the rapidfuzz crate on the same pairs.
        g.bench_function(format!("rapidfuzz_jaro_winkler/{label}"), |b| {
            b.iter(|| {
                let mut acc = 0.0;
                for (x, y) in input {
                    let v = rapidfuzz::distance::jaro_winkler::similarity(
                        black_box(x).chars(),
                        black_box(y).chars(),
                    );
                    assert!((0.0..=1.0).contains(&v));
                    acc += v;
                }
                acc
            })
        });
        g.bench_function(format!("rapidfuzz_levenshtein/{label}"), |b| {
            b.iter(|| {
                input
                    .iter()
                    .map(|(x, y)| {
                        rapidfuzz::distance::levenshtein::distance(
                            black_box(x).chars(),
                            black_box(y).chars(),
                        )
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("rapidfuzz_osa/{label}"), |b| {
            b.iter(|| {
                input
                    .iter()
                    .map(|(x, y)| {
                        rapidfuzz::distance::osa::distance(
                            black_box(x).chars(),
                            black_box(y).chars(),
                        )
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("token_set_ratio/{label}"), |b| {
            b.iter(|| {
                input
                    .iter()
                    .map(|(x, y)| s.token_set_ratio(black_box(x), black_box(y)))
                    .sum::<f64>()
            })
        });
    }
    g.finish();
}

fn table(n: usize, seed: u64) -> Table {
    let mut rng = Rng::new(seed);
    let mut t = Table::new(vec!["siret".into(), "nom".into(), "adresse".into(), "cp".into()]);
    for i in 0..n {
        let entity = if rng.below(4) == 0 && i > 0 { rng.below(i as u64) } else { i as u64 };
        let siret = format!("{:014}", 10_000_000_000_000 + entity * 7919 % 90_000_000_000_000);
        let nom = format!(
            "{} {}",
            SURNAMES[(entity % 15) as usize],
            SURNAMES[(entity / 15 % 15) as usize]
        );
        let nom = corrupt(&mut rng, &nom);
        let adresse = format!("{} {}", entity % 200, STREETS[(entity % 8) as usize]);
        let cp = format!("{:05}", 1000 + entity % 9000);
        t.push_row([siret.as_str(), nom.as_str(), adresse.as_str(), cp.as_str()]);
    }
    t
}

fn config() -> Config {
    let mut c = Config::default();
    c.fields = vec![
        FieldConfig::new("siret", FieldKind::Identifier),
        FieldConfig::new("nom", FieldKind::Company),
        FieldConfig::new("adresse", FieldKind::Address),
    ];
    c.blocking = vec![
        BlockingConfig::new(vec![KeyConfig::new("siret", Transform::Digits)]),
        BlockingConfig::new(vec![
            KeyConfig::new("nom", Transform::Phonetic),
            KeyConfig::new("cp", Transform::Fold),
        ]),
    ];
    c
}

fn model_and_blocking(c: &mut Criterion) {
    let mut g = c.benchmark_group("dedupe");
    g.sample_size(10);
    let big = table(1_000_000, 1);
    let rules = config().blocking;
    g.throughput(Throughput::Elements(1_000_000));
    g.bench_function("count_pairs/1e6", |b| {
        b.iter(|| {
            let n = dq_dedupe::count_pairs(black_box(&big), None, &rules).unwrap();
            assert!(n[0] > 0);
            n
        })
    });
    let mut rng = Rng::new(3);
    let counts: Vec<(u64, u64)> = (0..2000)
        .map(|_| {
            let levels: Vec<u8> = (0..5).map(|_| rng.below(4) as u8).collect();
            (dq_dedupe::model::pattern(&levels), 1 + rng.below(1000))
        })
        .collect();
    let u: Vec<Vec<f64>> = (0..5).map(|_| vec![0.01, 0.04, 0.15, 0.8]).collect();
    g.bench_function("em/2000_patterns", |b| {
        b.iter(|| {
            let m = dq_dedupe::model::em(black_box(&counts), &u, 100);
            assert!(m.lambda >= 0.0);
            m
        })
    });
    let edges: Vec<(u32, u32, f64)> = (0..1_000_000)
        .map(|_| {
            (
                rng.below(1_000_000) as u32,
                rng.below(1_000_000) as u32,
                (rng.below(1000) as f64) / 1000.0,
            )
        })
        .collect();
    for (name, f) in [
        (
            "connected_components",
            dq_dedupe::cluster::connected_components
                as fn(usize, &[(u32, u32, f64)], f64) -> Vec<u32>,
        ),
        ("centre", dq_dedupe::cluster::centre),
    ] {
        g.bench_function(format!("cluster_{name}/1e6_edges"), |b| {
            b.iter(|| {
                let c = f(1_000_000, black_box(&edges), 0.9);
                assert_eq!(c.len(), 1_000_000);
                c
            })
        });
    }
    let small = table(20_000, 2);
    let cfg = config();
    g.throughput(Throughput::Elements(20_000));
    g.bench_function("end_to_end/2e4", |b| {
        b.iter(|| {
            let out = dq_dedupe::dedupe(black_box(&small), &cfg, &RunOptions::default()).unwrap();
            assert_eq!(out.clusters.len(), 20_000);
            out.pairs.len()
        })
    });
    g.finish();
}

criterion_group!(benches, comparators, model_and_blocking);
criterion_main!(benches);
