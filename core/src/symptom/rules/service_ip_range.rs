//! Rule `symptom/service-ip-range`: the apiserver refused a Service's cluster IP.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::APISERVER;
use crate::symptom::capacity::say;
use crate::symptom::numbers::cidrs;
use crate::symptom::seen::{Out, Seen};
use crate::symptom::signature::find;

const MEANS: &str = "kube-apiserver gives Services cluster IPs from --service-cluster-ip-range; it refused this one.";
const WHY: &str = "1. A clusterIP from another cluster (kube-dns's 10.96.0.10, a restored backup) or a kubelet --cluster-dns outside this range. 2. The range changed after Services were made. 3. Another Service has the IP.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomServiceIpRange,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "kube-apiserver: provided IP is not in the valid range / is already allocated / the provided network does not match the current range.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Give the Service an IP inside the service range (or none, to get one), and keep kubelet's --cluster-dns inside it; a changed range needs the old Services re-created.",
    source: "kubernetes/kubernetes@1154b25 pkg/registry/core/service/ipallocator/interfaces.go:46-57 (ErrAllocated, ErrMismatchedNetwork, ErrNotInRange).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the range it names, against the service range the analysis states.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let message = if find(seen.line, "already allocated").is_some() {
        String::from("The Service's cluster IP is already another Service's")
    } else if find(seen.line, "does not match").is_some() {
        String::from("The Service's cluster IP is outside the apiserver's current service range")
    } else {
        match cidrs(seen.line).first() {
            Some(range) => format!("The Service's cluster IP is outside the service range {range}"),
            None => String::from("The Service's cluster IP is outside the service range"),
        }
    };
    match model.service_ranges.first() {
        Some(range) => say(
            &mut here,
            "The service range here:",
            &range.value,
            &range.source,
            ".",
        ),
        None => out.paste(APISERVER.0, APISERVER.1),
    }
    out.paste("the Services and their IPs", "kubectl get svc -A -o wide");
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
