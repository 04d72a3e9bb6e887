//! Loading one file: sniffing, decoding, recognising the header, and
//! turning each row into store entries or a positioned error.

use crate::azure::Outcome;
use crate::decode::{field_text, sniff, Sniffed, Transcoder};
use crate::input_row::{quoted, Row, RowContext, MAX_QUOTED};
use crate::layout::{recognise, FileKind, Layout, ManualColumns, SkillingColumns, Unrecognised, Unscored};
use crate::manual::{ManualValue, TypedText};
use crate::month::Month;
use crate::people::CertificationRow;
use crate::reader::{sniff_delimiter, Close, Cut, QuotedField, Record, RecordReader, Then, MAX_FIELD, MAX_FIELDS};
use crate::report::{ErrorKind, FileReport, RowError, Warning, WarningKind};
use crate::ruleset::Ruleset;
use crate::text::lowercase;
use crate::usage::read::{usage_row, Lookups};
use crate::usage::store::{Insert, UsageStore};

/// Errors listed per file; further ones are counted in a warning, so that
/// a file of a million bad rows does not make a million-entry report.
const MAX_LISTED_ERRORS: usize = 200;
/// Records searched for the header (title lines may stand above it).
const MAX_PREAMBLE: u32 = 10;
/// Bytes gathered before deciding encoding and delimiter.
const HEAD_BYTES: usize = 64 * 1024;
/// Lines gathered before deciding, when they come before `HEAD_BYTES`.
const HEAD_LINES: usize = 12;

/// The part of the gathered head that encoding and delimiter are decided
/// on: through the `HEAD_LINES`th line break, at most `HEAD_BYTES`. The
/// head itself can hold more (the chunk that completed it), and how much
/// more depends on where the chunks were cut; deciding on all of it let
/// the same file be read as CSV when fed whole and as "a binary file" (a
/// NUL after the 12th line) when fed in chunks, or the other way round
/// (found by fuzzing).
fn decisive(head: &[u8]) -> &[u8] {
    let lines_end = head.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(HEAD_LINES - 1).map(|(i, _)| i + 1);
    let end = lines_end.unwrap_or(head.len()).min(HEAD_BYTES).min(head.len());
    head.get(..end).unwrap_or(head)
}
const EMPTY: &str = "the file is empty: expected a CSV export with a header row.";
/// Widest header read: a wider one is no export, and the file is refused.
const MAX_COLUMNS: usize = 1000;

/// Everything loaded so far, from every file.
#[derive(Debug, Default)]
pub struct Loaded {
    pub usage: UsageStore,
    /// Azure usage and Customers and tenants exports (the Azure areas).
    pub azure: crate::azure::AzureStore,
    pub certifications: Vec<CertificationRow>,
    /// Metric values typed by hand, checked when scored.
    pub manual: Vec<ManualValue>,
    /// Business Applications' revenue and usage downloads.
    pub bizapps: crate::bizapps::Store,
    pub files: Vec<FileReport>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<RowError>,
}

impl Loaded {
    fn warn(&mut self, file: &str, kind: WarningKind, message: String) {
        self.warnings.push(Warning { kind, file: Some(file.to_string()), message });
    }
}

/// A file being loaded; fed in chunks, then finished.
pub struct FileLoader {
    file: usize,
    stage: Stage,
    ctx: Context,
}

enum Stage {
    Head(Vec<u8>),
    // Boxed: the csv-core state machine is large, and a loader is made per file.
    Body { transcoder: Transcoder, reader: Box<RecordReader> },
    Rejected,
}

