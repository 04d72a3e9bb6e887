//! The JavaScript binding: the only place `wasm_bindgen` appears.
//!
//! Deliberately thin: a `Scorer` holding a [`Workbook`], fed files whole or
//! in chunks. Options and reports cross as JSON text, which the JS wrapper
//! (`js/index.js`) parses into plain objects: `JSON.parse` is fast, and one
//! small writer (`crate::to_json`) and one small reader (`crate::json`) keep the
//! module small. Errors are values, never traps: a [`CoreError`] with a kind and,
//! where there is one, the field's path or the line and column, which
//! `js/index.js` throws as an `SpdScoreError`.

use crate::json::{At, JsonError};
use crate::to_json::{json_object, ToJson};
use crate::{
    Date, DetailLevel, ManualValue, Month, Plan, RowsError, RowsErrorKind, RowsQuery, Ruleset, RulesetData,
    RulesetError, ScoreOptions, Workbook,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

// Options are read with crate::json (no serde_json deserializer in the
// module): camelCase names, every field optional (absent or null is the
// default), fields not named here ignored.

#[derive(Default)]
struct ScorerOptions {
    /// A ruleset object of the same shape as `defaultRuleset()`: it replaces
    /// the embedded ruleset of its id.
    ruleset: Option<RulesetData>,
    /// More rulesets, each replacing the embedded one of its id.
    rulesets: Vec<RulesetData>,
    /// `YYYY-MM`: rows dated after it are errors.
    today: Option<String>,
}

impl ScorerOptions {
    fn read(at: At<'_, '_>) -> ScorerOptions {
        let o = at.object();
        ScorerOptions {
            ruleset: o.opt("ruleset", RulesetData::read),
            rulesets: o.or_default("rulesets", |at| at.list(RulesetData::read)),
            today: o.opt_string("today"),
        }
    }
}

#[derive(Default)]
struct ReportOptions {
    /// `YYYY-MM`
    as_of: Option<String>,
    history: bool,
    /// `YYYY-MM-DD`: adds the qualification window.
    today: Option<String>,
    /// `YYYY-MM-DD`: the designation's anniversary, when enrolled.
    anniversary: Option<String>,
    tenant_limit: Option<usize>,
    /// Values typed from Partner Center: `[{area, track, metric, value}]`.
    manual_values: Vec<ManualValue>,
    /// The track chosen per classified area: `{"business-applications": "smb"}`.
    tracks: BTreeMap<String, String>,
    /// `"summary"` (the default: lists counted, asked for with `rows`) or
    /// `"full"` (every list inline).
    detail: Option<String>,
}

impl ReportOptions {
    fn read(at: At<'_, '_>) -> ReportOptions {
        let o = at.object();
        ReportOptions {
            as_of: o.opt_string("asOf"),
            history: o.bool_or_default("history"),
            today: o.opt_string("today"),
            anniversary: o.opt_string("anniversary"),
            tenant_limit: o.opt("tenantLimit", |at| {
                let n = at.u64();
                usize::try_from(n).unwrap_or_else(|_| {
                    at.fail(&format!("{n} is too large"));
                    0
                })
            }),
            manual_values: o.or_default("manualValues", |at| at.list(ManualValue::read)),
            tracks: o.or_default("tracks", |at| at.map(|at| at.string())),
            detail: o.opt_string("detail"),
        }
    }

    fn into_score_options(self) -> Result<ScoreOptions, CoreError> {
        let detail = match self.detail.as_deref() {
            None | Some("summary") => DetailLevel::Summary,
            Some("full") => DetailLevel::Full,
            Some(other) => {
                return Err(bad_option("detail", format!("detail must be \"summary\" or \"full\", not \"{other}\"")))
            }
        };
        Ok(ScoreOptions {
            detail,
            as_of: month(self.as_of, "asOf")?,
            history: self.history,
            today: date(self.today, "today")?,
            anniversary: date(self.anniversary, "anniversary")?,
            tenant_limit: self.tenant_limit,
            manual_values: self.manual_values,
            tracks: self.tracks,
        })
    }
}

#[wasm_bindgen]
extern "C" {
    /// Where [`Scorer::write_report`] sends the JSON text: any object with a
    /// `write(bytes)` method. `bytes` is a view of the module's memory, valid
    /// only during the call.
    pub type ReportSink;
    #[wasm_bindgen(method, catch)]
    fn write(this: &ReportSink, bytes: &[u8]) -> Result<(), JsValue>;
}

/// The size of the pieces [`Scorer::write_report`] hands over.
const PIECE: usize = 1 << 20;

/// An error crossing to JavaScript: which input is at fault (`kind`:
/// `options`, `ruleset`, `plan`, `area`, `portfolio` or `report`), why, and
/// where: the field's `path` (`manualValues[0].metric`,
/// `tracks[0].metrics.netCustomerAdds`) or the `line` and `column` of a
/// text that is not JSON. A ruleset's fault has its own kind too
/// (`rulesetKind`: `syntax`, `field` or `rule`).
#[wasm_bindgen(getter_with_clone)]
pub struct CoreError {
    pub kind: String,
    pub message: String,
    pub path: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    #[wasm_bindgen(js_name = rulesetKind)]
    pub ruleset_kind: Option<String>,
}

impl CoreError {
    fn new(kind: &str, message: String) -> CoreError {
        CoreError { kind: kind.into(), message, path: None, line: None, column: None, ruleset_kind: None }
    }

    /// A JSON input's fault, with its place.
    fn json(kind: &str, message: String, e: &JsonError) -> CoreError {
        CoreError {
            path: Some(e.path.clone()).filter(|p| !p.is_empty()),
            line: e.position.map(|(line, _)| line),
            column: e.position.map(|(_, column)| column),
            ..CoreError::new(kind, message)
        }
    }

    fn ruleset(e: &RulesetError) -> CoreError {
        CoreError {
            path: Some(e.path.clone()).filter(|p| !p.is_empty()),
            line: e.position.map(|(line, _)| line),
            column: e.position.map(|(_, column)| column),
            ruleset_kind: Some(e.kind.name().to_string()),
            ..CoreError::new("ruleset", e.to_string())
        }
    }
}

fn to_json(value: &dyn ToJson) -> Result<String, CoreError> {
    Ok(crate::to_json::to_string(value))
}

/// Options read by `read`; none given are the defaults. An error names the
/// field: `invalid report options: manualValues[0]: missing field `metric``.
fn from_json<T: Default>(json: Option<String>, what: &str, read: impl FnOnce(At<'_, '_>) -> T) -> Result<T, CoreError> {
    match json.as_deref() {
        None | Some("") => Ok(T::default()),
        Some(json) => crate::json::read_named(json, "", read)
            .map_err(|e| CoreError::json("options", format!("invalid {what}: {e}"), &e)),
    }
}

/// An option's fault: the option's name is its path.
fn bad_option(name: &str, message: String) -> CoreError {
    CoreError { path: Some(name.to_string()), ..CoreError::new("options", message) }
}

fn month(text: Option<String>, what: &str) -> Result<Option<Month>, CoreError> {
    text.map(|t| {
        let message = || format!("{what} must be a month as YYYY-MM, not \"{t}\"");
        Month::parse_iso(&t).ok_or_else(|| bad_option(what, message()))
    })
    .transpose()
}

fn date(text: Option<String>, what: &str) -> Result<Option<Date>, CoreError> {
    text.map(|t| {
        let message = || format!("{what} must be a date as YYYY-MM-DD, not \"{t}\"");
        Date::parse(&t).ok_or_else(|| bad_option(what, message()))
    })
    .transpose()
}

#[wasm_bindgen]
pub struct Scorer {
    book: Workbook,
    /// The options of the last report: `rows` lists what that report counted.
    last_options: RefCell<ScoreOptions>,
    /// Each area's deciding track in the last report: what `rows` weighs
    /// contributions on when the query names no track, without scoring
    /// the area again.
    last_tracks: RefCell<BTreeMap<String, String>>,
}

/// A `rows` answer that is an error: no rows, and why.
struct RowsFailed {
    error: RowsError,
}

json_object! {
    RowsFailed => |t| { "total": 0usize, "rows": Vec::<bool>::new(), "error": t.error }
}

#[wasm_bindgen]
impl Scorer {
    #[wasm_bindgen(constructor)]
    /// `options_json`: `{"ruleset": {...}, "today": "YYYY-MM"}`, both optional.
    pub fn new(options_json: Option<String>) -> Result<Scorer, CoreError> {
        let options: ScorerOptions = from_json(options_json, "options", ScorerOptions::read)?;
        let mut book = Workbook::default();
        for data in options.ruleset.into_iter().chain(options.rulesets) {
            book.replace_ruleset(Ruleset::new(data).map_err(|e| CoreError::ruleset(&e))?);
        }
        if let Some(today) = month(options.today, "today")? {
            book.set_today(today);
        }
        Ok(Scorer { book, last_options: RefCell::default(), last_tracks: RefCell::default() })
    }

    /// Loads a whole file.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) {
        self.book.add_file(name, bytes);
    }

    /// Starts a file to be fed with `push`.
    #[wasm_bindgen(js_name = beginFile)]
    pub fn begin_file(&mut self, name: &str) {
        self.book.begin_file(name);
    }

    pub fn push(&mut self, chunk: &[u8]) {
        self.book.push(chunk);
    }

    #[wasm_bindgen(js_name = endFile)]
    pub fn end_file(&mut self) {
        self.book.end_file();
    }

    /// The report (see the README) as JSON. `options_json`:
    /// `{"asOf": "YYYY-MM", "history": true, "today": "YYYY-MM-DD", "anniversary": "YYYY-MM-DD",
    /// "tenantLimit": 5000}`, all optional.
    pub fn report(&self, options_json: Option<String>) -> Result<String, CoreError> {
        let options: ReportOptions = from_json(options_json, "report options", ReportOptions::read)?;
        let options = options.into_score_options()?;
        let (text, report) = if options.detail.is_full() {
            let mut text = vec![];
            let report = self.book.write_report::<()>(&options, None, false, PIECE, &mut |bytes| {
                text.extend_from_slice(bytes);
                Ok(())
            });
            (String::from_utf8(text).map_err(|e| CoreError::new("report", e.to_string()))?, report.ok())
        } else {
            let report = self.book.report(&options);
            (to_json(&report)?, Some(report))
        };
        let tracks = report.iter().flat_map(|r| r.areas.0.iter());
        let tracks = tracks.filter_map(|(id, area)| Some((id.clone(), area.track.clone()?))).collect();
        self.last_tracks.replace(tracks);
        self.last_options.replace(options);
        Ok(text)
    }

    /// One page of a list, as JSON `{"total", "rows"}` (spec/report.md,
    /// "Lists on demand"), from the data scored as the last report was.
    /// `query_json`: `{"list", "area", "track", "search", "only",
    /// "association", "band", "sort", "descending", "offset", "limit"}`.
    /// Never throws: a query it cannot answer gives no rows and
    /// `"error": {"kind", "message"}`.
    pub fn rows(&self, query_json: &str) -> String {
        let answer = RowsQuery::from_json(query_json)
            .map_err(|message| RowsError {
                kind: RowsErrorKind::BadQuery,
                message: format!("invalid query: {message}"),
            })
            .map(|mut query| {
                // The area's deciding track, as the last report chose it.
                if query.track.is_none() {
                    query.track = query.area.as_ref().and_then(|area| self.last_tracks.borrow().get(area).cloned());
                }
                query
            })
            .and_then(|query| self.book.rows(&query, &self.last_options.borrow()));
        match answer {
            Ok(rows) => crate::to_json::to_string(&rows),
            Err(error) => crate::to_json::to_string(&RowsFailed { error }),
        }
    }

    /// Writes the report's JSON text to `sink` in pieces of about a megabyte
    /// (UTF-8 bytes), compact or `pretty` (two spaces); with `detail: "full"`
    /// every list inline, row by row. With `area`, only that area's part
    /// (`report.areas[area]`). Returns the report's `files` as
    /// JSON, for the caller to tell whether any file was read.
    #[wasm_bindgen(js_name = writeReport)]
    pub fn write_report(
        &self,
        options_json: Option<String>,
        pretty: bool,
        area: Option<String>,
        sink: &ReportSink,
    ) -> Result<String, JsValue> {
        let options: ReportOptions = from_json(options_json, "report options", ReportOptions::read)?;
        let options = options.into_score_options()?;
        if let Some(id) = area.as_deref().filter(|id| !self.book.rulesets().iter().any(|r| r.data.id == *id)) {
            let known: Vec<&str> = self.book.rulesets().iter().map(|r| r.data.id.as_str()).collect();
            let message = format!("no area \"{id}\"; the areas are {}", known.join(", "));
            return Err(CoreError { path: Some("area".into()), ..CoreError::new("area", message) }.into());
        }
        let mut send = |bytes: &[u8]| sink.write(bytes);
        let report = self.book.write_report(&options, area.as_deref(), pretty, PIECE, &mut send)?;
        Ok(to_json(&report.files)?)
    }

    /// The partner's rows of a portfolio (`crate::portfolio`), as a JSON
    /// array: one per area, or one without an area when no file could be
    /// read. `unread_json`: the files the caller could not open, as a JSON
    /// array of messages. Scored without lists (the summary detail).
    #[wasm_bindgen(js_name = portfolioRows)]
    pub fn portfolio_rows(
        &self,
        partner: &str,
        unread_json: &str,
        options_json: Option<String>,
    ) -> Result<String, CoreError> {
        let unread = crate::json::read_named(unread_json, "unread", |at| at.strings())
            .map_err(|e| CoreError::json("portfolio", e.to_string(), &e))?;
        let options: ReportOptions = from_json(options_json, "report options", ReportOptions::read)?;
        let options = ScoreOptions { detail: DetailLevel::Summary, ..options.into_score_options()? };
        Ok(crate::portfolio::json_array(&crate::portfolio::rows(partner, &self.book.report(&options), &unread)))
    }

    /// The report as it would be with a plan carried out, as JSON:
    /// `{"simulated": true, "plan", "report", "changes", "areas", "problems", "assumptions"}`.
    pub fn simulate(&self, plan_json: &str, options_json: Option<String>) -> Result<String, CoreError> {
        let plan = Plan::from_json(plan_json).map_err(|e| CoreError::new("plan", format!("invalid plan: {e}")))?;
        let options: ReportOptions = from_json(options_json, "report options", ReportOptions::read)?;
        to_json(&self.book.simulate(&plan, &options.into_score_options()?))
    }

    /// What a plan may name (association types, workloads, Azure services,
    /// certifications, each with the areas it counts for), as JSON.
    #[wasm_bindgen(js_name = planChoices)]
    pub fn plan_choices(&self) -> Result<String, CoreError> {
        to_json(&self.book.plan_choices())
    }
}

