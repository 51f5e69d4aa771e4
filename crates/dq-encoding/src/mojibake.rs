//! Mojibake repair, cell by cell: undo UTF-8 text that was once read as windows-1252,
//! ISO-8859-1, Mac Roman, IBM850, windows-1250 or windows-1251, and single-byte text read
//! with the wrong single-byte table.
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
//! single-byte encoding (windows-1252, ISO-8859-1, Mac Roman, IBM850, windows-1250,
//! windows-1251) gives one complete UTF-8 sequence (a lead byte, then continuation
//! bytes). The character it decodes to must be one that European text really uses; then
//! the evidence must be proportional to how short it is:
//!
//! - a run of three bytes or more (`â€™`) is evidence on its own;
//! - a two-character run is evidence when it gives a common Western letter or sign
//!   (French letters and their neighbours', windows-1252 punctuation) and cannot be real
//!   text: not an uppercase letter that may end a word (`Ã`, `Å`, `Ä`…) after another
//!   uppercase letter and before closing punctuation (`IRMÃ”`), and, for the misreadings
//!   whose lead characters are signs or another script (Mac Roman, IBM850, windows-1250,
//!   windows-1251), a letter inside a word (`Ch√¢teau`, `rĂ©gion`), never `√π` or line art;
//! - any other run (`Å™` → `ř`, `Ä` + NBSP → `Ġ`, `Ã’s` → `Òs`) is repaired only
//!   beside a run that is evidence, or when it only peels a layer of text broken several
//!   times, or when it ends a word of mixed-case text as a lowercase letter (`Saint-LÃ´`).
//!
//! A repair never writes a control character the text did not have, and a windows-1251
//! (windows-1250) repair that leaves Cyrillic (Central European) letters is not one. The
//! whole cell is repaired again until nothing changes, so the result is idempotent. When
//! a non-breaking space of `à` (`C3 A0`) was turned into a plain space, `Ã ` is read as
//! `à`. Then two single-byte confusions are undone: C1 controls left by an ISO-8859-1
//! decoder become windows-1252 punctuation (`\u{92}` → `’`), and inside lowercase words,
//! windows-1252 read as Mac Roman (`CrÈteil`) or IBM850 read as windows-1252 (`ArdŠche`)
//! gives its French letters back.
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
    /// windows-1250 (Central European Windows): `rĂ©gion`.
    Windows1250,
    /// windows-1251 (Cyrillic Windows): `rГ©gion`.
    Windows1251,
    /// Not UTF-8: windows-1252 text decoded as ISO-8859-1, whose punctuation became C1
    /// control characters (`l\u{92}eau` for `l’eau`, `c\u{9c}ur` for `cœur`).
    C1Controls,
    /// Not UTF-8: windows-1252 text decoded as Mac Roman (`CrÈteil` for `Créteil`).
    Windows1252AsMacRoman,
    /// Not UTF-8: IBM850 (DOS) text decoded as windows-1252 (`ArdŠche` for `Ardèche`).
    Ibm850AsWindows1252,
}

impl Misreading {
    /// Every misreading of UTF-8, in the order of preference on ties.
    pub const ALL: [Misreading; 6] = [
        Misreading::Windows1252,
        Misreading::Latin1,
        Misreading::MacRoman,
        Misreading::Ibm850,
        Misreading::Windows1250,
        Misreading::Windows1251,
    ];

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
            Misreading::Windows1250 => "windows-1250",
            Misreading::Windows1251 => "windows-1251",
            Misreading::C1Controls => "windows-1252-as-ISO-8859-1",
            Misreading::Windows1252AsMacRoman => "windows-1252-as-macintosh",
            Misreading::Ibm850AsWindows1252 => "IBM850-as-windows-1252",
        }
    }

    fn table(self) -> &'static Table {
        let [w, l, m, i, ce, cy] = &*TABLES;
        match self {
            Misreading::Windows1252
            | Misreading::C1Controls
            | Misreading::Windows1252AsMacRoman
            | Misreading::Ibm850AsWindows1252 => w,
            Misreading::Latin1 => l,
            Misreading::MacRoman => m,
            Misreading::Ibm850 => i,
            Misreading::Windows1250 => ce,
            Misreading::Windows1251 => cy,
        }
    }

    /// Whether the characters this misreading makes of lead bytes are symbols or letters
    /// of another script, so that a run must sit inside a Latin word to be believed.
    fn needs_a_word(self) -> bool {
        matches!(
            self,
            Misreading::MacRoman
                | Misreading::Ibm850
                | Misreading::Windows1250
                | Misreading::Windows1251
        )
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
    // The UTF-8 repairs first, then the single-byte ones, until nothing changes (C1
    // punctuation may complete a UTF-8 run: `â\u{89}€`).
    for _ in 0..s.len() {
        let Some((fixed, step)) =
            pass(&text).or_else(|| c1_controls(&text)).or_else(|| legacy(&text))
        else {
            break;
        };
        steps.push(step);
        text = Cow::Owned(fixed);
    }
    Repair { text, steps }
}

