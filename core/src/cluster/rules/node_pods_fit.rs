//! Rule `cluster/node-pods-fit`: a node's pod capacity (`status.capacity.pods`, the kubelet's
//! effective `--max-pods`) exceeds the pod addresses of its own range.

use alloc::format;
use alloc::vec::Vec;

use crate::cluster::pools::node_name;
use crate::finding::{Finding, Severity};
use crate::flannel::{pod_addresses, reserved_words};
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodePodsFit,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "A node's pod capacity fits the pod addresses of its own range.",
    what: "A node of a listing whose Capacity pods (the kubelet's --max-pods) is more than the pod addresses of its podCIDR: the range size minus the network address and the bridge gateway (and the broadcast address in IPv4).",
    why: "The scheduler places up to Capacity pods on the node, but host-local runs out of addresses first: the extra pods fail with \"failed to allocate for range 0: no IP addresses available in range set\" and stay in ContainerCreating. The kubelet's default 110 fits a /24 (253 addresses), 250 pods do not fit a /25 (125).",
    how_to_fix: "Lower the kubelet's --max-pods (maxPods in its config) to at most the range's pod addresses, or give nodes larger ranges (--node-cidr-mask-size, then recreate the nodes).",
    source: "kubelet --max-pods (default 110); CNI host-local IPAM (network, gateway and broadcast excluded).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each node whose capacity exceeds its range's pod addresses.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    // A listing states each node's ranges and pods in node order: search on from the last match.
    let ranges = &model.node_pod_cidrs;
    let mut from = 0;
    for pods in &model.node_pods {
        let Some(name) = &pods.value.node else {
            continue;
        };
        let found = ranges[from..].iter().position(|node| {
            node.value.node.as_ref() == Some(name) && node.source.origin == pods.source.origin
        });
        let Some(at) = found.map(|at| from + at) else {
            continue;
        };
        from = at;
        let range = &ranges[at];
        let cidr = range.value.cidr.aligned();
        let addresses = pod_addresses(&cidr, cidr.prefix());
        let capacity = u128::from(pods.value.pods);
        if capacity <= addresses {
            continue;
        }
        let name = node_name(&pods.value.node);
        findings.push(Finding {
            rule: RuleId::ClusterNodePodsFit,
            severity: Severity::Error,
            span: pods.source.span,
            message: format!("{name} takes {capacity} pods but its podCIDR {cidr} has {addresses} pod addresses"),
            explanation: format!("{cidr} holds 2^({} − {}) = {} addresses, {addresses} for pods ({}). The scheduler places up to {capacity} pods on {name}; those past {addresses} fail with \"no IP addresses available in range set\". Lower the kubelet's --max-pods to {addresses} or less, or give nodes larger ranges.", cidr.family().bits(), cidr.prefix(), cidr.size(), reserved_words(cidr.family())),
            fix: None,
        });
    }
}
