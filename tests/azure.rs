//! The Azure areas from small Azure exports written here: azure.md's test
//! vectors that need data (#15 to #24), the reading rules of inputs.md
//! sections 7 and 8, and hostile input.

use serde_json::{json, Value};
use spd_score::{ScoreOptions, Workbook};

const HEADER: &str =
    "CustomerTenantId,CustomerName,CustomerSegment,SubscriptionId,Month,ServiceLevel2,PartnerAttributionType,OfferType,IsACRDuplicateAtPGAAttachTypeLevel,ACR_USD";

/// A row of the Azure usage export; `month` as `2025-10`.
fn row(tenant: &str, segment: &str, month: &str, service: &str, association: &str, acr: &str) -> String {
    format!("{tenant},{tenant} Ltd,{segment},sub-{tenant},{month}-01,{service},{association},Azure plan,0,{acr}")
}

/// Rows at zero ACR in the first and last months, so that the data covers
/// November 2023 to October 2025 (24 months) whatever else it holds.
fn span() -> Vec<String> {
    vec![
        row("span", "", "2023-11", "Storage", "CSP Tier 1", "0"),
        row("span", "", "2025-10", "Storage", "CSP Tier 1", "0"),
    ]
}

fn score(files: &[(&str, String)]) -> Value {
    let mut book = Workbook::default();
    for (name, text) in files {
        book.add_file(name, text.as_bytes());
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

fn azure(rows: &[String]) -> Value {
    let mut text = format!("{HEADER}\n");
    for row in span().iter().chain(rows) {
        text.push_str(row);
        text.push('\n');
    }
    score(&[("azure.csv", text)])
}

fn metric(r: &Value, track: &str, metric: &str) -> (Value, Value) {
    let m = &r["areas"]["data-ai"]["tracks"][track]["metrics"][metric];
    (m["points"].clone(), m["value"].clone())
}

/// `n` tenants (`prefix0`, `prefix1`...) each with `acr` in `month`.
fn tenants(prefix: &str, n: usize, month: &str, acr: &str, segment: &str) -> Vec<String> {
    (0..n).map(|i| row(&format!("{prefix}{i}"), segment, month, "Storage", "CSP Tier 1", acr)).collect()
}

#[test]
fn vector_15_net_customer_adds() {
    // Five tenants at USD 1,000 now, three of them a year ago.
    let mut rows = tenants("t", 5, "2025-10", "1000", "");
    rows.extend(tenants("t", 3, "2024-10", "1000", ""));
    let r = azure(&rows);
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(20.0), json!(2)));
}

#[test]
fn vector_16_one_month_of_the_window_on_its_own() {
    // 700 in September, nothing in October: an SMB customer, not an Enterprise one.
    let r = azure(&[row("t", "", "2025-09", "Storage", "CSP Tier 2", "700")]);
    assert_eq!(metric(&r, "smb", "netCustomerAdds"), (json!(10.0), json!(1)));
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(0.0), json!(0)));
    // The two months are not added: 600 + 600 is no Enterprise customer.
    let r =
        azure(&[row("t", "", "2025-09", "Storage", "PAL", "600"), row("t", "", "2025-10", "Storage", "PAL", "600")]);
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds").1, json!(0));
    let tenant = &r["areas"]["data-ai"]["tenants"][0];
    assert_eq!(
        tenant["tracks"]["enterprise"]["hint"],
        "Enterprise: USD 400 more in October 2025 from t Ltd makes it a customer (+1 net customer add)."
    );
}

#[test]
fn vector_17_net_adds_capped_and_negative() {
    let r = azure(&tenants("t", 4, "2025-10", "1500", ""));
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(30.0), json!(4)));
    let r = azure(&tenants("t", 1, "2024-10", "1500", ""));
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(0.0), json!(-1)));
}

