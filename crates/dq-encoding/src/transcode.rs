//! Exact, push-style transcoding to UTF-8: the [`Transcoder`] core.

use encoding_rs::DecoderResult;

use crate::binary;
use crate::bytecount;
use crate::charset::Encoding;
use crate::detect::{self, Detection};
use crate::error::{BinaryKind, Error, Position};

/// What to do with bytes that are invalid in the encoding (and with NUL bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ErrorMode {
    /// Fail with a typed error giving the byte offset, line, column and offending bytes.
    #[default]
    Strict,
    /// Replace each invalid sequence (and each NUL byte) by U+FFFD and count it: see
    /// [`Transcoder::replacements`].
    Lossy,
}

/// Whether line endings are rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum LineEndings {
    /// Keep `\r\n`, `\r` and `\n` as they are.
    #[default]
    Keep,
    /// Rewrite `\r\n` and a lone `\r` to `\n`.
    Lf,
}

/// What one call to [`Transcoder::feed`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Progress {
    /// Bytes of `src` consumed: always all of them (incomplete sequences and the bytes a
    /// pending decision waits on are kept inside the transcoder).
    pub read: usize,
    /// Bytes of UTF-8 appended to `dst`.
    pub written: usize,
    /// Replacements made by this call ([`ErrorMode::Lossy`] only).
    pub replacements: u64,
}

/// How many bytes after the first non-ASCII byte a provisional decision waits for.
const DECISION_WINDOW: usize = 4096;
/// How many ASCII bytes before the first non-ASCII byte the decision looks at.
const ASCII_CONTEXT: usize = 64;

/// What [`Transcoder::pass_through`] did with a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PassThrough {
    /// Bytes of text at the start of the buffer.
    pub text: usize,
    /// Bytes of input consumed; the rest starts a character cut by the buffer's end.
    pub read: usize,
}

/// The length of the trailing bytes of `bytes` that start a UTF-8 character without
/// finishing it (0 to 3): what a decoder would hold back waiting for more input.
pub(crate) fn incomplete_tail(bytes: &[u8]) -> usize {
    // The start of the last character is one of the last 4 bytes, unless it is invalid.
    let from = bytes.len().saturating_sub(4);
    let tail = bytes.get(from..).unwrap_or_default();
    let Some(lead) = tail.iter().rposition(|&b| (b & 0xC0) != 0x80) else { return 0 };
    let rest = tail.get(lead..).unwrap_or_default();
    match std::str::from_utf8(rest) {
        Err(e) if e.error_len().is_none() => rest.len() - e.valid_up_to(),
        _ => 0,
    }
}

enum Decoder {
    Rs(encoding_rs::Decoder),
    /// True ISO-8859-1 and IBM850: a table of the 128 high characters.
    Table(Box<[char; 128]>),
    /// A placeholder while the decoder is borrowed out.
    Empty,
}

/// How many bytes at the start of the input decide whether it is a binary file (the
/// longest look of [`binary::magic`]).
const MAGIC_WINDOW: usize = 512;

