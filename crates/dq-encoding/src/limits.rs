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
        RecordGuard {
            special,
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

    /// Follows the csv state machine over `buf`, compacting it in place when a `\r` is
    /// dropped; returns the length to hand out.
    fn scan(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let lf_only = self.terminator == LineTerminator::Lf;
        let mut w = 0;
        let mut i = 0;
        while let Some(&c) = buf.get(i) {
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
