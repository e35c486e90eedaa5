//! Rule `cluster/node-cidr-mask`: a listed node range's size differs from the node mask the paste
//! states (`--node-cidr-mask-size` in kube mode, flannel's `SubnetLen` in etcd mode).

use alloc::format;
use alloc::vec::Vec;

use crate::cluster::pools::{listed, node_mask, node_name};
use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrMask,
    area: Area::Cluster,
    severity: Severity::Warning,
    summary: "Listed node ranges have the size of the node mask the paste states.",
    what: "A node range from a node listing whose prefix differs from --node-cidr-mask-size (kube mode) or flannel's SubnetLen (etcd mode) as the paste states it.",
    why: "The mask was changed after the node got its range: kube-controller-manager reads it at start and never resizes existing ranges, so nodes hold ranges of two sizes, and the capacity numbers for new nodes differ from the old ones'. Or the stated mask is not the one the cluster runs with.",
    how_to_fix: "Check the flag the controller runs with (ps aux | grep kube-controller-manager); roll the older nodes one at a time (drain, kubectl delete node, restart kubelet) to give them ranges of the current size.",
    source: "kubernetes pkg/controller/nodeipam/ipam/cidrset (one mask per cluster CIDR, read at start); flannel pkg/subnet/config.go (SubnetLen).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each listed range whose prefix is not the stated node mask of its family.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    for node in listed(model) {
        let range = node.value.cidr;
        let Some(mask) = node_mask(model, range.family()) else {
            continue;
        };
        let prefix = mask.value.prefix;
        if range.prefix() == prefix {
            continue;
        }
        let name = node_name(&node.value.node);
        let key = mask.source.key;
        findings.push(Finding {
            rule: RuleId::ClusterNodeCidrMask,
            severity: Severity::Warning,
            span: node.source.span,
            message: format!("{name}'s podCIDR {range} is a /{}, but {key} is /{prefix}{}", range.prefix(), mask.source.mention()),
            explanation: format!("A /{} holds 2^({} − {}) = {} addresses, a /{prefix} 2^({} − {prefix}) = {}. The mask is read when the controller starts and existing ranges are never resized, so {name} got its range under another mask, or {key} is not what the cluster runs with. Roll {name} (drain, `kubectl delete node {name}`, restart kubelet) to give it a /{prefix}.", range.prefix(), range.family().bits(), range.prefix(), range.size(), range.family().bits(), 1u128 << (range.family().bits() - prefix).min(127)),
            fix: None,
        });
    }
}