/// The upper half of one single-byte encoding, both ways.
#[derive(Debug)]
struct Table {
    /// `(char, byte)` sorted by char, for re-encoding.
    reverse: Vec<(char, u8)>,
    /// The byte of U+0080 + i, 0 when the table has none: most characters of broken
    /// Western text (`Ã`, `©`, `Â`) are looked up here, without a search.
    latin1: [u8; 128],
    /// The part of `reverse` above U+00FF.
    beyond: Vec<(char, u8)>,
}

impl Table {
    /// Byte `0x80 + i` decodes to `high[i]`.
    fn new(high: [char; 128]) -> Table {
        let mut reverse: Vec<(char, u8)> =
            high.iter().zip(0x80u8..=0xFF).map(|(&c, b)| (c, b)).collect();
        reverse.sort_unstable();
        let mut latin1 = [0u8; 128];
        for &(c, b) in &reverse {
            if let Some(slot) =
                (u32::from(c) as usize).checked_sub(0x80).and_then(|i| latin1.get_mut(i))
            {
                *slot = b;
            }
        }
        let beyond = reverse.iter().copied().filter(|&(c, _)| u32::from(c) > 0xFF).collect();
        Table { reverse, latin1, beyond }
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

    /// The character this encoding reads for byte `b` (ASCII for bytes below 0x80).
    fn char(&self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(char::from(b));
        }
        self.reverse.iter().find(|&&(_, x)| x == b).map(|&(c, _)| c)
    }

    /// The byte this encoding writes for `c`, if any.
    #[inline]
    fn byte(&self, c: char) -> Option<u8> {
        let u = u32::from(c);
        if u < 0x80 {
            return u8::try_from(u).ok();
        }
        if u <= 0xFF {
            return self.latin1.get(u as usize - 0x80).copied().filter(|&b| b != 0);
        }
        let i = self.beyond.binary_search_by_key(&c, |&(c, _)| c).ok()?;
        self.beyond.get(i).map(|&(_, b)| b)
    }
}

static TABLES: LazyLock<[Table; 6]> = LazyLock::new(|| {
    let mut latin1 = ['\u{fffd}'; 128];
    for (slot, b) in latin1.iter_mut().zip(0x80u8..=0xFF) {
        *slot = char::from(b);
    }
    [
        Table::from_encoding(encoding_rs::WINDOWS_1252),
        Table::new(latin1),
        Table::from_encoding(encoding_rs::MACINTOSH),
        Table::new(crate::generated::cp850::DECODE_HIGH),
        Table::from_encoding(encoding_rs::WINDOWS_1250),
        Table::from_encoding(encoding_rs::WINDOWS_1251),
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
    /// A sign (`«`, `»`, NBSP, `°`) read through Mac Roman or IBM850 outside a word: weak
    /// alone, believed in pairs (`¬´ … ¬ª`).
    typographic: bool,
}

/// One pass: finds the misreading with the most repairable runs and undoes it.
fn pass(s: &str) -> Option<(String, Step)> {
    if !may_hold_a_run(s) {
        return None;
    }
    pass_at(s, 0)
}

/// Whether `s` may hold a UTF-8 sequence misread by a single-byte decoder: a run starts
/// with a non-ASCII character followed by another (a continuation byte's character in
/// every table), or by a space for a lead byte `0xC2`/`0xC3` whose `0xA0` became a space
/// (`Â`, `Ã` in windows-1252 and Latin-1, `Ă` in windows-1250, `В`, `Г` in
/// windows-1251). Most clean cells have no two non-ASCII characters in a row: one pass
/// over their characters instead of a scan per misreading.
fn may_hold_a_run(s: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            if !c.is_ascii() || (c == ' ' && matches!(p, 'Â' | 'Ã' | 'Ă' | 'В' | 'Г')) {
                return true;
            }
        }
        prev = (!c.is_ascii()).then_some(c);
    }
    false
}

