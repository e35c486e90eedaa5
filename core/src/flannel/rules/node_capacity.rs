//! Rule `flannel/node-capacity`: does the pod network hold the target node count, with headroom,
//! and, in kube mode, at least one node range?

use alloc::format;
use alloc::vec;

use crate::context::{Context, SubnetManager};
use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::mode::Mode;
use crate::flannel::netconf::NetConf;
use crate::flannel::node_ranges::{capacity, pool, reserved, reserved_words};
use crate::net::Cidr;
use crate::plan::{self, MAX_UTILIZATION_PERCENT};
use crate::report::Capacity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNodeCapacity,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The pod Network holds the target node count with headroom, and at least one node range.",
    what: "Node ranges = 2^(node prefix − Network prefix), minus the first in etcd mode, against the target node count: an error when the nodes do not fit, a warning above the 75% alert threshold. In kube mode without a node mask given, also a Network smaller than the /24 each node gets.",
    why: "Node N+1 gets no range: in etcd mode flanneld fails with \"failed to acquire lease: out of subnets\", in kube mode kube-controller-manager logs \"CIDR allocation failed; there are no remaining CIDRs left to allocate\" and the node waits with \"pod cidr not assigned\"; its pods stay in ContainerCreating. A /16 with /24 per node fills at 256 nodes (255 in etcd mode).",
    how_to_fix: "Widen Network by the fewest prefix bits that keep the target at or under 75% (the fix does, when no range to avoid is in the way); in kube mode set --cluster-cidr to the same block (existing nodes keep their ranges until recreated). Or give nodes smaller ranges (SubnetLen in etcd mode, --node-cidr-mask-size in kube mode).",
    source: "flannel-io/flannel pkg/subnet/config.go (SubnetLen defaults, the first subnet skipped) and pkg/subnet/etcd/local_manager.go (\"out of subnets\"); kube-controller-manager node IPAM (--cluster-cidr, --node-cidr-mask-size).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a pool that holds no node range (kube mode) or too few for the target nodes.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let (conf, context, mode) = (check.conf, check.context, check.mode);
    let Some(pool) = pool(conf, context, mode) else {
        return;
    };
    let manager = mode.manager();
    if pool.node_prefix < pool.network.prefix()
        && manager == SubnetManager::Kube
        && mode.may_be_kube()
    {
        smaller_than_a_node(
            &pool.network,
            pool.node_prefix,
            mode,
            context,
            pool.field.inner(),
            out,
        );
    }
    let Some(capacity) = capacity(&pool, context, mode) else {
        return;
    };
    if let Some(nodes) = context.target_nodes {
        report_target(conf, &capacity, nodes, manager, context, out);
    }
}

/// Kube mode: every node gets a /node_prefix podCIDR from a --cluster-cidr that equals Network; a
/// Network longer than that holds none (when the mask was given, `flannel/node-mask` says so).
fn smaller_than_a_node(
    network: &Cidr,
    node_prefix: u8,
    mode: Mode,
    context: &Context,
    range: (usize, usize),
    out: &mut Emitter<'_>,
) {
    if context.node_cidr_mask_size.is_some() {
        return;
    }
    let lead = if mode == Mode::Unknown {
        "in kube mode (--kube-subnet-mgr, the official manifest), "
    } else {
        ""
    };
    out.report(Draft { rule: RuleId::FlannelNodeCapacity, severity: Severity::Error, at: range, message: format!("{lead}Network {network} is smaller than the /{node_prefix} each node gets: no node gets a podCIDR"), why: format!("With --kube-subnet-mgr each node's range is its podCIDR, a /{node_prefix} by default (--node-cidr-mask-size) from --cluster-cidr, which must equal Network. A /{} holds none, so nodes wait with \"pod cidr not assigned\". Widen Network and --cluster-cidr, or lower --node-cidr-mask-size. SubnetLen does not apply in kube mode.", network.prefix()), fix: None });
}

fn report_target(
    conf: &NetConf,
    capacity: &Capacity,
    nodes: u32,
    manager: SubnetManager,
    context: &Context,
    out: &mut Emitter<'_>,
) {
    let Some(field) = conf.network.as_ref() else {
        return;
    };
    let network = capacity.pool;
    let usable = capacity.usable_node_ranges;
    let fits = u128::from(nodes) <= usable;
    let healthy = plan::within_max_utilization(u128::from(nodes), usable);
    if healthy {
        return;
    }
    let node_prefix = capacity.node_prefix;
    let shift = node_prefix - network.prefix();
    let etcd_note = if manager == SubnetManager::Etcd {
        " − 1 (etcd mode never leases the first range)"
    } else {
        ""
    };
    let pods_note = format!(
        "Each /{node_prefix} holds 2^({bits} − {node_prefix}) − {reserved} = {pods} pod addresses ({words}).",
        reserved = reserved(network.family()),
        words = reserved_words(network.family()),
        bits = network.family().bits(),
        pods = capacity.pod_addresses_per_node
    );
    let needed = plan::ranges_needed(nodes);
    let widened = plan::widen_for_nodes(
        network,
        node_prefix,
        nodes,
        manager == SubnetManager::Etcd,
        &context.avoid,
    );
    let mut explanation = format!(
        "{network} with /{node_prefix} per node holds 2^({node_prefix} − {prefix}) = 2^{shift} = {all} node ranges{etcd_note}, so {usable} nodes can get one. {pods_note} {nodes} nodes at most {max}% used need at least ⌈{nodes} × 100 / {max}⌉ = {needed} ranges.",
        prefix = network.prefix(),
        all = capacity.node_ranges,
        max = MAX_UTILIZATION_PERCENT,
    );
    let fix = widened.map(|wider| {
        let ranges = plan::usable_ranges(wider.prefix(), node_prefix, manager == SubnetManager::Etcd);
        explanation.push_str(&format!(
            " Widening Network to {wider} gives 2^({node_prefix} − {p}) = {ranges} ranges, {util} used at {nodes} nodes.",
            p = wider.prefix(),
            util = crate::share::percent(u128::from(nodes), ranges),
        ));
        if manager == SubnetManager::Kube {
            explanation.push_str(" In kube mode the ranges come from kube-controller-manager: set --cluster-cidr to the same block (existing nodes keep their ranges until recreated).");
        }
        Fix { title: format!("Widen Network to {wider}"), edits: vec![out.edit(field.inner().0, field.inner().1, &alloc::string::ToString::to_string(&wider))] }
    });
    if fix.is_none() {
        explanation.push_str(" No wider block around the same base address fits without overlapping a range to avoid; pick a new range (podnet plan).");
    }
    let (severity, message) = if fits {
        (Severity::Warning, format!("{network} with /{node_prefix} per node has {usable} usable node ranges; {nodes} nodes use {pct}, above the {MAX_UTILIZATION_PERCENT}% alert threshold", pct = crate::share::percent(u128::from(nodes), usable)))
    } else {
        (Severity::Error, format!("{network} with /{node_prefix} per node has only {usable} usable node ranges; {nodes} target nodes do not fit: node {first} gets no range", first = capacity.first_node_without_range))
    };
    out.report(Draft {
        rule: RuleId::FlannelNodeCapacity,
        severity,
        at: field.inner(),
        message,
        why: explanation,
        fix,
    });
}
