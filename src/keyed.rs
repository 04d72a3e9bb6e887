//! `Keyed`: a map written as a JSON object in the order its entries were
//! put in (a ruleset's tracks, options and metrics keep the ruleset's order).

use serde::{Serialize, Serializer};

/// A JSON object whose keys keep the ruleset's order (tracks, options).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<V>(pub Vec<(String, V)>);

impl<V> Keyed<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(vec![])
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}
