//! Every rule boundary of spec/modern-work.md, and its official examples,
//! on small hand-made exports.

use serde_json::Value;
use spd_score::{Ruleset, RulesetData, ScoreOptions, Workbook};

const HEADER: &str = "CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\n";
const NOW: &str = "Oct-2025";
const THEN: &str = "Oct-2024";

/// An export built row by row.
#[derive(Default)]
struct Export(String);

impl Export {
    fn row(mut self, tenant: &str, association: &str, workload: &str, month: &str, mau: f64, pau: f64) -> Self {
        self.0 += &format!("{tenant},{association},{workload},{month},{mau:.2},{pau:.2}\n");
        self
    }
    /// A tenant present in both months with the same usage (changes nothing).
    fn steady(self, tenant: &str, association: &str, mau: f64, pau: f64) -> Self {
        self.row(tenant, association, "Teams", THEN, mau, pau).row(tenant, association, "Teams", NOW, mau, pau)
    }
    fn report_with(&self, people: &[(&str, &str)]) -> Value {
        let mut book = Workbook::default();
        book.add_file("usage.csv", format!("{HEADER}{}", self.0).as_bytes());
        if !people.is_empty() {
            let mut csv = String::from("Email,Certification\n");
            for (email, cert) in people {
                csv += &format!("{email},{cert}\n");
            }
            book.add_file("people.csv", csv.as_bytes());
        }
        serde_json::from_str::<serde_json::Value>(
            &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
        )
        .unwrap()
    }
    fn report(&self) -> Value {
        self.report_with(&[])
    }
}

fn metric<'a>(r: &'a Value, track: &str, metric: &str) -> &'a Value {
    &r["areas"]["modern-work"]["tracks"][track]["metrics"][metric]
}

fn tenant<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["areas"]["modern-work"]["tenants"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap()
}

#[test]
fn size_bands_10_11_300_301() {
    let r = Export::default()
        .row("P10", "CSP Tier1", "Teams", NOW, 5.0, 10.0)
        .row("P11", "CSP Tier1", "Teams", NOW, 5.0, 11.0)
        .row("P300", "CPOR", "Teams", NOW, 5.0, 300.0)
        .row("P301", "CPOR", "Teams", NOW, 5.0, 301.0)
        .row("X", "CPOR", "Teams", THEN, 0.0, 0.0)
        .report();
    let eligible = |id: &str, track: &str| tenant(&r, id)["tracks"][track]["eligible"]["asOf"].as_bool().unwrap();
    assert_eq!([eligible("P10", "smb"), eligible("P10", "enterprise")], [false, false]);
    assert_eq!([eligible("P11", "smb"), eligible("P11", "enterprise")], [true, false]);
    assert_eq!([eligible("P300", "smb"), eligible("P300", "enterprise")], [true, false]);
    assert_eq!([eligible("P301", "smb"), eligible("P301", "enterprise")], [false, true]);
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 2);
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds")["value"], 1);
    // Contributions are told per track too.
    let p11 = &tenant(&r, "P11")["tracks"];
    assert_eq!(
        (p11["smb"]["contributes"].as_bool(), p11["enterprise"]["contributes"].as_bool()),
        (Some(true), Some(false))
    );
}

#[test]
fn a_tenant_can_be_eligible_on_both_tracks() {
    let r = Export::default()
        .row("Both", "CPOR", "Teams", NOW, 5.0, 50.0)
        .row("Both", "CPOR", "Exchange", NOW, 5.0, 500.0)
        .row("X", "CPOR", "Teams", THEN, 0.0, 0.0)
        .report();
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 1);
    assert_eq!(metric(&r, "enterprise", "netCustomerAdds")["value"], 1);
}