#[test]
fn vectors_18_to_20_usage_growth() {
    let growth = |baseline: &str, now: &str| {
        azure(&[
            row("t", "", "2024-10", "Storage", "CSP Tier 1", baseline),
            row("t", "", "2025-10", "Storage", "CSP Tier 1", now),
        ])
    };
    assert_eq!(metric(&growth("10000", "11500"), "smb", "usageGrowth"), (json!(15.0), json!(15)));
    assert_eq!(metric(&growth("10000", "13000"), "smb", "usageGrowth"), (json!(20.0), json!(30)));
    let r = growth("800", "5000");
    assert_eq!(metric(&r, "smb", "usageGrowth"), (json!(0.0), json!(525)));
    let m = &r["areas"]["data-ai"]["tracks"]["smb"]["metrics"]["usageGrowth"];
    assert_eq!(m["baseline"], 800);
    assert!(m["reason"].as_str().unwrap().contains("below the minimum of 1,000"), "{m}");
    // No baseline at all: no percentage, and no points.
    assert_eq!(metric(&growth("0", "5000"), "smb", "usageGrowth").0, json!(0.0));
}

#[test]
fn vectors_21_and_22_deployments() {
    let services = |names: &[&str]| {
        azure(&names.iter().map(|s| row("t", "", "2025-06", s, "CSP Tier 1", "10")).collect::<Vec<_>>())
    };
    let r = services(&[
        "Virtual Machines",
        "Virtual Machines Licenses",
        "Storage",
        "Azure App Service",
        "Azure SQL Database",
    ]);
    assert_eq!(metric(&r, "smb", "deployments"), (json!(6.0), json!(3)));
    let r = services(&[
        "Storage",
        "Azure App Service",
        "Azure SQL Database",
        "Key Vault",
        "Azure Functions",
        "Azure Monitor",
        "Azure Cosmos DB",
        "VM Licenses",
    ]);
    assert_eq!(metric(&r, "smb", "deployments"), (json!(10.0), json!(7)));
    // Older than twelve months, or cancelled by a credit in another tenant: not deployed.
    let r = azure(&[
        row("a", "", "2024-10", "Key Vault", "CSP Tier 1", "50"),
        row("a", "", "2025-01", "Storage", "CSP Tier 1", "50"),
        row("b", "", "2025-02", "Storage", "PAL", "-50"),
    ]);
    assert_eq!(metric(&r, "smb", "deployments").1, json!(0));
}

#[test]
fn vectors_23_and_24_classification() {
    let class = |smb: usize| {
        let mut rows = tenants("s", smb, "2025-10", "10", "SMB Commercial");
        rows.extend(tenants("e", 40 - smb, "2025-10", "10", "Major Commercial"));
        azure(&rows)["areas"]["data-ai"].clone()
    };
    let area = class(32);
    assert_eq!((area["track"].clone(), area["classification"]["value"].clone()), (json!("smb"), json!(0.8)));
    let area = class(31);
    assert_eq!(area["track"], "enterprise");
    assert_eq!(area["trackChoice"], "classified");
    // One class for the three areas.
    let r = azure(&tenants("s", 2, "2025-10", "10", "SM&C Corporate"));
    for id in ["data-ai", "infrastructure", "digital-app-innovation"] {
        assert_eq!(r["areas"][id]["track"], "smb", "{id}");
    }
    // Without segments: Enterprise by default, with a warning.
    let area = azure(&tenants("t", 3, "2025-10", "10", ""))["areas"]["data-ai"].clone();
    assert_eq!((area["track"].clone(), area["trackChoice"].clone()), (json!("enterprise"), json!("default")));
    assert_eq!(area["warnings"][0]["kind"], "trackByDefault");
}

#[test]
fn one_consumption_under_two_association_types_counts_once() {
    // CSP Tier 1 and PAL for the same use: the larger sum, not the total.
    let r = azure(&[
        row("t", "", "2025-10", "Storage", "CSP Tier 1", "600"),
        row("t", "", "2025-10", "Storage", "CSP Tier 1", "300"),
        row("t", "", "2025-10", "Storage", "Partner admin link", "800"),
    ]);
    let detail = &r["areas"]["data-ai"]["detail"];
    let listed = &r["areas"]["data-ai"];
    assert_eq!(listed["tenants"][0]["acr"]["asOf"], 900.0);
    assert_eq!(detail["setAside"], 800.0);
    // Service names and subscription ids match however they are written.
    let text = format!(
        "{HEADER}\n{}\nt,t Ltd,,SUB-T,2025-10-01,storage ,Partner admin link,Azure plan,0,800\n",
        row("t", "", "2025-10", "Storage", "CSP Tier 1", "900")
    );
    let r = score(&[("a.csv", format!("{text}{}\n", span().join("\n")))]);
    assert_eq!(r["areas"]["data-ai"]["tenants"][0]["acr"]["asOf"], 900.0);
    // Other subscriptions and services are other consumption: added.
    let r = azure(&[
        row("t", "", "2025-10", "Storage", "CSP Tier 1", "600"),
        row("t", "", "2025-10", "Key Vault", "PAL", "500"),
    ]);
    assert_eq!(r["areas"]["data-ai"]["tenants"][0]["acr"]["asOf"], 1100.0);
}

