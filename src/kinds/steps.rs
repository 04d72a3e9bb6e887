//! Certified people in gated steps (the Azure areas and Security): gate
//! steps need a number of people each (Enterprise two, worth nothing; SMB
//! one, worth points of their own), and the scoring step earns points per
//! person only when every gate is met. A person counts once per step and
//! may count in several.

use super::Recommendation;
use super::{known_list, positive, sub_path, Advice, Input, Kind, Metric, Source, Written};
use crate::points::{more_of, prose, Points};
use crate::to_json::json_object;

#[derive(Clone, Debug)]
pub struct Rule {
    pub max: u32,
    /// People at the scoring step that would earn `max` (`max / threshold`
    /// points each).
    pub threshold: u32,
    pub gate: Gate,
    /// In order; gates first, the scoring step last.
    pub steps: Vec<Step>,
}

#[derive(Clone, Copy, Debug)]
pub struct Gate {
    /// People needed to meet a gate.
    pub people: u32,
    /// Points a met gate earns on its own.
    pub points: u32,
}

#[derive(Clone, Debug)]
pub struct Step {
    /// The key of the area's `certificationLists` the step counts from.
    pub list: String,
    pub gate: bool,
}

#[derive(Clone, Debug)]
pub struct StepsMetric {
    pub points: Option<Points>,
    pub max: u32,
    pub threshold: u32,
    pub gate: Gate,
    pub steps: Vec<StepScore>,
    pub kind: &'static str,
    pub source: Option<Source>,
}

#[derive(Clone, Debug)]
pub struct StepScore {
    pub list: String,
    /// The certifications of the step, by name.
    pub certifications: Vec<String>,
    pub gate: bool,
    /// People who count at this step.
    pub people: u32,
    /// Who they are, when read from a skilling list.
    pub names: Vec<String>,
    /// Gates: met or not. The scoring step: whether every gate is met.
    pub met: bool,
    /// Points this step earns.
    pub points: Points,
    pub source: Source,
}

impl Kind for Rule {
    fn read(w: Written) -> Result<Rule, String> {
        let gate = w.gate.ok_or("a steps metric needs \"gate\"")?;
        Ok(Rule { max: w.max, threshold: w.threshold, gate, steps: w.steps })
    }

    fn max(&self) -> u32 {
        self.max
    }

    fn score(&self, id: &str, input: &Input<'_>) -> Metric {
        Metric::Steps(self.by_step(id, input))
    }

    fn typed_paths(&self, id: &str) -> Vec<String> {
        self.lists(id).into_iter().map(|(path, _)| path).collect()
    }

    fn recommend(&self, metric: &Metric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Metric::Steps(m) = metric else { return vec![] };
        self.next_people(m, advice)
    }

    fn lists(&self, id: &str) -> Vec<(String, String)> {
        let mut out = vec![];
        for (i, step) in self.steps.iter().enumerate() {
            out.push((sub_path(id, &step_name(i)), step.list.clone()));
        }
        out
    }

    fn validate(&self, known: &dyn Fn(&str) -> bool) -> Result<(), String> {
        positive(self.threshold)?;
        if self.steps.last().is_none_or(|s| s.gate) {
            return Err("the last step must be the scoring step (not a gate)".into());
        }
        self.steps.iter().try_for_each(|s| known_list(&s.list, known))
    }
}

impl Rule {
    fn by_step(&self, id: &str, input: &Input<'_>) -> StepsMetric {
        let mut steps = Vec::with_capacity(self.steps.len());
        let mut people = Vec::with_capacity(self.steps.len());
        for (i, step) in self.steps.iter().enumerate() {
            let (count, names, source) = match input.typed.sub(id, &step_name(i)) {
                Some(typed) => (u32::try_from(typed.whole_part()).unwrap_or(0), vec![], Source::Manual),
                None => {
                    let names = input.people.on(&step.list).to_vec();
                    (names.len() as u32, names, Source::File)
                }
            };
            people.push(count);
            steps.push(StepScore {
                list: step.list.clone(),
                certifications: certification_names(input, &step.list),
                gate: step.gate,
                people: count,
                names,
                met: false,
                points: Points::ZERO,
                source,
            });
        }
        let (total, per_step) = self.points_for(&people);
        let all_gates = self.gates_met(&people);
        for (step, points) in steps.iter_mut().zip(per_step) {
            step.met = if step.gate { step.people >= self.gate.people } else { all_gates };
            step.points = points;
        }
        let source = if steps.iter().any(|s| s.source == Source::Manual) { Source::Manual } else { Source::File };
        StepsMetric {
            points: Some(total),
            max: self.max,
            threshold: self.threshold,
            gate: self.gate,
            steps,
            kind: "steps",
            source: Some(source),
        }
    }

