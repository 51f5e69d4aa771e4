//! Integration tests of `dq clean` through the binary, on committed fixtures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test and benchmark code: a failure here is a test failure, not a user-facing panic"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean").join(name)
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-clean-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dq")).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn clean_without_rules() {
    let (o, c, f) = (tmp("auto.csv"), tmp("auto_changes.csv"), tmp("auto_flags.csv"));
    run(&[
        "clean".as_ref(),
        fixture("subventions.csv").as_os_str(),
        "-o".as_ref(),
        o.as_os_str(),
        "--changes".as_ref(),
        c.as_os_str(),
        "--flags".as_ref(),
        f.as_os_str(),
    ]);
    let out = std::fs::read_to_string(&o).unwrap().replace("\r\n", "\n");
    assert_eq!(
        out,
        "commune,montant,date_versement,commentaire\n\
         Nancy,1234.56,2021-03-12,subvention annuelle\n\
         Metz,1500,03/25/2021,NC\n\
         Épinal,-250,2021-03-01,\n\
         Toul,1234,31/02/2021,ras\n"
    );
    let changes = std::fs::read_to_string(&c).unwrap().replace("\r\n", "\n");
    assert!(changes.starts_with("row,column_index,column,before,after,rule,line\n"));
    assert!(changes.contains("2,1,montant,1 500 €,1500,number_currency,3\n"), "{changes}");
    assert_eq!(changes.lines().count(), 9, "{changes}");
    // The date column: one impossible date among four does not make it text, and the
    // one month-first value does not make `12/03/2021` December: it is flagged.
    assert!(changes.contains("1,2,date_versement,12/03/2021,2021-03-12,date_dmy,2\n"), "{changes}");
    let flags = std::fs::read_to_string(&f).unwrap().replace("\r\n", "\n");
    assert!(flags.contains("2,2,date_versement,03/25/2021,ambiguous,"), "{flags}");
    assert!(flags.contains("4,2,date_versement,31/02/2021,invalid,"), "{flags}");
}

#[test]
fn clean_with_rules_flags_dates() {
    let (o, f) = (tmp("rules.csv"), tmp("rules_flags.csv"));
    run(&[
        "clean".as_ref(),
        fixture("subventions.csv").as_os_str(),
        "-o".as_ref(),
        o.as_os_str(),
        "--rules".as_ref(),
        fixture("rules.toml").as_os_str(),
        "--flags".as_ref(),
        f.as_os_str(),
    ]);
    let out = std::fs::read_to_string(&o).unwrap().replace("\r\n", "\n");
    assert!(out.contains("Nancy,1234.56,2021-03-12,"), "{out}");
    assert!(out.contains("Épinal,-250,2021-03-01,"), "{out}");
    let flags = std::fs::read_to_string(&f).unwrap().replace("\r\n", "\n");
    assert!(flags.contains("2,2,date_versement,03/25/2021,ambiguous,"), "{flags}");
    assert!(flags.contains("4,2,date_versement,31/02/2021,invalid,"), "{flags}");
}

#[test]
fn clean_windows_1252_keeps_codes() {
    let o = tmp("cp1252.csv");
    run(&["clean".as_ref(), fixture("cp1252.csv").as_os_str(), "-o".as_ref(), o.as_os_str()]);
    let out = std::fs::read_to_string(&o).unwrap().replace("\r\n", "\n");
    assert_eq!(
        out,
        "code,libellé,montant\n01,Aide à l'emploi,1234.50\n02,Fonds de solidarité,-12.5\n"
    );
}

