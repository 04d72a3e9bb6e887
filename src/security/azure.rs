//! Security's Azure part (security.md sections 3, 4 and 6 to 8): each
//! tenant's trailing-twelve-month security ACR (TTM) tested against each
//! track's bands in the as-of month and its baseline, with the SMB
//! carry-over; net customers, net deployments and security ACR growth are
//! sums of every tenant's part. A tenant's part is decided in one place
//! ([`AzurePart::evaluate`]): once for the sums, again for the few tenants
//! the detail lists, so that no per-tenant detail is held for all.

use super::points_text;
use super::rules::{Rules, Use};
use crate::azure::{month_name, usd_text, AzureStore, Coverage, SecurityMonth, Source, TenantId, Totals};
use crate::month::Month;
use crate::points::Points;
use crate::report::{Both, Keyed, SecurityAzureDetail, SecurityAzureTenant, SecurityAzureTrack};
use crate::ruleset::Ruleset;
use std::borrow::Cow;

/// One track's figures, in whole tenants and cents.
#[derive(Clone, Copy, Debug, Default)]
struct TrackFigures {
    net_customers: i64,
    net_deployments: i64,
    /// SecACR of the tenants in the usage band, M and B.
    sec_acr: [i64; 2],
}

/// A tenant with security ACR in either TTM, and where its months are.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) tenant: TenantId,
    pub(crate) contributes: bool,
    /// Its months in the totals' security list.
    run: (usize, usize),
}

pub(crate) struct AzurePart<'a> {
    store: &'a AzureStore,
    area: &'a Ruleset,
    rules: &'a Rules,
    totals: Cow<'a, Totals>,
    coverage: Coverage,
    m: Month,
    /// Per track (by index); `None` when a month the TTMs need is missing.
    figures: Option<Vec<TrackFigures>>,
    /// The first month needed and missing (`None` inside: before any month).
    pub(crate) missing: Option<Option<Month>>,
    pub(crate) candidates: Vec<Candidate>,
    /// Tenants within reach of a band.
    reach: Vec<Reach>,
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

/// One tenant's part on one track.
struct TrackPart {
    customer: Both<InBand>,
    deployment: Both<InBand>,
    usage: Both<InBand>,
}

impl TrackPart {
    fn net(x: Both<InBand>) -> i32 {
        i32::from(x.as_of.yes) - i32::from(x.baseline.yes)
    }
    /// What the tenant adds to SecACR growth, in cents.
    fn growth(&self, ttm: Both<i64>) -> i64 {
        let counted = |x: InBand, ttm: i64| if x.yes { ttm } else { 0 };
        counted(self.usage.as_of, ttm.as_of).saturating_sub(counted(self.usage.baseline, ttm.baseline))
    }
}

