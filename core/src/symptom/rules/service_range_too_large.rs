//! Rule `symptom/service-range-too-large`: kube-apiserver refused a service range over 2^20
//! addresses.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::APISERVER;
use crate::symptom::capacity::say;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "kube-apiserver refuses a service range over 2^20 addresses (wider than /12, or /108 for IPv6) and does not start.";
const WHY: &str = "1. The pod CIDR used as service range. 2. An IPv6 /64. 3. serviceSubnet or service-cidr wider than /12.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomServiceRangeTooLarge,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "kube-apiserver: specified --service-cluster-ip-range is too large.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Use a service range of /12 to /24 (IPv4) or /108 to /120 (IPv6) apart from the pod range; kubeadm's default is 10.96.0.0/12.",
    source: "kubernetes/kubernetes@e303d9c cmd/kube-apiserver/app/options/validation.go:33-36 (`specified --service-cluster-ip-range is too large`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the service range the analysis states.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let mut message = String::from("The service range is wider than the apiserver allows");
    match model.service_ranges.iter().max_by_key(|r| r.value.size()) {
        Some(range) => {
            say(
                &mut here,
                "The service range here:",
                &range.value,
                &range.source,
                ".",
            );
            let width = range.value.family().bits() - range.value.prefix();
            if width > 20 {
                message = format!(
                    "The service range {} holds 2^{width} addresses; the apiserver takes at most 2^20",
                    range.value
                );
            }
        }
        None => out.paste(APISERVER.0, APISERVER.1),
    }
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
