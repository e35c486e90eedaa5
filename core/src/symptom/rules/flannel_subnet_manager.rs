//! Rule `symptom/flannel-subnet-manager`: flanneld could not start its subnet manager.

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONFIGMAP, FLANNEL_LOG};
use crate::symptom::seen::{Out, Seen};
use alloc::string::String;

const MEANS: &str =
    "flanneld could not reach what hands out node ranges (the Kubernetes API or etcd) and exits.";
const WHY: &str = "1. The API or etcd is unreachable (KUBERNETES_SERVICE_HOST, --etcd-endpoints, TLS files). 2. net-conf.json missing or not valid JSON. 3. RBAC: flannel cannot get nodes.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelSubnetManager,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: Failed to create SubnetManager.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Read the error after the colon: fix the endpoint, credentials or net-conf.json it names, then restart flanneld.",
    source: "flannel-io/flannel@cdf7605 main.go:251 (`Failed to create SubnetManager: `).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    if model.pod_pools.is_empty() {
        out.paste(CONFIGMAP.0, CONFIGMAP.1);
    }
    out.paste(FLANNEL_LOG.0, FLANNEL_LOG.1);
    out.report(
        seen,
        RULE.rule,
        String::from("flanneld could not create its subnet manager"),
        (MEANS, WHY),
        String::new(),
    );
}
