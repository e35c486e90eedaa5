//! `aks/unknown-flag`: A flag az aks create|update does not have, or an abbreviation of several.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/unknown-flag",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A flag az aks create|update does not have, or an abbreviation of several.",
    what: "A flag neither azure-cli nor the aks-preview extension knows for the subcommand, or a \
        shortened long flag that begins several flags. The message names the closest flag.",
    why: "azure-cli stops with \"unrecognized arguments\" or \"ambiguous option\", and nothing is \
        created or changed.",
    how_to_fix: "Write the flag's full, correct name. No automatic fix: the flag is left as \
        written, since the closest name may not be the one meant.",
    source: "The flag table in core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own \
        argparse parser and the aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::None,
    file: file!(),
};
