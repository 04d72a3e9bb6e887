//! Usage counts (MAU, PAU) and amounts (Azure ACR) as exports write them.
//!
//! Counts are kept as whole hundredths in a `u32`, so that sums and the
//! deployment ratio are exact (a 39.99% ratio must never round to 40%);
//! amounts as signed hundredths in an `i64` (credits are negative).

use std::fmt;

/// A non-negative count with two decimals, in hundredths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Count(pub u32);

impl Count {
    pub const ZERO: Count = Count(0);

    pub fn hundredths(self) -> i64 {
        i64::from(self.0)
    }
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 % 100 {
            0 => write!(f, "{}", self.0 / 100),
            c => write!(f, "{}.{:02}", self.0 / 100, c),
        }
    }
}

/// Why a count could not be read; the message completes "… in column X".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    Empty,
    Negative,
    NotANumber,
    TooLarge,
}

impl CountError {
    pub fn message(self) -> &'static str {
        match self {
            CountError::Empty => "empty value where a number is required",
            CountError::Negative => "negative number where a count is required",
            CountError::NotANumber => "not a number",
            CountError::TooLarge => "number too large for a user count (over 42,949,672)",
        }
    }
}

/// The common case without allocating: plain digits with an optional `.`
/// and at most two decimals (`13`, `13.00`, `13.5`). `None` means "use
/// [`parse_count`]", not "invalid".
pub fn parse_plain_count(bytes: &[u8]) -> Option<Count> {
    let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
        Some(i) => (bytes.get(..i)?, bytes.get(i + 1..)?),
        None => (bytes, &[][..]),
    };
    if whole.is_empty() || whole.len() > 7 {
        return None;
    }
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let mut units: u32 = 0;
    for &b in whole {
        units = units * 10 + digit(b)?;
    }
    let hundredths = match *fraction {
        [] => 0,
        [tenths] => digit(tenths)? * 10,
        [tenths, hundredths] => digit(tenths)? * 10 + digit(hundredths)?,
        _ => return None,
    };
    Some(Count(units * 100 + hundredths))
}

/// Reads `13`, `13.00`, `1,234.00`, `1.234,56` (decimal comma), `13,5`,
/// `1 234`, `1.5E+03` (Excel's scientific form). The decimal separator is
/// the last of `.` and `,` when both appear; a lone `,` followed by exactly
/// three digits is a thousands separator (`1,234`), otherwise a decimal one.
pub fn parse_count(text: &str) -> Result<Count, CountError> {
    let hundredths = parse_hundredths(text)?;
    u32::try_from(hundredths).map(Count).map_err(|_| CountError::TooLarge)
}

/// A non-negative number in hundredths, as large as 64 bits hold: what
/// counts and usage figures share (`-0` is 0; any other sign is an error).
pub fn parse_hundredths(text: &str) -> Result<u64, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    if let Some(rest) = text.strip_prefix('-') {
        // One sign only: `--5` is not a number, and recursing once per `-`
        // let a long run of dashes overflow the stack (found by review).
        if rest.trim_start().starts_with('-') {
            return Err(CountError::NotANumber);
        }
        return match parse_hundredths(rest) {
            Ok(0) => Ok(0),
            Ok(_) => Err(CountError::Negative),
            Err(CountError::Empty) => Err(CountError::NotANumber),
            Err(e) => Err(e),
        };
    }
    unsigned_hundredths(text)
}

/// An amount of money in hundredths, signed (Azure credits are negative
/// rows): the formats of [`parse_count`], with one optional leading `-`.
pub fn parse_amount(text: &str) -> Result<i64, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    if rest.is_empty() || rest.starts_with('-') {
        return Err(CountError::NotANumber);
    }
    let hundredths = i64::try_from(unsigned_hundredths(rest)?).map_err(|_| CountError::TooLarge)?;
    Ok(if negative { -hundredths } else { hundredths })
}

