//! `aks/plugin-mode`: --network-plugin-mode overlay with a plugin or flag it cannot work with.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/plugin-mode",
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
