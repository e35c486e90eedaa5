//! A paste that is not one YAML stream as a whole, read piece by piece: a shell transcript, a
//! runbook or several pastes one after the other hold YAML documents between other text. Each
//! piece between `---` markers and shell prompt lines is parsed on its own, and a piece that
//! does not parse is parsed again block by block (blocks separated by blank lines); offsets stay
//! the whole paste's.

use alloc::vec::Vec;

use super::tree::{parse_stream, Document, Node, NodeKind, YamlError};

/// The documents of `text`: the whole stream when it parses, else every piece and block that
/// does (see the module doc). A block that does not parse and that `wanted` says is clearly meant
/// as YAML the caller reads gives its error; when nothing parses, the whole stream's error.
pub fn parse_pieces(text: &str, wanted: &dyn Fn(&str) -> bool) -> Result<Vec<Document>, YamlError> {
    let whole = match parse_stream(text) {
        Ok(documents) => return Ok(documents),
        Err(error) => error,
    };
    let mut out = Vec::new();
    for (start, end) in split(text, 0, text.len(), is_marker) {
        if let Some(documents) = parse_at(text, start, end) {
            out.extend(documents);
            continue;
        }
        for (from, to) in split(text, start, end, |line| line.trim().is_empty()) {
            match parse_stream(&text[from..to]) {
                Ok(documents) => out.extend(shifted(documents, from)),
                Err(mut error) if wanted(&text[from..to]) => {
                    error.offset += from;
                    return Err(error);
                }
                Err(_) => {}
            }
        }
    }
    if out.is_empty() {
        Err(whole)
    } else {
        Ok(out)
    }
}

/// A line that starts a new piece: a `---` document marker or a shell prompt.
fn is_marker(line: &str) -> bool {
    line.starts_with("---") || line.trim_start().starts_with("$ ")
}

fn parse_at(text: &str, start: usize, end: usize) -> Option<Vec<Document>> {
    parse_stream(&text[start..end])
        .ok()
        .map(|documents| shifted(documents, start))
}

/// The ranges of `start..end` between the lines `separates` accepts (which belong to none).
fn split(text: &str, start: usize, end: usize, separates: fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut open, mut at) = (None, start);
    for line in text[start..end].split_inclusive('\n') {
        if separates(line) {
            if let Some(from) = open.take() {
                out.push((from, at));
            }
        } else if open.is_none() {
            open = Some(at);
        }
        at += line.len();
    }
    if let Some(from) = open {
        out.push((from, end));
    }
    out
}

fn shifted(mut documents: Vec<Document>, by: usize) -> Vec<Document> {
    for document in &mut documents {
        shift(&mut document.root, by);
    }
    documents
}

fn shift(node: &mut Node, by: usize) {
    node.start += by;
    node.end += by;
    match &mut node.kind {
        NodeKind::Mapping(pairs) => {
            for (key, value) in pairs {
                shift(key, by);
                shift(value, by);
            }
        }
        NodeKind::Sequence(items) => items.iter_mut().for_each(|item| shift(item, by)),
        NodeKind::Scalar(..) | NodeKind::Alias => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_that_parses_keeps_its_offsets_in_the_paste() {
        let text = "$ kubeadm init --x 'y: [\n[init] Using: [\n\nnetworking:\n  podSubnet: 10.244.0.0/16\n";
        let documents = parse_pieces(text, &|_| false).unwrap_or_default();
        let subnet = documents
            .iter()
            .find_map(|d| d.root.get("networking").and_then(|n| n.get("podSubnet")));
        assert_eq!(
            subnet.map(|node| &text[node.start..node.end]),
            Some("10.244.0.0/16")
        );
    }

    #[test]
    fn a_wanted_block_that_does_not_parse_gives_its_error_in_the_paste() {
        let text = "$ cat cm.yaml\nkind: ConfigMap\ndata: [\n";
        let error = parse_pieces(text, &|block| block.contains("kind:")).err();
        assert!(error.is_some_and(|error| error.offset >= 14));
    }
}