/// How deep [`pass_at`] looks ahead through layers made only of table characters.
const LOOKAHEAD: usize = 3;

/// One pass, `depth` layers below the text itself.
fn pass_at(s: &str, depth: usize) -> Option<(String, Step)> {
    let mut best: Option<(Misreading, Vec<Candidate>, String)> = None;
    let mut found = Vec::new();
    let own_leads = own_lead_characters(s);
    for m in Misreading::ALL {
        // windows-1250 and windows-1251 only when a lead character of their own (`Ă`,
        // `Г`) is there: other runs are windows-1252's, and scanning costs.
        if (m == Misreading::Windows1250 && !own_leads[0])
            || (m == Misreading::Windows1251 && !own_leads[1])
        {
            continue;
        }
        found.clear();
        scan(s, m, &mut found);
        // The misreading that explains the most bytes wins: `‚Ä¶` is one Mac Roman run
        // (`…`), not a `‚` before the windows-1252 run `Ä¶` (`Ķ`).
        if found.is_empty()
            || best.as_ref().is_some_and(|(_, b, _)| coverage(&found) <= coverage(b))
        {
            continue;
        }
        let strong = found.iter().filter(|c| !c.ambiguous).count();
        let rare =
            found.iter().filter(|c| c.ambiguous && !c.intermediate && !is_common(c.out)).count();
        if strong > 0 && strong < rare {
            // `├┤a┼┐a┼┐a`: one letter against more rare characters is line art.
            continue;
        }
        let pairs = found.iter().all(|c| c.typographic) && found.len() >= 2;
        if strong == 0 && !pairs {
            // Ambiguous runs need an unambiguous one in the same cell, or, when they only
            // peel a layer of mojibake (`Ôö£Ôòù` → `├╗`), a layer below that repairs, or
            // each of them must end a mixed-case word as a lowercase letter (`Saint-LÃ´`).
            let out = apply(s, &found)?;
            let peels = found.iter().any(|c| c.intermediate);
            let peeled = peels && depth < LOOKAHEAD && pass_at(&out, depth + 1).is_some();
            if !peeled && !found.iter().all(|c| word_end_fits(s, c)) {
                continue;
            }
        }
        let out = apply(s, &found)?;
        // Never write a control character the text did not have (two misreadings mixed),
        // and leave a garble that a repair would not clean.
        if writes_controls(s, &found) || !script_fits(m, &out) || residue(&out) >= found.len() {
            continue;
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

/// Whether `s` holds a lead character of windows-1250 (`[0]`) or windows-1251 (`[1]`)
/// that windows-1252 does not have (`Ă`, `Г`): one pass for both. Characters below
/// U+0100 are all windows-1252's, so only multi-byte sequences from `0xC4` are decoded.
fn own_lead_characters(s: &str) -> [bool; 2] {
    let mut found = [false; 2];
    if !s.bytes().any(|b| b >= 0xC4) {
        return found;
    }
    let w = Misreading::Windows1252.table();
    for c in s.chars().filter(|&c| u32::from(c) >= 0x100) {
        if w.byte(c).is_some() {
            continue;
        }
        for (slot, m) in found.iter_mut().zip([Misreading::Windows1250, Misreading::Windows1251]) {
            *slot |= m.table().byte(c).is_some_and(|b| (0xC2..=0xF4).contains(&b));
        }
        if found == [true; 2] {
            break;
        }
    }
    found
}

/// Whether replacing the runs would write a control character the text did not have:
/// more runs decode to a control than there are controls inside the runs replaced.
fn writes_controls(s: &str, runs: &[Candidate]) -> bool {
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let written = runs.iter().filter(|r| is_control(r.out)).count();
    if written == 0 {
        return false;
    }
    let replaced: usize = runs
        .iter()
        .map(|r| s.get(r.start..r.end).map_or(0, |t| t.chars().filter(|&c| is_control(c)).count()))
        .sum();
    written > replaced
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
    let nbsp_space_possible = matches!(
        m,
        Misreading::Windows1252
            | Misreading::Latin1
            | Misreading::Windows1250
            | Misreading::Windows1251
    );
    // Text in capitals only (`C O N C L U S Ã O`) may hold `Ã` before a space.
    let lowercase_cell = bytes.iter().any(u8::is_ascii_lowercase);
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
        let decoded = if ok { decode_one(buf, need) } else { None };
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
        let in_word = prev.is_some_and(letter) || next.is_some_and(letter);
        // `à` (`À` in capitals) is a word of its own.
        let fits = if letter(d) {
            in_word || d == 'à' || d == 'À'
        } else {
            matches!(d, '«' | '»' | '\u{a0}' | '°')
        };
        // A C1 control is never text: `Å\u{81}` is `Ł` broken, whatever the letters.
        let c1 = s
            .get(i..i + len)
            .is_some_and(|r| r.chars().skip(1).any(|c| matches!(u32::from(c), 0x80..=0x9F)));
        let typographic = need == 2 && m.needs_a_word() && !intermediate && !letter(d) && fits;
        let ambiguous = if c1 && !intermediate {
            false
        } else if typographic {
            true
        } else if need == 2 && m.needs_a_word() && !intermediate && !fits {
            // `√π` is a square root of pi, `┬│` line art: a letter outside a word, or a
            // sign other than the typographic ones, needs corroboration.
            true
        } else if intermediate {
            true
        } else if need == 2 && !is_common(d) {
            // `Å™` → `ř`, `Ä` and a non-breaking space → `Ġ`, `Ã’s` → `Òs`: a short run
            // that gives a rare character proves nothing alone.
            true
        } else if nbsp_as_space {
            prev_upper || !lowercase_cell
        } else {
            need == 2
                && prev_upper
                && matches!(c0, 'Ã' | 'Å' | 'Ä' | 'Õ' | 'Ñ' | 'Ø' | 'Æ' | 'Ö' | 'Ă' | 'Г')
                && closing(last)
                && !next.is_some_and(char::is_alphanumeric)
        };
        let mut end = i + len;
        let rest_after = s.get(i + len..).unwrap_or("");
        // Portuguese `às`, `àquele`: the NBSP was the second byte of `à` inside a word.
        let joined =
            rest_after.strip_prefix('s').is_some_and(|r| !r.starts_with(char::is_alphanumeric))
                || rest_after.starts_with("quel")
                || rest_after.starts_with("quil");
        if nbsp_as_space && b0 == 0xC3 && next.is_some_and(char::is_alphanumeric) && !joined {
            // `Ã Paris`: the NBSP became a space and was then merged with the space
            // after `à`; keep one space.
            end -= 1;
        }
        out.push(Candidate {
            start: i,
            end,
            out: d,
            nbsp_as_space,
            ambiguous,
            intermediate,
            typographic,
        });
        i = end.max(i + step);
    }
}

/// The character that the first `need` bytes of `b` encode in UTF-8, if they are one
/// complete, shortest, non-surrogate sequence: `std::str::from_utf8` on them, without its
/// general loop (a test checks every two- and three-byte sequence against it).
#[inline]
fn decode_one(b: [u8; 4], need: usize) -> Option<char> {
    let [b0, b1, b2, b3] = b;
    let cont = |x: u8| (0x80..=0xBF).contains(&x);
    let six = |x: u8| u32::from(x & 0x3F);
    let u = match need {
        2 if (0xC2..=0xDF).contains(&b0) && cont(b1) => (u32::from(b0 & 0x1F) << 6) | six(b1),
        3 if cont(b1)
            && cont(b2)
            && match b0 {
                0xE0 => b1 >= 0xA0,
                0xE1..=0xEC | 0xEE | 0xEF => true,
                0xED => b1 < 0xA0,
                _ => false,
            } =>
        {
            (u32::from(b0 & 0x0F) << 12) | (six(b1) << 6) | six(b2)
        }
        4 if cont(b1)
            && cont(b2)
            && cont(b3)
            && match b0 {
                0xF0 => b1 >= 0x90,
                0xF1..=0xF3 => true,
                0xF4 => b1 < 0x90,
                _ => false,
            } =>
        {
            (u32::from(b0 & 0x07) << 18) | (six(b1) << 12) | (six(b2) << 6) | six(b3)
        }
        _ => return None,
    };
    char::from_u32(u)
}

/// Whether an ambiguous run ends a word of mixed-case text as a common lowercase letter
/// after letters written in lowercase or title case: `Saint-LÃ´` is `Saint-Lô`, while
/// `«IRMÃ»` (Portuguese in capitals) stays.
fn word_end_fits(s: &str, c: &Candidate) -> bool {
    if c.intermediate || !c.out.is_lowercase() || !is_common(c.out) {
        return false;
    }
    let before = s.get(..c.start).unwrap_or("");
    let after = s.get(c.end..).unwrap_or("");
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let word: Vec<char> = before.chars().rev().take_while(|ch| letter(*ch)).collect::<Vec<_>>();
    // `word` is reversed: its last element is the word's first letter.
    let Some((first, rest)) = word.split_last() else { return false };
    let title_or_lower = rest.iter().all(|ch| ch.is_lowercase()) && letter(*first);
    let mixed_case = s.get(..c.start).is_some_and(|b| b.chars().any(|ch| ch.is_ascii_lowercase()))
        || after.chars().any(|ch| ch.is_ascii_lowercase());
    title_or_lower && mixed_case
}

/// How many signs sit right after a non-ASCII letter in the text, as in mojibake that a
/// repair left (`ãƒâ¢ã¢`): when the repaired text keeps as many as it had runs repaired,
/// the text is a garble and is left as it is.
fn residue(s: &str) -> usize {
    let mut n = 0;
    let mut prev = ' ';
    for c in s.chars() {
        if !prev.is_ascii()
            && letter(prev)
            && matches!(
                c,
                'ƒ' | '†'
                    | '‡'
                    | 'ˆ'
                    | '‰'
                    | '‹'
                    | 'Ž'
                    | '‚'
                    | '„'
                    | '¢'
                    | '¤'
                    | '¦'
                    | '¬'
                    | '¯'
                    | '±'
                    | 'µ'
                    | '¶'
                    | '¸'
                    | '¹'
                    | '¼'
                    | '½'
                    | '¾'
                    | '¿'
                    | '€'
                    | '™'
                    | 'Æ'
                    | 'æ'
            )
        {
            n += 1;
        }
        prev = c;
    }
    n
}

/// How many control characters (C0 but TAB, LF, CR; DEL; C1) the text holds.
#[cfg(test)]
fn controls(s: &str) -> usize {
    s.chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).count()
}

/// Whether the repaired text still holds letters of the script whose misreading was
/// undone: Cyrillic left after a windows-1251 repair, or Central European letters after
/// a windows-1250 one, mean the text was written in that script.
fn script_fits(m: Misreading, out: &str) -> bool {
    match m {
        Misreading::Windows1251 => !out.chars().any(|c| matches!(u32::from(c), 0x400..=0x4FF)),
        Misreading::Windows1250 => !out.chars().any(|c| {
            matches!(u32::from(c), 0x100..=0x17F)
                && !matches!(c, 'Œ' | 'œ' | 'Š' | 'š' | 'Ž' | 'ž' | 'Ÿ')
        }),
        _ => true,
    }
}

/// Whether a repaired character is common in Western European text: the letters of
/// French and its neighbours, `Ã`, `Â`, `Å` (layers of text broken twice) and what
/// windows-1252 writes from 0x80 to 0xBF (punctuation and signs). Others (`Ò`, `ř`,
/// `Ġ`) are rare enough that a two-character run giving one needs corroboration.
fn is_common(c: char) -> bool {
    matches!(c,
        'ß'..='ö' | 'ø'..='ÿ' | 'œ' | 'š' | 'ž' | 'ƒ'
        | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Æ' | 'Ç' | 'È' | 'É' | 'Ê' | 'Ë' | 'Í' | 'Î'
        | 'Ï' | 'Ñ' | 'Ó' | 'Ô' | 'Ö' | 'Ø' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Œ' | 'Š' | 'Ž' | 'Ÿ'
        | '\u{a0}'..='\u{bf}'
        | '€' | '‚' | '„' | '…' | '†' | '‡' | 'ˆ' | '‰' | '‹' | '‘' | '’' | '“' | '”' | '•'
        | '–' | '—' | '˜' | '™' | '›')
}

/// windows-1252 text decoded as ISO-8859-1: C1 controls that windows-1252 writes as
/// punctuation (`\u{92}` → `’`, `\u{85}` → `…`, `\u{9c}` → `œ`). Left after the UTF-8
/// repairs, so that `Ã\u{89}` (UTF-8 `É` read as ISO-8859-1) is undone as a whole first.
fn c1_controls(s: &str) -> Option<(String, Step)> {
    // U+0080 to U+009F are written C2 80 to C2 9F: a look at the bytes, not the chars.
    let bytes = s.as_bytes();
    let has_c1 = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == 0xC2 && bytes.get(i + 1).is_some_and(|&n| (0x80..=0x9F).contains(&n)));
    if !has_c1 {
        return None;
    }
    let t = Misreading::Latin1.table();
    let w = Misreading::Windows1252.table();
    let mut out = String::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        let mapped = if matches!(u32::from(c), 0x80..=0x9F) {
            t.byte(c).and_then(|b| w.char(b)).filter(|d| !d.is_control())
        } else {
            None
        };
        match mapped {
            Some(d) => {
                out.push(d);
                n += 1;
            }
            None => out.push(c),
        }
    }
    (n > 0).then_some((
        out,
        Step { misreading: Misreading::C1Controls, sequences: n, nbsp_as_space: 0 },
    ))
}

