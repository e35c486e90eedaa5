//! Rule `flannel/max-pods`: a node range holds the kubelet's `--max-pods`.

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::node_ranges::{self, reserved, reserved_words};
use crate::flannel::pool::FlannelPool;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelMaxPods,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Each node range holds at least --max-pods pod addresses.",
    what: "A --max-pods (the context's, else the first a document states, such as az aks --max-pods) above the pod addresses of one node range: 2^(32 − node prefix) − 3 in IPv4 (network, broadcast and the cni0 bridge gateway), 2^(128 − node prefix) − 2 in IPv6.",
    why: "The kubelet schedules up to --max-pods pods on a node, but the node's range runs out first: the pods past it fail with \"no IP addresses available in range set\" and stay in ContainerCreating. A /24 holds 253 pods; a /25 only 125.",
    how_to_fix: "Lower --max-pods, or give nodes a bigger range: kube-controller-manager --node-cidr-mask-size in kube mode, SubnetLen in etcd mode (the finding names the prefix that fits). There is no automatic fix.",
    source: "kubelet --max-pods (default 110); host-local IPAM of containernetworking/plugins, which the flannel CNI plugin delegates to; flannel-io/flannel pkg/subnet/config.go (SubnetLen).",
    fix: FixSafety::None,
    file: file!(),
};

/// Compares the pod addresses of one node range with the most pods a node runs, as the model
/// states it (the context's `--max-pods`, else a document's: `FlannelPool::max_pods`).
pub fn check(pool: &FlannelPool<'_>, findings: &mut Vec<Finding>) {
    let Some(capacity) = pool.capacity(None) else {
        return;
    };
    let Some(stated) = pool.max_pods else {
        return;
    };
    let (max_pods, named) = (stated.value, stated.source.mention());
    let (network, node_prefix) = (pool.cidr(), pool.node_prefix);
    let pod_addresses = capacity.pod_addresses_per_node;
    if u128::from(max_pods) <= pod_addresses {
        return;
    }
    let lever = if pool.mode.manager() == SubnetManager::Kube {
        "kube-controller-manager --node-cidr-mask-size (kube mode)"
    } else {
        "SubnetLen (etcd mode)"
    };
    let fitting = (network.prefix()..=node_prefix)
        .rev()
        .find(|&p| node_ranges::pod_addresses(&network, p) >= u128::from(max_pods));
    let hint = fitting.map_or_else(String::new, |p| {
        format!(
            " A /{p} per node holds {}.",
            node_ranges::pod_addresses(&network, p)
        )
    });
    findings.push(Finding { rule: RuleId::FlannelMaxPods, severity: Severity::Error, span: pool.network.source.span, message: format!("a /{node_prefix} per node holds {pod_addresses} pod addresses, fewer than --max-pods {max_pods}{named}: pod {} on a node gets no IP", pod_addresses + 1), explanation: format!("2^({} − {node_prefix}) − {} = {pod_addresses} ({}); the kubelet will schedule up to {max_pods} pods and the rest fail with \"no IP addresses available in range set\". Lower --max-pods or give nodes a bigger range with {lever}.{hint}", network.family().bits(), reserved(network.family()), reserved_words(network.family())), fix: None });
}
