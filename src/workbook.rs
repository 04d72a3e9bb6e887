//! The entry point: files go in (whole or in chunks), reports come out.

use crate::load::{FileLoader, Loaded};
use crate::month::Month;
use crate::report::Report;
use crate::ruleset::Ruleset;
use crate::score::{score, ScoreOptions};
use crate::simulate::{simulate, Plan, Simulation};

/// A set of loaded files, scored on demand.
///
/// ```
/// use spd_score::{Workbook, ScoreOptions};
/// let mut book = Workbook::default();
/// book.add_file("usage.csv", b"CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\nT1,CSP Tier1,Teams,Oct-2025,12,20\n");
/// let report = book.report(&ScoreOptions::default());
/// assert_eq!(report.as_of.map(|m| m.to_string()).as_deref(), Some("2025-10"));
/// ```
pub struct Workbook {
    ruleset: Ruleset,
    loaded: Loaded,
    open: Option<FileLoader>,
    today: Option<Month>,
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook::new(Ruleset::modern_work())
    }
}

impl Workbook {
    pub fn new(ruleset: Ruleset) -> Workbook {
        Workbook { ruleset, loaded: Loaded::default(), open: None, today: None }
    }

    pub fn ruleset(&self) -> &Ruleset {
        &self.ruleset
    }

    /// Rows dated after this month are rejected as errors (a month typed
    /// as `Feb-30` is read as February 2030).
    pub fn set_today(&mut self, today: Month) {
        self.today = Some(today);
    }

    /// Loads a whole file.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) {
        self.begin_file(name);
        self.push(bytes);
        self.end_file();
    }

    /// Starts a file to be fed in chunks with [`push`](Self::push); a file
    /// still open is finished first.
    pub fn begin_file(&mut self, name: &str) {
        self.end_file();
        self.open = Some(FileLoader::new(name, self.today, &mut self.loaded));
    }

    pub fn push(&mut self, chunk: &[u8]) {
        if let Some(loader) = &mut self.open {
            loader.push(chunk, &self.ruleset, &mut self.loaded);
        }
    }

    pub fn end_file(&mut self) {
        if let Some(loader) = self.open.take() {
            loader.finish(&self.ruleset, &mut self.loaded);
        }
    }

    /// Scores everything loaded so far (an open file counts as far as read).
    pub fn report(&self, options: &ScoreOptions) -> Report {
        score(&self.ruleset, &self.loaded, options)
    }

    /// Scores the data as it would be with `plan` carried out.
    pub fn simulate(&self, plan: &Plan, options: &ScoreOptions) -> Simulation {
        simulate(&self.ruleset, &self.loaded, plan, options)
    }
}
