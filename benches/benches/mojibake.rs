//! Mojibake repair throughput (dq-encoding, issue 2): mostly-clean French cells, where
//! the fast path matters, and fully broken cells.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::Rng;
use dq_encoding::mojibake::repair;

const CLEAN: &[&str] = &[
    "Comité des fêtes de Gérardmer",
    "12 rue de l’Église, 69003 Lyon",
    "Association Les Amis du Livre",
    "Crèche parentale « Les Lutins »",
    "SAINT-ÉTIENNE",
    "75056",
    "1 234,56",
    "Hôtel de Ville",
    "CONCEIÇÃO",
    "contact@mairie-besancon.fr",
    "Boulangerie Noël",
    "Paris",
];

/// windows-1252 misreading, as encoding_rs would produce it.
fn broken(s: &str) -> String {
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(s.as_bytes()).0.into_owned()
}

/// About `bytes` of cells; `broken_per_100` of them broken once.
fn cells(bytes: usize, broken_per_100: u64) -> Vec<String> {
    let mut rng = Rng::new(2);
    let mut out = Vec::new();
    let mut n = 0;
    while n < bytes {
        let i = usize::try_from(rng.below(CLEAN.len() as u64)).unwrap_or(0);
        let cell = CLEAN.get(i).copied().unwrap_or("Paris");
        let cell = if rng.below(100) < broken_per_100 { broken(cell) } else { cell.to_owned() };
        n += cell.len();
        out.push(cell);
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("encoding/mojibake_repair");
    for (name, broken_per_100) in
        [("mostly_clean_1MiB", 2), ("clean_1MiB", 0), ("all_broken_1MiB", 100)]
    {
        let input = cells(1 << 20, broken_per_100);
        let total: usize = input.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(total as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut changed = 0usize;
                for cell in black_box(&input) {
                    if repair(cell).is_changed() {
                        changed += 1;
                    }
                }
                assert!(broken_per_100 == 0 || changed > 0);
                changed
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