impl<'a> AzurePart<'a> {
    /// `None` without an Azure usage export.
    pub(crate) fn new(store: &'a AzureStore, area: &'a Ruleset, rules: &'a Rules, m: Month) -> Option<AzurePart<'a>> {
        let totals = store.totals();
        let months = &totals.months[Source::AzureUsage as usize];
        let coverage = Coverage { first: *months.first()?, last: *months.last()? };
        let b = crate::areas::baseline(m);
        let missing = coverage.first_missing(b, rules.ttm_months).or(coverage.first_missing(Some(m), rules.ttm_months));
        let mut part = AzurePart {
            store,
            area,
            rules,
            totals,
            coverage,
            m,
            figures: None,
            missing,
            candidates: vec![],
            reach: vec![],
        };
        if missing.is_none() {
            part.sum();
        }
        Some(part)
    }

    /// Every tenant's part, added up.
    fn sum(&mut self) {
        let tracks = &self.area.data.tracks;
        let mut figures = vec![TrackFigures::default(); tracks.len()];
        let (mut candidates, mut reach) = (vec![], vec![]);
        let mut start = 0;
        for run in self.totals.security.chunk_by(|a, b| a.tenant == b.tenant) {
            let (tenant, end) = (run[0].tenant, start + run.len());
            let (ttm, parts) = self.evaluate(run);
            let mut contributes = false;
            for (t, (part, f)) in parts.iter().zip(&mut figures).enumerate() {
                let (net_add, net_deployment) = (TrackPart::net(part.customer), TrackPart::net(part.deployment));
                let growth = part.growth(ttm);
                f.net_customers += i64::from(net_add);
                f.net_deployments += i64::from(net_deployment);
                let counted = |x: InBand, ttm: i64| if x.yes { ttm } else { 0 };
                f.sec_acr[0] = f.sec_acr[0].saturating_add(counted(part.usage.as_of, ttm.as_of));
                f.sec_acr[1] = f.sec_acr[1].saturating_add(counted(part.usage.baseline, ttm.baseline));
                contributes |= net_add != 0 || net_deployment != 0 || growth != 0;
                // Within reach: below a band's lowest TTM, with some security consumption.
                for (use_, x) in [(Use::Customers, part.customer), (Use::Deployments, part.deployment)] {
                    let band = self.rules.band(use_, &tracks[t].id);
                    let lowest = band.and_then(|band| band.lowest().filter(|&low| band.contains(low)));
                    if let Some(low) = lowest.filter(|&low| !x.as_of.yes && 0 < ttm.as_of && ttm.as_of < low) {
                        reach.push(Reach { short: low - ttm.as_of, tenant, track: t, use_ });
                    }
                }
            }
            if ttm.as_of != 0 || ttm.baseline != 0 {
                candidates.push(Candidate { tenant, contributes, run: (start, end) });
            }
            start = end;
        }
        self.figures = Some(figures);
        self.candidates = candidates;
        self.reach = reach;
    }

    /// The one place a tenant's bands are decided: its TTM in M and B, and
    /// per track, in each use's band in each month (security.md section 4).
    fn evaluate(&self, run: &[SecurityMonth]) -> (Both<i64>, Vec<TrackPart>) {
        let (m, ttm_months) = (self.m, self.rules.ttm_months);
        let b = crate::areas::baseline(m).unwrap_or(m);
        let at = |month: Month| ttm(run, month, ttm_months);
        let ttm = Both { as_of: at(m), baseline: at(b) };
        let tracks = &self.area.data.tracks;
        let band = |use_: Use, t: usize, ttm: i64| {
            tracks.get(t).and_then(|track| self.rules.band(use_, &track.id)).is_some_and(|band| band.contains(ttm))
        };
        // In the track's band by its own TTM, or in the band of the track
        // it carries from and in its own band `back` months earlier, when
        // the data covers that TTM (no data, no carry-over).
        let in_band = |use_: Use, t: usize, month: Month, own: i64| {
            if band(use_, t, own) {
                return InBand { yes: true, carried: false };
            }
            let carried = self.area.carry_from(t).is_some_and(|(from, back)| {
                let then =
                    month.minus(back).filter(|&then| self.coverage.first_missing(Some(then), ttm_months).is_none());
                band(use_, from, own) && then.is_some_and(|then| band(use_, t, at(then)))
            });
            InBand { yes: carried, carried }
        };
        let mut parts = Vec::with_capacity(tracks.len());
        for t in 0..tracks.len() {
            let both =
                |use_| Both { as_of: in_band(use_, t, m, ttm.as_of), baseline: in_band(use_, t, b, ttm.baseline) };
            parts.push(TrackPart {
                customer: both(Use::Customers),
                deployment: both(Use::Deployments),
                usage: both(Use::UsageGrowth),
            });
        }
        (ttm, parts)
    }

    /// A listed tenant's part, explained.
    pub(crate) fn tenant_detail(&self, candidate: &Candidate) -> SecurityAzureTenant {
        let run = self.totals.security.get(candidate.run.0..candidate.run.1).unwrap_or_default();
        let (ttm, parts) = self.evaluate(run);
        let flat = |x: Both<InBand>| Both { as_of: x.as_of.yes, baseline: x.baseline.yes };
        let mut tracks = vec![];
        for (track, part) in self.area.data.tracks.iter().zip(parts) {
            let carried = |month: fn(&Both<InBand>) -> InBand| {
                [part.customer, part.deployment, part.usage].iter().any(|x| month(x).carried)
            };
            let detail = SecurityAzureTrack {
                customer: flat(part.customer),
                deployment: flat(part.deployment),
                usage: flat(part.usage),
                carried_over: Both { as_of: carried(|x| x.as_of), baseline: carried(|x| x.baseline) },
                net_add: TrackPart::net(part.customer),
                net_deployment: TrackPart::net(part.deployment),
                growth: usd(part.growth(ttm)),
            };
            tracks.push((track.id.clone(), detail));
        }
        SecurityAzureTenant { ttm: Both { as_of: usd(ttm.as_of), baseline: usd(ttm.baseline) }, tracks: Keyed(tracks) }
    }

    /// The part's figure for `measure` on `track`; `None` when unknown.
    pub(crate) fn measure(&self, measure: &str, track: &str) -> Option<Points> {
        let t = self.area.data.tracks.iter().position(|t| t.id == track)?;
        let f = self.figures.as_ref()?.get(t)?;
        match measure {
            "customers" => Some(Points::fraction(f.net_customers, 1)),
            "deployedTenants" => Some(Points::fraction(f.net_deployments, 1)),
            "acrGrowth" => Some(Points::fraction(f.sec_acr[0].saturating_sub(f.sec_acr[1]), 100)),
            _ => None,
        }
    }

    /// The `n` tenants nearest a band, as sentences: (USD short in cents, hint).
    pub(crate) fn hints(&self, n: usize) -> Vec<(i64, String)> {
        let mut reach: Vec<&Reach> = self.reach.iter().collect();
        // Ties by tenant id, so that the order of rows does not show.
        let id = |r: &Reach| self.store.tenants.get(r.tenant as usize).map_or("", |t| t.id.as_str());
        reach.sort_unstable_by(|a, b| {
            (a.short.cmp(&b.short))
                .then_with(|| super::caseless(id(a)).cmp(super::caseless(id(b))))
                .then((a.track, a.use_).cmp(&(b.track, b.use_)))
        });
        reach.truncate(n);
        let mut out = Vec::with_capacity(reach.len());
        for r in reach {
            let label = self.area.data.tracks.get(r.track).map_or("", |t| t.label.as_str());
            let tenant = self.store.tenants.get(r.tenant as usize);
            let name = tenant.map_or(String::new(), |t| t.name.clone().unwrap_or_else(|| t.id.clone()));
            let (measure, what, unit) = match r.use_ {
                Use::Customers => ("customers", "a customer", "net customer"),
                _ => ("deployedTenants", "a deployment", "net deployment"),
            };
            let gain = self
                .area
                .per_unit_from(r.track, "azure", measure)
                .map_or(String::new(), |p| format!(", up to {} points", points_text(p)));
            let text = format!(
                "{label}: {} more security consumption from {name} over the {} months to {} makes it {what} (+1 {unit}{gain}).",
                usd_text(r.short),
                self.rules.ttm_months,
                month_name(self.m),
            );
            out.push((r.short, text));
        }
        out
    }

    /// The first and last months of the data.
    pub(crate) fn months(&self) -> (Month, Month) {
        (self.coverage.first, self.coverage.last)
    }

    pub(crate) fn detail(&self) -> SecurityAzureDetail {
        let mut sec_acr = vec![];
        for (t, track) in self.area.data.tracks.iter().enumerate() {
            let found = self.figures.as_ref().and_then(|f| f.get(t));
            let both = found.map(|f| Both { as_of: usd(f.sec_acr[0]), baseline: usd(f.sec_acr[1]) });
            sec_acr.push((track.id.clone(), both));
        }
        SecurityAzureDetail {
            first_month: Some(self.coverage.first),
            last_month: Some(self.coverage.last),
            known: self.figures.is_some(),
            sec_acr: Keyed(sec_acr),
            set_aside: usd(self.totals.security_set_aside),
        }
    }
}

fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}
