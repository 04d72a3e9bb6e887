//! What loading keeps: usage aggregated per tenant, association, workload
//! and month, and the certification rows. Rows themselves are not kept.

use crate::usage::cells::Cells;
// The cell's key and usage live with the cells; named here too, as the store's.
pub use crate::hash::FastMap;
use crate::hash::KeyHasher;
use crate::month::Month;
use crate::number::Count;
use crate::ruleset::AssociationId;
pub use crate::usage::cells::{CellKey, TenantId, Usage};
use std::collections::{BTreeMap, BTreeSet, HashSet};

#[derive(Clone, Debug)]
pub struct Tenant {
    /// The id as first written in the data.
    pub id: String,
    pub name: Option<String>,
}

/// What happened to a usage row offered to the store.
#[derive(Debug, PartialEq, Eq)]
pub enum Insert {
    New,
    Duplicate,
    /// Same key, other values: the first values are kept.
    Conflict(Usage),
    /// A row repeating another location's of the same partner global
    /// account: one of the two was dropped.
    PgaDuplicate,
    /// Replaced figures an EMS usage file had given the cell: a usage
    /// file's row wins (inputs.md section 6).
    ReplacedEms,
}

#[derive(Clone, Debug, Default)]
pub struct UsageStore {
    tenant_index: TenantIndex,
    pub tenants: Vec<Tenant>,
    pub cells: Cells,
    /// When each tenant was associated under each association type.
    pub associated: FastMap<(TenantId, AssociationId), Month>,
    pub months: BTreeSet<Month>,
    /// The month of the last cell inserted, already in `months`.
    last_month: Option<Month>,
    /// Rows per workload index, to tell which workloads the data uses
    /// (a vector: it is counted on every row).
    pub workload_rows: Vec<u64>,
    pub ignored_associations: BTreeMap<String, u64>,
    pub ignored_workloads: BTreeMap<String, u64>,
    /// Cells stored from a row flagged as a partner-global-account
    /// duplicate, with no unflagged row for them yet: such a row replaces them.
    pga_provisional: HashSet<CellKey, std::hash::BuildHasherDefault<KeyHasher>>,
    /// Cells summed from EMS usage rows: more EMS rows add to them, a usage
    /// file's row replaces them.
    ems_provisional: HashSet<CellKey, std::hash::BuildHasherDefault<KeyHasher>>,
    /// Months read from EMS usage files already finished: a later one's
    /// rows for them are skipped (overlapping downloads).
    pub ems_months: BTreeSet<Month>,
}

/// The id of a tenant, added when new; a name given later fills a missing
/// one. Shared by every store that keys rows by tenant.
pub fn intern_tenant(
    index: &mut FastMap<String, TenantId>,
    tenants: &mut Vec<Tenant>,
    id: &str,
    name: Option<&str>,
) -> TenantId {
    match index.entry(tenant_key(id)) {
        std::collections::hash_map::Entry::Occupied(known) => {
            let t = *known.get();
            let tenant = &mut tenants[t as usize];
            if tenant.name.is_none() {
                tenant.name = name.map(str::to_string);
            }
            t
        }
        std::collections::hash_map::Entry::Vacant(slot) => {
            let t = tenants.len() as TenantId;
            tenants.push(Tenant { id: id.trim().to_string(), name: name.map(str::to_string) });
            slot.insert(t);
            t
        }
    }
}

/// The ids of a store's tenants, to find a tenant by id with no second
/// copy of the ids: keyed by a 32-bit hash of the id's [`tenant_key`],
/// checked against the tenant's own id. A table of the keys as strings took
/// 40 bytes a tenant in WebAssembly (30 MB for a 1 GB export's 355,000
/// tenants, half a million slots once grown); this takes 10.
#[derive(Clone, Debug, Default)]
struct TenantIndex {
    /// The first tenant of each hash.
    by_hash: FastMap<u32, TenantId>,
    /// Tenants whose hash an earlier tenant has (a handful in 100,000s).
    collided: FastMap<String, TenantId>,
}