struct Context {
    /// What every row reader sees of the file (row.rs).
    common: RowContext,
    /// Boxed: taken out and put back on every row (see `record`).
    layout: Option<Box<Layout>>,
    /// A download recognised but not scored: its rows are not read.
    unscored: Option<Unscored>,
    /// A file refused whole (a header too wide): its rows are not read.
    refused: bool,
    /// The first record, when it is not a header, and its line.
    first_record: Option<(u64, Vec<String>)>,
    /// Lines above the header holding text (a title, a quoted title
    /// over several lines), and those of the records tried so far.
    preamble: u64,
    tried_lines: u64,
    tried: u32,
    rows: u64,
    skipped: u64,
    duplicates: u64,
    /// Rows dropped as another location's repeat (`IsDuplicateRowForPGA`).
    pga_duplicates: u64,
    /// Lines repeating the header (exports pasted one after another).
    repeated_headers: u64,
    conflicts: u64,
    listed_errors: usize,
    unlisted_errors: u64,
    lookups: Lookups,
    /// What a business applications download's rows add up to.
    bizapps: crate::bizapps::FileState,
    /// What an EMS usage file's rows come to.
    ems: crate::usage::ems::FileState,
    /// Usage rows that replaced an EMS usage file's figures for their cell.
    ems_replaced: u64,
    /// Newlines in the head gathered so far, counted chunk by chunk:
    /// recounting the whole head on every push was quadratic when a file
    /// came in tiny chunks.
    head_lines: usize,
}

impl FileLoader {
    pub fn new(name: &str, today: Option<Month>, loaded: &mut Loaded) -> FileLoader {
        loaded.files.push(FileReport {
            name: name.to_string(),
            kind: FileKind::Unknown,
            encoding: None,
            delimiter: None,
            rows: 0,
            skipped_rows: 0,
            duplicate_rows: 0,
            pga_duplicate_rows: 0,
            months: vec![],
        });
        FileLoader {
            file: loaded.files.len() - 1,
            stage: Stage::Head(Vec::new()),
            ctx: Context {
                common: RowContext { name: name.to_string(), today, ..RowContext::default() },
                layout: None,
                unscored: None,
                refused: false,
                first_record: None,
                preamble: 0,
                tried_lines: 0,
                tried: 0,
                rows: 0,
                skipped: 0,
                duplicates: 0,
                pga_duplicates: 0,
                repeated_headers: 0,
                conflicts: 0,
                listed_errors: 0,
                unlisted_errors: 0,
                lookups: Lookups::default(),
                bizapps: Default::default(),
                ems: Default::default(),
                ems_replaced: 0,
                head_lines: 0,
            },
        }
    }

    /// `rulesets`: every area's, Modern Work's first (usage exports are read
    /// with it; Azure exports with the first that has Azure rules, business
    /// applications downloads with the area fed by them).
    pub fn push(&mut self, chunk: &[u8], rulesets: &[Ruleset], loaded: &mut Loaded) {
        match &mut self.stage {
            Stage::Head(head) => {
                head.extend_from_slice(chunk);
                self.ctx.head_lines += chunk.iter().filter(|&&b| b == b'\n').count();
                if self.ctx.head_lines >= HEAD_LINES || head.len() >= HEAD_BYTES {
                    let head = std::mem::take(head);
                    self.start(&head, rulesets, loaded);
                }
            }
            Stage::Body { transcoder, reader } => {
                let text = transcoder.push(chunk);
                reader.feed(&text, &mut |r| self.ctx.record(r, rulesets, loaded));
            }
            Stage::Rejected => {}
        }
        self.stop_if_unscored();
    }

    /// A download recognised but not scored is read no further.
    fn stop_if_unscored(&mut self) {
        if self.ctx.unscored.is_some() || self.ctx.refused {
            self.stage = Stage::Rejected;
        }
    }

