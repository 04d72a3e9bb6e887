//! A push-style CSV record reader over `csv-core`, the engine of the `csv`
//! crate. Push-style because the browser hands the file over in chunks: the
//! reader keeps a partial record between calls, so memory stays bounded by
//! the longest record, not the file.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields and the line it starts on (1-based).
pub struct Record<'a> {
    pub line: u64,
    bytes: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        self.bytes.get(start..end)
    }
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
    /// A record holding one empty field: a blank line with spaces, or a
    /// line of only delimiters.
    pub fn is_blank(&self) -> bool {
        self.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
    }
}

pub struct RecordReader {
    csv: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    /// Line breaks read so far: `\n`, `\r\n` and a lone `\r` (old Mac
    /// Excel's "CSV") each count once. csv-core's own line count sees only
    /// `\n`, which put every row of a `\r` file on line 1.
    breaks: Breaks,
    /// `breaks.count` when the record being read began.
    breaks_before_record: u64,
}

/// Counts line breaks, a `\r\n` split across chunks included.
#[derive(Clone, Copy, Default)]
struct Breaks {
    count: u64,
    after_cr: bool,
}

impl Breaks {
    fn add(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else { return };
        // Count every `\r` and `\n`, then take back one for each `\r\n`
        // pair, a pair split across calls included. This runs on every
        // byte of the file, so the common case (no `\r`) is two word-wide
        // counts rather than a byte-by-byte state machine.
        let crs = count_byte(bytes, b'\r');
        let mut count = count_byte(bytes, b'\n') + crs;
        if crs > 0 || self.after_cr {
            let split_pair = self.after_cr && bytes.first() == Some(&b'\n');
            count -= bytes.windows(2).filter(|w| w == b"\r\n").count() + usize::from(split_pair);
        }
        self.count += count as u64;
        self.after_cr = last == b'\r';
    }

    fn of(bytes: &[u8]) -> u64 {
        let mut breaks = Breaks::default();
        breaks.add(bytes);
        breaks.count
    }
}

/// How many bytes of `bytes` equal `byte`, eight at a time (SWAR: in each
/// word, the high bit of every byte that XORs to zero).
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_ne_bytes([byte; 8]);
    let words = bytes.chunks_exact(8);
    let tail = words.remainder().iter().filter(|&&b| b == byte).count();
    let zero_bytes = |x: u64| (!(((x & LOW7) + LOW7) | x | LOW7)).count_ones() as usize;
    let mut count = tail;
    for word in words {
        count += zero_bytes(u64::from_ne_bytes(word.try_into().unwrap_or_default()) ^ pattern);
    }
    count
}

impl RecordReader {
    pub fn new(delimiter: u8) -> RecordReader {
        RecordReader {
            csv: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 1024],
            ends: vec![0; 32],
            out_len: 0,
            ends_len: 0,
            breaks: Breaks::default(),
            breaks_before_record: 0,
        }
    }

    /// Counts `lines` lines read before the first byte fed (a `sep=` line
    /// taken off by the caller), so that lines are numbered as in the file.
    pub fn skip_lines(&mut self, lines: u64) {
        self.breaks.count += lines;
        self.breaks_before_record += lines;
    }

    /// Reads every record completed by `input`. An empty `input` does
    /// nothing: it used to mean "end of file" (csv-core's convention), so an
    /// empty chunk in the middle of a file, or a UTF-16 chunk of one byte
    /// (which transcodes to nothing), ended the record being read and split
    /// it in two. The end of the file is [`finish`](Self::finish).
    pub fn feed(&mut self, input: &[u8], on_record: &mut dyn FnMut(Record<'_>)) {
        if !input.is_empty() {
            self.read(input, on_record);
        }
    }

    /// Flushes the last record at the end of the file.
    pub fn finish(&mut self, on_record: &mut dyn FnMut(Record<'_>)) {
        self.read(b"", on_record);
    }

    fn read(&mut self, mut input: &[u8], on_record: &mut dyn FnMut(Record<'_>)) {
        let at_end = input.is_empty();
        loop {
            let (result, nin, nout, nend) =
                self.csv.read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            // csv-core never reports more input read than it was given; the
            // checked forms only keep a broken promise from being a panic.
            let read = input.get(..nin).unwrap_or_default();
            let ended_on_break = matches!(read.last(), Some(b'\n' | b'\r'));
            self.breaks.add(read);
            input = input.get(nin..).unwrap_or_default();
            self.out_len += nout;
            self.ends_len += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if !at_end {
                        return;
                    }
                }
                ReadRecordResult::OutputFull => {
                    let len = self.out.len() * 2;
                    self.out.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    let record =
                        Record { line: 0, bytes: &self.out[..self.out_len], ends: &self.ends[..self.ends_len] };
                    // The breaks read so far include those inside quoted
                    // fields and the one ending the record; a record read
                    // with at most one break has none inside.
                    let breaks_read = self.breaks.count.saturating_sub(self.breaks_before_record);
                    let inside: u64 = if breaks_read > 1 { record.iter().map(Breaks::of).sum() } else { 0 };
                    let line = (self.breaks.count + 1).saturating_sub(inside + u64::from(ended_on_break)).max(1);
                    on_record(Record { line, ..record });
                    self.breaks_before_record = self.breaks.count;
                    self.out_len = 0;
                    self.ends_len = 0;
                }
                ReadRecordResult::End => return,
            }
        }
    }
}

