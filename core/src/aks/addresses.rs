//! Address rules for the pod and service ranges, and the choice of replacements.
//!
//! - `aks/pod-cidr-reserved`, `aks/service-cidr-reserved`, `aks/vnet-reserved-range` (error): the
//!   pod or service range, or a VNet range from the context, overlaps a range AKS reserves
//!   (169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24).
//! - `aks/pod-cidr-overlap` (error): the pod CIDR overlaps the VNet/subnet (AKS:
//!   `NetworkProfileCIDROverlapVNET`), a range to avoid, or the service CIDR.
//! - `aks/service-cidr-overlap` (error): the service CIDR overlaps the VNet/subnet (AKS:
//!   `ServiceCidrOverlapExistingSubnetsCidr`) or a range to avoid.
//! - `aks/pod-cidr-space` (warning): an overlay or kubenet pod CIDR outside RFC 1918 and RFC 6598
//!   space.
//!
//! Why it matters: AKS refuses overlapping or reserved ranges; a pod range that overlaps on-prem or
//! peered networks makes those networks unreachable from pods.
//! Fix: a replacement range from [`super::choose`] that overlaps nothing known: for pods
//! 100.64.0.0/10 when free, else the smallest fitting free RFC 6598/RFC 1918 block; for services
//! 10.0.0.0/16 when free, else a free /16 (with `--dns-service-ip` moved to its .10).
//! Source: AKS docs "Azure CNI Overlay" (pod CIDR rules), "Configure kubenet" (reserved ranges).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::choose;
use super::command::{AksCommand, Verb};
use super::network::{Mode, Network};
use super::reserved;
use super::{Changes, Out};
use crate::context::Context;
use crate::finding::Severity;
use crate::net::{private_ranges, Cidr};
use crate::plan;

/// What the address rules decided, for the rules that run after them.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// The pod CIDR that applies as written (or AKS's default), when the mode uses one.
    pub pod_before: Option<Cidr>,
    /// The replacement pod CIDR, when one is needed.
    pub pod_replacement: Option<Cidr>,
    /// The service CIDR that applies as written (or AKS's default).
    pub service_before: Option<Cidr>,
    /// The replacement service CIDR, when one is needed.
    pub service_replacement: Option<Cidr>,
    /// The nodes the cluster must hold.
    pub nodes: u32,
    /// Ranges the replacement pod CIDR had to avoid, each with what it is.
    pub taken_for_pod: Vec<(Cidr, &'static str)>,
}

impl Decisions {
    /// The service CIDR once the fix is applied.
    pub fn service_after(&self) -> Option<Cidr> {
        self.service_replacement.or(self.service_before)
    }
}