    fn gates_met(&self, people: &[u32]) -> bool {
        self.steps.iter().zip(people).all(|(step, &n)| !step.gate || n >= self.gate.people)
    }

    /// The metric's points and each step's, for `people` per step; the
    /// total is capped at `max`, gate points included.
    fn points_for(&self, people: &[u32]) -> (Points, Vec<Points>) {
        let all_gates = self.gates_met(people);
        let mut per_step = Vec::with_capacity(people.len());
        let mut total = Points::ZERO;
        for (step, &n) in self.steps.iter().zip(people) {
            let points = match (step.gate, n >= self.gate.people) {
                (true, true) => Points::whole(self.gate.points),
                (true, false) => Points::ZERO,
                (false, _) if all_gates => Points::linear(Points::whole(n), self.threshold, self.max),
                (false, _) => Points::ZERO,
            };
            total = total + points;
            per_step.push(points);
        }
        (total.min(Points::whole(self.max)), per_step)
    }

    /// The people each unmet gate needs, else those the scoring step needs.
    fn next_people(&self, m: &StepsMetric, advice: &Advice<'_>) -> Vec<Recommendation> {
        let Some(points) = m.points else { return vec![] };
        if points >= Points::whole(m.max) {
            return vec![];
        }
        let people: Vec<u32> = m.steps.iter().map(|s| s.people).collect();
        let label = advice.track_label;
        let whom = |n: u64| if n == 1 { "person" } else { "people" };
        let mut out = vec![];
        for (i, step) in m.steps.iter().enumerate().filter(|(_, s)| s.gate && s.people < self.gate.people) {
            let needed = self.gate.people - step.people;
            let mut after = people.clone();
            after[i] = self.gate.people;
            let unlocked = Points::difference(self.points_for(&after).0, points);
            let names = or_list(&step.certifications);
            let message = if unlocked > Points::ZERO {
                format!(
                    "{label}: you need {} with {names} to unlock {} points.",
                    more_of(needed.into(), "", whom(needed.into())),
                    prose(unlocked)
                )
            } else {
                format!(
                    "{label}: you need {} with {names} to meet step {} (it unlocks the points of step {}).",
                    more_of(needed.into(), "", whom(needed.into())),
                    i + 1,
                    m.steps.len()
                )
            };
            let unit_gain = Points::fraction(0, 1).max(unlocked);
            out.push(advice.recommendation(u64::from(needed), "people", unlocked, unit_gain, message));
        }
        if out.is_empty() {
            let per_person = Points::linear(Points::whole(1), m.threshold, m.max);
            let gain = Points::difference(Points::whole(m.max), points);
            let needed = points.units_to(Points::whole(m.max), per_person).max(1);
            let scoring = m.steps.last().map(|s| or_list(&s.certifications)).unwrap_or_default();
            let message = format!(
                "{label}: you need {} with {scoring} to achieve {} points.",
                more_of(needed, "", whom(needed)),
                prose(gain)
            );
            out.push(advice.recommendation(needed, "people", gain, per_person.min(gain), message));
        }
        out
    }
}

/// The name of step `i` (from 0) in paths: `step1`, `step2`...
fn step_name(i: usize) -> String {
    format!("step{}", i + 1)
}

/// The names of a list's certifications, without the "Microsoft Certified:"
/// prefix partners skip when they read.
fn certification_names(input: &Input<'_>, list: &str) -> Vec<String> {
    (input.certification_names)(list).iter().map(|name| short_name(name)).collect()
}

fn short_name(name: &str) -> String {
    let short = ["Microsoft Certified: ", "Microsoft 365 Certified: ", "GitHub Certified: "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix));
    short.unwrap_or(name).to_string()
}

