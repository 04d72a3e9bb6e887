//! Calendar months and dates as they appear in exports.
//!
//! Exports spell months many ways (`Oct-2024`, `Sept 2025`, `2024-10-01`,
//! `10/1/2024`); everything is reduced to a [`Month`] (or a [`Date`] where
//! the day matters, as for certification expiry).

use crate::to_json::ToJson;
use std::fmt;

/// A calendar month, stored as `year * 12 + month_index` so that
/// "twelve months earlier" is a subtraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(u32);

impl Month {
    /// `month` is 1-based (1 = January).
    pub fn new(year: u32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year)).then(|| Month(year * 12 + month - 1))
    }
    /// The month `year * 12 + month - 1` numbers: the inverse of [`index`](Self::index).
    pub(crate) fn from_index(index: u32) -> Month {
        Month(index)
    }
    /// `year * 12 + month - 1`.
    pub(crate) fn index(self) -> u32 {
        self.0
    }
    pub fn year(self) -> u32 {
        self.0 / 12
    }
    /// 1-based month of the year.
    pub fn month(self) -> u32 {
        self.0 % 12 + 1
    }
    pub fn minus(self, months: u32) -> Option<Month> {
        self.0.checked_sub(months).map(Month).filter(|m| m.year() >= 1900)
    }
    pub fn plus(self, months: u32) -> Month {
        Month(self.0.saturating_add(months))
    }
    /// Days in this month (Gregorian).
    pub fn days(self) -> u32 {
        match self.month() {
            2 if is_leap(self.year()) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
    /// This month by the system clock (UTC), where there is one: never in
    /// WebAssembly, where "today" is the caller's to give.
    pub fn current() -> Option<Month> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
            Month::of_unix_day(i64::try_from(secs / 86_400).ok()?)
        }
        #[cfg(target_arch = "wasm32")]
        {
            None
        }
    }
    /// The month of a day counted from 1970-01-01 (Howard Hinnant's
    /// days_from_civil, inverted).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn of_unix_day(days: i64) -> Option<Month> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Month::new(u32::try_from(year).ok()?, u32::try_from(month).ok()?)
    }
    /// The canonical `YYYY-MM` form, also what the report uses.
    pub fn parse_iso(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }
    /// A month as exports write it; also accepts a full date (the day is
    /// dropped) and Microsoft's fiscal label (`FY26-M04`).
    pub fn parse_export(text: &str) -> Option<Month> {
        fiscal(text).or_else(|| parse_date_parts(text).map(|(month, _)| month))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// `"2025-10"`.
impl ToJson for Month {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_digits(out);
        out.push(b'"');
    }
}

impl Month {
    /// `2025-10`: the year's four digits and the month's two.
    fn write_digits(self, out: &mut Vec<u8>) {
        let (year, month) = (self.year(), self.month());
        let digit = |n: u32| b'0' + (n % 10) as u8;
        if year > 9999 {
            out.extend_from_slice(year.to_string().as_bytes());
        } else {
            out.extend_from_slice(&[digit(year / 1000), digit(year / 100), digit(year / 10), digit(year)]);
        }
        out.extend_from_slice(&[b'-', digit(month / 10), digit(month)]);
    }
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// A calendar date; `day` is 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub month: Month,
    pub day: u32,
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        match parse_date_parts(text)? {
            (month, Some(day)) => Some(Date { month, day }),
            (month, None) => Some(Date { month, day: 1 }),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.month, self.day)
    }
}

/// `"2025-10-31"`.
impl ToJson for Date {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.month.write_digits(out);
        let digit = |n: u32| b'0' + (n % 10) as u8;
        out.extend_from_slice(&[b'-', digit(self.day / 10), digit(self.day), b'"']);
    }
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `Oct`, `Sept`, `October` (any case) to 1..=12. A prefix of at least three
/// letters of the full name is accepted, which covers `Sept` too.
fn month_from_name(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTH_NAMES.iter().position(|name| name.starts_with(&word)).map(|i| i as u32 + 1)
}