/// Decodes bytes of a known (or provisionally detected) encoding to UTF-8, chunk by
/// chunk, exactly: never a silent U+FFFD.
///
/// Push-style, like `encoding_rs::Decoder` and chardetng's `feed`: the caller owns the
/// buffers and calls [`Transcoder::feed`] with each chunk, `last` set on the final one.
/// The BOM of the encoding is removed. When built [`Transcoder::from_detection`] with a
/// provisional detection (ASCII so far), the first non-ASCII byte re-decides the
/// encoding from the next 4 KiB: the ASCII already written is the same in every
/// candidate, so nothing decoded so far changes. Once decided, a byte that is invalid
/// fails with [`crate::ErrorKind::InvalidBytes`] (or is replaced and counted in
/// [`ErrorMode::Lossy`]). A binary magic number at the start, or a NUL byte in an
/// ASCII-compatible encoding, fails with [`crate::ErrorKind::Binary`].
///
/// # Example
///
/// ```
/// use dq_encoding::{detect_sample, Transcoder};
///
/// // ASCII for a while, then one windows-1252 "é": the decision is changed, not a U+FFFD.
/// let head = b"code;commune\n75056;Paris\n";
/// let mut t = Transcoder::from_detection(&detect_sample(head));
/// let mut out = String::new();
/// t.feed(head, &mut out, false)?;
/// t.feed(b"42218;Saint-\xc9tienne\n", &mut out, true)?;
/// assert_eq!(out, "code;commune\n75056;Paris\n42218;Saint-Étienne\n");
/// assert_eq!(t.encoding().name(), "windows-1252");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Transcoder {
    encoding: Encoding,
    decoder: Decoder,
    provisional: bool,
    pending: Vec<u8>,
    ascii_tail: Vec<u8>,
    errors: ErrorMode,
    line_endings: LineEndings,
    allow_nul: bool,
    after_cr: bool,
    started: bool,
    /// A copy of the first bytes while fewer than [`MAGIC_WINDOW`] have been seen, so
    /// that a magic number cut by the first chunk is still recognised.
    head: Vec<u8>,
    /// Input bytes consumed by the decoder so far.
    offset: u64,
    /// The last few input bytes, to report an invalid sequence spanning two chunks.
    recent: Vec<u8>,
    line: u64,
    column: u64,
    replacements: u64,
    redecided: Option<String>,
    finished: bool,
}

impl std::fmt::Debug for Transcoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transcoder")
            .field("encoding", &self.encoding)
            .field("provisional", &self.provisional)
            .field("errors", &self.errors)
            .field("line_endings", &self.line_endings)
            .field("offset", &self.offset)
            .field("replacements", &self.replacements)
            .finish_non_exhaustive()
    }
}

fn new_decoder(enc: Encoding, bom_removal: bool) -> Decoder {
    match enc.rs() {
        Some(rs) if bom_removal => Decoder::Rs(rs.new_decoder_with_bom_removal()),
        Some(rs) => Decoder::Rs(rs.new_decoder_without_bom_handling()),
        None => {
            let mut t = ['\u{FFFD}'; 128];
            for (i, slot) in t.iter_mut().enumerate() {
                *slot = enc.decode_byte(0x80u8.wrapping_add(i as u8)).unwrap_or('\u{FFFD}');
            }
            Decoder::Table(Box::new(t))
        }
    }
}

