//! The 25-point incentive line (designations.md section 12): since FY26 a
//! CSP indirect reseller earns Microsoft's incentives in an area with its
//! designation or with at least the line's points in that area. The line,
//! the areas that have it and its Decision are the catalogue's data
//! (`incentiveLine`, shared by every ruleset version, as the line does not
//! change with an area's rules); this module only says whether a scored
//! area reaches it.

use crate::points::Points;
use crate::report::{AreaReport, Assumption, IncentiveLine, Status};
use crate::ruleset::{incentive_line, IncentiveLine as Rule, Ruleset, TrackRule};

/// Sets the area's incentive line and names the line's Decision among the
/// area's assumptions.
pub(crate) fn apply(ruleset: &Ruleset, area: &mut AreaReport) {
    let rule = incentive_line();
    area.incentive_line = line(rule, ruleset, area);
    if let Some(d) = rule.decision.as_ref().filter(|_| area.incentive_line.is_some()) {
        area.assumptions.push(Assumption { id: d.id.clone(), text: d.text.clone() });
    }
}

/// Whether the area has the line (the catalogue names it).
pub(crate) fn has_line(area: &str) -> bool {
    incentive_line().areas.iter().any(|a| a == area)
}

/// The area's line, `None` for an area without one.
fn line(rule: &Rule, ruleset: &Ruleset, area: &AreaReport) -> Option<IncentiveLine> {
    if !rule.areas.contains(&ruleset.data.id) {
        return None;
    }
    let points = Points::whole(rule.points);
    if area.status == Status::NotScored {
        return Some(IncentiveLine { points, met: None });
    }
    // The tracks that decide: both where Partner Center takes the better
    // one, else the classified (or chosen) track alone.
    let mut deciding: Vec<(Points, bool)> = vec![];
    for (id, t) in &area.tracks.0 {
        let decides = match ruleset.data.track_choice.rule {
            TrackRule::Best => true,
            TrackRule::Classified => area.track.as_deref() == Some(id.as_str()),
        };
        if decides {
            deciding.push((t.total, t.complete));
        }
    }
    Some(IncentiveLine { points, met: met(points, &deciding) })
}

/// Whether deciding tracks (total, known in full) reach the line: a total
/// at or above it meets it even as a lower bound; below it, only totals
/// known in full can say "not met". Exact points decide (69.99 is not 70).
fn met(line: Points, deciding: &[(Points, bool)]) -> Option<bool> {
    if deciding.iter().any(|&(total, _)| total >= line) {
        Some(true)
    } else if !deciding.is_empty() && deciding.iter().all(|&(_, complete)| complete) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(tenths: i64) -> Points {
        Points::fraction(tenths, 10)
    }

    /// designations.md section 12's table, by the tracks that decide
    /// (the classified areas' other track is not passed: it never counts).
    #[test]
    fn the_catalogue_has_the_line_for_five_areas() {
        let rule = incentive_line();
        assert_eq!(rule.points, 25);
        assert_eq!(rule.areas, ["modern-work", "security", "data-ai", "infrastructure", "digital-app-innovation"]);
        assert_eq!(rule.decision.as_ref().map(|d| d.id.as_str()), Some("incentive-line"));
    }

    #[test]
    fn the_specs_cases() {
        type Case<'a> = (&'a str, &'a [(Points, bool)], Option<bool>);
        let cases: &[Case] = &[
            ("1 classified SMB 26", &[(p(260), true)], Some(true)),
            ("2 classified Enterprise 24.5", &[(p(245), true)], Some(false)),
            ("3 Security 20 and exactly 25", &[(p(200), true), (p(250), true)], Some(true)),
            ("4 Security 22 and at least 18", &[(p(220), true), (p(180), false)], None),
            ("5 classified SMB at least 27", &[(p(270), false)], Some(true)),
            ("6 Modern Work 24.9 and 10", &[(p(249), true), (p(100), true)], Some(false)),
            ("9 Modern Work at least 25", &[(p(100), true), (p(250), false)], Some(true)),
            ("just below, exact", &[(Points::fraction(2499999, 100000), true)], Some(false)),
            ("just above, a lower bound", &[(Points::fraction(2500001, 100000), false)], Some(true)),
            ("no deciding track", &[], None),
        ];
        for (name, deciding, expected) in cases {
            assert_eq!(met(Points::whole(25), deciding), *expected, "{name}");
        }
    }
}
