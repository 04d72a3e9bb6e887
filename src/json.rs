//! A small JSON reader for what the module is given as JSON (rulesets,
//! the page's options, typed values, what-if plans): the text parsed once
//! into a tree, then read field by field through [`Object`], with errors
//! that name the field's path (`tracks[1].metrics.customers.max`). Fields
//! it is not asked for are ignored.
//!
//! Why not serde's derives: each derived deserializer is a copy of
//! serde_json's parsing loop for its struct, and a ruleset has some twenty
//! structs; reading them this way is one parser and a call per field, which
//! took tens of KB off the module, and with the options and plans read
//! here too serde_json's deserializer is not in the module at all
//! (README, "Size and speed").

use crate::keyed::Keyed;
use std::cell::RefCell;
use std::fmt::Write;

/// Nesting deeper than this is an error, not a stack overflow.
const MAX_DEPTH: u32 = 128;

/// A JSON value; `raw` in a member keeps the text it was read from.
#[derive(Debug)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// As written (checked against JSON's grammar).
    Number(&'a str),
    String(String),
    Array(Vec<Json<'a>>),
    Object(Vec<Member<'a>>),
}

#[derive(Debug)]
pub struct Member<'a> {
    pub key: String,
    pub value: Json<'a>,
    /// The value's text, as written.
    pub raw: &'a str,
}

/// Why a JSON text could not be read: what kind of fault, where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    /// The field at fault (`tracks[1].metrics.customers.max`), or what the
    /// whole text is (`the ruleset`); empty for a syntax error.
    pub path: String,
    /// Line and column (from 1) of a syntax error.
    pub position: Option<(u32, u32)>,
    /// What is wrong, without the place.
    pub message: String,
}

/// What kind of fault a [`JsonError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text is not JSON.
    Syntax,
    /// JSON, but a field is missing, unknown, repeated or of another type.
    Field,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.position, self.path.as_str()) {
            (Some((line, column)), _) => write!(f, "{} at line {line} column {column}", self.message),
            (None, "") => f.write_str(&self.message),
            (None, path) => write!(f, "{path}: {}", self.message),
        }
    }
}

/// For readers whose callers take errors as text.
impl From<JsonError> for String {
    fn from(error: JsonError) -> String {
        error.to_string()
    }
}

/// Parses a whole text: one value, white space around it.
pub fn parse(text: &str) -> Result<Json<'_>, JsonError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.at < text.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, what: &str) -> JsonError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        let position = Some((line as u32, column as u32));
        JsonError { kind: JsonErrorKind::Syntax, path: String::new(), position, message: what.to_string() }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), JsonError> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json<'a>, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("key must be a string"));
                    }
                    let key = self.string()?;
                    self.expect(b':')?;
                    self.space();
                    let start = self.at;
                    let value = self.value(depth + 1)?;
                    members.push(Member { key, value, raw: &self.text[start..self.at] });
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return Err(self.error("expected `,` or `}`")),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.error("expected `,` or `]`")),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                let rest = &self.text.as_bytes()[self.at..];
                let (len, value) = if rest.starts_with(b"null") {
                    (4, Json::Null)
                } else if rest.starts_with(b"true") {
                    (4, Json::Bool(true))
                } else if rest.starts_with(b"false") {
                    (5, Json::Bool(false))
                } else {
                    return Err(self.error("expected value"));
                };
                self.at += len;
                Ok(value)
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Json<'a>, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let whole = self.digits();
        if whole == 0 || (leading_zero && whole > 1) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Json::Number(&self.text[start..self.at]))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self.text.get(self.at..self.at + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        Ok(value)
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or_else(|| self.error("EOF while parsing a string"))?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.text[self.at..].starts_with("\\u") {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("invalid surrogate pair in hex escape"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?);
                        }
                        _ => return Err(self.error("invalid escape")),
                    }
                }
                Some(_) => return Err(self.error("control character while parsing a string")),
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }
}

impl Json<'_> {
    /// What a value is, for errors.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Reads a whole text with `read`: the value read, or the first error met.
///
/// The readers below never return early: a value of the wrong type, or a
/// missing field, is noted and read as its default, and reading goes on.
/// Early returns would make every struct's reader drop, at every field,
/// the fields read before it: that drop code was most of the reader's size.
/// Errors at the top say "the ruleset".
pub fn read<T>(text: &str, read: impl FnOnce(At<'_, '_>) -> T) -> Result<T, JsonError> {
    read_named(text, "the ruleset", read)
}

