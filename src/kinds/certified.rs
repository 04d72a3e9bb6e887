//! Certified people on one certification list, scored pro rata (Modern
//! Work, Business Applications): a person counts once however many of the
//! list's certifications they hold.

use super::Recommendation;
use super::{
    count, count_recommendation, known_list, positive, unit_words, Advice, Input, Kind, Metric, Source, Written,
};
use crate::points::Points;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// People that earn `max`.
    pub threshold: u32,
    /// The key of the area's `certificationLists` people count from.
    pub list: String,
    /// Words for one person and several, in recommendations.
    pub unit: Option<[String; 2]>,
}

impl Kind for Rule {
    fn read(w: Written) -> Result<Rule, String> {
        let list = Written::need(w.list, &w.kind, "list")?;
        Ok(Rule { max: w.max, threshold: w.threshold, list, unit: w.unit })
    }

    fn max(&self) -> u32 {
        self.max
    }

    /// The skilling list gives a known count, 0 without a list; a typed
    /// count replaces it.
    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        let figure = match input.typed.get(id) {
            Some(typed) => (Some(typed), Some(Source::Manual)),
            None => (Some(Points::whole(input.people.on(&self.list).len() as u32)), Some(Source::File)),
        };
        Metric::Count(count("people", self.max, self.threshold, figure))
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Count(m) = metric else { return vec![] };
        count_recommendation(m, advice, unit_words(&self.unit, ("certified person", "certified people")))
    }

    fn lists(&self, id: &str) -> Vec<(String, String)> {
        vec![(id.to_string(), self.list.clone())]
    }

    fn validate(&self, known: &dyn Fn(&str) -> bool) -> Result<(), String> {
        positive(self.threshold)?;
        known_list(&self.list, known)
    }
}
