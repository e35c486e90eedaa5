//! `aks/dns-service-ip`: --dns-service-ip outside the service CIDR, or on an address Kubernetes
//! keeps.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/dns-service-ip",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--dns-service-ip outside the service CIDR, or on an address Kubernetes keeps.",
    what: "A DNS service IP outside the service CIDR (written, or AKS's default 10.0.0.0/16), \
        equal to its network address or to its first address (an error); any address but the tenth \
        (info).",
    why: "CoreDNS takes its cluster IP from the service range, and Kubernetes gives the first \
        address to the kubernetes.default service. azure-cli does not check this \
        (azure-cli#15799): the cluster fails to create, or DNS never answers. The tenth address \
        (10.0.0.10 in 10.0.0.0/16) is the convention AKS's defaults and kubeadm follow.",
    how_to_fix: "Use the tenth address of the service CIDR; the fix sets it. When the service \
        CIDR itself must change, the fix moves the DNS IP with it (one decision for both).",
    source: "azure-cli#15799 (the check azure-cli does not make); AKS docs \"Azure CNI Overlay\" \
        (service CIDR and DNS service IP); Kubernetes' service IP allocation (the first address is \
        kubernetes.default's).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};
