//! `aks/kubenet-retirement`: az aks create with kubenet, which retires on 31 March 2028.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/kubenet-retirement",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "az aks create with kubenet, which retires on 31 March 2028.",
    what: "az aks create --network-plugin kubenet.",
    why: "AKS ends kubenet support on 31 March 2028 and points to Azure CNI Overlay. Kubenet \
        routes each node's /24 through a route table of at most 400 routes, so a cluster stops at \
        400 nodes; Overlay gives each node a /24 from --pod-cidr outside the VNet without a route \
        table, up to 5,000 nodes.",
    how_to_fix: "Create the cluster with --network-plugin azure --network-plugin-mode overlay. \
        The fix does this and keeps the pod CIDR when Overlay accepts it (as the in-place update \
        does), replacing only one Overlay cannot use. An existing cluster moves in place with az \
        aks update --network-plugin azure --network-plugin-mode overlay once it meets the \
        prerequisites (Kubernetes 1.27+, no network policy engine, a user-assigned managed \
        identity, no dynamic pod IP allocation, no Windows Docker pools), or blue/green; the next \
        steps give the command.",
    source: "AKS docs includes/kubenet-retirement.md and Azure/AKS#4859 (the date); \
        configure-kubenet.md (400 routes); update-azure-cni.md (the in-place update and its \
        prerequisites).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