fn number(part: &str) -> Option<u32> {
    if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Two-digit years (`Oct-24`, as Excel re-saves `Oct-2024`) are read as 20YY.
fn year(part: &str) -> Option<u32> {
    match part.len() {
        4 => number(part),
        2 => number(part).map(|y| 2000 + y),
        _ => None,
    }
}

/// Microsoft's fiscal month label, `FY26-M04`, `FY26 M04`, `FY2026-M04`:
/// the fiscal year starts in July and is named by the year it ends in, so
/// FY26 M01 is July 2025 and FY26 M04 is October 2025 (inputs.md section 9).
fn fiscal(text: &str) -> Option<Month> {
    let text = text.trim();
    let rest = text.get(..2).filter(|p| p.eq_ignore_ascii_case("fy")).and(text.get(2..))?;
    let (fy, m) = rest.split_once(['-', ' ', 'M', 'm'])?;
    let m = m.trim_start_matches(['-', ' ']);
    let m = m.strip_prefix(['M', 'm']).unwrap_or(m);
    let (ends, month) = (year(fy)?, number(m).filter(|_| m.len() <= 2)?);
    if !(1..=12).contains(&month) {
        return None;
    }
    // M01..M06 are July to December of the year before the one it ends in.
    let (year, month) = if month <= 6 { (ends.checked_sub(1)?, month + 6) } else { (ends, month - 6) };
    Month::new(year, month)
}

fn with_day(month: Month, day: u32) -> Option<(Month, Option<u32>)> {
    (1..=month.days()).contains(&day).then_some((month, Some(day)))
}

/// Parses the month, and the day when the text has one. Accepted:
/// `2024-10`, `2024-10-01` (with an optional time after `T` or a space),
/// `10/1/2024` (month/day/year, as US exports write it), `1.10.2024`
/// (day.month.year, as European Excel writes it), `10/2024`,
/// `Oct-2024`, `Oct 2024`, `October 2024`, `Sept 2025`, `Oct-24`, `1-Oct-2024`.
fn parse_date_parts(text: &str) -> Option<(Month, Option<u32>)> {
    let text = text.trim();
    // Drop a time of day: "2024-10-01T00:00:00", "10/1/2024 12:00:00 AM".
    let text = text
        .split(['T', ' '])
        .next()
        .filter(|d| d.contains(['-', '/', '.']) && d.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        .unwrap_or(text);
    let parts: Vec<&str> = text.split(['-', '/', ' ', '.', ',']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [a, b] => {
            if let Some(m) = month_from_name(a) {
                return Month::new(year(b)?, m).map(|m| (m, None));
            }
            if a.len() == 4 {
                return Month::new(number(a)?, number(b)?).map(|m| (m, None));
            }
            if b.len() == 4 {
                return Month::new(number(b)?, number(a)?).map(|m| (m, None));
            }
            None
        }
        [a, b, c] => {
            if a.len() == 4 {
                let month = Month::new(number(a)?, number(b)?)?;
                return with_day(month, number(c)?);
            }
            if let Some(m) = month_from_name(b) {
                return with_day(Month::new(year(c)?, m)?, number(a)?);
            }
            // "Oct 1, 2025", "October 1 2025"
            if let Some(m) = month_from_name(a) {
                return with_day(Month::new(year(c)?, m)?, number(b)?);
            }
            if c.len() != 4 {
                return None;
            }
            // Slashes are US month/day/year; dots are European day.month.year.
            let (m, d) = if text.contains('.') { (b, a) } else { (a, b) };
            with_day(Month::new(number(c)?, number(m)?)?, number(d)?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_days_since_1970() {
        let month = |days| Month::of_unix_day(days).map(|m| m.to_string());
        assert_eq!(month(0).as_deref(), Some("1970-01"));
        assert_eq!(month(31).as_deref(), Some("1970-02"));
        // 2024-02-29, 2024-03-01, 2026-12-05, 2000-12-31.
        assert_eq!(month(19_782).as_deref(), Some("2024-02"));
        assert_eq!(month(19_783).as_deref(), Some("2024-03"));
        assert_eq!(month(20_792).as_deref(), Some("2026-12"));
        assert_eq!(month(11_322).as_deref(), Some("2000-12"));
        assert!(Month::current().is_some());
    }

    fn m(text: &str) -> Option<String> {
        Month::parse_export(text).map(|m| m.to_string())
    }

    #[test]
    fn every_documented_month_format() {
        for text in [
            "Oct-2024",
            "Oct 2024",
            "October 2024",
            "2024-10",
            "2024-10-01",
            "10/1/2024",
            "oct-2024",
            "OCT 2024",
            "Oct-24",
            "1.10.2024",
            "2024-10-01T00:00:00",
            "10/1/2024 12:00:00 AM",
            "10/2024",
            "1-Oct-2024",
        ] {
            assert_eq!(m(text).as_deref(), Some("2024-10"), "{text}");
        }
        assert_eq!(m("Sept 2025").as_deref(), Some("2025-09"));
        assert_eq!(m("Sep-2025").as_deref(), Some("2025-09"));
    }

    #[test]
    fn impossible_months_are_rejected() {
        for text in ["13-2025", "2025-13", "", "Foo 2024", "2/30/2025", "2024-02-30", "abc", "10/1/24x", "Ma 2024"] {
            assert_eq!(m(text), None, "{text}");
        }
    }

    #[test]
    fn fiscal_labels_start_in_july() {
        for (text, month) in [
            ("FY26-M04", "2025-10"),
            ("FY26 M04", "2025-10"),
            ("fy26-m4", "2025-10"),
            ("FY2026-M04", "2025-10"),
            ("FY26-M01", "2025-07"),
            ("FY26-M06", "2025-12"),
            ("FY26-M07", "2026-01"),
            ("FY26-M12", "2026-06"),
            ("FY25 M04", "2024-10"),
        ] {
            assert_eq!(m(text).as_deref(), Some(month), "{text}");
        }
        for text in ["FY26-M13", "FY26-M00", "FY26", "FY-M04", "FY2-M04", "FY26-M004", "FYI 2025", "FY26-Mx"] {
            assert_eq!(m(text), None, "{text}");
        }
    }

    #[test]
    fn arithmetic() {
        let oct = Month::parse_iso("2025-10").unwrap();
        assert_eq!(oct.minus(12).unwrap().to_string(), "2024-10");
        assert_eq!(oct.plus(3).to_string(), "2026-01");
        assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
        assert_eq!(Month::new(2100, 2).unwrap().days(), 28);
    }

    #[test]
    fn dates_keep_the_day() {
        assert_eq!(Date::parse("2024-03-11").unwrap().to_string(), "2024-03-11");
        assert_eq!(Date::parse("3/11/2024").unwrap().to_string(), "2024-03-11");
        assert_eq!(Date::parse("11.03.2024").unwrap().to_string(), "2024-03-11");
    }
}
