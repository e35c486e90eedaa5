//! `aks/opaque-value`: Checked flags whose values are shell variables or placeholders, which podnet
//! cannot check.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/opaque-value",
    area: Area::Aks,
    severity: Severity::Info,
    summary: "Checked flags whose values are shell variables or placeholders, which podnet cannot \
        check.",
    what: "A networking flag podnet checks (plugin, ranges, DNS IP, counts, subnet ids, load \
        balancer values) whose value is a shell variable, a command substitution or a placeholder \
        ($POD_CIDR, <subnet-id>, {{ .Values.podCidr }}). One finding per command lists them all.",
    why: "podnet cannot know what such a value holds, so the rules that need it skip it: a clean \
        report says nothing about those values.",
    how_to_fix: "Paste the command with the values filled in, or give the ranges in the context \
        (vnet-cidr, avoid, nodes, max-pods).",
    source: "No upstream check: podnet's note on its own coverage. The placeholder forms are \
        listed in core/src/placeholder.rs.",
    fix: FixSafety::None,
    file: file!(),
};
