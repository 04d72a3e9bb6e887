//! What loading keeps of Azure exports: per tenant and month its eligible
//! ACR (after de-duplication) and segment, per Service Level 2 service and
//! month its ACR, and what was set aside; not the rows.
//!
//! Memory. De-duplication (azure.md section 8) needs every row's ACR per
//! (tenant, subscription, month, service levels, association type, and in a
//! download without the attach-type flag partner location) until all rows
//! of that key are read, and an export lists them in no known order. So
//! while a file is read each counted row is one 24-byte [`Entry`] (ids, not
//! text); when the file ends the entries are sorted, each key keeps its
//! largest association sum, and they are folded into the tenant-month and
//! service-month totals and dropped. What stays is 32 bytes per tenant and
//! month with rows, and a few bytes per service and month, however many
//! rows they had. Security's Azure part is folded the same way beside them:
//! rows of a security service under Security's association types are a
//! second, usually much smaller, list of entries while the file is read,
//! then 24 bytes per tenant and month with security ACR. The peak, while a
//! file is read, is 24 bytes per row (about a tenth of the CSV): a
//! generated 1 GB export (5.2 million rows, 100,000 subscriptions of 28,000
//! tenants, 24 months) peaks at 174 MB natively and keeps about 40 MB. Rows
//! of one key split over two files are not compared: a month already loaded
//! from an earlier file of the same kind is skipped in a later one
//! (overlapping downloads), so one month's rows always come from one file.

use crate::month::Month;
use crate::text::fold;
use crate::usage::store::{FastMap, Tenant};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Index of a tenant in [`AzureStore::tenants`].
pub type TenantId = u32;

/// Marks an entry of a row flagged as another location's repeat
/// (`IsDuplicateRowForPGA`): it counts only when no unflagged row of its
/// association type shares its key.
pub const FLAGGED: u8 = 0x80;

/// Which export a figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    AzureUsage = 0,
    CustomersTenants = 1,
}

/// One tenant's month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TenantMonth {
    pub tenant: TenantId,
    pub month: Month,
    /// Eligible ACR in cents, per [`Source`].
    pub acr: [i64; 2],
    /// 1 + index in [`AzureStore::segments`]; 0 when no row gave one.
    pub segment: u16,
}

/// One tenant's eligible security ACR in one month (security.md section 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecurityMonth {
    pub tenant: TenantId,
    pub month: Month,
    /// Cents.
    pub acr: i64,
}

/// Rows that do not count, under one name: how many and their ACR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ignored {
    pub rows: u64,
    pub acr: i64,
}

impl Ignored {
    pub fn add(&mut self, acr: i64) {
        self.rows += 1;
        self.acr = self.acr.saturating_add(acr);
    }
}

/// [`Ignored`] per name (an association type, an offer), listed by name.
/// The names go in a `BTreeMap<String, u64>` (to 1 + an index in
/// `counts`), the map type the usage store counts its names in: one copy
/// of its code serves both.
#[derive(Clone, Debug, Default)]
pub struct IgnoredNames {
    names: BTreeMap<String, u64>,
    counts: Vec<Ignored>,
}

impl IgnoredNames {
    pub fn add(&mut self, name: String, acr: i64) {
        let slot = self.names.entry(name).or_default();
        if *slot == 0 {
            self.counts.push(Ignored::default());
            *slot = self.counts.len() as u64;
        }
        self.counts[*slot as usize - 1].add(acr);
    }

    /// Each name with its rows and ACR, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Ignored)> {
        self.names.iter().map(|(name, &slot)| (name, &self.counts[slot as usize - 1]))
    }
}

/// One service's ACR per month, in cents, by month. A `BTreeMap<Month,
/// u64>` holding each month's `i64` as its bits: the map type the loaders
/// count skipped months in, so that one copy of its code serves both (and
/// a hostile file's thousands of months stay a tree, not a sorted vector).
#[derive(Clone, Debug, Default)]
pub struct ServiceMonths(BTreeMap<Month, u64>);

