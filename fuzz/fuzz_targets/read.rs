//! File reading: `Workbook::add_file` on arbitrary bytes must not panic,
//! and feeding the same bytes in chunks cut at arbitrary points must give
//! exactly the report that whole-file feeding gives.
//!
//! Input layout: the first byte picks how many cuts (0..=15), the next
//! bytes (two per cut) pick where; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spd_score::{ScoreOptions, Workbook};

fuzz_target!(|data: &[u8]| {
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
    whole.add_file("fuzz.csv", file);
    let expected = serde_json::to_string(&whole.report(&options)).expect("report serialises");

    let mut chunked = Workbook::default();
    chunked.begin_file("fuzz.csv");
    let mut from = 0;
    for &to in &points {
        chunked.push(&file[from..to]);
        from = to;
    }
    chunked.push(&file[from..]);
    chunked.end_file();
    let actual = serde_json::to_string(&chunked.report(&options)).expect("report serialises");
    assert_eq!(expected, actual, "chunked at {points:?} differs from whole-file feeding");
});
