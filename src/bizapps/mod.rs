//! Business Applications from Partner Center's Insights downloads: the
//! revenue report (`bizapps-revenue`: classification and workload adds) and
//! the usage report (`bizapps-usage`: monthly consumption value, its growth
//! and deployments). spec/business-applications.md and spec/inputs.md
//! sections 9 and 10.
//!
//! - `rules`: the ruleset's `data`, typed and checked.
//! - `read`: a row of either download into the store, or a positioned error.
//! - `store`: per tenant, subscription, workload and month the largest value
//!   of the association types that count (section 9), and what was set aside.
//! - `model`: the figures of the as-of month and its baseline, answering
//!   the metric kinds ([`crate::kinds::Measures`]) and explaining them.

mod model;
mod read;
mod rules;
mod store;

pub(crate) use model::Model;
pub(crate) use read::{finish_file, revenue_row, usage_row, FileState};
pub use rules::Rules;
pub(crate) use rules::UsageColumn;
pub(crate) use store::{Dataset, Kept, Key, Store};

/// Money and consumption value in hundred-millionths: a revenue in cents,
/// a usage in hundredths times a rate in millionths, and every threshold,
/// compared exactly as integers.
pub(crate) type Units = i128;
/// One USD of revenue, or one unit of consumption value.
pub(crate) const UNIT: Units = 100_000_000;
