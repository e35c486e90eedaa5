//! `flannel/vxlan-ipv6-mtu`.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/vxlan-ipv6-mtu",
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};
