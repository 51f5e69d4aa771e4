//! The bad-input battery of issue #12: every command that reads a table (`profile`,
//! `dedupe`, `audit`, `clean`, `convert`, `sniff`) on a 16 MiB single line of 8.4 million
//! `a;` fields fails at once with an error naming line 1, within an address-space limit
//! of 4 GiB (a 32 MiB line grew to 24 GB before), and each sniffing pattern reads right.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tmp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-bad-input-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `dq` with `args`; on Linux under `ulimit -v` (4 GiB of address space), so that a
/// command that grows without bound aborts instead of succeeding slowly.
fn dq_bounded(args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_dq");
    if cfg!(target_os = "linux") && Path::new("/bin/sh").exists() {
        Command::new("/bin/sh")
            .arg("-c")
            .arg("ulimit -v 4194304 && exec \"$0\" \"$@\"")
            .arg(bin)
            .args(args)
            .output()
            .unwrap()
    } else {
        Command::new(bin).args(args).output().unwrap()
    }
}

fn wide_line_file(dir: &Path) -> PathBuf {
    let path = dir.join("wide.csv");
    let mut line = "a;".repeat(1 << 23);
    line.push('\n');
    std::fs::write(&path, line).unwrap();
    path
}

#[test]
fn a_wide_line_fails_on_its_line_within_bounded_memory() {
    let dir = tmp_dir("wide");
    let file = wide_line_file(&dir);
    let f = file.to_str().unwrap();
    let out_csv = dir.join("out.csv");
    let o = out_csv.to_str().unwrap();
    let audit_dir = dir.join("audit");
    let a = audit_dir.to_str().unwrap();
    for args in [
        vec!["profile", f],
        vec!["dedupe", f, "-o", o],
        vec!["audit", f, "-o", a],
        vec!["clean", f, "-o", o],
        vec!["convert", f, "-o", o],
    ] {
        let out = dq_bounded(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // A clean error (exit 1 or 2), never a signal (abort under the memory limit).
        assert!(
            matches!(out.status.code(), Some(1 | 2)),
            "dq {}: {:?} {stderr}",
            args[0],
            out.status
        );
        assert!(
            stderr.contains("line 1") && stderr.contains("more than 16384 fields"),
            "dq {}: {stderr}",
            args[0]
        );
    }
    // `dq sniff` sees the width in the head and says so in its JSON answer.
    let out = dq_bounded(&["sniff", "--json", f]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let err = v["error"].as_str().unwrap();
    assert!(err.contains("line 1") && err.contains("more than 16384 fields"), "{v}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The records `dq convert` writes for `text`: header first.
fn converted(name: &str, text: &str) -> (serde_json::Value, Vec<Vec<String>>) {
    let dir = tmp_dir(name);
    let path = dir.join(format!("{name}.csv"));
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    let sniff = dq_bounded(&["sniff", "--json", p]);
    assert!(sniff.status.success());
    let v: serde_json::Value = serde_json::from_slice(&sniff.stdout).unwrap();
    let out = dq_bounded(&["convert", p]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(out.stdout.as_slice());
    let rows = rdr.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    std::fs::remove_dir_all(&dir).ok();
    (v, rows)
}

#[test]
fn sniffing_patterns_read_right_end_to_end() {
    // Every data cell quoted under a bare header.
    let (v, rows) = converted(
        "quoted",
        "ref|nom|lieu|date\n\"A1\"|\"\"|\"France ; Drôme\"|\"1999-10-07\"\n\"A2\"|\"Morgan\"|\"\"|\"\"\n\"A3\"|\"\"|\"Lyon\"|\"2003-02-11\"\n",
    );
    assert_eq!(v["quote"], "\"", "{v}");
    assert_eq!(rows[1], ["A1", "", "France ; Drôme", "1999-10-07"]);
    assert!(rows.iter().flatten().all(|c| !c.contains('"')));
    // A quoted delimiter on every row (CRLF): the header is kept, the widths are right.
    let (v, rows) = converted(
        "coords",
        "id,commune,coordonnees\r\n1,Paris,\"48.85, 2.35\"\r\n2,Lyon,\"45.76, 4.83\"\r\n3,Lille,\"50.63, 3.06\"\r\n",
    );
    assert_eq!(v["findings"], serde_json::json!([]), "{v}");
    assert_eq!(rows[0], ["id", "commune", "coordonnees"]);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == 3), "{rows:?}");
    // A repeated header: reported, and not data.
    let (v, rows) =
        converted("repeated", "code;nom\ncode;nom\n75056;Paris\n69123;Lyon\n13055;Marseille\n");
    assert_eq!(v["findings"][0]["kind"], "repeated_header", "{v}");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1], ["75056", "Paris"]);
    // A stray CR in an unquoted field of an LF file: reported, and the records are whole.
    let (v, rows) = converted(
        "stray_cr",
        "siret,nom,complement,cp\n44225589900019,FIGUIE,\r,46330\n79090443700015,METALLERIE,\r,66650\n55203253400646,DANONE,,75009\n",
    );
    assert_eq!(v["findings"][0]["kind"], "stray_carriage_return", "{v}");
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().all(|r| r.len() == 4), "{rows:?}");
}
