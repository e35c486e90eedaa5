//! The YAML tree: mappings, sequences and scalars with their byte spans, one tree per document.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle as SaphyrStyle};

use crate::span::LineIndex;

/// The deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 64;
/// The most aliases (`*name`) accepted in one paste; configs podnet reads use none.
pub const MAX_ALIASES: usize = 64;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    /// Unquoted.
    Plain,
    /// `'single quoted'`.
    SingleQuoted,
    /// `"double quoted"`.
    DoubleQuoted,
    /// `|` literal block.
    Literal,
    /// `>` folded block.
    Folded,
}

/// A node and the byte range it covers (a block scalar's range starts at its `|` or `>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// The kinds of YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar: its decoded value and how it was written.
    Scalar(String, ScalarStyle),
    /// A mapping: key and value pairs in source order.
    Mapping(Vec<(Node, Node)>),
    /// A sequence.
    Sequence(Vec<Node>),
    /// An alias (`*name`), never expanded.
    Alias,
}

/// One document of a YAML stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The root node.
    pub root: Node,
}

/// Why the text cannot be read as YAML, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// A plain-language reason.
    pub message: String,
    /// Byte offset of the problem.
    pub offset: usize,
}

impl Node {
    /// The scalar value, when this is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar(value, _) => Some(value),
            _ => None,
        }
    }

    /// The value of `key` when this is a mapping with a scalar key equal to `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, value)| value)
    }

    /// The key and value nodes of `key` when this is a mapping holding it.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.kind {
            NodeKind::Mapping(pairs) => pairs
                .iter()
                .rev()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The items when this is a sequence.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Sequence(items) => items,
            _ => &[],
        }
    }
}

/// Parser markers as byte offsets: saphyr's `Marker::index` counts characters, not bytes, so
/// its line (1-based) and column (0-based, in characters) are converted instead, walking on from
/// the last marker of the same line: markers come mostly in text order, so a long line (compact
/// JSON read as YAML) is walked once, not once per marker.
struct Offsets<'t> {
    index: LineIndex<'t>,
    text: &'t str,
    /// The last marker's line and column, and its byte offset.
    line: usize,
    column: usize,
    byte: usize,
}

impl<'t> Offsets<'t> {
    fn new(text: &'t str) -> Self {
        Offsets {
            index: LineIndex::new(text),
            text,
            line: usize::MAX,
            column: 0,
            byte: 0,
        }
    }

    fn of(&mut self, marker: &Marker) -> usize {
        let (line, column) = (marker.line(), marker.col());
        if line != self.line || column < self.column {
            let number = u32::try_from(line).unwrap_or(u32::MAX);
            (self.line, self.column) = (line, 0);
            self.byte = self.index.offset(number, 1);
        }
        let rest = &self.text[self.byte..];
        let steps = column - self.column;
        self.byte += rest
            .char_indices()
            .nth(steps)
            .map_or(rest.len(), |(at, _)| at);
        self.column = column;
        self.byte
    }
}

enum Open {
    Mapping(usize, Vec<(Node, Node)>, Option<Node>),
    Sequence(usize, Vec<Node>),
}

