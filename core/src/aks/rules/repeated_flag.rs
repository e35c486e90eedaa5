//! `aks/repeated-flag`: A flag given twice with different values; azure-cli keeps the last.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/repeated-flag",
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "A flag given twice with different values; azure-cli keeps the last.",
    what: "A known flag written again later in the command with another value (the same value \
        twice is harmless).",
    why: "argparse keeps the last value of a repeated flag and drops the earlier one without a \
        word, so the cluster may not get the value a reader sees first.",
    how_to_fix: "Remove the occurrence that was not meant. No automatic fix: which value was \
        meant is the author's call.",
    source: "azure-cli's argparse parser (the last value wins).",
    fix: FixSafety::None,
    file: file!(),
};
