//! What-if: planned customers and people added, tenants removed, and the
//! score recomputed by the same code as the real one (spec section 8).
//! A plan is plain data, so the page can save it to a file and load it back.
//!
//! A planned customer reaches every area its workloads and services feed:
//! Microsoft 365 workloads go into the usage exports' store (Modern Work,
//! Security's Microsoft 365 part), Azure services into the Azure store (the
//! three Azure areas, Security's Azure part for its security services) and
//! Business Applications workloads into that download's store. Which names,
//! association types and numbers count is the rulesets' to say; what they
//! leave open is decided here and said in `Simulation::assumptions`.

use crate::bizapps::{Dataset, Kept, Key, UsageColumn};
use crate::json::At;
use crate::load::Loaded;
use crate::month::Month;
use crate::number::Count;
use crate::people::CertificationRow;
use crate::points::Points;
use crate::report::{Keyed, Report, Status};
use crate::ruleset::Ruleset;
use crate::score::{score, ScoreOptions};
use crate::text::fold;
use crate::to_json::{json_object, Object, ToJson};
use crate::usage::store::{CellKey, Tenant, Usage, UsageStore};

/// A trailing-twelve-month revenue is spread over this many months.
const TTM_MONTHS: u32 = 12;
/// The largest revenue a planned customer may have, in USD.
const MAX_REVENUE_USD: f64 = 100_000_000_000.0;

/// Read by [`Plan::from_json`]; written in a simulation, which shows its plan.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub customers: Vec<PlannedCustomer>,
    pub people: Vec<PlannedPerson>,
    /// Tenant ids to take out of the data.
    pub remove_tenants: Vec<String>,
}

/// Customers to win or grow, as the as-of month would show them. Every
/// list may be empty; a plan saved before Azure and Business Applications
/// were added has only `workloads`, `mau` and `pau`, and reads the same.
#[derive(Clone, Debug)]
pub struct PlannedCustomer {
    pub name: Option<String>,
    /// How many customers like this one.
    pub count: u32,
    /// Any spelling of an association type a ruleset names (`CSP Tier 1`,
    /// `CPOR`, `DPOR`, `PAL`...): each part of the plan reads it with its
    /// own area's list.
    pub association: String,
    /// Microsoft 365 workloads: each gets the MAU and PAU below.
    pub workloads: Vec<String>,
    /// Monthly active users: of each Microsoft 365 workload, and the usage
    /// of each Business Applications workload.
    pub mau: f64,
    /// Paid available units (Security: protected users) of each Microsoft
    /// 365 workload.
    pub pau: f64,
    /// Azure Service Level 2 services, sharing the TTM revenue.
    pub azure_services: Vec<String>,
    /// Business Applications workloads, sharing the TTM revenue.
    pub bizapps_workloads: Vec<String>,
    /// USD over the trailing twelve months ending in the as-of month.
    pub ttm_revenue: Option<f64>,
    /// An existing customer's USD over the twelve months ending a year
    /// earlier; the same as `ttm_revenue` when not given.
    pub previous_ttm_revenue: Option<f64>,
    /// Already a customer a year ago, with the same paid seats: no net add.
    pub existing_customer: bool,
    /// Already deployed a year ago with the same MAU: no new deployment and
    /// no growth. Only meaningful for an existing customer.
    pub existing_deployment: bool,
}

#[derive(Clone, Debug)]
pub struct PlannedPerson {
    pub name: String,
    pub certification: String,
}

// Reading a plan (crate::json). Every field may be absent or null: it then
// takes its default (`count` 1); fields not named here are ignored, so a
// plan saved by an older page reads the same.
impl Plan {
    /// Reads a plan as the page saves it.
    pub fn from_json(json: &str) -> Result<Plan, String> {
        crate::json::read_named(json, "", |at| {
            let o = at.object();
            Plan {
                customers: o.or_default("customers", |at| at.list(PlannedCustomer::read)),
                people: o.or_default("people", |at| at.list(PlannedPerson::read)),
                remove_tenants: o.strings_or_default("removeTenants"),
            }
        })
        .map_err(String::from)
    }
}

impl PlannedCustomer {
    fn read(at: At<'_, '_>) -> PlannedCustomer {
        let o = at.object();
        PlannedCustomer {
            name: o.opt_string("name"),
            count: o.opt("count", |at| at.u32()).unwrap_or(1),
            association: o.string_or_default("association"),
            workloads: o.strings_or_default("workloads"),
            mau: o.f64_or_default("mau"),
            pau: o.f64_or_default("pau"),
            azure_services: o.strings_or_default("azureServices"),
            bizapps_workloads: o.strings_or_default("bizappsWorkloads"),
            ttm_revenue: o.opt_f64("ttmRevenue"),
            previous_ttm_revenue: o.opt_f64("previousTtmRevenue"),
            existing_customer: o.bool_or_default("existingCustomer"),
            existing_deployment: o.bool_or_default("existingDeployment"),
        }
    }
}