/// "A", "A or B", "A, B or another of 5 listed".
fn or_list(names: &[String]) -> String {
    match names {
        [] => "a listed certification".into(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} or another of the {} listed", rest.len() + 2),
    }
}

// How it is written (`crate::to_json`).
json_object! {
    Gate => |t| { "people": t.people, "points": t.points }
    StepsMetric => |t| { "points": t.points, "max": t.max, "threshold": t.threshold, "gate": t.gate, "steps": t.steps, "kind": t.kind, "source": t.source }
    StepScore => |t| { "list": t.list, "certifications": t.certifications, "gate": t.gate, "people": t.people, "names": t.names, "met": t.met, "points": t.points, "source": t.source }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(steps: usize, max: u32, threshold: u32, gate: (u32, u32)) -> Rule {
        let mut list: Vec<Step> = (1..steps).map(|i| Step { list: format!("g{i}"), gate: true }).collect();
        list.push(Step { list: "s".into(), gate: false });
        Rule { max, threshold, gate: Gate { people: gate.0, points: gate.1 }, steps: list }
    }

    fn points(rule: &Rule, people: &[u32]) -> f64 {
        rule.points_for(people).0.as_f64()
    }

    /// azure.md section 10, vectors 1 to 14.
    #[test]
    fn azure_skilling_vectors() {
        let (ent, smb) = (rule(3, 40, 10, (2, 0)), rule(3, 40, 10, (1, 4)));
        assert_eq!(points(&ent, &[2, 2, 3]), 12.0);
        assert_eq!(points(&ent, &[2, 2, 2]), 8.0);
        assert_eq!(points(&ent, &[2, 0, 2]), 0.0);
        assert_eq!(points(&ent, &[1, 2, 2]), 0.0);
        assert_eq!(points(&smb, &[2, 2, 3]), 20.0);
        assert_eq!(points(&smb, &[2, 2, 2]), 16.0);
        assert_eq!(points(&smb, &[2, 0, 2]), 4.0);
        assert_eq!(points(&smb, &[0, 0, 2]), 0.0);
        assert_eq!(points(&smb, &[2, 2, 9]), 40.0);
        let (ent, smb) = (rule(2, 20, 5, (2, 0)), rule(2, 20, 5, (1, 4)));
        assert_eq!(points(&ent, &[2, 2]), 8.0);
        assert_eq!(points(&ent, &[1, 2]), 0.0);
        assert_eq!(points(&smb, &[1, 2]), 12.0);
        assert_eq!(points(&smb, &[2, 2]), 12.0);
        assert_eq!(points(&smb, &[0, 2]), 0.0);
        assert_eq!(points(&ent, &[2, 5]), 20.0);
    }

    /// security.md section 10, vectors 1 to 10.
    #[test]
    fn security_skilling_vectors() {
        let (ent, smb) = (rule(3, 40, 6, (2, 0)), rule(3, 40, 5, (1, 4)));
        assert_eq!(points(&ent, &[2, 2, 3]), 20.0);
        assert_eq!(ent.points_for(&[2, 2, 2]).0, Points::fraction(40, 3));
        assert_eq!(points(&ent, &[2, 0, 2]), 0.0);
        assert_eq!(points(&ent, &[1, 2, 2]), 0.0);
        assert_eq!(points(&smb, &[2, 2, 3]), 32.0);
        assert_eq!(points(&smb, &[2, 2, 2]), 24.0);
        assert_eq!(points(&smb, &[2, 0, 2]), 4.0);
        assert_eq!(points(&smb, &[0, 0, 2]), 0.0);
        assert_eq!(points(&ent, &[2, 2, 7]), 40.0);
        assert_eq!(points(&smb, &[2, 2, 5]), 40.0);
    }

    #[test]
    fn names_read_as_a_partner_reads_them() {
        assert_eq!(
            short_name("Microsoft Certified: Azure Solutions Architect Expert"),
            "Azure Solutions Architect Expert"
        );
        assert_eq!(or_list(&["A".into(), "B".into(), "C".into()]), "A, B or another of the 3 listed");
    }
}
