//! `aks/dns-service-ip`: --dns-service-ip outside the service CIDR, or on an address Kubernetes
//! keeps.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::aks::ranges::{dns_problem, tenth_address, DnsProblem};
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDnsServiceIp,
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

/// Reports a DNS service IP outside the service CIDR or on an address Kubernetes keeps (fix:
/// the tenth address), or not on the tenth (info). When the service CIDR itself changes, the DNS
/// IP moves with it and is not reported.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, network, corrections) = (facts.command, facts.network, facts.corrections);
    let Some(service) = corrections.addresses.service_after() else {
        return;
    };
    let Some(option) = command.get("--dns-service-ip") else {
        return;
    };
    let Some(dns) = network.dns_ip else {
        return;
    };
    if corrections.service_cidr.is_some() {
        return;
    }
    let tenth = tenth_address(service);
    let written = command.has("--service-cidr");
    let label = if written {
        format!("--service-cidr {service}")
    } else {
        format!("the default service CIDR {service}")
    };
    let shown = option.text().unwrap_or_default();
    let problem = dns_problem(service, dns).map(|problem| match problem {
        DnsProblem::Outside => (
            format!("--dns-service-ip {shown} is outside {label}"),
            format!("CoreDNS gets its cluster IP from the service range, so the DNS service IP must lie inside it: {service} covers {}–{}. azure-cli does not check this (azure-cli#15799); the cluster fails to create or DNS never answers.", service.format_addr(service.network()), service.format_addr(service.last())),
        ),
        DnsProblem::NetworkAddress => (
            format!("--dns-service-ip {shown} is the network address of {label}"),
            String::from(
                "The network address of the service range is not assignable to a service.",
            ),
        ),
        DnsProblem::FirstAddress => (
            format!("--dns-service-ip {shown} is the first address of {label}, which belongs to the kubernetes service"),
            format!("Kubernetes gives the first address of the service range ({}) to the kubernetes.default service, so DNS cannot have it.", service.format_addr(dns.1)),
        ),
    });
    match (problem, tenth) {
        (Some((message, why)), Some(tenth)) => {
            out.report(Draft {
                rule: RuleId::AksDnsServiceIp,
                severity: Severity::Error,
                at: option.value_range(),
                message,
                why: format!("{why} AKS and kubeadm use the tenth address, here {tenth}."),
                fix: facts.fix_if(true),
            });
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
        (None, Some(tenth)) if service.format_addr(dns.1) != tenth => {
            out.report(Draft { rule: RuleId::AksDnsServiceIp, severity: Severity::Info, at: option.value_range(), message: format!("--dns-service-ip {shown} works; AKS recommends the tenth address of the service CIDR, {tenth}"), why: String::from("Any free address of the service range other than the first works; .10 is the convention AKS's defaults (10.0.0.10 in 10.0.0.0/16) and kubeadm follow, which makes clusters easier to compare."), fix: None });
        }
        _ => {}
    }
}