    /// Decides encoding and delimiter from the first bytes, then reads them.
    fn start(&mut self, head: &[u8], rulesets: &[Ruleset], loaded: &mut Loaded) {
        let decisive = decisive(head);
        let (encoding, bom) = match sniff(decisive) {
            Sniffed::Text { encoding, bom } => (encoding, bom),
            Sniffed::NotText(what) => {
                self.reject(ErrorKind::NotCsv, format!("this looks like {what}, not a CSV file. Export the data from Partner Center as CSV (in Excel: Save As > CSV UTF-8)."), loaded);
                return;
            }
        };
        let mut transcoder = Transcoder::new(encoding);
        let text = transcoder.push(head.get(bom..).unwrap_or_default()).into_owned();
        let (delimiter, skip) =
            sniff_delimiter(&Transcoder::new(encoding).push(decisive.get(bom..).unwrap_or_default()));
        // `skip` (a `sep=;` line) is measured on the decisive part, which
        // the whole text starts with.
        let skip = skip.min(text.len());
        let report = &mut loaded.files[self.file];
        report.encoding = Some(encoding.label().to_string());
        report.delimiter = Some(delimiter_name(delimiter));
        self.ctx.common.decimal_comma = matches!(delimiter, b';' | b'\t');
        let mut reader = Box::new(RecordReader::new(delimiter));
        if skip > 0 {
            // The `sep=` line is line 1 of the file.
            reader.skip_lines(1);
        }
        reader.feed(text.get(skip..).unwrap_or_default(), &mut |r| self.ctx.record(r, rulesets, loaded));
        self.stage = Stage::Body { transcoder, reader };
    }

    fn reject(&mut self, kind: ErrorKind, message: String, loaded: &mut Loaded) {
        loaded.errors.push(RowError {
            kind,
            file: self.ctx.common.name.clone(),
            line: None,
            column: None,
            value: None,
            message,
        });
        self.stage = Stage::Rejected;
    }