#[test]
fn clean_windows_1252_with_title_line_writes_utf8() {
    // A windows-1252 file with `;`, CRLF, `€` (byte 0x80) and a title line above the
    // header: read through dq_encoding::open_csv, written as UTF-8 without the title.
    let (o, f) = (tmp("cp1252_title.csv"), tmp("cp1252_title_flags.csv"));
    let input = std::fs::read(fixture("cp1252_title.csv")).unwrap();
    assert!(std::str::from_utf8(&input).is_err(), "the fixture must not be UTF-8");
    run(&[
        "clean".as_ref(),
        fixture("cp1252_title.csv").as_os_str(),
        "-o".as_ref(),
        o.as_os_str(),
        "--flags".as_ref(),
        f.as_os_str(),
    ]);
    let out = std::fs::read_to_string(&o).unwrap().replace("\r\n", "\n");
    assert_eq!(
        out,
        "code,libellé,montant,date\n\
         01,Aide à l'emploi,1234.50,2021-03-12\n\
         02,Fonds de solidarité,1500,31/02/2021\n\
         03,Été culturel,-250,2021-03-25\n"
    );
    // The one impossible date is flagged; the three-row column is still a date column.
    let flags = std::fs::read_to_string(&f).unwrap().replace("\r\n", "\n");
    assert!(flags.contains("2,3,date,31/02/2021,invalid,"), "{flags}");
    assert_eq!(flags.lines().count(), 2, "{flags}");
}

#[test]
fn unknown_rule_kind_fails() {
    let r = tmp("bad_rules.toml");
    std::fs::write(&r, "[columns.montant]\nkind = \"nombre\"\n").unwrap();
    let o = tmp("bad.csv");
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args([
            "clean".as_ref(),
            fixture("subventions.csv").as_os_str(),
            "-o".as_ref(),
            o.as_os_str(),
            "--rules".as_ref(),
            r.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind"));
}

#[test]
fn clean_with_rules_naming_pivot_and_text_kinds() {
    // The rules file of `dq clean` knows the kinds of `dq audit --rules`: dq-pivot's
    // identifiers, and title case with the official commune names' accents.
    let (o, c, f) = (tmp("pivots.csv"), tmp("pivots_changes.csv"), tmp("pivots_flags.csv"));
    run(&[
        "clean".as_ref(),
        fixture("pivots.csv").as_os_str(),
        "-o".as_ref(),
        o.as_os_str(),
        "--rules".as_ref(),
        fixture("pivot_rules.toml").as_os_str(),
        "--changes".as_ref(),
        c.as_os_str(),
        "--flags".as_ref(),
        f.as_os_str(),
    ]);
    let out = std::fs::read_to_string(&o).unwrap().replace("\r\n", "\n");
    assert_eq!(
        out,
        "siret,commune,telephone\n\
         73282932000074,Saint-Étienne,+33123456789\n\
         73282932000074,La Roche-sur-Yon,+590690123456\n\
         73282932000075,Villeneuve-d'Ascq,\n"
    );
    let changes = std::fs::read_to_string(&c).unwrap().replace("\r\n", "\n");
    assert!(
        changes.contains("2,0,siret,7.3282932000074E+13,73282932000074,excel_scientific,3\n"),
        "{changes}"
    );
    let flags = std::fs::read_to_string(&f).unwrap().replace("\r\n", "\n");
    assert!(flags.contains("3,0,siret,73282932000075,invalid,"), "{flags}");
}

#[test]
fn clean_rejects_an_unknown_kind() {
    let dir = tmp("unknown");
    let rules = dir.with_extension("toml");
    std::fs::write(&rules, "[columns.siret]\nkind = \"sirette\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args(["clean".as_ref(), fixture("pivots.csv").as_os_str(), "-o".as_ref()])
        .arg(dir.with_extension("csv"))
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown kind") && err.contains("sirette"), "{err}");
}
/// Runs `dq clean INPUT -o OUT --changes CHANGES` in `dir`, returns (clean, changes).
fn clean_in(input: &Path, dir: &Path, extra: &[&str]) -> (String, String) {
    let out = dir.join("clean.csv");
    let changes = dir.join("changes.csv");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "clean".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--changes".as_ref(),
        changes.as_os_str(),
    ];
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    let o = Command::new(env!("CARGO_BIN_EXE_dq")).args(&args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (std::fs::read_to_string(out).unwrap(), std::fs::read_to_string(changes).unwrap())
}

fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-clean-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn harm(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harm").join(name)
}

/// One planner: `dq clean` and `dq audit` write the same clean table and change log.
#[test]
fn clean_and_audit_agree_on_every_fixture() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut inputs: Vec<PathBuf> = Vec::new();
    for sub in ["harm", "clean", "profile", "encoding"] {
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "csv" || x == "tsv" || x == "txt") {
                inputs.push(p);
            }
        }
    }
    inputs.sort();
    assert!(inputs.len() >= 10, "{inputs:?}");
    for (i, input) in inputs.iter().enumerate() {
        let dir = fresh(&format!("agree{i}"));
        let adir = dir.join("audit");
        let o = Command::new(env!("CARGO_BIN_EXE_dq"))
            .args(["audit".as_ref(), input.as_os_str(), "-o".as_ref(), adir.as_os_str()])
            .args(["--no-dedupe", "--quiet"])
            .output()
            .unwrap();
        if !o.status.success() {
            // Inputs dq rejects (a binary file) are rejected by both.
            let c = Command::new(env!("CARGO_BIN_EXE_dq"))
                .args([
                    "clean".as_ref(),
                    input.as_os_str(),
                    "-o".as_ref(),
                    dir.join("x").as_os_str(),
                ])
                .output()
                .unwrap();
            assert!(!c.status.success(), "{}", input.display());
            continue;
        }
        let (clean, changes) = clean_in(input, &dir, &[]);
        let aclean = std::fs::read_to_string(adir.join("clean.csv")).unwrap();
        let achanges = std::fs::read_to_string(adir.join("changes.csv")).unwrap();
        assert_eq!(clean, aclean, "clean.csv of {}", input.display());
        assert_eq!(changes, achanges, "changes.csv of {}", input.display());
        // The audit's plan replays to the same output.
        let plan = adir.join("plan.json");
        let rdir = dir.join("replay");
        std::fs::create_dir_all(&rdir).unwrap();
        let (replayed, _) = clean_in(input, &rdir, &["--plan", plan.to_str().unwrap()]);
        assert_eq!(replayed, clean, "replayed plan of {}", input.display());
    }
}

