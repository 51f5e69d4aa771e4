//! Charset detection: BOMs, UTF-16 NUL patterns, UTF-8 validity, then French letter
//! statistics to choose among the single-byte encodings.
//!
//! Decisions, in order:
//!
//! 1. A byte order mark decides (`EF BB BF`, `FF FE`, `FE FF`) when the rest is valid.
//! 2. UTF-16 without BOM is recognized by its NUL pattern: French text has a zero high
//!    byte in nearly every code unit.
//! 3. Only ASCII bytes: `UTF-8`, marked [`Detection::provisional`] (every ASCII-compatible
//!    encoding decodes them alike, so a later byte may still decide).
//! 4. Valid UTF-8 with multi-byte sequences: `UTF-8` (French single-byte text is never
//!    valid UTF-8 in practice).
//! 5. Otherwise each single-byte candidate (windows-1252, ISO-8859-1, ISO-8859-15,
//!    macintosh, IBM850) decodes the non-ASCII bytes, and each decoded character is scored
//!    for plausibility in French tabular text: how frequent the letter is (`é` before `è`
//!    before `ä` before `¤` before `╔` before a C1 control), whether its case agrees with
//!    its neighbours (`cafÉ` and `RéSEAU` are implausible), whether a symbol sits between
//!    two letters (`c½ur`), and French spelling (`ç` only before `a o u`, `œ` before `u`
//!    or `i`, `à` and `ù` at the end of a word, `ï` after a vowel). windows-1252 is
//!    excluded when one of its five undefined bytes (81 8D 8F 90 9D) occurs. Candidates
//!    that decode the sample identically are one answer; ties go to the order above.

use std::io::{Read, Seek, SeekFrom};

use crate::binary;
use crate::charset::Encoding;
use crate::error::{BinaryKind, Error};

/// The answer of the detector.
///
/// # Example
///
/// ```
/// let d = dq_encoding::detect(b"commune;montant\nSaint-\xc9tienne;12,50 \x80\n");
/// assert_eq!(d.encoding.name(), "windows-1252");
/// assert!(!d.bom);
/// assert!(d.confidence > 0.9);
/// assert!(d.evidence.contains("€"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Detection {
    /// The encoding that decodes the bytes to the most plausible French text.
    pub encoding: Encoding,
    /// Whether the input starts with the byte order mark of `encoding`.
    pub bom: bool,
    /// How sure the detector is, from 0 to 1. Close to 1 when the answer is decisive or
    /// when every plausible candidate decodes the bytes identically.
    pub confidence: f64,
    /// Why, in words a person can read.
    pub evidence: String,
    /// `true` when the sample held no evidence (ASCII only): the answer is `UTF-8`, and a
    /// later non-ASCII byte may still decide the encoding ([`crate::Transcoder`] does so).
    pub provisional: bool,
    /// What the input looks like when it is not text (a magic number, or NUL bytes in a
    /// file that is not UTF-16).
    pub binary: Option<BinaryKind>,
    /// `true` when the sample is mostly valid UTF-8 (at least two multi-byte sequences)
    /// with a few invalid bytes: probably UTF-8 with corrupt bytes rather than the
    /// single-byte `encoding` answered. [`crate::open_csv`] then decodes as UTF-8, so
    /// that the corrupt bytes fail with their position (or are replaced and counted in
    /// [`crate::ErrorMode::Lossy`]) instead of turning every `é` into mojibake.
    pub corrupt_utf8: bool,
}

/// Detects the encoding of a complete input.
///
/// Never fails and never answers an encoding under which the bytes are invalid (for
/// windows-1252, its five undefined bytes count as invalid). See the module docs for
/// the rules. For a sample cut from a larger file, use [`detect_sample`].
///
/// # Example
///
/// ```
/// use dq_encoding::{detect, Encoding};
///
/// assert_eq!(detect(b"nom;ville\nL\x82a;Cr\x82teil\n").encoding, Encoding::IBM850);
/// assert_eq!(detect(b"nom;ville\nL\x8ea;Cr\x8eteil\n").encoding, Encoding::MACINTOSH);
/// assert_eq!(detect(b"montant\n12,50 \xa4\n").encoding, Encoding::ISO_8859_15);
/// assert_eq!(detect("Œuvre;Créteil\n".as_bytes()).encoding, Encoding::UTF_8);
/// let d = detect(b"\xff\xfen\x00o\x00m\x00");
/// assert_eq!((d.encoding, d.bom), (Encoding::UTF_16LE, true));
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    detect_impl(bytes, true)
}