    pub fn finish(mut self, rulesets: &[Ruleset], loaded: &mut Loaded) {
        if let Stage::Head(head) = &mut self.stage {
            let head = std::mem::take(head);
            if head.iter().all(u8::is_ascii_whitespace) {
                self.reject(ErrorKind::EmptyFile, EMPTY.into(), loaded);
            } else {
                self.start(&head, rulesets, loaded);
            }
        }
        self.stop_if_unscored();
        if let Stage::Body { transcoder, reader } = &mut self.stage {
            let rest = transcoder.finish();
            reader.feed(&rest, &mut |r| self.ctx.record(r, rulesets, loaded));
            reader.finish(&mut |r| self.ctx.record(r, rulesets, loaded));
        }
        let azure_read = cfg!(any(feature = "azure", feature = "security"));
        if let (Some(layout @ (Layout::AzureUsage(_) | Layout::CustomersTenants(_))), true) =
            (self.ctx.layout.as_deref(), azure_read)
        {
            let rules = rulesets.iter().find_map(Ruleset::azure);
            crate::azure::finish_file(&mut loaded.azure, &self.ctx.common.name, layout, rules, &mut loaded.warnings);
        }
        if let (Some(Layout::EmsUsage(c)), Some(ruleset)) =
            (self.ctx.layout.as_deref(), crate::ruleset::usage_reader(rulesets))
        {
            // Resolved here too, so that a file without rows still says what it cannot read.
            self.ctx.ems.resolve(c, ruleset, &self.ctx.common.header);
            crate::usage::ems::finish_file(
                &self.ctx.ems,
                &self.ctx.common.name,
                &mut loaded.usage,
                &mut loaded.warnings,
            );
        }
        let ctx = &self.ctx;
        let rejected = matches!(self.stage, Stage::Rejected);
        if let Some(download) = ctx.unscored {
            // Listed with its kind; one error says which download to use instead.
            let message = download.message().to_string();
            let error = RowError {
                kind: ErrorKind::UnscoredDownload,
                file: ctx.common.name.clone(),
                line: None,
                column: None,
                value: None,
                message,
            };
            loaded.errors.push(error);
        } else if !rejected && ctx.layout.is_none() {
            let (kind, line, message) = match &ctx.first_record {
                // Only a byte-order mark, a `sep=` line, blank lines or
                // delimiters: empty, as a file of only blank lines is
                // when it is short enough to be decided on whole.
                None => (ErrorKind::EmptyFile, None, EMPTY.to_string()),
                // The line of the record whose columns are listed: blank
                // lines or a `sep=` line may come before it.
                Some((line, first)) => {
                    let message = match recognise(first) {
                        Err(Unrecognised::Unknown(message)) => message,
                        _ => String::new(),
                    };
                    (ErrorKind::UnknownHeader, Some(*line), message)
                }
            };
            loaded.errors.push(RowError {
                kind,
                file: ctx.common.name.clone(),
                line,
                column: None,
                value: None,
                message,
            });
        }
        if let (Some(Layout::Skilling(c)), true) = (ctx.layout.as_deref(), ctx.rows > 0) {
            if c.activity_unknown() {
                loaded.warn(&ctx.common.name, WarningKind::ExpiryUnknown, "this skilling file has no expiry or activation column: certifications were taken as active; a lapsed one is counted (each counts from its completion date through its eligible-through date).".into());
            }
        }
        if ctx.layout.is_some() && ctx.rows == 0 {
            loaded.warn(&ctx.common.name, WarningKind::NoDataRows, "the file has a header but no data rows.".into());
        }
        if ctx.preamble > 0 {
            loaded.warn(
                &ctx.common.name,
                WarningKind::Preamble,
                format!("{} line(s) above the header were skipped.", ctx.preamble),
            );
        }
        if ctx.common.windows_1252 {
            loaded.warn(
                &ctx.common.name,
                WarningKind::Windows1252,
                "the file is not valid UTF-8; text was read as Windows-1252 (Excel's \"CSV\" on Western Windows)."
                    .into(),
            );
        }
        if ctx.repeated_headers > 0 {
            loaded.warn(
                &ctx.common.name,
                WarningKind::RepeatedHeader,
                format!(
                    "{} line(s) repeat the header (exports pasted one after another?) and were skipped.",
                    ctx.repeated_headers
                ),
            );
        }
        if ctx.duplicates > 0 {
            loaded.warn(&ctx.common.name, WarningKind::DuplicateRows, format!("{} row(s) repeat rows already loaded (same tenant, association, workload and month) and were counted once.", ctx.duplicates));
        }
        if ctx.pga_duplicates > 0 {
            let n = ctx.pga_duplicates;
            let message = match ctx.layout.as_deref() {
                Some(Layout::AzureUsage(_)) => format!("{n} row(s) flagged IsACRDuplicateAtPGAAttachTypeLevel repeat another location's row of the same partner global account and association type and were dropped."),
                Some(Layout::CustomersTenants(_)) => format!("{n} row(s) flagged IsDuplicateRowForPGA repeat another location's row of the same partner global account (same tenant, association and month) and count only where no unflagged row is there."),
                _ => format!("{n} row(s) flagged IsDuplicateRowForPGA repeat another location's row of the same partner global account (same tenant, association, workload and month) and were dropped."),
            };
            loaded.warn(&ctx.common.name, WarningKind::PgaDuplicates, message);
        }
        if cfg!(feature = "bizapps") {
            crate::bizapps::finish_file(&ctx.bizapps, &ctx.common.name, &mut loaded.warnings);
        }
        if ctx.ems_replaced > 0 {
            loaded.warn(&ctx.common.name, WarningKind::UsageOverEms, format!("{} row(s) give a tenant, association type, workload and month an EMS usage file gave too: this file's figures count, the EMS file's were replaced.", ctx.ems_replaced));
        }
        if ctx.unlisted_errors > 0 {
            loaded.warn(
                &ctx.common.name,
                WarningKind::MoreErrors,
                format!("{} more row error(s) not listed.", ctx.unlisted_errors),
            );
        }
        let report = &mut loaded.files[self.file];
        if ctx.common.windows_1252 {
            // Say what the text was read as, as the warning does.
            report.encoding = Some("Windows-1252".to_string());
        }
        report.kind = match (ctx.layout.as_deref(), ctx.unscored) {
            (Some(layout), _) => layout.kind(),
            (None, Some(download)) => download.kind(),
            (None, None) => FileKind::Unknown,
        };
        report.rows = ctx.rows;
        report.skipped_rows = ctx.skipped;
        report.duplicate_rows = ctx.duplicates;
        report.pga_duplicate_rows = ctx.pga_duplicates;
        report.months = ctx.common.months.iter().copied().collect();
    }
}

fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        b',' => "comma".into(),
        b';' => "semicolon".into(),
        other => char::from(other).to_string(),
    }
}

/// A field too long to keep, as its error quotes it: its start, and its
/// length in bytes (only the start is decoded: a whole line of a file fed
/// at once may be hundreds of MB).
fn long_value(bytes: &[u8]) -> String {
    let start = field_text(bytes.get(..4 * MAX_QUOTED).unwrap_or(bytes)).0;
    let cut: String = start.chars().take(MAX_QUOTED).collect();
    format!("{cut}… ({} bytes)", bytes.len())
}

/// The field a cut record's error is about.
fn long_field(cut: Cut, fields: usize) -> usize {
    match cut {
        Cut::LongField(field) => field,
        Cut::Span | Cut::TooManyFields => fields.saturating_sub(1),
    }
}

/// What an unclosed quote did, for the error naming it: `then` says what
/// became of its row.
fn unclosed_quote(quote: &QuotedField<'_>, then: &str) -> String {
    let (line, end) = (quote.line, quote.end_line);
    if end == line {
        return format!(
            "a quote opened on line {line} is never closed: the rest of the line was read as one field{then}"
        );
    }
    let reach = match quote.close {
        Close::Never => format!("it ran on to line {end}"),
        Close::Proper | Close::Stray => format!("it ran on to the next quote, on line {end}"),
    };
    format!("a quote opened on line {line} is never closed ({reach}){then}; lines {} to {end} were read again, each as a row", line + 1)
}

/// True when a field reads as `name` once decoded and trimmed.
fn field_is(field: &[u8], name: &str) -> bool {
    // Without decoding when the field ends in visible ASCII (it is then
    // its own trimmed text) and the name is ASCII (so the field
    // can only be it as the same bytes): the common case, once per row.
    let plain_end = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if plain_end(field.first()) && plain_end(field.last()) && name.is_ascii() {
        return field == name.as_bytes();
    }
    field_text(field).0.trim() == name
}

impl Context {
    fn record(&mut self, record: Record<'_>, rulesets: &[Ruleset], loaded: &mut Loaded) -> Then {
        if self.unscored.is_some() || self.refused {
            return Then::Next;
        }
        // Taken out while the row is read (the readers borrow the rest of
        // the context), rather than cloned for every row.
        let Some(layout) = self.layout.take() else {
            return self.before_header(&record, loaded);
        };
        let then = self.data_row(&record, &layout, rulesets, loaded);
        self.layout = Some(layout);
        then
    }

