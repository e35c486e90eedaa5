//! `aks/default-plugin`: No --network-plugin on create: AKS picks the plugin by Kubernetes version.

use alloc::format;
use alloc::string::String;

use crate::aks::command::Verb;
use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDefaultPlugin,
    area: Area::Aks,
    severity: Severity::Info,
    summary: "No --network-plugin on create: AKS picks the plugin by Kubernetes version.",
    what: "az aks create without --network-plugin (and without --network-policy, which is \
        aks/plugin-required's case).",
    why: "azure-cli 2.63.0 and later send no plugin, and AKS picks Azure CNI Overlay on \
        Kubernetes 1.30 and later, kubenet below (the docs say Overlay without the version \
        condition). Overlay pods take addresses from --pod-cidr (default 10.244.0.0/16), not the \
        VNet; a cluster below 1.30 gets kubenet, which retires on 31 March 2028.",
    how_to_fix: "Write --network-plugin azure --network-plugin-mode overlay to say what the \
        cluster gets.",
    source: "azure-cli PR #29388 (2.63.0, August 2024); azure-rest-api-specs #30844 and #30845 \
        (the server's choice by Kubernetes version).",
    fix: FixSafety::None,
    file: file!(),
};

/// Says which plugin AKS picks for `az aks create` without `--network-plugin` (with
/// `--network-policy` the command fails instead: `aks/plugin-required`).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    if command.verb != Verb::Create
        || command.has("--network-plugin")
        || command.has("--network-policy")
    {
        return;
    }
    let picked = match facts.network.mode {
        Some(Mode::Kubenet) => "kubenet, because the Kubernetes version is below 1.30",
        _ => "Azure CNI Overlay (kubenet for Kubernetes below 1.30)",
    };
    out.report(Draft { rule: RuleId::AksDefaultPlugin, severity: Severity::Info, at: (command.start, command.start + 2), message: format!("no --network-plugin: AKS picks {picked}"), why: String::from("azure-cli 2.63.0 and later send no plugin when none is given; AKS picks Azure CNI Overlay on Kubernetes 1.30 and later, kubenet below. Overlay pods take addresses from --pod-cidr (default 10.244.0.0/16), not the VNet. Write --network-plugin azure --network-plugin-mode overlay to be explicit. Source: azure-cli PR #29388."), fix: None });
}
