//! Rule `flannel/network-policy-not-enforced`: NetworkPolicy objects pasted beside a flannel config.

use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkPolicyNotEnforced,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "flannel enforces no NetworkPolicy: a policy needs a policy engine beside it.",
    what: "A NetworkPolicy object in the same paste as a flannel config.",
    why: "The API server stores NetworkPolicy objects whatever the CNI, but only a policy engine enforces them and flannel has none: the traffic the policy denies keeps flowing, and nothing says so.",
    how_to_fix: "Run a policy engine beside flannel: kube-network-policies (the flannel Helm chart's netpol.enabled, from v0.25.5), Canal (flannel with Calico's policy engine), kube-router or Cilium in CNI chaining. There is no text fix.",
    source: "flannel-io/flannel README (\"the flanneld binary does not natively enforce Network Policies\") and Documentation/netpol.md.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports one NetworkPolicy spanning `start..end` (inner offsets).
pub fn check(start: usize, end: usize, out: &mut Emitter<'_>) {
    out.report(Draft { rule: RuleId::FlannelNetworkPolicyNotEnforced, severity: Severity::Warning, at: (start, start.min(end)), message: String::from("flannel does not enforce NetworkPolicy: this policy has no effect on a flannel-only cluster"), why: String::from("The API server stores NetworkPolicy objects whatever the CNI, but only a policy engine enforces them; flannel has none. Add one (kube-network-policies, Canal, kube-router, Cilium) or the traffic this policy denies keeps flowing."), fix: None });
}
