//! The Modern Work score: eligibility, the five metrics, statuses, and each
//! tenant's part in them (spec/modern-work.md, sections 1 to 6).

use crate::kinds::{Measures, Metric};
use crate::layout::FileKind;
use crate::load::Loaded;
use crate::manual::{AreaTyped, ManualValue};
use crate::month::{Date, Month};
use crate::number::Count;
use crate::people;
use crate::points::Points;
use crate::report::*;
use crate::ruleset::{AssociationId, Ruleset, TrackRules, WorkloadId, WorkloadUse};
use crate::store::{CellKey, TenantId, Usage, UsageStore};
use std::collections::BTreeMap;
use std::collections::BTreeSet;

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

/// How much of the report [`ScoreOptions`] asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DetailLevel {
    /// Every list inline (`Workbook::write_report`): each area's tenants,
    /// services, pairs, tenant actions; the people.
    Full,
    /// Scores, statuses, recommendations, hints, files, warnings, errors and
    /// how many rows each list holds; the lists are asked for
    /// (`Workbook::rows`).
    #[default]
    Summary,
}

impl DetailLevel {
    pub fn is_full(self) -> bool {
        self == DetailLevel::Full
    }
}

/// The workload lists of the customer metrics (spec section 6): net
/// customer adds has its own; usage growth and deployments share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    Customers,
    CustomerSuccess,
}

/// One tenant's usage under one association type in one month, over the
/// eligible workloads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Slice {
    /// MAU summed over the customer-success workloads, in hundredths.
    pub(crate) mau: i64,
    /// Active paid licences, min(MAU, PAU) per workload, summed likewise:
    /// Security's protected users.
    pub(crate) protected: i64,
    /// Bit `t` set when a customer-success workload's paid units fall in
    /// track `t`'s band.
    pub(crate) bands: u8,
    /// The same over the net-customer-adds workloads.
    pub(crate) customer_bands: u8,
    /// Largest paid units of a net-customer-adds workload.
    pub(crate) max_pau: Count,
    pub(crate) deployed: bool,
    /// The workload with the best MAU/PAU ratio, as (MAU, PAU); none when
    /// its PAU is zero (only paid workloads have a ratio). Not an `Option`:
    /// its tag made every slice of a 1 GB export 8 bytes larger.
    ratio: (Count, Count),
}

impl Slice {
    /// One workload's usage, counted in the lists that name the workload.
    fn of(usage: Usage, lists: WorkloadUse, ruleset: &Ruleset) -> Slice {
        let (mau, pau) = (usage.mau, usage.pau);
        let mut bands = 0;
        for (t, track) in ruleset.data.tracks.iter().enumerate() {
            if track.band.is_some_and(|band| band.contains(pau.0)) {
                bands |= 1 << t;
            }
        }
        let ratio = u64::from(ruleset.data.deployment_ratio_percent);
        let paid = pau.0 > 0;
        let mut slice = Slice::default();
        if lists.customers {
            slice.customer_bands = bands;
            slice.max_pau = pau;
        }
        if lists.customer_success {
            slice.mau = mau.hundredths();
            slice.protected = mau.min(pau).hundredths();
            slice.bands = bands;
            slice.deployed = paid && u64::from(mau.0) * 100 >= u64::from(pau.0) * ratio;
            if paid {
                slice.ratio = (mau, pau);
            }
        }
        slice
    }

    /// The workload with the best MAU/PAU ratio, as (MAU, PAU).
    pub(crate) fn best_ratio(&self) -> Option<(Count, Count)> {
        (self.ratio.1 .0 > 0).then_some(self.ratio)
    }

    fn bands(&self, list: List) -> u8 {
        match list {
            List::Customers => self.customer_bands,
            List::CustomerSuccess => self.bands,
        }
    }

    /// Adds another workload's (or workloads') usage; on equal ratios the
    /// best workload already here stays.
    fn add(&mut self, other: &Slice) {
        self.mau += other.mau;
        self.protected += other.protected;
        self.bands |= other.bands;
        self.customer_bands |= other.customer_bands;
        self.max_pau = self.max_pau.max(other.max_pau);
        self.deployed |= other.deployed;
        let better = match (self.best_ratio(), other.best_ratio()) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some((m, p)), Some((mau, pau))) => u64::from(mau.0) * u64::from(p.0) > u64::from(m.0) * u64::from(pau.0),
        };
        if better {
            self.ratio = other.ratio;
        }
    }
}

