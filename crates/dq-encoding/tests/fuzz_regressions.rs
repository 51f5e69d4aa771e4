//! Inputs found by the cargo-fuzz targets in `fuzz/` (`tools/fuzz/run_all.sh`), replayed
//! with the targets' own assertions so that they stay fixed.

use dq_encoding::{detect, Encoding, ErrorMode, LineEndings, Transcoder};

/// The `detect` target's property: detection answers in [0, 1], and unless the input is
/// binary or corrupt UTF-8, the answer decodes the bytes.
fn detect_property(data: &[u8]) -> Result<(), String> {
    let d = detect(data);
    if !(0.0..=1.0).contains(&d.confidence) {
        return Err(format!("confidence {}", d.confidence));
    }
    if d.binary.is_none() && !d.corrupt_utf8 {
        let mut t = Transcoder::from_detection(&d);
        let mut out = String::new();
        t.feed(data, &mut out, true).map_err(|e| format!("{} {}: {e}", d.encoding, d.evidence))?;
    }
    Ok(())
}

/// The `transcode` target's property: one shot and two chunks agree.
fn transcode_property(data: &[u8]) -> Result<(), String> {
    let Some((&sel, rest)) = data.split_first() else { return Ok(()) };
    let all = Encoding::ALL;
    let enc = *all.get(usize::from(sel) % all.len()).ok_or("no encodings")?;
    let mode = if sel & 0x10 != 0 { ErrorMode::Lossy } else { ErrorMode::Strict };
    let eol = if sel & 0x20 != 0 { LineEndings::Lf } else { LineEndings::Keep };
    let run = |cut: usize| {
        let mut t = Transcoder::new(enc);
        t.errors(mode).line_endings(eol).allow_nul(true);
        let mut out = String::new();
        let (a, b) = rest.split_at(cut.min(rest.len()));
        t.feed(a, &mut out, false)
            .and_then(|_| t.feed(b, &mut out, true))
            .map(|_| (out, t.replacements()))
            .map_err(|e| e.to_string())
    };
    let one = run(rest.len());
    let two = run(rest.len() / 2);
    if one != two {
        return Err(format!("{enc} {mode:?} {eol:?}: one shot {one:?}, two chunks {two:?}"));
    }
    Ok(())
}

#[test]
fn detect_bom_then_control_cr_nul() {
    assert_eq!(detect_property(b"\xef\xbb\xbf\x13\x0d\x00"), Ok(()));
}

#[test]
fn detect_utf16_bom_then_nul_code_unit() {
    assert_eq!(detect_property(b"\xff\xfea\x00\x00\x00b\x00"), Ok(()));
    assert_eq!(detect_property(b"\xfe\xff\x00a\x00\x00\x00b"), Ok(()));
}

#[test]
fn transcode_magic_number_cut_by_the_first_chunk() {
    // `T` selects ISO-8859-15, lossy; `FF D8 FF` is a JPEG start cut after one byte.
    assert_eq!(transcode_property(b"\x54\xff\xd8\xff"), Ok(()));
}