/// Chooses the delimiter from the first lines: an Excel `sep=;` line wins,
/// otherwise the candidate seen most often outside quotes on one of the
/// first ten lines (a title line above the header does not mislead it).
/// Returns the delimiter and how many bytes the `sep=` line takes.
pub fn sniff_delimiter(head: &[u8]) -> (u8, usize) {
    // The first line ends at LF, CRLF or a lone CR (old Mac Excel).
    let end = head.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(head.len());
    if let Some([b's' | b'S', b'e' | b'E', b'p' | b'P', b'=', d]) = head.get(..end) {
        let skip = match head.get(end..) {
            Some([b'\r', b'\n', ..]) => end + 2,
            Some([_, ..]) => end + 1,
            _ => end,
        };
        return (*d, skip);
    }
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    let mut best = [0usize; 4];
    let mut line = [0usize; 4];
    let mut quoted = false;
    let mut lines = 0;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                for (best, n) in best.iter_mut().zip(&mut line) {
                    *best = (*best).max(std::mem::take(n));
                }
                lines += 1;
                if lines == 10 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    line[i] += 1;
                }
            }
            _ => {}
        }
    }
    for (best, n) in best.iter_mut().zip(&line) {
        *best = (*best).max(*n);
    }
    // Ties go to the comma, the first candidate.
    let (i, _) = best.iter().enumerate().fold((0, 0), |(bi, bn), (i, &n)| if n > bn { (i, n) } else { (bi, bn) });
    (CANDIDATES[i], 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(chunks: &[&[u8]]) -> Vec<(u64, Vec<String>)> {
        let mut reader = RecordReader::new(b',');
        let mut records = vec![];
        let mut push = |r: Record<'_>| {
            records.push((r.line, r.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect()));
        };
        for c in chunks {
            reader.feed(c, &mut push);
        }
        reader.finish(&mut push);
        records
    }

    #[test]
    fn lines_are_where_records_start() {
        let text = b"a,b\n\n1,\"x\ny\"\r\n2,3\r\n\n4,5";
        let expected = vec![
            (1, vec!["a".to_string(), "b".into()]),
            (3, vec!["1".into(), "x\ny".into()]),
            (5, vec!["2".into(), "3".into()]),
            (7, vec!["4".into(), "5".into()]),
        ];
        assert_eq!(read(&[text]), expected);
        // Any chunking gives the same records, empty chunks included.
        for cut in 0..text.len() {
            assert_eq!(read(&[&text[..cut], &text[cut..]]), expected, "cut at {cut}");
            assert_eq!(read(&[&text[..cut], b"", &text[cut..], b""]), expected, "cut at {cut}");
        }
    }

    #[test]
    fn lines_of_every_line_ending() {
        // Lone CR (old Mac Excel), CRLF, LF, mixed, and breaks inside quotes.
        let text = b"a,b\r1,2\r\n\r\n3,\"x\ry\r\nz\"\n4,5\r6,7";
        let expected = vec![
            (1, vec!["a".to_string(), "b".into()]),
            (2, vec!["1".into(), "2".into()]),
            (4, vec!["3".into(), "x\ry\r\nz".into()]),
            (7, vec!["4".into(), "5".into()]),
            (8, vec!["6".into(), "7".into()]),
        ];
        assert_eq!(read(&[text]), expected);
        for cut in 0..text.len() {
            assert_eq!(read(&[&text[..cut], &text[cut..]]), expected, "cut at {cut}");
        }
    }

    #[test]
    fn word_wide_counts_equal_byte_counts() {
        // Every length around the 8-byte words, the byte at every place,
        // and neighbours one bit away (0x0a vs 0x0b, 0x8a) that must not count.
        for len in 0..24 {
            for at in 0..len {
                for filler in [b'a', b'\x0b', b'\x8a', b'\xff'] {
                    let mut bytes = vec![filler; len];
                    bytes[at] = b'\n';
                    bytes[len - 1 - at] = b'\n';
                    let naive = bytes.iter().filter(|&&b| b == b'\n').count();
                    assert_eq!(count_byte(&bytes, b'\n'), naive, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn long_fields_grow_the_buffer() {
        let big = "x".repeat(100_000);
        let text = format!("a,{big}\n");
        let records = read(&[text.as_bytes()]);
        assert_eq!(records[0].1[1].len(), 100_000);
    }

    #[test]
    fn delimiter_sniffing() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1;2;3"), (b';', 0));
        assert_eq!(sniff_delimiter(b"a\tb\tc"), (b'\t', 0));
        assert_eq!(sniff_delimiter(b"\"a,b\";c;d"), (b';', 0));
        assert_eq!(sniff_delimiter(b"a,b"), (b',', 0));
        assert_eq!(sniff_delimiter(b"abc"), (b',', 0));
        assert_eq!(sniff_delimiter(b"sep=;\r\na;b"), (b';', 7));
        assert_eq!(sniff_delimiter(b"sep=;\na;b"), (b';', 6));
        assert_eq!(sniff_delimiter(b"sep=;\ra;b"), (b';', 6));
        assert_eq!(sniff_delimiter(b"SEP=\t"), (b'\t', 5));
        assert_eq!(sniff_delimiter(b"Report, October\na;b;c;d\n"), (b';', 0));
    }
}
