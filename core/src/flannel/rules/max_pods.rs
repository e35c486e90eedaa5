//! Rule `flannel/max-pods`: a node range holds the kubelet's `--max-pods`.

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::node_ranges::{self, capacity, pool, reserved, reserved_words};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelMaxPods,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Each node range holds at least --max-pods pod addresses.",
    what: "A --max-pods given in the context above the pod addresses of one node range: 2^(32 − node prefix) − 3 in IPv4 (network, broadcast and the cni0 bridge gateway), 2^(128 − node prefix) − 2 in IPv6.",
    why: "The kubelet schedules up to --max-pods pods on a node, but the node's range runs out first: the pods past it fail with \"no IP addresses available in range set\" and stay in ContainerCreating. A /24 holds 253 pods; a /25 only 125.",
    how_to_fix: "Lower --max-pods, or give nodes a bigger range: kube-controller-manager --node-cidr-mask-size in kube mode, SubnetLen in etcd mode (the finding names the prefix that fits). There is no automatic fix.",
    source: "kubelet --max-pods (default 110); host-local IPAM of containernetworking/plugins, which the flannel CNI plugin delegates to; flannel-io/flannel pkg/subnet/config.go (SubnetLen).",
    fix: FixSafety::None,
    file: file!(),
};

/// Compares the pod addresses of one node range with the `--max-pods` the context gives.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let (context, mode) = (check.context, check.mode);
    let Some(pool) = pool(check.conf, context, mode) else {
        return;
    };
    let Some(capacity) = capacity(&pool, context, mode) else {
        return;
    };
    let manager = mode.manager();
    let (network, node_prefix, field) = (pool.network, pool.node_prefix, pool.field);
    let pod_addresses = capacity.pod_addresses_per_node;
    if let Some(max_pods) = context.max_pods {
        if u128::from(max_pods) > pod_addresses {
            let lever = if manager == SubnetManager::Kube {
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
            out.report(Draft { rule: RuleId::FlannelMaxPods, severity: Severity::Error, at: field.inner(), message: format!("a /{node_prefix} per node holds {pod_addresses} pod addresses, fewer than --max-pods {max_pods}: pod {} on a node gets no IP", pod_addresses + 1), why: format!("2^({} − {node_prefix}) − {} = {pod_addresses} ({}); the kubelet will schedule up to {max_pods} pods and the rest fail with \"no IP addresses available in range set\". Lower --max-pods or give nodes a bigger range with {lever}.{hint}", network.family().bits(), reserved(network.family()), reserved_words(network.family())), fix: None });
        }
    }
}
