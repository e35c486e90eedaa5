//! YAML reading with byte spans, built on `saphyr-parser` events (only with the `std` feature).
//!
//! podnet needs the exact bytes of every key and value of a ConfigMap, so it builds a small tree of
//! its own from the parser's events instead of a decoded value. Aliases are never expanded (a
//! paste with many of them is refused, so alias bombs cannot blow up), nesting deeper than
//! [`MAX_DEPTH`] is refused, and every position is a byte offset of the parsed text.

mod blocks;
mod plain;
mod scalar;
mod tree;

pub use blocks::parse_pieces;
pub use plain::{plain_type, PlainType};
pub use scalar::scalar_content;
pub use tree::{
    parse_stream, Document, Node, NodeKind, ScalarStyle, YamlError, MAX_ALIASES, MAX_DEPTH,
};
