//! File reading: arbitrary bytes never panic, and fed in chunks cut at
//! arbitrary points give exactly the report of the whole file, which keeps
//! the report's invariants (fuzz/harness.rs).
#![no_main]

// Each target uses part of it.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::read(data));
