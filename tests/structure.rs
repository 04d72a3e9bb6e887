//! Every designation alike (issue 22): no area is chosen by its place in
//! the ruleset list, an area can be added as a ruleset alone, and a ruleset
//! that cannot be read is an error with its kind and the field's path.

use serde_json::Value;
use spd_score::{Ruleset, RulesetErrorKind, ScoreOptions, Workbook};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every kind of export: usage, skilling, Azure, Security, Business
/// Applications and typed values.
const FILES: &[&str] = &[
    "cpor-report-13-months.csv",
    "skilling-people.csv",
    "areas/azure-usage-24-months.csv",
    "areas/security-azure.csv",
    "areas/security-m365.csv",
    "areas/bizapps-revenue.csv",
    "areas/bizapps-usage.csv",
    "areas/manual-values.csv",
];

fn report_of(mut book: Workbook, options: &ScoreOptions) -> Value {
    for name in FILES {
        let bytes = std::fs::read(fixtures().join(name)).unwrap();
        book.add_file(name, &bytes);
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..(options).clone() }, false),
    )
    .unwrap()
}

/// The areas in the report's order (the overview's; `areas` is a map).
fn area_ids(r: &Value) -> Vec<String> {
    r["overview"].as_array().unwrap().iter().map(|row| row["area"].as_str().unwrap().to_string()).collect()
}

#[test]
fn rulesets_in_any_order_give_the_same_report() {
    let options = ScoreOptions { history: true, ..ScoreOptions::default() };
    let given = report_of(Workbook::default(), &options);
    let mut reversed = Ruleset::embedded();
    reversed.reverse();
    assert_eq!(reversed[0].data.id, "business-applications");
    let from_reversed = report_of(Workbook::with_rulesets(reversed), &options);
    assert_eq!(given, from_reversed);
    // The top level is still Modern Work's, and its tenants were read.
    assert_eq!(from_reversed["areas"]["modern-work"]["ruleset"]["id"], "modern-work");
    assert!(from_reversed["areas"]["modern-work"]["tenants"].as_array().unwrap().len() > 10);
    let mut rotated = Ruleset::embedded();
    rotated.rotate_left(2);
    assert_eq!(given, report_of(Workbook::with_rulesets(rotated), &options));
    assert_eq!(
        area_ids(&given),
        ["modern-work", "security", "data-ai", "infrastructure", "digital-app-innovation", "business-applications"]
    );
}

#[test]
fn no_rulesets_is_an_error_not_a_panic() {
    let r = report_of(Workbook::with_rulesets(vec![]), &ScoreOptions { history: true, ..ScoreOptions::default() });
    let errors = r["errors"].as_array().unwrap();
    let last = errors.last().unwrap();
    assert_eq!(last["kind"], "noRulesets");
    assert!(r["areas"].as_object().unwrap().is_empty());
    // The files were still read and listed.
    assert_eq!(r["files"].as_array().unwrap().len(), FILES.len());
    // A what-if and the plan's choices do not panic either.
    let book = Workbook::with_rulesets(vec![]);
    let plan =
        spd_score::Plan::from_json(r#"{"customers":[{"association":"CSP","workloads":["Teams"],"mau":5,"pau":5}]}"#)
            .unwrap();
    let simulation =
        serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&book.simulate(&plan, &ScoreOptions::default())))
            .unwrap();
    assert_eq!(simulation["report"]["errors"][0]["kind"], "noRulesets");
    assert!(book.plan_choices().workloads.is_empty());
}

#[test]
fn without_modern_work_security_still_reads_usage() {
    let security: Vec<Ruleset> = Ruleset::embedded().into_iter().filter(|r| r.data.id == "security").collect();
    let alone = report_of(Workbook::with_rulesets(security), &ScoreOptions::default());
    let all = report_of(Workbook::default(), &ScoreOptions::default());
    assert_eq!(area_ids(&alone), ["security"]);
    assert_eq!(alone["areas"]["security"], all["areas"]["security"]);
}

