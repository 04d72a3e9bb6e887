//! Certified people on one certification list, scored pro rata (Modern
//! Work, Business Applications): a person counts once however many of the
//! list's certifications they hold.

use super::{count, count_recommendation, Advice, CountMetric, Input, Source};
use crate::points::Points;
use crate::report::Recommendation;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// People that earn `max`.
    pub threshold: u32,
    /// The key of the area's `certificationLists` people count from.
    pub list: String,
}

impl Rule {
    /// The skilling list gives a known count, 0 without a list; a typed
    /// count replaces it.
    pub fn score(&self, id: &str, input: &Input<'_>) -> CountMetric {
        let figure = match input.typed.get(id) {
            Some(typed) => (Some(typed), Some(Source::Manual)),
            None => (Some(Points::whole(input.people.on(&self.list).len() as u32)), Some(Source::File)),
        };
        count("people", self.max, self.threshold, figure)
    }

    pub fn recommend(&self, m: &CountMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let words = match advice.metric {
            "advancedCertifications" => {
                ("person with an advanced certification", "people with an advanced certification")
            }
            "intermediateCertifications" => {
                ("person with an intermediate certification", "people with an intermediate certification")
            }
            _ => ("certified person", "certified people"),
        };
        count_recommendation(m, advice, words)
    }
}
