//! Rule `flannel/node-capacity`: does the pod network hold the target node count, with headroom?
//!
//! What it checks: node ranges = 2^(node prefix − Network prefix) (minus the first in etcd mode)
//! against the target node count, and against the 75% utilization alert threshold.
//! Why it matters: node N+1 gets no range ("out of subnets" in etcd mode, "pod cidr not assigned"
//! in kube mode) and its pods stay in ContainerCreating.
//! Fix: widen `Network` by the fewest prefix bits that keep the target at or under 75%.
//! Source: flannel `pkg/subnet/config.go`; kube-controller-manager node IPAM.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec;

use super::netconf::{Field, NetConf};
use super::rule::Mode;
use crate::context::{Context, SubnetManager};
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::net::{Cidr, IpFamily};
use crate::plan::{self, MAX_UTILIZATION_PERCENT};
use crate::report::Capacity;

/// The per-node prefix flannel uses: SubnetLen (or its default) in etcd mode, the controller's
/// `--node-cidr-mask-size` (default /24, /64 for IPv6) in kube mode.
pub fn node_prefix(
    conf: &NetConf,
    network: &Cidr,
    context: &Context,
    manager: SubnetManager,
) -> u8 {
    let v4 = network.family == IpFamily::V4;
    let family_default = if v4 { 24 } else { 64 };
    match manager {
        SubnetManager::Kube => context.node_cidr_mask_size.unwrap_or(family_default),
        SubnetManager::Etcd => {
            let written = if v4 {
                conf.subnet_len.as_ref()
            } else {
                conf.ipv6_subnet_len.as_ref()
            };
            // flannel's defaults (config.go): /24 (IPv4) or /64 (IPv6) when the Network is wide
            // enough for four, else prefix + 2.
            let wide = if v4 { 22 } else { 62 };
            // A SubnetLen flanneld refuses counts as the one its fix writes (the capacity after
            // that fix is what matters next).
            let fixed = written
                .filter(|_| v4)
                .and_then(|f| super::validation::corrected_subnet_len(network, f.value));
            match fixed.or_else(|| written.and_then(|f| u8::try_from(f.value).ok())) {
                Some(len) => len,
                None if network.prefix <= wide => family_default,
                None => network.prefix.saturating_add(2),
            }
        }
    }
}

