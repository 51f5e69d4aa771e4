//! dq-arrow (issue 15): each kernel against the same Rust function called in a loop over
//! the same values (a `Vec<&str>` in, a `Vec` of owned results out), per value. The
//! kernels must keep ≥ 0.9× the loop's speed; PERFORMANCE.md records the ratios.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]
#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::expect_used,
    reason = "generated ASCII data of known lengths; a bench that cannot set up fails"
)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dq_arrow::arrow_array::StringArray;
use dq_arrow::dedupe::{blocking_key, compare, similarity, Measure};
use dq_arrow::normalize::Normalize;
use dq_arrow::pivot::{insee, InseeField};
use dq_arrow::{AnswerOptions, Kind};
use dq_benches::{luhn_complete, Rng};
use dq_dedupe::compare::Scratch;
use dq_dedupe::{FieldComparer, FieldKind, KeyConfig, Transform};
use dq_profile::answer::Answerer;

const N: usize = 100_000;

fn digits(rng: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| rng.below(10) as u8).collect()
}

fn text(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// A column of each kind, as files have them: mostly valid, some spaced or broken.
fn column(kind: Kind, rng: &mut Rng) -> Vec<String> {
    const COMMUNES: &[&str] =
        &["75056", "75101", "13055", "69123", "2A004", "01001", "1001", "97411", "99999"];
    const NAMES: &[&str] =
        &["Dupont", "Dupond", "Martin", "Bernard", "Petit", "Durand", "Lefèvre", "Lefebvre"];
    (0..N)
        .map(|i| match kind {
            Kind::Siret => {
                let mut d = digits(rng, 8);
                luhn_complete(&mut d);
                d.extend(digits(rng, 4));
                luhn_complete(&mut d);
                let s = text(&d);
                if i % 3 == 0 {
                    format!("{} {} {} {}", &s[..3], &s[3..6], &s[6..9], &s[9..])
                } else {
                    s
                }
            }
            Kind::Insee => COMMUNES[rng.below(COMMUNES.len() as u64) as usize].to_owned(),
            Kind::PostalCode => format!("{}", 1000 + rng.below(94_000)),
            Kind::Date => format!(
                "{:02}/{:02}/{}",
                1 + rng.below(28),
                1 + rng.below(12),
                1950 + rng.below(70)
            ),
            Kind::Number => {
                format!("{} {:03},{:02}", rng.below(999), rng.below(1000), rng.below(100))
            }
            Kind::Phone => format!(
                "0{} {:02} {:02} {:02} {:02}",
                1 + rng.below(9),
                rng.below(100),
                rng.below(100),
                rng.below(100),
                rng.below(100)
            ),
            _ => NAMES[rng.below(NAMES.len() as u64) as usize].to_owned(),
        })
        .collect()
}

fn kernels(c: &mut Criterion) {
    let mut rng = Rng::new(15);
    let o = AnswerOptions::default();
    let mut g = c.benchmark_group("arrow_output");
    g.throughput(Throughput::Elements(N as u64));
    for kind in [Kind::Siret, Kind::Insee, Kind::PostalCode, Kind::Date, Kind::Number, Kind::Phone]
    {
        let values = column(kind, &mut rng);
        let strs: Vec<&str> = values.iter().map(String::as_str).collect();
        let array = StringArray::from(strs.clone());
        let answerer = Answerer::new(kind, &o).expect("kind");
        let k = Normalize::new(kind).expect("kind");
        g.bench_function(BenchmarkId::new("loop", kind.name()), |b| {
            b.iter(|| {
                let out: Vec<Option<String>> =
                    strs.iter().map(|v| answerer.verdict(v).value().map(str::to_owned)).collect();
                black_box(out)
            })
        });
        g.bench_function(BenchmarkId::new("kernel", kind.name()), |b| {
            b.iter(|| black_box(k.output(&array).expect("strings")))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("arrow_struct");
    g.throughput(Throughput::Elements(N as u64));
    for kind in [Kind::Siret, Kind::Insee] {
        let values = column(kind, &mut rng);
        let strs: Vec<&str> = values.iter().map(String::as_str).collect();
        let array = StringArray::from(strs.clone());
        let answerer = Answerer::new(kind, &o).expect("kind");
        let k = Normalize::new(kind).expect("kind");
        g.bench_function(BenchmarkId::new("loop", kind.name()), |b| {
            b.iter(|| {
                let out: Vec<_> = strs.iter().map(|v| answerer.answer(v)).collect();
                black_box(out)
            })
        });
        g.bench_function(BenchmarkId::new("kernel", kind.name()), |b| {
            b.iter(|| black_box(k.normalize(&array).expect("strings")))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("arrow_pivot");
    g.throughput(Throughput::Elements(N as u64));
    let values = column(Kind::Insee, &mut rng);
    let strs: Vec<&str> = values.iter().map(String::as_str).collect();
    let array = StringArray::from(strs.clone());
    g.bench_function("loop/insee_current_code", |b| {
        use dq_clean::Normalizer;
        b.iter(|| {
            let out: Vec<Option<String>> = strs
                .iter()
                .map(|v| {
                    dq_pivot::commune::InseeNormalizer
                        .normalize(v)
                        .value()
                        .and_then(dq_pivot::commune::lookup)
                        .map(|c| c.current.to_owned())
                })
                .collect();
            black_box(out)
        })
    });
    g.bench_function("kernel/insee_current_code", |b| {
        b.iter(|| black_box(insee(&array, InseeField::CurrentCode).expect("strings")))
    });
    g.finish();

    let mut g = c.benchmark_group("arrow_dedupe");
    g.throughput(Throughput::Elements(N as u64));
    let left = column(Kind::Keep, &mut rng);
    let right = column(Kind::Keep, &mut rng);
    let (l, r): (Vec<&str>, Vec<&str>) =
        (left.iter().map(String::as_str).collect(), right.iter().map(String::as_str).collect());
    let (la, ra) = (StringArray::from(l.clone()), StringArray::from(r.clone()));
    let key = KeyConfig::new("nom", Transform::Phonetic);
    g.bench_function("loop/blocking_key_phonetic", |b| {
        b.iter(|| {
            let out: Vec<String> = l
                .iter()
                .map(|v| {
                    let mut s = String::new();
                    dq_dedupe::blocking_key(&key, v, &mut s);
                    s
                })
                .collect();
            black_box(out)
        })
    });
    g.bench_function("kernel/blocking_key_phonetic", |b| {
        b.iter(|| black_box(blocking_key(&la, &key).expect("strings")))
    });
    g.bench_function("loop/compare_name", |b| {
        b.iter(|| {
            let mut c = FieldComparer::new(FieldKind::Name);
            let out: Vec<Option<u8>> = l.iter().zip(&r).map(|(a, b)| c.level(a, b)).collect();
            black_box(out)
        })
    });
    g.bench_function("kernel/compare_name", |b| {
        b.iter(|| black_box(compare(FieldKind::Name, &la, &ra).expect("strings")))
    });
    g.bench_function("loop/jaro_winkler", |b| {
        b.iter(|| {
            let mut s = Scratch::new();
            let out: Vec<f64> = l.iter().zip(&r).map(|(a, b)| s.jaro_winkler(a, b)).collect();
            black_box(out)
        })
    });
    g.bench_function("kernel/jaro_winkler", |b| {
        b.iter(|| black_box(similarity(Measure::JaroWinkler, &la, &ra).expect("strings")))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = kernels
}
criterion_main!(benches);
