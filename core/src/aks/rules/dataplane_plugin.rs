//! `aks/dataplane-plugin`: --network-dataplane cilium without Azure CNI.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/dataplane-plugin",
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
