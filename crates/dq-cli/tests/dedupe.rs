//! Integration tests of `dq dedupe` on committed synthetic French establishments.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dedupe").join(name)
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-dedupe-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn dq(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dq")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn read_csv(path: &PathBuf) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (headers, rows)
}

/// Pairwise precision, recall and F1 of predicted clusters against the truth.
fn f1(out: &PathBuf) -> (f64, f64, f64) {
    let (_, truth) = read_csv(&fixture("establishments_2k.truth.csv"));
    let truth: HashMap<String, String> =
        truth.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let (headers, rows) = read_csv(out);
    let id = headers.iter().position(|h| h == "record_id").unwrap();
    let cl = headers.iter().position(|h| h == "cluster_id").unwrap();
    let mut both: HashMap<(String, String), u64> = HashMap::new();
    let mut pred: HashMap<String, u64> = HashMap::new();
    let mut real: HashMap<String, u64> = HashMap::new();
    for r in &rows {
        let e = truth[&r[id]].clone();
        *both.entry((r[cl].clone(), e.clone())).or_default() += 1;
        *pred.entry(r[cl].clone()).or_default() += 1;
        *real.entry(e).or_default() += 1;
    }
    let pairs = |m: &mut dyn Iterator<Item = &u64>| m.map(|n| n * (n - 1) / 2).sum::<u64>() as f64;
    let tp = pairs(&mut both.values());
    let (p, r) = (tp / pairs(&mut pred.values()), tp / pairs(&mut real.values()));
    (p, r, 2.0 * p * r / (p + r))
}

#[test]
fn dedupe_without_configuration_finds_the_duplicates() {
    let out = tmp("auto.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--id-column",
        "record_id",
    ]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("[[blocking]]"), "the configuration is printed: {stderr}");
    let (headers, rows) = read_csv(&out);
    assert_eq!(headers.last().unwrap(), "cluster_id");
    assert_eq!(rows.len(), 2000);
    let (p, r, f) = f1(&out);
    // Measured precision 0.987, recall 0.952, F1 0.969 at the default threshold (seed 7).
    assert!(f >= 0.95, "precision {p} recall {r} F1 {f}");
}

#[test]
fn printed_configuration_replays_to_the_same_clusters() {
    let auto_out = tmp("replay-auto.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        auto_out.to_str().unwrap(),
        "--id-column",
        "record_id",
    ]);
    assert!(ok, "{stderr}");
    let toml: String = stderr
        .lines()
        .filter(|l| !l.starts_with("dq:") && !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = tmp("replay.toml");
    std::fs::write(&config, toml).unwrap();
    let replay_out = tmp("replay-config.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        replay_out.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&auto_out).unwrap(),
        std::fs::read_to_string(&replay_out).unwrap()
    );
}

