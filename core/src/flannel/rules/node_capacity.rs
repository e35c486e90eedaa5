//! Rule `flannel/node-capacity`: does the pod network hold the target node count, with headroom,
//! and, in kube mode, at least one node range?

use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;
use core::fmt::Write as _;

use crate::context::SubnetManager;
use crate::finding::{Finding, Severity};
use crate::flannel::mode::Mode;
use crate::flannel::node_ranges::{reserved, reserved_words};
use crate::flannel::pool::FlannelPool;
use crate::model::{ClusterModel, Stated};
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

/// Reports a pool that holds no node range (kube mode) or too few for the target nodes the
/// model states (the context's, else the most a document states).
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    let manager = pool.mode.manager();
    if pool.node_prefix < pool.cidr().prefix()
        && manager == SubnetManager::Kube
        && pool.mode.may_be_kube()
        // When the mask was given, `flannel/node-mask` says so.
        && pool.mask.is_none()
    {
        smaller_than_a_node(pool, findings);
    }
    let target = pool.target;
    let Some(capacity) = pool.capacity(target.map(|stated| stated.value)) else {
        return;
    };
    if let Some(nodes) = target {
        let avoid: Vec<Cidr> = model.avoid.iter().map(|stated| stated.value).collect();
        report_target(pool, &capacity, nodes, &avoid, findings);
    }
}

/// Kube mode: every node gets a /node_prefix podCIDR from a --cluster-cidr that equals Network; a
/// Network longer than that holds none.
fn smaller_than_a_node(pool: &FlannelPool<'_>, findings: &mut Vec<Finding>) {
    let (network, node_prefix, at) = (pool.cidr(), pool.node_prefix, &pool.network.source);
    let key = at.key;
    let lead = if pool.mode == Mode::Unknown {
        "in kube mode (--kube-subnet-mgr, the official manifest), "
    } else {
        ""
    };
    findings.push(Finding { rule: RuleId::FlannelNodeCapacity, severity: Severity::Error, span: at.span, message: format!("{lead}{key} {network} is smaller than the /{node_prefix} each node gets: no node gets a podCIDR"), explanation: format!("With --kube-subnet-mgr each node's range is its podCIDR, a /{node_prefix} by default (--node-cidr-mask-size) from --cluster-cidr, which must equal {key}. A /{} holds none, so nodes wait with \"pod cidr not assigned\". Widen {key} and --cluster-cidr, or lower --node-cidr-mask-size. SubnetLen does not apply in kube mode.", network.prefix()), fix: None });
}

fn report_target(
    pool: &FlannelPool<'_>,
    capacity: &Capacity,
    target: &Stated<u32>,
    avoid: &[Cidr],
    findings: &mut Vec<Finding>,
) {
    let (nodes, named) = (target.value, target.source.mention());
    let manager = pool.mode.manager();
    let at = &pool.network.source;
    let key = at.key;
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
        avoid,
    );
    let mut explanation = format!(
        "{network} with /{node_prefix} per node holds 2^({node_prefix} − {prefix}) = 2^{shift} = {all} node ranges{etcd_note}, so {usable} nodes can get one. {pods_note} {nodes} nodes at most {max}% used need at least ⌈{nodes} × 100 / {max}⌉ = {needed} ranges.",
        prefix = network.prefix(),
        all = capacity.node_ranges,
        max = MAX_UTILIZATION_PERCENT,
    );
    let fix = widened.and_then(|wider| {
        let ranges = plan::usable_ranges(wider.prefix(), node_prefix, manager == SubnetManager::Etcd);
        let _ = write!(
            explanation,
            " Widening {key} to {wider} gives 2^({node_prefix} − {p}) = {ranges} ranges, {util} used at {nodes} nodes.",
            p = wider.prefix(),
            util = crate::share::percent(u128::from(nodes), ranges),
        );
        if manager == SubnetManager::Kube {
            explanation.push_str(" In kube mode the ranges come from kube-controller-manager: set --cluster-cidr to the same block (existing nodes keep their ranges until recreated).");
        }
        let fix = at.fix(format!("Widen {key} to {wider}"), &wider.to_string());
        explanation.push_str(at.no_fix_note());
        fix
    });
    if widened.is_none() {
        explanation.push_str(" No wider block around the same base address fits without overlapping a range to avoid; pick a new range (podnet plan).");
    }
    let (severity, message) = if fits {
        (Severity::Warning, format!("{network} with /{node_prefix} per node has {usable} usable node ranges; {nodes} nodes{named} use {pct}, above the {MAX_UTILIZATION_PERCENT}% alert threshold", pct = crate::share::percent(u128::from(nodes), usable)))
    } else {
        (Severity::Error, format!("{network} with /{node_prefix} per node has only {usable} usable node ranges; {nodes} target nodes{named} do not fit: node {first} gets no range", first = capacity.first_node_without_range))
    };
    findings.push(Finding {
        rule: RuleId::FlannelNodeCapacity,
        severity,
        span: at.span,
        message,
        explanation,
        fix,
    });
}
