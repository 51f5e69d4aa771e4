//! String, number, date and geographic comparators.
//!
//! Every similarity is in `[0, 1]`, symmetric, and `1.0` on identical inputs. The string
//! comparators work on Unicode scalar values, with an ASCII fast path, and reuse the
//! buffers of a [`Scratch`] so that the hot loop allocates nothing: hold one `Scratch`
//! per thread (the free functions use a thread-local one).
//!
//! Levenshtein uses Hyyrö's bit-parallel algorithm (after Myers) when the shorter string
//! has at most 64 characters, and Jaro uses a bit-parallel search of the matching window;
//! both give exactly the results of the classic dynamic programmes (checked against the
//! `strsim` crate by property tests).
//!
//! ```
//! use dq_dedupe::compare;
//!
//! assert_eq!(compare::levenshtein("Dupont", "Dupond"), 1);
//! assert!(compare::jaro_winkler("MARTIN", "MARTINE") > 0.95);
//! assert_eq!(compare::token_sort_ratio("Jean Pierre", "Pierre Jean"), 1.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cell::RefCell;

/// Reusable buffers for the string comparators.
#[derive(Debug, Clone)]
pub struct Scratch {
    a: Vec<char>,
    b: Vec<char>,
    row0: Vec<usize>,
    row1: Vec<usize>,
    row2: Vec<usize>,
    masks: CharMasks,
    ta: String,
    tb: String,
    tc: String,
    td: String,
    spans: Vec<(usize, usize)>,
    ha: Vec<u64>,
    hb: Vec<u64>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Scratch {
    /// Creates empty buffers.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.levenshtein("rue", "rue"), 0);
    /// ```
    pub fn new() -> Scratch {
        Scratch {
            a: Vec::new(),
            b: Vec::new(),
            row0: Vec::new(),
            row1: Vec::new(),
            row2: Vec::new(),
            masks: CharMasks::new(),
            ta: String::new(),
            tb: String::new(),
            tc: String::new(),
            td: String::new(),
            spans: Vec::new(),
            ha: Vec::new(),
            hb: Vec::new(),
        }
    }

    /// Levenshtein distance in characters.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.levenshtein("Bézier", "Besier"), 2);
    /// ```
    pub fn levenshtein(&mut self, a: &str, b: &str) -> usize {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        lev_chars(&self.a, &self.b, &mut self.masks, &mut self.row0)
    }

    /// Levenshtein similarity: `1 - distance / max(len)`, `1.0` for two empty strings.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.levenshtein_similarity("ABCD", "ABCE"), 0.75);
    /// ```
    pub fn levenshtein_similarity(&mut self, a: &str, b: &str) -> f64 {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        let max = self.a.len().max(self.b.len());
        if max == 0 {
            return 1.0;
        }
        let d = lev_chars(&self.a, &self.b, &mut self.masks, &mut self.row0);
        1.0 - d as f64 / max as f64
    }

    /// Optimal string alignment distance (Damerau–Levenshtein where no substring is edited
    /// twice): an adjacent transposition costs 1.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.osa("MARITN", "MARTIN"), 1);
    /// ```
    pub fn osa(&mut self, a: &str, b: &str) -> usize {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        osa_chars(&self.a, &self.b, &mut self.row0, &mut self.row1, &mut self.row2)
    }

    /// Whether the optimal string alignment distance is at most 1 (equal, or one
    /// substitution, insertion, deletion or adjacent transposition apart), in linear time:
    /// the same answer as `osa(a, b) <= 1` without the quadratic table.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert!(scratch.within_one_edit("35600000000048", "35600000000084"));
    /// assert!(!scratch.within_one_edit("35600000000048", "35600000000113"));
    /// ```
    pub fn within_one_edit(&mut self, a: &str, b: &str) -> bool {
        if a.is_ascii() && b.is_ascii() {
            return within_one_edit(a.as_bytes(), b.as_bytes());
        }
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        within_one_edit(&self.a, &self.b)
    }

    /// Optimal string alignment similarity: `1 - distance / max(len)`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.osa_similarity("MARITN", "MARTIN"), 1.0 - 1.0 / 6.0);
    /// ```
    pub fn osa_similarity(&mut self, a: &str, b: &str) -> f64 {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        let max = self.a.len().max(self.b.len());
        if max == 0 {
            return 1.0;
        }
        let d = osa_chars(&self.a, &self.b, &mut self.row0, &mut self.row1, &mut self.row2);
        1.0 - d as f64 / max as f64
    }

    /// Jaro similarity.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert!((scratch.jaro("MARTHA", "MARHTA") - 0.9444).abs() < 1e-4);
    /// ```
    pub fn jaro(&mut self, a: &str, b: &str) -> f64 {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        jaro_chars(&self.a, &self.b, &mut self.masks, &mut self.row0)
    }

    /// Jaro–Winkler similarity: Jaro plus a bonus of `0.1` per common leading character
    /// (at most four) when Jaro exceeds `0.7`, as in `strsim`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert!(scratch.jaro_winkler("DUPONT", "DUPOND") > 0.9);
    /// ```
    pub fn jaro_winkler(&mut self, a: &str, b: &str) -> f64 {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        let sim = jaro_chars(&self.a, &self.b, &mut self.masks, &mut self.row0);
        if sim > 0.7 {
            let prefix =
                self.a.iter().zip(self.b.iter()).take(4).take_while(|(x, y)| x == y).count();
            sim + 0.1 * prefix as f64 * (1.0 - sim)
        } else {
            sim
        }
    }

    /// Jaccard similarity of the sets of words (maximal runs of letters and digits).
    /// Two values without any word are identical (`1.0`).
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.jaccard_words("rue de la Paix", "la paix rue"), 0.75);
    /// ```
    pub fn jaccard_words(&mut self, a: &str, b: &str) -> f64 {
        word_hashes(a, &mut self.ha);
        word_hashes(b, &mut self.hb);
        jaccard_sets(&self.ha, &self.hb)
    }