/// Reads every document of the YAML stream `text`.
pub fn parse_stream(text: &str) -> Result<Vec<Document>, YamlError> {
    let mut offsets = Offsets::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut documents = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut aliases = 0usize;
    // Where the previous token ended: a block scalar's header lies between it and the content.
    let mut last_end = 0usize;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|error| YamlError {
            message: String::from(error.info()),
            offset: offsets.of(error.marker()),
        })?;
        let start = offsets.of(&span.start);
        let end = offsets.of(&span.end).max(start);
        let node = match event {
            Event::StreamEnd => break,
            Event::Scalar(value, style, _, _) => {
                let style = convert(style);
                // saphyr's span of a block scalar starts at its content and ends at the next
                // token; podnet's starts at the `|` or `>` header and ends after the last line.
                let (start, end) = if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    let from = last_end.min(start);
                    let header = text[from..start]
                        .find(['|', '>'])
                        .map_or(start, |at| from + at);
                    (
                        header,
                        header + text[header..end.max(header)].trim_end().len(),
                    )
                } else {
                    (start, end)
                };
                last_end = end;
                Node {
                    kind: NodeKind::Scalar(String::from(value.as_ref()), style),
                    start,
                    end,
                }
            }
            Event::Alias(_) => {
                aliases += 1;
                if aliases > MAX_ALIASES {
                    return Err(YamlError {
                        message: format!("more than {MAX_ALIASES} YAML aliases (*name): refused, as a guard against alias bombs; no config podnet reads needs them"),
                        offset: start,
                    });
                }
                last_end = end;
                Node {
                    kind: NodeKind::Alias,
                    start,
                    end,
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        message: format!("YAML nested deeper than {MAX_DEPTH} levels: refused"),
                        offset: start,
                    });
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Open::Mapping(start, Vec::new(), None)
                } else {
                    Open::Sequence(start, Vec::new())
                });
                continue;
            }
            Event::MappingEnd => match stack.pop() {
                Some(Open::Mapping(open, pairs, _)) => {
                    let end = pairs.last().map_or(end.max(open), |(_, v)| v.end);
                    Node {
                        kind: NodeKind::Mapping(pairs),
                        start: open,
                        end,
                    }
                }
                _ => continue,
            },
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Sequence(open, items)) => {
                    let end = items.last().map_or(end.max(open), |v| v.end);
                    Node {
                        kind: NodeKind::Sequence(items),
                        start: open,
                        end,
                    }
                }
                _ => continue,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => documents.push(Document { root: node }),
            Some(Open::Sequence(_, items)) => items.push(node),
            Some(Open::Mapping(_, pairs, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => pairs.push((key, node)),
            },
        }
    }
    Ok(documents)
}

fn convert(style: SaphyrStyle) -> ScalarStyle {
    match style {
        SaphyrStyle::Plain => ScalarStyle::Plain,
        SaphyrStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        SaphyrStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        SaphyrStyle::Literal => ScalarStyle::Literal,
        SaphyrStyle::Folded => ScalarStyle::Folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_byte_offsets_even_after_multibyte_characters() {
        let text = "# café ☕\nkind: ConfigMap\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\"}\n";
        let documents = parse_stream(text).expect("valid YAML");
        let root = &documents[0].root;
        let kind = root.get("kind").expect("kind");
        assert_eq!(&text[kind.start..kind.end], "ConfigMap");
        let conf = root
            .get("data")
            .and_then(|d| d.get("net-conf.json"))
            .expect("net-conf");
        assert!(
            text[conf.start..].starts_with('|'),
            "{:?}",
            &text[conf.start..]
        );
        assert_eq!(conf.as_str(), Some("{\"Network\": \"10.244.0.0/16\"}\n"));
    }

    #[test]
    fn every_document_of_a_stream_is_read() {
        let text = "kind: Namespace\n---\nkind: ConfigMap\n---\n- a\n- b\n";
        let documents = parse_stream(text).expect("valid");
        assert_eq!(documents.len(), 3);
        assert_eq!(documents[2].root.items().len(), 2);
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x]\n");
        for i in 0..70 {
            bomb.push_str(&format!("k{i}: [*a, *a]\n"));
        }
        let error = parse_stream(&bomb).expect_err("refused");
        assert!(error.message.contains("alias bombs"), "{}", error.message);
        let deep = "[".repeat(100) + &"]".repeat(100);
        let error = parse_stream(&deep).expect_err("refused");
        assert!(
            error.message.contains("deeper than 64"),
            "{}",
            error.message
        );
    }

    #[test]
    fn syntax_errors_carry_their_byte_offset() {
        let text = "kind: ConfigMap\ndata:\n  a: \"unclosed\n";
        let error = parse_stream(text).expect_err("invalid");
        assert!(error.offset >= 22, "{error:?}");
    }
}
