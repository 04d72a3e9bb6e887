//! The report's assembly: one scoring pass scores every area as of a month
//! from the data models that feed it (`areas_pass`), the report puts the
//! areas side by side with what spans them (overview, badges, best action,
//! files, warnings, errors), and the history runs the pass month by month.
//! The rules themselves live in the models (`crate::usage`, `crate::azure`,
//! ...), the kinds (`crate::kinds`) and the areas (`crate::areas`).

use crate::kinds::Metric;
use crate::layout::FileKind;
use crate::load::Loaded;
use crate::manual::{AreaTyped, ManualValue};
use crate::model::DataModel;
use crate::month::{Date, Month};
use crate::people;
use crate::points::Points;
use crate::report::*;
use crate::ruleset::Ruleset;
use crate::usage::facts::{facts_for, period, Applied, Detail, Period};
use crate::usage::measures::usage_measures;
use crate::usage::tenants::{ignored_workloads, workload_notes, UsageLists};
use std::collections::BTreeMap;

/// Choices the user makes about a report.
#[derive(Clone, Debug, Default)]
pub struct ScoreOptions {
    /// The month to score; the latest month in the data when `None`.
    pub as_of: Option<Month>,
    /// Also score every month present, for the history table (one scoring
    /// pass per month, so only on request).
    pub history: bool,
    /// Today's date: with it the report includes the qualification window.
    pub today: Option<Date>,
    /// The designation's anniversary (renewal) date; `None` when not enrolled.
    pub anniversary: Option<Date>,
    /// At most this many tenants in the report, contributing ones first:
    /// a page cannot show 300,000 rows, and their detail would dwarf the data.
    pub tenant_limit: Option<usize>,
    /// Metric values typed from Partner Center, beside those in files.
    pub manual_values: Vec<ManualValue>,
    /// The track the user chose, per classified area id.
    pub tracks: BTreeMap<String, String>,
    /// How much of the report to build: `Summary` leaves out what is listed
    /// item by item (tenants, people, tenant actions, the tenant and pair
    /// lists of the areas' detail), and never computes it.
    pub detail: DetailLevel,
}

/// Scores every area (`rulesets` in the catalogue's order), each in the
/// one shape of an area; the usage exports were read with the usage reader
/// (`crate::ruleset::usage_reader`). Lists are counted, not built.
pub fn score(rulesets: &[Ruleset], loaded: &Loaded, options: &ScoreOptions) -> Report {
    let options = ScoreOptions { detail: DetailLevel::Summary, ..options.clone() };
    score_visiting(rulesets, loaded, &options, None, &mut |_, _| {}).0
}

/// The people of a scoring pass: the headline area's, and with
/// `DetailLevel::Full` every area's.
pub(crate) type PassPeople<'r> = (Vec<PersonReport>, Vec<(&'r Ruleset, Vec<PersonReport>)>);

