//! The streaming edge: [`Utf8Reader`], a `Read` adapter producing UTF-8.

use std::io::{self, Read};

use crate::charset::Encoding;
use crate::detect::{self, Detection};
use crate::error::Error;
use crate::transcode::{incomplete_tail, ErrorMode, LineEndings, Transcoder};

/// Bytes read from the inner reader at a time.
const CHUNK: usize = 64 * 1024;

/// Configures a [`Utf8Reader`].
///
/// # Example
///
/// ```
/// use std::io::Read;
/// use dq_encoding::{Encoding, LineEndings, Utf8ReaderBuilder};
///
/// let mut rdr = Utf8ReaderBuilder::new()
///     .encoding(Encoding::MACINTOSH)
///     .line_endings(LineEndings::Lf)
///     .build(&b"commune\rS\x8ees\r"[..]);
/// let mut text = String::new();
/// rdr.read_to_string(&mut text)?;
/// assert_eq!(text, "commune\nSées\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Utf8ReaderBuilder {
    encoding: Option<Encoding>,
    detection: Option<Detection>,
    errors: ErrorMode,
    line_endings: LineEndings,
}

impl Utf8ReaderBuilder {
    /// A builder with the defaults: detect from the first 64 KiB, strict, keep line
    /// endings.
    pub fn new() -> Utf8ReaderBuilder {
        Utf8ReaderBuilder::default()
    }

    /// Decodes with this encoding instead of detecting. Default: detect.
    pub fn encoding(&mut self, encoding: Encoding) -> &mut Utf8ReaderBuilder {
        self.encoding = Some(encoding);
        self
    }

    /// Uses a detection already made (for example by [`crate::detect_reader`]).
    /// Default: detect from the first 64 KiB.
    pub fn detection(&mut self, detection: Detection) -> &mut Utf8ReaderBuilder {
        self.detection = Some(detection);
        self
    }

    /// Sets what happens to invalid bytes. Default: [`ErrorMode::Strict`].
    pub fn errors(&mut self, mode: ErrorMode) -> &mut Utf8ReaderBuilder {
        self.errors = mode;
        self
    }

    /// Sets whether line endings are rewritten to `\n`. Default: [`LineEndings::Keep`].
    pub fn line_endings(&mut self, mode: LineEndings) -> &mut Utf8ReaderBuilder {
        self.line_endings = mode;
        self
    }

    /// Builds the reader over `rdr`.
    pub fn build<R: Read>(&self, rdr: R) -> Utf8Reader<R> {
        let detection = match (self.encoding, &self.detection) {
            (Some(enc), _) => Some(Detection {
                encoding: enc,
                bom: false,
                confidence: 1.0,
                evidence: "encoding given by the caller".into(),
                provisional: false,
                binary: None,
                corrupt_utf8: false,
            }),
            (None, d) => d.clone(),
        };
        Utf8Reader {
            inner: rdr,
            config: self.clone(),
            transcoder: None,
            detection,
            buf: Vec::new(),
            carry: [0; 4],
            carry_len: 0,
            out: String::new(),
            pos: 0,
            done: false,
            error: None,
        }
    }
}

/// A `Read` adapter that yields UTF-8 from any supported encoding: detected from the
/// first 64 KiB (or given), BOM removed, chunk boundaries handled, memory bounded (a
/// 64 KiB input chunk and its decoded text), exact (see [`Transcoder`]).
///
/// Errors of this crate come out of `read` as `std::io::Error` of kind `InvalidData`;
/// [`Error::from_io`] recovers the typed error with its position. The text decoded
/// before an error is returned first.
///
/// # Example
///
/// ```
/// use std::io::Read;
/// use dq_encoding::Utf8Reader;
///
/// let bytes = b"\xff\xfen\x00o\x00m\x00\n\x00\xc9\x00v\x00r\x00y\x00";
/// let mut rdr = Utf8Reader::new(&bytes[..]);
/// let mut text = String::new();
/// rdr.read_to_string(&mut text)?;
/// assert_eq!(text, "nom\nÉvry");
/// assert_eq!(rdr.encoding().map(|e| e.name()), Some("UTF-16LE"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Utf8Reader<R> {
    inner: R,
    config: Utf8ReaderBuilder,
    transcoder: Option<Transcoder>,
    detection: Option<Detection>,
    buf: Vec<u8>,
    /// The start of a UTF-8 character cut by the end of the previous chunk (UTF-8 only).
    carry: [u8; 4],
    carry_len: usize,
    out: String,
    pos: usize,
    done: bool,
    error: Option<Error>,
}