/// Detects the encoding of a sample that may be cut at its end, in the middle of a
/// character (the head of a large file): an incomplete final sequence is not held
/// against UTF-8 or UTF-16.
///
/// # Example
///
/// ```
/// // "Créteil" in UTF-8, cut after the first byte of "é".
/// assert_eq!(dq_encoding::detect_sample(b"Paris;Cr\xc3\xa9teil;Cr\xc3").encoding.name(), "UTF-8");
/// ```
pub fn detect_sample(bytes: &[u8]) -> Detection {
    detect_impl(bytes, false)
}

/// Size of the head read by [`detect_reader`].
pub const HEAD_SIZE: usize = 64 * 1024;
/// Size of each spread sample read by [`detect_reader`].
pub const SPREAD_SIZE: usize = 4 * 1024;
/// Number of spread samples read by [`detect_reader`] after the head.
pub const SPREAD_COUNT: u64 = 32;

/// Detects the encoding of a seekable input from a bounded sample: the first 64 KiB plus
/// 32 samples of 4 KiB spread evenly over the rest, so that a file that is ASCII for
/// its first megabytes is still judged on its accented lines. Leaves the reader at the
/// start. Reads at most 192 KiB whatever the size of the input.
///
/// # Errors
///
/// [`crate::ErrorKind::Io`] when reading or seeking fails.
///
/// # Example
///
/// ```
/// use std::io::Cursor;
/// let mut data = b"code;nom\n".repeat(20_000);
/// data.extend_from_slice(b"75056;H\xf4tel de Ville\n");
/// let d = dq_encoding::detect_reader(&mut Cursor::new(data))?;
/// assert_eq!(d.encoding.name(), "windows-1252");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn detect_reader<R: Read + Seek>(reader: &mut R) -> Result<Detection, Error> {
    let len = reader.seek(SeekFrom::End(0))?;
    reader.seek(SeekFrom::Start(0))?;
    let mut head = Vec::with_capacity(HEAD_SIZE.min(usize::try_from(len).unwrap_or(HEAD_SIZE)));
    reader.by_ref().take(HEAD_SIZE as u64).read_to_end(&mut head)?;
    let head_complete = (head.len() as u64) >= len;
    let first = detect_impl(&head, head_complete);
    if head_complete || first.encoding.is_utf16() || first.binary.is_some() {
        reader.seek(SeekFrom::Start(0))?;
        return Ok(first);
    }
    // Cut the head at its last line end, then add whole lines from spread samples.
    let mut combined = match head.iter().rposition(|&b| b == b'\n') {
        Some(i) => head.get(..=i).unwrap_or(&head).to_vec(),
        None => head.clone(),
    };
    let rest = len.saturating_sub(HEAD_SIZE as u64);
    let step = rest / SPREAD_COUNT;
    let mut buf = Vec::with_capacity(SPREAD_SIZE);
    for k in 0..SPREAD_COUNT {
        let at = HEAD_SIZE as u64 + k * step;
        reader.seek(SeekFrom::Start(at))?;
        buf.clear();
        reader.by_ref().take(SPREAD_SIZE as u64).read_to_end(&mut buf)?;
        let start = buf.iter().position(|&b| b == b'\n').map_or(buf.len(), |i| i + 1);
        let end = buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if let Some(lines) = buf.get(start..end) {
            combined.extend_from_slice(lines);
        }
    }
    reader.seek(SeekFrom::Start(0))?;
    let mut d = detect_impl(&combined, true);
    d.bom = first.bom;
    d.evidence = format!("{} (head of 64 KiB and {SPREAD_COUNT} spread samples)", d.evidence);
    Ok(d)
}

fn detection(encoding: Encoding, bom: bool, confidence: f64, evidence: String) -> Detection {
    Detection {
        encoding,
        bom,
        confidence,
        evidence,
        provisional: false,
        binary: None,
        corrupt_utf8: false,
    }
}

