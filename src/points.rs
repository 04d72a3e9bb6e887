//! Exact points.
//!
//! Partner Center decides qualification on the exact total (69.99 is not
//! 70), and per-unit points such as 30/2000 are not representable in binary
//! floating point. Points are therefore exact fractions; they become `f64`
//! only in the report, each by a single correctly rounded division.

use crate::to_json::{number, ToJson};
use std::cmp::Ordering;
use std::ops::Add;

#[derive(Clone, Copy, Debug)]
pub struct Points {
    num: i128,
    den: i128, // always > 0, fraction in lowest terms
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

impl Points {
    pub const ZERO: Points = Points { num: 0, den: 1 };

    pub fn whole(n: u32) -> Points {
        Points { num: i128::from(n), den: 1 }
    }

    /// `value / threshold * max`, clamped to `[0, max]`: the points of every
    /// metric. `value` is given as `value_num / value_den` so that counts in
    /// hundredths stay exact.
    pub fn scaled(value_num: i64, value_den: i64, threshold: u32, max: u32) -> Points {
        let earned = Points::ratio(
            i128::from(value_num) * i128::from(max),
            i128::from(value_den) * i128::from(threshold.max(1)),
        );
        earned.clamp(Points::ZERO, Points::whole(max))
    }

    /// `value / threshold * max`, clamped to `[0, max]`, for an exact value.
    pub fn linear(value: Points, threshold: u32, max: u32) -> Points {
        let earned = Points::ratio(value.num * i128::from(max), value.den * i128::from(threshold.max(1)));
        earned.clamp(Points::ZERO, Points::whole(max))
    }

    /// The exact fraction `num / den` (`den` must not be 0; 0 is read as 1).
    pub fn fraction(num: i64, den: i64) -> Points {
        Points::ratio(i128::from(num), i128::from(if den == 0 { 1 } else { den }))
    }

    /// The fraction `num / den` of figures that may pass 64 bits (sums of
    /// consumption value): exact while they fit, else to 18 significant
    /// digits, so that sums and comparisons of points cannot overflow.
    pub fn from_i128(mut num: i128, mut den: i128) -> Points {
        if den == 0 {
            den = 1;
        }
        let g = gcd(num, den).max(1);
        (num, den) = (num / g, den / g);
        const LIMIT: i128 = 1_000_000_000_000_000_000;
        while num.abs() > LIMIT || den.abs() > LIMIT {
            (num, den) = (num / 10, den / 10);
        }
        Points::ratio(num, if den == 0 { 1 } else { den })
    }

    /// `self - value`.
    pub fn difference_from(self, value: Points) -> Points {
        Points::difference(self, value)
    }

    /// `self x n`.
    pub fn times(self, n: i64) -> Points {
        Points::ratio(self.num * i128::from(n), self.den)
    }

    /// Whole units needed to reach `target` from `self` at `per_unit` each,
    /// rounded up (0 when already there).
    pub fn units_to(self, target: Points, per_unit: Points) -> u64 {
        let gap = Points::difference(target, self);
        if gap <= Points::ZERO || per_unit <= Points::ZERO {
            return 0;
        }
        let num = gap.num * per_unit.den;
        let den = gap.den * per_unit.num;
        u64::try_from((num + den - 1) / den).unwrap_or(u64::MAX)
    }

    /// Reads a decimal as written (`-1`, `12.5`, `9000`): exact.
    pub fn parse_decimal(text: &str) -> Option<Points> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let valid = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !valid(whole) || !valid(fraction) || fraction.len() > 12 {
            return None;
        }
        let mut num: i128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            num = num.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
            if num > i128::from(i64::MAX) {
                return None;
            }
        }
        let den = 10i128.pow(fraction.len() as u32);
        Some(Points::ratio(if negative { -num } else { num }, den))
    }

    /// True for a whole number.
    pub fn is_whole(self) -> bool {
        self.den == 1
    }

    /// The whole part, rounded toward zero.
    pub fn whole_part(self) -> i64 {
        i64::try_from(self.num / self.den).unwrap_or(0)
    }

    fn ratio(num: i128, den: i128) -> Points {
        let g = gcd(num, den).max(1);
        let sign = if den < 0 { -1 } else { 1 };
        Points { num: sign * num / g, den: sign * den / g }
    }

    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `a - b`.
    pub fn difference(a: Points, b: Points) -> Points {
        a + Points { num: -b.num, den: b.den }
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points::ratio(self.num * other.den + other.num * self.den, self.den * other.den)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

impl PartialEq for Points {
    fn eq(&self, other: &Points) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Points {}
impl PartialOrd for Points {
    fn partial_cmp(&self, other: &Points) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Points {
    fn cmp(&self, other: &Points) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

/// At most four decimals, trailing zeros dropped: `22.5`, `30`, `3.375`.
/// Written with integer arithmetic, so no float formatting code is linked.
impl std::fmt::Display for Points {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scaled = (self.num.abs() * 10_000 + self.den / 2) / self.den;
        let sign = if self.num < 0 && scaled != 0 { "-" } else { "" };
        let (whole, mut fraction) = (scaled / 10_000, scaled % 10_000);
        if fraction == 0 {
            return write!(f, "{sign}{whole}");
        }
        let mut digits = 4;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        write!(f, "{sign}{whole}.{fraction:0digits$}")
    }
}

/// Points in a sentence: at most one decimal (`16.7`, `22.5`, `30`), with
/// thousands separators, as a person reads them (`16.6667` is for JSON).
pub fn prose(points: Points) -> String {
    let tenths = (points.times(10) + Points::fraction(if points.num < 0 { -1 } else { 1 }, 2)).whole_part();
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    match tenth {
        0 => format!("{sign}{}", grouped(whole)),
        t => format!("{sign}{}.{t}", grouped(whole)),
    }
}

/// A whole number with thousands separators: `16,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "16,000 more people" or, for an amount in dollars, "USD 16,000 more":
/// `unit` names the unit ("people", "USD of security consumption growth");
/// `what` is put before the unit's remaining words (an option, a part).
pub fn more_of(needed: u64, what: &str, unit: &str) -> String {
    let spaced = |parts: &[&str]| {
        let mut out = String::new();
        for part in parts.iter().filter(|p| !p.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part);
        }
        out
    };
    match unit.strip_prefix("USD") {
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
            let rest = rest.trim_start().strip_prefix("of ").unwrap_or(rest.trim_start());
            spaced(&[&format!("USD {} more", grouped(needed)), what, rest])
        }
        _ => spaced(&[&format!("{} more", grouped(needed)), what, unit]),
    }
}

impl ToJson for Points {
    fn write_json(&self, out: &mut Vec<u8>) {
        number(out, self.as_f64());
    }
}

/// A metric's value (people, net adds, typed figures) as written: a whole
/// number as an integer (`3`, not `3.0`), anything else as a float.
pub struct Value<'a>(pub &'a Option<Points>);