fn column(clean: &str, name: &str) -> Vec<String> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(clean.as_bytes());
    let i = rdr.headers().unwrap().iter().position(|h| h == name).unwrap();
    rdr.records().map(|r| r.unwrap().get(i).unwrap_or("").to_owned()).collect()
}

#[test]
fn zero_padded_codes_keep_their_zeros() {
    let (clean, changes) = clean_in(&harm("zero_padded_codes.csv"), &fresh("zeros"), &[]);
    assert_eq!(column(&clean, "num_disposition"), ["000001", "000002", "000003"]);
    // Amounts are still numbers, their null token emptied; the postal code gets its zero.
    assert_eq!(column(&clean, "valeur_fonciere"), ["1250.00", "98000.00", ""]);
    assert_eq!(column(&clean, "code_postal"), ["01000", "75001", "13001"]);
    assert!(!changes.contains("000001"));
    assert_eq!(clean.lines().next(), Some("num_disposition,valeur_fonciere,code_postal"));
}

#[test]
fn alphanumeric_codes_are_not_flagged_as_numbers() {
    let dir = fresh("alnum");
    let flags = dir.join("flags.csv");
    let (clean, changes) =
        clean_in(&harm("alphanumeric_codes.csv"), &dir, &["--flags", flags.to_str().unwrap()]);
    assert_eq!(
        column(&clean, "code_nature"),
        ["10XX", "1011", "59L", "2B14", "1012", "1013", "1014"]
    );
    assert_eq!(changes.lines().count(), 1, "{changes}");
    assert_eq!(std::fs::read_to_string(flags).unwrap().lines().count(), 1);
}

#[test]
fn null_tokens_of_categories_are_data() {
    let (clean, _) = clean_in(&harm("null_tokens_as_data.csv"), &fresh("nc"), &[]);
    assert_eq!(column(&clean, "groupe"), ["NC", "SOC", "NC", "UMP"]);
    assert_eq!(column(&clean, "montant"), ["1000", "2500", "", "300"]);
}

