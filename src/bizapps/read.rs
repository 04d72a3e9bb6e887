//! A row of a business applications download: into the store, set aside
//! with its reason and name, or a row error naming file, line, column and
//! value (inputs.md sections 3, 9 and 10).

use super::rules::{AssociationId, Rules, UsageColumn};
use super::store::{Dataset, Kept, Key, Store};
use crate::input_row::Row;
use crate::layout::{BizappsColumns, BizappsUsageColumns};
use crate::month::Month;
use crate::number::{parse_amount, parse_hundredths, CountError};
use crate::report::{ErrorKind, SetAsideReason, Warning, WarningKind};
use crate::text::fold;
use std::collections::BTreeMap;

/// Largest revenue read, in cents (USD 10 trillion), and largest usage, in
/// hundredths (10 billion users or profiles): far past any real figure, and
/// small enough that sums over any file stay exact.
const MAX_CENTS: i64 = 1_000_000_000_000_000;
const MAX_USAGE: u64 = 1_000_000_000_000;

/// What one file's rows add up to beyond the store, said when it ends.
#[derive(Debug, Default)]
pub(crate) struct FileState {
    /// Rows counted under CPOR without its sub-type.
    bare: u64,
    /// Counted rows, when the download has no subscription column.
    without_subscription: u64,
    /// Claim-type names read as association types: the value as written
    /// (the first few), the type.
    claim_types: BTreeMap<String, String>,
}

/// Claim-type spellings named in a warning; a file of thousands says the first.
const MAX_NAMED: usize = 8;

/// The columns every row needs, read once; `None` when one is bad (its
/// error is recorded).
struct Common {
    tenant: String,
    month: Month,
    workload: String,
    association: String,
}

fn common(row: &mut Row<'_, '_>, c: &BizappsColumns) -> Option<Common> {
    let tenant = row.required(c.tenant, "tenant");
    let month = row.month(c.month);
    let workload = row.required(c.workload, "workload");
    let association = row.required(c.association, "association type");
    Some(Common { tenant: tenant?, month: month?, workload: workload?, association: association? })
}

/// The key of a counted row: tenant (with its name), subscription, workload.
fn key(row: &mut Row<'_, '_>, c: &BizappsColumns, common: &Common, workload: u16, store: &mut Store) -> Key {
    let name = c.tenant_name.and_then(|i| row.name(i));
    let tenant = store.tenant(&common.tenant, name.as_deref());
    let subscription = c.subscription.map(|i| row.text(i).trim().to_string()).unwrap_or_default();
    Key { tenant, subscription: store.subscription(&subscription), workload, month: common.month }
}

/// The association type of a row, or why it is set aside. A claim-type
/// name (`Influenced Revenue Recognition`) is read as its type, and said.
fn association(state: &mut FileState, rules: &Rules, text: &str) -> Result<AssociationId, (SetAsideReason, String)> {
    if let Some(a) = rules.association(text) {
        return Ok(a);
    }
    let a = rules.claim_type(text).ok_or((SetAsideReason::UnknownAssociation, text.to_string()))?;
    let named = &mut state.claim_types;
    if named.len() < MAX_NAMED && !named.contains_key(text) {
        named.insert(text.to_string(), rules.associations[usize::from(a)].id.clone());
    }
    Ok(a)
}

/// A revenue row (inputs.md section 9): net customer adds workloads and
/// association types only; the revenue taken as USD.
pub(crate) fn revenue_row(
    row: &mut Row<'_, '_>,
    state: &mut FileState,
    (c, revenue): (&BizappsColumns, usize),
    rules: &Rules,
    store: &mut Store,
) {
    let Some(common) = common(row, c) else { return };
    let counted = rules
        .workload(&common.workload)
        .ok_or_else(|| {
            let reason = if rules.is_dropped(&common.workload) {
                SetAsideReason::DroppedWorkload
            } else {
                SetAsideReason::NotNcaWorkload
            };
            (reason, common.workload.clone())
        })
        .and_then(|workload| {
            let a = association(state, rules, &common.association)?;
            let id = &rules.associations[usize::from(a)].id;
            rules.counts_for_adds(a).then_some((workload, a)).ok_or((SetAsideReason::AssociationNotCounted, id.clone()))
        });
    let (workload, a) = match counted {
        Ok(counted) => counted,
        Err((reason, name)) => {
            set_aside(row, store, Dataset::Revenue, common.month, reason, &name);
            return;
        }
    };
    let read = |text: &str| parse_amount(text).and_then(|v| at_most(v.unsigned_abs(), MAX_CENTS.unsigned_abs(), v));
    let Some(cents) = number(row, revenue, read, "a revenue (over USD 10 trillion)") else { return };
    let key = key(row, c, &common, workload, store);
    let name = &rules.workloads[usize::from(workload)];
    let kept = Kept { value: cents, association: a, line: 0, column: None };
    store.keep_largest(Dataset::Revenue, key, kept, name);
    counted_row(row, state, store, Dataset::Revenue, (c, common.month), rules.associations[usize::from(a)].bare);
}

