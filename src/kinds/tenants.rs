//! Tenants counted in the as-of month minus those in the baseline month:
//! net customer adds, Business Applications' workload adds and net
//! deployments. The data model decides which tenants count; the kind turns
//! the net into points.

use super::{count_recommendation, unit_words, Advice, CountMetric, FedCount, Input};
use crate::report::Recommendation;

pub type Rule = FedCount;

pub fn score(rule: &Rule, id: &str, input: &Input<'_>) -> CountMetric {
    rule.count("tenants", id, input)
}

pub fn recommend(rule: &Rule, m: &CountMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
    let fallback = match rule.measure.as_str() {
        "workloadAdds" => ("net workload add", "net workload adds"),
        "deployments" | "deployedTenants" => ("net deployment", "net deployments"),
        _ => ("net customer add", "net customer adds"),
    };
    count_recommendation(m, advice, unit_words(&rule.unit, fallback))
}