impl TenantIndex {
    /// The id of a tenant, added when new; a name given later fills a
    /// missing one (as [`intern_tenant`]).
    fn intern(&mut self, tenants: &mut Vec<Tenant>, id: &str, name: Option<&str>) -> TenantId {
        let key = tenant_key(id);
        let hash = key_hash(&key);
        let first = self.by_hash.get(&hash).copied();
        let known = match first {
            Some(t) if tenants.get(t as usize).is_some_and(|tenant| same_key(&tenant.id, &key)) => Some(t),
            Some(_) => self.collided.get(&key).copied(),
            None => None,
        };
        if let Some(t) = known {
            if let Some(tenant) = tenants.get_mut(t as usize) {
                if tenant.name.is_none() {
                    tenant.name = name.map(str::to_string);
                }
            }
            return t;
        }
        let t = tenants.len() as TenantId;
        tenants.push(Tenant { id: id.trim().to_string(), name: name.map(str::to_string) });
        match first {
            None => self.by_hash.insert(hash, t),
            Some(_) => self.collided.insert(key, t),
        };
        t
    }
}

fn key_hash(key: &str) -> u32 {
    let mut hasher = KeyHasher::default();
    std::hash::Hasher::write(&mut hasher, key.as_bytes());
    let h = std::hash::Hasher::finish(&hasher);
    (h ^ h >> 32) as u32
}

/// Whether the tenant id `stored` has the tenant key `key`.
fn same_key(stored: &str, key: &str) -> bool {
    // The common id (see `tenant_key`) compared with no copy made.
    if stored.bytes().all(|b| b.is_ascii_graphic()) {
        return stored.len() == key.len() && stored.bytes().zip(key.bytes()).all(|(s, k)| s.to_ascii_lowercase() == k);
    }
    tenant_key(stored) == key
}

