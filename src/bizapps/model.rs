//! Business Applications' figures for one as-of month M and its baseline
//! B: revenue and consumption value per (tenant, workload) pair, the
//! classification, workload adds, usage growth and deployments
//! (business-applications.md sections 2 to 8), and their explanation.

use super::rules::{LineId, Rules, UsageColumn, WorkloadId};
use super::store::Store;
use super::{Units, UNIT};
use crate::kinds::Measures;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::grouped;
use crate::points::Points;
use crate::report::{
    AreaDetail, Both, BusinessApplicationsDetail, Classification, ClassificationDetail, ConsumptionPair, DeploymentGap,
    EachRow, Keyed, PairCount, PairName, PairUsage, RevenuePair, Row, Warning, WarningKind,
};
use crate::ruleset::Ruleset;
use crate::usage::store::TenantId;
use std::collections::BTreeMap;

/// One pair's usage in one month: users (or profiles) in hundredths, and
/// which numbers they were read from.
#[derive(Clone, Copy, Debug, Default)]
struct Usage {
    hundredths: u64,
    columns: u8,
}

/// The model of an area fed by the business applications downloads.
pub(crate) struct Model<'a> {
    rules: &'a Rules,
    store: &'a Store,
    area: &'a Ruleset,
    /// M, B, then the classification's months: the months looked at.
    months: Vec<Month>,
    /// Revenue per pair in each of `months`.
    revenue: BTreeMap<(TenantId, WorkloadId), Vec<Units>>,
    /// Usage per pair in M and B.
    usage: BTreeMap<(TenantId, LineId), [Usage; 2]>,
}

const M: usize = 0;
const B: usize = 1;

/// A pair in M and B against a threshold (at least): workload adds and
/// deployments alike.
fn counted(now: Units, then: Units, at_least: Units) -> PairCount {
    let (as_of, baseline) = (now >= at_least, then >= at_least);
    PairCount { as_of, baseline, net: i32::from(as_of) - i32::from(baseline) }
}

fn usd(units: Units) -> f64 {
    units as f64 / UNIT as f64
}

impl<'a> Model<'a> {
    /// `None` without an as-of month or a baseline before it.
    pub(crate) fn new(store: &'a Store, rules: &'a Rules, area: &'a Ruleset, as_of: Month) -> Option<Model<'a>> {
        let b = crate::areas::baseline(as_of)?;
        let mut months = vec![as_of, b];
        for &before in &rules.classification.months_before {
            let month = as_of.minus(before)?;
            if !months.contains(&month) {
                months.push(month);
            }
        }
        let mut revenue: BTreeMap<(TenantId, WorkloadId), Vec<Units>> = BTreeMap::new();
        for (key, kept) in &store.revenue {
            let Some(slot) = months.iter().position(|&m| m == key.month) else { continue };
            let pair = revenue.entry((key.tenant, key.workload)).or_insert_with(|| vec![0; months.len()]);
            // Cents to units.
            pair[slot] += Units::from(kept.value) * (UNIT / 100);
        }
        let mut usage: BTreeMap<(TenantId, LineId), [Usage; 2]> = BTreeMap::new();
        for (key, kept) in &store.usage {
            let Some(slot) = [as_of, b].iter().position(|&m| m == key.month) else { continue };
            let month = &mut usage.entry((key.tenant, kept.line)).or_default()[slot];
            month.hundredths = month.hundredths.saturating_add(kept.value.unsigned_abs());
            month.columns |= kept.column.map_or(0, |c| 1 << c as u8);
        }
        Some(Model { rules, store, area, months, revenue, usage })
    }

    fn has_revenue(&self, slot: usize) -> bool {
        self.store.revenue_months.contains(&self.months[slot])
    }
    fn has_usage(&self, slot: usize) -> bool {
        self.store.usage_months.contains(&self.months[slot])
    }

    /// Consumption value: usage x the line's rate (hundredths x millionths).
    fn mcv(&self, line: LineId, usage: Usage) -> Units {
        let rate = self.rules.lines.get(usize::from(line)).map_or(0, |l| l.rate_micro);
        Units::from(usage.hundredths) * Units::from(rate)
    }

    /// Per revenue pair: counted as a workload add on `track` in M and B.
    fn adds(&self, track: &str) -> Option<impl Iterator<Item = PairCount> + '_> {
        let at_least = self.rules.pair_revenue_at_least(track)?;
        (self.has_revenue(M) && self.has_revenue(B))
            .then(|| self.revenue.values().map(move |r| counted(r[M], r[B], at_least)))
    }

