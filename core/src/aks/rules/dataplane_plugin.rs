//! `aks/dataplane-plugin`: --network-dataplane cilium without Azure CNI.

use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::network::Plugin;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDataplanePlugin,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--network-dataplane cilium without Azure CNI.",
    what: "--network-dataplane cilium together with --network-plugin kubenet or none.",
    why: "Azure CNI Powered by Cilium runs on Azure CNI: Overlay, pod subnet, or node subnet with \
        azure-cli 2.69.0 and later. AKS rejects it with kubenet or with no CNI, and a kubenet \
        cluster moves to Overlay first.",
    how_to_fix: "Use --network-plugin azure --network-plugin-mode overlay. On az aks create with \
        kubenet the kubenet migration's fix (aks/kubenet-retirement) does this, and this finding \
        carries it.",
    source: "AKS docs \"Azure CNI Powered by Cilium\" (azure-cni-powered-by-cilium.md) and \
        \"Upgrade Azure CNI\" (update-azure-cni.md).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports the cilium dataplane with kubenet or no CNI; on create with kubenet the kubenet
/// migration's fix resolves it.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let network = facts.network;
    if network.dataplane != Some("cilium") {
        return;
    }
    let Some(option) = facts.command.get("--network-dataplane") else {
        return;
    };
    if matches!(network.plugin, Some(Plugin::Kubenet | Plugin::None)) {
        out.report(Draft { rule: RuleId::AksDataplanePlugin, severity: Severity::Error, at: option.value_range(), message: String::from("--network-dataplane cilium needs --network-plugin azure"), why: String::from("Azure CNI Powered by Cilium runs on Azure CNI (Overlay, pod subnet, or node subnet with azure-cli 2.69.0 and later); AKS rejects it with kubenet or with no CNI, and a kubenet cluster moves to Overlay first. Source: AKS docs \"Azure CNI Powered by Cilium\", \"Upgrade Azure CNI\"."), fix: facts.fix_if(facts.corrections.migrates_from_kubenet) });
    }
}
