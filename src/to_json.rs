//! The one JSON writer: every type the module writes (the report and its
//! rows, simulations, plan choices, the portfolio's summary) says how in a
//! [`ToJson`] impl beside its definition, most of them a line per field
//! through [`json_object!`]. The text is byte for byte what serde_json
//! wrote of the same types (compact; [`to_string_pretty`] as its pretty
//! printer), `tests/json_writer.rs` holds it to that.
//!
//! Why not serde's derives: each derived `Serialize` is a serializer
//! monomorphised for serde_json's writer and formatter, some 70 KB of
//! module for the report's types; here a field is a call with a key and a
//! `&dyn ToJson`, and a type's impl is one function (docs/performance.md).

/// A value that writes itself as compact JSON text.
pub trait ToJson {
    fn write_json(&self, out: &mut Vec<u8>);
}

/// Compact JSON text of `value`, as `serde_json::to_string` wrote it.
pub fn to_string(value: &dyn ToJson) -> String {
    // Every impl writes valid UTF-8: ASCII and whole `str`s.
    String::from_utf8(to_vec(value)).unwrap_or_default()
}

/// Two-space indented JSON text of `value`, as `serde_json::to_string_pretty`.
pub fn to_string_pretty(value: &dyn ToJson) -> String {
    let mut out = vec![];
    Indent::default().write(&to_vec(value), &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Compact JSON text of `value` as bytes.
pub fn to_vec(value: &dyn ToJson) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    value.write_json(&mut out);
    out
}

/// An object being written: `field` after `field`, then `end`.
pub struct Object<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Object<'o> {
    pub fn new(out: &'o mut Vec<u8>) -> Object<'o> {
        out.push(b'{');
        Object { out, first: true }
    }

    /// A member whose key is a name of the schema (no character to escape).
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        self.comma();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        value.write_json(self.out);
    }

    /// A member whose key is data (a track id, an association type).
    pub fn entry(&mut self, key: &str, value: &dyn ToJson) {
        self.comma();
        string(self.out, key);
        self.out.push(b':');
        value.write_json(self.out);
    }

    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.push(b',');
        }
    }

    pub fn end(self) {
        self.out.push(b'}');
    }
}

/// `impl ToJson` for structs written as objects, a key and a value per
/// member, in the order given: `Type => |t| { "key": t.field, ... }`.
macro_rules! json_object {
    ($($type:ty => |$this:ident| { $($key:literal: $value:expr),* $(,)? })*) => {$(
        impl $crate::to_json::ToJson for $type {
            fn write_json(&self, out: &mut Vec<u8>) {
                let $this = self;
                let mut object = $crate::to_json::Object::new(out);
                $(object.field($key, &($value));)*
                object.end();
            }
        }
    )*};
}
pub(crate) use json_object;

/// `impl ToJson` for enums written as their names: `Type { Variant => "name", ... }`.
macro_rules! json_names {
    ($($type:ty { $($variant:ident => $name:literal),* $(,)? })*) => {$(
        impl $crate::to_json::ToJson for $type {
            fn write_json(&self, out: &mut Vec<u8>) {
                $crate::to_json::name(out, match self { $(Self::$variant => $name),* });
            }
        }
    )*};
}
pub(crate) use json_names;

/// A string that needs no escaping (a name of the schema), quoted.
pub fn name(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// A string, quoted and escaped as serde_json escapes: `"` and `\`, the
/// control characters (`\n`, `\t`... or `\u00XX`); everything else as is.
pub fn string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xf)]);
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A whole number's digits.
fn digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buffer[at..]);
}

fn signed(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    digits(out, n.unsigned_abs());
}

