//! dq-dedupe: find the same establishment written differently, with no configuration,
//! and explain why two rows match.
//!
//! ```sh
//! cargo run -p examples --example dedupe
//! ```

use dq_fr::dedupe::{auto, dedupe, RunOptions, Table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A small generated register: distinct establishments, then a few written again
    // with a legal form, an abbreviation or a typo.
    let trades = ["Boulangerie", "Garage", "Pharmacie", "Librairie", "Fleuriste", "Cabinet"];
    let names = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy"];
    let streets = ["rue de la Paix", "avenue Jean Jaurès", "boulevard Voltaire", "place du Marché"];
    let mut csv = String::from("siret,raison_sociale,adresse,code_postal\n");
    let mut k = 0u64;
    for t in trades {
        for n in names {
            let street = streets.get((k % 4) as usize).unwrap_or(&"rue de la Paix");
            csv += &format!(
                "{},{t} {n},{} {street},750{:02}\n",
                40_000_000_000_000 + 7_919 * k,
                k + 1,
                k % 9 + 1
            );
            k += 1;
        }
    }
    csv += "40000000000000,SARL Boulangerie Martin,1 r. de la Paix,75001\n";
    csv += "40000000031676,Ets Boulangerie Robert,5 r de la Paix,75005\n";
    let table = Table::from_csv_reader(csv.as_bytes())?;

    let chosen = auto::configure(&table, None, None)?;
    println!(
        "configuration chosen (save it and replay it with --config):\n{}",
        chosen.config.to_toml()
    );
    let outcome = dedupe(&table, &chosen.config, &RunOptions::default())?;
    for pair in &outcome.pairs {
        println!(
            "rows {} and {}: match probability {:.4}",
            pair.left, pair.right, pair.probability
        );
        for c in outcome.explain(pair) {
            println!("   {:<16} {:+.2}  {:?}", c.column, c.weight, c.values);
        }
    }
    // Both rewritten rows joined the cluster of the row they repeat.
    assert_eq!(outcome.clusters.get(48), Some(&0));
    assert_eq!(outcome.clusters.get(49), Some(&4));
    let joined = outcome.clusters.iter().enumerate().filter(|(i, &c)| c as usize != *i).count();
    println!("{joined} rows joined an earlier row's cluster");
    Ok(())
}
