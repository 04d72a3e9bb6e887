//! The usage table: one entry per tenant, association, workload and month,
//! split by tenant into partitions.
//!
//! A hash table grows by doubling, and while it doubles it holds the old and
//! the new table: for a single table of a 1 GB export that was 150 MB on top
//! of the table itself, at the very end of the load. Partitions grow one at
//! a time, so the extra is one partition's, a sixty-fourth.

use crate::store::{CellKey, FastMap, Usage};
use std::collections::hash_map::Entry;

const PARTS: usize = 64;

#[derive(Clone, Debug)]
pub struct Cells {
    parts: Vec<FastMap<CellKey, Usage>>,
}

impl Default for Cells {
    fn default() -> Self {
        Cells { parts: (0..PARTS).map(|_| FastMap::default()).collect() }
    }
}

impl Cells {
    /// Tenant ids are handed out in order, so they spread evenly.
    fn part(key: &CellKey) -> usize {
        key.tenant() as usize % PARTS
    }

    pub fn entry(&mut self, key: CellKey) -> Entry<'_, CellKey, Usage> {
        self.parts[Self::part(&key)].entry(key)
    }

    pub fn get(&self, key: &CellKey) -> Option<&Usage> {
        self.parts[Self::part(key)].get(key)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&CellKey, &Usage)> {
        self.parts.iter().flatten()
    }

    pub fn keys(&self) -> impl Iterator<Item = &CellKey> {
        self.parts.iter().flat_map(|p| p.keys())
    }

    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|p| p.is_empty())
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&CellKey, &mut Usage) -> bool) {
        for part in &mut self.parts {
            part.retain(&mut keep);
        }
    }
}
