//! Rule `flannel/network-policy-not-enforced`: NetworkPolicy objects pasted beside a flannel config.
//!
//! What it checks: any NetworkPolicy in the paste.
//! Why it matters: flannel implements no NetworkPolicy; the API server accepts the object and
//! nothing enforces it, so traffic the policy "denies" still flows.
//! Fix: run a policy engine (Canal = flannel + Calico policy, or kube-network-policies, kube-router,
//! Cilium); there is no text fix.
//! Source: flannel README ("Flannel does not control how containers are networked to the host,
//! only how the traffic is transported between hosts... network policy" via Canal); domain facts §1.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::string::String;

use crate::emit::Emitter;
use crate::finding::Severity;

/// Reports one NetworkPolicy spanning `start..end` (inner offsets).
pub fn check(start: usize, end: usize, out: &mut Emitter<'_>) {
    out.report(Draft { rule: RuleId::FlannelNetworkPolicyNotEnforced, severity: Severity::Warning, at: (start, start.min(end)), message: String::from("flannel does not enforce NetworkPolicy: this policy has no effect on a flannel-only cluster"), why: String::from("The API server stores NetworkPolicy objects whatever the CNI, but only a policy engine enforces them; flannel has none. Add one (Canal: flannel with Calico's policy engine, or kube-network-policies, kube-router, Cilium) or the traffic this policy denies keeps flowing."), fix: None });
}
