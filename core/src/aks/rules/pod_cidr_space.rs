//! `aks/pod-cidr-space`: A kubenet or Overlay pod CIDR in public address space.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-space",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "A kubenet or Overlay pod CIDR in public address space.",
    what: "A kubenet or Azure CNI Overlay pod CIDR outside 10.0.0.0/8, 172.16.0.0/12, \
        192.168.0.0/16 (RFC 1918) and 100.64.0.0/10 (RFC 6598).",
    why: "AKS does not block public ranges but does not support them: pods could not reach the \
        real hosts that own those addresses.",
    how_to_fix: "Use private space; the fix chooses a free block as for aks/pod-cidr-overlap \
        (100.64.0.0/10 first).",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (pod CIDR in RFC 1918 or RFC \
        6598 space).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