    /// Per consumption pair: a deployment on `track` in M and B.
    fn deployments(&self, track: &str) -> Option<impl Iterator<Item = PairCount> + '_> {
        let at_least = self.rules.deployment_at_least(track)?;
        (self.has_usage(M) && self.has_usage(B)).then(|| {
            self.usage.iter().map(move |(&(_, line), u)| counted(self.mcv(line, u[M]), self.mcv(line, u[B]), at_least))
        })
    }

    /// Consumption value of every pair in M or B.
    fn total_mcv(&self, slot: usize) -> Option<Units> {
        self.has_usage(slot).then(|| self.usage.iter().map(|(&(_, line), u)| self.mcv(line, u[slot])).sum())
    }

    /// growth % = (MCV(M) - MCV(B)) x 100 / MCV(B); nothing to grow from
    /// without a baseline (the minimum baseline then says why it earns 0).
    fn growth(&self) -> Option<Points> {
        let (now, then) = (self.total_mcv(M)?, self.total_mcv(B)?);
        Some(if then == 0 { Points::ZERO } else { Points::from_i128((now - then) * 100, then) })
    }

    /// Pairs above the classification's revenue in every month it looks
    /// at; `None` without revenue data for one of them.
    fn classifying(&self) -> Option<Vec<(TenantId, WorkloadId)>> {
        let c = &self.rules.classification;
        let slots: Vec<usize> = (c.months_before.iter())
            .filter_map(|&before| self.months[M].minus(before))
            .filter_map(|month| self.months.iter().position(|&m| m == month))
            .collect();
        if slots.len() != c.months_before.len() || !slots.iter().all(|&s| self.has_revenue(s)) {
            return None;
        }
        let above = |r: &Vec<Units>| slots.iter().all(|&s| r[s] > c.revenue_above);
        Some(self.revenue.iter().filter(|(_, r)| above(r)).map(|(&pair, _)| pair).collect())
    }

    fn tenant(&self, t: TenantId) -> (&str, Option<&str>) {
        let tenant = &self.store.tenants[t as usize];
        (&tenant.id, tenant.name.as_deref())
    }

    fn pair(&self, t: TenantId, workload: &str) -> PairName {
        let (id, name) = self.tenant(t);
        PairName { tenant: id.to_string(), tenant_name: name.map(str::to_string), workload: workload.to_string() }
    }

    /// The area's tracks that have figures, with their labels.
    fn tracks(&self) -> impl Iterator<Item = (&str, &str)> {
        let known = |t: &str| self.rules.pair_revenue_at_least(t).is_some();
        self.area.data.tracks.iter().filter(move |t| known(&t.id)).map(|t| (t.id.as_str(), t.label.as_str()))
    }

    /// Months of a download the metrics compare and it lacks.
    fn lacking(&self, has: impl Fn(usize) -> bool) -> Vec<Month> {
        [M, B].into_iter().filter(|&s| !has(s)).map(|s| self.months[s]).collect()
    }

    /// Every revenue pair, in (tenant, workload) order.
    fn revenue_rows(&self, each: &mut EachRow<'_>) {
        let classifying = self.classifying().unwrap_or_default();
        let month = |r: &Vec<Units>, slot: usize| self.has_revenue(slot).then(|| usd(r[slot]));
        for (&(t, w), r) in &self.revenue {
            each(&|| {
                let adds = self.tracks().filter_map(|(track, _)| {
                    let at_least = self.rules.pair_revenue_at_least(track)?;
                    Some((track.to_string(), counted(r[M], r[B], at_least)))
                });
                Row::Revenue(Box::new(RevenuePair {
                    pair: self.pair(t, &self.rules.workloads[usize::from(w)]),
                    as_of: month(r, M),
                    baseline: month(r, B),
                    adds: Keyed(adds.collect()),
                    classifies: classifying.contains(&(t, w)),
                }))
            });
        }
    }

    /// Every consumption pair, in (tenant, rate-card line) order.
    fn consumption_rows(&self, each: &mut EachRow<'_>) {
        for (&(t, l), u) in &self.usage {
            each(&|| {
                let line = &self.rules.lines[usize::from(l)];
                let month = |slot: usize| {
                    self.has_usage(slot).then(|| PairUsage {
                        usage: u[slot].hundredths as f64 / 100.0,
                        columns: UsageColumn::ALL
                            .into_iter()
                            .filter(|&c| u[slot].columns & 1 << c as u8 != 0)
                            .map(UsageColumn::name)
                            .collect(),
                        mcv: usd(self.mcv(l, u[slot])),
                    })
                };
                let (now, then) = (self.mcv(l, u[M]), self.mcv(l, u[B]));
                let deployments = self.tracks().filter_map(|(track, _)| {
                    let at_least = self.rules.deployment_at_least(track)?;
                    Some((track.to_string(), counted(now, then, at_least)))
                });
                Row::Consumption(Box::new(ConsumptionPair {
                    pair: self.pair(t, &line.id),
                    rate: line.rate_micro as f64 / 1e6,
                    unit: line.unit.clone(),
                    as_of: month(M),
                    baseline: month(B),
                    deployments: Keyed(deployments.collect()),
                }))
            });
        }
    }

    /// The pairs within reach of a deployment on some track, per track.
    fn within_reach(&self) -> Vec<DeploymentGap> {
        let mut gaps = vec![];
        for (&(t, l), u) in &self.usage {
            let line = &self.rules.lines[usize::from(l)];
            let now = self.mcv(l, u[M]);
            for (track, label) in self.tracks() {
                let Some(at_least) = self.rules.deployment_at_least(track) else { continue };
                let reach = at_least * Units::from(self.rules.within_reach_percent) / 100;
                if self.has_usage(M) && now > 0 && now < at_least && now >= reach {
                    gaps.push(self.gap(t, line, (track, label), at_least - now));
                }
            }
        }
        gaps
    }

    /// "4,200 more MCV in Fabrikam's Power Apps makes it a deployment: 21
    /// more monthly users".
    fn gap(
        &self,
        t: TenantId,
        line: &super::rules::Line,
        (track, label): (&str, &str),
        missing: Units,
    ) -> DeploymentGap {
        let ceil = |n: Units, d: Units| u64::try_from((n + d - 1) / d.max(1)).unwrap_or(u64::MAX);
        let mcv_missing = ceil(missing, UNIT);
        let usage_missing = ceil(missing, Units::from(line.rate_micro) * 100);
        let (one, many) = unit_words(&line.unit);
        let pair = self.pair(t, &line.id);
        let tenant = pair.tenant_name.as_deref().unwrap_or(&pair.tenant);
        let possessive = if tenant.ends_with('s') { "'" } else { "'s" };
        let message = format!(
            "{label}: {} more MCV in {tenant}{possessive} {} makes it a deployment: {} more {}.",
            grouped(mcv_missing),
            line.id,
            grouped(usage_missing),
            if usage_missing == 1 { one } else { many }
        );
        DeploymentGap { pair, track: track.to_string(), mcv_missing, usage_missing, unit: line.unit.clone(), message }
    }
}

