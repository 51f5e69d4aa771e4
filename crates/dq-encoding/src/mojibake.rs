//! Mojibake repair, cell by cell: undo UTF-8 text that was once read as windows-1252,
//! ISO-8859-1, Mac Roman or IBM850.
//!
//! When a UTF-8 file is opened as windows-1252, each accented letter becomes two or three
//! characters (`é` → `Ã©`, `’` → `â€™`, `œ` → `Å“`); saved and opened again, it gets
//! worse (`ÃƒÂ©`). [`repair`] finds such runs and undoes them, only them: the rest of the
//! cell is kept as it is, and it returns what it did as a list of [`Step`]s.
//!
//! ```
//! use dq_encoding::mojibake::{repair, Misreading};
//!
//! let r = repair("CafÃ© de la Gare â€“ Ã  cÃ´tÃ© de l’Ã©glise");
//! assert_eq!(r.text, "Café de la Gare – à côté de l’église");
//! assert_eq!(r.steps[0].misreading, Misreading::Windows1252);
//! assert_eq!(r.rule(), "mojibake:windows-1252");
//!
//! // Twice broken, Mac Roman, and text that only looks suspicious.
//! assert_eq!(repair("ThÃƒÂ©ÃƒÂ¢tre").text, "Théâtre");
//! assert_eq!(repair("Ch√¢teau-Thierry").text, "Château-Thierry");
//! assert_eq!(repair("SÃO PAULO").text, "SÃO PAULO");
//! assert!(repair("CONCEIÇÃO").steps.is_empty());
//! ```
//!
//! # How it decides
//!
//! Following ftfy's idea, a run is a candidate only if re-encoding it with the suspected
//! single-byte encoding gives one complete UTF-8 sequence (a lead byte, then continuation
//! bytes). The character it decodes to must be one that French and European text really
//! uses (Latin-1 and Latin Extended-A letters and signs, typographic punctuation, `€`,
//! `™`, `№`, symbols and emoji); anything else (Cyrillic, CJK, combining marks, controls)
//! is left alone. A candidate made of an uppercase letter that may end a word (`Ã`, `Å`,
//! `Ä`) after another uppercase letter and before closing punctuation (`IRMÃ”`, `SÃ `)
//! could be legitimate Portuguese or Scandinavian text: it is repaired only when the
//! same cell holds an unambiguous run. The whole cell is repaired again until nothing
//! changes, so the result is idempotent. When a non-breaking space of `à` (`C3 A0`) was
//! turned into a plain space, `Ã ` is read as `à`.
//!
//! # Performance
//!
//! ASCII text returns at once, and text without any repairable run returns
//! [`Cow::Borrowed`] without allocating.

use std::borrow::Cow;
use std::sync::LazyLock;

/// A single-byte encoding that UTF-8 text was wrongly read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Misreading {
    /// windows-1252 (Western Windows), by far the most frequent misreading.
    Windows1252,
    /// ISO-8859-1 (Latin-1), where the bytes 0x80 to 0x9F became C1 control characters.
    Latin1,
    /// Mac Roman (`macintosh`), as classic Mac OS software reads text: `Ch√¢teau`.
    MacRoman,
    /// IBM code page 850 (DOS Latin-1), as Windows consoles read text: `Ch├óteau`.
    Ibm850,
}

impl Misreading {
    /// Every misreading, in the order of preference on ties.
    pub const ALL: [Misreading; 4] =
        [Misreading::Windows1252, Misreading::Latin1, Misreading::MacRoman, Misreading::Ibm850];

    /// The encoding's name: the encoding_rs name (`"windows-1252"`, `"macintosh"`),
    /// `"ISO-8859-1"` or `"IBM850"`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::mojibake::Misreading;
    /// assert_eq!(Misreading::MacRoman.name(), "macintosh");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Misreading::Windows1252 => "windows-1252",
            Misreading::Latin1 => "ISO-8859-1",
            Misreading::MacRoman => "macintosh",
            Misreading::Ibm850 => "IBM850",
        }
    }

    fn table(self) -> &'static Table {
        let [w, l, m, i] = &*TABLES;
        match self {
            Misreading::Windows1252 => w,
            Misreading::Latin1 => l,
            Misreading::MacRoman => m,
            Misreading::Ibm850 => i,
        }
    }
}

/// One misreading undone once over a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The encoding the UTF-8 bytes had been read as.
    pub misreading: Misreading,
    /// How many broken sequences were repaired (`Ã©` counts one).
    pub sequences: usize,
    /// How many of them were `Ã` followed by a plain space that had been the
    /// non-breaking space (0xA0) of `à`.
    pub nbsp_as_space: usize,
}

