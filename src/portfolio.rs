//! A distributor's portfolio: one row per partner and designation, built
//! from each partner's report, and the portfolio's summary (issue 26). The
//! CLI's `batch`, the wasm binding and the Python package all write rows
//! and summaries from here, so they cannot differ.
//!
//! A row is the partner's overview row (designations.md section 6) in flat
//! form; a partner that could not be scored gets one row with no area and
//! the reason in `errors`.

use crate::points::Points;
use crate::report::{ErrorKind, Report, Status};
use crate::ruleset::Ruleset;
use crate::to_json::json_object;

/// One partner and designation.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The partner's folder or manifest name.
    pub partner: String,
    /// The area id; `None` for a partner that could not be scored.
    pub area: Option<String>,
    /// The total on the area's deciding track; `None` when not scored.
    pub score: Option<Score>,
    /// The score is a lower bound (Incomplete).
    pub at_least: bool,
    /// `qualified`, `incomplete` ... as in the report.
    pub status: Option<String>,
    pub track: Option<String>,
    /// The 25-point incentive line: `None` when it cannot tell, or the area
    /// has no line (Business Applications).
    pub incentive_line_met: Option<bool>,
    /// The overview's next step.
    pub next: Option<String>,
    /// `YYYY-MM`.
    pub as_of: Option<String>,
    /// The partner's files read with a known layout.
    pub files: u64,
    /// Rows skipped across the partner's files.
    pub skipped_rows: u64,
    /// The partner's errors, one line per file (a file-level error, or its
    /// rows in error counted with the first), then any the caller adds.
    pub errors: Vec<String>,
}

/// A score as the report writes it (its JSON number text), so that rows
/// gathered from their JSON are written again digit for digit.
#[derive(Clone, Debug, PartialEq)]
pub struct Score(String);

impl Score {
    /// Written as JavaScript writes a number (`79`, not serde_json's
    /// `79.0`), so that every front end's rows read the same.
    pub fn from_points(points: Points) -> Score {
        let value = points.as_f64();
        if value.fract() == 0.0 && value.abs() < 1e15 {
            Score(format!("{}", value as i64))
        } else {
            Score(crate::to_json::to_string(&value))
        }
    }

    pub fn as_f64(&self) -> f64 {
        crate::json::read(&self.0, |at| at.f64()).unwrap_or(f64::NAN)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The columns of a row, in CSV order (the JSON names).
pub const COLUMNS: [&str; 12] = [
    "partner",
    "area",
    "score",
    "atLeast",
    "status",
    "track",
    "incentiveLineMet",
    "next",
    "asOf",
    "files",
    "skippedRows",
    "errors",
];

/// A partner's rows from its report, one per area in the report's (the
/// catalogue's) order; `unread` names files the caller could not open. A
/// report with no file of a known layout is one row without an area.
pub fn rows(partner: &str, report: &Report, unread: &[String]) -> Vec<Row> {
    let read = report.files.iter().filter(|f| f.kind != crate::layout::FileKind::Unknown).count() as u64;
    let skipped = report.files.iter().map(|f| f.skipped_rows).sum();
    let mut errors = unread.to_vec();
    errors.extend(error_lines(report));
    let base = Row {
        partner: partner.to_string(),
        area: None,
        score: None,
        at_least: false,
        status: None,
        track: None,
        incentive_line_met: None,
        next: None,
        as_of: None,
        files: read,
        skipped_rows: skipped,
        errors,
    };
    if read == 0 {
        let mut row = base;
        if row.errors.is_empty() {
            row.errors.push("no file to score".into());
        }
        return vec![row];
    }
    (report.overview.iter())
        .map(|o| Row {
            area: Some(o.area.clone()),
            score: o.score.map(Score::from_points),
            at_least: o.at_least,
            status: Some(status_id(o.status).into()),
            track: o.track.clone(),
            incentive_line_met: o.incentive_line.and_then(|l| l.met),
            next: o.next.clone(),
            as_of: o.as_of.map(|m| m.to_string()),
            ..base.clone()
        })
        .collect()
}

/// A partner that could not be scored at all (a missing folder, no files).
pub fn unscored(partner: &str, reason: &str) -> Row {
    Row {
        partner: partner.to_string(),
        area: None,
        score: None,
        at_least: false,
        status: None,
        track: None,
        incentive_line_met: None,
        next: None,
        as_of: None,
        files: 0,
        skipped_rows: 0,
        errors: vec![reason.to_string()],
    }
}

fn status_id(status: Status) -> &'static str {
    match status {
        Status::NotScored => "not_scored",
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Incomplete => "incomplete",
        Status::Partial => "partial",
        Status::Qualified => "qualified",
    }
}

/// One line per file with errors, in the order they were met: a
/// file-level error as is, rows in error counted with the first.
fn error_lines(report: &Report) -> Vec<String> {
    let mut by_file: Vec<(&str, Vec<String>, u64, Option<String>)> = vec![];
    for e in &report.errors {
        let i = match by_file.iter().position(|(f, ..)| *f == e.file) {
            Some(i) => i,
            None => {
                by_file.push((&e.file, vec![], 0, None));
                by_file.len() - 1
            }
        };
        let entry = &mut by_file[i];
        let whole_file = matches!(
            e.kind,
            ErrorKind::NotCsv | ErrorKind::EmptyFile | ErrorKind::UnknownHeader | ErrorKind::UnscoredDownload
        );
        match e.line.filter(|_| !whole_file) {
            None => entry.1.push(brief(&e.message).to_string()),
            Some(line) => {
                entry.2 += 1;
                entry.3.get_or_insert_with(|| format!("line {line}: {}", brief(&e.message)));
            }
        }
    }
    let mut out = vec![];
    for (file, whole, rows, first) in by_file {
        out.extend(whole.into_iter().map(|m| format!("{file}: {m}")));
        if let Some(first) = first {
            let s = if rows == 1 { "" } else { "s" };
            out.push(format!("{file}: {rows} row{s} in error, the first {first}"));
        }
    }
    out
}

/// A message's first two sentences: a row has one cell for all of a
/// partner's errors (the report has the rest, such as the columns every
/// layout looks for).
fn brief(message: &str) -> &str {
    let mut ends = message.match_indices(". ").map(|(i, _)| i + 1);
    match (ends.next(), ends.next()) {
        (Some(_), Some(second)) => &message[..second],
        _ => message,
    }
}

/// Puts rows in the portfolio's order: partner name, then each partner's
/// rows as they came (the catalogue's order). Stable.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| a.partner.cmp(&b.partner));
}

