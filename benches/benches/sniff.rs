//! CSV dialect sniffing on a 64 KiB sample (dq-encoding, issue 2).
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::Rng;
use dq_encoding::sniff::sniff;

const NAMES: &[&str] = &[
    "Association Les Amis du Livre",
    "\"Club sportif; section judo\"",
    "Comité des fêtes",
    "\"Mairie\r\nBP 12\"",
    "Crèche parentale",
];

/// A subsidies table like data.gouv.fr publishes: a title line, `;`, French amounts.
fn sample(bytes: usize) -> String {
    let mut rng = Rng::new(64);
    let mut s = String::from("Liste des subventions 2023;;;;\r\n;;;;\r\n");
    s.push_str("beneficiaire;siret;montant;date_convention;commune\r\n");
    while s.len() < bytes {
        let name = NAMES.get(usize::try_from(rng.below(5)).unwrap_or(0)).copied().unwrap_or("");
        let siret = 10_000_000_000_000 + rng.below(89_999_999_999_999);
        let euros = rng.below(100_000);
        let cents = rng.below(100);
        let day = 1 + rng.below(28);
        s.push_str(&format!(
            "{name};{siret};{} {:03},{cents:02};{day:02}/03/2023;Saint-Étienne\r\n",
            euros / 1000,
            euros % 1000
        ));
    }
    // A sample is cut wherever the 64 KiB end: keep a char boundary.
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn bench(c: &mut Criterion) {
    let input = sample(64 * 1024);
    let mut g = c.benchmark_group("encoding/sniff");
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("subsidies_64KiB", |b| {
        b.iter(|| {
            let d = sniff(black_box(&input));
            assert_eq!((d.delimiter, d.header_row), (b';', 2));
            d
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