/// As [`read`], errors at the top naming `whole` (nothing when empty).
pub fn read_named<T>(text: &str, whole: &'static str, read: impl FnOnce(At<'_, '_>) -> T) -> Result<T, JsonError> {
    let tree = parse(text)?;
    let errors = Errors { first: RefCell::new(None), whole };
    let value = read(At { value: &tree, place: Place::Top, errors: &errors });
    errors.first.into_inner().map_or(Ok(value), Err)
}

/// The first error met while reading.
pub struct Errors {
    first: RefCell<Option<JsonError>>,
    /// What the whole text is, for errors at the top.
    whole: &'static str,
}

impl Errors {
    fn note(&self, path: String, message: String) {
        let error = JsonError { kind: JsonErrorKind::Field, path, position: None, message };
        self.first.borrow_mut().get_or_insert(error);
    }
}

/// Where a value is: a chain up to the top, written out as a path
/// (`tracks[1].metrics.customers.max`) only when an error names it, so
/// that reading a field neither builds nor drops a string.
#[derive(Clone, Copy)]
enum Place<'j> {
    Top,
    Key(&'j Place<'j>, &'j str),
    Index(&'j Place<'j>, usize),
}

impl Place<'_> {
    fn write(&self, out: &mut String) {
        match *self {
            Place::Top => {}
            Place::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Place::Index(parent, i) => {
                parent.write(out);
                let _ = write!(out, "[{i}]");
            }
        }
    }

    fn path(&self) -> String {
        let mut path = String::new();
        self.write(&mut path);
        path
    }
}

/// A value at a path, read as one type; a value of another type is noted
/// as an error (naming the path) and read as the type's default.
#[derive(Clone, Copy)]
pub struct At<'j, 'a> {
    value: &'j Json<'a>,
    place: Place<'j>,
    errors: &'j Errors,
}

impl<'j, 'a> At<'j, 'a> {
    /// Notes an error at this path (the first one is the one told).
    pub fn fail(&self, what: &str) {
        let path = self.place.path();
        let path = if path.is_empty() { self.errors.whole.to_string() } else { path };
        self.errors.note(path, what.to_string());
    }

    /// The value as parsed, for readers of more than one type.
    pub fn json(&self) -> &'j Json<'a> {
        self.value
    }

    /// Notes that the value is not what was `expected`.
    fn mistyped(&self, expected: &str) {
        self.fail(&format!("expected {expected}, found {}", self.value.kind()));
    }

    fn wrong<T: Default>(&self, expected: &str) -> T {
        self.mistyped(expected);
        T::default()
    }

    pub fn string(&self) -> String {
        match self.value {
            Json::String(s) => s.clone(),
            _ => self.wrong("a string"),
        }
    }

    pub fn bool(&self) -> bool {
        match self.value {
            Json::Bool(b) => *b,
            _ => self.wrong("true or false"),
        }
    }

    /// A whole number from 0 to `u64::MAX`, written without fraction or exponent.
    pub fn u64(&self) -> u64 {
        match self.value {
            Json::Number(n) => n.parse().unwrap_or_else(|_| self.wrong("a whole number from 0")),
            _ => self.wrong("a whole number"),
        }
    }

    /// A number, as Rust reads its text (an overflow to infinity is an error).
    pub fn f64(&self) -> f64 {
        match self.value {
            Json::Number(n) => Some(double(n)).filter(|f| f.is_finite()).unwrap_or_else(|| {
                self.fail("number out of range");
                0.0
            }),
            _ => self.wrong("a number"),
        }
    }

    /// A number as serde_json told them apart: a whole number within
    /// `i64`, one past it within `u64` (too large for every reader here),
    /// or a double (any other: a fraction, an exponent, past `u64`).
    /// `None` (noted) when not a number.
    pub fn number(&self) -> Option<Number> {
        let Json::Number(text) = self.value else { return self.wrong("a number") };
        let whole = !text.contains(['.', 'e', 'E']);
        Some(match (whole, text.parse::<i64>(), text.parse::<u64>()) {
            (true, Ok(n), _) => Number::Whole(n),
            (true, _, Ok(_)) => Number::TooLarge,
            _ => Number::Double(double(text)),
        })
    }

