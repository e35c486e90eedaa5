//! `aks/pod-cidr-needs-overlay`: --pod-cidr with plain Azure CNI, which azure-cli refuses.

use alloc::string::String;

use crate::aks::corrections::pod_cidr_needs_overlay;
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksPodCidrNeedsOverlay,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--pod-cidr with plain Azure CNI, which azure-cli refuses.",
    what: "--pod-cidr with --network-plugin azure and neither --network-plugin-mode nor \
        --pod-subnet-id.",
    why: "Plain Azure CNI (node subnet mode) gives pods VNet addresses, so a pod CIDR means \
        nothing to it, and azure-cli stops with \"Please specify network plugin mode `overlay` \
        when using --pod-cidr or use network plugin `kubenet`.\"",
    how_to_fix: "Add --network-plugin-mode overlay, so that pods take a /24 per node from \
        --pod-cidr (the fix does this), or drop --pod-cidr to keep node subnet mode.",
    source: "azure-cli azure/cli/command_modules/acs/managed_cluster_decorator.py (the message \
        quoted); AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports `--pod-cidr` with plain Azure CNI; the command's fix adds the overlay mode.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    if !pod_cidr_needs_overlay(command, facts.network) {
        return;
    }
    let Some(option) = command.get("--pod-cidr") else {
        return;
    };
    out.report(Draft { rule: RuleId::AksPodCidrNeedsOverlay, severity: Severity::Error, at: (option.name_start, option.name_end), message: String::from("--pod-cidr with --network-plugin azure needs --network-plugin-mode overlay: azure-cli stops with \"Please specify network plugin mode `overlay` when using --pod-cidr or use network plugin `kubenet`. For more information about Azure CNI Overlay please see https://aka.ms/aks/azure-cni-overlay\""), why: String::from("Plain Azure CNI (node subnet mode) gives pods VNet addresses, so a pod CIDR means nothing to it and azure-cli refuses the command. With --network-plugin-mode overlay pods take a /24 per node from --pod-cidr. Source: azure-cli acs managed_cluster_decorator; AKS docs \"Azure CNI Overlay\"."), fix: facts.fix_if(true) });
}
