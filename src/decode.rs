//! From bytes to UTF-8: byte-order marks, UTF-16, Windows-1252, and files
//! that are not text at all.
//!
//! Works on chunks, so a file can be fed as it is read.

use std::borrow::Cow;

/// The text encoding of a file, decided from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; bytes that are not valid UTF-8 are read as Windows-1252.
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }
}

/// What the first bytes of a file say it is.
#[derive(Debug, PartialEq, Eq)]
pub enum Sniffed {
    Text {
        encoding: Encoding,
        bom: usize,
    },
    /// Not a CSV file; the message says what it looks like instead.
    NotText(&'static str),
}

/// Decides the encoding from the first bytes (at least 4 when the file has
/// them): the same bytes however the file is cut into chunks, as the
/// caller sees to.
pub fn sniff(head: &[u8]) -> Sniffed {
    const SIGNATURES: [(&[u8], &str); 7] = [
        (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
        (b"\xD0\xCF\x11\xE0", "an old Excel workbook (.xls)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Sniffed::NotText(what);
    }
    match head {
        [0xEF, 0xBB, 0xBF, ..] => Sniffed::Text { encoding: Encoding::Utf8, bom: 3 },
        [0xFF, 0xFE, ..] => Sniffed::Text { encoding: Encoding::Utf16Le, bom: 2 },
        [0xFE, 0xFF, ..] => Sniffed::Text { encoding: Encoding::Utf16Be, bom: 2 },
        // UTF-16 without a mark: ASCII text has every other byte zero,
        // from the first two characters on (two stray NULs in a UTF-8 file
        // are not enough).
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 && mostly_zero(head, 1) => {
            Sniffed::Text { encoding: Encoding::Utf16Le, bom: 0 }
        }
        [0, a, 0, b, ..] if *a != 0 && *b != 0 && mostly_zero(head, 0) => {
            Sniffed::Text { encoding: Encoding::Utf16Be, bom: 0 }
        }
        _ if looks_binary(head) => Sniffed::NotText("a binary file"),
        _ => Sniffed::Text { encoding: Encoding::Utf8, bom: 0 },
    }
}

/// At least half the bytes at offsets `first`, `first + 2`, … are zero.
fn mostly_zero(head: &[u8], first: usize) -> bool {
    let bytes = head.iter().skip(first).step_by(2);
    let zeros = bytes.clone().filter(|&&b| b == 0).count();
    zeros * 2 >= bytes.count()
}

/// Control characters no text file holds (NUL and the others but tab,
/// line feed, vertical tab, form feed, carriage return and Ctrl-Z) in more
/// than 1 byte in 32. A damaged export may hold a stray NUL or two, which
/// make their rows errors; a binary file holds them everywhere (random
/// bytes: 1 in 9).
fn looks_binary(head: &[u8]) -> bool {
    let control = |b: &&u8| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A);
    head.iter().filter(control).count() * 32 > head.len()
}

/// Turns a stream of bytes in `encoding` into UTF-8 bytes for the CSV
/// reader. UTF-8 passes through untouched (fields are checked one by one by
/// [`field_text`]); UTF-16 is transcoded, carrying split code units and
/// surrogate pairs across chunks.
#[derive(Debug)]
pub struct Transcoder {
    encoding: Encoding,
    odd_byte: Option<u8>,
    high_surrogate: Option<u16>,
}

impl Transcoder {
    pub fn new(encoding: Encoding) -> Transcoder {
        Transcoder { encoding, odd_byte: None, high_surrogate: None }
    }

    /// Returns the UTF-8 bytes of `input`, borrowing it when no work is needed.
    pub fn push<'a>(&mut self, input: &'a [u8]) -> Cow<'a, [u8]> {
        if self.encoding == Encoding::Utf8 {
            return Cow::Borrowed(input);
        }
        let mut out = Vec::with_capacity(input.len() / 2 + 4);
        let mut bytes = input.iter().copied();
        let mut first = self.odd_byte.take();
        while let Some(a) = first.take().or_else(|| bytes.next()) {
            let Some(b) = bytes.next() else {
                self.odd_byte = Some(a);
                break;
            };
            let unit = match self.encoding {
                Encoding::Utf16Be => u16::from_be_bytes([a, b]),
                _ => u16::from_le_bytes([a, b]),
            };
            self.push_unit(unit, &mut out);
        }
        Cow::Owned(out)
    }

