//! Rule `symptom/cni-not-ready`: the container runtime has no CNI config yet.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "The node is NotReady: the runtime found no config in /etc/cni/net.d, so only host-network pods start.";
const WHY: &str = "1. No CNI installed yet (after kubeadm init). 2. The CNI's DaemonSet pod does not run on this node (taints, image pull, crash loop). 3. The config is invalid or its plugin missing from /opt/cni/bin.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomCniNotReady,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "kubelet/containerd: cni plugin not initialized; cni config uninitialized.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Install the CNI, or get its DaemonSet pod running on the node; it writes the config and the node turns Ready.",
    source: "containerd/go-cni errors.go (ErrCNINotInitialized, `cni plugin not initialized`); kubelet's NetworkPluginNotReady condition.",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line and asks for the CNI's pods.
pub fn check(seen: &Seen<'_>, _model: &ClusterModel, out: &mut Out<'_>) {
    out.paste("the network pods", "kubectl get pods -A -o wide");
    out.report(
        seen,
        RULE.rule,
        String::from("The node has no CNI config yet: it stays NotReady"),
        (MEANS, WHY),
        String::new(),
    );
}