#[test]
fn categories_are_not_booleans() {
    let (clean, changes) = clean_in(&harm("category_not_boolean.csv"), &fresh("cat"), &[]);
    assert_eq!(column(&clean, "statut"), ["N", "N", "N", "N", "N", "N", "N", "A", "P", "S"]);
    assert_eq!(changes.lines().count(), 1, "{changes}");
}

#[test]
fn consistent_columns_keep_their_convention() {
    let (clean, changes) = clean_in(&harm("consistent_conventions.csv"), &fresh("conv"), &[]);
    assert_eq!(column(&clean, "naf"), ["5610A", "4711F", "6201Z"]);
    assert_eq!(column(&clean, "adhérent"), ["oui", "non", "oui"]);
    assert_eq!(changes.lines().count(), 1, "{changes}");
    // `--canonical` asks for canonical forms everywhere.
    let (canon, _) =
        clean_in(&harm("consistent_conventions.csv"), &fresh("canon"), &["--canonical"]);
    assert_eq!(column(&canon, "naf"), ["56.10A", "47.11F", "62.01Z"]);
    assert_eq!(column(&canon, "adhérent"), ["true", "false", "true"]);
}

#[test]
fn canton_codes_are_not_departements() {
    let dir = fresh("canton");
    let flags = dir.join("flags.csv");
    let (clean, _) =
        clean_in(&harm("canton_codes.csv"), &dir, &["--flags", flags.to_str().unwrap()]);
    assert_eq!(column(&clean, "Code du canton"), ["20", "01", "45", "12", "33"]);
    assert_eq!(std::fs::read_to_string(flags).unwrap().lines().count(), 1);
}

#[test]
fn two_digit_codes_no_header_names_are_not_departements() {
    // `GESTION_DIFFUSION` of the BCN: `02`, `13`, `98` are its own codes.
    let dir = fresh("twodigit");
    let flags = dir.join("flags.csv");
    let (clean, changes) = clean_in(
        &harm("unlabelled_two_digit_codes.csv"),
        &dir,
        &["--flags", flags.to_str().unwrap()],
    );
    assert_eq!(
        column(&clean, "niveau_diffusion"),
        ["02", "02", "13", "98", "02", "51", "02", "03"]
    );
    assert_eq!(changes.lines().count(), 1, "{changes}");
    assert_eq!(std::fs::read_to_string(flags).unwrap().lines().count(), 1);
}

#[test]
fn cedex_postal_codes_are_kept_and_not_flagged() {
    // La Poste does not publish its CEDEX codes: five digits of a served département are
    // kept as written; a lost zero is still put back, from the lists.
    let dir = fresh("cedex");
    let flags = dir.join("flags.csv");
    let (clean, changes) =
        clean_in(&harm("cedex_postal_codes.csv"), &dir, &["--flags", flags.to_str().unwrap()]);
    assert_eq!(
        column(&clean, "code_postal"),
        ["01502", "33076", "13299", "75011", "69361", "01000"]
    );
    assert_eq!(changes.lines().count(), 2, "{changes}");
    assert!(changes.contains("leading_zero"), "{changes}");
    let flags = std::fs::read_to_string(flags).unwrap();
    assert_eq!(flags.lines().count(), 1, "{flags}");
}

#[test]
fn text_in_a_year_column_is_flagged_with_a_reason_that_says_so() {
    let dir = fresh("yeartext");
    let flags = dir.join("flags.csv");
    let (clean, _) =
        clean_in(&harm("year_with_text.csv"), &dir, &["--flags", flags.to_str().unwrap()]);
    assert_eq!(column(&clean, "date_acquisition")[2], "1992 entrée matérielle");
    let flags = std::fs::read_to_string(flags).unwrap();
    assert!(!flags.contains("exponent"), "{flags}");
    assert!(flags.lines().count() <= 2, "{flags}");
}
