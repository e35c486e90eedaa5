//! `aks/dataplane-policy`: A network policy engine that does not match the dataplane.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/dataplane-policy",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A network policy engine that does not match the dataplane.",
    what: "--network-policy azure or calico with --network-dataplane cilium, or --network-policy \
        cilium without --network-dataplane cilium.",
    why: "With the Cilium dataplane, Cilium enforces network policy itself (azure-cli sets \
        --network-policy cilium when none is given), and AKS rejects Azure Network Policy Manager \
        or Calico on it; Cilium policy comes only with the Cilium dataplane. AKS refuses the \
        cluster.",
    how_to_fix: "With the Cilium dataplane, write --network-policy cilium or leave it out; for \
        Cilium policy, add --network-dataplane cilium or choose another engine. No automatic fix: \
        which one was meant is the author's call.",
    source: "AKS docs \"Azure CNI Powered by Cilium\" (azure-cni-powered-by-cilium.md).",
    fix: FixSafety::None,
    file: file!(),
};