#[test]
fn duplicate_flags_and_association_types() {
    let header = "CustomerTenantId,Month,ServiceLevel2,PartnerAttributionType,IsACRDuplicateAtPGAAttachTypeLevel,IsACRDuplicateAtPGALevel,IsACRDuplicateAtMPNLevel,ACR_USD";
    let text = format!(
        "{header}\nt1,2025-10-01,Storage,CSP Tier 1,0,1,1,1000\nt1,2025-10-01,Storage,CSP Tier 1,1,0,0,1000\nt2,2025-10-01,Storage,Transacting partner of record,0,0,0,4000\nt2,2025-10-01,Storage,Partner of record,0,1,0,700\nt3,2025-10-01,Storage,Something else,0,0,0,5\n"
    );
    let r = score(&[("a.csv", text)]);
    let detail = &r["areas"]["infrastructure"]["detail"];
    let listed = &r["areas"]["infrastructure"];
    assert_eq!(detail["flagged"], json!({ "rows": 1, "acr": 1000.0 }));
    assert_eq!(
        detail["ignored"]["associations"],
        json!({
            "Something else": { "rows": 1, "acr": 5.0 },
            "Transacting partner of record": { "rows": 1, "acr": 4000.0 },
        })
    );
    // The PGA- and MPN-level flags are ignored; DPOR counts (700).
    let acr: Vec<f64> =
        listed["tenants"].as_array().unwrap().iter().map(|t| t["acr"]["asOf"].as_f64().unwrap()).collect();
    assert_eq!(acr, [1000.0, 700.0]);
    // Without an offer column, offers were not checked, and the report says so.
    assert_eq!(detail["offersChecked"], false);
    let kinds: Vec<&str> = r["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert!(
        kinds.contains(&"offersNotChecked") && kinds.contains(&"pgaDuplicates") && kinds.contains(&"unsupportedClouds"),
        "{kinds:?}"
    );
}

#[test]
fn months_outside_the_data_are_missing() {
    // Twelve months (November 2024 to October 2025): deployments only.
    let text = format!(
        "{HEADER}\n{}\n{}\n",
        row("t", "SMB", "2024-11", "Storage", "CSP Tier 1", "10"),
        row("t", "SMB", "2025-10", "Storage", "CSP Tier 1", "2000")
    );
    let r = score(&[("a.csv", text)]);
    let area = &r["areas"]["data-ai"];
    assert_eq!(metric(&r, "smb", "netCustomerAdds").0, Value::Null);
    assert_eq!(metric(&r, "smb", "usageGrowth").0, Value::Null);
    assert_eq!(metric(&r, "smb", "deployments"), (json!(2.0), json!(1)));
    assert_eq!(area["status"], "incomplete");
    assert_eq!(
        area["missing"],
        "The Azure data covers 2024-11 to 2025-10, without 2024-09 for net customer adds or 2023-11 for usage growth. Download Partner Center's Azure usage report for the longest period (24 months)."
    );
    // A month inside the range with no rows is zero, not missing.
    let r = azure(&[row("t", "", "2025-10", "Storage", "CSP Tier 1", "1000")]);
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(10.0), json!(1)));
}