/// Runs the address rules and decides replacements.
pub fn check(
    command: &AksCommand,
    network: &Network,
    context: &Context,
    out: &mut Out<'_>,
    changes: &mut Changes,
) -> Decisions {
    let mode_after = if changes.add_overlay_mode
        || network.mode == Some(Mode::Kubenet) && command.verb == Verb::Create
    {
        Some(Mode::Overlay)
    } else {
        network.mode
    };
    let uses_pod_cidr = mode_after.is_some_and(Mode::uses_pod_cidr)
        || network.mode.is_some_and(Mode::uses_pod_cidr);
    let mut decisions = Decisions {
        pod_before: if uses_pod_cidr {
            network.effective_pod_cidr(command.verb)
        } else {
            None
        },
        service_before: network.effective_service_cidr(command.verb),
        nodes: network
            .nodes(command.verb, context)
            .unwrap_or(super::network::DEFAULT_NODE_COUNT),
        ..Decisions::default()
    };
    check_vnet(command, context, out);
    let mut service_findings = Vec::new();
    let service_bad = decisions.service_before.is_some_and(|service| {
        check_service(command, service, context, out, &mut service_findings)
    });
    if let Some(pod) = decisions.pod_before {
        let service = decisions.service_before.filter(|_| !service_bad);
        let mut pod_findings = Vec::new();
        let pod_bad = check_pod(
            command,
            pod,
            service,
            context,
            mode_after,
            out,
            &mut pod_findings,
        );
        let short = network.nodes(command.verb, context).is_some()
            && u128::from(decisions.nodes) * 100
                > pod.subnet_count(24) * plan::MAX_UTILIZATION_PERCENT;
        let mut labelled: Vec<(Cidr, &'static str)> =
            context.vnet.iter().map(|c| (*c, "VNet")).collect();
        labelled.extend(context.avoid.iter().map(|c| (*c, "avoid")));
        labelled.extend(service.map(|c| (c, "service CIDR")));
        let taken: Vec<Cidr> = labelled.iter().map(|(c, _)| *c).collect();
        decisions.taken_for_pod = labelled;
        if network.pod_cidr.is_none() && !network.pod_cidrs.is_empty() {
            // Dual-stack lists are not rewritten: the findings stand without a fix.
        } else if pod_bad {
            decisions.pod_replacement = choose::pod_cidr(decisions.nodes, &taken);
        } else if short {
            decisions.pod_replacement =
                plan::widen_for_nodes(pod, 24, decisions.nodes, false, &taken)
                    .filter(|wider| reserved::hit(wider).is_none() && is_private(wider))
                    .or_else(|| choose::pod_cidr(decisions.nodes, &taken));
        }
        if let Some(new) = decisions.pod_replacement {
            changes.pod_cidr = Some(new);
            let why = choice_reason(
                "pod",
                new,
                choose::PREFERRED_POD_CIDR,
                &decisions.taken_for_pod,
            );
            for at in pod_findings {
                out.explain_more(at, &why);
                changes.resolve(at);
            }
        }
    }
    let pod_after = decisions.pod_replacement.or(decisions.pod_before);
    let service_rewritable = network.service_cidr.is_some() || network.service_cidrs.is_empty();
    if service_bad && service_rewritable {
        let mut taken: Vec<Cidr> = context.vnet.iter().chain(&context.avoid).copied().collect();
        taken.extend(pod_after);
        decisions.service_replacement = choose::service_cidr(&taken);
        if let Some(new) = decisions.service_replacement {
            changes.service_cidr = Some(new);
            let labelled: Vec<(Cidr, &'static str)> = context
                .vnet
                .iter()
                .map(|c| (*c, "VNet"))
                .chain(context.avoid.iter().map(|c| (*c, "avoid")))
                .chain(pod_after.map(|c| (c, "pod CIDR")))
                .collect();
            let why = choice_reason(
                "service",
                new,
                super::network::DEFAULT_SERVICE_CIDR,
                &labelled,
            );
            for at in service_findings {
                out.explain_more(at, &why);
                changes.resolve(at);
            }
        }
    }
    decisions
}

/// The text range a finding about `name` points at: its value when written, else `az aks create`.
fn range_of(command: &AksCommand, name: &str) -> ((usize, usize), bool) {
    match command.get(name) {
        Some(option) => (option.value_range(), true),
        None => ((command.start, command.start + 2), false),
    }
}

fn is_private(block: &Cidr) -> bool {
    private_ranges()
        .iter()
        .any(|range| range.cidr.contains(block))
}

fn check_vnet(command: &AksCommand, context: &Context, out: &mut Out<'_>) {
    for vnet in &context.vnet {
        if let Some(hit) = reserved::hit(vnet) {
            out.report(Draft { rule: RuleId::AksVnetReservedRange, severity: Severity::Error, at: (command.start, command.start + 2), message: format!("the VNet range {vnet} (from the context) overlaps {}, {}", hit.cidr, hit.name), why: format!("AKS refuses clusters whose VNet or subnet overlaps {}, which it reserves (169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24). The VNet cannot be changed from this command: re-address the subnet. Source: AKS docs, networking limitations.", hit.cidr), fix: None });
        }
    }
}

/// Checks the service CIDR's ranges; returns true when it must change. Finding positions go to
/// `found`.
fn check_service(
    command: &AksCommand,
    service: Cidr,
    context: &Context,
    out: &mut Out<'_>,
    found: &mut Vec<usize>,
) -> bool {
    let (range, written) = range_of(command, "--service-cidr");
    let label = if written {
        format!("--service-cidr {service}")
    } else {
        format!("the default service CIDR {service}")
    };
    let mut bad = false;
    if let Some(hit) = reserved::hit(&service) {
        bad = true;
        found.push(out.report(Draft { rule: RuleId::AksServiceCidrReserved, severity: Severity::Error, at: range, message: format!("{label} overlaps {}, {}", hit.cidr, hit.name), why: format!("AKS reserves 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 and refuses service ranges that overlap them ({service} covers {}–{} and {} covers {}–{}); the error it gives is often unclear (Azure/AKS#2234). Source: AKS docs, networking limitations.", service.format_addr(service.network()), service.format_addr(service.last()), hit.cidr, hit.cidr.format_addr(hit.cidr.network()), hit.cidr.format_addr(hit.cidr.last())), fix: None }));
    }
    for vnet in &context.vnet {
        if vnet.overlaps(&service) {
            bad = true;
            found.push(out.report(Draft { rule: RuleId::AksServiceCidrOverlap, severity: Severity::Error, at: range, message: format!("{label} overlaps the VNet range {vnet}"), why: format!("Services live outside the VNet: AKS refuses a service CIDR that overlaps the cluster's VNet or subnet with ServiceCidrOverlapExistingSubnetsCidr. {service} and {vnet} share {}.", shared(&service, vnet)), fix: None }));
        }
    }
    for avoid in &context.avoid {
        if avoid.overlaps(&service) {
            bad = true;
            found.push(out.report(Draft { rule: RuleId::AksServiceCidrOverlap, severity: Severity::Error, at: range, message: format!("{label} overlaps {avoid}, a range to avoid"), why: format!("{service} and {avoid} share {}: pods could not reach that network, because traffic to it would go to a service instead.", shared(&service, avoid)), fix: None }));
        }
    }
    bad || !(12..=29).contains(&service.prefix) && service.family == crate::net::IpFamily::V4
}

/// Checks the pod CIDR's ranges; returns true when it must change.
#[allow(clippy::too_many_arguments)]
fn check_pod(
    command: &AksCommand,
    pod: Cidr,
    service: Option<Cidr>,
    context: &Context,
    mode: Option<Mode>,
    out: &mut Out<'_>,
    found: &mut Vec<usize>,
) -> bool {
    let (range, written) = range_of(command, "--pod-cidr");
    let label = if written {
        format!("--pod-cidr {pod}")
    } else {
        format!("the default pod CIDR {pod}")
    };
    let mut bad = false;
    if let Some(hit) = reserved::hit(&pod) {
        bad = true;
        found.push(out.report(Draft { rule: RuleId::AksPodCidrReserved, severity: Severity::Error, at: range, message: format!("{label} overlaps {}, {}", hit.cidr, hit.name), why: format!("AKS reserves 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 and refuses pod ranges that overlap them; {pod} covers {}–{}, which includes {}. Source: AKS docs, networking limitations.", pod.format_addr(pod.network()), pod.format_addr(pod.last()), hit.cidr), fix: None }));
    }
    for vnet in &context.vnet {
        if vnet.overlaps(&pod) {
            bad = true;
            found.push(out.report(Draft { rule: RuleId::AksPodCidrOverlap, severity: Severity::Error, at: range, message: format!("{label} overlaps the VNet range {vnet}"), why: format!("Pod addresses must not be VNet addresses: AKS refuses a pod CIDR that overlaps the VNet or subnet with NetworkProfileCIDROverlapVNET. {pod} and {vnet} share {}.", shared(&pod, vnet)), fix: None }));
        }
    }
    for avoid in &context.avoid {
        if avoid.overlaps(&pod) {
            bad = true;
            found.push(out.report(Draft { rule: RuleId::AksPodCidrOverlap, severity: Severity::Error, at: range, message: format!("{label} overlaps {avoid}, a range to avoid"), why: format!("{pod} and {avoid} share {}: pods would not reach hosts there (on-premises, peered or VPN networks), because their addresses look local to the cluster.", shared(&pod, avoid)), fix: None }));
        }
    }
    if let Some(service) = service.filter(|s| s.overlaps(&pod)) {
        bad = true;
        found.push(out.report(Draft { rule: RuleId::AksPodCidrOverlap, severity: Severity::Error, at: range, message: format!("{label} overlaps the service CIDR {service}"), why: format!("Pod and service addresses must be distinct: {pod} and {service} share {}. AKS refuses the cluster.", shared(&pod, &service)), fix: None }));
    }
    if mode.is_some_and(Mode::uses_pod_cidr) && !is_private(&pod) && reserved::hit(&pod).is_none() {
        bad = true;
        found.push(out.report(Draft { rule: RuleId::AksPodCidrSpace, severity: Severity::Warning, at: range, message: format!("{label} is outside RFC 1918 and RFC 6598 space"), why: format!("AKS asks for an overlay pod CIDR in private space: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918) or 100.64.0.0/10 (RFC 6598). {pod} is public address space, so pods could not reach the real hosts that own it. Source: AKS docs \"Azure CNI Overlay\"."), fix: None }));
    }
    bad
}

/// Why the fix chose `new`: the preferred block when it was free, else the first free one.
fn choice_reason(what: &str, new: Cidr, preferred: Cidr, taken: &[(Cidr, &'static str)]) -> String {
    let known = if taken.is_empty() {
        String::from("nothing else is known")
    } else {
        let list: Vec<String> = taken
            .iter()
            .map(|(c, label)| format!("{label} {c}"))
            .collect();
        format!("known ranges: {}", list.join(", "))
    };
    if new == preferred {
        format!("The fix sets the {what} CIDR to {new}, which overlaps no known or reserved range ({known}).")
    } else {
        format!("The fix sets the {what} CIDR to {new}, the first free block in RFC 6598/RFC 1918 space of the size the nodes need, or else the biggest free one ({known}; {preferred} is taken or does not fit).")
    }
}

/// The range two overlapping blocks share, as text.
fn shared(a: &Cidr, b: &Cidr) -> String {
    let inner = if a.prefix >= b.prefix { a } else { b };
    format!(
        "{}–{}",
        inner.format_addr(inner.network()),
        inner.format_addr(inner.last())
    )
}
