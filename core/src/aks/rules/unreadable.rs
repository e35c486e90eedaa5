//! `aks/unreadable`: A quote or $( that is never closed: the command cannot be read.

use alloc::format;
use alloc::string::String;

use crate::aks::lexer::LexError;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksUnreadable,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A quote or $( that is never closed: the command cannot be read.",
    what: "An unclosed quote or command substitution. podnet reports only this for the command, \
        since nothing after it can be read.",
    why: "The shell keeps reading the next lines as part of the quoted text, or waits for more \
        input, so the command never runs as written.",
    how_to_fix: "Close the quote or the $( ), or remove it. No automatic fix.",
    source: "Shell quoting (bash manual, \"Quoting\", \"Command Substitution\"), as the lexer in \
        core/src/aks/lexer.rs reads it.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a command that cannot be read to its end (the only finding such a command gets).
pub fn check(error: &LexError, out: &mut Out<'_>) {
    out.report(Draft { rule: RuleId::AksUnreadable, severity: Severity::Error, at: (error.at, error.at + 1), message: format!("the command cannot be read: {}", error.message), why: String::from("The shell would keep reading the next lines as part of the quoted text (or wait for more input), so the command never runs as written. Close the quote, or remove it."), fix: None });
}
