//! The Modern Work score: eligibility, the five metrics, statuses, and each
//! tenant's part in them (spec/modern-work.md, sections 1 to 6).

use crate::load::Loaded;
use crate::month::{Date, Month};
use crate::number::Count;
use crate::people;
use crate::points::Points;
use crate::recommend::recommendations;
use crate::report::*;
use crate::ruleset::{AssociationId, Optioned, Ruleset, Simple, TrackRules};
use crate::store::{CellKey, TenantId, Usage, UsageStore};
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
}

/// One tenant's usage under one association type in one month, over the
/// eligible workloads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Slice {
    /// MAU summed over workloads, in hundredths.
    pub(crate) mau: i64,
    /// Bit `t` set when a workload's paid units fall in track `t`'s band.
    pub(crate) bands: u8,
    pub(crate) max_pau: Count,
    pub(crate) deployed: bool,
    /// The workload with the best MAU/PAU ratio, as (MAU, PAU).
    pub(crate) best_ratio: Option<(Count, Count)>,
}

impl Slice {
    /// One workload's usage.
    fn of(usage: Usage, ruleset: &Ruleset) -> Slice {
        let (mau, pau) = (usage.mau, usage.pau);
        let mut bands = 0;
        for (t, track) in ruleset.data.tracks.iter().enumerate() {
            if track.band.contains(pau.0) {
                bands |= 1 << t;
            }
        }
        let ratio = u64::from(ruleset.data.deployment_ratio_percent);
        let paid = pau.0 > 0;
        Slice {
            mau: mau.hundredths(),
            bands,
            max_pau: pau,
            deployed: paid && u64::from(mau.0) * 100 >= u64::from(pau.0) * ratio,
            best_ratio: paid.then_some((mau, pau)),
        }
    }