/// Per designation, how the portfolio stands.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaSummary {
    pub area: String,
    pub label: String,
    /// Partners with the area scored (any status but Not scored).
    pub scored: u64,
    pub qualified: u64,
    /// Not qualified, with a score within 10 points of the area's minimum
    /// total (a lower bound counts: the partner is at least that close).
    pub within_ten: u64,
    /// Partners at or above the 25-point incentive line; `None` for an
    /// area without one (Business Applications).
    pub incentive_line_met: Option<u64>,
}

/// The portfolio at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub partners: u64,
    /// Partners that could not be scored (their one row says why).
    pub unscored: Vec<String>,
    /// Partners scored despite errors in some of their files.
    pub with_errors: Vec<String>,
    pub areas: Vec<AreaSummary>,
}

/// The summary of rows in the portfolio's order, each area's minimum total
/// from its ruleset (by id; 70 for an area of no ruleset given).
pub fn summary(rows: &[Row], rulesets: &[Ruleset]) -> Summary {
    let mut out = Summary { partners: 0, unscored: vec![], with_errors: vec![], areas: vec![] };
    let mut last: Option<&str> = None;
    for row in rows {
        if last != Some(&row.partner) {
            out.partners += 1;
            if row.area.is_none() {
                out.unscored.push(row.partner.clone());
            } else if !row.errors.is_empty() {
                out.with_errors.push(row.partner.clone());
            }
            last = Some(&row.partner);
        }
        let Some(area) = &row.area else { continue };
        let i = match out.areas.iter().position(|a| &a.area == area) {
            Some(i) => i,
            None => {
                let ruleset = rulesets.iter().find(|r| &r.data.id == area);
                let label = ruleset.map_or(area.clone(), |r| r.label().to_string());
                out.areas.push(AreaSummary {
                    area: area.clone(),
                    label,
                    scored: 0,
                    qualified: 0,
                    within_ten: 0,
                    incentive_line_met: crate::incentive::has_line(area).then_some(0),
                });
                out.areas.len() - 1
            }
        };
        let min = rulesets.iter().find(|r| &r.data.id == area).map_or(70, |r| r.data.qualification.min_total);
        let a = &mut out.areas[i];
        let qualified = row.status.as_deref() == Some("qualified");
        a.scored += u64::from(row.status.as_deref() != Some("not_scored"));
        a.qualified += u64::from(qualified);
        a.within_ten +=
            u64::from(!qualified && row.score.as_ref().is_some_and(|s| s.as_f64() >= f64::from(min) - 10.0));
        if let Some(met) = a.incentive_line_met.as_mut() {
            *met += u64::from(row.incentive_line_met == Some(true));
        }
    }
    out
}

