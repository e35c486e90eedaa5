//! Rule `cluster/node-cidrs-not-allocated`: kube-controller-manager allocates node podCIDRs
//! when flannel runs in kube mode.

use alloc::format;
use alloc::vec::Vec;

use crate::finding::{Edit, Finding, Fix, Severity};
use crate::flannel::Mode;
use crate::model::{ClusterModel, Origin};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrsNotAllocated,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "--allocate-node-cidrs is on when flannel takes node ranges from kube-controller-manager.",
    what: "kube-controller-manager with --allocate-node-cidrs=false while flannel's documents show kube mode (--kube-subnet-mgr, the kube-flannel ConfigMap, a k3s flannel backend): an error. Without flannel, a note when the same document states a cluster CIDR (--cluster-cidr, kubeadm podSubnet), which kube-controller-manager then does not use.",
    why: "In kube mode flanneld waits for its node's spec.podCIDR, which only kube-controller-manager's node IPAM writes, and only with --allocate-node-cidrs=true; flanneld logs `pod cidr not assigned` and the node's pods get no network.",
    how_to_fix: "Set --allocate-node-cidrs=true (with --cluster-cidr equal to flannel's Network), then restart kube-controller-manager; it assigns ranges to nodes that have none.",
    source: "flannel-io/flannel pkg/subnet/kube/kube.go (waits for the node's podCIDR); kubernetes/kubernetes cmd/kube-controller-manager/app/core.go (startNodeIpamController and startNodeRouteController return without starting when AllocateNodeCIDRs is false).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports each `--allocate-node-cidrs=false` when flannel may run in kube mode; otherwise, as
/// a note, one beside a cluster CIDR its own document states (which then goes unused).
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let flannel = model.backend.iter().any(|b| b.source.in_document())
        || model.subnet_manager.iter().any(|m| m.source.in_document());
    let kube = flannel && Mode::of_model(model).may_be_kube();
    for off in model.allocate_node_cidrs.iter().filter(|a| !a.value) {
        let at = &off.source;
        let same = |c: &&crate::model::Stated<crate::net::Cidr>| match (c.source.origin, at.origin)
        {
            (Origin::Document { document: a, .. }, Origin::Document { document: b, .. }) => a == b,
            _ => false,
        };
        let unused = model.cluster_cidrs.iter().find(same);
        let (severity, message, explanation) = match unused {
            _ if kube => (Severity::Error, format!("{} is false, but flannel in kube mode waits for node podCIDRs that are then never assigned", at.key), RULE.why),
            Some(cidr) => (Severity::Info, format!("{} is false: no node gets a podCIDR from {} {}", at.key, cidr.source.key, cidr.value), UNUSED),
            None => continue,
        };
        let fix = at.edit("true").map(|edit: Edit| Fix {
            title: format!("Set {} to true", at.key),
            edits: alloc::vec![edit],
        });
        findings.push(Finding {
            rule: RuleId::ClusterNodeCidrsNotAllocated,
            severity,
            message,
            span: at.span,
            explanation: format!("{explanation}{}", at.no_fix_note()),
            fix: fix.filter(|_| kube),
        });
    }
}

/// Why a cluster CIDR beside `--allocate-node-cidrs=false` is a note.
const UNUSED: &str = "kube-controller-manager then starts no node IPAM: right when the CNI assigns pod addresses itself, else nodes keep an empty podCIDR.";
