//! `aks/flag-glued`: A flag written right after a value or a switch, with no blank between them.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/flag-glued",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A flag written right after a value or a switch, with no blank between them.",
    what: "A flag glued to the word before it (--name $CLUSTER--enable-ahub, --no-wait--yes). \
        podnet reads the flag as meant, so the other rules see it.",
    why: "The shell passes one word: the flag becomes part of the value before it, which gets a \
        wrong value, or forms no flag at all (\"unrecognized arguments\"). Either way the flag is \
        never set.",
    how_to_fix: "Insert a blank before the flag; the fix does this.",
    source: "bash word splitting (bash manual, \"Word Splitting\"); the flag table in \
        core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own argparse parser and the \
        aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::Safe,
    file: file!(),
};
