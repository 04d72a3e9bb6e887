//! Security's Azure part (security.md sections 3, 4 and 6 to 8): each
//! tenant's trailing-twelve-month security ACR (TTM) tested against each
//! track's bands in the as-of month and its baseline, with the SMB
//! carry-over; net customers, net deployments and security ACR growth are
//! sums of every tenant's part.

use super::points_text;
use super::rules::{Rules, Use};
use crate::azure::{month_name, usd_text, AzureStore, SecurityMonth, Source, TenantId};
use crate::month::Month;
use crate::points::Points;
use crate::report::{Both, Keyed, SecurityAzureDetail, SecurityAzureTenant, SecurityAzureTrack};
use crate::ruleset::Ruleset;

/// One track's figures, in whole tenants and cents.
#[derive(Clone, Copy, Debug, Default)]
struct TrackFigures {
    net_customers: i64,
    net_deployments: i64,
    /// SecACR of the tenants in the usage band, M and B.
    sec_acr: [i64; 2],
}

/// A tenant's part, for the detail.
pub(crate) struct TenantPart {
    pub(crate) tenant: TenantId,
    pub(crate) contributes: bool,
    pub(crate) detail: SecurityAzureTenant,
}

pub(crate) struct AzurePart {
    /// Per track id; `None` when a month the TTMs need is missing.
    figures: Option<Vec<(String, TrackFigures)>>,
    /// The first month needed and missing (`None` inside: before any month).
    pub(crate) missing: Option<Option<Month>>,
    pub(crate) first: Month,
    pub(crate) last: Month,
    pub(crate) tenants: Vec<TenantPart>,
    /// Tenants within reach of a band.
    reach: Vec<Reach>,
    set_aside: i64,
}

/// The months the Azure usage data covers, first to last: a month inside
/// with no rows is zero, a month outside is missing (azure.md section 3).
struct Coverage {
    first: Month,
    last: Month,
}

impl Coverage {
    /// The first month of the `months` ending at `end` not covered.
    fn first_missing(&self, end: Option<Month>, months: u32) -> Option<Option<Month>> {
        let Some(end) = end else { return Some(None) };
        (0..months).rev().map(|i| end.minus(i)).find(|m| !m.is_some_and(|m| self.first <= m && m <= self.last))
    }
}

/// A tenant's TTM ending in `end`, in cents, from its months (sorted).
fn ttm(run: &[SecurityMonth], end: Month, months: u32) -> i64 {
    let start = end.minus(months - 1);
    let window = run.iter().filter(|s| s.month <= end && start.is_none_or(|start| s.month >= start));
    window.fold(0i64, |sum, s| sum.saturating_add(s.acr))
}

/// A tenant some more security ACR would bring into a band in M.
struct Reach {
    /// Cents.
    short: i64,
    tenant: TenantId,
    track: usize,
    use_: Use,
}

/// In a band in one month, and whether only through the carry-over.
#[derive(Clone, Copy, Debug, Default)]
struct InBand {
    yes: bool,
    carried: bool,
}

impl AzurePart {
    /// `None` without an Azure usage export.
    pub(crate) fn new(store: &AzureStore, area: &Ruleset, rules: &Rules, m: Month) -> Option<AzurePart> {
        let totals = store.totals();
        let months = &totals.months[Source::AzureUsage as usize];
        let coverage = Coverage { first: *months.first()?, last: *months.last()? };
        let b = crate::areas::baseline(m);
        let ttm_months = rules.ttm_months;
        let missing = coverage.first_missing(b, ttm_months).or(coverage.first_missing(Some(m), ttm_months));
        let mut part = AzurePart {
            figures: None,
            missing,
            first: coverage.first,
            last: coverage.last,
            tenants: vec![],
            reach: vec![],
            set_aside: totals.security_set_aside,
        };
        let Some(b) = b.filter(|_| missing.is_none()) else { return Some(part) };
        let tracks: Vec<&str> = area.data.tracks.iter().map(|t| t.id.as_str()).collect();
        let mut figures = vec![TrackFigures::default(); tracks.len()];
        for run in totals.security.chunk_by(|a, b| a.tenant == b.tenant) {
            let at = |month: Month| ttm(run, month, ttm_months);
            // The TTM a carry-over looks back to, when the data covers it.
            let earlier = |month: Month, back: u32| {
                let then = month.minus(back)?;
                coverage.first_missing(Some(then), ttm_months).is_none().then(|| at(then))
            };
            let (now, then) = (at(m), at(b));
            let band =
                |use_: Use, t: usize, ttm: i64| rules.band(use_, tracks[t]).is_some_and(|band| band.contains(ttm));
            // security.md section 4: in the track's band by its own TTM, or
            // in the band of the track it carries from and in its own band
            // `months` earlier.
            let in_band = |use_: Use, t: usize, month: Month, ttm: i64| {
                if band(use_, t, ttm) {
                    return InBand { yes: true, carried: false };
                }
                let carried = area.carry_from(t).is_some_and(|(from, back)| {
                    band(use_, from, ttm) && earlier(month, back).is_some_and(|then| band(use_, t, then))
                });
                InBand { yes: carried, carried }
            };
            let mut tracks_detail = Keyed::default();
            let mut contributes = false;
            for (t, &id) in tracks.iter().enumerate() {
                let both = |use_: Use| Both { as_of: in_band(use_, t, m, now), baseline: in_band(use_, t, b, then) };
                let (customer, deployment, usage) =
                    (both(Use::Customers), both(Use::Deployments), both(Use::UsageGrowth));
                let net = |x: Both<InBand>| i32::from(x.as_of.yes) - i32::from(x.baseline.yes);
                let counted = |x: InBand, ttm: i64| if x.yes { ttm } else { 0 };
                let (net_add, net_deployment) = (net(customer), net(deployment));
                let growth = counted(usage.as_of, now).saturating_sub(counted(usage.baseline, then));
                let f = &mut figures[t];
                f.net_customers += i64::from(net_add);
                f.net_deployments += i64::from(net_deployment);
                f.sec_acr[0] = f.sec_acr[0].saturating_add(counted(usage.as_of, now));
                f.sec_acr[1] = f.sec_acr[1].saturating_add(counted(usage.baseline, then));
                contributes |= net_add != 0 || net_deployment != 0 || growth != 0;
                let carried =
                    |month: fn(&Both<InBand>) -> InBand| [customer, deployment, usage].iter().any(|x| month(x).carried);
                // Within reach: below a band's lowest TTM, with some security consumption.
                for (use_, x) in [(Use::Customers, customer), (Use::Deployments, deployment)] {
                    let lowest = rules.band(use_, id).and_then(|band| band.lowest().filter(|&low| band.contains(low)));
                    if let Some(low) = lowest.filter(|&low| !x.as_of.yes && 0 < now && now < low) {
                        part.reach.push(Reach { short: low - now, tenant: run[0].tenant, track: t, use_ });
                    }
                }
                let flat = |x: Both<InBand>| Both { as_of: x.as_of.yes, baseline: x.baseline.yes };
                let track = SecurityAzureTrack {
                    customer: flat(customer),
                    deployment: flat(deployment),
                    usage: flat(usage),
                    carried_over: Both { as_of: carried(|x| x.as_of), baseline: carried(|x| x.baseline) },
                    net_add,
                    net_deployment,
                    growth: usd(growth),
                };
                tracks_detail.0.push((id.to_string(), track));
            }
            if now != 0 || then != 0 {
                let detail =
                    SecurityAzureTenant { ttm: Both { as_of: usd(now), baseline: usd(then) }, tracks: tracks_detail };
                part.tenants.push(TenantPart { tenant: run[0].tenant, contributes, detail });
            }
        }
        part.figures = Some(tracks.iter().map(|id| id.to_string()).zip(figures).collect());
        Some(part)
    }

