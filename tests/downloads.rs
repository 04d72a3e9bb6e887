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
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
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

/// A skilling file scored as of `as_of` (`2026-10`).
fn skilling_as_of(name: &str, text: &str, as_of: &str) -> Value {
    let mut book = Workbook::default();
    book.add_file(name, text.as_bytes());
    let (year, month) = as_of.split_once('-').unwrap();
    let options = ScoreOptions {
        as_of: spd_score::Month::new(year.parse().unwrap(), month.parse().unwrap()),
        ..ScoreOptions::default()
    };
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..options.clone() }, false),
    )
    .unwrap()
}

/// The people counted at a step of an area's SMB skilling metric.
fn step_people(r: &Value, area: &str, metric_id: &str, step: usize) -> Value {
    metric(r, area, "smb", metric_id)["steps"][step]["people"].clone()
}

/// The programmatic TrainingCompletions query: no e-mail, name, expiry or
/// activation column.
const TRAINING_API: &str = "TrainingActivityId,TrainingTitle,TrainingType,AADUserId,TrainingCompletionDate,Month,IcMCP,MCPID,MPNID,PartnerName,PartnerCityLocation,PartnerCountryLocation";

#[test]
fn the_api_training_completions_key_people_by_their_entra_user_id() {
    let rows = [
        // One person, the id once in capitals: the Azure gate and Infrastructure's step 2.
        "a1,Microsoft Certified: Azure Administrator Associate,Certification,7D1E5A20-3B9D-4E26-A0F3-9D2C7B41E806,2026-02-10,2026-10-01,No,,4100001,Fabrikam,London,United Kingdom",
        "a2,Microsoft Certified: Azure Network Engineer Associate,Certification,7d1e5a20-3b9d-4e26-a0f3-9d2c7b41e806,2026-03-10,2026-10-01,No,,4100001,Fabrikam,London,United Kingdom",
        // Keyed by the Entra id, not by the MCPID beside it; the MCPID when the id is empty.
        "a3,SC-500,Certification,c26daf75-0000-4000-8000-000000000001,2026-08-20,2026-10-01,Yes,990123,4100001,Fabrikam,London,United Kingdom",
        "a4,Microsoft Certified: Azure Network Engineer Associate,Certification,,2026-04-01,2026-10-01,Yes,990777,4100001,Fabrikam,London,United Kingdom",
    ];
    let text = csv(TRAINING_API, &rows.map(String::from));
    let r = skilling_as_of("training.csv", &text, "2026-10");
    assert_eq!(r["files"][0]["kind"], "skilling");
    assert_eq!(r["errors"], json!([]));
    assert_eq!(step_people(&r, "infrastructure", "intermediateCertifications", 0), json!(1));
    assert_eq!(step_people(&r, "infrastructure", "intermediateCertifications", 1), json!(2));
    assert_eq!(step_people(&r, "security", "intermediateCertifications", 0), json!(1));
    // People are shown by their id, lower-cased, when there is no name.
    let ids: Vec<&str> = r["people"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["7d1e5a20-3b9d-4e26-a0f3-9d2c7b41e806", "990777", "c26daf75-0000-4000-8000-000000000001"]);
    let names = &metric(&r, "infrastructure", "smb", "intermediateCertifications")["steps"][1]["names"];
    assert_eq!(names, &json!(["7d1e5a20-3b9d-4e26-a0f3-9d2c7b41e806", "990777"]));
    // Without expiry or activation, certifications are taken as active: said once.
    let said: Vec<&Value> = r["warnings"].as_array().unwrap().iter().filter(|w| w["kind"] == "expiryUnknown").collect();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0]["file"], "training.csv");
    assert!(said[0]["message"].as_str().unwrap().starts_with("this skilling file has no expiry or activation column"));
    // A list with its own expiry column (or none of the dataset's columns) is not warned about.
    let dated = "Email,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate\na@x.com,AZ-104,Certification,2026-01-01,2027-01-01\n";
    assert!(!warning_kinds(&skilling_as_of("dated.csv", dated, "2026-10")).contains(&"expiryUnknown".to_string()));
    let simple = "Name,Email,Certification,DateEarned\nA,a@x.com,AZ-104,2026-01-01\n";
    assert!(!warning_kinds(&skilling_as_of("simple.csv", simple, "2026-10")).contains(&"expiryUnknown".to_string()));
}