    /// Jaccard similarity of the sets of character `q`-grams (`q` of at least 1; strings
    /// shorter than `q` count as one gram).
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.jaccard_qgrams("NANTES", "NANTES", 2), 1.0);
    /// ```
    pub fn jaccard_qgrams(&mut self, a: &str, b: &str, q: usize) -> f64 {
        fill_chars(a, &mut self.a);
        fill_chars(b, &mut self.b);
        qgram_hashes(&self.a, q, &mut self.ha);
        qgram_hashes(&self.b, q, &mut self.hb);
        jaccard_sets(&self.ha, &self.hb)
    }

    /// Token-sort ratio: the Levenshtein similarity of the two values after their words are
    /// upper-cased and sorted.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.token_sort_ratio("Durand Marie", "MARIE DURAND"), 1.0);
    /// ```
    pub fn token_sort_ratio(&mut self, a: &str, b: &str) -> f64 {
        let mut ta = std::mem::take(&mut self.ta);
        let mut tb = std::mem::take(&mut self.tb);
        sorted_words(a, &mut ta, &mut self.spans, &mut self.td);
        sorted_words(b, &mut tb, &mut self.spans, &mut self.td);
        let sim = self.levenshtein_similarity(&ta, &tb);
        self.ta = ta;
        self.tb = tb;
        sim
    }

    /// Token-set ratio: with `I` the sorted common words and `A`, `B` the sorted words of
    /// each value, the best Levenshtein similarity among `(I, A)`, `(I, B)` and `(A, B)`;
    /// `1.0` when one value's words are a subset of the other's.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scratch = dq_dedupe::compare::Scratch::new();
    /// assert_eq!(scratch.token_set_ratio("Boulangerie Martin", "Boulangerie Patisserie Martin"), 1.0);
    /// ```
    pub fn token_set_ratio(&mut self, a: &str, b: &str) -> f64 {
        let mut ta = std::mem::take(&mut self.ta);
        let mut tb = std::mem::take(&mut self.tb);
        sorted_words(a, &mut ta, &mut self.spans, &mut self.td);
        sorted_words(b, &mut tb, &mut self.spans, &mut self.td);
        let sim = self.token_set_ratio_sorted(&ta, &tb);
        self.ta = ta;
        self.tb = tb;
        sim
    }

    /// [`Scratch::token_set_ratio`] of two values already in the form of
    /// [`sorted_words`]: a run computes that form once per record, not once per pair.
    pub(crate) fn token_set_ratio_sorted(&mut self, ta: &str, tb: &str) -> f64 {
        let mut tc = std::mem::take(&mut self.tc);
        // The common words, each once, in sorted order: a merge of the two sorted lists.
        tc.clear();
        let mut wa = ta.split(is_space).filter(|w| !w.is_empty()).peekable();
        let mut wb = tb.split(is_space).filter(|w| !w.is_empty()).peekable();
        let mut last: Option<&str> = None;
        while let (Some(&x), Some(&y)) = (wa.peek(), wb.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    wa.next();
                }
                std::cmp::Ordering::Greater => {
                    wb.next();
                }
                std::cmp::Ordering::Equal => {
                    if last != Some(x) {
                        if !tc.is_empty() {
                            tc.push(' ');
                        }
                        tc.push_str(x);
                        last = Some(x);
                    }
                    wa.next();
                    wb.next();
                }
            }
        }
        let sim = if (ta.is_empty() && tb.is_empty()) || (!tc.is_empty() && (tc == ta || tc == tb))
        {
            1.0
        } else if tc.is_empty() {
            self.levenshtein_similarity(ta, tb)
        } else {
            let s1 = self.levenshtein_similarity(&tc, ta);
            let s2 = self.levenshtein_similarity(&tc, tb);
            let s3 = self.levenshtein_similarity(ta, tb);
            s1.max(s2).max(s3)
        };
        self.tc = tc;
        sim
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new());
}

fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::new()),
    })
}

/// Levenshtein distance in characters (see [`Scratch::levenshtein`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::levenshtein("avenue", "av"), 4);
/// ```
pub fn levenshtein(a: &str, b: &str) -> usize {
    with_scratch(|s| s.levenshtein(a, b))
}

/// Normalised Levenshtein similarity (see [`Scratch::levenshtein_similarity`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::levenshtein_similarity("", ""), 1.0);
/// ```
pub fn levenshtein_similarity(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.levenshtein_similarity(a, b))
}

/// Optimal string alignment distance (see [`Scratch::osa`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::osa("Lyon", "Loyn"), 1);
/// ```
pub fn osa(a: &str, b: &str) -> usize {
    with_scratch(|s| s.osa(a, b))
}

/// Normalised optimal string alignment similarity (see [`Scratch::osa_similarity`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::osa_similarity("Lyon", "Lyon"), 1.0);
/// ```
pub fn osa_similarity(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.osa_similarity(a, b))
}

/// Jaro similarity (see [`Scratch::jaro`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::jaro("", "Paris"), 0.0);
/// ```
pub fn jaro(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.jaro(a, b))
}

/// Jaro–Winkler similarity (see [`Scratch::jaro_winkler`]).
///
/// # Example
///
/// ```
/// assert!(dq_dedupe::compare::jaro_winkler("LEFEBVRE", "LEFEVRE") > 0.95);
/// ```
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.jaro_winkler(a, b))
}

/// Jaccard similarity of word sets (see [`Scratch::jaccard_words`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::jaccard_words("a b", "c d"), 0.0);
/// ```
pub fn jaccard_words(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.jaccard_words(a, b))
}

/// Jaccard similarity of `q`-gram sets (see [`Scratch::jaccard_qgrams`]).
///
/// # Example
///
/// ```
/// assert!(dq_dedupe::compare::jaccard_qgrams("MARSEILLE", "MARSEILE", 2) > 0.8);
/// ```
pub fn jaccard_qgrams(a: &str, b: &str, q: usize) -> f64 {
    with_scratch(|s| s.jaccard_qgrams(a, b, q))
}