#[test]
fn deployment_ratio_39_99_and_40_percent() {
    let r = Export::default()
        .row("Below", "CSP Tier1", "Teams", NOW, 39.99, 100.0)
        .row("At", "CSP Tier1", "Teams", NOW, 40.0, 100.0)
        // Forum example: 9 active of 21 paid deploys, 8 of 21 does not.
        .row("Nine", "CSP Tier1", "Teams", NOW, 9.0, 21.0)
        .row("Eight", "CSP Tier1", "Teams", NOW, 8.0, 21.0)
        .row("Over", "CSP Tier1", "Teams", NOW, 30.0, 21.0)
        .row("X", "CSP Tier1", "Teams", THEN, 0.0, 0.0)
        .report();
    let deployed = |id: &str| tenant(&r, id)["tracks"]["smb"]["options"]["CSP"]["asOf"]["deployed"].as_bool().unwrap();
    assert!(!deployed("Below"));
    assert!(deployed("At"));
    assert!(deployed("Nine"));
    assert!(!deployed("Eight"));
    assert!(deployed("Over"), "MAU above PAU is legitimate");
    assert_eq!(metric(&r, "smb", "deployments")["options"]["CSP"]["value"], 3.0);
    assert_eq!(metric(&r, "smb", "deployments")["points"], 7.5);
}

/// Section 5.3: Enterprise DPOR +2,000 (15) and CPOR +1,500 (45, capped) give 30.
#[test]
fn official_usage_growth_example_enterprise() {
    let r = Export::default()
        .row("D", "DPOR", "Teams", THEN, 1000.0, 5000.0)
        .row("D", "DPOR", "Teams", NOW, 3000.0, 5000.0)
        .row("C", "CPOR", "Teams", THEN, 500.0, 4000.0)
        .row("C", "CPOR", "Teams", NOW, 2000.0, 4000.0)
        .report();
    let growth = metric(&r, "enterprise", "usageGrowth");
    assert_eq!(growth["options"]["DPOR"]["value"], 2000.0);
    assert_eq!(growth["options"]["DPOR"]["points"], 15.0);
    assert_eq!(growth["options"]["CPOR"]["value"], 1500.0);
    assert_eq!(growth["options"]["CPOR"]["points"], 30.0);
    assert_eq!(growth["points"], 30.0);
    assert_eq!(growth["bestOption"], "CPOR");
}

/// Section 5.3: SMB CSP +1,000 (15) and CPOR +1,000 (60, capped) give 30.
#[test]
fn official_usage_growth_example_smb() {
    let r = Export::default()
        .row("S", "CSP Tier 2", "Teams", THEN, 100.0, 250.0)
        .row("S", "CSP Tier 2", "Exchange", NOW, 1100.0, 250.0)
        .row("C", "CPOR", "Teams", THEN, 0.0, 200.0)
        .row("C", "CPOR", "Teams", NOW, 1000.0, 200.0)
        .report();
    let growth = metric(&r, "smb", "usageGrowth");
    assert_eq!(growth["options"]["CSP"]["value"], 1000.0);
    assert_eq!(growth["options"]["CSP"]["points"], 15.0);
    assert_eq!(growth["options"]["CPOR"]["points"], 30.0);
    assert_eq!(growth["points"], 30.0);
}

/// Adds `n` tenants deployed in the as-of month only, under `association`.
fn deployed(mut e: Export, prefix: &str, association: &str, n: usize, pau: f64) -> Export {
    for i in 0..n {
        e = e.row(&format!("{prefix}{i}"), association, "Teams", NOW, pau, pau);
    }
    e.row("Base", association, "Teams", THEN, 0.0, 0.0)
}

/// Section 5.4: Enterprise DPOR 4 (10) vs CPOR 3 (15) gives 15.
#[test]
fn official_deployment_example_enterprise() {
    let e = deployed(deployed(Export::default(), "D", "DPOR", 4, 400.0), "C", "CPOR", 3, 400.0);
    let r = e.report();
    let d = metric(&r, "enterprise", "deployments");
    assert_eq!(d["options"]["DPOR"]["points"], 10.0);
    assert_eq!(d["options"]["CPOR"]["points"], 15.0);
    assert_eq!(d["points"], 15.0);
}

/// Section 5.4: SMB CSP 4 (10) vs CPOR 4 (20) gives 20.
#[test]
fn official_deployment_example_smb() {
    let e = deployed(deployed(Export::default(), "S", "CSP Tier1", 4, 50.0), "C", "CPOR", 4, 50.0);
    let r = e.report();
    let d = metric(&r, "smb", "deployments");
    assert_eq!(d["options"]["CSP"]["points"], 10.0);
    assert_eq!(d["options"]["CPOR"]["points"], 20.0);
    assert_eq!(d["points"], 20.0);
}

