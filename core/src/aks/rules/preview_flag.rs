//! `aks/preview-flag`: A flag only the aks-preview extension adds.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/preview-flag",
    area: Area::Aks,
    severity: Severity::Info,
    summary: "A flag only the aks-preview extension adds.",
    what: "A flag of az aks create or update that azure-cli itself does not have but the \
        aks-preview extension does.",
    why: "Without the extension azure-cli stops with \"unrecognized arguments\"; preview features \
        are not covered by AKS support.",
    how_to_fix: "Install the extension (az extension add --name aks-preview), or drop the flag.",
    source: "The flag table in core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own \
        argparse parser and the aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::None,
    file: file!(),
};
