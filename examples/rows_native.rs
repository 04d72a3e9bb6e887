//! Times `Workbook::rows` natively on one file: the first page of Modern
//! Work's tenants for the queries the page asks (list order, by
//! contribution, a search, a path sort), each from the ask:
//! `cargo run --release --example rows_native -- FILE [REPEAT]`

use spd_score::{RowsQuery, ScoreOptions, Workbook};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: rows_native FILE [REPEAT]");
    let repeat: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(&path).expect("readable file");
    let mut book = Workbook::default();
    book.add_file(&path, &bytes);
    let options = ScoreOptions::default();
    let started = Instant::now();
    let report = book.report(&options);
    println!("summary {:.3} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let _ = book.report(&ScoreOptions { history: true, ..ScoreOptions::default() });
    println!("summary with history {:.3} s", started.elapsed().as_secs_f64());
    let track = report.areas.get("modern-work").and_then(|a| a.track.clone());
    // The track of the report shown, as the page gives it.
    let query = |sort: Option<&str>, search: Option<&str>, only: Option<&str>| RowsQuery {
        list: "tenants".into(),
        track: track.clone(),
        area: Some("modern-work".into()),
        sort: sort.map(String::from),
        search: search.map(String::from),
        only: only.map(String::from),
        descending: sort.is_some(),
        limit: Some(50),
        ..RowsQuery::default()
    };
    let queries = [
        ("list order", query(None, None, None)),
        ("by contribution", query(Some("contribution"), None, None)),
        ("search", query(None, Some("0a1"), None)),
        ("path sort", query(Some("tracks.smb.maxPau.asOf"), None, None)),
        ("name sort", query(Some("name"), None, None)),
        ("contributing", query(None, None, Some("contributing"))),
    ];
    for _ in 0..repeat {
        for (name, q) in &queries {
            let asked = Instant::now();
            let rows = book.rows(q, &options).expect("an answer");
            println!(
                "{name}: {} of {} in {:.3} s ({track:?})",
                rows.rows.len(),
                rows.total,
                asked.elapsed().as_secs_f64()
            );
        }
    }
}
