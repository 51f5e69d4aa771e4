//! The supported encodings: a small wrapper over `encoding_rs` plus true ISO-8859-1 and
//! IBM850, which `encoding_rs` does not provide.

use std::borrow::Cow;
use std::fmt;

use crate::error::Error;
use crate::generated::cp850;

/// The byte of `€` in IBM858, the euro revision of IBM850 (`ı` in IBM850).
const IBM858_EURO: u8 = 0xD5;

/// One of the encodings French public files come in.
///
/// Names follow the `encoding_rs` (WHATWG) spelling: `"UTF-8"`, `"UTF-16LE"`,
/// `"UTF-16BE"`, `"windows-1252"`, `"ISO-8859-15"`, `"macintosh"`, plus `"ISO-8859-1"`
/// for true Latin-1 (bytes 0x80–0x9F are the C1 controls; the WHATWG label
/// `ISO-8859-1` means windows-1252 instead) and `"IBM850"` (DOS Latin-1, read as its
/// euro revision IBM858: byte D5 is `€`).
///
/// # Example
///
/// ```
/// use dq_encoding::Encoding;
///
/// let enc = Encoding::for_label("cp850")?;
/// assert_eq!(enc, Encoding::IBM850);
/// assert_eq!(enc.decode(b"Cr\x82teil")?, "Créteil");
/// assert_eq!(Encoding::WINDOWS_1252.encode("Œuvre 12 €")?.as_ref(), b"\x8cuvre 12 \x80");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Encoding(Inner);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Inner {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    Latin1,
    Iso885915,
    Macintosh,
    Ibm850,
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Encoding({})", self.name())
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Encoding {
    /// UTF-8.
    pub const UTF_8: Encoding = Encoding(Inner::Utf8);
    /// UTF-16, little endian.
    pub const UTF_16LE: Encoding = Encoding(Inner::Utf16Le);
    /// UTF-16, big endian.
    pub const UTF_16BE: Encoding = Encoding(Inner::Utf16Be);
    /// windows-1252 (Western European, with `€ œ Š Ž Ÿ` and curly quotes at 0x80–0x9F).
    pub const WINDOWS_1252: Encoding = Encoding(Inner::Windows1252);
    /// True ISO-8859-1 (Latin-1): every byte is the code point of the same value.
    pub const ISO_8859_1: Encoding = Encoding(Inner::Latin1);
    /// ISO-8859-15 (Latin-9: `€` at 0xA4, `œ` at 0xBD).
    pub const ISO_8859_15: Encoding = Encoding(Inner::Iso885915);
    /// Mac OS Roman (`é` at 0x8E).
    pub const MACINTOSH: Encoding = Encoding(Inner::Macintosh);
    /// IBM code page 850, DOS Latin-1 (`é` at 0x82).
    pub const IBM850: Encoding = Encoding(Inner::Ibm850);

    /// Every supported encoding, in the order detection prefers them on ties.
    pub const ALL: [Encoding; 8] = [
        Encoding::UTF_8,
        Encoding::UTF_16LE,
        Encoding::UTF_16BE,
        Encoding::WINDOWS_1252,
        Encoding::ISO_8859_15,
        Encoding::ISO_8859_1,
        Encoding::MACINTOSH,
        Encoding::IBM850,
    ];

    /// The encoding's name: `"UTF-8"`, `"windows-1252"`, `"ISO-8859-1"`, `"IBM850"`…
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_encoding::Encoding::MACINTOSH.name(), "macintosh");
    /// ```
    pub fn name(self) -> &'static str {
        match self.0 {
            Inner::Latin1 => "ISO-8859-1",
            Inner::Ibm850 => "IBM850",
            _ => self.rs().map_or("", encoding_rs::Encoding::name),
        }
    }

    /// The encoding for a label, case-insensitively: the names above and the usual
    /// aliases (`utf8`, `latin1`, `latin9`, `cp1252`, `mac`, `cp850`, `dos`…). Unlike
    /// WHATWG, `ISO-8859-1` and `latin1` mean true Latin-1.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnknownEncoding`] for a label that names none of the supported
    /// encodings.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::Encoding;
    /// assert_eq!(Encoding::for_label("Latin-1")?, Encoding::ISO_8859_1);
    /// assert_eq!(Encoding::for_label("cp1252")?, Encoding::WINDOWS_1252);
    /// assert!(Encoding::for_label("shift_jis").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_label(label: &str) -> Result<Encoding, Error> {
        let l = label.trim().to_ascii_lowercase().replace('_', "-");
        let enc = match l.as_str() {
            "utf-8" | "utf8" => Encoding::UTF_8,
            "utf-16le" | "utf16le" | "utf-16" => Encoding::UTF_16LE,
            "utf-16be" | "utf16be" => Encoding::UTF_16BE,
            "windows-1252" | "cp1252" | "win1252" | "ansi" => Encoding::WINDOWS_1252,
            "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" => Encoding::ISO_8859_1,
            "iso-8859-15" | "iso8859-15" | "latin9" | "latin-9" | "l9" => Encoding::ISO_8859_15,
            "macintosh" | "mac" | "macroman" | "mac-roman" | "x-mac-roman" => Encoding::MACINTOSH,
            "ibm850" | "cp850" | "850" | "dos" | "dos-latin-1" | "ibm858" | "cp858" | "858" => {
                Encoding::IBM850
            }
            _ => return Err(Error::unknown_encoding(label)),
        };
        Ok(enc)
    }

    /// Whether ASCII text is encoded as itself (every encoding here but UTF-16).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!dq_encoding::Encoding::UTF_16LE.is_ascii_compatible());
    /// ```
    pub fn is_ascii_compatible(self) -> bool {
        !matches!(self.0, Inner::Utf16Le | Inner::Utf16Be)
    }

    /// Whether this is one of the two UTF-16 encodings.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_encoding::Encoding::UTF_16BE.is_utf16());
    /// ```
    pub fn is_utf16(self) -> bool {
        !self.is_ascii_compatible()
    }

    /// Whether every byte decodes to a character (the single-byte encodings).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_encoding::Encoding::IBM850.is_single_byte());
    /// assert!(!dq_encoding::Encoding::UTF_8.is_single_byte());
    /// ```
    pub fn is_single_byte(self) -> bool {
        self != Encoding::UTF_8 && self.is_ascii_compatible()
    }

    /// The byte order mark of this encoding, if it has one.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_encoding::Encoding::UTF_8.bom(), Some(&b"\xEF\xBB\xBF"[..]));
    /// ```
    pub fn bom(self) -> Option<&'static [u8]> {
        match self.0 {
            Inner::Utf8 => Some(b"\xEF\xBB\xBF"),
            Inner::Utf16Le => Some(b"\xFF\xFE"),
            Inner::Utf16Be => Some(b"\xFE\xFF"),
            _ => None,
        }
    }

    pub(crate) fn rs(self) -> Option<&'static encoding_rs::Encoding> {
        match self.0 {
            Inner::Utf8 => Some(encoding_rs::UTF_8),
            Inner::Utf16Le => Some(encoding_rs::UTF_16LE),
            Inner::Utf16Be => Some(encoding_rs::UTF_16BE),
            Inner::Windows1252 => Some(encoding_rs::WINDOWS_1252),
            Inner::Iso885915 => Some(encoding_rs::ISO_8859_15),
            Inner::Macintosh => Some(encoding_rs::MACINTOSH),
            Inner::Latin1 | Inner::Ibm850 => None,
        }
    }

    /// The character of one byte in a single-byte encoding; `None` for UTF-8/UTF-16 and
    /// for ASCII bytes' counterpart never (ASCII decodes to itself).
    pub(crate) fn decode_byte(self, b: u8) -> Option<char> {
        if b < 0x80 && self.is_ascii_compatible() {
            return Some(char::from(b));
        }
        match self.0 {
            Inner::Latin1 => Some(char::from(b)),
            // IBM858 is IBM850 with `€` at D5 (1998) instead of the Turkish dotless `ı`,
            // which French files never hold: D5 is read as `€`.
            Inner::Ibm850 if b == IBM858_EURO => Some('€'),
            Inner::Ibm850 => cp850::DECODE_HIGH.get(usize::from(b.wrapping_sub(0x80))).copied(),
            _ if self.is_single_byte() => {
                let mut d = self.rs()?.new_decoder_without_bom_handling();
                let mut buf = [0u8; 4];
                let (_, _, written) = d.decode_to_utf8_without_replacement(&[b], &mut buf, true);
                std::str::from_utf8(buf.get(..written)?).ok()?.chars().next()
            }
            _ => None,
        }
    }

    /// Decodes a whole input, strictly: a BOM of this encoding is removed, and bytes that
    /// are invalid in it give an error rather than U+FFFD. Borrows when the input is
    /// UTF-8 (or ASCII in an ASCII-compatible encoding) without a BOM.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidBytes`] with the offset, line and offending bytes.
    /// NUL bytes are accepted here (see [`crate::Transcoder`] for the binary check).
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::Encoding;
    /// assert_eq!(Encoding::MACINTOSH.decode(b"Ch\x89teau")?, "Château");
    /// assert_eq!(Encoding::ISO_8859_1.decode(b"\x80")?, "\u{80}");
    /// assert!(Encoding::UTF_8.decode(b"Ch\xe2teau").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
        let body = match self.bom() {
            Some(bom) => bytes.strip_prefix(bom).unwrap_or(bytes),
            None => bytes,
        };
        if self.is_ascii_compatible() && body.is_ascii() {
            if let Ok(s) = std::str::from_utf8(body) {
                return Ok(Cow::Borrowed(s));
            }
        }
        if self == Encoding::UTF_8 {
            if let Ok(s) = std::str::from_utf8(body) {
                return Ok(Cow::Borrowed(s));
            }
        }
        let mut t = crate::transcode::Transcoder::new(self);
        t.allow_nul(true);
        let mut out = String::new();
        t.feed(bytes, &mut out, true)?;
        Ok(Cow::Owned(out))
    }

    /// Encodes text in this encoding, strictly (no BOM is written).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Unmappable`] naming the first character the encoding cannot
    /// represent (`€` in ISO-8859-1, `œ` in IBM850…). IBM850 is written as IBM858: `€` is
    /// byte D5.
    ///
    /// # Example
    ///
    /// ```
    /// use dq_encoding::Encoding;
    /// assert_eq!(Encoding::IBM850.encode("Créteil")?.as_ref(), b"Cr\x82teil");
    /// assert_eq!(Encoding::ISO_8859_15.encode("12 €")?.as_ref(), b"12 \xa4");
    /// assert!(Encoding::IBM850.encode("cœur").is_err());
    /// assert_eq!(Encoding::IBM850.encode("12 €")?.as_ref(), b"12 \xd5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn encode(self, text: &str) -> Result<Cow<'_, [u8]>, Error> {
        if self.is_ascii_compatible() && text.is_ascii() || self == Encoding::UTF_8 {
            return Ok(Cow::Borrowed(text.as_bytes()));
        }
        match self.0 {
            Inner::Latin1 => {
                let mut out = Vec::with_capacity(text.len());
                for c in text.chars() {
                    let b = u8::try_from(u32::from(c))
                        .map_err(|_| Error::unmappable(c, self.name()))?;
                    out.push(b);
                }
                Ok(Cow::Owned(out))
            }
            Inner::Ibm850 => {
                let mut out = Vec::with_capacity(text.len());
                for c in text.chars() {
                    if c.is_ascii() {
                        out.push(c as u8);
                        continue;
                    }
                    if c == '€' {
                        out.push(IBM858_EURO);
                        continue;
                    }
                    if c == 'ı' {
                        return Err(Error::unmappable(c, self.name()));
                    }
                    let i = cp850::ENCODE_HIGH
                        .binary_search_by(|(k, _)| k.cmp(&c))
                        .map_err(|_| Error::unmappable(c, self.name()))?;
                    let (_, b) = cp850::ENCODE_HIGH
                        .get(i)
                        .copied()
                        .ok_or_else(|| Error::unmappable(c, self.name()))?;
                    out.push(b);
                }
                Ok(Cow::Owned(out))
            }
            Inner::Utf16Le | Inner::Utf16Be => {
                let mut out = Vec::with_capacity(text.len() * 2);
                let le = self.0 == Inner::Utf16Le;
                for u in text.encode_utf16() {
                    let b = if le { u.to_le_bytes() } else { u.to_be_bytes() };
                    out.extend_from_slice(&b);
                }
                Ok(Cow::Owned(out))
            }
            _ => {
                let Some(e) = self.rs() else {
                    return Err(Error::unmappable('\u{FFFD}', self.name()));
                };
                let (bytes, _, unmappable) = e.encode(text);
                if unmappable {
                    // Find the first character that does not round-trip, for the message.
                    let bad = text
                        .chars()
                        .find(|c| {
                            let mut b = [0u8; 4];
                            e.encode(c.encode_utf8(&mut b)).2
                        })
                        .unwrap_or('\u{FFFD}');
                    return Err(Error::unmappable(bad, self.name()));
                }
                Ok(bytes)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(enc: Encoding, bytes: &[u8], expected: &str) {
        assert_eq!(enc.decode(bytes).unwrap(), expected, "{enc}");
        assert_eq!(enc.encode(expected).unwrap().as_ref(), bytes, "{enc}");
    }

    #[test]
    fn decode_encode_table() {
        check(Encoding::WINDOWS_1252, b"\x8cuvre \x80 \x9c", "Œuvre € œ");
        check(Encoding::ISO_8859_15, b"\xbcuvre \xa4 \xbd", "Œuvre € œ");
        check(Encoding::ISO_8859_1, b"\x80\x9f\xe9", "\u{80}\u{9f}é");
        check(Encoding::MACINTOSH, b"caf\x8e \xdb", "café €");
        check(Encoding::IBM850, b"Cr\x82teil \x90", "Créteil É");
        check(Encoding::UTF_16LE, b"\xe9\x00t\x00", "ét");
        check(Encoding::UTF_16BE, b"\x00\xe9\x00t", "ét");
        check(Encoding::UTF_8, "Ça".as_bytes(), "Ça");
    }

    #[test]
    fn cp850_table_matches_generator() {
        assert_eq!(cp850::DECODE_HIGH.len(), 128);
        assert_eq!(cp850::DECODE_HIGH[0x82 - 0x80], 'é');
        assert_eq!(cp850::DECODE_HIGH[0xC9 - 0x80], '╔');
        assert!(cp850::ENCODE_HIGH.windows(2).all(|w| w[0].0 < w[1].0));
        for (c, b) in cp850::ENCODE_HIGH {
            assert_eq!(cp850::DECODE_HIGH[usize::from(b - 0x80)], c);
        }
    }

    #[test]
    fn labels() {
        for enc in Encoding::ALL {
            assert_eq!(Encoding::for_label(enc.name()).unwrap(), enc);
        }
    }
}
