//! Distinct services with consumption in the last twelve months (the Azure
//! areas' deployments): not a net figure.

use super::{count, count_recommendation, figure, unit_words, Advice, CountMetric, Input};
use crate::report::Recommendation;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// Services that earn `max`.
    pub threshold: u32,
    pub from: String,
    pub measure: String,
    pub unit: Option<[String; 2]>,
}

impl Rule {
    pub fn score(&self, id: &str, input: &Input<'_>) -> CountMetric {
        let computed = input.data.measure(&self.from, &self.measure, input.track, None);
        count("services", self.max, self.threshold, figure(input, id, computed))
    }

    pub fn recommend(&self, m: &CountMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let fallback =
            ("service with consumption in the last 12 months", "services with consumption in the last 12 months");
        count_recommendation(m, advice, unit_words(&self.unit, fallback))
    }
}