pub(crate) fn detect_impl(bytes: &[u8], complete: bool) -> Detection {
    let mut d = detect_text(bytes, complete);
    if let Some(kind) = binary::magic(bytes) {
        d.binary = Some(kind);
    }
    if let Some(kind) = d.binary {
        d.evidence = format!("looks like {}; {}", kind.describe(), d.evidence);
    }
    d
}

fn detect_text(bytes: &[u8], complete: bool) -> Detection {
    // 1. Byte order marks.
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if utf8_valid(rest, complete) {
            let mut d =
                detection(Encoding::UTF_8, true, 1.0, "UTF-8 byte order mark EF BB BF".into());
            // A BOM does not make NUL bytes text.
            if rest.contains(&0) {
                d.binary = Some(BinaryKind::NulBytes);
            }
            return d;
        }
    }
    for (bom, enc, le) in
        [(b"\xFF\xFE", Encoding::UTF_16LE, true), (b"\xFE\xFF", Encoding::UTF_16BE, false)]
    {
        if let Some(rest) = bytes.strip_prefix(bom) {
            if utf16_valid(rest, le, complete) {
                let ev = format!("{} byte order mark {:02X} {:02X}", enc.name(), bom[0], bom[1]);
                let mut d = detection(enc, true, 1.0, ev);
                // A NUL code unit (U+0000) is not text either.
                if rest.chunks_exact(2).any(|u| u == [0, 0]) {
                    d.binary = Some(BinaryKind::NulBytes);
                }
                return d;
            }
        }
    }
    if bytes.is_empty() {
        let mut d = detection(Encoding::UTF_8, false, 1.0, "empty input".into());
        d.provisional = true;
        return d;
    }
    // 2. UTF-16 without BOM, by its NUL pattern.
    let pairs = bytes.len() / 2;
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                zero_even += 1;
            } else {
                zero_odd += 1;
            }
        }
    }
    if pairs > 0 {
        for (enc, le, zeros, other) in [
            (Encoding::UTF_16LE, true, zero_odd, zero_even),
            (Encoding::UTF_16BE, false, zero_even, zero_odd),
        ] {
            if zeros * 2 >= pairs && other * 10 <= pairs {
                let body_ok = utf16_valid(bytes, le, complete);
                if body_ok {
                    let ev = format!(
                        "no byte order mark; {zeros} of {pairs} code units have a NUL {} byte, as French text in {} does",
                        if le { "high (second)" } else { "high (first)" },
                        enc.name()
                    );
                    let conf = if zeros * 10 >= pairs * 8 { 0.99 } else { 0.9 };
                    return detection(enc, false, conf, ev);
                }
            }
        }
    }
    let nul = zero_even + zero_odd > 0;
    let binary = if nul { Some(BinaryKind::NulBytes) } else { None };
    // 3. ASCII only.
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii == 0 {
        let mut d = detection(
            Encoding::UTF_8,
            false,
            1.0,
            "only ASCII bytes: every ASCII-compatible encoding decodes them alike".into(),
        );
        d.provisional = true;
        d.binary = binary;
        return d;
    }
    // 4. Valid UTF-8.
    if utf8_valid(bytes, complete) {
        let seqs = bytes.iter().filter(|&&b| b >= 0xC0).count();
        let conf = if seqs >= 2 { 0.99 } else { 0.95 };
        let mut d = detection(
            Encoding::UTF_8,
            false,
            conf,
            format!("{seqs} multi-byte UTF-8 sequences, all valid"),
        );
        d.binary = binary;
        return d;
    }
    // 5. Single-byte candidates, scored.
    let mut d = score_single_byte(bytes);
    d.binary = binary;
    let (valid, invalid) = utf8_census(bytes);
    if valid >= 2 && invalid * 10 <= valid {
        d.corrupt_utf8 = true;
        d.confidence = d.confidence.min(0.3);
        d.evidence = format!(
            "mostly valid UTF-8 ({valid} multi-byte sequences, {invalid} invalid): probably UTF-8 with corrupt bytes; {}",
            d.evidence
        );
    }
    d
}

