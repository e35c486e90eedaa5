//! `aks/plugin-required`: --network-policy without --network-plugin, which azure-cli refuses.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/plugin-required",
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
