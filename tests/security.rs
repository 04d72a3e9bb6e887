//! Security from small exports written here: security.md's test vectors
//! that need data (#20 to #23), the bands of section 4 at their edges, the
//! SMB carry-over, the eligible Azure data of section 5, missing months,
//! and the EMS usage dataset (inputs.md section 6) with its hostile rows.

use serde_json::{json, Value};
use spd_score::{ScoreOptions, Workbook};

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

const AZURE: &str =
    "CustomerTenantId,CustomerName,SubscriptionId,Month,ServiceLevel2,ServiceLevel3,PartnerAttributionType,OfferType,IsACRDuplicateAtPGAAttachTypeLevel,ACR_USD";

/// A row of the Azure usage export; `month` as `2025-10`.
fn azure_row(tenant: &str, month: &str, service: &str, association: &str, acr: &str) -> String {
    format!("{tenant},{tenant} Ltd,sub-{tenant},{month}-01,{service},,{association},Azure plan,0,{acr}")
}

/// An Azure usage export covering November 2023 to October 2025 (24
/// months) whatever else it holds.
fn azure(rows: &[String]) -> String {
    let span =
        [azure_row("span", "2023-11", "Storage", "PAL", "0"), azure_row("span", "2025-10", "Storage", "PAL", "0")];
    let mut text = format!("{AZURE}\n");
    for row in span.iter().chain(rows) {
        text.push_str(row);
        text.push('\n');
    }
    text
}

const USAGE: &str =
    "CustomerTenantId,CustomerName,PartnerAttributionType,WorkloadName,Month,MonthlyActiveUsers,PaidAvailableUnits";

/// A usage export: rows (tenant, association, workload, month, MAU, PAU),
/// plus one row in October 2024 so that the baseline month is there.
fn usage(rows: &[(&str, &str, &str, &str, u32, u32)]) -> String {
    let mut text = format!("{USAGE}\nspan,Span,CSP Tier 1,Exchange,2024-10-01,1,1\n");
    for (tenant, association, workload, month, mau, pau) in rows {
        text.push_str(&format!("{tenant},{tenant} Ltd,{association},{workload},{month}-01,{mau},{pau}\n"));
    }
    text
}

fn security(r: &Value) -> &Value {
    &r["areas"]["security"]
}

/// A part's (points, value) on a track.
fn part(r: &Value, track: &str, metric: &str, part: &str) -> (Value, Value) {
    let p = &security(r)["tracks"][track]["metrics"][metric]["parts"][part];
    (p["points"].clone(), p["value"].clone())
}

fn tenant<'a>(r: &'a Value, id: &str) -> &'a Value {
    let tenants = security(r)["tenants"].as_array().unwrap();
    tenants.iter().find(|t| t["id"] == id).unwrap_or_else(|| panic!("{id} not listed: {tenants:?}"))
}

#[test]
fn vector_20_smb_band_and_the_deployment_ratio() {
    // Defender for Endpoint P2, 40 paid, 5 active: SMB-eligible; 12.5 % is not deployed.
    let r = score(&[("usage.csv", usage(&[("t1", "CSP Tier 1", "Defender for Endpoint P2", "2025-10", 5, 40)]))]);
    assert_eq!(part(&r, "smb", "netCustomerAdds", "m365"), (json!(4.0), json!(1)));
    assert_eq!(part(&r, "enterprise", "netCustomerAdds", "m365"), (json!(0.0), json!(0)));
    assert_eq!(part(&r, "smb", "deployments", "m365"), (json!(0.0), json!(0)));
    let t1 = &tenant(&r, "t1")["m365"]["tracks"]["smb"];
    assert_eq!((t1["eligible"]["asOf"].clone(), t1["deployed"]["asOf"].clone()), (json!(true), json!(false)));
    assert_eq!(t1["bestActive"]["asOf"], 0.125);
    // One more active user makes 15 %: the hint says so, with its points.
    let hints = security(&r)["detail"]["hints"].to_string();
    assert!(
        hints.contains("SMB: 1 more Microsoft Defender for Endpoint P2 tenant at 15 % active adds up to 3.3 points: t1 Ltd (1 more active user)."),
        "{hints}"
    );
    // The Azure part is unknown, and the report says what would score it.
    assert_eq!(part(&r, "smb", "netCustomerAdds", "azure"), (Value::Null, Value::Null));
    assert!(security(&r)["missing"].as_str().unwrap().contains("No Azure usage export was loaded"));
}

