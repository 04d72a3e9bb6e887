//! A row of a file being read, as every reader sees it: its fields
//! decoded on demand, its errors positioned (file, line, column, value) and
//! collected, the file's months noted. The readers of the data models
//! (usage, EMS, Azure, Business Applications, skilling, typed values) take
//! a [`Row`]; the loader (`load.rs`) makes one per record.

use crate::decode::field_text;
use crate::hash::FastMap;
use crate::month::{Date, Month};
use crate::number::{parse_count, parse_plain_count, Count, CountError};
use crate::reader::Record;
use crate::report::{ErrorKind, RowError};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Longest value quoted in a message or kept as a name (inputs.md section 3).
pub(crate) const MAX_QUOTED: usize = 200;

/// Distinct spellings remembered per kind; a hostile file of unique values
/// falls back to resolving each row instead of growing the cache.
pub(crate) const MAX_CACHED: usize = 4096;

/// Spellings looked through one by one before the hash table: an export
/// has a handful of workloads or associations, and comparing a few short
/// strings is quicker than hashing one.
pub(crate) const FEW: usize = 16;

/// What a spelling resolves to, as one word for [`Codes`]: the same
/// table code serves months and ids alike.
pub(crate) trait Code: Copy {
    fn code(self) -> u32;
    fn from_code(code: u32) -> Self;
}

impl Code for u8 {
    fn code(self) -> u32 {
        u32::from(self)
    }
    fn from_code(code: u32) -> Self {
        code as u8
    }
}

impl Code for Month {
    fn code(self) -> u32 {
        self.index()
    }
    fn from_code(code: u32) -> Self {
        Month::from_index(code)
    }
}

/// The code of "resolves to nothing" (no month or id is this large).
pub(crate) const NONE: u32 = u32::MAX;

/// Raw field bytes to a code, remembered: the first spellings (at most
/// `FEW`) looked through before the hash table, at most `MAX_CACHED` in
/// all. One type for every kind of spelling, so that its code is in the
/// module once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Codes {
    /// The first spellings seen, with their fingerprints.
    few: Vec<(u64, Box<[u8]>, u32)>,
    /// The others.
    seen: FastMap<Box<[u8]>, u32>,
}

impl Codes {
    pub(crate) fn get(&self, raw: &[u8]) -> Option<u32> {
        let print = fingerprint(raw);
        match self.few.iter().find(|(p, spelling, _)| *p == print && **spelling == *raw) {
            Some(&(_, _, code)) => Some(code),
            None => self.seen.get(raw).copied(),
        }
    }

    /// True when no further spelling is remembered.
    pub(crate) fn full(&self) -> bool {
        self.seen.len() >= MAX_CACHED
    }

    pub(crate) fn insert(&mut self, raw: &[u8], code: u32) {
        if self.few.len() < FEW {
            self.few.push((fingerprint(raw), raw.into(), code));
        } else if self.seen.len() < MAX_CACHED {
            self.seen.insert(raw.into(), code);
        }
    }
}

/// Raw field bytes to what they resolve to (`None`: not a known name).
pub(crate) struct Spellings<T> {
    cached: Cached,
    of: std::marker::PhantomData<T>,
}

impl<T> Default for Spellings<T> {
    fn default() -> Self {
        Spellings { cached: Cached { codes: Codes::default(), last: (Vec::new(), NONE) }, of: std::marker::PhantomData }
    }
}

/// What [`Spellings`] keep, whatever they resolve to.
struct Cached {
    codes: Codes,
    /// The previous row's, checked first: consecutive rows mostly agree.
    last: (Vec<u8>, u32),
}

/// The first eight bytes of a spelling and its length, in one word: two
/// spellings that differ there (`Oct-2025`, `Nov-2025`; `Teams`,
/// `TeamsPhone`) are told apart without comparing them byte by byte.
fn fingerprint(raw: &[u8]) -> u64 {
    let head = match raw.first_chunk::<8>() {
        Some(&head) => head,
        None => {
            let mut word = [0; 8];
            for (w, &b) in word.iter_mut().zip(raw) {
                *w = b;
            }
            word
        }
    };
    u64::from_le_bytes(head) ^ (raw.len() as u64).rotate_right(8)
}

impl<T: Code> Spellings<T> {
    pub(crate) fn resolve(&mut self, raw: &[u8], resolve: impl FnOnce() -> Option<T>) -> Option<T> {
        let mut resolve = Some(resolve);
        let code = self.cached.resolve(raw, &mut || resolve.take().and_then(|r| r()).map_or(NONE, T::code));
        (code != NONE).then(|| T::from_code(code))
    }
}

impl Cached {
    /// [`Spellings::resolve`] on codes, once for every kind.
    fn resolve(&mut self, raw: &[u8], resolve: &mut dyn FnMut() -> u32) -> u32 {
        if !raw.is_empty() && self.last.0 == raw {
            return self.last.1;
        }
        let code = match self.codes.get(raw) {
            Some(code) => code,
            None => {
                let code = resolve();
                self.codes.insert(raw, code);
                code
            }
        };
        self.last.0.clear();
        self.last.0.extend_from_slice(raw);
        self.last.1 = code;
        code
    }
}

/// What every row of a file shares with the readers.
#[derive(Default)]
pub(crate) struct RowContext {
    pub(crate) name: String,
    pub(crate) today: Option<Month>,
    pub(crate) header: Vec<String>,
    /// The errors of the row being read; one buffer for every row.
    pub(crate) row_errors: Vec<RowError>,
    pub(crate) windows_1252: bool,
    /// The delimiter lets a comma be a decimal mark (`;` or tab).
    pub(crate) decimal_comma: bool,
    pub(crate) months: BTreeSet<Month>,
    /// The month of the last usage row, already in `months`.
    pub(crate) last_month: Option<Month>,
    /// Month spellings seen on earlier rows, resolved once.
    pub(crate) month_spellings: Spellings<Month>,
}