/// The common amount without allocating: `-?digits(.digits)?`, rounded
/// half up at the third decimal as [`parse_amount`] does. `None` means "use
/// [`parse_amount`]", not "invalid".
pub fn parse_plain_amount(bytes: &[u8]) -> Option<i64> {
    let (negative, bytes) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &[][..]),
    };
    if whole.is_empty() || whole.len() > 15 || !whole.iter().chain(fraction).all(u8::is_ascii_digit) {
        return None;
    }
    let digit = |i: usize| fraction.get(i).map_or(0, |b| i64::from(b - b'0'));
    let units = whole.iter().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    let hundredths = units * 100 + digit(0) * 10 + digit(1) + i64::from(digit(2) >= 5);
    Some(if negative { -hundredths } else { hundredths })
}

/// Hundredths of an unsigned number (trimmed, not empty), in any of the
/// formats of [`parse_count`].
fn unsigned_hundredths(text: &str) -> Result<u64, CountError> {
    if text.bytes().any(|b| b == b'e' || b == b'E') {
        return parse_scientific(text);
    }
    // Thousands separators that are never decimal ones: spaces, NBSP, apostrophes.
    let cleaned: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    let decimal = match (cleaned.rfind('.'), cleaned.rfind(',')) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) if cleaned.matches('.').count() == 1 => Some(d),
        (None, Some(c)) if cleaned.matches(',').count() == 1 && cleaned.len() - c - 1 != 3 => Some(c),
        _ => None,
    };
    let (whole, fraction) = match decimal {
        Some(i) => (&cleaned[..i], &cleaned[i + 1..]),
        None => (cleaned.as_str(), ""),
    };
    let whole = strip_thousands(whole).ok_or(CountError::NotANumber)?;
    if whole.is_empty() && fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotANumber);
    }
    let mut units: u64 = 0;
    for b in whole.bytes() {
        units = units.checked_mul(10).and_then(|u| u.checked_add(u64::from(b - b'0'))).ok_or(CountError::TooLarge)?;
    }
    let digit = |i: usize| fraction.as_bytes().get(i).map_or(0, |b| u64::from(b - b'0'));
    // Checked all the way: `184467440737095516.99` fills a u64 once the
    // decimals are added, which panicked in debug builds and wrapped to
    // 0.83 in release ones.
    let round = u64::from(digit(2) >= 5); // half up at the third decimal
    units.checked_mul(100).and_then(|h| h.checked_add(digit(0) * 10 + digit(1) + round)).ok_or(CountError::TooLarge)
}

/// Removes `,` or `.` grouping from the integer part, checking the groups
/// are of three digits so that a stray separator is not silently dropped.
fn strip_thousands(whole: &str) -> Option<String> {
    let sep = whole.bytes().find(|b| *b == b',' || *b == b'.');
    let Some(sep) = sep else {
        return whole.bytes().all(|b| b.is_ascii_digit()).then(|| whole.to_string());
    };
    let groups: Vec<&str> = whole.split(sep as char).collect();
    let first_ok = matches!(groups[0].len(), 1..=3);
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let digits_ok = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok && digits_ok).then(|| groups.concat())
}

