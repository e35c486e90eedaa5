//! Rule `flannel/node-mask`: kube-controller-manager's `--node-cidr-mask-size` against the
//! Network prefix.

use alloc::format;
use alloc::string::String;

use alloc::vec::Vec;

use crate::context::SubnetManager;
use crate::finding::{Finding, Severity};
use crate::flannel::pool::FlannelPool;
use crate::model::ClusterModel;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNodeMask,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The node mask given (--node-cidr-mask-size) fits the Network prefix.",
    what: "In kube mode, a --node-cidr-mask-size shorter than the Network prefix or longer than the family allows, or, for IPv6, more than 16 bits longer than the Network prefix.",
    why: "Each node's podCIDR is a block of --node-cidr-mask-size bits taken from --cluster-cidr (which equals Network): a mask shorter than the cluster prefix leaves no node range, and kube-controller-manager refuses an IPv6 difference above 16 bits (\"New CIDR set failed; the node CIDR size is too big\"), so nodes wait with \"pod cidr not assigned\".",
    how_to_fix: "Give --node-cidr-mask-size a value at least the Network prefix and, for IPv6, at most 16 bits longer; or widen Network and --cluster-cidr together. There is no automatic fix: the mask is kube-controller-manager's flag, not in the paste.",
    source: "kubernetes/kubernetes kube-controller-manager node IPAM (pkg/controller/nodeipam/ipam/cidrset: \"New CIDR set failed; the node CIDR size is too big\").",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks every kube-controller-manager node mask the model states for the pool's family (the
/// context's, or a document's) against the pool (nothing in etcd mode).
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    if !pool.mode.may_be_kube() {
        return;
    }
    let (network, at) = (pool.cidr(), &pool.network.source);
    for stated in model.node_masks_for(network.family(), SubnetManager::Kube) {
        let (mask, named) = (stated.value.prefix, stated.source.mention());
        let family_mask = if network.family() == IpFamily::V6 {
            mask.max(1)
        } else {
            mask
        };
        let (message, why) = if network.subnet_count(family_mask) == 0 {
            (format!("--node-cidr-mask-size /{mask}{named} is larger than {} {network}: no node range fits", at.key), String::from("Each node's podCIDR is a block of --node-cidr-mask-size bits; it must be at least as long as the cluster prefix."))
        } else if network.family() == IpFamily::V6 && family_mask - network.prefix() > 16 {
            (format!("--node-cidr-mask-size /{mask}{named} is more than 16 bits longer than {network}"), format!("kube-controller-manager refuses a difference above 16 (\"New CIDR set failed; the node CIDR size is too big\"): here {} − {} = {}.", mask, network.prefix(), mask - network.prefix()))
        } else {
            continue;
        };
        findings.push(Finding {
            rule: RuleId::FlannelNodeMask,
            severity: Severity::Error,
            span: at.span,
            message,
            explanation: why,
            fix: None,
        });
    }
}
