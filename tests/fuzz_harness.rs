//! The fuzz targets' harness (fuzz/harness.rs) on every seed of both
//! targets, so that `cargo test` (and `npm test`) checks what fuzzing
//! checks: no panic, chunked reading equal to whole, and the report's
//! invariants for every area.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("seed-")))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    seeds.sort();
    seeds
}

#[test]
fn every_score_seed_keeps_the_invariants() {
    let seeds = seeds("score");
    // Every layout has seeds, not only Modern Work's usage export.
    for layout in ["azure-usage", "customers-tenants", "bizapps-revenue", "bizapps-usage", "ems-usage", "manual"] {
        assert!(seeds.iter().any(|(n, _)| n.contains(layout)), "no seed of {layout}");
    }
    for (name, data) in &seeds {
        let run = std::panic::catch_unwind(|| harness::score(data));
        assert!(run.is_ok(), "{name}");
    }
}

#[test]
fn every_read_seed_reads_the_same_in_chunks() {
    for (name, data) in &seeds("read") {
        let run = std::panic::catch_unwind(|| harness::read(data));
        assert!(run.is_ok(), "{name}");
    }
}

/// The checks can fail: a report broken by hand is caught.
#[test]
fn the_invariants_catch_a_broken_report() {
    let mut book = spd_score::Workbook::default();
    let skilling =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-layouts/skilling.csv")).unwrap();
    book.add_file("s.csv", &skilling);
    let good =
        serde_json::from_str::<serde_json::Value>(&book.report_json(
            &spd_score::ScoreOptions { detail: spd_score::DetailLevel::Full, ..Default::default() },
            false,
        ))
        .unwrap();
    assert_eq!(harness::check(&good), Ok(()));
    let track = "/areas/infrastructure/tracks/smb";
    let breaks: [(&str, serde_json::Value); 4] = [
        ("/metrics/intermediateCertifications/points", serde_json::json!(99.0)),
        ("/total", serde_json::json!(3.0)),
        ("/metrics/netCustomerAdds/points", serde_json::json!(0.0)),
        ("/complete", serde_json::json!(true)),
    ];
    for (path, value) in breaks {
        let mut broken = good.clone();
        *broken.pointer_mut(&format!("{track}{path}")).unwrap() = value;
        assert!(harness::check(&broken).is_err(), "{path}");
    }
}
