//! The downloads partners really have (inputs.md, "Changes 2026-12"): the
//! Office 365 licence usage download and the programmatic OfficeUsage,
//! AzureUsage and TrainingCompletions layouts, EMS columns without seats,
//! the Azure service alias read as Service Level 2 by every area, the
//! same consumption under several partner locations counted once, the
//! claim-type names, and the downloads recognised but refused.

use serde_json::{json, Value};
use spd_score::{ScoreOptions, Workbook};

fn score(files: &[(&str, String)]) -> Value {
    let mut book = Workbook::default();
    for (name, text) in files {
        book.add_file(name, text.as_bytes());
    }
    serde_json::to_value(book.report(&ScoreOptions::default())).unwrap()
}

/// A CSV file: a header and its rows.
fn csv(header: &str, rows: &[String]) -> String {
    let mut text = format!("{header}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn metric<'a>(r: &'a Value, area: &str, track: &str, metric: &str) -> &'a Value {
    &r["areas"][area]["tracks"][track]["metrics"][metric]
}

fn warning_kinds(r: &Value) -> Vec<String> {
    r["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap().to_string()).collect()
}

fn warning<'a>(r: &'a Value, kind: &str) -> &'a str {
    let found = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == kind);
    found.unwrap_or_else(|| panic!("no {kind} warning: {}", r["warnings"]))["message"].as_str().unwrap()
}

const AZURE_AREAS: [&str; 3] = ["data-ai", "infrastructure", "digital-app-innovation"];

/// An Azure usage export whose service column is `service` (with
/// `ServiceLevel3` and a second alias column beside it): rows (tenant,
/// month, service, level 3, association, ACR), plus zero rows that make the
/// data cover November 2023 to October 2025. The other column names a
/// service no area counts (Virtual Machines), so that reading it would show.
fn azure_with(service: &str, rows: &[(&str, &str, &str, &str, &str, &str)]) -> String {
    let other = if service == "MeterCategory" { "Other" } else { "MeterCategory" };
    let header =
        format!("CustomerTenantId,SubscriptionId,Month,{service},{other},ServiceLevel3,PartnerAttributionType,ACR_USD");
    let span =
        [("span", "2023-11", "Storage", "", "CSP Tier 1", "0"), ("span", "2025-10", "Storage", "", "CSP Tier 1", "0")];
    let rows: Vec<String> = (span.iter().chain(rows))
        .map(|(tenant, month, name, level3, association, acr)| {
            format!("{tenant},sub-{tenant},{month}-01,{name},Virtual Machines,{level3},{association},{acr}")
        })
        .collect();
    csv(&header, &rows)
}

#[test]
fn a_service_alias_is_service_level_2_for_every_azure_area() {
    // Three services under `ServiceName`, Storage split over two level-3
    // names: three deployments in each Azure area, whatever the meter
    // category (Virtual Machines, which no area counts) says.
    let rows = [
        ("t", "2025-06", "Storage", "Hot Block Blob", "CSP Tier 1", "10"),
        ("t", "2025-06", "Storage", "Cool Block Blob", "CSP Tier 1", "10"),
        ("t", "2025-06", "Azure App Service", "Basic Plan", "CSP Tier 1", "10"),
        ("t", "2025-06", "Azure SQL Database", "General Purpose", "CSP Tier 1", "10"),
    ];
    for column in ["ServiceName", "MeterCategory", "ServiceLevel2"] {
        let r = score(&[("azure.csv", azure_with(column, &rows))]);
        for area in AZURE_AREAS {
            assert_eq!(metric(&r, area, "smb", "deployments")["value"], json!(3), "{area}, {column}");
        }
        let alias = warning_kinds(&r).contains(&"serviceNameAlias".to_string());
        assert_eq!(alias, column != "ServiceLevel2", "{column}");
    }
}

