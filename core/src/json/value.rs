//! The JSON tree: values with their spans, objects as ordered member lists.

use alloc::string::String;
use alloc::vec::Vec;

/// A JSON value and the byte range `start..end` it occupies (strings include their quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Byte offset of the first byte of the value.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

/// An object member: the decoded key, the span of the key (with quotes), and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The decoded key.
    pub key: String,
    /// Byte offset of the key's opening quote.
    pub key_start: usize,
    /// Byte offset one past the key's closing quote.
    pub key_end: usize,
    /// The member's value.
    pub value: Node,
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written so that nothing is lost to rounding.
    Number(String),
    /// A decoded string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, members in source order (duplicates kept).
    Object(Vec<Member>),
}

impl Node {
    /// The members when this is an object.
    pub fn members(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The last member whose key equals `key` ignoring ASCII case, as Go's `encoding/json` matches
    /// struct fields (the last duplicate wins there too).
    pub fn get_ignore_case(&self, key: &str) -> Option<&Member> {
        self.members()?
            .iter()
            .rev()
            .find(|member| member.key.eq_ignore_ascii_case(key))
    }

    /// The string when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number when this is an integer that fits in `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.value {
            Value::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }

    /// The boolean when this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(flag) => Some(flag),
            _ => None,
        }
    }

    /// The JSON type name, for messages ("a string", "an object", ...).
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}
