//! Percent growth of a consumption measure between the baseline and the
//! as-of month (Azure consumed revenue over twelve months; Business
//! Applications' monthly consumption value), with a minimum baseline below
//! which it earns nothing.

use super::Recommendation;
use super::{positive, sub_path, Advice, Input, Kind, Metric, Source, Written};
use crate::points::{grouped, more_of, prose, Points, Value};
use crate::to_json::json_object;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// Growth in percent that earns `max`.
    pub threshold: u32,
    /// The baseline figure needed for any points (USD, consumption value).
    pub minimum_baseline: u64,
    pub from: String,
    pub measure: String,
}

#[derive(Clone, Debug)]
pub struct GrowthMetric {
    pub points: Option<Points>,
    pub max: u32,
    /// Growth in percent.
    pub value: Option<Points>,
    pub threshold: u32,
    /// The baseline figure the growth is measured from, when known.
    pub baseline: Option<Points>,
    pub minimum_baseline: u64,
    /// Why the growth earns nothing, when the baseline is below the minimum.
    pub reason: Option<String>,
    pub kind: &'static str,
    pub source: Option<Source>,
}

impl Kind for Rule {
    fn read(mut w: Written) -> Result<Rule, String> {
        let (from, measure) = w.fed()?;
        Ok(Rule { max: w.max, threshold: w.threshold, minimum_baseline: w.minimum_baseline, from, measure })
    }

    fn max(&self) -> u32 {
        self.max
    }

    fn fed_by(&self) -> Option<(&str, &str)> {
        Some((&self.from, &self.measure))
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        Metric::Growth(self.growth(id, input))
    }

    fn typed_paths(&self, id: &str) -> Vec<String> {
        vec![id.to_string(), sub_path(id, "baseline")]
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Growth(m) = metric else { return vec![] };
        self.growth_needed(m, advice)
    }

    fn validate(&self, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
        positive(self.threshold)
    }
}

impl Rule {
    /// A typed growth is Partner Center's own figure: the minimum is only
    /// checked against a baseline typed with it (designations.md section 7).
    fn growth(&self, id: &str, input: &Input<'_>) -> GrowthMetric {
        let data = |part: Option<&str>| input.data.measure(&self.from, &self.measure, input.track, part);
        let (value, baseline, source) = match input.typed.get(id) {
            Some(typed) => (Some(typed), input.typed.sub(id, "baseline"), Some(Source::Manual)),
            None => {
                let value = data(None);
                (value, data(Some("baseline")), value.map(|_| Source::File))
            }
        };
        let minimum = Points::fraction(i64::try_from(self.minimum_baseline).unwrap_or(i64::MAX), 1);
        let below = baseline.filter(|b| *b < minimum);
        let reason = below.map(|b| {
            format!(
                "the baseline ({}) is below the minimum of {}: usage growth earns no points",
                prose(b),
                grouped(self.minimum_baseline)
            )
        });
        let points =
            value.map(|v| if below.is_some() { Points::ZERO } else { Points::linear(v, self.threshold, self.max) });
        GrowthMetric {
            points,
            max: self.max,
            value,
            threshold: self.threshold,
            baseline,
            minimum_baseline: self.minimum_baseline,
            reason,
            kind: "growth",
            source,
        }
    }

    /// The growth still needed, or the baseline that would unlock points.
    fn growth_needed(&self, m: &GrowthMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let (Some(points), Some(value)) = (m.points, m.value) else { return vec![] };
        if points >= Points::whole(m.max) {
            return vec![];
        }
        let gain = Points::difference(Points::whole(m.max), points);
        let label = advice.track_label;
        if let Some(reason) = &m.reason {
            let message = format!(
                "{label}: {reason}; a baseline of at least {} unlocks up to {} points.",
                grouped(m.minimum_baseline),
                m.max
            );
            return vec![advice.recommendation(1, "baseline", gain, Points::ZERO, message)];
        }
        let needed = value.units_to(Points::whole(m.threshold), Points::whole(1)).max(1);
        let per_point = Points::linear(Points::whole(1), m.threshold, m.max);
        let message = format!(
            "{label}: you need {} of usage growth to achieve {} points.",
            more_of(needed, "", "percentage points"),
            prose(gain)
        );
        vec![advice.recommendation(needed, "percentage points of usage growth", gain, per_point.min(gain), message)]
    }
}

// How it is written (`crate::to_json`).
json_object! {
    GrowthMetric => |t| {
        "points": t.points, "max": t.max, "value": Value(&t.value), "threshold": t.threshold,
        "baseline": Value(&t.baseline), "minimumBaseline": t.minimum_baseline, "reason": t.reason, "kind": t.kind,
        "source": t.source
    }
}