#[test]
fn an_exam_code_is_its_certification_only_as_the_whole_title() {
    // No TrainingType column: the title alone says what a row is.
    let text = csv(
        "Email,Name,Certification,DateEarned",
        &[
            "kai@x.com,Kai,AB-410,2026-09-01",
            "kai@x.com,Kai,AB-210,2026-09-02",
            "lea@x.com,Lea,AB-250,2026-09-03",
            "ray@x.com,Ray,Intelligent Applications Builder Associate (AB-410),2026-09-04",
            "mo@x.com,Mo,AB-100,2026-09-05",
            "oz@x.com,Oz,Exam AB-100: Agentic AI Business Solutions Architect,2026-09-06",
            "nia@x.com,Nia,AB-620,2026-09-07",
            "pia@x.com,Pia,SC-500,2026-09-08",
        ]
        .map(String::from),
    );
    let r = skilling_as_of("skilling.csv", &text, "2026-10");
    let ba = |id: &str| metric(&r, "business-applications", "smb", id)["value"].clone();
    assert_eq!(ba("intermediateCertifications"), json!(3), "Kai once, Lea, Ray");
    assert_eq!(ba("advancedCertifications"), json!(1), "Mo, not Oz");
    assert_eq!(step_people(&r, "security", "intermediateCertifications", 0), json!(1));
    let person = |id: &str| r["people"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let in_area = |id: &str| person(id)["certifications"][0]["areas"][0].clone();
    let oz = in_area("oz@x.com");
    assert_eq!(
        (oz["area"].as_str(), oz["status"].as_str()),
        (Some("business-applications"), Some("not_a_certification"))
    );
    assert!(oz["reason"].as_str().unwrap().starts_with("the title names exam AB-100, not the certification"), "{oz}");
    // AB-620 is on no area's list.
    assert_eq!(person("nia@x.com")["certifications"][0]["areas"], json!([]));
    assert_eq!(person("nia@x.com")["certifications"][0]["status"], "not_on_list");
    // An exam row never counts, whatever its title.
    let exams = "Email,TrainingTitle,TrainingType,TrainingCompletionDate\npia@x.com,SC-500,Exam,2026-09-08\n";
    assert_eq!(
        step_people(&skilling_as_of("exams.csv", exams, "2026-10"), "security", "intermediateCertifications", 0),
        json!(0)
    );
}

#[test]
fn windows_server_hybrid_administrator_counts_through_september_2027() {
    let text = "Email,Certification,DateEarned\nx@x.com,Microsoft Certified: Windows Server Hybrid Administrator Associate,2025-02-01\n";
    for (as_of, people) in [("2026-10", 1), ("2027-09", 1), ("2027-10", 0)] {
        let r = skilling_as_of("skilling.csv", text, as_of);
        assert_eq!(step_people(&r, "infrastructure", "intermediateCertifications", 1), json!(people), "{as_of}");
    }
}

#[test]
fn claim_type_names_are_read_as_their_cpor_sub_types() {
    let header = "FiscalMonthName,PartnerAssociationType,CustomerTenantID,CustomerTenantName,SubscriptionId,Workloads,AdjustedRevenueAmtCD";
    let revenue = csv(
        header,
        &[
            "Oct-2025,CPOR RevRec,span,Span,s0,Sales,0",
            "Oct-2026,Influenced Revenue Recognition,t1,Adatum,s1,Sales,300",
            "Oct-2026,Influenced Revenue Recognition – Non Incentivised,t2,Humongous,s2,Finance,300",
            "Oct-2026,CPOR - Influenced Revenue Recognition,t3,Lucerne,s3,Finance,300",
            // A usage type, and a type for incentives only: no revenue add.
            "Oct-2026,Usage Recognition,t4,Margie,s4,Sales,300",
            "Oct-2026,Build Intent – Advisor (Pre-sales),t5,Trey,s5,Sales,300",
        ]
        .map(String::from),
    );
    let r = score(&[("revenue.csv", revenue)]);
    assert_eq!(metric(&r, "business-applications", "smb", "netCustomerAdds")["value"], json!(3));
    let said = warning(&r, "claimTypeName");
    for read in [
        "\"Influenced Revenue Recognition\" as CPOR RevRec",
        "\"Influenced Revenue Recognition – Non Incentivised\" as CPOR RevRec",
        "\"Usage Recognition\" as CPOR OSU",
    ] {
        assert!(said.contains(read), "{said}");
    }
    assert!(!said.contains("Build Intent"), "{said}");
    let set_aside = r["areas"]["business-applications"]["setAside"].to_string();
    assert!(set_aside.contains("Build Intent"), "{set_aside}");
}

#[test]
fn ems_active_users_without_seats_are_read_and_ignored_with_a_warning() {
    let header = "SubscriptionId,Month,CustomerName,CustomerTenantId,PartnerAttachType,FreeVsPaidSKU,PaidAvailableUnits,MonthlyActiveUsers,AADPPaidAvailableUnits,AADPMonthlyActiveUsers,IntunePaidAvailableUnits,IntuneMonthlyActiveUsers,AzipPaidAvailableUnits,AzipMonthlyActiveUsers";
    let rows = [
        "s1,2025-10-01,Northwind Traders,northwind,CSP Tier 2,Paid,40,35,40,31,40,35,40,6",
        "s1,2024-10-01,Northwind Traders,northwind,CSP Tier 2,Paid,40,2,40,2,40,2,40,2",
    ];
    let without = score(&[("ems.csv", csv(header, &rows.map(String::from)))]);
    // The same download with Defender for Identity's and Defender for Cloud
    // Apps' active users (no paid units: 40 paid would make 38 protected users).
    let rows = rows.map(|r| format!("{r},38,12"));
    let with = score(&[("ems.csv", csv(&format!("{header},AATPActiveUsage,MCASActiveUsage"), &rows))]);
    assert_eq!(with["areas"]["security"]["tracks"], without["areas"]["security"]["tracks"]);
    assert_eq!(with["areas"]["modern-work"]["tracks"], without["areas"]["modern-work"]["tracks"]);
    assert_eq!(with["errors"], json!([]));
    let said = warning(&with, "emsWorkloadWithoutSeats");
    assert!(
        said.starts_with("AATPActiveUsage and MCASActiveUsage give monthly active users with no paid-units column"),
        "{said}"
    );
    assert!(said.contains("Defender for Identity counts only from a usage export"), "{said}");
    assert_eq!(warning_kinds(&with).iter().filter(|k| *k == "emsWorkloadWithoutSeats").count(), 1);
    assert!(!warning_kinds(&without).contains(&"emsWorkloadWithoutSeats".to_string()));
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/areas").join(name))
        .unwrap()
}

#[test]
fn a_licence_usage_and_an_ms_learn_download_are_refused_beside_good_files() {
    let good = ["bizapps-claims-revenue.csv", "bizapps-claims-usage.csv", "skilling-fy27.csv"];
    fn files<'a>(names: &[&'a str]) -> Vec<(&'a str, String)> {
        names.iter().map(|n| (*n, fixture(n))).collect()
    }
    let alone = score(&files(&good));
    let mut all = good.to_vec();
    all.splice(2..2, ["dynamics-licence-usage.csv", "mslearn.csv"]);
    let r = score(&files(&all));
    // The good files score as if the other two were not there.
    assert_eq!(r["areas"], alone["areas"]);
    assert_eq!(r["overview"], alone["overview"]);
    assert_eq!(r["warnings"], alone["warnings"]);
    let file = |name: &str| r["files"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    for (name, kind, instead) in [
        (
            "dynamics-licence-usage.csv",
            "bizappsLicenceUsage",
            "download the Business applications revenue and usage reports instead",
        ),
        (
            "mslearn.csv",
            "msLearn",
            "download the Trainings, exams and certifications report (TrainingCompletions) instead",
        ),
    ] {
        assert_eq!((file(name)["kind"].as_str(), file(name)["rows"].as_u64()), (Some(kind), Some(0)), "{name}");
        let errors: Vec<&Value> = r["errors"].as_array().unwrap().iter().filter(|e| e["file"] == name).collect();
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert_eq!((errors[0]["kind"].as_str(), &errors[0]["line"]), (Some("unscoredDownload"), &Value::Null));
        assert!(errors[0]["message"].as_str().unwrap().contains(instead), "{}", errors[0]["message"]);
    }
}

#[test]
fn a_refused_download_is_recognised_under_a_title_and_in_small_chunks() {
    let text = format!("Dynamics 365 usage, October 2026\n\n{}", fixture("dynamics-licence-usage.csv"));
    let mut book = Workbook::default();
    book.begin_file("licences.csv");
    for chunk in text.as_bytes().chunks(7) {
        book.push(chunk);
    }
    book.end_file();
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    assert_eq!(r["files"][0]["kind"], "bizappsLicenceUsage");
    assert_eq!(r["errors"].as_array().unwrap().len(), 1, "{}", r["errors"]);
    assert_eq!(r["errors"][0]["kind"], "unscoredDownload");
    // A header no layout knows says what each layout looks for.
    let r = score(&[("other.csv", "Foo,Bar\n1,2\n".to_string())]);
    assert_eq!(r["errors"][0]["kind"], "unknownHeader");
    assert!(r["errors"][0]["message"].as_str().unwrap().contains("Columns each layout looks for"));
}