/// Counts valid multi-byte UTF-8 sequences and invalid sequences.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let good = rest
                    .get(..e.valid_up_to())
                    .and_then(|g| std::str::from_utf8(g).ok())
                    .unwrap_or("");
                valid += good.chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                let skip =
                    e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to()).max(1);
                rest = rest.get(skip..).unwrap_or_default();
            }
        }
    }
}

/// The single-byte candidates in order of preference on ties.
const SINGLE: [Encoding; 5] = [
    Encoding::WINDOWS_1252,
    Encoding::ISO_8859_1,
    Encoding::ISO_8859_15,
    Encoding::MACINTOSH,
    Encoding::IBM850,
];

/// The bytes windows-1252 leaves undefined.
const UNDEFINED_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Chooses among the single-byte encodings by French plausibility. Also used by the
/// transcoder when a late byte contradicts a provisional decision.
pub(crate) fn score_single_byte(bytes: &[u8]) -> Detection {
    let mut counts = [0u32; 128];
    for &b in bytes {
        if let Some(c) = b.checked_sub(0x80).and_then(|i| counts.get_mut(usize::from(i))) {
            *c += 1;
        }
    }
    // The decoding table of each candidate for the high bytes.
    let tables: Vec<[char; 128]> = SINGLE
        .iter()
        .map(|&enc| {
            let mut t = ['\u{FFFD}'; 128];
            for (i, slot) in t.iter_mut().enumerate() {
                let b = 0x80u8.wrapping_add(i as u8);
                *slot = enc.decode_byte(b).unwrap_or('\u{FFFD}');
            }
            t
        })
        .collect();
    let mut scores = [0f64; 5];
    let mut excluded = [false; 5];
    excluded[0] =
        UNDEFINED_1252.iter().any(|&b| counts.get(usize::from(b - 0x80)).is_some_and(|&n| n > 0));
    let decode = |t: &[char; 128], b: u8| -> char {
        if b < 0x80 {
            char::from(b)
        } else {
            t.get(usize::from(b - 0x80)).copied().unwrap_or('\u{FFFD}')
        }
    };
    for (k, t) in tables.iter().enumerate() {
        if excluded.get(k).copied().unwrap_or(true) {
            continue;
        }
        let mut s = 0.0;
        // Tabular text repeats its contexts (`École élémentaire` on every line): memoize
        // the score of each (previous two bytes, byte, next byte) context.
        let mut memo: std::collections::HashMap<u64, f64> = std::collections::HashMap::new();
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 {
                continue;
            }
            let byte_at = |j: Option<usize>| j.and_then(|j| bytes.get(j)).copied();
            let (p2, p1, n1, n2) = (
                byte_at(i.checked_sub(2)),
                byte_at(i.checked_sub(1)),
                byte_at(Some(i + 1)),
                byte_at(Some(i + 2)),
            );
            // Only `è` and `ê` look two characters ahead: other keys leave `n2` out, so
            // that the memo hits as often as with one character of look-ahead.
            let n2 = n2.filter(|_| matches!(decode(t, b), 'è' | 'ê'));
            let nine = |x: Option<u8>| x.map_or(256u64, u64::from);
            let key =
                nine(p2) | nine(p1) << 9 | u64::from(b) << 18 | nine(n1) << 27 | nine(n2) << 36;
            let v = *memo.entry(key).or_insert_with(|| {
                let c = decode(t, b);
                plausibility(
                    c,
                    [p2.map(|p| decode(t, p)), p1.map(|p| decode(t, p))],
                    [n1.map(|n| decode(t, n)), n2.map(|n| decode(t, n))],
                )
            });
            s += v;
        }
        s += coherence(t, &counts);
        if let Some(slot) = scores.get_mut(k) {
            *slot = s;
        }
    }
    // Candidates decoding the sample identically share one answer: keep the first.
    let same = |a: usize, b: usize| -> bool {
        match (tables.get(a), tables.get(b)) {
            (Some(ta), Some(tb)) => {
                counts.iter().zip(ta.iter().zip(tb.iter())).all(|(&n, (ca, cb))| n == 0 || ca == cb)
            }
            _ => false,
        }
    };
    let mut best: Option<usize> = None;
    for k in 0..SINGLE.len() {
        if excluded.get(k).copied().unwrap_or(true) {
            continue;
        }
        match best {
            Some(b) if scores.get(b) >= scores.get(k) => {}
            _ => best = Some(k),
        }
    }
    let best = best.unwrap_or(1);
    let best_score = scores.get(best).copied().unwrap_or(0.0);
    let mut runner_up: Option<(usize, f64)> = None;
    for k in 0..SINGLE.len() {
        if k == best || excluded.get(k).copied().unwrap_or(true) || same(k, best) {
            continue;
        }
        let s = scores.get(k).copied().unwrap_or(f64::MIN);
        if runner_up.map_or(true, |(_, r)| s > r) {
            runner_up = Some((k, s));
        }
    }
    let confidence = match runner_up {
        None => 0.99,
        Some((_, r)) => {
            let margin = best_score - r;
            (1.0 / (1.0 + (-margin / 2.0).exp())).clamp(0.5, 0.99)
        }
    };
    let enc = SINGLE.get(best).copied().unwrap_or(Encoding::WINDOWS_1252);
    let evidence = evidence(enc, &counts, tables.get(best), &scores, &excluded, best, &same);
    detection(enc, false, confidence, evidence)
}