const FOUR_INTERMEDIATE_ONE_ADVANCED: [(&str, &str); 5] = [
    ("a@x.com", "MS-700"),
    ("b@x.com", "SC-300"),
    ("c@x.com", "MD-102"),
    ("d@x.com", "Microsoft 365 Fundamentals"),
    ("e@x.com", "MS-102"),
];

/// Enterprise: 5 new deployed customers (20 + 25 points), and one steady
/// customer whose usage falls by `fall`, so that growth is 800 - fall.
fn enterprise_near_70(fall: f64) -> Value {
    let mut e = Export::default();
    for i in 0..5 {
        e = e.row(&format!("New{i}"), "CPOR", "Teams", NOW, 160.0, 400.0);
    }
    e.row("Old", "CPOR", "Teams", THEN, 1000.0, 3000.0)
        .row("Old", "CPOR", "Teams", NOW, 1000.0 - fall, 3000.0)
        .report_with(&FOUR_INTERMEDIATE_ONE_ADVANCED)
}

#[test]
fn total_70_with_every_metric_qualifies() {
    // Growth 250 of 1000 = 7.5; 20 + 10 + 7.5 + 7.5 + 25 = 70.
    let r = enterprise_near_70(550.0);
    let t = &r["areas"]["modern-work"]["tracks"]["enterprise"];
    assert_eq!(metric(&r, "enterprise", "usageGrowth")["points"], 7.5);
    assert_eq!(t["total"], 70.0);
    assert_eq!(t["status"], "qualified");
    assert_eq!(r["areas"]["modern-work"]["status"], "qualified");
    assert_eq!(r["areas"]["modern-work"]["track"], "enterprise");
}

#[test]
fn total_just_below_70_is_in_progress() {
    // Growth 249.67: 7.4901 points, total 69.9901, which must not round up.
    let r = enterprise_near_70(550.33);
    let t = &r["areas"]["modern-work"]["tracks"]["enterprise"];
    assert_eq!(t["total"], 69.9901);
    assert_eq!(t["status"], "in_progress");
}

#[test]
fn total_70_with_a_zero_metric_is_partial() {
    // Full skilling and growth 0: 20 + 10 + 15 + 0 + 25 = 70 with one metric at zero.
    let mut people = FOUR_INTERMEDIATE_ONE_ADVANCED.to_vec();
    people.push(("f@x.com", "MS-102"));
    let mut e = Export::default();
    for i in 0..5 {
        e = e.row(&format!("New{i}"), "CPOR", "Teams", NOW, 160.0, 400.0);
    }
    let r = e
        .row("Old", "CPOR", "Teams", THEN, 1000.0, 3000.0)
        .row("Old", "CPOR", "Teams", NOW, 200.0, 3000.0)
        .report_with(&people);
    let t = &r["areas"]["modern-work"]["tracks"]["enterprise"];
    assert_eq!(metric(&r, "enterprise", "usageGrowth")["points"], 0.0);
    assert_eq!(t["total"], 70.0);
    assert_eq!(t["status"], "partial");
}

#[test]
fn negative_nets_are_values_with_zero_points() {
    let r = Export::default()
        .row("Gone1", "CSP Tier1", "Teams", THEN, 40.0, 50.0)
        .row("Gone2", "CSP Tier1", "Teams", THEN, 40.0, 50.0)
        .row("Shrunk", "CSP Tier1", "Teams", THEN, 40.0, 50.0)
        .row("Shrunk", "CSP Tier1", "Teams", NOW, 2.0, 5.0)
        .report();
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], -3);
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["points"], 0.0);
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], -120.0);
    assert_eq!(metric(&r, "smb", "deployments")["options"]["CSP"]["value"], -3.0);
    assert_eq!(tenant(&r, "Gone1")["tracks"]["smb"]["netAdd"], -1);
    assert!(r["areas"]["modern-work"]["assumptions"].as_array().unwrap().iter().any(|a| a["id"] == "negative-nets"));
}