/// Single-byte text read with the wrong single-byte table: windows-1252 read as Mac Roman
/// (`CrÈteil`) or IBM850 read as windows-1252 (`ArdŠche`, `pr‚fecture`). A character is
/// changed only inside a lowercase word (letters on both sides, one at least lowercase),
/// where a capital or a sign cannot be, and only into a French lowercase letter; signs
/// that do sit between letters (dashes, quotes, `…`) are never read so.
fn legacy(s: &str) -> Option<(String, Step)> {
    let [ibm, mac] = &*LEGACY;
    let mappable = |c: char| {
        !c.is_ascii()
            && (ibm.binary_search_by_key(&c, |&(c, _)| c).is_ok()
                || mac.binary_search_by_key(&c, |&(c, _)| c).is_ok())
    };
    if !s.chars().any(mappable) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut best: Option<(usize, Misreading)> = None;
    for m in [Misreading::Ibm850AsWindows1252, Misreading::Windows1252AsMacRoman] {
        let mut n = 0;
        let mut bad =
            s.chars().any(|c| !c.is_ascii() && !ordinary(c) && legacy_map(m, c).is_none());
        for (k, &c) in chars.iter().enumerate() {
            if !inner_at(m, &chars, k) {
                continue;
            }
            match legacy_map(m, c) {
                Some(_) => n += 1,
                None => bad |= suspicious(c),
            }
        }
        if n > 0 && !bad && best.map_or(true, |(b, _)| n > b) {
            best = Some((n, m));
        }
    }
    let (_, m) = best?;
    let mut out = String::with_capacity(s.len());
    let mut n = 0;
    for (k, &c) in chars.iter().enumerate() {
        // `‡` alone between spaces is the word `à`, once the cell shows the misreading.
        let alone = k > 0
            && chars.get(k - 1) == Some(&' ')
            && chars.get(k + 1) == Some(&' ')
            && legacy_map(m, c) == Some('à');
        match legacy_map(m, c).filter(|_| alone || inner_at(m, &chars, k)) {
            Some(d) => {
                out.push(d);
                n += 1;
            }
            None => out.push(c),
        }
    }
    (n > 0).then_some((out, Step { misreading: m, sequences: n, nbsp_as_space: 0 }))
}