fn evidence(
    enc: Encoding,
    counts: &[u32; 128],
    table: Option<&[char; 128]>,
    scores: &[f64; 5],
    excluded: &[bool; 5],
    best: usize,
    same: &dyn Fn(usize, usize) -> bool,
) -> String {
    let total: u32 = counts.iter().sum();
    let mut bytes: Vec<(u32, usize)> =
        counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, &n)| (n, i)).collect();
    bytes.sort_by(|a, b| b.cmp(a));
    let shown: Vec<String> = bytes
        .iter()
        .take(6)
        .map(|&(n, i)| {
            let c = table.and_then(|t| t.get(i)).copied().unwrap_or('\u{FFFD}');
            format!("{:02X}={} ×{n}", i + 0x80, c.escape_debug())
        })
        .collect();
    let mut s = format!(
        "{total} non-ASCII bytes, not valid UTF-8; read as {}: {}; French plausibility {:.1}",
        enc.name(),
        shown.join(", "),
        scores.get(best).copied().unwrap_or(0.0)
    );
    for (k, other) in SINGLE.iter().enumerate() {
        if k == best {
            continue;
        }
        if excluded.get(k).copied().unwrap_or(false) {
            s.push_str(&format!("; {} excluded (undefined bytes 81 8D 8F 90 9D)", other.name()));
        } else if same(k, best) {
            s.push_str(&format!("; {} decodes identically", other.name()));
        } else {
            s.push_str(&format!("; {} {:.1}", other.name(), scores.get(k).copied().unwrap_or(0.0)));
        }
    }
    s
}

/// The lowercase accented letters of the Western-European languages.
const ALPHABETS: [&str; 11] = [
    "àâçéèêëîïôùûÿœæ", // French
    "äöüß",            // German
    "äöå",             // Swedish, Finnish
    "æøå",             // Danish, Norwegian
    "áéíóúýþðæö",      // Icelandic
    "áéíóúñü",         // Spanish
    "áâãàçéêíóôõú",    // Portuguese
    "àèéìíòóù",        // Italian
    "àçèéíïòóúü·",     // Catalan
    "ëïéèöüáó",        // Dutch
    "ëçéèêâîô",        // Walloon, Breton, Occitan names in French files
];

/// A bonus for a decoding whose accented letters all belong to one language:
/// Swedish read as Mac Roman is `ä ö å`, read as IBM850 `è Ü î`, letters of no one
/// language. Proportional to the letters seen, so that a French prior does not override
/// strong evidence of another language.
fn coherence(table: &[char; 128], counts: &[u32; 128]) -> f64 {
    // The distinct letters, lowercased, and how often the letters occur in all.
    let mut distinct: Vec<char> = Vec::new();
    let mut letters = 0u32;
    for (c, &n) in table.iter().zip(counts.iter()) {
        if n == 0 || !c.is_alphabetic() {
            continue;
        }
        letters += n;
        for l in c.to_lowercase() {
            if !distinct.contains(&l) {
                distinct.push(l);
            }
        }
    }
    if distinct.is_empty() {
        return 0.0;
    }
    let best = ALPHABETS
        .iter()
        .map(|a| distinct.iter().filter(|l| a.contains(**l)).count())
        .max()
        .unwrap_or(0);
    let share = best as f64 / distinct.len() as f64;
    3.0 * f64::from(letters) * (share - 0.5)
}

