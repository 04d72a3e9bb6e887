//! Lists on demand (spec/report.md, "Lists on demand"): `Workbook::rows`
//! filters, sorts and pages each list as the report counts it, and the full
//! report holds the same rows inline.

use serde_json::Value;
use spd_score::{DetailLevel, RowsErrorKind, RowsQuery, ScoreOptions, Workbook};
use std::path::Path;

fn book(files: &[&str]) -> Workbook {
    let mut book = Workbook::default();
    for name in files {
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap();
        book.add_file(name, &bytes);
    }
    book
}

fn query(list: &str, area: &str) -> RowsQuery {
    RowsQuery { list: list.into(), area: Some(area.into()).filter(|a: &String| !a.is_empty()), ..RowsQuery::default() }
}

/// The rows of a query as JSON values, and the total.
fn rows(book: &Workbook, query: &RowsQuery) -> (usize, Vec<Value>) {
    let answer = book.rows(query, &ScoreOptions::default()).unwrap();
    (
        answer.total,
        answer
            .rows
            .iter()
            .map(|r| serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&r)).unwrap())
            .collect(),
    )
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_list_the_report_counts_is_the_full_reports_inline_list() {
    let sets: [&[&str]; 4] = [
        &["mixed-60-tenants.csv", "skilling-people.csv"],
        &["areas/security-m365.csv", "areas/security-azure.csv", "areas/skilling-all-areas.csv"],
        &["areas/azure-usage-24-months.csv"],
        &["areas/bizapps-revenue.csv", "areas/bizapps-usage.csv"],
    ];
    let mut listed = 0;
    for files in sets {
        let book = book(files);
        let full = ScoreOptions { detail: DetailLevel::Full, ..ScoreOptions::default() };
        let report: Value = serde_json::from_str(&book.report_json(&full, false)).unwrap();
        for (id, area) in report["areas"].as_object().unwrap() {
            for (list, count) in area["lists"].as_object().unwrap() {
                let (total, rows) = rows(&book, &query(list, id));
                assert_eq!(total as u64, count.as_u64().unwrap(), "{files:?} {id} {list}");
                assert_eq!(Value::Array(rows), area[list], "{files:?} {id} {list}");
                listed += total;
            }
        }
        let (total, people) = rows(&book, &query("people", ""));
        assert_eq!(
            (total, Value::Array(people)),
            (report["lists"]["people"].as_u64().unwrap() as usize, report["people"].clone())
        );
    }
    assert!(listed > 100, "{listed}");
}

#[test]
fn the_full_report_in_pieces_is_the_full_report_whole_compact_or_pretty() {
    let book = book(&["mixed-60-tenants.csv", "skilling-people.csv"]);
    let full = ScoreOptions { detail: DetailLevel::Full, ..ScoreOptions::default() };
    for pretty in [false, true] {
        let mut pieces: Vec<Vec<u8>> = vec![];
        book.write_report::<()>(&full, None, pretty, 4096, &mut |bytes| {
            pieces.push(bytes.to_vec());
            Ok(())
        })
        .unwrap();
        assert!(pieces.len() > 3, "written in pieces");
        let text = String::from_utf8(pieces.concat()).unwrap();
        assert_eq!(text, book.report_json(&full, pretty));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text.contains("\n  \"areas\": {"), pretty);
        assert_eq!(value["areas"]["modern-work"]["tenants"].as_array().unwrap().len(), 49);
    }
    // The summary is the full report without the lists it holds inline.
    let summary: Value =
        serde_json::from_str::<serde_json::Value>(&spd_score::to_json(&book.report(&ScoreOptions::default()))).unwrap();
    let mut whole: Value = serde_json::from_str(&book.report_json(&full, false)).unwrap();
    whole.as_object_mut().unwrap().remove("people");
    for area in whole["areas"].as_object_mut().unwrap().values_mut() {
        let names: Vec<String> = area["lists"].as_object().unwrap().keys().cloned().collect();
        for name in names {
            area.as_object_mut().unwrap().remove(&name);
        }
    }
    assert_eq!(whole, summary);
}

