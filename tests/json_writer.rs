//! The module's JSON writer (src/to_json.rs) against serde_json, which
//! wrote the report before it: on every fixture and corpus file, the
//! summary and the full report, compact and pretty, one area's part, and
//! every list's `rows` answers are exactly the text serde_json writes of the
//! same JSON (parsed keeping key order and every double's bits); and
//! numbers and strings alike on any value.

use proptest::prelude::*;
use serde_json::Value;
use spd_score::{DetailLevel, RowsQuery, ScoreOptions, Workbook};
use std::path::{Path, PathBuf};

const FOLDERS: &[&str] = &[
    "../shared/fixtures",
    "../shared/fixtures/areas",
    "tests/fixtures",
    "tests/fixtures/areas",
    "tests/corpus",
    "tests/corpus-layouts",
];

/// Every CSV of the folders, each alone, then all shared fixtures together.
fn workbooks() -> Vec<(String, Workbook)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut books = vec![];
    let mut shared = Workbook::default();
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else { continue };
        let mut files: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "csv")).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let mut book = Workbook::default();
            book.add_file(&name, &bytes);
            if folder.starts_with("../shared") {
                shared.add_file(&name, &bytes);
            }
            books.push((format!("{folder}/{name}"), book));
        }
    }
    assert!(books.len() >= 40, "the fixtures are missing: {} files", books.len());
    books.push(("all shared fixtures".into(), shared));
    books
}

/// `text` is what serde_json writes of its own parse of `text`.
fn assert_serde_json_text(text: &str, pretty: bool, what: &str) {
    let value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    let expected = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
    if text != expected {
        let at = text.bytes().zip(expected.bytes()).position(|(a, b)| a != b).unwrap_or(text.len().min(expected.len()));
        let near = |s: &str| s.get(at.saturating_sub(60)..(at + 60).min(s.len())).unwrap_or_default().to_string();
        panic!("{what}: differs at byte {at}:\n  ours:       {}\n  serde_json: {}", near(text), near(&expected));
    }
}

fn written(book: &Workbook, options: &ScoreOptions, area: Option<&str>, pretty: bool) -> String {
    let mut text = vec![];
    let mut emit = |bytes: &[u8]| {
        text.extend_from_slice(bytes);
        Ok::<(), ()>(())
    };
    book.write_report(options, area, pretty, 4096, &mut emit).unwrap();
    String::from_utf8(text).unwrap()
}

#[test]
fn every_report_is_serde_jsons_text() {
    let full = ScoreOptions { detail: DetailLevel::Full, history: true, ..ScoreOptions::default() };
    let mut rows_checked = 0;
    for (name, book) in workbooks() {
        let summary = book.report(&ScoreOptions::default());
        assert_serde_json_text(&spd_score::to_json(&summary), false, &format!("{name}: summary"));
        assert_serde_json_text(&spd_score::to_json_pretty(&summary), true, &format!("{name}: summary, pretty"));
        for pretty in [false, true] {
            assert_serde_json_text(&written(&book, &full, None, pretty), pretty, &format!("{name}: full"));
        }
        let first = summary.areas.0.first().map(|(id, _)| id.as_str());
        assert_serde_json_text(&written(&book, &full, first, false), false, &format!("{name}: one area"));
        let mut queries = vec![RowsQuery { list: "people".into(), ..RowsQuery::default() }];
        for (id, area) in &summary.areas.0 {
            for (list, _) in &area.lists.0 {
                let query = RowsQuery { list: list.clone(), area: Some(id.clone()), ..RowsQuery::default() };
                let sorted = RowsQuery { sort: Some("contribution".into()), limit: Some(5), ..query.clone() };
                queries.extend([query, sorted]);
            }
        }
        for query in &queries {
            let text = match book.rows(query, &ScoreOptions::default()) {
                Ok(rows) => {
                    rows_checked += rows.rows.len();
                    spd_score::to_json(&rows)
                }
                Err(error) => spd_score::to_json(&error),
            };
            assert_serde_json_text(&text, false, &format!("{name}: rows of {query:?}"));
        }
    }
    // Rows of every kind went through, not only empty pages.
    assert!(rows_checked > 500, "{rows_checked} rows");
}

#[test]
fn simulations_and_plan_choices_are_serde_jsons_text() {
    let plan = spd_score::Plan::from_json(
        r#"{"customers": [{"name": "A \"quoted\"\tname", "count": 2, "association": "CSP Tier 1",
            "workloads": ["Teams"], "mau": 40.5, "pau": 50, "ttmRevenue": 1234.5678},
            {"association": "CPOR", "azureServices": ["Azure SQL Database"], "ttmRevenue": 1e21}],
            "people": [{"name": "Ada", "certification": "MS-102"}], "removeTenants": ["T-ALPHA"]}"#,
    )
    .unwrap();
    for (name, book) in workbooks().into_iter().step_by(7) {
        let simulation = book.simulate(&plan, &ScoreOptions::default());
        assert_serde_json_text(&spd_score::to_json(&simulation), false, &format!("{name}: what-if"));
        assert_serde_json_text(&spd_score::to_json_pretty(&simulation), true, &format!("{name}: what-if"));
        assert_serde_json_text(&spd_score::to_json(&book.plan_choices()), false, &format!("{name}: choices"));
    }
}

/// Every power of two (the doubles whose neighbours are not equally far)
/// and its neighbours.
#[test]
fn powers_of_two_are_written_as_serde_json_writes_them() {
    for exponent in -1074..=1023 {
        let bits = if exponent < -1022 { 1u64 << (exponent + 1074) } else { ((exponent + 1023) as u64) << 52 };
        let power = f64::from_bits(bits);
        for value in [power, f64::from_bits(power.to_bits() + 1), f64::from_bits(power.to_bits() - 1), -power] {
            assert_eq!(spd_score::to_json(&value), serde_json::to_string(&value).unwrap(), "2^{exponent}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Any double, by its bits: the shortest digits, laid out as serde_json lays them.
    #[test]
    fn doubles_are_written_as_serde_json_writes_them(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assert_eq!(spd_score::to_json(&value), serde_json::to_string(&value).unwrap());
    }

    /// Doubles of few significant bits, whose exact decimals are short: the
    /// two shortest candidates are sometimes equally near (serde_json takes
    /// the even one).
    #[test]
    fn doubles_of_few_bits_too(bits in any::<u64>(), zeros in 0u32..52) {
        let value = f64::from_bits(bits & !((1u64 << zeros) - 1));
        prop_assert_eq!(spd_score::to_json(&value), serde_json::to_string(&value).unwrap());
    }

    /// Doubles about where the layout changes (1e-5, 1e16) and the writer
    /// changes how it computes.
    #[test]
    fn doubles_near_the_notation_changes(unit in 0.5f64..2.0, big in any::<bool>()) {
        let value = unit * if big { 1e16 } else { 1e-5 };
        prop_assert_eq!(spd_score::to_json(&value), serde_json::to_string(&value).unwrap());
    }

    /// Doubles as reports hold them: amounts, ratios to four decimals, growth.
    #[test]
    fn everyday_doubles_too(whole in -1_000_000_000i64..1_000_000_000, tenths in 0u32..10_000, scale in -12i32..24) {
        let value = (whole as f64 + f64::from(tenths) / 10_000.0) * 10f64.powi(scale);
        prop_assert_eq!(spd_score::to_json(&value), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them(text in any::<String>(), control in "[\\x00-\\x1f\"\\\\]{0,8}") {
        let text = format!("{text}{control}{text}");
        prop_assert_eq!(spd_score::to_json(&text), serde_json::to_string(&text).unwrap());
    }
}
