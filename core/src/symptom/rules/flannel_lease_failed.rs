//! Rule `symptom/flannel-lease-failed`: flanneld could not get its node's range, for a reason
//! no more specific rule knows.

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{FLANNEL_LOG, NODES};
use crate::symptom::seen::{Out, Seen};
use alloc::string::String;

const MEANS: &str = "flanneld could not get its node's range (the lease) and exits; the node's pods get no network.";
const WHY: &str = "1. The API server or etcd is unreachable or refuses flannel (RBAC, TLS). 2. No podCIDR, or the pool is full: the words after the colon say. 3. The node object is gone or renamed (NODE_NAME).";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelLeaseFailed,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: failed to acquire lease.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Read the words after \"failed to acquire lease:\" and fix what they name; then restart flanneld.",
    source: "flannel-io/flannel@cdf7605 pkg/backend/vxlan/vxlan.go:146 (`failed to acquire lease: %v`; each backend wraps its subnet manager's error the same way).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line.
pub fn check(seen: &Seen<'_>, _model: &ClusterModel, out: &mut Out<'_>) {
    out.paste(FLANNEL_LOG.0, FLANNEL_LOG.1);
    out.paste(NODES.0, NODES.1);
    out.report(
        seen,
        RULE.rule,
        String::from("flanneld could not get its node's range"),
        (MEANS, WHY),
        String::new(),
    );
}
