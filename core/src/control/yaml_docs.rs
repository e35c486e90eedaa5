//! The YAML documents of a paste for the control-plane readers: the whole paste as one YAML
//! stream, or the pieces of a transcript or a runbook that parse ([`crate::yaml::parse_pieces`]),
//! with offsets into the whole paste. A piece that does not parse is not the area's to report.

use alloc::vec::Vec;

use crate::yaml::{parse_pieces, Document};

/// The YAML documents of `text`; none when nothing parses.
pub fn documents(text: &str) -> Vec<Document> {
    parse_pieces(text, &|_| false).unwrap_or_default()
}