    /// Adds another workload's (or workloads') usage; on equal ratios the
    /// best workload already here stays.
    fn add(&mut self, other: &Slice) {
        self.mau += other.mau;
        self.bands |= other.bands;
        self.max_pau = self.max_pau.max(other.max_pau);
        self.deployed |= other.deployed;
        let better = match (self.best_ratio, other.best_ratio) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some((m, p)), Some((mau, pau))) => u64::from(mau.0) * u64::from(p.0) > u64::from(m.0) * u64::from(pau.0),
        };
        if better {
            self.best_ratio = other.best_ratio;
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
        let mut slices: Vec<(CellKey, Slice)> = vec![];
        let mut sorted = true;
        let mut present = 0u32;
        for (key, usage) in store.cells.iter() {
            let month = key.month();
            if !months.contains(&month) {
                continue;
            }
            present |= 1 << key.association();
            let key = CellKey::new(key.tenant(), month, key.association(), 0);
            let cell = Slice::of(usage, ruleset);
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

    /// Eligible on track `t`: a workload under one of the track's customer
    /// associations has paid units in the track's band.
    pub(crate) fn eligible(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month) -> bool {
        self.slices_in(ruleset.customer_mask(t), tenant, month).any(|slice| slice.bands & (1 << t) != 0)
    }

    pub(crate) fn max_pau(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month) -> Count {
        self.slices_in(ruleset.customer_mask(t), tenant, month).map(|s| s.max_pau).max().unwrap_or_default()
    }
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

/// Scores every track for one as-of month. `facts` must cover the period's
/// months (and association months inside it).
pub(crate) fn track_reports(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    people: &[PersonReport],
    mut detail: Option<Detail<'_>>,
) -> Keyed<TrackReport> {
    let intermediate = people.iter().filter(|p| p.intermediate).count() as i64;
    let advanced = people.iter().filter(|p| p.advanced).count() as i64;
    let mut tracks = Keyed::default();
    for (t, rules) in ruleset.data.tracks.iter().enumerate() {
        let customer =
            facts.map(|(facts, period)| customer_metrics(ruleset, t, rules, facts, store, period, detail.as_mut()));
        let metrics = Metrics {
            net_customer_adds: simple(rules.metrics.net_customer_adds, customer.as_ref().map(|c| c.net_adds)),
            intermediate_certifications: simple(rules.metrics.intermediate_certifications, Some(intermediate)),
            advanced_certifications: simple(rules.metrics.advanced_certifications, Some(advanced)),
            usage_growth: optioned(ruleset, &rules.metrics.usage_growth, customer.as_ref().map(|c| &c.growth[..]), 100),
            deployments: optioned(
                ruleset,
                &rules.metrics.deployments,
                customer.as_ref().map(|c| &c.deployments[..]),
                1,
            ),
        };
        tracks.0.push((rules.id.clone(), track_report(ruleset, rules, metrics)));
    }
    tracks
}

/// Facts for the period's months, plus the association months inside it
/// (where a growth baseline may move to).
pub(crate) fn facts_for(ruleset: &Ruleset, store: &UsageStore, (m, b): Period) -> Facts {
    let mut needed: BTreeSet<Month> = [m, b].into();
    needed.extend(store.associated.values().filter(|&&a| a > b && a <= m));
    Facts::build(store, ruleset, &needed)
}

/// The period for `as_of`, when both it and its baseline have data.
pub(crate) fn period(store: &UsageStore, as_of: Option<Month>) -> Option<Period> {
    let m = as_of?;
    let b = m.minus(12)?;
    (store.months.contains(&m) && store.months.contains(&b)).then_some((m, b))
}

/// Area status and best track: the best of the tracks. Ties go to the
/// first track in ruleset order.
pub(crate) fn best_of(tracks: &Keyed<TrackReport>) -> (Status, Option<String>) {
    let best = tracks
        .0
        .iter()
        .max_by(|(_, a), (_, b)| a.total.cmp(&b.total).then(a.status.cmp(&b.status)).then(std::cmp::Ordering::Greater));
    let status = tracks.values().map(|t| t.status).max().unwrap_or(Status::NotStarted);
    (status, best.filter(|(_, t)| !t.total.is_zero()).map(|(id, _)| id.clone()))
}

pub fn score(ruleset: &Ruleset, loaded: &Loaded, options: &ScoreOptions) -> Report {
    let mut warnings = loaded.warnings.clone();
    let mut applied = Applied::default();
    let store = &loaded.usage;
    let months: Vec<Month> = store.months.iter().copied().collect();
    let latest = months.last().copied();
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
    if latest.is_none() {
        warnings.push(Warning {
            kind: WarningKind::NoUsage,
            file: None,
            message: "No usage export was loaded: net customer adds, usage growth and deployments need the contribution export from Partner Center.".into(),
        });
    } else if let (Some(m), Some(b), None) = (as_of, baseline, period) {
        warnings.push(Warning {
            kind: WarningKind::MissingBaseline,
            file: None,
            message: format!("The baseline month {b} (12 months before {m}) is not in the usage data, so net customer adds, usage growth and deployments cannot be computed. Add the export that covers {b}."),
        });
    }
    if loaded.certifications.is_empty() {
        warnings.push(Warning {
            kind: WarningKind::NoSkilling,
            file: None,
            message: "No skilling list was loaded: certification metrics count no one.".into(),
        });
    }

    let people = people::evaluate(&loaded.certifications, ruleset, as_of);
    for person in &people {
        for c in person.certifications.iter().filter(|c| c.status == CertificationStatus::Retired) {
            applied.note("retired-certifications");
            let who = person.name.as_deref().or(person.email.as_deref()).unwrap_or(&person.id);
            warnings.push(Warning {
                kind: WarningKind::RetiredCertification,
                file: None,
                message: format!(
                    "{who}'s {} is counted, but it is absent from the current list: Partner Center may no longer count it.",
                    c.matched.as_deref().unwrap_or(&c.name)
                ),
            });
        }
    }
    let facts = period.map(|p| (facts_for(ruleset, store, p), p));
    let mut contributes = vec![false; store.tenants.len()];
    let detail = Detail { contributes: &mut contributes, warnings: &mut warnings, applied: &mut applied };
    let tracks = track_reports(ruleset, store, facts.as_ref().map(|(f, p)| (f, *p)), &people, Some(detail));
    if period.is_some() {
        for id in ["eligibility-per-month", "growth-eligible-months", "deployment-per-workload"] {
            applied.note(id);
        }
        let negative = tracks.values().any(|t: &TrackReport| {
            t.metrics.net_customer_adds.value.is_some_and(|v| v < 0)
                || [&t.metrics.usage_growth, &t.metrics.deployments]
                    .iter()
                    .any(|m| m.options.values().any(|o| o.value.is_some_and(|v| v < 0.0)))
        });
        if negative {
            applied.note("negative-nets");
        }
    }
    applied.note("area-either-track");
    let mut rows_per_workload = store.workload_rows.iter().zip(&ruleset.data.workloads);
    if rows_per_workload.any(|(&rows, workload)| rows > 0 && !workload.confirmed) {
        applied.note("unconfirmed-workloads");
    }
    if !store.ignored_associations.is_empty() {
        applied.note("ignored-associations");
    }

    let (status, best_track) = best_of(&tracks);
    let tenant_actions = match &facts {
        Some((facts, p)) => crate::actions::tenant_actions(ruleset, store, facts, *p, &tracks),
        None => vec![],
    };
    // Detail only for the tenants reported: with a limit, the contributing
    // ones first, each group in data order.
    let tenant_count = store.tenants.len();
    let mut kept: Vec<TenantId> = (0..tenant_count as TenantId).collect();
    if let Some(limit) = options.tenant_limit.filter(|&l| l < tenant_count) {
        kept.sort_by_key(|&id| !contributes[id as usize]);
        kept.truncate(limit);
    }
    let mut association_masks = vec![0u32; tenant_count];
    for key in store.cells.keys() {
        if let Some(mask) = association_masks.get_mut(key.tenant() as usize) {
            *mask |= 1 << key.association();
        }
    }
    let facts_ref = facts.as_ref().map(|(f, p)| (f, *p));
    let tenants = kept
        .iter()
        .map(|&id| {
            let i = id as usize;
            tenant_report(ruleset, store, facts_ref, id, (contributes[i], association_masks[i]))
        })
        .collect();
    let history = (options.history || options.today.is_some()).then(|| crate::window::history(ruleset, loaded));
    let window = options.today.map(|today| {
        crate::window::qualification_window(ruleset, today, options.anniversary, history.as_deref().unwrap_or_default())
    });
    let history = history.filter(|_| options.history);
    Report {
        schema_version: SCHEMA_VERSION,
        ruleset: RulesetRef { id: ruleset.data.id.clone(), version: ruleset.data.version.clone() },
        as_of,
        baseline,
        months,
        status,
        best_track,
        recommendations: recommendations(ruleset, &tracks),
        tracks,
        tenants,
        tenant_count,
        people,
        tenant_actions,
        history,
        window,
        assumptions: applied
            .0
            .iter()
            .filter_map(|id| ruleset.decision(id))
            .map(|d| Assumption { id: d.id.clone(), text: d.text.clone() })
            .collect(),
        ignored: Ignored {
            associations: Keyed(store.ignored_associations.iter().map(|(k, v)| (k.clone(), *v)).collect()),
            workloads: Keyed(store.ignored_workloads.iter().map(|(k, v)| (k.clone(), *v)).collect()),
        },
        files: loaded.files.clone(),
        warnings,
        errors: loaded.errors.clone(),
    }
}

/// One tenant's entry in the report: its associations and, per track,
/// its part in each metric.
fn tenant_report(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    id: TenantId,
    (contributes, association_mask): (bool, u32),
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
            let options = part
                .options
                .into_iter()
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
                max_pau,
                net_add: part.net_add,
                contributes,
                options: Keyed(options),
            };
            tracks.0.push((rules.id.clone(), track));
        }
    }
    TenantReport { id: tenant.id.clone(), name: tenant.name.clone(), associations, contributes, tracks }
}