/// A double as serde_json writes one: the shortest digits that read back
/// as the same double, in positional notation from 1e-5 to below 1e16
/// (`120.0`, `0.0004`), else as `1.5e-7`, `1e+21`; `null` when not finite.
pub fn number(out: &mut Vec<u8>, value: f64) {
    if !value.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    if value.is_sign_negative() {
        out.push(b'-');
    }
    let value = value.abs();
    // Below 2^53 a whole double's shortest digits are the number's own.
    if value.fract() == 0.0 && value < 9_007_199_254_740_992.0 {
        digits(out, value as u64);
        out.extend_from_slice(b".0");
        return;
    }
    let mut significand = [0u8; 17];
    let (count, exponent) = few_decimals(value, &mut significand).unwrap_or_else(|| shortest(value, &mut significand));
    let significand = &significand[..count];
    let count = count as i32;
    if (-5..=15).contains(&exponent) {
        if exponent >= count - 1 {
            // 1234e7 -> 12340000000.0
            out.extend_from_slice(significand);
            out.resize(out.len() + (exponent - count + 1) as usize, b'0');
            out.extend_from_slice(b".0");
        } else if exponent >= 0 {
            // 1234e-2 -> 12.34
            let point = exponent as usize + 1;
            out.extend_from_slice(&significand[..point]);
            out.push(b'.');
            out.extend_from_slice(&significand[point..]);
        } else {
            // 1234e-6 -> 0.001234
            out.extend_from_slice(b"0.");
            out.resize(out.len() + (-exponent - 1) as usize, b'0');
            out.extend_from_slice(significand);
        }
        return;
    }
    // 1234e30 -> 1.234e+33
    out.push(significand[0]);
    if count > 1 {
        out.push(b'.');
        out.extend_from_slice(&significand[1..]);
    }
    out.extend_from_slice(if exponent < 0 { b"e-" } else { b"e+" });
    digits(out, u64::from(exponent.unsigned_abs()));
}

/// The fast way to [`shortest`]'s answer for the doubles reports mostly
/// hold (ratios, amounts in cents): the fewest decimals `d` whose nearest
/// number `c / 10^d` reads back as `value`, if exactly one does and nothing
/// is near a tie; `None` otherwise. Exact: `c / 10^d` of whole doubles
/// below 2^53 is one correctly rounded division, what reading it does.
fn few_decimals(value: f64, out: &mut [u8; 17]) -> Option<(usize, i32)> {
    if !(1e-5..1e15).contains(&value) {
        return None;
    }
    let mut power = 1.0;
    for decimals in 0..=17 {
        let scaled = value * power;
        // Past 2^44 a product's rounding could hide which side of a half it is.
        if scaled >= 17_592_186_044_416.0 || (scaled.fract() - 0.5).abs() < 0.01 {
            return None;
        }
        let whole = scaled.round();
        if whole / power == value {
            if (whole - 1.0) / power == value || (whole + 1.0) / power == value {
                return None;
            }
            let (mut n, mut count) = (whole as u64, 0);
            while n > 0 {
                out.copy_within(..count, 1);
                out[0] = b'0' + (n % 10) as u8;
                n /= 10;
                count += 1;
            }
            return Some((count, count as i32 - 1 - decimals));
        }
        power *= 10.0;
    }
    None
}

/// The shortest digits that read back as `value` (finite, above 0) and
/// the power of ten of the first: Steele and White's free-format algorithm
/// as Burger and Dybvig put it, on small big numbers. Of two candidates
/// equally near it takes serde_json's (zmij's): the even one, or below a
/// power of two the lower one when it reads back. A few hundred bytes of
/// module where Rust's `{:e}` brings 19 KB (Grisu, Dragon4 and tables).
fn shortest(value: f64, out: &mut [u8; 17]) -> (usize, i32) {
    // Within these every figure below fits in 80 bits.
    if (1e-5..1e16).contains(&value) {
        shortest_with::<u128>(value, out)
    } else {
        shortest_with::<Big>(value, out)
    }
}

