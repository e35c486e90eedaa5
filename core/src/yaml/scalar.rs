//! The content of a YAML scalar mapped back to its source bytes.
//!
//! The parser decodes scalars (strips block indentation, folds lines, resolves escapes) but does
//! not say where each decoded byte came from. This module rebuilds the content from the source
//! with a [`SourceMap`] beside it, then checks the result against the parser's value: when the two
//! agree the map is exact; when they do not, the map only points at the scalar and fixes are
//! withheld rather than risking a wrong edit.

use alloc::string::String;
use alloc::vec::Vec;

use super::tree::{Node, NodeKind, ScalarStyle};
use crate::embed::{Embedded, Quoting, SourceMap};

/// The decoded content of scalar `node` of `text` and where it came from; `None` for non-scalars.
pub fn scalar_content(text: &str, node: &Node) -> Option<Embedded> {
    let NodeKind::Scalar(value, style) = &node.kind else {
        return None;
    };
    let rebuilt = match style {
        ScalarStyle::Literal | ScalarStyle::Folded => {
            block(text, node.start, *style == ScalarStyle::Folded)
        }
        ScalarStyle::DoubleQuoted => quoted(text, node.start, b'"'),
        ScalarStyle::SingleQuoted => quoted(text, node.start, b'\''),
        ScalarStyle::Plain => plain(text, node, value),
    };
    Some(match rebuilt {
        Some((content, pieces, quoting)) if same_content(&content, value) => Embedded {
            text: value.clone(),
            map: SourceMap::from_pieces(pieces, quoting).limited_to(text.len()),
            exact: true,
        },
        _ => Embedded {
            text: value.clone(),
            // Every inner offset maps to the scalar's first byte.
            map: SourceMap::from_pieces(alloc::vec![(0, node.start)], Quoting::Verbatim)
                .limited_to(node.start),
            exact: false,
        },
    })
}

type Rebuilt = (String, Vec<(usize, usize)>, Quoting);

/// Chomping only changes trailing line breaks, which no rule edits; compare without them.
fn same_content(rebuilt: &str, value: &str) -> bool {
    rebuilt.trim_end() == value.trim_end()
}

fn plain(text: &str, node: &Node, value: &str) -> Option<Rebuilt> {
    let source = text.get(node.start..node.end)?;
    (source == value).then(|| {
        (
            String::from(value),
            alloc::vec![(0, node.start)],
            Quoting::Plain,
        )
    })
}

/// The lines of a block scalar whose header (`|`, `>-`, ...) starts at `start`.
fn block(text: &str, start: usize, folded: bool) -> Option<Rebuilt> {
    let header_end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    let header = &text[start..header_end];
    let explicit = header
        .bytes()
        .skip(1)
        .take_while(|b| !b.is_ascii_whitespace() && *b != b'#')
        .find(u8::is_ascii_digit)
        .map(|digit| usize::from(digit - b'0'));
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = header_end + 1;
    while at <= text.len() && at > header_end {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let line = text[at..end].strip_suffix('\r').unwrap_or(&text[at..end]);
        lines.push((at, line));
        if end >= text.len() {
            break;
        }
        at = end + 1;
    }
    let indent = match explicit {
        Some(digit) => parent_indent(text, start) + digit,
        None => lines
            .iter()
            .find(|(_, line)| !line.trim().is_empty())
            .map(|(_, line)| line.len() - line.trim_start_matches(' ').len())?,
    };
    if indent == 0 {
        return None;
    }
    let content: Vec<(usize, &str)> = lines
        .into_iter()
        .take_while(|(_, line)| line.trim().is_empty() || line.starts_with(&" ".repeat(indent)))
        .map(|(at, line)| {
            (
                at + indent.min(line.len()),
                line.get(indent..).unwrap_or(""),
            )
        })
        .collect();
    let mut out = String::new();
    let mut pieces = Vec::new();
    if folded {
        fold(&content, &mut out, &mut pieces);
    } else {
        for (at, line) in &content {
            pieces.push((out.len(), *at));
            out.push_str(line);
            out.push('\n');
        }
    }
    Some((out, pieces, Quoting::Block { indent }))
}

/// The indentation of the line holding the block header, for explicit indentation indicators.
fn parent_indent(text: &str, start: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line = &text[line_start..start];
    let indent = line.len() - line.trim_start_matches(' ').len();
    // A sequence entry `- key: |` indents its mapping by the dash and its space.
    if line.trim_start().starts_with("- ") {
        indent + 2
    } else {
        indent
    }
}

/// Folded-style line joining: a break between two ordinary lines becomes a space, a run of empty
/// lines becomes that many breaks, and more-indented lines keep their breaks.
fn fold(content: &[(usize, &str)], out: &mut String, pieces: &mut Vec<(usize, usize)>) {
    let mut empties = 0;
    let mut previous_more: Option<bool> = None;
    for (at, line) in content {
        if line.is_empty() {
            empties += 1;
            continue;
        }
        let more = line.starts_with([' ', '\t']);
        match previous_more {
            None => out.extend(core::iter::repeat_n('\n', empties)),
            Some(previous) if !more && !previous => {
                if empties == 0 {
                    out.push(' ');
                } else {
                    out.extend(core::iter::repeat_n('\n', empties));
                }
            }
            Some(_) => out.extend(core::iter::repeat_n('\n', empties + 1)),
        }
        pieces.push((out.len(), *at));
        out.push_str(line);
        previous_more = Some(more);
        empties = 0;
    }
    out.push('\n');
}

