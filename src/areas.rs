//! Every designation scored the same way from its ruleset: tracks and
//! their metrics through the metric kinds, statuses, the track that
//! decides, recommendations; then Partner Center's overview and the
//! Microsoft Cloud badge (designations.md sections 2, 3, 6 and 8).
//!
//! Nothing here names an area or a metric: a seventh area is a ruleset.

use crate::kinds::{Advice, Certified, Input, Typed};
use crate::manual::AreaTyped;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::{
    AreaReport, Assumption, Badge, Classification, Keyed, MicrosoftCloud, OverviewRow, PersonReport, Recommendation,
    RulesetRef, Status, TrackReport, Warning, WarningKind,
};
use crate::ruleset::{Ruleset, TrackRule, CATALOGUE_JSON};
use std::sync::OnceLock;

/// What one area is scored from.
pub(crate) struct AreaInput<'a> {
    pub ruleset: &'a Ruleset,
    pub as_of: Option<Month>,
    /// People judged against this area's lists in its as-of month.
    pub people: &'a [PersonReport],
    pub measures: &'a dyn DataModel,
    pub typed: &'a AreaTyped,
    /// A loaded file feeds the area (its own export or a skilling list).
    pub fed_by_files: bool,
    /// The track the user chose for a classified area.
    pub user_track: Option<&'a str>,
    /// Why metrics are unknown, when the data model knows (a missing month).
    pub missing: Option<String>,
    /// What the data models noticed that the score relies on.
    pub notes: Vec<Warning>,
    /// Every month the area's data covers.
    pub months: Vec<Month>,
}

/// The people of each certification list, by the name shown.
pub(crate) fn certified(people: &[PersonReport]) -> Certified {
    let mut out = Certified::default();
    for person in people {
        let shown = person.name.clone().or_else(|| person.email.clone()).unwrap_or_else(|| person.id.clone());
        for list in &person.lists {
            out.lists.entry(list.clone()).or_default().push(shown.clone());
        }
    }
    out
}

/// Every track of an area with its metrics scored and its status by the
/// framework's rules (Incomplete when a metric is unknown).
pub(crate) fn tracks(
    ruleset: &Ruleset,
    people: &Certified,
    measures: &dyn DataModel,
    typed: &AreaTyped,
) -> Keyed<TrackReport> {
    let mut out = Keyed::default();
    let certification_names = |list: &str| -> Vec<String> {
        let ids = ruleset.data.certification_lists.get(list).map_or(&[][..], Vec::as_slice);
        ids.iter().filter_map(|id| ruleset.certification_by_id(id)).map(|c| c.name.clone()).collect()
    };
    for track in &ruleset.data.tracks {
        let input = Input {
            certification_names: &certification_names,
            track: &track.id,
            people,
            data: measures,
            typed: typed.tracks.get(&track.id).unwrap_or(Typed::NONE),
        };
        let mut metrics = Keyed::default();
        let mut score = TrackScore { total: Points::ZERO, unknown: false, complete: true, above_zero: true };
        for (id, rule) in &track.metrics.0 {
            let metric = rule.score(id, &input);
            match metric.points() {
                Some(points) => {
                    score.total = score.total + points;
                    score.above_zero &= !points.is_zero();
                }
                None => (score.unknown, score.above_zero) = (true, false),
            }
            score.complete &= metric.complete();
            metrics.0.push((id.clone(), metric));
        }
        let (total, complete, status) = (score.total, score.complete, status(ruleset, &score));
        out.0.push((track.id.clone(), TrackReport { label: track.label.clone(), total, status, complete, metrics }));
    }
    out
}

/// A track's metrics taken together.
#[derive(Clone, Copy)]
struct TrackScore {
    /// The known metrics' points added.
    total: Points,
    /// A metric is unknown.
    unknown: bool,
    /// No part of a metric is unknown.
    complete: bool,
    /// Every metric is known and above zero.
    above_zero: bool,
}

