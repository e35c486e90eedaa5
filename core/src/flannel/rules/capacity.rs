//! Rule `flannel/capacity` (information): how many node ranges and pod addresses the pod network
//! holds, when no target node count is given (with one, `flannel/node-capacity` judges it).

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::node_ranges::{reserved, reserved_words};
use crate::flannel::pool::FlannelPool;
use crate::net::IpFamily;
use crate::plan::MAX_UTILIZATION_PERCENT;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelCapacity,
    area: Area::Flannel,
    severity: Severity::Info,
    summary: "How many node ranges and pod addresses per node the pod network gives.",
    what: "The arithmetic of the pool: Network split into node ranges of the per-node prefix (SubnetLen in etcd mode, --node-cidr-mask-size in kube mode), the ranges usable (etcd mode never leases the first), the pod addresses per range, and the first node that gets no range. Reported when no target node count is given.",
    why: "The node count a cluster can reach is fixed by these two prefixes: node N+1 gets no range and its pods never start. Knowing the number before the autoscaler reaches it is the point; a SubnetLen that flanneld refuses is counted as the one its fix writes.",
    how_to_fix: "Nothing to fix: give a target node count (--nodes) to check the headroom against the 75% alert threshold (flannel/node-capacity).",
    source: "flannel-io/flannel pkg/subnet/config.go (SubnetLen defaults, the first subnet skipped); kube-controller-manager node IPAM (--node-cidr-mask-size).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports the capacity numbers when the model states no target node count (see `FlannelPool::target`).
pub fn check(pool: &FlannelPool<'_>, findings: &mut Vec<Finding>) {
    if pool.target.is_some() {
        return;
    }
    let Some(capacity) = pool.capacity(None) else {
        return;
    };
    let manager = pool.mode.manager();
    let (network, node_prefix) = (pool.cidr(), pool.node_prefix);
    let skip_first = manager == SubnetManager::Etcd;
    let (usable, node_ranges, pod_addresses) = (
        capacity.usable_node_ranges,
        capacity.node_ranges,
        capacity.pod_addresses_per_node,
    );
    // A refused SubnetLen counts as the one its fix writes: say so.
    let refused = pool.mask.filter(|mask| {
        manager == SubnetManager::Etcd
            && mask.value.prefix != node_prefix
            && network.family() == IpFamily::V4
    });
    let corrected = refused.map_or_else(String::new, |mask| {
        let written = mask.value.prefix;
        format!(
            " ({} {written} corrected to {node_prefix}; flanneld refuses {written})",
            mask.source.key
        )
    });
    findings.push(Finding { rule: RuleId::FlannelCapacity, severity: Severity::Info, span: pool.network.source.span, message: format!("{network} with /{node_prefix} per node{corrected}: {usable} node ranges, {pod_addresses} pod addresses per node; node {} gets no range", usable + 1), explanation: format!("2^({node_prefix} − {}) = {node_ranges} ranges{}; each /{node_prefix} holds 2^({} − {node_prefix}) − {} = {pod_addresses} pod addresses ({}). Give a target node count to check headroom against the {MAX_UTILIZATION_PERCENT}% alert threshold.", network.prefix(), if skip_first { " − 1 (etcd mode never leases the first)" } else { "" }, network.family().bits(), reserved(network.family()), reserved_words(network.family())), fix: None });
}
