//! Runs the mojibake repair once over the cells of its `mojibake` benchmark, for
//! instruction counts that do not depend on the machine's load:
//!
//! ```sh
//! cargo build --release -p dq-benches --example count_mojibake
//! valgrind --tool=callgrind --toggle-collect='count_mojibake::run*' \
//!     target/release/examples/count_mojibake mostly_clean
//! ```
//!
//! Inputs: `mostly_clean` (2 % broken), `clean`, `all_broken`, 1 MiB each, drawn as
//! `benches/mojibake.rs` draws them.
//!
//! The columns are drawn here rather than shared with `benches/mojibake.rs` on purpose: this
//! file alone, copied into a worktree of an older commit, measures the base the same way.
#![allow(clippy::unwrap_used, missing_docs, reason = "a measuring tool")]

use std::hint::black_box;

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

fn broken(s: &str) -> String {
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(s.as_bytes()).0.into_owned()
}

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

#[inline(never)]
fn run(input: &[String]) -> usize {
    input.iter().filter(|cell| repair(black_box(cell)).is_changed()).count()
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let broken_per_100 = match which.as_str() {
        "mostly_clean" => 2,
        "clean" => 0,
        "all_broken" => 100,
        _ => {
            eprintln!("usage: count_mojibake mostly_clean|clean|all_broken");
            std::process::exit(2);
        }
    };
    let input = cells(1 << 20, broken_per_100);
    println!("{which}: {} of {} cells repaired", run(&input), input.len());
}
