//! `aks/node-subnet-capacity`: the nodes, their surge and (Azure CNI node subnet mode) their pods
//! do not fit the node subnet.

use alloc::format;
use alloc::string::String;

use crate::aks::capacity::{default_surge, AZURE_RESERVED_PER_SUBNET, DEFAULT_SURGE_PERCENT};
use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::plan;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksNodeSubnetCapacity,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The nodes, their surge and (Azure CNI node subnet mode) their pods do not fit the node subnet.",
    what: "In Azure CNI node subnet mode, (nodes + surge) × (max-pods + 1) against the subnet's \
        addresses minus the 5 Azure reserves: an error above, a warning above 75%. Without the \
        subnet's range in the context (vnet-cidr) it says how big the subnet must be (info). \
        With kubenet and Overlay, nodes + surge against a known subnet range. Nodes: \
        the pools that share the subnet, summed.",
    why: "Every node reserves one subnet address for itself and one per pod up front; surge is \
        the pool's max surge (upgrade_settings.max_surge, upgradeSettings.maxSurge), else AKS's \
        default, 10% of the nodes rounded up (at least 1). When the subnet runs \
        out, scale-out and upgrades fail with subnet-full errors. --vnet-subnet-id names the \
        subnet but not its range.",
    how_to_fix: "Use a bigger subnet, lower --max-pods, or move to Azure CNI Overlay, which takes \
        pod addresses outside the VNet and needs one subnet address per node. No fix from the \
        command: it does not set the subnet's range.",
    source: "AKS docs \"Configure Azure CNI\" (configure-azure-cni.md, IP planning); the AKS \
        API's default max surge (10%); the 5 addresses Azure reserves in every subnet.",
    fix: FixSafety::None,
    file: file!(),
};

/// In Azure CNI node subnet mode, compares (nodes + surge) × (max-pods + 1) with the node
/// subnet's usable addresses (the narrowest VNet range of the context), or says how big the
/// subnet must be when the context gives none.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, network, around) = (facts.command, facts.network, facts.around);
    // With several pools, those that share the subnet.
    let shared = around.subnet_pools.as_ref();
    let Some(nodes) = shared
        .map(|s| s.0)
        .or_else(|| network.nodes(command.verb, around))
    else {
        return;
    };
    let pools = shared.map_or(String::new(), |s| format!(" ({} in this subnet)", s.1));
    let Some(max_pods) = network.max_pods(around) else {
        return;
    };
    // kubenet and Overlay nodes take one subnet address each (pods take theirs from podCidr).
    let one_each = matches!(network.mode, Some(Mode::Kubenet | Mode::Overlay));
    if network.mode != Some(Mode::NodeSubnet) && !one_each {
        return;
    }
    let (surge, surge_note) = match network.max_surge {
        Some(written) => {
            let surge = written.nodes(nodes);
            let shown = command.text("--max-surge").unwrap_or("");
            (surge, format!("Surge is the pool's --max-surge {shown}: {surge} extra nodes during an upgrade."))
        }
        None => {
            let surge = default_surge(nodes);
            (surge, format!("Surge is AKS's default max surge, {DEFAULT_SURGE_PERCENT}% of {nodes} nodes rounded up = {surge} (the pool's own --max-surge changes it)."))
        }
    };
    let per_node = if one_each { 1 } else { max_pods + 1 };
    let needed = u128::from(nodes.saturating_add(surge)) * u128::from(per_node);
    let subnet = around
        .vnet_blocks()
        .filter(|c| c.family() == crate::net::IpFamily::V4)
        .max_by_key(|c| c.prefix());
    if one_each {
        if let Some(subnet) = subnet {
            one_address_each(
                facts,
                out,
                subnet,
                (nodes, surge, needed),
                &surge_note,
                &pools,
            );
        }
        return;
    }
    let Some(subnet) = subnet else {
        let smallest = (0..=29u8)
            .rev()
            .find(|p| (1u128 << (32 - u32::from(*p))) - AZURE_RESERVED_PER_SUBNET >= needed)
            .unwrap_or(0);
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Info, at: (command.start, command.start + 2), message: format!("Azure CNI node subnet mode needs {needed} subnet addresses here: a /{smallest} at least; give the subnet range (vnet-cidr) to check it"), why: format!("Every node reserves one subnet address for itself and one per pod up front: (nodes + surge) × (--max-pods + 1) = ({nodes} + {surge}) × ({max_pods} + 1) = {needed}, and Azure keeps 5 addresses of every subnet. {surge_note} --vnet-subnet-id names the subnet but not its range, so podnet cannot compare."), fix: None });
        return;
    };
    let usable = subnet.size().saturating_sub(AZURE_RESERVED_PER_SUBNET);
    let why = format!(
        "In Azure CNI node subnet mode every node reserves one subnet address for itself and one per pod up front: (nodes + surge) × (--max-pods + 1) = ({nodes} + {surge}) × ({max_pods} + 1) = {needed} addresses. The subnet {subnet} has 2^(32 − {}) = {} addresses, minus the 5 Azure reserves in every subnet = {usable}. {surge_note}",
        subnet.prefix(),
        subnet.size(),
    );
    let (start, end) = command
        .get("--vnet-subnet-id")
        .map_or((command.start, command.start + 2), |o| {
            (o.name_start, o.name_end)
        });
    if needed > usable {
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Error, at: (start, end), message: format!("the node subnet {subnet} has {usable} usable addresses; {nodes} nodes{pools} + {surge} surge with --max-pods {max_pods} need {needed}"), why, fix: None });
    } else if !plan::within_max_utilization(needed, usable) {
        out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity: Severity::Warning, at: (start, end), message: format!("the node subnet {subnet} has {usable} usable addresses; {nodes} nodes{pools} + {surge} surge with --max-pods {max_pods} take {needed} ({})", crate::share::percent(needed, usable)), why, fix: None });
    }
}

/// kubenet and Overlay: (nodes + surge) addresses against the node subnet.
fn one_address_each(
    facts: &Facts<'_>,
    out: &mut Out<'_>,
    subnet: crate::net::Cidr,
    (nodes, surge, needed): (u32, u32, u128),
    surge_note: &str,
    pools: &str,
) {
    let usable = subnet.size().saturating_sub(AZURE_RESERVED_PER_SUBNET);
    if plan::within_max_utilization(needed, usable) {
        return;
    }
    let command = facts.command;
    let (start, end) = command
        .get("--vnet-subnet-id")
        .map_or((command.start, command.start + 2), |o| {
            (o.name_start, o.name_end)
        });
    let severity = if needed > usable {
        Severity::Error
    } else {
        Severity::Warning
    };
    out.report(Draft { rule: RuleId::AksNodeSubnetCapacity, severity, at: (start, end), message: format!("the node subnet {subnet} has {usable} usable addresses; {nodes} nodes{pools} + {surge} surge need {needed} ({})", crate::share::percent(needed, usable)), why: format!("Each node takes one address of the node subnet (its pods take theirs from the pod CIDR), and so does each surge node during an upgrade: {nodes} + {surge} = {needed}. The subnet {subnet} has {} addresses, minus the 5 Azure reserves in every subnet = {usable}. {surge_note}", subnet.size()), fix: None });
}