    /// A record after the header: a row read into its store, or its error.
    fn data_row(&mut self, record: &Record<'_>, layout: &Layout, rulesets: &[Ruleset], loaded: &mut Loaded) -> Then {
        if record.cut.is_none() && record.is_blank() {
            return Then::Next;
        }
        if self.repeats_header(record) {
            self.repeated_headers += 1;
            return Then::Next;
        }
        self.rows += 1;
        let mut row = Row { record, ctx: &mut self.common };
        let width = row.ctx.header.len();
        // Every field the header names must be there, and any beyond it
        // empty (Excel writes trailing delimiters): otherwise columns have
        // shifted and no value can be trusted (inputs.md section 3).
        let extra_filled =
            (width..record.len()).filter_map(|i| record.get(i)).any(|f| !f.iter().all(u8::is_ascii_whitespace));
        let short = record.len() < width;
        // A quote that never closes runs to the end of the file; one closed
        // by a quote not followed by a delimiter, or holding line breaks in
        // a row of the wrong width, ran on to whatever quote came next.
        // Either way lines were swallowed into one field: they are read
        // again, each as a row. (A quoted field holding line breaks in a
        // row of the right width is a value with line breaks.)
        let unclosed =
            record.quote.filter(|q| q.close != Close::Proper || short || extra_filled || record.cut.is_some());
        // A NUL byte is in no export: the file is damaged there (a
        // binary file, with them everywhere, was turned away whole).
        let nul = if unclosed.is_none() && record.cut.is_none() { record.nul_field() } else { None };
        let mut then = Then::Next;
        // A row that cannot be read: its error (kind, line, column, value
        // as quoted, message), pushed in one place.
        let error = if let Some(quote) = unclosed {
            then = Then::Reread;
            Some((
                ErrorKind::UnclosedQuote,
                quote.line,
                row.ctx.column_name(quote.field),
                field_text(quote.start).0.into_owned(),
                unclosed_quote(&quote, "; the row was skipped"),
            ))
        } else if let Some(cut) = record.cut {
            Some(match cut {
                Cut::LongField(_) | Cut::Span => {
                    let field = long_field(cut, record.len());
                    (
                        ErrorKind::LongField,
                        record.line,
                        row.ctx.column_name(field),
                        // Already cut short: quoted as it is.
                        long_value(record.get(field).unwrap_or_default()),
                        format!(
                            "a field of more than {} KiB on line {} (no export has one): the row was skipped",
                            MAX_FIELD / 1024,
                            record.line
                        ),
                    )
                }
                Cut::TooManyFields => (
                    ErrorKind::LongRow,
                    record.line,
                    format!("field {} (beyond the header)", width + 1),
                    String::new(),
                    format!(
                        "the row has more than {MAX_FIELDS} fields but the header has {width}; the row was skipped"
                    ),
                ),
            })
        } else if let Some(field) = nul {
            let column = row.ctx.column_name(field);
            let value = row.text(field).replace('\0', "\u{2400}");
            let message = format!(
                "a NUL byte (character 0) on line {} in column {column}: the file is damaged there; the row was skipped",
                record.line
            );
            Some((ErrorKind::NulByte, record.line, column, value, message))
        } else if short || extra_filled {
            let hint = if record.len() > width { " (an unquoted number with a thousands separator?)" } else { "" };
            let message =
                format!("the row has {} fields but the header has {width}{hint}; the row was skipped", record.len());
            let (kind, column, value) = if extra_filled {
                // Name the first field beyond the header that holds something.
                let extra = (width..record.len()).find(|&i| row.text(i).trim() != "").unwrap_or(width);
                (ErrorKind::LongRow, format!("field {} (beyond the header)", extra + 1), row.text(extra).into_owned())
            } else {
                let missing = record.len().min(width);
                (ErrorKind::ShortRow, row.ctx.header.get(missing).cloned().unwrap_or_default(), String::new())
            };
            Some((kind, record.line, column, value, message))
        } else {
            None
        };
        if let Some((kind, line, column, value, message)) = error {
            // A long field's value is cut already (with its length in bytes).
            let value = if kind == ErrorKind::LongField { value } else { quoted(&value) };
            row.ctx.row_errors.push(RowError {
                kind,
                file: row.ctx.name.clone(),
                line: Some(line),
                column: Some(column),
                value: Some(value),
                message,
            });
        } else {
            let bizapps = crate::ruleset::bizapps_rules(rulesets);
            let azure = || rulesets.iter().find_map(Ruleset::azure);
            let security = || rulesets.iter().find_map(Ruleset::security);
            let outcome = match &layout {
                Layout::Usage(columns) => {
                    let inserted = crate::ruleset::usage_reader(rulesets).and_then(|ruleset| {
                        usage_row(&mut row, &mut self.lookups, columns, ruleset, &mut loaded.usage)
                    });
                    match inserted {
                        Some(Insert::Duplicate) => self.duplicates += 1,
                        Some(Insert::PgaDuplicate) => self.pga_duplicates += 1,
                        Some(Insert::ReplacedEms) => self.ems_replaced += 1,
                        Some(Insert::Conflict(_)) => self.conflicts += 1,
                        Some(Insert::New) | None => {}
                    }
                    None
                }
                Layout::EmsUsage(columns) => {
                    if let Some(ruleset) = crate::ruleset::usage_reader(rulesets) {
                        crate::usage::ems::ems_row(&mut row, &mut self.ems, columns, ruleset, &mut loaded.usage);
                    }
                    None
                }
                Layout::AzureUsage(columns) if cfg!(any(feature = "azure", feature = "security")) => {
                    Some(crate::azure::usage_row(&mut row, columns, azure(), security(), &mut loaded.azure))
                }
                Layout::CustomersTenants(columns) if cfg!(feature = "azure") => {
                    Some(crate::azure::tenants_row(&mut row, columns, azure(), &mut loaded.azure))
                }
                // Read by no area of this build (the models' cargo features are off).
                Layout::AzureUsage(_) | Layout::CustomersTenants(_) => None,
                Layout::Skilling(columns) => {
                    skilling_row(&mut row, columns, &mut loaded.certifications);
                    None
                }
                Layout::Manual(columns) => {
                    manual_row(&mut row, columns, &mut loaded.manual);
                    None
                }
                Layout::BizappsRevenue(columns, revenue) => {
                    // No area reads these rows without a ruleset fed by them.
                    if let Some(rules) = bizapps {
                        crate::bizapps::revenue_row(
                            &mut row,
                            &mut self.bizapps,
                            (columns, *revenue),
                            rules,
                            &mut loaded.bizapps,
                        );
                    }
                    None
                }
                Layout::BizappsUsage(columns) => {
                    if let Some(rules) = bizapps {
                        crate::bizapps::usage_row(&mut row, &mut self.bizapps, columns, rules, &mut loaded.bizapps);
                    }
                    None
                }
            };
            match outcome {
                Some(Outcome::Flagged(month)) => {
                    self.pga_duplicates += 1;
                    self.common.months.insert(month);
                }
                Some(Outcome::Counted(month) | Outcome::NotCounted(month) | Outcome::Overlap(month)) => {
                    self.common.months.insert(month);
                }
                Some(Outcome::Error) | None => {}
            }
        }
        if !self.common.row_errors.is_empty() {
            self.skipped += 1;
            for error in self.common.row_errors.drain(..) {
                if self.listed_errors < MAX_LISTED_ERRORS {
                    self.listed_errors += 1;
                    loaded.errors.push(error);
                } else {
                    self.unlisted_errors += 1;
                }
            }
        }
        then
    }

