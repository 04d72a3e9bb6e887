//! What Business Applications' downloads leave once read: per tenant,
//! subscription, workload and month one value (the largest of the
//! association types that count, business-applications.md section 9), the
//! months each download covers, and counts of the rows set aside. Rows
//! themselves are not kept.

use super::rules::{AssociationId, LineId, UsageColumn};
use crate::month::Month;
use crate::report::{SetAside, SetAsideReason};
use crate::usage::store::{FastMap, Tenant, TenantId};
use std::collections::{BTreeMap, BTreeSet};

/// Distinct names rows are set aside under; past it, further names are
/// counted together (a hostile file of unique workload names).
const MAX_SET_ASIDE_NAMES: usize = 1000;

/// One subscription's workload in one month: where de-duplication happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Key {
    pub tenant: TenantId,
    pub subscription: u32,
    /// Revenue: the net customer adds workload. Usage: the workload as the
    /// export names it (renamed products resolve to one rate-card line, but
    /// stay apart here).
    pub workload: u16,
    pub month: Month,
}

/// The value kept for a key and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Kept {
    /// Revenue in cents, or usage in hundredths.
    pub value: i64,
    pub association: AssociationId,
    /// Usage: the rate-card line and the number read.
    pub line: LineId,
    pub column: Option<UsageColumn>,
}

/// Every [`SetAsideReason`], in its order: `REASONS[reason as usize]` is
/// `reason` (a test checks it).
const REASONS: [SetAsideReason; 7] = [
    SetAsideReason::SmallerDuplicate,
    SetAsideReason::Trial,
    SetAsideReason::NotOnRateCard,
    SetAsideReason::NotNcaWorkload,
    SetAsideReason::DroppedWorkload,
    SetAsideReason::UnknownAssociation,
    SetAsideReason::AssociationNotCounted,
];

/// The key rows set aside are counted under: the download and the reason
/// as one digit each, then the name, so that keys sort by download,
/// reason and name.
fn set_aside_key(dataset: Dataset, reason: SetAsideReason, name: &str) -> String {
    let mut key = String::with_capacity(2 + name.len());
    key.push(char::from(b'0' + dataset as u8));
    key.push(char::from(b'0' + reason as u8));
    key.push_str(name);
    key
}

/// Which download a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Dataset {
    Revenue,
    Usage,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Store {
    pub tenants: Vec<Tenant>,
    tenant_ids: FastMap<Box<str>, TenantId>,
    subscriptions: FastMap<Box<str>, u32>,
    /// Usage workloads as exports name them (folded), for [`Key::workload`]
    /// (`u32`, as the map above: one copy of its code).
    usage_workloads: FastMap<Box<str>, u32>,
    pub revenue: FastMap<Key, Kept>,
    pub usage: FastMap<Key, Kept>,
    /// Months with rows, counted or set aside, in each download.
    pub revenue_months: BTreeSet<Month>,
    pub usage_months: BTreeSet<Month>,
    /// Rows set aside per download, reason and name, in that order: keyed
    /// by [`set_aside_key`] (a `BTreeMap<String, u64>` as the usage store's
    /// name counts, so that one copy of its code serves both).
    set_aside: BTreeMap<String, u64>,
}

impl Store {
    pub fn is_empty(&self) -> bool {
        self.revenue_months.is_empty() && self.usage_months.is_empty()
    }

    /// The latest month of either download.
    pub fn latest(&self) -> Option<Month> {
        self.revenue_months.last().max(self.usage_months.last()).copied()
    }

    pub fn tenant(&mut self, id: &str, name: Option<&str>) -> TenantId {
        if let Some(&found) = self.tenant_ids.get(id) {
            let tenant = &mut self.tenants[found as usize];
            if tenant.name.is_none() {
                tenant.name = name.map(str::to_string);
            }
            return found;
        }
        let next = self.tenants.len() as TenantId;
        self.tenants.push(Tenant { id: id.to_string(), name: name.map(str::to_string) });
        self.tenant_ids.insert(id.into(), next);
        next
    }

    /// A subscription id (an empty one when the download has none).
    pub fn subscription(&mut self, id: &str) -> u32 {
        let next = self.subscriptions.len() as u32;
        *self.subscriptions.entry(id.into()).or_insert(next)
    }

    /// The key of a usage workload name as matched on the rate card: few,
    /// as the rate card's spellings are.
    pub fn usage_workload(&mut self, name: &str) -> u16 {
        let next = self.usage_workloads.len() as u32;
        *self.usage_workloads.entry(name.into()).or_insert(next) as u16
    }

