//! Parts computed separately and added (Security: an Azure part and a
//! Microsoft 365 part per customer metric). Each part is floored at zero,
//! the sum capped at the metric's maximum. With one part unknown the metric
//! shows the other part's points, flagged as incomplete.

use super::Recommendation;
use super::{positive, sub_paths, unit_words, Advice, Input, Kind, Metric, Source, Written};
use crate::keyed::Keyed;
use crate::points::{Points, Value};
use crate::to_json::json_object;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug)]
pub struct Part {
    pub id: String,
    pub label: String,
    pub from: String,
    pub measure: String,
    /// The part's figure that alone would earn the metric's `max`.
    pub threshold: u32,
    pub unit: Option<[String; 2]>,
}

#[derive(Clone, Debug)]
pub struct PartsMetric {
    /// The known parts' points added; `None` when no part is known.
    pub points: Option<Points>,
    pub max: u32,
    pub parts: Keyed<PartScore>,
    pub kind: &'static str,
    pub source: Option<Source>,
}

#[derive(Clone, Debug)]
pub struct PartScore {
    pub label: String,
    pub points: Option<Points>,
    pub value: Option<Points>,
    pub threshold: u32,
    pub source: Option<Source>,
}

impl Kind for Rule {
    fn read(w: Written) -> Result<Rule, String> {
        Ok(Rule { max: w.max, parts: w.parts })
    }

    fn max(&self) -> u32 {
        self.max
    }

    fn parts(&self) -> Vec<(&str, &str, u32)> {
        self.parts.iter().map(|p| (p.from.as_str(), p.measure.as_str(), p.threshold)).collect()
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        Metric::Parts(self.by_part(id, input))
    }

    fn typed_paths(&self, id: &str) -> Vec<String> {
        sub_paths(id, self.parts.iter().map(|p| p.id.as_str()))
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Parts(m) = metric else { return vec![] };
        self.per_part(m, advice)
    }

    fn validate(&self, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
        if self.parts.is_empty() {
            return Err("parts metrics need parts".into());
        }
        self.parts.iter().try_for_each(|p| positive(p.threshold))
    }
}

impl Rule {
    fn by_part(&self, id: &str, input: &Input<'_>) -> PartsMetric {
        let mut parts = Keyed::default();
        for part in &self.parts {
            let (value, source) = match input.typed.sub(id, &part.id) {
                Some(typed) => (Some(typed), Some(Source::Manual)),
                None => {
                    let computed = input.data.measure(&part.from, &part.measure, input.track, None);
                    (computed, computed.map(|_| Source::File))
                }
            };
            let points = value.map(|v| Points::linear(v, part.threshold, self.max));
            let label = if part.label.is_empty() { part.id.clone() } else { part.label.clone() };
            parts.0.push((part.id.clone(), PartScore { label, points, value, threshold: part.threshold, source }));
        }
        // The known parts' points added, and the first part's source (a
        // typed one wins).
        let (mut sum, mut source) = (None, None);
        for part in parts.values() {
            if let Some(p) = part.points {
                sum = Some(sum.unwrap_or(Points::ZERO) + p);
            }
            match part.source {
                Some(Source::Manual) => source = part.source,
                Some(_) if source.is_none() => source = part.source,
                _ => {}
            }
        }
        let points = sum.map(|p: Points| p.min(Points::whole(self.max)));
        PartsMetric { points, max: self.max, parts, kind: "parts", source }
    }

    /// A step per part: what that part alone needs to reach the maximum.
    fn per_part(&self, m: &PartsMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Some(points) = m.points else { return vec![] };
        if points >= Points::whole(m.max) {
            return vec![];
        }
        let gain = Points::difference(Points::whole(m.max), points);
        let mut out = vec![];
        for (part, (_, score)) in self.parts.iter().zip(&m.parts.0) {
            let Some(value) = score.value else { continue };
            let per_unit = Points::linear(Points::whole(1), part.threshold, m.max);
            // What is left to gain, from this part alone (a part below zero
            // earns nothing until it is back above it).
            let behind = Points::ZERO.max(Points::ZERO.difference_from(value));
            let needed = Points::ZERO.units_to(gain, per_unit).saturating_add(behind.whole_part() as u64).max(1);
            let (one, many) = unit_words(&part.unit, ("unit", "units"));
            let message = advice.you_need(needed, &score.label, if needed == 1 { one } else { many }, gain);
            let mut r = advice.recommendation(needed, many, gain, per_unit.min(gain), message);
            r.option = Some(part.id.clone());
            r.best = false;
            out.push(r);
        }
        if let Some(best) = out.iter_mut().max_by_key(|r| r.unit_gain) {
            best.best = true;
        }
        out
    }
}

// How it is written (`crate::to_json`).
json_object! {
    PartsMetric => |t| { "points": t.points, "max": t.max, "parts": t.parts, "kind": t.kind, "source": t.source }
    PartScore => |t| { "label": t.label, "points": t.points, "value": Value(&t.value), "threshold": t.threshold, "source": t.source }
}