/// The result of [`repair`]: the text, borrowed when unchanged, and the steps undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair<'a> {
    /// The repaired text.
    pub text: Cow<'a, str>,
    /// The misreadings undone, in the order they were undone (the outermost first); empty
    /// when the text was left as it is.
    pub steps: Vec<Step>,
}

impl Repair<'_> {
    /// Whether anything was repaired.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_encoding::mojibake::repair("Ã‰cole").is_changed());
    /// assert!(!dq_encoding::mojibake::repair("École").is_changed());
    /// ```
    pub fn is_changed(&self) -> bool {
        !self.steps.is_empty()
    }

    /// A short name of what was done: `"as_is"` when nothing, otherwise `"mojibake:"`
    /// followed by the misreadings undone joined by `+` (`"mojibake:windows-1252+windows-1252"`
    /// for text broken twice).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::mojibake::repair;
    /// assert_eq!(repair("Ch√¢teau").rule(), "mojibake:macintosh");
    /// assert_eq!(repair("Château").rule(), "as_is");
    /// ```
    pub fn rule(&self) -> String {
        if self.steps.is_empty() {
            return "as_is".to_owned();
        }
        let names: Vec<&str> = self.steps.iter().map(|s| s.misreading.name()).collect();
        format!("mojibake:{}", names.join("+"))
    }
}

/// Repairs the mojibake in one cell.
///
/// Pure and infallible: any text goes in, and the text comes back unchanged
/// ([`Cow::Borrowed`]) unless a run is recognized with confidence. Repairing the result
/// again changes nothing.
///
/// # Example
///
/// ```
/// use dq_encoding::mojibake::repair;
///
/// assert_eq!(repair("Å“uvre").text, "œuvre");
/// assert_eq!(repair("NÂ° 12, rue de lâ€™Ã‰glise").text, "N° 12, rue de l’Église");
/// assert_eq!(repair("voilÃ  tout").text, "voilà tout"); // the NBSP became a space
/// assert_eq!(repair("São Paulo").text, "São Paulo");
/// ```
pub fn repair(s: &str) -> Repair<'_> {
    let mut text = Cow::Borrowed(s);
    let mut steps = Vec::new();
    if s.is_ascii() {
        return Repair { text, steps };
    }
    // Each pass makes the text shorter or turns an `Ã` into `à`, so this ends; the bound
    // is a guard only.
    for _ in 0..s.len() {
        match pass(&text) {
            Some((fixed, step)) => {
                steps.push(step);
                text = Cow::Owned(fixed);
            }
            None => break,
        }
    }
    Repair { text, steps }
}

/// The upper half of one single-byte encoding, both ways.
#[derive(Debug)]
struct Table {
    /// `(char, byte)` sorted by char, for re-encoding.
    reverse: Vec<(char, u8)>,
}

impl Table {
    /// Byte `0x80 + i` decodes to `high[i]`.
    fn new(high: [char; 128]) -> Table {
        let mut reverse: Vec<(char, u8)> =
            high.iter().zip(0x80u8..=0xFF).map(|(&c, b)| (c, b)).collect();
        reverse.sort_unstable();
        Table { reverse }
    }

    fn from_encoding(enc: &'static encoding_rs::Encoding) -> Table {
        let mut high = ['\u{fffd}'; 128];
        for (slot, b) in high.iter_mut().zip(0x80u8..=0xFF) {
            let one = [b];
            let (text, _) = enc.decode_without_bom_handling(&one);
            *slot = text.chars().next().unwrap_or('\u{fffd}');
        }
        Table::new(high)
    }

    /// The byte this encoding writes for `c`, if any.
    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return u8::try_from(c).ok();
        }
        let i = self.reverse.binary_search_by_key(&c, |&(c, _)| c).ok()?;
        self.reverse.get(i).map(|&(_, b)| b)
    }
}

static TABLES: LazyLock<[Table; 4]> = LazyLock::new(|| {
    let mut latin1 = ['\u{fffd}'; 128];
    for (slot, b) in latin1.iter_mut().zip(0x80u8..=0xFF) {
        *slot = char::from(b);
    }
    [
        Table::from_encoding(encoding_rs::WINDOWS_1252),
        Table::new(latin1),
        Table::from_encoding(encoding_rs::MACINTOSH),
        Table::new(crate::generated::cp850::DECODE_HIGH),
    ]
});

/// One broken run found in the text.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    out: char,
    nbsp_as_space: bool,
    ambiguous: bool,
    intermediate: bool,
}

/// One pass: finds the misreading with the most repairable runs and undoes it.
fn pass(s: &str) -> Option<(String, Step)> {
    pass_at(s, 0)
}

/// How deep [`pass_at`] looks ahead through layers made only of table characters.
const LOOKAHEAD: usize = 3;

