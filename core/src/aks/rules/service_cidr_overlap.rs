//! `aks/service-cidr-overlap`: The service CIDR overlaps the VNet or a range to avoid.

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
    rule: RuleId::AksServiceCidrOverlap,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The service CIDR overlaps the VNet or a range to avoid.",
    what: "A service CIDR (written, or AKS's default 10.0.0.0/16) that overlaps a VNet or subnet \
        range or a range to avoid from the context.",
    why: "Services live outside the VNet: AKS refuses an overlap with the VNet \
        (ServiceCidrOverlapExistingSubnetsCidr). An overlap with a range to avoid makes that \
        network unreachable from pods, because traffic to it goes to a service instead.",
    how_to_fix: "Pick a free range: the fix sets AKS's default 10.0.0.0/16 when it is free, else \
        the first free /16 in RFC 1918, then RFC 6598 space, and moves --dns-service-ip to its \
        tenth address. Dual-stack --service-cidrs lists are not rewritten.",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (service CIDR); \
        ServiceCidrOverlapExistingSubnetsCidr, the AKS error users quote.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a service CIDR that overlaps the VNet or a range to avoid.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let decisions = &facts.corrections.addresses;
    let Some(service) = decisions.service_before else {
        return;
    };
    let (range, label) = ranges::located(facts.command, "--service-cidr", "service", service);
    for conflict in &decisions.service_conflicts {
        let (message, why) = match conflict {
            Conflict::Vnet(vnet) => (format!("{label} overlaps the VNet range {vnet}"), format!("Services live outside the VNet: AKS refuses a service CIDR that overlaps the cluster's VNet or subnet with ServiceCidrOverlapExistingSubnetsCidr. {service} and {vnet} share {}.", shared(&service, vnet))),
            Conflict::Avoid(avoid) => (format!("{label} overlaps {avoid}, a range to avoid"), format!("{service} and {avoid} share {}: pods could not reach that network, because traffic to it would go to a service instead.", shared(&service, avoid))),
            _ => continue,
        };
        out.report(Draft {
            rule: RuleId::AksServiceCidrOverlap,
            severity: Severity::Error,
            at: range,
            message,
            why: ranges::with_reason(why, decisions.service_reason.as_deref()),
            fix: facts.fix_if(decisions.service_replacement.is_some()),
        });
    }
}
