//! Native throughput of the core on one file, fed in 1 MiB chunks as the
//! browser feeds it; prints one JSON line of figures for `bench/`:
//! `cargo run --release --example bench_native -- FILE [TENANT_LIMIT]`

use spd_score::{DetailLevel, ScoreOptions, Workbook};
use std::io::Read;
use std::time::Instant;

/// Peak resident memory of this process in bytes (Linux), else 0.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok());
    kb.unwrap_or(0) * 1024
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_native FILE");
        std::process::exit(2);
    };
    let mut file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let start = Instant::now();
    let mut book = Workbook::default();
    book.begin_file(&path);
    let mut chunk = vec![0; 1 << 20];
    let mut bytes = 0u64;
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes += n as u64;
                book.push(&chunk[..n]);
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
    }
    book.end_file();
    let loaded = start.elapsed();
    let tenant_limit = std::env::args().nth(2).and_then(|n| n.parse().ok());
    let options = ScoreOptions { tenant_limit, ..Default::default() };
    let report = book.report(&options);
    let scored = start.elapsed();
    // The full report (every list inline), counted as it is written.
    let full = ScoreOptions { detail: DetailLevel::Full, ..options };
    let mut json_bytes = 0;
    let _ = book.write_report::<()>(&full, None, false, 1 << 20, &mut |bytes| {
        json_bytes += bytes.len();
        Ok(())
    });
    let total = start.elapsed();
    let tenants = report.areas.values().find_map(|area| area.lists.get("tenants")).copied().unwrap_or(0);
    println!(
        "{{\"bytes\":{bytes},\"rows\":{},\"tenants\":{},\"loadSeconds\":{:.3},\"scoreSeconds\":{:.3},\"jsonSeconds\":{:.3},\"totalSeconds\":{:.3},\"reportBytes\":{},\"peakBytes\":{}}}",
        report.files.first().map_or(0, |f| f.rows),
        tenants,
        loaded.as_secs_f64(),
        (scored - loaded).as_secs_f64(),
        (total - scored).as_secs_f64(),
        total.as_secs_f64(),
        json_bytes,
        peak_rss()
    );
}
