//! The entry point: files go in (whole or in chunks), reports come out.

use crate::load::{FileLoader, Loaded};
use crate::month::Month;
use crate::report::Report;
use crate::rows::{Rows, RowsError, RowsQuery};
use crate::ruleset::{in_order, Ruleset};
use crate::score::{score, ScoreOptions};
use crate::simulate::{plan_choices, simulate, Plan, PlanChoices, Simulation};

/// A set of loaded files, scored on demand.
///
/// ```
/// use spd_score::{Workbook, ScoreOptions};
/// let mut book = Workbook::default();
/// book.add_file("usage.csv", b"CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\nT1,CSP Tier1,Teams,Oct-2025,12,20\n");
/// let report = book.report(&ScoreOptions::default());
/// let modern_work = report.areas.get("modern-work").unwrap();
/// assert_eq!(modern_work.as_of.map(|m| m.to_string()).as_deref(), Some("2025-10"));
/// ```
pub struct Workbook {
    /// Every area's ruleset, in the catalogue's order (whatever order they
    /// were given in).
    rulesets: Vec<Ruleset>,
    loaded: Loaded,
    open: Option<FileLoader>,
    today: Option<Month>,
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook::with_rulesets(Ruleset::embedded())
    }
}

impl Workbook {
    /// The embedded rulesets, with `ruleset` in place of the one of its id
    /// (a newer Modern Work ruleset, say).
    pub fn new(ruleset: Ruleset) -> Workbook {
        let mut book = Workbook::default();
        book.replace_ruleset(ruleset);
        book
    }

    /// Exactly these rulesets, in any order: areas are reported in the
    /// catalogue's order, and each export is read by the area that declares
    /// its data model. Without any, a report is an error.
    pub fn with_rulesets(rulesets: Vec<Ruleset>) -> Workbook {
        Workbook { rulesets: in_order(rulesets), loaded: Loaded::default(), open: None, today: None }
    }

    /// Uses `ruleset` instead of the one of the same id, or adds it as one
    /// more area.
    pub fn replace_ruleset(&mut self, ruleset: Ruleset) {
        match self.rulesets.iter_mut().find(|r| r.data.id == ruleset.data.id) {
            Some(slot) => *slot = ruleset,
            None => {
                self.rulesets.push(ruleset);
                self.rulesets = in_order(std::mem::take(&mut self.rulesets));
            }
        }
    }

    /// The ruleset of the area the report's top level describes (Modern
    /// Work's); `None` without rulesets.
    pub fn ruleset(&self) -> Option<&Ruleset> {
        crate::ruleset::headline(&self.rulesets)
    }

    pub fn rulesets(&self) -> &[Ruleset] {
        &self.rulesets
    }

    /// Rows dated after this month are rejected as errors (a month typed
    /// as `Feb-30` is read as February 2030). Without it, natively, the
    /// system clock's month is today; in WebAssembly the caller gives it
    /// (the JavaScript front end gives the current month).
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
        self.open = Some(FileLoader::new(name, self.today.or_else(Month::current), &mut self.loaded));
    }

    pub fn push(&mut self, chunk: &[u8]) {
        if let Some(loader) = &mut self.open {
            loader.push(chunk, &self.rulesets, &mut self.loaded);
        }
    }

    pub fn end_file(&mut self) {
        if let Some(loader) = self.open.take() {
            loader.finish(&self.rulesets, &mut self.loaded);
        }
    }

    /// Scores everything loaded so far (an open file counts as far as read).
    pub fn report(&self, options: &ScoreOptions) -> Report {
        score(&self.rulesets, &self.loaded, options)
    }

    /// One page of a list (an area's tenants, services, pairs, tenant
    /// actions, or the people across areas), filtered and sorted as `query`
    /// says, from the data scored with `options`.
    pub fn rows(&self, query: &RowsQuery, options: &ScoreOptions) -> Result<Rows, RowsError> {
        crate::rows::rows(&self.rulesets, &self.loaded, options, query)
    }

    /// Writes the report's JSON text to `emit` in pieces of about `piece`
    /// bytes, compact or `pretty`: with `DetailLevel::Full` every list
    /// inline, written row by row (a report of 300,000 tenants is never one
    /// string); with `area`, only that area's part. Returns the report's
    /// summary, or the first error `emit` returned.
    pub fn write_report<E>(
        &self,
        options: &ScoreOptions,
        area: Option<&str>,
        pretty: bool,
        piece: usize,
        emit: &mut dyn FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<Report, E> {
        crate::rows::write_report(&self.rulesets, &self.loaded, options, area, pretty, piece, emit)
    }

    /// The report's JSON text whole (with `DetailLevel::Full`, every list
    /// inline), compact or `pretty`: for a report that fits in memory.
    pub fn report_json(&self, options: &ScoreOptions, pretty: bool) -> String {
        let mut text = vec![];
        let written = self.write_report::<()>(options, None, pretty, 1 << 20, &mut |bytes| {
            text.extend_from_slice(bytes);
            Ok(())
        });
        // A Vec takes every piece, and the pieces are UTF-8 JSON text.
        debug_assert!(written.is_ok());
        String::from_utf8(text).unwrap_or_default()
    }

    /// Scores the data as it would be with `plan` carried out.
    pub fn simulate(&self, plan: &Plan, options: &ScoreOptions) -> Simulation {
        simulate(&self.rulesets, &self.loaded, plan, options)
    }

    /// What a what-if plan may name: association types, workloads, Azure
    /// services (the rulesets' and the data's) and certifications, each
    /// with the areas it counts for.
    pub fn plan_choices(&self) -> PlanChoices {
        plan_choices(&self.rulesets, &self.loaded)
    }
}
