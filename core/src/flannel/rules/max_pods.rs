//! Rule `flannel/max-pods`: a node range holds the kubelet's `--max-pods`.

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::node_ranges::{self, capacity, pool, reserved, reserved_words};
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/max-pods",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
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
            let fitting = (network.prefix..=node_prefix)
                .rev()
                .find(|&p| node_ranges::pod_addresses(network.family, p) >= u128::from(max_pods));
            let hint = fitting.map_or_else(String::new, |p| {
                format!(
                    " A /{p} per node holds {}.",
                    node_ranges::pod_addresses(network.family, p)
                )
            });
            out.report(Draft { rule: RuleId::FlannelMaxPods, severity: Severity::Error, at: field.inner(), message: format!("a /{node_prefix} per node holds {pod_addresses} pod addresses, fewer than --max-pods {max_pods}: pod {} on a node gets no IP", pod_addresses + 1), why: format!("2^({} − {node_prefix}) − {} = {pod_addresses} ({}); the kubelet will schedule up to {max_pods} pods and the rest fail with \"no IP addresses available in range set\". Lower --max-pods or give nodes a bigger range with {lever}.{hint}", network.family.bits(), reserved(network.family), reserved_words(network.family)), fix: None });
        }
    }
}
