//! The best of per-association options (Modern Work's usage growth and
//! deployments): each option is scored on its own and the metric takes the
//! best option's points, not the sum.

use super::Recommendation;
use super::{figure, positive, sub_path, sub_paths, unit_words, Advice, Input, Kind, Metric, Source, Written};
use crate::keyed::Keyed;
use crate::points::Points;
use crate::to_json::json_object;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    pub options: Vec<MetricOption>,
    pub from: String,
    pub measure: String,
    /// Words for one unit and several, in recommendations.
    pub unit: Option<[String; 2]>,
}

#[derive(Clone, Debug)]
pub struct MetricOption {
    pub association: String,
    pub threshold: u32,
}

#[derive(Clone, Debug)]
pub struct OptionMetric {
    pub points: Option<Points>,
    pub max: u32,
    /// The association option whose points count.
    pub best_option: Option<String>,
    pub options: Keyed<OptionScore>,
    pub kind: &'static str,
    pub source: Option<Source>,
}

#[derive(Clone, Debug)]
pub struct OptionScore {
    pub value: Option<f64>,
    pub threshold: u32,
    pub points: Option<Points>,
    pub source: Option<Source>,
}

impl Kind for Rule {
    fn read(mut w: Written) -> Result<Rule, String> {
        let (from, measure) = w.fed()?;
        Ok(Rule { max: w.max, options: w.options, from, measure, unit: w.unit })
    }

    fn max(&self) -> u32 {
        self.max
    }

    fn fed_by(&self) -> Option<(&str, &str)> {
        Some((&self.from, &self.measure))
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        Metric::Options(self.best_option(id, input))
    }

    fn typed_paths(&self, id: &str) -> Vec<String> {
        sub_paths(id, self.options.iter().map(|o| o.association.as_str()))
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Options(m) = metric else { return vec![] };
        self.per_option(m, advice)
    }

    fn validate(&self, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
        if self.options.is_empty() {
            return Err("options metrics need options".into());
        }
        self.options.iter().try_for_each(|o| positive(o.threshold))
    }
}

impl Rule {
    /// Ties go to the first option in ruleset order.
    fn best_option(&self, id: &str, input: &Input<'_>) -> OptionMetric {
        let mut options = Keyed::default();
        let mut best: Option<(Points, String)> = None;
        let mut sources = vec![];
        for option in &self.options {
            let computed = input.data.measure(&self.from, &self.measure, input.track, Some(&option.association));
            let (value, source) = figure(input, &sub_path(id, &option.association), computed);
            let points = value.map(|v| Points::linear(v, option.threshold, self.max));
            if let Some(p) = points {
                if best.as_ref().is_none_or(|(b, _)| p > *b) {
                    best = Some((p, option.association.clone()));
                }
            }
            sources.extend(source);
            let score = OptionScore { value: value.map(Points::as_f64), threshold: option.threshold, points, source };
            options.0.push((option.association.clone(), score));
        }
        let source = if sources.contains(&Source::Manual) { Some(Source::Manual) } else { sources.first().copied() };
        OptionMetric {
            points: best.as_ref().map(|(p, _)| *p),
            max: self.max,
            best_option: best.map(|(_, o)| o),
            options,
            kind: "options",
            source,
        }
    }

    /// A step per option: what that option alone needs to reach the maximum.
    fn per_option(&self, m: &OptionMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Some(points) = m.points else { return vec![] };
        if points >= Points::whole(m.max) {
            return vec![];
        }
        let (one, many) = unit_words(&self.unit, ("unit", "units"));
        let gain = Points::difference(Points::whole(m.max), points);
        let mut out: Vec<Recommendation> = vec![];
        for (option, score) in &m.options.0 {
            let Some(value) = score.value else { continue };
            // Growth values carry hundredths: round the need up to a whole unit.
            let needed = (f64::from(score.threshold) - value).ceil().max(1.0) as u64;
            let unit_gain = Points::linear(Points::whole(1), score.threshold, m.max).min(gain);
            let what = format!("qualified {option}");
            let message = advice.you_need(needed, &what, if needed == 1 { one } else { many }, gain);
            let mut r = advice.recommendation(needed, many, gain, unit_gain, message);
            r.option = Some(option.clone());
            r.best = false;
            out.push(r);
        }
        if let Some(best) = out.iter_mut().min_by_key(|r| r.needed) {
            best.best = true;
        }
        out
    }
}

// How it is written (`crate::to_json`).
json_object! {
    OptionMetric => |t| { "points": t.points, "max": t.max, "bestOption": t.best_option, "options": t.options, "kind": t.kind, "source": t.source }
    OptionScore => |t| { "value": t.value, "threshold": t.threshold, "points": t.points, "source": t.source }
}
