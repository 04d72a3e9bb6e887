//! Distinct services with consumption in the last twelve months (the Azure
//! areas' deployments): not a net figure.

use super::Recommendation;
use super::{count_recommendation, positive, unit_words, Advice, FedCount, Input, Kind, Metric, Written};

#[derive(Clone, Debug)]
pub struct Rule(pub FedCount);

impl Kind for Rule {
    fn read(written: Written) -> Result<Rule, String> {
        FedCount::read(written).map(Rule)
    }

    fn max(&self) -> u32 {
        self.0.max
    }

    fn fed_by(&self) -> Option<(&str, &str)> {
        self.0.fed_by()
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        Metric::Count(self.0.count("services", id, input))
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Count(m) = metric else { return vec![] };
        count_recommendation(m, advice, unit_words(&self.0.unit, ("service", "services")))
    }

    fn validate(&self, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
        positive(self.0.threshold)
    }
}
