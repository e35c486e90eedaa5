//! `flannel/backend-mtu`.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/backend-mtu",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};
