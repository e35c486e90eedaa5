//! `aks/pod-cidr-reserved`: The pod CIDR overlaps a range AKS reserves.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-reserved",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The pod CIDR overlaps a range AKS reserves.",
    what: "A pod CIDR that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24 \
        (so 172.16.0.0/12 as a whole, too).",
    why: "AKS refuses pod ranges that overlap the ranges it reserves, often with an error that \
        does not say which range.",
    how_to_fix: "Pick another range; the fix chooses a free one as for aks/pod-cidr-overlap \
        (100.64.0.0/10 first).",
    source: "AKS docs, networking limitations of \"Azure CNI Overlay\" and \"Configure kubenet\" \
        (reserved ranges).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