#[test]
fn unconfirmed_workloads_are_an_assumption_only_when_used() {
    // A ruleset may mark a workload Microsoft has not confirmed: it counts, and says so.
    let mut data = RulesetData::clone(&Ruleset::modern_work().data);
    data.workloads.iter_mut().filter(|w| w.id == "Windows 365").for_each(|w| w.confirmed = false);
    let ruleset = Ruleset::new(data).unwrap();
    let report = |export: &Export| {
        let mut book = Workbook::new(ruleset.clone());
        book.add_file("usage.csv", format!("{HEADER}{}", export.0).as_bytes());
        serde_json::from_str::<serde_json::Value>(
            &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
        )
        .unwrap()
    };
    let assumed = |r: &Value| {
        r["areas"]["modern-work"]["assumptions"].as_array().unwrap().iter().any(|a| a["id"] == "unconfirmed-workloads")
    };
    assert!(!assumed(&report(&Export::default().steady("T", "CSP Tier1", 20.0, 30.0))));
    let with = report(&Export::default().steady("T", "CSP Tier1", 20.0, 30.0).row(
        "C",
        "CSP Tier1",
        "Windows 365",
        NOW,
        15.0,
        20.0,
    ));
    assert!(assumed(&with));
    assert_eq!(metric(&with, "smb", "netCustomerAdds")["value"], 1);
}

/// 2026: a tenant grown from the SMB band into the Enterprise band keeps
/// counting on SMB when it was in the SMB band a year earlier.
#[test]
fn smb_carry_over_needs_the_month_a_year_earlier() {
    const TWO_YEARS_AGO: &str = "Oct-2023";
    // In the SMB band a year ago, Enterprise-sized now: SMB-eligible in M by the carry-over.
    let r = Export::default()
        .row("Grown", "CSP Tier1", "Exchange Online", THEN, 100.0, 250.0)
        .row("Grown", "CSP Tier1", "Exchange Online", NOW, 200.0, 420.0)
        .report();
    let smb = &tenant(&r, "Grown")["tracks"]["smb"];
    assert_eq!((smb["eligible"]["asOf"].clone(), smb["carriedOver"]["asOf"].clone()), (true.into(), true.into()));
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 0);
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], 100.0);
    // CSP is not an Enterprise association: the tenant never counts there.
    assert_eq!(tenant(&r, "Grown")["tracks"]["enterprise"]["eligible"]["asOf"], false);
    assert!(r["areas"]["modern-work"]["assumptions"].to_string().contains("smb-carry-over"));

    // Enterprise-sized in both months, no data two years ago: no carry-over in either month.
    let r = Export::default()
        .row("Big", "CPOR", "Exchange Online", THEN, 100.0, 400.0)
        .row("Big", "CPOR", "Exchange Online", NOW, 200.0, 420.0)
        .report();
    let smb = &tenant(&r, "Big")["tracks"]["smb"];
    assert_eq!(smb["eligible"]["asOf"], false, "M-12 is Enterprise-sized");
    assert_eq!(smb["eligible"]["baseline"], false, "no data for B-12");
    assert!(!r["areas"]["modern-work"]["assumptions"].to_string().contains("smb-carry-over"));

    // The same, with the month two years ago in the SMB band: the baseline carries over.
    let r = Export::default()
        .row("Big", "CPOR", "Exchange Online", TWO_YEARS_AGO, 100.0, 200.0)
        .row("Big", "CPOR", "Exchange Online", THEN, 100.0, 400.0)
        .row("Big", "CPOR", "Exchange Online", NOW, 200.0, 420.0)
        .report();
    let smb = &tenant(&r, "Big")["tracks"]["smb"];
    assert_eq!((smb["eligible"]["asOf"].clone(), smb["eligible"]["baseline"].clone()), (false.into(), true.into()));
    assert_eq!(smb["carriedOver"]["baseline"], true);
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], -1);
}

