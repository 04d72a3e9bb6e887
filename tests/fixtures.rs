//! Every figure of every `tests/fixtures/*.expected.json` (copies of
//! `../shared/fixtures`), reproduced by the native core.

use serde_json::Value;
use spd_score::{ScoreOptions, Workbook};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn report(files: &[&str]) -> Value {
    let mut book = Workbook::default();
    for name in files {
        let bytes = std::fs::read(fixtures().join(name)).unwrap();
        book.add_file(name, &bytes);
    }
    serde_json::to_value(book.report(&ScoreOptions::default())).unwrap()
}

/// Every leaf of `expected` must be in `actual` at the same path; numbers
/// compare exactly as decimals (the report's floats are correctly rounded).
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let Some(found) = a.get(key) else { panic!("{path}.{key} missing from the report") };
                assert_subset(value, found, &format!("{path}.{key}"));
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            assert_eq!(e.as_f64(), a.as_f64(), "{path}");
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

fn check(usage: &str, with_skilling: bool) -> Value {
    let expected: Value =
        serde_json::from_slice(&std::fs::read(fixtures().join(usage.replace(".csv", ".expected.json"))).unwrap())
            .unwrap();
    let mut files = vec![usage];
    if with_skilling {
        files.push("skilling-people.csv");
    }
    let actual = report(&files);
    assert_subset(&expected, &actual, "");
    actual
}

#[test]
fn seed_sample_usage() {
    let r = check("seed-sample-usage.csv", false);
    assert_eq!(r["files"][0]["rows"], 25);
    assert_eq!(r["files"][0]["kind"], "usage");
    assert_eq!(r["status"], "not_started");
}

#[test]
fn mixed_60_tenants() {
    let r = check("mixed-60-tenants.csv", true);
    assert!(r["ignored"]["associations"]["PAL"].as_u64().unwrap() > 0);
    assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{}", r["errors"]);
}

#[test]
fn cpor_report_13_months() {
    let r = check("cpor-report-13-months.csv", true);
    assert_eq!(r["months"].as_array().unwrap().len(), 13);
    assert_eq!(r["status"], "qualified");
    assert_eq!(r["bestTrack"], "smb");
    assert_eq!(r["files"][0]["encoding"], "UTF-8");
    // PAL and "Partner admin link" are one association type, ignored.
    let ignored = r["ignored"]["associations"].as_object().unwrap();
    assert_eq!(ignored.keys().collect::<Vec<_>>(), ["PAL"]);
    assert_eq!(ignored["PAL"], 648);
}

#[test]
fn semicolon_excel() {
    let r = check("semicolon-excel.csv", true);
    assert_eq!(r["files"][0]["delimiter"], "semicolon");
    assert_eq!(r["status"], "qualified");
    assert_eq!(r["bestTrack"], "enterprise");
}

#[test]
fn skilling_people_explained() {
    let r = report(&["skilling-people.csv"]);
    let people = r["people"].as_array().unwrap();
    let find = |email: &str| people.iter().find(|p| p["email"] == email).unwrap_or_else(|| panic!("{email}"));
    let ana = find("ana.souza@example.com");
    assert_eq!(ana["intermediate"], true);
    assert_eq!(ana["certifications"].as_array().unwrap().len(), 2);
    assert_eq!(find("dara.nolan@example.com")["certifications"][0]["status"], "not_on_list");
    assert_eq!(find("fay.duarte@example.com")["certifications"][0]["status"], "retired");
    assert_eq!(find("chen.wei@example.com")["advanced"], true);
    assert_eq!(people.iter().filter(|p| p["intermediate"] == true).count(), 4);
    assert_eq!(people.iter().filter(|p| p["advanced"] == true).count(), 2);
    // No usage: customer metrics are unknown, not zero.
    assert_eq!(r["tracks"]["smb"]["metrics"]["usageGrowth"]["points"], Value::Null);
    assert_eq!(r["tracks"]["smb"]["total"], 25.0);
    assert!(r["assumptions"].as_array().unwrap().iter().any(|a| a["id"] == "retired-certifications"));
    // Fay's retired certification counts, with a warning.
    assert!(r["warnings"]
        .to_string()
        .contains("Fay Duarte's Microsoft 365 Certified: Messaging Administrator Associate is counted"));
}

/// The fixtures and specs here are copies of `../shared`, which is beside
/// the checkout in CI: they must not drift from it.
#[test]
fn copies_match_shared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shared, ours) in [("../shared/fixtures", "tests/fixtures"), ("../shared/spec", "docs/spec")] {
        let Ok(entries) = std::fs::read_dir(root.join(shared)) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let copy = std::fs::read(root.join(ours).join(&name)).unwrap_or_default();
            assert_eq!(copy, std::fs::read(entry.path()).unwrap(), "{ours}/{name:?} differs from {shared}");
        }
    }
}
