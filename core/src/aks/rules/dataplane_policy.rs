//! `aks/dataplane-policy`: A network policy engine that does not match the dataplane.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDataplanePolicy,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A network policy engine that does not match the dataplane.",
    what: "--network-policy azure or calico with --network-dataplane cilium, or --network-policy \
        cilium without --network-dataplane cilium.",
    why: "With the Cilium dataplane, Cilium enforces network policy itself (azure-cli sets \
        --network-policy cilium when none is given), and AKS rejects Azure Network Policy Manager \
        or Calico on it; Cilium policy comes only with the Cilium dataplane. AKS refuses the \
        cluster.",
    how_to_fix: "With the Cilium dataplane, write --network-policy cilium or leave it out; for \
        Cilium policy, add --network-dataplane cilium or choose another engine. No automatic fix: \
        which one was meant is the author's call.",
    source: "AKS docs \"Azure CNI Powered by Cilium\" (azure-cni-powered-by-cilium.md).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports Azure NPM or Calico on the cilium dataplane, and cilium policy without it.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let network = facts.network;
    let Some(policy) = facts.command.get("--network-policy") else {
        return;
    };
    let cilium = network.dataplane == Some("cilium");
    if cilium && facts.command.has("--network-dataplane") {
        if matches!(network.policy, Some("azure" | "calico")) {
            out.report(Draft { rule: RuleId::AksDataplanePolicy, severity: Severity::Error, at: policy.value_range(), message: format!("--network-policy {} cannot run on the cilium dataplane; use --network-policy cilium", network.policy.unwrap_or_default()), why: String::from("With --network-dataplane cilium, Cilium enforces network policy itself (azure-cli sets --network-policy cilium when none is given); AKS rejects Azure Network Policy Manager or Calico on it. Source: AKS docs \"Azure CNI Powered by Cilium\"."), fix: None });
        }
    } else if !cilium && network.policy == Some("cilium") {
        out.report(Draft { rule: RuleId::AksDataplanePolicy, severity: Severity::Error, at: policy.value_range(), message: String::from("--network-policy cilium needs --network-dataplane cilium"), why: String::from("Cilium policy enforcement comes with the Cilium dataplane (Azure CNI Powered by Cilium); add --network-dataplane cilium, or choose another policy engine. Source: AKS docs \"Azure CNI Powered by Cilium\"."), fix: None });
    }
}
