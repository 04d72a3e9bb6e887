//! The Azure areas' figures for one area and as-of month (azure.md sections
//! 2 to 6): net customer adds per track, usage growth on trailing-twelve-
//! month ACR, deployments as distinct services, the SMB-share class, and
//! each tenant's and service's part in them. Computed once, then answered
//! through [`Measures`].

use super::rules::Rules;
use super::store::{AzureStore, Source, TenantMonth, Totals};
use crate::kinds::Measures;
use crate::layout::FileKind;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::DetailLevel;
use crate::report::{
    AreaDetail, AzureClassification, AzureDetail, AzureIgnored, AzureRows, AzureService, AzureTenant, AzureTenantAcr,
    AzureTenantTrack, AzureTtm, Both, Classification, EachRow, Keyed, Row, Warning, WarningKind,
};
use crate::ruleset::Ruleset;

/// Hints listed in the detail, nearest first.
const MAX_HINTS: usize = 10;

pub(crate) struct AzureModel {
    /// Per track id: net customer adds, unknown when a month is missing.
    net_adds: Vec<(String, Option<i64>)>,
    growth: Option<Points>,
    baseline: Option<Points>,
    services: Option<i64>,
    classification: Option<Classification>,
    missing: Option<String>,
    warnings: Vec<Warning>,
    detail: AzureDetail,
    /// With `DetailLevel::Full`: the tenants, the ones whose net add is not
    /// 0 first, then by ACR in the as-of month.
    tenants: Vec<Listed>,
    service_rows: Vec<AzureService>,
}

/// The months the Azure data covers, first to last: a month inside with
/// no rows is zero, a month outside is missing (azure.md section 3).
pub(crate) struct Coverage {
    pub(crate) first: Month,
    pub(crate) last: Month,
}

impl Coverage {
    fn covers(&self, month: Option<Month>) -> bool {
        month.is_some_and(|m| self.first <= m && m <= self.last)
    }
    /// The first month of `months` back from `end` the data lacks.
    pub(crate) fn first_missing(&self, end: Option<Month>, months: u32) -> Option<Option<Month>> {
        let Some(end) = end else { return Some(None) };
        (0..months).rev().map(|i| end.minus(i)).find(|m| !self.covers(*m))
    }
}

/// A tenant listed: whether its net add is not 0, its ACR in the as-of
/// month (cents), and its row.
type Listed = (bool, i64, AzureTenant);

/// One tenant's eligible ACR by month, from its slice of the totals.
struct TenantAcr<'a> {
    months: &'a [TenantMonth],
    source: usize,
}

impl TenantAcr<'_> {
    fn at(&self, month: Option<Month>) -> i64 {
        let Some(month) = month else { return 0 };
        self.months.binary_search_by_key(&month, |tm| tm.month).map_or(0, |i| self.months[i].acr[self.source])
    }
    /// Reaches `threshold` in one month of the window ending at `end`.
    fn eligible(&self, end: Option<Month>, months: u32, threshold: i64) -> bool {
        (0..months).any(|i| self.at(end.and_then(|m| m.minus(i))) >= threshold)
    }
    /// The month of the window ending at `end` with the most ACR (the
    /// latest of equals), and its ACR.
    fn best(&self, end: Month, months: u32) -> Option<(i64, Month)> {
        let mut best = None;
        for i in 0..months {
            if let Some(month) = end.minus(i) {
                let here = (self.at(Some(month)), month);
                if best.is_none_or(|b| here > b) {
                    best = Some(here);
                }
            }
        }
        best
    }
}

impl AzureModel {
    /// The model of `area` as of `as_of`; `None` when no Azure data is loaded.
    /// With `DetailLevel::Summary` the model keeps no tenant rows (their
    /// count and the hints stay).
    pub(crate) fn new(
        store: &AzureStore,
        area: &Ruleset,
        rules: &Rules,
        as_of: Month,
        level: DetailLevel,
    ) -> Option<AzureModel> {
        let totals = store.totals();
        let source = if !totals.months[0].is_empty() { Source::AzureUsage } else { Source::CustomersTenants };
        let months = &totals.months[source as usize];
        let coverage = Coverage { first: *months.first()?, last: *months.last()? };
        Some(compute(store, &totals, area, rules, source, &coverage, as_of, level))
    }
}

fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// `USD 1,234.50`, `USD 180`.
pub(crate) fn usd_text(cents: i64) -> String {
    let grouped = crate::points::grouped((cents / 100).unsigned_abs());
    let sign = if cents < 0 { "-" } else { "" };
    match (cents % 100).unsigned_abs() {
        0 => format!("USD {sign}{grouped}"),
        c => format!("USD {sign}{grouped}.{c:02}"),
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(crate) fn month_name(m: Month) -> String {
    format!("{} {}", MONTH_NAMES[(m.month() as usize - 1) % 12], m.year())
}

#[allow(clippy::too_many_arguments)]
fn compute(
    store: &AzureStore,
    totals: &Totals,
    area: &Ruleset,
    rules: &Rules,
    source: Source,
    coverage: &Coverage,
    m: Month,
    level: DetailLevel,
) -> AzureModel {
    let b = m.minus(12);
    let src = source as usize;
    let mut tracks: Vec<(&str, &str, i64)> = vec![];
    for t in &area.data.tracks {
        tracks.push((t.id.as_str(), t.label.as_str(), rules.threshold_cents(&t.id).unwrap_or(i64::MAX)));
    }
    let window = rules.customer_months;
    // The first month each metric needs and the data lacks.
    let nca_missing = coverage.first_missing(b, window).or(coverage.first_missing(Some(m), window));
    let ttm_missing = coverage.first_missing(b, rules.ttm_months).or(coverage.first_missing(Some(m), rules.ttm_months));
    let deployments_missing = coverage.first_missing(Some(m), rules.deployment_months);

    let mut net_adds = vec![0i64; tracks.len()];
    let (mut ttm_m, mut ttm_b) = (0i64, 0i64);
    let in_ttm = |month: Month, end: Option<Month>| {
        end.is_some_and(|end| month <= end && end.minus(rules.ttm_months - 1).is_none_or(|start| month >= start))
    };
    let (mut customers, mut with_segment, mut smb) = (0u64, 0u64, 0u64);
    let mut listed: Vec<Listed> = vec![];
    let mut tenant_count = 0;
    let mut hints: Vec<(i64, String)> = vec![];
    for run in totals.tenant_months.chunk_by(|a, b| a.tenant == b.tenant) {
        let acr = TenantAcr { months: run, source: src };
        for tm in run {
            let value = tm.acr[src];
            if in_ttm(tm.month, Some(m)) {
                ttm_m = ttm_m.saturating_add(value);
            }
            if in_ttm(tm.month, b) {
                ttm_b = ttm_b.saturating_add(value);
            }
        }
        let now = acr.at(Some(m));
        let customer = now > rules.customer_cents();
        let segment = run.iter().find(|tm| tm.month == m).map_or(0, |tm| tm.segment);
        let segment = store.segments.get(usize::from(segment).wrapping_sub(1)).cloned();
        let is_smb = segment.as_deref().map(|s| rules.smb_segment(s));
        if customer {
            customers += 1;
            if let Some(is_smb) = is_smb {
                with_segment += 1;
                smb += u64::from(is_smb);
            }
        }
        let tenant = &store.tenants[run[0].tenant as usize];
        let name = tenant.name.clone().unwrap_or_else(|| tenant.id.clone());
        let mut parts = Keyed::default();
        let mut contributes = false;
        // Within reach: ACR in the window, below the threshold in each month.
        let best = acr.best(m, window);
        for (t, &(id, label, threshold)) in tracks.iter().enumerate() {
            let eligible =
                Both { as_of: acr.eligible(Some(m), window, threshold), baseline: acr.eligible(b, window, threshold) };
            let net_add = i32::from(eligible.as_of) - i32::from(eligible.baseline);
            net_adds[t] += i64::from(net_add);
            contributes |= net_add != 0;
            let hint = match best {
                Some((value, month)) if !eligible.as_of && value > 0 => {
                    let short = threshold.saturating_sub(value);
                    let text = format!(
                        "{label}: {} more in {} from {name} makes it a customer (+1 net customer add).",
                        usd_text(short),
                        month_name(month)
                    );
                    hints.push((short, text.clone()));
                    Some(text)
                }
                _ => None,
            };
            parts.0.push((id.to_string(), AzureTenantTrack { eligible, net_add, hint }));
        }
        let months = [Some(m), m.minus(1), b, b.and_then(|b| b.minus(1))];
        let shown = |month: Option<Month>| coverage.covers(month).then(|| usd(acr.at(month)));
        if months.iter().any(|&month| acr.at(month) != 0) || customer {
            tenant_count += 1;
            if !level.is_full() {
                continue;
            }
            let acr_shown = AzureTenantAcr {
                as_of: shown(months[0]),
                previous: shown(months[1]),
                baseline: shown(months[2]),
                baseline_previous: shown(months[3]),
            };
            let entry = AzureTenant {
                id: tenant.id.clone(),
                name: tenant.name.clone(),
                segment,
                smb: is_smb,
                customer,
                acr: acr_shown,
                tracks: parts,
            };
            listed.push((contributes, now, entry));
        }
    }

    // Classification (section 2): the share of customers with a segment.
    let share = (with_segment > 0).then(|| smb as f64 / with_segment as f64);
    let class_track = (with_segment > 0).then(|| {
        let is_smb = (smb as i64) * 10_000 >= rules.smb_share_basis_points() * with_segment as i64;
        let other = area.data.track_choice.fallback.clone();
        let first_other =
            area.data.tracks.iter().map(|t| &t.id).find(|id| **id != rules.classification.smb_track).cloned();
        if is_smb {
            rules.classification.smb_track.clone()
        } else {
            other.or(first_other).unwrap_or_default()
        }
    });
    let classification =
        class_track.clone().map(|track| Classification { track, basis: "smbCustomerShare".into(), value: share });
    let mut warnings = vec![];
    let unsegmented = customers - with_segment;
    if with_segment > 0 && unsegmented > 0 {
        warnings.push(Warning {
            kind: WarningKind::UnsegmentedCustomers,
            file: None,
            message: format!("{unsegmented} customer(s) with ACR in {m} have no CustomerSegment: they are left out of the SMB share."),
        });
    }

    // Usage growth (section 5): TTM growth; a baseline of 0 or less is
    // below any minimum and earns nothing (no percentage exists).
    let growth_known = ttm_missing.is_none();
    let growth = growth_known.then(|| {
        if ttm_b > 0 {
            Points::fraction(ttm_m.saturating_sub(ttm_b), ttm_b).times(100)
        } else {
            Points::ZERO
        }
    });
    let baseline = growth_known.then(|| Points::fraction(ttm_b, 100));

    // Deployments (section 6): services with 12-month ACR above 0.
    let deployable = source == Source::AzureUsage && deployments_missing.is_none();
    let start = m.minus(rules.deployment_months - 1);
    let mut services = vec![];
    for (name, months) in store.services.iter().zip(&totals.service_months) {
        let start = start.unwrap_or(m);
        let mut in_window = 0i64;
        for (month, acr) in months.iter() {
            if start <= month && month <= m {
                in_window = in_window.saturating_add(acr);
            }
        }
        if months.is_empty() {
            continue;
        }
        let excluded = rules.excluded_from_deployments(name);
        let reason = if excluded {
            Some("excluded")
        } else if in_window <= 0 {
            Some("noPositiveAcr")
        } else {
            None
        };
        services.push(AzureService { name: name.clone(), acr: usd(in_window), deployment: reason.is_none(), reason });
    }
    let deployments = deployable.then(|| services.iter().filter(|s| s.deployment).count() as i64);

    let deployments_missing = deployments_missing.filter(|_| source == Source::AzureUsage);
    let missing = missing_message(source, coverage, [nca_missing, ttm_missing, deployments_missing]);

    // Unstable sorts (a smaller module) on keys that leave no ties.
    listed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.id.cmp(&b.2.id)));
    hints.sort_unstable();
    hints.truncate(MAX_HINTS);
    let mut hint_texts = Vec::with_capacity(hints.len());
    for (_, hint) in hints {
        hint_texts.push(hint);
    }
    let nca_known = nca_missing.is_none();
    let mut per_track = Vec::with_capacity(tracks.len());
    for (&(id, _, _), n) in tracks.iter().zip(net_adds) {
        per_track.push((id.to_string(), nca_known.then_some(n)));
    }
    let rows = |map: &super::store::IgnoredNames| {
        Keyed(map.iter().map(|(k, v)| (k.clone(), AzureRows { rows: v.rows, acr: usd(v.acr) })).collect())
    };
    let detail = AzureDetail {
        model: "azure",
        source: match source {
            Source::AzureUsage => FileKind::AzureUsage,
            Source::CustomersTenants => FileKind::CustomersTenants,
        },
        first_month: Some(coverage.first),
        last_month: Some(coverage.last),
        as_of: m,
        baseline: b,
        classification: AzureClassification { customers, with_segment, smb, share, track: class_track },
        ttm: AzureTtm {
            as_of: growth_known.then(|| usd(ttm_m)),
            baseline: growth_known.then(|| usd(ttm_b)),
            growth: growth.map(Points::as_f64),
        },
        tenant_count,
        set_aside: usd(totals.set_aside[src]),
        flagged: AzureRows { rows: store.flagged.rows, acr: usd(store.flagged.acr) },
        location_repeats: AzureRows { rows: totals.location_repeats.rows, acr: usd(totals.location_repeats.acr) },
        ignored: AzureIgnored { associations: rows(&store.ignored_associations), offers: rows(&store.ignored_offers) },
        offers_checked: !store.offers_unchecked,
        hints: hint_texts,
    };
    AzureModel {
        net_adds: per_track,
        growth,
        baseline,
        services: deployments,
        classification,
        missing,
        warnings,
        detail,
        tenants: listed,
        service_rows: services,
    }
}

