//! The whole path from bytes to a JSON report: several files (split at
//! `\0\0` in the input), an optional "today" month, the scoring options
//! (as-of month, history, tenant limit), then serialising the report and
//! checking the scoring invariants on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use spd_score::{Month, ScoreOptions, Workbook};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let mut book = Workbook::default();
    if flags & 1 != 0 {
        book.set_today(Month::new(2025, 10).expect("valid month"));
    }
    let mut files = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < rest.len() {
        if rest[i] == 0 && rest[i + 1] == 0 {
            files.push(&rest[start..i]);
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    files.push(&rest[start..]);
    for (n, file) in files.iter().enumerate() {
        book.add_file(&format!("file{n}.csv"), file);
    }
    let options = ScoreOptions {
        as_of: (flags & 2 != 0).then(|| Month::new(2025, 9 + u32::from(flags >> 7)).expect("valid month")),
        history: flags & 4 != 0,
        tenant_limit: (flags & 8 != 0).then_some(usize::from(flags >> 4)),
        ..ScoreOptions::default()
    };
    let report = book.report(&options);
    let json = serde_json::to_string(&report).expect("report serialises");
    let value: Value = serde_json::from_str(&json).expect("report JSON parses");

    // Invariants: every metric within [0, max]; total = sum of the points.
    let Some(tracks) = value["tracks"].as_object() else { panic!("no tracks") };
    for (name, track) in tracks {
        let mut sum = 0.0;
        for (metric, m) in track["metrics"].as_object().expect("metrics") {
            let max = m["max"].as_f64().expect("max");
            if let Some(points) = m["points"].as_f64() {
                assert!((0.0..=max).contains(&points), "{name}.{metric} = {points} outside [0, {max}]");
                sum += points;
            }
        }
        let total = track["total"].as_f64().expect("total");
        assert!((total - sum).abs() < 1e-9, "{name}: total {total} != sum {sum}");
    }
    // Scoring again gives the same report.
    let again = serde_json::to_string(&book.report(&options)).expect("report serialises");
    assert_eq!(json, again, "scoring twice differs");
});
