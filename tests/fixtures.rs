//! Every figure of every `tests/fixtures/*.expected.json` (copies of
//! `../shared/fixtures`), reproduced by the native core.

use serde_json::Value;
use spd_score::{DetailLevel, ScoreOptions, Workbook};
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
    let full = ScoreOptions { detail: DetailLevel::Full, ..ScoreOptions::default() };
    serde_json::from_str(&book.report_json(&full, false)).unwrap()
}

/// Modern Work's part of a report: the figures the expected files hold.
fn modern_work(report: &Value) -> &Value {
    &report["areas"]["modern-work"]
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
    assert_subset(&expected, modern_work(&actual), "modern-work");
    actual
}

#[test]
fn seed_sample_usage() {
    let r = check("seed-sample-usage.csv", false);
    assert_eq!(r["files"][0]["rows"], 25);
    assert_eq!(r["files"][0]["kind"], "usage");
    assert_eq!(modern_work(&r)["status"], "not_started");
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
    assert_eq!(modern_work(&r)["months"].as_array().unwrap().len(), 13);
    assert_eq!(modern_work(&r)["status"], "qualified");
    assert_eq!(modern_work(&r)["track"], "smb");
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
    assert_eq!(modern_work(&r)["status"], "qualified");
    assert_eq!(modern_work(&r)["track"], "enterprise");
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
    assert_eq!(find("chen.wei@example.com")["advanced"], true);
    assert_eq!(people.iter().filter(|p| p["intermediate"] == true).count(), 3);
    assert_eq!(people.iter().filter(|p| p["advanced"] == true).count(), 2);
    // No usage: customer metrics are unknown, not zero.
    let tracks = &modern_work(&r)["tracks"];
    assert_eq!(tracks["smb"]["metrics"]["usageGrowth"]["points"], Value::Null);
    assert_eq!(tracks["smb"]["total"], 25.0);
    assert_eq!(tracks["enterprise"]["metrics"]["intermediateCertifications"]["value"], 3);
    // Fay's Messaging Administrator Associate is off the 2026 list: it does not count, and she is told why.
    let fay = &find("fay.duarte@example.com")["certifications"][0];
    assert_eq!(fay["status"], "dropped");
    assert_eq!(fay["reason"], "no longer on Microsoft's Modern Work list");
    assert_eq!(find("fay.duarte@example.com")["intermediate"], false);
}

#[test]
fn rules_2026_with_training_completions() {
    let expected: Value =
        serde_json::from_slice(&std::fs::read(fixtures().join("rules-2026.expected.json")).unwrap()).unwrap();
    let r = report(&["rules-2026.csv", "training-completions.csv"]);
    assert_subset(&expected, modern_work(&r), "modern-work");
    assert_eq!(r["files"][1]["kind"], "skilling");
    let tenant =
        |id: &str| modern_work(&r)["tenants"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap().clone();
    // Promoted from 250 to 420 seats: Enterprise now, and SMB through the carry-over.
    let promoted = tenant("PROMOTED-CPOR");
    assert_eq!(promoted["tracks"]["enterprise"]["eligible"]["asOf"], true);
    assert_eq!(promoted["tracks"]["smb"]["eligible"]["asOf"], true);
    assert_eq!(promoted["tracks"]["smb"]["carriedOver"]["asOf"], true);
    assert_eq!(promoted["tracks"]["smb"]["carriedOver"]["baseline"], false);
    // Teams Premium: usage growth and deployments, not net customer adds.
    let premium = tenant("PREMIUM-ONLY");
    assert_eq!(premium["tracks"]["smb"]["eligible"]["asOf"], false);
    assert_eq!(premium["tracks"]["smb"]["serves"]["asOf"], true);
    assert_eq!(premium["tracks"]["smb"]["options"]["CSP"]["growth"], 30.0);
    assert_eq!(tenant("SMALL")["tracks"]["smb"]["serves"]["asOf"], false);
    let status = |email: &str| {
        let people = r["people"].as_array().unwrap();
        let person = people.iter().find(|p| p["email"] == email).unwrap();
        (person["certifications"][0]["status"].clone(), person["certifications"][0]["reason"].clone())
    };
    assert_eq!(status("ines.moreau@example.com").0, "counted");
    assert_eq!(status("jon.berg@example.com").0, "dropped");
    assert_eq!(
        status("kai.lund@example.com"),
        ("expired".into(), "expired on 2025-06-30, before the as-of month 2025-10".into())
    );
    assert_eq!(status("lea.ng@example.com").0, "counted");
    assert_eq!(
        status("mo.diaz@example.com"),
        ("not_yet_earned".into(), "earned on 2025-11-20, after the as-of month 2025-10".into())
    );
    let assumptions = modern_work(&r)["assumptions"].to_string();
    assert!(assumptions.contains("smb-carry-over"), "{assumptions}");
    assert_eq!(modern_work(&r)["ruleset"]["version"], "2026.12");
    assert_eq!(modern_work(&r)["ruleset"]["published"], "2026-04");
}

/// The fixtures and specs here are copies of `../shared`, which is beside
/// the checkout in CI: they must not drift from it.
#[test]
fn copies_match_shared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pairs = [
        ("../shared/fixtures", "tests/fixtures"),
        ("../shared/fixtures/areas", "tests/fixtures/areas"),
        ("../shared/spec", "docs/spec"),
    ];
    for (shared, ours) in pairs {
        let Ok(entries) = std::fs::read_dir(root.join(shared)) else { continue };
        for entry in entries.flatten().filter(|e| e.path().is_file()) {
            let name = entry.file_name();
            let copy = std::fs::read(root.join(ours).join(&name)).unwrap_or_default();
            assert_eq!(copy, std::fs::read(entry.path()).unwrap(), "{ours}/{name:?} differs from {shared}");
        }
    }
}