/// Portfolio rows (a JSON array, as `portfolioRows` gives them) in the
/// portfolio's order, written as `csv`, `jsonl` or `summary` (JSON).
#[wasm_bindgen(js_name = portfolioWrite)]
pub fn portfolio_write(rows_json: &str, format: &str) -> Result<String, CoreError> {
    let rows = crate::portfolio::read_rows(rows_json).map_err(|e| CoreError::new("portfolio", e))?;
    crate::portfolio::write(rows, format, &Ruleset::embedded()).map_err(|e| CoreError::new("portfolio", e))
}

/// The embedded Modern Work ruleset, as JSON: the text it is read from,
/// so the module needs no serializer for rulesets.
#[wasm_bindgen(js_name = defaultRuleset)]
pub fn default_ruleset() -> String {
    crate::ruleset::DEFAULT_JSON.to_string()
}

/// Every embedded area ruleset as JSON text, in Partner Center's order.
#[wasm_bindgen]
pub fn rulesets() -> Vec<String> {
    crate::ruleset::EMBEDDED.iter().map(|json| json.to_string()).collect()
}

/// The certification catalogue the rulesets share, as JSON text.
#[wasm_bindgen]
pub fn catalogue() -> String {
    crate::ruleset::CATALOGUE_JSON.to_string()
}

/// The version of the scoring core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
