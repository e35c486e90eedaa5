//! Rule `control/cluster-cidr-missing`: kube-controller-manager with `--allocate-node-cidrs=true`
//! has a `--cluster-cidr` to allocate from.

use alloc::string::String;
use alloc::vec::Vec;

use crate::document::DocumentKind;
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, Origin};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};
use crate::span::Span;

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ControlClusterCidrMissing,
    area: Area::Control,
    severity: Severity::Error,
    summary: "kube-controller-manager with --allocate-node-cidrs=true has a --cluster-cidr.",
    what: "A kube-controller-manager command line, systemd unit, static pod or kubeadm ClusterConfiguration (controllerManager.extraArgs) that turns --allocate-node-cidrs on without --cluster-cidr (kubeadm: without networking.podSubnet, from which kubeadm writes --cluster-cidr). A cluster CIDR written as a placeholder counts as written.",
    why: "Its node IPAM controller cannot parse the empty --cluster-cidr (`failed to parse cidr value:\"\"`, then \"Error starting controllers\"; before: `Must specify --cluster-cidr if --allocate-node-cidrs is set`).",
    how_to_fix: "Add --cluster-cidr with the pod network's range (the CNI's pool, flannel's Network; kubeadm: networking.podSubnet), or leave --allocate-node-cidrs off when the CNI assigns addresses itself.",
    source: "kubernetes/kubernetes cmd/kube-controller-manager/app/core.go (startNodeIpamController, validateCIDRs, processCIDRs) and controllermanager.go (Run exits when a controller fails to start); pkg/controller/nodeipam/node_ipam_controller.go (NewNodeIpamController).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports `--allocate-node-cidrs=true` in the document at `document` when none of the
/// settings `written` there is a cluster CIDR.
pub fn check(
    kind: DocumentKind,
    document: Span,
    written: &[&str],
    model: &ClusterModel,
    findings: &mut Vec<Finding>,
) {
    let manager = matches!(
        kind,
        DocumentKind::ControllerManager | DocumentKind::KubeadmConfig
    );
    if !manager
        || written
            .iter()
            .any(|n| matches!(*n, "cluster-cidr" | "podSubnet"))
    {
        return;
    }
    let here =
        |origin: &Origin| matches!(origin, Origin::Document { document: d, .. } if *d == document);
    for on in model.allocate_node_cidrs.iter() {
        if !on.value || !here(&on.source.origin) {
            continue;
        }
        findings.push(Finding {
            rule: RuleId::ControlClusterCidrMissing,
            severity: Severity::Error,
            message: String::from(
                "allocate-node-cidrs is true without cluster-cidr: kube-controller-manager exits at start",
            ),
            span: on.source.span,
            explanation: String::from(RULE.why),
            fix: None,
        });
    }
}