/// Slices of the months a report needs, keyed by tenant, month and
/// association (a cell key with no workload): one sorted vector, with
/// where each tenant's slices start, so a lookup searches a handful.
/// The usage table yields its cells by tenant and key, so the slices come
/// out sorted; only cells not yet merged there need a sort.
pub(crate) struct Facts {
    slices: Vec<(CellKey, Slice)>,
    /// Per tenant id, the index of its first slice; one more entry at the end.
    starts: Vec<usize>,
    /// Association types present, to look up only those.
    associations: Vec<AssociationId>,
}

impl Facts {
    pub(crate) fn build(store: &UsageStore, ruleset: &Ruleset, months: &BTreeSet<Month>) -> Facts {
        // A handful of months: a slice is searched faster than the set.
        let months: Vec<Month> = months.iter().copied().collect();
        // Counted first, so that the vector is allocated once at its size:
        // grown by doubling, it held a third more than needed (a 1 GB
        // export: 24 MB for 19), and the WebAssembly memory that a growth
        // copies into is never given back.
        let mut count = 0;
        let mut last = None;
        for (key, _) in store.cells.in_months(&months) {
            let key = CellKey::new(key.tenant(), key.month(), key.association(), 0);
            count += usize::from(last != Some(key));
            last = Some(key);
        }
        let mut slices: Vec<(CellKey, Slice)> = Vec::with_capacity(count);
        let mut sorted = true;
        let mut present = 0u32;
        for (key, usage) in store.cells.in_months(&months) {
            let month = key.month();
            present |= 1 << key.association();
            let cell = Slice::of(usage, ruleset.workload_use(key.workload()), ruleset);
            let key = CellKey::new(key.tenant(), month, key.association(), 0);
            match slices.last_mut() {
                Some((last, slice)) if *last == key => slice.add(&cell),
                last => {
                    sorted &= last.is_none_or(|(last, _)| *last < key);
                    slices.push((key, cell));
                }
            }
        }
        if !sorted {
            // Stable, so equal keys are added in the order the cells came.
            slices.sort_by_key(|&(key, _)| key);
            slices.dedup_by(|(key, slice), (kept_key, kept)| {
                let same = key == kept_key;
                if same {
                    kept.add(slice);
                }
                same
            });
        }
        slices.shrink_to_fit();
        let mut starts = Vec::with_capacity(store.tenants.len() + 1);
        let mut i = 0;
        for tenant in 0..=store.tenants.len() as TenantId {
            starts.push(i);
            while slices.get(i).is_some_and(|(key, _)| key.tenant() == tenant) {
                i += 1;
            }
        }
        let associations = (0..32u8).filter(|a| present & (1 << a) != 0).collect();
        Facts { slices, starts, associations }
    }

    pub(crate) fn slice(&self, tenant: TenantId, month: Month, association: AssociationId) -> Option<&Slice> {
        let t = tenant as usize;
        let own = self.slices.get(*self.starts.get(t)?..*self.starts.get(t + 1)?)?;
        let key = CellKey::new(tenant, month, association, 0);
        own.binary_search_by_key(&key, |&(k, _)| k).ok().and_then(|i| own.get(i)).map(|(_, slice)| slice)
    }

    /// The tenant's slices in `month` under the associations in `mask`.
    fn slices_in(&self, mask: u32, tenant: TenantId, month: Month) -> impl Iterator<Item = &Slice> {
        let wanted = self.associations.iter().filter(move |&&a| mask & (1 << a) != 0);
        wanted.filter_map(move |&a| self.slice(tenant, month, a))
    }

    /// Eligible on track `t` for the metrics of `list`, directly or
    /// through a carry-over.
    pub(crate) fn eligible(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month, list: List) -> bool {
        self.eligibility(ruleset, t, tenant, month, list).eligible
    }

    /// Eligible on track `t`: a workload of `list` under one of the track's
    /// customer associations has paid units in the track's band; or, with
    /// a carry-over (SMB), they are in the band of the track it carries
    /// from and were in this track's band the set number of months before.
    pub(crate) fn eligibility(
        &self,
        ruleset: &Ruleset,
        t: usize,
        tenant: TenantId,
        month: Month,
        list: List,
    ) -> Eligibility {
        let mask = ruleset.customer_mask(t);
        let in_band =
            |band: usize, month: Month| self.slices_in(mask, tenant, month).any(|s| s.bands(list) & (1 << band) != 0);
        if in_band(t, month) {
            return Eligibility { eligible: true, carried_over: false };
        }
        let carried = ruleset.carry_from(t).is_some_and(|(from, months)| {
            in_band(from, month) && month.minus(months).is_some_and(|earlier| in_band(t, earlier))
        });
        Eligibility { eligible: carried, carried_over: carried }
    }