#[test]
fn search_filters_sort_and_pages_are_answered_by_the_core() {
    let book = book(&["mixed-60-tenants.csv", "skilling-people.csv"]);
    let all = query("tenants", "modern-work");
    let (total, every) = rows(&book, &all);
    assert_eq!((total, every.len()), (49, 49));
    // A page: the same rows as the whole list's slice.
    let (total, page) = rows(&book, &RowsQuery { offset: 10, limit: Some(5), ..all.clone() });
    assert_eq!(total, 49);
    assert_eq!(page, every[10..15]);
    // Past the end: no rows, the total still.
    assert_eq!(rows(&book, &RowsQuery { offset: 100, limit: Some(5), ..all.clone() }), (49, vec![]));
    // Search: case aside, in ids and names.
    let some_id = every[7]["id"].as_str().unwrap().to_string();
    let (total, found) = rows(&book, &RowsQuery { search: Some(some_id.to_uppercase()), ..all.clone() });
    assert!(total >= 1 && ids(&found).contains(&some_id));
    assert!(found.iter().all(|t| t["id"].as_str().unwrap().to_lowercase().contains(&some_id.to_lowercase())
        || t["name"].as_str().unwrap_or_default().to_lowercase().contains(&some_id.to_lowercase())));
    // Contributing on the deciding track (Enterprise here), or on another.
    let contributing = |track: Option<&str>| {
        let q = RowsQuery { only: Some("contributing".into()), track: track.map(String::from), ..all.clone() };
        ids(&rows(&book, &q).1)
    };
    let deciding = book.report(&ScoreOptions::default()).areas.get("modern-work").unwrap().track.clone().unwrap();
    let expected: Vec<String> = every
        .iter()
        .filter(|t| t["tracks"][&deciding]["contributes"] == true)
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!expected.is_empty() && expected.len() < 49);
    assert_eq!(contributing(None), expected);
    let smb: Vec<String> = every
        .iter()
        .filter(|t| t["tracks"]["smb"]["contributes"] == true)
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(contributing(Some("smb")), smb);
    // An association type, exactly.
    let (_, pal) = rows(&book, &RowsQuery { association: Some("CPOR".into()), ..all.clone() });
    assert!(!pal.is_empty() && pal.iter().all(|t| t["associations"].as_array().unwrap().contains(&"CPOR".into())));
    assert!(pal.len() < 49);
    // Sorted by a path, numbers numerically, largest first, ties in the list's order.
    let path = format!("tracks.{deciding}.maxPau.asOf");
    let (_, sorted) = rows(&book, &RowsQuery { sort: Some(path.clone()), descending: true, ..all.clone() });
    let pau = |t: &Value| t["tracks"][&deciding]["maxPau"]["asOf"].as_f64().unwrap();
    let mut expected = every.clone();
    expected.sort_by(|a, b| pau(b).total_cmp(&pau(a)));
    assert_eq!(ids(&sorted), ids(&expected));
    // The first page of that order is its first rows.
    let (_, first) = rows(&book, &RowsQuery { sort: Some(path), descending: true, limit: Some(3), ..all.clone() });
    assert_eq!(first, sorted[..3]);
    // Text case aside; by contribution, the tenants that move the track most first.
    let (_, by_id) = rows(&book, &RowsQuery { sort: Some("id".into()), ..all.clone() });
    let mut expected = ids(&every);
    expected.sort_by_key(|id| id.to_lowercase());
    assert_eq!(ids(&by_id), expected);
    let (_, by_contribution) =
        rows(&book, &RowsQuery { sort: Some("contribution".into()), descending: true, limit: Some(5), ..all.clone() });
    assert!(by_contribution.iter().all(|t| t["tracks"][&deciding]["contributes"] == true));
    // A path no row has: every row, in the list's order.
    assert_eq!(rows(&book, &RowsQuery { sort: Some("nothing.here".into()), ..all }).1, every);
}