/// A usage row (inputs.md section 10): paid rows of rate-card workloads
/// under the association types of the workload's family; the usage number
/// the ruleset names first that is filled.
pub(crate) fn usage_row(
    row: &mut Row<'_, '_>,
    state: &mut FileState,
    c: &BizappsUsageColumns,
    rules: &Rules,
    store: &mut Store,
) {
    let Some(common) = common(row, &c.key) else { return };
    let trial = c.metric_type.is_some_and(|i| rules.is_trial(&row.text(i)));
    let counted = if trial {
        Err((SetAsideReason::Trial, common.workload.clone()))
    } else {
        (rules.line(&common.workload).ok_or_else(|| (SetAsideReason::NotOnRateCard, common.workload.clone()))).and_then(
            |line| {
                let a = association(state, rules, &common.association)?;
                let (line_id, a_id) = (&rules.lines[usize::from(line)].id, &rules.associations[usize::from(a)].id);
                let why = (SetAsideReason::AssociationNotCounted, format!("{a_id} ({line_id})"));
                rules.counts_for_usage(line, a).then_some((line, a)).ok_or(why)
            },
        )
    };
    let (line, a) = match counted {
        Ok(counted) => counted,
        Err((reason, name)) => {
            set_aside(row, store, Dataset::Usage, common.month, reason, &name);
            return;
        }
    };
    let columns = &rules.lines[usize::from(line)].columns;
    let column_of = |col: UsageColumn| match col {
        UsageColumn::Pamau => c.pamau,
        UsageColumn::Mac => c.mac,
        UsageColumn::Mau => c.mau,
    };
    let filled =
        columns.iter().find_map(|&col| column_of(col).filter(|&i| !row.text(i).trim().is_empty()).map(|i| (col, i)));
    let Some((column, index)) = filled else {
        let names: Vec<&str> = columns.iter().map(|c| c.name()).collect();
        let at = columns.iter().find_map(|&col| column_of(col)).unwrap_or(c.key.workload);
        let message =
            format!("no usage number: {} {} empty", names.join(" and "), if names.len() == 1 { "is" } else { "are" });
        row.error(at, "", ErrorKind::EmptyValue, message);
        return;
    };
    let read = |text: &str| parse_hundredths(text).and_then(|v| at_most(v, MAX_USAGE, v));
    let Some(users) = number(row, index, read, "a usage (over 10 billion)") else { return };
    // Renamed products are one line; the name matched keeps them apart here.
    let workload = store.usage_workload(&fold(&common.workload));
    let key = key(row, &c.key, &common, workload, store);
    let kept = Kept { value: users as i64, association: a, line, column: Some(column) };
    store.keep_largest(Dataset::Usage, key, kept, &rules.lines[usize::from(line)].id);
    counted_row(row, state, store, Dataset::Usage, (&c.key, common.month), rules.associations[usize::from(a)].bare);
}

/// `value` unless `size` is past `max`.
fn at_most<T>(size: u64, max: u64, value: T) -> Result<T, CountError> {
    if size > max {
        Err(CountError::TooLarge)
    } else {
        Ok(value)
    }
}

/// A number of the row, or its error (kind, column, value, why).
fn number<T>(
    row: &mut Row<'_, '_>,
    column: usize,
    parse: impl Fn(&str) -> Result<T, CountError>,
    too_large_for: &str,
) -> Option<T> {
    let text = row.text(column).trim().to_string();
    match parse(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            let (kind, message) = match e {
                CountError::Empty => (ErrorKind::EmptyValue, e.message().to_string()),
                CountError::TooLarge => (ErrorKind::BadNumber, format!("number too large for {too_large_for}")),
                // Usage only: revenue may be negative (credits, adjustments).
                other => (ErrorKind::BadNumber, other.message().replace("a count", "a usage")),
            };
            row.error(column, &text, kind, message);
            None
        }
    }
}

fn set_aside(
    row: &mut Row<'_, '_>,
    store: &mut Store,
    dataset: Dataset,
    month: Month,
    reason: SetAsideReason,
    name: &str,
) {
    store.set_aside(dataset, reason, name);
    store.note_month(dataset, month);
    row.note_month(month);
}

fn counted_row(
    row: &mut Row<'_, '_>,
    state: &mut FileState,
    store: &mut Store,
    dataset: Dataset,
    (c, month): (&BizappsColumns, Month),
    bare: bool,
) {
    store.note_month(dataset, month);
    row.note_month(month);
    state.bare += u64::from(bare);
    state.without_subscription += u64::from(c.subscription.is_none());
}

/// The warnings a file's rows add up to: CPOR without its sub-type, no
/// subscription column.
pub(crate) fn finish_file(state: &FileState, file: &str, warnings: &mut Vec<Warning>) {
    let warn = |kind, message| Warning { kind, file: Some(file.to_string()), message };
    if state.bare > 0 {
        warnings.push(warn(
            WarningKind::BareCpor,
            format!(
                "{} row(s) give the association type CPOR without its sub-type (RevRec, OSA, RevRec Performance, OSU): they were counted for both net customer adds and usage.",
                state.bare
            ),
        ));
    }
    if !state.claim_types.is_empty() {
        let read: Vec<String> = state.claim_types.iter().map(|(name, id)| format!("\"{name}\" as {id}")).collect();
        warnings.push(warn(
            WarningKind::ClaimTypeName,
            format!(
                "association types named as Partner Center's claim types were read as their CPOR sub-types: {}.",
                read.join(", ")
            ),
        ));
    }
    if state.without_subscription > 0 {
        warnings.push(warn(
            WarningKind::NoSubscription,
            "the download has no subscription column: the rows of one tenant, workload and month were compared as one subscription (the largest counted, not the sum).".to_string(),
        ));
    }
}