    pub fn note_month(&mut self, dataset: Dataset, month: Month) {
        let months = match dataset {
            Dataset::Revenue => &mut self.revenue_months,
            Dataset::Usage => &mut self.usage_months,
        };
        // Rows come month by month: only a new month touches the set.
        if months.last() != Some(&month) {
            months.insert(month);
        }
    }

    /// The one place of section 9: per key the largest value across the
    /// association types that count, not their sum; the smaller (or
    /// equal, later) row is set aside under `name`.
    pub fn keep_largest(&mut self, dataset: Dataset, key: Key, row: Kept, name: &str) {
        let map = match dataset {
            Dataset::Revenue => &mut self.revenue,
            Dataset::Usage => &mut self.usage,
        };
        match map.get_mut(&key) {
            None => {
                map.insert(key, row);
            }
            Some(kept) => {
                if row.value > kept.value {
                    *kept = row;
                }
                self.set_aside(dataset, SetAsideReason::SmallerDuplicate, name);
            }
        }
    }

    pub fn set_aside(&mut self, dataset: Dataset, reason: SetAsideReason, name: &str) {
        let key = set_aside_key(dataset, reason, name);
        let key = if self.set_aside.len() < MAX_SET_ASIDE_NAMES || self.set_aside.contains_key(&key) {
            key
        } else {
            set_aside_key(dataset, reason, "(other names)")
        };
        *self.set_aside.entry(key).or_default() += 1;
    }

    /// How many rows [`Store::set_aside_report`] lists.
    pub fn set_aside_count(&self) -> usize {
        self.set_aside.len()
    }

    /// What was set aside, by download, reason and name.
    pub fn set_aside_report(&self) -> Vec<SetAside> {
        let mut out = Vec::with_capacity(self.set_aside.len());
        for (key, &rows) in &self.set_aside {
            let (code, name) = key.split_at(2);
            let code = code.as_bytes();
            out.push(SetAside {
                dataset: if code[0] == b'0' { "revenue" } else { "usage" },
                reason: REASONS[usize::from(code[1] - b'0')],
                name: name.to_string(),
                rows,
            });
        }
        out
    }
}

/// What-if additions (src/simulate.rs): a planned customer's revenue and
/// usage, and tenants taken out. Months are never marked as read here.
impl Store {
    /// Adds a planned value to a key (a sum, not the largest: it is more
    /// of the same customer), or keeps it when the key is new.
    pub fn add_planned(&mut self, dataset: Dataset, key: Key, row: Kept) {
        let map = match dataset {
            Dataset::Revenue => &mut self.revenue,
            Dataset::Usage => &mut self.usage,
        };
        // get_mut and insert, as keep_largest: no other map code.
        match map.get_mut(&key) {
            Some(kept) => kept.value = kept.value.saturating_add(row.value),
            None => {
                map.insert(key, row);
            }
        }
    }

    /// Takes tenants' revenue and usage out.
    pub fn remove_tenants(&mut self, tenants: &[TenantId]) {
        self.revenue.retain(|key, _| !tenants.contains(&key.tenant));
        self.usage.retain(|key, _| !tenants.contains(&key.tenant));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_listed_in_their_order() {
        for (i, reason) in REASONS.iter().enumerate() {
            assert_eq!(*reason as usize, i);
        }
    }

    #[test]
    fn set_aside_listed_by_download_reason_and_name() {
        let mut store = Store::default();
        store.set_aside(Dataset::Usage, SetAsideReason::Trial, "b");
        store.set_aside(Dataset::Revenue, SetAsideReason::AssociationNotCounted, "z");
        store.set_aside(Dataset::Usage, SetAsideReason::SmallerDuplicate, "c");
        store.set_aside(Dataset::Usage, SetAsideReason::Trial, "a");
        store.set_aside(Dataset::Usage, SetAsideReason::Trial, "b");
        let listed: Vec<_> =
            store.set_aside_report().into_iter().map(|s| (s.dataset, s.reason, s.name, s.rows)).collect();
        assert_eq!(
            listed,
            [
                ("revenue", SetAsideReason::AssociationNotCounted, "z".to_string(), 1),
                ("usage", SetAsideReason::SmallerDuplicate, "c".to_string(), 1),
                ("usage", SetAsideReason::Trial, "a".to_string(), 1),
                ("usage", SetAsideReason::Trial, "b".to_string(), 2),
            ]
        );
    }
}