/// Token-sort ratio (see [`Scratch::token_sort_ratio`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::token_sort_ratio("a b", "b a"), 1.0);
/// ```
pub fn token_sort_ratio(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.token_sort_ratio(a, b))
}

/// Token-set ratio (see [`Scratch::token_set_ratio`]).
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::token_set_ratio("SCI du Parc", "SCI du Parc"), 1.0);
/// ```
pub fn token_set_ratio(a: &str, b: &str) -> f64 {
    with_scratch(|s| s.token_set_ratio(a, b))
}

/// Absolute difference `|a - b|` of two numbers.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::absolute_difference(12.0, 10.5), 1.5);
/// ```
pub fn absolute_difference(a: f64, b: f64) -> f64 {
    (a - b).abs()
}

/// Relative difference `|a - b| / max(|a|, |b|)`, `0.0` when both are zero.
///
/// # Example
///
/// ```
/// assert_eq!(dq_dedupe::compare::relative_difference(100.0, 90.0), 0.1);
/// ```
pub fn relative_difference(a: f64, b: f64) -> f64 {
    let m = a.abs().max(b.abs());
    if m == 0.0 {
        0.0
    } else {
        (a - b).abs() / m
    }
}

/// Great-circle distance in kilometres between two WGS 84 points (haversine formula,
/// Earth radius 6 371 km).
///
/// # Example
///
/// ```
/// // Paris (Notre-Dame) to Lyon (Bellecour): about 392 km.
/// let d = dq_dedupe::compare::haversine_km(48.8530, 2.3499, 45.7578, 4.8320);
/// assert!((d - 392.0).abs() < 3.0);
/// ```
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// A calendar date, as parsed by [`parse_date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_dedupe::compare::Date;
    /// assert_eq!(Date { year: 1970, month: 1, day: 2 }.days(), 1);
    /// ```
    pub fn days(self) -> i64 {
        dq_clean::date::days_from_civil(i64::from(self.year), self.month, self.day)
    }
}

/// Parses `AAAA-MM-JJ`, `JJ/MM/AAAA` (also with `-` or `.`) and `AAAAMMJJ` dates, with or
/// without a time after `T` or a space; `None` when the value is not one of these or the
/// month or day is out of range.
///
/// # Example
///
/// ```
/// use dq_dedupe::compare::{parse_date, Date};
/// assert_eq!(parse_date("14/07/1789"), Some(Date { year: 1789, month: 7, day: 14 }));
/// assert_eq!(parse_date("19560409"), Some(Date { year: 1956, month: 4, day: 9 }));
/// assert_eq!(parse_date("31/02"), None);
/// assert_eq!(parse_date("1982-02-21T00:00:00+00:00"), Some(Date { year: 1982, month: 2, day: 21 }));
/// ```
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    // A date-time at midnight or not: the date part (`1982-02-21T00:00:00+00:00`).
    let s = match s.get(10..11) {
        Some("T" | " ") => s.get(..10).unwrap_or(s),
        _ => s,
    };
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter().try_fold(0u32, |acc, d| acc.checked_mul(10)?.checked_add(u32::from(d - b'0')))
    };
    let (y, m, d) = if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        (num(0..4)?, num(4..6)?, num(6..8)?)
    } else if b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        (num(0..4)?, num(5..7)?, num(8..10)?)
    } else if b.len() == 10 && matches!(b.get(2), Some(b'/' | b'-' | b'.')) && b.get(5) == b.get(2)
    {
        (num(6..10)?, num(3..5)?, num(0..2)?)
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || d == 0 || d > dq_clean::date::days_in_month(i64::from(y), m) {
        return None;
    }
    Some(Date { year: i32::try_from(y).ok()?, month: m, day: d })
}

