//! dq-profile (issue 5): per-value format checks (SIRET, postal code, commune code,
//! date, French number, e-mail, phone, NAF), the column accumulator on 1 000 000 values
//! (a low-cardinality column served by the memo, a high-cardinality one read value by
//! value), and `profile_reader` end to end on an in-memory file, with 1 and 2 threads.
#![allow(missing_docs, reason = "criterion_main! generates an undocumented main")]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dq_benches::{luhn_complete, Rng};
use dq_profile::{Check, ColumnAccumulator, Format, Profiler};

const N: usize = 10_000;
const MILLION: usize = 1_000_000;

const POSTAL: &[&str] = &[
    "75001", "75015", "69003", "13008", "01000", "33000", "59000", "31000", "67000", "44000",
    "06000", "35000", "34000", "21000", "63000",
];
const COMMUNES: &[&str] = &[
    "75056", "69123", "13055", "2A004", "01053", "33063", "59350", "31555", "67482", "44109",
    "06088", "35238", "34172", "21231", "63113",
];
const NAF: &[&str] = &["62.01Z", "85.53Z", "46.51Z", "56.10A", "47.11F", "68.20B", "94.99Z"];
const DOMAINS: &[&str] = &["gmail.com", "orange.fr", "ville-lyon.fr", "paris.fr", "free.fr"];
const NAMES: &[&str] = &["louis.petit", "lea.martin", "mairie", "contact", "jean.dupont"];

fn pick<'a>(rng: &mut Rng, xs: &[&'a str]) -> &'a str {
    xs.get(rng.below(xs.len() as u64) as usize).copied().unwrap_or("")
}

