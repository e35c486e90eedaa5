//! Rule `symptom/flannel-config-fetch`: flanneld could not read its network config.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{ETCD, FLANNELD};
use crate::symptom::seen::{Out, Seen};
use crate::symptom::signature::find;

const MEANS: &str = "flanneld found no net-conf.json (in etcd at <etcd-prefix>/config, or the mounted ConfigMap) and retries.";
const WHY: &str = "1. Written under another prefix, or with the other etcd API version. 2. etcd unreachable (--etcd-endpoints, TLS). 3. The ConfigMap key missing.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelConfigFetch,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: Couldn't fetch network config (Failed to retrieve network config before v0.7).",
    what: MEANS,
    why: WHY,
    how_to_fix: "Write the config where flanneld looks: `etcdctl put <etcd-prefix>/config '{\"Network\": …}'` with the API version flanneld uses, or mount the ConfigMap's net-conf.json.",
    source: "flannel-io/flannel@cdf7605 main.go:536 (`Couldn't fetch network config: %s`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line: a missing key, or another failure.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let message = if find(seen.line, "key not found").is_some() {
        "etcd has no flannel config under the prefix flanneld reads"
    } else {
        "flanneld could not read its network config"
    };
    if model.pod_pools.is_empty() {
        out.paste(ETCD.0, ETCD.1);
    }
    out.paste(FLANNELD.0, FLANNELD.1);
    out.report(
        seen,
        RULE.rule,
        String::from(message),
        (MEANS, WHY),
        String::new(),
    );
}
