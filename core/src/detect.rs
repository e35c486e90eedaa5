//! Recognising flannel documents in the paste and parsing each into the form its rules need.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{self, Node};
use crate::report::{DocumentKind, InputError};
use crate::span::LineIndex;

/// A flannel document found in the paste, parsed.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// A bare `net-conf.json`, parsed as JSON at offset 0.
    FlannelNetConf(Node),
}

impl Parsed {
    /// The document kind.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Parsed::FlannelNetConf(_) => DocumentKind::FlannelNetConf,
        }
    }
}

/// Finds and parses every flannel document in `text`. `Ok(empty)` when the text is not flannel's;
/// `Err` when it looks like flannel's but cannot be read.
pub fn detect(
    text: &str,
    index: &LineIndex<'_>,
) -> Result<Vec<(Parsed, usize, usize)>, InputError> {
    let trimmed = text.trim_start();
    let at = text.len() - trimmed.len();
    if !trimmed.starts_with('{') {
        return Ok(Vec::new());
    }
    match json::parse(text) {
        Ok(node) if node.members().is_some() => Ok(alloc::vec![(Parsed::FlannelNetConf(node), at, text.len())]),
        Ok(_) => Err(InputError { message: String::from("the JSON is not an object; net-conf.json is an object such as {\"Network\": \"10.244.0.0/16\"}"), span: index.span(at, at) }),
        Err(error) => {
            let span = index.span(error.offset, error.offset);
            Err(InputError { message: format!("not valid JSON at line {}, column {}: {}", span.line, span.column, error.kind), span })
        }
    }
}
