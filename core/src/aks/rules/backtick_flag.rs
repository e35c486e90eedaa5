//! `aks/backtick-flag`: A flag wrapped in Markdown backticks, which bash runs as a command.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::aks::command::backticked_flag;
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::finding::{Edit, Fix};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksBacktickFlag,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A flag wrapped in Markdown backticks, which bash runs as a command.",
    what: "A flag written between backticks, like `--uptime-sla`, as Markdown code formatting \
        leaves it when a command is copied out of rendered docs or chat.",
    why: "In bash, backticks are command substitution: the shell tries to run the flag as a \
        program (\"command not found\") and passes its empty output, so azure-cli never sees the \
        flag and the cluster is created without it.",
    how_to_fix: "Remove the backticks around the flag; the fix does exactly that.",
    source: "bash command substitution (bash manual, \"Command Substitution\"); the flag table in \
        core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own argparse parser and the \
        aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports every flag in backticks (fix: remove the two backticks, so that the fixes of the
/// flags inside, which the model reads as meant, apply in the same pass).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    // Read as meant when the words inside are plain; otherwise still one word (stray).
    let command = facts.command;
    for &(start, end) in command.backticked.iter().chain(&command.stray) {
        let Some(inner) = backticked_flag(&facts.text[start..end]) else {
            continue;
        };
        out.report(Draft { rule: RuleId::AksBacktickFlag, severity: Severity::Error, at: (start, end), message: format!("{inner} is wrapped in backticks: bash runs it as a command and the flag is lost"), why: String::from("Backticks are Markdown's code formatting, but in bash they are command substitution: the shell tries to run the flag as a program (\"command not found\") and passes its empty output, so azure-cli never sees the flag."), fix: Some(Fix {
                title: String::from("Remove the backticks"),
                edits: vec![Edit::replace(start, start + 1, ""), Edit::replace(end - 1, end, "")],
            }) });
    }
}
