//! `kubectl describe node[s]`: per node a block from `Name:` to `Events:`, with `PodCIDR:` and
//! `PodCIDRs:` (kubectl prints them only when set, so a node block without them has no range),
//! `Capacity:` then `pods:`, `Addresses:` then `InternalIP:`, and flannel's
//! `flannel.alpha.coreos.com/public-ip` annotation (`: ` or, in older kubectl, `=`). Lines
//! `PodCIDR:` without a block (`kubectl describe nodes | grep PodCIDR`) read as unnamed nodes.

use alloc::vec::Vec;

use super::node::{ListedNode, Listing};
use super::words::{address, cidr_list, is_node_name, key_value, lines_from, At};

/// What the block being read has seen.
#[derive(Default)]
struct Block<'t> {
    node: ListedNode<'t>,
    start: usize,
    end: usize,
    /// A `Roles:`/`Capacity:` line: this `Name:` is a node's.
    is_node: bool,
    /// The `PodCIDRs:` list was read (it wins over `PodCIDR:`).
    plural: bool,
    /// Inside `Capacity:` (not `Allocatable:`).
    in_capacity: bool,
}

/// Every node block of `text`.
pub fn find(text: &str) -> Vec<Listing<'_>> {
    let mut listings: Vec<Listing<'_>> = Vec::new();
    let mut block: Option<Block<'_>> = None;
    for (at, line) in lines_from(text, 0) {
        let top_level = !line.starts_with([' ', '\t']);
        let Some((key, value)) = key_value(line, at) else {
            continue;
        };
        if key == "Name" && top_level {
            close(block.take(), &mut listings);
            if is_node_name(value.value) {
                block = Some(Block {
                    node: ListedNode {
                        name: Some(value),
                        ..ListedNode::default()
                    },
                    start: at,
                    end: at + line.len(),
                    ..Block::default()
                });
            }
            continue;
        }
        if key == "Events" && top_level {
            if let Some(open) = block.as_mut() {
                open.end = at + line.len();
            }
            close(block.take(), &mut listings);
            continue;
        }
        let loose = block.is_none() && key.starts_with("PodCIDR");
        if loose {
            block = Some(Block {
                start: at,
                is_node: true,
                ..Block::default()
            });
        }
        let Some(open) = block.as_mut() else {
            continue;
        };
        read_field(open, key, value, top_level);
        open.end = open.end.max(at + line.len());
        if loose {
            close(block.take(), &mut listings);
        }
    }
    close(block, &mut listings);
    merge_adjacent(text, listings)
}

/// One listing for the blocks of one `kubectl describe nodes`: blocks with only blank lines
/// between them.
fn merge_adjacent<'t>(text: &str, listings: Vec<Listing<'t>>) -> Vec<Listing<'t>> {
    let mut merged: Vec<Listing<'t>> = Vec::new();
    for listing in listings {
        match merged.last_mut() {
            Some(last)
                if text
                    .get(last.end..listing.start)
                    .is_some_and(|gap| gap.trim().is_empty()) =>
            {
                last.end = listing.end;
                last.nodes.extend(listing.nodes);
            }
            _ => merged.push(listing),
        }
    }
    merged
}

fn read_field<'t>(block: &mut Block<'t>, key: &str, value: At<&'t str>, top_level: bool) {
    if top_level {
        block.in_capacity = key == "Capacity";
    }
    match key {
        "Roles" | "Capacity" | "Addresses" if top_level => block.is_node = true,
        "PodCIDR" | "PodCIDRs" if top_level => {
            block.is_node = true;
            if block.plural {
                return;
            }
            if key == "PodCIDRs" {
                block.plural = true;
                block.node.ranges.clear();
            }
            match cidr_list(value.value, value.start) {
                Some(ranges) => block.node.ranges.extend(ranges),
                None if value.value.is_empty() || value.value == "<none>" => {
                    block.node.no_range = Some(value);
                }
                None => {}
            }
        }
        "pods" if block.in_capacity && block.node.pods.is_none() => {
            block.node.pods = value.value.parse().ok().map(|pods| At {
                value: pods,
                start: value.start,
                end: value.end,
            });
        }
        "InternalIP" | "flannel.alpha.coreos.com/public-ip" => {
            let name = if key == "InternalIP" {
                "InternalIP"
            } else {
                "public-ip"
            };
            if let Some(ip) = address(value.value, value.start) {
                block.node.addresses.push((name, ip));
            }
        }
        _ => {}
    }
}

/// Ends a block: a node's block becomes a listing of one node (a node without `PodCIDR:` lines
/// has no range: kubectl prints them only when set).
fn close<'t>(block: Option<Block<'t>>, listings: &mut Vec<Listing<'t>>) {
    let Some(mut block) = block.filter(|block| block.is_node) else {
        return;
    };
    if block.node.ranges.is_empty() && block.node.no_range.is_none() {
        block.node.no_range = block.node.name;
    }
    listings.push(Listing {
        start: block.start,
        end: block.end,
        nodes: alloc::vec![block.node],
    });
}
