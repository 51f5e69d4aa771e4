//! Bounded records: the reader between the transcoder and the csv reader that stops a
//! record growing past the limits, and reads LF files as LF files.
//!
//! The csv reader grows its record buffer as long as a record lasts: a 32 MiB line of
//! 16.7 million `a;` fields becomes a record of 16.7 million fields, and every command
//! that keeps something per column multiplies that. [`RecordGuard`] follows the csv
//! reader's own state machine (quotes open a field only at its start, doubled quotes,
//! blank lines skipped) one buffer ahead of it, counts the fields of the current record
//! and the bytes of its current field and of the whole record, and fails with an error
//! naming the line as soon as one goes past its limit. Memory stays within about
//! `max_record_bytes + 8 × max_fields` bytes for the record, whatever the input.
//!
//! In a file whose lines end in LF, only `\n` ends a record: a `\r` alone inside an
//! unquoted field stays in the field (and is counted, see
//! [`RecordGuard::stray_carriage_returns`]), and a `\r` just before a `\n` is dropped.

use std::io::{self, Read};

use crate::error::{Error, Limit, Position};
use crate::sniff::LineTerminator;

/// The default of [`crate::CsvOptions::max_fields`]: 16,384 fields per record, the
/// widest sheet that Excel and LibreOffice Calc open.
pub const DEFAULT_MAX_FIELDS: usize = 16_384;
/// The default of [`crate::CsvOptions::max_field_bytes`]: 16 MiB per field (Excel keeps
/// 32,767 characters per cell; a GeoJSON geometry may take a few MiB).
pub const DEFAULT_MAX_FIELD_BYTES: usize = 16 << 20;
/// The default of [`crate::CsvOptions::max_record_bytes`]: 64 MiB per record.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;

/// The limits a [`RecordGuard`] enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_fields: u64,
    pub(crate) max_field_bytes: u64,
    pub(crate) max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_fields: DEFAULT_MAX_FIELDS as u64,
            max_field_bytes: DEFAULT_MAX_FIELD_BYTES as u64,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES as u64,
        }
    }
}

/// Where the csv reader's state machine is, as the guard follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records: line terminators here are blank lines.
    StartRecord,
    /// At the start of a field.
    StartField,
    /// Inside an unquoted field.
    InField,
    /// Inside a quoted field.
    InQuoted,
    /// Just after a quote inside a quoted field: a closing quote, or half of a doubled one.
    QuoteInQuoted,
}

/// A search for the first quote, CR or LF: `memchr3`, which looks at 16 or 32 bytes at a
/// time where the processor allows.
#[derive(Debug, Clone, Copy)]
struct Stops {
    quote: u8,
}

impl Stops {
    fn new(quote: u8) -> Stops {
        Stops { quote }
    }

    /// The index of the first quote, CR or LF in `buf` from `from` on, or `buf.len()`.
    fn find(self, buf: &[u8], from: usize) -> usize {
        let rest = buf.get(from..).unwrap_or(&[]);
        from + memchr::memchr3(self.quote, b'\n', b'\r', rest).unwrap_or(rest.len())
    }
}

/// The reader below the csv reader of a [`crate::CsvSource`]: passes the UTF-8 text
/// through, fails with [`crate::ErrorKind::LimitExceeded`] when a record goes past the
/// limits of [`crate::CsvOptions`], and in a file whose lines end in LF drops the `\r`
/// of a `\r\n` and keeps a lone `\r` inside its field.
#[derive(Debug)]
pub struct RecordGuard<R> {
    inner: R,
    delimiter: u8,
    quote: Option<u8>,
    terminator: LineTerminator,
    limits: Limits,
    state: State,
    /// Offset in the text handed to the csv reader of the next byte.
    offset: u64,
    fields: u64,
    field_start: u64,
    record_start: u64,
    /// The 1-based physical line of the next byte, and of the record being read.
    line: u64,
    record_line: u64,
    /// A `\r` held back at the end of a buffer until the next byte tells what it is.
    pending_cr: bool,
    stray_cr: u64,
    first_stray_cr: Option<u64>,
    /// The bytes that can change the state inside a field: delimiter, quote, CR, LF.
    special: [bool; 256],
    /// The delimiter, quote, CR and LF are four different bytes, so that
    /// [`RecordGuard::scan_plain`] may follow the unquoted states.
    plain: bool,
    /// Scanned text not yet handed out: `buf[pos..end]`.
    buf: Vec<u8>,
    pos: usize,
    end: usize,
}