#[test]
fn a_service_alias_is_service_level_2_for_security_beside_level_3() {
    // Key Vault at USD 5,000 named by the alias, its level 3 a meter name
    // on no list: a Security customer on both tracks, as with ServiceLevel2.
    let rows = [("t1", "2025-06", "Key Vault", "Key Vault Operations", "PAL", "5000")];
    for column in ["ServiceLevel2", "ServiceName", "MeterCategory"] {
        let r = score(&[("azure.csv", azure_with(column, &rows))]);
        let part = |track: &str| metric(&r, "security", track, "netCustomerAdds")["parts"]["azure"].clone();
        assert_eq!((part("smb")["points"].clone(), part("smb")["value"].clone()), (json!(4.0), json!(1)), "{column}");
        assert_eq!(part("enterprise")["value"], json!(1), "{column}");
        assert_eq!(metric(&r, "security", "smb", "usageGrowth")["parts"]["azure"]["value"], json!(5000), "{column}");
    }
    // A security service named only at level 3 still counts beside the alias.
    let rows = [("t1", "2025-06", "Azure Networking", "Azure Firewall", "PAL", "5000")];
    let r = score(&[("azure.csv", azure_with("ServiceName", &rows))]);
    assert_eq!(metric(&r, "security", "smb", "netCustomerAdds")["parts"]["azure"]["value"], json!(1));
}

/// The programmatic AzureUsage layout (inputs.md section 7): no service
/// levels, no attach-type flag, the row's ACR in `TotalACR` beside the
/// subscription's month in `MonthlySubscriptionLevelACR`.
const PROGRAMMATIC: &str = "PGAMpnId,SubscriptionId,Month,ServiceName,MeterCategory,CustomerName,CustomerTenantId,CustomerSegment,MpnId,PartnerName,PartnerAttributionType,IsACRDuplicateAtPGALevel,MonthlySubscriptionLevelACR,TotalACR";

/// A programmatic row: (tenant, month, service, location, association,
/// PGA-level flag, TotalACR); the subscription-level ACR is 99,999 on
/// every row, so that reading it would show.
fn programmatic(rows: &[(&str, &str, &str, &str, &str, &str, &str)]) -> String {
    let span = [
        ("span", "2023-11", "Storage", "4100001", "CSP Tier 1", "0", "0"),
        ("span", "2025-10", "Storage", "4100001", "CSP Tier 1", "0", "0"),
    ];
    let rows: Vec<String> = (span.iter().chain(rows))
        .map(|(tenant, month, service, location, association, flag, acr)| {
            format!("4100001,sub-{tenant},{month}-01,{service},SQL Database,{tenant} Ltd,{tenant},Small Business,{location},Fabrikam,{association},{flag},99999,{acr}")
        })
        .collect();
    csv(PROGRAMMATIC, &rows)
}

/// Data & AI's SMB usage growth value (trailing twelve months against the
/// twelve before) and the trailing twelve months' ACR.
fn ttm(r: &Value) -> f64 {
    r["areas"]["data-ai"]["detail"]["ttm"]["asOf"].as_f64().unwrap()
}

#[test]
fn the_same_consumption_under_two_partner_locations_counts_once() {
    // One subscription's SQL Database, 580 a month, reported by both
    // locations of the global account (the PGA-level flag is 0 on one, 1
    // on the other, and is not read): 580, not 1,160.
    let months = ["2025-08", "2025-09", "2025-10"];
    let mut rows = vec![];
    for month in months {
        rows.push(("t", month, "Azure SQL Database", "4100001", "CSP Tier 1", "0", "580"));
        rows.push(("t", month, "Azure SQL Database", "4100002", "CSP Tier 1", "1", "580"));
    }
    let r = score(&[("azure.csv", programmatic(&rows))]);
    assert_eq!(ttm(&r), 3.0 * 580.0);
    let detail = &r["areas"]["data-ai"]["detail"];
    assert_eq!(detail["locationRepeats"], json!({ "rows": 3, "acr": 1740.0 }));
    assert!(warning_kinds(&r).contains(&"pgaDuplicates".to_string()));
    assert!(!warning_kinds(&r).contains(&"locationsUnknown".to_string()));
    // TotalACR is the row's ACR, not MonthlySubscriptionLevelACR.
    assert!(!warning_kinds(&r).contains(&"subscriptionLevelAcr".to_string()));

    // Under two association types at the two locations: the types are then
    // compared, and the consumption still counts once.
    let rows = [
        ("t", "2025-10", "Azure SQL Database", "4100001", "CSP Tier 1", "0", "580"),
        ("t", "2025-10", "Azure SQL Database", "4100002", "Partner admin link", "1", "580"),
    ];
    let r = score(&[("azure.csv", programmatic(&rows))]);
    assert_eq!(ttm(&r), 580.0);
    assert_eq!(r["areas"]["data-ai"]["detail"]["setAside"], 580.0);

    // Two locations reporting different sums: the largest location's counts;
    // one location's own rows of one type are added (two meters, one service).
    let rows = [
        ("t", "2025-10", "Storage", "4100001", "CSP Tier 1", "0", "300"),
        ("t", "2025-10", "Storage", "4100001", "CSP Tier 1", "0", "200"),
        ("t", "2025-10", "Storage", "4100002", "CSP Tier 1", "1", "450"),
    ];
    let r = score(&[("azure.csv", programmatic(&rows))]);
    assert_eq!(ttm(&r), 500.0);
    assert_eq!(r["areas"]["data-ai"]["detail"]["locationRepeats"], json!({ "rows": 1, "acr": 450.0 }));

    // Different subscriptions or services are different consumptions: added.
    let rows = [
        ("t", "2025-10", "Storage", "4100001", "CSP Tier 1", "0", "300"),
        ("t", "2025-10", "Key Vault", "4100002", "CSP Tier 1", "0", "200"),
        ("u", "2025-10", "Storage", "4100002", "CSP Tier 1", "0", "100"),
    ];
    assert_eq!(ttm(&score(&[("azure.csv", programmatic(&rows))])), 600.0);
}