/// Teams Premium is on the usage growth and deployments list only.
#[test]
fn teams_premium_counts_for_customer_success_not_customer_adds() {
    let r = Export::default()
        .row("Premium", "CSP Tier1", "Teams Premium", THEN, 10.0, 50.0)
        .row("Premium", "CSP Tier1", "Teams Premium", NOW, 40.0, 50.0)
        .report();
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 0);
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], 30.0);
    assert_eq!(metric(&r, "smb", "deployments")["options"]["CSP"]["value"], 1.0);
    let smb = &tenant(&r, "Premium")["tracks"]["smb"];
    assert_eq!(smb["eligible"]["asOf"], false);
    assert_eq!(smb["serves"]["asOf"], true);
    // Beside an eligible workload the tenant is a customer too; Premium's MAU still counts.
    let r = Export::default()
        .row("Other", "DPOR", "Teams", THEN, 5.0, 20.0)
        .row("Both", "CSP Tier1", "Teams", NOW, 5.0, 20.0)
        .row("Both", "CSP Tier1", "Teams Premium", NOW, 40.0, 50.0)
        .report();
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 1);
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], 45.0);
}

/// Scores one skilling list against usage ending in `as_of` (`Mon-YYYY`).
fn people_as_of(as_of: &str, skilling: &str) -> Value {
    let mut book = Workbook::default();
    // Months after the clock's are errors unless today is after them.
    book.set_today(spd_score::Month::new(2099, 12).unwrap());
    let usage = Export::default().row("T", "CSP Tier1", "Teams", as_of, 1.0, 20.0);
    book.add_file("usage.csv", format!("{HEADER}{}", usage.0).as_bytes());
    book.add_file("people.csv", skilling.as_bytes());
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

fn first_certification(r: &Value) -> (String, String) {
    let c = &r["people"][0]["certifications"][0];
    (c["status"].as_str().unwrap().to_string(), c["reason"].as_str().unwrap().to_string())
}

/// MS-900 is eligible through 2027-03-31: it counts in March 2027, not in April.
#[test]
fn eligible_through_boundaries() {
    let skilling = "Email,Certification,DateEarned\na@x.com,Microsoft 365 Fundamentals,2024-01-10\n";
    for (month, counts) in [("Feb-2027", true), ("Mar-2027", true), ("Apr-2027", false)] {
        let r = people_as_of(month, skilling);
        assert_eq!(r["people"][0]["intermediate"], counts, "{month}");
        assert_eq!(metric(&r, "smb", "intermediateCertifications")["value"], i64::from(counts), "{month}");
        let (status, reason) = first_certification(&r);
        if counts {
            assert_eq!(status, "counted");
            assert!(reason.contains("eligible through 2027-03-31"), "{reason}");
        } else {
            assert_eq!(status, "past_eligible_through");
            assert_eq!(reason, "retired: eligible through 2027-03-31, before the as-of month 2027-04");
        }
    }
    assert_eq!(r_date(&people_as_of("Oct-2025", skilling)), "2027-03-31");
}

fn r_date(r: &Value) -> String {
    r["people"][0]["certifications"][0]["eligibleThrough"].as_str().unwrap().to_string()
}

/// Every way a certification fails to count, each with its reason.
#[test]
fn each_way_a_certification_fails_to_count() {
    let cases = [
        (
            "Certification,2025-01-01,2026-01-01,Active",
            "Microsoft 365 Certified: Teams Administrator Associate",
            "counted",
        ),
        (
            "Certification,2023-01-01,2025-09-30,Active",
            "Microsoft 365 Certified: Teams Administrator Associate",
            "expired",
        ),
        (
            "Certification,2023-01-01,2025-10-15,Active",
            "Microsoft 365 Certified: Teams Administrator Associate",
            "counted",
        ),
        (
            "Certification,2025-11-02,,Active",
            "Microsoft 365 Certified: Teams Administrator Associate",
            "not_yet_earned",
        ),
        ("Certification,2025-10-31,,Active", "Microsoft 365 Certified: Teams Administrator Associate", "counted"),
        ("Certification,2024-01-01,,Active", "Microsoft 365 Certified: Messaging Administrator Associate", "dropped"),
        ("Certification,2024-01-01,,Active", "Microsoft Certified: Azure Administrator Associate", "not_on_list"),
        ("Exam,2025-01-01,,Active", "MS-700", "not_a_certification"),
        (
            "Certification,2025-01-01,2026-06-01,Expired",
            "Microsoft 365 Certified: Teams Administrator Associate",
            "inactive",
        ),
    ];
    for (fields, title, expected) in cases {
        let skilling = format!(
            "Email,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate,ActivationStatus\na@x.com,{title},{fields}\n"
        );
        let r = people_as_of(NOW, &skilling);
        let (status, reason) = first_certification(&r);
        assert_eq!(status, expected, "{fields} {title}: {reason}");
        assert_eq!(r["people"][0]["intermediate"], expected == "counted", "{fields}");
        assert!(!reason.is_empty());
    }
}

/// TrainingCompletions repeats a person's certification every reporting
/// month: it counts once, with the latest row's dates.
#[test]
fn repeated_reporting_months_count_once_with_the_latest_dates() {
    let skilling = "Email,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month\n\
        a@x.com,MS-700,Certification,2023-01-01,2025-09-01,Active,2025-08-01\n\
        A@x.com,Microsoft 365 Certified: Teams Administrator Associate,Certification,2025-08-20,2026-08-20,Active,2025-10-01\n\
        a@x.com,MS-700,Certification,2023-01-01,2025-09-01,Active,2025-09-01\n";
    let r = people_as_of(NOW, skilling);
    let certifications = r["people"][0]["certifications"].as_array().unwrap();
    assert_eq!(certifications.len(), 1);
    assert_eq!(certifications[0]["expires"], "2026-08-20");
    assert_eq!(certifications[0]["status"], "counted");
    assert_eq!(metric(&r, "enterprise", "intermediateCertifications")["value"], 1);
}

/// Office usage: rows flagged IsDuplicateRowForPGA repeat another
/// location's; the unflagged row counts, a flagged row alone is kept.
#[test]
fn pga_duplicate_rows() {
    let csv = "CustomerTenantId,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,MPNId,PartnerAttributionType,IsDuplicateRowForPGA\n\
        t1,Exchange Online,2025-10-01,250,190,1,CSP Tier 1,1\n\
        t1,Exchange Online,2025-10-01,250,200,1,CSP Tier 1,0\n\
        t1,Exchange Online,2025-10-01,250,190,2,CSP Tier 1,1\n\
        t2,Teams,2025-10-01,40,30,2,CPOR,1\n\
        t2,Teams,2024-10-01,40,10,2,CPOR,1\n";
    let mut book = Workbook::default();
    book.add_file("office.csv", csv.as_bytes());
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    assert_eq!(r["files"][0]["pgaDuplicateRows"], 2);
    assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{}", r["errors"]);
    // t1 counts once, with the unflagged row's 200 MAU; t2's flagged rows stand alone and count.
    assert_eq!(tenant(&r, "t1")["tracks"]["smb"]["options"]["CSP"]["asOf"]["mau"], 200.0);
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CPOR"]["value"], 20.0);
    assert!(r["warnings"].to_string().contains("IsDuplicateRowForPGA"));
}

#[test]
fn duplicate_rows_count_once_and_conflicts_are_reported() {
    let r = Export::default()
        .row("T", "CSP Tier1", "Teams", THEN, 10.0, 20.0)
        .row("T", "CSP Tier1", "Teams", NOW, 30.0, 40.0)
        .row("T", "CSP Tier1", "Teams", NOW, 30.0, 40.0)
        .row("T", "CSP Tier 1", "Teams", NOW, 31.0, 40.0)
        .report();
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], 20.0);
    assert_eq!(r["files"][0]["duplicateRows"], 1);
    assert_eq!(r["files"][0]["skippedRows"], 1);
    let error = &r["errors"][0];
    assert_eq!(error["line"], 5);
    assert!(error["message"].as_str().unwrap().contains("conflicting duplicate"), "{error}");
}

