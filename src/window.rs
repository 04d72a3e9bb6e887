//! Month-by-month history and the qualification window (spec section 7).

use crate::load::Loaded;
use crate::month::Date;
use crate::report::{
    AreaMonth, HistoryMonth, Keyed, QualificationWindow, Status, TrackReport, TrackSummary, WindowMonth,
};
use crate::ruleset::Ruleset;
use crate::score::{areas_pass, DetailLevel, ScoreOptions, Typing};
use std::collections::BTreeMap;

/// The headline area's history in the top level's shape: every month
/// from the first to the last of its own data (the usage exports' for an
/// area that reads them), from the one history of every area; a month
/// without data or without its baseline is "Data unavailable", never a
/// score.
pub fn headline_history(area: &Ruleset, loaded: &Loaded, months: Option<&[MonthScore]>) -> Vec<HistoryMonth> {
    let months = months.unwrap_or_default();
    let covered = |m: &MonthScore| {
        if area.reads_usage() {
            loaded.usage.months.contains(&m.summary.month)
        } else {
            m.own_month
        }
    };
    let (Some(first), Some(last)) = (months.iter().position(covered), months.iter().rposition(covered)) else {
        return vec![];
    };
    months[first..=last].iter().map(|m| month_entry(m, covered(m))).collect()
}

fn month_entry(score: &MonthScore, covered: bool) -> HistoryMonth {
    let m = score.summary.month;
    if !covered || !score.summary.available {
        let reason = if covered {
            format!("the baseline month {} is missing", m.minus(12).map(|b| b.to_string()).unwrap_or_default())
        } else {
            format!("no export covers {m}")
        };
        return HistoryMonth {
            month: m,
            available: false,
            reason: Some(reason),
            best_track: None,
            total: None,
            status: None,
            metrics: None,
            tracks: Keyed::default(),
        };
    }
    let tracks = &score.tracks;
    let best = score.summary.track.as_deref().and_then(|id| tracks.get(id)).or_else(|| tracks.values().next());
    HistoryMonth {
        month: m,
        available: true,
        reason: None,
        best_track: score.summary.track.clone().filter(|id| tracks.get(id).is_some_and(|t| !t.total.is_zero())),
        total: best.map(|t| t.total),
        status: Some(score.summary.status),
        metrics: best.map(|t| Keyed(t.metrics.0.iter().map(|(id, m)| (id.clone(), m.points())).collect())),
        tracks: Keyed(
            tracks.0.iter().map(|(id, t)| (id.clone(), TrackSummary { total: t.total, status: t.status })).collect(),
        ),
    }
}

/// The next anniversary on or after `today` (the designation renews yearly
/// on the same day).
fn next_anniversary(anniversary: Date, today: Date) -> Date {
    let mut month = anniversary.month;
    while (Date { month, day: anniversary.day.min(month.days()) }) < today {
        month = month.plus(12);
    }
    Date { month, day: anniversary.day.min(month.days()) }
}

pub fn qualification_window(
    ruleset: &Ruleset,
    today: Date,
    anniversary: Option<Date>,
    history: &[HistoryMonth],
) -> QualificationWindow {
    let before = ruleset.data.window.months_before;
    let renewal = anniversary.map(|a| next_anniversary(a, today));
    let (start_month, end) = match renewal {
        // Enrolled: the anniversary month and the months before it.
        Some(a) => (a.month.minus(before), Date { month: a.month, day: a.month.days() }),
        // Not enrolled: this month and the full months before it, up to today.
        None => (today.month.minus(before), today),
    };
    let start = Date { month: start_month.unwrap_or(end.month), day: 1 };
    let mut months = vec![];
    let mut m = start.month;
    while m <= end.month {
        let entry = history.iter().find(|h| h.month == m);
        months.push(WindowMonth {
            month: m,
            available: entry.is_some_and(|h| h.available),
            status: entry.and_then(|h| h.status),
        });
        m = m.plus(1);
    }
    let qualified: Vec<String> =
        months.iter().filter(|w| w.status == Some(Status::Qualified)).map(|w| w.month.to_string()).collect();
    let unavailable = months.iter().filter(|w| !w.available).count();
    let gaps =
        if unavailable > 0 { format!(" {unavailable} month(s) of the window have no data.") } else { String::new() };
    let days = ruleset.data.window.enrolment_days;
    let (eligible, message) = match renewal {
        None if !qualified.is_empty() => (
            true,
            format!("Qualified in {}: you may enrol. Enrolment must follow within {days} days of the day you qualified.", qualified.join(", ")),
        ),
        None => (
            false,
            format!("Not qualified in the window {start} to {end}.{gaps} Qualifying on any day in it allows enrolment within {days} days."),
        ),
        Some(a) if today < start => (
            false,
            format!("Your renewal window opens on {start} (anniversary {a}). The designation stays until the anniversary whatever the score."),
        ),
        Some(a) if !qualified.is_empty() => (
            true,
            format!("Qualified in {}, inside the renewal window {start} to {end}: you may renew on {a}.", qualified.join(", ")),
        ),
        Some(a) => (
            false,
            format!("Not yet qualified in the renewal window {start} to {end}.{gaps} Qualify at any point before {end} to renew on {a}; the designation stays until then whatever the score."),
        ),
    };
    QualificationWindow {
        enrolled: renewal.is_some(),
        today,
        anniversary: renewal,
        start,
        end,
        months,
        eligible,
        message,
    }
}

