//! Metric kinds: the closed set of ways a metric turns data into points.
//!
//! A ruleset names, for every metric of every track, a kind and its
//! numbers (`"kind": "steps", "max": 20, "threshold": 5, ...`); the scoring,
//! the values typed by hand and the recommendations of a metric all go
//! through its kind, never through its name. One module per kind.

mod certified;
mod counted;
mod growth;
mod options;
mod parts;
mod steps;

pub use growth::GrowthMetric;
pub use options::{OptionMetric, OptionScore, Rule as OptionsRule};
pub use parts::{PartScore, PartsMetric};
pub use steps::{StepScore, StepsMetric};

use crate::json::At;
use crate::points::{more_of, prose, Points, Value};
use crate::to_json::{json_names, json_object, ToJson};
use std::collections::BTreeMap;

/// What a metric kind does. Each kind's module implements it for its
/// rule; the kinds are listed once, in [`kinds!`] below.
pub trait Kind {
    /// The kind's rule from a metric as written; `Err` says what is missing.
    fn read(written: Written) -> Result<Self, String>
    where
        Self: Sized;
    /// The most points the metric earns.
    fn max(&self) -> u32;
    /// The data model and the measure that feed the metric directly, if
    /// one does (the parts of a parts metric name their own).
    fn fed_by(&self) -> Option<(&str, &str)> {
        None
    }
    /// The parts of a parts metric, each as (data model, measure, threshold).
    fn parts(&self) -> Vec<(&str, &str, u32)> {
        vec![]
    }
    /// Scores the metric `id` of one track.
    fn score(&self, id: &str, input: &Input<'_>) -> Metric;
    /// The paths a value can be typed under (designations.md section 7).
    fn typed_paths(&self, id: &str) -> Vec<String> {
        vec![id.to_string()]
    }
    /// What would bring the metric to its maximum, phrased as Partner
    /// Center's score simulator phrases it.
    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation>;
    /// The certification lists people count from, with the path each
    /// counts under (`intermediateCertifications.step2`).
    fn lists(&self, _id: &str) -> Vec<(String, String)> {
        vec![]
    }
    /// Checks the numbers the ruleset gives (the measures named are checked
    /// for every kind alike); `Err` says what is wrong.
    fn validate(&self, known_list: &dyn Fn(&str) -> bool) -> Result<(), String>;
}

/// The kinds: a variant of [`MetricRule`] each, with the name rulesets
/// write in `"kind"`. Adding a kind is its module and one line here.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident($rule:ty) = $name:literal,)*) => {
        /// One metric of one track, as a ruleset writes it.
        #[derive(Clone, Debug)]
        pub enum MetricRule {
            $($(#[$doc])* $variant($rule),)*
        }

        impl MetricRule {
            fn from_written(w: Written) -> Result<MetricRule, String> {
                match w.kind.as_str() {
                    $($name => <$rule as Kind>::read(w).map(MetricRule::$variant),)*
                    other => {
                        let kinds = [$($name),*].join(", ");
                        Err(format!("unknown metric kind \"{other}\"; the kinds are {kinds}"))
                    }
                }
            }

            fn kind(&self) -> &dyn Kind {
                match self {
                    $(MetricRule::$variant(rule) => rule,)*
                }
            }
        }
    };
}

kinds! {
    /// A net count of tenants (or tenant-workload pairs) in M minus B.
    Tenants(counted::Rule) = "tenants",
    /// Certified people on a certification list.
    People(certified::Rule) = "people",
    /// Certified people in gated steps (Azure areas, Security).
    Steps(steps::Rule) = "steps",
    /// The best of per-association options (Modern Work's customer success).
    Options(options::Rule) = "options",
    /// Percent growth of a consumption measure, with a minimum baseline.
    Growth(growth::Rule) = "growth",
    /// Distinct services with consumption.
    Services(counted::Rule) = "services",
    /// Parts computed separately and added (Security).
    Parts(parts::Rule) = "parts",
}

/// A metric as written: the fields of every kind, read in one place and
/// then checked into the kind's rule.
pub struct Written {
    kind: String,
    max: u32,
    threshold: u32,
    list: Option<String>,
    from: Option<String>,
    measure: Option<String>,
    unit: Option<[String; 2]>,
    options: Vec<options::MetricOption>,
    gate: Option<steps::Gate>,
    steps: Vec<steps::Step>,
    minimum_baseline: u64,
    parts: Vec<parts::Part>,
}

/// Words for one unit and several: `["tenant", "tenants"]`.
fn read_unit(at: At<'_, '_>) -> [String; 2] {
    <[String; 2]>::try_from(at.strings()).unwrap_or_else(|_| {
        at.fail("expected two words (one, several)");
        Default::default()
    })
}

impl MetricRule {
    /// A metric as a ruleset writes it (`"kind": "steps", "max": 20, ...`);
    /// `None` when it is not one (the error noted).
    pub(crate) fn read(at: At<'_, '_>) -> Option<MetricRule> {
        let m = at.object();
        let written = Written {
            kind: m.string("kind"),
            max: m.u32_or_default("max"),
            threshold: m.u32_or_default("threshold"),
            list: m.opt_string("list"),
            from: m.opt_string("from"),
            measure: m.opt_string("measure"),
            unit: m.opt("unit", read_unit),
            options: m.or_default("options", |at| {
                at.list(|at| {
                    let o = at.object();
                    options::MetricOption { association: o.string("association"), threshold: o.u32("threshold") }
                })
            }),
            gate: m.opt("gate", |at| {
                let g = at.object();
                steps::Gate { people: g.u32("people"), points: g.u32("points") }
            }),
            steps: m.or_default("steps", |at| {
                at.list(|at| {
                    let s = at.object();
                    steps::Step { list: s.string("list"), gate: s.bool_or("gate", false) }
                })
            }),
            minimum_baseline: m.or_default("minimumBaseline", |at| at.u64()),
            parts: m.or_default("parts", |at| {
                at.list(|at| {
                    let p = at.object();
                    parts::Part {
                        id: p.string("id"),
                        label: p.string_or_default("label"),
                        from: p.string("from"),
                        measure: p.string("measure"),
                        threshold: p.u32("threshold"),
                        unit: p.opt("unit", read_unit),
                    }
                })
            }),
        };
        MetricRule::from_written(written).map_err(|e| at.fail(&e)).ok()
    }
}

impl Written {
    /// A field the kind needs.
    fn need(field: Option<String>, kind: &str, name: &str) -> Result<String, String> {
        field.ok_or(format!("a {kind} metric needs \"{name}\""))
    }

