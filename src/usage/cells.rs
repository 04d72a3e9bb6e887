//! The usage table: one entry per tenant, association, workload and month.
//!
//! It holds every row of the largest exports (15 million in a 1 GB file), so
//! its size per entry is the memory of the whole load. A hash table of every
//! entry took 26 to 32 bytes each, more while it doubled, and every row was
//! a cache miss. Here each tenant's entries are one sorted slice of 12-byte
//! cells, searched by bisection. New entries wait, and are merged into the
//! tenants' slices when there are enough: exports list a tenant's rows
//! together, so a merge mostly creates slices rather than copying them.
//! Waiting entries that come in key order (exports mostly list them so) are
//! a sorted vector, the others a small hash table sorted when merged.

use crate::hash::FastMap;
use crate::month::Month;
use crate::number::Count;
use crate::ruleset::{AssociationId, WorkloadId};

/// How many entries wait before a merge: small enough to stay in cache,
/// large enough that a tenant's rows are mostly merged at once.
const PENDING: usize = 1 << 16;
/// How far from its end a new entry may go into the sorted run: a tenant's
/// workloads in a month come in the export's order, not the key's.
const TAIL: usize = 64;

/// Index of a tenant in the store's list of tenants.
pub type TenantId = u32;

/// One tenant x association x workload x month: the unit Partner Center
/// reports, and the unit duplicates are detected on.
///
/// Packed into 64 bits, as there is one per stored row: tenant (32) | month
/// index (17) | association (5) | workload (8), so that keys sort by tenant,
/// then month. The month index (`year * 12 + month - 1`) needs 17 bits for
/// the years 1900..=9999 that [`Month`] accepts (16 let a row dated
/// `Oct-9999` spill into the tenant bits; found by fuzzing), and a ruleset
/// has at most 32 association types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey(u64);

const MONTH_BITS: u32 = 17;
const ASSOCIATION_BITS: u32 = 5;

impl CellKey {
    pub fn new(tenant: TenantId, month: Month, association: AssociationId, workload: WorkloadId) -> CellKey {
        let month = u64::from(month.index()) & ((1 << MONTH_BITS) - 1);
        let association = u64::from(association) & ((1 << ASSOCIATION_BITS) - 1);
        CellKey(u64::from(tenant) << 32 | month << (8 + ASSOCIATION_BITS) | association << 8 | u64::from(workload))
    }
    pub fn tenant(self) -> TenantId {
        (self.0 >> 32) as u32
    }
    pub fn month(self) -> Month {
        // The month put in, whatever it is: no check that could panic.
        Month::from_index(((self.0 >> (8 + ASSOCIATION_BITS)) & ((1 << MONTH_BITS) - 1)) as u32)
    }
    pub fn association(self) -> AssociationId {
        ((self.0 >> 8) & ((1 << ASSOCIATION_BITS) - 1)) as u8
    }
    pub fn workload(self) -> WorkloadId {
        self.0 as u8
    }
    /// Month, association and workload: the key among one tenant's.
    pub fn within_tenant(self) -> u32 {
        self.0 as u32
    }
    pub fn from_parts(tenant: TenantId, within_tenant: u32) -> CellKey {
        CellKey(u64::from(tenant) << 32 | u64::from(within_tenant))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub mau: Count,
    pub pau: Count,
}

/// One entry of a tenant: the key without its tenant, and the usage.
#[derive(Clone, Copy, Debug)]
struct Cell {
    key: u32,
    usage: Usage,
}

#[derive(Clone, Debug, Default)]
pub struct Cells {
    /// Per tenant id, its merged entries sorted by key.
    tenants: Vec<Box<[Cell]>>,
    /// Entries not merged yet that came in ascending key order, as exports
    /// list them: appended with no hashing, merged with no sorting.
    run: Vec<(CellKey, Usage)>,
    /// Entries not merged yet that came out of order. No key is in two of
    /// `tenants`, `run` and `pending`.
    pending: FastMap<CellKey, Usage>,
}

impl Cells {
    pub fn get(&self, key: &CellKey) -> Option<&Usage> {
        self.get_pending(key).or_else(|| find_merged(&self.tenants, key))
    }

    /// The entry under `key` not merged yet.
    fn get_pending(&self, key: &CellKey) -> Option<&Usage> {
        let in_run = match self.run.binary_search_by_key(key, |&(k, _)| k) {
            Ok(i) => self.run.get(i).map(|(_, usage)| usage),
            Err(_) => None,
        };
        // Checked first: it is empty unless the rows came out of order.
        if self.pending.is_empty() {
            return in_run;
        }
        in_run.or_else(|| self.pending.get(key))
    }