/// One pass, `depth` layers below the text itself.
fn pass_at(s: &str, depth: usize) -> Option<(String, Step)> {
    let mut best: Option<(Misreading, Vec<Candidate>, String)> = None;
    let mut found = Vec::new();
    for m in Misreading::ALL {
        found.clear();
        scan(s, m, &mut found);
        // The misreading that explains the most bytes wins: `‚Ä¶` is one Mac Roman run
        // (`…`), not a `‚` before the windows-1252 run `Ä¶` (`Ķ`).
        if found.is_empty()
            || best.as_ref().is_some_and(|(_, b, _)| coverage(&found) <= coverage(b))
        {
            continue;
        }
        let out = apply(s, &found)?;
        if found.iter().all(|c| c.ambiguous) {
            // Ambiguous runs need an unambiguous one in the same cell, or, when they only
            // peel a layer of mojibake (`Ôö£Ôòù` → `├╗`), a layer below that repairs.
            let peels = found.iter().all(|c| c.intermediate);
            if !(peels && depth < LOOKAHEAD && pass_at(&out, depth + 1).is_some()) {
                continue;
            }
        }
        best = Some((m, std::mem::take(&mut found), out));
    }
    let (misreading, runs, out) = best?;
    let step = Step {
        misreading,
        sequences: runs.len(),
        nbsp_as_space: runs.iter().filter(|r| r.nbsp_as_space).count(),
    };
    Some((out, step))
}

/// How many bytes of the text the runs explain.
fn coverage(runs: &[Candidate]) -> usize {
    runs.iter().map(|r| r.end - r.start).sum()
}

/// Replaces the runs in `s`.
fn apply(s: &str, runs: &[Candidate]) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for r in runs {
        out.push_str(s.get(at..r.start)?);
        out.push(r.out);
        at = r.end;
    }
    out.push_str(s.get(at..)?);
    Some(out)
}

/// Finds the broken runs of misreading `m`, left to right, without overlaps.
fn scan(s: &str, m: Misreading, out: &mut Vec<Candidate>) {
    let t = m.table();
    let bytes = s.as_bytes();
    let nbsp_space_possible = matches!(m, Misreading::Windows1252 | Misreading::Latin1);
    let mut i = 0;
    while i < bytes.len() {
        // Skip ASCII quickly: a run always starts with a non-ASCII character.
        match bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b >= 0x80)) {
            Some(p) => i += p,
            None => return,
        }
        let Some(rest) = s.get(i..) else { return };
        let mut chars = rest.chars();
        let Some(c0) = chars.next() else { return };
        let step = c0.len_utf8();
        let Some(b0) = t.byte(c0) else {
            i += step;
            continue;
        };
        let need = match b0 {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if need == 0 {
            i += step;
            continue;
        }
        let mut buf = [b0, 0, 0, 0];
        let mut len = step;
        let mut nbsp_as_space = false;
        let mut last = c0;
        let mut ok = true;
        for k in 1..need {
            let Some(c) = chars.next() else {
                ok = false;
                break;
            };
            let b = match t.byte(c) {
                Some(b @ 0x80..=0xBF) => b,
                _ if c == ' '
                    && k == 1
                    && need == 2
                    && matches!(b0, 0xC2 | 0xC3)
                    && nbsp_space_possible =>
                {
                    nbsp_as_space = true;
                    0xA0
                }
                // `â€` then U+FFFD: `”` (E2 80 9D) through a windows-1252 decoder that
                // replaced the undefined byte 0x9D.
                _ if c == '\u{fffd}'
                    && k == 2
                    && b0 == 0xE2
                    && buf.get(1) == Some(&0x80)
                    && m == Misreading::Windows1252 =>
                {
                    0x9D
                }
                _ => {
                    ok = false;
                    break;
                }
            };
            if let Some(slot) = buf.get_mut(k) {
                *slot = b;
            }
            len += c.len_utf8();
            last = c;
        }
        let decoded = if ok {
            buf.get(..need).and_then(|b| std::str::from_utf8(b).ok()).and_then(|d| d.chars().next())
        } else {
            None
        };
        // A character of one of the tables (`ƒ`, `√`, `├`, a C1 control) is what a
        // text broken twice or more looks like after one pass: accepted only with an
        // unambiguous run beside it.
        let Some((d, intermediate)) = decoded.and_then(|d| {
            if plausible(d) {
                Some((d, false))
            } else if is_table_char(d) {
                Some((d, true))
            } else {
                None
            }
        }) else {
            i += step;
            continue;
        };
        let prev = s.get(..i).and_then(|p| p.chars().next_back());
        let next = chars.clone().next();
        let prev_upper = prev.is_some_and(char::is_uppercase);
        let ambiguous = if intermediate {
            true
        } else if nbsp_as_space {
            prev_upper
        } else {
            need == 2
                && prev_upper
                && matches!(c0, 'Ã' | 'Å' | 'Ä' | 'Õ' | 'Ñ' | 'Ø' | 'Æ' | 'Ö')
                && closing(last)
                && !next.is_some_and(char::is_alphanumeric)
        };
        let mut end = i + len;
        if nbsp_as_space && b0 == 0xC3 && next.is_some_and(char::is_alphanumeric) {
            // `Ã Paris`: the NBSP became a space and was then merged with the space
            // after `à`; keep one space.
            end -= 1;
        }
        out.push(Candidate { start: i, end, out: d, nbsp_as_space, ambiguous, intermediate });
        i = end.max(i + step);
    }
}