/// How common a non-ASCII character is in French tabular text, as a log-like weight.
fn prior(c: char) -> f64 {
    match c {
        'é' => 0.0,
        'è' | 'à' | 'É' | 'ç' | 'ê' => -0.5,
        'â' | 'ô' | 'î' | 'û' | 'ù' | 'ë' | 'ï' | 'È' | 'À' | 'Ç' | 'Ê' | 'Ô' | 'Î' | 'Â' | 'œ'
        | 'Œ' | '€' | '«' | '»' | '°' | '’' | '\u{A0}' | '–' | '—' | '…' => -1.0,
        'ü' | 'Û' | 'Ù' | 'Ë' | 'Ï' | 'Ü' | '²' | '³' | '·' | '§' | '‘' | '“' | '”' | '×' | '•'
        | 'ÿ' => -2.0,
        // The lowercase letters of the neighbouring languages: rarer than French letters in
        // French files, but the letters of whole files in Swedish, German or Spanish.
        'ä' | 'ö' | 'ñ' | 'á' | 'í' | 'ó' | 'ú' | 'ã' | 'õ' | 'å' | 'ø' | 'æ' | 'ß' => {
            -2.0
        }
        'Æ' | 'Ä' | 'Ö' | 'Ñ' | 'Á' | 'Í' | 'Ó' | 'Ú' | 'Ã' | 'Õ' | 'Å' | 'Ø' | 'Ÿ' | 'ý' | 'Ý'
        | 'ì' | 'ò' | 'Ì' | 'Ò' | 'Š' | 'š' | 'Ž' | 'ž' => -3.0,
        '£' | '¥' | '¢' | '©' | '®' | '±' | 'µ' | '¶' | '¿' | '¡' | '¬' | '¦' | '¨' | '´' | '¸'
        | '¯' | 'ª' | 'º' | '¹' | '¼' | '½' | '¾' | '÷' | '†' | '‡' | '‰' | '‹' | '›' | 'ˆ'
        | '˜' | '™' | 'ƒ' | '„' | '‚' | 'Ð' | 'ð' | 'Þ' | 'þ' | '¤' => -5.0,
        '\u{80}'..='\u{9F}' => -9.0,
        '\u{2500}'..='\u{25FF}' | 'ı' | '‗' => -7.0,
        _ => -6.0,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Whether the two characters after a word-initial `ê` are those of `être` or `êtes`.
fn spells_etre(next: Option<char>, next2: Option<char>) -> bool {
    next == Some('t') && next2.is_some_and(|m| matches!(m.to_ascii_lowercase(), 'r' | 'e'))
}

/// The plausibility of one decoded non-ASCII character given its neighbours.
fn plausibility(c: char, before: [Option<char>; 2], after: [Option<char>; 2]) -> f64 {
    let [prev2, prev] = before;
    let [next, next2] = after;
    let mut s = prior(c);
    let pl = prev.is_some_and(char::is_alphabetic);
    let nl = next.is_some_and(char::is_alphabetic);
    let p_lower = prev.is_some_and(char::is_lowercase);
    let p_upper = prev.is_some_and(char::is_uppercase);
    let n_lower = next.is_some_and(char::is_lowercase);
    let n_upper = next.is_some_and(char::is_uppercase);
    if c.is_alphabetic() {
        if c.is_lowercase() {
            if p_lower || n_lower {
                s += 1.0;
            }
            if (p_upper && !p_lower && prev2.is_some_and(char::is_uppercase))
                || (n_upper && !n_lower && !pl)
            {
                s -= 2.0;
            }
        } else {
            if p_lower {
                s -= 2.5;
            }
            if n_lower && p_upper && !prev2.is_some_and(char::is_alphabetic) {
                // `PÜytä`: a second capital before lowercase letters.
                s -= 2.0;
            } else if p_upper || n_upper {
                s += 1.0;
            }
            // A capital starting a word in title case: `École`, `Étienne`, `Œuvre`.
            if n_lower && !pl {
                s += 1.0;
            }
        }
        if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
            s -= 1.5;
        } else if !pl && next.is_some_and(|n| n.is_ascii_digit()) {
            // `ú825`: a letter glued to a number is a currency sign read wrong.
            s -= 1.5;
        }
        // French spelling.
        let n = next.map(|n| n.to_lowercase().next().unwrap_or(n));
        let lower = c.to_lowercase().next().unwrap_or(c);
        match lower {
            'ç' => {
                if n.is_some_and(|n| matches!(n, 'a' | 'o' | 'u')) {
                    s += 1.0;
                } else if nl {
                    s -= 2.0;
                }
            }
            'œ' => {
                if n.is_some_and(|n| matches!(n, 'u' | 'i')) {
                    s += 1.0;
                } else {
                    s -= 1.5;
                }
            }
            'à' | 'ù' => {
                if nl {
                    s -= 1.5;
                } else {
                    s += 0.5;
                }
            }
            // French `è` comes before one or two consonants and an `e` (`père`, `Crèche`,
            // `Sèvres`, `siècle`) or ends a word in `ès`: `Jyvèskylä` is not French.
            'è' if nl
                && !(n.is_some_and(|n| !is_vowel(n))
                    && next2.is_some_and(|m| matches!(m, 'e' | 'r' | 'l' | 'h'))
                    || n == Some('s') && !next2.is_some_and(char::is_alphabetic)) =>
            {
                s -= 1.5;
            }
            // A French word that starts with `ê` is a form of `être` (`être`, `êtes`):
            // `Saint-êtienne` is `Saint-Étienne` read through the wrong table.
            'ê' if !pl && !spells_etre(n, next2) => {
                s -= 2.0;
            }
            'â' | 'ê' | 'î' | 'û' | 'è' if pl && !nl => {
                // French never ends a word with these (`Malmî`, `Jaurè`): `ô` does (`allô`).
                s -= 1.5;
            }
            'â' | 'ê' | 'î' | 'ô' | 'û' | 'è' => {
                if n.is_some_and(|n| n.is_alphabetic() && !is_vowel(n)) {
                    s += 0.3;
                } else {
                    s -= 1.0;
                }
            }
            'ï' | 'ë' => {
                if prev.is_some_and(is_vowel) {
                    s += 0.5;
                } else {
                    s -= 1.0;
                }
            }
            _ => {}
        }
        // A one-letter word: `à` is common, others are not.
        if !pl && !nl {
            s += if lower == 'à' { 1.0 } else { -1.0 };
        }
    } else {
        match c {
            '’' | '–' | '—' | '·' | '-' => {}
            // A non-breaking space inside a word (`M\u{a0}laga`) is a letter read wrong.
            '\u{A0}' if pl && nl => s -= 3.0,
            '\u{A0}' => {}
            '£' | '¥' | '$' if next.is_some_and(|n| n.is_ascii_digit()) => s += 3.0,
            '€' => {
                if prev.is_some_and(|p| p.is_ascii_digit() || p == ' ' || p == '\u{A0}') {
                    s += 1.0;
                } else if pl && nl {
                    s -= 3.0;
                }
            }
            _ => {
                if pl && nl {
                    s -= 3.0;
                }
            }
        }
    }
    s
}

/// Whether the bytes are valid UTF-8; a sequence cut at the end is accepted when the
/// input is not complete.
pub(crate) fn utf8_valid(bytes: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => !complete && e.error_len().is_none(),
    }
}

