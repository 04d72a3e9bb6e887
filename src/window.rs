//! The qualification window (spec section 7), read from an area's
//! month-by-month history (built in score.rs).

use crate::month::Date;
use crate::report::{AreaMonth, QualificationWindow, Status, WindowMonth};
use crate::ruleset::Ruleset;

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
    history: &[AreaMonth],
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
            status: entry.filter(|h| h.available).map(|h| h.status),
        });
        m = m.plus(1);
    }
    // The months qualified in, "2024-03, 2024-05" (empty when none).
    let mut qualified = String::new();
    for w in months.iter().filter(|w| w.status == Some(Status::Qualified)) {
        if !qualified.is_empty() {
            qualified.push_str(", ");
        }
        qualified.push_str(&w.month.to_string());
    }
    let unavailable = months.iter().filter(|w| !w.available).count();
    let gaps = match unavailable {
        0 => String::new(),
        1 => " 1 month of the window has no data.".to_string(),
        n => format!(" {n} months of the window have no data."),
    };
    let days = ruleset.data.window.enrolment_days;
    let (eligible, message) = match renewal {
        None if !qualified.is_empty() => (
            true,
            format!("Qualified in {qualified}: you may enrol. Enrolment must follow within {days} days of the day you qualified."),
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
            format!("Qualified in {qualified}, inside the renewal window {start} to {end}: you may renew on {a}."),
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