/// Whether `chars[k]` has a letter on each side (a character `m` maps to a letter counts
/// as one: `ThÈ‚tre`), one of them lowercase.
fn inner_at(m: Misreading, chars: &[char], k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let (Some(&p), Some(&n)) = (chars.get(k - 1), chars.get(k + 1)) else {
        return false;
    };
    let word_char = |c: char| letter(c) || legacy_map(m, c).is_some();
    let lower = |c: char| c.is_lowercase() || legacy_map(m, c).is_some();
    word_char(p) && word_char(n) && (lower(p) || lower(n))
}

/// A character that no lowercase word holds: a capital or a sign. Not one that the
/// misreading maps, it means the text is something else.
fn suspicious(c: char) -> bool {
    !c.is_lowercase()
        && (c.is_uppercase() || !c.is_alphanumeric())
        && !c.is_ascii()
        && !matches!(c, '’' | '\'' | '-' | '–' | '—' | '·')
}

/// A character that single-byte French text holds anywhere: a Latin-1 letter or one of
/// the usual signs. Anything else (`√`, `├`) means the text is not single-byte French.
fn ordinary(c: char) -> bool {
    (letter(c) && u32::from(c) <= 0x17F)
        || matches!(
            c,
            '’' | '‘'
                | '“'
                | '”'
                | '«'
                | '»'
                | '–'
                | '—'
                | '…'
                | '\u{a0}'
                | '°'
                | '€'
                | '²'
                | '·'
        )
}