/// Scores as [`score`] does, with `options.detail` (and with `only`, that
/// area alone), handing each area's report, finished, to `visit` with its
/// data models as the pass reaches it: the full report writes each area's
/// lists there, in the same pass that scores it.
pub(crate) fn score_visiting<'r>(
    rulesets: &'r [Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    only: Option<&str>,
    visit: &mut dyn FnMut(&AreaReport, &dyn DataModel),
) -> (Report, PassPeople<'r>) {
    let Some(ruleset) = crate::ruleset::headline(rulesets) else {
        return (without_rulesets(loaded), Default::default());
    };
    let reader = crate::ruleset::usage_reader(rulesets);
    // The ruleset the usage store's association types and workloads are
    // indexed by (without a reader, nothing was read into it).
    let usage = reader.unwrap_or(ruleset);
    let store = &loaded.usage;
    // One history: every area scored month by month, which each area's
    // qualification window also reads.
    let mut history = (options.history || options.today.is_some()).then(|| area_history(rulesets, loaded, options));
    let measured_here = |id: &str| id == usage.data.id && usage.fed_by("usage");
    let mut finish = |area: &mut AreaReport, models: &dyn DataModel, applied: &Applied, period: Option<Period>| {
        let id = area.ruleset.id.clone();
        if id == ruleset.data.id && measured_here(&id) {
            // The headline area's assumptions are the ones its data relied on.
            area.assumptions = headline_assumptions(ruleset, usage, store, period, &area.tracks, applied);
        }
        let area_rules = rulesets.iter().find(|r| r.data.id == id);
        if let Some(by_area) = &mut history {
            let months = by_area.iter_mut().find(|(a, _)| *a == id).map(|(_, m)| std::mem::take(m)).unwrap_or_default();
            if let (Some(today), Some(area_rules)) = (options.today, area_rules) {
                area.window =
                    Some(crate::window::qualification_window(area_rules, today, options.anniversary, &months));
            }
            if options.history {
                area.history = Some(months);
            }
        }
        if let Some(area_rules) = area_rules {
            crate::incentive::apply(area_rules, area);
        }
        visit(area, models);
    };
    let Pass { areas, people, all_people, warnings, errors, files, .. } =
        areas_pass(rulesets, loaded, options, Typing::FilesAndOptions, only, Lists::Finish(&mut finish));
    let mut overview = Vec::with_capacity(areas.0.len());
    for (_, area) in &areas.0 {
        overview.push(crate::areas::overview_row(area));
    }
    let microsoft_cloud = crate::areas::microsoft_cloud(&areas);
    let (badges, badge_decision) = crate::areas::badges(&areas, &mut overview);
    // The first of those gaining the most per unit, on the tracks that decide.
    let mut best_action: Option<&Recommendation> = None;
    for area in areas.values() {
        for r in area.recommendations.iter().filter(|r| Some(&r.track) == area.track.as_ref()) {
            if best_action.is_none_or(|b| b.unit_gain < r.unit_gain) {
                best_action = Some(r);
            }
        }
    }
    let best_action = best_action.cloned();
    let report = Report {
        schema_version: SCHEMA_VERSION,
        generator: Generator::THIS,
        areas,
        overview,
        microsoft_cloud,
        badges,
        best_action,
        lists: Keyed(vec![("people".to_string(), people.len())]),
        // The badge groups span areas: their Decision is the report's.
        assumptions: badge_decision.into_iter().collect(),
        ignored: Ignored {
            associations: Keyed(ignored_counts(&store.ignored_associations)),
            workloads: Keyed(ignored_counts(&ignored_workloads(usage, store))),
        },
        files,
        warnings,
        errors,
    };
    (report, (people, all_people))
}

/// Rows ignored, by name in name order.
fn ignored_counts(counts: &BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let mut out = Vec::with_capacity(counts.len());
    for (name, &rows) in counts {
        out.push((name.clone(), rows));
    }
    out
}

/// The headline area's assumptions: the Decisions its data relied on.
fn headline_assumptions(
    ruleset: &Ruleset,
    usage: &Ruleset,
    store: &crate::usage::store::UsageStore,
    period: Option<Period>,
    tracks: &Keyed<TrackReport>,
    applied: &Applied,
) -> Vec<Assumption> {
    let mut applied = applied.clone();
    if period.is_some() {
        for id in ["eligibility-per-month", "growth-eligible-months", "deployment-per-workload"] {
            applied.note(id);
        }
        let negative = tracks.values().any(|t: &TrackReport| {
            t.metrics.values().any(|m| match m {
                Metric::Options(o) => o.options.values().any(|o| o.value.is_some_and(|v| v < 0.0)),
                other => other.value().is_some_and(|v| v < Points::ZERO),
            })
        });
        if negative {
            applied.note("negative-nets");
        }
    }
    applied.note("area-either-track");
    let mut rows_per_workload = store.workload_rows.iter().zip(&usage.data.workloads);
    if rows_per_workload.any(|(&rows, workload)| rows > 0 && !workload.confirmed) {
        applied.note("unconfirmed-workloads");
    }
    if !store.ignored_associations.is_empty() {
        applied.note("ignored-associations");
    }
    let assumptions = crate::areas::assumptions(&mut applied.ids().filter_map(|id| ruleset.decision(id)));
    assumptions
}