impl ServiceMonths {
    pub fn add(&mut self, month: Month, cents: i64) {
        let acr = self.0.entry(month).or_insert(0);
        *acr = (*acr as i64).saturating_add(cents) as u64;
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each month with its ACR, by month.
    pub fn iter(&self) -> impl Iterator<Item = (Month, i64)> + '_ {
        self.0.iter().map(|(&month, &acr)| (month, acr as i64))
    }
}

/// The figures the model is computed from.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Sorted by tenant then month, one per pair.
    pub tenant_months: Vec<TenantMonth>,
    /// Per service (index in [`AzureStore::services`]): ACR per month.
    pub service_months: Vec<ServiceMonths>,
    /// Per [`Source`]: the months any row was read for.
    pub months: [BTreeSet<Month>; 2],
    /// Per [`Source`]: ACR set aside as the same consumption under another
    /// association type, in cents.
    pub set_aside: [i64; 2],
    /// Rows (and their ACR) set aside as the same consumption reported by
    /// another partner location, in files without the attach-type flag.
    pub location_repeats: Ignored,
    /// Security's Azure part: sorted by tenant then month, one per pair
    /// with rows (Azure usage exports only: the other has no services).
    pub security: Vec<SecurityMonth>,
    /// Security ACR set aside as the same consumption under another of
    /// Security's association types or from another partner location, in cents.
    pub security_set_aside: i64,
}

/// A counted row while its file is read.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub tenant: TenantId,
    /// The row's subscription (0 when the file has no subscription column)
    /// or, in a file whose repeats across partner locations are told apart
    /// by location ([`FileRows::sites`]), its subscription at its location.
    pub site: u32,
    pub month: Month,
    /// Service combination (levels 2 to 4) << 8 | association type, with
    /// [`FLAGGED`] set on flagged rows: sorted, a key's types come together
    /// and its flagged rows after its unflagged ones.
    pub line: u32,
    /// Cents.
    pub acr: i64,
}

/// What de-duplication compares rows by: tenant, subscription, month and
/// service combination (azure.md section 8).
type Key = (TenantId, u32, Month, u32);

/// The file being read: its entries and the ids they use.
#[derive(Clone, Debug)]
pub struct FileRows {
    pub source: Source,
    pub entries: Vec<Entry>,
    /// Subscription ids (lower-cased) to a number.
    pub subscriptions: FastMap<Box<[u8]>, u32>,
    /// A file without the attach-type duplicate flag that names partner
    /// locations (inputs.md section 7): per site, its subscription and its
    /// location (site 0: neither); empty otherwise, when a site is the
    /// subscription itself.
    pub sites: Vec<(u32, u32)>,
    pub site_index: FastMap<(u32, u32), u32>,
    /// Partner locations (as written) to a number from 1.
    pub locations: FastMap<Box<[u8]>, u32>,
    /// Service levels, folded and joined, to a combination id.
    pub combo_index: HashMap<String, u32>,
    /// The same as written: resolved once per spelling.
    pub combos: FastMap<Box<[u8]>, u32>,
    /// Per combination id: its Service Level 2 (index in `services`).
    pub combo_service: Vec<u32>,
    /// Per combination id: a service level names a security service.
    pub combo_security: Vec<bool>,
    /// The columns a security service is looked for in.
    pub security_levels: Vec<usize>,
    /// Rows that count for Security's Azure part, as `entries` (its
    /// association types numbered in Security's list).
    pub security: Vec<Entry>,
    pub segments: FastMap<(TenantId, Month), u16>,
    pub months: BTreeSet<Month>,
    /// Months skipped as already loaded from an earlier file, with their rows.
    pub overlap: BTreeMap<Month, u64>,
    /// Header columns whose `1` drops the row (the ruleset's drop flags).
    pub drop_columns: Vec<usize>,
    pub lookups: Lookups,
}