    /// Stores `usage` under `key`, unless something is stored there
    /// already: then that is returned and nothing changes.
    pub fn insert(&mut self, key: CellKey, usage: Usage) -> Option<Usage> {
        // Where in the run's tail the key goes, when it goes there.
        let tail_start = self.run.len().saturating_sub(TAIL);
        let tail = self.run.get(tail_start..).unwrap_or_default();
        let in_tail = match tail.first() {
            Some(&(first, _)) if first < key => match tail.binary_search_by_key(&key, |&(k, _)| k) {
                Ok(i) => return tail.get(i).map(|&(_, usage)| usage),
                Err(i) => Some(tail_start + i),
            },
            Some(_) => None,
            None => Some(0),
        };
        let stored = match in_tail {
            // Not in the run: the rest of it is before the tail.
            Some(_) if self.pending.is_empty() => None,
            Some(_) => self.pending.get(&key),
            None => self.get_pending(&key),
        };
        if let Some(&stored) = stored.or_else(|| find_merged(&self.tenants, &key)) {
            return Some(stored);
        }
        match in_tail {
            Some(at) => self.run.insert(at, (key, usage)),
            None => {
                self.pending.insert(key, usage);
            }
        }
        if self.run.len() + self.pending.len() >= PENDING {
            self.merge();
        }
        None
    }

    /// Replaces what is stored under `key`, if anything; true when it did.
    pub fn replace(&mut self, key: CellKey, usage: Usage) -> bool {
        if let Some(pending) = self.pending.get_mut(&key) {
            *pending = usage;
            return true;
        }
        if let Ok(i) = self.run.binary_search_by_key(&key, |&(k, _)| k) {
            if let Some((_, stored)) = self.run.get_mut(i) {
                *stored = usage;
                return true;
            }
        }
        let cells = self.tenants.get_mut(key.tenant() as usize);
        let found = cells.and_then(|cells| {
            let i = cells.binary_search_by_key(&key.within_tenant(), |c| c.key).ok()?;
            cells.get_mut(i)
        });
        found.map(|cell| cell.usage = usage).is_some()
    }

    /// Moves the entries not merged yet into the tenants' slices.
    fn merge(&mut self) {
        let mut sorted = std::mem::take(&mut self.run);
        if !self.pending.is_empty() {
            // Only the entries that came out of order are sorted, then the
            // two sorted lists are merged (no key is in both).
            let mut late: Vec<(CellKey, Usage)> = self.pending.drain().collect();
            late.sort_unstable_by_key(|&(key, _)| key);
            let mut both = Vec::with_capacity(sorted.len() + late.len());
            let mut late = late.into_iter().peekable();
            for entry in sorted.drain(..) {
                while let Some(earlier) = late.next_if(|l| l.0 < entry.0) {
                    both.push(earlier);
                }
                both.push(entry);
            }
            both.extend(late);
            sorted = both;
        }
        for run in sorted.chunk_by(|a, b| a.0.tenant() == b.0.tenant()) {
            let Some(&(first, _)) = run.first() else { continue };
            let tenant = first.tenant() as usize;
            if self.tenants.len() <= tenant {
                self.tenants.resize_with(tenant + 1, Box::default);
            }
            let Some(slot) = self.tenants.get_mut(tenant) else { continue };
            let new = run.iter().map(|&(key, usage)| Cell { key: key.within_tenant(), usage });
            *slot = if slot.is_empty() { new.collect() } else { merged(slot, new) };
        }
        // Kept to reuse its memory.
        sorted.clear();
        self.run = sorted;
    }

    /// Every entry: the merged ones by tenant and key, then the ones not
    /// merged yet (those that came in order first).
    pub fn iter(&self) -> impl Iterator<Item = (CellKey, Usage)> + '_ {
        let merged = self
            .tenants
            .iter()
            .zip(0..=TenantId::MAX)
            .flat_map(|(cells, tenant)| cells.iter().map(move |c| (CellKey::from_parts(tenant, c.key), c.usage)));
        merged.chain(self.run.iter().copied()).chain(self.pending.iter().map(|(&key, &usage)| (key, usage)))
    }

    /// The entries of `months` (ascending), in the order of [`iter`](Self::iter):
    /// a tenant's merged entries of a month are found by bisection, not
    /// by reading the other months'.
    pub fn in_months<'a>(&'a self, months: &'a [Month]) -> impl Iterator<Item = (CellKey, Usage)> + 'a {
        let merged = self.tenants.iter().zip(0..=TenantId::MAX).flat_map(move |(cells, tenant)| {
            months.iter().flat_map(move |&month| {
                let first = CellKey::new(tenant, month, 0, 0).within_tenant();
                let from = cells.get(cells.partition_point(|c| c.key < first)..).unwrap_or_default();
                let entries = from.iter().map(move |c| (CellKey::from_parts(tenant, c.key), c.usage));
                entries.take_while(move |(key, _)| key.month() == month)
            })
        });
        let wanted = move |&(key, _): &(CellKey, Usage)| months.contains(&key.month());
        let pending = self.pending.iter().map(|(&key, &usage)| (key, usage));
        merged.chain(self.run.iter().copied().filter(wanted)).chain(pending.filter(wanted))
    }

    pub fn keys(&self) -> impl Iterator<Item = CellKey> + '_ {
        self.iter().map(|(key, _)| key)
    }

    /// Keeps only the entries whose key `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(CellKey) -> bool) {
        self.pending.retain(|&key, _| keep(key));
        self.run.retain(|&(key, _)| keep(key));
        for (cells, tenant) in self.tenants.iter_mut().zip(0..=TenantId::MAX) {
            if cells.iter().any(|c| !keep(CellKey::from_parts(tenant, c.key))) {
                *cells = cells.iter().copied().filter(|c| keep(CellKey::from_parts(tenant, c.key))).collect();
            }
        }
    }
}

