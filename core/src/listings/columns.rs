//! `kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR,…`: a header of
//! upper-case column names, one of them a CIDR column, then one row per node with as many cells
//! (`<none>` for an empty field). Columns named like an address (`…IP…`) or pods (`…PODS…`) are
//! read too. Without the `kubectl get nodes` line above it, every column must be one a node table
//! has (`calicoctl get ippool -o wide`'s `NAME CIDR SELECTOR` is no node listing).

use alloc::vec::Vec;

use super::node::{ListedNode, Listing};
use super::words::{address, cidr_list, lines_from, words, At};

/// Every custom-columns table of nodes in `text`.
pub fn find(text: &str) -> Vec<Listing<'_>> {
    let mut found = Vec::new();
    let mut lines = lines_from(text, 0).peekable();
    let mut after_command = false;
    while let Some((at, line)) = lines.next() {
        let header: Vec<At<&str>> = words(line, at).collect();
        let command = after_command;
        after_command = line.contains("kubectl") && line.contains(" get no");
        if !is_header(&header) || !(command || header.iter().all(|w| node_column(w.value))) {
            continue;
        }
        let mut listing = Listing {
            start: at,
            end: at + line.len(),
            nodes: Vec::new(),
        };
        while let Some(&(row_at, row)) = lines.peek() {
            let cells: Vec<At<&str>> = words(row, row_at).collect();
            if cells.len() != header.len() {
                break;
            }
            let Some(node) = read_row(&header, &cells) else {
                break;
            };
            listing.nodes.push(node);
            listing.end = row_at + row.len();
            lines.next();
        }
        if !listing.nodes.is_empty() {
            found.push(listing);
        }
    }
    found
}

fn is_header(words: &[At<&str>]) -> bool {
    let upper = |w: &At<&str>| {
        w.value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    };
    words.len() >= 2 && words.iter().all(upper) && words.iter().any(|w| w.value.contains("CIDR"))
}

/// True for a column name a node table has.
fn node_column(name: &str) -> bool {
    const PARTS: [&str; 11] = [
        "NAME", "NODE", "CIDR", "IP", "POD", "ADDR", "STATUS", "ROLE", "AGE", "VERSION", "ZONE",
    ];
    PARTS.iter().any(|part| name.contains(part))
}

/// One row: `None` when a CIDR cell holds neither blocks nor `<none>`.
fn read_row<'t>(header: &[At<&str>], cells: &[At<&'t str>]) -> Option<ListedNode<'t>> {
    let mut node = ListedNode::default();
    for (index, (column, cell)) in header.iter().zip(cells).enumerate() {
        let none = cell.value == "<none>";
        if column.value.contains("CIDR") {
            if none {
                node.no_range.get_or_insert(*cell);
            } else {
                node.ranges.extend(cidr_list(cell.value, cell.start)?);
            }
        } else if column.value == "NAME" || (index == 0 && node.name.is_none()) {
            node.name = super::words::is_node_name(cell.value).then_some(*cell);
        } else if column.value.contains("IP") {
            if let Some(ip) = address(cell.value, cell.start) {
                node.addresses.push((column_key(column.value), ip));
            }
        } else if column.value.contains("PODS") {
            node.pods = cell.value.parse().ok().map(|value| At {
                value,
                start: cell.start,
                end: cell.end,
            });
        }
    }
    Some(node)
}

/// The key an address column's values are stated under.
fn column_key(column: &str) -> &'static str {
    if column.contains("PUBLIC") {
        "public-ip"
    } else if column.contains("EXTERNAL") {
        "ExternalIP"
    } else {
        "InternalIP"
    }
}
