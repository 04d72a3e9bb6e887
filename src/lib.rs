//! spd-score: the Solutions Partner designation score, computed from
//! Partner Center's CSV contribution exports.
//!
//! The core is pure Rust and knows nothing of JavaScript; the `wasm` module
//! is the only binding. Start with [`Workbook`]:
//! add files, then ask for a [`Report`].

pub mod actions;
pub mod cells;
pub mod decode;
pub mod layout;
pub mod load;
pub mod month;
pub mod number;
pub mod people;
pub mod points;
pub mod reader;
pub mod recommend;
pub mod report;
pub mod ruleset;
pub mod score;
pub mod simulate;
pub mod store;
pub mod window;
pub mod workbook;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use month::{Date, Month};
pub use report::Report;
pub use ruleset::{Ruleset, RulesetError};
pub use score::ScoreOptions;
pub use simulate::{Plan, Simulation};
pub use workbook::Workbook;

/// Scores a set of whole files: the one-call form of [`Workbook`].
pub fn score_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ruleset: Ruleset,
    options: &ScoreOptions,
) -> Report {
    let mut book = Workbook::new(ruleset);
    for (name, bytes) in files {
        book.add_file(name, bytes);
    }
    book.report(options)
}