impl PlannedPerson {
    fn read(at: At<'_, '_>) -> PlannedPerson {
        let o = at.object();
        PlannedPerson { name: o.string("name"), certification: o.string("certification") }
    }
}

#[derive(Clone, Debug)]
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
    /// How the plan was read where the rules are silent (how TTM revenue
    /// is spread, what a planned customer lacks), for the parts it uses.
    pub assumptions: Vec<String>,
}

#[derive(Clone, Debug)]
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
#[derive(Clone, Debug)]
pub struct AreaChange {
    pub total_before: Option<Points>,
    pub total_after: Option<Points>,
    pub total_change: Option<Points>,
    pub status_before: Status,
    pub status_after: Status,
}

/// The as-of month of each store's areas, as the current report has it.
struct AsOf {
    usage: Option<Month>,
    azure: Option<Month>,
    security: Option<Month>,
    bizapps: Option<Month>,
}

impl AsOf {
    fn new(rulesets: &[Ruleset], loaded: &Loaded, current: &Report) -> AsOf {
        let area = |pick: &dyn Fn(&Ruleset) -> bool| {
            let ruleset = rulesets.iter().find(|r| pick(r))?;
            current.areas.get(&ruleset.data.id)?.as_of
        };
        AsOf {
            // The usage exports' month: the area they were read with has it.
            usage: crate::ruleset::usage_reader(rulesets)
                .and_then(|r| current.areas.get(&r.data.id)?.as_of)
                .filter(|_| !loaded.usage.months.is_empty()),
            azure: area(&|r| r.azure().is_some()).filter(|_| loaded.azure.latest().is_some()),
            security: area(&|r| r.security().is_some()).filter(|_| loaded.azure.usage_latest().is_some()),
            bizapps: area(&|r| r.bizapps().is_some()).filter(|_| !loaded.bizapps.is_empty()),
        }
    }
}

/// What a simulation collects besides the report: problems and assumptions,
/// each said once.
#[derive(Default)]
struct Notes {
    problems: Vec<String>,
    assumptions: Vec<String>,
}

impl Notes {
    fn problem(&mut self, text: String) {
        if !self.problems.contains(&text) {
            self.problems.push(text);
        }
    }
    fn assume(&mut self, text: String) {
        if !self.assumptions.contains(&text) {
            self.assumptions.push(text);
        }
    }
}