/// The usage merged under `key`, found by bisecting its tenant's cells.
fn find_merged<'a>(tenants: &'a [Box<[Cell]>], key: &CellKey) -> Option<&'a Usage> {
    let cells = tenants.get(key.tenant() as usize)?;
    let i = cells.binary_search_by_key(&key.within_tenant(), |c| c.key).ok()?;
    cells.get(i).map(|c| &c.usage)
}

/// Two sorted runs of cells with no key in common, as one sorted slice.
fn merged(old: &[Cell], new: impl Iterator<Item = Cell>) -> Box<[Cell]> {
    let mut out = Vec::with_capacity(old.len() + new.size_hint().0);
    let mut old = old.iter().copied().peekable();
    for cell in new {
        while let Some(earlier) = old.next_if(|o| o.key < cell.key) {
            out.push(earlier);
        }
        out.push(cell);
    }
    out.extend(old);
    out.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Count;

    fn key(tenant: TenantId, month: u32, workload: u8) -> CellKey {
        CellKey::new(tenant, Month::new(2025, month).unwrap_or_else(|| unreachable!()), 1, workload)
    }

    fn usage(n: u32) -> Usage {
        Usage { mau: Count(n), pau: Count(n + 1) }
    }

    #[test]
    fn entries_are_found_before_and_after_merges_in_any_order() {
        let mut cells = Cells::default();
        // Tenants interleaved and revisited, across several merges.
        let keys: Vec<CellKey> =
            (0..3 * PENDING as u32).map(|i| key(i % 7, 1 + (i / 7) % 12, ((i / 84) % 200) as u8)).collect();
        let mut distinct = std::collections::BTreeMap::new();
        for (i, &k) in keys.iter().enumerate() {
            let first = *distinct.entry(k).or_insert(usage(i as u32));
            let stored = cells.insert(k, usage(i as u32));
            assert_eq!(stored, (first != usage(i as u32)).then_some(first), "entry {i}");
        }
        for (&k, &u) in &distinct {
            assert_eq!(cells.get(&k), Some(&u));
        }
        assert_eq!(cells.get(&key(8, 1, 0)), None);
        let all: std::collections::BTreeMap<CellKey, Usage> = cells.iter().collect();
        assert_eq!(all, distinct);
        // Some months, in the order (and with the entries) of the whole:
        // merged, in the run and out of order.
        let some: Vec<Month> = [2, 3, 7, 12].map(|m| Month::new(2025, m).unwrap_or_else(|| unreachable!())).into();
        let in_some: Vec<_> = cells.iter().filter(|(k, _)| some.contains(&k.month())).collect();
        assert!(!cells.run.is_empty() && !cells.pending.is_empty() && in_some.len() > 1000);
        assert_eq!(cells.in_months(&some).collect::<Vec<_>>(), in_some);
        cells.merge();
        assert_eq!(cells.in_months(&some).collect::<Vec<_>>().len(), in_some.len());
        assert_eq!(cells.iter().collect::<std::collections::BTreeMap<_, _>>(), distinct);
        // Merged slices stay sorted, so bisection finds every entry.
        assert!(cells.tenants.iter().all(|t| t.windows(2).all(|w| w[0].key < w[1].key)));
    }

    #[test]
    fn entries_in_order_then_again_are_found_as_stored() {
        // In key order, as exports come; then every key again, in order and
        // out of it, before and after a merge.
        let mut cells = Cells::default();
        let keys: Vec<CellKey> =
            (0..PENDING as u32 + 100).map(|i| key(i / 24, 1 + (i / 2) % 12, (i % 2) as u8)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(cells.insert(k, usage(i as u32)), None, "entry {i}");
        }
        for (i, &k) in keys.iter().enumerate().rev().chain(keys.iter().enumerate()) {
            assert_eq!(cells.insert(k, usage(0)), Some(usage(i as u32)), "entry {i}");
            assert_eq!(cells.get(&k), Some(&usage(i as u32)));
        }
        assert!(cells.replace(keys[PENDING + 50], usage(7)));
        assert_eq!(cells.get(&keys[PENDING + 50]), Some(&usage(7)));
        assert_eq!(cells.iter().count(), keys.len());
    }

    #[test]
    fn retain_removes_from_merged_and_pending_entries() {
        let mut cells = Cells::default();
        for t in 0..4 {
            cells.insert(key(t, 1, 0), usage(t));
        }
        cells.merge();
        for t in 0..4 {
            cells.insert(key(t, 2, 0), usage(t));
        }
        cells.retain(|k| k.tenant() != 2);
        let tenants: Vec<TenantId> = cells.keys().map(CellKey::tenant).collect();
        assert_eq!(tenants.len(), 6);
        assert!(!tenants.contains(&2));
        assert_eq!(cells.get(&key(1, 2, 0)), Some(&usage(1)));
    }
}