    pub fn u32(&self) -> u32 {
        let n = self.u64();
        u32::try_from(n).unwrap_or_else(|_| {
            self.fail(&format!("{n} is too large"));
            0
        })
    }

    /// The items of an array (none, noted, when it is not one).
    fn items(&self) -> &'j [Json<'a>] {
        match self.value {
            Json::Array(items) => items,
            _ => {
                self.mistyped("an array");
                &[]
            }
        }
    }

    /// The members of an object (none, noted, when it is not one).
    fn members(&self) -> &'j [Member<'a>] {
        match self.value {
            Json::Object(members) => members,
            _ => {
                self.mistyped("an object");
                &[]
            }
        }
    }

    /// Each item of an array read by `read`, with its index in the path.
    pub fn list<T>(&self, mut read: impl FnMut(At<'_, 'a>) -> T) -> Vec<T> {
        let mut out = Vec::new();
        self.each(&mut |at| out.push(read(at)));
        out
    }

    /// Each item of an array handed to `read`: the loop is the same for
    /// every type read, so it is one function, not one per type.
    fn each(&self, read: &mut dyn FnMut(At<'_, 'a>)) {
        for (i, value) in self.items().iter().enumerate() {
            read(At { value, place: Place::Index(&self.place, i), errors: self.errors });
        }
    }

    pub fn strings(&self) -> Vec<String> {
        self.list(|at| at.string())
    }

    /// An object's members in order, each read by `read` with its key.
    pub fn entries<T>(&self, mut read: impl FnMut(&str, At<'_, 'a>) -> T) -> Vec<T> {
        let members = self.members();
        let mut out = Vec::with_capacity(members.len());
        for m in members {
            out.push(read(&m.key, At { value: &m.value, place: Place::Key(&self.place, &m.key), errors: self.errors }));
        }
        out
    }

    /// An object's members by key, sorted (a key written twice: the last),
    /// each value read by `read`. A sorted Vec, not a BTreeMap: these maps
    /// hold a few keys, and each BTreeMap value type is a copy of its code.
    pub fn map<T>(&self, mut read: impl FnMut(At<'_, 'a>) -> T) -> Keyed<T> {
        let mut map: Vec<(String, T)> = Vec::new();
        for m in self.members() {
            let value = read(At { value: &m.value, place: Place::Key(&self.place, &m.key), errors: self.errors });
            match map.binary_search_by(|(k, _)| k.as_str().cmp(&m.key)) {
                Ok(i) => map[i].1 = value,
                Err(i) => map.insert(i, (m.key.clone(), value)),
            }
        }
        Keyed(map)
    }

    /// The value as an object of named fields (a field written twice is an error).
    pub fn object(&self) -> Object<'j, 'a> {
        let members = self.members();
        let repeated = members.iter().enumerate().find(|(i, m)| members[..*i].iter().any(|o| o.key == m.key));
        if let Some((_, m)) = repeated {
            self.errors.note(Place::Key(&self.place, &m.key).path(), format!("duplicate field `{}`", m.key));
        }
        Object { members, at: *self }
    }
}

/// A number's text (checked against JSON's grammar) as a double, the way
/// serde_json reads one: its first 19 digits as a whole number, then one
/// multiplication or division by a power of ten. Exact, as Rust's own
/// parser (6 KB of module) is, for up to 15 digits and exponents to 22;
/// past that, within a unit in the last place. Infinite past `f64`.
pub(crate) fn double(text: &str) -> f64 {
    let (negative, text) = text.strip_prefix('-').map_or((false, text), |t| (true, t));
    let (digits, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let mut exponent: i32 = exponent.parse().unwrap_or(if exponent.starts_with('-') { -9999 } else { 9999 });
    let mut significand = 0u64;
    let mut fraction = false;
    for b in digits.bytes() {
        if b == b'.' {
            fraction = true;
            continue;
        }
        match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(b - b'0'))) {
            Some(s) => {
                significand = s;
                exponent -= i32::from(fraction);
            }
            // A digit past u64 is dropped: a whole one still counts tenfold.
            None => exponent += i32::from(!fraction),
        }
    }
    let mut f = significand as f64;
    while exponent != 0 && f != 0.0 && f.is_finite() {
        let step = exponent.clamp(-22, 22);
        let power = (0..step.abs()).fold(1.0, |p, _| p * 10.0);
        f = if step > 0 { f * power } else { f / power };
        exponent -= step;
    }
    if negative {
        -f
    } else {
        f
    }
}

