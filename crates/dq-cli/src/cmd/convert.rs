//! `dq convert`: any supported encoding and dialect in, UTF-8 RFC 4180 CSV out.
//!
//! The encoding is detected from a bounded sample and the whole file is decoded exactly:
//! a byte that contradicts the detection re-decides it while the file was ASCII so far,
//! or fails with its byte offset, line and the offending bytes. `--lossy` replaces such
//! bytes by U+FFFD and reports how many on stderr. With `-o OUT`, the output is written
//! to a temporary file in OUT's directory and renamed at the end, so OUT is never left
//! half-written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dq_encoding::{open_csv_with, CsvOptions, Encoding, ErrorMode};

use crate::CliResult;

/// Arguments of `dq convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input file.
    file: PathBuf,
    /// Write here instead of stdout (atomically: a temporary file renamed at the end).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The input's field delimiter, instead of the sniffed one (the output always uses `,`).
    #[arg(long, value_name = "C")]
    delimiter: Option<char>,
    /// The input's encoding, instead of the detected one (`windows-1252`, `IBM850`…).
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Start the output with a UTF-8 byte order mark.
    #[arg(long)]
    bom: bool,
    /// Replace invalid bytes by U+FFFD instead of failing; the count goes to stderr.
    #[arg(long)]
    lossy: bool,
}

/// Runs `dq convert`.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let mut options = CsvOptions::default();
    if args.lossy {
        options.errors(ErrorMode::Lossy);
    }
    if let Some(c) = args.delimiter {
        let b = u8::try_from(u32::from(c))
            .ok()
            .filter(u8::is_ascii)
            .ok_or_else(|| format!("--delimiter {c:?}: not an ASCII character"))?;
        options.delimiter(Some(b));
    }
    if let Some(label) = &args.encoding {
        options.encoding(Some(Encoding::for_label(label)?));
    }
    match &args.output {
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            convert(&args, &options, &mut w)?;
            w.flush()?;
        }
        Some(out) => {
            let tmp = temp_path(out);
            let result = File::create(&tmp)
                .map_err(|e| format!("{}: {e}", tmp.display()).into())
                .and_then(|f| {
                    let mut w = BufWriter::new(f);
                    convert(&args, &options, &mut w)?;
                    let f = w.into_inner().map_err(|e| e.into_error())?;
                    f.sync_all()?;
                    Ok(())
                });
            match result {
                Ok(()) => std::fs::rename(&tmp, out).map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    format!("{}: {e}", out.display())
                })?,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn temp_path(out: &Path) -> PathBuf {
    let name =
        out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let tmp = format!(".{name}.dq-convert-{}.tmp", std::process::id());
    match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(tmp),
        _ => PathBuf::from(tmp),
    }
}

fn convert<W: Write>(args: &Args, options: &CsvOptions, w: &mut W) -> CliResult<()> {
    let path = &args.file;
    let ctx = |e: dq_encoding::Error| format!("{}: {e}", path.display());
    let mut src = open_csv_with(path, options).map_err(ctx)?;
    if args.bom {
        w.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut wtr =
        csv::WriterBuilder::new().flexible(true).terminator(csv::Terminator::CRLF).from_writer(w);
    if src.dialect().has_header {
        let headers = src.reader().headers().map_err(|e| ctx(e.into()))?.clone();
        wtr.write_record(&headers)?;
    }
    let mut record = csv::StringRecord::new();
    loop {
        match src.reader().read_record(&mut record) {
            Ok(true) => wtr.write_record(&record)?,
            Ok(false) => break,
            Err(e) => return Err(ctx(e.into()).into()),
        }
    }
    wtr.flush()?;
    let detected = src.detection().encoding;
    if let Some(used) = src.encoding().filter(|&e| e != detected) {
        eprintln!("dq: {}: ASCII at first, then decided {used}", path.display());
    }
    if args.lossy {
        eprintln!("dq: {}: {} replacement(s) made (U+FFFD)", path.display(), src.replacements());
    }
    Ok(())
}