/// A row as one JSON line (no newline), its fields in `COLUMNS` order.
/// Written here rather than derived: the score goes out as the text it
/// came in as.
pub fn json_line(row: &Row) -> String {
    let text = |s: Option<&str>| crate::to_json::to_string(&s);
    let flag = |b: Option<bool>| b.map_or("null".to_string(), |b| b.to_string());
    let values = [
        text(Some(&row.partner)),
        text(row.area.as_deref()),
        row.score.as_ref().map_or("null".to_string(), |s| s.as_str().to_string()),
        row.at_least.to_string(),
        text(row.status.as_deref()),
        text(row.track.as_deref()),
        flag(row.incentive_line_met),
        text(row.next.as_deref()),
        text(row.as_of.as_deref()),
        row.files.to_string(),
        row.skipped_rows.to_string(),
        crate::to_json::to_string(&row.errors),
    ];
    let fields: Vec<String> = COLUMNS.iter().zip(values).map(|(name, value)| format!("\"{name}\":{value}")).collect();
    format!("{{{}}}", fields.join(","))
}

/// Rows as a JSON array.
pub fn json_array(rows: &[Row]) -> String {
    let lines: Vec<String> = rows.iter().map(json_line).collect();
    format!("[{}]", lines.join(","))
}

/// The CSV header line (with its newline).
pub fn csv_header() -> String {
    format!("{}\r\n", COLUMNS.join(","))
}