/// Punctuation that legitimately follows a word, so that `Ã` + it may be real text.
fn closing(c: char) -> bool {
    matches!(
        c,
        '’' | '”'
            | '»'
            | '…'
            | '›'
            | '\u{a0}'
            | '°'
            | 'º'
            | 'ª'
            | '¹'
            | '²'
            | '³'
            | '·'
            | '–'
            | '—'
            | '‚'
            | '„'
            | '¸'
            | '´'
    )
}

/// Every character of the upper halves of the tables, sorted.
static TABLE_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut all: Vec<char> =
        TABLES.iter().flat_map(|t| t.reverse.iter().map(|&(c, _)| c)).collect();
    all.sort_unstable();
    all.dedup();
    all
});

/// Whether `c` is what one of the misreadings makes of a byte 0x80 to 0xFF.
fn is_table_char(c: char) -> bool {
    TABLE_CHARS.binary_search(&c).is_ok()
}

/// Whether a repaired character is one that real text uses.
fn plausible(d: char) -> bool {
    matches!(
        u32::from(d),
        0xA0..=0x17F
            | 0x218..=0x21B
            | 0x2000..=0x200A
            | 0x2010..=0x2027
            | 0x202F..=0x203A
            | 0x2044
            | 0x20AC
            | 0x2116
            | 0x2122
            | 0x2600..=0x27BF
            | 0x1F300..=0x1FAFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let r = repair(input);
        assert_eq!(r.text, expected, "input {input:?}, steps {:?}", r.steps);
        assert_eq!(r.is_changed(), input != expected, "input {input:?}");
    }

    #[test]
    fn repairs() {
        check("Ã©", "é");
        check("ÃƒÂ©", "é");
        check("Ã‰cole", "École");
        check("Å“uvre", "œuvre");
        check("lâ€™Ã©tÃ©", "l’été");
        check("Ch√¢teau", "Château");
        check("Ch├óteau", "Château");
        check("CrÃ¨me brÃ»lÃ©e", "Crème brûlée");
        check("Ã®le", "île");
        check("Ã  Paris", "à Paris");
        check("Ã Paris", "à Paris");
        check("voilÃ ", "voilà");
        check("12Â\u{a0}345,67Â\u{a0}â‚¬", "12\u{a0}345,67\u{a0}€");
        check("CAFÃ‰ DE LA GARE", "CAFÉ DE LA GARE");
        check("HÃ”TEL", "HÔTEL");
        check("Ã‰TÃ”", "ÉTÔ");
        check("rÃ©sumÃ© and résumé", "résumé and résumé");
        check("ðŸ˜€", "😀");
        check("Ã\u{81}vila", "Ávila");
        check("Ã\u{89}cole", "École");
        check("â€œTrÃ¨s bienâ€\u{fffd}", "“Très bien”");
        check("â€œTrÃ¨s bienâ€\u{9d}", "“Très bien”");
    }

    #[test]
    fn leaves_legitimate_text() {
        for s in [
            "",
            "Paris",
            "SÃO PAULO",
            "CONCEIÇÃO",
            "JOÃO",
            "IRMÃ DULCE",
            "“IRMÔ",
            "ÂGE",
            "CHÂTEAU",
            "L’ÉTÉ’",
            "«ÉTÉ»",
            "São Paulo",
            "Œuvre, cœur, Ÿ",
            "Zürich — Genève…",
            "N°12 ; 1 234,56 €",
            "ÅLESUND",
        ] {
            check(s, s);
        }
    }

    #[test]
    fn borrowed_when_clean() {
        assert!(matches!(repair("Crème brûlée").text, Cow::Borrowed(_)));
        assert!(matches!(repair("ascii").text, Cow::Borrowed(_)));
    }

    #[test]
    fn steps_and_rule() {
        let r = repair("ThÃƒÂ©ÃƒÂ¢tre");
        assert_eq!(r.rule(), "mojibake:windows-1252+windows-1252");
        assert_eq!(r.steps.len(), 2);
        assert_eq!(repair("Ã  cÃ´tÃ©").steps[0].nbsp_as_space, 1);
    }
}
