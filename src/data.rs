//! The data models beside Modern Work's usage model (`score.rs`): which
//! exports feed an area, the month they end in, and the figures its
//! data-fed metrics are scored from (`from`: `azure`, `bizapps`, ...).
//!
//! A model reads its own store in [`Loaded`] and the numbers of the area's
//! ruleset (its `data`), and answers [`Measures`]. A model not loaded
//! answers nothing: its metrics are unknown, never 0.

use crate::azure::AzureModel;
use crate::kinds::Measures;
use crate::load::Loaded;
use crate::month::Month;
use crate::ruleset::Ruleset;

/// The latest month of the exports that feed `area` (besides skilling).
pub(crate) fn latest(loaded: &Loaded, area: &Ruleset) -> Option<Month> {
    area.bizapps().and(loaded.bizapps.latest()).max(area.azure().and_then(|_| loaded.azure.latest()))
}

/// The latest month of any export loaded.
pub(crate) fn any_latest(loaded: &Loaded) -> Option<Month> {
    loaded.usage.months.last().copied().max(loaded.bizapps.latest()).max(loaded.azure.latest())
}

/// The data models that feed `area`, scored as of `as_of`.
pub(crate) fn models<'a>(loaded: &'a Loaded, area: &'a Ruleset, as_of: Option<Month>) -> Vec<Box<dyn Measures + 'a>> {
    let mut out: Vec<Box<dyn Measures + 'a>> = vec![];
    // Business Applications' downloads, when one was read.
    if let (Some(rules), Some(as_of), false) = (area.bizapps(), as_of, loaded.bizapps.is_empty()) {
        out.extend(
            crate::bizapps::Model::new(&loaded.bizapps, rules, area, as_of).map(|m| Box::new(m) as Box<dyn Measures>),
        );
    }
    // The Azure usage and customers downloads, for the three Azure areas.
    if let (Some(rules), Some(m)) = (area.azure(), as_of) {
        out.extend(AzureModel::new(&loaded.azure, area, rules, m).map(|model| Box::new(model) as Box<dyn Measures>));
    }
    out
}
