//! `kubectl get nodes -o json|yaml` (a `List` of `Node` objects) and `kubectl get node NAME -o
//! json|yaml` (one `Node`): `spec.podCIDRs` (else `spec.podCIDR`), `status.capacity.pods`,
//! `status.addresses` InternalIP, the `flannel.alpha.coreos.com/public-ip` annotation. The
//! object is found in the paste (a JSON object opening at a line start, a YAML document from an
//! `apiVersion:` line to the next prompt or fence) and read through [`KubeNode`], so both trees
//! read one way.

use alloc::vec::Vec;

use core::str::FromStr;

use super::node::{ListedNode, Listing};
use super::words::{address, cidr_list, is_node_name, lines_from, At};
use crate::kube_object::KubeNode;
use crate::net::Cidr;

/// Every node object or list of them in `text`, outside `taken`.
pub fn find<'t>(text: &'t str, taken: &[Listing<'_>]) -> Vec<Listing<'t>> {
    let mut found = Vec::new();
    if !(text.contains("Node") && (text.contains("podCIDR") || text.contains("nodeInfo"))) {
        return found;
    }
    let mut skip_to = 0;
    for (at, line) in lines_from(text, 0) {
        if at < skip_to || taken.iter().any(|listing| listing.covers(at)) {
            continue;
        }
        let end = if line.starts_with('{') {
            crate::json::object_end(text, at).and_then(|end| {
                let tree = crate::json::parse(&text[at..end]).ok()?;
                read_objects(text, at, &tree, &mut found);
                Some(end)
            })
        } else if line.starts_with("apiVersion:") {
            yaml_documents(text, at, &mut found)
        } else {
            None
        };
        skip_to = end.unwrap_or(skip_to);
    }
    found
}

/// The YAML from `at` to the next shell prompt or Markdown fence, read when it parses.
#[cfg(feature = "std")]
fn yaml_documents<'t>(text: &'t str, at: usize, found: &mut Vec<Listing<'t>>) -> Option<usize> {
    let end = lines_from(text, at)
        .skip(1)
        .find(|(_, line)| line.starts_with("$ ") || line.starts_with("```"))
        .map_or(text.len(), |(start, _)| start);
    let documents = crate::yaml::parse_stream(&text[at..end]).ok()?;
    for document in &documents {
        read_objects(text, at, &document.root, found);
    }
    Some(end)
}

#[cfg(not(feature = "std"))]
fn yaml_documents<'t>(_: &'t str, _: usize, _: &mut Vec<Listing<'t>>) -> Option<usize> {
    None
}

/// A `Node`, or the `Node` items of a `List`/`NodeList`, at `base`.
fn read_objects<'t>(text: &'t str, base: usize, root: &dyn KubeNode, found: &mut Vec<Listing<'t>>) {
    let kind = root
        .field("kind")
        .and_then(KubeNode::string)
        .unwrap_or_default();
    let mut listing = Listing {
        start: base + root.start(),
        end: base + root.end(),
        nodes: Vec::new(),
    };
    if kind == "Node" {
        listing.nodes.extend(read_node(text, base, root));
    } else if kind.ends_with("List") {
        let items = root.field("items");
        let mut index = 0;
        while let Some(item) = items.and_then(|items| items.item(index)) {
            index += 1;
            if item.field("kind").and_then(KubeNode::string) != Some("Node") {
                continue;
            }
            listing.nodes.extend(read_node(text, base, item));
        }
    }
    if !listing.nodes.is_empty() {
        found.push(listing);
    }
}

/// A string value's text and its range in the paste (inside its quotes when quoted).
fn string_at<'t>(text: &'t str, base: usize, node: &dyn KubeNode) -> Option<At<&'t str>> {
    let value = node.string()?;
    let (start, end) = (base + node.start(), base + node.end());
    let raw = text.get(start..end)?;
    let inner = raw.find(value).map(|skip| start + skip)?;
    Some(At {
        value: &text[inner..inner + value.len()],
        start: inner,
        end: inner + value.len(),
    })
}

fn read_node<'t>(text: &'t str, base: usize, object: &dyn KubeNode) -> Option<ListedNode<'t>> {
    let metadata = object.field("metadata");
    let name = metadata
        .and_then(|m| m.field("name"))
        .and_then(|n| string_at(text, base, n))
        .filter(|name| is_node_name(name.value))?;
    let mut node = ListedNode {
        name: Some(name),
        ..ListedNode::default()
    };
    let spec = object.field("spec");
    if let Some(list) = spec.and_then(|s| s.field("podCIDRs")) {
        let mut index = 0;
        while let Some(item) = list.item(index) {
            index += 1;
            if let Some(cell) = string_at(text, base, item) {
                node.ranges
                    .extend(cidr_list(cell.value, cell.start).unwrap_or_default());
            }
        }
    }
    if node.ranges.is_empty() {
        let single = spec
            .and_then(|s| s.field("podCIDR"))
            .and_then(|c| string_at(text, base, c));
        if let Some(cell) = single.filter(|cell| Cidr::from_str(cell.value).is_ok()) {
            node.ranges
                .extend(cidr_list(cell.value, cell.start).unwrap_or_default());
        }
    }
    if node.ranges.is_empty() {
        // No podCIDR field: the node has no range; shown at its name.
        node.no_range = Some(name);
    }
    let status = object.field("status");
    let pods = status
        .and_then(|s| s.field("capacity"))
        .and_then(|c| c.map_value("pods"));
    node.pods = pods
        .and_then(|p| string_at(text, base, p))
        .and_then(|cell| {
            Some(At {
                value: cell.value.parse().ok()?,
                start: cell.start,
                end: cell.end,
            })
        });
    let addresses = status.and_then(|s| s.field("addresses"));
    let mut index = 0;
    while let Some(entry) = addresses.and_then(|a| a.item(index)) {
        index += 1;
        if entry.field("type").and_then(KubeNode::string) != Some("InternalIP") {
            continue;
        }
        let cell = entry
            .field("address")
            .and_then(|a| string_at(text, base, a));
        if let Some(ip) = cell.and_then(|cell| address(cell.value, cell.start)) {
            node.addresses.push(("InternalIP", ip));
        }
    }
    let annotations = metadata.and_then(|m| m.field("annotations"));
    let public = annotations
        .and_then(|a| a.map_value("flannel.alpha.coreos.com/public-ip"))
        .and_then(|p| string_at(text, base, p));
    if let Some(ip) = public.and_then(|cell| address(cell.value, cell.start)) {
        node.addresses.push(("public-ip", ip));
    }
    Some(node)
}
