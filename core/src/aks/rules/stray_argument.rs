//! `aks/stray-argument`: A word that is neither a flag nor a flag's value, or a value given to a
//! switch.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/stray-argument",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A word that is neither a flag nor a flag's value, or a value given to a switch.",
    what: "A positional word in az aks create|update, or --switch=value for a flag that takes no \
        value.",
    why: "azure-cli takes no positional arguments there and stops with \"unrecognized arguments\" \
        (for a switch, \"ignored explicit argument\"), so nothing is created or changed. The usual \
        causes: a value with spaces and no quotes, or a continuation marker that is not the last \
        character of its line.",
    how_to_fix: "Quote values with spaces, remove the word, or drop the =value after a switch. No \
        automatic fix.",
    source: "azure-cli's argparse parser; which flags are switches comes from the flag table in \
        core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own argparse parser and the \
        aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::None,
    file: file!(),
};
