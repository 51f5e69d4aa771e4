//! Number and date parsing throughput (dq-clean, issue 3) on realistic columns of
//! 1,000,000 values, and the table cleaner end to end.
//!
//! Run: `cargo bench -p dq-benches --bench clean_values -- --warm-up-time 1 --measurement-time 3`.
//! Group `clean` measures wall time, group `clean_cpu` the same benchmarks in thread
//! CPU time (filter with `clean/` or `clean_cpu/`).
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

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::{Rng, ThreadCpu};
use dq_clean::table::{Discard, TableCleaner};
use dq_clean::{date, number, Verdict};

const N: usize = 1_000_000;

/// A column of amounts: 90 % already canonical (the fast path), 10 % French-formatted.
fn amounts(french_per_100: u64) -> Vec<String> {
    let mut rng = Rng::new(3);
    (0..N)
        .map(|_| {
            let i = rng.below(10_000_000);
            let c = rng.below(100);
            if rng.below(100) < french_per_100 {
                let s = i.to_string();
                let (head, tail) = s.split_at(s.len() % 3);
                let mut g: Vec<String> =
                    if head.is_empty() { vec![] } else { vec![head.to_owned()] };
                g.extend(
                    tail.as_bytes().chunks(3).map(|c| String::from_utf8_lossy(c).into_owned()),
                );
                format!("{},{c:02}", g.join("\u{202F}"))
            } else {
                format!("{i}.{c:02}")
            }
        })
        .collect()
}

/// A column of dates: `french_per_100` as `12/03/2021`, the others ISO.
fn dates(french_per_100: u64) -> Vec<String> {
    let mut rng = Rng::new(4);
    (0..N)
        .map(|_| {
            let (y, m, d) = (1950 + rng.below(80), 1 + rng.below(12), 1 + rng.below(28));
            if rng.below(100) < french_per_100 {
                format!("{d:02}/{m:02}/{y}")
            } else {
                format!("{y}-{m:02}-{d:02}")
            }
        })
        .collect()
}

fn bench<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    for (name, col) in [
        ("canonical_1e6", amounts(0)),
        ("french10_1e6", amounts(10)),
        ("french100_1e6", amounts(100)),
    ] {
        g.bench_function(format!("number/{name}"), |b| {
            b.iter(|| {
                let mut valid = 0usize;
                for v in &col {
                    if matches!(number::parse(black_box(v)), Verdict::Valid { .. }) {
                        valid += 1;
                    }
                }
                assert_eq!(valid, N);
            })
        });
    }
    for (name, col) in [("iso_1e6", dates(0)), ("french_1e6", dates(100))] {
        g.bench_function(format!("date/{name}"), |b| {
            b.iter(|| {
                let mut valid = 0usize;
                for v in &col {
                    if matches!(date::parse_date(black_box(v)), Verdict::Valid { .. }) {
                        valid += 1;
                    }
                }
                assert_eq!(valid, N);
            })
        });
    }
    let rows = 100_000;
    let a = amounts(50);
    let d = dates(50);
    let mut csv_text = String::from("commune,montant,date\n");
    for i in 0..rows {
        csv_text.push_str(&format!("Nancy,\"{}\",{}\n", a[i], d[i]));
    }
    g.throughput(Throughput::Elements(rows as u64));
    g.bench_function("table_cleaner/3cols_1e5", |b| {
        let cleaner = TableCleaner::builder().build();
        b.iter(|| {
            let mut rdr = csv::Reader::from_reader(black_box(csv_text.as_bytes()));
            let mut out = csv::Writer::from_writer(Vec::with_capacity(csv_text.len()));
            let s = cleaner.clean(&mut rdr, &mut out, &mut Discard).unwrap();
            assert_eq!(s.rows, rows as u64);
        })
    });
    g.finish();
}

fn wall(c: &mut Criterion) {
    bench(c, "clean");
}

fn cpu(c: &mut Criterion<ThreadCpu>) {
    bench(c, "clean_cpu");
}

criterion_group!(benches, wall);
criterion_group! {
    name = benches_cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = cpu
}
criterion_main!(benches, benches_cpu);
