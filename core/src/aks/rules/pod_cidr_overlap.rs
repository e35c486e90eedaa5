//! `aks/pod-cidr-overlap`: The pod CIDR overlaps the VNet, a range to avoid, or the service CIDR.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-overlap",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The pod CIDR overlaps the VNet, a range to avoid, or the service CIDR.",
    what: "A pod CIDR (written, or AKS's default 10.244.0.0/16 for kubenet and Overlay) that \
        overlaps a VNet or subnet range or a range to avoid from the context, or the service CIDR.",
    why: "AKS refuses a pod CIDR that overlaps the VNet (NetworkProfileCIDROverlapVNET) or the \
        service CIDR. One that overlaps on-premises, peered or VPN networks is accepted, but pods \
        cannot reach hosts there, because those addresses look local to the cluster.",
    how_to_fix: "Pick a pod range that overlaps nothing: the fix sets 100.64.0.0/10 (RFC 6598) \
        when it is free, else the first free RFC 6598 or RFC 1918 block of the size the nodes \
        need. Dual-stack --pod-cidrs lists are not rewritten.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (pod CIDR rules); \
        NetworkProfileCIDROverlapVNET, the AKS error users quote.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
