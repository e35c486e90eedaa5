//! Rule `flannel/capacity` (information): how many node ranges and pod addresses the pod network
//! holds, when no target node count is given (with one, `flannel/node-capacity` judges it).

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::node_ranges::{capacity, pool, reserved, reserved_words};
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

/// Reports the capacity numbers when no target node count is given.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let (conf, context, mode) = (check.conf, check.context, check.mode);
    if context.target_nodes.is_some() {
        return;
    }
    let Some(pool) = pool(conf, context, mode) else {
        return;
    };
    let Some(capacity) = capacity(&pool, context, mode) else {
        return;
    };
    let manager = mode.manager();
    let (network, node_prefix, field) = (pool.network, pool.node_prefix, pool.field);
    let skip_first = manager == SubnetManager::Etcd;
    let (usable, node_ranges, pod_addresses) = (
        capacity.usable_node_ranges,
        capacity.node_ranges,
        capacity.pod_addresses_per_node,
    );
    // A refused SubnetLen counts as the one its fix writes: say so.
    let refused = conf.subnet_len.as_ref().filter(|f| {
        manager == SubnetManager::Etcd
            && f.value != i64::from(node_prefix)
            && network.family() == IpFamily::V4
    });
    let corrected = refused.map_or_else(String::new, |f| {
        format!(
            " (SubnetLen {} corrected to {node_prefix}; flanneld refuses {})",
            f.value, f.value
        )
    });
    out.report(Draft { rule: RuleId::FlannelCapacity, severity: Severity::Info, at: field.inner(), message: format!("{network} with /{node_prefix} per node{corrected}: {usable} node ranges, {pod_addresses} pod addresses per node; node {} gets no range", usable + 1), why: format!("2^({node_prefix} − {}) = {node_ranges} ranges{}; each /{node_prefix} holds 2^({} − {node_prefix}) − {} = {pod_addresses} pod addresses ({}). Give a target node count to check headroom against the {MAX_UTILIZATION_PERCENT}% alert threshold.", network.prefix(), if skip_first { " − 1 (etcd mode never leases the first)" } else { "" }, network.family().bits(), reserved(network.family()), reserved_words(network.family())), fix: None });
}
