//! Recommendations, tenant actions, what-if plans, history and the
//! qualification window (spec sections 7 and 8).

use serde_json::{json, Value};
use spd_score::{Date, Plan, ScoreOptions, Workbook};

const HEADER: &str = "CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\n";

fn book(rows: &str) -> Workbook {
    let mut book = Workbook::default();
    book.add_file("usage.csv", format!("{HEADER}{rows}").as_bytes());
    book
}

fn report(book: &Workbook) -> Value {
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

fn recommendation<'a>(r: &'a Value, track: &str, metric: &str, option: Option<&str>) -> &'a Value {
    r["areas"]["modern-work"]["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["track"] == track && x["metric"] == metric && x["option"].as_str() == option)
        .unwrap_or_else(|| panic!("no recommendation for {track} {metric} {option:?}"))
}

/// The deck's vectors: CSP MAU growth -3599 of 2000 needs 5599 more; net
/// adds -59 of 10 need 69 more.
#[test]
fn deck_recommendation_vectors() {
    let mut rows = String::new();
    // 59 SMB customers a year ago that are gone now, with 3599 MAU between them.
    for i in 0..59 {
        let mau = if i == 0 { 3599.0 - 58.0 * 1.0 } else { 1.0 };
        rows += &format!("Lost{i},CSP Tier1,Teams,Oct-2024,{mau},20\n");
    }
    rows += "Kept,CSP Tier1,Teams,Oct-2025,0,5\n";
    let r = report(&book(&rows));
    let smb = &r["areas"]["modern-work"]["tracks"]["smb"]["metrics"];
    assert_eq!(smb["netCustomerAdds"]["value"], -59);
    assert_eq!(smb["usageGrowth"]["options"]["CSP"]["value"], -3599.0);
    let growth = recommendation(&r, "smb", "usageGrowth", Some("CSP"));
    assert_eq!(growth["needed"], 5599);
    assert_eq!(growth["message"], "SMB: you need 5,599 more qualified CSP MAU growth to achieve 30 points.");
    let adds = recommendation(&r, "smb", "netCustomerAdds", None);
    assert_eq!(adds["needed"], 69);
    assert_eq!(adds["gain"], 20.0);
    // One more advanced-certified person is worth the most on SMB (15 points).
    let top: Vec<&Value> = r["areas"]["modern-work"]["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["track"] == "smb" && x["top"] == true)
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0]["metric"], "advancedCertifications");
    assert_eq!(top[0]["unitGain"], 15.0);
}

fn actions<'a>(r: &'a Value, kind: &str, tenant: &str) -> Vec<&'a Value> {
    r["areas"]["modern-work"]["tenantActions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == kind && a["tenant"] == tenant)
        .collect()
}

#[test]
fn tenant_actions_on_hand_made_data() {
    let r = report(&book(
        "Slow,CSP Tier1,Teams,Oct-2024,8,21\n\
         Slow,CSP Tier1,Teams,Oct-2025,8,21\n\
         Slow,CSP Tier1,Exchange,Oct-2025,2,21\n\
         Small,CSP Tier1,Teams,Oct-2025,5,8\n\
         Gone,CSP Tier1,Teams,Oct-2024,30,40\n",
    ));
    // 8 of 21 is 38.1%: one more active user makes 42.9%.
    let activate = actions(&r, "activateUsers", "Slow");
    assert_eq!(activate.len(), 1);
    assert_eq!(activate[0]["needed"], 1);
    assert_eq!(activate[0]["workload"], "Teams");
    assert_eq!(activate[0]["option"], "CSP");
    // Or drop to 20 seats (8 / 20 = 40%), still in the SMB band.
    assert_eq!(actions(&r, "removeSeats", "Slow")[0]["needed"], 1);
    // 8 paid seats: 3 more make it an SMB customer (11).
    let add = actions(&r, "addSeats", "Small");
    assert_eq!(add[0]["needed"], 3);
    assert_eq!(add[0]["track"], "smb");
    // Net adds are negative (Gone left, Small is not eligible): Gone is named.
    let lost = actions(&r, "lostCustomer", "Gone");
    assert_eq!(lost.len(), 1);
    assert!(lost[0]["message"].as_str().unwrap().contains("has no SMB usage in 2025-10"), "{}", lost[0]);
}