struct CustomerMetrics {
    net_adds: i64,
    /// Per option of the track, in ruleset order: growth in hundredths.
    growth: Vec<i64>,
    deployments: Vec<i64>,
}

/// One tenant's part in one track's customer metrics.
struct TrackPart {
    eligible: Both<bool>,
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

/// The association types of a metric's options, in ruleset order.
fn track_options(ruleset: &Ruleset, rules: &TrackRules) -> (Vec<AssociationId>, Vec<AssociationId>) {
    (option_ids(ruleset, &rules.metrics.usage_growth), option_ids(ruleset, &rules.metrics.deployments))
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
    let (growth_options, deployment_options) = track_options(ruleset, rules);
    let mut all_options = growth_options.clone();
    all_options.extend(deployment_options.iter().filter(|a| !growth_options.contains(a)));
    let eligible = Both { as_of: facts.eligible(ruleset, t, id, m), baseline: facts.eligible(ruleset, t, id, b) };
    let net_add = i32::from(eligible.as_of) - i32::from(eligible.baseline);
    let mut options = Vec::with_capacity(all_options.len());
    for a in all_options {
        let month = |month: Month| {
            let slice = facts.slice(id, month, a).copied().unwrap_or_default();
            TenantMonth {
                mau: slice.mau as f64 / 100.0,
                deployed: slice.deployed,
                best_ratio: slice.best_ratio.map(|(mau, pau)| mau.as_f64() / pau.as_f64()),
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
                has_data.then(|| counted_mau(associated, facts.eligible(ruleset, t, id, associated)))
            }
            _ => Some(counted_mau(b, eligible.baseline)),
        };
        let growth = growth_baseline.map(|base| counted_mau(m, eligible.as_of) - base);
        let (now, then) = (month(m), month(b));
        let deployment = i32::from(eligible.as_of && now.deployed) - i32::from(eligible.baseline && then.deployed);
        options.push(OptionPart { association: a, now, then, growth, deployment });
    }
    TrackPart { eligible, net_add, options }
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
    let (growth_options, deployment_options) = track_options(ruleset, rules);
    let mut out = CustomerMetrics {
        net_adds: 0,
        growth: vec![0; growth_options.len()],
        deployments: vec![0; deployment_options.len()],
    };
    for id in 0..store.tenants.len() as TenantId {
        let part = track_part(ruleset, t, rules, facts, store, period, id, detail.as_deref_mut());
        out.net_adds += i64::from(part.net_add);
        for option in &part.options {
            if let Some(i) = growth_options.iter().position(|&g| g == option.association) {
                out.growth[i] += option.growth.unwrap_or(0);
            }
            if let Some(i) = deployment_options.iter().position(|&d| d == option.association) {
                out.deployments[i] += i64::from(option.deployment);
            }
        }
        if let Some(flag) = detail.as_mut().and_then(|d| d.contributes.get_mut(id as usize)) {
            *flag |= part.contributes();
        }
    }
    out
}

fn option_ids(ruleset: &Ruleset, metric: &Optioned) -> Vec<AssociationId> {
    metric.options.iter().filter_map(|o| ruleset.association_index(&o.association)).collect()
}

fn simple(rule: Simple, value: Option<i64>) -> SimpleMetric {
    SimpleMetric {
        points: value.map(|v| Points::scaled(v, 1, rule.threshold, rule.max)),
        max: rule.max,
        value,
        threshold: rule.threshold,
    }
}

/// The best option's points; `scale` is the unit of `values` (100 for
/// hundredths). Ties go to the first option in ruleset order.
fn optioned(ruleset: &Ruleset, rule: &Optioned, values: Option<&[i64]>, scale: i64) -> OptionMetric {
    let mut options = Keyed::default();
    let mut best: Option<(Points, String)> = None;
    for (i, option) in rule.options.iter().enumerate() {
        let value = values.and_then(|v| v.get(i)).copied();
        let points = value.map(|v| Points::scaled(v, scale, option.threshold, rule.max));
        if let Some(p) = points {
            if best.as_ref().is_none_or(|(b, _)| p > *b) {
                best = Some((p, option.association.clone()));
            }
        }
        let id = ruleset
            .association_index(&option.association)
            .map_or(option.association.clone(), |a| ruleset.data.associations[a as usize].id.clone());
        options.0.push((
            id,
            OptionScore { value: value.map(|v| v as f64 / scale as f64), threshold: option.threshold, points },
        ));
    }
    OptionMetric { points: best.as_ref().map(|(p, _)| *p), max: rule.max, best_option: best.map(|(_, o)| o), options }
}

fn track_report(ruleset: &Ruleset, rules: &TrackRules, metrics: Metrics) -> TrackReport {
    let points = metrics.points();
    let total: Points = points.iter().flatten().copied().sum();
    let complete = points.iter().all(Option::is_some);
    let q = &ruleset.data.qualification;
    let every_metric = !q.every_metric_above_zero || points.iter().all(|p| p.is_some_and(|p| !p.is_zero()));
    let status = if total >= Points::whole(q.min_total) {
        if complete && every_metric {
            Status::Qualified
        } else {
            Status::Partial
        }
    } else if total.is_zero() {
        Status::NotStarted
    } else {
        Status::InProgress
    };
    TrackReport { label: rules.label.clone(), total, status, complete, metrics }
}