/// The French lowercase letter that `c` was, if `m` made `c` of it.
fn legacy_map(m: Misreading, c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let [ibm, mac] = &*LEGACY;
    let table = match m {
        Misreading::Ibm850AsWindows1252 => ibm,
        Misreading::Windows1252AsMacRoman => mac,
        _ => return None,
    };
    let k = table.binary_search_by_key(&c, |&(c, _)| c).ok()?;
    table.get(k).map(|&(_, d)| d)
}

/// For IBM850 read as windows-1252 and windows-1252 read as Mac Roman: `(what was read,
/// the French lowercase letter written)`, sorted. A lowercase letter read as a lowercase
/// letter (`ú` for `œ`) is not an anomaly, and dashes, quotes and the ellipsis sit
/// between letters legitimately: those are left out.
static LEGACY: LazyLock<[Vec<(char, char)>; 2]> = LazyLock::new(|| {
    let build = |read: Misreading, written: Misreading| {
        let mut v: Vec<(char, char)> = (0x80u8..=0xFF)
            .filter_map(|b| Some((read.table().char(b)?, written.table().char(b)?)))
            .filter(|&(c, d)| {
                let french = matches!(
                    d,
                    'à' | 'â' | 'ç' | 'é' | 'è' | 'ê' | 'ë' | 'î' | 'ï' | 'ô' | 'ù' | 'û' | 'ü'
                );
                let legit = c.is_lowercase()
                    || c.is_ascii()
                    || matches!(c, '–' | '—' | '“' | '”' | '"' | '…' | '’' | '‘');
                french && !legit
            })
            .collect();
        v.sort_unstable();
        v
    };
    [
        build(Misreading::Windows1252, Misreading::Ibm850),
        build(Misreading::MacRoman, Misreading::Windows1252),
    ]
});

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
            | '™'
            | '®'
            | '©'
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

