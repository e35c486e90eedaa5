//! `aks/plugin-required`: --network-policy without --network-plugin, which azure-cli refuses.

use alloc::format;
use alloc::string::String;

use crate::aks::corrections::{network_policy_needs_plugin, NEEDS_PLUGIN};
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksPluginRequired,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--network-policy without --network-plugin, which azure-cli refuses.",
    what: "az aks create with --network-policy and no --network-plugin.",
    why: "azure-cli stops with \"Please explicitly specify the network plugin type\": a policy \
        engine runs on a plugin. Only a network policy needs the plugin named; pod and service \
        ranges and the DNS IP alone no longer do.",
    how_to_fix: "Name the plugin. The fix adds --network-plugin azure --network-plugin-mode \
        overlay, what AKS would pick on Kubernetes 1.30 and later.",
    source: "azure-cli azure/cli/command_modules/acs/managed_cluster_decorator.py (the message \
        quoted).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports `--network-policy` without `--network-plugin` on create; the command's fix names
/// Azure CNI Overlay.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    if !network_policy_needs_plugin(command) {
        return;
    }
    let Some(option) = command.get(NEEDS_PLUGIN) else {
        return;
    };
    out.report(Draft { rule: RuleId::AksPluginRequired, severity: Severity::Error, at: (option.name_start, option.name_end), message: format!("{} without --network-plugin: azure-cli stops with \"Please explicitly specify the network plugin type\"", option.name), why: String::from("A network policy engine runs on a plugin, so azure-cli wants --network-plugin named. Without one AKS would pick Azure CNI Overlay (Kubernetes 1.30 and later), which the fix names. Source: azure-cli acs managed_cluster_decorator."), fix: facts.fix_if(true) });
}
