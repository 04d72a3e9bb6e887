//! Prints the report for the files given, as JSON:
//! `cargo run --example score -- [--as-of YYYY-MM] FILE...`

use spd_score::{Month, ScoreOptions, Workbook};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut options = ScoreOptions::default();
    let mut book = Workbook::default();
    let mut args = std::env::args().skip(1);
    let mut files = 0;
    while let Some(arg) = args.next() {
        if arg == "--as-of" {
            match args.next().as_deref().and_then(Month::parse_iso) {
                Some(m) => options.as_of = Some(m),
                None => {
                    eprintln!("--as-of needs a month as YYYY-MM");
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        match std::fs::read(&arg) {
            Ok(bytes) => {
                book.add_file(&arg, &bytes);
                files += 1;
            }
            Err(e) => eprintln!("{arg}: {e}"),
        }
    }
    if files == 0 {
        eprintln!("usage: score [--as-of YYYY-MM] FILE...");
        return ExitCode::from(1);
    }
    let report = book.report(&options);
    println!("{}", spd_score::to_json_pretty(&report));
    ExitCode::SUCCESS
}
