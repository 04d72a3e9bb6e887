//! Security's Microsoft 365 part (security.md sections 4 to 8): the usage
//! model run with Security's bands, association types, workloads and
//! deployment ratio, explained tenant by tenant, with the tenants in band
//! that a few more active users would deploy.

use super::points_text;
use crate::month::Month;
use crate::points::Points;
use crate::report::{Both, Keyed, SecurityM365Detail, SecurityM365Tenant, SecurityM365Track};
use crate::ruleset::{AssociationId, Ruleset, WorkloadId};
use crate::usage::facts::{facts_for, Facts, Period};
use crate::usage::measures::{usage_measures, usage_part, UsageMeasures};
use crate::usage::store::{CellKey, TenantId, UsageStore};
use std::fmt::Write;

/// Tenants named in one hint.
const MAX_NAMED: usize = 5;

/// A tenant with security seats under the part's association types in
/// either month.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) tenant: TenantId,
    pub(crate) contributes: bool,
}

pub(crate) struct M365Part<'a> {
    area: &'a Ruleset,
    store: &'a UsageStore,
    period: Period,
    /// The usage model's facts, kept to explain the tenants listed.
    facts: Facts,
    pub(crate) measures: UsageMeasures,
    pub(crate) candidates: Vec<Candidate>,
    /// Per track (by index): protected users counted, in hundredths.
    protected: Vec<Both<i64>>,
    /// (users the nearest tenant needs, hint), per track and workload
    /// (`i64` as the Azure model's hints: one sort of both in the module).
    pub(crate) hints: Vec<(i64, String)>,
}

/// A tenant in band but not deployed: the workload fewest more active
/// users would deploy, and how many.
struct Reach {
    tenant: TenantId,
    workload: WorkloadId,
    users: u64,
}

impl<'a> M365Part<'a> {
    pub(crate) fn new(area: &'a Ruleset, store: &'a UsageStore, period: Period) -> M365Part<'a> {
        let facts = facts_for(area, store, period);
        let measures = usage_measures(area, store, Some((&facts, period)), None);
        let (m, b) = period;
        let tracks = &area.data.tracks;
        let mut protected = vec![Both::<i64>::default(); tracks.len()];
        let mut reach: Vec<Vec<Reach>> = vec![];
        reach.resize_with(tracks.len(), Vec::new);
        let mut candidates = vec![];
        for id in 0..store.tenants.len() as TenantId {
            let (mut seats, mut contributes) = (false, false);
            for t in 0..tracks.len() {
                seats |= facts.max_pau(area, t, id, m).0 > 0 || facts.max_pau(area, t, id, b).0 > 0;
                let part = usage_part(area, t, &facts, store, period, id);
                protected[t].as_of += part.protected.as_of;
                protected[t].baseline += part.protected.baseline;
                let net_deployment = i32::from(part.deployed.as_of) - i32::from(part.deployed.baseline);
                contributes |=
                    part.net_add != 0 || net_deployment != 0 || part.protected.as_of != part.protected.baseline;
                if part.serves.as_of && !part.deployed.as_of {
                    if let Some((workload, users)) = to_deploy(area, t, store, id, m) {
                        reach[t].push(Reach { tenant: id, workload, users });
                    }
                }
            }
            if seats {
                candidates.push(Candidate { tenant: id, contributes });
            }
        }
        let mut hints = vec![];
        for (t, reach) in reach.into_iter().enumerate() {
            track_hints(area, store, t, reach, &mut hints);
        }
        M365Part { area, store, period, facts, measures, candidates, protected, hints }
    }

    /// A listed tenant's part, explained.
    pub(crate) fn tenant_detail(&self, id: TenantId) -> SecurityM365Tenant {
        let (area, facts, (m, b)) = (self.area, &self.facts, self.period);
        let mut tracks = vec![];
        for (t, rules) in area.data.tracks.iter().enumerate() {
            let part = usage_part(area, t, facts, self.store, self.period, id);
            let max_pau = |month| facts.max_pau(area, t, id, month).as_f64();
            let ratio = |month| facts.best_ratio(area, t, id, month).map(|(mau, pau)| mau.as_f64() / pau.as_f64());
            let users = |hundredths: i64| hundredths as f64 / 100.0;
            let track = SecurityM365Track {
                eligible: part.eligible,
                carried_over: part.carried_over,
                max_pau: Both { as_of: max_pau(m), baseline: max_pau(b) },
                protected_users: Both { as_of: users(part.protected.as_of), baseline: users(part.protected.baseline) },
                deployed: part.deployed,
                best_active: Both { as_of: ratio(m), baseline: ratio(b) },
                net_add: part.net_add,
                net_deployment: i32::from(part.deployed.as_of) - i32::from(part.deployed.baseline),
                growth: users(part.protected.as_of - part.protected.baseline),
            };
            tracks.push((rules.id.clone(), track));
        }
        SecurityM365Tenant { tracks: Keyed(tracks) }
    }

    pub(crate) fn detail(&self) -> SecurityM365Detail {
        let mut protected_users = vec![];
        for (track, both) in self.area.data.tracks.iter().zip(&self.protected) {
            let users = Both { as_of: both.as_of as f64 / 100.0, baseline: both.baseline as f64 / 100.0 };
            protected_users.push((track.id.clone(), users));
        }
        SecurityM365Detail {
            protected_users: Keyed(protected_users),
            deployment_ratio: f64::from(self.area.data.deployment_ratio_percent) / 100.0,
        }
    }
}

