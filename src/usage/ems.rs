//! The EMS usage dataset (inputs.md section 6): one row per subscription
//! and month with a column pair per workload (the catalogue's `emsColumns`
//! prefixes), split into workload figures and summed per tenant,
//! association type, workload and month into the usage store, so that
//! every area reading usage sees them. A usage file's row for the same
//! cell wins, whichever file is loaded first (the store's EMS cells are
//! provisional), and the clash is counted.

use crate::input_row::Row;
use crate::layout::{EmsColumns, FREE_SKU};
use crate::month::Month;
use crate::number::Count;
use crate::report::{Warning, WarningKind};
use crate::ruleset::{Ruleset, WorkloadId};
use crate::text::fold;
use crate::usage::store::{CellKey, TenantId, Usage, UsageStore};
use std::collections::{BTreeMap, BTreeSet};

/// What an EMS usage file's rows come to while it is read.
#[derive(Default)]
pub(crate) struct FileState {
    /// Per pair read: its workload and its paid and active columns;
    /// `None` until resolved with the ruleset.
    pairs: Option<Vec<(WorkloadId, usize, usize)>>,
    /// Column pairs that cannot be read, and why.
    unread: Vec<String>,
    /// Active-user columns without paid units, as the header names them.
    without_seats: Vec<String>,
    free_rows: u64,
    /// Workload figures a usage file had already given: not added.
    usage_wins: u64,
    /// Rows of months an earlier EMS usage file gave, skipped.
    overlap: BTreeMap<Month, u64>,
    months: BTreeSet<Month>,
    /// The previous row's tenant: a tenant's subscriptions come together.
    tenant: Option<(Box<[u8]>, TenantId)>,
}

impl FileState {
    /// Which column pairs name a workload, and which cannot be read.
    pub(crate) fn resolve(&mut self, c: &EmsColumns, ruleset: &Ruleset, header: &[String]) {
        if self.pairs.is_some() {
            return;
        }
        let column = |i: usize| header.get(i).map_or("", String::as_str).trim().to_string();
        let mut pairs = vec![];
        for pair in &c.pairs {
            let workload = ruleset.ems_workload(&pair.prefix);
            let name = workload.and_then(|w| ruleset.data.workloads.get(usize::from(w))).map(|w| w.id.as_str());
            match (workload, name, pair.pau, pair.mau) {
                (Some(w), _, Some(pau), Some(mau)) => pairs.push((w, pau, mau)),
                (_, Some(name), pau, mau) => {
                    let (has, lacks) = match (pau, mau) {
                        (Some(pau), _) => (column(pau), format!("{}MonthlyActiveUsers", pair.prefix)),
                        (_, Some(mau)) => (column(mau), format!("{}PaidAvailableUnits", pair.prefix)),
                        _ => continue,
                    };
                    self.unread.push(format!(
                        "{has} has no {lacks} column beside it, so {name} is not read from this file (paid and active users are read together)"
                    ));
                }
                _ => self.unread.push(format!(
                    "the {} columns name no workload the catalogue knows (its EMS prefixes: {})",
                    pair.prefix,
                    prefixes(ruleset)
                )),
            }
        }
        self.pairs = Some(pairs);
        self.without_seats = c.without_seats.iter().map(|&i| column(i)).collect();
    }
}

/// The catalogue's EMS prefixes, for a message.
fn prefixes(ruleset: &Ruleset) -> String {
    let known: Vec<&str> = ruleset.data.workloads.iter().filter_map(|w| w.ems_columns.as_deref()).collect();
    known.join(", ")
}