    /// The data model and measure a data-fed kind needs.
    fn fed(&mut self) -> Result<(String, String), String> {
        let from = Written::need(self.from.take(), &self.kind, "from")?;
        Ok((from, Written::need(self.measure.take(), &self.kind, "measure")?))
    }
}

/// A metric's result in the report: the shape depends on the kind.
#[derive(Clone, Debug)]
pub enum Metric {
    Count(CountMetric),
    Options(OptionMetric),
    Growth(GrowthMetric),
    Steps(StepsMetric),
    Parts(PartsMetric),
}

/// Where a metric's figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Computed from the files loaded.
    File,
    /// Typed from Partner Center's scorecard.
    Manual,
}

/// A metric that is a count scored pro rata: net adds, people, services.
#[derive(Clone, Debug)]
pub struct CountMetric {
    /// `None` when the metric cannot be computed (its data is missing).
    pub points: Option<Points>,
    pub max: u32,
    pub value: Option<Points>,
    pub threshold: u32,
    pub kind: &'static str,
    pub source: Option<Source>,
}

/// What a metric is scored from, for one area and track.
pub struct Input<'a> {
    /// The names of the certifications on a list of the area's ruleset.
    pub certification_names: &'a dyn Fn(&str) -> Vec<String>,
    pub track: &'a str,
    pub people: &'a Certified,
    pub data: &'a dyn Measures,
    pub typed: &'a Typed,
}

/// Figures computed from the loaded exports, by the data model a metric
/// names (`from`: `usage`, `azure`, `bizapps`) and its `measure`; `None`
/// when those exports are not loaded (or the model is not read yet).
pub trait Measures {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points>;
}

/// People who count, per certification list of the area (display names).
#[derive(Clone, Debug, Default)]
pub struct Certified {
    pub lists: BTreeMap<String, Vec<String>>,
}

impl Certified {
    pub fn on(&self, list: &str) -> &[String] {
        self.lists.get(list).map_or(&[], Vec::as_slice)
    }
}

/// Values typed by hand for one area and track, by metric path
/// (`usageGrowth`, `usageGrowth.baseline`, `intermediateCertifications.step2`):
/// a handful, searched in order (a vector: smaller code than a map).
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub values: Vec<(String, Points)>,
}

impl Typed {
    /// No values (what a track nothing was typed for reads).
    pub const NONE: &'static Typed = &Typed { values: Vec::new() };

    pub fn get(&self, path: &str) -> Option<Points> {
        self.values.iter().find(|(p, _)| p == path).map(|&(_, value)| value)
    }

    /// Sets the value at `path`: a later value replaces an earlier one.
    pub fn insert(&mut self, path: String, value: Points) {
        match self.values.iter_mut().find(|(p, _)| *p == path) {
            Some((_, old)) => *old = value,
            None => self.values.push((path, value)),
        }
    }
    fn sub(&self, metric: &str, part: &str) -> Option<Points> {
        self.get(&sub_path(metric, part))
    }
}

