//! `aks/dns-service-ip`: --dns-service-ip outside the service CIDR, or on an address Kubernetes
//! keeps.

use alloc::format;
use alloc::string::String;

use crate::aks::addresses::Decisions;
use crate::aks::{Changes, Facts, Out};
use crate::emit::Draft;
use crate::finding::Severity;
use crate::net::IpFamily;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

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

/// Moves the DNS service IP with a new service CIDR, or reports one outside the service CIDR or
/// on an address Kubernetes keeps (fix: the tenth address), or not on the tenth (info).
pub fn check(facts: &Facts<'_>, decisions: &Decisions, out: &mut Out<'_>, changes: &mut Changes) {
    let (command, network) = (facts.command, facts.network);
    let Some(service) = decisions.service_after() else {
        return;
    };
    let tenth = (service.family == IpFamily::V4 && service.size() > 10)
        .then(|| service.format_addr(service.network() + 10));
    if let Some(new_service) = changes.service_cidr {
        // The service range moves: the DNS IP moves with it unless it is already a good address
        // of the new range.
        let still_good = network.dns_ip.is_some_and(|(family, address)| {
            family == new_service.family
                && new_service.contains_addr(address)
                && address > new_service.network() + 1
        });
        if new_service.family == IpFamily::V4 && !still_good {
            changes.dns_ip = Some(new_service.format_addr(new_service.network() + 10));
        }
    }
    let Some(option) = command.get("--dns-service-ip") else {
        return;
    };
    let Some((family, address)) = network.dns_ip else {
        return;
    };
    if changes.service_cidr.is_some() {
        return;
    }
    let written = command.has("--service-cidr");
    let label = if written {
        format!("--service-cidr {service}")
    } else {
        format!("the default service CIDR {service}")
    };
    let problem = if family != service.family || !service.contains_addr(address) {
        Some((
            format!("--dns-service-ip {} is outside {label}", option.text().unwrap_or_default()),
            format!("CoreDNS gets its cluster IP from the service range, so the DNS service IP must lie inside it: {service} covers {}–{}. azure-cli does not check this (azure-cli#15799); the cluster fails to create or DNS never answers.", service.format_addr(service.network()), service.format_addr(service.last())),
        ))
    } else if address == service.network() {
        Some((
            format!(
                "--dns-service-ip {} is the network address of {label}",
                option.text().unwrap_or_default()
            ),
            String::from(
                "The network address of the service range is not assignable to a service.",
            ),
        ))
    } else if address == service.network() + 1 {
        Some((
            format!("--dns-service-ip {} is the first address of {label}, which belongs to the kubernetes service", option.text().unwrap_or_default()),
            format!("Kubernetes gives the first address of the service range ({}) to the kubernetes.default service, so DNS cannot have it.", service.format_addr(address)),
        ))
    } else {
        None
    };
    match (problem, tenth) {
        (Some((message, why)), Some(tenth)) => {
            let at = out.report(Draft {
                rule: RuleId::AksDnsServiceIp,
                severity: Severity::Error,
                at: option.value_range(),
                message,
                why: format!("{why} AKS and kubeadm use the tenth address, here {tenth}."),
                fix: None,
            });
            changes.dns_ip = Some(tenth);
            changes.resolve(at);
        }
        (Some((message, why)), None) => {
            out.report(Draft {
                rule: RuleId::AksDnsServiceIp,
                severity: Severity::Error,
                at: option.value_range(),
                message,
                why,
                fix: None,
            });
        }
        (None, Some(tenth)) if service.format_addr(address) != tenth => {
            out.report(Draft { rule: RuleId::AksDnsServiceIp, severity: Severity::Info, at: option.value_range(), message: format!("--dns-service-ip {} works; AKS recommends the tenth address of the service CIDR, {tenth}", option.text().unwrap_or_default()), why: String::from("Any free address of the service range other than the first works; .10 is the convention AKS's defaults (10.0.0.10 in 10.0.0.0/16) and kubeadm follow, which makes clusters easier to compare."), fix: None });
        }
        _ => {}
    }
}
