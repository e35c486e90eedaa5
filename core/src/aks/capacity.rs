//! Capacity rules: do the nodes fit the pod CIDR, and do nodes and pods fit the node subnet?
//!
//! - `aks/pod-cidr-capacity` (kubenet and Azure CNI Overlay): each node takes a /24 from
//!   `--pod-cidr`, so the pod CIDR holds 2^(24 − prefix) nodes. Error when the nodes (the largest of
//!   `--node-count`, `--max-count` and the context's target) do not fit, warning above 75%.
//! - `aks/node-subnet-capacity` (Azure CNI node subnet): every node and each of its pods takes a
//!   subnet address up front: (nodes + surge) × (max-pods + 1), surge being AKS's default max
//!   surge of 10% rounded up, against the subnet's addresses minus
//!   the 5 Azure reserves in every subnet. The subnet range comes from the context (`vnet-cidr`,
//!   the narrowest one given), since `--vnet-subnet-id` names no range.
//!
//! Why it matters: node N+1 gets no /24 and its pods stay in ContainerCreating; in node subnet mode
//! scale-out and upgrades fail with subnet-full errors.
//! Fix: for the pod CIDR, a wider or new range (see `addresses`); for the node subnet, none from
//! the command (a bigger subnet, or Azure CNI Overlay).
//! Source: AKS docs "Azure CNI Overlay", "Configure kubenet", "Configure Azure CNI" (IP planning).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;

use super::addresses::Decisions;
use super::command::AksCommand;
use super::network::{Mode, Network};
use super::{Changes, Out};
use crate::context::Context;
use crate::finding::Severity;
use crate::plan::MAX_UTILIZATION_PERCENT;
use crate::report::Capacity;

/// The per-node range kubenet and overlay hand out.
pub const NODE_PREFIX: u8 = 24;
/// Addresses Azure reserves in every subnet.
pub const AZURE_RESERVED_PER_SUBNET: u128 = 5;

/// AKS's default max surge during upgrades, in percent of the pool's nodes.
pub const DEFAULT_SURGE_PERCENT: u32 = 10;

