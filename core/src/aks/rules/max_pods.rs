//! `aks/max-pods`: --max-pods outside the 10 to 250 AKS accepts.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/max-pods",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--max-pods outside the 10 to 250 AKS accepts.",
    what: "--max-pods (or -m) below 10 or above 250.",
    why: "AKS accepts 10 to 250 pods per node in every network mode (10 only when the node pool \
        can still run 30 pods in total) and refuses the cluster otherwise. Above 253 a per-node \
        /24 (256 addresses minus network, broadcast and gateway) could not hold the pods either. \
        The defaults differ by mode: kubenet 110, Overlay 250, pod subnet 110, node subnet 30.",
    how_to_fix: "Set a value from 10 to 250; the fix sets the nearest one.",
    source: "AKS docs \"Azure CNI Overlay\" and \"Use kubenet networking\" (limits and the \
        max-pods table).",
    fix: FixSafety::Safe,
    file: file!(),
};
