//! Distinct services with consumption in the last twelve months (the Azure
//! areas' deployments): not a net figure.

use super::{count_recommendation, unit_words, Advice, CountMetric, FedCount, Input};
use crate::report::Recommendation;

pub type Rule = FedCount;

pub fn score(rule: &Rule, id: &str, input: &Input<'_>) -> CountMetric {
    rule.count("services", id, input)
}

pub fn recommend(rule: &Rule, m: &CountMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
    let fallback =
        ("service with consumption in the last 12 months", "services with consumption in the last 12 months");
    count_recommendation(m, advice, unit_words(&rule.unit, fallback))
}