/// Computes capacity and reports the rule; `None` when `Network` is missing or unusable.
pub fn check(
    conf: &NetConf,
    context: &Context,
    mode: Mode,
    out: &mut Emitter<'_>,
) -> Option<Capacity> {
    let manager = mode.manager();
    if let Some(Field {
        value: Err((text, error)),
        ..
    }) = &conf.network
    {
        let field = conf.network.as_ref()?;
        out.report(Draft { rule: RuleId::FlannelNetworkSyntax, severity: Severity::Error, at: field.inner(), message: format!("Network \"{text}\" {error}"), why: String::from("flannel parses Network with Go's net.ParseCIDR, which needs an address and a prefix length such as 10.244.0.0/16."), fix: None });
        return None;
    }
    // The pool pods take addresses from: Network, or IPv6Network in an IPv6-only cluster. An IPv6
    // block in Network is `flannel/network-missing`'s error; a bad IPv6Network is
    // `flannel/ipv6-network`'s.
    let field = if conf.ipv4_enabled() {
        conf.network.as_ref()
    } else if conf.ipv6_enabled() {
        conf.ipv6_network.as_ref()
    } else {
        None
    }?;
    let network = match &field.value {
        Ok(network) => *network,
        Err(_) => return None,
    };
    let wanted = if conf.ipv4_enabled() {
        IpFamily::V4
    } else {
        IpFamily::V6
    };
    if network.family != wanted {
        return None;
    }
    let node_prefix = node_prefix(conf, &network, context, manager);
    if node_prefix < network.prefix && manager == SubnetManager::Kube && mode.may_be_kube() {
        smaller_than_a_node(&network, node_prefix, mode, context, field.inner(), out);
    }
    if node_prefix < network.prefix || node_prefix > network.family.bits() {
        return None;
    }
    let skip_first = manager == SubnetManager::Etcd;
    let node_ranges = network.subnet_count(node_prefix);
    let usable = plan::usable_ranges(network.prefix, node_prefix, skip_first);
    let pod_addresses = self::pod_addresses(network.family, node_prefix);
    let target = context.target_nodes;
    let utilization = target.filter(|_| usable > 0).map(|nodes| {
        let permille = crate::share::permille(u128::from(nodes), usable);
        u32::try_from(permille).unwrap_or(u32::MAX)
    });
    let capacity = Capacity {
        pool: network,
        node_prefix,
        node_ranges,
        usable_node_ranges: usable,
        pod_addresses_per_node: pod_addresses,
        target_nodes: target,
        utilization_permille: utilization,
        first_node_without_range: usable + 1,
        // flannel's configs never name the cluster's service range.
        service_range: None,
    };
    if let Some(nodes) = target {
        report_target(conf, &capacity, nodes, manager, context, out);
    } else {
        // A refused SubnetLen counts as the one its fix writes: say so.
        let refused = conf.subnet_len.as_ref().filter(|f| {
            manager == SubnetManager::Etcd
                && f.value != i64::from(node_prefix)
                && network.family == IpFamily::V4
        });
        let corrected = refused.map_or_else(String::new, |f| {
            format!(
                " (SubnetLen {} corrected to {node_prefix}; flanneld refuses {})",
                f.value, f.value
            )
        });
        out.report(Draft { rule: RuleId::FlannelCapacity, severity: Severity::Info, at: field.inner(), message: format!("{network} with /{node_prefix} per node{corrected}: {usable} node ranges, {pod_addresses} pod addresses per node; node {} gets no range", usable + 1), why: format!("2^({node_prefix} − {}) = {node_ranges} ranges{}; each /{node_prefix} holds 2^({} − {node_prefix}) − {} = {pod_addresses} pod addresses ({}). Give a target node count to check headroom against the {MAX_UTILIZATION_PERCENT}% alert threshold.", network.prefix, if skip_first { " − 1 (etcd mode never leases the first)" } else { "" }, network.family.bits(), reserved(network.family), reserved_words(network.family)), fix: None });
    }
    if let Some(max_pods) = context.max_pods {
        if u128::from(max_pods) > pod_addresses {
            let lever = if manager == SubnetManager::Kube {
                "kube-controller-manager --node-cidr-mask-size (kube mode)"
            } else {
                "SubnetLen (etcd mode)"
            };
            let fitting = (network.prefix..=node_prefix)
                .rev()
                .find(|&p| self::pod_addresses(network.family, p) >= u128::from(max_pods));
            let hint = fitting.map_or_else(String::new, |p| {
                format!(
                    " A /{p} per node holds {}.",
                    self::pod_addresses(network.family, p)
                )
            });
            out.report(Draft { rule: RuleId::FlannelMaxPods, severity: Severity::Error, at: field.inner(), message: format!("a /{node_prefix} per node holds {pod_addresses} pod addresses, fewer than --max-pods {max_pods}: pod {} on a node gets no IP", pod_addresses + 1), why: format!("2^({} − {node_prefix}) − {} = {pod_addresses} ({}); the kubelet will schedule up to {max_pods} pods and the rest fail with \"no IP addresses available in range set\". Lower --max-pods or give nodes a bigger range with {lever}.{hint}", network.family.bits(), reserved(network.family), reserved_words(network.family)), fix: None });
        }
    }
    Some(capacity)
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
    out.report(Draft { rule: RuleId::FlannelNodeCapacity, severity: Severity::Error, at: range, message: format!("{lead}Network {network} is smaller than the /{node_prefix} each node gets: no node gets a podCIDR"), why: format!("With --kube-subnet-mgr each node's range is its podCIDR, a /{node_prefix} by default (--node-cidr-mask-size) from --cluster-cidr, which must equal Network. A /{} holds none, so nodes wait with \"pod cidr not assigned\". Widen Network and --cluster-cidr, or lower --node-cidr-mask-size. SubnetLen does not apply in kube mode.", network.prefix), fix: None });
}

/// Addresses of a node range host-local cannot give to pods: the network address and the cni0
/// bridge gateway, plus the broadcast address in IPv4 (IPv6 has none).
fn reserved(family: IpFamily) -> u128 {
    if family == IpFamily::V4 {
        3
    } else {
        2
    }
}

fn reserved_words(family: IpFamily) -> &'static str {
    if family == IpFamily::V4 {
        "network, broadcast and the cni0 bridge gateway excluded"
    } else {
        "the network address and the cni0 bridge gateway excluded; IPv6 has no broadcast"
    }
}

/// Pod addresses in one /`node_prefix` node range.
pub fn pod_addresses(family: IpFamily, node_prefix: u8) -> u128 {
    let host_bits = u32::from(family.bits().saturating_sub(node_prefix));
    1u128
        .checked_shl(host_bits)
        .unwrap_or(u128::MAX)
        .saturating_sub(reserved(family))
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
    let healthy = u128::from(nodes) * 100 <= usable * MAX_UTILIZATION_PERCENT;
    if healthy {
        return;
    }
    let node_prefix = capacity.node_prefix;
    let shift = node_prefix - network.prefix;
    let etcd_note = if manager == SubnetManager::Etcd {
        " − 1 (etcd mode never leases the first range)"
    } else {
        ""
    };
    let pods_note = format!(
        "Each /{node_prefix} holds 2^({bits} − {node_prefix}) − {reserved} = {pods} pod addresses ({words}).",
        reserved = reserved(network.family),
        words = reserved_words(network.family),
        bits = network.family.bits(),
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
        prefix = network.prefix,
        all = capacity.node_ranges,
        max = MAX_UTILIZATION_PERCENT,
    );
    let fix = widened.map(|wider| {
        let ranges = plan::usable_ranges(wider.prefix, node_prefix, manager == SubnetManager::Etcd);
        explanation.push_str(&format!(
            " Widening Network to {wider} gives 2^({node_prefix} − {p}) = {ranges} ranges, {util} used at {nodes} nodes.",
            p = wider.prefix,
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