#[test]
fn bad_rows_are_errors_and_the_others_count() {
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n{}\n{}\n",
        row("a", "", "2023-11", "Storage", "CSP Tier 1", "-300.00"),
        row("b", "", "2025-10", "Storage", "CSP Tier 1", "\"12,34,5\""),
        row("c", "", "2025-10", "Storage", "CSP Tier 1", "abc"),
        row("d", "", "2025-10", "Storage", "CSP Tier 1", ""),
        row("e", "", "2025-10", "", "", "99999999999999999999"),
        row("f", "", "2025-10", "Storage", "CSP Tier 1", "\"1,500.00\""),
    );
    let r = score(&[("a.csv", text)]);
    let errors: Vec<(String, u64, String, String)> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (s("kind"), e["line"].as_u64().unwrap(), s("column"), s("value"))
        })
        .collect();
    let expected = [
        ("badNumber", 3, "ACR_USD", "12,34,5"),
        ("badNumber", 4, "ACR_USD", "abc"),
        ("emptyValue", 5, "ACR_USD", ""),
        ("badNumber", 6, "ACR_USD", "99999999999999999999"),
        ("emptyValue", 6, "PartnerAttributionType", ""),
        ("emptyValue", 6, "ServiceLevel2", ""),
    ];
    let expected: Vec<(String, u64, String, String)> =
        expected.iter().map(|(k, l, c, v)| (k.to_string(), *l, c.to_string(), v.to_string())).collect();
    assert_eq!(errors, expected);
    assert_eq!(r["files"][0]["skippedRows"], 4);
    // The credit and the good row count: f is a customer, a's credit is in the TTM a year back.
    let detail = &r["areas"]["data-ai"]["detail"];
    let listed = &r["areas"]["data-ai"];
    assert_eq!(listed["tenants"][0]["id"], "f");
    assert_eq!(detail["ttm"]["baseline"], -300.0);
    assert_eq!(metric(&r, "smb", "usageGrowth").0, json!(0.0));
}

#[test]
fn a_file_of_only_ignored_association_types() {
    let rows: Vec<String> = ["2023-11", "2024-10", "2025-10"]
        .iter()
        .map(|m| row("t", "SMB Commercial", m, "Storage", "Transacting partner of record", "5000"))
        .collect();
    let r = score(&[("a.csv", format!("{HEADER}\n{}\n", rows.join("\n")))]);
    let area = &r["areas"]["digital-app-innovation"];
    // Every metric is known and 0: nothing counts, and the report says why.
    for id in ["netCustomerAdds", "usageGrowth", "deployments"] {
        assert_eq!(area["tracks"]["smb"]["metrics"][id]["points"], 0.0, "{id}");
    }
    assert_eq!(
        area["detail"]["ignored"]["associations"]["Transacting partner of record"],
        json!({ "rows": 3, "acr": 15000.0 })
    );
    assert_eq!(area["tenants"], json!([]));
    assert_eq!(area["trackChoice"], "default");
}

#[test]
fn customers_and_tenants_download() {
    let header = "CustomerTenantId,CustomerTenantName,CustomerSegment,Product,Month,PartnerAttributionType,IsDuplicateRowForPGA,AvailableSeats,BilledRevenueUSD,AzureConsumedRevenueUSD";
    let rows = [
        "a,Contoso,SMB Commercial,Microsoft Azure,2023-11-01,CSP Tier 1,0,0,0.00,10",
        "a,Contoso,SMB Commercial,Microsoft Azure,2024-10-01,CSP Tier 1,0,0,0.00,1000",
        "a,Contoso,SMB Commercial,Microsoft Azure,2025-10-01,CSP Tier 1,0,0,0.00,1200",
        // Another location's repeat: dropped beside the unflagged row.
        "a,Contoso,SMB Commercial,Microsoft Azure,2025-10-01,CSP Tier 1,1,0,0.00,1200",
        // Alone, a flagged row counts.
        "b,Woodgrove,Major Commercial,Microsoft Azure,2025-10-01,Partner admin link,1,0,0.00,2000",
        "b,Woodgrove,Major Commercial,Microsoft 365 E3,2025-10-01,CSP Tier 1,0,300,9000.00,0",
    ];
    let r = score(&[("ct.csv", format!("{header}\n{}\n", rows.join("\n")))]);
    assert_eq!(r["files"][0]["kind"], "customersTenants");
    let area = &r["areas"]["data-ai"];
    assert_eq!(area["detail"]["source"], "customersTenants");
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds"), (json!(10.0), json!(1)));
    // 3,200 against 1,010.
    let growth = metric(&r, "enterprise", "usageGrowth").1.as_f64().unwrap();
    assert!((growth - 2190.0 / 10.10).abs() < 1e-9, "{growth}");
    // No service column: deployments are unknown, and the report says what would score them.
    assert_eq!(metric(&r, "enterprise", "deployments").0, Value::Null);
    assert!(
        area["missing"].as_str().unwrap().contains("Deployments need the Azure usage export"),
        "{}",
        area["missing"]
    );
    // The segments classify: one SMB customer of two.
    assert_eq!(area["classification"]["value"], 0.5);
    // With an Azure usage file too, ACR comes from it and the segments from either.
    let usage = "CustomerTenantId,Month,ServiceLevel2,PartnerAttributionType,OfferType,ACR_USD\nb,2023-11-01,Storage,PAL,Azure plan,1\nb,2025-10-01,Storage,PAL,Azure plan,3000\n".to_string();
    let r = score(&[("ct.csv", format!("{header}\n{}\n", rows.join("\n"))), ("u.csv", usage)]);
    let detail = &r["areas"]["data-ai"]["detail"];
    let listed = &r["areas"]["data-ai"];
    assert_eq!(detail["source"], "azureUsage");
    assert_eq!(
        (listed["tenants"][0]["acr"]["asOf"].clone(), listed["tenants"][0]["segment"].clone()),
        (json!(3000.0), json!("Major Commercial"))
    );
}

