//! Documents inside documents: mapping offsets of an inner text back to the pasted text.
//!
//! `net-conf.json` may be pasted bare, or sit inside a YAML block scalar, a quoted YAML scalar, or
//! an escaped JSON string. Rules work on the inner (decoded) text; a [`SourceMap`] turns their
//! offsets into offsets of the analysed text and encodes replacement text the way the container
//! needs it, so that a fix changes only the bytes that must change.

use alloc::string::String;
use alloc::vec::Vec;

/// How text inside the container is written, so that replacements can be encoded to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quoting {
    /// Verbatim: bare files.
    #[default]
    Verbatim,
    /// A YAML block scalar (`|` or `>`) whose lines are indented by `indent` spaces: a line break
    /// in a replacement is followed by that indentation.
    Block {
        /// The content indentation in spaces.
        indent: usize,
    },
    /// Inside a JSON (or YAML double-quoted) string: `"`, `\` and line breaks are escaped.
    JsonString,
    /// Inside a YAML single-quoted string: `'` doubles; a line break becomes a space.
    YamlSingle,
    /// A plain YAML scalar: a line break becomes a space.
    Plain,
}

impl Quoting {
    /// `replacement` written the way this container needs it.
    pub fn encode(self, replacement: &str) -> String {
        let mut out = String::with_capacity(replacement.len() + 8);
        for c in replacement.chars() {
            match (self, c) {
                (Quoting::Block { indent }, '\n') => {
                    out.push('\n');
                    out.extend(core::iter::repeat_n(' ', indent));
                }
                (Quoting::JsonString, '"') => out.push_str("\\\""),
                (Quoting::JsonString, '\\') => out.push_str("\\\\"),
                (Quoting::JsonString, '\n') => out.push_str("\\n"),
                (Quoting::JsonString, '\t') => out.push_str("\\t"),
                (Quoting::YamlSingle, '\'') => out.push_str("''"),
                (Quoting::YamlSingle | Quoting::Plain, '\n') => out.push(' '),
                _ => out.push(c),
            }
        }
        out
    }
}

/// Maps offsets of an inner text to offsets of the outer text.
///
/// The inner text is a sequence of pieces; each piece is a run of bytes copied unchanged from the
/// outer text. An offset inside a piece maps linearly; gaps (stripped indentation, escapes) belong
/// to the piece before them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMap {
    /// `(inner_start, outer_start)` of each piece, sorted by `inner_start`; the first starts at 0.
    pieces: Vec<(usize, usize)>,
    /// How replacements must be encoded.
    pub quoting: Quoting,
    /// The outer text's length: no offset maps past it (a decoded block scalar may end in a line
    /// break the source does not have).
    limit: usize,
}

/// An inner document: its decoded text, where its bytes came from, and whether that map is
/// exact (when it is not, every offset maps to the container's start and fixes are withheld).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedded {
    /// The decoded inner text.
    pub text: String,
    /// Inner offsets to outer offsets.
    pub map: SourceMap,
    /// True when every inner byte maps to the exact outer byte it came from.
    pub exact: bool,
}

impl SourceMap {
    /// The inner text is the outer text from `outer_start` on, byte for byte.
    pub fn offset(outer_start: usize) -> Self {
        SourceMap {
            pieces: alloc::vec![(0, outer_start)],
            quoting: Quoting::Verbatim,
            limit: usize::MAX,
        }
    }

    /// A map from pieces `(inner_start, outer_start)`; they are sorted here.
    pub fn from_pieces(mut pieces: Vec<(usize, usize)>, quoting: Quoting) -> Self {
        crate::order::sort_by_position(&mut pieces, |piece| *piece);
        pieces.dedup_by_key(|piece| piece.0);
        if pieces.first().is_none_or(|first| first.0 != 0) {
            let outer = pieces.first().map_or(0, |first| first.1);
            pieces.insert(0, (0, outer));
        }
        SourceMap {
            pieces,
            quoting,
            limit: usize::MAX,
        }
    }

