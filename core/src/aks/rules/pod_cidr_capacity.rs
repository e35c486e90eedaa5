//! `aks/pod-cidr-capacity`: The pod CIDR holds fewer /24 node ranges than the nodes need.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-capacity",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "The pod CIDR holds fewer /24 node ranges than the nodes need.",
    what: "With kubenet or Azure CNI Overlay each node takes a /24 from --pod-cidr (default \
        10.244.0.0/16), so the pod CIDR holds 2^(24 − prefix) nodes. An error when the nodes (the \
        largest of --node-count, --max-count and the context's target) do not fit, a warning above \
        75%.",
    why: "Node N+1 gets no /24 and its pods stay in ContainerCreating: a /16 fills at 256 nodes. \
        A node's /24 is also a hard ceiling of 253 pod addresses.",
    how_to_fix: "Use a wider pod CIDR. The fix widens the written one when the wider block is \
        free and private, else picks a free block of the size the nodes need (100.64.0.0/10 \
        first).",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) and \"Configure kubenet\" \
        (configure-kubenet.md): a /24 per node from the pod CIDR.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
