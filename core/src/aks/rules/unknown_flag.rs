//! `aks/unknown-flag`: A flag az aks create|update does not have, or an abbreviation of several.

use alloc::format;
use alloc::string::String;

use crate::aks::az_flags::AZURE_CLI_VERSION;
use crate::aks::command::{FlagState, Opt, MAX_FLAGS_CHECKED};
use crate::aks::facts::Facts;
use crate::aks::flags;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksUnknownFlag,
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

/// Reports every flag azure-cli does not know for the subcommand, or that abbreviates several;
/// the message names the closest flag.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    let verb = command.verb.name();
    // A pasted command has tens of options; the cap keeps a pathological paste linear.
    for option in command.options.iter().take(MAX_FLAGS_CHECKED) {
        let range = (option.name_start, option.name_end);
        match &option.state {
            FlagState::Unknown => {
                let hint = flags::likely_intended(&option.written, command.verb)
                    .map_or_else(String::new, |intended| {
                        format!("; did you mean {intended}?")
                    });
                out.report(Draft { rule: RuleId::AksUnknownFlag, severity: Severity::Error, at: range, message: format!("{} is not a flag of az aks {verb}{hint}", option.written), why: format!("azure-cli stops with \"unrecognized arguments: {}\" and nothing is created or changed. podnet knows every flag of az aks {verb} in azure-cli {} and in the aks-preview extension.", rejected(option), AZURE_CLI_VERSION), fix: None });
            }
            FlagState::Ambiguous(names) => {
                out.report(Draft { rule: RuleId::AksUnknownFlag, severity: Severity::Error, at: range, message: format!("ambiguous option: {} could match {}{}", option.written, names[..names.len().min(6)].join(", "), if names.len() > 6 { ", …" } else { "" }), why: String::from("azure-cli accepts a shortened long flag only when it is the beginning of exactly one flag; write the whole name."), fix: None });
            }
            FlagState::Known(_) => {}
        }
    }
}

/// The words azure-cli rejects: the flag as written and its values.
fn rejected(option: &Opt) -> String {
    let mut words = String::from(&option.written);
    for value in option.value.iter().chain(&option.more) {
        words.push(' ');
        words.push_str(&value.text);
    }
    words
}
