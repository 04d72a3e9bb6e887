//! Counts a data model feeds, scored pro rata. Two kinds, one rule: they
//! differ in what the model counts and how a recommendation says it, not
//! in how they score.
//! - `tenants`: tenants counted in the as-of month minus those in the
//!   baseline month (net customer adds, Business Applications' workload
//!   adds, net deployments);
//! - `services`: distinct services with consumption in the last twelve
//!   months (the Azure areas' deployments): not a net figure.

use super::Recommendation;
use super::{count, count_recommendation, figure, positive, unit_words, Advice, Input, Kind, Metric, Written};

/// Each kind's name and its words for one unit and several.
const KINDS: [(&str, (&str, &str)); 2] =
    [("tenants", ("net tenant add", "net tenant adds")), ("services", ("service", "services"))];

#[derive(Clone, Debug)]
pub struct Rule {
    /// The kind's name, as rulesets write it.
    pub kind: &'static str,
    pub max: u32,
    /// The count that earns `max`.
    pub threshold: u32,
    /// The data model (`usage`, `azure`, `bizapps`) and what it counts.
    pub from: String,
    pub measure: String,
    /// Words for one unit and several, in recommendations.
    pub unit: Option<[String; 2]>,
}

impl Rule {
    fn words(&self) -> (&str, &str) {
        let kind = KINDS.iter().find(|(name, _)| *name == self.kind);
        unit_words(&self.unit, kind.map_or(("unit", "units"), |&(_, words)| words))
    }
}

impl Kind for Rule {
    fn read(mut w: Written) -> Result<Rule, String> {
        let (from, measure) = w.fed()?;
        // Read only for the kinds' names (`kinds!`).
        let &(kind, _) = KINDS.iter().find(|(name, _)| *name == w.kind).unwrap_or(&KINDS[0]);
        Ok(Rule { kind, max: w.max, threshold: w.threshold, from, measure, unit: w.unit })
    }

    fn max(&self) -> u32 {
        self.max
    }

    fn fed_by(&self) -> Option<(&str, &str)> {
        Some((&self.from, &self.measure))
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        let computed = input.data.measure(&self.from, &self.measure, input.track, None);
        Metric::Count(count(self.kind, self.max, self.threshold, figure(input, id, computed)))
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Count(m) = metric else { return vec![] };
        count_recommendation(m, advice, self.words())
    }

    fn validate(&self, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
        positive(self.threshold)
    }
}
