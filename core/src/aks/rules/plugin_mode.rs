//! `aks/plugin-mode`: --network-plugin-mode overlay with a plugin or flag it cannot work with.

use alloc::format;
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
    rule: RuleId::AksPluginMode,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--network-plugin-mode overlay with a plugin or flag it cannot work with.",
    what: "--network-plugin-mode overlay with --network-plugin kubenet or none, or together with \
        --pod-subnet-id.",
    why: "Overlay is a mode of Azure CNI: AKS rejects it with any other plugin. Overlay pods take \
        addresses from --pod-cidr outside the VNet, while a pod subnet belongs to Azure CNI pod \
        subnet mode (dynamic IP allocation); the two exclude each other.",
    how_to_fix: "Use --network-plugin azure with overlay (with kubenet the fix sets it, as the \
        kubenet migration does), or drop one of --network-plugin-mode and --pod-subnet-id. The pod \
        subnet case has no automatic fix: which mode was meant is the author's call.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports overlay mode with kubenet or no CNI, or with a pod subnet; with kubenet the command's
/// fix sets the plugin to azure.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, network) = (facts.command, facts.network);
    let Some(option) = command.get("--network-plugin-mode") else {
        return;
    };
    if !network.overlay {
        return;
    }
    let plugin = match network.plugin {
        Some(Plugin::Kubenet) => "kubenet",
        Some(Plugin::None) => "none",
        _ => "",
    };
    if !plugin.is_empty() {
        // The kubenet migration sets the plugin to azure, which this mode was written for.
        let resolved = network.plugin == Some(Plugin::Kubenet);
        out.report(Draft { rule: RuleId::AksPluginMode, severity: Severity::Error, at: option.value_range(), message: format!("--network-plugin-mode overlay works only with --network-plugin azure, not {plugin}"), why: String::from("Overlay is a mode of Azure CNI: AKS rejects it with any other plugin. Source: AKS docs \"Azure CNI Overlay\"."), fix: facts.fix_if(resolved) });
    }
    if let Some(subnet) = command.get("--pod-subnet-id") {
        out.report(Draft { rule: RuleId::AksPluginMode, severity: Severity::Error, at: (subnet.name_start, subnet.name_end), message: String::from("--pod-subnet-id cannot be used with --network-plugin-mode overlay"), why: String::from("Overlay pods take addresses from --pod-cidr, outside the VNet; a pod subnet belongs to Azure CNI pod subnet mode (dynamic IP allocation). Use one or the other. Source: AKS docs \"Azure CNI Overlay\"."), fix: None });
    }
}