/// The path of a part of metric `id` (`usageGrowth.baseline`): where a
/// value of it is typed.
fn sub_path(id: &str, part: &str) -> String {
    format!("{id}.{part}")
}

/// The paths of the parts of metric `id`, by part name.
fn sub_paths<'a>(id: &str, parts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out = vec![];
    for part in parts {
        out.push(sub_path(id, part));
    }
    out
}

/// A step that brings a metric to its maximum, in the words of its kind.
#[derive(Clone, Debug)]
pub struct Recommendation {
    /// The area (ruleset id) it belongs to.
    pub area: String,
    pub track: String,
    pub metric: String,
    pub option: Option<String>,
    /// Smallest whole number of additional units that reaches the maximum.
    pub needed: u64,
    pub unit: String,
    /// Points the metric gains by reaching its maximum.
    pub gain: Points,
    /// Points one more unit would gain.
    pub unit_gain: Points,
    /// True for the option of its metric that needs the fewest units.
    pub best: bool,
    /// True for the single action that gains the most points on its track.
    pub top: bool,
    pub message: String,
}

/// What a recommendation needs besides the metric.
pub struct Advice<'a> {
    pub area: &'a str,
    pub track: &'a str,
    pub track_label: &'a str,
    pub metric: &'a str,
}

impl Advice<'_> {
    /// "Track: you need 3 more units to achieve 5 points." (`more_of`'s words).
    fn you_need(&self, needed: u64, what: &str, unit: &str, gain: Points) -> String {
        format!("{}: you need {} to achieve {} points.", self.track_label, more_of(needed, what, unit), prose(gain))
    }

    fn recommendation(
        &self,
        needed: u64,
        unit: &str,
        gain: Points,
        unit_gain: Points,
        message: String,
    ) -> Recommendation {
        Recommendation {
            area: self.area.to_string(),
            track: self.track.to_string(),
            metric: self.metric.to_string(),
            option: None,
            needed,
            unit: unit.to_string(),
            gain,
            unit_gain,
            best: true,
            top: false,
            message,
        }
    }
}

impl MetricRule {
    pub fn max(&self) -> u32 {
        self.kind().max()
    }

    /// The data model the metric is fed from (`usage`, `azure`, `bizapps`),
    /// when it is fed from one directly (the parts of a parts metric name
    /// their own).
    pub fn from(&self) -> Option<&str> {
        self.kind().fed_by().map(|(from, _)| from)
    }

    /// What the metric measures in its data model, when it is data-fed.
    pub fn measure(&self) -> Option<&str> {
        self.kind().fed_by().map(|(_, measure)| measure)
    }

    /// The parts of a parts metric, each as (data model, measure,
    /// threshold): the figure that alone earns the metric's max.
    pub fn parts(&self) -> Vec<(&str, &str, u32)> {
        self.kind().parts()
    }

    /// Scores the metric `id` of one track.
    pub fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        self.kind().score(id, input)
    }

    /// The paths a value can be typed under for the metric `id`
    /// (designations.md section 7).
    pub fn typed_paths(&self, id: &str) -> Vec<String> {
        self.kind().typed_paths(id)
    }

    /// What would bring the metric to its maximum.
    pub fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        self.kind().recommend(metric, advice)
    }

    /// The certification lists the metric `id` counts people from.
    pub fn lists(&self, id: &str) -> Vec<(String, String)> {
        self.kind().lists(id)
    }

    /// Checks the data models and measures it names, then the kind's numbers.
    pub fn validate(&self, ruleset_lists: &dyn Fn(&str) -> bool) -> Result<(), String> {
        let fed = self.kind().fed_by().into_iter();
        for (from, measure) in fed.chain(self.parts().into_iter().map(|(from, measure, _)| (from, measure))) {
            known_measure(from, measure)?;
        }
        self.kind().validate(ruleset_lists)
    }
}

/// A threshold must be above zero (it divides the points).
fn positive(threshold: u32) -> Result<(), String> {
    if threshold == 0 {
        Err("every threshold must be above zero".to_string())
    } else {
        Ok(())
    }
}

fn known_list(list: &str, known: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if known(list) {
        Ok(())
    } else {
        Err(format!("unknown certification list {list}"))
    }
}

impl Metric {
    /// `None` when unknown.
    pub fn points(&self) -> Option<Points> {
        match self {
            Metric::Count(m) => m.points,
            Metric::Options(m) => m.points,
            Metric::Growth(m) => m.points,
            Metric::Steps(m) => m.points,
            Metric::Parts(m) => m.points,
        }
    }