/// The size of the guard's buffer.
const BUF_SIZE: usize = 64 * 1024;

impl<R: Read> RecordGuard<R> {
    /// A guard over `inner`, whose first line is physical line `first_line` (1-based).
    pub(crate) fn new(
        inner: R,
        dialect: &crate::sniff::Dialect,
        limits: Limits,
        first_line: u64,
    ) -> RecordGuard<R> {
        let mut special = [false; 256];
        for b in
            [Some(dialect.delimiter), dialect.quote, Some(b'\r'), Some(b'\n')].into_iter().flatten()
        {
            if let Some(slot) = special.get_mut(usize::from(b)) {
                *slot = true;
            }
        }
        let quote_apart =
            !matches!(dialect.quote, Some(q) if q == dialect.delimiter || q == b'\r' || q == b'\n');
        let plain = dialect.delimiter != b'\r' && dialect.delimiter != b'\n' && quote_apart;
        RecordGuard {
            special,
            plain,
            inner,
            delimiter: dialect.delimiter,
            quote: dialect.quote,
            terminator: dialect.line_terminator,
            limits,
            state: State::StartRecord,
            offset: 0,
            fields: 0,
            field_start: 0,
            record_start: 0,
            line: first_line,
            record_line: first_line,
            pending_cr: false,
            stray_cr: 0,
            first_stray_cr: None,
            buf: Vec::new(),
            pos: 0,
            end: 0,
        }
    }

    /// The reader below.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// How many lone `\r` were kept inside unquoted fields of a file whose lines end in LF
    /// so far, and the 1-based line of the first one.
    pub fn stray_carriage_returns(&self) -> (u64, Option<u64>) {
        (self.stray_cr, self.first_stray_cr)
    }

    fn is_special(&self, c: u8) -> bool {
        self.special.get(usize::from(c)).copied().unwrap_or(true)
    }

    fn is_terminator(&self, c: u8) -> bool {
        match self.terminator {
            LineTerminator::Lf => c == b'\n',
            LineTerminator::Cr => c == b'\r',
            LineTerminator::CrLf => c == b'\n' || c == b'\r',
        }
    }

    fn fail(&self, limit: Limit, max: u64, at: u64) -> io::Error {
        let pos = Position { byte: at, line: self.record_line, column: 0 };
        Error::over_limit(pos, limit, max).into_io()
    }

    /// Ends the current field at `at` (the offset of its delimiter or terminator).
    fn end_field(&self, at: u64) -> io::Result<()> {
        if at.saturating_sub(self.field_start) > self.limits.max_field_bytes {
            return Err(self.fail(Limit::FieldBytes, self.limits.max_field_bytes, at));
        }
        Ok(())
    }

    /// Checks the open field and record at the end of a buffer.
    fn check_open(&self, at: u64) -> io::Result<()> {
        if self.state == State::StartRecord {
            return Ok(());
        }
        self.end_field(at)?;
        if at.saturating_sub(self.record_start) > self.limits.max_record_bytes {
            return Err(self.fail(Limit::RecordBytes, self.limits.max_record_bytes, at));
        }
        Ok(())
    }

