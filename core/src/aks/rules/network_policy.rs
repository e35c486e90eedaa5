//! `aks/network-policy`: --network-policy azure with kubenet.

use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksNetworkPolicy,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--network-policy azure with kubenet.",
    what: "--network-policy azure (Azure Network Policy Manager) on a kubenet cluster.",
    why: "Azure Network Policy Manager works only with Azure CNI; on kubenet AKS supports Calico \
        and refuses Azure NPM.",
    how_to_fix: "Use --network-policy calico with kubenet, or move to Azure CNI Overlay. On az \
        aks create the kubenet migration's fix (aks/kubenet-retirement) moves to Overlay, and this \
        finding carries it.",
    source: "AKS docs \"Secure traffic between pods by using network policies\" \
        (use-network-policies.md).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports Azure Network Policy Manager on kubenet; on create the kubenet migration's fix
/// resolves it.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let network = facts.network;
    let Some(option) = facts.command.get("--network-policy") else {
        return;
    };
    if network.policy == Some("azure") && network.mode == Some(Mode::Kubenet) {
        out.report(Draft { rule: RuleId::AksNetworkPolicy, severity: Severity::Error, at: option.value_range(), message: String::from("--network-policy azure needs Azure CNI; with kubenet use calico"), why: String::from("Azure Network Policy Manager works only with Azure CNI; on kubenet AKS supports Calico. Source: AKS docs \"Secure traffic between pods by using network policies\"."), fix: facts.fix_if(facts.corrections.migrates_from_kubenet) });
    }
}