#[test]
fn what_if_adds_customers_and_people_with_deltas() {
    let b = book("Old,CSP Tier1,Teams,Oct-2024,30,40\nOld,CSP Tier1,Teams,Oct-2025,30,40\n");
    let plan: Plan = Plan::from_json(
        &json!({
            "customers": [
                { "association": "CSP Tier 1", "workloads": ["Teams", "Exchange"], "mau": 30, "pau": 50, "count": 2 },
                { "association": "CPOR", "workloads": ["Teams"], "mau": 100, "pau": 200, "existingCustomer": true }
            ],
            "people": [{ "name": "Planned Admin", "certification": "MS-102" }]
        })
        .to_string(),
    )
    .unwrap();
    let sim =
        serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&b.simulate(&plan, &ScoreOptions::default())))
            .unwrap();
    assert_eq!(sim["simulated"], true);
    assert_eq!(sim["problems"], json!([]));
    let smb = &sim["report"]["areas"]["modern-work"]["tracks"]["smb"]["metrics"];
    // Two new CSP customers: +2 net adds (4 points), +120 MAU growth, +2 deployments.
    assert_eq!(smb["netCustomerAdds"]["value"], 2);
    assert_eq!(smb["usageGrowth"]["options"]["CSP"]["value"], 120.0);
    assert_eq!(smb["deployments"]["options"]["CSP"]["value"], 2.0);
    // The existing CPOR customer is not an add, but its 100 MAU are new growth and a new deployment.
    assert_eq!(smb["usageGrowth"]["options"]["CPOR"]["value"], 100.0);
    assert_eq!(smb["deployments"]["options"]["CPOR"]["value"], 1.0);
    assert_eq!(smb["advancedCertifications"]["points"], 15.0);
    let change = &sim["changes"]["smb"];
    assert_eq!(change["totalBefore"], 0.0);
    // 4 (adds) + 15 (advanced) + 6 (CPOR growth 100/500 x 30) + 5 (CPOR deployment) = 30.
    assert_eq!(change["totalAfter"], 30.0);
    assert_eq!(change["totalChange"], 30.0);
    assert_eq!(change["metrics"]["netCustomerAdds"], 4.0);
    assert_eq!(change["statusAfter"], "in_progress");
}

#[test]
fn what_if_removes_tenants_and_reports_bad_plans() {
    let b =
        book("A,CSP Tier1,Teams,Oct-2024,30,40\nA,CSP Tier1,Teams,Oct-2025,30,40\nB,CSP Tier1,Teams,Oct-2025,30,40\n");
    let plan: Plan = Plan::from_json(
        &json!({
            "removeTenants": ["b", "Nope"],
            "customers": [{ "association": "PAL", "workloads": ["Teams"], "mau": 1, "pau": 20 }],
            "people": [{ "name": "X", "certification": "Azure Fundamentals" }]
        })
        .to_string(),
    )
    .unwrap();
    let sim =
        serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&b.simulate(&plan, &ScoreOptions::default())))
            .unwrap();
    assert_eq!(sim["report"]["areas"]["modern-work"]["tracks"]["smb"]["metrics"]["netCustomerAdds"]["value"], 0);
    assert_eq!(sim["changes"]["smb"]["metrics"]["netCustomerAdds"], -2.0);
    let problems = sim["problems"].to_string();
    assert!(problems.contains("Tenant Nope is not in the data"), "{problems}");
    assert!(problems.contains("\\\"PAL\\\" is not a Modern Work association type"), "{problems}");
    assert!(problems.contains("not an eligible certification"), "{problems}");
}

#[test]
fn history_of_a_13_month_export() {
    let mut book = Workbook::default();
    for name in ["cpor-report-13-months.csv", "skilling-people.csv"] {
        let bytes = std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        book.add_file(name, &bytes);
    }
    let options = ScoreOptions { history: true, today: Date::parse("2025-10-20"), ..Default::default() };
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..options.clone() }, false),
    )
    .unwrap();
    let history = r["areas"]["modern-work"]["history"].as_array().unwrap();
    assert_eq!(history.len(), 13);
    assert_eq!(history[0]["month"], "2024-10");
    // Its baseline month 2023-10 is missing: no verdict.
    assert_eq!(history[0]["available"], false);
    assert_eq!(history[0]["status"], "incomplete");
    let last = &history[12];
    assert_eq!(last["month"], "2025-10");
    assert_eq!(last["available"], true);
    assert_eq!(last["track"], "smb");
    assert_eq!(last["total"], 74.0);
    assert_eq!(last["status"], "qualified");
    // Not enrolled, on 20 Oct 2025: May to October, qualified in October.
    let window = &r["areas"]["modern-work"]["window"];
    assert_eq!(window["start"], "2025-05-01");
    assert_eq!(window["end"], "2025-10-20");
    assert_eq!(window["eligible"], true);
    assert_eq!(window["months"].as_array().unwrap().len(), 6);
    assert!(window["message"].as_str().unwrap().contains("Qualified in 2025-10"), "{}", window["message"]);
}

#[test]
fn renewal_window_for_an_enrolled_partner() {
    let b = book("A,CSP Tier1,Teams,Oct-2025,30,40\n");
    let options =
        ScoreOptions { today: Date::parse("2025-11-02"), anniversary: Date::parse("2023-08-15"), ..Default::default() };
    let r = serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&b.report(&options))).unwrap();
    let w = &r["areas"]["modern-work"]["window"];
    assert_eq!(w["enrolled"], true);
    assert_eq!(w["anniversary"], "2026-08-15");
    assert_eq!(w["start"], "2026-03-01");
    assert_eq!(w["end"], "2026-08-31");
    assert_eq!(w["eligible"], false);
    assert!(w["message"].as_str().unwrap().starts_with("Your renewal window opens on 2026-03-01"), "{}", w["message"]);
    assert_eq!(r["areas"]["modern-work"]["history"], Value::Null, "history only when asked for");
}
