//! `aks/stray-argument`: A word that is neither a flag nor a flag's value, or a value given to a
//! switch.

use alloc::format;
use alloc::string::String;

use crate::aks::command::{backticked_flag, FlagState, MAX_FLAGS_CHECKED};
use crate::aks::facts::Facts;
use crate::aks::flags::Arity;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksStrayArgument,
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

/// Reports every word that is neither a flag nor a flag's value, and every value given to a
/// switch.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    for &(start, end) in &command.stray {
        // A flag in backticks is `aks/backtick-flag`'s.
        if backticked_flag(&facts.text[start..end]).is_some() {
            continue;
        }
        out.report(Draft { rule: RuleId::AksStrayArgument, severity: Severity::Error, at: (start, end), message: String::from("this word is neither a flag nor a flag's value; azure-cli stops with \"unrecognized arguments\""), why: String::from("azure-cli takes no positional arguments after az aks create|update: every value follows its flag, and a switch such as --generate-ssh-keys takes none. A value with spaces needs quotes, and a line continuation must be the last character of its line."), fix: None });
    }
    for option in command.options.iter().take(MAX_FLAGS_CHECKED) {
        let FlagState::Known(known) = &option.state else {
            continue;
        };
        if known.arity == Arity::Switch && option.equals {
            let value = option.value.as_ref().map_or("", |v| v.text.as_str());
            out.report(Draft {
                rule: RuleId::AksStrayArgument,
                severity: Severity::Error,
                at: option.value_range(),
                message: format!(
                    "{} takes no value; azure-cli stops with \"ignored explicit argument '{value}'\"",
                    option.written
                ),
                why: format!(
                    "{} is a switch: writing it turns the setting on, and it accepts no =value.",
                    known.name
                ),
                fix: None,
            });
        }
    }
}
