//! Rule `symptom/node-pod-cidr-missing`: flanneld (kube mode) found no podCIDR on its node.

use alloc::format;
use alloc::string::String;
use core::fmt::Write as _;

use crate::context::SubnetManager;
use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONTROLLER, NODES};
use crate::symptom::capacity::node_ranges;
use crate::symptom::numbers::word_near;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "flanneld takes its node's range from spec.podCIDR, which kube-controller-manager sets; this node has none, so flanneld stops.";
const WHY: &str = "1. kube-controller-manager runs without --allocate-node-cidrs=true or --cluster-cidr (kubeadm init without --pod-network-cidr). 2. Its cluster CIDR is full (CIDRNotAvailable). 3. The node joined before the flags were set.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomNodePodCidrMissing,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: node \"X\" pod cidr not assigned.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Run kube-controller-manager with --allocate-node-cidrs=true and a --cluster-cidr equal to flannel's Network (kubeadm: networking.podSubnet); a full cluster CIDR needs a wider one. Then delete and re-join the node, or set its spec.podCIDR.",
    source: "flannel-io/flannel@cdf7605 pkg/subnet/kube/kube.go:378 (`node %q pod cidr not assigned`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line, with the pool's node ranges when a document states the cluster CIDR.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let node = word_near(seen.line, "pod cidr not assigned", true).unwrap_or("?");
    let mut here = String::new();
    if let Some(ranges) = node_ranges(model, SubnetManager::Kube) {
        let _ = write!(here, " Here: {ranges}");
    } else {
        out.paste(CONTROLLER.0, CONTROLLER.1);
    }
    out.paste(NODES.0, NODES.1);
    out.report(
        seen,
        RULE.rule,
        format!("Node {node} has no podCIDR: flanneld cannot start there"),
        (MEANS, WHY),
        here,
    );
}
