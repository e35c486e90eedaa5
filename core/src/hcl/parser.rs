//! The HCL parser: a byte cursor over the text, one function per construct.

use alloc::string::String;
use alloc::vec::Vec;

use super::tree::{Attribute, Block, Body, Expr, Step};

/// How deeply blocks, lists and objects may nest (a fuzzed input must not exhaust the stack).
pub const MAX_DEPTH: usize = 64;

/// Why the text is not HCL, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HclError {
    /// Offset of the offending byte.
    pub at: usize,
    /// What was expected, in words.
    pub message: &'static str,
}

/// Parses `text` as an HCL file.
pub fn parse(text: &str) -> Result<Body, HclError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let body = parser.body(false)?;
    Ok(body)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

type Parsed<T> = Result<T, HclError>;

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    fn error<T>(&self, message: &'static str) -> Parsed<T> {
        Err(HclError {
            at: self.at.min(self.bytes.len()),
            message,
        })
    }

    /// Skips blanks and comments, and newlines too when `newlines`.
    fn skip(&mut self, newlines: bool) -> Parsed<()> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => self.at += 1,
                b'\n' if newlines => self.at += 1,
                b'#' => self.skip_line(),
                b'/' if self.peek_at(1) == Some(b'/') => self.skip_line(),
                b'/' if self.peek_at(1) == Some(b'*') => {
                    match self.text[self.at + 2..].find("*/") {
                        Some(end) => self.at += end + 4,
                        None => return self.error("a /* comment is not closed"),
                    }
                }
                _ => break,
            }
        }
        Ok(())
    }

    fn skip_line(&mut self) {
        self.at = self.text[self.at..]
            .find('\n')
            .map_or(self.bytes.len(), |n| self.at + n);
    }

    fn name(&mut self) -> Option<(String, usize)> {
        let start = self.at;
        if !self.peek().is_some_and(is_name_start) {
            return None;
        }
        while self.peek().is_some_and(is_name) {
            self.at += 1;
        }
        Some((String::from(&self.text[start..self.at]), start))
    }

    fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error("nested too deeply");
        }
        Ok(())
    }

    /// A body, up to the end of the text or (`in_block`) its closing `}` (not consumed).
    fn body(&mut self, in_block: bool) -> Parsed<Body> {
        let mut body = Body::default();
        loop {
            self.skip(true)?;
            match self.peek() {
                None if in_block => return self.error("a block is not closed with }"),
                None => return Ok(body),
                Some(b'}') if in_block => return Ok(body),
                _ => {}
            }
            let Some((name, start)) = self.name() else {
                return self.error("expected an attribute or a block");
            };
            self.skip(false)?;
            if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
                self.at += 1;
                self.skip(false)?;
                let value = self.expr(false)?;
                body.attributes.push(Attribute {
                    name,
                    start,
                    name_end: start + body_name_len(&self.text[start..]),
                    value,
                });
            } else {
                body.blocks.push(self.block(name, start)?);
            }
            self.skip(false)?;
            match self.peek() {
                None | Some(b'\n') | Some(b'}') => {}
                Some(_) => return self.error("expected a new line"),
            }
        }
    }

    fn block(&mut self, kind: String, start: usize) -> Parsed<Block> {
        let mut labels = Vec::new();
        loop {
            match self.peek() {
                Some(b'"') => match self.string()? {
                    Expr::Str { text, .. } => labels.push(text),
                    _ => return self.error("a block label cannot interpolate"),
                },
                Some(b'{') => break,
                _ => match self.name() {
                    Some((label, _)) => labels.push(label),
                    None => return self.error("expected = or a block's {"),
                },
            }
            self.skip(false)?;
        }
        let open = self.at;
        self.at += 1;
        self.enter()?;
        let body = self.body(true)?;
        self.depth -= 1;
        let close = self.at;
        self.at += 1;
        Ok(Block {
            kind,
            labels,
            start,
            open,
            close,
            body,
        })
    }

    /// An expression; inside brackets (`nested`) newlines are blanks.
    fn expr(&mut self, nested: bool) -> Parsed<Expr> {
        let start = self.at;
        let primary = self.primary()?;
        self.skip(nested)?;
        match self.peek() {
            None | Some(b'\n' | b',' | b']' | b'}' | b')') => Ok(primary),
            Some(b'=' | b':') if nested => Ok(primary),
            Some(b'#') => Ok(primary),
            // An operator or a conditional: the rest is opaque.
            Some(_) => {
                self.opaque_rest(nested)?;
                Ok(Expr::Opaque(start, self.at))
            }
        }
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let start = self.at;
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'<') if self.peek_at(1) == Some(b'<') => self.heredoc(),
            Some(b'[') => self.list(),
            Some(b'{') => self.object(),
            Some(b'(') => {
                self.balanced()?;
                Ok(Expr::Opaque(start, self.at))
            }
            Some(b) if b.is_ascii_digit() => Ok(self.number()),
            Some(b'-' | b'!') => {
                self.at += 1;
                self.primary()?;
                Ok(Expr::Opaque(start, self.at))
            }
            Some(b) if is_name_start(b) => self.reference(),
            _ => self.error("expected a value"),
        }
    }

    fn number(&mut self) -> Expr {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.' || b == b'e' || b == b'E')
        {
            self.at += 1;
        }
        Expr::Number {
            text: String::from(&self.text[start..self.at]),
            start,
            end: self.at,
        }
    }

    fn reference(&mut self) -> Parsed<Expr> {
        let Some((root, start)) = self.name() else {
            return self.error("expected a name");
        };
        match root.as_str() {
            "true" => return Ok(Expr::Bool(true, start, self.at)),
            "false" => return Ok(Expr::Bool(false, start, self.at)),
            "null" => return Ok(Expr::Null(start, self.at)),
            _ => {}
        }
        if self.peek() == Some(b'(') {
            // A function call.
            self.balanced()?;
            return Ok(Expr::Opaque(start, self.at));
        }
        let mut steps = Vec::new();
        let mut opaque = false;
        loop {
            match self.peek() {
                Some(b'.') => {
                    self.at += 1;
                    if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                        match self.number() {
                            Expr::Number { text, .. } => match text.parse() {
                                Ok(index) => steps.push(Step::Index(index)),
                                Err(_) => opaque = true,
                            },
                            _ => opaque = true,
                        }
                    } else if self.peek() == Some(b'*') {
                        self.at += 1;
                        opaque = true;
                    } else {
                        match self.name() {
                            Some((name, _)) => steps.push(Step::Name(name)),
                            None => return self.error("expected a name after ."),
                        }
                    }
                }
                Some(b'[') => {
                    let inner = self.at + 1;
                    self.balanced()?;
                    let key = self.text[inner..self.at - 1].trim();
                    match (
                        key.parse(),
                        key.strip_prefix('"').and_then(|k| k.strip_suffix('"')),
                    ) {
                        (Ok(index), _) => steps.push(Step::Index(index)),
                        (_, Some(name)) if !name.contains(['"', '\\', '$']) => {
                            steps.push(Step::Name(String::from(name)))
                        }
                        _ => opaque = true,
                    }
                }
                _ => break,
            }
        }
        if opaque {
            return Ok(Expr::Opaque(start, self.at));
        }
        Ok(Expr::Ref {
            root,
            steps,
            start,
            end: self.at,
        })
    }

    fn list(&mut self) -> Parsed<Expr> {
        let start = self.at;
        self.at += 1;
        self.enter()?;
        self.skip(true)?;
        if self.text[self.at..].starts_with("for") && !self.peek_at(3).is_some_and(is_name) {
            self.at = start;
            self.depth -= 1;
            self.balanced()?;
            return Ok(Expr::Opaque(start, self.at));
        }
        let mut items = Vec::new();
        loop {
            self.skip(true)?;
            match self.peek() {
                Some(b']') => break,
                None => return self.error("a list is not closed with ]"),
                _ => {}
            }
            items.push(self.expr(true)?);
            self.skip(true)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => break,
                _ => return self.error("expected , or ] in a list"),
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(Expr::List(items, start, self.at))
    }

    fn object(&mut self) -> Parsed<Expr> {
        let start = self.at;
        self.at += 1;
        self.enter()?;
        self.skip(true)?;
        if self.text[self.at..].starts_with("for") && !self.peek_at(3).is_some_and(is_name) {
            self.at = start;
            self.depth -= 1;
            self.balanced()?;
            return Ok(Expr::Opaque(start, self.at));
        }
        let mut members = Vec::new();
        loop {
            self.skip(true)?;
            let key = match self.peek() {
                Some(b'}') => break,
                None => return self.error("an object is not closed with }"),
                Some(b'"') => match self.string()? {
                    Expr::Str { text, .. } => Some(text),
                    _ => None,
                },
                Some(b) if is_name_start(b) => self.name().map(|(name, _)| name),
                _ => {
                    self.balanced()?;
                    None
                }
            };
            self.skip(false)?;
            match self.peek() {
                Some(b'=' | b':') => self.at += 1,
                _ => return self.error("expected = or : after an object key"),
            }
            self.skip(false)?;
            let value = self.expr(true)?;
            if let Some(key) = key {
                members.push((key, value));
            }
            self.skip(true)?;
            if self.peek() == Some(b',') {
                self.at += 1;
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(Expr::Object(members, start, self.at))
    }

    /// A quoted string at `"`.
    fn string(&mut self) -> Parsed<Expr> {
        self.at += 1;
        let start = self.at;
        let mut text = String::new();
        let mut template = false;
        loop {
            let Some(b) = self.peek() else {
                return self.error("a string is not closed with \"");
            };
            match b {
                b'"' => break,
                b'\n' => return self.error("a string is not closed on its line"),
                b'\\' => {
                    let decoded = match self.peek_at(1) {
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        _ => {
                            // `\uNNNN` and the rest: the string is opaque but still skipped.
                            template = true;
                            '\\'
                        }
                    };
                    text.push(decoded);
                    self.at += 2;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b'{') => {
                    template = true;
                    self.at += 1;
                    self.balanced()?;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b) && self.peek_at(2) == Some(b'{') => {
                    text.push(char::from(b));
                    text.push('{');
                    self.at += 3;
                }
                _ => {
                    let ch = self.text[self.at..].chars().next().unwrap_or('\u{fffd}');
                    text.push(ch);
                    self.at += ch.len_utf8();
                }
            }
        }
        let end = self.at;
        self.at += 1;
        Ok(Expr::Str {
            text,
            start,
            end,
            template,
        })
    }

    /// `<<EOF` or `<<-EOF` up to the line that holds only the marker.
    fn heredoc(&mut self) -> Parsed<Expr> {
        let start = self.at;
        self.at += 2;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let Some((marker, _)) = self.name() else {
            return self.error("expected a heredoc marker");
        };
        self.skip_line();
        while self.peek() == Some(b'\n') {
            self.at += 1;
            let line_start = self.at;
            self.skip_line();
            if self.text[line_start..self.at].trim() == marker {
                return Ok(Expr::Opaque(start, self.at));
            }
        }
        self.error("a heredoc is not closed")
    }

    /// Skips a bracketed group at `(`, `[` or `{`, with strings inside.
    fn balanced(&mut self) -> Parsed<()> {
        let mut closers: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return self.error("a bracket is not closed");
            };
            match b {
                b'(' => closers.push(b')'),
                b'[' => closers.push(b']'),
                b'{' => closers.push(b'}'),
                b')' | b']' | b'}' if closers.pop() != Some(b) => {
                    return self.error("a bracket does not match");
                }
                b'"' => {
                    self.string()?;
                    if closers.is_empty() {
                        return Ok(());
                    }
                    continue;
                }
                b'#' => self.skip_line(),
                b'/' if matches!(self.peek_at(1), Some(b'/' | b'*')) => {
                    self.skip(false)?;
                    continue;
                }
                _ => {}
            }
            if closers.len() > MAX_DEPTH {
                return self.error("nested too deeply");
            }
            self.at += 1;
            if closers.is_empty() {
                return Ok(());
            }
        }
    }

    /// The rest of an expression, to its end: a newline (outside brackets, unless `nested`), or
    /// `,` or a closing bracket of the enclosing construct.
    fn opaque_rest(&mut self, nested: bool) -> Parsed<()> {
        loop {
            self.skip(nested)?;
            match self.peek() {
                None | Some(b'\n' | b',' | b']' | b'}' | b')') => return Ok(()),
                Some(b'(' | b'[' | b'{' | b'"') => self.balanced()?,
                Some(b'<') if self.peek_at(1) == Some(b'<') => {
                    self.heredoc()?;
                }
                Some(_) => {
                    let ch = self.text[self.at..].chars().next().unwrap_or(' ');
                    self.at += ch.len_utf8();
                }
            }
        }
    }
}

