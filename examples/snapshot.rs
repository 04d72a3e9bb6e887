//! Writes the report of every fixture and corpus file to a folder, so that a
//! restructuring can prove it changed nothing a user sees:
//!
//! ```text
//! cargo run --example snapshot -- /tmp/before
//! (change the code)
//! cargo run --example snapshot -- /tmp/after
//! diff -r /tmp/before /tmp/after
//! ```
//!
//! For every file alone, every scenario of `tests/fixtures/areas/manifest.txt`
//! and all fixtures together: the report (as the CLI prints it), the report
//! with its history, and a what-if with a plan that touches every area. The
//! plan choices and the report with no file at all come too.

use spd_score::{portfolio, Date, DetailLevel, Plan, RowsQuery, ScoreOptions, Workbook};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A plan naming something of every data model, so the what-if's every
/// branch runs.
const PLAN: &str = r#"{
  "customers": [
    {"name": "New SMB", "count": 2, "association": "CSP Tier 1", "workloads": ["Teams", "Exchange", "SharePoint"], "mau": 40, "pau": 50},
    {"name": "Azure", "association": "CPOR", "azureServices": ["Azure SQL Database", "Virtual Machines"], "ttmRevenue": 150000},
    {"name": "BizApps", "association": "CPOR", "bizappsWorkloads": ["Dynamics 365 Sales"], "mau": 30, "ttmRevenue": 90000, "existingCustomer": true}
  ],
  "people": [{"name": "Ada", "certification": "MS-102"}, {"name": "Bo", "certification": "AZ-104"}],
  "removeTenants": ["T-ALPHA"]
}"#;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: snapshot OUT_DIR");
        return ExitCode::from(2);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<(String, Vec<PathBuf>)> = vec![("no-files".into(), vec![])];
    let folders =
        ["../shared/fixtures", "../shared/fixtures/areas", "tests/fixtures", "tests/fixtures/areas", "tests/corpus"];
    let mut all_fixtures = Vec::new();
    for folder in folders {
        let dir = root.join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "csv")).collect();
        files.sort();
        for file in files {
            let name = format!("{}__{}", folder.replace(['/', '.'], "_"), file.file_name().unwrap().to_string_lossy());
            if folder == "../shared/fixtures" || folder == "../shared/fixtures/areas" {
                all_fixtures.push(file.clone());
            }
            cases.push((name, vec![file]));
        }
        if let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.txt")) {
            for (i, line) in manifest.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                let files = line.split_whitespace().map(|f| dir.join(f)).collect();
                cases.push((format!("{}__scenario-{i}", folder.replace(['/', '.'], "_")), files));
            }
        }
    }
    cases.push(("all-shared-fixtures".into(), all_fixtures));
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(1);
    }
    let plan = Plan::from_json(PLAN).expect("the plan reads");
    for (name, files) in &cases {
        let mut book = Workbook::default();
        for file in files {
            match std::fs::read(file) {
                Ok(bytes) => book.add_file(&file.file_name().unwrap().to_string_lossy(), &bytes),
                Err(e) => eprintln!("{}: {e}", file.display()),
            }
        }
        // The full report, every list inline, as the CLI's --json writes it.
        let plain = ScoreOptions { detail: DetailLevel::Full, ..ScoreOptions::default() };
        let history = ScoreOptions { history: true, ..plain.clone() };
        let windowed =
            ScoreOptions { today: Date::parse("2026-03-15"), anniversary: Date::parse("2026-09-01"), ..plain.clone() };
        let windowed_history =
            ScoreOptions { history: true, anniversary: Date::parse("2025-07-01"), ..windowed.clone() };
        let summary = book.report(&ScoreOptions::default());
        let mut outputs = vec![
            ("report".to_string(), full_report(&book, &plain)),
            ("history".to_string(), full_report(&book, &history)),
            ("whatif".to_string(), to_json(&book.simulate(&plan, &plain))),
            ("choices".to_string(), to_json(&book.plan_choices())),
            // The JSON writer's every form: compact and pretty, summary and full.
            ("summary".to_string(), to_compact(&summary)),
            ("summary-pretty".to_string(), to_json(&summary)),
            (
                "summary-window".to_string(),
                to_compact(&book.report(&ScoreOptions { detail: DetailLevel::Summary, ..windowed.clone() })),
            ),
            ("full-compact".to_string(), book.report_json(&windowed, false)),
            ("whatif-compact".to_string(), to_compact(&book.simulate(&plan, &ScoreOptions::default()))),
            ("rows".to_string(), all_rows(&book, &summary)),
            ("portfolio".to_string(), portfolio_outputs(&book)),
            // The qualification window with the history, whole and for one area.
            ("window".to_string(), full_report(&book, &windowed_history)),
            ("area-window".to_string(), area_report(&book, &windowed_history, "modern-work")),
        ];
        for id in summary.areas.0.iter().map(|(id, _)| id.clone()) {
            outputs.push((format!("area-{id}"), area_report(&book, &plain, &id)));
        }
        for (what, json) in outputs {
            let path = out.join(format!("{name}.{what}.json"));
            let json = json.as_str();
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    println!("{} cases written to {}", cases.len(), out.display());
    ExitCode::SUCCESS
}

fn full_report(book: &Workbook, options: &ScoreOptions) -> String {
    let mut text = vec![];
    let written = book.write_report::<()>(options, None, true, 1 << 16, &mut |bytes| {
        text.extend_from_slice(bytes);
        Ok(())
    });
    written.expect("a Vec takes every piece");
    String::from_utf8(text).expect("JSON text is UTF-8")
}

fn area_report(book: &Workbook, options: &ScoreOptions, area: &str) -> String {
    let mut text = vec![];
    let written = book.write_report::<()>(options, Some(area), false, 1 << 16, &mut |bytes| {
        text.extend_from_slice(bytes);
        Ok(())
    });
    written.expect("a Vec takes every piece");
    String::from_utf8(text).expect("JSON text is UTF-8")
}

/// Every list of every area (and the people) through `rows`: the first
/// page, a sorted and searched page, and a query that fails.
fn all_rows(book: &Workbook, summary: &spd_score::Report) -> String {
    let options = ScoreOptions::default();
    let mut queries = vec![
        RowsQuery { list: "people".into(), ..RowsQuery::default() },
        RowsQuery { list: "nothing".into(), ..RowsQuery::default() },
    ];
    for (id, area) in &summary.areas.0 {
        for (list, _) in &area.lists.0 {
            let base = RowsQuery { list: list.clone(), area: Some(id.clone()), ..RowsQuery::default() };
            queries.push(base.clone());
            queries.push(RowsQuery {
                sort: Some("contribution".into()),
                descending: true,
                offset: 1,
                limit: Some(3),
                ..base.clone()
            });
            queries.push(RowsQuery { search: Some("a".into()), only: Some("contributing".into()), ..base });
        }
    }
    let mut text = String::new();
    for query in &queries {
        match book.rows(query, &options) {
            Ok(rows) => text.push_str(&to_compact(&rows)),
            Err(error) => text.push_str(&to_compact(&error)),
        }
        text.push('\n');
    }
    text
}

fn portfolio_outputs(book: &Workbook) -> String {
    let rows =
        portfolio::rows("Contoso \"Partner\"", &book.report(&ScoreOptions::default()), &["x.xlsx: not read".into()]);
    let mut text = portfolio::json_array(&rows);
    for format in ["csv", "jsonl", "summary"] {
        text.push('\n');
        text.push_str(&portfolio::write(rows.clone(), format, book.rulesets()).expect("a known format"));
    }
    text
}

fn to_json(value: &dyn spd_score::ToJson) -> String {
    spd_score::to_json_pretty(value)
}

fn to_compact(value: &dyn spd_score::ToJson) -> String {
    spd_score::to_json(value)
}
