//! `aks/service-cidr-reserved`: The service CIDR overlaps a range AKS reserves.

use alloc::format;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::aks::ranges::{self, Conflict};
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksServiceCidrReserved,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The service CIDR overlaps a range AKS reserves.",
    what: "A service CIDR that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or \
        192.0.2.0/24.",
    why: "AKS refuses it, and the error it gives is often unclear (Azure/AKS#2234: a service CIDR \
        in 172.30.0.0/16).",
    how_to_fix: "Pick another range; the fix chooses one as for aks/service-cidr-overlap and \
        moves the DNS IP with it.",
    source: "AKS docs, networking limitations (reserved ranges); Azure/AKS#2234.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a service CIDR that overlaps a range AKS reserves.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let decisions = &facts.corrections.addresses;
    let Some(service) = decisions.service_before else {
        return;
    };
    let (range, label) = ranges::located(facts.command, "--service-cidr", "service", service);
    for conflict in &decisions.service_conflicts {
        let Conflict::Reserved(hit) = conflict else {
            continue;
        };
        let why = format!("AKS reserves 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 and refuses service ranges that overlap them ({service} covers {}–{} and {} covers {}–{}); the error it gives is often unclear (Azure/AKS#2234). Source: AKS docs, networking limitations.", service.format_addr(service.network()), service.format_addr(service.last()), hit.cidr, hit.cidr.format_addr(hit.cidr.network()), hit.cidr.format_addr(hit.cidr.last()));
        out.report(Draft {
            rule: RuleId::AksServiceCidrReserved,
            severity: Severity::Error,
            at: range,
            message: format!("{label} overlaps {}, {}", hit.cidr, hit.name),
            why: ranges::with_reason(why, decisions.service_reason.as_deref()),
            fix: facts.fix_if(decisions.service_replacement.is_some()),
        });
    }
}
