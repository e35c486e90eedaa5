//! `aks/pod-cidr-overlap`: The pod CIDR overlaps the VNet, a range to avoid, or the service CIDR.

use alloc::format;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::aks::ranges::{self, shared, Conflict};
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksPodCidrOverlap,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The pod CIDR overlaps the VNet, a range to avoid, or the service CIDR.",
    what: "A pod CIDR (written, or AKS's default 10.244.0.0/16 for kubenet and Overlay) that \
        overlaps a VNet or subnet range or a range to avoid from the context, or the service CIDR \
        (for an `az aks update`, which keeps the cluster's service CIDR, the one an `az aks show`, \
        Terraform or a template in the same analysis writes).",
    why: "AKS refuses a pod CIDR that overlaps the VNet (NetworkProfileCIDROverlapVNET) or the \
        service CIDR. One that overlaps on-premises, peered or VPN networks is accepted, but pods \
        cannot reach hosts there, because those addresses look local to the cluster.",
    how_to_fix: "Pick a pod range that overlaps nothing: the fix sets 100.64.0.0/10 (RFC 6598) \
        when it is free, else the first free RFC 6598 or RFC 1918 block of the size the nodes \
        need. Dual-stack --pod-cidrs lists are not rewritten.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (pod CIDR rules); \
        NetworkProfileCIDROverlapVNET, the AKS error users quote.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a pod CIDR that overlaps the VNet, a range to avoid or the service CIDR.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let decisions = &facts.corrections.addresses;
    let Some(pod) = decisions.pod_before else {
        return;
    };
    let (range, label) = ranges::located(facts.command, "--pod-cidr", "pod", pod);
    for conflict in &decisions.pod_conflicts {
        let (message, why) = match conflict {
            Conflict::Vnet(vnet) => (format!("{label} overlaps the VNet range {vnet}"), format!("Pod addresses must not be VNet addresses: AKS refuses a pod CIDR that overlaps the VNet or subnet with NetworkProfileCIDROverlapVNET. {pod} and {vnet} share {}.", shared(&pod, vnet))),
            Conflict::Avoid(avoid) => (format!("{label} overlaps {avoid}, a range to avoid"), format!("{pod} and {avoid} share {}: pods would not reach hosts there (on-premises, peered or VPN networks), because their addresses look local to the cluster.", shared(&pod, avoid))),
            Conflict::Service(service) => (format!("{label} overlaps the service CIDR {service}{}", decisions.service_elsewhere.as_ref().map(|at| format!(" ({at})")).unwrap_or_default()), format!("Pod and service addresses must be distinct: {pod} and {service} share {}. AKS refuses the cluster.", shared(&pod, service))),
            _ => continue,
        };
        out.report(Draft {
            rule: RuleId::AksPodCidrOverlap,
            severity: Severity::Error,
            at: range,
            message,
            why: ranges::with_reason(why, decisions.pod_reason.as_deref()),
            fix: facts.fix_if(decisions.pod_replacement.is_some()),
        });
    }
}
