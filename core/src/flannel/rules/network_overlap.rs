//! Rule `flannel/network-overlap`: the pod Network overlaps a range to avoid or the VNet/VPC.

use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

use crate::context::SubnetManager;
use crate::finding::{Finding, Severity};
use crate::flannel::address_space::{placement, ranges_to_avoid, Placed, Placement};
use crate::flannel::pool::FlannelPool;
use crate::model::ClusterModel;
use crate::net::{Cidr, IpFamily};
use crate::plan::{nearest_free_block, ranges_needed, usable_ranges};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkOverlap,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The pod Network overlaps none of the ranges to avoid and not the VNet/VPC.",
    what: "A Network (host bits masked) that overlaps a range given to avoid (on-premises, peered networks, other clusters) or a VNet/VPC range, as the context or another document gives them.",
    why: "Every node routes the pod Network into the overlay, so pod addresses shadow the hosts of the overlapped range: pods cannot reach those hosts and their replies go astray. Nothing fails at start-up; connections to that range just break.",
    how_to_fix: "Move Network to a free private (RFC 1918) or RFC 6598 block of the same size, or wider when the target nodes need it; the fix picks the nearest one (as `podnet plan` does). In kube mode set --cluster-cidr to the same block; nodes keep their old podCIDR until recreated.",
    source: "RFC 1918 and RFC 6598 (the private ranges the new block comes from); the ranges to avoid and the VNet/VPC come from the cluster model (the context, or a document that states them).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a pool over a range to avoid, with the nearest free block of the size it needs.
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    let Placed {
        network,
        placement: Placement::Overlaps { range, what },
    } = placement(pool, model)
    else {
        return;
    };
    let at = &pool.network.source;
    let key = at.key;
    let avoided: Vec<Cidr> = ranges_to_avoid(model).iter().map(|(c, _)| *c).collect();
    // Keep the size, or widen it when the target nodes need more, so that the moved block
    // does not trip the capacity rule.
    let per_node = pool.node_prefix;
    let etcd = pool.mode.manager() == SubnetManager::Etcd;
    let needed = pool.target.map_or(0, |stated| ranges_needed(stated.value));
    let prefix = network
        .supernets()
        .filter(|wider| wider.prefix() <= per_node)
        .find(|wider| usable_ranges(wider.prefix(), per_node, etcd) >= needed)
        .map_or(network.prefix(), |wider| wider.prefix());
    let mut why = format!("Pod addresses in {network} would shadow hosts in {range}: nodes route that range into the overlay, so pods cannot reach those hosts and replies go astray. `podnet plan` picks the nearest free private or RFC 6598 block of the same size.");
    let free = (network.family() == IpFamily::V4)
        .then(|| nearest_free_block(prefix, network.network(), &avoided))
        .flatten();
    let fix = free.and_then(|block| {
        why.push_str(at.no_fix_note());
        at.fix(format!("Move {key} to {block}"), &block.to_string())
    });
    findings.push(Finding {
        rule: RuleId::FlannelNetworkOverlap,
        severity: Severity::Error,
        span: at.span,
        message: format!("{key} {network} overlaps {range} ({what})"),
        explanation: why,
        fix,
    });
}
