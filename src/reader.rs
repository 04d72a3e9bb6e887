//! A push-style CSV record reader over `csv-core`, the engine of the `csv`
//! crate. Push-style because the browser hands the file over in chunks: the
//! reader keeps a partial record between calls, so memory stays bounded by
//! the longest record, not the file.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields and the line it starts on (1-based).
pub struct Record<'a> {
    pub line: u64,
    /// How many lines it takes: more than 1 when a quoted field holds line
    /// breaks.
    pub lines: u64,
    bytes: &'a [u8],
    ends: &'a [usize],
    /// Bytes between one field's end and the next one's start: 0 in
    /// csv-core's output (fields packed), 1 in a line read as written (a
    /// delimiter between fields).
    gap: usize,
    /// Its first quoted field that holds a line break or is never closed:
    /// what an unclosed quote looks like.
    pub quote: Option<QuotedField<'a>>,
    /// Why the record is not whole: it broke a limit ([`MAX_FIELD`],
    /// [`MAX_FIELDS`], [`MAX_SPAN`]) and was cut there.
    pub cut: Option<Cut>,
}

/// Longest field: a row error beyond it (no download comes near).
pub const MAX_FIELD: usize = 64 * 1024;
/// Most fields a record is read with: the rest of a wider line is skipped,
/// so a header of millions of empty fields costs no more than this.
pub const MAX_FIELDS: usize = 4 * 1024;
/// Longest record spanning several lines (a quoted field holding line
/// breaks): beyond it, the quote is taken as never closed and the lines
/// after the one it opened on are read again, each as a row.
pub const MAX_SPAN: usize = 64 * 1024;
/// Longest one-line record, however short its fields.
const MAX_RECORD: usize = 1024 * 1024;

/// A limit a record broke, and so was cut at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// This field (0-based) is longer than [`MAX_FIELD`] (or the line
    /// longer than [`MAX_RECORD`] while reading it): the rest of the line
    /// was skipped unless the record was whole.
    LongField(usize),
    /// More than [`MAX_FIELDS`] fields: the rest of the line was skipped.
    TooManyFields,
    /// A quoted field ran over several lines past [`MAX_SPAN`]: its quote
    /// is taken as never closed; the lines after it are read again.
    Span,
}

/// What the reader does after handing over a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Goes on after it.
    Next,
    /// Reads the lines after its first one again, each on its own: its
    /// quote was never closed (inputs.md section 3), so they are rows, not
    /// the inside of a field. Asked only of a record with a `quote`.
    Reread,
}

/// A quoted field that holds a line break, or whose quote is never closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedField<'a> {
    /// Which field of the record (0-based).
    pub field: usize,
    /// The line the quote opens on.
    pub line: u64,
    /// The last line the field reaches (the last line holding text, when
    /// the quote runs to the end of the file).
    pub end_line: u64,
    pub close: Close,
    /// The field as written, from its opening quote to the end of that line.
    pub start: &'a [u8],
}

/// How a quoted field ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Close {
    /// At a quote followed by a delimiter or a line break, as it should.
    Proper,
    /// At a quote followed by more text: a quote that opens another field,
    /// or one inside a value, taken for the closing one.
    Stray,
    /// Never: the field runs to the end of the file.
    Never,
}

