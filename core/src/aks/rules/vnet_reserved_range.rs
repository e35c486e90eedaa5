//! `aks/vnet-reserved-range`: A VNet range from the context overlaps a range AKS reserves.

use alloc::format;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::aks::reserved;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksVnetReservedRange,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A VNet or subnet range (from the context or another document) overlaps a range AKS reserves.",
    what: "A VNet or subnet range of the model (vnet-cidr in the context, or a range another document states) that overlaps 169.254.0.0/16, 172.30.0.0/16, \
        172.31.0.0/16 or 192.0.2.0/24.",
    why: "AKS refuses clusters whose VNet or subnet overlaps a range it reserves.",
    how_to_fix: "Re-address the VNet or subnet. No fix from the command: it does not set the \
        VNet's range.",
    source: "AKS docs, networking limitations (reserved ranges).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports every VNet range of the model (the context's, or a document's) that overlaps a range AKS reserves.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    for stated in facts.around.vnet {
        let vnet = stated.value;
        let from = if stated.source.in_document() {
            format!("at {}", stated.source.describe())
        } else {
            alloc::string::String::from("from the context")
        };
        if let Some(hit) = reserved::hit(&vnet) {
            out.report(Draft { rule: RuleId::AksVnetReservedRange, severity: Severity::Error, at: (command.start, command.start + 2), message: format!("the VNet range {vnet} ({from}) overlaps {}, {}", hit.cidr, hit.name), why: format!("AKS refuses clusters whose VNet or subnet overlaps {}, which it reserves (169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24). The VNet cannot be changed from this command: re-address the subnet. Source: AKS docs, networking limitations.", hit.cidr), fix: None });
        }
    }
}
