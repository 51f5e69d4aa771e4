//! Runs one text normalizer over the 1,000,000 values of its `clean_text` benchmark,
//! once, for instruction counts that do not depend on the machine's load:
//!
//! ```sh
//! cargo build --release -p dq-benches --example count_text
//! valgrind --tool=callgrind --toggle-collect='count_text::run*' target/release/examples/count_text unicode
//! ```
//!
//! Kinds: `unicode`, `bool`. The columns are drawn as `benches/clean_text.rs` draws them.
//!
//! The columns are drawn here rather than shared with `benches/clean_text.rs` on purpose: this
//! file alone, copied into a worktree of an older commit, measures the base the same way.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs, reason = "a measuring tool")]

use std::hint::black_box;

use dq_benches::Rng;
use dq_clean::{boolean, unicode, Verdict};

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

fn pick(rng: &mut Rng, pool: &[&str]) -> Vec<String> {
    (0..N)
        .map(|_| pool.get(rng.below(pool.len() as u64) as usize).copied().unwrap_or("").to_owned())
        .collect()
}

#[inline(never)]
fn run(col: &[String], f: &dyn Fn(&str) -> Verdict<'_>) -> usize {
    col.iter().filter(|s| f(black_box(s)).status() == "valid").count()
}

fn main() {
    let kind = std::env::args().nth(1).unwrap_or_default();
    let mut rng = Rng::new(3);
    let names = names(&mut rng);
    let _nulls =
        pick(&mut rng, &["Nancy", "NA", "12", "", "N/A", "Nord", "#N/A", "1 234,56", "NC", "-"]);
    let bools = pick(&mut rng, &["oui", "non", "OUI", "1", "0", "x", "", "Vrai", "faux"]);
    let valid = match kind.as_str() {
        "unicode" => {
            let u = unicode::Unicode::default();
            run(&names, &|s| u.normalize(s))
        }
        "bool" => run(&bools, &boolean::normalize),
        _ => {
            eprintln!("usage: count_text unicode|bool");
            std::process::exit(2);
        }
    };
    println!("{kind}: {valid} valid of {N}");
}