/// How two dates agree, from the strongest to the weakest agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DateAgreement {
    /// The same date.
    Equal,
    /// Day and month swapped (`03/04` against `04/03`), a frequent keying error.
    SwappedDayMonth,
    /// The same day and month one year apart.
    OffByOneYear,
    /// Different, but within the given number of days.
    WithinDays,
    /// Further apart.
    Different,
}

/// Compares two dates: equal, day and month swapped, one year apart, within `days` days,
/// or different.
///
/// # Example
///
/// ```
/// use dq_dedupe::compare::{compare_dates, parse_date, DateAgreement};
/// let (a, b) = (parse_date("1980-03-04").unwrap(), parse_date("1980-04-03").unwrap());
/// assert_eq!(compare_dates(a, b, 30), DateAgreement::SwappedDayMonth);
/// ```
pub fn compare_dates(a: Date, b: Date, days: i64) -> DateAgreement {
    if a == b {
        DateAgreement::Equal
    } else if a.year == b.year && a.month == b.day && a.day == b.month {
        DateAgreement::SwappedDayMonth
    } else if a.month == b.month && a.day == b.day && (a.year - b.year).abs() == 1 {
        DateAgreement::OffByOneYear
    } else if (a.days() - b.days()).abs() <= days {
        DateAgreement::WithinDays
    } else {
        DateAgreement::Different
    }
}

// ---------------------------------------------------------------------------------------
// Kernels.

/// Whether two dates (ISO when valid, as keyed otherwise) are one keying error apart:
/// day and month swapped, one year apart, or one typo, also in their digits alone.
pub(crate) fn dates_one_typo_apart(a: &str, b: &str, s: &mut Scratch) -> bool {
    if let (Some(x), Some(y)) = (parse_date(a), parse_date(b)) {
        if matches!(
            compare_dates(x, y, 0),
            DateAgreement::SwappedDayMonth | DateAgreement::OffByOneYear
        ) {
            return true;
        }
    }
    s.within_one_edit(a, b) || digits_within_one_edit(a, b)
}

/// Whether the digits of two dates, read alone (`1948-02-25` and `19482025`), are one
/// typo apart (one substitution, insertion, deletion or swap of two neighbours): a date
/// keyed with two keys swapped across the month and the day is then one typo from the
/// right one even when it is no valid date.
fn digits_within_one_edit(a: &str, b: &str) -> bool {
    fn digits(x: &str, out: &mut [u8; 16]) -> Option<usize> {
        let mut n = 0;
        for d in x.bytes().filter(u8::is_ascii_digit) {
            *out.get_mut(n)? = d;
            n += 1;
        }
        Some(n)
    }
    let (mut x, mut y) = ([0u8; 16], [0u8; 16]);
    match (digits(a, &mut x), digits(b, &mut y)) {
        (Some(n), Some(m)) if n >= 6 && m >= 6 => {
            within_one_edit(x.get(..n).unwrap_or(&[]), y.get(..m).unwrap_or(&[]))
        }
        _ => false,
    }
}

pub(crate) fn fill_chars(s: &str, out: &mut Vec<char>) {
    out.clear();
    if s.is_ascii() {
        out.extend(s.bytes().map(char::from));
    } else {
        out.extend(s.chars());
    }
}

/// Bit masks of the positions of each character in a string of at most 64 characters.
#[derive(Debug, Clone)]
struct CharMasks {
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
}

impl CharMasks {
    fn new() -> CharMasks {
        CharMasks { ascii: [0; 128], other: Vec::new() }
    }

    fn set(&mut self, s: &[char]) {
        for (i, &c) in s.iter().enumerate().take(64) {
            let bit = 1u64 << i;
            if let Some(slot) = self.ascii.get_mut(c as usize) {
                *slot |= bit;
            } else if let Some(e) = self.other.iter_mut().find(|e| e.0 == c) {
                e.1 |= bit;
            } else {
                self.other.push((c, bit));
            }
        }
    }

