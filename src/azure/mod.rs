//! The Azure areas' data model (Data & AI, Infrastructure, Digital & App
//! Innovation: azure.md): the `azure-usage` and `customers-tenants`
//! exports read into a compact store ([`store`]), and the figures one area
//! is scored from ([`model`]), with the numbers of its ruleset's `data`
//! ([`rules`]). The three areas share the store and the classification.

mod model;
mod read;
mod rules;
mod store;

pub(crate) use model::{month_name, usd_text, AzureModel, Coverage};
pub(crate) use read::{finish_file, tenants_row, usage_row, Outcome};
pub use rules::{DuplicateFlags, Rules, MAX_ASSOCIATIONS};
pub use store::{AzureStore, SecurityMonth, Source, TenantId, Totals};