    /// The common case, fast: outside quotes, with nothing dropped from `buf` so far.
    /// Follows the same transitions as [`RecordGuard::scan`] from `buf[i]` on and stops
    /// at the end of `buf` or at the first byte it leaves to the general loop (a quote
    /// that opens a field, a `\r` in a file whose lines end in LF); returns where it
    /// stopped.
    fn scan_plain(&mut self, buf: &[u8], start: usize) -> io::Result<usize> {
        let special = self.special;
        let is_special = |b: u8| special.get(usize::from(b)).copied().unwrap_or(true);
        let (delimiter, quote, terminator) = (self.delimiter, self.quote, self.terminator);
        let max_field = self.limits.max_field_bytes;
        let max_record = self.limits.max_record_bytes;
        let mut state = self.state;
        let mut fields = self.fields;
        let mut field_start = self.field_start;
        let mut record_start = self.record_start;
        let mut record_line = self.record_line;
        let mut line = self.line;
        let mut over = None;
        let mut i = start;
        // A whole line without quote or CR, too short to break a limit, is a record that
        // needs no state: it is skipped in one search.
        let short = self
            .limits
            .max_field_bytes
            .min(self.limits.max_record_bytes)
            .min(self.limits.max_fields.saturating_sub(1));
        let stops = Stops::new(quote.unwrap_or(b'\n'));
        while let Some(&c) = buf.get(i) {
            let at = self.offset + i as u64;
            if state == State::StartRecord && terminator != LineTerminator::Cr {
                let end = stops.find(buf, i);
                let len = (end - i) as u64;
                let stop = buf.get(end).copied();
                let ends = match stop {
                    Some(b'\n') => true,
                    Some(b'\r') => terminator == LineTerminator::CrLf,
                    _ => false,
                };
                if len > 0 && len <= short && ends {
                    record_line = line;
                    if stop == Some(b'\n') {
                        line += 1;
                    }
                    i = end + 1;
                    continue;
                }
            }
            let term = match terminator {
                LineTerminator::Lf => c == b'\n',
                LineTerminator::Cr => c == b'\r',
                LineTerminator::CrLf => c == b'\n' || c == b'\r',
            };
            if c == b'\r' && terminator == LineTerminator::Lf {
                break;
            }
            if term {
                if c == b'\n' || terminator == LineTerminator::Cr {
                    line += 1;
                }
                if state != State::StartRecord {
                    if at.saturating_sub(field_start) > max_field {
                        over = Some((Limit::FieldBytes, max_field, at));
                        break;
                    }
                    if at.saturating_sub(record_start) > max_record {
                        over = Some((Limit::RecordBytes, max_record, at));
                        break;
                    }
                    state = State::StartRecord;
                }
                i += 1;
                continue;
            }
            if c == b'\n' {
                line += 1;
            }
            let delim = c == delimiter;
            if !delim && Some(c) == quote && state != State::InField {
                break;
            }
            if state == State::StartRecord {
                state = State::StartField;
                fields = 1;
                record_start = at;
                field_start = at;
                record_line = line;
            }
            if delim {
                if at.saturating_sub(field_start) > max_field {
                    over = Some((Limit::FieldBytes, max_field, at));
                    break;
                }
                fields += 1;
                if fields > self.limits.max_fields {
                    over = Some((Limit::Fields, self.limits.max_fields, at));
                    break;
                }
                field_start = at + 1;
                state = State::StartField;
                i += 1;
                continue;
            }
            // Any other byte, the quote inside an unquoted field included, goes on with
            // the field; the bytes after it that change nothing go with it.
            state = State::InField;
            i += 1;
            while buf.get(i).is_some_and(|&b| !is_special(b)) {
                i += 1;
            }
        }
        self.state = state;
        self.fields = fields;
        self.field_start = field_start;
        self.record_start = record_start;
        self.record_line = record_line;
        self.line = line;
        match over {
            Some((limit, max, at)) => Err(self.fail(limit, max, at)),
            None => Ok(i),
        }
    }