    fn push_unit(&mut self, unit: u16, out: &mut Vec<u8>) {
        const REPLACEMENT: char = '\u{FFFD}';
        let mut buf = [0; 4];
        let high = self.high_surrogate.take();
        let c = match unit {
            0xDC00..=0xDFFF => high
                .and_then(|h| char::from_u32(0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00))),
            _ => {
                if high.is_some() {
                    out.extend_from_slice(REPLACEMENT.encode_utf8(&mut buf).as_bytes());
                }
                if (0xD800..0xDC00).contains(&unit) {
                    // Wait for the low surrogate, which may be in the next chunk.
                    self.high_surrogate = Some(unit);
                    return;
                }
                char::from_u32(u32::from(unit))
            }
        };
        out.extend_from_slice(c.unwrap_or(REPLACEMENT).encode_utf8(&mut buf).as_bytes());
    }

    /// Flushes what the last chunk left half done.
    pub fn finish(&mut self) -> Vec<u8> {
        let pending = self.high_surrogate.take().is_some() || self.odd_byte.take().is_some();
        if pending {
            "\u{FFFD}".as_bytes().to_vec()
        } else {
            vec![]
        }
    }
}

/// Decodes one CSV field; the flag is true when the field was not valid
/// UTF-8 and was read as Windows-1252 instead.
pub fn field_text(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()), true),
    }
}

/// Windows-1252, the encoding of "CSV" saved by Excel on Western Windows.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_marks_and_binaries() {
        assert_eq!(sniff(b"\xEF\xBB\xBFa,b"), Sniffed::Text { encoding: Encoding::Utf8, bom: 3 });
        assert_eq!(sniff(b"\xFF\xFEa\0"), Sniffed::Text { encoding: Encoding::Utf16Le, bom: 2 });
        assert_eq!(sniff(b"\xFE\xFF\0a"), Sniffed::Text { encoding: Encoding::Utf16Be, bom: 2 });
        assert_eq!(sniff(b"a\0b\0"), Sniffed::Text { encoding: Encoding::Utf16Le, bom: 0 });
        assert!(matches!(sniff(b"PK\x03\x04rest"), Sniffed::NotText(m) if m.contains("xlsx")));
        assert!(matches!(sniff(b"\x89PNG\r\n"), Sniffed::NotText(m) if m.contains("PNG")));
        assert!(matches!(sniff(b"ab\0\0cd"), Sniffed::NotText(_)));
        assert_eq!(sniff(b"a,b"), Sniffed::Text { encoding: Encoding::Utf8, bom: 0 });
    }

    /// A stray NUL in a CSV file is no reason to call it binary, nor
    /// UTF-16; many are, and so are other control characters.
    #[test]
    fn a_stray_nul_is_text_many_are_binary() {
        let utf8 = Sniffed::Text { encoding: Encoding::Utf8, bom: 0 };
        let line = "T-1,CSP Tier1,Teams,Oct-2025,12.00,20.00\n";
        let text =
            format!("CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\n{line}");
        for at in 0..text.len() {
            let mut bytes = text.clone().into_bytes();
            bytes[at] = 0;
            assert_eq!(sniff(&bytes), utf8, "NUL at {at}");
        }
        // Two NULs where UTF-16 has them, and the rest UTF-8.
        let mut bytes = text.clone().into_bytes();
        (bytes[1], bytes[3]) = (0, 0);
        assert_eq!(sniff(&bytes), utf8);
        // A NUL every 40 bytes is still text (every row an error), one every 10 is not.
        let every =
            |n: usize| text.bytes().enumerate().map(|(i, b)| if i % n == 0 { 0 } else { b }).collect::<Vec<_>>();
        assert_eq!(sniff(&[b"a".as_slice(), &every(40)].concat()), utf8);
        assert!(matches!(sniff(&[b"a".as_slice(), &every(10)].concat()), Sniffed::NotText("a binary file")));
        // Mostly NULs, or other control characters.
        assert!(matches!(sniff(&[0; 64]), Sniffed::NotText(_)));
        assert!(matches!(sniff(b"a\x01\x02\x03\x04b,c\n"), Sniffed::NotText(_)));
        let random: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(matches!(sniff(&random), Sniffed::NotText("a binary file")));
        // Tabs, CRLF, form feeds and Ctrl-Z are text.
        assert_eq!(sniff(b"a\tb\r\n\x0c1\t2\x0b\r\n\x1a"), utf8);
        // UTF-16 without a mark is still found, in both byte orders.
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff(&le), Sniffed::Text { encoding: Encoding::Utf16Le, bom: 0 });
        assert_eq!(sniff(&be), Sniffed::Text { encoding: Encoding::Utf16Be, bom: 0 });
    }

    #[test]
    fn utf16_split_anywhere() {
        let text = "Tenant,Café 😀\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        for cut in 0..le.len() {
            let mut t = Transcoder::new(Encoding::Utf16Le);
            let mut out = t.push(&le[..cut]).into_owned();
            out.extend_from_slice(&t.push(&le[cut..]));
            out.extend(t.finish());
            assert_eq!(String::from_utf8(out).unwrap(), text, "cut at {cut}");
        }
    }

    #[test]
    fn windows_1252_fallback() {
        assert_eq!(field_text(b"Caf\xE9"), (Cow::Owned::<str>("Café".into()), true));
        assert!(!field_text("Café".as_bytes()).1);
        assert_eq!(field_text(b"\x80").0, "€");
    }
}
