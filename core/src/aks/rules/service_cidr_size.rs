//! `aks/service-cidr-size`: An IPv4 service CIDR larger than /12, or smaller than /29.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/service-cidr-size",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "An IPv4 service CIDR larger than /12, or smaller than /29.",
    what: "--service-cidr larger than /12 or with fewer than 8 addresses (an error), or exactly a \
        /12 (a warning).",
    why: "AKS asks for a service range smaller than /12 (2^20 = 1,048,576 addresses), and \
        kube-apiserver up to Kubernetes 1.33 refuses a larger one with \"specified \
        --service-cluster-ip-range is too large\". A range needs at least 8 addresses: the first \
        goes to the kubernetes service and one to DNS. Few clusters need more than a /16 (65,536 \
        services).",
    how_to_fix: "Use a /16 or similar. For a range that must change the fix picks one as for \
        aks/service-cidr-overlap (10.0.0.0/16 first) and moves the DNS IP with it; an exact /12 \
        keeps its value.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (service CIDR smaller than \
        /12); kube-apiserver's service range validation (at most a /12, up to Kubernetes 1.33).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