impl<R> std::fmt::Debug for Utf8Reader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Utf8Reader")
            .field("detection", &self.detection)
            .field("transcoder", &self.transcoder)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Utf8Reader<R> {
    /// A reader with the default configuration (detect, strict, keep line endings).
    pub fn new(rdr: R) -> Utf8Reader<R> {
        Utf8ReaderBuilder::new().build(rdr)
    }

    /// The detection made (or given), once the first chunk has been read.
    pub fn detection(&self) -> Option<&Detection> {
        self.detection.as_ref()
    }

    /// The encoding being decoded, once known; it may change once when the detection
    /// was provisional (ASCII) and a later non-ASCII byte decided.
    pub fn encoding(&self) -> Option<Encoding> {
        match &self.transcoder {
            Some(t) => Some(t.encoding()),
            None => self.detection.as_ref().map(|d| d.encoding),
        }
    }

    /// Why a provisional decision was changed, if it was.
    pub fn redecision(&self) -> Option<&str> {
        self.transcoder.as_ref().and_then(Transcoder::redecision)
    }

    /// The number of replacements made so far ([`ErrorMode::Lossy`]).
    pub fn replacements(&self) -> u64 {
        self.transcoder.as_ref().map_or(0, Transcoder::replacements)
    }

    /// The inner reader.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Skips `n` lines of decoded text (any of `\r\n`, `\n`, `\r` ends a line), for
    /// preamble lines above a CSV header.
    ///
    /// # Errors
    ///
    /// As [`Read::read`], converted with [`Error::from_io`].
    ///
    /// # Example
    ///
    /// ```
    /// use std::io::Read;
    /// let mut rdr = dq_encoding::Utf8Reader::new(&b"Titre\r\n\r\nnom\n"[..]);
    /// rdr.skip_lines(2)?;
    /// let mut rest = String::new();
    /// rdr.read_to_string(&mut rest)?;
    /// assert_eq!(rest, "nom\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skip_lines(&mut self, n: usize) -> Result<(), Error> {
        let mut left = n;
        let mut after_cr = false;
        while left > 0 || after_cr {
            if self.pos >= self.out.len() {
                if !self.refill().map_err(Error::from_io)? {
                    return Ok(());
                }
                continue;
            }
            let bytes = self.out.as_bytes();
            let Some(&b) = bytes.get(self.pos) else { continue };
            if after_cr {
                after_cr = false;
                if b == b'\n' {
                    self.pos += 1;
                }
                continue;
            }
            self.pos += 1;
            match b {
                b'\n' => left -= 1,
                b'\r' => {
                    left -= 1;
                    after_cr = true;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Refills `out`; returns `false` at the end.
    fn refill(&mut self) -> io::Result<bool> {
        loop {
            if let Some(err) = self.error.take() {
                return Err(err.into_io());
            }
            if self.done {
                return Ok(false);
            }
            self.out.clear();
            self.pos = 0;
            let first = self.transcoder.is_none();
            let want = CHUNK;
            self.buf.resize(want, 0);
            // A character cut by the previous chunk comes first.
            let carried = self.carry_len;
            if let (Some(dst), Some(src)) = (self.buf.get_mut(..carried), self.carry.get(..carried))
            {
                dst.copy_from_slice(src);
            }
            self.carry_len = 0;
            let mut n = carried;
            // The first chunk is filled completely, for detection.
            while let Some(space) = self.buf.get_mut(n..) {
                if space.is_empty() {
                    break;
                }
                match self.inner.read(space) {
                    Ok(0) => break,
                    Ok(k) => {
                        n += k;
                        if !first {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            let last = n == carried || (first && n < want);
            let chunk = self.buf.get(..n).unwrap_or_default();
            if first {
                let d = match self.detection.take() {
                    Some(d) => d,
                    None => detect::detect_impl(chunk, last),
                };
                if let Some(kind) = d.binary {
                    return Err(Error::binary(kind, None).into_io());
                }
                let mut t = Transcoder::from_detection(&d);
                t.errors(self.config.errors).line_endings(self.config.line_endings);
                self.transcoder = Some(t);
                self.detection = Some(d);
            }
            let Some(t) = self.transcoder.as_mut() else { return Ok(false) };
            // In UTF-8, hold back a character cut by the end of the chunk, so that the
            // decoder ends on a character boundary and `read` can pass bytes through.
            let utf8 = t.encoding() == Encoding::UTF_8 && !t.is_provisional();
            let hold = if utf8 && !last { incomplete_tail(chunk) } else { 0 };
            let (feed, held) = chunk.split_at(chunk.len() - hold);
            if let Some(slot) = self.carry.get_mut(..hold) {
                slot.copy_from_slice(held);
                self.carry_len = hold;
            }
            if let Err(e) = t.feed(feed, &mut self.out, last) {
                self.error = Some(e);
                self.done = true;
            }
            if last {
                self.done = true;
            }
            if !self.out.is_empty() {
                return Ok(true);
            }
        }
    }

    /// The UTF-8 fast path of `read`: input bytes are read straight into `buf` and
    /// validated there, with no intermediate copy. `None` when it does not apply
    /// (another encoding, lossy mode, a buffer too small to hold a cut character).
    fn read_through(&mut self, buf: &mut [u8]) -> Option<io::Result<usize>> {
        if self.done || self.error.is_some() || buf.len() < 8 {
            return None;
        }
        if !self.transcoder.as_ref().is_some_and(Transcoder::can_pass_through) {
            return None;
        }
        loop {
            let carried = self.carry_len;
            if let (Some(dst), Some(src)) = (buf.get_mut(..carried), self.carry.get(..carried)) {
                dst.copy_from_slice(src);
            }
            let k = loop {
                match self.inner.read(buf.get_mut(carried..).unwrap_or_default()) {
                    Ok(k) => break k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Some(Err(e)),
                }
            };
            let last = k == 0;
            let filled = buf.get_mut(..carried + k).unwrap_or_default();
            let t = self.transcoder.as_mut()?;
            match t.pass_through(filled, last) {
                Ok(p) => {
                    let rest = filled.get(p.read..).unwrap_or_default();
                    self.carry_len = rest.len().min(self.carry.len());
                    if let Some(slot) = self.carry.get_mut(..self.carry_len) {
                        slot.copy_from_slice(rest.get(..self.carry_len).unwrap_or_default());
                    }
                    if last {
                        self.done = true;
                    }
                    if p.text > 0 || last {
                        return Some(Ok(p.text));
                    }
                }
                Err((text, e)) => {
                    self.done = true;
                    self.carry_len = 0;
                    if text > 0 {
                        self.error = Some(e);
                        return Some(Ok(text));
                    }
                    return Some(Err(e.into_io()));
                }
            }
        }
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.out.len() {
            if let Some(r) = self.read_through(buf) {
                return r;
            }
        }
        if self.pos >= self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let avail = self.out.as_bytes().get(self.pos..).unwrap_or_default();
        let n = avail.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}