#[test]
fn the_top_level_status_is_the_headline_areas() {
    for files in [&FILES[..1], &FILES[1..2], FILES] {
        let mut book = Workbook::default();
        for name in files {
            book.add_file(name, &std::fs::read(fixtures().join(name)).unwrap());
        }
        let r = serde_json::from_str::<serde_json::Value>(&book.report_json(
            &ScoreOptions {
                detail: spd_score::DetailLevel::Full,
                ..ScoreOptions { history: true, ..ScoreOptions::default() }
            },
            false,
        ))
        .unwrap();
        let area = &r["areas"]["modern-work"];
        assert_eq!(r["areas"]["modern-work"]["status"], area["status"], "{files:?}");
        for (id, track) in r["areas"]["modern-work"]["tracks"].as_object().unwrap() {
            if let Some(own) = area["tracks"].get(id) {
                assert_eq!(track["status"], own["status"], "{files:?} {id}");
            }
        }
        // One history: the top level's months are the area's, month by month.
        for month in r["areas"]["modern-work"]["history"].as_array().unwrap() {
            let own = area["history"].as_array().unwrap().iter().find(|m| m["month"] == month["month"]).unwrap();
            assert_eq!(month["available"], own["available"]);
            if month["available"] == true {
                assert_eq!(month["status"], own["status"]);
                assert_eq!(month["total"], own["total"]);
            }
        }
    }
}

#[test]
fn a_misspelled_measure_is_a_ruleset_error() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rulesets/modern-work.json")).unwrap();
    assert!(Ruleset::from_json(&text).is_ok());
    let misspelled = text.replacen("\"measure\": \"customers\"", "\"measure\": \"custmers\"", 1);
    assert_ne!(misspelled, text);
    let error = Ruleset::from_json(&misspelled).unwrap_err();
    assert_eq!((error.kind, error.path.as_str()), (RulesetErrorKind::Rule, "tracks[0].metrics.netCustomerAdds"));
    assert!(error.message.contains("no measure \"custmers\""), "{error}");
    let unknown_model = text.replacen("\"from\": \"usage\"", "\"from\": \"usgae\"", 1);
    let error = Ruleset::from_json(&unknown_model).unwrap_err().to_string();
    assert!(error.contains("no data model \"usgae\""), "{error}");
}

#[test]
fn a_seventh_area_from_a_ruleset_alone_is_scored() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rulesets/modern-work.json")).unwrap();
    let copy = text.replacen("\"id\": \"modern-work\"", "\"id\": \"modern-work-copy\"", 1).replacen(
        "\"label\": \"Modern Work\"",
        "\"label\": \"Modern Work (copy)\"",
        1,
    );
    let mut book = Workbook::default();
    book.replace_ruleset(Ruleset::from_json(&copy).unwrap());
    let r = report_of(book, &ScoreOptions::default());
    assert_eq!(area_ids(&r).len(), 7);
    // Not named by the catalogue's order: after the six.
    assert_eq!(area_ids(&r)[6], "modern-work-copy");
    let copy = &r["areas"]["modern-work-copy"];
    let original = &r["areas"]["modern-work"];
    assert_eq!(copy["status"], original["status"]);
    assert_eq!(copy["total"], original["total"]);
    assert_eq!(copy["tracks"], original["tracks"]);
    assert!(!copy["recommendations"].as_array().unwrap().is_empty());
    let row = r["overview"].as_array().unwrap().iter().find(|row| row["area"] == "modern-work-copy").unwrap();
    assert_eq!(row["label"], "Modern Work (copy)");
    // Modern Work is still first.
    assert_eq!(area_ids(&r)[0], "modern-work");
}

#[test]
fn the_reports_types_are_named_from_rust() {
    use spd_score::{ErrorKind, Status, WarningKind};
    let report = Workbook::with_rulesets(vec![]).report(&ScoreOptions::default());
    assert!(report.areas.0.is_empty());
    assert_eq!(report.overview.iter().map(|row| row.status).collect::<Vec<Status>>(), vec![]);
    assert_eq!(report.errors.last().map(|e| e.kind), Some(ErrorKind::NoRulesets));
    let report = Workbook::default().report(&ScoreOptions::default());
    assert!(report.warnings.iter().any(|w| w.kind == WarningKind::NoUsage));
}