fn shortest_with<N: Whole>(value: f64, out: &mut [u8; 17]) -> (usize, i32) {
    let bits = value.to_bits();
    let (biased, fraction) = ((bits >> 52) as i32 & 0x7ff, bits & ((1 << 52) - 1));
    // value = whole * 2^exponent.
    let (whole, exponent) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    // Below a power of two the doubles are twice as close.
    let uneven = fraction == 0 && biased > 1;
    // An even significand reads back from the very middle between doubles.
    let inclusive = whole % 2 == 0;
    // value = r / s; the half gaps to the doubles above and below, m_plus / s and m_minus / s.
    let shift = u32::from(uneven);
    let (mut r, mut s, mut m_plus, mut m_minus);
    if exponent >= 0 {
        r = N::of(whole);
        r.shift_left(exponent as u32 + 1 + shift);
        s = N::of(2 << shift);
        m_plus = N::of(1);
        m_plus.shift_left(exponent as u32 + shift);
        m_minus = N::of(1);
        m_minus.shift_left(exponent as u32);
    } else {
        r = N::of(whole << (1 + shift));
        s = N::of(1);
        s.shift_left((1 - exponent) as u32 + shift);
        m_plus = N::of(1 << shift);
        m_minus = N::of(1);
    }
    // The power of ten of the first digit, estimated, then corrected.
    let magnitude = exponent + 64 - whole.leading_zeros() as i32 - 1;
    let mut k = (f64::from(magnitude) * std::f64::consts::LOG10_2).ceil() as i32;
    if k >= 0 {
        s.times_power_of_ten(k as u32);
    } else {
        for big in [&mut r, &mut m_plus, &mut m_minus] {
            big.times_power_of_ten(-k as u32);
        }
    }
    let above = |high: &N, s: &N| match high.cmp(s) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => inclusive,
        std::cmp::Ordering::Less => false,
    };
    while above(&r.plus(&m_plus), &s) {
        s.times(10);
        k += 1;
    }
    loop {
        let mut high = r.plus(&m_plus);
        high.times(10);
        if above(&high, &s) {
            break;
        }
        for big in [&mut r, &mut m_plus, &mut m_minus] {
            big.times(10);
        }
        k -= 1;
    }
    // value = 0.d1 d2 ... * 10^k: a digit at a time until one may end it.
    let mut count = 0;
    loop {
        for big in [&mut r, &mut m_plus, &mut m_minus] {
            big.times(10);
        }
        let mut digit = 0u8;
        while r.cmp(&s) != std::cmp::Ordering::Less {
            r.minus(&s);
            digit += 1;
        }
        let low = match r.cmp(&m_minus) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => inclusive,
            std::cmp::Ordering::Greater => false,
        };
        let high = above(&r.plus(&m_plus), &s);
        if !low && !high && count < 16 {
            out[count] = b'0' + digit;
            count += 1;
            continue;
        }
        let up = match (low, high) {
            (true, false) => false,
            (false, true) => true,
            // Both read back: the nearer, and of two as near the even one
            // (the lower one below a power of two).
            _ => match r.plus(&r).cmp(&s) {
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => !uneven && digit % 2 == 1,
            },
        };
        out[count] = b'0' + digit + u8::from(up);
        count += 1;
        break;
    }
    // A last digit rounded up to 10 carries.
    while count > 1 && out[count - 1] > b'9' {
        count -= 1;
        out[count - 1] += 1;
    }
    if out[0] > b'9' {
        out[0] = b'1';
        k += 1;
    }
    while count > 1 && out[count - 1] == b'0' {
        count -= 1;
    }
    (count, k - 1)
}

/// What [`shortest`] needs of a whole number.
trait Whole: Sized {
    fn of(n: u64) -> Self;
    fn times(&mut self, factor: u32);
    fn shift_left(&mut self, bits: u32);
    fn plus(&self, other: &Self) -> Self;
    /// `self - other`, `other` being no larger.
    fn minus(&mut self, other: &Self);
    fn cmp(&self, other: &Self) -> std::cmp::Ordering;
    fn times_power_of_ten(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.times(10u32.pow(step));
            power -= step;
        }
    }
}

impl Whole for u128 {
    fn of(n: u64) -> u128 {
        u128::from(n)
    }
    fn times(&mut self, factor: u32) {
        *self *= u128::from(factor);
    }
    fn shift_left(&mut self, bits: u32) {
        *self <<= bits;
    }
    fn plus(&self, other: &u128) -> u128 {
        self + other
    }
    fn minus(&mut self, other: &u128) {
        *self -= other;
    }
    fn cmp(&self, other: &u128) -> std::cmp::Ordering {
        Ord::cmp(self, other)
    }
}

/// A whole number of up to 1,280 bits, enough for any double scaled by
/// any power of ten it needs; little-endian 32-bit limbs.
#[derive(Clone)]
struct Big {
    limbs: [u32; 40],
    len: usize,
}

impl Big {
    fn normalise(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }
}

impl Whole for Big {
    fn of(n: u64) -> Big {
        let mut big = Big { limbs: [0; 40], len: 2 };
        big.limbs[0] = n as u32;
        big.limbs[1] = (n >> 32) as u32;
        big.normalise();
        big
    }

    fn times(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs[..self.len] {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
        }
    }

