//! Where data models are listed: which exports feed an area, the month
//! they end in, and the models its data-fed metrics are scored from
//! (`from`: `usage`, `azure`, `bizapps`, ...). The area the usage exports
//! are read with gets its usage model, with its tenant detail, from the
//! scoring pass (`score::areas_pass`), which runs it once for the report.
//!
//! A model reads its own store in [`Loaded`] and the numbers of the area's
//! ruleset (its `data`), and answers `kinds::Measures` and
//! [`DataModel`]. A model not loaded answers nothing: its metrics are
//! unknown, never 0.

use crate::azure::AzureModel;
use crate::load::Loaded;
use crate::model::DataModel;
use crate::month::Month;
use crate::report::DetailLevel;
use crate::ruleset::Ruleset;

/// The latest month of the exports that feed `area` (besides skilling and
/// the usage exports, which score.rs knows).
pub(crate) fn latest(loaded: &Loaded, area: &Ruleset) -> Option<Month> {
    let bizapps = area.bizapps().and(loaded.bizapps.latest());
    let azure = area.azure().and_then(|_| loaded.azure.latest());
    // Security's Azure part is read from Azure usage exports only.
    let security = area.security().and_then(|_| loaded.azure.usage_latest());
    bizapps.max(azure).max(security)
}

/// Every month the exports that feed `area` cover, oldest first (the usage
/// exports' for an area that reads them).
pub(crate) fn months(loaded: &Loaded, area: &Ruleset) -> Vec<Month> {
    let mut months = std::collections::BTreeSet::new();
    if area.reads_usage() {
        months.extend(&loaded.usage.months);
    }
    if area.bizapps().is_some() {
        months.extend(&loaded.bizapps.revenue_months);
        months.extend(&loaded.bizapps.usage_months);
    }
    if area.azure().is_some() {
        months.extend(loaded.azure.totals.months.iter().flatten());
    }
    if area.security().is_some() {
        months.extend(&loaded.azure.totals.months[crate::azure::Source::AzureUsage as usize]);
    }
    months.into_iter().collect()
}

/// The latest month of any export loaded.
pub(crate) fn any_latest(loaded: &Loaded) -> Option<Month> {
    loaded.usage.months.last().copied().max(loaded.bizapps.latest()).max(loaded.azure.latest())
}

/// The earliest month of any export loaded.
pub(crate) fn any_earliest(loaded: &Loaded) -> Option<Month> {
    let azure = loaded.azure.totals.months.iter().filter_map(|m| m.first()).min();
    let bizapps = [loaded.bizapps.revenue_months.first(), loaded.bizapps.usage_months.first()];
    [loaded.usage.months.first(), azure].into_iter().chain(bizapps).flatten().min().copied()
}

/// The data models that feed `area`, scored as of `as_of`. `own_usage`: an
/// area reading the usage exports runs the usage model with its own bands
/// and workloads (every one but Modern Work, whose usage model score.rs
/// runs with its tenant detail). `level`: how much detail they explain.
pub(crate) fn models<'a>(
    loaded: &'a Loaded,
    area: &'a Ruleset,
    as_of: Option<Month>,
    own_usage: bool,
    level: DetailLevel,
) -> Vec<Box<dyn DataModel + 'a>> {
    let mut out: Vec<Box<dyn DataModel + 'a>> = vec![];
    if area.model_left_out() {
        return out;
    }
    // Business Applications' downloads, when one was read.
    if let (Some(rules), Some(as_of), false) = (area.bizapps(), as_of, loaded.bizapps.is_empty()) {
        out.extend(
            crate::bizapps::Model::new(&loaded.bizapps, rules, area, as_of).map(|m| Box::new(m) as Box<dyn DataModel>),
        );
    }
    // The Azure usage and customers downloads, for the three Azure areas.
    if let (Some(rules), Some(m)) = (area.azure(), as_of) {
        out.extend(
            AzureModel::new(&loaded.azure, area, rules, m, level).map(|model| Box::new(model) as Box<dyn DataModel>),
        );
    }
    let usage = (own_usage && area.reads_usage()).then(|| crate::usage::facts::period(&loaded.usage, as_of)).flatten();
    match (area.security(), as_of) {
        // Security: both parts in one model, which answers the parts fed
        // `from: "azure"` (the Azure areas' model serves no such area).
        (Some(rules), Some(m)) => {
            out.extend(
                crate::security::Model::new(loaded, area, rules, m, usage, level)
                    .map(|model| Box::new(model) as Box<dyn DataModel>),
            );
        }
        _ => {
            if let Some(period) = usage {
                let facts = crate::usage::facts::facts_for(area, &loaded.usage, period);
                out.push(Box::new(crate::usage::measures::usage_measures(
                    area,
                    &loaded.usage,
                    Some((&facts, period)),
                    None,
                )));
            }
        }
    }
    out
}
