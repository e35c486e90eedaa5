//! `aks/service-cidr-size`: An IPv4 service CIDR larger than /12, or smaller than /29.

use alloc::format;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksServiceCidrSize,
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

/// Reports an IPv4 `--service-cidr` larger than /12 or smaller than /29 (and warns at /12);
/// resolved when the command's fix sets another service CIDR.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let Some(service) = facts.network.service_cidr else {
        return;
    };
    if service.family() != IpFamily::V4 {
        return;
    }
    let Some(option) = facts.command.get("--service-cidr") else {
        return;
    };
    let (severity, message, why) = if service.prefix() < 12 {
        (
            Severity::Error,
            format!("--service-cidr {service} is larger than /12"),
            format!("{service} holds 2^(32 − {}) = {} addresses. AKS asks for a service range smaller than a /12 (2^20 = 1,048,576 addresses), and kube-apiserver up to Kubernetes 1.33 refuses a larger one with \"specified --service-cluster-ip-range is too large\".", service.prefix(), service.size()),
        )
    } else if service.prefix() == 12 {
        (
            Severity::Warning,
            format!("--service-cidr {service} is a /12, the largest range Kubernetes accepts; AKS docs ask for smaller than /12"),
            format!("{service} holds 2^20 = 1,048,576 addresses. kube-apiserver accepts a /12 (its limit up to Kubernetes 1.33), but the AKS docs ask for a service range smaller than /12, so a /13 or longer stays clear of doubt; few clusters need more than 65,536 services (a /16)."),
        )
    } else if service.prefix() > 29 {
        (
            Severity::Error,
            format!("--service-cidr {service} has only {} addresses; at least 8 are needed", service.size()),
            format!("{service} holds 2^(32 − {}) = {} addresses; a service range needs at least 8 (a /29): the first goes to the kubernetes service and one to DNS.", service.prefix(), service.size()),
        )
    } else {
        return;
    };
    out.report(Draft {
        rule: RuleId::AksServiceCidrSize,
        severity,
        at: option.value_range(),
        message,
        why,
        fix: facts.fix_if(facts.corrections.service_cidr.is_some()),
    });
}