/// Whether the bytes are valid UTF-16 (no unpaired surrogate); an odd final byte or a
/// cut surrogate pair is accepted when the input is not complete.
pub(crate) fn utf16_valid(bytes: &[u8], le: bool, complete: bool) -> bool {
    if complete && bytes.len() % 2 != 0 {
        return false;
    }
    let units = bytes.chunks_exact(2).map(|p| match p {
        [a, b] if le => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let mut expect_low = false;
    for u in units {
        let is_high = (0xD800..0xDC00).contains(&u);
        let is_low = (0xDC00..0xE000).contains(&u);
        if expect_low {
            if !is_low {
                return false;
            }
            expect_low = false;
        } else if is_low {
            return false;
        } else if is_high {
            expect_low = true;
        }
    }
    !expect_low || !complete
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, enc: Encoding) {
        let bytes = enc.encode(text).unwrap();
        let d = detect(&bytes);
        let back = d.encoding.decode(&bytes).unwrap();
        assert_eq!(back, text, "{text:?} in {enc}: answered {} ({})", d.encoding, d.evidence);
    }

    #[test]
    fn short_french_lines() {
        let w = Encoding::WINDOWS_1252;
        check("Rue de la République;75001;Paris", w);
        check("Œuvre;12,50 €;cœur", w);
        check("ÉCOLE ÉLÉMENTAIRE;CÔTE-D'OR", w);
        check("Montant: 12,50 €;cœur", Encoding::ISO_8859_15);
        check("Château;Créteil;à côté", Encoding::MACINTOSH);
        check("ÉCOLE;Hôtel de ville;Noël", Encoding::MACINTOSH);
        check("Château;Créteil;à côté", Encoding::IBM850);
        check("ÉCOLE;Hôtel de ville;Noël", Encoding::IBM850);
        check("Créteil;François", Encoding::ISO_8859_1);
        check("Créteil;François", Encoding::UTF_16LE);
        check("Créteil;François", Encoding::UTF_16BE);
        check("Créteil;François", Encoding::UTF_8);
    }

    /// One title-case capital repeated is all a file holds: `É` in IBM850 is `ê` in Mac
    /// Roman, and a French word starting with `ê` is a form of `être`.
    #[test]
    fn word_initial_e_circumflex_is_etre() {
        check("Saint-Étienne;Saint-Étienne;Saint-Étienne", Encoding::IBM850);
        check("Saint-Étienne;Saint-Étienne;Saint-Étienne", Encoding::MACINTOSH);
        check("peut-être;vous êtes;être", Encoding::MACINTOSH);
        check("peut-être;vous êtes;être", Encoding::IBM850);
    }

    #[test]
    fn outside_french() {
        let (w, m, i) = (Encoding::WINDOWS_1252, Encoding::MACINTOSH, Encoding::IBM850);
        for enc in [w, m, i] {
            check("kunta;asukkaat\nJyväskylä;144473\nHämeenlinna;68011\nPöytä ja tuoli;1\n", enc);
            check("kommun;invånare\nMalmö;351749\nGöteborg;583056\nVästerås;128660\n", enc);
            check("by;indbyggere\nÅlborg;119862\nSøndergade i Århus;1\nKløvermarken;2\n", enc);
            check("ciudad;habitantes\nMálaga;574654\nLeón;122051\nCamión;1\n", enc);
        }
        // One or two accented bytes.
        check("item;price\nbook;£825\npen;£2\n", w);
        check("item;price\nbook;£825\npen;£2\n", i);
        check("ciudad;habitantes\nMadrid;3223000\nMálaga;574654\n", i);
        // IBM858's euro sign.
        check("montant\n12 €\n15 €\nà régler\n", i);
    }

    #[test]
    fn latin1_with_c1_controls() {
        let d = detect(b"Cr\xe9teil;Ch\xe2teau;\x81\n");
        assert_eq!(d.encoding, Encoding::ISO_8859_1);
        assert!(d.evidence.contains("excluded"), "{}", d.evidence);
    }

    #[test]
    fn ascii_is_provisional() {
        let d = detect(b"siren;nom\n552032534;DANONE\n");
        assert!(d.provisional);
        assert_eq!(d.encoding, Encoding::UTF_8);
    }

    #[test]
    fn binary_is_flagged() {
        assert_eq!(detect(b"%PDF-1.7\n").binary, Some(BinaryKind::Pdf));
        assert_eq!(detect(b"a\0b\0c\0\0\0\0\0\0\0\0").binary, Some(BinaryKind::NulBytes));
    }
}