/// `char::is_alphabetic`, answered without Unicode's tables for the Latin letters that
/// broken Western text is made of.
#[inline]
fn letter(c: char) -> bool {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 => true,
        0xF8..=0x24F => true,
        0..=0xBF | 0xD7 | 0xF7 => false,
        _ => c.is_alphabetic(),
    }
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
            | 0x2190..=0x22FF
            | 0x2600..=0x27BF
            | 0xFB00..=0xFB06
            | 0x1F300..=0x1FAFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The quick check before a pass never hides a run that the pass would repair.
        #[test]
        fn the_quick_check_hides_no_run(
            chars in proptest::collection::vec(
                prop_oneof![
                    Just('a'), Just(' '), Just('é'), Just('Ã'), Just('Â'), Just('©'), Just('¨'),
                    Just('â'), Just('€'), Just('™'), Just('Ă'), Just('Г'), Just('В'), Just('Ä'),
                    Just('\u{a0}'), Just('\u{fffd}'), Just('Å'), Just('“'), Just('È'),
                    Just('¼'), Just('ō'), any::<char>()
                ],
                0..12,
            ),
        ) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(pass(&s), pass_at(&s, 0), "{:?}", s);
        }
    }

    /// The Latin fast path of `letter` answers as Unicode does, for every character.
    #[test]
    fn letter_is_is_alphabetic() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    /// The direct decoding of one sequence is `std::str::from_utf8`'s, for every two- and
    /// three-byte sequence and the four-byte ones around each boundary.
    #[test]
    fn decode_one_is_from_utf8() {
        // One complete character, as `scan` asks for (its `need` comes from the lead byte).
        let std = |b: &[u8]| {
            let d = std::str::from_utf8(b).ok()?;
            let mut chars = d.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        let edges = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF];
        for b0 in 0x80..=0xFFu8 {
            for b1 in 0..=0xFFu8 {
                assert_eq!(decode_one([b0, b1, 0, 0], 2), std(&[b0, b1]), "{b0:x} {b1:x}");
                let third: Vec<u8> =
                    if (0xE0..=0xEF).contains(&b0) { (0..=0xFF).collect() } else { edges.to_vec() };
                for &b2 in &third {
                    assert_eq!(decode_one([b0, b1, b2, 0], 3), std(&[b0, b1, b2]));
                }
                for b2 in edges {
                    for b3 in edges {
                        assert_eq!(decode_one([b0, b1, b2, b3], 4), std(&[b0, b1, b2, b3]));
                    }
                }
            }
        }
    }

    /// The direct lookup of the tables gives the byte the sorted search gives.
    #[test]
    fn table_lookup_is_the_search() {
        for m in Misreading::ALL {
            let t = m.table();
            for c in (0..=0x3000u32).filter_map(char::from_u32) {
                let searched = if c.is_ascii() {
                    u8::try_from(c).ok()
                } else {
                    t.reverse.iter().find(|&&(x, _)| x == c).map(|&(_, b)| b)
                };
                assert_eq!(t.byte(c), searched, "{m:?} {c:?}");
            }
        }
    }

    proptest! {
        /// The one-pass check of windows-1250/1251 lead characters is the per-table one.
        #[test]
        fn own_leads_are_found(s in "[a-zé€ĂГВœ’ƒ\\u{a0}ŠЂ]{0,10}") {
            let slow = |m: Misreading| {
                s.chars().any(|c| {
                    u32::from(c) >= 0x100
                        && m.table().byte(c).is_some_and(|b| (0xC2..=0xF4).contains(&b))
                        && Misreading::Windows1252.table().byte(c).is_none()
                })
            };
            prop_assert_eq!(
                own_lead_characters(&s),
                [slow(Misreading::Windows1250), slow(Misreading::Windows1251)]
            );
        }
    }

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
    fn issue_12_repairs() {
        // windows-1252 punctuation decoded as ISO-8859-1, alone or beside UTF-8 mojibake.
        check("l\u{92}eau", "l’eau");
        check("et ainsi de suite\u{85}", "et ainsi de suite…");
        check("c\u{9c}ur", "cœur");
        check("\u{93}Très bien\u{94}", "“Très bien”");
        check("l\u{92}Ã©tÃ©", "l’été");
        // UTF-8 read as windows-1250 or windows-1251.
        check("rĂ©gion", "région");
        check("rГ©gion", "région");
        check("CrĂ©teil et BĂ©ziers", "Créteil et Béziers");
        // windows-1252 read as Mac Roman, IBM850 read as windows-1252.
        check("prÈfecture", "préfecture");
        check("CrÈteil", "Créteil");
        check("ArdŠche", "Ardèche");
        check("pr‚fecture", "préfecture");
        check("No‰l ŕ", "Noël ŕ");
        // One run at the end of a name, in mixed-case text.
        check("ThÈ‚tre de NÓmes", "Théâtre de Nîmes");
        check("FÍte ‡ SËte", "Fête à Sète");
        check("Stra√üe", "Straße");
        check("atenÃ§Ã£o Ã s crianÃ§as", "atenção às crianças");
        check("semelhante Ã quele", "semelhante àquele");
        check("LÅ\u{81}Ã³dÅº", "LŁódź");
        check("Saint-LÃ´", "Saint-Lô");
        check("Rue de Saint-LÃ´", "Rue de Saint-Lô");
    }

    #[test]
    fn issue_12_hard_negatives() {
        for s in [
            // A short run giving a rare character, with nothing to corroborate it.
            "SVENSKÅ™",
            "Ã’s",
            "IRMÃ’S BAR",
            "MÃ’S",
            // Finnish capitals before a non-breaking space: `Ä` + NBSP is not `Ġ`.
            "HYVÄ\u{a0}PÄIVÄ",
            "TÄ\u{a0}ON",
            // Symbols and line art that Mac Roman or IBM850 would misread.
            "√π ≈ 1,77",
            "x = √π",
            "├│ ┬│",
            "«IRMÃ»",
            "IRMÃ»",
            // Cyrillic and Central European text.
            "ДІЯ",
            "ПІДПРИЄМСТВО",
            "ООО «ДОМ»",
            "ROMÂNĂ»",
            "Příliš žluťoučký kůň",
            "Łódź, Świętokrzyskie",
            // Letters, signs and dashes between letters that are right.
            "well—known",
            "rock–paper",
            "McDonald’s",
            "c'était",
            "Ça va ? Éric, Ève",
            "Größe, Äußerung",
            "ÑANDÚ, AÑO",
            "Þórður, Ærø",
            "Η ¨ανατροφή¨",
            // An ASCII-art face, capitals spaced out, line art, Romanian before a sign, and
            // a garble that no repair would clean.
            ":-(  `¬´  )",
            "S Ã O   P A U L O",
            "├┤x┼┐x┼┐x┼┐x",
            "ÎNCHISĂ™",
            "ãƒâ€ ã¢â‚¬â„¢ãƒæ’ã‚â¢ãƒâ¢ã¢",
        ] {
            check(s, s);
        }
    }

    #[test]
    fn never_writes_a_control() {
        for s in ["Ã\u{81}", "Â\u{81}x", "â€\u{81}", "Ã\u{8d}x", "\u{81}\u{8d}\u{8f}\u{90}\u{9d}"]
        {
            let r = repair(s);
            assert!(controls(&r.text) <= controls(s), "{s:?} -> {:?}", r.text);
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