    /// A record before the header: tried as the header, unless it breaks
    /// a limit (then the file is refused when it is too wide, otherwise
    /// the record is an error), or a quote opened on it never closes (the
    /// lines after it are read again: the header may be one of them).
    fn before_header(&mut self, record: &Record<'_>, loaded: &mut Loaded) -> Then {
        let error = |kind, line, column, value: &str, message| RowError {
            kind,
            file: self.common.name.clone(),
            line: Some(line),
            column,
            value: Some(value.to_string()),
            message,
        };
        if record.cut == Some(Cut::TooManyFields) || record.len() > MAX_COLUMNS {
            let columns =
                if record.cut.is_some() { format!("more than {MAX_FIELDS}") } else { record.len().to_string() };
            let message = format!(
                "line {} has {columns} columns; no export has more than {MAX_COLUMNS}: the file was not read",
                record.line
            );
            loaded.errors.push(error(ErrorKind::TooManyColumns, record.line, None, "", message));
            self.refused = true;
            return Then::Next;
        }
        if let Some(quote) = record.quote.filter(|q| q.close != Close::Proper || record.cut.is_some()) {
            // Above the header: no column to name, no row to skip.
            let message = unclosed_quote(&quote, "");
            loaded.errors.push(error(
                ErrorKind::UnclosedQuote,
                quote.line,
                None,
                &quoted(&field_text(quote.start).0),
                message,
            ));
            self.tried += 1;
            return Then::Reread;
        }
        if let Some(cut @ Cut::LongField(_)) = record.cut {
            let field = long_field(cut, record.len());
            let value = long_value(record.get(field).unwrap_or_default());
            let message = format!(
                "a field of more than {} KiB on line {} (no export has one): the line was skipped",
                MAX_FIELD / 1024,
                record.line
            );
            loaded.errors.push(error(ErrorKind::LongField, record.line, None, &value, message));
            self.tried += 1;
            return Then::Next;
        }
        if !record.is_blank() {
            self.header_candidate(record);
        }
        Then::Next
    }

