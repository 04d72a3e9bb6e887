//! The whole path from bytes to a JSON report: several files (split at
//! `\0\0` in the input), "today", the scoring options, then the report's
//! invariants for every area (fuzz/harness.rs).
#![no_main]

// Each target uses part of it.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::score(data));