/// designations.md section 2: Qualified needs the minimum total and every
/// metric above zero; an unknown metric makes the track Incomplete, except
/// that a Qualified result with one part of a metric unknown stands (the
/// missing part can only add points).
fn status(ruleset: &Ruleset, score: &TrackScore) -> Status {
    let q = &ruleset.data.qualification;
    let TrackScore { total, unknown, complete, above_zero } = *score;
    let partly = !complete;
    let every_metric = !q.every_metric_above_zero || above_zero;
    if total >= Points::whole(q.min_total) && every_metric && !unknown {
        Status::Qualified
    } else if unknown || partly {
        Status::Incomplete
    } else if total >= Points::whole(q.min_total) {
        Status::Partial
    } else if total.is_zero() {
        Status::NotStarted
    } else {
        Status::InProgress
    }
}

/// Scores one area: its tracks, the one that decides and how, the status,
/// recommendations, assumptions; Not scored when nothing feeds it.
pub(crate) fn score_area(input: &AreaInput<'_>) -> AreaReport {
    let ruleset = input.ruleset;
    let mut warnings = input.notes.clone();
    let manual = !input.typed.is_empty();
    let source = match (input.fed_by_files, manual) {
        (true, true) => "both",
        (true, false) => "files",
        (false, true) => "manual",
        (false, false) => "none",
    };
    let mut report = AreaReport {
        label: ruleset.label().to_string(),
        ruleset: ruleset_ref(ruleset),
        as_of: input.as_of,
        baseline: input.as_of.and_then(baseline),
        months: input.months.clone(),
        status: Status::NotScored,
        total: None,
        at_least: false,
        track: None,
        track_choice: None,
        classification: None,
        source: source.into(),
        incentive_line: None,
        tracks: Keyed::default(),
        recommendations: vec![],
        missing: None,
        assumptions: vec![],
        warnings: vec![],
        detail: None,
        lists: Keyed::default(),
        history: None,
        window: None,
    };
    if source == "none" {
        report.missing = Some(ruleset.data.not_scored.clone());
        return report;
    }
    let tracks = tracks(ruleset, &certified(input.people), input.measures, input.typed);
    let (track, choice, classification) = match ruleset.data.track_choice.rule {
        TrackRule::Best => (best_track(&tracks), "best", None),
        TrackRule::Classified => {
            let fallback =
                ruleset.data.track_choice.fallback.clone().or_else(|| tracks.0.first().map(|(id, _)| id.clone()));
            match (&input.typed.track, input.user_track) {
                (Some(typed), _) => {
                    let class = Classification { track: typed.clone(), basis: "typed".into(), value: None };
                    (Some(typed.clone()), "user", Some(class))
                }
                (None, _) if input.measures.classify().is_some() => {
                    let class = input.measures.classify();
                    (class.as_ref().map(|c| c.track.clone()), "classified", class)
                }
                (None, Some(user)) if tracks.get(user).is_some() => (Some(user.to_string()), "user", None),
                _ => {
                    let fallback = fallback.unwrap_or_default();
                    let label = tracks.get(&fallback).map_or(fallback.as_str(), |t| t.label.as_str());
                    warnings.push(Warning {
                        kind: WarningKind::TrackByDefault,
                        file: None,
                        message: format!(
                            "{}: the files loaded cannot classify the partner, so {label} decides (Microsoft's \"otherwise\" branch). Type the track Partner Center shows, or choose one.",
                            ruleset.label()
                        ),
                    });
                    (Some(fallback), "default", None)
                }
            }
        }
    };
    let chosen = track.as_deref().and_then(|t| tracks.get(t));
    report.status = chosen.map_or(Status::NotStarted, |t| t.status);
    report.at_least = report.status == Status::Incomplete;
    report.total = chosen.map(|t| t.total);
    report.track = track;
    report.track_choice = Some(choice.into());
    report.classification = classification;
    report.recommendations = recommendations(ruleset, &tracks);
    if tracks.values().any(|t| t.metrics.values().any(|m| !m.complete())) {
        let missing = input.missing.clone().or_else(|| input.measures.missing());
        report.missing = Some(missing.unwrap_or_else(|| ruleset.data.not_scored.clone()));
    }
    warnings.extend(input.measures.warnings());
    report.assumptions = assumptions(&mut ruleset.data.decisions.iter());
    report.tracks = tracks;
    report.warnings = warnings;
    report.detail = input.measures.detail();
    report.lists = list_counts(input.measures);
    report
}

