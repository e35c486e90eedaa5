//! `aks/missing-value`: A flag that needs a value is followed by another flag, or by nothing.

use alloc::format;
use alloc::string::String;

use crate::aks::command::{FlagState, MAX_FLAGS_CHECKED};
use crate::aks::facts::Facts;
use crate::aks::flags::Arity;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksMissingValue,
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

/// Reports every flag that needs a value and has none.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    for option in facts.command.options.iter().take(MAX_FLAGS_CHECKED) {
        let FlagState::Known(known) = &option.state else {
            continue;
        };
        if known.arity.needs_value() && option.value.is_none() {
            let expected = if known.arity == Arity::Many {
                "expected at least one argument"
            } else {
                "expected one argument"
            };
            out.report(Draft { rule: RuleId::AksMissingValue, severity: Severity::Error, at: (option.name_start, option.name_end), message: format!("{} needs a value; azure-cli stops with \"argument {}: {expected}\"", option.written, option.written), why: String::from("azure-cli reads the next word as the flag's value; here the flag is last, or the next word is another flag (a value left out, or a continued line whose value went missing)."), fix: None });
        }
    }
}
