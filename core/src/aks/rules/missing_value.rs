//! `aks/missing-value`: A flag that needs a value is followed by another flag, or by nothing.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/missing-value",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A flag that needs a value is followed by another flag, or by nothing.",
    what: "A flag that takes a value (by azure-cli's parser) written last, or followed directly \
        by another flag.",
    why: "azure-cli stops with \"argument --x: expected one argument\" (or \"expected at least \
        one argument\"). Usually a value was left out, or a continued line lost it.",
    how_to_fix: "Give the value after the flag, or remove the flag. No automatic fix: podnet \
        cannot know the value.",
    source: "azure-cli's argparse parser: each flag's arity in the flag table in \
        core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own argparse parser and the \
        aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::None,
    file: file!(),
};