    /// Follows the csv state machine over `buf`, compacting it in place when a `\r` is
    /// dropped; returns the length to hand out.
    fn scan(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let lf_only = self.terminator == LineTerminator::Lf;
        let mut w = 0;
        let mut i = 0;
        while let Some(&c) = buf.get(i) {
            if w == i && self.plain && !matches!(self.state, State::InQuoted | State::QuoteInQuoted)
            {
                let j = self.scan_plain(buf, i)?;
                if j != i {
                    w = j;
                    i = j;
                    continue;
                }
            }
            // Inside a field, bytes other than the special ones change nothing: skip them
            // (when nothing was dropped before them, they stay where they are).
            if w == i
                && matches!(self.state, State::InField | State::InQuoted | State::StartField)
                && !self.is_special(c)
            {
                if self.state == State::StartField {
                    self.state = State::InField;
                }
                let run = buf
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&b| self.is_special(b)))
                    .unwrap_or(buf.len() - i);
                i += run;
                w += run;
                continue;
            }
            let at = self.offset + w as u64;
            if c == b'\n' || (c == b'\r' && self.terminator == LineTerminator::Cr) {
                self.line += 1;
            }
            if lf_only && c == b'\r' && self.state != State::InQuoted {
                match buf.get(i + 1) {
                    Some(b'\n') => {
                        // The `\r` of a `\r\n`: dropped, the `\n` ends the record.
                        i += 1;
                        continue;
                    }
                    None => {
                        // Decided with the next buffer.
                        self.pending_cr = true;
                        break;
                    }
                    Some(_) => {
                        self.stray_cr += 1;
                        self.first_stray_cr.get_or_insert(self.line);
                    }
                }
            }
            let quote = Some(c) == self.quote;
            let term = self.is_terminator(c) && !(lf_only && c == b'\r');
            let delim = c == self.delimiter;
            if self.state == State::StartRecord && !term {
                self.state = State::StartField;
                self.fields = 1;
                self.record_start = at;
                self.field_start = at;
                self.record_line = self.line;
            }
            match self.state {
                State::StartRecord => {}
                State::InQuoted => {
                    if quote {
                        self.state = State::QuoteInQuoted;
                    }
                }
                State::StartField | State::InField | State::QuoteInQuoted => {
                    if delim {
                        self.end_field(at)?;
                        self.fields += 1;
                        if self.fields > self.limits.max_fields {
                            return Err(self.fail(Limit::Fields, self.limits.max_fields, at));
                        }
                        self.field_start = at + 1;
                        self.state = State::StartField;
                    } else if term {
                        self.check_open(at)?;
                        self.state = State::StartRecord;
                    } else if quote {
                        self.state = match self.state {
                            State::StartField | State::QuoteInQuoted => State::InQuoted,
                            _ => State::InField,
                        };
                    } else {
                        self.state = State::InField;
                    }
                }
            }
            if w != i {
                if let Some(slot) = buf.get_mut(w) {
                    *slot = c;
                }
            }
            w += 1;
            i += 1;
        }
        self.offset += w as u64;
        self.check_open(self.offset)?;
        Ok(w)
    }
}

impl<R: Read> Read for RecordGuard<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        while self.pos >= self.end {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let avail = self.buf.get(self.pos..self.end).unwrap_or(&[]);
        let n = avail.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), avail.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}

