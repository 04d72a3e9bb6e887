//! Tenants counted in the as-of month minus those in the baseline month:
//! net customer adds, Business Applications' workload adds and net
//! deployments. The data model decides which tenants count; the kind turns
//! the net into points.

use super::{count, count_recommendation, figure, unit_words, Advice, CountMetric, Input};
use crate::report::Recommendation;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// Net count that earns `max`.
    pub threshold: u32,
    /// The data model (`usage`, `azure`, `bizapps`) and what it counts.
    pub from: String,
    pub measure: String,
    /// Words for one unit and several, in recommendations.
    pub unit: Option<[String; 2]>,
}

impl Rule {
    pub fn score(&self, id: &str, input: &Input<'_>) -> CountMetric {
        let computed = input.data.measure(&self.from, &self.measure, input.track, None);
        count("tenants", self.max, self.threshold, figure(input, id, computed))
    }

    pub fn recommend(&self, m: &CountMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let fallback = match self.measure.as_str() {
            "workloadAdds" => ("net workload add", "net workload adds"),
            "deployments" | "deployedTenants" => ("net deployment", "net deployments"),
            _ => ("net customer add", "net customer adds"),
        };
        count_recommendation(m, advice, unit_words(&self.unit, fallback))
    }
}
