//! Rule `symptom/pod-cidr-outside-network`: the node's podCIDR is outside flannel's Network.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONFIGMAP, CONTROLLER};
use crate::symptom::capacity::say;
use crate::symptom::numbers::{cidrs, word_near};
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "flanneld found its node's podCIDR outside its config's Network and stopped.";
const WHY: &str = "1. Network is not kube-controller-manager's --cluster-cidr (kubeadm podSubnet, --pod-network-cidr): flannel must follow the cluster. 2. The cluster CIDR changed; old nodes keep old ranges until re-registered. 3. flanneld runs with an old ConfigMap: restart it.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomPodCidrOutsideNetwork,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: subnet \"N\" specified in the flannel net config doesn't contain \"P\" PodCIDR of the \"X\" node.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Set Network to the cluster CIDR (it must contain every node's podCIDR) and restart flanneld; a changed --cluster-cidr moves no existing node: re-register them one at a time.",
    source: "flannel-io/flannel@cdf7605 pkg/subnet/kube/kube.go:500 (IPv4) and :507 (IPv6).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with its two ranges, and names the documents that state them.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let found = cidrs(seen.line);
    let node = word_near(seen.line, "podcidr of the", false).unwrap_or("?");
    let (network, pod) = match found.as_slice() {
        [network, pod, ..] => (format!("{network}"), format!("{pod}")),
        _ => (String::from("Network"), String::from("its podCIDR")),
    };
    let mut here = String::new();
    if let [_, pod_cidr, ..] = found.as_slice() {
        if let Some(cluster) = model.cluster_cidrs.first() {
            let verdict = if cluster.value.contains(pod_cidr) {
                " holds it: set Network to it."
            } else {
                " does not hold it either: the node got its range before the cluster CIDR changed."
            };
            say(
                &mut here,
                "The cluster CIDR",
                &cluster.value,
                &cluster.source,
                verdict,
            );
        }
        if let Some(pool) = model.pod_pools.first() {
            let verdict = if pool.value.contains(pod_cidr) {
                " holds it: flanneld runs with an older Network; restart it."
            } else {
                " must hold it."
            };
            say(&mut here, "Network", &pool.value, &pool.source, verdict);
        }
    }
    if model.pod_pools.is_empty() {
        out.paste(CONFIGMAP.0, CONFIGMAP.1);
    }
    if model.cluster_cidrs.is_empty() {
        out.paste(CONTROLLER.0, CONTROLLER.1);
    }
    out.report(
        seen,
        RULE.rule,
        format!("Node {node}'s podCIDR {pod} is outside flannel's Network {network}"),
        (MEANS, WHY),
        here,
    );
}