    fn clear(&mut self, s: &[char]) {
        for &c in s.iter().take(64) {
            if let Some(slot) = self.ascii.get_mut(c as usize) {
                *slot = 0;
            }
        }
        self.other.clear();
    }

    #[inline]
    fn get(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&m) => m,
            None => self.other.iter().find(|e| e.0 == c).map_or(0, |e| e.1),
        }
    }
}

fn lev_chars(a: &[char], b: &[char], masks: &mut CharMasks, row: &mut Vec<usize>) -> usize {
    let (p, t) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if p.is_empty() {
        return t.len();
    }
    if p.len() <= 64 {
        masks.set(p);
        let last = 1u64 << (p.len() - 1);
        let mut vp = !0u64;
        let mut vn = 0u64;
        let mut dist = p.len();
        for &c in t {
            let x = masks.get(c);
            let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
            let mut hp = vn | !(d0 | vp);
            let mut hn = d0 & vp;
            if hp & last != 0 {
                dist += 1;
            }
            if hn & last != 0 {
                dist -= 1;
            }
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | !(d0 | hp);
            vn = hp & d0;
        }
        masks.clear(p);
        return dist;
    }
    row.clear();
    row.extend(0..=p.len());
    for (j, &tc) in t.iter().enumerate() {
        let mut diag = j;
        if let Some(first) = row.get_mut(0) {
            *first = j + 1;
        }
        for (i, &pc) in p.iter().enumerate() {
            let up = row.get(i + 1).copied().unwrap_or(0);
            let left = row.get(i).copied().unwrap_or(0);
            let v = (diag + usize::from(pc != tc)).min(up + 1).min(left + 1);
            diag = up;
            if let Some(cell) = row.get_mut(i + 1) {
                *cell = v;
            }
        }
    }
    row.get(p.len()).copied().unwrap_or(0)
}

fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // The common prefix, then what is left after the first difference.
    let p = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (Some(s), Some(l)) = (short.get(p..), long.get(p..)) else { return false };
    match l.len() - s.len() {
        0 => {
            // Equal, one substitution, or one adjacent transposition.
            s.get(1..) == l.get(1..)
                || (s.len() >= 2
                    && s.first() == l.get(1)
                    && s.get(1) == l.first()
                    && s.get(2..) == l.get(2..))
        }
        // One insertion into the shorter.
        1 => Some(s) == l.get(1..),
        _ => false,
    }
}

fn osa_chars(
    a: &[char],
    b: &[char],
    prev2: &mut Vec<usize>,
    prev: &mut Vec<usize>,
    cur: &mut Vec<usize>,
) -> usize {
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    let n = b.len();
    prev2.clear();
    prev2.resize(n + 1, 0);
    prev.clear();
    prev.extend(0..=n);
    cur.clear();
    cur.resize(n + 1, 0);
    for (i, &ac) in a.iter().enumerate() {
        if let Some(c0) = cur.get_mut(0) {
            *c0 = i + 1;
        }
        for (j, &bc) in b.iter().enumerate() {
            let cost = usize::from(ac != bc);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            let sub = prev.get(j).copied().unwrap_or(0) + cost;
            let mut v = del.min(ins).min(sub);
            if i > 0 && j > 0 && a.get(i - 1) == Some(&bc) && b.get(j - 1) == Some(&ac) {
                v = v.min(prev2.get(j - 1).copied().unwrap_or(0) + 1);
            }
            if let Some(cell) = cur.get_mut(j + 1) {
                *cell = v;
            }
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    prev.get(n).copied().unwrap_or(0)
}

fn jaro_chars(a: &[char], b: &[char], masks: &mut CharMasks, flags: &mut Vec<usize>) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 && lb == 0 {
        return 1.0;
    }
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let range = (la.max(lb) / 2).saturating_sub(1);
    let mut matches = 0usize;
    let mut transpositions = 0usize;
    if la > 64 || lb > 64 {
        return jaro_fallback(a, b, range, flags);
    }
    masks.set(b);
    let mut b_flags = 0u64;
    let mut a_flags = 0u64;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = (i + range + 1).min(lb);
        if lo >= hi {
            break;
        }
        let window = low_bits(hi) & !low_bits(lo);
        let cand = masks.get(c) & window & !b_flags;
        if cand != 0 {
            b_flags |= cand & cand.wrapping_neg();
            a_flags |= 1u64 << i;
            matches += 1;
        }
    }
    masks.clear(b);
    if matches == 0 {
        return 0.0;
    }
    let mut bf = b_flags;
    let mut af = a_flags;
    while af != 0 {
        let i = af.trailing_zeros() as usize;
        let j = bf.trailing_zeros() as usize;
        if a.get(i) != b.get(j) {
            transpositions += 1;
        }
        af &= af - 1;
        bf &= bf.wrapping_sub(1);
    }
    let m = matches as f64;
    let t = (transpositions / 2) as f64;
    (m / la as f64 + m / lb as f64 + (m - t) / m) / 3.0
}

