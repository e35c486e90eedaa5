//! `aks/pod-cidr-space`: A kubenet or Overlay pod CIDR in public address space.

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
    rule: RuleId::AksPodCidrSpace,
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "A kubenet or Overlay pod CIDR in public address space.",
    what: "A kubenet or Azure CNI Overlay pod CIDR outside 10.0.0.0/8, 172.16.0.0/12, \
        192.168.0.0/16 (RFC 1918) and 100.64.0.0/10 (RFC 6598).",
    why: "AKS does not block public ranges but does not support them: pods could not reach the \
        real hosts that own those addresses.",
    how_to_fix: "Use private space; the fix chooses a free block as for aks/pod-cidr-overlap \
        (100.64.0.0/10 first).",
    source: "AKS docs \"Azure CNI Overlay\" (azure-cni-overlay.md) (pod CIDR in RFC 1918 or RFC \
        6598 space).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a kubenet or overlay pod CIDR in public address space.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let decisions = &facts.corrections.addresses;
    let Some(pod) = decisions.pod_before else {
        return;
    };
    if !decisions.pod_conflicts.contains(&Conflict::Public) {
        return;
    }
    let (range, label) = ranges::located(facts.command, "--pod-cidr", "pod", pod);
    let why = format!("AKS asks for an overlay pod CIDR in private space: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918) or 100.64.0.0/10 (RFC 6598). {pod} is public address space, so pods could not reach the real hosts that own it. Source: AKS docs \"Azure CNI Overlay\".");
    out.report(Draft {
        rule: RuleId::AksPodCidrSpace,
        severity: Severity::Warning,
        at: range,
        message: format!("{label} is outside RFC 1918 and RFC 6598 space"),
        why: ranges::with_reason(why, decisions.pod_reason.as_deref()),
        fix: facts.fix_if(decisions.pod_replacement.is_some()),
    });
}
