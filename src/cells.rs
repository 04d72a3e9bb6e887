//! The usage table: one entry per tenant, association, workload and month.
//!
//! It holds every row of the largest exports (15 million in a 1 GB file), so
//! its size per entry is the memory of the whole load. A hash table of every
//! entry took 26 to 32 bytes each, more while it doubled, and every row was
//! a cache miss. Here each tenant's entries are one sorted slice of 12-byte
//! cells, searched by bisection. New entries wait in a small hash table that
//! is sorted and merged into the tenants' slices when full: exports list a
//! tenant's rows together, so a merge mostly creates slices rather than
//! copying them.

use crate::store::{CellKey, FastMap, TenantId, Usage};
use std::collections::hash_map::Entry;

/// How many entries wait before a merge: small enough to stay in cache,
/// large enough that a tenant's rows are mostly merged at once.
const PENDING: usize = 1 << 16;

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
    /// Entries not merged yet; no key is both here and in `tenants`.
    pending: FastMap<CellKey, Usage>,
    /// The pending entries while they are merged (kept to reuse its memory).
    sorted: Vec<(CellKey, Usage)>,
}

impl Cells {
    pub fn get(&self, key: &CellKey) -> Option<&Usage> {
        self.pending.get(key).or_else(|| find_merged(&self.tenants, key))
    }

    /// Stores `usage` under `key`, unless something is stored there
    /// already: then that is returned and nothing changes.
    pub fn insert(&mut self, key: CellKey, usage: Usage) -> Option<Usage> {
        let slot = match self.pending.entry(key) {
            Entry::Occupied(pending) => return Some(*pending.get()),
            Entry::Vacant(slot) => slot,
        };
        if let Some(&stored) = find_merged(&self.tenants, &key) {
            return Some(stored);
        }
        slot.insert(usage);
        if self.pending.len() >= PENDING {
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
        let cells = self.tenants.get_mut(key.tenant() as usize);
        let found = cells.and_then(|cells| {
            let i = cells.binary_search_by_key(&key.within_tenant(), |c| c.key).ok()?;
            cells.get_mut(i)
        });
        found.map(|cell| cell.usage = usage).is_some()
    }

    /// Moves the pending entries into the tenants' slices.
    fn merge(&mut self) {
        self.sorted.clear();
        self.sorted.extend(self.pending.drain());
        self.sorted.sort_unstable_by_key(|&(key, _)| key);
        for run in self.sorted.chunk_by(|a, b| a.0.tenant() == b.0.tenant()) {
            let Some(&(first, _)) = run.first() else { continue };
            let tenant = first.tenant() as usize;
            if self.tenants.len() <= tenant {
                self.tenants.resize_with(tenant + 1, Box::default);
            }
            let Some(slot) = self.tenants.get_mut(tenant) else { continue };
            let new = run.iter().map(|&(key, usage)| Cell { key: key.within_tenant(), usage });
            *slot = if slot.is_empty() { new.collect() } else { merged(slot, new) };
        }
        self.sorted.clear();
    }

    /// Every entry: the merged ones by tenant and key, then the pending ones.
    pub fn iter(&self) -> impl Iterator<Item = (CellKey, Usage)> + '_ {
        let merged = self
            .tenants
            .iter()
            .zip(0..=TenantId::MAX)
            .flat_map(|(cells, tenant)| cells.iter().map(move |c| (CellKey::from_parts(tenant, c.key), c.usage)));
        merged.chain(self.pending.iter().map(|(&key, &usage)| (key, usage)))
    }

    pub fn keys(&self) -> impl Iterator<Item = CellKey> + '_ {
        self.iter().map(|(key, _)| key)
    }

    /// Keeps only the entries whose key `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(CellKey) -> bool) {
        self.pending.retain(|&key, _| keep(key));
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
    use crate::month::Month;
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
        cells.merge();
        assert_eq!(cells.iter().collect::<std::collections::BTreeMap<_, _>>(), distinct);
        // Merged slices stay sorted, so bisection finds every entry.
        assert!(cells.tenants.iter().all(|t| t.windows(2).all(|w| w[0].key < w[1].key)));
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
