//! What both fuzz targets run, shared with `tests/fuzz_harness.rs` (which
//! runs every seed through it in `cargo test`): the input's files loaded,
//! scored and checked against the report's invariants for every area.
//! Included by `#[path]` (the fuzz crate is outside the main workspace).

use serde_json::Value;
use spd_score::{Month, ScoreOptions, Workbook};

/// "Today" as the page gives it: without one, a year like 9999 in a
/// hostile file made the scorer walk every month up to it (inputs up to
/// 138 s long, issue 25).
fn today(late: bool) -> Month {
    if late { Month::new(2026, 12) } else { Month::new(2025, 10) }.expect("valid month")
}

/// `score` target: the first byte holds flags (today, as-of month,
/// history, tenant limit); the rest is several files split at `\0\0`.
pub fn score(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else { return };
    let mut book = Workbook::default();
    book.set_today(today(flags & 1 != 0));
    for (n, file) in split_files(rest).iter().enumerate() {
        book.add_file(&format!("file{n}.csv"), file);
    }
    let options = ScoreOptions {
        as_of: (flags & 2 != 0).then(|| Month::new(2025, 9 + u32::from(flags >> 7)).expect("valid month")),
        history: flags & 4 != 0,
        tenant_limit: (flags & 8 != 0).then_some(usize::from(flags >> 4)),
        ..ScoreOptions::default()
    };
    let json = spd_score::to_json(&book.report(&options));
    let report: Value = serde_json::from_str(&json).expect("report JSON parses");
    if let Err(broken) = check(&report) {
        panic!("{broken}");
    }
    // Scoring again gives the same report.
    let again = spd_score::to_json(&book.report(&options));
    assert_eq!(json, again, "scoring twice differs");
}

/// `read` target: the first byte says how many cuts (0..=15), the next
/// bytes (two per cut) where; the rest is one file. Fed in chunks cut
/// there, it gives exactly the report of the whole file.
pub fn read(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else { return };
    let cuts = usize::from(n % 16);
    if rest.len() < cuts * 2 {
        return;
    }
    let (cut_bytes, file) = rest.split_at(cuts * 2);
    let mut points: Vec<usize> =
        cut_bytes.chunks_exact(2).map(|c| usize::from(u16::from_le_bytes([c[0], c[1]])) % (file.len() + 1)).collect();
    points.sort_unstable();
    let options = ScoreOptions::default();
    let mut whole = Workbook::default();
    whole.set_today(today(n & 16 != 0));
    whole.add_file("fuzz.csv", file);
    let expected = spd_score::to_json(&whole.report(&options));
    let mut chunked = Workbook::default();
    chunked.set_today(today(n & 16 != 0));
    chunked.begin_file("fuzz.csv");
    let mut from = 0;
    for &to in &points {
        chunked.push(file.get(from..to).unwrap_or_default());
        from = to;
    }
    chunked.push(file.get(from..).unwrap_or_default());
    chunked.end_file();
    let actual = spd_score::to_json(&chunked.report(&options));
    assert_eq!(expected, actual, "chunked at {points:?} differs from whole-file feeding");
    let report: Value = serde_json::from_str(&actual).expect("report JSON parses");
    if let Err(broken) = check(&report) {
        panic!("{broken}");
    }
}

/// The files of an input, split at `\0\0`.
pub fn split_files(data: &[u8]) -> Vec<&[u8]> {
    let mut files = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + 1 < data.len() {
        if data[i] == 0 && data[i + 1] == 0 {
            files.push(&data[start..i]);
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    files.push(&data[start..]);
    files
}

/// The report's invariants, for every area (and Modern Work's top-level
/// tracks): every metric's points within 0 and its maximum; a metric with
/// no source is unknown, never scored as 0; a track's total the sum of its
/// metrics' points, within 0 and 100, and incomplete when a metric is
/// unknown; an area's total its track's, null only when not scored.
pub fn check(report: &Value) -> Result<(), String> {
    check_tracks("tracks", &report["tracks"])?;
    let Some(areas) = report["areas"].as_object() else { return Err("no areas".into()) };
    for (id, area) in areas {
        let tracks = &area["tracks"];
        check_tracks(id, tracks)?;
        match (area["total"].as_f64(), area["track"].as_str()) {
            (Some(total), Some(track)) => {
                let chosen = tracks[track]["total"].as_f64();
                if chosen.is_none_or(|t| (t - total).abs() > 1e-9) {
                    return Err(format!("{id}: total {total} is not its track {track}'s ({chosen:?})"));
                }
            }
            (None, _) if tracks.as_object().is_none_or(|t| t.is_empty()) => {}
            (None, _) => return Err(format!("{id}: no total, but tracks")),
            (Some(total), None) => return Err(format!("{id}: total {total} without a track")),
        }
    }
    Ok(())
}

fn check_tracks(area: &str, tracks: &Value) -> Result<(), String> {
    let Some(tracks) = tracks.as_object() else { return Ok(()) };
    for (name, track) in tracks {
        let Some(metrics) = track["metrics"].as_object() else { return Err(format!("{area}.{name}: no metrics")) };
        let mut sum = 0.0;
        let mut unknown = false;
        for (id, m) in metrics {
            let max = m["max"].as_f64().ok_or_else(|| format!("{area}.{name}.{id}: no max"))?;
            match m["points"].as_f64() {
                Some(points) => {
                    if !(0.0..=max + 1e-9).contains(&points) {
                        return Err(format!("{area}.{name}.{id} = {points} outside [0, {max}]"));
                    }
                    if m["source"].is_null() {
                        return Err(format!("{area}.{name}.{id}: {points} points from no source"));
                    }
                    sum += points;
                }
                None => unknown = true,
            }
        }
        let total = track["total"].as_f64().ok_or_else(|| format!("{area}.{name}: no total"))?;
        if (total - sum).abs() > 1e-6 {
            return Err(format!("{area}.{name}: total {total} != sum {sum}"));
        }
        if !(0.0..=100.0 + 1e-9).contains(&total) {
            return Err(format!("{area}.{name}: total {total} outside [0, 100]"));
        }
        if unknown && track["complete"] == true {
            return Err(format!("{area}.{name}: complete with an unknown metric"));
        }
    }
    Ok(())
}