impl RowContext {
    /// The header's name for column `i`, or where it is beyond the header.
    pub(crate) fn column_name(&self, i: usize) -> String {
        match self.header.get(i) {
            Some(name) => name.clone(),
            None => format!("field {} (beyond the header)", i + 1),
        }
    }
}

/// A value quoted in a message or kept as a name, cut short when huge
/// (its length said), so that a hostile value never makes a large report.
pub(crate) fn quoted(value: &str) -> String {
    match value.char_indices().nth(MAX_QUOTED) {
        Some((i, _)) => format!("{}… ({} characters)", &value[..i], value.chars().count()),
        None => value.to_string(),
    }
}

/// A row being read: its fields decoded on demand, its errors collected
/// in the context's `row_errors`.
pub(crate) struct Row<'r, 'c> {
    pub(crate) record: &'r Record<'r>,
    pub(crate) ctx: &'c mut RowContext,
}

/// A flag column set on the row (`1`, `true`).
pub(crate) fn flag_set(raw: &[u8]) -> bool {
    matches!(raw.trim_ascii(), b"1" | b"1.0" | b"true" | b"True" | b"TRUE")
}

impl<'r> Row<'r, '_> {
    /// A field's bytes as read (empty past the row's end).
    pub(crate) fn raw(&self, column: usize) -> &'r [u8] {
        self.record.get(column).unwrap_or_default()
    }

    /// The file's header row.
    pub(crate) fn header(&self) -> &[String] {
        &self.ctx.header
    }

    pub(crate) fn text(&mut self, column: usize) -> Cow<'_, str> {
        let bytes = self.record.get(column).unwrap_or_default();
        let (text, fallback) = field_text(bytes);
        self.ctx.windows_1252 |= fallback;
        text
    }

    /// A name kept for the report (a customer's), trimmed and cut to 200
    /// characters; `None` when empty.
    pub(crate) fn name(&mut self, column: usize) -> Option<String> {
        let text = self.text(column);
        let name = text.trim();
        (!name.is_empty()).then(|| quoted(name))
    }

    pub(crate) fn error(&mut self, column: usize, value: &str, kind: ErrorKind, message: String) {
        self.ctx.row_errors.push(RowError {
            kind,
            file: self.ctx.name.clone(),
            line: Some(self.record.line),
            column: self.ctx.header.get(column).cloned(),
            value: Some(quoted(value)),
            message,
        });
    }

    pub(crate) fn required(&mut self, column: usize, what: &str) -> Option<String> {
        let text = self.text(column).trim().to_string();
        if text.is_empty() {
            self.error(column, "", ErrorKind::EmptyValue, format!("empty {what}"));
            return None;
        }
        Some(text)
    }

    pub(crate) fn count(&mut self, column: usize) -> Option<Count> {
        if let Some(count) = parse_plain_count(self.record.get(column).unwrap_or_default()) {
            return Some(count);
        }
        let text = self.text(column).into_owned();
        parse_count(&text)
            .map_err(|e| {
                let kind = if e == CountError::Empty { ErrorKind::EmptyValue } else { ErrorKind::BadNumber };
                self.error(column, &text, kind, e.message().to_string())
            })
            .ok()
    }

    /// The file's months, as its report lists them.
    pub(crate) fn note_month(&mut self, month: Month) {
        if self.ctx.last_month != Some(month) {
            self.ctx.months.insert(month);
            self.ctx.last_month = Some(month);
        }
    }

    pub(crate) fn month(&mut self, column: usize) -> Option<Month> {
        let raw = self.record.get(column).unwrap_or_default();
        let parsed = self.ctx.month_spellings.resolve(raw, || Month::parse_export(&field_text(raw).0));
        let text = || field_text(raw).0.into_owned();
        let Some(month) = parsed else {
            let text = text();
            let (kind, message) = if text.trim().is_empty() {
                (ErrorKind::EmptyValue, "empty month")
            } else {
                (ErrorKind::BadMonth, "not a month (expected e.g. Oct-2024, 2024-10 or 10/1/2024)")
            };
            self.error(column, &text, kind, message.to_string());
            return None;
        };
        if self.ctx.today.is_some_and(|today| month > today) {
            self.error(column, &text(), ErrorKind::FutureMonth, format!("month {month} is in the future"));
            return None;
        }
        Some(month)
    }

    /// An optional date column that cannot be after today (a completion
    /// date, a reporting month): a later one is a `futureMonth` error, so
    /// that it never dates the rest of the file (inputs.md section 3).
    pub(crate) fn past_date(&mut self, column: Option<usize>) -> Result<Option<Date>, ()> {
        let date = self.date(column)?;
        if let (Some(date), Some(today), Some(column)) = (date, self.ctx.today, column) {
            if date.month > today {
                let text = self.text(column).trim().to_string();
                let message = format!("month {} is in the future", date.month);
                self.error(column, &text, ErrorKind::FutureMonth, message);
                return Err(());
            }
        }
        Ok(date)
    }

    /// An optional date column: empty is fine, a bad date is an error.
    pub(crate) fn date(&mut self, column: Option<usize>) -> Result<Option<Date>, ()> {
        let Some(column) = column else { return Ok(None) };
        let text = self.text(column).trim().to_string();
        if text.is_empty() {
            return Ok(None);
        }
        match Date::parse(&text) {
            Some(date) => Ok(Some(date)),
            None => {
                self.error(
                    column,
                    &text,
                    ErrorKind::BadDate,
                    "not a date (expected e.g. 2024-10-01 or 10/1/2024)".into(),
                );
                Err(())
            }
        }
    }
}