/// The extra nodes an upgrade adds at AKS's default max surge: 10% rounded up, at least one.
pub fn default_surge(nodes: u32) -> u32 {
    u32::try_from((u64::from(nodes) * u64::from(DEFAULT_SURGE_PERCENT)).div_ceil(100))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Runs the capacity rules; returns the pod CIDR capacity numbers when a pod CIDR applies.
pub fn check(
    command: &AksCommand,
    network: &Network,
    context: &Context,
    decisions: &Decisions,
    out: &mut Out<'_>,
    changes: &mut Changes,
) -> Option<Capacity> {
    if network.mode == Some(Mode::NodeSubnet) {
        node_subnet(command, network, context, out);
    }
    let pool = decisions.pod_before?;
    if pool.prefix > NODE_PREFIX || pool.family != crate::net::IpFamily::V4 {
        return None;
    }
    let ranges = pool.subnet_count(NODE_PREFIX);
    let nodes = decisions.nodes;
    let per_node = (1u128 << (32 - u32::from(NODE_PREFIX))) - 3;
    let target = network.nodes(command.verb, context);
    let capacity = Capacity {
        pool,
        node_prefix: NODE_PREFIX,
        node_ranges: ranges,
        usable_node_ranges: ranges,
        pod_addresses_per_node: per_node,
        target_nodes: target,
        utilization_permille: target.filter(|_| ranges > 0).map(|t| {
            u32::try_from(crate::share::permille(u128::from(t), ranges)).unwrap_or(u32::MAX)
        }),
        first_node_without_range: ranges + 1,
        service_range: decisions.service_before,
    };
    let healthy = u128::from(nodes) * 100 <= ranges * MAX_UTILIZATION_PERCENT;
    if healthy || target.is_none() {
        return Some(capacity);
    }
    let (range, label) = match command.get("--pod-cidr") {
        Some(option) => (option.value_range(), format!("--pod-cidr {pool}")),
        None => (
            (command.start, command.start + 2),
            format!("the default pod CIDR {pool}"),
        ),
    };
    let fits = u128::from(nodes) <= ranges;
    let mode = network.mode.map_or("this mode", Mode::name);
    let mut why = format!(
        "In {mode} every node takes a /{NODE_PREFIX} from the pod CIDR: {pool} holds 2^({NODE_PREFIX} − {p}) = {ranges} node ranges, and {nodes} nodes (the largest of --node-count, --max-count and the target) use {pct}. A node's /24 is a hard ceiling of {per_node} pod addresses; at {ranges} nodes the pool is empty and node {first} gets no range.",
        p = pool.prefix,
        pct = crate::share::percent(u128::from(nodes), ranges),
        first = ranges + 1,
    );
    if let Some(new) = decisions.pod_replacement {
        why.push_str(&format!(
            " {new} holds 2^({NODE_PREFIX} − {}) = {} node ranges.",
            new.prefix,
            new.subnet_count(NODE_PREFIX)
        ));
    }
    let (severity, message) = if fits {
        (Severity::Warning, format!("{label} holds {ranges} nodes with a /{NODE_PREFIX} each; {nodes} nodes use {}, above the {MAX_UTILIZATION_PERCENT}% alert threshold", crate::share::percent(u128::from(nodes), ranges)))
    } else {
        (Severity::Error, format!("{label} holds only {ranges} nodes with a /{NODE_PREFIX} each; {nodes} nodes do not fit: node {} gets no range", ranges + 1))
    };
    let at = out.report(Draft {
        rule: RuleId::AksPodCidrCapacity,
        severity,
        at: range,
        message,
        why,
        fix: None,
    });
    if changes.pod_cidr.is_some_and(|new| {
        u128::from(nodes) * 100 <= new.subnet_count(NODE_PREFIX) * MAX_UTILIZATION_PERCENT
    }) {
        changes.resolve(at);
    }
    Some(capacity)
}

fn node_subnet(command: &AksCommand, network: &Network, context: &Context, out: &mut Out<'_>) {
    let Some(nodes) = network.nodes(command.verb, context) else {
        return;
    };
    let Some(max_pods) = network.max_pods(context) else {
        return;
    };
    let surge = default_surge(nodes);
    let surge_note = format!("Surge is AKS's default max surge, {DEFAULT_SURGE_PERCENT}% of {nodes} nodes rounded up = {surge} (a node pool's own --max-surge, set with az aks nodepool add|update, changes it).");
    let needed = u128::from(nodes + surge) * u128::from(max_pods + 1);
    let Some(subnet) = context
        .vnet
        .iter()
        .filter(|c| c.family == crate::net::IpFamily::V4)
        .max_by_key(|c| c.prefix)
    else {
        let smallest = (0..=29u8)
            .rev()
            .find(|p| (1u128 << (32 - u32::from(*p))) - AZURE_RESERVED_PER_SUBNET >= needed)
            .unwrap_or(0);
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Info, at: (command.start, command.start + 2), message: format!("Azure CNI node subnet mode needs {needed} subnet addresses here: a /{smallest} at least; give the subnet range (vnet-cidr) to check it"), why: format!("Every node reserves one subnet address for itself and one per pod up front: (nodes + surge) × (max-pods + 1) = ({nodes} + {surge}) × ({max_pods} + 1) = {needed}, and Azure keeps 5 addresses of every subnet. {surge_note} --vnet-subnet-id names the subnet but not its range, so podnet cannot compare."), fix: None });
        return;
    };
    let usable = subnet.size().saturating_sub(AZURE_RESERVED_PER_SUBNET);
    let why = format!(
        "In Azure CNI node subnet mode every node reserves one subnet address for itself and one per pod up front: (nodes + surge) × (max-pods + 1) = ({nodes} + {surge}) × ({max_pods} + 1) = {needed} addresses. The subnet {subnet} has 2^(32 − {}) = {} addresses, minus the 5 Azure reserves in every subnet = {usable}. {surge_note} Azure CNI Overlay takes pod addresses outside the VNet and needs one subnet address per node.",
        subnet.prefix,
        subnet.size(),
    );
    let (start, end) = command
        .get("--vnet-subnet-id")
        .map_or((command.start, command.start + 2), |o| {
            (o.name_start, o.name_end)
        });
    if needed > usable {
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Error, at: (start, end), message: format!("the node subnet {subnet} has {usable} usable addresses; {nodes} nodes + {surge} surge with max-pods {max_pods} need {needed}"), why, fix: None });
    } else if needed * 100 > usable * MAX_UTILIZATION_PERCENT {
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Warning, at: (start, end), message: format!("the node subnet {subnet} has {usable} usable addresses; {nodes} nodes + {surge} surge with max-pods {max_pods} take {needed} ({})", crate::share::percent(needed, usable)), why, fix: None });
    }
}