/// A row of the EMS usage dataset.
pub(crate) fn ems_row(
    row: &mut Row<'_, '_>,
    state: &mut FileState,
    c: &EmsColumns,
    ruleset: &Ruleset,
    store: &mut UsageStore,
) {
    if state.pairs.is_none() {
        let header = row.header().to_vec();
        state.resolve(c, ruleset, &header);
    }
    if let Some(column) = c.free_vs_paid {
        if fold(&row.text(column)) == fold(FREE_SKU) {
            state.free_rows += 1;
            return;
        }
    }
    let Some(association) = row.required(c.association, "association type") else { return };
    let Some(association) = ruleset.association(&association) else {
        let name = ruleset.other_association(&association).map_or(association.clone(), str::to_string);
        *store.ignored_associations.entry(name).or_default() += 1;
        return;
    };
    let raw = row.raw(c.tenant);
    let known = state.tenant.as_ref().filter(|(last, _)| **last == *raw).map(|&(_, id)| id);
    // A new tenant is made only once the row is good: a bad row adds none.
    let tenant = match known {
        Some(id) => Some(Ok(id)),
        None => row.required(c.tenant, "tenant").map(Err),
    };
    let month = row.month(c.month);
    // Every value is read, so that a row's errors are all listed; an empty
    // one is a workload the subscription does not have.
    let pairs = state.pairs.take().unwrap_or_default();
    let mut figures = Vec::with_capacity(pairs.len());
    let mut bad = false;
    for &(workload, pau, mau) in &pairs {
        match (count(row, pau), count(row, mau)) {
            (Some(pau), Some(mau)) => figures.push((workload, Usage { mau, pau })),
            _ => bad = true,
        }
    }
    state.pairs = Some(pairs);
    let (Some(tenant), Some(month), false) = (tenant, month, bad) else { return };
    let tenant = match tenant {
        Ok(id) => id,
        Err(text) => {
            let name = c.tenant_name.and_then(|i| row.name(i));
            let id = store.tenant(&text, name.as_deref());
            state.tenant = Some((raw.into(), id));
            id
        }
    };
    row.note_month(month);
    if store.ems_months.contains(&month) {
        *state.overlap.entry(month).or_insert(0) += 1;
        return;
    }
    state.months.insert(month);
    for (workload, usage) in figures {
        if usage.pau.0 == 0 && usage.mau.0 == 0 {
            continue;
        }
        if !store.add_ems(CellKey::new(tenant, month, association, workload), usage) {
            state.usage_wins += 1;
        }
    }
}

fn count(row: &mut Row<'_, '_>, column: usize) -> Option<Count> {
    if row.raw(column).trim_ascii().is_empty() {
        return Some(Count::ZERO);
    }
    row.count(column)
}

/// Ends an EMS usage file: what the user should know about it; its months
/// are then read (a later file's rows for them are skipped).
pub(crate) fn finish_file(state: &FileState, name: &str, store: &mut UsageStore, warnings: &mut Vec<Warning>) {
    let mut warn = |kind, message: String| warnings.push(Warning { kind, file: Some(name.to_string()), message });
    if !state.unread.is_empty() {
        warn(WarningKind::UnreadColumns, format!("{}.", state.unread.join("; ")));
    }
    if !state.without_seats.is_empty() {
        warn(
            WarningKind::EmsWorkloadWithoutSeats,
            format!(
                "{} {} monthly active users with no paid-units column beside {}: not read (a workload's bands, activity and protected users need its own paid units). Defender for Identity counts only from a usage export that lists it as a workload.",
                state.without_seats.join(" and "),
                if state.without_seats.len() == 1 { "gives" } else { "give" },
                if state.without_seats.len() == 1 { "it" } else { "them" },
            ),
        );
    }
    if state.free_rows > 0 {
        warn(
            WarningKind::FreeSkuRows,
            format!(
                "{} row(s) are free SKUs (FreeVsPaidSKU {FREE_SKU}) and were ignored: only paid licences count.",
                state.free_rows
            ),
        );
    }
    if state.usage_wins > 0 {
        warn(
            WarningKind::UsageOverEms,
            format!("{} workload figure(s) of this file (tenant, association type, workload and month) were also in a usage file: the usage file's count, these were not added.", state.usage_wins),
        );
    }
    if !state.overlap.is_empty() {
        let rows: u64 = state.overlap.values().sum();
        let months: Vec<String> = state.overlap.keys().map(Month::to_string).collect();
        warn(
            WarningKind::OverlappingMonths,
            format!("{rows} row(s) of {} were skipped: an earlier EMS usage file gave those months, and overlapping downloads are not added twice.", months.join(", ")),
        );
    }
    store.ems_months.extend(state.months.iter().copied());
}
