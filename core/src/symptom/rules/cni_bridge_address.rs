//! Rule `symptom/cni-bridge-address`: the bridge plugin found cni0 with another node range's
//! gateway.

use alloc::format;
use alloc::string::String;

use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::NODES;
use crate::symptom::capacity::say;
use crate::symptom::numbers::cidrs;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str =
    "cni0 still has the gateway of another node range, so no pod on the node starts.";
const WHY: &str = "1. The node's range changed (re-joined, kubeadm reset, a new cluster CIDR). 2. flannel took another lease (etcd mode). 3. Another CNI made cni0.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomCniBridgeAddress,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "bridge plugin: failed to set bridge addr: \"cni0\" already has an IP address different from ….",
    what: MEANS,
    why: WHY,
    how_to_fix: "On that node, drain it, `ip link delete cni0` (and `flannel.1`), restart flanneld and kubelet: the bridge comes back with the range's gateway.",
    source: "containernetworking/plugins@3d27709 plugins/main/bridge/bridge.go:291 (`%q already has an IP address different from %v`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the range the plugin wanted, and the node listing's range for it.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let message = match cidrs(seen.line).last() {
        Some(gateway) => {
            let range = gateway.aligned();
            if let Some(listed) = model.node_pod_cidrs.iter().find(|n| {
                n.value.cidr == range && n.source.origin.kind() != Some(DocumentKind::ErrorLog)
            }) {
                let node = listed.value.node.as_deref().unwrap_or("a node");
                say(&mut here, "It is the range of", &node, &listed.source, ".");
            }
            format!("cni0 holds an old address: the node's range is now {range}")
        }
        None => String::from("cni0 holds an address of another range"),
    };
    out.paste(
        "cni0's address and flannel's lease on the node",
        "ip -4 addr show cni0; cat /run/flannel/subnet.env",
    );
    out.paste(NODES.0, NODES.1);
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
