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
