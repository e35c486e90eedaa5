//! `aks/repeated-flag`: A flag given twice with different values; azure-cli keeps the last.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::command::{FlagState, Opt};
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksRepeatedFlag,
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

/// Reports every flag that a later one of the same name overrides with another value.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    for option in &command.options {
        let Some(last) = command
            .get(&option.name)
            .filter(|last| last.name_start != option.name_start)
        else {
            continue;
        };
        // azure-cli keeps the last of a repeated flag; an earlier one with another value is
        // lost (the same value twice is harmless).
        let values = |o: &Opt| -> Vec<String> {
            o.value
                .iter()
                .chain(&o.more)
                .map(|v| v.text.clone())
                .collect()
        };
        let differs = values(option) != values(last);
        if differs && matches!(option.state, FlagState::Known(_)) {
            out.report(Draft { rule: RuleId::AksRepeatedFlag, severity: Severity::Warning, at: (option.name_start, option.name_end), message: format!("{} is given again later with another value; azure-cli uses only the last one", option.name), why: String::from("argparse keeps the last value of a repeated flag, so this one is ignored. Remove it to avoid doubt about which value the cluster gets."), fix: None });
        }
    }
}