#[test]
fn security_counts_a_consumption_under_two_locations_once() {
    // Key Vault at USD 700 a month reported by two locations: 700 over the
    // trailing twelve months, a customer (at least 600) but not a deployment
    // (under 750); counted twice it would be one.
    let rows = [
        ("t", "2025-10", "Key Vault", "4100001", "Partner admin link", "0", "700"),
        ("t", "2025-10", "Key Vault", "4100002", "Partner admin link", "1", "700"),
    ];
    let r = score(&[("azure.csv", programmatic(&rows))]);
    assert_eq!(azure_part(&r, "netCustomerAdds"), json!(1));
    assert_eq!(azure_part(&r, "deployments"), json!(0));
    assert_eq!(azure_part(&r, "usageGrowth"), json!(700));
}

/// The value of Security's Azure part of an SMB metric.
fn azure_part(r: &Value, id: &str) -> Value {
    metric(r, "security", "smb", id)["parts"]["azure"]["value"].clone()
}

#[test]
fn with_the_attach_type_flag_or_without_locations_rows_are_summed() {
    // The Insights download marks repeats itself: rows of two locations
    // with the flag at 0 are two consumptions.
    let header = "CustomerTenantId,SubscriptionId,Month,ServiceLevel2,MpnId,PartnerAttributionType,IsACRDuplicateAtPGAAttachTypeLevel,ACR_USD";
    let rows: Vec<String> = [
        ("2023-11", "1", "0", "0"),
        ("2025-10", "1", "0", "300"),
        ("2025-10", "2", "0", "300"),
        ("2025-10", "2", "1", "300"),
    ]
    .iter()
    .map(|(month, location, flag, acr)| format!("t,sub-t,{month}-01,Storage,410000{location},CSP Tier 1,{flag},{acr}"))
    .collect();
    let r = score(&[("azure.csv", csv(header, &rows))]);
    assert_eq!(ttm(&r), 600.0);
    assert!(!warning_kinds(&r).contains(&"locationsUnknown".to_string()));
    // Neither the flag nor a location column: summed, with a warning.
    let header = "CustomerTenantId,SubscriptionId,Month,ServiceLevel2,PartnerAttributionType,TotalACR";
    let rows: Vec<String> = [("2023-11", "0"), ("2025-10", "300"), ("2025-10", "300")]
        .iter()
        .map(|(month, acr)| format!("t,sub-t,{month}-01,Storage,CSP Tier 1,{acr}"))
        .collect();
    let r = score(&[("azure.csv", csv(header, &rows))]);
    assert_eq!(ttm(&r), 600.0);
    assert!(warning(&r, "locationsUnknown").contains("once per location"));
}

#[test]
fn monthly_subscription_level_acr_is_read_only_alone() {
    // Beside TotalACR it is not read (the test above); alone it is the ACR,
    // with a warning that it may be the subscription's.
    let header =
        "CustomerTenantId,SubscriptionId,Month,ServiceName,MpnId,PartnerAttributionType,MonthlySubscriptionLevelACR";
    let rows: Vec<String> = [("2023-11", "0"), ("2025-10", "1020")]
        .iter()
        .map(|(month, acr)| format!("t,sub-t,{month}-01,Storage,4100001,CSP Tier 1,{acr}"))
        .collect();
    let r = score(&[("azure.csv", csv(header, &rows))]);
    assert_eq!(ttm(&r), 1020.0);
    assert!(warning(&r, "subscriptionLevelAcr").contains("MonthlySubscriptionLevelACR"));
}
