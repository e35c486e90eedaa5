//! The recursive-descent reader behind [`parse`].

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::escape::{decode_escape, EscapeError};
use super::value::{Member, Node, Value};

/// The deepest nesting of arrays and objects accepted; deeper input is refused, not overflowed.
pub const MAX_DEPTH: usize = 128;

/// Why the text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text ended inside a value.
    UnexpectedEnd,
    /// A character that cannot start or continue what was expected.
    UnexpectedChar(char),
    /// A member key was expected (a string in double quotes).
    ExpectedKey,
    /// A `:` was expected after a key.
    ExpectedColon,
    /// A `,` or `}` was expected after an object member.
    ExpectedCommaOrBrace,
    /// A `,` or `]` was expected after an array element.
    ExpectedCommaOrBracket,
    /// A comma right before `}` or `]`.
    TrailingComma,
    /// A bad `\` escape in a string.
    BadEscape,
    /// A raw control character (such as a newline) inside a string.
    ControlInString,
    /// A malformed number.
    BadNumber,
    /// Something after the top-level value.
    TrailingText,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A syntax error at byte `offset` of the parsed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// Byte offset where it is wrong.
    pub offset: usize,
}

impl fmt::Display for JsonErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonErrorKind::UnexpectedEnd => {
                f.write_str("the JSON ends too early (a bracket or quote is not closed)")
            }
            JsonErrorKind::UnexpectedChar(c) => write!(f, "unexpected character \"{c}\""),
            JsonErrorKind::ExpectedKey => f.write_str("expected a key in double quotes"),
            JsonErrorKind::ExpectedColon => f.write_str("expected ':' after the key"),
            JsonErrorKind::ExpectedCommaOrBrace => {
                f.write_str("expected ',' or '}' after the value (is a comma missing?)")
            }
            JsonErrorKind::ExpectedCommaOrBracket => {
                f.write_str("expected ',' or ']' after the element (is a comma missing?)")
            }
            JsonErrorKind::TrailingComma => f.write_str("a trailing comma is not allowed in JSON"),
            JsonErrorKind::BadEscape => f.write_str("invalid escape sequence in a string"),
            JsonErrorKind::ControlInString => f.write_str(
                "a raw line break or control character inside a string (escape it as \\n)",
            ),
            JsonErrorKind::BadNumber => f.write_str("malformed number"),
            JsonErrorKind::TrailingText => f.write_str("unexpected text after the JSON value"),
            JsonErrorKind::TooDeep => write!(f, "nesting deeper than {MAX_DEPTH} levels"),
        }
    }
}

/// Parses `text` as one JSON value (surrounding white space allowed).
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    reader.skip_space();
    let node = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error(JsonErrorKind::TrailingText));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: self.at,
        }
    }

    fn unexpected(&self) -> JsonError {
        match self.text[self.at..].chars().next() {
            Some(c) => self.error(JsonErrorKind::UnexpectedChar(c)),
            None => self.error(JsonErrorKind::UnexpectedEnd),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        let start = self.at;
        let value = match self.peek() {
            None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.unexpected()),
        };
        Ok(Node {
            value,
            start,
            end: self.at,
        })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !members.is_empty() => {
                    return Err(self.error(JsonErrorKind::TrailingComma))
                }
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonErrorKind::ExpectedKey)),
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_end = self.at;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonErrorKind::ExpectedColon)),
            }
            self.skip_space();
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_start,
                key_end,
                value,
            });
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonErrorKind::ExpectedCommaOrBrace)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.error(JsonErrorKind::TrailingComma));
            }
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(JsonErrorKind::ExpectedCommaOrBracket)),
            }
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run_start..self.at]);
            match self.peek() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let backslash = self.at;
                    let (decoded, length) =
                        decode_escape(&self.bytes[backslash..]).map_err(|error| match error {
                            EscapeError::UnexpectedEnd(offset) => JsonError {
                                kind: JsonErrorKind::UnexpectedEnd,
                                offset: backslash + offset,
                            },
                            EscapeError::Invalid(offset) => JsonError {
                                kind: JsonErrorKind::BadEscape,
                                offset: backslash + offset,
                            },
                        })?;
                    out.push(decoded);
                    self.at += length;
                }
                Some(_) => return Err(self.error(JsonErrorKind::ControlInString)),
            }
        }
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(JsonErrorKind::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::BadNumber));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::BadNumber));
            }
            self.digits();
        }
        Ok(Value::Number(String::from(&self.text[start..self.at])))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_keys_and_values_exactly() {
        let text = r#"{ "Network": "10.244.0.0/16", "SubnetLen": 24 }"#;
        let node = parse(text).expect("valid JSON");
        let network = node.get_ignore_case("network").expect("Network key");
        assert_eq!(&text[network.key_start..network.key_end], "\"Network\"");
        assert_eq!(
            &text[network.value.start..network.value.end],
            "\"10.244.0.0/16\""
        );
        let len = node.get_ignore_case("SUBNETLEN").expect("SubnetLen key");
        assert_eq!(len.value.as_i64(), Some(24));
    }

    #[test]
    fn escapes_are_decoded() {
        let node = parse(r#""a\"b\n\u00e9\ud83d\ude00""#).expect("valid string");
        assert_eq!(node.as_str(), Some("a\"b\né😀"));
    }

    #[test]
    fn syntax_errors_point_at_the_offending_byte() {
        let cases: [(&str, JsonErrorKind, usize); 7] = [
            (r#"{"a": 1,}"#, JsonErrorKind::TrailingComma, 8),
            (r#"{"a" 1}"#, JsonErrorKind::ExpectedColon, 5),
            (r#"{"a": 1 "b": 2}"#, JsonErrorKind::ExpectedCommaOrBrace, 8),
            (r#"{"a": [1 2]}"#, JsonErrorKind::ExpectedCommaOrBracket, 9),
            (r#"{"a": "x"#, JsonErrorKind::UnexpectedEnd, 8),
            (r#"{a: 1}"#, JsonErrorKind::ExpectedKey, 1),
            ("{} x", JsonErrorKind::TrailingText, 3),
        ];
        for (text, kind, offset) in cases {
            assert_eq!(parse(text), Err(JsonError { kind, offset }), "input {text}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(10_000);
        assert_eq!(
            parse(&text).map_err(|e| e.kind),
            Err(JsonErrorKind::TooDeep)
        );
    }

    #[test]
    fn numbers_keep_their_text() {
        let node = parse("[-0.5e3, 1450]").expect("valid");
        let Value::Array(items) = node.value else {
            panic!("array expected")
        };
        assert_eq!(items[0].value, Value::Number(String::from("-0.5e3")));
        assert_eq!(items[1].as_i64(), Some(1450));
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
    }
}