/// The workload of a tenant that the fewest more active users would
/// deploy in `m`: MAU / PAU at the ruleset's ratio, per workload (the test
/// `Slice` makes), under the track's association types.
fn to_deploy(area: &Ruleset, t: usize, store: &UsageStore, id: TenantId, m: Month) -> Option<(WorkloadId, u64)> {
    let ratio = u64::from(area.data.deployment_ratio_percent);
    let mask = area.customer_mask(t);
    let associations = (0..area.data.associations.len() as AssociationId).filter(|a| mask & (1 << a) != 0);
    let mut best: Option<(WorkloadId, u64)> = None;
    for a in associations {
        for w in 0..area.data.workloads.len() as WorkloadId {
            if !area.workload_use(w).customer_success {
                continue;
            }
            let Some(usage) = store.cells.get(&CellKey::new(id, m, a, w)) else { continue };
            if usage.pau.0 == 0 {
                continue;
            }
            // Hundredths: (MAU + n) x 100 >= PAU x ratio.
            let short = (u64::from(usage.pau.0) * ratio).saturating_sub(u64::from(usage.mau.0) * 100);
            let users = short.div_ceil(10_000).max(1);
            if best.is_none_or(|(_, fewest)| users < fewest) {
                best = Some((w, users));
            }
        }
    }
    best
}

/// One hint per workload on track `t`, added to `out`: how many more
/// tenants in band would deploy at the ratio, what they add, and the users
/// each needs.
fn track_hints(area: &Ruleset, store: &UsageStore, t: usize, mut reach: Vec<Reach>, out: &mut Vec<(i64, String)>) {
    let rules = &area.data.tracks[t];
    let per_unit = area.per_unit_from(t, "usage", "deployedTenants");
    let max = rules.metrics.values().find(|m| m.parts().iter().any(|p| p.0 == "usage" && p.1 == "deployedTenants"));
    // Ties by tenant id, so that the order of rows does not show.
    let id = |r: &Reach| store.tenants.get(r.tenant as usize).map_or("", |t| t.id.as_str());
    reach.sort_unstable_by(|a, b| {
        (a.workload, a.users)
            .cmp(&(b.workload, b.users))
            .then_with(|| super::caseless(id(a)).cmp(super::caseless(id(b))))
    });
    let ratio = area.data.deployment_ratio_percent;
    // Sorted by workload first: one run per workload.
    for tenants in reach.chunk_by(|a, b| a.workload == b.workload) {
        let n = tenants.len();
        let workload = &area.data.workloads[usize::from(tenants[0].workload)].id;
        let gain = match (per_unit, max) {
            (Some(p), Some(metric)) => {
                let points = p.times(n as i64).min(Points::whole(metric.max()));
                format!(" {} up to {} points", if n == 1 { "adds" } else { "add" }, points_text(points))
            }
            _ => String::new(),
        };
        let mut named = String::new();
        for r in tenants.iter().take(MAX_NAMED) {
            let tenant = &store.tenants[r.tenant as usize];
            let name = tenant.name.as_deref().unwrap_or(&tenant.id);
            let users = if r.users == 1 { "user" } else { "users" };
            let comma = if named.is_empty() { "" } else { ", " };
            let _ = write!(named, "{comma}{name} ({} more active {users})", r.users);
        }
        let more = if n > MAX_NAMED { format!(" and {} more", n - MAX_NAMED) } else { String::new() };
        let tenants_word = if n == 1 { "tenant" } else { "tenants" };
        let text =
            format!("{}: {n} more {workload} {tenants_word} at {ratio} % active{gain}: {}{more}.", rules.label, named);
        // Users fit i64: a PAU in hundredths times a percent, / 10,000.
        out.push((tenants[0].users as i64, text));
    }
}
