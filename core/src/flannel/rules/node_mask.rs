//! Rule `flannel/node-mask`: kube-controller-manager's `--node-cidr-mask-size` against the
//! Network prefix.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::netconf::CidrField;
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

/// Checks the node mask from the context against Network (nothing in etcd mode).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_kube() {
        return;
    }
    let Some((network, inner)) = check.conf.network.as_ref().and_then(CidrField::cidr) else {
        return;
    };
    let mask = check.context.node_cidr_mask_size;
    if let Some(mask) = mask {
        let family_mask = if network.family() == IpFamily::V6 {
            mask.max(1)
        } else {
            mask
        };
        if network.subnet_count(family_mask) == 0 {
            out.report(Draft { rule: RuleId::FlannelNodeMask, severity: Severity::Error, at: inner, message: format!("--node-cidr-mask-size /{mask} is larger than Network {network}: no node range fits"), why: String::from("Each node's podCIDR is a block of --node-cidr-mask-size bits; it must be at least as long as the cluster prefix."), fix: None });
        } else if network.family() == IpFamily::V6 && family_mask - network.prefix() > 16 {
            out.report(Draft { rule: RuleId::FlannelNodeMask, severity: Severity::Error, at: inner, message: format!("--node-cidr-mask-size /{mask} is more than 16 bits longer than {network}"), why: format!("kube-controller-manager refuses a difference above 16 (\"New CIDR set failed; the node CIDR size is too big\"): here {} − {} = {}.", mask, network.prefix(), mask - network.prefix()), fix: None });
        }
    }
}