#[test]
fn overlapping_downloads_are_not_added_twice() {
    let file = |months: &[&str]| {
        let rows: Vec<String> = months.iter().map(|m| row("t", "", m, "Storage", "CSP Tier 1", "1000")).collect();
        format!("{HEADER}\n{}\n", rows.join("\n"))
    };
    let r = score(&[("a.csv", file(&["2023-11", "2024-10", "2025-09"])), ("b.csv", file(&["2025-09", "2025-10"]))]);
    let listed = &r["areas"]["data-ai"];
    assert_eq!(
        (listed["tenants"][0]["acr"]["previous"].clone(), listed["tenants"][0]["acr"]["asOf"].clone()),
        (json!(1000.0), json!(1000.0))
    );
    let warning = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "overlappingMonths").unwrap();
    assert_eq!(warning["file"], "b.csv");
    assert!(warning["message"].as_str().unwrap().starts_with("1 row(s) of 2025-09 were skipped"), "{warning}");
}

#[test]
fn aliases_and_a_meter_category_for_the_service() {
    let text = "Tenant Id;Date;Meter Category;Attribution Type;Offer Name;ACR\nt;Oct 2025;Storage;CSP Tier1;Azure plan;1.234,50\nt;Nov 2023;Storage;CSP T1;Internal use;5\n";
    let r = score(&[("semi.csv", text.to_string())]);
    assert_eq!(r["files"][0]["kind"], "azureUsage");
    let detail = &r["areas"]["data-ai"]["detail"];
    let listed = &r["areas"]["data-ai"];
    assert_eq!(listed["tenants"][0]["acr"]["asOf"], 1234.5);
    assert_eq!(detail["ignored"]["offers"]["Internal use"]["rows"], 1);
    assert!(r["warnings"].as_array().unwrap().iter().any(|w| w["kind"] == "serviceNameAlias"));
}

#[test]
fn chunked_and_whole_give_one_report() {
    let mut rows = tenants("t", 30, "2025-10", "1000.5", "SMB Commercial");
    rows.extend(tenants("t", 20, "2024-10", "900", "SMB Commercial"));
    let text = format!("{HEADER}\n{}\n{}\n", span().join("\n"), rows.join("\n"));
    let whole = score(&[("a.csv", text.clone())]);
    let mut book = Workbook::default();
    book.begin_file("a.csv");
    for chunk in text.as_bytes().chunks(97) {
        book.push(chunk);
        // Scored while the file is still open: as far as read, nothing lost.
        let _ = book.report(&ScoreOptions::default());
    }
    let open = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    assert_eq!(open["areas"]["data-ai"]["tracks"], whole["areas"]["data-ai"]["tracks"]);
    book.end_file();
    let chunked = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    assert_eq!(chunked, whole);
}