/// The length of the name at the start of `text`.
fn body_name_len(text: &str) -> usize {
    text.bytes().take_while(|b| is_name(*b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_blocks_attributes_and_references() {
        let text = "resource \"azurerm_kubernetes_cluster\" \"aks\" {\n  name = \"a\" # c\n  network_profile {\n    network_plugin = var.plugin\n    pod_cidrs      = [\"10.1.0.0/16\", local.v6]\n    count          = 3\n    x = cidrsubnet(var.a, 8, 1)\n    y = var.a ? \"b\" : \"c\"\n    tags = { a = \"b\", \"c\" : 1 }\n  }\n  ip = azurerm_subnet.s.address_prefixes[0]\n}\n";
        let body = parse(text).expect("parses");
        let resource = &body.blocks[0];
        assert_eq!(resource.labels, ["azurerm_kubernetes_cluster", "aks"]);
        let profile = resource
            .body
            .blocks("network_profile")
            .next()
            .expect("block");
        match &profile
            .body
            .attribute("network_plugin")
            .expect("attr")
            .value
        {
            Expr::Ref { root, steps, .. } => {
                assert_eq!(root, "var");
                assert_eq!(steps, &[Step::Name(String::from("plugin"))]);
            }
            other => panic!("{other:?}"),
        }
        let Expr::List(items, ..) = &profile.body.attribute("pod_cidrs").expect("attr").value
        else {
            panic!("list");
        };
        let Expr::Str { start, end, .. } = &items[0] else {
            panic!("string");
        };
        assert_eq!(&text[*start..*end], "10.1.0.0/16");
        assert!(matches!(
            profile.body.attribute("x").expect("x").value,
            Expr::Opaque(..)
        ));
        assert!(matches!(
            profile.body.attribute("y").expect("y").value,
            Expr::Opaque(..)
        ));
        let Expr::Ref { steps, .. } = &resource.body.attribute("ip").expect("ip").value else {
            panic!("ref");
        };
        assert_eq!(steps[2], Step::Index(0));
    }

    #[test]
    fn refuses_what_is_not_hcl() {
        for text in [
            "a = \"b",
            "x {",
            "a = [1, 2",
            "{ \"a\": 1 }",
            "= 1",
            "a = <<EOF\nb\n",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
        assert!(parse("a = <<-EOT\n  x\n  EOT\nb = \"${var.x}\"\n").is_ok());
    }
}