impl FileRows {
    /// The entry's de-duplication key.
    fn key(&self, e: &Entry) -> Key {
        let subscription = self.sites.get(e.site as usize).map_or(e.site, |&(subscription, _)| subscription);
        (e.tenant, subscription, e.month, e.line >> 8)
    }

    /// The partner location the entry was reported for (0: not told apart).
    fn location(&self, e: &Entry) -> u32 {
        self.sites.get(e.site as usize).map_or(0, |&(_, location)| location)
    }

    pub fn new(source: Source, drop_columns: Vec<usize>) -> FileRows {
        FileRows {
            source,
            entries: Vec::new(),
            subscriptions: FastMap::default(),
            sites: Vec::new(),
            site_index: FastMap::default(),
            locations: FastMap::default(),
            combo_index: HashMap::new(),
            combos: FastMap::default(),
            // Combination 0: no service (the Customers and tenants download).
            combo_service: vec![u32::MAX],
            combo_security: vec![false],
            security_levels: Vec::new(),
            security: Vec::new(),
            segments: FastMap::default(),
            months: BTreeSet::new(),
            overlap: BTreeMap::new(),
            drop_columns,
            lookups: Default::default(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct AzureStore {
    tenant_index: crate::usage::store::FastMap<String, TenantId>,
    pub tenants: Vec<Tenant>,
    segment_index: HashMap<String, u16>,
    pub segments: Vec<String>,
    service_index: HashMap<String, u32>,
    /// Service Level 2 names as first written.
    pub services: Vec<String>,
    pub totals: Totals,
    /// The file being read, until it ends.
    pub file: Option<FileRows>,
    /// Per association type that does not count: rows and ACR.
    pub ignored_associations: IgnoredNames,
    /// Per excluded offer: rows and ACR.
    pub ignored_offers: IgnoredNames,
    /// Rows dropped by a duplicate flag.
    pub flagged: Ignored,
    /// An Azure usage file without an offer column was loaded.
    pub offers_unchecked: bool,
}

impl AzureStore {
    pub fn tenant(&mut self, id: &str, name: Option<&str>) -> TenantId {
        crate::usage::store::intern_tenant(&mut self.tenant_index, &mut self.tenants, id, name)
    }

    /// The tenant an id names, if any row gave it (ids compared as
    /// `tenant` does: across exports, case and space do not matter).
    pub fn find_tenant(&self, id: &str) -> Option<TenantId> {
        self.tenant_index.get(&crate::usage::store::tenant_key(id)).copied()
    }

    /// 1 + the segment's index; 0 for an empty one, or past `u16` names.
    pub fn segment(&mut self, text: &str) -> u16 {
        let text = text.trim();
        if text.is_empty() {
            return 0;
        }
        if let Some(&s) = self.segment_index.get(text) {
            return s;
        }
        let Ok(s) = u16::try_from(self.segments.len() + 1) else { return 0 };
        self.segments.push(text.to_string());
        self.segment_index.insert(text.to_string(), s);
        s
    }

    /// The index of a Service Level 2 service, matched without case, space
    /// or punctuation.
    pub fn service(&mut self, name: &str) -> u32 {
        let key = fold(name);
        if let Some(&s) = self.service_index.get(&key) {
            return s;
        }
        let s = self.services.len() as u32;
        self.services.push(name.trim().to_string());
        self.service_index.insert(key, s);
        self.totals.service_months.push(ServiceMonths::default());
        s
    }

    /// Folds the file being read into the totals and forgets its rows.
    pub fn finish_file(&mut self) -> Option<FileRows> {
        let mut file = self.file.take()?;
        let entries = std::mem::take(&mut file.entries);
        let security = std::mem::take(&mut file.security);
        collapse(&file, entries, security, &mut self.totals);
        Some(file)
    }

    /// The totals with the file being read folded in as far as read.
    pub fn totals(&self) -> Cow<'_, Totals> {
        match &self.file {
            Some(file) if !file.months.is_empty() => {
                let mut totals = self.totals.clone();
                collapse(file, file.entries.clone(), file.security.clone(), &mut totals);
                Cow::Owned(totals)
            }
            _ => Cow::Borrowed(&self.totals),
        }
    }

    /// The latest month of the Azure usage exports, the file being read included.
    pub fn usage_latest(&self) -> Option<Month> {
        let file = self.file.as_ref().filter(|f| f.source == Source::AzureUsage).and_then(|f| f.months.last());
        self.totals.months[Source::AzureUsage as usize].last().max(file).copied()
    }

    /// The latest month of any Azure export, the file being read included.
    pub fn latest(&self) -> Option<Month> {
        let [usage, tenants] = &self.totals.months;
        let file = self.file.as_ref().and_then(|f| f.months.last());
        usage.last().max(tenants.last()).max(file).copied()
    }
}

/// What-if additions (src/simulate.rs): a planned customer's ACR put in
/// the figures the models read, and tenants taken out of them. Months are
/// never marked as read here: a month the exports lack stays missing.
impl AzureStore {
    /// The export the Azure areas are scored from: the usage export when
    /// one was read (the file being read included), else Customers and tenants.
    fn scored_source(&self) -> Source {
        let open = self.file.as_ref().is_some_and(|f| f.source == Source::AzureUsage && !f.months.is_empty());
        if open || !self.totals.months[Source::AzureUsage as usize].is_empty() {
            Source::AzureUsage
        } else {
            Source::CustomersTenants
        }
    }

    /// Adds eligible ACR (cents) per (tenant, month), and security ACR per
    /// (tenant, month) for Security's Azure part; one merge each, however
    /// many months.
    pub fn add_acr(&mut self, mut acr: Vec<(TenantId, Month, i64)>, mut security: Vec<(TenantId, Month, i64)>) {
        let source = self.scored_source() as usize;
        sum_parts(&mut acr);
        let totals = &mut self.totals;
        totals.tenant_months = merge(std::mem::take(&mut totals.tenant_months), &acr, &|tenant, month, cents| {
            let mut both = [0; 2];
            both[source] = cents;
            TenantMonth { tenant, month, acr: both, segment: 0 }
        });
        sum_parts(&mut security);
        totals.security = merge_security(std::mem::take(&mut totals.security), &security);
    }

    /// Adds ACR (cents) to a Service Level 2 service's month.
    pub fn add_service_acr(&mut self, service: u32, month: Month, cents: i64) {
        if let Some(months) = self.totals.service_months.get_mut(service as usize) {
            months.add(month, cents);
        }
    }

    /// Takes tenants' months out of the tenant and security figures (and
    /// the file being read). Per-service ACR is kept per service, not per
    /// tenant, so it stays as it was.
    pub fn remove_tenants(&mut self, tenants: &[TenantId]) {
        self.totals.tenant_months.retain(|m| !tenants.contains(&m.tenant));
        self.totals.security.retain(|m| !tenants.contains(&m.tenant));
        if let Some(file) = &mut self.file {
            file.entries.retain(|e| !tenants.contains(&e.tenant));
            file.security.retain(|e| !tenants.contains(&e.tenant));
            file.segments.retain(|(t, _), _| !tenants.contains(t));
        }
    }
}

/// Entries sorted so that a key's come together, its association types
/// in runs, each type's locations in runs within them (one function for
/// both lists: one sort in the module).
fn sort_entries(entries: &mut [Entry], file: &FileRows) {
    entries.sort_unstable_by_key(|e| (file.key(e), e.line, file.location(e)));
}

/// Sorted entries, key by key: the key's first entry, the largest sum of
/// one association type (the one kept, azure.md section 8) and the sum of
/// every type. A flagged entry counts only where no unflagged one of its
/// type shares the key. Where locations are told apart, a type's sum is
/// its largest location's: the rows of the others repeat it (inputs.md
/// section 7), and are added to `repeats`.
fn largest_per_key(entries: &[Entry], file: &FileRows, repeats: &mut Ignored, each: &mut dyn FnMut(&Entry, i64, i64)) {
    for key in entries.chunk_by(|a, b| file.key(a) == file.key(b)) {
        let Some(first) = key.first() else { continue };
        let (mut best, mut total, mut unflagged) = (None::<i64>, 0i64, 0u128);
        for run in key.chunk_by(|a, b| a.line == b.line) {
            let association = (run[0].line & 0xff) as u8;
            let bit = 1u128 << (association & !FLAGGED);
            if association & FLAGGED != 0 && unflagged & bit != 0 {
                continue;
            }
            unflagged |= bit;
            // (ACR, rows) of the largest location so far.
            let mut kept = None::<(i64, usize)>;
            for rows in run.chunk_by(|a, b| file.location(a) == file.location(b)) {
                let here = (rows.iter().fold(0i64, |s, e| s.saturating_add(e.acr)), rows.len());
                let Some(largest) = kept else {
                    kept = Some(here);
                    continue;
                };
                let (larger, smaller) = if here.0 > largest.0 { (here, largest) } else { (largest, here) };
                kept = Some(larger);
                repeats.rows += smaller.1 as u64;
                repeats.acr = repeats.acr.saturating_add(smaller.0);
            }
            let sum = kept.map_or(0, |(acr, _)| acr);
            best = Some(best.map_or(sum, |b| b.max(sum)));
            total = total.saturating_add(sum);
        }
        each(first, best.unwrap_or(0), total);
    }
}

/// Adds `acr` to the last (tenant, month) of `parts` when it is the same
/// pair, else starts one: keys come by tenant, then subscription.
fn add_part(parts: &mut Vec<(TenantId, Month, i64)>, tenant: TenantId, month: Month, acr: i64) {
    match parts.last_mut() {
        Some((t, m, sum)) if (*t, *m) == (tenant, month) => *sum = sum.saturating_add(acr),
        _ => parts.push((tenant, month, acr)),
    }
}

/// Sorts (tenant, month) parts and adds up those of one pair.
fn sum_parts(parts: &mut Vec<(TenantId, Month, i64)>) {
    parts.sort_unstable_by_key(|&(t, m, _)| (t, m));
    parts.dedup_by(|(t, m, acr), (kept_t, kept_m, kept)| {
        let same = (*t, *m) == (*kept_t, *kept_m);
        if same {
            *kept = kept.saturating_add(*acr);
        }
        same
    });
}

/// Sorts a file's entries and folds them into `totals`: per key, the
/// largest sum of one association type counts (azure.md section 8). The
/// entries go before the tenant-month figures are built, so that the two
/// are not held at once. Security's entries are folded the same way into
/// its own tenant-month figures.
fn collapse(file: &FileRows, mut entries: Vec<Entry>, mut security: Vec<Entry>, totals: &mut Totals) {
    let source = file.source as usize;
    sort_entries(&mut entries, file);
    // Per tenant, subscription and month: the tenant-month's part.
    let mut parts: Vec<(TenantId, Month, i64)> = Vec::new();
    largest_per_key(&entries, file, &mut totals.location_repeats, &mut |first, kept, total| {
        totals.set_aside[source] = totals.set_aside[source].saturating_add(total.saturating_sub(kept));
        add_part(&mut parts, first.tenant, first.month, kept);
        let service = file.combo_service.get((first.line >> 8) as usize).copied().unwrap_or(u32::MAX);
        if let Some(months) = totals.service_months.get_mut(service as usize) {
            months.add(first.month, kept);
        }
    });
    drop(entries);
    // Segments give a tenant-month even without ACR (a tenant whose rows
    // all went to types that do not count).
    parts.extend(file.segments.keys().map(|&(t, m)| (t, m, 0)));
    sum_parts(&mut parts);
    totals.tenant_months = merge(std::mem::take(&mut totals.tenant_months), &parts, &|tenant, month, acr| {
        let mut both = [0; 2];
        both[source] = acr;
        let segment = file.segments.get(&(tenant, month)).copied().unwrap_or(0);
        TenantMonth { tenant, month, acr: both, segment }
    });
    drop(parts);
    totals.months[source].extend(file.months.iter().copied());

    sort_entries(&mut security, file);
    let mut parts: Vec<(TenantId, Month, i64)> = Vec::new();
    let mut repeats = Ignored::default();
    largest_per_key(&security, file, &mut repeats, &mut |first, kept, total| {
        totals.security_set_aside = totals.security_set_aside.saturating_add(total.saturating_sub(kept));
        add_part(&mut parts, first.tenant, first.month, kept);
    });
    drop(security);
    totals.security_set_aside = totals.security_set_aside.saturating_add(repeats.acr);
    sum_parts(&mut parts);
    totals.security = merge_security(std::mem::take(&mut totals.security), &parts);
}

/// Figures sorted by tenant and month with `parts` (sorted, one per pair)
/// merged in: a pair in both is `combine`d into the one already kept, a
/// new one is `make`d. One plain loop per figure type (a smaller module).
fn merge_sorted<T: Copy>(
    kept: Vec<T>,
    parts: &[(TenantId, Month, i64)],
    key: fn(&T) -> (TenantId, Month),
    make: &dyn Fn(TenantId, Month, i64) -> T,
    combine: fn(&mut T, T),
) -> Vec<T> {
    let mut out = Vec::with_capacity(kept.len() + parts.len());
    let mut i = 0;
    for &(tenant, month, acr) in parts {
        while i < kept.len() && key(&kept[i]) < (tenant, month) {
            out.push(kept[i]);
            i += 1;
        }
        let new = make(tenant, month, acr);
        if i < kept.len() && key(&kept[i]) == (tenant, month) {
            let mut old = kept[i];
            combine(&mut old, new);
            out.push(old);
            i += 1;
        } else {
            out.push(new);
        }
    }
    out.extend_from_slice(&kept[i..]);
    out.shrink_to_fit();
    out
}

/// Security months sorted by tenant and month with `parts` merged in: a
/// pair in both adds its ACR.
fn merge_security(kept: Vec<SecurityMonth>, parts: &[(TenantId, Month, i64)]) -> Vec<SecurityMonth> {
    merge_sorted(
        kept,
        parts,
        |m| (m.tenant, m.month),
        &|tenant, month, acr| SecurityMonth { tenant, month, acr },
        |old, new| old.acr = old.acr.saturating_add(new.acr),
    )
}

/// Tenant months sorted by tenant and month with `parts` merged in as
/// `make` builds them: a pair in both adds its ACR, and keeps the segment
/// already there (an earlier file's, or the other source's) unless it had none.
fn merge(
    kept: Vec<TenantMonth>,
    parts: &[(TenantId, Month, i64)],
    make: &dyn Fn(TenantId, Month, i64) -> TenantMonth,
) -> Vec<TenantMonth> {
    merge_sorted(
        kept,
        parts,
        |m| (m.tenant, m.month),
        make,
        |old, new| {
            for (sum, acr) in old.acr.iter_mut().zip(new.acr) {
                *sum = sum.saturating_add(acr);
            }
            if old.segment == 0 {
                old.segment = new.segment;
            }
        },
    )
}

/// Values seen on earlier rows of the file, resolved once: an export
/// repeats a tenant's id, its segment, association and offer spellings on
/// row after row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lookups {
    pub(super) tenant: Last<TenantId>,
    pub(super) segment: Last<u16>,
    pub(super) offer: Last<Option<String>>,
    /// Raw association spelling: its eligible type, or 256 + the index in
    /// `ignored_names` of the name it is ignored under.
    pub(super) associations: crate::input_row::Codes,
    pub(super) ignored_names: Vec<String>,
    /// Raw association spelling: Security's type, if it is one.
    pub(super) security_associations: crate::input_row::Codes,
    /// A key being built (service levels joined, a subscription folded).
    pub(super) buffer: Vec<u8>,
}

/// The previous row's raw value and what it resolved to.
#[derive(Clone, Debug, Default)]
pub(super) struct Last<T> {
    raw: Option<Vec<u8>>,
    value: T,
}

impl<T: Clone> Last<T> {
    pub(super) fn get(&self, raw: &[u8]) -> Option<T> {
        (self.raw.as_deref() == Some(raw)).then(|| self.value.clone())
    }
    pub(super) fn set(&mut self, raw: &[u8], value: T) -> T {
        self.raw = Some(raw.to_vec());
        self.value = value.clone();
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: u32) -> Month {
        Month::new(2025, m).unwrap()
    }

    #[test]
    fn a_key_keeps_its_largest_association_sum() {
        let mut store = AzureStore::default();
        let t = store.tenant("T1", None);
        let sql = store.service("Azure SQL Database");
        let mut file = FileRows::new(Source::AzureUsage, vec![]);
        file.combo_service.push(sql);
        file.months.insert(month(10));
        let entry = |line: u32, acr: i64| Entry { tenant: t, site: 1, month: month(10), line, acr };
        // CSP Tier 1 (0): 300 + 200; PAL (3): 450; a flagged PAL repeat: ignored.
        let line = |association: u8| 1 << 8 | u32::from(association);
        file.entries = vec![
            entry(line(3), 45_000),
            entry(line(0), 30_000),
            entry(line(3 | FLAGGED), 45_000),
            entry(line(0), 20_000),
        ];
        store.file = Some(file);
        assert_eq!(store.totals().tenant_months[0].acr, [50_000, 0]);
        store.finish_file();
        assert_eq!(store.totals.tenant_months[0].acr, [50_000, 0]);
        assert_eq!(store.totals.set_aside, [45_000, 0]);
        assert_eq!(store.totals.service_months[sql as usize].iter().collect::<Vec<_>>(), [(month(10), 50_000)]);
    }

    #[test]
    fn security_keeps_its_own_largest_association_sum() {
        let mut store = AzureStore::default();
        let t = store.tenant("T1", None);
        let mut file = FileRows::new(Source::AzureUsage, vec![]);
        file.combo_service.push(store.service("Key Vault"));
        file.combo_security.push(true);
        file.months.insert(month(10));
        // Key Vault 400 under PAL (0) and again under CSP Tier 1 (1): 400, not 800.
        let entry = |association: u32, acr: i64| Entry {
            tenant: t,
            site: 1,
            month: month(10),
            line: 1 << 8 | association,
            acr,
        };
        file.security = vec![entry(0, 40_000), entry(1, 40_000)];
        file.entries = vec![entry(3, 40_000), entry(0, 40_000)];
        store.file = Some(file);
        let open = store.totals().into_owned();
        store.finish_file();
        for totals in [open, store.totals.clone()] {
            assert_eq!(totals.security, vec![SecurityMonth { tenant: t, month: month(10), acr: 40_000 }]);
            assert_eq!(totals.security_set_aside, 40_000);
        }
    }

    #[test]
    fn a_flagged_row_alone_counts() {
        let mut store = AzureStore::default();
        let t = store.tenant("T1", None);
        let mut file = FileRows::new(Source::CustomersTenants, vec![]);
        file.months.insert(month(10));
        file.entries = vec![Entry { tenant: t, site: 0, month: month(10), line: u32::from(FLAGGED | 2), acr: 700 }];
        store.file = Some(file);
        store.finish_file();
        assert_eq!(store.totals.tenant_months[0].acr, [0, 700]);
    }
}