/// How many rows each of the data models' lists has, by list name.
pub(crate) fn list_counts(models: &dyn DataModel) -> Keyed<usize> {
    let mut out = Keyed::default();
    for (name, count) in models.lists() {
        out.0.push((name.to_string(), count));
    }
    out
}

/// The Decisions given, as the report names them.
pub(crate) fn assumptions(decisions: &mut dyn Iterator<Item = &crate::ruleset::Decision>) -> Vec<Assumption> {
    let mut out = vec![];
    for d in decisions {
        out.push(Assumption { id: d.id.clone(), text: d.text.clone() });
    }
    out
}

/// The baseline month B of an as-of month M: M - 12 (designations.md section 4).
pub(crate) fn baseline(as_of: Month) -> Option<Month> {
    as_of.minus(12)
}

pub(crate) fn ruleset_ref(ruleset: &Ruleset) -> RulesetRef {
    RulesetRef {
        id: ruleset.data.id.clone(),
        version: ruleset.data.version.clone(),
        published: ruleset.data.published.clone(),
        name: ruleset.data.name.clone(),
    }
}

/// Best of both tracks: a qualified track first, then the higher total;
/// ties go to the first track in ruleset order.
fn best_track(tracks: &Keyed<TrackReport>) -> Option<String> {
    let rank = |t: &TrackReport| (t.status == Status::Qualified, t.total);
    let mut best: Option<(&String, &TrackReport)> = None;
    for (id, track) in &tracks.0 {
        if best.is_none_or(|(_, b)| rank(track) > rank(b)) {
            best = Some((id, track));
        }
    }
    best.map(|(id, _)| id.clone())
}

/// For every metric of every track below its maximum, what reaches it;
/// the single action gaining the most points on each track is marked top.
pub(crate) fn recommendations(ruleset: &Ruleset, tracks: &Keyed<TrackReport>) -> Vec<Recommendation> {
    let mut out: Vec<Recommendation> = vec![];
    for (track_id, report) in &tracks.0 {
        let Some(rules) = ruleset.data.tracks.iter().find(|t| &t.id == track_id) else { continue };
        let first = out.len();
        for (metric_id, rule) in &rules.metrics.0 {
            let Some(metric) = report.metric(metric_id) else { continue };
            let advice =
                Advice { area: &ruleset.data.id, track: track_id, track_label: &rules.label, metric: metric_id };
            out.extend(rule.recommend(metric, &advice));
        }
        // The first of those gaining the most per unit.
        let mut top: Option<usize> = None;
        for (i, r) in out.iter().enumerate().skip(first) {
            if top.is_none_or(|t| out[t].unit_gain < r.unit_gain) {
                top = Some(i);
            }
        }
        if let Some(top) = top {
            out[top].top = true;
        }
    }
    out
}

/// The overview row of an area (designations.md section 6).
pub(crate) fn overview_row(area: &AreaReport) -> OverviewRow {
    let track = area.track.as_deref().and_then(|t| area.tracks.get(t));
    let other = area.tracks.0.iter().find(|(id, _)| Some(id.as_str()) != area.track.as_deref());
    let label = track.map_or("—".to_string(), |t| t.label.clone());
    let how = match (area.track_choice.as_deref(), &area.classification) {
        (Some("best"), _) => format!("{label} (best of both)"),
        (Some("user"), Some(c)) if c.basis == "typed" => format!("{label} (typed from Partner Center)"),
        (Some("user"), _) => format!("{label} (your choice)"),
        (Some("default"), _) => format!("{label} (default: not classified from the files)"),
        (Some(_), Some(Classification { basis, value: Some(v), .. })) if basis == "smbCustomerShare" => {
            format!("{label} (classified: {}% SMB customers)", (v * 100.0).round() as i64)
        }
        (Some(_), Some(Classification { basis, value: Some(v), .. })) if basis == "workloadRevenue" => {
            // A count of pairs: written as an integer (no float formatting in the module).
            format!("{label} (classified: {} workloads with enough revenue in both months)", *v as i64)
        }
        (Some(_), _) => format!("{label} (classified)"),
        (None, _) => "—".to_string(),
    };
    // The last of those gaining the most per unit on the deciding track.
    let mut best: Option<&Recommendation> = None;
    for r in area.recommendations.iter().filter(|r| Some(&r.track) == area.track.as_ref()) {
        if best.is_none_or(|b| r.unit_gain >= b.unit_gain) {
            best = Some(r);
        }
    }
    let next = area.missing.clone().or_else(|| best.map(|r| r.message.clone()));
    OverviewRow {
        area: area.ruleset.id.clone(),
        label: area.label.clone(),
        score: area.total,
        at_least: area.at_least,
        status: area.status,
        track: area.track.clone(),
        track_label: how,
        other_track: other.map(|(id, _)| id.clone()),
        other_total: other.map(|(_, t)| t.total),
        as_of: area.as_of,
        source: area.source.clone(),
        next,
        badge: None,
        incentive_line: area.incentive_line,
    }
}