/// The report when there is no area to score: what was read, and an error.
fn without_rulesets(loaded: &Loaded) -> Report {
    let areas = Keyed::default();
    let mut overview = vec![];
    let (badges, _) = crate::areas::badges(&areas, &mut overview);
    let mut errors = loaded.errors.clone();
    errors.push(RowError {
        kind: ErrorKind::NoRulesets,
        file: String::new(),
        line: None,
        column: None,
        value: None,
        message: "No area to score: the workbook was given no rulesets.".into(),
    });
    Report {
        schema_version: SCHEMA_VERSION,
        generator: Generator::THIS,
        microsoft_cloud: crate::areas::microsoft_cloud(&areas),
        areas,
        overview,
        badges,
        best_action: None,
        lists: Keyed(vec![("people".to_string(), 0)]),
        assumptions: vec![],
        ignored: Ignored::default(),
        files: loaded.files.clone(),
        warnings: loaded.warnings.clone(),
        errors,
    }
}

/// Which typed values a scoring pass applies: all of them for today's
/// report; none for a past month (typed values describe today).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Typing {
    FilesAndOptions,
    None,
}

/// One scoring pass: every area (or only the one named) as of the month
/// the options say, and what the report's top level is assembled from.
pub(crate) struct Pass<'r> {
    pub areas: Keyed<AreaReport>,
    /// The headline area's people.
    pub people: Vec<PersonReport>,
    /// Every area's people, in full detail only.
    pub all_people: Vec<(&'r Ruleset, Vec<PersonReport>)>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<RowError>,
    pub files: Vec<FileReport>,
}

/// What finishes an area's report in a pass: given the report, its data
/// models, the Decisions the pass relied on and the period scored.
pub(crate) type FinishArea<'v> = dyn FnMut(&mut AreaReport, &dyn DataModel, &Applied, Option<Period>) + 'v;

/// What a scoring pass does with the areas' lists.
pub(crate) enum Lists<'v> {
    /// Nothing (a month of the history).
    None,
    /// Counts them, for each area's `lists`, then hands the area's report
    /// to the function to finish, with its data models (which, with
    /// `DetailLevel::Full`, keep their rows), the Decisions the pass relied
    /// on and the period scored.
    Finish(&'v mut FinishArea<'v>),
    /// Hands each area's data models (which, with `DetailLevel::Full`, keep
    /// their rows) to the function, with the area's report; counts nothing.
    Visit(&'v mut dyn FnMut(&AreaReport, &dyn DataModel)),
}

