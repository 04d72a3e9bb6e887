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

use spd_score::{DetailLevel, Plan, ScoreOptions, Workbook};
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
        // With today's date: the qualification window; one area alone; the summary.
        let today = spd_score::Date::parse("2026-03-15");
        let windowed = ScoreOptions { today, anniversary: spd_score::Date::parse("2025-07-01"), ..history.clone() };
        let summary = ScoreOptions { detail: DetailLevel::Summary, ..windowed.clone() };
        let outputs = [
            ("report", full_report(&book, &plain)),
            ("history", full_report(&book, &history)),
            ("window", full_report(&book, &windowed)),
            ("area", area_report(&book, &windowed, "modern-work")),
            ("summary", full_report(&book, &summary)),
            ("whatif", to_json(&book.simulate(&plan, &plain))),
            ("choices", to_json(&book.plan_choices())),
        ];
        for (what, json) in outputs {
            let path = out.join(format!("{name}.{what}.json"));
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

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("a report serialises")
}
