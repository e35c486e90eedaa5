//! Rules on the network plugin, its mode, the dataplane and the network policy.
//!
//! - `aks/default-plugin` (info): no `--network-plugin` on create: azure-cli (≥ 2.63.0) sends none
//!   and AKS picks Azure CNI Overlay on Kubernetes ≥ 1.30, kubenet below.
//! - `aks/plugin-required` (error): `--network-policy` without `--network-plugin`: azure-cli stops
//!   with "Please explicitly specify the network plugin type" (pod and service ranges and the DNS
//!   IP alone no longer need a plugin). Fix: `--network-plugin azure --network-plugin-mode overlay`.
//! - `aks/pod-cidr-needs-overlay` (error): `--pod-cidr` with plain `azure` (node subnet mode):
//!   azure-cli stops with "Please specify network plugin mode `overlay` when using --pod-cidr or use
//!   network plugin `kubenet`. …". Fix: add `--network-plugin-mode overlay`.
//! - `aks/plugin-mode` (error): overlay mode with `kubenet` or `none`, or with `--pod-subnet-id`.
//! - `aks/dataplane-plugin` (error): `--network-dataplane cilium` needs `--network-plugin azure`
//!   (Overlay, pod subnet or node subnet).
//! - `aks/dataplane-policy` (error): the cilium dataplane enforces policy itself
//!   (`--network-policy cilium` or none); `--network-policy cilium` needs the cilium dataplane.
//! - `aks/network-policy` (error): `--network-policy azure` (Azure Network Policy Manager) needs
//!   Azure CNI, not kubenet.
//!
//! Source: azure-cli `acs/managed_cluster_decorator.py` (client-side messages quoted above); AKS
//! docs "Azure CNI Overlay", "Azure CNI Powered by Cilium", "Network policies".

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use super::command::{AksCommand, Verb};
use super::network::{Mode, Network, Plugin};
use super::{Changes, Out};
use crate::finding::Severity;

/// The flag azure-cli refuses without an explicit `--network-plugin` (acs
/// managed_cluster_decorator: only a network policy needs one).
const NEEDS_PLUGIN: &str = "--network-policy";

/// Runs the plugin, mode, dataplane and policy rules.
pub fn check(command: &AksCommand, network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
    default_plugin(command, network, out, changes);
    pod_cidr_needs_overlay(command, network, out, changes);
    plugin_mode(command, network, out, changes);
    dataplane(command, network, out, changes);
    policy(command, network, out, changes);
}

fn default_plugin(
    command: &AksCommand,
    network: &Network,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
    if command.verb != Verb::Create || command.has("--network-plugin") {
        return;
    }
    if let Some(option) = command.get(NEEDS_PLUGIN) {
        let at = out.report(Draft { rule: RuleId::AksPluginRequired, severity: Severity::Error, at: (option.name_start, option.name_end), message: format!("{} without --network-plugin: azure-cli stops with \"Please explicitly specify the network plugin type\"", option.name), why: String::from("A network policy engine runs on a plugin, so azure-cli wants --network-plugin named. Without one AKS would pick Azure CNI Overlay (Kubernetes 1.30 and later), which the fix names. Source: azure-cli acs managed_cluster_decorator."), fix: None });
        changes.plugin = Some("azure");
        changes.add_overlay_mode = true;
        changes.resolve(at);
        return;
    }
    let picked = match network.mode {
        Some(Mode::Kubenet) => "kubenet, because the Kubernetes version is below 1.30",
        _ => "Azure CNI Overlay (kubenet for Kubernetes below 1.30)",
    };
    out.report(Draft { rule: RuleId::AksDefaultPlugin, severity: Severity::Info, at: (command.start, command.start + 2), message: format!("no --network-plugin: AKS picks {picked}"), why: String::from("azure-cli 2.63.0 and later send no plugin when none is given; AKS picks Azure CNI Overlay on Kubernetes 1.30 and later, kubenet below. Overlay pods take addresses from --pod-cidr (default 10.244.0.0/16), not the VNet. Write --network-plugin azure --network-plugin-mode overlay to be explicit. Source: azure-cli PR #29388."), fix: None });
}

fn pod_cidr_needs_overlay(
    command: &AksCommand,
    network: &Network,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
    if network.plugin != Some(Plugin::Azure)
        || network.overlay
        || command.has("--network-plugin-mode")
    {
        return;
    }
    let Some(option) = command.get("--pod-cidr") else {
        return;
    };
    if command.has("--pod-subnet-id") {
        return;
    }
    let at = out.report(Draft { rule: RuleId::AksPodCidrNeedsOverlay, severity: Severity::Error, at: (option.name_start, option.name_end), message: String::from("--pod-cidr with --network-plugin azure needs --network-plugin-mode overlay: azure-cli stops with \"Please specify network plugin mode `overlay` when using --pod-cidr or use network plugin `kubenet`. For more information about Azure CNI Overlay please see https://aka.ms/aks/azure-cni-overlay\""), why: String::from("Plain Azure CNI (node subnet mode) gives pods VNet addresses, so a pod CIDR means nothing to it and azure-cli refuses the command. With --network-plugin-mode overlay pods take a /24 per node from --pod-cidr. Source: azure-cli acs managed_cluster_decorator; AKS docs \"Azure CNI Overlay\"."), fix: None });
    changes.add_overlay_mode = true;
    if changes.plugin.is_none() {
        changes.plugin = Some("azure");
    }
    changes.resolve(at);
}