#[test]
fn missing_baseline_month_makes_customer_metrics_unknown() {
    let r = Export::default().row("T", "CSP Tier1", "Teams", NOW, 30.0, 40.0).report_with(&[("a@x.com", "MS-102")]);
    for m in ["netCustomerAdds", "usageGrowth", "deployments"] {
        assert_eq!(metric(&r, "smb", m)["points"], Value::Null, "{m}");
    }
    assert_eq!(metric(&r, "smb", "advancedCertifications")["points"], 15.0);
    assert_eq!(r["areas"]["modern-work"]["tracks"]["smb"]["total"], 15.0);
    assert_eq!(r["areas"]["modern-work"]["tracks"]["smb"]["complete"], false);
    let warnings = r["warnings"].to_string();
    assert!(warnings.contains("2024-10"), "{warnings}");
}

#[test]
fn association_date_after_baseline_moves_the_growth_baseline() {
    let csv = "CustomerTenantId,PartnerAttributionType,WorkloadName,Date,MonthlyActiveUsers,PaidAvailableUnits,DateAssociated\n\
        A,CPOR,Teams,2024-10-01,500,600,2025-03-15\n\
        A,CPOR,Teams,2025-03-01,800,600,2025-03-15\n\
        A,CPOR,Teams,2025-10-01,900,600,2025-03-15\n\
        B,CPOR,Teams,2025-10-01,400,600,2025-06-01\n";
    let mut book = Workbook::default();
    book.add_file("cpor.csv", csv.as_bytes());
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    // A grows from its association month (800), B has no data then and is left out.
    assert_eq!(metric(&r, "enterprise", "usageGrowth")["options"]["CPOR"]["value"], 100.0);
    assert_eq!(tenant(&r, "B")["tracks"]["enterprise"]["options"]["CPOR"]["growth"], Value::Null);
    assert!(r["warnings"].to_string().contains("left out"));
}