    /// The part's figure for `measure` on `track`; `None` when unknown.
    pub(crate) fn measure(&self, measure: &str, track: &str) -> Option<Points> {
        let (_, f) = self.figures.as_ref()?.iter().find(|(id, _)| id == track)?;
        match measure {
            "customers" => Some(Points::fraction(f.net_customers, 1)),
            "deployedTenants" => Some(Points::fraction(f.net_deployments, 1)),
            "acrGrowth" => Some(Points::fraction(f.sec_acr[0].saturating_sub(f.sec_acr[1]), 100)),
            _ => None,
        }
    }

    /// The `n` tenants nearest a band, as sentences: (USD short in cents, hint).
    pub(crate) fn hints(&self, store: &AzureStore, area: &Ruleset, m: Month, n: usize) -> Vec<(i64, String)> {
        let mut reach: Vec<&Reach> = self.reach.iter().collect();
        reach.sort_unstable_by_key(|r| (r.short, r.tenant, r.track, r.use_));
        reach.truncate(n);
        let hint = |r: &Reach| {
            let label = area.data.tracks.get(r.track).map_or("", |t| t.label.as_str());
            let tenant = store.tenants.get(r.tenant as usize);
            let name = tenant.map_or(String::new(), |t| t.name.clone().unwrap_or_else(|| t.id.clone()));
            let (measure, what, unit) = match r.use_ {
                Use::Customers => ("customers", "a customer", "net customer"),
                _ => ("deployedTenants", "a deployment", "net deployment"),
            };
            let gain = per_unit(area, r.track, measure)
                .map_or(String::new(), |p| format!(", up to {} points", points_text(p)));
            let text = format!(
                "{label}: {} more security consumption from {name} over the twelve months to {} makes it {what} (+1 {unit}{gain}).",
                usd_text(r.short),
                month_name(m),
            );
            (r.short, text)
        };
        reach.into_iter().map(hint).collect()
    }

    pub(crate) fn detail(&self, area: &Ruleset) -> SecurityAzureDetail {
        let sec_acr = area.data.tracks.iter().map(|t| {
            let found = self.figures.as_ref().and_then(|f| f.iter().find(|(id, _)| *id == t.id));
            let both = found.map(|(_, f)| Both { as_of: usd(f.sec_acr[0]), baseline: usd(f.sec_acr[1]) });
            (t.id.clone(), both)
        });
        SecurityAzureDetail {
            first_month: Some(self.first),
            last_month: Some(self.last),
            known: self.figures.is_some(),
            sec_acr: Keyed(sec_acr.collect()),
            set_aside: usd(self.set_aside),
        }
    }
}

/// Points one more unit of a part fed `from: "azure"` with `measure` earns
/// on track `t` (the metric's max over the part's threshold).
pub(crate) fn per_unit(area: &Ruleset, t: usize, measure: &str) -> Option<Points> {
    per_unit_from(area, t, "azure", measure)
}

/// Points one more unit of the part fed by `from` and `measure` earns.
pub(crate) fn per_unit_from(area: &Ruleset, t: usize, from: &str, measure: &str) -> Option<Points> {
    let metrics = &area.data.tracks.get(t)?.metrics;
    metrics.values().find_map(|metric| {
        let (_, _, threshold) = metric.parts().into_iter().find(|&(f, m, _)| f == from && m == measure)?;
        Some(Points::linear(Points::whole(1), threshold, metric.max()))
    })
}

fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}
