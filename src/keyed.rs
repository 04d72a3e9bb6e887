//! `Keyed`: a map written as a JSON object in the order its entries were
//! put in (a ruleset's tracks, options and metrics keep the ruleset's order).

use crate::to_json::{Object, ToJson};

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

impl<V: ToJson> ToJson for Keyed<V> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::new(out);
        for (key, value) in &self.0 {
            object.entry(key, value);
        }
        object.end();
    }
}
