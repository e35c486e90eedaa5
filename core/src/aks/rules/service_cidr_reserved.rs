//! `aks/service-cidr-reserved`: The service CIDR overlaps a range AKS reserves.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/service-cidr-reserved",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The service CIDR overlaps a range AKS reserves.",
    what: "A service CIDR that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or \
        192.0.2.0/24.",
    why: "AKS refuses it, and the error it gives is often unclear (Azure/AKS#2234: a service CIDR \
        in 172.30.0.0/16).",
    how_to_fix: "Pick another range; the fix chooses one as for aks/service-cidr-overlap and \
        moves the DNS IP with it.",
    source: "AKS docs, networking limitations (reserved ranges); Azure/AKS#2234.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
