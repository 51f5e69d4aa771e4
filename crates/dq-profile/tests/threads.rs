//! Column-parallel profiling (`Profiler::threads` ≥ 2) gives the same profile as one
//! thread, bit for bit, and stops on a read error.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code: a failure here is a test failure, not a user-facing panic"
)]

use dq_profile::{ErrorKind, Profiler};

/// A small deterministic generator (64-bit LCG, top bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const COMMUNES: [&str; 6] =
    ["Paris", "Lyon", "Marseille", "Bourg-en-Bresse", "Évry", "L'Haÿ-les-Roses"];
const NULLS: [&str; 4] = ["", "NC", "-", "N/A"];

/// A `;` file of `rows` rows: SIRET-like ids, postal codes, communes, French amounts,
/// dates, a boolean and a free text, with nulls, repeated rows, short rows and the
/// rows at `long` one or two fields longer than the header.
fn table(seed: u64, rows: usize, long: &[usize]) -> Vec<u8> {
    let mut g = Lcg(seed);
    let mut out = String::from("siret;code_postal;commune;montant;date;actif;note\n");
    let mut prev: Vec<String> = Vec::new();
    for i in 0..rows {
        if i > 0 && g.next(20) == 0 && !prev.is_empty() {
            // An exact duplicate of an earlier row.
            let k = usize::try_from(g.next(prev.len() as u64)).unwrap();
            out.push_str(&prev[k]);
            out.push('\n');
            continue;
        }
        let mut f: Vec<String> = vec![
            format!("{:014}", 73_282_932_000_074u64 + g.next(5_000)),
            format!("{:05}", 1_000 + g.next(94_000)),
            COMMUNES[usize::try_from(g.next(6)).unwrap()].to_owned(),
            format!("{} {:03},{:02}", g.next(100), g.next(1000), g.next(100)),
            format!("{:02}/{:02}/20{:02}", 1 + g.next(28), 1 + g.next(12), g.next(25)),
            if g.next(2) == 0 { "oui".to_owned() } else { "non".to_owned() },
            format!("note {}", g.next(u64::try_from(rows).unwrap())),
        ];
        for c in f.iter_mut() {
            if g.next(15) == 0 {
                *c = NULLS[usize::try_from(g.next(4)).unwrap()].to_owned();
            }
        }
        if g.next(200) == 0 {
            f.truncate(usize::try_from(1 + g.next(6)).unwrap());
        }
        if long.contains(&i) {
            f.push(format!("extra {i}"));
            if i % 2 == 0 {
                f.push(String::new());
            }
        }
        let mut line = f.join(";");
        if line.is_empty() {
            // A blank line would be skipped.
            line.push_str("NC");
        }
        if prev.len() < 50 {
            prev.push(line.clone());
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.into_bytes()
}

fn profile(data: &[u8], threads: usize) -> serde_json::Value {
    let mut p = Profiler::new();
    p.threads(threads);
    serde_json::to_value(p.profile_reader(data).unwrap()).unwrap()
}

#[test]
fn same_profile_with_1_2_and_3_threads() {
    let cases: [(u64, usize, &[usize]); 5] = [
        (1, 7_000, &[5_000]),
        (2, 9_500, &[0, 3_000, 8_000]),
        (3, 6_200, &[]),
        (4, 12_345, &[2_047, 2_048, 9_000]),
        (5, 300, &[10]),
    ];
    for (seed, rows, long) in cases {
        let data = table(seed, rows, long);
        let one = profile(&data, 1);
        assert_eq!(one["rows"], rows as u64, "seed {seed}");
        assert!(one["duplicate_rows"].as_u64().unwrap() > 0, "seed {seed}");
        if !long.is_empty() {
            assert!(one["ragged_rows"].as_u64().unwrap() > 0, "seed {seed}");
            assert!(one["columns"].as_array().unwrap().len() > 7, "seed {seed}");
        }
        for threads in [2, 3] {
            assert_eq!(profile(&data, threads), one, "seed {seed}, {threads} threads");
        }
    }
}

#[test]
fn more_threads_than_columns() {
    let data = table(6, 7_000, &[6_500]);
    assert_eq!(profile(&data, 8), profile(&data, 1));
}

#[test]
fn invalid_utf8_midway_is_an_error() {
    let mut data = table(7, 20_000, &[]);
    assert!(data.len() > 200_000);
    // Well after the 64 KiB the encoding is detected from.
    let at = data.len() / 2;
    let at = at + data[at..].iter().position(|&b| b == b';').unwrap() + 1;
    data.splice(at..at, [0xff, 0xfe, 0xc3]);
    for threads in [1, 2] {
        let mut p = Profiler::new();
        p.threads(threads);
        let err = p.profile_reader(&data[..]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Read, "{threads} threads");
    }
}

#[test]
fn small_inputs_come_back() {
    // Batches smaller than a task's work: the reader must not keep a reference to them.
    for rows in 1..60 {
        let data = table(rows as u64, rows, &[rows / 2]);
        let two = profile(&data, 2);
        assert_eq!(two, profile(&data, 1), "{rows} rows");
        assert_eq!(two["rows"], rows as u64);
    }
}