    /// The best MAU / PAU of a customer-success workload under the track's
    /// customer associations, as (MAU, PAU).
    pub(crate) fn best_ratio(
        &self,
        ruleset: &Ruleset,
        t: usize,
        tenant: TenantId,
        month: Month,
    ) -> Option<(Count, Count)> {
        let ratios = self.slices_in(ruleset.customer_mask(t), tenant, month).filter_map(Slice::best_ratio);
        ratios.max_by(|&(m, p), &(mau, pau)| {
            (u64::from(m.0) * u64::from(pau.0)).cmp(&(u64::from(mau.0) * u64::from(p.0)))
        })
    }

    /// Largest paid units of a net-customer-adds workload under the track's
    /// customer associations: what decides the size band.
    pub(crate) fn max_pau(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month) -> Count {
        self.slices_in(ruleset.customer_mask(t), tenant, month).map(|s| s.max_pau).max().unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Eligibility {
    pub(crate) eligible: bool,
    /// Eligible only through the track's carry-over.
    pub(crate) carried_over: bool,
}

/// Which decisions of the ruleset a report relied on.
#[derive(Default)]
pub(crate) struct Applied(BTreeSet<&'static str>);

impl Applied {
    pub(crate) fn note(&mut self, id: &'static str) {
        self.0.insert(id);
    }
}

/// What the main scoring pass records besides the metrics: which tenants
/// contribute, and what it had to assume or warn about. History passes
/// skip it.
pub(crate) struct Detail<'a> {
    pub contributes: &'a mut [bool],
    pub warnings: &'a mut Vec<Warning>,
    pub applied: &'a mut Applied,
}

/// The month scored and its baseline, when both have usage data.
pub(crate) type Period = (Month, Month);

/// Net customer adds, usage growth and deployments of every track: sums of
/// every tenant's part.
pub(crate) fn usage_measures(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    mut detail: Option<Detail<'_>>,
) -> UsageMeasures {
    let mut measures = UsageMeasures::default();
    if let Some((facts, period)) = facts {
        for (t, rules) in ruleset.data.tracks.iter().enumerate() {
            let metrics = customer_metrics(ruleset, t, rules, facts, store, period, detail.as_mut());
            measures.tracks.push((rules.id.clone(), metrics));
        }
    }
    measures
}

/// The customer metrics' figures of the Microsoft 365 usage model, per
/// track, for the metric kinds to score (`from: "usage"`).
#[derive(Default)]
pub(crate) struct UsageMeasures {
    tracks: Vec<(String, CustomerMetrics)>,
}

impl Measures for UsageMeasures {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        if from != "usage" {
            return None;
        }
        let (_, c) = self.tracks.iter().find(|(id, _)| id == track)?;
        let option_value = |options: &[(String, i64)], scale: i64| {
            let (_, value) = options.iter().find(|(id, _)| Some(id.as_str()) == option)?;
            Some(Points::fraction(*value, scale))
        };
        match (measure, option) {
            ("customers", _) => Some(Points::fraction(c.net_adds, 1)),
            ("protectedUsers", _) => Some(Points::fraction(c.protected_users, 100)),
            ("activeUsers", _) => option_value(&c.growth, 100),
            ("deployedTenants", None) => Some(Points::fraction(c.deployed_tenants, 1)),
            ("deployedTenants", Some(_)) => option_value(&c.deployments, 1),
            _ => None,
        }
    }
}

/// Facts for the period's months, plus the association months inside it
/// (where a growth baseline may move to).
pub(crate) fn facts_for(ruleset: &Ruleset, store: &UsageStore, (m, b): Period) -> Facts {
    let mut needed: BTreeSet<Month> = [m, b].into();
    needed.extend(store.associated.values().filter(|&&a| a > b && a <= m));
    // A carry-over looks back from each of these months.
    let lookbacks = (0..ruleset.data.tracks.len()).filter_map(|t| ruleset.carry_from(t)).map(|(_, months)| months);
    let earlier: Vec<Month> =
        lookbacks.flat_map(|months| needed.iter().filter_map(move |month| month.minus(months))).collect();
    needed.extend(earlier);
    Facts::build(store, ruleset, &needed)
}

/// The period for `as_of`, when both it and its baseline have data.
pub(crate) fn period(store: &UsageStore, as_of: Option<Month>) -> Option<Period> {
    let m = as_of?;
    let b = m.minus(12)?;
    (store.months.contains(&m) && store.months.contains(&b)).then_some((m, b))
}

/// Scores every area (`rulesets` in the catalogue's order), each in the
/// one shape of an area; the usage exports were read with the usage reader
/// (`crate::ruleset::usage_reader`). Lists are counted, not built.
pub fn score(rulesets: &[Ruleset], loaded: &Loaded, options: &ScoreOptions) -> Report {
    let options = ScoreOptions { detail: DetailLevel::Summary, ..options.clone() };
    let options = &options;
    let Some(ruleset) = crate::ruleset::headline(rulesets) else { return without_rulesets(loaded) };
    let reader = crate::ruleset::usage_reader(rulesets);
    // The ruleset the usage store's association types and workloads are
    // indexed by (without a reader, nothing was read into it).
    let usage = reader.unwrap_or(ruleset);
    let store = &loaded.usage;
    let Pass { period, mut areas, people, warnings, mut applied, errors, files, .. } =
        areas_pass(rulesets, loaded, options, Typing::FilesAndOptions, None, Lists::Count);
    let headline_area = areas.get(&ruleset.data.id);
    let no_tracks = Keyed::default();
    let tracks = headline_area.map_or(&no_tracks, |area| &area.tracks);
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
    let measured_here = |id: &str| id == usage.data.id && usage.fed_by("usage");
    if let Some((_, headline)) = areas.0.iter_mut().find(|(id, _)| *id == ruleset.data.id && measured_here(id)) {
        // The headline area's assumptions are the ones its data relied on.
        headline.assumptions = applied
            .0
            .iter()
            .filter_map(|id| ruleset.decision(id))
            .map(|d| Assumption { id: d.id.clone(), text: d.text.clone() })
            .collect();
    }
    // One history: every area scored month by month, which each area's
    // qualification window also reads.
    if options.history || options.today.is_some() {
        let mut by_area = area_history(rulesets, loaded, options);
        for (id, area) in areas.0.iter_mut() {
            let months = by_area.remove(id).unwrap_or_default();
            let area_rules = rulesets.iter().find(|r| &r.data.id == id);
            if let (Some(today), Some(area_rules)) = (options.today, area_rules) {
                area.window =
                    Some(crate::window::qualification_window(area_rules, today, options.anniversary, &months));
            }
            if options.history {
                area.history = Some(months);
            }
        }
    }
    for (id, report) in areas.0.iter_mut() {
        if let Some(area) = rulesets.iter().find(|r| &r.data.id == id) {
            crate::incentive::apply(area, report);
        }
    }
    let mut overview: Vec<_> = areas.values().map(crate::areas::overview_row).collect();
    let microsoft_cloud = crate::areas::microsoft_cloud(&areas);
    let (badges, badge_decision) = crate::areas::badges(&areas, &mut overview);
    let best_action = areas
        .values()
        .flat_map(|a| a.recommendations.iter().filter(move |r| Some(&r.track) == a.track.as_ref()))
        .fold(None::<&Recommendation>, |best, r| match best {
            Some(b) if b.unit_gain >= r.unit_gain => Some(b),
            _ => Some(r),
        })
        .cloned();
    Report {
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
            associations: Keyed(store.ignored_associations.iter().map(|(k, v)| (k.clone(), *v)).collect()),
            workloads: Keyed(ignored_workloads(usage, store).into_iter().collect()),
        },
        files,
        warnings,
        errors,
    }
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
    pub period: Option<Period>,
    pub areas: Keyed<AreaReport>,
    /// The headline area's people.
    pub people: Vec<PersonReport>,
    /// Every area's people, in full detail only.
    pub all_people: Vec<(&'r Ruleset, Vec<PersonReport>)>,
    pub warnings: Vec<Warning>,
    pub applied: Applied,
    pub errors: Vec<RowError>,
    pub files: Vec<FileReport>,
}

/// What a scoring pass does with the areas' lists.
pub(crate) enum Lists<'v> {
    /// Nothing (a month of the history).
    None,
    /// Counts them, for each area's `lists`.
    Count,
    /// Hands each area's data models (which, with `DetailLevel::Full`, keep
    /// their rows) to the function, with the area's report; counts nothing.
    Visit(&'v mut dyn FnMut(&AreaReport, &dyn Measures)),
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
        let mut models: Vec<&dyn Measures> = owned.iter().map(|m| m.as_ref() as &dyn Measures).collect();
        if is_reader {
            models.insert(0, &measures);
        }
        let models = crate::kinds::Models(models);
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
            let (counts, detail) = {
                // The usage model's own lists, when it measures this area.
                let usage_lists = is_reader.then(|| UsageLists {
                    ruleset: area,
                    store,
                    facts: facts.as_ref(),
                    contributes: Some(&contributes),
                    tracks: Some(&report.tracks),
                    tenant_limit: options.tenant_limit,
                });
                let own: Vec<&dyn Measures> = usage_lists.iter().map(|l| l as &dyn Measures).collect();
                let all = crate::kinds::Models(own.into_iter().chain(models.0.iter().copied()).collect());
                // Counted for the report; a visit reads the report's counts.
                let counts = match &mut lists {
                    Lists::Visit(visit) => {
                        visit(&report, &all);
                        vec![]
                    }
                    _ => all.lists(),
                };
                (counts, usage_lists.as_ref().map(UsageLists::detail))
            };
            report.lists = Keyed(counts.into_iter().map(|(name, count)| (name.to_string(), count)).collect());
            if let Some(detail) = detail {
                report.detail = Some(AreaDetail::Usage(detail));
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
    Pass { period, areas, people, all_people, warnings, applied, errors, files }
}

/// The usage model's lists for the area it measures (Modern Work's
/// `tenants` and `tenantActions`), answered from the usage store.
struct UsageLists<'a> {
    ruleset: &'a Ruleset,
    store: &'a UsageStore,
    facts: Option<&'a (Facts, Period)>,
    /// Per tenant, from the scoring pass; without one, each tenant's own
    /// parts say.
    contributes: Option<&'a [bool]>,
    /// The area's tracks as scored: tenant actions read their metrics
    /// (none without a scoring pass).
    tracks: Option<&'a Keyed<TrackReport>>,
    /// At most this many tenants listed, the contributing ones first (the
    /// full report's option; the count is of every tenant).
    tenant_limit: Option<usize>,
}

impl UsageLists<'_> {
    fn detail(&self) -> UsageDetail {
        UsageDetail {
            model: "usage",
            tenant_count: self.store.tenants.len(),
            contributing_tenants: self.contributes.map_or(0, |c| c.iter().filter(|&&c| c).count()),
        }
    }

