//! Documents inside documents: mapping offsets of an inner text back to the pasted text.
//!
//! `net-conf.json` may be pasted bare, or sit inside a YAML block scalar, or inside an escaped JSON
//! string. Rules work on the inner text; a [`SourceMap`] turns their offsets into offsets of the
//! analysed text and encodes replacement text the way the container needs it.

use alloc::string::String;
use alloc::vec::Vec;

/// How text inside the container is written, so that replacements can be encoded to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quoting {
    /// Verbatim: bare files and YAML block scalars.
    #[default]
    Verbatim,
    /// Inside a JSON (or YAML double-quoted) string: `"` and `\` are escaped.
    JsonString,
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
}

impl SourceMap {
    /// The inner text is the outer text from `outer_start` on, byte for byte.
    pub fn offset(outer_start: usize) -> Self {
        SourceMap {
            pieces: alloc::vec![(0, outer_start)],
            quoting: Quoting::Verbatim,
        }
    }

    /// A map from pieces `(inner_start, outer_start)`; they are sorted here.
    pub fn from_pieces(mut pieces: Vec<(usize, usize)>, quoting: Quoting) -> Self {
        pieces.sort_unstable();
        if pieces.first().is_none_or(|first| first.0 != 0) {
            let outer = pieces.first().map_or(0, |first| first.1);
            pieces.insert(0, (0, outer));
        }
        SourceMap { pieces, quoting }
    }

    /// The outer offset of inner offset `inner`.
    pub fn outer(&self, inner: usize) -> usize {
        let at = match self.pieces.binary_search_by_key(&inner, |piece| piece.0) {
            Ok(exact) => exact,
            Err(next) => next.saturating_sub(1),
        };
        let (inner_start, outer_start) = self.pieces[at];
        outer_start + (inner - inner_start)
    }

    /// `replacement` written the way the container needs it.
    pub fn encode(&self, replacement: &str) -> String {
        match self.quoting {
            Quoting::Verbatim => String::from(replacement),
            Quoting::JsonString => {
                let mut out = String::with_capacity(replacement.len() + 8);
                for c in replacement.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        _ => out.push(c),
                    }
                }
                out
            }
        }
    }
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
        let map = SourceMap {
            pieces: vec![(0, 0)],
            quoting: Quoting::JsonString,
        };
        assert_eq!(map.encode("\"a\\b\"\n"), "\\\"a\\\\b\\\"\\n");
        assert_eq!(SourceMap::offset(5).encode("\"x\""), "\"x\"");
    }
}
