//! `aks/service-cidr-overlap`: The service CIDR overlaps the VNet or a range to avoid.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/service-cidr-overlap",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The service CIDR overlaps the VNet or a range to avoid.",
    what: "A service CIDR (written, or AKS's default 10.0.0.0/16) that overlaps a VNet or subnet \
        range or a range to avoid from the context.",
    why: "Services live outside the VNet: AKS refuses an overlap with the VNet \
        (ServiceCidrOverlapExistingSubnetsCidr). An overlap with a range to avoid makes that \
        network unreachable from pods, because traffic to it goes to a service instead.",
    how_to_fix: "Pick a free range: the fix sets AKS's default 10.0.0.0/16 when it is free, else \
        the first free /16 in RFC 1918, then RFC 6598 space, and moves --dns-service-ip to its \
        tenth address. Dual-stack --service-cidrs lists are not rewritten.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (service CIDR); \
        ServiceCidrOverlapExistingSubnetsCidr, the AKS error users quote.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
