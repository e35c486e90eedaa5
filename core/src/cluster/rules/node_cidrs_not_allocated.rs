//! Rule `cluster/node-cidrs-not-allocated`: kube-controller-manager allocates node podCIDRs
//! when flannel runs in kube mode.

use alloc::format;
use alloc::vec::Vec;

use crate::finding::{Edit, Finding, Fix, Severity};
use crate::flannel::Mode;
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrsNotAllocated,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "--allocate-node-cidrs is on when flannel takes node ranges from kube-controller-manager.",
    what: "kube-controller-manager with --allocate-node-cidrs=false while flannel's documents show kube mode (--kube-subnet-mgr, the kube-flannel ConfigMap, a k3s flannel backend).",
    why: "In kube mode flanneld waits for its node's spec.podCIDR, which only kube-controller-manager's node IPAM writes, and only with --allocate-node-cidrs=true; flanneld logs `pod cidr not assigned` and the node's pods get no network.",
    how_to_fix: "Set --allocate-node-cidrs=true (with --cluster-cidr equal to flannel's Network), then restart kube-controller-manager; it assigns ranges to nodes that have none.",
    source: "flannel-io/flannel pkg/subnet/kube/kube.go (waits for the node's podCIDR); kube-controller-manager --allocate-node-cidrs (node IPAM controller).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports each `--allocate-node-cidrs=false` when flannel may run in kube mode.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let flannel = model.backend.iter().any(|b| b.source.in_document())
        || model.subnet_manager.iter().any(|m| m.source.in_document());
    if !flannel || !Mode::of_model(model).may_be_kube() {
        return;
    }
    for off in model.allocate_node_cidrs.iter().filter(|a| !a.value) {
        let at = &off.source;
        let fix = at.edit("true").map(|edit: Edit| Fix {
            title: format!("Set {} to true", at.key),
            edits: alloc::vec![edit],
        });
        findings.push(Finding {
            rule: RuleId::ClusterNodeCidrsNotAllocated,
            severity: Severity::Error,
            message: format!("{} is false, but flannel in kube mode waits for node podCIDRs that are then never assigned", at.key),
            span: at.span,
            explanation: format!("{}{}", RULE.why, at.no_fix_note()),
            fix,
        });
    }
}