    fn shift_left(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            self.times(1 << bits);
        }
        if limbs > 0 && self.len > 0 {
            self.limbs.copy_within(..self.len, limbs);
            self.limbs[..limbs].fill(0);
            self.len += limbs;
        }
    }

    fn plus(&self, other: &Big) -> Big {
        let mut sum = self.clone();
        let len = self.len.max(other.len);
        let mut carry = 0u64;
        for i in 0..len {
            let total = u64::from(sum.limbs[i]) + u64::from(other.limbs[i]) + carry;
            sum.limbs[i] = total as u32;
            carry = total >> 32;
        }
        sum.len = len;
        if carry > 0 {
            sum.limbs[len] = 1;
            sum.len += 1;
        }
        sum
    }

    fn minus(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.len {
            let difference = i64::from(self.limbs[i]) - i64::from(other.limbs[i]) - borrow;
            self.limbs[i] = difference as u32;
            borrow = i64::from(difference < 0);
        }
        self.normalise();
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.len
            .cmp(&other.len)
            .then_with(|| self.limbs[..self.len].iter().rev().cmp(other.limbs[..other.len].iter().rev()))
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        digits(out, *self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut Vec<u8>) {
        digits(out, u64::from(*self));
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut Vec<u8>) {
        digits(out, *self as u64);
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut Vec<u8>) {
        signed(out, i64::from(*self));
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        signed(out, *self);
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        number(out, *self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        string(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut Vec<u8>) {
        array(out, &mut self.iter().map(|item| item as &dyn ToJson));
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_slice().write_json(out);
    }
}

/// An array of the items, whatever their type (one copy of the loop).
pub fn array(out: &mut Vec<u8>, items: &mut dyn Iterator<Item = &dyn ToJson>) {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item.write_json(out);
    }
    out.push(b']');
}

/// Compact JSON indented as serde_json's pretty printer does (two spaces,
/// `"key": value`, `{}` and `[]` when empty), fed in pieces: a few lines
/// here rather than a second writer for every type.
#[derive(Default)]
pub(crate) struct Indent {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// A `{` or `[` was just written: its first item opens a line.
    opened: bool,
}

impl Indent {
    pub(crate) fn write(&mut self, text: &[u8], out: &mut Vec<u8>) {
        let new_line = |out: &mut Vec<u8>, depth: usize| {
            out.push(b'\n');
            out.resize(out.len() + 2 * depth, b' ');
        };
        for &c in text {
            if self.in_string {
                out.push(c);
                match c {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            if std::mem::take(&mut self.opened) {
                if c == b'}' || c == b']' {
                    out.push(c);
                    continue;
                }
                self.depth += 1;
                new_line(out, self.depth);
            }
            match c {
                b'"' => {
                    self.in_string = true;
                    out.push(c);
                }
                b'{' | b'[' => {
                    out.push(c);
                    self.opened = true;
                }
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    new_line(out, self.depth);
                    out.push(c);
                }
                b',' => {
                    out.push(c);
                    new_line(out, self.depth);
                }
                b':' => out.extend_from_slice(b": "),
                _ => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &dyn ToJson) -> String {
        to_string(value)
    }

    #[test]
    fn numbers_are_written_as_serde_json_wrote_them() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (0.4567, "0.4567"),
            (1e-5, "0.00001"),
            (1.5e-5, "0.000015"),
            (1e-6, "1e-6"),
            (1.5e-6, "1.5e-6"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (9007199254740992.0, "9007199254740992.0"),
            (1.25e16, "1.25e+16"),
            (1e21, "1e+21"),
            (123456.789, "123456.789"),
            // Two shortest candidates equally near: the even one...
            (628_179_319_543_371.0 + 0.25, "628179319543371.2"),
            // ...unless it does not read back (below a power of two).
            (2f64.powi(-24), "5.960464477539063e-8"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ];
        for &(value, expected) in cases {
            assert_eq!(text(&value), expected, "{value:e}");
        }
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(text(&"a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f} é/€"), r#""a\"b\\c\n\r\t\b\f\u0001\u001f é/€""#);
        assert_eq!(text(&""), r#""""#);
    }

    #[test]
    fn integers_options_and_arrays() {
        assert_eq!(text(&u64::MAX), "18446744073709551615");
        assert_eq!(text(&i32::MIN), "-2147483648");
        assert_eq!(text(&0usize), "0");
        assert_eq!(text(&vec![Some(1u32), None]), "[1,null]");
        assert_eq!(text(&Vec::<bool>::new()), "[]");
    }

    #[test]
    fn indenting_is_serde_json_pretty() {
        let compact = r#"{"a":[],"b":{},"c":[1,{"d":"x,\"y\":[{"}],"e":{"f":null,"g":[true,-1.5e-7]},"h":"\\"}"#;
        // Fed a byte at a time: the state carries across pieces.
        let mut indent = Indent::default();
        let mut out = vec![];
        for byte in compact.as_bytes().chunks(1) {
            indent.write(byte, &mut out);
        }
        let expected = "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"x,\\\"y\\\":[{\"\n    }\n  ],\n  \"e\": {\n    \"f\": null,\n    \"g\": [\n      true,\n      -1.5e-7\n    ]\n  },\n  \"h\": \"\\\\\"\n}";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