    pub fn max(&self) -> u32 {
        match self {
            Metric::Count(m) => m.max,
            Metric::Options(m) => m.max,
            Metric::Growth(m) => m.max,
            Metric::Steps(m) => m.max,
            Metric::Parts(m) => m.max,
        }
    }

    /// False when a part of the metric is unknown though the metric has
    /// points (Security: one part computed, the other not).
    pub fn complete(&self) -> bool {
        match self {
            Metric::Parts(m) => m.parts.values().all(|p| p.points.is_some()),
            other => other.points().is_some(),
        }
    }

    pub fn source(&self) -> Option<Source> {
        match self {
            Metric::Count(m) => m.source,
            Metric::Options(m) => m.source,
            Metric::Growth(m) => m.source,
            Metric::Steps(m) => m.source,
            Metric::Parts(m) => m.source,
        }
    }

    /// The metric's own number (net adds, people, growth), when it has one.
    pub fn value(&self) -> Option<Points> {
        match self {
            Metric::Count(m) => m.value,
            Metric::Growth(m) => m.value,
            _ => None,
        }
    }
}

/// The value of a data-fed metric: typed, else computed; with its source.
fn figure(input: &Input<'_>, path: &str, computed: Option<Points>) -> (Option<Points>, Option<Source>) {
    match input.typed.get(path) {
        Some(typed) => (Some(typed), Some(Source::Manual)),
        None => (computed, computed.map(|_| Source::File)),
    }
}

/// A count scored pro rata, shared by the count kinds.
fn count(
    kind: &'static str,
    max: u32,
    threshold: u32,
    (value, source): (Option<Points>, Option<Source>),
) -> CountMetric {
    CountMetric { points: value.map(|v| Points::linear(v, threshold, max)), max, value, threshold, kind, source }
}

/// The recommendation of a count kind: units to reach the maximum.
fn count_recommendation(m: &CountMetric, advice: &Advice<'_>, (one, many): (&str, &str)) -> Vec<Recommendation> {
    let (Some(points), Some(value)) = (m.points, m.value) else { return vec![] };
    if points >= Points::whole(m.max) {
        return vec![];
    }
    let per_unit = Points::linear(Points::whole(1), m.threshold, m.max);
    // Below zero, every unit up to zero earns nothing: count from the value.
    let needed = value.units_to(Points::whole(m.threshold), Points::whole(1)).max(1);
    let gain = Points::difference(Points::whole(m.max), points);
    let message = advice.you_need(needed, "", if needed == 1 { one } else { many }, gain);
    vec![advice.recommendation(needed, many, gain, per_unit.min(gain), message)]
}

/// Unit words for a metric's recommendations, from its id: the ruleset may
/// name its own.
fn unit_words<'a>(unit: &'a Option<[String; 2]>, fallback: (&'a str, &'a str)) -> (&'a str, &'a str) {
    match unit {
        Some([one, many]) => (one.as_str(), many.as_str()),
        None => fallback,
    }
}

/// The measures each data model answers (a ruleset's `from` and
/// `measure`): a ruleset naming another is refused when it loads, rather
/// than scoring a metric no model can answer as unknown.
const MEASURES: &[(&str, &[&str])] = &[
    ("usage", &["customers", "activeUsers", "protectedUsers", "deployedTenants"]),
    ("azure", &["customers", "acrGrowth", "services", "deployedTenants"]),
    ("bizapps", &["workloadAdds", "mcvGrowth", "deployments"]),
];

fn known_measure(from: &str, measure: &str) -> Result<(), String> {
    let Some((_, measures)) = MEASURES.iter().find(|(model, _)| *model == from) else {
        let models: Vec<&str> = MEASURES.iter().map(|(model, _)| *model).collect();
        return Err(format!("no data model \"{from}\" (the models: {})", models.join(", ")));
    };
    if measures.contains(&measure) {
        Ok(())
    } else {
        Err(format!("the {from} model answers no measure \"{measure}\" (it answers: {})", measures.join(", ")))
    }
}

// How it is written (`crate::to_json`).
json_object! {
    Recommendation => |t| { "area": t.area, "track": t.track, "metric": t.metric, "option": t.option, "needed": t.needed, "unit": t.unit, "gain": t.gain, "unitGain": t.unit_gain, "best": t.best, "top": t.top, "message": t.message }
    CountMetric => |t| {
        "points": t.points, "max": t.max, "value": Value(&t.value), "threshold": t.threshold, "kind": t.kind,
        "source": t.source
    }
}
json_names! {
    Source { File => "file", Manual => "manual" }
}

impl ToJson for Metric {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Metric::Count(metric) => metric.write_json(out),
            Metric::Options(metric) => metric.write_json(out),
            Metric::Growth(metric) => metric.write_json(out),
            Metric::Steps(metric) => metric.write_json(out),
            Metric::Parts(metric) => metric.write_json(out),
        }
    }
}
