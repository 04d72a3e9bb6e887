//! The Microsoft 365 usage model: the usage exports (CPOR, the contribution
//! and EMS reports) read into one store of monthly usage per tenant,
//! association type and workload, and the measures an area's metric kinds
//! ask of it (`from: "usage"`): net customer adds, usage growth,
//! deployments and protected users; its lists, tenants and tenant actions.
//!
//! Organised as every data model is (`crate::azure`, `crate::bizapps`):
//! - `read`, `ems`: the rows of a usage or EMS export into the store;
//! - `cells`, `store`: the store (tenants, cells, months, association dates);
//! - `facts`: the months a report needs, sliced per tenant and association;
//! - `measures`: each tenant's part on a track and the metrics' sums;
//! - `tenants`, `actions`: the lists (tenants, tenant actions) and notes.

pub(crate) mod actions;
pub(crate) mod cells;
pub(crate) mod ems;
pub(crate) mod facts;
pub(crate) mod measures;
pub(crate) mod read;
pub(crate) mod store;
pub(crate) mod tenants;