#[inline]
fn low_bits(n: usize) -> u64 {
    if n >= 64 {
        !0
    } else {
        (1u64 << n) - 1
    }
}

fn jaro_fallback(a: &[char], b: &[char], range: usize, flags: &mut Vec<usize>) -> f64 {
    let (la, lb) = (a.len(), b.len());
    flags.clear();
    flags.resize(la + lb, 0);
    let (af, bf) = flags.split_at_mut(la);
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = (i + range + 1).min(lb);
        for j in lo..hi {
            if b.get(j) == Some(&c) && bf.get(j) == Some(&0) {
                if let Some(x) = af.get_mut(i) {
                    *x = 1;
                }
                if let Some(x) = bf.get_mut(j) {
                    *x = 1;
                }
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut t = 0usize;
    let mut bi = b.iter().zip(bf.iter()).filter(|(_, f)| **f == 1).map(|(c, _)| c);
    for (c, _) in a.iter().zip(af.iter()).filter(|(_, f)| **f == 1) {
        if bi.next() != Some(c) {
            t += 1;
        }
    }
    let m = matches as f64;
    let t = (t / 2) as f64;
    (m / la as f64 + m / lb as f64 + (m - t) / m) / 3.0
}

fn hash_chars(cs: &[char]) -> u64 {
    // FNV-1a over the scalar values: deterministic across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in cs {
        h ^= u64::from(c as u32);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in s.chars() {
        for u in c.to_uppercase() {
            h ^= u64::from(u as u32);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn word_hashes(s: &str, out: &mut Vec<u64>) {
    out.clear();
    out.extend(s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(hash_str));
    out.sort_unstable();
    out.dedup();
}

fn qgram_hashes(s: &[char], q: usize, out: &mut Vec<u64>) {
    out.clear();
    let q = q.max(1);
    if s.is_empty() {
        return;
    }
    if s.len() <= q {
        out.push(hash_chars(s));
        return;
    }
    out.extend(s.windows(q).map(hash_chars));
    out.sort_unstable();
    out.dedup();
}

fn jaccard_sets(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    inter as f64 / union as f64
}

/// `' '`, as a closure pattern: splitting on a `char` pattern verifies each match with a
/// `memcmp` call, which costs more than the comparison on these short strings.
#[inline]
fn is_space(c: char) -> bool {
    c == ' '
}

/// The words of `s` (maximal runs of alphanumeric characters), upper-cased, sorted
/// (byte order) and joined by single spaces into `out`; `spans` and `tmp` are scratch.
pub(crate) fn sorted_words(
    s: &str,
    out: &mut String,
    spans: &mut Vec<(usize, usize)>,
    tmp: &mut String,
) {
    out.clear();
    if s.is_ascii() {
        for w in s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_uppercase())));
        }
    } else {
        for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            for c in w.chars() {
                out.extend(c.to_uppercase());
            }
        }
    }
    spans.clear();
    let mut start = 0;
    for w in out.split(is_space) {
        spans.push((start, start + w.len()));
        start += w.len() + 1;
    }
    let word = |&(a, b): &(usize, usize)| out.get(a..b).unwrap_or("");
    if spans.windows(2).all(|w| match w {
        [x, y] => word(x) <= word(y),
        _ => true,
    }) {
        return;
    }
    spans.sort_unstable_by(|x, y| word(x).cmp(word(y)));
    tmp.clear();
    for w in spans.iter() {
        if !tmp.is_empty() {
            tmp.push(' ');
        }
        tmp.push_str(word(w));
    }
    std::mem::swap(out, tmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(a: &str, b: &str, lev: usize, osa_d: usize) {
        assert_eq!(levenshtein(a, b), lev, "lev {a:?} {b:?}");
        assert_eq!(osa(a, b), osa_d, "osa {a:?} {b:?}");
    }

    #[test]
    fn distances() {
        check("", "", 0, 0);
        check("", "abc", 3, 3);
        check("kitten", "sitting", 3, 3);
        check("MARITN", "MARTIN", 2, 1);
        check("Éloïse", "Eloise", 2, 2);
        check("ca", "abc", 3, 3);
        let long_a = "a".repeat(70) + "b";
        let long_b = "a".repeat(70) + "c";
        check(&long_a, &long_b, 1, 1);
    }

    #[test]
    fn dates() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(compare_dates(d("1980-03-04"), d("04/03/1980"), 0), DateAgreement::Equal);
        assert_eq!(compare_dates(d("1980-03-04"), d("1981-03-04"), 0), DateAgreement::OffByOneYear);
        assert_eq!(compare_dates(d("1980-03-04"), d("1980-03-20"), 30), DateAgreement::WithinDays);
        assert_eq!(compare_dates(d("1980-03-04"), d("1990-03-20"), 30), DateAgreement::Different);
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(parse_date("é"), None);
    }

    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-cé ]{0,12}|[a-zA-Z0-9 ]{0,80}|.{0,10}").unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn prop_equal_to_strsim(a in word(), b in word()) {
            prop_assert_eq!(levenshtein(&a, &b), strsim::levenshtein(&a, &b));
            prop_assert_eq!(osa(&a, &b), strsim::osa_distance(&a, &b));
            prop_assert_eq!(Scratch::new().within_one_edit(&a, &b), strsim::osa_distance(&a, &b) <= 1);
            prop_assert!((levenshtein_similarity(&a, &b) - strsim::normalized_levenshtein(&a, &b)).abs() < 1e-12);
            prop_assert!((jaro(&a, &b) - strsim::jaro(&a, &b)).abs() < 1e-12, "jaro {} {}", jaro(&a, &b), strsim::jaro(&a, &b));
            prop_assert!((jaro_winkler(&a, &b) - strsim::jaro_winkler(&a, &b)).abs() < 1e-12);
        }

        #[test]
        fn prop_similarities_bounded_symmetric(a in word(), b in word()) {
            type Sim = fn(&str, &str) -> f64;
            let sims: [Sim; 7] = [levenshtein_similarity, osa_similarity, jaro, jaro_winkler,
                jaccard_words, token_sort_ratio, token_set_ratio];
            for f in sims {
                let x = f(&a, &b);
                prop_assert!((0.0..=1.0).contains(&x));
                prop_assert!((x - f(&b, &a)).abs() < 1e-12);
                prop_assert_eq!(f(&a, &a), 1.0);
            }
            let q = jaccard_qgrams(&a, &b, 2);
            prop_assert!((0.0..=1.0).contains(&q));
            prop_assert_eq!(jaccard_qgrams(&a, &a, 3), 1.0);
        }

        #[test]
        fn prop_levenshtein_triangle(a in word(), b in word(), c in word()) {
            prop_assert!(levenshtein(&a, &c) <= levenshtein(&a, &b) + levenshtein(&b, &c));
        }

        #[test]
        fn prop_parse_date_never_panics(s in ".{0,12}") {
            let _ = parse_date(&s);
        }
    }
}
