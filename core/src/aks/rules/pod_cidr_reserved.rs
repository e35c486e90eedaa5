//! `aks/pod-cidr-reserved`: The pod CIDR overlaps a range AKS reserves.

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
    rule: RuleId::AksPodCidrReserved,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The pod CIDR overlaps a range AKS reserves.",
    what: "A pod CIDR that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24 \
        (so 172.16.0.0/12 as a whole, too).",
    why: "AKS refuses pod ranges that overlap the ranges it reserves, often with an error that \
        does not say which range.",
    how_to_fix: "Pick another range; the fix chooses a free one as for aks/pod-cidr-overlap \
        (100.64.0.0/10 first).",
    source: "AKS docs, networking limitations of \"Azure CNI Overlay\" and \"Configure kubenet\" \
        (reserved ranges).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a pod CIDR that overlaps a range AKS reserves.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let decisions = &facts.corrections.addresses;
    let Some(pod) = decisions.pod_before else {
        return;
    };
    let (range, label) = ranges::located(facts.command, "--pod-cidr", "pod", pod);
    for conflict in &decisions.pod_conflicts {
        let Conflict::Reserved(hit) = conflict else {
            continue;
        };
        let why = format!("AKS reserves 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 and refuses pod ranges that overlap them; {pod} covers {}–{}, which includes {}. Source: AKS docs, networking limitations.", pod.format_addr(pod.network()), pod.format_addr(pod.last()), hit.cidr);
        out.report(Draft {
            rule: RuleId::AksPodCidrReserved,
            severity: Severity::Error,
            at: range,
            message: format!("{label} overlaps {}, {}", hit.cidr, hit.name),
            why: ranges::with_reason(why, decisions.pod_reason.as_deref()),
            fix: facts.fix_if(decisions.pod_replacement.is_some()),
        });
    }
}
