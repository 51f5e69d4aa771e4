//! dq-pivot identifiers (issue 4): SIRET validation (compact fast path, strict parse of
//! the grouped form, lenient normalizer over a messy column), TVA and NIR parsing.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::{luhn_complete, Rng};
use dq_clean::Normalizer;
use dq_pivot::siren::SiretNormalizer;
use dq_pivot::{Nir, Siret, Tva};

const N: usize = 10_000;

fn digits(rng: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| rng.below(10) as u8).collect()
}

fn text(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// Valid SIRETs, compact; one in ten has a typo (last digit changed).
fn sirets(n: usize) -> Vec<String> {
    let mut rng = Rng::new(14);
    (0..n)
        .map(|i| {
            let mut d = digits(&mut rng, 8);
            luhn_complete(&mut d);
            d.extend(digits(&mut rng, 4));
            luhn_complete(&mut d);
            if i % 10 == 0 {
                if let Some(last) = d.last_mut() {
                    *last = (*last + 1) % 10;
                }
            }
            text(&d)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let compact = sirets(N);
    let expected_valid = compact.iter().filter(|s| s.parse::<Siret>().is_ok()).count();
    let grouped: Vec<String> = compact
        .iter()
        .map(|s| {
            let (a, rest) = s.split_at(3);
            let (b, rest) = rest.split_at(3);
            let (c, d) = rest.split_at(3);
            format!("{a} {b} {c} {d}")
        })
        .collect();
    let messy: Vec<String> = compact
        .iter()
        .enumerate()
        .map(|(i, s)| match i % 4 {
            0 => s.clone(),
            1 => format!("{s}.0"),
            2 => grouped.get(i).cloned().unwrap_or_default(),
            _ => s.get(1..).unwrap_or(s).to_owned(),
        })
        .collect();
    let tvas: Vec<String> = compact
        .iter()
        .filter_map(|s| s.get(..9)?.parse().ok())
        .map(|s| format!("FR {}", Tva::from_siren(s).to_string().get(2..).unwrap_or("")))
        .collect();
    let mut rng = Rng::new(15);
    let nirs: Vec<String> = (0..N)
        .map(|_| {
            let body = format!(
                "{}{:02}{:02}{:02}{:06}",
                1 + rng.below(2),
                rng.below(100),
                1 + rng.below(12),
                1 + rng.below(95),
                rng.below(1_000_000)
            );
            let key = 97 - body.parse::<u64>().unwrap_or(0) % 97;
            format!("{body}{key:02}")
        })
        .collect();

    let mut g = c.benchmark_group("pivot");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("siret_is_valid_compact/1e4", |b| {
        b.iter(|| {
            let n =
                compact.iter().filter(|s| Siret::is_valid_compact(black_box(s.as_bytes()))).count();
            assert_eq!(n, expected_valid);
        })
    });
    g.bench_function("siret_from_str/compact_1e4", |b| {
        b.iter(|| {
            let n =
                compact.iter().filter(|s| black_box(s.as_str()).parse::<Siret>().is_ok()).count();
            assert_eq!(n, expected_valid);
        })
    });
    g.bench_function("siret_from_str/grouped_1e4", |b| {
        b.iter(|| {
            let n =
                grouped.iter().filter(|s| black_box(s.as_str()).parse::<Siret>().is_ok()).count();
            assert_eq!(n, expected_valid);
        })
    });
    g.bench_function("siret_normalize/messy_1e4", |b| {
        b.iter(|| {
            let n = messy
                .iter()
                .filter(|s| SiretNormalizer.normalize(black_box(s.as_str())).value().is_some())
                .count();
            assert!(n > 0);
        })
    });
    g.bench_function("tva_from_str/grouped_1e4", |b| {
        b.iter(|| {
            let n = tvas.iter().filter(|s| black_box(s.as_str()).parse::<Tva>().is_ok()).count();
            assert_eq!(n, tvas.len());
        })
    });
    g.bench_function("nir_from_str/compact_1e4", |b| {
        b.iter(|| {
            let n = nirs.iter().filter(|s| black_box(s.as_str()).parse::<Nir>().is_ok()).count();
            assert_eq!(n, nirs.len());
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