/// A valid SIRET; one in ten has its last digit changed.
fn siret(rng: &mut Rng, i: usize) -> String {
    let mut d: Vec<u8> = (0..8).map(|_| rng.below(10) as u8).collect();
    luhn_complete(&mut d);
    d.extend((0..4).map(|_| rng.below(10) as u8));
    luhn_complete(&mut d);
    if i % 10 == 0 {
        if let Some(last) = d.last_mut() {
            *last = (*last + 1) % 10;
        }
    }
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

fn date(rng: &mut Rng) -> String {
    format!("{:02}/{:02}/{}", 1 + rng.below(28), 1 + rng.below(12), 2000 + rng.below(25))
}

fn number(rng: &mut Rng) -> String {
    let n = rng.below(10_000_000);
    let (int, cents) = (n / 100, n % 100);
    if int >= 1000 {
        format!("{} {:03},{cents:02}", int / 1000, int % 1000)
    } else {
        format!("{int},{cents:02}")
    }
}

fn email(rng: &mut Rng) -> String {
    format!("{}{}@{}", pick(rng, NAMES), rng.below(100), pick(rng, DOMAINS))
}

fn phone(rng: &mut Rng) -> String {
    format!(
        "0{} {:02} {:02} {:02} {:02}",
        1 + rng.below(7),
        rng.below(100),
        rng.below(100),
        rng.below(100),
        rng.below(100)
    )
}

/// An in-memory `;` file of `rows` rows and 8 columns of the kinds above.
fn file(rows: usize) -> Vec<u8> {
    let mut rng = Rng::new(55);
    let mut out = String::from("siret;naf;code_postal;code_commune;date;montant;email;tel\n");
    for i in 0..rows {
        let line = format!(
            "{};{};{};{};{};{};{};{}\n",
            siret(&mut rng, i),
            pick(&mut rng, NAF),
            pick(&mut rng, POSTAL),
            pick(&mut rng, COMMUNES),
            date(&mut rng),
            number(&mut rng),
            email(&mut rng),
            phone(&mut rng)
        );
        out.push_str(&line);
    }
    out.into_bytes()
}

fn checks(c: &mut Criterion) {
    let mut rng = Rng::new(5);
    let cases: Vec<(Format, &str, Vec<String>)> = vec![
        (Format::Siret, "siret", (0..N).map(|i| siret(&mut rng, i)).collect()),
        (
            Format::CodePostal,
            "code_postal",
            (0..N).map(|_| pick(&mut rng, POSTAL).into()).collect(),
        ),
        (
            Format::CodeCommune,
            "code_commune",
            (0..N).map(|_| pick(&mut rng, COMMUNES).into()).collect(),
        ),
        (Format::InseeApe700, "insee_ape700", (0..N).map(|_| pick(&mut rng, NAF).into()).collect()),
        (Format::Date, "date", (0..N).map(|_| date(&mut rng)).collect()),
        (Format::Float, "float", (0..N).map(|_| number(&mut rng)).collect()),
        (Format::Email, "email", (0..N).map(|_| email(&mut rng)).collect()),
        (Format::TelFr, "tel_fr", (0..N).map(|_| phone(&mut rng)).collect()),
    ];
    let mut g = c.benchmark_group("profile");
    g.throughput(Throughput::Elements(N as u64));
    for (format, name, values) in &cases {
        // Each case has its own format's values: most are valid (SIRETs: nine in ten).
        let expected = values.iter().filter(|v| format.check(v) == Check::Valid).count();
        assert!(expected >= N * 85 / 100, "{name}: {expected} valid");
        g.bench_function(format!("check/{name}_1e4"), |b| {
            b.iter(|| {
                let n = values
                    .iter()
                    .filter(|v| black_box(*format).check(black_box(v)) == Check::Valid)
                    .count();
                assert_eq!(n, expected);
            })
        });
        // The same values against a format they do not match: the cost of a reject.
        g.bench_function(format!("check/{name}_as_siren_1e4"), |b| {
            b.iter(|| {
                let n = values
                    .iter()
                    .filter(|v| Format::Siren.check(black_box(v)) == Check::Valid)
                    .count();
                assert!(n <= N);
            })
        });
    }
    g.finish();
}

fn accumulator(c: &mut Criterion) {
    let mut rng = Rng::new(6);
    let postal: Vec<&str> = (0..MILLION).map(|_| pick(&mut rng, POSTAL)).collect();
    let sirets: Vec<String> = (0..MILLION).map(|i| siret(&mut rng, i)).collect();
    let p = Profiler::new();
    let mut g = c.benchmark_group("profile");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(MILLION as u64));
    g.bench_function("accumulator/code_postal_1e6", |b| {
        b.iter(|| {
            let mut acc = ColumnAccumulator::new(0, "cp", &p);
            for (i, v) in postal.iter().enumerate() {
                acc.push(black_box(v), i as u64 + 2);
            }
            let prof = acc.finish();
            assert_eq!(prof.format, Format::CodePostal);
            assert_eq!(prof.count, MILLION as u64);
        })
    });
    g.bench_function("accumulator/siret_1e6", |b| {
        b.iter(|| {
            let mut acc = ColumnAccumulator::new(0, "id", &p);
            for (i, v) in sirets.iter().enumerate() {
                acc.push(black_box(v), i as u64 + 2);
            }
            let prof = acc.finish();
            assert_eq!(prof.format, Format::Siret);
            assert!(prof.distinct_is_estimate);
        })
    });
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let rows = 100_000;
    let data = file(rows);
    let mut g = c.benchmark_group("profile");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(data.len() as u64));
    for threads in [1, 2] {
        let mut p = Profiler::new();
        p.threads(threads);
        g.bench_function(format!("profile_reader/1e5_rows_{threads}_threads"), |b| {
            b.iter(|| {
                let t = p.profile_reader(black_box(data.as_slice()));
                let t = t.map_err(|e| e.to_string());
                assert_eq!(t.as_ref().map(|t| t.rows), Ok(rows as u64));
                let formats: Vec<&str> = t
                    .as_ref()
                    .map(|t| t.columns.iter().map(|c| c.format.name()).collect())
                    .unwrap_or_default();
                assert_eq!(formats.first(), Some(&"siret"));
            })
        });
    }
    g.finish();
}

criterion_group!(benches, checks, accumulator, end_to_end);
criterion_main!(benches);