impl ToJson for Value<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self.0 {
            Some(v) if v.is_whole() => v.whole_part().write_json(out),
            v => v.map(Points::as_f64).write_json(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_points_are_exact_and_clamped() {
        assert_eq!(Points::scaled(352, 1, 1000, 30).as_f64(), 10.56);
        assert_eq!(Points::scaled(3835, 1, 4000, 30).as_f64(), 28.7625);
        assert_eq!(Points::scaled(22500, 100, 2000, 30).as_f64(), 3.375);
        assert_eq!(Points::scaled(1500, 1, 1000, 30), Points::whole(30));
        assert_eq!(Points::scaled(-3, 1, 5, 20), Points::ZERO);
    }

    #[test]
    fn prose_has_one_decimal_and_separators() {
        let p = |num, den| prose(Points::fraction(num, den));
        assert_eq!(
            [p(50, 3), p(45, 2), p(30, 1), p(1, 400), p(-50, 3), p(123_456, 1)],
            ["16.7", "22.5", "30", "0", "-16.7", "123,456"]
        );
        assert_eq!(
            more_of(16_000, "Azure", "USD of security consumption growth"),
            "USD 16,000 more Azure security consumption growth"
        );
        assert_eq!(more_of(16_000, "", "USD"), "USD 16,000 more");
        assert_eq!(more_of(5599, "qualified CSP", "MAU growth"), "5,599 more qualified CSP MAU growth");
        assert_eq!(more_of(1, "", "person"), "1 more person");
    }

    #[test]
    fn decimals_and_units() {
        assert_eq!(Points::parse_decimal("12.5"), Some(Points::fraction(25, 2)));
        assert_eq!(Points::parse_decimal("-1"), Some(Points::fraction(-1, 1)));
        assert_eq!(Points::parse_decimal("abc"), None);
        assert_eq!(Points::parse_decimal("."), None);
        assert_eq!(Points::linear(Points::fraction(3, 1), 6, 40).to_string(), "20");
        assert_eq!(Points::ZERO.units_to(Points::whole(15), Points::fraction(15, 7)), 7);
        assert_eq!(Points::whole(10).units_to(Points::whole(10), Points::whole(1)), 0);
    }

    #[test]
    fn display_uses_as_few_decimals_as_needed() {
        assert_eq!(Points::scaled(9, 1, 10, 25).to_string(), "22.5");
        assert_eq!(Points::whole(30).to_string(), "30");
        assert_eq!(Points::scaled(22500, 100, 2000, 30).to_string(), "3.375");
        assert_eq!(Points::scaled(1, 1, 3, 1).to_string(), "0.3333");
        assert_eq!(Points::scaled(352, 1, 1000, 30).to_string(), "10.56");
        assert_eq!(Points::difference(Points::ZERO, Points::whole(2)).to_string(), "-2");
    }

    #[test]
    fn large_fractions_are_exact_while_they_fit() {
        assert_eq!(Points::from_i128(1_040_000_000_000, 4_900_000_000_000), Points::fraction(104, 490));
        assert_eq!(Points::from_i128(3, 0), Points::whole(3));
        let huge = Points::from_i128(i128::MAX / 7, i128::MAX / 3);
        assert!((huge.as_f64() - 3.0 / 7.0).abs() < 1e-12);
        // Comparisons and sums of the result stay in range.
        assert!(huge + huge > Points::ZERO);
    }

    #[test]
    fn sums_do_not_drift() {
        let total: Points =
            [Points::whole(10), Points::whole(15), Points::scaled(3835, 1, 4000, 30), Points::whole(10)]
                .into_iter()
                .sum();
        assert_eq!(total.as_f64(), 63.7625);
        // 69.99 stays below 70 however it is summed.
        let almost = Points::scaled(6999, 100, 100, 100);
        assert!(almost < Points::whole(70));
        assert_eq!(Points::scaled(7000, 100, 100, 100), Points::whole(70));
    }
}