#[test]
fn people_across_areas_or_where_a_certification_matters() {
    let book = book(&["areas/skilling-all-areas.csv"]);
    let (total, everyone) = rows(&book, &query("people", ""));
    assert_eq!(total, everyone.len());
    let (_, security) = rows(&book, &query("people", "security"));
    assert!(!security.is_empty() && security.len() < everyone.len());
    assert!(security.iter().all(|p| p["certifications"].as_array().unwrap().iter().any(|c| c["areas"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["area"] == "security"))));
    let (_, counted) = rows(&book, &RowsQuery { only: Some("contributing".into()), ..query("people", "security") });
    assert!(!counted.is_empty() && counted.len() <= security.len());
    let (_, found) = rows(&book, &RowsQuery { search: Some("EXAMPLE.COM".into()), ..query("people", "") });
    assert_eq!(
        found.len(),
        everyone.iter().filter(|p| p["email"].as_str().is_some_and(|e| e.contains("example.com"))).count()
    );
}

#[test]
fn a_query_it_cannot_answer_is_an_error_with_a_kind() {
    let book = book(&["mixed-60-tenants.csv"]);
    let kind = |q: RowsQuery| book.rows(&q, &ScoreOptions::default()).unwrap_err().kind;
    assert_eq!(kind(query("pairs", "modern-work")), RowsErrorKind::UnknownList);
    assert_eq!(kind(query("tenants", "nowhere")), RowsErrorKind::UnknownArea);
    assert_eq!(
        kind(RowsQuery { track: Some("huge".into()), ..query("tenants", "modern-work") }),
        RowsErrorKind::UnknownTrack
    );
    assert_eq!(
        kind(RowsQuery { only: Some("all".into()), ..query("tenants", "modern-work") }),
        RowsErrorKind::BadQuery
    );
    assert_eq!(kind(query("tenants", "")), RowsErrorKind::BadQuery);
    let error = book.rows(&query("pairs", "modern-work"), &ScoreOptions::default()).unwrap_err();
    assert!(error.message.contains("tenants, tenantActions"), "{}", error.message);
    let none = Workbook::with_rulesets(vec![]);
    assert_eq!(none.rows(&query("people", ""), &ScoreOptions::default()).unwrap_err().kind, RowsErrorKind::NoRulesets);
    // Read from JSON as the JavaScript API gives it.
    let read =
        RowsQuery::from_json(r#"{"list":"tenants","area":"modern-work","offset":2,"limit":3,"descending":true}"#);
    assert_eq!(
        read.unwrap(),
        RowsQuery { offset: 2, limit: Some(3), descending: true, ..query("tenants", "modern-work") }
    );
    assert!(RowsQuery::from_json(r#"{"area":"modern-work"}"#).unwrap_err().contains("list"));
}

/// The sort key of a row's value at a dotted path, as the contract says:
/// numbers (and true/false as 1/0) numerically, text case aside, anything
/// else missing (last, whichever the direction).
fn key_at(row: &Value, path: &str) -> Option<Result<f64, String>> {
    let value = path.split('.').try_fold(row, |at, key| at.get(key))?;
    match value {
        Value::Number(n) => n.as_f64().map(Ok),
        Value::Bool(b) => Some(Ok(f64::from(u8::from(*b)))),
        Value::String(s) => Some(Err(s.to_lowercase())),
        _ => None,
    }
}

/// The whole list sorted by `key` (stable: ties in the list's order).
fn sorted_by(rows: &[Value], descending: bool, key: impl Fn(&Value) -> Option<Result<f64, String>>) -> Vec<String> {
    let mut keyed: Vec<_> = rows.iter().map(|r| (key(r), r["id"].as_str().unwrap().to_string())).collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Greater,
        (_, None) => std::cmp::Ordering::Less,
        (Some(a), Some(b)) => {
            let order = match (a, b) {
                (Ok(a), Ok(b)) => a.total_cmp(b),
                (Err(a), Err(b)) => a.cmp(b),
                (Ok(_), Err(_)) => std::cmp::Ordering::Less,
                (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            };
            if descending {
                order.reverse()
            } else {
                order
            }
        }
    });
    keyed.into_iter().map(|(_, id)| id).collect()
}

/// What a tenant moves on a track, from its row: a customer first, then
/// deployments, then growth.
fn contribution(row: &Value, track: &str) -> Option<Result<f64, String>> {
    let part = row["tracks"].get(track)?;
    let options = part["options"].as_object().unwrap();
    let deployments: i64 = options.values().map(|o| o["deployment"].as_i64().unwrap().abs()).sum();
    let growth: f64 = options.values().map(|o| o["growth"].as_f64().unwrap_or(0.0).abs()).sum();
    Some(Ok(part["netAdd"].as_i64().unwrap().abs() as f64 * 1e9 + deployments as f64 * 1e6 + growth))
}

#[test]
fn every_page_of_the_usage_tenants_is_the_whole_list_filtered_sorted_and_cut() {
    let mut checked = 0;
    for files in [&["mixed-60-tenants.csv"][..], &["cpor-report-13-months.csv"], &["seed-sample-usage.csv"]] {
        let book = book(files);
        let all = query("tenants", "modern-work");
        let (_, every) = rows(&book, &all);
        let tracks: Vec<String> =
            every[0]["tracks"].as_object().map(|t| t.keys().cloned().collect()).unwrap_or_default();
        let associations: Vec<String> = (every.iter())
            .flat_map(|t| t["associations"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(!tracks.is_empty() && !associations.is_empty(), "{files:?}");
        let mut paths: Vec<String> = vec!["id".into(), "name".into(), "contributes".into(), "associations".into()];
        for track in &tracks {
            for figure in
                ["eligible.asOf", "serves.baseline", "carriedOver.asOf", "maxPau.asOf", "maxPau.baseline", "netAdd"]
            {
                paths.push(format!("tracks.{track}.{figure}"));
            }
            for association in associations.iter().chain([&"NOPE".to_string()]) {
                for figure in
                    ["asOf.mau", "baseline.mau", "asOf.bestRatio", "baseline.deployed", "growth", "deployment"]
                {
                    paths.push(format!("tracks.{track}.options.{association}.{figure}"));
                }
            }
        }
        for track in &tracks {
            let on = RowsQuery { track: Some(track.clone()), ..all.clone() };
            for descending in [true, false] {
                for path in
                    paths.iter().map(|p| (Some(p.clone()), p.clone())).chain([(None, "contribution".to_string())])
                {
                    let sort = Some(path.1.clone());
                    let expected = match &path.0 {
                        Some(p) => sorted_by(&every, descending, |r| key_at(r, p)),
                        None => sorted_by(&every, descending, |r| contribution(r, track)),
                    };
                    let (total, page) = rows(
                        &book,
                        &RowsQuery { sort: sort.clone(), descending, offset: 3, limit: Some(7), ..on.clone() },
                    );
                    assert_eq!(total, every.len());
                    assert_eq!(
                        ids(&page),
                        expected[3.min(expected.len())..10.min(expected.len())],
                        "{files:?} {path:?} {descending}"
                    );
                    checked += 1;
                }
            }
            // Contributing on the track, by contribution: filter, then sort.
            let q = RowsQuery {
                only: Some("contributing".into()),
                sort: Some("contribution".into()),
                descending: true,
                ..on.clone()
            };
            let (total, page) = rows(&book, &q);
            let moving: Vec<Value> =
                (every.iter()).filter(|t| contribution(t, track).is_some_and(|c| c != Ok(0.0))).cloned().collect();
            assert_eq!((total, ids(&page)), (moving.len(), sorted_by(&moving, true, |r| contribution(r, track))));
            // An association type and a search, each as the whole list's filter.
            for association in &associations {
                let (total, page) =
                    rows(&book, &RowsQuery { association: Some(association.clone()), limit: Some(4), ..on.clone() });
                let having: Vec<String> = (every.iter())
                    .filter(|t| t["associations"].as_array().unwrap().iter().any(|a| a == association.as_str()))
                    .map(|t| t["id"].as_str().unwrap().to_string())
                    .collect();
                assert_eq!((total, ids(&page)), (having.len(), having.into_iter().take(4).collect()));
            }
            let needle = every[every.len() / 2]["id"].as_str().unwrap()[2..5].to_uppercase();
            let (total, page) = rows(&book, &RowsQuery { search: Some(format!(" {needle} ")), ..on.clone() });
            let found: Vec<String> =
                ids(&every).into_iter().filter(|id| id.to_lowercase().contains(&needle.to_lowercase())).collect();
            assert!(total >= 1);
            assert_eq!((total, ids(&page)), (found.len(), found));
        }
    }
    assert!(checked > 500, "{checked}");
}
