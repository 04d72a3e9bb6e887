//! A small JSON reader for the rulesets: the text parsed once into a tree,
//! then read field by field through [`Object`], with errors that name the
//! field's path (`tracks[1].metrics.customers.max`).
//!
//! Why not serde's derives: each derived deserializer is a copy of
//! serde_json's parsing loop for its struct, and a ruleset has some twenty
//! structs; reading them this way is one parser and a call per field, which
//! took tens of KB off the module (README, "Size and speed").

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

/// Parses a whole text: one value, white space around it.
pub fn parse(text: &str) -> Result<Json<'_>, String> {
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
    fn error(&self, what: &str) -> String {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json<'a>, String> {
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
                for (word, value) in [("null", Json::Null), ("true", Json::Bool(true)), ("false", Json::Bool(false))] {
                    if self.text[self.at..].starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected value"))
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
    fn number(&mut self) -> Result<Json<'a>, String> {
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

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self.text.get(self.at..self.at + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        Ok(value)
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, String> {
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
    fn kind(&self) -> &'static str {
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

/// A value at a path, read as one type or an error that names the path.
#[derive(Clone, Copy)]
pub struct At<'j, 'a> {
    pub value: &'j Json<'a>,
    pub path: &'j str,
}

impl<'j, 'a> At<'j, 'a> {
    fn wrong(&self, expected: &str) -> String {
        let path = if self.path.is_empty() { "the ruleset" } else { self.path };
        format!("{path}: expected {expected}, found {}", self.value.kind())
    }

    pub fn string(&self) -> Result<String, String> {
        match self.value {
            Json::String(s) => Ok(s.clone()),
            _ => Err(self.wrong("a string")),
        }
    }

    pub fn bool(&self) -> Result<bool, String> {
        match self.value {
            Json::Bool(b) => Ok(*b),
            _ => Err(self.wrong("true or false")),
        }
    }

    /// A whole number from 0 to `u64::MAX`, written without fraction or exponent.
    pub fn u64(&self) -> Result<u64, String> {
        match self.value {
            Json::Number(n) => n.parse().map_err(|_| self.wrong("a whole number from 0")),
            _ => Err(self.wrong("a whole number")),
        }
    }

    pub fn u32(&self) -> Result<u32, String> {
        let n = self.u64()?;
        u32::try_from(n).map_err(|_| format!("{}: {n} is too large", self.path))
    }

    /// Each item of an array read by `read`, with its index in the path.
    pub fn list<T>(&self, mut read: impl FnMut(At<'_, 'a>) -> Result<T, String>) -> Result<Vec<T>, String> {
        let Json::Array(items) = self.value else { return Err(self.wrong("an array")) };
        let mut out = Vec::with_capacity(items.len());
        let mut path = String::new();
        for (i, value) in items.iter().enumerate() {
            path.clear();
            let _ = write!(path, "{}[{i}]", self.path);
            out.push(read(At { value, path: &path })?);
        }
        Ok(out)
    }

    pub fn strings(&self) -> Result<Vec<String>, String> {
        self.list(|at| at.string())
    }

    /// An object's members in order, each read by `read` with its key.
    pub fn entries<T>(&self, mut read: impl FnMut(&str, At<'_, 'a>) -> Result<T, String>) -> Result<Vec<T>, String> {
        let Json::Object(members) = self.value else { return Err(self.wrong("an object")) };
        let mut out = Vec::with_capacity(members.len());
        for m in members {
            let path = self.child(&m.key);
            out.push(read(&m.key, At { value: &m.value, path: &path })?);
        }
        Ok(out)
    }

    /// The value as an object of named fields (a field written twice is an error).
    pub fn object(&self) -> Result<Object<'j, 'a>, String> {
        let Json::Object(members) = self.value else { return Err(self.wrong("an object")) };
        let repeated = members.iter().enumerate().find(|(i, m)| members[..*i].iter().any(|o| o.key == m.key));
        if let Some((_, m)) = repeated {
            return Err(format!("{}: duplicate field `{}`", self.child(&m.key), m.key));
        }
        Ok(Object { members, path: self.path })
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// An object's fields, looked up by name. A field absent or `null` is
/// `None` to the `opt` readers and the default to the `or` readers.
pub struct Object<'j, 'a> {
    members: &'j [Member<'a>],
    path: &'j str,
}

impl<'j, 'a> Object<'j, 'a> {
    fn member(&self, key: &str) -> Option<&'j Member<'a>> {
        self.members.iter().find(|m| m.key == key && !matches!(m.value, Json::Null))
    }

    /// The field `key` read by `read`, or `None` when absent or null.
    pub fn opt<T>(&self, key: &str, read: impl FnOnce(At<'_, 'a>) -> Result<T, String>) -> Result<Option<T>, String> {
        let Some(m) = self.member(key) else { return Ok(None) };
        let path = if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) };
        read(At { value: &m.value, path: &path }).map(Some)
    }

    /// The field `key`, which must be there.
    pub fn get<T>(&self, key: &str, read: impl FnOnce(At<'_, 'a>) -> Result<T, String>) -> Result<T, String> {
        self.opt(key, read)?.ok_or_else(|| {
            let at = if self.path.is_empty() { String::new() } else { format!("{}: ", self.path) };
            format!("{at}missing field `{key}`")
        })
    }

    /// The field `key`, or `T::default()`.
    pub fn or_default<T: Default>(
        &self,
        key: &str,
        read: impl FnOnce(At<'_, 'a>) -> Result<T, String>,
    ) -> Result<T, String> {
        Ok(self.opt(key, read)?.unwrap_or_default())
    }

    pub fn string(&self, key: &str) -> Result<String, String> {
        self.get(key, |at| at.string())
    }
    pub fn opt_string(&self, key: &str) -> Result<Option<String>, String> {
        self.opt(key, |at| at.string())
    }
    pub fn string_or_default(&self, key: &str) -> Result<String, String> {
        self.or_default(key, |at| at.string())
    }
    pub fn strings_or_default(&self, key: &str) -> Result<Vec<String>, String> {
        self.or_default(key, |at| at.strings())
    }
    pub fn u32(&self, key: &str) -> Result<u32, String> {
        self.get(key, |at| at.u32())
    }
    pub fn u32_or_default(&self, key: &str) -> Result<u32, String> {
        self.or_default(key, |at| at.u32())
    }
    pub fn bool_or(&self, key: &str, default: bool) -> Result<bool, String> {
        Ok(self.opt(key, |at| at.bool())?.unwrap_or(default))
    }
    /// The field's text as written, when there.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.member(key).map(|m| m.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<T>(text: &str, read: impl FnOnce(At<'_, '_>) -> Result<T, String>) -> Result<T, String> {
        let json = parse(text)?;
        read(At { value: &json, path: "" })
    }

    #[test]
    fn reads_what_json_allows() {
        assert_eq!(
            at(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#, |a| a.string()).unwrap(),
            "a\"\\/\u{8}\u{c}\n\r\té😀"
        );
        assert_eq!(at(" [1, 0, 4294967295] ", |a| a.list(|x| x.u32())).unwrap(), [1, 0, u32::MAX]);
        assert_eq!(at("18446744073709551615", |a| a.u64()).unwrap(), u64::MAX);
        let json = parse(r#"{"a": {"b" : [1, 2.5e-3]}, "c": null}"#).unwrap();
        let root = At { value: &json, path: "" }.object().unwrap();
        assert_eq!(root.raw("a"), Some(r#"{"b" : [1, 2.5e-3]}"#));
        assert_eq!(root.raw("c"), None);
        assert_eq!(root.opt_string("c").unwrap(), None);
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
        assert!(parse(&"[".repeat(200)).unwrap_err().contains("recursion"));
    }

    #[test]
    fn errors_name_the_path() {
        let json = parse(r#"{"tracks": [{"max": -1}, {"max": 1.5}, {"id": 1, "id": 2}]}"#).unwrap();
        let root = At { value: &json, path: "" }.object().unwrap();
        let max = root.get("tracks", |t| t.list(|t| t.object()?.u32("max"))).unwrap_err();
        assert_eq!(max, "tracks[0].max: expected a whole number from 0, found a number");
        let fraction = At { value: &parse("1.5").unwrap(), path: "max" }.u32().unwrap_err();
        assert_eq!(fraction, "max: expected a whole number from 0, found a number");
        assert_eq!(
            At { value: &parse("4294967296").unwrap(), path: "max" }.u32().unwrap_err(),
            "max: 4294967296 is too large"
        );
        let dup = root.get("tracks", |t| t.list(|t| t.object().map(|_| ()))).unwrap_err();
        assert_eq!(dup, "tracks[2].id: duplicate field `id`");
        assert_eq!(root.string("name").unwrap_err(), "missing field `name`");
        assert_eq!(
            root.get("tracks", |t| t.list(|t| t.object()?.u32("id"))).unwrap_err(),
            "tracks[0]: missing field `id`"
        );
    }
}
