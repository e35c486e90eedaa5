//! `aks/network-policy`: --network-policy azure with kubenet.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/network-policy",
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
