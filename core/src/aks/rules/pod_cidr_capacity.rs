//! `aks/pod-cidr-capacity`: The pod CIDR holds fewer /24 node ranges than the nodes need.

use alloc::format;

use crate::aks::capacity::{self, NODE_PREFIX};
use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::plan::{self, MAX_UTILIZATION_PERCENT};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksPodCidrCapacity,
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "The pod CIDR holds fewer /24 node ranges than the nodes need.",
    what: "With kubenet or Azure CNI Overlay each node takes a /24 from --pod-cidr (default \
        10.244.0.0/16), so the pod CIDR holds 2^(24 − prefix) nodes. An error when the nodes (every \
        pool's --node-count or --max-count summed, or the context's target) do not fit, a warning above \
        75%.",
    why: "Node N+1 gets no /24 and its pods stay in ContainerCreating: a /16 fills at 256 nodes. \
        A node's /24 is also a hard ceiling of 253 pod addresses.",
    how_to_fix: "Use a wider pod CIDR. The fix widens the written one when the wider block is \
        free and private, else picks a free block of the size the nodes need (100.64.0.0/10 \
        first).",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) and \"Configure kubenet\" \
        (configure-kubenet.md): a /24 per node from the pod CIDR.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a pod CIDR whose /24 node ranges the nodes fill above 75% (or overflow); resolved when
/// the command's fix sets a pod CIDR that holds them.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let Some(capacity) = capacity::numbers(facts) else {
        return;
    };
    let (command, decisions) = (facts.command, &facts.corrections.addresses);
    let (pool, ranges, per_node) = (
        capacity.pool,
        capacity.node_ranges,
        capacity.pod_addresses_per_node,
    );
    let nodes = decisions.nodes;
    let healthy = plan::within_max_utilization(u128::from(nodes), ranges);
    if healthy || capacity.target_nodes.is_none() {
        return;
    }
    let (range, label) = match command.get("--pod-cidr") {
        Some(option) => (option.value_range(), format!("--pod-cidr {pool}")),
        None => (
            (command.start, command.start + 2),
            format!("the default pod CIDR {pool}"),
        ),
    };
    let fits = u128::from(nodes) <= ranges;
    // Several pools: which were counted.
    let pools = match &facts.around.pools {
        Some((total, words)) if *total == nodes => format!(" ({words})"),
        _ => alloc::string::String::new(),
    };
    let mode = facts.network.mode.map_or("this mode", Mode::name);
    let mut why = format!(
        "In {mode} every node takes a /{NODE_PREFIX} from the pod CIDR: {pool} holds 2^({NODE_PREFIX} − {p}) = {ranges} node ranges, and {nodes} nodes (the largest of --node-count, --max-count and the target) use {pct}. A node's /24 is a hard ceiling of {per_node} pod addresses; at {ranges} nodes the pool is empty and node {first} gets no range.",
        p = pool.prefix(),
        pct = crate::share::percent(u128::from(nodes), ranges),
        first = ranges + 1,
    );
    if let Some(new) = decisions.pod_replacement {
        why.push_str(&format!(
            " {new} holds 2^({NODE_PREFIX} − {}) = {} node ranges.",
            new.prefix(),
            new.subnet_count(NODE_PREFIX)
        ));
    }
    let (severity, message) = if fits {
        (Severity::Warning, format!("{label} holds {ranges} nodes with a /{NODE_PREFIX} each; {nodes} nodes{pools} use {}, above the {MAX_UTILIZATION_PERCENT}% alert threshold", crate::share::percent(u128::from(nodes), ranges)))
    } else {
        (Severity::Error, format!("{label} holds only {ranges} nodes with a /{NODE_PREFIX} each; {nodes} nodes{pools} do not fit: node {} gets no range", ranges + 1))
    };
    let resolved = facts.corrections.pod_cidr.is_some_and(|new| {
        plan::within_max_utilization(u128::from(nodes), new.subnet_count(NODE_PREFIX))
    });
    out.report(Draft {
        rule: RuleId::AksPodCidrCapacity,
        severity,
        at: range,
        message,
        why,
        fix: facts.fix_if(resolved),
    });
}
