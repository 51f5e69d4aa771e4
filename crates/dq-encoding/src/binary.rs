//! Recognizing binary input (PDF, ZIP/XLSX, PNG, GZIP…) by its magic number.

use crate::error::BinaryKind;

/// The magic numbers recognized at the start of an input, with what they mean.
const MAGIC: &[(&[u8], BinaryKind)] = &[
    (b"%PDF-", BinaryKind::Pdf),
    (b"PK\x03\x04", BinaryKind::Zip),
    (b"PK\x05\x06", BinaryKind::Zip),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", BinaryKind::Ole2),
    (b"\x89PNG\r\n\x1A\n", BinaryKind::Png),
    (b"\xFF\xD8\xFF", BinaryKind::Jpeg),
    (b"GIF87a", BinaryKind::Gif),
    (b"GIF89a", BinaryKind::Gif),
    (b"\x1F\x8B", BinaryKind::Gzip),
    (b"BZh", BinaryKind::Bzip2),
    (b"7z\xBC\xAF\x27\x1C", BinaryKind::SevenZip),
    (b"SQLite format 3\x00", BinaryKind::Sqlite),
    (b"PAR1", BinaryKind::Parquet),
    (b"\x7FELF", BinaryKind::Executable),
    (b"MZ", BinaryKind::Executable),
];

/// What the start of an input looks like when it is a known binary format.
///
/// Only magic numbers are looked at; NUL bytes are judged by the detector, which knows
/// whether the input is UTF-16.
///
/// # Example
///
/// ```
/// use dq_encoding::{binary::magic, BinaryKind};
/// assert_eq!(magic(b"PK\x03\x04\x14\x00\x06\x00"), Some(BinaryKind::Zip));
/// assert_eq!(magic(b"siren;nom\n"), None);
/// ```
pub fn magic(head: &[u8]) -> Option<BinaryKind> {
    MAGIC.iter().find(|(m, _)| head.starts_with(m)).map(|&(_, kind)| {
        // `MZ` and `BZh` are also plausible starts of a text line (`MZ;Mâcon` in
        // windows-1252 has a byte above 0x7F too): a DOS header has NUL bytes nearby, a
        // BZIP2 stream its block magic `1AY&SY` after the level digit.
        match kind {
            BinaryKind::Executable if head.first() != Some(&0x7F) => {
                head.iter().take(512).any(|&b| b == 0).then_some(kind)
            }
            BinaryKind::Bzip2 => (head.get(4..10) == Some(b"1AY&SY")).then_some(kind),
            _ => Some(kind),
        }
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], expected: Option<BinaryKind>) {
        assert_eq!(magic(input), expected, "{input:?}");
    }

    #[test]
    fn magic_table() {
        check(b"%PDF-1.4\n%\xe2\xe3", Some(BinaryKind::Pdf));
        check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some(BinaryKind::Png));
        check(b"\x1f\x8b\x08\0", Some(BinaryKind::Gzip));
        check(b"MZ;Mazamet;81163\n", None);
        check(b"MZ\xab", None);
        check(b"MZ;M\xe2con;71270\n", None);
        check(b"BZh;Bz\xe9\n", None);
        check(b"BZh91AY&SY\x9b\x1e", Some(BinaryKind::Bzip2));
        check(b"BZh;Bzh;Bretagne\n", None);
        check(b"MZ\x90\0\x03\0", Some(BinaryKind::Executable));
        check(b"", None);
    }
}
