//! `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.podCIDR}{"\n"}{end}'`
//! and its variants: one node per line, its name, a separator, its ranges (one block, a comma
//! list, or `.spec.podCIDRs` printed as a JSON array). A blank separator reads alone; any other
//! (`: `, ` - `, ` podCIDR=`) only right after the `kubectl get nodes` line that printed it, so
//! a YAML `key: 10.0.0.0/16` is never a node.

use alloc::vec::Vec;

use super::node::{ListedNode, Listing};
use super::words::{cidr_list, is_node_name, lines_from, At};

/// Every run of node lines in `text` outside `taken` (the listings already found).
pub fn find<'t>(text: &'t str, taken: &[Listing<'_>]) -> Vec<Listing<'t>> {
    let mut found: Vec<Listing<'t>> = Vec::new();
    let mut after_command = false;
    let mut open = false;
    for (at, line) in lines_from(text, 0) {
        if taken.iter().any(|listing| listing.covers(at)) {
            open = false;
            continue;
        }
        let node = read_line(line, at, after_command || open);
        let is_command = line.contains("kubectl") && line.contains(" get no");
        match node {
            Some(node) => {
                match found.last_mut().filter(|_| open) {
                    Some(listing) => {
                        listing.nodes.push(node);
                        listing.end = at + line.len();
                    }
                    None => found.push(Listing {
                        start: at,
                        end: at + line.len(),
                        nodes: alloc::vec![node],
                    }),
                }
                open = true;
            }
            None => open = false,
        }
        // A continued command (`kubectl get nodes \` then `-o jsonpath=…`) keeps the door open.
        after_command = is_command
            || (after_command && line.trim_end().ends_with('\\'))
            || (after_command && line.trim_start().starts_with("-o"));
    }
    found
}

/// One node line; `loose` allows separators other than blanks.
fn read_line(line: &str, at: usize, loose: bool) -> Option<ListedNode<'_>> {
    let name_end = line.find([' ', '\t', ':', '|'])?;
    let name = &line[..name_end];
    if !is_node_name(name) {
        return None;
    }
    let rest = &line[name_end..];
    let separator = rest.len() - rest.trim_start_matches([' ', '\t', ':', '|', '-']).len();
    let mut value_at = name_end + separator;
    let mut value = line[value_at..].trim_end();
    let blank = rest[..separator].bytes().all(|b| b == b' ' || b == b'\t');
    if let Some((label, after)) = value.split_once('=') {
        // ` podCIDR=10.244.0.0/24`: a label of one word.
        if !loose || label.contains([' ', '\t']) {
            return None;
        }
        value_at += label.len() + 1;
        value = after;
    } else if !blank && !loose {
        return None;
    }
    let name = Some(At {
        value: name,
        start: at,
        end: at + name_end,
    });
    if value.is_empty() || value == "[]" || value == "<none>" {
        // `node3\t`: the field is empty; said only where the lines are known to be nodes.
        let start = at + value_at;
        return loose.then_some(ListedNode {
            name,
            no_range: Some(At {
                value,
                start,
                end: start + value.len(),
            }),
            ..ListedNode::default()
        });
    }
    let ranges = cidr_list(value, at + value_at)?;
    Some(ListedNode {
        name,
        ranges,
        ..ListedNode::default()
    })
}