fn plugin_mode(command: &AksCommand, network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
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
        let at = out.report(Draft { rule: RuleId::AksPluginMode, severity: Severity::Error, at: option.value_range(), message: format!("--network-plugin-mode overlay works only with --network-plugin azure, not {plugin}"), why: String::from("Overlay is a mode of Azure CNI: AKS rejects it with any other plugin. Source: AKS docs \"Azure CNI Overlay\"."), fix: None });
        if network.plugin == Some(Plugin::Kubenet) {
            // The kubenet migration sets the plugin to azure, which this mode was written for.
            changes.plugin = Some("azure");
            changes.resolve(at);
        }
    }
    if let Some(subnet) = command.get("--pod-subnet-id") {
        out.report(Draft { rule: RuleId::AksPluginMode, severity: Severity::Error, at: (subnet.name_start, subnet.name_end), message: String::from("--pod-subnet-id cannot be used with --network-plugin-mode overlay"), why: String::from("Overlay pods take addresses from --pod-cidr, outside the VNet; a pod subnet belongs to Azure CNI pod subnet mode (dynamic IP allocation). Use one or the other. Source: AKS docs \"Azure CNI Overlay\"."), fix: None });
    }
}

/// True when the kubenet migration (see `kubenet`) will turn this command into Azure CNI Overlay.
fn migrates_from_kubenet(command: &AksCommand, network: &Network) -> bool {
    network.plugin == Some(Plugin::Kubenet) && command.verb == Verb::Create
}

fn dataplane(command: &AksCommand, network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
    let cilium = network.dataplane.as_deref() == Some("cilium");
    if cilium {
        let Some(option) = command.get("--network-dataplane") else {
            return;
        };
        if matches!(network.plugin, Some(Plugin::Kubenet | Plugin::None)) {
            let at = out.report(Draft { rule: RuleId::AksDataplanePlugin, severity: Severity::Error, at: option.value_range(), message: String::from("--network-dataplane cilium needs --network-plugin azure"), why: String::from("Azure CNI Powered by Cilium runs on Azure CNI (Overlay, pod subnet, or node subnet with azure-cli 2.69.0 and later); AKS rejects it with kubenet or with no CNI, and a kubenet cluster moves to Overlay first. Source: AKS docs \"Azure CNI Powered by Cilium\", \"Upgrade Azure CNI\"."), fix: None });
            if migrates_from_kubenet(command, network) {
                changes.resolve(at);
            }
        }
        if let Some(policy) = command.get("--network-policy") {
            if matches!(network.policy.as_deref(), Some("azure" | "calico")) {
                out.report(Draft { rule: RuleId::AksDataplanePolicy, severity: Severity::Error, at: policy.value_range(), message: format!("--network-policy {} cannot run on the cilium dataplane; use --network-policy cilium", network.policy.as_deref().unwrap_or_default()), why: String::from("With --network-dataplane cilium, Cilium enforces network policy itself (azure-cli sets --network-policy cilium when none is given); AKS rejects Azure Network Policy Manager or Calico on it. Source: AKS docs \"Azure CNI Powered by Cilium\"."), fix: None });
            }
        }
    } else if network.policy.as_deref() == Some("cilium") {
        if let Some(policy) = command.get("--network-policy") {
            out.report(Draft { rule: RuleId::AksDataplanePolicy, severity: Severity::Error, at: policy.value_range(), message: String::from("--network-policy cilium needs --network-dataplane cilium"), why: String::from("Cilium policy enforcement comes with the Cilium dataplane (Azure CNI Powered by Cilium); add --network-dataplane cilium, or choose another policy engine. Source: AKS docs \"Azure CNI Powered by Cilium\"."), fix: None });
        }
    }
}

fn policy(command: &AksCommand, network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
    let Some(option) = command.get("--network-policy") else {
        return;
    };
    if network.policy.as_deref() == Some("azure") && network.mode == Some(Mode::Kubenet) {
        let at = out.report(Draft { rule: RuleId::AksNetworkPolicy, severity: Severity::Error, at: option.value_range(), message: String::from("--network-policy azure needs Azure CNI; with kubenet use calico"), why: String::from("Azure Network Policy Manager works only with Azure CNI; on kubenet AKS supports Calico. Source: AKS docs \"Secure traffic between pods by using network policies\"."), fix: None });
        if migrates_from_kubenet(command, network) {
            changes.resolve(at);
        }
    }
}