impl Transcoder {
    /// A strict transcoder for a known encoding (its BOM, if any, is removed).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut t = Transcoder::new(Encoding::IBM850);
    /// let mut out = String::new();
    /// t.feed(b"Cr\x82teil", &mut out, true)?;
    /// assert_eq!(out, "Créteil");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(encoding: Encoding) -> Transcoder {
        Transcoder {
            encoding,
            decoder: new_decoder(encoding, true),
            provisional: false,
            pending: Vec::new(),
            ascii_tail: Vec::new(),
            errors: ErrorMode::Strict,
            line_endings: LineEndings::Keep,
            allow_nul: false,
            after_cr: false,
            started: false,
            head: Vec::new(),
            offset: 0,
            recent: Vec::with_capacity(8),
            line: 1,
            column: 1,
            replacements: 0,
            redecided: None,
            finished: false,
        }
    }

    /// A transcoder for what [`crate::detect()`] found; when the detection is provisional
    /// (ASCII only), the first non-ASCII byte may still change the encoding.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{detect, Transcoder};
    /// let d = detect(b"ville\nParis\n");
    /// let mut t = Transcoder::from_detection(&d);
    /// let mut out = String::new();
    /// t.feed(b"ville\nParis\nS\xe8te\n", &mut out, true)?;
    /// assert_eq!(out, "ville\nParis\nSète\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_detection(detection: &Detection) -> Transcoder {
        let mut t = Transcoder::new(detection.encoding);
        t.provisional = detection.provisional && detection.encoding.is_ascii_compatible();
        t
    }

    /// Sets what happens to invalid bytes. Default: [`ErrorMode::Strict`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, ErrorMode, Transcoder};
    /// let mut t = Transcoder::new(Encoding::UTF_8);
    /// t.errors(ErrorMode::Lossy);
    /// let mut out = String::new();
    /// t.feed(b"Cr\xe9teil", &mut out, true)?;
    /// assert_eq!((out.as_str(), t.replacements()), ("Cr\u{FFFD}teil", 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn errors(&mut self, mode: ErrorMode) -> &mut Transcoder {
        self.errors = mode;
        self
    }

    /// Sets whether line endings are rewritten to `\n`. Default: [`LineEndings::Keep`].
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, LineEndings, Transcoder};
    /// let mut t = Transcoder::new(Encoding::WINDOWS_1252);
    /// t.line_endings(LineEndings::Lf);
    /// let mut out = String::new();
    /// t.feed(b"a\r\nb\r", &mut out, false)?;
    /// t.feed(b"\nc\rd", &mut out, true)?;
    /// assert_eq!(out, "a\nb\nc\nd");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_endings(&mut self, mode: LineEndings) -> &mut Transcoder {
        self.line_endings = mode;
        self
    }

    /// Accepts NUL bytes as text (U+0000) instead of failing with a binary error.
    /// Default: `false`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut out = String::new();
    /// assert!(Transcoder::new(Encoding::UTF_8).feed(b"a\0b", &mut out, true).is_err());
    /// let mut t = Transcoder::new(Encoding::UTF_8);
    /// t.allow_nul(true);
    /// out.clear();
    /// t.feed(b"a\0b", &mut out, true)?;
    /// assert_eq!(out, "a\0b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allow_nul(&mut self, yes: bool) -> &mut Transcoder {
        self.allow_nul = yes;
        self
    }

    /// The encoding being decoded (it may change once after a provisional detection).
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Whether the encoding is still provisional (no non-ASCII byte seen yet).
    pub fn is_provisional(&self) -> bool {
        self.provisional
    }

    /// When a provisional decision was changed, why: the offset of the first non-ASCII
    /// byte and the new encoding's evidence.
    pub fn redecision(&self) -> Option<&str> {
        self.redecided.as_deref()
    }

    /// The number of replacements made so far ([`ErrorMode::Lossy`]).
    pub fn replacements(&self) -> u64 {
        self.replacements
    }

    /// The position reached: input bytes consumed, and line and column of the output.
    pub fn position(&self) -> Position {
        Position { byte: self.offset, line: self.line, column: self.column }
    }

    /// Decodes `src` and appends the UTF-8 text to `dst`; `last` marks the final chunk.
    ///
    /// All of `src` is consumed (see [`Progress::read`]); `dst` grows as needed, so
    /// bound memory by bounding the chunks.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidBytes`] (strict mode) with the byte offset, line,
    /// column, offending bytes and encoding; [`crate::ErrorKind::Binary`] when the input
    /// starts with a binary magic number or holds a NUL byte (ASCII-compatible
    /// encodings). Text decoded before the error has been appended to `dst`.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::{Encoding, Transcoder};
    /// let mut t = Transcoder::new(Encoding::UTF_16LE);
    /// let mut out = String::new();
    /// t.feed(b"\xff\xfe\xe9", &mut out, false)?; // BOM, then half of "é"
    /// t.feed(b"\x00t\x00", &mut out, true)?;
    /// assert_eq!(out, "ét");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn feed(
        &mut self,
        src: &[u8],
        dst: &mut String,
        last: bool,
    ) -> Result<crate::Progress, Error> {
        let start = dst.len();
        let before = self.replacements;
        let r = self.feed_inner(src, dst, last);
        let written = dst.len().saturating_sub(start);
        r.map(|()| Progress { read: src.len(), written, replacements: self.replacements - before })
    }

    fn feed_inner(&mut self, src: &[u8], dst: &mut String, last: bool) -> Result<(), Error> {
        if !self.started {
            self.started = true;
            if let Some(kind) = binary::magic(src) {
                return Err(Error::binary(kind, Some(self.position())));
            }
            if src.len() < MAGIC_WINDOW && !last {
                self.head.extend_from_slice(src);
            }
        } else if !self.head.is_empty() {
            // The first chunk was shorter than a magic number's look: check again on the
            // first bytes so far, so that the answer does not depend on the chunking.
            let more = src.get(..MAGIC_WINDOW.saturating_sub(self.head.len())).unwrap_or(src);
            self.head.extend_from_slice(more);
            if let Some(kind) = binary::magic(&self.head) {
                self.head = Vec::new();
                // The magic number is at the start of the input.
                let start = Position { byte: 0, line: 1, column: 1 };
                return Err(Error::binary(kind, Some(start)));
            }
            if self.head.len() >= MAGIC_WINDOW || last {
                self.head = Vec::new();
            }
        }
        self.feed_started(src, dst, last)
    }

    fn feed_started(&mut self, src: &[u8], dst: &mut String, last: bool) -> Result<(), Error> {
        if self.provisional {
            let ascii = if self.pending.is_empty() {
                src.iter().position(|b| !b.is_ascii()).unwrap_or(src.len())
            } else {
                0
            };
            let (head, rest) = src.split_at(ascii);
            let head_last = last && rest.is_empty() && self.pending.is_empty();
            if !head.is_empty() || head_last {
                self.decode(head, dst, head_last)?;
                let keep = head.len().min(ASCII_CONTEXT);
                let tail_start = self.ascii_tail.len().saturating_sub(ASCII_CONTEXT - keep);
                self.ascii_tail.drain(..tail_start);
                self.ascii_tail
                    .extend_from_slice(head.get(head.len() - keep..).unwrap_or_default());
            }
            if rest.is_empty() && self.pending.is_empty() {
                return Ok(());
            }
            self.pending.extend_from_slice(rest);
            if self.pending.len() < DECISION_WINDOW && !last {
                return Ok(());
            }
            self.redecide(last);
            let pending = std::mem::take(&mut self.pending);
            return self.decode(&pending, dst, last);
        }
        self.decode(src, dst, last)
    }

    /// Whether [`Transcoder::pass_through`] may take over from [`Transcoder::feed`]:
    /// UTF-8 decided (not provisional), strict, the first bytes seen (binary check,
    /// BOM), and the decoder holding no partial character (the last bytes consumed end
    /// a character).
    pub(crate) fn can_pass_through(&self) -> bool {
        self.encoding == Encoding::UTF_8
            && !self.provisional
            && self.errors == ErrorMode::Strict
            && self.started
            && !self.finished
            && self.pending.is_empty()
            && incomplete_tail(&self.recent) == 0
    }

    /// The UTF-8 fast path: validates `buf` in place instead of copying it through a
    /// decoder, as [`Transcoder::feed`] would decode it (same text, same errors and
    /// positions, line endings rewritten in place on request).
    ///
    /// `buf` must continue the input at a character boundary (see
    /// [`Transcoder::can_pass_through`]). On success, `buf[..text]` is the output and
    /// `buf[read..]` the start of a character cut by the end of `buf` (at most 3 bytes,
    /// never when `last`), to be given again in front of the next bytes. On error, the
    /// text before the faulty byte is in `buf[..text]` of the error's first field.
    pub(crate) fn pass_through(
        &mut self,
        buf: &mut [u8],
        last: bool,
    ) -> Result<PassThrough, (usize, Error)> {
        self.finished = last;
        // encoding_rs's validator (the one its UTF-8 decoder uses, with an ASCII fast
        // path) is several times faster than `str::from_utf8` on French text; the
        // standard library then classifies the few bytes at the first error, with the
        // same rule (the maximal invalid subpart).
        let valid = encoding_rs::Encoding::utf8_valid_up_to(buf);
        let bad = (valid < buf.len()).then(|| {
            let at = buf.get(valid..buf.len().min(valid + 4)).unwrap_or_default();
            std::str::from_utf8(at).err().and_then(|e| e.error_len())
        });
        let text = buf.get(..valid).unwrap_or_default();
        // One pass counts the lines and looks for a NUL byte.
        let (newlines, nul) = if self.allow_nul {
            (bytecount::newlines(text), None)
        } else {
            match bytecount::newlines_and_nul(text) {
                (n, false) => (n, None),
                (_, true) => (0, text.iter().position(|&b| b == 0)),
            }
        };
        let consumed = nul.unwrap_or(valid);
        let text = buf.get(..consumed).unwrap_or_default();
        if nul.is_some() {
            self.account_bytes(text);
        } else {
            self.account_counted(text, newlines);
        }
        self.offset += consumed as u64;
        self.remember(text);
        let out = self.normalize_in_place(buf.get_mut(..consumed).unwrap_or_default());
        if nul.is_some() {
            return Err((out, Error::binary(BinaryKind::NulBytes, Some(self.position()))));
        }
        let faulty = match bad {
            None => None,
            Some(Some(n)) => Some(n),
            Some(None) if last => Some(buf.len() - valid),
            Some(None) => None,
        };
        if let Some(n) = faulty {
            let bytes = buf.get(valid..valid + n).unwrap_or_default();
            let err = Error::invalid(self.position(), self.encoding.name(), bytes);
            return Err((out, err));
        }
        Ok(PassThrough { text: out, read: valid })
    }

    /// Rewrites `\r\n` and a lone `\r` to `\n` in place ([`LineEndings::Lf`]);
    /// returns the new length.
    fn normalize_in_place(&mut self, buf: &mut [u8]) -> usize {
        let len = buf.len();
        if self.line_endings == LineEndings::Keep || len == 0 {
            return len;
        }
        let mut r = 0;
        if self.after_cr {
            self.after_cr = false;
            if buf.first() == Some(&b'\n') {
                r = 1;
            }
        }
        if r == 0 && !buf.contains(&b'\r') {
            return len;
        }
        let mut w = 0;
        while let Some(i) = buf.get(r..).and_then(|rest| rest.iter().position(|&b| b == b'\r')) {
            buf.copy_within(r..r + i, w);
            w += i;
            if let Some(slot) = buf.get_mut(w) {
                *slot = b'\n';
            }
            w += 1;
            r += i + 1;
            match buf.get(r) {
                Some(b'\n') => r += 1,
                Some(_) => {}
                None => self.after_cr = true,
            }
        }
        buf.copy_within(r..len, w);
        w + (len - r)
    }

    fn redecide(&mut self, last: bool) {
        let mut window = std::mem::take(&mut self.ascii_tail);
        window.extend_from_slice(&self.pending);
        let d = if detect::utf8_valid(&window, last) {
            detect::detect_sample(&window)
        } else {
            detect::score_single_byte(&window)
        };
        let enc =
            if d.encoding.is_ascii_compatible() { d.encoding } else { Encoding::WINDOWS_1252 };
        self.redecided = Some(format!(
            "ASCII until byte {}, then decided {}: {}",
            self.offset,
            enc.name(),
            d.evidence
        ));
        self.encoding = enc;
        self.decoder = new_decoder(enc, false);
        self.provisional = false;
    }

    /// Decodes with the current decoder, splitting at NUL bytes for the binary check.
    fn decode(&mut self, src: &[u8], dst: &mut String, last: bool) -> Result<(), Error> {
        // A vectorized scan: the common case of no NUL byte costs little.
        if self.encoding.is_ascii_compatible() && !self.allow_nul && bytecount::has_nul(src) {
            let mut rest = src;
            while let Some(i) = rest.iter().position(|&b| b == 0) {
                let (before, after) = rest.split_at(i);
                self.decode_part(before, dst, false)?;
                match self.errors {
                    ErrorMode::Strict => {
                        // A character cut by the NUL byte is the first error, as the UTF-8
                        // fast path reports it: the bytes in order decide.
                        let cut = if self.encoding == Encoding::UTF_8 {
                            incomplete_tail(&self.recent)
                        } else {
                            0
                        };
                        if cut > 0 {
                            let bytes =
                                self.recent.get(self.recent.len() - cut..).unwrap_or_default();
                            let at = Position {
                                byte: self.offset.saturating_sub(cut as u64),
                                line: self.line,
                                column: self.column,
                            };
                            return Err(Error::invalid(at, self.encoding.name(), bytes));
                        }
                        return Err(Error::binary(BinaryKind::NulBytes, Some(self.position())));
                    }
                    ErrorMode::Lossy => {
                        let at = dst.len();
                        dst.push('\u{FFFD}');
                        self.replacements += 1;
                        self.offset += 1;
                        self.account(dst, at);
                        rest = after.get(1..).unwrap_or_default();
                    }
                }
            }
            return self.decode_part(rest, dst, last);
        }
        self.decode_part(src, dst, last)
    }

    fn decode_part(&mut self, src: &[u8], dst: &mut String, last: bool) -> Result<(), Error> {
        let start = dst.len();
        if self.finished {
            // Fed again after the last chunk: start a fresh decoder rather than misuse it.
            self.decoder = new_decoder(self.encoding, false);
            self.finished = false;
        }
        self.finished = last;
        let mut decoder = std::mem::replace(&mut self.decoder, Decoder::Empty);
        let r = self.decode_with(&mut decoder, src, dst, last, start);
        self.decoder = decoder;
        r?;
        self.account(dst, start);
        self.after_cr_normalize(dst, start);
        Ok(())
    }

    fn decode_with(
        &mut self,
        decoder: &mut Decoder,
        src: &[u8],
        dst: &mut String,
        last: bool,
        start: usize,
    ) -> Result<(), Error> {
        match decoder {
            Decoder::Empty => {}
            Decoder::Table(table) => {
                let mut rest = src;
                while !rest.is_empty() {
                    let ascii = rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len());
                    let (a, tail) = rest.split_at(ascii);
                    dst.push_str(std::str::from_utf8(a).unwrap_or_default());
                    if let Some((&b, more)) = tail.split_first() {
                        dst.push(
                            table
                                .get(usize::from(b.wrapping_sub(0x80)))
                                .copied()
                                .unwrap_or('\u{FFFD}'),
                        );
                        rest = more;
                    } else {
                        rest = tail;
                    }
                }
                self.offset += src.len() as u64;
                self.remember(src);
            }
            Decoder::Rs(decoder) => {
                let mut rest = src;
                loop {
                    let need = decoder
                        .max_utf8_buffer_length_without_replacement(rest.len())
                        .unwrap_or(rest.len() * 3 + 16);
                    dst.reserve(need);
                    let (result, read) =
                        decoder.decode_to_string_without_replacement(rest, dst, last);
                    let consumed = rest.get(..read).unwrap_or_default();
                    self.offset += read as u64;
                    self.remember(consumed);
                    rest = rest.get(read..).unwrap_or_default();
                    match result {
                        DecoderResult::InputEmpty => break,
                        DecoderResult::OutputFull => continue,
                        DecoderResult::Malformed(bad, pending) => {
                            let bad = usize::from(bad);
                            let pending = usize::from(pending);
                            match self.errors {
                                ErrorMode::Strict => {
                                    let end = self.recent.len().saturating_sub(pending);
                                    let from = end.saturating_sub(bad);
                                    let bytes =
                                        self.recent.get(from..end).unwrap_or_default().to_vec();
                                    let byte = self.offset.saturating_sub((bad + pending) as u64);
                                    self.account(dst, start);
                                    self.after_cr_normalize(dst, start);
                                    let pos =
                                        Position { byte, line: self.line, column: self.column };
                                    return Err(Error::invalid(pos, self.encoding.name(), &bytes));
                                }
                                ErrorMode::Lossy => {
                                    dst.push('\u{FFFD}');
                                    self.replacements += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn remember(&mut self, consumed: &[u8]) {
        let keep = consumed.len().min(8);
        let drop = (self.recent.len() + keep).saturating_sub(8);
        self.recent.drain(..drop.min(self.recent.len()));
        self.recent.extend_from_slice(consumed.get(consumed.len() - keep..).unwrap_or_default());
    }

    /// Updates line and column over the text appended since `start`.
    fn account(&mut self, dst: &str, start: usize) {
        self.account_bytes(dst.as_bytes().get(start..).unwrap_or_default());
    }

    /// Updates line and column over `text` (UTF-8): a vectorized newline count, and a
    /// character count of the last line only.
    fn account_bytes(&mut self, text: &[u8]) {
        self.account_counted(text, bytecount::newlines(text));
    }

    /// [`Transcoder::account_bytes`] when the newlines of `text` are already counted.
    fn account_counted(&mut self, text: &[u8], newlines: usize) {
        let newlines = newlines as u64;
        if newlines > 0 {
            self.line += newlines;
            let after = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            self.column = 1 + bytecount::chars(text.get(after..).unwrap_or_default()) as u64;
        } else {
            self.column += bytecount::chars(text) as u64;
        }
    }

    fn after_cr_normalize(&mut self, dst: &mut String, start: usize) {
        if self.line_endings == LineEndings::Keep {
            return;
        }
        let Some(text) = dst.get(start..) else { return };
        if text.is_empty() || (!self.after_cr && !text.contains('\r')) {
            return;
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if self.after_cr {
                self.after_cr = false;
                if c == '\n' {
                    continue;
                }
            }
            if c == '\r' {
                out.push('\n');
                self.after_cr = true;
            } else {
                out.push(c);
            }
        }
        dst.truncate(start);
        dst.push_str(&out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn check(enc: Encoding, input: &[u8], expected: &str) {
        let mut t = Transcoder::new(enc);
        let mut out = String::new();
        t.feed(input, &mut out, true).unwrap();
        assert_eq!(out, expected);
        // Byte by byte gives the same.
        let mut t = Transcoder::new(enc);
        let mut out = String::new();
        for (i, b) in input.iter().enumerate() {
            t.feed(std::slice::from_ref(b), &mut out, i + 1 == input.len()).unwrap();
        }
        assert_eq!(out, expected);
    }

    #[test]
    fn transcode_table() {
        check(Encoding::UTF_8, "\u{feff}Œuvre".as_bytes(), "Œuvre");
        check(Encoding::WINDOWS_1252, b"\x8cuvre \x80", "Œuvre €");
        check(Encoding::IBM850, b"\x90cole", "École");
        check(Encoding::ISO_8859_1, b"\x85", "\u{85}");
        check(Encoding::UTF_16BE, b"\xfe\xff\x00\xc9\x00a", "Éa");
        check(Encoding::MACINTOSH, b"\x83cole", "École");
    }

    #[test]
    fn invalid_late_byte_is_located() {
        let mut t = Transcoder::new(Encoding::UTF_8);
        let mut out = String::new();
        t.feed("é\nab".as_bytes(), &mut out, false).unwrap();
        let err = t.feed(b"c\xe9d\n", &mut out, true).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidBytes);
        let pos = err.position().unwrap();
        assert_eq!((pos.byte, pos.line, pos.column), (6, 2, 4));
        assert_eq!(err.bytes(), Some(&[0xE9][..]));
        assert!(err.to_string().contains("E9"), "{err}");
    }

    #[test]
    fn split_invalid_sequence_reports_bytes() {
        let mut t = Transcoder::new(Encoding::UTF_8);
        let mut out = String::new();
        t.feed(b"ab\xc3", &mut out, false).unwrap();
        let err = t.feed(b"A", &mut out, true).unwrap_err();
        assert_eq!(err.bytes(), Some(&[0xC3][..]));
        assert_eq!(err.position().unwrap().byte, 2);
    }

    #[test]
    fn nul_is_binary() {
        let mut out = String::new();
        let err =
            Transcoder::new(Encoding::WINDOWS_1252).feed(b"ab\0", &mut out, true).unwrap_err();
        assert_eq!(err.binary_kind(), Some(BinaryKind::NulBytes));
        assert_eq!(err.position().unwrap().byte, 2);
    }
}