    /// The same map, never pointing past `outer_len` bytes.
    pub fn limited_to(mut self, outer_len: usize) -> Self {
        self.limit = outer_len;
        self
    }

    /// The outer offset of inner offset `inner`.
    pub fn outer(&self, inner: usize) -> usize {
        let at = match self.pieces.binary_search_by_key(&inner, |piece| piece.0) {
            Ok(exact) => exact,
            Err(next) => next.saturating_sub(1),
        };
        let (inner_start, outer_start) = self.pieces[at];
        (outer_start + (inner - inner_start)).min(self.limit)
    }

    /// `replacement` written the way the container needs it.
    pub fn encode(&self, replacement: &str) -> String {
        self.quoting.encode(replacement)
    }
}

/// Decodes the JSON string whose opening quote is at `start` of `text` (already known to be valid
/// JSON), mapping every decoded byte back to the bytes it came from.
pub fn json_string(text: &str, start: usize) -> Option<Embedded> {
    let bytes = text.as_bytes();
    if bytes.get(start) != Some(&b'"') {
        return None;
    }
    let mut out = String::new();
    let mut pieces = alloc::vec![(0, start + 1)];
    let mut at = start + 1;
    loop {
        let run = at;
        while at < bytes.len() && bytes[at] != b'"' && bytes[at] != b'\\' {
            at += 1;
        }
        out.push_str(text.get(run..at)?);
        match bytes.get(at)? {
            b'"' => break,
            _ => {
                pieces.push((out.len(), at));
                let (decoded, length) = crate::json::decode_escape(bytes.get(at..)?).ok()?;
                out.push(decoded);
                at += length;
                pieces.push((out.len(), at));
            }
        }
    }
    Some(Embedded {
        text: out,
        map: SourceMap::from_pieces(pieces, Quoting::JsonString).limited_to(text.len()),
        exact: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn offsets_map_linearly_within_pieces() {
        // Inner "ab\ncd" taken from outer "  ab\n  cd": pieces start at inner 0 and 3.
        let map = SourceMap::from_pieces(vec![(3, 7), (0, 2)], Quoting::Verbatim);
        assert_eq!(map.outer(0), 2);
        assert_eq!(map.outer(1), 3);
        assert_eq!(map.outer(3), 7);
        assert_eq!(map.outer(4), 8);
    }

    #[test]
    fn json_string_quoting_escapes_quotes_and_backslashes() {
        let map = SourceMap::from_pieces(vec![(0, 0)], Quoting::JsonString);
        assert_eq!(map.encode("\"a\\b\"\n"), "\\\"a\\\\b\\\"\\n");
        assert_eq!(SourceMap::offset(5).encode("\"x\""), "\"x\"");
    }

    #[test]
    fn offsets_never_map_past_the_outer_text() {
        let map = SourceMap::from_pieces(vec![(0, 3)], Quoting::Verbatim).limited_to(5);
        assert_eq!(map.outer(1), 4);
        assert_eq!(map.outer(9), 5);
    }

    #[test]
    fn block_quoting_indents_new_lines() {
        let map = SourceMap::from_pieces(vec![(0, 0)], Quoting::Block { indent: 4 });
        assert_eq!(map.encode("a\nb"), "a\n    b");
    }

    #[test]
    fn a_json_string_maps_each_decoded_byte_to_its_source() {
        let outer = r#"{"k": "{\"Network\":\n \"10.0.0.0/8\"}"}"#;
        let start = outer.find(": \"").expect("value") + 2;
        let inner = json_string(outer, start).expect("string");
        assert_eq!(inner.text, "{\"Network\":\n \"10.0.0.0/8\"}");
        let at = inner.text.find("10.0").expect("cidr");
        let outer_at = inner.map.outer(at);
        assert_eq!(&outer[outer_at..outer_at + 10], "10.0.0.0/8");
        // The decoded quote before the CIDR maps to the backslash of its escape.
        assert_eq!(&outer[inner.map.outer(at - 1)..inner.map.outer(at)], "\\\"");
    }
}