/// `1.5E+03`, `1,5E+03`, `2e-1`: read exactly, in integers (a float
/// would round `1.005E+00`, and would bring a float parser into the wasm).
fn parse_scientific(text: &str) -> Result<u64, CountError> {
    let (mantissa, exponent) = text.split_once(['e', 'E']).ok_or(CountError::NotANumber)?;
    let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    if exponent_digits.is_empty() || exponent_digits.len() > 4 || !exponent_digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotANumber);
    }
    let exponent: i32 = exponent.parse().map_err(|_| CountError::NotANumber)?;
    // The mantissa's digits as one integer, and how many of them follow the
    // decimal separator (`.` or, from Excel in a decimal-comma locale, `,`).
    let (mut digits, mut decimals, mut separator, mut any) = (0u128, 0i32, false, false);
    for b in mantissa.bytes() {
        match b {
            b'.' | b',' if !separator => separator = true,
            b'0'..=b'9' => {
                any = true;
                match digits.checked_mul(10).and_then(|d| d.checked_add(u128::from(b - b'0'))) {
                    Some(d) => {
                        digits = d;
                        decimals += i32::from(separator);
                    }
                    // Digits past what a u128 holds only matter after the separator.
                    None if separator => {}
                    None => return Err(CountError::TooLarge),
                }
            }
            _ => return Err(CountError::NotANumber),
        }
    }
    if !any {
        return Err(CountError::NotANumber);
    }
    // hundredths = digits x 10^(exponent + 2 - decimals), rounded half up.
    let power = exponent + 2 - decimals;
    let hundredths = if power >= 0 {
        match digits {
            0 => 0,
            _ => 10u128
                .checked_pow(power.unsigned_abs())
                .and_then(|p| digits.checked_mul(p))
                .ok_or(CountError::TooLarge)?,
        }
    } else {
        match 10u128.checked_pow(power.unsigned_abs()) {
            Some(divisor) => digits / divisor + u128::from(digits % divisor * 2 >= divisor),
            None => 0, // below 10^-38 of a hundredth
        }
    };
    u64::try_from(hundredths).map_err(|_| CountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> u32 {
        parse_count(text).unwrap_or_else(|e| panic!("{text}: {e:?}")).0
    }

    #[test]
    fn plain_and_grouped_numbers() {
        assert_eq!(ok("13"), 1300);
        assert_eq!(ok("13.00"), 1300);
        assert_eq!(ok(" 14.5 "), 1450);
        assert_eq!(ok("1,234.00"), 123_400);
        assert_eq!(ok("1,234"), 123_400);
        assert_eq!(ok("1,234,567.89"), 123_456_789);
        assert_eq!(ok("1.234,56"), 123_456);
        assert_eq!(ok("13,5"), 1350);
        assert_eq!(ok("13,00"), 1300);
        assert_eq!(ok("1 234"), 123_400);
        assert_eq!(ok(".5"), 50);
        assert_eq!(ok("0.005"), 1);
        assert_eq!(ok("1.5E+03"), 150_000);
        assert_eq!(ok("-0"), 0);
    }

    #[test]
    fn bad_numbers_say_why() {
        assert_eq!(parse_count(""), Err(CountError::Empty));
        assert_eq!(parse_count("abc"), Err(CountError::NotANumber));
        assert_eq!(parse_count("-"), Err(CountError::NotANumber));
        assert_eq!(parse_count("NaN"), Err(CountError::NotANumber));
        assert_eq!(parse_count("inf"), Err(CountError::NotANumber));
        assert_eq!(parse_count("-5"), Err(CountError::Negative));
        assert_eq!(parse_count("1e9"), Err(CountError::TooLarge));
        // Scientific notation is read exactly, in integers.
        assert_eq!(ok("1,5E+03"), 150_000);
        assert_eq!(ok("2e-1"), 20);
        assert_eq!(ok("1.005E+00"), 101); // 100.5 hundredths, half up
        assert_eq!(ok("4.2949672E+07"), 4_294_967_200);
        assert_eq!(ok("0E+99"), 0);
        assert_eq!(ok("1e-99"), 0);
        assert_eq!(parse_count("4.2949673E+07"), Err(CountError::TooLarge));
        assert_eq!(parse_count("1e99"), Err(CountError::TooLarge));
        assert_eq!(parse_count("1e99999"), Err(CountError::NotANumber));
        for bad in ["e5", "1e", "1e+", "1.2.3e4", "1e5x", "1 e5", "0x1e5"] {
            assert_eq!(parse_count(bad), Err(CountError::NotANumber), "{bad}");
        }
        assert_eq!(parse_count("12,34,5"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1.2.3,4"), Err(CountError::NotANumber));
        assert_eq!(parse_count("99999999999999999999999"), Err(CountError::TooLarge));
        assert_eq!(parse_count("184467440737095516.99"), Err(CountError::TooLarge));
        assert_eq!(parse_count("184467440737095516.995"), Err(CountError::TooLarge));
        assert_eq!(parse_count("--5"), Err(CountError::NotANumber));
        assert_eq!(parse_count("- -5"), Err(CountError::NotANumber));
        assert_eq!(parse_count(&"-".repeat(1_000_000)), Err(CountError::NotANumber));
    }

    #[test]
    fn plain_fast_path_agrees_with_the_full_parser() {
        for text in
            ["0", "13", "13.00", "13.5", "9999999.99", "007", "1.", ".5", "1,234", "13.005", "-1", "", "12345678"]
        {
            if let Some(fast) = parse_plain_count(text.as_bytes()) {
                assert_eq!(Ok(fast), parse_count(text), "{text}");
            }
        }
        assert_eq!(parse_plain_count(b"13.00"), Some(Count(1300)));
        assert_eq!(parse_plain_count(b"1,234"), None);
    }

    #[test]
    fn amounts_are_signed() {
        assert_eq!(parse_amount("1250.40"), Ok(125_040));
        assert_eq!(parse_amount("-300.00"), Ok(-30_000));
        assert_eq!(parse_amount(" - 1,234.5 "), Ok(-123_450));
        assert_eq!(parse_amount("1.234,56"), Ok(123_456));
        assert_eq!(parse_amount("-1.5E+03"), Ok(-150_000));
        assert_eq!(parse_amount("0.0049"), Ok(0));
        assert_eq!(parse_amount("12.345"), Ok(1_235));
        assert_eq!(parse_amount(""), Err(CountError::Empty));
        for bad in ["-", "--5", "- -5", "abc", "1-2", "12,34,5", "(300)"] {
            assert_eq!(parse_amount(bad), Err(CountError::NotANumber), "{bad}");
        }
        assert_eq!(parse_amount("99999999999999999999"), Err(CountError::TooLarge));
        assert_eq!(parse_amount("92233720368547758.08"), Err(CountError::TooLarge));
        assert_eq!(parse_amount(&"-".repeat(100_000)), Err(CountError::NotANumber));
    }

    #[test]
    fn plain_amount_fast_path_agrees_with_the_full_parser() {
        for text in
            ["0", "-0", "13", "-300.00", "1250.4037", "999.99", "0.005", "-0.005", "123456789012345.99", "1.", "-"]
        {
            if let Some(fast) = parse_plain_amount(text.as_bytes()) {
                assert_eq!(Ok(fast), parse_amount(text), "{text}");
            }
        }
        assert_eq!(parse_plain_amount(b"1250.4037"), Some(125_040));
        assert_eq!(parse_plain_amount(b"1,250.40"), None);
        assert_eq!(parse_plain_amount(b"1234567890123456"), None);
    }

    #[test]
    fn display_drops_zero_decimals() {
        assert_eq!(Count(1300).to_string(), "13");
        assert_eq!(Count(1305).to_string(), "13.05");
    }

    #[test]
    fn amounts_are_signed_and_large() {
        assert_eq!(parse_amount("1,850.00"), Ok(185_000));
        assert_eq!(parse_amount("-312.50"), Ok(-31_250));
        assert_eq!(parse_amount(" -1.234,56 "), Ok(-123_456));
        assert_eq!(parse_amount("5000.01"), Ok(500_001));
        assert_eq!(parse_amount("123456789012.34"), Ok(12_345_678_901_234));
        assert_eq!(parse_amount("-0"), Ok(0));
        assert_eq!(parse_amount(""), Err(CountError::Empty));
        for bad in ["-", "--5", "- -5", "abc", "12,34,5", "USD 5"] {
            assert_eq!(parse_amount(bad), Err(CountError::NotANumber), "{bad}");
        }
        assert_eq!(parse_amount("99999999999999999999999"), Err(CountError::TooLarge));
        assert_eq!(parse_hundredths("100000000"), Ok(10_000_000_000));
        assert_eq!(parse_hundredths("-3"), Err(CountError::Negative));
    }
}
