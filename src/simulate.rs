//! What-if: planned customers and people added, tenants removed, and the
//! score recomputed by the same code as the real one (spec section 8).
//! A plan is plain data, so the page can save it to a file and load it back.

use crate::load::Loaded;
use crate::month::Month;
use crate::number::Count;
use crate::points::Points;
use crate::report::{Keyed, Report, Status};
use crate::ruleset::Ruleset;
use crate::score::{score, ScoreOptions};
use crate::store::{CellKey, CertificationRow, Usage, UsageStore};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Plan {
    pub customers: Vec<PlannedCustomer>,
    pub people: Vec<PlannedPerson>,
    /// Tenant ids to take out of the data.
    pub remove_tenants: Vec<String>,
}

/// Customers to win or grow, as the as-of month would show them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedCustomer {
    #[serde(default)]
    pub name: Option<String>,
    /// How many customers like this one.
    #[serde(default = "one")]
    pub count: u32,
    /// `CSP`, `CPOR`, `DPOR` or any spelling of them.
    pub association: String,
    /// Each workload gets the MAU and PAU below.
    pub workloads: Vec<String>,
    pub mau: f64,
    pub pau: f64,
    /// Already a customer a year ago, with the same paid seats: no net add.
    #[serde(default)]
    pub existing_customer: bool,
    /// Already deployed a year ago with the same MAU: no new deployment and
    /// no growth. Only meaningful for an existing customer.
    #[serde(default)]
    pub existing_deployment: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedPerson {
    pub name: String,
    pub certification: String,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Simulation {
    /// Always true: simulated results are approximations, and say so.
    pub simulated: bool,
    pub plan: Plan,
    pub report: Report,
    pub changes: Keyed<TrackChange>,
    /// Every area's total and status before and after.
    pub areas: Keyed<AreaChange>,
    /// Parts of the plan that could not be applied, and why.
    pub problems: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackChange {
    pub total_before: Points,
    pub total_after: Points,
    pub total_change: Points,
    pub status_before: Status,
    pub status_after: Status,
    /// Per metric: the change in points (`None` where unknown).
    pub metrics: Keyed<Option<Points>>,
}

/// One area before and after a plan.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AreaChange {
    pub total_before: Option<Points>,
    pub total_after: Option<Points>,
    pub total_change: Option<Points>,
    pub status_before: Status,
    pub status_after: Status,
}

pub fn simulate(rulesets: &[Ruleset], loaded: &Loaded, plan: &Plan, options: &ScoreOptions) -> Simulation {
    let ruleset = &rulesets[0];
    let current = score(rulesets, loaded, options);
    let mut problems = vec![];
    let mut changed = Loaded {
        usage: without_tenants(&loaded.usage, &plan.remove_tenants, &mut problems),
        azure: loaded.azure.clone(),
        certifications: loaded.certifications.clone(),
        files: loaded.files.clone(),
        warnings: loaded.warnings.clone(),
        errors: loaded.errors.clone(),
        manual: loaded.manual.clone(),
        bizapps: loaded.bizapps.clone(),
    };
    match current.as_of {
        Some(m) => add_customers(ruleset, &mut changed.usage, &plan.customers, m, &mut problems),
        None if !plan.customers.is_empty() => {
            problems.push("Planned customers need usage data to set the as-of month.".into())
        }
        None => {}
    }
    for person in &plan.people {
        if ruleset.certification(&person.certification).is_none() {
            problems.push(format!("{}: \"{}\" is not an eligible certification.", person.name, person.certification));
        }
        changed.certifications.push(CertificationRow {
            person: format!("planned:{}", person.name.to_lowercase()),
            name: Some(person.name.clone()),
            email: None,
            certification: person.certification.clone(),
            earned: None,
            expires: None,
            training_type: None,
            activation: None,
            reported: None,
        });
    }
    let options = ScoreOptions { as_of: current.as_of, ..options.clone() };
    let report = score(rulesets, &changed, &options);
    let changes = Keyed(
        report
            .tracks
            .0
            .iter()
            .filter_map(|(id, after)| {
                let before = current.tracks.get(id)?;
                let metrics = after.metrics.0.iter().map(|(metric, a)| {
                    let b = before.metric(metric).and_then(|m| m.points());
                    (metric.clone(), a.points().zip(b).map(|(a, b)| Points::difference(a, b)))
                });
                Some((
                    id.clone(),
                    TrackChange {
                        total_before: before.total,
                        total_after: after.total,
                        total_change: Points::difference(after.total, before.total),
                        status_before: before.status,
                        status_after: after.status,
                        metrics: Keyed(metrics.collect()),
                    },
                ))
            })
            .collect(),
    );
    let areas = Keyed(
        (report.areas.0.iter())
            .filter_map(|(id, after)| {
                let before = current.areas.get(id)?;
                let change = AreaChange {
                    total_before: before.total,
                    total_after: after.total,
                    total_change: after.total.zip(before.total).map(|(a, b)| Points::difference(a, b)),
                    status_before: before.status,
                    status_after: after.status,
                };
                Some((id.clone(), change))
            })
            .collect(),
    );
    Simulation { simulated: true, plan: plan.clone(), report, changes, areas, problems }
}

fn without_tenants(store: &UsageStore, ids: &[String], problems: &mut Vec<String>) -> UsageStore {
    let mut removed = vec![];
    for id in ids {
        match store.tenants.iter().position(|t| t.id.trim().eq_ignore_ascii_case(id.trim())) {
            Some(t) => removed.push(t as u32),
            None => problems.push(format!("Tenant {id} is not in the data.")),
        }
    }
    // Tenants keep their ids and months stay as they were, so removing a
    // tenant never moves the as-of month: only its usage goes.
    let mut out = store.clone();
    out.cells.retain(|key| !removed.contains(&key.tenant()));
    out.associated.retain(|(t, _), _| !removed.contains(t));
    out
}

fn count(value: f64, what: &str, name: &str, problems: &mut Vec<String>) -> Option<Count> {
    if value.is_finite() && (0.0..=40_000_000.0).contains(&value) {
        Some(Count((value * 100.0).round() as u32))
    } else {
        problems.push(format!("{name}: {what} must be a user count from 0 to 40,000,000."));
        None
    }
}

fn add_customers(
    ruleset: &Ruleset,
    store: &mut UsageStore,
    customers: &[PlannedCustomer],
    m: Month,
    problems: &mut Vec<String>,
) {
    let Some(b) = m.minus(12) else { return };
    for (i, customer) in customers.iter().enumerate() {
        let name = customer.name.clone().unwrap_or_else(|| format!("Planned customer {}", i + 1));
        let Some(association) = ruleset.association(&customer.association) else {
            problems.push(format!("{name}: \"{}\" is not a Modern Work association type.", customer.association));
            continue;
        };
        let (Some(mau), Some(pau)) =
            (count(customer.mau, "MAU", &name, problems), count(customer.pau, "PAU", &name, problems))
        else {
            continue;
        };
        let mut workloads = vec![];
        for w in &customer.workloads {
            match ruleset.workload(w) {
                Some(id) => workloads.push(id),
                None => problems.push(format!("{name}: \"{w}\" is not an eligible workload.")),
            }
        }
        for n in 0..customer.count.min(10_000) {
            let id = if customer.count > 1 {
                format!("{name} #{} (simulated)", n + 1)
            } else {
                format!("{name} (simulated)")
            };
            let tenant = store.tenant(&id, None);
            for &w in &workloads {
                store.insert(CellKey::new(tenant, m, association, w), Usage { mau, pau });
                if customer.existing_customer {
                    let then = if customer.existing_deployment { mau } else { Count::ZERO };
                    store.insert(CellKey::new(tenant, b, association, w), Usage { mau: then, pau });
                }
            }
        }
    }
}