/// Why metrics are unknown: the first month each needs that the data lacks
/// (azure.md section 3), or the service column a download does not have.
fn missing_message(source: Source, coverage: &Coverage, missing: [Option<Option<Month>>; 3]) -> Option<String> {
    let names = ["net customer adds", "usage growth", "deployments"];
    let mut parts = vec![];
    for (name, month) in names.iter().zip(missing) {
        match month {
            Some(Some(month)) => parts.push(format!("{month} for {name}")),
            Some(None) => parts.push(format!("earlier months for {name}")),
            None => {}
        }
    }
    let mut message = String::new();
    if !parts.is_empty() {
        message = format!(
            "The Azure data covers {} to {}, without {}. Download Partner Center's Azure usage report for the longest period (24 months).",
            coverage.first,
            coverage.last,
            parts.join(" or ")
        );
    }
    if source == Source::CustomersTenants {
        if !message.is_empty() {
            message.push(' ');
        }
        message.push_str(
            "Deployments need the Azure usage export: the Customers and tenants download has no service column.",
        );
    }
    (!message.is_empty()).then_some(message)
}

impl Measures for AzureModel {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        if from != "azure" {
            return None;
        }
        match (measure, option) {
            ("customers", None) => {
                let (_, net) = self.net_adds.iter().find(|(id, _)| id == track)?;
                net.map(|n| Points::fraction(n, 1))
            }
            ("acrGrowth", None) => self.growth,
            ("acrGrowth", Some("baseline")) => self.baseline,
            ("services", None) => self.services.map(|n| Points::fraction(n, 1)),
            _ => None,
        }
    }
}

impl DataModel for AzureModel {
    fn classify(&self) -> Option<Classification> {
        self.classification.clone()
    }

    fn detail(&self) -> Option<AreaDetail> {
        Some(AreaDetail::Azure(Box::new(self.detail.clone())))
    }

    fn lists(&self) -> Vec<(&'static str, usize)> {
        vec![("tenants", self.detail.tenant_count), ("services", self.service_rows.len())]
    }

    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        match list {
            "tenants" => {
                for (_, _, t) in &self.tenants {
                    each(&|| Row::AzureTenant(Box::new(t.clone())));
                }
            }
            "services" => {
                for s in &self.service_rows {
                    each(&|| Row::Service(Box::new(s.clone())));
                }
            }
            _ => return false,
        }
        true
    }

    fn missing(&self) -> Option<String> {
        self.missing.clone()
    }

    fn warnings(&self) -> Vec<Warning> {
        self.warnings.clone()
    }
}