/// Scores the areas (all of `rulesets`, or with `only` the one of that id)
/// as of the options' month. Needs at least one ruleset.
pub(crate) fn areas_pass<'r>(
    rulesets: &'r [Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    typing: Typing,
    only: Option<&str>,
    mut lists: Lists<'_>,
) -> Pass<'r> {
    let ruleset = crate::ruleset::headline(rulesets).unwrap_or_else(|| unreachable!("a pass needs a ruleset"));
    let reader = crate::ruleset::usage_reader(rulesets);
    let usage = reader.unwrap_or(ruleset);
    let mut warnings = loaded.warnings.clone();
    let mut errors = loaded.errors.clone();
    let mut files = loaded.files.clone();
    let mut applied = Applied::default();
    let store = &loaded.usage;
    let latest = store.months.last().copied();
    let as_of = match options.as_of {
        Some(m) if store.months.contains(&m) => Some(m),
        Some(m) => {
            if let Some(latest) = latest {
                warnings.push(Warning {
                    kind: WarningKind::AsOfMissing,
                    file: None,
                    message: format!("There is no usage data for {m}; the latest month, {latest}, was scored instead."),
                });
            }
            latest.or(Some(m))
        }
        None => {
            applied.note("as-of-latest-month");
            latest
        }
    };
    let baseline = as_of.and_then(|m| m.minus(12));
    let period = period(store, as_of);
    let mut missing = None;
    if latest.is_none() {
        warnings.push(Warning {
            kind: WarningKind::NoUsage,
            file: None,
            message: "No usage export was loaded: net customer adds, usage growth and deployments need the contribution export from Partner Center.".into(),
        });
    } else if let (Some(m), Some(b), None) = (as_of, baseline, period) {
        let message = format!("The baseline month {b} (12 months before {m}) is not in the usage data, so net customer adds, usage growth and deployments cannot be computed. Add the export that covers {b}.");
        missing = Some(message.clone());
        warnings.push(Warning { kind: WarningKind::MissingBaseline, file: None, message });
    }
    if loaded.certifications.is_empty() {
        warnings.push(Warning {
            kind: WarningKind::NoSkilling,
            file: None,
            message: "No skilling list was loaded: certification metrics count no one.".into(),
        });
    }

    let mut typed_values = vec![];
    if typing == Typing::FilesAndOptions {
        typed_values.extend(loaded.manual.iter().cloned());
        typed_values.extend(options.manual_values.iter().cloned());
    }
    let typed = crate::manual::resolve(&typed_values, rulesets);
    errors.extend(typed.errors.iter().cloned());
    warnings.extend(typed.warnings.iter().cloned());
    for (file, skipped) in &typed.skipped {
        if let Some(report) = files.iter_mut().find(|f| &f.name == file) {
            report.skipped_rows += skipped;
        }
    }
    let no_typed = AreaTyped::default();
    let typed_for = |id: &str| typed.areas.get(id).unwrap_or(&no_typed);

    // Areas without an export of their own are as of the latest month of
    // any export, else the skilling list's (designations.md section 11).
    let other_as_of = crate::data::any_latest(loaded).or_else(|| skilling_month(loaded));
    let people = people::evaluate(&loaded.certifications, ruleset, as_of.or(other_as_of));
    let full = options.detail.is_full();
    let facts = period.map(|p| (facts_for(usage, store, p), p));
    let mut contributes = vec![false; store.tenants.len()];
    let detail = Detail { contributes: &mut contributes, warnings: &mut warnings, applied: &mut applied };
    let measures = usage_measures(usage, store, facts.as_ref().map(|(f, p)| (f, *p)), Some(detail));
    // Kept for the usage reader's lists, then dropped: kept longer, they
    // were in memory together with the Security area's own (19 MB each for
    // a 1 GB export).
    let mut facts = facts.filter(|_| !matches!(lists, Lists::None));
    let skilling_loaded = files.iter().any(|f| f.kind == FileKind::Skilling);
    let mut areas = Keyed::default();
    let mut all_people = vec![];
    for area in rulesets.iter().filter(|r| only.is_none_or(|id| r.data.id == id)) {
        let id = area.data.id.as_str();
        // The area the usage exports were read with is measured by the
        // usage model above, with its tenant detail, when its metrics are
        // fed from it (not parts of them: Security's model runs its own).
        let is_reader = reader.is_some_and(|r| std::ptr::eq(r, area)) && area.fed_by("usage");
        // Each area is as of the latest month of its own exports
        // (designations.md section 4); Modern Work's are the usage exports.
        let own = if area.reads_usage() {
            latest.max(crate::data::latest(loaded, area))
        } else {
            crate::data::latest(loaded, area)
        };
        let (area_as_of, area_people) = if is_reader {
            let month = as_of.or(other_as_of);
            let area_people = if std::ptr::eq(area, ruleset) {
                people.clone()
            } else {
                people::evaluate(&loaded.certifications, area, month)
            };
            (month, area_people)
        } else {
            let month = options.as_of.or(own).or(other_as_of);
            (month, people::evaluate(&loaded.certifications, area, month))
        };
        let owned = crate::data::models(loaded, area, area_as_of, !is_reader, options.detail);
        let mut models: Vec<&dyn DataModel> = vec![];
        if is_reader {
            models.push(&measures);
        }
        for model in &owned {
            models.push(model.as_ref());
        }
        let models = crate::model::Models(models);
        let input = crate::areas::AreaInput {
            ruleset: area,
            as_of: area_as_of,
            people: &area_people,
            measures: &models,
            typed: typed_for(id),
            fed_by_files: skilling_loaded || own.is_some(),
            user_track: options.tracks.get(id).map(String::as_str),
            missing: if is_reader { missing.clone() } else { models.missing() },
            notes: if area.reads_usage() { workload_notes(area, store) } else { vec![] },
            months: crate::data::months(loaded, area),
        };
        let mut report = crate::areas::score_area(&input);
        if !matches!(lists, Lists::None) {
            // Tenant actions read the tracks as scored (what they need of
            // them: the report is finished while the lists are at hand).
            let losing = crate::usage::actions::losing_customers(area, &report.tracks);
            // The usage model's own lists, when it measures this area.
            let usage_lists = is_reader.then(|| UsageLists {
                ruleset: area,
                store,
                facts: facts.as_ref(),
                contributes: Some(&contributes),
                losing: Some(&losing),
                tenant_limit: options.tenant_limit,
            });
            let mut all: Vec<&dyn DataModel> = vec![];
            if let Some(lists) = &usage_lists {
                all.push(lists);
            }
            all.extend_from_slice(&models.0);
            let all = crate::model::Models(all);
            if let Some(detail) = usage_lists.as_ref().map(UsageLists::detail) {
                report.detail = Some(AreaDetail::Usage(detail));
            }
            match &mut lists {
                // A visit reads the report's counts.
                Lists::Visit(visit) => visit(&report, &all),
                Lists::Finish(finish) => {
                    report.lists = crate::areas::list_counts(&all);
                    finish(&mut report, &all, &applied, period);
                }
                Lists::None => {}
            }
        }
        if is_reader {
            facts = None;
        }
        if full {
            all_people.push((area, area_people));
        }
        areas.0.push((id.to_string(), report));
    }
    Pass { areas, people, all_people, warnings, errors, files }
}

