//! Business Applications' figures for one as-of month M and its baseline
//! B: revenue and consumption value per (tenant, workload) pair, the
//! classification, workload adds, usage growth and deployments
//! (business-applications.md sections 2 to 8), and their explanation.

use super::rules::{LineId, Rules, UsageColumn, WorkloadId};
use super::store::{Kept, Key, Store};
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
use crate::usage::store::{FastMap, TenantId};
use std::collections::BTreeSet;
use std::fmt::Write;

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
    /// The area's tracks that have figures: (id, label).
    tracks: Vec<(&'a str, &'a str)>,
    /// M, B, then the classification's months: the months looked at.
    months: Vec<Month>,
    /// Revenue per pair in each of `months`, in pair order.
    revenue: Vec<((TenantId, WorkloadId), Vec<Units>)>,
    /// Usage per pair in M and B, in pair order.
    usage: Vec<((TenantId, LineId), [Usage; 2])>,
}

/// The kept rows of `map` in `months`, with their month's index, sorted by
/// (tenant, `second`): the pairs, whose values are then added up run by run
/// (sorted vectors: smaller than maps; one sort for both downloads).
fn by_pair<'s>(
    map: &'s FastMap<Key, Kept>,
    months: &[Month],
    second: fn(&Key, &Kept) -> u16,
) -> Vec<((TenantId, u16), usize, &'s Kept)> {
    let mut kept = vec![];
    for (key, row) in map {
        if let Some(slot) = months.iter().position(|&m| m == key.month) {
            kept.push(((key.tenant, second(key, row)), slot, row));
        }
    }
    kept.sort_unstable_by_key(|k| k.0);
    kept
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
        // The kept values of the months looked at, sorted by pair, then
        // added up pair by pair (sorted vectors: smaller than maps).
        let kept = by_pair(&store.revenue, &months, |key, _| key.workload);
        let mut revenue = vec![];
        for run in kept.chunk_by(|a, b| a.0 == b.0) {
            let mut pair = vec![0; months.len()];
            for &(_, slot, row) in run {
                // Cents to units.
                pair[slot] += Units::from(row.value) * (UNIT / 100);
            }
            revenue.push((run[0].0, pair));
        }
        drop(kept);
        let kept = by_pair(&store.usage, &[as_of, b], |_, row| u16::from(row.line));
        let mut usage = vec![];
        for run in kept.chunk_by(|a, b| a.0 == b.0) {
            let mut pair = [Usage::default(); 2];
            for &(_, slot, row) in run {
                let month = &mut pair[slot];
                month.hundredths = month.hundredths.saturating_add(row.value.unsigned_abs());
                month.columns |= row.column.map_or(0, |c| 1 << c as u8);
            }
            let (tenant, line) = run[0].0;
            usage.push(((tenant, line as LineId), pair));
        }
        let mut tracks = vec![];
        for t in &area.data.tracks {
            if rules.pair_revenue_at_least(&t.id).is_some() {
                tracks.push((t.id.as_str(), t.label.as_str()));
            }
        }
        Some(Model { rules, store, tracks, months, revenue, usage })
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

    /// Consumption value of every pair in M or B.
    fn total_mcv(&self, slot: usize) -> Option<Units> {
        self.has_usage(slot).then(|| self.usage.iter().map(|&((_, line), u)| self.mcv(line, u[slot])).sum())
    }

    /// growth % = (MCV(M) - MCV(B)) x 100 / MCV(B); nothing to grow from
    /// without a baseline (the minimum baseline then says why it earns 0).
    fn growth(&self) -> Option<Points> {
        let (now, then) = (self.total_mcv(M)?, self.total_mcv(B)?);
        Some(if then == 0 { Points::ZERO } else { Points::from_i128((now - then) * 100, then) })
    }

    /// Pairs above the classification's revenue in every month it looks
    /// at, in pair order; `None` without revenue data for one of them.
    fn classifying(&self) -> Option<Vec<(TenantId, WorkloadId)>> {
        let c = &self.rules.classification;
        let mut slots = vec![];
        for &before in &c.months_before {
            let slot = self.months[M].minus(before).and_then(|month| self.months.iter().position(|&m| m == month));
            match slot {
                Some(slot) if self.has_revenue(slot) => slots.push(slot),
                _ => return None,
            }
        }
        let mut pairs = vec![];
        for (pair, r) in &self.revenue {
            if slots.iter().all(|&s| r[s] > c.revenue_above) {
                pairs.push(*pair);
            }
        }
        Some(pairs)
    }

    /// The track `pairs` classifying pairs make.
    fn class_track(&self, pairs: usize) -> &String {
        let c = &self.rules.classification;
        if pairs >= c.pairs_at_least as usize {
            &c.track
        } else {
            &c.otherwise
        }
    }

    fn tenant(&self, t: TenantId) -> (&str, Option<&str>) {
        let tenant = &self.store.tenants[t as usize];
        (&tenant.id, tenant.name.as_deref())
    }

    fn pair(&self, t: TenantId, workload: &str) -> PairName {
        let (id, name) = self.tenant(t);
        PairName { tenant: id.to_string(), tenant_name: name.map(str::to_string), workload: workload.to_string() }
    }

    /// Per track with a threshold (`at_least`), a pair valued `now` in M
    /// and `then` in B counted against it.
    fn per_track(&self, now: Units, then: Units, at_least: fn(&Rules, &str) -> Option<Units>) -> Keyed<PairCount> {
        let mut out = vec![];
        for &(track, _) in &self.tracks {
            if let Some(at_least) = at_least(self.rules, track) {
                out.push((track.to_string(), counted(now, then, at_least)));
            }
        }
        Keyed(out)
    }

    /// The two downloads: name, months read, and the metrics they feed.
    fn downloads(&self) -> [(&'static str, &BTreeSet<Month>, &'static str); 2] {
        [
            ("revenue", &self.store.revenue_months, "net customer adds (workload adds) and the classification"),
            ("usage", &self.store.usage_months, "usage growth and deployments"),
        ]
    }

    /// M and B, those of them `read` lacks.
    fn lacking(&self, read: &BTreeSet<Month>) -> Vec<Month> {
        let mut out = vec![];
        for month in [self.months[M], self.months[B]] {
            if !read.contains(&month) {
                out.push(month);
            }
        }
        out
    }

    /// Every revenue pair, in (tenant, workload) order.
    fn revenue_rows(&self, each: &mut EachRow<'_>) {
        let classifying = self.classifying().unwrap_or_default();
        let month = |r: &Vec<Units>, slot: usize| self.has_revenue(slot).then(|| usd(r[slot]));
        for &((t, w), ref r) in &self.revenue {
            each(&|| {
                Row::Revenue(Box::new(RevenuePair {
                    pair: self.pair(t, &self.rules.workloads[usize::from(w)]),
                    as_of: month(r, M),
                    baseline: month(r, B),
                    adds: self.per_track(r[M], r[B], Rules::pair_revenue_at_least),
                    // Both in pair order.
                    classifies: classifying.binary_search(&(t, w)).is_ok(),
                }))
            });
        }
    }

    /// Every consumption pair, in (tenant, rate-card line) order.
    fn consumption_rows(&self, each: &mut EachRow<'_>) {
        for &((t, l), u) in &self.usage {
            each(&|| {
                let line = &self.rules.lines[usize::from(l)];
                let month = |slot: usize| {
                    let mut columns = vec![];
                    for c in UsageColumn::ALL {
                        if u[slot].columns & 1 << c as u8 != 0 {
                            columns.push(c.name());
                        }
                    }
                    let usage = u[slot].hundredths as f64 / 100.0;
                    self.has_usage(slot).then(|| PairUsage { usage, columns, mcv: usd(self.mcv(l, u[slot])) })
                };
                let (now, then) = (self.mcv(l, u[M]), self.mcv(l, u[B]));
                Row::Consumption(Box::new(ConsumptionPair {
                    pair: self.pair(t, &line.id),
                    rate: line.rate_micro as f64 / 1e6,
                    unit: line.unit.clone(),
                    as_of: month(M),
                    baseline: month(B),
                    deployments: self.per_track(now, then, Rules::deployment_at_least),
                }))
            });
        }
    }

    /// The pairs within reach of a deployment on some track, per track.
    fn within_reach(&self) -> Vec<DeploymentGap> {
        let mut gaps = vec![];
        for &((t, l), u) in &self.usage {
            let line = &self.rules.lines[usize::from(l)];
            let now = self.mcv(l, u[M]);
            for &(track, label) in &self.tracks {
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

/// Pairs counted in M minus pairs counted in B, when both months are
/// read: each pair's values in M and B by `value`.
fn net<T>(known: bool, at_least: Units, pairs: &[T], value: impl Fn(&T) -> (Units, Units)) -> Option<Points> {
    let mut net = 0i64;
    for pair in pairs {
        let (now, then) = value(pair);
        net += i64::from(counted(now, then, at_least).net);
    }
    known.then(|| Points::fraction(net, 1))
}

impl Measures for Model<'_> {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        if from != "bizapps" {
            return None;
        }
        match (measure, option) {
            ("workloadAdds", None) => {
                let at_least = self.rules.pair_revenue_at_least(track)?;
                let known = self.has_revenue(M) && self.has_revenue(B);
                net(known, at_least, &self.revenue, |(_, r)| (r[M], r[B]))
            }
            ("deployments", None) => {
                let at_least = self.rules.deployment_at_least(track)?;
                let known = self.has_usage(M) && self.has_usage(B);
                net(known, at_least, &self.usage, |&((_, l), u)| (self.mcv(l, u[M]), self.mcv(l, u[B])))
            }
            ("mcvGrowth", None) => self.growth(),
            ("mcvGrowth", Some("baseline")) => self.total_mcv(B).map(|b| Points::from_i128(b, UNIT)),
            _ => None,
        }
    }
}

impl DataModel for Model<'_> {
    fn classify(&self) -> Option<Classification> {
        let pairs = self.classifying()?.len();
        let track = self.class_track(pairs).clone();
        Some(Classification { track, basis: "workloadRevenue".into(), value: Some(pairs as f64) })
    }

    fn detail(&self) -> Option<AreaDetail> {
        let c = &self.rules.classification;
        let classification = self.classifying().map(|pairs| {
            let mut months = vec![];
            for &before in &c.months_before {
                months.extend(self.months[M].minus(before));
            }
            let mut deciding = vec![];
            for &(t, w) in &pairs {
                deciding.push(self.pair(t, &self.rules.workloads[usize::from(w)]));
            }
            ClassificationDetail {
                track: self.class_track(pairs.len()).clone(),
                pairs: pairs.len() as u32,
                pairs_needed: c.pairs_at_least,
                revenue_above: usd(c.revenue_above),
                months,
                deciding,
            }
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
        let set_aside = self.store.set_aside_count();
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
        let mut out = vec![];
        for (download, read, metrics) in self.downloads() {
            let lacking = self.lacking(read);
            if lacking.is_empty() {
                continue;
            }
            let message = if read.is_empty() {
                format!("No business applications {download} download was loaded: {metrics} cannot be computed. Download it from Partner Center (Insights) covering {m} and {b}.")
            } else {
                let mut months = String::new();
                for month in lacking {
                    let or = if months.is_empty() { "" } else { " or " };
                    let _ = if month == b {
                        write!(months, "{or}{b} (12 months before {m})")
                    } else {
                        write!(months, "{or}{month}")
                    };
                }
                format!("The business applications {download} download has no rows for {months}: {metrics} cannot be computed. Add the download that covers it.")
            };
            out.push(Warning { kind: WarningKind::MissingMonth, file: None, message });
        }
        out
    }

    fn missing(&self) -> Option<String> {
        let (m, b) = (self.months[M], self.months[B]);
        let mut downloads = String::new();
        for (download, read, _) in self.downloads() {
            if !self.lacking(read).is_empty() {
                let and = if downloads.is_empty() { "" } else { " and " };
                downloads = format!("{downloads}{and}{download}");
            }
        }
        (!downloads.is_empty()).then(|| {
            format!(
                "Load Partner Center's business applications {downloads} download covering {m} and {b} (Insights), or enter the values Partner Center shows."
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