#[test]
fn explain_writes_each_fields_contribution() {
    let out = tmp("explain-out.csv");
    let explain = tmp("explain.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--id-column",
        "record_id",
        "--threshold",
        "0.95",
        "--cluster",
        "connected-components",
        "--explain",
        explain.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let (headers, rows) = read_csv(&explain);
    assert!(headers.contains(&"siret_weight".to_owned()), "{headers:?}");
    assert!(headers.contains(&"raison_sociale_level".to_owned()), "{headers:?}");
    assert!(!rows.is_empty());
    // The weights add up: prior plus contributions is the match weight.
    let w = headers.iter().position(|h| h == "match_weight").unwrap();
    let prior = headers.iter().position(|h| h == "prior_weight").unwrap();
    for r in rows.iter().take(50) {
        let sum: f64 = headers
            .iter()
            .zip(r)
            .filter(|(h, _)| h.ends_with("_weight") && *h != "match_weight" && *h != "prior_weight")
            .map(|(_, v)| v.parse::<f64>().unwrap())
            .sum::<f64>()
            + r[prior].parse::<f64>().unwrap();
        assert!((sum - r[w].parse::<f64>().unwrap()).abs() < 0.05, "{r:?}");
    }
}

#[test]
fn exploding_blocking_rule_is_a_clear_error() {
    let out = tmp("explode.csv");
    let (ok, stderr) = dq(&[
        "dedupe",
        fixture("establishments_2k.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--config",
        fixture("explode.toml").to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(stderr.contains("would generate") && stderr.contains("cap of 1000"), "{stderr}");
}

#[test]
fn windows_1252_semicolon_input_with_a_title_line_gives_the_same_clusters() {
    // The same 2,000 records as establishments_2k.csv, in windows-1252, separated by `;`,
    // after a title line and a blank line.
    let (utf8_out, cp_out) = (tmp("utf8.csv"), tmp("cp1252.csv"));
    for (input, out) in
        [("establishments_2k.csv", &utf8_out), ("establishments_2k_1252.csv", &cp_out)]
    {
        let (ok, stderr) = dq(&[
            "dedupe",
            fixture(input).to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--id-column",
            "record_id",
        ]);
        assert!(ok, "{stderr}");
        if input.ends_with("1252.csv") {
            assert!(stderr.contains("windows-1252"), "{stderr}");
            assert!(stderr.contains("delimiter ';'"), "{stderr}");
            assert!(stderr.contains("2 preamble line(s), 2000 records"), "{stderr}");
        }
    }
    let (h1, rows1) = read_csv(&utf8_out);
    let (h2, rows2) = read_csv(&cp_out);
    assert_eq!(h1, h2);
    assert_eq!(rows1.len(), 2000);
    // Accented values come out as UTF-8, and every row lands in the same cluster.
    assert!(rows2.iter().any(|r| r.iter().any(|c| c.contains('É'))));
    assert_eq!(rows1, rows2);
}

/// `prefix` completed by its Luhn key digit.
fn luhn(prefix: &str) -> String {
    let sum: u32 = prefix
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap();
            if i % 2 == 0 {
                let x = 2 * d;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    format!("{prefix}{}", (10 - sum % 10) % 10)
}

/// Writes a CSV file made of `header` and `rows` and returns its path.
fn write_fixture(name: &str, header: &str, rows: &[String]) -> PathBuf {
    let path = tmp(name);
    let mut text = format!("{header}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Three hundred establishments of sixty companies (five siblings each: one SIREN, five
/// NICs, the same trade name and address), and two true duplicates of row 1 (same
/// SIRET, the legal form and street type spelled differently).
fn siblings() -> PathBuf {
    let trades = ["Boulangerie", "Garage", "Pharmacie", "Librairie", "Fleuriste", "Cafe"];
    let names = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau",
        "Simon",
    ];
    let mut rows = Vec::new();
    for (i, t) in trades.iter().enumerate() {
        for (j, n) in names.iter().enumerate() {
            let k = i * names.len() + j;
            let siren = luhn(&format!("{:08}", 40_000_000 + 7_919 * k));
            for e in 0..5 {
                let siret = luhn(&format!("{siren}{:04}", e + 1));
                rows.push(format!(
                    "{siret},SARL {t} {n},{} avenue {},750{:02}",
                    k + 2,
                    names[(j + 3) % names.len()],
                    k % 20 + 1
                ));
            }
        }
    }
    let first = rows[0].split(',').next().unwrap().to_owned();
    rows.push(format!("{first},{} Martin S.A.R.L.,2 av. {},75001", trades[0], names[3]));
    rows.push(format!("{first},{} Martin,2 av {},75001", trades[0], names[3]));
    write_fixture("siblings.csv", "siret,raison_sociale,adresse,code_postal", &rows)
}

#[test]
fn siret_veto_keeps_siblings_apart_and_explains_it() {
    let (out, explain) = (tmp("siblings-out.csv"), tmp("siblings-explain.csv"));
    let (ok, stderr) = dq(&[
        "dedupe",
        siblings().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--explain",
        explain.to_str().unwrap(),
        // Three hundred rows teach EM little: a lower threshold than the default.
        "--threshold",
        "0.9",
    ]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("[[veto]]") && stderr.contains("kind = \"siret\""), "{stderr}");
    let (_, rows) = read_csv(&out);
    assert_eq!(rows.len(), 302);
    let cluster: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    // The two duplicates join row 1; no sibling joins anyone.
    assert_eq!((cluster[300], cluster[301]), ("1", "1"), "{stderr}");
    for (i, c) in cluster.iter().enumerate().take(300) {
        assert_eq!(*c, (i + 1).to_string(), "row {} is a sibling: {stderr}", i + 1);
    }
    let (headers, pairs) = read_csv(&explain);
    let veto = headers.iter().position(|h| h == "veto").unwrap();
    assert!(
        pairs.iter().any(|p| p[veto].starts_with("siret (siret): ") && p[2] == "0.000000"),
        "a vetoed sibling pair is explained"
    );
}

#[test]
fn veto_can_be_turned_off_in_the_configuration() {
    let base = "threshold = 0.5\n\
         [[field]]\ncolumn = \"raison_sociale\"\nkind = \"company\"\n\
         [[field]]\ncolumn = \"adresse\"\nkind = \"address\"\n\
         [[blocking]]\nkeys = [{ column = \"raison_sociale\", transform = \"company\" }]\n";
    for (veto, sibling_cluster) in [(true, "2"), (false, "1")] {
        let out = tmp("siblings-noveto.csv");
        let config = tmp("siblings-noveto.toml");
        let text = if veto {
            format!("{base}[[veto]]\ncolumn = \"siret\"\nkind = \"siret\"\n")
        } else {
            base.to_owned()
        };
        std::fs::write(&config, text).unwrap();
        let (ok, stderr) = dq(&[
            "dedupe",
            siblings().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ]);
        assert!(ok, "{stderr}");
        let (_, rows) = read_csv(&out);
        // Without the veto, name and address join the siblings.
        assert_eq!(rows[1][4], sibling_cluster, "veto {veto}: {stderr}");
    }
}

/// A nomenclature: one row per 8-character code, one row written twice.
fn nomenclature() -> PathBuf {
    let mut rows: Vec<String> = (0..400)
        .map(|i| {
            format!(
                "{:08},CAP {},{}",
                1_022_404 + 97 * i,
                ["CUISINE", "COIFFURE", "MENUISIER"][i % 3],
                3 + i % 2
            )
        })
        .collect();
    rows.push(rows[7].clone());
    write_fixture("nomenclature.csv", "FORMATION_DIPLOME,LIBELLE_COURT,NIVEAU", &rows)
}

#[test]
fn a_reference_table_has_no_probable_duplicates() {
    let out = tmp("nomenclature-out.csv");
    let (ok, stderr) =
        dq(&["dedupe", nomenclature().to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("no probable duplicates to find"), "{stderr}");
    assert!(stderr.contains("FORMATION_DIPLOME"), "{stderr}");
    assert!(stderr.contains("1 exact duplicate rows"), "{stderr}");
    let (_, rows) = read_csv(&out);
    assert_eq!(rows.len(), 401);
    // Only the exact duplicate shares a cluster.
    assert_eq!(rows[400][3], "8");
    assert!(rows.iter().take(400).enumerate().all(|(i, r)| r[3] == (i + 1).to_string()));
    // --force searches anyway.
    let (ok, stderr) =
        dq(&["dedupe", nomenclature().to_str().unwrap(), "-o", out.to_str().unwrap(), "--force"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("[[blocking]]"), "{stderr}");
}

#[test]
fn a_degenerate_model_falls_back_and_says_so() {
    // Élus without duplicates: distinct names, a département shared by many, birth
    // dates that differ.
    let noms = &SURNAMES[..12];
    let prenoms =
        ["Xavier", "Romain", "Marie", "Sophie", "Jean", "Pierre", "Anne", "Claire", "Luc", "Paul"];
    let mut rows = Vec::new();
    for (i, n) in noms.iter().enumerate() {
        for (j, p) in prenoms.iter().enumerate() {
            rows.push(format!(
                "{:02},{n},{p},{}",
                (i * 7 + j) % 6 + 1,
                ["33", "48", "31"][(i + j) % 3]
            ));
        }
    }
    let input = write_fixture("elus.csv", "dep,nom,prenom,csp", &rows);
    let out = tmp("elus-out.csv");
    let (ok, stderr) = dq(&["dedupe", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let (_, rows) = read_csv(&out);
    assert!(rows.iter().enumerate().all(|(i, r)| r[4] == (i + 1).to_string()), "{stderr}");
    assert!(stderr.contains("degenerate"), "{stderr}");
}

#[test]
fn audit_says_a_reference_table_has_no_probable_duplicates() {
    let dir = tmp("audit-nomenclature");
    let (ok, stderr) =
        dq(&["audit", nomenclature().to_str().unwrap(), "-o", dir.to_str().unwrap(), "--quiet"]);
    assert!(ok, "{stderr}");
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap();
    assert!(report.contains("no probable duplicates to find"), "{report}");
    let dupes = std::fs::read_to_string(dir.join("duplicates.csv")).unwrap();
    assert!(!dupes.contains("probable"), "{dupes}");
    assert!(dupes.contains("exact"), "{dupes}");
}

#[test]
fn audit_never_joins_siblings() {
    let dir = tmp("audit-siblings");
    let (ok, stderr) =
        dq(&["audit", siblings().to_str().unwrap(), "-o", dir.to_str().unwrap(), "--quiet"]);
    assert!(ok, "{stderr}");
    let (_, rows) = read_csv(&dir.join("duplicates.csv"));
    for r in rows.iter().filter(|r| r[1] == "probable") {
        let members: Vec<u32> = r[3].split(' ').map(|m| m.parse().unwrap()).collect();
        assert!(members.iter().all(|&m| m == 1 || m > 300), "siblings joined: {r:?}");
    }
}

/// Pairs of row indices.
type RowPairs = Vec<(usize, usize)>;

/// Common French surnames, for the fixtures of persons.
const SURNAMES: &[&str] = &[
    "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY",
    "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX",
    "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRE", "LEFEVRE", "MERCIER", "DUPONT", "LAMBERT",
    "BONNET", "FRANCOIS", "MARTINEZ",
];

/// Given names, for the fixtures of persons.
const GIVEN_NAMES: &[&str] =
    &["Philippe", "Hélène", "Sophie", "Jean", "Claire", "Lucas", "Emma", "Hugo", "Jade", "Louis"];

/// Two hundred persons (surname, given name, birth date, address), ten pairs of twins
/// (same surname, birth date and address, another given name) and ten true duplicates
/// (a typo, accents or case in the given name).
fn households() -> (PathBuf, RowPairs, RowPairs) {
    let (noms, prenoms) = (&SURNAMES[..20], GIVEN_NAMES);
    let twins_of =
        ["Pierre", "Chloé", "Léa", "Noah", "Inès", "Paul", "Anne", "Marc", "Zoé", "Théo"];
    let rues = ["rue des Lilas", "avenue Foch", "place Carnot", "allée des Tilleuls"];
    let mut rows = Vec::new();
    for (i, n) in noms.iter().enumerate() {
        for (j, p) in prenoms.iter().enumerate() {
            let k = i * prenoms.len() + j;
            rows.push(format!(
                "{n},{p},{:02}/{:02}/{},{} {},{}",
                k % 28 + 1,
                k % 12 + 1,
                1940 + k % 60,
                k % 150 + 1,
                rues[k % rues.len()],
                75001 + (k % 20)
            ));
        }
    }
    let (mut twins, mut dups) = (Vec::new(), Vec::new());
    for (t, other) in twins_of.iter().enumerate() {
        // Person `k`'s twin: the same row with another given name.
        let k = t * 19 + 3;
        let fields: Vec<String> = rows[k].split(',').map(str::to_owned).collect();
        let twin = format!("{},{},{},{},{}", fields[0], other, fields[2], fields[3], fields[4]);
        rows.push(twin);
        twins.push((k, rows.len() - 1));
    }
    for d in 0..10 {
        let k = d * 17 + 8;
        let mut fields: Vec<String> = rows[k].split(',').map(str::to_owned).collect();
        fields[1] = match d % 3 {
            0 => fields[1].to_uppercase(),
            1 => {
                // Two letters swapped.
                let mut c: Vec<char> = fields[1].chars().collect();
                c.swap(1, 2);
                c.into_iter().collect()
            }
            _ => fields[1].replace(['é', 'è'], "e"),
        };
        rows.push(fields.join(","));
        dups.push((k, rows.len() - 1));
    }
    let path =
        write_fixture("households.csv", "nom,prenom,date_naissance,adresse,code_postal", &rows);
    (path, twins, dups)
}

#[test]
fn twins_are_two_persons_and_a_mistyped_given_name_is_one() {
    let (input, twins, dups) = households();
    let out = tmp("households-out.csv");
    let (ok, stderr) =
        dq(&["dedupe", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--threshold", "0.9"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("kind = \"given-name\""), "{stderr}");
    let (headers, rows) = read_csv(&out);
    let c = headers.iter().position(|h| h == "cluster_id").unwrap();
    for (a, b) in twins {
        assert_ne!(rows[a][c], rows[b][c], "twins {:?} and {:?}: {stderr}", rows[a], rows[b]);
    }
    for (a, b) in dups {
        assert_eq!(rows[a][c], rows[b][c], "duplicates {:?} and {:?}: {stderr}", rows[a], rows[b]);
    }
}

/// Two hundred persons with a social security number (`nir`), surname, given name,
/// birth date and address; for eight of them, three more records: one whose birth date
/// was keyed wrong (same number), one whose number was keyed wrong (same birth date) and
/// one with a typo in the surname. Returns the file and, for each of the eight, the rows
/// of its four records.
fn staff() -> (PathBuf, Vec<[usize; 4]>) {
    let (noms, prenoms) = (&SURNAMES[..20], GIVEN_NAMES);
    let rues = ["rue des Lilas", "avenue Foch", "place Carnot", "allée des Tilleuls"];
    let nir = |k: usize| format!("{}", 1_620_000_000_000u64 + (k as u64 * 7_919_993) % 99_999_999);
    let mut rows = Vec::new();
    for (i, n) in noms.iter().enumerate() {
        for (j, p) in prenoms.iter().enumerate() {
            let k = i * prenoms.len() + j;
            rows.push(vec![
                nir(k),
                n.to_string(),
                p.to_string(),
                format!("{:02}/{:02}/{}", k % 28 + 1, k % 12 + 1, 1940 + k % 60),
                format!("{} {}", k % 150 + 1, rues[k % rues.len()]),
                format!("{}", 75001 + (k % 20)),
            ]);
        }
    }
    let mut persons = Vec::new();
    for d in 0..8 {
        let k = d * 23 + 5;
        let mut born = rows[k].clone();
        born[3] = format!("{:02}/{:02}/{}", (k + 11) % 28 + 1, (k + 5) % 12 + 1, 1930 + k % 50);
        let mut number = rows[k].clone();
        number[0] = nir(k + 1000);
        let mut typo = rows[k].clone();
        typo[1].insert(2, 'X');
        let first = rows.len();
        rows.extend([born, number, typo]);
        persons.push([k, first, first + 1, first + 2]);
    }
    let rows: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    let path =
        write_fixture("staff.csv", "nir,nom,prenom,date_naissance,adresse,code_postal", &rows);
    (path, persons)
}

#[test]
fn a_birth_date_keyed_wrong_is_outvoted_by_the_records_of_its_person() {
    let (input, persons) = staff();
    let out = tmp("staff-out.csv");
    let (ok, stderr) = dq(&["dedupe", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("kind = \"birth-date\""), "{stderr}");
    let (headers, rows) = read_csv(&out);
    let c = headers.iter().position(|h| h == "cluster_id").unwrap();
    // The record with the wrong birth date and the one with the wrong number disagree on
    // both, which alone keeps them apart; the first record of the person carries the
    // number of one and the birth date of the other, so the four are one person.
    for person in persons {
        let ids: Vec<&str> = person.iter().map(|&r| rows[r][c].as_str()).collect();
        assert!(ids.iter().all(|&id| id == ids[0]), "{person:?}: {ids:?}\n{stderr}");
    }
    // Nobody else joined them.
    let mut sizes = std::collections::HashMap::new();
    for r in &rows {
        *sizes.entry(r[c].clone()).or_insert(0) += 1;
    }
    assert_eq!(sizes.values().filter(|&&n| n > 1).count(), 8, "{stderr}");
    assert!(sizes.values().all(|&n| n == 1 || n == 4), "{sizes:?}");
}

/// Three hundred councillors (département and canton as code and label, surname, given
/// name, sex, birth date, profession as code and label: broad attributes written twice,
/// as in the RNE) and, in eight cantons, a colleague of the same sex and profession, born
/// a month apart (one character off), with another surname and a given name that looks
/// alike but is another (`Sylvaine`, `Solange`); in six cantons, the man of her binôme,
/// his surname one letter off; and ten true duplicates (accents dropped from the given
/// name). Returns the file, the colleague pairs and the duplicate pairs.
fn councillors() -> (PathBuf, RowPairs, RowPairs) {
    let noms = SURNAMES;
    let prenoms = [
        "Sylvaine",
        "Hélène",
        "Catherine",
        "Nathalie",
        "Martine",
        "Valérie",
        "Léa",
        "Inès",
        "Zoé",
        "Chloé",
    ];
    let alike = ["Solange", "Hermine", "Caroline", "Natacha", "Marianne", "Valentine"];
    let others = ["DI CARO", "PONCHON", "AUBERT", "CARRE", "BRUN", "GIRAUD", "ROY", "NOEL"];
    let metiers = ["Cadre", "Agriculteur", "Enseignant", "Médecin", "Retraité"];
    let deps = ["Ain", "Aisne", "Allier", "Ardèche"];
    let row = |k: usize, nom: &str, prenom: &str, sexe: &str, month: usize| {
        let (d, m) = (k % deps.len(), k % metiers.len());
        format!(
            "{:02},{},{},Canton {},{nom},{prenom},{sexe},{}-{:02}-{:02},{},{}",
            d + 1,
            deps[d],
            k % 40 + 1,
            k % 40 + 1,
            1940 + k % 50,
            month,
            k % 27 + 1,
            m + 10,
            metiers[m]
        )
    };
    let mut rows = Vec::new();
    for (i, n) in noms.iter().enumerate() {
        for (j, p) in prenoms.iter().enumerate() {
            let k = i * prenoms.len() + j;
            rows.push(row(k, n, p, "F", k % 9 + 1));
        }
    }
    let (mut colleagues, mut dups) = (Vec::new(), Vec::new());
    for c in 0..8 {
        // The councillor of row `k` has given name `prenoms[k % 10]`; her colleague the
        // one that looks alike, another surname, the month one character off.
        let k = c * 30 + c % alike.len();
        let month = if k % 9 == 8 { k % 9 } else { k % 9 + 2 };
        rows.push(row(k, others[c], alike[c % alike.len()], "F", month));
        colleagues.push((k, rows.len() - 1));
    }
    for c in 0..6 {
        // A departmental binôme: the man elected with her, his surname one letter off
        // (`VANSON`, `VANNSON`), born a month apart.
        let k = c * 37 + 11;
        let nom = noms[k / prenoms.len()];
        // The second letter doubled.
        let typo: String = nom
            .chars()
            .enumerate()
            .flat_map(|(i, ch)| std::iter::repeat(ch).take(if i == 1 { 2 } else { 1 }))
            .collect();
        let month = if k % 9 == 8 { k % 9 } else { k % 9 + 2 };
        rows.push(row(k, &typo, ["François", "Gérard", "Jérôme"][c % 3], "M", month));
        colleagues.push((k, rows.len() - 1));
    }
    for d in 0..10 {
        let k = d * 29 + 3;
        let (i, j) = (k / prenoms.len(), k % prenoms.len());
        let plain: String =
            prenoms[j].chars().map(|c| if matches!(c, 'é' | 'è') { 'e' } else { c }).collect();
        rows.push(row(k, noms[i], &plain, "F", k % 9 + 1));
        dups.push((k, rows.len() - 1));
    }
    let path = write_fixture(
        "councillors.csv",
        "code_dep,departement,code_canton,canton,nom,prenom,sexe,date_naissance,code_csp,csp",
        &rows,
    );
    (path, colleagues, dups)
}

#[test]
fn colleagues_whose_names_or_sexes_differ_are_two_persons() {
    let (input, colleagues, dups) = councillors();
    let out = tmp("councillors-out.csv");
    let (ok, stderr) = dq(&["dedupe", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let (headers, rows) = read_csv(&out);
    let c = headers.iter().position(|h| h == "cluster_id").unwrap();
    for (a, b) in colleagues {
        assert_ne!(rows[a][c], rows[b][c], "colleagues {:?} and {:?}: {stderr}", rows[a], rows[b]);
    }
    for (a, b) in dups {
        assert_eq!(rows[a][c], rows[b][c], "duplicates {:?} and {:?}: {stderr}", rows[a], rows[b]);
    }
}
