//! The Bicep parser: a byte cursor over the text. Values become [`Node`]s of the JSON tree, so
//! that what reads ARM templates reads them too; an expression other than a literal, an object or
//! an array is a string `[…]` holding its source text (ARM's expression syntax), spanned where it
//! is written.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::file::{Declared, File, Resource};
use crate::json::{Member, Node, Value};

/// How deeply objects and arrays may nest (a fuzzed input must not exhaust the stack).
pub const MAX_DEPTH: usize = 64;

/// Reads `text` as a Bicep file. Reading never fails: what it cannot read is skipped to the end
/// of its line.
pub fn parse(text: &str) -> File {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        parent: String::new(),
        file: File::default(),
    };
    while parser.skip_blank(true) {
        parser.statement();
    }
    parser.file
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// The type of the resource whose body is being read (a nested resource's type is under it).
    parent: String,
    file: File,
}

fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Parser<'_> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.at).copied().unwrap_or(0)
    }

    fn next_is(&self, word: &str) -> bool {
        self.bytes[self.at.min(self.bytes.len())..].starts_with(word.as_bytes())
    }

    /// Skips blanks and comments (line breaks too when `lines`); false at the end.
    fn skip_blank(&mut self, lines: bool) -> bool {
        loop {
            match self.peek() {
                b' ' | b'\t' | b'\r' => self.at += 1,
                b'\n' if lines => self.at += 1,
                b'/' if self.next_is("//") => {
                    while !matches!(self.peek(), b'\n' | 0) {
                        self.at += 1;
                    }
                }
                b'/' if self.next_is("/*") => {
                    self.at += 2;
                    while self.at < self.bytes.len() && !self.next_is("*/") {
                        self.at += 1;
                    }
                    self.at = (self.at + 2).min(self.bytes.len());
                }
                _ => return self.at < self.bytes.len(),
            }
        }
    }

    fn name(&mut self) -> &str {
        let start = self.at;
        while is_name(self.peek()) {
            self.at += 1;
        }
        &self.text[start..self.at]
    }

    /// One declaration (`param`, `var`, `resource`, any other keyword) with its decorators.
    fn statement(&mut self) {
        let start = self.at;
        while self.peek() == b'@' {
            self.at += 1;
            self.rest(b"(");
            self.skip_blank(true);
        }
        let keyword = String::from(self.name());
        if keyword.is_empty() {
            // Not a declaration: skip the line.
            self.at = start + 1;
            self.rest(b"");
            return;
        }
        let mut name = String::new();
        let mut kind = String::new();
        // The words before `=`: the name, the type (a resource's `'type@version'`).
        loop {
            if !self.skip_blank(false) {
                return;
            }
            match self.peek() {
                b'=' if self.bytes.get(self.at + 1) != Some(&b'=') => break,
                b'\n' => return,
                b'\'' => {
                    let string = self.string();
                    if let Value::String(text) = string.value {
                        if kind.is_empty() {
                            kind = text;
                        }
                    }
                }
                b if is_name(b) => {
                    let word = String::from(self.name());
                    if name.is_empty() {
                        name = word;
                    }
                }
                b'{' | b'(' | b'[' => self.group(),
                _ => self.at += 1,
            }
        }
        self.at += 1;
        self.skip_blank(false);
        if self.next_is("if") && !is_name(self.bytes.get(self.at + 2).copied().unwrap_or(0)) {
            self.at += 2;
            self.skip_blank(false);
            self.group();
            self.skip_blank(false);
        }
        let kind = kind.split('@').next().unwrap_or("");
        // A nested resource's type is its parent's and its own (`subnets`).
        let kind = match self.parent.as_str() {
            parent if !parent.is_empty() && !kind.contains('/') => format!("{parent}/{kind}"),
            _ => String::from(kind),
        };
        let outer = core::mem::replace(&mut self.parent, kind);
        let value = self.expr();
        let kind = core::mem::replace(&mut self.parent, outer);
        match keyword.as_str() {
            "param" => self.file.params.push(Declared { name, value }),
            "var" => self.file.vars.push(Declared { name, value }),
            // A module's "type" is its source (`br/public:avm/res/…:0.14.0`).
            "resource" | "module" => {
                self.file.resources.push(Resource {
                    symbol: name,
                    kind,
                    start,
                    body: value,
                });
            }
            _ => {}
        }
    }

    /// A value: a literal, an object or an array as itself; anything else (a reference, a call,
    /// an operator) as `[…]`, its source text.
    fn expr(&mut self) -> Node {
        let start = self.at;
        let first = match self.peek() {
            b'\'' => Some(self.string()),
            b'{' => Some(self.object()),
            b'[' => self.array(),
            b'-' | b'0'..=b'9' => {
                self.at += 1;
                while self.peek().is_ascii_digit() {
                    self.at += 1;
                }
                let text = &self.text[start..self.at];
                (text != "-").then(|| node(Value::Number(String::from(text)), start, self.at))
            }
            b if is_name(b) => {
                let value = match self.name() {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    "null" => Some(Value::Null),
                    _ => None,
                };
                value.map(|value| node(value, start, self.at))
            }
            _ => None,
        };
        let end = self.at;
        self.skip_blank(false);
        if let (Some(first), b'\n' | b',' | b')' | b']' | b'}' | 0) = (first, self.peek()) {
            return first;
        }
        // A reference or an expression: read to its end.
        self.at = end;
        self.rest(b",)]}\n");
        let mut end = self.at;
        while end > start && self.bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let source = self.text[start..end].trim_end();
        node(Value::String(format!("[{source}]")), start, end)
    }

    /// Skips to a byte of `stops` outside brackets and strings (a line break ends it, unless
    /// `stops` is empty or a bracket is open); `b"("` skips one bracketed group if one starts.
    fn rest(&mut self, stops: &[u8]) {
        if stops == b"(" {
            while is_name(self.peek()) || self.peek() == b'.' {
                self.at += 1;
            }
            if self.peek() == b'(' {
                self.group();
            }
            return;
        }
        loop {
            match self.peek() {
                0 => return,
                b'\n' if stops.is_empty() => return,
                b if stops.contains(&b) => return,
                b'\'' => drop(self.string()),
                b'(' | b'[' | b'{' => self.group(),
                b'/' if self.next_is("//") || self.next_is("/*") => drop(self.skip_blank(false)),
                _ => self.at += 1,
            }
        }
    }

    /// Skips a bracketed group from its opening bracket past its closing one.
    fn group(&mut self) {
        self.depth += 1;
        self.skip_group();
        self.depth -= 1;
    }

    fn skip_group(&mut self) {
        // Past the depth limit, quotes are not strings (a string may hold `${…}`, a group).
        let deep = self.depth > MAX_DEPTH;
        let mut depth = 0usize;
        loop {
            match self.peek() {
                0 => return,
                b'\'' if deep => self.at += 1,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    self.at += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'\'' => drop(self.string()),
                b'/' if self.next_is("//") || self.next_is("/*") => drop(self.skip_blank(false)),
                _ => self.at += 1,
            }
        }
    }

    /// A quoted string from its opening `'`; one that interpolates (`${…}`) is an expression.
    fn string(&mut self) -> Node {
        let start = self.at;
        if self.next_is("'''") {
            self.at += 3;
            while self.at < self.bytes.len() && !self.next_is("'''") {
                self.at += 1;
            }
            self.at = (self.at + 3).min(self.bytes.len());
            let inner = self
                .text
                .get(start + 3..self.at.saturating_sub(3))
                .unwrap_or("");
            return node(Value::String(String::from(inner)), start, self.at);
        }
        self.at += 1;
        let mut text = String::new();
        let mut interpolates = false;
        loop {
            let b = self.peek();
            match b {
                0 | b'\n' => break,
                b'\'' => {
                    self.at += 1;
                    break;
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'\'' | b'\\' | b'$' => char::from(self.peek()),
                        // `\u{…}` and anything else: an expression no rule reads.
                        _ => {
                            interpolates = true;
                            continue;
                        }
                    };
                    text.push(escaped);
                    self.at += 1;
                }
                b'$' if self.next_is("${") => {
                    interpolates = true;
                    self.at += 1;
                    self.group();
                }
                _ => {
                    let from = self.at;
                    self.at += 1;
                    while !self.text.is_char_boundary(self.at) {
                        self.at += 1;
                    }
                    text.push_str(&self.text[from..self.at]);
                }
            }
        }
        if interpolates {
            let source = &self.text[start..self.at];
            text = format!("[{source}]");
        }
        node(Value::String(text), start, self.at)
    }

    fn object(&mut self) -> Node {
        let start = self.at;
        self.at += 1;
        if self.depth >= MAX_DEPTH {
            self.at = start;
            self.group();
            return node(Value::String(String::from("[…]")), start, self.at);
        }
        self.depth += 1;
        let mut members = Vec::new();
        loop {
            self.skip_blank(true);
            match self.peek() {
                0 => break,
                b'}' => {
                    self.at += 1;
                    break;
                }
                b',' => self.at += 1,
                b'@' => {
                    self.at += 1;
                    self.rest(b"(");
                }
                b'\'' | b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    let key_start = self.at;
                    let key = match self.peek() {
                        b'\'' => match self.string().value {
                            Value::String(key) => key,
                            _ => String::new(),
                        },
                        _ => String::from(self.name()),
                    };
                    let key_end = self.at;
                    self.skip_blank(false);
                    if self.peek() != b':' {
                        // A nested declaration: a child resource.
                        self.at = key_start;
                        self.statement();
                        continue;
                    }
                    self.at += 1;
                    self.skip_blank(false);
                    let value = self.expr();
                    members.push(Member {
                        key,
                        key_start,
                        key_end,
                        value,
                    });
                }
                _ => self.rest(b",}\n"),
            }
        }
        self.depth -= 1;
        node(Value::Object(members), start, self.at)
    }

    /// An array; a `[for …]` loop is an expression.
    fn array(&mut self) -> Option<Node> {
        let start = self.at;
        self.at += 1;
        self.skip_blank(true);
        let is_loop = self.next_is("for") && !is_name(self.bytes.get(self.at + 3).copied()?);
        if is_loop || self.depth >= MAX_DEPTH {
            self.at = start;
            self.group();
            return None;
        }
        self.depth += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank(true);
            match self.peek() {
                0 => break,
                b']' => {
                    self.at += 1;
                    break;
                }
                b',' => self.at += 1,
                _ => {
                    let before = self.at;
                    items.push(self.expr());
                    if self.at == before {
                        self.at += 1;
                    }
                }
            }
        }
        self.depth -= 1;
        Some(node(Value::Array(items), start, self.at))
    }
}

fn node(value: Value, start: usize, end: usize) -> Node {
    Node { value, start, end }
}
