//! `aks/dual-stack`: --ip-families and the --pod-cidrs / --service-cidrs lists do not agree.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/dual-stack",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--ip-families and the --pod-cidrs / --service-cidrs lists do not agree.",
    what: "--ip-families other than ipv4 or ipv4,ipv6; a --pod-cidrs or --service-cidrs list \
        without exactly one block per family in the order of --ip-families; a block in a range AKS \
        reserves; an IPv6 service range larger than /108.",
    why: "AKS refuses mismatched lists and IPv6-only clusters, and Kubernetes refuses an IPv6 \
        service range larger than /108 (2^20 addresses) with \"specified \
        --service-cluster-ip-range is too large\".",
    how_to_fix: "Give one block per family, IPv4 first, e.g. AKS's defaults \
        10.244.0.0/16,fd12:3456:789a::/64 for pods and 10.0.0.0/16,fd12:3456:789a:1::/108 for \
        services. No automatic fix: the right IPv6 ranges depend on the network.",
    source: "AKS docs \"Use dual-stack networking\"; kube-apiserver's service range validation.",
    fix: FixSafety::None,
    file: file!(),
};
