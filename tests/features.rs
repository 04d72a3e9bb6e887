//! The cargo features: an area whose data model is compiled out (its
//! feature off) loads from JSON and reports exactly as if its exports had
//! not been loaded; with the feature on, the same exports change its report.

use serde_json::Value;
use spd_score::{Ruleset, ScoreOptions, Workbook};
use std::path::Path;

/// Every area ruleset, read from `rulesets/` whatever this build embeds.
fn all_rulesets() -> Vec<Ruleset> {
    let names =
        ["modern-work", "security", "data-ai", "infrastructure", "digital-app-innovation", "business-applications"];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rulesets");
    let read = |name: &str| std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
    names.iter().map(|name| Ruleset::from_json(&read(name)).unwrap()).collect()
}

/// The report of `area` with the skilling export and `files` loaded.
fn area_report(area: &str, files: &[&str]) -> Value {
    let mut book = Workbook::with_rulesets(all_rulesets());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/areas");
    for name in ["skilling-all-areas.csv"].iter().chain(files) {
        book.add_file(name, &std::fs::read(dir.join(name)).unwrap());
    }
    let report = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    report["areas"][area].clone()
}

/// With its model built, an area's exports change its report; without,
/// they do not (and nothing panics).
fn check(area: &str, exports: &[&str], model_built: bool) {
    let without = area_report(area, &[]);
    let with = area_report(area, exports);
    assert!(without.is_object(), "{area} is reported");
    assert_eq!(with != without, model_built, "{area}: its exports change its report only with its model built");
    if !model_built {
        assert_ne!(with["status"], "qualified", "{area}");
    }
}

#[test]
fn security_reads_its_exports_only_with_its_model() {
    check("security", &["security-m365.csv", "security-azure.csv"], cfg!(feature = "security"));
}

#[test]
fn the_azure_areas_read_their_exports_only_with_their_model() {
    for area in ["data-ai", "infrastructure", "digital-app-innovation"] {
        check(area, &["azure-usage-24-months.csv"], cfg!(feature = "azure"));
    }
}

#[test]
fn business_applications_reads_its_exports_only_with_its_model() {
    check("business-applications", &["bizapps-revenue.csv", "bizapps-usage.csv"], cfg!(feature = "bizapps"));
}