/// A JSON number, as [`At::number`] reads it.
pub enum Number {
    Whole(i64),
    TooLarge,
    /// Infinite when past `f64`'s range.
    Double(f64),
}

/// An object's fields, looked up by name. A field absent or `null` is
/// `None` to `opt` and the default to the `or_default` readers; to the
/// others it is a missing field, noted.
pub struct Object<'j, 'a> {
    members: &'j [Member<'a>],
    at: At<'j, 'a>,
}

impl<'a> Object<'_, 'a> {
    fn member(&self, key: &str) -> Option<&Member<'a>> {
        self.members.iter().find(|m| m.key == key && !matches!(m.value, Json::Null))
    }

    /// The field `key` read by `read`, or `None` when absent or null.
    pub fn opt<T>(&self, key: &str, read: impl FnOnce(At<'_, 'a>) -> T) -> Option<T> {
        let m = self.member(key)?;
        Some(read(At { value: &m.value, place: Place::Key(&self.at.place, key), errors: self.at.errors }))
    }

    /// Notes that the field `key` is not there.
    fn missing(&self, key: &str) {
        self.at.errors.note(self.at.place.path(), format!("missing field `{key}`"));
    }

    /// The field `key`, which must be there.
    pub fn get<T: Default>(&self, key: &str, read: impl FnOnce(At<'_, 'a>) -> T) -> T {
        match self.member(key) {
            Some(m) => read(At { value: &m.value, place: Place::Key(&self.at.place, key), errors: self.at.errors }),
            None => {
                self.missing(key);
                T::default()
            }
        }
    }

    /// The field `key`, or `T::default()`.
    pub fn or_default<T: Default>(&self, key: &str, read: impl FnOnce(At<'_, 'a>) -> T) -> T {
        self.opt(key, read).unwrap_or_default()
    }

    pub fn string(&self, key: &str) -> String {
        self.get(key, |at| at.string())
    }
    pub fn opt_string(&self, key: &str) -> Option<String> {
        self.opt(key, |at| at.string())
    }
    pub fn string_or_default(&self, key: &str) -> String {
        self.or_default(key, |at| at.string())
    }
    pub fn strings_or_default(&self, key: &str) -> Vec<String> {
        self.or_default(key, |at| at.strings())
    }
    pub fn u32(&self, key: &str) -> u32 {
        self.get(key, |at| at.u32())
    }
    pub fn u32_or_default(&self, key: &str) -> u32 {
        self.or_default(key, |at| at.u32())
    }
    pub fn bool_or_default(&self, key: &str) -> bool {
        self.bool_or(key, false)
    }
    pub fn f64_or_default(&self, key: &str) -> f64 {
        self.or_default(key, |at| at.f64())
    }
    pub fn opt_f64(&self, key: &str) -> Option<f64> {
        self.opt(key, |at| at.f64())
    }
    pub fn bool_or(&self, key: &str, default: bool) -> bool {
        self.opt(key, |at| at.bool()).unwrap_or(default)
    }
    /// Notes the first field not in `known` (serde's `deny_unknown_fields`).
    pub fn only(&self, known: &[&str]) {
        if let Some(m) = self.members.iter().find(|m| !known.contains(&m.key.as_str())) {
            self.at.errors.note(Place::Key(&self.at.place, &m.key).path(), format!("unknown field `{}`", m.key));
        }
    }
    /// The field `key`, an object read in the order written as (key, value) pairs.
    pub fn keyed<T>(&self, key: &str, mut read: impl FnMut(At<'_, 'a>) -> T) -> Vec<(String, T)> {
        self.get(key, |at| at.entries(|k, at| (k.to_string(), read(at))))
    }
    /// The field's text as written, when there.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.member(key).map(|m| m.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows() {
        let text = r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#;
        assert_eq!(read(text, |a| a.string()).unwrap(), "a\"\\/\u{8}\u{c}\n\r\té😀");
        assert_eq!(read(" [1, 0, 4294967295] ", |a| a.list(|x| x.u32())).unwrap(), [1, 0, u32::MAX]);
        assert_eq!(read("18446744073709551615", |a| a.u64()).unwrap(), u64::MAX);
        let text = r#"{"a": {"b" : [1, 2.5e-3]}, "c": null}"#;
        let (a, c, c_text) = read(text, |at| {
            (at.object().raw("a").map(str::to_string), at.object().raw("c").is_some(), at.object().opt_string("c"))
        })
        .unwrap();
        assert_eq!(a.as_deref(), Some(r#"{"b" : [1, 2.5e-3]}"#));
        assert_eq!((c, c_text), (false, None));
        let map = read(r#"{"b": 1, "a": 2, "b": 3}"#, |at| at.map(|x| x.u32())).unwrap();
        assert_eq!(map.0, [("a".to_string(), 2), ("b".to_string(), 3)], "sorted, the last of a key written twice");
    }

    #[test]
    fn doubles_read_as_rust_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "0.5",
            "12.34",
            "1200.25",
            "-7.125",
            "1e3",
            "2.5E-3",
            "123456789012345",
            "0.1",
            "99.99",
            "1e22",
        ] {
            assert_eq!(double(text), text.parse::<f64>().unwrap(), "{text}");
        }
        assert_eq!(double("12345678901234567890123"), 1.2345678901234568e22);
        assert!(double("1e400").is_infinite() && double("-1e400") == f64::NEG_INFINITY);
        assert_eq!(double("1e-400"), 0.0);
    }

    #[test]
    fn rejects_what_json_does_not() {
        for bad in [
            "",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\u{1}\"",
            "[1] x",
            "nul",
            "{1:2}",
            "\"abc",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse(&"[".repeat(200)).unwrap_err().message.contains("recursion"));
    }

    #[test]
    fn the_first_error_is_told_with_its_path() {
        let text = r#"{"tracks": [{"max": -1}, {"max": 1.5}, {"id": 1, "id": 2}]}"#;
        let max = |text| {
            read(text, |at| at.object().get("tracks", |t| t.list(|t| t.object().u32("max")))).map_err(String::from)
        };
        assert_eq!(max(text).unwrap_err(), "tracks[0].max: expected a whole number from 0, found a number");
        let text = r#"{"tracks": [{"max": 1}, {"max": 4294967296}]}"#;
        assert_eq!(max(text).unwrap_err(), "tracks[1].max: 4294967296 is too large");
        let text = r#"{"tracks": [{"max": 1}, {"id": 1, "id": 2}]}"#;
        assert_eq!(max(text).unwrap_err(), "tracks[1].id: duplicate field `id`");
        assert_eq!(max(r#"{"tracks": [{}]}"#).unwrap_err(), "tracks[0]: missing field `max`");
        assert_eq!(max(r#"{"track": []}"#).unwrap_err(), "missing field `tracks`");
        assert_eq!(max(r#"{"tracks": [{"max": 3}, {"max": 4}]}"#).unwrap(), [3, 4]);
        assert_eq!(max("[]").unwrap_err(), "the ruleset: expected an object, found an array");
        let nested = |text| {
            let read =
                |at: At<'_, '_>| at.object().get("a", |a| a.list(|a| a.object().get("b", |b| b.list(|b| b.u32()))));
            super::read(text, read).map_err(String::from)
        };
        assert_eq!(
            nested(r#"{"a": [{"b": [1, "x"]}]}"#).unwrap_err(),
            "a[0].b[1]: expected a whole number, found a string"
        );
        assert_eq!(nested(r#"{"a": [{"b": [1]}, {}]}"#).unwrap_err(), "a[1]: missing field `b`");
        assert_eq!(nested(r#"{"a": [{"b": [1]}, {"b": [2, 3]}]}"#).unwrap(), [vec![1], vec![2, 3]]);
    }

    #[test]
    fn errors_carry_their_kind_and_place() {
        let text = "{\"tracks\": [{\"max\": 1}, {\"max\": true}]}";
        let error = read(text, |at| at.object().get("tracks", |t| t.list(|t| t.object().u32("max")))).unwrap_err();
        assert_eq!((error.kind, error.path.as_str(), error.position), (JsonErrorKind::Field, "tracks[1].max", None));
        assert_eq!(error.message, "expected a whole number, found a boolean");
        let error = parse("{\n  \"a\": 1,\n  x").unwrap_err();
        assert_eq!((error.kind, error.path.as_str(), error.position), (JsonErrorKind::Syntax, "", Some((3, 3))));
        assert_eq!(error.to_string(), "key must be a string at line 3 column 3");
    }
}
