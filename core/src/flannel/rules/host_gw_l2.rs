//! `flannel/host-gw-l2`.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/host-gw-l2",
    area: Area::Flannel,
    severity: Severity::Info,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};
