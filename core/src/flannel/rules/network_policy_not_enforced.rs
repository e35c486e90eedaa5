//! Rule `flannel/network-policy-not-enforced`: NetworkPolicy objects pasted beside a flannel config.

use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/network-policy-not-enforced",
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports one NetworkPolicy spanning `start..end` (inner offsets).
pub fn check(start: usize, end: usize, out: &mut Emitter<'_>) {
    out.report(Draft { rule: RuleId::FlannelNetworkPolicyNotEnforced, severity: Severity::Warning, at: (start, start.min(end)), message: String::from("flannel does not enforce NetworkPolicy: this policy has no effect on a flannel-only cluster"), why: String::from("The API server stores NetworkPolicy objects whatever the CNI, but only a policy engine enforces them; flannel has none. Add one (Canal: flannel with Calico's policy engine, or kube-network-policies, kube-router, Cilium) or the traffic this policy denies keeps flowing."), fix: None });
}