/// The skilling list's latest reporting month, else its latest date earned.
fn skilling_month(loaded: &Loaded) -> Option<Month> {
    let (mut reported, mut earned) = (None, None);
    for row in &loaded.certifications {
        reported = reported.max(row.reported);
        earned = earned.max(row.earned.map(|d| d.month));
    }
    reported.or(earned)
}

// The one history (designations.md section 4): every area scored month by
// month with the pass the report is scored with.

/// Every area's score month by month (designations.md section 4): each
/// month from the first to the last of any loaded export, scored as if it
/// were the as-of month. It is of the files: typed values describe today,
/// not past months.
/// Per area id, in the pass's order (six areas: a vector, not a map).
pub fn area_history(rulesets: &[Ruleset], loaded: &Loaded, options: &ScoreOptions) -> Vec<(String, Vec<AreaMonth>)> {
    let mut out: Vec<(String, Vec<AreaMonth>)> = vec![];
    let (Some(first), Some(last)) = (crate::data::any_earliest(loaded), crate::data::any_latest(loaded)) else {
        return out;
    };
    let mut m = first;
    while m <= last {
        let month_options = ScoreOptions {
            as_of: Some(m),
            // Only the areas' scores are kept: no tenant, person or pair lists.
            detail: DetailLevel::Summary,
            tracks: options.tracks.clone(),
            ..ScoreOptions::default()
        };
        let pass = areas_pass(rulesets, loaded, &month_options, Typing::None, None, Lists::None);
        for (id, area) in pass.areas.0 {
            // An area scored as of another month (Modern Work falls back to
            // its latest when the month has no usage) has no verdict for `m`.
            let own_month = area.as_of == Some(m);
            let verdict = !matches!(area.status, Status::NotScored | Status::Incomplete);
            let summary = AreaMonth {
                month: m,
                available: own_month && verdict,
                status: if own_month { area.status } else { Status::NotScored },
                total: area.total.filter(|_| own_month),
                track: area.track.filter(|_| own_month),
            };
            match out.iter_mut().find(|(a, _)| *a == id) {
                Some((_, months)) => months.push(summary),
                None => out.push((id, vec![summary])),
            }
        }
        m = m.plus(1);
    }
    out
}