/// Words for the usage a rate is per: monthly active users, or the unit
/// as the rate card writes it (`profiles`).
fn unit_words(unit: &str) -> (&str, &str) {
    match unit {
        "MAU" => ("monthly user", "monthly users"),
        other => (other.strip_suffix('s').unwrap_or(other), other),
    }
}

/// Pairs counted in M minus pairs counted in B.
fn net(pairs: Option<impl Iterator<Item = PairCount>>) -> Option<Points> {
    pairs.map(|p| Points::fraction(p.map(|c| i64::from(c.net)).sum(), 1))
}

impl Measures for Model<'_> {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        if from != "bizapps" {
            return None;
        }
        match (measure, option) {
            ("workloadAdds", None) => net(self.adds(track)),
            ("deployments", None) => net(self.deployments(track)),
            ("mcvGrowth", None) => self.growth(),
            ("mcvGrowth", Some("baseline")) => self.total_mcv(B).map(|b| Points::from_i128(b, UNIT)),
            _ => None,
        }
    }
}

impl DataModel for Model<'_> {
    fn classify(&self) -> Option<Classification> {
        let pairs = self.classifying()?.len();
        let c = &self.rules.classification;
        let track = if pairs >= c.pairs_at_least as usize { &c.track } else { &c.otherwise };
        Some(Classification { track: track.clone(), basis: "workloadRevenue".into(), value: Some(pairs as f64) })
    }

    fn detail(&self) -> Option<AreaDetail> {
        let c = &self.rules.classification;
        let classification = self.classifying().map(|deciding| ClassificationDetail {
            track: self.classify().map(|k| k.track).unwrap_or_default(),
            pairs: deciding.len() as u32,
            pairs_needed: c.pairs_at_least,
            revenue_above: usd(c.revenue_above),
            months: c.months_before.iter().filter_map(|&b| self.months[M].minus(b)).collect(),
            deciding: deciding.iter().map(|&(t, w)| self.pair(t, &self.rules.workloads[usize::from(w)])).collect(),
        });
        Some(AreaDetail::BusinessApplications(Box::new(BusinessApplicationsDetail {
            model: "businessApplications",
            as_of: Some(self.months[M]),
            baseline: Some(self.months[B]),
            mcv: Both { as_of: self.total_mcv(M).map(usd), baseline: self.total_mcv(B).map(usd) },
            classification,
            within_reach: self.within_reach(),
        })))
    }

    fn lists(&self) -> Vec<(&'static str, usize)> {
        let set_aside = self.store.set_aside_report().len();
        vec![("revenue", self.revenue.len()), ("consumption", self.usage.len()), ("setAside", set_aside)]
    }

    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        match list {
            "revenue" => self.revenue_rows(each),
            "consumption" => self.consumption_rows(each),
            "setAside" => {
                for row in self.store.set_aside_report() {
                    each(&|| Row::SetAside(Box::new(row.clone())));
                }
            }
            _ => return false,
        }
        true
    }

    fn warnings(&self) -> Vec<Warning> {
        let (m, b) = (self.months[M], self.months[B]);
        let say = |download: &str, lacking: Vec<Month>, loaded: bool, metrics: &str| {
            let months: Vec<String> = lacking
                .iter()
                .map(|month| if *month == b { format!("{b} (12 months before {m})") } else { month.to_string() })
                .collect();
            let message = if loaded {
                format!("The business applications {download} download has no rows for {}: {metrics} cannot be computed. Add the download that covers it.", months.join(" or "))
            } else {
                format!("No business applications {download} download was loaded: {metrics} cannot be computed. Download it from Partner Center (Insights) covering {m} and {b}.")
            };
            Warning { kind: WarningKind::MissingMonth, file: None, message }
        };
        let mut out = vec![];
        let revenue = self.lacking(|s| self.has_revenue(s));
        if !revenue.is_empty() {
            let loaded = !self.store.revenue_months.is_empty();
            out.push(say("revenue", revenue, loaded, "net customer adds (workload adds) and the classification"));
        }
        let usage = self.lacking(|s| self.has_usage(s));
        if !usage.is_empty() {
            out.push(say("usage", usage, !self.store.usage_months.is_empty(), "usage growth and deployments"));
        }
        out
    }

    fn missing(&self) -> Option<String> {
        let (m, b) = (self.months[M], self.months[B]);
        let downloads: Vec<&str> =
            [("revenue", self.lacking(|s| self.has_revenue(s))), ("usage", self.lacking(|s| self.has_usage(s)))]
                .into_iter()
                .filter(|(_, lacking)| !lacking.is_empty())
                .map(|(download, _)| download)
                .collect();
        (!downloads.is_empty()).then(|| {
            format!(
                "Load Partner Center's business applications {} download covering {m} and {b} (Insights), or enter the values Partner Center shows.",
                downloads.join(" and ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_grouped_and_units_worded() {
        assert_eq!(grouped(4200), "4,200");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(unit_words("MAU"), ("monthly user", "monthly users"));
        assert_eq!(unit_words("profiles"), ("profile", "profiles"));
    }
}
