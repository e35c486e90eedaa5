//! The YAML documents of a paste for the control-plane readers: the whole paste as one YAML
//! stream when it parses, else each block between blank lines and shell prompt lines that
//! parses on its own (a kubeadm config pasted below a `kubeadm init` line and its output, a
//! shell transcript's `$ cat config.yaml` and what it printed), with offsets into the whole
//! paste.

use alloc::vec::Vec;

use crate::yaml::{parse_stream, Document, Node, NodeKind};

/// The YAML documents of `text` (see the module doc); none when nothing parses.
pub fn documents(text: &str) -> Vec<Document> {
    if let Ok(documents) = parse_stream(text) {
        return documents;
    }
    let mut out = Vec::new();
    for (start, end) in blocks(text) {
        if let Ok(documents) = parse_stream(&text[start..end]) {
            out.extend(documents.into_iter().map(|mut document| {
                shift(&mut document.root, start);
                document
            }));
        }
    }
    out
}

/// The blocks of `text` separated by blank lines and shell prompt lines (`$ cat config.yaml`
/// before the file it prints), as byte ranges.
pub fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut at) = (None, 0);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() || line.trim_start().starts_with("$ ") {
            if let Some(from) = start.take() {
                out.push((from, at));
            }
        } else if start.is_none() {
            start = Some(at);
        }
        at += line.len();
    }
    if let Some(from) = start {
        out.push((from, text.len()));
    }
    out
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
    fn a_block_that_parses_keeps_its_offsets_in_the_paste() {
        let text = "$ kubeadm init --x 'y: [\n\nnetworking:\n  podSubnet: 10.244.0.0/16\n";
        let documents = documents(text);
        assert_eq!(documents.len(), 1);
        let subnet = documents[0]
            .root
            .get("networking")
            .and_then(|n| n.get("podSubnet"));
        let subnet = subnet.map(|node| &text[node.start..node.end]);
        assert_eq!(subnet, Some("10.244.0.0/16"));
    }
}
