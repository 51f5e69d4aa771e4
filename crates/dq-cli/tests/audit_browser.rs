//! `report.html` rendered by a real browser: headless Chromium loads the report of the
//! sample, every column card and its chart must be in the rendered DOM, the console must
//! stay silent, and a screenshot is saved under the target folder
//! (`$CARGO_TARGET_TMPDIR/audit-report.png`). Skipped, with a message, when Chromium is
//! not installed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    missing_docs,
    reason = "test code: a failure here is a test failure, not a user-facing panic"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take.
const TIMEOUT: Duration = Duration::from_secs(180);

fn chromium() -> Option<PathBuf> {
    let usr = PathBuf::from("/usr/bin/chromium");
    if usr.is_file() {
        return Some(usr);
    }
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join("chromium"))
        .find(|p| p.is_file())
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dq-audit-browser-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `page` with `extra` flags; returns (stdout, stderr).
fn run_chromium(bin: &Path, page: &Path, extra: &[String]) -> (String, String) {
    let profile = tmp(&format!("profile-{}", extra.len()));
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(format!("file://{}", page.canonicalize().unwrap().display()))
    .stdin(Stdio::null());
    let out_path = profile.join("stdout.txt");
    let err_path = profile.join("stderr.txt");
    cmd.stdout(std::fs::File::create(&out_path).unwrap());
    cmd.stderr(std::fs::File::create(&err_path).unwrap());
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let stdout = std::fs::read_to_string(&out_path).unwrap();
    let stderr = std::fs::read_to_string(&err_path).unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    (stdout, stderr)
}

/// The console lines Chromium logged (`…:CONSOLE:…`): messages and uncaught errors.
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[test]
fn report_renders_in_chromium() {
    let Some(bin) = chromium() else {
        println!("skipped: chromium not installed");
        return;
    };
    // The harness sees console errors: a page with a failing script is caught.
    let dir = tmp("report");
    let bad = dir.join("bad.html");
    std::fs::write(&bad, "<!DOCTYPE html><html><body><script>missing();</script></body></html>")
        .unwrap();
    let (_, stderr) = run_chromium(&bin, &bad, &["--dump-dom".into()]);
    assert!(!console_lines(&stderr).is_empty(), "console errors are not seen:\n{stderr}");

    let sample =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/etablissements.csv");
    let out = dir.join("audit");
    let status = Command::new(env!("CARGO_BIN_EXE_dq"))
        .args([
            "audit".as_ref(),
            sample.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--quiet".as_ref(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let columns = report["columns"].as_array().unwrap();
    let page = out.join("report.html");

    let (dom, stderr) = run_chromium(&bin, &page, &["--dump-dom".into()]);
    assert!(console_lines(&stderr).is_empty(), "console: {:#?}", console_lines(&stderr));
    // Each column card is in the rendered DOM, with its chart when it has values.
    let cards: Vec<&str> = dom.split("<section class=\"card column-card\"").skip(1).collect();
    assert_eq!(cards.len(), columns.len(), "column cards");
    for (card, col) in cards.iter().zip(columns) {
        let body = card.split("</section>").next().unwrap();
        let name = col["name"].as_str().unwrap();
        assert!(body.contains(&format!("data-column=\"{}\"", col["index"])), "{name}");
        let has_values = !col["top"].as_array().unwrap().is_empty()
            || col["histogram"].as_array().unwrap().len() > 1;
        if has_values {
            assert!(body.contains("<svg"), "no chart in the card of {name}");
            assert!(body.contains("<rect"), "empty chart in the card of {name}");
        }
    }
    assert!(dom.contains("id=\"duplicates\""));
    assert!(dom.contains("id=\"file-score\""));

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("audit-report.png");
    let _ = std::fs::remove_file(&shot);
    let (_, stderr) = run_chromium(
        &bin,
        &page,
        &[format!("--screenshot={}", shot.display()), "--window-size=1280,4000".into()],
    );
    assert!(console_lines(&stderr).is_empty(), "console: {:#?}", console_lines(&stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 10_000, "screenshot of {} bytes", png.len());
    println!("screenshot: {}", shot.display());
}