/// A single- or double-quoted scalar whose opening quote is at `start`.
fn quoted(text: &str, start: usize, quote: u8) -> Option<Rebuilt> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut pieces = alloc::vec![(0, start + 1)];
    let mut at = start + 1;
    loop {
        let byte = *bytes.get(at)?;
        if byte == quote {
            if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') {
                pieces.push((out.len(), at));
                out.push('\'');
                at += 2;
                pieces.push((out.len(), at));
                continue;
            }
            break;
        }
        match byte {
            b'\\' if quote == b'"' => {
                pieces.push((out.len(), at));
                if matches!(bytes.get(at + 1), Some(b'\n' | b'\r')) {
                    // An escaped line break joins the lines with nothing between them.
                    at += 1;
                    at = skip_break_and_indent(bytes, at);
                } else {
                    let (decoded, length) = yaml_escape(text.get(at..)?)?;
                    out.push(decoded);
                    at += length;
                }
                pieces.push((out.len(), at));
            }
            b'\n' | b'\r' => {
                let trimmed = out.trim_end_matches([' ', '\t']).len();
                out.truncate(trimmed);
                pieces.retain(|piece| piece.0 <= trimmed);
                let mut breaks = 0;
                at = skip_break_and_indent(bytes, at);
                while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
                    breaks += 1;
                    at = skip_break_and_indent(bytes, at);
                }
                pieces.push((out.len(), at.saturating_sub(1)));
                if breaks == 0 {
                    out.push(' ');
                } else {
                    out.extend(core::iter::repeat_n('\n', breaks));
                }
                pieces.push((out.len(), at));
            }
            _ => {
                let c = text.get(at..)?.chars().next()?;
                out.push(c);
                at += c.len_utf8();
            }
        }
    }
    let quoting = if quote == b'"' {
        Quoting::JsonString
    } else {
        Quoting::YamlSingle
    };
    Some((out, pieces, quoting))
}

fn skip_break_and_indent(bytes: &[u8], mut at: usize) -> usize {
    if bytes.get(at) == Some(&b'\r') {
        at += 1;
    }
    if bytes.get(at) == Some(&b'\n') {
        at += 1;
    }
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

/// The character one YAML double-quoted escape at the start of `rest` stands for, and its length.
fn yaml_escape(rest: &str) -> Option<(char, usize)> {
    let bytes = rest.as_bytes();
    let hex = |digits: usize| -> Option<(char, usize)> {
        let code = u32::from_str_radix(rest.get(2..2 + digits)?, 16).ok()?;
        Some((char::from_u32(code)?, 2 + digits))
    };
    let c = match bytes.get(1)? {
        b'0' => '\0',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b't' | b'\t' => '\t',
        b'n' => '\n',
        b'v' => '\u{b}',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' => return hex(2),
        b'u' => return hex(4),
        b'U' => return hex(8),
        _ => return None,
    };
    Some((c, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_stream;

    fn net_conf(text: &str) -> Embedded {
        let documents = parse_stream(text).expect("valid YAML");
        let node = documents[0]
            .root
            .get("data")
            .and_then(|d| d.get("net-conf.json"))
            .expect("net-conf.json");
        scalar_content(text, node).expect("scalar")
    }

    fn assert_maps_cidr(text: &str) {
        let inner = net_conf(text);
        assert!(inner.exact, "inexact map for {text:?}: {:?}", inner.text);
        let at = inner.text.find("10.244.0.0/16").expect("cidr in content");
        let outer = inner.map.outer(at);
        assert_eq!(&text[outer..outer + 13], "10.244.0.0/16", "{text:?}");
        let key = inner.text.find("Type").expect("type");
        let outer = inner.map.outer(key);
        assert_eq!(&text[outer..outer + 4], "Type", "{text:?}");
    }

    #[test]
    fn every_block_style_maps_back_to_the_source() {
        for header in ["|", "|-", "|+", ">", ">-", "|2"] {
            let text = format!("data:\n  net-conf.json: {header}\n    {{\n      \"Network\": \"10.244.0.0/16\",\n\n      \"Backend\": {{ \"Type\": \"vxlan\" }}\n    }}\n  other: x\n");
            assert_maps_cidr(&text);
        }
    }

    #[test]
    fn quoted_styles_map_back_to_the_source() {
        assert_maps_cidr("data:\n  net-conf.json: \"{\\\"Network\\\": \\\"10.244.0.0/16\\\", \\\"Backend\\\": {\\\"Type\\\": \\\"vxlan\\\"}}\"\n");
        assert_maps_cidr("data:\n  net-conf.json: '{\"Network\": \"10.244.0.0/16\",\n    \"Backend\": {\"Type\": \"vxlan\"}}'\n");
        assert_maps_cidr("data:\n  net-conf.json: \"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"Backend\\\": {\\\"Type\\\": \\\"vxlan\\\"}\\n}\\n\"\n");
    }

    #[test]
    fn multibyte_text_before_the_scalar_does_not_shift_offsets() {
        assert_maps_cidr("# Réseau ☕ des pods\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n");
    }
}
