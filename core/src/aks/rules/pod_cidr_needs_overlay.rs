//! `aks/pod-cidr-needs-overlay`: --pod-cidr with plain Azure CNI, which azure-cli refuses.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-needs-overlay",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--pod-cidr with plain Azure CNI, which azure-cli refuses.",
    what: "--pod-cidr with --network-plugin azure and neither --network-plugin-mode nor \
        --pod-subnet-id.",
    why: "Plain Azure CNI (node subnet mode) gives pods VNet addresses, so a pod CIDR means \
        nothing to it, and azure-cli stops with \"Please specify network plugin mode `overlay` \
        when using --pod-cidr or use network plugin `kubenet`.\"",
    how_to_fix: "Add --network-plugin-mode overlay, so that pods take a /24 per node from \
        --pod-cidr (the fix does this), or drop --pod-cidr to keep node subnet mode.",
    source: "azure-cli azure/cli/command_modules/acs/managed_cluster_decorator.py (the message \
        quoted); AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
