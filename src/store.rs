//! What loading keeps: usage aggregated per tenant, association, workload
//! and month, and the certification rows. Rows themselves are not kept.

use crate::month::{Date, Month};
use crate::number::Count;
use crate::ruleset::{AssociationId, WorkloadId};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Index of a tenant in [`UsageStore::tenants`].
pub type TenantId = u32;

#[derive(Clone, Debug)]
pub struct Tenant {
    /// The id as first written in the data.
    pub id: String,
    pub name: Option<String>,
}

/// One tenant x association x workload x month: the unit Partner Center
/// reports, and the unit duplicates are detected on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey(u64);

impl CellKey {
    pub fn new(tenant: TenantId, month: Month, association: AssociationId, workload: WorkloadId) -> CellKey {
        let month = u64::from(month.year() * 12 + month.month() - 1);
        CellKey(u64::from(tenant) << 32 | month << 16 | u64::from(association) << 8 | u64::from(workload))
    }
    pub fn tenant(self) -> TenantId {
        (self.0 >> 32) as u32
    }
    pub fn month(self) -> Month {
        let m = ((self.0 >> 16) & 0xFFFF) as u32;
        Month::new(m / 12, m % 12 + 1).unwrap_or_else(|| unreachable!("keys hold valid months"))
    }
    pub fn association(self) -> AssociationId {
        (self.0 >> 8) as u8
    }
    pub fn workload(self) -> WorkloadId {
        self.0 as u8
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub mau: Count,
    pub pau: Count,
}

/// What happened to a usage row offered to the store.
#[derive(Debug, PartialEq, Eq)]
pub enum Insert {
    New,
    Duplicate,
    /// Same key, other values: the first values are kept.
    Conflict(Usage),
}

#[derive(Clone, Debug, Default)]
pub struct UsageStore {
    tenant_index: HashMap<String, TenantId>,
    pub tenants: Vec<Tenant>,
    pub cells: HashMap<CellKey, Usage>,
    /// When each tenant was associated under each association type.
    pub associated: HashMap<(TenantId, AssociationId), Month>,
    pub months: BTreeSet<Month>,
    /// Rows per workload index, to tell which workloads the data uses.
    pub workload_rows: BTreeMap<WorkloadId, u64>,
    pub ignored_associations: BTreeMap<String, u64>,
    pub ignored_workloads: BTreeMap<String, u64>,
}

/// Tenant ids are compared without case or surrounding space: exports
/// disagree on the case of hex ids.
fn tenant_key(id: &str) -> String {
    id.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl UsageStore {
    pub fn tenant(&mut self, id: &str, name: Option<&str>) -> TenantId {
        let key = tenant_key(id);
        if let Some(&t) = self.tenant_index.get(&key) {
            let tenant = &mut self.tenants[t as usize];
            if tenant.name.is_none() {
                tenant.name = name.map(str::to_string);
            }
            return t;
        }
        let t = self.tenants.len() as TenantId;
        self.tenants.push(Tenant { id: id.trim().to_string(), name: name.map(str::to_string) });
        self.tenant_index.insert(key, t);
        t
    }

    pub fn insert(&mut self, key: CellKey, usage: Usage) -> Insert {
        match self.cells.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) if *e.get() == usage => Insert::Duplicate,
            std::collections::hash_map::Entry::Occupied(e) => Insert::Conflict(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(usage);
                self.months.insert(key.month());
                *self.workload_rows.entry(key.workload()).or_default() += 1;
                Insert::New
            }
        }
    }
}

/// One certification of one person, as read.
#[derive(Clone, Debug)]
pub struct CertificationRow {
    /// Normalised identity: lower-cased e-mail, else id, else folded name.
    pub person: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub certification: String,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
}
