//! Benchmarks of the dq-clean text normalizers on realistic columns of 1,000,000 values.
//!
//! Run: `cargo bench -p dq-benches --bench clean_text -- --warm-up-time 1 --measurement-time 3`.
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

use std::borrow::Cow;
use std::hint::black_box;

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::{Rng, ThreadCpu};
use dq_clean::{boolean, email, fold, null, phone, title, unicode, url, whitespace, Verdict};

const N: usize = 1_000_000;

const COMMUNES: &[&str] = &[
    "Saint-Étienne",
    "La Roche-sur-Yon",
    "Villeneuve-d'Ascq",
    "L'Isle-Adam",
    "Aix-en-Provence",
    "Paris",
    "Lyon",
    "Marseille",
    "Châlons-en-Champagne",
    "Pont-l'Évêque",
    "Boulogne-sur-Mer",
    "Nancy",
    "Nantes",
    "Besançon",
    "Orléans",
    "Évry-Courcouronnes",
];

/// Commune names, some with odd spaces or typographic apostrophes (about one in eight).
fn names(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let name =
                COMMUNES.get(rng.below(COMMUNES.len() as u64) as usize).copied().unwrap_or("Paris");
            match rng.below(8) {
                0 => format!(" {name}\u{a0}"),
                1 => name.replace('\'', "\u{2019}"),
                _ => name.to_owned(),
            }
        })
        .collect()
}

fn phones(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let pfx = ["01", "04", "06", "07", "0590", "0692"][rng.below(6) as usize % 6];
            let n = rng.below(100_000_000);
            match rng.below(3) {
                0 => format!("{pfx}{n:08}").chars().take(10).collect(),
                1 => format!(
                    "+33 {} {:02} {:02} {:02} {:02}",
                    &pfx[1..2],
                    n % 100,
                    (n / 100) % 100,
                    (n / 10_000) % 100,
                    (n / 1_000_000) % 100
                ),
                _ => format!(
                    "{pfx}.{:02}.{:02}.{:02}.{:02}",
                    n % 100,
                    (n / 100) % 100,
                    (n / 10_000) % 100,
                    (n / 1_000_000) % 100
                )
                .chars()
                .take(14)
                .collect(),
            }
        })
        .collect()
}

fn pick(rng: &mut Rng, pool: &[&str]) -> Vec<String> {
    (0..N)
        .map(|_| pool.get(rng.below(pool.len() as u64) as usize).copied().unwrap_or("").to_owned())
        .collect()
}

fn bench_kind<M: Measurement>(
    c: &mut Criterion<M>,
    group: &str,
    id: &str,
    col: &[String],
    f: &dyn Fn(&str) -> Verdict<'_>,
) {
    let bytes: usize = col.iter().map(String::len).sum();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function(id, |b| {
        b.iter(|| {
            let mut valid = 0usize;
            for s in col {
                if f(black_box(s)).status() == "valid" {
                    valid += 1;
                }
            }
            assert!(valid > 0);
            valid
        })
    });
    g.finish();
}

fn text<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let mut rng = Rng::new(3);
    let names = names(&mut rng);
    bench_kind(c, group, "whitespace/communes_1e6", &names, &whitespace::normalize);
    let u = unicode::Unicode::default();
    bench_kind(c, group, "unicode/communes_1e6", &names, &|s| u.normalize(s));
    let t = title::TitleCase::default();
    bench_kind(c, group, "title/communes_1e6", &names, &|s| t.normalize(s));
    let upper: Vec<String> = names.iter().map(|s| s.to_uppercase()).collect();
    bench_kind(c, group, "title/upper_communes_1e6", &upper, &|s| t.normalize(s));
    let f = fold::Fold::default();
    bench_kind(c, group, "fold/communes_1e6", &names, &|s| dq_clean::Normalizer::normalize(&f, s));
    let keys: Vec<String> =
        names.iter().map(|s| fold::fold(s, fold::Case::Lower).into_owned()).collect();
    bench_kind(c, group, "fold/folded_keys_1e6", &keys, &|s| {
        dq_clean::Normalizer::normalize(&f, s)
    });
    // The clean fast path borrows: check it outside the timed loop.
    assert!(keys.iter().all(|k| matches!(fold::fold(k, fold::Case::Lower), Cow::Borrowed(_))));
    let ascii: Vec<String> =
        keys.iter().map(|k| whitespace::collapse_spaces(k).into_owned()).collect();
    assert!(ascii.iter().all(|k| matches!(whitespace::collapse_spaces(k), Cow::Borrowed(_))));
    bench_kind(c, group, "whitespace/clean_keys_1e6", &ascii, &whitespace::normalize);

    let nulls_col =
        pick(&mut rng, &["Nancy", "NA", "12", "", "N/A", "Nord", "#N/A", "1 234,56", "NC", "-"]);
    let nulls = null::Nulls::default();
    bench_kind(c, group, "null/mixed_1e6", &nulls_col, &|s| nulls.normalize(s));
    let bools = pick(&mut rng, &["oui", "non", "OUI", "1", "0", "x", "", "Vrai", "faux"]);
    bench_kind(c, group, "bool/mixed_1e6", &bools, &boolean::normalize);
    let phones = phones(&mut rng);
    bench_kind(c, group, "phone/mixed_1e6", &phones, &phone::normalize);
    let emails = pick(
        &mut rng,
        &["jean.dupont@exemple.fr", "Contact@Mairie-Lyon.FR", " rh@ville.fr", "x@y"],
    );
    bench_kind(c, group, "email/mixed_1e6", &emails, &email::normalize);
    let urls =
        pick(&mut rng, &["https://www.data.gouv.fr/fr/", "HTTP://WWW.INSEE.FR/fr", "www.ville.fr"]);
    bench_kind(c, group, "url/mixed_1e6", &urls, &url::normalize);
}

fn wall(c: &mut Criterion) {
    text(c, "clean");
}

fn cpu(c: &mut Criterion<ThreadCpu>) {
    text(c, "clean_cpu");
}

criterion_group!(benches, wall);
criterion_group! {
    name = benches_cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = cpu
}
criterion_main!(benches, benches_cpu);
