//! The six designations: every `tests/fixtures/areas` scenario that needs
//! no export layout beyond skilling, typed values and Azure usage (for the
//! three Azure areas), and the test vectors of azure.md, security.md and
//! business-applications.md that need no export, scored through values
//! typed by hand (those that need Azure data: tests/azure.rs).

use serde_json::Value;
use spd_score::{ManualValue, ScoreOptions, TypedText, Workbook};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/areas").join(name)).unwrap()
}

fn report(files: &[&str]) -> Value {
    let mut book = Workbook::default();
    for name in files {
        book.add_file(name, &fixture(name));
    }
    serde_json::to_value(book.report(&ScoreOptions::default())).unwrap()
}

/// As `../shared/tools/compare-areas.py`: every key of `expected` is in
/// `actual`; numbers within 1e-6; a `value: null` is not compared.
fn assert_matches(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                if key == "value" && value.is_null() {
                    continue;
                }
                let found = a.get(key).unwrap_or_else(|| panic!("{path}.{key} missing"));
                assert_matches(value, found, &format!("{path}.{key}"));
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            assert!((e - a).abs() < 1e-6, "{path}: expected {e}, got {a}");
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

fn check(files: &[&str]) -> Value {
    let expected: Value = serde_json::from_slice(&fixture(&files[0].replace(".csv", ".expected.json"))).unwrap();
    let actual = report(files);
    assert_matches(&expected, &actual, "report");
    actual
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
    assert!(smb_growth["reason"].as_str().unwrap().contains("below the minimum of 25000"), "{smb_growth}");
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
    serde_json::to_value(book.report(&ScoreOptions { manual_values, ..ScoreOptions::default() })).unwrap()
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
    let r = serde_json::to_value(book.report(&options)).unwrap();
    let area = &r["areas"]["business-applications"];
    assert_eq!((area["track"].clone(), area["trackChoice"].clone()), ("enterprise".into(), "user".into()));
    assert!((area["total"].as_f64().unwrap() - 8.285714).abs() < 1e-6);
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
    assert_eq!(detail["model"], "azure");
    assert_eq!((detail["ttm"]["asOf"].clone(), detail["ttm"]["baseline"].clone()), (11499.98.into(), 10222.2.into()));
    // Woodgrove's SQL Database under CSP Tier 1 and PAL, counted once (4,000 + 5,000 set aside).
    assert_eq!(detail["setAside"], 9000.0);
    assert_eq!(detail["flagged"], serde_json::json!({ "rows": 1, "acr": 1000.0 }));
    assert_eq!(detail["ignored"]["associations"]["Transacting partner of record"]["acr"], 3000.0);
    assert_eq!(detail["ignored"]["associations"]["Deal registration"]["rows"], 1);
    assert_eq!(detail["ignored"]["offers"]["Free Trial"]["acr"], 600.0);
    let service = |name: &str| detail["services"].as_array().unwrap().iter().find(|s| s["name"] == name).cloned();
    assert_eq!(service("Virtual Machines").unwrap()["reason"], "excluded");
    assert_eq!(service("Azure Cosmos DB").unwrap()["reason"], "noPositiveAcr");
    assert!(service("Azure Functions").is_none(), "only in rows that do not count");
    // Each tenant's part: Litware at 499.99 now (SMB lost) and 500.00 a year ago.
    let tenant = |name: &str| detail["tenants"].as_array().unwrap().iter().find(|t| t["name"] == name).unwrap().clone();
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