#[test]
fn as_of_month_can_be_chosen() {
    let e = Export::default()
        .steady("T", "CSP Tier1", 10.0, 20.0)
        .row("T", "CSP Tier1", "Teams", "Sep-2024", 5.0, 20.0)
        .row("T", "CSP Tier1", "Teams", "Sep-2025", 15.0, 20.0);
    let mut book = Workbook::default();
    book.add_file("u.csv", format!("{HEADER}{}", e.0).as_bytes());
    let options = ScoreOptions { as_of: spd_score::Month::parse_iso("2025-09"), ..Default::default() };
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..options.clone() }, false),
    )
    .unwrap();
    assert_eq!(r["areas"]["modern-work"]["asOf"], "2025-09");
    assert_eq!(r["areas"]["modern-work"]["baseline"], "2024-09");
    assert_eq!(metric(&r, "smb", "usageGrowth")["options"]["CSP"]["value"], 10.0);
}

#[test]
fn recommendations_follow_the_deck() {
    // One CSP deployment held of ten needed: 9 more for the remaining 22.5 points.
    let r = deployed(Export::default(), "S", "CSP Tier1", 1, 50.0).report();
    let recs = r["areas"]["modern-work"]["recommendations"].as_array().unwrap();
    let csp = recs
        .iter()
        .find(|x| x["track"] == "smb" && x["metric"] == "deployments" && x["option"] == "CSP")
        .expect("a CSP deployment recommendation");
    assert_eq!(csp["needed"], 9);
    assert_eq!(csp["gain"], 22.5);
    assert_eq!(csp["message"], "SMB: you need 9 more qualified CSP deployments to achieve 22.5 points.");
}

#[test]
fn tenant_limit_keeps_contributing_tenants_first() {
    let e = Export::default()
        .steady("Steady1", "CSP Tier1", 10.0, 20.0)
        .steady("Steady2", "CSP Tier1", 10.0, 20.0)
        .row("New", "CSP Tier1", "Teams", NOW, 10.0, 20.0);
    let mut book = Workbook::default();
    book.add_file("u.csv", format!("{HEADER}{}", e.0).as_bytes());
    let options = ScoreOptions { tenant_limit: Some(1), ..Default::default() };
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..options.clone() }, false),
    )
    .unwrap();
    assert_eq!(r["areas"]["modern-work"]["lists"]["tenants"], 3);
    assert_eq!(r["areas"]["modern-work"]["tenants"].as_array().unwrap().len(), 1);
    assert_eq!(r["areas"]["modern-work"]["tenants"][0]["id"], "New");
    // The metrics still count every tenant.
    assert_eq!(metric(&r, "smb", "netCustomerAdds")["value"], 1);
}