pub fn simulate(rulesets: &[Ruleset], loaded: &Loaded, plan: &Plan, options: &ScoreOptions) -> Simulation {
    let current = score(rulesets, loaded, options);
    let mut notes = Notes::default();
    let mut changed = Loaded {
        usage: loaded.usage.clone(),
        azure: loaded.azure.clone(),
        certifications: loaded.certifications.clone(),
        files: loaded.files.clone(),
        warnings: loaded.warnings.clone(),
        errors: loaded.errors.clone(),
        manual: loaded.manual.clone(),
        bizapps: loaded.bizapps.clone(),
    };
    remove_tenants(&mut changed, &plan.remove_tenants, &mut notes);
    let as_of = AsOf::new(rulesets, loaded, &current);
    for (i, customer) in plan.customers.iter().enumerate() {
        add_customer(rulesets, &mut changed, &as_of, customer, i, &mut notes);
    }
    for person in &plan.people {
        // Eligible: on a certification list of some area.
        let counted = rulesets
            .iter()
            .any(|r| r.certification(&person.certification).is_some_and(|c| r.lists_of(c).next().is_some()));
        if !counted {
            notes.problem(format!("{}: \"{}\" is not an eligible certification.", person.name, person.certification));
        }
        changed.certifications.push(CertificationRow {
            person: format!("planned:{}", crate::text::lowercase(&person.name)),
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
    // Nothing in the plan adds or removes a month, so every area keeps its
    // own as-of month (the options' one, else its exports' latest).
    let report = score(rulesets, &changed, options);
    // The headline area's tracks (Modern Work's), metric by metric.
    let headline = |report: &'_ Report| {
        let id = crate::ruleset::headline(rulesets).map(|r| r.data.id.as_str());
        id.and_then(|id| report.areas.get(id)).map(|area| area.tracks.clone()).unwrap_or_default()
    };
    let (tracks_before, tracks_after) = (headline(&current), headline(&report));
    let changes = Keyed(
        tracks_after
            .0
            .iter()
            .filter_map(|(id, after)| {
                let before = tracks_before.get(id)?;
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
    let Notes { problems, assumptions } = notes;
    Simulation { simulated: true, plan: plan.clone(), report, changes, areas, problems, assumptions }
}

/// The tenant of `id` in one store's list, ids compared as exports match
/// them (case and surrounding space aside).
fn find(tenants: &[Tenant], id: &str) -> Option<u32> {
    tenants.iter().position(|t| t.id.trim().eq_ignore_ascii_case(id.trim())).map(|t| t as u32)
}

/// Takes tenants out of every store. Tenants keep their ids and months stay
/// as they were, so removing a tenant never moves an as-of month: only its
/// figures go.
fn remove_tenants(changed: &mut Loaded, ids: &[String], notes: &mut Notes) {
    let (mut usage, mut azure, mut bizapps) = (vec![], vec![], vec![]);
    for id in ids {
        let found = [
            find(&changed.usage.tenants, id).map(|t| usage.push(t)),
            find(&changed.azure.tenants, id).map(|t| azure.push(t)),
            find(&changed.bizapps.tenants, id).map(|t| bizapps.push(t)),
        ];
        if found.iter().all(Option::is_none) {
            notes.problem(format!("Tenant {id} is not in the data."));
        }
    }
    let store = &mut changed.usage;
    store.cells.retain(|key| !usage.contains(&key.tenant()));
    store.associated.retain(|(t, _), _| !usage.contains(t));
    if !azure.is_empty() {
        changed.azure.remove_tenants(&azure);
        notes.assume("A tenant removed from the Azure data takes its ACR out of net customer adds and usage growth; the services it used still count as deployments (the Azure data keeps ACR per service, not per tenant and service).".into());
    }
    changed.bizapps.remove_tenants(&bizapps);
}

fn count(value: f64, what: &str, name: &str, notes: &mut Notes) -> Option<Count> {
    if value.is_finite() && (0.0..=40_000_000.0).contains(&value) {
        Some(Count((value * 100.0).round() as u32))
    } else {
        notes.problem(format!("{name}: {what} must be a user count from 0 to 40,000,000."));
        None
    }
}

/// USD to cents; `None` (and a problem) unless 0 to 100 billion.
fn cents(value: Option<f64>, what: &str, name: &str, notes: &mut Notes) -> Option<i64> {
    let value = value.unwrap_or(0.0);
    if value.is_finite() && (0.0..=MAX_REVENUE_USD).contains(&value) {
        Some((value * 100.0).round() as i64)
    } else {
        notes.problem(format!("{name}: {what} must be an amount in USD from 0 to 100,000,000,000."));
        None
    }
}

/// `total` split into `parts` shares that add up to it exactly: the cents
/// that do not divide go one each to the first shares.
fn shares(total: i64, parts: usize) -> impl Iterator<Item = i64> {
    let n = parts.max(1) as i64;
    let (share, rest) = (total / n, total % n);
    (0..n).map(move |i| share + i64::from(i < rest))
}

/// `total` cents spread evenly over the `months` months ending in `end`,
/// the cents that do not divide going one each to the latest months.
fn spread(total: i64, end: Month, months: u32) -> Vec<(Month, i64)> {
    let months = months.max(1);
    (0..months)
        .zip(shares(total, months as usize))
        .filter_map(|(back, cents)| Some((end.minus(back)?, cents)))
        .collect()
}

/// Names joined for a message: `CSP Tier 1, CSP Tier 2, DPOR`.
fn names<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}

/// The simulated tenants of one planned customer, each with its own id.
fn tenant_ids(customer: &PlannedCustomer, name: &str) -> Vec<String> {
    (0..customer.count.min(10_000))
        .map(
            |n| {
                if customer.count > 1 {
                    format!("{name} #{} (simulated)", n + 1)
                } else {
                    format!("{name} (simulated)")
                }
            },
        )
        .collect()
}

fn add_customer(
    rulesets: &[Ruleset],
    changed: &mut Loaded,
    as_of: &AsOf,
    customer: &PlannedCustomer,
    i: usize,
    notes: &mut Notes,
) {
    let name = customer.name.clone().unwrap_or_else(|| format!("Planned customer {}", i + 1));
    let (Some(mau), Some(pau)) = (count(customer.mau, "MAU", &name, notes), count(customer.pau, "PAU", &name, notes))
    else {
        return;
    };
    let (Some(ttm), Some(previous)) = (
        cents(customer.ttm_revenue, "TTM revenue", &name, notes),
        cents(customer.previous_ttm_revenue.or(customer.ttm_revenue), "the year-earlier TTM revenue", &name, notes),
    ) else {
        return;
    };
    let previous = if customer.existing_customer { previous } else { 0 };
    if customer.workloads.is_empty() && customer.azure_services.is_empty() && customer.bizapps_workloads.is_empty() {
        notes.problem(format!("{name} names no workload or service: nothing was added."));
        return;
    }
    let tenants = tenant_ids(customer, &name);
    if !customer.workloads.is_empty() {
        match crate::ruleset::usage_reader(rulesets) {
            Some(reader) => {
                add_microsoft_365(reader, &mut changed.usage, as_of.usage, customer, (&name, mau, pau), &tenants, notes)
            }
            None => notes.problem(format!("{name}: no area counts Microsoft 365 workloads, so they were not added.")),
        }
    }
    // The TTM revenue is shared by the Azure services and the Business
    // Applications workloads the customer names.
    let azure = azure_services(customer, &name, notes);
    let bizapps = bizapps_workloads(rulesets, customer, &name, notes);
    // Only workload adds workloads take revenue (a rate-card line alone has none).
    let takes_revenue =
        |w: &String| crate::ruleset::bizapps_rules(rulesets).is_some_and(|rules| rules.workload(w).is_some());
    let revenue_shares = azure.len() + bizapps.iter().filter(|w| takes_revenue(w)).count();
    if revenue_shares > 0 && ttm == 0 && previous == 0 && !azure.is_empty() {
        notes.problem(format!("{name}: no TTM revenue, so its Azure services add no ACR."));
    }
    if revenue_shares > 0 {
        notes.assume(format!("A planned customer's TTM revenue is spread evenly over the {TTM_MONTHS} months ending in the as-of month and split evenly across its Azure services and the Business Applications workloads that take revenue (workload adds workloads); an existing customer's year-earlier TTM revenue (its TTM revenue when none is given) over the {TTM_MONTHS} months ending in the baseline month; a new customer had none."));
    }
    let mut ttm_shares = shares(ttm, revenue_shares);
    let mut previous_shares = shares(previous, revenue_shares);
    let azure: Vec<(&str, i64, i64)> = azure
        .iter()
        .map(|s| (s.as_str(), ttm_shares.next().unwrap_or(0), previous_shares.next().unwrap_or(0)))
        .collect();
    let bizapps: Vec<(&str, i64, i64)> = bizapps
        .iter()
        .map(|w| match takes_revenue(w) {
            true => (w.as_str(), ttm_shares.next().unwrap_or(0), previous_shares.next().unwrap_or(0)),
            false => (w.as_str(), 0, 0),
        })
        .collect();
    if !azure.is_empty() {
        add_azure(rulesets, changed, as_of, customer, &name, &azure, &tenants, notes);
    }
    if !bizapps.is_empty() {
        add_bizapps(rulesets, changed, as_of.bizapps, customer, (&name, mau), &bizapps, &tenants, notes);
    }
}

/// Microsoft 365 workloads into the usage store, as the as-of month and,
/// for an existing customer, the baseline month would show them.
fn add_microsoft_365(
    ruleset: &Ruleset,
    store: &mut UsageStore,
    m: Option<Month>,
    customer: &PlannedCustomer,
    (name, mau, pau): (&str, Count, Count),
    tenants: &[String],
    notes: &mut Notes,
) {
    let Some(m) = m else {
        notes.problem("Planned customers need usage data to set the as-of month.".into());
        return;
    };
    let Some(association) = ruleset.association(&customer.association) else {
        notes.problem(format!("{name}: \"{}\" is not a {} association type.", customer.association, ruleset.label()));
        return;
    };
    let mut workloads = vec![];
    for w in &customer.workloads {
        match ruleset.workload(w) {
            Some(id) => workloads.push(id),
            None => notes.problem(format!("{name}: \"{w}\" is not an eligible workload.")),
        }
    }
    // A baseline month the exports lack stays missing.
    let b = m.minus(12).filter(|b| store.months.contains(b));
    for id in tenants {
        let tenant = store.tenant(id, None);
        for &w in &workloads {
            store.insert(CellKey::new(tenant, m, association, w), Usage { mau, pau });
            if let (true, Some(b)) = (customer.existing_customer, b) {
                let then = if customer.existing_deployment { mau } else { Count::ZERO };
                store.insert(CellKey::new(tenant, b, association, w), Usage { mau: then, pau });
            }
        }
    }
}

/// The Azure services named, empty names left out.
fn azure_services(customer: &PlannedCustomer, name: &str, notes: &mut Notes) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for service in &customer.azure_services {
        let service = service.trim();
        if service.is_empty() {
            notes.problem(format!("{name}: an Azure service has no name."));
        } else if !out.iter().any(|s| fold(s) == fold(service)) {
            out.push(service.to_string());
        }
    }
    out
}

/// The Business Applications workloads named that the area knows (a net
/// customer adds workload, a rate-card line or both).
fn bizapps_workloads(rulesets: &[Ruleset], customer: &PlannedCustomer, name: &str, notes: &mut Notes) -> Vec<String> {
    let Some(rules) = crate::ruleset::bizapps_rules(rulesets) else {
        if !customer.bizapps_workloads.is_empty() {
            notes.problem(format!("{name}: no area is fed by Business Applications workloads."));
        }
        return vec![];
    };
    let mut out: Vec<String> = vec![];
    for w in &customer.bizapps_workloads {
        if rules.workload(w).is_none() && rules.line(w).is_none() {
            notes.problem(format!("{name}: \"{w}\" is not a Business Applications workload."));
        } else if !out.iter().any(|o| fold(o) == fold(w)) {
            out.push(w.trim().to_string());
        }
    }
    out
}

/// Azure services into the Azure store: each service's share of the TTM
/// revenue as ACR in the twelve months ending in M (and, for an existing
/// customer, the year-earlier share in those ending in B), per tenant and
/// per service; security services also as Security's security ACR.
#[allow(clippy::too_many_arguments)]
fn add_azure(
    rulesets: &[Ruleset],
    changed: &mut Loaded,
    as_of: &AsOf,
    customer: &PlannedCustomer,
    name: &str,
    services: &[(&str, i64, i64)],
    tenants: &[String],
    notes: &mut Notes,
) {
    let Some(rules) = rulesets.iter().find_map(|r| r.azure()) else {
        notes.problem(format!("{name}: no area is fed by Azure services."));
        return;
    };
    let Some(m) = as_of.azure else {
        notes.problem(format!(
            "{name}: Azure services need an Azure usage export (or Customers and tenants download) to add them to."
        ));
        return;
    };
    if rules.association(&customer.association).is_none() {
        let counted = names(rules.associations.iter().map(|a| a.id.as_str()));
        notes.problem(format!(
            "{name}: \"{}\" is not an Azure association type ({counted}): its Azure services were not added.",
            customer.association
        ));
        return;
    }
    notes.assume("Planned Azure customers have no customer segment: they leave the SMB share that classifies the Azure areas as it is.".into());
    let security = rulesets.iter().find_map(|r| r.security().map(|rules| (r, rules)));
    // Security's Azure part: its own association types and services, its
    // own as-of month.
    let security = security.and_then(|(area, rules)| {
        let is_security = services.iter().any(|(s, _, _)| rules.service(s).is_some());
        if is_security && rules.association(&customer.association).is_none() {
            let counted = names(rules.azure_associations.iter().map(|a| a.id.as_str()));
            notes.assume(format!(
                "{name}: {} ACR does not count for {}'s Azure part ({counted} do).",
                customer.association,
                area.label()
            ));
            return None;
        }
        Some((rules, as_of.security?))
    });
    let store = &mut changed.azure;
    for &(service, _, _) in services {
        let known = store.services.iter().any(|s| fold(s) == fold(service))
            || rulesets.iter().filter_map(|r| r.security()).any(|r| r.service(service).is_some())
            || rules.excluded_from_deployments(service);
        if !known {
            notes.assume(format!("\"{service}\" is not in the Azure data: counted as a new Service Level 2 service."));
        }
    }
    let b = m.minus(12);
    let (mut acr, mut security_acr) = (vec![], vec![]);
    for id in tenants {
        let tenant = store.tenant(id, None);
        for &(service, ttm, previous) in services {
            let index = store.service(service);
            let mut months = spread(ttm, m, rules.ttm_months);
            if let Some(b) = b {
                months.extend(spread(previous, b, rules.ttm_months));
            }
            for &(month, cents) in &months {
                acr.push((tenant, month, cents));
                store.add_service_acr(index, month, cents);
            }
            if let Some((security, sm)) = security.filter(|(r, _)| r.service(service).is_some()) {
                let mut months = spread(ttm, sm, security.ttm_months);
                if let Some(sb) = sm.minus(12) {
                    months.extend(spread(previous, sb, security.ttm_months));
                }
                security_acr.extend(months.into_iter().map(|(month, cents)| (tenant, month, cents)));
            }
        }
    }
    store.add_acr(acr, security_acr);
}

/// Business Applications workloads into that download's store: each
/// workload's share of the TTM revenue as monthly revenue (workload adds,
/// classification) and the MAU as its usage (consumption value, deployments),
/// under the association types that count for each.
#[allow(clippy::too_many_arguments)]
fn add_bizapps(
    rulesets: &[Ruleset],
    changed: &mut Loaded,
    m: Option<Month>,
    customer: &PlannedCustomer,
    (name, mau): (&str, Count),
    workloads: &[(&str, i64, i64)],
    tenants: &[String],
    notes: &mut Notes,
) {
    let Some((area, rules)) = rulesets.iter().find_map(|r| r.bizapps().map(|rules| (r, rules))) else { return };
    let Some(m) = m else {
        notes.problem(format!(
            "{name}: Business Applications workloads need its revenue or usage download to add them to."
        ));
        return;
    };
    let Some(association) = rules.association(&customer.association) else {
        let known = names(rules.associations.iter().map(|a| a.id.as_str()));
        notes.problem(format!(
            "{name}: \"{}\" is not a {} association type ({known}): its workloads were not added.",
            customer.association,
            area.label()
        ));
        return;
    };
    notes.assume(format!("{}: a planned workload's MAU is its usage (its profiles where the rate card counts profiles); an existing deployment had the same usage a year earlier, an existing customer without one had none.", area.label()));
    let type_name = &rules.associations[usize::from(association)].id;
    let store = &mut changed.bizapps;
    let subscription = store.subscription("(simulated)");
    let b = m.minus(12);
    for id in tenants {
        let tenant = store.tenant(id, None);
        for &(workload, ttm, previous) in workloads {
            if let Some(w) = rules.workload(workload).filter(|_| ttm > 0 || previous > 0) {
                if rules.counts_for_adds(association) {
                    let mut months = spread(ttm, m, TTM_MONTHS);
                    if let Some(b) = b {
                        months.extend(spread(previous, b, TTM_MONTHS));
                    }
                    for (month, cents) in months {
                        let key = Key { tenant, subscription, workload: w, month };
                        let kept = Kept { value: cents, association, line: 0, column: None };
                        store.add_planned(Dataset::Revenue, key, kept);
                    }
                } else {
                    let counted =
                        rules.associations.iter().enumerate().filter(|&(a, _)| rules.counts_for_adds(a as u8));
                    notes.problem(format!(
                        "{name}: {type_name} revenue does not count for workload adds ({} do): {workload}'s revenue was not added.",
                        names(counted.map(|(_, a)| a.id.as_str()))
                    ));
                }
            }
            let Some(line) = rules.line(workload).filter(|_| mau.0 > 0) else {
                if mau.0 > 0 {
                    notes.assume(format!(
                        "{workload} is not on {}'s rate card: its MAU add no consumption value.",
                        area.label()
                    ));
                }
                continue;
            };
            if !rules.counts_for_usage(line, association) {
                let counted =
                    rules.associations.iter().enumerate().filter(|&(a, _)| rules.counts_for_usage(line, a as u8));
                notes.problem(format!(
                    "{name}: {workload}'s usage counts under {} only: its MAU were not added.",
                    names(counted.map(|(_, a)| a.id.as_str()))
                ));
                continue;
            }
            let columns = &rules.lines[usize::from(line)].columns;
            let column = columns.iter().copied().find(|&c| c == UsageColumn::Mau).or(columns.first().copied());
            let usage = store.usage_workload(&fold(workload));
            let kept = Kept { value: i64::from(mau.0), association, line, column };
            store.add_planned(Dataset::Usage, Key { tenant, subscription, workload: usage, month: m }, kept);
            if let (true, Some(b)) = (customer.existing_customer && customer.existing_deployment, b) {
                store.add_planned(Dataset::Usage, Key { tenant, subscription, workload: usage, month: b }, kept);
            }
        }
    }
}

/// What a planner may choose from, read from the rulesets (and the Azure
/// services of the data loaded): nothing here is written for one area.
#[derive(Clone, Debug, Default)]
pub struct PlanChoices {
    /// Association types, each with the plan's lists it is read for.
    pub associations: Vec<Choice>,
    /// Microsoft 365 workloads (a planned customer's `workloads`).
    pub workloads: Vec<Choice>,
    pub azure_services: Vec<Choice>,
    pub bizapps_workloads: Vec<Choice>,
    /// Certifications on some area's lists.
    pub certifications: Vec<Choice>,
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub id: String,
    pub label: Option<String>,
    /// The ids of the areas it counts for.
    pub areas: Vec<String>,
    /// Associations: the plan's lists they are read for (`workloads`,
    /// `azureServices`, `bizappsWorkloads`).
    pub parts: Vec<&'static str>,
    /// What it counts for, where that is only part of the area's figures.
    pub note: Option<String>,
}

impl Choice {
    fn new(id: &str, label: Option<&str>) -> Choice {
        Choice { id: id.to_string(), label: label.map(str::to_string), areas: vec![], parts: vec![], note: None }
    }
}

/// Adds `id` to `list` once (spellings folded), and returns it.
fn choice<'a>(list: &'a mut Vec<Choice>, id: &str, label: Option<&str>) -> &'a mut Choice {
    let at = match list.iter().position(|c| fold(&c.id) == fold(id)) {
        Some(at) => at,
        None => {
            list.push(Choice::new(id, label));
            list.len() - 1
        }
    };
    &mut list[at]
}

fn add_area(c: &mut Choice, area: &Ruleset) {
    if !c.areas.contains(&area.data.id) {
        c.areas.push(area.data.id.clone());
    }
}

pub fn plan_choices(rulesets: &[Ruleset], loaded: &Loaded) -> PlanChoices {
    let mut out = PlanChoices::default();
    let usage_reader = crate::ruleset::usage_reader(rulesets);
    let azure = rulesets.iter().find_map(|r| r.azure());
    let bizapps = crate::ruleset::bizapps_rules(rulesets);
    // Association types: each part's own list, then where each counts.
    for a in usage_reader.iter().flat_map(|r| &r.data.associations) {
        choice(&mut out.associations, &a.id, Some(&a.label).filter(|l| !l.is_empty()).map(String::as_str));
    }
    for a in azure.iter().flat_map(|r| &r.associations) {
        choice(&mut out.associations, &a.id, None);
    }
    for a in bizapps.iter().flat_map(|r| &r.associations) {
        choice(&mut out.associations, &a.id, None);
    }
    for c in &mut out.associations {
        let read_from_usage = usage_reader.is_some_and(|r| r.association(&c.id).is_some());
        if read_from_usage {
            c.parts.push("workloads");
        }
        if azure.is_some_and(|r| r.association(&c.id).is_some()) {
            c.parts.push("azureServices");
        }
        if bizapps.is_some_and(|r| r.association(&c.id).is_some()) {
            c.parts.push("bizappsWorkloads");
        }
        for area in rulesets {
            let usage = area.reads_usage()
                && read_from_usage
                && area
                    .association(&c.id)
                    .is_some_and(|a| (0..area.data.tracks.len()).any(|t| area.customer_mask(t) & 1 << a != 0));
            let azure = area.azure().is_some_and(|r| r.association(&c.id).is_some())
                || area.security().is_some_and(|r| r.association(&c.id).is_some());
            let bizapps = area.bizapps().is_some_and(|r| {
                r.association(&c.id)
                    .is_some_and(|a| r.counts_for_adds(a) || (0..r.lines.len()).any(|l| r.counts_for_usage(l as u8, a)))
            });
            if usage || azure || bizapps {
                add_area(c, area);
            }
        }
    }
    // Microsoft 365 workloads: those the usage exports are read with that
    // some area counts.
    for area in rulesets.iter().filter(|r| r.reads_usage()) {
        for (i, w) in area.data.workloads.iter().enumerate() {
            let used = area.workload_use(i as u8);
            if (used.customers || used.customer_success) && usage_reader.is_some_and(|r| r.workload(&w.id).is_some()) {
                add_area(choice(&mut out.workloads, &w.id, None), area);
            }
        }
    }
    // Azure services: any Service Level 2 service counts for the Azure
    // areas; the rulesets name the security ones and those left out of
    // deployments, the data the partner's own.
    let azure_areas: Vec<&Ruleset> = rulesets.iter().filter(|r| r.azure().is_some()).collect();
    let mut services: Vec<String> = loaded.azure.services.clone();
    for area in rulesets {
        if let Some(r) = area.security() {
            services.extend(r.azure_services.iter().map(|s| s.id.clone()));
        }
        if let Some(r) = area.azure() {
            services.extend(r.deployment_excluded_services.iter().map(|s| s.id.clone()));
        }
    }
    for service in &services {
        let c = choice(&mut out.azure_services, service, None);
        for area in &azure_areas {
            add_area(c, area);
        }
        for area in rulesets {
            if area.security().is_some_and(|r| r.service(service).is_some()) {
                add_area(c, area);
            }
        }
        if azure.is_some_and(|r| r.excluded_from_deployments(service)) {
            c.note = Some("not counted as a deployment".into());
        }
    }
    out.azure_services.sort_by_key(|c| fold(&c.id));
    // Business Applications: workload adds workloads and rate-card lines.
    if let Some((area, r)) = rulesets.iter().find_map(|a| a.bizapps().map(|r| (a, r))) {
        for w in r.workloads.iter().chain(r.lines.iter().map(|l| &l.id)) {
            let c = choice(&mut out.bizapps_workloads, w, None);
            add_area(c, area);
            c.note = match (r.workload(w).is_some(), r.line(w).is_some()) {
                (true, true) => None,
                (true, false) => Some("revenue only: not on the rate card".into()),
                _ => Some("usage only: not a workload adds workload".into()),
            };
        }
    }
    // Certifications on some area's lists.
    for area in rulesets {
        for id in area.data.certification_lists.values().flatten() {
            let label = area.certification_by_id(id).map(|c| c.name.as_str());
            add_area(choice(&mut out.certifications, id, label), area);
        }
    }
    out
}

// How it is written (`crate::to_json`).
json_object! {
    Plan => |t| { "customers": t.customers, "people": t.people, "removeTenants": t.remove_tenants }
    PlannedPerson => |t| { "name": t.name, "certification": t.certification }
    Simulation => |t| { "simulated": t.simulated, "plan": t.plan, "report": t.report, "changes": t.changes, "areas": t.areas, "problems": t.problems, "assumptions": t.assumptions }
    TrackChange => |t| { "totalBefore": t.total_before, "totalAfter": t.total_after, "totalChange": t.total_change, "statusBefore": t.status_before, "statusAfter": t.status_after, "metrics": t.metrics }
    AreaChange => |t| { "totalBefore": t.total_before, "totalAfter": t.total_after, "totalChange": t.total_change, "statusBefore": t.status_before, "statusAfter": t.status_after }
    PlanChoices => |t| { "associations": t.associations, "workloads": t.workloads, "azureServices": t.azure_services, "bizappsWorkloads": t.bizapps_workloads, "certifications": t.certifications }
}

impl ToJson for PlannedCustomer {
    fn write_json(&self, out: &mut Vec<u8>) {
        let t = self;
        let mut o = Object::new(out);
        o.field("name", &t.name);
        o.field("count", &t.count);
        o.field("association", &t.association);
        o.field("workloads", &t.workloads);
        o.field("mau", &t.mau);
        o.field("pau", &t.pau);
        // Left out when not planned, as a plan of Modern Work alone was saved.
        if !t.azure_services.is_empty() {
            o.field("azureServices", &t.azure_services);
        }
        if !t.bizapps_workloads.is_empty() {
            o.field("bizappsWorkloads", &t.bizapps_workloads);
        }
        if let Some(revenue) = &t.ttm_revenue {
            o.field("ttmRevenue", revenue);
        }
        if let Some(revenue) = &t.previous_ttm_revenue {
            o.field("previousTtmRevenue", revenue);
        }
        o.field("existingCustomer", &t.existing_customer);
        o.field("existingDeployment", &t.existing_deployment);
        o.end();
    }
}

impl ToJson for Choice {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        o.field("id", &self.id);
        if let Some(label) = &self.label {
            o.field("label", label);
        }
        o.field("areas", &self.areas);
        if !self.parts.is_empty() {
            o.field("parts", &self.parts);
        }
        if let Some(note) = &self.note {
            o.field("note", note);
        }
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_read_as_saved() {
        // A plan saved before Azure and Business Applications: no `count`,
        // fields the reader does not know, nulls.
        let old = r#"{"customers": [{"name": "Contoso", "association": "CSP", "workloads": ["Teams"],
            "mau": 30, "pau": 50.5, "existingCustomer": true, "colour": "red", "ttmRevenue": null}],
            "people": [{"name": "Ada", "certification": "MS-102"}], "savedAt": "2026-01-01"}"#;
        let plan = Plan::from_json(old).unwrap();
        let c = &plan.customers[0];
        assert_eq!((c.name.as_deref(), c.count, c.association.as_str()), (Some("Contoso"), 1, "CSP"));
        assert_eq!((c.workloads.clone(), c.mau, c.pau), (vec!["Teams".to_string()], 30.0, 50.5));
        assert_eq!((c.existing_customer, c.existing_deployment, c.ttm_revenue), (true, false, None));
        assert!(c.azure_services.is_empty() && c.bizapps_workloads.is_empty());
        assert_eq!((plan.people[0].name.as_str(), plan.people[0].certification.as_str()), ("Ada", "MS-102"));
        assert!(plan.remove_tenants.is_empty());
        let new = r#"{"customers": [{"count": 3, "azureServices": ["Azure SQL"], "bizappsWorkloads": ["Sales"],
            "ttmRevenue": 1200.25, "previousTtmRevenue": 1e3}], "removeTenants": ["t1"]}"#;
        let plan = Plan::from_json(new).unwrap();
        let c = &plan.customers[0];
        assert_eq!((c.count, c.ttm_revenue, c.previous_ttm_revenue), (3, Some(1200.25), Some(1000.0)));
        assert_eq!((c.azure_services.len(), c.bizapps_workloads.len(), c.name.clone()), (1, 1, None));
        assert_eq!(plan.remove_tenants, ["t1"]);
        // Written as read: the plan a simulation shows reads back the same.
        let again = Plan::from_json(&crate::to_json::to_string(&plan)).unwrap();
        assert_eq!(format!("{again:?}"), format!("{plan:?}"));
    }

    #[test]
    fn a_bad_plan_names_the_field() {
        let error = |json: &str| Plan::from_json(json).unwrap_err();
        assert_eq!(error(r#"{"customers": "no"}"#), "customers: expected an array, found a string");
        assert_eq!(
            error(r#"{"customers": [{"count": -1}]}"#),
            "customers[0].count: expected a whole number from 0, found a number"
        );
        assert_eq!(error(r#"{"customers": [{"mau": "30"}]}"#), "customers[0].mau: expected a number, found a string");
        assert_eq!(error(r#"{"people": [{"name": "Ada"}]}"#), "people[0]: missing field `certification`");
        assert_eq!(error(r#"{"customers": [{"mau": 1e999}]}"#), "customers[0].mau: number out of range");
        assert_eq!(error("[]"), "expected an object, found an array");
        assert_eq!(error(r#"{"people": }"#), "expected value at line 1 column 12");
        assert_eq!(error(r#"{"people": [{}]}"#), "people[0]: missing field `name`");
    }
}
