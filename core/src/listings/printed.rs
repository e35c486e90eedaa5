//! The ranges `kubectl get nodes [NAME] -o jsonpath=…|go-template=…` prints over
//! `.spec.podCIDR(s)` without node names (the Kubernetes docs' dual-stack check prints
//! `10.244.1.0/24` and `a00:100::/24`, one per line): lines of blocks alone after the command,
//! blank lines and fence markers between them kept out. With one node named on the command line
//! every block is that node's; without a name, `.items[*].spec.podCIDR` prints one block per
//! node, each its own nameless node. `podCIDRs` over every node is not read: its blocks cannot
//! be told apart by node.

use alloc::vec::Vec;

use super::node::{ListedNode, Listing};
use super::words::{cidr_list, is_node_name, lines_from, words, At};

/// Every such output in `text` outside `taken` (the listings already found).
pub fn find<'t>(text: &'t str, taken: &[Listing<'_>]) -> Vec<Listing<'t>> {
    let mut found = Vec::new();
    let mut command: Option<Command<'t>> = None;
    let mut current: Option<Listing<'t>> = None;
    for (at, line) in lines_from(text, 0) {
        if let Some(read) = Command::read(line, at) {
            found.extend(current.take());
            command = Some(read);
            continue;
        }
        let Some(waiting) = command.as_ref() else {
            continue;
        };
        let trimmed = line.trim();
        if current.is_none() && (trimmed.is_empty() || trimmed == "---") {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let ranges =
            cidr_list(trimmed, at + indent).filter(|_| !taken.iter().any(|l| l.covers(at)));
        match ranges {
            Some(ranges) => {
                let listing = current.get_or_insert(Listing {
                    start: at,
                    end: at,
                    nodes: Vec::new(),
                });
                listing.end = at + line.len();
                add(listing, waiting, ranges);
            }
            None => {
                found.extend(current.take());
                command = None;
            }
        }
    }
    found.extend(current);
    found
}

/// A `kubectl get node…` command that prints pod ranges through a template, and the one node
/// it names.
struct Command<'t> {
    node: Option<At<&'t str>>,
}

impl<'t> Command<'t> {
    /// `line` when it is such a command (`podCIDRs` over every node is not).
    fn read(line: &'t str, at: usize) -> Option<Command<'t>> {
        let template = line.contains("jsonpath") || line.contains("go-template");
        if !(line.contains("kubectl") && template && line.contains("podCIDR")) {
            return None;
        }
        let mut all = words(line, at)
            .skip_while(|word| word.value != "get")
            .skip(1);
        let kind = all.next()?;
        if !matches!(kind.value, "nodes" | "node" | "no") {
            return None;
        }
        let node = all
            .next()
            .filter(|word| !word.value.starts_with('-') && is_node_name(word.value));
        (node.is_some() || !line.contains("podCIDRs")).then_some(Command { node })
    }
}

/// The blocks of one printed line: all the named node's, or one nameless node each.
fn add<'t>(listing: &mut Listing<'t>, command: &Command<'t>, ranges: Vec<At<crate::net::Cidr>>) {
    match command.node {
        Some(name) => match listing.nodes.first_mut() {
            Some(node) => node.ranges.extend(ranges),
            None => listing.nodes.push(ListedNode {
                name: Some(name),
                ranges,
                ..ListedNode::default()
            }),
        },
        None => listing
            .nodes
            .extend(ranges.into_iter().map(|range| ListedNode {
                ranges: alloc::vec![range],
                ..ListedNode::default()
            })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges<'t>(listing: &Listing<'t>) -> Vec<(Option<&'t str>, Vec<alloc::string::String>)> {
        listing
            .nodes
            .iter()
            .map(|node| {
                (
                    node.name.as_ref().map(|name| name.value),
                    node.ranges
                        .iter()
                        .map(|r| alloc::format!("{}", r.value))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn one_named_node_gets_every_block_printed_after_its_command() {
        let text = "kubectl get nodes n1 -o go-template --template='{{range .spec.podCIDRs}}{{printf \"%s\\n\" .}}{{end}}'\n---\n\n10.244.1.0/24\na00:100::/24\n\nmore prose\n";
        let found = find(text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            ranges(&found[0]),
            [(
                Some("n1"),
                alloc::vec!["10.244.1.0/24".into(), "a00:100::/24".into()]
            )]
        );
        assert_eq!(
            &text[found[0].start..found[0].end],
            "10.244.1.0/24\na00:100::/24"
        );
    }

    #[test]
    fn every_node_s_pod_cidr_on_one_line_is_a_nameless_node_each() {
        let text = "$ kubectl get nodes -o jsonpath='{.items[*].spec.podCIDR}'\n10.244.0.0/24 10.244.1.0/24 10.244.2.0/24\n";
        let found = find(text, &[]);
        assert_eq!(found[0].nodes.len(), 3);
        assert!(found[0].nodes.iter().all(|node| node.name.is_none()));
    }

    #[test]
    fn other_commands_and_podcidrs_over_every_node_are_not_read() {
        for text in [
            "kubectl get nodes -o jsonpath='{.items[*].spec.podCIDRs}'\n10.244.0.0/24 fd00::/64\n",
            "kubectl get svc -o jsonpath='{.spec.podCIDR}'\n10.96.0.0/12\n",
            "kubectl get nodes -o jsonpath='{.items[*].spec.podCIDR}'\nsome text\n10.244.0.0/24\n",
            "ip route\n10.244.0.0/24\n",
        ] {
            assert!(find(text, &[]).is_empty(), "{text}");
        }
    }
}
