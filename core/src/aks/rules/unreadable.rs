//! `aks/unreadable`: A quote or $( that is never closed: the command cannot be read.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/unreadable",
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