    /// True when `record` is the header again, as when exports are pasted
    /// one below the other: skipped rather than reported as a row whose
    /// every value is wrong.
    fn repeats_header(&self, record: &Record<'_>) -> bool {
        record.len() == self.common.header.len()
            && record.iter().zip(&self.common.header).all(|(field, name)| field_is(field, name))
    }

    /// Records before the header are tried as headers: the first that
    /// matches a layout is the header, so title lines above it are skipped.
    fn header_candidate(&mut self, record: &Record<'_>) {
        if self.tried >= MAX_PREAMBLE {
            return;
        }
        self.tried += 1;
        // Cut as quoted values are: column names are in every row error.
        let columns: Vec<String> = record.iter().map(|f| quoted(field_text(f).0.trim())).collect();
        match recognise(&columns) {
            Ok(layout) => {
                self.layout = Some(Box::new(layout));
                self.common.header = columns;
                self.preamble = self.tried_lines;
            }
            Err(Unrecognised::Unscored(download)) => {
                self.unscored = Some(download);
                self.common.header = columns;
            }
            Err(Unrecognised::Unknown(_)) => {
                self.tried_lines += record.lines;
                self.first_record.get_or_insert((record.line, columns));
            }
        }
    }
}

fn skilling_row(row: &mut Row<'_, '_>, c: &SkillingColumns, out: &mut Vec<CertificationRow>) {
    let text = |row: &mut Row<'_, '_>, col: Option<usize>| {
        col.map(|i| row.text(i).split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty())
    };
    let email = text(row, c.email).or_else(|| text(row, c.corp_email)).map(|e| lowercase(&e));
    // The Entra user id first: MCPID is empty for people without a
    // certification profile (inputs.md section 11).
    let id = text(row, c.aad_user_id).or_else(|| text(row, c.person_id));
    let name = text(row, c.name).or_else(|| {
        let parts: Vec<String> = [c.first_name, c.last_name].into_iter().filter_map(|col| text(row, col)).collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    // Kept for the report: cut as any value quoted (the key is the whole).
    let shown = name.as_deref().map(quoted);
    let Some(person) =
        email.clone().or_else(|| id.as_deref().map(lowercase)).or_else(|| name.as_deref().map(lowercase))
    else {
        let columns = [c.email, c.corp_email, c.aad_user_id, c.person_id, c.name, c.first_name, c.last_name];
        let column = columns.into_iter().flatten().next().unwrap_or(0);
        row.error(column, "", ErrorKind::EmptyValue, "empty person (no e-mail, id or name)".into());
        return;
    };
    let Some(certification) = row.required(c.certification, "certification") else { return };
    let earned = row.past_date(c.earned);
    let expires = row.date(c.expires);
    let reported = row.past_date(c.reported);
    let (Ok(earned), Ok(expires), Ok(reported)) = (earned, expires, reported) else { return };
    if let Some(d) = earned {
        row.ctx.months.insert(d.month);
    }
    let training_type = text(row, c.training_type);
    let activation = text(row, c.activation);
    let reported = reported.map(|d| d.month);
    out.push(CertificationRow {
        person,
        name: shown,
        email,
        certification,
        earned,
        expires,
        training_type,
        activation,
        reported,
    });
}

/// A value typed from Partner Center: checked against the areas' rulesets
/// when scored, where the row's position is kept for its error.
fn manual_row(row: &mut Row<'_, '_>, c: &ManualColumns, out: &mut Vec<ManualValue>) {
    let Some(area) = row.required(c.area, "area") else { return };
    let Some(metric) = row.required(c.metric, "metric") else { return };
    let Some(value) = row.required(c.value, "value") else { return };
    let track = c.track.map(|i| row.text(i).trim().to_string()).filter(|t| !t.is_empty());
    out.push(ManualValue {
        area,
        track,
        metric,
        value: TypedText::Text(value),
        at: Some((row.ctx.name.clone(), row.record.line)),
        decimal_comma: row.ctx.decimal_comma,
    });
}