    fn tenant_actions(&self) -> Vec<TenantAction> {
        match (self.facts, self.tracks) {
            (Some((facts, period)), Some(tracks)) => {
                crate::actions::tenant_actions(self.ruleset, self.store, facts, *period, tracks)
            }
            _ => vec![],
        }
    }
}

impl Measures for UsageLists<'_> {
    fn measure(&self, _: &str, _: &str, _: &str, _: Option<&str>) -> Option<Points> {
        None
    }

    fn lists(&self) -> Vec<(&'static str, usize)> {
        vec![("tenants", self.store.tenants.len()), ("tenantActions", self.tenant_actions().len())]
    }

    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        match list {
            "tenants" => {
                let count = self.store.tenants.len();
                // With a limit, the contributing ones first, each group in data order.
                let mut kept: Vec<TenantId> = (0..count as TenantId).collect();
                if let (Some(limit), Some(contributes)) = (self.tenant_limit.filter(|&l| l < count), self.contributes) {
                    kept.sort_by_key(|&id| !contributes[id as usize]);
                    kept.truncate(limit);
                }
                let mut association_masks = vec![0u32; count];
                for key in self.store.cells.keys() {
                    if let Some(mask) = association_masks.get_mut(key.tenant() as usize) {
                        *mask |= 1 << key.association();
                    }
                }
                let facts = self.facts.map(|(f, p)| (f, *p));
                for id in kept {
                    let i = id as usize;
                    let part = (self.contributes.map(|c| c[i]), association_masks[i]);
                    each(&|| Row::Tenant(Box::new(tenant_report(self.ruleset, self.store, facts, id, part))));
                }
            }
            "tenantActions" => {
                for action in self.tenant_actions() {
                    each(&|| Row::TenantAction(Box::new(action.clone())));
                }
            }
            _ => return false,
        }
        true
    }
}

