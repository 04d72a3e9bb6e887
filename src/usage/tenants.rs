//! The usage model's lists (Modern Work's `tenants` and `tenantActions`)
//! and the notes it adds to an area's report.

use crate::kinds::Measures;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::*;
use crate::ruleset::{Ruleset, WorkloadId};
use crate::usage::facts::{facts_for, period, Facts, Period};
use crate::usage::measures::tenant_report;
use crate::usage::store::{TenantId, UsageStore};
use std::collections::BTreeMap;

/// The usage model's lists for the area it measures (Modern Work's
/// `tenants` and `tenantActions`), answered from the usage store.
pub(crate) struct UsageLists<'a> {
    pub(crate) ruleset: &'a Ruleset,
    pub(crate) store: &'a UsageStore,
    pub(crate) facts: Option<&'a (Facts, Period)>,
    /// Per tenant, from the scoring pass; without one, each tenant's own
    /// parts say.
    pub(crate) contributes: Option<&'a [bool]>,
    /// The area's tracks as scored: tenant actions read their metrics
    /// (none without a scoring pass).
    pub(crate) tracks: Option<&'a Keyed<TrackReport>>,
    /// At most this many tenants listed, the contributing ones first (the
    /// full report's option; the count is of every tenant).
    pub(crate) tenant_limit: Option<usize>,
}

impl UsageLists<'_> {
    pub(crate) fn detail(&self) -> UsageDetail {
        UsageDetail {
            model: "usage",
            tenant_count: self.store.tenants.len(),
            contributing_tenants: self.contributes.map_or(0, |c| c.iter().filter(|&&c| c).count()),
        }
    }

    fn tenant_actions(&self) -> Vec<TenantAction> {
        match (self.facts, self.tracks) {
            (Some((facts, period)), Some(tracks)) => {
                crate::usage::actions::tenant_actions(self.ruleset, self.store, facts, *period, tracks)
            }
            _ => vec![],
        }
    }
}

impl Measures for UsageLists<'_> {
    fn measure(&self, _: &str, _: &str, _: &str, _: Option<&str>) -> Option<Points> {
        None
    }
}

impl DataModel for UsageLists<'_> {
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
                    kept.sort_unstable_by_key(|&id| (!contributes[id as usize], id));
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
    store: &UsageStore,
    as_of: Option<Month>,
    area: &str,
    each: &mut EachRow<'_>,
) -> bool {
    let Some(reader) = crate::ruleset::usage_reader(rulesets).filter(|r| r.data.id == area && r.fed_by("usage")) else {
        return false;
    };
    // The month areas_pass scores: the one asked for when the data has it,
    // else the latest.
    let as_of = as_of.filter(|m| store.months.contains(m)).or_else(|| store.months.last().copied());
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
pub(crate) fn workload_notes(area: &Ruleset, store: &UsageStore) -> Vec<Warning> {
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
pub(crate) fn ignored_workloads(ruleset: &Ruleset, store: &UsageStore) -> BTreeMap<String, u64> {
    let mut ignored = store.ignored_workloads.clone();
    for (w, &rows) in store.workload_rows.iter().enumerate() {
        let counted = ruleset.workload_use(w as WorkloadId);
        if rows > 0 && !counted.customers && !counted.customer_success {
            *ignored.entry(ruleset.data.workloads[w].id.clone()).or_default() += rows;
        }
    }
    ignored
}