/// One area in one month of the history: its summary and its tracks.
pub struct MonthScore {
    pub summary: AreaMonth,
    /// The month is the area's own as-of month (its data covers it).
    pub own_month: bool,
    pub tracks: Keyed<TrackReport>,
}

/// Every area's score month by month (designations.md section 4): each
/// month from the first to the last of any loaded export, scored as if it
/// were the as-of month, or with `only` that area's. It is of the files:
/// typed values describe today, not past months.
pub fn area_history(
    rulesets: &[Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    only: Option<&str>,
) -> BTreeMap<String, Vec<MonthScore>> {
    let mut out: BTreeMap<String, Vec<MonthScore>> = BTreeMap::new();
    let (Some(first), Some(last)) = (crate::data::any_earliest(loaded), crate::data::any_latest(loaded)) else {
        return out;
    };
    let mut m = first;
    while m <= last {
        let month_options = ScoreOptions {
            as_of: Some(m),
            // Only the areas' scores are kept: no tenant, person or pair lists.
            detail: DetailLevel::Summary,
            tracks: options.tracks.clone(),
            ..ScoreOptions::default()
        };
        let pass = areas_pass(rulesets, loaded, &month_options, Typing::None, only);
        for (id, area) in pass.areas.0 {
            // An area scored as of another month (Modern Work falls back to
            // its latest when the month has no usage) has no verdict for `m`.
            let own_month = area.as_of == Some(m);
            let verdict = !matches!(area.status, Status::NotScored | Status::Incomplete);
            let summary = AreaMonth {
                month: m,
                available: own_month && verdict,
                status: if own_month { area.status } else { Status::NotScored },
                total: area.total.filter(|_| own_month),
                track: area.track.filter(|_| own_month),
            };
            out.entry(id).or_default().push(MonthScore { summary, own_month, tracks: area.tracks });
        }
        m = m.plus(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn spec_window_examples() {
        let rules = Ruleset::modern_work();
        // Not enrolled, on 15 Aug 2024: 1 Mar 2024 to 15 Aug 2024.
        let w = qualification_window(&rules, date("2024-08-15"), None, &[]);
        assert_eq!((w.start.to_string(), w.end.to_string()), ("2024-03-01".into(), "2024-08-15".into()));
        assert_eq!(w.months.len(), 6);
        assert!(!w.eligible);
        // Enrolled, anniversary 15 Aug 2024: 1 Mar 2024 to 31 Aug 2024.
        let w = qualification_window(&rules, date("2024-07-01"), Some(date("2024-08-15")), &[]);
        assert_eq!((w.start.to_string(), w.end.to_string()), ("2024-03-01".into(), "2024-08-31".into()));
        assert!(w.enrolled);
    }

    #[test]
    fn anniversaries_recur_yearly() {
        assert_eq!(next_anniversary(date("2024-08-15"), date("2026-11-24")).to_string(), "2027-08-15");
        assert_eq!(next_anniversary(date("2024-02-29"), date("2025-01-01")).to_string(), "2025-02-28");
        assert_eq!(next_anniversary(date("2026-12-01"), date("2026-11-24")).to_string(), "2026-12-01");
    }
}
