//! Capacity numbers: how many nodes the pod CIDR holds with a /24 each, and what Azure takes
//! from every subnet, for the capacity rules (`aks/pod-cidr-capacity`,
//! `aks/node-subnet-capacity`) and the report's capacity picture.
//!
//! Source: AKS docs "Azure CNI Overlay", "Configure kubenet", "Configure Azure CNI" (IP planning).

use super::facts::Facts;
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

/// The pod CIDR's capacity, when an IPv4 pod CIDR of /24 or wider applies.
pub fn numbers(facts: &Facts<'_>) -> Option<Capacity> {
    let decisions = &facts.corrections.addresses;
    let pool = decisions.pod_before?;
    if pool.prefix() > NODE_PREFIX || pool.family() != crate::net::IpFamily::V4 {
        return None;
    }
    let per_node = (1u128 << (32 - u32::from(NODE_PREFIX))) - 3;
    let target = facts.network.nodes(facts.command.verb, facts.around);
    let service = decisions.service_before;
    Some(Capacity::new(
        pool,
        NODE_PREFIX,
        false,
        per_node,
        target,
        service,
    ))
}
