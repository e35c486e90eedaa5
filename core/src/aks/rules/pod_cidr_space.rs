//! `aks/pod-cidr-space`.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/pod-cidr-space",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};
