//! `aks/vnet-reserved-range`: A VNet range from the context overlaps a range AKS reserves.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/vnet-reserved-range",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A VNet range from the context overlaps a range AKS reserves.",
    what: "A vnet-cidr given in the context that overlaps 169.254.0.0/16, 172.30.0.0/16, \
        172.31.0.0/16 or 192.0.2.0/24.",
    why: "AKS refuses clusters whose VNet or subnet overlaps a range it reserves.",
    how_to_fix: "Re-address the VNet or subnet. No fix from the command: it does not set the \
        VNet's range.",
    source: "AKS docs, networking limitations (reserved ranges).",
    fix: FixSafety::None,
    file: file!(),
};
