//! The six designations: every `tests/fixtures/areas` scenario, and the
//! test vectors of azure.md, security.md and business-applications.md that
//! need no export, scored through values typed by hand (those that need
//! Azure data: tests/azure.rs; Security's: tests/security.rs).

use serde_json::{json, Value};
use spd_score::{ManualValue, Ruleset, ScoreOptions, TypedText, Workbook};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/areas").join(name)).unwrap()
}

fn report(files: &[&str]) -> Value {
    let mut book = Workbook::default();
    for name in files {
        book.add_file(name, &fixture(name));
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

/// As `../shared/tools/compare-areas.py`: every key of `expected` is in
/// `actual`; numbers within 1e-6; a `value: null` is not compared; badge
/// groups by id (their areas as a set), files by name, kinds without case
/// or punctuation, and each expected error among the report's (by file and
/// kind).
fn assert_matches(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                if key == "value" && value.is_null() {
                    continue;
                }
                let found = a.get(key).unwrap_or_else(|| panic!("{path}.{key} missing"));
                match key.as_str() {
                    "badges" => assert_listed(value, found, "id", &format!("{path}.badges")),
                    "files" => assert_listed(value, found, "name", &format!("{path}.files")),
                    "errors" => assert_errors(value, found, &format!("{path}.errors")),
                    "kind" => assert_eq!(kind(value), kind(found), "{path}.kind"),
                    "areas" if path.contains(".badges[") => {
                        let set = |v: &Value| {
                            let mut ids: Vec<String> = v.as_array().unwrap().iter().map(Value::to_string).collect();
                            ids.sort();
                            ids
                        };
                        assert_eq!(set(value), set(found), "{path}.areas");
                    }
                    _ => assert_matches(value, found, &format!("{path}.{key}")),
                }
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            assert!((e - a).abs() < 1e-6, "{path}: expected {e}, got {a}");
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

/// A kind (`bizapps-licence-usage`, `bizappsLicenceUsage`) without case or punctuation.
fn kind(v: &Value) -> String {
    v.as_str().unwrap_or_default().chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Each expected entry matched with the actual one of the same `key`.
fn assert_listed(expected: &Value, actual: &Value, key: &str, path: &str) {
    for e in expected.as_array().unwrap() {
        let id = &e[key];
        let found = actual.as_array().unwrap().iter().find(|a| kind(&a[key]) == kind(id) || a[key] == *id);
        let found = found.unwrap_or_else(|| panic!("{path}: no {key} {id}"));
        assert_matches(e, found, &format!("{path}[{id}]"));
    }
}

fn assert_errors(expected: &Value, actual: &Value, path: &str) {
    for e in expected.as_array().unwrap() {
        let found =
            actual.as_array().unwrap().iter().any(|a| a["file"] == e["file"] && kind(&a["kind"]) == kind(&e["kind"]));
        assert!(found, "{path}: no {} error for {}: {actual}", e["kind"], e["file"]);
    }
}

fn check(files: &[&str]) -> Value {
    let expected: Value = serde_json::from_slice(&fixture(&files[0].replace(".csv", ".expected.json"))).unwrap();
    let actual = report(files);
    assert_matches(&expected, &actual, "report");
    actual
}

/// Every scenario of the manifest, as `compare-areas.py` checks it.
#[test]
fn every_scenario_gives_its_expected_figures() {
    let manifest = String::from_utf8(fixture("manifest.txt")).unwrap();
    let scenarios: Vec<Vec<&str>> =
        manifest.lines().map(|l| l.split_whitespace().collect::<Vec<_>>()).filter(|f| !f.is_empty()).collect();
    assert!(scenarios.len() >= 8);
    for files in scenarios {
        check(&files);
    }
}

#[test]
fn skilling_for_every_area_from_one_list() {
    let r = check(&["skilling-all-areas.csv"]);
    assert_eq!(r["files"][0]["kind"], "skilling");
    // Read as of the file's reporting month.
    assert_eq!(r["areas"]["security"]["asOf"], "2025-10");
    // The Enterprise gate of Data & AI step 2 needs two architects; Cai alone is one.
    let step2 = &r["areas"]["data-ai"]["tracks"]["enterprise"]["metrics"]["intermediateCertifications"]["steps"][1];
    assert_eq!((step2["people"].clone(), step2["met"].clone()), (1.into(), false.into()));
    assert_eq!(step2["names"], serde_json::json!(["Cai Wong"]));
    let advice = r["areas"]["data-ai"]["recommendations"].to_string();
    assert!(
        advice.contains("Enterprise: you need 1 more person with Azure Solutions Architect Expert to unlock 8 points."),
        "{advice}"
    );
    // One certification, several areas: Eli's Power BI Data Analyst counts in Data & AI and Business Applications.
    let eli = r["people"].as_array().unwrap().iter().find(|p| p["email"] == "eli.ross@example.com").unwrap();
    let pl300 = eli["certifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().contains("Power BI"))
        .unwrap();
    let areas: Vec<&str> = pl300["areas"].as_array().unwrap().iter().map(|a| a["area"].as_str().unwrap()).collect();
    assert_eq!(areas, ["data-ai", "business-applications"]);
    assert_eq!(pl300["areas"][0]["countsIn"], serde_json::json!(["intermediateCertifications.step3"]));
    // An exam row is not the certification; a marked-expired row does not count.
    let pam = r["people"].as_array().unwrap().iter().find(|p| p["email"] == "pam.quist@example.com").unwrap();
    assert_eq!(pam["certifications"][0]["status"], "not_a_certification");
    // Every area is Incomplete: the badge cannot tell.
    assert_eq!(r["microsoftCloud"]["status"], "cannot_tell");
    assert!(r["overview"].as_array().unwrap().iter().all(|row| row["atLeast"] == true));
}

#[test]
fn values_typed_from_partner_center() {
    let r = check(&["manual-values.csv"]);
    assert_eq!(r["files"][0]["kind"], "manual");
    // The row Security lacks is an error with its position; the others count.
    let errors = r["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["kind"], "unknownMetric");
    assert_eq!((errors[0]["line"].clone(), errors[0]["column"].clone()), (19.into(), "Metric".into()));
    assert_eq!(r["files"][0]["skippedRows"], 1);
    let infrastructure = &r["areas"]["infrastructure"];
    assert_eq!(infrastructure["trackChoice"], "user");
    assert_eq!(infrastructure["source"], "manual");
    assert_eq!(infrastructure["tracks"]["smb"]["metrics"]["usageGrowth"]["source"], "manual");
    // Business Applications: a typed baseline under the SMB minimum earns nothing, and says why.
    let smb_growth = &r["areas"]["business-applications"]["tracks"]["smb"]["metrics"]["usageGrowth"];
    assert!(smb_growth["reason"].as_str().unwrap().contains("below the minimum of 25,000"), "{smb_growth}");
    // Not scored is never 0.
    assert_eq!(r["areas"]["data-ai"]["total"], Value::Null);
    assert!(r["areas"]["data-ai"]["missing"].as_str().unwrap().contains("Azure usage"));
    let row = r["overview"].as_array().unwrap().iter().find(|row| row["area"] == "data-ai").unwrap();
    assert_eq!((row["score"].clone(), row["status"].clone()), (Value::Null, "not_scored".into()));
}

/// Values typed through the API, as the page's "Enter values" sends them.
fn typed(values: &[(&str, &str, &str, &str)]) -> Value {
    let manual_values = values
        .iter()
        .map(|&(area, track, metric, value)| ManualValue {
            area: area.into(),
            track: Some(track.into()),
            metric: metric.into(),
            value: TypedText::Text(value.into()),
            at: None,
            decimal_comma: false,
        })
        .collect();
    let book = Workbook::default();
    serde_json::from_str::<serde_json::Value>(&book.report_json(
        &ScoreOptions {
            detail: spd_score::DetailLevel::Full,
            ..ScoreOptions { manual_values, ..ScoreOptions::default() }
        },
        false,
    ))
    .unwrap()
}

fn points(r: &Value, area: &str, track: &str, metric: &str) -> f64 {
    r["areas"][area]["tracks"][track]["metrics"][metric]["points"].as_f64().unwrap()
}

/// azure.md section 10: the vectors that need no export.
#[test]
fn azure_vectors_from_values() {
    let r = typed(&[
        ("data-ai", "enterprise", "netCustomerAdds", "2"),
        ("infrastructure", "", "netCustomerAdds", "4"),
        ("digital-app-innovation", "", "netCustomerAdds", "-1"),
        ("data-ai", "", "usageGrowth", "15"),
        ("infrastructure", "", "usageGrowth", "30"),
        ("digital-app-innovation", "", "usageGrowth", "525"),
        ("digital-app-innovation", "", "usageGrowth.baseline", "800"),
        ("data-ai", "", "deployments", "3"),
        ("infrastructure", "", "deployments", "7"),
    ]);
    assert_eq!(points(&r, "data-ai", "enterprise", "netCustomerAdds"), 20.0); // 15
    assert_eq!(points(&r, "infrastructure", "smb", "netCustomerAdds"), 30.0); // 17
    assert_eq!(points(&r, "digital-app-innovation", "smb", "netCustomerAdds"), 0.0); // 17
    assert_eq!(points(&r, "data-ai", "smb", "usageGrowth"), 15.0); // 18
    assert_eq!(points(&r, "infrastructure", "smb", "usageGrowth"), 20.0); // 19
    assert_eq!(points(&r, "digital-app-innovation", "smb", "usageGrowth"), 0.0); // 20
    assert_eq!(points(&r, "data-ai", "smb", "deployments"), 6.0); // 21
    assert_eq!(points(&r, "infrastructure", "smb", "deployments"), 10.0); // 22
                                                                          // 25 and 26: qualified with every metric above zero; 90 with deployments at 0 is Partial.
    let r = typed(&[
        ("data-ai", "smb", "netCustomerAdds", "3"),
        ("data-ai", "smb", "intermediateCertifications.step1", "2"),
        ("data-ai", "smb", "intermediateCertifications.step2", "0"),
        ("data-ai", "smb", "intermediateCertifications.step3", "2"),
        ("data-ai", "smb", "usageGrowth", "20"),
        ("data-ai", "smb", "deployments", "5"),
        ("data-ai", "", "track", "SMB"),
        ("infrastructure", "smb", "netCustomerAdds", "3"),
        ("infrastructure", "smb", "intermediateCertifications.step1", "1"),
        ("infrastructure", "smb", "intermediateCertifications.step2", "4"),
        ("infrastructure", "smb", "advancedCertifications.step1", "1"),
        ("infrastructure", "smb", "advancedCertifications.step2", "4"),
        ("infrastructure", "smb", "usageGrowth", "20"),
        ("infrastructure", "smb", "deployments", "0"),
        ("infrastructure", "", "track", "smb"),
    ]);
    // Data & AI SMB: 30 + 4 (step 1 met, step 2 missing: its gate points alone) + 20 + 10 = 64.
    assert_eq!(r["areas"]["data-ai"]["total"], 64.0);
    assert_eq!(r["areas"]["data-ai"]["status"], "in_progress");
    assert_eq!(r["areas"]["infrastructure"]["total"], 90.0);
    assert_eq!(r["areas"]["infrastructure"]["status"], "partial");
    let r = typed(&[
        ("data-ai", "smb", "netCustomerAdds", "3"),
        ("data-ai", "smb", "intermediateCertifications.step1", "1"),
        ("data-ai", "smb", "intermediateCertifications.step2", "1"),
        ("data-ai", "smb", "intermediateCertifications.step3", "1"),
        ("data-ai", "smb", "usageGrowth", "20"),
        ("data-ai", "smb", "deployments", "5"),
        ("data-ai", "", "track", "SMB"),
    ]);
    assert_eq!(r["areas"]["data-ai"]["total"], 72.0); // 25: 30 + 12 + 20 + 10
    assert_eq!(r["areas"]["data-ai"]["status"], "qualified");
}

/// security.md section 10: the vectors that need no export.
#[test]
fn security_vectors_from_values() {
    let r = typed(&[
        ("security", "enterprise", "netCustomerAdds.azure", "3"),
        ("security", "enterprise", "netCustomerAdds.m365", "4"),
        ("security", "smb", "netCustomerAdds.azure", "2"),
        ("security", "smb", "netCustomerAdds.m365", "4"),
        ("security", "enterprise", "usageGrowth.azure", "2500"),
        ("security", "enterprise", "usageGrowth.m365", "250"),
        ("security", "smb", "usageGrowth.azure", "1500"),
        ("security", "smb", "usageGrowth.m365", "100"),
        ("security", "enterprise", "deployments.azure", "2"),
        ("security", "enterprise", "deployments.m365", "1"),
        ("security", "smb", "deployments.azure", "6"),
        ("security", "smb", "deployments.m365", "0"),
    ]);
    assert_eq!(points(&r, "security", "enterprise", "netCustomerAdds"), 14.0); // 11
    assert_eq!(points(&r, "security", "smb", "netCustomerAdds"), 20.0); // 12
    assert_eq!(points(&r, "security", "enterprise", "usageGrowth"), 4.0); // 16
    assert_eq!(points(&r, "security", "smb", "usageGrowth"), 4.0); // 17
    assert_eq!(points(&r, "security", "enterprise", "deployments"), 10.0); // 14
    assert_eq!(points(&r, "security", "smb", "deployments"), 20.0); // 15
    let r = typed(&[
        ("security", "enterprise", "netCustomerAdds.azure", "-2"),
        ("security", "enterprise", "netCustomerAdds.m365", "3"),
        ("security", "enterprise", "usageGrowth.azure", "30000"),
        ("security", "enterprise", "usageGrowth.m365", "0"),
        ("security", "smb", "usageGrowth.azure", "2000"),
        ("security", "smb", "usageGrowth.m365", "0"),
    ]);
    assert_eq!(points(&r, "security", "enterprise", "netCustomerAdds"), 6.0); // 13
    assert_eq!(points(&r, "security", "enterprise", "usageGrowth"), 20.0); // 18
    let r = typed(&[
        ("security", "enterprise", "usageGrowth.azure", "2000"),
        ("security", "enterprise", "usageGrowth.m365", "0"),
    ]);
    assert!((points(&r, "security", "enterprise", "usageGrowth") - 1.6).abs() < 1e-9); // 19
                                                                                       // 24: 20 + 0 + 20 + 20 = 60, In progress.
    let r = typed(&[
        ("security", "", "netCustomerAdds.azure", "10"),
        ("security", "", "netCustomerAdds.m365", "0"),
        ("security", "", "usageGrowth.azure", "50000"),
        ("security", "", "usageGrowth.m365", "0"),
        ("security", "", "deployments.azure", "6"),
        ("security", "", "deployments.m365", "0"),
        ("security", "", "intermediateCertifications.step1", "0"),
        ("security", "", "intermediateCertifications.step2", "0"),
        ("security", "", "intermediateCertifications.step3", "0"),
    ]);
    assert_eq!(r["areas"]["security"]["tracks"]["enterprise"]["total"], 60.0);
    assert_eq!(r["areas"]["security"]["tracks"]["enterprise"]["status"], "in_progress");
}

/// business-applications.md section 10: the vectors that need no export.
#[test]
fn business_applications_vectors_from_values() {
    let r = typed(&[
        ("business-applications", "enterprise", "usageGrowth", "50"),
        ("business-applications", "enterprise", "usageGrowth.baseline", "40000"),
        ("business-applications", "smb", "usageGrowth", "20"),
        ("business-applications", "smb", "usageGrowth.baseline", "30000"),
        ("business-applications", "enterprise", "netCustomerAdds", "2"),
        ("business-applications", "smb", "netCustomerAdds", "6"),
        ("business-applications", "enterprise", "intermediateCertifications", "12"),
        ("business-applications", "smb", "intermediateCertifications", "12"),
        ("business-applications", "enterprise", "advancedCertifications", "3"),
        ("business-applications", "smb", "advancedCertifications", "1"),
        ("business-applications", "enterprise", "deployments", "3"),
        ("business-applications", "smb", "deployments", "5"),
    ]);
    let bizapps = |track: &str, metric: &str| points(&r, "business-applications", track, metric);
    assert_eq!(bizapps("enterprise", "usageGrowth"), 0.0); // 4: baseline under 50,000
    assert_eq!(bizapps("smb", "usageGrowth"), 20.0); // 5
    assert_eq!(bizapps("enterprise", "netCustomerAdds"), 6.0); // 8
    assert_eq!(bizapps("smb", "netCustomerAdds"), 15.0); // 10
    assert_eq!(bizapps("enterprise", "intermediateCertifications"), 12.0); // 11
    assert_eq!(bizapps("smb", "intermediateCertifications"), 20.0); // 11
    assert!((bizapps("enterprise", "advancedCertifications") - 45.0 / 7.0).abs() < 1e-9); // 13
    assert_eq!(bizapps("smb", "advancedCertifications"), 7.5); // 15
    assert_eq!(bizapps("enterprise", "deployments"), 12.0); // 16
    assert_eq!(bizapps("smb", "deployments"), 20.0); // 16
    let r = typed(&[
        ("business-applications", "enterprise", "usageGrowth", "45"),
        ("business-applications", "enterprise", "usageGrowth.baseline", "100000"),
        ("business-applications", "smb", "usageGrowth", "12.5"),
        ("business-applications", "enterprise", "advancedCertifications", "7"),
    ]);
    assert_eq!(points(&r, "business-applications", "enterprise", "usageGrowth"), 30.0); // 6
    assert_eq!(points(&r, "business-applications", "smb", "usageGrowth"), 12.5); // 7
    assert_eq!(points(&r, "business-applications", "enterprise", "advancedCertifications"), 15.0); // 14
                                                                                                   // 19 and 20.
    let r = typed(&[
        ("business-applications", "smb", "netCustomerAdds", "5"),
        ("business-applications", "smb", "intermediateCertifications", "5"),
        ("business-applications", "smb", "advancedCertifications", "1"),
        ("business-applications", "smb", "usageGrowth", "10"),
        ("business-applications", "smb", "deployments", "5"),
        ("business-applications", "enterprise", "netCustomerAdds", "5"),
        ("business-applications", "enterprise", "intermediateCertifications", "20"),
        ("business-applications", "enterprise", "advancedCertifications", "7"),
        ("business-applications", "enterprise", "usageGrowth", "30"),
        ("business-applications", "enterprise", "deployments", "0"),
    ]);
    let track = |id: &str| r["areas"]["business-applications"]["tracks"][id].clone();
    assert_eq!((track("smb")["total"].clone(), track("smb")["status"].clone()), (72.5.into(), "qualified".into()));
    assert_eq!(
        (track("enterprise")["total"].clone(), track("enterprise")["status"].clone()),
        (80.0.into(), "partial".into())
    );
    // Not classified from files and no track typed: SMB, Microsoft's "otherwise", with a warning.
    let area = &r["areas"]["business-applications"];
    assert_eq!((area["track"].clone(), area["trackChoice"].clone()), ("smb".into(), "default".into()));
    assert_eq!(area["warnings"][0]["kind"], "trackByDefault");
}

/// The user's choice of track decides a classified area.
#[test]
fn a_chosen_track_decides_a_classified_area() {
    let mut book = Workbook::default();
    book.add_file("skilling.csv", &fixture("skilling-all-areas.csv"));
    let options = ScoreOptions {
        tracks: [("business-applications".to_string(), "enterprise".to_string())].into(),
        ..ScoreOptions::default()
    };
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..options.clone() }, false),
    )
    .unwrap();
    let area = &r["areas"]["business-applications"];
    assert_eq!((area["track"].clone(), area["trackChoice"].clone()), ("enterprise".into(), "user".into()));
    assert!((area["total"].as_f64().unwrap() - 8.285714).abs() < 1e-6);
}

/// The expected figures of one area of a scenario (its other areas are
/// another reader's).
fn check_area(files: &[&str], area: &str) -> Value {
    let expected: Value = serde_json::from_slice(&fixture(&files[0].replace(".csv", ".expected.json"))).unwrap();
    let actual = report(files);
    assert_matches(&expected["areas"][area], &actual["areas"][area], &format!("report.areas.{area}"));
    actual
}

#[test]
fn business_applications_from_partner_center_downloads() {
    let r =
        check_area(&["bizapps-revenue.csv", "bizapps-usage.csv", "skilling-all-areas.csv"], "business-applications");
    let kinds: Vec<&str> = r["files"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["bizappsRevenue", "bizappsUsage", "skilling"]);
    let area = &r["areas"]["business-applications"];
    assert_eq!(area["trackChoice"], "classified");
    assert_eq!(
        area["classification"],
        serde_json::json!({"track": "enterprise", "basis": "workloadRevenue", "value": 5.0})
    );
    assert_eq!((area["asOf"].clone(), area["baseline"].clone()), ("2025-10".into(), "2024-10".into()));
    let growth = &area["tracks"]["enterprise"]["metrics"]["usageGrowth"];
    assert_eq!(growth["baseline"], 49000);
    assert!(growth["reason"].as_str().unwrap().contains("below the minimum of 50,000"), "{growth}");
    let detail = &area["detail"];
    let listed = &area;
    assert_eq!(detail["model"], "businessApplications");
    assert_eq!(detail["mcv"], serde_json::json!({"asOf": 59400.0, "baseline": 49000.0}));
    // The five pairs that decide, Woodgrove's 5,000.00 not among them.
    let deciding: Vec<String> = detail["classification"]["deciding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["tenantName"].as_str().unwrap(), p["workload"].as_str().unwrap()))
        .collect();
    assert_eq!(
        deciding,
        [
            "Contoso Ltd Customer Service",
            "Contoso Ltd Sales",
            "Fabrikam Inc Finance",
            "Fabrikam Inc Supply Chain",
            "Northwind Traders Business Central"
        ]
    );
    let pair = |list: &str, tenant: &str, workload: &str| -> Value {
        let pairs = listed[list].as_array().unwrap();
        pairs.iter().find(|p| p["tenantName"] == tenant && p["workload"] == workload).cloned().unwrap()
    };
    // One subscription under two types: the larger, not the sum.
    assert_eq!(pair("revenue", "Litware Inc", "Power BI")["asOf"], 200.0);
    assert_eq!(pair("revenue", "Contoso Ltd", "Sales")["asOf"], 6000.0);
    let wingtip = pair("revenue", "Wingtip Toys", "Power Automate");
    assert_eq!(wingtip["adds"]["enterprise"], serde_json::json!({"asOf": false, "baseline": true, "net": -1}));
    let woodgrove = pair("consumption", "Woodgrove Bank", "Customer Engagement (Common Data Service)");
    assert_eq!(woodgrove["asOf"], serde_json::json!({"usage": 50.0, "columns": ["PAMAU"], "mcv": 10000.0}));
    let fabrikam = pair("consumption", "Fabrikam Inc", "Customer Insights");
    assert_eq!((fabrikam["rate"].clone(), fabrikam["asOf"]["columns"][0].clone()), (0.2.into(), "MAC".into()));
    assert_eq!(pair("consumption", "Northwind Traders", "Power BI")["asOf"]["columns"][0], "MAU");
    // What was set aside, by name.
    let set_aside: Vec<String> = listed["setAside"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {} {} {}", s["dataset"], s["reason"], s["name"], s["rows"]).replace('"', ""))
        .collect();
    for expected in [
        "revenue smallerDuplicate Power BI 1",
        "revenue droppedWorkload Marketing 1",
        "revenue associationNotCounted PAL 1",
        "revenue associationNotCounted CPOR OSU 1",
        "usage smallerDuplicate Customer Engagement (Common Data Service) 1",
        "usage trial Power Automate 1",
        "usage notOnRateCard Supply Chain 1",
        "usage associationNotCounted CSP Tier 1 (Power Apps) 1",
    ] {
        assert!(set_aside.iter().any(|s| s == expected), "{expected} not in {set_aside:?}");
    }
    let messages: Vec<&str> =
        detail["withinReach"].as_array().unwrap().iter().map(|g| g["message"].as_str().unwrap()).collect();
    assert!(
        messages.contains(
            &"Enterprise: 4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users."
        ),
        "{messages:?}"
    );
    // Tailspin's bare CPOR counts, with a warning naming the file.
    let bare = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "bareCpor").unwrap();
    assert_eq!(bare["file"], "bizapps-revenue.csv");
    assert!(r["errors"].as_array().unwrap().is_empty(), "{}", r["errors"]);
    let row = r["overview"].as_array().unwrap().iter().find(|row| row["area"] == "business-applications").unwrap();
    assert_eq!(row["trackLabel"], "Enterprise (classified: 5 workloads with enough revenue in both months)");
}

/// Files given as text, scored with the embedded rulesets.
fn texts(files: &[(&str, &str)]) -> Value {
    let mut book = Workbook::default();
    for (name, text) in files {
        book.add_file(name, text.as_bytes());
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

const REVENUE: &str = "FiscalMonthName,PartnerAssociationType,CustomerTenantID,CustomerTenantName,SubscriptionId,Workloads,AdjustedRevenueAmtCD\n";
const USAGE: &str = "FiscalMonthName,PartnerAssociationType,CustomerTenantID,CustomerTenantName,SubscriptionID,MetricType,Workload,PAMAU,MAC,MAU\n";

/// business-applications.md section 10, the vectors that need data.
#[test]
fn business_applications_vectors_from_downloads() {
    let bizapps = |r: &Value| r["areas"]["business-applications"].clone();
    let mcv = |r: &Value| bizapps(r)["detail"]["mcv"]["asOf"].as_f64().unwrap();
    // 1: 10 Business Central MAU and 50,000 Customer Insights profiles = 10,000 + 10,000 MCV.
    let usage = format!(
        "{USAGE}Oct-2025,CSP T1,t1,T1,s1,Paid,Business Central,,,10\nOct-2025,PAL,t2,T2,s2,Paid,Customer Insights,,50000,\nOct-2024,PAL,t3,T3,s3,Paid,Power BI,,,1\n"
    );
    let r = texts(&[("u.csv", &usage)]);
    assert_eq!(mcv(&r), 20000.0);
    // 2: 10,000 MCV in a tenant is a deployment on both tracks.
    let deployments = |r: &Value, track: &str| bizapps(r)["tracks"][track]["metrics"]["deployments"]["value"].clone();
    assert_eq!((deployments(&r, "enterprise"), deployments(&r, "smb")), (2.into(), 2.into()));
    // 3: Power BI, 30 MAU: 6,000 MCV, an SMB deployment, not an Enterprise one.
    let usage = format!("{USAGE}Oct-2025,PAL,t1,T1,s1,Paid,Power BI,,,30\nOct-2024,PAL,t2,T2,s2,Paid,Power BI,,,1\n");
    let r = texts(&[("u.csv", &usage)]);
    assert_eq!(mcv(&r), 6000.0);
    assert_eq!((deployments(&r, "enterprise"), deployments(&r, "smb")), (0.into(), 1.into()));
    // 17: five pairs above USD 5,000 in both months: Enterprise.
    let pairs = |both: usize, now_only: usize| {
        let mut text = REVENUE.to_string();
        for i in 0..both + now_only {
            text += &format!("Oct-2025,DPOR,t{i},T{i},s{i},Sales,5000.01\n");
            if i < both {
                text += &format!("Oct-2024,DPOR,t{i},T{i},s{i},Sales,5000.01\n");
            }
        }
        text += "Oct-2024,DPOR,tz,TZ,sz,Sales,10\n";
        texts(&[("r.csv", &text)])
    };
    let r = pairs(5, 0);
    assert_eq!(bizapps(&r)["classification"]["track"], "enterprise");
    assert_eq!(bizapps(&r)["trackChoice"], "classified");
    // 18: six pairs above USD 5,000 now, four of them a year ago too: SMB.
    let r = pairs(4, 2);
    assert_eq!(
        bizapps(&r)["classification"],
        serde_json::json!({"track": "smb", "basis": "workloadRevenue", "value": 4.0})
    );
    assert_eq!(bizapps(&r)["track"], "smb");
}

#[test]
fn business_applications_fiscal_month_labels() {
    let revenue = format!("{REVENUE}FY26-M04,CSP T1,t1,T1,s1,Sales,2000\nFY25 M04,CSP T1,t2,T2,s2,Sales,2000\n");
    let r = texts(&[("r.csv", &revenue)]);
    assert_eq!(r["files"][0]["months"], serde_json::json!(["2024-10", "2025-10"]));
    let area = &r["areas"]["business-applications"];
    assert_eq!((area["asOf"].clone(), area["baseline"].clone()), ("2025-10".into(), "2024-10".into()));
    assert_eq!(area["tracks"]["enterprise"]["metrics"]["netCustomerAdds"]["value"], 0);
}

#[test]
fn business_applications_hostile_rows() {
    let revenue = format!(
        "{REVENUE}Oct-2025,CSP T1,t1,T1,s1,Sales,abc\nOct-2025,CSP T1,t2,T2,s2,Sales,\nOct-2025,CSP T1,t3,T3,s3,Sales,-250\nOct-2025,Transacting partner of record,t4,T4,s4,Sales,900\nOct-2025,CSP T1,t5,T5,s5,Widgets,900\nOct-2025,CSP T1,t6,T6,s6,Sales,1e99\nOct-2024,CSP T1,t7,T7,s7,Sales,300\nOct-2025,CSP T1,t8,T8,s8,Sales,\"1,500.00\"\n"
    );
    let usage = format!(
        "{USAGE}Oct-2025,PAL,t1,T1,s1,Trial,Power BI,,,500\nOct-2025,PAL,t1,T1,s1,Free trial,Power BI,,,500\nOct-2025,DPOR,t2,T2,s2,Paid,Gizmo 365,,,5\nOct-2025,DPOR,t3,T3,s3,Paid,Sales,-4,,\nOct-2025,DPOR,t4,T4,s4,Paid,Sales,,,\nOct-2025,DPOR,t5,T5,s5,Paid,Sales,,,60\n"
    );
    let r = texts(&[("r.csv", &revenue), ("u.csv", &usage)]);
    let errors: Vec<(String, u64, String, String)> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (format!("{} {}", text("file"), text("kind")), e["line"].as_u64().unwrap(), text("column"), text("value"))
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("r.csv badNumber".to_string(), 2, "AdjustedRevenueAmtCD".to_string(), "abc".to_string()),
            ("r.csv emptyValue".to_string(), 3, "AdjustedRevenueAmtCD".to_string(), String::new()),
            ("r.csv badNumber".to_string(), 7, "AdjustedRevenueAmtCD".to_string(), "1e99".to_string()),
            ("u.csv badNumber".to_string(), 5, "PAMAU".to_string(), "-4".to_string()),
            ("u.csv emptyValue".to_string(), 6, "PAMAU".to_string(), String::new()),
        ]
    );
    assert_eq!((r["files"][0]["skippedRows"].clone(), r["files"][1]["skippedRows"].clone()), (3.into(), 2.into()));
    let listed = &r["areas"]["business-applications"];
    let set_aside: Vec<String> = listed["setAside"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {} {}", s["reason"], s["name"], s["rows"]).replace('"', ""))
        .collect();
    assert_eq!(
        set_aside,
        [
            "notNcaWorkload Widgets 1",
            "unknownAssociation Transacting partner of record 1",
            "trial Power BI 2",
            "notOnRateCard Gizmo 365 1"
        ]
    );
    // Every good row still counts: a credit, a quoted amount, Sales usage read as Customer Engagement.
    let revenue: Vec<(String, f64)> = (listed["revenue"].as_array().unwrap().iter())
        .map(|p| (p["tenant"].as_str().unwrap().to_string(), p["asOf"].as_f64().unwrap()))
        .collect();
    assert_eq!(revenue, [("t3".to_string(), -250.0), ("t7".to_string(), 0.0), ("t8".to_string(), 1500.0)]);
    assert_eq!(listed["consumption"][0]["asOf"]["mcv"], 12000.0);
    // No usage a year ago: usage growth and deployments are unknown, and the month is named.
    let area = &r["areas"]["business-applications"];
    assert_eq!(area["tracks"]["smb"]["metrics"]["deployments"]["points"], Value::Null);
    // t8's 1,500.00 now against t7's 300 a year ago: +1 on Enterprise, 0 on SMB.
    assert_eq!(area["tracks"]["enterprise"]["metrics"]["netCustomerAdds"]["value"], 1);
    assert_eq!(area["tracks"]["smb"]["metrics"]["netCustomerAdds"]["value"], 0);
    let warning = area["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "missingMonth").unwrap();
    assert!(warning["message"].as_str().unwrap().contains("usage download has no rows for 2024-10"), "{warning}");
    assert!(area["missing"].as_str().unwrap().contains("usage download covering 2025-10 and 2024-10"), "{area}");
    assert_eq!(area["status"], "incomplete");
}

#[test]
fn business_applications_without_subscriptions_or_baseline() {
    // No subscription column: rows of one tenant, workload and month compared as one.
    let revenue = "Month,AssociationType,CustomerTenantId,Workload,Revenue\nOct-2025,CSP T1,t1,Sales,2000\nOct-2025,DPOR,t1,Sales,1800\n";
    let r = texts(&[("r.csv", revenue)]);
    assert_eq!(r["files"][0]["kind"], "bizappsRevenue");
    let kinds: Vec<&str> = r["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"noSubscription"), "{kinds:?}");
    let area = &r["areas"]["business-applications"];
    assert_eq!(area["revenue"][0]["asOf"], 2000.0);
    // Without revenue a year ago: no classification, SMB by default, every metric from the files unknown.
    assert_eq!((area["track"].clone(), area["trackChoice"].clone()), ("smb".into(), "default".into()));
    assert_eq!(area["detail"]["classification"], Value::Null);
    let area_warnings: Vec<&str> =
        area["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert_eq!(area_warnings, ["trackByDefault", "missingMonth", "missingMonth"]);
    assert_eq!(area["tracks"]["enterprise"]["metrics"]["netCustomerAdds"]["points"], Value::Null);
}

/// The Azure areas of a scenario whose other areas need readers of their
/// own (Security's Microsoft 365 part, Business Applications).
const AZURE_AREAS: [&str; 3] = ["data-ai", "infrastructure", "digital-app-innovation"];

#[test]
fn azure_areas_from_a_24_month_azure_usage_export() {
    let files = ["azure-usage-24-months.csv", "skilling-all-areas.csv"];
    let expected: Value = serde_json::from_slice(&fixture("azure-usage-24-months.expected.json")).unwrap();
    let r = report(&files);
    for area in AZURE_AREAS {
        assert_matches(&expected["areas"][area], &r["areas"][area], &format!("report.areas.{area}"));
        assert_eq!(r["areas"][area]["trackChoice"], "classified");
    }
    assert_eq!(r["files"][0]["kind"], "azureUsage");
    assert_eq!(r["files"][0]["pgaDuplicateRows"], 1);
    // Exactly 80 % SMB customers (4 of the 5 with a segment): SMB, for all three.
    let area = &r["areas"]["infrastructure"];
    assert_eq!(
        area["classification"],
        serde_json::json!({ "track": "smb", "basis": "smbCustomerShare", "value": 0.8 })
    );
    assert_eq!(area["warnings"][0]["kind"], "unsegmentedCustomers");
    let detail = &area["detail"];
    let listed = &area;
    assert_eq!(detail["model"], "azure");
    assert_eq!((detail["ttm"]["asOf"].clone(), detail["ttm"]["baseline"].clone()), (11499.98.into(), 10222.2.into()));
    // Woodgrove's SQL Database under CSP Tier 1 and PAL, counted once (4,000 + 5,000 set aside).
    assert_eq!(detail["setAside"], 9000.0);
    assert_eq!(detail["flagged"], serde_json::json!({ "rows": 1, "acr": 1000.0 }));
    assert_eq!(detail["ignored"]["associations"]["Transacting partner of record"]["acr"], 3000.0);
    assert_eq!(detail["ignored"]["associations"]["Deal registration"]["rows"], 1);
    assert_eq!(detail["ignored"]["offers"]["Free Trial"]["acr"], 600.0);
    let service = |name: &str| listed["services"].as_array().unwrap().iter().find(|s| s["name"] == name).cloned();
    assert_eq!(service("Virtual Machines").unwrap()["reason"], "excluded");
    assert_eq!(service("Azure Cosmos DB").unwrap()["reason"], "noPositiveAcr");
    assert!(service("Azure Functions").is_none(), "only in rows that do not count");
    // Each tenant's part: Litware at 499.99 now (SMB lost) and 500.00 a year ago.
    let tenant = |name: &str| listed["tenants"].as_array().unwrap().iter().find(|t| t["name"] == name).unwrap().clone();
    let litware = tenant("Litware Inc");
    assert_eq!(litware["tracks"]["smb"]["netAdd"], -1);
    assert_eq!((litware["acr"]["asOf"].clone(), litware["acr"]["baseline"].clone()), (499.99.into(), 500.0.into()));
    assert_eq!(
        litware["tracks"]["smb"]["hint"],
        "SMB: USD 0.01 more in October 2025 from Litware Inc makes it a customer (+1 net customer add)."
    );
    // Northwind's 700 in September 2025 only: an SMB customer through the two-month window.
    let northwind = tenant("Northwind Traders");
    assert_eq!(northwind["tracks"]["smb"]["eligible"], serde_json::json!({ "asOf": true, "baseline": false }));
    assert_eq!(northwind["tracks"]["enterprise"]["eligible"]["asOf"], false);
    assert_eq!(
        detail["hints"][0],
        "Enterprise: USD 0.01 more in October 2025 from Fabrikam Inc makes it a customer (+1 net customer add)."
    );
    // The overview names the class.
    let row = r["overview"].as_array().unwrap().iter().find(|row| row["area"] == "data-ai").unwrap();
    assert_eq!(row["trackLabel"], "SMB (classified: 80% SMB customers)");
}

#[test]
fn azure_usage_scenario_scores_every_area() {
    // Security's Azure part is known and 0 (no security service in the
    // export); its Microsoft 365 part is unknown, so Security is Incomplete.
    let r = check(&["azure-usage-24-months.csv", "skilling-all-areas.csv"]);
    let security = &r["areas"]["security"];
    let nca = &security["tracks"]["smb"]["metrics"]["netCustomerAdds"]["parts"];
    assert_eq!((nca["azure"]["points"].clone(), nca["m365"]["points"].clone()), (0.0.into(), Value::Null));
    assert!(security["missing"].as_str().unwrap().contains("Microsoft 365 part"), "{}", security["missing"]);
    assert_eq!(security["detail"]["azure"]["known"], true);
    // The Azure areas' model answers none of Security's parts: their net adds are +2 and +3.
    assert_eq!(security["tracks"]["enterprise"]["metrics"]["netCustomerAdds"]["parts"]["azure"]["value"], 0);
}

#[test]
fn security_from_office_usage_and_azure_usage() {
    let r = check(&["security-m365.csv", "security-azure.csv", "skilling-all-areas.csv"]);
    let security = &r["areas"]["security"];
    assert_eq!((security["status"].clone(), security["track"].clone()), ("qualified".into(), "smb".into()));
    assert_eq!(security["asOf"], "2025-10");
    let part = |track: &str, metric: &str, part: &str| {
        security["tracks"][track]["metrics"][metric]["parts"][part]["value"].as_f64().unwrap()
    };
    // README, line by line: net customers +1 on each track (Azure); Microsoft 365 SMB +1, Enterprise 0.
    assert_eq!([part("smb", "netCustomerAdds", "azure"), part("enterprise", "netCustomerAdds", "azure")], [1.0, 1.0]);
    assert_eq!([part("smb", "netCustomerAdds", "m365"), part("enterprise", "netCustomerAdds", "m365")], [1.0, 0.0]);
    assert_eq!([part("smb", "deployments", "azure"), part("enterprise", "deployments", "azure")], [1.0, 1.0]);
    assert_eq!([part("smb", "deployments", "m365"), part("enterprise", "deployments", "m365")], [3.0, 0.0]);
    assert_eq!([part("smb", "usageGrowth", "azure"), part("enterprise", "usageGrowth", "azure")], [11000.0, 12500.0]);
    assert_eq!([part("smb", "usageGrowth", "m365"), part("enterprise", "usageGrowth", "m365")], [120.0, -400.0]);
    let detail = &security["detail"];
    let listed = &security;
    assert_eq!(detail["model"], "security");
    assert_eq!(detail["azure"]["secAcr"]["smb"], serde_json::json!({ "asOf": 30600.0, "baseline": 19600.0 }));
    // Proseware's Key Vault under PAL and CSP Tier 1: 400 counted, 400 set aside.
    assert_eq!(detail["azure"]["setAside"], 400.0);
    let tenant = |name: &str| {
        listed["tenants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    // Fabrikam: Enterprise in both parts now, SMB by the carry-over in both.
    let fabrikam = tenant("Fabrikam Inc");
    assert_eq!(fabrikam["azure"]["ttm"], serde_json::json!({ "asOf": 12500.0, "baseline": 8000.0 }));
    assert_eq!(fabrikam["azure"]["tracks"]["smb"]["carriedOver"]["asOf"], true);
    assert_eq!(fabrikam["azure"]["tracks"]["smb"]["deployment"]["asOf"], true);
    assert_eq!(fabrikam["m365"]["tracks"]["smb"]["carriedOver"]["asOf"], true);
    assert_eq!(fabrikam["m365"]["tracks"]["enterprise"]["netAdd"], 1);
    // Adatum at exactly 12,000.00: an SMB deployment, not an Enterprise one.
    let adatum = tenant("Adatum Corporation");
    assert_eq!(adatum["azure"]["tracks"]["smb"]["deployment"], serde_json::json!({ "asOf": true, "baseline": true }));
    assert_eq!(adatum["azure"]["tracks"]["enterprise"]["deployment"]["asOf"], false);
    assert_eq!(adatum["m365"]["tracks"]["smb"]["deployed"]["asOf"], true);
    // Litware: Network Watcher and Key Vault under Partner of record count for nothing.
    assert!(tenant("Litware Inc")["azure"].is_null());
    // Woodgrove's 700: a customer, USD 50 short of an SMB deployment.
    let hints = detail["hints"].to_string();
    assert!(hints.contains("SMB: USD 50 more security consumption from Woodgrove Bank over the 12 months to October 2025 makes it a deployment (+1 net deployment, up to 3.3 points)."), "{hints}");
    assert!(hints.contains("USD 200 more security consumption from Proseware Inc"), "{hints}");
    // Defender for Endpoint without a plan counts, with the ruleset's warning.
    let warnings = security["warnings"].to_string();
    assert!(warnings.contains("only plan 2 counts for Security"), "{warnings}");
}

fn report_with(files: &[&str], options: &ScoreOptions) -> Value {
    let mut book = Workbook::default();
    for name in files {
        book.add_file(name, &fixture(name));
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..(options).clone() }, false),
    )
    .unwrap()
}

#[test]
fn every_area_has_a_history_on_request() {
    let files = ["azure-usage-24-months.csv", "skilling-all-areas.csv"];
    assert!(report(&files)["areas"]["infrastructure"].get("history").is_none(), "history only on request");
    let r = report_with(&files, &ScoreOptions { history: true, ..ScoreOptions::default() });
    // The export's months, read off its dates (YYYY-MM-01; a quoted name
    // with a comma moves the column, so any field shaped like a date).
    let csv = String::from_utf8(fixture(files[0])).unwrap();
    let is_date = |f: &&str| f.len() == 10 && f.starts_with("20") && f.ends_with("-01");
    let months: std::collections::BTreeSet<&str> =
        csv.lines().skip(1).flat_map(|l| l.split(',').filter(is_date).map(|f| &f[..7])).collect();
    let (first, last) = (*months.first().unwrap(), *months.last().unwrap());
    let span = |m: &str| m[..4].parse::<usize>().unwrap() * 12 + m[5..].parse::<usize>().unwrap();
    for (id, area) in r["areas"].as_object().unwrap() {
        let history = area["history"].as_array().unwrap_or_else(|| panic!("{id}: no history"));
        // One entry per month from the export's first to its last, oldest first.
        assert_eq!(history.len(), span(last) - span(first) + 1, "{id}");
        assert_eq!(history[0]["month"], first, "{id}");
        assert_eq!(history.last().unwrap()["month"], last, "{id}");
        // The latest month is the area's own score, for an area scored as of it.
        let latest = history.last().unwrap();
        if area["asOf"] == last {
            assert_eq!(latest["total"], area["total"], "{id}");
            assert_eq!(latest["status"], area["status"], "{id}");
        }
        // Each month is the area as that month's report scores it.
        let month = &history[20];
        let then = report_with(
            &files,
            &ScoreOptions {
                as_of: spd_score::Month::parse_iso(month["month"].as_str().unwrap()),
                ..ScoreOptions::default()
            },
        );
        if then["areas"][id]["asOf"] == month["month"] {
            assert_eq!(month["total"], then["areas"][id]["total"], "{id} {}", month["month"]);
            assert_eq!(month["status"], then["areas"][id]["status"], "{id} {}", month["month"]);
        } else {
            assert_eq!(month["available"], false, "{id}");
        }
    }
    // Infrastructure's usage growth compares two trailing twelve months:
    // a month has a verdict only when the export reaches 23 months behind it.
    let infra = r["areas"]["infrastructure"]["history"].as_array().unwrap();
    for month in infra {
        let m = month["month"].as_str().unwrap();
        assert_eq!(month["available"], span(m) >= span(first) + 23, "{m}");
    }
}

/// The typed-values scenario's rows of the areas named (by the area column's
/// id or name, as the file writes it), as a file of their own.
fn typed_rows_of(areas: &[&str]) -> Value {
    let text = String::from_utf8(fixture("manual-values.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for line in lines {
        let area = line.split(',').next().unwrap().to_lowercase().replace(' ', "-");
        if areas.contains(&area.as_str()) {
            out.push_str(line);
            out.push('\n');
        }
    }
    let mut book = Workbook::default();
    book.add_file("typed.csv", out.as_bytes());
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

/// Each badge group's (attained, qualified areas), in the report's order.
fn badges(r: &Value) -> Vec<(String, bool, Value)> {
    let groups = r["badges"].as_array().unwrap().iter();
    groups
        .map(|b| (b["id"].as_str().unwrap().to_string(), b["attained"].as_bool().unwrap(), b["qualified"].clone()))
        .collect()
}

#[test]
fn badge_groups_are_attained_by_any_qualified_area() {
    // Nothing qualified: no group attained.
    let r = report(&["skilling-all-areas.csv"]);
    let none = [("ai-business-solutions", false), ("cloud-ai-platforms", false), ("security", false)];
    assert_eq!(badges(&r), none.map(|(id, on)| (id.to_string(), on, json!([]))));
    assert_eq!(
        r["badges"][1],
        json!({ "id": "cloud-ai-platforms", "label": "Solutions Partner for Cloud & AI Platforms",
                "areas": ["data-ai", "infrastructure", "digital-app-innovation"], "qualified": [], "attained": false })
    );
    // One qualified area attains its group, and only its group.
    for (area, group) in [
        ("infrastructure", "cloud-ai-platforms"),
        ("security", "security"),
        ("business-applications", "ai-business-solutions"),
    ] {
        let r = typed_rows_of(&[area]);
        assert_eq!(r["areas"][area]["status"], "qualified", "{area}");
        for (id, attained, qualified) in badges(&r) {
            assert_eq!(attained, id == group, "{area}: {id}");
            assert_eq!(qualified, if id == group { json!([area]) } else { json!([]) }, "{area}: {id}");
        }
    }
    // Each overview row names its group; the Microsoft Cloud badge is as before.
    let r = report(&["manual-values.csv"]);
    let rows: Vec<(&str, &str)> = (r["overview"].as_array().unwrap().iter())
        .map(|row| (row["area"].as_str().unwrap(), row["badge"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("modern-work", "ai-business-solutions"),
            ("security", "security"),
            ("data-ai", "cloud-ai-platforms"),
            ("infrastructure", "cloud-ai-platforms"),
            ("digital-app-innovation", "cloud-ai-platforms"),
            ("business-applications", "ai-business-solutions"),
        ]
    );
    assert_eq!(r["microsoftCloud"]["status"], "cannot_tell");
    assert!(badges(&r).iter().all(|(_, attained, _)| *attained));
    // The Decision a group is attained by is the report's assumption.
    let said = r["assumptions"].as_array().unwrap().iter().find(|a| a["id"] == "badge-attained").unwrap();
    assert!(said["text"].as_str().unwrap().contains("any of its areas is Qualified"), "{said}");
}

/// A ruleset file of the release before FY27 (2026.11, as partners may
/// keep one), from `tests/rulesets-2026.11`.
fn ruleset_2026_11(name: &str) -> Ruleset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rulesets-2026.11").join(name);
    Ruleset::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_older_ruleset_file_still_loads_and_scores() {
    let scenario = ["bizapps-claims-revenue.csv", "bizapps-claims-usage.csv", "skilling-fy27.csv"];
    let scored = |older: Option<Ruleset>| {
        let mut book = Workbook::default();
        if let Some(ruleset) = older {
            book.replace_ruleset(ruleset);
        }
        for name in scenario {
            book.add_file(name, &fixture(name));
        }
        serde_json::from_str::<serde_json::Value>(
            &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
        )
        .unwrap()
    };
    let now = scored(None);
    let before = scored(Some(ruleset_2026_11("business-applications.json")));
    let (ba_now, ba_before) = (&now["areas"]["business-applications"], &before["areas"]["business-applications"]);
    assert_eq!(
        (ba_now["ruleset"]["version"].as_str(), ba_before["ruleset"]["version"].as_str()),
        (Some("2026.12"), Some("2026.11"))
    );
    // The older rules know no claim-type names: those rows are set aside, unwarned.
    let adds = |area: &Value| area["tracks"]["smb"]["metrics"]["netCustomerAdds"]["value"].clone();
    assert_eq!((adds(ba_now), adds(ba_before)), (json!(3), json!(1)));
    assert!(ba_before["warnings"].as_array().unwrap().iter().all(|w| w["kind"] != "claimTypeName"));
    let claim_warned = |r: &Value| r["warnings"].as_array().unwrap().iter().any(|w| w["kind"] == "claimTypeName");
    assert!(claim_warned(&now) && !claim_warned(&before));
    // The certifications are the catalogue's, shared: the new codes count under the older rules too.
    let people = |area: &Value| area["tracks"]["smb"]["metrics"]["intermediateCertifications"]["value"].clone();
    assert_eq!((people(ba_now), people(ba_before)), (json!(4), json!(4)));
    assert!(!ba_before["assumptions"].to_string().contains("claim-type-names"));

    // An older Azure ruleset reads the programmatic layout as the new one does.
    let mut book = Workbook::default();
    book.replace_ruleset(ruleset_2026_11("data-ai.json"));
    for name in ["azure-programmatic.csv", "training-programmatic.csv"] {
        book.add_file(name, &fixture(name));
    }
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    assert_eq!(r["areas"]["data-ai"]["ruleset"]["version"], "2026.11");
    let expected: Value = serde_json::from_slice(&fixture("azure-programmatic.expected.json")).unwrap();
    for area in ["data-ai", "infrastructure", "digital-app-innovation"] {
        assert_matches(&expected["areas"][area], &r["areas"][area], &format!("report.areas.{area}"));
    }
}
