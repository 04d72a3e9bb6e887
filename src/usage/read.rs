//! The usage exports' rows into the usage store: each row's association
//! type, workload, tenant and month resolved once per spelling.

use crate::decode::field_text;
use crate::input_row::{flag_set, Codes, Row, Spellings, FEW, MAX_CACHED};
use crate::layout::UsageColumns;
use crate::report::ErrorKind;
use crate::ruleset::{AssociationId, Ruleset, WorkloadId};
use crate::usage::store::{CellKey, Insert, TenantId, Usage, UsageStore};
use std::collections::BTreeMap;

/// Spellings seen on earlier rows, resolved once: an export repeats a
/// handful of association, workload and month spellings millions of times,
/// and a tenant's rows come together.
#[derive(Default)]
pub(crate) struct Lookups {
    associations: Spellings<AssociationId>,
    workloads: Spellings<WorkloadId>,
    /// The previous row's tenant as written, and its id.
    tenant: (Vec<u8>, Option<TenantId>),
    ignored_associations: IgnoredNames,
    ignored_workloads: IgnoredNames,
}

/// Spellings of associations or workloads that count nowhere, to the name
/// their rows are counted under: resolved once, as exports repeat them on
/// every row (PAL, Dynamics 365, ...). Blank ones are never remembered, so
/// every such row still gets its error.
#[derive(Default)]
struct IgnoredNames {
    /// Spelling to its index in `names`.
    codes: Codes,
    names: Vec<String>,
}

impl IgnoredNames {
    /// Counts a row under the name remembered for `spelling`, if any.
    fn count(&self, spelling: &[u8], counts: &mut BTreeMap<String, u64>) -> bool {
        let name = self.codes.get(spelling).and_then(|i| self.names.get(i as usize));
        if let Some(name) = name {
            count_under(counts, name);
        }
        name.is_some()
    }

    fn remember(&mut self, spelling: &[u8], name: String) {
        if self.names.len() < FEW + MAX_CACHED {
            self.codes.insert(spelling, self.names.len() as u32);
            self.names.push(name);
        }
    }
}

fn count_under(counts: &mut BTreeMap<String, u64>, name: &str) {
    match counts.get_mut(name) {
        Some(rows) => *rows += 1,
        None => {
            counts.insert(name.to_string(), 1);
        }
    }
}

/// The tenant of a row: the previous row's (rows of a tenant come
/// together), or an id to look up.
enum TenantRef {
    Seen(TenantId),
    New(String),
}

/// A usage row into the store: what became of it, `None` when it had an
/// error (or names nothing any area counts).
pub(crate) fn usage_row(
    row: &mut Row<'_, '_>,
    lookups: &mut Lookups,
    c: &UsageColumns,
    ruleset: &Ruleset,
    store: &mut UsageStore,
) -> Option<Insert> {
    let record = row.record;
    let raw = |column: usize| record.get(column).unwrap_or_default();
    let resolve_association = || ruleset.association(&field_text(raw(c.association)).0);
    let Some(association) = lookups.associations.resolve(raw(c.association), resolve_association) else {
        let spelling = raw(c.association);
        if !lookups.ignored_associations.count(spelling, &mut store.ignored_associations) {
            if let Some(text) = row.required(c.association, "association type") {
                // Known other types (PAL, spelled two ways) are counted under one name.
                let name = ruleset.other_association(&text).map_or(text, str::to_string);
                count_under(&mut store.ignored_associations, &name);
                lookups.ignored_associations.remember(spelling, name);
            }
        }
        return None;
    };
    let resolve_workload = || ruleset.workload(&field_text(raw(c.workload)).0);
    let Some(workload) = lookups.workloads.resolve(raw(c.workload), resolve_workload) else {
        let spelling = raw(c.workload);
        if !lookups.ignored_workloads.count(spelling, &mut store.ignored_workloads) {
            if let Some(name) = row.required(c.workload, "workload") {
                count_under(&mut store.ignored_workloads, &name);
                lookups.ignored_workloads.remember(spelling, name);
            }
        }
        return None;
    };
    let tenant_raw = raw(c.tenant);
    let cached_tenant = match &lookups.tenant {
        (last, Some(id)) if **last == *tenant_raw => Some(*id),
        _ => None,
    };
    let tenant = match cached_tenant {
        Some(id) => Some(TenantRef::Seen(id)),
        None => row.required(c.tenant, "tenant").map(TenantRef::New),
    };
    let month = row.month(c.month);
    let mau = row.count(c.mau);
    let pau = row.count(c.pau);
    let associated = row.date(c.associated);
    let (Some(tenant), Some(month), Some(mau), Some(pau), Ok(associated)) = (tenant, month, mau, pau, associated)
    else {
        return None;
    };
    let tenant = match tenant {
        TenantRef::Seen(id) => id,
        TenantRef::New(text) => {
            let name = c.tenant_name.and_then(|i| row.name(i));
            let id = store.tenant(&text, name.as_deref());
            let (last, last_id) = &mut lookups.tenant;
            last.clear();
            last.extend_from_slice(tenant_raw);
            *last_id = Some(id);
            id
        }
    };
    let key = CellKey::new(tenant, month, association, workload);
    let inserted = match c.pga_duplicate {
        Some(column) => {
            let flagged = flag_set(raw(column));
            store.insert_flagged(key, Usage { mau, pau }, flagged)
        }
        None => store.insert(key, Usage { mau, pau }),
    };
    if let Insert::Conflict(first) = &inserted {
        let message = format!(
                "conflicting duplicate: this tenant, association, workload and month was already loaded with MAU {} and PAU {}; this row (MAU {mau}, PAU {pau}) was skipped",
                first.mau, first.pau
            );
        let value = row.text(c.tenant).trim().to_string();
        row.error(c.tenant, &value, ErrorKind::ConflictingDuplicate, message);
        return Some(inserted);
    }
    if let Some(date) = associated {
        store.associated.entry((tenant, association)).or_insert(date.month);
    }
    // Rows come month by month: only a change of month touches the set.
    if row.ctx.last_month != Some(month) {
        row.ctx.months.insert(month);
        row.ctx.last_month = Some(month);
    }
    Some(inserted)
}