/// A row as one CSV record (RFC 4180, with its CRLF): empty for null,
/// `true`/`false`, numbers as JSON writes them, the errors joined by " | ".
pub fn csv_line(row: &Row) -> String {
    let text = |s: Option<&str>| s.map_or(String::new(), quote);
    let flag = |b: Option<bool>| b.map_or(String::new(), |b| b.to_string());
    let fields = [
        quote(&row.partner),
        text(row.area.as_deref()),
        row.score.as_ref().map_or(String::new(), |s| s.as_str().to_string()),
        row.at_least.to_string(),
        text(row.status.as_deref()),
        text(row.track.as_deref()),
        flag(row.incentive_line_met),
        text(row.next.as_deref()),
        text(row.as_of.as_deref()),
        row.files.to_string(),
        row.skipped_rows.to_string(),
        quote(&row.errors.join(" | ")),
    ];
    format!("{}\r\n", fields.join(","))
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Rows in the portfolio's order written as one output: `csv` (with its
/// header), `jsonl` (a row a line) or `summary` (its JSON, one line).
pub fn write(mut rows: Vec<Row>, format: &str, rulesets: &[Ruleset]) -> Result<String, String> {
    sort(&mut rows);
    match format {
        "csv" => Ok(std::iter::once(csv_header()).chain(rows.iter().map(csv_line)).collect()),
        "jsonl" => Ok(rows.iter().map(|r| json_line(r) + "\n").collect()),
        "summary" => Ok(crate::to_json::to_string(&summary(&rows, rulesets))),
        other => Err(format!("the format is csv, jsonl or summary, not \"{other}\"")),
    }
}

/// Reads rows back from their JSON (an array, as `json_line` writes each),
/// for a front end that scored partners in parallel and gathers them here.
pub fn read_rows(json: &str) -> Result<Vec<Row>, String> {
    crate::json::read_named(json, "rows", |at| {
        at.list(|at| {
            let o = at.object();
            Row {
                partner: o.string("partner"),
                area: o.opt_string("area"),
                // The number's text as written: read as a double and written
                // again, its last digit could change.
                score: o.opt("score", |at| match at.json() {
                    crate::json::Json::Number(text) => Score(text.to_string()),
                    _ => {
                        // (No float formatting in the module: a score is a number.)
                        at.fail("a number");
                        Score("null".into())
                    }
                }),
                at_least: o.bool_or_default("atLeast"),
                status: o.opt_string("status"),
                track: o.opt_string("track"),
                incentive_line_met: o.opt("incentiveLineMet", |at| at.bool()),
                next: o.opt_string("next"),
                as_of: o.opt_string("asOf"),
                files: o.or_default("files", |at| at.u64()),
                skipped_rows: o.or_default("skippedRows", |at| at.u64()),
                errors: o.strings_or_default("errors"),
            }
        })
    })
    .map_err(String::from)
}

// How it is written (`crate::to_json`).
json_object! {
    AreaSummary => |t| { "area": t.area, "label": t.label, "scored": t.scored, "qualified": t.qualified, "withinTen": t.within_ten, "incentiveLineMet": t.incentive_line_met }
    Summary => |t| { "partners": t.partners, "unscored": t.unscored, "withErrors": t.with_errors, "areas": t.areas }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(partner: &str, area: Option<&str>, status: &str, score: f64, met: Option<bool>) -> Row {
        Row {
            partner: partner.into(),
            area: area.map(Into::into),
            score: area.map(|_| Score(score.to_string())),
            at_least: status == "incomplete",
            status: area.map(|_| status.into()),
            track: None,
            incentive_line_met: met,
            next: None,
            as_of: None,
            files: 1,
            skipped_rows: 0,
            errors: vec![],
        }
    }

    #[test]
    fn the_summary_counts_each_partner_once_and_each_area_by_status() {
        let rulesets = Ruleset::embedded();
        let mut broken = row("c", None, "", 0.0, None);
        broken.errors = vec!["c: no such folder".into()];
        let mut rows = vec![
            row("b", Some("modern-work"), "partial", 72.0, Some(true)),
            row("a", Some("modern-work"), "qualified", 80.0, Some(true)),
            broken,
            row("a", Some("data-ai"), "incomplete", 61.5, Some(true)),
            row("b", Some("data-ai"), "in_progress", 59.9, Some(true)),
            row("d", Some("data-ai"), "in_progress", 24.5, Some(false)),
        ];
        sort(&mut rows);
        let order: Vec<(&str, Option<&str>)> = rows.iter().map(|r| (r.partner.as_str(), r.area.as_deref())).collect();
        assert_eq!(
            order,
            [
                ("a", Some("modern-work")),
                ("a", Some("data-ai")),
                ("b", Some("modern-work")),
                ("b", Some("data-ai")),
                ("c", None),
                ("d", Some("data-ai"))
            ]
        );
        let s = summary(&rows, &rulesets);
        assert_eq!((s.partners, s.unscored.as_slice()), (4, ["c".to_string()].as_slice()));
        let mw = &s.areas[0];
        assert_eq!((mw.area.as_str(), mw.label.as_str()), ("modern-work", "Modern Work"));
        assert_eq!((mw.scored, mw.qualified, mw.within_ten, mw.incentive_line_met), (2, 1, 1, Some(2)));
        let data = &s.areas[1];
        // 61.5 (a lower bound) is within 10 of 70; 59.9 is not.
        assert_eq!((data.scored, data.qualified, data.within_ten, data.incentive_line_met), (3, 0, 1, Some(2)));
    }

    #[test]
    fn csv_quotes_what_needs_it_and_reads_back_from_json() {
        let mut r = row("Contoso, \"West\"", Some("modern-work"), "incomplete", 61.2625, None);
        r.next = Some("Load a usage export".into());
        r.errors = vec!["a.csv: 2 rows in error".into(), "b.csv: no known layout".into()];
        assert_eq!(
            csv_line(&r),
            "\"Contoso, \"\"West\"\"\",modern-work,61.2625,true,incomplete,,,Load a usage export,,1,0,a.csv: 2 rows in error | b.csv: no known layout\r\n"
        );
        let back = read_rows(&format!("[{}]", json_line(&r))).unwrap();
        // Whole scores as JavaScript writes them (the CLI's rows).
        assert_eq!(Score::from_points(Points::whole(79)).as_str(), "79");
        assert_eq!(Score::from_points(Points::whole(0)).as_str(), "0");
        assert_eq!(Score::from_points(Points::fraction(245, 4)).as_str(), "61.25");
        assert_eq!(back, [r]);
        // Seventeen digits, which a double read and written again may not keep.
        let mut r = row("a", Some("security"), "incomplete", 0.0, None);
        r.score = Some(Score("21.997333333333334".into()));
        let line = json_line(&r);
        assert!(line.contains(r#""score":21.997333333333334,"#), "{line}");
        assert_eq!(json_line(&read_rows(&format!("[{line}]")).unwrap()[0]), line);
    }
}