impl<'a> Record<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)? + self.gap,
            None => 0,
        };
        self.bytes.get(start..end)
    }
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
    /// The first field holding `byte`.
    pub fn field_with(&self, byte: u8) -> Option<usize> {
        // One search of the whole record first: the common answer is none.
        if !self.bytes.contains(&byte) {
            return None;
        }
        (0..self.len()).find(|&i| self.get(i).is_some_and(|f| f.contains(&byte)))
    }
    /// The first field longer than [`MAX_FIELD`].
    fn long_field(&self) -> Option<usize> {
        // Checked field by field only when the whole record is that long.
        if self.bytes.len() <= MAX_FIELD {
            return None;
        }
        (0..self.len()).find(|&i| self.get(i).is_some_and(|f| f.len() > MAX_FIELD))
    }
    /// The first field holding a NUL byte (a damaged file).
    pub fn nul_field(&self) -> Option<usize> {
        // A plain line has none: it was not read as one.
        if self.gap == 1 {
            return None;
        }
        self.field_with(0)
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
    /// The bytes of the record being read that came in earlier calls: a
    /// record holding a line break inside a field is read over again to
    /// find where its quotes open and close (csv-core does not say).
    carried: Vec<u8>,
    delimiter: u8,
    /// csv-core is between records (it has just returned one), so a plain
    /// line may be read without it.
    between_records: bool,
    /// The delimiter lets a line be read without csv-core: it is no quote
    /// and no line break.
    plain_lines: bool,
    /// Where the fields of a plain line end.
    line_ends: Vec<usize>,
    /// A record was cut at a limit: the rest of its line is skipped.
    skipping: bool,
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
            carried: Vec::new(),
            delimiter,
            // The first record is csv-core's: it takes a byte-order mark
            // off the start of the first input it reads, and only then.
            between_records: false,
            plain_lines: !matches!(delimiter, b'"' | b'\n' | b'\r'),
            line_ends: Vec::new(),
            skipping: false,
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
    pub fn feed(&mut self, input: &[u8], on_record: &mut dyn FnMut(Record<'_>) -> Then) {
        if !input.is_empty() {
            self.read(input, false, on_record);
        }
    }

    /// Flushes the last record at the end of the file.
    pub fn finish(&mut self, on_record: &mut dyn FnMut(Record<'_>) -> Then) {
        self.read(b"", true, on_record);
    }

    /// Reads `whole`, and before the rest of it any lines to be read again
    /// (after an unclosed quote). Those are at most one record's worth
    /// ([`MAX_SPAN`]): lines read again that are read again once more are
    /// a part of them, so one buffer holds them, and nothing recurses.
    fn read(&mut self, whole: &[u8], at_end: bool, on_record: &mut dyn FnMut(Record<'_>) -> Then) {
        let mut rest = whole;
        let mut again: Vec<u8> = Vec::new();
        loop {
            if !again.is_empty() {
                let lines = std::mem::take(&mut again);
                if let Some((first, read)) = self.read_input(&lines, false, on_record) {
                    again = first;
                    again.extend_from_slice(lines.get(read..).unwrap_or_default());
                }
                continue;
            }
            // An empty input is the end of the file to csv-core.
            if rest.is_empty() && !at_end {
                return;
            }
            match self.read_input(rest, at_end, on_record) {
                Some((first, read)) => {
                    again = first;
                    rest = rest.get(read..).unwrap_or_default();
                }
                None => return,
            }
        }
    }

    /// Reads `whole` until it is used up, or until lines are to be read
    /// again: then returns them and how much of `whole` was read.
    fn read_input(
        &mut self,
        whole: &[u8],
        at_end: bool,
        on_record: &mut dyn FnMut(Record<'_>) -> Then,
    ) -> Option<(Vec<u8>, usize)> {
        let mut input = whole;
        // Where in `whole` the record being read began.
        let mut record_start = 0;
        loop {
            if self.skipping {
                // The rest of a line cut at a limit, up to its line break.
                match input.iter().position(|&b| b == b'\n' || b == b'\r') {
                    Some(at) => {
                        let (skipped, after) = input.split_at(at + 1);
                        self.breaks.add(skipped);
                        input = after;
                        self.skipping = false;
                        self.restart();
                        record_start = whole.len() - input.len();
                    }
                    None => {
                        self.breaks.add(input);
                        return None;
                    }
                }
            }
            // Most lines hold no quote: read them here, without csv-core's
            // byte-by-byte state machine and the count of their line breaks.
            // After a `\r` ending the last input the next `\n` is its pair,
            // which csv-core skips.
            if self.between_records && !self.breaks.after_cr {
                if let Some((taken, content)) = plain_line(input, self.delimiter, &mut self.line_ends) {
                    let line = self.breaks.count + 1;
                    self.breaks.count += 1;
                    let fields = input.get(..content).unwrap_or_default();
                    input = input.get(taken..).unwrap_or_default();
                    // A blank line is no record, as csv-core skips it.
                    if content > 0 {
                        let mut record = Record {
                            line,
                            lines: 1,
                            bytes: fields,
                            ends: &self.line_ends,
                            gap: 1,
                            quote: None,
                            cut: None,
                        };
                        record.cut = record.long_field().map(Cut::LongField);
                        on_record(record);
                        record_start = whole.len() - input.len();
                        self.breaks_before_record = self.breaks.count;
                    }
                    continue;
                }
            }
            // The output is handed over to one byte past `MAX_FIELD` of the
            // field being read, so that a field growing past the limit is
            // seen as it does.
            let out_end = self.out.len().min(self.field_start() + MAX_FIELD + 1);
            let (result, nin, nout, nend) = self.csv.read_record(
                input,
                self.out.get_mut(self.out_len..out_end).unwrap_or_default(),
                self.ends.get_mut(self.ends_len..).unwrap_or_default(),
            );
            // csv-core never reports more input read than it was given; the
            // checked forms only keep a broken promise from being a panic.
            let read = input.get(..nin).unwrap_or_default();
            let ended_on_break = matches!(read.last(), Some(b'\n' | b'\r'));
            self.breaks.add(read);
            input = input.get(nin..).unwrap_or_default();
            self.out_len += nout;
            self.ends_len += nend;
            self.between_records = self.plain_lines && matches!(result, ReadRecordResult::Record);
            match result {
                ReadRecordResult::InputEmpty | ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull
                    if !(at_end && matches!(result, ReadRecordResult::InputEmpty)) =>
                {
                    let read_to = whole.len() - input.len();
                    if let Some(again) =
                        self.cut_if_too_long(whole.get(record_start..read_to).unwrap_or_default(), on_record)
                    {
                        return Some((again, read_to));
                    }
                    if self.skipping {
                        record_start = read_to;
                        continue;
                    }
                    match result {
                        ReadRecordResult::InputEmpty => {
                            self.carried.extend_from_slice(whole.get(record_start..).unwrap_or_default());
                            return None;
                        }
                        ReadRecordResult::OutputFull if self.out_len == self.out.len() => {
                            let len = self.out.len() * 2;
                            self.out.resize(len, 0);
                        }
                        ReadRecordResult::OutputEndsFull => {
                            let len = self.ends.len() * 2;
                            self.ends.resize(len, 0);
                        }
                        _ => {}
                    }
                }
                ReadRecordResult::InputEmpty | ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
                ReadRecordResult::Record => {
                    let record = Record {
                        line: 0,
                        lines: 1,
                        bytes: self.out.get(..self.out_len).unwrap_or_default(),
                        gap: 0,
                        ends: self.ends.get(..self.ends_len).unwrap_or_default(),
                        quote: None,
                        cut: None,
                    };
                    // The breaks read so far include those inside quoted
                    // fields and the one ending the record, if one does (the
                    // last record of a file may end without one); a record
                    // read with no more breaks than that has none inside.
                    let breaks_read = self.breaks.count.saturating_sub(self.breaks_before_record);
                    let inside: u64 =
                        if breaks_read > u64::from(ended_on_break) { record.iter().map(Breaks::of).sum() } else { 0 };
                    let line = (self.breaks.count + 1).saturating_sub(inside + u64::from(ended_on_break)).max(1);
                    // A quote left open at the end of the file holds the
                    // break ending the last line, which starts no line.
                    let last_break = at_end && matches!(record.bytes.last(), Some(b'\n' | b'\r'));
                    let lines = (1 + inside).saturating_sub(u64::from(last_break)).max(1);
                    // Only a record with a break inside a field, or the last
                    // one (its quote may never close), is read over again.
                    let record_end = whole.len() - input.len();
                    let quote = if inside > 0 || at_end {
                        self.carried.extend_from_slice(whole.get(record_start..record_end).unwrap_or_default());
                        quoted_field(&self.carried, self.delimiter, line)
                    } else {
                        None
                    };
                    let cut = record.long_field().map(Cut::LongField);
                    let then = on_record(Record { line, lines, quote, cut, ..record });
                    self.out_len = 0;
                    self.ends_len = 0;
                    record_start = record_end;
                    if then == Then::Reread && quote.is_some() {
                        let again = after_first_line(&self.carried).to_vec();
                        self.carried.clear();
                        self.reread_from(line);
                        return Some((again, record_end));
                    }
                    self.carried.clear();
                    self.breaks_before_record = self.breaks.count;
                }
                ReadRecordResult::End => return None,
            }
        }
    }

    /// The record being read (`pending`: its bytes read in this call, after
    /// those `carried` from earlier ones) has broken a limit: it is handed
    /// over cut. A record spanning lines is then read again after its first
    /// line (returned); a one-line record's line is skipped to its end.
    fn cut_if_too_long(&mut self, pending: &[u8], on_record: &mut dyn FnMut(Record<'_>) -> Then) -> Option<Vec<u8>> {
        let span = self.carried.len() + pending.len();
        let field_len = self.out_len - self.field_start().min(self.out_len);
        let too_many = self.ends_len >= MAX_FIELDS;
        if span <= MAX_SPAN && field_len <= MAX_FIELD && !too_many {
            return None;
        }
        self.carried.extend_from_slice(pending);
        // Blank lines before the record are not part of it.
        let start = self.carried.iter().position(|&b| b != b'\n' && b != b'\r').unwrap_or(self.carried.len());
        let body = self.carried.get(start..).unwrap_or_default();
        // Counted back from the breaks read (a `\n` left of a `\r\n`
        // ending the record before is no line of its own).
        let line = (self.breaks.count + 1).saturating_sub(Breaks::of(body)).max(1);
        let spans_lines = body.iter().any(|&b| b == b'\n' || b == b'\r');
        if spans_lines && span > MAX_SPAN {
            let quote = quoted_field(body, self.delimiter, line);
            let lines = 1 + Breaks::of(body);
            let bytes = self.out.get(..self.out_len).unwrap_or_default();
            let ends = self.ends.get(..self.ends_len).unwrap_or_default();
            on_record(Record { line, lines, bytes, ends, gap: 0, quote, cut: Some(Cut::Span) });
            let again = after_first_line(&self.carried).to_vec();
            self.carried.clear();
            self.reread_from(line);
            return Some(again);
        }
        if !spans_lines && (field_len > MAX_FIELD || self.out_len > MAX_RECORD || too_many) {
            // The field being read is handed over as the record's last.
            let mut ends = self.ends.get(..self.ends_len).unwrap_or_default().to_vec();
            let cut = if too_many { Cut::TooManyFields } else { Cut::LongField(ends.len()) };
            if !too_many {
                ends.push(self.out_len);
            }
            let bytes = self.out.get(..self.out_len).unwrap_or_default();
            on_record(Record { line, lines: 1, bytes, ends: &ends, gap: 0, quote: None, cut: Some(cut) });
            self.carried.clear();
            self.skipping = true;
            return None;
        }
        // Not a limit after all: what was read stays carried.
        self.carried.truncate(self.carried.len() - pending.len());
        None
    }

    /// Where in the output the field being read starts.
    fn field_start(&self) -> usize {
        self.ends_len.checked_sub(1).and_then(|i| self.ends.get(i)).copied().unwrap_or(0)
    }

    /// Starts a record afresh, csv-core's state and the record's buffers
    /// dropped.
    fn restart(&mut self) {
        self.csv.reset();
        self.out_len = 0;
        self.ends_len = 0;
        self.carried.clear();
        self.between_records = self.plain_lines;
        self.breaks_before_record = self.breaks.count;
    }

    /// Gets ready to read again the lines after `line`, the one an
    /// unclosed quote opened on.
    fn reread_from(&mut self, line: u64) {
        self.breaks = Breaks { count: line, after_cr: false };
        self.restart();
    }
}

/// `raw` (a record as written) after its first line holding text and the
/// line break ending it.
fn after_first_line(raw: &[u8]) -> &[u8] {
    let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
    let start = raw.iter().position(|b| !is_break(b)).unwrap_or(raw.len());
    let body = raw.get(start..).unwrap_or_default();
    match body.iter().position(is_break) {
        Some(at) => {
            let skip = if body.get(at..at + 2) == Some(b"\r\n") { 2 } else { 1 };
            body.get(at + skip..).unwrap_or_default()
        }
        None => &[],
    }
}

/// A line with no quote, no NUL and no `\r` but the one ending it, at
/// the start of `input`: csv-core would read it as fields cut at each
/// delimiter, as written. Returns the bytes it takes, line break included,
/// and how many hold its fields (0: a blank line), with where each field
/// ends in `ends`; `None` when the line is not plain or not complete.
fn plain_line(input: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize)> {
    ends.clear();
    let mut at = 0;
    loop {
        at = next_that_may_matter(input, at, delimiter);
        let &b = input.get(at)?;
        if b == delimiter {
            // A line of too many fields is csv-core's to cut.
            if ends.len() >= MAX_FIELDS {
                return None;
            }
            ends.push(at);
        } else if b == b'\n' {
            ends.push(at);
            return Some((at + 1, at));
        } else if b == b'\r' {
            // `\r\n` or a lone `\r` (old Mac Excel); which one is not known
            // yet when the input ends here.
            let taken = match input.get(at + 1) {
                Some(b'\n') => at + 2,
                Some(_) => at + 1,
                None => return None,
            };
            ends.push(at);
            return Some((taken, at));
        } else if b == b'"' || b == 0 {
            // A NUL, in no export, is left to be found in the record.
            return None;
        }
        at += 1;
    }
}

/// Where the next byte [`plain_line`] looks at may be, from `at`: eight
/// bytes at a time (a field is a few words long, and this runs on nearly
/// every byte), then the last few one by one.
/// (WebAssembly's SIMD, sixteen bytes at a time, measured no faster in
/// Node: the scan is a small part of the load once it skips whole words.)
fn next_that_may_matter(input: &[u8], mut at: usize, delimiter: u8) -> usize {
    while let Some(&word) = input.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let special = may_matter(u64::from_le_bytes(word), delimiter);
        if special != 0 {
            return at + (special.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// In `word` (eight bytes, the first lowest), the high bit of each byte
/// that is the delimiter, a quote or a control character below `\r` + 1
/// (NUL, tab, line breaks): the bytes [`plain_line`] looks at. Exact, so
/// the lowest bit set is the first such byte.
fn may_matter(word: u64, delimiter: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = !LOW7;
    let ones = u64::from_le_bytes([1; 8]);
    // High bit of each zero byte of `x`, carrying nothing across bytes.
    let zero = |x: u64| !(((x & LOW7) + LOW7) | x | LOW7);
    // High bit of each byte below 0x0e: adding 0x72 to its low seven bits
    // reaches 0x80 from 0x0e up; a byte with its own high bit is not below.
    let control = !(((word & LOW7) + ones * 0x72) | word) & HIGH;
    zero(word ^ (ones * u64::from(delimiter))) | zero(word ^ (ones * u64::from(b'"'))) | control
}

/// Finds, in the bytes of one record (`raw`, as written, from the end of
/// the record before), the first quoted field that holds a line break or
/// is never closed, reading quotes as csv-core does: a field is quoted when
/// it starts with a quote; inside, `""` is a quote and any other quote
/// closes the field; a quote that does not start a field is text. `line`
/// is the line the record starts on.
fn quoted_field(raw: &[u8], delimiter: u8, line: u64) -> Option<QuotedField<'_>> {
    #[derive(Clone, Copy)]
    enum State {
        StartRecord,
        StartField,
        InField,
        InQuotes,
        /// A quote inside quotes: a `""` pair or the closing quote.
        QuoteInQuotes,
    }
    let is_break = |b: u8| b == b'\n' || b == b'\r';
    let mut state = State::StartRecord;
    let mut field = 0;
    let mut open = 0;
    let mut has_break = false;
    let found = |field: usize, open: usize, close: Option<(usize, Close)>| {
        let from_quote = raw.get(open..).unwrap_or_default();
        let first_line_len = from_quote.iter().position(|&b| is_break(b)).unwrap_or(from_quote.len());
        // The fields before it hold no line break: it opens on the record's first line.
        let (close, within) = match close {
            Some((at, close)) => (close, raw.get(open..=at).unwrap_or_default()),
            None => (Close::Never, from_quote.trim_ascii_end()),
        };
        Some(QuotedField {
            field,
            line,
            end_line: line + Breaks::of(within),
            close,
            start: from_quote.get(..first_line_len).unwrap_or_default(),
        })
    };
    for (i, &b) in raw.iter().enumerate() {
        state = match state {
            State::StartRecord if is_break(b) => State::StartRecord,
            State::StartRecord | State::StartField => {
                if b == b'"' {
                    open = i;
                    has_break = false;
                    State::InQuotes
                } else if b == delimiter {
                    field += 1;
                    State::StartField
                } else if is_break(b) {
                    return None;
                } else {
                    State::InField
                }
            }
            State::InField => {
                if b == delimiter {
                    field += 1;
                    State::StartField
                } else if is_break(b) {
                    return None;
                } else {
                    State::InField
                }
            }
            State::InQuotes => {
                has_break |= is_break(b);
                if b == b'"' {
                    State::QuoteInQuotes
                } else {
                    State::InQuotes
                }
            }
            State::QuoteInQuotes => {
                if b == b'"' {
                    State::InQuotes
                } else {
                    let proper = b == delimiter || is_break(b);
                    if has_break {
                        let close = if proper { Close::Proper } else { Close::Stray };
                        return found(field, open, Some((i - 1, close)));
                    }
                    if b == delimiter {
                        field += 1;
                        State::StartField
                    } else if is_break(b) {
                        return None;
                    } else {
                        State::InField
                    }
                }
            }
        };
    }
    match state {
        State::InQuotes => found(field, open, None),
        State::QuoteInQuotes if has_break => found(field, open, Some((raw.len() - 1, Close::Proper))),
        _ => None,
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
            Then::Next
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

    /// The records of `chunks` with their quoted field holding a break or
    /// never closed: `(line, field, end line, close, start)`.
    type Quote = (u64, usize, u64, Close, String);
    type Quotes = Vec<(u64, Option<Quote>)>;

    fn quotes(chunks: &[&[u8]]) -> Quotes {
        let mut reader = RecordReader::new(b',');
        let mut records = vec![];
        let mut push = |r: Record<'_>| {
            let quote =
                r.quote.map(|q| (q.line, q.field, q.end_line, q.close, String::from_utf8_lossy(q.start).into_owned()));
            records.push((r.line, quote));
            Then::Next
        };
        for c in chunks {
            reader.feed(c, &mut push);
        }
        reader.finish(&mut push);
        records
    }

    #[test]
    fn unclosed_quotes_are_found_where_they_open() {
        let never = |line, field, end, start: &str| Some((line, field, end, Close::Never, start.to_string()));
        let cases: Vec<(&[u8], Quotes)> = vec![
            // In the last record, on the last line: was line 4, past the end.
            (b"a,b\n1,2\n\"3,4\n", vec![(1, None), (2, None), (3, never(3, 0, 3, "\"3,4"))]),
            (b"a,b\n1,2\n\"3,4", vec![(1, None), (2, None), (3, never(3, 0, 3, "\"3,4"))]),
            (b"a,b\r\n1,2\r\n3,\"4\r\n\r\n", vec![(1, None), (2, None), (3, never(3, 1, 3, "\"4"))]),
            // Swallowing the lines after it, blank ones at the end not counted.
            (b"a,b\n\"1,2\n3,4\r5,6\n\n", vec![(1, None), (2, never(2, 0, 4, "\"1,2"))]),
            // Closed by the next quote, which opens a field on line 4.
            (
                b"a,b\n\"1,2\n3,4\n\"5\",6\n7,8\n",
                vec![(1, None), (2, Some((2, 0, 4, Close::Stray, "\"1,2".into()))), (5, None)],
            ),
            // A lone quote on a line of its own closes it as a quote should.
            (b"a,b\n1,\"2\n3\n\"\n4,5", vec![(1, None), (2, Some((2, 1, 4, Close::Proper, "\"2".into()))), (5, None)]),
            // A value with a line break, and quotes without one: nothing to say.
            (b"a,\"x\ny\"\n\"p\"\"q\",r\"s\n", vec![(1, Some((1, 1, 2, Close::Proper, "\"x".into()))), (3, None)]),
            (b"a,\"b\"c,d\n", vec![(1, None)]),
        ];
        for (text, expected) in cases {
            let name = String::from_utf8_lossy(text);
            assert_eq!(quotes(&[text]), expected, "{name}");
            for cut in 0..text.len() {
                assert_eq!(quotes(&[&text[..cut], &text[cut..]]), expected, "{name} cut at {cut}");
            }
            let bytes: Vec<&[u8]> = text.chunks(1).collect();
            assert_eq!(quotes(&bytes), expected, "{name} byte by byte");
        }
    }

    /// A record as the reader gives it: line, lines, fields, quote.
    type Everything = (u64, u64, Vec<Vec<u8>>, Option<Quote>);

    fn everything(chunks: &[&[u8]], plain_lines: bool) -> Vec<Everything> {
        let mut reader = RecordReader::new(b',');
        reader.plain_lines &= plain_lines;
        reader.between_records &= plain_lines;
        let mut records = vec![];
        let mut push = |r: Record<'_>| {
            let quote =
                r.quote.map(|q| (q.line, q.field, q.end_line, q.close, String::from_utf8_lossy(q.start).into_owned()));
            records.push((r.line, r.lines, r.iter().map(<[u8]>::to_vec).collect(), quote));
            Then::Next
        };
        for c in chunks {
            reader.feed(c, &mut push);
        }
        reader.finish(&mut push);
        records
    }

    #[test]
    fn plain_lines_read_as_csv_core_reads_them() {
        // Texts made of the bytes that matter, cut anywhere: reading plain
        // lines without csv-core changes nothing.
        const PIECES: [&[u8]; 11] =
            [b"a", b"bcdefghij", b",", b"\"", b"\n", b"\r", b"\r\n", b" ", b"\0", b"\t", b"\xef\xbb\xbf"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for _ in 0..250 {
            let len = 1 + next(30);
            let text: Vec<u8> = (0..len).flat_map(|_| PIECES[next(PIECES.len())].iter().copied()).collect();
            assert_eq!(everything(&[&text], true), everything(&[&text], false), "{:?}", String::from_utf8_lossy(&text));
            for cut in 0..text.len() {
                let chunks = [&text[..cut], &text[cut..]];
                let name = String::from_utf8_lossy(&text);
                assert_eq!(everything(&chunks, true), everything(&chunks, false), "{name:?} cut at {cut}");
            }
        }
    }

    #[test]
    fn lines_a_record_takes() {
        let text = b"a,b\n\"x\r\ny\",\"1\r2\"\n3,4\n\"5\n6\n";
        for cut in 0..text.len() {
            let mut reader = RecordReader::new(b',');
            let mut lines = vec![];
            reader.feed(&text[..cut], &mut |r| {
                lines.push((r.line, r.lines));
                Then::Next
            });
            reader.feed(&text[cut..], &mut |r| {
                lines.push((r.line, r.lines));
                Then::Next
            });
            reader.finish(&mut |r| {
                lines.push((r.line, r.lines));
                Then::Next
            });
            assert_eq!(lines, [(1, 1), (2, 3), (5, 1), (6, 2)], "cut at {cut}");
        }
    }

    #[test]
    fn lines_skipped_by_the_caller_count() {
        let mut reader = RecordReader::new(b';');
        reader.skip_lines(1);
        let mut lines = vec![];
        reader.feed(b"a;b\r\n1;2\r\n", &mut |r| {
            lines.push(r.line);
            Then::Next
        });
        reader.finish(&mut |r| {
            lines.push(r.line);
            Then::Next
        });
        assert_eq!(lines, [2, 3]);
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
    fn bytes_that_matter_are_found_exactly() {
        for delimiter in [b',', b';', b'\t', b'|', 0xe9] {
            for at in 0..8 {
                for byte in 0..=255u8 {
                    for filler in [b'a', b'0', b' ', 0x80, 0xff, 0x0e, 0x8d] {
                        let mut word = [filler; 8];
                        word[at] = byte;
                        let expected: u64 = word
                            .iter()
                            .enumerate()
                            .filter(|(_, &b)| b == delimiter || b == b'"' || b < 0x0e)
                            .map(|(i, _)| 0x80 << (8 * i))
                            .sum();
                        assert_eq!(may_matter(u64::from_le_bytes(word), delimiter), expected, "{word:?} {delimiter}");
                    }
                }
            }
        }
    }

    /// The records of `text` fed in `chunk`-byte pieces, every quoted
    /// record read again as the loader asks: `(line, fields, cut)`, each
    /// field cut to 8 bytes.
    fn reread(text: &[u8], chunk: usize) -> Vec<(u64, Vec<String>, Option<Cut>)> {
        let mut reader = RecordReader::new(b',');
        let mut records = vec![];
        let mut push = |r: Record<'_>| {
            let fields = r.iter().map(|f| String::from_utf8_lossy(&f[..f.len().min(8)]).into_owned()).collect();
            records.push((r.line, fields, r.cut));
            if r.quote.is_some_and(|q| q.close != Close::Proper || r.len() != 2) {
                Then::Reread
            } else {
                Then::Next
            }
        };
        for piece in text.chunks(chunk.max(1)) {
            reader.feed(piece, &mut push);
        }
        reader.finish(&mut push);
        records
    }

    fn fields(line: u64, fields: &[&str]) -> (u64, Vec<String>, Option<Cut>) {
        (line, fields.iter().map(|f| f.to_string()).collect(), None)
    }

    #[test]
    fn lines_after_an_unclosed_quote_are_read_again() {
        let text = b"a,b\n\"1,2\n3,4\r\n5,6\n\"7\",8\n9,\"x\ny\"\n";
        let expected = vec![
            fields(1, &["a", "b"]),
            // Read to the next quote, on line 5: the row of line 2 alone is lost.
            (2, vec!["1,2\n3,4\r".into(), "6\n7\",8".into()], None),
            fields(3, &["3", "4"]),
            fields(4, &["5", "6"]),
            fields(5, &["7", "8"]),
            // A quoted line break in a row of the right width is a value.
            fields(6, &["9", "x\ny"]),
        ];
        // The stray quote's record is not compared field by field.
        let first = |mut r: Vec<(u64, Vec<String>, Option<Cut>)>| {
            r.remove(1);
            r
        };
        for chunk in [1, 2, 3, 5, 7, text.len()] {
            let got = reread(text, chunk);
            assert_eq!(got[1].0, 2, "chunk {chunk}");
            assert_eq!(first(got), first(expected.clone()), "chunk {chunk}");
        }
        // Open to the end of the file, with no line break after the last line.
        let text = b"a,b\n1,\"2\n3,4\n5,6";
        for chunk in [1, 2, 4, text.len()] {
            let got = reread(text, chunk);
            let lines: Vec<u64> = got.iter().map(|r| r.0).collect();
            assert_eq!(lines, [1, 2, 3, 4], "chunk {chunk}");
            assert_eq!(got[3], fields(4, &["5", "6"]), "chunk {chunk}");
        }
    }

    #[test]
    fn a_quote_opening_in_lines_read_again_stays_open_into_the_next_chunk() {
        // The quote on line 4 runs to the one on line 6, which opens
        // another: read again, line 6 stays open into the following
        // input (an empty rest of a chunk is no end of file).
        let text = b"a,b\n1,2\n3,4\n\"x,1\n5,6\n\"y,2\n7,8\n9,10\n";
        let whole = reread(text, text.len());
        let lines: Vec<u64> = whole.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8]);
        for chunk in 1..text.len() {
            assert_eq!(reread(text, chunk), whole, "chunk {chunk}");
        }
    }

    #[test]
    fn a_field_too_long_is_cut_and_its_line_skipped() {
        let long = "x".repeat(MAX_FIELD + 1);
        let text = format!("a,b\n1,{long},\"q\n2,3\n");
        for chunk in [1000, 4096, MAX_FIELD, text.len()] {
            let got = reread(text.as_bytes(), chunk);
            assert_eq!(got.len(), 3, "chunk {chunk}");
            assert_eq!((got[1].0, got[1].2), (2, Some(Cut::LongField(1))), "chunk {chunk}");
            assert_eq!(got[2], fields(3, &["2", "3"]), "chunk {chunk}");
        }
        // With CRLF line ends, the line is still the one the field is on.
        let text = format!("a,b\r\n1,2\r\n1,{long}\r\n2,3\r\n");
        for chunk in [1000, text.len()] {
            let got = reread(text.as_bytes(), chunk);
            assert_eq!((got[2].0, got[2].2), (3, Some(Cut::LongField(1))), "chunk {chunk}");
            assert_eq!(got[3], fields(4, &["2", "3"]), "chunk {chunk}");
        }
        // Exactly the limit is a field.
        let text = format!("a,b\n1,{}\n", &long[1..]);
        assert_eq!(reread(text.as_bytes(), 1000)[1].2, None);
    }

    #[test]
    fn a_line_of_too_many_fields_is_cut() {
        let text = format!("{}\n1,2\n", ",".repeat(10 * MAX_FIELDS));
        for chunk in [100, 1000, text.len()] {
            let got = reread(text.as_bytes(), chunk);
            assert_eq!(got.len(), 2, "chunk {chunk}");
            assert_eq!((got[0].0, got[0].2), (1, Some(Cut::TooManyFields)), "chunk {chunk}");
            assert_eq!(got[1], fields(2, &["1", "2"]), "chunk {chunk}");
        }
        // After the first line too, where plain lines are read without
        // csv-core, and whole in one input.
        let text = format!("a,b\n{}\n1,2\n", ",".repeat(10 * MAX_FIELDS));
        let got = reread(text.as_bytes(), text.len());
        assert_eq!((got[1].0, got[1].2), (2, Some(Cut::TooManyFields)));
        assert_eq!(got[2], fields(3, &["1", "2"]));
    }

    #[test]
    fn a_quote_running_past_the_span_is_cut_and_its_lines_read_again() {
        // A quote open to the end of a file of many lines: the record is
        // cut at `MAX_SPAN`, every line after the quote's still counts.
        let rows = 20_000;
        let mut text = b"a,b\n\"open,1\n".to_vec();
        for i in 0..rows {
            text.extend_from_slice(format!("{i},{i}\n").as_bytes());
        }
        for chunk in [999, 64 * 1024, text.len()] {
            let got = reread(&text, chunk);
            assert_eq!(got.len(), 2 + rows, "chunk {chunk}");
            assert_eq!((got[1].0, got[1].2), (2, Some(Cut::Span)), "chunk {chunk}");
            assert_eq!(got[2 + 7], fields(10, &["7", "7"]), "chunk {chunk}");
            assert_eq!(got.last(), Some(&fields(rows as u64 + 2, &[&(rows - 1).to_string(), &(rows - 1).to_string()])));
        }
    }

    #[test]
    fn long_fields_grow_the_buffer() {
        // Up to the limit, quoted (read by csv-core) or not.
        let big = "x".repeat(MAX_FIELD);
        let text = format!("a,{big}\n\"{big}\",b\n");
        let records = read(&[text.as_bytes()]);
        assert_eq!(records[0].1[1].len(), MAX_FIELD);
        assert_eq!(records[1].1[0].len(), MAX_FIELD);
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
