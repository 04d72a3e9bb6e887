//! The customer metrics of the usage model (net customer adds, usage
//! growth, deployments, protected users): one place decides each tenant's
//! part on a track, and the metrics are sums of these parts.

use crate::kinds::Measures;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::{Both, Keyed, TenantMonth, TenantOption, TenantReport, TenantTrack, Warning, WarningKind};
use crate::ruleset::{AssociationId, Ruleset, TrackRules};
use crate::usage::facts::{Detail, Facts, List, Period, TrackOptions};
use crate::usage::store::{TenantId, UsageStore};

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
        let (value, scale) = match (measure, option) {
            ("customers", _) => (c.net_adds, 1),
            ("protectedUsers", _) => (c.protected_users, 100),
            ("activeUsers", _) => (option_value(&c.growth, option)?, 100),
            ("deployedTenants", None) => (c.deployed_tenants, 1),
            ("deployedTenants", Some(_)) => (option_value(&c.deployments, option)?, 1),
            _ => return None,
        };
        Some(Points::fraction(value, scale))
    }
}

/// An option's figure (by association id) among a track's.
fn option_value(options: &[(String, i64)], option: Option<&str>) -> Option<i64> {
    options.iter().find(|(id, _)| Some(id.as_str()) == option).map(|&(_, value)| value)
}

/// The figures only: the usage model's lists and detail are `UsageLists`'.
impl DataModel for UsageMeasures {}

/// One tenant's entry in the report: its associations and, per track,
/// its part in each metric.
pub(crate) fn tenant_report(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    id: TenantId,
    part: (Option<bool>, u32),
) -> TenantReport {
    tenant_report_on(ruleset, store, facts, id, part, None)
}

/// The tenant's entry with only track `only`'s part when given (what a
/// sort by a path into that track reads: half the work of the whole entry).
pub(crate) fn tenant_report_on(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: Option<(&Facts, Period)>,
    id: TenantId,
    (contributes, association_mask): (Option<bool>, u32),
    only: Option<usize>,
) -> TenantReport {
    let tenant = &store.tenants[id as usize];
    let associations = (ruleset.data.associations.iter().enumerate())
        .filter(|(a, _)| association_mask & (1 << a) != 0)
        .map(|(_, association)| association.id.clone())
        .collect();
    let mut tracks = Keyed::default();
    if let Some((facts, period)) = facts {
        for (t, rules) in ruleset.data.tracks.iter().enumerate() {
            if only.is_some_and(|only| only != t) {
                continue;
            }
            let part = track_part(ruleset, t, rules, facts, store, period, id, None);
            let contributes = part.contributes();
            // Only the association types the tenant has rows under: the
            // others are all zero, and would double the tenant's entry.
            let mut options = vec![];
            for o in part.options.into_iter().filter(|o| association_mask & (1 << o.association) != 0) {
                let option = TenantOption {
                    as_of: o.now,
                    baseline: o.then,
                    growth: o.growth.map(|g| g as f64 / 100.0),
                    deployment: o.deployment,
                };
                options.push((ruleset.data.associations[usize::from(o.association)].id.clone(), option));
            }
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

/// What the tenant moves on track `t` (`crate::report::weigh`: a customer
/// added or lost, then deployments, then growth), from its part alone: a
/// contribution sort weighs every tenant without building its entry. The
/// same figures as the entry's options (those the tenant has rows under).
pub(crate) fn tenant_weight(
    ruleset: &Ruleset,
    store: &UsageStore,
    (facts, period): (&Facts, Period),
    id: TenantId,
    t: usize,
    association_mask: u32,
) -> f64 {
    let part = track_part(ruleset, t, &ruleset.data.tracks[t], facts, store, period, id, None);
    let options = part.options.iter().filter(|o| association_mask & (1 << o.association) != 0);
    let growth = options.clone().map(|o| o.growth.map(|g| g as f64 / 100.0));
    crate::report::weigh(part.net_add, options.map(|o| o.deployment), growth)
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
    let all_options = &facts.options(t).all;
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
    for &a in all_options {
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
    let TrackOptions { growth: growth_options, deployments: deployment_options, .. } = facts.options(t);
    let named = |ids: &[AssociationId]| -> Vec<(String, i64)> {
        let mut out = vec![];
        for &a in ids {
            out.push((ruleset.data.associations[usize::from(a)].id.clone(), 0));
        }
        out
    };
    let mut out = CustomerMetrics {
        net_adds: 0,
        protected_users: 0,
        deployed_tenants: 0,
        growth: named(growth_options),
        deployments: named(deployment_options),
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