#[test]
fn vector_21_an_azure_tenant_at_usd_5000() {
    let r = score(&[("azure.csv", azure(&[azure_row("t1", "2025-06", "Key Vault", "PAL", "5000")]))]);
    // Net customers on both tracks; an SMB deployment; SMB usage, not Enterprise.
    assert_eq!(part(&r, "enterprise", "netCustomerAdds", "azure"), (json!(2.0), json!(1)));
    assert_eq!(part(&r, "smb", "netCustomerAdds", "azure"), (json!(4.0), json!(1)));
    assert_eq!(part(&r, "smb", "deployments", "azure").1, json!(1));
    assert_eq!(part(&r, "enterprise", "deployments", "azure").1, json!(0));
    assert_eq!(part(&r, "smb", "usageGrowth", "azure").1, json!(5000));
    assert_eq!(part(&r, "enterprise", "usageGrowth", "azure").1, json!(0));
    let t1 = &tenant(&r, "t1")["azure"];
    assert_eq!(t1["ttm"], json!({ "asOf": 5000.0, "baseline": 0.0 }));
    assert_eq!(t1["tracks"]["smb"]["growth"], 5000.0);
    // The Microsoft 365 part is unknown: Incomplete, at least the Azure points.
    assert_eq!(security(&r)["status"], "incomplete");
}

#[test]
fn vector_22_four_paid_licences_are_in_neither_band() {
    let workloads = [
        "Entra ID P1",
        "Defender for Office 365",
        "Defender for Endpoint P2",
        "Defender for Identity",
        "Information Protection",
        "Intune",
    ];
    let rows: Vec<_> = workloads.iter().map(|w| ("t1", "CPOR", *w, "2025-10", 4, 4)).collect();
    let r = score(&[("usage.csv", usage(&rows))]);
    for track in ["enterprise", "smb"] {
        assert_eq!(part(&r, track, "netCustomerAdds", "m365").1, json!(0), "{track}");
        assert_eq!(tenant(&r, "t1")["m365"]["tracks"][track]["eligible"]["asOf"], false);
    }
    assert_eq!(tenant(&r, "t1")["m365"]["tracks"]["smb"]["maxPau"]["asOf"], 4.0);
}

#[test]
fn vector_23_protected_users_are_active_paid_licences() {
    // Intune 100 paid, 130 active: 100 protected users.
    let r = score(&[("usage.csv", usage(&[("t1", "CSP Tier 2", "Intune", "2025-10", 130, 100)]))]);
    assert_eq!(part(&r, "smb", "usageGrowth", "m365").1, json!(100));
    assert_eq!(security(&r)["detail"]["m365"]["protectedUsers"]["smb"], json!({ "asOf": 100.0, "baseline": 0.0 }));
}

#[test]
fn azure_bands_at_their_edges() {
    let rows = [
        azure_row("c599", "2025-10", "Key Vault", "PAL", "599.99"),
        azure_row("c600", "2025-10", "Key Vault", "PAL", "600.00"),
        azure_row("d749", "2025-10", "Key Vault", "PAL", "749.99"),
        azure_row("d750", "2025-10", "Key Vault", "PAL", "750.00"),
        azure_row("e12000", "2025-10", "Key Vault", "PAL", "12000.00"),
        azure_row("e12001", "2025-10", "Key Vault", "PAL", "12000.01"),
    ];
    let r = score(&[("azure.csv", azure(&rows))]);
    let tracks = |id: &str| tenant(&r, id)["azure"]["tracks"].clone();
    let now = |id: &str, track: &str, band: &str| tracks(id)[track][band]["asOf"].as_bool().unwrap();
    // Net customers: USD 600 on both tracks.
    assert!(!now("c599", "smb", "customer") && now("c600", "smb", "customer") && now("c600", "enterprise", "customer"));
    // SMB deployments from USD 750 to 12,000; Enterprise above 12,000.
    assert!(!now("d749", "smb", "deployment") && now("d750", "smb", "deployment"));
    assert!(now("e12000", "smb", "deployment") && !now("e12000", "enterprise", "deployment"));
    assert!(!now("e12001", "smb", "deployment") && now("e12001", "enterprise", "deployment"));
    // Usage: SMB above 0 up to 12,000; Enterprise above 12,000.
    assert!(now("c599", "smb", "usage") && !now("e12001", "smb", "usage") && now("e12001", "enterprise", "usage"));
    assert_eq!(part(&r, "smb", "netCustomerAdds", "azure").1, json!(5));
    assert_eq!(part(&r, "smb", "deployments", "azure").1, json!(2));
    assert_eq!(part(&r, "enterprise", "deployments", "azure").1, json!(1));
    // 599.99 + 600 + 749.99 + 750 + 12,000 on SMB; 12,000.01 on Enterprise.
    assert_eq!(part(&r, "smb", "usageGrowth", "azure").1, json!(14699.98));
    assert_eq!(part(&r, "enterprise", "usageGrowth", "azure").1, json!(12000.01));
}