/// The catalogue's badge groups (id, label, member areas) and the Decision
/// they are attained by; read once.
#[derive(Default)]
struct BadgeGroups {
    groups: Vec<(String, String, Vec<String>)>,
    decision: Option<Assumption>,
}

fn badge_groups() -> &'static BadgeGroups {
    static GROUPS: OnceLock<BadgeGroups> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let read = crate::json::read_named(CATALOGUE_JSON, "the catalogue", |at| {
            at.object().or_default("badges", |at| {
                let b = at.object();
                let group = |at: crate::json::At<'_, '_>| {
                    let g = at.object();
                    (g.string("id"), g.string("label"), g.get("areas", |at| at.strings()))
                };
                let decision = |at: crate::json::At<'_, '_>| {
                    let d = at.object();
                    Assumption { id: d.string("id"), text: d.string("text") }
                };
                BadgeGroups { groups: b.get("groups", |at| at.list(group)), decision: b.opt("decision", decision) }
            })
        });
        // The embedded catalogue is checked by the test suite.
        read.unwrap_or_default()
    })
}

/// The badge groups of the areas scored (designations.md section 13), each
/// overview row naming its group, and the Decision a group is attained by
/// (any of its areas Qualified). A group none of whose areas is in this
/// build is left out.
pub(crate) fn badges(areas: &Keyed<AreaReport>, overview: &mut [OverviewRow]) -> (Vec<Badge>, Option<Assumption>) {
    let groups = badge_groups();
    let mut out = vec![];
    for (id, label, members) in &groups.groups {
        let (mut scored, mut qualified) = (vec![], vec![]);
        for member in members {
            let Some(area) = areas.get(member) else { continue };
            if area.status == Status::Qualified {
                qualified.push(member.clone());
            }
            scored.push(member.clone());
        }
        if scored.is_empty() {
            continue;
        }
        for row in overview.iter_mut() {
            if scored.contains(&row.area) {
                row.badge = Some(id.clone());
            }
        }
        out.push(Badge {
            id: id.clone(),
            label: label.clone(),
            attained: !qualified.is_empty(),
            areas: scored,
            qualified,
        });
    }
    (out, groups.decision.clone())
}

/// Solutions Partner for Microsoft Cloud: "qualified" when all six are;
/// "cannot tell" while no known area falls short but some are unknown.
pub(crate) fn microsoft_cloud(areas: &Keyed<AreaReport>) -> MicrosoftCloud {
    let (mut qualified, mut unknown, mut short) = (vec![], vec![], vec![]);
    for (id, area) in &areas.0 {
        match area.status {
            Status::Qualified => qualified.push(id.clone()),
            Status::Incomplete | Status::NotScored => unknown.push(id.clone()),
            _ => short.push(area.label.clone()),
        }
    }
    let total = areas.0.len();
    let (status, message) = if qualified.len() == total && total > 0 {
        (
            "qualified",
            "All six designations are qualified: the partner holds Solutions Partner for Microsoft Cloud.".to_string(),
        )
    } else if short.is_empty() {
        (
            "cannot_tell",
            format!("{} of {total} qualified; the others cannot be told from what was loaded.", qualified.len()),
        )
    } else {
        ("not_qualified", format!("{} of {total} qualified; not qualified: {}.", qualified.len(), short.join(", ")))
    };
    MicrosoftCloud { status: status.into(), qualified, unknown, message }
}
