//! Rule `symptom/subnet-env-missing`: the flannel CNI plugin found no `/run/flannel/subnet.env`.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::FLANNEL_LOG;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "The flannel CNI plugin reads the node's range from /run/flannel/subnet.env, which flanneld writes once it has a lease; without it no pod gets an address.";
const WHY: &str = "1. flanneld not running on the node (crash loop, not scheduled, not installed): its log says why. 2. The node just booted: this passes by itself. 3. A CNI config names flannel, but flannel is not installed.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomSubnetEnvMissing,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flannel CNI: open /run/flannel/subnet.env: no such file or directory.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Get flanneld running on the node (fix what its log names); the pods' sandboxes are retried once subnet.env exists.",
    source: "flannel-io/cni-plugin flannel.go (`failed to load flannel 'subnet.env' file: %w`); the path is flannel's default --subnet-file (flannel-io/flannel main.go).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line and asks for flanneld's pods and log.
pub fn check(seen: &Seen<'_>, _model: &ClusterModel, out: &mut Out<'_>) {
    out.paste("flannel's pods", "kubectl -n kube-flannel get pods -o wide");
    out.paste(FLANNEL_LOG.0, FLANNEL_LOG.1);
    out.report(
        seen,
        RULE.rule,
        String::from("No /run/flannel/subnet.env on the node: flanneld has not started there"),
        (MEANS, WHY),
        String::new(),
    );
}
