//! Rule `symptom/flannel-backend-unknown`: flanneld does not know the backend type.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::CONFIGMAP;
use crate::symptom::capacity::say;
use crate::symptom::numbers::word_near;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "flanneld has no backend of the Backend.Type its config names and exits.";
const WHY: &str = "1. A backend removed in v0.20.0 (aws-vpc, gce, ali-vpc). 2. A typo: the types are vxlan, host-gw, udp, ipip, ipsec, wireguard, alloc, extension, tencent-vpc. 3. udp on a non-amd64 node.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelBackendUnknown,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: unknown backend type.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Set Backend.Type to a backend flanneld has (vxlan unless you need another) and restart flanneld.",
    source: "flannel-io/flannel@cdf7605 pkg/backend/manager.go:63 (`unknown backend type: %v`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line, naming the document's Backend.Type when the analysis has one.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let name = word_near(seen.line, "unknown backend type", false).unwrap_or("?");
    let mut here = String::new();
    match model.backend.first() {
        Some(backend) => say(
            &mut here,
            "The config's is",
            &backend.value,
            &backend.source,
            ".",
        ),
        None => out.paste(CONFIGMAP.0, CONFIGMAP.1),
    }
    out.report(
        seen,
        RULE.rule,
        format!("flanneld has no backend {name}"),
        (MEANS, WHY),
        here,
    );
}
