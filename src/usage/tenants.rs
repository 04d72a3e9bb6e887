//! The usage model's lists (Modern Work's `tenants` and `tenantActions`)
//! and the notes it adds to an area's report.

use crate::kinds::Measures;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::*;
use crate::ruleset::{Ruleset, WorkloadId};
use crate::usage::facts::{facts_for, period, Facts, List, Period};
use crate::usage::measures::{tenant_report, tenant_report_on, tenant_weight};
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
    /// Per track, whether its net customer adds as scored are below zero
    /// (`actions::losing_customers`): tenant actions list the customers
    /// lost (no actions without a scoring pass).
    pub(crate) losing: Option<&'a [bool]>,
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
        match (self.facts, self.losing) {
            (Some((facts, period)), Some(losing)) => {
                crate::usage::actions::tenant_actions(self.ruleset, self.store, facts, *period, losing)
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
                let mut kept: Vec<TenantId> = vec![];
                match (self.tenant_limit.filter(|&l| l < count), self.contributes) {
                    (Some(limit), Some(contributes)) => {
                        for first in [true, false] {
                            let group = (0..count as TenantId).filter(|&id| contributes[id as usize] == first);
                            kept.extend(group.take(limit - kept.len()));
                        }
                    }
                    _ => kept.extend(0..count as TenantId),
                }
                let association_masks = association_masks(self.store);
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

/// The usage tenants of the area the usage exports are read with, as
/// `crate::rows` pages them when asked for one page: what a search, the
/// filters and the contribution sort read comes without building a
/// tenant's entry, which is built only for the rows a page shows (and, for
/// a sort by a path into a track, with that track alone).
pub(crate) struct TenantSource<'a> {
    ruleset: &'a Ruleset,
    store: &'a UsageStore,
    facts: Option<(Facts, Period)>,
    /// Per tenant, the association types it has rows under.
    masks: Vec<u32>,
}

impl<'a> TenantSource<'a> {
    /// The usage tenants of `area` as of `as_of` (else the latest month), or
    /// `None` when `area` is not the one the usage exports are read with.
    pub(crate) fn new(
        rulesets: &'a [Ruleset],
        store: &'a UsageStore,
        as_of: Option<Month>,
        area: &str,
    ) -> Option<Self> {
        let ruleset = crate::ruleset::usage_reader(rulesets).filter(|r| r.data.id == area && r.fed_by("usage"))?;
        // The month areas_pass scores: the one asked for when the data has
        // it, else the latest.
        let as_of = as_of.filter(|m| store.months.contains(m)).or_else(|| store.months.last().copied());
        let facts = period(store, as_of).map(|p| (facts_for(ruleset, store, p), p));
        Some(TenantSource { ruleset, store, facts, masks: association_masks(store) })
    }

    pub(crate) fn len(&self) -> usize {
        self.store.tenants.len()
    }

    /// The tenant's id and name, which a search looks in.
    pub(crate) fn text(&self, i: usize) -> (&str, Option<&str>) {
        let tenant = &self.store.tenants[i];
        (&tenant.id, tenant.name.as_deref())
    }

    /// The tenant has rows under this association type (by its id).
    pub(crate) fn has_association(&self, i: usize, association: &str) -> bool {
        let known = self.ruleset.data.associations.iter().position(|a| a.id == association);
        known.is_some_and(|a| self.masks[i] & (1 << a) != 0)
    }

    /// The index of track `id`, when the area has it.
    pub(crate) fn track(&self, id: &str) -> Option<usize> {
        self.ruleset.data.tracks.iter().position(|t| t.id == id)
    }

    /// What the tenant moves on track `t` (`Row::contribution` of its
    /// entry); `None` without a period to measure.
    pub(crate) fn weight(&self, i: usize, t: usize) -> Option<f64> {
        let (facts, period) = self.facts.as_ref()?;
        Some(tenant_weight(self.ruleset, self.store, (facts, *period), i as TenantId, t, self.masks[i]))
    }

    /// A figure of the tenant's part in track `t` read straight from the
    /// facts, as its row shows it (`maxPau.asOf`, `eligible.baseline`...):
    /// the table's sortable columns, without the part's other figures.
    /// `None` for another path, or without a period (the row has no tracks).
    pub(crate) fn figure(&self, i: usize, t: usize, path: &str) -> Option<f64> {
        let (facts, (m, b)) = self.facts.as_ref()?;
        let (figure, which) = path.split_once('.')?;
        let month = match which {
            "asOf" => *m,
            "baseline" => *b,
            _ => return None,
        };
        let id = i as TenantId;
        match figure {
            "maxPau" => Some(facts.max_pau(self.ruleset, t, id, month).as_f64()),
            "eligible" => {
                let eligible = facts.eligibility(self.ruleset, t, id, month, List::Customers).eligible;
                Some(f64::from(u8::from(eligible)))
            }
            _ => None,
        }
    }

    /// The tenant's row (with `only`, that track's part alone).
    pub(crate) fn row(&self, i: usize, only: Option<usize>) -> Row {
        let facts = self.facts.as_ref().map(|(f, p)| (f, *p));
        let part = (None, self.masks[i]);
        Row::Tenant(Box::new(tenant_report_on(self.ruleset, self.store, facts, i as TenantId, part, only)))
    }
}

/// Per tenant, the association types it has rows under (a bit each).
fn association_masks(store: &UsageStore) -> Vec<u32> {
    let mut masks = vec![0u32; store.tenants.len()];
    for key in store.cells.keys() {
        if let Some(mask) = masks.get_mut(key.tenant() as usize) {
            *mask |= 1 << key.association();
        }
    }
    masks
}

/// The warnings an area's ruleset attaches to workloads it names (those
/// it counts with a caution, those it names only to say why they do not
/// count), for those the usage data has rows of.
pub(crate) fn workload_notes(area: &Ruleset, store: &UsageStore) -> Vec<Warning> {
    let mut notes = vec![];
    for (workload, &rows) in area.data.workloads.iter().zip(&store.workload_rows) {
        let Some(warning) = workload.warning.as_deref().filter(|_| rows > 0) else { continue };
        let message = format!("{} ({rows} rows): {warning}", workload.id);
        notes.push(Warning { kind: WarningKind::WorkloadNote, file: None, message });
    }
    notes
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
