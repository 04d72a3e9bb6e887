//! The hostile corpus of every layout (tests/corpus-layouts/README.md):
//! each broken variant of a good file, loaded in its place, loses nothing
//! of the good rows and is one error of its kind, file and line.

use serde_json::{json, Value};
use spd_score::{Month, ScoreOptions, Workbook};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-layouts")
}

/// A case of the README's table.
struct Case {
    file: String,
    good: String,
    beside: Vec<String>,
    kind: Option<String>,
    line: Option<u64>,
}

impl Case {
    /// A file of its own, dropped beside the good file rather than in its place.
    fn own_file(&self) -> bool {
        matches!(self.kind.as_deref(), Some("notCsv" | "tooManyColumns"))
    }
}

fn cases() -> Vec<Case> {
    let readme = std::fs::read_to_string(dir().join("README.md")).unwrap();
    let cell = |s: &str| s.trim().trim_matches('`').to_string();
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').collect();
            let beside = cells[2].split('+').map(cell).filter(|b| b != "-").collect();
            let kind = Some(cell(cells[3])).filter(|k| k != "-");
            Case { file: cell(cells[0]), good: cell(cells[1]), beside, kind, line: cell(cells[4]).parse().ok() }
        })
        .collect()
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The report of `files` (name, bytes), scored with a today of 2026-12.
fn report(files: &[(&str, Vec<u8>)]) -> Value {
    let mut book = Workbook::default();
    book.set_today(Month::new(2026, 12).unwrap());
    for (name, bytes) in files {
        book.add_file(name, bytes);
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

/// Every area's figures, nothing about files, errors or warnings.
fn figures(r: &Value) -> Value {
    json!({ "asOf": r["areas"]["modern-work"]["asOf"], "months": r["areas"]["modern-work"]["months"], "tracks": r["areas"]["modern-work"]["tracks"], "tenants": r["areas"]["modern-work"]["tenants"],
            "people": r["people"], "areas": r["areas"] })
}

/// The good file with its companions, and with `broken` in its place (or,
/// for a file of its own, beside it under `dropped.csv`).
fn both(case: &Case, broken: Vec<u8>) -> (Value, Value) {
    let beside: Vec<(&str, Vec<u8>)> = case.beside.iter().map(|b| (b.as_str(), read(b))).collect();
    let good: Vec<(&str, Vec<u8>)> =
        [(case.good.as_str(), read(&case.good))].into_iter().chain(beside.clone()).collect();
    let mut with_case = if case.own_file() {
        good.clone()
    } else {
        [(case.good.as_str(), broken.clone())].into_iter().chain(beside).collect()
    };
    if case.own_file() {
        with_case.push(("dropped.csv", broken));
    }
    (report(&good), report(&with_case))
}

/// What is wrong with the case's report, if anything.
fn check(case: &Case, broken: Vec<u8>) -> Result<(), String> {
    let (good, r) = both(case, broken);
    let errors = |r: &Value| r["errors"].as_array().cloned().unwrap_or_default();
    let (before, after) = (errors(&good), errors(&r));
    let file = if case.own_file() { "dropped.csv" } else { case.good.as_str() };
    match &case.kind {
        None if after.len() != before.len() => {
            return Err(format!("errors {after:?}, expected those of the good file"))
        }
        None => {}
        Some(kind) => {
            let found = after
                .iter()
                .any(|e| e["kind"] == kind.as_str() && e["file"] == file && e["line"].as_u64() == case.line);
            if !found || after.len() != before.len() + 1 {
                return Err(format!(
                    "errors {after:?}, expected those of the good file and {kind} on line {:?}",
                    case.line
                ));
            }
        }
    }
    if figures(&good) != figures(&r) {
        return Err("the good rows do not score as the good file".into());
    }
    // The good file is read: its figures are not those of nothing.
    if figures(&good) == figures(&report(&[])) {
        return Err("the good file scores nothing".into());
    }
    Ok(())
}

#[test]
fn every_case_of_every_layout_loses_nothing_good() {
    let cases = cases();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let layouts: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.good.as_str()).collect();
    assert_eq!(layouts.len(), 12, "{layouts:?}");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check(case, read(&format!("cases/{}", case.file))).err().map(|e| format!("{}: {e}", case.file))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Every file of `cases/` is in the table, and the other way round.
#[test]
fn the_table_lists_every_case() {
    let mut files: Vec<String> = std::fs::read_dir(dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    listed.sort();
    assert_eq!(files, listed);
}

/// A field of 1 MB (too large to keep in the repository) on line 3 of
/// every good file: a `longField` error there, every good row kept.
#[test]
fn a_1_mb_field_in_every_layout() {
    let goods: Vec<Case> = {
        let mut seen = std::collections::BTreeSet::new();
        cases().into_iter().filter(|c| seen.insert(c.good.clone())).collect()
    };
    let mut failures = vec![];
    for case in goods {
        let text = String::from_utf8(read(&case.good)).unwrap();
        let end = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut lines: Vec<&str> = text.split(end).collect();
        let row = format!("hostile-{},{}", "x".repeat(1 << 20), lines[1].split_once(',').unwrap().1);
        lines.insert(2, &row);
        let case = Case { kind: Some("longField".into()), line: Some(3), ..case };
        if let Err(e) = check(&case, lines.join(end).into_bytes()) {
            failures.push(format!("{}: {e}", case.good));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// As a new user would (issue 25): a TrainingCompletions download edited
/// in Excel with a stray quote opening one surname, dropped beside the
/// Azure usage report. Only that person's row is lost: every other person
/// and every Azure figure counts, and the error names the line.
#[test]
fn a_stray_quote_in_one_name_beside_the_azure_usage_report() {
    let skilling = String::from_utf8(read("skilling.csv")).unwrap();
    let mut lines: Vec<String> = skilling.lines().map(str::to_string).collect();
    let without: String = lines.iter().enumerate().filter(|(i, _)| *i != 4).map(|(_, l)| format!("{l}\n")).collect();
    // Line 5: `…,Ben,Okafor,…` becomes `…,Ben,"Okafor,…`.
    let fields: Vec<&str> = lines[4].split(',').collect();
    lines[4] = format!("{},\"{}", fields[..3].join(","), fields[3..].join(","));
    let edited: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let azure = read("azure-usage.csv");
    let with_quote = report(&[("TrainingCompletions.csv", edited.into_bytes()), ("azure.csv", azure.clone())]);
    let without_row = report(&[("TrainingCompletions.csv", without.into_bytes()), ("azure.csv", azure)]);
    let errors = with_quote["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0]["kind"].as_str(), errors[0]["line"].as_u64()), (Some("unclosedQuote"), Some(5)));
    assert_eq!(errors[0]["column"], "IndividualLastName");
    // Everything else is as if the row were not there.
    assert_eq!(figures(&with_quote), figures(&without_row));
    assert!(with_quote["people"].as_array().unwrap().len() > 5);
}