impl<R: Read> RecordGuard<R> {
    /// Reads and scans the next chunk into the internal buffer; `false` at the end.
    fn refill(&mut self) -> io::Result<bool> {
        let start = usize::from(self.pending_cr);
        if self.buf.len() < BUF_SIZE {
            self.buf.resize(BUF_SIZE, 0);
        }
        if self.pending_cr {
            if let Some(first) = self.buf.get_mut(0) {
                *first = b'\r';
            }
        }
        let n = loop {
            let Some(rest) = self.buf.get_mut(start..) else { return Ok(false) };
            match self.inner.read(rest) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.pos = 0;
        if n == 0 && self.pending_cr {
            // A `\r` alone at the very end of the input: kept, like any stray one.
            self.pending_cr = false;
            self.stray_cr += 1;
            self.first_stray_cr.get_or_insert(self.line);
            self.offset += 1;
            self.end = 1;
            return Ok(true);
        }
        if n == 0 {
            self.end = 0;
            return Ok(false);
        }
        self.pending_cr = false;
        let mut chunk = std::mem::take(&mut self.buf);
        let scanned = match chunk.get_mut(..start + n) {
            Some(c) => self.scan(c),
            None => Ok(0),
        };
        self.buf = chunk;
        self.end = scanned?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sniff::Dialect;
    use proptest::prelude::*;

    /// Everything a guard hands out and knows at the end: the text, or the error's kind
    /// and message, and the stray carriage returns.
    fn run(input: &[u8], dialect: &Dialect, limits: Limits, plain: bool, read: usize) -> String {
        let mut guard = RecordGuard::new(input, dialect, limits, 1);
        guard.plain &= plain;
        let mut out = Vec::new();
        let mut chunk = vec![0; read];
        let result = loop {
            match guard.read(&mut chunk) {
                Ok(0) => break Ok(()),
                Ok(n) => out.extend_from_slice(chunk.get(..n).unwrap_or(&[])),
                Err(e) => break Err(e.to_string()),
            }
        };
        // (The field count of a record that has ended is not kept.)
        format!(
            "{:?} {:?} {:?} line {}",
            String::from_utf8_lossy(&out),
            result,
            guard.stray_carriage_returns(),
            guard.line,
        )
    }

    fn dialect(delimiter: u8, quote: Option<u8>, terminator: LineTerminator) -> Dialect {
        Dialect { delimiter, quote, line_terminator: terminator, ..Dialect::default() }
    }

    proptest! {
        /// The fast path for unquoted text follows exactly the general state machine:
        /// same text out, same errors, same lines, whatever the bytes and the limits.
        #[test]
        fn the_fast_path_follows_the_state_machine(
            input in proptest::collection::vec(
                prop_oneof![
                    Just(b';'), Just(b','), Just(b'"'), Just(b'\r'), Just(b'\n'),
                    Just(b'a'), Just(b'b'), Just(b' '), Just(b'a'), Just(b'b'), Just(b'a')
                ],
                0..300,
            ),
            delimiter in prop_oneof![Just(b';'), Just(b',')],
            quote in prop_oneof![Just(None), Just(Some(b'"'))],
            terminator in prop_oneof![
                Just(LineTerminator::Lf), Just(LineTerminator::CrLf), Just(LineTerminator::Cr)
            ],
            max_fields in 1u64..8,
            max_field_bytes in 1u64..12,
            max_record_bytes in 1u64..40,
        ) {
            let d = dialect(delimiter, quote, terminator);
            let limits = Limits { max_fields, max_field_bytes, max_record_bytes };
            let general = run(&input, &d, limits, false, 4096);
            prop_assert_eq!(run(&input, &d, limits, true, 4096), general.clone());
            // Small reads: the guard's own buffer is still filled by whole chunks.
            prop_assert_eq!(run(&input, &d, limits, true, 3), general);
        }
    }

    proptest! {
        /// Long lines under the default limits: the line search goes eight bytes at a time.
        #[test]
        fn long_lines_read_alike(
            lines in proptest::collection::vec("[a-z;,\"\r é]{0,40}", 0..12),
            crlf in any::<bool>(),
            quote in prop_oneof![Just(None), Just(Some(b'"'))],
        ) {
            let (eol, terminator) =
                if crlf { ("\r\n", LineTerminator::CrLf) } else { ("\n", LineTerminator::Lf) };
            let text = lines.join(eol);
            let d = dialect(b';', quote, terminator);
            let general = run(text.as_bytes(), &d, Limits::default(), false, 4096);
            prop_assert_eq!(run(text.as_bytes(), &d, Limits::default(), true, 4096), general);
        }

        /// The search finds what a byte-by-byte one finds.
        #[test]
        fn stops_are_found_like_one_by_one(
            buf in proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b'\r'), Just(b'\n'), Just(b'\''), any::<u8>()],
                0..100,
            ),
            from in 0usize..110,
            quote in prop_oneof![Just(b'"'), Just(b'\'')],
        ) {
            let naive = buf
                .iter()
                .enumerate()
                .skip(from)
                .find(|&(_, &b)| b == quote || b == b'\r' || b == b'\n')
                .map_or(buf.len().max(from), |(i, _)| i);
            prop_assert_eq!(Stops::new(quote).find(&buf, from), naive);
        }
    }

    #[test]
    fn the_fast_path_counts_fields_and_lines_like_the_general_one() {
        let d = dialect(b';', Some(b'"'), LineTerminator::Lf);
        let text = b"a;b;c\n1;2;3\r\n\n4;\"x;y\";5\n6;7\r8;9\n";
        let fast = run(text, &d, Limits::default(), true, 4096);
        assert_eq!(fast, run(text, &d, Limits::default(), false, 4096));
        assert!(fast.contains("(1, Some(5))"), "{fast}");
        let tight = Limits { max_fields: 2, ..Limits::default() };
        let over = run(text, &d, tight, true, 4096);
        assert!(over.contains("Err"), "{over}");
        assert_eq!(over, run(text, &d, tight, false, 4096));
    }
}
