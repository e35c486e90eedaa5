//! Rules on the service CIDR's size and the DNS service IP.
//!
//! - `aks/service-cidr-size` (error): an IPv4 service CIDR larger than /12 (AKS asks for smaller
//!   than /12; kube-apiserver up to 1.33 refuses "--service-cluster-ip-range is too large") or with
//!   fewer than 8 addresses (longer than /29); (warning) exactly a /12.
//! - `aks/dns-service-ip` (error): `--dns-service-ip` outside the service CIDR (azure-cli does not
//!   check this, azure-cli#15799), equal to its network address, or equal to its first address
//!   (which Kubernetes gives to the `kubernetes` service); (info) any address but the .10 AKS and
//!   kubeadm use.
//!
//! Why it matters: the API server or CoreDNS cannot start, and the cluster never becomes ready.
//! Fix: the service CIDR is replaced by the address rules; the DNS IP moves to the tenth address
//! of the service CIDR.
//! Source: AKS docs "Configure Azure CNI Overlay" (service CIDR, DNS service IP); kube-apiserver
//! service range validation.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use super::addresses::Decisions;
use super::command::AksCommand;
use super::network::Network;
use super::{Changes, Out};
use crate::finding::Severity;
use crate::net::{Cidr, IpFamily};

/// Runs the service CIDR size and DNS service IP rules.
pub fn check(
    command: &AksCommand,
    network: &Network,
    decisions: &Decisions,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
    if let Some(service) = network.service_cidr {
        size(command, service, out, changes);
    }
    dns(command, network, decisions, out, changes);
}

fn size(command: &AksCommand, service: Cidr, out: &mut Out<'_>, changes: &mut Changes) {
    if service.family != IpFamily::V4 {
        return;
    }
    let Some(option) = command.get("--service-cidr") else {
        return;
    };
    let (severity, message, why) = if service.prefix < 12 {
        (
            Severity::Error,
            format!("--service-cidr {service} is larger than /12"),
            format!("{service} holds 2^(32 − {}) = {} addresses. AKS asks for a service range smaller than a /12 (2^20 = 1,048,576 addresses), and kube-apiserver up to Kubernetes 1.33 refuses a larger one with \"specified --service-cluster-ip-range is too large\".", service.prefix, service.size()),
        )
    } else if service.prefix == 12 {
        (
            Severity::Warning,
            format!("--service-cidr {service} is a /12, the largest range Kubernetes accepts; AKS docs ask for smaller than /12"),
            format!("{service} holds 2^20 = 1,048,576 addresses. kube-apiserver accepts a /12 (its limit up to Kubernetes 1.33), but the AKS docs ask for a service range smaller than /12, so a /13 or longer stays clear of doubt; few clusters need more than 65,536 services (a /16)."),
        )
    } else if service.prefix > 29 {
        (
            Severity::Error,
            format!("--service-cidr {service} has only {} addresses; at least 8 are needed", service.size()),
            format!("{service} holds 2^(32 − {}) = {} addresses; a service range needs at least 8 (a /29): the first goes to the kubernetes service and one to DNS.", service.prefix, service.size()),
        )
    } else {
        return;
    };
    let at = out.report(Draft {
        rule: RuleId::AksServiceCidrSize,
        severity,
        at: option.value_range(),
        message,
        why,
        fix: None,
    });
    if changes.service_cidr.is_some() {
        changes.resolve(at);
    }
}

fn dns(
    command: &AksCommand,
    network: &Network,
    decisions: &Decisions,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
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