/// Tenant ids are compared without case or surrounding space: exports
/// disagree on the case of hex ids.
pub(crate) fn tenant_key(id: &str) -> String {
    // The common id (a GUID, a name without spaces) in one pass, as this
    // runs once per tenant of exports listing tens of thousands.
    if id.bytes().all(|b| b.is_ascii_graphic()) {
        return id.to_ascii_lowercase();
    }
    crate::text::lowercase(&id.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl UsageStore {
    pub fn tenant(&mut self, id: &str, name: Option<&str>) -> TenantId {
        self.tenant_index.intern(&mut self.tenants, id, name)
    }

    /// Inserts a row of an export that flags partner-global-account
    /// duplicates (`IsDuplicateRowForPGA`): among rows of one cell, the
    /// unflagged row counts and flagged ones are dropped; a flagged row
    /// alone is kept, so that an association option does not vanish.
    pub fn insert_flagged(&mut self, key: CellKey, usage: Usage, pga_duplicate: bool) -> Insert {
        if pga_duplicate {
            return match self.insert(key, usage) {
                inserted @ (Insert::New | Insert::ReplacedEms) => {
                    self.pga_provisional.insert(key);
                    inserted
                }
                _ => Insert::PgaDuplicate,
            };
        }
        if self.pga_provisional.remove(&key) {
            self.cells.replace(key, usage);
            return Insert::PgaDuplicate;
        }
        self.insert(key, usage)
    }

    pub fn insert(&mut self, key: CellKey, usage: Usage) -> Insert {
        if !self.ems_provisional.is_empty() && self.ems_provisional.remove(&key) {
            self.cells.replace(key, usage);
            return Insert::ReplacedEms;
        }
        match self.cells.insert(key, usage) {
            Some(first) if first == usage => Insert::Duplicate,
            Some(first) => Insert::Conflict(first),
            None => {
                let month = key.month();
                // Rows come month by month: only a change of month touches the set.
                if self.last_month != Some(month) {
                    self.months.insert(month);
                    self.last_month = Some(month);
                }
                let w = usize::from(key.workload());
                match self.workload_rows.get_mut(w) {
                    Some(rows) => *rows += 1,
                    None => {
                        self.workload_rows.resize(w, 0);
                        self.workload_rows.push(1);
                    }
                }
                Insert::New
            }
        }
    }
}

impl UsageStore {
    /// Adds an EMS usage row's figures for one workload: summed with the
    /// cell's earlier EMS rows (other subscriptions); false when a usage
    /// file's row holds the cell, which wins.
    pub fn add_ems(&mut self, key: CellKey, usage: Usage) -> bool {
        if self.ems_provisional.contains(&key) {
            if let Some(sum) = self.cells.get(&key).copied() {
                let add = |a: Count, b: Count| Count(a.0.saturating_add(b.0));
                self.cells.replace(key, Usage { mau: add(sum.mau, usage.mau), pau: add(sum.pau, usage.pau) });
            }
            return true;
        }
        match self.insert(key, usage) {
            Insert::New => {
                self.ems_provisional.insert(key);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ems_sums_give_way_to_a_usage_row_in_either_order() {
        let m = Month::new(2025, 10).unwrap();
        let key = CellKey::new(0, m, 1, 4);
        let usage = |mau: u32, pau: u32| Usage { mau: Count(mau * 100), pau: Count(pau * 100) };
        // EMS first: two subscriptions summed, then the usage row replaces them.
        let mut store = UsageStore::default();
        assert!(store.add_ems(key, usage(96, 320)) && store.add_ems(key, usage(4, 80)));
        assert_eq!(store.cells.get(&key), Some(&usage(100, 400)));
        assert_eq!(store.insert(key, usage(90, 300)), Insert::ReplacedEms);
        assert!(!store.add_ems(key, usage(1, 1)), "the usage row stays");
        assert_eq!(store.cells.get(&key), Some(&usage(90, 300)));
        // Usage first: the EMS figures are not added.
        let mut store = UsageStore::default();
        assert_eq!(store.insert_flagged(key, usage(90, 300), false), Insert::New);
        assert!(!store.add_ems(key, usage(96, 320)));
        assert_eq!(store.cells.get(&key), Some(&usage(90, 300)));
        // A flagged usage row alone replaces EMS figures and is itself replaceable.
        let mut store = UsageStore::default();
        store.add_ems(key, usage(96, 320));
        assert_eq!(store.insert_flagged(key, usage(5, 10), true), Insert::ReplacedEms);
        assert_eq!(store.insert_flagged(key, usage(6, 10), false), Insert::PgaDuplicate);
        assert_eq!(store.cells.get(&key), Some(&usage(6, 10)));
    }

    #[test]
    fn tenants_whose_hashes_collide_stay_apart() {
        // Two ids of one 32-bit hash: among 200,000 ids, almost surely.
        let mut seen = FastMap::default();
        let (a, b) = (0..200_000u32)
            .map(|i| format!("T{i:X}"))
            .find_map(|id| seen.insert(key_hash(&tenant_key(&id)), id.clone()).map(|other| (other, id)))
            .expect("a collision");
        let mut store = UsageStore::default();
        let first = store.tenant(&a, None);
        let second = store.tenant(&b, Some("B"));
        assert_ne!(first, second);
        assert_eq!(store.tenant(&format!(" {} ", b.to_lowercase()), None), second);
        assert_eq!(store.tenant(&a.to_lowercase(), Some("A")), first);
        assert_eq!(store.tenant("other", None), 2);
        let tenants: Vec<(&str, Option<&str>)> =
            store.tenants.iter().map(|t| (t.id.as_str(), t.name.as_deref())).collect();
        assert_eq!(tenants, [(a.as_str(), Some("A")), (b.as_str(), Some("B")), ("other", None)]);
    }

    #[test]
    fn tenant_keys_fold_case_and_space() {
        for (id, key) in [
            ("0F03A6-B2", "0f03a6-b2"),
            ("  Contoso\tLtd  ", "contoso ltd"),
            ("ÉCOLE Ltd", "école ltd"),
            ("a\u{a0}b", "a b"),
            ("a\x0bB", "a b"),
            ("a\x1fB", "a\x1fb"),
            ("", ""),
        ] {
            assert_eq!(tenant_key(id), key, "{id:?}");
        }
    }

    #[test]
    fn keys_round_trip_every_month_and_tenant() {
        for (year, month) in [(1900, 1), (2025, 10), (5461, 4), (9999, 12)] {
            let m = Month::new(year, month).unwrap();
            for tenant in [0, 1, u32::MAX] {
                // 31: a ruleset has at most 32 association types.
                let key = CellKey::new(tenant, m, 31, 255);
                assert_eq!((key.tenant(), key.month(), key.association(), key.workload()), (tenant, m, 31, 255));
            }
        }
    }
}
