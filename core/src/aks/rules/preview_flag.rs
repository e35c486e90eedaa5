//! `aks/preview-flag`: A flag only the aks-preview extension adds.

use alloc::format;

use crate::aks::command::{FlagState, MAX_FLAGS_CHECKED};
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksPreviewFlag,
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

/// Reports every flag only the aks-preview extension knows.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let verb = facts.command.verb.name();
    for option in facts.command.options.iter().take(MAX_FLAGS_CHECKED) {
        let FlagState::Known(known) = &option.state else {
            continue;
        };
        if known.preview_only {
            out.report(Draft { rule: RuleId::AksPreviewFlag, severity: Severity::Info, at: (option.name_start, option.name_end), message: format!("{} needs the aks-preview extension", option.written), why: format!("Only the aks-preview extension adds {} to az aks {verb}; without it azure-cli stops with \"unrecognized arguments\". Install it with az extension add --name aks-preview (preview features are not covered by AKS support).", known.name), fix: None });
        }
    }
}
