//! `aks/node-limit`: More nodes than the network mode supports.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/node-limit",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "More nodes than the network mode supports.",
    what: "A node count (the largest of --node-count, --max-count and the context's target) above \
        400 with kubenet or above 5,000 with Azure CNI Overlay.",
    why: "Kubenet routes each node's /24 through a user-defined route, and a route table holds \
        400 routes, so scale-out stops at node 400. Azure CNI Overlay supports up to 5,000 nodes \
        per cluster. AKS refuses the cluster, or scale-out fails at the limit.",
    how_to_fix: "Plan fewer nodes, or move kubenet to Azure CNI Overlay: on az aks create the \
        kubenet migration's fix (aks/kubenet-retirement) does this, and this finding carries it \
        when the nodes fit Overlay's 5,000.",
    source: "AKS docs configure-kubenet.md (400 routes) and \"Azure CNI Overlay\" (5,000 nodes).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