#[test]
fn trailing_twelve_months_and_the_carry_over() {
    let rows = [
        // 8,000 a year ago in two months, 12,500 now: SMB by the carry-over.
        azure_row("grown", "2023-12", "Sentinel", "CSP Tier 1", "5000"),
        azure_row("grown", "2024-10", "Sentinel", "CSP Tier 1", "3000"),
        azure_row("grown", "2025-04", "Sentinel", "CSP Tier 1", "12500"),
        // 13,000 from November 2024 on: Enterprise now, never SMB, so no carry-over.
        azure_row("big", "2024-11", "Sentinel", "CSP Tier 1", "13000"),
        // October 2024 belongs to the baseline's twelve months, not the as-of month's.
        azure_row("old", "2024-10", "Sentinel", "CSP Tier 1", "900"),
    ];
    let r = score(&[("azure.csv", azure(&rows))]);
    let grown = &tenant(&r, "grown")["azure"];
    assert_eq!(grown["ttm"], json!({ "asOf": 12500.0, "baseline": 8000.0 }));
    assert_eq!(grown["tracks"]["smb"]["deployment"], json!({ "asOf": true, "baseline": true }));
    assert_eq!(grown["tracks"]["smb"]["carriedOver"], json!({ "asOf": true, "baseline": false }));
    assert_eq!(grown["tracks"]["enterprise"]["deployment"]["asOf"], true);
    let big = &tenant(&r, "big")["azure"]["tracks"]["smb"];
    assert_eq!((big["deployment"]["asOf"].clone(), big["carriedOver"]["asOf"].clone()), (json!(false), json!(false)));
    assert_eq!(tenant(&r, "old")["azure"]["ttm"], json!({ "asOf": 0.0, "baseline": 900.0 }));
    // SMB usage: grown 12,500 (carried) now; grown 8,000 and old 900 then.
    assert_eq!(part(&r, "smb", "usageGrowth", "azure").1, json!(3600));
    // Enterprise usage: grown 12,500 and big 13,000 now, nothing then.
    assert_eq!(part(&r, "enterprise", "usageGrowth", "azure").1, json!(25500));
}

