//! `aks/backtick-flag`.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/backtick-flag",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};