/// The usage tenants of the area the usage exports are read with, straight
/// from the store (no scoring pass: each tenant's part says whether it
/// contributes), as of the month `options` gives; `false` when `area` is not
/// that area.
pub(crate) fn usage_tenants(
    rulesets: &[Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    area: &str,
    each: &mut EachRow<'_>,
) -> bool {
    let Some(reader) = crate::ruleset::usage_reader(rulesets).filter(|r| r.data.id == area && r.fed_by("usage")) else {
        return false;
    };
    let store = &loaded.usage;
    // The month areas_pass scores: the one asked for when the data has it,
    // else the latest.
    let as_of = options.as_of.filter(|m| store.months.contains(m)).or_else(|| store.months.last().copied());
    let facts = period(store, as_of).map(|p| (facts_for(reader, store, p), p));
    let lists = UsageLists {
        ruleset: reader,
        store,
        facts: facts.as_ref(),
        contributes: None,
        tracks: None,
        tenant_limit: None,
    };
    lists.rows("tenants", each)
}

/// The warnings an area's ruleset attaches to workloads it names (those
/// it counts with a caution, those it names only to say why they do not
/// count), for those the usage data has rows of.
fn workload_notes(area: &Ruleset, store: &UsageStore) -> Vec<Warning> {
    let rows = |w: usize| store.workload_rows.get(w).copied().unwrap_or(0);
    (area.data.workloads.iter().enumerate())
        .filter(|&(w, workload)| rows(w) > 0 && workload.warning.is_some())
        .filter_map(|(w, workload)| {
            let message = format!("{} ({} rows): {}", workload.id, rows(w), workload.warning.as_deref()?);
            Some(Warning { kind: WarningKind::WorkloadNote, file: None, message })
        })
        .collect()
}

/// Rows per workload Modern Work does not count: names no area knows,
/// dropped when read, and catalogue workloads kept for other areas
/// (Security's Defender rows, say).
fn ignored_workloads(ruleset: &Ruleset, store: &UsageStore) -> BTreeMap<String, u64> {
    let mut ignored = store.ignored_workloads.clone();
    for (w, &rows) in store.workload_rows.iter().enumerate() {
        let counted = ruleset.workload_use(w as WorkloadId);
        if rows > 0 && !counted.customers && !counted.customer_success {
            *ignored.entry(ruleset.data.workloads[w].id.clone()).or_default() += rows;
        }
    }
    ignored
}

/// The skilling list's latest reporting month, else its latest date earned.
fn skilling_month(loaded: &Loaded) -> Option<Month> {
    let rows = &loaded.certifications;
    rows.iter().filter_map(|r| r.reported).max().or_else(|| rows.iter().filter_map(|r| r.earned.map(|d| d.month)).max())
}

/// One tenant's entry in the report: its associations and, per track,
/// its part in each metric.
fn tenant_report(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    id: TenantId,
    (contributes, association_mask): (Option<bool>, u32),
) -> TenantReport {
    let tenant = &store.tenants[id as usize];
    let associations = (ruleset.data.associations.iter().enumerate())
        .filter(|(a, _)| association_mask & (1 << a) != 0)
        .map(|(_, association)| association.id.clone())
        .collect();
    let mut tracks = Keyed::default();
    if let Some((facts, period)) = facts {
        for (t, rules) in ruleset.data.tracks.iter().enumerate() {
            let part = track_part(ruleset, t, rules, facts, store, period, id, None);
            let contributes = part.contributes();
            // Only the association types the tenant has rows under: the
            // others are all zero, and would double the tenant's entry.
            let options = part
                .options
                .into_iter()
                .filter(|o| association_mask & (1 << o.association) != 0)
                .map(|o| {
                    let option = TenantOption {
                        as_of: o.now,
                        baseline: o.then,
                        growth: o.growth.map(|g| g as f64 / 100.0),
                        deployment: o.deployment,
                    };
                    (ruleset.data.associations[usize::from(o.association)].id.clone(), option)
                })
                .collect();
            let (m, b) = period;
            let max_pau = Both {
                as_of: facts.max_pau(ruleset, t, id, m).as_f64(),
                baseline: facts.max_pau(ruleset, t, id, b).as_f64(),
            };
            let track = TenantTrack {
                eligible: part.eligible,
                serves: part.serves,
                carried_over: part.carried_over,
                max_pau,
                net_add: part.net_add,
                contributes,
                options: Keyed(options),
            };
            tracks.0.push((rules.id.clone(), track));
        }
    }
    // Without the scoring pass's flag, the tenant's own parts say.
    let contributes = contributes.unwrap_or_else(|| tracks.values().any(|t: &TenantTrack| t.contributes));
    TenantReport { id: tenant.id.clone(), name: tenant.name.clone(), associations, contributes, tracks }
}

struct CustomerMetrics {
    net_adds: i64,
    /// Protected users in the as-of month minus the baseline, in hundredths.
    protected_users: i64,
    /// Tenants deployed under any of the track's associations, net.
    deployed_tenants: i64,
    /// Per option (association id) of the track: growth in hundredths.
    growth: Vec<(String, i64)>,
    deployments: Vec<(String, i64)>,
}

/// One tenant's part in one track's customer metrics.
struct TrackPart {
    /// Eligible for net customer adds (the net-customer-adds workloads).
    eligible: Both<bool>,
    /// Eligible for usage growth and deployments (their workloads).
    serves: Both<bool>,
    /// Eligible (for either list) only through the track's carry-over.
    carried_over: Both<bool>,
    /// Protected users (hundredths) while it serves, over the track's associations.
    protected: Both<i64>,
    /// Deployed under any of the track's associations while it serves.
    deployed: Both<bool>,
    /// +1, 0 or -1 to net customer adds.
    net_add: i32,
    options: Vec<OptionPart>,
}

struct OptionPart {
    association: AssociationId,
    now: TenantMonth,
    then: TenantMonth,
    /// In hundredths; `None` when left out of growth.
    growth: Option<i64>,
    deployment: i32,
}

impl TrackPart {
    fn contributes(&self) -> bool {
        self.net_add != 0 || self.options.iter().any(|o| o.growth.is_some_and(|g| g != 0) || o.deployment != 0)
    }
}

/// One tenant's part in one track of an area's usage model, as another
/// area reading the usage exports explains it (Security's Microsoft 365 part).
pub(crate) struct UsagePart {
    pub(crate) eligible: Both<bool>,
    /// In band for usage growth and deployments (their workloads).
    pub(crate) serves: Both<bool>,
    pub(crate) carried_over: Both<bool>,
    /// Protected users counted while it serves, in hundredths.
    pub(crate) protected: Both<i64>,
    pub(crate) deployed: Both<bool>,
    pub(crate) net_add: i32,
}

/// The tenant's part in track `t`, decided where the metrics' are.
pub(crate) fn usage_part(
    ruleset: &Ruleset,
    t: usize,
    facts: &Facts,
    store: &UsageStore,
    period: Period,
    id: TenantId,
) -> UsagePart {
    let rules = &ruleset.data.tracks[t];
    let part = track_part(ruleset, t, rules, facts, store, period, id, None);
    UsagePart {
        eligible: part.eligible,
        serves: part.serves,
        carried_over: part.carried_over,
        protected: part.protected,
        deployed: part.deployed,
        net_add: part.net_add,
    }
}

/// The association types of the usage growth and deployments options, in
/// ruleset order.
fn track_options(ruleset: &Ruleset, t: usize) -> (Vec<AssociationId>, Vec<AssociationId>) {
    (option_ids(ruleset, t, "activeUsers"), option_ids(ruleset, t, "deployedTenants"))
}

/// The one place a tenant's eligibility, growth and deployment on a track
/// are decided; the metrics are sums of these parts.
#[allow(clippy::too_many_arguments)]
fn track_part(
    ruleset: &Ruleset,
    t: usize,
    rules: &TrackRules,
    facts: &Facts,
    store: &UsageStore,
    (m, b): Period,
    id: TenantId,
    mut notes: Option<&mut Detail<'_>>,
) -> TrackPart {
    let (growth_options, deployment_options) = track_options(ruleset, t);
    let mut all_options = growth_options.clone();
    all_options.extend(deployment_options.iter().filter(|a| !growth_options.contains(a)));
    let both = |list: List| {
        let at = |month: Month| facts.eligibility(ruleset, t, id, month, list);
        Both { as_of: at(m), baseline: at(b) }
    };
    let (customers, success) = (both(List::Customers), both(List::CustomerSuccess));
    let eligible = Both { as_of: customers.as_of.eligible, baseline: customers.baseline.eligible };
    let serves = Both { as_of: success.as_of.eligible, baseline: success.baseline.eligible };
    let carried_over = Both {
        as_of: customers.as_of.carried_over || success.as_of.carried_over,
        baseline: customers.baseline.carried_over || success.baseline.carried_over,
    };
    if let Some(notes) = notes.as_mut().filter(|_| carried_over.as_of || carried_over.baseline) {
        notes.applied.note("smb-carry-over");
    }
    let net_add = i32::from(eligible.as_of) - i32::from(eligible.baseline);
    // Over every association of the track at once (Security's Microsoft 365 part).
    let across = |month: Month, serves: bool| {
        let slices = facts.slices_in(ruleset.customer_mask(t), id, month).filter(|_| serves);
        slices.fold((0, false), |(protected, deployed), s| (protected + s.protected, deployed || s.deployed))
    };
    let (now, then) = (across(m, serves.as_of), across(b, serves.baseline));
    let protected = Both { as_of: now.0, baseline: then.0 };
    let deployed = Both { as_of: now.1, baseline: then.1 };
    let mut options = Vec::with_capacity(all_options.len());
    for a in all_options {
        let month = |month: Month| {
            let slice = facts.slice(id, month, a).copied().unwrap_or_default();
            TenantMonth {
                mau: slice.mau as f64 / 100.0,
                deployed: slice.deployed,
                best_ratio: slice.best_ratio().map(|(mau, pau)| mau.as_f64() / pau.as_f64()),
            }
        };
        let counted_mau =
            |month: Month, eligible: bool| if eligible { facts.slice(id, month, a).map_or(0, |s| s.mau) } else { 0 };
        // The baseline of growth moves to the association month when the
        // partner was associated after the baseline month.
        let growth_baseline = match store.associated.get(&(id, a)) {
            Some(&associated) if associated > b => {
                let has_data = associated <= m && facts.slice(id, associated, a).is_some();
                if let Some(notes) = notes.as_mut() {
                    notes.applied.note("association-date-baseline");
                    if !has_data {
                        notes.warnings.push(Warning {
                            kind: WarningKind::AssociationAfterBaseline,
                            file: None,
                            message: format!(
                                "Tenant {} was associated ({}) in {associated}, after the baseline month, and has no usage for that month: it is left out of {} usage growth.",
                                store.tenants[id as usize].id,
                                ruleset.data.associations[usize::from(a)].id,
                                rules.label
                            ),
                        });
                    }
                }
                has_data
                    .then(|| counted_mau(associated, facts.eligible(ruleset, t, id, associated, List::CustomerSuccess)))
            }
            _ => Some(counted_mau(b, serves.baseline)),
        };
        let growth = growth_baseline.map(|base| counted_mau(m, serves.as_of) - base);
        let (now, then) = (month(m), month(b));
        let deployment = i32::from(serves.as_of && now.deployed) - i32::from(serves.baseline && then.deployed);
        options.push(OptionPart { association: a, now, then, growth, deployment });
    }
    TrackPart { eligible, serves, carried_over, protected, deployed, net_add, options }
}

/// Net customer adds, usage growth and deployments of track `t`: sums of
/// every tenant's part.
fn customer_metrics(
    ruleset: &Ruleset,
    t: usize,
    rules: &TrackRules,
    facts: &Facts,
    store: &UsageStore,
    period: Period,
    mut detail: Option<&mut Detail<'_>>,
) -> CustomerMetrics {
    let (growth_options, deployment_options) = track_options(ruleset, t);
    let named = |ids: &[AssociationId]| -> Vec<(String, i64)> {
        ids.iter().map(|&a| (ruleset.data.associations[usize::from(a)].id.clone(), 0)).collect()
    };
    let mut out = CustomerMetrics {
        net_adds: 0,
        protected_users: 0,
        deployed_tenants: 0,
        growth: named(&growth_options),
        deployments: named(&deployment_options),
    };
    for id in 0..store.tenants.len() as TenantId {
        let part = track_part(ruleset, t, rules, facts, store, period, id, detail.as_deref_mut());
        out.net_adds += i64::from(part.net_add);
        out.protected_users += part.protected.as_of - part.protected.baseline;
        out.deployed_tenants += i64::from(part.deployed.as_of) - i64::from(part.deployed.baseline);
        for option in &part.options {
            if let Some(i) = growth_options.iter().position(|&g| g == option.association) {
                out.growth[i].1 += option.growth.unwrap_or(0);
            }
            if let Some(i) = deployment_options.iter().position(|&d| d == option.association) {
                out.deployments[i].1 += i64::from(option.deployment);
            }
        }
        if let Some(flag) = detail.as_mut().and_then(|d| d.contributes.get_mut(id as usize)) {
            *flag |= part.contributes();
        }
    }
    out
}

fn option_ids(ruleset: &Ruleset, t: usize, measure: &str) -> Vec<AssociationId> {
    let options = ruleset.options(t, measure).map_or(&[][..], |rule| &rule.options[..]);
    options.iter().filter_map(|o| ruleset.association_index(&o.association)).collect()
}

// The one history (designations.md section 4): every area scored month by
// month with the pass the report is scored with.

/// Every area's score month by month (designations.md section 4): each
/// month from the first to the last of any loaded export, scored as if it
/// were the as-of month. It is of the files: typed values describe today,
/// not past months.
pub fn area_history(rulesets: &[Ruleset], loaded: &Loaded, options: &ScoreOptions) -> BTreeMap<String, Vec<AreaMonth>> {
    let mut out: BTreeMap<String, Vec<AreaMonth>> = BTreeMap::new();
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
            out.entry(id).or_default().push(summary);
        }
        m = m.plus(1);
    }
    out
}