#[test]
fn only_security_services_of_securitys_association_types_count() {
    let mut rows = vec![
        // Earlier names read as today's; a service named at level 3.
        azure_row("atp", "2025-10", "Advanced Threat Protection", "CSP Tier 1", "700"),
        azure_row("aad", "2025-10", "Azure Active Directory", "CSP Tier 2", "700"),
        azure_row("b2c", "2025-10", "Azure Active Directory B2C", "PAL", "700"),
        "fw,fw Ltd,sub-fw,2025-10-01,Networking,Azure Firewall,PAL,Azure plan,0,700".to_string(),
        // Not counted: a name only close to a listed one, Network Watcher,
        // DPOR, a type that never counts, a trial, a flagged repeat.
        azure_row("b2cx", "2025-10", "Azure Active Directory B2C Premium", "PAL", "700"),
        azure_row("nw", "2025-10", "Network Watcher", "PAL", "700"),
        azure_row("dpor", "2025-10", "Key Vault", "Partner of record", "700"),
        azure_row("tpor", "2025-10", "Key Vault", "Transacting partner of record", "700"),
        "trial,trial Ltd,sub-trial,2025-10-01,Key Vault,,PAL,Free Trial,0,700".to_string(),
        "flag,flag Ltd,sub-flag,2025-10-01,Key Vault,,PAL,Azure plan,1,700".to_string(),
    ];
    // The same consumption under PAL and CSP Tier 1 counts once.
    rows.push(azure_row("twice", "2025-10", "Key Vault", "PAL", "400"));
    rows.push(azure_row("twice", "2025-10", "Key Vault", "CSP Tier 1", "400"));
    let r = score(&[("azure.csv", azure(&rows))]);
    let customers: Vec<&str> = security(&r)["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["azure"]["tracks"]["smb"]["customer"]["asOf"] == true)
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    // The contributing tenants first, by id.
    assert_eq!(customers, ["aad", "atp", "b2c", "fw"]);
    assert_eq!(tenant(&r, "twice")["azure"]["ttm"]["asOf"], 400.0);
    assert_eq!(security(&r)["detail"]["azure"]["setAside"], 400.0);
    // The Azure areas still count DPOR's Key Vault and Network Watcher (their rules, not Security's).
    assert_eq!(r["areas"]["data-ai"]["detail"]["ignored"]["associations"]["Transacting partner of record"]["rows"], 1);
}

#[test]
fn a_missing_month_makes_the_azure_part_unknown_and_names_it() {
    // 13 months: the baseline's twelve months are not all there.
    let text = format!(
        "{AZURE}\n{}\n{}\n",
        azure_row("t1", "2024-10", "Key Vault", "PAL", "700"),
        azure_row("t1", "2025-10", "Key Vault", "PAL", "700")
    );
    let r = score(&[("azure.csv", text)]);
    assert_eq!(part(&r, "smb", "netCustomerAdds", "azure"), (Value::Null, Value::Null));
    let missing = security(&r)["missing"].as_str().unwrap();
    assert!(missing.contains("The Azure usage data covers 2024-10 to 2025-10, without 2023-11"), "{missing}");
    assert_eq!(security(&r)["detail"]["azure"]["known"], false);
    let warning = security(&r)["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "missingMonth").cloned();
    assert!(warning.is_some(), "{}", security(&r)["warnings"]);
    // Without any part known, every customer metric is unknown.
    assert!(security(&r)["tracks"]["smb"]["metrics"]["deployments"]["points"].is_null());
}

#[test]
fn both_parts_add_and_each_is_floored() {
    // Azure: one tenant lost (net -1); Microsoft 365: two SMB customers added.
    let azure_text = azure(&[azure_row("lost", "2024-10", "Key Vault", "PAL", "700")]);
    let usage_text = usage(&[
        ("a", "CSP Tier 1", "Intune", "2025-10", 10, 20),
        ("b", "CPOR", "Defender for Office 365", "2025-10", 10, 20),
    ]);
    let r = score(&[("azure.csv", azure_text), ("usage.csv", usage_text)]);
    assert_eq!(part(&r, "smb", "netCustomerAdds", "azure"), (json!(0.0), json!(-1)));
    assert_eq!(part(&r, "smb", "netCustomerAdds", "m365"), (json!(8.0), json!(2)));
    assert_eq!(security(&r)["tracks"]["smb"]["metrics"]["netCustomerAdds"]["points"], 8.0);
    // One tenant id in both exports is one entry with both parts.
    let both = score(&[
        ("azure.csv", azure(&[azure_row("A1", "2025-10", "Key Vault", "PAL", "700")])),
        ("usage.csv", usage(&[("a1", "CSP Tier 1", "Intune", "2025-10", 10, 20)])),
    ]);
    let a1 = tenant(&both, "A1");
    assert!(a1["azure"].is_object() && a1["m365"].is_object(), "{a1}");
}

#[test]
fn defender_for_endpoint_plan_1_is_ignored_and_said() {
    let r = score(&[(
        "usage.csv",
        usage(&[
            ("p1", "CSP Tier 1", "Defender for Endpoint P1", "2025-10", 90, 100),
            ("noplan", "CSP Tier 1", "Defender for Endpoint", "2025-10", 9, 60),
        ]),
    )]);
    // Plan 1 is in neither band; a row naming no plan counts (9 of 60 = 15 %: deployed).
    assert!(tenant(&r, "noplan")["m365"]["tracks"]["smb"]["deployed"]["asOf"] == true);
    assert_eq!(part(&r, "smb", "netCustomerAdds", "m365").1, json!(1));
    let r_ids: Vec<&str> =
        security(&r)["tenants"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(r_ids, ["noplan"]);
    let warnings: Vec<&str> =
        security(&r)["warnings"].as_array().unwrap().iter().map(|w| w["message"].as_str().unwrap()).collect();
    assert!(warnings.contains(&"Microsoft Defender for Endpoint P1 (1 rows): Defender for Endpoint plan 1 rows are ignored: only plan 2 counts for Security."), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with(
        "Microsoft Defender for Endpoint (1 rows): Defender for Endpoint rows that name no plan are counted"
    )));
    // Modern Work lists both as workloads it does not count, as before.
    assert_eq!(r["ignored"]["workloads"]["Microsoft Defender for Endpoint P1"], 1);
}

const EMS: &str = "SubscriptionId,Month,CustomerName,CustomerTenantId,PartnerAttachType,FreeVsPaidSKU,PaidAvailableUnits,MonthlyActiveUsers,AADPPaidAvailableUnits,AADPMonthlyActiveUsers,IntunePaidAvailableUnits,IntuneMonthlyActiveUsers,AzipPaidAvailableUnits,AzipMonthlyActiveUsers";

/// The EMS usage export of inputs.md section 6, with a second subscription
/// of Contoso's and a year-earlier month.
fn ems() -> String {
    [
        EMS,
        "s1,2025-10-01,Contoso Ltd,contoso,CPOR,Paid,999,999,320,96,200,150,0,0",
        "s2,2025-10-01,Contoso Ltd,contoso,CPOR,Paid,999,999,,,120,100,,",
        "s3,2025-10-01,Northwind Traders,northwind,CSP Tier 2,Paid,999,999,40,31,40,35,40,6",
        "s3,2024-10-01,Northwind Traders,northwind,CSP Tier 2,Paid,999,999,40,2,40,2,40,2",
    ]
    .join("\n")
}

#[test]
fn ems_usage_rows_split_per_workload_and_summed_per_tenant() {
    let r = score(&[("ems.csv", ems())]);
    assert_eq!(r["files"][0]["kind"], "emsUsage");
    assert_eq!(r["files"][0]["months"], json!(["2024-10", "2025-10"]));
    assert!(r["errors"].as_array().unwrap().is_empty(), "{}", r["errors"]);
    // Contoso: Intune 200 + 120 paid, 150 + 100 active over two subscriptions; Entra ID P1 320 (96).
    let contoso = &tenant(&r, "contoso")["m365"]["tracks"]["enterprise"];
    assert_eq!(contoso["maxPau"]["asOf"], 320.0);
    assert_eq!(contoso["protectedUsers"]["asOf"], 96.0 + 250.0);
    assert_eq!(contoso["eligible"]["asOf"], true);
    // Northwind: SMB, deployed by Intune (35 of 40); Information Protection 6 of 40 counted too.
    let northwind = &tenant(&r, "northwind")["m365"]["tracks"]["smb"];
    assert_eq!(northwind["protectedUsers"], json!({ "asOf": 72.0, "baseline": 6.0 }));
    assert_eq!(northwind["deployed"], json!({ "asOf": true, "baseline": false }));
    // Modern Work reads the same cells: Intune and Entra ID P1 are its workloads.
    let mw = r["areas"]["modern-work"]["tenants"].as_array().unwrap().iter().find(|t| t["id"] == "contoso").unwrap();
    assert_eq!(mw["tracks"]["enterprise"]["maxPau"]["asOf"], 320.0);
    assert_eq!(r["areas"]["modern-work"]["asOf"], "2025-10");
}

#[test]
fn ems_usage_hostile_rows() {
    let text = [
        "SubscriptionId,Month,CustomerTenantId,PartnerAttachType,FreeVsPaidSKU,AADPPaidAvailableUnits,AADPMonthlyActiveUsers,IntunePaidAvailableUnits,AzipPaidAvailableUnits,AzipMonthlyActiveUsers,XyzPaidAvailableUnits,XyzMonthlyActiveUsers",
        // A free SKU: ignored, however many seats it names.
        "s1,2025-10-01,t1,CSP Tier 1,Free,5000,5000,5000,0,0,0,0",
        // A bad number: the row is an error naming its column; the others count.
        "s2,2025-10-01,t2,CSP Tier 1,Paid,abc,5,10,0,0,0,0",
        "s3,2025-10-01,t3,CSP Tier 1,Paid,20,10,999,20,1,7,7",
        "s3,2024-10-01,t3,CSP Tier 1,Paid,20,1,999,0,0,0,0",
    ]
    .join("\n");
    let r = score(&[("ems.csv", text)]);
    let errors = r["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0]["kind"].clone(), errors[0]["line"].clone(), errors[0]["column"].clone(), errors[0]["value"].clone()),
        (json!("badNumber"), json!(3), json!("AADPPaidAvailableUnits"), json!("abc"))
    );
    assert_eq!(r["files"][0]["skippedRows"], 1);
    let warning = |kind: &str| {
        let found = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == kind);
        found.unwrap_or_else(|| panic!("no {kind} in {}", r["warnings"]))["message"].as_str().unwrap().to_string()
    };
    assert_eq!(
        warning("freeSkuRows"),
        "1 row(s) are free SKUs (FreeVsPaidSKU Free) and were ignored: only paid licences count."
    );
    let unread = warning("unreadColumns");
    assert!(
        unread.contains("IntunePaidAvailableUnits has no IntuneMonthlyActiveUsers column beside it, so Intune is not read from this file"),
        "{unread}"
    );
    assert!(
        unread.contains("the Xyz columns name no workload the catalogue knows (its EMS prefixes: Intune, AADP, Azip)"),
        "{unread}"
    );
    // t3: Entra ID P1 20 (10 active) and Information Protection 20 (1); Intune's 999 not read.
    let t3 = &tenant(&r, "t3")["m365"]["tracks"]["smb"];
    assert_eq!((t3["maxPau"]["asOf"].clone(), t3["protectedUsers"]["asOf"].clone()), (json!(20.0), json!(11.0)));
    let listed: Vec<&str> =
        security(&r)["tenants"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(listed, ["t3"], "the free row's and the bad row's tenants count nowhere");
}

#[test]
fn a_usage_file_wins_over_ems_usage_in_either_order() {
    let office = format!("{USAGE}\ncontoso,Contoso Ltd,CPOR,Intune,2025-10-01,10,100\n");
    let figures = |r: &Value| tenant(r, "contoso")["m365"]["tracks"]["enterprise"].clone();
    let first = score(&[("usage.csv", office.clone()), ("ems.csv", ems())]);
    let second = score(&[("ems.csv", ems()), ("usage.csv", office)]);
    for r in [&first, &second] {
        // Intune from the usage file (100 paid, 10 active); Entra ID P1 from the EMS file.
        assert_eq!(figures(r)["protectedUsers"]["asOf"], 96.0 + 10.0);
        assert_eq!(r["areas"]["security"]["detail"]["m365"], second["areas"]["security"]["detail"]["m365"]);
    }
    let message = |r: &Value| {
        let found = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "usageOverEms").cloned().unwrap();
        (found["file"].as_str().unwrap().to_string(), found["message"].as_str().unwrap().to_string())
    };
    // Counted where it happened: two EMS rows (two subscriptions) met the usage cell.
    assert_eq!(
        message(&first),
        ("ems.csv".into(), "2 workload figure(s) of this file (tenant, association type, workload and month) were also in a usage file: the usage file's count, these were not added.".into())
    );
    assert_eq!(message(&second).0, "usage.csv");
    assert!(message(&second)
        .1
        .starts_with("1 row(s) give a tenant, association type, workload and month an EMS usage file gave too"));
}

#[test]
fn overlapping_ems_downloads_are_not_added_twice() {
    let later = [EMS, "s3,2025-10-01,Northwind Traders,northwind,CSP Tier 2,Paid,999,999,40,31,40,35,40,6"].join("\n");
    let r = score(&[("ems.csv", ems()), ("ems-again.csv", later)]);
    let northwind = &tenant(&r, "northwind")["m365"]["tracks"]["smb"];
    assert_eq!(northwind["protectedUsers"]["asOf"], 72.0);
    let overlap = r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "overlappingMonths").unwrap();
    assert_eq!(overlap["file"], "ems-again.csv");
}

#[test]
fn tenants_in_band_below_the_ratio_are_hinted_per_workload() {
    let r = score(&[(
        "usage.csv",
        usage(&[
            ("a", "CSP Tier 1", "Defender for Office 365", "2025-10", 2, 40),
            ("b", "CPOR", "Defender for Office 365", "2025-10", 1, 20),
            // Deployed through Intune: no hint however low its other workload.
            ("c", "CPOR", "Defender for Office 365", "2025-10", 0, 20),
            ("c", "CPOR", "Intune", "2025-10", 5, 20),
        ]),
    )]);
    let hints = security(&r)["detail"]["hints"].as_array().unwrap().clone();
    assert_eq!(
        hints[0],
        "SMB: 2 more Microsoft Defender for Office 365 tenants at 15 % active add up to 6.7 points: b Ltd (2 more active users), a Ltd (4 more active users)."
    );
    assert_eq!(hints.len(), 1, "{hints:?}");
}
